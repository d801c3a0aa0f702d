#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jd-application.h"
#include "jd-case-counter.h"
#include "jd-case-list-model.h"
#include "jd-case-rows.h"
#include "jd-format.h"
#include "jd-preferences-window.h"
#include "jd-sample-store.h"
#include "jd-test-util.h"
#include "jd-test-widgets.h"
#include "jd-window.h"

#define N_SAMPLE_CASES 20000

/* One sample district shared by the tests that only read it: generating it is the slow part. */
static char *sample_path;

static JdStore *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  JdStore *store = jd_store_open (sample_path, JD_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  return store;
}

/* Closes @window once the thread that checks every case for it has returned: a test program
 * must not exit while one of its threads still works on the database. */
static void
close_window (JdWindow *window)
{
  g_autoptr(JdCaseChecker) checker = g_object_ref (jd_window_get_checker (window));
  gint64 deadline = g_get_monotonic_time () + 120 * G_TIME_SPAN_SECOND;

  jd_case_checker_cancel_refresh (checker);
  while (jd_case_checker_is_refreshing (checker))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  jd_test_list_count (jd_case_list_get_model (jd_window_get_case_list (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
case_id_at (JdStore            *store,
            const JdCaseFilter *filter,
            guint               position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = jd_store_list_cases_filtered (store, filter, position, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 1);
  return g_strdup (jd_entity_get_id (cases->pdata[0]));
}

static void
test_model_pages (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(JdCaseListModel) model = jd_case_list_model_new (store);
  JdCaseFilter filter = { NULL, NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  const guint positions[] = { 0, 1, 99, 100, N_SAMPLE_CASES - 1, 12345, 7777, 12399, 0, 5 };
  g_autoptr(GHashTable) pages = g_hash_table_new (NULL, NULL);

  /* The first page is read at once, and the count follows. */
  g_assert_cmpuint (jd_case_list_model_get_n_pages_loaded (model), ==, 1);
  g_assert_true (jd_case_list_model_is_counting (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, JD_CASE_LIST_PAGE_SIZE);
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  g_assert_cmpuint (jd_case_list_model_get_n_pages_loaded (model), ==, 1);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == JD_TYPE_CASE);

  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), positions[i]);
      g_autofree char *expected = case_id_at (store, &filter, positions[i]);

      g_assert_nonnull (kase);
      g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (kase)), ==, expected);
      g_hash_table_add (pages, GUINT_TO_POINTER (positions[i] / JD_CASE_LIST_PAGE_SIZE + 1));
    }

  /* Each page read once (the last two positions are in the first page, still cached), and
   * nowhere near the 80 pages of the whole table. */
  g_assert_cmpuint (jd_case_list_model_get_n_pages_loaded (model), ==, g_hash_table_size (pages));
  g_assert_cmpuint (jd_case_list_model_get_n_pages_cached (model), <=, 8);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), N_SAMPLE_CASES));

  /* Newest first: the opening dates never increase down the list. */
  for (guint i = 0; i + 1 < 300; i++)
    {
      g_autoptr(JdCase) a = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(JdCase) b = g_list_model_get_item (G_LIST_MODEL (model), i + 1);
      const char *da = jd_format_case_opened_on (a);
      const char *db = jd_format_case_opened_on (b);

      g_assert_cmpstr (da, >=, db);
    }
}

typedef struct
{
  guint  n_calls;
  gint64 count;
  GError *error;
} Counted;

static void
counted_cb (gint64        count,
            const GError *error,
            gpointer      user_data)
{
  Counted *counted = user_data;

  counted->n_calls++;
  counted->count = count;
  g_clear_error (&counted->error);
  if (error != NULL)
    counted->error = g_error_copy (error);
}

static void
wait_for_counter (JdCaseCounter *counter)
{
  while (jd_case_counter_is_busy (counter))
    g_main_context_iteration (NULL, TRUE);
}

/* Counts come from a thread, the latest request's only; a database the thread cannot open is an
 * error for the callback. */
static void
test_counter (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(JdCaseCounter) counter = jd_case_counter_new (sample_path);
  JdCaseFilter everything = { NULL, NULL, NULL, JD_CASE_SORT_OPENED_DESC };
  JdCaseFilter short_word = { "违法", NULL, NULL, JD_CASE_SORT_OPENED_DESC,
                              .max_hits = JD_CASE_LIST_MAX_HITS };
  JdCaseFilter one_char = { "某", NULL, "penalty", JD_CASE_SORT_OPENED_DESC };
  Counted first = { 0 }, second = { 0 }, third = { 0 };

  jd_case_counter_count (counter, &everything, counted_cb, &first);
  g_assert_true (jd_case_counter_is_busy (counter));
  wait_for_counter (counter);
  g_assert_cmpuint (first.n_calls, ==, 1);
  g_assert_no_error (first.error);
  g_assert_cmpint (first.count, ==, N_SAMPLE_CASES);

  /* Overtaken: one request running, one waiting, the last wins. */
  jd_case_counter_count (counter, &everything, counted_cb, &first);
  g_usleep (2000);
  jd_case_counter_count (counter, &short_word, counted_cb, &second);
  jd_case_counter_count (counter, &one_char, counted_cb, &third);
  wait_for_counter (counter);
  g_assert_cmpuint (first.n_calls, ==, 1);
  g_assert_cmpuint (second.n_calls, ==, 0);
  g_assert_cmpuint (third.n_calls, ==, 1);
  g_assert_no_error (third.error);
  g_assert_cmpint (third.count, ==, jd_store_count_cases_filtered (store, &one_char, NULL));
  g_assert_cmpint (third.count, >, 0);

  /* Cancelled: no call. The counter goes on counting afterwards. */
  jd_case_counter_count (counter, &short_word, counted_cb, &second);
  jd_case_counter_cancel (counter);
  wait_for_counter (counter);
  g_assert_cmpuint (second.n_calls, ==, 0);
  jd_case_counter_count (counter, &short_word, counted_cb, &second);
  wait_for_counter (counter);
  g_assert_cmpuint (second.n_calls, ==, 1);
  g_assert_cmpint (second.count, ==, jd_store_count_cases_filtered (store, &short_word, NULL));

  /* A database that is not there. */
  {
    g_autofree char *dir = jd_test_tmp_dir ();
    g_autofree char *missing = g_build_filename (dir, "gone.db", NULL);
    g_autoptr(JdCaseCounter) lost = jd_case_counter_new (missing);

    jd_case_counter_count (lost, &everything, counted_cb, &first);
    wait_for_counter (lost);
    g_assert_cmpuint (first.n_calls, ==, 2);
    g_assert_cmpint (first.count, ==, -1);
    g_assert_error (first.error, JD_STORE_ERROR, JD_STORE_ERROR_NOT_FOUND);
    jd_test_rm_dir (dir);
  }
  g_clear_error (&first.error);
  g_clear_error (&third.error);
  g_clear_error (&second.error);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_signals)
{
  /* A change replaces every item in one signal (see jd_case_list_model_reload); the count of a
   * list longer than its first page adds the rest at the end when it comes. */
  if (position == 0)
    g_assert_cmpuint (added, ==, g_list_model_get_n_items (model));
  else
    {
      g_assert_cmpuint (position, ==, JD_CASE_LIST_PAGE_SIZE);
      g_assert_cmpuint (removed, ==, 0);
      g_assert_cmpuint (position + added, ==, g_list_model_get_n_items (model));
    }
  (*n_signals)++;
}

static void
test_model_search (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(JdCaseListModel) model = jd_case_list_model_new (store);
  g_autoptr(JdCase) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_autofree char *number = g_strdup (jd_case_get_number (first));
  guint n_signals = 0;
  guint n;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &n_signals);

  /* A case number finds that case, among few. */
  jd_case_list_model_set_query (model, number);
  n = jd_test_list_count (model);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpuint (n, <, 50);
  for (guint i = 0;; i++)
    {
      g_autoptr(JdCase) kase = NULL;

      g_assert_cmpuint (i, <, n);
      kase = g_list_model_get_item (G_LIST_MODEL (model), i);
      if (g_strcmp0 (jd_entity_get_id (JD_ENTITY (kase)),
                     jd_entity_get_id (JD_ENTITY (first))) == 0)
        break;
    }

  /* A short word (two characters) narrows the list too, but less. */
  jd_case_list_model_set_query (model, "违法");
  n = jd_test_list_count (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_SAMPLE_CASES);

  jd_case_list_model_set_query (model, "没有这样的案件名称");
  g_assert_cmpuint (jd_test_list_count (model), ==, 0);

  /* The action type filter, alone and with a search. */
  jd_case_list_model_set_query (model, NULL);
  jd_case_list_model_set_action_type (model, "penalty");
  n = jd_test_list_count (model);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, N_SAMPLE_CASES);
  for (guint i = 0; i < MIN (n, 250); i++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpstr (jd_case_get_action_type (kase), ==, "penalty");
    }
  jd_case_list_model_set_query (model, "违法");
  g_assert_cmpuint (jd_test_list_count (model), <=, n);

  jd_case_list_model_set_action_type (model, NULL);
  jd_case_list_model_set_query (model, "  ");
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
}

static void
spin_until (gboolean (*done) (gpointer),
            gpointer  data,
            int       seconds)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
find_with_class (GtkWidget  *widget,
                 GType       type,
                 const char *css_class)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) && gtk_widget_has_css_class (widget, css_class))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_class (child, type, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_failure (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (finding->status == JD_FINDING_FAIL || finding->status == JD_FINDING_NEEDS_INPUT)
        return TRUE;
    }
  return FALSE;
}

static void
quit_cb (GMainLoop *loop)
{
  g_main_loop_quit (loop);
}

/* What the list shows of a case is the same from the store's checks as from its rules. */
static void
test_checker_summaries (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(JdCaseChecker) checker = jd_case_checker_new (store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  JdCaseFilter filter = { 0 };
  guint n_due = 0, n_problems = 0;

  g_assert_true (jd_case_checker_configure (checker, NULL, NULL, &error));
  g_assert_no_error (error);
  g_signal_connect_swapped (checker, "checks-updated", G_CALLBACK (quit_cb), loop);
  jd_case_checker_refresh_all (checker);
  g_main_loop_run (loop);

  cases = jd_store_list_cases_filtered (store, &filter, 0, 300, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < cases->len; i++)
    {
      JdCaseSummary stored, live;

      jd_case_checker_summarize (checker, cases->pdata[i], &stored);
      g_assert_cmpuint (jd_case_checker_get_n_summaries_stored (checker), ==, i + 1);
      g_assert_cmpuint (jd_case_checker_get_n_checked (checker), ==, i);
      jd_case_checker_check (checker, cases->pdata[i]);
      jd_case_checker_summarize (checker, cases->pdata[i], &live);
      g_assert_cmpuint (jd_case_checker_get_n_summaries_stored (checker), ==, i + 1);

      g_assert_cmpuint (stored.n_errors, ==, live.n_errors);
      g_assert_cmpuint (stored.n_warnings, ==, live.n_warnings);
      g_assert_cmpint (g_date_valid (&stored.next_due), ==, g_date_valid (&live.next_due));
      if (g_date_valid (&live.next_due))
        {
          g_assert_cmpint (g_date_compare (&stored.next_due, &live.next_due), ==, 0);
          g_assert_cmpint (stored.days_left, ==, live.days_left);
          n_due++;
        }
      n_problems += live.n_errors + live.n_warnings > 0;
    }
  /* The sample has both, so that the comparison compares something. */
  g_assert_cmpuint (n_due, >, 0);
  g_assert_cmpuint (n_problems, >, 0);

  /* A case written since its check: its summary comes from its rules again. */
  json_object_set_string_member (jd_entity_get_fields (cases->pdata[0]), "title",
                                 "改过的案件名称");
  g_assert_true (jd_store_save (store, cases->pdata[0], &error));
  g_assert_no_error (error);
  jd_case_checker_forget (checker, jd_entity_get_id (cases->pdata[0]));
  {
    JdCaseSummary summary;
    guint checked = jd_case_checker_get_n_checked (checker);

    jd_case_checker_summarize (checker, cases->pdata[0], &summary);
    g_assert_cmpuint (jd_case_checker_get_n_checked (checker), ==, checked + 1);
  }
}

static void
rows_changed_cb (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GString    *log)
{
  g_string_append_printf (log, "%u-%u+%u ", position, removed, added);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

/* The rows a view holds keep their objects across searches and take the case now at their
 * position; only the end of the list changes. */
static void
test_model_rows (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(JdCaseListModel) model = jd_case_list_model_new (store);
  g_autoptr(JdCaseRows) rows = jd_case_rows_new (model);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(JdCaseRow) row0 = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_autoptr(JdCaseRow) row5 = g_list_model_get_item (G_LIST_MODEL (rows), 5);
  g_autoptr(JdCaseRow) again = NULL;
  g_autoptr(JdCase) first = NULL;
  guint n_notified = 0;
  guint n;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (rows)) == JD_TYPE_CASE_ROW);
  jd_test_list_count (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, N_SAMPLE_CASES);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (jd_case_row_get_case (row0) != NULL);
  g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (jd_case_row_get_case (row0))), ==,
                   jd_entity_get_id (JD_ENTITY (first)));
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again == row0);
  g_clear_object (&again);
  g_signal_connect (rows, "items-changed", G_CALLBACK (rows_changed_cb), log);
  g_signal_connect (row0, "notify::case", G_CALLBACK (count_cb), &n_notified);

  /* A search: the rows held show its first cases, and the list loses its end. */
  jd_case_list_model_set_query (model, "违法");
  n = jd_test_list_count (model);
  g_assert_cmpuint (n, >, 5);
  g_assert_cmpuint (n, <, N_SAMPLE_CASES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, n);
  g_clear_object (&first);
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpuint (n_notified, ==, 1);
  g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (jd_case_row_get_case (row0))), ==,
                   jd_entity_get_id (JD_ENTITY (first)));
  {
    g_autoptr(JdCase) sixth = g_list_model_get_item (G_LIST_MODEL (model), 5);

    g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (jd_case_row_get_case (row5))), ==,
                     jd_entity_get_id (JD_ENTITY (sixth)));
  }
  {
    /* The first page at once, the rest when counted. */
    g_autofree char *expected = g_strdup_printf ("%u-%u+0 %u-0+%u ", JD_CASE_LIST_PAGE_SIZE,
                                                 N_SAMPLE_CASES - JD_CASE_LIST_PAGE_SIZE,
                                                 JD_CASE_LIST_PAGE_SIZE,
                                                 n - JD_CASE_LIST_PAGE_SIZE);

    g_assert_cmpstr (log->str, ==, expected);
  }

  /* Nothing found: every row goes; a row let go and asked for again is a new one. */
  g_string_truncate (log, 0);
  jd_case_list_model_set_query (model, "没有这样的案件名称");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 0);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (rows), 0));
  jd_case_list_model_set_query (model, NULL);
  jd_test_list_count (model);
  {
    g_autofree char *expected = g_strdup_printf ("0-%u+0 0-0+%u %u-0+%u ", n,
                                                 JD_CASE_LIST_PAGE_SIZE, JD_CASE_LIST_PAGE_SIZE,
                                                 N_SAMPLE_CASES - JD_CASE_LIST_PAGE_SIZE);

    g_assert_cmpstr (log->str, ==, expected);
  }
  again = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  g_assert_true (again != row0);
  g_assert_nonnull (jd_case_row_get_case (again));
}

/* Whether a window title under @root has a subtitle that starts with @prefix. */
static gboolean
has_subtitle (GtkWidget  *root,
              const char *prefix)
{
  if (ADW_IS_WINDOW_TITLE (root)
      && g_str_has_prefix (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (root)), prefix))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_subtitle (child, prefix))
      return TRUE;
  return FALSE;
}

/* A list whose count a newer change overtook takes the newer count only; a model let go while
 * it counts is gone when the count comes. */
static void
test_model_counting (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(JdCaseListModel) model = jd_case_list_model_new (store);
  g_autoptr(GString) log = g_string_new (NULL);
  GWeakRef weak;

  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  g_signal_connect (model, "items-changed", G_CALLBACK (rows_changed_cb), log);
  jd_case_list_model_set_query (model, "违法");
  g_assert_true (jd_case_list_model_is_counting (model));
  jd_case_list_model_set_query (model, NULL);
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  {
    g_autofree char *expected = g_strdup_printf ("0-%u+%u 0-%u+%u %u-0+%u ", N_SAMPLE_CASES,
                                                 JD_CASE_LIST_PAGE_SIZE, JD_CASE_LIST_PAGE_SIZE,
                                                 JD_CASE_LIST_PAGE_SIZE, JD_CASE_LIST_PAGE_SIZE,
                                                 N_SAMPLE_CASES - JD_CASE_LIST_PAGE_SIZE);

    g_assert_cmpstr (log->str, ==, expected);
  }

  /* A search with fewer hits than a page is counted by its page. */
  jd_case_list_model_set_query (model, "没有这样的案件名称");
  g_assert_false (jd_case_list_model_is_counting (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  jd_case_list_model_set_query (model, "违法");
  g_assert_true (jd_case_list_model_is_counting (model));
  g_weak_ref_init (&weak, model);
  g_clear_object (&model);
  g_assert_null (g_weak_ref_get (&weak));
  /* The count's thread ends, and nothing calls the model. */
  for (guint i = 0; i < 50; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_weak_ref_clear (&weak);
}

/* When the counting thread cannot open the database (here moved away after the window opened
 * it), the window's own connection counts. */
static void
test_model_count_fallback (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *moved = g_build_filename (dir, "moved.db", NULL);
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdCaseListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  JdCaseFilter filter = { "违法", NULL, NULL, JD_CASE_SORT_OPENED_DESC,
                          .max_hits = JD_CASE_LIST_MAX_HITS };
  gint64 expected;

  {
    g_autoptr(JdStore) sample = open_sample ();

    g_assert_true (jd_store_backup (sample, path, &error));
    g_assert_no_error (error);
  }
  store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);
  g_assert_no_error (error);
  expected = jd_store_count_cases_filtered (store, &filter, &error);
  g_assert_cmpint (expected, >, JD_CASE_LIST_PAGE_SIZE);

  g_assert_cmpint (g_rename (path, moved), ==, 0);

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*on a thread*");
  model = jd_case_list_model_new (store);
  g_assert_true (jd_case_list_model_is_counting (model));
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  g_test_assert_expected_messages ();

  g_test_expect_message (NULL, G_LOG_LEVEL_WARNING, "*on a thread*");
  jd_case_list_model_set_query (model, "违法");
  g_assert_cmpuint (jd_test_list_count (model), ==, expected);
  g_test_assert_expected_messages ();

  g_clear_object (&model);
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static void
query_logged_cb (JdCaseListModel *model,
                 GParamSpec      *pspec,
                 GString         *log)
{
  const char *query = jd_case_list_model_get_query (model);

  g_string_append_printf (log, "%s|", query != NULL ? query : "");
}

static JdCaseListModel *logged_model;

/* Whether the logged model's query is @data ("" for none). */
static gboolean
query_is (gpointer data)
{
  const char *query = jd_case_list_model_get_query (logged_model);

  return g_strcmp0 (query != NULL ? query : "", data) == 0;
}

static void
test_window_cases (void)
{
  g_autoptr(JdStore) store = open_sample ();
  JdWindow *window = jd_window_new (NULL, store);
  JdCaseList *list = jd_window_get_case_list (window);
  JdCaseListModel *model = jd_case_list_get_model (list);
  GtkColumnView *view = jd_case_list_get_column_view (list);
  g_autoptr(JdCase) first = NULL;
  g_autoptr(JdCase) chosen = NULL;
  JdCasePage *page;
  guint position = 0;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "cases");
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);

  /* The first rows are drawn, their findings worked out for the rows shown only. */
  first = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_nonnull (jd_test_find_label (GTK_WIDGET (view), jd_case_get_number (first), NULL));
  /* (From the rules run now, or from the store's checks once the refresh has made them.) */
  g_assert_cmpuint (jd_case_checker_get_n_checked (jd_window_get_checker (window)) +
                    jd_case_checker_get_n_summaries_stored (jd_window_get_checker (window)), >,
                    0);
  g_assert_cmpuint (jd_case_checker_get_n_checked (jd_window_get_checker (window)), <=, 300);
  g_assert_cmpuint (jd_case_list_model_get_n_pages_loaded (model), <=, 3);

  /* The next deadline has a column of its own: among the first rows, one with a deadline shows
   * its date, and on hover the days left or overdue as the supervision views say them. */
  {
    GListModel *columns = gtk_column_view_get_columns (view);
    const JdFinding *next = NULL;
    gboolean titled = FALSE;

    for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        titled |= g_strcmp0 (gtk_column_view_column_get_title (column), "Next deadline") == 0;
      }
    g_assert_true (titled);
    for (guint i = 0; i < 10 && next == NULL; i++)
      {
        g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), i);

        next = jd_format_next_deadline (jd_case_checker_check (jd_window_get_checker (window),
                                                               kase));
      }
    g_assert_nonnull (next);
    {
      g_autofree char *date = jd_format_gdate (&next->due);
      g_autofree char *deadline = jd_format_deadline (next);

      /* A date may also be a case's opening date: the deadline's label has the tooltip. */
      g_assert_nonnull (jd_test_find_label (GTK_WIDGET (view), date, deadline));
    }
  }

  /* A search redraws the list from its first pages only, even with thousands of hits, in the
   * rows it had: the first row's number cell now shows the first hit. */
  {
    guint before = jd_case_list_model_get_n_pages_loaded (model);
    /* Held, so that a new label cannot take its address. */
    g_autoptr(GtkWidget) cell = g_object_ref (jd_test_find_label (GTK_WIDGET (view),
                                                                  jd_case_get_number (first),
                                                                  NULL));
    g_autoptr(JdCase) hit = NULL;

    g_autofree char *all = g_strdup_printf ("%u cases", N_SAMPLE_CASES);
    g_autofree char *hits = NULL;

    /* The title says how many cases the list holds. */
    g_assert_true (has_subtitle (GTK_WIDGET (window), all));

    jd_case_list_model_set_query (model, "违法");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    hit = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_assert_true (jd_test_find_label (GTK_WIDGET (view), jd_case_get_number (hit), NULL) ==
                   cell);

    g_assert_cmpuint (jd_test_list_count (model), >, 1000);
    g_assert_cmpuint (jd_case_list_model_get_n_pages_loaded (model) - before, <=, 3);
    hits = g_strdup_printf ("%u cases", jd_test_list_count (model));
    g_assert_true (has_subtitle (GTK_WIDGET (window), hits));

    /* While the next search is counted, the title does not say its first page's 250. */
    jd_case_list_model_set_query (model, "违法建设");
    g_assert_true (jd_case_list_model_is_counting (model));
    g_assert_true (has_subtitle (GTK_WIDGET (window), hits));
    g_assert_false (has_subtitle (GTK_WIDGET (window), "250 "));
    jd_case_list_model_set_query (model, "违法");
    jd_test_list_count (model);
    g_assert_true (has_subtitle (GTK_WIDGET (window), hits));

    /* Scrolled down, another search still shows its first hit. */
    {
      GtkAdjustment *vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
      g_autoptr(JdCase) top = NULL;

      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment) / 2);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);
      jd_case_list_model_set_query (model, "违法建设");
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
      top = g_list_model_get_item (G_LIST_MODEL (model), 0);
      g_assert_nonnull (jd_test_find_label (GTK_WIDGET (view), jd_case_get_number (top), NULL));
    }
    jd_case_list_model_set_query (model, NULL);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  }

  /* Typed into the entry: a word replacing another is searched alone, though the entry was
   * empty between the two; an entry cleared lists every case again. */
  {
    GtkEditable *entry = GTK_EDITABLE (jd_case_list_get_search_entry (list));
    g_autoptr(GString) queries = g_string_new (NULL);
    gulong handler = g_signal_connect (model, "notify::query", G_CALLBACK (query_logged_cb),
                                       queries);

    logged_model = model;

    gtk_editable_set_text (entry, "违法");
    spin_until (query_is, (gpointer) "违法", 10);
    gtk_editable_set_text (entry, "违法建设");
    spin_until (query_is, (gpointer) "违法建设", 10);
    g_assert_cmpstr (queries->str, ==, "违法|违法建设|");
    gtk_editable_set_text (entry, "");
    spin_until (query_is, (gpointer) "", 10);
    g_assert_cmpstr (queries->str, ==, "违法|违法建设||");
    g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
    g_signal_handler_disconnect (model, handler);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  }

  /* Activating a row with findings opens its page, with the findings inline. */
  for (;; position++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), position);

      g_assert_cmpuint (position, <, 100);
      if (has_failure (jd_case_checker_check (jd_window_get_checker (window), kase)))
        {
          chosen = g_steal_pointer (&kase);
          break;
        }
    }
  g_signal_emit_by_name (view, "activate", position);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "case");
  page = jd_window_get_case_page (window);
  g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (jd_case_page_get_case (page))), ==,
                   jd_entity_get_id (JD_ENTITY (chosen)));
  g_assert_nonnull (jd_test_find_label (GTK_WIDGET (window), jd_case_get_number (chosen), NULL));
  g_assert_cmpuint (jd_case_page_get_n_finding_rows (page), >=, 1);

  /* A finding's citation opens the article it cites. */
  {
    GtkWidget *citation = find_with_class (GTK_WIDGET (page), GTK_TYPE_MENU_BUTTON, "citation");
    GtkPopover *popover;
    GtkWidget *label;

    g_assert_nonnull (citation);
    gtk_menu_button_popup (GTK_MENU_BUTTON (citation));
    popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (citation));
    g_assert_nonnull (popover);
    label = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (gtk_popover_get_child (popover)));
    if (GTK_IS_VIEWPORT (label))
      label = gtk_viewport_get_child (GTK_VIEWPORT (label));
    g_assert_true (GTK_IS_LABEL (label));
    /* An article of the regulations: 第…条 or a numbered section. */
    g_assert_true (strstr (gtk_label_get_text (GTK_LABEL (label)), "条") != NULL
                   || strstr (gtk_label_get_text (GTK_LABEL (label)), "、") != NULL);
    gtk_menu_button_popdown (GTK_MENU_BUTTON (citation));
  }

  /* And back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.back", NULL));
  g_assert_cmpstr (jd_window_get_view (window), ==, "cases");

  /* The preferences: another "as of" date runs the rules again over the rows shown. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    JdCaseChecker *checker = jd_window_get_checker (window);
    GtkWidget *preferences = jd_preferences_window_new (GTK_WINDOW (window));
    guint checked;

    gtk_window_present (GTK_WINDOW (preferences));
    gtk_test_widget_wait_for_draw (preferences);
    gtk_window_destroy (GTK_WINDOW (preferences));

    checked = jd_case_checker_get_n_checked (checker);
    g_settings_set_string (settings, "as-of-date", "2020-01-01");
    gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    g_assert_cmpuint (jd_case_checker_get_n_checked (checker), >, checked);
    g_settings_reset (settings, "as-of-date");
  }

  close_window (window);
}

/* A click on a column header sorts the whole list in the store, both ways. */
static void
test_window_sort (void)
{
  g_autoptr(JdStore) store = open_sample ();
  JdWindow *window = jd_window_new (NULL, store);
  JdCaseList *list = jd_window_get_case_list (window);
  JdCaseListModel *model = jd_case_list_get_model (list);

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (jd_case_list_model_get_sort (model), ==, JD_CASE_SORT_OPENED_DESC);

  jd_case_list_sort_by (list, 0, GTK_SORT_ASCENDING);  /* number */
  g_assert_cmpint (jd_case_list_model_get_sort (model), ==, JD_CASE_SORT_NUMBER_ASC);
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  for (guint i = 0; i < 250; i++)
    {
      g_autoptr(JdCase) a = g_list_model_get_item (G_LIST_MODEL (model), i);
      g_autoptr(JdCase) b = g_list_model_get_item (G_LIST_MODEL (model), i + 1);

      g_assert_cmpstr (jd_case_get_number (a), <=, jd_case_get_number (b));
    }
  jd_case_list_sort_by (list, 0, GTK_SORT_DESCENDING);
  g_assert_cmpint (jd_case_list_model_get_sort (model), ==, JD_CASE_SORT_NUMBER_DESC);
  jd_case_list_sort_by (list, 3, GTK_SORT_ASCENDING);  /* action type */
  g_assert_cmpint (jd_case_list_model_get_sort (model), ==, JD_CASE_SORT_TYPE);
  jd_case_list_sort_by (list, 4, GTK_SORT_ASCENDING);  /* opened: oldest first */
  g_assert_cmpint (jd_case_list_model_get_sort (model), ==, JD_CASE_SORT_OPENED_ASC);
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  {
    g_autoptr(JdCase) first = g_list_model_get_item (G_LIST_MODEL (model), 0);
    g_autoptr(JdCase) last = g_list_model_get_item (G_LIST_MODEL (model), N_SAMPLE_CASES - 1);

    g_assert_cmpstr (jd_format_case_opened_on (first), <=, jd_format_case_opened_on (last));
  }
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  close_window (window);
}

static gboolean
has_error (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (jd_finding_is_blocking (findings->pdata[i]))
      return TRUE;
  return FALSE;
}

static gboolean
has_overdue (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    {
      JdFinding *finding = findings->pdata[i];

      if (finding->open && g_date_valid (&finding->due) && finding->days_left < 0)
        return TRUE;
    }
  return FALSE;
}

/* The findings filter reads what the rules found in every case, worked out in the background
 * while the window shows the list, and agrees with the rules run on each row it shows. */
static void
test_window_findings_filter (void)
{
  g_autoptr(JdStore) store = open_sample ();
  JdWindow *window = jd_window_new (NULL, store);
  JdCaseList *list = jd_window_get_case_list (window);
  JdCaseListModel *model = jd_case_list_get_model (list);
  JdCaseChecker *checker = jd_window_get_checker (window);
  GtkDropDown *dropdown = jd_case_list_get_findings_dropdown (list);
  gint64 deadline = g_get_monotonic_time () + 300 * G_TIME_SPAN_SECOND;
  guint n_errors, n_overdue;

  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  /* The window stays responsive meanwhile: this loop is its main loop. */
  while (jd_case_checker_is_refreshing (checker))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  gtk_drop_down_set_selected (dropdown, 1);  /* with errors */
  n_errors = jd_test_list_count (model);
  g_assert_cmpuint (n_errors, >, 0);
  g_assert_cmpuint (n_errors, <, N_SAMPLE_CASES);
  for (guint i = 0; i < MIN (n_errors, 200); i++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (has_error (jd_case_checker_check (checker, kase)));
    }

  gtk_drop_down_set_selected (dropdown, 2);  /* overdue */
  n_overdue = jd_test_list_count (model);
  g_assert_cmpuint (n_overdue, >, 0);
  for (guint i = 0; i < MIN (n_overdue, 200); i++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_true (has_overdue (jd_case_checker_check (checker, kase)));
    }

  /* Within 30 days holds the overdue ones and those coming. */
  gtk_drop_down_set_selected (dropdown, 4);
  g_assert_cmpuint (jd_test_list_count (model), >=, n_overdue);

  gtk_drop_down_set_selected (dropdown, 0);
  g_assert_cmpuint (jd_test_list_count (model), ==, N_SAMPLE_CASES);
  close_window (window);
}

static gboolean
idle_window (gpointer data)
{
  return !jd_window_is_busy (data);
}

static void
test_window_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  JdWindow *window;

  g_assert_no_error (error);
  window = jd_window_new (NULL, store);
  jd_window_set_sample_size (window, 300);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "empty");

  /* The button's action: the cases are written on a worker thread while the window runs. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-sample-data",
                                             NULL));
  g_assert_true (jd_window_is_busy (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "progress");
  spin_until (idle_window, window, 120);

  g_assert_cmpstr (jd_window_get_view (window), ==, "cases");
  g_assert_cmpuint (jd_test_list_count (
                      jd_case_list_get_model (jd_window_get_case_list (window))), ==, 300);

  close_window (window);
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static gboolean
dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          *(GtkWindow **) data = GTK_WINDOW (toplevel);
          return TRUE;
        }
    }
  return FALSE;
}

/* Importing on a worker thread: a good file fills the list, a bad one says what happened. */
static void
test_window_import (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "import.db", NULL);
  g_autofree char *bad_path = g_build_filename (dir, "bad.json", NULL);
  g_autofree char *good_path = jd_test_data_path ("full.json");
  g_autoptr(GFile) good = g_file_new_for_path (good_path);
  g_autoptr(GFile) bad = g_file_new_for_path (bad_path);
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  GtkWindow *dialog = NULL;
  JdWindow *window;

  g_assert_no_error (error);
  window = jd_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "empty");

  jd_window_import_file (window, good);
  g_assert_true (jd_window_is_busy (window));
  spin_until (idle_window, window, 60);
  g_assert_cmpstr (jd_window_get_view (window), ==, "cases");
  g_assert_cmpuint (jd_test_list_count (
                      jd_case_list_get_model (jd_window_get_case_list (window))), >, 0);

  g_assert_true (g_file_set_contents (bad_path, "{\"format\": \"jiandu/1\", \"cases\": 3}", -1,
                                      NULL));
  jd_window_import_file (window, bad);
  spin_until (idle_window, window, 60);
  spin_until (dialog_shown, &dialog, 10);
  g_assert_true (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)),
                         "bad.json") != NULL);
  gtk_window_destroy (dialog);

  close_window (window);
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

/* The app ID of the build's profile names the application, its settings and its icon, and a
 * development build's window shows libadwaita's striped header bars. */
static void
test_window_identity (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdApplication) app = jd_application_new ();
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "identity.db", NULL);
  g_autofree char *schema_path = g_strdelimit (g_strdup_printf ("/%s/", APP_ID), ".", '/');
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GtkIconPaintable) icon = NULL;
  g_autofree char *icons = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  JdWindow *window;

  g_assert_no_error (error);
  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (app)), ==, APP_ID);
  g_assert_true (g_str_has_prefix (APP_ID, "io.github.jiandu.Jiandu"));
  g_assert_cmpint (APP_DEVELOPMENT, ==, g_str_has_suffix (APP_ID, ".Devel"));

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_assert_nonnull (schema);
  g_assert_cmpstr (g_settings_schema_get_path (schema), ==, schema_path);

  /* GtkApplication adds the icons folder under its resource base path to the icon theme, which
   * is where an uninstalled build finds its icon. */
  icons = g_strconcat (g_application_get_resource_base_path (G_APPLICATION (app)), "/icons",
                       NULL);
  gtk_icon_theme_add_resource_path (theme, icons);
  g_assert_true (gtk_icon_theme_has_icon (theme, APP_ID));
  icon = gtk_icon_theme_lookup_icon (theme, APP_ID, NULL, 128, 1, GTK_TEXT_DIR_NONE, 0);
  g_assert_cmpstr (gtk_icon_paintable_get_icon_name (icon), ==, APP_ID);

  window = jd_window_new (NULL, store);
  g_assert_cmpint (gtk_widget_has_css_class (GTK_WIDGET (window), "devel"), ==, APP_DEVELOPMENT);
  close_window (window);
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  int status;

  if (!jd_test_app_init (&argc, &argv))
    return 0;

  dir = jd_test_tmp_dir ();
  sample_path = jd_test_sample_db (dir, N_SAMPLE_CASES, 7);

  g_test_add_func ("/app/model/pages", test_model_pages);
  g_test_add_func ("/app/model/search", test_model_search);
  g_test_add_func ("/app/model/rows", test_model_rows);
  g_test_add_func ("/app/model/counting", test_model_counting);
  g_test_add_func ("/app/model/count-fallback", test_model_count_fallback);
  g_test_add_func ("/app/counter", test_counter);
  g_test_add_func ("/app/checker/summaries", test_checker_summaries);
  g_test_add_func ("/app/window/cases", test_window_cases);
  g_test_add_func ("/app/window/findings-filter", test_window_findings_filter);
  g_test_add_func ("/app/window/sort", test_window_sort);
  g_test_add_func ("/app/window/empty", test_window_empty);
  g_test_add_func ("/app/window/import", test_window_import);
  g_test_add_func ("/app/window/identity", test_window_identity);
  status = g_test_run ();

  jd_test_rm_dir (dir);
  g_free (sample_path);
  return status;
}
