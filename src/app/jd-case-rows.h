#pragma once

#include <gio/gio.h>

#include "jd-case-list-model.h"

G_BEGIN_DECLS

/* The rows of the case list as the column view sees them: one JdCaseRow per position, which
 * keeps its object while the list shows it and takes the case now at its position when a search
 * or filter changes the list. GTK 4.8 keeps the row widgets of an unchanged item only, so a model
 * whose items all changed had it destroy and make again the 200 rows it keeps around the visible
 * ones at every key typed; here only the count's difference at the end of the list changes. */

#define JD_TYPE_CASE_ROW (jd_case_row_get_type ())

G_DECLARE_FINAL_TYPE (JdCaseRow, jd_case_row, JD, CASE_ROW, GObject)

/* The case at the row's position, or NULL (a case deleted since the count). */
JdCase     *jd_case_row_get_case  (JdCaseRow       *self);

#define JD_TYPE_CASE_ROWS (jd_case_rows_get_type ())

G_DECLARE_FINAL_TYPE (JdCaseRows, jd_case_rows, JD, CASE_ROWS, GObject)

JdCaseRows *jd_case_rows_new      (JdCaseListModel *cases);

G_END_DECLS
