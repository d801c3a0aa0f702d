#include <string.h>

#include "jd-sample-store.h"
#include "jd-store-list.h"
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
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/store-list/filters", Fixture, NULL, set_up, test_filters,
              jd_test_store_tear_down);
  g_test_add ("/store-list/sort", Fixture, NULL, set_up, test_sort, jd_test_store_tear_down);
  g_test_add ("/store-list/search", Fixture, NULL, set_up, test_search,
              jd_test_store_tear_down);

  return g_test_run ();
}
