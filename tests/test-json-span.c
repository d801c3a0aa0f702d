#include "jd-json-span.h"

#include <string.h>

#include "jd-json-compare.h"

/* The scanner that finds where values lie in a JSON text: the fields of pulled rows, kept as
 * they came, and the cursor of a pull page, read before the page is parsed; the strict check of
 * a pulled page, and the reading of its values in place of json-glib's tree, held to what
 * json-glib 1.6 builds of the same text. */

static char *
span_text (const char       *text,
           const JdJsonSpan *span)
{
  return g_strndup (text + span->offset, span->length);
}

static char *
member (const char *text,
        const char *name)
{
  JdJsonSpan span;

  if (!jd_json_member_span (text, strlen (text), name, &span))
    return NULL;
  return span_text (text, &span);
}

static void
test_member (void)
{
  static const char page[] =
    "{\"changes\":[{\"id\":\"a\",\"fields\":{\"note\":\"\\\"cursor\\\":9,]}\"}}],"
    " \"cursor\" : 1234 ,\"more\":true,\"remaining\":0}";
  char *value;

  value = member (page, "cursor");
  g_assert_cmpstr (value, ==, "1234");
  g_free (value);
  value = member (page, "more");
  g_assert_cmpstr (value, ==, "true");
  g_free (value);
  value = member (page, "changes");
  g_assert_true (g_str_has_prefix (value, "[{\"id\""));
  g_assert_true (g_str_has_suffix (value, "}}]"));
  g_free (value);

  /* A member inside another is not the object's own. */
  g_assert_null (member (page, "id"));
  g_assert_null (member (page, "note"));
  g_assert_null (member ("{}", "cursor"));
  g_assert_null (member (" { } ", "cursor"));
}

/* Text that is not an object of members, cut short or broken anywhere, is refused and never read
 * past its end. */
static void
test_member_bad_text (void)
{
  static const char * const bad[] = {
    "", "[]", "\"cursor\"", "{\"cursor\"", "{\"cursor\":", "{\"cursor\" 1}", "{cursor:1}",
    "{\"changes\":[1,2,\"cursor\":1}", "{\"a\":\"unterminated, \"cursor\":1}", "nul",
  };
  static const char page[] = "{\"changes\":[{\"fields\":{}}],\"cursor\":77,\"more\":false}";

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("%s", bad[i]);
      g_assert_null (member (bad[i], "cursor"));
    }

  /* Every cut of a good page before its cursor's value ends refuses it; the scanner is given
   * the exact length (a copy, so that reading past it would show under the sanitizers). */
  for (gsize cut = 0; cut < strlen (page); cut++)
    {
      g_autofree char *copy = g_memdup2 (page, cut);
      JdJsonSpan span;

      if (jd_json_member_span (copy, cut, "cursor", &span))
        {
          g_assert_cmpuint (span.offset + span.length, <=, cut);
          g_assert_cmpuint (cut, >, strstr (page, "77") - page);
        }
    }
}

/* A text with its length, so that it may hold a NUL. */
typedef struct
{
  const char *text;
  gsize       length;
} Text;

#define TEXT(literal) { literal, sizeof (literal) - 1 }

static const Text valid[] = {
  TEXT ("0"), TEXT ("-0"), TEXT ("7"), TEXT ("-12"), TEXT ("1.5"), TEXT ("-0.0"), TEXT ("1e5"),
  TEXT ("1E+5"), TEXT ("2e-3"), TEXT ("0.25e10"), TEXT ("-0e0"), TEXT ("10.010E-010"),
  TEXT ("123456789012345678901234567890"), TEXT ("1e400"),
  TEXT ("true"), TEXT ("false"), TEXT ("null"),
  TEXT ("\"\""), TEXT ("\"plain\""),
  TEXT ("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\""),
  TEXT ("\"\\u00e9\\u4E2D\\uFFFF\\u001f\""),
  TEXT ("\"\\ud83d\\ude00 \\uDBFF\\uDFFF \\uD800\\uDC00\""),
  TEXT ("\"中文 \xf0\x9f\x98\x80 \x7f \xef\xbf\xbf \xf4\x8f\xbf\xbf \xed\x9f\xbf \xc2\x80\""),
  TEXT ("[]"), TEXT ("{}"), TEXT ("[[]]"), TEXT ("{\"\":{}}"), TEXT ("[{}, [], \"\", 0]"),
  TEXT (" \t\r\n[ 1 , \"a\" , { \"b\" : null } ] \t\r\n"),
  TEXT ("{\"a\":1,\"a\":2}"),
};

static const Text invalid[] = {
  /* Nothing, or whitespace of another kind. */
  TEXT (""), TEXT (" \t\r\n"), TEXT ("\f1"), TEXT ("1\f"), TEXT ("\v1"), TEXT ("\xc2\xa0" "1"),
  TEXT ("\xef\xbb\xbf{}"),
  /* Numbers outside the grammar. */
  TEXT ("01"), TEXT ("-01"), TEXT ("00"), TEXT ("+1"), TEXT (".5"), TEXT ("-.5"), TEXT ("1."),
  TEXT ("1.e5"), TEXT ("1e"), TEXT ("1e+"), TEXT ("1E-"), TEXT ("-"), TEXT ("--1"), TEXT ("- 1"),
  TEXT ("1.5.5"), TEXT ("1e5e5"), TEXT ("1e5.5"), TEXT ("0x10"), TEXT ("NaN"), TEXT ("Infinity"),
  TEXT ("-Infinity"), TEXT ("1_000"), TEXT ("[-]"), TEXT ("[1.]"), TEXT ("[01]"),
  /* Literals. */
  TEXT ("tru"), TEXT ("True"), TEXT ("nul"), TEXT ("nulll"), TEXT ("falsey"), TEXT ("undefined"),
  TEXT ("[t]"),
  /* Strings: unterminated, other quotes, other escapes, raw control characters. */
  TEXT ("\"abc"), TEXT ("\"\\\""), TEXT ("'a'"), TEXT ("\"\\x41\""), TEXT ("\"\\'\""),
  TEXT ("\"\\a\""), TEXT ("\"\\0\""), TEXT ("\"\\U0041\""), TEXT ("\"\\u12\""),
  TEXT ("\"\\u12G4\""), TEXT ("\"\\u\""), TEXT ("\"\\"), TEXT ("\"\x01\""), TEXT ("\"\t\""),
  TEXT ("\"\n\""), TEXT ("\"\r\""), TEXT ("\"\x1f\""),
  /* Lone surrogates, which json-glib refuses or mangles. */
  TEXT ("\"\\ud800\""), TEXT ("\"\\udc00\""), TEXT ("\"\\ud800x\""), TEXT ("\"\\ud800\\u0041\""),
  TEXT ("\"\\udc00\\ud800\""), TEXT ("\"\\ud800\\ud800\""), TEXT ("\"\\ud800\\n\""),
  TEXT ("\"\\uDBFF\\uE000\""), TEXT ("\"\\ud83d\""),
  /* Not UTF-8: stray continuation bytes, overlong forms, surrogates, beyond U+10FFFF, cut
   * sequences, and non-ASCII outside strings. */
  TEXT ("\"\x80\""), TEXT ("\"\xbf\""), TEXT ("\"\xc0\xaf\""), TEXT ("\"\xc1\xbf\""),
  TEXT ("\"\xe0\x80\xaf\""), TEXT ("\"\xe0\x9f\xbf\""), TEXT ("\"\xf0\x80\x80\xaf\""),
  TEXT ("\"\xf0\x8f\xbf\xbf\""), TEXT ("\"\xed\xa0\x80\""), TEXT ("\"\xed\xbf\xbf\""),
  TEXT ("\"\xf4\x90\x80\x80\""), TEXT ("\"\xf5\x80\x80\x80\""), TEXT ("\"\xf8\x88\x80\x80\x80\""),
  TEXT ("\"\xff\""), TEXT ("\"\xfe\""), TEXT ("\"\xc2\""), TEXT ("\"\xe4\xb8\""),
  TEXT ("\"\xe4\xb8" "A\""), TEXT ("\"\xf0\x9f\x98\""), TEXT ("\"\xe4\xb8\xad\xad\""),
  TEXT ("\xe4\xb8\xad"), TEXT ("[\"a\"]\xe4\xb8\xad"), TEXT ("{\"a\":1}\xc2\xa0"),
  /* NUL, anywhere. */
  TEXT ("\"a\0b\""), TEXT ("\0"), TEXT ("1\0"), TEXT ("[1]\0"), TEXT ("[\0]"), TEXT ("\0[1]"),
  /* Structure. */
  TEXT ("["), TEXT ("]"), TEXT ("{"), TEXT ("}"), TEXT ("[1,]"), TEXT ("[,1]"), TEXT ("[,]"),
  TEXT ("[1 2]"), TEXT ("[1,,2]"), TEXT ("[}"), TEXT ("{]"), TEXT ("[[]"), TEXT ("[]]"),
  TEXT ("{\"a\":1,}"), TEXT ("{\"a\"}"), TEXT ("{\"a\":}"), TEXT ("{\"a\" 1}"), TEXT ("{\"a\"::1}"),
  TEXT ("{a:1}"), TEXT ("{'a':1}"), TEXT ("{1:1}"), TEXT ("{null:1}"), TEXT ("{\"a\":1 \"b\":2}"),
  TEXT ("{,\"a\":1}"), TEXT ("[\"a\":1]"), TEXT ("{\"a\",1}"), TEXT ("{\"a\":1;\"b\":2}"),
  /* Anything after the value but whitespace. */
  TEXT ("[1]x"), TEXT ("[1] ]"), TEXT ("1 2"), TEXT ("{} {}"), TEXT ("\"a\"\"b\""),
  TEXT ("true false"), TEXT ("[1]//c"), TEXT ("/*c*/1"), TEXT ("1;"), TEXT ("[1]\x1a"),
  TEXT ("[1],"), TEXT ("truex"), TEXT ("1x"),
};

/* Checks @text from a copy of exactly @length bytes, so that reading past its end shows under
 * the sanitizers. */
static gboolean
check_copy (const char *text,
            gsize       length)
{
  g_autofree char *copy = g_memdup2 (text, length);

  return jd_json_check (copy, length);
}

static void
assert_same_as_json_glib (const char *text,
                          gsize       length)
{
  g_autoptr(GString) where = g_string_new ("");

  if (!jd_json_compare_text (text, length, where))
    g_test_fail_printf ("%.*s: at “%s”", (int) MIN (length, 200), text, where->str);
}

static void
test_check_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("%s", valid[i].text);
      g_assert_true (check_copy (valid[i].text, valid[i].length));
      assert_same_as_json_glib (valid[i].text, valid[i].length);
    }
}

static void
test_check_invalid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autofree char *shown = g_strescape (invalid[i].text, NULL);

      g_test_message ("%s (%" G_GSIZE_FORMAT " bytes)", shown, invalid[i].length);
      g_assert_false (check_copy (invalid[i].text, invalid[i].length));
    }
}

/* A value cut anywhere is not a value: every proper prefix of an object, an array or a string is
 * refused, wherever it stops (in an escape, a character, a number or a literal). */
static void
test_check_truncated (void)
{
  static const char * const whole[] = {
    ("{\"changes\":[{\"id\":\"a\\\"b\",\"n\":-12.5e+3,\"ok\":true,\"no\":false,\"x\":null}],"
     "\"cursor\":12, \"more\" : false }"),
    "[\"中文\\ud83d\\ude00\\u00e9\\n\",[[],{}],0,-0,1e5,\"\xf0\x9f\x98\x80\"]",
    "\"\xf0\x9f\x98\x80\\\\\\u4e2d\"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (whole); i++)
    {
      gsize length = strlen (whole[i]);

      g_assert_true (check_copy (whole[i], length));
      for (gsize cut = 0; cut < length; cut++)
        {
          if (check_copy (whole[i], cut))
            g_error ("“%.*s” cut at %" G_GSIZE_FORMAT " is accepted", (int) cut, whole[i], cut);
        }
    }
}

/* @depth arrays, or objects with a member "a" each, around a 1. */
static GString *
nested (guint    depth,
        gboolean objects)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (text, objects ? "{\"a\":" : "[");
  g_string_append_c (text, '1');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, objects ? '}' : ']');
  return text;
}

static void
test_check_depth (void)
{
  for (int objects = FALSE; objects <= TRUE; objects++)
    {
      g_autoptr(GString) deepest = nested (1024, objects);
      g_autoptr(GString) too_deep = nested (1025, objects);
      g_autoptr(GString) far_too_deep = nested (1000000, objects);

      g_assert_true (jd_json_check (deepest->str, deepest->len));
      assert_same_as_json_glib (deepest->str, deepest->len);
      g_assert_false (jd_json_check (too_deep->str, too_deep->len));
      g_assert_false (jd_json_check (far_too_deep->str, far_too_deep->len));
    }

  /* Depth is how many are open at once, not how many there are. */
  {
    g_autoptr(GString) twice = nested (1023, FALSE);
    g_autoptr(GString) both = g_string_new (NULL);

    g_string_append_printf (both, "[%s,%s]", twice->str, twice->str);
    g_assert_true (jd_json_check (both->str, both->len));
    g_string_insert_c (both, 0, '[');
    g_string_append_c (both, ']');
    g_assert_false (jd_json_check (both->str, both->len));
  }
}

static char *
span_dup (const char *text,
          JdJsonSpan  span)
{
  return g_strndup (text + span.offset, span.length);
}

static void
test_iter (void)
{
  static const char text[] =
    " { \"a\" : 1 ,\"b\\\"\":\"x,}\" , \"c\":[ 1 , {\"d\":[2]} ,[] ],\"e\":{},\"f\":-1.5e3} ";
  static const char * const names[] = { "\"a\"", "\"b\\\"\"", "\"c\"", "\"e\"", "\"f\"" };
  static const char * const values[] = {
    "1", "\"x,}\"", "[ 1 , {\"d\":[2]} ,[] ]", "{}", "-1.5e3",
  };
  static const JdJsonKind kinds[] = {
    JD_JSON_INTEGER, JD_JSON_STRING, JD_JSON_ARRAY, JD_JSON_OBJECT, JD_JSON_DOUBLE,
  };
  JdJsonSpan object = { 1, sizeof (text) - 3 };
  JdJsonSpan name, value, element;
  JdJsonIter iter, inner;
  guint n = 0;

  g_assert_true (jd_json_check (text, strlen (text)));
  g_assert_true (jd_json_iter_init_object (&iter, text, object));
  while (jd_json_iter_next_member (&iter, &name, &value))
    {
      g_autofree char *name_text = span_dup (text, name);
      g_autofree char *value_text = span_dup (text, value);

      g_assert_cmpuint (n, <, G_N_ELEMENTS (names));
      g_assert_cmpstr (name_text, ==, names[n]);
      g_assert_cmpstr (value_text, ==, values[n]);
      g_assert_cmpint (jd_json_span_kind (text, value), ==, kinds[n]);
      n++;
    }
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (names));
  /* The end stays the end. */
  g_assert_false (jd_json_iter_next_member (&iter, &name, &value));

  /* The elements of "c", and of the object in it. */
  g_assert_true (jd_json_object_lookup (text, object, "c", &value));
  g_assert_false (jd_json_iter_init_object (&iter, text, value));
  g_assert_true (jd_json_iter_init_array (&iter, text, value));
  g_assert_true (jd_json_iter_next_element (&iter, &element));
  g_assert_cmpint (jd_json_span_kind (text, element), ==, JD_JSON_INTEGER);
  g_assert_true (jd_json_iter_next_element (&iter, &element));
  g_assert_true (jd_json_iter_init_object (&inner, text, element));
  g_assert_true (jd_json_iter_next_member (&inner, &name, &value));
  g_assert_true (jd_json_span_equal (text, name, "d"));
  g_assert_false (jd_json_iter_next_member (&inner, &name, &value));
  g_assert_true (jd_json_iter_next_element (&iter, &element));
  g_assert_true (jd_json_iter_init_array (&inner, text, element));
  g_assert_false (jd_json_iter_next_element (&inner, &value));
  g_assert_false (jd_json_iter_next_element (&iter, &element));

  /* Only an object or an array is walked. */
  g_assert_true (jd_json_object_lookup (text, object, "b\"", &value));
  g_assert_false (jd_json_iter_init_object (&iter, text, value));
  g_assert_false (jd_json_iter_init_array (&iter, text, value));
  g_assert_false (jd_json_iter_init_array (&iter, text, object));
}

static void
test_numbers (void)
{
  static const struct
  {
    const char *text;
    JdJsonKind  kind;
    gint64      value;
  } numbers[] = {
    { "0", JD_JSON_INTEGER, 0 },
    { "-0", JD_JSON_INTEGER, 0 },
    { "42", JD_JSON_INTEGER, 42 },
    { "-42", JD_JSON_INTEGER, -42 },
    { "9223372036854775807", JD_JSON_INTEGER, G_MAXINT64 },
    { "-9223372036854775808", JD_JSON_INTEGER, G_MININT64 },
    /* Beyond gint64 json-glib 1.6 wraps around, saturating at 2^64 - 1 before the sign. */
    { "9223372036854775808", JD_JSON_INTEGER, G_MININT64 },
    { "-9223372036854775809", JD_JSON_INTEGER, G_MAXINT64 },
    { "18446744073709551615", JD_JSON_INTEGER, -1 },
    { "18446744073709551616", JD_JSON_INTEGER, -1 },
    { "-18446744073709551615", JD_JSON_INTEGER, 1 },
    { "123456789012345678901234567890", JD_JSON_INTEGER, -1 },
    { "-123456789012345678901234567890", JD_JSON_INTEGER, 1 },
    /* A '.', 'e' or 'E' makes a double, whatever its value. */
    { "1.0", JD_JSON_DOUBLE, 0 },
    { "-0.0", JD_JSON_DOUBLE, 0 },
    { "1e5", JD_JSON_DOUBLE, 0 },
    { "1E5", JD_JSON_DOUBLE, 0 },
    { "0e0", JD_JSON_DOUBLE, 0 },
    { "1e400", JD_JSON_DOUBLE, 0 },
    { "-1e-400", JD_JSON_DOUBLE, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      /* Alone, and in an array, where the span stops before what follows. */
      g_autofree char *array = g_strdup_printf ("[%s,1]", numbers[i].text);
      JdJsonSpan alone = { 0, strlen (numbers[i].text) };
      JdJsonSpan in_array = { 1, alone.length };
      gint64 value = 12345;

      g_test_message ("%s", numbers[i].text);
      g_assert_true (jd_json_check (numbers[i].text, alone.length));
      g_assert_true (jd_json_check (array, strlen (array)));
      g_assert_cmpint (jd_json_span_kind (numbers[i].text, alone), ==, numbers[i].kind);
      g_assert_cmpint (jd_json_span_kind (array, in_array), ==, numbers[i].kind);
      if (numbers[i].kind == JD_JSON_INTEGER)
        {
          g_assert_true (jd_json_span_get_int (numbers[i].text, alone, &value));
          g_assert_cmpint (value, ==, numbers[i].value);
          value = 12345;
          g_assert_true (jd_json_span_get_int (array, in_array, &value));
          g_assert_cmpint (value, ==, numbers[i].value);
        }
      else
        {
          g_assert_false (jd_json_span_get_int (array, in_array, &value));
          g_assert_cmpint (value, ==, 12345);
        }
      /* And json-glib reads it so. */
      assert_same_as_json_glib (array, strlen (array));
    }

  {
    static const char text[] = "[\"1\",true,null]";
    JdJsonSpan string = { 1, 3 }, boolean = { 5, 4 }, null = { 10, 4 };
    gint64 value;

    g_assert_false (jd_json_span_get_int (text, string, &value));
    g_assert_false (jd_json_span_get_int (text, boolean, &value));
    g_assert_false (jd_json_span_get_int (text, null, &value));
    g_assert_cmpint (jd_json_span_kind (text, boolean), ==, JD_JSON_BOOLEAN);
    g_assert_cmpint (jd_json_span_kind (text, null), ==, JD_JSON_NULL);
  }
}

static char *
dup_string (const char *text)
{
  JdJsonSpan span = { 0, strlen (text) };

  return jd_json_span_dup_string (text, span);
}

static void
test_strings (void)
{
  static const struct
  {
    const char *text;
    const char *value;
  } strings[] = {
    { "\"\"", "" },
    { "\"plain 中文\"", "plain 中文" },
    { "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"", "\"\\/\b\f\n\r\t" },
    { "\"caf\\u00e9 \\u4E2D\\u6587\"", "café 中文" },
    { "\"\\ud83d\\ude00\\uD834\\uDD1E\"", "\xf0\x9f\x98\x80\xf0\x9d\x84\x9e" },
    { "\"\\u0041\\u007f\\u0080\\u07ff\\u0800\\uffff\"",
      "A\x7f\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf" },
    /* json-glib's strings are C strings: a NUL ends them. */
    { "\"a\\u0000b\"", "a" },
    { "\"\\u0000\"", "" },
  };
  /* Lone surrogates, in text that jd_json_check() refuses. */
  static const struct
  {
    const char *text;
    const char *value;
  } lone[] = {
    { "\"x\\ud800y\"", "x\xef\xbf\xbdy" },
    { "\"\\udc00\"", "\xef\xbf\xbd" },
    { "\"\\ud800\\u0041\"", "\xef\xbf\xbd" "A" },
    { "\"\\udc00\\ud800\"", "\xef\xbf\xbd\xef\xbf\xbd" },
    { "\"\\ud800\\ud83d\\ude00\"", "\xef\xbf\xbd\xf0\x9f\x98\x80" },
    { "\"\\ud800\"", "\xef\xbf\xbd" },
    { "\"\\ud800\\\"", "\xef\xbf\xbd" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      JdJsonSpan span = { 0, strlen (strings[i].text) };
      g_autofree char *value = dup_string (strings[i].text);
      g_autoptr(GString) out = g_string_new ("<");

      g_test_message ("%s", strings[i].text);
      g_assert_true (jd_json_check (strings[i].text, span.length));
      g_assert_cmpint (jd_json_span_kind (strings[i].text, span), ==, JD_JSON_STRING);
      g_assert_cmpstr (value, ==, strings[i].value);
      g_assert_true (jd_json_span_append_string (strings[i].text, span, out));
      g_assert_cmpstr (out->str + 1, ==, strings[i].value);
      g_assert_cmpuint (out->len, ==, 1 + strlen (strings[i].value));
      g_assert_true (jd_json_span_equal (strings[i].text, span, strings[i].value));
      assert_same_as_json_glib (strings[i].text, span.length);
    }

  for (guint i = 0; i < G_N_ELEMENTS (lone); i++)
    {
      g_autofree char *value = dup_string (lone[i].text);

      g_test_message ("%s", lone[i].text);
      g_assert_false (jd_json_check (lone[i].text, strlen (lone[i].text)));
      g_assert_cmpstr (value, ==, lone[i].value);
    }

  /* Equal once unescaped, and only then. */
  {
    static const char text[] = "[\"caf\\u00e9\",\"a\\\"b\",\"abc\",\"a\\\\nb\",5]";
    JdJsonSpan whole = { 0, strlen (text) }, spans[5];
    g_autoptr(GString) out = g_string_new ("kept");
    JdJsonIter iter;
    guint n = 0;

    g_assert_true (jd_json_check (text, whole.length));
    g_assert_true (jd_json_iter_init_array (&iter, text, whole));
    while (n < G_N_ELEMENTS (spans) && jd_json_iter_next_element (&iter, &spans[n]))
      n++;
    g_assert_cmpuint (n, ==, 5);
    g_assert_true (jd_json_span_equal (text, spans[0], "café"));
    g_assert_false (jd_json_span_equal (text, spans[0], "cafe"));
    g_assert_false (jd_json_span_equal (text, spans[0], "caf"));
    g_assert_false (jd_json_span_equal (text, spans[0], "café!"));
    g_assert_false (jd_json_span_equal (text, spans[0], "caf\\u00e9"));
    g_assert_true (jd_json_span_equal (text, spans[1], "a\"b"));
    g_assert_true (jd_json_span_equal (text, spans[2], "abc"));
    g_assert_false (jd_json_span_equal (text, spans[2], "ab"));
    g_assert_false (jd_json_span_equal (text, spans[2], "abcd"));
    g_assert_false (jd_json_span_equal (text, spans[2], ""));
    g_assert_true (jd_json_span_equal (text, spans[3], "a\\nb"));
    g_assert_false (jd_json_span_equal (text, spans[4], "5"));
    g_assert_null (jd_json_span_dup_string (text, spans[4]));
    g_assert_false (jd_json_span_append_string (text, spans[4], out));
    g_assert_cmpstr (out->str, ==, "kept");
  }
}

static void
test_lookup (void)
{
  static const char text[] =
    "{\"a\":1,\"b\":{\"x\":2},\"a\":\"three\",\"caf\\u00e9\":4,\"\\u0061\":5,\"n\":{\"c\":6}}";
  JdJsonSpan object = { 0, strlen (text) };
  JdJsonSpan value;
  g_autofree char *a = NULL, *cafe = NULL;

  g_assert_true (jd_json_check (text, object.length));
  /* The last "a", spelled however it is. */
  g_assert_true (jd_json_object_lookup (text, object, "a", &value));
  a = span_dup (text, value);
  g_assert_cmpstr (a, ==, "5");
  g_assert_true (jd_json_object_lookup (text, object, "café", &value));
  cafe = span_dup (text, value);
  g_assert_cmpstr (cafe, ==, "4");
  g_assert_true (jd_json_object_lookup (text, object, "b", NULL));
  /* Only the object's own members. */
  g_assert_false (jd_json_object_lookup (text, object, "x", &value));
  g_assert_false (jd_json_object_lookup (text, object, "c", &value));
  g_assert_false (jd_json_object_lookup (text, object, "", &value));
  g_assert_false (jd_json_object_lookup (text, object, "caf", &value));
  assert_same_as_json_glib (text, object.length);

  {
    static const char array[] = "[{\"a\":1}]";
    JdJsonSpan whole = { 0, strlen (array) }, element = { 1, 7 };

    g_assert_false (jd_json_object_lookup (array, whole, "a", &value));
    g_assert_true (jd_json_object_lookup (array, element, "a", &value));
    g_assert_false (jd_json_object_lookup ("{}", (JdJsonSpan) { 0, 2 }, "a", &value));
  }
}

/* A pull page of about @size bytes (docs/sync-protocol.md, "Pull"): rows of cases whose text is
 * mostly Chinese, with escapes here and there. */
static GString *
generate_page (gsize size)
{
  static const char * const words[] = {
    "当事人", "违法行为", "行政处罚决定书", "依据《中华人民共和国行政处罚法》第二十八条",
    "，", "。",
    "\\\"引号\\\"", "\\n", "café", "\\u4e2d\\u6587", "\\ud83d\\ude00", "2024-03-05", "罚款",
    "audit trail", "Ⅲ", "😀",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240305);
  GString *page = g_string_sized_new (size + 4096);
  guint row;

  g_string_append (page, "{\"changes\":[");
  for (row = 0; page->len < size; row++)
    {
      guint32 id = g_rand_int (rand);
      guint amount = g_rand_int_range (rand, 0, 100000);

      if (row > 0)
        g_string_append_c (page, ',');
      g_string_append_printf (page,
                              "{\"collection\":\"cases\",\"id\":\"%08x-0000-4000-8000-%012x\","
                              "\"rev\":%u,\"deleted\":%s,\"fields\":{\"number\":\"（2024）京0105"
                              "行初%u号\",\"amount\":%u.%02u,\"officer\":null,\"title\":\"",
                              id, row, row + 1, row % 50 == 0 ? "true" : "false", row, amount,
                              row % 100);
      for (int i = g_rand_int_range (rand, 5, 60); i > 0; i--)
        g_string_append (page, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (page,
                       "\",\"parties\":[{\"name\":\"张三\",\"role\":\"applicant\"},"
                       "{\"name\":\"Li Si\",\"role\":null,\"age\":42}],"
                       "\"stages\":[{\"date\":\"2024-01-02\",\"stage\":\"filed\"}]}}");
    }
  g_string_append_printf (page, "],\"cursor\":%u,\"more\":true,\"remaining\":0}", row);
  return page;
}

static void
test_differential (void)
{
  static const char * const documents[] = {
    ("{\"changes\":[{\"collection\":\"cases\",\"id\":\"7c1e\",\"rev\":3,\"deleted\":false,"
     "\"fields\":{\"title\":\"行政处罚\",\"parties\":[{\"name\":\"张三\"}],\"amount\":1250.5}}],"
     "\"cursor\":1042,\"more\":true,\"remaining\":98211}"),
    "[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\",\"\\u0001\\u001F\\u0020\\u00e9\\u4e2d\\uFFFD\",\"a\\u0000b\"]",
    "{\"中文名\":\"《中华人民共和国行政诉讼法》第七十条\",\"\\u4e2d\":\"中\",\"emoji\":\"😀\"}",
    ("[\"\\ud83d\\ude00\",\"\\uD83D\\uDE00\",\"\\udbff\\udfff\",\"\\ud800\\udc00\","
     "\"x\\ud834\\udd1ey\"]"),
    "[[[[]]],{\"a\":{\"b\":{\"c\":[1,[2,[3,{\"d\":null}]]]}}},[{},{}],[[],[[]]]]",
    "{\"a\":1,\"b\":2,\"a\":{\"c\":[3]},\"b\":null,\"c\":true,\"a\":[false]}",
    "{\"a\":1,\"\\u0061\":2,\"\\\"\":3,\"\\\"\":4}",
    "{\"a\\u0000b\":1,\"a\":2,\"a\\u0000c\":3}",
    "{\"\":0,\"\":{\"\":[]}}",
    ("[0,-0,1,-1,9223372036854775807,-9223372036854775808,9223372036854775808,"
     "-9223372036854775809,18446744073709551615,18446744073709551616,"
     "123456789012345678901234567890,-123456789012345678901234567890]"),
    ("[0.0,-0.0,-0e0,0e-5,1.5,-1.5,1e5,1E5,1e+5,1e-5,1e400,-1e400,1e-400,5e-324,"
     "1.7976931348623157e308,0.1,0.30000000000000004,123456789.123456789e-3,2.5E-10]"),
    "[true,false,null,[true],{\"t\":false,\"n\":null}]",
    " \r\n\t{ \"spaced\" :\t[ 1 ,\n 2 ] ,\r\"out\" : { } } \n",
    "\"top\"", "-0", "1e2", "null",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_test_message ("%s", documents[i]);
      g_assert_true (check_copy (documents[i], strlen (documents[i])));
      assert_same_as_json_glib (documents[i], strlen (documents[i]));
    }

  {
    g_autoptr(GString) page = generate_page (256 * 1024);

    g_assert_true (jd_json_check (page->str, page->len));
    assert_same_as_json_glib (page->str, page->len);
  }
}

/* The comparison itself tells texts apart that json-glib reads differently, or the differential
 * tests would prove nothing. */
static void
test_compare_differs (void)
{
  static const char * const pairs[][2] = {
    { "[1]", "[1.0]" }, { "[1]", "[2]" }, { "[-0.0]", "[0.0]" }, { "[\"a\"]", "[\"b\"]" },
    { "[\"a\"]", "[\"ab\"]" }, { "[true]", "[false]" }, { "[null]", "[0]" },
    { "[1,2]", "[1]" }, { "[1]", "[1,2]" }, { "[[1]]", "[[1,2]]" }, { "{\"a\":1}", "{\"b\":1}" },
    { "{\"a\":1,\"b\":2}", "{\"b\":2,\"a\":1}" }, { "{\"a\":1,\"a\":2}", "{\"a\":1}" },
    { "{\"a\":1}", "{\"a\":1,\"b\":2}" }, { "{}", "[]" }, { "\"1\"", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GString) where = g_string_new ("");
      JdJsonSpan span = { 0, strlen (pairs[i][0]) };

      g_assert_true (jd_json_check (pairs[i][0], span.length));
      g_assert_true (json_parser_load_from_data (parser, pairs[i][1], -1, NULL));
      g_assert_false (jd_json_compare (pairs[i][0], span, json_parser_get_root (parser), where));
      g_test_message ("%s against %s: %s", pairs[i][0], pairs[i][1], where->str);
    }
}

/* How fast a page is checked, and read as the sync client reads it. Only printed: a machine's
 * speed is not the code's. */
static void
test_speed (void)
{
  g_autoptr(GString) page = generate_page (64 * 1024 * 1024);
  JdJsonSpan whole = { 0, page->len }, changes, rev, fields, title;
  gint64 best = G_MAXINT64, start;
  double megabytes = page->len / 1e6;
  JdJsonIter rows;
  JdJsonSpan row;
  guint n_rows = 0;
  gsize chars = 0;
  g_autoptr(GString) scratch = g_string_new (NULL);

  for (int run = 0; run < 3; run++)
    {
      start = g_get_monotonic_time ();
      g_assert_true (jd_json_check (page->str, page->len));
      best = MIN (best, g_get_monotonic_time () - start);
    }
  g_test_message ("jd_json_check: %.1f MB in %.1f ms, %.0f MB/s", megabytes, best / 1e3,
                  megabytes / (best / 1e6));

  start = g_get_monotonic_time ();
  g_assert_true (jd_json_object_lookup (page->str, whole, "changes", &changes));
  g_assert_true (jd_json_iter_init_array (&rows, page->str, changes));
  while (jd_json_iter_next_element (&rows, &row))
    {
      gint64 number;

      g_assert_true (jd_json_object_lookup (page->str, row, "rev", &rev));
      g_assert_true (jd_json_span_get_int (page->str, rev, &number));
      g_assert_true (jd_json_object_lookup (page->str, row, "fields", &fields));
      g_assert_true (jd_json_object_lookup (page->str, fields, "title", &title));
      g_string_truncate (scratch, 0);
      g_assert_true (jd_json_span_append_string (page->str, title, scratch));
      chars += scratch->len;
      n_rows++;
    }
  g_test_message ("reading %u rows (rev, fields, title): %.0f MB/s", n_rows,
                  megabytes / ((g_get_monotonic_time () - start) / 1e6));
  g_assert_cmpuint (chars, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-span/member", test_member);
  g_test_add_func ("/json-span/member-bad-text", test_member_bad_text);
  g_test_add_func ("/json-span/check-valid", test_check_valid);
  g_test_add_func ("/json-span/check-invalid", test_check_invalid);
  g_test_add_func ("/json-span/check-truncated", test_check_truncated);
  g_test_add_func ("/json-span/check-depth", test_check_depth);
  g_test_add_func ("/json-span/iter", test_iter);
  g_test_add_func ("/json-span/numbers", test_numbers);
  g_test_add_func ("/json-span/strings", test_strings);
  g_test_add_func ("/json-span/lookup", test_lookup);
  g_test_add_func ("/json-span/differential", test_differential);
  g_test_add_func ("/json-span/compare-differs", test_compare_differs);
  g_test_add_func ("/json-span/speed", test_speed);

  return g_test_run ();
}
