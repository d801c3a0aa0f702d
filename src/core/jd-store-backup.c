#include "jd-store-private.h"

#include "jd-db-backup.h"

/* A replica's backups: jd-db-backup.c on the store's own connection. */

gboolean
jd_store_backup (JdStore     *self,
                 const char  *path,
                 GError     **error)
{
  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  return jd_db_backup (self->db, self->path, path, error);
}

gboolean
jd_store_check_file (const char  *path,
                     int         *version,
                     GError     **error)
{
  return jd_db_check_file (JD_DB_REPLICA, jd_store_latest_version (), path, version, error);
}

gboolean
jd_store_restore (const char  *db_path,
                  const char  *backup_path,
                  char       **kept_path,
                  GError     **error)
{
  return jd_db_restore (JD_DB_REPLICA, jd_store_latest_version (), db_path, backup_path,
                        kept_path, error);
}
