#pragma once

#include <gio/gio.h>
#include <cairo.h>

G_BEGIN_DECLS

/* The written opinion of a legal review (法制审核意见书) as an official document on A4: blocks of
 * text in their styles, laid out with Pango in a CJK font and broken into pages, drawn on any
 * cairo context in points — a printer's (GtkPrintOperation with GTK_UNIT_POINTS) or a PDF file's.
 * The margins are those of official documents (GB/T 9704: 37 mm top, 35 mm bottom, 28 mm left,
 * 26 mm right). */

#define JD_REVIEW_OPINION_PAGE_WIDTH  595.276  /* A4, in points */
#define JD_REVIEW_OPINION_PAGE_HEIGHT 841.890

typedef enum
{
  JD_OPINION_TITLE,      /* centred, large and bold */
  JD_OPINION_NUMBER,     /* centred under the title: the case number */
  JD_OPINION_FIELD,      /* "Party: …" lines of the header */
  JD_OPINION_HEADING,    /* a review point: bold */
  JD_OPINION_BODY,       /* indented paragraph */
  JD_OPINION_SIGNATURE,  /* right-aligned: reviewer, date */
  JD_OPINION_NOTE,       /* small, at the end: the copies */
} JdOpinionStyle;

typedef struct _JdReviewOpinion JdReviewOpinion;

JdReviewOpinion *jd_review_opinion_new        (void);
void             jd_review_opinion_free       (JdReviewOpinion  *self);
void             jd_review_opinion_add        (JdReviewOpinion  *self,
                                               JdOpinionStyle    style,
                                               const char       *text);
/* Lays the blocks out for @cr and returns the number of pages. */
guint            jd_review_opinion_paginate   (JdReviewOpinion  *self,
                                               cairo_t          *cr);
/* Draws page @page (from 0) of the last pagination. */
void             jd_review_opinion_draw_page  (JdReviewOpinion  *self,
                                               cairo_t          *cr,
                                               guint             page);
/* Writes every page into a new PDF file at @path. */
gboolean         jd_review_opinion_write_pdf  (JdReviewOpinion  *self,
                                               const char       *path,
                                               GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdReviewOpinion, jd_review_opinion_free)

G_END_DECLS
