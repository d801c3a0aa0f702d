#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "jd-case-checker.h"
#include "jd-case-list-model.h"
#include "jd-dashboard-view.h"
#include "jd-sample-store.h"
#include "jd-window.h"

/* Writes PNGs of the main views, on sample data, for the README and the AppStream metainfo:
 *   meson compile -C build screenshots
 * runs it under the zh_CN locale with the build tree's translations. Usage: screenshots OUTDIR */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("cannot write %s", path);
  g_print ("%s\n", path);
}

static void
settle (GtkWidget *widget)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  gtk_test_widget_wait_for_draw (widget);
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  gtk_test_widget_wait_for_draw (widget);
}

static GtkWidget *
find_dashboard (GtkWidget *widget)
{
  if (JD_IS_DASHBOARD_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_dashboard (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_error (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (jd_finding_is_blocking (findings->pdata[i]))
      return TRUE;
  return FALSE;
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *cases_png = NULL;
  g_autofree char *case_png = NULL;
  g_autofree char *dashboard_png = NULL;
  JdDashboardView *dashboard;
  g_autoptr(JdStore) store = NULL;
  JdWindow *window;
  JdCaseListModel *model;
  guint position = 0;

  if (argc != 2)
    g_error ("usage: screenshots OUTDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  /* The app's style sheet, as JdApplication loads it. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/jiandu/app/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  dir = g_dir_make_tmp ("jiandu-screenshots-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "sample.db", NULL);
  store = jd_store_open (db, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jd_sample_store (store, 3000, 1, NULL, NULL, &error);
  g_assert_no_error (error);

  window = jd_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  /* The list as a user sees it once every case is checked. */
  while (jd_case_checker_is_refreshing (jd_window_get_checker (window)))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  cases_png = g_build_filename (argv[1], "cases.png", NULL);
  save_png (GTK_WIDGET (window), cases_png);

  /* A case with an error, so that its findings show. */
  model = jd_case_list_get_model (jd_window_get_case_list (window));
  for (;; position++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (kase == NULL)
        g_error ("no case with an error among the first %u", position);
      if (has_error (jd_case_checker_check (jd_window_get_checker (window), kase)))
        break;
    }
  g_signal_emit_by_name (jd_case_list_get_column_view (jd_window_get_case_list (window)),
                         "activate", position);
  settle (GTK_WIDGET (window));
  case_png = g_build_filename (argv[1], "case.png", NULL);
  save_png (GTK_WIDGET (window), case_png);

  /* The dashboard as of the end of the sample's last month of new cases, once the rules have
   * checked every case for that day. */
  g_settings_set_string (jd_window_get_settings (window), "as-of-date", "2026-01-31");
  jd_window_show_view (window, "dashboard");
  dashboard = JD_DASHBOARD_VIEW (find_dashboard (GTK_WIDGET (window)));
  while (jd_case_checker_is_refreshing (jd_window_get_checker (window))
         || jd_dashboard_view_is_busy (dashboard))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  dashboard_png = g_build_filename (argv[1], "dashboard.png", NULL);
  save_png (GTK_WIDGET (window), dashboard_png);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}
