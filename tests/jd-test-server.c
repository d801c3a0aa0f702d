#include "jd-test-server.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

/* What test-server, test-sync and test-server-ops share to run jiandu-server. */

static void
log_lines (const char *what,
           const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", 16);

  for (guint l = 0; lines[l] != NULL && l < 15; l++)
    if (*lines[l] != '\0')
      g_test_message ("%s: %s", what, lines[l]);
}

int
jd_test_server_run (const char  *input,
                    char       **err_out,
                    const char  *first,
                    ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *what = NULL;
  va_list args;

  g_assert_nonnull (g_getenv ("JIANDU_SERVER"));
  g_ptr_array_add (argv, (gpointer) g_getenv ("JIANDU_SERVER"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                               | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input != NULL ? input : "", NULL, &out, &err, &error);
  g_assert_no_error (error);
  {
    g_autofree char *command = g_strjoinv (" ", (char **) argv->pdata + 1);

    what = g_strdup_printf ("jiandu-server %s: exit %d", command,
                            g_subprocess_get_exit_status (process));
  }
  g_test_message ("%s", what);
  log_lines ("  stderr", err);
  if (err_out != NULL)
    *err_out = g_steal_pointer (&err);
  return g_subprocess_get_exit_status (process);
}

void
jd_test_server_add_user (const char *db,
                         const char *name,
                         const char *agency,
                         const char *role,
                         const char *password)
{
  g_autofree char *input = g_strconcat (password, "\n", NULL);

  g_assert_cmpint (jd_test_server_run (input, NULL, "--db", db, "user", "add", name, "--agency",
                                       agency, "--role", role, NULL), ==, 0);
}

GSubprocess *
jd_test_server_start (const char         *db,
                      const char         *listen,
                      const char         *log,
                      const char * const *extra,
                      char              **url)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  const char *prefix = "listening on ";
  GSubprocess *process;

  g_ptr_array_add (argv, (gpointer) g_getenv ("JIANDU_SERVER"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, "--listen");
  g_ptr_array_add (argv, (gpointer) (listen != NULL ? listen : "127.0.0.1:0"));
  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) extra[i]);
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_stderr_file_path (launcher, log);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, prefix));
  *url = g_strdup (line + strlen (prefix));
  return process;
}

char *
jd_test_server_address (const char *url)
{
  const char *host = strstr (url, "://");

  g_assert_nonnull (host);
  g_assert_true (g_str_has_suffix (url, "/"));
  host += strlen ("://");
  return g_strndup (host, strlen (host) - 1);
}

void
jd_test_server_stop (GSubprocess **process)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (*process, SIGTERM);
  g_subprocess_wait (*process, NULL, &error);
  g_assert_no_error (error);
  if (g_subprocess_get_if_signaled (*process))
    g_test_message ("server killed by signal %d", g_subprocess_get_term_sig (*process));
  g_assert_true (g_subprocess_get_if_exited (*process));
  g_assert_cmpint (g_subprocess_get_exit_status (*process), ==, 0);
  g_clear_object (process);
}

void
jd_test_server_kill (GSubprocess **process)
{
  g_subprocess_send_signal (*process, SIGKILL);
  g_subprocess_wait (*process, NULL, NULL);
  g_clear_object (process);
}

void
jd_test_rm_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        jd_test_rm_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
