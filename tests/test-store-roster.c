#include <string.h>

#include "jd-store-roster.h"
#include "jd-test-util.h"

typedef JdTestStore Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = jd_test_read_data ("roster.json");

  jd_test_store_set_up (f, data);
  g_assert_true (jd_store_import (f->store, document, NULL, &error));
  g_assert_no_error (error);
}

static const JdRosterAgency *
find_agency (GPtrArray  *agencies,
             const char *id)
{
  for (guint i = 0; i < agencies->len; i++)
    if (g_strcmp0 (((JdRosterAgency *) agencies->pdata[i])->id, id) == 0)
      return agencies->pdata[i];
  g_error ("no agency %s", id);
}

static void
test_agencies (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = jd_store_list_roster_agencies (f->store, &error);
  const JdRosterAgency *smj, *gov;

  g_assert_no_error (error);
  g_assert_cmpuint (agencies->len, ==, 5);
  /* By name. */
  for (guint i = 0; i + 1 < agencies->len; i++)
    g_assert_cmpstr (((JdRosterAgency *) agencies->pdata[i])->name, <=,
                     ((JdRosterAgency *) agencies->pdata[i + 1])->name);

  gov = find_agency (agencies, "a-gov");
  smj = find_agency (agencies, "a-smj");
  g_assert_null (gov->parent_id);
  g_assert_cmpuint (gov->n_officers, ==, 0);
  g_assert_cmpstr (smj->parent_id, ==, "a-gov");
  g_assert_cmpstr (smj->kind, ==, "department");
  g_assert_cmpuint (smj->n_officers, ==, 5);
  g_assert_cmpstr (find_agency (agencies, "a-smj-hc")->parent_id, ==, "a-smj");
  g_assert_cmpuint (find_agency (agencies, "a-smj-hc")->n_officers, ==, 1);

  /* A deleted officer is no longer counted, a deleted agency no longer listed. */
  g_assert_true (jd_store_delete (f->store, JD_COLLECTION_OFFICERS, "o-aux", &error));
  g_assert_no_error (error);
  g_clear_pointer (&agencies, g_ptr_array_unref);
  agencies = jd_store_list_roster_agencies (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (find_agency (agencies, "a-smj")->n_officers, ==, 4);
}

static void
test_officers (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) officers = jd_store_list_agency_officers (f->store, "a-smj", &error);
  g_autoptr(GPtrArray) none = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (officers->len, ==, 5);
  for (guint i = 0; i < officers->len; i++)
    {
      g_assert_true (JD_IS_OFFICER (officers->pdata[i]));
      g_assert_cmpstr (jd_officer_get_agency_id (officers->pdata[i]), ==, "a-smj");
      if (i > 0)
        g_assert_cmpstr (jd_officer_get_name (officers->pdata[i - 1]), <=,
                         jd_officer_get_name (officers->pdata[i]));
    }

  none = jd_store_list_agency_officers (f->store, "a-gov", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);
}

static gboolean
collect_case_cb (JdCase     *kase,
                 GPtrArray  *records,
                 gpointer    user_data,
                 GError    **error)
{
  g_ptr_array_add (user_data, g_strdup (jd_entity_get_id (JD_ENTITY (kase))));
  return TRUE;
}

static void
test_agency_cases (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (jd_store_foreach_agency_case (f->store, "a-smj", collect_case_cb, ids, &error));
  g_assert_no_error (error);
  /* Newest first, and only the agency's. */
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpstr (ids->pdata[0], ==, "c-late");
  g_assert_cmpstr (ids->pdata[1], ==, "c-fine");
}

static JdValidator *
validator_as_of (int year,
                 int month,
                 int day)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) profile = jd_profile_load ("beijing", &error);
  GDate date;

  g_assert_no_error (error);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return jd_validator_new (profile, jd_calendar_get_default (), &date);
}

static void
test_invalid_acts (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdValidator) validator = validator_as_of (2025, 6, 15);
  g_autoptr(JdRuleData) rule_data = jd_validator_load_data (f->store, &error);
  g_autoptr(GPtrArray) acts = NULL;
  g_autoptr(GPtrArray) none = NULL;
  const JdInvalidAct *act;

  g_assert_no_error (error);
  acts = jd_store_find_invalid_acts (f->store, validator, rule_data, "a-smj", NULL, &error);
  g_assert_no_error (error);
  /* 李过期 acted on 2025-05-10 with a certificate that ended on 2025-03-31; on 2025-01-10 it
   * was valid, and 张正常 beside him is covered both times. */
  g_assert_cmpuint (acts->len, ==, 1);
  act = acts->pdata[0];
  g_assert_cmpstr (act->officer_id, ==, "o-expired");
  g_assert_cmpstr (act->case_id, ==, "c-late");
  g_assert_cmpstr (act->case_number, ==, "京兴市监罚〔2025〕31号");
  g_assert_nonnull (strstr (act->message, "11010020001"));

  none = jd_store_find_invalid_acts (f->store, validator, rule_data, "a-sfj", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* The rule alone finds the same act; another rule alone finds none. */
  jd_validator_restrict (validator, "ROS-CERT-VALID");
  g_assert_cmpuint (jd_validator_get_rules (validator)->len, ==, 1);
  g_clear_pointer (&acts, g_ptr_array_unref);
  acts = jd_store_find_invalid_acts (f->store, validator, rule_data, "a-smj", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 1);
  g_assert_cmpstr (((JdInvalidAct *) acts->pdata[0])->case_id, ==, "c-late");
  jd_validator_restrict (validator, "ROS-AUX");
  g_assert_cmpuint (jd_validator_get_rules (validator)->len, ==, 0);
  g_clear_pointer (&acts, g_ptr_array_unref);
  acts = jd_store_find_invalid_acts (f->store, validator, rule_data, "a-smj", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (acts->len, ==, 0);
}

static void
test_invalid_acts_cancelled (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdValidator) validator = validator_as_of (2025, 6, 15);
  g_autoptr(JdRuleData) rule_data = jd_validator_load_data (f->store, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) acts = NULL;

  g_cancellable_cancel (cancellable);
  acts = jd_store_find_invalid_acts (f->store, validator, rule_data, "a-smj", cancellable,
                                     &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (acts);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/store-roster/" path, Fixture, NULL, set_up, func, jd_test_store_tear_down)
  ADD ("agencies", test_agencies);
  ADD ("officers", test_officers);
  ADD ("agency-cases", test_agency_cases);
  ADD ("invalid-acts", test_invalid_acts);
  ADD ("invalid-acts-cancelled", test_invalid_acts_cancelled);
#undef ADD

  return g_test_run ();
}
