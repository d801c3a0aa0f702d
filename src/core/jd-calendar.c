#include "jd-calendar.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "jd-core-resources.h"

G_DEFINE_QUARK (jd-calendar-error-quark, jd_calendar_error)

#define N_YEARS (JD_CALENDAR_LAST_YEAR - JD_CALENDAR_FIRST_YEAR + 1)
#define MAX_HOLIDAYS G_MAXUINT8
#define BUNDLED_DIR "/io/github/jiandu/core/calendar"

/* Days of the year are numbered from 1. The rules engine asks millions of questions, so a year
 * is kept as running totals: whether a day is a working day, and how many there are between
 * two days, are then one or two array reads, and finding the n-th working day is a binary
 * search. */
typedef struct
{
  int        year;
  int        n_days;
  guint32    jan1;              /* Julian day of 1 January */
  guint16    total[367];        /* working days among days 1 … d, total[0] = 0 */
  guint8     holiday[367];      /* 1 + index into holidays of the day off d belongs to, or 0 */
  GPtrArray *holidays;          /* names, char * */
  char      *source;
} Year;

struct _JdCalendar
{
  GObject parent_instance;

  /* Owned references */
  Year *years[N_YEARS];
};

G_DEFINE_FINAL_TYPE (JdCalendar, jd_calendar, G_TYPE_OBJECT)

static void
year_free (Year *year)
{
  if (year == NULL)
    return;

  g_clear_pointer (&year->holidays, g_ptr_array_unref);
  g_free (year->source);
  g_free (year);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Year, year_free)

static int
days_in_year (int year)
{
  gboolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

  return leap ? 366 : 365;
}

static void
jd_calendar_finalize (GObject *object)
{
  JdCalendar *self = JD_CALENDAR (object);

  for (guint i = 0; i < N_YEARS; i++)
    g_clear_pointer (&self->years[i], year_free);

  G_OBJECT_CLASS (jd_calendar_parent_class)->finalize (object);
}

static void
jd_calendar_class_init (JdCalendarClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_calendar_finalize;
}

static void
jd_calendar_init (JdCalendar *self)
{
}

JdCalendar *
jd_calendar_new (void)
{
  return g_object_new (JD_TYPE_CALENDAR, NULL);
}

/* Parsing */

static gboolean invalid (GError    **error,
                         const char *name,
                         const char *path,
                         const char *format,
                         ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid (GError    **error,
         const char *name,
         const char *path,
         const char *format,
         ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (path != NULL)
    g_set_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_INVALID, "%s: %s: %s", name, path,
                 what);
  else
    g_set_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_INVALID, "%s: %s", name, what);
  return FALSE;
}

static JsonNode *
require_member (JsonObject  *object,
                const char  *member,
                JsonNodeType type,
                const char  *name,
                const char  *path,
                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_path = path != NULL ? g_strdup_printf ("%s.%s", path, member)
                                              : g_strdup (member);

  if (node == NULL)
    {
      invalid (error, name, member_path, _("missing"));
      return NULL;
    }
  if (JSON_NODE_TYPE (node) != type)
    {
      invalid (error, name, member_path,
               type == JSON_NODE_ARRAY ? _("not an array")
               : type == JSON_NODE_OBJECT ? _("not an object") : _("not a string"));
      return NULL;
    }
  if (type == JSON_NODE_VALUE && json_node_get_value_type (node) != G_TYPE_STRING)
    {
      invalid (error, name, member_path, _("not a string"));
      return NULL;
    }

  return node;
}

static gboolean
is_date_text (const char *text)
{
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
        return FALSE;
    }

  return text[10] == '\0';
}

static int
digits_value (const char *text,
              int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (text[i] - '0');

  return value;
}

/* The day of @year that @node, a "YYYY-MM-DD" string, names. */
static gboolean
parse_date (JsonNode   *node,
            int         year,
            const char *name,
            const char *path,
            int        *day_out,
            GError    **error)
{
  const char *text;
  GDate date;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (error, name, path, _("not a date (expected YYYY-MM-DD)"));

  text = json_node_get_string (node);
  if (!is_date_text (text) || !g_date_valid_dmy (digits_value (text + 8, 2),
                                                 digits_value (text + 5, 2),
                                                 digits_value (text, 4)))
    {
      /* Translators: %s is the text found where a date should be. */
      return invalid (error, name, path, _("“%s” is not a date (expected YYYY-MM-DD)"), text);
    }
  if (digits_value (text, 4) != year)
    {
      /* Translators: the calendar file of one year lists a date of another. */
      return invalid (error, name, path, _("%s is not in %d"), text, year);
    }

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, digits_value (text + 8, 2), digits_value (text + 5, 2), year);
  *day_out = g_date_get_day_of_year (&date);
  return TRUE;
}

static void
format_day (Year *year,
            int   day,
            char  buffer[static 11])
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, year->jan1 + day - 1);
  g_date_strftime (buffer, 11, "%Y-%m-%d", &date);
}

static gboolean
mark_off (Year       *year,
          int         day,
          guint8      holiday,
          const char *name,
          const char *path,
          GError    **error)
{
  char text[11];

  if (year->holiday[day] != 0)
    {
      format_day (year, day, text);
      /* Translators: the first %s is a date, the second the name of a holiday such as 春节. */
      return invalid (error, name, path, _("%s is already a day off of %s"), text,
                      (char *) g_ptr_array_index (year->holidays, year->holiday[day] - 1));
    }

  year->holiday[day] = holiday;
  return TRUE;
}

static gboolean
parse_off (Year       *year,
           JsonNode   *node,
           guint8      holiday,
           const char *name,
           const char *path,
           GError    **error)
{
  g_autofree char *from_path = NULL;
  g_autofree char *to_path = NULL;
  JsonObject *range;
  JsonNode *from_node, *to_node;
  int day, from, to;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      if (!parse_date (node, year->year, name, path, &day, error))
        return FALSE;
      return mark_off (year, day, holiday, name, path, error);
    }

  range = json_node_get_object (node);
  if ((from_node = require_member (range, "from", JSON_NODE_VALUE, name, path, error)) == NULL
      || (to_node = require_member (range, "to", JSON_NODE_VALUE, name, path, error)) == NULL)
    return FALSE;

  from_path = g_strdup_printf ("%s.from", path);
  to_path = g_strdup_printf ("%s.to", path);
  if (!parse_date (from_node, year->year, name, from_path, &from, error)
      || !parse_date (to_node, year->year, name, to_path, &to, error))
    return FALSE;
  if (to < from)
    return invalid (error, name, path, _("the range ends before it starts"));

  for (day = from; day <= to; day++)
    if (!mark_off (year, day, holiday, name, path, error))
      return FALSE;

  return TRUE;
}

static gboolean
parse_holidays (Year       *year,
                JsonArray  *holidays,
                const char *name,
                GError    **error)
{
  guint n = json_array_get_length (holidays);

  if (n > MAX_HOLIDAYS)
    return invalid (error, name, "holidays", _("more than %d holidays"), MAX_HOLIDAYS);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_strdup_printf ("holidays[%u]", i);
      JsonNode *node = json_array_get_element (holidays, i);
      JsonObject *object;
      JsonNode *name_node, *off_node;
      JsonArray *off;
      const char *holiday_name;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return invalid (error, name, path, _("not an object"));

      object = json_node_get_object (node);
      if ((name_node = require_member (object, "name", JSON_NODE_VALUE, name, path, error)) == NULL
          || (off_node = require_member (object, "off", JSON_NODE_ARRAY, name, path,
                                         error)) == NULL)
        return FALSE;

      holiday_name = json_node_get_string (name_node);
      if (holiday_name[0] == '\0')
        {
          g_autofree char *name_path = g_strdup_printf ("%s.name", path);

          return invalid (error, name, name_path, _("empty"));
        }
      g_ptr_array_add (year->holidays, g_strdup (holiday_name));

      off = json_node_get_array (off_node);
      if (json_array_get_length (off) == 0)
        {
          g_autofree char *off_path = g_strdup_printf ("%s.off", path);

          return invalid (error, name, off_path, _("empty"));
        }

      for (guint j = 0; j < json_array_get_length (off); j++)
        {
          g_autofree char *off_path = g_strdup_printf ("%s.off[%u]", path, j);

          if (!parse_off (year, json_array_get_element (off, j), i + 1, name, off_path, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* Make-up workdays are marked in @is_workday, which holds the weekdays already. */
static gboolean
parse_workdays (Year       *year,
                JsonArray  *workdays,
                gboolean   *is_workday,
                const char *name,
                GError    **error)
{
  for (guint i = 0; i < json_array_get_length (workdays); i++)
    {
      g_autofree char *path = g_strdup_printf ("workdays[%u]", i);
      char text[11];
      GDate date;
      int day;

      if (!parse_date (json_array_get_element (workdays, i), year->year, name, path, &day, error))
        return FALSE;

      format_day (year, day, text);
      g_date_clear (&date, 1);
      g_date_set_julian (&date, year->jan1 + day - 1);
      if (g_date_get_weekday (&date) <= G_DATE_FRIDAY)
        {
          /* Translators: %s is a date listed as a make-up workday (调休上班日). */
          return invalid (error, name, path,
                          _("%s is not a Saturday or Sunday, so it cannot be a make-up workday"),
                          text);
        }
      if (is_workday[day])
        {
          /* Translators: %s is a date. */
          return invalid (error, name, path, _("%s is listed twice"), text);
        }
      if (year->holiday[day] != 0)
        {
          /* Translators: the first %s is a date, the second the name of a holiday. */
          return invalid (error, name, path, _("%s cannot be a workday and a day off of %s"), text,
                          (char *) g_ptr_array_index (year->holidays, year->holiday[day] - 1));
        }

      is_workday[day] = TRUE;
    }

  return TRUE;
}

static Year *
year_parse (GBytes     *bytes,
            const char *name,
            int         expected_year,
            GError    **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(Year) year = NULL;
  gboolean is_workday[367] = { FALSE };
  JsonNode *root, *node;
  JsonObject *object;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  gint64 number;
  GDate date;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      invalid (error, name, NULL, _("not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      invalid (error, name, NULL, _("the file is empty"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      invalid (error, name, NULL, _("the top level is not a JSON object"));
      return NULL;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "year");
  if (node == NULL)
    {
      invalid (error, name, "year", _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      invalid (error, name, "year", _("not an integer"));
      return NULL;
    }
  number = json_node_get_int (node);
  if (number < JD_CALENDAR_FIRST_YEAR || number > JD_CALENDAR_LAST_YEAR)
    {
      invalid (error, name, "year", _("%lld is outside %d–%d"), (long long) number,
               JD_CALENDAR_FIRST_YEAR, JD_CALENDAR_LAST_YEAR);
      return NULL;
    }
  if (expected_year != 0 && number != expected_year)
    {
      invalid (error, name, "year", _("%lld does not match the file name"), (long long) number);
      return NULL;
    }

  year = g_new0 (Year, 1);
  year->year = (int) number;
  year->n_days = days_in_year (year->year);
  year->holidays = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, year->year);
  year->jan1 = g_date_get_julian (&date);

  if ((node = require_member (object, "source", JSON_NODE_VALUE, name, NULL, error)) == NULL)
    return NULL;
  year->source = g_strdup (json_node_get_string (node));
  if (year->source[0] == '\0')
    {
      invalid (error, name, "source", _("empty"));
      return NULL;
    }

  if ((node = require_member (object, "holidays", JSON_NODE_ARRAY, name, NULL, error)) == NULL
      || !parse_holidays (year, json_node_get_array (node), name, error))
    return NULL;

  /* GDateWeekday runs from G_DATE_MONDAY = 1 to G_DATE_SUNDAY = 7. */
  for (int day = 1, weekday = g_date_get_weekday (&date); day <= year->n_days;
       day++, weekday = weekday % 7 + 1)
    is_workday[day] = weekday <= G_DATE_FRIDAY;

  if ((node = require_member (object, "workdays", JSON_NODE_ARRAY, name, NULL, error)) == NULL
      || !parse_workdays (year, json_node_get_array (node), is_workday, name, error))
    return NULL;

  for (int day = 1; day <= year->n_days; day++)
    year->total[day] = year->total[day - 1] + (is_workday[day] && year->holiday[day] == 0);

  return g_steal_pointer (&year);
}

static void
install (JdCalendar *self,
         Year       *year)
{
  Year **slot = &self->years[year->year - JD_CALENDAR_FIRST_YEAR];

  g_clear_pointer (slot, year_free);
  *slot = year;
}

gboolean
jd_calendar_load_bytes (JdCalendar *self,
                        GBytes     *bytes,
                        const char *name,
                        GError    **error)
{
  Year *year;

  g_return_val_if_fail (JD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  year = year_parse (bytes, name, 0, error);
  if (year == NULL)
    return FALSE;

  install (self, year);
  return TRUE;
}

/* The year a file name such as "2025.json" stands for, or 0. */
static int
year_of_file_name (const char *file_name)
{
  if (strlen (file_name) != 9 || !g_str_has_suffix (file_name, ".json"))
    return 0;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (file_name[i]))
      return 0;

  return (int) g_ascii_strtoll (file_name, NULL, 10);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names of the YYYY.json files in @dir, sorted. */
static GPtrArray *
list_year_files (GFile   *dir,
                 GError **error)
{
  g_autoptr(GFileEnumerator) enumerator = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  enumerator = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                          G_FILE_QUERY_INFO_NONE, NULL, error);
  if (enumerator == NULL)
    return NULL;

  for (;;)
    {
      GFileInfo *info;

      if (!g_file_enumerator_iterate (enumerator, &info, NULL, NULL, error))
        return NULL;
      if (info == NULL)
        break;
      if (year_of_file_name (g_file_info_get_name (info)) != 0)
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
    }

  g_ptr_array_sort (names, compare_strings);
  return g_steal_pointer (&names);
}

static Year *
year_load_file (GFile   *file,
                GError **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GBytes) bytes = NULL;
  gsize length;

  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, error))
    return NULL;

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return year_parse (bytes, name, year_of_file_name (basename), error);
}

/* With @lenient, a bad file or a missing folder is skipped with a warning (a missing folder
 * silently) and the rest loaded; without, they make it fail and nothing is loaded. */
static gboolean
load_dir (JdCalendar *self,
          GFile      *dir,
          gboolean    lenient,
          GError    **error)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) year_free);
  g_autoptr(GError) local_error = NULL;

  names = list_year_files (dir, &local_error);
  if (names == NULL)
    {
      if (!lenient)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_warning ("Calendar folder skipped: %s", local_error->message);
      return TRUE;
    }

  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr(GFile) file = g_file_get_child (dir, g_ptr_array_index (names, i));
      Year *year = year_load_file (file, &local_error);

      if (year != NULL)
        g_ptr_array_add (years, year);
      else if (!lenient)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      else
        {
          g_warning ("Calendar file skipped: %s", local_error->message);
          g_clear_error (&local_error);
        }
    }

  for (guint i = 0; i < years->len; i++)
    install (self, g_steal_pointer (&years->pdata[i]));

  return TRUE;
}

gboolean
jd_calendar_load_dir (JdCalendar *self,
                      GFile      *dir,
                      GError    **error)
{
  g_return_val_if_fail (JD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (dir), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return load_dir (self, dir, FALSE, error);
}

gboolean
jd_calendar_load_resources (JdCalendar *self,
                            const char *resource_dir,
                            GError    **error)
{
  g_auto(GStrv) children = NULL;
  g_autoptr(GPtrArray) years = g_ptr_array_new_with_free_func ((GDestroyNotify) year_free);

  g_return_val_if_fail (JD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (resource_dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  children = g_resources_enumerate_children (resource_dir, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (children == NULL)
    return FALSE;

  qsort (children, g_strv_length (children), sizeof (char *), compare_strings);
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      int expected_year = year_of_file_name (children[i]);
      Year *year;

      if (expected_year == 0)
        continue;

      path = g_build_path ("/", resource_dir, children[i], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return FALSE;

      year = year_parse (bytes, path, expected_year, error);
      if (year == NULL)
        return FALSE;
      g_ptr_array_add (years, year);
    }

  for (guint i = 0; i < years->len; i++)
    install (self, g_steal_pointer (&years->pdata[i]));

  return TRUE;
}

static JdCalendar *
build_default (void)
{
  g_autoptr(JdCalendar) self = jd_calendar_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) user_dir = NULL;
  const char *env_dir;

  /* Referencing the core resource keeps its object file, which registers it, in programs that
   * link the static core library but nothing else that uses resources. */
  g_assert (jd_core_get_resource () != NULL);

  if (!jd_calendar_load_resources (self, BUNDLED_DIR, &error))
    g_critical ("Bundled calendar not loaded: %s", error->message);

  user_dir = g_file_new_build_filename (g_get_user_data_dir (), "jiandu", "calendar", NULL);
  load_dir (self, user_dir, TRUE, NULL);

  env_dir = g_getenv ("JIANDU_CALENDAR_DIR");
  if (env_dir != NULL && env_dir[0] != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (env_dir);

      load_dir (self, dir, TRUE, NULL);
    }

  return g_steal_pointer (&self);
}

JdCalendar *
jd_calendar_get_default (void)
{
  static JdCalendar *default_calendar;

  if (g_once_init_enter (&default_calendar))
    g_once_init_leave (&default_calendar, build_default ());

  return default_calendar;
}

/* Queries */

static Year *
lookup (JdCalendar *self,
        int         year,
        GError    **error)
{
  Year *found = NULL;

  if (year >= JD_CALENDAR_FIRST_YEAR && year <= JD_CALENDAR_LAST_YEAR)
    found = self->years[year - JD_CALENDAR_FIRST_YEAR];

  if (found == NULL)
    {
      /* Translators: the rules engine shows this when a time limit counted in working days
       * needs the holiday notice of a year that is not loaded yet. */
      g_set_error (error, JD_CALENDAR_ERROR, JD_CALENDAR_ERROR_UNKNOWN_YEAR,
                   _("calendar for %d unknown"), year);
    }

  return found;
}

gboolean
jd_calendar_has_year (JdCalendar *self,
                      int         year)
{
  g_return_val_if_fail (JD_IS_CALENDAR (self), FALSE);

  return lookup (self, year, NULL) != NULL;
}

GArray *
jd_calendar_get_years (JdCalendar *self)
{
  GArray *years;

  g_return_val_if_fail (JD_IS_CALENDAR (self), NULL);

  years = g_array_new (FALSE, FALSE, sizeof (int));
  for (int i = 0; i < N_YEARS; i++)
    if (self->years[i] != NULL)
      g_array_append_val (years, self->years[i]->year);

  return years;
}

char *
jd_calendar_dup_source (JdCalendar *self,
                        int         year)
{
  Year *found;

  g_return_val_if_fail (JD_IS_CALENDAR (self), NULL);

  found = lookup (self, year, NULL);
  return found != NULL ? g_strdup (found->source) : NULL;
}

gboolean
jd_calendar_is_workday (JdCalendar  *self,
                        const GDate *date,
                        gboolean    *is_workday,
                        GError     **error)
{
  Year *year;
  int day;

  g_return_val_if_fail (JD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (is_workday != NULL, FALSE);

  year = lookup (self, g_date_get_year (date), error);
  if (year == NULL)
    return FALSE;

  day = g_date_get_day_of_year (date);
  *is_workday = year->total[day] != year->total[day - 1];
  return TRUE;
}

char *
jd_calendar_dup_holiday (JdCalendar  *self,
                         const GDate *date)
{
  Year *year;
  int day;

  g_return_val_if_fail (JD_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  year = lookup (self, g_date_get_year (date), NULL);
  if (year == NULL)
    return NULL;

  day = g_date_get_day_of_year (date);
  if (year->holiday[day] == 0)
    return NULL;

  return g_strdup (g_ptr_array_index (year->holidays, year->holiday[day] - 1));
}

/* The first day in @low … @high whose running total reaches @target: the working day that is
 * the @target-th of the year. */
static int
find_day (const Year *year,
          int         low,
          int         high,
          int         target)
{
  while (low < high)
    {
      int middle = low + (high - low) / 2;

      if (year->total[middle] < target)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

gboolean
jd_calendar_add_workdays (JdCalendar  *self,
                          const GDate *start,
                          int          n,
                          GDate       *out,
                          GError     **error)
{
  const Year *year = NULL;
  gint64 left = n < 0 ? -(gint64) n : n;
  int number, day;

  g_return_val_if_fail (JD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  if (n == 0)
    {
      *out = *start;
      return TRUE;
    }

  /* Days before (counting back: after) @day in year @number are passed over; a year's calendar
   * is asked for only when the count passes through some of its days. */
  number = g_date_get_year (start);
  day = g_date_get_day_of_year (start);
  for (;;)
    {
      int available;

      if (n > 0 && day < days_in_year (number))
        {
          if ((year = lookup (self, number, error)) == NULL)
            return FALSE;

          available = year->total[year->n_days] - year->total[day];
          if (left <= available)
            {
              day = find_day (year, day + 1, year->n_days, year->total[day] + (int) left);
              break;
            }
          left -= available;
        }
      else if (n < 0 && day > 1)
        {
          if ((year = lookup (self, number, error)) == NULL)
            return FALSE;

          available = year->total[day - 1];
          if (left <= available)
            {
              day = find_day (year, 1, day - 1, available - (int) left + 1);
              break;
            }
          left -= available;
        }

      number += n > 0 ? 1 : -1;
      day = n > 0 ? 0 : days_in_year (number) + 1;
    }

  g_date_clear (out, 1);
  g_date_set_julian (out, year->jan1 + day - 1);
  return TRUE;
}

/* The working days from day @first_day of year @first to day @last_day of year @last, both
 * included; the first comes before the last, or is the same day. */
static gboolean
count_between (JdCalendar *self,
               int         first,
               int         first_day,
               int         last,
               int         last_day,
               gint64     *out,
               GError    **error)
{
  gint64 count = 0;

  for (int number = first; number <= last; number++)
    {
      const Year *year = lookup (self, number, error);
      int low, high;

      if (year == NULL)
        return FALSE;

      low = number == first ? first_day : 1;
      high = number == last ? last_day : year->n_days;
      count += year->total[high] - year->total[low - 1];
    }

  *out = count;
  return TRUE;
}

gboolean
jd_calendar_count_workdays (JdCalendar  *self,
                            const GDate *from,
                            const GDate *to,
                            int         *out,
                            GError     **error)
{
  int order, from_year, from_day, to_year, to_day;
  gint64 count;

  g_return_val_if_fail (JD_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  order = g_date_compare (from, to);
  if (order == 0)
    {
      *out = 0;
      return TRUE;
    }

  from_year = g_date_get_year (from);
  from_day = g_date_get_day_of_year (from);
  to_year = g_date_get_year (to);
  to_day = g_date_get_day_of_year (to);

  /* @from itself is left out: after it when counting forward, before it when counting back. */
  if (order < 0)
    {
      if (from_day == days_in_year (from_year))
        {
          from_year++;
          from_day = 1;
        }
      else
        from_day++;

      if (!count_between (self, from_year, from_day, to_year, to_day, &count, error))
        return FALSE;
    }
  else
    {
      if (from_day == 1)
        {
          from_year--;
          from_day = days_in_year (from_year);
        }
      else
        from_day--;

      if (!count_between (self, to_year, to_day, from_year, from_day, &count, error))
        return FALSE;
      count = -count;
    }

  /* GDate spans fewer than 24 million days, so the count fits. */
  *out = (int) count;
  return TRUE;
}
