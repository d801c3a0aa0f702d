#pragma once

#include <gtk/gtk.h>

#include "jd-case-checker.h"

G_BEGIN_DECLS

/* The detail of one case, read-only: its parties, officers, stages, records, documents, evidence,
 * decision, review and publication, each a group of rows, with the findings of the rules shown in
 * the group they are about. */

#define JD_TYPE_CASE_PAGE (jd_case_page_get_type ())

G_DECLARE_FINAL_TYPE (JdCasePage, jd_case_page, JD, CASE_PAGE, GtkWidget)

GtkWidget *jd_case_page_new                  (void);
void       jd_case_page_set_case             (JdCasePage    *self,
                                              JdCase        *kase,
                                              JdCaseChecker *checker);
JdCase    *jd_case_page_get_case             (JdCasePage    *self);
/* Builds the page again, after the rules' profile or date changed. */
void       jd_case_page_refresh              (JdCasePage    *self);
/* The rows showing a finding that failed or needs input: for tests. */
guint      jd_case_page_get_n_finding_rows   (JdCasePage    *self);

G_END_DECLS
