#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a value lies in a JSON text: bytes [offset, offset + length). */
typedef struct
{
  gsize offset;
  gsize length;
} JdJsonSpan;

/* A walk over the members of an object or the elements of an array; its fields are private. */
typedef struct
{
  const char *text;
  const char *p;
  const char *end;
} JdJsonIter;

/* The kind of a value, told by jd_json_span_kind() from its first bytes. */
typedef enum
{
  JD_JSON_NULL,
  JD_JSON_BOOLEAN,
  JD_JSON_INTEGER,
  JD_JSON_DOUBLE,
  JD_JSON_STRING,
  JD_JSON_OBJECT,
  JD_JSON_ARRAY,
} JdJsonKind;

gboolean    jd_json_member_span          (const char *text,
                                          gsize       length,
                                          const char *member,
                                          JdJsonSpan *span);

gboolean    jd_json_check                (const char *text,
                                          gsize       length);

/* The functions below read text that jd_json_check() accepted, and spans that they gave. */
gboolean    jd_json_iter_init_object     (JdJsonIter *iter,
                                          const char *text,
                                          JdJsonSpan  span);
gboolean    jd_json_iter_init_array      (JdJsonIter *iter,
                                          const char *text,
                                          JdJsonSpan  span);
gboolean    jd_json_iter_next_member     (JdJsonIter *iter,
                                          JdJsonSpan *name,
                                          JdJsonSpan *value);
gboolean    jd_json_iter_next_element    (JdJsonIter *iter,
                                          JdJsonSpan *value);

JdJsonKind  jd_json_span_kind            (const char *text,
                                          JdJsonSpan  span);
char       *jd_json_span_dup_string      (const char *text,
                                          JdJsonSpan  span);
gboolean    jd_json_span_append_string   (const char *text,
                                          JdJsonSpan  span,
                                          GString    *out);
gboolean    jd_json_span_equal           (const char *text,
                                          JdJsonSpan  span,
                                          const char *key);
gboolean    jd_json_span_get_int         (const char *text,
                                          JdJsonSpan  span,
                                          gint64     *value);
gboolean    jd_json_object_lookup        (const char *text,
                                          JdJsonSpan  object,
                                          const char *name,
                                          JdJsonSpan *value);

G_END_DECLS
