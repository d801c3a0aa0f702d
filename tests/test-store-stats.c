#include <string.h>

#include "jd-case-checks.h"
#include "jd-rule-context.h"
#include "jd-sample-store.h"
#include "jd-store-list.h"
#include "jd-store-stats.h"
#include "jd-test-util.h"

/* The dashboard's counts against the same counts made the slow way: every case read and every
 * rule run again, every officer's certificates looked at one by one. */

#define N_CASES 800
#define AS_OF "2026-01-20"

typedef JdTestStore Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  jd_test_store_set_up (f, data);
  jd_sample_store (f->store, N_CASES, 5, NULL, NULL, &error);
  g_assert_no_error (error);
}

static GDate
parse (const char *text)
{
  GDate date;

  g_assert_true (jd_rule_parse_date (text, &date));
  return date;
}

static JdValidator *
new_validator (const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) profile = jd_profile_load ("beijing", &error);
  GDate date = parse (as_of);

  g_assert_no_error (error);
  return jd_validator_new (profile, jd_calendar_get_default (), &date);
}

static gint64
count (JdStore            *store,
       const JdCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 n = jd_store_count_cases_filtered (store, filter, &error);

  g_assert_no_error (error);
  return n;
}

/* What one agency, month or type has, the slow way. */
typedef struct
{
  gint64 n_cases;
  gint64 n_with_errors;
  gint64 n_overdue;
} Tally;

typedef struct
{
  JdValidator *validator;
  JdRuleData  *data;
  GDate        as_of;
  GHashTable  *agencies;  /* agency id → Tally */
  GHashTable  *months;    /* "YYYY-MM" → Tally */
  GHashTable  *types;     /* action type → Tally */
} Slow;

typedef struct
{
  int   n_errors;
  GDate next_due;
} Found;

static void
found_cb (const JdFinding *finding,
          gpointer         user_data)
{
  Found *found = user_data;

  if (finding->status == JD_FINDING_FAIL && jd_finding_is_blocking (finding))
    found->n_errors++;
  if (finding->open && g_date_valid (&finding->due)
      && (!g_date_valid (&found->next_due) || g_date_compare (&finding->due, &found->next_due) < 0))
    found->next_due = finding->due;
}

static Tally *
tally (GHashTable *table,
       const char *key)
{
  Tally *t = g_hash_table_lookup (table, key);

  if (t == NULL)
    {
      t = g_new0 (Tally, 1);
      g_hash_table_insert (table, g_strdup (key), t);
    }
  return t;
}

/* The earliest stage's date, read from the case itself rather than the column the store keeps. */
static const char *
opened_on (JdCase *kase)
{
  JsonArray *stages = jd_case_get_stages (kase);
  const char *earliest = NULL;

  for (guint i = 0; stages != NULL && i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      const char *date = json_object_get_string_member_with_default (stage, "date", NULL);

      if (date != NULL && (earliest == NULL || strcmp (date, earliest) < 0))
        earliest = date;
    }
  return earliest;
}

static gboolean
slow_case_cb (JdCase     *kase,
              GPtrArray  *records,
              gpointer    user_data,
              GError    **error)
{
  Slow *slow = user_data;
  Found found = { 0 };
  const char *opened = opened_on (kase);
  Tally *by_agency = tally (slow->agencies, jd_case_get_agency_id (kase));

  g_date_clear (&found.next_due, 1);
  jd_validator_check_entity (slow->validator, slow->data, JD_ENTITY (kase), records, found_cb,
                             &found);
  by_agency->n_cases++;
  by_agency->n_with_errors += found.n_errors > 0;
  by_agency->n_overdue += g_date_valid (&found.next_due)
                          && g_date_compare (&found.next_due, &slow->as_of) < 0;
  if (opened != NULL)
    {
      g_autofree char *month = g_strndup (opened, 7);

      tally (slow->months, month)->n_cases++;
    }
  if (jd_case_get_action_type (kase) != NULL)
    tally (slow->types, jd_case_get_action_type (kase))->n_cases++;
  return TRUE;
}

static void
slow_count (JdStore    *store,
            const char *as_of,
            Slow       *slow)
{
  g_autoptr(GError) error = NULL;

  slow->validator = new_validator (as_of);
  slow->data = jd_validator_load_data (store, &error);
  g_assert_no_error (error);
  slow->as_of = parse (as_of);
  slow->agencies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  slow->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  slow->types = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_assert_true (jd_store_foreach_case (store, NULL, slow_case_cb, slow, &error));
  g_assert_no_error (error);
}

static void
slow_clear (Slow *slow)
{
  g_clear_object (&slow->validator);
  g_clear_object (&slow->data);
  g_clear_pointer (&slow->agencies, g_hash_table_unref);
  g_clear_pointer (&slow->months, g_hash_table_unref);
  g_clear_pointer (&slow->types, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Slow, slow_clear)

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* The day most deadlines of the checks fall on. */
static char *
common_due_day (const char *path)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt;
  char *day;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT next_due FROM case_checks"
                                           " WHERE next_due IS NOT NULL GROUP BY next_due"
                                           " ORDER BY count(*) DESC, next_due LIMIT 1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  day = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return day;
}

static void
refresh (JdStore    *store,
         const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdValidator) validator = new_validator (as_of);
  g_autoptr(JdRuleData) data = jd_validator_load_data (store, &error);

  g_assert_no_error (error);
  jd_case_checks_refresh (store, validator, data, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
check_cases (JdStore    *store,
             const char *as_of_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) types = NULL;
  g_auto(Slow) slow = { 0 };
  GDate as_of = parse (as_of_text);
  GDate yesterday = as_of;
  char due_by[16];
  gint64 n_errors = 0, n_overdue = 0, n_in_months = 0;
  g_autofree char *as_of_month = g_strndup (as_of_text, 7);

  g_date_subtract_days (&yesterday, 1);
  jd_rule_date_iso (&yesterday, due_by);
  slow_count (store, as_of_text, &slow);

  agencies = jd_store_count_cases_by_agency (store, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agencies->len, ==, g_hash_table_size (slow.agencies));
  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyCaseCounts *counts = agencies->pdata[i];
      Tally *expected = g_hash_table_lookup (slow.agencies, counts->agency_id);
      g_autoptr(JdEntity) agency = jd_store_get (store, JD_COLLECTION_AGENCIES,
                                                 counts->agency_id, NULL);
      JdCaseFilter errors = { .agency_id = counts->agency_id, .with_errors = TRUE };
      JdCaseFilter overdue = { .agency_id = counts->agency_id, .due_by = due_by };

      g_assert_nonnull (expected);
      g_assert_nonnull (agency);
      g_assert_cmpstr (counts->name, ==, jd_entity_get_string (agency, "name"));
      if (i > 0)
        g_assert_cmpstr (((JdAgencyCaseCounts *) agencies->pdata[i - 1])->agency_id, <,
                         counts->agency_id);
      g_assert_cmpint (counts->n_cases, ==, expected->n_cases);
      g_assert_cmpint (counts->n_with_errors, ==, expected->n_with_errors);
      g_assert_cmpint (counts->n_overdue, ==, expected->n_overdue);
      /* The case list shows as many under the filters of each bar. */
      g_assert_cmpint (count (store, &errors), ==, counts->n_with_errors);
      g_assert_cmpint (count (store, &overdue), ==, counts->n_overdue);
      n_errors += counts->n_with_errors;
      n_overdue += counts->n_overdue;
    }
  /* The sample breaks the rules in some cases, not all, and leaves deadlines passed. */
  g_assert_cmpint (n_errors, >, 0);
  g_assert_cmpint (n_errors, <, N_CASES);
  g_assert_cmpint (n_overdue, >, 0);

  months = jd_store_count_cases_by_month (store, &as_of, 12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 12);
  for (guint i = 0; i < months->len; i++)
    {
      JdCaseCount *month = months->pdata[i];
      Tally *expected = g_hash_table_lookup (slow.months, month->key);
      char first[11], last[11];
      JdCaseFilter opened = { .opened_from = first, .opened_to = last };

      g_assert_true (jd_store_month_range (month->key, first, last));
      g_assert_cmpint (month->n_cases, ==, expected != NULL ? expected->n_cases : 0);
      g_assert_cmpint (count (store, &opened), ==, month->n_cases);
      n_in_months += month->n_cases;
    }
  g_assert_cmpstr (((JdCaseCount *) months->pdata[11])->key, ==, as_of_month);
  g_assert_cmpint (n_in_months, >, 0);

  types = jd_store_count_cases_by_action_type (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (types->len, ==, g_hash_table_size (slow.types));
  g_assert_cmpuint (types->len, >, 1);
  for (guint i = 0; i < types->len; i++)
    {
      JdCaseCount *type = types->pdata[i];
      Tally *expected = g_hash_table_lookup (slow.types, type->key);
      JdCaseFilter of_type = { .action_type = type->key };

      g_assert_nonnull (expected);
      g_assert_cmpint (type->n_cases, ==, expected->n_cases);
      g_assert_cmpint (count (store, &of_type), ==, type->n_cases);
    }
}

/* Counts per agency, month and type agree with the cases read one by one and the rules run on
 * each, and with the case list under the same filters; deleted cases count nowhere, though their
 * checks stay in the table. */
static void
test_cases (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;

  refresh (f->store, AS_OF);
  check_cases (f->store, AS_OF);

  /* Tombstones, among them cases with errors: their checks are kept, and must not count. */
  page = jd_store_list_cases_filtered (f->store, &(JdCaseFilter) { .with_errors = TRUE }, 0, 5,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 5);
  for (guint i = 0; i < page->len; i++)
    {
      g_assert_true (jd_store_delete (f->store, JD_COLLECTION_CASES,
                                      jd_entity_get_id (page->pdata[i]), &error));
      g_assert_no_error (error);
    }
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, N_CASES - 5);
  check_cases (f->store, AS_OF);

  /* A case with errors moved to another agency: before the rules check it again, its check
   * counts under its new agency, as the case list finds it there. */
  {
    g_autoptr(GPtrArray) moved = jd_store_list_cases_filtered (
      f->store, &(JdCaseFilter) { .with_errors = TRUE }, 0, 1, &error);
    g_autoptr(GPtrArray) agencies = jd_store_list_all (f->store, JD_COLLECTION_AGENCIES, &error);
    JdEntity *kase = moved->pdata[0];
    g_autofree char *from = g_strdup (jd_entity_get_string (kase, "agency_id"));
    const char *to = NULL;
    GDate as_of = parse (AS_OF);
    g_autoptr(GPtrArray) counts = NULL;

    for (guint i = 0; i < agencies->len && to == NULL; i++)
      if (g_strcmp0 (jd_entity_get_id (agencies->pdata[i]), from) != 0)
        to = jd_entity_get_id (agencies->pdata[i]);
    json_object_set_string_member (jd_entity_get_fields (kase), "agency_id", to);
    g_assert_true (jd_store_save (f->store, kase, &error));
    g_assert_no_error (error);
    counts = jd_store_count_cases_by_agency (f->store, &as_of, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < counts->len; i++)
      {
        JdAgencyCaseCounts *agency = counts->pdata[i];
        JdCaseFilter errors = { .agency_id = agency->agency_id, .with_errors = TRUE };

        g_assert_cmpint (count (f->store, &errors), ==, agency->n_with_errors);
      }
  }

  /* Another date: the checks made for it, the overdue ones move. On the day a deadline falls
   * due, its cases are not overdue yet. */
  refresh (f->store, "2025-09-30");
  check_cases (f->store, "2025-09-30");
  {
    g_autofree char *due_day = common_due_day (f->path);

    refresh (f->store, due_day);
    /* (the meta holds "profile YYYY-MM-DD") */
    g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM case_checks WHERE next_due = "
                                       "substr ((SELECT value FROM meta"
                                       " WHERE key = 'case_checks'), -10)"), >, 0);
    check_cases (f->store, due_day);
  }
}

/* Of each officer the certificate that ends last, as the rosters view picks it. */
static JsonObject *
current_certificate (JdEntity *officer)
{
  JsonArray *certificates = jd_entity_get_array (officer, "certificates");
  JsonObject *current = NULL;

  for (guint i = 0; certificates != NULL && i < json_array_get_length (certificates); i++)
    {
      JsonObject *certificate = json_array_get_object_element (certificates, i);
      const char *to = json_object_get_string_member_with_default (certificate, "valid_to", NULL);

      if (to != NULL
          && (current == NULL
              || strcmp (to, json_object_get_string_member (current, "valid_to")) > 0))
        current = certificate;
    }
  return current;
}

static void
check_certificates (JdStore    *store,
                    const char *as_of_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = jd_store_list_all (store, JD_COLLECTION_OFFICERS, &error);
  g_autoptr(GHashTable) expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  g_autoptr(GPtrArray) counts = NULL;
  GDate as_of = parse (as_of_text);
  gint64 n_expiring = 0, n_expired = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < officers->len; i++)
    {
      JdEntity *officer = officers->pdata[i];
      JsonObject *current = current_certificate (officer);
      gint64 *row = g_hash_table_lookup (expected, jd_entity_get_string (officer, "agency_id"));
      const char *status;
      GDate valid_to, warn_from;

      if (row == NULL)
        {
          row = g_new0 (gint64, 3);
          g_hash_table_insert (expected, g_strdup (jd_entity_get_string (officer, "agency_id")),
                               row);
        }
      row[0]++;
      if (current == NULL)
        continue;
      status = json_object_get_string_member_with_default (current, "status", "valid");
      valid_to = parse (json_object_get_string_member (current, "valid_to"));
      warn_from = valid_to;
      g_date_subtract_months (&warn_from, 2);
      if (g_date_compare (&valid_to, &as_of) < 0)
        row[2]++;
      else if (g_date_compare (&warn_from, &as_of) <= 0 && strcmp (status, "suspended") != 0
               && strcmp (status, "revoked") != 0)
        row[1]++;
    }

  counts = jd_store_count_certificates_by_agency (store, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts->len, ==, g_hash_table_size (expected));
  for (guint i = 0; i < counts->len; i++)
    {
      JdAgencyCertificateCounts *agency = counts->pdata[i];
      gint64 *row = g_hash_table_lookup (expected, agency->agency_id);

      g_assert_nonnull (row);
      g_assert_cmpint (agency->n_officers, ==, row[0]);
      g_assert_cmpint (agency->n_expiring, ==, row[1]);
      g_assert_cmpint (agency->n_expired, ==, row[2]);
      g_assert_cmpstr (agency->name, !=, agency->agency_id);
      n_expiring += agency->n_expiring;
      n_expired += agency->n_expired;
    }
  g_test_message ("as of %s: %" G_GINT64_FORMAT " expiring, %" G_GINT64_FORMAT " expired",
                  as_of_text, n_expiring, n_expired);
}

static gint64
expiring_of (JdStore    *store,
             const char *agency_id,
             const char *as_of_text)
{
  g_autoptr(GError) error = NULL;
  GDate as_of = parse (as_of_text);
  g_autoptr(GPtrArray) counts = jd_store_count_certificates_by_agency (store, &as_of, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < counts->len; i++)
    {
      JdAgencyCertificateCounts *agency = counts->pdata[i];

      if (g_strcmp0 (agency->agency_id, agency_id) == 0)
        return agency->n_expiring;
    }
  g_assert_not_reached ();
}

/* Expiring and expired certificates per agency agree with the officers read one by one, on
 * days where the sample's certificates run out and on the last day of a month, where two months
 * back is clamped to a shorter month. */
static void
test_certificates (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = jd_store_list_all (f->store, JD_COLLECTION_OFFICERS, &error);
  const char *agency_id = jd_entity_get_string (officers->pdata[0], "agency_id");
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JdEntity) officer = NULL;
  gint64 on_27th, on_28th;

  g_assert_no_error (error);
  check_certificates (f->store, "2026-08-31");
  check_certificates (f->store, "2025-06-15");

  /* A certificate ending on 30 April warns from 28 February on, not from 2 March. */
  on_27th = expiring_of (f->store, agency_id, "2026-02-27");
  on_28th = expiring_of (f->store, agency_id, "2026-02-28");
  json = g_strdup_printf ("{\"id\": \"officer-april\", \"name\": \"王五\", \"agency_id\": \"%s\","
                          " \"role\": \"officer\", \"certificates\": [{\"number\": \"APR-30\","
                          " \"valid_from\": \"2023-05-01\", \"valid_to\": \"2026-04-30\","
                          " \"status\": \"valid\"}]}",
                          agency_id);
  node = json_from_string (json, &error);
  g_assert_no_error (error);
  officer = jd_entity_new_for_collection (JD_COLLECTION_OFFICERS, json_node_get_object (node));
  g_assert_true (jd_store_save (f->store, officer, &error));
  g_assert_no_error (error);
  g_assert_cmpint (expiring_of (f->store, agency_id, "2026-02-27"), ==, on_27th);
  g_assert_cmpint (expiring_of (f->store, agency_id, "2026-02-28"), ==, on_28th + 1);
  check_certificates (f->store, "2026-02-28");
  check_certificates (f->store, "2026-04-30");
  check_certificates (f->store, "2026-05-01");

  /* A deleted officer counts nowhere. */
  g_assert_true (jd_store_delete (f->store, JD_COLLECTION_OFFICERS, "officer-april", &error));
  g_assert_no_error (error);
  check_certificates (f->store, "2026-02-28");
}

static void
test_month_range (void)
{
  char first[11], last[11];

  g_assert_true (jd_store_month_range ("2024-02", first, last));
  g_assert_cmpstr (first, ==, "2024-02-01");
  g_assert_cmpstr (last, ==, "2024-02-29");
  g_assert_true (jd_store_month_range ("2025-12", first, last));
  g_assert_cmpstr (last, ==, "2025-12-31");
  g_assert_false (jd_store_month_range ("2025-13", first, last));
  g_assert_false (jd_store_month_range ("2025-1", first, last));
  g_assert_false (jd_store_month_range ("2025-01-01", first, last));
  g_assert_false (jd_store_month_range ("2025/01", first, last));
  g_assert_false (jd_store_month_range (NULL, first, last));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-stats/cases", Fixture, NULL, set_up, test_cases,
              jd_test_store_tear_down);
  g_test_add ("/store-stats/certificates", Fixture, NULL, set_up, test_certificates,
              jd_test_store_tear_down);
  g_test_add_func ("/store-stats/month-range", test_month_range);

  return g_test_run ();
}
