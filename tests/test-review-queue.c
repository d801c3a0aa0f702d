#include <string.h>

#include "jd-sample-store.h"
#include "jd-store-review.h"
#include "jd-test-util.h"

#define N_CASES 800

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

typedef struct
{
  const char *as_of;
  GPtrArray  *ids;  /* "submitted_on id", sorted: the expected order */
} Expected;

static gboolean
collect_cb (JdCase     *kase,
            GPtrArray  *records,
            gpointer    user_data,
            GError    **error)
{
  Expected *expected = user_data;
  JsonObject *review = jd_case_get_review (kase);
  const char *submitted, *completed;

  if (review == NULL)
    return TRUE;
  submitted = json_object_get_string_member_with_default (review, "submitted_on", NULL);
  completed = json_object_get_string_member_with_default (review, "completed_on", NULL);
  if (submitted != NULL && strcmp (submitted, expected->as_of) <= 0 &&
      (completed == NULL || strcmp (completed, expected->as_of) > 0))
    g_ptr_array_add (expected->ids, g_strdup (jd_entity_get_id (JD_ENTITY (kase))));
  return TRUE;
}

/* The queue on @as_of, the slow way: every case read and its review looked at. */
static GPtrArray *
expected_queue (JdStore    *store,
                const char *as_of)
{
  g_autoptr(GError) error = NULL;
  Expected expected = { as_of, g_ptr_array_new_with_free_func (g_free) };

  g_assert_true (jd_store_foreach_case (store, NULL, collect_cb, &expected, &error));
  g_assert_no_error (error);
  return expected.ids;
}

static const char *
submitted_on (JdEntity *kase)
{
  return json_object_get_string_member (jd_case_get_review (JD_CASE (kase)), "submitted_on");
}

/* Checks the queue on @as_of against the slow way, read in pages of 3; returns its length. */
static guint
check_queue (JdStore    *store,
             const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) expected = expected_queue (store, as_of);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 count = jd_store_count_review_queue (store, as_of, &error);

  g_assert_no_error (error);
  g_assert_cmpint (count, ==, expected->len);

  for (guint offset = 0;; offset += 3)
    {
      g_autoptr(GPtrArray) page = jd_store_list_review_queue (store, as_of, offset, 3, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, 3);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (page->pdata[i]));
      if (page->len < 3)
        break;
    }
  g_assert_cmpuint (all->len, ==, expected->len);

  for (guint i = 0; i < all->len; i++)
    {
      const char *id = jd_entity_get_id (all->pdata[i]);

      g_assert_true (g_ptr_array_find_with_equal_func (expected, id, g_str_equal, NULL));
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      /* Oldest submission first: the most urgent first. */
      if (i > 0)
        g_assert_cmpstr (submitted_on (all->pdata[i - 1]), <=, submitted_on (all->pdata[i]));
    }
  return all->len;
}

typedef struct
{
  char *id;
  char *submitted;
} Reviewed;

static gboolean
first_reviewed_cb (JdCase     *kase,
                   GPtrArray  *records,
                   gpointer    user_data,
                   GError    **error)
{
  Reviewed *found = user_data;
  JsonObject *review = jd_case_get_review (kase);
  const char *submitted, *completed;

  if (review == NULL || found->id != NULL)
    return TRUE;
  submitted = json_object_get_string_member_with_default (review, "submitted_on", NULL);
  completed = json_object_get_string_member_with_default (review, "completed_on", NULL);
  if (submitted != NULL && completed != NULL && strcmp (submitted, completed) < 0)
    {
      found->id = g_strdup (jd_entity_get_id (JD_ENTITY (kase)));
      found->submitted = g_strdup (submitted);
    }
  return TRUE;
}

/* A case whose review was completed after the day of its submission. */
static char *
first_reviewed (JdStore *store,
                char     submitted[11])
{
  g_autoptr(GError) error = NULL;
  Reviewed found = { NULL, NULL };

  g_assert_true (jd_store_foreach_case (store, NULL, first_reviewed_cb, &found, &error));
  g_assert_nonnull (found.id);
  g_strlcpy (submitted, found.submitted, 11);
  g_free (found.submitted);
  return found.id;
}

static gboolean
has_id (gconstpointer a,
        gconstpointer b)
{
  return g_strcmp0 (jd_entity_get_id ((JdEntity *) a), b) == 0;
}

static void
test_queue (Fixture       *f,
            gconstpointer  data)
{
  static const char * const dates[] = {
    "2024-01-01", "2024-06-28", "2025-01-15", "2025-03-03", "2025-06-30", "2025-11-20",
    "2026-04-01", "2026-09-30", "2027-01-01",
  };
  guint total = 0;

  g_autofree char *id = NULL;
  char submitted[11];

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    total += check_queue (f->store, dates[i]);
  /* On the day a review was submitted, it waits. */
  id = first_reviewed (f->store, submitted);
  g_assert_cmpuint (check_queue (f->store, submitted), >=, 1);
  g_test_message ("%u cases awaiting review over the dates checked", total);
  /* Before any case and after every review, nothing awaits. */
  g_assert_cmpuint (check_queue (f->store, "2024-01-01"), ==, 0);
}

/* A review submitted and not yet completed, and a case deleted: the queue follows the writes. */
static void
test_queue_follows_writes (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) later = expected_queue (f->store, "2027-01-01");
  g_autoptr(JdEntity) kase = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  JsonObject *review;
  g_autofree char *id = NULL;
  char submitted[11];

  g_assert_cmpuint (later->len, ==, 0);

  /* Take a case awaiting review on the day of its submission and undo its completion: it
   * waits from its submission on, whatever the date. */
  id = first_reviewed (f->store, submitted);
  queue = jd_store_list_review_queue (f->store, submitted, 0, 1000, &error);
  g_assert_no_error (error);
  g_assert_true (g_ptr_array_find_with_equal_func (queue, id, has_id, NULL));
  g_clear_pointer (&queue, g_ptr_array_unref);

  kase = jd_store_get (f->store, JD_COLLECTION_CASES, id, &error);
  g_assert_no_error (error);
  review = jd_case_get_review (JD_CASE (kase));
  json_object_remove_member (review, "completed_on");
  g_assert_true (jd_store_save (f->store, kase, &error));
  g_assert_no_error (error);

  queue = jd_store_list_review_queue (f->store, "2027-01-01", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (queue->len, ==, 1);
  g_assert_cmpstr (jd_entity_get_id (queue->pdata[0]), ==, id);
  g_assert_cmpuint (check_queue (f->store, "2027-01-01"), ==, 1);
  g_clear_pointer (&queue, g_ptr_array_unref);

  /* Completing it again takes it off. */
  json_object_set_string_member (review, "completed_on", "2026-12-31");
  g_assert_true (jd_store_save (f->store, kase, &error));
  g_assert_cmpuint (check_queue (f->store, "2027-01-01"), ==, 0);
  g_assert_cmpuint (check_queue (f->store, "2026-12-30"), >=, 1);

  /* A deleted case never waits. */
  g_assert_true (jd_store_delete (f->store, JD_COLLECTION_CASES, id, &error));
  g_assert_no_error (error);
  queue = jd_store_list_review_queue (f->store, "2026-12-30", 0, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < queue->len; i++)
    g_assert_cmpstr (jd_entity_get_id (queue->pdata[i]), !=, id);
  check_queue (f->store, "2026-12-30");
}

/* A database of schema 7 gets the columns filled from the cases it holds. */
static void
test_queue_upgrade (Fixture       *f,
                    gconstpointer  data)
{
  static const char * const dates[] = { "2024-09-30", "2025-04-30", "2025-12-31" };
  guint before[G_N_ELEMENTS (dates)];
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    before[i] = check_queue (f->store, dates[i]);
  g_clear_object (&f->store);

  db = jd_test_raw_open (f->path);
  /* Back to version 7: what versions 11, 10 and 8 added goes, newest first. */
  jd_test_raw_exec (db, "DROP TRIGGER case_checks_follow_agency;"
                        "DROP TRIGGER case_checks_drop_deleted;"
                        "DROP INDEX case_checks_agency;"
                        "ALTER TABLE case_checks DROP COLUMN agency_id;"
                        "DROP INDEX cases_review_queue;"
                        "ALTER TABLE cases DROP COLUMN review_completed_on;"
                        "ALTER TABLE cases DROP COLUMN review_submitted_on;"
                        "PRAGMA user_version = 7;");
  sqlite3_close (db);

  f->store = jd_store_open (f->path, JD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_store_get_version (f->store), ==, jd_store_latest_version ());
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    g_assert_cmpuint (check_queue (f->store, dates[i]), ==, before[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review-queue/queue", Fixture, NULL, set_up, test_queue,
              jd_test_store_tear_down);
  g_test_add ("/review-queue/writes", Fixture, NULL, set_up, test_queue_follows_writes,
              jd_test_store_tear_down);
  g_test_add ("/review-queue/upgrade", Fixture, NULL, set_up, test_queue_upgrade,
              jd_test_store_tear_down);
  return g_test_run ();
}
