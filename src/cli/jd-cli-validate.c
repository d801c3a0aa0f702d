#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "jd-cli-rules.h"
#include "jd-rule-context.h"

/* `validate`: the findings of the rules, as FORMAT.md prints them with --json, else as a report
 * grouped by object, errors first. */

typedef struct
{
  gboolean json;
  gboolean verbose;
  gboolean first;
  guint    n_objects;
  guint    n_errors;     /* failed errors: what makes the exit status 1 */
  guint    n_warnings;   /* other failures */
  guint    n_input;
  guint    n_passed;
} Report;

static const char *
status_mark (const JdFinding *finding)
{
  switch (finding->status)
    {
    case JD_FINDING_FAIL:
      return finding->severity == JD_SEVERITY_INFO ? "i" : "✗";
    case JD_FINDING_NEEDS_INPUT:
      return "?";
    case JD_FINDING_NOT_APPLICABLE:
      return "-";
    case JD_FINDING_PASS:
    default:
      return "✓";
    }
}

static void
print_json_finding (Report          *report,
                    const JdFinding *finding)
{
  g_autoptr(JsonNode) node = jd_finding_to_json (finding);
  g_autofree char *text = json_to_string (node, FALSE);

  g_print ("%s\n    %s", report->first ? "" : ",", text);
  report->first = FALSE;
}

/* The columns @text takes on a terminal; a Chinese character takes two. */
static int
text_columns (const char *text)
{
  int columns = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    columns += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  return columns;
}

static void
print_padded (const char *text,
              int         width)
{
  g_print ("%s%*s", text, MAX (width - text_columns (text), 0) + 1, "");
}

/* The messages of deadlines name their due date: the report does not repeat it. */
static void
print_text_finding (const JdFinding *finding)
{
  int width = 0;

  for (JdSeverity severity = JD_SEVERITY_ERROR; severity <= JD_SEVERITY_INFO; severity++)
    width = MAX (width, text_columns (jd_severity_label (severity)));
  g_print ("  %s ", status_mark (finding));
  print_padded (jd_severity_label (finding->severity), width);
  print_padded (finding->rule, 19);
  g_print ("%s [%s]\n", finding->message, finding->citation);
}

static void
object_cb (JdEntity  *entity,
           GPtrArray *findings,
           gpointer   user_data)
{
  Report *report = user_data;
  gboolean header = FALSE;

  report->n_objects++;
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *finding = findings->pdata[i];
      gboolean shown;

      if (jd_finding_is_blocking (finding))
        report->n_errors++;
      else if (finding->status == JD_FINDING_FAIL)
        report->n_warnings++;
      else if (finding->status == JD_FINDING_NEEDS_INPUT)
        report->n_input++;
      else if (finding->status == JD_FINDING_PASS)
        report->n_passed++;

      if (report->json)
        {
          print_json_finding (report, finding);
          continue;
        }

      shown = report->verbose || finding->status == JD_FINDING_FAIL ||
              finding->status == JD_FINDING_NEEDS_INPUT;
      if (!shown)
        continue;
      if (!header)
        {
          g_autofree char *label = jd_cli_entity_label (entity);

          g_print ("\n%s\n", label);
          header = TRUE;
        }
      print_text_finding (finding);
    }
}

int
jd_cli_validate (JdCliContext *ctx)
{
  g_autoptr(JdValidator) validator = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(JdRuleData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *case_id = NULL;
  g_autofree char *profile_id = NULL;
  g_autofree char *date = NULL;
  gboolean all = FALSE;
  Report report = { 0 };
  char as_of[16];
  char as_of_text[JD_RULE_DATE_SIZE];
  GOptionEntry entries[] = {
    { "file", 'f', 0, G_OPTION_ARG_FILENAME, &file, N_("Check a jiandu/1 document"),
      N_("FILE") },
    { "case", 'c', 0, G_OPTION_ARG_STRING, &case_id, N_("Check one case of the database"),
      N_("ID") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Check everything in the database (default)"),
      NULL },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_id,
      N_("The jurisdiction's profile (default beijing)"), N_("PROFILE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Check as of this date (default today)"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &report.json, N_("Print the findings as JSON"), NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &report.verbose,
      N_("List passes and rules that do not apply, too"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Check cases, rosters and supervision against the rules of a "
                               "profile. Exit status 1 when an error-level rule fails."),
                             entries))
    return JD_CLI_BAD_INPUT;
  if (ctx->argc > 1)
    {
      g_printerr (_("jiandu-cli validate: unexpected argument “%s”\n"), ctx->argv[1]);
      return JD_CLI_BAD_INPUT;
    }
  if ((file != NULL) + (case_id != NULL) + all > 1)
    {
      g_printerr (_("jiandu-cli validate: give only one of --file, --case and --all\n"));
      return JD_CLI_BAD_INPUT;
    }

  validator = jd_cli_rules_validator ("validate", profile_id, date);
  if (validator == NULL)
    return JD_CLI_BAD_INPUT;

  if (file != NULL)
    {
      document = jd_codec_read_file (file, &error);
      if (document == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
      data = jd_rule_data_new_for_document (document);
    }
  else
    {
      store = jd_cli_open_store (ctx, FALSE);
      if (store == NULL)
        return JD_CLI_BAD_INPUT;
      data = jd_validator_load_data (store, &error);
      if (data == NULL)
        return jd_cli_fail (g_steal_pointer (&error));
    }

  if (report.json)
    g_print ("{\n  \"profile\": \"%s\",\n  \"as_of\": \"%s\",\n  \"findings\": [",
             jd_profile_get_id (jd_validator_get_profile (validator)),
             jd_rule_date_iso (jd_validator_get_as_of (validator), as_of));
  report.first = TRUE;

  if (!jd_cli_rules_run (validator, data, store, case_id, object_cb, &report, &error))
    {
      if (report.json)
        g_print ("\n  ]\n}\n");
      return jd_cli_fail (g_steal_pointer (&error));
    }

  if (report.json)
    g_print ("\n  ]\n}\n");
  else
    {
      g_print ("\n");
      /* Translators: the summary of `validate`; the numbers are objects and findings. */
      g_print (_("%u objects checked against the profile %s as of %s: %u errors, %u other "
                 "failures, %u need input, %u passed\n"),
               report.n_objects, jd_profile_get_name (jd_validator_get_profile (validator)),
               jd_rule_date_string (jd_validator_get_as_of (validator), as_of_text),
               report.n_errors, report.n_warnings, report.n_input, report.n_passed);
    }

  return report.n_errors > 0 ? JD_CLI_FINDINGS : JD_CLI_OK;
}
