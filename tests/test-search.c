#include <string.h>

#include "jd-store-batch.h"
#include "jd-test-util.h"

static char *dir;
static char *path;
static JdStore *store;

static void
assert_hits (const char *query,
             const char *expected_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = jd_store_search_cases (store, query, 50, &error);
  g_autoptr(GString) ids = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      if (i > 0)
        g_string_append_c (ids, ' ');
      g_string_append (ids, jd_entity_get_id (hits->pdata[i]));
    }

  g_test_message ("%s → %s", query, ids->str);
  g_assert_cmpstr (ids->str, ==, expected_ids);
}

static void
test_substrings (void)
{
  /* A substring in the middle of a title: 擅自违法建设厂房. */
  assert_hits ("违法建设", "c-2");
  assert_hits ("某某餐饮", "c-1");
  /* Record matters and facts are searched too. */
  assert_hits ("全程录像", "c-1");
  assert_hits ("责令限期拆除", "c-2");
  /* Case numbers. */
  assert_hits ("〔2025〕13号", "c-2");
  assert_hits ("京兴市监罚", "c-2 c-1");
}

static void
test_short_queries (void)
{
  /* One and two characters have no trigram: they must still be found. */
  assert_hits ("张三", "c-1");
  assert_hits ("厂房", "c-2");
  assert_hits ("执法", "c-1");
  assert_hits ("案", "c-2 c-1");
  assert_hits ("拆除", "c-2");
  /* Decision and publication texts are not indexed, only what the issue names. */
  assert_hits ("罚款", "");
}

static void
test_words (void)
{
  assert_hits ("违法建设 厂房", "c-2");
  assert_hits ("违法建设 餐饮", "");
  assert_hits ("食品 经营许可", "c-1");
  assert_hits ("不存在的词语", "");
  assert_hits ("   ", "");
  /* FTS5 syntax in a query is text, never an expression. */
  assert_hits ("\"违法建设", "");
  assert_hits ("违法 OR 餐饮", "");
  assert_hits ("NEAR(a b)", "");
}

static void
test_follows_writes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = NULL;

  /* A new record makes its case findable by the record's matter. */
  document = jd_test_read_string (
    "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c-2\", \"number\": \"京兴市监罚〔2025〕13号\", "
    "\"agency_id\": \"a-smj\", \"title\": \"张某擅自违法建设厂房案\", \"action_type\": \"coercion\", "
    "\"procedure\": \"simple\", \"trigger\": \"plan\", \"facts\": \"擅自违法建设厂房，责令限期拆除\", "
    "\"stages\": [{\"stage\": \"decision\", \"date\": \"2025-06-02\"}], "
    "\"records\": [{\"id\": \"r-9\", \"matter\": \"强制拆除全程录音录像\"}]}]}",
    &error);
  g_assert_no_error (error);
  jd_store_import (store, document, NULL, &error);
  g_assert_no_error (error);
  assert_hits ("强制拆除", "c-2");
  jd_test_assert_search_texts (path);

  /* A tombstoned case is no longer found. */
  jd_store_delete (store, JD_COLLECTION_CASES, "c-2", &error);
  g_assert_no_error (error);
  assert_hits ("违法建设", "");
  assert_hits ("厂房", "");
  jd_test_assert_search_texts (path);
}

static void
test_batch_of_documents (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) first = NULL;
  g_autoptr(JdDocument) second = jd_document_new ();
  g_autoptr(JdStoreBatch) batch = jd_store_batch_new ();
  g_autoptr(JsonObject) record = json_object_new ();
  g_autoptr(JdEntity) entity = NULL;

  /* A new case comes with its search text made from its own records (c-4); a record of it in
   * another document of the same batch is a record that text lacks (c-3): the store indexes the
   * case from the database instead. Both texts are the view's. */
  first = jd_test_read_string (
    "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c-3\", \"number\": \"京兴城管罚〔2025〕7号\", "
    "\"agency_id\": \"a-smj\", \"title\": \"王某占道经营案\", \"parties\": [{\"kind\": \"person\", "
    "\"name\": \"王某\"}, {\"kind\": \"person\"}, {\"kind\": \"person\", \"name\": \"赵某\"}], "
    "\"stages\": [{\"stage\": \"decision\", \"date\": \"2025-07-02\"}], "
    "\"records\": [{\"id\": \"r-31\", \"matter\": \"现场检查摊位\"}, {\"id\": \"r-33\"}]}, "
    "{\"id\": \"c-4\", \"agency_id\": \"a-smj\", \"title\": \"钱某孙某无证经营案\", "
    "\"parties\": [{\"kind\": \"person\", \"name\": \"钱某\"}, {\"kind\": \"person\"}, "
    "{\"kind\": \"person\", \"name\": \"孙某\"}], \"facts\": \"未取得许可从事经营\", "
    "\"records\": [{\"id\": \"r-41\", \"matter\": \"询问当事人\"}, {\"id\": \"r-42\"}, "
    "{\"id\": \"r-43\", \"matter\": \"送达决定书\"}]}]}",
    &error);
  g_assert_no_error (error);
  json_object_set_string_member (record, "id", "r-32");
  json_object_set_string_member (record, "case_id", "c-3");
  json_object_set_string_member (record, "matter", "责令立即清理占道物品");
  entity = jd_entity_new_for_collection (JD_COLLECTION_RECORDS, record);
  jd_document_add (second, entity);

  jd_store_batch_add_document (batch, first, FALSE);
  jd_store_batch_add_document (batch, second, FALSE);
  g_clear_object (&first);
  g_clear_object (&second);
  jd_store_import_batch (store, batch, NULL, &error);
  g_assert_no_error (error);

  assert_hits ("现场检查摊位", "c-3");
  assert_hits ("清理占道物品", "c-3");
  assert_hits ("赵某", "c-3");
  assert_hits ("孙某", "c-4");
  assert_hits ("送达决定书", "c-4");
  jd_test_assert_search_texts (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = jd_test_tmp_dir ();
  path = g_build_filename (dir, "search.db", NULL);
  store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  document = jd_test_read_data ("full.json");
  jd_store_import (store, document, NULL, &error);
  g_assert_no_error (error);
  jd_test_assert_search_texts (path);

  g_test_add_func ("/search/substrings", test_substrings);
  g_test_add_func ("/search/short-queries", test_short_queries);
  g_test_add_func ("/search/words", test_words);
  g_test_add_func ("/search/follows-writes", test_follows_writes);
  g_test_add_func ("/search/batch-of-documents", test_batch_of_documents);

  status = g_test_run ();
  g_clear_object (&store);
  jd_test_rm_dir (dir);
  g_free (dir);
  g_free (path);
  return status;
}
