#include "jd-cli.h"

#include <glib/gi18n-lib.h>

/* `backup` and `restore`: a consistent copy of the live database, and putting one back. */

int
jd_cli_backup (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the backup to FILE (required)"),
      N_("FILE") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Copy the database, consistently, while it may be in use. The "
                               "backup is one file that `restore` can put back."),
                             entries))
    return JD_CLI_BAD_INPUT;
  if (out == NULL || ctx->argc > 1)
    {
      g_printerr (_("jiandu-cli backup: give --out FILE and nothing else\n"));
      return JD_CLI_BAD_INPUT;
    }

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  if (!jd_store_backup (store, out, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  g_print (_("Backed up %s to %s\n"), jd_store_get_path (store), out);
  return JD_CLI_OK;
}

int
jd_cli_restore (JdCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *kept = NULL;
  const char *path = ctx->db_path;

  if (!jd_cli_parse_options (ctx, _("FILE"),
                             _("Replace the database with a backup. The backup is checked first; "
                               "the database it replaces is kept beside it."),
                             NULL))
    return JD_CLI_BAD_INPUT;
  if (ctx->argc != 2)
    {
      g_printerr (_("jiandu-cli restore: give exactly one backup FILE\n"));
      return JD_CLI_BAD_INPUT;
    }

  if (path == NULL)
    path = default_path = jd_store_default_path ();
  if (!jd_store_restore (path, ctx->argv[1], &kept, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  g_print (_("Restored %s from %s\n"), path, ctx->argv[1]);
  if (kept != NULL)
    g_print (_("The database it replaced is kept as %s\n"), kept);
  return JD_CLI_OK;
}
