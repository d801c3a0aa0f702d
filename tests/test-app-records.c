#include <adwaita.h>
#include <string.h>

#include "jd-case-list-model.h"
#include "jd-identity.h"
#include "jd-records-view.h"
#include "jd-sample-store.h"
#include "jd-test-util.h"
#include "jd-test-widgets.h"
#include "jd-window.h"
#include "jd-test-widgets.h"

/* The case page's whole-process records (the timeline, "Add Record…", corrections) and its edit
 * mode, driven through real widgets on a small real sample database. */

#define N_SAMPLE_CASES 300

typedef struct
{
  char     *dir;
  JdStore  *store;
  JdWindow *window;
  JdCase   *kase;
  char     *person_id_row;   /* the name of the ID number row of a person party */
} Fixture;

typedef struct
{
  JdCase *found;
  guint   person;
} Pick;

/* A case with officers, records, stages and a person among its parties. */
static gboolean
pick_cb (JdCase     *kase,
         GPtrArray  *records,
         gpointer    user_data,
         GError    **error)
{
  Pick *pick = user_data;
  JsonArray *officers = jd_case_get_officers (kase);
  JsonArray *parties = jd_case_get_parties (kase);
  JsonArray *stages = jd_case_get_stages (kase);

  if (pick->found != NULL || records->len < 2 || officers == NULL
      || json_array_get_length (officers) == 0 || stages == NULL
      || json_array_get_length (stages) == 0 || parties == NULL)
    return TRUE;
  for (guint i = 0; i < json_array_get_length (parties); i++)
    {
      JsonObject *party = json_array_get_object_element (parties, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (party, "kind", NULL),
                     "person") == 0)
        {
          pick->found = g_object_ref (kase);
          pick->person = i;
          return TRUE;
        }
    }
  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  Pick pick = { 0 };

  fixture->dir = jd_test_tmp_dir ();
  path = g_build_filename (fixture->dir, "sample.db", NULL);
  fixture->store = jd_store_open (path, JD_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  jd_sample_store (fixture->store, N_SAMPLE_CASES, 11, NULL, NULL, &error);
  g_assert_no_error (error);
  /* The writes here queue for sync as on a real replica. */
  jd_test_unmark_sample (path);

  g_assert_true (jd_store_foreach_case (fixture->store, NULL, pick_cb, &pick, &error));
  g_assert_no_error (error);
  g_assert_nonnull (pick.found);
  fixture->kase = pick.found;
  fixture->person_id_row = g_strdup_printf ("party-%u-number", pick.person);

  fixture->window = jd_window_new (NULL, fixture->store);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  jd_window_show_case (fixture->window, fixture->kase);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  /* Dialogs left open by a test. */
  while (g_list_model_get_n_items (toplevels) > 0)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, 0);

      gtk_window_destroy (toplevel);
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_clear_object (&fixture->kase);
  g_clear_object (&fixture->store);
  g_free (fixture->person_id_row);
  jd_test_rm_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Rows (AdwPreferencesRow) under @widget titled @title. */
static void
collect_rows (GtkWidget  *widget,
              const char *title,
              GPtrArray  *rows)
{
  if (ADW_IS_PREFERENCES_ROW (widget)
      && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    g_ptr_array_add (rows, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_rows (child, title, rows);
}

/* What a click does (gtk_widget_activate() on a button clicks it only after a delay). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static JdRecordDialog *
open_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (JD_IS_RECORD_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return JD_RECORD_DIALOG (toplevel);
    }
  return NULL;
}

static GtkWidget *
dialog_child (JdRecordDialog *dialog,
              const char     *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), JD_TYPE_RECORD_DIALOG,
                                                  name);

  g_assert_nonnull (child);
  return GTK_WIDGET (child);
}

static void
type_into (GtkWidget  *row,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
take_records_cb (JdCase     *kase,
                 GPtrArray  *records,
                 gpointer    user_data,
                 GError    **error)
{
  *(GPtrArray **) user_data = g_ptr_array_ref (records);
  return TRUE;
}

/* The case's records as the database holds them now. */
static GPtrArray *
read_records (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = NULL;

  g_assert_true (jd_store_foreach_case (fixture->store, jd_entity_get_id (JD_ENTITY (fixture->kase)),
                                        take_records_cb, &records, &error));
  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static JdRecord *
find_record (GPtrArray  *records,
             const char *member,
             const char *value)
{
  for (guint i = 0; i < records->len; i++)
    if (g_strcmp0 (jd_entity_get_string (records->pdata[i], member), value) == 0)
      return records->pdata[i];
  return NULL;
}

/* How often the outbox entry of case @id was edited since the last sync (-1: no entry), read
 * through a connection of its own. */
static gint64
outbox_edits (Fixture    *fixture,
              const char *id)
{
  sqlite3 *db = jd_test_raw_open (jd_store_get_path (fixture->store));
  sqlite3_stmt *stmt = NULL;
  gint64 edits = -1;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT edits FROM outbox "
                                       "WHERE collection = 'cases' AND row_id = ?", -1, &stmt,
                                       NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    edits = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return edits;
}

static void
assert_audit_whole (JdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  gint64 n_entries = 0;

  problems = jd_store_verify_audit (store, &n_entries, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpint (n_entries, >, 0);
}

/* "Add Record…" from the timeline: the form refuses a future time, a missing matter and no
 * officer, then writes one record that the database and the timeline hold. */
static void
test_add_record (Fixture       *fixture,
                 gconstpointer  data)
{
  JdCasePage *page = jd_window_get_case_page (fixture->window);
  g_autoptr(GPtrArray) before = read_records (fixture);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *future = g_date_time_format (tomorrow, "%Y-%m-%d %H:%M");
  const char *officer = json_array_get_string_element (jd_case_get_officers (fixture->kase), 0);
  gint64 outbox = jd_store_count_outbox (fixture->store, NULL);
  GtkWidget *add = jd_test_find_widget_named (GTK_WIDGET (page), "add-record");
  JdRecordDialog *dialog;
  GtkWidget *save;
  GtkWidget *officer_check;
  JdRecord *added;
  JsonArray *officers;

  g_assert_nonnull (add);
  g_assert_null (open_dialog ());
  g_assert_true (gtk_widget_get_sensitive (add));
  click (add);
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  save = dialog_child (dialog, "save_button");

  adw_combo_row_set_selected (ADW_COMBO_ROW (dialog_child (dialog, "kind_row")), 1);
  type_into (dialog_child (dialog, "time_row"), future);
  type_into (dialog_child (dialog, "matter_row"), "现场检查记录（测试）");
  type_into (dialog_child (dialog, "place_row"), "某某街道 1 号");
  officer_check = jd_test_find_widget_named (GTK_WIDGET (dialog), "officer-0");
  g_assert_nonnull (officer_check);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (officer_check), TRUE);

  /* A time in the future: the row says so and Save is off. */
  g_assert_false (jd_record_dialog_is_valid (dialog));
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "time_row"), "error"));
  g_assert_nonnull (strstr (jd_record_dialog_get_problem (dialog), "future"));

  type_into (dialog_child (dialog, "time_row"), "2020-13-01 09:30");
  g_assert_false (gtk_widget_get_sensitive (save));
  type_into (dialog_child (dialog, "time_row"), "2020-01-02 09:30");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (dialog_child (dialog, "time_row"), "error"));

  /* No officer chosen, then no matter. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (officer_check), FALSE);
  for (guint i = 1;; i++)
    {
      g_autofree char *name = g_strdup_printf ("officer-%u", i);
      GtkWidget *check = jd_test_find_widget_named (GTK_WIDGET (dialog), name);

      if (check == NULL)
        break;
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    }
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (officer_check), TRUE);
  type_into (dialog_child (dialog, "matter_row"), "  ");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (dialog_child (dialog, "matter_row"), "error"));
  type_into (dialog_child (dialog, "matter_row"), "现场检查记录（测试）");
  g_assert_true (gtk_widget_get_sensitive (save));

  click (save);
  g_assert_null (open_dialog ());

  after = read_records (fixture);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  added = find_record (after, "matter", "现场检查记录（测试）");
  g_assert_nonnull (added);
  g_assert_cmpstr (jd_record_get_kind (added), ==, "av");
  g_assert_true (g_str_has_prefix (jd_record_get_time (added), "2020-01-02T09:30:00"));
  g_assert_cmpstr (jd_entity_get_string (JD_ENTITY (added), "place"), ==, "某某街道 1 号");
  g_assert_null (jd_record_get_corrects (added));
  officers = jd_entity_get_array (JD_ENTITY (added), "officers");
  g_assert_cmpuint (json_array_get_length (officers), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (officers, 0), ==, officer);

  /* Audited and outboxed with the write. */
  {
    g_autofree char *object = g_strconcat ("records/", jd_entity_get_id (JD_ENTITY (added)),
                                           NULL);
    g_autoptr(GPtrArray) entries = jd_store_list_audit (fixture->store, object, NULL);

    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_cmpstr (jd_audit_entry_get_action (entries->pdata[0]), ==, "insert");
  }
  g_assert_cmpint (jd_store_count_outbox (fixture->store, NULL), ==, outbox + 1);
  assert_audit_whole (fixture->store);

  /* The rules ran again over the records now held, and the timeline shows the new one. */
  g_assert_cmpuint (jd_case_checker_get_records (jd_window_get_checker (fixture->window),
                                                 fixture->kase)->len, ==, after->len);
  collect_rows (GTK_WIDGET (page), "现场检查记录（测试）", rows);
  g_assert_cmpuint (rows->len, ==, 1);

  /* The Records view lists it first, across cases; opening it shows its case. */
  {
    JdRecordsView *view;
    GtkWidget *list;
    GtkListBoxRow *first;

    jd_window_show_view (fixture->window, "records");
    g_assert_cmpstr (jd_window_get_view (fixture->window), ==, "records");
    view = JD_RECORDS_VIEW (jd_test_find_widget (GTK_WIDGET (fixture->window), JD_TYPE_RECORDS_VIEW, NULL));
    g_assert_cmpuint (jd_records_view_get_n_rows (view), ==, 100);
    list = jd_test_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_BOX, NULL);
    first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==,
                     "现场检查记录（测试）");
    g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)),
                              jd_case_get_number (fixture->kase)));

    /* The next page follows on. */
    click (GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (view), JD_TYPE_RECORDS_VIEW,
                                                      "more_button")));
    g_assert_cmpuint (jd_records_view_get_n_rows (view), >, 100);
    g_assert_true (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == first);

    g_signal_emit_by_name (list, "row-activated", first);
    g_assert_cmpstr (jd_window_get_view (fixture->window), ==, "case");
    g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (jd_case_page_get_case (page))), ==,
                     jd_entity_get_id (JD_ENTITY (fixture->kase)));
  }
}

/* Whether REC-IMMUTABLE, which checks the corrections, passes for the case now. */
static gboolean
corrections_pass (Fixture *fixture)
{
  JdCaseChecker *checker = jd_window_get_checker (fixture->window);
  GPtrArray *findings = jd_case_checker_check (checker,
                                               jd_case_page_get_case (jd_window_get_case_page (
                                                 fixture->window)));

  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (g_strcmp0 (finding->rule, "REC-IMMUTABLE") == 0)
        return finding->status == JD_FINDING_PASS;
    }
  g_assert_not_reached ();
}

/* A record no other record corrects. */
static JdRecord *
uncorrected (GPtrArray *records)
{
  for (guint i = 0; i < records->len; i++)
    if (find_record (records, "corrects", jd_entity_get_id (records->pdata[i])) == NULL)
      return records->pdata[i];
  g_assert_not_reached ();
}

/* A correction is a new record naming the old one, which stays as it was and shows as
 * superseded in the timeline. */
static void
test_correct_record (Fixture       *fixture,
                     gconstpointer  data)
{
  JdCasePage *page = jd_window_get_case_page (fixture->window);
  g_autoptr(GPtrArray) before = read_records (fixture);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  JdRecord *old = uncorrected (before);
  g_autofree char *old_id = g_strdup (jd_entity_get_id (JD_ENTITY (old)));
  g_autofree char *old_body = jd_codec_object_to_string (jd_entity_get_fields (JD_ENTITY (old)),
                                                        NULL);
  g_autofree char *matter = g_strconcat (jd_record_get_matter (old) != NULL
                                           ? jd_record_get_matter (old) : "", "（更正）", NULL);
  g_autoptr(JdRecord) changed = NULL;
  g_autoptr(JsonObject) changed_fields = NULL;
  JdRecordDialog *dialog;
  JdRecord *reread;
  JdRecord *correction;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "case.correct-record", "s",
                                             old_id));
  dialog = open_dialog ();
  g_assert_nonnull (dialog);
  /* The form starts from the record corrected, and is already valid. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (dialog_child (dialog, "matter_row"))), ==,
                   jd_record_get_matter (old) != NULL ? jd_record_get_matter (old) : "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (dialog_child (dialog,
                                                                             "corrects_row"))),
                    >, 0);
  type_into (dialog_child (dialog, "matter_row"), matter);
  g_assert_true (jd_record_dialog_is_valid (dialog));
  /* Made after the record it corrects, or REC-IMMUTABLE would object: the form says so. */
  {
    g_autoptr(GTimeZone) local = g_time_zone_new_local ();
    g_autoptr(GDateTime) old_time = g_date_time_new_from_iso8601 (jd_record_get_time (old), local);
    g_autoptr(GDateTime) before_old = g_date_time_add_minutes (old_time, -1);
    g_autoptr(GDateTime) shown = g_date_time_to_local (before_old);
    g_autofree char *text = g_date_time_format (shown, "%Y-%m-%d %H:%M");
    g_autofree char *now_text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (
                                                                   dialog_child (dialog,
                                                                                 "time_row"))));

    type_into (dialog_child (dialog, "time_row"), text);
    g_assert_false (jd_record_dialog_is_valid (dialog));
    g_assert_nonnull (strstr (jd_record_dialog_get_problem (dialog), "later than"));
    type_into (dialog_child (dialog, "time_row"), now_text);
    g_assert_true (jd_record_dialog_is_valid (dialog));
  }
  click (dialog_child (dialog, "save_button"));
  g_assert_null (open_dialog ());

  after = read_records (fixture);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  reread = find_record (after, "id", old_id);
  g_assert_nonnull (reread);
  {
    g_autofree char *body = jd_codec_object_to_string (jd_entity_get_fields (JD_ENTITY (reread)),
                                                      NULL);

    g_assert_cmpstr (body, ==, old_body);
  }
  correction = find_record (after, "corrects", old_id);
  g_assert_nonnull (correction);
  g_assert_cmpstr (jd_record_get_matter (correction), ==, matter);
  g_assert_cmpstr (jd_record_get_stage (correction), ==, jd_record_get_stage (old));
  g_assert_cmpstr (jd_record_get_time (correction), !=, NULL);
  g_assert_true (corrections_pass (fixture));

  /* The timeline: the old row is superseded, the new one says what it corrects. */
  collect_rows (GTK_WIDGET (page), jd_record_get_matter (old), rows);
  {
    guint n_superseded = 0;

    for (guint i = 0; i < rows->len; i++)
      n_superseded += gtk_widget_has_css_class (rows->pdata[i], "superseded");
    g_assert_cmpuint (n_superseded, ==, 1);
  }
  g_ptr_array_set_size (rows, 0);
  collect_rows (GTK_WIDGET (page), matter, rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_false (gtk_widget_has_css_class (rows->pdata[0], "superseded"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (rows->pdata[0]), "Corrects"));

  /* And the store refuses to change the old record in place. */
  changed_fields = jd_codec_object_from_string (old_body, &error);
  g_assert_no_error (error);
  json_object_set_string_member (changed_fields, "matter", "改写");
  changed = jd_record_new (changed_fields);
  g_assert_false (jd_store_save (fixture->store, JD_ENTITY (changed), &error));
  g_assert_error (error, JD_STORE_ERROR, JD_STORE_ERROR_APPEND_ONLY);
  assert_audit_whole (fixture->store);
}

static void
collect_class (GtkWidget  *widget,
               const char *css_class,
               GPtrArray  *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_class (child, css_class, found);
}

typedef struct
{
  JdCaseChecker *checker;
  JdCase        *found;
} GapPick;

/* A case where a REC rule fails naming the stage of one of its records. */
static gboolean
pick_gap_cb (JdCase     *kase,
             GPtrArray  *records,
             gpointer    user_data,
             GError    **error)
{
  GapPick *pick = user_data;
  GPtrArray *findings;

  if (pick->found != NULL || records->len == 0)
    return TRUE;
  findings = jd_case_checker_check (pick->checker, kase);
  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (!g_str_has_prefix (finding->rule, "REC-") || finding->status != JD_FINDING_FAIL)
        continue;
      for (guint j = 0; j < records->len; j++)
        {
          const char *stage = jd_record_get_stage (records->pdata[j]);

          if (stage != NULL && strstr (finding->message, jd_label_stage (stage)) != NULL)
            {
              pick->found = g_object_ref (kase);
              return TRUE;
            }
        }
    }
  return TRUE;
}

/* A gap the rules find shows in the timeline just before the records of the stage it names. */
static void
test_gaps_in_timeline (Fixture       *fixture,
                       gconstpointer  data)
{
  JdCasePage *page = jd_window_get_case_page (fixture->window);
  GapPick pick = { jd_window_get_checker (fixture->window), NULL };
  g_autoptr(GPtrArray) gaps = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (jd_store_foreach_case (fixture->store, NULL, pick_gap_cb, &pick, &error));
  g_assert_nonnull (pick.found);
  jd_window_show_case (fixture->window, pick.found);

  collect_class (GTK_WIDGET (page), "timeline-gap", gaps);
  g_assert_cmpuint (gaps->len, >, 0);
  for (guint i = 0; i < gaps->len; i++)
    {
      GtkWidget *gap = gaps->pdata[i];
      GtkWidget *next = gtk_widget_get_next_sibling (gap);
      const char *message = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (gap));

      /* Gaps before the same record come one after another. */
      while (next != NULL && gtk_widget_has_css_class (next, "timeline-gap"))
        next = gtk_widget_get_next_sibling (next);
      g_assert_nonnull (next);
      g_assert_true (gtk_widget_has_css_class (next, "record"));
      g_assert_true (gtk_widget_has_css_class (gap, "finding"));

      /* The record after it is of a stage the gap names. */
      {
        const char *subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (next));
        gboolean shared = FALSE;

        for (guint s = 0; jd_stage_codes[s] != NULL; s++)
          {
            g_autofree char *in_row = g_strdup_printf (" · %s · ",
                                                       jd_label_stage (jd_stage_codes[s]));

            shared |= strstr (message, jd_label_stage (jd_stage_codes[s])) != NULL
                      && strstr (subtitle, in_row) != NULL;
          }
        g_assert_true (shared);
      }
    }
  g_object_unref (pick.found);
}

static JdCaseEditor *
start_editing (Fixture *fixture)
{
  JdCasePage *page = jd_window_get_case_page (fixture->window);
  GtkWidget *edit = jd_test_find_widget_named (GTK_WIDGET (page), "edit-case");

  g_assert_nonnull (edit);
  click (edit);
  g_assert_true (jd_case_page_get_editing (page));
  g_assert_nonnull (jd_case_page_get_editor (page));
  return jd_case_page_get_editor (page);
}

/* An ID number that fails GB 11643's check turns its row red and Save off; a good one, on. */
static void
test_edit_invalid_id (Fixture       *fixture,
                      gconstpointer  data)
{
  JdCaseEditor *editor = start_editing (fixture);
  GtkWidget *row = jd_test_find_widget_named (GTK_WIDGET (editor), fixture->person_id_row);
  GtkWidget *save = jd_test_find_widget_named (GTK_WIDGET (editor), "save-case");
  GtkWidget *date = jd_test_find_widget_named (GTK_WIDGET (editor), "stage-0-date");
  char good[19] = "11010519491231002";

  g_assert_nonnull (row);
  g_assert_nonnull (save);
  g_assert_nonnull (date);
  type_into (row, "110105194912310020");
  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_false (jd_case_editor_is_valid (editor));
  g_assert_nonnull (strstr (jd_case_editor_get_problem (editor), "GB 11643"));

  /* A change of the rules' profile or date refreshes the page: what is typed stays. */
  jd_case_page_refresh (jd_window_get_case_page (fixture->window));
  g_assert_true (jd_case_page_get_editor (jd_window_get_case_page (fixture->window)) == editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "110105194912310020");

  good[17] = jd_resident_id_check_char (good);
  good[18] = '\0';
  g_assert_true (good[17] != '0');
  type_into (row, good);
  g_assert_true (gtk_widget_get_sensitive (save));
  g_assert_false (gtk_widget_has_css_class (row, "error"));

  /* Dates as YYYY-MM-DD, real ones only. */
  type_into (date, "2025-02-30");
  g_assert_false (gtk_widget_get_sensitive (save));
  type_into (date, "2025-02-28");
  g_assert_true (gtk_widget_get_sensitive (save));

  /* Cancel leaves the case as it was. */
  click (jd_test_find_widget_named (GTK_WIDGET (editor), "cancel-edit"));
  g_assert_false (jd_case_page_get_editing (jd_window_get_case_page (fixture->window)));
  {
    g_autoptr(JdEntity) stored = jd_store_get (fixture->store, JD_COLLECTION_CASES,
                                               jd_entity_get_id (JD_ENTITY (fixture->kase)),
                                               NULL);
    g_autofree char *a = jd_codec_object_to_string (jd_entity_get_fields (stored), NULL);
    g_autofree char *b = jd_codec_object_to_string (jd_entity_get_fields (JD_ENTITY (fixture->kase)),
                                                    NULL);

    g_assert_cmpstr (a, ==, b);
  }
}

static JdCase *
list_item (JdWindow   *window,
           const char *id)
{
  JdCaseListModel *cases = jd_case_list_get_model (jd_window_get_case_list (window));
  GListModel *model = G_LIST_MODEL (cases);
  guint n = jd_test_list_count (cases);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (model, i);

      if (g_strcmp0 (jd_entity_get_id (JD_ENTITY (kase)), id) == 0)
        return g_steal_pointer (&kase);
    }
  return NULL;
}

/* A valid edit lands in the database in one audited, outboxed write, and the list follows. */
static void
test_edit_save (Fixture       *fixture,
                gconstpointer  data)
{
  const char *id = jd_entity_get_id (JD_ENTITY (fixture->kase));
  JdCasePage *page = jd_window_get_case_page (fixture->window);
  JdCaseEditor *editor = start_editing (fixture);
  g_autofree char *object = g_strconcat ("cases/", id, NULL);
  g_autoptr(GPtrArray) audit_before = jd_store_list_audit (fixture->store, object, NULL);
  g_autoptr(GPtrArray) audit_after = NULL;
  g_autoptr(JdEntity) stored = NULL;
  g_autoptr(JdCase) listed = NULL;
  gint64 outbox = jd_store_count_outbox (fixture->store, NULL);
  gint64 edits = outbox_edits (fixture, id);
  JsonObject *stage;

  type_into (jd_test_find_widget_named (GTK_WIDGET (editor), "title"), "更正后的案件名称");
  type_into (jd_test_find_widget_named (GTK_WIDGET (editor), "stage-0-date"), "2024-05-06");
  type_into (jd_test_find_widget_named (GTK_WIDGET (editor), "decision-fine"), "1234.5");
  g_assert_true (jd_case_editor_is_valid (editor));
  click (jd_test_find_widget_named (GTK_WIDGET (editor), "save-case"));
  g_assert_false (jd_case_page_get_editing (page));

  stored = jd_store_get (fixture->store, JD_COLLECTION_CASES, id, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (jd_case_get_title (JD_CASE (stored)), ==, "更正后的案件名称");
  stage = json_array_get_object_element (jd_case_get_stages (JD_CASE (stored)), 0);
  g_assert_cmpstr (json_object_get_string_member (stage, "date"), ==, "2024-05-06");
  g_assert_cmpfloat (json_object_get_double_member (jd_case_get_decision (JD_CASE (stored)),
                                                    "fine"), ==, 1234.5);
  /* Only what was edited changed. */
  g_assert_cmpstr (jd_case_get_number (JD_CASE (stored)), ==, jd_case_get_number (fixture->kase));

  audit_after = jd_store_list_audit (fixture->store, object, NULL);
  g_assert_cmpuint (audit_after->len, ==, audit_before->len + 1);
  g_assert_cmpstr (jd_audit_entry_get_action (audit_after->pdata[audit_after->len - 1]), ==,
                   "update");
  g_assert_nonnull (strstr (jd_audit_entry_get_changes (audit_after->pdata[audit_after->len - 1]),
                            "更正后的案件名称"));
  /* Queued for the next sync: the case's entry, edited once. */
  g_assert_cmpint (edits, ==, -1);
  g_assert_cmpint (outbox_edits (fixture, id), ==, 1);
  g_assert_cmpint (jd_store_count_outbox (fixture->store, NULL), ==, outbox + 1);
  assert_audit_whole (fixture->store);

  /* The page and the list show the new title. */
  g_assert_cmpstr (jd_case_get_title (jd_case_page_get_case (page)), ==, "更正后的案件名称");
  listed = list_item (fixture->window, id);
  g_assert_nonnull (listed);
  g_assert_cmpstr (jd_case_get_title (listed), ==, "更正后的案件名称");
}

int
main (int   argc,
      char *argv[])
{
  if (!jd_test_app_init (&argc, &argv))
    return 0;

  g_test_add ("/app/records/add", Fixture, NULL, fixture_set_up, test_add_record,
              fixture_tear_down);
  g_test_add ("/app/records/correct", Fixture, NULL, fixture_set_up, test_correct_record,
              fixture_tear_down);
  g_test_add ("/app/records/gaps", Fixture, NULL, fixture_set_up, test_gaps_in_timeline,
              fixture_tear_down);
  g_test_add ("/app/case-edit/invalid-id", Fixture, NULL, fixture_set_up, test_edit_invalid_id,
              fixture_tear_down);
  g_test_add ("/app/case-edit/save", Fixture, NULL, fixture_set_up, test_edit_save,
              fixture_tear_down);
  return g_test_run ();
}
