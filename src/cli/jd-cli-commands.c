#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>
#include <gio/gunixoutputstream.h>

#include "jd-roster-import.h"

int
jd_cli_init (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;

  if (!jd_cli_parse_options (ctx, NULL, _("Create the local database, or upgrade it to this "
                                          "version of Jiandu."), NULL))
    return JD_CLI_BAD_INPUT;

  store = jd_cli_open_store (ctx, TRUE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;

  g_print (_("Database ready: %s (schema version %d)\n"), jd_store_get_path (store),
           jd_store_get_version (store));
  return JD_CLI_OK;
}

/* A roster is CSV; a document is JSON, which starts with "{" once a BOM and blanks are
 * skipped. */
static gboolean
looks_like_json (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;

  return i < length && (data[i] == '{' || data[i] == '[');
}

int
jd_cli_import (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;
  JdImportStats stats = { 0 };
  const char *path;
  gsize length;

  if (!jd_cli_parse_options (ctx, _("FILE"),
                             _("Import a jiandu/1 JSON document or a roster CSV (UTF-8 or "
                               "GB18030). Objects are matched by id; the whole file is imported "
                               "or nothing is."),
                             NULL))
    return JD_CLI_BAD_INPUT;

  if (ctx->argc != 2)
    {
      g_printerr (_("jiandu-cli import: give exactly one FILE\n"));
      return JD_CLI_BAD_INPUT;
    }
  path = ctx->argv[1];

  if (!g_file_get_contents (path, &contents, &length, &error))
    return jd_cli_fail (g_steal_pointer (&error));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* Read and check the file before the database is touched. */
  if (looks_like_json (bytes))
    {
      document = jd_codec_read (bytes, &error);
    }
  else
    {
      store = jd_cli_open_store (ctx, TRUE);
      if (store == NULL)
        return JD_CLI_BAD_INPUT;
      document = jd_roster_import_document (store, bytes, &error);
    }

  if (document == NULL)
    {
      g_prefix_error (&error, "%s: ", path);
      return jd_cli_fail (g_steal_pointer (&error));
    }

  if (store == NULL && (store = jd_cli_open_store (ctx, TRUE)) == NULL)
    return JD_CLI_BAD_INPUT;

  if (!jd_store_import (store, document, &stats, &error))
    {
      g_prefix_error (&error, "%s: ", path);
      return jd_cli_fail (g_steal_pointer (&error));
    }

  g_print (_("Imported %s: %u new, %u updated, %u unchanged\n"), path, stats.inserted,
           stats.updated, stats.unchanged);
  return JD_CLI_OK;
}

int
jd_cli_export (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *out = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write to FILE instead of standard output"),
      N_("FILE") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL, _("Write the whole replica as one jiandu/1 document."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (ctx->argc != 1)
    {
      g_printerr (_("jiandu-cli export: unexpected argument “%s”\n"), ctx->argv[1]);
      return JD_CLI_BAD_INPUT;
    }

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;

  if (out != NULL)
    {
      /* Replaced only once complete: an interrupted export never leaves half a file. */
      file = g_file_new_for_commandline_arg (out);
      stream = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                                &error));
      if (stream == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
    }
  else
    {
      stream = g_unix_output_stream_new (1, FALSE);
    }

  if (!jd_store_export (store, stream, &error) ||
      !g_output_stream_close (stream, NULL, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  return JD_CLI_OK;
}

int
jd_cli_search (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *query = NULL;
  gboolean json = FALSE;
  int limit = 20;
  GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N cases (default 20)"),
      N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array, one object per case"),
      NULL },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, _("QUERY"),
                             _("Search cases by number, title, party, facts or record matter. "
                               "Every word must appear; Chinese substrings match."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (ctx->argc < 2)
    {
      g_printerr (_("jiandu-cli search: give a QUERY\n"));
      return JD_CLI_BAD_INPUT;
    }
  if (limit <= 0)
    {
      g_printerr (_("jiandu-cli search: --limit must be a positive number\n"));
      return JD_CLI_BAD_INPUT;
    }

  query = g_strjoinv (" ", ctx->argv + 1);
  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;

  hits = jd_store_search_cases (store, query, limit, &error);
  if (hits == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < hits->len; i++)
        {
          JdCase *hit = hits->pdata[i];
          const char *members[] = { "id", "number", "title", "agency_id", "action_type" };

          json_builder_begin_object (builder);
          for (guint m = 0; m < G_N_ELEMENTS (members); m++)
            {
              const char *value = jd_entity_get_string (JD_ENTITY (hit), members[m]);

              json_builder_set_member_name (builder, members[m]);
              if (value != NULL)
                json_builder_add_string_value (builder, value);
              else
                json_builder_add_null_value (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      jd_cli_print_json (root);
      return JD_CLI_OK;
    }

  for (guint i = 0; i < hits->len; i++)
    {
      JdCase *hit = hits->pdata[i];
      const char *number = jd_case_get_number (hit);
      const char *title = jd_case_get_title (hit);

      g_print ("%s\t%s\t%s\n", number ? number : "-", title ? title : "-",
               jd_entity_get_id (JD_ENTITY (hit)));
    }

  return JD_CLI_OK;
}

int
jd_cli_audit (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 n_entries = 0;

  if (!jd_cli_parse_options (ctx, _("verify"),
                             _("Check that no entry of the audit log was edited, deleted or "
                               "reordered. Exit status 1 when one was."),
                             NULL))
    return JD_CLI_BAD_INPUT;

  if (ctx->argc != 2 || strcmp (ctx->argv[1], "verify") != 0)
    {
      g_printerr (_("jiandu-cli audit: the only action is “verify”\n"));
      return JD_CLI_BAD_INPUT;
    }

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;

  problems = jd_store_verify_audit (store, &n_entries, &error);
  if (problems == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  if (problems->len == 0)
    {
      g_print (_("Audit log intact: %lld entries, chain verified\n"), (long long) n_entries);
      return JD_CLI_OK;
    }

  for (guint i = 0; i < problems->len; i++)
    {
      JdAuditProblem *problem = problems->pdata[i];

      g_print ("%s\n", problem->message);
    }
  g_print (_("Audit log damaged: %u problems in %lld entries\n"), problems->len,
           (long long) n_entries);
  return JD_CLI_FINDINGS;
}
