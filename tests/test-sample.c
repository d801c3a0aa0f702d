#include "jd-identity.h"
#include "jd-sample.h"

#include <stdio.h>
#include <string.h>

/* Lists of FORMAT.md, repeated here so that the test checks the generator against the contract
 * rather than against itself. */
static const char * const agency_kinds[] = {
  "government", "department", "town", "authorized", "entrusted", NULL
};
static const char * const action_types[] = {
  "penalty", "licence", "coercion", "inspection", "expropriation", "confirmation", "fee",
  "benefit", "award", "adjudication", NULL
};
static const char * const stage_codes[] = {
  "intake", "filing", "investigation", "notice", "hearing", "legal_review", "decision", "service",
  "closure", "demand", "execution", "receipt", "acceptance", "onsite_check", "recheck",
  "assessment", "consultation", "compensation", "lodged_service", "public_service", NULL
};
static const char * const measure_codes[] = {
  "warning", "fine", "confiscation", "suspend_licence", "revoke_licence", "stop_production",
  "licence_by_tender", "licence_after_hearing", "withdraw_licence", "transfer_deposit",
  "demolition", "auction_property", "seal_seize", "expropriate_land", "expropriate_property",
  "transfer_police", "transfer_supervision", NULL
};
static const char * const roles[] = { "officer", "auxiliary", NULL };
static const char * const certificate_statuses[] = { "valid", "suspended", "revoked", NULL };
static const char * const sanction_kinds[] = {
  "criticism", "off_duty_training", "transfer", "certificate_suspended", "qualification_revoked",
  NULL
};
static const char * const procedures[] = { "general", "simple", NULL };
static const char * const triggers[] = {
  "plan", "random", "complaint", "clue", "referral", "application", NULL
};
static const char * const party_kinds[] = { "person", "organisation", NULL };
static const char * const record_kinds[] = { "text", "av", NULL };
static const char * const review_results[] = {
  "approved", "approved_with_changes", "rejected", NULL
};
static const char * const verdicts[] = { "pass", "fail", "not_applicable", NULL };
static const char * const outcome_kinds[] = {
  "revoked", "partly_revoked", "unlawful", "void", "changed", NULL
};
static const char * const exemptions[] = {
  "minor", "state_secret", "security", "series", "transferred_to_police", NULL
};
static const char * const complaint_forms[] = {
  "written", "email", "phone", "fax", "visit", "hotline", NULL
};
static const char * const exclusion_grounds[] = {
  "out_of_scope", "reconsideration", "litigation", "petition", "handled", NULL
};
static const char * const letter_kinds[] = { "urge", "opinion", "decision", NULL };
static const char * const letter_grounds[] = {
  "law_not_implemented", "system_not_implemented", "duty_not_performed",
  "unauthorized_delegation", "quality", "team_management", "other", NULL
};
static const char * const supervisor_kinds[] = {
  "deputy", "cppcc", "expert", "lawyer", "journalist", "other", NULL
};
static const char * const date_members[] = {
  "date", "active_from", "active_to", "valid_from", "valid_to", "status_since", "retain_until",
  "statutory_deadline", "subject_act_date", "extension_approved_until", "since", "until", NULL
};
static const char * const rule_ids[] = {
  "REV-REQUIRED", "REV-PASSED", "REV-COLLECTIVE", "REV-MATERIALS", "REV-LEAD-TIME",
  "REV-DURATION", "REV-ITEMWISE", "REV-COPIES", "REV-DISPUTE", "REV-P1-MATERIALS",
  "REV-P2-AUTHORITY", "REV-P3-OFFICERS", "REV-P4-SUBJECT", "REV-P5-FACTS", "REV-P6-PROCEDURE",
  "REV-P7-LAW", "REV-P8-DISCRETION", "REV-P9-OTHER", "REC-STAGES", "REC-ELEMENTS",
  "REC-AV-REQUIRED", "REC-AV-ADVISED", "REC-AV-ELEMENTS", "REC-AV-STORE", "REC-AV-RETENTION",
  "REC-IMMUTABLE", "REC-ARCHIVE", "PUB-DEADLINE", "PUB-REDACT", "PUB-SUMMARY", "PUB-EXEMPT",
  "PUB-WITHDRAW", "PUB-PLAN", "PUB-ANNUAL", "ROS-CERT-VALID", "ROS-TRAINING", "ROS-REAPPLY",
  "ROS-AUX", "ROS-BODY-CHANGE", "ROS-ENTRUST", "ROS-DISCRETION", "ROS-CATALOGUE", "ROS-PLAN",
  "ROS-REPORT", "SUP-COMPLAINT", "SUP-REPLY", "SUP-NO-FILE", "SUP-DURATION", "SUP-TWO-STAFF",
  "SUP-RECUSAL", "SUP-COLLECTIVE", "SUP-OBJECTION", "SUP-CORRECT", "SUP-DECISION-REPORT",
  "SUP-NO-DISTURB", "SUP-DISPUTE", "SUP-EVALUATION", "SUP-ARCHIVE", NULL
};

typedef struct
{
  GPtrArray *collections;   /* interned collection names */
  GPtrArray *objects;       /* JsonObject */
} Sample;

static void
sample_free (Sample *sample)
{
  g_ptr_array_unref (sample->collections);
  g_ptr_array_unref (sample->objects);
  g_free (sample);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sample, sample_free)

static gboolean
collect_cb (const char  *collection,
            JsonObject  *object,
            gpointer     user_data,
            GError     **error)
{
  Sample *sample = user_data;

  g_ptr_array_add (sample->collections, (gpointer) g_intern_string (collection));
  g_ptr_array_add (sample->objects, json_object_ref (object));

  return TRUE;
}

static Sample *
generate (const JdSampleOptions *options)
{
  g_autoptr(Sample) sample = g_new0 (Sample, 1);
  g_autoptr(GError) error = NULL;

  sample->collections = g_ptr_array_new ();
  sample->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_assert_true (jd_sample_generate (options, collect_cb, sample, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&sample);
}

static Sample *
generate_district (guint   n_cases,
                   guint32 seed)
{
  JdSampleOptions options = { .n_cases = n_cases, .seed = seed };

  return generate (&options);
}

static guint
count_collection (Sample     *sample,
                  const char *collection)
{
  guint n = 0;

  for (guint i = 0; i < sample->collections->len; i++)
    n += g_str_equal (sample->collections->pdata[i], collection);

  return n;
}

static char *
serialize (Sample *sample)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < sample->objects->len; i++)
    {
      g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (),
                                                        sample->objects->pdata[i]);
      g_autofree char *text = NULL;

      json_generator_set_root (generator, node);
      text = json_generator_to_data (generator, NULL);
      g_string_append_printf (out, "%s\t%s\n", (char *) sample->collections->pdata[i], text);
    }

  return g_string_free (out, FALSE);
}

/* Shape */

static gboolean
in_list (const char * const *list,
         const char         *value)
{
  return value != NULL && g_strv_contains (list, value);
}

static void
assert_date_string (const char *member,
                    const char *value)
{
  int year, month, day;
  char tail;

  if (strlen (value) != 10 || sscanf (value, "%4d-%2d-%2d%c", &year, &month, &day, &tail) != 3
      || value[4] != '-' || value[7] != '-' || !g_date_valid_dmy (day, month, year))
    g_error ("%s: \"%s\" is not a YYYY-MM-DD date", member, value);

  if (strcmp (value, "2024-01-02") < 0 || strcmp (value, "2026-10-30") > 0)
    g_error ("%s: %s lies outside 2024-01-02 .. 2026-10-30", member, value);
}

/* Every member named like a date holds one, at any depth. */
static void
assert_dates (JsonNode *node)
{
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_dates (json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (g_str_has_suffix (name, "_on") || in_list (date_members, name))
            {
              g_assert_true (JSON_NODE_HOLDS_VALUE (member));
              assert_date_string (name, json_node_get_string (member));
            }
          assert_dates (member);
        }
    }
}

static const char *
get_string (JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL)
    return NULL;

  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_cmpint (json_node_get_value_type (node), ==, G_TYPE_STRING);

  return json_node_get_string (node);
}

static void
assert_id (JsonObject *object)
{
  const char *id = get_string (object, "id");

  g_assert_nonnull (id);
  g_assert_cmpuint (strlen (id), ==, 36);
  g_assert_true (g_uuid_string_is_valid (id));
}

static void
assert_enum (JsonObject         *object,
             const char         *member,
             const char * const *values,
             gboolean            required)
{
  const char *value = get_string (object, member);

  if (value == NULL && !required)
    return;

  if (!in_list (values, value))
    g_error ("%s: \"%s\" is not a FORMAT.md value", member, value ? value : "(missing)");
}

static void
assert_enum_array (JsonObject         *object,
                   const char         *member,
                   const char * const *values)
{
  JsonArray *array;

  if (!json_object_has_member (object, member))
    return;

  array = json_object_get_array_member (object, member);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *value = json_array_get_string_element (array, i);

      if (!in_list (values, value))
        g_error ("%s: \"%s\" is not a FORMAT.md value", member, value);
    }
}

static JsonArray *
get_array (JsonObject *object,
           const char *member)
{
  return json_object_has_member (object, member) ? json_object_get_array_member (object, member)
                                                 : NULL;
}

#define FOR_EACH_OBJECT(array, var) \
  for (guint _i = 0; (array) != NULL && _i < json_array_get_length (array); _i++) \
    for (JsonObject *var = json_array_get_object_element ((array), _i); var != NULL; var = NULL)

static void
assert_agency_shape (JsonObject *agency)
{
  JsonArray *powers = get_array (agency, "powers");

  assert_id (agency);
  g_assert_nonnull (get_string (agency, "name"));
  assert_enum (agency, "kind", agency_kinds, TRUE);
  g_assert_true (jd_credit_code_is_valid (get_string (agency, "credit_code")));
  g_assert_nonnull (powers);
  g_assert_cmpuint (json_array_get_length (powers), >, 0);

  FOR_EACH_OBJECT (powers, power)
    {
      const char *code = get_string (power, "code");

      g_assert_cmpuint (strlen (code), ==, 12);
      g_assert_nonnull (get_string (power, "name"));
      assert_enum (power, "action_type", action_types, TRUE);
    }

  if (json_object_has_member (agency, "no_disturb"))
    {
      JsonArray *codes = json_object_get_array_member (agency, "no_disturb");

      for (guint i = 0; i < json_array_get_length (codes); i++)
        g_assert_true (jd_credit_code_is_valid (json_array_get_string_element (codes, i)));
    }

  if (g_str_equal (get_string (agency, "kind"), "entrusted"))
    g_assert_true (json_object_has_member (agency, "entrustment"));
}

static void
assert_officer_shape (JsonObject *officer)
{
  assert_id (officer);
  g_assert_nonnull (get_string (officer, "name"));
  g_assert_nonnull (get_string (officer, "agency_id"));
  assert_enum (officer, "role", roles, TRUE);

  if (g_str_equal (get_string (officer, "role"), "officer"))
    {
      JsonArray *certificates = get_array (officer, "certificates");

      g_assert_nonnull (certificates);
      g_assert_cmpuint (json_array_get_length (certificates), >=, 1);
      FOR_EACH_OBJECT (certificates, certificate)
        {
          const char *number = get_string (certificate, "number");

          g_assert_cmpuint (strlen (number), ==, 11);
          g_assert_true (g_str_has_prefix (number, "11"));
          assert_enum (certificate, "status", certificate_statuses, TRUE);
        }
    }
  else
    {
      g_assert_false (json_object_has_member (officer, "certificates"));
    }

  FOR_EACH_OBJECT (get_array (officer, "training"), entry)
    g_assert_cmpint (json_object_get_int_member (entry, "hours"), >, 0);
  FOR_EACH_OBJECT (get_array (officer, "sanctions"), sanction)
    assert_enum (sanction, "kind", sanction_kinds, TRUE);
}

static void
assert_case_shape (JsonObject *object)
{
  JsonObject *decision;

  assert_id (object);
  g_assert_nonnull (get_string (object, "number"));
  g_assert_nonnull (get_string (object, "agency_id"));
  g_assert_nonnull (get_string (object, "title"));
  g_assert_nonnull (get_string (object, "power_code"));
  g_assert_nonnull (get_string (object, "facts"));
  assert_enum (object, "action_type", action_types, TRUE);
  assert_enum (object, "procedure", procedures, TRUE);
  assert_enum (object, "trigger", triggers, TRUE);
  assert_enum (object, "exempt_from_publication", exemptions, FALSE);

  FOR_EACH_OBJECT (get_array (object, "parties"), party)
    {
      assert_enum (party, "kind", party_kinds, TRUE);
      g_assert_nonnull (get_string (party, "name"));
      if (g_str_equal (get_string (party, "kind"), "person"))
        g_assert_cmpuint (strlen (get_string (party, "id_number")), ==, 18);
      else
        g_assert_cmpuint (strlen (get_string (party, "credit_code")), ==, 18);
    }

  g_assert_cmpuint (json_array_get_length (get_array (object, "officers")), >=, 1);
  g_assert_cmpuint (json_array_get_length (get_array (object, "stages")), >=, 1);
  FOR_EACH_OBJECT (get_array (object, "stages"), stage)
    assert_enum (stage, "stage", stage_codes, TRUE);

  g_assert_cmpuint (json_array_get_length (get_array (object, "records")), >=, 2);
  FOR_EACH_OBJECT (get_array (object, "records"), record)
    {
      g_autoptr(GDateTime) time = NULL;

      assert_id (record);
      assert_enum (record, "kind", record_kinds, TRUE);
      assert_enum (record, "stage", stage_codes, TRUE);
      time = g_date_time_new_from_iso8601 (get_string (record, "time"), NULL);
      g_assert_nonnull (time);
      g_assert_cmpint (g_date_time_get_utc_offset (time), ==, 8 * G_TIME_SPAN_HOUR);
      g_assert_nonnull (get_string (record, "matter"));
      if (g_str_equal (get_string (record, "kind"), "av"))
        g_assert_nonnull (get_string (record, "retain_until"));
    }

  FOR_EACH_OBJECT (get_array (object, "documents"), document)
    g_assert_nonnull (get_string (document, "kind"));
  g_assert_cmpuint (json_array_get_length (get_array (object, "evidence")), >=, 1);
  g_assert_cmpuint (json_array_get_length (get_array (object, "evidence")), <=, 3);
  FOR_EACH_OBJECT (get_array (object, "evidence"), item)
    {
      assert_id (item);
      g_assert_nonnull (get_string (item, "fact"));
    }

  decision = json_object_get_object_member (object, "decision");
  g_assert_nonnull (decision);
  g_assert_nonnull (get_string (decision, "content"));
  assert_enum_array (decision, "measures", measure_codes);

  if (json_object_has_member (object, "review"))
    {
      JsonObject *review = json_object_get_object_member (object, "review");

      assert_enum (review, "result", review_results, TRUE);
      FOR_EACH_OBJECT (get_array (review, "items"), item)
        {
          gint64 point = json_object_get_int_member (item, "point");

          g_assert_cmpint (point, >=, 1);
          g_assert_cmpint (point, <=, 9);
          assert_enum (item, "verdict", verdicts, TRUE);
        }
    }

  FOR_EACH_OBJECT (get_array (object, "outcome_changes"), change)
    assert_enum (change, "kind", outcome_kinds, TRUE);
}

static void
assert_shape (const char *collection,
              JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), object);

  assert_dates (node);

  if (g_str_equal (collection, "agencies"))
    assert_agency_shape (object);
  else if (g_str_equal (collection, "officers"))
    assert_officer_shape (object);
  else if (g_str_equal (collection, "cases"))
    assert_case_shape (object);
  else if (g_str_equal (collection, "complaints"))
    {
      assert_id (object);
      assert_enum (object, "form", complaint_forms, TRUE);
    }
  else if (g_str_equal (collection, "supervision_cases"))
    {
      assert_id (object);
      assert_enum (object, "grounds_excluded", exclusion_grounds, FALSE);
      g_assert_cmpuint (json_array_get_length (get_array (object, "investigators")), >=, 1);
    }
  else if (g_str_equal (collection, "letters"))
    {
      assert_id (object);
      assert_enum (object, "kind", letter_kinds, TRUE);
      assert_enum_array (object, "grounds", letter_grounds);
    }
  else if (g_str_equal (collection, "disputes"))
    {
      assert_id (object);
      g_assert_cmpuint (json_array_get_length (get_array (object, "agency_ids")), ==, 2);
    }
  else if (g_str_equal (collection, "social_supervisors"))
    {
      assert_id (object);
      assert_enum (object, "kind", supervisor_kinds, TRUE);
    }
  else if (g_str_equal (collection, "evaluations"))
    {
      assert_id (object);
      g_assert_true (json_object_has_member (object, "scores"));
    }
  else
    {
      g_error ("unknown collection %s", collection);
    }
}

static void
test_shape (void)
{
  g_autoptr(Sample) sample = generate_district (600, 11);

  for (guint i = 0; i < sample->objects->len; i++)
    assert_shape (sample->collections->pdata[i], sample->objects->pdata[i]);
}

/* Determinism */

static void
test_deterministic (void)
{
  g_autoptr(Sample) first = generate_district (300, 42);
  g_autoptr(Sample) second = generate_district (300, 42);
  g_autoptr(Sample) other = generate_district (300, 43);
  g_autofree char *first_text = serialize (first);
  g_autofree char *second_text = serialize (second);
  g_autofree char *other_text = serialize (other);

  g_assert_cmpuint (strlen (first_text), >, 100000);
  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_cmpstr (first_text, !=, other_text);
}

/* References and counts */

static void
test_references (void)
{
  g_autoptr(Sample) sample = generate_district (500, 3);
  g_autoptr(GHashTable) agencies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) officers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cases = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) supervision = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  guint well_formed = 0;

  /* Each reference must point at an object emitted before. */
  for (guint i = 0; i < sample->objects->len; i++)
    {
      const char *collection = sample->collections->pdata[i];
      JsonObject *object = sample->objects->pdata[i];
      const char *id = get_string (object, "id");

      if (g_str_equal (collection, "agencies"))
        {
          const char *parent = get_string (object, "parent_id");

          g_assert_true (parent == NULL || g_hash_table_contains (agencies, parent));
          if (json_object_has_member (object, "entrustment"))
            g_assert_true (g_hash_table_contains (
              agencies,
              get_string (json_object_get_object_member (object, "entrustment"),
                          "by_agency_id")));
          g_hash_table_add (kinds, (gpointer) get_string (object, "kind"));
          g_hash_table_insert (agencies, (gpointer) id, object);
        }
      else if (g_str_equal (collection, "officers"))
        {
          g_assert_true (g_hash_table_contains (agencies, get_string (object, "agency_id")));
          g_hash_table_insert (officers, (gpointer) id, object);
        }
      else if (g_str_equal (collection, "cases"))
        {
          const char *agency_id = get_string (object, "agency_id");
          JsonObject *agency = g_hash_table_lookup (agencies, agency_id);
          JsonArray *case_officers = get_array (object, "officers");
          const char *power_code = get_string (object, "power_code");
          gboolean found = FALSE;

          g_assert_nonnull (agency);
          for (guint k = 0; k < json_array_get_length (case_officers); k++)
            {
              JsonObject *officer = g_hash_table_lookup (
                officers, json_array_get_string_element (case_officers, k));

              g_assert_nonnull (officer);
              g_assert_cmpstr (get_string (officer, "agency_id"), ==, agency_id);
            }

          FOR_EACH_OBJECT (get_array (agency, "powers"), power)
            {
              if (g_str_equal (get_string (power, "code"), power_code))
                {
                  g_assert_cmpstr (get_string (power, "action_type"), ==,
                                   get_string (object, "action_type"));
                  found = TRUE;
                }
            }
          g_assert_true (found);

          if (json_object_has_member (object, "review"))
            g_assert_true (g_hash_table_contains (
              officers,
              get_string (json_object_get_object_member (object, "review"), "reviewer_id")));

          /* Document numbers run per agency, kind and year: no two cases share one. */
          {
            const char *number = get_string (object, "number");
            const char *open = strstr (number, "〔");

            g_assert_false (g_hash_table_contains (numbers, number));
            g_hash_table_add (numbers, (gpointer) number);
            if (open != NULL && g_str_has_suffix (number, "号")
                && g_ascii_isdigit (open[strlen ("〔")]) && strstr (open, "〕") != NULL)
              well_formed++;
          }

          g_hash_table_insert (cases, (gpointer) id, object);
        }
      else if (g_str_equal (collection, "supervision_cases"))
        {
          JsonArray *investigators = get_array (object, "investigators");

          g_assert_true (g_hash_table_contains (agencies, get_string (object, "agency_id")));
          for (guint k = 0; k < json_array_get_length (investigators); k++)
            g_assert_true (g_hash_table_contains (
              officers, json_array_get_string_element (investigators, k)));
          g_hash_table_add (supervision, (gpointer) id);
        }
      else if (g_str_equal (collection, "complaints"))
        {
          const char *agency_id = get_string (object, "respondent_agency_id");
          const char *supervision_case_id = get_string (object, "supervision_case_id");

          g_assert_true (agency_id == NULL || g_hash_table_contains (agencies, agency_id));
          g_assert_true (supervision_case_id == NULL
                         || g_hash_table_contains (supervision, supervision_case_id));
        }
      else if (g_str_equal (collection, "letters"))
        {
          g_assert_true (g_hash_table_contains (supervision,
                                                get_string (object, "supervision_case_id")));
          g_assert_true (g_hash_table_contains (agencies, get_string (object, "agency_id")));
        }
      else if (g_str_equal (collection, "disputes"))
        {
          JsonArray *ids = get_array (object, "agency_ids");

          for (guint k = 0; k < json_array_get_length (ids); k++)
            g_assert_true (g_hash_table_contains (agencies,
                                                  json_array_get_string_element (ids, k)));
        }
      else if (g_str_equal (collection, "evaluations"))
        {
          JsonArray *ids = get_array (object, "case_ids");

          g_assert_true (g_hash_table_contains (agencies, get_string (object, "agency_id")));
          for (guint k = 0; k < json_array_get_length (ids); k++)
            g_assert_true (g_hash_table_contains (cases,
                                                  json_array_get_string_element (ids, k)));
        }
    }

  g_assert_cmpuint (g_hash_table_size (agencies), >=, 40);
  g_assert_cmpuint (g_hash_table_size (kinds), ==, 5);
  g_assert_cmpuint (g_hash_table_size (officers), >=, 8 * g_hash_table_size (agencies));
  g_assert_cmpuint (g_hash_table_size (cases), ==, 500);
  g_assert_cmpuint (well_formed, >=, 500 * 95 / 100);
  g_assert_cmpuint (g_hash_table_size (supervision), >=, 5);
  g_assert_cmpuint (count_collection (sample, "complaints"), >=, 25);
  g_assert_cmpuint (count_collection (sample, "social_supervisors"), >=, 5);
  g_assert_cmpuint (count_collection (sample, "disputes"), >=, 1);
  g_assert_cmpuint (count_collection (sample, "evaluations"), >=, g_hash_table_size (agencies));
}

static void
test_small_district (void)
{
  g_autoptr(Sample) sample = generate_district (0, 5);

  g_assert_cmpuint (count_collection (sample, "agencies"), >=, 40);
  g_assert_cmpuint (count_collection (sample, "cases"), ==, 0);
  g_assert_cmpuint (count_collection (sample, "complaints"), >=, 5);
  g_assert_cmpuint (count_collection (sample, "supervision_cases"), >=, 3);
}

static void
test_action_types (void)
{
  g_autoptr(Sample) sample = generate_district (2000, 2024);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint penalties = 0, majors = 0, reviews = 0, minors = 0, exempt_minors = 0;
  guint persons = 0, bad_persons = 0, organisations = 0, bad_organisations = 0;

  for (guint i = 0; i < sample->objects->len; i++)
    {
      JsonObject *object = sample->objects->pdata[i];
      const char *type;

      if (!g_str_equal (sample->collections->pdata[i], "cases"))
        continue;

      type = get_string (object, "action_type");
      g_hash_table_insert (counts, (gpointer) type,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, type))
                                             + 1));
      penalties += g_str_equal (type, "penalty");
      majors += json_object_get_boolean_member_with_default (
        json_object_get_object_member (object, "decision"), "declared_major", FALSE);
      reviews += json_object_has_member (object, "review");

      FOR_EACH_OBJECT (get_array (object, "parties"), party)
        {
          if (g_str_equal (get_string (party, "kind"), "person"))
            {
              persons++;
              bad_persons += !jd_resident_id_is_valid (get_string (party, "id_number"), NULL);
            }
          else
            {
              organisations++;
              bad_organisations += !jd_credit_code_is_valid (get_string (party, "credit_code"));
            }

          if (json_object_get_boolean_member_with_default (party, "minor", FALSE))
            {
              minors++;
              exempt_minors += g_strcmp0 (get_string (object, "exempt_from_publication"),
                                          "minor") == 0;
            }
        }

      /* Stages are listed in the order they happened. */
      {
        JsonArray *stages = get_array (object, "stages");

        for (guint k = 1; k < json_array_get_length (stages); k++)
          g_assert_cmpstr (get_string (json_array_get_object_element (stages, k - 1), "date"),
                           <=,
                           get_string (json_array_get_object_element (stages, k), "date"));
      }
    }

  for (guint i = 0; action_types[i] != NULL; i++)
    {
      if (!g_hash_table_contains (counts, action_types[i]))
        g_error ("no %s case in 2000", action_types[i]);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, action_types[i])), <=,
                        penalties);
    }
  g_assert_cmpuint (penalties, >, 1000);

  /* About 2% of parties carry a wrong check character on purpose, people and organisations. */
  g_assert_cmpuint (bad_persons, >=, persons / 200);
  g_assert_cmpuint (bad_persons, <=, persons / 20);
  g_assert_cmpuint (bad_organisations, >=, organisations / 200);
  g_assert_cmpuint (bad_organisations, <=, organisations / 20);

  /* Minors occur, and their cases are exempt from publication. */
  g_assert_cmpuint (minors, >=, 1);
  g_assert_cmpuint (exempt_minors, ==, minors);

  /* Major decisions occur, most with a review (REV-REQUIRED breaks about 5%). */
  g_assert_cmpuint (majors, >=, 50);
  g_assert_cmpuint (reviews, >=, majors * 8 / 10);
  g_assert_cmpuint (reviews, <=, majors);
}

/* Cases come out in the order they were filed, spread evenly over the years the sample covers,
 * so that an agency's numbers of a kind and year grow with the date, as in a real register. A
 * case is listed by its first stage, which some kinds of case date a few weeks after the day
 * they started: the order holds within a month. */
static void
test_filing_order (void)
{
  g_autoptr(Sample) sample = generate_district (3000, 77);
  GDate latest, date;
  char first[11] = "", last[11] = "";
  guint n = 0, n_first_year = 0;

  g_date_clear (&latest, 1);
  g_date_clear (&date, 1);
  for (guint i = 0; i < sample->objects->len; i++)
    {
      JsonObject *object = sample->objects->pdata[i];
      const char *opened;

      if (!g_str_equal (sample->collections->pdata[i], "cases"))
        continue;

      opened = get_string (json_array_get_object_element (get_array (object, "stages"), 0),
                           "date");
      {
        int y, m, d;

        g_assert_cmpint (sscanf (opened, "%d-%d-%d", &y, &m, &d), ==, 3);
        g_date_set_dmy (&date, d, m, y);
      }
      if (g_date_valid (&latest))
        g_assert_cmpint (g_date_days_between (&date, &latest), <=, 31);
      if (!g_date_valid (&latest) || g_date_compare (&date, &latest) > 0)
        latest = date;
      if (first[0] == '\0')
        g_strlcpy (first, opened, sizeof first);
      if (strcmp (opened, last) > 0)
        g_strlcpy (last, opened, sizeof last);
      n++;
      n_first_year += strncmp (opened, "2024", 4) == 0;
    }

  g_assert_cmpuint (n, ==, 3000);
  /* From January 2024 to early 2026, about half the cases in 2024, none crowded at one end. */
  g_assert_cmpstr (first, <, "2024-02-01");
  g_assert_cmpstr (last, >, "2025-12-01");
  g_assert_cmpuint (n_first_year, >, n * 2 / 5);
  g_assert_cmpuint (n_first_year, <, n * 3 / 5);
}

/* Cases for an existing agency */

static void
test_agency_mode (void)
{
  static const char * const power_codes[] = { "330301001000", "380309001000", "999912345678",
                                              NULL };
  static const char * const officer_ids[] = { "officer-a", "officer-b", "officer-c", NULL };
  JdSampleOptions options = {
    .n_cases = 300, .seed = 9, .agency_id = "agency-x", .power_codes = power_codes,
    .officer_ids = officer_ids,
  };
  g_autoptr(Sample) sample = generate (&options);
  g_autoptr(Sample) again = generate (&options);
  g_autofree char *text = serialize (sample);
  g_autofree char *text_again = serialize (again);
  guint n_cases = 0;

  g_assert_cmpstr (text, ==, text_again);

  for (guint i = 0; i < sample->objects->len; i++)
    {
      const char *collection = sample->collections->pdata[i];
      JsonObject *object = sample->objects->pdata[i];

      if (g_str_equal (collection, "cases"))
        {
          JsonArray *officers = get_array (object, "officers");

          n_cases++;
          assert_case_shape (object);
          g_assert_cmpstr (get_string (object, "agency_id"), ==, "agency-x");
          g_assert_true (g_strv_contains (power_codes, get_string (object, "power_code")));
          for (guint k = 0; k < json_array_get_length (officers); k++)
            g_assert_true (g_strv_contains (officer_ids,
                                            json_array_get_string_element (officers, k)));
          FOR_EACH_OBJECT (get_array (object, "records"), record)
            {
              JsonArray *record_officers = get_array (record, "officers");

              for (guint k = 0; k < json_array_get_length (record_officers); k++)
                g_assert_true (g_strv_contains (
                  officer_ids, json_array_get_string_element (record_officers, k)));
            }
        }
      else if (g_str_equal (collection, "complaints"))
        {
          const char *agency_id = get_string (object, "respondent_agency_id");

          g_assert_true (agency_id == NULL || g_str_equal (agency_id, "agency-x"));
        }
      else
        {
          g_error ("agency mode emitted a %s", collection);
        }
    }

  g_assert_cmpuint (n_cases, ==, 300);
  g_assert_cmpuint (count_collection (sample, "complaints"), >=, 15);
}

static void
test_agency_mode_invented (void)
{
  JdSampleOptions options = { .n_cases = 100, .seed = 10, .agency_id = "agency-y" };
  g_autoptr(Sample) sample = generate (&options);
  g_autoptr(GHashTable) officers = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (count_collection (sample, "officers"), ==, 6);
  g_assert_cmpuint (count_collection (sample, "cases"), ==, 100);
  g_assert_cmpuint (count_collection (sample, "agencies"), ==, 0);

  for (guint i = 0; i < sample->objects->len; i++)
    {
      const char *collection = sample->collections->pdata[i];
      JsonObject *object = sample->objects->pdata[i];

      if (g_str_equal (collection, "officers"))
        {
          assert_officer_shape (object);
          g_assert_cmpstr (get_string (object, "agency_id"), ==, "agency-y");
          g_hash_table_add (officers, (gpointer) get_string (object, "id"));
        }
      else if (g_str_equal (collection, "cases"))
        {
          JsonArray *case_officers = get_array (object, "officers");

          g_assert_cmpstr (get_string (object, "agency_id"), ==, "agency-y");
          for (guint k = 0; k < json_array_get_length (case_officers); k++)
            g_assert_true (g_hash_table_contains (
              officers, json_array_get_string_element (case_officers, k)));
        }
    }
}

static void
test_empty_agency_id (void)
{
  JdSampleOptions options = { .n_cases = 10, .seed = 1, .agency_id = "" };
  g_autoptr(Sample) sample = g_new0 (Sample, 1);
  g_autoptr(GError) error = NULL;

  sample->collections = g_ptr_array_new ();
  sample->objects = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_assert_false (jd_sample_generate (&options, collect_cb, sample, &error));
  g_assert_error (error, JD_SAMPLE_ERROR, JD_SAMPLE_ERROR_INVALID);
  g_assert_cmpuint (sample->objects->len, ==, 0);
}

/* Stopping */

typedef struct
{
  guint       calls;
  guint       stop_at;
  const char *stop_collection;
  gboolean    set_error;
} StopState;

static gboolean
stop_cb (const char  *collection,
         JsonObject  *object,
         gpointer     user_data,
         GError     **error)
{
  StopState *state = user_data;

  state->calls++;
  if ((state->stop_collection != NULL && g_str_equal (collection, state->stop_collection))
      || state->calls == state->stop_at)
    {
      if (state->set_error)
        g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC, "disk full at %u", state->calls);
      return FALSE;
    }

  return TRUE;
}

static void
test_stop (void)
{
  JdSampleOptions options = { .n_cases = 1000, .seed = 4 };
  StopState state = { .stop_at = 60, .set_error = TRUE };
  g_autoptr(GError) error = NULL;

  g_assert_false (jd_sample_generate (&options, stop_cb, &state, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_cmpstr (error->message, ==, "disk full at 60");
  g_assert_cmpuint (state.calls, ==, 60);
}

static void
test_stop_in_cases (void)
{
  JdSampleOptions options = { .n_cases = 5000, .seed = 4 };
  StopState state = { .stop_collection = "cases" };
  g_autoptr(GError) error = NULL;
  guint before_cases;

  /* Without an error from the callback, the generator reports the stop itself. */
  g_assert_false (jd_sample_generate (&options, stop_cb, &state, &error));
  g_assert_error (error, JD_SAMPLE_ERROR, JD_SAMPLE_ERROR_STOPPED);
  before_cases = state.calls;

  g_clear_error (&error);
  state = (StopState) { .stop_collection = "evaluations", .set_error = TRUE };
  g_assert_false (jd_sample_generate (&options, stop_cb, &state, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOSPC);
  g_assert_cmpuint (state.calls, >, before_cases + 5000);
}

static double
declared_rate (const char *rule_id)
{
  guint n = 0;
  const JdSampleRate *rates = jd_sample_rates (&n);

  for (guint i = 0; i < n; i++)
    {
      if (g_str_equal (rates[i].rule_id, rule_id))
        return rates[i].rate;
    }

  g_error ("no rate for %s", rule_id);
}

static void
assert_share (const char *rule_id,
              guint       breaking,
              guint       total)
{
  double rate = declared_rate (rule_id);
  double share;

  g_assert_cmpuint (total, >, 0);
  share = (double) breaking / total;
  g_test_message ("%s: %u of %u (%.3f, declared %.3f)", rule_id, breaking, total, share, rate);

  /* Loose bounds: the seed is fixed, and a breach that vanished or became the rule must show. */
  if (share < rate / 2.5 || share > rate * 2.5)
    g_error ("%s: %.3f of the objects break it, %.3f declared", rule_id, share, rate);
}

static gboolean
record_complete (JsonObject *record)
{
  return json_object_has_member (record, "time") && json_object_has_member (record, "place")
         && json_object_has_member (record, "officers") && json_object_has_member (record, "party")
         && json_object_has_member (record, "matter");
}

static void
test_breach_rates (void)
{
  g_autoptr(Sample) sample = generate_district (4000, 77);
  guint majors = 0, no_collective = 0, closed = 0, late_archive = 0, published = 0, leaks = 0;
  guint text_records = 0, incomplete = 0, penalties = 0, no_article = 0, cases = 0;
  guint malformed = 0;

  for (guint i = 0; i < sample->objects->len; i++)
    {
      JsonObject *object = sample->objects->pdata[i];
      JsonObject *decision;

      if (!g_str_equal (sample->collections->pdata[i], "cases"))
        continue;

      cases++;
      malformed += strstr (get_string (object, "number"), "〔") == NULL;

      decision = json_object_get_object_member (object, "decision");
      if (json_object_get_boolean_member_with_default (decision, "declared_major", FALSE))
        {
          majors++;
          no_collective += !json_object_has_member (decision, "collective_discussion_on");
        }

      if (json_object_has_member (object, "closed_on"))
        {
          GDate closed_on, archived_on;

          closed++;
          g_date_clear (&closed_on, 1);
          g_date_clear (&archived_on, 1);
          g_date_set_parse (&closed_on, get_string (object, "closed_on"));
          g_date_set_parse (&archived_on, get_string (object, "archived_on"));
          g_assert_true (g_date_valid (&closed_on) && g_date_valid (&archived_on));
          late_archive += g_date_days_between (&closed_on, &archived_on) > 30;
        }

      if (json_object_has_member (object, "publication"))
        {
          const char *text = get_string (json_object_get_object_member (object, "publication"),
                                         "text");

          published++;
          leaks += strstr (text, "身份证号") != NULL || strstr (text, "联系电话") != NULL;
        }

      FOR_EACH_OBJECT (get_array (object, "records"), record)
        {
          if (!g_str_equal (get_string (record, "kind"), "text"))
            continue;
          text_records++;
          incomplete += !record_complete (record);
        }

      if (g_str_equal (get_string (object, "action_type"), "penalty"))
        {
          JsonObject *basis = json_object_get_object_member (object, "legal_basis");

          penalties++;
          no_article += strstr (get_string (basis, "violation"), "第") == NULL;
        }
    }

  assert_share ("REV-COLLECTIVE", no_collective, majors);
  assert_share ("REC-ARCHIVE", late_archive, closed);
  assert_share ("PUB-REDACT", leaks, published);
  assert_share ("REC-ELEMENTS", incomplete, text_records);
  assert_share ("REV-P7-LAW", no_article, penalties);
  assert_share ("REV-P1-MATERIALS", malformed, cases);
}

static void
test_rates (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const JdSampleRate *rates;
  guint n = 0;

  rates = jd_sample_rates (&n);
  g_assert_nonnull (rates);
  g_assert_cmpuint (n, >=, 8);
  g_assert_true (jd_sample_rates (NULL) == rates);

  for (guint i = 0; i < n; i++)
    {
      if (!in_list (rule_ids, rates[i].rule_id))
        g_error ("%s is not a rule of RULES.md", rates[i].rule_id);
      g_assert_false (g_hash_table_contains (seen, rates[i].rule_id));
      g_hash_table_add (seen, (gpointer) rates[i].rule_id);
      g_assert_cmpfloat (rates[i].rate, >, 0.0);
      g_assert_cmpfloat (rates[i].rate, <, 1.0);
      g_assert_cmpuint (strlen (rates[i].description), >, 10);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/deterministic", test_deterministic);
  g_test_add_func ("/sample/shape", test_shape);
  g_test_add_func ("/sample/references", test_references);
  g_test_add_func ("/sample/small-district", test_small_district);
  g_test_add_func ("/sample/action-types", test_action_types);
  g_test_add_func ("/sample/filing-order", test_filing_order);
  g_test_add_func ("/sample/agency-mode", test_agency_mode);
  g_test_add_func ("/sample/agency-mode-invented", test_agency_mode_invented);
  g_test_add_func ("/sample/empty-agency-id", test_empty_agency_id);
  g_test_add_func ("/sample/stop", test_stop);
  g_test_add_func ("/sample/stop-in-cases", test_stop_in_cases);
  g_test_add_func ("/sample/rates", test_rates);
  g_test_add_func ("/sample/breach-rates", test_breach_rates);

  return g_test_run ();
}
