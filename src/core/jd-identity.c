#include "jd-identity.h"

#include <string.h>

#define RESIDENT_ID_LENGTH 18
#define CREDIT_CODE_LENGTH 18

static const int resident_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char resident_check_chars[] = "10X98765432";

static const char credit_alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int credit_weights[17] = {
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
};

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }

  return TRUE;
}

static int
digits_value (const char *s,
              gsize       n)
{
  int value = 0;

  for (gsize i = 0; i < n; i++)
    value = value * 10 + (s[i] - '0');

  return value;
}

char
jd_resident_id_check_char (const char *first17)
{
  int sum = 0;

  if (first17 == NULL || strnlen (first17, 17) < 17 || !all_digits (first17, 17))
    return '\0';

  for (guint i = 0; i < 17; i++)
    sum += (first17[i] - '0') * resident_weights[i];

  return resident_check_chars[sum % 11];
}

gboolean
jd_resident_id_is_valid (const char *id,
                         GDate      *birth_out)
{
  g_autoptr(GDateTime) now = NULL;
  int year, month, day;
  char check;

  if (id == NULL || strlen (id) != RESIDENT_ID_LENGTH)
    return FALSE;

  check = jd_resident_id_check_char (id);
  if (check == '\0' || g_ascii_toupper (id[17]) != check)
    return FALSE;

  year = digits_value (id + 6, 4);
  month = digits_value (id + 10, 2);
  day = digits_value (id + 12, 2);
  if (year < 1900 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  now = g_date_time_new_now_local ();
  if (year > g_date_time_get_year (now)
      || (year == g_date_time_get_year (now)
          && (month > g_date_time_get_month (now)
              || (month == g_date_time_get_month (now)
                  && day > g_date_time_get_day_of_month (now)))))
    return FALSE;

  if (birth_out != NULL)
    g_date_set_dmy (birth_out, day, month, year);

  return TRUE;
}

static int
credit_char_value (char c)
{
  const char *p;

  if (c == '\0')
    return -1;

  p = strchr (credit_alphabet, c);

  return p != NULL ? (int) (p - credit_alphabet) : -1;
}

char
jd_credit_code_check_char (const char *first17)
{
  int sum = 0;
  int check;

  if (first17 == NULL)
    return '\0';

  for (guint i = 0; i < 17; i++)
    {
      int value = credit_char_value (first17[i]);

      if (value < 0)
        return '\0';

      sum += value * credit_weights[i];
    }

  check = 31 - sum % 31;

  return credit_alphabet[check == 31 ? 0 : check];
}

/* The kinds (机构类别) each registration authority (登记管理部门) issues, from GB 32100-2015
 * appendix A. */
static gboolean
credit_kind_is_valid (char authority,
                      char kind)
{
  switch (authority)
    {
    case '1':
      return kind >= '1' && kind <= '9';
    case '5':
      return (kind >= '1' && kind <= '3') || kind == '9';
    case '9':
      return kind >= '1' && kind <= '3';
    case 'Y':
      return kind == '1';
    default:
      return FALSE;
    }
}

gboolean
jd_credit_code_is_valid (const char *code)
{
  char check;

  if (code == NULL || strlen (code) != CREDIT_CODE_LENGTH)
    return FALSE;

  if (!credit_kind_is_valid (code[0], code[1]))
    return FALSE;

  check = jd_credit_code_check_char (code);

  return check != '\0' && code[17] == check;
}

gboolean
jd_luhn_is_valid (const char *digits)
{
  gsize len;
  int sum = 0;

  if (digits == NULL)
    return FALSE;

  len = strlen (digits);
  if (len < 13 || len > 19 || !all_digits (digits, len))
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      int d = digits[len - 1 - i] - '0';

      if (i % 2 == 1)
        {
          d *= 2;
          if (d > 9)
            d -= 9;
        }

      sum += d;
    }

  return sum % 10 == 0;
}
