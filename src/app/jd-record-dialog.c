#include "jd-record-dialog.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-format.h"
#include "jd-labels.h"
#include "jd-uuid.h"

struct _JdRecordDialog
{
  AdwWindow            parent_instance;

  /* template widgets */
  GtkButton           *save_button;
  GtkLabel            *problem_label;
  AdwComboRow         *kind_row;
  AdwComboRow         *stage_row;
  AdwEntryRow         *time_row;
  AdwEntryRow         *place_row;
  AdwEntryRow         *party_row;
  AdwEntryRow         *matter_row;
  AdwPreferencesGroup *officers_group;
  AdwComboRow         *corrects_row;

  /* owned references */
  JdCaseChecker       *checker;
  JdCase              *kase;
  GPtrArray           *officer_ids;     /* of the check buttons, in order */
  GPtrArray           *officer_checks;  /* GtkCheckButton, not owned */
  GPtrArray           *record_ids;      /* of corrects_row's items after the first */
  GPtrArray           *record_times;    /* GDateTime or NULL, beside record_ids */
  char                *problem;
};

G_DEFINE_FINAL_TYPE (JdRecordDialog, jd_record_dialog, ADW_TYPE_WINDOW)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const kinds[] = { "text", "av" };

/* "2025-03-05 14:30" in local time, or a whole ISO 8601 time; NULL when it is neither. */
static GDateTime *
parse_time (const char *text)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  int year, month, day, hour, minute;
  char separator;
  int consumed = 0;

  if (text == NULL || *text == '\0')
    return NULL;
  if (strlen (text) > 16)
    return g_date_time_new_from_iso8601 (text, local);
  if (strlen (text) != 16
      || sscanf (text, "%4d-%2d-%2d%c%2d:%2d%n", &year, &month, &day, &separator, &hour, &minute,
                 &consumed) != 6
      || consumed != 16 || (separator != ' ' && separator != 'T')
      || text[4] != '-' || text[7] != '-' || text[13] != ':')
    return NULL;
  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59 || hour < 0 || minute < 0)
    return NULL;
  return g_date_time_new (local, year, month, day, hour, minute, 0);
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static guint
n_officers_chosen (JdRecordDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->officer_checks->len; i++)
    if (gtk_check_button_get_active (self->officer_checks->pdata[i]))
      n++;
  return n;
}

/* The time of the record chosen to correct, if any. */
static GDateTime *
corrected_time (JdRecordDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->corrects_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected == 0
      || selected > self->record_times->len)
    return NULL;
  return self->record_times->pdata[selected - 1];
}

static void
validate (JdRecordDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->time_row));
  g_autoptr(GDateTime) time = parse_time (text);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *matter = g_strstrip (g_strdup (gtk_editable_get_text (
                                          GTK_EDITABLE (self->matter_row))));
  char *problem = NULL;
  gboolean bad_time = FALSE;

  if (*text == '\0')
    {
      problem = g_strdup (_("Enter the time the record was made, as 2025-03-05 14:30."));
      bad_time = TRUE;
    }
  else if (time == NULL)
    {
      problem = g_strdup_printf (_("“%s” is not a time: write it as 2025-03-05 14:30."), text);
      bad_time = TRUE;
    }
  else if (g_date_time_compare (time, now) > 0)
    {
      problem = g_strdup (_("The time is in the future: a record is made of what has happened."));
      bad_time = TRUE;
    }
  else if (corrected_time (self) != NULL
           && g_date_time_compare (time, corrected_time (self)) <= 0)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (corrected_time (self));
      g_autofree char *shown = g_date_time_format (local, "%Y-%m-%d %H:%M");

      problem = g_strdup_printf (_("A correction is made after the record it corrects: enter a "
                                   "time later than %s."), shown);
      bad_time = TRUE;
    }
  else if (*matter == '\0')
    problem = g_strdup (_("Enter the matter the record is about."));
  else if (self->officer_checks->len == 0)
    problem = g_strdup (_("The case lists no officers: add them to the case before its records."));
  else if (n_officers_chosen (self) == 0)
    problem = g_strdup (_("Choose the officers who made the record."));

  set_row_error (GTK_WIDGET (self->time_row), bad_time);
  set_row_error (GTK_WIDGET (self->matter_row), !bad_time && problem != NULL && *matter == '\0');

  g_free (self->problem);
  self->problem = problem;
  gtk_label_set_text (self->problem_label, problem != NULL ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), problem == NULL);
}

gboolean
jd_record_dialog_is_valid (JdRecordDialog *self)
{
  g_return_val_if_fail (JD_IS_RECORD_DIALOG (self), FALSE);

  return self->problem == NULL;
}

const char *
jd_record_dialog_get_problem (JdRecordDialog *self)
{
  g_return_val_if_fail (JD_IS_RECORD_DIALOG (self), NULL);

  return self->problem;
}

static void
set_optional (JsonObject  *fields,
              const char  *member,
              AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text != '\0')
    json_object_set_string_member (fields, member, text);
}

gboolean
jd_record_dialog_save (JdRecordDialog  *self,
                       GError         **error)
{
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JsonArray) officers = json_array_new ();
  g_autoptr(GDateTime) time = NULL;
  g_autoptr(JdRecord) record = NULL;
  g_autofree char *id = NULL;
  g_autofree char *iso = NULL;
  guint corrects;

  g_return_val_if_fail (JD_IS_RECORD_DIALOG (self), FALSE);

  validate (self);
  if (self->problem != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, self->problem);
      return FALSE;
    }

  time = parse_time (gtk_editable_get_text (GTK_EDITABLE (self->time_row)));
  iso = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S%:z");
  id = jd_uuid_new ();
  json_object_set_string_member (fields, "id", id);
  json_object_set_string_member (fields, "case_id", jd_entity_get_id (JD_ENTITY (self->kase)));
  json_object_set_string_member (fields, "kind", kinds[adw_combo_row_get_selected (self->kind_row)]);
  json_object_set_string_member (fields, "stage",
                                 jd_stage_codes[adw_combo_row_get_selected (self->stage_row)]);
  json_object_set_string_member (fields, "time", iso);
  set_optional (fields, "place", self->place_row);
  for (guint i = 0; i < self->officer_checks->len; i++)
    if (gtk_check_button_get_active (self->officer_checks->pdata[i]))
      json_array_add_string_element (officers, self->officer_ids->pdata[i]);
  json_object_set_array_member (fields, "officers", json_array_ref (officers));
  set_optional (fields, "party", self->party_row);
  set_optional (fields, "matter", self->matter_row);
  corrects = adw_combo_row_get_selected (self->corrects_row);
  if (corrects != GTK_INVALID_LIST_POSITION && corrects > 0)
    json_object_set_string_member (fields, "corrects", self->record_ids->pdata[corrects - 1]);

  record = jd_record_new (fields);
  if (!jd_store_save (jd_case_checker_get_store (self->checker), JD_ENTITY (record), error))
    return FALSE;

  g_signal_emit (self, signals[SIGNAL_SAVED], 0, record);
  return TRUE;
}

static void
save_clicked_cb (JdRecordDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (!jd_record_dialog_save (self, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The record could not be saved: %s"),
                                               error->message);

      gtk_label_set_text (self->problem_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
jd_record_dialog_dispose (GObject *object)
{
  JdRecordDialog *self = JD_RECORD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_RECORD_DIALOG);
  g_clear_object (&self->checker);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->officer_ids, g_ptr_array_unref);
  g_clear_pointer (&self->officer_checks, g_ptr_array_unref);
  g_clear_pointer (&self->record_ids, g_ptr_array_unref);
  g_clear_pointer (&self->record_times, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (jd_record_dialog_parent_class)->dispose (object);
}

static void
jd_record_dialog_class_init (JdRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_record_dialog_dispose;

  /**
   * JdRecordDialog::saved:
   * @record: the JdRecord written
   *
   * The record is in the store.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                        NULL, NULL, NULL, G_TYPE_NONE, 1, JD_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, stage_row);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, place_row);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, party_row);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, matter_row);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, officers_group);
  gtk_widget_class_bind_template_child (widget_class, JdRecordDialog, corrects_row);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
}

static void
jd_record_dialog_init (JdRecordDialog *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->officer_ids = g_ptr_array_new_with_free_func (g_free);
  self->officer_checks = g_ptr_array_new ();
  self->record_ids = g_ptr_array_new_with_free_func (g_free);
  self->record_times = g_ptr_array_new_with_free_func ((GDestroyNotify) g_date_time_unref);

  for (guint i = 0; jd_stage_codes[i] != NULL; i++)
    gtk_string_list_append (stages, jd_label_stage (jd_stage_codes[i]));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
}

static guint
stage_position (const char *code)
{
  for (guint i = 0; code != NULL && jd_stage_codes[i] != NULL; i++)
    if (strcmp (jd_stage_codes[i], code) == 0)
      return i;
  return 0;
}

static void
add_officers (JdRecordDialog *self)
{
  JsonArray *officers = jd_case_get_officers (self->kase);

  for (guint i = 0; officers != NULL && i < json_array_get_length (officers); i++)
    {
      const char *id = json_array_get_string_element (officers, i);
      const char *name = jd_case_checker_officer_name (self->checker, id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *widget_name = g_strdup_printf ("officer-%u", i);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name != NULL ? name : id);
      gtk_widget_set_name (check, widget_name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name != NULL ? name : id, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
      adw_preferences_group_add (self->officers_group, row);
      g_ptr_array_add (self->officer_ids, g_strdup (id));
      g_ptr_array_add (self->officer_checks, check);
    }
}

static void
check_officers (JdRecordDialog *self,
                JsonArray      *chosen)
{
  for (guint i = 0; chosen != NULL && i < json_array_get_length (chosen); i++)
    for (guint j = 0; j < self->officer_ids->len; j++)
      if (g_strcmp0 (json_array_get_string_element (chosen, i), self->officer_ids->pdata[j]) == 0)
        gtk_check_button_set_active (self->officer_checks->pdata[j], TRUE);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

/* The records of the case not corrected yet, as choices for "corrects" (a record is corrected
 * once: REC-IMMUTABLE); fills the form from @corrects. */
static void
add_records (JdRecordDialog *self,
             const char     *corrects)
{
  GPtrArray *records = jd_case_checker_get_records (self->checker, self->kase);
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) corrected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  guint selected = 0;

  for (guint i = 0; i < records->len; i++)
    if (jd_record_get_corrects (records->pdata[i]) != NULL)
      g_hash_table_add (corrected, (gpointer) jd_record_get_corrects (records->pdata[i]));

  gtk_string_list_append (choices, _("Not a correction"));
  for (guint i = 0; i < records->len; i++)
    {
      JdRecord *record = records->pdata[i];
      const char *id = jd_entity_get_id (JD_ENTITY (record));
      const char *stage = jd_record_get_stage (record);
      const char *matter = jd_record_get_matter (record);
      const char *iso = jd_record_get_time (record);
      g_autofree char *time = jd_format_time (iso);
      g_autofree char *label = NULL;

      if (g_hash_table_contains (corrected, id))
        continue;
      /* TRANSLATORS: a record to correct: time · stage · matter */
      label = g_strdup_printf (_("%s · %s · %s"), time, stage != NULL ? jd_label_stage (stage) : "",
                               matter != NULL ? matter : "");
      gtk_string_list_append (choices, label);
      g_ptr_array_add (self->record_ids, g_strdup (id));
      g_ptr_array_add (self->record_times,
                       iso != NULL ? g_date_time_new_from_iso8601 (iso, local) : NULL);

      /* A correction says the same as the record it corrects, put right: start from it. */
      if (g_strcmp0 (corrects, id) == 0)
        {
          selected = self->record_ids->len;
          adw_combo_row_set_selected (self->kind_row,
                                      g_strcmp0 (jd_record_get_kind (record), "av") == 0);
          adw_combo_row_set_selected (self->stage_row, stage_position (stage));
          set_entry (self->place_row, jd_entity_get_string (JD_ENTITY (record), "place"));
          set_entry (self->party_row, jd_entity_get_string (JD_ENTITY (record), "party"));
          set_entry (self->matter_row, matter);
          check_officers (self, jd_entity_get_array (JD_ENTITY (record), "officers"));
        }
    }
  adw_combo_row_set_model (self->corrects_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->corrects_row, selected);
  g_signal_connect_object (self->corrects_row, "notify::selected", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
}

JdRecordDialog *
jd_record_dialog_new (JdCaseChecker *checker,
                      JdCase        *kase,
                      const char    *corrects)
{
  JdRecordDialog *self;

  g_return_val_if_fail (JD_IS_CASE_CHECKER (checker), NULL);
  g_return_val_if_fail (JD_IS_CASE (kase), NULL);

  self = g_object_new (JD_TYPE_RECORD_DIALOG, NULL);
  self->checker = g_object_ref (checker);
  self->kase = g_object_ref (kase);

  add_officers (self);
  /* A record, and a correction, is written when it is made: now, unless entered later. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *text = g_date_time_format (now, "%Y-%m-%d %H:%M");

    gtk_editable_set_text (GTK_EDITABLE (self->time_row), text);
  }
  if (corrects != NULL)
    gtk_window_set_title (GTK_WINDOW (self), _("Correct Record"));
  else
    {
      JsonArray *stages = jd_case_get_stages (kase);

      /* The case's latest stage is the likeliest one for a record made now. */
      if (stages != NULL && json_array_get_length (stages) > 0)
        {
          JsonObject *last = json_array_get_object_element (stages,
                                                            json_array_get_length (stages) - 1);

          adw_combo_row_set_selected (self->stage_row,
                                      stage_position (json_object_get_string_member_with_default (
                                                        last, "stage", NULL)));
        }
      if (self->officer_checks->len == 1)
        gtk_check_button_set_active (self->officer_checks->pdata[0], TRUE);
    }
  add_records (self, corrects);
  validate (self);
  return self;
}
