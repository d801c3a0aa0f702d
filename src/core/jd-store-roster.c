#include "jd-store-roster.h"

#include <string.h>

#include "jd-officer.h"
#include "jd-store-private.h"

void
jd_roster_agency_free (JdRosterAgency *agency)
{
  if (agency == NULL)
    return;
  g_free (agency->id);
  g_free (agency->name);
  g_free (agency->kind);
  g_free (agency->parent_id);
  g_free (agency);
}

void
jd_invalid_act_free (JdInvalidAct *act)
{
  if (act == NULL)
    return;
  g_free (act->officer_id);
  g_free (act->case_id);
  g_free (act->case_number);
  g_free (act->message);
  g_free (act);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

GPtrArray *
jd_store_list_roster_agencies (JdStore  *self,
                               GError  **error)
{
  static const char sql[] =
    "SELECT a.id, a.name, a.kind, a.parent_id,"
    " (SELECT count(*) FROM officers AS o WHERE o.agency_id = a.id AND o.deleted = 0)"
    " FROM agencies AS a WHERE a.deleted = 0 ORDER BY a.name, a.id";
  g_autoptr(GPtrArray) agencies = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  stmt = jd_store_static_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;

  agencies = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_roster_agency_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdRosterAgency *agency = g_new0 (JdRosterAgency, 1);

      agency->id = dup_column (stmt, 0);
      agency->name = dup_column (stmt, 1);
      agency->kind = dup_column (stmt, 2);
      agency->parent_id = dup_column (stmt, 3);
      agency->n_officers = (guint) sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (agencies, agency);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&agencies);
}

GPtrArray *
jd_store_list_agency_officers (JdStore     *self,
                               const char  *agency_id,
                               GError     **error)
{
  static const char sql[] =
    "SELECT body, rev, modified, deleted FROM officers"
    " WHERE agency_id = ?1 AND deleted = 0 ORDER BY name, id";
  g_autoptr(GPtrArray) officers = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);
  g_return_val_if_fail (agency_id != NULL, NULL);

  stmt = jd_store_static_statement (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, agency_id, -1, SQLITE_TRANSIENT);

  officers = g_ptr_array_new_with_free_func (g_object_unref);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdEntity *officer = jd_store_entity_from_row (JD_COLLECTION_OFFICERS, stmt, 0, error);

      if (officer == NULL)
        break;
      g_ptr_array_add (officers, officer);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_ROW)
    return NULL;
  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&officers);
}

/* The records of case @case_id (JdRecord), in the order they were written. */
static GPtrArray *
case_records (JdStore     *self,
              const char  *case_id,
              GError     **error)
{
  static const char sql[] =
    "SELECT body, rev, modified, deleted FROM records WHERE case_id = ?1 AND deleted = 0"
    " ORDER BY pk";
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt = jd_store_static_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdEntity *record = jd_store_entity_from_row (JD_COLLECTION_RECORDS, stmt, 0, error);

      if (record == NULL)
        break;
      g_ptr_array_add (records, record);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_ROW)
    return NULL;
  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&records);
}

gboolean
jd_store_foreach_agency_case (JdStore          *self,
                              const char       *agency_id,
                              JdStoreCaseFunc   func,
                              gpointer          user_data,
                              GError          **error)
{
  /* Newest first, along the index of the case list filtered by agency. */
  static const char sql[] =
    "SELECT body, rev, modified, deleted, id FROM cases WHERE deleted = 0 AND agency_id = ?1"
    " ORDER BY opened_on DESC, pk DESC";
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);
  g_return_val_if_fail (agency_id != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = jd_store_static_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, agency_id, -1, SQLITE_TRANSIENT);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(JdEntity) kase = jd_store_entity_from_row (JD_COLLECTION_CASES, stmt, 0, error);
      g_autoptr(GPtrArray) records = NULL;

      ok = kase != NULL
           && (records = case_records (self, (const char *) sqlite3_column_text (stmt, 4),
                                       error)) != NULL
           && func (JD_CASE (kase), records, user_data, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = jd_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return ok;
}

/* Invalid acts */

typedef struct
{
  JdValidator  *validator;
  JdRuleData   *data;
  GCancellable *cancellable;
  GPtrArray    *acts;
  GPtrArray    *failures;   /* messages of the case's ROS-CERT-VALID failures */
} ActScan;

static void
cert_finding_cb (const JdFinding *finding,
                 gpointer         user_data)
{
  ActScan *scan = user_data;

  if (finding->status == JD_FINDING_FAIL && g_strcmp0 (finding->rule, "ROS-CERT-VALID") == 0)
    g_ptr_array_add (scan->failures, g_strdup (finding->message));
}

static void
add_ids (GHashTable *ids,
         JsonObject *object)
{
  JsonArray *officers;

  if (object == NULL || !json_object_has_member (object, "officers"))
    return;
  officers = json_object_get_array_member (object, "officers");
  for (guint i = 0; officers != NULL && i < json_array_get_length (officers); i++)
    {
      const char *id = json_array_get_string_element (officers, i);

      if (id != NULL)
        g_hash_table_add (ids, (gpointer) id);
    }
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static gboolean
scan_case_cb (JdCase     *kase,
              GPtrArray  *records,
              gpointer    user_data,
              GError    **error)
{
  ActScan *scan = user_data;
  JsonObject *fields = jd_entity_get_fields (JD_ENTITY (kase));
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GPtrArray) sorted = NULL;
  JsonArray *stages;
  GHashTableIter iter;
  gpointer key;

  if (g_cancellable_set_error_if_cancelled (scan->cancellable, error))
    return FALSE;

  g_ptr_array_set_size (scan->failures, 0);
  jd_validator_check_entity (scan->validator, scan->data, JD_ENTITY (kase), records,
                             cert_finding_cb, scan);
  if (scan->failures->len == 0)
    return TRUE;

  /* Who acted in the case: the finding names the officers without a valid certificate. */
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  add_ids (ids, fields);
  stages = json_object_has_member (fields, "stages")
             ? json_object_get_array_member (fields, "stages") : NULL;
  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    add_ids (ids, json_array_get_object_element (stages, i));
  for (guint i = 0; i < records->len; i++)
    add_ids (ids, jd_entity_get_fields (records->pdata[i]));

  sorted = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, ids);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (sorted, key);
  g_ptr_array_sort (sorted, compare_ids);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *id = sorted->pdata[i];
      JdEntity *officer = jd_rule_data_get (scan->data, JD_COLLECTION_OFFICERS, id);
      const char *name = officer != NULL ? jd_entity_get_string (officer, "name") : NULL;

      if (name == NULL || *name == '\0')
        continue;
      for (guint f = 0; f < scan->failures->len; f++)
        if (strstr (scan->failures->pdata[f], name) != NULL)
          {
            JdInvalidAct *act = g_new0 (JdInvalidAct, 1);

            act->officer_id = g_strdup (id);
            act->case_id = g_strdup (jd_entity_get_id (JD_ENTITY (kase)));
            act->case_number = g_strdup (jd_case_get_number (kase));
            act->message = g_strdup (scan->failures->pdata[f]);
            g_ptr_array_add (scan->acts, act);
            break;
          }
    }
  return TRUE;
}

GPtrArray *
jd_store_find_invalid_acts (JdStore       *self,
                            JdValidator   *validator,
                            JdRuleData    *data,
                            const char    *agency_id,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GPtrArray) failures = NULL;
  ActScan scan = { 0 };

  g_return_val_if_fail (JD_IS_STORE (self), NULL);
  g_return_val_if_fail (JD_IS_VALIDATOR (validator), NULL);
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (agency_id != NULL, NULL);

  acts = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_invalid_act_free);
  failures = g_ptr_array_new_with_free_func (g_free);
  scan.validator = validator;
  scan.data = data;
  scan.cancellable = cancellable;
  scan.acts = acts;
  scan.failures = failures;
  if (!jd_store_foreach_agency_case (self, agency_id, scan_case_cb, &scan, error))
    return NULL;
  return g_steal_pointer (&acts);
}
