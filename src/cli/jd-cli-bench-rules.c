#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-cli-rules.h"
#include "jd-sample-store.h"

/* `bench-rules`: all rules of a profile over N sample cases, single-threaded. Reading the cases
 * from SQLite (and parsing their JSON) is timed apart from running the rules on them. */

typedef struct
{
  JdValidator *validator;
  JdRuleData  *data;
  gint64       read_us;
  gint64       rules_us;
  gint64       last;
  guint64      n_findings;
  guint64      n_failed;
  guint        n_cases;
} Bench;

static void
count_cb (const JdFinding *finding,
          gpointer         user_data)
{
  Bench *bench = user_data;

  bench->n_findings++;
  if (jd_finding_is_blocking (finding))
    bench->n_failed++;
}

/* Each case is checked as soon as it is read, as `validate` does: the time since the last case
 * was checked is reading (and freeing), the time in here is the rules. */
static gboolean
case_cb (JdCase     *kase,
         GPtrArray  *records,
         gpointer    user_data,
         GError    **error)
{
  Bench *bench = user_data;
  gint64 start = g_get_monotonic_time ();

  bench->read_us += start - bench->last;
  jd_validator_check_entity (bench->validator, bench->data, JD_ENTITY (kase), records, count_cb,
                             bench);
  bench->n_cases++;
  bench->last = g_get_monotonic_time ();
  bench->rules_us += bench->last - start;
  return TRUE;
}

typedef struct
{
  guint  index;
  gint64 ns;
} RuleTime;

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  const RuleTime *x = a, *y = b;

  return x->ns < y->ns ? 1 : x->ns > y->ns ? -1 : 0;
}

int
jd_cli_bench_rules (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdValidator) validator = NULL;
  g_autoptr(JdRuleData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (RuleTime));
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *profile_id = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;
  const gint64 *rule_times;
  const JdRule *rules;
  guint n_rules;
  int n_cases = 100000;
  gint64 in_rules_ns = 0;
  gint64 start;
  double generate_s;
  Bench bench = { 0 };
  Bench profiled = { 0 };
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_INT, &n_cases, N_("How many cases to generate (default "
                                                   "100000)"), N_("N") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_id,
      N_("The jurisdiction's profile (default beijing)"), N_("PROFILE") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Generate N sample cases into a temporary database (or use the "
                               "database given with --db), then run every rule of a profile "
                               "over them on one thread."),
                             entries))
    return JD_CLI_BAD_INPUT;
  if (n_cases <= 0)
    {
      g_printerr (_("jiandu-cli bench-rules: --cases must be a positive number\n"));
      return JD_CLI_BAD_INPUT;
    }

  validator = jd_cli_rules_validator ("bench-rules", profile_id, "2026-06-30");
  if (validator == NULL)
    return JD_CLI_BAD_INPUT;

  if (ctx->db_path != NULL)
    {
      /* An existing database: its own cases, nothing generated. */
      store = jd_cli_open_store (ctx, FALSE);
      if (store == NULL)
        return JD_CLI_BAD_INPUT;
      generate_s = 0;
    }
  else
    {
      tmp_dir = g_dir_make_tmp ("jiandu-bench-XXXXXX", &error);
      if (tmp_dir == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
      path = g_build_filename (tmp_dir, "bench.db", NULL);
      wal = g_strconcat (path, "-wal", NULL);
      shm = g_strconcat (path, "-shm", NULL);

      store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
      if (store == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
      start = g_get_monotonic_time ();
      if (!jd_sample_store (store, n_cases, 1, NULL, NULL, &error))
        return jd_cli_fail (g_steal_pointer (&error));
      generate_s = (g_get_monotonic_time () - start) / 1e6;
    }

  start = g_get_monotonic_time ();
  data = jd_validator_load_data (store, &error);
  if (data == NULL)
    return jd_cli_fail (g_steal_pointer (&error));
  g_print (_("other objects read in %.2f s\n"), (g_get_monotonic_time () - start) / 1e6);

  bench.validator = validator;
  bench.data = data;
  bench.last = g_get_monotonic_time ();
  if (!jd_store_foreach_case (store, NULL, case_cb, &bench, &error))
    return jd_cli_fail (g_steal_pointer (&error));
  bench.read_us += g_get_monotonic_time () - bench.last;

  /* A second run times each rule; timing costs, so the first run's figures are the ones. */
  profiled.validator = validator;
  profiled.data = data;
  profiled.last = g_get_monotonic_time ();
  jd_validator_set_profiling (validator, TRUE);
  if (!jd_store_foreach_case (store, NULL, case_cb, &profiled, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  rules = jd_rules_get_all (&n_rules);
  rule_times = jd_validator_get_rule_times (validator);
  for (guint i = 0; i < n_rules; i++)
    if (rules[i].collection == JD_COLLECTION_CASES && rule_times[i] > 0)
      {
        RuleTime t = { i, rule_times[i] };

        g_array_append_val (times, t);
      }
  g_array_sort (times, compare_times);
  for (guint i = 0; i < times->len; i++)
    in_rules_ns += g_array_index (times, RuleTime, i).ns;

  g_print ("\n");
  if (tmp_dir != NULL)
    g_print (_("profile: %s, %u cases (generated in %.1f s)\n"),
             jd_profile_get_id (jd_validator_get_profile (validator)), bench.n_cases, generate_s);
  else
    g_print (_("profile: %s, %u cases of %s\n"),
             jd_profile_get_id (jd_validator_get_profile (validator)), bench.n_cases,
             ctx->db_path);
  g_print (_("reading cases and records: %.2f s (%.0f cases/s)\n"), bench.read_us / 1e6,
           bench.n_cases / (bench.read_us / 1e6));
  g_print (_("running the rules: %.2f s (%.0f cases/s), %lu findings, %lu failed errors\n"),
           bench.rules_us / 1e6, bench.n_cases / (bench.rules_us / 1e6),
           (unsigned long) bench.n_findings, (unsigned long) bench.n_failed);
  g_print (_("second run, timing each rule: %.2f s, of which %.2f s inside the checks\n"),
           profiled.rules_us / 1e6, in_rules_ns / 1e9);
  g_print (_("slowest rules (time per case):\n"));
  for (guint i = 0; i < MIN (times->len, 12); i++)
    {
      RuleTime *t = &g_array_index (times, RuleTime, i);

      g_print ("  %-18s %6.2f µs\n", rules[t->index].id, t->ns / 1e3 / profiled.n_cases);
    }

  g_clear_object (&store);
  if (tmp_dir != NULL)
    {
      g_unlink (wal);
      g_unlink (shm);
      g_unlink (path);
      g_rmdir (tmp_dir);
    }
  return JD_CLI_OK;
}
