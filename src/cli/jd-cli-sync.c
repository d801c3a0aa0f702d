#include "jd-cli.h"

#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jd-sync-client.h"
#include "jd-sync-token.h"

typedef struct
{
  GMainLoop    *loop;
  GAsyncResult *result;
} Wait;

static void
wait_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

/* The CLI runs the async API to its end: start it with jd_cli_wait_callback() and this data. */
GAsyncResult *
jd_cli_wait (JdCliWaitStart start,
             gpointer       start_data)
{
  Wait wait = { g_main_loop_new (NULL, FALSE), NULL };

  start (start_data, wait_cb, &wait);
  if (wait.result == NULL)
    g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  return wait.result;
}

/* Tests make the retries quick; people keep the defaults. */
static void
configure_retry (JdSyncClient *client)
{
  const char *attempts = g_getenv ("JIANDU_SYNC_ATTEMPTS");
  const char *delay = g_getenv ("JIANDU_SYNC_RETRY_DELAY_MS");

  if (attempts != NULL || delay != NULL)
    jd_sync_client_set_retry (client, attempts != NULL ? atoi (attempts) : 5,
                              delay != NULL ? atoi (delay) : 500);
}

JdSyncClient *
jd_cli_sync_client (JdStore *store)
{
  g_auto(JdSyncStatus) status = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autofree char *token = NULL;

  if (!jd_store_sync_get_status (store, &status, &error))
    {
      jd_cli_fail (g_steal_pointer (&error));
      return NULL;
    }

  if (status.server != NULL && status.user != NULL)
    token = jd_sync_token_load (status.server, status.user, &error);
  if (error != NULL)
    {
      jd_cli_fail (g_steal_pointer (&error));
      return NULL;
    }
  if (token == NULL)
    {
      g_printerr (_("jiandu-cli: not logged in: run “jiandu-cli login --server URL --user NAME” "
                    "first\n"));
      return NULL;
    }

  client = jd_sync_client_new (status.server);
  jd_sync_client_set_token (client, token);
  configure_retry (client);
  return g_steal_pointer (&client);
}

typedef struct
{
  JdSyncClient *client;
  JdStore      *store;
  GCancellable *cancellable;
} SyncStart;

static void
start_sync (gpointer            data,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  SyncStart *start = data;

  jd_sync_client_sync_async (start->client, start->store, start->cancellable, callback,
                             user_data);
}

static void
progress_cb (JdSyncClient *client,
             gint64        done,
             gint64        total,
             gpointer      user_data)
{
  g_printerr (_("Synced %lld of %lld rows\n"), (long long) done, (long long) total);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  g_printerr (_("Stopping after the request under way…\n"));
  g_cancellable_cancel (user_data);
  return G_SOURCE_CONTINUE;
}

int
jd_cli_sync (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdSyncClient) client = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(JdSyncStatus) status = { 0 };
  JdSyncResult stats = { 0 };
  SyncStart start;
  guint interrupt;
  gboolean ok;

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Push local changes to the server, then pull what changed there. "
                               "Exit status 1 when conflicts or refused rows are left."),
                             NULL))
    return JD_CLI_BAD_INPUT;

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  client = jd_cli_sync_client (store);
  if (client == NULL)
    return JD_CLI_BAD_INPUT;

  g_signal_connect (client, "progress", G_CALLBACK (progress_cb), NULL);
  interrupt = g_unix_signal_add (SIGINT, interrupt_cb, cancellable);
  start = (SyncStart) { client, store, cancellable };
  result = jd_cli_wait (start_sync, &start);
  g_source_remove (interrupt);
  ok = jd_sync_client_sync_finish (client, result, &stats, &error);

  if (!jd_store_sync_get_status (store, &status, ok ? &error : NULL) && ok)
    return jd_cli_fail (g_steal_pointer (&error));

  /* What was committed stays committed, so the summary is worth printing either way. */
  g_print (_("Pushed: %u applied, %u merged after a conflict, %u refused\n"),
           stats.push.applied, stats.push.conflicts, stats.push.rejected);
  g_print (_("Pulled: %u rows written, %u merged with local edits\n"), stats.pull.written,
           stats.pull.merged);
  if (stats.pull.left > 0)
    g_print (_("Rows moved out of your scope on the server: %u\n"), stats.pull.left);
  g_print (_("Data files fetched: %u\n"), stats.data_files);
  g_print (_("Left: %lld to push, %lld conflicts in %lld rows, %lld refused rows\n"),
           (long long) status.pending, (long long) status.conflicts,
           (long long) status.conflicted_rows, (long long) status.rejected);

  if (!ok)
    return jd_cli_fail (g_steal_pointer (&error));

  return status.conflicts > 0 || status.rejected > 0 ? JD_CLI_FINDINGS : JD_CLI_OK;
}

int
jd_cli_status (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(JdSyncStatus) status = { 0 };
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL, _("Show what waits to be synced."), entries))
    return JD_CLI_BAD_INPUT;
  if (ctx->argc != 1)
    {
      g_printerr (_("jiandu-cli status: takes no arguments\n"));
      return JD_CLI_BAD_INPUT;
    }

  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  if (!jd_store_sync_get_status (store, &status, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pending");
      json_builder_add_int_value (builder, status.pending);
      json_builder_set_member_name (builder, "conflicts");
      json_builder_add_int_value (builder, status.conflicts);
      json_builder_set_member_name (builder, "conflicted_rows");
      json_builder_add_int_value (builder, status.conflicted_rows);
      json_builder_set_member_name (builder, "rejected");
      json_builder_add_int_value (builder, status.rejected);
      json_builder_set_member_name (builder, "cursor");
      json_builder_add_int_value (builder, status.cursor);
      json_builder_set_member_name (builder, "last_sync");
      json_builder_add_string_value (builder, status.last_sync);
      json_builder_set_member_name (builder, "server");
      json_builder_add_string_value (builder, status.server);
      json_builder_set_member_name (builder, "user");
      json_builder_add_string_value (builder, status.user);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      jd_cli_print_json (root);
      return JD_CLI_OK;
    }

  g_print (_("Server: %s\n"), status.server != NULL ? status.server : _("(not logged in)"));
  g_print (_("User: %s\n"), status.user != NULL ? status.user : "-");
  g_print (_("Last sync: %s\n"), status.last_sync != NULL ? status.last_sync : _("never"));
  g_print (_("Waiting to be pushed: %lld\n"), (long long) status.pending);
  g_print (_("Conflicts: %lld (in %lld rows)\n"), (long long) status.conflicts,
           (long long) status.conflicted_rows);
  g_print (_("Refused by the server: %lld\n"), (long long) status.rejected);
  return JD_CLI_OK;
}
