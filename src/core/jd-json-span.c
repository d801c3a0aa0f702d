#include "jd-json-span.h"

#include <string.h>

/* A scanner of JSON text that a parser has already accepted: it finds where values lie, so that
 * a value the other side wrote compactly can be kept as it came instead of written again. It
 * checks just enough to refuse a text of another shape; it validates nothing. */

typedef struct
{
  const char *p;
  const char *end;
} Scan;

static void
skip_space (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean
skip_string (Scan *s)
{
  if (s->p >= s->end || *s->p != '"')
    return FALSE;
  for (s->p++; s->p < s->end; s->p++)
    {
      if (*s->p == '\\')
        s->p++;
      else if (*s->p == '"')
        {
          s->p++;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
skip_value (Scan *s)
{
  int depth = 0;

  skip_space (s);
  do
    {
      if (s->p >= s->end)
        return FALSE;
      if (*s->p == '"')
        {
          if (!skip_string (s))
            return FALSE;
          continue;
        }
      if (*s->p == '{' || *s->p == '[')
        depth++;
      else if (*s->p == '}' || *s->p == ']')
        depth--;
      else if (depth == 0)
        {
          /* A number, true, false or null. */
          while (s->p < s->end && strchr (",}] \t\r\n", *s->p) == NULL)
            s->p++;
          return TRUE;
        }
      s->p++;
    }
  while (depth > 0);

  return depth == 0;
}

static gboolean
expect (Scan *s,
        char  c)
{
  skip_space (s);
  if (s->p >= s->end || *s->p != c)
    return FALSE;
  s->p++;
  return TRUE;
}

/* Reads a member name and its colon; TRUE with @is_name when it is @name. */
static gboolean
member_name (Scan       *s,
             const char *name,
             gboolean   *is_name)
{
  const char *start;
  gsize length = strlen (name);

  skip_space (s);
  start = s->p + 1;
  if (!skip_string (s))
    return FALSE;
  *is_name = (gsize) (s->p - 1 - start) == length && memcmp (start, name, length) == 0;
  return expect (s, ':');
}

/* The end of an object's or an array's member: a comma (TRUE with @more) or @close. */
static gboolean
next (Scan     *s,
      char      close,
      gboolean *more)
{
  skip_space (s);
  if (s->p < s->end && (*s->p == ',' || *s->p == close))
    {
      *more = (*s->p == ',');
      s->p++;
      return TRUE;
    }
  return FALSE;
}

static gboolean
element_spans (Scan       *s,
               const char *text,
               const char *member,
               GArray     *spans)
{
  gboolean more = TRUE;

  if (!expect (s, '['))
    return FALSE;
  skip_space (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      return TRUE;
    }

  while (more)
    {
      JdJsonSpan span = { 0, 0 };
      gboolean in_object = TRUE;
      gboolean found = FALSE;

      if (!expect (s, '{'))
        return FALSE;
      skip_space (s);
      if (s->p < s->end && *s->p == '}')
        {
          s->p++;
          in_object = FALSE;
        }
      while (in_object)
        {
          gboolean is_member;

          if (!member_name (s, member, &is_member))
            return FALSE;
          skip_space (s);
          if (is_member)
            span.offset = s->p - text;
          if (!skip_value (s))
            return FALSE;
          if (is_member)
            {
              span.length = s->p - text - span.offset;
              found = TRUE;
            }
          if (!next (s, '}', &in_object))
            return FALSE;
        }
      if (!found)
        return FALSE;
      g_array_append_val (spans, span);
      if (!next (s, ']', &more))
        return FALSE;
    }

  return TRUE;
}

/* In a JSON object @text, the span of @member in each element of its array member @array, in
 * order; NULL when the text is not of that shape (an element without @member included). */
GArray *
jd_json_element_member_spans (const char *text,
                              gsize       length,
                              const char *array,
                              const char *member)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (JdJsonSpan));
  Scan s = { text, text + length };
  gboolean more = TRUE;

  if (!expect (&s, '{'))
    return NULL;

  while (more)
    {
      gboolean is_array;

      if (!member_name (&s, array, &is_array))
        return NULL;
      if (is_array)
        return element_spans (&s, text, member, spans) ? g_steal_pointer (&spans) : NULL;
      if (!skip_value (&s) || !next (&s, '}', &more))
        return NULL;
    }

  return NULL;
}

/* In a JSON object @text, the span of its member @member: FALSE when there is none or the text
 * is not an object. A member named twice is found where it comes first. */
gboolean
jd_json_member_span (const char *text,
                     gsize       length,
                     const char *member,
                     JdJsonSpan *span)
{
  Scan s = { text, text + length };
  gboolean more = TRUE;

  if (!expect (&s, '{'))
    return FALSE;
  skip_space (&s);
  if (s.p < s.end && *s.p == '}')
    return FALSE;

  while (more)
    {
      gboolean is_member;
      const char *start;

      if (!member_name (&s, member, &is_member))
        return FALSE;
      skip_space (&s);
      start = s.p;
      if (!skip_value (&s))
        return FALSE;
      if (is_member)
        {
          span->offset = start - text;
          span->length = s.p - start;
          return TRUE;
        }
      if (!next (&s, '}', &more))
        return FALSE;
    }

  return FALSE;
}
