#include "jd-server-sync.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-codec.h"
#include "jd-entity.h"

G_DEFINE_QUARK (jd-server-sync-error-quark, jd_server_sync_error)

typedef enum
{
  OP_INSERT,
  OP_UPDATE,
  OP_DELETE,
} Op;

typedef struct
{
  const char   *mutation_id;
  const char   *collection_key;
  JdCollection  collection;
  const char   *id;
  Op            op;
  gint64        base_rev;
  JsonObject   *fields;        /* borrowed from the request; NULL for a delete */
} Mutation;

typedef struct
{
  JdServerStore *store;
  JdServerUser  *user;
  GHashTable    *scope;        /* agency ids the user may touch; NULL for district */
} Push;

static void
append_string (GString    *out,
               const char *text)
{
  g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), text);
  g_autofree char *quoted = json_to_string (node, FALSE);

  g_string_append (out, quoted);
}

static void
append_row (GString     *out,
            JdServerRow *row)
{
  g_string_append (out, "{\"collection\":");
  append_string (out, row->collection);
  g_string_append (out, ",\"id\":");
  append_string (out, row->id);
  /* A row that left the user's scope goes out as a tombstone, with no fields, marked so that
   * the client knows it still exists elsewhere. */
  if (row->out_of_scope)
    g_string_append (out, ",\"out_of_scope\":true");
  g_string_append_printf (out, ",\"rev\":%" G_GINT64_FORMAT ",\"deleted\":%s,\"modified\":",
                          row->rev, row->deleted || row->out_of_scope ? "true" : "false");
  append_string (out, row->modified);
  g_string_append (out, ",\"fields\":");
  /* Stored fields are compact JSON the codec wrote: they go out as they are. */
  g_string_append (out, row->fields != NULL && !row->deleted && !row->out_of_scope
                         ? row->fields : "null");
  g_string_append_c (out, '}');
}

char *
jd_server_sync_pull (JdServerStore *store,
                     JdServerUser  *user,
                     gint64         cursor,
                     int            limit,
                     GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_server_row_free);
  g_autoptr(GString) out = g_string_sized_new (4096);
  gint64 remaining = 0;
  gint64 last = cursor;

  if (!jd_server_store_pull (store, user, cursor, limit, rows, &remaining, error))
    return NULL;

  g_string_append (out, "{\"changes\":[");
  for (guint i = 0; i < rows->len; i++)
    {
      JdServerRow *row = g_ptr_array_index (rows, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_row (out, row);
      last = row->rev;
    }
  g_string_append_printf (out, "],\"cursor\":%" G_GINT64_FORMAT ",\"more\":%s,"
                          "\"remaining\":%" G_GINT64_FORMAT "}",
                          last, remaining > 0 ? "true" : "false", remaining);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

GStrv
jd_server_sync_row_agencies (JdServerStore *store,
                             JdCollection   collection,
                             JsonObject    *fields)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *member = NULL;

  switch (collection)
    {
    case JD_COLLECTION_AGENCIES:
      member = "id";
      break;
    case JD_COLLECTION_OFFICERS:
    case JD_COLLECTION_CASES:
    case JD_COLLECTION_SUPERVISION_CASES:
    case JD_COLLECTION_LETTERS:
    case JD_COLLECTION_EVALUATIONS:
      member = "agency_id";
      break;
    case JD_COLLECTION_COMPLAINTS:
      member = "respondent_agency_id";
      break;
    case JD_COLLECTION_RECORDS:
      {
        const char *case_id = json_object_get_string_member_with_default (fields, "case_id", NULL);
        g_autofree char *agency = case_id != NULL
                                    ? jd_server_store_case_agency (store, case_id) : NULL;

        if (agency != NULL)
          g_strv_builder_add (builder, agency);
      }
      break;
    case JD_COLLECTION_DISPUTES:
      {
        JsonNode *node = json_object_get_member (fields, "agency_ids");
        JsonArray *ids = node != NULL && JSON_NODE_HOLDS_ARRAY (node)
                           ? json_node_get_array (node) : NULL;

        for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
          {
            const char *id = json_array_get_string_element (ids, i);

            if (id != NULL)
              g_strv_builder_add (builder, id);
          }
      }
      break;
    case JD_COLLECTION_SOCIAL_SUPERVISORS:
    case JD_N_COLLECTIONS:
    default:
      break;
    }

  if (member != NULL)
    {
      const char *value = json_object_get_string_member_with_default (fields, member, NULL);

      if (value != NULL)
        g_strv_builder_add (builder, value);
    }
  return g_strv_builder_end (builder);
}

static gboolean
may_push (Push               *push,
          JdCollection        collection,
          const char * const *agencies,
          JsonObject         *fields)
{
  if (push->user->role == JD_SERVER_ROLE_DISTRICT)
    return TRUE;
  if (push->user->role == JD_SERVER_ROLE_ADMIN || collection == JD_COLLECTION_SOCIAL_SUPERVISORS)
    return FALSE;
  for (guint i = 0; agencies[i] != NULL; i++)
    {
      if (g_hash_table_contains (push->scope, agencies[i]))
        return TRUE;
    }
  /* A town may add an agency below itself: the new agency is in its subtree by its parent. */
  if (collection == JD_COLLECTION_AGENCIES && push->user->role == JD_SERVER_ROLE_TOWN
      && fields != NULL)
    {
      const char *parent = json_object_get_string_member_with_default (fields, "parent_id", NULL);

      return parent != NULL && g_hash_table_contains (push->scope, parent);
    }
  return FALSE;
}

static char *
result_applied (Mutation *m,
                gint64    rev)
{
  g_autoptr(GString) out = g_string_new ("{\"mutation_id\":");

  append_string (out, m->mutation_id);
  g_string_append_printf (out, ",\"status\":\"applied\",\"rev\":%" G_GINT64_FORMAT "}", rev);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
result_conflict (Mutation    *m,
                 JdServerRow *row)
{
  g_autoptr(GString) out = g_string_new ("{\"mutation_id\":");

  append_string (out, m->mutation_id);
  g_string_append (out, ",\"status\":\"conflict\",\"row\":");
  append_row (out, row);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
result_rejected (Mutation   *m,
                 const char *code,
                 const char *message)
{
  g_autoptr(GString) out = g_string_new ("{\"mutation_id\":");

  append_string (out, m->mutation_id);
  g_string_append (out, ",\"status\":\"rejected\",\"code\":");
  append_string (out, code);
  g_string_append (out, ",\"message\":");
  append_string (out, message);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Checks the object a row would hold; NULL when it is fine, else the rejection. */
static char *
check_fields (Mutation   *m,
              guint       index,
              JsonObject *fields)
{
  g_autofree char *path = g_strdup_printf ("mutations[%u].fields", index);
  g_autoptr(GError) error = NULL;
  const char *id = json_object_get_string_member_with_default (fields, "id", NULL);

  if (g_strcmp0 (id, m->id) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s.id: not the id of the row"), path);
      return result_rejected (m, "invalid", message);
    }
  if (m->collection == JD_COLLECTION_CASES && json_object_has_member (fields, "records"))
    {
      g_autofree char *message =
        g_strdup_printf (_("%s.records: records are rows of their own"), path);
      return result_rejected (m, "invalid", message);
    }
  if (m->collection == JD_COLLECTION_RECORDS
      && json_object_get_string_member_with_default (fields, "case_id", NULL) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s.case_id: missing"), path);
      return result_rejected (m, "invalid", message);
    }
  if (!jd_codec_check_object (jd_collection_schema (m->collection), fields, path, &error))
    return result_rejected (m, "invalid", error->message);
  return NULL;
}

/* Decides one mutation inside its transaction; writes the row when it applies. */
static char *
evaluate (Push     *push,
          Mutation *m,
          guint     index,
          GError  **error)
{
  g_autoptr(JdServerRow) row = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) agencies = NULL;
  g_autofree char *text = NULL;
  char *rejection;
  gint64 rev;

  if (m->collection == JD_COLLECTION_RECORDS && m->op != OP_INSERT)
    return result_rejected (m, "append_only",
                            _("records are never changed: a correction is a new record"));

  row = jd_server_store_get_row (push->store, m->collection_key, m->id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (m->op == OP_INSERT)
    {
      /* An insert on the revision of a tombstone brings the row back: a client kept its edit
       * of a row deleted here. On any other revision it is a conflict, as an update would be. */
      if (row != NULL && row->deleted && m->base_rev != 0)
        {
          g_auto(GStrv) current =
            jd_server_store_row_agencies (push->store, m->collection_key, m->id, error);

          if (current == NULL)
            return NULL;
          if (!may_push (push, m->collection, (const char * const *) current, NULL))
            return result_rejected (m, "out_of_scope", _("the row is outside your scope"));
          if (m->base_rev != row->rev)
            return result_conflict (m, row);
        }
      else if (row != NULL)
        return result_rejected (m, "exists", _("the server holds a row with this id"));
      fields = json_object_ref (m->fields);
    }
  else
    {
      g_auto(GStrv) current = NULL;

      if (row == NULL)
        return result_rejected (m, "not_found", _("the server holds no row with this id"));
      current = jd_server_store_row_agencies (push->store, m->collection_key, m->id, error);
      if (current == NULL)
        return NULL;
      {
        g_autoptr(JsonObject) current_fields =
          row->fields != NULL ? jd_codec_object_from_string (row->fields, NULL) : NULL;

        if (!may_push (push, m->collection, (const char * const *) current, current_fields))
          return result_rejected (m, "out_of_scope", _("the row is outside your scope"));
      }
      if (row->deleted || m->base_rev != row->rev)
        return result_conflict (m, row);
      if (m->op == OP_UPDATE)
        {
          fields = jd_codec_object_from_string (row->fields, &local_error);
          if (fields == NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          /* An update carries only the members that changed; null means "no longer recorded". */
          g_autoptr(GList) members = json_object_get_members (m->fields);

          for (GList *l = members; l != NULL; l = l->next)
            {
              JsonNode *value = json_object_get_member (m->fields, l->data);

              if (JSON_NODE_HOLDS_NULL (value))
                json_object_remove_member (fields, l->data);
              else
                json_object_set_member (fields, l->data, json_node_copy (value));
            }
        }
    }

  if (fields != NULL)
    {
      rejection = check_fields (m, index, fields);
      if (rejection != NULL)
        return rejection;
      agencies = jd_server_sync_row_agencies (push->store, m->collection, fields);
      if (!may_push (push, m->collection, (const char * const *) agencies, fields))
        return result_rejected (m, "out_of_scope", _("the row would be outside your scope"));
      text = jd_codec_object_to_string (fields, NULL);
    }

  rev = jd_server_store_put_row (push->store, m->collection_key, m->id, text,
                                 (const char * const *) agencies, error);
  if (rev == 0)
    return NULL;
  if (m->collection == JD_COLLECTION_CASES && fields != NULL
      && !jd_server_store_rescope_records (push->store, m->id,
                                           json_object_get_string_member_with_default (
                                             fields, "agency_id", NULL), error))
    return NULL;

  /* An agency under a new parent, deleted or brought back takes its subtree along. */
  if (m->collection == JD_COLLECTION_AGENCIES && row != NULL)
    {
      g_autoptr(JsonObject) old_fields =
        row->deleted || row->fields == NULL ? NULL
                                             : jd_codec_object_from_string (row->fields, NULL);
      const char *old_parent =
        old_fields != NULL ? json_object_get_string_member_with_default (old_fields, "parent_id",
                                                                         NULL)
                           : NULL;
      const char *new_parent =
        fields != NULL ? json_object_get_string_member_with_default (fields, "parent_id", NULL)
                       : NULL;

      if ((old_fields == NULL) != (fields == NULL) || g_strcmp0 (old_parent, new_parent) != 0)
        if (!jd_server_store_move_agency (push->store, m->id, old_parent, error))
          return NULL;
    }

  /* A new or moved agency changes what a town may touch next in the same batch. */
  if (m->collection == JD_COLLECTION_AGENCIES && push->scope != NULL)
    {
      GHashTable *scope = jd_server_store_scope_agencies (push->store, push->user->agency_id,
                                                          push->user->role == JD_SERVER_ROLE_TOWN,
                                                          error);
      if (scope == NULL)
        return NULL;
      g_hash_table_unref (push->scope);
      push->scope = scope;
    }
  return result_applied (m, rev);
}

static char *
apply_mutation (Push     *push,
                Mutation *m,
                guint     index,
                GError  **error)
{
  g_autofree char *recorded = NULL;
  g_autofree char *recorded_user = NULL;
  g_autofree char *result = NULL;

  if (!jd_server_store_savepoint (push->store, error))
    return NULL;

  recorded = jd_server_store_get_mutation (push->store, m->mutation_id, &recorded_user);
  if (recorded != NULL)
    {
      jd_server_store_rollback_to (push->store);
      if (g_strcmp0 (recorded_user, push->user->name) != 0)
        return result_rejected (m, "invalid", _("this mutation_id was used by another user"));
      return g_steal_pointer (&recorded);
    }

  result = evaluate (push, m, index, error);
  if (result == NULL)
    goto failed;

  /* A conflict stored nothing and is not final: the client rebases the same outbox entry and
   * pushes it again under its mutation_id, which must then be judged afresh. */
  if (strstr (result, "\"status\":\"conflict\"") == NULL
      && !jd_server_store_put_mutation (push->store, m->mutation_id, push->user->name, result,
                                        error))
    goto failed;

  if (!jd_server_store_release (push->store, error))
    goto failed;
  return g_steal_pointer (&result);

failed:
  jd_server_store_rollback_to (push->store);
  return NULL;
}

static gboolean
bad_request (GError    **error,
             const char *path,
             const char *what)
{
  g_set_error (error, JD_SERVER_SYNC_ERROR, JD_SERVER_SYNC_ERROR_BAD_REQUEST, "%s: %s", path, what);
  return FALSE;
}

static gboolean
member_string (JsonObject  *object,
               const char  *name,
               const char  *path,
               const char **out,
               GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);
  g_autofree char *member_path = g_strdup_printf ("%s.%s", path, name);

  if (node == NULL)
    return bad_request (error, member_path, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING
      || *json_node_get_string (node) == '\0')
    return bad_request (error, member_path, _("not a string"));
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
parse_mutation (JsonNode  *node,
                guint      index,
                Mutation  *m,
                GError   **error)
{
  g_autofree char *path = g_strdup_printf ("mutations[%u]", index);
  JsonObject *object;
  JsonNode *member;
  const char *op;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return bad_request (error, path, _("not an object"));
  object = json_node_get_object (node);

  if (!member_string (object, "mutation_id", path, &m->mutation_id, error)
      || !member_string (object, "collection", path, &m->collection_key, error)
      || !member_string (object, "id", path, &m->id, error)
      || !member_string (object, "op", path, &op, error))
    return FALSE;

  if (!jd_collection_from_key (m->collection_key, &m->collection))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.collection", path);
      g_autofree char *what = g_strdup_printf (_("unknown collection “%s”"), m->collection_key);
      return bad_request (error, member_path, what);
    }

  if (strcmp (op, "insert") == 0)
    m->op = OP_INSERT;
  else if (strcmp (op, "update") == 0)
    m->op = OP_UPDATE;
  else if (strcmp (op, "delete") == 0)
    m->op = OP_DELETE;
  else
    {
      g_autofree char *member_path = g_strdup_printf ("%s.op", path);
      return bad_request (error, member_path, _("not insert, update or delete"));
    }

  member = json_object_get_member (object, "base_rev");
  m->base_rev = 0;
  if (member != NULL)
    {
      if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64
          || json_node_get_int (member) < 0)
        {
          g_autofree char *member_path = g_strdup_printf ("%s.base_rev", path);
          return bad_request (error, member_path, _("not a revision"));
        }
      m->base_rev = json_node_get_int (member);
    }
  else if (m->op != OP_INSERT)
    {
      g_autofree char *member_path = g_strdup_printf ("%s.base_rev", path);
      return bad_request (error, member_path, _("missing"));
    }

  member = json_object_get_member (object, "fields");
  m->fields = NULL;
  if (m->op == OP_DELETE)
    {
      if (member != NULL && !JSON_NODE_HOLDS_NULL (member))
        {
          g_autofree char *member_path = g_strdup_printf ("%s.fields", path);
          return bad_request (error, member_path, _("a delete carries no fields"));
        }
    }
  else if (member == NULL || !JSON_NODE_HOLDS_OBJECT (member))
    {
      g_autofree char *member_path = g_strdup_printf ("%s.fields", path);
      return bad_request (error, member_path, member == NULL ? _("missing") : _("not an object"));
    }
  else
    m->fields = json_node_get_object (member);
  return TRUE;
}

char *
jd_server_sync_push (JdServerStore *store,
                     JdServerUser  *user,
                     JsonNode      *request,
                     GError       **error)
{
  g_autofree Mutation *mutations = NULL;
  g_autoptr(GString) out = g_string_new ("{\"results\":[");
  Push push = { store, user, NULL };
  JsonArray *array;
  JsonNode *member;
  guint n;

  if (!JSON_NODE_HOLDS_OBJECT (request))
    return bad_request (error, "$", _("not an object")), NULL;
  member = json_object_get_member (json_node_get_object (request), "mutations");
  if (member == NULL)
    return bad_request (error, "mutations", _("missing")), NULL;
  if (!JSON_NODE_HOLDS_ARRAY (member))
    return bad_request (error, "mutations", _("not an array")), NULL;
  array = json_node_get_array (member);
  n = json_array_get_length (array);
  if (n > JD_SERVER_SYNC_MAX_MUTATIONS)
    {
      g_autofree char *what = g_strdup_printf (_("more than %d mutations"),
                                               JD_SERVER_SYNC_MAX_MUTATIONS);
      return bad_request (error, "mutations", what), NULL;
    }

  /* Every mutation is checked before the first is applied: a malformed batch stores nothing. */
  mutations = g_new0 (Mutation, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      if (!parse_mutation (json_array_get_element (array, i), i, &mutations[i], error))
        return NULL;
    }

  if (user->role != JD_SERVER_ROLE_DISTRICT)
    {
      push.scope = jd_server_store_scope_agencies (store, user->agency_id,
                                                   user->role == JD_SERVER_ROLE_TOWN, error);
      if (push.scope == NULL)
        return NULL;
    }

  /* One transaction for the batch, one savepoint per mutation: each mutation lands with the
   * record of its id or not at all, and the batch costs one synchronous commit instead of one per
   * mutation. A server killed meanwhile has stored none of the batch, which the client sends
   * again. */
  if (!jd_server_store_begin (store, error))
    {
      g_clear_pointer (&push.scope, g_hash_table_unref);
      return NULL;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *result = apply_mutation (&push, &mutations[i], i, error);

      if (result == NULL)
        {
          jd_server_store_rollback (store);
          g_clear_pointer (&push.scope, g_hash_table_unref);
          return NULL;
        }
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, result);
    }
  g_clear_pointer (&push.scope, g_hash_table_unref);
  if (!jd_server_store_commit (store, error))
    {
      jd_server_store_rollback (store);
      return NULL;
    }
  g_string_append (out, "]}");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Stores one object of an imported document as a new row. */
static gboolean
import_entity (JdServerStore *store,
               JdCollection   collection,
               JdEntity      *entity,
               GError       **error)
{
  JsonObject *fields = jd_entity_get_fields (entity);
  g_auto(GStrv) agencies = jd_server_sync_row_agencies (store, collection, fields);
  g_autofree char *text = NULL;

  if (collection == JD_COLLECTION_CASES && json_object_has_member (fields, "records"))
    {
      g_autoptr(JsonObject) copy = json_object_new ();

      /* The entity's own object stays as the document holds it. */
      g_autoptr(GList) members = json_object_get_members (fields);

      for (GList *l = members; l != NULL; l = l->next)
        {
          if (strcmp (l->data, "records") != 0)
            json_object_set_member (copy, l->data,
                                    json_node_copy (json_object_get_member (fields, l->data)));
        }
      text = jd_codec_object_to_string (copy, NULL);
    }
  else
    text = jd_codec_object_to_string (fields, NULL);

  return jd_server_store_put_row (store, jd_collection_key (collection),
                                  jd_entity_get_id (entity), text,
                                  (const char * const *) agencies, error) != 0 &&
         (collection != JD_COLLECTION_CASES ||
          jd_server_store_rescope_records (store, jd_entity_get_id (entity), agencies[0], error));
}

gboolean
jd_server_sync_import (JdServerStore *store,
                       JdDocument    *document,
                       guint         *n_rows,
                       GError       **error)
{
  g_autoptr(GHashTable) by_case = jd_document_group_records (document);
  g_autoptr(GHashTable) placed = g_hash_table_new (NULL, NULL);

  /* Each case is followed by its records, so that a first pull brings a case and its records in
   * one page and the client indexes the case once (jd_store_sync_apply_pull()). */
  *n_rows = 0;

  if (!jd_server_store_begin (store, error))
    return FALSE;

  /* Collections in their enum order: cases come before the records that take their agency. */
  for (int c = 0; c < JD_N_COLLECTIONS; c++)
    {
      GPtrArray *entities = jd_document_get_entities (document, c);

      for (guint i = 0; i < entities->len; i++)
        {
          JdEntity *entity = g_ptr_array_index (entities, i);
          GPtrArray *own = NULL;

          if (g_hash_table_contains (placed, entity))
            continue;
          if (!import_entity (store, c, entity, error))
            goto fail;
          (*n_rows)++;

          if (c == JD_COLLECTION_CASES)
            own = g_hash_table_lookup (by_case, jd_entity_get_id (entity));
          for (guint r = 0; own != NULL && r < own->len; r++)
            {
              if (!import_entity (store, JD_COLLECTION_RECORDS, own->pdata[r], error))
                goto fail;
              g_hash_table_add (placed, own->pdata[r]);
              (*n_rows)++;
            }
        }
    }
  return jd_server_store_commit (store, error);

fail:
  jd_server_store_rollback (store);
  return FALSE;
}
