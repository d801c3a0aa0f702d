#include "jd-store-sync.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-codec.h"
#include "jd-store-private.h"
#include "jd-uuid.h"

/* An outbox entry as the merge needs it. */
typedef struct
{
  gint64  seq;
  char   *op;
  gint64  base_rev;
  char   *base;
  char   *mutation_id;
  char   *sent_body;
  gint64  edits;
  gint64  sent_edits;
  char   *collection;
  char   *row_id;
} Entry;

static void
entry_clear (Entry *entry)
{
  g_free (entry->op);
  g_free (entry->base);
  g_free (entry->mutation_id);
  g_free (entry->sent_body);
  g_free (entry->collection);
  g_free (entry->row_id);
  memset (entry, 0, sizeof *entry);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Entry, entry_clear)

#define ENTRY_COLUMNS "seq, op, base_rev, base, mutation_id, sent_body, edits, " \
                      "coalesce (sent_edits, -1), collection, row_id"

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static void
entry_from_row (Entry        *entry,
                sqlite3_stmt *stmt)
{
  entry->seq = sqlite3_column_int64 (stmt, 0);
  entry->op = column_dup (stmt, 1);
  entry->base_rev = sqlite3_column_int64 (stmt, 2);
  entry->base = column_dup (stmt, 3);
  entry->mutation_id = column_dup (stmt, 4);
  entry->sent_body = column_dup (stmt, 5);
  entry->edits = sqlite3_column_int64 (stmt, 6);
  entry->sent_edits = sqlite3_column_int64 (stmt, 7);
  entry->collection = column_dup (stmt, 8);
  entry->row_id = column_dup (stmt, 9);
}

void
jd_sync_status_clear (JdSyncStatus *status)
{
  g_free (status->server);
  g_free (status->user);
  g_free (status->last_sync);
  memset (status, 0, sizeof *status);
}

void
jd_sync_conflict_free (JdSyncConflict *conflict)
{
  g_free (conflict->row_id);
  g_free (conflict->member);
  g_clear_pointer (&conflict->base, json_node_unref);
  g_clear_pointer (&conflict->mine, json_node_unref);
  g_clear_pointer (&conflict->theirs, json_node_unref);
  g_free (conflict);
}

void
jd_sync_rejection_free (JdSyncRejection *rejection)
{
  g_free (rejection->row_id);
  g_free (rejection->code);
  g_free (rejection->message);
  g_free (rejection->time);
  g_free (rejection);
}

static gboolean
bad_answer (GError     **error,
            const char  *what)
{
  g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_FAILED,
               _("The server sent an answer this version of Jiandu cannot read (%s)."), what);
  return FALSE;
}

static char *
node_to_text (JsonNode *node)
{
  return node != NULL ? json_to_string (node, FALSE) : NULL;
}

static JsonNode *
node_from_text (const char *text)
{
  return text != NULL ? json_from_string (text, NULL) : NULL;
}

static gboolean
same_node (JsonNode *a,
           JsonNode *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return json_node_equal (a, b);
}

static JsonObject *
object_from_text (const char  *text,
                  GError     **error)
{
  if (text == NULL)
    return json_object_new ();

  return jd_codec_object_from_string (text, error);
}

/* The local row: its body (NULL when absent) and whether it is a tombstone. */
static gboolean
load_row (JdStore       *self,
          JdCollection   collection,
          const char    *id,
          char         **body,
          gboolean      *deleted,
          GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT body, deleted FROM %s WHERE id = ?",
                                          jd_store_table_for (collection));
  sqlite3_stmt *stmt = jd_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *body = rc == SQLITE_ROW ? column_dup (stmt, 0) : NULL;
  *deleted = rc == SQLITE_ROW ? sqlite3_column_int (stmt, 1) : FALSE;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

static gboolean
set_row_rev (JdStore       *self,
             JdCollection   collection,
             const char    *id,
             gint64         rev,
             GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET rev = ?2 WHERE id = ?1",
                                          jd_store_table_for (collection));
  sqlite3_stmt *stmt = jd_store_statement (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, rev);
  return jd_store_step_done (self, stmt, error);
}

/* Returns TRUE with @found FALSE when the row has no outbox entry. */
static gboolean
load_entry (JdStore      *self,
            const char   *where,
            const char   *key1,
            const char   *key2,
            Entry        *entry,
            gboolean     *found,
            GError      **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT " ENTRY_COLUMNS " FROM outbox WHERE %s", where);
  sqlite3_stmt *stmt = jd_store_statement (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key1, -1, SQLITE_STATIC);
  if (key2 != NULL)
    sqlite3_bind_text (stmt, 2, key2, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *found = (rc == SQLITE_ROW);
  if (*found)
    entry_from_row (entry, stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

static gboolean
drop_entry (JdStore  *self,
            gint64    seq,
            GError  **error)
{
  sqlite3_stmt *stmt = jd_store_statement (self, "DELETE FROM outbox WHERE seq = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  return jd_store_step_done (self, stmt, error);
}

/* Points the entry at a new server revision and base. The mutation sent before, if any, is
 * forgotten: what remains is pushed under a new id. */
static gboolean
rebase_entry (JdStore      *self,
              gint64        seq,
              const char   *op,
              gint64        base_rev,
              const char   *base,
              JsonArray    *names,
              GError      **error)
{
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), names);
  g_autofree char *names_text = json_to_string (node, FALSE);
  sqlite3_stmt *stmt;

  stmt = jd_store_statement (self,
                             "UPDATE outbox SET op = ?2, base_rev = ?3, base = ?4, fields = ?5, "
                             "mutation_id = NULL, mutation = NULL, sent_body = NULL, "
                             "sent_edits = NULL WHERE seq = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, seq);
  sqlite3_bind_text (stmt, 2, op, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, base_rev);
  sqlite3_bind_text (stmt, 4, base, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, names_text, -1, SQLITE_STATIC);
  return jd_store_step_done (self, stmt, error);
}

/* The names of the members that differ between @a and @b. */
static JsonArray *
changed_names (JsonObject *a,
               JsonObject *b)
{
  JsonArray *names = json_array_new ();
  g_autoptr(GList) members = g_list_concat (json_object_get_members (a),
                                            json_object_get_members (b));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_hash_table_add (seen, l->data))
        continue;
      if (!same_node (json_object_get_member (a, l->data), json_object_get_member (b, l->data)))
        json_array_add_string_element (names, l->data);
    }

  return names;
}

static gboolean
record_conflict (JdStore       *self,
                 const char    *collection,
                 const char    *row_id,
                 const char    *member,
                 JsonNode      *base,
                 JsonNode      *mine,
                 JsonNode      *theirs,
                 gint64         server_rev,
                 GError       **error)
{
  g_autofree char *base_text = node_to_text (base);
  g_autofree char *mine_text = node_to_text (mine);
  g_autofree char *theirs_text = node_to_text (theirs);
  g_autofree char *now = jd_store_now_iso8601 ();
  sqlite3_stmt *stmt;

  /* A member still in conflict from an earlier sync keeps its first base: the value both sides
   * started from. */
  stmt = jd_store_statement (self,
                             "INSERT INTO conflicts (collection, row_id, member, base, mine, "
                             "theirs, server_rev, found) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                             "ON CONFLICT (collection, row_id, member) DO UPDATE SET "
                             "mine = excluded.mine, theirs = excluded.theirs, "
                             "server_rev = excluded.server_rev",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, member, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, base_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, mine_text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, theirs_text, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 7, server_rev);
  sqlite3_bind_text (stmt, 8, now, -1, SQLITE_STATIC);
  return jd_store_step_done (self, stmt, error);
}

static gboolean
count_row_conflicts (JdStore     *self,
                     const char  *collection,
                     const char  *row_id,
                     gint64      *n,
                     GError     **error)
{
  sqlite3_stmt *stmt = jd_store_statement (self,
                                           "SELECT count(*) FROM conflicts "
                                           "WHERE collection = ? AND row_id = ?",
                                           error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

/* Merges the server's row (@theirs NULL: deleted there) into a row with a pending local edit,
 * member by member against the base the outbox kept. Returns the number of members left in
 * conflict in @n_conflicts. */
static gboolean
merge_row (JdStore       *self,
           JdCollection   collection,
           Entry         *entry,
           JsonObject    *theirs,
           gint64         server_rev,
           const char    *modified,
           guint         *n_conflicts,
           GError       **error)
{
  const char *key = jd_collection_key (collection);
  const char *id = entry->row_id;
  g_autofree char *local_body = NULL;
  g_autofree char *theirs_text = NULL;
  g_autoptr(JsonObject) base = NULL;
  g_autoptr(JsonObject) mine = NULL;
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(JsonArray) names = NULL;
  g_autoptr(GList) members = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean deleted_here = FALSE;
  gint64 left = 0;

  *n_conflicts = 0;
  if (!load_row (self, collection, id, &local_body, &deleted_here, error))
    return FALSE;
  deleted_here = deleted_here || local_body == NULL || g_strcmp0 (entry->op, "delete") == 0;

  if (theirs == NULL && deleted_here)
    {
      /* Deleted on both sides: nothing left to push. */
      return drop_entry (self, entry->seq, error) &&
             jd_store_write_synced (self, collection, id, NULL, NULL, server_rev, modified,
                                    "sync", error);
    }

  if (collection == JD_COLLECTION_RECORDS && theirs != NULL)
    {
      /* Records are never changed: the server's copy of a record made here is the same record. */
      return drop_entry (self, entry->seq, error) &&
             set_row_rev (self, collection, id, server_rev, error);
    }

  base = object_from_text (entry->base, error);
  if (base == NULL)
    return FALSE;

  if (theirs == NULL || deleted_here)
    {
      g_autoptr(JsonNode) base_node = entry->base != NULL ? node_from_text (entry->base) : NULL;
      g_autoptr(JsonNode) mine_node = !deleted_here ? node_from_text (local_body) : NULL;
      g_autoptr(JsonNode) theirs_node = NULL;
      g_autoptr(JsonArray) none = json_array_new ();

      if (theirs != NULL)
        theirs_node = json_node_init_object (json_node_alloc (), theirs);
      theirs_text = node_to_text (theirs_node);
      *n_conflicts = 1;
      return record_conflict (self, key, id, "", base_node, mine_node, theirs_node, server_rev,
                              error) &&
             rebase_entry (self, entry->seq, entry->op, server_rev,
                           theirs_text != NULL ? theirs_text : entry->base, none, error);
    }

  mine = object_from_text (local_body, error);
  if (mine == NULL)
    return FALSE;

  merged = json_object_new ();
  members = g_list_concat (g_list_concat (json_object_get_members (base),
                                          json_object_get_members (mine)),
                           json_object_get_members (theirs));
  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *b = json_object_get_member (base, name);
      JsonNode *m = json_object_get_member (mine, name);
      JsonNode *t = json_object_get_member (theirs, name);
      gboolean mine_changed = !same_node (m, b);
      gboolean theirs_changed = !same_node (t, b);
      JsonNode *result = m;

      if (!g_hash_table_add (seen, (gpointer) name))
        continue;

      if (theirs_changed && !mine_changed)
        result = t;
      else if (theirs_changed && !same_node (m, t))
        {
          if (!record_conflict (self, key, id, name, b, m, t, server_rev, error))
            return FALSE;
          (*n_conflicts)++;
        }

      if (result != NULL)
        json_object_set_member (merged, name, json_node_copy (result));
    }

  theirs_text = jd_codec_object_to_string (theirs, NULL);
  names = changed_names (theirs, merged);
  if (!count_row_conflicts (self, key, id, &left, error))
    return FALSE;

  /* The local row now stands on the server's revision, with the local edits on top. */
  if (!jd_store_write_synced (self, collection, id, merged, NULL, server_rev, modified, "sync",
                              error))
    return FALSE;

  if (json_array_get_length (names) == 0 && left == 0)
    return drop_entry (self, entry->seq, error);

  return rebase_entry (self, entry->seq, "update", server_rev, theirs_text, names, error);
}

gboolean
jd_store_sync_get_status (JdStore       *self,
                          JdSyncStatus  *status,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  memset (status, 0, sizeof *status);
  stmt = jd_store_statement (self,
                             "SELECT server, user, cursor, last_sync, "
                             "(SELECT count(*) FROM outbox), (SELECT count(*) FROM conflicts), "
                             "(SELECT count(DISTINCT collection || '/' || row_id) "
                             " FROM conflicts), "
                             "(SELECT count(*) FROM rejections) FROM sync_state",
                             error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      status->server = column_dup (stmt, 0);
      status->user = column_dup (stmt, 1);
      status->cursor = sqlite3_column_int64 (stmt, 2);
      status->last_sync = column_dup (stmt, 3);
      status->pending = sqlite3_column_int64 (stmt, 4);
      status->conflicts = sqlite3_column_int64 (stmt, 5);
      status->conflicted_rows = sqlite3_column_int64 (stmt, 6);
      status->rejected = sqlite3_column_int64 (stmt, 7);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    return jd_store_set_sqlite_error (self, rc, error);

  return TRUE;
}

gboolean
jd_store_sync_check_attachable (JdStore  *self,
                                GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sample = jd_store_dup_meta (self, JD_STORE_META_SAMPLE, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (sample != NULL)
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_SAMPLE_DATA,
                   _("%s holds generated sample data, which must never reach a sync server; "
                     "sign in with another database (jiandu-cli --db PATH login …)"),
                   jd_store_get_path (self));
      return FALSE;
    }
  return TRUE;
}

gboolean
jd_store_sync_set_account (JdStore     *self,
                           const char  *server,
                           const char  *user,
                           GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  if (!jd_store_sync_check_attachable (self, error))
    return FALSE;

  /* Another server's sequence means nothing here, and another user's scope is not this one's:
   * pull from the beginning. */
  stmt = jd_store_statement (self,
                             "UPDATE sync_state SET "
                             "cursor = CASE WHEN server IS ?1 AND user IS ?2 THEN cursor "
                             "ELSE 0 END, "
                             "server = ?1, user = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, server, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, user, -1, SQLITE_STATIC);
  return jd_store_step_done (self, stmt, error);
}

gboolean
jd_store_sync_set_last_sync (JdStore     *self,
                             const char  *time,
                             GError     **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  stmt = jd_store_statement (self, "UPDATE sync_state SET last_sync = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, time, -1, SQLITE_STATIC);
  return jd_store_step_done (self, stmt, error);
}

/* Builds the mutation for an entry not sent yet. Returns NULL with no error for an entry that
 * never reached the server and is deleted now: it is dropped instead of sent. */
static JsonObject *
build_mutation (JdStore       *self,
                Entry         *entry,
                const char    *names_text,
                char         **body_out,
                GError       **error)
{
  JdCollection collection;
  g_autofree char *body = NULL;
  g_autoptr(JsonObject) mutation = json_object_new ();
  g_autoptr(JsonObject) fields = NULL;
  g_autofree char *mutation_id = jd_uuid_new ();
  gboolean deleted = FALSE;

  if (!jd_collection_from_key (entry->collection, &collection))
    {
      g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_CORRUPT,
                   _("The outbox names an unknown collection “%s”."), entry->collection);
      return NULL;
    }

  if (!load_row (self, collection, entry->row_id, &body, &deleted, error))
    return NULL;

  if (strcmp (entry->op, "delete") == 0 && entry->base_rev == 0)
    return NULL;

  json_object_set_string_member (mutation, "mutation_id", mutation_id);
  json_object_set_string_member (mutation, "collection", entry->collection);
  json_object_set_string_member (mutation, "id", entry->row_id);
  json_object_set_string_member (mutation, "op", entry->op);
  json_object_set_int_member (mutation, "base_rev", entry->base_rev);

  if (strcmp (entry->op, "delete") != 0)
    {
      g_autoptr(JsonObject) current = object_from_text (body, error);

      if (current == NULL)
        return NULL;

      if (strcmp (entry->op, "insert") == 0)
        fields = json_object_ref (current);
      else
        {
          g_autoptr(JsonNode) names = json_from_string (names_text, NULL);
          JsonArray *list = names != NULL && JSON_NODE_HOLDS_ARRAY (names)
                              ? json_node_get_array (names) : NULL;

          fields = json_object_new ();
          for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
            {
              const char *name = json_array_get_string_element (list, i);
              JsonNode *value = json_object_get_member (current, name);

              /* A member removed here travels as null. */
              json_object_set_member (fields, name, value != NULL
                                                      ? json_node_copy (value)
                                                      : json_node_new (JSON_NODE_NULL));
            }
        }
      json_object_set_object_member (mutation, "fields", g_steal_pointer (&fields));
    }

  *body_out = g_steal_pointer (&body);
  return g_steal_pointer (&mutation);
}

/* An outbox entry picked for a batch, with its changed member names and the mutation sent
 * before (if it was). */
typedef struct
{
  Entry  entry;
  char  *names;
  char  *sent;
} Pending;

static void
pending_free (Pending *pending)
{
  entry_clear (&pending->entry);
  g_free (pending->names);
  g_free (pending->sent);
  g_free (pending);
}

static GPtrArray *
select_pending (JdStore  *self,
                guint     limit,
                GError  **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = jd_store_statement (self,
                             "SELECT " ENTRY_COLUMNS ", fields, mutation FROM outbox AS o "
                             "WHERE NOT EXISTS (SELECT 1 FROM conflicts AS c "
                             "  WHERE c.collection = o.collection AND c.row_id = o.row_id) "
                             "ORDER BY seq LIMIT ?",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pending *p = g_new0 (Pending, 1);

      entry_from_row (&p->entry, stmt);
      p->names = column_dup (stmt, 10);
      p->sent = column_dup (stmt, 11);
      g_ptr_array_add (pending, p);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&pending);
}

static gboolean
add_to_batch (JdStore    *self,
              Pending    *p,
              JsonArray  *batch,
              GError    **error)
{
  g_autoptr(JsonObject) mutation = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  if (p->entry.mutation_id != NULL && p->sent != NULL)
    {
      /* Sent before and not answered: the same mutation again, so that the server knows it. */
      JsonNode *node = json_from_string (p->sent, error);

      if (node == NULL)
        return FALSE;
      json_array_add_element (batch, node);
      return TRUE;
    }

  mutation = build_mutation (self, &p->entry, p->names, &body, error);
  if (mutation == NULL)
    return (error == NULL || *error == NULL) && drop_entry (self, p->entry.seq, error);

  text = jd_codec_object_to_string (mutation, NULL);
  stmt = jd_store_statement (self,
                             "UPDATE outbox SET mutation_id = ?2, mutation = ?3, "
                             "sent_body = ?4, sent_edits = edits WHERE seq = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, p->entry.seq);
  sqlite3_bind_text (stmt, 2, json_object_get_string_member (mutation, "mutation_id"), -1,
                     SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, body, -1, SQLITE_STATIC);
  if (!jd_store_step_done (self, stmt, error))
    return FALSE;

  json_array_add_object_element (batch, g_steal_pointer (&mutation));
  return TRUE;
}

JsonArray *
jd_store_sync_next_batch (JdStore  *self,
                          guint     limit,
                          GError  **error)
{
  g_autoptr(JsonArray) batch = json_array_new ();
  g_autoptr(GPtrArray) pending = NULL;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  if (!jd_store_begin (self, error))
    return NULL;

  pending = select_pending (self, limit, error);
  if (pending == NULL)
    goto fail;

  for (guint i = 0; i < pending->len; i++)
    if (!add_to_batch (self, pending->pdata[i], batch, error))
      goto fail;

  /* Committed before anything is sent: a resend after a crash finds the same ids. */
  if (!jd_store_commit (self, error))
    return NULL;

  return g_steal_pointer (&batch);

fail:
  jd_store_rollback (self);
  return NULL;
}

static gboolean
record_rejection (JdStore      *self,
                  const char   *collection,
                  const char   *row_id,
                  const char   *code,
                  const char   *message,
                  GError      **error)
{
  g_autofree char *now = jd_store_now_iso8601 ();
  sqlite3_stmt *stmt;

  stmt = jd_store_statement (self,
                             "INSERT INTO rejections (collection, row_id, code, message, time) "
                             "VALUES (?, ?, ?, ?, ?) ON CONFLICT (collection, row_id) DO UPDATE "
                             "SET code = excluded.code, message = excluded.message, "
                             "time = excluded.time",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, message, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, now, -1, SQLITE_STATIC);
  return jd_store_step_done (self, stmt, error);
}

static gboolean
forget_rejection (JdStore     *self,
                  const char  *collection,
                  const char  *row_id,
                  GError     **error)
{
  sqlite3_stmt *stmt = jd_store_statement (self,
                                           "DELETE FROM rejections "
                                           "WHERE collection = ? AND row_id = ?",
                                           error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, collection, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, row_id, -1, SQLITE_STATIC);
  return jd_store_step_done (self, stmt, error);
}

static gboolean
commit_applied (JdStore       *self,
                JdCollection   collection,
                Entry         *entry,
                gint64         rev,
                GError       **error)
{
  g_autofree char *body = NULL;
  g_autoptr(JsonObject) sent = NULL;
  g_autoptr(JsonObject) current = NULL;
  g_autoptr(JsonArray) names = NULL;
  gboolean deleted = FALSE;

  if (!set_row_rev (self, collection, entry->row_id, rev, error) ||
      !forget_rejection (self, entry->collection, entry->row_id, error))
    return FALSE;

  if (entry->edits == entry->sent_edits)
    return drop_entry (self, entry->seq, error);

  /* Edited again after the mutation went out: the server now holds what was sent, so that is the
   * new base, and what changed since is pushed next. */
  if (!load_row (self, collection, entry->row_id, &body, &deleted, error))
    return FALSE;
  if (deleted)
    {
      g_autoptr(JsonArray) none = json_array_new ();

      return rebase_entry (self, entry->seq, "delete", rev, entry->sent_body, none, error);
    }

  sent = object_from_text (entry->sent_body, error);
  current = sent != NULL ? object_from_text (body, error) : NULL;
  if (current == NULL)
    return FALSE;
  names = changed_names (sent, current);
  return rebase_entry (self, entry->seq, "update", rev, entry->sent_body, names, error);
}

/* Reads a ROW of the protocol: its collection, id, rev, modified and fields (NULL when deleted). */
static gboolean
parse_row (JsonObject    *row,
           JdCollection  *collection,
           const char   **id,
           gint64        *rev,
           const char   **modified,
           JsonObject   **fields,
           GError       **error)
{
  JsonNode *fields_node;

  if (!json_object_has_member (row, "collection") || !json_object_has_member (row, "id") ||
      !json_object_has_member (row, "rev"))
    /* Translators: what in the server's answer is wrong */
    return bad_answer (error, C_("server answer", "row without collection, id or rev"));

  if (!jd_collection_from_key (json_object_get_string_member (row, "collection"), collection))
    /* Translators: what in the server's answer is wrong */
    return bad_answer (error, C_("server answer", "unknown collection"));

  *id = json_object_get_string_member (row, "id");
  *rev = json_object_get_int_member (row, "rev");
  *modified = json_object_get_string_member_with_default (row, "modified", NULL);
  fields_node = json_object_get_member (row, "fields");
  *fields = NULL;
  if (!json_object_get_boolean_member_with_default (row, "deleted", FALSE))
    {
      if (fields_node == NULL || !JSON_NODE_HOLDS_OBJECT (fields_node))
        /* Translators: what in the server's answer is wrong */
        return bad_answer (error, C_("server answer", "row without fields"));
      *fields = json_node_get_object (fields_node);
    }

  if (*id == NULL)
    /* Translators: what in the server's answer is wrong */
    return bad_answer (error, C_("server answer", "row id"));

  return TRUE;
}

gboolean
jd_store_sync_commit_results (JdStore          *self,
                              JsonArray        *results,
                              JdSyncPushStats  *stats,
                              GError          **error)
{
  JdSyncPushStats counts = { 0 };

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);

  if (!jd_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (results); i++)
    {
      JsonNode *node = json_array_get_element (results, i);
      JsonObject *result = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *mutation_id;
      const char *status;
      g_auto(Entry) entry = { 0 };
      JdCollection collection;
      gboolean found = FALSE;

      if (result == NULL)
        {
          /* Translators: what in the server's answer is wrong */
          bad_answer (error, C_("server answer", "result"));
          goto fail;
        }

      mutation_id = json_object_get_string_member_with_default (result, "mutation_id", NULL);
      status = json_object_get_string_member_with_default (result, "status", "");
      if (mutation_id == NULL)
        {
          /* Translators: what in the server's answer is wrong */
          bad_answer (error, C_("server answer", "result without mutation_id"));
          goto fail;
        }

      /* An answer to a mutation no longer in the outbox was committed before. */
      if (!load_entry (self, "mutation_id = ?1", mutation_id, NULL, &entry, &found, error))
        goto fail;
      if (!found)
        continue;
      if (!jd_collection_from_key (entry.collection, &collection))
        {
          /* Translators: what in the server's answer is wrong */
          bad_answer (error, C_("server answer", "collection"));
          goto fail;
        }

      if (strcmp (status, "applied") == 0)
        {
          if (!commit_applied (self, collection, &entry,
                               json_object_get_int_member_with_default (result, "rev", 0), error))
            goto fail;
          counts.applied++;
        }
      else if (strcmp (status, "conflict") == 0)
        {
          JsonNode *row_node = json_object_get_member (result, "row");
          JdCollection row_collection;
          const char *id, *modified;
          JsonObject *fields;
          gint64 rev;
          guint n = 0;

          if (row_node == NULL || !JSON_NODE_HOLDS_OBJECT (row_node))
            {
              /* Translators: what in the server's answer is wrong */
              bad_answer (error, C_("server answer", "conflict without row"));
              goto fail;
            }
          if (!parse_row (json_node_get_object (row_node), &row_collection, &id, &rev,
                          &modified, &fields, error) ||
              !merge_row (self, collection, &entry, fields, rev, modified, &n, error))
            goto fail;
          counts.conflicts++;
        }
      else if (strcmp (status, "rejected") == 0)
        {
          const char *code = json_object_get_string_member_with_default (result, "code",
                                                                         "rejected");
          const char *message = json_object_get_string_member_with_default (result, "message",
                                                                            "");

          if (!record_rejection (self, entry.collection, entry.row_id, code, message, error) ||
              !drop_entry (self, entry.seq, error))
            goto fail;
          counts.rejected++;
        }
      else
        {
          /* Translators: what in the server's answer is wrong */
          bad_answer (error, C_("server answer", "result status"));
          goto fail;
        }
    }

  if (!jd_store_commit (self, error))
    return FALSE;

  if (stats != NULL)
    {
      stats->applied += counts.applied;
      stats->conflicts += counts.conflicts;
      stats->rejected += counts.rejected;
    }
  return TRUE;

fail:
  jd_store_rollback (self);
  return FALSE;
}

/* A row that left the user's scope on the server: dropped here, as a tombstone, unless it has
 * a local edit. An edit is kept with the row and shown as refused, since the server would refuse
 * it; it no longer waits in the outbox. A row shown as refused stays as it is, and so do
 * records. */
static gboolean
leave_scope (JdStore          *self,
             JdCollection      collection,
             const char       *id,
             gint64            rev,
             const char       *modified,
             Entry            *entry,
             JdSyncPullStats  *counts,
             GError          **error)
{
  const char *key = jd_collection_key (collection);
  g_autofree char *body = NULL;
  gboolean deleted = FALSE;
  sqlite3_stmt *stmt;
  int rc;

  if (entry != NULL)
    {
      stmt = jd_store_statement (self, "DELETE FROM conflicts WHERE collection = ? AND row_id = ?",
                                 error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
      counts->left++;
      return jd_store_step_done (self, stmt, error) &&
             record_rejection (self, key, id, "out_of_scope",
                               _("the row now belongs to an agency outside your scope; this "
                                 "edit was not sent"), error) &&
             drop_entry (self, entry->seq, error);
    }

  /* A row whose edit the server refused keeps it, for the user to see what was refused. */
  stmt = jd_store_statement (self, "SELECT 1 FROM rejections WHERE collection = ? AND row_id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return jd_store_set_sqlite_error (self, rc, error);

  /* Records are evidence, never deleted from a replica: they stay with their case, which goes. */
  if (collection == JD_COLLECTION_RECORDS)
    return TRUE;

  if (!load_row (self, collection, id, &body, &deleted, error))
    return FALSE;
  if (body == NULL || deleted)
    return TRUE;

  counts->left++;
  return jd_store_write_synced (self, collection, id, NULL, NULL, rev, modified, "sync", error);
}

static gboolean
apply_pulled_rows (JdStore           *self,
                   const JdSyncPage  *page,
                   JdSyncPullStats   *counts,
                   GError           **error)
{
  sqlite3_stmt *stmt;

  for (guint i = 0; i < page->rows->len; i++)
    {
      const JdSyncPageRow *pulled = &g_array_index (page->rows, JdSyncPageRow, i);
      const char *key = jd_collection_key (pulled->collection);
      g_auto(Entry) entry = { 0 };
      gboolean found = FALSE;

      if (!load_entry (self, "collection = ?1 AND row_id = ?2", key, pulled->id, &entry, &found,
                       error))
        return FALSE;

      if (pulled->out_of_scope)
        {
          if (!leave_scope (self, pulled->collection, pulled->id, pulled->rev, pulled->modified,
                            found ? &entry : NULL, counts, error))
            return FALSE;
        }
      else if (!found)
        {
          if (!jd_store_write_pulled (self, pulled, error))
            return FALSE;
          counts->written++;
        }
      else
        {
          g_autoptr(JsonObject) fields = NULL;
          guint n = 0;

          if (pulled->row.body != NULL &&
              (fields = object_from_text (pulled->row.body, error)) == NULL)
            return FALSE;
          if (!merge_row (self, pulled->collection, &entry, fields, pulled->rev,
                          pulled->modified, &n, error))
            return FALSE;
          counts->merged++;
          counts->conflicts += n;
        }
    }

  stmt = jd_store_statement (self, "UPDATE sync_state SET cursor = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, page->cursor);
  return jd_store_step_done (self, stmt, error);
}

gboolean
jd_store_sync_apply_page (JdStore           *self,
                          const JdSyncPage  *page,
                          JdSyncPullStats   *stats,
                          GError           **error)
{
  JdSyncPullStats counts = { 0 };
  gboolean ok;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);
  g_return_val_if_fail (page != NULL, FALSE);

  /* Pages come in the server's order of last change, so a row can arrive a page before the row
   * it references (an agency renamed after its cases were filed). The server checked the
   * references; holding the page back for them would stop the sync for good. The pragma is a
   * no-op inside a transaction, so it goes around it. */
  if (!jd_store_exec (self, "PRAGMA foreign_keys = OFF", error))
    return FALSE;

  ok = jd_store_begin (self, error);
  if (ok)
    {
      /* A case and its records come in the same page: index the case once, at the end. */
      jd_store_defer_search (self);
      ok = apply_pulled_rows (self, page, &counts, error) &&
           jd_store_flush_search (self, error) &&
           jd_store_commit (self, error);
      if (!ok)
        {
          jd_store_drop_deferred_search (self);
          jd_store_rollback (self);
        }
    }

  if (!jd_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL))
    ok = FALSE;

  if (ok && stats != NULL)
    {
      stats->written += counts.written;
      stats->merged += counts.merged;
      stats->conflicts += counts.conflicts;
      stats->left += counts.left;
    }
  return ok;
}

gboolean
jd_store_sync_apply_pull (JdStore          *self,
                          JsonArray        *changes,
                          gint64            cursor,
                          JdSyncPullStats  *stats,
                          GError          **error)
{
  g_autoptr(JsonObject) answer = json_object_new ();
  g_autoptr(JdSyncPage) page = NULL;
  g_autoptr(GBytes) body = NULL;
  char *text;
  gsize length;

  /* Read as the server's text is, so that both take one way into the store. */
  json_object_set_array_member (answer, "changes", json_array_ref (changes));
  json_object_set_int_member (answer, "cursor", cursor);
  text = jd_codec_object_to_string (answer, &length);
  body = g_bytes_new_take (text, length);
  page = jd_sync_page_read (body, error);
  return page != NULL && jd_store_sync_apply_page (self, page, stats, error);
}

GPtrArray *
jd_store_sync_list_conflicts (JdStore  *self,
                              GError  **error)
{
  g_autoptr(GPtrArray) conflicts = g_ptr_array_new_with_free_func (
    (GDestroyNotify) jd_sync_conflict_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  stmt = jd_store_statement (self,
                             "SELECT id, collection, row_id, member, base, mine, theirs, "
                             "server_rev FROM conflicts ORDER BY collection, row_id, member",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdSyncConflict *conflict = g_new0 (JdSyncConflict, 1);

      conflict->id = sqlite3_column_int64 (stmt, 0);
      jd_collection_from_key ((const char *) sqlite3_column_text (stmt, 1),
                              &conflict->collection);
      conflict->row_id = column_dup (stmt, 2);
      conflict->member = column_dup (stmt, 3);
      conflict->base = node_from_text ((const char *) sqlite3_column_text (stmt, 4));
      conflict->mine = node_from_text ((const char *) sqlite3_column_text (stmt, 5));
      conflict->theirs = node_from_text ((const char *) sqlite3_column_text (stmt, 6));
      conflict->server_rev = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (conflicts, conflict);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&conflicts);
}

GPtrArray *
jd_store_sync_list_rejections (JdStore  *self,
                               GError  **error)
{
  g_autoptr(GPtrArray) rejections = g_ptr_array_new_with_free_func (
    (GDestroyNotify) jd_sync_rejection_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (JD_IS_STORE (self), NULL);

  stmt = jd_store_statement (self,
                             "SELECT collection, row_id, code, message, time FROM rejections "
                             "ORDER BY time, collection, row_id",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      JdSyncRejection *rejection = g_new0 (JdSyncRejection, 1);

      jd_collection_from_key ((const char *) sqlite3_column_text (stmt, 0),
                              &rejection->collection);
      rejection->row_id = column_dup (stmt, 1);
      rejection->code = column_dup (stmt, 2);
      rejection->message = column_dup (stmt, 3);
      rejection->time = column_dup (stmt, 4);
      g_ptr_array_add (rejections, rejection);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      jd_store_set_sqlite_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&rejections);
}

static gboolean
delete_conflict (JdStore  *self,
                 gint64    id,
                 GError  **error)
{
  sqlite3_stmt *stmt = jd_store_statement (self, "DELETE FROM conflicts WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  return jd_store_step_done (self, stmt, error);
}

/* Resolves one conflict inside the caller's transaction. */
static gboolean
resolve_one (JdStore         *self,
             JdSyncConflict  *conflict,
             JdSyncKeep       keep,
             GError         **error)
{
  const char *key = jd_collection_key (conflict->collection);
  const char *id = conflict->row_id;
  g_auto(Entry) entry = { 0 };
  g_autofree char *body = NULL;
  g_autoptr(JsonObject) row = NULL;
  g_autoptr(JsonObject) server = NULL;
  g_autoptr(JsonArray) names = json_array_new ();
  gboolean found = FALSE;
  gboolean deleted = FALSE;
  gint64 left = 0;

  if (!delete_conflict (self, conflict->id, error) ||
      !load_entry (self, "collection = ?1 AND row_id = ?2", key, id, &entry, &found, error))
    return FALSE;

  if (*conflict->member == '\0')
    {
      if (keep == JD_SYNC_KEEP_THEIRS)
        {
          JsonObject *theirs = conflict->theirs != NULL
                                 ? json_node_get_object (conflict->theirs) : NULL;

          return (!found || drop_entry (self, entry.seq, error)) &&
                 jd_store_write_synced (self, conflict->collection, id, theirs, NULL,
                                        conflict->server_rev, NULL, "resolve", error);
        }

      /* Keeping an edit of a row the server deleted brings the row back: an insert on the
       * tombstone's revision, with the whole local row. */
      if (conflict->theirs == NULL)
        return !found || rebase_entry (self, entry.seq, "insert", conflict->server_rev,
                                       entry.base, names, error);

      /* Keeping a deletion deletes on the server's revision. */
      if (!found)
        return TRUE;
      return rebase_entry (self, entry.seq, "delete", conflict->server_rev, entry.base, names,
                           error);
    }

  if (!load_row (self, conflict->collection, id, &body, &deleted, error))
    return FALSE;
  row = object_from_text (body, error);
  if (row == NULL)
    return FALSE;

  if (keep == JD_SYNC_KEEP_THEIRS)
    {
      if (conflict->theirs != NULL)
        json_object_set_member (row, conflict->member, json_node_copy (conflict->theirs));
      else
        json_object_remove_member (row, conflict->member);
      if (!jd_store_write_synced (self, conflict->collection, id, row, NULL, -1, NULL, "resolve",
                                  error))
        return FALSE;
    }

  if (!found)
    return TRUE;

  /* The entry's base is the server's row the conflict was found against: push what differs. */
  server = object_from_text (entry.base, error);
  if (server == NULL || !count_row_conflicts (self, key, id, &left, error))
    return FALSE;
  g_clear_pointer (&names, json_array_unref);
  names = changed_names (server, row);
  if (json_array_get_length (names) == 0 && left == 0)
    return drop_entry (self, entry.seq, error);

  return rebase_entry (self, entry.seq, entry.op, entry.base_rev, entry.base, names, error);
}

gboolean
jd_store_sync_resolve (JdStore     *self,
                       int          collection,
                       const char  *row_id,
                       const char  *member,
                       JdSyncKeep   keep,
                       GError     **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  guint n = 0;

  g_return_val_if_fail (JD_IS_STORE (self), FALSE);
  g_return_val_if_fail (row_id != NULL, FALSE);

  conflicts = jd_store_sync_list_conflicts (self, error);
  if (conflicts == NULL || !jd_store_begin (self, error))
    return FALSE;

  for (guint i = 0; i < conflicts->len; i++)
    {
      JdSyncConflict *conflict = conflicts->pdata[i];

      if (strcmp (conflict->row_id, row_id) != 0 ||
          (collection >= 0 && conflict->collection != (JdCollection) collection) ||
          (member != NULL && strcmp (conflict->member, member) != 0))
        continue;

      if (!resolve_one (self, conflict, keep, error))
        {
          jd_store_rollback (self);
          return FALSE;
        }
      n++;
    }

  if (n == 0)
    {
      jd_store_rollback (self);
      if (member != NULL)
        g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE,
                     _("Row %s has no conflict in member “%s”. “jiandu-cli conflicts” lists "
                       "them."),
                     row_id, member);
      else
        g_set_error (error, JD_STORE_ERROR, JD_STORE_ERROR_REFERENCE,
                     _("Row %s has no conflict. “jiandu-cli conflicts” lists them."), row_id);
      return FALSE;
    }

  return jd_store_commit (self, error);
}
