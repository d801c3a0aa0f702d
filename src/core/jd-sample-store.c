#include "jd-sample-store.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "jd-agency.h"
#include "jd-codec.h"
#include "jd-store-batch.h"
#include "jd-store-sync.h"

/* Cases per transaction: big enough that commits cost little, small enough that the WAL stays
 * small and an interrupted run keeps most of what it made. */
#define BATCH_CASES 10000
/* Batches made but not yet freed: one being stored, one being made, one waiting. */
#define MAX_IN_FLIGHT 3

/* A generator thread fills batches while the caller's thread stores them. Each object goes
 * through the codec as an import would (checked, records split off, text made), then into the
 * batch, which copies what the store needs, so that the JSON trees are freed at once, while they
 * are still in the cache. Batches travel back to the generator to be freed, so that the memory of
 * a batch is released by the thread that allocated it. */
typedef struct
{
  JdSampleOptions  options;
  GAsyncQueue     *full;      /* JdStoreBatch to store; the Pipeline itself marks the end */
  GAsyncQueue     *done;      /* stored JdStoreBatch to free */
  GCancellable    *cancellable;
  JdStoreBatch    *batch;     /* the batch being filled */
  guint            in_flight;
  guint            n_cases;
  guint            n_objects;
  GError          *error;     /* the generator's */
} Pipeline;

static void
reclaim (Pipeline *pipeline,
         gboolean  wait)
{
  JdStoreBatch *batch;

  while ((batch = wait ? g_async_queue_pop (pipeline->done)
                       : g_async_queue_try_pop (pipeline->done)) != NULL)
    {
      jd_store_batch_free (batch);
      pipeline->in_flight--;
      wait = FALSE;
    }
}

static void
send_batch (Pipeline *pipeline)
{
  g_async_queue_push (pipeline->full, g_steal_pointer (&pipeline->batch));
  pipeline->in_flight++;
  pipeline->batch = jd_store_batch_new ();
  pipeline->n_cases = 0;

  reclaim (pipeline, pipeline->in_flight >= MAX_IN_FLIGHT);
}

static gboolean
emit_cb (const char  *collection_key,
         JsonObject  *object,
         gpointer     user_data,
         GError     **error)
{
  Pipeline *pipeline = user_data;
  g_autoptr(JdDocument) document = jd_document_new ();
  JdCollection collection;
  g_autofree char *path = NULL;

  if (g_cancellable_set_error_if_cancelled (pipeline->cancellable, error))
    return FALSE;

  if (!jd_collection_from_key (collection_key, &collection))
    {
      g_set_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_FORMAT,
                   "sample: unknown collection “%s”", collection_key);
      return FALSE;
    }

  path = g_strdup_printf ("sample:%s[%u]", collection_key, pipeline->n_objects++);
  if (!jd_codec_add_object (document, collection, object, path, error))
    return FALSE;
  jd_store_batch_add_document (pipeline->batch, document, FALSE);

  if (collection == JD_COLLECTION_CASES && ++pipeline->n_cases >= BATCH_CASES)
    send_batch (pipeline);

  return TRUE;
}

static gpointer
generate_thread (gpointer data)
{
  Pipeline *pipeline = data;

  pipeline->batch = jd_store_batch_new ();
  if (jd_sample_generate (&pipeline->options, emit_cb, pipeline, &pipeline->error))
    send_batch (pipeline);
  g_clear_pointer (&pipeline->batch, jd_store_batch_free);
  g_async_queue_push (pipeline->full, pipeline);

  while (pipeline->in_flight > 0)
    reclaim (pipeline, TRUE);

  return NULL;
}

static void
forward_cancel_cb (GCancellable *cancellable,
                   gpointer      stop)
{
  g_cancellable_cancel (stop);
}

static gboolean
read_agency (JdStore          *store,
             const char       *agency_id,
             GStrv            *power_codes,
             GStrv            *officer_ids,
             GError          **error)
{
  g_autoptr(JdEntity) agency = NULL;
  g_autoptr(GStrvBuilder) powers = g_strv_builder_new ();
  JsonArray *list;

  agency = jd_store_get (store, JD_COLLECTION_AGENCIES, agency_id, error);
  if (agency == NULL)
    return FALSE;

  list = jd_agency_get_powers (JD_AGENCY (agency));
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *power = json_array_get_object_element (list, i);
      const char *code = json_object_get_string_member_with_default (power, "code", NULL);

      if (code != NULL)
        g_strv_builder_add (powers, code);
    }

  *power_codes = g_strv_builder_end (powers);
  *officer_ids = jd_store_list_officer_ids (store, agency_id, error);
  return *officer_ids != NULL;
}

gboolean
jd_sample_store (JdStore       *store,
                 guint          n_cases,
                 guint32        seed,
                 const char    *agency_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_auto(GStrv) power_codes = NULL;
  g_auto(GStrv) officer_ids = NULL;
  g_autoptr(GError) store_error = NULL;
  Pipeline pipeline = { { n_cases, seed, agency_id, NULL, NULL } };
  gulong handler = 0;
  GThread *thread;
  gpointer item;

  g_return_val_if_fail (JD_IS_STORE (store), FALSE);

  if (agency_id != NULL)
    {
      if (!read_agency (store, agency_id, &power_codes, &officer_ids, error))
        return FALSE;
      pipeline.options.power_codes = (const char * const *) (power_codes[0] ? power_codes : NULL);
      pipeline.options.officer_ids = (const char * const *) officer_ids;
    }

  /* Invented cases must never be pushed to a district server. */
  {
    g_auto(JdSyncStatus) status = { 0 };

    if (!jd_store_sync_get_status (store, &status, error))
      return FALSE;
    if (status.server != NULL)
      {
        g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SAMPLE_DATA,
                     _("%s is signed in to %s: sample data would be pushed there; generate it "
                       "into another database"),
                     jd_store_get_path (store), status.server);
        return FALSE;
      }
  }

  /* Marked before the first batch, so that even an interrupted run leaves the mark. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autofree char *when = g_date_time_format_iso8601 (now);
    g_autofree char *mark = g_strdup_printf ("{\"seed\": %u, \"cases\": %u, \"generated\": \"%s\"}",
                                             seed, n_cases, when);

    if (!jd_store_set_meta (store, JD_STORE_META_SAMPLE, mark, error))
      return FALSE;
  }

  /* The generator stops on the caller's cancellable and on a failed write alike. */
  if (cancellable != NULL)
    handler = g_cancellable_connect (cancellable, G_CALLBACK (forward_cancel_cb),
                                     g_object_ref (stop), g_object_unref);
  pipeline.cancellable = stop;
  pipeline.full = g_async_queue_new ();
  pipeline.done = g_async_queue_new ();

  jd_store_begin_bulk (store);
  thread = g_thread_new ("jd-sample", generate_thread, &pipeline);
  while ((item = g_async_queue_pop (pipeline.full)) != &pipeline)
    {
      if (store_error == NULL && !jd_store_import_batch (store, item, NULL, &store_error))
        g_cancellable_cancel (stop);
      g_async_queue_push (pipeline.done, item);
    }
  g_thread_join (thread);
  jd_store_end_bulk (store);

  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, handler);
  g_async_queue_unref (pipeline.full);
  g_async_queue_unref (pipeline.done);

  if (store_error != NULL)
    {
      g_clear_error (&pipeline.error);
      g_propagate_error (error, g_steal_pointer (&store_error));
      return FALSE;
    }

  if (pipeline.error != NULL)
    {
      g_propagate_error (error, pipeline.error);
      return FALSE;
    }

  return TRUE;
}
