#include "jd-store-private.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "jd-core-resources.h"
#include "jd-store-list.h"

G_DEFINE_QUARK (jd-store-error-quark, jd_store_error)

G_DEFINE_FINAL_TYPE (JdStore, jd_store, G_TYPE_OBJECT)

/* 'JIAN', written by the first migration: tells our files from other SQLite databases. */
#define JD_APPLICATION_ID 1246318926

static const char * const migrations[] = {
  "/io/github/jiandu/core/sql/0001-replica.sql",
  "/io/github/jiandu/core/sql/0002-case-search.sql",
  "/io/github/jiandu/core/sql/0003-short-words.sql",
  "/io/github/jiandu/core/sql/0004-sync.sql",
  "/io/github/jiandu/core/sql/0005-case-list.sql",
  "/io/github/jiandu/core/sql/0006-case-checks.sql",
  "/io/github/jiandu/core/sql/0007-case-sort.sql",
  "/io/github/jiandu/core/sql/0008-review-queue.sql",
  "/io/github/jiandu/core/sql/0009-plain-checks.sql",
  "/io/github/jiandu/core/sql/0010-case-checks-invalidate.sql",
  "/io/github/jiandu/core/sql/0011-dashboard.sql",
  "/io/github/jiandu/core/sql/0012-drop-v1-case-indexes.sql",
  "/io/github/jiandu/core/sql/0013-sample-outbox.sql",
};

static const char * const tables[JD_N_COLLECTIONS] = {
  [JD_COLLECTION_AGENCIES] = "agencies",
  [JD_COLLECTION_OFFICERS] = "officers",
  [JD_COLLECTION_CASES] = "cases",
  [JD_COLLECTION_RECORDS] = "records",
  [JD_COLLECTION_COMPLAINTS] = "complaints",
  [JD_COLLECTION_SUPERVISION_CASES] = "supervision_cases",
  [JD_COLLECTION_LETTERS] = "letters",
  [JD_COLLECTION_DISPUTES] = "disputes",
  [JD_COLLECTION_SOCIAL_SUPERVISORS] = "social_supervisors",
  [JD_COLLECTION_EVALUATIONS] = "evaluations",
};

void
jd_audit_problem_free (JdAuditProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
jd_store_finalize (GObject *object)
{
  JdStore *self = JD_STORE (object);

  jd_store_end_bulk (self);
  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&self->static_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);
  g_free (self->actor);
  g_free (self->audit_head);
  g_clear_pointer (&self->audit_pending, g_array_unref);
  g_clear_pointer (&self->deferred_search, g_ptr_array_unref);
  g_clear_pointer (&self->deferred_set, g_hash_table_unref);
  g_clear_pointer (&self->deferred_texts, g_hash_table_unref);
  g_clear_pointer (&self->deferred_now, g_free);

  G_OBJECT_CLASS (jd_store_parent_class)->finalize (object);
}

void
jd_store_configure_sqlite (void)
{
  static gsize configured;

  /* SQLite's memory statistics take a process-wide mutex at every allocation, on which threads
   * queue (a tenth of the server's time under 50 clients); nothing reads them. Only possible
   * before SQLite is first used: SQLITE_MISUSE otherwise, and the statistics stay, harmless. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }
}

static void
jd_store_class_init (JdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_store_finalize;

  /* Here, before any store opens. */
  jd_store_configure_sqlite ();
}

/* An audit entry made (its hash is the chain's head) and not yet inserted. */
typedef struct
{
  char       *time;
  char       *actor;
  char       *action;
  char       *object;
  char       *changes;
  char       *prev_hash;
  char       *hash;
} PendingAudit;

static void
pending_audit_clear (gpointer data)
{
  PendingAudit *entry = data;

  g_free (entry->time);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->object);
  g_free (entry->changes);
  g_free (entry->prev_hash);
  g_free (entry->hash);
}

static void
jd_store_init (JdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            finalize_statement);
  self->static_statements = g_hash_table_new (NULL, NULL);
  self->actor = g_strdup (g_get_user_name ());
  self->audit_pending = g_array_new (FALSE, FALSE, sizeof (PendingAudit));
  g_array_set_clear_func (self->audit_pending, pending_audit_clear);
  self->filter_first_limit = JD_STORE_FILTER_FIRST_LIMIT;
}

gboolean
jd_store_step_done (JdStore       *self,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

gint64
jd_store_step_count (JdStore       *self,
                     sqlite3_stmt  *stmt,
                     GError       **error)
{
  int rc = sqlite3_step (stmt);
  gint64 count = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : -1;

  sqlite3_clear_bindings (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return -1;
    }
  return count;
}

char *
jd_store_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

const char *
jd_store_table_for (JdCollection collection)
{
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);

  return tables[collection];
}

int
jd_store_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

char *
jd_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "jiandu", "jiandu.db", NULL);
}

gboolean
jd_store_set_sqlite_error (JdStore  *self,
                           int       rc,
                           GError  **error)
{
  const char *detail = self->db != NULL ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_LOCKED,
                   _("The database %s is in use by another program. Close it and try again."),
                   self->path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                   _("The file %s is damaged or is not a database (%s). Restore it from a "
                     "backup."),
                   self->path, detail);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_READ_ONLY,
                   _("The database %s cannot be written (%s). Check its permissions."),
                   self->path, detail);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_OPEN,
                   _("The database %s cannot be opened (%s)."), self->path, detail);
      break;
    case SQLITE_FULL:
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                   _("The disk holding %s is full. Free some space and try again."), self->path);
      break;
    case SQLITE_INTERRUPT:
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_INTERRUPTED,
                   _("Reading %s was stopped before it finished."), self->path);
      break;
    default:
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
                   _("Database error in %s: %s"), self->path, detail);
    }

  return FALSE;
}

/* JIANDU_TRACE_SQL=1: every statement as it ends, with its thread, its time and the pages it
 * did not find in the connection's cache. For finding what reads the disk (HACKING.md). */
static int
trace_statement (unsigned int  type,
                 void         *context,
                 void         *statement,
                 void         *nanoseconds)
{
  sqlite3_stmt *stmt = statement;
  char *sql = sqlite3_expanded_sql (stmt);
  int misses = 0, highest = 0;

  sqlite3_db_status (sqlite3_db_handle (stmt), SQLITE_DBSTATUS_CACHE_MISS, &misses, &highest,
                     TRUE);
  g_printerr ("SQL %p %.3f ms, %d pages read: %.200s\n", (void *) g_thread_self (),
              *(sqlite3_int64 *) nanoseconds / 1e6, misses,
              sql != NULL ? sql : sqlite3_sql (stmt));
  sqlite3_free (sql);
  return 0;
}

sqlite3_stmt *
jd_store_statement (JdStore     *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

sqlite3_stmt *
jd_store_static_statement (JdStore     *self,
                           const char  *sql,
                           GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->static_statements, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  /* Owned by the string-keyed cache; this one only finds it faster. */
  stmt = jd_store_statement (self, sql, error);
  if (stmt != NULL)
    g_hash_table_insert (self->static_statements, (gpointer) sql, stmt);

  return stmt;
}

gboolean
jd_store_exec (JdStore     *self,
               const char  *sql,
               GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

gboolean
jd_store_begin (JdStore  *self,
                GError  **error)
{
  g_clear_pointer (&self->audit_head, g_free);
  g_array_set_size (self->audit_pending, 0);
  jd_store_bulk_wait (self);

  /* IMMEDIATE takes the write lock now, so that a second writer waits here instead of failing
   * half-way through. */
  return jd_store_exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
write_audit_head (JdStore  *self,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (self->audit_head == NULL)
    return TRUE;

  /* The head of the chain, kept beside it, shows entries cut off its end. */
  stmt = jd_store_statement (self,
                             "INSERT INTO meta (key, value) VALUES ('audit_head', ?) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, self->audit_head, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

gboolean
jd_store_commit (JdStore  *self,
                 GError  **error)
{
  gboolean ok = jd_store_flush_audit (self, error) && write_audit_head (self, error);

  g_clear_pointer (&self->audit_head, g_free);
  if (!ok)
    {
      jd_store_rollback (self);
      return FALSE;
    }

  if (!jd_store_exec (self, "COMMIT", error))
    {
      jd_store_rollback (self);
      return FALSE;
    }

  jd_store_committed (self);
  return TRUE;
}

void
jd_store_rollback (JdStore *self)
{
  g_clear_pointer (&self->audit_head, g_free);
  g_array_set_size (self->audit_pending, 0);

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

static int
query_int (JdStore     *self,
           const char  *sql,
           int         *out,
           GError     **error)
{
  sqlite3_stmt *stmt = jd_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return jd_store_set_sqlite_error (self, rc, error);

  *out = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
apply_migration (JdStore     *self,
                 int          version,
                 GError     **error)
{
  g_autoptr(GBytes) script = NULL;
  g_autofree char *set_version = NULL;

  script = g_resource_lookup_data (jd_core_get_resource (), migrations[version - 1],
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (script == NULL)
    return FALSE;

  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);
  if (!jd_store_begin (self, error))
    return FALSE;

  if (!jd_store_exec (self, g_bytes_get_data (script, NULL), error) ||
      !jd_store_exec (self, set_version, error))
    {
      jd_store_rollback (self);
      g_prefix_error (error, _("Upgrading the database to version %d failed: "), version);
      return FALSE;
    }

  return jd_store_commit (self, error);
}

static gboolean
migrate (JdStore     *self,
         int          target,
         GError     **error)
{
  int application_id;
  int n_tables;

  if (!query_int (self, "PRAGMA user_version", &self->version, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_tables, error))
    return FALSE;

  if (n_tables > 0 && application_id != JD_APPLICATION_ID)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                   _("%s is a database of another program, not of Jiandu."), self->path);
      return FALSE;
    }

  if (self->version > jd_store_latest_version ())
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_TOO_NEW,
                   _("The database %s was made by a newer version of Jiandu (schema %d; this "
                     "version knows %d). Update Jiandu to open it."),
                   self->path, self->version, jd_store_latest_version ());
      return FALSE;
    }

  while (self->version < target)
    {
      if (!apply_migration (self, self->version + 1, error))
        return FALSE;
      self->version++;
    }

  return TRUE;
}

static JdStore *
open_store (const char        *path,
            JdStoreOpenFlags   flags,
            int                version,
            GError           **error)
{
  g_autoptr(JdStore) self = g_object_new (JD_TYPE_STORE, NULL);
  /* A store (its statement cache as much as its connection) belongs to one thread at a time;
   * threads open stores of their own. SQLite's per-call mutex would guard nothing more, and
   * costs a lock and an unlock at every bind, step and reset. */
  int open_flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  int rc;

  self->path = g_strdup (path);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      if (!(flags & JD_STORE_OPEN_CREATE))
        {
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_FOUND,
                       _("There is no database at %s. Create one with “jiandu-cli init”."),
                       path);
          return NULL;
        }

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_OPEN,
                       _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
          return NULL;
        }

      open_flags |= SQLITE_OPEN_CREATE;
    }

  rc = sqlite3_open_v2 (path, &self->db, open_flags, NULL);
  if (rc != SQLITE_OK)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);
  if (g_getenv ("JIANDU_TRACE_SQL") != NULL)
    sqlite3_trace_v2 (self->db, SQLITE_TRACE_PROFILE, trace_statement, NULL);

  /* WAL lets readers work while a sync writes; FULL makes a committed write survive a power cut;
   * foreign keys are off by default in SQLite. A 64 MiB page cache keeps the indexes of a
   * district's cases in memory while a sync or an import writes. */
  /* Page size only takes on a new file. A case with its JSON is about 2 KiB, so 16 KiB pages hold
   * seven of them where 4 KiB pages would hold one and waste a third of the file. */
  if (!jd_store_exec (self, "PRAGMA page_size = 16384", error) ||
      !jd_store_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !migrate (self, 0, error) ||
      !jd_store_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !jd_store_exec (self, "PRAGMA synchronous = FULL", error) ||
      !jd_store_exec (self, "PRAGMA cache_size = " G_STRINGIFY (JD_STORE_CACHE_SIZE), error) ||
      !migrate (self, version, error))
    return NULL;

  /* Temporary tables and statement journals in memory: the big statements that index a batch's
   * cases journal megabytes of FTS5 pages, which otherwise go to an unlinked file in /var/tmp.
   * Set before the temporary tables below are made: changing it drops them. */
  if (!jd_store_exec (self, "PRAGMA temp_store = MEMORY", error))
    return NULL;

  /* Per connection: the cases a write transaction touched, to re-index at its end. */
  if (!jd_store_exec (self, "CREATE TEMP TABLE touched_cases "
                            "(id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID",
                      error))
    return NULL;
  /* Per connection: the search texts of new cases that their batch made (see jd-store-write.c). */
  if (!jd_store_exec (self, "CREATE TEMP TABLE case_texts "
                            "(pk INTEGER PRIMARY KEY, text TEXT NOT NULL)",
                      error))
    return NULL;

  return g_steal_pointer (&self);
}

JdStore *
jd_store_open (const char        *path,
               JdStoreOpenFlags   flags,
               GError           **error)
{
  g_return_val_if_fail (path != NULL, NULL);

  return open_store (path, flags, jd_store_latest_version (), error);
}

JdStore *
jd_store_open_at_version (const char  *path,
                          int          version,
                          GError     **error)
{
  g_return_val_if_fail (version >= 0 && version <= jd_store_latest_version (), NULL);

  return open_store (path, JD_STORE_OPEN_CREATE, version, error);
}

const char *
jd_store_get_path (JdStore *self)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return self->path;
}

void
jd_store_interrupt (JdStore *self)
{
  g_return_if_fail (JD_IS_STORE (self));

  /* Safe from another thread while the connection stays open, which the caller's reference
   * ensures. */
  if (self->db != NULL)
    sqlite3_interrupt (self->db);
}

int
jd_store_get_version (JdStore *self)
{
  g_return_val_if_fail (JD_IS_STORE (self), 0);

  return self->version;
}

void
jd_store_set_actor (JdStore    *self,
                    const char *actor)
{
  g_return_if_fail (JD_IS_STORE (self));
  g_return_if_fail (actor != NULL);

  g_free (self->actor);
  self->actor = g_strdup (actor);
}

const char *
jd_store_get_actor (JdStore *self)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return self->actor;
}

/* Entries a statement: per-statement work (bindings aside) is paid once for them all. */
#define AUDIT_ROWS 16
#define AUDIT_INSERT "INSERT INTO audit_log (time, actor, action, object, changes, prev_hash, " \
                     "hash) VALUES "
#define AUDIT_VALUES "(?, ?, ?, ?, ?, ?, ?)"

static gboolean
insert_audit (JdStore       *self,
              guint          first,
              guint          n,
              GError       **error)
{
  static char *rows_sql;
  static gsize initialized;
  sqlite3_stmt *stmt;
  int rc;

  if (g_once_init_enter (&initialized))
    {
      GString *sql = g_string_new (AUDIT_INSERT AUDIT_VALUES);

      for (guint i = 1; i < AUDIT_ROWS; i++)
        g_string_append (sql, ", " AUDIT_VALUES);
      rows_sql = g_string_free (sql, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  g_assert (n == 1 || n == AUDIT_ROWS);
  stmt = jd_store_static_statement (self, n == 1 ? AUDIT_INSERT AUDIT_VALUES : rows_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      PendingAudit *entry = &g_array_index (self->audit_pending, PendingAudit, first + i);
      int base = 7 * i;

      sqlite3_bind_text (stmt, base + 1, entry->time, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 2, entry->actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 3, entry->action, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 4, entry->object, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 5, entry->changes, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 6, entry->prev_hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 7, entry->hash, -1, SQLITE_STATIC);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

gboolean
jd_store_flush_audit (JdStore  *self,
                      GError  **error)
{
  GArray *pending = self->audit_pending;
  guint i = 0;

  /* In order: whole rows of entries, then one by one. */
  for (; i + AUDIT_ROWS <= pending->len; i += AUDIT_ROWS)
    if (!insert_audit (self, i, AUDIT_ROWS, error))
      return FALSE;
  for (; i < pending->len; i++)
    if (!insert_audit (self, i, 1, error))
      return FALSE;

  g_array_set_size (pending, 0);
  return TRUE;
}

gboolean
jd_store_append_audit (JdStore     *self,
                       const char  *time,
                       const char  *action,
                       const char  *object,
                       const char  *changes,
                       GError     **error)
{
  PendingAudit entry;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  if (self->audit_head == NULL)
    {
      sqlite3_stmt *last;

      last = jd_store_statement (self, "SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1",
                                 error);
      if (last == NULL)
        return FALSE;

      rc = sqlite3_step (last);
      if (rc == SQLITE_ROW)
        self->audit_head = g_strdup ((const char *) sqlite3_column_text (last, 0));
      else if (rc == SQLITE_DONE)
        self->audit_head = g_strdup (JD_AUDIT_GENESIS);
      sqlite3_reset (last);
      if (self->audit_head == NULL)
        return jd_store_set_sqlite_error (self, rc, error);
    }

  /* The chain moves on now; the row goes in with the next full row of entries or at commit.
   * A failed insert fails that write or the commit, and the transaction rolls back. */
  entry.time = g_strdup (time);
  entry.actor = g_strdup (self->actor);
  entry.action = g_strdup (action);
  entry.object = g_strdup (object);
  entry.changes = g_strdup (changes);
  entry.prev_hash = g_steal_pointer (&self->audit_head);
  entry.hash = jd_audit_compute_hash (entry.prev_hash, time, self->actor, action, object,
                                      changes);
  self->audit_head = g_strdup (entry.hash);
  g_array_append_val (self->audit_pending, entry);

  if (self->audit_pending->len >= AUDIT_ROWS)
    return jd_store_flush_audit (self, error);

  return TRUE;
}

void
jd_store_set_cache_size (JdStore *self,
                         int      kib)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (JD_IS_STORE (self));
  g_return_if_fail (kib > 0);

  sql = g_strdup_printf ("PRAGMA cache_size = -%d", kib);
  if (!jd_store_exec (self, sql, NULL))
    g_warning ("Could not set the page cache of %s", jd_store_get_path (self));
}
