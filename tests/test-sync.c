#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "jd-test-server.h"
#include "jd-test-util.h"
#include "jd-sync-client.h"

/* The client sync engine against the real jiandu-server: the server binary on 127.0.0.1, and
 * each client a jiandu-cli with a database, a config folder (its token) and a data folder of its
 * own. Local edits go through the store API, as the app makes them. */

#define PASSWORD "correct horse 马 battery"

static const char seed_json[] =
  "{\"format\":\"jiandu/1\","
  "\"agencies\":["
  "{\"id\":\"d\",\"name\":\"区政府\",\"kind\":\"government\"},"
  "{\"id\":\"t1\",\"name\":\"一镇\",\"kind\":\"town\",\"parent_id\":\"d\"},"
  "{\"id\":\"t1a\",\"name\":\"一镇执法队\",\"kind\":\"department\",\"parent_id\":\"t1\"},"
  "{\"id\":\"t2\",\"name\":\"二镇\",\"kind\":\"town\",\"parent_id\":\"d\"}],"
  "\"cases\":["
  "{\"id\":\"c-d\",\"agency_id\":\"d\",\"title\":\"区案\"},"
  "{\"id\":\"c-t1\",\"agency_id\":\"t1\",\"title\":\"一镇案\",\"number\":\"一镇罚1号\","
  " \"records\":[{\"id\":\"r1\",\"kind\":\"text\",\"matter\":\"询问\"}]},"
  "{\"id\":\"c-t1a\",\"agency_id\":\"t1a\",\"title\":\"执法队案\"},"
  "{\"id\":\"c-t2\",\"agency_id\":\"t2\",\"title\":\"二镇案\"}],"
  "\"social_supervisors\":[{\"id\":\"s1\",\"name\":\"王五\"}]}";

typedef struct
{
  char        *dir;
  char        *db;
  char        *log;
  char        *url;        /* http://127.0.0.1:PORT/ */
  char        *listen;     /* 127.0.0.1:PORT once known, to restart on the same port */
  GSubprocess *process;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
log_lines (const char *what,
           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", 16);

  for (guint l = 0; lines[l] != NULL && l < 15; l++)
    if (*lines[l] != '\0')
      g_test_message ("%s: %s", what, lines[l]);
}

static void
add_user (Fixture    *f,
          const char *name,
          const char *agency,
          const char *role)
{
  jd_test_server_add_user (f->db, name, agency, role, PASSWORD);
}

static void
server_start (Fixture *f)
{
  g_free (f->url);
  f->process = jd_test_server_start (f->db, f->listen, f->log, NULL, &f->url);
  if (f->listen == NULL)
    f->listen = jd_test_server_address (f->url);
}

static void
server_kill (Fixture *f)
{
  jd_test_server_kill (&f->process);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *doc = NULL;
  g_autofree char *calendar_dir = NULL;
  g_autofree char *calendar = NULL;

  f->dir = jd_test_tmp_dir ();
  f->db = g_build_filename (f->dir, "server.db", NULL);
  f->log = g_build_filename (f->dir, "server.log", NULL);
  doc = g_build_filename (f->dir, "seed.json", NULL);
  g_assert_true (g_file_set_contents (doc, seed_json, -1, NULL));
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", f->db, "import", doc, NULL), ==, 0);
  add_user (f, "dist", "d", "district");
  add_user (f, "town1", "t1", "town");
  add_user (f, "off2", "t2", "officer");
  add_user (f, "root", "d", "admin");

  /* A calendar the operator added, served to every client. */
  calendar_dir = g_build_filename (f->dir, "jiandu-data", "calendar", NULL);
  g_assert_cmpint (g_mkdir_with_parents (calendar_dir, 0700), ==, 0);
  calendar = g_build_filename (calendar_dir, "2031.json", NULL);
  g_assert_true (g_file_set_contents (calendar, "{\"year\": 2031}\n", -1, NULL));

  server_start (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->process != NULL)
    server_kill (f);
  jd_test_rm_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->log);
  g_free (f->url);
  g_free (f->listen);
}

static char *
client_path (Fixture    *f,
             const char *client,
             const char *name)
{
  return g_build_filename (f->dir, client, name, NULL);
}

/* The address of a bus where the test started a secret service, which clients then use
 * instead of the token file; NULL: no keyring. */
static const char *keyring_bus;

static GSubprocessLauncher *
client_launcher (Fixture    *f,
                 const char *client,
                 const char *password,
                 GSubprocessFlags flags)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (flags);
  g_autofree char *config = client_path (f, client, "config");
  g_autofree char *data = client_path (f, client, "data");

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  if (keyring_bus == NULL)
    g_subprocess_launcher_setenv (launcher, "JIANDU_NO_KEYRING", "1", TRUE);
  else
    {
      g_subprocess_launcher_unsetenv (launcher, "JIANDU_NO_KEYRING");
      g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", keyring_bus, TRUE);
    }
  g_subprocess_launcher_setenv (launcher, "JIANDU_SYNC_ATTEMPTS", "2", TRUE);
  g_subprocess_launcher_setenv (launcher, "JIANDU_SYNC_RETRY_DELAY_MS", "20", TRUE);
  if (password != NULL)
    g_subprocess_launcher_setenv (launcher, "JIANDU_PASSWORD", password, TRUE);
  else
    g_subprocess_launcher_unsetenv (launcher, "JIANDU_PASSWORD");
  return launcher;
}

/* Runs jiandu-cli --db CLIENT/db … for @client. */
static Run
cli (Fixture    *f,
     const char *client,
     const char *password,
     const char *first,
     ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  va_list args;

  launcher = client_launcher (f, client, password,
                              G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_ptr_array_add (argv, g_strdup (g_getenv ("JIANDU_CLI")));
  g_ptr_array_add (argv, g_strdup ("--db"));
  g_ptr_array_add (argv, client_path (f, client, "client.db"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, g_strdup (arg));
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  run.status = g_subprocess_get_exit_status (process);
  g_test_message ("%s: jiandu-cli %s: exit %d", client, first, run.status);
  log_lines ("stdout", run.out);
  log_lines ("stderr", run.err);
  return run;
}

static void
login_and_sync (Fixture    *f,
                const char *client,
                const char *user)
{
  g_auto(Run) login = cli (f, client, PASSWORD, "login", "--server", f->url, "--user", user,
                           NULL);
  g_auto(Run) sync = { 0 };

  g_assert_cmpint (login.status, ==, 0);
  g_assert_nonnull (strstr (login.err, "warning"));
  sync = cli (f, client, NULL, "sync", NULL);
  g_assert_cmpint (sync.status, ==, 0);
}

static int
sync_status (Fixture    *f,
             const char *client)
{
  g_auto(Run) run = cli (f, client, NULL, "sync", NULL);

  return run.status;
}

static JdStore *
open_client (Fixture    *f,
             const char *client)
{
  g_autofree char *path = client_path (f, client, "client.db");
  g_autoptr(GError) error = NULL;
  JdStore *store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  jd_store_set_actor (store, client);
  return store;
}

/* Sets @member of case @id in @client's replica, as the app would. */
static void
edit_case (Fixture    *f,
           const char *client,
           const char *id,
           const char *member,
           const char *value)
{
  g_autoptr(JdStore) store = open_client (f, client);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, id, &error);

  g_assert_no_error (error);
  json_object_set_string_member (jd_entity_get_fields (kase), member, value);
  jd_store_save (store, kase, &error);
  g_assert_no_error (error);
}

static char *
case_member (Fixture    *f,
             const char *client,
             const char *id,
             const char *member)
{
  g_autoptr(JdStore) store = open_client (f, client);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, id, &error);

  g_assert_no_error (error);
  if (jd_entity_get_deleted (kase))
    return g_strdup ("(deleted)");
  return g_strdup (jd_entity_get_string (kase, member));
}

static JdSyncStatus
client_status (Fixture    *f,
               const char *client)
{
  g_autoptr(JdStore) store = open_client (f, client);
  g_autoptr(GError) error = NULL;
  JdSyncStatus status = { 0 };

  jd_store_sync_get_status (store, &status, &error);
  g_assert_no_error (error);
  return status;
}

static void
test_login_pull_and_data (Fixture *f, gconstpointer data)
{
  g_autoptr(JdStore) store = NULL;
  g_autofree char *calendar = client_path (f, "a", "data/jiandu/calendar/2031.json");
  g_autofree char *contents = NULL;
  g_auto(JdSyncStatus) status = { 0 };
  g_auto(Run) status_run = { 0 };
  g_autoptr(JsonNode) json = NULL;

  login_and_sync (f, "a", "town1");

  /* The town's scope: its agency and the one below it, their cases and records, and the
   * district's social supervisors; not the district's case, nor the other town's. */
  store = open_client (f, "a");
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 2);
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_RECORDS, NULL), ==, 1);
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_SOCIAL_SUPERVISORS, NULL), ==, 1);
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 0);
  jd_store_sync_get_status (store, &status, NULL);
  g_assert_nonnull (status.last_sync);
  g_assert_cmpstr (status.user, ==, "town1");

  g_assert_true (g_file_get_contents (calendar, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "{\"year\": 2031}\n");

  /* Signed in as another user, the replica pulls that user's scope from the beginning. */
  {
    g_auto(Run) login = cli (f, "a", PASSWORD, "login", "--server", f->url, "--user", "dist",
                             NULL);
    g_autoptr(JdStore) again = NULL;

    g_assert_cmpint (login.status, ==, 0);
    g_assert_cmpint (sync_status (f, "a"), ==, 0);
    again = open_client (f, "a");
    g_assert_cmpint (jd_store_count (again, JD_COLLECTION_CASES, NULL), ==, 4);
  }

  status_run = cli (f, "a", NULL, "status", "--json", NULL);
  g_assert_cmpint (status_run.status, ==, 0);
  json = json_from_string (status_run.out, NULL);
  g_assert_nonnull (json);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json), "server"), ==,
                   f->url);
}

static void
test_merge_and_conflict (Fixture *f, gconstpointer data)
{
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  g_auto(Run) conflicts = { 0 };
  g_auto(Run) resolve = { 0 };
  g_autoptr(JsonNode) json = NULL;
  JsonObject *member;

  login_and_sync (f, "a", "town1");
  login_and_sync (f, "b", "town1");

  /* Offline on both, different members: merged, nothing lost. */
  edit_case (f, "a", "c-t1", "title", "甲改的标题");
  edit_case (f, "b", "c-t1", "number", "乙改的编号");
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 0);
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  for (guint i = 0; i < 2; i++)
    {
      const char *client = i == 0 ? "a" : "b";

      g_free (title);
      g_free (number);
      title = case_member (f, client, "c-t1", "title");
      number = case_member (f, client, "c-t1", "number");
      g_assert_cmpstr (title, ==, "甲改的标题");
      g_assert_cmpstr (number, ==, "乙改的编号");
    }

  /* The same member: a conflict, both values kept, b's stays until b decides. */
  edit_case (f, "a", "c-t1", "title", "甲的");
  edit_case (f, "b", "c-t1", "title", "乙的");
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 1);
  g_free (title);
  title = case_member (f, "b", "c-t1", "title");
  g_assert_cmpstr (title, ==, "乙的");

  conflicts = cli (f, "b", NULL, "conflicts", "--json", NULL);
  g_assert_cmpint (conflicts.status, ==, 0);
  json = json_from_string (conflicts.out, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (json)), ==, 1);
  member = json_array_get_object_element (
    json_object_get_array_member (json_array_get_object_element (json_node_get_array (json), 0),
                                  "members"), 0);
  g_assert_cmpstr (json_object_get_string_member (member, "member"), ==, "title");
  g_assert_cmpstr (json_object_get_string_member (member, "mine"), ==, "乙的");
  g_assert_cmpstr (json_object_get_string_member (member, "theirs"), ==, "甲的");
  g_assert_cmpstr (json_object_get_string_member (member, "base"), ==, "甲改的标题");

  /* Keep mine: pushed again on the server's revision, and a gets it. */
  resolve = cli (f, "b", NULL, "resolve", "c-t1", "--keep", "mine", NULL);
  g_assert_cmpint (resolve.status, ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 0);
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_free (title);
  title = case_member (f, "a", "c-t1", "title");
  g_assert_cmpstr (title, ==, "乙的");

  /* Keep theirs, member by member: b takes a's value and pushes nothing. */
  edit_case (f, "a", "c-t1", "title", "甲再改");
  edit_case (f, "b", "c-t1", "title", "乙再改");
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 1);
  run_clear (&resolve);
  resolve = cli (f, "b", NULL, "resolve", "cases/c-t1", "--member", "title", "--keep", "theirs",
                 NULL);
  g_assert_cmpint (resolve.status, ==, 0);
  g_free (title);
  title = case_member (f, "b", "c-t1", "title");
  g_assert_cmpstr (title, ==, "甲再改");
  g_assert_cmpint (sync_status (f, "b"), ==, 0);
  {
    JdSyncStatus status = client_status (f, "b");

    g_assert_cmpint (status.pending, ==, 0);
    g_assert_cmpint (status.conflicts, ==, 0);
    jd_sync_status_clear (&status);
  }
}

static void
test_deleted_vs_edited (Fixture *f, gconstpointer data)
{
  g_autofree char *title = NULL;
  g_auto(Run) resolve = { 0 };
  g_auto(Run) conflicts = { 0 };

  login_and_sync (f, "a", "town1");
  login_and_sync (f, "b", "town1");

  /* Deleted there, edited here. */
  {
    g_autoptr(JdStore) store = open_client (f, "a");
    g_autoptr(GError) error = NULL;

    jd_store_delete (store, JD_COLLECTION_CASES, "c-t1a", &error);
    g_assert_no_error (error);
  }
  edit_case (f, "b", "c-t1a", "title", "乙还在改");
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 1);
  conflicts = cli (f, "b", NULL, "conflicts", NULL);
  g_assert_nonnull (strstr (conflicts.out, "cases/c-t1a"));
  title = case_member (f, "b", "c-t1a", "title");
  g_assert_cmpstr (title, ==, "乙还在改");
  /* b keeps its edit: the row comes back on the server, at a new revision, with b's values,
   * and a gets it again. */
  resolve = cli (f, "b", NULL, "resolve", "c-t1a", "--keep", "mine", NULL);
  g_assert_cmpint (resolve.status, ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 0);
  {
    JdSyncStatus status = client_status (f, "b");

    g_assert_cmpint (status.pending, ==, 0);
    g_assert_cmpint (status.conflicts, ==, 0);
    g_assert_cmpint (status.rejected, ==, 0);
    jd_sync_status_clear (&status);
  }
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_free (title);
  title = case_member (f, "a", "c-t1a", "title");
  g_assert_cmpstr (title, ==, "乙还在改");
  g_free (title);
  title = case_member (f, "a", "c-t1a", "agency_id");
  g_assert_cmpstr (title, ==, "t1a");

  /* Deleted there again, edited here again: this time b keeps theirs and the row goes. */
  {
    g_autoptr(JdStore) store = open_client (f, "a");
    g_autoptr(GError) error = NULL;

    jd_store_delete (store, JD_COLLECTION_CASES, "c-t1a", &error);
    g_assert_no_error (error);
  }
  edit_case (f, "b", "c-t1a", "title", "乙又改了");
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 1);
  run_clear (&resolve);
  resolve = cli (f, "b", NULL, "resolve", "c-t1a", "--keep", "theirs", NULL);
  g_assert_cmpint (resolve.status, ==, 0);
  g_free (title);
  title = case_member (f, "b", "c-t1a", "title");
  g_assert_cmpstr (title, ==, "(deleted)");
  g_assert_cmpint (sync_status (f, "b"), ==, 0);
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_free (title);
  title = case_member (f, "a", "c-t1a", "title");
  g_assert_cmpstr (title, ==, "(deleted)");

  /* Edited there, deleted here: keeping theirs brings the row back with their edit. */
  edit_case (f, "a", "c-t1", "title", "甲改了");
  {
    g_autoptr(JdStore) store = open_client (f, "b");
    g_autoptr(GError) error = NULL;

    jd_store_delete (store, JD_COLLECTION_CASES, "c-t1", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 1);
  run_clear (&resolve);
  resolve = cli (f, "b", NULL, "resolve", "c-t1", "--keep", "theirs", NULL);
  g_assert_cmpint (resolve.status, ==, 0);
  g_free (title);
  title = case_member (f, "b", "c-t1", "title");
  g_assert_cmpstr (title, ==, "甲改了");
  g_assert_cmpint (sync_status (f, "b"), ==, 0);

  /* The same, but b keeps its deletion: it goes to the server, and a loses the row too. */
  edit_case (f, "a", "c-t1", "title", "甲又改了");
  {
    g_autoptr(JdStore) store = open_client (f, "b");
    g_autoptr(GError) error = NULL;

    jd_store_delete (store, JD_COLLECTION_CASES, "c-t1", &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 1);
  run_clear (&resolve);
  resolve = cli (f, "b", NULL, "resolve", "c-t1", "--keep", "mine", NULL);
  g_assert_cmpint (resolve.status, ==, 0);
  g_assert_cmpint (sync_status (f, "b"), ==, 0);
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  g_free (title);
  title = case_member (f, "a", "c-t1", "title");
  g_assert_cmpstr (title, ==, "(deleted)");
}

/* A document of @n new cases of agency t1. */
static char *
many_cases (guint n)
{
  GString *json = g_string_new ("{\"format\": \"jiandu/1\", \"cases\": [");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (json, "%s{\"id\": \"n-%05u\", \"agency_id\": \"t1\", "
                            "\"title\": \"新案%u\"}", i > 0 ? "," : "", i, i);
  g_string_append (json, "]}");
  return g_string_free (json, FALSE);
}

static void
import_into (Fixture    *f,
             const char *client,
             const char *json)
{
  g_autoptr(JdStore) store = open_client (f, client);
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = jd_test_read_string (json, &error);
  g_assert_no_error (error);
  jd_store_import (store, document, NULL, &error);
  g_assert_no_error (error);
}

static void
test_push_interrupted (Fixture *f, gconstpointer data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) sync = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = many_cases (1200);
  g_autofree char *db = client_path (f, "a", "client.db");
  g_autoptr(JdStore) district = NULL;
  char *line;
  JdSyncStatus status;

  login_and_sync (f, "a", "town1");
  import_into (f, "a", json);

  /* Killed once the first batch is answered, the second one on its way or in the server. */
  launcher = client_launcher (f, "a", NULL, G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  sync = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JIANDU_CLI"), "--db", db,
                                      "sync", NULL);
  g_assert_no_error (error);
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (sync));
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error)) != NULL)
    {
      gboolean first_batch = g_str_has_prefix (line, "Synced 500 ");

      g_test_message ("a: %s", line);
      g_free (line);
      if (first_batch)
        break;
    }
  server_kill (f);
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, NULL)) != NULL)
    {
      g_test_message ("a: %s", line);
      g_free (line);
    }
  g_subprocess_wait (sync, NULL, &error);
  g_assert_cmpint (g_subprocess_get_exit_status (sync), ==, 2);
  status = client_status (f, "a");
  g_assert_cmpint (status.pending, >, 0);
  g_assert_cmpint (status.pending, <=, 700);
  jd_sync_status_clear (&status);

  /* After a restart the rest goes, and what the server had applied is not applied twice: an
   * insert applied twice would come back "exists". */
  server_start (f);
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  status = client_status (f, "a");
  g_assert_cmpint (status.pending, ==, 0);
  g_assert_cmpint (status.rejected, ==, 0);
  g_assert_cmpint (status.conflicts, ==, 0);
  jd_sync_status_clear (&status);

  /* Nothing lost: the district sees every case once. */
  login_and_sync (f, "d", "dist");
  district = open_client (f, "d");
  g_assert_cmpint (jd_store_count (district, JD_COLLECTION_CASES, NULL), ==, 4 + 1200);
}

/* A first pull of 10,000 cases cut halfway by the server's death resumes from the last page
 * committed: every case arrives, once. */
static void
test_pull_interrupted (Fixture *f, gconstpointer data)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) sync = NULL;
  g_autoptr(GDataInputStream) err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = many_cases (10000);
  g_autofree char *db = client_path (f, "d", "client.db");
  g_autoptr(JdStore) district = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 cases_at_cut;
  char *line;
  JdSyncStatus status;

  login_and_sync (f, "a", "town1");
  import_into (f, "a", json);
  g_assert_cmpint (sync_status (f, "a"), ==, 0);

  {
    g_auto(Run) login = cli (f, "d", PASSWORD, "login", "--server", f->url, "--user", "dist",
                             NULL);
    g_assert_cmpint (login.status, ==, 0);
  }
  launcher = client_launcher (f, "d", NULL, G_SUBPROCESS_FLAGS_STDERR_PIPE |
                                            G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  /* Pages of 500: the client asks for the next page and parses it while it writes one, so that
   * with pages of the usual size all 10,000 could have arrived before the cut. */
  g_subprocess_launcher_setenv (launcher, "JIANDU_SYNC_PAGE", "500", TRUE);
  sync = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JIANDU_CLI"), "--db", db,
                                      "sync", NULL);
  g_assert_no_error (error);
  err = g_data_input_stream_new (g_subprocess_get_stderr_pipe (sync));
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, &error)) != NULL)
    {
      long long done = 0, total = 0;
      gboolean halfway = sscanf (line, "Synced %lld of %lld", &done, &total) == 2 &&
                         done >= 5000;

      g_free (line);
      if (halfway)
        break;
    }
  server_kill (f);
  while ((line = g_data_input_stream_read_line_utf8 (err, NULL, NULL, NULL)) != NULL)
    g_free (line);
  g_subprocess_wait (sync, NULL, &error);
  g_assert_cmpint (g_subprocess_get_exit_status (sync), ==, 2);

  /* What was committed stays, with its cursor. */
  status = client_status (f, "d");
  g_assert_cmpint (status.cursor, >, 0);
  jd_sync_status_clear (&status);
  district = open_client (f, "d");
  cases_at_cut = jd_store_count (district, JD_COLLECTION_CASES, NULL);
  g_test_message ("cases pulled before the cut: %" G_GINT64_FORMAT, cases_at_cut);
  g_assert_cmpint (cases_at_cut, >, 0);
  g_assert_cmpint (cases_at_cut, <, 4 + 10000);
  g_clear_object (&district);

  server_start (f);
  g_assert_cmpint (sync_status (f, "d"), ==, 0);
  district = open_client (f, "d");
  g_assert_cmpint (jd_store_count (district, JD_COLLECTION_CASES, NULL), ==, 4 + 10000);
  /* Pulled cases are searchable, each found once. */
  {
    g_autoptr(GPtrArray) hits = jd_store_search_cases (district, "新案9999", 10, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (hits->len, ==, 1);
  }
  problems = jd_store_verify_audit (district, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
}

static void
test_replayed_push (Fixture *f, gconstpointer data)
{
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL;
  g_autofree char *tokens_path = client_path (f, "a", "config/jiandu/tokens.json");
  g_autoptr(JsonNode) tokens = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GBytes) reply = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *title = NULL;
  JdSyncStatus status;

  login_and_sync (f, "a", "town1");
  edit_case (f, "a", "c-t1", "title", "发出去了");

  /* The client sends its batch and is killed before it stores the answer: the server applied
   * it. Then the row is edited again. */
  {
    g_autoptr(JdStore) store = open_client (f, "a");

    batch = jd_store_sync_next_batch (store, 500, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (json_array_get_length (batch), ==, 1);
  }
  g_assert_true (g_file_get_contents (tokens_path, &contents, NULL, NULL));
  tokens = json_from_string (contents, NULL);
  key = g_strdup_printf ("town1@%s", f->url);
  token = g_strdup (json_object_get_string_member (json_node_get_object (tokens), key));
  g_assert_nonnull (token);
  body = json_node_init_object (json_node_alloc (), json_object_new ());
  json_object_set_array_member (json_node_get_object (body), "mutations",
                                json_array_ref (batch));
  text = json_to_string (body, FALSE);
  uri = g_strconcat (f->url, "api/v1/push", NULL);
  msg = soup_message_new ("POST", uri);
  soup_message_headers_append (soup_message_get_request_headers (msg), "Jiandu-Protocol", "1");
  {
    g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
    g_autoptr(GBytes) request = g_bytes_new (text, strlen (text));

    soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization",
                                 bearer);
    soup_message_set_request_body_from_bytes (msg, "application/json", request);
  }
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  edit_case (f, "a", "c-t1", "number", "后来又改");

  /* The restarted client sends the same mutation again, then the later edit: nothing is
   * applied twice (no conflict with its own change), nothing is lost. */
  g_assert_cmpint (sync_status (f, "a"), ==, 0);
  status = client_status (f, "a");
  g_assert_cmpint (status.pending, ==, 0);
  g_assert_cmpint (status.conflicts, ==, 0);
  jd_sync_status_clear (&status);
  login_and_sync (f, "b", "town1");
  title = case_member (f, "b", "c-t1", "title");
  g_assert_cmpstr (title, ==, "发出去了");
  g_free (title);
  title = case_member (f, "b", "c-t1", "number");
  g_assert_cmpstr (title, ==, "后来又改");
}

static void
test_scope (Fixture *f, gconstpointer data)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_auto(Run) status = { 0 };

  login_and_sync (f, "a", "town1");
  login_and_sync (f, "o", "off2");

  /* An officer of the second town pulls its rows only. */
  store = open_client (f, "o");
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 1);
  g_clear_object (&store);

  /* The first town cannot push into the second: a case of t2, and moving its own case there. */
  import_into (f, "a", "{\"format\": \"jiandu/1\", \"agencies\": [{\"id\": \"t2\", \"name\": "
                       "\"二镇\", \"kind\": \"town\", \"parent_id\": \"d\"}], \"cases\": [{\"id\": "
                       "\"c-new\", \"agency_id\": \"t2\", \"title\": \"越界的案\"}]}");
  edit_case (f, "a", "c-t1a", "agency_id", "t2");
  /* In the same batch, an edit in scope: it goes, the refusals do not hold it back. */
  edit_case (f, "a", "c-t1", "title", "同批发出");
  g_assert_cmpint (sync_status (f, "a"), ==, 1);
  login_and_sync (f, "b", "town1");
  number = case_member (f, "b", "c-t1", "title");
  g_assert_cmpstr (number, ==, "同批发出");
  g_clear_pointer (&number, g_free);
  store = open_client (f, "a");
  rejections = jd_store_sync_list_rejections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejections->len, ==, 3);
  for (guint i = 0; i < rejections->len; i++)
    {
      JdSyncRejection *rejection = rejections->pdata[i];

      /* The agency t2 exists there: refused as out of scope or as existing. */
      /* Each on its own row; the row that went has none. */
      g_assert_true (strcmp (rejection->row_id, "c-new") == 0 ||
                     strcmp (rejection->row_id, "c-t1a") == 0 ||
                     strcmp (rejection->row_id, "t2") == 0);
      if (rejection->collection == JD_COLLECTION_CASES)
        g_assert_cmpstr (rejection->code, ==, "out_of_scope");
      else
        g_assert_true (strcmp (rejection->code, "out_of_scope") == 0 ||
                       strcmp (rejection->code, "exists") == 0);
    }
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 0);
  status = cli (f, "a", NULL, "status", NULL, NULL);
  g_assert_nonnull (strstr (status.out, "3"));

  /* The other town saw none of it. */
  g_assert_cmpint (sync_status (f, "o"), ==, 0);
  g_clear_object (&store);
  store = open_client (f, "o");
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 1);
  number = case_member (f, "o", "c-t2", "title");
  g_assert_cmpstr (number, ==, "二镇案");
}

/* A case the district moves to another town leaves the first town's replica at its next sync
 * (its record stays, as evidence, hidden with it); an edit the town made meanwhile is kept and
 * shown as refused. */
static void
test_scope_exit (Fixture *f, gconstpointer data)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_auto(Run) sync = { 0 };
  JdSyncStatus status;

  login_and_sync (f, "a", "town1");
  login_and_sync (f, "d", "dist");
  store = open_client (f, "a");
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_RECORDS, NULL), ==, 1);
  g_clear_object (&store);

  edit_case (f, "d", "c-t1", "agency_id", "t2");
  edit_case (f, "d", "c-t1a", "agency_id", "t2");
  g_assert_cmpint (sync_status (f, "d"), ==, 0);

  /* a edited c-t1a offline: the server refuses the edit, and a keeps it to see. */
  edit_case (f, "a", "c-t1a", "title", "一镇还在改");
  sync = cli (f, "a", NULL, "sync", NULL);
  g_assert_cmpint (sync.status, ==, 1);
  g_assert_nonnull (strstr (sync.out, "Rows moved out of your scope on the server: 1"));

  title = case_member (f, "a", "c-t1", "title");
  g_assert_cmpstr (title, ==, "(deleted)");
  g_free (title);
  title = case_member (f, "a", "c-t1a", "title");
  g_assert_cmpstr (title, ==, "一镇还在改");
  store = open_client (f, "a");
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 1);
  rejections = jd_store_sync_list_rejections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejections->len, ==, 1);
  g_assert_cmpstr (((JdSyncRejection *) rejections->pdata[0])->row_id, ==, "c-t1a");
  g_assert_cmpstr (((JdSyncRejection *) rejections->pdata[0])->code, ==, "out_of_scope");
  g_clear_object (&store);
  status = client_status (f, "a");
  g_assert_cmpint (status.pending, ==, 0);
  g_assert_cmpint (status.conflicts, ==, 0);
  jd_sync_status_clear (&status);

  /* The other town's officer now has both, unchanged by a's refused edit. */
  login_and_sync (f, "o", "off2");
  g_free (title);
  title = case_member (f, "o", "c-t1a", "title");
  g_assert_cmpstr (title, ==, "执法队案");
  store = open_client (f, "o");
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 3);
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_RECORDS, NULL), ==, 1);
}

static void
test_bad_credentials_and_revoked_token (Fixture *f, gconstpointer data)
{
  g_auto(Run) wrong = cli (f, "a", "not the password", "login", "--server", f->url, "--user",
                           "town1", NULL);
  g_auto(Run) unreachable = { 0 };
  g_auto(Run) sync = { 0 };
  g_auto(Run) logout = { 0 };
  g_auto(Run) again = { 0 };
  g_auto(Run) nobody = { 0 };

  g_assert_cmpint (wrong.status, ==, 2);
  g_assert_nonnull (strstr (wrong.err, "password"));

  nobody = cli (f, "z", PASSWORD, "login", "--server", "http://127.0.0.1:1/", "--user", "town1",
                NULL);
  g_assert_cmpint (nobody.status, ==, 2);
  g_assert_nonnull (strstr (nobody.err, "Cannot reach"));

  /* b logs in as the same user and copies a's token to itself: once a logs out, the server
   * refuses that token everywhere. */
  login_and_sync (f, "a", "town1");
  login_and_sync (f, "b", "town1");
  {
    g_autofree char *from = client_path (f, "a", "config/jiandu/tokens.json");
    g_autofree char *to = client_path (f, "b", "config/jiandu/tokens.json");
    g_autofree char *contents = NULL;

    g_assert_true (g_file_get_contents (from, &contents, NULL, NULL));
    g_assert_true (g_file_set_contents (to, contents, -1, NULL));
  }
  logout = cli (f, "a", NULL, "logout", NULL);
  g_assert_cmpint (logout.status, ==, 0);
  sync = cli (f, "b", NULL, "sync", NULL);
  g_assert_cmpint (sync.status, ==, 2);
  g_assert_nonnull (strstr (sync.err, "Log in again"));

  /* a forgot its token. */
  again = cli (f, "a", NULL, "sync", NULL);
  g_assert_cmpint (again.status, ==, 2);
  g_assert_nonnull (strstr (again.err, "not logged in"));

  /* An admin manages accounts and syncs no rows. */
  {
    g_auto(Run) admin = cli (f, "r", PASSWORD, "login", "--server", f->url, "--user", "root",
                             NULL);
    g_auto(Run) admin_sync = { 0 };

    g_assert_cmpint (admin.status, ==, 0);
    admin_sync = cli (f, "r", NULL, "sync", NULL);
    g_assert_cmpint (admin_sync.status, ==, 2);
    g_assert_nonnull (strstr (admin_sync.err, "admin"));
  }

  /* A server gone away is a clear error too, after the retries. */
  server_kill (f);
  unreachable = cli (f, "b", NULL, "status", NULL);
  g_assert_cmpint (unreachable.status, ==, 0);
  run_clear (&unreachable);
  unreachable = cli (f, "b", NULL, "sync", NULL);
  g_assert_cmpint (unreachable.status, ==, 2);
  g_assert_nonnull (strstr (unreachable.err, "Cannot reach"));
}

/* No secret service: the token goes to a file only its owner can read, and login says so. */
static void
test_token_file (Fixture *f, gconstpointer data)
{
  g_autofree char *tokens = client_path (f, "a", "config/jiandu/tokens.json");
  g_autofree char *dir = client_path (f, "a", "config/jiandu");
  g_auto(Run) login = cli (f, "a", PASSWORD, "login", "--server", f->url, "--user", "town1",
                           NULL);
  g_auto(Run) sync = { 0 };
  g_auto(Run) logout = { 0 };
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) json = NULL;
  GStatBuf st;

  g_assert_cmpint (login.status, ==, 0);
  g_assert_nonnull (strstr (login.err, "warning: no keyring answers on this machine"));
  g_assert_nonnull (strstr (login.err, tokens));
  g_assert_nonnull (strstr (login.err, "readable by you only"));
  g_assert_cmpint (g_stat (tokens, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);
  g_assert_true (g_file_get_contents (tokens, &contents, NULL, NULL));
  json = json_from_string (contents, NULL);
  {
    g_autofree char *key = g_strdup_printf ("town1@%s", f->url);

    g_assert_cmpuint (strlen (json_object_get_string_member (json_node_get_object (json), key)),
                      ==, 43);
  }

  sync = cli (f, "a", NULL, "sync", NULL);
  g_assert_cmpint (sync.status, ==, 0);
  logout = cli (f, "a", NULL, "logout", NULL);
  g_assert_cmpint (logout.status, ==, 0);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (tokens, &contents, NULL, NULL));
  g_assert_null (strstr (contents, "town1@"));
  g_assert_cmpint (g_stat (tokens, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

/* A secret service on a bus of the test's own (gnome-keyring, its login keyring made and unlocked
 * with a password in a temporary home): the token goes there, no file, no warning. */
static void
test_token_keyring (Fixture *f, gconstpointer data)
{
  g_autofree char *daemon = g_find_program_in_path ("gnome-keyring-daemon");
  g_autofree char *dbus_daemon = g_find_program_in_path ("dbus-daemon");
  g_autoptr(GSubprocess) bus = NULL;
  g_autoptr(GDataInputStream) bus_out = NULL;
  g_autofree char *address = NULL;
  g_autofree char *tokens = client_path (f, "a", "config/jiandu/tokens.json");
  g_autofree char *home = g_build_filename (f->dir, "keyring-home", NULL);
  g_autofree char *runtime = g_build_filename (f->dir, "keyring-run", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) unlock = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Run) login = { 0 };
  g_auto(Run) sync = { 0 };
  g_auto(Run) logout = { 0 };
  g_auto(Run) after = { 0 };

  if (daemon == NULL || dbus_daemon == NULL)
    {
      g_test_skip ("gnome-keyring-daemon or dbus-daemon is not installed (Debian packages "
                   "gnome-keyring, dbus)");
      return;
    }

  /* A session bus of this test's own, so that no keyring of the machine is touched. */
  bus = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                          &error, dbus_daemon, "--session", "--nofork", "--print-address", NULL);
  g_assert_no_error (error);
  bus_out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (bus));
  address = g_data_input_stream_read_line_utf8 (bus_out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (address);
  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (runtime, 0700), ==, 0);
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                        G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", runtime, TRUE);
  g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS", address, TRUE);
  unlock = g_subprocess_launcher_spawn (launcher, &error, daemon, "--unlock",
                                        "--components=secrets", NULL);
  g_assert_no_error (error);
  /* An empty password, then end of input: the daemon goes to the background and owns the
   * secret service name on the bus. */
  {
    g_autoptr(GBytes) password = g_bytes_new_static ("jiandu-test", strlen ("jiandu-test"));

    g_subprocess_communicate (unlock, password, NULL, NULL, NULL, &error);
  }
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (unlock), ==, 0);

  /* The daemon takes the name a moment after it went to the background. */
  {
    g_autoptr(GDBusConnection) connection =
      g_dbus_connection_new_for_address_sync (address,
                                              G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                              G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                              NULL, NULL, &error);
    gboolean owned = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < 200 && !owned; i++)
      {
        g_autoptr(GVariant) reply =
          g_dbus_connection_call_sync (connection, "org.freedesktop.DBus",
                                       "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                       "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       &error);

        g_assert_no_error (error);
        g_variant_get (reply, "(b)", &owned);
        if (!owned)
          g_usleep (50 * 1000);
      }
    g_assert_true (owned);
  }

  keyring_bus = address;
  login = cli (f, "a", PASSWORD, "login", "--server", f->url, "--user", "town1", NULL);
  g_assert_cmpint (login.status, ==, 0);
  g_assert_null (strstr (login.err, "warning"));
  g_assert_false (g_file_test (tokens, G_FILE_TEST_EXISTS));

  sync = cli (f, "a", NULL, "sync", NULL);
  g_assert_cmpint (sync.status, ==, 0);
  logout = cli (f, "a", NULL, "logout", NULL);
  g_assert_cmpint (logout.status, ==, 0);
  after = cli (f, "a", NULL, "sync", NULL);
  g_assert_cmpint (after.status, ==, 2);
  g_assert_nonnull (strstr (after.err, "not logged in"));
  keyring_bus = NULL;

  /* The keyring daemon leaves with its bus. */
  g_subprocess_force_exit (bus);
  g_subprocess_wait (bus, NULL, NULL);
}

/* A push the server refuses as a whole because of one mutation: that one is recorded as
 * refused, the others go. The stored mutation is spoiled by hand, as no edit can make one. */
static void
test_refused_mutation (Fixture *f, gconstpointer data)
{
  g_autofree char *db = client_path (f, "a", "client.db");
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GPtrArray) rejections = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  JdSyncRejection *rejection;
  sqlite3 *raw;

  login_and_sync (f, "a", "town1");
  edit_case (f, "a", "c-t1", "title", "发不出去");
  edit_case (f, "a", "c-t1a", "title", "发得出去");
  store = open_client (f, "a");
  batch = jd_store_sync_next_batch (store, 500, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (batch), ==, 2);
  g_clear_object (&store);
  raw = jd_test_raw_open (db);
  jd_test_raw_exec (raw, "UPDATE outbox SET mutation = json_remove (mutation, '$.op') "
                         "WHERE row_id = 'c-t1'");
  sqlite3_close (raw);

  g_assert_cmpint (sync_status (f, "a"), ==, 1);
  store = open_client (f, "a");
  rejections = jd_store_sync_list_rejections (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rejections->len, ==, 1);
  rejection = rejections->pdata[0];
  g_assert_cmpstr (rejection->row_id, ==, "c-t1");
  g_assert_cmpstr (rejection->code, ==, "invalid");
  g_assert_nonnull (strstr (rejection->message, "mutations[0]"));
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 0);

  login_and_sync (f, "b", "town1");
  title = case_member (f, "b", "c-t1a", "title");
  g_assert_cmpstr (title, ==, "发得出去");
  g_free (title);
  title = case_member (f, "b", "c-t1", "title");
  g_assert_cmpstr (title, ==, "一镇案");
}

/* The engine's API itself: login, progress, cancellation between requests, retries. */

static void
async_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static JdSyncClient *
api_login (Fixture    *f,
           JdStore    *store,
           const char *user)
{
  g_autoptr(JdSyncClient) client = jd_sync_client_new (f->url);
  g_autoptr(JdSyncAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = g_build_filename (f->dir, "api-data", NULL);

  jd_sync_client_login_async (client, user, PASSWORD, NULL, async_cb, &result);
  account = jd_sync_client_login_finish (client, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (account->user, ==, user);
  g_assert_cmpstr (account->role, ==, "town");
  g_assert_cmpuint (strlen (account->token), ==, 43);
  jd_sync_client_set_token (client, account->token);
  jd_sync_client_set_data_dir (client, data_dir);
  jd_sync_client_set_retry (client, 2, 10);
  jd_store_sync_set_account (store, f->url, user, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&client);
}

static void
cancel_after_first_batch_cb (JdSyncClient *client,
                             gint64        done,
                             gint64        total,
                             gpointer      user_data)
{
  g_test_message ("progress %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT, done, total);
  g_assert_cmpint (done, <=, total);
  if (done >= 500)
    g_cancellable_cancel (user_data);
}

static void
test_api_cancel_and_progress (Fixture *f, gconstpointer data)
{
  g_autofree char *path = client_path (f, "api", "client.db");
  g_autofree char *json = many_cases (1200);
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  JdSyncResult stats = { 0 };
  gulong handler;

  store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  client = api_login (f, store, "town1");
  jd_sync_client_sync_async (client, store, NULL, async_cb, &result);
  g_assert_true (jd_sync_client_sync_finish (client, wait_result (&result), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.data_files, ==, 1);
  g_clear_object (&result);

  /* Cancelled once the first batch is answered: that batch stays committed, the rest waits. */
  g_clear_object (&store);
  import_into (f, "api", json);
  store = open_client (f, "api");
  handler = g_signal_connect (client, "progress", G_CALLBACK (cancel_after_first_batch_cb),
                              cancellable);
  jd_sync_client_sync_async (client, store, cancellable, async_cb, &result);
  g_assert_false (jd_sync_client_sync_finish (client, wait_result (&result), &stats, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpuint (stats.push.applied, ==, 500);
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 700);
  g_signal_handler_disconnect (client, handler);

  jd_sync_client_sync_async (client, store, NULL, async_cb, &again);
  g_assert_true (jd_sync_client_sync_finish (client, wait_result (&again), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.push.applied, ==, 700);
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 0);
  /* The calendar fetched by the first run has not changed: it is not fetched again. */
  g_assert_cmpuint (stats.data_files, ==, 0);
}

static gboolean
restart_cb (gpointer user_data)
{
  server_start (user_data);
  return G_SOURCE_REMOVE;
}

static void
test_api_retry (Fixture *f, gconstpointer data)
{
  g_autofree char *path = client_path (f, "api", "client.db");
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  client = api_login (f, store, "town1");

  /* Two quick attempts against a dead server: a network error, soon. */
  server_kill (f);
  start = g_get_monotonic_time ();
  jd_sync_client_sync_async (client, store, NULL, async_cb, &result);
  g_assert_false (jd_sync_client_sync_finish (client, wait_result (&result), NULL, &error));
  g_assert_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_NETWORK);
  g_clear_error (&error);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);

  /* With room for more attempts, the backoff outlasts a server that comes back. */
  jd_sync_client_set_retry (client, 8, 100);
  g_timeout_add (300, restart_cb, f);
  jd_sync_client_sync_async (client, store, NULL, async_cb, &again);
  g_assert_true (jd_sync_client_sync_finish (client, wait_result (&again), NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 2);
}

/* A proxy in front of the real server, in this process, that fails requests as told: a 5xx
 * without asking the server, or one after the server has answered (the answer lost on the
 * way), and passes the others on. It notes when each request came. */

typedef enum
{
  PROXY_FORWARD,
  PROXY_FAIL,            /* 503, the server never sees the request */
  PROXY_FORWARD_FAIL,    /* the server handles it, the client gets 500 */
} ProxyAction;

typedef struct
{
  SoupServer  *server;
  SoupSession *session;
  char        *target;    /* the real server, http://127.0.0.1:PORT/ */
  char        *url;       /* the proxy's */
  ProxyAction  script[8]; /* for the first requests, in order; then @then */
  guint        script_len;
  ProxyAction  then;
  GArray      *times;     /* gint64 µs, one per request */
  GPtrArray   *paths;
} Proxy;

typedef struct
{
  Proxy             *proxy;
  SoupServerMessage *msg;
  SoupMessage       *forwarded;
  ProxyAction        action;
} Forward;

static void
proxy_reply (SoupServerMessage *msg,
             guint              status,
             const char        *body,
             gsize              length)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, body, length);
}

static void
proxy_forwarded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Forward *forward = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                              &error);
  static const char lost[] = "{\"error\":{\"code\":\"internal\",\"message\":\"answer lost\"}}";

  g_assert_no_error (error);
  if (forward->action == PROXY_FORWARD_FAIL)
    proxy_reply (forward->msg, 500, lost, strlen (lost));
  else
    proxy_reply (forward->msg, soup_message_get_status (forward->forwarded),
                 g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  soup_server_message_unpause (forward->msg);
  g_object_unref (forward->msg);
  g_object_unref (forward->forwarded);
  g_free (forward);
}

static void
proxy_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  Proxy *proxy = user_data;
  GUri *uri = soup_server_message_get_uri (msg);
  guint n = proxy->times->len;
  ProxyAction action = n < proxy->script_len ? proxy->script[n] : proxy->then;
  gint64 now = g_get_monotonic_time ();
  static const char busy[] = "{\"error\":{\"code\":\"internal\",\"message\":\"busy\"}}";
  g_autofree char *target = NULL;
  SoupMessageHeaders *in = soup_server_message_get_request_headers (msg);
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  Forward *forward;

  g_array_append_val (proxy->times, now);
  g_ptr_array_add (proxy->paths, g_strdup (path));
  g_test_message ("proxy: %s %s: %s", soup_server_message_get_method (msg), path,
                  action == PROXY_FAIL ? "503" : action == PROXY_FORWARD_FAIL ? "server, then 500"
                                                                              : "server");
  if (action == PROXY_FAIL)
    {
      proxy_reply (msg, 503, busy, strlen (busy));
      return;
    }

  target = g_strconcat (proxy->target, path + 1, g_uri_get_query (uri) != NULL ? "?" : "",
                        g_uri_get_query (uri) != NULL ? g_uri_get_query (uri) : "", NULL);
  forward = g_new0 (Forward, 1);
  forward->proxy = proxy;
  forward->msg = g_object_ref (msg);
  forward->action = action;
  forward->forwarded = soup_message_new (soup_server_message_get_method (msg), target);
  for (guint i = 0; i < 2; i++)
    {
      const char *name = i == 0 ? "Jiandu-Protocol" : "Authorization";
      const char *value = soup_message_headers_get_one (in, name);

      if (value != NULL)
        soup_message_headers_append (soup_message_get_request_headers (forward->forwarded), name,
                                     value);
    }
  if (body->length > 0)
    {
      g_autoptr(GBytes) bytes = soup_message_body_flatten (body);

      soup_message_set_request_body_from_bytes (forward->forwarded, "application/json", bytes);
    }
  soup_server_message_pause (msg);
  soup_session_send_and_read_async (proxy->session, forward->forwarded, G_PRIORITY_DEFAULT, NULL,
                                    proxy_forwarded_cb, forward);
}

static void
proxy_start (Proxy      *proxy,
             const char *target)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  proxy->server = soup_server_new (NULL, NULL);
  proxy->session = soup_session_new ();
  proxy->target = g_strdup (target);
  proxy->times = g_array_new (FALSE, FALSE, sizeof (gint64));
  proxy->paths = g_ptr_array_new_with_free_func (g_free);
  soup_server_add_handler (proxy->server, "/", proxy_cb, proxy, NULL);
  soup_server_listen_local (proxy->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (proxy->server);
  proxy->url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
proxy_stop (Proxy *proxy)
{
  soup_server_disconnect (proxy->server);
  g_clear_object (&proxy->server);
  g_clear_object (&proxy->session);
  g_clear_pointer (&proxy->times, g_array_unref);
  g_clear_pointer (&proxy->paths, g_ptr_array_unref);
  g_free (proxy->target);
  g_free (proxy->url);
}

/* The wait before request @i (from 1) was at least @ms: the backoff is not cut short. */
static void
assert_waited (Proxy *proxy,
               guint  i,
               guint  ms)
{
  gint64 waited = g_array_index (proxy->times, gint64, i) -
                  g_array_index (proxy->times, gint64, i - 1);

  g_test_message ("request %u came %" G_GINT64_FORMAT " ms after the one before", i,
                  waited / 1000);
  g_assert_cmpint (waited, >=, (gint64) ms * 1000);
}

static JdSyncClient *
proxied_client (Fixture    *f,
                Proxy      *proxy,
                const char *client_name,
                JdStore    *store)
{
  g_autoptr(JdSyncClient) direct = api_login (f, store, "town1");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data_dir = client_path (f, client_name, "data");
  JdSyncClient *client;
  g_autoptr(JdSyncAccount) account = NULL;

  /* The first sync straight to the server, then a fresh token for the proxied client. */
  jd_sync_client_sync_async (direct, store, NULL, async_cb, &result);
  g_assert_true (jd_sync_client_sync_finish (direct, wait_result (&result), NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  jd_sync_client_login_async (direct, "town1", PASSWORD, NULL, async_cb, &result);
  account = jd_sync_client_login_finish (direct, wait_result (&result), &error);
  g_assert_no_error (error);

  client = jd_sync_client_new (proxy->url);
  jd_sync_client_set_token (client, account->token);
  jd_sync_client_set_data_dir (client, data_dir);
  return client;
}

/* Four offline edits: three new cases and a changed one. */
static void
offline_edits (Fixture    *f,
               const char *client_name)
{
  import_into (f, client_name,
               "{\"format\": \"jiandu/1\", \"cases\": ["
               "{\"id\": \"r-1\", \"agency_id\": \"t1\", \"title\": \"重试一\"},"
               "{\"id\": \"r-2\", \"agency_id\": \"t1\", \"title\": \"重试二\"},"
               "{\"id\": \"r-3\", \"agency_id\": \"t1a\", \"title\": \"重试三\"}]}");
  edit_case (f, client_name, "c-t1", "title", "重试中改的");
}

/* 5xx a few times, one of them after the server applied the push: the sync gets through, each
 * edit applied once, and the waits grow. */
static void
test_api_retry_5xx (Fixture *f, gconstpointer data)
{
  g_autofree char *path = client_path (f, "api", "client.db");
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  JdSyncResult stats = { 0 };
  Proxy proxy = { .script = { PROXY_FAIL, PROXY_FORWARD_FAIL, PROXY_FORWARD, PROXY_FAIL,
                              PROXY_FAIL },
                  .script_len = 5, .then = PROXY_FORWARD };

  store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  proxy_start (&proxy, f->url);
  client = proxied_client (f, &proxy, "api", store);
  g_clear_object (&store);
  offline_edits (f, "api");
  store = open_client (f, "api");
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 4);

  jd_sync_client_set_retry (client, 5, 50);
  jd_sync_client_sync_async (client, store, NULL, async_cb, &result);
  g_assert_true (jd_sync_client_sync_finish (client, wait_result (&result), &stats, &error));
  g_assert_no_error (error);

  /* push ×3 (503, applied but 500, the recorded answer), pull ×3 (503, 503, rows), data. */
  g_assert_cmpuint (proxy.times->len, >=, 7);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (proxy.paths->pdata[i], ==, "/api/v1/push");
  for (guint i = 3; i < 6; i++)
    g_assert_cmpstr (proxy.paths->pdata[i], ==, "/api/v1/pull");
  assert_waited (&proxy, 1, 50);
  assert_waited (&proxy, 2, 100);
  assert_waited (&proxy, 4, 50);
  assert_waited (&proxy, 5, 100);

  /* The replayed push answered as the first: all applied, none "exists", nothing left. */
  g_assert_cmpuint (stats.push.applied, ==, 4);
  g_assert_cmpuint (stats.push.rejected, ==, 0);
  g_assert_cmpuint (stats.push.conflicts, ==, 0);
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 0);
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, 5);

  /* Another replica gets each edit once. */
  login_and_sync (f, "b", "town1");
  {
    g_autoptr(JdStore) b = open_client (f, "b");

    g_assert_cmpint (jd_store_count (b, JD_COLLECTION_CASES, NULL), ==, 5);
  }
  title = case_member (f, "b", "c-t1", "title");
  g_assert_cmpstr (title, ==, "重试中改的");
  g_free (title);
  title = case_member (f, "b", "r-3", "title");
  g_assert_cmpstr (title, ==, "重试三");
  proxy_stop (&proxy);
}

/* A server that keeps failing: the client stops after its attempts, with a clear error, and the
 * outbox waits as it was; once the server is well the same edits go, once. */
static void
test_api_retry_gives_up (Fixture *f, gconstpointer data)
{
  g_autofree char *path = client_path (f, "api", "client.db");
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) again = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(JdSyncStatus) before = { 0 };
  g_auto(JdSyncStatus) after = { 0 };
  JdSyncResult stats = { 0 };
  Proxy proxy = { .script_len = 0, .then = PROXY_FAIL };

  store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  proxy_start (&proxy, f->url);
  client = proxied_client (f, &proxy, "api", store);
  g_clear_object (&store);
  offline_edits (f, "api");
  store = open_client (f, "api");
  jd_store_sync_get_status (store, &before, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before.pending, ==, 4);

  jd_sync_client_set_retry (client, 4, 20);
  jd_sync_client_sync_async (client, store, NULL, async_cb, &result);
  g_assert_false (jd_sync_client_sync_finish (client, wait_result (&result), &stats, &error));
  g_assert_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_SERVER);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "HTTP 503"));
  g_assert_nonnull (strstr (error->message, "4 times"));
  g_clear_error (&error);
  g_assert_cmpuint (proxy.times->len, ==, 4);
  assert_waited (&proxy, 1, 20);
  assert_waited (&proxy, 2, 40);
  assert_waited (&proxy, 3, 80);

  jd_store_sync_get_status (store, &after, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after.pending, ==, before.pending);
  g_assert_cmpint (after.cursor, ==, before.cursor);
  g_assert_cmpint (after.rejected, ==, 0);
  g_assert_cmpint (after.conflicts, ==, 0);

  proxy.then = PROXY_FORWARD;
  jd_sync_client_sync_async (client, store, NULL, async_cb, &again);
  g_assert_true (jd_sync_client_sync_finish (client, wait_result (&again), &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.push.applied, ==, 4);
  g_assert_cmpuint (stats.push.rejected, ==, 0);
  g_assert_cmpint (jd_store_count_outbox (store, NULL), ==, 0);
  proxy_stop (&proxy);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/sync/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("login-pull-and-data", test_login_pull_and_data);
  ADD ("merge-and-conflict", test_merge_and_conflict);
  ADD ("deleted-vs-edited", test_deleted_vs_edited);
  ADD ("push-interrupted", test_push_interrupted);
  ADD ("pull-interrupted", test_pull_interrupted);
  ADD ("replayed-push", test_replayed_push);
  ADD ("scope", test_scope);
  ADD ("scope-exit", test_scope_exit);
  ADD ("bad-credentials-and-revoked-token", test_bad_credentials_and_revoked_token);
  ADD ("refused-mutation", test_refused_mutation);
  ADD ("token-file", test_token_file);
  ADD ("token-keyring", test_token_keyring);
  ADD ("api-cancel-and-progress", test_api_cancel_and_progress);
  ADD ("api-retry", test_api_retry);
  ADD ("api-retry-5xx", test_api_retry_5xx);
  ADD ("api-retry-gives-up", test_api_retry_gives_up);
#undef ADD

  return g_test_run ();
}
