#include "jd-sync-page.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-json-span.h"
#include "jd-store-private.h"
#include "jd-sync-client.h"

/* What is read of a page answers what the store asks of a parsed row: the protocol's members of
 * the row (jd-store-sync.c once read them from the tree), the columns of its table as
 * jd_store_row_init() takes them, and the members of a case's search text as
 * jd_store_case_search_text() reads them. Strings are unescaped into the page's string chunk. */

#define MAX_NAMES 16

/* The members read of one collection's fields, found in one pass over each row. */
typedef struct
{
  guint       n_names;
  const char *names[MAX_NAMES];
  gsize       lengths[MAX_NAMES];
  guint       column_name[JD_STORE_MAX_VALUES];   /* the index in @names of each column's member */
  guint       n_columns;
  int         stages, parties, number, title, facts, matter;   /* indexes in @names, or -1 */
} Reading;

static int
add_name (Reading    *reading,
          const char *name)
{
  for (guint i = 0; i < reading->n_names; i++)
    if (strcmp (reading->names[i], name) == 0)
      return i;

  g_assert (reading->n_names < MAX_NAMES);
  reading->names[reading->n_names] = name;
  reading->lengths[reading->n_names] = strlen (name);
  return reading->n_names++;
}

static const Reading *
reading_for (JdCollection collection)
{
  static Reading readings[JD_N_COLLECTIONS];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      for (guint c = 0; c < JD_N_COLLECTIONS; c++)
        {
          Reading *reading = &readings[c];

          reading->stages = reading->parties = reading->number = -1;
          reading->title = reading->facts = reading->matter = -1;
          for (const JdStoreColumn *col = jd_store_columns (c); col->column != NULL; col++)
            reading->column_name[reading->n_columns++] = add_name (reading, col->member);
          if (c == JD_COLLECTION_CASES)
            {
              reading->stages = add_name (reading, "stages");
              reading->parties = add_name (reading, "parties");
              reading->number = add_name (reading, "number");
              reading->title = add_name (reading, "title");
              reading->facts = add_name (reading, "facts");
            }
          else if (c == JD_COLLECTION_RECORDS)
            reading->matter = add_name (reading, "matter");
        }
      g_once_init_leave (&initialized, 1);
    }

  return &readings[collection];
}

typedef struct
{
  JdSyncPage *page;
  const char *text;
  /* Buffers for the rows of the page, which the page's strings copy from */
  GString    *scratch;
  GString    *earliest;
  GString    *search;
} Reader;

/* Whether a span holds no backslash: then a name or string is its bytes between the quotes. */
static inline gboolean
plain_span (const char *text,
            JdJsonSpan  span)
{
  return memchr (text + span.offset + 1, '\\', span.length - 2) == NULL;
}

/* The spans of @names in the object at @object: zero length when absent, the last one when a
 * name repeats, as json-glib keeps it. */
static void
find_members (const char  *text,
              JdJsonSpan   object,
              const char  *const *names,
              const gsize *lengths,
              guint        n_names,
              JdJsonSpan  *spans)
{
  JdJsonIter iter;
  JdJsonSpan name, value;

  memset (spans, 0, n_names * sizeof (JdJsonSpan));
  if (!jd_json_iter_init_object (&iter, text, object))
    return;

  while (jd_json_iter_next_member (&iter, &name, &value))
    {
      gboolean plain = plain_span (text, name);

      for (guint i = 0; i < n_names; i++)
        {
          if (plain ? (name.length - 2 == lengths[i] &&
                       memcmp (text + name.offset + 1, names[i], lengths[i]) == 0)
                    : jd_json_span_equal (text, name, names[i]))
            {
              spans[i] = value;
              break;
            }
        }
    }
}

static inline gboolean
present (JdJsonSpan span)
{
  return span.length > 0;
}

static inline JdJsonKind
kind (Reader     *reader,
      JdJsonSpan  span)
{
  return jd_json_span_kind (reader->text, span);
}

/* The string at @span, unescaped into the page's strings. */
static const char *
string_at (Reader     *reader,
           JdJsonSpan  span)
{
  GStringChunk *strings = reader->page->strings;

  if (plain_span (reader->text, span))
    return g_string_chunk_insert_len (strings, reader->text + span.offset + 1, span.length - 2);

  g_string_truncate (reader->scratch, 0);
  jd_json_span_append_string (reader->text, span, reader->scratch);
  return g_string_chunk_insert_len (strings, reader->scratch->str, reader->scratch->len);
}

/* A string member or nothing, as json_object_get_string_member_with_default() reads it. */
static const char *
string_or_null (Reader     *reader,
                JdJsonSpan  span)
{
  return present (span) && kind (reader, span) == JD_JSON_STRING ? string_at (reader, span) : NULL;
}

/* As take_value() in jd-store-batch.c: a string or an integer, else NULL. */
static void
take_value (Reader       *reader,
            JdJsonSpan    span,
            const char   *child,
            JdStoreValue *value)
{
  if (!present (span))
    return;
  if (child != NULL &&
      (kind (reader, span) != JD_JSON_OBJECT ||
       !jd_json_object_lookup (reader->text, span, child, &span)))
    return;

  switch (kind (reader, span))
    {
    case JD_JSON_STRING:
      value->text = string_at (reader, span);
      break;
    case JD_JSON_INTEGER:
      value->is_number = jd_json_span_get_int (reader->text, span, &value->number);
      break;
    case JD_JSON_NULL:
    case JD_JSON_BOOLEAN:
    case JD_JSON_DOUBLE:
    case JD_JSON_OBJECT:
    case JD_JSON_ARRAY:
    default:
      break;
    }
}

/* As case_opened_on() in jd-store-batch.c: the earliest date of the stages. */
static const char *
earliest_stage (Reader     *reader,
                JdJsonSpan  stages)
{
  GString *earliest = reader->earliest;
  gboolean found = FALSE;
  JdJsonIter iter;
  JdJsonSpan stage, date;

  if (!present (stages) || !jd_json_iter_init_array (&iter, reader->text, stages))
    return NULL;

  while (jd_json_iter_next_element (&iter, &stage))
    {
      if (kind (reader, stage) != JD_JSON_OBJECT ||
          !jd_json_object_lookup (reader->text, stage, "date", &date) ||
          kind (reader, date) != JD_JSON_STRING)
        continue;
      g_string_truncate (reader->scratch, 0);
      jd_json_span_append_string (reader->text, date, reader->scratch);
      if (!found || strcmp (reader->scratch->str, earliest->str) < 0)
        g_string_assign (earliest, reader->scratch->str);
      found = TRUE;
    }

  return found ? g_string_chunk_insert (reader->page->strings, earliest->str) : NULL;
}

/* A member the search text reads: a string, or absent. */
static gboolean
plain_member (Reader     *reader,
              JdJsonSpan  span)
{
  return !present (span) || kind (reader, span) == JD_JSON_STRING;
}

static void
append_member (Reader     *reader,
               GString    *text,
               JdJsonSpan  span)
{
  if (present (span))
    jd_json_span_append_string (reader->text, span, text);
}

/* As jd_store_case_is_plain() and jd_store_case_search_head() read a case. */
static void
read_case_search (Reader        *reader,
                  const Reading *reading,
                  const JdJsonSpan *spans,
                  JdSyncPageRow *row)
{
  JdJsonSpan parties = spans[reading->parties];
  GString *text = reader->search;
  JdJsonIter iter;
  JdJsonSpan party, name;
  gboolean first = TRUE;

  if (!plain_member (reader, spans[reading->number]) ||
      !plain_member (reader, spans[reading->title]) ||
      !plain_member (reader, spans[reading->facts]) ||
      (present (parties) && kind (reader, parties) != JD_JSON_ARRAY))
    return;

  if (present (parties))
    {
      jd_json_iter_init_array (&iter, reader->text, parties);
      while (jd_json_iter_next_element (&iter, &party))
        {
          if (kind (reader, party) != JD_JSON_OBJECT ||
              (jd_json_object_lookup (reader->text, party, "name", &name) &&
               kind (reader, name) != JD_JSON_STRING))
            return;
        }
    }

  g_string_truncate (text, 0);
  append_member (reader, text, spans[reading->number]);
  g_string_append_c (text, '\n');
  append_member (reader, text, spans[reading->title]);
  g_string_append_c (text, '\n');
  if (present (parties))
    {
      jd_json_iter_init_array (&iter, reader->text, parties);
      while (jd_json_iter_next_element (&iter, &party))
        {
          if (!jd_json_object_lookup (reader->text, party, "name", &name))
            continue;
          if (!first)
            g_string_append_c (text, ' ');
          jd_json_span_append_string (reader->text, name, text);
          first = FALSE;
        }
    }
  g_string_append_c (text, '\n');
  append_member (reader, text, spans[reading->facts]);
  g_string_append_c (text, '\n');

  row->plain = TRUE;
  row->search = g_string_chunk_insert_len (reader->page->strings, text->str, text->len);
}

/* The columns and search members of the fields at @fields. */
static void
read_fields (Reader        *reader,
             JdJsonSpan     fields,
             JdSyncPageRow *row)
{
  const Reading *reading = reading_for (row->collection);
  const JdStoreColumn *columns = jd_store_columns (row->collection);
  JdJsonSpan spans[MAX_NAMES];

  row->row.collection = row->collection;
  row->row.id = row->id;
  row->row.path = row->id;
  row->row.body = g_string_chunk_insert_len (reader->page->strings, reader->text + fields.offset,
                                             fields.length);
  row->row.body_length = fields.length;

  find_members (reader->text, fields, reading->names, reading->lengths, reading->n_names, spans);
  for (guint i = 0; i < reading->n_columns; i++)
    take_value (reader, spans[reading->column_name[i]], columns[i].child, &row->row.values[i]);

  if (row->collection == JD_COLLECTION_CASES)
    {
      row->row.values[reading->n_columns].text = earliest_stage (reader, spans[reading->stages]);
      read_case_search (reader, reading, spans, row);
    }
  else if (row->collection == JD_COLLECTION_RECORDS)
    {
      row->plain = plain_member (reader, spans[reading->matter]);
      row->search = string_or_null (reader, spans[reading->matter]);
    }
}

static gboolean
bad_row (GError     **error,
         const char  *what)
{
  g_set_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
               _("The server sent an answer this version of Jiandu cannot read (%s)."), what);
  return FALSE;
}

static gboolean
is_true (Reader     *reader,
         JdJsonSpan  span)
{
  return present (span) && kind (reader, span) == JD_JSON_BOOLEAN &&
         reader->text[span.offset] == 't';
}

/* A ROW of the protocol (docs/sync-protocol.md). */
static gboolean
read_row (Reader      *reader,
          JdJsonSpan   change,
          GError     **error)
{
  static const char *const names[] = {
    "collection", "id", "rev", "modified", "deleted", "fields", "out_of_scope"
  };
  static const gsize lengths[] = { 10, 2, 3, 8, 7, 6, 12 };
  enum { COLLECTION, ID, REV, MODIFIED, DELETED, FIELDS, OUT_OF_SCOPE, N_NAMES };
  JdJsonSpan spans[N_NAMES];
  JdSyncPageRow row = { 0 };
  const char *collection;

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == N_NAMES && G_N_ELEMENTS (lengths) == N_NAMES);

  if (kind (reader, change) != JD_JSON_OBJECT)
    /* Translators: what in the server's answer is wrong */
    return bad_row (error, C_("server answer", "change"));

  find_members (reader->text, change, names, lengths, N_NAMES, spans);
  if (!present (spans[COLLECTION]) || !present (spans[ID]) || !present (spans[REV]))
    /* Translators: what in the server's answer is wrong */
    return bad_row (error, C_("server answer", "row without collection, id or rev"));

  collection = string_or_null (reader, spans[COLLECTION]);
  if (!jd_collection_from_key (collection, &row.collection))
    /* Translators: what in the server's answer is wrong */
    return bad_row (error, C_("server answer", "unknown collection"));

  row.id = string_or_null (reader, spans[ID]);
  if (row.id == NULL)
    /* Translators: what in the server's answer is wrong */
    return bad_row (error, C_("server answer", "row id"));
  if (kind (reader, spans[REV]) != JD_JSON_INTEGER ||
      !jd_json_span_get_int (reader->text, spans[REV], &row.rev))
    /* Translators: what in the server's answer is wrong */
    return bad_row (error, C_("server answer", "row rev"));
  row.modified = string_or_null (reader, spans[MODIFIED]);
  row.out_of_scope = is_true (reader, spans[OUT_OF_SCOPE]);

  if (!is_true (reader, spans[DELETED]))
    {
      if (!present (spans[FIELDS]) || kind (reader, spans[FIELDS]) != JD_JSON_OBJECT)
        /* Translators: what in the server's answer is wrong */
        return bad_row (error, C_("server answer", "row without fields"));
      read_fields (reader, spans[FIELDS], &row);
    }

  g_array_append_val (reader->page->rows, row);
  return TRUE;
}

JdSyncPage *
jd_sync_page_read (GBytes  *body,
                   GError **error)
{
  static const char *const names[] = { "changes", "cursor", "more", "remaining" };
  static const gsize lengths[] = { 7, 6, 4, 9 };
  enum { CHANGES, CURSOR, MORE, REMAINING, N_NAMES };
  g_autoptr(JdSyncPage) page = g_new0 (JdSyncPage, 1);
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) earliest = g_string_new (NULL);
  g_autoptr(GString) search = g_string_sized_new (1024);
  Reader reader = { page, NULL, scratch, earliest, search };
  JdJsonSpan root, spans[N_NAMES], change;
  JdJsonIter iter;
  gsize length;

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == N_NAMES && G_N_ELEMENTS (lengths) == N_NAMES);

  page->body = g_bytes_ref (body);
  page->rows = g_array_new (FALSE, FALSE, sizeof (JdSyncPageRow));
  reader.text = g_bytes_get_data (body, &length);
  /* Big blocks: a page holds megabytes of text. */
  page->strings = g_string_chunk_new (MAX (length, 4096));

  root.offset = 0;
  root.length = length;
  while (root.length > 0 && g_ascii_isspace (reader.text[root.length - 1]))
    root.length--;
  while (root.offset < root.length && g_ascii_isspace (reader.text[root.offset]))
    root.offset++;
  root.length -= root.offset;
  if (reader.text == NULL || !jd_json_check (reader.text, length) || root.length == 0 ||
      kind (&reader, root) != JD_JSON_OBJECT)
    {
      g_set_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
                   _("The server sent an answer that is not a JSON object."));
      return NULL;
    }

  find_members (reader.text, root, names, lengths, N_NAMES, spans);
  if (!present (spans[CHANGES]) || kind (&reader, spans[CHANGES]) != JD_JSON_ARRAY ||
      !present (spans[CURSOR]) || kind (&reader, spans[CURSOR]) != JD_JSON_INTEGER ||
      !jd_json_span_get_int (reader.text, spans[CURSOR], &page->cursor))
    {
      g_set_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
                   _("The server's pull answer has no changes or cursor."));
      return NULL;
    }
  page->more = is_true (&reader, spans[MORE]);
  if (present (spans[REMAINING]) && kind (&reader, spans[REMAINING]) == JD_JSON_INTEGER)
    jd_json_span_get_int (reader.text, spans[REMAINING], &page->remaining);

  jd_json_iter_init_array (&iter, reader.text, spans[CHANGES]);
  while (jd_json_iter_next_element (&iter, &change))
    {
      if (!read_row (&reader, change, error))
        return NULL;
    }

  if (page->more && page->rows->len == 0)
    {
      g_set_error (error, JD_SYNC_ERROR, JD_SYNC_ERROR_PROTOCOL,
                   _("The server says more rows remain but sent none."));
      return NULL;
    }

  return g_steal_pointer (&page);
}

void
jd_sync_page_free (JdSyncPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->body, g_bytes_unref);
  g_clear_pointer (&page->rows, g_array_unref);
  if (page->strings != NULL)
    g_string_chunk_free (page->strings);
  g_free (page);
}

gint64
jd_sync_page_get_cursor (const JdSyncPage *page)
{
  return page->cursor;
}

gboolean
jd_sync_page_get_more (const JdSyncPage *page)
{
  return page->more;
}

gint64
jd_sync_page_get_remaining (const JdSyncPage *page)
{
  return page->remaining;
}

guint
jd_sync_page_get_n_rows (const JdSyncPage *page)
{
  return page->rows->len;
}
