#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "jd-case-checker.h"
#include "jd-case-list-model.h"
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
find_widget (GtkWidget  *widget,
             GType       type,
             const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (widget), name) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Scrolls the case page so that its group @name is at the top. */
static void
scroll_to (JdCasePage *page,
           const char *name)
{
  GtkWidget *scrolled = find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkWidget *group = find_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, name);
  graphene_point_t point;

  g_assert_nonnull (group);
  g_assert_true (gtk_widget_compute_point (group, gtk_scrolled_window_get_child (
                                             GTK_SCROLLED_WINDOW (scrolled)),
                                           &GRAPHENE_POINT_INIT (0, 0), &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)),
                            point.y - 12);
}

static gboolean
has_records (JdCaseChecker *checker,
             JdCase        *kase)
{
  GPtrArray *records = jd_case_checker_get_records (checker, kase);
  GPtrArray *findings = jd_case_checker_check (checker, kase);

  if (records->len < 3)
    return FALSE;
  /* With a gap the rules find in them, to show where it goes. */
  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (g_str_has_prefix (finding->rule, "REC-") && finding->status == JD_FINDING_FAIL)
        return TRUE;
    }
  return FALSE;
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
  g_autofree char *records_png = NULL;
  g_autofree char *edit_png = NULL;
  g_autofree char *recent_png = NULL;
  JdCasePage *page;
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
  /* The app's own styles, as JdApplication loads them. */
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

  /* A case's whole-process records, one of them corrected, with the gaps the rules find. */
  for (position = 0;; position++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (kase == NULL)
        g_error ("no case with records among the first %u", position);
      if (has_records (jd_window_get_checker (window), kase)
          && jd_case_get_officers (kase) != NULL)
        break;
    }
  {
    g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), position);
    JdCaseChecker *checker = jd_window_get_checker (window);
    GPtrArray *records = jd_case_checker_get_records (checker, kase);
    JdRecordDialog *dialog = jd_record_dialog_new (
      checker, kase, jd_entity_get_id (JD_ENTITY (records->pdata[records->len - 1])));
    GtkWidget *matter = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                   JD_TYPE_RECORD_DIALOG,
                                                                   "matter_row"));
    g_autofree char *text = g_strconcat (gtk_editable_get_text (GTK_EDITABLE (matter)),
                                         "（更正）", NULL);

    gtk_editable_set_text (GTK_EDITABLE (matter), text);
    if (!jd_record_dialog_save (dialog, &error))
      g_error ("cannot save the correction: %s", error->message);
    gtk_window_destroy (GTK_WINDOW (dialog));
    jd_case_checker_forget (checker, jd_entity_get_id (JD_ENTITY (kase)));
  }
  g_signal_emit_by_name (jd_case_list_get_column_view (jd_window_get_case_list (window)),
                         "activate", position);
  page = jd_window_get_case_page (window);
  settle (GTK_WIDGET (window));
  scroll_to (page, "records");
  settle (GTK_WIDGET (window));
  records_png = g_build_filename (argv[1], "records.png", NULL);
  save_png (GTK_WIDGET (window), records_png);

  /* Adding a record to it, with its officers to choose from. */
  {
    JdRecordDialog *dialog = jd_case_page_add_record (page, NULL);
    g_autofree char *dialog_png = g_build_filename (argv[1], "record-add.png", NULL);

    gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                         JD_TYPE_RECORD_DIALOG,
                                                                         "matter_row")),
                           "对当事人进行询问，制作询问笔录");
    settle (GTK_WIDGET (dialog));
    save_png (GTK_WIDGET (dialog), dialog_png);
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* Editing it, with a mistyped ID number. */
  jd_case_page_set_editing (page, TRUE);
  {
    GtkWidget *row = find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "party-0-number");

    if (row != NULL)
      gtk_editable_set_text (GTK_EDITABLE (row), "110105194912310020");
  }
  settle (GTK_WIDGET (window));
  edit_png = g_build_filename (argv[1], "case-edit.png", NULL);
  save_png (GTK_WIDGET (window), edit_png);
  jd_case_page_set_editing (page, FALSE);

  /* The records added lately, across cases. */
  jd_window_show_view (window, "records");
  settle (GTK_WIDGET (window));
  recent_png = g_build_filename (argv[1], "records-view.png", NULL);
  save_png (GTK_WIDGET (window), recent_png);

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
