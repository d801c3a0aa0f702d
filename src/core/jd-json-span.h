#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a value lies in a JSON text: bytes [offset, offset + length). */
typedef struct
{
  gsize offset;
  gsize length;
} JdJsonSpan;

GArray   *jd_json_element_member_spans (const char *text,
                                       gsize       length,
                                       const char *array,
                                       const char *member);
gboolean  jd_json_member_span          (const char *text,
                                       gsize       length,
                                       const char *member,
                                       JdJsonSpan *span);

G_END_DECLS
