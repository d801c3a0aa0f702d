#include <libsoup/soup.h>
#include <string.h>

#include "jd-db-backup.h"
#include "jd-test-server.h"
#include "jd-test-util.h"

/* Running a district server: backups of the live database while clients push, restores that
 * refuse anything but a server database, and a request log that never holds a secret. All with
 * the real jiandu-server on 127.0.0.1. */

#define PASSWORD "correct horse 马 battery"
#define BATCH 5

static const char seed_json[] =
  "{\"format\":\"jiandu/1\","
  "\"agencies\":["
  "{\"id\":\"d\",\"name\":\"区政府\",\"kind\":\"government\"},"
  "{\"id\":\"t1\",\"name\":\"一镇\",\"kind\":\"town\",\"parent_id\":\"d\"}],"
  "\"cases\":[{\"id\":\"c-d\",\"agency_id\":\"d\",\"title\":\"区案\"}]}";

typedef struct
{
  char        *dir;
  char        *db;
  char        *log;
  char        *url;        /* http://127.0.0.1:PORT/ */
  GSubprocess *process;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *doc = NULL;

  f->dir = jd_test_tmp_dir ();
  f->db = g_build_filename (f->dir, "server.db", NULL);
  f->log = g_build_filename (f->dir, "server.log", NULL);
  doc = g_build_filename (f->dir, "seed.json", NULL);
  g_assert_true (g_file_set_contents (doc, seed_json, -1, NULL));
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", f->db, "import", doc, NULL), ==, 0);
  jd_test_server_add_user (f->db, "dist", "d", "district", PASSWORD);
  f->process = jd_test_server_start (f->db, NULL, f->log, NULL, &f->url);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->process != NULL)
    jd_test_server_stop (&f->process);
  jd_test_rm_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->log);
  g_free (f->url);
}

/* One request to @url's API; returns the status, the body in @body_out when not NULL. */
static guint
call (SoupSession *session,
      const char  *url,
      const char  *method,
      const char  *path,
      const char  *token,
      const char  *body,
      char       **body_out)
{
  g_autofree char *uri = g_strconcat (url, "api/v1/", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_headers_append (headers, "Jiandu-Protocol", "1");
  if (token != NULL)
    {
      g_autofree char *value = g_strconcat ("Bearer ", token, NULL);

      soup_message_headers_append (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  if (body_out != NULL)
    *body_out = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return soup_message_get_status (msg);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static char *
login (SoupSession *session,
       const char  *url,
       const char  *user,
       const char  *password)
{
  g_autofree char *body = g_strdup_printf ("{\"user\":\"%s\",\"password\":\"%s\"}", user,
                                           password);
  g_autofree char *reply = NULL;
  g_autoptr(JsonObject) object = NULL;

  g_assert_cmpuint (call (session, url, "POST", "login", NULL, body, &reply), ==, 200);
  object = parse_object (reply);
  return g_strdup (json_object_get_string_member (object, "token"));
}

/* A push of BATCH new cases w-NNNNNN from @first on. */
static char *
batch_body (guint first)
{
  g_autoptr(GString) body = g_string_new ("{\"mutations\":[");

  for (guint i = first; i < first + BATCH; i++)
    g_string_append_printf (body,
                            "%s{\"mutation_id\":\"m-%06u\",\"collection\":\"cases\","
                            "\"id\":\"w-%06u\",\"op\":\"insert\",\"base_rev\":0,"
                            "\"fields\":{\"id\":\"w-%06u\",\"agency_id\":\"t1\","
                            "\"title\":\"并发案件 %u\"}}",
                            i > first ? "," : "", i, i, i, i);
  g_string_append (body, "]}");
  return g_string_free (g_steal_pointer (&body), FALSE);
}

static void
assert_all_applied (const char *reply)
{
  g_autoptr(JsonObject) object = parse_object (reply);
  JsonArray *results = json_object_get_array_member (object, "results");

  g_assert_cmpuint (json_array_get_length (results), ==, BATCH);
  for (guint i = 0; i < BATCH; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (results, i),
                                                    "status"), ==, "applied");
}

typedef struct
{
  const char *url;
  const char *token;
  gint        stop;
  gint        acknowledged;   /* batches the server answered "applied" */
} Pusher;

/* A client pushing batch after batch, each one transaction on the server, until told to stop. */
static gpointer
push_thread (gpointer data)
{
  Pusher *pusher = data;
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 120, NULL);

  while (!g_atomic_int_get (&pusher->stop))
    {
      guint n = (guint) g_atomic_int_get (&pusher->acknowledged);
      g_autofree char *body = batch_body (n * BATCH);
      g_autofree char *reply = NULL;

      g_assert_cmpuint (call (session, pusher->url, "POST", "push", pusher->token, body, &reply),
                        ==, 200);
      assert_all_applied (reply);
      g_atomic_int_inc (&pusher->acknowledged);
    }
  return NULL;
}

static void
wait_for (Pusher *pusher,
          gint    batches)
{
  while (g_atomic_int_get (&pusher->acknowledged) < batches)
    g_usleep (1000);
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Checks a copy of a server database is whole and one committed state: every pushed batch in
 * it entirely, with the record of each of its mutations, and no gap. Returns its batches. */
static gint64
assert_consistent (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *integrity = NULL;
  gint64 n_cases, n_mutations, last;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  integrity = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==,
                   jd_db_application_id (JD_DB_SERVER));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  n_cases = query_int (db, "SELECT count(*) FROM rows WHERE collection = 'cases' "
                           "AND id LIKE 'w-%'");
  n_mutations = query_int (db, "SELECT count(*) FROM mutations WHERE mutation_id LIKE 'm-%'");
  last = query_int (db, "SELECT coalesce(max(CAST(substr(id, 3) AS INTEGER)), -1) FROM rows "
                        "WHERE collection = 'cases' AND id LIKE 'w-%'");
  /* The seed is there, and each pushed case has its scope and its mutation record. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM rows WHERE id = 'c-d'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM users WHERE name = 'dist'"), ==, 1);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM row_agencies WHERE id LIKE 'w-%'"), ==,
                   n_cases);
  g_assert_cmpint (n_mutations, ==, n_cases);
  g_assert_cmpint (last, ==, n_cases - 1);
  g_assert_cmpint (n_cases % BATCH, ==, 0);
  sqlite3_close (db);
  return n_cases / BATCH;
}

static int
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static char *
digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The ids of cases w-… a full pull shows @user. */
static guint
pull_count (SoupSession *session,
            const char  *url,
            const char  *token)
{
  gint64 cursor = 0;
  gboolean more = TRUE;
  guint n = 0;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("pull?cursor=%lld&limit=1000", (long long) cursor);
      g_autofree char *reply = NULL;
      g_autoptr(JsonObject) object = NULL;
      JsonArray *changes;

      g_assert_cmpuint (call (session, url, "GET", path, token, NULL, &reply), ==, 200);
      object = parse_object (reply);
      changes = json_object_get_array_member (object, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *row = json_array_get_object_element (changes, i);

          if (g_str_has_prefix (json_object_get_string_member (row, "id"), "w-"))
            n++;
        }
      cursor = json_object_get_int_member (object, "cursor");
      more = json_object_get_boolean_member (object, "more");
    }
  return n;
}

static void
test_backup_while_pushing (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 120, NULL);
  g_autofree char *token = login (session, f->url, "dist", PASSWORD);
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *fresh_log = g_build_filename (f->dir, "fresh.log", NULL);
  g_autofree char *fresh_url = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before_restore = NULL;
  g_autoptr(GSubprocess) fresh_server = NULL;
  Pusher pusher = { f->url, token, 0, 0 };
  GThread *thread;
  gint before, after;
  gint64 in_backup;

  thread = g_thread_new ("pusher", push_thread, &pusher);
  wait_for (&pusher, 10);
  before = g_atomic_int_get (&pusher.acknowledged);
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", f->db, "backup", "--out", backup,
                                       NULL), ==, 0);
  after = g_atomic_int_get (&pusher.acknowledged);
  /* The server went on taking pushes after the backup, too. */
  wait_for (&pusher, after + 5);
  g_atomic_int_set (&pusher.stop, 1);
  g_thread_join (thread);
  g_test_message ("batches: %d before the backup, %d after it, %d in all", before, after,
                  pusher.acknowledged);

  /* One committed state: every batch answered before the backup began, and at most the one in
   * flight when it ended beyond those answered by then. */
  in_backup = assert_consistent (backup);
  /* Password and token hashes: the copy is its owner's only, whatever the umask. */
  g_assert_cmpint (file_mode (backup), ==, 0600);
  g_test_message ("batches in the backup: %lld", (long long) in_backup);
  g_assert_cmpint (in_backup, >=, before);
  g_assert_cmpint (in_backup, <=, after + 1);
  g_assert_cmpint (in_backup, <, pusher.acknowledged);
  g_assert_cmpint (assert_consistent (f->db), ==, pusher.acknowledged);

  /* A backup never overwrites a file. */
  g_assert_cmpint (jd_test_server_run (NULL, &err, "--db", f->db, "backup", "--out", backup,
                                       NULL), ==, 2);
  g_assert_nonnull (strstr (err, "never overwrites"));
  g_clear_pointer (&err, g_free);

  /* Nothing is restored over the database of a running server: it would go on writing into the
   * file set aside. */
  before_restore = digest (f->db);
  g_assert_cmpint (jd_test_server_run (NULL, &err, "--db", f->db, "restore", backup, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "in use"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (assert_consistent (f->db), ==, pusher.acknowledged);

  /* Restored into a fresh path, the copy serves: the same account signs in, the same cases. */
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", fresh, "restore", backup, NULL), ==, 0);
  g_assert_cmpint (assert_consistent (fresh), ==, in_backup);
  fresh_server = jd_test_server_start (fresh, NULL, fresh_log, NULL, &fresh_url);
  {
    g_autofree char *fresh_token = login (session, fresh_url, "dist", PASSWORD);

    g_assert_cmpuint (pull_count (session, fresh_url, fresh_token), ==, in_backup * BATCH);
  }
  jd_test_server_stop (&fresh_server);

  /* Stopped, the server's own database can be put back, with the mode (and, for root, the
   * owner) of the file it replaces, which is kept. */
  jd_test_server_stop (&f->process);
  g_assert_cmpint (g_chmod (f->db, 0640), ==, 0);
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", f->db, "restore", backup, NULL), ==, 0);
  g_assert_cmpint (assert_consistent (f->db), ==, in_backup);
  g_assert_cmpint (file_mode (f->db), ==, 0640);
  {
    g_autoptr(GPatternSpec) pattern = g_pattern_spec_new ("server.db.before-restore-*");
    g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
    const char *name;
    guint n_kept = 0;

    while ((name = g_dir_read_name (dir)) != NULL)
      {
        if (g_pattern_spec_match_string (pattern, name))
          {
            g_autofree char *kept = g_build_filename (f->dir, name, NULL);

            g_assert_cmpint (assert_consistent (kept), ==, pusher.acknowledged);
            n_kept++;
          }
      }
    g_assert_cmpuint (n_kept, ==, 1);
  }
}

static void
test_restore_refuses (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = g_build_filename (f->dir, "backup.db", NULL);
  g_autofree char *text = g_build_filename (f->dir, "notes.txt", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *replica = g_build_filename (f->dir, "replica.db", NULL);
  g_autofree char *cut = g_build_filename (f->dir, "cut.db", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.db", NULL);
  g_autofree char *fresh = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *replica_before = NULL;
  gsize length;
  sqlite3 *db;
  struct { const char *path; const char *says; } cases[] = {
    { missing, "No file" },
    { text, "not a database" },
    { other, "not a Jiandu server database" },
    { replica, "not a Jiandu server database" },
    { cut, "damaged" },
  };

  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", f->db, "backup", "--out", backup,
                                       NULL), ==, 0);
  jd_test_server_stop (&f->process);

  g_assert_true (g_file_set_contents (text, "这不是数据库\n", -1, NULL));
  db = jd_test_raw_open (other);
  jd_test_raw_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1)");
  sqlite3_close (db);
  {
    /* A replica of jiandu-cli or the app is a Jiandu database, but not a server's. */
    g_autoptr(JdStore) store = jd_store_open (replica, JD_STORE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
  }
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (cut, contents, length / 2, NULL));

  before = digest (f->db);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;

      g_assert_cmpint (jd_test_server_run (NULL, &err, "--db", f->db, "restore", cases[i].path,
                                           NULL), ==, 2);
      if (strstr (err, cases[i].says) == NULL)
        g_error ("%s: %s", cases[i].path, err);
      after = digest (f->db);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", fresh, "restore", cases[i].path,
                                           NULL), ==, 2);
      g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
    }

  /* Nor does the server take a replica for its database, or make an empty one to back up. */
  replica_before = digest (replica);
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", replica, "user", "list", NULL), ==, 2);
  {
    g_autofree char *replica_after = digest (replica);

    g_assert_cmpstr (replica_after, ==, replica_before);
  }
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", missing, "backup", "--out", fresh,
                                       NULL), ==, 2);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));
}

/* Request log --------------------------------------------------------------------------------- */

typedef struct
{
  const char *method;
  const char *path;
  const char *status;
  const char *user;
} Expected;

static void
test_request_log (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 120, NULL);
  g_autofree char *token = login (session, f->url, "dist", PASSWORD);
  g_autofree char *token_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  g_autofree char *body = batch_body (0);
  g_autofree char *log = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GError) error = NULL;
  const Expected expected[] = {
    { "POST", "/api/v1/login", "200", "dist" },
    { "GET", "/api/v1/pull", "200", "dist" },
    { "POST", "/api/v1/push", "200", "dist" },
    { "POST", "/api/v1/logout", "204", "dist" },
    { "GET", "/api/v1/pull", "401", "-" },
    { "POST", "/api/v1/login", "401", "dist" },
    { "POST", "/api/v1/login", "401", "-" },
  };
  guint n = 0;

  g_assert_cmpuint (call (session, f->url, "GET", "pull?cursor=0", token, NULL, NULL), ==, 200);
  g_assert_cmpuint (call (session, f->url, "POST", "push", token, body, NULL), ==, 200);
  g_assert_cmpuint (call (session, f->url, "POST", "logout", token, NULL, NULL), ==, 204);
  g_assert_cmpuint (call (session, f->url, "GET", "pull?cursor=0", token, NULL, NULL), ==, 401);
  g_assert_cmpuint (call (session, f->url, "POST", "login", NULL,
                          "{\"user\":\"dist\",\"password\":\"wrong 口令 1234\"}", NULL), ==, 401);
  /* People type their password into the name field: an unknown name is not logged either. */
  g_assert_cmpuint (call (session, f->url, "POST", "login", NULL,
                          "{\"user\":\"" PASSWORD "\",\"password\":\"x\"}", NULL), ==, 401);
  jd_test_server_stop (&f->process);

  g_assert_true (g_file_get_contents (f->log, &log, NULL, NULL));
  g_test_message ("%s", log);
  regex = g_regex_new ("^jiandu-server-Message: [0-9:.]+: ([A-Z]+) (\\S+) ([0-9]{3}) (\\S+) "
                       "([0-9]+\\.[0-9]) ms (\\S+)$", 0, 0, &error);
  g_assert_no_error (error);
  lines = g_strsplit (log, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GMatchInfo) match = NULL;

      if (*lines[i] == '\0')
        continue;
      if (!g_regex_match (regex, lines[i], 0, &match))
        g_error ("not a request line: %s", lines[i]);
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      {
        g_autofree char *method = g_match_info_fetch (match, 1);
        g_autofree char *path = g_match_info_fetch (match, 2);
        g_autofree char *status = g_match_info_fetch (match, 3);
        g_autofree char *user = g_match_info_fetch (match, 4);
        g_autofree char *client = g_match_info_fetch (match, 6);

        g_assert_cmpstr (method, ==, expected[n].method);
        g_assert_cmpstr (path, ==, expected[n].path);
        g_assert_cmpstr (status, ==, expected[n].status);
        g_assert_cmpstr (user, ==, expected[n].user);
        g_assert_cmpstr (client, ==, "127.0.0.1");
      }
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (expected));

  /* No password, token, hash of it, query string or body. */
  g_assert_null (strstr (log, PASSWORD));
  g_assert_null (strstr (log, "correct horse"));
  g_assert_null (strstr (log, "口令"));
  g_assert_null (strstr (log, token));
  g_assert_null (strstr (log, token_hash));
  {
    g_autofree char *half_token = g_strndup (token, strlen (token) / 2);
    g_autofree char *half_hash = g_strndup (token_hash, 16);

    g_assert_null (strstr (log, half_token));
    g_assert_null (strstr (log, half_hash));
  }
  g_assert_null (strstr (log, "Bearer"));
  g_assert_null (strstr (log, "cursor="));
  g_assert_null (strstr (log, "并发案件"));
  g_assert_null (strstr (log, "w-000000"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/server-ops/backup-while-pushing", Fixture, NULL, fixture_set_up,
              test_backup_while_pushing, fixture_tear_down);
  g_test_add ("/server-ops/restore-refuses", Fixture, NULL, fixture_set_up,
              test_restore_refuses, fixture_tear_down);
  g_test_add ("/server-ops/request-log", Fixture, NULL, fixture_set_up, test_request_log,
              fixture_tear_down);

  return g_test_run ();
}
