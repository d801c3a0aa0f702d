#include "jd-server-store.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "jd-db-backup.h"
#include "jd-store.h"

G_DEFINE_QUARK (jd-server-store-error-quark, jd_server_store_error)

/* "role agency cursor" → Remaining (see count_remaining()), shared by a store's connections. */
typedef struct
{
  gatomicrefcount  ref;
  GMutex           lock;
  GHashTable      *table;
} RemainingCache;

struct _JdServerStore
{
  char           *path;
  sqlite3        *db;
  GHashTable     *statements;   /* SQL text (a literal) → prepared statement */
  RemainingCache *remaining;
};

/* How many rows in a scope follow a cursor, as counted when the table's last revision was
 * @max_rev. */
typedef struct
{
  gint64 count;
  gint64 max_rev;
} Remaining;

/* Entries of clients that stopped pulling are dropped all at once past this many. */
#define MAX_REMAINING 4096

typedef sqlite3_stmt JdStmt;

static void
stmt_reset (JdStmt *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdStmt, stmt_reset)

static void
stmt_finalize (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS rows ("
  "  collection TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  rev INTEGER NOT NULL UNIQUE,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  modified TEXT NOT NULL,"
  "  fields TEXT,"
  "  PRIMARY KEY (collection, id)) WITHOUT ROWID;"
  /* Disputes belong to several agencies: the scope of a row is a set. */
  "CREATE TABLE IF NOT EXISTS row_agencies ("
  "  collection TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  agency_id TEXT NOT NULL,"
  /* The row's rev, so that a scoped pull reads its agencies' rows in order (see SCOPE_REVS). */
  "  rev INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (collection, id, agency_id),"
  "  FOREIGN KEY (collection, id) REFERENCES rows (collection, id) ON DELETE CASCADE"
  ") WITHOUT ROWID;"
  /* A record's scope follows its case: this finds the records of a case that moved. */
  "CREATE INDEX IF NOT EXISTS rows_record_case ON rows (json_extract (fields, '$.case_id'))"
  "  WHERE collection = 'records';"
  /* Where a row was before it left an agency, at the revision it left: a user who saw it there
   * is told on the next pull (docs/sync-protocol.md, "Scope"). */
  "CREATE TABLE IF NOT EXISTS row_exits ("
  "  collection TEXT NOT NULL,"
  "  id TEXT NOT NULL,"
  "  agency_id TEXT NOT NULL,"
  "  rev INTEGER NOT NULL,"
  "  PRIMARY KEY (collection, id, agency_id)"
  ") WITHOUT ROWID;"
  "CREATE INDEX IF NOT EXISTS row_agencies_scope ON row_agencies (agency_id, rev);"
  /* The exits of a scope after a revision, read in order like row_agencies_scope. */
  "CREATE INDEX IF NOT EXISTS row_exits_scope ON row_exits (agency_id, rev);"
  "CREATE TABLE IF NOT EXISTS users ("
  "  name TEXT PRIMARY KEY,"
  "  agency_id TEXT NOT NULL,"
  "  role TEXT NOT NULL CHECK (role IN ('officer', 'town', 'district', 'admin')),"
  "  hash TEXT NOT NULL,"
  "  disabled INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS tokens ("
  "  hash TEXT PRIMARY KEY,"
  "  user TEXT NOT NULL REFERENCES users (name),"
  "  expires INTEGER NOT NULL,"
  "  revoked INTEGER NOT NULL DEFAULT 0);"
  "CREATE TABLE IF NOT EXISTS login_failures ("
  "  user TEXT NOT NULL,"
  "  at INTEGER NOT NULL);"
  "CREATE INDEX IF NOT EXISTS login_failures_user ON login_failures (user, at);"
  "CREATE TABLE IF NOT EXISTS mutations ("
  "  mutation_id TEXT PRIMARY KEY,"
  "  user TEXT NOT NULL,"
  "  result TEXT NOT NULL);";

static const char *const role_names[] = { "officer", "town", "district", "admin" };

const char *
jd_server_role_to_string (JdServerRole role)
{
  g_return_val_if_fail (role <= JD_SERVER_ROLE_ADMIN, NULL);
  return role_names[role];
}

gboolean
jd_server_role_from_string (const char   *text,
                            JdServerRole *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (role_names); i++)
    {
      if (g_strcmp0 (text, role_names[i]) == 0)
        {
          *out = (JdServerRole) i;
          return TRUE;
        }
    }
  return FALSE;
}

void
jd_server_user_free (JdServerUser *user)
{
  if (user == NULL)
    return;
  g_free (user->name);
  g_free (user->agency_id);
  g_free (user->hash);
  g_free (user);
}

JdServerUser *
jd_server_user_copy (const JdServerUser *user)
{
  JdServerUser *copy = g_new0 (JdServerUser, 1);

  copy->name = g_strdup (user->name);
  copy->agency_id = g_strdup (user->agency_id);
  copy->role = user->role;
  copy->hash = g_strdup (user->hash);
  copy->disabled = user->disabled;
  return copy;
}

static RemainingCache *
remaining_cache_new (void)
{
  RemainingCache *cache = g_new0 (RemainingCache, 1);

  g_atomic_ref_count_init (&cache->ref);
  g_mutex_init (&cache->lock);
  cache->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return cache;
}

static void
remaining_cache_unref (RemainingCache *cache)
{
  if (!g_atomic_ref_count_dec (&cache->ref))
    return;
  g_hash_table_unref (cache->table);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

void
jd_server_row_free (JdServerRow *row)
{
  if (row == NULL)
    return;
  g_free (row->collection);
  g_free (row->id);
  g_free (row->modified);
  g_free (row->fields);
  g_free (row);
}

static gboolean
fail (JdServerStore *self,
      GError       **error)
{
  g_set_error (error, JD_SERVER_STORE_ERROR, JD_SERVER_STORE_ERROR_FAILED,
               _("Server database error: %s"), sqlite3_errmsg (self->db));
  return FALSE;
}

static JdStmt *
prepare (JdServerStore *self,
         const char    *sql,
         GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt != NULL)
    return stmt;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      fail (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

static gboolean
exec (JdServerStore *self,
      const char    *sql,
      GError       **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail (self, error);
  return TRUE;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

void
jd_server_store_free (JdServerStore *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->remaining, remaining_cache_unref);
  sqlite3_close (self->db);
  g_free (self->path);
  g_free (self);
}

static int
query_int (JdServerStore *self,
           const char    *sql)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A new file, or one from before the server marked its files, becomes a server database; any
 * other database, a replica's above all, is refused rather than filled with server tables. */
static gboolean
check_identity (JdServerStore  *self,
                GError        **error)
{
  int application_id = query_int (self, "PRAGMA application_id");
  int version = query_int (self, "PRAGMA user_version");
  int n_tables = query_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'");
  int n_ours = query_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                "AND name IN ('rows', 'users', 'tokens')");

  if (application_id < 0 || version < 0 || n_tables < 0 || n_ours < 0)
    return fail (self, error);
  if (application_id == 0 && (n_tables == 0 || n_ours == 3))
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d; "
                                              "PRAGMA user_version = %d",
                                              jd_db_application_id (JD_DB_SERVER),
                                              JD_SERVER_STORE_VERSION);
      return exec (self, sql, error);
    }
  if (application_id != jd_db_application_id (JD_DB_SERVER))
    {
      g_set_error (error, JD_SERVER_STORE_ERROR, JD_SERVER_STORE_ERROR_FAILED,
                   _("“%s” is not a Jiandu server database"), self->path);
      return FALSE;
    }
  if (version > JD_SERVER_STORE_VERSION)
    {
      g_set_error (error, JD_SERVER_STORE_ERROR, JD_SERVER_STORE_ERROR_FAILED,
                   _("“%s” was made by a newer version of jiandu-server (schema %d; this "
                     "version knows up to %d)"),
                   self->path, version, JD_SERVER_STORE_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* A database made before row_agencies had its rows' revisions (schema 1) gets them, and the
 * schema version that keeps an older jiandu-server, which would not keep them, away. */
static gboolean
add_scope_revisions (JdServerStore *self,
                     GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean table = FALSE, column = FALSE;

  if (sqlite3_prepare_v2 (self->db, "SELECT name FROM pragma_table_info ('row_agencies')", -1,
                          &stmt, NULL) != SQLITE_OK)
    return fail (self, error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      table = TRUE;
      column = column || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "rev") == 0;
    }
  sqlite3_finalize (stmt);
  if (!table || column)
    return TRUE;

  sql = g_strdup_printf ("BEGIN IMMEDIATE;"
                         "ALTER TABLE row_agencies ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;"
                         "UPDATE row_agencies SET rev = (SELECT r.rev FROM rows r"
                         "  WHERE r.collection = row_agencies.collection"
                         "  AND r.id = row_agencies.id);"
                         "PRAGMA user_version = %d;"
                         "COMMIT;", JD_SERVER_STORE_VERSION);
  return exec (self, sql, error);
}

JdServerStore *
jd_server_store_open (const char *path,
                      GError    **error)
{
  g_autoptr(JdServerStore) self = g_new0 (JdServerStore, 1);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  jd_store_configure_sqlite ();
  self->path = g_strdup (path);
  self->statements = g_hash_table_new_full (NULL, NULL, NULL,
                                            stmt_finalize);
  self->remaining = remaining_cache_new ();
  if (sqlite3_open_v2 (path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, JD_SERVER_STORE_ERROR, JD_SERVER_STORE_ERROR_FAILED,
                   _("Cannot open the server database “%s”: %s"), path,
                   self->db != NULL ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  if (!check_identity (self, error))
    return NULL;
  /* A mutation the server answered "applied" must survive a power cut: FULL syncs every commit. */
  if (!exec (self, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
             error)
      || !add_scope_revisions (self, error)
      || !exec (self, schema_sql, error))
    {
      g_prefix_error (error, _("Cannot use the server database “%s”: "), path);
      return NULL;
    }
  return g_steal_pointer (&self);
}

JdServerStore *
jd_server_store_open_reader (JdServerStore *main,
                             GError       **error)
{
  g_autoptr(JdServerStore) self = g_new0 (JdServerStore, 1);

  self->statements = g_hash_table_new_full (NULL, NULL, NULL, stmt_finalize);
  self->remaining = main->remaining;
  g_atomic_ref_count_inc (&self->remaining->ref);
  self->path = g_strdup (main->path);
  if (sqlite3_open_v2 (self->path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL)
      != SQLITE_OK)
    return fail (self, error), NULL;
  sqlite3_busy_timeout (self->db, 5000);
  if (!exec (self, "PRAGMA query_only = ON; PRAGMA mmap_size = 1073741824;", error))
    return NULL;
  return g_steal_pointer (&self);
}

gboolean
jd_server_store_backup (JdServerStore *self,
                        const char    *path,
                        GError       **error)
{
  return jd_db_backup (self->db, self->path, path, error);
}

gboolean
jd_server_store_begin (JdServerStore *self,
                       GError       **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
jd_server_store_commit (JdServerStore *self,
                        GError       **error)
{
  return exec (self, "COMMIT", error);
}

void
jd_server_store_rollback (JdServerStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

gboolean
jd_server_store_savepoint (JdServerStore *self,
                           GError       **error)
{
  return exec (self, "SAVEPOINT mutation", error);
}

gboolean
jd_server_store_release (JdServerStore *self,
                         GError       **error)
{
  return exec (self, "RELEASE mutation", error);
}

void
jd_server_store_rollback_to (JdServerStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK TO mutation; RELEASE mutation", NULL, NULL, NULL);
}

static JdServerRow *
row_from_stmt (sqlite3_stmt *stmt)
{
  JdServerRow *row = g_new0 (JdServerRow, 1);

  row->collection = column_dup (stmt, 0);
  row->id = column_dup (stmt, 1);
  row->rev = sqlite3_column_int64 (stmt, 2);
  row->deleted = sqlite3_column_int (stmt, 3) != 0;
  row->modified = column_dup (stmt, 4);
  row->fields = column_dup (stmt, 5);
  return row;
}

JdServerRow *
jd_server_store_get_row (JdServerStore *self,
                         const char    *collection,
                         const char    *id,
                         GError       **error)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT collection, id, rev, deleted, modified, fields FROM rows"
                   " WHERE collection = ?1 AND id = ?2", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return row_from_stmt (stmt);
  if (rc != SQLITE_DONE)
    fail (self, error);
  return NULL;
}

static char *
now_text (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%FT%T%:z");
}

static gint64
next_rev (JdServerStore *self,
          GError       **error)
{
  g_autoptr(JdStmt) stmt = prepare (self, "SELECT coalesce(max(rev), 0) + 1 FROM rows", error);

  if (stmt == NULL)
    return 0;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      fail (self, error);
      return 0;
    }
  return sqlite3_column_int64 (stmt, 0);
}

/* Notes that a row left @agency_id at @rev (the last time, if it left before). An exit stays
 * when the row comes back: a pull shows a row in scope whole whatever its exits, and a row out
 * of scope again has a newer exit. @rev is always the one the row has just taken in `rows`, in
 * the same transaction: that new last revision is what tells count_remaining() of the write. */
static gboolean
put_exit (JdServerStore *self,
          const char    *collection,
          const char    *id,
          const char    *agency_id,
          gint64         rev,
          GError       **error)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "INSERT OR REPLACE INTO row_exits (collection, id, agency_id, rev)"
                   " VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, agency_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, rev);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);
  return TRUE;
}

gint64
jd_server_store_put_row (JdServerStore      *self,
                         const char         *collection,
                         const char         *id,
                         const char         *fields,
                         const char * const *agencies,
                         GError            **error)
{
  g_autofree char *modified = now_text ();
  g_autoptr(GPtrArray) old = NULL;
  gint64 rev = next_rev (self, error);

  if (rev == 0)
    return 0;

  {
    g_autoptr(JdStmt) stmt =
      prepare (self, "INSERT INTO rows (collection, id, rev, deleted, modified, fields)"
                     " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (collection, id) DO UPDATE SET"
                     " rev = excluded.rev, deleted = excluded.deleted,"
                     " modified = excluded.modified, fields = excluded.fields", error);

    if (stmt == NULL)
      return 0;
    sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64 (stmt, 3, rev);
    sqlite3_bind_int (stmt, 4, fields == NULL);
    sqlite3_bind_text (stmt, 5, modified, -1, SQLITE_TRANSIENT);
    if (fields != NULL)
      sqlite3_bind_text (stmt, 6, fields, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      return fail (self, error), 0;
  }

  if (agencies == NULL)
    {
      g_autoptr(JdStmt) stmt =
        prepare (self, "UPDATE row_agencies SET rev = ?3 WHERE collection = ?1 AND id = ?2",
                 error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, rev);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return fail (self, error), 0;
      return rev;
    }

  /* The agencies it had, to tell those it leaves. */
  old = g_ptr_array_new_with_free_func (g_free);
  {
    g_autoptr(JdStmt) stmt =
      prepare (self, "DELETE FROM row_agencies WHERE collection = ?1 AND id = ?2"
                     " RETURNING agency_id", error);
    int rc;

    if (stmt == NULL)
      return 0;
    sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (old, column_dup (stmt, 0));
    if (rc != SQLITE_DONE)
      return fail (self, error), 0;
  }

  for (guint i = 0; agencies[i] != NULL; i++)
    {
      g_autoptr(JdStmt) stmt =
        prepare (self, "INSERT OR IGNORE INTO row_agencies (collection, id, agency_id, rev)"
                       " VALUES (?1, ?2, ?3, ?4)", error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, agencies[i], -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, rev);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        return fail (self, error), 0;
    }

  /* Nothing to note for a row that stays where it was, nor for a new one. */
  for (guint i = 0; i < old->len; i++)
    if (!g_strv_contains (agencies, old->pdata[i])
        && !put_exit (self, collection, id, old->pdata[i], rev, error))
      return 0;
  return rev;
}

GStrv
jd_server_store_row_agencies (JdServerStore *self,
                              const char    *collection,
                              const char    *id,
                              GError       **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT agency_id FROM row_agencies WHERE collection = ?1 AND id = ?2", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return fail (self, error), NULL;
  return g_strv_builder_end (builder);
}

/* The agencies a user sees: their own and, for a town, every one below it. Deleted agencies cut
 * the tree, as their fields are gone. */
#define SCOPE_CTE \
  "WITH RECURSIVE scope (id) AS (SELECT ?1 UNION SELECT r.id FROM rows r JOIN scope s" \
  " ON ?2 AND r.collection = 'agencies' AND json_extract (r.fields, '$.parent_id') = s.id) "

gboolean
jd_server_store_rescope_records (JdServerStore *self,
                                 const char    *case_id,
                                 const char    *agency_id,
                                 GError       **error)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_server_row_free);
  const char *agencies[] = { agency_id, NULL };
  int rc;

  {
    g_autoptr(JdStmt) stmt =
      prepare (self, "SELECT collection, id, rev, deleted, modified, fields FROM rows r"
                     " WHERE collection = 'records' AND json_extract (fields, '$.case_id') = ?1"
                     " AND NOT EXISTS (SELECT 1 FROM row_agencies a WHERE a.collection = 'records'"
                     " AND a.id = r.id AND a.agency_id IS ?2)", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
    if (agency_id != NULL)
      sqlite3_bind_text (stmt, 2, agency_id, -1, SQLITE_TRANSIENT);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (moved, row_from_stmt (stmt));
    if (rc != SQLITE_DONE)
      return fail (self, error);
  }

  /* A new revision, so that the agency that now sees them pulls them. */
  for (guint i = 0; i < moved->len; i++)
    {
      JdServerRow *row = g_ptr_array_index (moved, i);

      if (jd_server_store_put_row (self, row->collection, row->id, row->fields,
                                   agency_id != NULL ? agencies : agencies + 1, error) == 0)
        return FALSE;
    }
  return TRUE;
}

gboolean
jd_server_store_move_agency (JdServerStore *self,
                             const char    *agency_id,
                             const char    *old_parent_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_server_row_free);
  int rc;

  {
    g_autoptr(JdStmt) stmt =
      prepare (self, SCOPE_CTE "SELECT DISTINCT r.collection, r.id, r.rev, r.deleted, r.modified,"
                     " r.fields FROM rows r JOIN row_agencies a ON a.collection = r.collection"
                     " AND a.id = r.id WHERE a.agency_id IN scope", error);

    if (stmt == NULL)
      return FALSE;
    sqlite3_bind_text (stmt, 1, agency_id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int (stmt, 2, TRUE);
    while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
      g_ptr_array_add (moved, row_from_stmt (stmt));
    if (rc != SQLITE_DONE)
      return fail (self, error);
  }

  /* A new revision each, so that the towns that now see them pull them, and an exit from the
   * old parent, so that the towns that no longer see them are told. */
  for (guint i = 0; i < moved->len; i++)
    {
      JdServerRow *row = g_ptr_array_index (moved, i);
      gint64 rev = jd_server_store_put_row (self, row->collection, row->id,
                                            row->deleted ? NULL : row->fields, NULL, error);

      if (rev == 0
          || (old_parent_id != NULL
              && !put_exit (self, row->collection, row->id, old_parent_id, rev, error)))
        return FALSE;
    }
  return TRUE;
}

void
jd_server_store_prune (JdServerStore *self,
                       gint64         now,
                       gint64         failure_window)
{
  g_autoptr(JdStmt) tokens =
    prepare (self, "DELETE FROM tokens WHERE expires <= ?1 OR revoked = 1", NULL);
  g_autoptr(JdStmt) failures = prepare (self, "DELETE FROM login_failures WHERE at <= ?1", NULL);

  if (tokens != NULL)
    {
      sqlite3_bind_int64 (tokens, 1, now);
      sqlite3_step (tokens);
    }
  if (failures != NULL)
    {
      sqlite3_bind_int64 (failures, 1, now - failure_window);
      sqlite3_step (failures);
    }
}

char *
jd_server_store_case_agency (JdServerStore *self,
                             const char    *case_id)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT json_extract (fields, '$.agency_id') FROM rows"
                   " WHERE collection = 'cases' AND id = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return column_dup (stmt, 0);
}

GHashTable *
jd_server_store_scope_agencies (JdServerStore *self,
                                const char    *agency_id,
                                gboolean       subtree,
                                GError       **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JdStmt) stmt = prepare (self, SCOPE_CTE "SELECT id FROM scope", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, agency_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, subtree);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (set, column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    return fail (self, error), NULL;
  return g_steal_pointer (&set);
}

/* The revisions after ?3 of the rows in scope: those of its agencies, read in order from the
 * (agency_id, rev) index rather than by walking every row, and the social supervisors. */
#define SCOPE_REVS \
  "SELECT a.rev FROM row_agencies a WHERE a.agency_id IN scope AND a.rev > ?3" \
  " UNION SELECT s.rev FROM rows s WHERE s.collection = 'social_supervisors' AND s.rev > ?3"

/* The rows that left one of the scope's agencies after ?3 and are outside it now (a row that came
 * back goes out whole by SCOPE_REVS), each at the last revision at which it left one: that is its
 * place in the sequence, so that a page that reads past it tells, even when the row was edited
 * again elsewhere since. Read from the (agency_id, rev) index of row_exits. */
#define EXIT_REVS \
  "SELECT max (e.rev) AS rev, e.collection, e.id FROM row_exits e" \
  " WHERE e.agency_id IN scope AND e.rev > ?3 AND e.collection <> 'social_supervisors'" \
  " AND NOT EXISTS (SELECT 1 FROM row_agencies a WHERE a.collection = e.collection" \
  " AND a.id = e.id AND a.agency_id IN scope) GROUP BY e.collection, e.id"

static char *
remaining_key (JdServerUser *user,
               gint64        cursor)
{
  return g_strdup_printf ("%d %s %" G_GINT64_FORMAT, user->role, user->agency_id, cursor);
}

/* The rows in @user's scope after @last, and those that left it after @last (EXIT_REVS).
 * Counting them walks all of them, which on every page of a first pull made it quadratic in the
 * rows pulled; so the count is kept for the page that follows. Every write takes a revision
 * above all others, an exit too (put_exit() notes the revision its row just took), so while the
 * last revision stays the same nothing has changed, and the count after the next page is this
 * one less that page: a page is the first of these rows in the order of their places. */
static gboolean
count_remaining (JdServerStore *self,
                 JdServerUser  *user,
                 gint64         cursor,
                 gint64         last,
                 guint          n_rows,
                 gint64        *remaining,
                 GError       **error)
{
  g_autofree char *key = remaining_key (user, cursor);
  Remaining *known;
  gint64 known_count;
  gint64 max_rev;

  {
    g_autoptr(JdStmt) stmt = prepare (self, "SELECT coalesce (max (rev), 0) FROM rows", error);

    if (stmt == NULL)
      return FALSE;
    if (sqlite3_step (stmt) != SQLITE_ROW)
      return fail (self, error);
    max_rev = sqlite3_column_int64 (stmt, 0);
  }

  g_mutex_lock (&self->remaining->lock);
  known = g_hash_table_lookup (self->remaining->table, key);
  known_count = known != NULL && known->max_rev == max_rev && known->count >= n_rows
                  ? known->count : -1;
  g_mutex_unlock (&self->remaining->lock);

  if (known_count >= 0)
    *remaining = known_count - n_rows;
  else if (user->role == JD_SERVER_ROLE_DISTRICT)
    {
      g_autoptr(JdStmt) stmt = prepare (self, "SELECT count(*) FROM rows WHERE rev > ?1", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, last);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return fail (self, error);
      *remaining = sqlite3_column_int64 (stmt, 0);
    }
  else
    {
      g_autoptr(JdStmt) stmt =
        prepare (self, SCOPE_CTE "SELECT (SELECT count(*) FROM (" SCOPE_REVS "))"
                       " + (SELECT count(*) FROM (" EXIT_REVS "))", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, user->agency_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, user->role == JD_SERVER_ROLE_TOWN);
      sqlite3_bind_int64 (stmt, 3, last);
      if (sqlite3_step (stmt) != SQLITE_ROW)
        return fail (self, error);
      *remaining = sqlite3_column_int64 (stmt, 0);
    }

  /* Kept after use: other clients of the same scope pull the same pages. */
  if (*remaining > 0)
    {
      Remaining *next = g_new (Remaining, 1);

      next->count = *remaining;
      next->max_rev = max_rev;
      g_mutex_lock (&self->remaining->lock);
      if (g_hash_table_size (self->remaining->table) >= MAX_REMAINING)
        g_hash_table_remove_all (self->remaining->table);
      g_hash_table_insert (self->remaining->table, remaining_key (user, last), next);
      g_mutex_unlock (&self->remaining->lock);
    }
  return TRUE;
}

/* A scoped page: the revisions in scope and the exits after ?3, the first ?4 of them in order; the
 * rows in scope whole, those that left as their exit (the last column tells which). */
#define SCOPE_PAGE \
  SCOPE_CTE ", page (rev, collection, id) AS MATERIALIZED (SELECT rev, NULL, NULL FROM (" \
  SCOPE_REVS ") UNION ALL " EXIT_REVS " ORDER BY 1 LIMIT ?4)" \
  " SELECT r.collection, r.id, r.rev, r.deleted, r.modified, r.fields, 1" \
  " FROM page p JOIN rows r ON r.rev = p.rev WHERE p.id IS NULL" \
  " UNION ALL SELECT r.collection, r.id, p.rev, r.deleted, r.modified, NULL, 0" \
  " FROM page p JOIN rows r ON r.collection = p.collection AND r.id = p.id" \
  " WHERE p.id IS NOT NULL ORDER BY 3"

gboolean
jd_server_store_pull (JdServerStore *self,
                      JdServerUser  *user,
                      gint64         cursor,
                      int            limit,
                      GPtrArray     *rows,
                      gint64        *remaining,
                      GError       **error)
{
  gboolean everything = user->role == JD_SERVER_ROLE_DISTRICT;
  guint first = rows->len;
  gint64 last = cursor;
  gboolean ok;
  int rc;

  /* One snapshot for the page and its count. */
  if (!exec (self, "BEGIN", error))
    return FALSE;

  {
    /* Every row is in the district's scope: none leaves it. */
    g_autoptr(JdStmt) stmt =
      everything
        ? prepare (self, "SELECT collection, id, rev, deleted, modified, fields, 1 FROM rows"
                         " WHERE rev > ?3 ORDER BY rev LIMIT ?4", error)
        : prepare (self, SCOPE_PAGE, error);

    if (stmt == NULL)
      rc = SQLITE_ERROR;
    else
      {
        if (!everything)
          {
            sqlite3_bind_text (stmt, 1, user->agency_id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int (stmt, 2, user->role == JD_SERVER_ROLE_TOWN);
          }
        sqlite3_bind_int64 (stmt, 3, cursor);
        sqlite3_bind_int (stmt, 4, limit);
        while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
          {
            JdServerRow *row = row_from_stmt (stmt);

            row->out_of_scope = sqlite3_column_int (stmt, 6) == 0;
            last = row->rev;
            g_ptr_array_add (rows, row);
          }
        if (rc != SQLITE_DONE)
          fail (self, error);
      }
  }

  ok = rc == SQLITE_DONE &&
       count_remaining (self, user, cursor, last, rows->len - first, remaining, error);
  exec (self, "COMMIT", NULL);
  return ok;
}

gboolean
jd_server_store_add_user (JdServerStore *self,
                          const char    *name,
                          const char    *agency_id,
                          JdServerRole   role,
                          const char    *hash,
                          GError       **error)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "INSERT INTO users (name, agency_id, role, hash) VALUES (?1, ?2, ?3, ?4)",
             error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, agency_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, jd_server_role_to_string (role), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, hash, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, JD_SERVER_STORE_ERROR, JD_SERVER_STORE_ERROR_EXISTS,
                   _("A user named “%s” exists already"), name);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return fail (self, error);
  return TRUE;
}

static JdServerUser *
user_from_stmt (sqlite3_stmt *stmt)
{
  JdServerUser *user = g_new0 (JdServerUser, 1);

  user->name = column_dup (stmt, 0);
  user->agency_id = column_dup (stmt, 1);
  if (!jd_server_role_from_string ((const char *) sqlite3_column_text (stmt, 2), &user->role))
    user->role = JD_SERVER_ROLE_ADMIN;
  user->hash = column_dup (stmt, 3);
  user->disabled = sqlite3_column_int (stmt, 4) != 0;
  return user;
}

JdServerUser *
jd_server_store_get_user (JdServerStore *self,
                          const char    *name,
                          GError       **error)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT name, agency_id, role, hash, disabled FROM users WHERE name = ?1",
             error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return user_from_stmt (stmt);
  if (rc != SQLITE_DONE)
    fail (self, error);
  else
    g_set_error (error, JD_SERVER_STORE_ERROR, JD_SERVER_STORE_ERROR_NOT_FOUND,
                 _("No user named “%s”"), name);
  return NULL;
}

GPtrArray *
jd_server_store_list_users (JdServerStore *self,
                            GError       **error)
{
  g_autoptr(GPtrArray) users =
    g_ptr_array_new_with_free_func ((GDestroyNotify) jd_server_user_free);
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT name, agency_id, role, hash, disabled FROM users ORDER BY name", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (users, user_from_stmt (stmt));
  if (rc != SQLITE_DONE)
    return fail (self, error), NULL;
  return g_steal_pointer (&users);
}

gboolean
jd_server_store_disable_user (JdServerStore *self,
                              const char    *name,
                              GError       **error)
{
  if (!jd_server_store_begin (self, error))
    return FALSE;

  {
    g_autoptr(JdStmt) stmt = prepare (self, "UPDATE users SET disabled = 1 WHERE name = ?1", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        fail (self, error);
        goto failed;
      }
    if (sqlite3_changes (self->db) == 0)
      {
        g_set_error (error, JD_SERVER_STORE_ERROR, JD_SERVER_STORE_ERROR_NOT_FOUND,
                     _("No user named “%s”"), name);
        goto failed;
      }
  }

  {
    g_autoptr(JdStmt) stmt = prepare (self, "UPDATE tokens SET revoked = 1 WHERE user = ?1", error);

    if (stmt == NULL)
      goto failed;
    sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
    if (sqlite3_step (stmt) != SQLITE_DONE)
      {
        fail (self, error);
        goto failed;
      }
  }
  return jd_server_store_commit (self, error);

failed:
  jd_server_store_rollback (self);
  return FALSE;
}

gboolean
jd_server_store_add_token (JdServerStore *self,
                           const char    *token_hash,
                           const char    *user,
                           gint64         expires,
                           GError       **error)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "INSERT INTO tokens (hash, user, expires) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, expires);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);
  return TRUE;
}

JdServerUser *
jd_server_store_token_user (JdServerStore *self,
                            const char    *token_hash,
                            gint64         now)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT u.name, u.agency_id, u.role, u.hash, u.disabled"
                   " FROM tokens t JOIN users u ON u.name = t.user"
                   " WHERE t.hash = ?1 AND t.revoked = 0 AND t.expires > ?2 AND u.disabled = 0",
             NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, now);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return user_from_stmt (stmt);
}

gboolean
jd_server_store_revoke_token (JdServerStore *self,
                              const char    *token_hash,
                              GError       **error)
{
  g_autoptr(JdStmt) stmt = prepare (self, "UPDATE tokens SET revoked = 1 WHERE hash = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, token_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);
  return TRUE;
}

int
jd_server_store_count_failures (JdServerStore *self,
                                const char    *user,
                                gint64         since,
                                int            n,
                                gint64        *nth_latest)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT at FROM login_failures WHERE user = ?1 AND at > ?2 ORDER BY at DESC",
             NULL);
  int count = 0;

  *nth_latest = 0;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, since);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (++count == n)
        *nth_latest = sqlite3_column_int64 (stmt, 0);
    }
  return count;
}

gboolean
jd_server_store_add_failure (JdServerStore *self,
                             const char    *user,
                             gint64         at,
                             GError       **error)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "INSERT INTO login_failures (user, at) VALUES (?1, ?2)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, at);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);
  return TRUE;
}

gboolean
jd_server_store_clear_failures (JdServerStore *self,
                                const char    *user,
                                GError       **error)
{
  g_autoptr(JdStmt) stmt = prepare (self, "DELETE FROM login_failures WHERE user = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, user, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);
  return TRUE;
}

char *
jd_server_store_get_mutation (JdServerStore *self,
                              const char    *mutation_id,
                              char         **user)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "SELECT result, user FROM mutations WHERE mutation_id = ?1", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, mutation_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  *user = column_dup (stmt, 1);
  return column_dup (stmt, 0);
}

gboolean
jd_server_store_put_mutation (JdServerStore *self,
                              const char    *mutation_id,
                              const char    *user,
                              const char    *result,
                              GError       **error)
{
  g_autoptr(JdStmt) stmt =
    prepare (self, "INSERT INTO mutations (mutation_id, user, result) VALUES (?1, ?2, ?3)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, mutation_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, user, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, result, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return fail (self, error);
  return TRUE;
}
