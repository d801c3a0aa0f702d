#include "jd-supervision-case.h"

#include "jd-entity-private.h"

struct _JdSupervisionCase
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdSupervisionCase, jd_supervision_case, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "agency_id", "filed_on", NULL
};

static void
jd_supervision_case_class_init (JdSupervisionCaseClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_SUPERVISION_CASES;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_supervision_case_init (JdSupervisionCase *self)
{
}

JdSupervisionCase *
jd_supervision_case_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_SUPERVISION_CASE, "fields", fields, NULL);
}

const char *
jd_supervision_case_get_agency_id (JdSupervisionCase *self)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "agency_id");
}

const char *
jd_supervision_case_get_filed_on (JdSupervisionCase *self)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "filed_on");
}

const char *
jd_supervision_case_get_closed_on (JdSupervisionCase *self)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "closed_on");
}
