#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jd-agency-node.h"
#include "jd-rosters-view.h"
#include "jd-sample-store.h"
#include "jd-test-util.h"
#include "jd-window.h"
#include "jd-test-widgets.h"

/* The rosters view on real widgets: the agency tree of a sample district, the styles of
 * certificates on a district whose dates are known (tests/data/roster.json, as of 2025-06-15),
 * and the import of roster CSV files through the preview. */

#define AS_OF "2025-06-15"

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

static void
settle (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  gtk_test_widget_wait_for_draw (widget);
}

static gboolean
view_idle (gpointer data)
{
  return !jd_rosters_view_is_busy (data);
}

static gboolean
has_preview (gpointer data)
{
  return jd_rosters_view_get_preview (data) != NULL;
}

static gboolean
no_preview_and_idle (gpointer data)
{
  return jd_rosters_view_get_preview (data) == NULL && !jd_rosters_view_is_busy (data);
}

static JdRostersView *
show_rosters (JdWindow *window)
{
  JdRostersView *view;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_view (window, "rosters");
  g_assert_cmpstr (jd_window_get_view (window), ==, "rosters");
  view = JD_ROSTERS_VIEW (jd_test_find_widget (GTK_WIDGET (window), JD_TYPE_ROSTERS_VIEW, NULL));
  g_assert_nonnull (view);
  spin_until (view_idle, view, 60);
  settle (GTK_WIDGET (window));
  return view;
}

static JdStore *
open_district (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdDocument) document = jd_test_read_data ("roster.json");
  JdStore *store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_true (jd_store_import (store, document, NULL, &error));
  g_assert_no_error (error);
  return store;
}

static GSettings *
settings_as_of (const char *date)
{
  GSettings *settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "as-of-date", date);
  g_settings_set_string (settings, "last-view", "cases");
  return settings;
}

/* The tree follows parent_id, every agency once, each with its officers counted. */
static void
test_tree (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "sample.db", NULL);
  g_autoptr(JdStore) store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GHashTable) parents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GSettings) settings G_GNUC_UNUSED = settings_as_of ("");
  GListModel *rows;
  JdRostersView *view;
  JdWindow *window;
  guint max_depth = 0, selected = GTK_INVALID_LIST_POSITION;
  g_autofree char *selected_id = NULL;
  g_auto(GStrv) officer_ids = NULL;
  GListModel *officers;

  g_assert_no_error (error);
  jd_sample_store (store, 300, 5, NULL, NULL, &error);
  g_assert_no_error (error);
  agencies = jd_store_list_all (store, JD_COLLECTION_AGENCIES, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agencies->len, >, 5);
  for (guint i = 0; i < agencies->len; i++)
    g_hash_table_insert (parents, (gpointer) jd_entity_get_id (agencies->pdata[i]),
                         (gpointer) jd_agency_get_parent_id (agencies->pdata[i]));

  window = jd_window_new (NULL, store);
  view = show_rosters (window);
  rows = G_LIST_MODEL (gtk_list_view_get_model (jd_rosters_view_get_agency_list (view)));

  /* Every agency once, expanded, under the agency that supervises it. */
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, agencies->len);
  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
      g_autoptr(JdAgencyNode) node = gtk_tree_list_row_get_item (row);
      const char *id = jd_agency_node_get_id (node);
      const char *parent_id = g_hash_table_lookup (parents, id);
      g_auto(GStrv) ids = jd_store_list_officer_ids (store, id, &error);

      g_assert_no_error (error);
      g_assert_false (g_hash_table_contains (seen, id));
      g_hash_table_add (seen, (gpointer) id);
      g_assert_true (g_hash_table_contains (parents, id));
      if (parent_id == NULL)
        {
          g_assert_null (parent);
          g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 0);
        }
      else
        {
          g_autoptr(JdAgencyNode) parent_node = NULL;

          g_assert_nonnull (parent);
          parent_node = gtk_tree_list_row_get_item (parent);
          g_assert_cmpstr (jd_agency_node_get_id (parent_node), ==, parent_id);
        }
      max_depth = MAX (max_depth, gtk_tree_list_row_get_depth (row));
      g_assert_cmpuint (jd_agency_node_get_n_officers (node), ==, g_strv_length (ids));
      if (selected == GTK_INVALID_LIST_POSITION && gtk_tree_list_row_get_depth (row) > 0
          && g_strv_length (ids) > 0)
        {
          selected = i;
          selected_id = g_strdup (id);
        }
    }
  g_assert_cmpuint (max_depth, >=, 1);
  g_assert_cmpuint (selected, !=, GTK_INVALID_LIST_POSITION);

  /* Choosing an agency lists its officers, by name. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (rows), selected);
  spin_until (view_idle, view, 60);
  settle (GTK_WIDGET (window));
  officer_ids = jd_store_list_officer_ids (store, selected_id, &error);
  g_assert_no_error (error);
  officers = G_LIST_MODEL (gtk_column_view_get_model (jd_rosters_view_get_officer_view (view)));
  g_assert_cmpuint (g_list_model_get_n_items (officers), ==, g_strv_length (officer_ids));
  for (guint i = 0; i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(JdOfficer) officer = g_list_model_get_item (officers, i);

      g_assert_cmpstr (jd_officer_get_agency_id (officer), ==, selected_id);
      g_assert_true (g_strv_contains ((const char * const *) officer_ids,
                                      jd_entity_get_id (JD_ENTITY (officer))));
    }
  {
    g_autoptr(JdOfficer) first = g_list_model_get_item (officers, 0);

    g_assert_nonnull (jd_test_find_label (GTK_WIDGET (jd_rosters_view_get_officer_view (view)),
                                          jd_officer_get_name (first), NULL));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static guint
officer_position (GListModel *officers,
                  const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (officers); i++)
    {
      g_autoptr(JdEntity) officer = g_list_model_get_item (officers, i);

      if (g_strcmp0 (jd_entity_get_id (officer), id) == 0)
        return i;
    }
  g_error ("officer %s not listed", id);
}

/* As of 2025-06-15: an expired certificate and a suspended one are errors, one ending on
 * 2025-07-31 a warning, and the act of 2025-05-10 with the expired certificate leads to its
 * case. */
static void
test_styles (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "district.db", NULL);
  g_autoptr(JdStore) store = open_district (path);
  g_autoptr(GSettings) settings = settings_as_of (AS_OF);
  GtkWidget *table, *label;
  GListModel *officers;
  JdRostersView *view;
  JdWindow *window;
  JdCase *shown;

  window = jd_window_new (NULL, store);
  view = show_rosters (window);
  g_assert_true (jd_rosters_view_select_agency (view, "a-smj"));
  spin_until (view_idle, view, 60);
  settle (GTK_WIDGET (window));

  table = GTK_WIDGET (jd_rosters_view_get_officer_view (view));
  officers = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
  g_assert_cmpuint (g_list_model_get_n_items (officers), ==, 5);

  label = jd_test_find_label (table, "李过期", NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  label = jd_test_find_label (table, "孙暂扣", NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  label = jd_test_find_label (table, "王将到", NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "warning"));
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  label = jd_test_find_label (table, "张正常", NULL);
  g_assert_nonnull (label);
  g_assert_false (gtk_widget_has_css_class (label, "warning"));
  g_assert_false (gtk_widget_has_css_class (label, "error"));
  /* 24 + 16.5 hours in 2025; the 40 of 2024 do not count. */
  g_assert_nonnull (jd_test_find_label (table, "40.5 h", NULL));

  /* The act with the expired certificate, named with its case. */
  label = jd_test_find_label (table, "Acted without a valid certificate in 京兴市监罚〔2025〕31号", NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  /* Back from another agency, the acts found before show at once. */
  g_assert_true (jd_rosters_view_select_agency (view, "a-sfj"));
  spin_until (view_idle, view, 60);
  g_assert_true (jd_rosters_view_select_agency (view, "a-smj"));
  g_assert_false (jd_rosters_view_is_busy (view));
  settle (GTK_WIDGET (window));
  label = jd_test_find_label (table, "Acted without a valid certificate in 京兴市监罚〔2025〕31号", NULL);
  g_assert_nonnull (label);

  /* Activating the officer opens that case. */
  g_signal_emit_by_name (table, "activate", officer_position (officers, "o-expired"));
  settle (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "case");
  shown = jd_case_page_get_case (jd_window_get_case_page (window));
  g_assert_nonnull (shown);
  g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (shown)), ==, "c-late");

  /* A profile that requires training hours shows them against the hours of the year. */
  jd_window_show_view (window, "rosters");
  g_settings_set_string (settings, "profile", "beijing-daxing");
  spin_until (view_idle, view, 60);
  settle (GTK_WIDGET (window));
  g_assert_nonnull (jd_test_find_label (table, "40.5 of 60 h", NULL));
  g_assert_null (jd_test_find_label (table, "40.5 h", NULL));
  g_settings_reset (settings, "profile");

  /* A year later the warning has become an error. */
  g_settings_set_string (settings, "as-of-date", "2026-06-15");
  spin_until (view_idle, view, 60);
  settle (GTK_WIDGET (window));
  label = jd_test_find_label (table, "王将到", NULL);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "as-of-date", "");
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closing the window while the acts are checked and a roster is read: the tasks end, the view
 * goes, and nothing touches the widgets that went with it. */
static void
test_close_while_busy (void)
{
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "district.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(JdStore) store = open_district (path);
  g_autoptr(GSettings) settings = settings_as_of (AS_OF);
  JdRostersView *view;
  JdWindow *window;

  g_file_set_contents (csv_path, "姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别\n"
                                 "刘新人,11010020099,大兴区司法局,2025-01-01,2030-12-31,有效,执法人员\n",
                       -1, NULL);
  window = jd_window_new (NULL, store);
  view = show_rosters (window);
  g_assert_true (jd_rosters_view_select_agency (view, "a-sfj"));
  jd_rosters_view_import_file (view, csv);
  g_assert_true (jd_rosters_view_is_busy (view));
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *) &view);
  gtk_window_destroy (GTK_WINDOW (window));
  spin_until (is_null, &view, 60);

  g_settings_set_string (settings, "as-of-date", "");
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static void
write_file (const char *path,
            const char *text,
            const char *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *converted = NULL;
  gsize length = strlen (text);

  if (encoding != NULL)
    {
      converted = g_convert (text, -1, encoding, "UTF-8", NULL, &length, &error);
      g_assert_no_error (error);
    }
  g_file_set_contents (path, converted != NULL ? converted : text, (gssize) length, &error);
  g_assert_no_error (error);
}

#define HEADER "姓名,执法证号,所属单位,有效期起,有效期至,证件状态,人员类别\r\n"

static void
test_import_good (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "district.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "roster.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(JdStore) store = open_district (path);
  g_autoptr(GSettings) settings = settings_as_of (AS_OF);
  g_autoptr(JdEntity) updated = NULL;
  g_autofree char *holder_name = NULL;
  g_autofree char *holder = NULL;
  JdRosterPreview *preview;
  JdRostersView *view;
  JdWindow *window;
  JsonObject *certificate;

  write_file (csv_path,
              HEADER
              "刘新人,11010020099,大兴区司法局,2025-01-01,2030-12-31,有效,执法人员\r\n"
              "张正常,11010020003,大兴区市场监督管理局,2023-01-01,2031-12-31,有效,执法人员\r\n"
              "陈司法,11010020006,大兴区司法局,2023-01-01,2028-12-31,有效,执法人员\r\n",
              NULL);
  window = jd_window_new (NULL, store);
  view = show_rosters (window);

  jd_rosters_view_import_file (view, csv);
  spin_until (has_preview, view, 60);
  preview = jd_rosters_view_get_preview (view);
  settle (GTK_WIDGET (preview));
  g_assert_null (jd_roster_preview_get_error_text (preview));
  g_assert_cmpuint (jd_roster_preview_get_n_rows (preview), ==, 3);
  g_assert_cmpuint (jd_roster_preview_count (preview, JD_ROSTER_CHANGE_ADDED), ==, 1);
  g_assert_cmpuint (jd_roster_preview_count (preview, JD_ROSTER_CHANGE_UPDATED), ==, 1);
  g_assert_cmpuint (jd_roster_preview_count (preview, JD_ROSTER_CHANGE_UNCHANGED), ==, 1);
  g_assert_nonnull (jd_test_find_label (GTK_WIDGET (preview), "刘新人", NULL));
  g_assert_nonnull (jd_test_find_label (GTK_WIDGET (preview), "New", NULL));
  /* Nothing is written before "Import". */
  g_assert_null (jd_store_find_certificate_holder (store, "11010020099", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (jd_roster_preview_get_import_button (
                                                         preview))));
  gtk_widget_activate (GTK_WIDGET (jd_roster_preview_get_import_button (preview)));
  spin_until (no_preview_and_idle, view, 60);

  holder = jd_store_find_certificate_holder (store, "11010020099", &holder_name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (holder);
  g_assert_cmpstr (holder_name, ==, "刘新人");
  updated = jd_store_get (store, JD_COLLECTION_OFFICERS, "o-ok", &error);
  g_assert_no_error (error);
  certificate = json_array_get_object_element (jd_officer_get_certificates (JD_OFFICER (updated)),
                                               0);
  g_assert_cmpstr (json_object_get_string_member (certificate, "valid_to"), ==, "2031-12-31");
  /* The training the file does not speak of is kept. */
  g_assert_cmpuint (json_array_get_length (jd_officer_get_training (JD_OFFICER (updated))), ==, 3);

  /* The view read the store again: the new officer is under its agency. */
  g_assert_true (jd_rosters_view_select_agency (view, "a-sfj"));
  spin_until (view_idle, view, 60);
  settle (GTK_WIDGET (window));
  g_assert_nonnull (jd_test_find_label (GTK_WIDGET (jd_rosters_view_get_officer_view (view)),
                                        "刘新人", NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "as-of-date", "");
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

static void
test_import_bad (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = jd_test_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "district.db", NULL);
  g_autofree char *csv_path = g_build_filename (dir, "bad.csv", NULL);
  g_autoptr(GFile) csv = g_file_new_for_path (csv_path);
  g_autoptr(JdStore) store = open_district (path);
  g_autoptr(GSettings) settings = settings_as_of (AS_OF);
  g_autofree char *holder = NULL;
  JdRosterPreview *preview;
  JdRostersView *view;
  JdWindow *window;
  const char *text;
  gint64 before;

  /* GB18030, as a spreadsheet in Chinese saves it; line 3 names an agency nobody knows. */
  write_file (csv_path,
              HEADER
              "刘新人,11010020099,大兴区司法局,2025-01-01,2030-12-31,有效,执法人员\r\n"
              "钱无名,11010020098,大兴区不存在局,2025-01-01,2030-12-31,有效,执法人员\r\n",
              "GB18030");
  before = jd_store_count (store, JD_COLLECTION_OFFICERS, &error);
  g_assert_no_error (error);
  window = jd_window_new (NULL, store);
  view = show_rosters (window);

  jd_rosters_view_import_file (view, csv);
  spin_until (has_preview, view, 60);
  preview = jd_rosters_view_get_preview (view);
  settle (GTK_WIDGET (preview));
  text = jd_roster_preview_get_error_text (preview);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "line 3, column 3"));
  g_assert_nonnull (strstr (text, "大兴区不存在局"));
  g_assert_nonnull (jd_test_find_label (GTK_WIDGET (preview), text, NULL));
  g_assert_cmpuint (jd_roster_preview_get_n_rows (preview), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (jd_roster_preview_get_import_button (
                                                          preview))));
  gtk_widget_activate (GTK_WIDGET (jd_roster_preview_get_import_button (preview)));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_false (jd_rosters_view_is_busy (view));

  /* Nothing written, not even line 2. */
  g_assert_cmpint (jd_store_count (store, JD_COLLECTION_OFFICERS, &error), ==, before);
  holder = jd_store_find_certificate_holder (store, "11010020099", NULL, &error);
  g_assert_no_error (error);
  g_assert_null (holder);

  gtk_window_destroy (GTK_WINDOW (preview));
  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "as-of-date", "");
  g_clear_object (&store);
  jd_test_rm_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!jd_test_app_init (&argc, &argv))
    return 0;

  g_test_add_func ("/app/rosters/tree", test_tree);
  g_test_add_func ("/app/rosters/styles", test_styles);
  g_test_add_func ("/app/rosters/import-good", test_import_good);
  g_test_add_func ("/app/rosters/import-bad", test_import_bad);
  g_test_add_func ("/app/rosters/close-while-busy", test_close_while_busy);
  return g_test_run ();
}
