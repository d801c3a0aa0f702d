#include "jd-dispute.h"

#include "jd-entity-private.h"

struct _JdDispute
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdDispute, jd_dispute, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "matter", "submitted_on", NULL
};

static void
jd_dispute_class_init (JdDisputeClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_DISPUTES;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_dispute_init (JdDispute *self)
{
}

JdDispute *
jd_dispute_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_DISPUTE, "fields", fields, NULL);
}

const char *
jd_dispute_get_matter (JdDispute *self)
{
  g_return_val_if_fail (JD_IS_DISPUTE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "matter");
}

const char *
jd_dispute_get_submitted_on (JdDispute *self)
{
  g_return_val_if_fail (JD_IS_DISPUTE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "submitted_on");
}

JsonArray  *
jd_dispute_get_agency_ids (JdDispute *self)
{
  g_return_val_if_fail (JD_IS_DISPUTE (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "agency_ids");
}
