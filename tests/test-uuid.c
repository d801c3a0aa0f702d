#include <string.h>

#include "jd-uuid.h"

static void
test_format (void)
{
  guint32 bits[3] = { 0xabc, 0x12345678, 0x9abcdef0 };
  char out[JD_UUID_LENGTH + 1];

  /* 2024-01-01T00:00:00Z in milliseconds. */
  jd_uuid_format_v7 (G_GUINT64_CONSTANT (1704067200000), bits, out);
  g_assert_cmpstr (out, ==, "018cc251-f400-7abc-9234-56789abcdef0");
  g_assert_true (g_uuid_string_is_valid (out));
}

static void
test_new_is_ordered (void)
{
  g_autofree char *previous = jd_uuid_new ();

  for (guint i = 0; i < 2000; i++)
    {
      char *next = jd_uuid_new ();

      g_assert_true (g_uuid_string_is_valid (next));
      g_assert_cmpint (next[14], ==, '7');
      /* Later ids sort later, even many in one millisecond. */
      g_assert_cmpint (strcmp (previous, next), <, 0);
      g_free (previous);
      previous = next;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/uuid/format", test_format);
  g_test_add_func ("/uuid/new-is-ordered", test_new_is_ordered);

  return g_test_run ();
}
