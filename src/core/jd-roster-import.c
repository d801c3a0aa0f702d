#include "jd-roster-import.h"

#include <glib/gi18n-lib.h>

#include "jd-codec.h"
#include "jd-officer.h"
#include "jd-roster-csv.h"
#include "jd-uuid.h"

static gboolean
row_error (GError           **error,
           const JdRosterRow *row,
           guint              column,
           const char        *message)
{
  /* Translators: “line 4, column 3 (所属单位): …” */
  g_set_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ROW,
               _("line %u, column %u (%s): %s"), row->line, column,
               jd_roster_column_name (column), message);
  return FALSE;
}

static JsonObject *
copy_object (JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autoptr(JsonNode) copy = json_node_copy (node);

  return json_object_ref (json_node_get_object (copy));
}

/* The officer a row is about: from this file already, from the store, or new. */
static JsonObject *
find_officer (JdStore           *store,
              GHashTable        *officers,
              GPtrArray         *order,
              const JdRosterRow *row,
              const char        *agency_id,
              GError           **error)
{
  g_autofree char *id = NULL;
  g_autoptr(JdEntity) existing = NULL;
  JsonObject *officer;

  if (row->certificate_number != NULL)
    {
      g_autofree char *holder_name = NULL;

      id = jd_store_find_certificate_holder (store, row->certificate_number, &holder_name, error);
      if (id == NULL && error != NULL && *error != NULL)
        return NULL;

      if (id != NULL && g_strcmp0 (holder_name, row->name) != 0)
        {
          g_autofree char *message =
            g_strdup_printf (_("certificate %s is held by %s in the database, not by %s"),
                             row->certificate_number, holder_name, row->name);
          row_error (error, row, JD_ROSTER_COL_CERTIFICATE, message);
          return NULL;
        }
    }

  if (id == NULL)
    {
      id = jd_store_find_officer_by_name (store, agency_id, row->name, error);
      if (id == NULL && error != NULL && *error != NULL)
        return NULL;
    }

  if (id != NULL && (officer = g_hash_table_lookup (officers, id)) != NULL)
    return officer;

  if (id != NULL)
    {
      existing = jd_store_get (store, JD_COLLECTION_OFFICERS, id, error);
      if (existing == NULL)
        return NULL;
      officer = copy_object (jd_entity_get_fields (existing));
    }
  else
    {
      /* Someone earlier in this file: an auxiliary listed twice, or a second certificate. */
      for (guint i = 0; i < order->len; i++)
        {
          JsonObject *candidate = order->pdata[i];

          if (g_strcmp0 (json_object_get_string_member (candidate, "agency_id"), agency_id) == 0 &&
              g_strcmp0 (json_object_get_string_member (candidate, "name"), row->name) == 0)
            return candidate;
        }

      g_autofree char *new_id = jd_uuid_new ();

      officer = json_object_new ();
      json_object_set_string_member (officer, "id", new_id);
    }

  g_hash_table_insert (officers, g_strdup (json_object_get_string_member (officer, "id")),
                       officer);
  g_ptr_array_add (order, officer);
  return officer;
}

static void
apply_certificate (JsonObject        *officer,
                   const JdRosterRow *row)
{
  JsonArray *certificates;
  JsonObject *certificate = NULL;

  if (!json_object_has_member (officer, "certificates"))
    json_object_set_array_member (officer, "certificates", json_array_new ());
  certificates = json_object_get_array_member (officer, "certificates");

  for (guint i = 0; i < json_array_get_length (certificates); i++)
    {
      JsonObject *candidate = json_array_get_object_element (certificates, i);

      if (g_strcmp0 (json_object_get_string_member (candidate, "number"),
                     row->certificate_number) == 0)
        certificate = candidate;
    }

  if (certificate == NULL)
    {
      certificate = json_object_new ();
      json_object_set_string_member (certificate, "number", row->certificate_number);
      json_array_add_object_element (certificates, certificate);
    }

  json_object_set_string_member (certificate, "valid_from", row->valid_from);
  json_object_set_string_member (certificate, "valid_to", row->valid_to);
  json_object_set_string_member (certificate, "status", row->status);
}

JdDocument *
jd_roster_import_document (JdStore  *store,
                           GBytes   *csv,
                           GError  **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) officers = NULL;
  g_autoptr(GHashTable) agencies = NULL;
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(JdDocument) document = jd_document_new ();
  JsonObject *officer;

  rows = jd_roster_csv_parse (csv, error);
  if (rows == NULL)
    return NULL;

  officers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) json_object_unref);
  agencies = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < rows->len; i++)
    {
      const JdRosterRow *row = rows->pdata[i];
      const char *agency_id = g_hash_table_lookup (agencies, row->agency_name);

      if (agency_id == NULL)
        {
          char *found = jd_store_find_agency_by_name (store, row->agency_name, error);

          if (found == NULL)
            {
              g_autofree char *message = NULL;

              if (error != NULL && *error != NULL)
                return NULL;

              message = g_strdup_printf (_("no agency named “%s” in the database; import the "
                                           "agencies first"),
                                         row->agency_name);
              row_error (error, row, JD_ROSTER_COL_AGENCY, message);
              return NULL;
            }
          g_hash_table_insert (agencies, row->agency_name, found);
          agency_id = found;
        }

      officer = find_officer (store, officers, order, row, agency_id, error);
      if (officer == NULL)
        return NULL;

      json_object_set_string_member (officer, "name", row->name);
      json_object_set_string_member (officer, "agency_id", agency_id);
      json_object_set_string_member (officer, "role", row->role);
      if (row->certificate_number != NULL)
        apply_certificate (officer, row);
    }

  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(JdEntity) entity = NULL;
      g_autofree char *path = NULL;

      officer = order->pdata[i];
      entity = jd_entity_new_for_collection (JD_COLLECTION_OFFICERS, officer);
      path = jd_entity_get_object_path (entity);
      if (!jd_codec_check_object (jd_collection_schema (JD_COLLECTION_OFFICERS), officer, path,
                                  error))
        return NULL;
      jd_document_add (document, entity);
    }

  return g_steal_pointer (&document);
}
