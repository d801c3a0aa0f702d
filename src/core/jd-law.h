#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The regulations the rules cite (data/regulations, bundled in the core resource), parsed once
 * into document → part (正文, 附件1 …) → article (第十三条, or a section 二、 in texts without
 * articles) → paragraph (款) → item (项), and citations such as "004 附件3 第十三条" resolved
 * against them. Everything is read-only once loaded, so one JdLaw serves every thread. */

#define JD_LAW_ERROR (jd_law_error_quark ())

typedef enum
{
  JD_LAW_ERROR_DATA,              /* a bundled text or the index is missing or malformed */
  JD_LAW_ERROR_SYNTAX,            /* the text is not a citation */
  JD_LAW_ERROR_UNKNOWN_DOCUMENT,
  JD_LAW_ERROR_UNKNOWN_PART,
  JD_LAW_ERROR_UNKNOWN_ARTICLE,
  JD_LAW_ERROR_UNKNOWN_PARAGRAPH,
  JD_LAW_ERROR_UNKNOWN_ITEM,
  JD_LAW_ERROR_AMBIGUOUS,         /* several articles or items match: name the part or 款 */
} JdLawError;

GQuark jd_law_error_quark (void);

typedef struct _JdLawDocument JdLawDocument;
typedef struct _JdLawPart     JdLawPart;

typedef struct
{
  int   number;      /* 3 for （三） */
  char *label;       /* "（三）" */
  char *text;        /* the item with its label; in a section, the body follows on new lines */
} JdLawItem;

typedef struct
{
  char      *text;   /* the 款 before its items; "" when the items stand alone */
  GPtrArray *items;  /* JdLawItem */
} JdLawParagraph;

typedef enum
{
  JD_LAW_ARTICLE_CLAUSE,   /* 第十三条 */
  JD_LAW_ARTICLE_SECTION,  /* 二、主要任务, in the 实施意见/实施方案 kind of text */
} JdLawArticleKind;

typedef struct
{
  JdLawArticleKind  kind;
  int               number;
  char             *label;       /* "第十三条" or "二、" */
  char             *heading;     /* "主要任务" for a section, NULL for a 条 */
  const char       *chapter;     /* "第三章 监督的实施" or NULL; owned by the part */
  const JdLawPart  *part;
  GPtrArray        *paragraphs;  /* JdLawParagraph, at least one */
} JdLawArticle;

struct _JdLawPart
{
  const JdLawDocument *document;
  char                *name;      /* "正文", "附件1" … */
  char                *title;     /* the attachment's own title; the document's for 正文 */
  GPtrArray           *chapters;  /* char * */
  GPtrArray           *articles;  /* JdLawArticle, in order */
};

struct _JdLawDocument
{
  char      *code;          /* "004" */
  char      *file;          /* "004_920d5719b87a46f9.txt" */
  char      *title;
  char      *short_title;
  char      *number;        /* 文号, or NULL */
  char      *jurisdiction;  /* "北京市" */
  char      *profile;       /* "beijing" */
  char      *in_force;      /* YYYY-MM-DD, or NULL for a draft */
  gboolean   draft;
  GPtrArray *parts;         /* JdLawPart; the first is 正文 */
};

/* One article (or 款, or 项) a citation names. */
typedef struct
{
  const JdLawDocument *document;
  const JdLawPart     *part;
  const JdLawArticle  *article;
  int                  paragraph;  /* the 款 named, 1-based; 0 when the citation names none */
  int                  item;       /* the 项 named; 0 for none */
  char                *label;      /* "第六条第（三）项", "二、（三）" */
  char                *text;       /* the whole article, or the single 款 or 项 named */
} JdLawRef;

typedef struct
{
  char      *text;        /* the citation as given */
  GPtrArray *refs;        /* JdLawRef, in the citation's order */
  GPtrArray *unresolved;  /* GError (JD_LAW_ERROR): what could not be resolved, and why */
} JdCitation;

void jd_citation_free (JdCitation *citation);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdCitation, jd_citation_free)

#define JD_TYPE_LAW (jd_law_get_type ())

G_DECLARE_FINAL_TYPE (JdLaw, jd_law, JD, LAW, GObject)

/* Parses the bundled texts into a new library. */
JdLaw               *jd_law_new                (GError              **error);
/* The bundled library, parsed on first use; safe to call from any thread. */
JdLaw               *jd_law_get_default        (void);

GPtrArray           *jd_law_get_documents      (JdLaw                *self);
const JdLawDocument *jd_law_get_document       (JdLaw                *self,
                                                const char           *code);
/* @name: "正文", "附件1" …; NULL for 正文. */
const JdLawPart     *jd_law_document_get_part  (const JdLawDocument  *document,
                                                const char           *name);
const JdLawArticle  *jd_law_part_get_article   (const JdLawPart      *part,
                                                int                   number);
guint                jd_law_document_count_articles (const JdLawDocument *document);

char                *jd_law_paragraph_get_text (const JdLawParagraph *paragraph);
char                *jd_law_article_get_text   (const JdLawArticle   *article);
/* The article as a reader expects it: "第十三条　重大…：\n（一）…", or "二、主要任务\n…". */
char                *jd_law_format_article     (const JdLawArticle   *article);

/* Resolves every citation in @citation ("004 附件3 第十三条; 002 第十四条", "004 正文 二(三)",
 * "002 第十四条第二款第（一）项", "第13条" after a document …). What cannot be resolved is
 * listed in the result's unresolved array; NULL and @error only when nothing resolves. */
JdCitation          *jd_law_resolve            (JdLaw                *self,
                                                const char           *citation,
                                                GError              **error);

/* Chinese numerals from 一 to 九百九十九: the text, or NULL out of range. */
char                *jd_law_numeral_format     (int                   number);
/* 一 … 九百九十九 (十三, 二十, 一百零五, 两) or ASCII digits; -1 when @text is neither.
 * @length in bytes, or -1 for a nul-terminated @text. */
int                  jd_law_numeral_parse      (const char           *text,
                                                gssize                length);

G_END_DECLS
