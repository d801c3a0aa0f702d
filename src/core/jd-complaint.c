#include "jd-complaint.h"

#include "jd-entity-private.h"

struct _JdComplaint
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdComplaint, jd_complaint, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "received_on", "respondent_agency_id", NULL
};

static void
jd_complaint_class_init (JdComplaintClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_COMPLAINTS;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_complaint_init (JdComplaint *self)
{
}

JdComplaint *
jd_complaint_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_COMPLAINT, "fields", fields, NULL);
}

const char *
jd_complaint_get_received_on (JdComplaint *self)
{
  g_return_val_if_fail (JD_IS_COMPLAINT (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "received_on");
}

const char *
jd_complaint_get_respondent_agency_id (JdComplaint *self)
{
  g_return_val_if_fail (JD_IS_COMPLAINT (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "respondent_agency_id");
}

const char *
jd_complaint_get_facts (JdComplaint *self)
{
  g_return_val_if_fail (JD_IS_COMPLAINT (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "facts");
}
