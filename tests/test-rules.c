#include <string.h>

#include "jd-test-util.h"
#include "jd-rule-context.h"

/* The rules, checked against the small jiandu/1 fixtures in tests/rules/. Each fixture holds a
 * document, the profiles and "as of" date to check it with, and the findings expected:
 *
 *   { "description": "…", "profiles": ["beijing"], "as_of": "2025-06-30",
 *     "document": { "format": "jiandu/1", … },
 *     "expect": [{ "rule": "REV-DURATION", "object": "cases/c1", "status": "fail",
 *                  "profile": "beijing",              (optional: only under this profile)
 *                  "due": "2025-10-14", "days_left": -5, "message_contains": "…",
 *                  "open": true,                       (a deadline still to meet)
 *                  "start": "2025-09-30", "workdays": 5,
 *                  "tags": ["crosses_holiday", "on_makeup_workday"] }] }
 *
 * "absent": true expects no finding of that rule for that object. The tags are checked against
 * the calendar, so that the holiday cases really cross a holiday. */

static const char * const deadline_rules[] = {
  "REV-LEAD-TIME", "REV-DURATION", "REC-AV-STORE", "PUB-DEADLINE", "PUB-WITHDRAW",
  "SUP-OBJECTION", NULL
};

typedef struct
{
  GHashTable *passed;     /* rule ids with a pass expectation */
  GHashTable *failed;
  GHashTable *holiday;    /* deadline rules with a crosses_holiday expectation */
  GHashTable *makeup;
} Coverage;

static Coverage coverage;

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
add_finding_cb (const JdFinding *finding,
                gpointer         user_data)
{
  g_ptr_array_add (user_data, jd_finding_copy (finding));
}

static JsonObject *
load_fixture (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JdDocument *
fixture_document (JsonObject *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = json_to_string (json_object_get_member (fixture, "document"), FALSE);
  JdDocument *document = jd_test_read_string (text, &error);

  g_assert_no_error (error);
  return document;
}

static void
check_tags (JsonObject *expect,
            const char *rule)
{
  JsonArray *tags = json_object_has_member (expect, "tags")
                      ? json_object_get_array_member (expect, "tags") : NULL;
  JdCalendar *calendar = jd_calendar_get_default ();
  GDate start, due, day;
  g_autoptr(GError) error = NULL;

  if (tags == NULL)
    return;

  g_assert_true (json_object_has_member (expect, "start"));
  g_assert_true (json_object_has_member (expect, "workdays"));
  g_assert_true (json_object_has_member (expect, "due"));
  g_assert_true (jd_rule_parse_date (json_object_get_string_member (expect, "start"), &start));
  g_assert_true (jd_rule_parse_date (json_object_get_string_member (expect, "due"), &due));

  /* The fixture's own arithmetic agrees with the calendar … */
  jd_calendar_add_workdays (calendar, &start, json_object_get_int_member (expect, "workdays"),
                            &day, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_compare (&day, &due), ==, 0);

  for (guint i = 0; i < json_array_get_length (tags); i++)
    {
      const char *tag = json_array_get_string_element (tags, i);

      if (g_str_equal (tag, "crosses_holiday"))
        {
          gboolean crossed = FALSE;
          GDate from = g_date_compare (&start, &due) < 0 ? start : due;
          GDate to = g_date_compare (&start, &due) < 0 ? due : start;

          /* … and a weekday off lies between the start and the due date. */
          for (day = from, g_date_add_days (&day, 1); g_date_compare (&day, &to) < 0;
               g_date_add_days (&day, 1))
            {
              gboolean workday = TRUE;

              jd_calendar_is_workday (calendar, &day, &workday, &error);
              g_assert_no_error (error);
              if (!workday && g_date_get_weekday (&day) <= G_DATE_FRIDAY)
                crossed = TRUE;
            }
          g_assert_true (crossed);
          g_hash_table_add (coverage.holiday, g_strdup (rule));
        }
      else if (g_str_equal (tag, "on_makeup_workday"))
        {
          gboolean workday = FALSE;

          jd_calendar_is_workday (calendar, &due, &workday, &error);
          g_assert_no_error (error);
          g_assert_true (workday);
          g_assert_cmpint (g_date_get_weekday (&due), >=, G_DATE_SATURDAY);
          g_hash_table_add (coverage.makeup, g_strdup (rule));
        }
      else
        g_error ("unknown tag %s", tag);
    }
}

static gboolean
finding_matches (const JdFinding *finding,
                 JsonObject      *expect)
{
  const char *status = json_object_get_string_member_with_default (expect, "status", NULL);
  const char *due = json_object_get_string_member_with_default (expect, "due", NULL);
  const char *contains = json_object_get_string_member_with_default (expect, "message_contains",
                                                                     NULL);
  char buf[16];

  if (status != NULL && !g_str_equal (status, jd_finding_status_to_string (finding->status)))
    return FALSE;
  if (due != NULL && !g_str_equal (due, jd_rule_date_iso (&finding->due, buf)))
    return FALSE;
  if (json_object_has_member (expect, "days_left") &&
      (!jd_finding_has_due (finding) ||
       finding->days_left != json_object_get_int_member (expect, "days_left")))
    return FALSE;
  if (contains != NULL && strstr (finding->message, contains) == NULL)
    return FALSE;
  if (json_object_has_member (expect, "open") &&
      finding->open != json_object_get_boolean_member (expect, "open"))
    return FALSE;
  return TRUE;
}

static void
run_profile (JsonObject *fixture,
             const char *profile_id,
             JdRuleData *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) profile = jd_profile_load (profile_id, &error);
  g_autoptr(JdValidator) validator = NULL;
  g_autoptr(GPtrArray) findings = g_ptr_array_new_with_free_func (
    (GDestroyNotify) jd_finding_free);
  JsonArray *expects = json_object_get_array_member (fixture, "expect");
  GDate as_of;

  g_assert_no_error (error);
  g_assert_true (jd_rule_parse_date (json_object_get_string_member (fixture, "as_of"), &as_of));
  validator = jd_validator_new (profile, jd_calendar_get_default (), &as_of);
  jd_validator_check_data (validator, data, add_finding_cb, findings);

  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *finding = findings->pdata[i];

      /* Every rule decides: none falls back to "could not decide". */
      g_assert_cmpstr (finding->message, !=, "The rule could not decide");
      g_assert_nonnull (finding->citation);
    }

  for (guint e = 0; e < json_array_get_length (expects); e++)
    {
      JsonObject *expect = json_array_get_object_element (expects, e);
      const char *rule = json_object_get_string_member (expect, "rule");
      const char *object = json_object_get_string_member (expect, "object");
      const char *only = json_object_get_string_member_with_default (expect, "profile", NULL);
      const char *status = json_object_get_string_member_with_default (expect, "status", NULL);
      gboolean absent = json_object_get_boolean_member_with_default (expect, "absent", FALSE);
      gboolean found = FALSE;

      if (only != NULL && !g_str_equal (only, profile_id))
        continue;
      g_assert_nonnull (jd_rules_lookup (rule));

      for (guint i = 0; i < findings->len && !found; i++)
        {
          JdFinding *finding = findings->pdata[i];

          if (g_str_equal (finding->rule, rule) && g_str_equal (finding->object, object) &&
              (absent || finding_matches (finding, expect)))
            found = TRUE;
        }

      if (found == absent)
        {
          g_test_message ("expected %s %s %s under %s; found:", rule, object,
                          absent ? "absent" : status, profile_id);
          for (guint i = 0; i < findings->len; i++)
            {
              JdFinding *finding = findings->pdata[i];
              char buf[16];

              if (g_str_equal (finding->rule, rule) && g_str_equal (finding->object, object))
                g_test_message ("  %s %s due %s days_left %d: %s",
                                jd_finding_status_to_string (finding->status), finding->object,
                                jd_rule_date_iso (&finding->due, buf), finding->days_left,
                                finding->message);
            }
          g_test_fail ();
          continue;
        }

      if (status != NULL && g_str_equal (status, "pass"))
        g_hash_table_add (coverage.passed, g_strdup (rule));
      if (status != NULL && g_str_equal (status, "fail"))
        g_hash_table_add (coverage.failed, g_strdup (rule));
      check_tags (expect, rule);
    }
}

static void
test_fixture (gconstpointer user_data)
{
  const char *path = user_data;
  g_autoptr(JsonObject) fixture = load_fixture (path);
  g_autoptr(JdDocument) document = fixture_document (fixture);
  g_autoptr(JdRuleData) data = jd_rule_data_new_for_document (document);
  JsonArray *profiles = json_object_get_array_member (fixture, "profiles");

  g_assert_nonnull (profiles);
  for (guint p = 0; p < json_array_get_length (profiles); p++)
    run_profile (fixture, json_array_get_string_element (profiles, p), data);
}

/* Runs last: every rule has a passing and a failing fixture, and every working-day deadline
 * one that crosses a holiday and one that ends on a make-up workday. */
static void
test_coverage (void)
{
  guint n_rules;
  const JdRule *rules = jd_rules_get_all (&n_rules);
  g_autoptr(GString) missing = g_string_new (NULL);

  for (guint i = 0; i < n_rules; i++)
    {
      if (!g_hash_table_contains (coverage.passed, rules[i].id))
        g_string_append_printf (missing, " %s:pass", rules[i].id);
      if (!g_hash_table_contains (coverage.failed, rules[i].id) &&
          rules[i].severity != JD_SEVERITY_INFO)
        g_string_append_printf (missing, " %s:fail", rules[i].id);
    }
  for (guint i = 0; deadline_rules[i] != NULL; i++)
    {
      if (!g_hash_table_contains (coverage.holiday, deadline_rules[i]))
        g_string_append_printf (missing, " %s:crosses_holiday", deadline_rules[i]);
      if (!g_hash_table_contains (coverage.makeup, deadline_rules[i]))
        g_string_append_printf (missing, " %s:on_makeup_workday", deadline_rules[i]);
    }
  if (missing->len > 0)
    {
      g_test_message ("fixtures missing for:%s", missing->str);
      g_test_fail ();
    }
}

static void
test_profiles_name_known_rules (void)
{
  g_auto(GStrv) ids = jd_profile_list ();

  g_assert_cmpuint (g_strv_length (ids), >=, 4);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdProfile) profile = jd_profile_load (ids[i], &error);
      JsonObject *rules;
      g_autoptr(GList) members = NULL;

      g_assert_no_error (error);
      rules = json_object_get_object_member (jd_profile_get_json (profile), "rules");
      members = json_object_get_members (rules);
      for (GList *l = members; l != NULL; l = l->next)
        if (jd_rules_lookup (l->data) == NULL)
          g_error ("profile %s names unknown rule %s", ids[i], (char *) l->data);
    }
}

/* Every citation a finding can carry, the catalogue's and each profile's, resolves to article
 * text, with nothing left over. */
static void
test_citations_resolve (void)
{
  g_auto(GStrv) ids = jd_profile_list ();
  JdLaw *law = jd_law_get_default ();
  guint n_rules;
  const JdRule *rules = jd_rules_get_all (&n_rules);

  for (guint p = 0; ids[p] != NULL; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdProfile) profile = jd_profile_load (ids[p], &error);

      g_assert_no_error (error);
      for (guint i = 0; i < n_rules; i++)
        {
          const char *citation = jd_profile_get_citation (profile, rules[i].id,
                                                          rules[i].citation);
          g_autoptr(JdCitation) resolved = jd_law_resolve (law, citation, &error);

          if (resolved == NULL)
            g_error ("%s %s: “%s”: %s", ids[p], rules[i].id, citation, error->message);
          if (resolved->unresolved != NULL && resolved->unresolved->len > 0)
            g_error ("%s %s: “%s” is partly not a citation", ids[p], rules[i].id, citation);
          g_assert_cmpuint (resolved->refs->len, >, 0);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(GDir) d = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_test_init (&argc, &argv, NULL);
  coverage.passed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  coverage.failed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  coverage.holiday = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  coverage.makeup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_test_add_func ("/rules/profiles/known-rules", test_profiles_name_known_rules);
  g_test_add_func ("/rules/profiles/citations-resolve", test_citations_resolve);

  dir = g_test_build_filename (G_TEST_DIST, "rules", NULL);
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, compare_paths);
  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *base = g_path_get_basename (paths->pdata[i]);
      g_autofree char *test_name = g_strdup_printf ("/rules/fixture/%.*s",
                                                    (int) strlen (base) - 5, base);

      g_test_add_data_func (test_name, paths->pdata[i], test_fixture);
    }
  g_test_add_func ("/rules/zz/coverage", test_coverage);

  return g_test_run ();
}
