#include <glib/gi18n-lib.h>

#include "jd-rules-private.h"

void
jd_rule_sup_complaint (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_reply (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_no_file (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_duration (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_two_staff (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_recusal (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_collective (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_objection (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_correct (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_decision_report (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_no_disturb (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_dispute (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_evaluation (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_sup_archive (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}
