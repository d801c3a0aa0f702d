#include <libsoup/soup.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "jd-test-util.h"

/* A real jiandu-server on loopback under many clients at once, each with its own SoupSession on
 * its own thread, signed in as its own user and pulling pages of 500 rows over and over (from
 * the start again when it has everything) for a bounded number of requests. Half the users are
 * district users, who see every row; the other half officers of the departments with the most
 * rows, who see theirs. The server is seeded with a sample district (`jiandu-cli sample`).
 *   meson test -C build --benchmark server-50-clients --verbose
 *   build/tests/bench-server-clients CASES CLIENTS REQUESTS_PER_CLIENT */

#define PASSWORD "bench password"
#define PAGE 500

static char *base;
static guint requests_per_client;

/* Clients wait for each other to be signed in, then go together. */
static GMutex lock;
static GMutex login_lock;
static GCond ready_cond;
static GCond start_cond;
static guint n_ready;
static gboolean started;

typedef struct
{
  char    *user;
  gboolean district;
  GArray  *latencies;   /* double, ms */
  guint    errors;
  guint64  bytes;
  guint    rows;
} Client;

static void
command (const char        *input,
         const char *const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                     G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                     G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_exit_status (process) != 0)
    g_error ("%s %s: %s", argv[0], argv[3], err);
}

static SoupMessage *
message (const char *method,
         const char *path,
         const char *token)
{
  g_autofree char *uri = g_strconcat (base, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  soup_message_headers_append (soup_message_get_request_headers (msg), "Jiandu-Protocol", "1");
  if (token != NULL)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);

      soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization",
                                   auth);
    }
  return msg;
}

static char *
login (SoupSession *session,
       const char  *user)
{
  g_autoptr(SoupMessage) msg = message ("POST", "login", NULL);
  g_autofree char *body = g_strdup_printf ("{\"user\":\"%s\",\"password\":\"%s\"}", user,
                                           PASSWORD);
  g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
  g_autoptr(GBytes) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  /* One at a time: the clock has not started, and 50 Argon2id checks at once only queue. */
  g_mutex_lock (&login_lock);
  reply = soup_session_send_and_read (session, msg, NULL, &error);
  g_mutex_unlock (&login_lock);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  root = json_from_string (g_bytes_get_data (reply, NULL), &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (json_node_get_object (root), "token"));
}

/* The page's end, `],"cursor":N,"more":B,"remaining":R}`: the rows before it are not parsed,
 * so that the clients' own work weighs little on the machine. */
static gboolean
page_end (GBytes  *reply,
          gint64  *cursor,
          gboolean *more,
          gint64  *remaining)
{
  gsize size;
  const char *data = g_bytes_get_data (reply, &size);
  g_autofree char *tail = NULL;
  const char *found;
  char more_text[6] = "";
  long long c = 0, r = 0;

  if (size < 2 || data[0] != '{' || data[size - 1] != '}')
    return FALSE;
  tail = g_strndup (data + (size > 200 ? size - 200 : 0), MIN (size, 200));
  found = g_strrstr (tail, "],\"cursor\":");
  if (found == NULL ||
      sscanf (found, "],\"cursor\":%lld,\"more\":%5[a-z],\"remaining\":%lld}", &c, more_text,
              &r) != 3)
    return FALSE;
  *cursor = c;
  *more = strcmp (more_text, "true") == 0;
  *remaining = r;
  return TRUE;
}

static gpointer
client_thread (gpointer data)
{
  Client *client = data;
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(SoupSession) session = NULL;
  g_autofree char *token = NULL;
  gint64 cursor = 0;

  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("timeout", 60, NULL);
  token = login (session, client->user);

  g_mutex_lock (&lock);
  n_ready++;
  g_cond_signal (&ready_cond);
  while (!started)
    g_cond_wait (&start_cond, &lock);
  g_mutex_unlock (&lock);

  for (guint i = 0; i < requests_per_client; i++)
    {
      g_autofree char *path = g_strdup_printf ("pull?cursor=%" G_GINT64_FORMAT "&limit=%d",
                                               cursor, PAGE);
      g_autoptr(SoupMessage) msg = message ("GET", path, token);
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      gint64 next = 0, remaining = 0;
      gboolean more = FALSE;
      double ms;

      reply = soup_session_send_and_read (session, msg, NULL, &error);
      ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (client->latencies, ms);
      if (reply == NULL || soup_message_get_status (msg) != 200 ||
          !page_end (reply, &next, &more, &remaining))
        {
          if (client->errors++ == 0)
            g_printerr ("%s: request %u: %s (HTTP %u)\n", client->user, i,
                        error != NULL ? error->message : "bad answer",
                        soup_message_get_status (msg));
          cursor = 0;
          continue;
        }
      client->bytes += g_bytes_get_size (reply);
      cursor = more ? next : 0;
    }

  g_main_context_pop_thread_default (context);
  return NULL;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  guint i = (guint) (p * (sorted->len - 1) + 0.5);

  return g_array_index (sorted, double, MIN (i, sorted->len - 1));
}

static void
report (const char *what,
        GArray     *latencies,
        double      seconds)
{
  g_array_sort (latencies, compare_double);
  g_print ("%s: %u requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
           what, latencies->len, percentile (latencies, 0.50), percentile (latencies, 0.95),
           percentile (latencies, 0.99), percentile (latencies, 1.0));
  if (seconds > 0)
    g_print (", %.0f requests/s", latencies->len / seconds);
  g_print ("\n");
}

/* CPU seconds a process has used, user and system. */
static double
cpu_seconds (const char *pid)
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

/* The times the server logged for the pulls. */
static GArray *
server_times (const char *path)
{
  GArray *times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *found = strstr (lines[i], "GET /api/v1/pull 200 ");
      char user[32];
      double ms;

      if (found != NULL && sscanf (found, "GET /api/v1/pull 200 %31s %lf ms", user, &ms) == 2)
        g_array_append_val (times, ms);
    }
  return times;
}

/* The departments with the most rows, most first. */
static GPtrArray *
busiest_agencies (const char *path,
                  guint       n)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT agency_id FROM row_agencies "
                                           "GROUP BY agency_id ORDER BY count(*) DESC LIMIT ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int (stmt, 1, n);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (ids->len, >, 0);
  return ids;
}

int
main (int   argc,
      char *argv[])
{
  const char *cli = g_getenv ("JIANDU_CLI");
  const char *server = g_getenv ("JIANDU_SERVER");
  const char *n_cases = argc > 1 ? argv[1] : "20000";
  guint n_clients = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 50;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *gen = g_build_filename (dir, "source.db", NULL);
  g_autofree char *doc = g_build_filename (dir, "district.json", NULL);
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *log = g_build_filename (dir, "server.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) district = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) officers = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *line = NULL;
  g_autofree Client *clients = NULL;
  g_autofree GThread **threads = NULL;
  guint errors = 0;
  guint64 bytes = 0;
  gint64 start;
  double seconds, cpu;

  requests_per_client = argc > 3 ? (guint) g_ascii_strtoull (argv[3], NULL, 10) : 40;
  g_assert_nonnull (cli);
  g_assert_nonnull (server);
  g_assert_cmpuint (n_clients, >, 0);

  start = g_get_monotonic_time ();
  command (NULL, (const char *[]) { cli, "--db", gen, "sample", "--cases", n_cases, NULL });
  command (NULL, (const char *[]) { cli, "--db", gen, "export", "--out", doc, NULL });
  command (NULL, (const char *[]) { server, "--db", db, "import", doc, NULL });
  agencies = busiest_agencies (db, 5);
  clients = g_new0 (Client, n_clients);
  for (guint i = 0; i < n_clients; i++)
    {
      Client *client = &clients[i];

      client->user = g_strdup_printf ("u%02u", i);
      client->district = i % 2 == 0;
      client->latencies = g_array_new (FALSE, FALSE, sizeof (double));
      command (PASSWORD "\n",
               (const char *[]) { server, "--db", db, "user", "add", client->user, "--agency",
                                  agencies->pdata[(i / 2) % agencies->len], "--role",
                                  client->district ? "district" : "officer", NULL });
    }
  g_print ("seeding the server with %s cases and %u users: %.1f s\n", n_cases, n_clients,
           (g_get_monotonic_time () - start) / 1e6);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  process = g_subprocess_launcher_spawnv (launcher, (const char *[]) { server, "--db", db,
                                                                       "--listen", "127.0.0.1:0",
                                                                       NULL }, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_nonnull (line);
  base = g_strdup_printf ("%sapi/v1/", line + strlen ("listening on "));

  threads = g_new0 (GThread *, n_clients);
  for (guint i = 0; i < n_clients; i++)
    threads[i] = g_thread_new (clients[i].user, client_thread, &clients[i]);
  /* Sign-ins take a while (Argon2id): the clock starts when every client is ready. */
  g_mutex_lock (&lock);
  while (n_ready < n_clients)
    g_cond_wait (&ready_cond, &lock);
  cpu = cpu_seconds (g_subprocess_get_identifier (process));
  started = TRUE;
  start = g_get_monotonic_time ();
  g_cond_broadcast (&start_cond);
  g_mutex_unlock (&lock);
  for (guint i = 0; i < n_clients; i++)
    g_thread_join (threads[i]);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  cpu = cpu_seconds (g_subprocess_get_identifier (process)) - cpu;

  for (guint i = 0; i < n_clients; i++)
    {
      Client *client = &clients[i];

      g_array_append_vals (all, client->latencies->data, client->latencies->len);
      g_array_append_vals (client->district ? district : officers, client->latencies->data,
                           client->latencies->len);
      errors += client->errors;
      bytes += client->bytes;
    }
  g_print ("%u clients x %u pulls of %d rows, %.1f s, %.0f MB/s\n", n_clients,
           requests_per_client, PAGE, seconds, bytes / seconds / 1e6);
  report ("all", all, seconds);
  report ("district users (every row)", district, 0);
  report ("officers (their department's rows)", officers, 0);
  g_print ("errors: %u\n", errors);
  g_print ("server CPU: %.1f s in all, %.1f ms per pull\n", cpu, cpu * 1000 / all->len);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  report ("in the server (its log: from the request read to the answer sent)",
          server_times (log), 0);
  for (guint i = 0; i < n_clients; i++)
    {
      g_free (clients[i].user);
      g_array_unref (clients[i].latencies);
    }
  g_free (base);
  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  return errors == 0 ? 0 : 1;
}
