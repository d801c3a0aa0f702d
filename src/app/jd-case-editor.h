#pragma once

#include <gtk/gtk.h>

#include "jd-core.h"

G_BEGIN_DECLS

/* The case page's edit mode: rows for a case's main fields (title, facts, parties with their ID
 * numbers or credit codes, the dates of its stages, the decision), checked as they are typed.
 * A row that does not hold a valid value shows why, and Save stays off until every row does.
 * Emits "save" or "cancel"; the page writes the case. */

#define JD_TYPE_CASE_EDITOR (jd_case_editor_get_type ())

G_DECLARE_FINAL_TYPE (JdCaseEditor, jd_case_editor, JD, CASE_EDITOR, GtkWidget)

GtkWidget  *jd_case_editor_new         (JdCase       *kase);
gboolean    jd_case_editor_is_valid    (JdCaseEditor *self);
/* The first problem, as "row: what is wrong", or NULL. */
const char *jd_case_editor_get_problem (JdCaseEditor *self);
/* A new case: the one edited with the rows' values. */
JdCase     *jd_case_editor_dup_case    (JdCaseEditor *self);
/* Shows a problem the store found when saving. */
void        jd_case_editor_show_error  (JdCaseEditor *self,
                                        const char   *message);

G_END_DECLS
