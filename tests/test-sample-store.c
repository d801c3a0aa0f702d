#include <gio/gio.h>
#include <string.h>

#include "jd-calendar.h"
#include "jd-case.h"
#include "jd-profile.h"
#include "jd-sample-store.h"
#include "jd-store-sync.h"
#include "jd-test-util.h"
#include "jd-validator.h"

typedef JdTestStore Fixture;

#define fixture_set_up jd_test_store_set_up
#define fixture_tear_down jd_test_store_tear_down

static void
test_stores_a_district (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *before = NULL;
  g_autofree char *mark = NULL;

  /* A database with sample data says so, so that it is never connected to a server. */
  before = jd_store_dup_meta (f->store, JD_STORE_META_SAMPLE, &error);
  g_assert_no_error (error);
  g_assert_null (before);

  jd_sample_store (f->store, 500, 3, NULL, NULL, &error);
  g_assert_no_error (error);
  mark = jd_store_dup_meta (f->store, JD_STORE_META_SAMPLE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (mark, "\"seed\": 3"));
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 500);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_AGENCIES, NULL), >=, 40);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_RECORDS, NULL), >=, 500);

  problems = jd_store_verify_audit (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* The batches made the search texts; they are the view's. */
  jd_test_assert_search_texts (f->path);
}

typedef struct
{
  JdValidator *validator;
  JdRuleData  *full;
  JdRuleData  *cases;
  guint        n_cases;
  guint        n_findings;
} SameFindings;

static void
describe_cb (const JdFinding *finding,
             gpointer         user_data)
{
  char due[16] = "";

  if (g_date_valid (&finding->due))
    g_date_strftime (due, sizeof due, "%Y-%m-%d", &finding->due);
  g_ptr_array_add (user_data, g_strdup_printf ("%s %d %s %s", finding->rule, finding->status,
                                               due, finding->message));
}

static gboolean
same_findings_cb (JdCase     *kase,
                  GPtrArray  *records,
                  gpointer    user_data,
                  GError    **error)
{
  SameFindings *same = user_data;
  g_autoptr(GPtrArray) full = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_free);

  jd_validator_check_entity (same->validator, same->full, JD_ENTITY (kase), records, describe_cb,
                             full);
  jd_validator_check_entity (same->validator, same->cases, JD_ENTITY (kase), records,
                             describe_cb, cases);
  g_assert_cmpuint (cases->len, ==, full->len);
  for (guint i = 0; i < full->len; i++)
    g_assert_cmpstr (cases->pdata[i], ==, full->pdata[i]);
  same->n_cases++;
  same->n_findings += full->len;
  return TRUE;
}

/* The rules of a case find the same with the agencies and officers alone as with every object,
 * under every profile: what the app and the rosters load to check cases. */
static void
test_case_data (Fixture *f, gconstpointer data)
{
  static const char * const profiles[] = { "beijing", "beijing-daxing", "weihai", "xuchang" };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdRuleData) full = NULL;
  g_autoptr(JdRuleData) cases = NULL;
  GDate as_of;

  jd_sample_store (f->store, 400, 17, NULL, NULL, &error);
  g_assert_no_error (error);
  full = jd_validator_load_data (f->store, &error);
  g_assert_no_error (error);
  cases = jd_validator_load_case_data (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (jd_rule_data_list (cases, JD_COLLECTION_COMPLAINTS)->len, ==, 0);
  g_assert_cmpuint (jd_rule_data_list (full, JD_COLLECTION_COMPLAINTS)->len, >, 0);
  g_assert_cmpuint (jd_rule_data_list (cases, JD_COLLECTION_OFFICERS)->len, ==,
                    jd_rule_data_list (full, JD_COLLECTION_OFFICERS)->len);

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 3, 2026);
  for (guint p = 0; p < G_N_ELEMENTS (profiles); p++)
    {
      g_autoptr(JdProfile) profile = jd_profile_load (profiles[p], &error);
      g_autoptr(JdValidator) validator = NULL;
      SameFindings same = { NULL, full, cases, 0, 0 };

      g_assert_no_error (error);
      validator = jd_validator_new (profile, jd_calendar_get_default (), &as_of);
      same.validator = validator;
      g_assert_true (jd_store_foreach_case (f->store, NULL, same_findings_cb, &same, &error));
      g_assert_no_error (error);
      g_test_message ("%s: %u cases, %u findings", profiles[p], same.n_cases, same.n_findings);
      g_assert_cmpuint (same.n_cases, ==, 400);
      g_assert_cmpuint (same.n_findings, >, 400);
    }
}

static void
test_cancelled (Fixture *f, gconstpointer data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (jd_sample_store (f->store, 500, 3, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 0);
}

static void
test_unknown_agency (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (jd_sample_store (f->store, 5, 3, "nowhere", NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE);
}

/* A write that fails half-way (a full disk, say) stops the generator, reports the database's
 * error, and keeps the batches already committed. */
static void
test_write_fails (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = jd_test_raw_open (f->path);

  jd_test_raw_exec (db, "CREATE TRIGGER full_disk BEFORE INSERT ON cases "
                        "WHEN (SELECT count(*) FROM cases) >= 10000 "
                        "BEGIN SELECT RAISE (ABORT, 'simulated failure'); END");
  sqlite3_close (db);

  g_assert_false (jd_sample_store (f->store, 35000, 3, NULL, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "simulated failure"));
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 10000);
}

/* Sample data and a sync server never meet, whichever comes first. */
static void
test_never_synced (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_store_sync_set_account (f->store, "https://district.example", "zhang",
                                            &error));
  g_assert_no_error (error);
  g_assert_false (jd_sample_store (f->store, 50, 3, NULL, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SAMPLE_DATA);
  g_clear_error (&error);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 0);

  g_assert_true (jd_store_sync_set_account (f->store, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (jd_sample_store (f->store, 50, 3, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (jd_store_sync_set_account (f->store, "https://district.example", "zhang",
                                             &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SAMPLE_DATA);
}

/* A sample database can never push, so it queues nothing: neither the sample nor an edit of it,
 * nor a write through a connection opened before the sample was made. */
static void
test_queues_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) earlier = jd_store_open (f->path, JD_STORE_OPEN_NONE, &error);
  g_autoptr(GPtrArray) cases = NULL;
  g_auto(JdSyncStatus) status = { 0 };

  g_assert_no_error (error);
  g_assert_true (jd_sample_store (f->store, 60, 3, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 60);
  g_assert_cmpint (jd_store_count_outbox (f->store, &error), ==, 0);

  cases = jd_store_list_cases (earlier, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 2);
  json_object_set_string_member (jd_entity_get_fields (cases->pdata[0]), "title", "改过的名称");
  g_assert_true (jd_store_save (earlier, cases->pdata[0], &error));
  g_assert_no_error (error);
  g_assert_true (jd_store_delete (f->store, JD_COLLECTION_CASES,
                                  jd_entity_get_id (cases->pdata[1]), &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_store_count_outbox (earlier, &error), ==, 0);
  g_assert_true (jd_store_sync_get_status (f->store, &status, &error));
  g_assert_cmpint (status.pending, ==, 0);

  /* The edit itself is there, audited. */
  {
    g_autoptr(JdEntity) stored = jd_store_get (f->store, JD_COLLECTION_CASES,
                                               jd_entity_get_id (cases->pdata[0]), &error);

    g_autoptr(GPtrArray) problems = jd_store_verify_audit (f->store, NULL, &error);

    g_assert_cmpstr (jd_case_get_title (JD_CASE (stored)), ==, "改过的名称");
    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/sample-store/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("stores-a-district", test_stores_a_district);
  ADD ("cancelled", test_cancelled);
  ADD ("unknown-agency", test_unknown_agency);
  ADD ("write-fails", test_write_fails);
  ADD ("never-synced", test_never_synced);
  ADD ("queues-nothing", test_queues_nothing);
  ADD ("case-data", test_case_data);
#undef ADD

  return g_test_run ();
}
