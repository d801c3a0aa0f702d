#include "jd-officer.h"

#include "jd-entity-private.h"

struct _JdOfficer
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdOfficer, jd_officer, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "name", "agency_id", "role", NULL
};

static void
jd_officer_class_init (JdOfficerClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_OFFICERS;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_officer_init (JdOfficer *self)
{
}

JdOfficer *
jd_officer_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_OFFICER, "fields", fields, NULL);
}

const char *
jd_officer_get_name (JdOfficer *self)
{
  g_return_val_if_fail (JD_IS_OFFICER (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "name");
}

const char *
jd_officer_get_agency_id (JdOfficer *self)
{
  g_return_val_if_fail (JD_IS_OFFICER (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "agency_id");
}

const char *
jd_officer_get_role (JdOfficer *self)
{
  g_return_val_if_fail (JD_IS_OFFICER (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "role");
}

JsonArray  *
jd_officer_get_certificates (JdOfficer *self)
{
  g_return_val_if_fail (JD_IS_OFFICER (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "certificates");
}

JsonArray  *
jd_officer_get_training (JdOfficer *self)
{
  g_return_val_if_fail (JD_IS_OFFICER (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "training");
}

JsonArray  *
jd_officer_get_sanctions (JdOfficer *self)
{
  g_return_val_if_fail (JD_IS_OFFICER (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "sanctions");
}
