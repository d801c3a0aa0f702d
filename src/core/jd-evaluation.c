#include "jd-evaluation.h"

#include "jd-entity-private.h"

struct _JdEvaluation
{
  JdEntity parent_instance;
};

G_DEFINE_FINAL_TYPE (JdEvaluation, jd_evaluation, JD_TYPE_ENTITY)

static const char * const string_members[] = {
  "agency_id", "date", NULL
};

static void
jd_evaluation_class_init (JdEvaluationClass *klass)
{
  JD_ENTITY_CLASS (klass)->collection = JD_COLLECTION_EVALUATIONS;
  jd_entity_class_install_string_members (G_OBJECT_CLASS (klass), string_members);
}

static void
jd_evaluation_init (JdEvaluation *self)
{
}

JdEvaluation *
jd_evaluation_new (JsonObject *fields)
{
  return g_object_new (JD_TYPE_EVALUATION, "fields", fields, NULL);
}

const char *
jd_evaluation_get_agency_id (JdEvaluation *self)
{
  g_return_val_if_fail (JD_IS_EVALUATION (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "agency_id");
}

const char *
jd_evaluation_get_date (JdEvaluation *self)
{
  g_return_val_if_fail (JD_IS_EVALUATION (self), NULL);

  return jd_entity_get_string (JD_ENTITY (self), "date");
}

JsonArray  *
jd_evaluation_get_case_ids (JdEvaluation *self)
{
  g_return_val_if_fail (JD_IS_EVALUATION (self), NULL);

  return jd_entity_get_array (JD_ENTITY (self), "case_ids");
}

JsonObject *
jd_evaluation_get_scores (JdEvaluation *self)
{
  g_return_val_if_fail (JD_IS_EVALUATION (self), NULL);

  return jd_entity_get_object (JD_ENTITY (self), "scores");
}
