#pragma once

#include <adwaita.h>

#include "jd-review-form.h"

G_BEGIN_DECLS

/* The "Legal Review" view (法制审核): the queue of decisions awaiting their review on the "as of"
 * date, each with its countdown in working days, most urgent first, read a page at a time; and
 * the review workspace of the case chosen. */

#define JD_TYPE_REVIEW_VIEW (jd_review_view_get_type ())

G_DECLARE_FINAL_TYPE (JdReviewView, jd_review_view, JD, REVIEW_VIEW, GtkWidget)

#define JD_REVIEW_VIEW_PAGE_SIZE 50

typedef struct _JdWindow JdWindow;

void          jd_review_view_set_window   (JdReviewView  *self,
                                           JdWindow      *window);
/* Reads the queue again from the store. */
void          jd_review_view_reload       (JdReviewView  *self);
/* Opens the workspace on @kase, in the queue or not. */
void          jd_review_view_open_case    (JdReviewView  *self,
                                           JdCase        *kase);
JdReviewForm *jd_review_view_get_form     (JdReviewView  *self);
GtkListBox   *jd_review_view_get_queue    (JdReviewView  *self);
/* The number of cases awaiting review, and how many rows the queue shows. */
gint64        jd_review_view_get_n_queued (JdReviewView  *self);
guint         jd_review_view_get_n_shown  (JdReviewView  *self);

G_END_DECLS
