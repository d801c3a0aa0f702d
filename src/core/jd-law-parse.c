#include "jd-law-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* The seed texts come in two layouts. 000 and 002 were copied out of a PDF: every line is cut at
 * the page's measure, paragraphs are separated by nothing more than their indent (lost in the
 * copy, but still visible as a shorter first line), and a page break may fall mid-paragraph.
 * 001, 003 and 004 hold one paragraph to a line, except where a page break split one. The
 * widths below are in columns: a CJK character counts two, an ASCII one. */

#define IDEOGRAPHIC_SPACE "\xe3\x80\x80"

/* A text whose every line is at most this wide was cut at a fixed measure. */
#define WRAPPED_MAX_WIDTH 70
/* A paragraph's first line is indented by two characters. */
#define INDENT_WIDTH 4
/* How far short of the measure a line may stop and still be full: a character pushed to the
 * next line so that a punctuation mark does not start it, spaces around Arabic numbers. */
#define FULL_LINE_SLACK 3
/* In a text of one paragraph to a line, a line at least this wide that does not end a sentence
 * was split by a page break. */
#define PAGE_SPLIT_MIN_WIDTH 80

typedef struct
{
  char     *text;      /* without blanks at either end */
  gboolean  indented;  /* began with an ideographic space, the mark of a paragraph */
  int       width;
} Line;

static void
line_free (Line *line)
{
  g_free (line->text);
  g_free (line);
}

static void
item_free (JdLawItem *item)
{
  g_free (item->label);
  g_free (item->text);
  g_free (item);
}

static void
paragraph_free (JdLawParagraph *paragraph)
{
  g_free (paragraph->text);
  g_ptr_array_unref (paragraph->items);
  g_free (paragraph);
}

static void
article_free (JdLawArticle *article)
{
  g_free (article->label);
  g_free (article->heading);
  g_ptr_array_unref (article->paragraphs);
  g_free (article);
}

static void
part_free (JdLawPart *part)
{
  g_free (part->name);
  g_free (part->title);
  g_ptr_array_unref (part->articles);
  g_ptr_array_unref (part->chapters);
  g_free (part);
}

void
jd_law_document_free (JdLawDocument *document)
{
  g_free (document->code);
  g_free (document->file);
  g_free (document->title);
  g_free (document->short_title);
  g_free (document->number);
  g_free (document->jurisdiction);
  g_free (document->profile);
  g_free (document->in_force);
  g_ptr_array_unref (document->parts);
  g_free (document);
}

static gsize
blank_length (const char *p)
{
  if (*p == ' ' || *p == '\t' || *p == '\r')
    return 1;
  if (g_str_has_prefix (p, IDEOGRAPHIC_SPACE))
    return strlen (IDEOGRAPHIC_SPACE);
  return 0;
}

void
jd_law_skip_blanks (const char **cursor)
{
  gsize length;

  while ((length = blank_length (*cursor)) > 0)
    *cursor += length;
}

/* A copy of @text without blanks at either end, and without the "[bookmark: _GoBack]" that
 * a word processor left in 003. */
static char *
clean_line (const char    *text,
            gboolean      *indented)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  const char *p = text;
  const char *end;

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, "[bookmark:") && (end = strchr (p, ']')) != NULL)
        {
          p = end + 1;
          continue;
        }
      g_string_append_c (clean, *p);
      p++;
    }

  *indented = g_str_has_prefix (clean->str, IDEOGRAPHIC_SPACE);
  p = clean->str;
  jd_law_skip_blanks (&p);
  end = clean->str + clean->len;
  while (end > p)
    {
      if (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r')
        end--;
      else if (end - p >= 3 && memcmp (end - 3, IDEOGRAPHIC_SPACE, 3) == 0)
        end -= 3;
      else
        break;
    }

  return g_strndup (p, end - p);
}

static int
text_width (const char *text)
{
  int width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    width += (guchar) *p < 0x80 ? 1 : 2;

  return width;
}

static const char *
last_char (const char *text)
{
  gsize length = strlen (text);

  return length == 0 ? text : g_utf8_find_prev_char (text, text + length);
}

/* Whether @text ends a sentence or introduces a list. */
static gboolean
ends_with_stop (const char *text)
{
  static const char * const stops[] = { "。", "；", "：", "？", "！", ";", ":" };
  const char *last = last_char (text);

  for (guint i = 0; i < G_N_ELEMENTS (stops); i++)
    if (strcmp (last, stops[i]) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
ends_with_colon (const char *text)
{
  const char *last = last_char (text);

  return strcmp (last, "：") == 0 || strcmp (last, ":") == 0;
}

/* Reads PREFIX NUMERAL SUFFIX at the start of @text ("第十三条", "（三）", "二、"); with
 * @need_blank, a blank must follow, as it does after a heading but not after a reference such
 * as "第十三条规定的". */
static gboolean
scan_heading (const char  *text,
              const char  *prefix,
              const char  *suffix,
              gboolean     need_blank,
              int         *number,
              const char **rest)
{
  const char *p = text;

  if (!g_str_has_prefix (p, prefix))
    return FALSE;
  p += strlen (prefix);

  *number = jd_law_numeral_scan (&p);
  if (*number < 0 || !g_str_has_prefix (p, suffix))
    return FALSE;
  p += strlen (suffix);

  if (need_blank && blank_length (p) == 0)
    return FALSE;

  jd_law_skip_blanks (&p);
  *rest = p;
  return TRUE;
}

static gboolean
scan_article (const char  *text,
              int         *number,
              const char **rest)
{
  return scan_heading (text, "第", "条", TRUE, number, rest);
}

static gboolean
scan_chapter (const char  *text,
              int         *number,
              const char **rest)
{
  return scan_heading (text, "第", "章", TRUE, number, rest);
}

static gboolean
scan_section (const char  *text,
              int         *number,
              const char **rest)
{
  /* "1、" would be a list entry, not one of the sections 一、二、 */
  return !g_ascii_isdigit (*text) && scan_heading (text, "", "、", FALSE, number, rest);
}

static gboolean
scan_item (const char  *text,
           int         *number,
           const char **rest)
{
  return scan_heading (text, "（", "）", FALSE, number, rest);
}

/* "附件1" alone on its line starts an attachment; its title follows. */
static gboolean
scan_attachment (const char *text,
                 int        *number)
{
  const char *p = text;

  if (!g_str_has_prefix (p, "附件"))
    return FALSE;
  p += strlen ("附件");
  *number = jd_law_numeral_scan (&p);
  return *number > 0 && *p == '\0';
}

/* "附件：1.北京市行政执法公示办法" lists the attachments at the end of the main text. */
static gboolean
is_attachment_list (const char *text)
{
  return g_str_has_prefix (text, "附件：") || g_str_has_prefix (text, "附件:");
}

static gboolean
starts_block (const char *text)
{
  const char *rest;
  int number;

  return scan_article (text, &number, &rest) || scan_chapter (text, &number, &rest)
         || scan_section (text, &number, &rest) || scan_item (text, &number, &rest)
         || scan_attachment (text, &number) || is_attachment_list (text);
}

static GPtrArray *
read_lines (const char *text)
{
  g_auto(GStrv) raw = g_strsplit (text, "\n", -1);
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);

  for (guint i = 0; raw[i] != NULL; i++)
    {
      gboolean indented;
      char *clean = clean_line (raw[i], &indented);
      Line *line;

      if (*clean == '\0')
        {
          g_free (clean);
          continue;
        }

      line = g_new0 (Line, 1);
      line->text = clean;
      line->indented = indented;
      line->width = text_width (clean);
      g_ptr_array_add (lines, line);
    }

  return lines;
}

/* The measure of a wrapped text: the width most of its lines have. */
static int
usual_width (GPtrArray *lines)
{
  int counts[WRAPPED_MAX_WIDTH + 1] = { 0 };
  int best = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = lines->pdata[i];

      counts[MIN (line->width, WRAPPED_MAX_WIDTH)]++;
    }

  for (int width = 1; width <= WRAPPED_MAX_WIDTH; width++)
    if (counts[width] > counts[best])
      best = width;

  return best;
}

static gboolean
wrapped_paragraph_ends (const Line *previous,
                        gboolean    previous_is_first,
                        const Line *next,
                        int         measure)
{
  int room = previous_is_first ? measure - INDENT_WIDTH : measure;
  int next_width = next->width;

  if (ends_with_stop (next->text))
    next_width -= text_width (last_char (next->text));

  /* A line that stops short of the measure ends its paragraph. */
  if (previous->width < room - FULL_LINE_SLACK)
    return TRUE;

  /* A full line that ends a sentence ends the paragraph too when the next line fits the
   * indented measure of a first line; a continuation would fill the whole measure. */
  return ends_with_stop (previous->text) && next_width <= measure - INDENT_WIDTH;
}

static GPtrArray *
join_paragraphs (GPtrArray *lines)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = NULL;
  const Line *previous = NULL;
  gboolean previous_is_first = TRUE;
  gboolean wrapped;
  int max_width = 0;
  int measure;

  for (guint i = 0; i < lines->len; i++)
    max_width = MAX (max_width, ((const Line *) lines->pdata[i])->width);
  wrapped = max_width <= WRAPPED_MAX_WIDTH;
  measure = wrapped ? usual_width (lines) : 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = lines->pdata[i];
      gboolean starts;

      if (previous == NULL || line->indented || starts_block (line->text))
        starts = TRUE;
      else if (wrapped)
        starts = wrapped_paragraph_ends (previous, previous_is_first, line, measure);
      else
        starts = ends_with_stop (previous->text) || previous->width < PAGE_SPLIT_MIN_WIDTH;

      if (starts)
        {
          if (current != NULL)
            g_ptr_array_add (paragraphs, g_string_free (g_steal_pointer (&current), FALSE));
          current = g_string_new (line->text);
        }
      else
        {
          g_string_append (current, line->text);
        }

      previous = line;
      previous_is_first = starts;
    }

  if (current != NULL)
    g_ptr_array_add (paragraphs, g_string_free (g_steal_pointer (&current), FALSE));

  return paragraphs;
}

typedef struct
{
  JdLawPart        *part;
  JdLawArticleKind  kind;
  JdLawArticle     *article;  /* the article being read; NULL in a preamble */
  const char       *chapter;
  gboolean          trailer;  /* past the list of attachments that closes the main text */
} Reader;

static JdLawParagraph *
add_paragraph (JdLawArticle *article,
               const char   *text)
{
  JdLawParagraph *paragraph = g_new0 (JdLawParagraph, 1);

  paragraph->text = g_strdup (text);
  paragraph->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  g_ptr_array_add (article->paragraphs, paragraph);
  return paragraph;
}

static JdLawParagraph *
last_paragraph (JdLawArticle *article)
{
  if (article->paragraphs->len == 0)
    return NULL;
  return article->paragraphs->pdata[article->paragraphs->len - 1];
}

static void
start_article (Reader     *reader,
               int         number,
               const char *heading)
{
  JdLawArticle *article = g_new0 (JdLawArticle, 1);
  g_autofree char *numeral = jd_law_numeral_format (number);

  article->kind = reader->kind;
  article->number = number;
  if (reader->kind == JD_LAW_ARTICLE_CLAUSE)
    article->label = g_strdup_printf ("第%s条", numeral);
  else
    article->label = g_strdup_printf ("%s、", numeral);
  article->heading = g_strdup (heading);
  article->chapter = reader->chapter;
  article->part = reader->part;
  article->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  g_ptr_array_add (reader->part->articles, article);
  reader->article = article;
}

/* An item continues the list of the last 款, or starts one: under the 款 that introduces it
 * ("…下列内容："), or on its own as the items of a section do. FALSE when @number does not
 * fit, so that a paragraph starting with "（三）" out of turn stays a paragraph. */
static gboolean
add_item (JdLawArticle *article,
          int           number,
          const char   *text,
          const char   *rest)
{
  JdLawParagraph *paragraph = last_paragraph (article);
  JdLawItem *item;

  if (paragraph != NULL && paragraph->items->len > 0)
    {
      const JdLawItem *last = paragraph->items->pdata[paragraph->items->len - 1];

      if (number != last->number + 1 && number != 1)
        return FALSE;
      if (number == 1)
        paragraph = add_paragraph (article, "");
    }
  else if (number != 1)
    {
      return FALSE;
    }
  else if (paragraph == NULL || !ends_with_colon (paragraph->text))
    {
      paragraph = add_paragraph (article, "");
    }

  item = g_new0 (JdLawItem, 1);
  item->number = number;
  item->label = g_strndup (text, rest - text);
  item->text = g_strdup (text);
  g_ptr_array_add (paragraph->items, item);
  return TRUE;
}

static char *
without_blanks (const char *text)
{
  GString *result = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      gsize blank = blank_length (p);

      if (blank > 0)
        {
          p += blank;
          continue;
        }
      g_string_append_c (result, *p);
      p++;
    }

  return g_string_free (result, FALSE);
}

static void
read_paragraph (Reader     *reader,
                const char *text)
{
  int next_article = reader->part->articles->len + 1;
  JdLawParagraph *paragraph;
  const char *rest;
  int number;

  if (reader->trailer)
    return;

  if (is_attachment_list (text))
    {
      reader->trailer = reader->article != NULL;
      return;
    }

  if (scan_chapter (text, &number, &rest) && number == (int) reader->part->chapters->len + 1)
    {
      g_autofree char *numeral = jd_law_numeral_format (number);
      g_autofree char *title = without_blanks (rest);
      char *chapter = g_strdup_printf ("第%s章 %s", numeral, title);

      g_ptr_array_add (reader->part->chapters, chapter);
      reader->chapter = chapter;
      reader->article = NULL;
      return;
    }

  if (reader->kind == JD_LAW_ARTICLE_CLAUSE && scan_article (text, &number, &rest)
      && number == next_article)
    {
      start_article (reader, number, NULL);
      add_paragraph (reader->article, rest);
      return;
    }

  if (reader->kind == JD_LAW_ARTICLE_SECTION && scan_section (text, &number, &rest)
      && number == next_article)
    {
      start_article (reader, number, rest);
      return;
    }

  /* The title, the preamble, a notice's addressees and signature: no article holds them. */
  if (reader->article == NULL)
    return;

  if (scan_item (text, &number, &rest) && add_item (reader->article, number, text, rest))
    return;

  /* The items of a section are headings; what follows one is its body. */
  paragraph = last_paragraph (reader->article);
  if (reader->kind == JD_LAW_ARTICLE_SECTION && paragraph != NULL && paragraph->items->len > 0)
    {
      JdLawItem *item = paragraph->items->pdata[paragraph->items->len - 1];
      char *body = g_strconcat (item->text, "\n", text, NULL);

      g_free (item->text);
      item->text = body;
      return;
    }

  add_paragraph (reader->article, text);
}

static JdLawPart *
part_new (JdLawDocument *document,
          const char    *name,
          const char    *title)
{
  JdLawPart *part = g_new0 (JdLawPart, 1);

  part->document = document;
  part->name = g_strdup (name);
  part->title = g_strdup (title);
  part->chapters = g_ptr_array_new_with_free_func (g_free);
  part->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_free);
  return part;
}

/* Texts that have a 第一条 are made of articles; the others of sections 一、二、. */
static JdLawArticleKind
part_kind (GPtrArray *paragraphs,
           guint      start,
           guint      end)
{
  for (guint i = start; i < end; i++)
    {
      const char *rest;
      int number;

      if (scan_article (paragraphs->pdata[i], &number, &rest) && number == 1)
        return JD_LAW_ARTICLE_CLAUSE;
    }

  return JD_LAW_ARTICLE_SECTION;
}

static gboolean
read_part (JdLawPart  *part,
           GPtrArray  *paragraphs,
           guint       start,
           guint       end,
           GError    **error)
{
  Reader reader = { 0 };

  reader.part = part;
  reader.kind = part_kind (paragraphs, start, end);

  for (guint i = start; i < end; i++)
    read_paragraph (&reader, paragraphs->pdata[i]);

  if (part->articles->len == 0)
    {
      g_set_error (error, JD_LAW_ERROR, JD_LAW_ERROR_DATA,
                   _("Part “%s” holds no article"), part->name);
      return FALSE;
    }

  return TRUE;
}

JdLawDocument *
jd_law_document_parse (const char  *text,
                       GError     **error)
{
  g_autoptr(JdLawDocument) document = g_new0 (JdLawDocument, 1);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  JdLawPart *part;
  guint start = 0;

  g_return_val_if_fail (text != NULL, NULL);

  document->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) part_free);
  lines = read_lines (text);
  paragraphs = join_paragraphs (lines);

  part = part_new (document, "正文", NULL);
  g_ptr_array_add (document->parts, part);

  for (guint i = 0; i <= paragraphs->len; i++)
    {
      g_autofree char *name = NULL;
      int number;

      if (i < paragraphs->len && !scan_attachment (paragraphs->pdata[i], &number))
        continue;

      if (!read_part (part, paragraphs, start, i, error))
        return NULL;
      if (i == paragraphs->len)
        break;

      /* The attachment's title is the paragraph after "附件1". */
      name = g_strdup_printf ("附件%d", number);
      part = part_new (document, name, i + 1 < paragraphs->len ? paragraphs->pdata[i + 1] : "");
      g_ptr_array_add (document->parts, part);
      start = MIN (i + 2, paragraphs->len);
    }

  return g_steal_pointer (&document);
}
