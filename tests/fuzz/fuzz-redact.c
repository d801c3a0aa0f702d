/* libFuzzer target: jd_redact_scan() and jd_redact_apply() on valid UTF-8, checking what they
 * promise. An input with a U+001E byte carries person names before it, separated by U+001F. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jd-redact.h"

int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond) \
  do \
    { \
      if (!(cond)) \
        { \
          fprintf (stderr, "fuzz-redact: %s failed\n", #cond); \
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
  g_autofree char *input = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GArray) scanned = NULL;
  g_autoptr(GArray) hits = NULL;
  g_autofree char *out = NULL;
  const char *text;
  const char *separator;
  gsize length, out_length;
  gsize copied = 0, out_copied = 0;

  if (!g_utf8_validate ((const char *) data, (gssize) size, NULL))
    return 0;

  input = g_strndup ((const char *) data, size);
  separator = strchr (input, '\x1e');
  if (separator != NULL)
    {
      g_autofree char *list = g_strndup (input, (gsize) (separator - input));

      names = g_strsplit (list, "\x1f", 16);
      text = separator + 1;
    }
  else
    text = input;
  length = strlen (text);

  scanned = jd_redact_scan (text, (gssize) length, (const char * const *) names);
  out = jd_redact_apply (text, (const char * const *) names, &hits);
  CHECK (out != NULL);
  out_length = strlen (out);
  CHECK (g_utf8_validate (out, (gssize) out_length, NULL));
  CHECK (hits->len == scanned->len);

  for (guint i = 0; i < hits->len; i++)
    {
      const JdRedactHit *hit = &g_array_index (hits, JdRedactHit, i);
      const JdRedactHit *same = &g_array_index (scanned, JdRedactHit, i);

      CHECK (hit->kind == same->kind && hit->start == same->start && hit->end == same->end);
      CHECK (jd_redact_kind_to_string (hit->kind) != NULL);
      /* Sorted, apart, in bounds, whole characters. */
      CHECK (hit->start >= copied && hit->start < hit->end && hit->end <= length);
      CHECK (g_utf8_validate (text + hit->start, (gssize) (hit->end - hit->start), NULL));
      CHECK (hit->out_start >= out_copied && hit->out_start <= hit->out_end);
      CHECK (hit->out_end <= out_length);
      /* Everything between hits is copied as it was. */
      CHECK (hit->start - copied == hit->out_start - out_copied);
      CHECK (memcmp (text + copied, out + out_copied, hit->start - copied) == 0);
      copied = hit->end;
      out_copied = hit->out_end;
    }

  CHECK (length - copied == out_length - out_copied);
  CHECK (memcmp (text + copied, out + out_copied, length - copied) == 0);

  return 0;
}
