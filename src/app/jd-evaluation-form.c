#include "jd-evaluation-form.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-rule-context.h"
#include "jd-uuid.h"
#include "jd-window.h"

/* A case number looked up: how long typing pauses before the store is searched. */
#define LOOKUP_DELAY_MS 300
#define LOOKUP_LIMIT 50

static const char * const score_members[] = { "facts", "evidence", "procedure", "documents" };

struct _JdEvaluationForm
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwComboRow    *agency_row;
  GtkSpinButton  *year_spin;
  AdwEntryRow    *date_row;
  GtkSpinButton  *facts_spin;
  GtkSpinButton  *evidence_spin;
  GtkSpinButton  *procedure_spin;
  GtkSpinButton  *documents_spin;
  GtkLabel       *total_label;
  AdwEntryRow    *cases_row;
  GtkLabel       *problems_label;
  GtkButton      *save_button;

  JdWindow       *window;        /* weak pointer */
  GPtrArray      *agency_ids;    /* in the order of the combo row */
  GHashTable     *cases;         /* case number → JdCase, or NULL when none has it */
  GPtrArray      *case_ids;      /* of the numbers typed, when all are known */
  char           *problems;
  guint           lookup_id;
};

G_DEFINE_FINAL_TYPE (JdEvaluationForm, jd_evaluation_form, ADW_TYPE_WINDOW)

static void
clear_case (gpointer kase)
{
  if (kase != NULL)
    g_object_unref (kase);
}

/* The case numbers typed, each once, in order. */
static GPtrArray *
typed_numbers (JdEvaluationForm *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->cases_row));
  g_auto(GStrv) parts = g_regex_split_simple ("[\\s,;，；、]+", text, 0, 0);
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      if (*parts[i] == '\0')
        continue;
      for (guint j = 0; j < numbers->len && !seen; j++)
        seen = g_str_equal (numbers->pdata[j], parts[i]);
      if (!seen)
        g_ptr_array_add (numbers, g_strdup (parts[i]));
    }
  return numbers;
}

static const char *
selected_agency (JdEvaluationForm *self)
{
  guint selected = adw_combo_row_get_selected (self->agency_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->agency_ids->len)
    return NULL;
  return self->agency_ids->pdata[selected];
}

static int
spin_value (GtkSpinButton *spin)
{
  return gtk_spin_button_get_value_as_int (spin);
}

static void
validate (JdEvaluationForm *self)
{
  GtkSpinButton *spins[] = { self->facts_spin, self->evidence_spin, self->procedure_spin,
                             self->documents_spin };
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GPtrArray) numbers = typed_numbers (self);
  const char *agency_id = selected_agency (self);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *total = NULL;
  int year = spin_value (self->year_spin);
  gboolean pending = FALSE;
  int sum = 0;
  GDate parsed;

  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    sum += spin_value (spins[i]);
  /* TRANSLATORS: the total of the four scores */
  total = g_strdup_printf (_("%d of %d"), sum, (int) G_N_ELEMENTS (spins) * 100);
  gtk_label_set_text (self->total_label, total);

  if (agency_id == NULL)
    g_string_append_printf (problems, "%s\n", _("Choose the agency evaluated."));
  if (!jd_rule_parse_date (date, &parsed) || strlen (date) != 10)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      g_string_append_printf (problems, "%s\n",
                              _("Write the date evaluated as YYYY-MM-DD, for example 2025-03-01."));
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      if ((int) g_date_get_year (&parsed) != year)
        {
          g_string_append_printf (problems,
                                  _("The date is in %d, not in the year evaluated, %d."),
                                  (int) g_date_get_year (&parsed), year);
          g_string_append_c (problems, '\n');
        }
    }

  g_ptr_array_set_size (self->case_ids, 0);
  if (numbers->len == 0)
    g_string_append_printf (problems, "%s\n", _("Name at least one case evaluated by its number."));
  for (guint i = 0; i < numbers->len; i++)
    {
      const char *number = numbers->pdata[i];
      gpointer kase;

      if (!g_hash_table_lookup_extended (self->cases, number, NULL, &kase))
        {
          pending = TRUE;
          continue;
        }
      if (kase == NULL)
        {
          g_string_append_printf (problems, _("No case has the number “%s”."), number);
          g_string_append_c (problems, '\n');
        }
      else if (agency_id != NULL && g_strcmp0 (jd_case_get_agency_id (kase), agency_id) != 0)
        {
          g_string_append_printf (problems, _("Case %s is not a case of the agency evaluated."),
                                  number);
          g_string_append_c (problems, '\n');
        }
      else
        g_ptr_array_add (self->case_ids,
                         g_strdup (jd_entity_get_id (JD_ENTITY (kase))));
    }
  if (pending)
    g_string_append_printf (problems, "%s\n", _("Looking up the case numbers…"));
  if (problems->len > 0)
    g_string_truncate (problems, problems->len - 1);
  if (problems->len > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->cases_row), numbers->len == 0 || pending
                                                              ? "warning" : "error");
  g_free (self->problems);
  self->problems = g_strdup (problems->str);
  gtk_label_set_text (self->problems_label, self->problems);
  gtk_widget_set_visible (GTK_WIDGET (self->problems_label), problems->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), problems->len == 0);
}

/* Case numbers: searched in the store once typing pauses, remembered for the form's life. */
static gboolean
lookup_cb (gpointer user_data)
{
  JdEvaluationForm *self = user_data;
  g_autoptr(GPtrArray) numbers = typed_numbers (self);
  JdStore *store = jd_window_get_store (self->window);

  self->lookup_id = 0;
  for (guint i = 0; i < numbers->len; i++)
    {
      const char *number = numbers->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) found = NULL;
      JdCase *match = NULL;

      if (g_hash_table_contains (self->cases, number))
        continue;
      found = jd_store_search_cases (store, number, LOOKUP_LIMIT, &error);
      if (found == NULL)
        {
          g_autofree char *text = g_strdup_printf (_("The cases could not be searched: %s"),
                                                   error->message);

          jd_window_toast (self->window, text);
          return G_SOURCE_REMOVE;
        }
      for (guint j = 0; j < found->len && match == NULL; j++)
        if (g_strcmp0 (jd_case_get_number (found->pdata[j]), number) == 0)
          match = g_object_ref (found->pdata[j]);
      g_hash_table_insert (self->cases, g_strdup (number), match);
    }
  validate (self);
  return G_SOURCE_REMOVE;
}

static void
cases_changed_cb (JdEvaluationForm *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->cases_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->cases_row), "warning");
  g_clear_handle_id (&self->lookup_id, g_source_remove);
  self->lookup_id = g_timeout_add (LOOKUP_DELAY_MS, lookup_cb, self);
  validate (self);
}

static void
save_clicked_cb (JdEvaluationForm *self)
{
  GtkSpinButton *spins[] = { self->facts_spin, self->evidence_spin, self->procedure_spin,
                             self->documents_spin };
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JdEntity) evaluation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = jd_uuid_new ();
  JsonObject *scored = json_object_new ();
  JsonArray *case_ids = json_array_new ();

  validate (self);
  if (*self->problems != '\0')
    {
      json_object_unref (scored);
      json_array_unref (case_ids);
      return;
    }

  json_object_set_string_member (fields, "id", id);
  json_object_set_string_member (fields, "agency_id", selected_agency (self));
  json_object_set_int_member (fields, "year", spin_value (self->year_spin));
  json_object_set_string_member (fields, "date",
                                 gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  for (guint i = 0; i < self->case_ids->len; i++)
    json_array_add_string_element (case_ids, self->case_ids->pdata[i]);
  json_object_set_array_member (fields, "case_ids", case_ids);
  for (guint i = 0; i < G_N_ELEMENTS (spins); i++)
    json_object_set_int_member (scored, score_members[i], spin_value (spins[i]));
  json_object_set_object_member (fields, "scores", scored);

  evaluation = JD_ENTITY (jd_evaluation_new (fields));
  if (!jd_store_save (jd_window_get_store (self->window), evaluation, &error))
    {
      g_autofree char *text = g_strdup_printf (_("The evaluation could not be saved: %s"),
                                               error->message);

      gtk_label_set_text (self->problems_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->problems_label), TRUE);
      return;
    }
  /* The rules read evaluations from the data the checker keeps: read it again. */
  if (!jd_case_checker_reload (jd_window_get_checker (self->window), &error))
    jd_window_toast (self->window, error->message);
  else
    jd_window_toast (self->window, _("The evaluation was saved."));
  gtk_window_close (GTK_WINDOW (self));
}

static void
jd_evaluation_form_dispose (GObject *object)
{
  JdEvaluationForm *self = JD_EVALUATION_FORM (object);

  g_clear_handle_id (&self->lookup_id, g_source_remove);
  g_clear_weak_pointer (&self->window);

  G_OBJECT_CLASS (jd_evaluation_form_parent_class)->dispose (object);
}

static void
jd_evaluation_form_finalize (GObject *object)
{
  JdEvaluationForm *self = JD_EVALUATION_FORM (object);

  g_clear_pointer (&self->agency_ids, g_ptr_array_unref);
  g_clear_pointer (&self->case_ids, g_ptr_array_unref);
  g_clear_pointer (&self->cases, g_hash_table_unref);
  g_free (self->problems);

  G_OBJECT_CLASS (jd_evaluation_form_parent_class)->finalize (object);
}

static void
jd_evaluation_form_class_init (JdEvaluationFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_evaluation_form_dispose;
  object_class->finalize = jd_evaluation_form_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-evaluation-form.ui");
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, agency_row);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, year_spin);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, facts_spin);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, evidence_spin);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, procedure_spin);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, documents_spin);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, total_label);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, cases_row);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, problems_label);
  gtk_widget_class_bind_template_child (widget_class, JdEvaluationForm, save_button);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, cases_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_evaluation_form_init (JdEvaluationForm *self)
{
  self->agency_ids = g_ptr_array_new_with_free_func (g_free);
  self->case_ids = g_ptr_array_new_with_free_func (g_free);
  self->cases = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, clear_case);
  self->problems = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  JdEntity *ea = *(JdEntity **) a;
  JdEntity *eb = *(JdEntity **) b;

  return g_utf8_collate (jd_entity_get_string (ea, "name") ? jd_entity_get_string (ea, "name") : "",
                         jd_entity_get_string (eb, "name") ? jd_entity_get_string (eb, "name") : "");
}

JdEvaluationForm *
jd_evaluation_form_new (JdWindow *window)
{
  JdEvaluationForm *self;
  JdCaseChecker *checker;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const GDate *as_of;
  char date[16];

  g_return_val_if_fail (JD_IS_WINDOW (window), NULL);

  self = g_object_new (JD_TYPE_EVALUATION_FORM, "transient-for", window, NULL);
  g_set_weak_pointer (&self->window, window);
  checker = jd_window_get_checker (window);

  agencies = jd_case_checker_list (checker, JD_COLLECTION_AGENCIES);
  g_ptr_array_sort (agencies, compare_names);
  for (guint i = 0; i < agencies->len; i++)
    {
      const char *name = jd_entity_get_string (agencies->pdata[i], "name");

      gtk_string_list_append (names, name != NULL ? name : jd_entity_get_id (agencies->pdata[i]));
      g_ptr_array_add (self->agency_ids, g_strdup (jd_entity_get_id (agencies->pdata[i])));
    }
  adw_combo_row_set_model (self->agency_row, G_LIST_MODEL (names));

  as_of = jd_case_checker_get_as_of (checker);
  if (as_of != NULL && g_date_valid (as_of))
    {
      gtk_spin_button_set_value (self->year_spin, g_date_get_year (as_of));
      g_snprintf (date, sizeof date, "%04d-%02d-%02d", (int) g_date_get_year (as_of),
                  (int) g_date_get_month (as_of), (int) g_date_get_day (as_of));
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
    }
  validate (self);
  return self;
}

gboolean
jd_evaluation_form_set_agency (JdEvaluationForm *self,
                               const char       *agency_id)
{
  g_return_val_if_fail (JD_IS_EVALUATION_FORM (self), FALSE);

  for (guint i = 0; i < self->agency_ids->len; i++)
    if (g_str_equal (self->agency_ids->pdata[i], agency_id))
      {
        adw_combo_row_set_selected (self->agency_row, i);
        validate (self);
        return TRUE;
      }
  return FALSE;
}

const char *
jd_evaluation_form_get_problems (JdEvaluationForm *self)
{
  g_return_val_if_fail (JD_IS_EVALUATION_FORM (self), NULL);

  return self->problems;
}
