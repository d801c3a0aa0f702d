#include <string.h>

#include "jd-law.h"
#include "jd-core-resources.h"

/* Every citation of /work/shared/RULES.md (its "citation" columns and the heading of the 9
 * review points), with how many articles each names and how much trailing text is not a
 * citation. */
static const struct
{
  const char *citation;
  guint       n_refs;
  guint       n_left_out;
} rules_citations[] = {
  { "004 附件3 第十三条", 1, 0 },
  { "004 附件3 第五条", 1, 0 },
  { "004 附件3 第六条", 1, 0 },
  { "004 附件3 第七条", 1, 0 },
  { "004 附件3 第八条", 1, 0 },
  { "004 附件3 第九条", 1, 0 },
  { "004 附件3 第十一条; 002 第十四条", 2, 0 },
  { "002 第十四条", 1, 0 },
  { "004 附件3 第三条; 002 第十三条", 2, 0 },
  { "004 正文 二(三); 附件3 第三条", 2, 0 },
  { "004 附件3 第三条", 1, 0 },
  { "004 附件3 第十二条", 1, 0 },
  { "004 附件3 第十四条", 1, 0 },
  { "004 附件3 第十五条", 1, 0 },
  { "004 附件2 第三条、第四条", 2, 0 },
  { "004 附件2 第七条", 1, 0 },
  { "004 附件2 第九条", 1, 0 },
  { "004 附件2 第十条", 1, 0 },
  { "002 第十七条 (weihai); beijing: store named, no limit", 1, 2 },
  { "004 附件2 第十二条", 1, 0 },
  { "004 附件2 第十三条; 002 第十七条", 2, 0 },
  { "002 第十八条、第四十三条", 2, 0 },
  { "004 附件1 第十三条; 002 第十五条", 2, 0 },
  { "004 附件1 第十五条", 1, 0 },
  { "004 附件1 第十六条", 1, 0 },
  { "004 附件1 第十八条", 1, 0 },
  { "004 附件1 第十一条", 1, 0 },
  { "004 附件1 第十七条", 1, 0 },
  { "001 (六); 004 附件1 第六条(三)", 2, 0 },
  { "001 (六) (beijing-daxing)", 1, 1 },
  { "003 第二十一条 (xuchang)", 1, 1 },
  { "001 (六); 004 附件1 第七条", 2, 0 },
  { "002 第九条", 1, 0 },
  { "002 第十条", 1, 0 },
  { "002 第十二条", 1, 0 },
  { "002 第八条", 1, 0 },
  { "002 第十九条; 004 附件1 第十七条", 2, 0 },
  { "002 第二十七条", 1, 0 },
  { "002 第二十九条", 1, 0 },
  { "002 第三十五条", 1, 0 },
  { "002 第三十九条", 1, 0 },
  { "002 第三十七条", 1, 0 },
  { "003 第十六条", 1, 0 },
  { "002 第四十一条", 1, 0 },
  { "002 第三十二条", 1, 0 },
  { "002 第三十三条; 000 第十四条", 2, 0 },
  { "002 第四十二条", 1, 0 },
  { "001 (七)", 1, 0 },
  { "000 第十三条; 002 第二十四条", 2, 0 },
  { "002 第二十三条", 1, 0 },
  { "002 第四十三条", 1, 0 },
};

static JdLaw *
law (void)
{
  return jd_law_get_default ();
}

static const JdLawArticle *
article_at (const char *code,
            const char *part_name,
            int         number)
{
  const JdLawDocument *document = jd_law_get_document (law (), code);
  const JdLawPart *part;
  const JdLawArticle *article;

  g_assert_nonnull (document);
  part = jd_law_document_get_part (document, part_name);
  g_assert_nonnull (part);
  article = jd_law_part_get_article (part, number);
  g_assert_nonnull (article);
  return article;
}

static JdCitation *
resolve_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  JdCitation *citation = jd_law_resolve (law (), text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (citation);
  return citation;
}

static guint
count_items (const JdLawDocument *document)
{
  guint count = 0;

  for (guint p = 0; p < document->parts->len; p++)
    {
      const JdLawPart *part = document->parts->pdata[p];

      for (guint a = 0; a < part->articles->len; a++)
        {
          const JdLawArticle *article = part->articles->pdata[a];

          for (guint i = 0; i < article->paragraphs->len; i++)
            count += ((const JdLawParagraph *) article->paragraphs->pdata[i])->items->len;
        }
    }

  return count;
}

/* The numbers were counted in the seed files with grep, not with this parser:
 *   grep -cE '^[ 　]*(\[bookmark: _GoBack\])?第[一二三四五六七八九十]+条' (articles),
 *   grep -cE '^[ 　]*[一二三四五六七八九十]+、' (sections),
 *   grep -cE '^[ 　]*（[一二三四五六七八九十]+）' (items). */
static void
test_documents (void)
{
  static const struct
  {
    const char *code;
    const char *file;
    guint       n_parts;
    guint       n_articles;
    guint       n_items;
    JdLawArticleKind kind;
  } expected[] = {
    { "000", "000_531141f2b0731157.txt", 1, 21, 23, JD_LAW_ARTICLE_CLAUSE },
    { "001", "001_98c6bba3d3cea271.txt", 1, 3, 10, JD_LAW_ARTICLE_SECTION },
    { "002", "002_31ea7a70197ab9a2.txt", 1, 47, 46, JD_LAW_ARTICLE_CLAUSE },
    { "003", "003_8fb924f9259a3b68.txt", 1, 24, 53, JD_LAW_ARTICLE_CLAUSE },
    { "004", "004_920d5719b87a46f9.txt", 4, 4 + 21 + 15 + 16, 67, JD_LAW_ARTICLE_SECTION },
  };
  GPtrArray *documents = jd_law_get_documents (law ());
  const JdLawDocument *beijing = jd_law_get_document (law (), "004");
  const JdLawDocument *weihai = jd_law_get_document (law (), "002");

  g_assert_cmpuint (documents->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const JdLawDocument *document = documents->pdata[i];
      const JdLawPart *main_part = document->parts->pdata[0];

      g_test_message ("document %s", expected[i].code);
      g_assert_cmpstr (document->code, ==, expected[i].code);
      g_assert_cmpstr (document->file, ==, expected[i].file);
      g_assert_true (document == jd_law_get_document (law (), expected[i].code));
      g_assert_cmpuint (document->parts->len, ==, expected[i].n_parts);
      g_assert_cmpuint (jd_law_document_count_articles (document), ==, expected[i].n_articles);
      g_assert_cmpuint (count_items (document), ==, expected[i].n_items);
      g_assert_cmpstr (main_part->name, ==, "正文");
      g_assert_cmpstr (main_part->title, ==, document->title);
      g_assert_cmpint (((const JdLawArticle *) main_part->articles->pdata[0])->kind, ==,
                       expected[i].kind);
      g_assert_nonnull (document->short_title);
      g_assert_nonnull (document->jurisdiction);
    }

  g_assert_cmpstr (jd_law_get_document (law (), "000")->title, ==, "北京市行政执法监督办法");
  g_assert_cmpstr (jd_law_get_document (law (), "000")->in_force, ==, "2025-03-01");
  g_assert_cmpstr (jd_law_get_document (law (), "002")->profile, ==, "weihai");
  g_assert_true (jd_law_get_document (law (), "003")->draft);
  g_assert_null (jd_law_get_document (law (), "003")->in_force);
  g_assert_null (jd_law_get_document (law (), "005"));

  g_assert_cmpuint (jd_law_document_get_part (beijing, NULL)->articles->len, ==, 4);
  g_assert_cmpuint (jd_law_document_get_part (beijing, "附件1")->articles->len, ==, 21);
  g_assert_cmpuint (jd_law_document_get_part (beijing, "附件2")->articles->len, ==, 15);
  g_assert_cmpuint (jd_law_document_get_part (beijing, "附件3")->articles->len, ==, 16);
  g_assert_cmpstr (jd_law_document_get_part (beijing, "附件1")->title, ==,
                   "北京市行政执法公示办法");
  g_assert_cmpstr (jd_law_document_get_part (beijing, "附件2")->title, ==,
                   "北京市行政执法全过程记录办法");
  g_assert_cmpstr (jd_law_document_get_part (beijing, "附件3")->title, ==,
                   "北京市重大行政执法决定法制审核办法");
  g_assert_null (jd_law_document_get_part (beijing, "附件4"));

  g_assert_cmpuint (jd_law_document_get_part (weihai, NULL)->chapters->len, ==, 6);
  g_assert_cmpstr (article_at ("002", NULL, 1)->chapter, ==, "第一章 总则");
  g_assert_cmpstr (article_at ("002", NULL, 20)->chapter, ==, "第三章 监督的实施");
  g_assert_cmpstr (article_at ("002", NULL, 47)->chapter, ==, "第六章 附则");
  g_assert_null (article_at ("000", NULL, 1)->chapter);

  for (int number = 1; number <= 21; number++)
    {
      g_autofree char *numeral = jd_law_numeral_format (number);
      g_autofree char *label = g_strdup_printf ("第%s条", numeral);

      g_assert_cmpstr (article_at ("000", NULL, number)->label, ==, label);
    }
  g_assert_cmpstr (article_at ("004", NULL, 2)->label, ==, "二、");
  g_assert_cmpstr (article_at ("004", NULL, 2)->heading, ==, "主要任务");
  g_assert_cmpstr (article_at ("001", NULL, 3)->heading, ==, "组织保障");
}

static void
test_review_points (void)
{
  static const char * const points[] = {
    "（一）材料是否完整、文书是否完备、制作是否规范；",
    "（二）执法主体和执法权限是否合法；",
    "（三）执法人员是否具备执法资格；",
    "（四）执法对象是否认定准确；",
    "（五）事实是否清楚，证据是否充分、确凿；",
    "（六）执法程序是否合法；",
    "（七）法律法规规章是否适用准确；",
    "（八）办理意见或者裁量建议是否明确、适当；",
    "（九）其他应当审核的内容。",
  };
  const JdLawArticle *article = article_at ("004", "附件3", 13);
  const JdLawParagraph *paragraph;
  g_autoptr(JdCitation) citation = resolve_ok ("004 附件3 第十三条");
  const JdLawRef *ref;
  g_auto(GStrv) lines = NULL;

  g_assert_cmpstr (article->label, ==, "第十三条");
  g_assert_cmpuint (article->paragraphs->len, ==, 1);
  paragraph = article->paragraphs->pdata[0];
  g_assert_cmpstr (paragraph->text, ==,
                   "重大行政执法决定法制审核以书面审核为主，重点审核以下内容：");
  g_assert_cmpuint (paragraph->items->len, ==, 9);
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      const JdLawItem *item = paragraph->items->pdata[i];

      g_assert_cmpint (item->number, ==, i + 1);
      g_assert_cmpstr (item->text, ==, points[i]);
    }
  g_assert_cmpstr (((const JdLawItem *) paragraph->items->pdata[4])->label, ==, "（五）");

  g_assert_cmpuint (citation->refs->len, ==, 1);
  g_assert_cmpuint (citation->unresolved->len, ==, 0);
  ref = citation->refs->pdata[0];
  g_assert_cmpstr (ref->document->code, ==, "004");
  g_assert_cmpstr (ref->part->name, ==, "附件3");
  g_assert_true (ref->article == article);
  g_assert_cmpstr (ref->label, ==, "第十三条");
  g_assert_cmpint (ref->paragraph, ==, 0);
  g_assert_cmpint (ref->item, ==, 0);
  lines = g_strsplit (ref->text, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 10);
  g_assert_cmpstr (lines[9], ==, points[8]);
}

static void
test_rules_citations (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules_citations); i++)
    {
      g_autoptr(JdCitation) citation = NULL;

      g_test_message ("citation %s", rules_citations[i].citation);
      citation = resolve_ok (rules_citations[i].citation);
      g_assert_cmpuint (citation->refs->len, ==, rules_citations[i].n_refs);
      g_assert_cmpuint (citation->unresolved->len, ==, rules_citations[i].n_left_out);
      for (guint u = 0; u < citation->unresolved->len; u++)
        g_assert_error ((GError *) citation->unresolved->pdata[u], JD_LAW_ERROR,
                        JD_LAW_ERROR_SYNTAX);
      for (guint r = 0; r < citation->refs->len; r++)
        {
          const JdLawRef *ref = citation->refs->pdata[r];

          g_assert_nonnull (ref->text);
          g_assert_cmpuint (strlen (ref->text), >, 10);
        }
    }
}

static const JdLawRef *
only_ref (JdCitation *citation)
{
  g_assert_cmpuint (citation->refs->len, ==, 1);
  g_assert_cmpuint (citation->unresolved->len, ==, 0);
  return citation->refs->pdata[0];
}

static void
test_citation_forms (void)
{
  {
    g_autoptr(JdCitation) citation = resolve_ok ("004 附件1 第六条(三)");
    const JdLawRef *ref = only_ref (citation);

    g_assert_cmpstr (ref->label, ==, "第六条第（三）项");
    g_assert_cmpint (ref->item, ==, 3);
    g_assert_cmpint (ref->paragraph, ==, 0);
    g_assert_true (g_str_has_prefix (ref->text, "（三）执法人员信息，包括："));
    g_assert_null (strchr (ref->text, '\n'));
  }
  {
    /* The same item, in every way of writing it. */
    static const char * const forms[] = {
      "004 附件1 第六条（三）", "004 附件1 第6条(3)", "004 附件1 第六条第一款第（三）项",
      "004 附件1 第六条第1款第(三)项", "004 附件１ 第六条第三项",
      "004 附件1 第６条(３)",
    };

    for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(JdCitation) citation = jd_law_resolve (law (), forms[i], &error);

        g_test_message ("form %s", forms[i]);
        g_assert_no_error (error);
        g_assert_cmpint (only_ref (citation)->item, ==, 3);
        g_assert_true (g_str_has_prefix (only_ref (citation)->text, "（三）执法人员信息"));
      }
  }
  {
    g_autoptr(JdCitation) citation = resolve_ok ("004 附件1 第六条第二款");
    const JdLawRef *ref = only_ref (citation);

    g_assert_cmpstr (ref->label, ==, "第六条第二款");
    g_assert_true (g_str_has_prefix (ref->text, "前款规定的行政执法基本信息"));
  }
  {
    g_autoptr(JdCitation) citation = resolve_ok ("002 第十四条第二款");
    const JdLawRef *ref = only_ref (citation);
    g_auto(GStrv) lines = g_strsplit (ref->text, "\n", -1);

    g_assert_cmpstr (lines[0], ==, "有下列情形之一的，作出行政执法决定前，应当进行法制审核：");
    g_assert_cmpuint (g_strv_length (lines), ==, 8);
  }
  {
    g_autoptr(JdCitation) citation = resolve_ok ("002 第14条第2款第(一)项");

    g_assert_cmpstr (only_ref (citation)->text, ==, "（一）依照一般程序作出行政处罚决定的；");
    g_assert_cmpstr (only_ref (citation)->label, ==, "第十四条第二款第（一）项");
  }
  {
    g_autoptr(JdCitation) citation = resolve_ok ("004 正文 二(三)");
    const JdLawRef *ref = only_ref (citation);

    g_assert_cmpstr (ref->label, ==, "二、（三）");
    g_assert_true (g_str_has_prefix (ref->text, "（三）全面推行重大执法决定法制审核制度"));
  }
  {
    g_autoptr(JdCitation) citation = resolve_ok ("001 (六)");
    const JdLawRef *ref = only_ref (citation);

    g_assert_cmpstr (ref->label, ==, "二、（六）");
    g_assert_true (g_str_has_prefix (ref->text, "（六）加强行政执法队伍建设\n推进行政执法人员"));
    g_assert_nonnull (strstr (ref->text, "不少于 60 学时"));
  }
  {
    /* Several citations, a full-width semicolon, the document and part carried over. */
    g_autoptr(JdCitation) citation = resolve_ok ("004 附件3 第十一条；第十二条; 002 第十四条");

    g_assert_cmpuint (citation->refs->len, ==, 3);
    g_assert_cmpstr (((JdLawRef *) citation->refs->pdata[1])->part->name, ==, "附件3");
    g_assert_cmpstr (((JdLawRef *) citation->refs->pdata[1])->article->label, ==, "第十二条");
    g_assert_cmpstr (((JdLawRef *) citation->refs->pdata[2])->document->code, ==, "002");
  }
  {
    g_autoptr(JdCitation) citation = resolve_ok ("002 第十五条–第十九条");

    g_assert_cmpuint (citation->refs->len, ==, 5);
    g_assert_cmpint (((JdLawRef *) citation->refs->pdata[4])->article->number, ==, 19);
  }
}

static void
assert_resolve_fails (const char *text,
                      int         code,
                      const char *mention)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdCitation) citation = jd_law_resolve (law (), text, &error);
  g_autofree char *printable = g_utf8_make_valid (text, -1);

  g_test_message ("bad citation %s", printable);
  g_assert_null (citation);
  g_assert_error (error, JD_LAW_ERROR, code);
  if (strstr (error->message, mention) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, mention);
}

static void
test_errors (void)
{
  assert_resolve_fails ("009 第一条", JD_LAW_ERROR_UNKNOWN_DOCUMENT, "009");
  assert_resolve_fails ("002 第九十九条", JD_LAW_ERROR_UNKNOWN_ARTICLE, "第九十九条");
  assert_resolve_fails ("004 附件3 第十七条", JD_LAW_ERROR_UNKNOWN_ARTICLE, "004 附件3");
  assert_resolve_fails ("004 附件4 第一条", JD_LAW_ERROR_UNKNOWN_PART, "附件4");
  assert_resolve_fails ("004 第十三条", JD_LAW_ERROR_AMBIGUOUS, "附件1, 附件2, 附件3");
  assert_resolve_fails ("004 正文 (三)", JD_LAW_ERROR_AMBIGUOUS, "（三）");
  assert_resolve_fails ("004 附件3 第十三条(十)", JD_LAW_ERROR_UNKNOWN_ITEM, "（十）");
  assert_resolve_fails ("002 第十四条第五款", JD_LAW_ERROR_UNKNOWN_PARAGRAPH, "第十四条");
  assert_resolve_fails ("000 二(三)", JD_LAW_ERROR_UNKNOWN_ARTICLE, "二、");
  assert_resolve_fails ("001 第一条", JD_LAW_ERROR_UNKNOWN_ARTICLE, "第一条");
  assert_resolve_fails ("beijing: store named, no limit", JD_LAW_ERROR_SYNTAX,
                        "beijing: store named");
  assert_resolve_fails ("004 附件3", JD_LAW_ERROR_SYNTAX, "004 附件3");
  assert_resolve_fails ("", JD_LAW_ERROR_SYNTAX, "empty");
  assert_resolve_fails (" ; ；", JD_LAW_ERROR_SYNTAX, "empty");
  assert_resolve_fails ("\xff\xfe 第一条", JD_LAW_ERROR_SYNTAX, "UTF-8");

  /* One bad citation beside a good one is reported, not fatal. */
  {
    g_autoptr(JdCitation) citation = resolve_ok ("002 第九十九条; 000 第一条");

    g_assert_cmpuint (citation->refs->len, ==, 1);
    g_assert_cmpuint (citation->unresolved->len, ==, 1);
    g_assert_error ((GError *) citation->unresolved->pdata[0], JD_LAW_ERROR,
                    JD_LAW_ERROR_UNKNOWN_ARTICLE);
  }
}

static void
test_numerals (void)
{
  static const struct
  {
    const char *text;
    int         value;
  } cases[] = {
    { "一", 1 }, { "十", 10 }, { "十三", 13 }, { "二十", 20 }, { "二十一", 21 },
    { "四十三", 43 }, { "九十九", 99 }, { "一百", 100 }, { "一百零五", 105 },
    { "一百一十", 110 }, { "九百九十九", 999 }, { "两", 2 }, { "13", 13 }, { "7", 7 },
    { "", -1 }, { "零", -1 }, { "十十", -1 }, { "二二", -1 }, { "一百五", -1 },
    { "百", -1 }, { "十零", -1 }, { "一百零", -1 }, { "零五", -1 }, { "abc", -1 },
    { "三x", -1 }, { "0", -1 }, { "1a", -1 },
  };

  for (int n = 1; n <= 999; n++)
    {
      g_autofree char *text = jd_law_numeral_format (n);

      g_assert_nonnull (text);
      g_assert_cmpint (jd_law_numeral_parse (text, -1), ==, n);
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("numeral “%s”", cases[i].text);
      g_assert_cmpint (jd_law_numeral_parse (cases[i].text, -1), ==, cases[i].value);
      if (cases[i].value > 0 && !g_ascii_isdigit (cases[i].text[0])
          && strcmp (cases[i].text, "两") != 0)
        {
          g_autofree char *text = jd_law_numeral_format (cases[i].value);

          g_assert_cmpstr (text, ==, cases[i].text);
        }
    }

  /* A length stops the parse early. */
  g_assert_cmpint (jd_law_numeral_parse ("十三条", strlen ("十三")), ==, 13);
  g_assert_null (jd_law_numeral_format (0));
  g_assert_null (jd_law_numeral_format (1000));
  g_assert_null (jd_law_numeral_format (-3));
}

/* In the texts cut into lines of fixed width, each 款 must be found whole. */
static void
test_paragraphs (void)
{
  static const struct
  {
    const char *code;
    const char *part;
    int         article;
    guint       n_paragraphs;
    guint       n_items;   /* of the paragraph that has some */
  } expected[] = {
    { "000", NULL, 1, 1, 0 },
    { "000", NULL, 2, 3, 0 },
    { "000", NULL, 4, 3, 0 },
    { "000", NULL, 5, 4, 0 },
    { "000", NULL, 8, 1, 9 },
    { "000", NULL, 13, 2, 0 },
    { "000", NULL, 14, 2, 7 },
    { "000", NULL, 21, 1, 0 },
    { "002", NULL, 4, 2, 0 },
    { "002", NULL, 8, 2, 0 },
    { "002", NULL, 11, 1, 0 },
    { "002", NULL, 14, 3, 7 },
    { "002", NULL, 15, 2, 0 },
    { "002", NULL, 27, 2, 2 },
    { "002", NULL, 37, 2, 0 },
    { "002", NULL, 42, 2, 4 },
    { "003", NULL, 2, 2, 4 },
    { "003", NULL, 21, 2, 12 },
    { "004", "附件1", 6, 2, 7 },
    { "004", "附件1", 17, 2, 8 },
    { "004", "附件2", 4, 5, 0 },
    { "004", "附件3", 12, 2, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      const JdLawArticle *article = article_at (expected[i].code, expected[i].part,
                                                expected[i].article);
      guint n_items = 0;

      g_test_message ("%s %s", expected[i].code, article->label);
      g_assert_cmpuint (article->paragraphs->len, ==, expected[i].n_paragraphs);
      for (guint p = 0; p < article->paragraphs->len; p++)
        n_items += ((const JdLawParagraph *) article->paragraphs->pdata[p])->items->len;
      g_assert_cmpuint (n_items, ==, expected[i].n_items);
    }

  /* A paragraph split over a page break is joined again. */
  g_assert_cmpstr (((JdLawParagraph *) article_at ("000", NULL, 21)->paragraphs->pdata[0])->text,
                   ==, "本办法自 2025 年 3 月 1 日起施行。1990 年 9月 24 日北京市人民政府第 35 号"
                       "令发布的《北京市行政执法和行政执法监督暂行规定》同时废止。");
  g_assert_cmpstr (((JdLawParagraph *) article_at ("002", NULL, 37)->paragraphs->pdata[1])->text,
                   ==, "行政执法机关及其工作人员应当予以配合，不得拒绝、阻碍。");
  g_assert_null (strstr (((JdLawParagraph *) article_at ("003", NULL, 1)->paragraphs->pdata[0])
                           ->text, "bookmark"));

  /* The list of attachments after the last section is not part of it. */
  {
    g_autofree char *text = jd_law_article_get_text (article_at ("004", NULL, 4));

    g_assert_null (strstr (text, "附件"));
    g_assert_true (g_str_has_suffix (text, "依纪依法问责。"));
  }
}

static char *
without_blanks (const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != 0x3000)
        g_string_append_unichar (result, c);
    }

  return g_string_free (result, FALSE);
}

/* Nothing of the text is lost, doubled or reordered: from 第一条 to the end, the articles
 * (with the chapter headings) are the file, blanks aside. */
static void
test_whole_text (void)
{
  static const struct
  {
    const char *code;
    const char *part;
  } cases[] = {
    { "000", NULL }, { "002", NULL }, { "003", NULL }, { "004", "附件3" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const JdLawDocument *document = jd_law_get_document (law (), cases[i].code);
      const JdLawPart *part = jd_law_document_get_part (document, cases[i].part);
      g_autofree char *path = g_strconcat ("/io/github/jiandu/core/regulations/", document->file,
                                           NULL);
      g_autoptr(GBytes) bytes = g_resource_lookup_data (jd_core_get_resource (), path, 0, NULL);
      g_autofree char *file = g_strndup (g_bytes_get_data (bytes, NULL),
                                         g_bytes_get_size (bytes));
      g_autofree char *file_text = NULL;
      g_autofree char *tree_text = NULL;
      g_autoptr(GString) tree = g_string_new (NULL);
      const char *chapter = NULL;
      const char *start;

      g_test_message ("whole text of %s", document->code);
      start = cases[i].part != NULL ? g_strrstr (file, "第一条") : strstr (file, "第一条");
      g_assert_nonnull (start);
      if (document->parts->len == 1 && part->chapters->len > 0)
        start = strstr (file, "第一章");

      for (guint a = 0; a < part->articles->len; a++)
        {
          const JdLawArticle *article = part->articles->pdata[a];
          g_autofree char *formatted = jd_law_format_article (article);

          if (article->chapter != chapter)
            g_string_append (tree, article->chapter);
          chapter = article->chapter;
          g_string_append (tree, formatted);
        }

      file_text = without_blanks (start);
      tree_text = without_blanks (tree->str);
      g_assert_cmpstr (tree_text, ==, file_text);
    }
}

static void
test_format (void)
{
  g_autofree char *clause = jd_law_format_article (article_at ("002", NULL, 14));
  g_autofree char *section = jd_law_format_article (article_at ("004", NULL, 2));

  g_assert_true (g_str_has_prefix (clause, "第十四条\u3000行政执法机关应当制定重大行政执法决定"));
  g_assert_nonnull (strstr (clause, "范围。\n有下列情形之一的"));
  g_assert_nonnull (strstr (clause, "审核：\n（一）依照一般程序作出行政处罚决定的；\n（二）"));
  g_assert_true (g_str_has_suffix (clause, "\n法制审核目录清单应当向社会公布，并向本级行政执法"
                                          "监督机构备案。"));
  g_assert_true (g_str_has_prefix (section, "二、主要任务\n（一）全面推行行政执法公示制度"));
}

static gpointer
resolve_in_thread (gpointer data)
{
  JdLaw *seen = jd_law_get_default ();

  for (int i = 0; i < 50; i++)
    {
      g_autoptr(JdCitation) citation = jd_law_resolve (seen, "004 附件3 第十三条; 001 (六)",
                                                       NULL);

      if (citation == NULL || citation->refs->len != 2)
        return NULL;
    }

  return seen;
}

/* Run first, in a fresh process: the default library is made once, whichever thread asks. */
static void
test_default (void)
{
  GThread *threads[6];
  JdLaw *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("law", resolve_in_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      JdLaw *seen = g_thread_join (threads[i]);

      g_assert_nonnull (seen);
      if (first == NULL)
        first = seen;
      g_assert_true (seen == first);
    }
  g_assert_true (jd_law_get_default () == first);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(JdLaw) other = jd_law_new (&error);

    g_assert_no_error (error);
    g_assert_true (other != first);
    g_assert_cmpuint (jd_law_get_documents (other)->len, ==, 5);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/law/default", test_default);
  g_test_add_func ("/law/documents", test_documents);
  g_test_add_func ("/law/review-points", test_review_points);
  g_test_add_func ("/law/rules-citations", test_rules_citations);
  g_test_add_func ("/law/citation-forms", test_citation_forms);
  g_test_add_func ("/law/errors", test_errors);
  g_test_add_func ("/law/numerals", test_numerals);
  g_test_add_func ("/law/paragraphs", test_paragraphs);
  g_test_add_func ("/law/whole-text", test_whole_text);
  g_test_add_func ("/law/format", test_format);

  return g_test_run ();
}
