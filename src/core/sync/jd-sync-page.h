#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A page of a pull (docs/sync-protocol.md, "Pull"), read from its text without a parsed tree:
 * a first pull is hundreds of megabytes of rows, and json-glib's trees of them cost more than
 * writing them. Reading it needs no store, so it runs on a worker thread. */
typedef struct _JdSyncPage JdSyncPage;

JdSyncPage *jd_sync_page_read          (GBytes            *body,
                                        GError           **error);
void        jd_sync_page_free          (JdSyncPage        *page);
gint64      jd_sync_page_get_cursor    (const JdSyncPage  *page);
gboolean    jd_sync_page_get_more      (const JdSyncPage  *page);
/* Rows still to pull after this page, as the server counts them (0 when it says nothing). */
gint64      jd_sync_page_get_remaining (const JdSyncPage  *page);
guint       jd_sync_page_get_n_rows    (const JdSyncPage  *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdSyncPage, jd_sync_page_free)

G_END_DECLS
