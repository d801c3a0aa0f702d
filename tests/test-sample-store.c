#include <gio/gio.h>
#include <string.h>

#include "jd-sample-store.h"
#include "jd-store-sync.h"
#include "jd-test-util.h"

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
#undef ADD

  return g_test_run ();
}
