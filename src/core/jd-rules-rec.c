#include <glib/gi18n-lib.h>

#include "jd-rules-private.h"

void
jd_rule_rec_stages (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_elements (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_av_required (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_av_advised (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_av_elements (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_av_store (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_av_retention (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_immutable (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}

void
jd_rule_rec_archive (JdRuleContext *ctx)
{
  jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, "TODO");
}
