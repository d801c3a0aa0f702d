#pragma once

#include "jd-rule-context.h"

G_BEGIN_DECLS

/* The checks of each rule, one file per family (jd-rules-maj.c …). */

void jd_rule_maj_license (JdRuleContext *ctx);
void jd_rule_maj_penalty (JdRuleContext *ctx);
void jd_rule_maj_coercion (JdRuleContext *ctx);
void jd_rule_maj_expropriation (JdRuleContext *ctx);
void jd_rule_maj_transfer (JdRuleContext *ctx);
void jd_rule_maj_catalogue (JdRuleContext *ctx);
void jd_rule_maj_weihai (JdRuleContext *ctx);

void jd_rule_rev_required (JdRuleContext *ctx);
void jd_rule_rev_passed (JdRuleContext *ctx);
void jd_rule_rev_collective (JdRuleContext *ctx);
void jd_rule_rev_materials (JdRuleContext *ctx);
void jd_rule_rev_lead_time (JdRuleContext *ctx);
void jd_rule_rev_duration (JdRuleContext *ctx);
void jd_rule_rev_itemwise (JdRuleContext *ctx);
void jd_rule_rev_copies (JdRuleContext *ctx);
void jd_rule_rev_dispute (JdRuleContext *ctx);
void jd_rule_rev_p1_materials (JdRuleContext *ctx);
void jd_rule_rev_p2_authority (JdRuleContext *ctx);
void jd_rule_rev_p3_officers (JdRuleContext *ctx);
void jd_rule_rev_p4_subject (JdRuleContext *ctx);
void jd_rule_rev_p5_facts (JdRuleContext *ctx);
void jd_rule_rev_p6_procedure (JdRuleContext *ctx);
void jd_rule_rev_p7_law (JdRuleContext *ctx);
void jd_rule_rev_p8_discretion (JdRuleContext *ctx);
void jd_rule_rev_p9_other (JdRuleContext *ctx);

void jd_rule_rec_stages (JdRuleContext *ctx);
void jd_rule_rec_elements (JdRuleContext *ctx);
void jd_rule_rec_av_required (JdRuleContext *ctx);
void jd_rule_rec_av_advised (JdRuleContext *ctx);
void jd_rule_rec_av_elements (JdRuleContext *ctx);
void jd_rule_rec_av_store (JdRuleContext *ctx);
void jd_rule_rec_av_retention (JdRuleContext *ctx);
void jd_rule_rec_immutable (JdRuleContext *ctx);
void jd_rule_rec_archive (JdRuleContext *ctx);

void jd_rule_pub_deadline (JdRuleContext *ctx);
void jd_rule_pub_redact (JdRuleContext *ctx);
void jd_rule_pub_summary (JdRuleContext *ctx);
void jd_rule_pub_exempt (JdRuleContext *ctx);
void jd_rule_pub_withdraw (JdRuleContext *ctx);
void jd_rule_pub_plan (JdRuleContext *ctx);
void jd_rule_pub_annual (JdRuleContext *ctx);

void jd_rule_ros_cert_valid (JdRuleContext *ctx);
void jd_rule_ros_training (JdRuleContext *ctx);
void jd_rule_ros_reapply (JdRuleContext *ctx);
void jd_rule_ros_aux (JdRuleContext *ctx);
void jd_rule_ros_body_change (JdRuleContext *ctx);
void jd_rule_ros_entrust (JdRuleContext *ctx);
void jd_rule_ros_discretion (JdRuleContext *ctx);
void jd_rule_ros_catalogue (JdRuleContext *ctx);
void jd_rule_ros_plan (JdRuleContext *ctx);
void jd_rule_ros_report (JdRuleContext *ctx);

void jd_rule_sup_complaint (JdRuleContext *ctx);
void jd_rule_sup_reply (JdRuleContext *ctx);
void jd_rule_sup_no_file (JdRuleContext *ctx);
void jd_rule_sup_duration (JdRuleContext *ctx);
void jd_rule_sup_two_staff (JdRuleContext *ctx);
void jd_rule_sup_recusal (JdRuleContext *ctx);
void jd_rule_sup_collective (JdRuleContext *ctx);
void jd_rule_sup_objection (JdRuleContext *ctx);
void jd_rule_sup_correct (JdRuleContext *ctx);
void jd_rule_sup_decision_report (JdRuleContext *ctx);
void jd_rule_sup_no_disturb (JdRuleContext *ctx);
void jd_rule_sup_dispute (JdRuleContext *ctx);
void jd_rule_sup_evaluation (JdRuleContext *ctx);
void jd_rule_sup_archive (JdRuleContext *ctx);

G_END_DECLS
