#include <gio/gio.h>
#include <string.h>

#include "jd-sync-client.h"
#include "jd-test-util.h"

/* A server that misbehaves, on a real socket on 127.0.0.1: a 500, malformed JSON, a response cut
 * short, no answer at all. The client must report each clearly and lose nothing: the outbox and
 * the pull cursor stay as they were. */

typedef enum
{
  FAULT_500,
  FAULT_MALFORMED,
  FAULT_TRUNCATED,
  FAULT_SILENT,
  /* A good first pull page that says more follow, then the fault: the client has already asked
   * for the second page while it writes the first. */
  FAULT_SECOND_500,
  FAULT_SECOND_MALFORMED,
  FAULT_SECOND_CURSOR_TWICE,
} Fault;

#define PULL_ROW(id, rev)                                                                          \
  "{\"collection\": \"agencies\", \"id\": \"" id "\", \"rev\": " #rev ", "                      \
  "\"deleted\": false, \"modified\": \"2025-07-01T10:00:00+08:00\", "                              \
  "\"fields\": {\"id\": \"" id "\", \"name\": \"城管执法局\", \"kind\": \"department\"}}"
#define FIRST_PAGE "{\"changes\": [" PULL_ROW ("a1", 1) "], \"cursor\": 1, \"more\": true, " \
                   "\"remaining\": 1}"
/* Read ahead, the cursor is the first one named; parsed, the last. */
#define CURSOR_TWICE_PAGE "{\"cursor\": 2, \"changes\": [" PULL_ROW ("a2", 2) "], " \
                          "\"more\": false, \"remaining\": 0, \"cursor\": 7}"

typedef struct
{
  GSocketService *service;
  guint16         port;
  Fault           fault;
  gint            requests;
} FaultServer;

/* Reads a request's head and body, as far as its Content-Length says. */
static void
read_request (GInputStream *in)
{
  g_autoptr(GString) head = g_string_new (NULL);
  char c;
  gsize length = 0;
  const char *header;

  while (g_input_stream_read (in, &c, 1, NULL, NULL) == 1)
    {
      g_string_append_c (head, c);
      if (g_str_has_suffix (head->str, "\r\n\r\n"))
        break;
    }
  header = strstr (head->str, "Content-Length: ");
  if (header == NULL)
    header = strstr (head->str, "content-length: ");
  if (header != NULL)
    length = strtoul (header + strlen ("Content-Length: "), NULL, 10);
  while (length > 0)
    {
      char buf[4096];
      gssize n = g_input_stream_read (in, buf, MIN (length, sizeof buf), NULL, NULL);

      if (n <= 0)
        break;
      length -= n;
    }
}

static gboolean
run_cb (GThreadedSocketService *service,
        GSocketConnection      *connection,
        GObject                *source,
        gpointer                user_data)
{
  FaultServer *server = user_data;
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  const char *response = NULL;
  g_autofree char *page = NULL;
  Fault fault = server->fault;

  read_request (g_io_stream_get_input_stream (G_IO_STREAM (connection)));
  if (g_atomic_int_add (&server->requests, 1) == 0 && fault >= FAULT_SECOND_500)
    {
      page = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                              "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                              strlen (FIRST_PAGE), FIRST_PAGE);
      fault = -1;
    }
  else if (fault == FAULT_SECOND_CURSOR_TWICE)
    page = g_strdup_printf ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            "Content-Length: %zu\r\nConnection: close\r\n\r\n%s",
                            strlen (CURSOR_TWICE_PAGE), CURSOR_TWICE_PAGE);
  else if (fault == FAULT_SECOND_500)
    fault = FAULT_500;
  else if (fault == FAULT_SECOND_MALFORMED)
    fault = FAULT_MALFORMED;
  if (page != NULL)
    fault = -1;

  switch ((int) fault)
    {
    case -1:
      response = page;
      break;
    case FAULT_500:
      response = "HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                 "Content-Length: 60\r\nConnection: close\r\n\r\n"
                 "{\"error\": {\"code\": \"internal\", \"message\": \"disk on fire\"}}";
      break;
    case FAULT_MALFORMED:
      response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 18\r\n"
                 "Connection: close\r\n\r\n{\"results\": [ {,,";
      break;
    case FAULT_TRUNCATED:
      /* Promises 4000 bytes, sends a few, hangs up. */
      response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 4000\r\n"
                 "Connection: close\r\n\r\n{\"results\": [{\"mutation_id\": \"";
      break;
    case FAULT_SILENT:
    default:
      {
        char buf[256];

        /* Say nothing until the client gives up and hangs up. */
        while (g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)),
                                    buf, sizeof buf, NULL, NULL) > 0)
          ;
        return TRUE;
      }
    }
  g_output_stream_write_all (out, response, strlen (response), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static void
fault_server_start (FaultServer *server,
                    Fault        fault)
{
  g_autoptr(GError) error = NULL;

  server->fault = fault;
  server->requests = 0;
  server->service = g_threaded_socket_service_new (4);
  server->port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (server->service), NULL,
                                                      &error);
  g_assert_no_error (error);
  g_signal_connect (server->service, "run", G_CALLBACK (run_cb), server);
  g_socket_service_start (server->service);
}

static void
fault_server_stop (FaultServer *server)
{
  g_socket_service_stop (server->service);
  g_socket_listener_close (G_SOCKET_LISTENER (server->service));
  g_clear_object (&server->service);
}

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

typedef struct
{
  Fault       fault;
  gboolean    pending;   /* with an edit to push, else the sync starts by pulling */
  int         code;
  int         or_code;   /* a cut answer is a network error or, read as far as it goes, a
                          * protocol one: either is clear, neither loses anything */
  gint64      kept;      /* the cursor of the pages written before the fault */
} Case;

static void
test_fault (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "client.db", NULL);
  g_autofree char *url = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_auto(JdSyncStatus) before = { 0 };
  g_auto(JdSyncStatus) after = { 0 };
  JdSyncResult stats = { 0 };
  FaultServer server = { 0 };
  gint64 n_agencies;

  g_assert_no_error (error);
  if (c->pending)
    {
      g_autoptr(JdDocument) document = jd_test_read_data ("full.json");

      jd_store_import (store, document, NULL, &error);
      g_assert_no_error (error);
    }

  fault_server_start (&server, c->fault);
  url = g_strdup_printf ("http://127.0.0.1:%u/", server.port);
  jd_store_sync_set_account (store, url, "zhang", &error);
  g_assert_no_error (error);
  jd_store_sync_get_status (store, &before, &error);
  g_assert_no_error (error);
  g_assert_cmpint (before.pending > 0, ==, c->pending);
  n_agencies = jd_store_count (store, JD_COLLECTION_AGENCIES, NULL);

  client = jd_sync_client_new (url);
  jd_sync_client_set_token (client, "not-a-real-token");
  jd_sync_client_set_retry (client, 2, 10);
  jd_sync_client_sync_async (client, store, NULL, done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (jd_sync_client_sync_finish (client, result, &stats, &error));
  g_assert_true (error != NULL && error->domain == JD_SYNC_ERROR &&
                 (error->code == c->code || error->code == c->or_code));
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, !=, "");
  g_clear_error (&error);

  /* Nothing lost, nothing half-applied. */
  jd_store_sync_get_status (store, &after, &error);
  g_assert_no_error (error);
  g_assert_cmpint (after.pending, ==, before.pending);
  g_assert_cmpint (after.cursor, ==, before.cursor + c->kept);
  /* A page written before the fault is whole; the one at fault left nothing. */
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_AGENCIES, NULL), ==,
                   n_agencies + (c->kept > 0 ? 1 : 0));
  {
    g_autoptr(JdEntity) second = jd_store_get (store, JD_COLLECTION_AGENCIES, "a2", NULL);

    g_assert_null (second);
  }
  g_assert_cmpint (after.conflicts, ==, 0);
  g_assert_cmpint (after.rejected, ==, 0);
  {
    g_autoptr(GPtrArray) problems = jd_store_verify_audit (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (problems->len, ==, 0);
  }

  fault_server_stop (&server);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  jd_test_rm_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  static const Case cases[] = {
    { FAULT_500, TRUE, JD_SYNC_ERROR_SERVER, JD_SYNC_ERROR_SERVER },
    { FAULT_MALFORMED, TRUE, JD_SYNC_ERROR_PROTOCOL, JD_SYNC_ERROR_PROTOCOL },
    { FAULT_TRUNCATED, TRUE, JD_SYNC_ERROR_NETWORK, JD_SYNC_ERROR_PROTOCOL },
    { FAULT_SILENT, TRUE, JD_SYNC_ERROR_NETWORK, JD_SYNC_ERROR_NETWORK },
    { FAULT_500, FALSE, JD_SYNC_ERROR_SERVER, JD_SYNC_ERROR_SERVER },
    { FAULT_MALFORMED, FALSE, JD_SYNC_ERROR_PROTOCOL, JD_SYNC_ERROR_PROTOCOL },
    { FAULT_TRUNCATED, FALSE, JD_SYNC_ERROR_NETWORK, JD_SYNC_ERROR_PROTOCOL },
    { FAULT_SECOND_500, FALSE, JD_SYNC_ERROR_SERVER, JD_SYNC_ERROR_SERVER, 1 },
    { FAULT_SECOND_MALFORMED, FALSE, JD_SYNC_ERROR_PROTOCOL, JD_SYNC_ERROR_PROTOCOL, 1 },
    { FAULT_SECOND_CURSOR_TWICE, FALSE, JD_SYNC_ERROR_PROTOCOL, JD_SYNC_ERROR_PROTOCOL, 1 },
  };
  const char *names[] = { "500", "malformed", "truncated", "silent", "second-page-500",
                          "second-page-malformed", "second-page-cursor-twice" };

  /* A server that never answers is given up on after a second. */
  g_setenv ("JIANDU_SYNC_TIMEOUT", "1", TRUE);
  g_test_init (&argc, &argv, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/sync-faults/%s/%s",
                                               cases[i].pending ? "push" : "pull",
                                               names[cases[i].fault]);

      g_test_add_data_func (name, &cases[i], test_fault);
    }
  return g_test_run ();
}
