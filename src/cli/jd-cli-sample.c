#include "jd-cli.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "jd-sample.h"

/* Cases per transaction: big enough that commits cost little, small enough that the WAL stays
 * small and an interrupted run keeps what it finished. */
#define BATCH_CASES 20000

typedef struct
{
  JdStore    *store;
  JdDocument *document;
  guint       n_cases;
  guint       n_objects;
} SampleBatch;

static gboolean
flush_batch (SampleBatch  *batch,
             GError      **error)
{
  g_autoptr(JdDocument) document = g_steal_pointer (&batch->document);

  batch->document = jd_document_new ();
  batch->n_cases = 0;
  return jd_store_import (batch->store, document, NULL, error);
}

static gboolean
emit_cb (const char  *collection_key,
         JsonObject  *object,
         gpointer     user_data,
         GError     **error)
{
  SampleBatch *batch = user_data;
  JdCollection collection;
  g_autofree char *path = NULL;

  if (!jd_collection_from_key (collection_key, &collection))
    {
      g_set_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_FORMAT,
                   "sample: unknown collection “%s”", collection_key);
      return FALSE;
    }

  path = g_strdup_printf ("%s[%u]", collection_key, batch->n_objects++);
  if (!jd_codec_add_object (batch->document, collection, object, path, error))
    return FALSE;

  if (collection == JD_COLLECTION_CASES && ++batch->n_cases >= BATCH_CASES)
    return flush_batch (batch, error);

  return TRUE;
}

gboolean
jd_cli_generate_sample (JdStore     *store,
                        guint        n_cases,
                        guint32      seed,
                        const char  *agency_id,
                        GError     **error)
{
  SampleBatch batch = { store, jd_document_new (), 0, 0 };
  JdSampleOptions options = { n_cases, seed, agency_id, NULL, NULL };
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(JdEntity) agency = NULL;
  g_autoptr(GStrvBuilder) powers = g_strv_builder_new ();
  g_auto(GStrv) power_codes = NULL;
  g_auto(GStrv) officer_ids = NULL;
  gboolean ok;

  if (agency_id != NULL)
    {
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
      power_codes = g_strv_builder_end (powers);
      officer_ids = jd_store_list_officer_ids (store, agency_id, error);
      if (officer_ids == NULL)
        return FALSE;

      options.power_codes = (const char * const *) (power_codes[0] ? power_codes : NULL);
      options.officer_ids = (const char * const *) officer_ids;
    }

  ok = jd_sample_generate (&options, emit_cb, &batch, error) && flush_batch (&batch, error);
  document = batch.document;
  return ok;
}

static gboolean
parse_count (const char  *text,
             guint       *out)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, 100000000, &value, NULL))
    return FALSE;

  *out = value;
  return TRUE;
}

int
jd_cli_sample (JdCliContext *ctx)
{
  g_autoptr(JdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *agency = NULL;
  int seed = 1;
  guint n_cases;
  GOptionEntry entries[] = {
    { "cases", 0, 0, G_OPTION_ARG_STRING, &cases, N_("How many cases to generate"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed: the same seed gives the same data"),
      N_("S") },
    { "agency", 0, 0, G_OPTION_ARG_STRING, &agency,
      N_("Add the cases to this existing agency instead of a new district"), N_("ID") },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("Generate a realistic district: agencies, officers, cases with "
                               "their records, reviews and publications, complaints and "
                               "supervision, with known rates of rule breaches."),
                             entries))
    return JD_CLI_BAD_INPUT;

  if (cases == NULL || !parse_count (cases, &n_cases))
    {
      g_printerr (_("jiandu-cli sample: --cases needs a whole number from 1 to 100000000\n"));
      return JD_CLI_BAD_INPUT;
    }
  if (ctx->argc != 1)
    {
      g_printerr (_("jiandu-cli sample: unexpected argument “%s”\n"), ctx->argv[1]);
      return JD_CLI_BAD_INPUT;
    }

  store = jd_cli_open_store (ctx, TRUE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;

  if (!jd_cli_generate_sample (store, n_cases, seed, agency, &error))
    return jd_cli_fail (g_steal_pointer (&error));

  g_print (_("Generated %u cases into %s\n"), n_cases, jd_store_get_path (store));
  return JD_CLI_OK;
}
