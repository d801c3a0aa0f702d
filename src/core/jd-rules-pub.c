#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-identity.h"
#include "jd-labels.h"
#include "jd-redact.h"
#include "jd-rules-private.h"

/* PUB: publication of enforcement results (行政执法公示, 004 附件1; 002 第十五条). The case rules
 * read "publication" ({ published_on, text, withdrawn_on }); PUB-PLAN and PUB-ANNUAL check the
 * agency's yearly publications. */

static JsonObject *
publication (JdRuleContext *ctx)
{
  return jd_rule_get_object (ctx->fields, "publication");
}

/* Whether the result was published, with the date in @published (cleared otherwise). */
static gboolean
published (JdRuleContext *ctx,
           GDate         *published_on)
{
  return jd_rule_get_date (publication (ctx), "published_on", published_on);
}

static gboolean
is_person (JsonObject *party)
{
  return g_strcmp0 (jd_rule_get_string (party, "kind"), "person") == 0;
}

/* The birth date that a resident ID number carries in its digits 7 to 14 (GB 11643), whatever
 * its check character: jd_resident_id_is_valid() asks the clock, too slow for every case. */
static gboolean
id_birth_date (const char *id,
               GDate      *birth)
{
  int date = 0, y, m, d;

  if (id == NULL || strlen (id) != 18)
    return FALSE;
  for (guint i = 0; i < 17; i++)
    if (!g_ascii_isdigit (id[i]))
      return FALSE;
  for (guint i = 6; i < 14; i++)
    date = date * 10 + (id[i] - '0');
  y = date / 10000;
  m = date / 100 % 100;
  d = date % 100;
  if (y < 1900 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_clear (birth, 1);
  g_date_set_dmy (birth, d, m, y);
  return TRUE;
}

/* Whether @party is under 18 on @day: as recorded, or else as the birth date in its resident ID
 * number says. */
static gboolean
is_minor (JsonObject  *party,
          const GDate *day)
{
  gboolean minor = FALSE;
  GDate birth, adult;

  if (jd_rule_get_bool (party, "minor", &minor))
    return minor;
  if (!is_person (party) || !g_date_valid (day) ||
      !id_birth_date (jd_rule_get_string (party, "id_number"), &birth))
    return FALSE;
  adult = birth;
  g_date_add_years (&adult, 18);
  return g_date_compare (day, &adult) < 0;
}

/* Why the result must not be published (004 附件1 第十六条), translated, or NULL. */
static const char *
exemption (JdRuleContext *ctx)
{
  static const struct { const char *code; const char *reason; } grounds[] = {
    { "minor", N_("a party is a minor") },
    { "state_secret", N_("it involves state secrets") },
    { "security", N_("publication could endanger security or social stability") },
    { "series", N_("publication could affect the investigation of a series of cases") },
    { "transferred_to_police", N_("the case was transferred to the police") },
  };
  const char *code = jd_rule_get_string (ctx->fields, "exempt_from_publication");
  JsonArray *parties = jd_rule_get_array (ctx->fields, "parties");
  JsonArray *measures = jd_rule_get_array (jd_rule_get_object (ctx->fields, "decision"),
                                           "measures");
  const GDate *day = g_date_valid (&ctx->facts.decision_date) ? &ctx->facts.decision_date
                                                               : &ctx->as_of;

  if (code != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (grounds); i++)
        if (g_str_equal (code, grounds[i].code))
          return _(grounds[i].reason);
      return code;
    }
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    if (is_minor (json_array_get_object_element (parties, i), day))
      return _(grounds[0].reason);
  if (jd_rule_array_has (measures, "transfer_police"))
    return _(grounds[4].reason);
  return NULL;
}

void
jd_rule_pub_deadline (JdRuleContext *ctx)
{
  const char *action = jd_rule_get_string (ctx->fields, "action_type");
  const char *reason = exemption (ctx);
  GDate done;
  int limit;

  if (reason != NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("Not to be published: %s"), reason);
      return;
    }
  if (!g_date_valid (&ctx->facts.decision_date))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No decision yet, so nothing to publish"));
      return;
    }
  if (action == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The action type is not recorded, so the publication deadline is "
                        "unknown"));
      return;
    }

  /* Simple-procedure penalties are results too: 第十三条 makes no exception for them. */
  if (!jd_rule_limit (ctx, g_str_equal (action, "penalty") || g_str_equal (action, "licence")
                             ? "publication_wd" : "publication_other_wd", &limit))
    return;
  published (ctx, &done);
  jd_rule_check_deadline (ctx, _("Publishing the result"), _("the decision"),
                          &ctx->facts.decision_date, limit, JD_PERIOD_WORKDAYS, &done);
}

/* A name of two characters or more: a surname alone is what a summary may show. */
static gboolean
is_full_name (const char *name)
{
  return name != NULL && name[0] != '\0' && *g_utf8_next_char (name) != '\0';
}

/* The full names of the person parties. */
static GPtrArray *
person_names (JdRuleContext *ctx)
{
  JsonArray *parties = jd_rule_get_array (ctx->fields, "parties");
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party = json_array_get_object_element (parties, i);
      const char *name = jd_rule_get_string (party, "name");

      if (is_person (party) && is_full_name (name))
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  return names;
}

/* The published text, or NULL after reporting why there is none to read. */
static const char *
published_text (JdRuleContext *ctx)
{
  const char *text = jd_rule_get_string (publication (ctx), "text");
  GDate on;
  char a[JD_RULE_DATE_SIZE];

  if (!published (ctx, &on))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("Not published"));
      return NULL;
    }
  if (text == NULL || *text == '\0')
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("Published on %s: record the published text to check it"),
                      jd_rule_date_string (&on, a));
      return NULL;
    }
  return text;
}

void
jd_rule_pub_redact (JdRuleContext *ctx)
{
  const char *text = published_text (ctx);
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autoptr(GString) found = NULL;
  g_autofree char *masked = NULL;

  if (text == NULL)
    return;
  if (!g_utf8_validate (text, -1, NULL))
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("The published text is not valid UTF-8"));
      return;
    }

  names = person_names (ctx);
  /* Most published texts are clean: scanning is enough to say so. */
  hits = jd_redact_scan (text, -1, (const char * const *) names->pdata);
  if (hits->len == 0)
    {
      jd_rule_report (ctx, JD_FINDING_PASS,
                      _("The published text shows no personal data: no ID, telephone or bank "
                        "card number, property certificate, age, home address or person's "
                        "full name"));
      return;
    }

  /* The masked form names what leaked without repeating it. */
  g_clear_pointer (&hits, g_array_unref);
  masked = jd_redact_apply (text, (const char * const *) names->pdata, &hits);
  found = g_string_new (NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      JdRedactHit *hit = &g_array_index (hits, JdRedactHit, i);

      if (found->len > 0)
        g_string_append (found, _(", "));
      g_string_append_printf (found, _("%s “%.*s”"), jd_redact_kind_get_label (hit->kind),
                              (int) (hit->out_end - hit->out_start), masked + hit->out_start);
    }
  jd_rule_report (ctx, JD_FINDING_FAIL, _("The published text discloses %s"), found->str);
}

/* The number of the decision document (文号): a document whose kind is a decision, else the
 * case number, which agencies give their decisions. */
static const char *
decision_number (JdRuleContext *ctx)
{
  JsonArray *documents = jd_rule_get_array (ctx->fields, "documents");

  for (guint i = 0; documents != NULL && i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      const char *kind = jd_rule_get_string (document, "kind");
      const char *number = jd_rule_get_string (document, "number");

      if (kind != NULL && number != NULL && *number != '\0' &&
          (strstr (kind, "决定书") != NULL || strstr (kind, "裁决书") != NULL))
        return number;
    }
  return jd_rule_get_string (ctx->fields, "number");
}

/* Whether @text states @date as 2025-03-01, 2025年3月1日 or 2025年03月01日. */
static gboolean
states_date (const char  *text,
             const GDate *date)
{
  char forms[3][32];
  int y = g_date_get_year (date), m = g_date_get_month (date), d = g_date_get_day (date);

  g_snprintf (forms[0], sizeof forms[0], "%04d-%02d-%02d", y, m, d);
  g_snprintf (forms[1], sizeof forms[1], "%d年%d月%d日", y, m, d);
  g_snprintf (forms[2], sizeof forms[2], "%d年%02d月%02d日", y, m, d);
  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (strstr (text, forms[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* PUB-SUMMARY checks what the case data can tell: the decision's number and date are stated,
 * and a person party appears without the full name. The agency, the action type and the result
 * are free text that only the reviewer can judge. */
void
jd_rule_pub_summary (JdRuleContext *ctx)
{
  const char *text = published_text (ctx);
  const char *number;
  g_autoptr(GString) faults = NULL;
  JsonArray *parties = jd_rule_get_array (ctx->fields, "parties");
  gboolean inspection;
  char a[JD_RULE_DATE_SIZE];

  if (text == NULL)
    return;

  faults = g_string_new (NULL);
  number = decision_number (ctx);
  inspection = g_strcmp0 (jd_rule_get_string (ctx->fields, "action_type"), "inspection") == 0;
  if (number != NULL && strstr (text, number) == NULL && !inspection)
    g_string_append_printf (faults, _("does not state the document number %s"), number);
  if (g_date_valid (&ctx->facts.decision_date) && !states_date (text, &ctx->facts.decision_date))
    {
      if (faults->len > 0)
        g_string_append (faults, _("; "));
      g_string_append_printf (faults, _("does not state the decision date %s"),
                              jd_rule_date_string (&ctx->facts.decision_date, a));
    }
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *party = json_array_get_object_element (parties, i);
      const char *name = jd_rule_get_string (party, "name");

      if (is_person (party) && is_full_name (name) && strstr (text, name) != NULL)
        {
          if (faults->len > 0)
            g_string_append (faults, _("; "));
          g_string_append_printf (faults, _("names the party %s in full"), name);
        }
    }

  if (faults->len > 0)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("The published summary %s"), faults->str);
  else if (number == NULL && !inspection)
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("Record the number of the decision document to check the publication"));
  else if (!g_date_valid (&ctx->facts.decision_date))
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("Record the decision date to check the publication"));
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("The published summary states number %s and date %s, without a person's "
                      "full name"),
                    number != NULL ? number : "—",
                    jd_rule_date_string (&ctx->facts.decision_date, a));
}

void
jd_rule_pub_exempt (JdRuleContext *ctx)
{
  const char *reason = exemption (ctx);
  GDate on, withdrawn;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

  if (reason == NULL)
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No ground to withhold publication"));
  else if (!published (ctx, &on))
    jd_rule_report (ctx, JD_FINDING_PASS, _("Not published, rightly: %s"), reason);
  else if (jd_rule_get_date (publication (ctx), "withdrawn_on", &withdrawn))
    jd_rule_report (ctx, JD_FINDING_FAIL, _("Published on %s (withdrawn on %s) although %s"),
                    jd_rule_date_string (&on, a), jd_rule_date_string (&withdrawn, b), reason);
  else
    jd_rule_report (ctx, JD_FINDING_FAIL, _("Published on %s although %s"),
                    jd_rule_date_string (&on, a), reason);
}

static const char *
outcome_label (const char *kind)
{
  static const struct { const char *code; const char *label; } kinds[] = {
    { "revoked", N_("revoked") },
    { "partly_revoked", N_("partly revoked") },
    { "unlawful", N_("confirmed unlawful") },
    { "void", N_("confirmed void") },
    { "changed", N_("changed") },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kind, kinds[i].code))
      return _(kinds[i].label);
  return kind != NULL ? kind : "?";
}

/* PUB-WITHDRAW. The first change of the decision starts the period; later ones find the
 * publication already due for withdrawal. */
void
jd_rule_pub_withdraw (JdRuleContext *ctx)
{
  JsonArray *changes = jd_rule_get_array (ctx->fields, "outcome_changes");
  const char *kind = NULL;
  g_autofree char *what = NULL;
  GDate on, first, date, withdrawn;
  int limit;

  if (!published (ctx, &on))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("Not published"));
      return;
    }
  if (changes == NULL || json_array_get_length (changes) == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("The decision was not revoked, confirmed unlawful or void, or changed"));
      return;
    }

  g_date_clear (&first, 1);
  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (!jd_rule_get_date (change, "date", &date))
        {
          jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                          _("The decision was %s: record the date"),
                          outcome_label (jd_rule_get_string (change, "kind")));
          return;
        }
      if (!g_date_valid (&first) || g_date_compare (&date, &first) < 0)
        {
          first = date;
          kind = jd_rule_get_string (change, "kind");
        }
    }

  if (!jd_rule_limit (ctx, "withdraw_wd", &limit))
    return;
  jd_rule_get_date (publication (ctx), "withdrawn_on", &withdrawn);
  /* Translators: “the decision was revoked” */
  what = g_strdup_printf (_("the decision was %s"), outcome_label (kind));
  jd_rule_check_deadline (ctx, _("Withdrawing the publication"), what, &first, limit,
                          JD_PERIOD_WORKDAYS, &withdrawn);
}

/* The yearly publications of an agency: for each year it was active up to the "as of" year, the
 * entry of "inspection_plans" (PUB-PLAN) or "annual_reports" (PUB-ANNUAL) for that year is
 * published by the profile's month-day of that year (plans) or of the next (statistics). Years
 * whose due date has come are judged; the first one still to come is reported as a pass with its
 * due date. */
static void
check_yearly (JdRuleContext *ctx,
              gboolean       plan)
{
  const char *due_name = plan ? "inspection_plan_due" : "statistics_due";
  JsonArray *entries = jd_rule_get_array (ctx->fields, plan ? "inspection_plans"
                                                            : "annual_reports");
  int month, day, first_year, last_year;
  GDate from, to, due, done;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

  if (!jd_profile_get_month_day (ctx->profile, due_name, &month, &day))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The profile “%s” sets no limit “%s”"),
                      jd_profile_get_id (ctx->profile), due_name);
      return;
    }

  last_year = g_date_get_year (&ctx->as_of);
  first_year = jd_rule_get_date (ctx->fields, "active_from", &from) ? g_date_get_year (&from)
                                                                     : last_year;
  if (jd_rule_get_date (ctx->fields, "active_to", &to))
    last_year = MIN (last_year, (int) g_date_get_year (&to));
  if (first_year > last_year)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The agency is not active yet"));
      return;
    }

  for (int year = first_year; year <= last_year; year++)
    {
      int due_year = plan ? year : year + 1;
      int due_day = day;

      /* 29 February in a year without one: the last day of February. */
      while (!g_date_valid_dmy (due_day, month, due_year))
        due_day--;
      g_date_set_dmy (&due, due_day, month, due_year);
      g_date_clear (&done, 1);
      for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
        {
          JsonObject *entry = json_array_get_object_element (entries, i);

          if (json_object_get_int_member_with_default (entry, "year", 0) == year)
            {
              jd_rule_get_date (entry, "published_on", &done);
              break;
            }
        }
      jd_rule_date_string (&due, b);

      if (g_date_valid (&done) && g_date_compare (&done, &due) <= 0)
        jd_rule_report_due (ctx, JD_FINDING_PASS, &due,
                            plan ? _("Inspection plan for %d published on %s, due by %s")
                                 : _("Statistics of %d published on %s, due by %s"),
                            year, jd_rule_date_string (&done, a), b);
      else if (g_date_valid (&done))
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &due,
                            plan ? _("Inspection plan for %d published on %s, after %s")
                                 : _("Statistics of %d published on %s, after %s"),
                            year, jd_rule_date_string (&done, a), b);
      else if (g_date_compare (&ctx->as_of, &due) > 0)
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &due,
                            plan ? _("Inspection plan for %d not published, due by %s")
                                 : _("Statistics of %d not published, due by %s"),
                            year, b);
      else
        {
          jd_rule_report_due (ctx, JD_FINDING_PASS, &due,
                              plan ? _("Inspection plan for %d to be published by %s")
                                   : _("Statistics of %d to be published by %s"),
                              year, b);
          /* Later years are not due before this one. */
          break;
        }
    }
}

void
jd_rule_pub_plan (JdRuleContext *ctx)
{
  check_yearly (ctx, TRUE);
}

void
jd_rule_pub_annual (JdRuleContext *ctx)
{
  check_yearly (ctx, FALSE);
}
