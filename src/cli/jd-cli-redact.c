#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "jd-redact.h"

static GBytes *
read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_byte_array_append (data, buffer, (guint) n);

  if (ferror (stdin))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not read standard input"));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/* Line and column (in characters, from 1) of each hit, for messages. */
static void
print_hits (const char *text,
            const char *redacted,
            GArray     *hits)
{
  const char *p = text;
  int line = 1;
  int column = 1;

  for (guint i = 0; i < hits->len; i++)
    {
      const JdRedactHit *hit = &g_array_index (hits, JdRedactHit, i);
      g_autofree char *masked = g_strndup (redacted + hit->out_start,
                                           hit->out_end - hit->out_start);
      long n_chars = g_utf8_strlen (text + hit->start, (gssize) (hit->end - hit->start));

      for (; p < text + hit->start; p = g_utf8_next_char (p))
        {
          if (*p == '\n')
            {
              line++;
              column = 1;
            }
          else
            column++;
        }

      /* The secret itself never reaches the terminal or a log: only what it became. */
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "%d:%d: %s: %s of %ld character, published as “%s”\n",
                               "%d:%d: %s: %s of %ld characters, published as “%s”\n",
                               (gulong) n_chars),
                  line, column, jd_redact_kind_to_string (hit->kind),
                  jd_redact_kind_get_label (hit->kind), n_chars, masked);
    }
}

static void
print_json (const char *redacted,
            GArray     *hits)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, redacted);
  json_builder_set_member_name (builder, "hits");
  json_builder_begin_array (builder);
  for (guint i = 0; i < hits->len; i++)
    {
      const JdRedactHit *hit = &g_array_index (hits, JdRedactHit, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, jd_redact_kind_to_string (hit->kind));
      json_builder_set_member_name (builder, "start");
      json_builder_add_int_value (builder, (gint64) hit->start);
      json_builder_set_member_name (builder, "end");
      json_builder_add_int_value (builder, (gint64) hit->end);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  jd_cli_print_json (root);
}

int
jd_cli_redact (JdCliContext *ctx)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) input = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree char *text = NULL;
  g_autofree char *redacted = NULL;
  gboolean json = FALSE;
  const char *data;
  const char *bad;
  gsize length;
  GOptionEntry entries[] = {
    { "name", 'n', 0, G_OPTION_ARG_STRING_ARRAY, &names,
      N_("The name of a person party, to be hidden wherever it occurs (repeat for more)"),
      N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print one JSON object with the text and the hits (kind, start and end bytes)"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Read UTF-8 text on standard input and write it ready for "
                               "publication: names of persons, ages, home addresses, ID, phone, "
                               "bank card and property certificate numbers are masked. What was "
                               "masked is listed on standard error."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (ctx->argc != 1)
    {
      g_printerr (_("jiandu-cli redact: the text comes on standard input; unexpected “%s”\n"),
                  ctx->argv[1]);
      return JD_CLI_BAD_INPUT;
    }

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      if (!g_utf8_validate (names[i], -1, NULL) || g_utf8_strlen (names[i], -1) < 2)
        {
          g_printerr (_("jiandu-cli redact: --name needs a name of two characters or more in "
                        "UTF-8\n"));
          return JD_CLI_BAD_INPUT;
        }
    }

  input = read_stdin (&error);
  if (input == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  data = g_bytes_get_data (input, &length);
  if (!g_utf8_validate (data, (gssize) length, &bad))
    {
      gsize offset = (gsize) (bad - data);
      int line = 1;

      for (gsize i = 0; i < offset; i++)
        line += data[i] == '\n';

      if (*bad == '\0' && offset < length)
        g_printerr (_("jiandu-cli redact: standard input holds a NUL byte (line %d, byte "
                      "%lu), so it is not text\n"),
                    line, (unsigned long) offset);
      else
        g_printerr (_("jiandu-cli redact: standard input is not valid UTF-8 (line %d, "
                      "byte %lu); convert it to UTF-8 first\n"),
                    line, (unsigned long) offset);
      return JD_CLI_BAD_INPUT;
    }

  text = g_strndup (data, length);
  redacted = jd_redact_apply (text, (const char * const *) names, &hits);

  if (json)
    {
      print_json (redacted, hits);
      return JD_CLI_OK;
    }

  fputs (redacted, stdout);
  fflush (stdout);
  print_hits (text, redacted, hits);

  return JD_CLI_OK;
}
