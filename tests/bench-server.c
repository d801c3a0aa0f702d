#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "jd-test-util.h"

/* Load on a real jiandu-server: towns pushing cases in batches of 500, replays, and full pulls
 * by the district and by one town. `meson test -C build --benchmark --suite server-load`. */

#define PASSWORD "bench password"
#define TOWNS 10

static char *base;
static SoupSession *session;

static void
command (const char *input,
         const char *const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE
                               | G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static JsonNode *
call (const char *method,
      const char *path,
      const char *token,
      const char *body)
{
  g_autofree char *uri = g_strconcat (base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  soup_message_headers_append (soup_message_get_request_headers (msg), "Jiandu-Protocol", "1");
  if (token != NULL)
    {
      g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, strlen (body));
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  bytes = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                             (gssize) g_bytes_get_size (bytes), NULL));
  return json_node_ref (json_parser_get_root (parser));
}

static char *
login (const char *user)
{
  g_autofree char *body = g_strdup_printf ("{\"user\":\"%s\",\"password\":\"%s\"}", user,
                                           PASSWORD);
  g_autoptr(JsonNode) root = call ("POST", "login", NULL, body);

  return g_strdup (json_object_get_string_member (json_node_get_object (root), "token"));
}

static char *
batch (guint first,
       guint n)
{
  g_autoptr(GString) out = g_string_new ("{\"mutations\":[");

  for (guint i = first; i < first + n; i++)
    g_string_append_printf (out,
                            "%s{\"mutation_id\":\"m%u\",\"collection\":\"cases\",\"id\":\"c%07u\","
                            "\"op\":\"insert\",\"fields\":{\"id\":\"c%07u\",\"agency_id\":\"t%u\","
                            "\"title\":\"案件 %u\",\"facts\":\"当事人于某日在某地实施了违法行为，"
                            "执法人员现场检查并制作笔录，当事人对事实无异议。\"}}",
                            i == first ? "" : ",", i, i, i, i % TOWNS, i);
  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static guint
pull_everything (const char *token)
{
  gint64 cursor = 0;
  gboolean more = TRUE;
  guint rows = 0;

  while (more)
    {
      g_autofree char *path = g_strdup_printf ("pull?cursor=%" G_GINT64_FORMAT "&limit=1000",
                                               cursor);
      g_autoptr(JsonNode) root = call ("GET", path, token, NULL);
      JsonObject *object = json_node_get_object (root);

      rows += json_array_get_length (json_object_get_array_member (object, "changes"));
      cursor = json_object_get_int_member (object, "cursor");
      more = json_object_get_boolean_member (object, "more");
    }
  return rows;
}

int
main (int   argc,
      char *argv[])
{
  const char *server = g_getenv ("JIANDU_SERVER");
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *seed = g_build_filename (dir, "seed.json", NULL);
  g_autoptr(GString) agencies =
    g_string_new ("{\"format\":\"jiandu/1\",\"agencies\":["
                  "{\"id\":\"d\",\"name\":\"区\",\"kind\":\"government\"}");
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *district = NULL;
  g_autofree char *town = NULL;
  g_autofree char *last = NULL;
  guint n_cases = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 50000;
  gint64 start;
  double seconds;
  guint rows;

  g_assert_nonnull (server);
  for (guint t = 0; t < TOWNS; t++)
    g_string_append_printf (agencies, ",{\"id\":\"t%u\",\"name\":\"镇%u\",\"kind\":\"town\","
                            "\"parent_id\":\"d\"}", t, t);
  g_string_append (agencies, "]}");
  g_assert_true (g_file_set_contents (seed, agencies->str, -1, NULL));
  command (NULL, (const char *[]) { server, "--db", db, "import", seed, NULL });
  command (PASSWORD "\n", (const char *[]) { server, "--db", db, "user", "add", "dist",
                                             "--agency", "d", "--role", "district", NULL });
  command (PASSWORD "\n", (const char *[]) { server, "--db", db, "user", "add", "town",
                                             "--agency", "t3", "--role", "town", NULL });

  process = g_subprocess_newv ((const char *[]) { server, "--db", db, "--listen", "127.0.0.1:0",
                                                  NULL },
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                               &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_nonnull (line);
  base = g_strdup_printf ("%sapi/v1/", line + strlen ("listening on "));
  session = soup_session_new_with_options ("timeout", 600, NULL);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 10; i++)
    g_free (login ("dist"));
  g_print ("login: %.1f ms each (Argon2id)\n", (g_get_monotonic_time () - start) / 10000.0);
  district = login ("dist");
  town = login ("town");

  start = g_get_monotonic_time ();
  for (guint first = 0; first < n_cases; first += 500)
    {
      g_autofree char *body = batch (first, MIN (500, n_cases - first));
      g_autoptr(JsonNode) root = call ("POST", "push", district, body);

      g_assert_nonnull (root);
      g_clear_pointer (&last, g_free);
      last = g_steal_pointer (&body);
    }
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("push: %u cases in batches of 500: %.2f s, %.0f mutations/s\n", n_cases, seconds,
           n_cases / seconds);

  start = g_get_monotonic_time ();
  {
    g_autoptr(JsonNode) root = call ("POST", "push", district, last);

    g_assert_nonnull (root);
  }
  g_print ("replay of the last batch: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  start = g_get_monotonic_time ();
  rows = pull_everything (district);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("pull, district: %u rows in pages of 1000: %.2f s, %.0f rows/s\n", rows, seconds,
           rows / seconds);

  start = g_get_monotonic_time ();
  rows = pull_everything (town);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  g_print ("pull, one town of %d: %u rows: %.2f s\n", TOWNS, rows, seconds);

  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait (process, NULL, NULL);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
  g_clear_object (&session);
  g_free (base);
  jd_test_rm_dir (dir);
  return 0;
}
