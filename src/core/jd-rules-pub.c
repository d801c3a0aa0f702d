#include <glib/gi18n-lib.h>

#include "jd-rules-private.h"

void
jd_rule_pub_deadline (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_pub_redact (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_pub_summary (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_pub_exempt (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_pub_withdraw (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_pub_plan (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_pub_annual (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}
