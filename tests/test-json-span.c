#include "jd-json-span.h"

#include <string.h>

/* The scanner that finds where values lie in a JSON text: the fields of pulled rows, kept as
 * they came, and the cursor of a pull page, read before the page is parsed. */

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

static void
test_element_spans (void)
{
  static const char page[] =
    "{\"cursor\":3,\"changes\":[{\"fields\":{\"a\":[1,{\"b\":\"]\"}]},\"rev\":1},"
    "{\"rev\":2,\"fields\":{}}]}";
  g_autoptr(GArray) spans = jd_json_element_member_spans (page, strlen (page), "changes",
                                                          "fields");
  g_autofree char *first = NULL, *second = NULL;

  g_assert_nonnull (spans);
  g_assert_cmpuint (spans->len, ==, 2);
  first = span_text (page, &g_array_index (spans, JdJsonSpan, 0));
  second = span_text (page, &g_array_index (spans, JdJsonSpan, 1));
  g_assert_cmpstr (first, ==, "{\"a\":[1,{\"b\":\"]\"}]}");
  g_assert_cmpstr (second, ==, "{}");

  /* An element without the member: the text is not of that shape. */
  {
    static const char no_fields[] = "{\"changes\":[{\"rev\":1}]}";

    g_assert_null (jd_json_element_member_spans (no_fields, strlen (no_fields), "changes",
                                                 "fields"));
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-span/member", test_member);
  g_test_add_func ("/json-span/member-bad-text", test_member_bad_text);
  g_test_add_func ("/json-span/element-spans", test_element_spans);

  return g_test_run ();
}
