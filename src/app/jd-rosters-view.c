#include "jd-rosters-view.h"

#include <glib/gi18n-lib.h>

#include "jd-agency-node.h"
#include "jd-format.h"
#include "jd-roster-format.h"
#include "jd-roster-import.h"
#include "jd-store-roster.h"
#include "jd-window.h"

typedef enum
{
  COLUMN_NAME,
  COLUMN_CERTIFICATE,
  COLUMN_ROLE,
  COLUMN_VALID_FROM,
  COLUMN_VALID_TO,
  COLUMN_STATUS,
  COLUMN_TRAINING,
  COLUMN_ACTS,
} Column;

struct _JdRostersView
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkWidget            *box;
  AdwWindowTitle       *title;
  GtkButton            *import_button;
  GtkSpinner           *spinner;
  GtkListView          *agency_list;
  GtkStack             *officer_stack;
  GtkColumnView        *officer_view;

  JdWindow             *window;            /* not referenced: the window holds the view */
  GListStore           *officers;          /* JdOfficer of the agency shown */
  char                 *agency_id;
  GPtrArray            *acts;              /* JdInvalidAct of the agency shown */
  GHashTable           *acts_by_officer;   /* officer id → first JdInvalidAct, in @acts */
  GHashTable           *n_acts;            /* officer id → number of cases */
  GHashTable           *acts_cache;        /* agency id → its acts, until the next reload */
  GDate                 as_of;
  int                   required_hours;    /* of training a year; 0 when the profile sets none */
  gboolean              dirty;             /* the store changed while the view was hidden */
  GCancellable         *acts_cancellable;
  GCancellable         *import_cancellable;
  GtkFileChooserNative *chooser;
  JdRosterPreview      *preview;           /* weak */
};

G_DEFINE_FINAL_TYPE (JdRostersView, jd_rosters_view, GTK_TYPE_WIDGET)

/* Settings */

static void
read_settings (JdRostersView *self)
{
  GSettings *settings = jd_window_get_settings (self->window);
  g_autofree char *profile_id = g_settings_get_string (settings, "profile");
  g_autoptr(JdProfile) profile = jd_profile_load (profile_id, NULL);

  jd_roster_as_of (settings, &self->as_of);
  if (profile == NULL || !jd_profile_get_limit (profile, "training_hours", &self->required_hours))
    self->required_hours = 0;
}

/* Acts without a valid certificate, found by ROS-CERT-VALID on a worker thread */

typedef struct
{
  char  *db_path;
  char  *agency_id;
  char  *profile_id;
  GDate  as_of;
} ActsJob;

static void
acts_job_free (ActsJob *job)
{
  g_free (job->db_path);
  g_free (job->agency_id);
  g_free (job->profile_id);
  g_free (job);
}

static void
acts_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ActsJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (job->db_path, JD_STORE_OPEN_NONE, &error);
  g_autoptr(JdProfile) profile = NULL;
  g_autoptr(JdValidator) validator = NULL;
  g_autoptr(JdRuleData) data = NULL;
  GPtrArray *acts = NULL;

  if (store != NULL)
    profile = jd_profile_load (job->profile_id, &error);
  if (profile != NULL)
    {
      validator = jd_validator_new (profile, jd_calendar_get_default (), &job->as_of);
      jd_validator_restrict (validator, "ROS-CERT-VALID");
      data = jd_validator_load_case_data (store, &error);
    }
  if (data != NULL)
    acts = jd_store_find_invalid_acts (store, validator, data, job->agency_id, cancellable,
                                       &error);
  if (acts != NULL)
    g_task_return_pointer (task, acts, (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
rebind_officers (JdRostersView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->officers));

  g_list_model_items_changed (G_LIST_MODEL (self->officers), 0, n, n);
}

static void
clear_acts (JdRostersView *self)
{
  g_hash_table_remove_all (self->acts_by_officer);
  g_hash_table_remove_all (self->n_acts);
  g_clear_pointer (&self->acts, g_ptr_array_unref);
}

/* Takes @acts, those of the agency shown. */
static void
set_acts (JdRostersView *self,
          GPtrArray     *acts)
{
  clear_acts (self);
  self->acts = acts;
  for (guint i = 0; i < acts->len; i++)
    {
      JdInvalidAct *act = acts->pdata[i];
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->n_acts, act->officer_id));

      if (n == 0)
        g_hash_table_insert (self->acts_by_officer, act->officer_id, act);
      g_hash_table_insert (self->n_acts, act->officer_id, GUINT_TO_POINTER (n + 1));
    }
  rebind_officers (self);
}

static void
acts_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  JdRostersView *self = JD_ROSTERS_VIEW (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  GPtrArray *acts = g_task_propagate_pointer (G_TASK (result), &error);

  /* A newer check replaced this one. */
  if (cancellable != self->acts_cancellable)
    {
      g_clear_pointer (&acts, g_ptr_array_unref);
      return;
    }
  g_clear_object (&self->acts_cancellable);
  gtk_spinner_stop (self->spinner);

  if (acts == NULL)
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      text = g_strdup_printf (_("The officers’ acts could not be checked: %s"), error->message);
      jd_window_toast (self->window, text);
      return;
    }

  /* Going back to an agency shows its acts at once: a large one takes seconds to check. */
  g_hash_table_insert (self->acts_cache, g_strdup (self->agency_id), g_ptr_array_ref (acts));
  set_acts (self, acts);
}

static void
check_acts (JdRostersView *self)
{
  g_autoptr(GTask) task = NULL;
  ActsJob *job;

  if (self->acts_cancellable != NULL)
    g_cancellable_cancel (self->acts_cancellable);
  g_clear_object (&self->acts_cancellable);
  clear_acts (self);
  if (self->agency_id == NULL)
    {
      gtk_spinner_stop (self->spinner);
      return;
    }
  {
    GPtrArray *cached = g_hash_table_lookup (self->acts_cache, self->agency_id);

    if (cached != NULL)
      {
        gtk_spinner_stop (self->spinner);
        set_acts (self, g_ptr_array_ref (cached));
        return;
      }
  }

  job = g_new0 (ActsJob, 1);
  job->db_path = g_strdup (jd_store_get_path (jd_window_get_store (self->window)));
  job->agency_id = g_strdup (self->agency_id);
  job->profile_id = g_settings_get_string (jd_window_get_settings (self->window), "profile");
  job->as_of = self->as_of;

  self->acts_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  task = g_task_new (self, self->acts_cancellable, acts_done_cb, NULL);
  g_task_set_source_tag (task, check_acts);
  g_task_set_task_data (task, job, (GDestroyNotify) acts_job_free);
  g_task_run_in_thread (task, acts_thread);
}

/* Officers */

static void
show_officers (JdRostersView *self,
               JdAgencyNode  *node)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = NULL;
  g_autofree char *subtitle = NULL;
  guint n;

  g_clear_pointer (&self->agency_id, g_free);
  if (node == NULL)
    {
      g_list_store_remove_all (self->officers);
      adw_window_title_set_subtitle (self->title, NULL);
      gtk_stack_set_visible_child_name (self->officer_stack, "none");
      check_acts (self);
      return;
    }

  self->agency_id = g_strdup (jd_agency_node_get_id (node));
  officers = jd_store_list_agency_officers (jd_window_get_store (self->window), self->agency_id,
                                            &error);
  if (officers == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The officers could not be read: %s"),
                                               error->message);

      jd_window_toast (self->window, text);
      officers = g_ptr_array_new ();
    }
  clear_acts (self);
  g_list_store_splice (self->officers, 0, g_list_model_get_n_items (G_LIST_MODEL (self->officers)),
                       officers->pdata, officers->len);
  n = officers->len;
  /* TRANSLATORS: the agency shown and how many officers it has */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u officer",
                                           "%s · %u officers", n),
                              jd_agency_node_get_name (node), n);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_stack_set_visible_child_name (self->officer_stack, n > 0 ? "officers" : "empty");
  check_acts (self);
}

static void
agency_selected_cb (JdRostersView      *self,
                    GParamSpec         *pspec,
                    GtkSingleSelection *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(JdAgencyNode) node = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  show_officers (self, node);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  GListModel *children = jd_agency_node_get_children (JD_AGENCY_NODE (item));

  return children != NULL ? g_object_ref (children) : NULL;
}

static GtkSingleSelection *
agency_selection (JdRostersView *self)
{
  return GTK_SINGLE_SELECTION (gtk_list_view_get_model (self->agency_list));
}

gboolean
jd_rosters_view_select_agency (JdRostersView *self,
                               const char    *agency_id)
{
  GtkSingleSelection *selection;
  GListModel *rows;

  g_return_val_if_fail (JD_IS_ROSTERS_VIEW (self), FALSE);
  g_return_val_if_fail (agency_id != NULL, FALSE);

  selection = agency_selection (self);
  if (selection == NULL)
    return FALSE;
  rows = G_LIST_MODEL (selection);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(JdAgencyNode) node = gtk_tree_list_row_get_item (row);

      if (g_strcmp0 (jd_agency_node_get_id (node), agency_id) == 0)
        {
          if (gtk_single_selection_get_selected (selection) == i)
            show_officers (self, node);
          else
            gtk_single_selection_set_selected (selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->agency_list), "list.scroll-to-item", "u",
                                      i);
          return TRUE;
        }
    }
  return FALSE;
}

void
jd_rosters_view_reload (JdRostersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autofree char *selected = NULL;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;

  g_return_if_fail (JD_IS_ROSTERS_VIEW (self));

  if (self->window == NULL)
    return;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  read_settings (self);
  g_hash_table_remove_all (self->acts_cache);

  agencies = jd_store_list_roster_agencies (jd_window_get_store (self->window), &error);
  if (agencies == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The agencies could not be read: %s"),
                                               error->message);

      jd_window_toast (self->window, text);
      agencies = g_ptr_array_new ();
    }

  selected = g_steal_pointer (&self->agency_id);
  tree = gtk_tree_list_model_new (G_LIST_MODEL (jd_agency_node_build_tree (agencies)), FALSE,
                                  TRUE, create_children_cb, NULL, NULL);
  selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (selection, "notify::selected-item", G_CALLBACK (agency_selected_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->agency_list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* The agency shown before, else the first with officers. */
  if (selected == NULL || !jd_rosters_view_select_agency (self, selected))
    {
      for (guint i = 0; i < agencies->len; i++)
        if (((JdRosterAgency *) agencies->pdata[i])->n_officers > 0
            && jd_rosters_view_select_agency (self, ((JdRosterAgency *) agencies->pdata[i])->id))
          return;
      show_officers (self, NULL);
    }
}

/* The agency tree */

static void
agency_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), count);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
agency_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkTreeExpander *expander = GTK_TREE_EXPANDER (gtk_list_item_get_child (item));
  GtkWidget *box = gtk_tree_expander_get_child (expander);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *count = gtk_widget_get_next_sibling (name);
  g_autoptr(JdAgencyNode) node = gtk_tree_list_row_get_item (row);
  g_autofree char *count_text = g_strdup_printf ("%u", jd_agency_node_get_n_officers (node));
  g_autofree char *description = NULL;

  gtk_tree_expander_set_list_row (expander, row);
  gtk_label_set_text (GTK_LABEL (name), jd_agency_node_get_name (node));
  gtk_label_set_text (GTK_LABEL (count), count_text);
  /* TRANSLATORS: an agency in the tree, for screen readers: its name and its officers */
  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %u officer",
                                              "%s, %u officers",
                                              jd_agency_node_get_n_officers (node)),
                                 jd_agency_node_get_name (node),
                                 jd_agency_node_get_n_officers (node));
  gtk_widget_set_tooltip_text (GTK_WIDGET (expander), description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
agency_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (item)), NULL);
}

/* The officer table */

static void
officer_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* Dates and numbers whole, the table scrolling sideways when narrow; only the problem, which
   * its tooltip repeats, is shortened. */
  if (GPOINTER_TO_INT (user_data) == COLUMN_ACTS)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (user_data) == COLUMN_CERTIFICATE
      || GPOINTER_TO_INT (user_data) == COLUMN_TRAINING)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static char *
training_text (JdRostersView *self,
               JdOfficer     *officer)
{
  int year = g_date_get_year (&self->as_of);
  double hours = jd_roster_training_hours (officer, year);

  if (g_strcmp0 (jd_officer_get_role (officer), "auxiliary") == 0)
    return g_strdup ("");
  if (self->required_hours > 0)
    /* TRANSLATORS: training hours in the year so far, and how many the year requires */
    return g_strdup_printf (_("%g of %d h"), hours, self->required_hours);
  /* TRANSLATORS: training hours in the year so far (the profile requires none) */
  return g_strdup_printf (_("%g h"), hours);
}

static char *
acts_text (JdRostersView      *self,
           const JdInvalidAct *act)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (self->n_acts, act->officer_id));

  if (n > 1)
    /* TRANSLATORS: an officer acted without a valid certificate in case number %s and in %u
     * other cases */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Acted without a valid certificate in %s and %u other "
                                         "case",
                                         "Acted without a valid certificate in %s and %u other "
                                         "cases", n - 1),
                            act->case_number, n - 1);
  return g_strdup_printf (_("Acted without a valid certificate in %s"), act->case_number);
}

static void
officer_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 JdRostersView            *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_list_item_get_child (item);
  JdOfficer *officer = gtk_list_item_get_item (item);
  const JdInvalidAct *act = g_hash_table_lookup (self->acts_by_officer,
                                                 jd_entity_get_id (JD_ENTITY (officer)));
  const char *style_class = act != NULL
                              ? "error"
                              : jd_roster_level_class (jd_roster_certificate_level (officer,
                                                                                    &self->as_of));
  g_autofree char *owned = NULL;
  const char *text = NULL;

  /* The name and the certificate's end and status carry the level; the other cells stay
   * readable. */
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "warning");
  if (style_class != NULL
      && (column == COLUMN_NAME || column == COLUMN_VALID_TO || column == COLUMN_STATUS
          || column == COLUMN_ACTS))
    gtk_widget_add_css_class (label, style_class);
  gtk_widget_set_tooltip_text (label, NULL);

  switch (column)
    {
    case COLUMN_NAME:
      text = jd_officer_get_name (officer);
      break;
    case COLUMN_CERTIFICATE:
      text = jd_roster_certificate_string (officer, "number");
      break;
    case COLUMN_ROLE:
      text = jd_roster_role_label (jd_officer_get_role (officer));
      break;
    case COLUMN_VALID_FROM:
      text = owned = jd_format_date (jd_roster_certificate_string (officer, "valid_from"));
      break;
    case COLUMN_VALID_TO:
      text = owned = jd_format_date (jd_roster_certificate_string (officer, "valid_to"));
      break;
    case COLUMN_STATUS:
      text = owned = jd_roster_status_text (officer, &self->as_of);
      break;
    case COLUMN_TRAINING:
      text = owned = training_text (self, officer);
      break;
    case COLUMN_ACTS:
    default:
      if (act != NULL)
        {
          text = owned = acts_text (self, act);
          gtk_widget_set_tooltip_text (label, act->message);
        }
      break;
    }
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
}

static void
add_column (JdRostersView *self,
            Column         column,
            const char    *title,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (officer_setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (officer_bind_cb), self);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->officer_view, view_column);
}

static void
officer_activated_cb (JdRostersView *self,
                      guint          position)
{
  g_autoptr(JdOfficer) officer = g_list_model_get_item (G_LIST_MODEL (self->officers), position);
  const JdInvalidAct *act;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = NULL;

  if (officer == NULL)
    return;
  act = g_hash_table_lookup (self->acts_by_officer, jd_entity_get_id (JD_ENTITY (officer)));
  if (act == NULL)
    return;
  kase = jd_store_get (jd_window_get_store (self->window), JD_COLLECTION_CASES, act->case_id,
                       &error);
  if (kase == NULL)
    {
      jd_window_show_error (self->window, _("Could Not Open the Case"), error->message);
      return;
    }
  jd_window_show_case (self->window, JD_CASE (kase));
}

/* Import: read the file, show the preview, write what it showed */

static gboolean
entities_equal (JsonObject *a,
                JsonObject *b)
{
  g_autoptr(JsonNode) na = json_node_init_object (json_node_alloc (), a);
  g_autoptr(JsonNode) nb = json_node_init_object (json_node_alloc (), b);

  return json_node_equal (na, nb);
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GFile *file = task_data;
  const char *db_path = g_object_get_data (G_OBJECT (task), "db-path");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, cancellable, NULL, &error);
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdDocument) document = NULL;
  GPtrArray *officers;

  if (bytes != NULL)
    store = jd_store_open (db_path, JD_STORE_OPEN_NONE, &error);
  if (store != NULL)
    document = jd_roster_import_document (store, bytes, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  officers = jd_document_get_entities (document, JD_COLLECTION_OFFICERS);
  for (guint i = 0; officers != NULL && i < officers->len; i++)
    {
      JdEntity *officer = officers->pdata[i];
      g_autoptr(JdEntity) existing = jd_store_get (store, JD_COLLECTION_OFFICERS,
                                                   jd_entity_get_id (officer), NULL);
      g_autoptr(JdEntity) agency = jd_store_get (store, JD_COLLECTION_AGENCIES,
                                                 jd_officer_get_agency_id (JD_OFFICER (officer)),
                                                 NULL);
      JdRosterChange change = JD_ROSTER_CHANGE_ADDED;

      if (existing != NULL && !jd_entity_get_deleted (existing))
        change = entities_equal (jd_entity_get_fields (existing), jd_entity_get_fields (officer))
                   ? JD_ROSTER_CHANGE_UNCHANGED : JD_ROSTER_CHANGE_UPDATED;
      g_object_set_data (G_OBJECT (officer), JD_ROSTER_PREVIEW_CHANGE, GINT_TO_POINTER (change));
      if (agency != NULL)
        g_object_set_data_full (G_OBJECT (officer), JD_ROSTER_PREVIEW_AGENCY,
                                g_strdup (jd_agency_get_name (JD_AGENCY (agency))), g_free);
    }
  g_task_return_pointer (task, g_steal_pointer (&document), g_object_unref);
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  JdDocument *document = task_data;
  const char *db_path = g_object_get_data (G_OBJECT (task), "db-path");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (db_path, JD_STORE_OPEN_NONE, &error);
  JdImportStats *stats = g_new0 (JdImportStats, 1);

  if (store != NULL && !g_cancellable_set_error_if_cancelled (cancellable, &error)
      && jd_store_import (store, document, stats, &error))
    {
      g_task_return_pointer (task, stats, g_free);
      return;
    }
  g_free (stats);
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
end_import (JdRostersView *self)
{
  g_clear_object (&self->import_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), TRUE);
}

static void
write_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdRostersView *self = JD_ROSTERS_VIEW (source);
  g_autoptr(GError) error = NULL;
  g_autofree JdImportStats *stats = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->import_cancellable)
    return;
  end_import (self);
  if (stats == NULL)
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (self->preview != NULL)
        jd_roster_preview_set_busy (self->preview, FALSE);
      body = g_strdup_printf (_("%s\n\nNothing from the roster was written. Try again; if it "
                                "fails again, check that the database is not read-only."),
                              error->message);
      jd_window_show_error (self->window, _("Could Not Import the Roster"), body);
      return;
    }

  if (self->preview != NULL)
    gtk_window_destroy (GTK_WINDOW (self->preview));
  {
    /* TRANSLATORS: after a roster import */
    g_autofree char *text = g_strdup_printf (_("Roster imported: %u added, %u updated"),
                                             stats->inserted, stats->updated);

    jd_window_toast (self->window, text);
  }
  jd_window_reload (self->window);
}

static void
preview_import_cb (JdRostersView   *self,
                   JdRosterPreview *preview)
{
  g_autoptr(GTask) task = NULL;

  if (self->import_cancellable != NULL)
    return;
  self->import_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  jd_roster_preview_set_busy (preview, TRUE);
  task = g_task_new (self, self->import_cancellable, write_done_cb, NULL);
  g_task_set_source_tag (task, preview_import_cb);
  g_task_set_task_data (task, g_object_ref (jd_roster_preview_get_document (preview)),
                        g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "db-path",
                          g_strdup (jd_store_get_path (jd_window_get_store (self->window))),
                          g_free);
  g_task_run_in_thread (task, write_thread);
}

static void
parse_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdRostersView *self = JD_ROSTERS_VIEW (source);
  GFile *file = g_task_get_task_data (G_TASK (result));
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->import_cancellable)
    return;
  end_import (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (self->preview != NULL)
    gtk_window_destroy (GTK_WINDOW (self->preview));
  self->preview = jd_roster_preview_new (GTK_WINDOW (self->window), name, document, error);
  g_object_add_weak_pointer (G_OBJECT (self->preview), (gpointer *) &self->preview);
  g_signal_connect_object (self->preview, "import", G_CALLBACK (preview_import_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->preview));
}

void
jd_rosters_view_import_file (JdRostersView *self,
                             GFile         *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (JD_IS_ROSTERS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->import_cancellable != NULL || self->window == NULL)
    return;
  self->import_cancellable = g_cancellable_new ();
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  task = g_task_new (self, self->import_cancellable, parse_done_cb, NULL);
  g_task_set_source_tag (task, jd_rosters_view_import_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "db-path",
                          g_strdup (jd_store_get_path (jd_window_get_store (self->window))),
                          g_free);
  g_task_run_in_thread (task, parse_thread);
}

static void
chooser_response_cb (JdRostersView        *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        jd_rosters_view_import_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
import_clicked_cb (JdRostersView *self)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();

  if (self->chooser != NULL || self->import_cancellable != NULL || self->window == NULL)
    return;

  gtk_file_filter_set_name (csv, _("Rosters (CSV)"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  self->chooser = gtk_file_chooser_native_new (_("Import Roster"), GTK_WINDOW (self->window),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* The widget */

static void
settings_changed_cb (JdRostersView *self)
{
  jd_rosters_view_reload (self);
}

static void
jd_rosters_view_map (GtkWidget *widget)
{
  JdRostersView *self = JD_ROSTERS_VIEW (widget);

  GTK_WIDGET_CLASS (jd_rosters_view_parent_class)->map (widget);
  if (self->dirty)
    jd_rosters_view_reload (self);
}

/* The window goes (or the view): the tasks still running hold the view, but their callbacks see
 * that they were dropped and touch nothing. */
static void
detach (JdRostersView *self)
{
  if (self->acts_cancellable != NULL)
    g_cancellable_cancel (self->acts_cancellable);
  g_clear_object (&self->acts_cancellable);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  self->window = NULL;
  if (self->preview != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->preview), (gpointer *) &self->preview);
      gtk_window_destroy (GTK_WINDOW (self->preview));
      self->preview = NULL;
    }
}

static void
jd_rosters_view_dispose (GObject *object)
{
  JdRostersView *self = JD_ROSTERS_VIEW (object);

  detach (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_ROSTERS_VIEW);
  g_clear_object (&self->chooser);
  g_clear_object (&self->officers);

  G_OBJECT_CLASS (jd_rosters_view_parent_class)->dispose (object);
}

static void
jd_rosters_view_finalize (GObject *object)
{
  JdRostersView *self = JD_ROSTERS_VIEW (object);

  g_clear_pointer (&self->acts_by_officer, g_hash_table_unref);
  g_clear_pointer (&self->n_acts, g_hash_table_unref);
  g_clear_pointer (&self->acts_cache, g_hash_table_unref);
  g_clear_pointer (&self->acts, g_ptr_array_unref);
  g_clear_pointer (&self->agency_id, g_free);
  g_clear_object (&self->acts_cancellable);
  g_clear_object (&self->import_cancellable);

  G_OBJECT_CLASS (jd_rosters_view_parent_class)->finalize (object);
}

static void
jd_rosters_view_class_init (JdRostersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_rosters_view_dispose;
  object_class->finalize = jd_rosters_view_finalize;
  widget_class->map = jd_rosters_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-rosters-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdRostersView, box);
  gtk_widget_class_bind_template_child (widget_class, JdRostersView, title);
  gtk_widget_class_bind_template_child (widget_class, JdRostersView, import_button);
  gtk_widget_class_bind_template_child (widget_class, JdRostersView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdRostersView, agency_list);
  gtk_widget_class_bind_template_child (widget_class, JdRostersView, officer_stack);
  gtk_widget_class_bind_template_child (widget_class, JdRostersView, officer_view);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, officer_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_rosters_view_init (JdRostersView *self)
{
  GtkListItemFactory *factory;
  GtkSingleSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->officers = g_list_store_new (JD_TYPE_OFFICER);
  self->acts_by_officer = g_hash_table_new (g_str_hash, g_str_equal);
  self->n_acts = g_hash_table_new (g_str_hash, g_str_equal);
  self->acts_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  g_date_clear (&self->as_of, 1);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (agency_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (agency_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (agency_unbind_cb), NULL);
  gtk_list_view_set_factory (self->agency_list, factory);
  g_object_unref (factory);

  add_column (self, COLUMN_NAME, _("Name"), FALSE);
  add_column (self, COLUMN_CERTIFICATE, _("Certificate"), FALSE);
  add_column (self, COLUMN_ROLE, _("Category"), FALSE);
  add_column (self, COLUMN_VALID_FROM, _("Valid From"), FALSE);
  add_column (self, COLUMN_VALID_TO, _("Valid To"), FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE);
  add_column (self, COLUMN_TRAINING, _("Training This Year"), FALSE);
  add_column (self, COLUMN_ACTS, _("Problems"), TRUE);
  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->officers)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_column_view_set_model (self->officer_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  gtk_stack_set_visible_child_name (self->officer_stack, "none");
}

void
jd_rosters_view_set_window (JdRostersView *self,
                            JdWindow      *window)
{
  GSettings *settings;

  g_return_if_fail (JD_IS_ROSTERS_VIEW (self));
  g_return_if_fail (JD_IS_WINDOW (window));

  self->window = window;
  settings = jd_window_get_settings (window);
  g_signal_connect_object (window, "reloaded", G_CALLBACK (jd_rosters_view_reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (window, "destroy", G_CALLBACK (detach), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::as-of-date", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::profile", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  jd_rosters_view_reload (self);
}

JdRosterPreview *
jd_rosters_view_get_preview (JdRostersView *self)
{
  g_return_val_if_fail (JD_IS_ROSTERS_VIEW (self), NULL);

  return self->preview;
}

gboolean
jd_rosters_view_is_busy (JdRostersView *self)
{
  g_return_val_if_fail (JD_IS_ROSTERS_VIEW (self), FALSE);

  return self->import_cancellable != NULL || self->acts_cancellable != NULL;
}

GtkListView *
jd_rosters_view_get_agency_list (JdRostersView *self)
{
  g_return_val_if_fail (JD_IS_ROSTERS_VIEW (self), NULL);

  return self->agency_list;
}

GtkColumnView *
jd_rosters_view_get_officer_view (JdRostersView *self)
{
  g_return_val_if_fail (JD_IS_ROSTERS_VIEW (self), NULL);

  return self->officer_view;
}
