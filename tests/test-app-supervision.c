#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jd-evaluation-form.h"
#include "jd-format.h"
#include "jd-sample-store.h"
#include "jd-supervision-view.h"
#include "jd-test-util.h"
#include "jd-window.h"
#include "jd-test-widgets.h"

/* The supervision view on a small real sample district: a row per complaint, supervision case,
 * letter and evaluation; the 2-month clock of an open case; the follow-up deadlines of a letter;
 * and a new evaluation saved through its form, which makes SUP-EVALUATION pass. */

#define N_SAMPLE_CASES 500
#define AS_OF "2026-06-15"
/* The profile whose rules set the supervision deadlines (Beijing's sets only some). */
#define PROFILE "weihai"

static char *dir;
static char *sample_path;

static JdStore *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  JdStore *store = jd_store_open (sample_path, JD_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  return store;
}

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static JdSupervisionView *
view_of (JdWindow *window)
{
  JdSupervisionView *view = JD_SUPERVISION_VIEW (jd_test_find_widget (GTK_WIDGET (window),
                                                                      JD_TYPE_SUPERVISION_VIEW,
                                                                      NULL));

  g_assert_nonnull (view);
  return view;
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n += ADW_IS_EXPANDER_ROW (row);
  return n;
}

static AdwExpanderRow *
row_of (GtkListBox *list,
        const char *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "jd-object-id"), id) == 0)
      return ADW_EXPANDER_ROW (row);
  return NULL;
}

/* The rows inside @expander (its details) with style class @class, in order. */
static void
collect_rows (GtkWidget  *widget,
              const char *class,
              GPtrArray  *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && gtk_widget_has_css_class (child, class))
        g_ptr_array_add (out, child);
      collect_rows (child, class, out);
    }
}

static GtkWidget *
detail_row (AdwExpanderRow *expander,
            const char     *class,
            const char     *title)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (GTK_WIDGET (expander), class, rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), title) == 0)
      return rows->pdata[i];
  return NULL;
}

static GtkWidget *
find_label_with_class (GtkWidget  *widget,
                       const char *class)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, class))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label_with_class (child, class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_counts (void)
{
  static const JdCollection collections[] = {
    JD_COLLECTION_COMPLAINTS, JD_COLLECTION_SUPERVISION_CASES, JD_COLLECTION_LETTERS,
    JD_COLLECTION_EVALUATIONS,
  };
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(GError) error = NULL;
  JdWindow *window = jd_window_new (NULL, store);
  JdSupervisionView *view = view_of (window);

  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_view (window, "supervision");
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "supervision");

  for (guint i = 0; i < G_N_ELEMENTS (collections); i++)
    {
      gint64 n = jd_store_count (store, collections[i], &error);
      GtkListBox *list = jd_supervision_view_get_list (view, collections[i]);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_assert_cmpuint (count_rows (list), ==, n);
      /* A row names its object and says where it stands. */
      {
        AdwExpanderRow *first = ADW_EXPANDER_ROW (gtk_widget_get_first_child (GTK_WIDGET (list)));

        g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), !=, "");
        g_assert_nonnull (adw_expander_row_get_subtitle (first));
      }
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  JdWindow *window;
  JdSupervisionView *view;
  AdwViewStack *stack;
  g_autoptr(GListModel) pages = NULL;

  g_assert_no_error (error);
  window = jd_window_new (NULL, store);
  view = view_of (window);
  jd_supervision_view_reload (view);
  stack = jd_supervision_view_get_stack (view);
  pages = G_LIST_MODEL (adw_view_stack_get_pages (stack));
  g_assert_cmpuint (g_list_model_get_n_items (pages), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (pages, i);
      GtkStack *inner = GTK_STACK (adw_view_stack_page_get_child (page));

      g_assert_cmpstr (gtk_stack_get_visible_child_name (inner), ==, "empty");
      g_assert_true (ADW_IS_STATUS_PAGE (gtk_stack_get_visible_child (inner)));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
iso (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static void
save_json (JdStore    *store,
           JdCollection collection,
           const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  g_autoptr(JdEntity) entity = NULL;

  g_assert_no_error (error);
  entity = jd_entity_new_for_collection (collection, json_node_get_object (node));
  jd_store_save (store, entity, &error);
  g_assert_no_error (error);
}

static void
test_deadlines (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = jd_store_list_all (store, JD_COLLECTION_AGENCIES, &error);
  g_autofree char *json = NULL;
  g_autofree char *filed_text = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *correct_text = NULL;
  g_autofree char *expected = NULL;
  const char *agency_id;
  GDate as_of, filed, due, received, correct_by;
  JdWindow *window;
  JdSupervisionView *view;
  GtkListBox *cases, *letters;
  AdwExpanderRow *row;
  GtkWidget *clock, *deadline, *link;

  g_assert_no_error (error);
  agency_id = jd_entity_get_id (agencies->pdata[0]);

  /* An individual case still open 2 months and 12 days after it was filed, and an opinion
   * letter of it received 5 days ago and not yet corrected. */
  g_date_clear (&as_of, 1);
  g_date_set_parse (&as_of, AS_OF);
  g_assert_true (g_date_valid (&as_of));
  filed = as_of;
  g_date_subtract_months (&filed, 2);
  g_date_subtract_days (&filed, 12);
  due = filed;
  g_date_add_months (&due, 2);
  received = as_of;
  g_date_subtract_days (&received, 5);
  correct_by = received;
  g_date_add_days (&correct_by, 30);
  filed_text = iso (&filed);
  received_text = iso (&received);
  json = g_strdup_printf ("{\"id\": \"sup-open\", \"filed_on\": \"%s\", \"agency_id\": \"%s\", "
                          "\"investigators\": []}", filed_text, agency_id);
  save_json (store, JD_COLLECTION_SUPERVISION_CASES, json);
  g_free (json);
  json = g_strdup_printf ("{\"id\": \"letter-open\", \"kind\": \"opinion\", "
                          "\"supervision_case_id\": \"sup-open\", \"agency_id\": \"%s\", "
                          "\"issued_on\": \"%s\", \"received_on\": \"%s\"}",
                          agency_id, received_text, received_text);
  save_json (store, JD_COLLECTION_LETTERS, json);

  g_settings_set_string (settings, "as-of-date", AS_OF);
  g_settings_set_string (settings, "profile", PROFILE);
  window = jd_window_new (NULL, store);
  view = view_of (window);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_view (window, "supervision");
  settle (GTK_WIDGET (window));

  /* The open case comes first, overdue, in the error style, its clock on the row. */
  cases = jd_supervision_view_get_list (view, JD_COLLECTION_SUPERVISION_CASES);
  row = row_of (cases, "sup-open");
  g_assert_nonnull (row);
  g_assert_true (GTK_WIDGET (row) == gtk_widget_get_first_child (GTK_WIDGET (cases)));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "deadline-overdue"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), "overdue by 12 days"));
  clock = find_label_with_class (GTK_WIDGET (row), "clock");
  g_assert_nonnull (clock);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (clock)), ==, "12 days overdue");
  g_assert_true (gtk_widget_has_css_class (clock, "error"));

  /* Expanded: the clock with its due date, and the case's letter. */
  adw_expander_row_set_expanded (row, TRUE);
  settle (GTK_WIDGET (window));
  deadline = detail_row (row, "deadline", "2-month clock");
  g_assert_nonnull (deadline);
  {
    g_autofree char *due_text = jd_format_gdate (&due);
    GtkWidget *state = find_label_with_class (deadline, "deadline");

    expected = g_strdup_printf ("overdue by 12 days · due %s", due_text);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (state)), ==, expected);
    g_assert_true (gtk_widget_has_css_class (state, "error"));
  }
  link = NULL;
  {
    g_autoptr(GPtrArray) all = g_ptr_array_new ();

    collect_rows (GTK_WIDGET (row), "activatable", all);
    for (guint i = 0; i < all->len; i++)
      if (g_strcmp0 (adw_preferences_row_get_title (all->pdata[i]), "Opinion letter") == 0)
        link = all->pdata[i];
  }
  g_assert_nonnull (link);

  /* Following it shows the letter, expanded, with its correction deadline still open. */
  g_signal_emit_by_name (link, "activate");
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (jd_supervision_view_get_stack (view)),
                   ==, "letters");
  letters = jd_supervision_view_get_list (view, JD_COLLECTION_LETTERS);
  row = row_of (letters, "letter-open");
  g_assert_nonnull (row);
  g_assert_true (adw_expander_row_get_expanded (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "deadline-open"));
  deadline = detail_row (row, "deadline", "Correction");
  g_assert_nonnull (deadline);
  correct_text = jd_format_gdate (&correct_by);
  g_free (expected);
  expected = g_strdup_printf ("due %s · 25 days left", correct_text);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find_label_with_class (deadline, "deadline"))),
                   ==, expected);
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (row), expected));

  /* A sample letter's correction was met. */
  for (GtkWidget *other = gtk_widget_get_first_child (GTK_WIDGET (letters)); other != NULL;
       other = gtk_widget_get_next_sibling (other))
    {
      if (GTK_WIDGET (row) == other)
        continue;
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (other), TRUE);
      deadline = detail_row (ADW_EXPANDER_ROW (other), "deadline", "Correction");
      if (deadline != NULL)
        g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (
                                    find_label_with_class (deadline, "deadline"))), "due "));
    }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "as-of-date");
  g_settings_reset (settings, "profile");
  jd_store_delete (store, JD_COLLECTION_LETTERS, "letter-open", &error);
  g_assert_no_error (error);
  jd_store_delete (store, JD_COLLECTION_SUPERVISION_CASES, "sup-open", &error);
  g_assert_no_error (error);
}

/* An agency and a past year for which SUP-EVALUATION fails. */
static gboolean
find_missing_evaluation (JdCaseChecker *checker,
                         char         **agency_id,
                         int           *year)
{
  g_autoptr(GPtrArray) agencies = jd_case_checker_list (checker, JD_COLLECTION_AGENCIES);

  for (guint i = 0; i < agencies->len; i++)
    {
      g_autoptr(GPtrArray) findings = jd_case_checker_check_entity (checker, agencies->pdata[i],
                                                                    "SUP-EVALUATION");

      for (guint j = 0; j < findings->len; j++)
        {
          JdFinding *finding = findings->pdata[j];

          if (finding->status == JD_FINDING_FAIL)
            {
              *agency_id = g_strdup (jd_entity_get_id (agencies->pdata[i]));
              *year = g_date_get_year (&finding->due);
              return TRUE;
            }
        }
    }
  return FALSE;
}

static JdFindingStatus
evaluation_status (JdCaseChecker *checker,
                   JdStore       *store,
                   const char    *agency_id,
                   int            year)
{
  g_autoptr(JdEntity) agency = jd_store_get (store, JD_COLLECTION_AGENCIES, agency_id, NULL);
  g_autoptr(GPtrArray) findings = jd_case_checker_check_entity (checker, agency,
                                                                "SUP-EVALUATION");

  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *finding = findings->pdata[i];

      if ((int) g_date_get_year (&finding->due) == year)
        return finding->status;
    }
  g_assert_not_reached ();
}

static GtkWidget *
form_child (JdEvaluationForm *form,
            const char       *name)
{
  GtkWidget *widget = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (form),
                                                                 JD_TYPE_EVALUATION_FORM, name));

  g_assert_nonnull (widget);
  return widget;
}

typedef struct
{
  JdEvaluationForm *form;
  const char       *problem;
} Wait;

static gboolean
problems_are (Wait *wait)
{
  const char *problems = jd_evaluation_form_get_problems (wait->form);

  if (*wait->problem == '\0')
    return *problems == '\0';
  return strstr (problems, wait->problem) != NULL;
}

static void
wait_problems (JdEvaluationForm *form,
               const char       *problem)
{
  Wait wait = { form, problem };
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!problems_are (&wait))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_new_evaluation (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) evaluations = NULL;
  g_autoptr(GString) numbers = g_string_new (NULL);
  g_autoptr(JdStore) other = NULL;
  g_autofree char *agency_id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *case_a = NULL;
  g_autofree char *case_b = NULL;
  JdEntity *saved = NULL;
  JdWindow *window;
  JdSupervisionView *view;
  JdCaseChecker *checker;
  JdEvaluationForm *form;
  GtkWidget *widget;
  gint64 n_before, outbox_before;
  int year = 0;

  g_settings_set_string (settings, "as-of-date", AS_OF);
  g_settings_set_string (settings, "profile", PROFILE);
  window = jd_window_new (NULL, store);
  view = view_of (window);
  checker = jd_window_get_checker (window);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_view (window, "supervision");
  settle (GTK_WIDGET (window));

  g_assert_true (find_missing_evaluation (checker, &agency_id, &year));
  g_assert_cmpint (evaluation_status (checker, store, agency_id, year), ==, JD_FINDING_FAIL);

  /* Two cases of the agency, by number. */
  cases = jd_store_list_cases (store, 0, N_SAMPLE_CASES, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len && case_b == NULL; i++)
    {
      JdCase *kase = cases->pdata[i];

      if (g_strcmp0 (jd_case_get_agency_id (kase), agency_id) != 0)
        continue;
      if (case_a == NULL)
        case_a = g_strdup (jd_entity_get_id (JD_ENTITY (kase)));
      else
        case_b = g_strdup (jd_entity_get_id (JD_ENTITY (kase)));
      g_string_append_printf (numbers, "%s%s", numbers->len > 0 ? "，" : "",
                              jd_case_get_number (kase));
    }
  g_assert_nonnull (case_a);

  n_before = jd_store_count (store, JD_COLLECTION_EVALUATIONS, &error);
  g_assert_no_error (error);
  outbox_before = jd_store_count_outbox (store, &error);
  g_assert_no_error (error);

  form = JD_EVALUATION_FORM (jd_supervision_view_new_evaluation (view));
  settle (GTK_WIDGET (form));
  g_assert_true (jd_evaluation_form_set_agency (form, agency_id));
  widget = form_child (form, "year_spin");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), year);

  /* Checked as typed: a date that is no date, of another year, a number that is no case. */
  widget = form_child (form, "date_row");
  gtk_editable_set_text (GTK_EDITABLE (widget), "2025-13-01");
  g_assert_nonnull (strstr (jd_evaluation_form_get_problems (form), "YYYY-MM-DD"));
  date = g_strdup_printf ("%d-06-30", year + 1);
  gtk_editable_set_text (GTK_EDITABLE (widget), date);
  g_assert_nonnull (strstr (jd_evaluation_form_get_problems (form), "not in the year"));
  g_free (date);
  date = g_strdup_printf ("%d-06-30", year);
  gtk_editable_set_text (GTK_EDITABLE (widget), date);
  g_assert_null (strstr (jd_evaluation_form_get_problems (form), "year"));

  widget = form_child (form, "cases_row");
  gtk_editable_set_text (GTK_EDITABLE (widget), "不存在〔2099〕1号");
  wait_problems (form, "No case has the number “不存在〔2099〕1号”.");
  g_assert_false (gtk_widget_get_sensitive (form_child (form, "save_button")));
  gtk_editable_set_text (GTK_EDITABLE (widget), numbers->str);
  wait_problems (form, "");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form_child (form, "facts_spin")), 91);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (form_child (form, "documents_spin")), 67);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (form_child (form, "total_label"))), ==, "318 of 400");
  widget = form_child (form, "save_button");
  g_assert_true (gtk_widget_get_sensitive (widget));
  g_signal_emit_by_name (widget, "clicked");
  settle (GTK_WIDGET (window));

  /* Read back from another connection: one evaluation more, with what was typed, audited and
   * waiting to be synced. */
  other = open_sample ();
  g_assert_cmpint (jd_store_count (other, JD_COLLECTION_EVALUATIONS, &error), ==, n_before + 1);
  g_assert_cmpint (jd_store_count_outbox (other, &error), >, outbox_before);
  evaluations = jd_store_list_all (other, JD_COLLECTION_EVALUATIONS, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < evaluations->len; i++)
    if (g_strcmp0 (jd_entity_get_string (evaluations->pdata[i], "agency_id"), agency_id) == 0 &&
        g_strcmp0 (jd_entity_get_string (evaluations->pdata[i], "date"), date) == 0)
      saved = evaluations->pdata[i];
  g_assert_nonnull (saved);
  {
    JsonObject *scores = jd_entity_get_object (saved, "scores");
    JsonArray *ids = jd_entity_get_array (saved, "case_ids");
    g_autofree char *object = jd_entity_get_object_path (saved);
    g_autoptr(GPtrArray) audit = jd_store_list_audit (other, object, &error);

    g_assert_no_error (error);
    g_assert_cmpint (json_object_get_int_member (jd_entity_get_fields (saved), "year"), ==, year);
    g_assert_cmpint (json_object_get_int_member (scores, "facts"), ==, 91);
    g_assert_cmpint (json_object_get_int_member (scores, "evidence"), ==, 80);
    g_assert_cmpint (json_object_get_int_member (scores, "procedure"), ==, 80);
    g_assert_cmpint (json_object_get_int_member (scores, "documents"), ==, 67);
    g_assert_cmpstr (json_array_get_string_element (ids, 0), ==, case_a);
    g_assert_cmpuint (json_array_get_length (ids), ==, case_b != NULL ? 2 : 1);
    g_assert_cmpuint (audit->len, ==, 1);
  }

  /* SUP-EVALUATION now passes for that agency and year, and the view shows the new evaluation
   * with its scoring sheet and its cases. */
  g_assert_cmpint (evaluation_status (checker, store, agency_id, year), ==, JD_FINDING_PASS);
  {
    GtkListBox *list = jd_supervision_view_get_list (view, JD_COLLECTION_EVALUATIONS);
    AdwExpanderRow *row = row_of (list, jd_entity_get_id (saved));
    g_autoptr(GPtrArray) scores = g_ptr_array_new ();
    g_autoptr(GPtrArray) evaluated = g_ptr_array_new ();
    GtkWidget *total;

    g_assert_cmpuint (count_rows (list), ==, n_before + 1);
    g_assert_nonnull (row);
    g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "deadline-overdue"));
    adw_expander_row_set_expanded (row, TRUE);
    collect_rows (GTK_WIDGET (row), "score", scores);
    g_assert_cmpuint (scores->len, ==, 4);
    total = detail_row (row, "total", "Total");
    g_assert_nonnull (total);
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (total)), ==, "318 of 400");
    {
      g_autoptr(GPtrArray) findings = g_ptr_array_new ();

      collect_rows (GTK_WIDGET (row), "finding", findings);
      g_assert_cmpuint (findings->len, ==, 1);
      g_assert_nonnull (strstr (adw_preferences_row_get_title (findings->pdata[0]),
                                "1 case-file evaluation in"));
    }
    collect_rows (GTK_WIDGET (row), "evaluated-case", evaluated);
    g_assert_cmpuint (evaluated->len, ==, case_b != NULL ? 2 : 1);
    g_signal_emit_by_name (evaluated->pdata[0], "activate");
    settle (GTK_WIDGET (window));
    g_assert_cmpstr (jd_window_get_view (window), ==, "case");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "as-of-date");
  g_settings_reset (settings, "profile");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!jd_test_app_init (&argc, &argv))
    return 0;

  dir = jd_test_tmp_dir ();
  sample_path = jd_test_sample_db (dir, N_SAMPLE_CASES, 7);
  /* The writes here queue for sync as on a real replica. */
  jd_test_unmark_sample (sample_path);

  g_test_add_func ("/app-supervision/counts", test_counts);
  g_test_add_func ("/app-supervision/empty", test_empty);
  g_test_add_func ("/app-supervision/deadlines", test_deadlines);
  g_test_add_func ("/app-supervision/new-evaluation", test_new_evaluation);
  status = g_test_run ();

  jd_test_rm_dir (dir);
  g_free (sample_path);
  g_free (dir);
  return status;
}
