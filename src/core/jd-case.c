#include "jd-case.h"

#include "jd-entity-private.h"

struct _JdCase
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdCase, jd_case, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "number", "title", "agency_id", "action_type", "procedure", NULL
};

static void
jd_case_class_init (JdCaseClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_CASES;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_case_init (JdCase *self)
{
}

JdCase *
jd_case_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_CASE, "fields", fields, NULL);
}

const char *
jd_case_get_number (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "number");
}

const char *
jd_case_get_title (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "title");
}

const char *
jd_case_get_agency_id (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "agency_id");
}

const char *
jd_case_get_action_type (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "action_type");
}

const char *
jd_case_get_procedure (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "procedure");
}

const char *
jd_case_get_facts (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "facts");
}

JsonArray  *
jd_case_get_parties (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "parties");
}

JsonArray  *
jd_case_get_officers (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "officers");
}

JsonArray  *
jd_case_get_stages (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "stages");
}

JsonArray  *
jd_case_get_documents (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "documents");
}

JsonArray  *
jd_case_get_evidence (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "evidence");
}

JsonObject *
jd_case_get_legal_basis (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_object (JD_ENTITY (self), "legal_basis");
}

JsonObject *
jd_case_get_decision (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_object (JD_ENTITY (self), "decision");
}

JsonObject *
jd_case_get_review (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_object (JD_ENTITY (self), "review");
}

JsonObject *
jd_case_get_publication (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_object (JD_ENTITY (self), "publication");
}

JsonArray  *
jd_case_get_outcome_changes (JdCase *self)
{
  g_return_val_if_fail (JD_IS_CASE (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "outcome_changes");
}
