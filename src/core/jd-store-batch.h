#pragma once

#include "jd-document.h"
#include "jd-store.h"

G_BEGIN_DECLS

/* Objects ready for the store: each one's text and the members the store copies into columns,
 * taken from the object once, on the thread that read or made it. A batch that copies them
 * (keep_objects FALSE in jd_store_batch_add_document()) no longer needs the objects, which can
 * be freed at once: how the sample generator hands a million cases to the store without keeping
 * a million JSON trees alive until they are written. */
typedef struct _JdStoreBatch JdStoreBatch;

JdStoreBatch *jd_store_batch_new          (void);
void          jd_store_batch_free         (JdStoreBatch *batch);
/* Adds every object of @document, in its order. With @keep_objects the batch holds @document
 * and borrows from it (no copy: for a document that lives anyway); otherwise it copies what it
 * needs, and @document may be freed (the objects of officers are kept all the same, for their
 * certificates). Objects without a text get one. */
void          jd_store_batch_add_document (JdStoreBatch *batch,
                                           JdDocument   *document,
                                           gboolean      keep_objects);
guint         jd_store_batch_get_n_rows   (JdStoreBatch *batch);

/* Writes @batch in one transaction, as jd_store_import() writes a document (which it does
 * through a batch that keeps the document's objects). */
gboolean      jd_store_import_batch       (JdStore       *self,
                                           JdStoreBatch  *batch,
                                           JdImportStats *stats,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdStoreBatch, jd_store_batch_free)

G_END_DECLS
