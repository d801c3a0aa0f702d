#include <string.h>

#include "jd-roster-csv.h"
#include "jd-roster-import.h"
#include "jd-test-util.h"

static const char roster[] =
  "姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别\r\n"
  "王建国,11010010001,北京市大兴区市场监督管理局,2023/1/1,2028/12/31,有效,执法人员\r\n"
  "孙丽,11010010077,北京市大兴区市场监督管理局,2024-02-01,2029-01-31,暂扣,执法人员\r\n"
  "周强,,北京市大兴区市场监督管理局,,,,辅助人员\r\n";

static JdStore *
open_with_agencies (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "roster.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = jd_test_read_data ("full.json");
  JdStore *store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  jd_store_import (store, document, NULL, &error);
  g_assert_no_error (error);
  return store;
}

static GBytes *
gb18030 (const char *text)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  char *converted = g_convert (text, -1, "GB18030", "UTF-8", NULL, &length, &error);

  g_assert_no_error (error);
  return g_bytes_new_take (converted, length);
}

static void
test_gb18030_into_store (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autoptr(JdStore) store = open_with_agencies (dir);
  g_autoptr(GBytes) bytes = gb18030 (roster);
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(JdEntity) wang = NULL;
  g_autoptr(GError) error = NULL;
  JdImportStats stats;
  JsonArray *certificates;

  document = jd_roster_import_document (store, bytes, &error);
  g_assert_no_error (error);
  jd_store_import (store, document, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.inserted, ==, 2);  /* 孙丽 and 周强 */
  g_assert_cmpuint (stats.updated, ==, 1);   /* 王建国's certificate now runs to 2028 */
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_OFFICERS, NULL), ==, 5);

  /* The roster merged into what was known: training and sanctions are kept. */
  wang = jd_store_get (store, JD_COLLECTION_OFFICERS, "o-1", &error);
  g_assert_no_error (error);
  certificates = jd_officer_get_certificates (JD_OFFICER (wang));
  g_assert_cmpuint (json_array_get_length (certificates), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (certificates, 0),
                                                  "valid_to"), ==, "2028-12-31");
  g_assert_nonnull (jd_officer_get_training (JD_OFFICER (wang)));

  /* The same roster again changes nothing. */
  g_clear_object (&document);
  document = jd_roster_import_document (store, bytes, &error);
  g_assert_no_error (error);
  jd_store_import (store, document, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.inserted + stats.updated, ==, 0);

  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static void
expect_row_error (const char *csv,
                  const char *message)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autoptr(JdStore) store = open_with_agencies (dir);
  g_autoptr(GBytes) bytes = g_bytes_new (csv, strlen (csv));
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = jd_roster_import_document (store, bytes, &error);
  g_assert_null (document);
  g_assert_error (error, JD_ROSTER_CSV_ERROR, JD_ROSTER_CSV_ERROR_ROW);
  g_test_message ("%s", error->message);
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” does not contain “%s”", error->message, message);
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_OFFICERS, NULL), ==, 3);

  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static void
test_unknown_agency (void)
{
  expect_row_error ("姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别\n"
                    "孙丽,11010010077,北京市大兴区市场监督管理局,2024-02-01,2029-01-31,有效,执法人员\n"
                    "钱多,11010010078,不存在的局,2024-02-01,2029-01-31,有效,执法人员\n",
                    "line 3, column 3 (所属单位)");
}

static void
test_certificate_of_someone_else (void)
{
  expect_row_error ("姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别\n"
                    "冒名者,11010010002,北京市大兴区市场监督管理局,2024-02-01,2029-01-31,有效,执法人员\n",
                    "line 2, column 2 (执法证号): certificate 11010010002 is held by 李秀英");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-import/gb18030-into-store", test_gb18030_into_store);
  g_test_add_func ("/roster-import/unknown-agency", test_unknown_agency);
  g_test_add_func ("/roster-import/certificate-of-someone-else", test_certificate_of_someone_else);

  return g_test_run ();
}
