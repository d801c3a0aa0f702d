#include "jd-roster-format.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/* "YYYY-MM-DD" into @out; FALSE when it is not a date. */
static gboolean
parse_date (const char *text,
            GDate      *out)
{
  int year, month, day;

  g_date_clear (out, 1);
  if (text == NULL || strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (out, day, month, year);
  return TRUE;
}

void
jd_roster_as_of (GSettings *settings,
                 GDate     *out)
{
  g_autofree char *as_of = g_settings_get_string (settings, "as-of-date");

  if (!parse_date (as_of, out))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (out, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  return object != NULL ? json_object_get_string_member_with_default (object, member, NULL)
                        : NULL;
}

JsonObject *
jd_roster_current_certificate (JdOfficer *officer)
{
  JsonArray *certificates = jd_officer_get_certificates (officer);
  JsonObject *current = NULL;

  for (guint i = 0; certificates != NULL && i < json_array_get_length (certificates); i++)
    {
      JsonObject *certificate = json_array_get_object_element (certificates, i);

      if (certificate == NULL)
        continue;
      if (current == NULL
          || g_strcmp0 (get_string (certificate, "valid_to"), get_string (current, "valid_to")) >= 0)
        current = certificate;
    }
  return current;
}

const char *
jd_roster_certificate_string (JdOfficer  *officer,
                              const char *member)
{
  JsonObject *certificate = jd_roster_current_certificate (officer);

  return certificate != NULL
           ? json_object_get_string_member_with_default (certificate, member, NULL) : NULL;
}

JdCertLevel
jd_roster_certificate_level (JdOfficer   *officer,
                             const GDate *as_of)
{
  JsonObject *certificate = jd_roster_current_certificate (officer);
  const char *status;
  GDate valid_to, warn_from;

  if (certificate == NULL)
    return g_strcmp0 (jd_officer_get_role (officer), "auxiliary") == 0 ? JD_CERT_LEVEL_OK
                                                                       : JD_CERT_LEVEL_INVALID;
  status = get_string (certificate, "status");
  if (g_strcmp0 (status, "suspended") == 0 || g_strcmp0 (status, "revoked") == 0)
    return JD_CERT_LEVEL_INVALID;
  if (!parse_date (get_string (certificate, "valid_to"), &valid_to))
    return JD_CERT_LEVEL_OK;
  if (g_date_compare (&valid_to, as_of) < 0)
    return JD_CERT_LEVEL_INVALID;
  warn_from = valid_to;
  g_date_subtract_months (&warn_from, 2);
  return g_date_compare (as_of, &warn_from) >= 0 ? JD_CERT_LEVEL_EXPIRING : JD_CERT_LEVEL_OK;
}

const char *
jd_roster_level_class (JdCertLevel level)
{
  switch (level)
    {
    case JD_CERT_LEVEL_EXPIRING:
      return "warning";
    case JD_CERT_LEVEL_INVALID:
      return "error";
    case JD_CERT_LEVEL_OK:
    default:
      return NULL;
    }
}

const char *
jd_roster_role_label (const char *role)
{
  if (g_strcmp0 (role, "auxiliary") == 0)
    return _("Auxiliary staff");
  if (g_strcmp0 (role, "officer") == 0)
    return _("Enforcement officer");
  return role != NULL ? role : "";
}

const char *
jd_roster_certificate_status_label (const char *status)
{
  if (g_strcmp0 (status, "valid") == 0)
    return _("Valid");
  if (g_strcmp0 (status, "suspended") == 0)
    return _("Suspended");
  if (g_strcmp0 (status, "revoked") == 0)
    return _("Revoked");
  return status != NULL ? status : "";
}

char *
jd_roster_status_text (JdOfficer   *officer,
                       const GDate *as_of)
{
  JsonObject *certificate = jd_roster_current_certificate (officer);
  const char *status = get_string (certificate, "status");
  GDate valid_to;
  int days;

  if (certificate == NULL)
    return g_strdup (g_strcmp0 (jd_officer_get_role (officer), "auxiliary") == 0
                       ? "" : _("No certificate"));
  if (g_strcmp0 (status, "valid") != 0 && status != NULL)
    return g_strdup (jd_roster_certificate_status_label (status));
  if (!parse_date (get_string (certificate, "valid_to"), &valid_to))
    return g_strdup (jd_roster_certificate_status_label (status));
  days = g_date_days_between (as_of, &valid_to);
  if (days < 0)
    return g_strdup (_("Expired"));
  if (jd_roster_certificate_level (officer, as_of) == JD_CERT_LEVEL_EXPIRING)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Expires in %d day",
                                         "Expires in %d days", days), days);
  return g_strdup (jd_roster_certificate_status_label (status));
}

double
jd_roster_training_hours (JdOfficer *officer,
                          int        year)
{
  JsonArray *training = jd_officer_get_training (officer);
  double hours = 0;

  for (guint i = 0; training != NULL && i < json_array_get_length (training); i++)
    {
      JsonObject *entry = json_array_get_object_element (training, i);
      GDate date;

      if (entry != NULL && json_object_has_member (entry, "hours")
          && parse_date (get_string (entry, "date"), &date) && g_date_get_year (&date) == year)
        hours += json_object_get_double_member (entry, "hours");
    }
  return hours;
}
