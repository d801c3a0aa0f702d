#include "jd-conflict-dialog.h"

#include <glib/gi18n-lib.h>

#define MAX_VALUE_CHARS 400

struct _JdConflictDialog
{
  AdwWindow             parent_instance;

  /* template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwPreferencesPage   *page;
  GtkWidget            *apply_button;
  GtkWidget            *cancel_button;

  /* owned references */
  JdStore              *store;
  JdSyncManager        *manager;
  GPtrArray            *conflicts;   /* JdSyncConflict */
  GPtrArray            *choices;     /* Choice, one per conflict */
  GPtrArray            *groups;      /* the AdwPreferencesGroup of each row, to remove them */
};

G_DEFINE_FINAL_TYPE (JdConflictDialog, jd_conflict_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_RESOLVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  JdSyncConflict *conflict;   /* owned by the dialog's conflicts */
  GtkCheckButton *mine;
  GtkCheckButton *theirs;
} Choice;

static const char *
collection_label (JdCollection collection)
{
  switch (collection)
    {
    case JD_COLLECTION_AGENCIES:
      return _("Agency");
    case JD_COLLECTION_OFFICERS:
      return _("Officer");
    case JD_COLLECTION_CASES:
      return _("Case");
    case JD_COLLECTION_RECORDS:
      return _("Record");
    case JD_COLLECTION_COMPLAINTS:
      return _("Complaint");
    case JD_COLLECTION_SUPERVISION_CASES:
      return _("Supervision case");
    case JD_COLLECTION_LETTERS:
      return _("Letter");
    case JD_COLLECTION_DISPUTES:
      return _("Dispute");
    case JD_COLLECTION_SOCIAL_SUPERVISORS:
      return _("Social supervisor");
    case JD_COLLECTION_EVALUATIONS:
      return _("Evaluation");
    case JD_N_COLLECTIONS:
    default:
      return jd_collection_key (collection);
    }
}

/* The members people edit most, by name; any other by its key in FORMAT.md. In a context of
 * their own: "Name" here is an agency's as well as a person's. */
static const char *
member_label (const char *member)
{
  static const struct
  {
    const char *member;
    const char *label;
  } labels[] = {
    { "number", NC_("member of a row", "Number") },
    { "title", NC_("member of a row", "Title") },
    { "name", NC_("member of a row", "Name") },
    { "agency_id", NC_("member of a row", "Agency") },
    { "action_type", NC_("member of a row", "Action type") },
    { "procedure", NC_("member of a row", "Procedure") },
    { "parties", NC_("member of a row", "Parties") },
    { "officers", NC_("member of a row", "Officers") },
    { "stages", NC_("member of a row", "Stages") },
    { "documents", NC_("member of a row", "Documents") },
    { "evidence", NC_("member of a row", "Evidence") },
    { "facts", NC_("member of a row", "Facts") },
    { "legal_basis", NC_("member of a row", "Legal basis") },
    { "decision", NC_("member of a row", "Decision") },
    { "review", NC_("member of a row", "Legal review") },
    { "publication", NC_("member of a row", "Publication") },
    { "closed_on", NC_("member of a row", "Closed on") },
    { "archived_on", NC_("member of a row", "Archived on") },
    { "certificates", NC_("member of a row", "Certificates") },
    { "training", NC_("member of a row", "Training") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].member, member) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "member of a row", labels[i].label);
  return member;
}

/* What a person calls the row: a case by its number and title, a person by name. */
static char *
row_heading (JdConflictDialog *self,
             JdSyncConflict   *conflict)
{
  g_autoptr(JdEntity) entity = jd_store_get (self->store, conflict->collection, conflict->row_id,
                                             NULL);
  const char *name = NULL;

  if (entity != NULL && JD_IS_CASE (entity))
    {
      const char *number = jd_case_get_number (JD_CASE (entity));
      const char *title = jd_case_get_title (JD_CASE (entity));

      if (number != NULL && title != NULL)
        return g_strdup_printf ("%s %s", number, title);
      name = number != NULL ? number : title;
    }
  else if (entity != NULL && JD_IS_AGENCY (entity))
    name = jd_agency_get_name (JD_AGENCY (entity));
  else if (entity != NULL && JD_IS_OFFICER (entity))
    name = jd_officer_get_name (JD_OFFICER (entity));

  return g_strdup (name != NULL ? name : conflict->row_id);
}

static char *
value_text (JsonNode *node)
{
  g_autofree char *text = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (_("(empty)"));
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else
    text = json_to_string (node, FALSE);
  if (*text == '\0')
    return g_strdup (_("(empty)"));
  if (g_utf8_strlen (text, -1) > MAX_VALUE_CHARS)
    {
      char *end = g_utf8_offset_to_pointer (text, MAX_VALUE_CHARS);

      *end = '\0';
      return g_strconcat (text, "…", NULL);
    }
  return g_steal_pointer (&text);
}

static void
update_apply (JdConflictDialog *self)
{
  gboolean all_chosen = self->choices->len > 0;

  for (guint i = 0; i < self->choices->len && all_chosen; i++)
    {
      Choice *choice = self->choices->pdata[i];

      all_chosen = gtk_check_button_get_active (choice->mine)
                   || gtk_check_button_get_active (choice->theirs);
    }
  gtk_widget_set_sensitive (self->apply_button, all_chosen);
}

static GtkCheckButton *
add_side (JdConflictDialog *self,
          AdwExpanderRow   *expander,
          const char       *field,
          const char       *title,
          const char       *value,
          GtkCheckButton   *group,
          const char       *name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  /* TRANSLATORS: the accessible name of a choice: field, then Mine or Theirs */
  g_autofree char *accessible = g_strdup_printf (_("%s: %s"), field, title);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_name (check, name);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_apply), self);
  adw_expander_row_add_row (expander, row);
  return GTK_CHECK_BUTTON (check);
}

static void
add_conflict (JdConflictDialog    *self,
              AdwPreferencesGroup *group,
              JdSyncConflict      *conflict)
{
  GtkWidget *expander = adw_expander_row_new ();
  Choice *choice = g_new0 (Choice, 1);
  gboolean whole_row = *conflict->member == '\0';
  g_autofree char *base = value_text (conflict->base);
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *mine_name = g_strdup_printf ("%s/%s/mine", conflict->row_id, conflict->member);
  g_autofree char *theirs_name = g_strdup_printf ("%s/%s/theirs", conflict->row_id,
                                                  conflict->member);
  const char *field = whole_row ? _("The whole row") : member_label (conflict->member);

  if (whole_row)
    {
      mine = g_strdup (conflict->mine != NULL ? _("Edited here") : _("Deleted here"));
      theirs = g_strdup (conflict->theirs != NULL ? _("Edited on the server")
                                                  : _("Deleted on the server"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), field);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander),
                                     _("Deleted on one side and edited on the other"));
    }
  else
    {
      mine = value_text (conflict->mine);
      theirs = value_text (conflict->theirs);
      /* TRANSLATORS: the value a field had before both sides changed it */
      before = g_strdup_printf (_("Before: %s"), base);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), field);
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), before);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);

  choice->conflict = conflict;
  choice->mine = add_side (self, ADW_EXPANDER_ROW (expander), field, _("Mine"), mine, NULL,
                          mine_name);
  choice->theirs = add_side (self, ADW_EXPANDER_ROW (expander), field, _("Theirs (the server's)"),
                             theirs, choice->mine, theirs_name);
  g_ptr_array_add (self->choices, choice);
  adw_preferences_group_add (group, expander);
}

static void
load (JdConflictDialog *self)
{
  g_autoptr(GError) error = NULL;
  AdwPreferencesGroup *group = NULL;
  const char *row = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, self->groups->pdata[i]);
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->choices, 0);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  self->conflicts = jd_store_sync_list_conflicts (self->store, &error);
  if (self->conflicts == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      self->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_sync_conflict_free);
    }

  /* Listed by collection, row and member: one group per row. */
  for (guint i = 0; i < self->conflicts->len; i++)
    {
      JdSyncConflict *conflict = self->conflicts->pdata[i];

      if (row == NULL || g_strcmp0 (row, conflict->row_id) != 0)
        {
          g_autofree char *heading = row_heading (self, conflict);

          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, heading);
          adw_preferences_group_set_description (group, collection_label (conflict->collection));
          adw_preferences_page_add (self->page, group);
          g_ptr_array_add (self->groups, group);
          row = conflict->row_id;
        }
      add_conflict (self, group, conflict);
    }

  gtk_stack_set_visible_child_name (self->stack, self->conflicts->len > 0 ? "choose" : "empty");
  gtk_widget_set_visible (self->apply_button, self->conflicts->len > 0);
  update_apply (self);
}

static void
choose_all (JdConflictDialog *self,
            gboolean          mine)
{
  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = self->choices->pdata[i];

      gtk_check_button_set_active (mine ? choice->mine : choice->theirs, TRUE);
    }
}

static void
all_mine_clicked_cb (JdConflictDialog *self)
{
  choose_all (self, TRUE);
}

static void
all_theirs_clicked_cb (JdConflictDialog *self)
{
  choose_all (self, FALSE);
}

static void
close_clicked_cb (JdConflictDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
apply_clicked_cb (JdConflictDialog *self)
{
  g_autoptr(GError) error = NULL;
  guint resolved = 0;

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = self->choices->pdata[i];
      JdSyncConflict *conflict = choice->conflict;
      JdSyncKeep keep = gtk_check_button_get_active (choice->mine) ? JD_SYNC_KEEP_MINE
                                                                   : JD_SYNC_KEEP_THEIRS;

      /* A field resolved with an earlier one of its row (a whole-row choice) is no error. */
      if (!jd_store_sync_resolve (self->store, conflict->collection, conflict->row_id,
                                  conflict->member, keep, &error))
        {
          if (!g_error_matches (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE))
            break;
          g_clear_error (&error);
        }
      resolved++;
    }

  if (resolved > 0)
    {
      if (self->manager != NULL)
        jd_sync_manager_refresh (self->manager);
      g_signal_emit (self, signals[SIGNAL_RESOLVED], 0);
    }

  if (error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not keep every choice: %s. The list "
                                                 "shows what is left."),
                                               error->message);

      load (self);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
      return;
    }

  gtk_widget_set_visible (self->apply_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "done");
}

static void
sync_clicked_cb (JdConflictDialog *self)
{
  if (self->manager != NULL)
    jd_sync_manager_sync (self->manager);
  gtk_window_close (GTK_WINDOW (self));
}

guint
jd_conflict_dialog_get_n_conflicts (JdConflictDialog *self)
{
  g_return_val_if_fail (JD_IS_CONFLICT_DIALOG (self), 0);

  return self->choices->len;
}

static void
jd_conflict_dialog_dispose (GObject *object)
{
  JdConflictDialog *self = JD_CONFLICT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_CONFLICT_DIALOG);
  g_clear_pointer (&self->choices, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_object (&self->manager);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jd_conflict_dialog_parent_class)->dispose (object);
}

static void
jd_conflict_dialog_class_init (JdConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_conflict_dialog_dispose;

  /**
   * JdConflictDialog::resolved:
   *
   * Conflicts were resolved: the rows kept from the server were written.
   */
  signals[SIGNAL_RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-conflict-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdConflictDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, JdConflictDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, JdConflictDialog, page);
  gtk_widget_class_bind_template_child (widget_class, JdConflictDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, JdConflictDialog, cancel_button);
  gtk_widget_class_bind_template_callback (widget_class, apply_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_mine_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, all_theirs_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, close_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, sync_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_conflict_dialog_init (JdConflictDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_ptr_array_new_with_free_func (g_free);
  self->groups = g_ptr_array_new ();
}

GtkWidget *
jd_conflict_dialog_new (GtkWindow     *parent,
                        JdStore       *store,
                        JdSyncManager *manager)
{
  JdConflictDialog *self;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);

  self = g_object_new (JD_TYPE_CONFLICT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  if (manager != NULL)
    self->manager = g_object_ref (manager);
  load (self);
  return GTK_WIDGET (self);
}
