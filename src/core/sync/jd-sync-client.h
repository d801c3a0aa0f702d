#pragma once

#include <gio/gio.h>

#include "jd-store.h"
#include "jd-store-sync.h"

G_BEGIN_DECLS

#define JD_SYNC_ERROR (jd_sync_error_quark ())

typedef enum
{
  JD_SYNC_ERROR_NETWORK,           /* the server cannot be reached (after the retries) */
  JD_SYNC_ERROR_SERVER,            /* 5xx after the retries */
  JD_SYNC_ERROR_BAD_CREDENTIALS,   /* wrong user or password, or a disabled user */
  JD_SYNC_ERROR_BAD_TOKEN,         /* unknown, expired or revoked token: log in again */
  JD_SYNC_ERROR_FORBIDDEN,
  JD_SYNC_ERROR_TOO_MANY_ATTEMPTS,
  JD_SYNC_ERROR_PROTOCOL,          /* an answer that does not follow docs/sync-protocol.md */
  JD_SYNC_ERROR_REFUSED,           /* any other 4xx */
  JD_SYNC_ERROR_NOT_LOGGED_IN,
} JdSyncError;

GQuark jd_sync_error_quark (void);

typedef struct
{
  char *token;
  char *expires;
  char *user;
  char *agency_id;
  char *role;
} JdSyncAccount;

void jd_sync_account_free (JdSyncAccount *account);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdSyncAccount, jd_sync_account_free)

typedef struct
{
  JdSyncPushStats push;
  JdSyncPullStats pull;
  guint           data_files;   /* calendars and profiles fetched */
} JdSyncResult;

#define JD_TYPE_SYNC_CLIENT (jd_sync_client_get_type ())

G_DECLARE_FINAL_TYPE (JdSyncClient, jd_sync_client, JD, SYNC_CLIENT, GObject)

JdSyncClient  *jd_sync_client_new          (const char           *server_url);
const char    *jd_sync_client_get_server   (JdSyncClient         *self);
void           jd_sync_client_set_token    (JdSyncClient         *self,
                                            const char           *token);
/* How often and how patiently a failed request (network error or 5xx) is tried again: up to
 * @max_attempts in all, waiting @base_delay_ms, then twice that, … plus up to half of it at
 * random, so that offices coming back online do not all retry at once. */
void           jd_sync_client_set_retry    (JdSyncClient         *self,
                                            guint                 max_attempts,
                                            guint                 base_delay_ms);
/* Where fetched calendars and profiles go (default $XDG_DATA_HOME/jiandu). */
void           jd_sync_client_set_data_dir (JdSyncClient         *self,
                                            const char           *dir);

void           jd_sync_client_login_async  (JdSyncClient         *self,
                                            const char           *user,
                                            const char           *password,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
JdSyncAccount *jd_sync_client_login_finish (JdSyncClient         *self,
                                            GAsyncResult         *result,
                                            GError              **error);

void           jd_sync_client_logout_async  (JdSyncClient        *self,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       jd_sync_client_logout_finish (JdSyncClient        *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Pushes the outbox, pulls until the server has nothing more, then fetches the data files.
 * Emits ::progress (done, total rows) as it goes. Cancelling stops it between requests; what
 * was committed stays. */
void           jd_sync_client_sync_async    (JdSyncClient        *self,
                                             JdStore             *store,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean       jd_sync_client_sync_finish   (JdSyncClient        *self,
                                             GAsyncResult        *result,
                                             JdSyncResult        *out,
                                             GError             **error);

G_END_DECLS
