#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where a value lies in a JSON text: bytes [offset, offset + length). */
typedef struct
{
  gsize offset;
  gsize length;
} JdJsonSpan;

GArray *jd_json_element_member_spans (const char *text,
                                      gsize       length,
                                      const char *array,
                                      const char *member);

G_END_DECLS
