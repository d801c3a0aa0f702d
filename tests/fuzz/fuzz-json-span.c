/* libFuzzer target: jd_json_check() against json-glib's parser. Whatever it accepts, json-glib
 * must accept too, and reading it with the iterators must find json-glib's tree (json-glib
 * accepts more, so the converse is no invariant). The scanners for text a parser accepted must
 * stay within any text, and a string's value must stay UTF-8. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jd-json-compare.h"
#include "jd-json-span.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond) \
  do \
    { \
      if (!(cond)) \
        { \
          fprintf (stderr, "fuzz-json-span: %s failed\n", #cond); \
          abort (); \
        } \
    } \
  while (0)

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_if_fail() is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  JdJsonSpan span;

  if (jd_json_check (text, size))
    {
      g_autoptr(GString) where = g_string_new ("");

      if (!jd_json_compare_text (text, size, where))
        {
          fprintf (stderr, "fuzz-json-span: at \"%s\"\n", where->str);
          abort ();
        }
    }

  if (jd_json_member_span (text, size, "a", &span))
    CHECK (span.offset + span.length <= size);

  /* The input as one string, whatever is in it: lone surrogates become U+FFFD. */
  if (size >= 2 && text[0] == '"' && g_utf8_validate (text, size, NULL))
    {
      g_autofree char *value = NULL;

      span.offset = 0;
      span.length = size;
      value = jd_json_span_dup_string (text, span);
      CHECK ((value != NULL) == (text[size - 1] == '"'));
      CHECK (value == NULL || g_utf8_validate (value, -1, NULL));
    }

  return 0;
}
