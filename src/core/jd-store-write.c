#include "jd-store-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-codec.h"

/* What one collection's objects reference, checked before writing so that the message can name
 * the JSON path (a failed foreign key at COMMIT names nothing). */
typedef struct
{
  JdCollection from;
  const char  *member;
  JdCollection to;
} Reference;

static const Reference references[] = {
  { JD_COLLECTION_OFFICERS, "agency_id", JD_COLLECTION_AGENCIES },
  { JD_COLLECTION_CASES, "agency_id", JD_COLLECTION_AGENCIES },
  { JD_COLLECTION_RECORDS, "case_id", JD_COLLECTION_CASES },
  { JD_COLLECTION_RECORDS, "corrects", JD_COLLECTION_RECORDS },
};

typedef struct
{
  char *insert;
  char *update;
  char *insert_synced;  /* as insert and update, also setting the server revision (REV_PARAM) */
  char *update_synced;
  char *select;
  char *exists;
} TableSql;

/* The parameter of a row's server revision in the statements of synced writes: past those of
 * the columns, whichever the table. */
#define REV_PARAM 40

static TableSql *
table_sql (JdCollection collection)
{
  static TableSql sql[JD_N_COLLECTIONS];
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      for (guint c = 0; c < JD_N_COLLECTIONS; c++)
        {
          const char *table = jd_store_table_for (c);
          g_autoptr(GString) insert_columns = g_string_new ("id, body, modified");
          g_autoptr(GString) insert_values = g_string_new ("?1, ?2, ?3");
          g_autoptr(GString) update = g_string_new (NULL);
          guint n = 4;

          g_string_printf (update, "UPDATE %s SET body = ?2, modified = ?3, deleted = 0", table);
          for (const JdStoreColumn *col = jd_store_columns (c); col->column != NULL; col++, n++)
            {
              g_string_append_printf (insert_columns, ", %s", col->column);
              g_string_append_printf (insert_values, ", ?%u", n);
              g_string_append_printf (update, ", %s = ?%u", col->column, n);
            }
          if (c == JD_COLLECTION_CASES)
            {
              g_string_append (insert_columns, ", opened_on");
              g_string_append_printf (insert_values, ", ?%u", n);
              g_string_append_printf (update, ", opened_on = ?%u", n);
            }
          g_string_append (update, " WHERE id = ?1");

          /* A taken id inserts nothing: the caller then reads the row (see put_row). */
          sql[c].insert = g_strdup_printf ("INSERT INTO %s (%s) VALUES (%s) "
                                           "ON CONFLICT (id) DO NOTHING",
                                           table, insert_columns->str, insert_values->str);
          sql[c].update = g_strdup (update->str);
          sql[c].insert_synced = g_strdup_printf ("INSERT INTO %s (%s, rev) VALUES (%s, ?%d)",
                                                  table, insert_columns->str,
                                                  insert_values->str, REV_PARAM);
          g_string_insert (update, update->len - strlen (" WHERE id = ?1"), ", rev = ?"
                           G_STRINGIFY (REV_PARAM));
          sql[c].update_synced = g_strdup (update->str);
          sql[c].select = g_strdup_printf ("SELECT body, rev, deleted FROM %s WHERE id = ?",
                                           table);
          sql[c].exists = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ? AND deleted = 0",
                                           table);
        }
      g_once_init_leave (&initialized, 1);
    }

  return &sql[collection];
}

static void
bind_values (sqlite3_stmt     *stmt,
             const JdStoreRow *row)
{
  guint n = 0;

  for (const JdStoreColumn *col = jd_store_columns (row->collection); col->column != NULL; col++)
    n++;
  if (row->collection == JD_COLLECTION_CASES)
    n++;  /* opened_on */

  for (guint i = 0; i < n; i++)
    {
      const JdStoreValue *value = &row->values[i];

      if (value->is_number)
        sqlite3_bind_int64 (stmt, 4 + i, value->number);
      else if (value->text != NULL)
        sqlite3_bind_text (stmt, 4 + i, value->text, -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, 4 + i);
    }
}

static gboolean
row_exists (JdStore       *self,
            JdCollection   collection,
            const char    *id,
            gboolean      *exists,
            GError       **error)
{
  sqlite3_stmt *stmt = jd_store_static_statement (self, table_sql (collection)->exists, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  *exists = (rc == SQLITE_ROW);
  return TRUE;
}

typedef struct
{
  char          *now;
  JdImportStats  stats;
  /* Cases whose search text must be refreshed, in the order they were written. */
  GHashTable    *touched_set;
  GPtrArray     *touched_cases;
  /* Per collection, the ids of rows known to be live in this transaction (written, or found by
   * a reference check), so that a batch's references are looked up once. Borrowed strings. */
  GHashTable    *known[JD_N_COLLECTIONS];
  /* Cases inserted here with the search text their batch made (case id → FreshCase), in
   * order: indexed from that text if their records are the ones it was made of. */
  GHashTable    *fresh_set;
  GArray        *fresh_cases;
  /* Outbox entries not yet written (PendingOutbox). */
  GArray        *outbox;
} WriteContext;

typedef struct
{
  JdCollection  collection;
  const char   *id;
  const char   *op;
  gint64        base_rev;
  char         *base;
  char         *fields;
} PendingOutbox;

static void
pending_outbox_clear (gpointer data)
{
  PendingOutbox *entry = data;

  g_free (entry->base);
  g_free (entry->fields);
}

typedef struct
{
  const JdStoreRow *row;
  gint64            pk;
  guint             n_records;  /* written here */
} FreshCase;

static void
write_context_clear (WriteContext *ctx)
{
  g_free (ctx->now);
  g_clear_pointer (&ctx->touched_set, g_hash_table_unref);
  g_clear_pointer (&ctx->touched_cases, g_ptr_array_unref);
  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    g_clear_pointer (&ctx->known[c], g_hash_table_unref);
  g_clear_pointer (&ctx->fresh_set, g_hash_table_unref);
  g_clear_pointer (&ctx->fresh_cases, g_array_unref);
  g_clear_pointer (&ctx->outbox, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (WriteContext, write_context_clear)

static void
write_context_init (WriteContext *ctx)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->now = jd_store_now_iso8601 ();
  ctx->touched_set = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->touched_cases = g_ptr_array_new_with_free_func (g_free);
  ctx->fresh_set = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->fresh_cases = g_array_new (FALSE, FALSE, sizeof (FreshCase));
  ctx->outbox = g_array_new (FALSE, FALSE, sizeof (PendingOutbox));
  g_array_set_clear_func (ctx->outbox, pending_outbox_clear);
}

/* A write of a pulled page: its time and the cases it touches are the page's. */
static void
write_context_init_synced (JdStore      *self,
                           WriteContext *ctx)
{
  if (self->deferred_search == NULL)
    {
      write_context_init (ctx);
      return;
    }

  memset (ctx, 0, sizeof *ctx);
  ctx->now = g_strdup (self->deferred_now);
  ctx->touched_set = g_hash_table_ref (self->deferred_set);
  ctx->touched_cases = g_ptr_array_ref (self->deferred_search);
}

static void
touch_case (WriteContext *ctx,
            const char   *case_id)
{
  char *id;

  if (g_hash_table_contains (ctx->touched_set, case_id))
    return;

  id = g_strdup (case_id);
  g_ptr_array_add (ctx->touched_cases, id);
  g_hash_table_add (ctx->touched_set, id);
}

static void
know_row (WriteContext *ctx,
          JdCollection  collection,
          const char   *id)
{
  if (ctx->known[collection] == NULL)
    ctx->known[collection] = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (ctx->known[collection], (gpointer) id);
}

static gboolean
check_references (JdStore          *self,
                  WriteContext     *ctx,
                  const JdStoreRow *row,
                  GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (references); i++)
    {
      const JdStoreValue *value;
      const char *target;
      gboolean exists = FALSE;

      if (references[i].from != row->collection)
        continue;

      value = jd_store_row_get_member (row, references[i].member);
      target = value != NULL ? value->text : NULL;
      if (target == NULL)
        continue;

      if (ctx->known[references[i].to] != NULL &&
          g_hash_table_contains (ctx->known[references[i].to], target))
        continue;

      if (!row_exists (self, references[i].to, target, &exists, error))
        return FALSE;

      if (!exists)
        {
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE,
                       /* Translators: “cases[3].agency_id: no agencies with id “a1” …”: the
                        * JSON path, the member, the collection key and the id. */
                       _("%s.%s: no %s with id “%s” in the file or the database"), row->path,
                       references[i].member, jd_collection_key (references[i].to), target);
          return FALSE;
        }

      know_row (ctx, references[i].to, target);
    }

  return TRUE;
}

static gboolean
same_value (JsonNode *a,
            JsonNode *b)
{
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text_a = NULL;
  g_autofree char *text_b = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  generator = json_generator_new ();
  json_generator_set_root (generator, a);
  text_a = json_generator_to_data (generator, NULL);
  json_generator_set_root (generator, b);
  text_b = json_generator_to_data (generator, NULL);
  return strcmp (text_a, text_b) == 0;
}

/* The members that differ, with both values: what the audit log records of an update, and
 * which fields the outbox must push. */
static JsonObject *
diff_members (JsonObject *before,
              JsonObject *after,
              JsonArray  *changed_names)
{
  JsonObject *changes = json_object_new ();
  g_autoptr(GList) names = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  names = g_list_concat (json_object_get_members (before), json_object_get_members (after));
  for (const GList *l = names; l != NULL; l = l->next)
    {
      JsonNode *old_value = json_object_get_member (before, l->data);
      JsonNode *new_value = json_object_get_member (after, l->data);
      JsonArray *pair;

      if (!g_hash_table_add (seen, l->data) || same_value (old_value, new_value))
        continue;

      pair = json_array_new ();
      json_array_add_element (pair, old_value != NULL ? json_node_copy (old_value)
                                                      : json_node_new (JSON_NODE_NULL));
      json_array_add_element (pair, new_value != NULL ? json_node_copy (new_value)
                                                      : json_node_new (JSON_NODE_NULL));
      json_object_set_array_member (changes, l->data, pair);
      json_array_add_string_element (changed_names, l->data);
    }

  return changes;
}

/* One entry per row, however often it is edited before a sync: the first base is kept (it is
 * what the server last saw), the changed fields accumulate, and an insert stays an insert. Rows
 * of one statement are applied in order, so a row twice in it collapses as in two statements. */
#define OUTBOX_INSERT "INSERT INTO outbox (collection, row_id, op, base_rev, base, fields, " \
                      "queued) VALUES "
#define OUTBOX_VALUES "(?, ?, ?, ?, ?, ?, ?)"
#define OUTBOX_UPSERT \
  " ON CONFLICT (collection, row_id) DO UPDATE SET " \
  "  op = CASE WHEN outbox.op = 'insert' AND excluded.op <> 'delete' THEN 'insert' " \
  "            ELSE excluded.op END, " \
  "  fields = CASE WHEN outbox.op = 'insert' THEN '[]' ELSE " \
  "  (SELECT json_group_array (value) FROM " \
  "              (SELECT value FROM json_each (outbox.fields) " \
  "               UNION SELECT value FROM json_each (excluded.fields))) END, " \
  "  queued = excluded.queued, edits = outbox.edits + 1"
/* Entries a statement, as for the audit log (see jd_store_append_audit()). */
#define OUTBOX_ROWS 16

static gboolean
insert_outbox (JdStore       *self,
               WriteContext  *ctx,
               guint          first,
               guint          n,
               GError       **error)
{
  static char *rows_sql;
  static gsize initialized;
  sqlite3_stmt *stmt;

  if (g_once_init_enter (&initialized))
    {
      GString *sql = g_string_new (OUTBOX_INSERT OUTBOX_VALUES);

      for (guint i = 1; i < OUTBOX_ROWS; i++)
        g_string_append (sql, ", " OUTBOX_VALUES);
      g_string_append (sql, OUTBOX_UPSERT);
      rows_sql = g_string_free (sql, FALSE);
      g_once_init_leave (&initialized, 1);
    }

  g_assert (n == 1 || n == OUTBOX_ROWS);
  stmt = jd_store_static_statement (self,
                                    n == 1 ? OUTBOX_INSERT OUTBOX_VALUES OUTBOX_UPSERT : rows_sql,
                                    error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      PendingOutbox *entry = &g_array_index (ctx->outbox, PendingOutbox, first + i);
      int base = 7 * i;

      sqlite3_bind_text (stmt, base + 1, jd_collection_key (entry->collection), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 2, entry->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 3, entry->op, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, base + 4, entry->base_rev);
      if (entry->base != NULL)
        sqlite3_bind_text (stmt, base + 5, entry->base, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 6, entry->fields != NULL ? entry->fields : "[]", -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (stmt, base + 7, ctx->now, -1, SQLITE_STATIC);
    }

  return jd_store_step_done (self, stmt, error);
}

/* Writes the entries queued in @ctx, in order: whole rows of entries, then one by one. */
static gboolean
flush_outbox (JdStore       *self,
              WriteContext  *ctx,
              GError       **error)
{
  guint i = 0;

  for (; i + OUTBOX_ROWS <= ctx->outbox->len; i += OUTBOX_ROWS)
    if (!insert_outbox (self, ctx, i, OUTBOX_ROWS, error))
      return FALSE;
  for (; i < ctx->outbox->len; i++)
    if (!insert_outbox (self, ctx, i, 1, error))
      return FALSE;

  g_array_set_size (ctx->outbox, 0);
  return TRUE;
}

/* Queues the outbox entry of a write; it is written with the next full row of entries or before
 * the transaction's end (finish_writes()). @id must live as long as @ctx. */
static gboolean
enqueue (JdStore      *self,
         WriteContext *ctx,
         JdCollection  collection,
         const char   *id,
         const char   *op,
         gint64        base_rev,
         const char   *base,
         JsonArray    *fields,
         GError      **error)
{
  PendingOutbox entry = { collection, id, op, base_rev, NULL, NULL };

  if (base_rev > 0 && base != NULL)
    entry.base = g_strdup (base);

  /* NULL: no member names, as for an insert. */
  if (fields != NULL)
    {
      g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), fields);

      entry.fields = json_to_string (node, FALSE);
    }

  g_array_append_val (ctx->outbox, entry);
  if (ctx->outbox->len >= OUTBOX_ROWS)
    return flush_outbox (self, ctx, error);

  return TRUE;
}

static gboolean
audit (JdStore      *self,
       const char   *now,
       const char   *action,
       JdCollection  collection,
       const char   *id,
       JsonObject   *changes,
       GError      **error)
{
  g_autofree char *object = g_strconcat (jd_collection_key (collection), "/", id, NULL);
  g_autofree char *text = NULL;

  /* NULL: no changed members, as for an insert (the codec writes an empty object so). */
  if (changes != NULL)
    text = jd_codec_object_to_string (changes, NULL);

  return jd_store_append_audit (self, now, action, object, text != NULL ? text : "{}", error);
}

static gboolean
index_certificates (JdStore     *self,
                    JdEntity    *officer,
                    const char  *path,
                    GError     **error)
{
  const char *officer_id = jd_entity_get_id (officer);
  JsonArray *certificates = jd_entity_get_array (officer, "certificates");
  sqlite3_stmt *stmt;

  stmt = jd_store_static_statement (self, "DELETE FROM certificates WHERE officer_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, officer_id, -1, SQLITE_STATIC);
  if (!jd_store_step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; certificates != NULL && i < json_array_get_length (certificates); i++)
    {
      JsonObject *certificate = json_array_get_object_element (certificates, i);
      const char *number = json_object_get_string_member (certificate, "number");
      g_autofree char *holder_id = NULL;
      g_autofree char *holder = NULL;
      int rc;

      stmt = jd_store_static_statement (self,
                                        "INSERT INTO certificates (number, officer_id) "
                                        "VALUES (?, ?)",
                                        error);
      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_text (stmt, 1, number, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, officer_id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE)
        {
          holder_id = jd_store_find_certificate_holder (self, number, &holder, NULL);
          g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_DUPLICATE,
                       _("%s.certificates[%u].number: certificate %s is already held by officer "
                         "“%s”"),
                       path, i, number, holder ? holder : "?");
          return FALSE;
        }
      if (rc != SQLITE_DONE)
        return jd_store_set_sqlite_error (self, rc, error);
    }

  return TRUE;
}

/* Re-indexes the cases written in this transaction with one statement each for the whole
 * batch: FTS5 flushes its pending index at every statement, so a statement per case would write
 * a segment per case. The ids go through temp.touched_cases (made when the store opens), in the
 * order they were written. */
static gboolean
refresh_case_search (JdStore    *self,
                     GPtrArray  *case_ids,
                     GError    **error)
{
  /* CROSS JOIN keeps the touched cases as the outer loop: without statistics SQLite may
   * otherwise scan every case for each refresh, which made a pull (one refresh per row)
   * quadratic. */
  static const char * const batch_sql[] = {
    "DELETE FROM case_search WHERE pk IN (SELECT c.pk FROM temp.touched_cases AS t "
    "CROSS JOIN cases AS c ON c.id = t.id WHERE c.deleted = 1)",
    "INSERT INTO case_search (pk, text) SELECT s.pk, s.text FROM temp.touched_cases AS t "
    "CROSS JOIN case_search_source AS s ON s.id = t.id WHERE 1 ORDER BY s.pk "
    "ON CONFLICT (pk) DO UPDATE SET text = excluded.text WHERE text IS NOT excluded.text",
    "DELETE FROM temp.touched_cases",
  };
  sqlite3_stmt *stmt;

  if (case_ids->len == 0)
    return TRUE;

  for (guint i = 0; i < case_ids->len; i++)
    {
      stmt = jd_store_static_statement (self,
                                        "INSERT OR IGNORE INTO temp.touched_cases (id) "
                                        "VALUES (?)",
                                        error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, case_ids->pdata[i], -1, SQLITE_STATIC);
      if (!jd_store_step_done (self, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (batch_sql); i++)
    {
      stmt = jd_store_static_statement (self, batch_sql[i], error);
      if (stmt == NULL || !jd_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* Runs the table's insert or update statement for @row; a synced statement also sets the row's
 * server revision @rev (-1 for the others). */
static gboolean
write_row (JdStore           *self,
           const char        *sql,
           const JdStoreRow  *row,
           const char        *now,
           gint64             rev,
           GError           **error)
{
  sqlite3_stmt *stmt = jd_store_static_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row->body, row->body_length, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_STATIC);
  bind_values (stmt, row);
  if (rev >= 0)
    sqlite3_bind_int64 (stmt, REV_PARAM, rev);
  return jd_store_step_done (self, stmt, error);
}

/* Inserts @row unless a row of its id exists (*inserted FALSE then). */
static gboolean
insert_row (JdStore           *self,
            WriteContext      *ctx,
            const JdStoreRow  *row,
            gboolean          *inserted,
            GError           **error)
{
  if (!write_row (self, table_sql (row->collection)->insert, row, ctx->now, -1, error))
    return FALSE;

  *inserted = sqlite3_changes (self->db) > 0;
  if (!*inserted)
    return TRUE;

  if (row->search_text != NULL)
    {
      FreshCase fresh = { row, sqlite3_last_insert_rowid (self->db), 0 };

      g_array_append_val (ctx->fresh_cases, fresh);
      g_hash_table_insert (ctx->fresh_set, (gpointer) row->id,
                           GUINT_TO_POINTER (ctx->fresh_cases->len));
    }

  /* An insert carries the whole row: the outbox pushes all of it and the audit entry's action
   * says what happened, so neither repeats the member names (a district has millions of rows). */
  ctx->stats.inserted++;
  return enqueue (self, ctx, row->collection, row->id, "insert", 0, NULL, NULL, error) &&
         audit (self, ctx->now, "insert", row->collection, row->id, NULL, error);
}

static gboolean
update_row (JdStore           *self,
            WriteContext      *ctx,
            const JdStoreRow  *row,
            const char        *old_body,
            gint64             rev,
            gboolean           was_deleted,
            GError           **error)
{
  g_autoptr(JsonObject) parsed = NULL;
  JsonObject *fields;
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonArray) names = json_array_new ();
  g_autoptr(JsonObject) changes = NULL;

  before = jd_codec_object_from_string (old_body, error);
  if (before == NULL)
    return FALSE;

  /* A batch that copied its rows kept only their text. */
  if (row->entity != NULL)
    fields = jd_entity_get_fields (row->entity);
  else
    {
      fields = parsed = jd_codec_object_from_string (row->body, error);
      if (fields == NULL)
        return FALSE;
    }

  changes = diff_members (before, fields, names);
  if (!write_row (self, table_sql (row->collection)->update, row, ctx->now, -1, error))
    return FALSE;

  ctx->stats.updated++;
  return enqueue (self, ctx, row->collection, row->id, "update", rev, old_body, names, error) &&
         audit (self, ctx->now, was_deleted ? "restore" : "update", row->collection, row->id,
                changes, error);
}

/* Writes a row whose id exists already: unchanged, updated, restored, or refused. */
static gboolean
put_existing_row (JdStore           *self,
                  WriteContext      *ctx,
                  const JdStoreRow  *row,
                  GError           **error)
{
  g_autofree char *old_body = NULL;
  sqlite3_stmt *stmt;
  gboolean was_deleted = FALSE;
  gint64 rev = 0;
  int rc;

  stmt = jd_store_static_statement (self, table_sql (row->collection)->select, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, row->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      old_body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rev = sqlite3_column_int64 (stmt, 1);
      was_deleted = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return jd_store_set_sqlite_error (self, rc == SQLITE_DONE ? SQLITE_ERROR : rc, error);

  if (!was_deleted && strcmp (old_body, row->body) == 0)
    {
      ctx->stats.unchanged++;
      return TRUE;
    }

  if (row->collection == JD_COLLECTION_RECORDS)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_APPEND_ONLY,
                   _("%s: the whole-process record “%s” exists with other content; records are "
                     "never changed: add a new record whose “corrects” names it"),
                   row->path, row->id);
      return FALSE;
    }

  return update_row (self, ctx, row, old_body, rev, was_deleted, error);
}

static gboolean
put_row (JdStore           *self,
         WriteContext      *ctx,
         const JdStoreRow  *row,
         GError           **error)
{
  gboolean inserted = FALSE;

  if (!check_references (self, ctx, row, error))
    return FALSE;

  /* Most rows are new: try the insert first, and look at the row only if its id is taken. */
  if (!insert_row (self, ctx, row, &inserted, error))
    return FALSE;
  if (!inserted && !put_existing_row (self, ctx, row, error))
    return FALSE;

  if (row->collection == JD_COLLECTION_OFFICERS &&
      !index_certificates (self, row->entity, row->path, error))
    return FALSE;

  if (row->collection == JD_COLLECTION_CASES)
    {
      if (!inserted || row->search_text == NULL)
        touch_case (ctx, row->id);
    }
  else if (row->collection == JD_COLLECTION_RECORDS && row->values[0].text != NULL)
    {
      const char *case_id = row->values[0].text;
      guint fresh = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->fresh_set, case_id));

      if (fresh > 0)
        g_array_index (ctx->fresh_cases, FreshCase, fresh - 1).n_records++;
      else
        touch_case (ctx, case_id);
    }

  know_row (ctx, row->collection, row->id);
  return TRUE;
}

/* Adds a case's search text to temp.case_texts, for index_case_texts(). */
static gboolean
add_case_text (JdStore     *self,
               gint64       pk,
               const char  *text,
               GError     **error)
{
  sqlite3_stmt *stmt = jd_store_static_statement (self,
                                                  "INSERT INTO temp.case_texts (pk, text) "
                                                  "VALUES (?, ?)",
                                                  error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, pk);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);
  return jd_store_step_done (self, stmt, error);
}

/* Indexes the texts gathered in temp.case_texts (made when the store opens) with one statement,
 * as refresh_case_search() does, and empties it. */
static gboolean
index_case_texts (JdStore  *self,
                  GError  **error)
{
  static const char * const batch_sql[] = {
    "INSERT INTO case_search (pk, text) SELECT pk, text FROM temp.case_texts WHERE 1 "
    "ORDER BY pk ON CONFLICT (pk) DO UPDATE SET text = excluded.text "
    "WHERE text IS NOT excluded.text",
    "DELETE FROM temp.case_texts",
  };

  for (guint i = 0; i < G_N_ELEMENTS (batch_sql); i++)
    {
      sqlite3_stmt *stmt = jd_store_static_statement (self, batch_sql[i], error);

      if (stmt == NULL || !jd_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Indexes the new cases whose batch made their search text, through temp.case_texts (made
 * when the store opens) and one statement, as refresh_case_search() does; a case with other
 * records than its text was made of goes to the usual refresh instead. */
static gboolean
index_fresh_cases (JdStore       *self,
                   WriteContext  *ctx,
                   GError       **error)
{
  guint n = 0;

  for (guint i = 0; i < ctx->fresh_cases->len; i++)
    {
      FreshCase *fresh = &g_array_index (ctx->fresh_cases, FreshCase, i);

      if (fresh->n_records != fresh->row->n_search_records)
        {
          touch_case (ctx, fresh->row->id);
          continue;
        }

      if (!add_case_text (self, fresh->pk, fresh->row->search_text, error))
        return FALSE;
      n++;
    }

  if (n > 0 && !index_case_texts (self, error))
    return FALSE;

  return TRUE;
}

static gboolean
finish_writes (JdStore       *self,
               WriteContext  *ctx,
               GError       **error)
{
  return flush_outbox (self, ctx, error) &&
         index_fresh_cases (self, ctx, error) &&
         refresh_case_search (self, ctx->touched_cases, error) &&
         jd_store_commit (self, error);
}

gboolean
jd_store_import_batch (JdStore        *self,
                       JdStoreBatch   *batch,
                       JdImportStats  *stats,
                       GError        **error)
{
  g_auto(WriteContext) ctx = { 0 };

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);
  g_return_val_if_fail (batch != NULL, FALSE);

  write_context_init (&ctx);
  if (!jd_store_begin (self, error))
    return FALSE;

  /* Collections in an order where what is referenced is written first. */
  for (guint c = 0; c < JD_N_COLLECTIONS; c++)
    {
      GArray *rows = jd_store_batch_get_rows (batch, c);

      for (guint i = 0; i < rows->len; i++)
        {
          if (!put_row (self, &ctx, &g_array_index (rows, JdStoreRow, i), error))
            {
              jd_store_rollback (self);
              return FALSE;
            }
        }
    }

  if (!finish_writes (self, &ctx, error))
    {
      jd_store_rollback (self);
      return FALSE;
    }

  if (stats != NULL)
    *stats = ctx.stats;
  return TRUE;
}

gboolean
jd_store_import (JdStore        *self,
                 JdDocument     *document,
                 JdImportStats  *stats,
                 GError        **error)
{
  g_autoptr(JdStoreBatch) batch = jd_store_batch_new ();

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);
  g_return_val_if_fail (JD_IS_DOCUMENT (document), FALSE);

  jd_store_batch_add_document (batch, document, TRUE);
  return jd_store_import_batch (self, batch, stats, error);
}

gboolean
jd_store_save (JdStore   *self,
               JdEntity  *entity,
               GError   **error)
{
  g_autoptr(JdDocument) document = jd_document_new ();
  const JdObjectSchema *schema;
  g_autofree char *path = NULL;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);
  g_return_val_if_fail (JD_IS_ENTITY (entity), FALSE);

  path = jd_entity_get_object_path (entity);
  schema = jd_collection_schema (jd_entity_get_collection (entity));
  if (!jd_codec_check_object (schema, jd_entity_get_fields (entity), path, error))
    return FALSE;

  jd_document_add (document, entity);
  return jd_store_import (self, document, NULL, error);
}

gboolean
jd_store_delete (JdStore       *self,
                 JdCollection   collection,
                 const char    *id,
                 GError       **error)
{
  g_auto(WriteContext) ctx = { 0 };
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonArray) names = json_array_new ();
  g_autofree char *sql = NULL;
  g_autofree char *old_body = NULL;
  sqlite3_stmt *stmt;
  gint64 rev = 0;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  if (collection == JD_COLLECTION_RECORDS)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_APPEND_ONLY,
                   _("records/%s: whole-process records cannot be deleted"), id);
      return FALSE;
    }

  write_context_init (&ctx);
  if (!jd_store_begin (self, error))
    return FALSE;

  stmt = jd_store_static_statement (self, table_sql (collection)->select, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 2) == 0)
    {
      old_body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      rev = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (old_body == NULL)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE, _("%s/%s: no such object"),
                   jd_collection_key (collection), id);
      goto fail;
    }

  sql = g_strdup_printf ("UPDATE %s SET deleted = 1, modified = ?2 WHERE id = ?1",
                         jd_store_table_for (collection));
  stmt = jd_store_statement (self, sql, error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, ctx.now, -1, SQLITE_STATIC);
  if (!jd_store_step_done (self, stmt, error))
    goto fail;

  json_object_set_boolean_member (changes, "deleted", TRUE);
  if (!enqueue (self, &ctx, collection, id, "delete", rev, old_body, names, error) ||
      !audit (self, ctx.now, "delete", collection, id, changes, error))
    goto fail;

  if (collection == JD_COLLECTION_CASES)
    touch_case (&ctx, id);

  if (finish_writes (self, &ctx, error))
    return TRUE;

fail:
  jd_store_rollback (self);
  return FALSE;
}

/* A case of a pulled page with the records the page added to it. */
typedef struct
{
  char      *head;     /* the lines of its search text read from the case, when the page
                        * added it and they are plain (jd_store_case_search_head()) */
  gboolean   added;    /* the page added the case */
  gint64     pk;
  GPtrArray *matters;  /* of the records the page added, in the order they were written */
  gboolean   stale;    /* the page changed a row of it that it had before, or wrote one whose
                        * search members are not plain */
} PulledCase;

static void
pulled_case_free (PulledCase *pulled)
{
  g_free (pulled->head);
  g_ptr_array_unref (pulled->matters);
  g_free (pulled);
}

static PulledCase *
pulled_case (JdStore    *self,
             const char *case_id)
{
  PulledCase *pulled = g_hash_table_lookup (self->deferred_texts, case_id);

  if (pulled == NULL)
    {
      pulled = g_new0 (PulledCase, 1);
      pulled->matters = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->deferred_texts, g_strdup (case_id), pulled);
    }
  return pulled;
}

/* Notes what a pulled row did to its case's search text: @added when the row is new, @plain
 * when its search members are strings or absent, @search the case's head lines or the record's
 * matter, @case_id a record's case. */
static void
note_pulled_row (JdStore      *self,
                 JdCollection  collection,
                 const char   *id,
                 gboolean      added,
                 gboolean      plain,
                 const char   *search,
                 const char   *case_id)
{
  PulledCase *pulled;

  if (self->deferred_texts == NULL)
    return;

  if (collection == JD_COLLECTION_CASES)
    {
      pulled = pulled_case (self, id);
      if (added && plain && !pulled->added)
        {
          pulled->added = TRUE;
          pulled->head = g_strdup (search);
          pulled->pk = sqlite3_last_insert_rowid (self->db);
        }
      else
        pulled->stale = TRUE;
    }
  else if (collection == JD_COLLECTION_RECORDS && case_id != NULL)
    {
      pulled = pulled_case (self, case_id);
      if (added && plain)
        g_ptr_array_add (pulled->matters, g_strdup (search));
      else
        pulled->stale = TRUE;
    }
}

/* note_pulled_row() for a row of parsed @fields. */
static void
note_pulled_fields (JdStore      *self,
                    JdCollection  collection,
                    const char   *id,
                    JsonObject   *fields,
                    gboolean      added)
{
  g_autoptr(GString) head = NULL;
  JsonNode *matter;

  if (self->deferred_texts == NULL)
    return;

  /* Only a case the page adds is indexed from its fields: the others only go stale. */
  if (collection == JD_COLLECTION_CASES && added && fields != NULL &&
      jd_store_case_is_plain (fields, NULL))
    {
      head = g_string_sized_new (512);
      jd_store_case_search_head (head, fields);
      note_pulled_row (self, collection, id, TRUE, TRUE, head->str, NULL);
    }
  else if (collection == JD_COLLECTION_RECORDS && fields != NULL)
    {
      matter = json_object_get_member (fields, "matter");
      note_pulled_row (self, collection, id, added,
                       matter == NULL || (JSON_NODE_HOLDS_VALUE (matter) &&
                                          json_node_get_value_type (matter) == G_TYPE_STRING),
                       json_object_get_string_member_with_default (fields, "matter", NULL),
                       json_object_get_string_member_with_default (fields, "case_id", NULL));
    }
  else
    note_pulled_row (self, collection, id, FALSE, FALSE, NULL, NULL);
}

/* Whether @pulled holds every record of its case: those of earlier pages count too. */
static gboolean
pulled_case_whole (JdStore     *self,
                   const char  *case_id,
                   PulledCase  *pulled,
                   gboolean    *whole,
                   GError     **error)
{
  sqlite3_stmt *stmt = jd_store_static_statement (self,
                                                  "SELECT count(*) FROM records WHERE case_id = ?",
                                                  error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, case_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *whole = rc == SQLITE_ROW && sqlite3_column_int64 (stmt, 0) == pulled->matters->len;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return jd_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Indexes the cases of a pulled page: from their fields when the page added a case with all its
 * records, through temp.case_texts as index_fresh_cases() does; the others as any write does. */
static gboolean
index_pulled_cases (JdStore    *self,
                    GPtrArray  *case_ids,
                    GError    **error)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  guint n = 0;

  for (guint i = 0; i < case_ids->len; i++)
    {
      const char *id = case_ids->pdata[i];
      PulledCase *pulled = g_hash_table_lookup (self->deferred_texts, id);
      g_autoptr(GString) text = NULL;
      gboolean whole = FALSE;

      if (pulled != NULL && pulled->head != NULL && !pulled->stale &&
          !pulled_case_whole (self, id, pulled, &whole, error))
        return FALSE;
      if (!whole)
        {
          g_ptr_array_add (rest, (gpointer) id);
          continue;
        }

      text = g_string_new (pulled->head);
      jd_store_case_search_matters (text, pulled->matters);
      if (!add_case_text (self, pulled->pk, text->str, error))
        return FALSE;
      n++;
    }

  if (n > 0 && !index_case_texts (self, error))
    return FALSE;

  return refresh_case_search (self, rest, error);
}

gboolean
jd_store_write_synced (JdStore       *self,
                       JdCollection   collection,
                       const char    *id,
                       JsonObject    *fields,
                       const char    *text,
                       gint64         rev,
                       const char    *modified,
                       const char    *action,
                       GError       **error)
{
  g_auto(WriteContext) ctx = { 0 };
  g_autoptr(JsonObject) changes = NULL;
  g_autoptr(JsonArray) names = json_array_new ();
  g_autofree char *old_body = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  gboolean was_deleted = FALSE;
  gboolean written_rev = FALSE;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  write_context_init_synced (self, &ctx);
  if (modified == NULL)
    modified = ctx.now;

  stmt = jd_store_static_statement (self, table_sql (collection)->select, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      old_body = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      was_deleted = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  if (fields == NULL)
    {
      /* A tombstone of a row this replica never had leaves nothing to mark. */
      if (old_body == NULL)
        return TRUE;
      sql = g_strdup_printf ("UPDATE %s SET deleted = 1, modified = ?2 WHERE id = ?1",
                             jd_store_table_for (collection));
      stmt = jd_store_statement (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, modified, -1, SQLITE_STATIC);
      if (!jd_store_step_done (self, stmt, error))
        return FALSE;
      changes = json_object_new ();
      json_object_set_boolean_member (changes, "deleted", TRUE);
      note_pulled_fields (self, collection, id, NULL, FALSE);
      if (collection == JD_COLLECTION_CASES)
        touch_case (&ctx, id);
    }
  else if (old_body != NULL && collection == JD_COLLECTION_RECORDS)
    {
      /* Records never change: a pulled record this replica holds only gets its revision. */
      changes = json_object_new ();
    }
  else
    {
      g_autoptr(JdEntity) entity = jd_entity_new_for_collection (collection, fields);
      g_autofree char *owned_body = text == NULL ? jd_codec_object_to_string (fields, NULL)
                                                 : NULL;
      const char *body = text != NULL ? text : owned_body;
      g_autoptr(JsonObject) before = NULL;
      JdStoreRow row;

      if (old_body != NULL && !was_deleted && strcmp (old_body, body) == 0)
        changes = json_object_new ();
      else
        {
          if (old_body != NULL)
            {
              before = jd_codec_object_from_string (old_body, error);
              if (before == NULL)
                return FALSE;
            }

          /* A new row is audited without its members, as an insert is (see insert_row). */
          changes = before != NULL ? diff_members (before, fields, names) : json_object_new ();
          jd_store_row_init (&row, entity, id, body);
          if (rev >= 0)
            written_rev = TRUE;
          if (!write_row (self,
                          old_body != NULL
                            ? (rev >= 0 ? table_sql (collection)->update_synced
                                        : table_sql (collection)->update)
                            : (rev >= 0 ? table_sql (collection)->insert_synced
                                        : table_sql (collection)->insert),
                          &row, modified, rev, error))
            return FALSE;
          if (collection == JD_COLLECTION_OFFICERS &&
              !index_certificates (self, entity, id, error))
            return FALSE;
          note_pulled_fields (self, collection, id, fields, old_body == NULL);
          if (collection == JD_COLLECTION_CASES)
            touch_case (&ctx, id);
          else if (collection == JD_COLLECTION_RECORDS)
            touch_case (&ctx, jd_entity_get_string (entity, "case_id"));
        }
    }

  if (rev >= 0 && !written_rev)
    {
      g_clear_pointer (&sql, g_free);
      sql = g_strdup_printf ("UPDATE %s SET rev = ?2 WHERE id = ?1",
                             jd_store_table_for (collection));
      stmt = jd_store_statement (self, sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, rev);
      if (!jd_store_step_done (self, stmt, error))
        return FALSE;
    }

  if (json_object_get_size (changes) == 0 && old_body != NULL)
    return TRUE;

  if (!audit (self, ctx.now, action, collection, id, changes, error))
    return FALSE;
  /* A pulled page's cases were touched in the page's set, to be indexed at its end. */
  if (self->deferred_search != NULL)
    return TRUE;
  return refresh_case_search (self, ctx.touched_cases, error);
}

/* jd_store_write_synced() with the parsed fields of @pulled. */
static gboolean
write_pulled_parsed (JdStore              *self,
                     const JdSyncPageRow  *pulled,
                     GError              **error)
{
  g_autoptr(JsonObject) fields = NULL;

  if (pulled->row.body != NULL)
    {
      fields = jd_codec_object_from_string (pulled->row.body, error);
      if (fields == NULL)
        return FALSE;
    }
  return jd_store_write_synced (self, pulled->collection, pulled->id, fields, pulled->row.body,
                                pulled->rev, pulled->modified, "sync", error);
}

gboolean
jd_store_write_pulled (JdStore              *self,
                       const JdSyncPageRow  *pulled,
                       GError              **error)
{
  g_auto(WriteContext) ctx = { 0 };
  const JdStoreValue *case_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (!sqlite3_get_autocommit (self->db), FALSE);

  /* A tombstone, a row this replica has (compared and audited member by member) and an officer
   * (whose certificates are indexed from the object) are written from the parsed fields. */
  if (pulled->row.body == NULL || pulled->collection == JD_COLLECTION_OFFICERS)
    return write_pulled_parsed (self, pulled, error);

  stmt = jd_store_static_statement (self, table_sql (pulled->collection)->select, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, pulled->id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return write_pulled_parsed (self, pulled, error);
  if (rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  write_context_init_synced (self, &ctx);
  if (!write_row (self, table_sql (pulled->collection)->insert_synced, &pulled->row,
                  pulled->modified != NULL ? pulled->modified : ctx.now, pulled->rev, error))
    return FALSE;

  case_id = jd_store_row_get_member (&pulled->row, "case_id");
  if (pulled->collection == JD_COLLECTION_CASES)
    {
      note_pulled_row (self, pulled->collection, pulled->id, TRUE, pulled->plain, pulled->search,
                       NULL);
      touch_case (&ctx, pulled->id);
    }
  else if (pulled->collection == JD_COLLECTION_RECORDS && case_id->text != NULL)
    {
      note_pulled_row (self, pulled->collection, pulled->id, TRUE, pulled->plain,
                       pulled->search, case_id->text);
      touch_case (&ctx, case_id->text);
    }

  /* A new row is audited without its members, as an insert is (see insert_row). */
  if (!audit (self, ctx.now, "sync", pulled->collection, pulled->id, NULL, error))
    return FALSE;
  if (self->deferred_search != NULL)
    return TRUE;
  return refresh_case_search (self, ctx.touched_cases, error);
}

void
jd_store_defer_search (JdStore *self)
{
  jd_store_drop_deferred_search (self);
  self->deferred_search = g_ptr_array_new_with_free_func (g_free);
  self->deferred_set = g_hash_table_new (g_str_hash, g_str_equal);
  self->deferred_now = jd_store_now_iso8601 ();
  self->deferred_texts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                (GDestroyNotify) pulled_case_free);
}

gboolean
jd_store_flush_search (JdStore  *self,
                       GError  **error)
{
  gboolean ok = TRUE;

  if (self->deferred_search != NULL)
    ok = index_pulled_cases (self, self->deferred_search, error);
  jd_store_drop_deferred_search (self);
  return ok;
}

void
jd_store_drop_deferred_search (JdStore *self)
{
  /* The set borrows the array's strings: it goes first. */
  g_clear_pointer (&self->deferred_set, g_hash_table_unref);
  g_clear_pointer (&self->deferred_texts, g_hash_table_unref);
  g_clear_pointer (&self->deferred_search, g_ptr_array_unref);
  g_clear_pointer (&self->deferred_now, g_free);
}
