#include <string.h>

#include "jd-case-checks.h"
#include "jd-rule-context.h"
#include "jd-sample-store.h"
#include "jd-store-list.h"
#include "jd-store-records.h"
#include "jd-test-util.h"

#define N_CASES 600

typedef JdTestStore Fixture;

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  jd_test_store_set_up (f, data);
  jd_sample_store (f->store, N_CASES, 11, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* Every live case, the slow way, to check the filtered queries against. */
static GPtrArray *
all_cases (JdStore *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = jd_store_list_cases (store, 0, N_CASES * 2, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, N_CASES);
  return cases;
}

static GPtrArray *
list (JdStore            *store,
      const JdCaseFilter *filter,
      guint               offset,
      guint               limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = jd_store_list_cases_filtered (store, filter, offset, limit, &error);

  g_assert_no_error (error);
  return cases;
}

static gint64
count (JdStore            *store,
       const JdCaseFilter *filter)
{
  g_autoptr(GError) error = NULL;
  gint64 n = jd_store_count_cases_filtered (store, filter, &error);

  g_assert_no_error (error);
  return n;
}

static void
test_filters (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) everything = all_cases (f->store);
  const char *agency = jd_case_get_agency_id (everything->pdata[0]);
  JdCaseFilter by_agency = { NULL, agency, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter by_type = { NULL, NULL, "penalty", JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter none = { NULL, NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  g_autoptr(GPtrArray) of_agency = NULL;
  g_autoptr(GPtrArray) first_page = NULL;
  g_autoptr(GPtrArray) second_page = NULL;
  guint n_agency = 0;
  guint n_penalty = 0;

  for (guint i = 0; i < everything->len; i++)
    {
      n_agency += g_strcmp0 (jd_case_get_agency_id (everything->pdata[i]), agency) == 0;
      n_penalty += g_strcmp0 (jd_case_get_action_type (everything->pdata[i]), "penalty") == 0;
    }

  g_assert_cmpint (count (f->store, &none), ==, N_CASES);
  g_assert_cmpint (count (f->store, &by_agency), ==, n_agency);
  g_assert_cmpint (count (f->store, &by_type), ==, n_penalty);
  g_assert_cmpuint (n_penalty, >, 0);
  g_assert_cmpuint (n_penalty, <, N_CASES);

  of_agency = list (f->store, &by_agency, 0, N_CASES);
  g_assert_cmpuint (of_agency->len, ==, n_agency);
  for (guint i = 0; i < of_agency->len; i++)
    g_assert_cmpstr (jd_case_get_agency_id (of_agency->pdata[i]), ==, agency);

  /* Cases opened in a period, the days at both ends included. */
  {
    JdCaseFilter period = { .opened_from = "2025-03-01", .opened_to = "2025-05-31",
                            .agency_id = agency };
    g_autoptr(GPtrArray) in_period = list (f->store, &period, 0, N_CASES);
    guint n_period = 0;

    for (guint i = 0; i < of_agency->len; i++)
      {
        const char *opened = NULL;
        JsonArray *stages = jd_case_get_stages (of_agency->pdata[i]);

        for (guint j = 0; stages != NULL && j < json_array_get_length (stages); j++)
          {
            const char *date = json_object_get_string_member_with_default (
              json_array_get_object_element (stages, j), "date", NULL);

            if (date != NULL && (opened == NULL || strcmp (date, opened) < 0))
              opened = date;
          }
        n_period += opened != NULL && strcmp (opened, "2025-03-01") >= 0
                    && strcmp (opened, "2025-05-31") <= 0;
      }
    g_assert_cmpuint (n_period, >, 0);
    g_assert_cmpuint (in_period->len, ==, n_period);
    g_assert_cmpint (count (f->store, &period), ==, n_period);
  }

  /* A search counts no further than asked; without a query the cap does not apply. */
  {
    JdCaseFilter broad = { "案", NULL, NULL, JD_CASE_SORT_OPENED_DESC };
    gint64 every_hit = count (f->store, &broad);

    g_assert_cmpint (every_hit, >, 50);
    broad.max_hits = 50;
    g_assert_cmpint (count (f->store, &broad), ==, 50);
    broad.max_hits = (guint) every_hit + 10;
    g_assert_cmpint (count (f->store, &broad), ==, every_hit);
    none.max_hits = 50;
    g_assert_cmpint (count (f->store, &none), ==, N_CASES);
    none.max_hits = 0;
  }

  /* Pages follow each other without overlap, in the unfiltered list's order. */
  first_page = list (f->store, &none, 0, 100);
  second_page = list (f->store, &none, 100, 100);
  g_assert_cmpuint (first_page->len, ==, 100);
  g_assert_cmpuint (second_page->len, ==, 100);
  for (guint i = 0; i < 100; i++)
    {
      g_assert_cmpstr (jd_entity_get_id (first_page->pdata[i]), ==,
                       jd_entity_get_id (everything->pdata[i]));
      g_assert_cmpstr (jd_entity_get_id (second_page->pdata[i]), ==,
                       jd_entity_get_id (everything->pdata[100 + i]));
    }
}


typedef struct
{
  int   n_errors;
  GDate next_due;
} Expected;

static void
expected_cb (const JdFinding *finding,
             gpointer         user_data)
{
  Expected *expected = user_data;

  if (finding->status == JD_FINDING_FAIL && jd_finding_is_blocking (finding))
    expected->n_errors++;
  if (finding->open && g_date_valid (&finding->due)
      && (!g_date_valid (&expected->next_due)
          || g_date_compare (&finding->due, &expected->next_due) < 0))
    expected->next_due = finding->due;
}

/* The rules run one case at a time, the slow way, to check the filters against. */
typedef struct
{
  JdValidator *validator;
  JdRuleData  *data;
  GHashTable  *with_errors;  /* case ids */
  GHashTable  *due;          /* case ids */
  GDate        limit;
  guint        n_both;       /* penalties with errors and a deadline by @limit */
} Expect;

static gboolean
expect_case_cb (JdCase     *kase,
                GPtrArray  *records,
                gpointer    user_data,
                GError    **error)
{
  Expect *expect = user_data;
  Expected expected = { 0 };
  char *id = g_strdup (jd_entity_get_id (JD_ENTITY (kase)));
  gboolean is_due;

  g_date_clear (&expected.next_due, 1);
  jd_validator_check_entity (expect->validator, expect->data, JD_ENTITY (kase), records,
                             expected_cb, &expected);
  is_due = g_date_valid (&expected.next_due)
           && g_date_compare (&expected.next_due, &expect->limit) <= 0;
  if (expected.n_errors > 0)
    g_hash_table_add (expect->with_errors, g_strdup (id));
  if (is_due)
    g_hash_table_add (expect->due, g_strdup (id));
  expect->n_both += expected.n_errors > 0 && is_due
                    && g_strcmp0 (jd_case_get_action_type (kase), "penalty") == 0;
  g_free (id);
  return TRUE;
}

static JdValidator *
new_validator (const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdProfile) profile = jd_profile_load ("beijing", &error);
  GDate date;

  g_assert_no_error (error);
  g_assert_true (jd_rule_parse_date (as_of, &date));
  return jd_validator_new (profile, jd_calendar_get_default (), &date);
}

static gint64
refresh (JdStore     *store,
         JdValidator *validator)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdRuleData) data = jd_validator_load_data (store, &error);
  gint64 n;

  g_assert_no_error (error);
  n = jd_case_checks_refresh (store, validator, data, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return n;
}

/* The filters on the rules' results select exactly the cases the rules, run one by one, find
 * errors in or deadlines for; a refresh checks only what changed, and everything again for
 * another date. */
static void
test_checks (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(JdValidator) validator = new_validator ("2026-03-01");
  g_autoptr(JdValidator) later = new_validator ("2026-04-01");
  g_autoptr(GPtrArray) everything = all_cases (f->store);
  g_autoptr(GHashTable) with_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) due = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JdCaseFilter errors_filter = { NULL, NULL, NULL, JD_CASE_SORT_OPENED_DESC, TRUE, NULL };
  JdCaseFilter due_filter = { NULL, NULL, NULL, JD_CASE_SORT_OPENED_DESC, FALSE, "2026-03-15" };
  JdCaseFilter both = { NULL, NULL, "penalty", JD_CASE_SORT_OPENED_DESC, TRUE, "2026-03-15" };
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  GDate limit;
  Expect expect = { 0 };
  guint n_both;

  g_assert_true (jd_rule_parse_date ("2026-03-15", &limit));
  g_assert_cmpint (jd_case_checks_count_stale (f->store, validator, &error), ==, N_CASES);
  g_assert_no_error (error);
  /* Nothing checked yet: the filters select nothing rather than everything. */
  g_assert_cmpint (count (f->store, &errors_filter), ==, 0);

  g_assert_cmpint (refresh (f->store, validator), ==, N_CASES);
  g_assert_cmpint (jd_case_checks_count_stale (f->store, validator, &error), ==, 0);
  g_assert_cmpint (refresh (f->store, validator), ==, 0);

  expect.validator = validator;
  expect.data = jd_validator_load_data (f->store, &error);
  g_assert_no_error (error);
  expect.with_errors = with_errors;
  expect.due = due;
  expect.limit = limit;
  g_assert_true (jd_store_foreach_case (f->store, NULL, expect_case_cb, &expect, &error));
  g_assert_no_error (error);
  n_both = expect.n_both;
  g_clear_object (&expect.data);

  /* The sample has known breach rates: both kinds are there, and not everywhere. */
  g_assert_cmpuint (g_hash_table_size (with_errors), >, 0);
  g_assert_cmpuint (g_hash_table_size (with_errors), <, N_CASES);
  g_assert_cmpuint (g_hash_table_size (due), >, 0);

  g_assert_cmpint (count (f->store, &errors_filter), ==, g_hash_table_size (with_errors));
  listed = list (f->store, &errors_filter, 0, N_CASES);
  for (guint i = 0; i < listed->len; i++)
    g_assert_true (g_hash_table_contains (with_errors, jd_entity_get_id (listed->pdata[i])));
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = list (f->store, &due_filter, 0, N_CASES);
  g_assert_cmpuint (listed->len, ==, g_hash_table_size (due));
  for (guint i = 0; i < listed->len; i++)
    g_assert_true (g_hash_table_contains (due, jd_entity_get_id (listed->pdata[i])));
  g_assert_cmpint (count (f->store, &both), ==, n_both);

  /* One case written since: only it is checked again. */
  json_object_set_string_member (jd_entity_get_fields (everything->pdata[3]), "title",
                                 "改过标题的案件");
  g_assert_true (jd_store_save (f->store, everything->pdata[3], &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_case_checks_count_stale (f->store, validator, &error), ==, 1);
  g_assert_cmpint (refresh (f->store, validator), ==, 1);

  /* A record added to a case: that case again, within the second it was checked too. */
  {
    g_autoptr(JsonObject) fields = json_object_new ();
    g_autoptr(JdRecord) record = NULL;

    json_object_set_string_member (fields, "id", "r-checks-1");
    json_object_set_string_member (fields, "case_id", jd_entity_get_id (everything->pdata[5]));
    json_object_set_string_member (fields, "kind", "text");
    json_object_set_string_member (fields, "stage", "investigation");
    json_object_set_string_member (fields, "time", "2026-01-05T10:00:00+08:00");
    json_object_set_string_member (fields, "matter", "询问笔录");
    record = jd_record_new (fields);
    g_assert_true (jd_store_save (f->store, JD_ENTITY (record), &error));
    g_assert_no_error (error);
    g_assert_cmpint (jd_case_checks_count_stale (f->store, validator, &error), ==, 1);
    g_assert_cmpint (refresh (f->store, validator), ==, 1);
  }

  /* A case deleted: its check goes with it, and nothing is left to check. */
  g_assert_true (jd_store_delete (f->store, JD_COLLECTION_CASES,
                                  jd_entity_get_id (everything->pdata[7]), &error));
  g_assert_no_error (error);
  g_assert_cmpint (jd_case_checks_count_stale (f->store, validator, &error), ==, 0);
  g_assert_cmpint (refresh (f->store, validator), ==, 0);

  /* An officer changed: their certificates weigh on every case, so every case again. */
  {
    g_autoptr(JdRuleData) rule_data = jd_validator_load_data (f->store, &error);
    GPtrArray *officers = jd_rule_data_list (rule_data, JD_COLLECTION_OFFICERS);

    g_assert_no_error (error);
    g_assert_cmpuint (officers->len, >, 0);
    json_object_set_string_member (jd_entity_get_fields (officers->pdata[0]), "name", "改名");
    g_assert_true (jd_store_save (f->store, officers->pdata[0], &error));
    g_assert_no_error (error);
    g_assert_cmpint (jd_case_checks_count_stale (f->store, validator, &error), ==, N_CASES - 1);
    g_assert_cmpint (refresh (f->store, validator), ==, N_CASES - 1);
  }

  /* Another "as of" date: every case again. */
  g_assert_cmpint (jd_case_checks_count_stale (f->store, later, &error), ==, N_CASES - 1);
  g_assert_cmpint (refresh (f->store, later), ==, N_CASES - 1);
  g_assert_cmpint (jd_case_checks_count_stale (f->store, validator, &error), ==, N_CASES - 1);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  JdCaseFilter newest = { NULL, NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter oldest = { NULL, NULL, NULL, JD_CASE_SORT_OPENED_ASC };
  g_autoptr(GPtrArray) down = list (f->store, &newest, 0, N_CASES);
  g_autoptr(GPtrArray) up = list (f->store, &oldest, 0, N_CASES);

  g_assert_cmpuint (down->len, ==, N_CASES);
  g_assert_cmpuint (up->len, ==, N_CASES);
  for (guint i = 0; i < N_CASES; i++)
    g_assert_cmpstr (jd_entity_get_id (down->pdata[i]), ==,
                     jd_entity_get_id (up->pdata[N_CASES - 1 - i]));

  /* By number both ways, and grouped by agency and type; pages read apart join up. */
  {
    JdCaseFilter by_number = { NULL, NULL, NULL, JD_CASE_SORT_NUMBER_ASC };
    JdCaseFilter by_number_desc = { NULL, NULL, NULL, JD_CASE_SORT_NUMBER_DESC };
    JdCaseFilter by_agency = { NULL, NULL, NULL, JD_CASE_SORT_AGENCY };
    JdCaseFilter by_type = { NULL, NULL, "penalty", JD_CASE_SORT_TYPE };
    g_autoptr(GPtrArray) numbers = list (f->store, &by_number, 0, N_CASES);
    g_autoptr(GPtrArray) numbers_desc = list (f->store, &by_number_desc, 0, N_CASES);
    g_autoptr(GPtrArray) second_page = list (f->store, &by_number, 100, 100);
    g_autoptr(GPtrArray) agencies = list (f->store, &by_agency, 0, N_CASES);
    g_autoptr(GPtrArray) types = list (f->store, &by_type, 0, N_CASES);

    g_assert_cmpuint (numbers->len, ==, N_CASES);
    for (guint i = 0; i + 1 < N_CASES; i++)
      {
        g_assert_cmpstr (jd_case_get_number (numbers->pdata[i]), <=,
                         jd_case_get_number (numbers->pdata[i + 1]));
        g_assert_cmpstr (jd_case_get_agency_id (agencies->pdata[i]), <=,
                         jd_case_get_agency_id (agencies->pdata[i + 1]));
      }
    for (guint i = 0; i < N_CASES; i++)
      g_assert_cmpstr (jd_entity_get_id (numbers->pdata[i]), ==,
                       jd_entity_get_id (numbers_desc->pdata[N_CASES - 1 - i]));
    for (guint i = 0; i < 100; i++)
      g_assert_cmpstr (jd_entity_get_id (second_page->pdata[i]), ==,
                       jd_entity_get_id (numbers->pdata[100 + i]));
    g_assert_cmpuint (types->len, >, 0);
    for (guint i = 0; i < types->len; i++)
      g_assert_cmpstr (jd_case_get_action_type (types->pdata[i]), ==, "penalty");
  }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) everything = all_cases (f->store);
  const char *number = jd_case_get_number (everything->pdata[10]);
  JdCaseFilter by_number = { number, NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter short_word = { "违法", NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter short_penalties = { "违法", NULL, "penalty", JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter one_char = { "某", NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter nothing = { "没有这样的案件", NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter blank = { " \u3000 ", NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter injection = { "\"') OR 1=1 --", NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  g_autoptr(GPtrArray) hits = NULL;
  gboolean found = FALSE;

  hits = list (f->store, &by_number, 0, 100);
  g_assert_cmpint (count (f->store, &by_number), ==, hits->len);
  for (guint i = 0; i < hits->len; i++)
    found |= g_strcmp0 (jd_entity_get_id (hits->pdata[i]),
                        jd_entity_get_id (everything->pdata[10])) == 0;
  g_assert_true (found);

  g_assert_cmpint (count (f->store, &short_word), >, 0);
  g_assert_cmpint (count (f->store, &short_penalties), <=, count (f->store, &short_word));
  g_assert_cmpint (count (f->store, &one_char), >, 0);
  g_assert_cmpint (count (f->store, &nothing), ==, 0);
  g_assert_cmpint (count (f->store, &blank), ==, N_CASES);
  g_assert_cmpint (count (f->store, &injection), ==, 0);

  g_clear_pointer (&hits, g_ptr_array_unref);
  hits = list (f->store, &short_penalties, 0, N_CASES);
  g_assert_cmpint (hits->len, ==, count (f->store, &short_penalties));
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpstr (jd_case_get_action_type (hits->pdata[i]), ==, "penalty");

  /* A capped count of words alone reads the search index without the cases: the same hits as
   * the list, up to the cap, and a tombstoned case is no longer among them. Trigram and short
   * words together, a short word, one character, and trigram words (the case of @number goes
   * last, deleted). */
  {
    const char *title = jd_case_get_title (everything->pdata[20]);
    g_autofree char *three = g_utf8_substring (title, 0, 3);
    g_autofree char *two = g_utf8_substring (title, 3, 5);
    g_autofree char *both = g_strconcat (three, " ", two, NULL);
    const char * const queries[] = { both, "违法", "某", number };

    for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
      {
        JdCaseFilter words = { queries[q], NULL, NULL, JD_CASE_SORT_OPENED_DESC };
        g_autoptr(GError) error = NULL;
        JdEntity *victim;
        gint64 before;

        g_test_message ("capped count of query %u", q);
        words.max_hits = N_CASES;
        before = count (f->store, &words);
        g_assert_cmpint (before, >, 0);
        g_clear_pointer (&hits, g_ptr_array_unref);
        hits = list (f->store, &words, 0, N_CASES);
        g_assert_cmpint (before, ==, hits->len);

        words.max_hits = 1;
        g_assert_cmpint (count (f->store, &words), ==, 1);
        words.max_hits = N_CASES;

        /* Any hit but the case of @number, until its own turn. */
        victim = hits->pdata[0];
        for (guint i = 0; i < hits->len && victim == hits->pdata[0]; i++)
          if (g_strcmp0 (jd_entity_get_id (hits->pdata[i]),
                         jd_entity_get_id (everything->pdata[10])) != 0)
            victim = hits->pdata[i];
        jd_store_delete (f->store, JD_COLLECTION_CASES, jd_entity_get_id (victim), &error);
        g_assert_no_error (error);
        g_assert_cmpint (count (f->store, &words), ==, before - 1);
      }
  }
}

/* The ids of the live cases whose search text holds @word, newest first: the reference. */
static GPtrArray *
scan_search_texts (const char *path,
                   const char *word)
{
  sqlite3 *db = jd_test_raw_open (path);
  sqlite3_stmt *stmt = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT c.id FROM case_search AS s "
                                       "JOIN cases AS c ON c.pk = s.pk "
                                       "WHERE instr (s.text, ?1) > 0 ORDER BY s.pk DESC",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, word, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ids;
}

/* A two-character word is matched through the index's vocabulary, or by scanning the texts when
 * it is in most of them: either way, the hits are the texts that hold it, in list order. */
static void
test_search_two_characters (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GPtrArray) everything = all_cases (f->store);
  /* The first two characters of a case number are in many (京通 in 通州区's). */
  g_autofree char *prefix = g_utf8_substring (jd_case_get_number (everything->pdata[0]), 0, 2);
  const char * const words[] = { prefix, "当事", "违法", "罚款", "出租", "执法", "无此" };
  gboolean common = FALSE, rare = FALSE;

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      g_autoptr(GPtrArray) expected = scan_search_texts (f->path, words[w]);
      JdCaseFilter filter = { words[w], NULL, NULL, JD_CASE_SORT_OPENED_DESC };
      g_autoptr(GPtrArray) hits = NULL;

      g_test_message ("%s: in %u of %d texts", words[w], expected->len, N_CASES);
      common |= expected->len * 100 >= N_CASES * 40;
      rare |= expected->len > 0 && expected->len * 100 < N_CASES * 40;

      hits = list (f->store, &filter, 0, N_CASES);
      g_assert_cmpuint (hits->len, ==, expected->len);
      for (guint i = 0; i < hits->len; i++)
        g_assert_cmpstr (jd_entity_get_id (hits->pdata[i]), ==, expected->pdata[i]);
      g_assert_cmpint (count (f->store, &filter), ==, expected->len);
      filter.max_hits = 7;
      g_assert_cmpint (count (f->store, &filter), ==, MIN (expected->len, 7));
    }
  /* Both ways were taken. */
  g_assert_true (common);
  g_assert_true (rare);
}

static char *
ids_of (GPtrArray *cases)
{
  GString *ids = g_string_new (NULL);

  for (guint i = 0; i < cases->len; i++)
    g_string_append_printf (ids, "%s ", jd_entity_get_id (cases->pdata[i]));
  return g_string_free (ids, FALSE);
}

/* A search with filters finds the same cases, in the same order, and counts the same, whether
 * it looks for its words among the filter's cases or checks the filter on the search's hits. */
static void
test_filter_plans (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) everything = all_cases (f->store);
  const char *agency = jd_case_get_agency_id (everything->pdata[0]);
  const char *number = jd_case_get_number (everything->pdata[3]);
  g_autofree char *prefix = g_utf8_substring (number, 0, 2);
  const char * const queries[] = { "违法", "某", "违法建设", prefix, number, "某 违法",
                                   "没有这样的案件" };
  const JdCaseFilter filters[] = {
    { .agency_id = agency },
    { .action_type = "penalty" },
    { .with_errors = TRUE },
    { .due_by = "2026-12-31" },
    { .opened_from = "2025-03-01", .opened_to = "2025-09-30" },
    { .agency_id = agency, .action_type = "penalty", .with_errors = TRUE },
  };
  g_autoptr(JdValidator) validator = new_validator ("2026-03-01");
  guint n_hits = 0;

  /* The rules' results, for the filters on them. */
  refresh (f->store, validator);
  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
      {
        JdCaseFilter filter = filters[i];
        g_autofree char *search_first = NULL;
        g_autofree char *filter_first = NULL;
        gint64 counts[2], capped[2];

        filter.query = queries[q];
        for (guint plan = 0; plan < 2; plan++)
          {
            g_autoptr(GPtrArray) hits = NULL;

            jd_store_set_filter_first_limit (f->store, plan == 0 ? 0 : N_CASES + 1);
            hits = list (f->store, &filter, 0, N_CASES);
            *(plan == 0 ? &search_first : &filter_first) = ids_of (hits);
            filter.max_hits = 0;
            counts[plan] = count (f->store, &filter);
            g_assert_cmpint (counts[plan], ==, hits->len);
            filter.max_hits = 3;
            capped[plan] = count (f->store, &filter);
            filter.max_hits = 0;
            /* A page further on. */
            if (hits->len > 4)
              {
                g_autoptr(GPtrArray) page = list (f->store, &filter, 2, 2);

                g_assert_cmpstr (jd_entity_get_id (page->pdata[0]), ==,
                                 jd_entity_get_id (hits->pdata[2]));
              }
          }
        g_test_message ("“%s”, filter %u: %" G_GINT64_FORMAT " hits", queries[q], i, counts[0]);
        g_assert_cmpstr (search_first, ==, filter_first);
        g_assert_cmpint (counts[0], ==, counts[1]);
        g_assert_cmpint (capped[0], ==, capped[1]);
        g_assert_cmpint (capped[0], ==, MIN (counts[0], 3));
        n_hits += counts[0];
      }
  g_assert_cmpuint (n_hits, >, 0);
}

typedef struct
{
  JdStore *store;
  GError  *error;
  guint    n_counts;
  gint     done;  /* atomic */
} Counting;

static gpointer
count_until_stopped (gpointer data)
{
  Counting *counting = data;
  JdCaseFilter filter = { "某", NULL, NULL, JD_CASE_SORT_OPENED_DESC };

  while (counting->error == NULL && counting->n_counts < 1000000)
    if (jd_store_count_cases_filtered (counting->store, &filter, &counting->error) >= 0)
      counting->n_counts++;
  g_atomic_int_set (&counting->done, 1);
  return NULL;
}

/* Another thread stops what the store reads: the read fails as interrupted, and the store reads
 * as before afterwards. */
static void
test_interrupt (Fixture       *f,
                gconstpointer  data)
{
  JdCaseFilter filter = { "某", NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  Counting counting = { f->store, NULL, 0, 0 };
  GThread *thread;
  gint64 expected;

  /* Nothing runs: nothing to stop, and the next read is whole. */
  jd_store_interrupt (f->store);
  expected = count (f->store, &filter);
  g_assert_cmpint (expected, >, 0);

  thread = g_thread_new ("count", count_until_stopped, &counting);
  while (!g_atomic_int_get (&counting.done))
    {
      jd_store_interrupt (f->store);
      g_usleep (200);
    }
  g_thread_join (thread);
  g_assert_error (counting.error, JD_STORE_ERROR, JD_STORE_ERROR_INTERRUPTED);
  g_test_message ("interrupted after %u counts: %s", counting.n_counts, counting.error->message);
  g_clear_error (&counting.error);

  g_assert_cmpint (count (f->store, &filter), ==, expected);
}

static gboolean
count_records_cb (JdCase     *kase,
                  GPtrArray  *records,
                  gpointer    user_data,
                  GError    **error)
{
  *(guint *) user_data += records->len;
  return TRUE;
}

/* The records most recently added, newest first, paged; a record saved now comes first. */
static void
test_recent_records (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) cases = jd_store_list_cases (f->store, 0, 1, &error);
  g_autoptr(JsonObject) fields = json_object_new ();
  g_autoptr(JdRecord) record = NULL;
  guint n_records = 0;

  g_assert_no_error (error);
  g_assert_true (jd_store_foreach_case (f->store, NULL, count_records_cb, &n_records, &error));
  g_assert_cmpuint (n_records, >, 100);

  all = jd_store_list_recent_records (f->store, 0, n_records + 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, n_records);
  for (guint i = 0; i < all->len; i++)
    {
      g_assert_true (JD_IS_RECORD (all->pdata[i]));
      g_hash_table_add (ids, (gpointer) jd_entity_get_id (all->pdata[i]));
    }
  g_assert_cmpuint (g_hash_table_size (ids), ==, n_records);

  /* Pages are slices of the whole. */
  page = jd_store_list_recent_records (f->store, 40, 20, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (page->len, ==, 20);
  for (guint i = 0; i < page->len; i++)
    g_assert_cmpstr (jd_entity_get_id (page->pdata[i]), ==, jd_entity_get_id (all->pdata[40 + i]));

  json_object_set_string_member (fields, "id", "new-record");
  json_object_set_string_member (fields, "case_id", jd_entity_get_id (cases->pdata[0]));
  json_object_set_string_member (fields, "kind", "text");
  json_object_set_string_member (fields, "time", "2020-01-02T09:30:00+08:00");
  json_object_set_string_member (fields, "matter", "最新记录");
  record = jd_record_new (fields);
  g_assert_true (jd_store_save (f->store, JD_ENTITY (record), &error));
  g_assert_no_error (error);

  first = jd_store_list_recent_records (f->store, 0, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpstr (jd_entity_get_id (first->pdata[0]), ==, "new-record");
  g_assert_cmpstr (jd_record_get_case_id (first->pdata[0]), ==,
                   jd_entity_get_id (cases->pdata[0]));
  g_assert_cmpstr (jd_entity_get_id (first->pdata[1]), ==, jd_entity_get_id (all->pdata[0]));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-list/filters", Fixture, NULL, set_up, test_filters,
              jd_test_store_tear_down);
  g_test_add ("/store-list/checks", Fixture, NULL, set_up, test_checks,
              jd_test_store_tear_down);
  g_test_add ("/store-list/sort", Fixture, NULL, set_up, test_sort, jd_test_store_tear_down);
  g_test_add ("/store-list/search", Fixture, NULL, set_up, test_search,
              jd_test_store_tear_down);
  g_test_add ("/store-list/search-two-characters", Fixture, NULL, set_up,
              test_search_two_characters, jd_test_store_tear_down);
  g_test_add ("/store-list/filter-plans", Fixture, NULL, set_up, test_filter_plans,
              jd_test_store_tear_down);
  g_test_add ("/store-list/interrupt", Fixture, NULL, set_up, test_interrupt,
              jd_test_store_tear_down);
  g_test_add ("/store-list/recent-records", Fixture, NULL, set_up, test_recent_records,
              jd_test_store_tear_down);

  return g_test_run ();
}
