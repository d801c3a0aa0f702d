#include "jd-review-form-private.h"

#include <glib/gi18n-lib.h>

#include "jd-format.h"

/* The written opinion of the review (法制审核意见书) from what the form holds: printed with
 * GtkPrintOperation, exported as a PDF, and the two copies asked for afterwards. */

static const char *
verdict_label (JdReviewVerdict verdict)
{
  switch (verdict)
    {
    case JD_REVIEW_VERDICT_PASS:
      return _("Complies");
    case JD_REVIEW_VERDICT_FAIL:
      return _("Does not comply");
    case JD_REVIEW_VERDICT_NOT_APPLICABLE:
      return _("Not applicable");
    case JD_REVIEW_VERDICT_NONE:
    default:
      return _("Not yet decided");
    }
}

static const char *
result_label (guint result)
{
  switch (result)
    {
    case RESULT_APPROVED:
      return _("Approved: the decision may be taken as proposed.");
    case RESULT_WITH_CHANGES:
      return _("Approved with changes: the decision may be taken once the points above are "
               "corrected.");
    case RESULT_REJECTED:
    default:
      return _("Not approved: correct the points above and submit the case for review again.");
    }
}

JdReviewOpinion *
jd_review_form_build_opinion (JdReviewForm  *self,
                              GError       **error)
{
  g_autoptr(JdReviewOpinion) opinion = NULL;
  JsonObject *review;
  g_autofree char *parties = NULL;
  g_autofree char *date = NULL;
  g_autofree char *line = NULL;
  g_autofree char *rereviewed = NULL;
  const char *submitted;
  const char *reviewer;

  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), NULL);

  if (!jd_review_form_validate (self, error))
    return NULL;

  review = jd_case_get_review (self->kase);
  parties = jd_review_form_party_names (self->kase);
  opinion = jd_review_opinion_new ();
  jd_review_opinion_add (opinion, JD_OPINION_TITLE, _("Legal Review Opinion"));
  line = g_strdup_printf (_("Case number: %s"), jd_case_get_number (self->kase));
  jd_review_opinion_add (opinion, JD_OPINION_NUMBER, line);
  g_clear_pointer (&line, g_free);

  line = g_strdup_printf (_("Case: %s"), jd_case_get_title (self->kase));
  jd_review_opinion_add (opinion, JD_OPINION_FIELD, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (_("Party: %s"), *parties != '\0' ? parties : _("not recorded"));
  jd_review_opinion_add (opinion, JD_OPINION_FIELD, line);
  g_clear_pointer (&line, g_free);
  line = g_strdup_printf (_("Submitted by: %s"),
                          jd_case_checker_agency_name (self->checker,
                                                       jd_case_get_agency_id (self->kase)));
  jd_review_opinion_add (opinion, JD_OPINION_FIELD, line);
  g_clear_pointer (&line, g_free);
  submitted = jd_review_str (review, "submitted_on");
  if (submitted != NULL)
    {
      g_autofree char *formatted = jd_format_date (submitted);

      line = g_strdup_printf (_("Submitted for review on: %s"), formatted);
      jd_review_opinion_add (opinion, JD_OPINION_FIELD, line);
      g_clear_pointer (&line, g_free);
    }

  jd_review_opinion_add (opinion, JD_OPINION_BODY,
                         _("Under the rules on the legal review of major administrative "
                           "enforcement decisions, the proposed decision in this case and its "
                           "materials were reviewed. The opinion on each review point is as "
                           "follows."));

  for (guint p = 0; p < JD_REVIEW_N_POINTS; p++)
    {
      g_autofree char *text = jd_review_form_stripped (GTK_EDITABLE (self->points[p].opinion_row));

      line = g_strdup_printf ("%u. %s", p + 1, jd_review_form_point_title (p));
      jd_review_opinion_add (opinion, JD_OPINION_HEADING, line);
      g_clear_pointer (&line, g_free);
      line = g_strdup_printf (_("Verdict: %s. %s"), verdict_label (jd_review_form_point_verdict (self, p)),
                              *text != '\0' ? text : "");
      jd_review_opinion_add (opinion, JD_OPINION_BODY, line);
      g_clear_pointer (&line, g_free);
    }

  jd_review_opinion_add (opinion, JD_OPINION_HEADING, _("Conclusion"));
  jd_review_opinion_add (opinion, JD_OPINION_BODY,
                         result_label (adw_combo_row_get_selected (self->result_row)));
  rereviewed = jd_review_form_stripped (GTK_EDITABLE (self->rereviewed_row));
  if (adw_combo_row_get_selected (self->result_row) == RESULT_REJECTED && *rereviewed != '\0')
    {
      g_autofree char *formatted = jd_format_date (rereviewed);

      line = g_strdup_printf (_("Corrected and reviewed again on %s."), formatted);
      jd_review_opinion_add (opinion, JD_OPINION_BODY, line);
      g_clear_pointer (&line, g_free);
    }

  reviewer = jd_review_form_officer_name (self, self->reviewer_ids->pdata[adw_combo_row_get_selected (
                                   self->reviewer_row)]);
  line = g_strdup_printf (_("Reviewer: %s"), reviewer);
  jd_review_opinion_add (opinion, JD_OPINION_SIGNATURE, line);
  g_clear_pointer (&line, g_free);
  date = jd_format_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  jd_review_opinion_add (opinion, JD_OPINION_SIGNATURE, date);

  jd_review_opinion_add (opinion, JD_OPINION_NOTE,
                         _("Made in two copies: one for the case file, one archived by the "
                           "legal unit."));
  return g_steal_pointer (&opinion);
}

gboolean
jd_review_form_export_pdf (JdReviewForm  *self,
                           const char    *path,
                           GError       **error)
{
  g_autoptr(JdReviewOpinion) opinion = NULL;

  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  opinion = jd_review_form_build_opinion (self, error);
  return opinion != NULL && jd_review_opinion_write_pdf (opinion, path, error);
}

/* After a copy was made: the reviewer records where the two copies went. */
static void
ask_for_copies (JdReviewForm *self,
                const char   *done)
{
  g_autofree char *text = g_strdup_printf (_("%s Record its two copies below, then save."),
                                           done);

  jd_review_form_toast (self, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->case_file_switch));
}

static void
export_response_cb (JdReviewForm         *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        jd_review_form_toast (self, _("Choose a file on this computer to export the opinion to."));
      else if (!jd_review_form_export_pdf (self, path, &error))
        jd_review_form_toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *done = g_strdup_printf (_("The opinion was exported to “%s”."),
                                                   name);

          ask_for_copies (self, done);
        }
    }
  g_clear_object (&self->chooser);
}

void
jd_review_form_export_clicked_cb (JdReviewForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autoptr(JdReviewOpinion) check = NULL;
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    return;
  check = jd_review_form_build_opinion (self, &error);
  if (check == NULL)
    {
      jd_review_form_toast (self, error->message);
      return;
    }

  gtk_file_filter_set_name (pdf, _("PDF documents"));
  gtk_file_filter_add_suffix (pdf, "pdf");
  self->chooser = gtk_file_chooser_native_new (_("Export the Review Opinion"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), pdf);
  name = g_strdup_printf (_("Legal review opinion %s.pdf"), jd_case_get_number (self->kase));
  /* Case numbers hold no slash in practice; never let one make a folder. */
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                JdReviewForm      *self)
{
  guint n_pages = jd_review_opinion_paginate (g_object_get_data (G_OBJECT (operation), "opinion"),
                                              gtk_print_context_get_cairo_context (context));

  gtk_print_operation_set_n_pages (operation, n_pages);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              JdReviewForm      *self)
{
  jd_review_opinion_draw_page (g_object_get_data (G_OBJECT (operation), "opinion"),
                               gtk_print_context_get_cairo_context (context), page);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               JdReviewForm            *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      gtk_print_operation_get_error (operation, &error);
      text = g_strdup_printf (_("The opinion could not be printed: %s"),
                              error != NULL ? error->message : "");
      jd_review_form_toast (self, text);
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    ask_for_copies (self, _("The opinion was sent to the printer."));
}

/* A print operation of the written opinion on A4, in points; NULL with @error when the opinion
 * is incomplete. */
static GtkPrintOperation *
print_operation (JdReviewForm  *self,
                 GError       **error)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *job = NULL;
  JdReviewOpinion *opinion;

  opinion = jd_review_form_build_opinion (self, error);
  if (opinion == NULL)
    return NULL;

  operation = gtk_print_operation_new ();
  g_object_set_data_full (G_OBJECT (operation), "opinion", opinion,
                          (GDestroyNotify) jd_review_opinion_free);
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  job = g_strdup_printf (_("Legal review opinion %s"), jd_case_get_number (self->kase));
  gtk_print_operation_set_job_name (operation, job);
  g_signal_connect_object (operation, "begin-print", G_CALLBACK (begin_print_cb), self, 0);
  g_signal_connect_object (operation, "draw-page", G_CALLBACK (draw_page_cb), self, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  return operation;
}

gboolean
jd_review_form_print_to_file (JdReviewForm  *self,
                              const char    *path,
                              GError       **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = print_operation (self, error);
  if (operation == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}

void
jd_review_form_print_clicked_cb (JdReviewForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = print_operation (self, &error);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (operation == NULL)
    {
      jd_review_form_toast (self, error->message);
      return;
    }
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *text = g_strdup_printf (_("The opinion could not be printed: %s"),
                                               error->message);

      jd_review_form_toast (self, text);
    }
}
