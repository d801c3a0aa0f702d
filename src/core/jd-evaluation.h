#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_EVALUATION (jd_evaluation_get_type ())

G_DECLARE_FINAL_TYPE (JdEvaluation, jd_evaluation, JD, EVALUATION, JdEntity)

JdEvaluation *jd_evaluation_new (JsonObject *fields);
const char *jd_evaluation_get_agency_id (JdEvaluation *self);
const char *jd_evaluation_get_date (JdEvaluation *self);
JsonArray  *jd_evaluation_get_case_ids (JdEvaluation *self);
JsonObject *jd_evaluation_get_scores (JdEvaluation *self);

G_END_DECLS
