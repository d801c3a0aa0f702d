#include "jd-sync-client.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <stdlib.h>
#include <string.h>

#include "jd-json-span.h"

#define PROTOCOL_VERSION "1"
#define PUSH_BATCH 500
/* Rows asked for per pull page: a page is one transaction, and bigger ones cost the search index
 * fewer segments (100,000 cases pulled in 14.0 s with 5,000, 14.6 s with 2,000, 16.0 s with
 * 1,000). JIANDU_SYNC_PAGE sets a smaller page, for tests that cut a pull short. */
#define PULL_PAGE 5000
/* Rows still to pull from which the pull writes in bulk mode. */
#define BULK_PULL_ROWS 20000
/* Pages received and waiting for the parsing worker: the server makes pages faster than the
 * client writes them, so without a bound a first pull would hold the whole district in memory. */
#define PULL_AHEAD 2

G_DEFINE_QUARK (jd-sync-error-quark, jd_sync_error)

struct _JdSyncClient
{
  GObject      parent_instance;

  /* owned */
  SoupSession *session;
  char        *server;      /* ends with "/" */
  char        *token;
  char        *data_dir;
  guint        max_attempts;
  guint        base_delay_ms;
};

G_DEFINE_FINAL_TYPE (JdSyncClient, jd_sync_client, G_TYPE_OBJECT)

enum
{
  PROGRESS,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
jd_sync_account_free (JdSyncAccount *account)
{
  g_free (account->token);
  g_free (account->expires);
  g_free (account->user);
  g_free (account->agency_id);
  g_free (account->role);
  g_free (account);
}

/* One session for the process: it keeps the connections to the server alive between requests
 * and between the runs of a sync. */
static SoupSession *
shared_session (void)
{
  static SoupSession *session;

  if (g_once_init_enter (&session))
    {
      /* JIANDU_SYNC_TIMEOUT (seconds) lets tests meet a server that never answers. */
      const char *env = g_getenv ("JIANDU_SYNC_TIMEOUT");
      guint timeout = env != NULL && atoi (env) > 0 ? (guint) atoi (env) : 60;
      SoupSession *s = soup_session_new_with_options ("timeout", timeout,
                                                      "idle-timeout", timeout,
                                                      "user-agent", "jiandu/" PACKAGE_VERSION,
                                                      NULL);

      g_once_init_leave (&session, s);
    }

  return session;
}

static void
jd_sync_client_finalize (GObject *object)
{
  JdSyncClient *self = JD_SYNC_CLIENT (object);

  g_clear_object (&self->session);
  g_free (self->server);
  g_free (self->token);
  g_free (self->data_dir);

  G_OBJECT_CLASS (jd_sync_client_parent_class)->finalize (object);
}

static void
jd_sync_client_class_init (JdSyncClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_sync_client_finalize;

  /* (done, total): rows pushed and pulled so far, out of the outbox plus what the server says
   * remains. */
  signals[PROGRESS] = g_signal_new ("progress", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64,
                                    G_TYPE_INT64);
}

static void
jd_sync_client_init (JdSyncClient *self)
{
  self->session = g_object_ref (shared_session ());
  self->max_attempts = 5;
  self->base_delay_ms = 500;
  self->data_dir = g_build_filename (g_get_user_data_dir (), "jiandu", NULL);
}

JdSyncClient *
jd_sync_client_new (const char *server_url)
{
  JdSyncClient *self;

  g_return_val_if_fail (server_url != NULL, NULL);

  self = g_object_new (JD_TYPE_SYNC_CLIENT, NULL);
  self->server = g_str_has_suffix (server_url, "/") ? g_strdup (server_url)
                                                     : g_strconcat (server_url, "/", NULL);
  return self;
}

const char *
jd_sync_client_get_server (JdSyncClient *self)
{
  g_return_val_if_fail (JD_IS_SYNC_CLIENT (self), NULL);

  return self->server;
}

void
jd_sync_client_set_token (JdSyncClient *self,
                          const char   *token)
{
  g_return_if_fail (JD_IS_SYNC_CLIENT (self));

  g_free (self->token);
  self->token = g_strdup (token);
}

void
jd_sync_client_set_retry (JdSyncClient *self,
                          guint         max_attempts,
                          guint         base_delay_ms)
{
  g_return_if_fail (JD_IS_SYNC_CLIENT (self));

  self->max_attempts = MAX (max_attempts, 1);
  self->base_delay_ms = base_delay_ms;
}

void
jd_sync_client_set_data_dir (JdSyncClient *self,
                             const char   *dir)
{
  g_return_if_fail (JD_IS_SYNC_CLIENT (self));

  g_free (self->data_dir);
  self->data_dir = g_strdup (dir);
}

/* Requests: one GTask per request, tried again on network errors and 5xx. */

typedef struct
{
  char        *method;
  char        *uri;
  GBytes      *body;
  guint        attempt;
  SoupMessage *message;
} Request;

static void
request_free (Request *request)
{
  g_free (request->method);
  g_free (request->uri);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_clear_object (&request->message);
  g_free (request);
}

static void send_attempt (GTask *task);

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;

  if (!g_task_return_error_if_cancelled (task))
    send_attempt (task);
  g_object_unref (task);
  return G_SOURCE_REMOVE;
}

/* Returns FALSE when the attempts are used up. */
static gboolean
schedule_retry (GTask *task)
{
  JdSyncClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  guint delay;

  if (request->attempt >= self->max_attempts)
    return FALSE;

  delay = self->base_delay_ms << MIN (request->attempt - 1, 16);
  delay += g_random_int_range (0, delay / 2 + 1);
  g_timeout_add (delay, retry_cb, g_object_ref (task));
  return TRUE;
}

/* Maps a 4xx answer to an error, with the server's message. */
static void
return_refusal (GTask  *task,
                guint   status,
                GBytes *body)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *code = "";
  const char *message = "";
  gint64 retry_after = 0;
  JsonNode *root;
  int error_code;

  if (body != NULL &&
      json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                  NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *error = json_object_get_object_member (json_node_get_object (root), "error");

      if (error != NULL)
        {
          code = json_object_get_string_member_with_default (error, "code", "");
          message = json_object_get_string_member_with_default (error, "message", "");
        }
      /* The protocol puts it beside "error"; accept it inside too. */
      retry_after = json_object_get_int_member_with_default (json_node_get_object (root),
                                                             "retry_after", 0);
      if (retry_after == 0 && error != NULL)
        retry_after = json_object_get_int_member_with_default (error, "retry_after", 0);
    }

  if (status == 401 && strcmp (code, "bad_token") == 0)
    error_code = JD_SYNC_ERROR_BAD_TOKEN;
  else if (status == 401)
    error_code = JD_SYNC_ERROR_BAD_CREDENTIALS;
  else if (status == 403)
    error_code = JD_SYNC_ERROR_FORBIDDEN;
  else if (status == 429)
    error_code = JD_SYNC_ERROR_TOO_MANY_ATTEMPTS;
  else if (strcmp (code, "unsupported_protocol") == 0)
    error_code = JD_SYNC_ERROR_PROTOCOL;
  else
    error_code = JD_SYNC_ERROR_REFUSED;

  switch (error_code)
    {
    case JD_SYNC_ERROR_BAD_TOKEN:
      g_task_return_new_error (task, JD_SYNC_ERROR, error_code,
                               _("The server no longer accepts this sign-in (%s). Log in again "
                                 "with “jiandu-cli login”."),
                               message);
      break;
    case JD_SYNC_ERROR_BAD_CREDENTIALS:
      g_task_return_new_error (task, JD_SYNC_ERROR, error_code,
                               _("Wrong user name or password (or the account is disabled)."));
      break;
    case JD_SYNC_ERROR_TOO_MANY_ATTEMPTS:
      if (retry_after > 0)
        g_task_return_new_error (task, JD_SYNC_ERROR, error_code,
                                 _("Too many failed logins: wait %lld seconds and try again."),
                                 (long long) retry_after);
      else
        g_task_return_new_error (task, JD_SYNC_ERROR, error_code,
                                 _("Too many failed logins: wait a few minutes and try again."));
      break;
    case JD_SYNC_ERROR_FORBIDDEN:
      g_task_return_new_error (task, JD_SYNC_ERROR, error_code,
                               _("This account may not do that (%s). Accounts of the admin role "
                                 "manage users and do not sync data."),
                               message);
      break;
    case JD_SYNC_ERROR_PROTOCOL:
      g_task_return_new_error (task, JD_SYNC_ERROR, error_code,
                               _("The server speaks another version of the sync protocol. "
                                 "Update Jiandu or the server."));
      break;
    default:
      /* The bare server message: a push refused as a whole names the mutation in it. */
      g_task_return_new_error (task, JD_SYNC_ERROR, error_code, "%s: %s", code, message);
    }
}

static void
response_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JdSyncClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else if (!schedule_retry (task))
        g_task_return_new_error (task, JD_SYNC_ERROR, JD_SYNC_ERROR_NETWORK,
                                 _("Cannot reach the server %s: %s. Check the address and the "
                                   "network, then sync again."),
                                 self->server, error->message);
      return;
    }

  status = soup_message_get_status (request->message);
  if (status >= 500)
    {
      if (!schedule_retry (task))
        g_task_return_new_error (task, JD_SYNC_ERROR, JD_SYNC_ERROR_SERVER,
                                 _("The server %s failed (HTTP %u) %u times in a row. Try again "
                                   "later."),
                                 self->server, status, request->attempt);
      return;
    }

  if (status >= 400 || status < 200)
    {
      return_refusal (task, status, body);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&body), (GDestroyNotify) g_bytes_unref);
}

static void
send_attempt (GTask *task)
{
  JdSyncClient *self = g_task_get_source_object (task);
  Request *request = g_task_get_task_data (task);
  SoupMessageHeaders *headers;

  request->attempt++;
  g_clear_object (&request->message);
  request->message = soup_message_new (request->method, request->uri);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, JD_SYNC_ERROR, JD_SYNC_ERROR_NETWORK,
                               _("“%s” is not a server address (say http://host:port/)."),
                               self->server);
      return;
    }

  headers = soup_message_get_request_headers (request->message);
  soup_message_headers_append (headers, "Jiandu-Protocol", PROTOCOL_VERSION);
  if (self->token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", self->token, NULL);

      soup_message_headers_append (headers, "Authorization", bearer);
    }
  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (request->message, "application/json",
                                              request->body);

  soup_session_send_and_read_async (self->session, request->message, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), response_cb,
                                    g_object_ref (task));
}

static void
request_async (JdSyncClient        *self,
               const char          *method,
               const char          *path,
               JsonNode            *body,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Request *request = g_new0 (Request, 1);

  g_task_set_source_tag (task, request_async);
  request->method = g_strdup (method);
  request->uri = g_strconcat (self->server, "api/v1/", path, NULL);
  if (body != NULL)
    {
      char *text = json_to_string (body, FALSE);

      request->body = g_bytes_new_take (text, strlen (text));
    }
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  send_attempt (task);
}

static GBytes *
request_finish (GAsyncResult  *result,
                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static JsonObject *
parse_object (GBytes  *bytes,
              GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   g_bytes_get_size (bytes), NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
                   _("The server sent an answer that is not a JSON object."));
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/* Login and logout. */

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = request_finish (result, &error);
  g_autoptr(JsonObject) answer = NULL;
  JsonObject *user;
  JdSyncAccount *account;

  if (body == NULL || (answer = parse_object (body, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  user = json_object_get_object_member (answer, "user");
  if (json_object_get_string_member_with_default (answer, "token", NULL) == NULL || user == NULL)
    {
      g_task_return_new_error (task, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
                               _("The server's login answer has no token or user."));
      return;
    }

  account = g_new0 (JdSyncAccount, 1);
  account->token = g_strdup (json_object_get_string_member (answer, "token"));
  account->expires = g_strdup (json_object_get_string_member_with_default (answer, "expires",
                                                                           NULL));
  account->user = g_strdup (json_object_get_string_member_with_default (user, "name", NULL));
  account->agency_id = g_strdup (json_object_get_string_member_with_default (user, "agency_id",
                                                                             NULL));
  account->role = g_strdup (json_object_get_string_member_with_default (user, "role", NULL));
  g_task_return_pointer (task, account, (GDestroyNotify) jd_sync_account_free);
}

void
jd_sync_client_login_async (JdSyncClient        *self,
                            const char          *user,
                            const char          *password,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(JsonObject) body = json_object_new ();
  g_autoptr(JsonNode) node = NULL;

  g_return_if_fail (JD_IS_SYNC_CLIENT (self));

  g_task_set_source_tag (task, jd_sync_client_login_async);
  json_object_set_string_member (body, "user", user);
  json_object_set_string_member (body, "password", password);
  node = json_node_init_object (json_node_alloc (), body);
  request_async (self, "POST", "login", node, cancellable, login_cb, g_steal_pointer (&task));
}

JdSyncAccount *
jd_sync_client_login_finish (JdSyncClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
logout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = request_finish (result, &error);

  if (body == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
jd_sync_client_logout_async (JdSyncClient        *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_return_if_fail (JD_IS_SYNC_CLIENT (self));

  g_task_set_source_tag (task, jd_sync_client_logout_async);
  request_async (self, "POST", "logout", NULL, cancellable, logout_cb, g_steal_pointer (&task));
}

gboolean
jd_sync_client_logout_finish (JdSyncClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* The sync run: push, pull, data files (docs/sync-protocol.md, "Sync, as the client runs it"). */

/* A page of a pull: see pull_cb(). */
typedef struct
{
  GBytes     *body;
  gboolean    peeked;   /* cursor and more were read ahead from the text */
  gint64      cursor;
  gboolean    more;
  JdSyncPage *read;     /* what the worker read of the body */
} PullPage;

static void
pull_page_free (PullPage *page)
{
  g_bytes_unref (page->body);
  g_clear_pointer (&page->read, jd_sync_page_free);
  g_free (page);
}

typedef struct
{
  JdStore      *store;
  JsonArray    *batch;        /* the mutations of the push under way */
  GPtrArray    *files;        /* "calendar/2027.json" … still to fetch */
  char         *file;         /* the one being fetched */
  JdSyncResult  result;
  gint64        done;
  gint64        total;
  guint         batches_left;
  gboolean      bulk;         /* a long pull writes in jd_store_begin_bulk() mode */
  /* The pull pipeline: see pull_cb() */
  GQueue        pages;        /* PullPage received and not read yet, oldest first */
  gboolean      fetching;     /* a page is being asked for */
  gboolean      fetch_held;   /* the page after the newest is held back: see PULL_AHEAD */
  gint64        held_cursor;  /* its cursor */
  gboolean      parsing;      /* a page is being parsed */
  gboolean      ended;        /* the pull failed: what is under way is dropped */
} SyncRun;

static void
sync_run_free (SyncRun *run)
{
  if (run->bulk)
    jd_store_end_bulk (run->store);
  g_clear_object (&run->store);
  g_clear_pointer (&run->batch, json_array_unref);
  g_clear_pointer (&run->files, g_ptr_array_unref);
  g_queue_clear_full (&run->pages, (GDestroyNotify) pull_page_free);
  g_free (run->file);
  g_free (run);
}

static void push_next (GTask *task);
static void pull_next (GTask *task);
static void pull_fetch (GTask *task, gint64 cursor);
static void data_list (GTask *task);

static void
progress (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);

  g_signal_emit (g_task_get_source_object (task), signals[PROGRESS], 0, run->done,
                 MAX (run->total, run->done));
}

/* A push refused as a whole names the mutation at fault ("mutations[3].fields…"): that one is
 * recorded as rejected, and the others are sent again without it. Returns FALSE for any other
 * refusal. */
static gboolean
reject_named_mutation (SyncRun      *run,
                       const GError *refusal,
                       GError      **error)
{
  g_autoptr(JsonArray) results = NULL;
  JsonObject *result;
  const char *at;
  guint64 index;
  char *end;

  if (!g_error_matches (refusal, JD_SYNC_ERROR, JD_SYNC_ERROR_REFUSED) ||
      (at = strstr (refusal->message, "mutations[")) == NULL)
    return FALSE;

  index = g_ascii_strtoull (at + strlen ("mutations["), &end, 10);
  if (*end != ']' || index >= json_array_get_length (run->batch))
    return FALSE;

  results = json_array_new ();
  result = json_object_new ();
  json_object_set_string_member (
    result, "mutation_id",
    json_object_get_string_member (json_array_get_object_element (run->batch, index),
                                   "mutation_id"));
  json_object_set_string_member (result, "status", "rejected");
  json_object_set_string_member (result, "code", "invalid");
  json_object_set_string_member (result, "message", refusal->message);
  json_array_add_object_element (results, result);
  return jd_store_sync_commit_results (run->store, results, &run->result.push, error);
}

static void
push_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = request_finish (result, &error);
  g_autoptr(JsonObject) answer = NULL;
  JsonArray *results;

  if (body == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (reject_named_mutation (run, error, &local_error))
        push_next (g_steal_pointer (&task));
      else
        g_task_return_error (task, local_error != NULL ? g_steal_pointer (&local_error)
                                                       : g_steal_pointer (&error));
      return;
    }

  answer = parse_object (body, &error);
  results = answer != NULL ? json_object_get_array_member (answer, "results") : NULL;
  if (results == NULL)
    {
      g_task_return_new_error (task, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
                               _("The server's push answer has no results."));
      return;
    }

  if (!jd_store_sync_commit_results (run->store, results, &run->result.push, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  run->done += json_array_get_length (run->batch);
  progress (task);
  push_next (g_steal_pointer (&task));
}

static void
push_next (GTask *task)
{
  JdSyncClient *self = g_task_get_source_object (task);
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  g_clear_pointer (&run->batch, json_array_unref);
  /* Entries merged after a conflict are pushed again in the same run; the cap keeps a server
   * that never settles them from holding the run forever. */
  if (run->batches_left == 0)
    {
      pull_next (task);
      return;
    }
  run->batches_left--;

  run->batch = jd_store_sync_next_batch (run->store, PUSH_BATCH, &error);
  if (run->batch == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (json_array_get_length (run->batch) == 0)
    {
      pull_next (task);
      return;
    }

  body = json_object_new ();
  json_object_set_array_member (body, "mutations", json_array_ref (run->batch));
  node = json_node_init_object (json_node_alloc (), body);
  request_async (self, "POST", "push", node, g_task_get_cancellable (task), push_cb, task);
}

/* The pull is a pipeline: while this thread writes page N into the store, a worker reads page
 * N+1 (jd_sync_page_read()) and the server makes page N+2. The cursor of a page is peeked at in
 * its text as it arrives, so that the next request need not wait for the worker, whose reading
 * then confirms it. */

/* Reads "cursor" and "more" from the text of a page, without parsing the rows. */
static gboolean
peek_page (PullPage *page)
{
  gsize length;
  const char *text = g_bytes_get_data (page->body, &length);
  JdJsonSpan cursor, more;
  g_autofree char *number = NULL;
  guint64 value;

  if (text == NULL || !jd_json_member_span (text, length, "cursor", &cursor) ||
      !jd_json_member_span (text, length, "more", &more))
    return FALSE;

  number = g_strndup (text + cursor.offset, cursor.length);
  if (!g_ascii_string_to_unsigned (number, 10, 0, G_MAXINT64, &value, NULL))
    return FALSE;
  page->cursor = (gint64) value;

  if (more.length == 4 && memcmp (text + more.offset, "true", 4) == 0)
    page->more = TRUE;
  else if (more.length == 5 && memcmp (text + more.offset, "false", 5) == 0)
    page->more = FALSE;
  else
    return FALSE;

  return TRUE;
}

static void
pull_fail (GTask  *task,
           GError *error)
{
  SyncRun *run = g_task_get_task_data (task);

  if (run->ended)
    {
      g_error_free (error);
      return;
    }
  run->ended = TRUE;
  g_task_return_error (task, error);
}

static void parse_next (GTask *task);

/* Asks for the page held back, once the pages waiting for the worker are few enough. */
static void
fetch_held (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);

  if (!run->fetch_held || run->fetching || run->ended ||
      g_queue_get_length (&run->pages) >= PULL_AHEAD)
    return;
  run->fetch_held = FALSE;
  pull_fetch (task, run->held_cursor);
}

static void
pull_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  GError *error = NULL;
  GBytes *body = request_finish (result, &error);
  PullPage *page;

  run->fetching = FALSE;
  if (body == NULL)
    {
      pull_fail (task, error);
      return;
    }
  if (run->ended)
    {
      g_bytes_unref (body);
      return;
    }

  page = g_new0 (PullPage, 1);
  page->body = body;
  page->peeked = peek_page (page);
  if (page->peeked && page->more)
    {
      run->fetch_held = TRUE;
      run->held_cursor = page->cursor;
    }
  g_queue_push_tail (&run->pages, page);
  parse_next (task);
  fetch_held (task);
}

static void
parse_thread (GTask        *parse,
              gpointer      source,
              gpointer      data,
              GCancellable *cancellable)
{
  PullPage *page = data;
  GError *error = NULL;

  page->read = jd_sync_page_read (page->body, &error);
  if (page->read == NULL)
    g_task_return_error (parse, error);
  else
    g_task_return_boolean (parse, TRUE);
}

static void
parsed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SyncRun *run = g_task_get_task_data (task);
  PullPage *page = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gint64 cursor;
  gboolean more;

  run->parsing = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      pull_fail (task, error);
      return;
    }
  if (run->ended)
    return;
  if (g_task_return_error_if_cancelled (task))
    {
      run->ended = TRUE;
      return;
    }

  cursor = jd_sync_page_get_cursor (page->read);
  more = jd_sync_page_get_more (page->read);
  /* What was peeked at must be what the worker read. */
  if (page->peeked && (cursor != page->cursor || more != page->more))
    {
      pull_fail (task, g_error_new (JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
                                    _("The server's pull answer gives its cursor or “more” "
                                      "twice, with different values.")));
      return;
    }
  if (!page->peeked && more)
    pull_fetch (task, cursor);
  /* The worker reads the next page while this one is written. */
  parse_next (task);

  if (!jd_store_sync_apply_page (run->store, page->read, &run->result.pull, &error))
    {
      pull_fail (task, error);
      return;
    }

  run->done += jd_sync_page_get_n_rows (page->read);
  run->total = run->done + jd_sync_page_get_remaining (page->read);
  progress (task);

  /* A first pull of a district is hundreds of pages: written as the sample is. */
  if (!run->bulk && run->total - run->done >= BULK_PULL_ROWS)
    {
      jd_store_begin_bulk (run->store);
      run->bulk = TRUE;
    }

  if (!more)
    {
      /* The last page: nothing was asked for after it, nothing waits. */
      g_assert (!run->fetching && !run->fetch_held && g_queue_is_empty (&run->pages));
      data_list (g_steal_pointer (&task));
      return;
    }

  parse_next (task);
}

/* Parses the oldest page received, one at a time, so that pages are written in order. */
static void
parse_next (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr(GTask) parse = NULL;
  PullPage *page;

  if (run->parsing || run->ended || g_queue_is_empty (&run->pages))
    return;

  page = g_queue_pop_head (&run->pages);
  fetch_held (task);
  run->parsing = TRUE;
  parse = g_task_new (NULL, g_task_get_cancellable (task), parsed_cb, g_object_ref (task));
  g_task_set_source_tag (parse, parse_next);
  g_task_set_task_data (parse, page, (GDestroyNotify) pull_page_free);
  g_task_run_in_thread (parse, parse_thread);
}

static int
pull_page (void)
{
  const char *env = g_getenv ("JIANDU_SYNC_PAGE");
  int page = env != NULL ? atoi (env) : 0;

  return page > 0 && page < PULL_PAGE ? page : PULL_PAGE;
}

static void
pull_fetch (GTask  *task,
            gint64  cursor)
{
  JdSyncClient *self = g_task_get_source_object (task);
  SyncRun *run = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  run->fetching = TRUE;
  path = g_strdup_printf ("pull?cursor=%" G_GINT64_FORMAT "&limit=%d", cursor, pull_page ());
  request_async (self, "GET", path, NULL, g_task_get_cancellable (task), pull_cb,
                 g_object_ref (task));
}

/* Takes @task. */
static void
pull_next (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  g_auto(JdSyncStatus) status = { 0 };
  g_autoptr(GError) error = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (!jd_store_sync_get_status (run->store, &status, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  pull_fetch (task, status.cursor);
  g_object_unref (task);
}

static gboolean
safe_file_name (const char *name)
{
  if (name == NULL || *name == '\0' || *name == '.')
    return FALSE;

  for (const char *p = name; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}

static void
finish_run (GTask *task)
{
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  if (!jd_store_sync_set_last_sync (run->store, text, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void fetch_next_file (GTask *task);

static void
file_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  JdSyncClient *self = g_task_get_source_object (task);
  SyncRun *run = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = request_finish (result, &error);
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;

  if (body == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  path = g_build_filename (self->data_dir, run->file, NULL);
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents (path, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                            &error))
    {
      g_task_return_new_error (task, JD_SYNC_ERROR, JD_SYNC_ERROR_REFUSED,
                               _("Cannot store %s: %s"), path,
                               error != NULL ? error->message : g_strerror (errno));
      g_object_unref (task);
      return;
    }

  run->result.data_files++;
  fetch_next_file (task);
}

static void
fetch_next_file (GTask *task)
{
  JdSyncClient *self = g_task_get_source_object (task);
  SyncRun *run = g_task_get_task_data (task);
  g_autofree char *path = NULL;

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  if (run->files->len == 0)
    {
      finish_run (task);
      return;
    }

  g_free (run->file);
  run->file = g_ptr_array_steal_index (run->files, 0);
  path = g_strconcat ("data/", run->file, NULL);
  request_async (self, "GET", path, NULL, g_task_get_cancellable (task), file_cb, task);
}

static void
data_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  JdSyncClient *self = g_task_get_source_object (task);
  SyncRun *run = g_task_get_task_data (task);
  static const char * const kinds[] = { "calendar", "profiles" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = request_finish (result, &error);
  g_autoptr(JsonObject) answer = NULL;

  if (body == NULL || (answer = parse_object (body, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  run->files = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      JsonArray *list = json_object_get_array_member (answer, kinds[k]);

      for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
        {
          JsonObject *file = json_array_get_object_element (list, i);
          const char *name = json_object_get_string_member_with_default (file, "name", NULL);
          const char *sha = json_object_get_string_member_with_default (file, "sha256", "");
          g_autofree char *local = NULL;
          g_autofree char *contents = NULL;
          g_autofree char *local_sha = NULL;
          gsize length = 0;

          /* A name is a file name, never a path: the server does not choose where we write. */
          if (!safe_file_name (name))
            continue;

          local = g_build_filename (self->data_dir, kinds[k], name, NULL);
          if (g_file_get_contents (local, &contents, &length, NULL))
            local_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (guchar *) contents,
                                                     length);
          if (g_strcmp0 (local_sha, sha) != 0)
            g_ptr_array_add (run->files, g_build_path ("/", kinds[k], name, NULL));
        }
    }

  fetch_next_file (task);
}

static void
data_list (GTask *task)
{
  JdSyncClient *self = g_task_get_source_object (task);

  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return;
    }

  request_async (self, "GET", "data", NULL, g_task_get_cancellable (task), data_cb, task);
}

void
jd_sync_client_sync_async (JdSyncClient        *self,
                           JdStore             *store,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  SyncRun *run;
  g_auto(JdSyncStatus) status = { 0 };
  g_autoptr(GError) error = NULL;

  g_return_if_fail (JD_IS_SYNC_CLIENT (self));
  g_return_if_fail (JD_IS_STORE (store));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_sync_client_sync_async);
  run = g_new0 (SyncRun, 1);
  run->store = g_object_ref (store);
  g_task_set_task_data (task, run, (GDestroyNotify) sync_run_free);

  if (self->token == NULL)
    {
      g_task_return_new_error (task, JD_SYNC_ERROR, JD_SYNC_ERROR_NOT_LOGGED_IN,
                               _("Not logged in: run “jiandu-cli login” first."));
      g_object_unref (task);
      return;
    }

  if (!jd_store_sync_get_status (store, &status, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  run->total = status.pending;
  run->batches_left = status.pending / PUSH_BATCH + 3;
  progress (task);
  push_next (task);
}

gboolean
jd_sync_client_sync_finish (JdSyncClient  *self,
                            GAsyncResult  *result,
                            JdSyncResult  *out,
                            GError       **error)
{
  GTask *task = G_TASK (result);
  SyncRun *run;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  run = g_task_get_task_data (task);
  if (out != NULL && run != NULL)
    *out = run->result;
  return g_task_propagate_boolean (task, error);
}
