#include <string.h>

#include "jd-store-private.h"
#include "jd-store-stats.h"
#include "jd-test-util.h"

typedef JdTestStore Fixture;

#define fixture_set_up jd_test_store_set_up
#define fixture_tear_down jd_test_store_tear_down

static void
import_full (Fixture *f)
{
  g_autoptr(JdDocument) document = jd_test_read_data ("full.json");
  g_autoptr(GError) error = NULL;

  jd_store_import (f->store, document, NULL, &error);
  g_assert_no_error (error);
}

static gint64
raw_count (const char *path,
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

static void
test_fresh (Fixture *f, gconstpointer data)
{
  g_assert_cmpint (jd_store_get_version (f->store), ==, jd_store_latest_version ());
  g_assert_cmpint (raw_count (f->path, "PRAGMA application_id"), ==, 1246318926);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM pragma_journal_mode "
                                       "WHERE journal_mode = 'wal'"), ==, 1);
}

/* What the code of schema @version wrote: one agency, one case, one record; from version 2 on
 * also its search text, as that version's view made it. */
static void
fill_version (const char *path,
              int         version)
{
  sqlite3 *db = jd_test_raw_open (path);

  jd_test_raw_exec (db,
    "INSERT INTO agencies (id, body, modified, name, kind) VALUES ('a', "
    "'{\"id\":\"a\",\"name\":\"城管执法局\",\"kind\":\"department\"}', '2025-01-01T00:00:00+08:00', "
    "'城管执法局', 'department');"
    "INSERT INTO cases (id, body, modified, agency_id, title, number) VALUES ('c', "
    "'{\"id\":\"c\",\"agency_id\":\"a\",\"title\":\"某公司擅自违法建设厂房案\",\"number\":\"兴城罚1号\","
    "\"parties\":[{\"kind\":\"person\",\"name\":\"李四\"}]}', '2025-01-01T00:00:00+08:00', 'a', "
    "'某公司擅自违法建设厂房案', '兴城罚1号');"
    "INSERT INTO records (id, body, modified, case_id) VALUES ('r', "
    "'{\"id\":\"r\",\"case_id\":\"c\",\"matter\":\"现场勘验测量面积\"}', "
    "'2025-01-01T00:00:00+08:00', 'c');");
  if (version >= 2)
    jd_test_raw_exec (db, "INSERT INTO case_search (pk, text) "
                          "SELECT pk, text FROM case_search_source");
  /* Version 6 kept what the rules found in it: an error and a deadline passed. */
  if (version >= 6)
    jd_test_raw_exec (db, "INSERT INTO case_checks (case_pk, case_modified, n_errors, n_warnings,"
                          " next_due) SELECT pk, modified, 1, 0, '2025-02-01' FROM cases");
  /* Version 11 keeps the case's agency with its check. */
  if (version >= 11)
    jd_test_raw_exec (db, "UPDATE case_checks SET agency_id = "
                          "(SELECT agency_id FROM cases WHERE pk = case_pk)");

  /* Two chained audit entries and an outbox entry, which version 4 must carry over. */
  {
    g_autofree char *h1 = jd_audit_compute_hash (JD_AUDIT_GENESIS, "2025-01-01T00:00:00+08:00",
                                                 "tester", "insert", "cases/c", "{}");
    g_autofree char *h2 = jd_audit_compute_hash (h1, "2025-01-01T00:00:01+08:00", "tester",
                                                 "insert", "records/r", "{}");
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO audit_log (time, actor, action, object, changes, prev_hash, hash) VALUES "
      "('2025-01-01T00:00:00+08:00', 'tester', 'insert', 'cases/c', '{}', '%s', '%s'), "
      "('2025-01-01T00:00:01+08:00', 'tester', 'insert', 'records/r', '{}', '%s', '%s');"
      "INSERT INTO outbox (collection, row_id, op, base_rev, fields, queued) VALUES "
      "('cases', 'c', 'insert', 0, '[]', '2025-01-01T00:00:00+08:00')",
      JD_AUDIT_GENESIS, h1, h1, h2);

    jd_test_raw_exec (db, sql);
  }

  /* From version 4 on the outbox also says what a push sent; version 9 copies it over. */
  if (version >= 4)
    jd_test_raw_exec (db, "UPDATE outbox SET mutation_id = 'm1', sent_edits = 1, edits = 2");
  sqlite3_close (db);
}

static void
test_upgrade_from_every_version (void)
{
  for (int version = 0; version < jd_store_latest_version (); version++)
    {
      g_autofree char *dir = jd_test_tmp_dir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(JdStore) store = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("upgrading from schema version %d", version);
      store = jd_store_open_at_version (path, version, &error);
      g_assert_no_error (error);
      g_assert_cmpint (jd_store_get_version (store), ==, version);
      g_clear_object (&store);

      if (version >= 1)
        fill_version (path, version);

      store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (jd_store_get_version (store), ==, jd_store_latest_version ());
      /* Version 12 dropped the case indexes that no query used. */
      g_assert_cmpint (raw_count (path, "SELECT count(*) FROM sqlite_master WHERE name IN "
                                        "('cases_opened', 'cases_agency_opened', 'cases_decided')"),
                       ==, 0);
      if (version >= 4)
        g_assert_cmpint (raw_count (path, "SELECT count(*) FROM outbox WHERE mutation_id = 'm1' "
                                          "AND sent_edits = 1 AND edits = 2"), ==, 1);

      if (version >= 1)
        {
          g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 1);
          /* The upgrade indexed what the old version stored, records included. */
          hits = jd_store_search_cases (store, "勘验测量", 10, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (hits->len, ==, 1);
          g_clear_pointer (&hits, g_ptr_array_unref);
          hits = jd_store_search_cases (store, "李四", 10, &error);
          g_assert_cmpuint (hits->len, ==, 1);
          g_clear_pointer (&hits, g_ptr_array_unref);

          /* The dashboard counts the cases through the index of version 11; checks made before
           * version 10 are gone (it starts them over) until a refresh. */
          {
            GDate as_of;
            JdAgencyCaseCounts *counts;

            g_date_clear (&as_of, 1);
            g_date_set_dmy (&as_of, 1, 3, 2025);
            hits = jd_store_count_cases_by_agency (store, &as_of, &error);
            g_assert_no_error (error);
            g_assert_cmpuint (hits->len, ==, 1);
            counts = hits->pdata[0];
            g_assert_cmpstr (counts->agency_id, ==, "a");
            g_assert_cmpstr (counts->name, ==, "城管执法局");
            g_assert_cmpint (counts->n_cases, ==, 1);
            g_assert_cmpint (counts->n_with_errors, ==, version >= 10 ? 1 : 0);
            g_assert_cmpint (counts->n_overdue, ==, version >= 10 ? 1 : 0);
            g_clear_pointer (&hits, g_ptr_array_unref);
          }
        }

      {
        /* Version 4 rebuilt the audit log for the sync actions: the chain it copied is whole,
         * and sync starts with nothing pulled. */
        g_auto(JdSyncStatus) status = { 0 };

        hits = jd_store_verify_audit (store, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (hits->len, ==, 0);
        g_assert_true (jd_store_sync_get_status (store, &status, &error));
        g_assert_cmpint (status.cursor, ==, 0);
        g_assert_null (status.server);
        if (version >= 1)
          {
            g_autoptr(JsonArray) batch = jd_store_sync_next_batch (store, 500, &error);
            g_autoptr(GPtrArray) audit = jd_store_list_audit (store, NULL, &error);

            g_assert_no_error (error);
            g_assert_cmpuint (audit->len, ==, 2);
            g_assert_cmpint (status.pending, ==, 1);
            g_assert_cmpuint (json_array_get_length (batch), ==, 1);
          }
      }

      /* The checks hold whatever version made the tables (version 9 rewrote them). */
      {
        sqlite3 *db = jd_test_raw_open (path);

        g_assert_cmpint (sqlite3_exec (db, "INSERT INTO audit_log (time, actor, action, object, "
                                           "changes, prev_hash, hash) VALUES ('t', 'a', 'edit', "
                                           "'cases/c', '{}', 'p', 'h')", NULL, NULL, NULL),
                         ==, SQLITE_CONSTRAINT);
        g_assert_cmpint (sqlite3_exec (db, "INSERT INTO outbox (collection, row_id, op, "
                                           "base_rev, fields, queued) VALUES ('cases', 'x', "
                                           "'upsert', 0, '[]', 't')", NULL, NULL, NULL),
                         ==, SQLITE_CONSTRAINT);
        g_assert_cmpint (sqlite3_exec (db, "INSERT INTO outbox (collection, row_id, op, "
                                           "base_rev, fields, queued) VALUES ('cases', 'x', "
                                           "'update', 0, '[]', 't')", NULL, NULL, NULL),
                         ==, SQLITE_OK);
        sqlite3_close (db);
      }

      g_clear_object (&store);
      jd_test_rm_dir (dir);
    }
}

/* Version 13: a sample database drops the outbox entries it could never push; another keeps
 * them (see test_upgrade_from_every_version). */
static void
test_upgrade_sample_outbox (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open_at_version (path, 12, &error);
  sqlite3 *db;

  g_assert_no_error (error);
  g_clear_object (&store);
  fill_version (path, 12);
  db = jd_test_raw_open (path);
  jd_test_raw_exec (db, "INSERT INTO meta (key, value) VALUES ('sample_data', '{}')");
  sqlite3_close (db);
  g_assert_cmpint (raw_count (path, "SELECT count(*) FROM outbox"), ==, 1);

  store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_count (path, "SELECT count(*) FROM outbox"), ==, 0);
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 1);
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static void
test_open_errors (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autofree char *garbage = g_build_filename (dir, "garbage.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  sqlite3 *db;

  store = jd_store_open (missing, JD_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_file_set_contents (garbage, "this is not a database, just some text that is long enough "
                                "to fill the header of an SQLite file and more",
                       -1, NULL);
  store = jd_store_open (garbage, JD_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT);
  g_clear_error (&error);

  db = jd_test_raw_open (other);
  jd_test_raw_exec (db, "CREATE TABLE music (title TEXT)");
  sqlite3_close (db);
  store = jd_store_open (other, JD_STORE_OPEN_CREATE, &error);
  g_assert_null (store);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_JIANDU);
  g_clear_error (&error);
  g_assert_cmpint (raw_count (other, "SELECT count(*) FROM sqlite_schema"), ==, 1);

  store = jd_store_open (newer, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  db = jd_test_raw_open (newer);
  jd_test_raw_exec (db, "PRAGMA user_version = 99");
  sqlite3_close (db);
  store = jd_store_open (newer, JD_STORE_OPEN_NONE, &error);
  g_assert_null (store);
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_TOO_NEW);

  jd_test_rm_dir (dir);
}

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *path2 = g_build_filename (f->dir, "second.db", NULL);
  g_autoptr(JdStore) store2 = NULL;
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  JdImportStats stats;

  import_full (f);
  first = jd_test_export (f->store);

  /* Importing the same file again changes nothing at all. */
  document = jd_test_read_data ("full.json");
  jd_store_import (f->store, document, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.inserted + stats.updated, ==, 0);
  g_assert_cmpuint (stats.unchanged, ==, jd_document_get_n_total (document));
  g_clear_object (&document);

  store2 = jd_store_open (path2, JD_STORE_OPEN_CREATE, &error);
  document = jd_test_read_string (first, &error);
  g_assert_no_error (error);
  jd_store_import (store2, document, NULL, &error);
  g_assert_no_error (error);
  second = jd_test_export (store2);
  g_assert_cmpstr (first, ==, second);
}

static void
test_atomic_import (Fixture *f, gconstpointer data)
{
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 audit_before;
  gint64 outbox_before;

  import_full (f);
  before = jd_test_export (f->store);
  audit_before = raw_count (f->path, "SELECT count(*) FROM audit_log");
  outbox_before = jd_store_count_outbox (f->store, NULL);

  /* The first case is fine and would change a title; the second names an unknown agency. */
  document = jd_test_read_string (
    "{\"format\": \"jiandu/1\", \"cases\": ["
    "{\"id\": \"c-2\", \"agency_id\": \"a-smj\", \"title\": \"改过的标题\"},"
    "{\"id\": \"c-9\", \"agency_id\": \"nowhere\"}]}",
    &error);
  g_assert_no_error (error);
  g_assert_false (jd_store_import (f->store, document, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE);
  g_assert_nonnull (strstr (error->message, "cases[1].agency_id"));

  after = jd_test_export (f->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, outbox_before);
}

static char *
outbox_row (const char *path,
            const char *id)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt;
  char *row = NULL;

  sqlite3_prepare_v2 (db, "SELECT op || ' ' || base_rev || ' ' || fields || ' ' || "
                          "(base IS NOT NULL) FROM outbox WHERE row_id = ?", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    row = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return row;
}

static void
save_case (Fixture    *f,
           const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) fields = jd_codec_object_from_string (json, &error);
  g_autoptr(JdEntity) entity = jd_entity_new_for_collection (JD_COLLECTION_CASES, fields);

  jd_store_save (f->store, entity, &error);
  g_assert_no_error (error);
}

/* Whether a collection has live rows, as the window asks at start: a tombstone is none. */
static void
test_has_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;

  g_assert_cmpint (jd_store_has_rows (f->store, JD_COLLECTION_CASES, &error), ==, 0);
  g_assert_no_error (error);
  import_full (f);
  for (JdCollection c = 0; c < JD_N_COLLECTIONS; c++)
    g_assert_cmpint (jd_store_has_rows (f->store, c, &error), ==,
                     jd_store_count (f->store, c, &error) > 0);
  g_assert_cmpint (jd_store_has_rows (f->store, JD_COLLECTION_CASES, &error), ==, 1);
  cases = jd_store_list_cases (f->store, 0, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, >, 0);
  for (guint i = 0; i < cases->len; i++)
    {
      jd_store_delete (f->store, JD_COLLECTION_CASES, jd_entity_get_id (cases->pdata[i]), &error);
      g_assert_no_error (error);
    }
  g_assert_cmpint (jd_store_has_rows (f->store, JD_COLLECTION_CASES, &error), ==, 0);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_outbox_collapse (Fixture *f, gconstpointer data)
{
  g_autofree char *row = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  import_full (f);
  row = outbox_row (f->path, "c-2");
  g_assert_nonnull (g_strstr_len (row, -1, "insert 0"));
  g_clear_pointer (&row, g_free);

  /* Edited twice before any sync: still one entry, still an insert. */
  save_case (f, "{\"id\": \"c-2\", \"agency_id\": \"a-smj\", \"title\": \"一\"}");
  save_case (f, "{\"id\": \"c-2\", \"agency_id\": \"a-smj\", \"title\": \"二\"}");
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox WHERE row_id = 'c-2'"), ==, 1);
  row = outbox_row (f->path, "c-2");
  g_assert_true (g_str_has_prefix (row, "insert 0 "));
  g_clear_pointer (&row, g_free);

  /* As after a sync: revision 7, outbox drained. */
  db = jd_test_raw_open (f->path);
  jd_test_raw_exec (db, "UPDATE cases SET rev = 7 WHERE id = 'c-2'; DELETE FROM outbox");
  sqlite3_close (db);

  save_case (f, "{\"id\": \"c-2\", \"agency_id\": \"a-smj\", \"title\": \"三\"}");
  save_case (f, "{\"id\": \"c-2\", \"agency_id\": \"a-smj\", \"title\": \"三\", "
                "\"facts\": \"新事实\"}");
  row = outbox_row (f->path, "c-2");
  g_assert_cmpstr (row, ==, "update 7 [\"facts\",\"title\"] 1");
  g_clear_pointer (&row, g_free);

  jd_store_delete (f->store, JD_COLLECTION_CASES, "c-2", &error);
  g_assert_no_error (error);
  row = outbox_row (f->path, "c-2");
  g_assert_true (g_str_has_prefix (row, "delete 7 "));
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox WHERE row_id = 'c-2'"), ==, 1);
  g_assert_cmpint (raw_count (f->path, "SELECT deleted FROM cases WHERE id = 'c-2'"), ==, 1);
}

static void
expect_refused (const char *path,
                const char *sql,
                const char *message)
{
  sqlite3 *db = jd_test_raw_open (path);
  char *error = NULL;

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &error), !=, SQLITE_OK);
  g_assert_nonnull (strstr (error, message));
  sqlite3_free (error);
  sqlite3_close (db);
}

static void
test_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = NULL;

  import_full (f);

  expect_refused (f->path, "UPDATE records SET body = '{}' WHERE id = 'r-1'", "append-only");
  expect_refused (f->path, "DELETE FROM records WHERE id = 'r-1'", "append-only");
  expect_refused (f->path, "UPDATE audit_log SET actor = 'x' WHERE seq = 1", "append-only");
  expect_refused (f->path, "DELETE FROM audit_log", "append-only");

  /* The sync may set the server revision, and nothing else. */
  {
    sqlite3 *db = jd_test_raw_open (f->path);
    jd_test_raw_exec (db, "UPDATE records SET rev = 3 WHERE id = 'r-1'");
    sqlite3_close (db);
  }

  g_assert_false (jd_store_delete (f->store, JD_COLLECTION_RECORDS, "r-1", &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_APPEND_ONLY);
  g_clear_error (&error);

  document = jd_test_read_string (
    "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c-1\", \"agency_id\": \"a-smj\", "
    "\"records\": [{\"id\": \"r-1\", \"matter\": \"改写原始记录\"}]}]}",
    &error);
  g_assert_no_error (error);
  g_assert_false (jd_store_import (f->store, document, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_APPEND_ONLY);
  g_assert_nonnull (strstr (error->message, "cases[0].records[0]"));
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM records"), ==, 3);
}

static void
test_certificate_duplicate (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = NULL;

  import_full (f);
  document = jd_test_read_string (
    "{\"format\": \"jiandu/1\", \"officers\": [{\"id\": \"o-9\", \"name\": \"冒名者\", "
    "\"agency_id\": \"a-smj\", \"certificates\": [{\"number\": \"11010010001\"}]}]}",
    &error);
  g_assert_false (jd_store_import (f->store, document, NULL, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "王建国"));
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_OFFICERS, NULL), ==, 3);
}

typedef struct
{
  const char        *tamper;
  JdAuditProblemKind kind;
  gint64             seq;
} Tamper;

static const Tamper tampers[] = {
  { "UPDATE audit_log SET changes = '{\"forged\":true}' WHERE seq = 3",
    JD_AUDIT_PROBLEM_EDITED, 3 },
  { "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 5", JD_AUDIT_PROBLEM_EDITED, 5 },
  { "DELETE FROM audit_log WHERE seq = 4", JD_AUDIT_PROBLEM_DELETED, 5 },
  /* Swap entries 6 and 7 wholesale, hashes and all. */
  { "UPDATE audit_log SET seq = -6 WHERE seq = 6; UPDATE audit_log SET seq = 6 WHERE seq = 7; "
    "UPDATE audit_log SET seq = 7 WHERE seq = -6", JD_AUDIT_PROBLEM_REORDERED, 6 },
  { "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
    JD_AUDIT_PROBLEM_DELETED, -1 },
};

static void
test_audit_chain (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (tampers); i++)
    {
      Fixture f = { 0 };
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GError) error = NULL;
      JdAuditProblem *problem;
      gint64 n = 0;
      sqlite3 *db;

      fixture_set_up (&f, NULL);
      import_full (&f);

      problems = jd_store_verify_audit (f.store, &n, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (problems->len, ==, 0);
      g_assert_cmpint (n, ==, 17);
      g_clear_pointer (&problems, g_ptr_array_unref);

      /* Whoever holds the file can drop the triggers: the chain still tells. */
      db = jd_test_raw_open (f.path);
      jd_test_raw_exec (db, "DROP TRIGGER audit_log_append_only_update; "
                            "DROP TRIGGER audit_log_append_only_delete");
      jd_test_raw_exec (db, tampers[i].tamper);
      sqlite3_close (db);

      problems = jd_store_verify_audit (f.store, &n, &error);
      g_assert_no_error (error);
      g_test_message ("%s → %s", tampers[i].tamper,
                      problems->len ? ((JdAuditProblem *) problems->pdata[0])->message : "-");
      g_assert_cmpuint (problems->len, >=, 1);
      problem = problems->pdata[0];
      g_assert_cmpint (problem->kind, ==, tampers[i].kind);
      if (tampers[i].seq > 0)
        g_assert_cmpint (problem->seq, ==, tampers[i].seq);

      fixture_tear_down (&f, NULL);
    }
}

static void
test_audit_content (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) entries = NULL;
  JdAuditEntry *entry;

  import_full (f);
  save_case (f, "{\"id\": \"c-2\", \"agency_id\": \"a-smj\", \"title\": \"新标题\"}");
  entries = jd_store_list_audit (f->store, "cases/c-2", NULL);
  g_assert_cmpuint (entries->len, ==, 2);
  entry = entries->pdata[1];
  g_assert_cmpstr (jd_audit_entry_get_action (entry), ==, "update");
  g_assert_cmpstr (jd_audit_entry_get_actor (entry), ==, "tester");
  g_assert_nonnull (strstr (jd_audit_entry_get_changes (entry),
                            "\"title\":[\"张某擅自违法建设厂房案\",\"新标题\"]"));
}

static JdDocument *
agencies_document (const char *name)
{
  JdDocument *document = jd_document_new ();

  for (guint i = 0; i < 8; i++)
    {
      g_autoptr(JsonObject) fields = json_object_new ();
      g_autoptr(JdEntity) entity = NULL;
      g_autofree char *id = g_strdup_printf ("batch-%u", i);
      g_autofree char *full_name = g_strdup_printf ("%s%u", name, i);

      json_object_set_string_member (fields, "id", id);
      json_object_set_string_member (fields, "name", full_name);
      json_object_set_string_member (fields, "kind", "department");
      entity = jd_entity_new_for_collection (JD_COLLECTION_AGENCIES, fields);
      jd_document_add (document, entity);
    }

  return document;
}

/* The outbox and audit entries of a transaction go in several to a statement: a row inserted
 * and edited within one statement's entries collapses as across statements, and the chain
 * holds every write in order. */
static void
test_entries_in_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStoreBatch) batch = jd_store_batch_new ();
  g_autoptr(JdDocument) first = agencies_document ("甲局");
  g_autoptr(JdDocument) second = agencies_document ("乙局");
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  JdImportStats stats = { 0 };

  jd_store_batch_add_document (batch, first, TRUE);
  jd_store_batch_add_document (batch, second, TRUE);
  jd_store_import_batch (f->store, batch, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.inserted, ==, 8);
  g_assert_cmpuint (stats.updated, ==, 8);

  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox WHERE row_id LIKE 'batch-%' "
                                       "AND op = 'insert' AND fields = '[]' AND edits = 2"),
                   ==, 8);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM outbox"), ==, 8);

  entries = jd_store_list_audit (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 16);
  g_assert_cmpstr (jd_audit_entry_get_action (entries->pdata[0]), ==, "insert");
  g_assert_cmpstr (jd_audit_entry_get_object (entries->pdata[7]), ==, "agencies/batch-7");
  g_assert_cmpstr (jd_audit_entry_get_action (entries->pdata[8]), ==, "update");
  g_assert_cmpstr (jd_audit_entry_get_object (entries->pdata[8]), ==, "agencies/batch-0");
  problems = jd_store_verify_audit (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (raw_count (f->path, "SELECT count(*) FROM agencies WHERE name LIKE '乙局%'"),
                   ==, 8);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add ("/store/" path, Fixture, NULL, fixture_set_up, func, \
                                    fixture_tear_down)
  ADD ("fresh", test_fresh);
  ADD ("has-rows", test_has_rows);
  ADD ("round-trip", test_round_trip);
  ADD ("atomic-import", test_atomic_import);
  ADD ("outbox-collapse", test_outbox_collapse);
  ADD ("append-only", test_append_only);
  ADD ("certificate-duplicate", test_certificate_duplicate);
  ADD ("audit-content", test_audit_content);
  ADD ("entries-in-rows", test_entries_in_rows);
#undef ADD
  g_test_add_func ("/store/upgrade-from-every-version", test_upgrade_from_every_version);
  g_test_add_func ("/store/upgrade-sample-outbox", test_upgrade_sample_outbox);
  g_test_add_func ("/store/open-errors", test_open_errors);
  g_test_add_func ("/store/audit-chain", test_audit_chain);

  return g_test_run ();
}
