#pragma once

#include "jd-core.h"
#include "jd-store-sync.h"

G_BEGIN_DECLS

/* The app's side of sync: signs in and out, runs a sync on a worker thread (its own main context
 * and its own connection to the database) while the window keeps reading, syncs every
 * "sync-interval" minutes while the network monitor says the network is up, and keeps what the
 * sync button shows. */

typedef enum
{
  JD_SYNC_STATE_SIGNED_OUT,  /* no account, or no token for it */
  JD_SYNC_STATE_IDLE,        /* signed in, nothing running, the last sync (if any) went well */
  JD_SYNC_STATE_SYNCING,
  JD_SYNC_STATE_OFFLINE,     /* the network is down, or the server could not be reached */
  JD_SYNC_STATE_ERROR,       /* the last sync failed otherwise: see get_last_error */
} JdSyncState;

#define JD_TYPE_SYNC_MANAGER (jd_sync_manager_get_type ())

G_DECLARE_FINAL_TYPE (JdSyncManager, jd_sync_manager, JD, SYNC_MANAGER, GObject)

/* Reads the account and the counts from @store; syncs write through a connection of their own
 * to the same file. @settings holds "sync-interval". */
JdSyncManager      *jd_sync_manager_new            (JdStore        *store,
                                                    GSettings      *settings);
JdSyncState         jd_sync_manager_get_state      (JdSyncManager  *self);
/* The account, the counts and the time of the last complete sync, as last read. */
const JdSyncStatus *jd_sync_manager_get_status     (JdSyncManager  *self);
/* Rows done and in all, while syncing. */
void                jd_sync_manager_get_progress   (JdSyncManager  *self,
                                                    gint64         *done,
                                                    gint64         *total);
/* What went wrong the last time, in words for the user; NULL after a sync that went well. */
const char         *jd_sync_manager_get_last_error (JdSyncManager  *self);
/* Starts a sync unless one runs or nobody is signed in; returns whether it started. */
gboolean            jd_sync_manager_sync           (JdSyncManager  *self);
void                jd_sync_manager_cancel         (JdSyncManager  *self);
/* Reads the counts again (after conflicts were resolved, or other writes); emits "changed". */
void                jd_sync_manager_refresh        (JdSyncManager  *self);
/* The minutes between automatic syncs as scheduled now, 0 when there are none. */
guint               jd_sync_manager_get_interval   (JdSyncManager  *self);
/* Stops the timer and any sync, and waits for the worker thread: before the window goes. */
void                jd_sync_manager_shutdown       (JdSyncManager  *self);

/* Checks that the database may meet a server, signs in, keeps the token and records the
 * account in the database. */
void                jd_sync_manager_sign_in_async  (JdSyncManager       *self,
                                                    const char          *server,
                                                    const char          *user,
                                                    const char          *password,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            jd_sync_manager_sign_in_finish (JdSyncManager       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* Whether the last sign-in kept its token in a file, no keyring answering (see jd-sync-token.h). */
gboolean            jd_sync_manager_get_token_in_file (JdSyncManager *self);
/* Asks the server to revoke the token and forgets it here, whatever the server says. */
void                jd_sync_manager_sign_out_async (JdSyncManager       *self,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean            jd_sync_manager_sign_out_finish (JdSyncManager      *self,
                                                     GAsyncResult       *result,
                                                     GError            **error);

/* @error in plain words: what happened and what to do. */
char               *jd_sync_manager_describe_error (const GError   *error,
                                                    const char     *server);

G_END_DECLS
