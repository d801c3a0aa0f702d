#include <libsoup/soup.h>
#include <signal.h>
#include <string.h>

#include "jd-db-backup.h"
#include "jd-test-server.h"
#include "jd-test-util.h"

/* jiandu-server is tested as it runs: the real binary on 127.0.0.1, spoken to over HTTP. */

#define PASSWORD "correct horse 马 battery"

typedef struct
{
  char        *dir;
  char        *db;
  char        *log;
  GSubprocess *process;
  char        *base;         /* http://127.0.0.1:PORT/api/v1/ */
  SoupSession *session;
} Fixture;

static const char seed_json[] =
  "{\"format\":\"jiandu/1\","
  "\"agencies\":["
  "{\"id\":\"d\",\"name\":\"区政府\",\"kind\":\"government\"},"
  "{\"id\":\"t1\",\"name\":\"一镇\",\"kind\":\"town\",\"parent_id\":\"d\"},"
  "{\"id\":\"t1a\",\"name\":\"一镇执法队\",\"kind\":\"department\",\"parent_id\":\"t1\"},"
  "{\"id\":\"t2\",\"name\":\"二镇\",\"kind\":\"town\",\"parent_id\":\"d\"}],"
  "\"cases\":["
  "{\"id\":\"c-d\",\"agency_id\":\"d\",\"title\":\"区案\"},"
  "{\"id\":\"c-t1\",\"agency_id\":\"t1\",\"title\":\"一镇案\","
  " \"records\":[{\"id\":\"r1\",\"kind\":\"text\",\"matter\":\"询问\"}]},"
  "{\"id\":\"c-t1a\",\"agency_id\":\"t1a\",\"title\":\"执法队案\"},"
  "{\"id\":\"c-t2\",\"agency_id\":\"t2\",\"title\":\"二镇案\"}],"
  "\"disputes\":[{\"id\":\"x-12\",\"agency_ids\":[\"t1\",\"t2\"]}],"
  "\"social_supervisors\":[{\"id\":\"s1\",\"name\":\"王五\"}]}";

static void
add_user (Fixture    *f,
          const char *name,
          const char *agency,
          const char *role)
{
  jd_test_server_add_user (f->db, name, agency, role, PASSWORD);
}

static void
fixture_seed (Fixture *f)
{
  g_autofree char *doc = g_build_filename (f->dir, "seed.json", NULL);

  g_assert_true (g_file_set_contents (doc, seed_json, -1, NULL));
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", f->db, "import", doc, NULL), ==, 0);
  add_user (f, "dist", "d", "district");
  add_user (f, "town1", "t1", "town");
  add_user (f, "off2", "t2", "officer");
  add_user (f, "root", "d", "admin");
}

/* Starts the server on a free port; @extra are more options (NULL-terminated, may be NULL). */
static void
server_start (Fixture            *f,
              const char * const *extra)
{
  g_autofree char *url = NULL;

  f->process = jd_test_server_start (f->db, NULL, f->log, extra, &url);
  g_clear_pointer (&f->base, g_free);
  f->base = g_strconcat (url, "api/v1/", NULL);
}

static void
server_stop (Fixture *f)
{
  jd_test_server_stop (&f->process);
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
  const char * const *extra = data;

  f->dir = jd_test_tmp_dir ();
  f->db = g_build_filename (f->dir, "server.db", NULL);
  f->log = g_build_filename (f->dir, "server.log", NULL);
  f->session = soup_session_new_with_options ("timeout", 120, NULL);
  fixture_seed (f);
  server_start (f, extra);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->process != NULL)
    server_stop (f);
  g_clear_object (&f->session);
  jd_test_rm_tree (f->dir);
  g_free (f->dir);
  g_free (f->db);
  g_free (f->log);
  g_free (f->base);
}

typedef struct
{
  guint     status;
  JsonNode *root;       /* NULL for an empty body */
  char     *text;
} Reply;

static void
reply_clear (Reply *reply)
{
  g_clear_pointer (&reply->root, json_node_unref);
  g_free (reply->text);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reply, reply_clear)

/* @protocol NULL leaves out the Jiandu-Protocol header. */
static Reply
request_full (Fixture    *f,
              const char *method,
              const char *path,
              const char *token,
              const char *protocol,
              const char *body,
              gssize      length)
{
  g_autofree char *uri = g_strconcat (f->base, path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, uri);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers = soup_message_get_request_headers (msg);
  Reply reply = { 0 };

  if (protocol != NULL)
    soup_message_headers_append (headers, "Jiandu-Protocol", protocol);
  if (token != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", token);
      soup_message_headers_append (headers, "Authorization", value);
    }
  if (body != NULL)
    {
      g_autoptr(GBytes) request = g_bytes_new (body, length < 0 ? strlen (body) : (gsize) length);
      soup_message_set_request_body_from_bytes (msg, "application/json", request);
    }
  bytes = soup_session_send_and_read (f->session, msg, NULL, &error);
  g_assert_no_error (error);
  reply.status = soup_message_get_status (msg);
  if (g_bytes_get_size (bytes) > 0)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      reply.text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      g_assert_true (json_parser_load_from_data (parser, reply.text, -1, &error));
      g_assert_no_error (error);
      reply.root = json_node_ref (json_parser_get_root (parser));
    }
  g_test_message ("%s %s: %u", method, path, reply.status);
  return reply;
}

static Reply
request (Fixture    *f,
         const char *method,
         const char *path,
         const char *token,
         const char *body)
{
  return request_full (f, method, path, token, "1", body, -1);
}

static JsonObject *
reply_object (Reply *reply)
{
  g_assert_nonnull (reply->root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (reply->root));
  return json_node_get_object (reply->root);
}

static const char *
error_code (Reply *reply)
{
  JsonObject *error = json_object_get_object_member (reply_object (reply), "error");

  g_assert_nonnull (error);
  return json_object_get_string_member (error, "code");
}

static const char *
error_message (Reply *reply)
{
  return json_object_get_string_member (json_object_get_object_member (reply_object (reply),
                                                                       "error"), "message");
}

static Reply
login (Fixture    *f,
       const char *user,
       const char *password)
{
  g_autofree char *body = g_strdup_printf ("{\"user\":\"%s\",\"password\":\"%s\"}", user,
                                           password);
  return request (f, "POST", "login", NULL, body);
}

static char *
login_token (Fixture    *f,
             const char *user)
{
  g_auto(Reply) reply = login (f, user, PASSWORD);

  g_assert_cmpuint (reply.status, ==, 200);
  return g_strdup (json_object_get_string_member (reply_object (&reply), "token"));
}

static Reply
pull (Fixture    *f,
      const char *token,
      gint64      cursor,
      int         limit)
{
  g_autofree char *path = g_strdup_printf ("pull?cursor=%" G_GINT64_FORMAT "&limit=%d", cursor,
                                           limit);
  return request (f, "GET", path, token, NULL);
}

/* The ids ("collection/id") a pull from @cursor shows, over every page. */
static GHashTable *
pull_all (Fixture    *f,
          const char *token,
          gint64      cursor,
          gint64     *last)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean more = TRUE;

  while (more)
    {
      g_auto(Reply) reply = pull (f, token, cursor, 1000);
      JsonObject *object;
      JsonArray *changes;

      g_assert_cmpuint (reply.status, ==, 200);
      object = reply_object (&reply);
      changes = json_object_get_array_member (object, "changes");
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *row = json_array_get_object_element (changes, i);

          g_hash_table_add (ids, g_strdup_printf ("%s/%s",
                                                  json_object_get_string_member (row, "collection"),
                                                  json_object_get_string_member (row, "id")));
        }
      cursor = json_object_get_int_member (object, "cursor");
      more = json_object_get_boolean_member (object, "more");
    }
  if (last != NULL)
    *last = cursor;
  return ids;
}

static gint64
current_cursor (Fixture    *f,
                const char *token)
{
  gint64 last;
  g_autoptr(GHashTable) ids = pull_all (f, token, 0, &last);

  g_assert_nonnull (ids);
  return last;
}

static Reply
push (Fixture    *f,
      const char *token,
      const char *mutations)
{
  g_autofree char *body = g_strdup_printf ("{\"mutations\":[%s]}", mutations);

  return request (f, "POST", "push", token, body);
}

static JsonObject *
result_at (Reply *reply,
           guint  index)
{
  JsonArray *results = json_object_get_array_member (reply_object (reply), "results");

  g_assert_cmpuint (json_array_get_length (results), >, index);
  return json_array_get_object_element (results, index);
}

static void
assert_result (Reply      *reply,
               guint       index,
               const char *status,
               const char *code)
{
  JsonObject *result = result_at (reply, index);

  g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, status);
  if (code != NULL)
    g_assert_cmpstr (json_object_get_string_member (result, "code"), ==, code);
}

static char *
log_contents (Fixture *f)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (f->log, &contents, NULL, NULL));
  return contents;
}

/* Tests ------------------------------------------------------------------------------------- */

static void
test_login (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *token = NULL;
  g_autofree char *log = NULL;

  {
    g_auto(Reply) reply = login (f, "town1", PASSWORD);
    JsonObject *object = reply_object (&reply);
    JsonObject *user = json_object_get_object_member (object, "user");

    g_assert_cmpuint (reply.status, ==, 200);
    token = g_strdup (json_object_get_string_member (object, "token"));
    g_assert_cmpuint (strlen (token), ==, 43);
    g_assert_cmpuint (strspn (token, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
                                     "0123456789-_"), ==, 43);
    g_assert_true (g_str_has_suffix (json_object_get_string_member (object, "expires"), "Z"));
    g_assert_cmpstr (json_object_get_string_member (user, "name"), ==, "town1");
    g_assert_cmpstr (json_object_get_string_member (user, "agency_id"), ==, "t1");
    g_assert_cmpstr (json_object_get_string_member (user, "role"), ==, "town");
  }
  {
    g_auto(Reply) reply = pull (f, token, 0, 10);
    g_assert_cmpuint (reply.status, ==, 200);
  }
  {
    g_auto(Reply) reply = login (f, "town1", "wrong");
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_cmpstr (error_code (&reply), ==, "bad_credentials");
  }
  {
    g_auto(Reply) reply = login (f, "my secret 口令", PASSWORD);
    g_assert_cmpuint (reply.status, ==, 401);
  }
  {
    g_auto(Reply) reply = login (f, "nobody", PASSWORD);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_cmpstr (error_code (&reply), ==, "bad_credentials");
  }
  {
    g_auto(Reply) reply = request (f, "POST", "login", NULL, "{\"user\":\"town1\"}");
    g_assert_cmpuint (reply.status, ==, 400);
    g_assert_cmpstr (error_code (&reply), ==, "bad_request");
  }
  /* An admin manages accounts and sees no rows. */
  {
    g_autofree char *root = login_token (f, "root");
    g_auto(Reply) reply = pull (f, root, 0, 10);
    g_assert_cmpuint (reply.status, ==, 403);
    g_assert_cmpstr (error_code (&reply), ==, "forbidden");
  }
  {
    g_auto(Reply) reply = request (f, "GET", "nowhere", token, NULL);
    g_assert_cmpuint (reply.status, ==, 404);
    g_assert_cmpstr (error_code (&reply), ==, "not_found");
  }

  /* Disabling a user refuses their sign-in and revokes the tokens they hold. */
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", f->db, "user", "disable", "town1",
                                       NULL), ==, 0);
  {
    g_auto(Reply) reply = login (f, "town1", PASSWORD);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_cmpstr (error_code (&reply), ==, "bad_credentials");
  }
  {
    g_auto(Reply) reply = pull (f, token, 0, 10);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_cmpstr (error_code (&reply), ==, "bad_token");
  }

  server_stop (f);
  log = log_contents (f);
  g_assert_nonnull (strstr (log, "POST /api/v1/login 200 town1"));
  g_assert_null (strstr (log, token));
  g_assert_null (strstr (log, PASSWORD));
  g_assert_null (strstr (log, "wrong"));
  g_assert_null (strstr (log, "my secret"));
}

static void
test_protocol (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *token = login_token (f, "dist");
  const char *versions[] = { NULL, "2", "" };

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      g_auto(Reply) reply = request_full (f, "GET", "pull", token, versions[i], NULL, 0);
      JsonArray *supported;

      g_assert_cmpuint (reply.status, ==, 400);
      g_assert_cmpstr (error_code (&reply), ==, "unsupported_protocol");
      supported = json_object_get_array_member (reply_object (&reply), "supported");
      g_assert_cmpuint (json_array_get_length (supported), ==, 1);
      g_assert_cmpint (json_array_get_int_element (supported, 0), ==, 1);
    }
}

static void
test_throttle (Fixture       *f,
               gconstpointer  data)
{
  gint64 start;

  for (guint i = 0; i < 5; i++)
    {
      g_auto(Reply) reply = login (f, "off2", "guess");
      g_assert_cmpuint (reply.status, ==, 401);
    }

  start = g_get_monotonic_time ();
  {
    g_auto(Reply) reply = login (f, "off2", "guess");
    g_assert_cmpuint (reply.status, ==, 429);
    g_assert_cmpstr (error_code (&reply), ==, "too_many_attempts");
    g_assert_cmpint (json_object_get_int_member (reply_object (&reply), "retry_after"), >, 0);
  }
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 900 * 1000);

  /* The right password during the lockout is refused too, after a longer wait. */
  start = g_get_monotonic_time ();
  {
    g_auto(Reply) reply = login (f, "off2", PASSWORD);
    g_assert_cmpuint (reply.status, ==, 429);
  }
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 1900 * 1000);

  /* Another user is not locked out, and the server answered others meanwhile. */
  {
    g_autofree char *token = login_token (f, "town1");
    g_assert_nonnull (token);
  }
}

static void
test_logout (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = login_token (f, "town1");
  g_autofree char *other = login_token (f, "town1");

  {
    g_auto(Reply) reply = request (f, "POST", "logout", token, NULL);
    g_assert_cmpuint (reply.status, ==, 204);
  }
  {
    g_auto(Reply) reply = pull (f, token, 0, 10);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_cmpstr (error_code (&reply), ==, "bad_token");
  }
  {
    g_auto(Reply) reply = pull (f, other, 0, 10);
    g_assert_cmpuint (reply.status, ==, 200);
  }
  {
    g_auto(Reply) reply = pull (f, "not-a-token", 0, 10);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_cmpstr (error_code (&reply), ==, "bad_token");
  }
  {
    g_auto(Reply) reply = request (f, "GET", "pull", NULL, NULL);
    g_assert_cmpuint (reply.status, ==, 401);
  }
}

static const char * const short_tokens[] = { "--token-lifetime", "1", NULL };

static void
test_expiry (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = login_token (f, "town1");

  {
    g_auto(Reply) reply = pull (f, token, 0, 10);
    g_assert_cmpuint (reply.status, ==, 200);
  }
  g_usleep (2100 * 1000);
  {
    g_auto(Reply) reply = pull (f, token, 0, 10);
    g_assert_cmpuint (reply.status, ==, 401);
    g_assert_cmpstr (error_code (&reply), ==, "bad_token");
  }
}

static char *
case_inserts (const char *prefix,
              guint       first,
              guint       n,
              const char *agency)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = first; i < first + n; i++)
    {
      if (out->len > 0)
        g_string_append_c (out, ',');
      g_string_append_printf (out,
                              "{\"mutation_id\":\"%s-m%u\",\"collection\":\"cases\","
                              "\"id\":\"%s-%05u\",\"op\":\"insert\",\"base_rev\":0,"
                              "\"fields\":{\"id\":\"%s-%05u\",\"agency_id\":\"%s\","
                              "\"title\":\"案件 %u\",\"facts\":\"当事人于某日在某地实施了"
                              "违法行为，执法人员现场检查并制作笔录。\"}}",
                              prefix, i, prefix, i, prefix, i, agency, i);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_paging (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = login_token (f, "dist");
  gint64 cursor = current_cursor (f, token);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const gint64 expect_remaining[] = { 700, 200, 0 };
  const guint expect_len[] = { 500, 500, 200 };
  gint64 last_rev = cursor;
  gint64 second_page = 0;

  for (guint b = 0; b < 3; b++)
    {
      g_autofree char *mutations = case_inserts ("p", b * 400, 400, "t2");
      g_auto(Reply) reply = push (f, token, mutations);

      g_assert_cmpuint (reply.status, ==, 200);
      assert_result (&reply, 399, "applied", NULL);
    }

  for (guint page = 0; page < 3; page++)
    {
      g_auto(Reply) reply = pull (f, token, cursor, 500);
      JsonObject *object = reply_object (&reply);
      JsonArray *changes = json_object_get_array_member (object, "changes");

      g_assert_cmpuint (json_array_get_length (changes), ==, expect_len[page]);
      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *row = json_array_get_object_element (changes, i);
          gint64 rev = json_object_get_int_member (row, "rev");

          g_assert_cmpint (rev, >, last_rev);
          last_rev = rev;
          g_assert_true (g_hash_table_add (seen, g_strdup (json_object_get_string_member (row,
                                                                                          "id"))));
          g_assert_false (json_object_get_boolean_member (row, "deleted"));
          g_assert_cmpstr (json_object_get_string_member (
                             json_object_get_object_member (row, "fields"), "agency_id"), ==,
                           "t2");
        }
      g_assert_cmpint (json_object_get_int_member (object, "cursor"), ==, last_rev);
      g_assert_cmpint (json_object_get_int_member (object, "remaining"), ==,
                       expect_remaining[page]);
      g_assert_cmpint (json_object_get_boolean_member (object, "more"), ==, page < 2);
      cursor = last_rev;
      if (page == 0)
        second_page = cursor;
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 1200);

  /* An empty page keeps the cursor; any limit is taken, and held to 5000. */
  {
    g_auto(Reply) reply = pull (f, token, cursor, 500);
    g_assert_cmpint (json_object_get_int_member (reply_object (&reply), "cursor"), ==, cursor);
    g_assert_false (json_object_get_boolean_member (reply_object (&reply), "more"));
  }
  {
    g_auto(Reply) reply = pull (f, token, 0, G_MAXINT32);
    JsonArray *changes = json_object_get_array_member (reply_object (&reply), "changes");
    g_assert_cmpuint (json_array_get_length (changes), >=, 1200);
    g_assert_false (json_object_get_boolean_member (reply_object (&reply), "more"));
  }
  {
    g_autofree char *mutations = case_inserts ("q", 0, 501, "t2");
    g_auto(Reply) reply = push (f, token, mutations);
    g_assert_cmpuint (reply.status, ==, 400);
    g_assert_cmpstr (error_code (&reply), ==, "bad_request");
  }

  /* The server keeps the count of one page for the next; a write in between counts in it, and
   * so does the officer's scope, which sees the same rows but counts them apart. */
  {
    g_autofree char *mutations = case_inserts ("r", 0, 100, "t2");
    g_auto(Reply) reply = push (f, token, mutations);

    g_assert_cmpuint (reply.status, ==, 200);
  }
  for (guint user = 0; user < 2; user++)
    {
      g_autofree char *user_token = user == 0 ? g_strdup (token) : login_token (f, "off2");
      g_auto(Reply) reply = pull (f, user_token, second_page, 500);
      JsonObject *object = reply_object (&reply);

      g_assert_cmpint (json_object_get_int_member (object, "remaining"), ==, 200 + 100);
    }
}

static gint64
row_rev (Fixture    *f,
         const char *token,
         const char *id,
         JsonObject **fields_out)
{
  g_auto(Reply) reply = pull (f, token, 0, 1000);
  JsonArray *changes = json_object_get_array_member (reply_object (&reply), "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *row = json_array_get_object_element (changes, i);

      if (g_strcmp0 (json_object_get_string_member (row, "id"), id) == 0)
        {
          if (fields_out != NULL)
            *fields_out = json_object_ref (json_object_get_object_member (row, "fields"));
          return json_object_get_int_member (row, "rev");
        }
    }
  return -1;
}

static void
test_scope (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *town = login_token (f, "town1");
  g_autofree char *officer = login_token (f, "off2");
  g_autofree char *dist = login_token (f, "dist");
  const char *town_sees[] = { "agencies/t1", "agencies/t1a", "cases/c-t1", "cases/c-t1a",
                              "records/r1", "disputes/x-12", "social_supervisors/s1" };
  const char *officer_sees[] = { "agencies/t2", "cases/c-t2", "disputes/x-12",
                                 "social_supervisors/s1" };

  {
    g_autoptr(GHashTable) ids = pull_all (f, town, 0, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (town_sees); i++)
      g_assert_true (g_hash_table_contains (ids, town_sees[i]));
    g_assert_cmpuint (g_hash_table_size (ids), ==, G_N_ELEMENTS (town_sees));
  }
  {
    g_autoptr(GHashTable) ids = pull_all (f, officer, 0, NULL);

    for (guint i = 0; i < G_N_ELEMENTS (officer_sees); i++)
      g_assert_true (g_hash_table_contains (ids, officer_sees[i]));
    g_assert_cmpuint (g_hash_table_size (ids), ==, G_N_ELEMENTS (officer_sees));
  }

  {
    g_auto(Reply) before = pull (f, dist, 0, 1000);
    gint64 c_t2_rev = 0;
    JsonArray *changes = json_object_get_array_member (reply_object (&before), "changes");
    g_auto(Reply) reply = { 0 };

    for (guint i = 0; i < json_array_get_length (changes); i++)
      {
        JsonObject *row = json_array_get_object_element (changes, i);
        if (g_strcmp0 (json_object_get_string_member (row, "id"), "c-t2") == 0)
          c_t2_rev = json_object_get_int_member (row, "rev");
      }
    g_assert_cmpint (c_t2_rev, >, 0);

    {
      g_autofree char *mutations = g_strdup_printf (
        "{\"mutation_id\":\"s1\",\"collection\":\"cases\",\"id\":\"c-t2\",\"op\":\"update\","
        "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"title\":\"改\"}},"
        "{\"mutation_id\":\"s2\",\"collection\":\"cases\",\"id\":\"new-t1a\",\"op\":\"insert\","
        "\"base_rev\":0,\"fields\":{\"id\":\"new-t1a\",\"agency_id\":\"t1a\"}},"
        "{\"mutation_id\":\"s3\",\"collection\":\"cases\",\"id\":\"new-t2\",\"op\":\"insert\","
        "\"base_rev\":0,\"fields\":{\"id\":\"new-t2\",\"agency_id\":\"t2\"}},"
        "{\"mutation_id\":\"s4\",\"collection\":\"social_supervisors\",\"id\":\"s9\","
        "\"op\":\"insert\",\"fields\":{\"id\":\"s9\",\"name\":\"赵六\"}},"
        "{\"mutation_id\":\"s5\",\"collection\":\"records\",\"id\":\"r-t2\",\"op\":\"insert\","
        "\"fields\":{\"id\":\"r-t2\",\"case_id\":\"c-t2\"}}", c_t2_rev);
      reply = push (f, town, mutations);
    }
    g_assert_cmpuint (reply.status, ==, 200);
    assert_result (&reply, 0, "rejected", "out_of_scope");
    assert_result (&reply, 1, "applied", NULL);
    assert_result (&reply, 2, "rejected", "out_of_scope");
    assert_result (&reply, 3, "rejected", "out_of_scope");
    assert_result (&reply, 4, "rejected", "out_of_scope");
  }

  /* Moving a row of one's own out of one's scope is refused as well. */
  {
    g_autofree char *mutations = g_strdup_printf (
      "{\"mutation_id\":\"s6\",\"collection\":\"cases\",\"id\":\"new-t1a\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"agency_id\":\"t2\"}}",
      current_cursor (f, dist));
    g_auto(Reply) reply = push (f, town, mutations);
    assert_result (&reply, 0, "rejected", "out_of_scope");
  }

  /* A town adds an agency below itself, then a case in it, in one batch. */
  {
    g_auto(Reply) reply = push (f, town,
      "{\"mutation_id\":\"s7\",\"collection\":\"agencies\",\"id\":\"t1b\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"t1b\",\"name\":\"一镇新队\",\"kind\":\"department\","
      "\"parent_id\":\"t1\"}},"
      "{\"mutation_id\":\"s8\",\"collection\":\"cases\",\"id\":\"new-t1b\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"new-t1b\",\"agency_id\":\"t1b\"}},"
      "{\"mutation_id\":\"s9\",\"collection\":\"agencies\",\"id\":\"t2b\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"t2b\",\"name\":\"二镇新队\",\"kind\":\"department\","
      "\"parent_id\":\"t2\"}}");
    assert_result (&reply, 0, "applied", NULL);
    assert_result (&reply, 1, "applied", NULL);
    assert_result (&reply, 2, "rejected", "out_of_scope");
  }

  /* A case moved to another town takes its records along: the new town pulls both. */
  {
    gint64 officer_cursor = current_cursor (f, officer);
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"s10\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"agency_id\":\"t2\"}}",
      row_rev (f, dist, "c-t1", NULL));
    g_auto(Reply) reply = push (f, dist, m);
    g_autoptr(GHashTable) ids = NULL;

    assert_result (&reply, 0, "applied", NULL);
    ids = pull_all (f, officer, officer_cursor, NULL);
    g_assert_true (g_hash_table_contains (ids, "cases/c-t1"));
    g_assert_true (g_hash_table_contains (ids, "records/r1"));
    g_assert_cmpuint (g_hash_table_size (ids), ==, 2);
  }

  {
    g_autoptr(GHashTable) ids = pull_all (f, dist, 0, NULL);
    g_assert_true (g_hash_table_contains (ids, "cases/new-t1b"));
    g_assert_true (g_hash_table_contains (ids, "cases/new-t1a"));
    g_assert_false (g_hash_table_contains (ids, "cases/new-t2"));
    g_assert_false (g_hash_table_contains (ids, "social_supervisors/s9"));
    g_assert_false (g_hash_table_contains (ids, "records/r-t2"));
  }
  {
    g_auto(Reply) reply = pull (f, dist, 0, 1000);
    JsonArray *changes = json_object_get_array_member (reply_object (&reply), "changes");

    for (guint i = 0; i < json_array_get_length (changes); i++)
      {
        JsonObject *row = json_array_get_object_element (changes, i);
        JsonObject *fields = json_object_get_object_member (row, "fields");

        if (g_strcmp0 (json_object_get_string_member (row, "id"), "c-t2") == 0)
          g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "二镇案");
        if (g_strcmp0 (json_object_get_string_member (row, "id"), "new-t1a") == 0)
          g_assert_cmpstr (json_object_get_string_member (fields, "agency_id"), ==, "t1a");
      }
  }
}

/* "collection/id" → "gone" for a row announced as out of scope, "row" for a row with fields,
 * over every page from @cursor; @cursor gets the last one. */
static GHashTable *
pull_kinds (Fixture    *f,
            const char *token,
            gint64     *cursor)
{
  GHashTable *kinds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean more = TRUE;

  while (more)
    {
      g_auto(Reply) reply = pull (f, token, *cursor, 1000);
      JsonObject *object = reply_object (&reply);
      JsonArray *changes = json_object_get_array_member (object, "changes");

      for (guint i = 0; i < json_array_get_length (changes); i++)
        {
          JsonObject *row = json_array_get_object_element (changes, i);
          gboolean gone = json_object_get_boolean_member_with_default (row, "out_of_scope",
                                                                       FALSE);

          /* Nothing of a row that left is shown any more. */
          if (gone)
            {
              g_assert_true (json_object_get_boolean_member (row, "deleted"));
              g_assert_true (json_object_get_null_member (row, "fields"));
            }
          g_hash_table_insert (kinds, g_strdup_printf ("%s/%s",
                                                       json_object_get_string_member (row,
                                                                                      "collection"),
                                                       json_object_get_string_member (row, "id")),
                               gone ? "gone" : "row");
        }
      *cursor = json_object_get_int_member (object, "cursor");
      more = json_object_get_boolean_member (object, "more");
    }
  return kinds;
}

static void
update_member (Fixture    *f,
               const char *token,
               const char *collection,
               const char *id,
               const char *member,
               const char *value)
{
  g_autofree char *m = g_strdup_printf (
    "{\"mutation_id\":\"%s-%s-%s-%s\",\"collection\":\"%s\",\"id\":\"%s\",\"op\":\"update\","
    "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"%s\":\"%s\"}}",
    collection, id, member, value, collection, id, row_rev (f, token, id, NULL), member, value);
  g_auto(Reply) reply = push (f, token, m);

  assert_result (&reply, 0, "applied", NULL);
}

/* Rows that leave a user's scope are announced to that user, once, without their fields. */
static void
test_scope_exits (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *town = login_token (f, "town1");
  g_autofree char *officer = login_token (f, "off2");
  g_autofree char *dist = login_token (f, "dist");
  gint64 town_cursor = current_cursor (f, town);
  gint64 officer_cursor = current_cursor (f, officer);

  /* A case moved to another town: it and its record leave the first town. */
  update_member (f, dist, "cases", "c-t1", "agency_id", "t2");
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, town, &town_cursor);

    g_assert_cmpstr (g_hash_table_lookup (kinds, "cases/c-t1"), ==, "gone");
    g_assert_cmpstr (g_hash_table_lookup (kinds, "records/r1"), ==, "gone");
    g_assert_cmpuint (g_hash_table_size (kinds), ==, 2);
  }
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, officer, &officer_cursor);

    g_assert_cmpstr (g_hash_table_lookup (kinds, "cases/c-t1"), ==, "row");
    g_assert_cmpstr (g_hash_table_lookup (kinds, "records/r1"), ==, "row");
    g_assert_cmpuint (g_hash_table_size (kinds), ==, 2);
  }
  /* Told once: a later change there is not shown again. */
  update_member (f, dist, "cases", "c-t1", "title", "二镇接手");
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, town, &town_cursor);

    g_assert_cmpuint (g_hash_table_size (kinds), ==, 0);
  }

  /* Back again: whole rows. */
  update_member (f, dist, "cases", "c-t1", "agency_id", "t1");
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, town, &town_cursor);

    g_assert_cmpstr (g_hash_table_lookup (kinds, "cases/c-t1"), ==, "row");
    g_assert_cmpstr (g_hash_table_lookup (kinds, "records/r1"), ==, "row");
    g_assert_cmpuint (g_hash_table_size (kinds), ==, 2);
  }
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, officer, &officer_cursor);

    g_assert_cmpstr (g_hash_table_lookup (kinds, "cases/c-t1"), ==, "gone");
    g_assert_cmpstr (g_hash_table_lookup (kinds, "records/r1"), ==, "gone");
  }

  /* An agency moved under the other town takes its subtree out of the first town's scope. */
  update_member (f, dist, "agencies", "t1a", "parent_id", "t2");
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, town, &town_cursor);

    g_assert_cmpstr (g_hash_table_lookup (kinds, "agencies/t1a"), ==, "gone");
    g_assert_cmpstr (g_hash_table_lookup (kinds, "cases/c-t1a"), ==, "gone");
    g_assert_cmpuint (g_hash_table_size (kinds), ==, 2);
  }
  /* The officer of the other town sees its own agency only: nothing of it. */
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, officer, &officer_cursor);

    g_assert_cmpuint (g_hash_table_size (kinds), ==, 0);
  }
  update_member (f, dist, "agencies", "t1a", "parent_id", "t1");
  {
    g_autoptr(GHashTable) kinds = pull_kinds (f, town, &town_cursor);

    g_assert_cmpstr (g_hash_table_lookup (kinds, "agencies/t1a"), ==, "row");
    g_assert_cmpstr (g_hash_table_lookup (kinds, "cases/c-t1a"), ==, "row");
    g_assert_cmpuint (g_hash_table_size (kinds), ==, 2);
  }
}

/* Paged one row at a time, the rows that left go out at the revision they left at, even when
 * edited elsewhere since, and the count of rows left follows a write between pages (a new exit
 * of a row pulled before). */
static void
test_scope_exits_paged (Fixture       *f,
                        gconstpointer  data)
{
  static const char *const expected[] = {
    "cases/c-t1 gone", "records/r1 gone", "cases/c-t1a row", "disputes/x-12 gone",
  };
  g_autofree char *town = login_token (f, "town1");
  g_autofree char *dist = login_token (f, "dist");
  gint64 cursor = current_cursor (f, town);

  update_member (f, dist, "cases", "c-t1", "agency_id", "t2");
  update_member (f, dist, "cases", "c-t1a", "title", "执法队新案");
  update_member (f, dist, "cases", "c-t1", "title", "二镇接手");

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(Reply) reply = pull (f, town, cursor, 1);
      JsonObject *object = reply_object (&reply);
      JsonArray *changes = json_object_get_array_member (object, "changes");
      JsonObject *row;
      g_autofree char *kind = NULL;

      g_assert_cmpuint (json_array_get_length (changes), ==, 1);
      row = json_array_get_object_element (changes, 0);
      kind = g_strdup_printf ("%s/%s %s", json_object_get_string_member (row, "collection"),
                              json_object_get_string_member (row, "id"),
                              json_object_get_boolean_member_with_default (row, "out_of_scope",
                                                                           FALSE)
                                ? "gone" : "row");
      g_assert_cmpstr (kind, ==, expected[i]);
      g_assert_cmpint (json_object_get_int_member (row, "rev"), >, cursor);
      /* Before the dispute leaves, three rows in all; four after. */
      g_assert_cmpint (json_object_get_int_member (object, "remaining"), ==,
                       i == 0 ? 2 : (gint64) G_N_ELEMENTS (expected) - i - 1);
      g_assert_true (json_object_get_boolean_member (object, "more") ==
                     (i + 1 < G_N_ELEMENTS (expected)));
      cursor = json_object_get_int_member (object, "cursor");

      /* The dispute, pulled long before, leaves the town between the first two pages. */
      if (i == 0)
        {
          g_autofree char *m = g_strdup_printf (
            "{\"mutation_id\":\"x-12-t2\",\"collection\":\"disputes\",\"id\":\"x-12\","
            "\"op\":\"update\",\"base_rev\":%" G_GINT64_FORMAT ","
            "\"fields\":{\"agency_ids\":[\"t2\"]}}", row_rev (f, dist, "x-12", NULL));
          g_auto(Reply) pushed = push (f, dist, m);

          assert_result (&pushed, 0, "applied", NULL);
        }
    }
}

static void
test_replay (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *token = login_token (f, "town1");
  g_autofree char *mutations = NULL;
  g_autofree char *first = NULL;
  gint64 rev = row_rev (f, token, "c-t1", NULL);
  gint64 before, after;

  mutations = g_strdup_printf (
    "{\"mutation_id\":\"r-a\",\"collection\":\"cases\",\"id\":\"rp-1\",\"op\":\"insert\","
    "\"base_rev\":0,\"fields\":{\"id\":\"rp-1\",\"agency_id\":\"t1\",\"title\":\"新\"}},"
    "{\"mutation_id\":\"r-b\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"update\","
    "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"title\":\"改过\",\"facts\":\"事实\"}},"
    "{\"mutation_id\":\"r-c\",\"collection\":\"cases\",\"id\":\"c-t1a\",\"op\":\"delete\","
    "\"base_rev\":%" G_GINT64_FORMAT "}",
    rev, row_rev (f, token, "c-t1a", NULL));

  {
    g_auto(Reply) reply = push (f, token, mutations);
    g_assert_cmpuint (reply.status, ==, 200);
    assert_result (&reply, 0, "applied", NULL);
    assert_result (&reply, 1, "applied", NULL);
    assert_result (&reply, 2, "applied", NULL);
    first = g_strdup (reply.text);
  }
  before = current_cursor (f, token);
  {
    g_auto(Reply) reply = push (f, token, mutations);
    g_assert_cmpstr (reply.text, ==, first);
  }
  after = current_cursor (f, token);
  g_assert_cmpint (before, ==, after);

  /* The update merged its members into the stored object. */
  {
    g_autoptr(JsonObject) fields = NULL;

    row_rev (f, token, "c-t1", &fields);
    g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "改过");
    g_assert_cmpstr (json_object_get_string_member (fields, "facts"), ==, "事实");
    g_assert_cmpstr (json_object_get_string_member (fields, "agency_id"), ==, "t1");
  }

  /* The same id under a new mutation is a second insert. */
  {
    g_auto(Reply) reply = push (f, token,
      "{\"mutation_id\":\"r-d\",\"collection\":\"cases\",\"id\":\"rp-1\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"rp-1\",\"agency_id\":\"t1\"}}");
    assert_result (&reply, 0, "rejected", "exists");
  }
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *town = login_token (f, "town1");
  g_autofree char *dist = login_token (f, "dist");
  gint64 base = row_rev (f, town, "c-t1", NULL);
  gint64 current;
  gint64 deleted_rev = 0;

  /* Someone else edits first: the stale edit conflicts and gets the current row. */
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-1\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"title\":\"区里改的\"}}", base);
    g_auto(Reply) reply = push (f, dist, m);
    assert_result (&reply, 0, "applied", NULL);
    current = json_object_get_int_member (result_at (&reply, 0), "rev");
  }
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-2\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"title\":\"镇里改的\"}}", base);
    g_auto(Reply) reply = push (f, town, m);
    JsonObject *row;

    assert_result (&reply, 0, "conflict", NULL);
    row = json_object_get_object_member (result_at (&reply, 0), "row");
    g_assert_cmpint (json_object_get_int_member (row, "rev"), ==, current);
    g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (row, "fields"),
                                                    "title"), ==, "区里改的");
  }
  /* Resolved by keeping the local version: the same entry, rebased, is applied. */
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-2\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"title\":\"镇里改的\"}}", current);
    g_auto(Reply) reply = push (f, town, m);
    assert_result (&reply, 0, "applied", NULL);
    current = json_object_get_int_member (result_at (&reply, 0), "rev");
  }

  /* Deleted there, edited here. */
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-3\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"delete\","
      "\"base_rev\":%" G_GINT64_FORMAT "}", current);
    g_auto(Reply) reply = push (f, dist, m);
    assert_result (&reply, 0, "applied", NULL);
  }
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-4\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"title\":\"又改\"}}", current);
    g_auto(Reply) reply = push (f, town, m);
    JsonObject *row;

    assert_result (&reply, 0, "conflict", NULL);
    row = json_object_get_object_member (result_at (&reply, 0), "row");
    g_assert_true (json_object_get_boolean_member (row, "deleted"));
    g_assert_true (json_object_get_null_member (row, "fields"));
    deleted_rev = json_object_get_int_member (row, "rev");
  }

  /* Keeping the local edit brings the row back: an insert on the tombstone's revision. An
   * insert on no revision, or on an older one, does not. */
  {
    g_auto(Reply) reply = push (f, town,
      "{\"mutation_id\":\"k-4a\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"c-t1\",\"agency_id\":\"t1\",\"title\":\"又改\"}}");
    assert_result (&reply, 0, "rejected", "exists");
  }
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-4b\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"insert\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"id\":\"c-t1\",\"agency_id\":\"t1\","
      "\"title\":\"又改\"}}", current);
    g_auto(Reply) reply = push (f, town, m);
    assert_result (&reply, 0, "conflict", NULL);
  }
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-4c\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"insert\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"id\":\"c-t1\",\"agency_id\":\"t2\","
      "\"title\":\"又改\"}}", deleted_rev);
    g_auto(Reply) reply = push (f, town, m);
    assert_result (&reply, 0, "rejected", "out_of_scope");
  }
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-4d\",\"collection\":\"cases\",\"id\":\"c-t1\",\"op\":\"insert\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"id\":\"c-t1\",\"agency_id\":\"t1\","
      "\"title\":\"又改\"}}", deleted_rev);
    g_auto(Reply) reply = push (f, town, m);
    g_autoptr(JsonObject) fields = NULL;

    assert_result (&reply, 0, "applied", NULL);
    g_assert_cmpint (json_object_get_int_member (result_at (&reply, 0), "rev"), >, deleted_rev);
    g_assert_cmpint (row_rev (f, dist, "c-t1", &fields), >, deleted_rev);
    g_assert_cmpstr (json_object_get_string_member (fields, "title"), ==, "又改");
  }

  /* Edited there, deleted here. */
  base = row_rev (f, town, "c-t1a", NULL);
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-5\",\"collection\":\"cases\",\"id\":\"c-t1a\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"title\":\"改\"}}", base);
    g_auto(Reply) reply = push (f, dist, m);
    assert_result (&reply, 0, "applied", NULL);
  }
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"k-6\",\"collection\":\"cases\",\"id\":\"c-t1a\",\"op\":\"delete\","
      "\"base_rev\":%" G_GINT64_FORMAT "}", base);
    g_auto(Reply) reply = push (f, town, m);
    JsonObject *row;

    assert_result (&reply, 0, "conflict", NULL);
    row = json_object_get_object_member (result_at (&reply, 0), "row");
    g_assert_false (json_object_get_boolean_member (row, "deleted"));
  }
  g_assert_cmpint (row_rev (f, town, "c-t1a", NULL), >, base);
}

static void
test_append_only (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *token = login_token (f, "town1");
  gint64 rev = row_rev (f, token, "r1", NULL);

  {
    g_auto(Reply) reply = push (f, token,
      "{\"mutation_id\":\"a-1\",\"collection\":\"records\",\"id\":\"r2\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"r2\",\"case_id\":\"c-t1\",\"kind\":\"text\",\"corrects\":\"r1\"}}");
    assert_result (&reply, 0, "applied", NULL);
  }
  {
    g_autofree char *m = g_strdup_printf (
      "{\"mutation_id\":\"a-2\",\"collection\":\"records\",\"id\":\"r1\",\"op\":\"update\","
      "\"base_rev\":%" G_GINT64_FORMAT ",\"fields\":{\"matter\":\"改\"}},"
      "{\"mutation_id\":\"a-3\",\"collection\":\"records\",\"id\":\"r1\",\"op\":\"delete\","
      "\"base_rev\":%" G_GINT64_FORMAT "}", rev, rev);
    g_auto(Reply) reply = push (f, token, m);
    assert_result (&reply, 0, "rejected", "append_only");
    assert_result (&reply, 1, "rejected", "append_only");
  }
  g_assert_cmpint (row_rev (f, token, "r1", NULL), ==, rev);
  g_assert_cmpint (row_rev (f, token, "r2", NULL), >, rev);
}

static void
test_bad_requests (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *token = login_token (f, "dist");
  gint64 cursor = current_cursor (f, token);
  const char *good =
    "{\"mutation_id\":\"b-0\",\"collection\":\"cases\",\"id\":\"bad-0\",\"op\":\"insert\","
    "\"fields\":{\"id\":\"bad-0\",\"agency_id\":\"d\"}}";
  struct { const char *body; const char *code; const char *path; } cases[] = {
    { "{\"mutations\":[", "bad_json", NULL },
    { "[1,2", "bad_json", NULL },
    { "{\"mutations\":[]}\xff", "bad_json", NULL },
    { "{\"mutations\":{}}", "bad_request", "mutations" },
    { "{}", "bad_request", "mutations" },
    { "{\"mutations\":[GOOD,{\"mutation_id\":\"b-1\",\"collection\":\"cases\",\"id\":\"x\","
      "\"op\":\"update\",\"base_rev\":\"7\",\"fields\":{}}]}", "bad_request",
      "mutations[1].base_rev" },
    { "{\"mutations\":[GOOD,{\"mutation_id\":\"b-1\",\"collection\":\"spaceships\",\"id\":\"x\","
      "\"op\":\"insert\",\"fields\":{}}]}", "bad_request", "mutations[1].collection" },
    { "{\"mutations\":[GOOD,{\"mutation_id\":7,\"collection\":\"cases\",\"id\":\"x\","
      "\"op\":\"insert\",\"fields\":{}}]}", "bad_request", "mutations[1].mutation_id" },
    { "{\"mutations\":[GOOD,{\"mutation_id\":\"b-1\",\"collection\":\"cases\",\"id\":\"x\","
      "\"op\":\"upsert\",\"fields\":{}}]}", "bad_request", "mutations[1].op" },
    { "{\"mutations\":[GOOD,{\"mutation_id\":\"b-1\",\"collection\":\"cases\",\"id\":\"x\","
      "\"op\":\"insert\",\"fields\":[]}]}", "bad_request", "mutations[1].fields" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) body = g_string_new (cases[i].body);
      g_auto(Reply) reply = { 0 };

      g_string_replace (body, "GOOD", good, 0);
      reply = request_full (f, "POST", "push", token, "1", body->str, body->len);
      g_test_message ("case %u: %s", i, reply.text);
      g_assert_cmpuint (reply.status, ==, 400);
      g_assert_cmpstr (error_code (&reply), ==, cases[i].code);
      if (cases[i].path != NULL)
        g_assert_true (g_str_has_prefix (error_message (&reply), cases[i].path));
    }

  /* Over the limit (1000 bytes in this test): refused before it is read. */
  {
    g_autofree char *mutations = case_inserts ("big", 0, 20, "d");
    g_auto(Reply) reply = push (f, token, mutations);
    g_assert_cmpuint (reply.status, ==, 413);
    g_assert_cmpstr (error_code (&reply), ==, "too_large");
  }

  /* The same, sent in chunks without a length: counted as it comes, refused at the end. */
  {
    g_autofree char *mutations = case_inserts ("big", 0, 20, "d");
    g_autofree char *body = g_strdup_printf ("{\"mutations\":[%s]}", mutations);
    g_autofree char *uri = g_strconcat (f->base, "push", NULL);
    g_autofree char *auth = g_strdup_printf ("Bearer %s", token);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (body, -1, NULL);
    g_autoptr(GBytes) reply = NULL;
    g_autoptr(GError) error = NULL;

    soup_message_headers_append (soup_message_get_request_headers (msg), "Jiandu-Protocol", "1");
    soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
    soup_message_set_request_body (msg, "application/json", stream, -1);
    reply = soup_session_send_and_read (f->session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply),
                                    "too_large"));
  }

  /* A value that breaks FORMAT.md is refused by name, and the rest of the batch applies. */
  {
    g_auto(Reply) reply = push (f, token,
      "{\"mutation_id\":\"b-2\",\"collection\":\"cases\",\"id\":\"bad-2\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"bad-2\",\"agency_id\":\"d\",\"decision\":{\"date\":\"soon\"}}},"
      "{\"mutation_id\":\"b-3\",\"collection\":\"cases\",\"id\":\"ok-3\",\"op\":\"insert\","
      "\"fields\":{\"id\":\"ok-3\",\"agency_id\":\"d\"}}");
    JsonObject *result;

    g_assert_cmpuint (reply.status, ==, 200);
    assert_result (&reply, 0, "rejected", "invalid");
    result = result_at (&reply, 0);
    g_assert_true (g_str_has_prefix (json_object_get_string_member (result, "message"),
                                     "mutations[0].fields.decision.date"));
    assert_result (&reply, 1, "applied", NULL);
  }

  {
    g_autoptr(GHashTable) ids = pull_all (f, token, cursor, NULL);

    g_assert_cmpuint (g_hash_table_size (ids), ==, 1);
    g_assert_true (g_hash_table_contains (ids, "cases/ok-3"));
  }
}

static const char * const small_bodies[] = { "--max-body", "1000", NULL };

static void
test_data_files (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *token = login_token (f, "off2");
  g_autofree char *calendar = g_build_filename (f->dir, "jiandu-data", "calendar", NULL);
  g_autofree char *file = g_build_filename (calendar, "2027.json", NULL);
  const char *contents = "{\"year\":2027}";
  g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, contents, -1);

  g_assert_cmpint (g_mkdir_with_parents (calendar, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, contents, -1, NULL));
  {
    g_auto(Reply) reply = request (f, "GET", "data", token, NULL);
    JsonArray *list = json_object_get_array_member (reply_object (&reply), "calendar");
    JsonObject *entry;

    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpuint (json_array_get_length (list), ==, 1);
    entry = json_array_get_object_element (list, 0);
    g_assert_cmpstr (json_object_get_string_member (entry, "name"), ==, "2027.json");
    g_assert_cmpstr (json_object_get_string_member (entry, "sha256"), ==, sum);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply_object (&reply),
                                                                           "profiles")), ==, 0);
  }
  {
    g_auto(Reply) reply = request (f, "GET", "data/calendar/2027.json", token, NULL);
    g_assert_cmpuint (reply.status, ==, 200);
    g_assert_cmpstr (reply.text, ==, contents);
  }
  {
    g_auto(Reply) reply = request (f, "GET", "data/calendar/..%2Fserver.db", token, NULL);
    /* libsoup itself may refuse the path (400) before the server says not_found. */
    g_assert_cmpuint (reply.status, >=, 400);
    g_assert_cmpuint (reply.status, <, 500);
  }
  {
    g_auto(Reply) reply = request (f, "GET", "data/calendar/.hidden.json", token, NULL);
    g_assert_cmpuint (reply.status, ==, 404);
  }
  {
    g_auto(Reply) reply = request (f, "GET", "data/calendar/2027.json", NULL, NULL);
    g_assert_cmpuint (reply.status, ==, 401);
  }
}

static gboolean
accept_any_cb (SoupMessage          *msg,
               GTlsCertificate      *certificate,
               GTlsCertificateFlags  errors,
               gpointer              data)
{
  return TRUE;
}

/* Settings from a key file; TLS with a certificate made for the test. */
static void
test_config_tls (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *config = g_build_filename (f->dir, "server.conf", NULL);
  g_autofree char *cert = g_build_filename (f->dir, "cert.pem", NULL);
  g_autofree char *key = g_build_filename (f->dir, "key.pem", NULL);
  g_autofree char *text = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  const char *extra[] = { "--config", config, NULL };
  gboolean tls = openssl != NULL;

#if defined(__SANITIZE_ADDRESS__)
  /* LeakSanitizer (GCC 12) crashes at exit on the dynamic TLS of GIO's gnutls module. */
  tls = FALSE;
#endif
  server_stop (f);
  if (tls)
    {
      g_autoptr(GSubprocess) process = NULL;
      g_autoptr(GError) error = NULL;

      process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                  | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                  openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                                  "-keyout", key, "-out", cert, "-days", "1", "-subj",
                                  "/CN=127.0.0.1", NULL);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_wait_check (process, NULL, &error));
      text = g_strdup_printf ("[server]\nmax-body=1000\ntls-cert=%s\ntls-key=%s\n", cert, key);
    }
  else
    {
      g_test_message ("TLS not tested here: no openssl, or a sanitizer build");
      text = g_strdup ("[server]\nmax-body=1000\n");
    }
  g_assert_true (g_file_set_contents (config, text, -1, NULL));

  server_start (f, extra);
  g_assert_true (g_str_has_prefix (f->base, tls ? "https://127.0.0.1:" : "http://127.0.0.1:"));
  {
    g_autofree char *uri = g_strconcat (f->base, "login", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    g_autofree char *body = g_strdup_printf ("{\"user\":\"dist\",\"password\":\"%s\"}",
                                             PASSWORD);
    g_autoptr(GBytes) request_body = g_bytes_new (body, strlen (body));
    g_autoptr(GBytes) reply = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *answer = NULL;

    soup_message_headers_append (soup_message_get_request_headers (msg), "Jiandu-Protocol", "1");
    soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
    g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
    reply = soup_session_send_and_read (f->session, msg, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
    answer = g_strndup (g_bytes_get_data (reply, NULL), g_bytes_get_size (reply));
    g_assert_nonnull (strstr (answer, "\"token\""));
  }
  {
    g_autofree char *uri = g_strconcat (f->base, "push", NULL);
    g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
    g_autofree char *mutations = case_inserts ("tls", 0, 20, "d");
    g_autoptr(GBytes) request_body = g_bytes_new (mutations, strlen (mutations));
    g_autoptr(GBytes) reply = NULL;
    g_autoptr(GError) error = NULL;

    soup_message_headers_append (soup_message_get_request_headers (msg), "Jiandu-Protocol", "1");
    soup_message_set_request_body_from_bytes (msg, "application/json", request_body);
    g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_any_cb), NULL);
    reply = soup_session_send_and_read (f->session, msg, NULL, &error);
    g_assert_no_error (error);
    /* max-body from the config file: refused before the token is even looked at. */
    g_assert_cmpuint (soup_message_get_status (msg), ==, 413);
  }
}

static void
test_import_cli (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *doc = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *err = NULL;
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  /* The second case breaks FORMAT.md: nothing of the document is stored. */
  g_assert_true (g_file_set_contents (doc,
    "{\"format\":\"jiandu/1\",\"agencies\":[{\"id\":\"d\",\"name\":\"区\",\"kind\":\"government\"}],"
    "\"cases\":[{\"id\":\"c1\",\"agency_id\":\"d\"},"
    "{\"id\":\"c2\",\"agency_id\":\"d\",\"decision\":{\"date\":\"2025-13-01\"}}]}", -1, NULL));
  g_assert_cmpint (jd_test_server_run (NULL, &err, "--db", db, "import", doc, NULL), ==, 2);
  g_assert_nonnull (strstr (err, "cases[1].decision.date"));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (jd_test_server_run ("\n", &err, "--db", db, "user", "add", "u", "--agency",
                                       "d", "--role", "town", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "password"));
  g_assert_cmpint (jd_test_server_run ("pw\n", NULL, "--db", db, "user", "add", "u", "--agency",
                                       "d", "--role", "mayor", NULL), ==, 2);
  g_assert_cmpint (jd_test_server_run ("pw\n", NULL, "--db", db, "user", "add", "u", "--agency",
                                       "d", "--role", "town", NULL), ==, 0);
  g_assert_cmpint (jd_test_server_run ("pw\n", NULL, "--db", db, "user", "add", "u", "--agency",
                                       "d", "--role", "town", NULL), ==, 2);
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", db, "user", "disable", "nobody", NULL),
                   ==, 2);
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", db, "frobnicate", NULL), ==, 2);
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", db, "--listen", "nowhere", NULL), ==, 2);

  raw = jd_test_raw_open (db);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*) FROM rows", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT hash FROM users", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_true (g_str_has_prefix ((const char *) sqlite3_column_text (stmt, 0), "$argon2id$"));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  jd_test_rm_tree (dir);
}

/* A case's records follow it in revision order, so that a first pull brings them in one page. */
static void
test_import_order (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *doc = g_build_filename (dir, "district.json", NULL);
  g_autoptr(GString) order = g_string_new (NULL);
  sqlite3 *raw;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_set_contents (doc,
    "{\"format\":\"jiandu/1\",\"agencies\":[{\"id\":\"d\",\"name\":\"区\","
    "\"kind\":\"government\"}],"
    "\"cases\":[{\"id\":\"c1\",\"agency_id\":\"d\",\"records\":["
    "{\"id\":\"r1a\",\"kind\":\"text\"},{\"id\":\"r1b\",\"kind\":\"text\"}]},"
    "{\"id\":\"c2\",\"agency_id\":\"d\"},"
    "{\"id\":\"c3\",\"agency_id\":\"d\",\"records\":["
    "{\"id\":\"r3a\",\"kind\":\"av\"}]}],"
    "\"complaints\":[{\"id\":\"k1\",\"respondent_agency_id\":\"d\"}]}", -1, NULL));
  g_assert_cmpint (jd_test_server_run (NULL, NULL, "--db", db, "import", doc, NULL), ==, 0);

  raw = jd_test_raw_open (db);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT id FROM rows ORDER BY rev", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (order, "%s ", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  g_assert_cmpstr (order->str, ==, "d c1 r1a r1b c2 c3 r3a k1 ");
  jd_test_rm_tree (dir);
}

typedef struct
{
  Fixture    *f;
  const char *token;
  const char *body;
} PushJob;

static gpointer
push_thread (gpointer data)
{
  PushJob *job = data;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autofree char *uri = g_strconcat (job->f->base, "push", NULL);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr(GBytes) body = g_bytes_new_static (job->body, strlen (job->body));
  g_autofree char *auth = g_strdup_printf ("Bearer %s", job->token);
  g_autoptr(GBytes) reply = NULL;

  soup_message_headers_append (soup_message_get_request_headers (msg), "Jiandu-Protocol", "1");
  soup_message_headers_append (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  /* The server is killed under it: an error is the expected end. */
  reply = soup_session_send_and_read (session, msg, NULL, NULL);
  return NULL;
}

static int
count_mutations (const char *db)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  int count = -1;

  if (sqlite3_open_v2 (db, &raw, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (raw, "SELECT count(*) FROM mutations", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return count;
}

static void
test_kill_mid_push (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *token = login_token (f, "dist");
  g_autofree char *mutations = case_inserts ("k", 0, 500, "t1");
  g_autofree char *body = g_strdup_printf ("{\"mutations\":[%s]}", mutations);
  gint64 cursor = current_cursor (f, token);
  PushJob job = { f, token, body };
  g_autoptr(GThread) thread = NULL;
  g_autoptr(GHashTable) revs = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *rev_values = g_new0 (gint64, 500);
  int done = 0;

  thread = g_thread_new ("push", push_thread, &job);
  for (guint i = 0; i < 2000; i++)
    {
      done = count_mutations (f->db);
      if (done > 0)
        break;
      g_usleep (1000);
    }
  server_kill (f);
  g_thread_join (g_steal_pointer (&thread));
  done = count_mutations (f->db);
  g_test_message ("killed after %d of 500 mutations", done);

  server_start (f, NULL);
  {
    g_auto(Reply) reply = request (f, "POST", "push", token, body);

    g_assert_cmpuint (reply.status, ==, 200);
    for (guint i = 0; i < 500; i++)
      {
        JsonObject *result = result_at (&reply, i);

        g_assert_cmpstr (json_object_get_string_member (result, "status"), ==, "applied");
        rev_values[i] = json_object_get_int_member (result, "rev");
        g_assert_true (g_hash_table_add (revs, &rev_values[i]));
        g_assert_cmpint (rev_values[i], >, cursor);
        g_assert_cmpint (rev_values[i], <=, cursor + 500);
      }
  }
  /* Each mutation made exactly one change: 500 rows, sequence numbers without a gap. */
  {
    gint64 last;
    g_autoptr(GHashTable) ids = pull_all (f, token, cursor, &last);

    g_assert_cmpuint (g_hash_table_size (ids), ==, 500);
    g_assert_cmpint (last, ==, cursor + 500);
  }
  g_assert_cmpint (count_mutations (f->db), ==, 500);
}

/* A database made before row_agencies kept its rows' revisions gets them when it is opened. */
static void
test_scope_revisions_added (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *mark = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = 1;",
                                           jd_db_application_id (JD_DB_SERVER));
  sqlite3 *raw = jd_test_raw_open (db);
  sqlite3_stmt *stmt;

  /* A database of schema 1: marked as the server's, row_agencies without revisions. */
  jd_test_raw_exec (raw, mark);
  jd_test_raw_exec (raw, "CREATE TABLE users (name TEXT PRIMARY KEY, agency_id TEXT NOT NULL,"
                         " role TEXT NOT NULL, hash TEXT NOT NULL,"
                         " disabled INTEGER NOT NULL DEFAULT 0);"
                         "CREATE TABLE tokens (hash TEXT PRIMARY KEY, user TEXT NOT NULL,"
                         " expires INTEGER NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);");
  jd_test_raw_exec (raw, "CREATE TABLE rows (collection TEXT NOT NULL, id TEXT NOT NULL,"
                         " rev INTEGER NOT NULL UNIQUE, deleted INTEGER NOT NULL DEFAULT 0,"
                         " modified TEXT NOT NULL, fields TEXT, PRIMARY KEY (collection, id))"
                         " WITHOUT ROWID;"
                         "CREATE TABLE row_agencies (collection TEXT NOT NULL, id TEXT NOT NULL,"
                         " agency_id TEXT NOT NULL, PRIMARY KEY (collection, id, agency_id),"
                         " FOREIGN KEY (collection, id) REFERENCES rows (collection, id)"
                         " ON DELETE CASCADE) WITHOUT ROWID;"
                         "INSERT INTO rows VALUES ('agencies', 'd', 7, 0, '2026-01-01T00:00:00Z',"
                         " '{\"id\":\"d\",\"name\":\"区\",\"kind\":\"government\"}');"
                         "INSERT INTO rows VALUES ('cases', 'c', 9, 0, '2026-01-01T00:00:00Z',"
                         " '{\"id\":\"c\",\"agency_id\":\"d\"}');"
                         "INSERT INTO row_agencies VALUES ('agencies', 'd', 'd'), ('cases', 'c', 'd');");
  sqlite3_close (raw);

  g_assert_cmpint (jd_test_server_run ("pw\n", NULL, "--db", db, "user", "add", "u", "--agency",
                                       "d", "--role", "town", NULL), ==, 0);

  raw = jd_test_raw_open (db);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT group_concat (id || '=' || rev, ' ') FROM"
                                            " (SELECT id, rev FROM row_agencies ORDER BY id)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "c=9 d=7");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  jd_test_rm_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, extra) \
  g_test_add ("/server/" path, Fixture, extra, fixture_set_up, func, fixture_tear_down)

  ADD ("login", test_login, NULL);
  ADD ("protocol", test_protocol, NULL);
  ADD ("throttle", test_throttle, NULL);
  ADD ("logout", test_logout, NULL);
  ADD ("expiry", test_expiry, short_tokens);
  ADD ("paging", test_paging, NULL);
  ADD ("scope", test_scope, NULL);
  ADD ("scope-exits", test_scope_exits, NULL);
  ADD ("scope-exits-paged", test_scope_exits_paged, NULL);
  ADD ("replay", test_replay, NULL);
  ADD ("conflict", test_conflict, NULL);
  ADD ("append-only", test_append_only, NULL);
  ADD ("bad-requests", test_bad_requests, small_bodies);
  ADD ("data-files", test_data_files, NULL);
  ADD ("kill-mid-push", test_kill_mid_push, NULL);
  ADD ("config-tls", test_config_tls, NULL);
  g_test_add_func ("/server/import-and-users", test_import_cli);
  g_test_add_func ("/server/import-order", test_import_order);
  g_test_add_func ("/server/scope-revisions-added", test_scope_revisions_added);

  return g_test_run ();
}
