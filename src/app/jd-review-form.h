#pragma once

#include <adwaita.h>

#include "jd-case-checker.h"
#include "jd-review-opinion.h"

G_BEGIN_DECLS

/* The workspace of one legal review (法制审核): the 9 review points, each with what the rules
 * found about it and the reviewer's verdict and opinion; the overall result, the reviewer and
 * the date; the two copies of the written opinion. Saving writes the case's "review" through the
 * store (one transaction, audited and queued for sync). */

#define JD_TYPE_REVIEW_FORM (jd_review_form_get_type ())

G_DECLARE_FINAL_TYPE (JdReviewForm, jd_review_form, JD, REVIEW_FORM, GtkWidget)

#define JD_REVIEW_N_POINTS 9

typedef enum
{
  JD_REVIEW_VERDICT_NONE,
  JD_REVIEW_VERDICT_PASS,
  JD_REVIEW_VERDICT_FAIL,
  JD_REVIEW_VERDICT_NOT_APPLICABLE,
} JdReviewVerdict;

#define JD_REVIEW_FORM_ERROR (jd_review_form_error_quark ())

typedef enum
{
  JD_REVIEW_FORM_ERROR_INVALID,  /* what the reviewer entered is incomplete or wrong */
} JdReviewFormError;

GQuark           jd_review_form_error_quark    (void);

void             jd_review_form_set_checker    (JdReviewForm   *self,
                                                JdCaseChecker  *checker);
/* Shows the review of @kase (NULL: nothing selected), read again from the store. */
void             jd_review_form_set_case       (JdReviewForm   *self,
                                                JdCase         *kase);
JdCase          *jd_review_form_get_case       (JdReviewForm   *self);
/* The widgets of review point @point (1 to 9): for keyboard focus and tests. */
AdwComboRow     *jd_review_form_get_verdict_row (JdReviewForm  *self,
                                                 guint          point);
AdwEntryRow     *jd_review_form_get_opinion_row (JdReviewForm  *self,
                                                 guint          point);
/* The automated findings shown for point @point. */
const char      *jd_review_form_get_finding     (JdReviewForm  *self,
                                                 guint          point);
/* Checks what was entered; the first problem in @error, and its row marked. */
gboolean         jd_review_form_validate       (JdReviewForm   *self,
                                                GError        **error);
/* Validates, then writes the review into the case. */
gboolean         jd_review_form_save           (JdReviewForm   *self,
                                                GError        **error);
/* The written opinion as entered; NULL with @error when it is incomplete. */
JdReviewOpinion *jd_review_form_build_opinion  (JdReviewForm   *self,
                                                GError        **error);
gboolean         jd_review_form_export_pdf     (JdReviewForm   *self,
                                                const char     *path,
                                                GError        **error);
/* Runs the print operation of the opinion without a dialog, exporting to a PDF at @path, as
 * GtkPrintOperation does for "Print to File". */
gboolean         jd_review_form_print_to_file  (JdReviewForm   *self,
                                                const char     *path,
                                                GError        **error);

G_END_DECLS
