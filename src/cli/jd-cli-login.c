#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "jd-sync-client.h"
#include "jd-sync-token.h"

typedef struct
{
  JdSyncClient *client;
  const char   *user;
  const char   *password;
} LoginStart;

static void
start_login (gpointer            data,
             GAsyncReadyCallback callback,
             gpointer            user_data)
{
  LoginStart *start = data;

  jd_sync_client_login_async (start->client, start->user, start->password, NULL, callback,
                              user_data);
}

static void
start_logout (gpointer            data,
              GAsyncReadyCallback callback,
              gpointer            user_data)
{
  jd_sync_client_logout_async (data, NULL, callback, user_data);
}

/* The password comes from JIANDU_PASSWORD or the first line of stdin, never from the command
 * line, where other users of the machine would see it. */
static char *
read_password (void)
{
  const char *env = g_getenv ("JIANDU_PASSWORD");
  char line[1024];

  if (env != NULL)
    return g_strdup (env);

  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  line[strcspn (line, "\r\n")] = '\0';
  return g_strdup (line);
}

int
jd_cli_login (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(JdSyncAccount) account = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  gboolean in_file = FALSE;
  LoginStart start;
  GOptionEntry entries[] = {
    { "server", 0, 0, G_OPTION_ARG_STRING, &server, N_("The sync server"), N_("URL") },
    { "user", 0, 0, G_OPTION_ARG_STRING, &user, N_("Your user name on it"), N_("NAME") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Sign in to a sync server. The password is read from "
                               "JIANDU_PASSWORD or from the first line of stdin."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (server == NULL || user == NULL || ctx->argc != 1)
    {
      g_printerr (_("jiandu-cli login: give --server URL and --user NAME\n"));
      return JD_CLI_BAD_INPUT;
    }
  if (!g_str_has_prefix (server, "http://") && !g_str_has_prefix (server, "https://"))
    {
      g_printerr (_("jiandu-cli login: the server address must start with http:// or "
                    "https://\n"));
      return JD_CLI_BAD_INPUT;
    }

  password = read_password ();
  if (password == NULL || *password == '\0')
    {
      g_printerr (_("jiandu-cli login: no password: set JIANDU_PASSWORD or type it on "
                    "stdin\n"));
      return JD_CLI_BAD_INPUT;
    }

  store = jd_cli_open_store (ctx, TRUE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  /* Before the server is asked anything: a sample database is never signed in. */
  if (!jd_store_sync_check_attachable (store, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  client = jd_sync_client_new (server);
  start = (LoginStart) { client, user, password };
  result = jd_cli_wait (start_login, &start);
  account = jd_sync_client_login_finish (client, result, &error);
  if (account == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  if (account->user == NULL)
    account->user = g_strdup (user);
  if (!jd_sync_token_save (jd_sync_client_get_server (client), account->user, account->token,
                           &in_file, &error) ||
      !jd_store_sync_set_account (store, jd_sync_client_get_server (client), account->user,
                                  &error))
    return jd_cli_fail (g_steal_pointer (&error));

  if (in_file)
    {
      g_autofree char *path = jd_sync_token_file ();

      g_printerr (_("jiandu-cli: warning: no keyring answers on this machine; the sign-in token "
                    "is kept in %s, readable by you only\n"),
                  path);
    }

  g_print (_("Logged in to %s as %s (%s), until %s\n"), jd_sync_client_get_server (client),
           account->user, account->role != NULL ? account->role : "?",
           account->expires != NULL ? account->expires : "?");
  return JD_CLI_OK;
}

int
jd_cli_logout (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(JdSyncStatus) status = { 0 };

  if (!jd_cli_parse_options (ctx, NULL, _("Sign out: the server revokes the token and this "
                                          "machine forgets it."),
                             NULL))
    return JD_CLI_BAD_INPUT;

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  client = jd_cli_sync_client (store);
  if (client == NULL)
    return JD_CLI_BAD_INPUT;

  result = jd_cli_wait (start_logout, client);
  /* A token the server no longer knows is as good as revoked; anything else is worth saying,
   * but the local copy goes anyway. */
  if (!jd_sync_client_logout_finish (client, result, &error) &&
      !g_error_matches (error, JD_SYNC_ERROR, JD_SYNC_ERROR_BAD_TOKEN))
    g_printerr (_("jiandu-cli: warning: the server did not confirm the logout: %s\n"),
                error->message);
  g_clear_error (&error);

  if (!jd_store_sync_get_status (store, &status, &error) ||
      !jd_sync_token_clear (status.server, status.user, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  g_print (_("Logged out of %s\n"), jd_sync_client_get_server (client));
  return JD_CLI_OK;
}
