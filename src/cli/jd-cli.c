#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

typedef struct
{
  const char *name;
  int       (*run) (JdCliContext *ctx);
  const char *usage;
} Command;

static const Command commands[] = {
  { "init", jd_cli_init, N_("Create the local database (or upgrade it)") },
  { "import", jd_cli_import, N_("Import a jiandu/1 JSON document or a roster CSV") },
  { "export", jd_cli_export, N_("Write the whole replica as one jiandu/1 document") },
  { "sample", jd_cli_sample, N_("Generate realistic sample data") },
  { "search", jd_cli_search, N_("Search cases by number, title, party, facts or record") },
  { "validate", jd_cli_validate, N_("Check the data against the rules of a profile") },
  { "deadlines", jd_cli_deadlines, N_("List deadlines not met yet, soonest first") },
  { "backup", jd_cli_backup, N_("Copy the database consistently while it is in use") },
  { "restore", jd_cli_restore, N_("Replace the database with a checked backup") },
  { "audit", jd_cli_audit, N_("Verify the audit log (audit verify)") },
  { "bench-rules", jd_cli_bench_rules, N_("Measure the rules over sample cases") },
  { "bench-dashboard", jd_cli_bench_dashboard,
    N_("Measure the dashboard's counts over sample cases") },
  { "bench", jd_cli_bench, N_("Measure sample generation, search and listing speed") },
  { "law", jd_cli_law, N_("Print the articles of a regulation that a citation names") },
  { "redact", jd_cli_redact, N_("Mask personal data in text for publication (stdin to stdout)") },
  { "login", jd_cli_login, N_("Sign in to a sync server (--server URL --user NAME)") },
  { "logout", jd_cli_logout, N_("Sign out of the sync server") },
  { "sync", jd_cli_sync, N_("Push local changes and pull the server's") },
  { "status", jd_cli_status, N_("Show what waits to be synced, conflicts, refused rows") },
  { "conflicts", jd_cli_conflicts, N_("List sync conflicts with both values") },
  { "resolve", jd_cli_resolve, N_("Resolve a sync conflict (ID --keep mine|theirs)") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: jiandu-cli [--db PATH] COMMAND [OPTIONS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-15s %s\n", commands[i].name, _(commands[i].usage));
  fprintf (stream, "\n%s\n", _("Run “jiandu-cli COMMAND --help” for the options of a command."));
}

int
jd_cli_fail (GError *error)
{
  g_printerr ("jiandu-cli: %s\n", error->message);
  g_error_free (error);
  return JD_CLI_BAD_INPUT;
}

void
jd_cli_print_json (JsonNode *node)
{
  g_autofree char *text = json_to_string (node, TRUE);

  g_print ("%s\n", text);
}

gboolean
jd_cli_parse_options (JdCliContext *ctx,
                      const char   *parameter_string,
                      const char   *summary,
                      GOptionEntry *entries)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, FALSE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, &ctx->argc, &ctx->argv, &error))
    {
      g_printerr ("jiandu-cli %s: %s\n", ctx->argv[0], error->message);
      return FALSE;
    }

  /* GOption leaves unknown "--x" in place only when told to ignore them; it is not, but a lone
   * "-" prefixed word after "--" is an argument, not an option. */
  return TRUE;
}

JdStore *
jd_cli_open_store (JdCliContext *ctx,
                   gboolean      create)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  const char *path = ctx->db_path;
  JdStore *store;

  if (path == NULL)
    path = default_path = jd_store_default_path ();

  store = jd_store_open (path, create ? JD_STORE_OPEN_CREATE : JD_STORE_OPEN_NONE, &error);
  if (store == NULL)
    jd_cli_fail (g_steal_pointer (&error));

  return store;
}

int
jd_cli_run (int    argc,
            char **argv)
{
  JdCliContext ctx = { 0 };
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      if (strcmp (argv[i], "--db") == 0 && i + 1 < argc)
        ctx.db_path = argv[++i];
      else if (g_str_has_prefix (argv[i], "--db="))
        ctx.db_path = argv[i] + strlen ("--db=");
      else if (strcmp (argv[i], "--help") == 0 || strcmp (argv[i], "-h") == 0)
        {
          print_usage (stdout);
          return JD_CLI_OK;
        }
      else if (strcmp (argv[i], "--version") == 0)
        {
          g_print ("jiandu-cli %s\n", PACKAGE_VERSION);
          return JD_CLI_OK;
        }
      else
        {
          g_printerr (_("jiandu-cli: unknown option “%s”\n"), argv[i]);
          print_usage (stderr);
          return JD_CLI_BAD_INPUT;
        }
    }

  if (i >= argc)
    {
      print_usage (stderr);
      return JD_CLI_BAD_INPUT;
    }

  if (ctx.db_path != NULL && *ctx.db_path == '\0')
    {
      g_printerr (_("jiandu-cli: --db needs a file path\n"));
      return JD_CLI_BAD_INPUT;
    }

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      if (strcmp (argv[i], commands[c].name) == 0)
        {
          ctx.argc = argc - i;
          ctx.argv = argv + i;
          return commands[c].run (&ctx);
        }
    }

  g_printerr (_("jiandu-cli: unknown command “%s”\n"), argv[i]);
  print_usage (stderr);
  return JD_CLI_BAD_INPUT;
}
