#include "jd-store-review.h"

#include "jd-store-private.h"

/* INDEXED BY makes a change that the planner could no longer serve from the partial index of
 * 0006-review-queue.sql fail loudly instead of scanning a million cases. */
#define QUEUE_WHERE \
  " FROM cases INDEXED BY cases_review_queue" \
  " WHERE deleted = 0 AND review_submitted_on IS NOT NULL AND review_submitted_on <= ?1" \
  " AND (review_completed_on IS NULL OR review_completed_on > ?1)"

static const char count_sql[] = "SELECT count(*)" QUEUE_WHERE;
static const char list_sql[] = "SELECT body, rev, modified, deleted" QUEUE_WHERE
                               " ORDER BY review_submitted_on, pk LIMIT ?2 OFFSET ?3";

gint64
jd_store_count_review_queue (JdStore     *self,
                             const char  *as_of,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_STORE (self), -1);
  g_return_val_if_fail (as_of != NULL, -1);

  stmt = jd_store_static_statement (self, count_sql, error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_TRANSIENT);
  return jd_store_step_count (self, stmt, error);
}

GPtrArray *
jd_store_list_review_queue (JdStore     *self,
                            const char  *as_of,
                            guint        offset,
                            guint        limit,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  GPtrArray *cases;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL, NULL);

  stmt = jd_store_static_statement (self, list_sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, as_of, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, limit);
  sqlite3_bind_int64 (stmt, 3, offset);
  cases = jd_store_collect_cases (self, stmt, error);
  sqlite3_clear_bindings (stmt);
  return cases;
}
