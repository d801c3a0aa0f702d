#include "jd-case-checks.h"

#include <string.h>

#include "jd-rule-context.h"
#include "jd-store-private.h"

#define META_KEY "case_checks"
#define BATCH 500

typedef struct
{
  char  *id;
  char  *modified;
  int    n_errors;
  int    n_warnings;
  GDate  next_due;
} Check;

static void
check_clear (Check *check)
{
  g_free (check->id);
  g_free (check->modified);
}

/* The profile and date the table's rows were made for. */
static char *
config_key (JdValidator *validator)
{
  char as_of[16];

  return g_strdup_printf ("%s %s", jd_profile_get_id (jd_validator_get_profile (validator)),
                          jd_rule_date_iso (jd_validator_get_as_of (validator), as_of));
}

/* Empties the table when it was made for another profile or date. */
static gboolean
ensure_config (JdStore      *store,
               JdValidator  *validator,
               GError      **error)
{
  g_autofree char *key = config_key (validator);
  g_autofree char *current = NULL;
  g_autoptr(GError) local_error = NULL;

  current = jd_store_dup_meta (store, META_KEY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (g_strcmp0 (current, key) == 0)
    return TRUE;

  if (!jd_store_begin (store, error))
    return FALSE;
  if (!jd_store_exec (store, "DELETE FROM case_checks", error)
      || !jd_store_set_meta (store, META_KEY, key, error) || !jd_store_commit (store, error))
    {
      jd_store_rollback (store);
      return FALSE;
    }
  return TRUE;
}

/* A case is checked again when it has no check: triggers (migration 10) delete a case's check
 * whenever a write may change its findings.
 *
 * Every check is of a live case: one is written only for a live case, in the transaction that
 * read it (write_checks()), and triggers delete it when its case changes or goes. So the stale
 * cases are the live ones less the checks, both counted along an index. Looking up the check of
 * each live case instead took 1.5 s of a million-case window's start, in 16 KiB reads. */
static gint64
count_stale (JdStore  *store,
             GError  **error)
{
  sqlite3_stmt *stmt = jd_store_statement (store,
                                           "SELECT (SELECT count(*) FROM cases WHERE deleted = 0)"
                                           " - (SELECT count(*) FROM case_checks)",
                                           error);

  return stmt != NULL ? jd_store_step_count (store, stmt, error) : -1;
}

gint64
jd_case_checks_count_stale (JdStore      *store,
                            JdValidator  *validator,
                            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean current;

  g_return_val_if_fail (JD_IS_STORE (store), -1);
  g_return_val_if_fail (JD_IS_VALIDATOR (validator), -1);

  current = jd_case_checks_are_current (store, validator, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return -1;
    }
  /* Checks of another profile or date are all stale. */
  if (!current)
    return jd_store_count (store, JD_COLLECTION_CASES, error);
  return count_stale (store, error);
}

/* The ids of the next @limit stale cases after @after_pk, in pk order. */
static gboolean
next_stale (JdStore    *store,
            gint64      after_pk,
            GPtrArray  *ids,
            gint64     *last_pk,
            GError    **error)
{
  /* "+c.deleted" keeps the planner off the indexes led by the tombstone flag: through one of
   * them every batch read all the live cases and sorted them, a million cases in 580 s; along
   * the primary key from @after_pk the whole refresh reads each case once. */
  sqlite3_stmt *stmt = jd_store_statement (store,
                                           "SELECT c.pk, c.id"
                                           " FROM cases AS c LEFT JOIN case_checks AS k"
                                           " ON k.case_pk = c.pk"
                                           " WHERE +c.deleted = 0 AND k.case_pk IS NULL"
                                           " AND c.pk > ? ORDER BY c.pk LIMIT ?",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, after_pk);
  sqlite3_bind_int (stmt, 2, BATCH);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *last_pk = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (store, rc, error);
  return TRUE;
}

static void
finding_cb (const JdFinding *finding,
            gpointer         user_data)
{
  Check *check = user_data;

  if (finding->status == JD_FINDING_FAIL)
    {
      if (jd_finding_is_blocking (finding))
        check->n_errors++;
      else
        check->n_warnings++;
    }
  if (finding->open && g_date_valid (&finding->due)
      && (!g_date_valid (&check->next_due) || g_date_compare (&finding->due, &check->next_due) < 0))
    check->next_due = finding->due;
}

typedef struct
{
  JdValidator *validator;
  JdRuleData  *data;
  GArray      *checks;
} Batch;

static gboolean
case_cb (JdCase     *kase,
         GPtrArray  *records,
         gpointer    user_data,
         GError    **error)
{
  Batch *batch = user_data;
  Check check = { 0 };

  g_date_clear (&check.next_due, 1);
  check.id = g_strdup (jd_entity_get_id (JD_ENTITY (kase)));
  check.modified = g_strdup (jd_entity_get_modified (JD_ENTITY (kase)));
  jd_validator_check_entity (batch->validator, batch->data, JD_ENTITY (kase), records, finding_cb,
                             &check);
  g_array_append_val (batch->checks, check);
  return TRUE;
}

/* The checks of a batch, inside the transaction it was read in. */
static gboolean
write_checks (JdStore  *store,
              GArray   *checks,
              GError  **error)
{
  sqlite3_stmt *stmt;

  stmt = jd_store_statement (store,
                             "INSERT OR REPLACE INTO case_checks"
                             " (case_pk, case_modified, n_errors, n_warnings, next_due,"
                             "  agency_id)"
                             " SELECT pk, ?, ?, ?, ?, agency_id FROM cases"
                             " WHERE id = ? AND deleted = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < checks->len; i++)
    {
      Check *check = &g_array_index (checks, Check, i);
      char due[16];

      sqlite3_bind_text (stmt, 1, check->modified, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, check->n_errors);
      sqlite3_bind_int (stmt, 3, check->n_warnings);
      if (g_date_valid (&check->next_due))
        sqlite3_bind_text (stmt, 4, jd_rule_date_iso (&check->next_due, due), -1,
                           SQLITE_TRANSIENT);
      else
        sqlite3_bind_null (stmt, 4);
      sqlite3_bind_text (stmt, 5, check->id, -1, SQLITE_TRANSIENT);
      if (!jd_store_step_done (store, stmt, error))
        {
          sqlite3_clear_bindings (stmt);
          return FALSE;
        }
    }
  sqlite3_clear_bindings (stmt);
  return TRUE;
}

/* One batch: the next stale cases read, checked and their checks written in one write
 * transaction, so that no write of theirs can fall between the reading and the writing. The
 * lock is held for one batch of rules, a few milliseconds. */
static gboolean
refresh_batch (JdStore  *store,
               Batch    *batch,
               gint64   *last_pk,
               guint    *n_read,
               GError  **error)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  if (!jd_store_begin (store, error))
    return FALSE;
  if (!next_stale (store, *last_pk, ids, last_pk, error))
    goto fail;
  for (guint i = 0; i < ids->len; i++)
    if (!jd_store_foreach_case (store, ids->pdata[i], case_cb, batch, error))
      goto fail;
  if (!write_checks (store, batch->checks, error) || !jd_store_commit (store, error))
    goto fail;
  *n_read = ids->len;
  return TRUE;

fail:
  jd_store_rollback (store);
  return FALSE;
}

gint64
jd_case_checks_refresh (JdStore               *store,
                        JdValidator           *validator,
                        JdRuleData            *data,
                        JdCaseChecksProgress   progress,
                        gpointer               user_data,
                        GCancellable          *cancellable,
                        GError               **error)
{
  g_autoptr(GArray) checks = g_array_new (FALSE, TRUE, sizeof (Check));
  Batch batch = { validator, data, checks };
  gint64 total, done = 0, last_pk = 0;

  g_return_val_if_fail (JD_IS_STORE (store), -1);
  g_return_val_if_fail (JD_IS_VALIDATOR (validator), -1);
  g_return_val_if_fail (data != NULL, -1);

  g_array_set_clear_func (checks, (GDestroyNotify) check_clear);
  if (!ensure_config (store, validator, error))
    return -1;
  total = count_stale (store, error);
  if (total < 0)
    return -1;

  while (done < total)
    {
      guint n_read = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return -1;
      if (!refresh_batch (store, &batch, &last_pk, &n_read, error))
        return -1;
      if (n_read == 0)
        break;
      done += checks->len;
      g_array_set_size (checks, 0);
      if (progress != NULL)
        progress (MIN (done, total), total, user_data);
    }

  return done;
}

gboolean
jd_case_checks_are_current (JdStore      *store,
                            JdValidator  *validator,
                            GError      **error)
{
  g_autofree char *key = NULL;
  g_autofree char *current = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (JD_IS_VALIDATOR (validator), FALSE);

  key = config_key (validator);
  current = jd_store_dup_meta (store, META_KEY, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return g_strcmp0 (current, key) == 0;
}

gboolean
jd_case_checks_get (JdStore      *store,
                    const char   *case_id,
                    JdCaseCheck  *check,
                    gboolean     *found,
                    GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);
  g_return_val_if_fail (case_id != NULL, FALSE);

  *found = FALSE;
  memset (check, 0, sizeof *check);
  g_date_clear (&check->next_due, 1);

  stmt = jd_store_static_statement (store,
                                    "SELECT k.n_errors, k.n_warnings, k.next_due"
                                    " FROM cases AS c JOIN case_checks AS k ON k.case_pk = c.pk"
                                    " WHERE c.id = ?",
                                    error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *due = (const char *) sqlite3_column_text (stmt, 2);

      *found = TRUE;
      check->n_errors = sqlite3_column_int (stmt, 0);
      check->n_warnings = sqlite3_column_int (stmt, 1);
      if (due != NULL)
        jd_rule_parse_date (due, &check->next_due);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (store, rc, error);
  return TRUE;
}
