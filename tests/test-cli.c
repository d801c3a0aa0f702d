#include <locale.h>
#include <string.h>

#include "jd-test-util.h"

static char *dir;
static char *db;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static Run
run_cli (const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  GBytes *out_bytes = NULL;
  Run run = { 0 };
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("JIANDU_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run.out, &run.err, &error);
  g_assert_no_error (error);
  run.status = g_subprocess_get_exit_status (process);
  /* One line per message: a line break inside one would break the TAP stream. */
  g_test_message ("exit %d", run.status);
  for (guint i = 0; i < 2; i++)
    {
      g_auto(GStrv) lines = g_strsplit (i == 0 ? run.out : run.err, "\n", 12);

      for (guint l = 0; lines[l] != NULL && l < 11; l++)
        if (*lines[l] != '\0')
          g_test_message ("%s: %s", i == 0 ? "stdout" : "stderr", lines[l]);
    }
  (void) out_bytes;
  return run;
}

/* run_cli() with @input, when not NULL, on standard input. */
static Run
run_cli_input (GBytes     *input,
               const char *first,
               ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) error = NULL;
  Run run = { 0 };
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("JIANDU_CLI"));
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               (input != NULL ? G_SUBPROCESS_FLAGS_STDIN_PIPE : 0)
                               | G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  run.status = g_subprocess_get_exit_status (process);
  /* Empty bytes have no data pointer; an empty output is "". */
  run.out = g_strndup (g_bytes_get_size (out) > 0 ? g_bytes_get_data (out, NULL) : "",
                       g_bytes_get_size (out));
  run.err = g_strndup (g_bytes_get_size (err) > 0 ? g_bytes_get_data (err, NULL) : "",
                       g_bytes_get_size (err));
  g_test_message ("exit %d", run.status);
  return run;
}

static char *
file_digest (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static char *
export_text (const char *path)
{
  g_auto(Run) run = run_cli ("--db", path, "export", NULL);

  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&run.out);
}

static char *
write_temp (const char *name,
            const char *contents,
            gssize      length)
{
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return path;
}

static void
test_init_import_export (void)
{
  g_autofree char *full = jd_test_data_path ("full.json");
  g_autofree char *exported = NULL;
  g_autofree char *again = NULL;
  g_autofree char *copy_db = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *export_file = g_build_filename (dir, "export.json", NULL);

  {
    g_auto(Run) run = run_cli ("--db", db, "init", NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, db));
  }
  {
    g_auto(Run) run = run_cli ("--db", db, "import", full, NULL);
    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "17"));
  }

  /* An export imported elsewhere exports the same. */
  exported = export_text (db);
  {
    g_auto(Run) run = run_cli ("--db", db, "export", "--out", export_file, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("--db", copy_db, "import", export_file, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  again = export_text (copy_db);
  g_assert_cmpstr (exported, ==, again);
}

static void
test_search (void)
{
  g_auto(Run) run = run_cli ("--db", db, "search", "违法建设", NULL);
  g_auto(Run) json = run_cli ("--db", db, "search", "执法", "--json", NULL);
  g_autoptr(JsonNode) node = NULL;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "张某擅自违法建设厂房案"));
  g_assert_cmpint (json.status, ==, 0);
  node = json_from_string (json.out, NULL);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1);
}

static void
test_audit_verify (void)
{
  g_autofree char *tampered = g_build_filename (dir, "tampered.db", NULL);
  g_autofree char *full = jd_test_data_path ("full.json");
  sqlite3 *raw;

  {
    g_auto(Run) run = run_cli ("--db", db, "audit", "verify", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("--db", tampered, "import", full, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  raw = jd_test_raw_open (tampered);
  jd_test_raw_exec (raw, "DROP TRIGGER audit_log_append_only_update; "
                         "UPDATE audit_log SET actor = 'mallory' WHERE seq = 2");
  sqlite3_close (raw);
  {
    g_auto(Run) run = run_cli ("--db", tampered, "audit", "verify", NULL);
    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "entry 2"));
  }
}

/* Every kind of bad input: a message on stderr, exit status 2, and the database as it was. */
static void
test_bad_input (void)
{
  g_autofree char *before = file_digest (db);
  g_autofree char *bad_json = write_temp ("bad.json", "{\"format\": \"jiandu/1\", \"cases\": [",
                                          -1);
  g_autofree char *bad_doc = write_temp ("bad-doc.json",
                                         "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c-1\", "
                                         "\"agency_id\": \"a-smj\", \"decision\": {\"date\": "
                                         "\"2025-13-01\"}}]}",
                                         -1);
  g_autofree char *bad_ref = write_temp ("bad-ref.json",
                                         "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": \"c-7\", "
                                         "\"agency_id\": \"nowhere\"}]}",
                                         -1);
  g_autofree char *bad_csv = write_temp ("bad.csv",
                                         "姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别\n"
                                         "孙丽,1101,北京市大兴区市场监督管理局,2024-02-30,2029-01-31,有效,执法人员\n",
                                         -1);
  g_autofree char *garbage = write_temp ("garbage.db", "not a database at all, just words that "
                                         "fill more than the hundred bytes of a header ....", -1);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  const char *cases[][6] = {
    { "import", bad_json, NULL, "not valid JSON" },
    { "import", bad_doc, NULL, "cases[0].decision.date" },
    { "import", bad_ref, NULL, "cases[0].agency_id" },
    { "import", bad_csv, NULL, "line 2, column 4" },
    { "import", "/nonexistent/file.json", NULL, "/nonexistent/file.json" },
    { "import", NULL, NULL, "FILE" },
    { "search", "--limit=0", "违法", "limit" },
    { "export", "--no-such-option", NULL, "no-such-option" },
    { "frobnicate", NULL, NULL, "unknown command" },
    { "audit", "erase", NULL, "verify" },
    { "sample", "--cases", "lots", "--cases" },
    { "sample", "--cases", "0", "--cases" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = run_cli ("--db", db, cases[i][0], cases[i][1], cases[i][2], NULL);
      g_autofree char *after = NULL;

      g_assert_cmpint (run.status, ==, 2);
      if (strstr (run.err, cases[i][3]) == NULL)
        g_error ("stderr “%s” does not mention “%s”", run.err, cases[i][3]);
      after = file_digest (db);
      g_assert_cmpstr (before, ==, after);
    }

  {
    g_auto(Run) run = run_cli ("--bogus", "init", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
  {
    g_autofree char *garbage_before = file_digest (garbage);
    g_autofree char *garbage_after = NULL;
    g_auto(Run) run = run_cli ("--db", garbage, "search", "违法", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "damaged"));
    garbage_after = file_digest (garbage);
    g_assert_cmpstr (garbage_before, ==, garbage_after);
  }
  {
    g_auto(Run) run = run_cli ("--db", missing, "export", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "init"));
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }
}

static void
test_locked (void)
{
  g_autofree char *full = jd_test_data_path ("full.json");
  sqlite3 *raw = jd_test_raw_open (db);

  /* Another program holds the write lock for longer than the CLI waits. */
  jd_test_raw_exec (raw, "BEGIN EXCLUSIVE");
  {
    g_auto(Run) run = run_cli ("--db", db, "import", full, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "in use by another program"));
  }
  jd_test_raw_exec (raw, "ROLLBACK");
  sqlite3_close (raw);
}

static void
test_sample (void)
{
  g_autofree char *a = g_build_filename (dir, "sample-a.db", NULL);
  g_autofree char *b = g_build_filename (dir, "sample-b.db", NULL);
  g_autofree char *export_a = NULL;
  g_autofree char *export_b = NULL;

  {
    g_auto(Run) run = run_cli ("--db", a, "sample", "--cases", "300", "--seed", "7", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("--db", b, "sample", "--cases", "300", "--seed", "7", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  /* Deterministic for a seed: the same district, byte for byte. */
  export_a = export_text (a);
  export_b = export_text (b);
  g_assert_cmpstr (export_a, ==, export_b);
  g_assert_nonnull (strstr (export_a, "\"records\":["));

  {
    g_auto(Run) run = run_cli ("--db", a, "audit", "verify", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    /* Cases for an agency that is already there. */
    g_auto(Run) run = run_cli ("--db", db, "sample", "--cases", "5", "--agency", "a-smj", NULL);
    g_auto(Run) search = run_cli ("--db", db, "search", "案", "--limit", "100", "--json", NULL);
    g_autoptr(JsonNode) node = json_from_string (search.out, NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 7);
  }
  {
    g_autofree char *before = file_digest (db);
    g_autofree char *after = NULL;
    g_auto(Run) run = run_cli ("--db", db, "sample", "--cases", "5", "--agency", "nowhere", NULL);

    g_assert_cmpint (run.status, ==, 2);
    after = file_digest (db);
    g_assert_cmpstr (before, ==, after);
  }
}

#define REDACT_INPUT \
  "当事人张三，男，35岁，身份证号码11010519491231002X，\n" \
  "住址：北京市朝阳区建国路88号3号楼502室，联系电话：13812345678。\n" \
  "京朝城管罚字〔2025〕第123号，罚款5000元。\n"

static void
test_redact (void)
{
  g_autoptr(GBytes) input = g_bytes_new_static (REDACT_INPUT, strlen (REDACT_INPUT));
  g_auto(Run) run = run_cli_input (input, "redact", "--name", "张三", NULL);
  const char *secrets[] = { "张三", "35", "19491231", "建国路", "13812345678" };

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "当事人张某，男，**岁，身份证号码110105********002X，\n"
                   "住址：北京市***，联系电话：138****5678。\n"
                   "京朝城管罚字〔2025〕第123号，罚款5000元。\n");
  /* Line and column of each, what it became, never the secret. */
  g_assert_nonnull (strstr (run.err, "1:4: person_name"));
  g_assert_nonnull (strstr (run.err, "1:9: age"));
  g_assert_nonnull (strstr (run.err, "1:18: resident_id"));
  g_assert_nonnull (strstr (run.err, "2:4: address"));
  g_assert_nonnull (strstr (run.err, "2:29: mobile"));
  g_assert_nonnull (strstr (run.err, "110105********002X"));
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    g_assert_null (strstr (run.err, secrets[i]));
}

static void
test_redact_json (void)
{
  g_autoptr(GBytes) input = g_bytes_new_static (REDACT_INPUT, strlen (REDACT_INPUT));
  g_auto(Run) run = run_cli_input (input, "redact", "--json", "-n", "张三", NULL);
  const char *kinds[] = { "person_name", "age", "resident_id", "address", "mobile" };
  const char *secrets[] = {
    "张三", "35岁", "11010519491231002X", "北京市朝阳区建国路88号3号楼502室", "13812345678",
  };
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *hits;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  node = json_from_string (run.out, NULL);
  g_assert_nonnull (node);
  root = json_node_get_object (node);
  g_assert_nonnull (strstr (json_object_get_string_member (root, "text"), "张某"));
  hits = json_object_get_array_member (root, "hits");
  g_assert_cmpuint (json_array_get_length (hits), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      JsonObject *hit = json_array_get_object_element (hits, i);
      gint64 start = json_object_get_int_member (hit, "start");
      gint64 end = json_object_get_int_member (hit, "end");

      g_assert_cmpstr (json_object_get_string_member (hit, "kind"), ==, kinds[i]);
      g_assert_cmpint (start, ==, strstr (REDACT_INPUT, secrets[i]) - REDACT_INPUT);
      g_assert_cmpint (end - start, ==, (gint64) strlen (secrets[i]));
    }

  /* Nothing to hide: the text as it came, no hits. */
  {
    g_autoptr(GBytes) plain = g_bytes_new_static ("罚款5000元。", strlen ("罚款5000元。"));
    g_auto(Run) none = run_cli_input (plain, "redact", "--json", NULL);
    g_autoptr(JsonNode) empty = json_from_string (none.out, NULL);

    g_assert_cmpint (none.status, ==, 0);
    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (empty), "text"), ==,
                     "罚款5000元。");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_node_get_object (empty), "hits")), ==, 0);
  }
}

static void
test_redact_bad_input (void)
{
  static const char latin1[] = "ok\n\xd5\xc5\xc8\xfd 13812345678\n";
  static const char nul[] = "ok\0 13812345678";
  g_autoptr(GBytes) bad = g_bytes_new_static (latin1, sizeof latin1 - 1);
  g_autoptr(GBytes) with_nul = g_bytes_new_static (nul, sizeof nul - 1);

  {
    g_auto(Run) run = run_cli_input (bad, "redact", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "not valid UTF-8 (line 2"));
  }
  {
    g_auto(Run) run = run_cli_input (with_nul, "redact", "--json", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_cmpstr (run.out, ==, "");
    g_assert_nonnull (strstr (run.err, "NUL"));
  }
  {
    /* No input: the command stops at its arguments, and writing to it would raise SIGPIPE. */
    g_auto(Run) run = run_cli_input (NULL, "redact", "file.txt", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "file.txt"));
  }
  {
    g_auto(Run) run = run_cli_input (NULL, "redact", "--name", "张", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--name"));
  }
}

static void
test_law (void)
{
  static const char * const points[] = {
    "（一）材料是否完整、文书是否完备、制作是否规范；", "（二）执法主体和执法权限是否合法；",
    "（三）执法人员是否具备执法资格；", "（四）执法对象是否认定准确；",
    "（五）事实是否清楚，证据是否充分、确凿；", "（六）执法程序是否合法；",
    "（七）法律法规规章是否适用准确；", "（八）办理意见或者裁量建议是否明确、适当；",
    "（九）其他应当审核的内容。",
  };
  g_auto(Run) run = run_cli ("law", "004 附件3 第十三条", NULL);
  g_auto(Run) unquoted = run_cli ("law", "004", "附件3", "第十三条", NULL);
  g_auto(GStrv) lines = NULL;

  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3 + 9 + 1);
  g_assert_cmpstr (lines[0], ==, "004 北京市全面推行行政执法公示制度执法全过程记录制度"
                                 "重大执法决定法制审核制度实施方案");
  g_assert_cmpstr (lines[1], ==, "附件3 北京市重大行政执法决定法制审核办法");
  g_assert_cmpstr (lines[2], ==, "第十三条\u3000重大行政执法决定法制审核以书面审核为主，"
                                 "重点审核以下内容：");
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    g_assert_cmpstr (lines[3 + i], ==, points[i]);

  g_assert_cmpint (unquoted.status, ==, 0);
  g_assert_cmpstr (unquoted.out, ==, run.out);
}

static void
test_law_json (void)
{
  g_auto(Run) run = run_cli ("law", "--json", "001 (六); 004 附件1 第六条(三)", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root;
  JsonArray *articles;
  JsonObject *first;
  JsonObject *second;

  g_assert_cmpint (run.status, ==, 0);
  node = json_from_string (run.out, NULL);
  g_assert_nonnull (node);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "citation"), ==,
                   "001 (六); 004 附件1 第六条(三)");
  articles = json_object_get_array_member (root, "articles");
  g_assert_cmpuint (json_array_get_length (articles), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "unresolved")),
                    ==, 0);

  first = json_array_get_object_element (articles, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "document"), ==, "001");
  g_assert_cmpstr (json_object_get_string_member (first, "title"), ==,
                   "大兴区关于加强行政执法协调监督工作的实施意见");
  g_assert_cmpstr (json_object_get_string_member (first, "part"), ==, "正文");
  g_assert_cmpstr (json_object_get_string_member (first, "article"), ==, "二、");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (first, "text"),
                                   "（六）加强行政执法队伍建设\n"));

  second = json_array_get_object_element (articles, 1);
  g_assert_cmpstr (json_object_get_string_member (second, "document"), ==, "004");
  g_assert_cmpstr (json_object_get_string_member (second, "part"), ==, "附件1");
  g_assert_cmpstr (json_object_get_string_member (second, "article"), ==, "第六条");
  g_assert_cmpint (json_object_get_int_member (second, "item"), ==, 3);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (second, "text"),
                                   "（三）执法人员信息"));
}

/* Text after a citation that is not one is left out with a note; the rest still prints. */
static void
test_law_left_out (void)
{
  g_auto(Run) run = run_cli ("law", "002 第十七条 (weihai); beijing: store named, no limit",
                             NULL);

  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_prefix (run.out, "002 威海市行政执法监督办法\n第二章 监督管理制度\n"
                                            "第十七条\u3000行政执法音像记录"));
  g_assert_nonnull (strstr (run.err, "(weihai)"));
  g_assert_nonnull (strstr (run.err, "beijing: store named, no limit"));
}

static void
test_law_bad_input (void)
{
  const char *cases[][3] = {
    { "009 第一条", NULL, "009" },
    { "002 第九十九条", NULL, "第九十九条" },
    { "002 第九十九条; 002 第一条", NULL, "第九十九条" },
    { "004 第十三条", NULL, "附件1, 附件2, 附件3" },
    { "004 附件3 第十三条(十)", NULL, "（十）" },
    { "004 附件7 第一条", NULL, "附件7" },
    { "nothing to see", NULL, "nothing to see" },
    { "004 附件3 第十三条", "--bogus", "bogus" },
    { NULL, NULL, "CITATION" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = run_cli ("law", cases[i][0], cases[i][1], NULL);

      g_assert_cmpint (run.status, ==, 2);
      g_assert_cmpstr (run.out, ==, "");
      if (strstr (run.err, cases[i][2]) == NULL)
        g_error ("stderr “%s” does not mention “%s”", run.err, cases[i][2]);
    }
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static JsonObject *
find_finding (JsonArray  *findings,
              const char *rule,
              const char *object)
{
  for (guint i = 0; i < json_array_get_length (findings); i++)
    {
      JsonObject *finding = json_array_get_object_element (findings, i);

      if (g_str_equal (json_object_get_string_member (finding, "rule"), rule) &&
          g_str_equal (json_object_get_string_member (finding, "object"), object))
        return finding;
    }
  return NULL;
}

/* Under zh_CN, the dates in the report read as Chinese dates; the JSON keeps ISO dates, as
 * FORMAT.md says. */
static void
test_validate_chinese (void)
{
  g_autofree char *rules = jd_test_data_path ("rules.json");
  g_autofree char *localedir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "po", NULL);
  g_autofree char *lc_all = g_strdup (g_getenv ("LC_ALL"));

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not generated (build-aux/install-deps.sh does it)");
      return;
    }
  setlocale (LC_ALL, "");
  g_setenv ("LC_ALL", "zh_CN.UTF-8", TRUE);
  g_setenv ("JIANDU_LOCALEDIR", localedir, TRUE);

  {
    g_auto(Run) run = run_cli ("validate", "--file", rules, "--date", "2025-11-03", NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "截至 2025年11月3日"));
    /* REV-DURATION of c5: due 5 working days after 2025-09-30, across the holiday. */
    g_assert_nonnull (strstr (run.out, "2025年10月14日"));
    g_assert_null (strstr (run.out, "2025-10-14"));
  }
  {
    g_auto(Run) run = run_cli ("validate", "--file", rules, "--date", "2025-11-03", "--json",
                               NULL);
    g_autoptr(JsonNode) root = parse_json (run.out);
    JsonObject *finding;

    g_assert_cmpstr (json_object_get_string_member (json_node_get_object (root), "as_of"), ==,
                     "2025-11-03");
    finding = find_finding (json_object_get_array_member (json_node_get_object (root),
                                                          "findings"),
                            "REV-DURATION", "cases/c5");
    g_assert_cmpstr (json_object_get_string_member (finding, "due"), ==, "2025-10-14");
    g_assert_nonnull (strstr (json_object_get_string_member (finding, "message"),
                              "2025年10月14日"));
  }

  g_setenv ("LC_ALL", lc_all, TRUE);
  g_unsetenv ("JIANDU_LOCALEDIR");
}

static void
test_validate_file (void)
{
  g_autofree char *rules = jd_test_data_path ("rules.json");
  g_autofree char *empty = write_temp ("empty.json", "{\"format\": \"jiandu/1\"}", -1);

  {
    g_auto(Run) run = run_cli ("validate", "--file", rules, "--date", "2025-11-03", "--json",
                               NULL);
    g_autoptr(JsonNode) root = parse_json (run.out);
    JsonObject *object = json_node_get_object (root);
    JsonArray *findings = json_object_get_array_member (object, "findings");
    JsonObject *finding;
    const char *members[] = { "rule", "status", "severity", "object", "message", "citation" };

    /* A major decision without a review: an error, so exit status 1. */
    g_assert_cmpint (run.status, ==, 1);
    g_assert_cmpstr (json_object_get_string_member (object, "profile"), ==, "beijing");
    g_assert_cmpstr (json_object_get_string_member (object, "as_of"), ==, "2025-11-03");
    g_assert_cmpuint (json_array_get_length (findings), >, 50);
    for (guint i = 0; i < json_array_get_length (findings); i++)
      for (guint m = 0; m < G_N_ELEMENTS (members); m++)
        g_assert_true (json_object_has_member (json_array_get_object_element (findings, i),
                                               members[m]));

    finding = find_finding (findings, "REV-REQUIRED", "cases/c2");
    g_assert_nonnull (finding);
    g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "fail");
    g_assert_cmpstr (json_object_get_string_member (finding, "severity"), ==, "error");
    g_assert_cmpstr (json_object_get_string_member (finding, "citation"), ==,
                     "004 附件3 第三条");

    /* 5 working days after 2025-09-30 cross the National Day holiday. */
    finding = find_finding (findings, "REV-DURATION", "cases/c5");
    g_assert_nonnull (finding);
    g_assert_cmpstr (json_object_get_string_member (finding, "due"), ==, "2025-10-14");
    g_assert_cmpint (json_object_get_int_member (finding, "days_left"), ==, -20);
  }
  {
    g_auto(Run) run = run_cli ("validate", "--file", rules, "--date", "2025-11-03", NULL);

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (strstr (run.out, "REV-REQUIRED"));
    g_assert_nonnull (strstr (run.out, "(cases/c2)"));
    g_assert_nonnull (strstr (run.out, "[004 附件3 第三条]"));
  }
  {
    g_auto(Run) run = run_cli ("validate", "--file", empty, "--date", "2025-11-03", NULL);

    g_assert_cmpint (run.status, ==, 0);
  }
  {
    /* The same small penalty is major in Weihai only. */
    g_auto(Run) beijing = run_cli ("validate", "--file", rules, "--date", "2025-11-03",
                                   "--json", NULL);
    g_auto(Run) weihai = run_cli ("validate", "--file", rules, "--date", "2025-11-03",
                                  "--profile", "weihai", "--json", NULL);
    g_autoptr(JsonNode) b = parse_json (beijing.out);
    g_autoptr(JsonNode) w = parse_json (weihai.out);
    JsonObject *finding;

    finding = find_finding (json_object_get_array_member (json_node_get_object (b), "findings"),
                            "REV-REQUIRED", "cases/c4");
    g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "not_applicable");
    finding = find_finding (json_object_get_array_member (json_node_get_object (w), "findings"),
                            "REV-REQUIRED", "cases/c4");
    g_assert_cmpstr (json_object_get_string_member (finding, "status"), ==, "fail");
    g_assert_cmpstr (json_object_get_string_member (finding, "citation"), ==, "002 第十三条");
  }
}

static void
test_validate_bad_input (void)
{
  g_autofree char *rules = jd_test_data_path ("rules.json");
  g_autofree char *broken = write_temp ("broken.json",
                                        "{\"format\": \"jiandu/1\", \"cases\": [{\"id\": 3}]}",
                                        -1);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  const char *cases[][6] = {
    { "--date", "2025-13-01", "--file", NULL, "2025-13-01" },
    { "--date", "yesterday", "--file", NULL, "yesterday" },
    { "--profile", "atlantis", "--file", NULL, "atlantis" },
    { "--file", NULL, "--case", "c1", "only one" },
    { "--file", "MISSING", NULL, NULL, "missing.json" },
    { "--file", "BROKEN", NULL, NULL, "cases[0].id" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[6] = { NULL };

      for (guint a = 0; a < 4; a++)
        {
          const char *arg = cases[i][a];

          if (a > 0 && cases[i][a - 1] != NULL && g_str_equal (cases[i][a - 1], "--file") &&
              arg == NULL)
            arg = rules;
          else if (arg != NULL && g_str_equal (arg, "MISSING"))
            arg = missing;
          else if (arg != NULL && g_str_equal (arg, "BROKEN"))
            arg = broken;
          argv[a] = arg;
        }
      {
        g_auto(Run) run = run_cli ("validate", argv[0], argv[1], argv[2], argv[3], NULL);

        g_assert_cmpint (run.status, ==, 2);
        g_assert_cmpstr (run.out, ==, "");
        if (strstr (run.err, cases[i][4]) == NULL)
          g_error ("stderr “%s” does not mention “%s”", run.err, cases[i][4]);
      }
    }
}

static void
test_validate_store_and_deadlines (void)
{
  g_autofree char *rules = jd_test_data_path ("rules.json");
  g_autofree char *rules_db = g_build_filename (dir, "rules.db", NULL);

  {
    g_auto(Run) run = run_cli ("--db", rules_db, "import", rules, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("--db", rules_db, "validate", "--case", "c2", "--date",
                               "2025-11-03", "--json", NULL);
    g_autoptr(JsonNode) root = parse_json (run.out);
    JsonArray *findings = json_object_get_array_member (json_node_get_object (root),
                                                        "findings");

    g_assert_cmpint (run.status, ==, 1);
    g_assert_nonnull (find_finding (findings, "REV-REQUIRED", "cases/c2"));
    for (guint i = 0; i < json_array_get_length (findings); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (findings, i),
                                                      "object"), ==, "cases/c2");
  }
  {
    g_auto(Run) run = run_cli ("--db", rules_db, "validate", "--case", "nope", NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "nope"));
  }
  {
    /* c8 went to review on 2025-09-30: the opinion is due 5 working days later, after the
     * National Day holiday. */
    g_auto(Run) run = run_cli ("--db", rules_db, "deadlines", "--date", "2025-10-09", "--json",
                               NULL);
    g_autoptr(JsonNode) root = parse_json (run.out);
    JsonArray *deadlines = json_node_get_array (root);
    const char *previous = "0000-00-00";
    gboolean found = FALSE;

    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; i < json_array_get_length (deadlines); i++)
      {
        JsonObject *deadline = json_array_get_object_element (deadlines, i);
        const char *due = json_object_get_string_member (deadline, "due");

        g_assert_cmpstr (previous, <=, due);
        previous = due;
        g_assert_cmpint (json_object_get_boolean_member (deadline, "overdue"), ==,
                         json_object_get_int_member (deadline, "days_left") < 0);
        if (g_str_equal (json_object_get_string_member (deadline, "object"), "cases/c8") &&
            g_str_equal (json_object_get_string_member (deadline, "rule"), "REV-DURATION"))
          {
            g_assert_cmpstr (due, ==, "2025-10-14");
            g_assert_cmpint (json_object_get_int_member (deadline, "days_left"), ==, 5);
            found = TRUE;
          }
      }
    g_assert_true (found);
  }
  {
    g_auto(Run) run = run_cli ("--db", rules_db, "deadlines", "--date", "2025-10-09",
                               "--within", "3", "--json", NULL);
    g_autoptr(JsonNode) root = parse_json (run.out);
    JsonArray *deadlines = json_node_get_array (root);

    g_assert_cmpint (run.status, ==, 0);
    for (guint i = 0; i < json_array_get_length (deadlines); i++)
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (deadlines, i),
                                                   "days_left"), <=, 3);
  }
  {
    g_auto(Run) run = run_cli ("--db", rules_db, "deadlines", "--within", "-5", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }
}

static void
test_backup_restore (void)
{
  g_autofree char *rules = jd_test_data_path ("rules.json");
  g_autofree char *live = g_build_filename (dir, "live.db", NULL);
  g_autofree char *copy = g_build_filename (dir, "copy.backup", NULL);
  g_autofree char *not_db = write_temp ("not-a-db.backup", "hello", -1);
  g_autofree char *exported = NULL;
  g_autofree char *before = NULL;

  {
    g_auto(Run) run = run_cli ("--db", live, "import", rules, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  exported = export_text (live);
  {
    g_auto(Run) run = run_cli ("--db", live, "backup", "--out", copy, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    /* Never over an existing file. */
    g_auto(Run) run = run_cli ("--db", live, "backup", "--out", copy, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "copy.backup"));
  }
  {
    g_auto(Run) run = run_cli ("--db", live, "backup", NULL);
    g_assert_cmpint (run.status, ==, 2);
  }

  /* Change the database, then restore: the backup's content is back, the changed one kept. */
  {
    g_autofree char *full = jd_test_data_path ("full.json");
    g_auto(Run) run = run_cli ("--db", live, "import", full, NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("--db", live, "restore", copy, NULL);
    g_autofree char *restored = export_text (live);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, ".before-restore-"));
    g_assert_cmpstr (restored, ==, exported);
  }

  /* A file that is not a Jiandu database changes nothing. */
  before = file_digest (live);
  {
    g_auto(Run) run = run_cli ("--db", live, "restore", not_db, NULL);
    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "not-a-db.backup"));
    g_assert_cmpstr (run.out, ==, "");
  }
  {
    g_autofree char *after = file_digest (live);
    g_assert_cmpstr (after, ==, before);
  }
}

/* The sync commands, before any server is involved (test-sync.c runs them against one). */
static void
test_sync_bad_input (void)
{
  g_autofree char *path = g_build_filename (dir, "sync.db", NULL);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(JsonNode) json = NULL;

  {
    g_auto(Run) run = run_cli ("--db", path, "init", NULL);
    g_assert_cmpint (run.status, ==, 0);
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "status", "--json", NULL);

    g_assert_cmpint (run.status, ==, 0);
    json = json_from_string (run.out, NULL);
    g_assert_nonnull (json);
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (json), "pending"), ==, 0);
    g_assert_true (json_object_get_null_member (json_node_get_object (json), "server"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "status", NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_nonnull (strstr (run.out, "not logged in"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "sync", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "not logged in"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "login", "--user", "zhangsan", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--server"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "login", "--server", "ftp://x/", "--user", "z",
                               NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "http://"));
  }
  {
    g_auto(Run) run = run_cli_input (empty, "--db", path, "login", "--server",
                                     "http://127.0.0.1:1/", "--user", "z", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "no password"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "conflicts", "--json", NULL);

    g_assert_cmpint (run.status, ==, 0);
    g_assert_cmpstr (g_strstrip (run.out), ==, "[]");
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "resolve", "c1", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "--keep"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "resolve", "c1", "--keep", "both", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "both"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "resolve", "nosuch/c1", "--keep", "mine", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "nosuch"));
  }
  {
    g_auto(Run) run = run_cli ("--db", path, "resolve", "c1", "--keep", "mine", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "no conflict"));
  }
}

/* A database of sample data is never signed in to a server: refused before any request. */
static void
test_sample_never_signed_in (void)
{
  g_autofree char *a = g_build_filename (dir, "sample-a.db", NULL);
  g_autofree char *before = file_digest (a);

  g_setenv ("JIANDU_PASSWORD", "secret", TRUE);
  {
    g_auto(Run) run = run_cli ("--db", a, "login", "--server", "http://127.0.0.1:9",
                               "--user", "zhang", NULL);

    g_assert_cmpint (run.status, ==, 2);
    g_assert_nonnull (strstr (run.err, "sample data"));
  }
  g_unsetenv ("JIANDU_PASSWORD");
  {
    g_autofree char *after = file_digest (a);
    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("JIANDU_CLI") == NULL)
    g_error ("JIANDU_CLI must name the jiandu-cli binary");

  dir = jd_test_tmp_dir ();
  db = g_build_filename (dir, "cli.db", NULL);

  /* In order: each builds on the database the one before left. */
  g_test_add_func ("/cli/init-import-export", test_init_import_export);
  g_test_add_func ("/cli/search", test_search);
  g_test_add_func ("/cli/audit-verify", test_audit_verify);
  g_test_add_func ("/cli/bad-input", test_bad_input);
  g_test_add_func ("/cli/locked", test_locked);
  g_test_add_func ("/cli/sample", test_sample);
  g_test_add_func ("/cli/sample-never-signed-in", test_sample_never_signed_in);
  g_test_add_func ("/cli/redact", test_redact);
  g_test_add_func ("/cli/redact-json", test_redact_json);
  g_test_add_func ("/cli/redact-bad-input", test_redact_bad_input);
  g_test_add_func ("/cli/law", test_law);
  g_test_add_func ("/cli/law-json", test_law_json);
  g_test_add_func ("/cli/law-left-out", test_law_left_out);
  g_test_add_func ("/cli/law-bad-input", test_law_bad_input);
  g_test_add_func ("/cli/validate-file", test_validate_file);
  g_test_add_func ("/cli/validate-chinese", test_validate_chinese);
  g_test_add_func ("/cli/backup-restore", test_backup_restore);
  g_test_add_func ("/cli/validate-bad-input", test_validate_bad_input);
  g_test_add_func ("/cli/validate-store-deadlines", test_validate_store_and_deadlines);
  g_test_add_func ("/cli/sync-bad-input", test_sync_bad_input);

  status = g_test_run ();
  jd_test_rm_dir (dir);
  g_free (dir);
  g_free (db);
  return status;
}
