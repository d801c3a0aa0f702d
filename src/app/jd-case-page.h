#pragma once

#include <gtk/gtk.h>

#include "jd-case-checker.h"
#include "jd-case-editor.h"
#include "jd-record-dialog.h"

G_BEGIN_DECLS

/* The detail of one case: its parties, officers, stages, records, documents, evidence, decision,
 * review and publication, each a group of rows, with the findings of the rules shown in the group
 * they are about; the whole-process records as a timeline with the gaps the rules find. Its Edit
 * mode (JdCaseEditor) changes the main fields; "Add Record…" and "Correct…" add records
 * (JdRecordDialog). After either writes, the page emits "case-saved". */

#define JD_TYPE_CASE_PAGE (jd_case_page_get_type ())

G_DECLARE_FINAL_TYPE (JdCasePage, jd_case_page, JD, CASE_PAGE, GtkWidget)

GtkWidget *jd_case_page_new                  (void);
void       jd_case_page_set_case             (JdCasePage    *self,
                                              JdCase        *kase,
                                              JdCaseChecker *checker);
JdCase    *jd_case_page_get_case             (JdCasePage    *self);
/* Builds the page again, after the rules' profile or date changed. */
void       jd_case_page_refresh              (JdCasePage    *self);
/* Edit mode: the main fields as rows checked as they are typed. */
void            jd_case_page_set_editing   (JdCasePage    *self,
                                            gboolean       editing);
gboolean        jd_case_page_get_editing   (JdCasePage    *self);
/* The editor shown in edit mode, or NULL. */
JdCaseEditor   *jd_case_page_get_editor    (JdCasePage    *self);
/* Opens "Add Record…" for the case, or a correction of its record @corrects. */
JdRecordDialog *jd_case_page_add_record    (JdCasePage    *self,
                                            const char    *corrects);
/* The rows showing a finding that failed or needs input: for tests. */
guint      jd_case_page_get_n_finding_rows   (JdCasePage    *self);

G_END_DECLS
