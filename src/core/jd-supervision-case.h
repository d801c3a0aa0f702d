#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_SUPERVISION_CASE (jd_supervision_case_get_type ())

G_DECLARE_FINAL_TYPE (JdSupervisionCase, jd_supervision_case, JD, SUPERVISION_CASE, JdEntity)

JdSupervisionCase *jd_supervision_case_new (JsonObject *fields);
const char *jd_supervision_case_get_agency_id (JdSupervisionCase *self);
const char *jd_supervision_case_get_filed_on (JdSupervisionCase *self);
const char *jd_supervision_case_get_closed_on (JdSupervisionCase *self);

G_END_DECLS
