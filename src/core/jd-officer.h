#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_OFFICER (jd_officer_get_type ())

G_DECLARE_FINAL_TYPE (JdOfficer, jd_officer, JD, OFFICER, JdEntity)

JdOfficer *jd_officer_new (JsonObject *fields);
const char *jd_officer_get_name (JdOfficer *self);
const char *jd_officer_get_agency_id (JdOfficer *self);
const char *jd_officer_get_role (JdOfficer *self);
JsonArray  *jd_officer_get_certificates (JdOfficer *self);
JsonArray  *jd_officer_get_training (JdOfficer *self);
JsonArray  *jd_officer_get_sanctions (JdOfficer *self);

G_END_DECLS
