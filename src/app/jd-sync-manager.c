#include "jd-sync-manager.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

#include "jd-sync-client.h"
#include "jd-sync-token.h"

struct _JdSyncManager
{
  GObject          parent_instance;

  JdStore         *store;
  GSettings       *settings;
  GNetworkMonitor *monitor;
  JdSyncStatus     status;
  char            *token;

  gboolean         running;
  gboolean         network_down;
  gboolean         shut_down;
  gboolean         token_in_file;
  GError          *last_error;
  char            *last_error_text;
  gint64           done;
  gint64           total;
  GCancellable    *cancellable;
  guint            timer_id;
  guint            interval;     /* minutes of timer_id */

  /* The worker: one thread for the manager's life, so that the connections to the server it
   * keeps alive belong to one main context. */
  GThread         *thread;
  GMainContext    *worker_context;
  GMainLoop       *worker_loop;
  gboolean         worker_busy;   /* worker thread only */
  gboolean         worker_quit;   /* worker thread only */
};

G_DEFINE_FINAL_TYPE (JdSyncManager, jd_sync_manager, G_TYPE_OBJECT)

enum
{
  SIGNAL_CHANGED,
  SIGNAL_SYNCED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Tests make the retries quick, as for jiandu-cli; people keep the defaults. */
static void
configure_retry (JdSyncClient *client)
{
  const char *attempts = g_getenv ("JIANDU_SYNC_ATTEMPTS");
  const char *delay = g_getenv ("JIANDU_SYNC_RETRY_DELAY_MS");

  if (attempts != NULL || delay != NULL)
    jd_sync_client_set_retry (client, attempts != NULL ? atoi (attempts) : 5,
                              delay != NULL ? atoi (delay) : 500);
}

char *
jd_sync_manager_describe_error (const GError *error,
                                const char   *server)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (server == NULL)
    server = "";

  if (error->domain == JD_SYNC_ERROR)
    switch ((JdSyncError) error->code)
      {
      case JD_SYNC_ERROR_NETWORK:
        return g_strdup_printf (_("The server %s cannot be reached. Check its address and the "
                                  "network connection, then try again."),
                                server);
      case JD_SYNC_ERROR_SERVER:
        return g_strdup (_("The server failed to answer. Try again later, or tell the server's "
                           "administrator."));
      case JD_SYNC_ERROR_BAD_CREDENTIALS:
        return g_strdup (_("Wrong user name or password, or the user is disabled. Check them, "
                           "or ask the server's administrator."));
      case JD_SYNC_ERROR_BAD_TOKEN:
        return g_strdup (_("The sign-in has expired or was revoked. Sign in again in "
                           "Preferences."));
      case JD_SYNC_ERROR_FORBIDDEN:
        return g_strdup (_("The server does not let this user do that. Ask the server's "
                           "administrator."));
      case JD_SYNC_ERROR_TOO_MANY_ATTEMPTS:
        return g_strdup (_("Too many failed sign-ins. Wait a few minutes, then try again."));
      case JD_SYNC_ERROR_PROTOCOL:
        return g_strdup_printf (_("The server gave an answer Jiandu does not understand (%s). "
                                  "Check that %s is a Jiandu sync server."),
                                error->message, server);
      case JD_SYNC_ERROR_REFUSED:
        return g_strdup_printf (_("The server refused the request: %s"), error->message);
      case JD_SYNC_ERROR_NOT_LOGGED_IN:
        return g_strdup (_("Not signed in. Sign in to a server in Preferences."));
      }

  if (g_error_matches (error, JD_STORE_ERROR, JD_STORE_ERROR_SAMPLE_DATA))
    return g_strdup (_("This database holds generated sample data, which must never reach a "
                       "server. Open another database (jiandu --db FILE) to sign in."));
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_strdup (_("Sync was cancelled; what was synced before is kept."));

  return g_strdup (error->message);
}

static gboolean
is_signed_in (JdSyncManager *self)
{
  return self->status.server != NULL && self->status.user != NULL && self->token != NULL;
}

JdSyncState
jd_sync_manager_get_state (JdSyncManager *self)
{
  g_return_val_if_fail (JD_IS_SYNC_MANAGER (self), JD_SYNC_STATE_SIGNED_OUT);

  if (self->running)
    return JD_SYNC_STATE_SYNCING;
  if (!is_signed_in (self))
    return JD_SYNC_STATE_SIGNED_OUT;
  if (self->network_down || g_error_matches (self->last_error, JD_SYNC_ERROR,
                                             JD_SYNC_ERROR_NETWORK))
    return JD_SYNC_STATE_OFFLINE;
  if (self->last_error != NULL)
    return JD_SYNC_STATE_ERROR;
  return JD_SYNC_STATE_IDLE;
}

const JdSyncStatus *
jd_sync_manager_get_status (JdSyncManager *self)
{
  g_return_val_if_fail (JD_IS_SYNC_MANAGER (self), NULL);

  return &self->status;
}

void
jd_sync_manager_get_progress (JdSyncManager *self,
                              gint64        *done,
                              gint64        *total)
{
  g_return_if_fail (JD_IS_SYNC_MANAGER (self));

  if (done != NULL)
    *done = self->done;
  if (total != NULL)
    *total = self->total;
}

const char *
jd_sync_manager_get_last_error (JdSyncManager *self)
{
  g_return_val_if_fail (JD_IS_SYNC_MANAGER (self), NULL);

  return self->last_error_text;
}

static void
load_token (JdSyncManager *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->token, g_free);
  if (self->status.server == NULL || self->status.user == NULL)
    return;
  self->token = jd_sync_token_load (self->status.server, self->status.user, &error);
  if (error != NULL)
    g_warning ("Could not read the sign-in token: %s", error->message);
}

static void
read_status (JdSyncManager *self)
{
  g_autoptr(GError) error = NULL;

  jd_sync_status_clear (&self->status);
  if (!jd_store_sync_get_status (self->store, &self->status, &error))
    g_warning ("Could not read the sync status: %s", error->message);
}

void
jd_sync_manager_refresh (JdSyncManager *self)
{
  g_return_if_fail (JD_IS_SYNC_MANAGER (self));

  read_status (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

gboolean
jd_sync_manager_get_token_in_file (JdSyncManager *self)
{
  g_return_val_if_fail (JD_IS_SYNC_MANAGER (self), FALSE);

  return self->token_in_file;
}

/* The worker thread */

typedef struct
{
  JdSyncManager *manager;       /* owned; touched on the main thread only */
  char          *path;
  char          *server;
  char          *token;
  GCancellable  *cancellable;
  JdStore       *store;         /* worker thread only */
  JdSyncClient  *client;        /* worker thread only */
  JdSyncResult   result;
  GError        *error;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_clear_object (&job->manager);
  g_free (job->path);
  g_free (job->server);
  g_free (job->token);
  g_clear_object (&job->cancellable);
  g_clear_error (&job->error);
  g_free (job);
}

typedef struct
{
  JdSyncManager *manager;
  gint64         done;
  gint64         total;
} Progress;

static void
progress_free (Progress *progress)
{
  g_object_unref (progress->manager);
  g_free (progress);
}

static gboolean
progress_main (gpointer data)
{
  Progress *progress = data;
  JdSyncManager *self = progress->manager;

  if (self->running && !self->shut_down)
    {
      self->done = progress->done;
      self->total = progress->total;
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
job_progress_cb (JdSyncClient *client,
                 gint64        done,
                 gint64        total,
                 SyncJob      *job)
{
  Progress *progress = g_new0 (Progress, 1);

  progress->manager = g_object_ref (job->manager);
  progress->done = done;
  progress->total = total;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, progress_main, progress,
                              (GDestroyNotify) progress_free);
}

static gboolean job_finished_main (gpointer data);

/* Runs in the worker: the thread's objects go before the job goes back to the main thread. */
static void
job_end (SyncJob *job)
{
  JdSyncManager *self = job->manager;

  g_clear_object (&job->client);
  g_clear_object (&job->store);
  self->worker_busy = FALSE;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, job_finished_main, job,
                              (GDestroyNotify) sync_job_free);
  if (self->worker_quit)
    g_main_loop_quit (self->worker_loop);
}

static void
job_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  SyncJob *job = user_data;

  jd_sync_client_sync_finish (job->client, result, &job->result, &job->error);
  job_end (job);
}

static gboolean
job_start (gpointer data)
{
  SyncJob *job = data;

  job->manager->worker_busy = TRUE;
  job->store = jd_store_open (job->path, JD_STORE_OPEN_NONE, &job->error);
  if (job->store == NULL)
    {
      job_end (job);
      return G_SOURCE_REMOVE;
    }

  job->client = jd_sync_client_new (job->server);
  jd_sync_client_set_token (job->client, job->token);
  configure_retry (job->client);
  g_signal_connect (job->client, "progress", G_CALLBACK (job_progress_cb), job);
  jd_sync_client_sync_async (job->client, job->store, job->cancellable, job_done_cb, job);
  return G_SOURCE_REMOVE;
}

static gboolean
worker_quit (gpointer data)
{
  JdSyncManager *self = data;

  self->worker_quit = TRUE;
  if (!self->worker_busy)
    g_main_loop_quit (self->worker_loop);
  return G_SOURCE_REMOVE;
}

static gpointer
worker_main (gpointer data)
{
  JdSyncManager *self = data;

  g_main_context_push_thread_default (self->worker_context);
  g_main_loop_run (self->worker_loop);
  g_main_context_pop_thread_default (self->worker_context);
  return NULL;
}

static gboolean
job_finished_main (gpointer data)
{
  SyncJob *job = data;
  JdSyncManager *self = job->manager;
  const JdSyncResult *r = &job->result;
  gboolean changed = r->pull.written > 0 || r->pull.merged > 0 || r->pull.conflicts > 0
                     || r->push.conflicts > 0;

  self->running = FALSE;
  g_clear_object (&self->cancellable);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->last_error_text, g_free);
  if (job->error != NULL && !g_error_matches (job->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      self->last_error_text = jd_sync_manager_describe_error (job->error, job->server);
      self->last_error = g_steal_pointer (&job->error);
    }
  else if (job->error == NULL)
    self->network_down = FALSE;

  if (self->shut_down)
    return G_SOURCE_REMOVE;

  jd_sync_manager_refresh (self);
  /* What a failed sync committed before it failed is kept, so it may have changed rows too. */
  g_signal_emit (self, signals[SIGNAL_SYNCED], 0, changed);
  return G_SOURCE_REMOVE;
}

gboolean
jd_sync_manager_sync (JdSyncManager *self)
{
  SyncJob *job;

  g_return_val_if_fail (JD_IS_SYNC_MANAGER (self), FALSE);

  if (self->running || self->shut_down || !is_signed_in (self))
    return FALSE;

  if (self->thread == NULL)
    {
      self->worker_context = g_main_context_new ();
      self->worker_loop = g_main_loop_new (self->worker_context, FALSE);
      self->thread = g_thread_new ("jiandu-sync", worker_main, self);
    }

  job = g_new0 (SyncJob, 1);
  job->manager = g_object_ref (self);
  job->path = g_strdup (jd_store_get_path (self->store));
  job->server = g_strdup (self->status.server);
  job->token = g_strdup (self->token);
  self->cancellable = g_cancellable_new ();
  job->cancellable = g_object_ref (self->cancellable);

  self->running = TRUE;
  self->done = 0;
  self->total = self->status.pending;
  g_main_context_invoke (self->worker_context, job_start, job);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  return TRUE;
}

void
jd_sync_manager_cancel (JdSyncManager *self)
{
  g_return_if_fail (JD_IS_SYNC_MANAGER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}

/* Periodic sync */

static gboolean
timer_cb (gpointer data)
{
  JdSyncManager *self = data;

  if (g_network_monitor_get_network_available (self->monitor))
    jd_sync_manager_sync (self);
  return G_SOURCE_CONTINUE;
}

static void
interval_changed_cb (JdSyncManager *self)
{
  int minutes = g_settings_get_int (self->settings, "sync-interval");

  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->interval = 0;
  if (minutes > 0 && !self->shut_down)
    {
      self->interval = (guint) minutes;
      self->timer_id = g_timeout_add_seconds (self->interval * 60, timer_cb, self);
    }
}

guint
jd_sync_manager_get_interval (JdSyncManager *self)
{
  g_return_val_if_fail (JD_IS_SYNC_MANAGER (self), 0);

  return self->timer_id != 0 ? self->interval : 0;
}

static void
network_changed_cb (JdSyncManager *self)
{
  gboolean available = g_network_monitor_get_network_available (self->monitor);

  if (available == !self->network_down)
    return;
  self->network_down = !available;
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  /* Back online: what waited while offline goes now rather than at the next tick. */
  if (available && self->timer_id != 0)
    jd_sync_manager_sync (self);
}

void
jd_sync_manager_shutdown (JdSyncManager *self)
{
  g_return_if_fail (JD_IS_SYNC_MANAGER (self));

  self->shut_down = TRUE;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  if (self->monitor != NULL)
    g_signal_handlers_disconnect_by_data (self->monitor, self);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  jd_sync_manager_cancel (self);
  if (self->thread != NULL)
    {
      g_main_context_invoke (self->worker_context, worker_quit, self);
      g_thread_join (g_steal_pointer (&self->thread));
      g_clear_pointer (&self->worker_loop, g_main_loop_unref);
      g_clear_pointer (&self->worker_context, g_main_context_unref);
    }
}

/* Signing in and out */

typedef struct
{
  JdSyncClient *client;
  char         *user;
} SignIn;

static void
sign_in_free (SignIn *sign_in)
{
  g_clear_object (&sign_in->client);
  g_free (sign_in->user);
  g_free (sign_in);
}

static void
login_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JdSyncManager *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  const char *server = jd_sync_client_get_server (sign_in->client);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdSyncAccount) account = NULL;
  const char *user;

  account = jd_sync_client_login_finish (sign_in->client, result, &error);
  if (account == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  user = account->user != NULL ? account->user : sign_in->user;
  if (!jd_sync_token_save (server, user, account->token, &self->token_in_file, &error)
      || !jd_store_sync_set_account (self->store, server, user, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_clear_error (&self->last_error);
  g_clear_pointer (&self->last_error_text, g_free);
  read_status (self);
  load_token (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  g_task_return_boolean (task, TRUE);
}

void
jd_sync_manager_sign_in_async (JdSyncManager       *self,
                               const char          *server,
                               const char          *user,
                               const char          *password,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SignIn *sign_in;

  g_return_if_fail (JD_IS_SYNC_MANAGER (self));
  g_return_if_fail (server != NULL && user != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, jd_sync_manager_sign_in_async);

  /* Before the server is asked anything: a sample database is never signed in. */
  if (!jd_store_sync_check_attachable (self->store, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  sign_in = g_new0 (SignIn, 1);
  sign_in->client = jd_sync_client_new (server);
  sign_in->user = g_strdup (user);
  configure_retry (sign_in->client);
  g_task_set_task_data (task, sign_in, (GDestroyNotify) sign_in_free);
  jd_sync_client_login_async (sign_in->client, user, password, cancellable, login_cb,
                              g_steal_pointer (&task));
}

gboolean
jd_sync_manager_sign_in_finish (JdSyncManager  *self,
                                GAsyncResult   *result,
                                GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
logout_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  JdSyncManager *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  /* A token the server no longer knows is as good as revoked; the local copy goes anyway. */
  if (!jd_sync_client_logout_finish (JD_SYNC_CLIENT (source), result, &error))
    g_debug ("The server did not confirm the sign-out: %s", error->message);
  g_clear_error (&error);

  if (self->status.server != NULL && self->status.user != NULL
      && !jd_sync_token_clear (self->status.server, self->status.user, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_pointer (&self->token, g_free);
  g_clear_error (&self->last_error);
  g_clear_pointer (&self->last_error_text, g_free);
  jd_sync_manager_refresh (self);
  g_task_return_boolean (task, TRUE);
}

void
jd_sync_manager_sign_out_async (JdSyncManager       *self,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(JdSyncClient) client = NULL;

  g_return_if_fail (JD_IS_SYNC_MANAGER (self));

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, jd_sync_manager_sign_out_async);
  if (!is_signed_in (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  jd_sync_manager_cancel (self);
  client = jd_sync_client_new (self->status.server);
  jd_sync_client_set_token (client, self->token);
  jd_sync_client_set_retry (client, 1, 0);
  jd_sync_client_logout_async (client, NULL, logout_cb, g_steal_pointer (&task));
}

gboolean
jd_sync_manager_sign_out_finish (JdSyncManager  *self,
                                 GAsyncResult   *result,
                                 GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
jd_sync_manager_dispose (GObject *object)
{
  JdSyncManager *self = JD_SYNC_MANAGER (object);

  jd_sync_manager_shutdown (self);

  G_OBJECT_CLASS (jd_sync_manager_parent_class)->dispose (object);
}

static void
jd_sync_manager_finalize (GObject *object)
{
  JdSyncManager *self = JD_SYNC_MANAGER (object);

  jd_sync_status_clear (&self->status);
  g_free (self->token);
  g_clear_error (&self->last_error);
  g_free (self->last_error_text);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jd_sync_manager_parent_class)->finalize (object);
}

static void
jd_sync_manager_class_init (JdSyncManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_sync_manager_dispose;
  object_class->finalize = jd_sync_manager_finalize;

  /**
   * JdSyncManager::changed:
   *
   * The state, the progress, the account or the counts changed.
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
  /**
   * JdSyncManager::synced:
   * @rows_changed: whether the sync wrote rows of the database
   *
   * A sync ended, well or not.
   */
  signals[SIGNAL_SYNCED] =
    g_signal_new ("synced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BOOLEAN);
}

static void
jd_sync_manager_init (JdSyncManager *self)
{
}

JdSyncManager *
jd_sync_manager_new (JdStore   *store,
                     GSettings *settings)
{
  JdSyncManager *self;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (JD_TYPE_SYNC_MANAGER, NULL);
  self->store = g_object_ref (store);
  self->settings = g_object_ref (settings);
  self->monitor = g_object_ref (g_network_monitor_get_default ());
  self->network_down = !g_network_monitor_get_network_available (self->monitor);
  read_status (self);
  load_token (self);

  g_signal_connect_swapped (self->settings, "changed::sync-interval",
                            G_CALLBACK (interval_changed_cb), self);
  g_signal_connect_swapped (self->monitor, "notify::network-available",
                            G_CALLBACK (network_changed_cb), self);
  interval_changed_cb (self);
  return self;
}
