#include <glib/gi18n-lib.h>

#include "jd-labels.h"
#include "jd-rules-private.h"

/* MAJ: is this a major enforcement decision (重大行政执法决定)? Each rule is a classifier: it
 * reports pass with the reason when it makes the decision major, not_applicable when it does
 * not, and needs_input when the data cannot tell. The REV rules then apply to major decisions. */

typedef enum
{
  MAJOR,
  NOT_MAJOR,
  UNKNOWN,
} Verdict;

typedef Verdict (*Decider) (JdRuleContext *ctx,
                            const char    *rule_id,
                            GString       *why);

static gboolean
is_action (JdRuleContext *ctx,
           const char    *action_type)
{
  return g_strcmp0 (jd_rule_get_string (ctx->fields, "action_type"), action_type) == 0;
}

static JsonObject *
decision (JdRuleContext *ctx)
{
  return jd_rule_get_object (ctx->fields, "decision");
}

/* A measure of the decision that the profile lists for @rule_id, or NULL. */
static const char *
listed_measure (JdRuleContext *ctx,
                const char    *rule_id)
{
  const char * const *listed = jd_profile_get_list (ctx->profile, "major_measures", rule_id);
  JsonArray *measures = jd_rule_get_array (decision (ctx), "measures");

  for (guint i = 0; listed != NULL && listed[i] != NULL; i++)
    if (jd_rule_array_has (measures, listed[i]))
      return listed[i];
  return NULL;
}

static gboolean
declared_major (JdRuleContext *ctx)
{
  gboolean declared = FALSE;

  return jd_rule_get_bool (decision (ctx), "declared_major", &declared) && declared;
}

/* The articles on licences, penalties, coercion and expropriation list measures, and end with
 * "other decisions the agency deems major". */
static Verdict
decide_by_measures (JdRuleContext *ctx,
                    const char    *rule_id,
                    const char    *action_type,
                    GString       *why)
{
  const char *measure;

  if (!is_action (ctx, action_type))
    {
      g_string_printf (why, _("Not a decision of this kind (%s)"),
                       jd_label_action_type (jd_rule_get_string (ctx->fields, "action_type")));
      return NOT_MAJOR;
    }
  if (decision (ctx) == NULL)
    {
      g_string_assign (why, _("No decision or proposed measures are recorded yet"));
      return UNKNOWN;
    }
  measure = listed_measure (ctx, rule_id);
  if (measure != NULL)
    {
      g_string_printf (why, _("The decision orders %s"), jd_label_measure (measure));
      return MAJOR;
    }
  if (declared_major (ctx))
    {
      g_string_assign (why, _("The agency declared the decision major"));
      return MAJOR;
    }
  g_string_assign (why, _("None of the measures of the article is ordered"));
  return NOT_MAJOR;
}

static Verdict
decide_license (JdRuleContext *ctx,
                const char    *rule_id,
                GString       *why)
{
  return decide_by_measures (ctx, rule_id, "licence", why);
}

static Verdict
decide_coercion (JdRuleContext *ctx,
                 const char    *rule_id,
                 GString       *why)
{
  return decide_by_measures (ctx, rule_id, "coercion", why);
}

static Verdict
decide_expropriation (JdRuleContext *ctx,
                      const char    *rule_id,
                      GString       *why)
{
  return decide_by_measures (ctx, rule_id, "expropriation", why);
}

static const char *
first_party_kind (JdRuleContext *ctx)
{
  JsonArray *parties = jd_rule_get_array (ctx->fields, "parties");

  if (parties == NULL || json_array_get_length (parties) == 0)
    return NULL;
  return jd_rule_get_string (json_array_get_object_element (parties, 0), "kind");
}

/* 第六条 (三): a complex case, or a large fine, decided after a hearing. */
static Verdict
decide_penalty (JdRuleContext *ctx,
                const char    *rule_id,
                GString       *why)
{
  Verdict verdict = decide_by_measures (ctx, rule_id, "penalty", why);
  JsonObject *d = decision (ctx);
  gboolean complex = FALSE, hearing = FALSE, hearing_known;
  gboolean large = FALSE;
  double threshold = 0;

  if (verdict != NOT_MAJOR || !is_action (ctx, "penalty"))
    return verdict;

  jd_rule_get_bool (d, "complex", &complex);
  if (json_object_has_member (d, "fine") &&
      jd_profile_get_large_fine (ctx->profile,
                                 ctx->agency ? jd_entity_get_string (ctx->agency, "kind") : NULL,
                                 first_party_kind (ctx), &threshold))
    large = json_object_get_double_member (d, "fine") >= threshold;

  if (!complex && !large)
    return NOT_MAJOR;

  hearing_known = jd_rule_get_bool (d, "hearing_held", &hearing);
  if (!hearing_known)
    {
      g_string_assign (why, complex ? _("A complex case: record whether a hearing was held")
                                    : _("A large fine: record whether a hearing was held"));
      return UNKNOWN;
    }
  if (!hearing)
    {
      g_string_assign (why, _("Complex or a large fine, but decided without a hearing"));
      return NOT_MAJOR;
    }
  if (large)
    g_string_printf (why, _("A fine of %.0f yuan (large from %.0f) after a hearing"),
                     json_object_get_double_member (d, "fine"), threshold);
  else
    g_string_assign (why, _("A complex case decided after a hearing"));
  return MAJOR;
}

static Verdict
decide_transfer (JdRuleContext *ctx,
                 const char    *rule_id,
                 GString       *why)
{
  const char *measure = listed_measure (ctx, rule_id);

  if (measure == NULL)
    {
      g_string_assign (why, _("No transfer to the police or the supervisory commission"));
      return NOT_MAJOR;
    }
  g_string_printf (why, _("The decision orders %s"), jd_label_measure (measure));
  return MAJOR;
}

static Verdict
decide_catalogue (JdRuleContext *ctx,
                  const char    *rule_id,
                  GString       *why)
{
  const char *power = jd_rule_get_string (ctx->fields, "power_code");
  JsonObject *catalogue;
  const char *action = jd_rule_get_string (ctx->fields, "action_type");
  static const char * const own_article[] = {
    "licence", "penalty", "coercion", "expropriation", NULL
  };

  /* 第十条: confirmations, benefits, fees, adjudications and awards are major as the agency
   * decides. */
  if (declared_major (ctx) && (action == NULL || !g_strv_contains (own_article, action)))
    {
      g_string_assign (why, _("The agency declared the decision major"));
      return MAJOR;
    }
  if (ctx->agency == NULL)
    {
      g_string_assign (why, _("The case's agency is not known"));
      return UNKNOWN;
    }
  catalogue = jd_rule_get_object (jd_entity_get_fields (ctx->agency), "major_catalogue");
  if (catalogue == NULL)
    {
      g_string_printf (why, _("%s has no major-decision catalogue"),
                       jd_entity_get_string (ctx->agency, "name"));
      return NOT_MAJOR;
    }
  if (power == NULL)
    {
      g_string_assign (why, _("The case names no power code to look up in the catalogue"));
      return UNKNOWN;
    }
  if (jd_rule_array_has (jd_rule_get_array (catalogue, "power_codes"), power))
    {
      g_string_printf (why, _("Power %s is on the major-decision catalogue of %s"), power,
                       jd_entity_get_string (ctx->agency, "name"));
      return MAJOR;
    }
  g_string_printf (why, _("Power %s is not on the major-decision catalogue"), power);
  return NOT_MAJOR;
}

/* 002 第十四条 */
static Verdict
decide_weihai (JdRuleContext *ctx,
               const char    *rule_id,
               GString       *why)
{
  JsonObject *d = decision (ctx);
  gboolean flag = FALSE;
  const char *procedure = jd_rule_get_string (ctx->fields, "procedure");

  if (is_action (ctx, "penalty") && procedure == NULL)
    {
      g_string_assign (why, _("A penalty whose procedure (general or simple) is not recorded"));
      return UNKNOWN;
    }
  if (is_action (ctx, "penalty") && g_str_equal (procedure, "general"))
    {
      g_string_assign (why, _("A penalty under the general procedure"));
      return MAJOR;
    }
  if (jd_rule_get_bool (d, "hearing_held", &flag) && flag)
    {
      g_string_assign (why, _("Decided after a hearing"));
      return MAJOR;
    }
  if (jd_rule_get_bool (d, "complex", &flag) && flag)
    {
      g_string_assign (why, _("A complex case with several legal relations"));
      return MAJOR;
    }
  if (declared_major (ctx))
    {
      g_string_assign (why, _("Declared of major public interest, impact or rights"));
      return MAJOR;
    }
  g_string_assign (why, _("None of the cases of the article applies"));
  return NOT_MAJOR;
}

typedef struct
{
  const char *rule_id;
  Decider     decide;
} MajorRule;

static const MajorRule major_rules[] = {
  { "MAJ-LICENSE", decide_license },
  { "MAJ-PENALTY", decide_penalty },
  { "MAJ-COERCION", decide_coercion },
  { "MAJ-EXPROPRIATION", decide_expropriation },
  { "MAJ-TRANSFER", decide_transfer },
  { "MAJ-CATALOGUE", decide_catalogue },
  { "MAJ-WEIHAI", decide_weihai },
};

void
jd_rules_maj_decide (JdRuleContext *ctx)
{
  G_STATIC_ASSERT (G_N_ELEMENTS (major_rules) <= G_N_ELEMENTS (ctx->facts.maj_verdicts));

  for (guint i = 0; i < G_N_ELEMENTS (major_rules); i++)
    {
      GString *why;

      ctx->facts.maj_verdicts[i] = -1;
      if (!jd_profile_has_rule (ctx->profile, major_rules[i].rule_id))
        continue;
      if (ctx->facts.maj_reasons[i] == NULL)
        ctx->facts.maj_reasons[i] = g_string_new (NULL);
      why = ctx->facts.maj_reasons[i];
      g_string_truncate (why, 0);
      ctx->facts.maj_verdicts[i] = major_rules[i].decide (ctx, major_rules[i].rule_id, why);
      if (ctx->facts.maj_verdicts[i] == MAJOR)
        {
          if (ctx->facts.major_reasons->len > 0)
            g_string_append (ctx->facts.major_reasons, _("; "));
          g_string_append (ctx->facts.major_reasons, why->str);
          ctx->facts.major = TRUE;
        }
    }
}

/* Reports the verdict jd_rules_maj_decide() made for the running rule. */
static void
report (JdRuleContext *ctx,
        Decider        decide)
{
  for (guint i = 0; i < G_N_ELEMENTS (major_rules); i++)
    {
      const char *why;

      if (major_rules[i].decide != decide)
        continue;
      why = ctx->facts.maj_reasons[i] != NULL ? ctx->facts.maj_reasons[i]->str : "";
      switch (ctx->facts.maj_verdicts[i])
        {
        case MAJOR:
          jd_rule_report (ctx, JD_FINDING_PASS, _("Major decision: %s"), why);
          return;
        case UNKNOWN:
          jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "%s", why);
          return;
        case NOT_MAJOR:
          jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("Not major under this article: %s"),
                          why);
          return;
        default:
          break;
        }
    }
  /* Only the rules of the profile run, and jd_rules_maj_decide() decided each of them. */
  g_assert_not_reached ();
}

void
jd_rule_maj_license (JdRuleContext *ctx)
{
  report (ctx, decide_license);
}

void
jd_rule_maj_penalty (JdRuleContext *ctx)
{
  report (ctx, decide_penalty);
}

void
jd_rule_maj_coercion (JdRuleContext *ctx)
{
  report (ctx, decide_coercion);
}

void
jd_rule_maj_expropriation (JdRuleContext *ctx)
{
  report (ctx, decide_expropriation);
}

void
jd_rule_maj_transfer (JdRuleContext *ctx)
{
  report (ctx, decide_transfer);
}

void
jd_rule_maj_catalogue (JdRuleContext *ctx)
{
  report (ctx, decide_catalogue);
}

void
jd_rule_maj_weihai (JdRuleContext *ctx)
{
  report (ctx, decide_weihai);
}
