#include "jd-rule-data.h"

struct _JdRuleData
{
  GObject     parent_instance;

  GPtrArray  *lists[JD_N_COLLECTIONS];
  GHashTable *by_id[JD_N_COLLECTIONS];   /* id → entity, borrowed from @lists */
  GHashTable *records_by_case;           /* case id → GPtrArray of borrowed records */
  GHashTable *letters_by_case;
  GHashTable *evaluations_by_agency;
  GPtrArray  *empty;
};

G_DEFINE_FINAL_TYPE (JdRuleData, jd_rule_data, G_TYPE_OBJECT)

static void
jd_rule_data_finalize (GObject *object)
{
  JdRuleData *self = JD_RULE_DATA (object);

  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    {
      g_clear_pointer (&self->by_id[i], g_hash_table_unref);
      g_clear_pointer (&self->lists[i], g_ptr_array_unref);
    }
  g_clear_pointer (&self->records_by_case, g_hash_table_unref);
  g_clear_pointer (&self->letters_by_case, g_hash_table_unref);
  g_clear_pointer (&self->evaluations_by_agency, g_hash_table_unref);
  g_clear_pointer (&self->empty, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_rule_data_parent_class)->finalize (object);
}

static void
jd_rule_data_class_init (JdRuleDataClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_rule_data_finalize;
}

static GHashTable *
new_index (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                (GDestroyNotify) g_ptr_array_unref);
}

static void
jd_rule_data_init (JdRuleData *self)
{
  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    {
      self->lists[i] = g_ptr_array_new_with_free_func (g_object_unref);
      self->by_id[i] = g_hash_table_new (g_str_hash, g_str_equal);
    }
  self->records_by_case = new_index ();
  self->letters_by_case = new_index ();
  self->evaluations_by_agency = new_index ();
  self->empty = g_ptr_array_new ();
}

JdRuleData *
jd_rule_data_new (void)
{
  return g_object_new (JD_TYPE_RULE_DATA, NULL);
}

JdRuleData *
jd_rule_data_new_for_document (JdDocument *document)
{
  JdRuleData *self = jd_rule_data_new ();

  for (JdCollection c = 0; c < JD_N_COLLECTIONS; c++)
    {
      GPtrArray *entities = jd_document_get_entities (document, c);

      for (guint i = 0; i < entities->len; i++)
        jd_rule_data_add (self, entities->pdata[i]);
    }
  return self;
}

static void
index_add (GHashTable *index,
           const char *key,
           JdEntity   *entity)
{
  GPtrArray *list;

  if (key == NULL)
    return;
  list = g_hash_table_lookup (index, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (index, g_strdup (key), list);
    }
  g_ptr_array_add (list, entity);
}

void
jd_rule_data_add (JdRuleData *self,
                  JdEntity   *entity)
{
  JdCollection collection = jd_entity_get_collection (entity);
  const char *id = jd_entity_get_id (entity);

  g_return_if_fail (JD_IS_RULE_DATA (self));

  g_ptr_array_add (self->lists[collection], g_object_ref (entity));
  if (id != NULL)
    g_hash_table_replace (self->by_id[collection], (char *) id, entity);

  switch (collection)
    {
    case JD_COLLECTION_RECORDS:
      index_add (self->records_by_case, jd_entity_get_string (entity, "case_id"), entity);
      break;
    case JD_COLLECTION_LETTERS:
      index_add (self->letters_by_case, jd_entity_get_string (entity, "supervision_case_id"),
                 entity);
      break;
    case JD_COLLECTION_EVALUATIONS:
      index_add (self->evaluations_by_agency, jd_entity_get_string (entity, "agency_id"), entity);
      break;
    default:
      break;
    }
}

JdEntity *
jd_rule_data_get (JdRuleData   *self,
                  JdCollection  collection,
                  const char   *id)
{
  if (id == NULL)
    return NULL;
  return g_hash_table_lookup (self->by_id[collection], id);
}

GPtrArray *
jd_rule_data_list (JdRuleData   *self,
                   JdCollection  collection)
{
  return self->lists[collection];
}

static GPtrArray *
lookup (JdRuleData *self,
        GHashTable *index,
        const char *key)
{
  GPtrArray *list = key != NULL ? g_hash_table_lookup (index, key) : NULL;

  return list != NULL ? list : self->empty;
}

GPtrArray *
jd_rule_data_records_for (JdRuleData *self,
                          const char *case_id)
{
  return lookup (self, self->records_by_case, case_id);
}

GPtrArray *
jd_rule_data_letters_for (JdRuleData *self,
                          const char *supervision_case_id)
{
  return lookup (self, self->letters_by_case, supervision_case_id);
}

GPtrArray *
jd_rule_data_evaluations_for (JdRuleData *self,
                              const char *agency_id)
{
  return lookup (self, self->evaluations_by_agency, agency_id);
}
