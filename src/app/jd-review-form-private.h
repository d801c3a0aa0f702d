#pragma once

#include "jd-review-form.h"

G_BEGIN_DECLS

/* What jd-review-form.c (the form) and jd-review-form-print.c (its written opinion) share. */

/* Positions of the result row's model (jd-review-form.ui). */
enum { RESULT_APPROVED, RESULT_WITH_CHANGES, RESULT_REJECTED };

/* One review point's widgets. */

typedef struct
{
  AdwPreferencesGroup *group;
  AdwActionRow        *finding_row;
  GtkImage            *finding_icon;
  AdwComboRow         *verdict_row;
  AdwEntryRow         *opinion_row;
  char                *finding;
} Point;

struct _JdReviewForm
{
  GtkWidget            parent_instance;

  /* template widgets */
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkBox              *content_box;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  AdwPreferencesGroup *rules_group;
  GtkBox              *points_box;
  AdwComboRow         *result_row;
  AdwEntryRow         *rereviewed_row;
  AdwComboRow         *reviewer_row;
  AdwEntryRow         *date_row;
  AdwPreferencesGroup *copies_group;
  GtkSwitch           *case_file_switch;
  GtkSwitch           *archived_switch;

  Point                points[JD_REVIEW_N_POINTS];
  GPtrArray           *rule_rows;      /* rows of rules_group, to remove on the next case */
  GPtrArray           *reviewer_ids;   /* officer ids, in the order of reviewer_row */

  /* owned references */
  JdCase              *kase;
  JdCaseChecker       *checker;
  GtkFileChooserNative *chooser;

  gboolean             updating;         /* the form is being filled, not edited */
  gboolean             result_chosen;    /* the reviewer set the result themselves */
};


static inline const char *
jd_review_str (JsonObject *object,
               const char *member)
{
  if (object == NULL)
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

const char      *jd_review_form_point_title       (guint          i);
void             jd_review_form_toast             (JdReviewForm  *self,
                                                   const char    *text);
JdReviewVerdict  jd_review_form_point_verdict     (JdReviewForm  *self,
                                                   guint          i);
char            *jd_review_form_party_names       (JdCase        *kase);
const char      *jd_review_form_officer_name      (JdReviewForm  *self,
                                                   const char    *id);
/* The text of @editable without the spaces around it. */
char            *jd_review_form_stripped          (GtkEditable   *editable);
void             jd_review_form_print_clicked_cb  (JdReviewForm  *self);
void             jd_review_form_export_clicked_cb (JdReviewForm  *self);

G_END_DECLS
