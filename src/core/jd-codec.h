#pragma once

#include <gio/gio.h>

#include "jd-document.h"

G_BEGIN_DECLS

#define JD_CODEC_FORMAT "jiandu/1"

#define JD_CODEC_ERROR (jd_codec_error_quark ())

typedef enum
{
  JD_CODEC_ERROR_ENCODING,  /* not UTF-8 */
  JD_CODEC_ERROR_SYNTAX,    /* not JSON */
  JD_CODEC_ERROR_FORMAT,    /* JSON, but not a jiandu/1 document */
  JD_CODEC_ERROR_INVALID,   /* a value breaks FORMAT.md; the message names its JSON path */
} JdCodecError;

GQuark      jd_codec_error_quark       (void);

JdDocument *jd_codec_read              (GBytes               *bytes,
                                        GError              **error);
JdDocument *jd_codec_read_file         (const char           *path,
                                        GError              **error);

/* Checks one object of @collection and adds it (and, for a case, its records) to @document,
 * as reading a file does; @path names it in messages. Duplicates are not looked for. */
gboolean    jd_codec_add_object        (JdDocument           *document,
                                        JdCollection          collection,
                                        JsonObject           *object,
                                        const char           *path,
                                        GError              **error);

/* Checks @object against @schema and drops members that are null ("not recorded"). @path names
 * the object in messages, e.g. "cases[3]". */
gboolean    jd_codec_check_object      (const JdObjectSchema *schema,
                                        JsonObject           *object,
                                        const char           *path,
                                        GError              **error);

/* Compact JSON of one object, members in their order. */
char       *jd_codec_object_to_string  (JsonObject           *object,
                                        gsize                *length);
JsonObject *jd_codec_object_from_string (const char          *text,
                                         GError             **error);

/* Writes a document piece by piece, so that a whole district never has to be held in memory:
 * collections in FORMAT.md order, one entity per line. */
typedef struct _JdCodecWriter JdCodecWriter;

JdCodecWriter *jd_codec_writer_new              (GOutputStream  *stream);
gboolean       jd_codec_writer_begin_collection (JdCodecWriter  *writer,
                                                 JdCollection    collection,
                                                 GError        **error);
/* @records, for a case, are nested into it as "records". */
gboolean       jd_codec_writer_add              (JdCodecWriter  *writer,
                                                 JsonObject     *fields,
                                                 GPtrArray      *records,
                                                 GError        **error);
gboolean       jd_codec_writer_finish           (JdCodecWriter  *writer,
                                                 GError        **error);
void           jd_codec_writer_free             (JdCodecWriter  *writer);

gboolean       jd_codec_write_document          (JdDocument     *document,
                                                 GOutputStream  *stream,
                                                 GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCodecWriter, jd_codec_writer_free)

G_END_DECLS
