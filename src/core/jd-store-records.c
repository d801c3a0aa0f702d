#include "jd-store-records.h"

#include "jd-store-private.h"

GPtrArray *
jd_store_list_recent_records (JdStore  *self,
                              guint     offset,
                              guint     limit,
                              GError  **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  /* pk grows with each row added: its order is the order of arrival, and walking the primary
   * key backwards reads only the rows returned. */
  stmt = jd_store_statement (self,
                             "SELECT body, rev, modified, deleted FROM records "
                             "WHERE deleted = 0 ORDER BY pk DESC LIMIT ? OFFSET ?",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdEntity *record = jd_store_entity_from_row (JD_COLLECTION_RECORDS, stmt, 0, error);

      if (record == NULL)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}
