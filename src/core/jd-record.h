#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_RECORD (jd_record_get_type ())

G_DECLARE_FINAL_TYPE (JdRecord, jd_record, JD, RECORD, JdEntity)

JdRecord *jd_record_new (JsonObject *fields);
const char *jd_record_get_case_id (JdRecord *self);
const char *jd_record_get_kind (JdRecord *self);
const char *jd_record_get_stage (JdRecord *self);
const char *jd_record_get_time (JdRecord *self);
const char *jd_record_get_matter (JdRecord *self);
const char *jd_record_get_corrects (JdRecord *self);

G_END_DECLS
