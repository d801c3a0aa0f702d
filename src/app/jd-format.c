#include "jd-format.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "jd-rule-context.h"

char *
jd_format_gdate (const GDate *date)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");

  time = g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 0, 0, 0);
  /* TRANSLATORS: a date as g_date_time_format() writes it; zh_CN: %Y年%-m月%-d日 */
  return g_date_time_format (time, _("%Y-%m-%d"));
}

char *
jd_format_month (const char *month)
{
  g_autoptr(GDateTime) time = NULL;
  int year, number;
  char end;

  if (month == NULL)
    return g_strdup ("");
  if (strlen (month) != 7 || sscanf (month, "%4d-%2d%c", &year, &number, &end) != 2
      || year < 1 || number < 1 || number > 12)
    return g_strdup (month);
  time = g_date_time_new_local (year, number, 1, 0, 0, 0);
  /* TRANSLATORS: a month as g_date_time_format() writes it; zh_CN: %Y年%-m月 */
  return g_date_time_format (time, _("%b %Y"));
}

char *
jd_format_time (const char *time)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (time == NULL)
    return g_strdup ("");
  parsed = g_date_time_new_from_iso8601 (time, NULL);
  if (parsed == NULL)
    return g_strdup (time);
  /* TRANSLATORS: a date and time as g_date_time_format() writes it;
   * zh_CN: %Y年%-m月%-d日 %H:%M */
  return g_date_time_format (parsed, _("%Y-%m-%d %H:%M"));
}

const char *
jd_format_case_opened_on (JdCase *kase)
{
  JsonArray *stages = jd_case_get_stages (kase);
  const char *earliest = NULL;

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      const char *date = json_object_get_string_member_with_default (stage, "date", NULL);

      if (date != NULL && (earliest == NULL || strcmp (date, earliest) < 0))
        earliest = date;
    }

  return earliest;
}

char *
jd_format_date (const char *date)
{
  GDate parsed;

  if (date == NULL)
    return g_strdup ("");
  if (!jd_rule_parse_date (date, &parsed))
    return g_strdup (date);
  return jd_format_gdate (&parsed);
}

const char *
jd_format_status_icon (const JdFinding *finding)
{
  switch (finding->status)
    {
    case JD_FINDING_FAIL:
      return finding->severity == JD_SEVERITY_ERROR ? "dialog-error-symbolic"
                                                    : "dialog-warning-symbolic";
    case JD_FINDING_NEEDS_INPUT:
      return "dialog-question-symbolic";
    case JD_FINDING_PASS:
      return "object-select-symbolic";
    case JD_FINDING_NOT_APPLICABLE:
    default:
      return "action-unavailable-symbolic";
    }
}

const char *
jd_format_status_class (const JdFinding *finding)
{
  switch (finding->status)
    {
    case JD_FINDING_FAIL:
      return finding->severity == JD_SEVERITY_ERROR ? "error" : "warning";
    case JD_FINDING_NEEDS_INPUT:
      return "warning";
    case JD_FINDING_PASS:
      return "success";
    case JD_FINDING_NOT_APPLICABLE:
    default:
      return "dim-label";
    }
}

const JdFinding *
jd_format_next_deadline (GPtrArray *findings)
{
  const JdFinding *next = NULL;

  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (finding->open && g_date_valid (&finding->due)
          && (next == NULL || g_date_compare (&finding->due, &next->due) < 0))
        next = finding;
    }
  return next;
}

char *
jd_format_deadline (const JdFinding *finding)
{
  return jd_format_deadline_at (&finding->due, finding->days_left);
}

char *
jd_format_deadline_at (const GDate *due,
                       int          days_left)
{
  g_autofree char *date = jd_format_gdate (due);

  if (days_left < 0)
    /* TRANSLATORS: "overdue by 5 days · due 2025年3月1日" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "overdue by %d day · due %s",
                                         "overdue by %d days · due %s", -days_left),
                            -days_left, date);
  /* TRANSLATORS: "due 2025年3月1日 · 12 days left" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due %s · %d day left",
                                       "due %s · %d days left", days_left),
                          date, days_left);
}

/* The problems counted, NULL for none, with their style class when there are some. */
static char *
problems_count_text (guint        n_errors,
                     guint        n_warnings,
                     const char **style_class)
{
  if (n_errors > 0)
    {
      *style_class = "error";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                              n_errors);
    }
  if (n_warnings > 0)
    {
      *style_class = "warning";
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           n_warnings),
                              n_warnings);
    }
  return NULL;
}

/* The problems of @findings, NULL for none, with their style class when there are some. */
static char *
problems_text (GPtrArray   *findings,
               const char **style_class)
{
  guint n_errors = 0;
  guint n_warnings = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (jd_finding_is_blocking (finding))
        n_errors++;
      else if (finding->status == JD_FINDING_FAIL)
        n_warnings++;
    }
  return problems_count_text (n_errors, n_warnings, style_class);
}

char *
jd_format_problems_count (guint        n_errors,
                          guint        n_warnings,
                          const char **style_class)
{
  char *problems = problems_count_text (n_errors, n_warnings, style_class);

  if (problems != NULL)
    return problems;
  *style_class = "dim-label";
  return g_strdup (_("No problems"));
}

char *
jd_format_findings_summary (GPtrArray   *findings,
                            const char **style_class)
{
  const JdFinding *next = jd_format_next_deadline (findings);
  g_autofree char *problems = problems_text (findings, style_class);
  g_autofree char *due = NULL;

  if (next != NULL)
    {
      g_autofree char *date = jd_format_gdate (&next->due);

      if (next->days_left < 0)
        /* TRANSLATORS: %s is a date */
        due = g_strdup_printf (_("overdue since %s"), date);
      else
        /* TRANSLATORS: %s is a date */
        due = g_strdup_printf (_("due %s"), date);
    }

  if (problems == NULL)
    *style_class = next != NULL && next->days_left < 0 ? "warning" : "dim-label";
  if (problems != NULL && due != NULL)
    /* TRANSLATORS: "2 errors · due 2025-03-01" */
    return g_strdup_printf (_("%s · %s"), problems, due);
  if (problems != NULL)
    return g_steal_pointer (&problems);
  if (due != NULL)
    return g_steal_pointer (&due);
  return g_strdup (_("No problems"));
}
