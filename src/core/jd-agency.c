#include "jd-agency.h"

#include "jd-entity-private.h"

struct _JdAgency
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdAgency, jd_agency, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "name", "kind", "parent_id", "credit_code", NULL
};

static void
jd_agency_class_init (JdAgencyClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_AGENCIES;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_agency_init (JdAgency *self)
{
}

JdAgency *
jd_agency_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_AGENCY, "fields", fields, NULL);
}

const char *
jd_agency_get_name (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "name");
}

const char *
jd_agency_get_kind (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "kind");
}

const char *
jd_agency_get_parent_id (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "parent_id");
}

const char *
jd_agency_get_credit_code (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "credit_code");
}

JsonArray  *
jd_agency_get_powers (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "powers");
}

JsonArray  *
jd_agency_get_discretion (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "discretion");
}

JsonObject *
jd_agency_get_entrustment (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_object (JD_ENTITY (self), "entrustment");
}

JsonObject *
jd_agency_get_major_catalogue (JdAgency *self)
{
  g_return_val_if_fail (JD_IS_AGENCY (self), NULL);

  return jd_entity_get_object (JD_ENTITY (self), "major_catalogue");
}
