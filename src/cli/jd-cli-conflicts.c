#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <string.h>

static char *
value_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : g_strdup (_("(none)"));
}

static void
add_value (JsonBuilder *builder,
           const char  *name,
           JsonNode    *node)
{
  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, json_node_copy (node));
  else
    json_builder_add_null_value (builder);
}

static void
print_json (GPtrArray *conflicts)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *row = NULL;

  /* One object per row, its members in conflict inside: a row is what the user resolves. */
  json_builder_begin_array (builder);
  for (guint i = 0; i < conflicts->len; i++)
    {
      JdSyncConflict *conflict = conflicts->pdata[i];

      if (row == NULL || strcmp (row, conflict->row_id) != 0)
        {
          if (row != NULL)
            {
              json_builder_end_array (builder);
              json_builder_end_object (builder);
            }
          row = conflict->row_id;
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "collection");
          json_builder_add_string_value (builder, jd_collection_key (conflict->collection));
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, conflict->row_id);
          json_builder_set_member_name (builder, "server_rev");
          json_builder_add_int_value (builder, conflict->server_rev);
          json_builder_set_member_name (builder, "members");
          json_builder_begin_array (builder);
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "member");
      json_builder_add_string_value (builder, conflict->member);
      add_value (builder, "base", conflict->base);
      add_value (builder, "mine", conflict->mine);
      add_value (builder, "theirs", conflict->theirs);
      json_builder_end_object (builder);
    }
  if (row != NULL)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  jd_cli_print_json (root);
}

int
jd_cli_conflicts (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("List the rows changed both here and on the server, with both "
                               "values of each member."),
                             entries))
    return JD_CLI_BAD_INPUT;

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  conflicts = jd_store_sync_list_conflicts (store, &error);
  if (conflicts == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      print_json (conflicts);
      return JD_CLI_OK;
    }

  if (conflicts->len == 0)
    g_print (_("No conflicts.\n"));

  for (guint i = 0; i < conflicts->len; i++)
    {
      JdSyncConflict *conflict = conflicts->pdata[i];
      g_autofree char *mine = value_text (conflict->mine);
      g_autofree char *theirs = value_text (conflict->theirs);

      if (*conflict->member == '\0')
        g_print (_("%s/%s: %s here, %s on the server\n"), jd_collection_key (conflict->collection),
                 conflict->row_id, conflict->mine != NULL ? _("edited") : _("deleted"),
                 conflict->theirs != NULL ? _("edited") : _("deleted"));
      else
        g_print (_("%s/%s %s: mine %s, theirs %s\n"), jd_collection_key (conflict->collection),
                 conflict->row_id, conflict->member, mine, theirs);
    }

  return JD_CLI_OK;
}

int
jd_cli_resolve (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *member = NULL;
  g_autofree char *keep = NULL;
  g_auto(GStrv) parts = NULL;
  JdCollection collection = 0;
  int which = -1;
  const char *id;
  JdSyncKeep side;
  GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep, N_("Whose value to keep"), N_("mine|theirs") },
    { "member", 0, 0, G_OPTION_ARG_STRING, &member, N_("Resolve this member only"),
      N_("NAME") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, _("ID"),
                             _("Resolve the conflicts of row ID (or COLLECTION/ID): keep your "
                               "version, which is pushed again, or the server's."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (ctx->argc != 2 || keep == NULL)
    {
      g_printerr (_("jiandu-cli resolve: give a row ID and --keep mine or --keep theirs\n"));
      return JD_CLI_BAD_INPUT;
    }
  if (strcmp (keep, "mine") == 0)
    side = JD_SYNC_KEEP_MINE;
  else if (strcmp (keep, "theirs") == 0)
    side = JD_SYNC_KEEP_THEIRS;
  else
    {
      g_printerr (_("jiandu-cli resolve: --keep is “mine” or “theirs”, not “%s”\n"), keep);
      return JD_CLI_BAD_INPUT;
    }

  id = ctx->argv[1];
  parts = g_strsplit (id, "/", 2);
  if (parts[1] != NULL)
    {
      if (!jd_collection_from_key (parts[0], &collection))
        {
          g_printerr (_("jiandu-cli resolve: no collection “%s”\n"), parts[0]);
          return JD_CLI_BAD_INPUT;
        }
      which = collection;
      id = parts[1];
    }

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  if (!jd_store_sync_resolve (store, which, id, member, side, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  g_print (side == JD_SYNC_KEEP_MINE
             ? _("Kept your version of %s; it is pushed at the next sync\n")
             : _("Kept the server's version of %s\n"),
           ctx->argv[1]);
  return JD_CLI_OK;
}
