#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jd-sample-store.h"

/* Twenty searches a legal-review officer would type: long and short words, common and rare
 * ones, and one that the sample data never holds (超标), which must be as quick to come back
 * empty. */
static const char * const queries[] = {
  "违法建设", "食品经营", "消防安全", "占道经营", "排放污染物", "未取得", "有限公司", "安全生产",
  "建筑垃圾", "营业执照", "罚款", "执法", "许可", "卫生", "噪声", "广告", "扬尘", "河道", "养殖",
  "超标",
};

#define RUNS_PER_QUERY 10
#define FIRST_PAGE_RUNS 20

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  g_array_sort (samples, compare_doubles);
  index = MIN (samples->len - 1, (guint) (p * samples->len));
  return g_array_index (samples, double, index);
}

static char *
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return g_strdup ("?");

  return g_strndup (text, strcspn (text, " "));
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

int
jd_cli_bench (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) search_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) page_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *load_before = load_average ();
  g_autofree char *load_after = NULL;
  g_autofree char *wal = NULL;
  int n_cases = 1000000;
  int seed = 1;
  gint64 start;
  double generate_s;
  double first_page_cold_ms;
  gint64 db_bytes;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, N_("How many cases to generate (default "
                                                   "1000000)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the sample data"), N_("S") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Generate N sample cases into a fresh database, then measure "
                               "search and the first page of the case list."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (n_cases <= 0)
    {
      g_printerr (_("jiandu-cli bench: --cases must be a positive number\n"));
      return JD_CLI_BAD_INPUT;
    }

  if (ctx->db_path != NULL)
    {
      if (g_file_test (ctx->db_path, G_FILE_TEST_EXISTS))
        {
          g_printerr (_("jiandu-cli bench: %s exists; the benchmark needs a fresh database\n"),
                      ctx->db_path);
          return JD_CLI_BAD_INPUT;
        }
      path = g_strdup (ctx->db_path);
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("jiandu-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
      path = g_build_filename (tmp_dir, "bench.db", NULL);
    }

  store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  start = g_get_monotonic_time ();
  if (!jd_sample_store (store, n_cases, seed, NULL, NULL, &error))
    return jd_cli_fail (g_steal_pointer (&error));
  generate_s = (g_get_monotonic_time () - start) / 1e6;

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      for (guint run = 0; run < RUNS_PER_QUERY; run++)
        {
          g_autoptr(GPtrArray) hits = NULL;
          double ms;

          start = g_get_monotonic_time ();
          hits = jd_store_search_cases (store, queries[q], 20, &error);
          ms = (g_get_monotonic_time () - start) / 1e3;
          if (hits == NULL)
            return jd_cli_fail (g_steal_pointer (&error));
          g_array_append_val (search_ms, ms);
          if (run == 0)
            g_print (_("search %s: %u hits, first run %.2f ms\n"), queries[q], hits->len, ms);
        }
    }

  for (guint run = 0; run < FIRST_PAGE_RUNS; run++)
    {
      g_autoptr(GPtrArray) page = NULL;
      double ms;

      start = g_get_monotonic_time ();
      page = jd_store_list_cases (store, 0, 100, &error);
      ms = (g_get_monotonic_time () - start) / 1e3;
      if (page == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
      g_array_append_val (page_ms, ms);
    }
  first_page_cold_ms = g_array_index (page_ms, double, 0);

  g_clear_object (&store);  /* closing checkpoints the WAL into the file */
  wal = g_strconcat (path, "-wal", NULL);
  db_bytes = file_size (path) + file_size (wal);
  load_after = load_average ();

  g_print ("\n");
  g_print (_("cases: %d\n"), n_cases);
  g_print (_("generate and store: %.1f s (%.0f cases/s)\n"), generate_s, n_cases / generate_s);
  g_print (_("search p50 / p95: %.2f / %.2f ms (%u queries × %d runs)\n"),
           percentile (search_ms, 0.50), percentile (search_ms, 0.95),
           (guint) G_N_ELEMENTS (queries), RUNS_PER_QUERY);
  g_print (_("first 100 cases by date: %.2f ms cold, p50 %.2f ms, p95 %.2f ms\n"),
           first_page_cold_ms, percentile (page_ms, 0.50), percentile (page_ms, 0.95));
  g_print (_("database size: %.1f MiB, %.0f bytes per case\n"),
           db_bytes / 1048576.0, (double) db_bytes / n_cases);
  g_print (_("load average before / after: %s / %s (%u cores)\n"), load_before, load_after,
           g_get_num_processors ());

  g_unlink (wal);
  g_unlink (path);
  if (tmp_dir != NULL)
    g_rmdir (tmp_dir);
  return JD_CLI_OK;
}
