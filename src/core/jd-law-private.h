#pragma once

#include "jd-law.h"

G_BEGIN_DECLS

/* The tree of @text, one of the seed files; the caller fills in the fields of the index. */
JdLawDocument *jd_law_document_parse     (const char    *text,
                                          GError       **error);
void           jd_law_document_free      (JdLawDocument *document);

/* Reads a Chinese numeral, or ASCII or full-width digits, at *@cursor and moves past it;
 * -1 (cursor unmoved) when there is none. */
int            jd_law_numeral_scan       (const char   **cursor);

/* Moves *@cursor past blanks: ASCII spaces and tabs and the ideographic space U+3000. */
void           jd_law_skip_blanks        (const char   **cursor);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdLawDocument, jd_law_document_free)

G_END_DECLS
