#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The working-day calendar (工作日): Monday to Friday, except the days off and plus the make-up
 * workdays (调休) that the State Council announces each year. Statutory time limits counted in
 * working days (e.g. "5 个工作日内") are computed here.
 *
 * One JSON file per year, named YYYY.json:
 *
 *   {
 *     "year": 2025,
 *     "source": "国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)",
 *     "holidays": [
 *       { "name": "元旦", "off": ["2025-01-01"] },
 *       { "name": "春节", "off": [{ "from": "2025-01-28", "to": "2025-02-04" }] }
 *     ],
 *     "workdays": ["2025-01-26", "2025-02-08"]
 *   }
 *
 * "year", "source", "holidays" and "workdays" are required; other members are ignored, so that
 * newer files still load. "off" lists every day off of a holiday, whether it falls on a weekday
 * or a weekend, as single dates or inclusive ranges. "workdays" lists the make-up workdays, each
 * a Saturday or Sunday. Every date is YYYY-MM-DD within "year"; no day may be listed twice. Years
 * before 1996 are refused: the five-day week started on 1 May 1995. */

#define JD_CALENDAR_FIRST_YEAR 1996
#define JD_CALENDAR_LAST_YEAR  2199

#define JD_CALENDAR_ERROR (jd_calendar_error_quark ())

typedef enum
{
  JD_CALENDAR_ERROR_UNKNOWN_YEAR, /* no calendar for a year the computation needs */
  JD_CALENDAR_ERROR_INVALID,      /* a calendar file that breaks the format above */
} JdCalendarError;

GQuark jd_calendar_error_quark (void);

#define JD_TYPE_CALENDAR (jd_calendar_get_type ())

G_DECLARE_FINAL_TYPE (JdCalendar, jd_calendar, JD, CALENDAR, GObject)

/* An empty calendar: every question about a date fails with UNKNOWN_YEAR. */
JdCalendar *jd_calendar_new            (void);

/* The bundled years (resources/…/calendar/), then the files in
 * $XDG_DATA_HOME/jiandu/calendar, then those in $JIANDU_CALENDAR_DIR when set; a later file for a
 * year replaces an earlier one. A bad file there is skipped with a warning. Built once, on the
 * first call from any thread, and never changed afterwards: do not load into it. */
JdCalendar *jd_calendar_get_default    (void);

/* Loading replaces any year loaded before. A calendar that other threads read must not be loaded
 * into meanwhile. @name names the data in error messages, typically the file name. */
gboolean    jd_calendar_load_bytes     (JdCalendar  *self,
                                        GBytes      *bytes,
                                        const char  *name,
                                        GError     **error);
/* Loads every YYYY.json in @dir (other files are ignored), each of which must hold that year. All
 * or nothing: when one file is bad, none is loaded. */
gboolean    jd_calendar_load_dir       (JdCalendar  *self,
                                        GFile       *dir,
                                        GError     **error);
/* The same for a folder of the registered GResources, e.g. "/io/github/jiandu/core/calendar". */
gboolean    jd_calendar_load_resources (JdCalendar  *self,
                                        const char  *resource_dir,
                                        GError     **error);

gboolean    jd_calendar_has_year       (JdCalendar  *self,
                                        int          year);
/* The years known, in ascending order: a new GArray of int. */
GArray     *jd_calendar_get_years      (JdCalendar  *self);
/* The "source" of @year's file, or NULL when the year is unknown. */
char       *jd_calendar_dup_source     (JdCalendar  *self,
                                        int          year);

/* Whether @date is a working day. Fails with UNKNOWN_YEAR when its year is unknown. */
gboolean    jd_calendar_is_workday     (JdCalendar  *self,
                                        const GDate *date,
                                        gboolean    *is_workday,
                                        GError     **error);
/* The name of the holiday @date is a day off of ("春节"), or NULL when it is none or its year is
 * unknown. */
char       *jd_calendar_dup_holiday    (JdCalendar  *self,
                                        const GDate *date);

/* The @n-th working day after @start, as Chinese law counts a time limit: @start itself is not
 * counted, whether or not it is a working day. A negative @n counts back, to the -@n-th working
 * day before @start; 0 gives @start. Fails with UNKNOWN_YEAR, naming the first year without a
 * calendar that the count reaches, and leaves @out alone. */
gboolean    jd_calendar_add_workdays   (JdCalendar  *self,
                                        const GDate *start,
                                        int          n,
                                        GDate       *out,
                                        GError     **error);
/* The number of working days after @from up to and including @to; when @to is before @from, minus
 * the number before @from down to and including @to, the mirror image. So counting from @start
 * to the result of jd_calendar_add_workdays (@start, n) gives n, for any n. Fails like
 * jd_calendar_add_workdays when a year in between is unknown. */
gboolean    jd_calendar_count_workdays (JdCalendar  *self,
                                        const GDate *from,
                                        const GDate *to,
                                        int         *out,
                                        GError     **error);

G_END_DECLS
