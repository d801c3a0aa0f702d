#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-identity.h"
#include "jd-labels.h"
#include "jd-rules-private.h"

/* REV: the legal review of major decisions (重大执法决定法制审核), and the automated part of its 9
 * review points. */

static JsonObject *
review (JdRuleContext *ctx)
{
  return jd_rule_get_object (ctx->fields, "review");
}

static JsonObject *
decision (JdRuleContext *ctx)
{
  return jd_rule_get_object (ctx->fields, "decision");
}

/* The REV rules apply to major decisions only; says so for the others. */
static gboolean
needs_review (JdRuleContext *ctx)
{
  if (ctx->facts.major)
    return TRUE;
  jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                  _("Not a major decision: no legal review is required"));
  return FALSE;
}

static gboolean
has_review (JdRuleContext *ctx)
{
  if (review (ctx) != NULL)
    return TRUE;
  jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No legal review is recorded"));
  return FALSE;
}

static gboolean
decided (JdRuleContext *ctx)
{
  return g_date_valid (&ctx->facts.decision_date);
}

void
jd_rule_rev_required (JdRuleContext *ctx)
{
  GDate completed;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

  if (!needs_review (ctx))
    return;

  if (!jd_rule_get_date (review (ctx), "completed_on", &completed))
    {
      if (decided (ctx))
        jd_rule_report (ctx, JD_FINDING_FAIL,
                        _("Decided on %s (%s) without a completed legal review"),
                        jd_rule_date_string (&ctx->facts.decision_date, a),
                        ctx->facts.major_reasons->str);
      else
        jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                        _("A major decision (%s): complete the legal review before deciding"),
                        ctx->facts.major_reasons->str);
      return;
    }

  if (!decided (ctx))
    jd_rule_report (ctx, JD_FINDING_PASS, _("Legal review completed on %s; not decided yet"),
                    jd_rule_date_string (&completed, a));
  else if (g_date_compare (&completed, &ctx->facts.decision_date) <= 0)
    jd_rule_report (ctx, JD_FINDING_PASS, _("Legal review completed on %s, decision on %s"),
                    jd_rule_date_string (&completed, a),
                    jd_rule_date_string (&ctx->facts.decision_date, b));
  else
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("Legal review completed on %s, after the decision on %s"),
                    jd_rule_date_string (&completed, a),
                    jd_rule_date_string (&ctx->facts.decision_date, b));
}

void
jd_rule_rev_passed (JdRuleContext *ctx)
{
  const char *result;
  GDate rereviewed;
  char a[JD_RULE_DATE_SIZE];

  if (!needs_review (ctx) || !has_review (ctx))
    return;

  result = jd_rule_get_string (review (ctx), "result");
  if (result == NULL)
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("The result of the legal review is not recorded"));
  else if (!g_str_equal (result, "rejected"))
    jd_rule_report (ctx, JD_FINDING_PASS, g_str_equal (result, "approved")
                                            ? _("The legal review approved the decision")
                                            : _("The legal review approved it with changes"));
  else if (jd_rule_get_date (review (ctx), "corrected_and_rereviewed_on", &rereviewed))
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("Not approved at first; corrected and reviewed again on %s"),
                    jd_rule_date_string (&rereviewed, a));
  else if (decided (ctx))
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("Decided on %s although the legal review did not approve it"),
                    jd_rule_date_string (&ctx->facts.decision_date, a));
  else
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("The legal review did not approve it: correct it and review again "
                      "before deciding"));
}

void
jd_rule_rev_collective (JdRuleContext *ctx)
{
  GDate discussed;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

  if (!needs_review (ctx))
    return;

  if (!jd_rule_get_date (decision (ctx), "collective_discussion_on", &discussed))
    {
      if (decided (ctx))
        jd_rule_report (ctx, JD_FINDING_FAIL,
                        _("Decided on %s without a recorded collective discussion"),
                        jd_rule_date_string (&ctx->facts.decision_date, a));
      else
        jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                        _("A major decision: discuss it collectively before deciding"));
    }
  else if (decided (ctx) && g_date_compare (&discussed, &ctx->facts.decision_date) > 0)
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("Collective discussion on %s, after the decision on %s"),
                    jd_rule_date_string (&discussed, a),
                    jd_rule_date_string (&ctx->facts.decision_date, b));
  else
    jd_rule_report (ctx, JD_FINDING_PASS, _("Collective discussion on %s"),
                    jd_rule_date_string (&discussed, a));
}

void
jd_rule_rev_materials (JdRuleContext *ctx)
{
  static const struct { const char *member; const char *label; } parts[] = {
    { "case_file", N_("the full case file") },
    { "proposal", N_("the proposal with its reasons and basis") },
    { "evidence", N_("the evidence") },
  };
  JsonObject *materials;
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autoptr(GString) unknown = g_string_new (NULL);

  if (!needs_review (ctx) || !has_review (ctx))
    return;

  materials = jd_rule_get_object (review (ctx), "materials");
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      gboolean present = FALSE;
      GString *list;

      if (jd_rule_get_bool (materials, parts[i].member, &present) && present)
        continue;
      list = jd_rule_get_bool (materials, parts[i].member, &present) ? missing : unknown;
      if (list->len > 0)
        g_string_append (list, _(", "));
      g_string_append (list, _(parts[i].label));
    }

  if (missing->len > 0)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("The review submission lacks %s"), missing->str);
  else if (unknown->len > 0)
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("Record whether the review submission holds %s"), unknown->str);
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("The submission holds the case file, the proposal and the evidence"));
}

void
jd_rule_rev_lead_time (JdRuleContext *ctx)
{
  GDate deadline, submitted, due;
  int lead;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE], c[JD_RULE_DATE_SIZE];

  if (!needs_review (ctx))
    return;
  if (!jd_rule_get_date (decision (ctx), "statutory_deadline", &deadline))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No statutory time limit is recorded"));
      return;
    }
  if (!jd_rule_limit (ctx, "review_lead_time_wd", &lead) ||
      !jd_rule_due_date (ctx, &deadline, -lead, JD_PERIOD_WORKDAYS, &due))
    return;

  if (jd_rule_get_date (review (ctx), "submitted_on", &submitted))
    {
      if (g_date_compare (&submitted, &due) <= 0)
        jd_rule_report_due (ctx, JD_FINDING_PASS, &due,
                            _("Submitted for review on %s, by %s: %d working days before the "
                              "statutory limit of %s"),
                            jd_rule_date_string (&submitted, a), jd_rule_date_string (&due, b),
                            lead, jd_rule_date_string (&deadline, c));
      else
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &due,
                            _("Submitted for review on %s, later than %s: less than %d working "
                              "days before the statutory limit of %s"),
                            jd_rule_date_string (&submitted, a), jd_rule_date_string (&due, b),
                            lead, jd_rule_date_string (&deadline, c));
    }
  else if (g_date_compare (&ctx->as_of, &due) <= 0)
    jd_rule_report_open (ctx, JD_FINDING_PASS, &due,
                        _("Submit for review by %s, %d working days before the statutory limit "
                          "of %s"),
                        jd_rule_date_string (&due, b), lead, jd_rule_date_string (&deadline, c));
  else
    jd_rule_report_open (ctx, JD_FINDING_FAIL, &due,
                        _("Not submitted for review by %s, %d working days before the statutory "
                          "limit of %s"),
                        jd_rule_date_string (&due, b), lead, jd_rule_date_string (&deadline, c));
}

void
jd_rule_rev_duration (JdRuleContext *ctx)
{
  GDate submitted, completed;
  int limit;

  if (!needs_review (ctx) || !has_review (ctx))
    return;
  if (!jd_rule_get_date (review (ctx), "submitted_on", &submitted))
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("The date of the review submission is not "
                                                     "recorded"));
      return;
    }
  if (!jd_rule_limit (ctx, "review_duration_wd", &limit))
    return;
  jd_rule_get_date (review (ctx), "completed_on", &completed);
  jd_rule_check_deadline (ctx, _("Written review opinion"), _("submission"), &submitted, limit,
                          JD_PERIOD_WORKDAYS, &completed);
}

/* The reviewer's item for point @point, or NULL. */
static JsonObject *
review_item (JdRuleContext *ctx,
             int            point)
{
  JsonArray *items = jd_rule_get_array (review (ctx), "items");

  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (item != NULL && json_object_has_member (item, "point") &&
          json_object_get_int_member (item, "point") == point)
        return item;
    }
  return NULL;
}

void
jd_rule_rev_itemwise (JdRuleContext *ctx)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  GDate completed;

  if (!needs_review (ctx) || !has_review (ctx))
    return;
  if (!jd_rule_get_date (review (ctx), "completed_on", &completed))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The legal review is not completed yet"));
      return;
    }

  for (int point = 1; point <= 9; point++)
    {
      JsonObject *item = review_item (ctx, point);
      const char *opinion = jd_rule_get_string (item, "opinion");

      if (item != NULL && jd_rule_get_string (item, "verdict") != NULL &&
          (opinion != NULL && *opinion != '\0'))
        continue;
      g_string_append_printf (missing, "%s%d", missing->len > 0 ? _(", ") : "", point);
    }

  if (missing->len > 0)
    jd_rule_report (ctx, JD_FINDING_FAIL,
                    _("The review opinion does not answer review points %s with a verdict "
                      "and an opinion"),
                    missing->str);
  else
    jd_rule_report (ctx, JD_FINDING_PASS, _("The review opinion answers all 9 review points"));
}

void
jd_rule_rev_copies (JdRuleContext *ctx)
{
  JsonObject *copies;
  gboolean in_file = FALSE, archived = FALSE;
  gboolean file_known, archive_known;
  GDate completed;

  if (!needs_review (ctx) || !has_review (ctx))
    return;
  if (!jd_rule_get_date (review (ctx), "completed_on", &completed))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The legal review is not completed yet"));
      return;
    }

  copies = jd_rule_get_object (review (ctx), "copies");
  file_known = jd_rule_get_bool (copies, "case_file", &in_file);
  archive_known = jd_rule_get_bool (copies, "archived", &archived);
  if (in_file && archived)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("Two copies: one in the case file, one archived by the legal unit"));
  else if ((file_known && !in_file) || (archive_known && !archived))
    jd_rule_report (ctx, JD_FINDING_FAIL, !in_file && file_known
                                            ? _("No copy of the review opinion in the case file")
                                            : _("No copy of the review opinion archived by the "
                                                "legal unit"));
  else
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("Record where the two copies of the review opinion are kept"));
}

void
jd_rule_rev_dispute (JdRuleContext *ctx)
{
  const char *result;
  GDate completed, rereviewed, discussed;
  char a[JD_RULE_DATE_SIZE];

  if (!needs_review (ctx) || !has_review (ctx))
    return;

  result = jd_rule_get_string (review (ctx), "result");
  if (result == NULL || g_str_equal (result, "approved"))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("The legal review raised no objection to settle"));
      return;
    }

  if (jd_rule_get_date (review (ctx), "corrected_and_rereviewed_on", &rereviewed))
    jd_rule_report (ctx, JD_FINDING_PASS, _("The case unit followed the review: corrected and "
                                            "reviewed again on %s"),
                    jd_rule_date_string (&rereviewed, a));
  else if (jd_rule_get_date (review (ctx), "completed_on", &completed) &&
           jd_rule_get_date (decision (ctx), "collective_discussion_on", &discussed) &&
           g_date_compare (&discussed, &completed) >= 0)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("The objections of the review were decided in a collective discussion "
                      "on %s"),
                    jd_rule_date_string (&discussed, a));
  else
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("Record whether the case unit accepted the review's objections, or how "
                      "the disagreement was settled"));
}

/* The review points. Each has an automated part that can fail; the reviewer's verdict, once
 * given, decides the rest. */

static gboolean
needs_points (JdRuleContext *ctx)
{
  if (ctx->facts.major || review (ctx) != NULL)
    return TRUE;
  jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                  _("Not a major decision: no legal review is required"));
  return FALSE;
}

/* Reports point @point: a failure of the automated part in @problems wins; then the reviewer's
 * verdict; then @facts as a pass, or as needs_input for a point of judgement. */
static void
report_point (JdRuleContext *ctx,
              int            point,
              GString       *problems,
              GString       *facts,
              gboolean       judgement)
{
  JsonObject *item = review_item (ctx, point);
  const char *verdict = jd_rule_get_string (item, "verdict");
  const char *opinion = jd_rule_get_string (item, "opinion");

  if (problems->len > 0)
    jd_rule_report (ctx, JD_FINDING_FAIL, "%s", problems->str);
  else if (verdict != NULL && g_str_equal (verdict, "fail"))
    jd_rule_report (ctx, JD_FINDING_FAIL, _("The reviewer found it does not comply: %s"),
                    opinion != NULL ? opinion : "");
  else if (verdict != NULL && g_str_equal (verdict, "not_applicable"))
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The reviewer found it not applicable: %s"),
                    opinion != NULL ? opinion : "");
  else if (verdict != NULL)
    jd_rule_report (ctx, JD_FINDING_PASS, _("%s. The reviewer found it complies: %s"), facts->str,
                    opinion != NULL ? opinion : "");
  else if (judgement)
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("%s. The reviewer's judgement is needed"),
                    facts->str);
  else
    jd_rule_report (ctx, JD_FINDING_PASS, "%s", facts->str);
}

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
    g_string_append (string, _("; "));
  va_start (args, format);
  g_string_append_vprintf (string, format, args);
  va_end (args);
}

/* A document number (文号) as GB/T 9704 writes it: issuer code, 〔year〕, sequence, 号. */
static gboolean
number_is_well_formed (const char *number)
{
  const char *open = strstr (number, "〔");
  const char *close;
  const char *p;

  if (open == NULL || open == number)
    return FALSE;
  p = open + strlen ("〔");
  for (int i = 0; i < 4; i++, p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  close = p;
  if (!g_str_has_prefix (close, "〕"))
    return FALSE;
  p = close + strlen ("〕");
  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return g_str_equal (p, "号");
}

void
jd_rule_rev_p1_materials (JdRuleContext *ctx)
{
  const char *action = jd_rule_get_string (ctx->fields, "action_type");
  const char * const *required;
  JsonArray *documents = jd_rule_get_array (ctx->fields, "documents");
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  guint n_documents = documents != NULL ? json_array_get_length (documents) : 0;

  if (!needs_points (ctx))
    return;

  required = action != NULL ? jd_profile_get_list (ctx->profile, "documents", action) : NULL;
  if (required == NULL)
    append (problems, _("The profile lists no required documents for “%s”"),
            action != NULL ? action : "?");

  for (guint r = 0; required != NULL && required[r] != NULL; r++)
    {
      g_auto(GStrv) choices = g_strsplit (required[r], "|", -1);
      gboolean found = FALSE;

      for (guint i = 0; i < n_documents && !found; i++)
        {
          const char *kind = jd_rule_get_string (json_array_get_object_element (documents, i),
                                                 "kind");

          found = kind != NULL && g_strv_contains ((const char * const *) choices, kind);
        }
      if (!found)
        append (problems, _("Missing document: %s"), choices[0]);
    }

  for (guint i = 0; i < n_documents; i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      const char *number = jd_rule_get_string (document, "number");

      if (number != NULL && !number_is_well_formed (number))
        append (problems, _("Malformed document number “%s” of %s"), number,
                jd_rule_get_string (document, "kind"));
    }

  append (facts, g_dngettext (GETTEXT_PACKAGE, "%u document, the required ones present",
                              "%u documents, the required ones present", n_documents),
          n_documents);
  report_point (ctx, 1, problems, facts, FALSE);
}

static gboolean
date_in_range (const GDate *date,
               JsonObject  *object,
               const char  *from_member,
               const char  *to_member)
{
  GDate from, to;

  if (jd_rule_get_date (object, from_member, &from) && g_date_compare (date, &from) < 0)
    return FALSE;
  if (jd_rule_get_date (object, to_member, &to) && g_date_compare (date, &to) > 0)
    return FALSE;
  return TRUE;
}

static gboolean
has_power (JsonObject *agency,
           const char *power)
{
  JsonArray *powers = jd_rule_get_array (agency, "powers");

  for (guint i = 0; powers != NULL && i < json_array_get_length (powers); i++)
    if (g_strcmp0 (jd_rule_get_string (json_array_get_object_element (powers, i), "code"),
                   power) == 0)
      return TRUE;
  return FALSE;
}

void
jd_rule_rev_p2_authority (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  JsonObject *agency;
  const char *power = jd_rule_get_string (ctx->fields, "power_code");
  const char *name;
  JsonObject *entrustment;
  GDate when;
  char a[JD_RULE_DATE_SIZE];

  if (!needs_points (ctx))
    return;
  if (ctx->agency == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_FAIL, _("The agency %s is not a registered enforcement "
                                              "body"),
                      jd_rule_get_string (ctx->fields, "agency_id"));
      return;
    }

  agency = jd_entity_get_fields (ctx->agency);
  name = jd_rule_get_string (agency, "name");
  when = ctx->facts.decision_date;
  if (!g_date_valid (&when))
    when = ctx->as_of;

  if (!date_in_range (&when, agency, "active_from", "active_to"))
    append (problems, _("%s was not active as an enforcement body on %s"), name,
            jd_rule_date_string (&when, a));
  if (power == NULL)
    append (problems, _("The case names no power from the power list"));
  else if (!has_power (agency, power))
    append (problems, _("Power %s is not on the power list of %s"), power, name);

  entrustment = jd_rule_get_object (agency, "entrustment");
  if (g_strcmp0 (jd_rule_get_string (agency, "kind"), "entrusted") == 0)
    {
      if (entrustment == NULL)
        append (problems, _("%s acts by entrustment, but no entrustment is recorded"), name);
      else if (power != NULL && !jd_rule_array_has (jd_rule_get_array (entrustment, "scope"),
                                                    power))
        append (problems, _("The entrustment of %s does not cover power %s"), name, power);
      else if (!date_in_range (&when, entrustment, "valid_from", "valid_to"))
        append (problems, _("The entrustment of %s is not in force on %s"), name,
                jd_rule_date_string (&when, a));
    }

  append (facts, _("%s, power %s, on %s"), name, power != NULL ? power : "?",
          jd_rule_date_string (&when, a));
  report_point (ctx, 2, problems, facts, FALSE);
}

/* The certificate of @officer valid on @date, or why there is none. */
static gboolean
certificate_valid_on (JsonObject  *officer,
                      const GDate *date,
                      GString     *why)
{
  JsonArray *certificates = jd_rule_get_array (officer, "certificates");
  char a[JD_RULE_DATE_SIZE];

  if (certificates == NULL || json_array_get_length (certificates) == 0)
    {
      g_string_assign (why, _("holds no enforcement certificate"));
      return FALSE;
    }
  g_string_truncate (why, 0);
  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *certificate = json_array_get_object_element (certificates, i);
      const char *status = jd_rule_get_string (certificate, "status");
      const char *number = jd_rule_get_string (certificate, "number");
      GDate since;

      if (!date_in_range (date, certificate, "valid_from", "valid_to"))
        {
          g_string_printf (why, _("certificate %s is not valid on %s (%s to %s)"),
                           number, jd_rule_date_string (date, a),
                           jd_rule_get_string (certificate, "valid_from"),
                           jd_rule_get_string (certificate, "valid_to"));
          continue;
        }
      if (status != NULL && !g_str_equal (status, "valid") &&
          (!jd_rule_get_date (certificate, "status_since", &since) ||
           g_date_compare (&since, date) <= 0))
        {
          g_string_printf (why, g_str_equal (status, "suspended")
                                  ? _("certificate %s is suspended")
                                  : _("certificate %s is revoked"),
                           number);
          continue;
        }
      return TRUE;
    }
  return FALSE;
}

void
jd_rule_rev_p3_officers (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autoptr(GString) why = g_string_new (NULL);
  JsonArray *stages = jd_rule_get_array (ctx->fields, "stages");
  JsonArray *case_officers = jd_rule_get_array (ctx->fields, "officers");
  guint n_checked = 0;
  char a[JD_RULE_DATE_SIZE];

  if (!needs_points (ctx))
    return;

  for (guint s = 0; stages != NULL && s < json_array_get_length (stages); s++)
    {
      JsonObject *stage = json_array_get_object_element (stages, s);
      const char *code = jd_rule_get_string (stage, "stage");
      JsonArray *officers = jd_rule_get_array (stage, "officers");
      guint certified = 0, auxiliaries = 0;
      GDate date;

      if (officers == NULL)
        officers = case_officers;
      if (officers == NULL || !jd_rule_get_date (stage, "date", &date))
        continue;

      for (guint o = 0; o < json_array_get_length (officers); o++)
        {
          const char *id = json_array_get_string_element (officers, o);
          JdEntity *officer = jd_rule_data_get (ctx->data, JD_COLLECTION_OFFICERS, id);
          JsonObject *fields = officer != NULL ? jd_entity_get_fields (officer) : NULL;

          n_checked++;
          if (fields == NULL)
            append (problems, _("Officer %s is not on the roster"), id);
          else if (g_strcmp0 (jd_rule_get_string (fields, "role"), "auxiliary") == 0)
            auxiliaries++;
          else if (certificate_valid_on (fields, &date, why))
            certified++;
          else
            append (problems, _("%s acted at %s on %s, but %s"),
                    jd_rule_get_string (fields, "name"), jd_label_stage (code),
                    jd_rule_date_string (&date, a), why->str);
        }

      if ((g_strcmp0 (code, "investigation") == 0 || g_strcmp0 (code, "onsite_check") == 0) &&
          certified < 2)
        append (problems, _("Only %u certified officer(s) at %s on %s; at least 2 are required"),
                certified, jd_label_stage (code), jd_rule_date_string (&date, a));
      if (auxiliaries > 0 && certified == 0)
        append (problems, _("Auxiliary staff acted alone at %s on %s"), jd_label_stage (code),
                jd_rule_date_string (&date, a));
    }

  if (n_checked == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("No officer is recorded on any stage"));
      return;
    }
  append (facts, _("%u officer acts checked against their certificates"), n_checked);
  report_point (ctx, 3, problems, facts, FALSE);
}

void
jd_rule_rev_p4_subject (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  JsonArray *parties = jd_rule_get_array (ctx->fields, "parties");

  if (!needs_points (ctx))
    return;
  if (parties == NULL || json_array_get_length (parties) == 0)
    {
      jd_rule_report (ctx, JD_FINDING_FAIL, _("No party is recorded"));
      return;
    }

  for (guint i = 0; i < json_array_get_length (parties); i++)
    {
      JsonObject *party = json_array_get_object_element (parties, i);
      const char *name = jd_rule_get_string (party, "name");
      const char *kind = jd_rule_get_string (party, "kind");

      if (name == NULL || *name == '\0')
        {
          append (problems, _("Party %u has no name"), i + 1);
          continue;
        }
      if (g_strcmp0 (kind, "person") == 0)
        {
          const char *id = jd_rule_get_string (party, "id_number");

          if (id == NULL)
            append (problems, _("%s: no resident ID number"), name);
          else if (!jd_resident_id_is_valid (id, NULL))
            append (problems, _("%s: resident ID number %s is not valid"), name, id);
        }
      else if (g_strcmp0 (kind, "organisation") == 0)
        {
          const char *code = jd_rule_get_string (party, "credit_code");

          if (code == NULL)
            append (problems, _("%s: no unified social credit code"), name);
          else if (!jd_credit_code_is_valid (code))
            append (problems, _("%s: unified social credit code %s is not valid"), name, code);
        }
      else
        append (problems, _("%s: not recorded as a person or an organisation"), name);
      append (facts, "%s", name);
    }
  g_string_prepend (facts, _("Parties identified: "));
  report_point (ctx, 4, problems, facts, FALSE);
}

void
jd_rule_rev_p5_facts (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  const char *stated = jd_rule_get_string (ctx->fields, "facts");
  JsonArray *evidence = jd_rule_get_array (ctx->fields, "evidence");
  guint n_evidence = evidence != NULL ? json_array_get_length (evidence) : 0;

  if (!needs_points (ctx))
    return;

  if (stated == NULL || *stated == '\0')
    append (problems, _("The facts are not stated"));
  if (n_evidence == 0)
    append (problems, _("No evidence is listed"));
  for (guint i = 0; i < n_evidence; i++)
    {
      JsonObject *item = json_array_get_object_element (evidence, i);
      const char *fact = jd_rule_get_string (item, "fact");

      if (fact == NULL || *fact == '\0')
        append (problems, _("Evidence “%s” proves no stated fact"),
                jd_rule_get_string (item, "description"));
    }

  append (facts, g_dngettext (GETTEXT_PACKAGE, "Facts stated, %u evidence item listed",
                              "Facts stated, %u evidence items listed", n_evidence),
          n_evidence);
  report_point (ctx, 5, problems, facts, TRUE);
}

/* The legal order of the stages: each before the next when both happened. */
static const char * const stage_order[] = {
  "intake", "receipt", "filing", "acceptance", "onsite_check", "assessment", "investigation",
  "consultation", "notice", "hearing", "legal_review", "decision", "demand", "service",
  "lodged_service", "public_service", "execution", "compensation", "recheck", "closure", NULL
};

void
jd_rule_rev_p6_procedure (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  JsonObject *d = decision (ctx);
  const GDate *previous = NULL;
  const char *previous_code = NULL;
  gboolean offered = FALSE;
  double threshold = 0;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];
  guint n_stages = 0;

  if (!needs_points (ctx))
    return;

  for (guint i = 0; stage_order[i] != NULL; i++)
    {
      int index = jd_stage_index (stage_order[i]);
      const GDate *date;

      if (index < 0 || !g_date_valid (&ctx->facts.stage_dates[index]))
        continue;
      date = &ctx->facts.stage_dates[index];
      n_stages++;
      if (previous != NULL && g_date_compare (date, previous) < 0)
        append (problems, _("%s on %s comes before %s on %s"), jd_label_stage (stage_order[i]),
                jd_rule_date_string (date, a), jd_label_stage (previous_code),
                jd_rule_date_string (previous, b));
      previous = date;
      previous_code = stage_order[i];
    }

  /* A hearing is owed for a large fine, a revoked or suspended licence, or an order to stop
   * business (行政处罚法 第六十三条). */
  if (g_strcmp0 (jd_rule_get_string (ctx->fields, "action_type"), "penalty") == 0 && d != NULL)
    {
      JsonArray *measures = jd_rule_get_array (d, "measures");
      const char *party_kind = NULL;
      JsonArray *parties = jd_rule_get_array (ctx->fields, "parties");
      gboolean owed;

      if (parties != NULL && json_array_get_length (parties) > 0)
        party_kind = jd_rule_get_string (json_array_get_object_element (parties, 0), "kind");
      owed = jd_rule_array_has (measures, "revoke_licence") ||
             jd_rule_array_has (measures, "suspend_licence") ||
             jd_rule_array_has (measures, "stop_production") ||
             (json_object_has_member (d, "fine") &&
              jd_profile_get_large_fine (ctx->profile,
                                         ctx->agency != NULL
                                           ? jd_entity_get_string (ctx->agency, "kind") : NULL,
                                         party_kind, &threshold) &&
              json_object_get_double_member (d, "fine") >= threshold);
      if (owed && !(jd_rule_get_bool (d, "hearing_offered", &offered) && offered))
        append (problems, _("The decision entitles the party to a hearing, but none was "
                            "offered"));
    }

  append (facts, g_dngettext (GETTEXT_PACKAGE, "%u stage in legal order",
                              "%u stages in legal order", n_stages),
          n_stages);
  report_point (ctx, 6, problems, facts, FALSE);
}

/* 《name》 followed by 第…条. */
static gboolean
cites_article (const char *basis)
{
  const char *close;

  if (basis == NULL || strstr (basis, "《") == NULL ||
      (close = strstr (basis, "》")) == NULL)
    return FALSE;
  close = strstr (close, "第");
  return close != NULL && strstr (close, "条") != NULL;
}

void
jd_rule_rev_p7_law (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  JsonObject *basis = jd_rule_get_object (ctx->fields, "legal_basis");
  const char *violation = jd_rule_get_string (basis, "violation");
  const char *penalty = jd_rule_get_string (basis, "penalty");
  gboolean is_penalty = g_strcmp0 (jd_rule_get_string (ctx->fields, "action_type"),
                                   "penalty") == 0;

  if (!needs_points (ctx))
    return;

  if (is_penalty && !cites_article (violation))
    append (problems, _("The basis of the violation does not cite 《law》 and 第N条: “%s”"),
            violation != NULL ? violation : "");
  if (!cites_article (penalty))
    append (problems, _("The basis of the decision does not cite 《law》 and 第N条: “%s”"),
            penalty != NULL ? penalty : "");

  append (facts, _("Basis: %s"), penalty != NULL ? penalty : "?");
  report_point (ctx, 7, problems, facts, FALSE);
}

void
jd_rule_rev_p8_discretion (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);
  JsonObject *d = decision (ctx);
  const char *content = jd_rule_get_string (d, "content");
  const char *power = jd_rule_get_string (ctx->fields, "power_code");

  if (!needs_points (ctx))
    return;

  if (content == NULL || *content == '\0')
    append (problems, _("The proposal or decision content is not stated"));

  if (d != NULL && json_object_has_member (d, "fine"))
    {
      double fine = json_object_get_double_member (d, "fine");
      JsonArray *benchmarks = ctx->agency != NULL
                                ? jd_entity_get_array (ctx->agency, "discretion") : NULL;
      JsonObject *benchmark = NULL;

      for (guint i = 0; benchmarks != NULL && i < json_array_get_length (benchmarks); i++)
        if (g_strcmp0 (jd_rule_get_string (json_array_get_object_element (benchmarks, i),
                                           "power_code"), power) == 0)
          benchmark = json_array_get_object_element (benchmarks, i);

      if (benchmark == NULL)
        append (facts, _("A fine of %.0f yuan; no discretion benchmark for power %s"), fine,
                power != NULL ? power : "?");
      else
        {
          double min = json_object_get_double_member_with_default (benchmark, "fine_min", 0);
          double max = json_object_get_double_member_with_default (benchmark, "fine_max", fine);

          if (fine < min || fine > max)
            append (problems, _("A fine of %.0f yuan lies outside the benchmark of %.0f to "
                                "%.0f yuan"),
                    fine, min, max);
          else
            append (facts, _("A fine of %.0f yuan within the benchmark of %.0f to %.0f yuan"),
                    fine, min, max);
        }
    }
  if (facts->len == 0)
    append (facts, _("Proposal: %s"), content != NULL ? content : "");
  report_point (ctx, 8, problems, facts, TRUE);
}

void
jd_rule_rev_p9_other (JdRuleContext *ctx)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GString) facts = g_string_new (NULL);

  if (!needs_points (ctx))
    return;
  append (facts, _("Other matters"));
  report_point (ctx, 9, problems, facts, TRUE);
}
