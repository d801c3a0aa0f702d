#include "jd-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-codec.h"

JdEntity *
jd_store_entity_from_row (JdCollection   collection,
                 sqlite3_stmt  *stmt,
                 int            first,
                 GError       **error)
{
  g_autoptr(JsonObject) fields = NULL;
  JdEntity *entity;

  /* columns from @first: body, rev, modified, deleted */
  fields = jd_codec_object_from_string ((const char *) sqlite3_column_text (stmt, first), error);
  if (fields == NULL)
    return NULL;

  entity = jd_entity_new_for_collection (collection, fields);
  jd_entity_set_revision (entity, sqlite3_column_int64 (stmt, first + 1));
  jd_entity_set_modified (entity, (const char *) sqlite3_column_text (stmt, first + 2));
  jd_entity_set_deleted (entity, sqlite3_column_int (stmt, first + 3));
  return entity;
}

JdEntity *
jd_store_get (JdStore       *self,
              JdCollection   collection,
              const char    *id,
              GError       **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  JdEntity *entity = NULL;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT body, rev, modified, deleted FROM %s WHERE id = ?",
                         jd_store_table_for (collection));
  stmt = jd_store_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entity = jd_store_entity_from_row (collection, stmt, 0, error);
  else if (rc == SQLITE_DONE)
    g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE, _("%s/%s: no such object"),
                 jd_collection_key (collection), id);
  else
    jd_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);

  return entity;
}

/* Runs @sql bound to the strings that follow (NULL-terminated) and returns the first column of
 * its first row, NULL when there is none. */
static char *
query_string (JdStore     *self,
              const char  *sql,
              char       **second,
              GError     **error,
              ...)
{
  sqlite3_stmt *stmt = jd_store_statement (self, sql, error);
  char *result = NULL;
  const char *arg;
  va_list args;
  int index = 1;
  int rc;

  if (stmt == NULL)
    return NULL;

  va_start (args, error);
  while ((arg = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, index++, arg, -1, SQLITE_TRANSIENT);
  va_end (args);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      result = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (second != NULL)
        *second = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  else if (rc != SQLITE_DONE)
    jd_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);

  return result;
}

char *
jd_store_find_agency_by_name (JdStore     *self,
                              const char  *name,
                              GError     **error)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return query_string (self, "SELECT id FROM agencies WHERE name = ? AND deleted = 0 "
                             "ORDER BY pk LIMIT 1",
                       NULL, error, name, NULL);
}

char *
jd_store_find_certificate_holder (JdStore     *self,
                                  const char  *number,
                                  char       **name,
                                  GError     **error)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return query_string (self, "SELECT o.id, o.name FROM certificates AS c "
                             "JOIN officers AS o ON o.id = c.officer_id WHERE c.number = ?",
                       name, error, number, NULL);
}

char *
jd_store_find_officer_by_name (JdStore     *self,
                               const char  *agency_id,
                               const char  *name,
                               GError     **error)
{
  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  return query_string (self, "SELECT id FROM officers WHERE agency_id = ? AND name = ? "
                             "AND deleted = 0 ORDER BY pk LIMIT 1",
                       NULL, error, agency_id, name, NULL);
}

static gint64
count_rows (JdStore     *self,
            const char  *sql,
            GError     **error)
{
  sqlite3_stmt *stmt = jd_store_statement (self, sql, error);

  return stmt != NULL ? jd_store_step_count (self, stmt, error) : -1;
}

gint64
jd_store_count (JdStore       *self,
                JdCollection   collection,
                GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (JD_IS_STORE (self), -1);

  sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE deleted = 0",
                         jd_store_table_for (collection));
  return count_rows (self, sql, error);
}

int
jd_store_has_rows (JdStore       *self,
                   JdCollection   collection,
                   GError       **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (JD_IS_STORE (self), -1);

  sql = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s WHERE deleted = 0)",
                         jd_store_table_for (collection));
  return count_rows (self, sql, error);
}

gint64
jd_store_count_outbox (JdStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (JD_IS_STORE (self), -1);

  return count_rows (self, "SELECT count(*) FROM outbox", error);
}

static gboolean
step_row (JdStore       *self,
          sqlite3_stmt  *stmt,
          gboolean      *has_row,
          GError       **error)
{
  int rc = sqlite3_step (stmt);

  *has_row = (rc == SQLITE_ROW);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

/* Cases with their records, merged from two cursors in id order, so that a whole district is
 * streamed rather than loaded. */
static gboolean
export_cases (JdStore        *self,
              JdCodecWriter  *writer,
              GError        **error)
{
  sqlite3_stmt *cases;
  sqlite3_stmt *records;
  gboolean has_case;
  gboolean has_record;

  cases = jd_store_statement (self, "SELECT id, body FROM cases WHERE deleted = 0 ORDER BY id",
                              error);
  if (cases == NULL)
    return FALSE;

  /* A second cached statement: the first must stay live while this one steps. */
  records = jd_store_statement (self, "SELECT case_id, body FROM records WHERE deleted = 0 "
                                      "ORDER BY case_id, pk",
                                error);
  if (records == NULL)
    return FALSE;

  if (!step_row (self, records, &has_record, error))
    goto fail;

  while (step_row (self, cases, &has_case, error) && has_case)
    {
      const char *case_id = (const char *) sqlite3_column_text (cases, 0);
      g_autoptr(GPtrArray) case_records = g_ptr_array_new_with_free_func (
        (GDestroyNotify) json_object_unref);
      g_autoptr(JsonObject) fields = NULL;

      while (has_record && strcmp ((const char *) sqlite3_column_text (records, 0), case_id) <= 0)
        {
          if (strcmp ((const char *) sqlite3_column_text (records, 0), case_id) == 0)
            {
              JsonObject *record = jd_codec_object_from_string (
                (const char *) sqlite3_column_text (records, 1), error);

              if (record == NULL)
                goto fail;
              g_ptr_array_add (case_records, record);
            }

          if (!step_row (self, records, &has_record, error))
            goto fail;
        }

      fields = jd_codec_object_from_string ((const char *) sqlite3_column_text (cases, 1), error);
      if (fields == NULL || !jd_codec_writer_add (writer, fields, case_records, error))
        goto fail;
    }

  if (error != NULL && *error != NULL)
    goto fail;

  sqlite3_reset (cases);
  sqlite3_reset (records);
  return TRUE;

fail:
  sqlite3_reset (cases);
  sqlite3_reset (records);
  return FALSE;
}

static gboolean
export_collection (JdStore        *self,
                   JdCodecWriter  *writer,
                   JdCollection    collection,
                   GError        **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  sql = g_strdup_printf ("SELECT body FROM %s WHERE deleted = 0 ORDER BY id",
                         jd_store_table_for (collection));
  stmt = jd_store_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;

  while (step_row (self, stmt, &has_row, error) && has_row)
    {
      g_autoptr(JsonObject) fields = NULL;

      fields = jd_codec_object_from_string ((const char *) sqlite3_column_text (stmt, 0), error);
      if (fields == NULL || !jd_codec_writer_add (writer, fields, NULL, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  return error == NULL || *error == NULL;
}

gboolean
jd_store_export (JdStore        *self,
                 GOutputStream  *stream,
                 GError        **error)
{
  g_autoptr(JdCodecWriter) writer = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  /* One read transaction: the export is a consistent snapshot even while a sync writes. */
  if (!jd_store_exec (self, "BEGIN", error))
    return FALSE;

  writer = jd_codec_writer_new (stream);
  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    {
      gboolean ok;

      if (c == JD_COLLECTION_RECORDS)
        continue;

      if (!jd_codec_writer_begin_collection (writer, c, &local_error))
        break;

      if (c == JD_COLLECTION_CASES)
        ok = export_cases (self, writer, &local_error);
      else
        ok = export_collection (self, writer, c, &local_error);
      if (!ok)
        break;
    }

  jd_store_exec (self, "COMMIT", NULL);

  if (local_error != NULL || !jd_codec_writer_finish (writer, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
jd_store_collect_cases (JdStore       *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean has_row;

  while (step_row (self, stmt, &has_row, error) && has_row)
    {
      JdEntity *entity = jd_store_entity_from_row (JD_COLLECTION_CASES, stmt, 0, error);

      if (entity == NULL)
        break;
      g_ptr_array_add (result, entity);
    }
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;

  return g_steal_pointer (&result);
}

GPtrArray *
jd_store_list_cases (JdStore  *self,
                     guint     offset,
                     guint     limit,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  stmt = jd_store_statement (self,
                             "SELECT body, rev, modified, deleted FROM cases WHERE deleted = 0 "
                             "ORDER BY opened_on DESC, pk DESC LIMIT ? OFFSET ?",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, limit);
  sqlite3_bind_int (stmt, 2, offset);
  return jd_store_collect_cases (self, stmt, error);
}

GStrv
jd_store_list_officer_ids (JdStore     *self,
                           const char  *agency_id,
                           GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  stmt = jd_store_statement (self, "SELECT id FROM officers WHERE agency_id = ? AND deleted = 0 "
                                   "ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, agency_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_strv_builder_end (builder);
}

GPtrArray *
jd_store_list_all (JdStore       *self,
                   JdCollection   collection,
                   GError       **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean has_row;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  sql = g_strdup_printf ("SELECT body, rev, modified, deleted FROM %s WHERE deleted = 0 "
                         "ORDER BY id",
                         jd_store_table_for (collection));
  stmt = jd_store_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  while (step_row (self, stmt, &has_row, error) && has_row)
    {
      JdEntity *entity = jd_store_entity_from_row (collection, stmt, 0, error);

      if (entity == NULL)
        break;
      g_ptr_array_add (result, entity);
    }
  sqlite3_reset (stmt);

  if (error != NULL && *error != NULL)
    return NULL;

  return g_steal_pointer (&result);
}

/* The same merge of two cursors in id order as the export, yielding entities. */
gboolean
jd_store_foreach_case (JdStore          *self,
                       const char       *case_id,
                       JdStoreCaseFunc   func,
                       gpointer          user_data,
                       GError          **error)
{
  static const char all_cases[] =
    "SELECT body, rev, modified, deleted, id FROM cases WHERE deleted = 0 ORDER BY id";
  static const char one_case[] =
    "SELECT body, rev, modified, deleted, id FROM cases WHERE deleted = 0 AND id = ?";
  static const char all_records[] =
    "SELECT body, rev, modified, deleted, case_id FROM records WHERE deleted = 0 "
    "ORDER BY case_id, pk";
  static const char case_records[] =
    "SELECT body, rev, modified, deleted, case_id FROM records WHERE deleted = 0 "
    "AND case_id = ? ORDER BY pk";
  sqlite3_stmt *cases;
  sqlite3_stmt *records;
  gboolean has_case;
  gboolean has_record;
  gboolean ok = FALSE;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  cases = jd_store_static_statement (self, case_id != NULL ? one_case : all_cases, error);
  if (cases == NULL)
    return FALSE;
  records = jd_store_static_statement (self, case_id != NULL ? case_records : all_records, error);
  if (records == NULL)
    return FALSE;
  if (case_id != NULL)
    {
      sqlite3_bind_text (cases, 1, case_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (records, 1, case_id, -1, SQLITE_TRANSIENT);
    }

  if (!step_row (self, records, &has_record, error))
    goto out;

  while (step_row (self, cases, &has_case, error) && has_case)
    {
      const char *id = (const char *) sqlite3_column_text (cases, 4);
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      g_autoptr(JdEntity) kase = NULL;

      while (has_record && strcmp ((const char *) sqlite3_column_text (records, 4), id) <= 0)
        {
          if (strcmp ((const char *) sqlite3_column_text (records, 4), id) == 0)
            {
              JdEntity *record = jd_store_entity_from_row (JD_COLLECTION_RECORDS, records, 0,
                                                           error);

              if (record == NULL)
                goto out;
              g_ptr_array_add (list, record);
            }
          if (!step_row (self, records, &has_record, error))
            goto out;
        }

      kase = jd_store_entity_from_row (JD_COLLECTION_CASES, cases, 0, error);
      if (kase == NULL || !func (JD_CASE (kase), list, user_data, error))
        goto out;
    }

  ok = error == NULL || *error == NULL;

out:
  sqlite3_reset (cases);
  sqlite3_reset (records);
  sqlite3_clear_bindings (cases);
  sqlite3_clear_bindings (records);
  return ok;
}
