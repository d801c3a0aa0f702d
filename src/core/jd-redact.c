/* memmem() */
#define _GNU_SOURCE

#include "jd-redact.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-identity.h"

/* What is detected, in the order that claims text (a later kind never overlaps an earlier one):
 *
 * 1. PROPERTY_CERT: 京(2021)朝阳区不动产权第0012345号 and 不动产证明第…号 (ASCII, full-width or
 *    〔〕 brackets), the old X京房权证朝字第123456号, and any number after a label such as
 *    不动产权证号 or 房产证号.
 * 2. ADDRESS after a label: 家庭住址, 家庭地址, 现住址, 住址, 住所地, 居住地, 户籍地址, 户籍所在地,
 *    户籍地, 现住, up to the next ，。；,;!?！？)） or blank (at most 100 characters). The text must
 *    name a place (省市区县镇乡村路街巷号室弄道组楼 or a digit), so 以经常居住地为准 stays.
 * 3. Numbers, which never start or end inside a longer run of letters and digits, so that credit
 *    codes and case numbers stay whole: RESIDENT_ID (18 characters passing GB 11643, or 15 digits
 *    with a province code and a 19xx birth date), MOBILE (1[3-9] and 9 digits, as 11, 3-4-4 or
 *    3-8, with an optional +86), LANDLINE (a real area code, 010, 02x or 0xxx, then 7 or 8
 *    digits, as 010-62345678, (010)62345678, 0755 8765 4321 or 01062345678, with an extension
 *    after - or 转; after 电话, 座机, 传真 … also without area code), BANK_CARD (13 to 19 digits
 *    passing Luhn, written whole or in groups of 4, not a valid credit code; after 账号, 账户,
 *    卡号 … any 10 to 25 digits). ASCII and full-width digits count alike.
 * 4. ADDRESS without a label: a clause (text between punctuation or blanks) of at most 60
 *    characters that names an administrative area (省市区县旗镇乡), then a street or estate, holds a
 *    number and ends in 号, 室, 户 or 楼, when it ends in 室 or 户 (a dwelling) or follows a person's
 *    name in the same sentence. The scene of a violation in running text is left alone.
 * 5. PERSON_NAME: every occurrence of each given name of two characters or more, longest first.
 * 6. AGE: 1 to 3 digits before 岁 or 周岁 (not after 满, as in 未满十四周岁 of a statute), and the
 *    number after 年龄. */

#define MAX_GROUPS 8
#define MAX_GROUP_DIGITS 25
#define ADDRESS_MAX_CHARS 100
#define CLAUSE_MAX_CHARS 60

typedef struct
{
  JdRedactHit hit;
  /* Bytes [mask_start, mask_end) become @replacement, or, when it is NULL, each digit in them
   * becomes '*'. */
  gsize       mask_start;
  gsize       mask_end;
  const char *replacement;
} Span;

typedef struct
{
  const char *text;
  gsize       length;
  guint8     *claimed;
  GArray     *spans;
  GArray     *names;   /* Span candidates for PERSON_NAME, longest name first */
  GArray     *name_starts; /* gsize, sorted */
} Scanner;

/* A maximal run of digits. */
typedef struct
{
  gsize start;
  gsize end;
  int   n;
  char  digits[MAX_GROUP_DIGITS + 1];
} Group;

static const char * const compound_surnames[] = {
  "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文",
  "司徒", "司空", "夏侯", "轩辕", "令狐", "钟离", "闾丘", "南宫", "西门", "独孤", "端木",
  "澹台", "公冶", "宗政", "濮阳", "淳于", "单于", "太叔", "申屠", "仲孙", "呼延", "百里",
  "东郭", "万俟", "拓跋", "第五", "左丘", "梁丘", "赫连", "羊舌", "微生", "公羊", "谷梁",
};

/* Characters */

/* The character at @p, its length in *len; -1 at the end or on a byte that starts no character,
 * so that scanning never leaves the text even if it is not valid UTF-8. */
static gunichar
char_at (const Scanner *s,
         gsize          p,
         int           *len)
{
  gunichar c;

  if (p >= s->length)
    {
      *len = 0;
      return (gunichar) -1;
    }

  /* Fast paths for ASCII and the three-byte characters of Chinese text. */
  {
    const guchar *u = (const guchar *) s->text + p;

    if (u[0] < 0x80)
      {
        *len = 1;
        return u[0];
      }
    if ((u[0] & 0xf0) == 0xe0 && s->length - p >= 3 && (u[1] & 0xc0) == 0x80 &&
        (u[2] & 0xc0) == 0x80)
      {
        c = ((gunichar) (u[0] & 0x0f) << 12) | ((gunichar) (u[1] & 0x3f) << 6) | (u[2] & 0x3f);
        if (c >= 0x800 && (c < 0xd800 || c > 0xdfff))
          {
            *len = 3;
            return c;
          }
      }
  }

  c = g_utf8_get_char_validated (s->text + p, (gssize) (s->length - p));
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      *len = 1;
      return (gunichar) -1;
    }

  *len = g_utf8_skip[(guchar) s->text[p]];
  return c;
}

static gsize
next_char (const Scanner *s,
           gsize          p)
{
  int len;

  char_at (s, p, &len);
  return p + (gsize) MAX (len, 1);
}

/* The start of the character before @p, or @p at the start of the text. */
static gsize
prev_char (const Scanner *s,
           gsize          p)
{
  gsize q = p;

  while (q > 0 && p - q < 4)
    {
      q--;
      if (((guchar) s->text[q] & 0xc0) != 0x80)
        return q;
    }

  return q;
}

static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return (int) (c - '0');
  if (c >= 0xff10 && c <= 0xff19)
    return (int) (c - 0xff10);
  return -1;
}

static int
digit_at (const Scanner *s,
          gsize          p,
          int           *len)
{
  return digit_value (char_at (s, p, len));
}

static gboolean
is_alnum (gunichar c)
{
  return (c < 0x80 && g_ascii_isalnum ((char) c)) || (c >= 0xff10 && c <= 0xff19)
         || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
}

static gboolean
is_han (gunichar c)
{
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

static gboolean
alnum_before (const Scanner *s,
              gsize          p)
{
  int len;

  return p > 0 && is_alnum (char_at (s, prev_char (s, p), &len));
}

static gboolean
alnum_at (const Scanner *s,
          gsize          p)
{
  int len;

  return is_alnum (char_at (s, p, &len));
}

static gboolean
has_at (const Scanner *s,
        gsize          p,
        const char    *word)
{
  gsize n = strlen (word);

  return p <= s->length && s->length - p >= n && memcmp (s->text + p, word, n) == 0;
}

static gboolean
has_before (const Scanner *s,
            gsize          p,
            const char    *word)
{
  gsize n = strlen (word);

  return p >= n && memcmp (s->text + p - n, word, n) == 0;
}

/* The next occurrence of @word at or after @from, or -1. memmem() rather than memchr() on the
 * first byte: the lead byte of a Chinese word is shared by thousands of characters. */
static gssize
find (const Scanner *s,
      gsize          from,
      const char    *word)
{
  gsize n = strlen (word);
  const char *hit;

  if (from >= s->length || s->length - from < n)
    return -1;
  hit = memmem (s->text + from, s->length - from, word, n);
  return hit != NULL ? (gssize) (hit - s->text) : -1;
}

/* UTF-8 is self-synchronizing: the bytes of @c occur in @set only where @c does. Searching
 * them is several times faster than decoding @set for every character of the text. */
static gboolean
char_in (gunichar    c,
         const char *set)
{
  char utf8[8];
  int n;

  if (c == 0 || c > 0x10ffff)
    return FALSE;
  n = g_unichar_to_utf8 (c, utf8);
  utf8[n] = '\0';
  return strstr (set, utf8) != NULL;
}

/* The byte offset of the @k-th digit (from 0) in [from, to), or @to if there are fewer. */
static gsize
nth_digit (const Scanner *s,
           gsize          from,
           gsize          to,
           int            k)
{
  gsize p = from;

  while (p < to)
    {
      int len;

      if (digit_at (s, p, &len) >= 0 && k-- == 0)
        return p;
      p += (gsize) MAX (len, 1);
    }

  return to;
}

static int
count_digits (const Scanner *s,
              gsize          from,
              gsize          to)
{
  int n = 0;

  for (gsize p = from; p < to;)
    {
      int len;

      if (digit_at (s, p, &len) >= 0)
        n++;
      p += (gsize) MAX (len, 1);
    }

  return n;
}

/* Before @p, skipping blanks and colons, does one of @words end? */
static gboolean
labelled_by (const Scanner      *s,
             gsize               p,
             const char * const *words)
{
  gsize q = p;

  while (q > 0)
    {
      gsize before = prev_char (s, q);
      int len;
      gunichar c = char_at (s, before, &len);

      if (!char_in (c, " \t:：\u3000"))
        break;
      q = before;
    }

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (has_before (s, q, words[i]))
        return TRUE;
    }

  return FALSE;
}

/* Past blanks and colons after a label. */
static gsize
skip_label_separators (const Scanner *s,
                       gsize          p)
{
  for (;;)
    {
      int len;
      gunichar c = char_at (s, p, &len);

      if (len == 0 || !char_in (c, " \t:：\u3000"))
        return p;
      p += (gsize) len;
    }
}

/* Claims */

static gboolean
claim (Scanner    *s,
       const Span *span)
{
  g_assert (span->hit.start < span->hit.end && span->hit.end <= s->length);

  for (gsize i = span->hit.start; i < span->hit.end; i++)
    {
      if (s->claimed[i])
        return FALSE;
    }

  memset (s->claimed + span->hit.start, 1, span->hit.end - span->hit.start);
  g_array_append_val (s->spans, *span);
  return TRUE;
}

static gboolean
claim_digits (Scanner     *s,
              JdRedactKind kind,
              gsize        start,
              gsize        end,
              gsize        mask_start,
              gsize        mask_end)
{
  Span span = { { kind, start, end, 0, 0 }, mask_start, mask_end, NULL };

  return claim (s, &span);
}

static gboolean
claim_replaced (Scanner     *s,
                JdRedactKind kind,
                gsize        start,
                gsize        end,
                gsize        mask_start,
                gsize        mask_end,
                const char  *replacement)
{
  Span span = { { kind, start, end, 0, 0 }, mask_start, mask_end, replacement };

  return claim (s, &span);
}

/* Property certificates */

/* The start of "京(2021)朝阳区" before @keyword_start, or @keyword_start when it is not there. */
static gsize
property_cert_prefix (const Scanner *s,
                      gsize          keyword_start)
{
  gsize p = keyword_start;
  int len;
  gunichar c;

  /* The registration area: up to 16 Chinese characters. */
  for (int i = 0; i < 17; i++)
    {
      gsize q;

      if (p == 0)
        return keyword_start;
      q = prev_char (s, p);
      c = char_at (s, q, &len);
      if (char_in (c, ")）〕"))
        {
          p = q;
          break;
        }
      if (!is_han (c) || i == 16)
        return keyword_start;
      p = q;
    }

  for (int i = 0; i < 4; i++)
    {
      if (p == 0)
        return keyword_start;
      p = prev_char (s, p);
      if (digit_at (s, p, &len) < 0)
        return keyword_start;
    }

  if (p == 0)
    return keyword_start;
  p = prev_char (s, p);
  if (!char_in (char_at (s, p, &len), "(（〔") || p == 0)
    return keyword_start;

  p = prev_char (s, p);
  if (!is_han (char_at (s, p, &len)))
    return keyword_start;

  return p;
}

/* After "…第": the digits and "号"; the end after 号 and the digits' span, or FALSE. */
static gboolean
serial_number (const Scanner *s,
               gsize          p,
               gsize         *digits_end,
               gsize         *end)
{
  gsize q = p;
  int len;
  int n = 0;

  while (digit_at (s, q, &len) >= 0 && n < 16)
    {
      q += (gsize) len;
      n++;
    }

  if (n == 0 || !has_at (s, q, "号"))
    return FALSE;

  *digits_end = q;
  *end = q + strlen ("号");
  return TRUE;
}

static void
scan_property_certs (Scanner *s)
{
  static const char * const new_keywords[] = { "不动产权第", "不动产证明第" };
  static const char * const labels[] = {
    "不动产权证书编号", "不动产权证书号", "不动产权证号", "不动产登记证明号", "房屋所有权证号",
    "房产证编号", "房产证号", "产权证号",
  };
  gssize at;

  for (guint k = 0; k < G_N_ELEMENTS (new_keywords); k++)
    {
      for (gsize from = 0; (at = find (s, from, new_keywords[k])) >= 0;)
        {
          gsize serial = (gsize) at + strlen (new_keywords[k]);
          gsize digits_end, end;

          from = serial;
          if (serial_number (s, serial, &digits_end, &end))
            claim_replaced (s, JD_REDACT_PROPERTY_CERT, property_cert_prefix (s, (gsize) at), end,
                            serial, digits_end, "***");
        }
    }

  /* X京房权证朝字第123456号: an optional letter and the province before, the district after. */
  for (gsize from = 0; (at = find (s, from, "房权证")) >= 0;)
    {
      gsize start = (gsize) at;
      gsize p = (gsize) at + strlen ("房权证");
      gsize digits_end, end;
      int len;

      from = p;
      if (start > 0 && is_han (char_at (s, prev_char (s, start), &len)))
        {
          start = prev_char (s, start);
          if (start > 0 && g_ascii_isalpha (s->text[start - 1]))
            start--;
        }

      for (int i = 0; i < 4 && is_han (char_at (s, p, &len)) && !has_at (s, p, "字第"); i++)
        p += (gsize) len;
      if (!has_at (s, p, "字第"))
        continue;
      p += strlen ("字第");
      if (serial_number (s, p, &digits_end, &end))
        claim_replaced (s, JD_REDACT_PROPERTY_CERT, start, end, p, digits_end, "***");
    }

  /* 房产证号：1234567 */
  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      for (gsize from = 0; (at = find (s, from, labels[k])) >= 0;)
        {
          gsize start = skip_label_separators (s, (gsize) at + strlen (labels[k]));
          gsize end = start;
          int len;

          from = (gsize) at + strlen (labels[k]);
          while (end < s->length && (is_alnum (char_at (s, end, &len)) || s->text[end] == '-'))
            end += (gsize) len;
          if (count_digits (s, start, end) >= 4)
            claim_replaced (s, JD_REDACT_PROPERTY_CERT, start, end, start, end, "***");
        }
    }
}

/* Addresses */

/* The end of the province and city an address starts with (北京市, 浙江省杭州市, 内蒙古自治区
 * 呼和浩特市, 四川省凉山彝族自治州), which are kept; @start when there is none. */
static gsize
region_prefix_end (const Scanner *s,
                   gsize          start,
                   gsize          end)
{
  gsize p = start;
  gsize kept = start;
  gboolean province = FALSE;
  int len;

  for (int i = 0; i < 8 && p < end; i++)
    {
      gunichar c = char_at (s, p, &len);

      if (!is_han (c))
        break;
      p += (gsize) len;
      if (c == 0x7701 /* 省 */ || c == 0x5e02 /* 市 */
          || (c == 0x533a /* 区 */ && has_before (s, p, "自治区")))
        {
          kept = p;
          province = c != 0x5e02;
          break;
        }
    }

  if (province)
    {
      for (int i = 0; i < 8 && p < end; i++)
        {
          gunichar c = char_at (s, p, &len);

          if (!is_han (c))
            break;
          p += (gsize) len;
          if (c == 0x5e02 /* 市 */ || c == 0x76df /* 盟 */ || has_before (s, p, "自治州"))
            {
              kept = p;
              break;
            }
        }
    }

  return kept < end ? kept : start;
}

static gboolean
names_a_place (const Scanner *s,
               gsize          start,
               gsize          end)
{
  for (gsize p = start; p < end;)
    {
      int len;
      gunichar c = char_at (s, p, &len);

      if (digit_value (c) >= 0 || char_in (c, "省市区县镇乡村路街巷号室弄道组楼"))
        return TRUE;
      p += (gsize) MAX (len, 1);
    }

  return FALSE;
}

static gboolean
claim_address (Scanner *s,
               gsize    start,
               gsize    end)
{
  return claim_replaced (s, JD_REDACT_ADDRESS, start, end, region_prefix_end (s, start, end), end,
                         "***");
}

static void
scan_labelled_addresses (Scanner *s)
{
  /* Longest first, so that 住址 inside 家庭住址 finds its text already claimed. */
  static const char * const labels[] = {
    "户籍所在地", "家庭住址", "家庭地址", "户籍地址", "现住址", "住所地", "居住地", "户籍地",
    "住址", "现住",
  };
  gssize at;

  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      for (gsize from = 0; (at = find (s, from, labels[k])) >= 0;)
        {
          gsize start = skip_label_separators (s, (gsize) at + strlen (labels[k]));
          gsize end = start;
          int len;

          from = (gsize) at + strlen (labels[k]);
          /* 现住院治疗 is a stay in hospital. */
          if (g_str_equal (labels[k], "现住") && has_at (s, start, "院"))
            continue;

          for (int i = 0; i < ADDRESS_MAX_CHARS; i++)
            {
              gunichar c = char_at (s, end, &len);

              if (len == 0 || char_in (c, "，。；,;!?！？)） \t\r\n\u3000"))
                break;
              end += (gsize) len;
            }

          if (end > start && names_a_place (s, start, end))
            claim_address (s, start, end);
        }
    }
}

/* Called for every character of a text: a switch, not a search of a set. */
static gboolean
is_sentence_break (gunichar c)
{
  switch (c)
    {
    case 0x3002: /* 。 */
    case 0xff1b: /* ； */
    case 0xff01: /* ！ */
    case 0xff1f: /* ？ */
    case ';': case '!': case '?': case '\n':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_clause_break (gunichar c)
{
  if (is_sentence_break (c))
    return TRUE;
  switch (c)
    {
    case 0xff0c: /* ， */
    case 0x3001: /* 、 */
    case 0xff1a: /* ： */
    case 0xff08: /* （ */
    case 0xff09: /* ） */
    case 0x3010: /* 【 */
    case 0x3011: /* 】 */
    case 0x201c: /* “ */
    case 0x201d: /* ” */
    case 0x3000: /* ideographic space */
    case ',': case ':': case '(': case ')': case '[': case ']': case '"': case ' ': case '\t':
    case '\r':
      return TRUE;
    default:
      return FALSE;
    }
}

/* Predicates called for every character of a clause: switches, not searches of a set. */
static gboolean
is_admin_char (gunichar c)
{
  switch (c)
    {
    case 0x7701: /* 省 */
    case 0x5e02: /* 市 */
    case 0x533a: /* 区 */
    case 0x53bf: /* 县 */
    case 0x65d7: /* 旗 */
    case 0x9547: /* 镇 */
    case 0x4e61: /* 乡 */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_cjk_numeral (gunichar c)
{
  switch (c)
    {
    case 0x4e00: case 0x4e8c: case 0x4e09: case 0x56db: case 0x4e94: /* 一二三四五 */
    case 0x516d: case 0x4e03: case 0x516b: case 0x4e5d: case 0x5341: /* 六七八九十 */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_street_start (gunichar c)
{
  switch (c)
    {
    case 0x8def: case 0x8857: case 0x5df7: case 0x6751: case 0x5f04: /* 路街巷村弄 */
    case 0x9053: case 0x91cc: case 0x80e1: case 0x5c0f: case 0x793e: /* 道里胡小社 */
    case 0x516c: case 0x5927: case 0x82b1: case 0x82d1: case 0x9662: /* 公大花苑院 */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_address_end (gunichar c)
{
  return c == 0x53f7 /* 号 */ || c == 0x5ba4 /* 室 */ || c == 0x6237 /* 户 */ ||
         c == 0x697c /* 楼 */;
}

/* Does the clause [start, end) read like a home address? */
static gboolean
clause_is_address (const Scanner *s,
                   gsize          start,
                   gsize          end,
                   gboolean      *dwelling)
{
  static const char * const streets[] = {
    "路", "街", "巷", "村", "弄", "道", "里", "胡同", "小区", "社区", "公寓", "大厦", "花园",
    "苑", "院",
  };
  gboolean admin = FALSE;
  gboolean street = FALSE;
  gboolean number = FALSE;
  gunichar last = 0;
  int chars = 0;

  for (gsize p = start; p < end; chars++)
    {
      int len;
      gunichar c = char_at (s, p, &len);

      if (chars < 12 && !admin && is_admin_char (c))
        admin = TRUE;
      else if (admin && !street && is_street_start (c))
        {
          for (guint i = 0; i < G_N_ELEMENTS (streets) && !street; i++)
            street = has_at (s, p, streets[i]);
        }
      if (digit_value (c) >= 0 || is_cjk_numeral (c))
        number = TRUE;
      last = c;
      p += (gsize) MAX (len, 1);
    }

  *dwelling = last == 0x5ba4 /* 室 */ || last == 0x6237 /* 户 */;
  return chars >= 4 && chars <= CLAUSE_MAX_CHARS && admin && street && number
         && is_address_end (last);
}

static void
scan_clause_addresses (Scanner *s)
{
  gsize sentence = 0;
  gsize start = 0;
  guint next_name = 0;
  gboolean name_in_sentence = FALSE;

  for (gsize p = 0; p <= s->length;)
    {
      int len;
      gunichar c = char_at (s, p, &len);

      if (len == 0 || is_clause_break (c))
        {
          gboolean dwelling = FALSE;

          /* Was a person named earlier in this sentence? */
          while (next_name < s->name_starts->len
                 && g_array_index (s->name_starts, gsize, next_name) < start)
            {
              if (g_array_index (s->name_starts, gsize, next_name) >= sentence)
                name_in_sentence = TRUE;
              next_name++;
            }

          if (p > start && clause_is_address (s, start, p, &dwelling)
              && (dwelling || name_in_sentence))
            claim_address (s, start, p);

          if (len == 0)
            break;
          if (is_sentence_break (c))
            {
              sentence = p + (gsize) len;
              name_in_sentence = FALSE;
            }
          start = p + (gsize) len;
        }

      p += (gsize) MAX (len, 1);
    }
}

/* Numbers */

static gboolean
is_separator (gunichar c)
{
  return c == ' ' || c == '-' || c == 0xff0d /* － */;
}

/* The digit groups from @p, joined by single separators; their number. */
static int
lex_groups (const Scanner *s,
            gsize          p,
            Group         *groups)
{
  int n_groups = 0;

  while (n_groups < MAX_GROUPS)
    {
      Group *g = &groups[n_groups];
      int len, value;

      g->start = p;
      g->n = 0;
      while ((value = digit_at (s, p, &len)) >= 0)
        {
          if (g->n < MAX_GROUP_DIGITS)
            g->digits[g->n] = (char) ('0' + value);
          g->n++;
          p += (gsize) len;
        }
      g->digits[MIN (g->n, MAX_GROUP_DIGITS)] = '\0';
      g->end = p;
      if (g->n == 0)
        break;
      n_groups++;

      if (!is_separator (char_at (s, p, &len)) || digit_at (s, p + (gsize) len, &value) < 0)
        break;
      p += (gsize) len;
    }

  return n_groups;
}

static gboolean
ends_word (const Scanner *s,
           gsize          end)
{
  return !alnum_at (s, end);
}

static gboolean
province_code_is_plausible (const char *digits)
{
  static const char * const provinces[] = {
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
    "65", "71", "81", "82",
  };

  for (guint i = 0; i < G_N_ELEMENTS (provinces); i++)
    {
      if (strncmp (digits, provinces[i], 2) == 0)
        return TRUE;
    }

  return FALSE;
}

static gsize
match_resident_id (Scanner     *s,
                   const Group *g)
{
  char id[19];
  gsize end = g->end;
  int len;

  if (g->n == 18 && ends_word (s, end))
    memcpy (id, g->digits, 19);
  else if (g->n == 17 && char_in (char_at (s, end, &len), "XxＸｘ") && ends_word (s, end + len))
    {
      memcpy (id, g->digits, 17);
      id[17] = 'X';
      id[18] = '\0';
      end += (gsize) len;
    }
  else if (g->n == 15 && ends_word (s, end) && province_code_is_plausible (g->digits))
    {
      int month = (g->digits[8] - '0') * 10 + (g->digits[9] - '0');
      int day = (g->digits[10] - '0') * 10 + (g->digits[11] - '0');
      int year = 1900 + (g->digits[6] - '0') * 10 + (g->digits[7] - '0');

      if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
        return 0;
      claim_digits (s, JD_REDACT_RESIDENT_ID, g->start, end, nth_digit (s, g->start, end, 6),
                    nth_digit (s, g->start, end, 12));
      return end;
    }
  else
    return 0;

  if (!jd_resident_id_is_valid (id, NULL))
    return 0;

  /* Region code and the last four characters stay; the birth date goes. */
  claim_digits (s, JD_REDACT_RESIDENT_ID, g->start, end, nth_digit (s, g->start, end, 6),
                nth_digit (s, g->start, end, 14));
  return end;
}

static gsize
match_mobile (Scanner     *s,
              gsize        start,
              const Group *groups,
              int          n_groups)
{
  static const int layouts[][4] = { { 11 }, { 3, 4, 4 }, { 3, 8 } };
  char digits[12];

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      int used = 0;
      int n = 0;

      for (int i = 0; i < 4 && layouts[l][i] != 0; i++, used++)
        {
          if (used >= n_groups || groups[used].n != layouts[l][i])
            {
              n = -1;
              break;
            }
          memcpy (digits + n, groups[used].digits, (gsize) groups[used].n);
          n += groups[used].n;
        }

      if (n != 11 || digits[0] != '1' || digits[1] < '3' || !ends_word (s, groups[used - 1].end))
        continue;

      /* 138****5678 */
      {
        gsize end = groups[used - 1].end;
        gsize core = groups[0].start;

        claim_digits (s, JD_REDACT_MOBILE, start, end, nth_digit (s, core, end, 3),
                      nth_digit (s, core, end, 7));
        return end;
      }
    }

  return 0;
}

/* The local number from groups[i] (7 or 8 digits, whole or as 3-4 + 4), an optional extension
 * after - or 转; its end, or 0. */
static gsize
local_number_end (const Scanner *s,
                  const Group   *groups,
                  int            n_groups,
                  int            i)
{
  gsize end;
  int len;

  if (i >= n_groups || groups[i].digits[0] < '2')
    return 0;

  if (groups[i].n >= 7 && groups[i].n <= 8)
    end = groups[i++].end;
  else if ((groups[i].n == 3 || groups[i].n == 4) && i + 1 < n_groups && groups[i + 1].n == 4)
    {
      end = groups[i + 1].end;
      i += 2;
    }
  else
    return 0;

  if (i < n_groups && groups[i].n <= 6
      && (has_before (s, groups[i].start, "-") || has_before (s, groups[i].start, "－")))
    end = groups[i].end;
  else if (has_at (s, end, "转") && digit_at (s, end + strlen ("转"), &len) >= 0)
    {
      gsize p = end + strlen ("转");
      int n = 0;

      while (digit_at (s, p, &len) >= 0)
        {
          p += (gsize) len;
          n++;
        }
      if (n <= 6)
        end = p;
    }

  return ends_word (s, end) ? end : 0;
}

/* 010 and 020 to 029 have three digits; every other area code has four. */
static gboolean
area_code_is_valid (const char *digits,
                    int         n)
{
  if (digits[0] != '0' || digits[1] == '0' || (digits[1] == '1' && digits[2] != '0'))
    return FALSE;

  return n == ((digits[1] == '1' || digits[1] == '2') ? 3 : 4);
}

static gsize
claim_landline (Scanner *s,
                gsize    start,
                gsize    local_start,
                gsize    end)
{
  /* The area code and the last two digits stay. */
  claim_digits (s, JD_REDACT_LANDLINE, start, end, local_start,
                nth_digit (s, local_start, end, count_digits (s, local_start, end) - 2));
  return end;
}

static gsize
match_landline (Scanner     *s,
                gsize        start,
                const Group *groups,
                int          n_groups,
                gboolean     labelled)
{
  const Group *g = &groups[0];
  gsize end;

  if (n_groups >= 2 && area_code_is_valid (g->digits, g->n)
      && (end = local_number_end (s, groups, n_groups, 1)) != 0)
    return claim_landline (s, start, groups[1].start, end);

  /* 01062345678, 075587654321 */
  if ((g->n == 11 || g->n == 12) && g->digits[0] == '0' && ends_word (s, g->end))
    {
      int area = (g->digits[1] == '1' || g->digits[1] == '2') ? 3 : 4;

      if (area_code_is_valid (g->digits, area) && g->n - area >= 7 && g->n - area <= 8
          && g->digits[area] >= '2')
        return claim_landline (s, start, nth_digit (s, g->start, g->end, area), g->end);
    }

  if (labelled && (end = local_number_end (s, groups, n_groups, 0)) != 0)
    return claim_landline (s, start, g->start, end);

  return 0;
}

/* (010)62345678, （0755） 8765-4321 */
static gsize
match_bracketed_landline (Scanner *s,
                          gsize    start)
{
  Group groups[MAX_GROUPS];
  Group area[MAX_GROUPS];
  gsize p = start;
  gsize end;
  int len, n_groups;

  char_at (s, p, &len);
  p += (gsize) len;
  /* Only the first group counts: "(010)" ends it. */
  if (lex_groups (s, p, area) < 1 || !area_code_is_valid (area[0].digits, area[0].n))
    return 0;
  p = area[0].end;
  if (!char_in (char_at (s, p, &len), ")）"))
    return 0;
  p += (gsize) len;
  if (p < s->length && s->text[p] == ' ')
    p++;

  n_groups = lex_groups (s, p, groups);
  if ((end = local_number_end (s, groups, n_groups, 0)) == 0)
    return 0;

  return claim_landline (s, start, groups[0].start, end);
}

static gboolean
credit_code_digits (const Group *g)
{
  return g->n == 18 && jd_credit_code_is_valid (g->digits);
}

static gsize
claim_bank_card (Scanner *s,
                 gsize    start,
                 gsize    end)
{
  /* The first and last four digits stay. */
  claim_digits (s, JD_REDACT_BANK_CARD, start, end, nth_digit (s, start, end, 4),
                nth_digit (s, start, end, count_digits (s, start, end) - 4));
  return end;
}

static gsize
match_bank_card (Scanner     *s,
                 const Group *groups,
                 int          n_groups,
                 gboolean     labelled)
{
  char digits[MAX_GROUPS * 4 + 1];
  int n = 0;
  gsize best = 0;

  if (labelled)
    {
      int total = 0;
      int used = 0;

      while (used < n_groups && total + groups[used].n <= 25)
        total += groups[used++].n;
      if (used > 0 && total >= 10 && ends_word (s, groups[used - 1].end))
        return claim_bank_card (s, groups[0].start, groups[used - 1].end);
    }

  if (groups[0].n >= 13 && groups[0].n <= 19)
    {
      if (ends_word (s, groups[0].end) && jd_luhn_is_valid (groups[0].digits)
          && !credit_code_digits (&groups[0]))
        return claim_bank_card (s, groups[0].start, groups[0].end);
      return 0;
    }

  /* 6222 0212 3456 7890 123: groups of four and a shorter last one. */
  for (int i = 0; i < n_groups && groups[i].n <= 4 && n + groups[i].n <= 19; i++)
    {
      memcpy (digits + n, groups[i].digits, (gsize) groups[i].n);
      n += groups[i].n;
      digits[n] = '\0';
      if (n >= 13 && ends_word (s, groups[i].end) && jd_luhn_is_valid (digits))
        best = groups[i].end;
      if (groups[i].n != 4)
        break;
    }

  return best != 0 ? claim_bank_card (s, groups[0].start, best) : 0;
}

/* The end of the number claimed at @p, or where to go on when there is none. */
static gsize
scan_number_at (Scanner *s,
                gsize    p)
{
  static const char * const phone_labels[] = {
    "电话", "电话号码", "座机", "固话", "传真", "联系方式", "Tel", "TEL", "tel", NULL,
  };
  static const char * const account_labels[] = {
    "账号", "帐号", "账户", "帐户", "卡号", NULL,
  };
  Group groups[MAX_GROUPS];
  gsize start = p;
  gsize end;
  int len, n_groups;
  gunichar c = char_at (s, p, &len);

  if (c == '(' || c == 0xff08 /* （ */)
    {
      end = match_bracketed_landline (s, p);
      return end != 0 ? end : p + (gsize) len;
    }

  if (c == '+' || c == 0xff0b /* ＋ */)
    {
      gsize after_plus = p + (gsize) len;
      gsize q = after_plus;

      if (!has_at (s, q, "86"))
        return after_plus;
      q += 2;
      if (is_separator (char_at (s, q, &len)))
        q += (gsize) len;
      n_groups = lex_groups (s, q, groups);
      if (n_groups == 0 || (end = match_mobile (s, start, groups, n_groups)) == 0)
        return after_plus;
      return end;
    }

  n_groups = lex_groups (s, p, groups);
  g_assert (n_groups > 0);

  if ((end = match_resident_id (s, &groups[0])) != 0
      || (end = match_mobile (s, start, groups, n_groups)) != 0
      || (end = match_landline (s, start, groups, n_groups, labelled_by (s, p, phone_labels))) != 0
      || (end = match_bank_card (s, groups, n_groups, labelled_by (s, p, account_labels))) != 0)
    return end;

  return groups[0].end;
}

static void
scan_numbers (Scanner *s)
{
  for (gsize p = 0; p < s->length;)
    {
      int len;
      gunichar c = char_at (s, p, &len);
      gboolean starts = FALSE;

      if (digit_value (c) >= 0)
        starts = !alnum_before (s, p);
      else if (c == '+' || c == 0xff0b)
        starts = TRUE;
      else if (c == '(' || c == 0xff08)
        starts = digit_at (s, p + (gsize) len, &len) == 0;

      if (starts)
        p = scan_number_at (s, p);
      else
        p = next_char (s, p);
    }
}

/* Names */

static gsize
surname_length (const char *name)
{
  if (g_utf8_strlen (name, -1) > 2)
    {
      for (guint i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
        {
          if (g_str_has_prefix (name, compound_surnames[i]))
            return strlen (compound_surnames[i]);
        }
    }

  return (gsize) (g_utf8_next_char (name) - name);
}

char *
jd_redact_mask_name (const char *name)
{
  g_return_val_if_fail (name != NULL && g_utf8_validate (name, -1, NULL), NULL);

  if (*name == '\0')
    return g_strdup ("");

  return g_strdup_printf ("%.*s某", (int) surname_length (name), name);
}

static int
compare_length_desc (gconstpointer a,
                     gconstpointer b)
{
  gsize la = strlen (*(const char * const *) a);
  gsize lb = strlen (*(const char * const *) b);

  return la < lb ? 1 : la > lb ? -1 : 0;
}

static int
compare_gsize (gconstpointer a,
               gconstpointer b)
{
  gsize x = *(const gsize *) a;
  gsize y = *(const gsize *) b;

  return x < y ? -1 : x > y;
}

static void
find_names (Scanner            *s,
            const char * const *person_names)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; person_names != NULL && person_names[i] != NULL; i++)
    {
      /* A single character would match inside ordinary words. */
      if (g_utf8_validate (person_names[i], -1, NULL) && g_utf8_strlen (person_names[i], -1) >= 2)
        g_ptr_array_add (names, (gpointer) person_names[i]);
    }
  g_ptr_array_sort (names, compare_length_desc);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      gsize surname = surname_length (name);
      gssize at;

      for (gsize from = 0; (at = find (s, from, name)) >= 0; from = (gsize) at + strlen (name))
        {
          Span span = {
            { JD_REDACT_PERSON_NAME, (gsize) at, (gsize) at + strlen (name), 0, 0 },
            (gsize) at + surname, (gsize) at + strlen (name), "某",
          };

          g_array_append_val (s->names, span);
          g_array_append_val (s->name_starts, span.hit.start);
        }
    }

  g_array_sort (s->name_starts, compare_gsize);
}

static void
claim_names (Scanner *s)
{
  for (guint i = 0; i < s->names->len; i++)
    claim (s, &g_array_index (s->names, Span, i));
}

/* Ages */

/* The digits ending at @end: 1 to 3 of them, not part of a longer word; their start or -1. */
static gssize
age_digits_before (const Scanner *s,
                   gsize          end)
{
  gsize p = end;
  int n = 0;
  int len;

  while (p > 0 && n < 4 && digit_at (s, prev_char (s, p), &len) >= 0)
    {
      p = prev_char (s, p);
      n++;
    }

  if (n == 0 || n > 3 || alnum_before (s, p) || has_before (s, p, "满"))
    return -1;

  return (gssize) p;
}

static void
scan_ages (Scanner *s)
{
  gssize at;

  /* 年龄：35, 年龄为35岁 */
  for (gsize from = 0; (at = find (s, from, "年龄")) >= 0;)
    {
      gsize p = skip_label_separators (s, (gsize) at + strlen ("年龄"));
      gsize digits = p;
      gsize end;
      int len, n = 0;

      from = (gsize) at + strlen ("年龄");
      if (has_at (s, p, "为"))
        digits = p = skip_label_separators (s, p + strlen ("为"));
      while (digit_at (s, p, &len) >= 0 && n < 4)
        {
          p += (gsize) len;
          n++;
        }
      if (n == 0 || n > 3 || alnum_at (s, p))
        continue;
      end = p;
      if (has_at (s, end, "周岁"))
        end += strlen ("周岁");
      else if (has_at (s, end, "岁"))
        end += strlen ("岁");
      claim_replaced (s, JD_REDACT_AGE, digits, end, digits, p, "**");
    }

  /* 35岁, 35周岁 */
  for (gsize from = 0; (at = find (s, from, "岁")) >= 0;)
    {
      gsize unit = (gsize) at;
      gssize digits;

      from = (gsize) at + strlen ("岁");
      if (has_before (s, unit, "周"))
        unit -= strlen ("周");
      digits = age_digits_before (s, unit);
      if (digits >= 0)
        claim_replaced (s, JD_REDACT_AGE, (gsize) digits, from, (gsize) digits, unit, "**");
    }
}

/* Public API */

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  gsize x = ((const Span *) a)->hit.start;
  gsize y = ((const Span *) b)->hit.start;

  return x < y ? -1 : x > y;
}

/* The spans of @text, sorted. */
static GArray *
scan_spans (const char         *text,
            gsize               length,
            const char * const *person_names)
{
  g_autofree guint8 *claimed = g_malloc0 (length + 1);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) name_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  Scanner s = {
    .text = text,
    .length = length,
    .claimed = claimed,
    .spans = g_array_new (FALSE, FALSE, sizeof (Span)),
    .names = names,
    .name_starts = name_starts,
  };

  find_names (&s, person_names);
  scan_property_certs (&s);
  scan_labelled_addresses (&s);
  scan_numbers (&s);
  scan_clause_addresses (&s);
  claim_names (&s);
  scan_ages (&s);

  g_array_sort (s.spans, compare_spans);
  return s.spans;
}

GArray *
jd_redact_scan (const char         *text,
                gssize              length,
                const char * const *person_names)
{
  g_autoptr(GArray) spans = NULL;
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (JdRedactHit));

  g_return_val_if_fail (text != NULL || length == 0, hits);

  if (length < 0)
    length = (gssize) strlen (text);
  if (length == 0)
    return hits;

  spans = scan_spans (text, (gsize) length, person_names);
  for (guint i = 0; i < spans->len; i++)
    g_array_append_val (hits, g_array_index (spans, Span, i).hit);

  return hits;
}

char *
jd_redact_apply (const char         *text,
                 const char * const *person_names,
                 GArray            **hits_out)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (JdRedactHit));
  GString *out;
  gsize length;
  gsize copied = 0;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  length = strlen (text);
  out = g_string_sized_new (length + 16);
  spans = scan_spans (text, length, person_names);

  for (guint i = 0; i < spans->len; i++)
    {
      Span *span = &g_array_index (spans, Span, i);

      g_string_append_len (out, text + copied, (gssize) (span->hit.start - copied));
      span->hit.out_start = out->len;
      g_string_append_len (out, text + span->hit.start,
                           (gssize) (span->mask_start - span->hit.start));
      if (span->replacement != NULL)
        g_string_append (out, span->replacement);
      else
        {
          for (const char *p = text + span->mask_start; p < text + span->mask_end;)
            {
              const char *next = g_utf8_next_char (p);

              if (digit_value (g_utf8_get_char (p)) >= 0)
                g_string_append_c (out, '*');
              else
                g_string_append_len (out, p, next - p);
              p = next;
            }
        }
      g_string_append_len (out, text + span->mask_end, (gssize) (span->hit.end - span->mask_end));
      span->hit.out_end = out->len;
      copied = span->hit.end;
      g_array_append_val (hits, span->hit);
    }
  g_string_append_len (out, text + copied, (gssize) (length - copied));

  if (hits_out != NULL)
    *hits_out = g_steal_pointer (&hits);

  return g_string_free (out, FALSE);
}

char *
jd_redact_hit_dup_text (const JdRedactHit *hit,
                        const char        *text)
{
  g_return_val_if_fail (hit != NULL && text != NULL && hit->start <= hit->end, NULL);

  return g_strndup (text + hit->start, hit->end - hit->start);
}

static const struct
{
  const char *name;
  const char *label;
} kinds[] = {
  [JD_REDACT_RESIDENT_ID] = { "resident_id", N_("resident ID number") },
  [JD_REDACT_MOBILE] = { "mobile", N_("mobile phone number") },
  [JD_REDACT_LANDLINE] = { "landline", N_("landline phone number") },
  [JD_REDACT_BANK_CARD] = { "bank_card", N_("bank card or account number") },
  [JD_REDACT_PROPERTY_CERT] = { "property_cert", N_("property certificate number") },
  [JD_REDACT_PERSON_NAME] = { "person_name", N_("person’s name") },
  [JD_REDACT_AGE] = { "age", N_("age") },
  [JD_REDACT_ADDRESS] = { "address", N_("home address") },
};

const char *
jd_redact_kind_to_string (JdRedactKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kinds))
    return NULL;

  return kinds[kind].name;
}

const char *
jd_redact_kind_get_label (JdRedactKind kind)
{
  if ((guint) kind >= G_N_ELEMENTS (kinds))
    return NULL;

  return _(kinds[kind].label);
}
