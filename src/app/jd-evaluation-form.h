#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The form of a new case-file evaluation (案卷评查): the agency, the year and date, the four
 * scores and the cases evaluated by number. It checks what is typed as it is typed and saves
 * the evaluation in one transaction of the store. */

#define JD_TYPE_EVALUATION_FORM (jd_evaluation_form_get_type ())

G_DECLARE_FINAL_TYPE (JdEvaluationForm, jd_evaluation_form, JD, EVALUATION_FORM, AdwWindow)

typedef struct _JdWindow JdWindow;

JdEvaluationForm *jd_evaluation_form_new          (JdWindow         *window);
/* Chooses agency @agency_id; FALSE when it is not on the roster. */
gboolean          jd_evaluation_form_set_agency   (JdEvaluationForm *self,
                                                   const char       *agency_id);
/* What keeps the form from being saved, one problem a line; "" when it can be. */
const char       *jd_evaluation_form_get_problems (JdEvaluationForm *self);

G_END_DECLS
