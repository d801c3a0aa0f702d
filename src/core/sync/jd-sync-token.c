#include "jd-sync-token.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsecret/secret.h>

static const SecretSchema token_schema = {
  "io.github.jiandu.Token", SECRET_SCHEMA_NONE,
  {
    { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

/* libsecret would start a D-Bus activation and wait for it, or fail after a long timeout, when
 * no secret service runs: ask the bus first. */
static gboolean
keyring_available (void)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  if (g_strcmp0 (g_getenv ("JIANDU_NO_KEYRING"), "1") == 0)
    return FALSE;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, 2000,
                                       NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);

  return owned;
}

char *
jd_sync_token_file (void)
{
  return g_build_filename (g_get_user_config_dir (), "jiandu", "tokens.json", NULL);
}

static JsonObject *
read_file (GError **error)
{
  g_autofree char *path = jd_sync_token_file ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;

  if (!json_parser_load_from_file (parser, path, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return json_object_new ();
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", path);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return json_object_new ();

  return json_object_ref (json_node_get_object (root));
}

static gboolean
write_file (JsonObject  *tokens,
            GError     **error)
{
  g_autofree char *path = jd_sync_token_file ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), tokens);
  g_autofree char *text = json_to_string (node, TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Cannot create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* g_file_set_contents_full writes a new file and renames it over the old one, with the mode
   * set before any byte of the token is written. */
  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

gboolean
jd_sync_token_save (const char  *server,
                    const char  *user,
                    const char  *token,
                    gboolean    *in_file,
                    GError     **error)
{
  g_autoptr(JsonObject) tokens = NULL;
  g_autofree char *key = g_strconcat (user, "@", server, NULL);

  g_return_val_if_fail (server != NULL && user != NULL && token != NULL, FALSE);
  g_return_val_if_fail (in_file != NULL, FALSE);

  *in_file = FALSE;
  if (keyring_available () &&
      secret_password_store_sync (&token_schema, SECRET_COLLECTION_DEFAULT,
                                  _("Jiandu sync sign-in"), token, NULL, NULL,
                                  "server", server, "user", user, NULL))
    return TRUE;

  *in_file = TRUE;
  tokens = read_file (error);
  if (tokens == NULL)
    return FALSE;

  json_object_set_string_member (tokens, key, token);
  return write_file (tokens, error);
}

char *
jd_sync_token_load (const char  *server,
                    const char  *user,
                    GError     **error)
{
  g_autoptr(JsonObject) tokens = NULL;
  g_autofree char *key = g_strconcat (user, "@", server, NULL);

  g_return_val_if_fail (server != NULL && user != NULL, NULL);

  if (keyring_available ())
    {
      char *secret = secret_password_lookup_sync (&token_schema, NULL, NULL, "server", server,
                                                  "user", user, NULL);

      if (secret != NULL)
        {
          char *token = g_strdup (secret);

          secret_password_free (secret);
          return token;
        }
    }

  tokens = read_file (error);
  if (tokens == NULL)
    return NULL;

  return g_strdup (json_object_get_string_member_with_default (tokens, key, NULL));
}

gboolean
jd_sync_token_clear (const char  *server,
                     const char  *user,
                     GError     **error)
{
  g_autoptr(JsonObject) tokens = NULL;
  g_autofree char *key = g_strconcat (user, "@", server, NULL);

  g_return_val_if_fail (server != NULL && user != NULL, FALSE);

  if (keyring_available ())
    secret_password_clear_sync (&token_schema, NULL, NULL, "server", server, "user", user,
                                NULL);

  tokens = read_file (error);
  if (tokens == NULL)
    return FALSE;
  if (!json_object_has_member (tokens, key))
    return TRUE;

  json_object_remove_member (tokens, key);
  return write_file (tokens, error);
}
