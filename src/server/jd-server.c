#include "jd-server.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <string.h>

#include "jd-server-auth.h"
#include "jd-server-sync.h"

G_DEFINE_QUARK (jd-server-error-quark, jd_server_error)

#define API "/api/v1/"
#define PROTOCOL_HEADER "Jiandu-Protocol"

struct _JdServer
{
  /* Borrowed */
  JdServerStore *store;

  /* Owned */
  SoupServer    *soup;
  char          *data_dir;
  char          *dummy_hash;   /* checked for unknown users, so that they take as long */
  gint64         max_body;
  gint64         token_lifetime;
  gboolean       tls;
  GQueue         readers;      /* JdServerStore connections for pulls, idle */
};

static void
set_user (SoupServerMessage *msg,
          const char        *name)
{
  g_object_set_data_full (G_OBJECT (msg), "jd-user", g_strdup (name), g_free);
}

static void
respond_text (SoupServerMessage *msg,
              guint              status,
              char              *text)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, text,
                                    strlen (text));
}

/* An error answer; @extra (may be NULL) is a JSON member appended to the top object. */
static void
respond_error (SoupServerMessage *msg,
               guint              status,
               const char        *code,
               const char        *message,
               const char        *extra)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, code);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  if (extra != NULL)
    {
      text[strlen (text) - 1] = '\0';
      respond_text (msg, status, g_strdup_printf ("%s,%s}", text, extra));
    }
  else
    respond_text (msg, status, g_steal_pointer (&text));
}

static void
respond_too_large (JdServer          *self,
                   SoupServerMessage *msg)
{
  g_autofree char *message =
    g_strdup_printf (_("the request is larger than %lld bytes"), (long long) self->max_body);

  respond_error (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, "too_large", message, NULL);
}

/* Parses a request body: NULL after answering bad_json. */
static JsonNode *
read_body (JdServer          *self,
           SoupServerMessage *msg)
{
  GByteArray *kept = g_object_get_data (G_OBJECT (msg), "jd-body");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  if (kept != NULL)
    bytes = g_bytes_new (kept->data, kept->len);
  else
    bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  data = g_bytes_get_data (bytes, &length);
  if (length == 0 || !g_utf8_validate_len (data, length, NULL))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json",
                     length == 0 ? _("the body is empty") : _("the body is not valid UTF-8"),
                     NULL);
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &error))
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_json", error->message, NULL);
      return NULL;
    }
  return json_node_ref (json_parser_get_root (parser));
}

static JdServerUser *
authenticate (JdServer          *self,
              SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *value = soup_message_headers_get_one (headers, "Authorization");
  g_autofree char *hash = NULL;
  JdServerUser *user;

  if (value == NULL || g_ascii_strncasecmp (value, "Bearer ", 7) != 0)
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "bad_token", _("no bearer token"), NULL);
      return NULL;
    }
  hash = jd_server_auth_token_hash (value + 7);
  user = jd_server_store_token_user (self->store, hash, g_get_real_time () / G_USEC_PER_SEC);
  if (user == NULL)
    {
      respond_error (msg, SOUP_STATUS_UNAUTHORIZED, "bad_token",
                     _("the token is unknown, expired or revoked: sign in again"), NULL);
      return NULL;
    }
  set_user (msg, user->name);
  return user;
}

/* Login ------------------------------------------------------------------------------------- */

typedef struct
{
  JdServer          *server;
  SoupServerMessage *msg;
  char              *name;
  char              *password;
  char              *hash;
  JdServerUser      *user;
  int                retry_after;
} Login;

static void
login_free (Login *login)
{
  g_object_unref (login->msg);
  g_free (login->name);
  if (login->password != NULL)
    explicit_bzero (login->password, strlen (login->password));
  g_free (login->password);
  g_free (login->hash);
  jd_server_user_free (login->user);
  g_free (login);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Login, login_free)

static void
record_failure (Login *login)
{
  g_autoptr(GError) error = NULL;

  if (!jd_server_store_add_failure (login->server->store, login->name,
                                    g_get_real_time () / G_USEC_PER_SEC, &error))
    g_warning ("%s", error->message);
}

static void
respond_throttled (Login *login)
{
  g_autofree char *extra = g_strdup_printf ("\"retry_after\":%d", login->retry_after);

  respond_error (login->msg, 429, "too_many_attempts",
                 _("too many failed sign-ins: wait before trying again"), extra);
}

static gboolean
throttle_done_cb (gpointer data)
{
  g_autoptr(Login) login = data;

  respond_throttled (login);
  soup_server_message_unpause (login->msg);
  return G_SOURCE_REMOVE;
}

static void
verify_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Login *login = data;

  g_task_return_boolean (task, jd_server_auth_verify (login->hash, login->password));
}

static void
respond_token (Login *login)
{
  JdServer *self = login->server;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GDateTime) expires = NULL;
  g_autofree char *token = NULL;
  g_autofree char *token_hash = NULL;
  g_autofree char *expires_text = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  token = jd_server_auth_new_token (&error);
  if (token != NULL)
    {
      token_hash = jd_server_auth_token_hash (token);
      if (jd_server_store_add_token (self->store, token_hash, login->name,
                                     now + self->token_lifetime, &error))
        jd_server_store_clear_failures (self->store, login->name, NULL);
    }
  if (error != NULL)
    {
      g_warning ("%s", error->message);
      respond_error (login->msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                     _("the server could not sign you in"), NULL);
      return;
    }

  expires = g_date_time_new_from_unix_utc (now + self->token_lifetime);
  expires_text = g_date_time_format (expires, "%FT%TZ");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "token");
  json_builder_add_string_value (builder, token);
  json_builder_set_member_name (builder, "expires");
  json_builder_add_string_value (builder, expires_text);
  json_builder_set_member_name (builder, "user");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, login->user->name);
  json_builder_set_member_name (builder, "agency_id");
  json_builder_add_string_value (builder, login->user->agency_id);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, jd_server_role_to_string (login->user->role));
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  respond_text (login->msg, SOUP_STATUS_OK, json_to_string (root, FALSE));
  explicit_bzero (token, strlen (token));
}

static void
verify_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      data)
{
  g_autoptr(Login) login = data;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), NULL);

  if (ok && login->user != NULL && !login->user->disabled)
    respond_token (login);
  else
    {
      record_failure (login);
      respond_error (login->msg, SOUP_STATUS_UNAUTHORIZED, "bad_credentials",
                     _("wrong user or password, or the account is disabled"), NULL);
    }
  soup_server_message_unpause (login->msg);
}

static void
handle_login (JdServer          *self,
              SoupServerMessage *msg)
{
  g_autoptr(JsonNode) root = read_body (self, msg);
  g_autoptr(Login) login = NULL;
  g_autoptr(GTask) task = NULL;
  JsonObject *object;
  JsonNode *name, *password;
  int delay;

  if (root == NULL)
    return;
  object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  name = object != NULL ? json_object_get_member (object, "user") : NULL;
  password = object != NULL ? json_object_get_member (object, "password") : NULL;
  if (name == NULL || json_node_get_value_type (name) != G_TYPE_STRING)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", _("user: not a string"), NULL);
      return;
    }
  if (password == NULL || json_node_get_value_type (password) != G_TYPE_STRING)
    {
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", _("password: not a string"),
                     NULL);
      return;
    }

  login = g_new0 (Login, 1);
  login->server = self;
  login->msg = g_object_ref (msg);
  login->name = g_strdup (json_node_get_string (name));
  login->password = g_strdup (json_node_get_string (password));
  login->user = jd_server_store_get_user (self->store, login->name, NULL);
  /* Only a real account's name goes to the log: people type their password into the name
   * field, too. */
  if (login->user != NULL)
    set_user (msg, login->name);

  /* A locked-out user is not even checked: the answer waits, then says when to come back. */
  delay = jd_server_auth_throttle (self->store, login->name, g_get_real_time () / G_USEC_PER_SEC,
                                   &login->retry_after);
  if (delay > 0)
    {
      record_failure (login);
      soup_server_message_pause (msg);
      g_timeout_add ((guint) delay * 1000, throttle_done_cb, g_steal_pointer (&login));
      return;
    }

  login->hash = g_strdup (login->user != NULL ? login->user->hash : self->dummy_hash);
  soup_server_message_pause (msg);
  /* Argon2 takes tens of milliseconds of CPU: off the main loop, so other requests go on. */
  task = g_task_new (NULL, NULL, verify_done_cb, login);
  g_task_set_task_data (task, g_steal_pointer (&login), NULL);
  g_task_run_in_thread (task, verify_thread);
}

/* Pull and push ------------------------------------------------------------------------------ */

static gboolean
query_int (SoupServerMessage *msg,
           GHashTable        *query,
           const char        *name,
           gint64             fallback,
           gint64             max,
           gint64            *out)
{
  const char *text = query != NULL ? g_hash_table_lookup (query, name) : NULL;
  guint64 value;

  *out = fallback;
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, (guint64) max, &value, NULL))
    {
      g_autofree char *message = g_strdup_printf (_("%s: not a number from 0 to %lld"), name,
                                                  (long long) max);
      respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", message, NULL);
      return FALSE;
    }
  *out = (gint64) value;
  return TRUE;
}

static void
internal_error (SoupServerMessage *msg,
                GError            *error)
{
  g_warning ("%s", error->message);
  respond_error (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, "internal",
                 _("the server failed; try again later"), NULL);
}

static gboolean
may_sync (SoupServerMessage *msg,
          JdServerUser      *user)
{
  if (user->role != JD_SERVER_ROLE_ADMIN)
    return TRUE;
  respond_error (msg, SOUP_STATUS_FORBIDDEN, "forbidden",
                 _("an admin account manages accounts and holds no data"), NULL);
  return FALSE;
}

/* A pull reads on a connection of its own in a worker thread, so that one client's page does
 * not wait behind another's, nor a push behind them (SQLite in WAL mode reads beside a write). */
typedef struct
{
  JdServer          *server;
  SoupServerMessage *msg;
  JdServerStore     *reader;
  JdServerUser      *user;
  gint64             cursor;
  int                limit;
} Pull;

static void
pull_free (Pull *pull)
{
  g_object_unref (pull->msg);
  g_clear_pointer (&pull->reader, jd_server_store_free);
  jd_server_user_free (pull->user);
  g_free (pull);
}

static void
pull_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  Pull *pull = data;
  GError *error = NULL;
  char *text = jd_server_sync_pull (pull->reader, pull->user, pull->cursor, pull->limit, &error);

  if (text == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, text, g_free);
}

static void
pull_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  Pull *pull = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  char *text = g_task_propagate_pointer (G_TASK (result), &error);

  if (text == NULL)
    internal_error (pull->msg, error);
  else
    respond_text (pull->msg, SOUP_STATUS_OK, text);
  soup_server_message_unpause (pull->msg);
  g_queue_push_head (&pull->server->readers, g_steal_pointer (&pull->reader));
}

static void
handle_pull (JdServer          *self,
             SoupServerMessage *msg,
             JdServerUser      *user,
             GHashTable        *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  JdServerStore *reader;
  Pull *pull;
  gint64 cursor, limit;

  if (!may_sync (msg, user)
      || !query_int (msg, query, "cursor", 0, G_MAXINT64, &cursor)
      || !query_int (msg, query, "limit", JD_SERVER_SYNC_LIMIT, G_MAXINT32, &limit))
    return;

  reader = g_queue_pop_head (&self->readers);
  if (reader == NULL && (reader = jd_server_store_open_reader (self->store, &error)) == NULL)
    {
      internal_error (msg, error);
      return;
    }

  pull = g_new0 (Pull, 1);
  pull->server = self;
  pull->msg = g_object_ref (msg);
  pull->reader = reader;
  pull->user = jd_server_user_copy (user);
  pull->cursor = cursor;
  pull->limit = (int) CLAMP (limit, 1, JD_SERVER_SYNC_MAX_LIMIT);
  task = g_task_new (NULL, NULL, pull_done_cb, NULL);
  g_task_set_task_data (task, pull, (GDestroyNotify) pull_free);
  soup_server_message_pause (msg);
  g_task_run_in_thread (task, pull_thread);
}

static void
handle_push (JdServer          *self,
             SoupServerMessage *msg,
             JdServerUser      *user)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!may_sync (msg, user))
    return;
  root = read_body (self, msg);
  if (root == NULL)
    return;
  text = jd_server_sync_push (self->store, user, root, &error);
  if (text != NULL)
    respond_text (msg, SOUP_STATUS_OK, g_steal_pointer (&text));
  else if (g_error_matches (error, JD_SERVER_SYNC_ERROR, JD_SERVER_SYNC_ERROR_BAD_REQUEST))
    respond_error (msg, SOUP_STATUS_BAD_REQUEST, "bad_request", error->message, NULL);
  else
    internal_error (msg, error);
}

/* Data files --------------------------------------------------------------------------------- */

static const char *const data_kinds[] = { "calendar", "profiles" };

static gboolean
is_data_name (const char *name)
{
  if (name[0] == '\0' || name[0] == '.' || !g_str_has_suffix (name, ".json"))
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && *p != '.' && *p != '-' && *p != '_')
        return FALSE;
    }
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
handle_data_index (JdServer          *self,
                   SoupServerMessage *msg)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  for (guint k = 0; k < G_N_ELEMENTS (data_kinds); k++)
    {
      g_autofree char *dir_path = g_build_filename (self->data_dir, data_kinds[k], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          if (is_data_name (name))
            g_ptr_array_add (names, g_strdup (name));
        }
      g_ptr_array_sort (names, compare_names);

      json_builder_set_member_name (builder, data_kinds[k]);
      json_builder_begin_array (builder);
      for (guint i = 0; i < names->len; i++)
        {
          g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
          g_autofree char *contents = NULL;
          g_autofree char *sum = NULL;
          gsize length;

          if (!g_file_get_contents (path, &contents, &length, NULL))
            continue;
          sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, names->pdata[i]);
          json_builder_set_member_name (builder, "sha256");
          json_builder_add_string_value (builder, sum);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  respond_text (msg, SOUP_STATUS_OK, json_to_string (root, FALSE));
}

static void
handle_data_file (JdServer          *self,
                  SoupServerMessage *msg,
                  const char        *kind,
                  const char        *name)
{
  g_autofree char *path = NULL;
  char *contents;
  gsize length;

  if (!is_data_name (name))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("no such data file"), NULL);
      return;
    }
  path = g_build_filename (self->data_dir, kind, name, NULL);
  if (!g_file_get_contents (path, &contents, &length, NULL))
    {
      respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("no such data file"), NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_TAKE, contents, length);
}

/* Routing ------------------------------------------------------------------------------------ */

static gboolean
check_protocol (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *version = soup_message_headers_get_one (headers, PROTOCOL_HEADER);

  if (g_strcmp0 (version, "1") == 0)
    return TRUE;
  respond_error (msg, SOUP_STATUS_BAD_REQUEST, "unsupported_protocol",
                 version == NULL ? _("the Jiandu-Protocol header is missing")
                                 : _("this server speaks protocol version 1 only"),
                 "\"supported\":[1]");
  return FALSE;
}

static void
not_found (SoupServerMessage *msg)
{
  respond_error (msg, SOUP_STATUS_NOT_FOUND, "not_found", _("no such API path"), NULL);
}

static gboolean
body_too_large (JdServer          *self,
                SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);

  return soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
         && soup_message_headers_get_content_length (headers) > (goffset) self->max_body;
}

static void
got_chunk_cb (SoupServerMessage *msg,
              GBytes            *chunk,
              gpointer           data)
{
  JdServer *self = data;
  GByteArray *kept = g_object_get_data (G_OBJECT (msg), "jd-body");
  gsize size = g_bytes_get_size (chunk);

  if (g_object_get_data (G_OBJECT (msg), "jd-too-large") != NULL)
    return;
  if (kept->len + size > (gsize) self->max_body)
    {
      g_object_set_data (G_OBJECT (msg), "jd-too-large", GINT_TO_POINTER (TRUE));
      g_byte_array_set_size (kept, 0);
      return;
    }
  g_byte_array_append (kept, g_bytes_get_data (chunk, NULL), size);
}

/* Runs once the headers are in: a body announced too large is refused before it is read, and
 * one sent in chunks is kept here, so that past the limit it is counted, not held. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           data)
{
  JdServer *self = data;

  if (body_too_large (self, msg))
    {
      respond_too_large (self, msg);
      return;
    }
  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);
  g_object_set_data_full (G_OBJECT (msg), "jd-body", g_byte_array_new (),
                          (GDestroyNotify) g_byte_array_unref);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (got_chunk_cb), self);
}

static void
handle_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           data)
{
  JdServer *self = data;
  const char *method = soup_server_message_get_method (msg);
  g_autoptr(JdServerUser) user = NULL;
  const char *route;
  gboolean get = strcmp (method, "GET") == 0;
  gboolean post = strcmp (method, "POST") == 0;

  if (soup_server_message_get_status (msg) != 0)
    return;
  if (g_object_get_data (G_OBJECT (msg), "jd-too-large") != NULL
      || soup_server_message_get_request_body (msg)->length > self->max_body
      || body_too_large (self, msg))
    {
      respond_too_large (self, msg);
      return;
    }
  if (!g_str_has_prefix (path, API))
    {
      not_found (msg);
      return;
    }
  if (!check_protocol (msg))
    return;

  route = path + strlen (API);
  if (post && strcmp (route, "login") == 0)
    {
      handle_login (self, msg);
      return;
    }

  if (!(get && (strcmp (route, "pull") == 0 || g_str_has_prefix (route, "data")))
      && !(post && (strcmp (route, "logout") == 0 || strcmp (route, "push") == 0)))
    {
      not_found (msg);
      return;
    }

  user = authenticate (self, msg);
  if (user == NULL)
    return;

  if (strcmp (route, "logout") == 0)
    {
      g_autoptr(GError) error = NULL;
      const char *value = soup_message_headers_get_one (
        soup_server_message_get_request_headers (msg), "Authorization");
      g_autofree char *hash = jd_server_auth_token_hash (value + 7);

      if (!jd_server_store_revoke_token (self->store, hash, &error))
        internal_error (msg, error);
      else
        soup_server_message_set_status (msg, SOUP_STATUS_NO_CONTENT, NULL);
    }
  else if (strcmp (route, "pull") == 0)
    handle_pull (self, msg, user, query);
  else if (strcmp (route, "push") == 0)
    handle_push (self, msg, user);
  else if (strcmp (route, "data") == 0)
    handle_data_index (self, msg);
  else if (g_str_has_prefix (route, "data/calendar/"))
    handle_data_file (self, msg, "calendar", route + strlen ("data/calendar/"));
  else if (g_str_has_prefix (route, "data/profiles/"))
    handle_data_file (self, msg, "profiles", route + strlen ("data/profiles/"));
  else
    not_found (msg);
}

/* Logging ------------------------------------------------------------------------------------ */

static void
request_started_cb (SoupServer        *server,
                    SoupServerMessage *msg,
                    gpointer           data)
{
  gint64 *start = g_new (gint64, 1);

  *start = g_get_monotonic_time ();
  g_object_set_data_full (G_OBJECT (msg), "jd-start", start, g_free);
}

/* One line per request, for the district's administrator: method, path, status, user (as signed
 * in, or "-"), milliseconds, client address. Never a body, a query string or a header: no token,
 * no password. Under systemd the same facts are fields of the journal entry. */
static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     gpointer           data)
{
  gint64 *start = g_object_get_data (G_OBJECT (msg), "jd-start");
  const char *user = g_object_get_data (G_OBJECT (msg), "jd-user");
  const char *client = soup_server_message_get_remote_host (msg);
  double ms = start != NULL ? (double) (g_get_monotonic_time () - *start) / 1000.0 : 0;
  GUri *uri = soup_server_message_get_uri (msg);
  const char *method = soup_server_message_get_method (msg);
  const char *path = uri != NULL ? g_uri_get_path (uri) : "-";
  g_autofree char *status = g_strdup_printf ("%u", soup_server_message_get_status (msg));
  g_autofree char *duration = g_strdup_printf ("%.1f", ms);
  g_autofree char *line = NULL;

  if (user == NULL)
    user = "-";
  if (client == NULL)
    client = "-";
  line = g_strdup_printf ("%s %s %s %s %s ms %s", method, path, status, user, duration, client);
  {
    const GLogField fields[] = {
      { "GLIB_DOMAIN", G_LOG_DOMAIN, -1 },
      { "PRIORITY", "5", -1 },   /* notice, as g_message */
      { "MESSAGE", line, -1 },
      { "JIANDU_METHOD", method, -1 },
      { "JIANDU_PATH", path, -1 },
      { "JIANDU_STATUS", status, -1 },
      { "JIANDU_USER", user, -1 },
      { "JIANDU_DURATION_MS", duration, -1 },
      { "JIANDU_CLIENT", client, -1 },
    };

    g_log_structured_array (G_LOG_LEVEL_MESSAGE, fields, G_N_ELEMENTS (fields));
  }
}

/* -------------------------------------------------------------------------------------------- */

void
jd_server_free (JdServer *self)
{
  if (self == NULL)
    return;
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);
  g_queue_clear_full (&self->readers, (GDestroyNotify) jd_server_store_free);
  g_free (self->data_dir);
  g_free (self->dummy_hash);
  g_free (self);
}

JdServer *
jd_server_new (JdServerStore          *store,
               const JdServerOptions  *options,
               GError                **error)
{
  g_autoptr(JdServer) self = g_new0 (JdServer, 1);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autofree char *dummy = NULL;

  self->store = store;
  self->data_dir = g_strdup (options->data_dir);
  self->max_body = options->max_body > 0 ? options->max_body : JD_SERVER_DEFAULT_MAX_BODY;
  self->token_lifetime = options->token_lifetime > 0 ? options->token_lifetime
                                                     : JD_SERVER_DEFAULT_TOKEN_SECONDS;

  dummy = jd_server_auth_new_token (error);
  if (dummy == NULL || (self->dummy_hash = jd_server_auth_hash_password (dummy, error)) == NULL)
    return NULL;

  if ((options->tls_cert == NULL) != (options->tls_key == NULL))
    {
      g_set_error (error, JD_SERVER_ERROR, JD_SERVER_ERROR_CONFIG,
                   _("--tls-cert and --tls-key go together"));
      return NULL;
    }
  if (options->tls_cert != NULL)
    {
      certificate = g_tls_certificate_new_from_files (options->tls_cert, options->tls_key, error);
      if (certificate == NULL)
        {
          g_prefix_error (error, _("Cannot load the TLS certificate: "));
          return NULL;
        }
      self->tls = TRUE;
    }

  self->soup = soup_server_new ("server-header", "jiandu-server/" PACKAGE_VERSION,
                                "tls-certificate", certificate, NULL);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, handle_cb, self, NULL);
  g_signal_connect (self->soup, "request-started", G_CALLBACK (request_started_cb), self);
  g_signal_connect (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self);
  g_signal_connect (self->soup, "request-aborted", G_CALLBACK (request_finished_cb), self);
  return g_steal_pointer (&self);
}

gboolean
jd_server_listen (JdServer   *self,
                  const char *address,
                  GError    **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) socket_address = NULL;
  g_autofree char *host = NULL;
  const char *colon = strrchr (address, ':');
  guint64 port;

  if (colon == NULL
      || !g_ascii_string_to_unsigned (colon + 1, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, JD_SERVER_ERROR, JD_SERVER_ERROR_CONFIG,
                   _("“%s” is not an address: use ADDR:PORT, e.g. 127.0.0.1:8443"), address);
      return FALSE;
    }
  host = g_strndup (address, colon - address);
  if (host[0] == '[' && g_str_has_suffix (host, "]"))
    {
      char *inner = g_strndup (host + 1, strlen (host) - 2);
      g_free (host);
      host = inner;
    }
  inet = g_inet_address_new_from_string (host);
  if (inet == NULL)
    {
      g_set_error (error, JD_SERVER_ERROR, JD_SERVER_ERROR_CONFIG,
                   _("“%s” is not an IP address"), host);
      return FALSE;
    }
  socket_address = g_inet_socket_address_new (inet, (guint16) port);
  return soup_server_listen (self->soup, socket_address,
                             self->tls ? SOUP_SERVER_LISTEN_HTTPS : 0, error);
}

char *
jd_server_get_uri (JdServer *self)
{
  GSList *uris = soup_server_get_uris (self->soup);
  char *text = uris != NULL ? g_uri_to_string (uris->data) : NULL;

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return text;
}
