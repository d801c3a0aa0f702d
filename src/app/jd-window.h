#pragma once

#include <adwaita.h>

#include "jd-case-checker.h"
#include "jd-case-list.h"
#include "jd-case-page.h"
#include "jd-sync-button.h"
#include "jd-sync-manager.h"
#include "jd-review-view.h"

G_BEGIN_DECLS

#define JD_TYPE_WINDOW (jd_window_get_type ())

G_DECLARE_FINAL_TYPE (JdWindow, jd_window, JD, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests). The window reads and writes @store. */
JdWindow      *jd_window_new             (GtkApplication *application,
                                          JdStore        *store);
JdStore       *jd_window_get_store       (JdWindow       *self);
GSettings     *jd_window_get_settings    (JdWindow       *self);
JdCaseChecker *jd_window_get_checker     (JdWindow       *self);
JdCaseList    *jd_window_get_case_list   (JdWindow       *self);
JdCasePage    *jd_window_get_case_page   (JdWindow       *self);
/* Signs in and out, syncs now and every "sync-interval" minutes. */
JdSyncManager *jd_window_get_sync_manager (JdWindow     *self);
JdSyncButton  *jd_window_get_sync_button  (JdWindow      *self);
JdReviewView  *jd_window_get_review_view (JdWindow       *self);
/* "empty", "progress", "case" (a case's detail), or the name of the sidebar view shown
 * ("cases", …): what the window shows. */
const char    *jd_window_get_view        (JdWindow       *self);
/* Shows the sidebar view @name (a page name of the view stack in jd-window.ui), the list of
 * cases for "cases"; FALSE when the window has no such view. */
gboolean       jd_window_show_view       (JdWindow       *self,
                                          const char     *name);
/* A short message at the bottom of the window. */
void           jd_window_toast           (JdWindow       *self,
                                          const char     *text);
/* A dialog for an error the user has to read: what happened, and what to do. */
void           jd_window_show_error      (JdWindow       *self,
                                          const char     *heading,
                                          const char     *body);
void           jd_window_show_case       (JdWindow       *self,
                                          JdCase         *kase);
/* Reads the store again: after another program wrote to it. */
void           jd_window_reload          (JdWindow       *self);
/* Imports a jiandu/1 JSON document or a roster CSV on a worker thread. */
void           jd_window_import_file     (JdWindow       *self,
                                          GFile          *file);
/* Whether sample data or an import is being written. */
gboolean       jd_window_is_busy         (JdWindow       *self);
/* How many cases "Create sample data" makes: 2,000 unless a test asks for fewer. */
void           jd_window_set_sample_size (JdWindow       *self,
                                          guint           n_cases);

G_END_DECLS
