#include "jd-dashboard-view.h"

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-rosters-view.h"
#include "jd-store-stats.h"
#include "jd-window.h"

/* Agencies shown in a chart unless every one is asked for. */
#define TOP_AGENCIES 10
#define N_MONTHS 12

/* What one count found, made on the worker thread. */
typedef struct
{
  GDate      as_of;
  GPtrArray *agencies;      /* JdAgencyCaseCounts */
  GPtrArray *months;        /* JdCaseCount */
  GPtrArray *types;         /* JdCaseCount */
  GPtrArray *certificates;  /* JdAgencyCertificateCounts */
} Counts;

struct _JdDashboardView
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *box;
  AdwWindowTitle  *title;
  GtkSpinner      *spinner;
  GtkToggleButton *show_all_button;
  GtkRevealer     *update_revealer;
  GtkLabel        *update_label;
  GtkProgressBar  *update_progress;
  GtkLabel        *agency_caption;
  GtkLabel        *month_caption;
  GtkLabel        *type_caption;
  GtkLabel        *certificate_caption;
  JdBarChart      *agency_chart;
  JdBarChart      *month_chart;
  JdBarChart      *type_chart;
  JdBarChart      *certificate_chart;

  JdWindow        *window;        /* not owned: it owns the view */
  /* The connection the counts run on, one at a time, on a worker thread. */
  JdStore         *worker_store;
  GCancellable    *cancellable;
  Counts          *counts;        /* the last counts shown */
  guint            reload_id;     /* an idle that starts a count */
  gboolean         running;
  gboolean         pending;       /* another count once the one running is done */
  gboolean         stale;         /* to count when next shown */
};

G_DEFINE_FINAL_TYPE (JdDashboardView, jd_dashboard_view, GTK_TYPE_WIDGET)

static void
counts_free (Counts *counts)
{
  if (counts == NULL)
    return;
  g_clear_pointer (&counts->agencies, g_ptr_array_unref);
  g_clear_pointer (&counts->months, g_ptr_array_unref);
  g_clear_pointer (&counts->types, g_ptr_array_unref);
  g_clear_pointer (&counts->certificates, g_ptr_array_unref);
  g_free (counts);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Counts, counts_free)

typedef struct
{
  JdStore *store;
  GDate    as_of;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->store);
  g_free (job);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(Counts) counts = g_new0 (Counts, 1);
  g_autoptr(GError) error = NULL;

  counts->as_of = job->as_of;
  if ((counts->agencies = jd_store_count_cases_by_agency (job->store, &job->as_of, &error))
        == NULL
      || (counts->months = jd_store_count_cases_by_month (job->store, &job->as_of, N_MONTHS,
                                                          &error)) == NULL
      || (counts->types = jd_store_count_cases_by_action_type (job->store, &error)) == NULL
      || (counts->certificates = jd_store_count_certificates_by_agency (job->store, &job->as_of,
                                                                        &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&counts), (GDestroyNotify) counts_free);
}

/* Charts */

typedef struct
{
  char  *key;
  guint  series;
} FocusedBar;

static void
focused_bar_clear (FocusedBar *focused)
{
  g_clear_pointer (&focused->key, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FocusedBar, focused_bar_clear)

/* The bar of @chart that has the keyboard focus, to give it back after the chart is rebuilt. */
static gboolean
find_focused_bar (JdBarChart *chart,
                  FocusedBar *focused)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (chart));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; focus != NULL && i < jd_bar_chart_get_n_rows (chart); i++)
    for (guint s = 0; s < jd_bar_chart_get_n_series (chart); s++)
      if (jd_bar_chart_get_bar (chart, i, s) == focus)
        {
          focused->key = g_strdup (jd_bar_chart_get_key (chart, i));
          focused->series = s;
          return TRUE;
        }
  return FALSE;
}

static void
restore_focused_bar (JdBarChart *chart,
                     FocusedBar *focused)
{
  for (guint i = 0; i < jd_bar_chart_get_n_rows (chart); i++)
    if (g_strcmp0 (jd_bar_chart_get_key (chart, i), focused->key) == 0)
      {
        gtk_widget_grab_focus (jd_bar_chart_get_bar (chart, i, focused->series));
        break;
      }
  g_clear_pointer (&focused->key, g_free);
}

/* @array's items in another array, which frees none of them. */
static GPtrArray *
borrow (GPtrArray *array)
{
  GPtrArray *copy = g_ptr_array_copy (array, NULL, NULL);

  g_ptr_array_set_free_func (copy, NULL);
  return copy;
}

static int
compare_agency_cases (gconstpointer a,
                      gconstpointer b)
{
  const JdAgencyCaseCounts *x = *(JdAgencyCaseCounts **) a;
  const JdAgencyCaseCounts *y = *(JdAgencyCaseCounts **) b;

  if (x->n_with_errors != y->n_with_errors)
    return x->n_with_errors < y->n_with_errors ? 1 : -1;
  if (x->n_overdue != y->n_overdue)
    return x->n_overdue < y->n_overdue ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

static int
compare_agency_certificates (gconstpointer a,
                             gconstpointer b)
{
  const JdAgencyCertificateCounts *x = *(JdAgencyCertificateCounts **) a;
  const JdAgencyCertificateCounts *y = *(JdAgencyCertificateCounts **) b;

  if (x->n_expired + x->n_expiring != y->n_expired + y->n_expiring)
    return x->n_expired + x->n_expiring < y->n_expired + y->n_expiring ? 1 : -1;
  if (x->n_expired != y->n_expired)
    return x->n_expired < y->n_expired ? 1 : -1;
  return g_utf8_collate (x->name, y->name);
}

static int
compare_case_counts (gconstpointer a,
                     gconstpointer b)
{
  const JdCaseCount *x = *(JdCaseCount **) a;
  const JdCaseCount *y = *(JdCaseCount **) b;

  if (x->n_cases != y->n_cases)
    return x->n_cases < y->n_cases ? 1 : -1;
  return g_strcmp0 (x->key, y->key);
}

static void
show_agencies (JdDashboardView *self,
               gboolean         all)
{
  g_autoptr(GPtrArray) sorted = borrow (self->counts->agencies);
  g_auto(FocusedBar) focused = { 0 };
  gboolean had_focus = find_focused_bar (self->agency_chart, &focused);
  g_autofree char *as_of = jd_format_gdate (&self->counts->as_of);
  g_autofree char *caption = NULL;
  gint64 n_errors = 0, n_overdue = 0;
  guint shown = 0;

  g_ptr_array_sort (sorted, compare_agency_cases);
  jd_bar_chart_remove_all (self->agency_chart);
  for (guint i = 0; i < sorted->len; i++)
    {
      JdAgencyCaseCounts *agency = sorted->pdata[i];
      gint64 values[] = { agency->n_with_errors, agency->n_overdue };

      n_errors += agency->n_with_errors;
      n_overdue += agency->n_overdue;
      if (!all && (shown >= TOP_AGENCIES || (values[0] == 0 && values[1] == 0)))
        continue;
      jd_bar_chart_append (self->agency_chart, agency->agency_id, agency->name, values);
      shown++;
    }
  if (had_focus)
    restore_focused_bar (self->agency_chart, &focused);

  /* TRANSLATORS: “12 cases with errors and 30 with a deadline passed before 2026年1月20日, in
   * all agencies” */
  caption = g_strdup_printf (_("%lld cases with errors and %lld with a deadline passed before "
                               "%s, in all agencies"),
                             (long long) n_errors, (long long) n_overdue, as_of);
  gtk_label_set_text (self->agency_caption, caption);
}

static void
show_certificates (JdDashboardView *self,
                   gboolean         all)
{
  g_autoptr(GPtrArray) sorted = borrow (self->counts->certificates);
  g_auto(FocusedBar) focused = { 0 };
  gboolean had_focus = find_focused_bar (self->certificate_chart, &focused);
  g_autofree char *as_of = jd_format_gdate (&self->counts->as_of);
  g_autofree char *caption = NULL;
  gint64 n_officers = 0;
  guint shown = 0;

  g_ptr_array_sort (sorted, compare_agency_certificates);
  jd_bar_chart_remove_all (self->certificate_chart);
  for (guint i = 0; i < sorted->len; i++)
    {
      JdAgencyCertificateCounts *agency = sorted->pdata[i];
      gint64 values[] = { agency->n_expiring, agency->n_expired };

      n_officers += agency->n_officers;
      if (!all && (shown >= TOP_AGENCIES || (values[0] == 0 && values[1] == 0)))
        continue;
      jd_bar_chart_append (self->certificate_chart, agency->agency_id, agency->name, values);
      shown++;
    }
  if (had_focus)
    restore_focused_bar (self->certificate_chart, &focused);

  /* TRANSLATORS: “Of 854 officers, as of 2026年1月20日: the certificate that ends last” */
  caption = g_strdup_printf (_("Officers whose last certificate ends within two months of %s, "
                               "or has ended; %lld officers in all"),
                             as_of, (long long) n_officers);
  gtk_label_set_text (self->certificate_caption, caption);
}

static void
show_months (JdDashboardView *self)
{
  GPtrArray *months = self->counts->months;
  g_auto(FocusedBar) focused = { 0 };
  gboolean had_focus = find_focused_bar (self->month_chart, &focused);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *caption = NULL;
  gint64 total = 0;

  jd_bar_chart_remove_all (self->month_chart);
  for (guint i = 0; i < months->len; i++)
    {
      JdCaseCount *month = months->pdata[i];
      g_autofree char *label = jd_format_month (month->key);

      jd_bar_chart_append (self->month_chart, month->key, label, &month->n_cases);
      total += month->n_cases;
    }
  if (had_focus)
    restore_focused_bar (self->month_chart, &focused);

  first = jd_format_month (((JdCaseCount *) months->pdata[0])->key);
  last = jd_format_month (((JdCaseCount *) months->pdata[months->len - 1])->key);
  /* TRANSLATORS: “1,234 cases opened from Feb 2025 to Jan 2026, by their first stage” */
  caption = g_strdup_printf (_("%lld cases opened from %s to %s, by the date of their first "
                               "stage"),
                             (long long) total, first, last);
  gtk_label_set_text (self->month_caption, caption);
}

static void
show_types (JdDashboardView *self)
{
  g_autoptr(GPtrArray) sorted = borrow (self->counts->types);
  g_auto(FocusedBar) focused = { 0 };
  gboolean had_focus = find_focused_bar (self->type_chart, &focused);
  g_autofree char *caption = NULL;
  gint64 total = 0;

  g_ptr_array_sort (sorted, compare_case_counts);
  jd_bar_chart_remove_all (self->type_chart);
  for (guint i = 0; i < sorted->len; i++)
    {
      JdCaseCount *type = sorted->pdata[i];

      jd_bar_chart_append (self->type_chart, type->key, jd_label_action_type (type->key),
                           &type->n_cases);
      total += type->n_cases;
    }
  if (had_focus)
    restore_focused_bar (self->type_chart, &focused);

  /* TRANSLATORS: the number of cases in the database */
  caption = g_strdup_printf (_("All %lld cases in the database"), (long long) total);
  gtk_label_set_text (self->type_caption, caption);
}

static void
show_counts (JdDashboardView *self)
{
  g_autofree char *as_of = NULL;
  g_autofree char *subtitle = NULL;
  gboolean all = gtk_toggle_button_get_active (self->show_all_button);

  if (self->counts == NULL)
    return;
  as_of = jd_format_gdate (&self->counts->as_of);
  /* TRANSLATORS: the "as of" date of the counts */
  subtitle = g_strdup_printf (_("As of %s"), as_of);
  adw_window_title_set_subtitle (self->title, subtitle);
  show_agencies (self, all);
  show_months (self);
  show_types (self);
  show_certificates (self, all);
}

static void
show_all_toggled_cb (JdDashboardView *self)
{
  if (self->counts != NULL)
    {
      gboolean all = gtk_toggle_button_get_active (self->show_all_button);

      show_agencies (self, all);
      show_certificates (self, all);
    }
}

/* Counting */

static void
update_busy (JdDashboardView *self)
{
  gboolean busy = jd_dashboard_view_is_busy (self);

  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
}

/* While the rules check every case, the counts of what they find are not final. */
static void
update_refresh_state (JdDashboardView *self)
{
  JdCaseChecker *checker;
  gboolean refreshing;

  if (self->window == NULL)
    return;
  checker = jd_window_get_checker (self->window);
  refreshing = jd_case_checker_is_refreshing (checker);
  gtk_revealer_set_reveal_child (self->update_revealer, refreshing);
  if (refreshing)
    {
      double fraction = jd_case_checker_get_refresh_fraction (checker);
      g_autofree char *text = NULL;

      /* TRANSLATORS: shown while the rules check every case in the background */
      text = g_strdup_printf (_("The rules are checking every case (%d%%): the counts of errors "
                                "and overdue deadlines are being updated."),
                              (int) (fraction * 100));
      gtk_label_set_text (self->update_label, text);
      gtk_progress_bar_set_fraction (self->update_progress, fraction);
    }
}

static void start_count (JdDashboardView *self);

static void
count_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdDashboardView *self = JD_DASHBOARD_VIEW (source);
  g_autoptr(GError) error = NULL;
  Counts *counts = g_task_propagate_pointer (G_TASK (result), &error);

  self->running = FALSE;
  if (self->window == NULL)
    {
      /* Disposed meanwhile. */
      counts_free (counts);
      return;
    }
  if (counts == NULL)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: the dashboard's counts failed; the error follows */
      text = g_strdup_printf (_("The dashboard could not count the cases: %s. Try “Count "
                                "Again”."),
                              error->message);
      jd_window_toast (self->window, text);
    }
  else
    {
      counts_free (self->counts);
      self->counts = counts;
      show_counts (self);
    }

  if (self->pending)
    {
      self->pending = FALSE;
      start_count (self);
    }
  update_busy (self);
}

static void
start_count (JdDashboardView *self)
{
  g_autoptr(GTask) task = NULL;
  const GDate *as_of;
  Job *job;

  if (self->window == NULL || self->worker_store == NULL)
    return;
  if (self->running)
    {
      self->pending = TRUE;
      return;
    }

  as_of = jd_case_checker_get_as_of (jd_window_get_checker (self->window));
  job = g_new0 (Job, 1);
  job->store = g_object_ref (self->worker_store);
  if (as_of != NULL)
    job->as_of = *as_of;
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&job->as_of, 1);
      g_date_set_dmy (&job->as_of, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }

  self->running = TRUE;
  task = g_task_new (self, self->cancellable, count_done_cb, NULL);
  g_task_set_source_tag (task, start_count);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, count_thread);
  update_busy (self);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  JdDashboardView *self = user_data;

  self->reload_id = 0;
  update_refresh_state (self);
  start_count (self);
  update_busy (self);
  return G_SOURCE_REMOVE;
}

void
jd_dashboard_view_reload (JdDashboardView *self)
{
  g_return_if_fail (JD_IS_DASHBOARD_VIEW (self));

  /* Counted when shown: a hidden view costs nothing. Requests that come together (a reload
   * changes the rules' data, then the window says so) make one count. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
  update_busy (self);
}

static void
checks_updated_cb (JdDashboardView *self)
{
  update_refresh_state (self);
  jd_dashboard_view_reload (self);
}

/* Bars */

static void
agency_bar_cb (JdDashboardView *self,
               const char      *agency_id,
               guint            series)
{
  jd_case_list_set_filters (jd_window_get_case_list (self->window), agency_id, NULL,
                            series == JD_DASHBOARD_OVERDUE ? JD_CASE_FINDINGS_OVERDUE
                                                           : JD_CASE_FINDINGS_ERRORS,
                            NULL);
  jd_window_show_view (self->window, "cases");
}

static void
month_bar_cb (JdDashboardView *self,
              const char      *month,
              guint            series)
{
  jd_case_list_set_filters (jd_window_get_case_list (self->window), NULL, NULL,
                            JD_CASE_FINDINGS_ANY, month);
  jd_window_show_view (self->window, "cases");
}

static void
type_bar_cb (JdDashboardView *self,
             const char      *action_type,
             guint            series)
{
  jd_case_list_set_filters (jd_window_get_case_list (self->window), NULL, action_type,
                            JD_CASE_FINDINGS_ANY, NULL);
  jd_window_show_view (self->window, "cases");
}

static void
certificate_bar_cb (JdDashboardView *self,
                    const char      *agency_id,
                    guint            series)
{
  GtkWidget *stack = gtk_widget_get_parent (GTK_WIDGET (self));
  GtkWidget *rosters;

  if (!jd_window_show_view (self->window, "rosters") || !GTK_IS_STACK (stack))
    return;
  /* The agency's officers, their certificates highlighted as the bar counts them. */
  rosters = gtk_stack_get_child_by_name (GTK_STACK (stack), "rosters");
  if (JD_IS_ROSTERS_VIEW (rosters))
    jd_rosters_view_select_agency (JD_ROSTERS_VIEW (rosters), agency_id);
}

/* GtkWidget */

static void
jd_dashboard_view_map (GtkWidget *widget)
{
  JdDashboardView *self = JD_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (jd_dashboard_view_parent_class)->map (widget);
  update_refresh_state (self);
  if (self->stale || self->counts == NULL)
    jd_dashboard_view_reload (self);
}

static void
jd_dashboard_view_dispose (GObject *object)
{
  JdDashboardView *self = JD_DASHBOARD_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->window = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_DASHBOARD_VIEW);

  G_OBJECT_CLASS (jd_dashboard_view_parent_class)->dispose (object);
}

static void
jd_dashboard_view_finalize (GObject *object)
{
  JdDashboardView *self = JD_DASHBOARD_VIEW (object);

  g_clear_object (&self->worker_store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->counts, counts_free);

  G_OBJECT_CLASS (jd_dashboard_view_parent_class)->finalize (object);
}

static void
jd_dashboard_view_class_init (JdDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_dashboard_view_dispose;
  object_class->finalize = jd_dashboard_view_finalize;
  widget_class->map = jd_dashboard_view_map;

  g_type_ensure (JD_TYPE_BAR_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, box);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, title);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, show_all_button);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, update_revealer);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, update_label);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, update_progress);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, agency_caption);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, month_caption);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, type_caption);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, certificate_caption);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, agency_chart);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, month_chart);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, type_chart);
  gtk_widget_class_bind_template_child (widget_class, JdDashboardView, certificate_chart);
  gtk_widget_class_bind_template_callback (widget_class, jd_dashboard_view_reload);
  gtk_widget_class_bind_template_callback (widget_class, show_all_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, agency_bar_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_bar_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_bar_cb);
  gtk_widget_class_bind_template_callback (widget_class, certificate_bar_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_dashboard_view_init (JdDashboardView *self)
{
  const char *agency_series[] = { _("With errors"), _("Overdue") };
  const char *agency_classes[] = { "error", "warning" };
  const char *certificate_series[] = { _("Expiring within 2 months"), _("Expired") };
  const char *certificate_classes[] = { "warning", "error" };
  const char *case_series[] = { _("Cases") };
  const char *case_classes[] = { "accent" };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  jd_bar_chart_set_series (self->agency_chart, 2, agency_series, agency_classes);
  jd_bar_chart_set_placeholder (self->agency_chart,
                                _("No case with errors or a deadline passed"));
  jd_bar_chart_set_series (self->month_chart, 1, case_series, case_classes);
  jd_bar_chart_set_placeholder (self->month_chart, _("No cases"));
  jd_bar_chart_set_series (self->type_chart, 1, case_series, case_classes);
  jd_bar_chart_set_placeholder (self->type_chart, _("No cases"));
  jd_bar_chart_set_series (self->certificate_chart, 2, certificate_series, certificate_classes);
  jd_bar_chart_set_placeholder (self->certificate_chart,
                                _("No certificate ends within two months"));
  update_busy (self);
}

void
jd_dashboard_view_set_window (JdDashboardView *self,
                              JdWindow        *window)
{
  g_autoptr(GError) error = NULL;
  JdCaseChecker *checker;

  g_return_if_fail (JD_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (JD_IS_WINDOW (window));

  self->window = window;
  checker = jd_window_get_checker (window);
  /* A connection of its own: the window's stays on the main thread. */
  self->worker_store = jd_store_open (jd_store_get_path (jd_window_get_store (window)),
                                      JD_STORE_OPEN_NONE, &error);
  if (self->worker_store == NULL)
    g_warning ("The dashboard cannot read the database: %s", error->message);

  g_signal_connect_object (window, "reloaded", G_CALLBACK (jd_dashboard_view_reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (checker, "changed", G_CALLBACK (jd_dashboard_view_reload), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (checker, "checks-updated", G_CALLBACK (checks_updated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (checker, "refresh-progress", G_CALLBACK (update_refresh_state), self,
                           G_CONNECT_SWAPPED);
  update_refresh_state (self);
  jd_dashboard_view_reload (self);
}

gboolean
jd_dashboard_view_is_busy (JdDashboardView *self)
{
  g_return_val_if_fail (JD_IS_DASHBOARD_VIEW (self), FALSE);

  return self->running || self->pending || self->reload_id != 0;
}

gboolean
jd_dashboard_view_is_showing_update (JdDashboardView *self)
{
  g_return_val_if_fail (JD_IS_DASHBOARD_VIEW (self), FALSE);

  return gtk_revealer_get_reveal_child (self->update_revealer);
}

JdBarChart *
jd_dashboard_view_get_agency_chart (JdDashboardView *self)
{
  g_return_val_if_fail (JD_IS_DASHBOARD_VIEW (self), NULL);

  return self->agency_chart;
}

JdBarChart *
jd_dashboard_view_get_month_chart (JdDashboardView *self)
{
  g_return_val_if_fail (JD_IS_DASHBOARD_VIEW (self), NULL);

  return self->month_chart;
}

JdBarChart *
jd_dashboard_view_get_type_chart (JdDashboardView *self)
{
  g_return_val_if_fail (JD_IS_DASHBOARD_VIEW (self), NULL);

  return self->type_chart;
}

JdBarChart *
jd_dashboard_view_get_certificate_chart (JdDashboardView *self)
{
  g_return_val_if_fail (JD_IS_DASHBOARD_VIEW (self), NULL);

  return self->certificate_chart;
}

void
jd_dashboard_view_show_all_agencies (JdDashboardView *self,
                                     gboolean         show_all)
{
  g_return_if_fail (JD_IS_DASHBOARD_VIEW (self));

  gtk_toggle_button_set_active (self->show_all_button, show_all);
}
