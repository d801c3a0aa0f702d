#include <string.h>

#include "jd-test-util.h"

/* Profiles: what ships, how one extends another, and the errors a hand-written city file gets. */

static char *dir;

static void
write_profile (const char *name,
               const char *json)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
}

static void
test_shipped (void)
{
  g_auto(GStrv) ids = jd_profile_list ();
  const char *expected[] = { "beijing", "beijing-daxing", "weihai", "xuchang" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdProfile) profile = jd_profile_load (expected[i], &error);

      g_assert_no_error (error);
      g_assert_true (g_strv_contains ((const char * const *) ids, expected[i]));
      g_assert_cmpstr (jd_profile_get_id (profile), ==, expected[i]);
      g_assert_nonnull (jd_profile_get_list (profile, "stages", "penalty"));
    }
}

static void
test_extends (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) beijing = jd_profile_load ("beijing", &error);
  g_autoptr(JdProfile) daxing = jd_profile_load ("beijing-daxing", &error);
  int limit = 0;
  double fine = 0;

  g_assert_no_error (error);
  /* Daxing adds its own rules and keeps Beijing's. */
  g_assert_false (jd_profile_has_rule (beijing, "ROS-TRAINING"));
  g_assert_true (jd_profile_has_rule (daxing, "ROS-TRAINING"));
  g_assert_true (jd_profile_has_rule (daxing, "REV-REQUIRED"));
  g_assert_true (jd_profile_get_limit (daxing, "training_hours", &limit));
  g_assert_cmpint (limit, ==, 60);
  g_assert_true (jd_profile_get_limit (daxing, "review_duration_wd", &limit));
  g_assert_cmpint (limit, ==, 5);
  g_assert_cmpstr (jd_profile_get_citation (daxing, "REV-REQUIRED", "x"), ==, "004 附件3 第三条");
  g_assert_cmpstr (jd_profile_get_citation (daxing, "REV-P1-MATERIALS", "fallback"), ==,
                   "fallback");
  g_assert_true (jd_profile_get_large_fine (daxing, "town", "person", &fine));
  g_assert_cmpfloat (fine, ==, 10000);
  g_assert_false (jd_profile_get_limit (beijing, "av_store_wd", &limit));
}

static void
test_weihai_differs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) beijing = jd_profile_load ("beijing", &error);
  g_autoptr(JdProfile) weihai = jd_profile_load ("weihai", &error);
  int limit = 0;

  g_assert_no_error (error);
  g_assert_false (jd_profile_has_rule (beijing, "MAJ-WEIHAI"));
  g_assert_true (jd_profile_has_rule (weihai, "MAJ-WEIHAI"));
  g_assert_true (jd_profile_get_limit (weihai, "av_store_wd", &limit));
  g_assert_cmpint (limit, ==, 2);
}

static void
test_user_profile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) profile = NULL;
  g_autofree char *path = g_build_filename (dir, "qingdao.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_auto(GStrv) ids = NULL;
  double fine = 0;
  int limit = 0;

  /* A new city is a new file: Weihai's rules with a stricter large-fine threshold. */
  write_profile ("qingdao.json",
                 "{ \"id\": \"qingdao\", \"extends\": \"weihai\", \"name\": \"Qingdao\","
                 "  \"rules\": { \"SUP-EVALUATION\": false },"
                 "  \"limits\": { \"av_store_wd\": 3 },"
                 "  \"large_fine\": { \"default\": { \"person\": 5000 } } }");
  profile = jd_profile_load ("qingdao", &error);
  g_assert_no_error (error);
  g_assert_true (jd_profile_has_rule (profile, "MAJ-WEIHAI"));
  g_assert_false (jd_profile_has_rule (profile, "SUP-EVALUATION"));
  g_assert_true (jd_profile_get_limit (profile, "av_store_wd", &limit));
  g_assert_cmpint (limit, ==, 3);
  g_assert_true (jd_profile_get_large_fine (profile, NULL, "person", &fine));
  g_assert_cmpfloat (fine, ==, 5000);
  /* Merged member by member: the organisation threshold is still Weihai's. */
  g_assert_true (jd_profile_get_large_fine (profile, NULL, "organisation", &fine));
  g_assert_cmpfloat (fine, ==, 100000);

  ids = jd_profile_list ();
  g_assert_true (g_strv_contains ((const char * const *) ids, "qingdao"));
  g_clear_object (&profile);
  profile = jd_profile_load_file (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (jd_profile_get_id (profile), ==, "qingdao");
}

static void
test_bad_profiles (void)
{
  const char *cases[][3] = {
    { "typo", "{ \"rulez\": {} }", "rulez" },
    { "notbool", "{ \"rules\": { \"REV-REQUIRED\": \"yes\" } }", "rules.REV-REQUIRED" },
    { "badlimit", "{ \"limits\": { \"x\": [1] } }", "limits.x" },
    { "badlist", "{ \"stages\": { \"penalty\": \"intake\" } }", "stages.penalty" },
    { "notjson", "{ \"rules\": ", "notjson" },
    { "array", "[1, 2]", "not a JSON object" },
    { "orphan", "{ \"extends\": \"nowhere\" }", "nowhere" },
    { "loop-a", "{ \"extends\": \"loop-b\" }", "extends itself" },
    { "../escape", NULL, "not a profile name" },
  };

  write_profile ("loop-b.json", "{ \"extends\": \"loop-a\" }");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JdProfile) profile = NULL;

      if (cases[i][1] != NULL)
        {
          g_autofree char *name = g_strconcat (cases[i][0], ".json", NULL);

          write_profile (name, cases[i][1]);
        }
      profile = jd_profile_load (cases[i][0], &error);
      g_assert_null (profile);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i][2]) == NULL)
        g_error ("%s: “%s” does not mention “%s”", cases[i][0], error->message, cases[i][2]);
    }
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = jd_test_tmp_dir ();
  g_setenv ("JIANDU_PROFILE_DIR", dir, TRUE);

  g_test_add_func ("/profile/shipped", test_shipped);
  g_test_add_func ("/profile/extends", test_extends);
  g_test_add_func ("/profile/weihai-differs", test_weihai_differs);
  g_test_add_func ("/profile/user-profile", test_user_profile);
  g_test_add_func ("/profile/bad", test_bad_profiles);

  status = g_test_run ();
  jd_test_rm_dir (dir);
  g_free (dir);
  return status;
}
