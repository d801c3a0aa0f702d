#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The sidebar's Records view: the whole-process records most recently added across cases, newest
 * first, a page at a time; activating one shows its case, whose page holds the timeline. */

#define JD_TYPE_RECORDS_VIEW (jd_records_view_get_type ())

G_DECLARE_FINAL_TYPE (JdRecordsView, jd_records_view, JD, RECORDS_VIEW, GtkWidget)

typedef struct _JdWindow JdWindow;

void  jd_records_view_set_window (JdRecordsView *self,
                                  JdWindow      *window);
/* Reads the store again (done when the view is shown and when the window reloads). */
void  jd_records_view_reload     (JdRecordsView *self);
/* How many records the view lists now: for tests. */
guint jd_records_view_get_n_rows (JdRecordsView *self);

G_END_DECLS
