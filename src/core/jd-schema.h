#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The interchange format jiandu/1 described as data: the codec validates documents against it and
 * the store learns from it which collections exist. One table, read from FORMAT.md. */

typedef enum
{
  JD_FIELD_STRING,
  JD_FIELD_DATE,     /* YYYY-MM-DD */
  JD_FIELD_TIME,     /* ISO 8601 with offset */
  JD_FIELD_INT,
  JD_FIELD_NUMBER,
  JD_FIELD_BOOL,
  JD_FIELD_ENUM,
  JD_FIELD_OBJECT,
  JD_FIELD_ARRAY,
} JdFieldKind;

typedef struct _JdObjectSchema JdObjectSchema;

typedef struct
{
  const char           *name;
  JdFieldKind           kind;
  /* For arrays: the kind of each item; objects use @object. */
  JdFieldKind           item_kind;
  const char * const   *values;     /* allowed values of an enum (or of enum items) */
  const JdObjectSchema *object;     /* schema of an object, or of object items */
  gboolean              required;
  int                   min;        /* inclusive bounds of an int, when max > min */
  int                   max;
} JdField;

struct _JdObjectSchema
{
  const char    *name;
  const JdField *fields;            /* terminated by a field with a NULL name */
};

typedef enum
{
  JD_COLLECTION_AGENCIES,
  JD_COLLECTION_OFFICERS,
  JD_COLLECTION_CASES,
  JD_COLLECTION_RECORDS,
  JD_COLLECTION_COMPLAINTS,
  JD_COLLECTION_SUPERVISION_CASES,
  JD_COLLECTION_LETTERS,
  JD_COLLECTION_DISPUTES,
  JD_COLLECTION_SOCIAL_SUPERVISORS,
  JD_COLLECTION_EVALUATIONS,
  JD_N_COLLECTIONS,
} JdCollection;

/* Records travel inside cases[].records in a document but are rows of their own in the store:
 * they are append-only. */
const char           *jd_collection_key       (JdCollection collection);
gboolean              jd_collection_from_key  (const char   *key,
                                               JdCollection *out);
const JdObjectSchema *jd_collection_schema    (JdCollection collection);
const JdField        *jd_object_schema_lookup (const JdObjectSchema *schema,
                                               const char           *name);

extern const char * const jd_action_types[];
extern const char * const jd_stage_codes[];
extern const char * const jd_measure_codes[];

G_END_DECLS
