#include "jd-rule-context.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

static void report_valist (JdRuleContext   *ctx,
                           const char      *object,
                           JdFindingStatus  status,
                           const GDate     *due,
                           gboolean         open,
                           const char      *format,
                           va_list          args) G_GNUC_PRINTF (6, 0);

static void
report_valist (JdRuleContext   *ctx,
               const char      *object,
               JdFindingStatus  status,
               const GDate     *due,
               gboolean         open,
               const char      *format,
               va_list          args)
{
  JdFinding finding = { 0 };
  g_autofree char *message = g_strdup_vprintf (format, args);

  finding.rule = ctx->rule->id;
  finding.status = status;
  finding.severity = ctx->rule->severity;
  finding.object = (char *) object;
  finding.message = message;
  finding.citation = ctx->citation;
  g_date_clear (&finding.due, 1);
  if (due != NULL && g_date_valid (due))
    {
      finding.due = *due;
      finding.days_left = g_date_days_between (&ctx->as_of, due);
      finding.open = open;
    }

  ctx->n_reported++;
  ctx->func (&finding, ctx->user_data);
}

void
jd_rule_report (JdRuleContext   *ctx,
                JdFindingStatus  status,
                const char      *format,
                ...)
{
  va_list args;

  va_start (args, format);
  report_valist (ctx, ctx->object_path, status, NULL, FALSE, format, args);
  va_end (args);
}

void
jd_rule_report_due (JdRuleContext   *ctx,
                    JdFindingStatus  status,
                    const GDate     *due,
                    const char      *format,
                    ...)
{
  va_list args;

  va_start (args, format);
  report_valist (ctx, ctx->object_path, status, due, FALSE, format, args);
  va_end (args);
}

void
jd_rule_report_open (JdRuleContext   *ctx,
                     JdFindingStatus  status,
                     const GDate     *due,
                     const char      *format,
                     ...)
{
  va_list args;

  va_start (args, format);
  report_valist (ctx, ctx->object_path, status, due, TRUE, format, args);
  va_end (args);
}

void
jd_rule_report_object (JdRuleContext   *ctx,
                       const char      *object,
                       JdFindingStatus  status,
                       const GDate     *due,
                       const char      *format,
                       ...)
{
  va_list args;

  va_start (args, format);
  report_valist (ctx, object, status, due, FALSE, format, args);
  va_end (args);
}

gboolean
jd_rule_parse_date (const char *text,
                    GDate      *out)
{
  int y, m, d;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) < 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

gboolean
jd_rule_get_date (JsonObject *object,
                  const char *member,
                  GDate      *out)
{
  return jd_rule_parse_date (jd_rule_get_string (object, member), out);
}

const char *
jd_rule_date_iso (const GDate *date,
                  char         buf[16])
{
  if (date == NULL || !g_date_valid (date))
    return "?";
  g_snprintf (buf, 16, "%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
  return buf;
}

const char *
jd_rule_date_string (const GDate *date,
                     char         buf[JD_RULE_DATE_SIZE])
{
  if (date == NULL || !g_date_valid (date))
    return "?";
  /* TRANSLATORS: a date in a finding's message, as strftime() writes it; zh_CN: %Y年%-m月%-d日 */
  if (g_date_strftime (buf, JD_RULE_DATE_SIZE, _("%Y-%m-%d"), date) == 0)
    g_snprintf (buf, JD_RULE_DATE_SIZE, "%04d-%02d-%02d", g_date_get_year (date),
                g_date_get_month (date), g_date_get_day (date));
  return buf;
}

const char *
jd_rule_get_string (JsonObject *object,
                    const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
jd_rule_get_object (JsonObject *object,
                    const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

JsonArray *
jd_rule_get_array (JsonObject *object,
                   const char *member)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

gboolean
jd_rule_get_bool (JsonObject *object,
                  const char *member,
                  gboolean   *out)
{
  JsonNode *node;

  if (object == NULL || (node = json_object_get_member (object, member)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
jd_rule_array_has (JsonArray  *array,
                   const char *value)
{
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), value) == 0)
        return TRUE;
    }
  return FALSE;
}

const char *
jd_rule_officer_name (JdRuleContext *ctx,
                      const char    *id)
{
  JdEntity *officer = jd_rule_data_get (ctx->data, JD_COLLECTION_OFFICERS, id);
  const char *name = officer != NULL ? jd_entity_get_string (officer, "name") : NULL;

  return name != NULL ? name : id;
}

int
jd_stage_index (const char *stage)
{
  if (stage == NULL)
    return -1;
  for (int i = 0; jd_stage_codes[i] != NULL && i < 32; i++)
    if (strcmp (jd_stage_codes[i], stage) == 0)
      return i;
  return -1;
}

gboolean
jd_rule_due_date (JdRuleContext *ctx,
                  const GDate   *start,
                  int            n,
                  JdPeriodUnit   unit,
                  GDate         *due)
{
  g_autoptr(GError) error = NULL;

  *due = *start;
  switch (unit)
    {
    case JD_PERIOD_DAYS:
      g_date_add_days (due, n);
      return TRUE;
    case JD_PERIOD_MONTHS:
      g_date_add_months (due, n);
      return TRUE;
    case JD_PERIOD_WORKDAYS:
    default:
      if (jd_calendar_add_workdays (ctx->calendar, start, n, due, &error))
        return TRUE;
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "%s", error->message);
      return FALSE;
    }
}

gboolean
jd_rule_limit (JdRuleContext *ctx,
               const char    *name,
               int           *out)
{
  if (jd_profile_get_limit (ctx->profile, name, out))
    return TRUE;
  jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The profile “%s” sets no limit “%s”"),
                  jd_profile_get_id (ctx->profile), name);
  return FALSE;
}

char *
jd_rule_period_string (int          n,
                       JdPeriodUnit unit)
{
  switch (unit)
    {
    case JD_PERIOD_DAYS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);
    case JD_PERIOD_MONTHS:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d month", "%d months", n), n);
    case JD_PERIOD_WORKDAYS:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day", "%d working days",
                                           n), n);
    }
}

void
jd_rule_check_deadline (JdRuleContext *ctx,
                        const char    *what,
                        const char    *start_what,
                        const GDate   *start,
                        int            n,
                        JdPeriodUnit   unit,
                        const GDate   *done)
{
  g_autofree char *period = jd_rule_period_string (n, unit);
  g_autofree char *rule_text = NULL;
  char start_s[JD_RULE_DATE_SIZE], due_s[JD_RULE_DATE_SIZE], done_s[JD_RULE_DATE_SIZE];
  GDate due;

  if (!jd_rule_due_date (ctx, start, n, unit, &due))
    return;

  /* Translators: “Written review opinion: due by 2025-03-10, 5 working days after submission
   * on 2025-03-03” */
  rule_text = g_strdup_printf (_("%s: due by %s, %s after %s on %s"), what,
                               jd_rule_date_string (&due, due_s), period, start_what,
                               jd_rule_date_string (start, start_s));

  if (done != NULL && g_date_valid (done))
    {
      int late = g_date_days_between (&due, done);

      if (late <= 0)
        jd_rule_report_due (ctx, JD_FINDING_PASS, &due, _("%s; done on %s"), rule_text,
                            jd_rule_date_string (done, done_s));
      else
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &due,
                            g_dngettext (GETTEXT_PACKAGE, "%s; done on %s, %d day late",
                                         "%s; done on %s, %d days late", late),
                            rule_text, jd_rule_date_string (done, done_s), late);
      return;
    }

  if (g_date_compare (&ctx->as_of, &due) <= 0)
    {
      int left = g_date_days_between (&ctx->as_of, &due);

      jd_rule_report_open (ctx, JD_FINDING_PASS, &due,
                          g_dngettext (GETTEXT_PACKAGE, "%s; not done yet, %d day left",
                                       "%s; not done yet, %d days left", left),
                          rule_text, left);
    }
  else
    {
      int over = g_date_days_between (&due, &ctx->as_of);

      jd_rule_report_open (ctx, JD_FINDING_FAIL, &due,
                          g_dngettext (GETTEXT_PACKAGE, "%s; not done, %d day overdue",
                                       "%s; not done, %d days overdue", over),
                          rule_text, over);
    }
}
