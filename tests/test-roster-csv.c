#include "jd-roster-csv.h"

#include <string.h>

#define HEADER "姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别"
#define AGENCY "某市市场监督管理局"

static GPtrArray *
parse_bytes (const char *data,
             gsize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = jd_roster_csv_parse (bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (rows);

  return g_steal_pointer (&rows);
}

static GPtrArray *
parse_text (const char *text)
{
  return parse_bytes (text, strlen (text));
}

static void
assert_row (const JdRosterRow *row,
            guint              line,
            const char        *name,
            const char        *certificate_number,
            const char        *agency_name,
            const char        *valid_from,
            const char        *valid_to,
            const char        *status,
            const char        *role)
{
  g_assert_nonnull (row);
  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpstr (row->name, ==, name);
  g_assert_cmpstr (row->certificate_number, ==, certificate_number);
  g_assert_cmpstr (row->agency_name, ==, agency_name);
  g_assert_cmpstr (row->valid_from, ==, valid_from);
  g_assert_cmpstr (row->valid_to, ==, valid_to);
  g_assert_cmpstr (row->status, ==, status);
  g_assert_cmpstr (row->role, ==, role);
}

static void
assert_bytes_error (const char *data,
                    gsize       len,
                    int         code,
                    const char *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = jd_roster_csv_parse (bytes, &error);
  g_assert_null (rows);
  g_assert_error (error, JD_ROSTER_CSV_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
assert_error (const char *text,
              int         code,
              const char *message)
{
  assert_bytes_error (text, strlen (text), code, message);
}

static char *
to_gb18030 (const char *utf8,
            gsize      *len)
{
  g_autoptr(GError) error = NULL;
  char *gb;

  gb = g_convert (utf8, -1, "GB18030", "UTF-8", NULL, len, &error);
  g_assert_no_error (error);
  /* Otherwise the test would not exercise the conversion. */
  g_assert_false (g_utf8_validate_len (gb, *len, NULL));

  return gb;
}

/* Decoding and line ends */

static void
test_gb18030_crlf (void)
{
  gsize len = 0;
  g_autofree char *gb = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  gb = to_gb18030 (HEADER "\r\n"
                   "张三,11010012345," AGENCY ",2023/1/5,2028/1/4,有效,执法人员\r\n"
                   "\r\n"
                   "李四,,某市城市管理综合执法局,,,,辅助人员\r\n",
                   &len);
  rows = parse_bytes (gb, len);

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows->pdata[0], 2, "张三", "11010012345", AGENCY, "2023-01-05", "2028-01-04",
              "valid", "officer");
  assert_row (rows->pdata[1], 4, "李四", NULL, "某市城市管理综合执法局", NULL, NULL, NULL,
              "auxiliary");
}

static void
test_gb18030_fixture (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "roster", "gb18030-crlf.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  g_assert_false (g_utf8_validate_len (data, len, NULL));

  rows = parse_bytes (data, len);
  g_assert_cmpuint (rows->len, ==, 3);
  assert_row (rows->pdata[0], 2, "张三", "11010012345", AGENCY, "2023-01-05", "2028-01-04",
              "valid", "officer");
  /* A character outside the BMP: four bytes in GB18030. */
  assert_row (rows->pdata[1], 4, "李𪚥,二", NULL, "某市城市管理综合执法局", NULL, NULL, NULL,
              "auxiliary");
  assert_row (rows->pdata[2], 5, "王五", "11010012346", AGENCY, "2023-03-01", "2026-02-28",
              "suspended", "officer");
}

static void
test_utf8_bom_lf (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_text ("\xef\xbb\xbf" HEADER "\n"
                     "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                     "李四,A002," AGENCY ",2024-01-01,2029-12-31,撤销,执法人员\n");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows->pdata[0], 2, "张三", "A001", AGENCY, "2024-01-01", "2029-12-31", "valid",
              "officer");
  assert_row (rows->pdata[1], 3, "李四", "A002", AGENCY, "2024-01-01", "2029-12-31", "revoked",
              "officer");
}

static void
test_utf8_no_bom (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  /* No line end after the last row. */
  rows = parse_text (HEADER "\r\n"
                     "张三,A001," AGENCY ",2024-01-01,2029-12-31,暂扣,执法人员");

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows->pdata[0], 2, "张三", "A001", AGENCY, "2024-01-01", "2029-12-31", "suspended",
              "officer");
}

static void
test_cr_line_ends (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_text (HEADER "\r"
                     "\r"
                     "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\r"
                     "李四,," AGENCY ",,,,辅助人员\r");

  g_assert_cmpuint (rows->len, ==, 2);
  assert_row (rows->pdata[0], 3, "张三", "A001", AGENCY, "2024-01-01", "2029-12-31", "valid",
              "officer");
  assert_row (rows->pdata[1], 4, "李四", NULL, AGENCY, NULL, NULL, NULL, "auxiliary");
}

/* Cells */

static void
test_quoted (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_text (HEADER "\n"
                     "\"张\"\"三\"\"\",A001,\"某市,某局\",2024-01-01,2029-12-31,有效,执法人员\n"
                     "\"王\r\n五\",A002," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                     "  \" 李四 \"  ,\"\"," AGENCY ",\"\",,,\"辅助人员\"\n"
                     "赵\"六,A003," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n");

  g_assert_cmpuint (rows->len, ==, 4);
  assert_row (rows->pdata[0], 2, "张\"三\"", "A001", "某市,某局", "2024-01-01", "2029-12-31",
              "valid", "officer");
  /* A line break inside quotes is kept (as \n) and counts as a physical line. */
  assert_row (rows->pdata[1], 3, "王\n五", "A002", AGENCY, "2024-01-01", "2029-12-31", "valid",
              "officer");
  /* Blanks around the quotes go, blanks inside them stay. */
  assert_row (rows->pdata[2], 5, " 李四 ", NULL, AGENCY, NULL, NULL, NULL, "auxiliary");
  /* A quote inside an unquoted cell is text. */
  assert_row (rows->pdata[3], 6, "赵\"六", "A003", AGENCY, "2024-01-01", "2029-12-31", "valid",
              "officer");
}

static void
test_blank_lines (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_text ("\n"
                     "  \n"
                     HEADER "\n"
                     "\n"
                     "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                     ",,,,,,\n"
                     " \t\xe3\x80\x80\n"
                     "李四,A002," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                     "\n"
                     "\n");

  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_cmpuint (((JdRosterRow *) rows->pdata[0])->line, ==, 5);
  g_assert_cmpuint (((JdRosterRow *) rows->pdata[1])->line, ==, 8);
}

static void
test_trim (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_text (" 姓名 ,\t执法证号,所属单位\xe3\x80\x80,有效期起,有效期至,证件状态,"
                     "\"人员类别 \"\n"
                     "\xe3\x80\x80张三\xe3\x80\x80, A001\t,\t" AGENCY " , 2024-01-01 ,2029-12-31 ,"
                     " 有效,执法人员 \n");

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows->pdata[0], 2, "张三", "A001", AGENCY, "2024-01-01", "2029-12-31", "valid",
              "officer");
}

static void
test_dates (void)
{
  static const struct
  {
    const char *text;
    const char *expected;
  } dates[] = {
    { "2025-03-01", "2025-03-01" },
    { "2025-3-1", "2025-03-01" },
    { "2025/3/1", "2025-03-01" },
    { "2025/03/01", "2025-03-01" },
    { "2025.3.1", "2025-03-01" },
    { "2025年3月1日", "2025-03-01" },
    { "2025年03月01日", "2025-03-01" },
    { "2024/2/29", "2024-02-29" },
    { "2025-12-31", "2025-12-31" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *csv = g_strdup_printf (HEADER "\n张三,A001," AGENCY ",%s,%s,有效,执法人员\n",
                                              dates[i].text, dates[i].text);
      g_autoptr(GPtrArray) rows = parse_text (csv);

      g_test_message ("date %s", dates[i].text);
      g_assert_cmpuint (rows->len, ==, 1);
      /* Equal dates are allowed: a certificate valid for one day. */
      assert_row (rows->pdata[0], 2, "张三", "A001", AGENCY, dates[i].expected, dates[i].expected,
                  "valid", "officer");
    }
}

static void
test_auxiliary (void)
{
  g_autoptr(GPtrArray) rows = NULL;

  rows = parse_text (HEADER "\n"
                     "李四,,某街道办事处,,,,辅助人员\n");

  g_assert_cmpuint (rows->len, ==, 1);
  assert_row (rows->pdata[0], 2, "李四", NULL, "某街道办事处", NULL, NULL, NULL, "auxiliary");
}

static void
test_header_only (void)
{
  g_autoptr(GPtrArray) rows = parse_text (HEADER "\r\n");

  g_assert_cmpuint (rows->len, ==, 0);
}

static void
test_column_names (void)
{
  g_assert_cmpstr (jd_roster_column_name (JD_ROSTER_COL_NAME), ==, "姓名");
  g_assert_cmpstr (jd_roster_column_name (JD_ROSTER_COL_CERTIFICATE), ==, "执法证号");
  g_assert_cmpstr (jd_roster_column_name (JD_ROSTER_COL_AGENCY), ==, "所属单位");
  g_assert_cmpstr (jd_roster_column_name (JD_ROSTER_COL_VALID_FROM), ==, "有效期起");
  g_assert_cmpstr (jd_roster_column_name (JD_ROSTER_COL_VALID_TO), ==, "有效期至");
  g_assert_cmpstr (jd_roster_column_name (JD_ROSTER_COL_STATUS), ==, "证件状态");
  g_assert_cmpstr (jd_roster_column_name (JD_ROSTER_COL_ROLE), ==, "人员类别");
}

/* Bad rows */

static void
test_column_count (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                "李四,A002," AGENCY ",2024-01-01,2029-12-31,有效\n",
                JD_ROSTER_CSV_ERROR_ROW, "line 3: wrong column count: expected 7, found 6");
  assert_error (HEADER "\n"
                "\"某\n人\",A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员,\n",
                JD_ROSTER_CSV_ERROR_ROW, "line 2: wrong column count: expected 7, found 8");
}

static void
test_bad_date (void)
{
  static const char * const bad[] = {
    "2025-13-01", "2025/0/1", "2025-1-0", "0000-01-01", "25-1-1", "2025-1-1-", "2025/1-1",
    "2025.1/1", "2025年1月1", "2025年1-1", "2025-001-01", "20250101", "45658", "2025-01-01 0:00",
    "2025‐01‐01", "１２３", "02025-01-01",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *csv = NULL;
      g_autofree char *message = NULL;

      csv = g_strdup_printf (HEADER "\n\n张三,A001," AGENCY ",%s,2029-12-31,有效,执法人员\n",
                             bad[i]);
      message = g_strdup_printf ("line 3, column 4 (有效期起): \"%s\" is not a date "
                                 "(use YYYY-MM-DD)", bad[i]);

      assert_error (csv, JD_ROSTER_CSV_ERROR_ROW, message);
    }
}

static void
test_impossible_date (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2025-01-01,2025-02-30,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 5 (有效期至): \"2025-02-30\" is not a date: 2025-02 has no day 30");
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2023/2/29,2025-02-01,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 4 (有效期起): \"2023/2/29\" is not a date: 2023-02 has no day 29");
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2025年4月31日,2026-01-01,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 4 (有效期起): \"2025年4月31日\" is not a date: "
                "2025-04 has no day 31");
}

static void
test_date_order (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2025/3/2,2025-03-01,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 5 (有效期至): \"2025-03-01\" is before 有效期起 \"2025/3/2\"");
}

static void
test_bad_status (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,过期,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 6 (证件状态): \"过期\" is not a certificate status "
                "(use 有效, 暂扣 or 撤销)");
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效期内,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 6 (证件状态): \"有效期内\" is not a certificate status "
                "(use 有效, 暂扣 or 撤销)");
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 6 (证件状态): the cell is empty; only auxiliary staff (辅助人员) "
                "may leave it empty");
}

static void
test_bad_category (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,协管员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 7 (人员类别): \"协管员\" is not a staff category "
                "(use 执法人员 or 辅助人员)");
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 7 (人员类别): the cell is empty (use 执法人员 or 辅助人员)");
}

static void
test_duplicate_certificate (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                "李四,A002," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                "\n"
                "王五, A001 ," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 5, column 2 (执法证号): certificate number \"A001\" is already used on "
                "line 2");
}

static void
test_officer_without_certificate (void)
{
  assert_error (HEADER "\n"
                "张三,," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 2 (执法证号): the cell is empty; only auxiliary staff (辅助人员) "
                "may leave it empty");
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 5 (有效期至): the cell is empty; only auxiliary staff (辅助人员) "
                "may leave it empty");
}

static void
test_auxiliary_with_certificate (void)
{
  assert_error (HEADER "\n"
                "李四,B001," AGENCY ",,,,辅助人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 2 (执法证号): auxiliary staff (辅助人员) hold no certificate, so "
                "the cell must be empty; found \"B001\"");
  assert_error (HEADER "\n"
                "李四,," AGENCY ",,,有效,辅助人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 6 (证件状态): auxiliary staff (辅助人员) hold no certificate, so "
                "the cell must be empty; found \"有效\"");
}

static void
test_empty_cells (void)
{
  assert_error (HEADER "\n"
                "\xe3\x80\x80,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW, "line 2, column 1 (姓名): the cell is empty");
  assert_error (HEADER "\n"
                "张三,A001,,2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW, "line 2, column 3 (所属单位): the cell is empty");
}

static void
test_scientific_certificate (void)
{
  assert_error (HEADER "\n"
                "张三,1.10101E+17," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 2 (执法证号): \"1.10101E+17\" is a number the spreadsheet "
                "shortened; format the column as text and enter the certificate number again");
}

static void
test_first_error_wins (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,坏,执法人员\n"
                "李四,A002," AGENCY ",2024-13-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 6 (证件状态): \"坏\" is not a certificate status "
                "(use 有效, 暂扣 or 撤销)");
}

static void
test_bad_quotes (void)
{
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                "李四,\"A002," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                "王五,A003," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 3, column 2 (执法证号): the quoted cell is never closed (a \" is missing)");
  assert_error (HEADER "\n"
                "\"张\"三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_ROW,
                "line 2, column 1 (姓名): unexpected text after the closing quote");
  assert_error ("\"姓名,执法证号\n",
                JD_ROSTER_CSV_ERROR_HEADER,
                "line 1, column 1 (姓名): the quoted cell is never closed (a \" is missing)");
}

/* Bad headers */

static void
test_header_wrong (void)
{
  assert_error ("姓名,执法证号,单位,有效期起,有效期至,证件状态,人员类别\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_HEADER,
                "line 1, column 3: expected \"所属单位\" in the header, found \"单位\"");
  /* A header missing altogether: the first row is data. */
  assert_error ("\n张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n",
                JD_ROSTER_CSV_ERROR_HEADER,
                "line 2, column 1: expected \"姓名\" in the header, found \"张三\"");
  assert_error (HEADER ",备注\n",
                JD_ROSTER_CSV_ERROR_HEADER,
                "line 1: the header has 8 columns, expected 7: " HEADER);
  assert_error ("姓名,执法证号,所属单位\n",
                JD_ROSTER_CSV_ERROR_HEADER,
                "line 1: the header has 3 columns, expected 7: " HEADER);
}

static void
test_empty_file (void)
{
  assert_error ("", JD_ROSTER_CSV_ERROR_HEADER,
                "The file is empty; its first line must be the header " HEADER);
  assert_error ("\xef\xbb\xbf\r\n\r\n", JD_ROSTER_CSV_ERROR_HEADER,
                "The file is empty; its first line must be the header " HEADER);
}

/* Bad encodings */

static void
test_undecodable (void)
{
  gsize len = 0;
  g_autofree char *gb = to_gb18030 (HEADER "\r\n"
                                    "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\r\n",
                                    &len);
  g_autoptr(GString) data = g_string_new_len (gb, len);

  /* 0x81 leads a GB18030 character but 0x20 cannot follow it; neither is it UTF-8. */
  g_string_append (data, "\x81\x20" "李四,,某单位,,,,辅助人员\r\n");
  assert_bytes_error (data->str, data->len, JD_ROSTER_CSV_ERROR_ENCODING,
                      "line 3: the file is neither UTF-8 nor GB18030 text (byte 0x81)");

  /* A character cut off at the end of the file. */
  g_string_truncate (data, len);
  g_string_append (data, "\r\n\xd5");
  assert_bytes_error (data->str, data->len, JD_ROSTER_CSV_ERROR_ENCODING,
                      "line 4: the file is neither UTF-8 nor GB18030 text (byte 0xD5)");

  /* Old Mac line ends count as lines too. */
  assert_error ("\xd0\xd5\xc3\xfb\r\r\xd5\xc5\xc8\xfd\r\x81\x20", JD_ROSTER_CSV_ERROR_ENCODING,
                "line 4: the file is neither UTF-8 nor GB18030 text (byte 0x81)");

  assert_error ("\x81\x20", JD_ROSTER_CSV_ERROR_ENCODING,
                "line 1: the file is neither UTF-8 nor GB18030 text (byte 0x81)");
}

static void
test_damaged_utf8 (void)
{
  /* Valid GB18030 by accident, but the UTF-8 header shows what the file is meant to be. */
  assert_error (HEADER "\n"
                "张三,A001," AGENCY ",2024-01-01,2029-12-31,有效,执法人员\n"
                "李\xc4\xe3,,某单位,,,,辅助人员\n",
                JD_ROSTER_CSV_ERROR_ENCODING,
                "line 3: the file is not valid UTF-8 text (byte 0xC4)");
  assert_error ("\xef\xbb\xbf\xd0\xd5\xc3\xfb",
                JD_ROSTER_CSV_ERROR_ENCODING,
                "line 1: the file is not valid UTF-8 text (byte 0xD0)");
}

static void
test_utf16_bom (void)
{
  static const char le[] = "\xff\xfe\x53\x59\x0d\x54";
  static const char be[] = "\xfe\xff\x59\x53\x54\x0d";

  assert_bytes_error (le, sizeof le - 1, JD_ROSTER_CSV_ERROR_ENCODING,
                      "The file is UTF-16 text; save it as CSV in UTF-8 or GB18030");
  assert_bytes_error (be, sizeof be - 1, JD_ROSTER_CSV_ERROR_ENCODING,
                      "The file is UTF-16 text; save it as CSV in UTF-8 or GB18030");
}

static void
test_not_text (void)
{
  static const char xlsx[] = "PK\x03\x04\x14\x00\x06\x00";
  static const char nul[] = HEADER "\n张三\0";

  assert_bytes_error (xlsx, sizeof xlsx - 1, JD_ROSTER_CSV_ERROR_ENCODING,
                      "The file is a spreadsheet workbook, not CSV; save it as CSV in UTF-8 or "
                      "GB18030");
  assert_bytes_error (nul, sizeof nul - 1, JD_ROSTER_CSV_ERROR_ENCODING,
                      "line 2: the file contains a NUL byte, so it is not CSV text");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roster-csv/gb18030-crlf", test_gb18030_crlf);
  g_test_add_func ("/roster-csv/gb18030-fixture", test_gb18030_fixture);
  g_test_add_func ("/roster-csv/utf8-bom-lf", test_utf8_bom_lf);
  g_test_add_func ("/roster-csv/utf8-no-bom", test_utf8_no_bom);
  g_test_add_func ("/roster-csv/cr-line-ends", test_cr_line_ends);
  g_test_add_func ("/roster-csv/quoted", test_quoted);
  g_test_add_func ("/roster-csv/blank-lines", test_blank_lines);
  g_test_add_func ("/roster-csv/trim", test_trim);
  g_test_add_func ("/roster-csv/dates", test_dates);
  g_test_add_func ("/roster-csv/auxiliary", test_auxiliary);
  g_test_add_func ("/roster-csv/header-only", test_header_only);
  g_test_add_func ("/roster-csv/column-names", test_column_names);
  g_test_add_func ("/roster-csv/error/column-count", test_column_count);
  g_test_add_func ("/roster-csv/error/bad-date", test_bad_date);
  g_test_add_func ("/roster-csv/error/impossible-date", test_impossible_date);
  g_test_add_func ("/roster-csv/error/date-order", test_date_order);
  g_test_add_func ("/roster-csv/error/bad-status", test_bad_status);
  g_test_add_func ("/roster-csv/error/bad-category", test_bad_category);
  g_test_add_func ("/roster-csv/error/duplicate-certificate", test_duplicate_certificate);
  g_test_add_func ("/roster-csv/error/officer-without-certificate",
                   test_officer_without_certificate);
  g_test_add_func ("/roster-csv/error/auxiliary-with-certificate",
                   test_auxiliary_with_certificate);
  g_test_add_func ("/roster-csv/error/empty-cells", test_empty_cells);
  g_test_add_func ("/roster-csv/error/scientific-certificate", test_scientific_certificate);
  g_test_add_func ("/roster-csv/error/first-error-wins", test_first_error_wins);
  g_test_add_func ("/roster-csv/error/bad-quotes", test_bad_quotes);
  g_test_add_func ("/roster-csv/error/header-wrong", test_header_wrong);
  g_test_add_func ("/roster-csv/error/empty-file", test_empty_file);
  g_test_add_func ("/roster-csv/error/undecodable", test_undecodable);
  g_test_add_func ("/roster-csv/error/damaged-utf8", test_damaged_utf8);
  g_test_add_func ("/roster-csv/error/utf16-bom", test_utf16_bom);
  g_test_add_func ("/roster-csv/error/not-text", test_not_text);

  return g_test_run ();
}
