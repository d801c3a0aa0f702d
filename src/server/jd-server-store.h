#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The district server's own database: the synced rows with their server sequence, the accounts,
 * their tokens, failed logins and the record of every mutation a client pushed. It is used from
 * the main thread only. */

#define JD_SERVER_STORE_ERROR (jd_server_store_error_quark ())

/* The schema version, in PRAGMA user_version beside the server's application_id: 2 since
 * row_agencies keeps its rows' revisions. */
#define JD_SERVER_STORE_VERSION 2

typedef enum
{
  JD_SERVER_STORE_ERROR_FAILED,   /* SQLite said no */
  JD_SERVER_STORE_ERROR_EXISTS,   /* a user of that name exists */
  JD_SERVER_STORE_ERROR_NOT_FOUND,
} JdServerStoreError;

typedef enum
{
  JD_SERVER_ROLE_OFFICER,
  JD_SERVER_ROLE_TOWN,
  JD_SERVER_ROLE_DISTRICT,
  JD_SERVER_ROLE_ADMIN,
} JdServerRole;

typedef struct
{
  char         *name;
  char         *agency_id;
  JdServerRole  role;
  char         *hash;       /* Argon2id, encoded */
  gboolean      disabled;
} JdServerUser;

typedef struct
{
  char     *collection;
  char     *id;
  gint64    rev;
  gboolean  deleted;
  char     *modified;
  char     *fields;          /* compact JSON text, NULL for a tombstone */
  gboolean  out_of_scope;    /* pulled: the row left the user's scope (fields not sent) */
} JdServerRow;

typedef struct _JdServerStore JdServerStore;

GQuark         jd_server_store_error_quark     (void);

const char    *jd_server_role_to_string        (JdServerRole   role);
gboolean       jd_server_role_from_string      (const char    *text,
                                                JdServerRole  *out);

void           jd_server_user_free             (JdServerUser  *user);
void           jd_server_row_free              (JdServerRow   *row);

JdServerStore *jd_server_store_open            (const char    *path,
                                                GError       **error);
/* Another connection to @self's database, for reading only (pulls), to be used by one thread at
 * a time; free it before @self. */
JdServerStore *jd_server_store_open_reader     (JdServerStore *self,
                                                GError       **error);
void           jd_server_store_free            (JdServerStore *self);
/* A copy, for another thread. */
JdServerUser  *jd_server_user_copy             (const JdServerUser *user);

/* A consistent copy of the live database into the new file @path (jd_db_backup). */
gboolean       jd_server_store_backup          (JdServerStore *self,
                                                const char    *path,
                                                GError       **error);

gboolean       jd_server_store_begin           (JdServerStore *self,
                                                GError       **error);
gboolean       jd_server_store_commit          (JdServerStore *self,
                                                GError       **error);
void           jd_server_store_rollback        (JdServerStore *self);
/* A nested transaction inside the current one, for one mutation of a batch. */
gboolean       jd_server_store_savepoint       (JdServerStore *self,
                                                GError       **error);
gboolean       jd_server_store_release         (JdServerStore *self,
                                                GError       **error);
void           jd_server_store_rollback_to     (JdServerStore *self);

/* Rows. NULL without an error when the server holds no such row. */
JdServerRow   *jd_server_store_get_row         (JdServerStore *self,
                                                const char    *collection,
                                                const char    *id,
                                                GError       **error);
/* Writes a row (a tombstone when @fields is NULL) with the next sequence number, which it
 * returns (0 on error). @agencies (NULL-terminated, may be empty) is the scope of the row; for a
 * tombstone pass NULL to keep the scope it had. */
gint64         jd_server_store_put_row         (JdServerStore       *self,
                                                const char          *collection,
                                                const char          *id,
                                                const char          *fields,
                                                const char * const  *agencies,
                                                GError             **error);
/* The agencies a stored row belongs to (its scope, kept for tombstones too). */
GStrv          jd_server_store_row_agencies    (JdServerStore *self,
                                                const char    *collection,
                                                const char    *id,
                                                GError       **error);
/* Gives the records of @case_id the scope @agency_id (NULL: none), each with a new revision,
 * when they do not have it yet: a record belongs to the agency of its case. */
gboolean       jd_server_store_rescope_records (JdServerStore *self,
                                                const char    *case_id,
                                                const char    *agency_id,
                                                GError       **error);
/* An agency got a new parent (@old_parent_id: the one it had, NULL if none) or was deleted:
 * every row of its subtree gets a new revision and an exit from the old parent, so that the
 * towns that gain it pull its rows and those that lose it are told. */
gboolean       jd_server_store_move_agency     (JdServerStore *self,
                                                const char    *agency_id,
                                                const char    *old_parent_id,
                                                GError       **error);
/* Forgets expired and revoked tokens and failed logins older than @failure_window seconds. */
void           jd_server_store_prune           (JdServerStore *self,
                                                gint64         now,
                                                gint64         failure_window);
/* The agency_id of a case, NULL when unknown. */
char          *jd_server_store_case_agency     (JdServerStore *self,
                                                const char    *case_id);
/* The ids of @agency_id and, when @subtree, of every agency below it by parent_id. */
GHashTable    *jd_server_store_scope_agencies  (JdServerStore *self,
                                                const char    *agency_id,
                                                gboolean       subtree,
                                                GError       **error);
/* Appends to @rows the rows changed after @cursor that @user may see, at most @limit, as
 * JdServerRow; @remaining gets how many more there are after the last one. */
gboolean       jd_server_store_pull            (JdServerStore *self,
                                                JdServerUser  *user,
                                                gint64         cursor,
                                                int            limit,
                                                GPtrArray     *rows,
                                                gint64        *remaining,
                                                GError       **error);

/* Users. */
gboolean       jd_server_store_add_user        (JdServerStore *self,
                                                const char    *name,
                                                const char    *agency_id,
                                                JdServerRole   role,
                                                const char    *hash,
                                                GError       **error);
JdServerUser  *jd_server_store_get_user        (JdServerStore *self,
                                                const char    *name,
                                                GError       **error);
GPtrArray     *jd_server_store_list_users      (JdServerStore *self,
                                                GError       **error);
/* Disables the account and revokes its tokens. */
gboolean       jd_server_store_disable_user    (JdServerStore *self,
                                                const char    *name,
                                                GError       **error);

/* Tokens, by the SHA-256 (hex) of the token; times in seconds since 1970. */
gboolean       jd_server_store_add_token       (JdServerStore *self,
                                                const char    *token_hash,
                                                const char    *user,
                                                gint64         expires,
                                                GError       **error);
/* The enabled user of a live token, or NULL. */
JdServerUser  *jd_server_store_token_user      (JdServerStore *self,
                                                const char    *token_hash,
                                                gint64         now);
gboolean       jd_server_store_revoke_token    (JdServerStore *self,
                                                const char    *token_hash,
                                                GError       **error);

/* Failed logins. Returns how many failures @user had since @since and, in @nth_latest, the time
 * of the @n-th most recent one (0 if fewer). */
int            jd_server_store_count_failures  (JdServerStore *self,
                                                const char    *user,
                                                gint64         since,
                                                int            n,
                                                gint64        *nth_latest);
gboolean       jd_server_store_add_failure     (JdServerStore *self,
                                                const char    *user,
                                                gint64         at,
                                                GError       **error);
gboolean       jd_server_store_clear_failures  (JdServerStore *self,
                                                const char    *user,
                                                GError       **error);

/* Mutations: the recorded result (JSON text) of a mutation id, or NULL; @user gets who sent it. */
char          *jd_server_store_get_mutation    (JdServerStore *self,
                                                const char    *mutation_id,
                                                char         **user);
gboolean       jd_server_store_put_mutation    (JdServerStore *self,
                                                const char    *mutation_id,
                                                const char    *user,
                                                const char    *result,
                                                GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdServerStore, jd_server_store_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdServerUser, jd_server_user_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdServerRow, jd_server_row_free)

G_END_DECLS
