#pragma once

#include <json-glib/json-glib.h>

#include "jd-document.h"
#include "jd-server-store.h"

G_BEGIN_DECLS

/* Pull and push as docs/sync-protocol.md describes them, on top of the server store. */

#define JD_SERVER_SYNC_ERROR (jd_server_sync_error_quark ())

typedef enum
{
  JD_SERVER_SYNC_ERROR_BAD_REQUEST,  /* a member missing or of the wrong type: nothing stored */
  JD_SERVER_SYNC_ERROR_INTERNAL,
} JdServerSyncError;

#define JD_SERVER_SYNC_MAX_MUTATIONS 500
#define JD_SERVER_SYNC_MAX_LIMIT     5000
#define JD_SERVER_SYNC_LIMIT         500

GQuark  jd_server_sync_error_quark (void);

/* The agencies a row of @collection with @fields belongs to (see "Scope"); empty when it cannot
 * be told. */
GStrv   jd_server_sync_row_agencies (JdServerStore *store,
                                     JdCollection   collection,
                                     JsonObject    *fields);

/* The answer to a pull, as JSON text. */
char   *jd_server_sync_pull         (JdServerStore *store,
                                     JdServerUser  *user,
                                     gint64         cursor,
                                     int            limit,
                                     GError       **error);

/* Checks the whole request, then applies each mutation in its own transaction; returns the
 * answer as JSON text. */
char   *jd_server_sync_push         (JdServerStore *store,
                                     JdServerUser  *user,
                                     JsonNode      *request,
                                     GError       **error);

/* Stores every object of @document as a row, in one transaction; @n_rows gets how many. */
gboolean jd_server_sync_import      (JdServerStore *store,
                                     JdDocument    *document,
                                     guint         *n_rows,
                                     GError       **error);

G_END_DECLS
