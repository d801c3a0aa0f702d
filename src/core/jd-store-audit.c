#include "jd-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#define AUDIT_COLUMNS "seq, time, actor, action, object, changes, prev_hash, hash"

static JdAuditEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  return jd_audit_entry_new (sqlite3_column_int64 (stmt, 0),
                             (const char *) sqlite3_column_text (stmt, 1),
                             (const char *) sqlite3_column_text (stmt, 2),
                             (const char *) sqlite3_column_text (stmt, 3),
                             (const char *) sqlite3_column_text (stmt, 4),
                             (const char *) sqlite3_column_text (stmt, 5),
                             (const char *) sqlite3_column_text (stmt, 6),
                             (const char *) sqlite3_column_text (stmt, 7));
}

static GPtrArray *
collect_entries (JdStore       *self,
                 sqlite3_stmt  *stmt,
                 GError       **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&entries);
}

GPtrArray *
jd_store_list_audit (JdStore     *self,
                     const char  *object,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  /* Inside a write transaction, what it appended is part of the log. */
  if (!jd_store_flush_audit (self, error))
    return NULL;

  if (object == NULL)
    {
      stmt = jd_store_statement (self, "SELECT " AUDIT_COLUMNS " FROM audit_log ORDER BY seq",
                                 error);
    }
  else
    {
      stmt = jd_store_statement (self, "SELECT " AUDIT_COLUMNS " FROM audit_log "
                                       "WHERE object = ? ORDER BY seq",
                                 error);
      if (stmt != NULL)
        sqlite3_bind_text (stmt, 1, object, -1, SQLITE_TRANSIENT);
    }

  if (stmt == NULL)
    return NULL;

  return collect_entries (self, stmt, error);
}

static void
add_problem (GPtrArray          *problems,
             JdAuditProblemKind  kind,
             gint64              seq,
             char               *message)
{
  JdAuditProblem *problem = g_new0 (JdAuditProblem, 1);

  problem->kind = kind;
  problem->seq = seq;
  problem->message = message;
  g_ptr_array_add (problems, problem);
}

/* Walks the chain. An entry whose content no longer gives its hash was edited. An entry whose
 * link does not name the entry before it was either moved (the link names another entry that is
 * still there) or follows a gap (the link names an entry that is gone). */
static void
check_chain (GPtrArray *entries,
             GPtrArray *problems)
{
  g_autoptr(GHashTable) by_hash = g_hash_table_new (g_str_hash, g_str_equal);
  const char *expected_prev = JD_AUDIT_GENESIS;

  for (guint i = 0; i < entries->len; i++)
    g_hash_table_insert (by_hash, (gpointer) jd_audit_entry_get_hash (entries->pdata[i]),
                         entries->pdata[i]);

  for (guint i = 0; i < entries->len; i++)
    {
      JdAuditEntry *entry = entries->pdata[i];
      gint64 seq = jd_audit_entry_get_seq (entry);
      const char *prev_hash = jd_audit_entry_get_prev_hash (entry);
      g_autofree char *computed = NULL;

      computed = jd_audit_compute_hash (prev_hash, jd_audit_entry_get_time (entry),
                                        jd_audit_entry_get_actor (entry),
                                        jd_audit_entry_get_action (entry),
                                        jd_audit_entry_get_object (entry),
                                        jd_audit_entry_get_changes (entry));
      if (strcmp (computed, jd_audit_entry_get_hash (entry)) != 0)
        {
          add_problem (problems, JD_AUDIT_PROBLEM_EDITED, seq,
                       g_strdup_printf (_("entry %lld (%s, %s) was edited: its "
                                          "content no longer matches its hash"),
                                        (long long) seq, jd_audit_entry_get_object (entry),
                                        jd_audit_entry_get_time (entry)));
        }
      else if (strcmp (prev_hash, expected_prev) != 0)
        {
          JdAuditEntry *linked = g_hash_table_lookup (by_hash, prev_hash);

          if (linked != NULL || strcmp (prev_hash, JD_AUDIT_GENESIS) == 0)
            add_problem (problems, JD_AUDIT_PROBLEM_REORDERED, seq,
                         g_strdup_printf (_("entry %lld (%s) is out of order: it was written "
                                            "after entry %lld"),
                                          (long long) seq, jd_audit_entry_get_object (entry),
                                          (long long) (linked ? jd_audit_entry_get_seq (linked)
                                                              : 0)));
          else
            add_problem (problems, JD_AUDIT_PROBLEM_DELETED, seq,
                         g_strdup_printf (_("entries were deleted or rewritten just before entry "
                                            "%lld (%s)"),
                                          (long long) seq, jd_audit_entry_get_object (entry)));
        }

      expected_prev = jd_audit_entry_get_hash (entry);
    }
}

GPtrArray *
jd_store_verify_audit (JdStore  *self,
                       gint64   *n_entries,
                       GError  **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *head = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  entries = jd_store_list_audit (self, NULL, error);
  if (entries == NULL)
    return NULL;

  stmt = jd_store_statement (self, "SELECT value FROM meta WHERE key = 'audit_head'", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    head = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_audit_problem_free);
  check_chain (entries, problems);

  /* The chain itself cannot show entries cut off its end; the head recorded beside it can. */
  if (head != NULL)
    {
      JdAuditEntry *last = entries->len > 0 ? entries->pdata[entries->len - 1] : NULL;

      if (last == NULL || strcmp (jd_audit_entry_get_hash (last), head) != 0)
        add_problem (problems, JD_AUDIT_PROBLEM_DELETED,
                     last ? jd_audit_entry_get_seq (last) + 1 : 1,
                     g_strdup_printf (_("entries were deleted from the end of the log (after "
                                        "entry %lld)"),
                                      (long long) (last ? jd_audit_entry_get_seq (last) : 0)));
    }

  if (n_entries != NULL)
    *n_entries = entries->len;
  return g_steal_pointer (&problems);
}
