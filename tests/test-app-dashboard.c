#include <adwaita.h>
#include <string.h>

#include "jd-case-list-model.h"
#include "jd-dashboard-view.h"
#include "jd-format.h"
#include "jd-sample-store.h"
#include "jd-store-stats.h"
#include "jd-test-util.h"
#include "jd-window.h"
#include "jd-test-widgets.h"

/* The Dashboard view on a real sample database: its charts show what the store's counts say,
 * and each bar leads to the case list filtered to as many cases as the bar says. */

#define N_SAMPLE_CASES 1200
#define AS_OF "2026-01-20"

static char *sample_dir;
static char *sample_path;

static void
spin_until (gboolean (*done) (gpointer),
            gpointer  data,
            int       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
checks_done (gpointer data)
{
  return !jd_case_checker_is_refreshing (jd_window_get_checker (data));
}

static gboolean
counted (gpointer data)
{
  return !jd_dashboard_view_is_busy (data);
}

typedef struct
{
  JdStore         *store;    /* the test's own connection, to count with */
  JdWindow        *window;
  JdDashboardView *view;
  GDate            as_of;
} Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* A day inside the sample's years, where deadlines have passed and certificates run out. */
  g_settings_set_string (settings, "as-of-date", AS_OF);
  g_settings_set_string (settings, "last-view", "dashboard");
  f->store = jd_store_open (sample_path, JD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_date_clear (&f->as_of, 1);
  g_date_set_parse (&f->as_of, AS_OF);
  g_assert_true (g_date_valid (&f->as_of));

  f->window = jd_window_new (NULL, f->store);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  f->view = JD_DASHBOARD_VIEW (jd_test_find_widget (GTK_WIDGET (f->window), JD_TYPE_DASHBOARD_VIEW, NULL));
  g_assert_nonnull (f->view);
  g_assert_cmpstr (jd_window_get_view (f->window), ==, "dashboard");
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  spin_until (checks_done, f->window, 300);
  spin_until (counted, f->view, 60);
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->store);
}

static void
wait_for_counts (Fixture *f)
{
  spin_until (checks_done, f->window, 300);
  spin_until (counted, f->view, 60);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static JdAgencyCaseCounts *
find_agency (GPtrArray  *agencies,
             const char *agency_id)
{
  for (guint i = 0; i < agencies->len; i++)
    if (g_strcmp0 (((JdAgencyCaseCounts *) agencies->pdata[i])->agency_id, agency_id) == 0)
      return agencies->pdata[i];
  return NULL;
}

static JdAgencyCertificateCounts *
find_certificates (GPtrArray  *agencies,
                   const char *agency_id)
{
  for (guint i = 0; i < agencies->len; i++)
    if (g_strcmp0 (((JdAgencyCertificateCounts *) agencies->pdata[i])->agency_id, agency_id)
        == 0)
      return agencies->pdata[i];
  return NULL;
}

/* The bars are the store's counts: every agency with errors or overdue deadlines (the ten with
 * most, or all), the twelve months up to the "as of" date, every action type. */
static void
test_charts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  JdBarChart *chart;
  guint n_with_findings = 0;
  gint64 previous = G_MAXINT64;

  /* While the rules check every case, the view says the counts are being updated. */
  g_assert_true (jd_case_checker_is_refreshing (jd_window_get_checker (f->window)));
  g_assert_true (jd_dashboard_view_is_showing_update (f->view));
  wait_for_counts (f);
  g_assert_false (jd_dashboard_view_is_showing_update (f->view));

  agencies = jd_store_count_cases_by_agency (f->store, &f->as_of, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyCaseCounts *agency = agencies->pdata[i];

      n_with_findings += agency->n_with_errors > 0 || agency->n_overdue > 0;
    }
  g_assert_cmpuint (n_with_findings, >, 10);

  chart = jd_dashboard_view_get_agency_chart (f->view);
  g_assert_cmpuint (jd_bar_chart_get_n_rows (chart), ==, 10);
  for (guint i = 0; i < jd_bar_chart_get_n_rows (chart); i++)
    {
      JdAgencyCaseCounts *agency = find_agency (agencies, jd_bar_chart_get_key (chart, i));
      GtkWidget *bar = jd_bar_chart_get_bar (chart, i, JD_DASHBOARD_WITH_ERRORS);

      if (agency == NULL)
        g_error ("the chart shows agency %s, which has no cases", jd_bar_chart_get_key (chart, i));
      g_assert_cmpstr (jd_bar_chart_get_label (chart, i), ==, agency->name);
      g_assert_cmpint (jd_bar_chart_get_value (chart, i, JD_DASHBOARD_WITH_ERRORS), ==,
                       agency->n_with_errors);
      g_assert_cmpint (jd_bar_chart_get_value (chart, i, JD_DASHBOARD_OVERDUE), ==,
                       agency->n_overdue);
      /* Most errors first. */
      g_assert_cmpint (agency->n_with_errors, <=, previous);
      previous = agency->n_with_errors;
      /* Each bar a focusable button, laid over its line, that says what it shows. */
      g_assert_true (gtk_widget_get_focusable (bar));
      g_assert_true (gtk_widget_get_mapped (bar));
      g_assert_cmpint (gtk_widget_get_height (bar), >, 10);
      g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (bar), agency->name));
    }
  jd_dashboard_view_show_all_agencies (f->view, TRUE);
  g_assert_cmpuint (jd_bar_chart_get_n_rows (chart), ==, agencies->len);

  months = jd_store_count_cases_by_month (f->store, &f->as_of, 12, &error);
  g_assert_no_error (error);
  chart = jd_dashboard_view_get_month_chart (f->view);
  g_assert_cmpuint (jd_bar_chart_get_n_rows (chart), ==, 12);
  for (guint i = 0; i < months->len; i++)
    {
      JdCaseCount *month = months->pdata[i];
      g_autofree char *label = jd_format_month (month->key);

      g_assert_cmpstr (jd_bar_chart_get_key (chart, i), ==, month->key);
      g_assert_cmpstr (jd_bar_chart_get_label (chart, i), ==, label);
      g_assert_cmpint (jd_bar_chart_get_value (chart, i, 0), ==, month->n_cases);
    }
  g_assert_cmpstr (jd_bar_chart_get_key (chart, 11), ==, "2026-01");

  types = jd_store_count_cases_by_action_type (f->store, &error);
  g_assert_no_error (error);
  chart = jd_dashboard_view_get_type_chart (f->view);
  g_assert_cmpuint (jd_bar_chart_get_n_rows (chart), ==, types->len);
  for (guint i = 0; i < types->len; i++)
    {
      JdCaseCount *type = types->pdata[i];
      gboolean found = FALSE;

      for (guint j = 0; j < jd_bar_chart_get_n_rows (chart); j++)
        if (g_strcmp0 (jd_bar_chart_get_key (chart, j), type->key) == 0)
          {
            g_assert_cmpint (jd_bar_chart_get_value (chart, j, 0), ==, type->n_cases);
            g_assert_cmpstr (jd_bar_chart_get_label (chart, j), ==,
                             jd_label_action_type (type->key));
            found = TRUE;
          }
      g_assert_true (found);
    }

  certificates = jd_store_count_certificates_by_agency (f->store, &f->as_of, &error);
  g_assert_no_error (error);
  chart = jd_dashboard_view_get_certificate_chart (f->view);
  g_assert_cmpuint (jd_bar_chart_get_n_rows (chart), ==, certificates->len);
  for (guint i = 0; i < jd_bar_chart_get_n_rows (chart); i++)
    {
      JdAgencyCertificateCounts *agency = find_certificates (certificates,
                                                             jd_bar_chart_get_key (chart, i));

      if (agency == NULL)
        g_error ("the chart shows agency %s, which has no officers",
                 jd_bar_chart_get_key (chart, i));
      g_assert_cmpint (jd_bar_chart_get_value (chart, i, JD_DASHBOARD_EXPIRING), ==,
                       agency->n_expiring);
      g_assert_cmpint (jd_bar_chart_get_value (chart, i, JD_DASHBOARD_EXPIRED), ==,
                       agency->n_expired);
    }
}

static guint
n_listed (Fixture *f)
{
  JdCaseList *list = jd_window_get_case_list (f->window);

  return jd_test_list_count (jd_case_list_get_model (list));
}

static const char *
selected_string (GtkDropDown *dropdown)
{
  return gtk_string_object_get_string (GTK_STRING_OBJECT (gtk_drop_down_get_selected_item (
    dropdown)));
}

static void
activated_cb (JdBarChart *chart,
              const char *key,
              guint       series,
              gboolean   *activated)
{
  *activated = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Enter on @bar: the button shows itself pressed for a moment, then the chart says so (after
 * the view's handler, which ran first). */
static void
press_enter (JdBarChart *chart,
             GtkWidget  *bar)
{
  gboolean activated = FALSE;
  gulong id = g_signal_connect (chart, "bar-activated", G_CALLBACK (activated_cb), &activated);

  gtk_widget_grab_focus (bar);
  g_assert_true (gtk_widget_has_focus (bar));
  g_assert_true (gtk_widget_activate (bar));
  spin_until (is_true, &activated, 10);
  g_signal_handler_disconnect (chart, id);
}

static void
back_to_dashboard (Fixture *f)
{
  g_assert_true (jd_window_show_view (f->window, "dashboard"));
  spin_until (counted, f->view, 60);
}

/* Enter on a bar (or a click) shows the case list filtered to the bar's cases: as many as it
 * says, with the drop-downs showing the filters, whatever was searched before. */
static void
test_bars (Fixture       *f,
           gconstpointer  data)
{
  JdCaseList *list = jd_window_get_case_list (f->window);
  g_autoptr(GError) error = NULL;
  g_autofree char *agency_id = NULL;
  GtkDropDown *agencies;
  GtkWidget *month_button;
  JdBarChart *chart;
  GtkWidget *bar;
  gint64 value;

  wait_for_counts (f);
  /* The month filter is of the last page opened: the list starts with none. */
  g_assert_null (jd_case_list_get_opened_month (list));

  /* Something searched and filtered before, which the bar replaces. */
  gtk_editable_set_text (GTK_EDITABLE (jd_case_list_get_search_entry (list)), "违法");
  gtk_drop_down_set_selected (jd_case_list_get_type_dropdown (list), 1);

  chart = jd_dashboard_view_get_agency_chart (f->view);
  bar = jd_bar_chart_get_bar (chart, 0, JD_DASHBOARD_WITH_ERRORS);
  value = jd_bar_chart_get_value (chart, 0, JD_DASHBOARD_WITH_ERRORS);
  g_assert_cmpint (value, >, 0);
  press_enter (chart, bar);
  g_assert_cmpstr (jd_window_get_view (f->window), ==, "cases");
  g_assert_cmpuint (n_listed (f), ==, value);
  g_assert_cmpstr (selected_string (jd_case_list_get_agency_dropdown (list)), ==,
                   jd_bar_chart_get_label (chart, 0));
  g_assert_cmpuint (gtk_drop_down_get_selected (jd_case_list_get_findings_dropdown (list)), ==,
                    JD_CASE_FINDINGS_ERRORS);
  g_assert_cmpuint (gtk_drop_down_get_selected (jd_case_list_get_type_dropdown (list)), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (jd_case_list_get_search_entry (list))),
                   ==, "");
  for (guint i = 0; i < MIN (n_listed (f), 50); i++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (
        G_LIST_MODEL (jd_case_list_get_model (list)), i);

      g_assert_cmpstr (jd_case_get_agency_id (kase), ==, jd_bar_chart_get_key (chart, 0));
    }

  /* The overdue bar of another agency. */
  back_to_dashboard (f);
  value = jd_bar_chart_get_value (chart, 1, JD_DASHBOARD_OVERDUE);
  g_signal_emit_by_name (jd_bar_chart_get_bar (chart, 1, JD_DASHBOARD_OVERDUE), "clicked");
  g_assert_cmpstr (jd_window_get_view (f->window), ==, "cases");
  g_assert_cmpuint (n_listed (f), ==, value);
  g_assert_cmpstr (selected_string (jd_case_list_get_agency_dropdown (list)), ==,
                   jd_bar_chart_get_label (chart, 1));
  g_assert_cmpuint (gtk_drop_down_get_selected (jd_case_list_get_findings_dropdown (list)), ==,
                    JD_CASE_FINDINGS_OVERDUE);

  /* A month: the cases opened in it, whatever their agency or findings. */
  back_to_dashboard (f);
  chart = jd_dashboard_view_get_month_chart (f->view);
  value = jd_bar_chart_get_value (chart, 10, 0);
  g_assert_cmpint (value, >, 0);
  press_enter (chart, jd_bar_chart_get_bar (chart, 10, 0));
  g_assert_cmpuint (n_listed (f), ==, value);
  g_assert_cmpstr (jd_case_list_get_opened_month (list), ==, jd_bar_chart_get_key (chart, 10));
  g_assert_cmpuint (gtk_drop_down_get_selected (jd_case_list_get_agency_dropdown (list)), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (jd_case_list_get_findings_dropdown (list)), ==,
                    JD_CASE_FINDINGS_ANY);
  for (guint i = 0; i < MIN (n_listed (f), 50); i++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (
        G_LIST_MODEL (jd_case_list_get_model (list)), i);

      g_assert_true (g_str_has_prefix (jd_format_case_opened_on (kase),
                                       jd_bar_chart_get_key (chart, 10)));
    }

  /* An action type: the month goes. */
  back_to_dashboard (f);
  chart = jd_dashboard_view_get_type_chart (f->view);
  value = jd_bar_chart_get_value (chart, 0, 0);
  press_enter (chart, jd_bar_chart_get_bar (chart, 0, 0));
  g_assert_cmpuint (n_listed (f), ==, value);
  g_assert_null (jd_case_list_get_opened_month (list));
  g_assert_cmpstr (selected_string (jd_case_list_get_type_dropdown (list)), ==,
                   jd_bar_chart_get_label (chart, 0));

  /* Certificates lead to the rosters, on the bar's agency. */
  back_to_dashboard (f);
  chart = jd_dashboard_view_get_certificate_chart (f->view);
  g_assert_cmpuint (jd_bar_chart_get_n_rows (chart), >, 0);
  press_enter (chart, jd_bar_chart_get_bar (chart, 0, JD_DASHBOARD_EXPIRED));
  g_assert_cmpstr (jd_window_get_view (f->window), ==, "rosters");

  /* In the list, the month's button clears its filter, and the agencies can be chosen by hand. */
  chart = jd_dashboard_view_get_month_chart (f->view);
  press_enter (chart, jd_bar_chart_get_bar (chart, 11, 0));
  g_assert_cmpstr (jd_case_list_get_opened_month (list), ==, "2026-01");
  month_button = gtk_widget_get_parent (jd_test_find_widget (GTK_WIDGET (list), ADW_TYPE_BUTTON_CONTENT, NULL));
  g_assert_true (GTK_IS_BUTTON (month_button));
  g_assert_true (gtk_widget_get_visible (month_button));
  g_signal_emit_by_name (month_button, "clicked");
  g_assert_null (jd_case_list_get_opened_month (list));
  g_assert_false (gtk_widget_get_visible (month_button));
  g_assert_cmpuint (n_listed (f), ==, N_SAMPLE_CASES);

  agencies = jd_case_list_get_agency_dropdown (list);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (agencies)), >, 10);
  gtk_drop_down_set_selected (agencies, 3);
  agency_id = jd_store_find_agency_by_name (f->store, selected_string (agencies), &error);
  g_assert_no_error (error);
  g_assert_nonnull (agency_id);
  g_assert_cmpstr (jd_case_list_model_get_agency_id (jd_case_list_get_model (list)), ==,
                   agency_id);
  g_assert_cmpuint (n_listed (f), ==,
                    jd_store_count_cases_filtered (f->store,
                                                   &(JdCaseFilter) { .agency_id = agency_id },
                                                   &error));
  /* By name: the second comes after the first. */
  gtk_drop_down_set_selected (agencies, 2);
  {
    g_autofree char *second = g_strdup (selected_string (agencies));

    gtk_drop_down_set_selected (agencies, 1);
    g_assert_cmpint (g_utf8_collate (selected_string (agencies), second), <=, 0);
  }
}

/* After the store changes under it, the window's reload counts again. */
static void
test_reload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;
  JdBarChart *chart = jd_dashboard_view_get_agency_chart (f->view);
  g_autofree char *agency_id = NULL;
  gint64 before = -1;

  wait_for_counts (f);
  /* Every agency, so that one with one error less stays in the chart. */
  jd_dashboard_view_show_all_agencies (f->view, TRUE);
  agency_id = g_strdup (jd_bar_chart_get_key (chart, 0));
  before = jd_bar_chart_get_value (chart, 0, JD_DASHBOARD_WITH_ERRORS);
  page = jd_store_list_cases_filtered (f->store,
                                       &(JdCaseFilter) { .agency_id = agency_id,
                                                         .with_errors = TRUE },
                                       0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 1);
  g_assert_true (jd_store_delete (f->store, JD_COLLECTION_CASES,
                                  jd_entity_get_id (page->pdata[0]), &error));
  g_assert_no_error (error);

  jd_window_reload (f->window);
  g_assert_true (jd_dashboard_view_is_busy (f->view));
  wait_for_counts (f);
  for (guint i = 0; i < jd_bar_chart_get_n_rows (chart); i++)
    if (g_strcmp0 (jd_bar_chart_get_key (chart, i), agency_id) == 0)
      {
        g_assert_cmpint (jd_bar_chart_get_value (chart, i, JD_DASHBOARD_WITH_ERRORS), ==,
                         before - 1);
        return;
      }
  g_assert_not_reached ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!jd_test_app_init (&argc, &argv))
    return 0;

  sample_dir = jd_test_tmp_dir ();
  sample_path = jd_test_sample_db (sample_dir, N_SAMPLE_CASES, 3);

  g_test_add ("/app/dashboard/charts", Fixture, NULL, set_up, test_charts, tear_down);
  g_test_add ("/app/dashboard/bars", Fixture, NULL, set_up, test_bars, tear_down);
  /* Last: it deletes a case of the shared sample. */
  g_test_add ("/app/dashboard/reload", Fixture, NULL, set_up, test_reload, tear_down);
  status = g_test_run ();

  jd_test_rm_dir (sample_dir);
  g_free (sample_dir);
  g_free (sample_path);
  return status;
}
