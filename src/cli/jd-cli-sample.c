#include "jd-cli.h"

#include <glib/gi18n-lib.h>

#include "jd-sample-store.h"

static gboolean
parse_count (const char  *text,
             guint       *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 100000000, &value, NULL))
    return FALSE;

  *out = value;
  return TRUE;
}

int
jd_cli_sample (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *agency = NULL;
  int seed = 1;
  guint n_cases;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_STRING, &cases, N_("How many cases to generate"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed: the same seed gives the same data"),
      N_("S") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency,
      N_("Add the cases to this existing agency instead of a new district"), N_("ID") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Generate a realistic district: agencies, officers, cases with "
                               "their records, reviews and publications, complaints and "
                               "supervision, with known rates of rule breaches."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (cases == NULL || !parse_count (cases, &n_cases))
    {
      g_printerr (_("jiandu-cli sample: --cases needs a whole number from 1 to 100000000\n"));
      return JD_CLI_BAD_INPUT;
    }
  if (ctx->argc != 1)
    {
      g_printerr (_("jiandu-cli sample: unexpected argument “%s”\n"), ctx->argv[1]);
      return JD_CLI_BAD_INPUT;
    }

  store = jd_cli_open_store (ctx, TRUE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;

  if (!jd_sample_store (store, n_cases, seed, agency, NULL, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  g_print (_("Generated %u cases into %s\n"), n_cases, jd_store_get_path (store));
  return JD_CLI_OK;
}
