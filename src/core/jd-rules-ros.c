#include <glib/gi18n-lib.h>

#include "jd-rules-private.h"

void
jd_rule_ros_cert_valid (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_training (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_reapply (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_aux (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_body_change (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_entrust (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_discretion (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_catalogue (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_plan (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_ros_report (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}
