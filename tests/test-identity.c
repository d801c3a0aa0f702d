#include "jd-identity.h"

#include <string.h>

/* An ID number for @birth with the right check character. */
static char *
resident_id_for (GDate *birth)
{
  g_autofree char *first17 = g_strdup_printf ("110115%04d%02d%02d123", g_date_get_year (birth),
                                              g_date_get_month (birth), g_date_get_day (birth));
  char check = jd_resident_id_check_char (first17);

  g_assert_cmpint (check, !=, '\0');

  return g_strdup_printf ("%s%c", first17, check);
}

static void
test_resident_id_valid (void)
{
  GDate birth;

  g_date_clear (&birth, 1);

  /* The example of GB 11643-1999. */
  g_assert_true (jd_resident_id_is_valid ("11010519491231002X", &birth));
  g_assert_cmpint (g_date_get_year (&birth), ==, 1949);
  g_assert_cmpint (g_date_get_month (&birth), ==, 12);
  g_assert_cmpint (g_date_get_day (&birth), ==, 31);

  g_assert_true (jd_resident_id_is_valid ("11010519491231002x", NULL));

  g_date_set_dmy (&birth, 1, 1, 1900);
  {
    g_autofree char *id = resident_id_for (&birth);

    g_date_clear (&birth, 1);
    g_assert_true (jd_resident_id_is_valid (id, &birth));
    g_assert_cmpint (g_date_get_year (&birth), ==, 1900);
  }
}

static void
test_resident_id_check_char (void)
{
  g_assert_cmpint (jd_resident_id_check_char ("11010519491231002"), ==, 'X');
  g_assert_cmpint (jd_resident_id_check_char ("11010519491231002X"), ==, 'X');
  g_assert_cmpint (jd_resident_id_check_char ("1101051949123100"), ==, '\0');
  g_assert_cmpint (jd_resident_id_check_char ("1101051949123100A"), ==, '\0');
  g_assert_cmpint (jd_resident_id_check_char (""), ==, '\0');
  g_assert_cmpint (jd_resident_id_check_char (NULL), ==, '\0');

  for (int i = 0; i < 200; i++)
    {
      g_autofree char *first17 = g_strdup_printf ("3301061985%02d%02d%03d", 1 + i % 12,
                                                  1 + i % 28, i);
      g_autofree char *id = g_strdup_printf ("%s%c", first17,
                                             jd_resident_id_check_char (first17));

      g_assert_true (jd_resident_id_is_valid (id, NULL));
    }
}

static void
test_resident_id_invalid (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next_year = g_date_time_add_years (now, 1);
  g_autofree char *future = NULL;
  g_autofree char *too_old = NULL;
  g_autofree char *leap_ok = NULL;
  GDate date;

  g_date_clear (&date, 1);

  /* Wrong check characters. */
  g_assert_false (jd_resident_id_is_valid ("110105194912310020", NULL));
  g_assert_false (jd_resident_id_is_valid ("110105194912310021", NULL));
  /* Wrong lengths. */
  g_assert_false (jd_resident_id_is_valid ("11010519491231002", NULL));
  g_assert_false (jd_resident_id_is_valid ("11010519491231002XX", NULL));
  g_assert_false (jd_resident_id_is_valid ("110105491231002", NULL));
  /* Characters that are not digits. */
  g_assert_false (jd_resident_id_is_valid ("1101051949123100XX", NULL));
  g_assert_false (jd_resident_id_is_valid ("11010519491231 02X", NULL));
  g_assert_false (jd_resident_id_is_valid ("110105194912310２X", NULL));
  g_assert_false (jd_resident_id_is_valid (NULL, NULL));
  g_assert_false (jd_resident_id_is_valid ("", NULL));

  /* Impossible birth dates, with check characters that are right for them. */
  {
    static const char * const impossible[] = {
      "11010519490230123", "11010519491301123", "11010519490000123", "11010519490132123",
      "11010520230229123",
    };

    for (guint i = 0; i < G_N_ELEMENTS (impossible); i++)
      {
        g_autofree char *id = g_strdup_printf ("%s%c", impossible[i],
                                               jd_resident_id_check_char (impossible[i]));

        g_assert_false (jd_resident_id_is_valid (id, NULL));
      }
  }

  g_date_set_dmy (&date, 31, 12, 1899);
  too_old = resident_id_for (&date);
  g_assert_false (jd_resident_id_is_valid (too_old, NULL));

  g_date_set_dmy (&date, g_date_time_get_day_of_month (next_year),
                  g_date_time_get_month (next_year), g_date_time_get_year (next_year));
  future = resident_id_for (&date);
  g_assert_false (jd_resident_id_is_valid (future, NULL));

  g_date_set_dmy (&date, 29, 2, 2000);
  leap_ok = resident_id_for (&date);
  g_assert_true (jd_resident_id_is_valid (leap_ok, NULL));
}

static void
test_credit_code_valid (void)
{
  g_assert_true (jd_credit_code_is_valid ("91350100M000100Y43"));
  g_assert_true (jd_credit_code_is_valid ("91110000802100433B"));
  g_assert_cmpint (jd_credit_code_check_char ("91350100M000100Y4"), ==, '3');
  g_assert_cmpint (jd_credit_code_check_char ("91110000802100433"), ==, 'B');

  /* Every authority with each kind it issues. */
  {
    static const char * const prefixes[] = {
      "11", "12", "13", "19", "51", "52", "53", "59", "91", "92", "93", "Y1",
    };

    for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
      {
        g_autofree char *first17 = g_strconcat (prefixes[i], "110115MA01ABCD2", NULL);
        g_autofree char *code = g_strdup_printf ("%s%c", first17,
                                                 jd_credit_code_check_char (first17));

        g_assert_true (jd_credit_code_is_valid (code));
      }
  }
}

static void
test_credit_code_invalid (void)
{
  static const char * const bad_prefixes[] = { "21", "10", "54", "94", "Y2", "A1", "51" };
  char code[19];

  /* Wrong check character. */
  g_assert_false (jd_credit_code_is_valid ("91350100M000100Y44"));
  g_assert_false (jd_credit_code_is_valid ("91110000802100433C"));
  /* Lowercase is not part of the alphabet. */
  g_assert_false (jd_credit_code_is_valid ("91350100m000100y43"));
  /* Wrong lengths. */
  g_assert_false (jd_credit_code_is_valid ("91350100M000100Y4"));
  g_assert_false (jd_credit_code_is_valid ("91350100M000100Y433"));
  g_assert_false (jd_credit_code_is_valid (NULL));
  g_assert_false (jd_credit_code_is_valid (""));

  /* The letters I, O, Z, S and V never occur, whatever the check says. */
  for (const char *c = "IOZSV"; *c != '\0'; c++)
    {
      memcpy (code, "91350100M000100Y43", 19);
      code[8] = *c;
      g_assert_cmpint (jd_credit_code_check_char (code), ==, '\0');
      g_assert_false (jd_credit_code_is_valid (code));
    }

  /* Authorities and kinds that GB 32100 does not issue, with a matching check character. The
   * last one is a valid prefix whose check character is then spoiled. */
  for (guint i = 0; i < G_N_ELEMENTS (bad_prefixes); i++)
    {
      g_autofree char *first17 = g_strconcat (bad_prefixes[i], "110115MA01ABCD2", NULL);
      char check = jd_credit_code_check_char (first17);
      g_autofree char *with_check = NULL;

      g_assert_cmpint (check, !=, '\0');
      if (i == G_N_ELEMENTS (bad_prefixes) - 1)
        check = check == '0' ? '1' : '0';
      with_check = g_strdup_printf ("%s%c", first17, check);
      g_assert_false (jd_credit_code_is_valid (with_check));
    }

  g_assert_cmpint (jd_credit_code_check_char ("9135010"), ==, '\0');
  g_assert_cmpint (jd_credit_code_check_char (NULL), ==, '\0');
}

static void
test_luhn (void)
{
  g_assert_true (jd_luhn_is_valid ("4111111111111111"));
  g_assert_true (jd_luhn_is_valid ("6222021001115704287"));
  g_assert_true (jd_luhn_is_valid ("4111111111119"));
  g_assert_true (jd_luhn_is_valid ("6217000000000000004"));

  g_assert_false (jd_luhn_is_valid ("4111111111111112"));
  g_assert_false (jd_luhn_is_valid ("6222021001115704288"));
  /* Luhn-valid, but too short or too long for a card. */
  g_assert_false (jd_luhn_is_valid ("79927398713"));
  g_assert_false (jd_luhn_is_valid ("62170000000000000000"));
  g_assert_false (jd_luhn_is_valid ("4111 1111 1111 1111"));
  g_assert_false (jd_luhn_is_valid ("411111111111111a"));
  g_assert_false (jd_luhn_is_valid (""));
  g_assert_false (jd_luhn_is_valid (NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/identity/resident-id/valid", test_resident_id_valid);
  g_test_add_func ("/identity/resident-id/check-char", test_resident_id_check_char);
  g_test_add_func ("/identity/resident-id/invalid", test_resident_id_invalid);
  g_test_add_func ("/identity/credit-code/valid", test_credit_code_valid);
  g_test_add_func ("/identity/credit-code/invalid", test_credit_code_invalid);
  g_test_add_func ("/identity/luhn", test_luhn);

  return g_test_run ();
}
