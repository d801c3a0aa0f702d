#include "jd-cli.h"

#include <glib/gi18n-lib.h>

static void
print_ref (const JdLawRef *ref)
{
  g_autofree char *body = NULL;

  g_print ("%s %s\n", ref->document->code, ref->document->title);
  if (ref->part != ref->document->parts->pdata[0])
    g_print ("%s %s\n", ref->part->name, ref->part->title);
  else if (ref->document->parts->len > 1)
    g_print ("%s\n", ref->part->name);
  if (ref->article->chapter != NULL)
    g_print ("%s\n", ref->article->chapter);

  if (ref->paragraph == 0 && ref->item == 0)
    body = jd_law_format_article (ref->article);
  else
    body = g_strdup_printf ("%s\n%s", ref->label, ref->text);
  g_print ("%s\n", body);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
print_json (const JdCitation *citation)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string_member (builder, "citation", citation->text);

  json_builder_set_member_name (builder, "articles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < citation->refs->len; i++)
    {
      const JdLawRef *ref = citation->refs->pdata[i];

      json_builder_begin_object (builder);
      add_string_member (builder, "document", ref->document->code);
      add_string_member (builder, "title", ref->document->title);
      add_string_member (builder, "part", ref->part->name);
      add_string_member (builder, "part_title", ref->part->title);
      add_string_member (builder, "article", ref->article->label);
      add_string_member (builder, "label", ref->label);
      if (ref->paragraph > 0)
        {
          json_builder_set_member_name (builder, "paragraph");
          json_builder_add_int_value (builder, ref->paragraph);
        }
      if (ref->item > 0)
        {
          json_builder_set_member_name (builder, "item");
          json_builder_add_int_value (builder, ref->item);
        }
      add_string_member (builder, "text", ref->text);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "unresolved");
  json_builder_begin_array (builder);
  for (guint i = 0; i < citation->unresolved->len; i++)
    json_builder_add_string_value (builder,
                                   ((const GError *) citation->unresolved->pdata[i])->message);
  json_builder_end_array (builder);

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  jd_cli_print_json (root);
}

int
jd_cli_law (JdCliContext *ctx)
{
  g_autoptr(JdCitation) citation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean json = FALSE;
  gboolean not_found = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of text"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, _("CITATION"),
                             _("Print the articles a citation names, as the rule catalogue "
                               "writes them: “004 附件3 第十三条”, “002 第十八条、第四十三条”, "
                               "“004 正文 二(三)”, “001 (六)”, several separated by “;”."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (ctx->argc < 2)
    {
      g_printerr (_("jiandu-cli law: give a CITATION, such as “004 附件3 第十三条”\n"));
      return JD_CLI_BAD_INPUT;
    }

  /* Unquoted words make one citation, as the shell split it. */
  text = g_strjoinv (" ", ctx->argv + 1);
  citation = jd_law_resolve (jd_law_get_default (), text, &error);
  if (citation == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  /* Text that is not a citation is noted and left out; a citation of an article that does not
   * exist is bad input, even beside good ones. */
  for (guint i = 0; i < citation->unresolved->len; i++)
    {
      const GError *problem = citation->unresolved->pdata[i];

      if (problem->code == JD_LAW_ERROR_SYNTAX)
        g_printerr (_("jiandu-cli law: left out: %s\n"), problem->message);
      else
        {
          g_printerr ("jiandu-cli law: %s\n", problem->message);
          not_found = TRUE;
        }
    }
  if (not_found)
    return JD_CLI_BAD_INPUT;

  if (json)
    {
      print_json (citation);
      return JD_CLI_OK;
    }

  for (guint i = 0; i < citation->refs->len; i++)
    {
      if (i > 0)
        g_print ("\n");
      print_ref (citation->refs->pdata[i]);
    }

  return JD_CLI_OK;
}
