#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "jd-sample-store.h"
#include "jd-store-review.h"
#include "jd-test-util.h"
#include "jd-test-widgets.h"
#include "jd-window.h"

/* The legal review view on a small real sample district: the queue and its countdowns, the
 * workspace of the 9 points, saving into the database, and the written opinion as a PDF. */

#define N_SAMPLE_CASES 1000

static char *dir;
static char *sample_path;

static JdStore *
open_sample (void)
{
  g_autoptr(GError) error = NULL;
  JdStore *store = jd_store_open (sample_path, JD_STORE_OPEN_NONE, &error);

  g_assert_no_error (error);
  return store;
}

static GtkWidget *
find_label (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_switch (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  char *id;
  char  submitted[11];
} Reviewed;

static gboolean
first_reviewed_cb (JdCase     *kase,
                   GPtrArray  *records,
                   gpointer    user_data,
                   GError    **error)
{
  Reviewed *found = user_data;
  JsonObject *review = jd_case_get_review (kase);
  const char *submitted, *completed;

  if (review == NULL || found->id != NULL)
    return TRUE;
  submitted = json_object_get_string_member_with_default (review, "submitted_on", NULL);
  completed = json_object_get_string_member_with_default (review, "completed_on", NULL);
  if (submitted != NULL && completed != NULL && strcmp (submitted, completed) < 0)
    {
      found->id = g_strdup (jd_entity_get_id (JD_ENTITY (kase)));
      g_strlcpy (found->submitted, submitted, sizeof found->submitted);
    }
  return TRUE;
}

/* A day on which some review awaits its opinion: the submission day of a reviewed case. */
static void
find_review_day (JdStore  *store,
                 Reviewed *found)
{
  g_autoptr(GError) error = NULL;

  found->id = NULL;
  g_assert_true (jd_store_foreach_case (store, NULL, first_reviewed_cb, found, &error));
  g_assert_nonnull (found->id);
}

static void
wait_for (GtkWidget *widget)
{
  gtk_test_widget_wait_for_draw (widget);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The countdown the queue should show for @kase on @as_of, worked out here independently. */
static char *
expected_countdown (JdWindow   *window,
                    JdCase     *kase,
                    const char *as_of_text,
                    int        *left_out)
{
  JsonObject *review = jd_case_get_review (kase);
  g_autoptr(GError) error = NULL;
  GDate submitted, as_of, due;
  int limit, left;

  g_assert_true (jd_profile_get_limit (jd_case_checker_get_profile (jd_window_get_checker (window)),
                                       "review_duration_wd", &limit));
  g_assert_cmpint (limit, ==, 5);
  g_date_clear (&submitted, 1);
  g_date_clear (&as_of, 1);
  g_date_set_parse (&submitted, json_object_get_string_member (review, "submitted_on"));
  g_date_set_parse (&as_of, as_of_text);
  g_assert_true (jd_calendar_add_workdays (jd_calendar_get_default (), &submitted, limit, &due,
                                           &error));
  g_assert_true (jd_calendar_count_workdays (jd_calendar_get_default (), &as_of, &due, &left,
                                             &error));
  g_assert_no_error (error);
  *left_out = left;
  if (left > 1)
    return g_strdup_printf ("%d working days left", left);
  if (left == 1)
    return g_strdup ("1 working day left");
  if (left == 0)
    return g_strdup ("Due today");
  if (left == -1)
    return g_strdup ("Overdue by 1 working day");
  return g_strdup_printf ("Overdue by %d working days", -left);
}

static char *
review_json (JdStore    *store,
             const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (store, JD_COLLECTION_CASES, id, &error);
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  g_assert_no_error (error);
  json_node_set_object (node, jd_case_get_review (JD_CASE (kase)));
  return json_to_string (node, FALSE);
}

/* How many writes the outbox entry of case @id collects (0 when there is none). */
static gint64
outbox_edits (const char *id)
{
  sqlite3 *db = jd_test_raw_open (sample_path);
  sqlite3_stmt *stmt = NULL;
  gint64 edits = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT edits FROM outbox WHERE collection = 'cases' "
                                           "AND row_id = ?", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    edits = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return edits;
}

static void
set_point (JdReviewForm    *form,
           guint            point,
           JdReviewVerdict  verdict,
           const char      *opinion)
{
  adw_combo_row_set_selected (jd_review_form_get_verdict_row (form, point), verdict);
  gtk_editable_set_text (GTK_EDITABLE (jd_review_form_get_opinion_row (form, point)), opinion);
}

static const JdFinding *
finding_of (GPtrArray  *findings,
            const char *rule)
{
  for (guint i = 0; i < findings->len; i++)
    if (g_strcmp0 (((JdFinding *) findings->pdata[i])->rule, rule) == 0)
      return findings->pdata[i];
  return NULL;
}

static void
test_review_queue_and_save (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JdCase) chosen = NULL;
  g_autofree char *before = NULL;
  g_autofree char *countdown = NULL;
  g_autoptr(GPtrArray) audit_before = NULL;
  g_autoptr(GPtrArray) audit_after = NULL;
  gint64 outbox_before, queued, edits_before;
  Reviewed day;
  JdWindow *window;
  JdReviewView *view;
  JdReviewForm *form;
  GtkListBox *queue;
  GtkListBoxRow *row;
  GtkWidget *save;
  const char *id;
  int left;

  find_review_day (store, &day);
  g_settings_set_string (settings, "as-of-date", day.submitted);
  queued = jd_store_count_review_queue (store, day.submitted, &error);
  g_assert_no_error (error);
  g_assert_cmpint (queued, >=, 1);

  window = jd_window_new (NULL, store);
  view = jd_window_get_review_view (window);
  form = jd_review_view_get_form (view);
  queue = jd_review_view_get_queue (view);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_view (window, "review");
  wait_for (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "review");

  /* The queue: every case awaiting review that day, each with its countdown. */
  g_assert_cmpint (jd_review_view_get_n_queued (view), ==, queued);
  g_assert_cmpuint (jd_review_view_get_n_shown (view), ==, MIN (queued, JD_REVIEW_VIEW_PAGE_SIZE));
  {
    g_autoptr(GPtrArray) cases = jd_store_list_review_queue (store, day.submitted, 0, 1, &error);

    g_assert_no_error (error);
    chosen = g_object_ref (cases->pdata[0]);
  }
  id = jd_entity_get_id (JD_ENTITY (chosen));
  row = gtk_list_box_get_row_at_index (queue, 0);
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (GTK_WIDGET (row), jd_case_get_number (chosen)));
  countdown = expected_countdown (window, chosen, day.submitted, &left);
  g_assert_cmpint (left, >=, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (row), countdown));
  g_assert_false (gtk_widget_has_css_class (find_label (GTK_WIDGET (row), countdown), "error"));

  /* Picking it opens the workspace, with what the rules found for each point. */
  g_signal_emit_by_name (queue, "row-activated", row);
  wait_for (GTK_WIDGET (window));
  g_assert_nonnull (jd_review_form_get_case (form));
  g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (jd_review_form_get_case (form))), ==, id);
  for (guint p = 1; p <= JD_REVIEW_N_POINTS; p++)
    {
      g_assert_nonnull (jd_review_form_get_finding (form, p));
      g_assert_cmpstr (jd_review_form_get_finding (form, p), !=, "");
    }
  /* Point 4 names the party the rules checked. */
  {
    JsonArray *parties = jd_case_get_parties (chosen);
    const char *party = json_object_get_string_member (json_array_get_object_element (parties, 0),
                                                       "name");

    g_assert_nonnull (strstr (jd_review_form_get_finding (form, 4), party));
  }

  before = review_json (store, id);
  edits_before = outbox_edits (id);
  outbox_before = jd_store_count_outbox (store, &error);
  audit_before = jd_store_list_audit (store, NULL, &error);
  g_assert_no_error (error);
  save = find_button (GTK_WIDGET (form), "_Save Review");
  g_assert_nonnull (save);

  /* A point without a verdict is refused, and nothing is written. */
  for (guint p = 1; p <= JD_REVIEW_N_POINTS; p++)
    set_point (form, p, p == 9 ? JD_REVIEW_VERDICT_NONE : JD_REVIEW_VERDICT_PASS, "");
  g_assert_false (jd_review_form_validate (form, &error));
  g_assert_error (error, JD_REVIEW_FORM_ERROR, JD_REVIEW_FORM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Review point 9"));
  g_clear_error (&error);
  g_signal_emit_by_name (save, "clicked");
  wait_for (GTK_WIDGET (window));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (jd_review_form_get_verdict_row (form, 9)),
                                           "error"));
  {
    g_autofree char *after = review_json (store, id);

    g_assert_cmpstr (after, ==, before);
  }

  /* "Does not comply" needs an opinion. */
  set_point (form, 9, JD_REVIEW_VERDICT_NOT_APPLICABLE, "");
  set_point (form, 5, JD_REVIEW_VERDICT_FAIL, "  ");
  g_assert_false (jd_review_form_save (form, &error));
  g_assert_error (error, JD_REVIEW_FORM_ERROR, JD_REVIEW_FORM_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Review point 5"));
  g_clear_error (&error);

  /* The result follows the verdicts: a point that does not comply means "Not approved";
   * the reviewer may still approve it with changes, never plainly. */
  set_point (form, 5, JD_REVIEW_VERDICT_FAIL, "证据不足以证明违法事实，应补充调查");
  for (guint p = 1; p <= 8; p++)
    if (p != 5)
      gtk_editable_set_text (GTK_EDITABLE (jd_review_form_get_opinion_row (form, p)), "符合规定");
  {
    GtkWidget *result = find_label (GTK_WIDGET (form), "Overall result");
    AdwComboRow *combo;

    g_assert_nonnull (result);
    while (!ADW_IS_COMBO_ROW (result))
      result = gtk_widget_get_parent (result);
    combo = ADW_COMBO_ROW (result);
    g_assert_cmpuint (adw_combo_row_get_selected (combo), ==, 2);  /* Not approved */
    adw_combo_row_set_selected (combo, 0);                          /* Approved */
    g_assert_false (jd_review_form_validate (form, &error));
    g_clear_error (&error);
    adw_combo_row_set_selected (combo, 1);                          /* Approved with changes */
  }
  /* The reviewer and the copies. */
  {
    GtkWidget *reviewer = find_label (GTK_WIDGET (form), "Reviewer");
    GtkWidget *copy = find_label (GTK_WIDGET (form), "A copy is in the case file");
    GtkWidget *date = find_label (GTK_WIDGET (form), "Date of the opinion (YYYY-MM-DD)");

    while (!ADW_IS_COMBO_ROW (reviewer))
      reviewer = gtk_widget_get_parent (reviewer);
    if (adw_combo_row_get_selected (ADW_COMBO_ROW (reviewer)) == 0)
      adw_combo_row_set_selected (ADW_COMBO_ROW (reviewer), 1);
    GtkWidget *archived = find_label (GTK_WIDGET (form), "A copy is archived by the legal unit");

    while (!ADW_IS_ACTION_ROW (copy))
      copy = gtk_widget_get_parent (copy);
    while (!ADW_IS_ACTION_ROW (archived))
      archived = gtk_widget_get_parent (archived);
    /* One copy in the case file, none archived yet. (Activating a switch animates; the state
     * lands at the end of the animation.) */
    gtk_switch_set_active (GTK_SWITCH (find_switch (copy)), TRUE);
    gtk_switch_set_active (GTK_SWITCH (find_switch (archived)), FALSE);
    g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_switch (copy))));
    g_assert_false (gtk_switch_get_active (GTK_SWITCH (find_switch (archived))));
    while (!ADW_IS_ENTRY_ROW (date))
      date = gtk_widget_get_parent (date);
    /* The opinion is dated the "as of" day unless the reviewer says otherwise. */
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date)), ==, day.submitted);
  }

  g_signal_emit_by_name (save, "clicked");
  wait_for (GTK_WIDGET (window));

  /* The database holds the review, through its own connection. */
  {
    g_autoptr(JdStore) other = open_sample ();
    g_autoptr(JdEntity) stored = jd_store_get (other, JD_COLLECTION_CASES, id, &error);
    JsonObject *review;
    JsonArray *items;
    JsonObject *copies;

    g_assert_no_error (error);
    review = jd_case_get_review (JD_CASE (stored));
    items = json_object_get_array_member (review, "items");
    g_assert_cmpuint (json_array_get_length (items), ==, 9);
    for (guint i = 0; i < 9; i++)
      {
        JsonObject *item = json_array_get_object_element (items, i);
        const char *verdict = json_object_get_string_member (item, "verdict");

        g_assert_cmpint (json_object_get_int_member (item, "point"), ==, i + 1);
        g_assert_cmpstr (verdict, ==, i == 4 ? "fail" : i == 8 ? "not_applicable" : "pass");
      }
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (items, 4),
                                                    "opinion"),
                     ==, "证据不足以证明违法事实，应补充调查");
    g_assert_cmpstr (json_object_get_string_member (review, "result"), ==,
                     "approved_with_changes");
    g_assert_cmpstr (json_object_get_string_member (review, "completed_on"), ==, day.submitted);
    g_assert_nonnull (json_object_get_string_member (review, "reviewer_id"));
    g_assert_cmpstr (json_object_get_string_member (review, "submitted_on"), ==,
                     json_object_get_string_member (jd_case_get_review (chosen), "submitted_on"));
    copies = json_object_get_object_member (review, "copies");
    g_assert_true (json_object_get_boolean_member (copies, "case_file"));
    g_assert_false (json_object_get_boolean_member (copies, "archived"));
    /* What else the review held (the materials) is kept. */
    g_assert_true (json_object_has_member (review, "materials"));

    /* One write: audited and queued for sync. */
    audit_after = jd_store_list_audit (other, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (audit_after->len, ==, audit_before->len + 1);
    g_assert_cmpint (jd_store_count_outbox (other, &error), >=, outbox_before);
  }
  /* The outbox sends the case with the next sync: its entry counts one more edit. */
  g_assert_cmpint (outbox_edits (id), ==, edits_before + 1);

  /* The findings follow: the archived copy is missing, and the case left the queue. */
  {
    const JdFinding *copies = finding_of (jd_case_checker_check (jd_window_get_checker (window),
                                                                 jd_review_form_get_case (form)),
                                          "REV-COPIES");

    g_assert_true (copies != NULL && copies->status == JD_FINDING_FAIL);
    g_assert_cmpint (jd_review_view_get_n_queued (view), ==, queued - 1);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "as-of-date");
  g_free (day.id);
}

/* A review long left without an opinion is overdue, in red, first in the queue. */
static void
test_review_overdue (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = NULL;
  g_autofree char *countdown = NULL;
  g_autofree char *as_of = NULL;
  Reviewed day;
  JdWindow *window;
  JdReviewView *view;
  GtkListBoxRow *row;
  GtkWidget *label;
  GDate date;
  int left;

  /* A submission never answered: its completion is taken away. */
  find_review_day (store, &day);
  kase = jd_store_get (store, JD_COLLECTION_CASES, day.id, &error);
  g_assert_no_error (error);
  json_object_remove_member (jd_case_get_review (JD_CASE (kase)), "completed_on");
  g_assert_true (jd_store_save (store, kase, &error));
  g_assert_no_error (error);

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day.submitted);
  g_assert_true (jd_calendar_add_workdays (jd_calendar_get_default (), &date, 9, &date, &error));
  as_of = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                           g_date_get_day (&date));
  g_settings_set_string (settings, "as-of-date", as_of);

  window = jd_window_new (NULL, store);
  view = jd_window_get_review_view (window);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_view (window, "review");
  wait_for (GTK_WIDGET (window));

  /* Submitted 9 working days before, due 5 after: overdue by 4, the oldest, so first. */
  row = gtk_list_box_get_row_at_index (jd_review_view_get_queue (view), 0);
  g_assert_nonnull (row);
  g_assert_nonnull (find_label (GTK_WIDGET (row), jd_case_get_number (JD_CASE (kase))));
  countdown = expected_countdown (window, JD_CASE (kase), as_of, &left);
  g_assert_cmpint (left, ==, -4);
  g_assert_cmpstr (countdown, ==, "Overdue by 4 working days");
  label = find_label (GTK_WIDGET (row), countdown);
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_has_css_class (label, "error"));

  /* Another "as of" date reads the queue again. */
  g_settings_set_string (settings, "as-of-date", day.submitted);
  wait_for (GTK_WIDGET (window));
  g_assert_cmpint (jd_review_view_get_n_queued (view), ==,
                   jd_store_count_review_queue (store, day.submitted, NULL));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "as-of-date");
  /* Put it back for the other tests. */
  json_object_set_string_member (jd_case_get_review (JD_CASE (kase)), "completed_on", as_of);
  g_assert_true (jd_store_save (store, kase, &error));
  g_free (day.id);
}

/* "Review" on a case's page opens the workspace; the opinion exports as a PDF with the case. */
static void
test_review_export (void)
{
  g_autoptr(JdStore) store = open_sample ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = NULL;
  g_autofree char *pdf = g_build_filename (dir, "opinion.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *err = NULL;
  int status;
  Reviewed day;
  JdWindow *window;
  JdReviewForm *form;
  const char *argv[] = { NULL, "-enc", "UTF-8", "-layout", NULL, "-", NULL };

  find_review_day (store, &day);
  kase = jd_store_get (store, JD_COLLECTION_CASES, day.id, &error);
  g_assert_no_error (error);

  window = jd_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  jd_window_show_case (window, JD_CASE (kase));
  wait_for (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "case");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-case", NULL));
  wait_for (GTK_WIDGET (window));
  g_assert_cmpstr (jd_window_get_view (window), ==, "review");
  form = jd_review_view_get_form (jd_window_get_review_view (window));
  g_assert_cmpstr (jd_entity_get_id (JD_ENTITY (jd_review_form_get_case (form))), ==, day.id);

  /* An incomplete opinion is not exported. */
  set_point (form, 2, JD_REVIEW_VERDICT_NONE, "");
  g_assert_false (jd_review_form_export_pdf (form, pdf, &error));
  g_assert_error (error, JD_REVIEW_FORM_ERROR, JD_REVIEW_FORM_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* The sample's review answered every point (or most: complete them). */
  for (guint p = 1; p <= JD_REVIEW_N_POINTS; p++)
    if (adw_combo_row_get_selected (jd_review_form_get_verdict_row (form, p)) == 0)
      set_point (form, p, JD_REVIEW_VERDICT_PASS, "经审核符合规定");
  gtk_editable_set_text (GTK_EDITABLE (jd_review_form_get_opinion_row (form, 3)),
                         "执法人员均持有效执法证件");
  g_assert_true (jd_review_form_export_pdf (form, pdf, &error));
  g_assert_no_error (error);

  g_assert_nonnull (pdftotext);  /* build-aux/install-deps.sh installs poppler-utils */
  argv[0] = pdftotext;
  argv[4] = pdf;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &text,
                               &err, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
  g_assert_no_error (error);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, jd_case_get_number (JD_CASE (kase))));
  g_assert_nonnull (strstr (text, "Legal Review Opinion"));
  g_assert_nonnull (strstr (text, "执法人员均持有效执法证件"));
  g_assert_nonnull (strstr (text, "9. Other matters to review"));
  g_assert_nonnull (strstr (text, "Conclusion"));

  /* The print operation draws the same pages (exported, as "Print to File" does). */
  {
    g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
    g_autofree char *printed_text = NULL;

    g_assert_true (jd_review_form_print_to_file (form, printed, &error));
    g_assert_no_error (error);
    argv[4] = printed;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &printed_text, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_nonnull (strstr (printed_text, jd_case_get_number (JD_CASE (kase))));
    g_assert_nonnull (strstr (printed_text, "执法人员均持有效执法证件"));
    g_unlink (printed);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (pdf);
  g_free (day.id);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!jd_test_app_init (&argc, &argv))
    return 0;

  dir = jd_test_tmp_dir ();
  sample_path = jd_test_sample_db (dir, N_SAMPLE_CASES, 7);
  /* The writes here queue for sync as on a real replica. */
  jd_test_unmark_sample (sample_path);

  g_test_add_func ("/app-review/queue-and-save", test_review_queue_and_save);
  g_test_add_func ("/app-review/overdue", test_review_overdue);
  g_test_add_func ("/app-review/export", test_review_export);
  status = g_test_run ();

  jd_test_rm_dir (dir);
  g_free (sample_path);
  g_free (dir);
  return status;
}
