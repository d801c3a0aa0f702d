#pragma once

/* Whether reading a JSON text with jd-json-span.h finds what json-glib's parser builds of it:
 * the differential check of test-json-span and of the fuzz target fuzz-json-span. */

#include <json-glib/json-glib.h>
#include <string.h>

#include "jd-json-span.h"

static inline gboolean jd_json_compare      (const char *text,
                                             JdJsonSpan  span,
                                             JsonNode   *node,
                                             GString    *where);
static inline gboolean jd_json_compare_fail (GString    *where,
                                             const char *format,
                                             ...) G_GNUC_PRINTF (2, 3);

/* Adds what differs to @where, which already says where. */
static inline gboolean
jd_json_compare_fail (GString    *where,
                      const char *format,
                      ...)
{
  va_list args;

  g_string_append (where, ": ");
  va_start (args, format);
  g_string_append_vprintf (where, format, args);
  va_end (args);
  return FALSE;
}

static inline gboolean
jd_json_compare_string (const char *text,
                        JdJsonSpan  span,
                        const char *expected,
                        GString    *where)
{
  g_autofree char *value = jd_json_span_dup_string (text, span);
  g_autoptr(GString) appended = g_string_new ("-");

  if (value == NULL || strcmp (value, expected) != 0)
    return jd_json_compare_fail (where, "the string is \"%s\", not \"%s\"", value, expected);
  if (!jd_json_span_append_string (text, span, appended) || strcmp (appended->str + 1, value) != 0)
    return jd_json_compare_fail (where, "appended, the string is \"%s\"", appended->str + 1);
  if (!jd_json_span_equal (text, span, expected))
    return jd_json_compare_fail (where, "the string is not equal to itself");
  return TRUE;
}

static inline gboolean
jd_json_compare_object (const char *text,
                        JdJsonSpan  span,
                        JsonObject *object,
                        GString    *where)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GList) names = json_object_get_members (object);
  GList *next_name = names;
  gsize where_length = where->len;
  JdJsonIter iter;
  JdJsonSpan name, value;

  if (!jd_json_iter_init_object (&iter, text, span))
    return jd_json_compare_fail (where, "not an object");

  /* json-glib keeps a name that repeats once, where it came first. */
  while (jd_json_iter_next_member (&iter, &name, &value))
    {
      g_autofree char *unescaped = jd_json_span_dup_string (text, name);

      if (unescaped == NULL)
        return jd_json_compare_fail (where, "a member name is not a string");
      if (g_hash_table_contains (seen, unescaped))
        continue;
      if (next_name == NULL || strcmp (next_name->data, unescaped) != 0)
        return jd_json_compare_fail (where, "the member \"%s\" is not json-glib's \"%s\"",
                                     unescaped, next_name != NULL ? (char *) next_name->data : "");
      g_hash_table_add (seen, g_steal_pointer (&unescaped));
      next_name = next_name->next;
    }
  if (next_name != NULL)
    return jd_json_compare_fail (where, "the member \"%s\" is missing", (char *) next_name->data);

  /* The value of a name is its last, as json_object_set_member() leaves it. */
  for (GList *l = names; l != NULL; l = l->next)
    {
      g_string_append_printf (where, "/%s", (char *) l->data);
      if (!jd_json_object_lookup (text, span, l->data, &value))
        return jd_json_compare_fail (where, "not found by jd_json_object_lookup()");
      if (!jd_json_compare (text, value, json_object_get_member (object, l->data), where))
        return FALSE;
      g_string_truncate (where, where_length);
    }

  return TRUE;
}

static inline gboolean
jd_json_compare_array (const char *text,
                       JdJsonSpan  span,
                       JsonArray  *array,
                       GString    *where)
{
  guint length = json_array_get_length (array);
  gsize where_length = where->len;
  JdJsonIter iter;
  JdJsonSpan value;
  guint i;

  if (!jd_json_iter_init_array (&iter, text, span))
    return jd_json_compare_fail (where, "not an array");

  for (i = 0; jd_json_iter_next_element (&iter, &value); i++)
    {
      g_string_append_printf (where, "/%u", i);
      if (i >= length)
        return jd_json_compare_fail (where, "json-glib has %u elements", length);
      if (!jd_json_compare (text, value, json_array_get_element (array, i), where))
        return FALSE;
      g_string_truncate (where, where_length);
    }
  if (i != length)
    return jd_json_compare_fail (where, "%u elements, json-glib has %u", i, length);

  return TRUE;
}

static inline gboolean
jd_json_compare_number (const char *text,
                        JdJsonSpan  span,
                        JsonNode   *node,
                        GString    *where)
{
  JdJsonKind kind = jd_json_span_kind (text, span);

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value;

      if (kind != JD_JSON_INTEGER || !jd_json_span_get_int (text, span, &value))
        return jd_json_compare_fail (where, "not an integer (kind %d)", kind);
      if (value != json_node_get_int (node))
        return jd_json_compare_fail (where, "%" G_GINT64_FORMAT ", json-glib has %" G_GINT64_FORMAT,
                                     value, json_node_get_int (node));
    }
  else
    {
      g_autofree char *number = g_strndup (text + span.offset, span.length);
      double value = g_ascii_strtod (number, NULL);
      double expected = json_node_get_double (node);

      if (kind != JD_JSON_DOUBLE)
        return jd_json_compare_fail (where, "not a double (kind %d)", kind);
      /* Bit for bit, so that -0.0 is not 0.0. */
      if (memcmp (&value, &expected, sizeof value) != 0)
        return jd_json_compare_fail (where, "%.17g, json-glib has %.17g", value, expected);
    }

  return TRUE;
}

/* Whether the value at @span of @text, which jd_json_check() accepted, is @node. When it is not,
 * @where says where and what differs. */
static inline gboolean
jd_json_compare (const char *text,
                 JdJsonSpan  span,
                 JsonNode   *node,
                 GString    *where)
{
  JdJsonKind kind = jd_json_span_kind (text, span);
  GType type;

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return jd_json_compare_object (text, span, json_node_get_object (node), where);
    case JSON_NODE_ARRAY:
      return jd_json_compare_array (text, span, json_node_get_array (node), where);
    case JSON_NODE_NULL:
      return kind == JD_JSON_NULL || jd_json_compare_fail (where, "not null (kind %d)", kind);
    case JSON_NODE_VALUE:
    default:
      break;
    }

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return jd_json_compare_string (text, span, json_node_get_string (node), where);
  if (type == G_TYPE_BOOLEAN)
    {
      if (kind != JD_JSON_BOOLEAN || (text[span.offset] == 't') != json_node_get_boolean (node))
        return jd_json_compare_fail (where, "not the boolean json-glib has (kind %d)", kind);
      return TRUE;
    }
  return jd_json_compare_number (text, span, node, where);
}

static inline gboolean
jd_json_compare_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether @text, which jd_json_check() accepted, is accepted by json-glib's parser and reads
 * as the tree it builds. */
static inline gboolean
jd_json_compare_text (const char *text,
                      gsize       length,
                      GString    *where)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JdJsonSpan root = { 0, length };

  if (!json_parser_load_from_data (parser, text, (gssize) length, &error))
    return jd_json_compare_fail (where, "json-glib refuses it: %s", error->message);

  /* The value without the whitespace around it. */
  while (root.length > 0 && jd_json_compare_is_space (text[root.offset]))
    {
      root.offset++;
      root.length--;
    }
  while (root.length > 0 && jd_json_compare_is_space (text[root.offset + root.length - 1]))
    root.length--;

  return jd_json_compare (text, root, json_parser_get_root (parser), where);
}
