#pragma once

#include <gio/gio.h>

#include "jd-store-list.h"

G_BEGIN_DECLS

/* A GListModel of the cases (JdCase) a search and filters select, paged from the store: it knows
 * their count, reads pages of JD_CASE_LIST_PAGE_SIZE cases as items are asked for and keeps the
 * few pages last used. A new search, filter or sort replaces every item.
 *
 * A change reads the first page at once. When that page is full, the model holds it alone
 * ("counting") while a thread counts the rest (jd-case-counter.h); the items past it come in
 * one items-changed at the end of the list. */

/* GTK 4.8's list views make up to 200 rows around the visible ones: one page covers them. */
#define JD_CASE_LIST_PAGE_SIZE 250
/* A search lists its newest 10,000 hits at most: past that, a narrower search is the way. */
#define JD_CASE_LIST_MAX_HITS 10000

#define JD_TYPE_CASE_LIST_MODEL (jd_case_list_model_get_type ())

G_DECLARE_FINAL_TYPE (JdCaseListModel, jd_case_list_model, JD, CASE_LIST_MODEL, GObject)

JdCaseListModel *jd_case_list_model_new             (JdStore         *store);
JdStore         *jd_case_list_model_get_store       (JdCaseListModel *self);
const char      *jd_case_list_model_get_query       (JdCaseListModel *self);
void             jd_case_list_model_set_query       (JdCaseListModel *self,
                                                     const char      *query);
const char      *jd_case_list_model_get_action_type (JdCaseListModel *self);
void             jd_case_list_model_set_action_type (JdCaseListModel *self,
                                                     const char      *action_type);
const char      *jd_case_list_model_get_agency_id   (JdCaseListModel *self);
void             jd_case_list_model_set_agency_id   (JdCaseListModel *self,
                                                     const char      *agency_id);
/* Only cases the rules last found errors in, and/or with an open deadline on or before @due_by
 * (YYYY-MM-DD, or NULL): see jd-case-checks.h. */
void             jd_case_list_model_set_checks_filter (JdCaseListModel *self,
                                                       gboolean         with_errors,
                                                       const char      *due_by);
/* Only cases opened from @opened_from to @opened_to (YYYY-MM-DD, both included, or NULL). */
void             jd_case_list_model_set_opened      (JdCaseListModel *self,
                                                     const char      *opened_from,
                                                     const char      *opened_to);
/* Every filter of @filter at once (its sort aside), counted once. */
void             jd_case_list_model_set_filter      (JdCaseListModel    *self,
                                                     const JdCaseFilter *filter);
/* The filters in force, borrowed from the model: valid until the next change. */
void             jd_case_list_model_get_filter      (JdCaseListModel    *self,
                                                     JdCaseFilter       *filter);
JdCaseSort       jd_case_list_model_get_sort        (JdCaseListModel *self);
void             jd_case_list_model_set_sort        (JdCaseListModel *self,
                                                     JdCaseSort       sort);
/* Whether the model holds the first page only, while the rest are counted. */
gboolean         jd_case_list_model_is_counting     (JdCaseListModel *self);
/* Whether a search found more hits than the list holds (JD_CASE_LIST_MAX_HITS). */
gboolean         jd_case_list_model_is_capped       (JdCaseListModel *self);
/* Forgets every page and counts again: after the store was written. */
void             jd_case_list_model_reload          (JdCaseListModel *self);

/* For tests and measurements: pages read since the model was made, and pages held now. */
guint            jd_case_list_model_get_n_pages_loaded (JdCaseListModel *self);
guint            jd_case_list_model_get_n_pages_cached (JdCaseListModel *self);

G_END_DECLS
