#include <glib/gi18n-lib.h>

#include "jd-finding.h"

G_DEFINE_BOXED_TYPE (JdFinding, jd_finding, jd_finding_copy, jd_finding_free)

JdFinding *
jd_finding_copy (const JdFinding *finding)
{
  JdFinding *copy = g_new (JdFinding, 1);

  *copy = *finding;
  copy->object = g_strdup (finding->object);
  copy->message = g_strdup (finding->message);
  return copy;
}

void
jd_finding_free (JdFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->object);
  g_free (finding->message);
  g_free (finding);
}

gboolean
jd_finding_has_due (const JdFinding *finding)
{
  return g_date_valid (&finding->due);
}

gboolean
jd_finding_is_blocking (const JdFinding *finding)
{
  return finding->status == JD_FINDING_FAIL && finding->severity == JD_SEVERITY_ERROR;
}

JsonNode *
jd_finding_to_json (const JdFinding *finding)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "rule");
  json_builder_add_string_value (builder, finding->rule);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, jd_finding_status_to_string (finding->status));
  json_builder_set_member_name (builder, "severity");
  json_builder_add_string_value (builder, jd_severity_to_string (finding->severity));
  json_builder_set_member_name (builder, "object");
  json_builder_add_string_value (builder, finding->object);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, finding->message);
  json_builder_set_member_name (builder, "citation");
  json_builder_add_string_value (builder, finding->citation);
  if (jd_finding_has_due (finding))
    {
      char due[16];

      g_date_strftime (due, sizeof due, "%Y-%m-%d", &finding->due);
      json_builder_set_member_name (builder, "due");
      json_builder_add_string_value (builder, due);
      json_builder_set_member_name (builder, "days_left");
      json_builder_add_int_value (builder, finding->days_left);
    }
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

int
jd_finding_compare (const JdFinding *a,
                    const JdFinding *b)
{
  if (a->severity != b->severity)
    return a->severity < b->severity ? -1 : 1;
  if (a->status != b->status)
    return a->status < b->status ? -1 : 1;
  return g_strcmp0 (a->rule, b->rule);
}

static const char * const status_codes[] = { "fail", "needs_input", "not_applicable", "pass" };
static const char * const severity_codes[] = { "error", "warning", "info" };

const char *
jd_finding_status_to_string (JdFindingStatus status)
{
  g_return_val_if_fail (status <= JD_FINDING_PASS, NULL);
  return status_codes[status];
}

const char *
jd_finding_status_label (JdFindingStatus status)
{
  switch (status)
    {
    case JD_FINDING_FAIL:
      return _("fails");
    case JD_FINDING_NEEDS_INPUT:
      return _("needs input");
    case JD_FINDING_NOT_APPLICABLE:
      return _("not applicable");
    case JD_FINDING_PASS:
    default:
      return _("passes");
    }
}

const char *
jd_severity_to_string (JdSeverity severity)
{
  g_return_val_if_fail (severity <= JD_SEVERITY_INFO, NULL);
  return severity_codes[severity];
}

const char *
jd_severity_label (JdSeverity severity)
{
  switch (severity)
    {
    case JD_SEVERITY_ERROR:
      return _("error");
    case JD_SEVERITY_WARNING:
      return _("warning");
    case JD_SEVERITY_INFO:
    default:
      return _("information");
    }
}

gboolean
jd_severity_from_string (const char *string,
                         JdSeverity *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (severity_codes); i++)
    if (g_strcmp0 (string, severity_codes[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}
