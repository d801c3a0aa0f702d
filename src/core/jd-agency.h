#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_AGENCY (jd_agency_get_type ())

G_DECLARE_FINAL_TYPE (JdAgency, jd_agency, JD, AGENCY, JdEntity)

JdAgency *jd_agency_new (JsonObject *fields);
const char *jd_agency_get_name (JdAgency *self);
const char *jd_agency_get_kind (JdAgency *self);
const char *jd_agency_get_parent_id (JdAgency *self);
const char *jd_agency_get_credit_code (JdAgency *self);
JsonArray  *jd_agency_get_powers (JdAgency *self);
JsonArray  *jd_agency_get_discretion (JdAgency *self);
JsonObject *jd_agency_get_entrustment (JdAgency *self);
JsonObject *jd_agency_get_major_catalogue (JdAgency *self);

G_END_DECLS
