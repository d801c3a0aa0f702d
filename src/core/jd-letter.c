#include "jd-letter.h"

#include "jd-entity-private.h"

struct _JdLetter
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdLetter, jd_letter, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "kind", "agency_id", "issued_on", NULL
};

static void
jd_letter_class_init (JdLetterClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_LETTERS;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_letter_init (JdLetter *self)
{
}

JdLetter *
jd_letter_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_LETTER, "fields", fields, NULL);
}

const char *
jd_letter_get_kind (JdLetter *self)
{
  g_return_val_if_fail (JD_IS_LETTER (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "kind");
}

const char *
jd_letter_get_agency_id (JdLetter *self)
{
  g_return_val_if_fail (JD_IS_LETTER (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "agency_id");
}

const char *
jd_letter_get_issued_on (JdLetter *self)
{
  g_return_val_if_fail (JD_IS_LETTER (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "issued_on");
}

const char *
jd_letter_get_supervision_case_id (JdLetter *self)
{
  g_return_val_if_fail (JD_IS_LETTER (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "supervision_case_id");
}
