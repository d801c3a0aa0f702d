#include "jd-social-supervisor.h"

#include "jd-entity-private.h"

struct _JdSocialSupervisor
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdSocialSupervisor, jd_social_supervisor, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "name", "kind", NULL
};

static void
jd_social_supervisor_class_init (JdSocialSupervisorClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_SOCIAL_SUPERVISORS;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_social_supervisor_init (JdSocialSupervisor *self)
{
}

JdSocialSupervisor *
jd_social_supervisor_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_SOCIAL_SUPERVISOR, "fields", fields, NULL);
}

const char *
jd_social_supervisor_get_name (JdSocialSupervisor *self)
{
  g_return_val_if_fail (JD_IS_SOCIAL_SUPERVISOR (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "name");
}

const char *
jd_social_supervisor_get_kind (JdSocialSupervisor *self)
{
  g_return_val_if_fail (JD_IS_SOCIAL_SUPERVISOR (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "kind");
}
