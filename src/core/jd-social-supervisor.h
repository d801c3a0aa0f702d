#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_SOCIAL_SUPERVISOR (jd_social_supervisor_get_type ())

G_DECLARE_FINAL_TYPE (JdSocialSupervisor, jd_social_supervisor, JD, SOCIAL_SUPERVISOR, JdEntity)

JdSocialSupervisor *jd_social_supervisor_new (JsonObject *fields);
const char *jd_social_supervisor_get_name (JdSocialSupervisor *self);
const char *jd_social_supervisor_get_kind (JdSocialSupervisor *self);

G_END_DECLS
