/* Measures the desktop app on a database of the user's: time to the first frame of the case
 * list, the time a search takes to update it, and the resident memory. Under a display:
 *   JIANDU_BENCH_DB=big.db meson test -C build --benchmark app-list --verbose
 * Each search is typed JIANDU_BENCH_ROUNDS times (5 unless set); the median is reported. */
#include <adwaita.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jd-window.h"

static long
resident_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Waits for the list's count and the redraw of its growth; returns the time from @start to the
 * count. */
static double
wait_counted (JdWindow *window,
              gint64    start)
{
  JdCaseListModel *model = jd_case_list_get_model (jd_window_get_case_list (window));
  double counted;

  while (jd_case_list_model_is_counting (model))
    g_main_context_iteration (NULL, TRUE);
  counted = ms_since (start);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return counted;
}

/* Returns the time to the redrawn list; in @model_ms the part until the model and the rows
 * shown have taken the new cases, and in @counted_ms the time until the list has its count. */
static double
measure_search (JdWindow   *window,
                const char *query,
                double     *model_ms,
                double     *counted_ms)
{
  JdCaseList *list = jd_window_get_case_list (window);
  JdCaseListModel *model = jd_case_list_get_model (list);
  gint64 start = g_get_monotonic_time ();
  double drawn;

  /* What search-changed does after the entry's delay, then the redraw of the rows shown. */
  jd_case_list_model_set_query (model, query);
  *model_ms = ms_since (start);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  drawn = ms_since (start);
  /* The list's growth drawn too, before the next search. */
  *counted_ms = wait_counted (window, start);
  return drawn;
}

/* As a user types @query into the search entry: the time from the text's change to the list
 * redrawn, the entry's delay after the last key included. */
static double
measure_typed (JdWindow   *window,
               const char *query)
{
  JdCaseList *list = jd_window_get_case_list (window);
  JdCaseListModel *model = jd_case_list_get_model (list);
  gint64 start = g_get_monotonic_time ();
  double drawn;

  gtk_editable_set_text (GTK_EDITABLE (jd_case_list_get_search_entry (list)), query);
  while (g_strcmp0 (jd_case_list_model_get_query (model), *query != '\0' ? query : NULL) != 0)
    g_main_context_iteration (NULL, TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  drawn = ms_since (start);
  wait_counted (window, start);
  return drawn;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

int
main (int   argc,
      char *argv[])
{
  gint64 start = g_get_monotonic_time ();
  const char *path = g_getenv ("JIANDU_BENCH_DB");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  const char *queries[] = { "违法建设", "罚款", "京通", "张", "没有这样的案件", "" };
  const char *rounds = g_getenv ("JIANDU_BENCH_ROUNDS");
  guint n_rounds = rounds != NULL ? CLAMP (atoi (rounds), 1, 100) : 5;
  g_autofree double *times = g_new (double, G_N_ELEMENTS (queries) * n_rounds);
  g_autofree double *model_times = g_new (double, G_N_ELEMENTS (queries) * n_rounds);
  g_autofree double *count_times = g_new (double, G_N_ELEMENTS (queries) * n_rounds);
  JdCaseListModel *model;
  JdWindow *window;
  gint64 n_cases;

  if (path == NULL)
    {
      g_print ("Set JIANDU_BENCH_DB to a database (jiandu-cli sample --cases 1000000)\n");
      return 0;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (!gtk_init_check ())
    {
      g_print ("No display\n");
      return 0;
    }
  adw_init ();

  store = jd_store_open (path, JD_STORE_OPEN_NONE, &error);
  if (store == NULL)
    g_error ("%s", error->message);
  n_cases = jd_store_count (store, JD_COLLECTION_CASES, NULL);
  g_print ("database: %s, %" G_GINT64_FORMAT " cases, opened in %.1f ms\n", path, n_cases,
           ms_since (start));

  window = jd_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_print ("first frame of the case list: %.1f ms after start\n", ms_since (start));
  model = jd_case_list_get_model (jd_window_get_case_list (window));
  g_print ("counted: %.1f ms after start\n", wait_counted (window, start));
  g_print ("resident memory: %ld KiB\n", resident_kib ());

  /* Each round types every query in turn, so that each search changes the list. */
  for (guint round = 0; round < n_rounds; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      times[i * n_rounds + round] = measure_search (window, queries[i],
                                                    &model_times[i * n_rounds + round],
                                                    &count_times[i * n_rounds + round]);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      double *mine = &times[i * n_rounds];
      g_autoptr(GString) all = g_string_new (NULL);

      jd_case_list_model_set_query (model, queries[i]);
      wait_counted (window, g_get_monotonic_time ());
      for (guint round = 0; round < n_rounds; round++)
        g_string_append_printf (all, "%s%.1f", round > 0 ? " " : "", mine[round]);
      g_print ("search “%s”: %u cases, median %.1f ms to the redrawn list (%s), "
               "model and rows %.1f ms, counted %.1f ms\n", queries[i],
               g_list_model_get_n_items (G_LIST_MODEL (model)), median (mine, n_rounds), all->str,
               median (&model_times[i * n_rounds], n_rounds),
               median (&count_times[i * n_rounds], n_rounds));
    }

  /* The same searches typed into the entry, from the text's change to the redrawn list. */
  for (guint round = 0; round < n_rounds; round++)
    for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
      times[i * n_rounds + round] = measure_typed (window, queries[i]);
  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    g_print ("typed “%s”: median %.1f ms from the text's change to the redrawn list "
             "(the entry waits %u ms after the last key)\n", queries[i],
             median (&times[i * n_rounds], n_rounds),
             gtk_search_entry_get_search_delay (
               jd_case_list_get_search_entry (jd_window_get_case_list (window))));

  /* The end of the list: the deepest OFFSET. */
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
    gint64 t = g_get_monotonic_time ();
    g_autoptr(JdCase) last = g_list_model_get_item (G_LIST_MODEL (model), n - 1);

    g_assert_nonnull (last);

    g_print ("last case (deepest page): %.1f ms\n", ms_since (t));
  }
  g_print ("pages read: %u, held: %u; rules run on %u cases, %u summaries from the checks\n",
           jd_case_list_model_get_n_pages_loaded (model),
           jd_case_list_model_get_n_pages_cached (model),
           jd_case_checker_get_n_checked (jd_window_get_checker (window)),
           jd_case_checker_get_n_summaries_stored (jd_window_get_checker (window)));
  g_print ("resident memory at the end: %ld KiB\n", resident_kib ());

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
