#include <glib/gi18n-lib.h>

#include "jd-rules-private.h"

/* SUP: supervision (行政执法监督) — complaints, individual-case supervision, its letters and
 * their follow-up, disputes between agencies, case-file evaluations, and the no-disturbance
 * list (无事不扰). */

static void
append (GString    *string,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
append (GString    *string,
        const char *format,
        ...)
{
  va_list args;

  if (string->len > 0)
    g_string_append (string, _(", "));
  va_start (args, format);
  g_string_append_vprintf (string, format, args);
  va_end (args);
}

static gboolean
has_text (JsonObject *object,
          const char *member)
{
  const char *text = jd_rule_get_string (object, member);

  return text != NULL && *text != '\0';
}

static const char *
agency_name (JdRuleContext *ctx,
             const char    *id)
{
  JdEntity *agency = jd_rule_data_get (ctx->data, JD_COLLECTION_AGENCIES, id);
  const char *name = agency != NULL ? jd_entity_get_string (agency, "name") : NULL;

  return name != NULL ? name : id;
}

/* Complaints */

void
jd_rule_sup_complaint (JdRuleContext *ctx)
{
  const char *form = jd_rule_get_string (ctx->fields, "form");
  const char *respondent = jd_rule_get_string (ctx->fields, "respondent_agency_id");
  g_autoptr(GString) missing = g_string_new (NULL);

  if (respondent == NULL || *respondent == '\0')
    append (missing, "%s", _("the agency complained of"));
  if (!has_text (ctx->fields, "facts"))
    append (missing, "%s", _("the facts"));
  if (!has_text (ctx->fields, "reasons"))
    append (missing, "%s", _("the reasons"));

  if (missing->len == 0)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("The complaint names %s and states facts and reasons"),
                    agency_name (ctx, respondent));
  else if (form == NULL)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("The complaint does not state %s"), missing->str);
  /* Staff write down a complaint made by phone or in person, and must record it in full. */
  else if (g_str_equal (form, "phone") || g_str_equal (form, "visit") ||
           g_str_equal (form, "hotline"))
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("The complaint made by %s is not recorded in full: it lacks %s"),
                    g_str_equal (form, "phone") ? _("phone")
                    : g_str_equal (form, "visit") ? _("a visit") : _("the hotline"),
                    missing->str);
  else
    jd_rule_report (ctx, JD_FINDING_FAIL, _("The written complaint does not state %s"),
                    missing->str);
}

/* The law sets no time for telling the complainant; once a supervision case that the complaint
 * started has closed, the outcome exists and not telling it is a breach. */
void
jd_rule_sup_reply (JdRuleContext *ctx)
{
  const char *case_id = jd_rule_get_string (ctx->fields, "supervision_case_id");
  JdEntity *supervision = NULL;
  GDate replied, received, closed;
  char a[JD_RULE_DATE_SIZE];

  if (jd_rule_get_date (ctx->fields, "replied_on", &replied))
    {
      jd_rule_report (ctx, JD_FINDING_PASS, _("The complainant was told the outcome on %s"),
                      jd_rule_date_string (&replied, a));
      return;
    }

  jd_rule_get_date (ctx->fields, "received_on", &received);
  if (case_id != NULL)
    supervision = jd_rule_data_get (ctx->data, JD_COLLECTION_SUPERVISION_CASES, case_id);

  if (supervision != NULL &&
      jd_rule_get_date (jd_entity_get_fields (supervision), "closed_on", &closed))
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("The supervision case of the complaint closed on %s, but the complainant "
                      "was not told the outcome"),
                    jd_rule_date_string (&closed, a));
  else if (supervision != NULL)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("The supervision case of the complaint is still open; tell the "
                      "complainant its outcome when it closes"));
  else
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("Complaint received on %s: record when the complainant was told how it "
                      "was handled"),
                    jd_rule_date_string (&received, a));
}

/* Individual-case supervision */

static const char *
ground_label (const char *ground)
{
  static const struct { const char *code; const char *label; } grounds[] = {
    { "out_of_scope", N_("outside the scope or power of supervision") },
    { "reconsideration", N_("administrative reconsideration pending or concluded") },
    { "litigation", N_("administrative litigation pending or concluded") },
    { "petition", N_("a petition pending or concluded") },
    { "handled", N_("already handled by the supervision body") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (grounds); i++)
    if (g_str_equal (ground, grounds[i].code))
      return _(grounds[i].label);
  return ground;
}

void
jd_rule_sup_no_file (JdRuleContext *ctx)
{
  const char *ground = jd_rule_get_string (ctx->fields, "grounds_excluded");
  GDate filed, act, limit;
  int years;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

  if (!jd_rule_get_date (ctx->fields, "filed_on", &filed))
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The date the supervision case was filed is not recorded"));
      return;
    }
  if (ground != NULL)
    {
      jd_rule_report (ctx, JD_FINDING_FAIL, _("Filed on %s although excluded: %s"),
                      jd_rule_date_string (&filed, a), ground_label (ground));
      return;
    }
  if (!jd_rule_limit (ctx, "no_file_years", &years))
    return;
  if (!jd_rule_get_date (ctx->fields, "subject_act_date", &act))
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The date of the act under supervision is not recorded"));
      return;
    }

  limit = act;
  g_date_add_years (&limit, years);
  if (g_date_compare (&filed, &limit) > 0)
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Filed on %s about an act of %s, more than %d year earlier, "
                                 "with no justification recorded",
                                 "Filed on %s about an act of %s, more than %d years earlier, "
                                 "with no justification recorded",
                                 years),
                    jd_rule_date_string (&filed, a), jd_rule_date_string (&act, b), years);
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("Filed on %s about an act of %s, with no ground to refuse it"),
                    jd_rule_date_string (&filed, a), jd_rule_date_string (&act, b));
}

/* Closed within the limit after filing, or by an approved extension of at most the extension
 * limit; an extension beyond that counts only up to it. */
void
jd_rule_sup_duration (JdRuleContext *ctx)
{
  g_autofree char *period = NULL;
  g_autofree char *limit_text = NULL;
  GDate filed, closed, due, longest, extended;
  int months, extension;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE], c[JD_RULE_DATE_SIZE];

  if (!jd_rule_get_date (ctx->fields, "filed_on", &filed))
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The date the supervision case was filed is not recorded"));
      return;
    }
  if (!jd_rule_limit (ctx, "supervision_months", &months) ||
      !jd_rule_limit (ctx, "supervision_extension_months", &extension))
    return;

  period = jd_rule_period_string (months, JD_PERIOD_MONTHS);
  due = filed;
  g_date_add_months (&due, months);
  longest = due;
  g_date_add_months (&longest, extension);

  if (!jd_rule_get_date (ctx->fields, "extension_approved_until", &extended) ||
      g_date_compare (&extended, &due) <= 0)
    /* Translators: “2 months after filing on 2025-03-03, by 2025-05-03” */
    limit_text = g_strdup_printf (_("%s after filing on %s, by %s"), period,
                                  jd_rule_date_string (&filed, a), jd_rule_date_string (&due, b));
  else if (g_date_compare (&extended, &longest) <= 0)
    {
      due = extended;
      limit_text = g_strdup_printf (_("filed on %s, extended by approval to %s"),
                                    jd_rule_date_string (&filed, a),
                                    jd_rule_date_string (&due, b));
    }
  else
    {
      g_autofree char *most = jd_rule_period_string (extension, JD_PERIOD_MONTHS);

      due = longest;
      limit_text = g_strdup_printf (_("filed on %s, extended to %s, but by at most %s, to %s"),
                                    jd_rule_date_string (&filed, a),
                                    jd_rule_date_string (&extended, b), most,
                                    jd_rule_date_string (&due, c));
    }

  if (jd_rule_get_date (ctx->fields, "closed_on", &closed))
    {
      int late = g_date_days_between (&due, &closed);

      if (late <= 0)
        jd_rule_report_due (ctx, JD_FINDING_PASS, &due, _("Closed on %s (%s)"),
                            jd_rule_date_string (&closed, a), limit_text);
      else
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &due,
                            g_dngettext (GETTEXT_PACKAGE, "Closed on %s, %d day late (%s)",
                                         "Closed on %s, %d days late (%s)", late),
                            jd_rule_date_string (&closed, a), late, limit_text);
    }
  else if (g_date_compare (&ctx->as_of, &due) <= 0)
    {
      int left = g_date_days_between (&ctx->as_of, &due);

      jd_rule_report_open (ctx, JD_FINDING_PASS, &due,
                          g_dngettext (GETTEXT_PACKAGE, "Still open, %d day left (%s)",
                                       "Still open, %d days left (%s)", left),
                          left, limit_text);
    }
  else
    {
      int over = g_date_days_between (&due, &ctx->as_of);

      jd_rule_report_open (ctx, JD_FINDING_FAIL, &due,
                          g_dngettext (GETTEXT_PACKAGE, "Still open, %d day overdue (%s)",
                                       "Still open, %d days overdue (%s)", over),
                          over, limit_text);
    }
}

/* The names of the officers of @ids, for messages. */
static char *
officer_names (JdRuleContext *ctx,
               JsonArray     *ids)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    append (names, "%s", jd_rule_officer_name (ctx, json_array_get_string_element (ids, i)));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

void
jd_rule_sup_two_staff (JdRuleContext *ctx)
{
  JsonArray *investigators = jd_rule_get_array (ctx->fields, "investigators");
  g_autofree char *names = NULL;
  guint distinct = 0;

  if (investigators == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The supervisors who investigated are not recorded"));
      return;
    }
  for (guint i = 0; i < json_array_get_length (investigators); i++)
    {
      const char *id = json_array_get_string_element (investigators, i);
      gboolean repeated = FALSE;

      for (guint j = 0; j < i && !repeated; j++)
        repeated = g_strcmp0 (id, json_array_get_string_element (investigators, j)) == 0;
      distinct += !repeated;
    }

  names = officer_names (ctx, investigators);
  if (distinct >= 2)
    jd_rule_report (ctx, JD_FINDING_PASS, _("Investigated by %u supervisors: %s"), distinct,
                    names);
  else if (distinct == 1)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("Investigated by %s alone; at least 2 supervisors "
                                            "are required"),
                    names);
  else
    jd_rule_report (ctx, JD_FINDING_FAIL, _("No supervisor is recorded as investigating; at "
                                            "least 2 are required"));
}

/* An interest is recorded in "interested_investigators"; a case without it records none. */
void
jd_rule_sup_recusal (JdRuleContext *ctx)
{
  JsonArray *investigators = jd_rule_get_array (ctx->fields, "investigators");
  JsonArray *interested = jd_rule_get_array (ctx->fields, "interested_investigators");
  g_autoptr(GString) acting = g_string_new (NULL);
  g_autofree char *names = NULL;

  if (investigators == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The supervisors who investigated are not recorded"));
      return;
    }
  for (guint i = 0; interested != NULL && i < json_array_get_length (interested); i++)
    {
      const char *id = json_array_get_string_element (interested, i);

      if (jd_rule_array_has (investigators, id))
        append (acting, "%s", jd_rule_officer_name (ctx, id));
    }

  if (acting->len > 0)
    {
      jd_rule_report (ctx, JD_FINDING_FAIL,
                      _("%s had an interest in the matter but investigated it instead of being "
                        "recused"),
                      acting->str);
      return;
    }
  if (interested != NULL && json_array_get_length (interested) > 0)
    {
      names = officer_names (ctx, interested);
      jd_rule_report (ctx, JD_FINDING_PASS, _("%s, with an interest in the matter, was recused"),
                      names);
      return;
    }
  names = officer_names (ctx, investigators);
  jd_rule_report (ctx, JD_FINDING_PASS,
                  _("No interest in the matter is recorded for the supervisors %s"), names);
}

/* The decision is the closing of the case: the collective discussion comes before it. */
void
jd_rule_sup_collective (JdRuleContext *ctx)
{
  GDate discussed, closed;
  gboolean is_closed = jd_rule_get_date (ctx->fields, "closed_on", &closed);
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

  if (!jd_rule_get_date (ctx->fields, "collective_discussion_on", &discussed))
    {
      if (is_closed)
        jd_rule_report (ctx, JD_FINDING_FAIL,
                        _("Closed on %s without a recorded collective discussion"),
                        jd_rule_date_string (&closed, a));
      else
        jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                        _("Not closed yet: discuss the decision collectively before closing"));
    }
  else if (is_closed && g_date_compare (&discussed, &closed) > 0)
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("Collective discussion on %s, after the case closed on %s"),
                    jd_rule_date_string (&discussed, a), jd_rule_date_string (&closed, b));
  else
    jd_rule_report (ctx, JD_FINDING_PASS, _("Collective discussion on %s"),
                    jd_rule_date_string (&discussed, a));
}

void
jd_rule_sup_archive (JdRuleContext *ctx)
{
  GDate closed, archived;
  int days;

  if (!jd_rule_get_date (ctx->fields, "closed_on", &closed))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The supervision case is not closed"));
      return;
    }
  if (!jd_rule_limit (ctx, "supervision_archive_days", &days))
    return;
  jd_rule_get_date (ctx->fields, "archived_on", &archived);
  jd_rule_check_deadline (ctx, _("Archiving of the supervision file"), _("closing"), &closed,
                          days, JD_PERIOD_DAYS, &archived);
}

/* Letters */

/* The letter is of @kind; reports not_applicable otherwise. */
static gboolean
letter_is (JdRuleContext *ctx,
           const char    *kind)
{
  const char *actual = jd_rule_get_string (ctx->fields, "kind");

  if (g_strcmp0 (actual, kind) == 0)
    return TRUE;
  jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                  g_str_equal (kind, "opinion")
                    ? _("Not an opinion letter")
                    : _("Not a decision letter"));
  return FALSE;
}

static gboolean
received (JdRuleContext *ctx,
          GDate         *date)
{
  if (jd_rule_get_date (ctx->fields, "received_on", date))
    return TRUE;
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                  _("The date the agency received the letter is not recorded"));
  return FALSE;
}

/* An objection is the agency's right, not its duty: without one there is nothing to check. */
void
jd_rule_sup_objection (JdRuleContext *ctx)
{
  GDate receipt, objection, reply;
  int objection_wd, reply_wd;

  if (!letter_is (ctx, "opinion"))
    return;
  if (!jd_rule_get_date (ctx->fields, "objection_on", &objection))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("The agency raised no objection to the opinion letter"));
      return;
    }
  if (!received (ctx, &receipt) || !jd_rule_limit (ctx, "objection_wd", &objection_wd) ||
      !jd_rule_limit (ctx, "objection_reply_wd", &reply_wd))
    return;

  jd_rule_check_deadline (ctx, _("Objection to the opinion letter"), _("receipt"), &receipt,
                          objection_wd, JD_PERIOD_WORKDAYS, &objection);
  jd_rule_get_date (ctx->fields, "objection_reply_on", &reply);
  jd_rule_check_deadline (ctx, _("Reply to the objection"), _("the objection"), &objection,
                          reply_wd, JD_PERIOD_WORKDAYS, &reply);
}

/* Corrected within the limit, or else escalated (通报, 约谈, a decision letter). */
void
jd_rule_sup_correct (JdRuleContext *ctx)
{
  g_autofree char *period = NULL;
  GDate receipt, due, corrected, escalated;
  gboolean is_corrected, is_escalated;
  int days;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE], c[JD_RULE_DATE_SIZE];

  if (!letter_is (ctx, "opinion") || !received (ctx, &receipt) ||
      !jd_rule_limit (ctx, "correct_days", &days))
    return;

  period = jd_rule_period_string (days, JD_PERIOD_DAYS);
  due = receipt;
  g_date_add_days (&due, days);
  is_corrected = jd_rule_get_date (ctx->fields, "corrected_on", &corrected);
  is_escalated = jd_rule_get_date (ctx->fields, "escalated_on", &escalated);

  if (is_corrected && g_date_compare (&corrected, &due) <= 0)
    jd_rule_report_due (ctx, JD_FINDING_PASS, &due,
                        _("Received on %s, corrected on %s, within %s"),
                        jd_rule_date_string (&receipt, a), jd_rule_date_string (&corrected, b),
                        period);
  else if (is_escalated)
    jd_rule_report_due (ctx, JD_FINDING_PASS, &due,
                        _("Received on %s, not corrected by %s, and escalated on %s"),
                        jd_rule_date_string (&receipt, a), jd_rule_date_string (&due, b),
                        jd_rule_date_string (&escalated, c));
  else if (is_corrected)
    jd_rule_report_due (ctx, JD_FINDING_FAIL, &due,
                        _("Received on %s, corrected only on %s, after %s, and not escalated"),
                        jd_rule_date_string (&receipt, a), jd_rule_date_string (&corrected, b),
                        jd_rule_date_string (&due, c));
  else if (g_date_compare (&ctx->as_of, &due) <= 0)
    {
      int left = g_date_days_between (&ctx->as_of, &due);

      jd_rule_report_open (ctx, JD_FINDING_PASS, &due,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Received on %s, to be corrected by %s: %d day left",
                                       "Received on %s, to be corrected by %s: %d days left",
                                       left),
                          jd_rule_date_string (&receipt, a), jd_rule_date_string (&due, b),
                          left);
    }
  else
    {
      int over = g_date_days_between (&due, &ctx->as_of);

      jd_rule_report_open (ctx, JD_FINDING_FAIL, &due,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Received on %s, not corrected by %s (%d day ago) and "
                                       "not escalated",
                                       "Received on %s, not corrected by %s (%d days ago) and "
                                       "not escalated",
                                       over),
                          jd_rule_date_string (&receipt, a), jd_rule_date_string (&due, b),
                          over);
    }
}

void
jd_rule_sup_decision_report (JdRuleContext *ctx)
{
  GDate receipt, reported;
  int days;

  if (!letter_is (ctx, "decision") || !received (ctx, &receipt) ||
      !jd_rule_limit (ctx, "decision_report_days", &days))
    return;
  jd_rule_get_date (ctx->fields, "execution_reported_on", &reported);
  jd_rule_check_deadline (ctx, _("Report on the execution of the decision letter"),
                          _("receipt"), &receipt, days, JD_PERIOD_DAYS, &reported);
}

/* Cases: the no-disturbance list (无事不扰) */

void
jd_rule_sup_no_disturb (JdRuleContext *ctx)
{
  JsonArray *parties = jd_rule_get_array (ctx->fields, "parties");
  JsonArray *listed = NULL;
  const char *trigger = jd_rule_get_string (ctx->fields, "trigger");
  const char *party = NULL;

  if (g_strcmp0 (jd_rule_get_string (ctx->fields, "action_type"), "inspection") != 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("Not an inspection"));
      return;
    }
  if (ctx->agency == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The agency %s is not on the roster: its no-disturbance list is "
                        "unknown"),
                      jd_rule_get_string (ctx->fields, "agency_id"));
      return;
    }

  listed = jd_entity_get_array (ctx->agency, "no_disturb");
  for (guint i = 0; parties != NULL && party == NULL && i < json_array_get_length (parties); i++)
    {
      JsonObject *object = json_array_get_object_element (parties, i);

      if (jd_rule_array_has (listed, jd_rule_get_string (object, "credit_code")))
        party = jd_rule_get_string (object, "name");
    }

  if (party == NULL)
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                    _("No party is on the no-disturbance list of the agency"));
  else if (trigger == NULL)
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("%s is on the no-disturbance list: record what started the inspection"),
                    party);
  else if (g_str_equal (trigger, "plan") || g_str_equal (trigger, "random"))
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_str_equal (trigger, "plan")
                      ? _("%s is on the no-disturbance list and was inspected by plan")
                      : _("%s is on the no-disturbance list and was inspected at random"),
                    party);
  else
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("%s is on the no-disturbance list, but the inspection was started by "
                      "“%s”, not by plan or at random"),
                    party, trigger);
}

/* Disputes: each recorded step comes after the one before; a missing step has no legal
 * deadline, so it asks for input rather than failing. */
void
jd_rule_sup_dispute (JdRuleContext *ctx)
{
  static const struct { const char *member; const char *label; } steps[] = {
    { "submitted_on", N_("submitted in writing") },
    { "coordinated_on", N_("coordinated") },
    { "escalated_on", N_("referred to the government") },
    { "ruled_on", N_("decided by the government") },
    { "executed_on", N_("executed") },
  };
  GDate dates[G_N_ELEMENTS (steps)];
  gboolean escalated;
  int previous = -1;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    jd_rule_get_date (ctx->fields, steps[i].member, &dates[i]);
  escalated = g_date_valid (&dates[2]) || g_date_valid (&dates[3]);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (!g_date_valid (&dates[i]))
        continue;
      if (previous >= 0 && g_date_compare (&dates[i], &dates[previous]) < 0)
        {
          jd_rule_report (ctx, JD_FINDING_FAIL, _("The dispute was %s on %s, before it was %s "
                                                  "on %s"),
                          _(steps[i].label), jd_rule_date_string (&dates[i], a),
                          _(steps[previous].label), jd_rule_date_string (&dates[previous], b));
          return;
        }
      previous = i;
    }

  previous = -1;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (!escalated && (i == 2 || i == 3))
        continue;
      if (g_date_valid (&dates[i]))
        {
          previous = i;
          continue;
        }
      if (previous < 0)
        jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                        _("Record when the dispute was submitted in writing"));
      else
        jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                        _("The dispute was %s on %s, but not yet %s"), _(steps[previous].label),
                        jd_rule_date_string (&dates[previous], a), _(steps[i].label));
      return;
    }

  jd_rule_report (ctx, JD_FINDING_PASS,
                  escalated ? _("Submitted on %s, coordinated, ruled on by the government and "
                                "executed on %s")
                            : _("Submitted on %s, coordinated and executed on %s"),
                  jd_rule_date_string (&dates[0], a), jd_rule_date_string (&dates[4], b));
}

/* Evaluations */

/* At least the limit of evaluations of the agency in each year, each scoring facts, evidence,
 * procedure and documents. The as_of year passes until its end. */
void
jd_rule_sup_evaluation (JdRuleContext *ctx)
{
  static const char * const scores[] = { "facts", "evidence", "procedure", "documents" };
  GPtrArray *evaluations = jd_rule_data_evaluations_for (ctx->data,
                                                         jd_entity_get_id (ctx->entity));
  const char *name = jd_rule_get_string (ctx->fields, "name");
  int required, first, last = g_date_get_year (&ctx->as_of);
  GDate date;

  if (!jd_rule_limit (ctx, "evaluations_per_year", &required))
    return;

  if (jd_rule_get_date (ctx->fields, "active_to", &date))
    last = MIN (last, (int) g_date_get_year (&date));
  first = last;
  if (jd_rule_get_date (ctx->fields, "active_from", &date))
    first = MIN (last, (int) g_date_get_year (&date));

  for (int year = first; year <= last; year++)
    {
      g_autoptr(GString) unscored = g_string_new (NULL);
      int complete = 0;
      GDate end;

      for (guint i = 0; i < evaluations->len; i++)
        {
          JsonObject *evaluation = jd_entity_get_fields (evaluations->pdata[i]);
          JsonObject *scored = jd_rule_get_object (evaluation, "scores");
          int evaluation_year = 0;
          gboolean full = TRUE;

          if (json_object_has_member (evaluation, "year"))
            evaluation_year = json_object_get_int_member (evaluation, "year");
          else if (jd_rule_get_date (evaluation, "date", &date))
            evaluation_year = g_date_get_year (&date);
          if (evaluation_year != year)
            continue;

          for (guint s = 0; s < G_N_ELEMENTS (scores); s++)
            full &= scored != NULL && json_object_has_member (scored, scores[s]);
          if (full)
            complete++;
          else
            append (unscored, "%s", jd_entity_get_id (evaluations->pdata[i]));
        }

      g_date_clear (&end, 1);
      g_date_set_dmy (&end, 31, G_DATE_DECEMBER, (GDateYear) year);
      if (complete >= required)
        jd_rule_report_due (ctx, JD_FINDING_PASS, &end,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %d case-file evaluation in %d, scoring facts, "
                                         "evidence, procedure and documents",
                                         "%s: %d case-file evaluations in %d, scoring facts, "
                                         "evidence, procedure and documents",
                                         complete),
                            name, complete, year);
      else if (year == last && g_date_compare (&ctx->as_of, &end) <= 0)
        jd_rule_report_open (ctx, JD_FINDING_PASS, &end,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %d of the %d case-file evaluations of %d so far, "
                                         "%d day left",
                                         "%s: %d of the %d case-file evaluations of %d so far, "
                                         "%d days left",
                                         g_date_days_between (&ctx->as_of, &end)),
                            name, complete, required, year,
                            g_date_days_between (&ctx->as_of, &end));
      else if (unscored->len > 0)
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &end,
                            _("%s: %d complete case-file evaluations in %d, %d required; "
                              "evaluation %s lacks scores for facts, evidence, procedure or "
                              "documents"),
                            name, complete, year, required, unscored->str);
      else
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &end,
                            _("%s: %d case-file evaluations in %d, %d required"), name, complete,
                            year, required);
    }
}
