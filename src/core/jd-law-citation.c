#include "jd-law-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Citations as RULES.md writes them:
 *   citation := segment (";" | "；") segment …
 *   segment  := [code] [part] target (("、" | "，" | "," | "和" | "及") target | range)* [rest]
 *   code     := three digits, "004"; a segment without one continues the previous document
 *   part     := "正文" | "附件" numeral
 *   target   := "第" n "条" ["第" m "款"] [item]  |  section [item]  |  item
 *   section  := numeral ["、"]                     (the 一、二、 of a text without 条)
 *   item     := "(" k ")" | "（" k "）" | "第" k "项" | "第（" k "）项"
 *   range    := ("至" | "–" | "—" | "-" | "~" | "～") target
 * Whatever follows the targets ("(weihai)", "beijing: store named, no limit") is not a citation
 * and is reported, not guessed at. */

typedef enum
{
  TARGET_ARTICLE,
  TARGET_SECTION,
  TARGET_ITEM,
} TargetKind;

typedef struct
{
  TargetKind kind;
  int        article;    /* the 条 or section; 0 for an item alone */
  int        last;       /* the last article of a range, or 0 */
  int        paragraph;  /* 0 when none is named */
  int        item;
} Target;

typedef struct
{
  const JdLawDocument *document;  /* named by this segment or an earlier one */
  const JdLawPart     *part;      /* NULL: any part that has the article */
} Context;

typedef struct
{
  const JdLawPart     *part;
  const JdLawArticle  *article;
  int                  paragraph;  /* index of the 款 holding the item, 0-based */
  int                  item;       /* index in it */
} Match;

static void
ref_free (JdLawRef *ref)
{
  g_free (ref->label);
  g_free (ref->text);
  g_free (ref);
}

void
jd_citation_free (JdCitation *citation)
{
  g_free (citation->text);
  g_ptr_array_unref (citation->refs);
  g_ptr_array_unref (citation->unresolved);
  g_free (citation);
}

static void
add_unresolved (JdCitation *citation,
                int         code,
                const char *format,
                ...) G_GNUC_PRINTF (3, 4);

static void
add_unresolved (JdCitation *citation,
                int         code,
                const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (citation->unresolved, g_error_new_valist (JD_LAW_ERROR, code, format, args));
  va_end (args);
}

static gboolean
scan_literal (const char **cursor,
              const char  *literal)
{
  if (!g_str_has_prefix (*cursor, literal))
    return FALSE;

  *cursor += strlen (literal);
  return TRUE;
}

static gboolean
scan_one_of (const char         **cursor,
             const char * const  *literals)
{
  for (guint i = 0; literals[i] != NULL; i++)
    if (scan_literal (cursor, literals[i]))
      return TRUE;

  return FALSE;
}

static int
scan_item (const char **cursor)
{
  const char *p = *cursor;
  gboolean ordinal = scan_literal (&p, "第");
  gboolean parenthesized = scan_literal (&p, "(") || scan_literal (&p, "（");
  int number;

  if (!ordinal && !parenthesized)
    return -1;

  number = jd_law_numeral_scan (&p);
  if (number < 0)
    return -1;
  if (parenthesized && !scan_literal (&p, ")") && !scan_literal (&p, "）"))
    return -1;
  if (ordinal && !scan_literal (&p, "项"))
    return -1;

  *cursor = p;
  return number;
}

/* "第十三条", "第十三条第二款", "第六条(三)" */
static gboolean
scan_article_target (const char **cursor,
                     Target      *target)
{
  const char *p = *cursor;
  const char *q;
  int number;

  if (!scan_literal (&p, "第") || (number = jd_law_numeral_scan (&p)) < 0
      || !scan_literal (&p, "条"))
    return FALSE;

  target->kind = TARGET_ARTICLE;
  target->article = number;
  q = p;
  if (scan_literal (&q, "第") && (number = jd_law_numeral_scan (&q)) > 0
      && scan_literal (&q, "款"))
    {
      target->paragraph = number;
      p = q;
    }

  *cursor = p;
  return TRUE;
}

/* "二", "二、", as in "二(三)"; Arabic digits would be a document code or a date. */
static gboolean
scan_section_target (const char **cursor,
                     Target      *target)
{
  const char *p = *cursor;
  int number;

  if (g_ascii_isdigit (*p) || (number = jd_law_numeral_scan (&p)) < 0)
    return FALSE;

  scan_literal (&p, "、");
  target->kind = TARGET_SECTION;
  target->article = number;
  *cursor = p;
  return TRUE;
}

static gboolean
scan_target (const char **cursor,
             Target      *target)
{
  const char *p = *cursor;
  int number;

  memset (target, 0, sizeof *target);

  if (!scan_article_target (&p, target) && !scan_section_target (&p, target))
    {
      target->kind = TARGET_ITEM;
      target->item = scan_item (&p);
      if (target->item < 0)
        return FALSE;
      *cursor = p;
      return TRUE;
    }

  if ((number = scan_item (&p)) > 0)
    target->item = number;

  *cursor = p;
  return TRUE;
}

static const char * const separators[] = { "、", "，", ",", "和", "及", NULL };
static const char * const range_marks[] = { "至", "–", "—", "-", "~", "～", NULL };

/* "第十五条至第十九条": only whole articles make a range. */
static gboolean
scan_range_end (const char  **cursor,
                const Target *first,
                int          *last)
{
  const char *p = *cursor;
  Target end;

  if (first->kind == TARGET_ITEM || first->paragraph > 0 || first->item > 0)
    return FALSE;

  jd_law_skip_blanks (&p);
  if (!scan_one_of (&p, range_marks))
    return FALSE;
  jd_law_skip_blanks (&p);
  if (!scan_target (&p, &end) || end.kind != first->kind || end.paragraph > 0 || end.item > 0
      || end.article <= first->article)
    return FALSE;

  *last = end.article;
  *cursor = p;
  return TRUE;
}

static char *
target_label (const Target *target)
{
  g_autofree char *article = jd_law_numeral_format (target->article);
  g_autofree char *paragraph = jd_law_numeral_format (target->paragraph);
  g_autofree char *item = jd_law_numeral_format (target->item);
  GString *label = g_string_new (NULL);

  if (target->kind == TARGET_ARTICLE)
    g_string_append_printf (label, "第%s条", article ? article : "?");
  else if (target->kind == TARGET_SECTION)
    g_string_append_printf (label, "%s、", article ? article : "?");
  if (paragraph != NULL)
    g_string_append_printf (label, "第%s款", paragraph);
  if (item != NULL)
    g_string_append_printf (label, target->kind == TARGET_ARTICLE ? "第（%s）项" : "（%s）", item);

  return g_string_free (label, FALSE);
}

static char *
place_label (const Context *context)
{
  if (context->part != NULL)
    return g_strdup_printf ("%s %s", context->document->code, context->part->name);
  return g_strdup (context->document->code);
}

static char *
parts_list (GArray *matches)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < matches->len; i++)
    {
      const char *name = g_array_index (matches, Match, i).part->name;

      if (strstr (list->str, name) != NULL)
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, name);
    }

  return g_string_free (list, FALSE);
}

/* Collects the items numbered @number in @article, within @paragraph when it is not 0. */
static void
match_items (const JdLawPart    *part,
             const JdLawArticle *article,
             int                 paragraph,
             int                 number,
             GArray             *matches)
{
  for (guint p = 0; p < article->paragraphs->len; p++)
    {
      const JdLawParagraph *candidate = article->paragraphs->pdata[p];

      if (paragraph > 0 && p + 1 != (guint) paragraph)
        continue;

      for (guint i = 0; i < candidate->items->len; i++)
        {
          const JdLawItem *item = candidate->items->pdata[i];
          Match match = { part, article, p, i };

          if (item->number == number)
            g_array_append_val (matches, match);
        }
    }
}

static void
add_ref (JdCitation   *citation,
         const Match  *match,
         const Target *target)
{
  JdLawRef *ref = g_new0 (JdLawRef, 1);
  const JdLawArticle *article = match->article;
  GString *label = g_string_new (article->label);

  ref->document = match->part->document;
  ref->part = match->part;
  ref->article = article;
  ref->paragraph = target->paragraph;

  if (target->item > 0)
    {
      const JdLawParagraph *paragraph = article->paragraphs->pdata[match->paragraph];
      const JdLawItem *item = paragraph->items->pdata[match->item];

      ref->item = item->number;
      ref->text = g_strdup (item->text);
      if (target->paragraph > 0)
        {
          g_autofree char *numeral = jd_law_numeral_format (target->paragraph);

          g_string_append_printf (label, "第%s款", numeral);
        }
      if (article->kind == JD_LAW_ARTICLE_CLAUSE)
        g_string_append_printf (label, "第%s项", item->label);
      else
        g_string_append (label, item->label);
    }
  else if (target->paragraph > 0)
    {
      g_autofree char *numeral = jd_law_numeral_format (target->paragraph);

      ref->text = jd_law_paragraph_get_text (article->paragraphs->pdata[target->paragraph - 1]);
      g_string_append_printf (label, "第%s款", numeral);
    }
  else
    {
      ref->text = jd_law_article_get_text (article);
    }

  ref->label = g_string_free (label, FALSE);
  g_ptr_array_add (citation->refs, ref);
}

/* The articles numbered @number, of @kind, in the context's part or in any part. */
static void
match_articles (const Context    *context,
                JdLawArticleKind  kind,
                int               number,
                GArray           *matches)
{
  for (guint i = 0; i < context->document->parts->len; i++)
    {
      const JdLawPart *part = context->document->parts->pdata[i];
      const JdLawArticle *article;
      Match match = { part, NULL, 0, 0 };

      if (context->part != NULL && part != context->part)
        continue;

      article = jd_law_part_get_article (part, number);
      if (article == NULL || article->kind != kind)
        continue;

      match.article = article;
      g_array_append_val (matches, match);
    }
}

static void
resolve_article (JdCitation    *citation,
                 const Context *context,
                 const Target  *target)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree char *label = target_label (target);
  g_autofree char *place = place_label (context);
  JdLawArticleKind kind = target->kind == TARGET_ARTICLE ? JD_LAW_ARTICLE_CLAUSE
                                                         : JD_LAW_ARTICLE_SECTION;
  const JdLawArticle *article;
  Match match;

  match_articles (context, kind, target->article, matches);
  if (matches->len == 0)
    {
      Target article_only = { target->kind, target->article, 0, 0, 0 };
      g_autofree char *article_label = target_label (&article_only);

      add_unresolved (citation, JD_LAW_ERROR_UNKNOWN_ARTICLE, _("%s has no article %s"), place,
                      article_label);
      return;
    }
  if (matches->len > 1)
    {
      g_autofree char *parts = parts_list (matches);

      add_unresolved (citation, JD_LAW_ERROR_AMBIGUOUS,
                      _("%s %s is in several parts (%s): name one, as in “%s %s %s”"), place,
                      label, parts, place, g_array_index (matches, Match, 0).part->name, label);
      return;
    }

  match = g_array_index (matches, Match, 0);
  article = match.article;
  if (target->paragraph > 0 && (guint) target->paragraph > article->paragraphs->len)
    {
      add_unresolved (citation, JD_LAW_ERROR_UNKNOWN_PARAGRAPH,
                      _("%s %s has %u paragraphs (款), not %d"), place, article->label,
                      article->paragraphs->len, target->paragraph);
      return;
    }

  if (target->item > 0)
    {
      g_array_set_size (matches, 0);
      match_items (match.part, article, target->paragraph, target->item, matches);
      if (matches->len == 0)
        {
          add_unresolved (citation, JD_LAW_ERROR_UNKNOWN_ITEM, _("%s has no item %s"), place,
                          label);
          return;
        }
      if (matches->len > 1)
        {
          add_unresolved (citation, JD_LAW_ERROR_AMBIGUOUS,
                          _("%s %s: several paragraphs (款) have that item; name the paragraph, "
                            "as in “第一款第（一）项”"),
                          place, label);
          return;
        }
      match = g_array_index (matches, Match, 0);
    }

  add_ref (citation, &match, target);
}

/* "001 (六)": the item (六) of whichever section has one. */
static void
resolve_item (JdCitation    *citation,
              const Context *context,
              const Target  *target)
{
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Match));
  g_autofree char *label = target_label (target);
  g_autofree char *place = place_label (context);

  for (guint i = 0; i < context->document->parts->len; i++)
    {
      const JdLawPart *part = context->document->parts->pdata[i];

      if (context->part != NULL && part != context->part)
        continue;
      for (guint a = 0; a < part->articles->len; a++)
        match_items (part, part->articles->pdata[a], 0, target->item, matches);
    }

  if (matches->len == 0)
    {
      add_unresolved (citation, JD_LAW_ERROR_UNKNOWN_ITEM, _("%s has no item %s"), place, label);
      return;
    }
  if (matches->len > 1)
    {
      add_unresolved (citation, JD_LAW_ERROR_AMBIGUOUS,
                      _("%s has several items %s: name the article or section, as in “%s %s%s”"),
                      place, label, place, g_array_index (matches, Match, 0).article->label,
                      label);
      return;
    }

  add_ref (citation, &g_array_index (matches, Match, 0), target);
}

static void
resolve_target (JdCitation    *citation,
                const Context *context,
                const Target  *target)
{
  if (target->kind == TARGET_ITEM)
    {
      resolve_item (citation, context, target);
      return;
    }

  for (int number = target->article; number <= MAX (target->article, target->last); number++)
    {
      Target one = *target;

      one.article = number;
      one.last = 0;
      resolve_article (citation, context, &one);
    }
}

/* Reads the code and part that open @segment into @context; FALSE when the segment names
 * neither a known document nor follows one. */
static gboolean
scan_place (JdLaw       *law,
            const char **cursor,
            Context     *context,
            JdCitation  *citation,
            const char  *segment)
{
  const char *p = *cursor;
  g_autofree char *part_name = NULL;

  if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
      && !g_ascii_isdigit (p[3]))
    {
      g_autofree char *code = g_strndup (p, 3);

      context->document = jd_law_get_document (law, code);
      context->part = NULL;
      if (context->document == NULL)
        {
          add_unresolved (citation, JD_LAW_ERROR_UNKNOWN_DOCUMENT,
                          _("No regulation has the code %s (in “%s”)"), code, segment);
          return FALSE;
        }
      p += 3;
      jd_law_skip_blanks (&p);
    }
  else if (context->document == NULL)
    {
      add_unresolved (citation, JD_LAW_ERROR_SYNTAX, _("Not a citation: “%s”"), segment);
      return FALSE;
    }

  if (scan_literal (&p, "正文"))
    {
      part_name = g_strdup ("正文");
    }
  else if (scan_literal (&p, "附件"))
    {
      int number = jd_law_numeral_scan (&p);

      if (number < 0)
        {
          add_unresolved (citation, JD_LAW_ERROR_SYNTAX,
                          _("“%s” names an attachment without its number"), segment);
          return FALSE;
        }
      part_name = g_strdup_printf ("附件%d", number);
    }

  if (part_name != NULL)
    {
      context->part = jd_law_document_get_part (context->document, part_name);
      if (context->part == NULL)
        {
          add_unresolved (citation, JD_LAW_ERROR_UNKNOWN_PART, _("%s has no part %s"),
                          context->document->code, part_name);
          return FALSE;
        }
      jd_law_skip_blanks (&p);
    }

  *cursor = p;
  return TRUE;
}

static void
resolve_segment (JdLaw      *law,
                 const char *segment,
                 Context    *context,
                 JdCitation *citation)
{
  const char *p = segment;
  guint n_targets = 0;
  Target target;

  if (!scan_place (law, &p, context, citation, segment))
    return;

  while (scan_target (&p, &target))
    {
      const char *q = p;

      if (scan_range_end (&p, &target, &target.last))
        q = p;
      resolve_target (citation, context, &target);
      n_targets++;

      jd_law_skip_blanks (&q);
      if (!scan_one_of (&q, separators))
        break;
      jd_law_skip_blanks (&q);
      p = q;
    }

  if (n_targets == 0)
    {
      add_unresolved (citation, JD_LAW_ERROR_SYNTAX, _("Not a citation: “%s”"), segment);
      return;
    }

  jd_law_skip_blanks (&p);
  if (*p != '\0')
    add_unresolved (citation, JD_LAW_ERROR_SYNTAX, _("Not a citation: “%s”"), p);
}

JdCitation *
jd_law_resolve (JdLaw       *self,
                const char  *text,
                GError     **error)
{
  g_autoptr(JdCitation) citation = NULL;
  g_autoptr(GString) normalized = NULL;
  g_auto(GStrv) segments = NULL;
  Context context = { NULL, NULL };

  g_return_val_if_fail (JD_IS_LAW (self), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, JD_LAW_ERROR, JD_LAW_ERROR_SYNTAX, _("The citation is not UTF-8 text"));
      return NULL;
    }

  citation = g_new0 (JdCitation, 1);
  citation->text = g_strdup (text);
  citation->refs = g_ptr_array_new_with_free_func ((GDestroyNotify) ref_free);
  citation->unresolved = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);

  normalized = g_string_new (text);
  g_string_replace (normalized, "；", ";", 0);
  segments = g_strsplit (normalized->str, ";", -1);

  for (guint i = 0; segments[i] != NULL; i++)
    {
      char *segment = g_strstrip (segments[i]);
      const char *p = segment;

      jd_law_skip_blanks (&p);
      if (*p != '\0')
        resolve_segment (self, p, &context, citation);
    }

  if (citation->refs->len == 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);
      int code = JD_LAW_ERROR_SYNTAX;

      for (guint i = 0; i < citation->unresolved->len; i++)
        {
          const GError *problem = citation->unresolved->pdata[i];

          if (i == 0)
            code = problem->code;
          if (message->len > 0)
            g_string_append (message, "; ");
          g_string_append (message, problem->message);
        }
      if (message->len == 0)
        g_string_append (message, _("The citation is empty"));

      g_set_error_literal (error, JD_LAW_ERROR, code, message->str);
      return NULL;
    }

  return g_steal_pointer (&citation);
}
