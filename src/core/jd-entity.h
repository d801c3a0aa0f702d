#pragma once

#include <json-glib/json-glib.h>

#include "jd-schema.h"

G_BEGIN_DECLS

#define JD_TYPE_ENTITY (jd_entity_get_type ())

G_DECLARE_DERIVABLE_TYPE (JdEntity, jd_entity, JD, ENTITY, GObject)

/* A row of a synced collection. Its data is the validated jiandu/1 object (the "fields"); the
 * sync metadata (server revision, modified time, tombstone) lives beside it and never travels in
 * a document. Subclasses add typed accessors for what the rest of the product reads. */
struct _JdEntityClass
{
  GObjectClass parent_class;

  JdCollection collection;

  /*< private >*/
  gpointer padding[4];
};

JdEntity     *jd_entity_new_for_collection (JdCollection collection,
                                            JsonObject  *fields);
JdCollection  jd_entity_get_collection     (JdEntity    *self);
const char   *jd_entity_get_id             (JdEntity    *self);
JsonObject   *jd_entity_get_fields         (JdEntity    *self);
gint64        jd_entity_get_revision       (JdEntity    *self);
void          jd_entity_set_revision       (JdEntity    *self,
                                            gint64       revision);
const char   *jd_entity_get_modified       (JdEntity    *self);
void          jd_entity_set_modified       (JdEntity    *self,
                                            const char  *modified);
gboolean      jd_entity_get_deleted        (JdEntity    *self);
void          jd_entity_set_deleted        (JdEntity    *self,
                                            gboolean     deleted);
char         *jd_entity_get_object_path    (JdEntity    *self);

/* Reads a member of the fields; NULL when it is not recorded. */
const char   *jd_entity_get_string         (JdEntity    *self,
                                            const char  *member);
JsonArray    *jd_entity_get_array          (JdEntity    *self,
                                            const char  *member);
JsonObject   *jd_entity_get_object         (JdEntity    *self,
                                            const char  *member);

G_END_DECLS
