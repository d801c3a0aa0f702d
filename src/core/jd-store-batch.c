#include "jd-store-private.h"

#include <string.h>

#include "jd-codec.h"

#define END_COLUMNS { NULL, NULL, NULL }

static const JdStoreColumn agency_columns[] = {
  { "name", "name" }, { "kind", "kind" }, { "parent_id", "parent_id" }, END_COLUMNS
};
static const JdStoreColumn officer_columns[] = {
  { "name", "name" }, { "agency_id", "agency_id" }, { "role", "role" }, END_COLUMNS
};
/* opened_on is computed (the earliest stage date) and follows these. */
static const JdStoreColumn case_columns[] = {
  { "number", "number" }, { "agency_id", "agency_id" }, { "title", "title" },
  { "action_type", "action_type" }, { "procedure", "procedure" },
  { "decided_on", "decision", "date" }, { "closed_on", "closed_on" },
  { "review_submitted_on", "review", "submitted_on" },
  { "review_completed_on", "review", "completed_on" }, END_COLUMNS
};
static const JdStoreColumn record_columns[] = {
  { "case_id", "case_id" }, { "corrects", "corrects" }, END_COLUMNS
};
static const JdStoreColumn complaint_columns[] = {
  { "received_on", "received_on" }, { "respondent_agency_id", "respondent_agency_id" },
  END_COLUMNS
};
static const JdStoreColumn supervision_case_columns[] = {
  { "agency_id", "agency_id" }, { "filed_on", "filed_on" }, END_COLUMNS
};
static const JdStoreColumn letter_columns[] = {
  { "supervision_case_id", "supervision_case_id" }, { "agency_id", "agency_id" },
  { "issued_on", "issued_on" }, END_COLUMNS
};
static const JdStoreColumn dispute_columns[] = { { "submitted_on", "submitted_on" }, END_COLUMNS };
static const JdStoreColumn social_supervisor_columns[] = { { "name", "name" }, END_COLUMNS };
static const JdStoreColumn evaluation_columns[] = {
  { "agency_id", "agency_id" }, { "year", "year" }, END_COLUMNS
};

static const JdStoreColumn * const columns[JD_N_COLLECTIONS] = {
  [JD_COLLECTION_AGENCIES] = agency_columns,
  [JD_COLLECTION_OFFICERS] = officer_columns,
  [JD_COLLECTION_CASES] = case_columns,
  [JD_COLLECTION_RECORDS] = record_columns,
  [JD_COLLECTION_COMPLAINTS] = complaint_columns,
  [JD_COLLECTION_SUPERVISION_CASES] = supervision_case_columns,
  [JD_COLLECTION_LETTERS] = letter_columns,
  [JD_COLLECTION_DISPUTES] = dispute_columns,
  [JD_COLLECTION_SOCIAL_SUPERVISORS] = social_supervisor_columns,
  [JD_COLLECTION_EVALUATIONS] = evaluation_columns,
};

struct _JdStoreBatch
{
  /* the strings of copied rows */
  GStringChunk *strings;
  GArray       *rows[JD_N_COLLECTIONS];
  /* what the rows borrow from: kept documents, and the officers of copied ones */
  GPtrArray    *keep;
};

const JdStoreColumn *
jd_store_columns (JdCollection collection)
{
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);

  return columns[collection];
}

const JdStoreValue *
jd_store_row_get_member (const JdStoreRow *row,
                         const char       *member)
{
  guint i = 0;

  for (const JdStoreColumn *col = columns[row->collection]; col->column != NULL; col++, i++)
    {
      if (col->child == NULL && strcmp (col->member, member) == 0)
        return &row->values[i];
    }

  return NULL;
}

JdStoreBatch *
jd_store_batch_new (void)
{
  JdStoreBatch *batch = g_new0 (JdStoreBatch, 1);

  /* Big blocks: a batch of cases holds tens of megabytes of text. */
  batch->strings = g_string_chunk_new (1 << 20);
  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    batch->rows[c] = g_array_new (FALSE, FALSE, sizeof (JdStoreRow));
  batch->keep = g_ptr_array_new_with_free_func (g_object_unref);

  return batch;
}

void
jd_store_batch_free (JdStoreBatch *batch)
{
  if (batch == NULL)
    return;

  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    g_array_unref (batch->rows[c]);
  g_ptr_array_unref (batch->keep);
  g_string_chunk_free (batch->strings);
  g_free (batch);
}

GArray *
jd_store_batch_get_rows (JdStoreBatch *batch,
                         JdCollection  collection)
{
  g_return_val_if_fail (collection < JD_N_COLLECTIONS, NULL);

  return batch->rows[collection];
}

guint
jd_store_batch_get_n_rows (JdStoreBatch *batch)
{
  guint n = 0;

  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    n += batch->rows[c]->len;

  return n;
}

static void
take_value (JdStoreValue *value,
            JsonObject   *fields,
            const char   *member,
            const char   *child)
{
  JsonNode *node = json_object_get_member (fields, member);

  if (node != NULL && child != NULL)
    {
      node = JSON_NODE_HOLDS_OBJECT (node)
               ? json_object_get_member (json_node_get_object (node), child)
               : NULL;
    }

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    value->text = json_node_get_string (node);
  else if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      value->number = json_node_get_int (node);
      value->is_number = TRUE;
    }
}

/* A case is listed by when it was opened: its earliest recorded stage. */
static const char *
case_opened_on (JsonObject *fields)
{
  JsonNode *node = json_object_get_member (fields, "stages");
  const char *earliest = NULL;
  JsonArray *stages;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  stages = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonNode *stage = json_array_get_element (stages, i);
      const char *date;

      if (!JSON_NODE_HOLDS_OBJECT (stage))
        continue;
      date = json_object_get_string_member_with_default (json_node_get_object (stage), "date",
                                                         NULL);
      if (date != NULL && (earliest == NULL || strcmp (date, earliest) < 0))
        earliest = date;
    }

  return earliest;
}

void
jd_store_row_init (JdStoreRow *row,
                   JdEntity   *entity,
                   const char *path,
                   const char *body)
{
  JdCollection collection = jd_entity_get_collection (entity);
  JsonObject *fields = jd_entity_get_fields (entity);
  guint i = 0;

  memset (row, 0, sizeof *row);
  row->collection = collection;
  row->id = jd_entity_get_id (entity);
  row->path = path;
  row->body = body;
  row->body_length = strlen (body);
  row->entity = entity;

  for (const JdStoreColumn *col = columns[collection]; col->column != NULL; col++, i++)
    take_value (&row->values[i], fields, col->member, col->child);
  if (collection == JD_COLLECTION_CASES)
    row->values[i++].text = case_opened_on (fields);
  g_assert (i <= JD_STORE_MAX_VALUES);
}

/* The text case_search_source (migration 0003) makes of @fields and of @records (the records
 * of the case, in the order they are written): number, title, party names, facts and record
 * matters, each followed by a newline; names and matters joined by a space. */
void
jd_store_case_search_head (GString    *text,
                           JsonObject *fields)
{
  JsonArray *parties = NULL;
  JsonNode *node;
  gboolean first = TRUE;

  g_string_append (text, json_object_get_string_member_with_default (fields, "number", ""));
  g_string_append_c (text, '\n');
  g_string_append (text, json_object_get_string_member_with_default (fields, "title", ""));
  g_string_append_c (text, '\n');

  node = json_object_get_member (fields, "parties");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    parties = json_node_get_array (node);
  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      JsonNode *party = json_array_get_element (parties, i);
      const char *name = NULL;

      if (JSON_NODE_HOLDS_OBJECT (party))
        name = json_object_get_string_member_with_default (json_node_get_object (party), "name",
                                                           NULL);
      if (name == NULL)
        continue;
      if (!first)
        g_string_append_c (text, ' ');
      g_string_append (text, name);
      first = FALSE;
    }
  g_string_append_c (text, '\n');

  g_string_append (text, json_object_get_string_member_with_default (fields, "facts", ""));
  g_string_append_c (text, '\n');
}

void
jd_store_case_search_matters (GString   *text,
                              GPtrArray *matters)
{
  gboolean first = TRUE;

  for (guint i = 0; matters != NULL && i < matters->len; i++)
    {
      const char *matter = matters->pdata[i];

      if (matter == NULL)
        continue;
      if (!first)
        g_string_append_c (text, ' ');
      g_string_append (text, matter);
      first = FALSE;
    }
  g_string_append_c (text, '\n');
}

char *
jd_store_case_search_text (JsonObject *fields,
                           GPtrArray  *records)
{
  GString *text = g_string_sized_new (512);
  g_autoptr(GPtrArray) matters = g_ptr_array_new ();

  for (guint i = 0; records != NULL && i < records->len; i++)
    g_ptr_array_add (matters, (gpointer) jd_entity_get_string (records->pdata[i], "matter"));

  jd_store_case_search_head (text, fields);
  jd_store_case_search_matters (text, matters);
  return g_string_free (text, FALSE);
}

/* Whether every member the search text reads is a string or absent: only then does the text
 * above equal the view's, which would print other JSON values in its own way. */
static gboolean
plain_member (JsonObject *object,
              const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node == NULL ||
         (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING);
}

gboolean
jd_store_case_is_plain (JsonObject *fields,
                        GPtrArray  *records)
{
  JsonNode *node = json_object_get_member (fields, "parties");

  if (!plain_member (fields, "number") || !plain_member (fields, "title") ||
      !plain_member (fields, "facts"))
    return FALSE;

  if (node != NULL)
    {
      JsonArray *parties;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return FALSE;
      parties = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (parties); i++)
        {
          JsonNode *party = json_array_get_element (parties, i);

          if (!JSON_NODE_HOLDS_OBJECT (party) ||
              !plain_member (json_node_get_object (party), "name"))
            return FALSE;
        }
    }

  for (guint i = 0; records != NULL && i < records->len; i++)
    if (!plain_member (jd_entity_get_fields (records->pdata[i]), "matter"))
      return FALSE;

  return TRUE;
}

static const char *
copy (JdStoreBatch *batch,
      const char   *text)
{
  return text != NULL ? g_string_chunk_insert (batch->strings, text) : NULL;
}

static void
add_entity (JdStoreBatch *batch,
            JdEntity     *entity,
            const char   *path,
            const char   *text,
            GPtrArray    *records,
            gboolean      borrow)
{
  JdCollection collection = jd_entity_get_collection (entity);
  g_autofree char *made = NULL;
  JdStoreRow *row;

  if (text == NULL)
    {
      made = jd_codec_object_to_string (jd_entity_get_fields (entity), NULL);
      text = g_string_chunk_insert (batch->strings, made);
    }

  g_array_set_size (batch->rows[collection], batch->rows[collection]->len + 1);
  row = &g_array_index (batch->rows[collection], JdStoreRow, batch->rows[collection]->len - 1);
  jd_store_row_init (row, entity, path, text);

  if (collection == JD_COLLECTION_CASES &&
      jd_store_case_is_plain (jd_entity_get_fields (entity), records))
    {
      g_autofree char *search = jd_store_case_search_text (jd_entity_get_fields (entity),
                                                           records);

      row->search_text = g_string_chunk_insert (batch->strings, search);
      row->n_search_records = records != NULL ? records->len : 0;
    }

  if (borrow)
    return;

  /* The batch outlives the object: copy what the row points into. */
  row->id = copy (batch, row->id);
  row->path = copy (batch, row->path);
  if (made == NULL)
    row->body = g_string_chunk_insert_len (batch->strings, row->body, row->body_length);
  for (guint i = 0; i < JD_STORE_MAX_VALUES; i++)
    row->values[i].text = copy (batch, row->values[i].text);

  if (collection == JD_COLLECTION_OFFICERS)
    g_ptr_array_add (batch->keep, g_object_ref (entity));
  else
    row->entity = NULL;
}

void
jd_store_batch_add_document (JdStoreBatch *batch,
                             JdDocument   *document,
                             gboolean      keep_objects)
{
  g_autoptr(GHashTable) by_case = NULL;

  g_return_if_fail (batch != NULL);
  g_return_if_fail (JD_IS_DOCUMENT (document));

  /* The records of each case in the document, in order, for its search text. */
  by_case = jd_document_group_records (document);
  if (keep_objects)
    g_ptr_array_add (batch->keep, g_object_ref (document));

  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    {
      GPtrArray *entities = jd_document_get_entities (document, c);

      for (guint i = 0; i < entities->len; i++)
        {
          GPtrArray *case_records = NULL;

          if (c == JD_COLLECTION_CASES)
            case_records = g_hash_table_lookup (by_case, jd_entity_get_id (entities->pdata[i]));
          add_entity (batch, entities->pdata[i], jd_document_get_path (document, c, i),
                      jd_document_get_text (document, c, i), case_records, keep_objects);
        }
    }
}
