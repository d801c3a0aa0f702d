#include "jd-cli.h"

#include <glib/gi18n-lib.h>

#include "jd-cli-rules.h"
#include "jd-rule-context.h"

/* `deadlines`: every deadline not met yet, overdue or due within some days, soonest first. */

typedef struct
{
  JdFinding *finding;
  char      *label;
} Deadline;

static void
deadline_free (Deadline *deadline)
{
  jd_finding_free (deadline->finding);
  g_free (deadline->label);
  g_free (deadline);
}

typedef struct
{
  int        within;     /* days, or -1 for all */
  GPtrArray *deadlines;
} Collect;

static void
object_cb (JdEntity  *entity,
           GPtrArray *findings,
           gpointer   user_data)
{
  Collect *collect = user_data;

  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *finding = findings->pdata[i];
      Deadline *deadline;

      if (!finding->open || (collect->within >= 0 && finding->days_left > collect->within))
        continue;
      deadline = g_new0 (Deadline, 1);
      deadline->finding = jd_finding_copy (finding);
      deadline->label = jd_cli_entity_label (entity);
      g_ptr_array_add (collect->deadlines, deadline);
    }
}

static int
compare_deadlines (gconstpointer a,
                   gconstpointer b)
{
  const Deadline *x = *(Deadline **) a;
  const Deadline *y = *(Deadline **) b;
  int order = g_date_compare (&x->finding->due, &y->finding->due);

  if (order != 0)
    return order;
  order = g_strcmp0 (x->finding->object, y->finding->object);
  return order != 0 ? order : g_strcmp0 (x->finding->rule, y->finding->rule);
}

int
jd_cli_deadlines (JdCliContext *ctx)
{
  g_autoptr(JdValidator) validator = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdRuleData) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *profile_id = NULL;
  g_autofree char *date = NULL;
  gboolean json = FALSE;
  int within = -1;
  Collect collect = { 0 };
  g_autoptr(GPtrArray) deadlines = g_ptr_array_new_with_free_func (
    (GDestroyNotify) deadline_free);
  char due[JD_RULE_DATE_SIZE];
  GOptionEntry entries[] = {
    { "within", 'w', 0, G_OPTION_ARG_INT, &within,
      N_("Only what is overdue or due within DAYS days"), N_("DAYS") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_id,
      N_("The jurisdiction's profile (default beijing)"), N_("PROFILE") },
    { "date", 'd', 0, G_OPTION_ARG_STRING, &date, N_("Count from this date (default today)"),
      N_("YYYY-MM-DD") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array"), NULL },
    { NULL }
  };

  if (!jd_cli_parse_options (ctx, NULL,
                             _("List every deadline not met yet, overdue or coming, soonest "
                               "first."),
                             entries))
    return JD_CLI_BAD_INPUT;
  if (ctx->argc > 1)
    {
      g_printerr (_("jiandu-cli deadlines: unexpected argument “%s”\n"), ctx->argv[1]);
      return JD_CLI_BAD_INPUT;
    }
  if (within < -1)
    {
      g_printerr (_("jiandu-cli deadlines: --within must be 0 or more days\n"));
      return JD_CLI_BAD_INPUT;
    }

  validator = jd_cli_rules_validator ("deadlines", profile_id, date);
  if (validator == NULL)
    return JD_CLI_BAD_INPUT;
  store = jd_cli_open_store (ctx, FALSE);
  if (store == NULL)
    return JD_CLI_BAD_INPUT;
  data = jd_validator_load_data (store, &error);
  if (data == NULL)
    return jd_cli_fail (g_steal_pointer (&error));

  collect.within = within;
  collect.deadlines = deadlines;
  if (!jd_cli_rules_run (validator, data, store, NULL, object_cb, &collect, &error))
    return jd_cli_fail (g_steal_pointer (&error));
  g_ptr_array_sort (deadlines, compare_deadlines);

  if (json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < deadlines->len; i++)
        {
          Deadline *deadline = deadlines->pdata[i];
          JsonNode *node = jd_finding_to_json (deadline->finding);

          json_object_set_boolean_member (json_node_get_object (node), "overdue",
                                          deadline->finding->days_left < 0);
          json_array_add_element (array, node);
        }
      json_node_set_array (root, array);
      jd_cli_print_json (root);
      return JD_CLI_OK;
    }

  for (guint i = 0; i < deadlines->len; i++)
    {
      Deadline *deadline = deadlines->pdata[i];
      JdFinding *finding = deadline->finding;

      if (finding->days_left < 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s  %d day overdue", "%s  %d days overdue",
                              -finding->days_left),
                 jd_rule_date_string (&finding->due, due), -finding->days_left);
      else
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s  in %d day", "%s  in %d days",
                              finding->days_left),
                 jd_rule_date_string (&finding->due, due), finding->days_left);
      g_print ("  %s  %s\n    %s [%s]\n", finding->rule, deadline->label, finding->message,
               finding->citation);
    }
  if (deadlines->len == 0)
    g_print (_("No open deadline.\n"));
  return JD_CLI_OK;
}
