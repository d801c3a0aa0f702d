#pragma once

#include "jd-store.h"

G_BEGIN_DECLS

/* The counts of the dashboard: cases by agency, month and action type, what the rules last found
 * in them (jd-case-checks.h), and the officers' certificates running out. Each is one query
 * over an index, never a read of the cases' rows, so that a district's million cases are counted
 * in a fraction of a second; each counts live cases (and officers) only, as the case list does,
 * so that a count equals the length of the list its filter shows. */

typedef struct
{
  char   *agency_id;
  char   *name;           /* the agency's name; its id when the store does not hold it */
  gint64  n_cases;
  gint64  n_with_errors;  /* with a failed error-level rule (JdCaseFilter.with_errors) */
  gint64  n_overdue;      /* with an open deadline before the "as of" date */
} JdAgencyCaseCounts;

typedef struct
{
  char   *key;            /* "YYYY-MM" for a month, or an action type code */
  gint64  n_cases;
} JdCaseCount;

typedef struct
{
  char   *agency_id;
  char   *name;
  gint64  n_officers;
  /* Of an officer, the certificate that ends last counts: it ends within two months of the
   * "as of" date (as the rosters view highlights it), and is neither suspended nor revoked … */
  gint64  n_expiring;
  /* … or it ended before the "as of" date. */
  gint64  n_expired;
} JdAgencyCertificateCounts;

void       jd_agency_case_counts_free        (JdAgencyCaseCounts        *counts);
void       jd_case_count_free                (JdCaseCount               *count);
void       jd_agency_certificate_counts_free (JdAgencyCertificateCounts *counts);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAgencyCaseCounts, jd_agency_case_counts_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCaseCount, jd_case_count_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdAgencyCertificateCounts, jd_agency_certificate_counts_free)

/* Every agency with live cases (JdAgencyCaseCounts), by agency id. Overdue: the soonest open
 * deadline lies before @as_of, that is on or before the day before (JdCaseFilter.due_by). */
GPtrArray *jd_store_count_cases_by_agency    (JdStore      *self,
                                              const GDate  *as_of,
                                              GError      **error);
/* The @n_months months up to that of @as_of (JdCaseCount), oldest first, months without a case
 * included: the cases opened in each (JdCaseFilter.opened_from and opened_to). */
GPtrArray *jd_store_count_cases_by_month     (JdStore      *self,
                                              const GDate  *as_of,
                                              guint         n_months,
                                              GError      **error);
/* Every action type of live cases (JdCaseCount), by code; cases without one are not counted. */
GPtrArray *jd_store_count_cases_by_action_type (JdStore    *self,
                                                GError    **error);
/* Every agency with live officers (JdAgencyCertificateCounts), by agency id. */
GPtrArray *jd_store_count_certificates_by_agency (JdStore      *self,
                                                  const GDate  *as_of,
                                                  GError      **error);

/* The first and last day ("YYYY-MM-DD") of the month @key ("YYYY-MM"); FALSE when it is not
 * one. */
gboolean   jd_store_month_range              (const char   *key,
                                              char          first[11],
                                              char          last[11]);

G_END_DECLS
