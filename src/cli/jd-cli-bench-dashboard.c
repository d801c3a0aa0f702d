#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jd-cli-rules.h"
#include "jd-sample-store.h"
#include "jd-store-list.h"
#include "jd-store-stats.h"

/* `bench-dashboard`: the counts of the desktop app's dashboard, and the counts of the case list
 * its bars lead to, over N sample cases (or the database given with --db) once the rules'
 * results of every case are in the store. */

#define DEFAULT_RUNS 10

typedef enum
{
  QUERY_AGENCIES,
  QUERY_MONTHS,
  QUERY_TYPES,
  QUERY_CERTIFICATES,
  QUERY_BAR_ERRORS,   /* the case list behind the first agency's errors bar */
  QUERY_BAR_MONTH,    /* … behind the last month's bar */
  N_QUERIES
} Query;

static const char * const query_names[N_QUERIES] = {
  N_("cases, errors and overdue per agency"),
  N_("cases per month, 12 months"),
  N_("cases per action type"),
  N_("certificates per agency"),
  N_("case list count: an agency's errors"),
  N_("case list count: a month"),
};

typedef struct
{
  const GDate *as_of;
  char        *agency_id;
  char        *month;
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");
  return g_strndup (text, strcspn (text, " "));
}

/* Runs @query once; FALSE with @error set when it fails. */
static gboolean
run (JdStore  *store,
     Query     query,
     Bench    *bench,
     GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;

  switch (query)
    {
    case QUERY_AGENCIES:
      rows = jd_store_count_cases_by_agency (store, bench->as_of, error);
      if (rows != NULL && bench->agency_id == NULL)
        {
          gint64 most = -1;

          for (guint i = 0; i < rows->len; i++)
            {
              JdAgencyCaseCounts *counts = rows->pdata[i];

              if (counts->n_with_errors > most)
                {
                  most = counts->n_with_errors;
                  g_free (bench->agency_id);
                  bench->agency_id = g_strdup (counts->agency_id);
                }
            }
        }
      break;
    case QUERY_MONTHS:
      rows = jd_store_count_cases_by_month (store, bench->as_of, 12, error);
      if (rows != NULL && bench->month == NULL)
        bench->month = g_strdup (((JdCaseCount *) rows->pdata[rows->len - 1])->key);
      break;
    case QUERY_TYPES:
      rows = jd_store_count_cases_by_action_type (store, error);
      break;
    case QUERY_CERTIFICATES:
      rows = jd_store_count_certificates_by_agency (store, bench->as_of, error);
      break;
    case QUERY_BAR_ERRORS:
      {
        JdCaseFilter filter = { .agency_id = bench->agency_id, .with_errors = TRUE };

        return jd_store_count_cases_filtered (store, &filter, error) >= 0;
      }
    case QUERY_BAR_MONTH:
      {
        char first[11], last[11];
        JdCaseFilter filter = { .opened_from = first, .opened_to = last };

        jd_store_month_range (bench->month, first, last);
        return jd_store_count_cases_filtered (store, &filter, error) >= 0;
      }
    case N_QUERIES:
    default:
      g_assert_not_reached ();
    }
  return rows != NULL;
}

int
jd_cli_bench_dashboard (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdValidator) validator = NULL;
  g_autoptr(JdRuleData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *profile_id = NULL;
  g_autofree char *date = NULL;
  g_autofree char *load_before = load_average ();
  g_autofree char *load_after = NULL;
  int n_cases = 100000;
  int runs = DEFAULT_RUNS;
  gint64 start, n_checked, n_live;
  double refresh_s;
  Bench bench = { 0 };
  GArray *times[N_QUERIES] = { NULL };
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, N_("How many cases to generate (default "
                                                   "100000)"), N_("N") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_id,
      N_("The jurisdiction's profile (default beijing)"), N_("PROFILE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date,
      N_("The “as of” date (default 2026-01-31, inside the sample's years)"), N_("DATE") },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, N_("Runs of each count (default 10)"), N_("R") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Generate N sample cases into a temporary database (or use the "
                               "database given with --db), bring the rules' results of every "
                               "case up to date, then time the counts of the dashboard and of "
                               "the case lists its bars lead to."),
                             entries))
    return JD_CLI_BAD_INPUT;
  if (n_cases <= 0 || runs <= 0)
    {
      g_printerr (_("jiandu-cli bench-dashboard: --cases and --runs must be positive numbers\n"));
      return JD_CLI_BAD_INPUT;
    }

  validator = jd_cli_rules_validator ("bench-dashboard", profile_id,
                                      date != NULL ? date : "2026-01-31");
  if (validator == NULL)
    return JD_CLI_BAD_INPUT;
  bench.as_of = jd_validator_get_as_of (validator);

  if (ctx->db_path != NULL)
    {
      store = jd_cli_open_store (ctx, FALSE);
      if (store == NULL)
        return JD_CLI_BAD_INPUT;
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("jiandu-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
      path = g_build_filename (tmp_dir, "bench.db", NULL);
      store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
      if (store == NULL || !jd_sample_store (store, n_cases, 1, NULL, NULL, &error))
        return jd_cli_fail (g_steal_pointer (&error));
    }

  /* The rules' results, as the app keeps them (what is current already is kept). */
  start = g_get_monotonic_time ();
  data = jd_validator_load_data (store, &error);
  if (data == NULL)
    return jd_cli_fail (g_steal_pointer (&error));
  n_checked = jd_case_checks_refresh (store, validator, data, NULL, NULL, NULL, &error);
  if (n_checked < 0)
    return jd_cli_fail (g_steal_pointer (&error));
  refresh_s = (g_get_monotonic_time () - start) / 1e6;
  n_live = jd_store_count (store, JD_COLLECTION_CASES, &error);
  if (n_live < 0)
    return jd_cli_fail (g_steal_pointer (&error));

  /* Round-robin, so that each count runs after the others as it does in the app. */
  for (guint q = 0; q < N_QUERIES; q++)
    times[q] = g_array_new (FALSE, FALSE, sizeof (double));
  for (int r = 0; r < runs; r++)
    for (guint q = 0; q < N_QUERIES; q++)
      {
        double ms;

        start = g_get_monotonic_time ();
        if (!run (store, q, &bench, &error))
          {
            for (guint i = 0; i < N_QUERIES; i++)
              g_array_unref (times[i]);
            g_free (bench.agency_id);
            g_free (bench.month);
            return jd_cli_fail (g_steal_pointer (&error));
          }
        ms = (g_get_monotonic_time () - start) / 1e3;
        g_array_append_val (times[q], ms);
      }
  load_after = load_average ();

  g_print (_("cases: %lld live; rules' results brought up to date for %lld of them in %.1f s\n"),
           (long long) n_live, (long long) n_checked, refresh_s);
  g_print (_("%d runs of each count; first run, median, slowest:\n"), runs);
  for (guint q = 0; q < N_QUERIES; q++)
    {
      double first = g_array_index (times[q], double, 0);

      g_array_sort (times[q], compare_doubles);
      g_print ("  %-40s %8.1f ms %8.1f ms %8.1f ms\n", _(query_names[q]), first,
               g_array_index (times[q], double, times[q]->len / 2),
               g_array_index (times[q], double, times[q]->len - 1));
      g_array_unref (times[q]);
    }
  g_print (_("load average before / after: %s / %s (%u cores)\n"), load_before, load_after,
           g_get_num_processors ());

  g_free (bench.agency_id);
  g_free (bench.month);
  g_clear_object (&store);
  if (tmp_dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (tmp_dir);
    }
  return JD_CLI_OK;
}
