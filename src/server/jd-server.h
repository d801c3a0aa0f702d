#pragma once

#include <gio/gio.h>

#include "jd-server-store.h"

G_BEGIN_DECLS

#define JD_SERVER_ERROR (jd_server_error_quark ())

typedef enum
{
  JD_SERVER_ERROR_CONFIG,   /* a bad address, certificate or setting */
} JdServerError;

#define JD_SERVER_DEFAULT_MAX_BODY      (8 * 1024 * 1024)
#define JD_SERVER_DEFAULT_TOKEN_SECONDS (30 * 24 * 3600)

typedef struct
{
  char   *data_dir;         /* calendar/ and profiles/ served by /api/v1/data */
  char   *tls_cert;
  char   *tls_key;
  gint64  max_body;         /* bytes */
  gint64  token_lifetime;   /* seconds */
} JdServerOptions;

/* The HTTP side of jiandu-server: a SoupServer on the main context that answers the API of
 * docs/sync-protocol.md from @store. */
typedef struct _JdServer JdServer;

GQuark    jd_server_error_quark (void);

/* @store stays owned by the caller and must outlive the server. */
JdServer *jd_server_new         (JdServerStore          *store,
                                 const JdServerOptions  *options,
                                 GError                **error);
/* Listens on "ADDR:PORT" (port 0 picks a free one). */
gboolean  jd_server_listen      (JdServer               *self,
                                 const char             *address,
                                 GError                **error);
/* The base URI it listens on, e.g. "http://127.0.0.1:8080/". */
char     *jd_server_get_uri     (JdServer               *self);
void      jd_server_free        (JdServer               *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdServer, jd_server_free)

G_END_DECLS
