#include "jd-db-backup.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "jd-store.h"

/* Backups with SQLite's online backup API: a consistent copy of a live database, taken in one
 * read transaction (WAL lets writers go on meanwhile), and a restore that refuses anything but a
 * whole Jiandu database of the right kind and keeps the database it replaces. */

#define JD_APPLICATION_ID_REPLICA 1246318926  /* 'JIAN', as in jd-store.c */
#define JD_APPLICATION_ID_SERVER  1245991766  /* 'JDSV' */

int
jd_db_application_id (JdDbKind kind)
{
  return kind == JD_DB_SERVER ? JD_APPLICATION_ID_SERVER : JD_APPLICATION_ID_REPLICA;
}

static gboolean
set_error_from_db (sqlite3     *db,
                   int          rc,
                   const char  *path,
                   GError     **error)
{
  int code = (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED
               ? JD_STORE_ERROR_LOCKED : JD_STORE_ERROR_FAILED;

  g_set_error (error, JD_STORE_ERROR, code, "%s: %s", path,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static int
query_int (sqlite3    *db,
           const char *sql,
           int        *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  return rc;
}

/* PRAGMA quick_check says "ok", or the file is damaged. */
static gboolean
quick_check (sqlite3     *db,
             const char  *path,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  gboolean ok = FALSE;

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                   _("%s is damaged or not a database: %s"), path, sqlite3_errstr (rc));
      return FALSE;
    }
  if (!ok)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                   _("%s is damaged: its integrity check failed"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
jd_db_check_file (JdDbKind     kind,
                  int          latest_version,
                  const char  *path,
                  int         *version_out,
                  GError     **error)
{
  sqlite3 *db = NULL;
  int rc;
  int application_id = 0;
  int version = 0;
  gboolean ok = FALSE;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_FOUND, _("No file %s"), path);
      return FALSE;
    }

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (db, rc, path, error);
      goto out;
    }

  rc = query_int (db, "PRAGMA application_id", &application_id);
  if (rc == SQLITE_OK)
    rc = query_int (db, "PRAGMA user_version", &version);
  if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                   _("%s is damaged or not a database"), path);
      goto out;
    }
  if (rc != SQLITE_OK)
    {
      set_error_from_db (db, rc, path, error);
      goto out;
    }
  if (application_id != jd_db_application_id (kind) || version < 1)
    {
      if (kind == JD_DB_SERVER)
        g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                     _("%s is not a Jiandu server database"), path);
      else
        g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU,
                     _("%s is not a Jiandu database"), path);
      goto out;
    }
  if (version > latest_version)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_TOO_NEW,
                   _("%s was made by a newer version of Jiandu (schema %d; this version knows "
                     "up to %d)"),
                   path, version, latest_version);
      goto out;
    }
  if (!quick_check (db, path, error))
    goto out;

  if (version_out != NULL)
    *version_out = version;
  ok = TRUE;

out:
  sqlite3_close_v2 (db);
  return ok;
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);
  int saved_errno;

  if (fd < 0 || fsync (fd) != 0)
    {
      saved_errno = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/* Copies the database @from_db into a new file @to_path, in one step: one read transaction, so
 * a consistent snapshot however much is written meanwhile. */
static gboolean
set_error_from_errno (const char  *path,
                      GError     **error)
{
  int saved_errno = errno;

  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
               g_strerror (saved_errno));
  return FALSE;
}

/* Case files, password and token hashes: a copy is for its owner's eyes only. */
static gboolean
create_private (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

  if (fd < 0)
    return set_error_from_errno (path, error);
  close (fd);
  return TRUE;
}

static gboolean
copy_database (sqlite3     *from_db,
               const char  *from_path,
               const char  *to_path,
               GError     **error)
{
  sqlite3 *to_db = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  if (!create_private (to_path, error))
    return FALSE;
  rc = sqlite3_open_v2 (to_path, &to_db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (to_db, rc, to_path, error);
      goto out;
    }

  backup = sqlite3_backup_init (to_db, "main", from_db, "main");
  if (backup == NULL)
    {
      set_error_from_db (to_db, sqlite3_errcode (to_db), to_path, error);
      goto out;
    }
  while ((rc = sqlite3_backup_step (backup, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED)
    sqlite3_sleep (20);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_error_from_db (NULL, rc, from_path, error);
      goto out;
    }

  /* A copy in rollback-journal mode is one self-contained file. */
  if (sqlite3_exec (to_db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK ||
      !quick_check (to_db, to_path, error))
    {
      if (error != NULL && *error == NULL)
        set_error_from_db (to_db, sqlite3_errcode (to_db), to_path, error);
      goto out;
    }
  ok = TRUE;

out:
  sqlite3_close_v2 (to_db);
  return ok && sync_file (to_path, error);
}

static char *
partial_path (const char *path)
{
  return g_strconcat (path, ".partial", NULL);
}

gboolean
jd_db_backup (sqlite3     *db,
              const char  *db_path,
              const char  *path,
              GError     **error)
{
  g_autofree char *partial = partial_path (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("%s exists: a backup never overwrites a file"), path);
      return FALSE;
    }

  g_unlink (partial);
  if (!copy_database (db, db_path, partial, error))
    {
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", path,
                   g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}

static void
remove_sidecars (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
}

/* The restored database belongs to whom the one it replaces did: root restoring the database of
 * a service's own user must not leave it a file that service cannot write. */
static void
same_owner_and_mode (const char *model,
                     const char *path)
{
  GStatBuf st;

  if (g_stat (model, &st) != 0)
    return;
  /* Only root may give a file away; anyone else keeps restoring files of their own. */
  if (chown (path, st.st_uid, st.st_gid) != 0 && errno != EPERM)
    g_debug ("%s: %s", path, g_strerror (errno));
  if (g_chmod (path, st.st_mode & 0777) != 0)
    g_debug ("%s: %s", path, g_strerror (errno));
}

gboolean
jd_db_restore (JdDbKind     kind,
               int          latest_version,
               const char  *db_path,
               const char  *backup_path,
               char       **kept_path,
               GError     **error)
{
  g_autofree char *partial = partial_path (db_path);
  g_autofree char *kept = NULL;
  sqlite3 *current = NULL;
  sqlite3 *source = NULL;
  gboolean ok = FALSE;
  int rc;

  if (!jd_db_check_file (kind, latest_version, backup_path, NULL, error))
    return FALSE;

  /* Nobody else may have the database open while it is replaced: a running server or app would
   * go on writing into the file set aside. In WAL mode BEGIN EXCLUSIVE alone lets readers in;
   * the exclusive locking mode takes the whole file, and fails while any connection has it. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");

      rc = sqlite3_open_v2 (db_path, &current, SQLITE_OPEN_READWRITE, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (current, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (current, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; "
                           "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
            g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_LOCKED,
                         _("%s is in use by another program; close it and restore again"),
                         db_path);
          else
            set_error_from_db (current, rc, db_path, error);
          goto out;
        }
      kept = g_strdup_printf ("%s.before-restore-%s", db_path, stamp);
    }

  rc = sqlite3_open_v2 (backup_path, &source, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_error_from_db (source, rc, backup_path, error);
      goto out;
    }
  g_unlink (partial);
  if (!copy_database (source, backup_path, partial, error))
    {
      g_unlink (partial);
      goto out;
    }
  if (kept != NULL)
    same_owner_and_mode (db_path, partial);

  /* The current database is kept, never deleted: a wrong restore can be undone. */
  if (kept != NULL && g_rename (db_path, kept) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", db_path,
                   g_strerror (saved_errno));
      g_unlink (partial);
      goto out;
    }
  sqlite3_close_v2 (current);
  current = NULL;
  remove_sidecars (db_path);
  if (g_rename (partial, db_path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s: %s", db_path,
                   g_strerror (saved_errno));
      if (kept != NULL)
        g_rename (kept, db_path);
      goto out;
    }

  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  ok = TRUE;

out:
  if (current != NULL)
    {
      sqlite3_exec (current, "ROLLBACK", NULL, NULL, NULL);
      sqlite3_close_v2 (current);
    }
  sqlite3_close_v2 (source);
  return ok;
}
