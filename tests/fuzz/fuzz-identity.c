/* libFuzzer target: the identity checks on arbitrary bytes, NUL-terminated. */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jd-identity.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define CHECK(cond) \
  do \
    { \
      if (!(cond)) \
        { \
          fprintf (stderr, "fuzz-identity: %s failed\n", #cond); \
          abort (); \
        } \
    } \
  while (0)

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *copy = g_malloc (size + 1);
  GDate birth;
  char check;

  memcpy (copy, data, size);
  copy[size] = '\0';
  g_date_clear (&birth, 1);

  if (jd_resident_id_is_valid (copy, &birth))
    {
      CHECK (strlen (copy) == 18);
      CHECK (g_date_valid (&birth) && g_date_get_year (&birth) >= 1900);
      CHECK (jd_resident_id_check_char (copy) == g_ascii_toupper (copy[17]));
    }

  check = jd_resident_id_check_char (copy);
  CHECK (check == '\0' || strchr ("0123456789X", check) != NULL);

  if (jd_credit_code_is_valid (copy))
    CHECK (strlen (copy) == 18 && jd_credit_code_check_char (copy) == copy[17]);
  check = jd_credit_code_check_char (copy);
  CHECK (check == '\0' || strchr ("0123456789ABCDEFGHJKLMNPQRTUWXY", check) != NULL);

  if (jd_luhn_is_valid (copy))
    CHECK (strlen (copy) >= 13 && strlen (copy) <= 19);

  return 0;
}
