#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_LETTER (jd_letter_get_type ())

G_DECLARE_FINAL_TYPE (JdLetter, jd_letter, JD, LETTER, JdEntity)

JdLetter *jd_letter_new (JsonObject *fields);
const char *jd_letter_get_kind (JdLetter *self);
const char *jd_letter_get_agency_id (JdLetter *self);
const char *jd_letter_get_issued_on (JdLetter *self);
const char *jd_letter_get_supervision_case_id (JdLetter *self);

G_END_DECLS
