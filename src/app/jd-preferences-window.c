#include "jd-preferences-window.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-profile.h"
#include "jd-rule-context.h"
#include "jd-sync-token.h"
#include "jd-window.h"

struct _JdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwComboRow          *profile_row;
  AdwEntryRow          *as_of_row;
  AdwPreferencesPage   *sync_page;
  AdwPreferencesGroup  *account_group;
  AdwActionRow         *account_row;
  AdwPreferencesGroup  *sign_in_group;
  AdwEntryRow          *server_row;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  GtkLabel             *sign_in_error;
  GtkWidget            *sign_in_button;
  GtkWidget            *sign_out_button;
  GtkSpinButton        *interval_spin;

  /* owned references */
  GSettings            *settings;
  GStrv                 profiles;
  JdSyncManager        *manager;    /* NULL without a window to sync */
  GCancellable         *cancellable;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
profile_selected_cb (JdPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (self->profiles == NULL || selected >= g_strv_length (self->profiles))
    return;
  g_settings_set_string (self->settings, "profile", self->profiles[selected]);
}

static void
as_of_apply_cb (JdPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->as_of_row));
  GDate date;

  if (*text != '\0' && (!jd_rule_parse_date (text, &date) || strlen (text) != 10))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->as_of_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Write the date as YYYY-MM-DD, for "
                                                         "example 2025-03-01")));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_row), "error");
  g_settings_set_string (self->settings, "as-of-date", text);
}

/* Sync: the account, signing in and out */

static void
update_account (JdPreferencesWindow *self)
{
  const JdSyncStatus *status;
  gboolean signed_in;

  if (self->manager == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->account_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->sign_in_group), FALSE);
      adw_preferences_group_set_description (self->sign_in_group,
                                             _("Open a database to sign in."));
      return;
    }

  status = jd_sync_manager_get_status (self->manager);
  signed_in = jd_sync_manager_get_state (self->manager) != JD_SYNC_STATE_SIGNED_OUT;
  gtk_widget_set_visible (GTK_WIDGET (self->account_group), signed_in);
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_group), !signed_in);
  if (signed_in)
    {
      /* TRANSLATORS: Signed in as USER */
      g_autofree char *title = g_strdup_printf (_("Signed in as %s"), status->user);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->account_row), title);
      adw_action_row_set_subtitle (self->account_row, status->server);
    }
  gtk_widget_set_sensitive (self->sign_out_button, !self->busy);
}

static void
sign_in_entry_changed_cb (JdPreferencesWindow *self)
{
  const char *server = gtk_editable_get_text (GTK_EDITABLE (self->server_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  gtk_widget_set_sensitive (self->sign_in_button, !self->busy && *server != '\0'
                                                    && *user != '\0' && *password != '\0');
}

static void
show_sign_in_error (JdPreferencesWindow *self,
                    const char          *text)
{
  gtk_label_set_label (self->sign_in_error, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->sign_in_error), text != NULL);
}

static void
set_busy (JdPreferencesWindow *self,
          gboolean             busy)
{
  self->busy = busy;
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  sign_in_entry_changed_cb (self);
  update_account (self);
}

static void
sign_in_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(JdPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = jd_sync_manager_sign_in_finish (JD_SYNC_MANAGER (source), result, &error);

  /* Closed meanwhile: its widgets are gone. */
  if (self->sign_in_error == NULL)
    return;
  if (ok)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      show_sign_in_error (self, NULL);
      if (jd_sync_manager_get_token_in_file (JD_SYNC_MANAGER (source)))
        {
          g_autofree char *file = jd_sync_token_file ();
          g_autofree char *text = g_strdup_printf (_("Signed in. No keyring answers on this "
                                                     "computer: the sign-in is kept in %s, "
                                                     "readable by you only."),
                                                   file);

          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
        }
      else
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (_("Signed in: the first sync has "
                                                           "started")));
      jd_sync_manager_sync (JD_SYNC_MANAGER (source));
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *text = jd_sync_manager_describe_error (
        error, gtk_editable_get_text (GTK_EDITABLE (self->server_row)));

      show_sign_in_error (self, text);
    }
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}

static void
sign_in_clicked_cb (JdPreferencesWindow *self)
{
  g_autofree char *server = NULL;
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->manager == NULL || self->busy || !gtk_widget_get_sensitive (self->sign_in_button))
    return;

  server = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_row))));
  if (!g_str_has_prefix (server, "http://") && !g_str_has_prefix (server, "https://"))
    {
      show_sign_in_error (self, _("The server address starts with https:// (or http://), for "
                                  "example https://sync.example.gov.cn"));
      return;
    }

  show_sign_in_error (self, NULL);
  g_settings_set_string (self->settings, "sync-server", server);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  jd_sync_manager_sign_in_async (self->manager, server, user, password, self->cancellable,
                                 sign_in_done_cb, g_object_ref (self));
}

static void
sign_out_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(JdPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = jd_sync_manager_sign_out_finish (JD_SYNC_MANAGER (source), result, &error);

  if (self->sign_in_error == NULL)
    return;
  if (!ok)
    {
      g_autofree char *text = g_strdup_printf (_("Could not forget the sign-in: %s"),
                                               error->message);

      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (text));
    }
  set_busy (self, FALSE);
}

static void
sign_out_clicked_cb (JdPreferencesWindow *self)
{
  if (self->manager == NULL || self->busy)
    return;
  set_busy (self, TRUE);
  jd_sync_manager_sign_out_async (self->manager, sign_out_done_cb, g_object_ref (self));
}

static void
set_up_sync (JdPreferencesWindow *self,
             GtkWindow           *parent)
{
  g_autofree char *server = g_settings_get_string (self->settings, "sync-server");

  g_settings_bind (self->settings, "sync-interval", self->interval_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  if (JD_IS_WINDOW (parent))
    {
      self->manager = g_object_ref (jd_window_get_sync_manager (JD_WINDOW (parent)));
      g_signal_connect_object (self->manager, "changed", G_CALLBACK (update_account), self,
                               G_CONNECT_SWAPPED);
      if (jd_sync_manager_get_status (self->manager)->server != NULL)
        {
          g_free (server);
          server = g_strdup (jd_sync_manager_get_status (self->manager)->server);
        }
      if (jd_sync_manager_get_status (self->manager)->user != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->user_row),
                               jd_sync_manager_get_status (self->manager)->user);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->server_row), server);
  update_account (self);
  sign_in_entry_changed_cb (self);
}

void
jd_preferences_window_show_sync (JdPreferencesWindow *self)
{
  g_return_if_fail (JD_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           self->sync_page);
}

static void
jd_preferences_window_dispose (GObject *object)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->manager);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->profiles, g_strfreev);

  G_OBJECT_CLASS (jd_preferences_window_parent_class)->dispose (object);
}

static void
jd_preferences_window_class_init (JdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/jiandu/app/ui/jd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, as_of_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, sync_page);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, account_group);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, account_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, sign_in_group);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, server_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, user_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, sign_in_error);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, sign_out_button);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_callback (widget_class, profile_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_in_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sign_out_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_apply_cb);
}

static void
jd_preferences_window_init (JdPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  g_autofree char *as_of = NULL;
  guint selected = 0;

  self->settings = g_settings_new (APP_ID);
  current = g_settings_get_string (self->settings, "profile");
  as_of = g_settings_get_string (self->settings, "as-of-date");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->profiles = jd_profile_list ();
  for (guint i = 0; self->profiles[i] != NULL; i++)
    {
      g_autoptr(JdProfile) profile = jd_profile_load (self->profiles[i], NULL);

      gtk_string_list_append (names, profile != NULL ? jd_profile_get_name (profile)
                                                     : self->profiles[i]);
      if (g_strcmp0 (self->profiles[i], current) == 0)
        selected = i;
    }
  /* The model and selection are set before the handler can store anything. */
  g_signal_handlers_block_by_func (self->profile_row, profile_selected_cb, self);
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->profile_row, selected);
  g_signal_handlers_unblock_by_func (self->profile_row, profile_selected_cb, self);

  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), as_of);
}

GtkWidget *
jd_preferences_window_new (GtkWindow *parent)
{
  JdPreferencesWindow *self = g_object_new (JD_TYPE_PREFERENCES_WINDOW, "transient-for", parent,
                                            "modal", TRUE, NULL);

  set_up_sync (self, parent);
  return GTK_WIDGET (self);
}
