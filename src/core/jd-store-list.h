#pragma once

#include "jd-store.h"

G_BEGIN_DECLS

/* The case list of the desktop app: the live cases matching a search and filters, counted and
 * read a page at a time, so that a list over a million cases never holds more than what it shows.
 * Every value is bound to the statement; none is ever written into SQL text. */

typedef enum
{
  JD_CASE_SORT_OPENED_DESC,  /* newest first: the default */
  JD_CASE_SORT_OPENED_ASC,
  JD_CASE_SORT_NUMBER_ASC,   /* by case number, as text */
  JD_CASE_SORT_NUMBER_DESC,
  JD_CASE_SORT_AGENCY,       /* grouped by agency id, newest first within each */
  JD_CASE_SORT_AGENCY_DESC,
  JD_CASE_SORT_TYPE,         /* grouped by action type, newest first within each */
  JD_CASE_SORT_TYPE_DESC,
} JdCaseSort;

typedef struct
{
  const char *query;        /* words that must all appear (see jd_store_search_cases), or NULL */
  const char *agency_id;    /* or NULL for every agency */
  const char *action_type;  /* "penalty" …, or NULL for every type */
  JdCaseSort  sort;         /* ignored with a query: hits come most recently added first */
  /* From the rules' last results (jd-case-checks.h): only cases with a failed error-level rule;
   * only cases with a deadline still open on or before @due_by (YYYY-MM-DD), overdue ones
   * included. */
  gboolean    with_errors;
  const char *due_by;
  /* Only cases opened (their earliest stage) on or after @opened_from and on or before
   * @opened_to, each YYYY-MM-DD or NULL. */
  const char *opened_from;
  const char *opened_to;
  /* With a query, count no further than this (0: every hit). A search as broad as "京通" matches
   * a whole district; counting a million hits takes a second that typing cannot wait for. */
  guint       max_hits;
} JdCaseFilter;

/* A search with filters looks for its words in the filters' cases when they are fewer than this,
 * and otherwise checks the filters on the search's hits, newest first (see jd-store-list.c). */
#define JD_STORE_FILTER_FIRST_LIMIT 50000

/* For tests: sets that limit (0: always the search's hits first). */
void       jd_store_set_filter_first_limit (JdStore           *self,
                                            guint              limit);

/* The number of cases @filter selects, at most @filter->max_hits with a query; -1 on error. */
gint64     jd_store_count_cases_filtered (JdStore             *self,
                                          const JdCaseFilter  *filter,
                                          GError             **error);
/* Cases @offset to @offset + @limit of those @filter selects, in its order. */
GPtrArray *jd_store_list_cases_filtered  (JdStore             *self,
                                          const JdCaseFilter  *filter,
                                          guint                offset,
                                          guint                limit,
                                          GError             **error);

G_END_DECLS
