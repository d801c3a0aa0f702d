#include "jd-profile.h"

#include "jd-core-resources.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#define PROFILE_RESOURCE_DIR "/io/github/jiandu/core/profiles"
#define MAX_EXTENDS          8

struct _JdProfile
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  JsonObject *json;        /* merged with what it extends */
  GHashTable *lists;       /* "section/key" → GStrv */
};

G_DEFINE_FINAL_TYPE (JdProfile, jd_profile, G_TYPE_OBJECT)

G_DEFINE_QUARK (jd-profile-error-quark, jd_profile_error)

static const char * const known_members[] = {
  "id", "name", "name_zh_CN", "description", "extends", "rules", "citations", "limits",
  "stages", "documents", "major_measures", "large_fine", NULL
};
static const char * const list_sections[] = { "stages", "documents", "major_measures", NULL };

static void
jd_profile_finalize (GObject *object)
{
  JdProfile *self = JD_PROFILE (object);

  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->json, json_object_unref);
  g_clear_pointer (&self->lists, g_hash_table_unref);

  G_OBJECT_CLASS (jd_profile_parent_class)->finalize (object);
}

static void
jd_profile_class_init (JdProfileClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_profile_finalize;
}

static void
jd_profile_init (JdProfile *self)
{
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_strfreev);
}

static GPtrArray *
search_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_object_unref);
  const char *env = g_getenv ("JIANDU_PROFILE_DIR");

  if (env != NULL && *env != '\0')
    g_ptr_array_add (dirs, g_file_new_for_path (env));
  g_ptr_array_add (dirs, g_file_new_build_filename (g_get_user_data_dir (), "jiandu", "profiles",
                                                    NULL));
  return dirs;
}

/* The text of profile @id: from @first_dir if given, the search directories, or the product. */
static GBytes *
find_profile (const char  *id,
              GFile       *first_dir,
              char       **where,
              GError     **error)
{
  g_autoptr(GPtrArray) dirs = search_dirs ();
  g_autofree char *basename = g_strconcat (id, ".json", NULL);
  g_autofree char *resource = NULL;
  GBytes *bytes;

  if (strchr (id, '/') != NULL || strchr (id, '\\') != NULL || *id == '.' || *id == '\0')
    {
      g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_NOT_FOUND,
                   _("“%s” is not a profile name"), id);
      return NULL;
    }

  if (first_dir != NULL)
    g_ptr_array_insert (dirs, 0, g_object_ref (first_dir));

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dirs->pdata[i], basename);
      g_autoptr(GError) local_error = NULL;

      bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
      if (bytes != NULL)
        {
          *where = g_file_get_path (file);
          return bytes;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        {
          g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_INVALID, "%s",
                       local_error->message);
          return NULL;
        }
    }

  resource = g_strconcat (PROFILE_RESOURCE_DIR "/", basename, NULL);
  bytes = g_resource_lookup_data (jd_core_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_NOT_FOUND,
                   _("No profile “%s”"), id);
      return NULL;
    }
  *where = g_strdup (basename);
  return bytes;
}

static gboolean
is_string_array (JsonNode *node)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING)
        return FALSE;
    }
  return TRUE;
}

/* Checks the shape of one file, so that a typo in a city's profile is an error that names the
 * member rather than a rule silently switched off. */
static gboolean
check_shape (JsonObject  *object,
             const char  *where,
             GError     **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

#define INVALID(...) \
  G_STMT_START { \
    g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
    g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_INVALID, "%s: %s", where, what_); \
    return FALSE; \
  } G_STMT_END

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      JsonNode *node = json_object_get_member (object, name);

      if (!g_strv_contains (known_members, name))
        INVALID (_("unknown member “%s”"), name);

      if (g_str_equal (name, "id") || g_str_equal (name, "name") ||
          g_str_equal (name, "name_zh_CN") || g_str_equal (name, "description") ||
          g_str_equal (name, "extends"))
        {
          if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
            INVALID (_("%s: not a string"), name);
          continue;
        }

      if (!JSON_NODE_HOLDS_OBJECT (node))
        INVALID (_("%s: not an object"), name);

      {
        JsonObject *section = json_node_get_object (node);
        g_autoptr(GList) keys = json_object_get_members (section);

        for (GList *k = keys; k != NULL; k = k->next)
          {
            JsonNode *value = json_object_get_member (section, k->data);
            GType type = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value)
                                                       : G_TYPE_INVALID;

            if (g_str_equal (name, "rules") && type != G_TYPE_BOOLEAN)
              INVALID (_("%s.%s: not true or false"), name, (char *) k->data);
            if (g_str_equal (name, "citations") && type != G_TYPE_STRING)
              INVALID (_("%s.%s: not a string"), name, (char *) k->data);
            if (g_str_equal (name, "limits") && type != G_TYPE_INT64 && type != G_TYPE_STRING &&
                !JSON_NODE_HOLDS_NULL (value))
              INVALID (_("%s.%s: not a number or a month-day"), name, (char *) k->data);
            if (g_strv_contains (list_sections, name) && !is_string_array (value))
              INVALID (_("%s.%s: not a list of strings"), name, (char *) k->data);
            if (g_str_equal (name, "large_fine") && !JSON_NODE_HOLDS_OBJECT (value))
              INVALID (_("%s.%s: not an object"), name, (char *) k->data);
          }
      }
    }
  return TRUE;
#undef INVALID
}

/* @child's members replace @base's; members that are objects in both are merged the same way. */
static void
merge_into (JsonObject *base,
            JsonObject *child)
{
  g_autoptr(GList) members = json_object_get_members (child);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *node = json_object_get_member (child, l->data);
      JsonNode *old = json_object_get_member (base, l->data);

      if (old != NULL && JSON_NODE_HOLDS_OBJECT (old) && JSON_NODE_HOLDS_OBJECT (node))
        merge_into (json_node_get_object (old), json_node_get_object (node));
      else
        json_object_set_member (base, l->data, json_node_copy (node));
    }
}

static JsonObject *
parse_profile (GBytes      *bytes,
               const char  *where,
               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (!json_parser_load_from_data (parser, data, size, &local_error))
    {
      g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_INVALID, "%s: %s", where,
                   local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_INVALID, _("%s: not a JSON object"),
                   where);
      return NULL;
    }
  if (!check_shape (json_node_get_object (root), where, error))
    return NULL;

  /* Merging writes into this tree: each load parses its own. */
  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
resolve (JsonObject  *object,
         GFile       *dir,
         int          depth,
         GPtrArray   *seen,
         GError     **error)
{
  const char *parent_id;
  g_autoptr(JsonObject) merged = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *where = NULL;
  g_autoptr(JsonObject) parent = NULL;

  if (!json_object_has_member (object, "extends"))
    {
      merged = json_object_new ();
      merge_into (merged, object);
      return g_steal_pointer (&merged);
    }

  parent_id = json_object_get_string_member (object, "extends");
  for (guint i = 0; i < seen->len; i++)
    if (g_str_equal (seen->pdata[i], parent_id) || depth > MAX_EXTENDS)
      {
        g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_INVALID,
                     _("Profile “%s” extends itself"), parent_id);
        return NULL;
      }
  g_ptr_array_add (seen, g_strdup (parent_id));

  bytes = find_profile (parent_id, dir, &where, error);
  if (bytes == NULL)
    return NULL;
  parent = parse_profile (bytes, where, error);
  if (parent == NULL)
    return NULL;
  merged = resolve (parent, dir, depth + 1, seen, error);
  if (merged == NULL)
    return NULL;

  json_object_remove_member (merged, "extends");
  merge_into (merged, object);
  return g_steal_pointer (&merged);
}

static JdProfile *
profile_new (JsonObject  *object,
             GFile       *dir,
             const char  *fallback_id,
             GError     **error)
{
  g_autoptr(JdProfile) self = g_object_new (JD_TYPE_PROFILE, NULL);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  const char *const *languages = g_get_language_names ();
  const char *id;

  if (json_object_has_member (object, "id"))
    id = json_object_get_string_member (object, "id");
  else
    id = fallback_id;
  g_ptr_array_add (seen, g_strdup (id));

  self->json = resolve (object, dir, 0, seen, error);
  if (self->json == NULL)
    return NULL;
  json_object_set_string_member (self->json, "id", id);
  self->id = g_strdup (id);

  self->name = g_strdup (json_object_get_string_member_with_default (self->json, "name", id));
  if (json_object_has_member (self->json, "name_zh_CN") && g_str_has_prefix (languages[0], "zh"))
    {
      g_free (self->name);
      self->name = g_strdup (json_object_get_string_member (self->json, "name_zh_CN"));
    }

  for (guint s = 0; list_sections[s] != NULL; s++)
    {
      JsonObject *section;
      g_autoptr(GList) keys = NULL;

      if (!json_object_has_member (self->json, list_sections[s]))
        continue;
      section = json_object_get_object_member (self->json, list_sections[s]);
      keys = json_object_get_members (section);
      for (GList *k = keys; k != NULL; k = k->next)
        {
          JsonArray *array = json_object_get_array_member (section, k->data);
          GStrv list = g_new0 (char *, json_array_get_length (array) + 1);

          for (guint i = 0; i < json_array_get_length (array); i++)
            list[i] = g_strdup (json_array_get_string_element (array, i));
          g_hash_table_insert (self->lists,
                               g_strconcat (list_sections[s], "/", k->data, NULL), list);
        }
    }

  return g_steal_pointer (&self);
}

JdProfile *
jd_profile_load (const char  *id,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *where = NULL;

  g_return_val_if_fail (id != NULL, NULL);

  bytes = find_profile (id, NULL, &where, error);
  if (bytes == NULL)
    return NULL;
  object = parse_profile (bytes, where, error);
  if (object == NULL)
    return NULL;
  return profile_new (object, NULL, id, error);
}

JdProfile *
jd_profile_load_file (GFile   *file,
                      GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(GFile) dir = g_file_get_parent (file);
  g_autofree char *where = g_file_get_path (file);
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GError) local_error = NULL;

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, JD_PROFILE_ERROR, JD_PROFILE_ERROR_NOT_FOUND, "%s",
                   local_error->message);
      return NULL;
    }
  object = parse_profile (bytes, where, error);
  if (object == NULL)
    return NULL;
  if (g_str_has_suffix (basename, ".json"))
    basename[strlen (basename) - 5] = '\0';
  return profile_new (object, dir, basename, error);
}

static void
add_ids_from (GPtrArray   *ids,
              char       **names)
{
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      {
        g_autofree char *id = g_strndup (names[i], strlen (names[i]) - 5);

        if (!g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL))
          g_ptr_array_add (ids, g_steal_pointer (&id));
      }
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char **) a, *(char **) b);
}

GStrv
jd_profile_list (void)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) dirs = search_dirs ();
  g_auto(GStrv) shipped = g_resource_enumerate_children (jd_core_get_resource (),
                                                         PROFILE_RESOURCE_DIR,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);

  add_ids_from (ids, shipped);
  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *path = g_file_get_path (dirs->pdata[i]);
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_add (names, NULL);
      add_ids_from (ids, (char **) names->pdata);
    }

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (GStrv) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

const char *
jd_profile_get_id (JdProfile *self)
{
  g_return_val_if_fail (JD_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
jd_profile_get_name (JdProfile *self)
{
  g_return_val_if_fail (JD_IS_PROFILE (self), NULL);
  return self->name;
}

static JsonObject *
section (JdProfile  *self,
         const char *name)
{
  if (!json_object_has_member (self->json, name))
    return NULL;
  return json_object_get_object_member (self->json, name);
}

gboolean
jd_profile_has_rule (JdProfile  *self,
                     const char *rule_id)
{
  JsonObject *rules = section (self, "rules");

  g_return_val_if_fail (JD_IS_PROFILE (self), FALSE);

  return rules != NULL && json_object_get_boolean_member_with_default (rules, rule_id, FALSE);
}

const char *
jd_profile_get_citation (JdProfile  *self,
                         const char *rule_id,
                         const char *fallback)
{
  JsonObject *citations = section (self, "citations");

  if (citations == NULL)
    return fallback;
  return json_object_get_string_member_with_default (citations, rule_id, fallback);
}

gboolean
jd_profile_get_limit (JdProfile  *self,
                      const char *name,
                      int        *out)
{
  JsonObject *limits = section (self, "limits");
  JsonNode *node;

  if (limits == NULL || (node = json_object_get_member (limits, name)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
jd_profile_get_month_day (JdProfile  *self,
                          const char *name,
                          int        *month,
                          int        *day)
{
  JsonObject *limits = section (self, "limits");
  const char *value;

  if (limits == NULL)
    return FALSE;
  value = json_object_get_string_member_with_default (limits, name, NULL);
  if (value == NULL || sscanf (value, "%2d-%2d", month, day) != 2 ||
      !g_date_valid_dmy (*day, *month, 2024))
    return FALSE;
  return TRUE;
}

const char * const *
jd_profile_get_list (JdProfile  *self,
                     const char *section_name,
                     const char *key)
{
  g_autofree char *full = g_strconcat (section_name, "/", key, NULL);

  return g_hash_table_lookup (self->lists, full);
}

gboolean
jd_profile_get_large_fine (JdProfile  *self,
                           const char *agency_kind,
                           const char *party_kind,
                           double     *out)
{
  JsonObject *large = section (self, "large_fine");
  JsonObject *by_kind = NULL;
  JsonNode *node;

  if (large == NULL || party_kind == NULL)
    return FALSE;
  if (agency_kind != NULL && json_object_has_member (large, agency_kind))
    by_kind = json_object_get_object_member (large, agency_kind);
  if ((by_kind == NULL || !json_object_has_member (by_kind, party_kind)) &&
      json_object_has_member (large, "default"))
    by_kind = json_object_get_object_member (large, "default");
  if (by_kind == NULL || (node = json_object_get_member (by_kind, party_kind)) == NULL ||
      !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  *out = json_node_get_double (node);
  return TRUE;
}

JsonObject *
jd_profile_get_json (JdProfile *self)
{
  g_return_val_if_fail (JD_IS_PROFILE (self), NULL);
  return self->json;
}
