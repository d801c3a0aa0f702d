#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_CASE (jd_case_get_type ())

G_DECLARE_FINAL_TYPE (JdCase, jd_case, JD, CASE, JdEntity)

JdCase *jd_case_new (JsonObject *fields);
const char *jd_case_get_number (JdCase *self);
const char *jd_case_get_title (JdCase *self);
const char *jd_case_get_agency_id (JdCase *self);
const char *jd_case_get_action_type (JdCase *self);
const char *jd_case_get_procedure (JdCase *self);
const char *jd_case_get_facts (JdCase *self);
JsonArray  *jd_case_get_parties (JdCase *self);
JsonArray  *jd_case_get_officers (JdCase *self);
JsonArray  *jd_case_get_stages (JdCase *self);
JsonArray  *jd_case_get_documents (JdCase *self);
JsonArray  *jd_case_get_evidence (JdCase *self);
JsonObject *jd_case_get_legal_basis (JdCase *self);
JsonObject *jd_case_get_decision (JdCase *self);
JsonObject *jd_case_get_review (JdCase *self);
JsonObject *jd_case_get_publication (JdCase *self);
JsonArray  *jd_case_get_outcome_changes (JdCase *self);

G_END_DECLS
