#include "jd-window.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-app-resources.h"
#include "jd-codec.h"
#include "jd-conflict-dialog.h"
#include "jd-preferences-window.h"
#include "jd-records-view.h"
#include "jd-dashboard-view.h"
#include "jd-roster-import.h"
#include "jd-rosters-view.h"
#include "jd-sample-store.h"
#include "jd-supervision-view.h"

#define SAMPLE_CASES 2000
#define SAMPLE_SEED 1

struct _JdWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *progress_page;
  GtkProgressBar       *progress_bar;
  GtkButton            *cancel_button;
  GtkStack             *view_stack;
  AdwLeaflet           *leaflet;
  GtkWidget            *list_view;
  GtkWidget            *case_view;
  AdwWindowTitle       *list_title;
  AdwWindowTitle       *case_title;
  JdCaseList           *case_list;
  JdCasePage           *case_page;
  JdSyncButton         *sync_button;
  JdReviewView         *review_view;
  JdRecordsView        *records_view;

  /* owned references */
  GSettings            *settings;
  JdStore              *store;
  JdCaseChecker        *checker;
  JdCaseListModel      *model;
  JdSyncManager        *sync_manager;
  GCancellable         *cancellable;   /* of the write running, NULL when idle */
  GtkFileChooserNative *chooser;

  guint                 pulse_id;
  guint                 counting_id;  /* the title waits for the count until this runs */
  guint                 sample_size;
};

G_DEFINE_FINAL_TYPE (JdWindow, jd_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  SIGNAL_RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
jd_window_toast (JdWindow   *self,
                 const char *text)
{
  g_return_if_fail (JD_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
jd_window_show_error (JdWindow   *self,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (JD_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}


/* While the list's cases are counted, the title keeps what it said for this long: most counts
 * take less, and a title that changed twice at every key typed would flicker. */
#define COUNTING_DELAY_MS 300

static void
update_title (JdWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *count = NULL;

  if (jd_case_list_model_is_counting (self->model))
    {
      if (self->counting_id != 0)
        return;
      count = g_strdup (_("Counting the cases…"));
    }
  else if (jd_case_list_model_is_capped (self->model))
    /* TRANSLATORS: a search with more hits than the list holds */
    count = g_strdup_printf (_("The newest %u hits of more: narrow the search"), n);
  else
    /* TRANSLATORS: the number of cases the list shows */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case", "%u cases", n), n);
  if (jd_case_checker_is_refreshing (self->checker))
    {
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: “3,000 cases · checking every case: 45%” */
      subtitle = g_strdup_printf (_("%s · checking every case: %d%%"), count,
                                  (int) (jd_case_checker_get_refresh_fraction (self->checker)
                                         * 100));
      adw_window_title_set_subtitle (self->list_title, subtitle);
    }
  else
    adw_window_title_set_subtitle (self->list_title, count);
}

static gboolean
counting_timeout_cb (gpointer user_data)
{
  JdWindow *self = user_data;

  self->counting_id = 0;
  update_title (self);
  return G_SOURCE_REMOVE;
}

static void
counting_changed_cb (JdWindow *self)
{
  g_clear_handle_id (&self->counting_id, g_source_remove);
  if (jd_case_list_model_is_counting (self->model))
    self->counting_id = g_timeout_add (COUNTING_DELAY_MS, counting_timeout_cb, self);
  update_title (self);
}

static void
show_main_view (JdWindow *self)
{
  g_autoptr(GError) error = NULL;
  int has_cases = jd_store_has_rows (self->store, JD_COLLECTION_CASES, &error);

  if (has_cases < 0)
    {
      g_warning ("Could not look for cases: %s", error->message);
      has_cases = 0;
    }
  gtk_stack_set_visible_child_name (self->main_stack, has_cases ? "main" : "empty");
}

static void
save_last_view (JdWindow *self)
{
  JdCase *kase = jd_case_page_get_case (self->case_page);
  const char *view = jd_window_get_view (self);

  if (g_strcmp0 (view, "case") == 0 && kase != NULL)
    {
      g_autofree char *value = g_strconcat ("case:", jd_entity_get_id (JD_ENTITY (kase)), NULL);

      g_settings_set_string (self->settings, "last-view", value);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0)
    g_settings_set_string (self->settings, "last-view",
                           gtk_stack_get_visible_child_name (self->view_stack));
}

static void
view_changed_cb (JdWindow *self)
{
  if (self->settings != NULL)
    save_last_view (self);
}

gboolean
jd_window_show_view (JdWindow   *self,
                     const char *name)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (gtk_stack_get_child_by_name (self->view_stack, name) == NULL)
    return FALSE;
  gtk_stack_set_visible_child_name (self->view_stack, name);
  if (g_strcmp0 (name, "cases") == 0)
    adw_leaflet_set_visible_child (self->leaflet, self->list_view);
  return TRUE;
}

void
jd_window_show_case (JdWindow *self,
                     JdCase   *kase)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (JD_IS_CASE (kase));

  jd_case_page_set_case (self->case_page, kase, self->checker);
  adw_window_title_set_title (self->case_title, jd_case_get_number (kase));
  adw_window_title_set_subtitle (self->case_title, jd_case_get_title (kase));
  gtk_stack_set_visible_child_name (self->view_stack, "cases");
  adw_leaflet_set_visible_child (self->leaflet, self->case_view);
  save_last_view (self);
}

static void
case_activated_cb (JdWindow *self,
                   JdCase   *kase)
{
  jd_window_show_case (self, kase);
}

/* The case page wrote the case or a record: its row, the checks and the filters follow. */
static void
case_saved_cb (JdWindow *self,
               JdCase   *kase)
{
  adw_window_title_set_title (self->case_title, jd_case_get_number (kase));
  adw_window_title_set_subtitle (self->case_title, jd_case_get_title (kase));
  jd_case_checker_refresh_all (self->checker);
  jd_case_list_model_reload (self->model);
  jd_window_toast (self, _("Saved"));
}

static void
leaflet_child_cb (JdWindow *self)
{
  if (adw_leaflet_get_visible_child (self->leaflet) == self->list_view)
    save_last_view (self);
}

static void
back_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->list_view);
}

static void
search_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") != 0)
    return;
  gtk_stack_set_visible_child_name (self->view_stack, "cases");
  adw_leaflet_set_visible_child (self->leaflet, self->list_view);
  jd_case_list_focus_search (self->case_list);
}

void
jd_window_reload (JdWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JD_IS_WINDOW (self));

  if (!jd_case_checker_reload (self->checker, &error))
    jd_window_toast (self, error->message);
  jd_case_checker_refresh_all (self->checker);
  jd_case_list_model_reload (self->model);
  show_main_view (self);
  g_signal_emit (self, signals[SIGNAL_RELOADED], 0);
}

/* Long writes: the same progress page for sample data and imports. */

static gboolean
pulse_cb (gpointer user_data)
{
  JdWindow *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
begin_work (JdWindow   *self,
            const char *title,
            const char *description)
{
  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->progress_page, title);
  adw_status_page_set_description (self->progress_page, description);
  gtk_stack_set_visible_child_name (self->main_stack, "progress");
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), TRUE);
  self->pulse_id = g_timeout_add (100, pulse_cb, self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-sample-data", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", FALSE);
}

static void
end_work (JdWindow *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-sample-data", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", TRUE);
  jd_window_reload (self);
}

static void
cancel_clicked_cb (JdWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), FALSE);
}

/* The worker threads write through a connection of their own: the window's stays on the main
 * thread, and WAL lets it read while they write. */

static void
sample_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  guint n_cases = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "n-cases"));
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);

  if (store == NULL || !jd_sample_store (store, n_cases, SAMPLE_SEED, NULL, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
sample_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JdWindow *self = JD_WINDOW (source);
  g_autoptr(GError) error = NULL;

  end_work (self);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    jd_window_toast (self, _("Sample data created"));
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    jd_window_toast (self, _("Sample data cancelled: the cases written so far were kept"));
  else
    jd_window_show_error (self, _("Could Not Create Sample Data"), error->message);
}

static void
create_sample_data_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  g_autofree char *description = NULL;

  if (self->cancellable != NULL)
    return;

  description = g_strdup_printf (_("Generating a district with %u cases, their records, "
                                   "reviews and publications."),
                                 self->sample_size);
  begin_work (self, _("Creating Sample Data"), description);
  task = g_task_new (self, self->cancellable, sample_done_cb, NULL);
  g_task_set_source_tag (task, create_sample_data_cb);
  g_task_set_task_data (task, g_strdup (jd_store_get_path (self->store)), g_free);
  g_object_set_data (G_OBJECT (task), "n-cases", GUINT_TO_POINTER (self->sample_size));
  g_task_run_in_thread (task, sample_thread);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  const char *path = g_object_get_data (G_OBJECT (task), "db-path");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JdDocument) document = NULL;
  g_autofree char *name = g_file_get_basename (file);
  JdImportStats *stats = g_new0 (JdImportStats, 1);

  bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  if (bytes != NULL)
    store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);
  if (store != NULL)
    {
      if (g_str_has_suffix (name, ".csv") || g_str_has_suffix (name, ".CSV"))
        document = jd_roster_import_document (store, bytes, &error);
      else
        document = jd_codec_read (bytes, &error);
    }
  if (document != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error)
      && jd_store_import (store, document, stats, &error))
    {
      g_task_return_pointer (task, stats, g_free);
      return;
    }

  g_free (stats);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  JdWindow *self = JD_WINDOW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autofree JdImportStats *stats = NULL;

  end_work (self);
  stats = g_task_propagate_pointer (G_TASK (result), &error);
  if (stats != NULL)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: “file.json”: 3 added, 2 updated */
      text = g_strdup_printf (_("“%s”: %u added, %u updated"), name, stats->inserted,
                              stats->updated);
      jd_window_toast (self, text);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    jd_window_toast (self, _("Import cancelled: nothing was written"));
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Could Not Import “%s”"), name);
      g_autofree char *body =
        g_strdup_printf (_("%s\n\nNothing from this file was written. Correct the file, or choose "
                           "a jiandu/1 JSON document or a roster CSV, and import it again."),
                         error->message);

      jd_window_show_error (self, heading, body);
    }
}

void
jd_window_import_file (JdWindow *self,
                       GFile    *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *title = g_strdup_printf (_("Importing “%s”"), name);

  if (self->cancellable != NULL)
    return;

  begin_work (self, title, _("Checking every object, then writing them in one transaction."));
  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, jd_window_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "db-path", g_strdup (jd_store_get_path (self->store)),
                          g_free);
  g_task_run_in_thread (task, import_thread);
}

static void
chooser_response_cb (JdWindow             *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      jd_window_import_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (self->chooser != NULL || self->cancellable != NULL)
    return;

  gtk_file_filter_set_name (all, _("jiandu/1 documents and rosters"));
  gtk_file_filter_add_suffix (all, "json");
  gtk_file_filter_add_suffix (all, "csv");
  gtk_file_filter_set_name (json, _("jiandu/1 documents (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_set_name (csv, _("Rosters (CSV)"));
  gtk_file_filter_add_suffix (csv, "csv");

  self->chooser = gtk_file_chooser_native_new (_("Import File"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), json);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Sync: the button under the sidebar's header shows the manager's state. */

static void
sync_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);

  if (jd_sync_manager_get_state (self->sync_manager) == JD_SYNC_STATE_SIGNED_OUT)
    jd_window_toast (self, _("Not signed in: sign in to a server in Preferences first"));
  else
    jd_sync_manager_sync (self->sync_manager);
}

static void
synced_cb (JdWindow *self,
           gboolean  rows_changed)
{
  if (rows_changed)
    jd_window_reload (self);
}

static void
resolve_conflicts_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  GtkWidget *dialog = jd_conflict_dialog_new (GTK_WINDOW (self), self->store, self->sync_manager);

  g_signal_connect_object (dialog, "resolved", G_CALLBACK (jd_window_reload), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_in_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  GtkWidget *preferences = jd_preferences_window_new (GTK_WINDOW (widget));

  jd_preferences_window_show_sync (JD_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The case page's "Review": that case in the review workspace. */
static void
review_case_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  JdWindow *self = JD_WINDOW (widget);
  JdCase *kase = jd_case_page_get_case (self->case_page);

  if (kase == NULL)
    return;
  jd_review_view_open_case (self->review_view, kase);
  jd_window_show_view (self, "review");
}

static void
configure_checker (JdWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *profile = g_settings_get_string (self->settings, "profile");
  g_autofree char *as_of = g_settings_get_string (self->settings, "as-of-date");

  if (!jd_case_checker_configure (self->checker, profile, as_of, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The rules could not be set up: %s"),
                                               error->message);

      jd_window_toast (self, text);
      jd_case_checker_configure (self->checker, NULL, NULL, NULL);
    }
}

static void
rules_setting_changed_cb (JdWindow *self)
{
  configure_checker (self);
  jd_case_checker_refresh_all (self->checker);
  /* Rebinding every visible row runs the new rules over them. */
  jd_case_list_model_reload (self->model);
  jd_case_page_refresh (self->case_page);
}

static void
restore_last_view (JdWindow *self)
{
  g_autofree char *view = g_settings_get_string (self->settings, "last-view");
  g_autoptr(JdEntity) kase = NULL;

  if (!g_str_has_prefix (view, "case:"))
    {
      if (gtk_stack_get_child_by_name (self->view_stack, view) != NULL)
        gtk_stack_set_visible_child_name (self->view_stack, view);
      return;
    }
  kase = jd_store_get (self->store, JD_COLLECTION_CASES, view + strlen ("case:"), NULL);
  if (kase != NULL && !jd_entity_get_deleted (kase))
    jd_window_show_case (self, JD_CASE (kase));
}

static gboolean
jd_window_close_request (GtkWindow *window)
{
  JdWindow *self = JD_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  save_last_view (self);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (jd_window_parent_class)->close_request (window);
}

static void
jd_window_dispose (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->sync_manager != NULL)
    jd_sync_manager_shutdown (self->sync_manager);
  g_clear_handle_id (&self->counting_id, g_source_remove);
  /* A closed window needs no findings: the next one goes on from what was kept. */
  if (self->checker != NULL)
    jd_case_checker_cancel_refresh (self->checker);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_WINDOW);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (jd_window_parent_class)->dispose (object);
}

static void
jd_window_finalize (GObject *object)
{
  JdWindow *self = JD_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->model);
  g_clear_object (&self->sync_manager);
  g_clear_object (&self->checker);
  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (jd_window_parent_class)->finalize (object);
}

static void
jd_window_class_init (JdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = jd_window_dispose;
  object_class->finalize = jd_window_finalize;
  window_class->close_request = jd_window_close_request;

  /**
   * JdWindow::reloaded:
   *
   * The store was read again (after sample data, an import, a sync or another program's
   * writes): views showing its data read it again too.
   */
  signals[SIGNAL_RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /* Links the resources' object file, whose constructor registers them, into every program
   * that uses a window, the tests included. */
  g_assert (jd_app_get_resource () != NULL);
  g_type_ensure (JD_TYPE_CASE_LIST);
  g_type_ensure (JD_TYPE_CASE_PAGE);
  g_type_ensure (JD_TYPE_ROSTERS_VIEW);
  g_type_ensure (JD_TYPE_SYNC_BUTTON);
  g_type_ensure (JD_TYPE_REVIEW_VIEW);
  g_type_ensure (JD_TYPE_RECORDS_VIEW);
  g_type_ensure (JD_TYPE_SUPERVISION_VIEW);
  g_type_ensure (JD_TYPE_DASHBOARD_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, progress_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, list_title);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, case_title);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, case_list);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, case_page);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, sync_button);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, review_view);
  gtk_widget_class_bind_template_child (widget_class, JdWindow, records_view);
  gtk_widget_class_bind_template_callback (widget_class, case_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "win.review-case", NULL, review_case_cb);
  gtk_widget_class_install_action (widget_class, "win.create-sample-data", NULL,
                                   create_sample_data_cb);
  gtk_widget_class_install_action (widget_class, "win.sync", NULL, sync_cb);
  gtk_widget_class_install_action (widget_class, "win.sign-in", NULL, sign_in_cb);
  gtk_widget_class_install_action (widget_class, "win.resolve-conflicts", NULL,
                                   resolve_conflicts_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.sync",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.sync", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import",
                                       NULL);
}

static void
jd_window_init (JdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* libadwaita stripes the header bars of a development build. */
  if (APP_DEVELOPMENT)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->sample_size = SAMPLE_CASES;
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

JdWindow *
jd_window_new (GtkApplication *application,
               JdStore        *store)
{
  JdWindow *self;

  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (JD_IS_STORE (store), NULL);

  self = g_object_new (JD_TYPE_WINDOW, "application", application, NULL);
  self->store = g_object_ref (store);
  /* The window reads a page of 100 cases at a time and the indexes that find them: 16 MiB of
   * SQLite's pages hold what it uses again, where the default 64 MiB would fill with rows read
   * once while scrolling. */
  jd_store_set_cache_size (store, 16384);
  self->checker = jd_case_checker_new (store);
  configure_checker (self);
  self->model = jd_case_list_model_new (store);
  jd_case_list_set_model (self->case_list, self->model, self->checker);
  g_signal_connect_object (self->model, "items-changed", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::counting", G_CALLBACK (counting_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checker, "refresh-progress", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checker, "checks-updated", G_CALLBACK (update_title), self,
                           G_CONNECT_SWAPPED);
  counting_changed_cb (self);
  jd_records_view_set_window (self->records_view, self);
  g_signal_connect_object (self->case_page, "case-saved", G_CALLBACK (case_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::profile",
                           G_CALLBACK (rules_setting_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::as-of-date",
                           G_CALLBACK (rules_setting_changed_cb), self, G_CONNECT_SWAPPED);

  jd_rosters_view_set_window (JD_ROSTERS_VIEW (gtk_stack_get_child_by_name (self->view_stack,
                                                                             "rosters")),
                              self);
  self->sync_manager = jd_sync_manager_new (store, self->settings);
  jd_sync_button_set_manager (self->sync_button, self->sync_manager);
  g_signal_connect_object (self->sync_manager, "synced", G_CALLBACK (synced_cb), self,
                           G_CONNECT_SWAPPED);
  jd_review_view_set_window (self->review_view, self);
  jd_supervision_view_set_window (
    JD_SUPERVISION_VIEW (gtk_stack_get_child_by_name (self->view_stack, "supervision")), self);
  jd_dashboard_view_set_window (
    JD_DASHBOARD_VIEW (gtk_stack_get_child_by_name (self->view_stack, "dashboard")), self);

  show_main_view (self);
  restore_last_view (self);
  /* What the rules find in every case, for the filters, in the background. */
  jd_case_checker_refresh_all (self->checker);
  return self;
}

JdStore *
jd_window_get_store (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->store;
}

GSettings *
jd_window_get_settings (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->settings;
}

JdCaseChecker *
jd_window_get_checker (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->checker;
}

JdSyncManager *
jd_window_get_sync_manager (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->sync_manager;
}

JdSyncButton *
jd_window_get_sync_button (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->sync_button;
}

JdCaseList *
jd_window_get_case_list (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->case_list;
}

JdReviewView *
jd_window_get_review_view (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->review_view;
}

JdCasePage *
jd_window_get_case_page (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  return self->case_page;
}

const char *
jd_window_get_view (JdWindow *self)
{
  const char *name;

  g_return_val_if_fail (JD_IS_WINDOW (self), NULL);

  name = gtk_stack_get_visible_child_name (self->main_stack);
  if (g_strcmp0 (name, "main") != 0)
    return name;
  name = gtk_stack_get_visible_child_name (self->view_stack);
  if (g_strcmp0 (name, "cases") == 0
      && adw_leaflet_get_visible_child (self->leaflet) == self->case_view)
    return "case";
  return name;
}

gboolean
jd_window_is_busy (JdWindow *self)
{
  g_return_val_if_fail (JD_IS_WINDOW (self), FALSE);

  return self->cancellable != NULL;
}

void
jd_window_set_sample_size (JdWindow *self,
                           guint     n_cases)
{
  g_return_if_fail (JD_IS_WINDOW (self));
  g_return_if_fail (n_cases > 0);

  self->sample_size = n_cases;
}
