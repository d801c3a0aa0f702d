#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_DISPUTE (jd_dispute_get_type ())

G_DECLARE_FINAL_TYPE (JdDispute, jd_dispute, JD, DISPUTE, JdEntity)

JdDispute *jd_dispute_new (JsonObject *fields);
const char *jd_dispute_get_matter (JdDispute *self);
const char *jd_dispute_get_submitted_on (JdDispute *self);
JsonArray  *jd_dispute_get_agency_ids (JdDispute *self);

G_END_DECLS
