#include <stdio.h>
#include <string.h>

#include "jd-calendar.h"
#include "jd-test-util.h"

/* Every expected date below was worked out by hand from the State Council's notices, with the
 * weekdays of 1 January: 2024 Monday, 2025 Wednesday, 2026 Thursday, 2027 Friday. */

#define BUNDLED_DIR "/io/github/jiandu/core/calendar"

static void
date_set (GDate      *date,
          const char *text)
{
  unsigned int y, m, d;

  g_assert_cmpint (sscanf (text, "%4u-%2u-%2u", &y, &m, &d), ==, 3);
  g_assert_true (g_date_valid_dmy (d, m, y));
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);
}

static char *
date_text (const GDate *date)
{
  if (!g_date_valid (date))
    return g_strdup ("invalid");
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static JdCalendar *
bundled (void)
{
  g_autoptr(JdCalendar) calendar = jd_calendar_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_calendar_load_resources (calendar, BUNDLED_DIR, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&calendar);
}

static gboolean
is_workday (JdCalendar *calendar,
            const char *text)
{
  g_autoptr(GError) error = NULL;
  gboolean result = -1;
  GDate date;

  date_set (&date, text);
  g_assert_true (jd_calendar_is_workday (calendar, &date, &result, &error));
  g_assert_no_error (error);
  g_assert_true (result == TRUE || result == FALSE);
  return result;
}

static char *
holiday (JdCalendar *calendar,
         const char *text)
{
  GDate date;

  date_set (&date, text);
  return jd_calendar_dup_holiday (calendar, &date);
}

static char *
add (JdCalendar *calendar,
     const char *start_text,
     int         n)
{
  g_autoptr(GError) error = NULL;
  GDate start, out;

  date_set (&start, start_text);
  g_date_clear (&out, 1);
  g_assert_true (jd_calendar_add_workdays (calendar, &start, n, &out, &error));
  g_assert_no_error (error);
  return date_text (&out);
}

static int
count (JdCalendar *calendar,
       const char *from_text,
       const char *to_text)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;
  int result = G_MININT;

  date_set (&from, from_text);
  date_set (&to, to_text);
  g_assert_true (jd_calendar_count_workdays (calendar, &from, &to, &result, &error));
  g_assert_no_error (error);
  return result;
}

#define assert_add(calendar, start, n, expected) \
  G_STMT_START { \
    g_autofree char *result_ = add (calendar, start, n); \
    g_assert_cmpstr (result_, ==, expected); \
  } G_STMT_END

static void
test_bundled_years (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  g_autoptr(GArray) years = jd_calendar_get_years (calendar);
  g_autofree char *source = jd_calendar_dup_source (calendar, 2025);
  g_autoptr(JdCalendar) empty = jd_calendar_new ();
  g_autoptr(GArray) no_years = jd_calendar_get_years (empty);

  g_assert_cmpuint (years->len, ==, 3);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2024);
  g_assert_cmpint (g_array_index (years, int, 1), ==, 2025);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2026);
  g_assert_true (jd_calendar_has_year (calendar, 2025));
  g_assert_false (jd_calendar_has_year (calendar, 2023));
  g_assert_false (jd_calendar_has_year (calendar, 2027));
  g_assert_false (jd_calendar_has_year (calendar, 0));
  g_assert_false (jd_calendar_has_year (calendar, 100000));
  g_assert_nonnull (strstr (source, "国办发明电〔2024〕12号"));
  g_assert_null (jd_calendar_dup_source (calendar, 2027));
  g_assert_cmpuint (no_years->len, ==, 0);
}

static void
test_weekends (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  /* Ordinary weeks without holidays or make-up days, Monday to Sunday. */
  static const char * const mondays[] = { "2024-03-11", "2025-03-10", "2025-11-17",
                                          "2026-03-09", "2026-12-21" };

  for (guint i = 0; i < G_N_ELEMENTS (mondays); i++)
    {
      GDate date;

      date_set (&date, mondays[i]);
      g_assert_cmpint (g_date_get_weekday (&date), ==, G_DATE_MONDAY);
      for (int d = 0; d < 7; d++)
        {
          g_autofree char *text = date_text (&date);
          g_autofree char *name = holiday (calendar, text);

          g_assert_cmpint (is_workday (calendar, text), ==, d < 5);
          g_assert_null (name);
          g_date_add_days (&date, 1);
        }
    }
}

typedef struct
{
  const char *name;
  const char *from;
  const char *to;
  const char *day_before; /* a working day just before and just after, by hand */
  const char *day_after;
} Holiday;

static void
check_holidays (const Holiday *holidays,
                guint          n)
{
  g_autoptr(JdCalendar) calendar = bundled ();

  for (guint i = 0; i < n; i++)
    {
      GDate date, to;

      date_set (&date, holidays[i].from);
      date_set (&to, holidays[i].to);
      for (; g_date_compare (&date, &to) <= 0; g_date_add_days (&date, 1))
        {
          g_autofree char *text = date_text (&date);
          g_autofree char *name = holiday (calendar, text);

          g_test_message ("%s off (%s)", text, holidays[i].name);
          g_assert_false (is_workday (calendar, text));
          g_assert_cmpstr (name, ==, holidays[i].name);
        }

      g_assert_true (is_workday (calendar, holidays[i].day_before));
      g_assert_true (is_workday (calendar, holidays[i].day_after));
    }
}

static void
test_holidays_2025 (void)
{
  static const Holiday holidays[] = {
    { "元旦", "2025-01-01", "2025-01-01", "2024-12-31", "2025-01-02" },
    { "春节", "2025-01-28", "2025-02-04", "2025-01-27", "2025-02-05" },
    { "清明节", "2025-04-04", "2025-04-06", "2025-04-03", "2025-04-07" },
    { "劳动节", "2025-05-01", "2025-05-05", "2025-04-30", "2025-05-06" },
    { "端午节", "2025-05-31", "2025-06-02", "2025-05-30", "2025-06-03" },
    { "国庆节、中秋节", "2025-10-01", "2025-10-08", "2025-09-30", "2025-10-09" },
  };

  check_holidays (holidays, G_N_ELEMENTS (holidays));
}

static void
test_holidays_2026 (void)
{
  static const Holiday holidays[] = {
    /* 4 January and 14 February are make-up Sundays and Saturdays. */
    { "元旦", "2026-01-01", "2026-01-03", "2025-12-31", "2026-01-04" },
    { "春节", "2026-02-15", "2026-02-23", "2026-02-14", "2026-02-24" },
    { "清明节", "2026-04-04", "2026-04-06", "2026-04-03", "2026-04-07" },
    { "劳动节", "2026-05-01", "2026-05-05", "2026-04-30", "2026-05-06" },
    { "端午节", "2026-06-19", "2026-06-21", "2026-06-18", "2026-06-22" },
    { "中秋节", "2026-09-25", "2026-09-27", "2026-09-24", "2026-09-28" },
    { "国庆节", "2026-10-01", "2026-10-07", "2026-09-30", "2026-10-08" },
  };

  check_holidays (holidays, G_N_ELEMENTS (holidays));
}

static void
test_holidays_2024 (void)
{
  static const Holiday holidays[] = {
    { "元旦", "2024-01-01", "2024-01-01", "2024-01-02", "2024-01-02" },
    { "春节", "2024-02-10", "2024-02-17", "2024-02-09", "2024-02-18" },
    { "清明节", "2024-04-04", "2024-04-06", "2024-04-03", "2024-04-07" },
    { "劳动节", "2024-05-01", "2024-05-05", "2024-04-30", "2024-05-06" },
    { "端午节", "2024-06-10", "2024-06-10", "2024-06-07", "2024-06-11" },
    { "中秋节", "2024-09-15", "2024-09-17", "2024-09-14", "2024-09-18" },
    { "国庆节", "2024-10-01", "2024-10-07", "2024-09-30", "2024-10-08" },
  };

  check_holidays (holidays, G_N_ELEMENTS (holidays));
}

static void
test_makeup_workdays (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  static const char * const workdays[] = {
    "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
    "2024-09-29", "2024-10-12",
    "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
  };
  /* The other day of the same weekends stays off. */
  static const char * const weekend_partners[] = {
    "2024-02-03", "2024-04-27", "2024-05-12", "2024-09-28", "2024-10-13",
    "2025-01-25", "2025-02-09", "2025-04-26", "2025-09-27", "2025-10-12",
    "2026-01-03", "2026-03-01", "2026-05-10", "2026-09-19", "2026-10-11",
  };

  for (guint i = 0; i < G_N_ELEMENTS (workdays); i++)
    {
      g_autofree char *name = holiday (calendar, workdays[i]);
      GDate date;

      date_set (&date, workdays[i]);
      g_assert_cmpint (g_date_get_weekday (&date), >=, G_DATE_SATURDAY);
      g_assert_true (is_workday (calendar, workdays[i]));
      g_assert_null (name);
    }

  for (guint i = 0; i < G_N_ELEMENTS (weekend_partners); i++)
    g_assert_false (is_workday (calendar, weekend_partners[i]));
}

static void
test_year_totals (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  /* Weekdays, minus days off on weekdays, plus make-up days: 2024 262 - 19 + 8, 2025
   * 261 - 18 + 5, 2026 261 - 19 + 6. */
  static const struct { const char *from, *to, *next_jan1, *jan1; int workdays; } years[] = {
    { "2023-12-31", "2024-12-31", "2025-01-01", "2024-01-01", 251 },
    { "2024-12-31", "2025-12-31", "2026-01-01", "2025-01-01", 248 },
    { "2025-12-31", "2026-12-31", "2027-01-01", "2026-01-01", 248 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      GDate date, to;
      int n = 0;

      /* Forward the days after 31 December up to the next one; back the days before 1 January
       * down to the one before: either way the year alone. */
      g_assert_cmpint (count (calendar, years[i].from, years[i].to), ==, years[i].workdays);
      g_assert_cmpint (count (calendar, years[i].next_jan1, years[i].jan1), ==,
                       -years[i].workdays);

      /* The same by asking day by day. */
      date_set (&date, years[i].from);
      date_set (&to, years[i].to);
      for (g_date_add_days (&date, 1); g_date_compare (&date, &to) <= 0;
           g_date_add_days (&date, 1))
        {
          g_autofree char *text = date_text (&date);

          n += is_workday (calendar, text);
        }
      g_assert_cmpint (n, ==, years[i].workdays);
    }

  g_assert_cmpint (count (calendar, "2023-12-31", "2026-12-31"), ==, 251 + 248 + 248);
}

static void
test_add_workdays (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();

  /* Across National Day 2025: 10-01 … 10-08 off; 10-09 Thu 1, 10-10 Fri 2, 10-11 make-up
   * Saturday 3, 10-12 Sunday off, 10-13 Mon 4, 10-14 Tue 5. */
  assert_add (calendar, "2025-09-30", 1, "2025-10-09");
  assert_add (calendar, "2025-09-30", 3, "2025-10-11");
  assert_add (calendar, "2025-09-30", 4, "2025-10-13");
  assert_add (calendar, "2025-09-30", 5, "2025-10-14");
  /* … then 10-15 to 10-17 (6-8), 10-20 to 10-24 (9-13), 10-27 to 10-31 (14-18), 11-03, 11-04. */
  assert_add (calendar, "2025-09-30", 20, "2025-11-04");
  /* Landing on a make-up Sunday: 09-27 Saturday off, 09-28 Sunday works. */
  assert_add (calendar, "2025-09-26", 1, "2025-09-28");
  assert_add (calendar, "2025-09-26", 2, "2025-09-29");
  /* Over the year end: 2026-01-01 … 01-03 off, 01-04 a make-up Sunday. */
  assert_add (calendar, "2025-12-31", 1, "2026-01-04");
  assert_add (calendar, "2025-12-31", 2, "2026-01-05");
  /* Starting on a day off. */
  assert_add (calendar, "2025-10-03", 1, "2025-10-09");
  assert_add (calendar, "2025-10-03", 3, "2025-10-11");
  assert_add (calendar, "2026-02-17", 2, "2026-02-25");
  assert_add (calendar, "2026-02-13", 1, "2026-02-14");
  assert_add (calendar, "2026-02-14", 1, "2026-02-24");
  /* Starting on a Saturday. */
  assert_add (calendar, "2025-03-15", 1, "2025-03-17");
  /* n = 0 is the start itself, even on a day off and in an unknown year. */
  assert_add (calendar, "2025-10-03", 0, "2025-10-03");
  assert_add (calendar, "2030-06-01", 0, "2030-06-01");
  /* The start day's own year is not needed when the count begins in the next one: 2024-01-01
   * is off, 01-02 a Tuesday. */
  assert_add (calendar, "2023-12-31", 1, "2024-01-02");
  /* A whole year: the last working day of 2025 is Wednesday 12-31, 249 days on is the first of
   * 2026. */
  assert_add (calendar, "2024-12-31", 248, "2025-12-31");
  assert_add (calendar, "2024-12-31", 249, "2026-01-04");
  assert_add (calendar, "2023-12-31", 251 + 248 + 248, "2026-12-31");

  /* Counting back: 10-13, 10-11, 10-10, 10-09, then 09-30 before the holiday. */
  assert_add (calendar, "2025-10-14", -5, "2025-09-30");
  assert_add (calendar, "2025-10-09", -1, "2025-09-30");
  assert_add (calendar, "2025-10-05", -1, "2025-09-30");
  assert_add (calendar, "2025-09-29", -1, "2025-09-28");
  /* 01-04 make-up Sunday, then 01-01 … 01-03 off, then 2025-12-31. */
  assert_add (calendar, "2026-01-05", -2, "2025-12-31");
  assert_add (calendar, "2026-01-01", -1, "2025-12-31");
  assert_add (calendar, "2027-01-01", -1, "2026-12-31");
}

static void
test_count_workdays (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();

  g_assert_cmpint (count (calendar, "2025-09-30", "2025-10-14"), ==, 5);
  g_assert_cmpint (count (calendar, "2025-10-14", "2025-09-30"), ==, -5);
  g_assert_cmpint (count (calendar, "2025-10-01", "2025-10-08"), ==, 0);
  g_assert_cmpint (count (calendar, "2025-09-30", "2025-10-08"), ==, 0);
  g_assert_cmpint (count (calendar, "2025-09-29", "2025-10-08"), ==, 1);
  g_assert_cmpint (count (calendar, "2025-12-31", "2026-01-04"), ==, 1);
  /* Back from 01-04, which is left out: 01-03 … 01-01 off, 2025-12-31 a Wednesday. */
  g_assert_cmpint (count (calendar, "2026-01-04", "2025-12-31"), ==, -1);
  g_assert_cmpint (count (calendar, "2026-01-05", "2025-12-31"), ==, -2);
  g_assert_cmpint (count (calendar, "2025-10-11", "2025-10-11"), ==, 0);
  g_assert_cmpint (count (calendar, "2030-01-01", "2030-01-01"), ==, 0);
}

/* add_workdays against a plain walk over is_workday, and count_workdays as its inverse, for
 * every start from 2024-01-01 to 2026-12-31 and -45 … 45 working days. */
static void
test_against_walk (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  GDate start, end;
  guint checked = 0;

  date_set (&start, "2024-01-01");
  date_set (&end, "2026-12-31");
  for (; g_date_compare (&start, &end) <= 0; g_date_add_days (&start, 1))
    {
      for (int n = -45; n <= 45; n++)
        {
          g_autoptr(GError) error = NULL;
          GDate out, walk;
          int left = ABS (n);
          int back = G_MININT;
          gboolean walk_ok = TRUE;
          gboolean ok;

          walk = start;
          while (left > 0)
            {
              gboolean works = FALSE;

              if (n > 0)
                g_date_add_days (&walk, 1);
              else
                g_date_subtract_days (&walk, 1);
              if (!jd_calendar_is_workday (calendar, &walk, &works, NULL))
                {
                  walk_ok = FALSE;
                  break;
                }
              left -= works;
            }

          g_date_clear (&out, 1);
          ok = jd_calendar_add_workdays (calendar, &start, n, &out, &error);
          g_assert_cmpint (ok, ==, walk_ok);
          if (!ok)
            {
              g_assert_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_UNKNOWN_YEAR);
              continue;
            }

          g_assert_cmpint (g_date_get_julian (&out), ==, g_date_get_julian (&walk));
          g_assert_true (jd_calendar_count_workdays (calendar, &start, &out, &back, NULL));
          g_assert_cmpint (back, ==, n);
          checked++;
        }
    }

  /* Only the ends of the range reach 2023 or 2027. */
  g_assert_cmpuint (checked, >, 1096 * 91 * 9 / 10);
}

static void
assert_unknown (GError *error,
                int     year)
{
  g_autofree char *expected = g_strdup_printf ("calendar for %d unknown", year);

  g_assert_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_UNKNOWN_YEAR);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
test_unknown_year (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  g_autoptr(JdCalendar) empty = jd_calendar_new ();
  g_autoptr(GError) error = NULL;
  gboolean works = 42;
  GDate date, out, to;
  int n = 42;

  date_set (&date, "2027-01-04");
  g_assert_false (jd_calendar_is_workday (calendar, &date, &works, &error));
  g_assert_cmpstr (error->message, ==, "calendar for 2027 unknown");
  assert_unknown (error, 2027);
  g_assert_cmpint (works, ==, 42);
  g_clear_error (&error);

  date_set (&date, "2025-10-01");
  g_assert_false (jd_calendar_is_workday (empty, &date, &works, &error));
  assert_unknown (error, 2025);
  g_clear_error (&error);

  /* Computations that run into 2027 fail, naming it, and leave @out alone. */
  date_set (&date, "2026-12-25");
  date_set (&out, "2000-01-01");
  g_assert_false (jd_calendar_add_workdays (calendar, &date, 10, &out, &error));
  assert_unknown (error, 2027);
  g_assert_cmpint (g_date_get_year (&out), ==, 2000);
  g_clear_error (&error);

  /* 12-28 … 12-31 are the last four working days of 2026. */
  g_assert_true (jd_calendar_add_workdays (calendar, &date, 4, &out, NULL));
  g_assert_false (jd_calendar_add_workdays (calendar, &date, 5, &out, &error));
  assert_unknown (error, 2027);
  g_clear_error (&error);

  date_set (&date, "2026-12-31");
  g_assert_false (jd_calendar_add_workdays (calendar, &date, 1, &out, &error));
  assert_unknown (error, 2027);
  g_clear_error (&error);

  date_set (&date, "2026-12-01");
  date_set (&to, "2027-01-10");
  g_assert_false (jd_calendar_count_workdays (calendar, &date, &to, &n, &error));
  assert_unknown (error, 2027);
  g_assert_cmpint (n, ==, 42);
  g_clear_error (&error);

  g_assert_false (jd_calendar_count_workdays (calendar, &to, &date, &n, &error));
  assert_unknown (error, 2027);
  g_clear_error (&error);

  /* Counting back into 2023: 2024-01-01 is off, so the working day before 01-02 is in 2023. */
  date_set (&date, "2024-01-02");
  g_assert_false (jd_calendar_add_workdays (calendar, &date, -1, &out, &error));
  assert_unknown (error, 2023);
  g_clear_error (&error);

  /* Years outside the range the calendar can hold at all. */
  date_set (&date, "1990-06-01");
  g_assert_false (jd_calendar_is_workday (calendar, &date, &works, &error));
  assert_unknown (error, 1990);
  g_clear_error (&error);

  date_set (&date, "2199-12-31");
  g_assert_false (jd_calendar_add_workdays (calendar, &date, 1, &out, &error));
  assert_unknown (error, 2200);
  g_clear_error (&error);

  /* Years in between are needed too, not only the ends. */
  {
    g_autoptr(JdCalendar) gap = jd_calendar_new ();
    g_autoptr(GBytes) bytes = NULL;
    g_autofree char *contents = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "..", "data",
                                                             "calendar", "2024.json", NULL),
                                        &contents, &length, NULL));
    bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    g_assert_true (jd_calendar_load_bytes (gap, bytes, "2024.json", NULL));
    g_clear_pointer (&bytes, g_bytes_unref);
    g_assert_true (g_file_get_contents (g_test_get_filename (G_TEST_DIST, "..", "data",
                                                             "calendar", "2026.json", NULL),
                                        &contents, &length, NULL));
    bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
    g_assert_true (jd_calendar_load_bytes (gap, bytes, "2026.json", NULL));

    date_set (&date, "2024-12-20");
    date_set (&to, "2026-01-10");
    g_assert_false (jd_calendar_count_workdays (gap, &date, &to, &n, &error));
    assert_unknown (error, 2025);
    g_clear_error (&error);
    g_assert_false (jd_calendar_add_workdays (gap, &date, 30, &out, &error));
    assert_unknown (error, 2025);
    g_clear_error (&error);
    g_assert_false (jd_calendar_add_workdays (gap, &to, -30, &out, &error));
    assert_unknown (error, 2025);
  }
}

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
}

static const char calendar_2027[] =
  "{ \"year\": 2027, \"source\": \"test\", \"note\": \"unknown members are ignored\",\n"
  "  \"holidays\": [{ \"name\": \"元旦\", \"off\": [\"2027-01-01\"] }],\n"
  "  \"workdays\": [] }";
/* A 2026 without holidays, unlike the bundled one. */
static const char plain_2026[] =
  "{ \"year\": 2026, \"source\": \"replacement\", \"holidays\": [], \"workdays\": [] }";
static const char bad_2028[] =
  "{ \"year\": 2028, \"source\": \"test\", \"holidays\": [], \"workdays\": [\"2028-01-05\"] }";

static void
test_load_dir (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = jd_test_tmp_dir ();
  g_autoptr(GFile) dir = g_file_new_for_path (tmp);
  g_autoptr(GArray) years = NULL;
  g_autofree char *source = NULL;

  write_file (tmp, "2027.json", calendar_2027);
  write_file (tmp, "2026.json", plain_2026);
  /* Not calendars: ignored, though they would not parse. */
  write_file (tmp, "2026.json~", "junk");
  write_file (tmp, "README", "junk");
  write_file (tmp, "12026.json", "junk");

  g_assert_true (jd_calendar_load_dir (calendar, dir, &error));
  g_assert_no_error (error);

  years = jd_calendar_get_years (calendar);
  g_assert_cmpuint (years->len, ==, 4);
  g_assert_cmpint (g_array_index (years, int, 3), ==, 2027);
  source = jd_calendar_dup_source (calendar, 2026);
  g_assert_cmpstr (source, ==, "replacement");

  /* 2026 replaced: National Day is a Thursday like any other, 01-04 an ordinary Sunday. */
  g_assert_true (is_workday (calendar, "2026-10-01"));
  g_assert_false (is_workday (calendar, "2026-01-04"));
  g_assert_true (is_workday (calendar, "2025-10-11"));
  /* 2027: 01-01 Friday off, then a weekend. */
  g_assert_false (is_workday (calendar, "2027-01-01"));
  g_assert_true (is_workday (calendar, "2027-01-04"));
  assert_add (calendar, "2026-12-31", 1, "2027-01-04");
  assert_add (calendar, "2025-12-31", 1, "2026-01-01");

  /* All or nothing: a bad file keeps the good one beside it out. */
  jd_test_rm_dir (tmp);
  g_assert_no_errno (g_mkdir (tmp, 0700));
  write_file (tmp, "2029.json", "{ \"year\": 2029, \"source\": \"t\", \"holidays\": [], "
                                "\"workdays\": [] }");
  write_file (tmp, "2028.json", bad_2028);
  g_assert_false (jd_calendar_load_dir (calendar, dir, &error));
  g_assert_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2028.json"));
  g_assert_nonnull (strstr (error->message, "workdays[0]"));
  g_assert_false (jd_calendar_has_year (calendar, 2028));
  g_assert_false (jd_calendar_has_year (calendar, 2029));
  g_clear_error (&error);

  /* A file must hold the year it is named after. */
  write_file (tmp, "2028.json", calendar_2027);
  g_assert_false (jd_calendar_load_dir (calendar, dir, &error));
  g_assert_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2028.json: year:"));
  g_clear_error (&error);
  jd_test_rm_dir (tmp);

  g_assert_false (jd_calendar_load_dir (calendar, dir, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

static void
test_malformed (void)
{
  static const struct
  {
    const char *json;
    const char *message; /* what the error must say after "bad.json: " */
  } cases[] = {
    { "{ \"year\": 2025, ", "not valid JSON" },
    { "", "the file is empty" },
    { " \n", "the file is empty" },
    { "[]", "the top level is not a JSON object" },
    { "{ \"source\": \"s\", \"holidays\": [], \"workdays\": [] }", "year: missing" },
    { "{ \"year\": \"2025\", \"source\": \"s\", \"holidays\": [], \"workdays\": [] }",
      "year: not an integer" },
    { "{ \"year\": 1990, \"source\": \"s\", \"holidays\": [], \"workdays\": [] }",
      "year: 1990 is outside 1996–2199" },
    { "{ \"year\": 2025, \"holidays\": [], \"workdays\": [] }", "source: missing" },
    { "{ \"year\": 2025, \"source\": \"\", \"holidays\": [], \"workdays\": [] }", "source: empty" },
    { "{ \"year\": 2025, \"source\": \"s\", \"workdays\": [] }", "holidays: missing" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": {}, \"workdays\": [] }",
      "holidays: not an array" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [] }", "workdays: missing" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [3], \"workdays\": [] }",
      "holidays[0]: not an object" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"off\": [\"2025-01-01\"] }], "
      "\"workdays\": [] }", "holidays[0].name: missing" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"元旦\", \"off\": [] }], "
      "\"workdays\": [] }", "holidays[0].off: empty" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"春节\", "
      "\"off\": [\"2025-02-30\"] }], \"workdays\": [] }",
      "holidays[0].off[0]: “2025-02-30” is not a date (expected YYYY-MM-DD)" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"春节\", "
      "\"off\": [\"2025-2-03\"] }], \"workdays\": [] }",
      "holidays[0].off[0]: “2025-2-03” is not a date" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"春节\", "
      "\"off\": [20250128] }], \"workdays\": [] }", "holidays[0].off[0]: not a date" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"元旦\", "
      "\"off\": [\"2024-12-31\"] }], \"workdays\": [] }",
      "holidays[0].off[0]: 2024-12-31 is not in 2025" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"春节\", "
      "\"off\": [{ \"from\": \"2025-02-04\", \"to\": \"2025-01-28\" }] }], \"workdays\": [] }",
      "holidays[0].off[0]: the range ends before it starts" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"春节\", "
      "\"off\": [{ \"to\": \"2025-01-28\" }] }], \"workdays\": [] }",
      "holidays[0].off[0].from: missing" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"春节\", "
      "\"off\": [{ \"from\": \"2025-01-28\", \"to\": \"2025-13-01\" }] }], \"workdays\": [] }",
      "holidays[0].off[0].to: “2025-13-01” is not a date" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": ["
      "{ \"name\": \"春节\", \"off\": [{ \"from\": \"2025-01-28\", \"to\": \"2025-02-04\" }] },"
      "{ \"name\": \"元宵\", \"off\": [\"2025-02-01\"] }], \"workdays\": [] }",
      "holidays[1].off[0]: 2025-02-01 is already a day off of 春节" },
    /* 2025-10-15 is a Wednesday. */
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [], "
      "\"workdays\": [\"2025-10-11\", \"2025-10-15\"] }",
      "workdays[1]: 2025-10-15 is not a Saturday or Sunday, so it cannot be a make-up workday" },
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [], "
      "\"workdays\": [\"2025-10-11\", \"2025-10-11\"] }",
      "workdays[1]: 2025-10-11 is listed twice" },
    /* 2025-10-04 is a Saturday inside the holiday. */
    { "{ \"year\": 2025, \"source\": \"s\", \"holidays\": [{ \"name\": \"国庆节\", "
      "\"off\": [{ \"from\": \"2025-10-01\", \"to\": \"2025-10-08\" }] }], "
      "\"workdays\": [\"2025-10-04\"] }",
      "workdays[0]: 2025-10-04 cannot be a workday and a day off of 国庆节" },
  };
  g_autoptr(JdCalendar) calendar = bundled ();

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autofree char *prefix = g_strconcat ("bad.json: ", cases[i].message, NULL);

      g_test_message ("case %u: %s", i, cases[i].message);
      g_assert_false (jd_calendar_load_bytes (calendar, bytes, "bad.json", &error));
      g_assert_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, prefix))
        g_error ("case %u: “%s” does not start with “%s”", i, error->message, prefix);
    }

  /* Nothing of the bad files was taken. */
  g_assert_false (is_workday (calendar, "2025-10-01"));
  g_assert_true (is_workday (calendar, "2025-10-11"));
  g_assert_true (is_workday (calendar, "2025-10-15"));
}

static gpointer
get_default_cb (gpointer data)
{
  return jd_calendar_get_default ();
}

/* The only test that asks for the default calendar, which is built once per process. */
static void
test_default (void)
{
  g_autofree char *user_dir = g_build_filename (g_get_user_data_dir (), "jiandu", "calendar",
                                                NULL);
  g_autofree char *jiandu_dir = g_path_get_dirname (user_dir);
  g_autofree char *env_dir = jd_test_tmp_dir ();
  g_autofree char *env_name = NULL;
  GThread *threads[4];
  JdCalendar *calendar;

  g_assert_no_errno (g_mkdir_with_parents (user_dir, 0700));
  write_file (user_dir, "2027.json", calendar_2027);
  write_file (user_dir, "2028.json", bad_2028);
  write_file (user_dir, "2026.json", plain_2026);
  /* The test directory comes last and wins: its 2027 has 01-04 off too. */
  write_file (env_dir, "2027.json",
              "{ \"year\": 2027, \"source\": \"env\", \"holidays\": [{ \"name\": \"元旦\", "
              "\"off\": [\"2027-01-01\", \"2027-01-04\"] }], \"workdays\": [] }");
  g_setenv ("JIANDU_CALENDAR_DIR", env_dir, TRUE);

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING,
                         "Calendar file skipped: *2028.json: workdays[0]: 2028-01-05 *");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("calendar", get_default_cb, NULL);
  calendar = jd_calendar_get_default ();
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_true (g_thread_join (threads[i]) == calendar);
  g_assert_true (jd_calendar_get_default () == calendar);
  g_test_assert_expected_messages ();

  g_assert_true (jd_calendar_has_year (calendar, 2024));
  g_assert_true (jd_calendar_has_year (calendar, 2025));
  g_assert_true (jd_calendar_has_year (calendar, 2027));
  g_assert_false (jd_calendar_has_year (calendar, 2028));
  g_assert_false (is_workday (calendar, "2025-10-08"));
  /* The user's 2026 replaced the bundled one. */
  g_assert_true (is_workday (calendar, "2026-10-01"));
  env_name = jd_calendar_dup_source (calendar, 2027);
  g_assert_cmpstr (env_name, ==, "env");
  g_assert_false (is_workday (calendar, "2027-01-04"));

  g_unsetenv ("JIANDU_CALENDAR_DIR");
  jd_test_rm_dir (env_dir);
  jd_test_rm_dir (user_dir);
  g_assert_no_errno (g_rmdir (jiandu_dir));
}

/* Measured with -m perf: the rules engine asks these questions millions of times. */
static void
test_perf (void)
{
  g_autoptr(JdCalendar) calendar = bundled ();
  GDate dates[1096];
  const guint rounds = 10000;
  guint workdays = 0;
  double seconds;

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_date_clear (&dates[i], 1);
      g_date_set_dmy (&dates[i], 1, 1, 2024);
      g_date_add_days (&dates[i], i);
    }

  g_test_timer_start ();
  for (guint r = 0; r < rounds; r++)
    for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
      {
        gboolean works;

        jd_calendar_is_workday (calendar, &dates[i], &works, NULL);
        workdays += works;
      }
  seconds = g_test_timer_elapsed ();
  g_assert_cmpuint (workdays, ==, rounds * (251 + 248 + 248));
  g_test_message ("is_workday: %.1f ns per call",
                  seconds * 1e9 / (rounds * G_N_ELEMENTS (dates)));

  g_test_timer_start ();
  for (guint r = 0; r < 100; r++)
    for (guint i = 0; i < 730; i++)
      for (int n = 1; n <= 60; n++)
        {
          GDate out;

          g_assert_true (jd_calendar_add_workdays (calendar, &dates[i], n, &out, NULL));
        }
  seconds = g_test_timer_elapsed ();
  g_test_message ("add_workdays, n = 1 to 60: %.1f ns per call", seconds * 1e9 / (100 * 730 * 60));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = jd_test_tmp_dir ();
  int status;

  /* A data folder of our own rather than G_TEST_OPTION_ISOLATE_DIRS, which leaks in GLib 2.74,
   * and set before anything reads it: GLib keeps the first value. */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_unsetenv ("JIANDU_CALENDAR_DIR");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/bundled-years", test_bundled_years);
  g_test_add_func ("/calendar/weekends", test_weekends);
  g_test_add_func ("/calendar/holidays-2024", test_holidays_2024);
  g_test_add_func ("/calendar/holidays-2025", test_holidays_2025);
  g_test_add_func ("/calendar/holidays-2026", test_holidays_2026);
  g_test_add_func ("/calendar/makeup-workdays", test_makeup_workdays);
  g_test_add_func ("/calendar/year-totals", test_year_totals);
  g_test_add_func ("/calendar/add-workdays", test_add_workdays);
  g_test_add_func ("/calendar/count-workdays", test_count_workdays);
  g_test_add_func ("/calendar/against-walk", test_against_walk);
  g_test_add_func ("/calendar/unknown-year", test_unknown_year);
  g_test_add_func ("/calendar/load-dir", test_load_dir);
  g_test_add_func ("/calendar/malformed", test_malformed);
  g_test_add_func ("/calendar/default", test_default);
  if (g_test_perf ())
    g_test_add_func ("/calendar/perf", test_perf);

  status = g_test_run ();
  g_rmdir (data_home);
  return status;
}
