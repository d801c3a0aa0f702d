#include <string.h>

#include "jd-store-private.h"
#include "jd-sync-client.h"
#include "jd-test-util.h"
#include "jd-uuid.h"

/* The store's side of sync on real SQLite files: the server's answers are written here as the
 * protocol gives them, the network is tested in test-sync.c. */

typedef JdTestStore Fixture;

static const char seed[] =
  "{\"format\": \"jiandu/1\", \"agencies\": [{\"id\": \"a1\", \"name\": \"城管执法局\", "
  "\"kind\": \"department\"}], \"cases\": [{\"id\": \"c1\", \"agency_id\": \"a1\", "
  "\"title\": \"某公司违法建设案\", \"number\": \"兴城罚1号\"}]}";

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = jd_test_raw_open (path);

  jd_test_raw_exec (db, sql);
  sqlite3_close (db);
}

static void
import_json (JdStore    *store,
             const char *json)
{
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = jd_test_read_string (json, &error);
  g_assert_no_error (error);
  jd_store_import (store, document, NULL, &error);
  g_assert_no_error (error);
}

static JsonArray *
next_batch (JdStore *store)
{
  g_autoptr(GError) error = NULL;
  JsonArray *batch = jd_store_sync_next_batch (store, 500, &error);

  g_assert_no_error (error);
  g_assert_nonnull (batch);
  return batch;
}

/* Answers every mutation of @batch "applied", with revisions from *@rev on. */
static void
answer_applied (JdStore   *store,
                JsonArray *batch,
                gint64    *rev)
{
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(GError) error = NULL;
  JdSyncPushStats stats = { 0 };

  for (guint i = 0; i < json_array_get_length (batch); i++)
    {
      JsonObject *mutation = json_array_get_object_element (batch, i);
      JsonObject *result = json_object_new ();

      json_object_set_string_member (result, "mutation_id",
                                     json_object_get_string_member (mutation, "mutation_id"));
      json_object_set_string_member (result, "status", "applied");
      json_object_set_int_member (result, "rev", (*rev)++);
      json_array_add_object_element (results, result);
    }

  jd_store_sync_commit_results (store, results, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.applied, ==, json_array_get_length (batch));
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(JsonArray) batch = NULL;
  gint64 rev = 1;

  jd_test_store_set_up (f, data);
  import_json (f->store, seed);
  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 2);
  answer_applied (f->store, batch, &rev);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
}

/* The case c1 as the server holds it at @rev, with @title and @number. */
static JsonArray *
pulled_case (gint64      rev,
             const char *title,
             const char *number,
             gboolean    deleted)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (deleted)
    json = g_strdup_printf ("[{\"collection\": \"cases\", \"id\": \"c1\", \"rev\": %"
                            G_GINT64_FORMAT ", \"deleted\": true, \"modified\": "
                            "\"2025-07-01T10:00:00+08:00\", \"fields\": null}]",
                            rev);
  else
    json = g_strdup_printf ("[{\"collection\": \"cases\", \"id\": \"c1\", \"rev\": %"
                            G_GINT64_FORMAT ", \"deleted\": false, \"modified\": "
                            "\"2025-07-01T10:00:00+08:00\", \"fields\": {\"id\": \"c1\", "
                            "\"agency_id\": \"a1\", \"title\": \"%s\", \"number\": \"%s\"}}]",
                            rev, title, number);
  node = json_from_string (json, NULL);
  return json_node_dup_array (node);
}

static void
apply_pull (JdStore   *store,
            JsonArray *changes,
            gint64     cursor)
{
  g_autoptr(GError) error = NULL;

  jd_store_sync_apply_pull (store, changes, cursor, NULL, &error);
  g_assert_no_error (error);
  json_array_unref (changes);
}

static void
edit_case (JdStore    *store,
           const char *member,
           const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, "c1", &error);

  g_assert_no_error (error);
  json_object_set_string_member (jd_entity_get_fields (kase), member, value);
  jd_store_save (store, kase, &error);
  g_assert_no_error (error);
}

static char *
case_member (JdStore    *store,
             const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, "c1", &error);

  g_assert_no_error (error);
  return g_strdup (jd_entity_get_string (kase, member));
}

static void
test_first_push (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (f->store, JD_COLLECTION_CASES, "c1", &error);

  g_assert_no_error (error);
  /* Agencies are pushed first: they were written first. */
  g_assert_cmpint (jd_entity_get_revision (kase), ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM agencies WHERE id = 'a1'"), ==, 1);
}

static void
test_batch_shape (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonArray) batch = NULL;
  JsonObject *mutation;
  JsonObject *fields;

  edit_case (f->store, "title", "改过的标题");
  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 1);
  mutation = json_array_get_object_element (batch, 0);
  g_assert_cmpstr (json_object_get_string_member (mutation, "op"), ==, "update");
  g_assert_cmpint (json_object_get_int_member (mutation, "base_rev"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (mutation, "collection"), ==, "cases");
  g_assert_cmpuint (strlen (json_object_get_string_member (mutation, "mutation_id")), ==,
                    JD_UUID_LENGTH);
  /* An update carries the changed members only. */
  fields = json_object_get_object_member (mutation, "fields");
  g_assert_cmpuint (json_object_get_size (fields), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "改过的标题");
}

static void
test_mutation_id_survives_crash (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonArray) first = NULL;
  g_autoptr(JsonArray) again = NULL;
  g_autoptr(JsonArray) after_edit = NULL;
  g_autoptr(JsonArray) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id1 = NULL;
  g_autofree char *text1 = NULL;
  g_autofree char *text2 = NULL;
  JsonObject *mutation;
  gint64 rev = 10;

  edit_case (f->store, "title", "第一次修改");
  first = next_batch (f->store);
  id1 = g_strdup (json_object_get_string_member (json_array_get_object_element (first, 0),
                                                 "mutation_id"));
  text1 = json_to_string (json_array_get_element (first, 0), FALSE);

  /* Killed after sending, before the answer was stored: the id was committed. */
  g_clear_object (&f->store);
  f->store = jd_store_open (f->path, JD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  again = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (again), ==, 1);
  text2 = json_to_string (json_array_get_element (again, 0), FALSE);
  g_assert_cmpstr (text1, ==, text2);

  /* Edited again while the first mutation is unanswered: the resend is still the first one… */
  edit_case (f->store, "number", "兴城罚2号");
  after_edit = next_batch (f->store);
  mutation = json_array_get_object_element (after_edit, 0);
  g_assert_cmpstr (json_object_get_string_member (mutation, "mutation_id"), ==, id1);

  /* …and its answer does not lose the later edit: it is pushed next, on the new revision. */
  answer_applied (f->store, after_edit, &rev);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 1);
  next = next_batch (f->store);
  mutation = json_array_get_object_element (next, 0);
  g_assert_cmpstr (json_object_get_string_member (mutation, "mutation_id"), !=, id1);
  g_assert_cmpint (json_object_get_int_member (mutation, "base_rev"), ==, 10);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (mutation, "fields"), "number"), ==,
                   "兴城罚2号");
  g_assert_false (json_object_has_member (json_object_get_object_member (mutation, "fields"),
                                          "title"));
  answer_applied (f->store, next, &rev);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
}

static void
test_merge_disjoint (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  JsonObject *fields;

  edit_case (f->store, "title", "本地改的标题");
  apply_pull (f->store, pulled_case (7, "某公司违法建设案", "服务器改的编号", FALSE), 7);

  title = case_member (f->store, "title");
  number = case_member (f->store, "number");
  g_assert_cmpstr (title, ==, "本地改的标题");
  g_assert_cmpstr (number, ==, "服务器改的编号");
  conflicts = jd_store_sync_list_conflicts (f->store, NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);

  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (batch, 0),
                                               "base_rev"), ==, 7);
  fields = json_object_get_object_member (json_array_get_object_element (batch, 0), "fields");
  g_assert_cmpuint (json_object_get_size (fields), ==, 1);
  g_assert_true (json_object_has_member (fields, "title"));
  g_assert_cmpint (raw_int (f->path, "SELECT cursor FROM sync_state"), ==, 7);
}

static void
check_same_member_conflict (Fixture *f)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonArray) batch = NULL;
  g_autofree char *title = NULL;
  JdSyncConflict *conflict;
  g_auto(JdSyncStatus) status = { 0 };

  edit_case (f->store, "title", "我的标题");
  apply_pull (f->store, pulled_case (8, "他们的标题", "兴城罚1号", FALSE), 8);

  title = case_member (f->store, "title");
  g_assert_cmpstr (title, ==, "我的标题");
  conflicts = jd_store_sync_list_conflicts (f->store, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->member, ==, "title");
  g_assert_cmpstr (json_node_get_string (conflict->base), ==, "某公司违法建设案");
  g_assert_cmpstr (json_node_get_string (conflict->mine), ==, "我的标题");
  g_assert_cmpstr (json_node_get_string (conflict->theirs), ==, "他们的标题");
  g_assert_cmpint (conflict->server_rev, ==, 8);

  /* Not pushed while in conflict: that would overwrite their value silently. */
  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 0);
  jd_store_sync_get_status (f->store, &status, NULL);
  g_assert_cmpint (status.conflicts, ==, 1);
  g_assert_cmpint (status.pending, ==, 1);
}

static void
test_conflict_keep_mine (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *mutation;

  check_same_member_conflict (f);
  jd_store_sync_resolve (f->store, -1, "c1", "title", JD_SYNC_KEEP_MINE, &error);
  g_assert_no_error (error);

  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 1);
  mutation = json_array_get_object_element (batch, 0);
  g_assert_cmpint (json_object_get_int_member (mutation, "base_rev"), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (
                     json_object_get_object_member (mutation, "fields"), "title"), ==,
                   "我的标题");
}

static void
test_conflict_keep_theirs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  JdAuditEntry *last;

  check_same_member_conflict (f);
  jd_store_sync_resolve (f->store, JD_COLLECTION_CASES, "c1", NULL, JD_SYNC_KEEP_THEIRS,
                         &error);
  g_assert_no_error (error);

  title = case_member (f->store, "title");
  g_assert_cmpstr (title, ==, "他们的标题");
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM conflicts"), ==, 0);

  audit = jd_store_list_audit (f->store, "cases/c1", &error);
  last = audit->pdata[audit->len - 1];
  g_assert_cmpstr (jd_audit_entry_get_action (last), ==, "resolve");

  /* Resolving twice names nothing. */
  g_assert_false (jd_store_sync_resolve (f->store, -1, "c1", NULL, JD_SYNC_KEEP_MINE, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE);
}

static void
test_deleted_here_edited_there (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JdEntity) kase = NULL;
  JdSyncConflict *conflict;

  jd_store_delete (f->store, JD_COLLECTION_CASES, "c1", &error);
  g_assert_no_error (error);
  apply_pull (f->store, pulled_case (9, "他们改的标题", "兴城罚1号", FALSE), 9);

  conflicts = jd_store_sync_list_conflicts (f->store, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  conflict = conflicts->pdata[0];
  g_assert_cmpstr (conflict->member, ==, "");
  g_assert_null (conflict->mine);
  g_assert_nonnull (conflict->theirs);
  kase = jd_store_get (f->store, JD_COLLECTION_CASES, "c1", &error);
  g_assert_true (jd_entity_get_deleted (kase));
  g_clear_object (&kase);

  jd_store_sync_resolve (f->store, -1, "c1", NULL, JD_SYNC_KEEP_THEIRS, &error);
  g_assert_no_error (error);
  kase = jd_store_get (f->store, JD_COLLECTION_CASES, "c1", &error);
  g_assert_false (jd_entity_get_deleted (kase));
  g_assert_cmpstr (jd_entity_get_string (kase, "title"), ==, "他们改的标题");
  g_assert_cmpint (jd_entity_get_revision (kase), ==, 9);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
}

static void
test_edited_here_deleted_there (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(JsonArray) batch = NULL;
  g_autofree char *title = NULL;
  JsonObject *mutation;
  JsonObject *fields;

  edit_case (f->store, "title", "我还在改");
  apply_pull (f->store, pulled_case (11, NULL, NULL, TRUE), 11);
  conflicts = jd_store_sync_list_conflicts (f->store, NULL);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_null (((JdSyncConflict *) conflicts->pdata[0])->theirs);
  title = case_member (f->store, "title");
  g_assert_cmpstr (title, ==, "我还在改");

  /* Keeping the edit brings the row back: the whole local row, inserted on the tombstone's
   * revision. */
  jd_store_sync_resolve (f->store, -1, "c1", NULL, JD_SYNC_KEEP_MINE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM conflicts"), ==, 0);
  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 1);
  mutation = json_array_get_object_element (batch, 0);
  g_assert_cmpstr (json_object_get_string_member (mutation, "op"), ==, "insert");
  g_assert_cmpint (json_object_get_int_member (mutation, "base_rev"), ==, 11);
  fields = json_object_get_object_member (mutation, "fields");
  g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "我还在改");
  g_assert_cmpstr (json_object_get_string_member (fields, "number"), ==, "兴城罚1号");
  g_assert_cmpint (raw_int (f->path, "SELECT deleted FROM cases WHERE id = 'c1'"), ==, 0);
}

/* The same, and the server's deletion kept: the row goes here too and nothing is pushed. */
static void
test_edited_here_deleted_there_theirs (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = NULL;

  edit_case (f->store, "title", "我还在改");
  apply_pull (f->store, pulled_case (11, NULL, NULL, TRUE), 11);
  jd_store_sync_resolve (f->store, -1, "c1", NULL, JD_SYNC_KEEP_THEIRS, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT deleted FROM cases WHERE id = 'c1'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM cases WHERE id = 'c1'"), ==, 11);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 0);
}

/* Deleted here, edited there, and the deletion kept: it goes out on the server's revision. */
static void
test_keep_local_deletion (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) batch = NULL;
  JsonObject *mutation;

  jd_store_delete (f->store, JD_COLLECTION_CASES, "c1", &error);
  g_assert_no_error (error);
  apply_pull (f->store, pulled_case (12, "他们改的", "兴城罚1号", FALSE), 12);
  jd_store_sync_resolve (f->store, -1, "c1", NULL, JD_SYNC_KEEP_MINE, &error);
  g_assert_no_error (error);
  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 1);
  mutation = json_array_get_object_element (batch, 0);
  g_assert_cmpstr (json_object_get_string_member (mutation, "op"), ==, "delete");
  g_assert_cmpint (json_object_get_int_member (mutation, "base_rev"), ==, 12);
  g_assert_false (json_object_has_member (mutation, "fields"));
}

/* Case c1 left the user's scope on the server at @rev. */
static JsonArray *
case_left (gint64 rev)
{
  g_autofree char *json = g_strdup_printf ("[{\"collection\": \"cases\", \"id\": \"c1\", "
                                           "\"out_of_scope\": true, \"rev\": %" G_GINT64_FORMAT
                                           ", \"deleted\": true, \"modified\": "
                                           "\"2025-07-01T10:00:00+08:00\", \"fields\": null}]",
                                           rev);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  return json_node_dup_array (node);
}

/* A row that left the scope goes; with a local edit it stays, the edit shown as refused and out
 * of the queue; a row unknown here is not made up. */
static void
test_left_scope (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autofree char *title = NULL;
  JdSyncPullStats stats = { 0 };
  JdSyncRejection *rejection;

  edit_case (f->store, "title", "我还在改");
  apply_pull (f->store, pulled_case (9, "他们改的标题", "兴城罚1号", FALSE), 9);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM conflicts"), ==, 1);
  {
    g_autoptr(JsonArray) changes = case_left (10);

    jd_store_sync_apply_pull (f->store, changes, 10, &stats, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (stats.left, ==, 1);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM conflicts"), ==, 0);
  title = case_member (f->store, "title");
  g_assert_cmpstr (title, ==, "我还在改");
  rejections = jd_store_sync_list_rejections (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejections->len, ==, 1);
  rejection = rejections->pdata[0];
  g_assert_cmpstr (rejection->row_id, ==, "c1");
  g_assert_cmpstr (rejection->code, ==, "out_of_scope");

  /* Announced again (it came back and left again): the refused row is still kept. */
  apply_pull (f->store, case_left (11), 11);
  g_assert_cmpint (raw_int (f->path, "SELECT deleted FROM cases WHERE id = 'c1'"), ==, 0);

  /* Without a local edit or a refusal, the row goes. */
  raw_exec (f->path, "DELETE FROM rejections");
  memset (&stats, 0, sizeof stats);
  {
    g_autoptr(JsonArray) changes = case_left (12);

    jd_store_sync_apply_pull (f->store, changes, 12, &stats, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (stats.left, ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT deleted FROM cases WHERE id = 'c1'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM cases WHERE id = 'c1'"), ==, 12);
  g_assert_cmpint (raw_int (f->path, "SELECT cursor FROM sync_state"), ==, 12);
  {
    g_autoptr(GPtrArray) problems = jd_store_verify_audit (f->store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  /* A row never seen here. */
  {
    g_autoptr(JsonNode) node = json_from_string (
      "[{\"collection\": \"cases\", \"id\": \"c-elsewhere\", \"out_of_scope\": true, "
      "\"rev\": 13, \"deleted\": true, \"fields\": null}]", NULL);

    apply_pull (f->store, json_node_dup_array (node), 13);
  }
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM cases WHERE id = 'c-elsewhere'"), ==,
                   0);
}

static void
test_pull_atomic (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonNode) bad = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  gint64 audit_before = raw_int (f->path, "SELECT count(*) FROM audit_log");
  JdAuditEntry *last;

  /* A page whose second row cannot be read changes nothing, cursor included. */
  bad = json_from_string ("[{\"collection\": \"cases\", \"id\": \"c1\", \"rev\": 20, "
                          "\"deleted\": false, \"fields\": {\"id\": \"c1\", \"agency_id\": "
                          "\"a1\", \"title\": \"新标题\"}}, "
                          "{\"collection\": \"nonsense\", \"id\": \"x\", \"rev\": 21}]",
                          NULL);
  g_assert_false (jd_store_sync_apply_pull (f->store, json_node_get_array (bad), 21, NULL,
                                            &error));
  g_assert_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL);
  g_clear_error (&error);
  g_assert_cmpint (raw_int (f->path, "SELECT cursor FROM sync_state"), ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM cases WHERE id = 'c1'"), ==, 2);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit_log"), ==, audit_before);

  /* A good page lands with its cursor, audited, and queues nothing to push back. */
  apply_pull (f->store, pulled_case (20, "新标题", "兴城罚1号", FALSE), 20);
  g_assert_cmpint (raw_int (f->path, "SELECT cursor FROM sync_state"), ==, 20);
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM cases WHERE id = 'c1'"), ==, 20);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
  audit = jd_store_list_audit (f->store, "cases/c1", &error);
  last = audit->pdata[audit->len - 1];
  g_assert_cmpstr (jd_audit_entry_get_action (last), ==, "sync");
  g_assert_nonnull (strstr (jd_audit_entry_get_changes (last), "新标题"));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = jd_store_verify_audit (f->store, NULL, &error);
  g_assert_cmpuint (audit->len, ==, 0);

  /* A row the replica has never seen, and a tombstone. */
  bad = (json_node_unref (bad), json_from_string (
    "[{\"collection\": \"agencies\", \"id\": \"a2\", \"rev\": 30, \"deleted\": false, "
    "\"modified\": \"2025-07-01T10:00:00+08:00\", \"fields\": {\"id\": \"a2\", \"name\": "
    "\"市场监管局\", \"kind\": \"department\"}}, {\"collection\": \"cases\", \"id\": \"c1\", "
    "\"rev\": 31, \"deleted\": true, \"fields\": null}]", NULL));
  jd_store_sync_apply_pull (f->store, json_node_get_array (bad), 31, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM agencies WHERE id = 'a2'"), ==, 30);
  g_assert_cmpint (raw_int (f->path, "SELECT deleted FROM cases WHERE id = 'c1'"), ==, 1);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 0);
}

static void
test_pushed_conflict_and_rejection (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(JsonNode) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autofree char *json = NULL;
  g_autofree char *number = NULL;
  g_auto(JdSyncStatus) status = { 0 };
  JdSyncPushStats stats = { 0 };

  edit_case (f->store, "title", "我的标题");
  import_json (f->store, "{\"format\": \"jiandu/1\", \"agencies\": [{\"id\": \"a3\", "
                         "\"name\": \"别镇\", \"kind\": \"town\"}]}");
  batch = next_batch (f->store);
  g_assert_cmpuint (json_array_get_length (batch), ==, 2);

  /* The case changed there (another member): merged, pushed again on the new revision. The
   * agency is out of scope: refused for good. */
  json = g_strdup_printf (
    "[{\"mutation_id\": \"%s\", \"status\": \"conflict\", \"row\": {\"collection\": \"cases\", "
    "\"id\": \"c1\", \"rev\": 40, \"deleted\": false, \"fields\": {\"id\": \"c1\", "
    "\"agency_id\": \"a1\", \"title\": \"某公司违法建设案\", \"number\": \"他们的编号\"}}}, "
    "{\"mutation_id\": \"%s\", \"status\": \"rejected\", \"code\": \"out_of_scope\", "
    "\"message\": \"agencies/a3 is outside your scope\"}]",
    json_object_get_string_member (json_array_get_object_element (batch, 0), "mutation_id"),
    json_object_get_string_member (json_array_get_object_element (batch, 1), "mutation_id"));
  results = json_from_string (json, NULL);
  jd_store_sync_commit_results (f->store, json_node_get_array (results), &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.conflicts, ==, 1);
  g_assert_cmpuint (stats.rejected, ==, 1);

  number = case_member (f->store, "number");
  g_assert_cmpstr (number, ==, "他们的编号");
  rejections = jd_store_sync_list_rejections (f->store, &error);
  g_assert_cmpuint (rejections->len, ==, 1);
  g_assert_cmpstr (((JdSyncRejection *) rejections->pdata[0])->code, ==, "out_of_scope");
  jd_store_sync_get_status (f->store, &status, &error);
  g_assert_cmpint (status.pending, ==, 1);
  g_assert_cmpint (status.rejected, ==, 1);
  g_assert_cmpint (status.conflicts, ==, 0);

  /* Answering the same results again (a replayed answer) changes nothing. */
  jd_store_sync_commit_results (f->store, json_node_get_array (results), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_store_count_outbox (f->store, NULL), ==, 1);
}

static void
test_account (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_auto(JdSyncStatus) status = { 0 };

  jd_store_sync_set_account (f->store, "http://a/", "zhangsan", &error);
  apply_pull (f->store, json_array_new (), 55);
  /* The same account again (a new token) keeps its place. */
  jd_store_sync_set_account (f->store, "http://a/", "zhangsan", &error);
  jd_store_sync_get_status (f->store, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status.cursor, ==, 55);
  jd_sync_status_clear (&status);

  /* Another user's scope starts over. */
  jd_store_sync_set_account (f->store, "http://a/", "lisi", &error);
  jd_store_sync_get_status (f->store, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status.cursor, ==, 0);
  g_assert_cmpstr (status.user, ==, "lisi");
  jd_sync_status_clear (&status);
  apply_pull (f->store, json_array_new (), 55);

  /* Another server's sequence starts over. */
  jd_store_sync_set_account (f->store, "http://b/", "lisi", &error);
  jd_store_sync_get_status (f->store, &status, &error);
  g_assert_cmpint (status.cursor, ==, 0);
  g_assert_cmpstr (status.server, ==, "http://b/");
}

static char *
raw_text (const char *path,
          const char *sql)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* A page applied with its text stores each row's fields as the page has them (the escape
 * \u5e02 stays as it came), whatever comes around them: members in another order, spaces,
 * brackets and quotes inside strings. */
static void
test_pull_page_text (Fixture *f, gconstpointer data)
{
  static const char page[] =
    "{ \"more\": false, \"changes\" : [ {\"fields\":{\"id\":\"a2\",\"name\":\"\\u5e02场监管局 "
    "[\\\"}{\\\"]\",\"kind\":\"department\"}, \"collection\": \"agencies\", \"id\": \"a2\", "
    "\"rev\": 30, \"deleted\": false, \"modified\": \"2025-07-01T10:00:00+08:00\"},\n"
    "{\"collection\":\"cases\",\"id\":\"c2\",\"rev\":31,\"deleted\":false,"
    "\"modified\":\"2025-07-01T10:00:00+08:00\",\"fields\":{\"id\":\"c2\",\"agency_id\":"
    "\"a2\",\"title\":\"拉取的案件\",\"number\":\"兴城罚2号\",\"decision\":{\"date\":"
    "\"2025-06-30\",\"fine\":200}}},"
    "{\"collection\":\"cases\",\"id\":\"c1\",\"rev\":32,\"deleted\":true,"
    "\"modified\":\"2025-07-01T10:00:00+08:00\",\"fields\":null}], \"cursor\": 32 }";
  g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
  g_autoptr(JdSyncPage) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *kase = NULL;

  import_json (f->store, seed);
  read = jd_sync_page_read (bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_sync_page_get_cursor (read), ==, 32);
  g_assert_false (jd_sync_page_get_more (read));
  g_assert_cmpuint (jd_sync_page_get_n_rows (read), ==, 3);
  g_assert_true (jd_store_sync_apply_page (f->store, read, NULL, &error));
  g_assert_no_error (error);
  agency = raw_text (f->path, "SELECT body FROM agencies WHERE id = 'a2'");
  g_assert_cmpstr (agency, ==, "{\"id\":\"a2\",\"name\":\"\\u5e02场监管局 [\\\"}{\\\"]\","
                               "\"kind\":\"department\"}");
  kase = raw_text (f->path, "SELECT body FROM cases WHERE id = 'c2'");
  g_assert_cmpstr (kase, ==, "{\"id\":\"c2\",\"agency_id\":\"a2\",\"title\":\"拉取的案件\","
                             "\"number\":\"兴城罚2号\",\"decision\":{\"date\":\"2025-06-30\","
                             "\"fine\":200}}");
  g_assert_cmpint (raw_int (f->path, "SELECT rev FROM cases WHERE id = 'c2'"), ==, 31);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM cases WHERE agency_id = 'a2' "
                                     "AND decided_on = '2025-06-30'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT deleted FROM cases WHERE id = 'c1'"), ==, 1);
  g_assert_cmpint (raw_int (f->path, "SELECT cursor FROM sync_state"), ==, 32);
  hits = jd_store_search_cases (f->store, "拉取", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 1);
  problems = jd_store_verify_audit (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (raw_int (f->path, "SELECT count(*) FROM audit_log WHERE action = 'sync'"),
                   ==, 3);
}

/* A pulled row as the server sends it: @fields is the object's JSON, NULL for a tombstone. */
static char *
pulled_row (const char *collection,
            const char *id,
            gint64      rev,
            const char *fields)
{
  return g_strdup_printf ("{\"collection\": \"%s\", \"id\": \"%s\", \"rev\": %" G_GINT64_FORMAT
                          ", \"deleted\": %s, \"modified\": \"2025-07-01T10:00:00+08:00\", "
                          "\"fields\": %s}",
                          collection, id, rev, fields != NULL ? "false" : "true",
                          fields != NULL ? fields : "null");
}

static void
apply_rows (Fixture    *f,
            gint64      cursor,
            char      **rows)
{
  g_autofree char *joined = g_strjoinv (", ", rows);
  g_autofree char *json = g_strconcat ("[", joined, "]", NULL);
  g_autoptr(JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  apply_pull (f->store, json_node_dup_array (node), cursor);
  jd_test_assert_search_texts (f->path);
}

static void
assert_found (Fixture    *f,
              const char *query,
              guint       n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = jd_store_search_cases (f->store, query, 10, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, n);
}

#define CASE(id, title) \
  "{\"id\": \"" id "\", \"agency_id\": \"a1\", \"title\": \"" title "\", " \
  "\"number\": \"京兴罚〔2025〕" id "号\", " \
  "\"parties\": [{\"kind\": \"person\", \"name\": \"王某\"}]}"
#define RECORD(id, case_id, matter) \
  "{\"id\": \"" id "\", \"case_id\": \"" case_id "\", \"matter\": " matter "}"

/* The cases of a pulled page are indexed from the page's fields when the page brought a case
 * with all of its records, and from the database otherwise: a record that came a page before
 * its case, a record added to a case pulled before, a matter that is not text, a case changed or
 * tombstoned. Either way the search text is the view's. */
static void
test_pulled_search_texts (Fixture *f, gconstpointer data)
{
  char *page1[] = {
    pulled_row ("records", "r51", 1, RECORD ("r51", "c5", "\"先到的询问笔录\"")),
    pulled_row ("cases", "c6", 2, CASE ("c6", "张某无照经营案")),
    pulled_row ("records", "r61", 3, RECORD ("r61", "c6", "\"现场检查摊位\"")),
    pulled_row ("records", "r62", 4, RECORD ("r62", "c6", "\"送达责令改正通知书\"")),
    pulled_row ("cases", "c7", 5, CASE ("c7", "李某占道经营案")),
    pulled_row ("records", "r71", 6, RECORD ("r71", "c7", "{\"text\": \"不是文字的事项\"}")),
    NULL,
  };
  char *page2[] = {
    pulled_row ("cases", "c5", 7, CASE ("c5", "赵某违法建设案")),
    pulled_row ("records", "r63", 8, RECORD ("r63", "c6", "\"听取陈述申辩\"")),
    pulled_row ("cases", "c8", 9, CASE ("c8", "钱某超范围经营案")),
    pulled_row ("records", "r81", 10, RECORD ("r81", "c8", "\"调取营业执照\"")),
    NULL,
  };
  char *page3[] = {
    pulled_row ("cases", "c6", 11, CASE ("c6", "张某无照经营烧烤案")),
    pulled_row ("cases", "c8", 12, NULL),
    NULL,
  };

  apply_rows (f, 6, page1);
  assert_found (f, "送达责令改正", 1);
  assert_found (f, "先到的询问", 0);   /* its case has not come */
  apply_rows (f, 10, page2);
  assert_found (f, "先到的询问", 1);
  assert_found (f, "听取陈述申辩", 1);
  assert_found (f, "调取营业执照", 1);
  apply_rows (f, 12, page3);
  assert_found (f, "无照经营烧烤", 1);
  assert_found (f, "调取营业执照", 0);

  for (guint i = 0; page1[i] != NULL; i++)
    g_free (page1[i]);
  for (guint i = 0; page2[i] != NULL; i++)
    g_free (page2[i]);
  for (guint i = 0; page3[i] != NULL; i++)
    g_free (page3[i]);
}

/* What the page reader takes of a row's fields is what the store takes of the parsed fields:
 * columns (escapes, nested members, repeated names, numbers of every kind), a case's opened_on
 * and search lines, a record's matter, and whether they are plain. */
static void
test_page_read_fields (void)
{
  static const struct
  {
    const char *collection;
    const char *fields;
  } rows[] = {
    { "cases", "{\"id\":\"c1\",\"number\":\"京\\u5174罚〔2025〕1号\",\"agency_id\":\"a\\\"1\","
               "\"title\":\"一\\n二\\t三\\\\\\/\",\"action_type\":\"penalty\",\"procedure\":7,"
               "\"decision\":{\"date\":\"2025-03-01\",\"fine\":2.5},\"closed_on\":null,"
               "\"review\":{\"submitted_on\":\"2025-02-01\",\"completed_on\":true},"
               "\"stages\":[{\"stage\":\"filing\",\"date\":\"2025-01-05\"},"
               "{\"date\":\"2025-01-0\\u0034\"},3,{\"date\":20250101},{\"date\":\"2025-01-04\"}],"
               "\"parties\":[{\"name\":\"王\\ud83d\\ude00某\"},{\"kind\":\"org\"},"
               "{\"name\":\"李某\",\"name\":\"李四\"}],\"facts\":\"事实 [\\\"}\"}" },
    { "cases", "{\"id\":\"c2\",\"title\":\"旧\",\"title\":\"新\",\"parties\":[{\"name\":1}],"
               "\"decision\":\"not an object\",\"procedure\":-9223372036854775808,"
               "\"action_type\":1e3,\"closed_on\":-0,\"number\":0.5}" },
    { "cases", "{\"id\":\"c3\",\"facts\":{\"x\":1},\"stages\":{}}" },
    { "cases", "{\"id\":\"c4\",\"parties\":{},\"review\":{\"submitted_on\":false}}" },
    { "cases", "{\"id\":\"c5\",\"parties\":[],\"stages\":[],\"number\":null}" },
    { "cases", "{}" },
    { "records", "{\"id\":\"r1\",\"case_id\":\"c1\",\"matter\":\"询问\\\"笔录\\\"\","
                 "\"corrects\":null}" },
    { "records", "{\"id\":\"r2\",\"case_id\":\"c1\",\"matter\":{\"text\":\"x\"}}" },
    { "records", "{\"id\":\"r3\",\"case_id\":\"c\\u0031\",\"corrects\":\"r1\"}" },
    { "agencies", "{\"id\":\"a1\",\"name\":\"区\",\"kind\":\"government\",\"parent_id\":null}" },
    { "evaluations", "{\"id\":\"e1\",\"agency_id\":\"a1\",\"year\":2025}" },
    { "evaluations", "{\"id\":\"e2\",\"year\":99999999999999999999}" },
    { "evaluations", "{\"id\":\"e3\",\"year\":-12,\"agency_id\":[\"a1\"]}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = g_strdup_printf ("{\"changes\":[{\"collection\":\"%s\","
                                               "\"id\":\"x%u\",\"rev\":%u,\"fields\":%s}],"
                                               "\"cursor\":7}",
                                               rows[i].collection, i, i + 1, rows[i].fields);
      g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_autoptr(JdSyncPage) page = jd_sync_page_read (body, &error);
      g_autoptr(JsonObject) fields = jd_codec_object_from_string (rows[i].fields, NULL);
      g_autoptr(JdEntity) entity = NULL;
      const JdSyncPageRow *row;
      JdCollection collection;
      JdStoreRow expected;
      guint n = 0;

      g_test_message ("row %u: %s", i, rows[i].fields);
      g_assert_no_error (error);
      g_assert_nonnull (fields);
      g_assert_cmpuint (page->rows->len, ==, 1);
      row = &g_array_index (page->rows, JdSyncPageRow, 0);
      g_assert_true (jd_collection_from_key (rows[i].collection, &collection));
      g_assert_cmpint (row->collection, ==, collection);
      g_assert_cmpint (row->rev, ==, i + 1);
      g_assert_cmpstr (row->row.body, ==, rows[i].fields);
      entity = jd_entity_new_for_collection (collection, fields);
      jd_store_row_init (&expected, entity, "x", rows[i].fields);

      for (const JdStoreColumn *col = jd_store_columns (collection); col->column != NULL; col++)
        n++;
      if (collection == JD_COLLECTION_CASES)
        n++;
      for (guint v = 0; v < n; v++)
        {
          g_assert_cmpint (row->row.values[v].is_number, ==, expected.values[v].is_number);
          if (expected.values[v].is_number)
            g_assert_cmpint (row->row.values[v].number, ==, expected.values[v].number);
          g_assert_cmpstr (row->row.values[v].text, ==, expected.values[v].text);
        }

      if (collection == JD_COLLECTION_CASES)
        {
          g_autoptr(GString) head = g_string_new (NULL);

          /* The head is only read of a plain case. */
          g_assert_cmpint (row->plain, ==, jd_store_case_is_plain (fields, NULL));
          if (row->plain)
            {
              jd_store_case_search_head (head, fields);
              g_assert_cmpstr (row->search, ==, head->str);
            }
        }
      else if (collection == JD_COLLECTION_RECORDS)
        {
          JsonNode *matter = json_object_get_member (fields, "matter");

          g_assert_cmpint (row->plain, ==,
                           matter == NULL ||
                           (JSON_NODE_HOLDS_VALUE (matter) &&
                            json_node_get_value_type (matter) == G_TYPE_STRING));
          if (row->plain)
            g_assert_cmpstr (row->search, ==,
                             json_object_get_string_member_with_default (fields, "matter", NULL));
        }
    }
}

/* A page that breaks the protocol is refused whole, saying how. */
static void
test_page_read_refused (void)
{
  static const struct
  {
    const char *text;
    const char *message;
  } pages[] = {
    { "", "not a JSON object" },
    { "[]", "not a JSON object" },
    { "{\"changes\":[],\"cursor\":1", "not a JSON object" },
    { "{\"changes\":[],\"cursor\":1}x", "not a JSON object" },
    { "{\"changes\":[],\"cursor\":\"\xff\"}", "not a JSON object" },
    { "{\"cursor\":1}", "no changes or cursor" },
    { "{\"changes\":{},\"cursor\":1}", "no changes or cursor" },
    { "{\"changes\":[],\"cursor\":\"1\"}", "no changes or cursor" },
    { "{\"changes\":[],\"cursor\":1.5}", "no changes or cursor" },
    { "{\"changes\":[],\"cursor\":1,\"more\":true}", "more rows remain" },
    { "{\"changes\":[1],\"cursor\":1}", "(change)" },
    { "{\"changes\":[{\"id\":\"x\",\"rev\":1}],\"cursor\":1}", "(row without collection" },
    { "{\"changes\":[{\"collection\":\"nonsense\",\"id\":\"x\",\"rev\":1}],\"cursor\":1}",
      "(unknown collection)" },
    { "{\"changes\":[{\"collection\":\"cases\",\"id\":7,\"rev\":1}],\"cursor\":1}", "(row id)" },
    { "{\"changes\":[{\"collection\":\"cases\",\"id\":\"x\",\"rev\":\"1\"}],\"cursor\":1}",
      "(row rev)" },
    { "{\"changes\":[{\"collection\":\"cases\",\"id\":\"x\",\"rev\":1,\"fields\":null}],"
      "\"cursor\":1}", "(row without fields)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(GBytes) body = g_bytes_new (pages[i].text, strlen (pages[i].text));
      g_autoptr(GError) error = NULL;
      g_autoptr(JdSyncPage) page = jd_sync_page_read (body, &error);
      g_autofree char *shown = g_strescape (pages[i].text, NULL);

      g_test_message ("page %u: %s", i, shown);
      g_assert_null (page);
      g_assert_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL);
      g_assert_nonnull (strstr (error->message, pages[i].message));
    }

  /* A tombstone needs no fields; "deleted" and "out_of_scope" are read as booleans. */
  {
    static const char text[] =
      "{\"changes\":[{\"collection\":\"cases\",\"id\":\"x\",\"rev\":1,\"deleted\":true},"
      "{\"collection\":\"cases\",\"id\":\"y\",\"rev\":2,\"deleted\":false,\"out_of_scope\":true,"
      "\"fields\":{\"id\":\"y\"},\"modified\":\"2025-07-01T10:00:00+08:00\"}],\"cursor\":2,"
      "\"more\":true,\"remaining\":40}";
    g_autoptr(GBytes) body = g_bytes_new_static (text, strlen (text));
    g_autoptr(GError) error = NULL;
    g_autoptr(JdSyncPage) page = jd_sync_page_read (body, &error);
    const JdSyncPageRow *row;

    g_assert_no_error (error);
    g_assert_true (jd_sync_page_get_more (page));
    g_assert_cmpint (jd_sync_page_get_remaining (page), ==, 40);
    row = &g_array_index (page->rows, JdSyncPageRow, 0);
    g_assert_null (row->row.body);
    g_assert_false (row->out_of_scope);
    g_assert_null (row->modified);
    row = &g_array_index (page->rows, JdSyncPageRow, 1);
    g_assert_cmpstr (row->row.body, ==, "{\"id\":\"y\"}");
    g_assert_true (row->out_of_scope);
    g_assert_cmpstr (row->modified, ==, "2025-07-01T10:00:00+08:00");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sync-store/" name, Fixture, NULL, set_up, func, jd_test_store_tear_down)
  ADD ("first-push", test_first_push);
  ADD ("pulled-search-texts", test_pulled_search_texts);
  ADD ("batch-shape", test_batch_shape);
  ADD ("mutation-id-survives-crash", test_mutation_id_survives_crash);
  ADD ("merge-disjoint", test_merge_disjoint);
  ADD ("conflict-keep-mine", test_conflict_keep_mine);
  ADD ("conflict-keep-theirs", test_conflict_keep_theirs);
  ADD ("deleted-here-edited-there", test_deleted_here_edited_there);
  ADD ("edited-here-deleted-there", test_edited_here_deleted_there);
  ADD ("edited-here-deleted-there-theirs", test_edited_here_deleted_there_theirs);
  ADD ("left-scope", test_left_scope);
  ADD ("keep-local-deletion", test_keep_local_deletion);
  ADD ("pull-atomic", test_pull_atomic);
  ADD ("pull-page-text", test_pull_page_text);
  ADD ("pushed-conflict-and-rejection", test_pushed_conflict_and_rejection);
  ADD ("account", test_account);
  g_test_add_func ("/sync-store/page-read-fields", test_page_read_fields);
  g_test_add_func ("/sync-store/page-read-refused", test_page_read_refused);
#undef ADD

  return g_test_run ();
}
