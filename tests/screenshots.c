#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "jd-case-checker.h"
#include "jd-case-list-model.h"
#include "jd-dashboard-view.h"
#include "jd-rosters-view.h"
#include "jd-supervision-view.h"
#include "jd-conflict-dialog.h"
#include "jd-sample-store.h"
#include "jd-store-review.h"
#include "jd-window.h"
#include "jd-test-widgets.h"

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

/* Scrolls the case page so that its group @name is at the top. */
static void
scroll_to (JdCasePage *page,
           const char *name)
{
  GtkWidget *scrolled = jd_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SCROLLED_WINDOW, NULL);
  GtkWidget *group = jd_test_find_widget (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_GROUP, name);
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
has_rule_failure (GPtrArray  *findings,
                  const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (finding->status == JD_FINDING_FAIL && g_strcmp0 (finding->rule, rule) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
remove_db (const char *db)
{
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (db);
  g_unlink (wal);
  g_unlink (shm);
}

static gboolean
has_error (GPtrArray *findings)
{
  for (guint i = 0; i < findings->len; i++)
    if (jd_finding_is_blocking (findings->pdata[i]))
      return TRUE;
  return FALSE;
}

/* Sync conflicts come from a server, and sample data never meets one: a small replica of its
 * own, whose pushes the server accepted, then edits here and a pull of other edits there. */
static const char conflict_seed[] =
  "{\"format\":\"jiandu/1\","
  "\"agencies\":[{\"id\":\"t1\",\"name\":\"兴城镇人民政府\",\"kind\":\"town\"}],"
  "\"cases\":[{\"id\":\"c1\",\"agency_id\":\"t1\",\"title\":\"某公司违法建设案\","
  "\"number\":\"兴城罚〔2025〕1号\"}]}";

static JdStore *
conflict_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_autoptr(GBytes) bytes = g_bytes_new_static (conflict_seed, sizeof conflict_seed - 1);
  g_autoptr(JdDocument) document = NULL;
  g_autoptr(JsonArray) batch = NULL;
  g_autoptr(JsonArray) results = json_array_new ();
  g_autoptr(JsonNode) pulled = NULL;
  g_autoptr(JdEntity) kase = NULL;
  gint64 rev = 1;

  g_assert_no_error (error);
  document = jd_codec_read (bytes, &error);
  g_assert_no_error (error);
  jd_store_import (store, document, NULL, &error);
  g_assert_no_error (error);
  jd_store_sync_set_account (store, "https://sync.example.gov.cn/", "liming", &error);
  g_assert_no_error (error);

  batch = jd_store_sync_next_batch (store, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < json_array_get_length (batch); i++)
    {
      JsonObject *result = json_object_new ();

      json_object_set_string_member (
        result, "mutation_id",
        json_object_get_string_member (json_array_get_object_element (batch, i), "mutation_id"));
      json_object_set_string_member (result, "status", "applied");
      json_object_set_int_member (result, "rev", rev++);
      json_array_add_object_element (results, result);
    }
  jd_store_sync_commit_results (store, results, NULL, &error);
  g_assert_no_error (error);

  kase = jd_store_get (store, JD_COLLECTION_CASES, "c1", &error);
  g_assert_no_error (error);
  json_object_set_string_member (jd_entity_get_fields (kase), "title",
                                 "某建筑公司未批先建案");
  json_object_set_string_member (jd_entity_get_fields (kase), "number", "兴城罚〔2025〕12号");
  jd_store_save (store, kase, &error);
  g_assert_no_error (error);

  pulled = json_from_string (
    "[{\"collection\": \"cases\", \"id\": \"c1\", \"rev\": 9, \"deleted\": false, "
    "\"modified\": \"2025-07-01T10:00:00+08:00\", \"fields\": {\"id\": \"c1\", "
    "\"agency_id\": \"t1\", \"title\": \"某公司违法建设（扩建）案\", "
    "\"number\": \"兴城罚〔2025〕21号\"}}]",
    &error);
  g_assert_no_error (error);
  jd_store_sync_apply_pull (store, json_node_get_array (pulled), 9, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}

static void
conflict_screenshot (const char *dir,
                     const char *outdir)
{
  g_autofree char *db = g_build_filename (dir, "conflict.db", NULL);
  g_autofree char *png = g_build_filename (outdir, "sync-conflict.png", NULL);
  g_autoptr(JdStore) store = conflict_store (db);
  JdWindow *window = jd_window_new (NULL, store);
  GtkWidget *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  dialog = jd_conflict_dialog_new (GTK_WINDOW (window), store,
                                   jd_window_get_sync_manager (window));
  gtk_window_present (GTK_WINDOW (dialog));
  settle (dialog);
  save_png (dialog, png);
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  remove_db (db);
}

/* The day the most reviews await their opinion, among the submission days of the first cases:
 * a queue worth showing. */
static gboolean
submission_cb (JdCase     *kase,
               GPtrArray  *records,
               gpointer    user_data,
               GError    **error)
{
  JsonObject *review = jd_case_get_review (kase);
  GPtrArray *days = user_data;

  if (review != NULL && json_object_has_member (review, "submitted_on") && days->len < 400)
    g_ptr_array_add (days, g_strdup (json_object_get_string_member (review, "submitted_on")));
  return TRUE;
}

static char *
busiest_review_day (JdStore *store)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  const char *best = NULL;
  gint64 most = -1;

  if (!jd_store_foreach_case (store, NULL, submission_cb, days, &error))
    g_error ("%s", error->message);
  for (guint i = 0; i < days->len; i++)
    {
      gint64 n = jd_store_count_review_queue (store, days->pdata[i], NULL);

      if (n > most)
        {
          most = n;
          best = days->pdata[i];
        }
    }
  if (best == NULL)
    g_error ("no legal review in the sample");
  return g_strdup (best);
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
  g_autofree char *records_png = NULL;
  g_autofree char *edit_png = NULL;
  g_autofree char *recent_png = NULL;
  JdCasePage *page;
  g_autofree char *rosters_png = NULL;
  JdRostersView *rosters;
  g_autofree char *review_png = NULL;
  g_autofree char *review_day = NULL;
  g_autofree char *supervision_png = NULL;
  g_autoptr(GSettings) settings = NULL;
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
  /* The app's own styles, as JdApplication loads them at startup. */
  {
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/io/github/jiandu/app/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

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

  /* The dashboard as of the end of the sample's last month of new cases, once the rules have
   * checked every case for that day. */
  g_settings_set_string (jd_window_get_settings (window), "as-of-date", "2026-01-31");
  jd_window_show_view (window, "dashboard");
  {
    JdDashboardView *dashboard = JD_DASHBOARD_VIEW (jd_test_find_widget (GTK_WIDGET (window),
                                                                 JD_TYPE_DASHBOARD_VIEW, NULL));

    while (jd_case_checker_is_refreshing (jd_window_get_checker (window))
           || jd_dashboard_view_is_busy (dashboard))
      g_main_context_iteration (NULL, TRUE);
  }
  settle (GTK_WIDGET (window));
  dashboard_png = g_build_filename (argv[1], "dashboard.png", NULL);
  save_png (GTK_WIDGET (window), dashboard_png);
  g_settings_reset (jd_window_get_settings (window), "as-of-date");

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
    GtkWidget *row = jd_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ENTRY_ROW, "party-0-number");

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

  /* The rosters as of a day inside the sample's years, on the agency of a case where an officer
   * acted without a valid certificate, with the officers' acts checked. */
  g_settings_set_string (jd_window_get_settings (window), "as-of-date", "2026-08-31");
  jd_window_show_view (window, "rosters");
  rosters = JD_ROSTERS_VIEW (jd_test_find_widget (GTK_WIDGET (window), JD_TYPE_ROSTERS_VIEW, NULL));
  settle (GTK_WIDGET (window));
  for (position = 0;; position++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (model), position);

      if (kase == NULL)
        g_error ("no case where an officer acted without a valid certificate");
      if (has_rule_failure (jd_case_checker_check (jd_window_get_checker (window), kase),
                            "ROS-CERT-VALID"))
        {
          jd_rosters_view_select_agency (rosters, jd_case_get_agency_id (kase));
          break;
        }
    }
  while (jd_rosters_view_is_busy (rosters))
    g_main_context_iteration (NULL, TRUE);
  settle (GTK_WIDGET (window));
  rosters_png = g_build_filename (argv[1], "rosters.png", NULL);
  save_png (GTK_WIDGET (window), rosters_png);
  /* The legal review on a day with a queue, its first (most urgent) decision opened. */
  review_day = busiest_review_day (store);
  settings = g_object_ref (jd_window_get_settings (window));
  g_settings_set_string (settings, "as-of-date", review_day);
  jd_window_show_view (window, "review");
  settle (GTK_WIDGET (window));
  {
    GtkListBox *queue = jd_review_view_get_queue (jd_window_get_review_view (window));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (queue, 0);

    if (row != NULL)
      {
        gtk_list_box_select_row (queue, row);
        g_signal_emit_by_name (queue, "row-activated", row);
      }
  }
  settle (GTK_WIDGET (window));
  review_png = g_build_filename (argv[1], "review.png", NULL);
  save_png (GTK_WIDGET (window), review_png);
  g_settings_reset (settings, "as-of-date");

  /* Supervision under a profile whose rules set its deadlines: the individual cases, the first
   * one opened on its clock and its letters. */
  g_settings_set_string (settings, "profile", "weihai");
  jd_window_show_view (window, "supervision");
  settle (GTK_WIDGET (window));
  {
    JdSupervisionView *supervision = JD_SUPERVISION_VIEW (jd_test_find_widget (GTK_WIDGET (window),
                                                                       JD_TYPE_SUPERVISION_VIEW,
                                                                       NULL));
    GtkListBox *cases = jd_supervision_view_get_list (supervision,
                                                      JD_COLLECTION_SUPERVISION_CASES);
    GtkWidget *first = gtk_widget_get_first_child (GTK_WIDGET (cases));

    adw_view_stack_set_visible_child_name (jd_supervision_view_get_stack (supervision), "cases");
    if (ADW_IS_EXPANDER_ROW (first))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (first), TRUE);
  }
  settle (GTK_WIDGET (window));
  supervision_png = g_build_filename (argv[1], "supervision.png", NULL);
  save_png (GTK_WIDGET (window), supervision_png);
  g_settings_reset (settings, "profile");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  remove_db (db);

  conflict_screenshot (dir, argv[1]);
  g_rmdir (dir);
  return 0;
}
