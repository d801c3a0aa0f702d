#include "jd-json-span.h"

#include <string.h>

/* A scanner of JSON text. jd_json_check() holds a text to RFC 8259; the other functions find
 * where values lie in a text that a parser accepted and read them there, as json-glib 1.6 would
 * have read them into a tree: the sync client reads pull pages of hundreds of megabytes this way,
 * because building and freeing their trees cost more than anything else it does with them. The
 * readers check just enough to refuse a text of another shape, and never read past its end. */

#define MAX_DEPTH 1024

typedef struct
{
  const char *p;
  const char *end;
} Scan;

/* The bytes that stand for themselves inside a string: printable ASCII but '"' and '\\'. */
static const guint8 plain_byte[256] = {
  [0x20 ... 0x21] = 1,
  [0x23 ... 0x5b] = 1,
  [0x5d ... 0x7f] = 1,
};

/* A scan of the @length bytes at @text, which may be NULL when there are none. */
static inline Scan
scan_of (const char *text,
         gsize       length)
{
  Scan s = { text, length > 0 ? text + length : text };

  return s;
}

static inline gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static inline void
skip_space (Scan *s)
{
  while (s->p < s->end && is_space (*s->p))
    s->p++;
}

static gboolean
skip_string (Scan *s)
{
  const char *p;

  if (s->p >= s->end || *s->p != '"')
    return FALSE;

  for (p = s->p + 1;; p++)
    {
      const char *quote = memchr (p, '"', s->end - p);
      const char *run;

      if (quote == NULL)
        return FALSE;
      /* An odd run of backslashes escapes the quote; the opening quote ends the run. */
      for (run = quote; run[-1] == '\\'; run--)
        ;
      p = quote;
      if ((quote - run) % 2 == 0)
        {
          s->p = quote + 1;
          return TRUE;
        }
    }
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
          while (s->p < s->end && !is_space (*s->p) && *s->p != ',' && *s->p != '}' &&
                 *s->p != ']')
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

/* In a JSON object @text, the span of its member @member: FALSE when there is none or the text
 * is not an object. A member named twice is found where it comes first. */
gboolean
jd_json_member_span (const char *text,
                     gsize       length,
                     const char *member,
                     JdJsonSpan *span)
{
  Scan s = scan_of (text, length);
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

/* The UTF-16 code unit written in the four hex digits at @p, or -1. */
static int
hex_unit (const char *p)
{
  int unit = 0;

  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return -1;
      unit = unit << 4 | digit;
    }
  return unit;
}

static inline gboolean
is_high_surrogate (int unit)
{
  return unit >= 0xd800 && unit <= 0xdbff;
}

static inline gboolean
is_low_surrogate (int unit)
{
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/* The escape at a backslash. A surrogate escape must be half of a pair: RFC 8259 leaves the
 * meaning of a lone one open, and json-glib 1.6 refuses most of them ("malformed surrogate pair",
 * "unterminated string constant") and mangles the rest (it drops the character after the escape
 * and keeps the surrogate as three bytes that are not UTF-8), so no reading of it could be
 * json-glib's. */
static gboolean
check_escape (Scan *s)
{
  int unit;

  if (s->end - s->p < 2)
    return FALSE;
  switch (s->p[1])
    {
    case '"':
    case '\\':
    case '/':
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      s->p += 2;
      return TRUE;
    case 'u':
      break;
    default:
      return FALSE;
    }

  if (s->end - s->p < 6 || (unit = hex_unit (s->p + 2)) < 0 || is_low_surrogate (unit))
    return FALSE;
  s->p += 6;
  if (!is_high_surrogate (unit))
    return TRUE;

  if (s->end - s->p < 6 || s->p[0] != '\\' || s->p[1] != 'u' ||
      !is_low_surrogate (hex_unit (s->p + 2)))
    return FALSE;
  s->p += 6;
  return TRUE;
}

/* A character of two or more bytes, as RFC 3629 has them: no overlong form, no surrogate, nothing
 * beyond U+10FFFF. g_utf8_validate(), and so json-glib, takes the same. */
static gboolean
check_utf8 (Scan *s)
{
  const guchar *p = (const guchar *) s->p;
  gsize left = s->end - s->p;
  guchar low = 0x80, high = 0xbf;
  gsize n;

  if (p[0] < 0xc2)
    return FALSE;
  else if (p[0] < 0xe0)
    n = 2;
  else if (p[0] < 0xf0)
    {
      n = 3;
      if (p[0] == 0xe0)
        low = 0xa0;
      else if (p[0] == 0xed)
        high = 0x9f;
    }
  else if (p[0] < 0xf5)
    {
      n = 4;
      if (p[0] == 0xf0)
        low = 0x90;
      else if (p[0] == 0xf4)
        high = 0x8f;
    }
  else
    return FALSE;

  if (left < n || p[1] < low || p[1] > high)
    return FALSE;
  for (gsize i = 2; i < n; i++)
    if ((p[i] & 0xc0) != 0x80)
      return FALSE;
  s->p += n;
  return TRUE;
}

/* A string, from its opening quote. */
static gboolean
check_string (Scan *s)
{
  const guchar *end = (const guchar *) s->end;

  s->p++;
  for (;;)
    {
      const guchar *p = (const guchar *) s->p;

      while (p < end && plain_byte[*p])
        p++;
      s->p = (const char *) p;
      if (p >= end)
        return FALSE;
      if (*p == '"')
        {
          s->p++;
          return TRUE;
        }
      if (*p == '\\')
        {
          if (!check_escape (s))
            return FALSE;
        }
      else if (*p < 0x80 || !check_utf8 (s))
        return FALSE;
    }
}

static void
skip_digits (Scan *s)
{
  while (s->p < s->end && is_digit (*s->p))
    s->p++;
}

/* A number: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?. A digit after a leading zero is left
 * for the caller to refuse, as anything else that may not follow a value. */
static gboolean
check_number (Scan *s)
{
  if (s->p < s->end && *s->p == '-')
    s->p++;
  if (s->p >= s->end || !is_digit (*s->p))
    return FALSE;
  if (*s->p++ != '0')
    skip_digits (s);

  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (s->p >= s->end || !is_digit (*s->p))
        return FALSE;
      skip_digits (s);
    }

  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !is_digit (*s->p))
        return FALSE;
      skip_digits (s);
    }

  return TRUE;
}

static inline gboolean
check_literal (Scan       *s,
               const char *word)
{
  gsize length = strlen (word);

  if ((gsize) (s->end - s->p) < length || memcmp (s->p, word, length) != 0)
    return FALSE;
  s->p += length;
  return TRUE;
}

/* A member's name and its colon. */
static gboolean
check_name (Scan *s)
{
  skip_space (s);
  return s->p < s->end && *s->p == '"' && check_string (s) && expect (s, ':');
}

/* Whether @text is one JSON value as RFC 8259 has it, strictly: UTF-8 without NUL, no control
 * character in strings, only its escapes, numbers and literals, whitespace and nothing else after
 * the value, and at most MAX_DEPTH objects and arrays deep. It walks the text in one loop with a
 * stack of its own, so a deep text costs no C stack. */
gboolean
jd_json_check (const char *text,
               gsize       length)
{
  char closers[MAX_DEPTH];
  guint depth = 0;
  Scan s = scan_of (text, length);

  g_return_val_if_fail (text != NULL || length == 0, FALSE);

  for (;;)
    {
      /* A value. */
      skip_space (&s);
      if (s.p >= s.end)
        return FALSE;
      switch (*s.p)
        {
        case '{':
        case '[':
          if (depth == MAX_DEPTH)
            return FALSE;
          closers[depth++] = *s.p == '{' ? '}' : ']';
          s.p++;
          skip_space (&s);
          if (s.p < s.end && *s.p == closers[depth - 1])
            {
              s.p++;
              depth--;
              break;
            }
          if (closers[depth - 1] == '}' && !check_name (&s))
            return FALSE;
          continue;
        case '"':
          if (!check_string (&s))
            return FALSE;
          break;
        case 't':
          if (!check_literal (&s, "true"))
            return FALSE;
          break;
        case 'f':
          if (!check_literal (&s, "false"))
            return FALSE;
          break;
        case 'n':
          if (!check_literal (&s, "null"))
            return FALSE;
          break;
        default:
          if (!check_number (&s))
            return FALSE;
          break;
        }

      /* After a value: the end of the text, a comma before the next, or closing brackets. */
      for (;;)
        {
          skip_space (&s);
          if (depth == 0)
            return s.p == s.end;
          if (s.p >= s.end)
            return FALSE;
          if (*s.p == ',')
            {
              s.p++;
              if (closers[depth - 1] == '}' && !check_name (&s))
                return FALSE;
              break;
            }
          if (*s.p != closers[depth - 1])
            return FALSE;
          s.p++;
          depth--;
        }
    }
}

static gboolean
iter_init (JdJsonIter *iter,
           const char *text,
           JdJsonSpan  span,
           char        open,
           char        close)
{
  g_return_val_if_fail (iter != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  iter->text = text;
  iter->p = iter->end = text + span.offset;
  if (span.length < 2 || text[span.offset] != open || text[span.offset + span.length - 1] != close)
    return FALSE;
  /* The walk stops at the closing bracket. */
  iter->p++;
  iter->end = text + span.offset + span.length - 1;
  return TRUE;
}

/* Starts a walk of the members of the object at @span: FALSE when the value there is not one. */
gboolean
jd_json_iter_init_object (JdJsonIter *iter,
                          const char *text,
                          JdJsonSpan  span)
{
  return iter_init (iter, text, span, '{', '}');
}

/* Starts a walk of the elements of the array at @span: FALSE when the value there is not one. */
gboolean
jd_json_iter_init_array (JdJsonIter *iter,
                         const char *text,
                         JdJsonSpan  span)
{
  return iter_init (iter, text, span, '[', ']');
}

/* Past the comma before the next member or element: FALSE at the end. */
static gboolean
iter_advance (JdJsonIter *iter,
              Scan       *s)
{
  s->p = iter->p;
  s->end = iter->end;
  skip_space (s);
  if (s->p < s->end && *s->p == ',')
    {
      s->p++;
      skip_space (s);
    }
  return s->p < s->end;
}

static gboolean
iter_value (JdJsonIter *iter,
            Scan       *s,
            JdJsonSpan *value)
{
  const char *start;

  skip_space (s);
  start = s->p;
  if (!skip_value (s))
    {
      iter->p = iter->end;
      return FALSE;
    }
  value->offset = start - iter->text;
  value->length = s->p - start;
  iter->p = s->p;
  return TRUE;
}

/* The next member: its name, quotes included, and its value. FALSE at the end. */
gboolean
jd_json_iter_next_member (JdJsonIter *iter,
                          JdJsonSpan *name,
                          JdJsonSpan *value)
{
  Scan s;
  const char *start;

  if (!iter_advance (iter, &s))
    return FALSE;
  start = s.p;
  if (!skip_string (&s))
    {
      iter->p = iter->end;
      return FALSE;
    }
  name->offset = start - iter->text;
  name->length = s.p - start;
  if (!expect (&s, ':'))
    {
      iter->p = iter->end;
      return FALSE;
    }
  return iter_value (iter, &s, value);
}

/* The next element: FALSE at the end. */
gboolean
jd_json_iter_next_element (JdJsonIter *iter,
                           JdJsonSpan *value)
{
  Scan s;

  if (!iter_advance (iter, &s))
    return FALSE;
  return iter_value (iter, &s, value);
}

/* The kind of a number is json-glib 1.6's (json-scanner.c, json-parser.c): a number with '.',
 * 'e' or 'E' is a double, any other an int64, however large; see jd_json_span_get_int(). */
JdJsonKind
jd_json_span_kind (const char *text,
                   JdJsonSpan  span)
{
  const char *p;

  g_return_val_if_fail (text != NULL, JD_JSON_NULL);
  g_return_val_if_fail (span.length > 0, JD_JSON_NULL);

  p = text + span.offset;
  switch (*p)
    {
    case 'n':
      return JD_JSON_NULL;
    case 't':
    case 'f':
      return JD_JSON_BOOLEAN;
    case '"':
      return JD_JSON_STRING;
    case '{':
      return JD_JSON_OBJECT;
    case '[':
      return JD_JSON_ARRAY;
    default:
      for (gsize i = 0; i < span.length; i++)
        if (p[i] == '.' || p[i] == 'e' || p[i] == 'E')
          return JD_JSON_DOUBLE;
      return JD_JSON_INTEGER;
    }
}

/* The integer as json-glib 1.6 reads it: its scanner reads the digits after the sign with
 * g_ascii_strtoull(), which stops at G_MAXUINT64 when they say more, and its parser casts that
 * to gint64 and multiplies it by -1 after a '-'. So an integer beyond gint64 wraps around instead
 * of failing: 9223372036854775808 reads as G_MININT64, 18446744073709551615 and anything larger
 * as -1, -9223372036854775809 as G_MAXINT64; and -0 is the integer 0. */
gboolean
jd_json_span_get_int (const char *text,
                      JdJsonSpan  span,
                      gint64     *value)
{
  const char *p, *end;
  gboolean negative;
  guint64 magnitude = 0;

  g_return_val_if_fail (value != NULL, FALSE);

  if (span.length == 0 || jd_json_span_kind (text, span) != JD_JSON_INTEGER)
    return FALSE;

  p = text + span.offset;
  end = p + span.length;
  negative = *p == '-';
  if (negative)
    p++;
  if (p == end || !is_digit (*p))
    return FALSE;
  for (; p < end && is_digit (*p); p++)
    {
      guint digit = *p - '0';

      if (magnitude > (G_MAXUINT64 - digit) / 10)
        magnitude = G_MAXUINT64;
      else
        magnitude = magnitude * 10 + digit;
    }

  *value = (gint64) (negative ? 0 - magnitude : magnitude);
  return TRUE;
}

/* The value of a string read a piece at a time: runs of its bytes as they stand, and what each
 * escape stands for. */
typedef struct
{
  const char *p;
  const char *end;    /* at the closing quote */
  char        utf8[4];
} Unescape;

static gboolean
unescape_init (Unescape   *u,
               const char *text,
               JdJsonSpan  span)
{
  const char *p = text + span.offset;

  if (span.length < 2 || p[0] != '"' || p[span.length - 1] != '"')
    return FALSE;
  u->p = p + 1;
  u->end = p + span.length - 1;
  return TRUE;
}

static inline gboolean
unescape_is_plain (const Unescape *u)
{
  return memchr (u->p, '\\', u->end - u->p) == NULL;
}

/* The \u escape at u->p. A pair of surrogates is one character. A lone surrogate, which
 * jd_json_check() refuses and json-glib 1.6 never reads as such (see check_escape()), becomes
 * U+FFFD, as it does in most decoders of UTF-16. */
static gboolean
unescape_unit (Unescape    *u,
               const char **piece,
               gsize       *length)
{
  int unit = u->end - u->p >= 6 ? hex_unit (u->p + 2) : -1;
  gunichar c;

  if (unit < 0)
    {
      /* Not four hex digits: not a text that jd_json_check() accepted. */
      c = 0xfffd;
      u->p += 2;
    }
  else
    {
      u->p += 6;
      c = unit;
      if (is_high_surrogate (unit) && u->end - u->p >= 6 && u->p[0] == '\\' && u->p[1] == 'u' &&
          is_low_surrogate (hex_unit (u->p + 2)))
        {
          c = 0x10000 + ((unit - 0xd800) << 10) + (hex_unit (u->p + 2) - 0xdc00);
          u->p += 6;
        }
      else if (is_high_surrogate (unit) || is_low_surrogate (unit))
        c = 0xfffd;
      else if (unit == 0)
        {
          /* json-glib keeps strings as C strings: "a\u0000b" is "a" to it. */
          u->p = u->end;
          return FALSE;
        }
    }

  *length = g_unichar_to_utf8 (c, u->utf8);
  *piece = u->utf8;
  return TRUE;
}

/* The next piece of the value: FALSE at its end. */
static gboolean
unescape_next (Unescape    *u,
               const char **piece,
               gsize       *length)
{
  if (u->p >= u->end)
    return FALSE;

  if (*u->p != '\\')
    {
      const char *backslash = memchr (u->p, '\\', u->end - u->p);

      *piece = u->p;
      u->p = backslash != NULL ? backslash : u->end;
      *length = u->p - *piece;
      return TRUE;
    }

  if (u->end - u->p < 2)
    {
      u->p = u->end;
      return FALSE;
    }
  switch (u->p[1])
    {
    case 'b':
      u->utf8[0] = '\b';
      break;
    case 'f':
      u->utf8[0] = '\f';
      break;
    case 'n':
      u->utf8[0] = '\n';
      break;
    case 'r':
      u->utf8[0] = '\r';
      break;
    case 't':
      u->utf8[0] = '\t';
      break;
    case 'u':
      return unescape_unit (u, piece, length);
    default:
      /* \" \\ \/, and as json-glib reads any other escape in a text not checked. */
      u->utf8[0] = u->p[1];
      break;
    }
  u->p += 2;
  *piece = u->utf8;
  *length = 1;
  return TRUE;
}

/* The string at @span unescaped, in newly allocated memory: NULL when it is not a string. */
char *
jd_json_span_dup_string (const char *text,
                         JdJsonSpan  span)
{
  Unescape u;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  if (!unescape_init (&u, text, span))
    return NULL;
  if (unescape_is_plain (&u))
    return g_strndup (u.p, u.end - u.p);

  out = g_string_sized_new (span.length);
  jd_json_span_append_string (text, span, out);
  return g_string_free (out, FALSE);
}

/* Appends the string at @span, unescaped, to @out: FALSE when it is not a string. */
gboolean
jd_json_span_append_string (const char *text,
                            JdJsonSpan  span,
                            GString    *out)
{
  Unescape u;
  const char *piece;
  gsize length;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (!unescape_init (&u, text, span))
    return FALSE;
  while (unescape_next (&u, &piece, &length))
    g_string_append_len (out, piece, length);
  return TRUE;
}

static gboolean
span_equal (const char *text,
            JdJsonSpan  span,
            const char *key,
            gsize       key_length)
{
  Unescape u;
  const char *piece;
  gsize length;

  if (!unescape_init (&u, text, span))
    return FALSE;
  if (unescape_is_plain (&u))
    return (gsize) (u.end - u.p) == key_length && memcmp (u.p, key, key_length) == 0;

  while (unescape_next (&u, &piece, &length))
    {
      if (length > key_length || memcmp (piece, key, length) != 0)
        return FALSE;
      key += length;
      key_length -= length;
    }
  return key_length == 0;
}

/* Whether the string or name at @span is @key once unescaped. */
gboolean
jd_json_span_equal (const char *text,
                    JdJsonSpan  span,
                    const char *key)
{
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return span_equal (text, span, key, strlen (key));
}

/* The member @name of the object at @object: FALSE when it has none, or is not an object. The
 * last member of that name is the one, as in json-glib's tree: its parser sets each member with
 * json_object_set_member(), which replaces the value of a name seen before. */
gboolean
jd_json_object_lookup (const char *text,
                       JdJsonSpan  object,
                       const char *name,
                       JdJsonSpan *value)
{
  JdJsonIter iter;
  JdJsonSpan member_name, member_value;
  gsize name_length;
  gboolean found = FALSE;

  g_return_val_if_fail (name != NULL, FALSE);

  if (!jd_json_iter_init_object (&iter, text, object))
    return FALSE;

  name_length = strlen (name);
  while (jd_json_iter_next_member (&iter, &member_name, &member_value))
    {
      if (span_equal (text, member_name, name, name_length))
        {
          if (value != NULL)
            *value = member_value;
          found = TRUE;
        }
    }
  return found;
}
