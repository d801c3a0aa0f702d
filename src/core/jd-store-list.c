#include "jd-store-list.h"

#include "jd-store-private.h"

/* Parameter numbers: fixed, so that the SQL text only depends on which filters are set and the
 * prepared statements are reused across searches. Short search words follow from FIRST_WORD. */
enum
{
  PARAM_MATCH = 1,
  PARAM_AGENCY,
  PARAM_TYPE,
  PARAM_LIMIT,
  PARAM_OFFSET,
  PARAM_DUE_BY,
  PARAM_OPENED_FROM,
  PARAM_OPENED_TO,
  PARAM_FIRST_WORD,
};

typedef struct
{
  GStrv      words;
  GString   *match;
  GPtrArray *short_words;
  gboolean   none;
} Query;

static void
query_clear (Query *query)
{
  g_clear_pointer (&query->words, g_strfreev);
  if (query->match != NULL)
    g_string_free (g_steal_pointer (&query->match), TRUE);
  g_clear_pointer (&query->short_words, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Query, query_clear)

static gboolean
has_query (const JdCaseFilter *filter)
{
  if (filter->query == NULL)
    return FALSE;
  for (const char *p = filter->query; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static gboolean
prepare_query (JdStore             *self,
               const JdCaseFilter  *filter,
               Query               *query,
               GError             **error)
{
  query->match = g_string_new (NULL);
  query->short_words = g_ptr_array_new ();
  if (filter->query == NULL)
    return TRUE;
  return jd_store_case_match (self, filter->query, &query->words, query->match,
                              query->short_words, &query->none, error);
}

/* Whether @filter asks for nothing but the words of its query. */
static gboolean
only_words (const JdCaseFilter *filter)
{
  return filter->agency_id == NULL && filter->action_type == NULL && !filter->with_errors &&
         filter->due_by == NULL && filter->opened_from == NULL && filter->opened_to == NULL;
}

/* FROM and WHERE for the hits of a query alone, read from the search index without the cases:
 * it holds live cases only (a tombstone takes a case out of case_search in the same
 * transaction; tests compare the table with its view after every kind of write). A broad search
 * counts its first 10,000 hits without reading 10,000 rows of cases. */
static void
append_words_from_where (GString     *sql,
                         const Query *query)
{
  if (query->match->len > 0 && query->short_words->len > 0)
    g_string_append_printf (sql, " FROM case_fts AS f CROSS JOIN case_search AS s"
                                 " ON s.pk = f.rowid WHERE case_fts MATCH ?%d", PARAM_MATCH);
  else if (query->match->len > 0)
    g_string_append_printf (sql, " FROM case_fts WHERE case_fts MATCH ?%d", PARAM_MATCH);
  else
    g_string_append (sql, " FROM case_search AS s WHERE 1");
  for (guint i = 0; i < query->short_words->len; i++)
    g_string_append_printf (sql, " AND instr (s.text, ?%u) > 0", PARAM_FIRST_WORD + i);
}

/* The conditions of @filter other than its words. */
static void
append_filter_where (GString            *sql,
                     const JdCaseFilter *filter)
{
  g_string_append (sql, " WHERE c.deleted = 0");
  if (filter->with_errors)
    g_string_append (sql, " AND k.n_errors > 0");
  if (filter->due_by != NULL)
    g_string_append_printf (sql, " AND k.next_due <= ?%d", PARAM_DUE_BY);
  if (filter->agency_id != NULL)
    g_string_append_printf (sql, " AND c.agency_id = ?%d", PARAM_AGENCY);
  if (filter->action_type != NULL)
    g_string_append_printf (sql, " AND c.action_type = ?%d", PARAM_TYPE);
  if (filter->opened_from != NULL)
    g_string_append_printf (sql, " AND c.opened_on >= ?%d", PARAM_OPENED_FROM);
  if (filter->opened_to != NULL)
    g_string_append_printf (sql, " AND c.opened_on <= ?%d", PARAM_OPENED_TO);
}

static void
append_checks_join (GString            *sql,
                    const JdCaseFilter *filter)
{
  if (filter->with_errors || filter->due_by != NULL)
    g_string_append (sql, " JOIN case_checks AS k ON k.case_pk = c.pk");
}

/* FROM and WHERE for @filter; with a query the rows come from the full-text index, or with
 * @filter_first from the filter's cases (see filter_first()). Either way in the same order:
 * the search's, by primary key. */
static void
append_from_where (GString            *sql,
                   const JdCaseFilter *filter,
                   const Query        *query,
                   gboolean            filter_first)
{
  if (filter_first)
    {
      /* The filter's cases first, then their search text; the index gives a case's words. */
      g_string_append (sql, " FROM cases AS c");
      if (query->short_words->len > 0)
        g_string_append (sql, " CROSS JOIN case_search AS s ON s.pk = c.pk");
      append_checks_join (sql, filter);
      append_filter_where (sql, filter);
      if (query->match->len > 0)
        g_string_append_printf (sql, " AND c.pk IN (SELECT rowid FROM case_fts "
                                     "WHERE case_fts MATCH ?%d)", PARAM_MATCH);
    }
  else
    {
      /* CROSS JOIN keeps the search first: left to itself the planner walks the live-cases
       * index and runs the full-text query once per case. */
      if (query->match->len > 0 && query->short_words->len > 0)
        g_string_append (sql, " FROM case_fts AS f CROSS JOIN case_search AS s"
                              " ON s.pk = f.rowid CROSS JOIN cases AS c ON c.pk = f.rowid");
      else if (query->match->len > 0)
        g_string_append (sql, " FROM case_fts AS f CROSS JOIN cases AS c ON c.pk = f.rowid");
      else if (query->short_words->len > 0)
        g_string_append (sql, " FROM case_search AS s CROSS JOIN cases AS c ON c.pk = s.pk");
      else
        g_string_append (sql, " FROM cases AS c");
      append_checks_join (sql, filter);
      append_filter_where (sql, filter);
      if (query->match->len > 0)
        g_string_append_printf (sql, " AND case_fts MATCH ?%d", PARAM_MATCH);
    }
  for (guint i = 0; i < query->short_words->len; i++)
    g_string_append_printf (sql, " AND instr (s.text, ?%u) > 0", PARAM_FIRST_WORD + i);
}

static void
bind (sqlite3_stmt       *stmt,
      const JdCaseFilter *filter,
      const Query        *query)
{
  if (query->match->len > 0)
    sqlite3_bind_text (stmt, PARAM_MATCH, query->match->str, -1, SQLITE_TRANSIENT);
  if (filter->agency_id != NULL)
    sqlite3_bind_text (stmt, PARAM_AGENCY, filter->agency_id, -1, SQLITE_TRANSIENT);
  if (filter->action_type != NULL)
    sqlite3_bind_text (stmt, PARAM_TYPE, filter->action_type, -1, SQLITE_TRANSIENT);
  if (filter->due_by != NULL)
    sqlite3_bind_text (stmt, PARAM_DUE_BY, filter->due_by, -1, SQLITE_TRANSIENT);
  if (filter->opened_from != NULL)
    sqlite3_bind_text (stmt, PARAM_OPENED_FROM, filter->opened_from, -1, SQLITE_TRANSIENT);
  if (filter->opened_to != NULL)
    sqlite3_bind_text (stmt, PARAM_OPENED_TO, filter->opened_to, -1, SQLITE_TRANSIENT);
  for (guint i = 0; i < query->short_words->len; i++)
    sqlite3_bind_text (stmt, PARAM_FIRST_WORD + i, query->short_words->pdata[i], -1,
                       SQLITE_TRANSIENT);
}

void
jd_store_set_filter_first_limit (JdStore *self,
                                 guint    limit)
{
  g_return_if_fail (JD_IS_STORE (self));

  self->filter_first_limit = limit;
}

/* Whether to look for the words among the filter's cases rather than check the filter on the
 * search's hits. The hits come newest first and the list stops at a page, which is quick while
 * the filter lets many through. A filter that lets few through (an agency of 4,000 cases among a
 * million) had the search read every hit, or scan every text for a short word, to fill the page:
 * 200–530 ms, and 6 s with a cold cache. The filter's own cases are counted along its index up to
 * the limit (2 ms at 50,000), and looking for the words among fewer than that takes 10–30 ms. */
static gboolean
filter_first (JdStore             *self,
              const JdCaseFilter  *filter,
              const Query         *query,
              gboolean            *first,
              GError             **error)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  gint64 n;

  *first = FALSE;
  if (only_words (filter) || self->filter_first_limit == 0
      || (query->match->len == 0 && query->short_words->len == 0))
    return TRUE;

  sql = g_string_new ("SELECT count(*) FROM (SELECT 1 FROM cases AS c");
  append_checks_join (sql, filter);
  append_filter_where (sql, filter);
  g_string_append_printf (sql, " LIMIT ?%d)", PARAM_LIMIT);
  stmt = jd_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return FALSE;

  /* The words' parameters are not in this statement: binding them does nothing. */
  bind (stmt, filter, query);
  sqlite3_bind_int64 (stmt, PARAM_LIMIT, self->filter_first_limit);
  n = jd_store_step_count (self, stmt, error);
  if (n < 0)
    return FALSE;

  *first = n < self->filter_first_limit;
  return TRUE;
}

gint64
jd_store_count_cases_filtered (JdStore             *self,
                               const JdCaseFilter  *filter,
                               GError             **error)
{
  g_auto(Query) query = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT count(*)");
  sqlite3_stmt *stmt;
  gboolean first;

  g_return_val_if_fail (JD_IS_STORE (self), -1);
  g_return_val_if_fail (filter != NULL, -1);

  if (!prepare_query (self, filter, &query, error))
    return -1;
  if (query.none && has_query (filter))
    return 0;
  if (!filter_first (self, filter, &query, &first, error))
    return -1;

  if (filter->max_hits > 0 && has_query (filter))
    {
      /* The hits come in their list order, so the first max_hits are those the list shows. */
      g_string_assign (sql, "SELECT count(*) FROM (SELECT 1");
      if (only_words (filter))
        append_words_from_where (sql, &query);
      else
        append_from_where (sql, filter, &query, first);
      g_string_append_printf (sql, " LIMIT ?%d)", PARAM_LIMIT);
    }
  else
    append_from_where (sql, filter, &query, first);
  stmt = jd_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return -1;

  bind (stmt, filter, &query);
  if (filter->max_hits > 0 && has_query (filter))
    sqlite3_bind_int64 (stmt, PARAM_LIMIT, filter->max_hits);
  return jd_store_step_count (self, stmt, error);
}

/* The list's order: a search's by key, newest first; otherwise the sort asked for. */
static void
append_order (GString            *sql,
              const JdCaseFilter *filter,
              const Query        *query)
{
  if (query->match->len > 0)
    g_string_append (sql, " ORDER BY f.rowid DESC");
  else if (query->short_words->len > 0)
    g_string_append (sql, " ORDER BY s.pk DESC");
  else
    switch (filter->sort)
      {
      case JD_CASE_SORT_OPENED_ASC:
        g_string_append (sql, " ORDER BY c.opened_on ASC, c.pk ASC");
        break;
      case JD_CASE_SORT_NUMBER_ASC:
        g_string_append (sql, " ORDER BY c.number ASC, c.pk ASC");
        break;
      case JD_CASE_SORT_NUMBER_DESC:
        g_string_append (sql, " ORDER BY c.number DESC, c.pk DESC");
        break;
      case JD_CASE_SORT_AGENCY:
        g_string_append (sql, " ORDER BY c.agency_id, c.opened_on DESC, c.pk DESC");
        break;
      case JD_CASE_SORT_AGENCY_DESC:
        g_string_append (sql, " ORDER BY c.agency_id DESC, c.opened_on DESC, c.pk DESC");
        break;
      case JD_CASE_SORT_TYPE:
        g_string_append (sql, " ORDER BY c.action_type, c.opened_on DESC, c.pk DESC");
        break;
      case JD_CASE_SORT_TYPE_DESC:
        g_string_append (sql, " ORDER BY c.action_type DESC, c.opened_on DESC, c.pk DESC");
        break;
      case JD_CASE_SORT_OPENED_DESC:
      default:
        g_string_append (sql, " ORDER BY c.opened_on DESC, c.pk DESC");
        break;
      }
}

GPtrArray *
jd_store_list_cases_filtered (JdStore             *self,
                              const JdCaseFilter  *filter,
                              guint                offset,
                              guint                limit,
                              GError             **error)
{
  g_auto(Query) query = { 0 };
  g_autoptr(GString) sql = g_string_new ("SELECT c.body, c.rev, c.modified, c.deleted");
  sqlite3_stmt *stmt;
  GPtrArray *cases;
  gboolean first;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  if (!prepare_query (self, filter, &query, error))
    return NULL;
  if (query.none && has_query (filter))
    return g_ptr_array_new_with_free_func (g_object_unref);
  if (!filter_first (self, filter, &query, &first, error))
    return NULL;

  /* The filter's cases are sorted, not walked in key order (that would read every case), and
   * by key alone: the page's 250 rows are read, not every hit's. */
  if (first)
    {
      g_string_assign (sql, "SELECT o.body, o.rev, o.modified, o.deleted FROM cases AS o "
                            "WHERE o.pk IN (SELECT c.pk");
      append_from_where (sql, filter, &query, TRUE);
      g_string_append_printf (sql, " ORDER BY +c.pk DESC LIMIT ?%d OFFSET ?%d) "
                                   "ORDER BY o.pk DESC", PARAM_LIMIT, PARAM_OFFSET);
    }
  else
    {
      append_from_where (sql, filter, &query, FALSE);
      append_order (sql, filter, &query);
      g_string_append_printf (sql, " LIMIT ?%d OFFSET ?%d", PARAM_LIMIT, PARAM_OFFSET);
    }

  stmt = jd_store_statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;

  bind (stmt, filter, &query);
  sqlite3_bind_int64 (stmt, PARAM_LIMIT, limit);
  sqlite3_bind_int64 (stmt, PARAM_OFFSET, offset);
  cases = jd_store_collect_cases (self, stmt, error);
  sqlite3_clear_bindings (stmt);
  return cases;
}
