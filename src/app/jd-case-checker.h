#pragma once

#include "jd-core.h"

G_BEGIN_DECLS

/* Runs the rules of the chosen profile over one case at a time, for the rows the list shows and
 * the case page, and keeps the findings per case id until the profile, the date or the data
 * change. The small collections the rules look up are loaded once. */

#define JD_TYPE_CASE_CHECKER (jd_case_checker_get_type ())

G_DECLARE_FINAL_TYPE (JdCaseChecker, jd_case_checker, JD, CASE_CHECKER, GObject)

JdCaseChecker *jd_case_checker_new            (JdStore        *store);
/* @as_of NULL or "" for today. Clears the findings kept; emits "changed". */
gboolean       jd_case_checker_configure      (JdCaseChecker  *self,
                                               const char     *profile_id,
                                               const char     *as_of,
                                               GError        **error);
/* Reloads agencies, officers … after the store was written by someone else; emits "changed". */
gboolean       jd_case_checker_reload         (JdCaseChecker  *self,
                                               GError        **error);
/* The findings of @kase (JdFinding), failures first; never NULL. */
GPtrArray     *jd_case_checker_check          (JdCaseChecker  *self,
                                               JdCase         *kase);
/* What the case list shows of a case: its problems and its soonest open deadline. */
typedef struct
{
  guint  n_errors;
  guint  n_warnings;
  GDate  next_due;    /* invalid when there is none */
  int    days_left;   /* from the "as of" date to @next_due, negative when overdue */
} JdCaseSummary;

/* The summary of @kase: from the findings kept, else from the store's check of it when that is
 * current (jd-case-checks.h), else from its rules run now. */
void           jd_case_checker_summarize      (JdCaseChecker  *self,
                                               JdCase         *kase,
                                               JdCaseSummary  *summary);
/* The whole-process records of @kase (JdRecord) as last checked; never NULL. */
GPtrArray     *jd_case_checker_get_records    (JdCaseChecker  *self,
                                               JdCase         *kase);
/* Drops what was kept of case @case_id: after the app wrote it or one of its records. */
void           jd_case_checker_forget         (JdCaseChecker  *self,
                                               const char     *case_id);
const char    *jd_case_checker_agency_name    (JdCaseChecker  *self,
                                               const char     *agency_id);
const char    *jd_case_checker_officer_name   (JdCaseChecker  *self,
                                               const char     *officer_id);
JdStore       *jd_case_checker_get_store      (JdCaseChecker  *self);
/* The "as of" date the rules run for. */
const GDate   *jd_case_checker_get_as_of      (JdCaseChecker  *self);
/* Brings the store's checks of every case (jd-case-checks.h) up to date for the profile and
 * date, on a worker thread: emits "refresh-progress" while it runs and "checks-updated" when
 * done. A new call, or another configuration, replaces the one running. */
void           jd_case_checker_refresh_all    (JdCaseChecker  *self);
/* Stops the refresh running, between two batches; what it checked is kept. Still "refreshing"
 * until its thread has returned (then "checks-updated"). */
void           jd_case_checker_cancel_refresh (JdCaseChecker  *self);
gboolean       jd_case_checker_is_refreshing  (JdCaseChecker  *self);
/* From 0 to 1 while refreshing; 1 when not. */
double         jd_case_checker_get_refresh_fraction (JdCaseChecker *self);
/* The profile the rules run with. */
JdProfile     *jd_case_checker_get_profile    (JdCaseChecker  *self);
/* The findings of @draft, a case not (or not yet) stored as it is, with the records of the stored
 * case of its id; nothing is kept. A new array (JdFinding), failures first. */
GPtrArray     *jd_case_checker_check_draft    (JdCaseChecker  *self,
                                               JdCase         *draft);
/* The objects of a small collection (complaints, supervision cases, letters, evaluations,
 * agencies …: not cases or records) as last loaded, in id order; a new array of references. */
GPtrArray     *jd_case_checker_list           (JdCaseChecker  *self,
                                               JdCollection    collection);
/* The letters of supervision case @supervision_case_id; a new array of references. */
GPtrArray     *jd_case_checker_letters_for    (JdCaseChecker  *self,
                                               const char     *supervision_case_id);
/* The findings of @entity, an object other than a case (a complaint, a letter, an agency …),
 * against the data last loaded; nothing is kept. When @rule_prefix is not NULL only the rules
 * whose id starts with it report. A new array (JdFinding), failures first. */
GPtrArray     *jd_case_checker_check_entity   (JdCaseChecker  *self,
                                               JdEntity       *entity,
                                               const char     *rule_prefix);
/* How many cases the rules ran over since the checker was made, and how many summaries came
 * from the store's checks: for tests. */
guint          jd_case_checker_get_n_checked  (JdCaseChecker  *self);
guint          jd_case_checker_get_n_summaries_stored (JdCaseChecker *self);

/* Failures, then what needs input, then passes; errors before warnings within each. */
int            jd_case_checker_compare_findings (gconstpointer a,
                                                 gconstpointer b);

G_END_DECLS
