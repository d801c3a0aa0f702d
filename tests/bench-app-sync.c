#include <adwaita.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "jd-sample-store.h"
#include "jd-test-util.h"
#include "jd-window.h"

/* The window while it syncs: a first pull of a district's cases from a real jiandu-server runs
 * on the sync manager's worker thread; this measures how long it takes and the longest the main
 * loop went without running (what a person would feel as a freeze).
 *   meson test -C build --benchmark --suite app-sync-pull
 * BENCH_CASES (default 20000) sets the size. */

#define PASSWORD "bench password"

static gint64 last_tick;
static gint64 longest_gap;
static guint n_ticks;

static gboolean
tick_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick != 0 && now - last_tick > longest_gap)
    longest_gap = now - last_tick;
  last_tick = now;
  n_ticks++;
  return G_SOURCE_CONTINUE;
}

static void
command (const char         *input,
         const char * const *argv)
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

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  jd_sync_manager_sign_in_finish (JD_SYNC_MANAGER (source), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  const char *env = g_getenv ("BENCH_CASES");
  guint n_cases = env != NULL ? (guint) atoi (env) : 20000;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *config = g_build_filename (dir, "config", NULL);
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *sample_db = g_build_filename (dir, "sample.db", NULL);
  g_autofree char *doc = g_build_filename (dir, "district.json", NULL);
  g_autofree char *server_db = g_build_filename (dir, "server.db", NULL);
  g_autofree char *app_db = g_build_filename (dir, "app.db", NULL);
  g_autofree char *root = NULL;
  g_autofree char *line = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  JdSyncManager *manager;
  JdWindow *window;
  gboolean signed_in = FALSE;
  gint64 start, elapsed;
  guint tick;

  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("JIANDU_NO_KEYRING", "1", TRUE);
  gtk_init ();
  adw_init ();

  /* The district on the server: sample cases, exported as a document and imported there. */
  {
    g_autoptr(JdStore) sample = jd_store_open (sample_db, JD_STORE_OPEN_CREATE, &error);
    g_autoptr(GFile) file = g_file_new_for_path (doc);
    g_autoptr(GFileOutputStream) stream = NULL;
    g_autoptr(GPtrArray) agencies = NULL;

    g_assert_no_error (error);
    jd_sample_store (sample, n_cases, 1, NULL, NULL, &error);
    g_assert_no_error (error);
    stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
    g_assert_no_error (error);
    jd_store_export (sample, G_OUTPUT_STREAM (stream), &error);
    g_assert_no_error (error);
    g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error);
    g_assert_no_error (error);
    agencies = jd_store_list_all (sample, JD_COLLECTION_AGENCIES, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < agencies->len && root == NULL; i++)
      if (jd_agency_get_parent_id (agencies->pdata[i]) == NULL)
        root = g_strdup (jd_entity_get_id (agencies->pdata[i]));
    g_assert_nonnull (root);
  }
  {
    const char *import[] = { g_getenv ("JIANDU_SERVER"), "--db", server_db, "import", doc, NULL };
    const char *add[] = { g_getenv ("JIANDU_SERVER"), "--db", server_db, "user", "add", "bench",
                          "--agency", root, "--role", "district", NULL };

    command (NULL, import);
    command (PASSWORD "\n", add);
  }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  server = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JIANDU_SERVER"), "--db",
                                        server_db, "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (line != NULL && g_str_has_prefix (line, "listening on "));
  url = g_strdup (line + strlen ("listening on "));

  store = jd_store_open (app_db, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  window = jd_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  manager = jd_window_get_sync_manager (window);
  jd_sync_manager_sign_in_async (manager, url, "bench", PASSWORD, NULL, signed_in_cb,
                                 &signed_in);
  while (!signed_in)
    g_main_context_iteration (NULL, TRUE);

  /* A tick every 10 ms: the gaps between ticks are the main loop's stalls. */
  tick = g_timeout_add (10, tick_cb, NULL);
  start = g_get_monotonic_time ();
  g_assert_true (jd_sync_manager_sync (manager));
  while (jd_sync_manager_get_state (manager) == JD_SYNC_STATE_SYNCING)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - start;
  g_source_remove (tick);

  g_assert_null (jd_sync_manager_get_last_error (manager));
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_CASES, NULL), ==, n_cases);
  g_print ("first pull of %u cases in the app: %.1f s; main loop: %u ticks of 10 ms, longest "
           "stall %.0f ms (includes the window's reload at the end)\n",
           n_cases, elapsed / 1e6, n_ticks, longest_gap / 1e3);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&store);
  {
    const char *rm[] = { "rm", "-rf", dir, NULL };

    command (NULL, rm);
  }
  return 0;
}
