#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_COMPLAINT (jd_complaint_get_type ())

G_DECLARE_FINAL_TYPE (JdComplaint, jd_complaint, JD, COMPLAINT, JdEntity)

JdComplaint *jd_complaint_new (JsonObject *fields);
const char *jd_complaint_get_received_on (JdComplaint *self);
const char *jd_complaint_get_respondent_agency_id (JdComplaint *self);
const char *jd_complaint_get_facts (JdComplaint *self);

G_END_DECLS
