#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "jd-store-list.h"
#include "jd-test-util.h"

/* A fresh client's first pull from a real jiandu-server on loopback, against a plain SQLite bulk
 * insert of the same rows in the same run (issue 4, "Benchmark"). The server is seeded with a
 * sample district of N cases (`jiandu-cli sample`, exported and imported), then `jiandu-cli sync`
 * pulls everything into an empty database. Then the client edits 10,000 of the cases offline,
 * through the store as the app does, and `jiandu-cli sync` pushes them (and pulls them back).
 *   meson test -C build --benchmark sync-pull-100k --verbose
 *   build/tests/bench-sync-pull 20000          (a smaller run, for profiling) */

#define PASSWORD "bench password"
#define N_EDITS 10000

static char *dir;

static void
run (GSubprocessLauncher *launcher,
     const char          *input,
     const char *const   *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("%s %s: exit %d: %s", argv[0], argv[1], g_subprocess_get_exit_status (process), err);
}

static GSubprocessLauncher *
launcher_new (void)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                             G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                             G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "JIANDU_NO_KEYRING", "1", TRUE);
  g_subprocess_launcher_setenv (launcher, "JIANDU_PASSWORD", PASSWORD, TRUE);
  return launcher;
}

typedef struct
{
  char   *collection;
  char   *id;
  gint64  rev;
  int     deleted;
  char   *modified;
  char   *fields;
} Row;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->collection);
  g_free (row->id);
  g_free (row->modified);
  g_free (row->fields);
}

/* The rows exactly as the server holds and serves them. */
static GArray *
server_rows (const char *path)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (rows, row_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT collection, id, rev, deleted, modified, "
                                           "fields FROM rows ORDER BY rev", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Row row = {
        g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
        sqlite3_column_int64 (stmt, 2),
        sqlite3_column_int (stmt, 3),
        g_strdup ((const char *) sqlite3_column_text (stmt, 4)),
        g_strdup ((const char *) sqlite3_column_text (stmt, 5)),
      };

      g_array_append_val (rows, row);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_steal_pointer (&rows);
}

/* The floor: the same rows into one table, one prepared statement, one transaction, with the
 * client's page size, journal and synchronous settings. */
static double
bulk_insert (GArray *rows)
{
  g_autofree char *path = g_build_filename (dir, "bulk.db", NULL);
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();

  jd_test_raw_exec (db, "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL; "
                        "PRAGMA synchronous = FULL; PRAGMA cache_size = -65536");
  jd_test_raw_exec (db, "CREATE TABLE rows (collection TEXT NOT NULL, id TEXT NOT NULL, "
                        "rev INTEGER NOT NULL, deleted INTEGER NOT NULL, modified TEXT NOT NULL, "
                        "body TEXT, PRIMARY KEY (collection, id))");
  jd_test_raw_exec (db, "BEGIN");
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO rows VALUES (?, ?, ?, ?, ?, ?)", -1,
                                       &stmt, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      sqlite3_bind_text (stmt, 1, row->collection, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, row->id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, row->rev);
      sqlite3_bind_int (stmt, 4, row->deleted);
      sqlite3_bind_text (stmt, 5, row->modified, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, row->fields, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  jd_test_raw_exec (db, "COMMIT");
  sqlite3_close (db);
  return (g_get_monotonic_time () - start) / 1e6;
}

/* CPU seconds of the children waited for so far. */
static double
children_cpu (void)
{
  struct rusage usage;

  getrusage (RUSAGE_CHILDREN, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* CPU seconds a running process has used. */
static double
process_cpu (const char *pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%s/stat", pid);
  g_autofree char *text = NULL;
  const char *after_name;
  unsigned long long utime = 0, stime = 0;

  if (!g_file_get_contents (path, &text, NULL, NULL) ||
      (after_name = strrchr (text, ')')) == NULL ||
      sscanf (after_name + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &utime,
              &stime) != 2)
    return 0;
  return (double) (utime + stime) / sysconf (_SC_CLK_TCK);
}

static char *
root_agency (const char *path)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  char *id;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id FROM rows WHERE collection = 'agencies' "
                                           "AND json_extract (fields, '$.parent_id') IS NULL "
                                           "ORDER BY rev LIMIT 1", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return id;
}

/* Edits @n cases offline, each saved on its own as the app saves an edit. */
static void
edit_cases (JdStore *store,
            guint    n)
{
  JdCaseFilter filter = { 0 };
  guint done = 0;

  while (done < n)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cases = jd_store_list_cases_filtered (store, &filter, done,
                                                                MIN (n - done, 1000), &error);

      g_assert_no_error (error);
      g_assert_cmpuint (cases->len, >, 0);
      for (guint i = 0; i < cases->len; i++)
        {
          JsonObject *fields = jd_entity_get_fields (cases->pdata[i]);
          g_autofree char *facts =
            g_strconcat (json_object_get_string_member_with_default (fields, "facts", ""),
                         "（补充：当事人已于次日改正）", NULL);

          json_object_set_string_member (fields, "facts", facts);
          g_assert_true (jd_store_save (store, cases->pdata[i], &error));
          g_assert_no_error (error);
        }
      done += cases->len;
    }
}

static gint64
count_edited (const char *server_db)
{
  sqlite3 *db = jd_test_raw_open (server_db);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM rows WHERE collection = 'cases'"
                                           " AND json_extract (fields, '$.facts')"
                                           " LIKE '%（补充：当事人已于次日改正）'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

int
main (int   argc,
      char *argv[])
{
  const char *cli = g_getenv ("JIANDU_CLI");
  const char *server = g_getenv ("JIANDU_SERVER");
  const char *n_cases = argc > 1 ? argv[1] : "100000";
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) client = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *gen = NULL, *doc = NULL, *server_db = NULL, *client_db = NULL;
  g_autofree char *line = NULL, *url = NULL, *root = NULL;
  gint64 start, n_source, n_pulled, n_edits;
  double pull_s, push_s, bulk_s, client_cpu, server_cpu;

  g_assert_nonnull (cli);
  g_assert_nonnull (server);
  dir = jd_test_tmp_dir ();
  gen = g_build_filename (dir, "source.db", NULL);
  doc = g_build_filename (dir, "district.json", NULL);
  server_db = g_build_filename (dir, "server.db", NULL);
  client_db = g_build_filename (dir, "client.db", NULL);
  launcher = launcher_new ();

  start = g_get_monotonic_time ();
  run (launcher, NULL, (const char *[]) { cli, "--db", gen, "sample", "--cases", n_cases, NULL });
  run (launcher, NULL, (const char *[]) { cli, "--db", gen, "export", "--out", doc, NULL });
  run (launcher, NULL, (const char *[]) { server, "--db", server_db, "import", doc, NULL });
  root = root_agency (server_db);
  run (launcher, PASSWORD "\n", (const char *[]) { server, "--db", server_db, "user", "add",
                                                   "dist", "--agency", root, "--role", "district",
                                                   NULL });
  g_print ("seeding the server with %s cases: %.1f s\n", n_cases,
           (g_get_monotonic_time () - start) / 1e6);
  {
    g_autoptr(JdStore) source = jd_store_open (gen, JD_STORE_OPEN_NONE, &error);

    g_assert_no_error (error);
    n_source = jd_store_count (source, JD_COLLECTION_CASES, NULL);
  }
  g_unlink (doc);

  process = g_subprocess_newv ((const char *[]) { server, "--db", server_db,
                                                  "--listen", "127.0.0.1:0", NULL },
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_nonnull (line);
  url = g_strdup (line + strlen ("listening on "));

  run (launcher, NULL, (const char *[]) { cli, "--db", client_db, "login", "--server", url,
                                          "--user", "dist", NULL });
  server_cpu = process_cpu (g_subprocess_get_identifier (process));
  client_cpu = children_cpu ();
  start = g_get_monotonic_time ();
  run (launcher, NULL, (const char *[]) { cli, "--db", client_db, "sync", NULL });
  pull_s = (g_get_monotonic_time () - start) / 1e6;
  client_cpu = children_cpu () - client_cpu;
  server_cpu = process_cpu (g_subprocess_get_identifier (process)) - server_cpu;

  /* What was pulled is whole: every case, an unbroken audit chain. */
  client = jd_store_open (client_db, JD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  n_pulled = jd_store_count (client, JD_COLLECTION_CASES, NULL);
  g_assert_cmpint (n_pulled, ==, n_source);
  problems = jd_store_verify_audit (client, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* Offline edits, then the sync that pushes them: every one on the server, none left. */
  n_edits = MIN (N_EDITS, n_pulled);
  edit_cases (client, n_edits);
  g_assert_cmpint (jd_store_count_outbox (client, NULL), ==, n_edits);
  g_clear_object (&client);
  start = g_get_monotonic_time ();
  run (launcher, NULL, (const char *[]) { cli, "--db", client_db, "sync", NULL });
  push_s = (g_get_monotonic_time () - start) / 1e6;
  client = jd_store_open (client_db, JD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (jd_store_count_outbox (client, NULL), ==, 0);
  g_clear_object (&client);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_cmpint (count_edited (server_db), ==, n_edits);

  rows = server_rows (server_db);
  bulk_s = bulk_insert (rows);

  g_print ("first pull of %lld cases (%u rows) into an empty client: %.2f s, %.0f rows/s\n",
           (long long) n_pulled, rows->len, pull_s, rows->len / pull_s);
  g_print ("CPU: client (jiandu-cli sync) %.2f s, server %.2f s\n", client_cpu, server_cpu);
  g_print ("plain SQLite bulk insert of the same rows: %.2f s; ratio %.1f\n", bulk_s,
           pull_s / bulk_s);
  g_print ("sync of %" G_GINT64_FORMAT " offline edits of cases (pushed, then pulled back): "
           "%.2f s\n", n_edits, push_s);

  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  g_free (dir);
  return 0;
}
