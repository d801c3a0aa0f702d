#include "jd-validator.h"

#include <glib/gi18n-lib.h>
#include <time.h>

#include "jd-rule-context.h"

struct _JdValidator
{
  GObject     parent_instance;

  JdProfile  *profile;
  JdCalendar *calendar;
  GDate       as_of;
  GPtrArray  *rules;                          /* borrowed JdRule, of the profile */
  GPtrArray  *by_collection[JD_N_COLLECTIONS]; /* the same, split by the objects they check */
  gint64     *rule_times;                     /* when profiling */
  const char **citations;                     /* by catalogue index: the profile's or the rule's */
};

G_DEFINE_FINAL_TYPE (JdValidator, jd_validator, G_TYPE_OBJECT)

static void
jd_validator_finalize (GObject *object)
{
  JdValidator *self = JD_VALIDATOR (object);

  g_clear_object (&self->profile);
  g_clear_object (&self->calendar);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->rule_times, g_free);
  g_clear_pointer (&self->citations, g_free);
  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    g_clear_pointer (&self->by_collection[i], g_ptr_array_unref);

  G_OBJECT_CLASS (jd_validator_parent_class)->finalize (object);
}

static void
jd_validator_class_init (JdValidatorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_validator_finalize;
}

static void
jd_validator_init (JdValidator *self)
{
  self->rules = g_ptr_array_new ();
  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    self->by_collection[i] = g_ptr_array_new ();
}

JdValidator *
jd_validator_new (JdProfile   *profile,
                  JdCalendar  *calendar,
                  const GDate *as_of)
{
  JdValidator *self;
  const JdRule *rules;
  guint n_rules;

  g_return_val_if_fail (JD_IS_PROFILE (profile), NULL);
  g_return_val_if_fail (JD_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  self = g_object_new (JD_TYPE_VALIDATOR, NULL);
  self->profile = g_object_ref (profile);
  self->calendar = g_object_ref (calendar);
  self->as_of = *as_of;

  rules = jd_rules_get_all (&n_rules);
  self->citations = g_new0 (const char *, n_rules);
  for (guint i = 0; i < n_rules; i++)
    self->citations[i] = jd_profile_get_citation (profile, rules[i].id, rules[i].citation);
  for (guint i = 0; i < n_rules; i++)
    if (jd_profile_has_rule (profile, rules[i].id))
      {
        g_ptr_array_add (self->rules, (gpointer) &rules[i]);
        g_ptr_array_add (self->by_collection[rules[i].collection], (gpointer) &rules[i]);
      }

  return self;
}

void
jd_validator_restrict (JdValidator *self,
                       const char  *rule_id)
{
  g_return_if_fail (JD_IS_VALIDATOR (self));
  g_return_if_fail (rule_id != NULL);

  for (guint i = self->rules->len; i > 0; i--)
    if (g_strcmp0 (((const JdRule *) self->rules->pdata[i - 1])->id, rule_id) != 0)
      g_ptr_array_remove_index (self->rules, i - 1);
  for (JdCollection c = 0; c < JD_N_COLLECTIONS; c++)
    for (guint i = self->by_collection[c]->len; i > 0; i--)
      if (g_strcmp0 (((const JdRule *) self->by_collection[c]->pdata[i - 1])->id, rule_id) != 0)
        g_ptr_array_remove_index (self->by_collection[c], i - 1);
}

JdProfile *
jd_validator_get_profile (JdValidator *self)
{
  g_return_val_if_fail (JD_IS_VALIDATOR (self), NULL);
  return self->profile;
}

const GDate *
jd_validator_get_as_of (JdValidator *self)
{
  g_return_val_if_fail (JD_IS_VALIDATOR (self), NULL);
  return &self->as_of;
}

GPtrArray *
jd_validator_get_rules (JdValidator *self)
{
  g_return_val_if_fail (JD_IS_VALIDATOR (self), NULL);
  return self->rules;
}

static void
compute_case_facts (JdRuleContext *ctx)
{
  JsonArray *stages = jd_rule_get_array (ctx->fields, "stages");
  JdCaseFacts *facts = &ctx->facts;

  for (guint i = 0; i < G_N_ELEMENTS (facts->stage_dates); i++)
    g_date_clear (&facts->stage_dates[i], 1);

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      int index = jd_stage_index (jd_rule_get_string (stage, "stage"));
      GDate date;

      if (index < 0 || !jd_rule_get_date (stage, "date", &date))
        continue;
      if (!g_date_valid (&facts->stage_dates[index]) ||
          g_date_compare (&date, &facts->stage_dates[index]) < 0)
        facts->stage_dates[index] = date;
    }

  if (!jd_rule_get_date (jd_rule_get_object (ctx->fields, "decision"), "date",
                         &facts->decision_date))
    facts->decision_date = facts->stage_dates[jd_stage_index ("decision")];

  facts->major = FALSE;
  g_string_truncate (facts->major_reasons, 0);
  jd_rules_maj_decide (ctx);
}

static void
run_rules (JdValidator   *self,
           JdRuleContext *ctx)
{
  GPtrArray *rules = self->by_collection[jd_entity_get_collection (ctx->entity)];
  guint n_rules;

  for (guint i = 0; i < rules->len; i++)
    {
      const JdRule *rule = rules->pdata[i];

      ctx->rule = rule;
      ctx->citation = self->citations[rule - jd_rules_get_all (&n_rules)];
      ctx->n_reported = 0;
      if (self->rule_times != NULL)
        {
          struct timespec before, after;

          clock_gettime (CLOCK_MONOTONIC, &before);
          rule->check (ctx);
          clock_gettime (CLOCK_MONOTONIC, &after);
          self->rule_times[rule - jd_rules_get_all (&n_rules)] +=
            (after.tv_sec - before.tv_sec) * G_GINT64_CONSTANT (1000000000) +
            (after.tv_nsec - before.tv_nsec);
        }
      else
        rule->check (ctx);
      /* No rule passes silently: one that found nothing to say about an object it checks is
       * a bug, reported as such rather than hidden. */
      if (ctx->n_reported == 0)
        jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("The rule could not decide"));
    }
}

void
jd_validator_check_entity (JdValidator   *self,
                           JdRuleData    *data,
                           JdEntity      *entity,
                           GPtrArray     *records,
                           JdFindingFunc  func,
                           gpointer       user_data)
{
  JdRuleContext ctx = { 0 };
  g_autoptr(GPtrArray) no_records = NULL;
  JdCollection collection;

  g_return_if_fail (JD_IS_VALIDATOR (self));
  g_return_if_fail (JD_IS_ENTITY (entity));

  collection = jd_entity_get_collection (entity);
  if (self->by_collection[collection]->len == 0)
    return;

  ctx.profile = self->profile;
  ctx.calendar = self->calendar;
  ctx.data = data;
  ctx.as_of = self->as_of;
  ctx.func = func;
  ctx.user_data = user_data;
  ctx.entity = entity;
  ctx.fields = jd_entity_get_fields (entity);
  ctx.object_path = jd_entity_get_object_path (entity);

  if (collection == JD_COLLECTION_CASES)
    {
      if (records == NULL)
        records = no_records = g_ptr_array_new ();
      ctx.records = records;
      ctx.agency = jd_rule_data_get (data, JD_COLLECTION_AGENCIES,
                                     jd_rule_get_string (ctx.fields, "agency_id"));
      ctx.facts.major_reasons = g_string_new (NULL);
      compute_case_facts (&ctx);
    }

  run_rules (self, &ctx);

  if (ctx.facts.major_reasons != NULL)
    g_string_free (ctx.facts.major_reasons, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (ctx.facts.maj_reasons); i++)
    if (ctx.facts.maj_reasons[i] != NULL)
      g_string_free (ctx.facts.maj_reasons[i], TRUE);
  g_free (ctx.object_path);
}

void
jd_validator_check_data (JdValidator   *self,
                         JdRuleData    *data,
                         JdFindingFunc  func,
                         gpointer       user_data)
{
  g_return_if_fail (JD_IS_VALIDATOR (self));

  for (JdCollection c = 0; c < JD_N_COLLECTIONS; c++)
    {
      GPtrArray *entities = jd_rule_data_list (data, c);

      if (c == JD_COLLECTION_RECORDS)
        continue;
      for (guint i = 0; i < entities->len; i++)
        {
          JdEntity *entity = entities->pdata[i];
          GPtrArray *records = NULL;

          if (c == JD_COLLECTION_CASES)
            records = jd_rule_data_records_for (data, jd_entity_get_id (entity));
          jd_validator_check_entity (self, data, entity, records, func, user_data);
        }
    }
}

void
jd_validator_set_profiling (JdValidator *self,
                            gboolean     profiling)
{
  guint n_rules;

  g_return_if_fail (JD_IS_VALIDATOR (self));

  g_clear_pointer (&self->rule_times, g_free);
  jd_rules_get_all (&n_rules);
  if (profiling)
    self->rule_times = g_new0 (gint64, n_rules);
}

const gint64 *
jd_validator_get_rule_times (JdValidator *self)
{
  g_return_val_if_fail (JD_IS_VALIDATOR (self), NULL);
  return self->rule_times;
}

static JdRuleData *
load_data (JdStore   *store,
           gboolean   for_cases,
           GError   **error)
{
  g_autoptr(JdRuleData) data = jd_rule_data_new ();

  for (JdCollection c = 0; c < JD_N_COLLECTIONS; c++)
    {
      g_autoptr(GPtrArray) entities = NULL;

      if (c == JD_COLLECTION_CASES || c == JD_COLLECTION_RECORDS)
        continue;
      if (for_cases && c != JD_COLLECTION_AGENCIES && c != JD_COLLECTION_OFFICERS)
        continue;
      entities = jd_store_list_all (store, c, error);
      if (entities == NULL)
        return NULL;
      for (guint i = 0; i < entities->len; i++)
        jd_rule_data_add (data, entities->pdata[i]);
    }
  return g_steal_pointer (&data);
}

JdRuleData *
jd_validator_load_data (JdStore  *store,
                        GError  **error)
{
  return load_data (store, FALSE, error);
}

JdRuleData *
jd_validator_load_case_data (JdStore  *store,
                             GError  **error)
{
  return load_data (store, TRUE, error);
}

typedef struct
{
  JdValidator   *self;
  JdRuleData    *data;
  JdFindingFunc  func;
  gpointer       user_data;
  GCancellable  *cancellable;
} StoreRun;

static gboolean
check_case_cb (JdCase     *kase,
               GPtrArray  *records,
               gpointer    user_data,
               GError    **error)
{
  StoreRun *run = user_data;

  if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
    return FALSE;
  jd_validator_check_entity (run->self, run->data, JD_ENTITY (kase), records, run->func,
                             run->user_data);
  return TRUE;
}

gboolean
jd_validator_check_store (JdValidator    *self,
                          JdStore        *store,
                          const char     *case_id,
                          JdFindingFunc   func,
                          gpointer        user_data,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(JdRuleData) data = NULL;
  StoreRun run = { self, NULL, func, user_data, cancellable };

  g_return_val_if_fail (JD_IS_VALIDATOR (self), FALSE);
  g_return_val_if_fail (JD_IS_STORE (store), FALSE);

  data = jd_validator_load_data (store, error);
  if (data == NULL)
    return FALSE;
  run.data = data;

  if (case_id != NULL)
    {
      g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, case_id, error);

      if (kase == NULL)
        return FALSE;
    }
  else
    jd_validator_check_data (self, data, func, user_data);

  return jd_store_foreach_case (store, case_id, check_case_cb, &run, error);
}
