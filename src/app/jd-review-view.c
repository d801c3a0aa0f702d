#include "jd-review-view.h"

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-store-review.h"
#include "jd-window.h"

struct _JdReviewView
{
  GtkWidget       parent_instance;

  /* template widgets */
  AdwWindowTitle *window_title;
  GtkLabel       *queue_heading;
  GtkStack       *queue_stack;
  GtkListBox     *queue_list;
  GtkButton      *more_button;
  AdwStatusPage  *empty_page;
  JdReviewForm   *form;

  /* not owned: the window owns this view */
  JdWindow       *window;

  GPtrArray      *cases;     /* JdCase, in the order of the rows */
  gint64          n_queued;
  char            as_of[11];
};

G_DEFINE_FINAL_TYPE (JdReviewView, jd_review_view, GTK_TYPE_WIDGET)

static void
jd_review_view_dispose (GObject *object)
{
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_REVIEW_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (jd_review_view_parent_class)->dispose (object);
}

static void
jd_review_view_finalize (GObject *object)
{
  JdReviewView *self = JD_REVIEW_VIEW (object);

  g_clear_pointer (&self->cases, g_ptr_array_unref);

  G_OBJECT_CLASS (jd_review_view_parent_class)->finalize (object);
}

static void
row_activated_cb (JdReviewView  *self,
                  GtkListBoxRow *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0 && (guint) index < self->cases->len)
    jd_review_form_set_case (self->form, self->cases->pdata[index]);
}

/* How long is left for the written opinion, in working days from the "as of" date. */
static GtkWidget *
countdown_label (JdReviewView *self,
                 JdCase       *kase,
                 char        **due_text)
{
  JdCaseChecker *checker = jd_window_get_checker (self->window);
  JdProfile *profile = jd_case_checker_get_profile (checker);
  const GDate *as_of = jd_case_checker_get_as_of (checker);
  JsonObject *review = jd_case_get_review (kase);
  const char *submitted = json_object_get_string_member_with_default (review, "submitted_on",
                                                                       "");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *label;
  GDate start, due;
  int limit, left;

  *due_text = NULL;
  g_date_clear (&start, 1);
  g_date_set_parse (&start, submitted);
  if (profile == NULL || as_of == NULL || !g_date_valid (&start) ||
      !jd_profile_get_limit (profile, "review_duration_wd", &limit))
    {
      label = gtk_label_new (_("No time limit"));
      gtk_widget_add_css_class (label, "dim-label");
      return label;
    }

  if (!jd_calendar_add_workdays (jd_calendar_get_default (), &start, limit, &due, &error) ||
      !jd_calendar_count_workdays (jd_calendar_get_default (), as_of, &due, &left, &error))
    {
      label = gtk_label_new (_("Deadline unknown"));
      gtk_widget_set_tooltip_text (label, error->message);
      gtk_widget_add_css_class (label, "warning");
      return label;
    }

  *due_text = jd_format_gdate (&due);
  if (left > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day left",
                                         "%d working days left", left),
                            left);
  else if (left == 0)
    text = g_strdup (_("Due today"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d working day",
                                         "Overdue by %d working days", -left),
                            -left);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, left < 0 ? "error" : left <= 1 ? "warning" : "success");
  gtk_widget_add_css_class (label, "caption-heading");
  g_object_set_data (G_OBJECT (label), "overdue", GINT_TO_POINTER (left < 0));
  return label;
}

static GtkWidget *
queue_row (JdReviewView *self,
           JdCase       *kase)
{
  JsonObject *review = jd_case_get_review (kase);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *number = gtk_label_new (jd_case_get_number (kase));
  GtkWidget *title = gtk_label_new (jd_case_get_title (kase));
  g_autofree char *due = NULL;
  GtkWidget *countdown = countdown_label (self, kase, &due);
  g_autofree char *submitted = jd_format_date (
    json_object_get_string_member_with_default (review, "submitted_on", ""));
  g_autofree char *dates = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *detail;

  dates = due != NULL ? g_strdup_printf (_("Submitted %s · due %s"), submitted, due)
                      : g_strdup_printf (_("Submitted %s"), submitted);
  detail = gtk_label_new (dates);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_top (grid, 6);
  gtk_widget_set_margin_bottom (grid, 6);
  gtk_label_set_xalign (GTK_LABEL (number), 0);
  gtk_label_set_ellipsize (GTK_LABEL (number), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (number, TRUE);
  gtk_widget_add_css_class (number, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_halign (countdown, GTK_ALIGN_END);
  gtk_grid_attach (GTK_GRID (grid), number, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), countdown, 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), title, 0, 1, 2, 1);
  gtk_grid_attach (GTK_GRID (grid), detail, 0, 2, 2, 1);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);

  accessible = g_strdup_printf ("%s, %s, %s, %s", jd_case_get_number (kase),
                                jd_case_get_title (kase), gtk_label_get_text (GTK_LABEL (countdown)),
                                dates);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return row;
}

static void
update_heading (JdReviewView *self)
{
  g_autofree char *date = jd_format_date (self->as_of);
  g_autofree char *heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "%lld decision awaiting review on %s",
                                                           "%lld decisions awaiting review on %s",
                                                           (gulong) self->n_queued),
                                              (long long) self->n_queued, date);
  g_autofree char *empty = g_strdup_printf (_("No decision was submitted for review and left "
                                              "without an opinion on %s."),
                                            date);

  gtk_label_set_text (self->queue_heading, heading);
  adw_status_page_set_description (self->empty_page, empty);
  gtk_stack_set_visible_child_name (self->queue_stack, self->n_queued > 0 ? "list" : "empty");
  gtk_widget_set_visible (GTK_WIDGET (self->more_button),
                          (gint64) self->cases->len < self->n_queued);
}

/* Appends the next page of the queue. */
static void
load_page (JdReviewView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page = NULL;

  page = jd_store_list_review_queue (jd_window_get_store (self->window), self->as_of,
                                     self->cases->len, JD_REVIEW_VIEW_PAGE_SIZE, &error);
  if (page == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The review queue could not be read: %s"),
                                               error->message);

      jd_window_toast (self->window, text);
      return;
    }
  for (guint i = 0; i < page->len; i++)
    {
      g_ptr_array_add (self->cases, g_object_ref (page->pdata[i]));
      gtk_list_box_append (self->queue_list, queue_row (self, page->pdata[i]));
    }
  update_heading (self);
}

static void
more_clicked_cb (JdReviewView *self)
{
  load_page (self);
}

void
jd_review_view_reload (JdReviewView *self)
{
  g_autoptr(GError) error = NULL;
  const GDate *as_of;
  GtkWidget *child;

  g_return_if_fail (JD_IS_REVIEW_VIEW (self));

  if (self->window == NULL)
    return;
  as_of = jd_case_checker_get_as_of (jd_window_get_checker (self->window));
  if (as_of == NULL || !g_date_valid (as_of))
    return;
  g_snprintf (self->as_of, sizeof self->as_of, "%04d-%02d-%02d", g_date_get_year (as_of),
              g_date_get_month (as_of), g_date_get_day (as_of));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list))) != NULL)
    gtk_list_box_remove (self->queue_list, child);
  g_ptr_array_set_size (self->cases, 0);

  self->n_queued = jd_store_count_review_queue (jd_window_get_store (self->window), self->as_of,
                                                &error);
  if (self->n_queued < 0)
    {
      g_autofree char *text = g_strdup_printf (_("The review queue could not be read: %s"),
                                               error->message);

      self->n_queued = 0;
      jd_window_toast (self->window, text);
    }
  load_page (self);
}

static void
saved_cb (JdReviewView *self)
{
  JdCase *kase = jd_review_form_get_case (self->form);

  jd_review_view_reload (self);
  /* The reviewed case stays selected when it still waits (a review dated after "as of"). */
  for (guint i = 0; kase != NULL && i < self->cases->len; i++)
    if (g_strcmp0 (jd_entity_get_id (self->cases->pdata[i]),
                   jd_entity_get_id (JD_ENTITY (kase))) == 0)
      gtk_list_box_select_row (self->queue_list,
                               gtk_list_box_get_row_at_index (self->queue_list, i));
}

static void
jd_review_view_class_init (JdReviewViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_review_view_dispose;
  object_class->finalize = jd_review_view_finalize;

  g_type_ensure (JD_TYPE_REVIEW_FORM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-review-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewView, window_title);
  gtk_widget_class_bind_template_child (widget_class, JdReviewView, queue_heading);
  gtk_widget_class_bind_template_child (widget_class, JdReviewView, queue_stack);
  gtk_widget_class_bind_template_child (widget_class, JdReviewView, queue_list);
  gtk_widget_class_bind_template_child (widget_class, JdReviewView, more_button);
  gtk_widget_class_bind_template_child (widget_class, JdReviewView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, JdReviewView, form);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, saved_cb);
}

static void
jd_review_view_init (JdReviewView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cases = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
checker_changed_cb (JdReviewView *self)
{
  jd_review_view_reload (self);
  if (jd_review_form_get_case (self->form) != NULL)
    jd_review_form_set_case (self->form, jd_review_form_get_case (self->form));
}

void
jd_review_view_set_window (JdReviewView *self,
                           JdWindow     *window)
{
  g_return_if_fail (JD_IS_REVIEW_VIEW (self));
  g_return_if_fail (JD_IS_WINDOW (window));

  self->window = window;
  jd_review_form_set_checker (self->form, jd_window_get_checker (window));
  g_signal_connect_object (window, "reloaded", G_CALLBACK (checker_changed_cb), self,
                           G_CONNECT_SWAPPED);
  /* A new profile or "as of" date: other deadlines, another queue. */
  g_signal_connect_object (jd_window_get_settings (window), "changed::as-of-date",
                           G_CALLBACK (checker_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (jd_window_get_settings (window), "changed::profile",
                           G_CALLBACK (checker_changed_cb), self, G_CONNECT_SWAPPED);
  jd_review_view_reload (self);
}

void
jd_review_view_open_case (JdReviewView *self,
                          JdCase       *kase)
{
  g_return_if_fail (JD_IS_REVIEW_VIEW (self));

  gtk_list_box_unselect_all (self->queue_list);
  for (guint i = 0; kase != NULL && i < self->cases->len; i++)
    if (g_strcmp0 (jd_entity_get_id (self->cases->pdata[i]),
                   jd_entity_get_id (JD_ENTITY (kase))) == 0)
      gtk_list_box_select_row (self->queue_list,
                               gtk_list_box_get_row_at_index (self->queue_list, i));
  jd_review_form_set_case (self->form, kase);
}

JdReviewForm *
jd_review_view_get_form (JdReviewView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_VIEW (self), NULL);

  return self->form;
}

GtkListBox *
jd_review_view_get_queue (JdReviewView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_VIEW (self), NULL);

  return self->queue_list;
}

gint64
jd_review_view_get_n_queued (JdReviewView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_VIEW (self), 0);

  return self->n_queued;
}

guint
jd_review_view_get_n_shown (JdReviewView *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_VIEW (self), 0);

  return self->cases->len;
}
