#pragma once

#include <json-glib/json-glib.h>

#include "jd-store.h"
#include "sync/jd-sync-page.h"

G_BEGIN_DECLS

/* The store's side of sync (docs/sync-protocol.md): the outbox sent as mutations, the answers
 * and pulled pages committed, conflicts kept until the user resolves them. */

typedef struct
{
  char   *server;     /* NULL until the first login */
  char   *user;
  gint64  cursor;     /* the server sequence pulled up to */
  char   *last_sync;  /* ISO 8601, NULL before the first complete sync */
  gint64  pending;    /* outbox entries */
  gint64  conflicts;  /* members in conflict */
  gint64  conflicted_rows;
  gint64  rejected;   /* rows the server refused */
} JdSyncStatus;

void jd_sync_status_clear (JdSyncStatus *status);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JdSyncStatus, jd_sync_status_clear)

typedef struct
{
  gint64        id;
  JdCollection  collection;
  char         *row_id;
  char         *member;      /* "" for the row itself: deleted on one side, edited on the other */
  JsonNode     *base;        /* NULL: absent (or, for the row, not there) */
  JsonNode     *mine;        /* NULL: absent, or deleted here */
  JsonNode     *theirs;      /* NULL: absent, or deleted on the server */
  gint64        server_rev;
} JdSyncConflict;

void jd_sync_conflict_free (JdSyncConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdSyncConflict, jd_sync_conflict_free)

typedef struct
{
  JdCollection  collection;
  char         *row_id;
  char         *code;
  char         *message;
  char         *time;
} JdSyncRejection;

void jd_sync_rejection_free (JdSyncRejection *rejection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdSyncRejection, jd_sync_rejection_free)

typedef struct
{
  guint applied;
  guint conflicts;  /* rows the server had changed; merged, some with members in conflict */
  guint rejected;
} JdSyncPushStats;

typedef struct
{
  guint written;    /* rows replaced, added or deleted */
  guint merged;     /* rows with a local edit, merged member by member */
  guint conflicts;  /* members left in conflict */
  guint left;       /* rows that left the user's scope on the server */
} JdSyncPullStats;

typedef enum
{
  JD_SYNC_KEEP_MINE,
  JD_SYNC_KEEP_THEIRS,
} JdSyncKeep;

gboolean   jd_store_sync_get_status      (JdStore          *self,
                                          JdSyncStatus     *status,
                                          GError          **error);
/* Fails with JD_STORE_ERROR_SAMPLE_DATA when the replica holds generated sample data, which must
 * never reach a server. */
gboolean   jd_store_sync_check_attachable (JdStore         *self,
                                           GError         **error);
/* Records the account this replica syncs as. Another server or user starts the pull from the
 * beginning. */
gboolean   jd_store_sync_set_account     (JdStore          *self,
                                          const char       *server,
                                          const char       *user,
                                          GError          **error);
gboolean   jd_store_sync_set_last_sync   (JdStore          *self,
                                          const char       *time,
                                          GError          **error);

/* The next mutations to push, oldest first, at most @limit, each with its mutation_id committed
 * before this returns: an entry sent before and not answered yet is sent again as it was. Rows
 * with unresolved conflicts wait. Returns a new array of mutation objects (protocol "Push"). */
JsonArray *jd_store_sync_next_batch      (JdStore          *self,
                                          guint             limit,
                                          GError          **error);
/* Commits the "results" of a push, all in one transaction. */
gboolean   jd_store_sync_commit_results  (JdStore          *self,
                                          JsonArray        *results,
                                          JdSyncPushStats  *stats,
                                          GError          **error);
/* Applies the rows of a pulled page and stores its cursor, in one transaction. */
gboolean   jd_store_sync_apply_page      (JdStore           *self,
                                          const JdSyncPage  *page,
                                          JdSyncPullStats   *stats,
                                          GError           **error);
/* The same for a page of @changes (the "changes" member of a pull answer) with @cursor. */
gboolean   jd_store_sync_apply_pull      (JdStore          *self,
                                          JsonArray        *changes,
                                          gint64            cursor,
                                          JdSyncPullStats  *stats,
                                          GError          **error);

GPtrArray *jd_store_sync_list_conflicts  (JdStore          *self,
                                          GError          **error);
GPtrArray *jd_store_sync_list_rejections (JdStore          *self,
                                          GError          **error);
/* Resolves the conflicts of row @row_id (of any collection when @collection is -1): every
 * member, or only @member. Returns FALSE with JD_STORE_ERROR_REFERENCE when there is none. */
gboolean   jd_store_sync_resolve         (JdStore          *self,
                                          int               collection,
                                          const char       *row_id,
                                          const char       *member,
                                          JdSyncKeep        keep,
                                          GError          **error);

G_END_DECLS
