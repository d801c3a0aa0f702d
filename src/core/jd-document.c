#include "jd-document.h"

struct _JdDocument
{
  GObject    parent_instance;

  /* owned references */
  GPtrArray *entities[JD_N_COLLECTIONS];
  GPtrArray *paths[JD_N_COLLECTIONS];
  GPtrArray *texts[JD_N_COLLECTIONS];
};

G_DEFINE_FINAL_TYPE (JdDocument, jd_document, G_TYPE_OBJECT)

static void
jd_document_finalize (GObject *object)
{
  JdDocument *self = JD_DOCUMENT (object);

  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    {
      g_clear_pointer (&self->entities[i], g_ptr_array_unref);
      g_clear_pointer (&self->paths[i], g_ptr_array_unref);
      g_clear_pointer (&self->texts[i], g_ptr_array_unref);
    }

  G_OBJECT_CLASS (jd_document_parent_class)->finalize (object);
}

static void
jd_document_class_init (JdDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_document_finalize;
}

static void
jd_document_init (JdDocument *self)
{
  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    {
      self->entities[i] = g_ptr_array_new_with_free_func (g_object_unref);
      self->paths[i] = g_ptr_array_new_with_free_func (g_free);
      self->texts[i] = g_ptr_array_new_with_free_func (g_free);
    }
}

JdDocument *
jd_document_new (void)
{
  return g_object_new (JD_TYPE_DOCUMENT, NULL);
}

void
jd_document_add (JdDocument *self,
                 JdEntity   *entity)
{
  g_return_if_fail (JD_IS_DOCUMENT (self));
  g_return_if_fail (JD_IS_ENTITY (entity));

  jd_document_add_with_path (self, entity, NULL);
}

void
jd_document_add_with_path (JdDocument *self,
                           JdEntity   *entity,
                           const char *path)
{
  JdCollection collection;

  g_return_if_fail (JD_IS_DOCUMENT (self));
  g_return_if_fail (JD_IS_ENTITY (entity));

  collection = jd_entity_get_collection (entity);
  g_ptr_array_add (self->entities[collection], g_object_ref (entity));
  g_ptr_array_add (self->paths[collection], path != NULL ? g_strdup (path)
                                                          : jd_entity_get_object_path (entity));
  g_ptr_array_add (self->texts[collection], NULL);
}

void
jd_document_set_text (JdDocument   *self,
                      JdCollection  collection,
                      guint         index,
                      char         *text)
{
  g_return_if_fail (JD_IS_DOCUMENT (self));
  g_return_if_fail (collection < JD_N_COLLECTIONS);
  g_return_if_fail (index < self->texts[collection]->len);

  g_free (self->texts[collection]->pdata[index]);
  self->texts[collection]->pdata[index] = text;
}

const char *
jd_document_get_text (JdDocument   *self,
                      JdCollection  collection,
                      guint         index)
{
  g_return_val_if_fail (JD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);
  g_return_val_if_fail (index < self->texts[collection]->len, NULL);

  return self->texts[collection]->pdata[index];
}

const char *
jd_document_get_path (JdDocument   *self,
                      JdCollection  collection,
                      guint         index)
{
  g_return_val_if_fail (JD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);
  g_return_val_if_fail (index < self->paths[collection]->len, NULL);

  return self->paths[collection]->pdata[index];
}

GPtrArray *
jd_document_get_entities (JdDocument   *self,
                          JdCollection  collection)
{
  g_return_val_if_fail (JD_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);

  return self->entities[collection];
}

GHashTable *
jd_document_group_records (JdDocument *self)
{
  GPtrArray *records;
  GHashTable *by_case;

  g_return_val_if_fail (JD_IS_DOCUMENT (self), NULL);

  records = self->entities[JD_COLLECTION_RECORDS];
  by_case = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < records->len; i++)
    {
      const char *case_id = jd_entity_get_string (records->pdata[i], "case_id");
      GPtrArray *list;

      if (case_id == NULL)
        continue;
      list = g_hash_table_lookup (by_case, case_id);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_case, (gpointer) case_id, list);
        }
      g_ptr_array_add (list, records->pdata[i]);
    }
  return by_case;
}

guint
jd_document_get_n_total (JdDocument *self)
{
  guint n = 0;

  g_return_val_if_fail (JD_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < JD_N_COLLECTIONS; i++)
    n += self->entities[i]->len;

  return n;
}
