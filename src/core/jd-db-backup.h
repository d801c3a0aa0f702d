#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Backups of a Jiandu SQLite file with SQLite's online backup API, for both kinds of database:
 * a replica (jiandu-cli and the app, JdStore) and the district server's. Errors are in the
 * JD_STORE_ERROR domain. */

typedef enum
{
  JD_DB_REPLICA,   /* jiandu-cli's and the app's store */
  JD_DB_SERVER,    /* jiandu-server's database */
} JdDbKind;

/* The PRAGMA application_id that marks a file of @kind. */
int      jd_db_application_id (JdDbKind     kind);

/* Copies the live database @db (opened from @db_path) to the new file @path, in one read
 * transaction: a consistent snapshot however much others write meanwhile. Never overwrites. */
gboolean jd_db_backup         (sqlite3     *db,
                               const char  *db_path,
                               const char  *path,
                               GError     **error);
/* Whether @path is a whole database of @kind with a schema from 1 to @latest_version. */
gboolean jd_db_check_file     (JdDbKind     kind,
                               int          latest_version,
                               const char  *path,
                               int         *version,
                               GError     **error);
/* Replaces @db_path with the backup @backup_path after checking it, keeping what it replaces
 * (its path in @kept_path, NULL when there was none). Fails, changing nothing, while any other
 * connection has @db_path open. */
gboolean jd_db_restore        (JdDbKind     kind,
                               int          latest_version,
                               const char  *db_path,
                               const char  *backup_path,
                               char       **kept_path,
                               GError     **error);

G_END_DECLS
