#pragma once

#include <adwaita.h>

#include "jd-case-checker.h"

G_BEGIN_DECLS

/* "Add Record…": a form for one new whole-process record of a case, or a correction of one of
 * its records, checked as it is typed (a time not in the future, a matter, at least one officer
 * of the case). Saving writes the record through the store and emits "saved"; records are never
 * changed, so a correction is a new record whose "corrects" names the old one. */

#define JD_TYPE_RECORD_DIALOG (jd_record_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JdRecordDialog, jd_record_dialog, JD, RECORD_DIALOG, AdwWindow)

/* @corrects: the id of the record to correct, or NULL for a new record. */
JdRecordDialog *jd_record_dialog_new           (JdCaseChecker  *checker,
                                                JdCase         *kase,
                                                const char     *corrects);
/* Whether the form holds a record that can be saved; the problem when not. */
gboolean        jd_record_dialog_is_valid      (JdRecordDialog *self);
const char     *jd_record_dialog_get_problem   (JdRecordDialog *self);
/* Writes the record (what the Save button does). */
gboolean        jd_record_dialog_save          (JdRecordDialog *self,
                                                GError        **error);

G_END_DECLS
