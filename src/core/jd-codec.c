#include "jd-codec.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

G_DEFINE_QUARK (jd-codec-error-quark, jd_codec_error)

/* Paths are built in one GString, extended and cut back while walking, so that checking a
 * million objects allocates no path unless a value is wrong. */
static gboolean check_value  (const JdField        *field,
                              JdFieldKind           kind,
                              JsonNode             *node,
                              GString              *path,
                              GError              **error);
static gboolean check_object (const JdObjectSchema *schema,
                              JsonObject           *object,
                              GString              *path,
                              GError              **error);

static gboolean
is_date (const char *text)
{
  unsigned int y, m, d;
  char tail;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;

  return g_date_valid_dmy (d, m, y);
}

static gboolean
is_time (const char *text)
{
  g_autoptr(GDateTime) dt = NULL;

  /* Without a default time zone GLib refuses a time that lacks an offset, as FORMAT.md does. */
  dt = g_date_time_new_from_iso8601 (text, NULL);
  return dt != NULL;
}

static gboolean
invalid (GError    **error,
         const char *path,
         const char *what)
{
  g_set_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_INVALID, "%s: %s", path, what);
  return FALSE;
}

static gboolean
check_enum (const JdField *field,
            const char    *value,
            GString       *path,
            GError       **error)
{
  g_autofree char *allowed = NULL;
  g_autofree char *message = NULL;

  if (g_strv_contains (field->values, value))
    return TRUE;

  allowed = g_strjoinv (", ", (char **) field->values);
  /* Translators: the first %s is the value found, the second the list of allowed values. */
  message = g_strdup_printf (_("“%s” is not one of: %s"), value, allowed);
  return invalid (error, path->str, message);
}

static gboolean
check_array (const JdField *field,
             JsonNode      *node,
             GString       *path,
             GError       **error)
{
  JsonArray *array;
  guint n;

  gsize length = path->len;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, path->str, _("not an array"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_string_append_printf (path, "[%u]", i);
      if (!check_value (field, field->item_kind, json_array_get_element (array, i), path, error))
        return FALSE;
      g_string_truncate (path, length);
    }

  return TRUE;
}

static gboolean
check_value (const JdField *field,
             JdFieldKind    kind,
             JsonNode      *node,
             GString       *path,
             GError       **error)
{
  GType value_type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node)
                                                  : G_TYPE_INVALID;

  switch (kind)
    {
    case JD_FIELD_STRING:
      if (value_type != G_TYPE_STRING)
        return invalid (error, path->str, _("not a string"));
      return TRUE;

    case JD_FIELD_DATE:
      if (value_type != G_TYPE_STRING || !is_date (json_node_get_string (node)))
        return invalid (error, path->str, _("not a date (expected YYYY-MM-DD)"));
      return TRUE;

    case JD_FIELD_TIME:
      if (value_type != G_TYPE_STRING || !is_time (json_node_get_string (node)))
        return invalid (error, path->str,
                        _("not a time (expected ISO 8601 with an offset, "
                          "e.g. 2025-03-01T09:30:00+08:00)"));
      return TRUE;

    case JD_FIELD_INT:
      if (value_type != G_TYPE_INT64)
        return invalid (error, path->str, _("not an integer"));
      if (field->max > field->min)
        {
          gint64 v = json_node_get_int (node);

          if (v < field->min || v > field->max)
            {
              g_autofree char *message =
                g_strdup_printf (_("%lld is outside %d–%d"), (long long) v, field->min,
                                 field->max);
              return invalid (error, path->str, message);
            }
        }
      return TRUE;

    case JD_FIELD_NUMBER:
      if (value_type != G_TYPE_INT64 && value_type != G_TYPE_DOUBLE)
        return invalid (error, path->str, _("not a number"));
      return TRUE;

    case JD_FIELD_BOOL:
      if (value_type != G_TYPE_BOOLEAN)
        return invalid (error, path->str, _("not true or false"));
      return TRUE;

    case JD_FIELD_ENUM:
      if (value_type != G_TYPE_STRING)
        return invalid (error, path->str, _("not a string"));
      return check_enum (field, json_node_get_string (node), path, error);

    case JD_FIELD_OBJECT:
      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, path->str, _("not an object"));
      return check_object (field->object, json_node_get_object (node), path, error);

    case JD_FIELD_ARRAY:
      return check_array (field, node, path, error);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
check_object (const JdObjectSchema *schema,
              JsonObject           *object,
              GString              *path,
              GError              **error)
{
  g_autoptr(GList) members = json_object_get_members (object);
  gsize length = path->len;

  /* null means "not recorded", the same as a missing key: drop it so that nothing downstream has
   * to tell the two apart. */
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (JSON_NODE_HOLDS_NULL (json_object_get_member (object, l->data)))
        json_object_remove_member (object, l->data);
    }

  for (const JdField *field = schema->fields; field->name != NULL; field++)
    {
      JsonNode *node = json_object_get_member (object, field->name);

      if (node == NULL && !field->required)
        continue;

      g_string_append_c (path, '.');
      g_string_append (path, field->name);

      if (node == NULL)
        return invalid (error, path->str, _("missing"));

      if (!check_value (field, field->kind, node, path, error))
        return FALSE;

      if (field->required && field->kind == JD_FIELD_STRING &&
          *json_node_get_string (node) == '\0')
        return invalid (error, path->str, _("empty"));

      g_string_truncate (path, length);
    }

  return TRUE;
}

gboolean
jd_codec_check_object (const JdObjectSchema *schema,
                       JsonObject           *object,
                       const char           *path,
                       GError              **error)
{
  g_autoptr(GString) buffer = g_string_sized_new (64);

  g_string_append (buffer, path);
  return check_object (schema, object, buffer, error);
}

/* The text is made here, on the thread that reads or generates, not on the one that writes. */
static void
add_with_text (JdDocument   *document,
               JdEntity     *entity,
               JdCollection  collection,
               const char   *path)
{
  jd_document_add_with_path (document, entity, path);
  jd_document_set_text (document, collection,
                        jd_document_get_entities (document, collection)->len - 1,
                        jd_codec_object_to_string (jd_entity_get_fields (entity), NULL));
}

static gboolean
add_entity (JdDocument   *document,
            GHashTable   *seen,
            JdCollection  collection,
            JsonObject   *object,
            const char   *path,
            GError      **error)
{
  g_autoptr(JdEntity) entity = NULL;
  g_autofree char *key = NULL;
  const char *first_path;

  entity = jd_entity_new_for_collection (collection, object);
  if (seen == NULL)
    {
      add_with_text (document, entity, collection, path);
      return TRUE;
    }

  key = g_strdup_printf ("%d/%s", collection, jd_entity_get_id (entity));
  first_path = g_hash_table_lookup (seen, key);
  if (first_path != NULL)
    {
      g_autofree char *id_path = g_strdup_printf ("%s.id", path);
      g_autofree char *message =
        g_strdup_printf (_("duplicate id “%s” (also at %s)"), jd_entity_get_id (entity),
                         first_path);
      return invalid (error, id_path, message);
    }

  g_hash_table_insert (seen, g_steal_pointer (&key), g_strdup (path));
  add_with_text (document, entity, collection, path);
  return TRUE;
}

/* Whole-process records arrive nested in their case; they become entities of their own that
 * name the case, because the store keeps them append-only. */
static gboolean
split_records (JdDocument  *document,
               GHashTable  *seen,
               JsonObject  *case_object,
               const char  *case_path,
               GError     **error)
{
  const char *case_id = json_object_get_string_member (case_object, "id");
  JsonArray *records;
  guint n;

  if (!json_object_has_member (case_object, "records"))
    return TRUE;

  records = json_object_get_array_member (case_object, "records");
  n = json_array_get_length (records);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s.records[%u]", case_path, i);
      JsonObject *record = json_array_get_object_element (records, i);
      const char *named_case = json_object_get_string_member_with_default (record, "case_id",
                                                                           NULL);

      if (named_case != NULL && g_strcmp0 (named_case, case_id) != 0)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.case_id", path);
          return invalid (error, member_path, _("names another case than the one holding it"));
        }

      json_object_set_string_member (record, "case_id", case_id);
      if (!add_entity (document, seen, JD_COLLECTION_RECORDS, record, path, error))
        return FALSE;
    }

  json_object_remove_member (case_object, "records");
  return TRUE;
}

static gboolean
check_and_add (JdDocument   *document,
               GHashTable   *seen,
               JdCollection  collection,
               JsonObject   *object,
               const char   *path,
               GError      **error)
{
  if (!jd_codec_check_object (jd_collection_schema (collection), object, path, error))
    return FALSE;

  if (collection == JD_COLLECTION_CASES && !split_records (document, seen, object, path, error))
    return FALSE;

  return add_entity (document, seen, collection, object, path, error);
}

gboolean
jd_codec_add_object (JdDocument    *document,
                     JdCollection   collection,
                     JsonObject    *object,
                     const char    *path,
                     GError       **error)
{
  g_return_val_if_fail (JD_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (collection != JD_COLLECTION_RECORDS, FALSE);

  return check_and_add (document, NULL, collection, object, path, error);
}

static gboolean
read_collection (JdDocument   *document,
                 GHashTable   *seen,
                 JsonObject   *root,
                 JdCollection  collection,
                 GError      **error)
{
  const char *key = jd_collection_key (collection);
  JsonNode *node = json_object_get_member (root, key);
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (error, key, _("not an array"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s[%u]", key, i);
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *object;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return invalid (error, path, _("not an object"));

      object = json_node_get_object (element);
      if (!check_and_add (document, seen, collection, object, path, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
check_utf8 (const char  *data,
            gsize        length,
            GError     **error)
{
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (data, length, &end))
    return TRUE;

  for (const char *p = data; p < end; p++)
    line += (*p == '\n');

  g_set_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_ENCODING,
               _("line %u: the file is not valid UTF-8 (byte %zu); "
                 "save it as UTF-8"),
               line, (gsize) (end - data) + 1);
  return FALSE;
}

JdDocument *
jd_codec_read (GBytes  *bytes,
               GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JdDocument) document = jd_document_new ();
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;
  JsonNode *root;
  JsonObject *root_object;
  const char *format;

  data = g_bytes_get_data (bytes, &length);
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!check_utf8 (data, length, error))
    return NULL;

  if (length == 0)
    {
      g_set_error_literal (error, JD_CODEC_ERROR, JD_CODEC_ERROR_SYNTAX, _("the file is empty"));
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_SYNTAX, _("not valid JSON: %s"),
                   local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, JD_CODEC_ERROR, JD_CODEC_ERROR_FORMAT,
                           _("not a jiandu/1 document: the top level is not a JSON object"));
      return NULL;
    }

  root_object = json_node_get_object (root);
  format = json_object_get_string_member_with_default (root_object, "format", NULL);
  if (g_strcmp0 (format, JD_CODEC_FORMAT) != 0)
    {
      if (format == NULL)
        g_set_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_FORMAT,
                     _("format: missing (expected “%s”)"), JD_CODEC_FORMAT);
      else
        g_set_error (error, JD_CODEC_ERROR, JD_CODEC_ERROR_FORMAT,
                     _("format: “%s” is not supported (expected “%s”)"), format,
                     JD_CODEC_FORMAT);
      return NULL;
    }

  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    {
      /* Records have no key of their own in a document: they live in cases[].records. */
      if (c == JD_COLLECTION_RECORDS)
        continue;

      if (!read_collection (document, seen, root_object, c, error))
        return NULL;
    }

  return g_steal_pointer (&document);
}

JdDocument *
jd_codec_read_file (const char  *path,
                    GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JdDocument *document;

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  bytes = g_mapped_file_get_bytes (file);
  document = jd_codec_read (bytes, error);
  if (document == NULL)
    g_prefix_error (error, "%s: ", path);

  return document;
}

char *
jd_codec_object_to_string (JsonObject *object,
                           gsize      *length)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  json_generator_set_root (generator, node);
  return json_generator_to_data (generator, length);
}

JsonObject *
jd_codec_object_from_string (const char  *text,
                             GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (text, error);

  if (node == NULL)
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, JD_CODEC_ERROR, JD_CODEC_ERROR_FORMAT, _("not a JSON object"));
      return NULL;
    }

  return json_object_ref (json_node_get_object (node));
}

/* The case a record belongs to is implied by where it stands in a document. */
static char *
record_without_case (JsonObject *record)
{
  g_autoptr(JsonObject) copy = json_object_new ();
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, record);
  while (json_object_iter_next_ordered (&iter, &name, &node))
    {
      if (strcmp (name, "case_id") != 0)
        json_object_set_member (copy, name, json_node_copy (node));
    }

  return jd_codec_object_to_string (copy, NULL);
}

struct _JdCodecWriter
{
  GOutputStream *stream;
  GString       *buffer;
  gboolean       in_collection;
  gboolean       first_item;
  int            next_collection;
};

/* Writes happen in 64 KiB pieces: a whole district is gigabytes. */
static gboolean
flush_if_full (JdCodecWriter  *writer,
               gsize           threshold,
               GError        **error)
{
  if (writer->buffer->len < threshold)
    return TRUE;

  if (!g_output_stream_write_all (writer->stream, writer->buffer->str, writer->buffer->len, NULL,
                                  NULL, error))
    return FALSE;

  g_string_truncate (writer->buffer, 0);
  return TRUE;
}

JdCodecWriter *
jd_codec_writer_new (GOutputStream *stream)
{
  JdCodecWriter *writer = g_new0 (JdCodecWriter, 1);

  writer->stream = g_object_ref (stream);
  writer->buffer = g_string_sized_new (1 << 17);
  g_string_append (writer->buffer, "{\n  \"format\": \"" JD_CODEC_FORMAT "\"");
  return writer;
}

void
jd_codec_writer_free (JdCodecWriter *writer)
{
  g_clear_object (&writer->stream);
  g_string_free (writer->buffer, TRUE);
  g_free (writer);
}

static void
end_collection (JdCodecWriter *writer)
{
  if (!writer->in_collection)
    return;

  g_string_append (writer->buffer, writer->first_item ? "]" : "\n  ]");
  writer->in_collection = FALSE;
}

gboolean
jd_codec_writer_begin_collection (JdCodecWriter  *writer,
                                  JdCollection    collection,
                                  GError        **error)
{
  g_return_val_if_fail (collection != JD_COLLECTION_RECORDS, FALSE);

  end_collection (writer);
  g_string_append_printf (writer->buffer, ",\n  \"%s\": [", jd_collection_key (collection));
  writer->in_collection = TRUE;
  writer->first_item = TRUE;
  return TRUE;
}

gboolean
jd_codec_writer_add (JdCodecWriter  *writer,
                     JsonObject     *fields,
                     GPtrArray      *records,
                     GError        **error)
{
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (writer->in_collection, FALSE);

  text = jd_codec_object_to_string (fields, &length);
  g_string_append (writer->buffer, writer->first_item ? "\n    " : ",\n    ");
  writer->first_item = FALSE;

  if (records == NULL || records->len == 0)
    {
      g_string_append_len (writer->buffer, text, length);
      return flush_if_full (writer, 1 << 16, error);
    }

  /* Nest the records back into their case, after its own members. */
  g_string_append_len (writer->buffer, text, length - 1);
  g_string_append (writer->buffer, length > 2 ? ",\"records\":[" : "\"records\":[");
  for (guint i = 0; i < records->len; i++)
    {
      g_autofree char *record_text = record_without_case (records->pdata[i]);

      if (i > 0)
        g_string_append_c (writer->buffer, ',');
      g_string_append (writer->buffer, record_text);
    }
  g_string_append (writer->buffer, "]}");

  return flush_if_full (writer, 1 << 16, error);
}

gboolean
jd_codec_writer_finish (JdCodecWriter  *writer,
                        GError        **error)
{
  end_collection (writer);
  g_string_append (writer->buffer, "\n}\n");
  return flush_if_full (writer, 0, error) &&
         g_output_stream_flush (writer->stream, NULL, error);
}

gboolean
jd_codec_write_document (JdDocument     *document,
                         GOutputStream  *stream,
                         GError        **error)
{
  g_autoptr(JdCodecWriter) writer = jd_codec_writer_new (stream);
  g_autoptr(GHashTable) records_by_case = NULL;
  GPtrArray *records = jd_document_get_entities (document, JD_COLLECTION_RECORDS);

  records_by_case = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                           (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < records->len; i++)
    {
      JdEntity *record = records->pdata[i];
      const char *case_id = jd_entity_get_string (record, "case_id");
      GPtrArray *list = g_hash_table_lookup (records_by_case, case_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (records_by_case, (gpointer) case_id, list);
        }
      g_ptr_array_add (list, jd_entity_get_fields (record));
    }

  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    {
      GPtrArray *entities = jd_document_get_entities (document, c);

      if (c == JD_COLLECTION_RECORDS || entities->len == 0)
        continue;

      if (!jd_codec_writer_begin_collection (writer, c, error))
        return FALSE;

      for (guint i = 0; i < entities->len; i++)
        {
          JdEntity *entity = entities->pdata[i];
          GPtrArray *case_records = NULL;

          if (c == JD_COLLECTION_CASES)
            case_records = g_hash_table_lookup (records_by_case, jd_entity_get_id (entity));

          if (!jd_codec_writer_add (writer, jd_entity_get_fields (entity), case_records, error))
            return FALSE;
        }
    }

  return jd_codec_writer_finish (writer, error);
}
