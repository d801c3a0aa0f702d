#pragma once

#include <adwaita.h>

#include "jd-case-checker.h"

G_BEGIN_DECLS

/* The "Supervision" view: complaints, individual-case supervision with its 2-month clock,
 * letters with their follow-up deadlines and case-file evaluations with their scores, on four
 * pages of an AdwViewStack. */

#define JD_TYPE_SUPERVISION_VIEW (jd_supervision_view_get_type ())

G_DECLARE_FINAL_TYPE (JdSupervisionView, jd_supervision_view, JD, SUPERVISION_VIEW, GtkWidget)

typedef struct _JdWindow JdWindow;

void           jd_supervision_view_set_window     (JdSupervisionView *self,
                                                   JdWindow          *window);
JdWindow      *jd_supervision_view_get_window     (JdSupervisionView *self);
/* Reads the objects again and checks them (the window's "reloaded" and the checker's "changed"
 * do it). */
void           jd_supervision_view_reload         (JdSupervisionView *self);
/* Shows the page of @collection with the row of object @id expanded; FALSE when it has none. */
gboolean       jd_supervision_view_show_object    (JdSupervisionView *self,
                                                   JdCollection       collection,
                                                   const char        *id);
/* The list of the page of @collection (complaints, supervision cases, letters, evaluations). */
GtkListBox    *jd_supervision_view_get_list       (JdSupervisionView *self,
                                                   JdCollection       collection);
AdwViewStack  *jd_supervision_view_get_stack      (JdSupervisionView *self);
/* Opens the form of a new evaluation and returns it. */
GtkWidget     *jd_supervision_view_new_evaluation (JdSupervisionView *self);

G_END_DECLS
