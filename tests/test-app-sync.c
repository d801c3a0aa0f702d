#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "jd-conflict-dialog.h"
#include "jd-preferences-window.h"
#include "jd-sample-store.h"
#include "jd-sync-client.h"
#include "jd-sync-token.h"
#include "jd-test-util.h"
#include "jd-window.h"
#include "jd-test-widgets.h"

/* The sync part of the app against a real jiandu-server on 127.0.0.1: signing in through the
 * preferences, syncing from the sync button, a conflict resolved in the conflict dialog, and a
 * server gone away. */

#define PASSWORD "correct horse 7"

static const char *seed_json =
  "{\"format\":\"jiandu/1\","
  "\"agencies\":[{\"id\":\"d\",\"name\":\"某区\",\"kind\":\"government\"},"
  "{\"id\":\"t1\",\"name\":\"一镇\",\"kind\":\"town\",\"parent_id\":\"d\"}],"
  "\"cases\":["
  "{\"id\":\"c1\",\"agency_id\":\"t1\",\"title\":\"占道经营案\",\"number\":\"一镇罚1号\"},"
  "{\"id\":\"c2\",\"agency_id\":\"t1\",\"title\":\"噪声扰民案\",\"number\":\"一镇罚2号\"}]}";

typedef struct
{
  char        *dir;
  char        *server_db;
  char        *url;
  GSubprocess *server;
  JdStore     *store;     /* the app's replica */
  JdWindow    *window;
} Fixture;

static void
rm_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        rm_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
log_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", 16);

  for (guint l = 0; lines[l] != NULL && l < 15; l++)
    if (*lines[l] != '\0')
      g_test_message ("jiandu-server: %s", lines[l]);
}

static void
server_command (const char *input,
                const char *first,
                ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

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
  log_lines (err);
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
}

static void
server_start (Fixture *f)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  f->server = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("JIANDU_SERVER"), "--db",
                                           f->server_db, "--listen", "127.0.0.1:0", NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (f->server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on http://127.0.0.1:"));
  f->url = g_strdup (line + strlen ("listening on "));
}

static void
server_kill (Fixture *f)
{
  g_subprocess_send_signal (f->server, SIGKILL);
  g_subprocess_wait (f->server, NULL, NULL);
  g_clear_object (&f->server);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until @done says so; a minute is a hung test, not a slow one. */
#define WAIT_UNTIL(cond)                                                                     \
  G_STMT_START                                                                               \
  {                                                                                          \
    gboolean timed_out_ = FALSE;                                                             \
    guint id_ = g_timeout_add_seconds (60, timeout_cb, &timed_out_);                         \
    while (!(cond) && !timed_out_)                                                           \
      g_main_context_iteration (NULL, TRUE);                                                 \
    if (!timed_out_)                                                                         \
      g_source_remove (id_);                                                                 \
    g_assert_true (cond);                                                                    \
  }                                                                                          \
  G_STMT_END

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *seed = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = jd_test_tmp_dir ();
  f->server_db = g_build_filename (f->dir, "server.db", NULL);
  seed = g_build_filename (f->dir, "seed.json", NULL);
  g_assert_true (g_file_set_contents (seed, seed_json, -1, NULL));
  server_command (NULL, "--db", f->server_db, "import", seed, NULL);
  server_command (PASSWORD "\n", "--db", f->server_db, "user", "add", "clerk", "--agency", "t1",
                  "--role", "town", NULL);
  server_command (PASSWORD "\n", "--db", f->server_db, "user", "add", "other", "--agency", "t1",
                  "--role", "town", NULL);
  server_start (f);

  path = g_build_filename (f->dir, "app.db", NULL);
  f->store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->window = jd_window_new (NULL, f->store);
  gtk_window_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  JdSyncManager *manager = jd_window_get_sync_manager (f->window);

  WAIT_UNTIL (jd_sync_manager_get_state (manager) != JD_SYNC_STATE_SYNCING);
  gtk_window_destroy (GTK_WINDOW (f->window));
  /* The last sync's answer comes back through the main loop. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  if (f->server != NULL)
    server_kill (f);
  g_clear_object (&f->store);
  rm_tree (f->dir);
  g_free (f->dir);
  g_free (f->server_db);
  g_free (f->url);
}

/* Widgets */

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
named (GtkWidget  *root,
       const char *name)
{
  GtkWidget *widget = jd_test_find_widget_named (root, name);

  g_assert_nonnull (widget);
  return widget;
}

/* As a press of Enter or Space on it: a button shown, sensitive, clicked once its press has
 * been drawn. */
static void
clicked_cb (gboolean *clicked)
{
  *clicked = TRUE;
}

static void
click (GtkWidget *button)
{
  /* A click may close its window. */
  g_autoptr(GtkWidget) ref G_GNUC_UNUSED = g_object_ref (button);
  gboolean clicked = FALSE;
  gulong id = g_signal_connect_swapped (button, "clicked", G_CALLBACK (clicked_cb), &clicked);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_activate (button));
  WAIT_UNTIL (clicked);
  g_signal_handler_disconnect (button, id);
}

static JdConflictDialog *
find_conflict_dialog (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    if (JD_IS_CONFLICT_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

/* The sync button's popover, opened as a click on the button does. */
static GtkWidget *
sync_popover (Fixture *f)
{
  GtkWidget *button = GTK_WIDGET (jd_window_get_sync_button (f->window));
  GtkWidget *menu_button = gtk_widget_get_first_child (button);
  GtkPopover *popover;

  g_assert_true (GTK_IS_MENU_BUTTON (menu_button));
  /* A button not shown yet (a loaded machine may not have drawn the window) opens nothing. */
  WAIT_UNTIL (gtk_widget_get_mapped (menu_button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu_button));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button));
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  return GTK_WIDGET (popover);
}

static const char *
button_text (Fixture *f)
{
  return jd_sync_button_get_text (jd_window_get_sync_button (f->window));
}

static void
sign_in (Fixture    *f,
         const char *password)
{
  GtkWidget *preferences = jd_preferences_window_new (GTK_WINDOW (f->window));
  GtkWidget *error_label = named (preferences, "sign_in_error");
  JdSyncManager *manager = jd_window_get_sync_manager (f->window);

  jd_preferences_window_show_sync (JD_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
  gtk_editable_set_text (GTK_EDITABLE (named (preferences, "server_row")), f->url);
  gtk_editable_set_text (GTK_EDITABLE (named (preferences, "user_row")), "clerk");

  /* A wrong password says so, in words. */
  gtk_editable_set_text (GTK_EDITABLE (named (preferences, "password_row")), "wrong");
  click (named (preferences, "sign_in_button"));
  WAIT_UNTIL (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (error_label)), "Wrong user name or "
                                                                          "password"));
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_SIGNED_OUT);
  g_assert_false (gtk_widget_is_visible (named (preferences, "account_row")));

  gtk_editable_set_text (GTK_EDITABLE (named (preferences, "password_row")), password);
  click (named (preferences, "sign_in_button"));
  WAIT_UNTIL (jd_sync_manager_get_state (manager) == JD_SYNC_STATE_SYNCING);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_true (gtk_widget_is_visible (named (preferences, "account_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (
                     ADW_PREFERENCES_ROW (named (preferences, "account_row"))), ==,
                   "Signed in as clerk");
  gtk_window_destroy (GTK_WINDOW (preferences));

  /* Signing in starts the first sync, which brings the town's cases. */
  WAIT_UNTIL (jd_sync_manager_get_state (manager) != JD_SYNC_STATE_SYNCING);
  if (jd_sync_manager_get_state (manager) != JD_SYNC_STATE_IDLE)
    g_test_message ("the first sync failed: %s", jd_sync_manager_get_last_error (manager));
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_IDLE);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 2);
  g_assert_cmpstr (jd_window_get_view (f->window), ==, "cases");
}

static void
edit_case (JdStore    *store,
           const char *id,
           const char *member,
           const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, id, &error);

  g_assert_no_error (error);
  json_object_set_string_member (jd_entity_get_fields (kase), member, value);
  jd_store_save (store, kase, &error);
  g_assert_no_error (error);
}

static char *
case_member (JdStore    *store,
             const char *id,
             const char *member)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, id, &error);

  g_assert_no_error (error);
  return g_strdup (jd_entity_get_string (kase, member));
}

/* Clicks Sync Now in the sync button's popover and waits for the sync to end. */
static void
sync_now (Fixture *f)
{
  JdSyncManager *manager = jd_window_get_sync_manager (f->window);
  GtkWidget *button = find_button (sync_popover (f), "_Sync Now");

  g_assert_nonnull (button);
  click (button);
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_SYNCING);
  g_assert_true (g_str_has_prefix (button_text (f), "Syncing"));
  WAIT_UNTIL (jd_sync_manager_get_state (manager) != JD_SYNC_STATE_SYNCING);
}

static void
test_sign_in_and_sync (Fixture       *f,
                       gconstpointer  data)
{
  JdSyncManager *manager = jd_window_get_sync_manager (f->window);
  g_autofree char *title = NULL;
  g_autofree char *token = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *preferences;

  g_assert_cmpstr (button_text (f), ==, "Not signed in");
  sign_in (f, PASSWORD);
  g_assert_true (g_str_has_prefix (button_text (f), "Synced at "));
  g_assert_null (jd_sync_manager_get_last_error (manager));

  edit_case (f->store, "c2", "title", "噪声扰民案（改）");
  jd_sync_manager_refresh (manager);
  g_assert_cmpstr (button_text (f), ==, "1 change to sync");

  sync_now (f);
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_IDLE);
  g_assert_cmpint (jd_sync_manager_get_status (manager)->pending, ==, 0);
  g_assert_true (g_str_has_prefix (button_text (f), "Synced at "));
  title = case_member (f->store, "c2", "title");
  g_assert_cmpstr (title, ==, "噪声扰民案（改）");

  /* The interval typed in the preferences schedules the automatic sync; 0 stops it. */
  preferences = jd_preferences_window_new (GTK_WINDOW (f->window));
  jd_preferences_window_show_sync (JD_PREFERENCES_WINDOW (preferences));
  gtk_window_present (GTK_WINDOW (preferences));
  g_assert_cmpuint (jd_sync_manager_get_interval (manager), ==,
                    g_settings_get_int (jd_window_get_settings (f->window), "sync-interval"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (preferences, "interval_spin")), 30);
  g_assert_cmpint (g_settings_get_int (jd_window_get_settings (f->window), "sync-interval"), ==,
                   30);
  g_assert_cmpuint (jd_sync_manager_get_interval (manager), ==, 30);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (named (preferences, "interval_spin")), 0);
  g_assert_cmpuint (jd_sync_manager_get_interval (manager), ==, 0);

  /* Signing out forgets the token; the data stays. */
  click (named (preferences, "sign_out_button"));
  WAIT_UNTIL (jd_sync_manager_get_state (manager) == JD_SYNC_STATE_SIGNED_OUT);
  token = jd_sync_token_load (f->url, "clerk", &error);
  g_assert_no_error (error);
  g_assert_null (token);
  WAIT_UNTIL (gtk_widget_get_sensitive (named (preferences, "server_row")));
  g_assert_true (gtk_widget_is_visible (named (preferences, "sign_in_button")));
  g_assert_false (gtk_widget_is_visible (named (preferences, "account_row")));
  g_assert_cmpstr (button_text (f), ==, "Not signed in");
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 2);
  gtk_window_destroy (GTK_WINDOW (preferences));
}

/* Another office's replica, synced through the client library. */

typedef struct
{
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  ((Wait *) user_data)->result = g_object_ref (result);
}

static JdStore *
other_replica (Fixture       *f,
               JdSyncClient **client)
{
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdSyncAccount) account = NULL;
  JdStore *store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  Wait wait = { NULL };

  g_assert_no_error (error);
  *client = jd_sync_client_new (f->url);
  jd_sync_client_login_async (*client, "other", PASSWORD, NULL, wait_cb, &wait);
  WAIT_UNTIL (wait.result != NULL);
  account = jd_sync_client_login_finish (*client, wait.result, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
  jd_sync_client_set_token (*client, account->token);
  jd_store_sync_set_account (store, f->url, "other", &error);
  g_assert_no_error (error);
  return store;
}

static void
other_sync (JdSyncClient *client,
            JdStore      *store)
{
  g_autoptr(GError) error = NULL;
  Wait wait = { NULL };

  jd_sync_client_sync_async (client, store, NULL, wait_cb, &wait);
  WAIT_UNTIL (wait.result != NULL);
  jd_sync_client_sync_finish (client, wait.result, NULL, &error);
  g_clear_object (&wait.result);
  g_assert_no_error (error);
}

static void
choose (JdConflictDialog *dialog,
        const char       *name)
{
  GtkWidget *check = named (GTK_WIDGET (dialog), name);

  g_assert_true (GTK_IS_CHECK_BUTTON (check));
  g_assert_true (gtk_widget_activate (check));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
}

static void
test_conflict (Fixture       *f,
               gconstpointer  data)
{
  JdSyncManager *manager = jd_window_get_sync_manager (f->window);
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(JdStore) other = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  JdConflictDialog *dialog;
  GtkWidget *apply;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  g_autofree char *other_title = NULL;
  g_autofree char *other_number = NULL;

  sign_in (f, PASSWORD);
  other = other_replica (f, &client);
  other_sync (client, other);

  /* The same two fields of c1, edited there and pushed, then here. */
  edit_case (other, "c1", "title", "他处的标题");
  edit_case (other, "c1", "number", "他处罚1号");
  other_sync (client, other);
  edit_case (f->store, "c1", "title", "我的标题");
  edit_case (f->store, "c1", "number", "我的罚1号");

  sync_now (f);
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_IDLE);
  g_assert_cmpint (jd_sync_manager_get_status (manager)->conflicts, ==, 2);
  g_assert_cmpstr (button_text (f), ==, "2 conflicts");
  click (find_button (sync_popover (f), "_Resolve Conflicts…"));
  dialog = find_conflict_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (jd_conflict_dialog_get_n_conflicts (dialog), ==, 2);
  apply = find_button (GTK_WIDGET (dialog), "_Apply");
  g_assert_nonnull (apply);
  /* Nothing is applied before every field has a choice. */
  g_assert_false (gtk_widget_is_sensitive (apply));

  /* Mine for the title, theirs for the number. */
  choose (dialog, "c1/title/mine");
  g_assert_false (gtk_widget_is_sensitive (apply));
  choose (dialog, "c1/number/theirs");
  click (apply);

  conflicts = jd_store_sync_list_conflicts (f->store, NULL);
  g_assert_cmpuint (conflicts->len, ==, 0);
  title = case_member (f->store, "c1", "title");
  number = case_member (f->store, "c1", "number");
  g_assert_cmpstr (title, ==, "我的标题");
  g_assert_cmpstr (number, ==, "他处罚1号");
  g_assert_cmpstr (button_text (f), ==, "1 change to sync");

  /* The dialog offers to sync the choices. */
  click (find_button (GTK_WIDGET (dialog), "_Sync Now"));
  WAIT_UNTIL (jd_sync_manager_get_state (manager) != JD_SYNC_STATE_SYNCING);
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_IDLE);
  g_assert_cmpint (jd_sync_manager_get_status (manager)->pending, ==, 0);
  g_assert_true (g_str_has_prefix (button_text (f), "Synced at "));

  /* The other office now has both choices. */
  other_sync (client, other);
  other_title = case_member (other, "c1", "title");
  other_number = case_member (other, "c1", "number");
  g_assert_cmpstr (other_title, ==, "我的标题");
  g_assert_cmpstr (other_number, ==, "他处罚1号");
}

/* Deleted there, edited here: one choice for the whole row. */
static void
test_conflict_deleted_row (Fixture       *f,
                           gconstpointer  data)
{
  JdSyncManager *manager = jd_window_get_sync_manager (f->window);
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(JdStore) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = NULL;
  JdConflictDialog *dialog;

  sign_in (f, PASSWORD);
  other = other_replica (f, &client);
  other_sync (client, other);
  jd_store_delete (other, JD_COLLECTION_CASES, "c2", &error);
  g_assert_no_error (error);
  other_sync (client, other);
  edit_case (f->store, "c2", "title", "我改过的标题");

  sync_now (f);
  g_assert_cmpint (jd_sync_manager_get_status (manager)->conflicts, ==, 1);
  g_assert_cmpstr (button_text (f), ==, "1 conflict");

  click (find_button (sync_popover (f), "_Resolve Conflicts…"));
  dialog = find_conflict_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (jd_conflict_dialog_get_n_conflicts (dialog), ==, 1);
  /* "Keep All Theirs" picks the server's side: the deletion. */
  click (find_button (GTK_WIDGET (dialog), "Keep All _Theirs"));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (named (GTK_WIDGET (dialog),
                                                                       "c2//theirs"))));
  click (find_button (GTK_WIDGET (dialog), "_Apply"));
  click (find_button (GTK_WIDGET (dialog), "_Later"));

  kase = jd_store_get (f->store, JD_COLLECTION_CASES, "c2", NULL);
  g_assert_true (kase == NULL || jd_entity_get_deleted (kase));
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 1);
  g_assert_cmpint (jd_sync_manager_get_status (manager)->conflicts, ==, 0);
  g_assert_cmpint (jd_sync_manager_get_status (manager)->pending, ==, 0);
  g_assert_null (find_conflict_dialog ());
}

static void
test_server_gone (Fixture       *f,
                  gconstpointer  data)
{
  JdSyncManager *manager = jd_window_get_sync_manager (f->window);
  g_autofree char *title = NULL;
  GtkWidget *popover;
  GtkWidget *error_label;
  const char *error;

  sign_in (f, PASSWORD);
  edit_case (f->store, "c1", "title", "离线时改的标题");
  server_kill (f);

  sync_now (f);
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_OFFLINE);
  g_assert_cmpstr (button_text (f), ==, "Offline");
  error = jd_sync_manager_get_last_error (manager);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error, "cannot be reached"));
  /* The popover says what went wrong. */
  popover = sync_popover (f);
  error_label = jd_test_find_widget_named (popover, "error_label");
  g_assert_nonnull (error_label);
  g_assert_true (gtk_widget_get_mapped (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, error);

  /* Nothing lost: the edit is still here and waits to be sent. */
  title = case_member (f->store, "c1", "title");
  g_assert_cmpstr (title, ==, "离线时改的标题");
  g_assert_cmpint (jd_sync_manager_get_status (manager)->pending, ==, 1);
  g_assert_cmpint (jd_store_count (f->store, JD_COLLECTION_CASES, NULL), ==, 2);
}

static void
test_sample_data_refused (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "sample.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) sample = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_autoptr(JdSyncManager) manager = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *text = NULL;
  Wait wait = { NULL };

  g_assert_no_error (error);
  jd_sample_store (sample, 20, 1, NULL, NULL, &error);
  g_assert_no_error (error);
  manager = jd_sync_manager_new (sample, settings);
  jd_sync_manager_sign_in_async (manager, f->url, "clerk", PASSWORD, NULL, wait_cb, &wait);
  WAIT_UNTIL (wait.result != NULL);
  result = wait.result;
  g_assert_false (jd_sync_manager_sign_in_finish (manager, result, &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SAMPLE_DATA);
  text = jd_sync_manager_describe_error (error, f->url);
  g_assert_nonnull (strstr (text, "sample data"));
  g_assert_cmpint (jd_sync_manager_get_state (manager), ==, JD_SYNC_STATE_SIGNED_OUT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  g_autofree char *config = NULL;
  g_autofree char *data = NULL;
  int status;

  /* Tokens and fetched data files in a folder of the test's own. */
  home = jd_test_tmp_dir ();
  config = g_build_filename (home, "config", NULL);
  data = g_build_filename (home, "data", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("JIANDU_NO_KEYRING", "1", TRUE);
  g_setenv ("JIANDU_SYNC_ATTEMPTS", "2", TRUE);
  g_setenv ("JIANDU_SYNC_RETRY_DELAY_MS", "20", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/app-sync/sign-in-and-sync", Fixture, NULL, fixture_set_up,
              test_sign_in_and_sync, fixture_tear_down);
  g_test_add ("/app-sync/conflict", Fixture, NULL, fixture_set_up, test_conflict,
              fixture_tear_down);
  g_test_add ("/app-sync/conflict-deleted-row", Fixture, NULL, fixture_set_up,
              test_conflict_deleted_row, fixture_tear_down);
  g_test_add ("/app-sync/server-gone", Fixture, NULL, fixture_set_up, test_server_gone,
              fixture_tear_down);
  g_test_add ("/app-sync/sample-data-refused", Fixture, NULL, fixture_set_up,
              test_sample_data_refused, fixture_tear_down);

  status = g_test_run ();
  rm_tree (home);
  return status;
}
