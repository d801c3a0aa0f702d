#include "jd-server-cli.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "jd-codec.h"
#include "jd-db-backup.h"
#include "jd-server.h"
#include "jd-server-auth.h"
#include "jd-server-sync.h"

#define MAX_PASSWORD 1024

typedef struct
{
  char            *db_path;
  char            *listen;
  char            *config;
  JdServerOptions  options;
} Settings;

static void
settings_clear (Settings *settings)
{
  g_free (settings->db_path);
  g_free (settings->listen);
  g_free (settings->config);
  g_free (settings->options.data_dir);
  g_free (settings->options.tls_cert);
  g_free (settings->options.tls_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Settings, settings_clear)

static int
bad_input (const char *message)
{
  g_printerr ("jiandu-server: %s\n", message);
  return JD_SERVER_EXIT_BAD_INPUT;
}

static int
bad_input_error (GError *error)
{
  return bad_input (error->message);
}

/* The command line wins over the config file, key by key. */
static gboolean
load_config (Settings  *settings,
             GError   **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  struct { const char *key; char **target; } strings[] = {
    { "db", &settings->db_path },
    { "listen", &settings->listen },
    { "tls-cert", &settings->options.tls_cert },
    { "tls-key", &settings->options.tls_key },
    { "data-dir", &settings->options.data_dir },
  };
  struct { const char *key; gint64 *target; } numbers[] = {
    { "max-body", &settings->options.max_body },
    { "token-lifetime", &settings->options.token_lifetime },
  };

  if (!g_key_file_load_from_file (file, settings->config, G_KEY_FILE_NONE, error))
    {
      g_prefix_error (error, _("Cannot read the config file “%s”: "), settings->config);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      if (*strings[i].target == NULL)
        *strings[i].target = g_key_file_get_string (file, "server", strings[i].key, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autoptr(GError) local_error = NULL;
      gint64 value;

      if (*numbers[i].target != 0 || !g_key_file_has_key (file, "server", numbers[i].key, NULL))
        continue;
      value = g_key_file_get_int64 (file, "server", numbers[i].key, &local_error);
      if (local_error != NULL || value <= 0)
        {
          g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
                       _("%s: [server] %s is not a positive number"), settings->config,
                       numbers[i].key);
          return FALSE;
        }
      *numbers[i].target = value;
    }
  return TRUE;
}

static gboolean
quit_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_CONTINUE;
}

static int
serve (Settings *settings)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdServerStore) store = NULL;
  g_autoptr(JdServer) server = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *uri = NULL;
  guint sigint, sigterm;

  if (settings->listen == NULL)
    return bad_input (_("--listen ADDR:PORT is needed to serve"));
  if (settings->options.data_dir == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (settings->db_path);
      settings->options.data_dir = g_build_filename (dir, "jiandu-data", NULL);
    }

  /* Before anything is announced: a supervisor may stop the server as soon as it reads the
   * "listening on" line, and that stop must still be clean. */
  loop = g_main_loop_new (NULL, FALSE);
  sigint = g_unix_signal_add (SIGINT, quit_cb, loop);
  sigterm = g_unix_signal_add (SIGTERM, quit_cb, loop);

  store = jd_server_store_open (settings->db_path, &error);
  if (store == NULL)
    return bad_input_error (error);
  jd_server_store_prune (store, g_get_real_time () / G_USEC_PER_SEC,
                         JD_SERVER_AUTH_WINDOW_SECONDS);
  server = jd_server_new (store, &settings->options, &error);
  if (server == NULL)
    return bad_input_error (error);
  if (!jd_server_listen (server, settings->listen, &error))
    {
      g_printerr ("jiandu-server: %s\n", error->message);
      return g_error_matches (error, JD_SERVER_ERROR, JD_SERVER_ERROR_CONFIG)
               ? JD_SERVER_EXIT_BAD_INPUT : JD_SERVER_EXIT_FAILED;
    }

  uri = jd_server_get_uri (server);
  g_print ("listening on %s\n", uri);
  fflush (stdout);

  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  /* The server goes before the store it reads, which closes the database. */
  g_clear_pointer (&server, jd_server_free);
  g_clear_pointer (&store, jd_server_store_free);
  return JD_SERVER_EXIT_OK;
}

static int
import (Settings *settings,
        int       argc,
        char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdServerStore) store = NULL;
  g_autoptr(JdDocument) document = NULL;
  guint n_rows;

  if (argc != 2)
    return bad_input (_("usage: jiandu-server --db PATH import FILE"));
  document = jd_codec_read_file (argv[1], &error);
  if (document == NULL)
    return bad_input_error (error);
  store = jd_server_store_open (settings->db_path, &error);
  if (store == NULL || !jd_server_sync_import (store, document, &n_rows, &error))
    return bad_input_error (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u row\n", "Imported %u rows\n", n_rows),
           n_rows);
  return JD_SERVER_EXIT_OK;
}

/* A consistent copy of the database, while the server may be running and writing to it. */
static int
backup (Settings *settings,
        int       argc,
        char    **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdServerStore) store = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) args = NULL;
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Write the backup to FILE (required)"),
      N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Copies the database, consistently, while the server "
                                           "may be running. The backup is one file that "
                                           "`restore` can put back; it never overwrites one."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return bad_input_error (error);
  if (out == NULL || g_strv_length (args) != 1)
    return bad_input (_("usage: jiandu-server --db PATH backup --out FILE"));
  /* Opening would make an empty database: a backup of nothing is a mistake. */
  if (!g_file_test (settings->db_path, G_FILE_TEST_IS_REGULAR))
    {
      g_autofree char *message = g_strdup_printf (_("no database “%s”"), settings->db_path);
      return bad_input (message);
    }
  store = jd_server_store_open (settings->db_path, &error);
  if (store == NULL || !jd_server_store_backup (store, out, &error))
    return bad_input_error (error);
  g_print (_("Backed up %s to %s\n"), settings->db_path, out);
  return JD_SERVER_EXIT_OK;
}

/* Puts a backup back, while the server is stopped; the database it replaces is kept. */
static int
restore (Settings *settings,
         int       argc,
         char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (argc != 2)
    return bad_input (_("usage: jiandu-server --db PATH restore FILE"));
  if (!jd_db_restore (JD_DB_SERVER, JD_SERVER_STORE_VERSION, settings->db_path, argv[1], &kept,
                      &error))
    return bad_input_error (error);
  g_print (_("Restored %s from %s\n"), settings->db_path, argv[1]);
  if (kept != NULL)
    g_print (_("The database it replaced is kept as %s\n"), kept);
  return JD_SERVER_EXIT_OK;
}

/* One line from standard input, without its line break; NULL when there is none. */
static char *
read_password (void)
{
  char buffer[MAX_PASSWORD + 2];
  size_t length;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  length = strcspn (buffer, "\r\n");
  buffer[length] = '\0';
  {
    char *password = g_strdup (buffer);

    explicit_bzero (buffer, sizeof buffer);
    return password;
  }
}

static int
user_add (JdServerStore *store,
          char         **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("NAME"));
  g_autoptr(GError) error = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *password = NULL;
  g_autofree char *hash = NULL;
  g_auto(GStrv) args = NULL;
  JdServerRole role;
  GOptionEntry entries[] = {
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency, N_("The user's agency id"), N_("ID") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("officer, town, district or admin"),
      N_("ROLE") },
    { NULL }
  };

  g_option_context_set_summary (context, _("Adds a user; the password is read from stdin."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* The strv variant frees what it takes out; argv stays the caller's. */
  args = g_strdupv (argv);
  if (!g_option_context_parse_strv (context, &args, &error))
    return bad_input_error (error);
  if (g_strv_length (args) != 2)
    return bad_input (_("usage: jiandu-server --db PATH user add NAME --agency ID --role ROLE"));
  if (agency == NULL || *agency == '\0')
    return bad_input (_("--agency ID is needed"));
  if (!jd_server_role_from_string (role_text, &role))
    return bad_input (_("--role must be officer, town, district or admin"));

  password = read_password ();
  if (password == NULL || *password == '\0')
    return bad_input (_("no password: give it on one line of standard input"));
  hash = jd_server_auth_hash_password (password, &error);
  explicit_bzero (password, strlen (password));
  if (hash == NULL || !jd_server_store_add_user (store, args[1], agency, role, hash, &error))
    return bad_input_error (error);
  return JD_SERVER_EXIT_OK;
}

static int
user_list (JdServerStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) users = jd_server_store_list_users (store, &error);

  if (users == NULL)
    return bad_input_error (error);
  for (guint i = 0; i < users->len; i++)
    {
      JdServerUser *user = g_ptr_array_index (users, i);

      g_print ("%s\t%s\t%s\t%s\n", user->name, user->agency_id,
               jd_server_role_to_string (user->role),
               user->disabled ? _("disabled") : _("enabled"));
    }
  return JD_SERVER_EXIT_OK;
}

static int
user_command (Settings *settings,
              int       argc,
              char    **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdServerStore) store = NULL;

  if (argc < 2)
    return bad_input (_("usage: jiandu-server --db PATH user add|list|disable …"));
  store = jd_server_store_open (settings->db_path, &error);
  if (store == NULL)
    return bad_input_error (error);

  if (strcmp (argv[1], "add") == 0)
    return user_add (store, argv + 1);
  if (strcmp (argv[1], "list") == 0 && argc == 2)
    return user_list (store);
  if (strcmp (argv[1], "disable") == 0 && argc == 3)
    {
      if (!jd_server_store_disable_user (store, argv[2], &error))
        return bad_input_error (error);
      return JD_SERVER_EXIT_OK;
    }
  return bad_input (_("usage: jiandu-server --db PATH user add|list|disable …"));
}

static const struct
{
  const char *name;
  const char *usage;
} commands[] = {
  { "import", N_("Seed rows from a jiandu/1 document: import FILE") },
  { "user", N_("Accounts: user add NAME --agency ID --role ROLE, user list, user disable NAME") },
  { "backup", N_("Copy the database, also while it serves: backup --out FILE") },
  { "restore", N_("Put a backup back, the server stopped: restore FILE") },
};

static char *
commands_description (void)
{
  GString *text = g_string_new (_("Commands:"));

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "\n  %-10s %s", commands[i].name, _(commands[i].usage));
  return g_string_free (text, FALSE);
}

int
jd_server_cli_run (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[COMMAND …]"));
  g_autofree char *description = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(Settings) settings = { 0 };
  g_auto(GStrv) args = g_strdupv (argv);
  int n_args;
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &settings.db_path, N_("The server database"),
      N_("PATH") },
    { "listen", 0, 0, G_OPTION_ARG_STRING, &settings.listen, N_("Where to listen"),
      N_("ADDR:PORT") },
    { "tls-cert", 0, 0, G_OPTION_ARG_FILENAME, &settings.options.tls_cert,
      N_("TLS certificate (PEM)"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &settings.options.tls_key,
      N_("TLS private key (PEM)"), N_("FILE") },
    { "config", 0, 0, G_OPTION_ARG_FILENAME, &settings.config,
      N_("A key file with these settings under [server]"), N_("FILE") },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &settings.options.data_dir,
      N_("Calendars and profiles to serve (default: jiandu-data beside the database)"),
      N_("DIR") },
    { "max-body", 0, 0, G_OPTION_ARG_INT64, &settings.options.max_body,
      N_("Largest request body in bytes (default 8 MiB)"), N_("BYTES") },
    { "token-lifetime", 0, 0, G_OPTION_ARG_INT64, &settings.options.token_lifetime,
      N_("Seconds a sign-in token lasts (default 30 days)"), N_("SECONDS") },
    { NULL }
  };
  char **rest;

  g_option_context_set_summary (context, _("The Jiandu district sync server. Without a command "
                                           "it serves (--listen is needed)."));
  description = commands_description ();
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  /* Options after the command belong to the command (user add --role …). */
  g_option_context_set_strict_posix (context, TRUE);
  if (!g_option_context_parse_strv (context, &args, &error))
    return bad_input_error (error);
  n_args = (int) g_strv_length (args);
  if (settings.config != NULL && !load_config (&settings, &error))
    return bad_input_error (error);
  if (settings.options.max_body < 0 || settings.options.token_lifetime < 0)
    return bad_input (_("--max-body and --token-lifetime must be positive"));
  if (settings.db_path == NULL)
    return bad_input (_("--db PATH is needed"));

  rest = args + 1;
  if (n_args == 1)
    return serve (&settings);
  if (strcmp (rest[0], "import") == 0)
    return import (&settings, n_args - 1, rest);
  if (strcmp (rest[0], "user") == 0)
    return user_command (&settings, n_args - 1, rest);
  if (strcmp (rest[0], "backup") == 0)
    return backup (&settings, n_args - 1, rest);
  if (strcmp (rest[0], "restore") == 0)
    return restore (&settings, n_args - 1, rest);
  {
    g_autofree char *message = g_strdup_printf (_("unknown command “%s”"), rest[0]);
    return bad_input (message);
  }
}
