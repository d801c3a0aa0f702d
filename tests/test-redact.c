#include "jd-identity.h"
#include "jd-redact.h"

#include <string.h>

/* Hits sorted, in bounds, on character boundaries and apart; the output valid UTF-8; the hits
 * of jd_redact_apply() those of jd_redact_scan(). */
static void
check_invariants (const char         *text,
                  const char * const *names,
                  const char         *out,
                  GArray             *hits)
{
  g_autoptr(GArray) scanned = jd_redact_scan (text, -1, names);
  gsize length = strlen (text);
  gsize out_length = strlen (out);

  g_assert_true (g_utf8_validate (out, -1, NULL));
  g_assert_cmpuint (scanned->len, ==, hits->len);

  for (guint i = 0; i < hits->len; i++)
    {
      const JdRedactHit *hit = &g_array_index (hits, JdRedactHit, i);
      const JdRedactHit *same = &g_array_index (scanned, JdRedactHit, i);

      g_assert_cmpint (hit->kind, ==, same->kind);
      g_assert_cmpuint (hit->start, ==, same->start);
      g_assert_cmpuint (hit->end, ==, same->end);
      g_assert_cmpuint (hit->start, <, hit->end);
      g_assert_cmpuint (hit->end, <=, length);
      g_assert_true (g_utf8_validate (text + hit->start, (gssize) (hit->end - hit->start), NULL));
      g_assert_cmpuint (hit->out_start, <=, hit->out_end);
      g_assert_cmpuint (hit->out_end, <=, out_length);
      if (i > 0)
        {
          const JdRedactHit *before = &g_array_index (hits, JdRedactHit, i - 1);

          g_assert_cmpuint (before->end, <=, hit->start);
          g_assert_cmpuint (before->out_end, <=, hit->out_start);
        }
    }
}

static char *
redact (const char         *text,
        const char * const *names,
        GArray            **hits_out)
{
  g_autoptr(GArray) hits = NULL;
  char *out = jd_redact_apply (text, names, &hits);

  g_assert_nonnull (out);
  check_invariants (text, names, out, hits);
  if (hits_out != NULL)
    *hits_out = g_steal_pointer (&hits);

  return out;
}

/* @text redacts to @expected with exactly one hit, of @kind, covering @secret. */
static void
assert_one (const char         *text,
            const char * const *names,
            JdRedactKind        kind,
            const char         *secret,
            const char         *expected)
{
  g_autoptr(GArray) hits = NULL;
  g_autofree char *out = redact (text, names, &hits);
  g_autofree char *matched = NULL;
  const JdRedactHit *hit;

  g_test_message ("%s -> %s", text, out);
  g_assert_cmpstr (out, ==, expected);
  g_assert_cmpuint (hits->len, ==, 1);
  hit = &g_array_index (hits, JdRedactHit, 0);
  g_assert_cmpstr (jd_redact_kind_to_string (hit->kind), ==, jd_redact_kind_to_string (kind));
  matched = jd_redact_hit_dup_text (hit, text);
  g_assert_cmpstr (matched, ==, secret);
  g_assert_cmpuint (hit->start, ==, (gsize) (strstr (text, secret) - text));
}

/* @text comes out unchanged. */
static void
assert_kept (const char         *text,
             const char * const *names)
{
  g_autoptr(GArray) hits = NULL;
  g_autofree char *out = redact (text, names, &hits);

  for (guint i = 0; i < hits->len; i++)
    {
      g_autofree char *matched = jd_redact_hit_dup_text (&g_array_index (hits, JdRedactHit, i),
                                                         text);
      g_test_message ("unexpected %s hit: %s",
                      jd_redact_kind_to_string (g_array_index (hits, JdRedactHit, i).kind),
                      matched);
    }
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpstr (out, ==, text);
}

/* 15 digits and the Luhn check digit. */
static char *
luhn_complete (const char *first)
{
  for (char d = '0'; d <= '9'; d++)
    {
      g_autofree char *card = g_strdup_printf ("%s%c", first, d);

      if (jd_luhn_is_valid (card))
        return g_steal_pointer (&card);
    }

  g_assert_not_reached ();
}

static void
test_resident_id (void)
{
  assert_one ("当事人身份证号码11010519491231002X，系本市居民。", NULL, JD_REDACT_RESIDENT_ID,
              "11010519491231002X", "当事人身份证号码110105********002X，系本市居民。");
  assert_one ("身份证：11010519491231002x。", NULL, JD_REDACT_RESIDENT_ID, "11010519491231002x",
              "身份证：110105********002x。");
  /* Full-width digits, as some input methods type them. */
  assert_one ("证号１１０１０５１９４９１２３１００２Ｘ号", NULL, JD_REDACT_RESIDENT_ID,
              "１１０１０５１９４９１２３１００２Ｘ", "证号１１０１０５********００２Ｘ号");
  /* A 15-digit number of before 1999: region, yymmdd, sequence. */
  assert_one ("旧证110105491231002。", NULL, JD_REDACT_RESIDENT_ID, "110105491231002",
              "旧证110105******002。");

  /* A wrong check character is no ID number (it is no bank card either: Luhn fails). */
  assert_kept ("编号110105194912310021。", NULL);
  /* Inside a longer number or code, it is not one. */
  assert_kept ("编号A11010519491231002X。", NULL);
  assert_kept ("编号11010519491231002X9。", NULL);
  /* 15 digits with no real date. */
  assert_kept ("编号110105491331002。", NULL);
}

static void
test_mobile (void)
{
  assert_one ("联系电话：13812345678。", NULL, JD_REDACT_MOBILE, "13812345678",
              "联系电话：138****5678。");
  assert_one ("手机+86 139-1234-5678，", NULL, JD_REDACT_MOBILE, "+86 139-1234-5678",
              "手机+86 139-****-5678，");
  assert_one ("电话为158 1234 5678的人", NULL, JD_REDACT_MOBILE, "158 1234 5678",
              "电话为158 **** 5678的人");
  assert_one ("电话为158 12345678的人", NULL, JD_REDACT_MOBILE, "158 12345678",
              "电话为158 ****5678的人");
  assert_one ("１３８１２３４５６７８", NULL, JD_REDACT_MOBILE, "１３８１２３４５６７８",
              "１３８****５６７８");

  /* 12 is no mobile prefix; 12 digits are no mobile number. */
  assert_kept ("编号12812345678。", NULL);
  assert_kept ("编号138123456789。", NULL);
}

static void
test_mobile_groups (void)
{
  g_autoptr(GArray) hits = NULL;
  g_autofree char *out = redact ("13812345678 13987654321", NULL, &hits);

  g_assert_cmpstr (out, ==, "138****5678 139****4321");
  g_assert_cmpuint (hits->len, ==, 2);
}

static void
test_landline (void)
{
  assert_one ("电话010-62345678。", NULL, JD_REDACT_LANDLINE, "010-62345678",
              "电话010-******78。");
  assert_one ("座机(010)62345678，", NULL, JD_REDACT_LANDLINE, "(010)62345678",
              "座机(010)******78，");
  assert_one ("联系（0755） 8765-4321，", NULL, JD_REDACT_LANDLINE, "（0755） 8765-4321",
              "联系（0755） ****-**21，");
  assert_one ("号码0755 87654321转123", NULL, JD_REDACT_LANDLINE, "0755 87654321转123",
              "号码0755 ********转*23");
  assert_one ("号码010-62345678-8001。", NULL, JD_REDACT_LANDLINE, "010-62345678-8001",
              "号码010-********-**01。");
  assert_one ("号码01062345678。", NULL, JD_REDACT_LANDLINE, "01062345678",
              "号码010******78。");
  /* Without an area code only after a label. */
  assert_one ("传真：6234-5678。", NULL, JD_REDACT_LANDLINE, "6234-5678", "传真：****-**78。");
  assert_one ("电话 62345678。", NULL, JD_REDACT_LANDLINE, "62345678", "电话 ******78。");

  assert_kept ("共62345678元。", NULL);
  /* 0101 is no area code, and 011 neither. */
  assert_kept ("编号0101-62345678。", NULL);
  assert_kept ("编号011-62345678。", NULL);
}

static void
test_bank_card (void)
{
  g_autofree char *card = luhn_complete ("622202123456789");
  g_autofree char *wrong = g_strdup (card);
  g_autofree char *grouped = g_strdup_printf ("%.4s %.4s %.4s %.4s", card, card + 4, card + 8,
                                              card + 12);
  g_autofree char *text = g_strdup_printf ("收款卡%s。", card);
  g_autofree char *expected = g_strdup_printf ("收款卡6222********%s。", card + 12);
  g_autofree char *grouped_text = g_strdup_printf ("银行卡 %s，", grouped);
  g_autofree char *grouped_expected = g_strdup_printf ("银行卡 6222 **** **** %s，",
                                                       card + 12);
  g_autofree char *wrong_text = NULL;

  assert_one (text, NULL, JD_REDACT_BANK_CARD, card, expected);
  assert_one (grouped_text, NULL, JD_REDACT_BANK_CARD, grouped, grouped_expected);

  /* Luhn fails: an ordinary long number, unless an account label says otherwise. */
  wrong[15] = wrong[15] == '9' ? '0' : (char) (wrong[15] + 1);
  wrong_text = g_strdup_printf ("单号%s。", wrong);
  assert_kept (wrong_text, NULL);
  assert_one ("开户账号：0200 0045 0920 1234 567。", NULL, JD_REDACT_BANK_CARD,
              "0200 0045 0920 1234 567", "开户账号：0200 **** **** ***4 567。");
}

/* An all-digit unified social credit code that also passes Luhn is an organisation's code. */
static void
test_credit_code_not_bank_card (void)
{
  int found = 0;

  for (int i = 0; i < 100000 && found < 3; i++)
    {
      g_autofree char *first = g_strdup_printf ("91110105%09d", i);
      char check = jd_credit_code_check_char (first);
      g_autofree char *code = g_strdup_printf ("%s%c", first, check);
      g_autofree char *text = NULL;

      if (!g_ascii_isdigit (check) || !jd_luhn_is_valid (code))
        continue;
      g_assert_true (jd_credit_code_is_valid (code));
      text = g_strdup_printf ("统一社会信用代码%s的公司", code);
      assert_kept (text, NULL);
      found++;
    }

  g_assert_cmpint (found, ==, 3);
}

static void
test_property_cert (void)
{
  assert_one ("权证为京(2021)朝阳区不动产权第0012345号的房屋", NULL, JD_REDACT_PROPERTY_CERT,
              "京(2021)朝阳区不动产权第0012345号", "权证为京(2021)朝阳区不动产权第***号的房屋");
  assert_one ("权证为京（2021）朝阳区不动产权第0012345号的房屋", NULL,
              JD_REDACT_PROPERTY_CERT, "京（2021）朝阳区不动产权第0012345号",
              "权证为京（2021）朝阳区不动产权第***号的房屋");
  assert_one ("证明京(2022)大兴区不动产证明第0000123号。", NULL, JD_REDACT_PROPERTY_CERT,
              "京(2022)大兴区不动产证明第0000123号", "证明京(2022)大兴区不动产证明第***号。");
  assert_one ("旧证X京房权证朝字第123456号。", NULL, JD_REDACT_PROPERTY_CERT,
              "X京房权证朝字第123456号", "旧证X京房权证朝字第***号。");
  assert_one ("房产证号：20210012345，", NULL, JD_REDACT_PROPERTY_CERT, "20210012345",
              "房产证号：***，");
  /* Without the prefix, the serial still goes. */
  assert_one ("编为不动产权第0012345号。", NULL, JD_REDACT_PROPERTY_CERT, "不动产权第0012345号",
              "编为不动产权第***号。");
}

static void
test_person_name (void)
{
  const char *names[] = { "张三", "欧阳小明", "张三丰", NULL };
  g_autoptr(GArray) hits = NULL;
  g_autofree char *out = redact ("当事人张三、欧阳小明与张三丰。张三于当日到案。", names, &hits);

  g_assert_cmpstr (out, ==, "当事人张某、欧阳某与张某。张某于当日到案。");
  g_assert_cmpuint (hits->len, ==, 4);
  for (guint i = 0; i < hits->len; i++)
    g_assert_cmpint (g_array_index (hits, JdRedactHit, i).kind, ==, JD_REDACT_PERSON_NAME);
  /* 张三丰 is one hit, not 张三 and a stray 丰. */
  g_assert_cmpuint (g_array_index (hits, JdRedactHit, 2).end
                    - g_array_index (hits, JdRedactHit, 2).start, ==, strlen ("张三丰"));

  {
    g_autofree char *a = jd_redact_mask_name ("张三");
    g_autofree char *b = jd_redact_mask_name ("欧阳小明");
    g_autofree char *c = jd_redact_mask_name ("欧阳");
    g_autofree char *d = jd_redact_mask_name ("司马相如");

    g_assert_cmpstr (a, ==, "张某");
    g_assert_cmpstr (b, ==, "欧阳某");
    g_assert_cmpstr (c, ==, "欧某");
    g_assert_cmpstr (d, ==, "司马某");
  }

  /* Organisations stay, and a single character is no name to search for. */
  {
    const char *short_names[] = { "张", "", NULL };

    assert_kept ("北京市朝阳区城市管理综合行政执法局对北京某某科技有限公司张贴的广告立案。",
                 short_names);
  }
}

static void
test_age (void)
{
  assert_one ("张某，男，35岁，", NULL, JD_REDACT_AGE, "35岁", "张某，男，**岁，");
  assert_one ("张某，女，8周岁。", NULL, JD_REDACT_AGE, "8周岁", "张某，女，**周岁。");
  assert_one ("年龄：42，", NULL, JD_REDACT_AGE, "42", "年龄：**，");
  assert_one ("年龄为42岁，", NULL, JD_REDACT_AGE, "42岁", "年龄为**岁，");

  /* Statutes speak of ages that are nobody's. */
  assert_kept ("不满14周岁的未成年人不予处罚；已满14周岁不满18周岁的从轻。", NULL);
  assert_kept ("共计1935岁月", NULL);
}

static void
test_address (void)
{
  const char *names[] = { "张三", NULL };

  assert_one ("住址：北京市朝阳区建国路88号3号楼502室，", NULL, JD_REDACT_ADDRESS,
              "北京市朝阳区建国路88号3号楼502室", "住址：北京市***，");
  assert_one ("家庭住址浙江省杭州市西湖区文三路1号。", NULL, JD_REDACT_ADDRESS,
              "浙江省杭州市西湖区文三路1号", "家庭住址浙江省杭州市***。");
  assert_one ("户籍所在地：内蒙古自治区呼和浩特市新城区1号；", NULL, JD_REDACT_ADDRESS,
              "内蒙古自治区呼和浩特市新城区1号", "户籍所在地：内蒙古自治区呼和浩特市***；");
  assert_one ("现住大兴区黄村镇某村12号，", NULL, JD_REDACT_ADDRESS, "大兴区黄村镇某村12号",
              "现住***，");
  /* No label: a dwelling, or a clause after the person it belongs to. */
  assert_one ("男，北京市朝阳区建国路88号院3号楼502室。", NULL, JD_REDACT_ADDRESS,
              "北京市朝阳区建国路88号院3号楼502室", "男，北京市***。");
  {
    g_autofree char *out = redact ("张三，男，北京市朝阳区建国路88号。", names, NULL);

    g_assert_cmpstr (out, ==, "张某，男，北京市***。");
  }

  /* The scene of a violation, a hospital stay and a rule on jurisdiction stay. */
  assert_kept ("当事人在北京市朝阳区建国路88号擅自搭建。", NULL);
  assert_kept ("经查，北京市朝阳区建国路88号。", NULL);
  assert_kept ("当事人现住院治疗。", NULL);
  assert_kept ("以当事人经常居住地为准。", NULL);
}

/* Byte positions with multi-byte text before, between and after. */
static void
test_positions (void)
{
  const char *names[] = { "李四", NULL };
  const char *text = "经查明，李四（身份证号11010519491231002X，电话13812345678）于2025年3月1日"
                     "在本区违法建设，住址：北京市大兴区兴华大街1号，年龄30岁。";
  const char *secrets[] = {
    "李四", "11010519491231002X", "13812345678", "北京市大兴区兴华大街1号", "30岁",
  };
  const JdRedactKind kinds[] = {
    JD_REDACT_PERSON_NAME, JD_REDACT_RESIDENT_ID, JD_REDACT_MOBILE, JD_REDACT_ADDRESS,
    JD_REDACT_AGE,
  };
  g_autoptr(GArray) hits = jd_redact_scan (text, -1, names);
  g_autoptr(GArray) hits_out = NULL;
  g_autofree char *out = redact (text, names, &hits_out);

  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (secrets));
  for (guint i = 0; i < hits->len; i++)
    {
      const JdRedactHit *hit = &g_array_index (hits, JdRedactHit, i);
      const JdRedactHit *applied = &g_array_index (hits_out, JdRedactHit, i);
      g_autofree char *masked = g_strndup (out + applied->out_start,
                                           applied->out_end - applied->out_start);

      g_assert_cmpint (hit->kind, ==, kinds[i]);
      g_assert_cmpuint (hit->start, ==, (gsize) (strstr (text, secrets[i]) - text));
      g_assert_cmpuint (hit->end, ==, hit->start + strlen (secrets[i]));
      g_assert_cmpuint (hit->out_start, ==, 0);
      g_assert_null (strstr (out, secrets[i]));
      g_assert_nonnull (strstr (out, masked));
    }
  g_assert_cmpstr (out, ==,
                   "经查明，李某（身份证号110105********002X，电话138****5678）于2025年3月1日"
                   "在本区违法建设，住址：北京市***，年龄**岁。");

  /* A length shorter than the text scans only that much. */
  {
    g_autoptr(GArray) head = jd_redact_scan (text, (gssize) (strstr (text, "1381") - text),
                                             names);

    g_assert_cmpuint (head->len, ==, 2);
  }
}

/* What a decision publishes anyway stays as it is. */
static void
test_ordinary_text (void)
{
  const char *first = "91110105MA0123456";
  g_autofree char *credit = g_strdup_printf ("%s%c", first, jd_credit_code_check_char (first));
  g_autofree char *text = NULL;

  g_assert_true (jd_credit_code_is_valid (credit));

  text = g_strdup_printf (
    "北京市朝阳区城市管理综合行政执法监察局行政处罚决定书\n"
    "京朝城管罚字〔2025〕第123号\n"
    "当事人：北京某某科技有限公司，统一社会信用代码：%s，住所：北京市朝阳区建国路88号。\n"
    "法定代表人：张某。\n"
    "2025年3月1日，本机关执法人员（执法证号11010012345、11010012346）依法检查，"
    "发现当事人于2025-02-15未经批准擅自设置户外广告设施，面积12.5平方米。"
    "依据《北京市市容环境卫生条例》第九十条，决定罚款5000元（大写：伍仟元整），"
    "共计罚款人民币10000元。当事人应当自收到本决定书之日起15日内缴纳罚款，"
    "逾期每日按罚款数额的3%%加处罚款。如不服本决定，可在60日内申请行政复议，"
    "或者在6个月内提起行政诉讼。联系地址：北京市朝阳区日坛北路1号。\n"
    "2025年3月20日",
    credit);
  assert_kept (text, NULL);
}

static void
test_tricky (void)
{
  g_autoptr(GString) digits = g_string_new (NULL);
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GArray) hits = NULL;
  g_autofree char *out = NULL;
  const char *names[] = { "王五", NULL };
  const char *odd[] = {
    "", "1", "岁", "年龄", "住址", "住址：", "不动产权第", "不动产权第号", "(", "（0", "+86",
    "+8613", "房权证字第1", "王五", "王", "-", "0-0-0-0-0-0-0-0-0-0-0-0-0-0", "　　",
    "1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9", "第五人民医院", "X京房权证", "满1岁",
  };

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *o = redact (odd[i], names, NULL);

      (void) o;
    }

  {
    g_autoptr(GArray) none = jd_redact_scan ("", 0, NULL);

    g_assert_cmpuint (none->len, ==, 0);
  }

  /* Only digits: one long number is none of the kinds. */
  for (int i = 0; i < 5000; i++)
    g_string_append_c (digits, (char) ('0' + i * 7 % 10));
  out = redact (digits->str, NULL, &hits);
  g_assert_cmpuint (hits->len, ==, 0);
  g_assert_cmpstr (out, ==, digits->str);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&hits, g_array_unref);

  /* Long: 20 000 sentences, each with a name, an ID number and a phone number. */
  for (int i = 0; i < 20000; i++)
    g_string_append (long_text, "王五，身份证号11010519491231002X，电话13812345678，罚款5000元。\n");
  {
    gint64 begin = g_get_monotonic_time ();

    out = redact (long_text->str, names, &hits);
    g_test_message ("%" G_GSIZE_FORMAT " bytes redacted in %" G_GINT64_FORMAT " ms",
                    long_text->len, (g_get_monotonic_time () - begin) / 1000);
  }
  g_assert_cmpuint (hits->len, ==, 60000);
  g_assert_null (strstr (out, "王五"));
  g_assert_null (strstr (out, "19491231"));
  g_assert_null (strstr (out, "13812345678"));
}

static void
test_kind_names (void)
{
  const char *expected[] = {
    "resident_id", "mobile", "landline", "bank_card", "property_cert", "person_name", "age",
    "address",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (expected) == JD_REDACT_N_KINDS);
  for (int k = 0; k < JD_REDACT_N_KINDS; k++)
    {
      g_assert_cmpstr (jd_redact_kind_to_string ((JdRedactKind) k), ==, expected[k]);
      g_assert_nonnull (jd_redact_kind_get_label ((JdRedactKind) k));
    }
  g_assert_null (jd_redact_kind_to_string ((JdRedactKind) JD_REDACT_N_KINDS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/redact/resident-id", test_resident_id);
  g_test_add_func ("/redact/mobile", test_mobile);
  g_test_add_func ("/redact/mobile-groups", test_mobile_groups);
  g_test_add_func ("/redact/landline", test_landline);
  g_test_add_func ("/redact/bank-card", test_bank_card);
  g_test_add_func ("/redact/credit-code-not-bank-card", test_credit_code_not_bank_card);
  g_test_add_func ("/redact/property-cert", test_property_cert);
  g_test_add_func ("/redact/person-name", test_person_name);
  g_test_add_func ("/redact/age", test_age);
  g_test_add_func ("/redact/address", test_address);
  g_test_add_func ("/redact/positions", test_positions);
  g_test_add_func ("/redact/ordinary-text", test_ordinary_text);
  g_test_add_func ("/redact/tricky", test_tricky);
  g_test_add_func ("/redact/kind-names", test_kind_names);

  return g_test_run ();
}
