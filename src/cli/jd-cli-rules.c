#include "jd-cli-rules.h"

#include <glib/gi18n-lib.h>

#include "jd-rule-context.h"

JdValidator *
jd_cli_rules_validator (const char *command,
                        const char *profile_id,
                        const char *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) profile = NULL;
  GDate as_of;

  if (date != NULL)
    {
      if (!jd_rule_parse_date (date, &as_of) || date[10] != '\0')
        {
          g_printerr (_("jiandu-cli %s: --date must be a date as YYYY-MM-DD, not “%s”\n"),
                      command, date);
          return NULL;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&as_of, 1);
      g_date_set_dmy (&as_of, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  profile = jd_profile_load (profile_id != NULL ? profile_id : "beijing", &error);
  if (profile == NULL)
    {
      g_auto(GStrv) known = jd_profile_list ();
      g_autofree char *list = g_strjoinv (", ", known);

      g_printerr (_("jiandu-cli %s: %s (known profiles: %s)\n"), command, error->message, list);
      return NULL;
    }

  return jd_validator_new (profile, jd_calendar_get_default (), &as_of);
}

typedef struct
{
  JdValidator     *validator;
  JdRuleData      *data;
  JdCliObjectFunc  func;
  gpointer         user_data;
  GPtrArray       *findings;
} Run;

static void
add_finding_cb (const JdFinding *finding,
                gpointer         user_data)
{
  g_ptr_array_add (user_data, jd_finding_copy (finding));
}

static int
compare_findings (gconstpointer a,
                  gconstpointer b)
{
  return jd_finding_compare (*(JdFinding **) a, *(JdFinding **) b);
}

static void
check (Run       *run,
       JdEntity  *entity,
       GPtrArray *records)
{
  g_ptr_array_set_size (run->findings, 0);
  jd_validator_check_entity (run->validator, run->data, entity, records, add_finding_cb,
                             run->findings);
  g_ptr_array_sort (run->findings, compare_findings);
  run->func (entity, run->findings, run->user_data);
}

static gboolean
check_case_cb (JdCase     *kase,
               GPtrArray  *records,
               gpointer    user_data,
               GError    **error)
{
  check (user_data, JD_ENTITY (kase), records);
  return TRUE;
}

gboolean
jd_cli_rules_run (JdValidator      *validator,
                  JdRuleData       *data,
                  JdStore          *store,
                  const char       *case_id,
                  JdCliObjectFunc   func,
                  gpointer          user_data,
                  GError          **error)
{
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (
    (GDestroyNotify) jd_finding_free);
  Run run = { validator, data, func, user_data, findings };

  if (case_id == NULL)
    for (JdCollection c = 0; c < JD_N_COLLECTIONS; c++)
      {
        GPtrArray *entities = jd_rule_data_list (data, c);

        if (c == JD_COLLECTION_RECORDS)
          continue;
        for (guint i = 0; i < entities->len; i++)
          check (&run, entities->pdata[i],
                 c == JD_COLLECTION_CASES
                   ? jd_rule_data_records_for (data, jd_entity_get_id (entities->pdata[i]))
                   : NULL);
      }

  if (store == NULL)
    return TRUE;

  if (case_id != NULL)
    {
      g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, case_id, error);

      if (kase == NULL)
        return FALSE;
    }
  return jd_store_foreach_case (store, case_id, check_case_cb, &run, error);
}

char *
jd_cli_entity_label (JdEntity *entity)
{
  const char *number = jd_entity_get_string (entity, "number");
  const char *title = jd_entity_get_string (entity, "title");
  const char *name = jd_entity_get_string (entity, "name");
  g_autofree char *path = jd_entity_get_object_path (entity);

  if (number != NULL || title != NULL)
    return g_strdup_printf ("%s %s (%s)", number != NULL ? number : "",
                            title != NULL ? title : "", path);
  if (name != NULL)
    return g_strdup_printf ("%s (%s)", name, path);
  return g_steal_pointer (&path);
}
