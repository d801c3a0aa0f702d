#include "jd-store-stats.h"

#include <stdio.h>
#include <string.h>

#include "jd-store-private.h"

void
jd_agency_case_counts_free (JdAgencyCaseCounts *counts)
{
  if (counts == NULL)
    return;
  g_free (counts->agency_id);
  g_free (counts->name);
  g_free (counts);
}

void
jd_case_count_free (JdCaseCount *count)
{
  if (count == NULL)
    return;
  g_free (count->key);
  g_free (count);
}

void
jd_agency_certificate_counts_free (JdAgencyCertificateCounts *counts)
{
  if (counts == NULL)
    return;
  g_free (counts->agency_id);
  g_free (counts->name);
  g_free (counts);
}

static void
iso_date (const GDate *date,
          char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/* Steps @stmt to its end, calling @row for each row, and resets it. */
static gboolean
collect (JdStore       *self,
         sqlite3_stmt  *stmt,
         void         (*row) (sqlite3_stmt *stmt,
                              GPtrArray    *out),
         GPtrArray     *out,
         GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    row (stmt, out);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Cases per agency from the index of the live cases by agency; what the rules found from the
 * index of their checks by agency (0007-dashboard.sql), which holds live cases only. */
#define AGENCY_CASES_SQL                                                                           \
  "SELECT n.agency_id, coalesce (a.name, n.agency_id), n.n, coalesce (f.n_errors, 0),"             \
  "  coalesce (f.n_overdue, 0)"                                                                    \
  " FROM (SELECT agency_id, count(*) AS n FROM cases WHERE deleted = 0 GROUP BY agency_id) AS n"   \
  " LEFT JOIN (SELECT agency_id, sum (n_errors > 0) AS n_errors, sum (next_due < ?1) AS n_overdue" \
  "            FROM case_checks INDEXED BY case_checks_agency GROUP BY agency_id) AS f"            \
  "   ON f.agency_id = n.agency_id"                                                                \
  " LEFT JOIN agencies AS a ON a.id = n.agency_id"                                                 \
  " ORDER BY n.agency_id"

static void
agency_case_row (sqlite3_stmt *stmt,
                 GPtrArray    *out)
{
  JdAgencyCaseCounts *counts = g_new0 (JdAgencyCaseCounts, 1);

  counts->agency_id = column_dup (stmt, 0);
  counts->name = column_dup (stmt, 1);
  counts->n_cases = sqlite3_column_int64 (stmt, 2);
  counts->n_with_errors = sqlite3_column_int64 (stmt, 3);
  counts->n_overdue = sqlite3_column_int64 (stmt, 4);
  g_ptr_array_add (out, counts);
}

GPtrArray *
jd_store_count_cases_by_agency (JdStore      *self,
                                const GDate  *as_of,
                                GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;
  char day[11];

  g_return_val_if_fail (JD_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  stmt = jd_store_static_statement (self, AGENCY_CASES_SQL, error);
  if (stmt == NULL)
    return NULL;
  iso_date (as_of, day);
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_agency_case_counts_free);
  if (!collect (self, stmt, agency_case_row, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

static void
case_count_row (sqlite3_stmt *stmt,
                GPtrArray    *out)
{
  JdCaseCount *count = g_new0 (JdCaseCount, 1);

  count->key = column_dup (stmt, 0);
  count->n_cases = sqlite3_column_int64 (stmt, 1);
  g_ptr_array_add (out, count);
}

gboolean
jd_store_month_range (const char *key,
                      char        first[11],
                      char        last[11])
{
  unsigned year, month;
  char end;

  if (key == NULL || strlen (key) != 7 || key[4] != '-'
      || sscanf (key, "%4u-%2u%c", &year, &month, &end) != 2 || year < 1 || month < 1
      || month > 12)
    return FALSE;
  g_snprintf (first, 11, "%04u-%02u-01", year, month);
  g_snprintf (last, 11, "%04u-%02u-%02u", year, month, g_date_get_days_in_month (month, year));
  return TRUE;
}

/* The range of the live cases by opening date, counted per month. */
#define MONTHS_SQL                                                                                 \
  "SELECT substr (opened_on, 1, 7), count(*) FROM cases"                                           \
  " WHERE deleted = 0 AND opened_on >= ?1 AND opened_on < ?2"                                      \
  " GROUP BY substr (opened_on, 1, 7)"

GPtrArray *
jd_store_count_cases_by_month (JdStore      *self,
                               const GDate  *as_of,
                               guint         n_months,
                               GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;
  GDate first, end;
  char first_day[11], end_day[11];
  guint next = 0;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);
  g_return_val_if_fail (n_months > 0 && n_months <= 1200, NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, g_date_get_month (as_of), g_date_get_year (as_of));
  end = first;
  g_date_add_months (&end, 1);
  g_date_subtract_months (&first, n_months - 1);
  iso_date (&first, first_day);
  iso_date (&end, end_day);

  stmt = jd_store_static_statement (self, MONTHS_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, first_day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end_day, -1, SQLITE_TRANSIENT);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_case_count_free);
  if (!collect (self, stmt, case_count_row, found, error))
    return NULL;

  /* Every month, those without a case too; the query's rows come in month order. */
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_case_count_free);
  for (guint i = 0; i < n_months; i++)
    {
      JdCaseCount *count = g_new0 (JdCaseCount, 1);

      count->key = g_strdup_printf ("%04u-%02u", g_date_get_year (&first),
                                    g_date_get_month (&first));
      if (next < found->len && g_strcmp0 (((JdCaseCount *) found->pdata[next])->key,
                                          count->key) == 0)
        count->n_cases = ((JdCaseCount *) found->pdata[next++])->n_cases;
      g_ptr_array_add (out, count);
      g_date_add_months (&first, 1);
    }
  return g_steal_pointer (&out);
}

#define TYPES_SQL                                                                                  \
  "SELECT action_type, count(*) FROM cases"                                                        \
  " WHERE deleted = 0 AND action_type IS NOT NULL GROUP BY action_type"

GPtrArray *
jd_store_count_cases_by_action_type (JdStore  *self,
                                     GError  **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  stmt = jd_store_static_statement (self, TYPES_SQL, error);
  if (stmt == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_case_count_free);
  if (!collect (self, stmt, case_count_row, out, error))
    return NULL;
  return g_steal_pointer (&out);
}

/* Of each live officer the certificate that ends last (max() picks the row its other columns
 * come from); a district has a few thousand officers, read whole. */
#define CERTIFICATES_SQL                                                                           \
  "SELECT o.agency_id, coalesce (a.name, o.agency_id), count(*),"                                  \
  "  coalesce (sum (t.valid_to >= ?1 AND t.valid_to <= ?2"                                         \
  "                 AND coalesce (t.status, 'valid') NOT IN ('suspended', 'revoked')), 0),"        \
  "  coalesce (sum (t.valid_to < ?1), 0)"                                                          \
  " FROM officers AS o"                                                                            \
  " LEFT JOIN (SELECT p.pk AS pk, max (json_extract (e.value, '$.valid_to')) AS valid_to,"         \
  "              json_extract (e.value, '$.status') AS status"                                     \
  "            FROM officers AS p, json_each (p.body, '$.certificates') AS e"                      \
  "            WHERE p.deleted = 0 AND json_type (e.value, '$.valid_to') = 'text'"                 \
  "            GROUP BY p.pk) AS t ON t.pk = o.pk"                                                 \
  " LEFT JOIN agencies AS a ON a.id = o.agency_id"                                                 \
  " WHERE o.deleted = 0"                                                                           \
  " GROUP BY o.agency_id ORDER BY o.agency_id"

static void
agency_certificate_row (sqlite3_stmt *stmt,
                        GPtrArray    *out)
{
  JdAgencyCertificateCounts *counts = g_new0 (JdAgencyCertificateCounts, 1);

  counts->agency_id = column_dup (stmt, 0);
  counts->name = column_dup (stmt, 1);
  counts->n_officers = sqlite3_column_int64 (stmt, 2);
  counts->n_expiring = sqlite3_column_int64 (stmt, 3);
  counts->n_expired = sqlite3_column_int64 (stmt, 4);
  g_ptr_array_add (out, counts);
}

/* The last day a certificate may end on to be expiring on @as_of: the rosters view warns from
 * two months before the end, counted back with the day of the month clamped (g_date_subtract_
 * months), so that a certificate ending on 30 April warns from 28 February on. */
static void
expiring_until (const GDate *as_of,
                GDate       *until)
{
  *until = *as_of;
  g_date_add_months (until, 2);
  for (;;)
    {
      GDate next = *until, warn_from;

      g_date_add_days (&next, 1);
      warn_from = next;
      g_date_subtract_months (&warn_from, 2);
      if (g_date_compare (&warn_from, as_of) > 0)
        break;
      *until = next;
    }
}

GPtrArray *
jd_store_count_certificates_by_agency (JdStore      *self,
                                       const GDate  *as_of,
                                       GError      **error)
{
  g_autoptr(GPtrArray) out = NULL;
  sqlite3_stmt *stmt;
  GDate until;
  char day[11], until_day[11];

  g_return_val_if_fail (JD_IS_STORE (self), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  expiring_until (as_of, &until);
  iso_date (as_of, day);
  iso_date (&until, until_day);
  stmt = jd_store_static_statement (self, CERTIFICATES_SQL, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, day, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until_day, -1, SQLITE_TRANSIENT);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_agency_certificate_counts_free);
  if (!collect (self, stmt, agency_certificate_row, out, error))
    return NULL;
  return g_steal_pointer (&out);
}
