#pragma once

#include <gtk/gtk.h>

#include "jd-case-checker.h"
#include "jd-case-list-model.h"

G_BEGIN_DECLS

/* The Cases view: a search entry, filters by agency, action type, findings and opening month,
 * and a column view over a JdCaseListModel, with the findings of each visible case summarised
 * in its last column. Emits "case-activated" when a row is activated. */

/* The choices of the findings filter, in its order. */
typedef enum
{
  JD_CASE_FINDINGS_ANY,
  JD_CASE_FINDINGS_ERRORS,    /* with errors */
  JD_CASE_FINDINGS_OVERDUE,   /* a deadline passed before the "as of" date */
  JD_CASE_FINDINGS_DUE_7,     /* due within 7 days, overdue ones included */
  JD_CASE_FINDINGS_DUE_30,
} JdCaseFindings;

#define JD_TYPE_CASE_LIST (jd_case_list_get_type ())

G_DECLARE_FINAL_TYPE (JdCaseList, jd_case_list, JD, CASE_LIST, GtkWidget)

GtkWidget       *jd_case_list_new              (void);
void             jd_case_list_set_model        (JdCaseList      *self,
                                                JdCaseListModel *model,
                                                JdCaseChecker   *checker);
JdCaseListModel *jd_case_list_get_model        (JdCaseList      *self);
GtkColumnView   *jd_case_list_get_column_view  (JdCaseList      *self);
GtkSearchEntry  *jd_case_list_get_search_entry (JdCaseList      *self);
/* As a click on the header of column @column (0: number, 1: title, 2: agency, 3: action type,
 * 4: opened, 5: findings): for tests. */
void             jd_case_list_sort_by (JdCaseList  *self,
                                       guint        column,
                                       GtkSortType  direction);
/* Any findings, with errors, overdue, due within 7 or 30 days: for tests. */
GtkDropDown     *jd_case_list_get_findings_dropdown (JdCaseList *self);
/* All agencies, then every agency by name. */
GtkDropDown     *jd_case_list_get_agency_dropdown   (JdCaseList *self);
GtkDropDown     *jd_case_list_get_type_dropdown     (JdCaseList *self);
void             jd_case_list_focus_search     (JdCaseList      *self);
/* Shows the cases of agency @agency_id and of @action_type (NULL: all), with @findings, opened
 * in @opened_month ("YYYY-MM", or NULL for any), whatever was searched or filtered before; the
 * drop-downs show these filters. */
void             jd_case_list_set_filters      (JdCaseList      *self,
                                                const char      *agency_id,
                                                const char      *action_type,
                                                JdCaseFindings   findings,
                                                const char      *opened_month);
/* The month of the opening filter ("YYYY-MM"), or NULL. */
const char      *jd_case_list_get_opened_month (JdCaseList      *self);

G_END_DECLS
