#include "jd-record.h"

#include "jd-entity-private.h"

struct _JdRecord
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdRecord, jd_record, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "case_id", "kind", "stage", "matter", NULL
};

static void
jd_record_class_init (JdRecordClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_RECORDS;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_record_init (JdRecord *self)
{
}

JdRecord *
jd_record_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_RECORD, "fields", fields, NULL);
}

const char *
jd_record_get_case_id (JdRecord *self)
{
  g_return_val_if_fail (JD_IS_RECORD (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "case_id");
}

const char *
jd_record_get_kind (JdRecord *self)
{
  g_return_val_if_fail (JD_IS_RECORD (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "kind");
}

const char *
jd_record_get_stage (JdRecord *self)
{
  g_return_val_if_fail (JD_IS_RECORD (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "stage");
}

const char *
jd_record_get_time (JdRecord *self)
{
  g_return_val_if_fail (JD_IS_RECORD (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "time");
}

const char *
jd_record_get_matter (JdRecord *self)
{
  g_return_val_if_fail (JD_IS_RECORD (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "matter");
}

const char *
jd_record_get_corrects (JdRecord *self)
{
  g_return_val_if_fail (JD_IS_RECORD (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "corrects");
}
