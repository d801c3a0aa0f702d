#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

#define JD_TYPE_DOCUMENT (jd_document_get_type ())

G_DECLARE_FINAL_TYPE (JdDocument, jd_document, JD, DOCUMENT, GObject)

/* A jiandu/1 document in memory: the entities of each collection in document order. Whole-process
 * records are held as their own collection, each naming its case. */
JdDocument *jd_document_new          (void);
void        jd_document_add          (JdDocument   *self,
                                      JdEntity     *entity);
/* @path is where the entity stands in the file ("cases[3].records[0]"), for messages. */
void        jd_document_add_with_path (JdDocument  *self,
                                       JdEntity    *entity,
                                       const char  *path);
const char *jd_document_get_path     (JdDocument   *self,
                                      JdCollection  collection,
                                      guint         index);
/* The compact JSON text of an entity as it was checked, so that writing it needs no second
 * serialization (the codec makes it on the thread that reads or generates); NULL if unknown.
 * Valid as long as nobody changes the entity's fields after adding it. */
void        jd_document_set_text     (JdDocument   *self,
                                      JdCollection  collection,
                                      guint         index,
                                      char         *text);
const char *jd_document_get_text     (JdDocument   *self,
                                      JdCollection  collection,
                                      guint         index);
GPtrArray  *jd_document_get_entities (JdDocument   *self,
                                      JdCollection  collection);
guint       jd_document_get_n_total  (JdDocument   *self);
/* The records of each case, in document order: case id → GPtrArray of JdRecord (borrowed from
 * @self, as are the keys). A record naming no case is left out. */
GHashTable *jd_document_group_records (JdDocument  *self);

G_END_DECLS
