#include "jd-schema.h"

#include <string.h>

#define END { NULL, 0 }
#define S(n) { n, JD_FIELD_STRING }
#define REQ_S(n) { n, JD_FIELD_STRING, .required = TRUE }
#define D(n) { n, JD_FIELD_DATE }
#define T(n) { n, JD_FIELD_TIME }
#define I(n) { n, JD_FIELD_INT }
#define NUM(n) { n, JD_FIELD_NUMBER }
#define B(n) { n, JD_FIELD_BOOL }
#define E(n, v) { n, JD_FIELD_ENUM, .values = v }
#define REQ_E(n, v) { n, JD_FIELD_ENUM, .values = v, .required = TRUE }
#define O(n, s) { n, JD_FIELD_OBJECT, .object = &s }
#define AS(n) { n, JD_FIELD_ARRAY, JD_FIELD_STRING }
#define AE(n, v) { n, JD_FIELD_ARRAY, JD_FIELD_ENUM, .values = v }
#define AO(n, s) { n, JD_FIELD_ARRAY, JD_FIELD_OBJECT, .object = &s }

const char * const jd_action_types[] = {
  "penalty", "licence", "coercion", "inspection", "expropriation", "confirmation", "fee",
  "benefit", "award", "adjudication", NULL
};

const char * const jd_stage_codes[] = {
  "intake", "filing", "investigation", "notice", "hearing", "legal_review", "decision", "service",
  "closure", "demand", "execution", "receipt", "acceptance", "onsite_check", "recheck",
  "assessment", "consultation", "compensation", "lodged_service", "public_service", NULL
};

const char * const jd_measure_codes[] = {
  "warning", "fine", "confiscation", "suspend_licence", "revoke_licence", "stop_production",
  "licence_by_tender", "licence_after_hearing", "withdraw_licence", "transfer_deposit",
  "demolition", "auction_property", "seal_seize", "expropriate_land", "expropriate_property",
  "transfer_police", "transfer_supervision", NULL
};

static const char * const agency_kinds[] = {
  "government", "department", "town", "authorized", "entrusted", NULL
};
static const char * const officer_roles[] = { "officer", "auxiliary", NULL };
static const char * const certificate_statuses[] = { "valid", "suspended", "revoked", NULL };
static const char * const sanction_kinds[] = {
  "criticism", "off_duty_training", "transfer", "certificate_suspended", "qualification_revoked",
  NULL
};
static const char * const procedures[] = { "general", "simple", NULL };
static const char * const triggers[] = {
  "plan", "random", "complaint", "clue", "referral", "application", NULL
};
static const char * const party_kinds[] = { "person", "organisation", NULL };
static const char * const record_kinds[] = { "text", "av", NULL };
static const char * const review_results[] = {
  "approved", "approved_with_changes", "rejected", NULL
};
static const char * const verdicts[] = { "pass", "fail", "not_applicable", NULL };
static const char * const outcome_kinds[] = {
  "revoked", "partly_revoked", "unlawful", "void", "changed", NULL
};
static const char * const exemptions[] = {
  "minor", "state_secret", "security", "series", "transferred_to_police", NULL
};
static const char * const complaint_forms[] = {
  "written", "email", "phone", "fax", "visit", "hotline", NULL
};
static const char * const exclusion_grounds[] = {
  "out_of_scope", "reconsideration", "litigation", "petition", "handled", NULL
};
static const char * const letter_kinds[] = { "urge", "opinion", "decision", NULL };
static const char * const letter_grounds[] = {
  "law_not_implemented", "system_not_implemented", "duty_not_performed",
  "unauthorized_delegation", "quality", "team_management", "other", NULL
};
static const char * const supervisor_kinds[] = {
  "deputy", "cppcc", "expert", "lawyer", "journalist", "other", NULL
};

/* Agencies */

static const JdField power_fields[] = {
  S ("code"), S ("name"), E ("action_type", jd_action_types), END
};
static const JdObjectSchema power_schema = { "power", power_fields };

static const JdField entrustment_fields[] = {
  S ("by_agency_id"), S ("basis"), AS ("scope"), S ("powers"), S ("liability"),
  D ("valid_from"), D ("valid_to"), D ("signed_on"), D ("published_on"), D ("filed_on"), END
};
static const JdObjectSchema entrustment_schema = { "entrustment", entrustment_fields };

static const JdField discretion_fields[] = {
  S ("power_code"), NUM ("fine_min"), NUM ("fine_max"), D ("adopted_on"), D ("published_on"),
  D ("filed_on"), END
};
static const JdObjectSchema discretion_schema = { "discretion", discretion_fields };

static const JdField catalogue_fields[] = { D ("filed_on"), AS ("power_codes"), END };
static const JdObjectSchema catalogue_schema = { "major_catalogue", catalogue_fields };

static const JdField body_change_fields[] = {
  D ("date"), D ("confirmation_applied_on"), D ("published_on"), END
};
static const JdObjectSchema body_change_schema = { "body_change", body_change_fields };

static const JdField annual_plan_fields[] = { I ("year"), D ("filed_on"), END };
static const JdObjectSchema annual_plan_schema = { "annual_plan", annual_plan_fields };

static const JdField annual_report_fields[] = {
  I ("year"), D ("filed_on"), D ("published_on"), END
};
static const JdObjectSchema annual_report_schema = { "annual_report", annual_report_fields };

static const JdField inspection_plan_fields[] = { I ("year"), D ("published_on"), END };
static const JdObjectSchema inspection_plan_schema = { "inspection_plan", inspection_plan_fields };

static const JdField agency_fields[] = {
  REQ_S ("id"), REQ_S ("name"), REQ_E ("kind", agency_kinds), S ("parent_id"), S ("credit_code"),
  D ("active_from"), D ("active_to"),
  AO ("powers", power_schema),
  O ("entrustment", entrustment_schema),
  AO ("discretion", discretion_schema),
  O ("major_catalogue", catalogue_schema),
  AO ("body_changes", body_change_schema),
  AO ("annual_plans", annual_plan_schema),
  AO ("annual_reports", annual_report_schema),
  AO ("inspection_plans", inspection_plan_schema),
  AS ("no_disturb"),
  END
};
static const JdObjectSchema agency_schema = { "agency", agency_fields };

/* Officers */

static const JdField certificate_fields[] = {
  REQ_S ("number"), D ("valid_from"), D ("valid_to"), E ("status", certificate_statuses),
  D ("status_since"), END
};
static const JdObjectSchema certificate_schema = { "certificate", certificate_fields };

static const JdField training_fields[] = { D ("date"), NUM ("hours"), S ("topic"), END };
static const JdObjectSchema training_schema = { "training", training_fields };

static const JdField sanction_fields[] = {
  D ("date"), E ("kind", sanction_kinds), S ("basis"), END
};
static const JdObjectSchema sanction_schema = { "sanction", sanction_fields };

static const JdField officer_fields[] = {
  REQ_S ("id"), REQ_S ("name"), REQ_S ("agency_id"), E ("role", officer_roles),
  AO ("certificates", certificate_schema),
  AO ("training", training_schema),
  AO ("sanctions", sanction_schema),
  END
};
static const JdObjectSchema officer_schema = { "officer", officer_fields };

/* Cases */

static const JdField party_fields[] = {
  E ("kind", party_kinds), S ("name"), S ("id_number"), S ("credit_code"), B ("minor"), END
};
static const JdObjectSchema party_schema = { "party", party_fields };

static const JdField stage_fields[] = {
  E ("stage", jd_stage_codes), D ("date"), AS ("officers"), S ("place"), END
};
static const JdObjectSchema stage_schema = { "stage", stage_fields };

static const JdField archived_copy_fields[] = {
  S ("maker"), S ("extractor"), D ("extracted_on"), END
};
static const JdObjectSchema archived_copy_schema = { "archived_copy", archived_copy_fields };

static const JdField record_fields[] = {
  REQ_S ("id"), S ("case_id"), E ("kind", record_kinds), E ("stage", jd_stage_codes), T ("time"),
  S ("place"), AS ("officers"), S ("party"), S ("matter"), D ("stored_on"), D ("retain_until"),
  B ("interrupted"), S ("interruption_reason"), S ("evidence"),
  O ("archived_copy", archived_copy_schema), S ("corrects"),
  END
};
static const JdObjectSchema record_schema = { "record", record_fields };

static const JdField document_fields[] = { S ("kind"), S ("number"), D ("date"), END };
static const JdObjectSchema document_schema = { "document", document_fields };

static const JdField evidence_fields[] = { S ("id"), S ("description"), S ("fact"), END };
static const JdObjectSchema evidence_schema = { "evidence", evidence_fields };

static const JdField legal_basis_fields[] = { S ("violation"), S ("penalty"), END };
static const JdObjectSchema legal_basis_schema = { "legal_basis", legal_basis_fields };

static const JdField decision_fields[] = {
  D ("date"), AE ("measures", jd_measure_codes), NUM ("fine"), S ("content"),
  D ("statutory_deadline"), B ("hearing_offered"), B ("hearing_held"),
  D ("collective_discussion_on"), B ("complex"), B ("declared_major"),
  END
};
static const JdObjectSchema decision_schema = { "decision", decision_fields };

static const JdField materials_fields[] = { B ("case_file"), B ("proposal"), B ("evidence"), END };
static const JdObjectSchema materials_schema = { "materials", materials_fields };

static const JdField review_item_fields[] = {
  { "point", JD_FIELD_INT, .required = TRUE, .min = 1, .max = 9 },
  E ("verdict", verdicts), S ("opinion"),
  END
};
static const JdObjectSchema review_item_schema = { "review_item", review_item_fields };

static const JdField copies_fields[] = { B ("case_file"), B ("archived"), END };
static const JdObjectSchema copies_schema = { "copies", copies_fields };

static const JdField review_fields[] = {
  D ("submitted_on"), D ("completed_on"), S ("reviewer_id"), E ("result", review_results),
  O ("materials", materials_schema), AO ("items", review_item_schema), O ("copies", copies_schema),
  D ("corrected_and_rereviewed_on"),
  END
};
static const JdObjectSchema review_schema = { "review", review_fields };

static const JdField publication_fields[] = {
  D ("published_on"), S ("text"), D ("withdrawn_on"), END
};
static const JdObjectSchema publication_schema = { "publication", publication_fields };

static const JdField outcome_fields[] = { E ("kind", outcome_kinds), D ("date"), END };
static const JdObjectSchema outcome_schema = { "outcome_change", outcome_fields };

static const JdField case_fields[] = {
  REQ_S ("id"), S ("number"), REQ_S ("agency_id"), S ("title"), S ("power_code"),
  E ("action_type", jd_action_types), E ("procedure", procedures), E ("trigger", triggers),
  AO ("parties", party_schema),
  AS ("officers"),
  AO ("stages", stage_schema),
  AO ("records", record_schema),
  AO ("documents", document_schema),
  AO ("evidence", evidence_schema),
  S ("facts"),
  O ("legal_basis", legal_basis_schema),
  O ("decision", decision_schema),
  O ("review", review_schema),
  O ("publication", publication_schema),
  AO ("outcome_changes", outcome_schema),
  E ("exempt_from_publication", exemptions),
  D ("closed_on"), D ("archived_on"),
  END
};
static const JdObjectSchema case_schema = { "case", case_fields };

/* Supervision */

static const JdField complaint_fields[] = {
  REQ_S ("id"), D ("received_on"), E ("form", complaint_forms), S ("complainant"),
  S ("respondent_agency_id"), S ("facts"), S ("reasons"), B ("concerns_specific_act"),
  D ("replied_on"), S ("supervision_case_id"),
  END
};
static const JdObjectSchema complaint_schema = { "complaint", complaint_fields };

static const JdField supervision_case_fields[] = {
  REQ_S ("id"), D ("filed_on"), D ("subject_act_date"), S ("agency_id"),
  E ("grounds_excluded", exclusion_grounds), D ("extension_approved_until"),
  AS ("investigators"), AS ("interested_investigators"), D ("collective_discussion_on"),
  D ("closed_on"), D ("archived_on"),
  END
};
static const JdObjectSchema supervision_case_schema = {
  "supervision_case", supervision_case_fields
};

static const JdField letter_fields[] = {
  REQ_S ("id"), E ("kind", letter_kinds), S ("supervision_case_id"), S ("agency_id"),
  AE ("grounds", letter_grounds), D ("issued_on"), D ("received_on"), D ("objection_on"),
  D ("objection_reply_on"), D ("corrected_on"), D ("execution_reported_on"), D ("escalated_on"),
  END
};
static const JdObjectSchema letter_schema = { "letter", letter_fields };

static const JdField dispute_fields[] = {
  REQ_S ("id"), AS ("agency_ids"), S ("matter"), D ("submitted_on"), D ("coordinated_on"),
  S ("opinion"), D ("escalated_on"), D ("ruled_on"), D ("executed_on"),
  END
};
static const JdObjectSchema dispute_schema = { "dispute", dispute_fields };

static const JdField social_supervisor_fields[] = {
  REQ_S ("id"), S ("name"), E ("kind", supervisor_kinds), D ("since"), D ("until"), END
};
static const JdObjectSchema social_supervisor_schema = {
  "social_supervisor", social_supervisor_fields
};

static const JdField scores_fields[] = {
  NUM ("facts"), NUM ("evidence"), NUM ("procedure"), NUM ("documents"), END
};
static const JdObjectSchema scores_schema = { "scores", scores_fields };

static const JdField evaluation_fields[] = {
  REQ_S ("id"), S ("agency_id"), I ("year"), D ("date"), AS ("case_ids"),
  O ("scores", scores_schema),
  END
};
static const JdObjectSchema evaluation_schema = { "evaluation", evaluation_fields };

static const struct
{
  const char           *key;
  const JdObjectSchema *schema;
} collections[JD_N_COLLECTIONS] = {
  [JD_COLLECTION_AGENCIES] = { "agencies", &agency_schema },
  [JD_COLLECTION_OFFICERS] = { "officers", &officer_schema },
  [JD_COLLECTION_CASES] = { "cases", &case_schema },
  [JD_COLLECTION_RECORDS] = { "records", &record_schema },
  [JD_COLLECTION_COMPLAINTS] = { "complaints", &complaint_schema },
  [JD_COLLECTION_SUPERVISION_CASES] = { "supervision_cases", &supervision_case_schema },
  [JD_COLLECTION_LETTERS] = { "letters", &letter_schema },
  [JD_COLLECTION_DISPUTES] = { "disputes", &dispute_schema },
  [JD_COLLECTION_SOCIAL_SUPERVISORS] = { "social_supervisors", &social_supervisor_schema },
  [JD_COLLECTION_EVALUATIONS] = { "evaluations", &evaluation_schema },
};

const char *
jd_collection_key (JdCollection collection)
{
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);

  return collections[collection].key;
}

gboolean
jd_collection_from_key (const char   *key,
                        JdCollection *out)
{
  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    {
      if (g_strcmp0 (collections[i].key, key) == 0)
        {
          *out = i;
          return TRUE;
        }
    }

  return FALSE;
}

const JdObjectSchema *
jd_collection_schema (JdCollection collection)
{
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);

  return collections[collection].schema;
}

const JdField *
jd_object_schema_lookup (const JdObjectSchema *schema,
                         const char           *name)
{
  for (const JdField *f = schema->fields; f->name != NULL; f++)
    {
      if (strcmp (f->name, name) == 0)
        return f;
    }

  return NULL;
}
