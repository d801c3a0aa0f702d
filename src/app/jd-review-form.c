#include "jd-review-form-private.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-format.h"
#include "jd-rule-context.h"
#include "jd-window.h"

/* The 9 review points of 004 附件3 第十三条, as RULES.md names them (REV-P1 … REV-P9). */
static const struct
{
  const char *rule;
  const char *title;
} points[JD_REVIEW_N_POINTS] = {
  { "REV-P1-MATERIALS", N_("Whether the materials are complete and the documents complete and "
                           "properly made") },
  { "REV-P2-AUTHORITY", N_("Whether the enforcement body and its powers are lawful") },
  { "REV-P3-OFFICERS", N_("Whether the officers are qualified for enforcement") },
  { "REV-P4-SUBJECT", N_("Whether the party is identified correctly") },
  { "REV-P5-FACTS", N_("Whether the facts are clear and the evidence sufficient and "
                       "conclusive") },
  { "REV-P6-PROCEDURE", N_("Whether the procedure is lawful") },
  { "REV-P7-LAW", N_("Whether the laws, regulations and rules are applied correctly") },
  { "REV-P8-DISCRETION", N_("Whether the proposal or the discretion is clear and "
                            "appropriate") },
  { "REV-P9-OTHER", N_("Other matters to review") },
};

const char *
jd_review_form_point_title (guint i)
{
  return _(points[i].title);
}

/* Positions of the verdict rows' model, and the codes of jiandu/1. */
static const char * const verdict_codes[] = { NULL, "pass", "fail", "not_applicable" };
/* Positions of the result row's model (jd-review-form.ui). */
static const char * const result_codes[] = { "approved", "approved_with_changes", "rejected" };

G_DEFINE_FINAL_TYPE (JdReviewForm, jd_review_form, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (jd-review-form-error-quark, jd_review_form_error)

void
jd_review_form_toast (JdReviewForm *self,
       const char   *text)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (JD_IS_WINDOW (root))
    jd_window_toast (JD_WINDOW (root), text);
}

JdReviewVerdict
jd_review_form_point_verdict (JdReviewForm *self,
               guint         i)
{
  guint selected = adw_combo_row_get_selected (self->points[i].verdict_row);

  return selected < G_N_ELEMENTS (verdict_codes) ? (JdReviewVerdict) selected
                                                  : JD_REVIEW_VERDICT_NONE;
}

static gboolean
any_fails (JdReviewForm *self)
{
  for (guint i = 0; i < JD_REVIEW_N_POINTS; i++)
    if (jd_review_form_point_verdict (self, i) == JD_REVIEW_VERDICT_FAIL)
      return TRUE;
  return FALSE;
}

/* The result follows the verdicts until the reviewer chooses one. */
static void
update_result (JdReviewForm *self)
{
  guint result = adw_combo_row_get_selected (self->result_row);

  if (!self->result_chosen)
    {
      gboolean was_updating = self->updating;

      self->updating = TRUE;
      adw_combo_row_set_selected (self->result_row,
                                  any_fails (self) ? RESULT_REJECTED : RESULT_APPROVED);
      self->updating = was_updating;
      result = adw_combo_row_get_selected (self->result_row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rereviewed_row), result == RESULT_REJECTED);
}

static void
verdict_changed_cb (JdReviewForm *self)
{
  for (guint i = 0; i < JD_REVIEW_N_POINTS; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->points[i].verdict_row), "error");
  if (!self->updating)
    update_result (self);
}

static void
result_changed_cb (JdReviewForm *self)
{
  if (!self->updating)
    self->result_chosen = TRUE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->result_row), "error");
  update_result (self);
}

static void
opinion_changed_cb (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
}

static void
build_points (JdReviewForm *self)
{
  for (guint i = 0; i < JD_REVIEW_N_POINTS; i++)
    {
      Point *point = &self->points[i];
      g_autofree char *title = g_strdup_printf ("%u. %s", i + 1, _(points[i].title));
      g_autoptr(GtkStringList) verdicts = gtk_string_list_new (NULL);

      gtk_string_list_append (verdicts, _("Not yet decided"));
      gtk_string_list_append (verdicts, _("Complies"));
      gtk_string_list_append (verdicts, _("Does not comply"));
      gtk_string_list_append (verdicts, _("Not applicable"));

      point->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      adw_preferences_group_set_title (point->group, title);

      point->finding_row = ADW_ACTION_ROW (adw_action_row_new ());
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (point->finding_row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (point->finding_row),
                                     _("What the rules found"));
      adw_action_row_set_subtitle_lines (point->finding_row, 0);
      gtk_widget_add_css_class (GTK_WIDGET (point->finding_row), "property");
      point->finding_icon = GTK_IMAGE (gtk_image_new ());
      adw_action_row_add_prefix (point->finding_row, GTK_WIDGET (point->finding_icon));
      adw_preferences_group_add (point->group, GTK_WIDGET (point->finding_row));

      point->verdict_row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (point->verdict_row), _("Verdict"));
      adw_combo_row_set_model (point->verdict_row, G_LIST_MODEL (verdicts));
      g_signal_connect_swapped (point->verdict_row, "notify::selected",
                                G_CALLBACK (verdict_changed_cb), self);
      adw_preferences_group_add (point->group, GTK_WIDGET (point->verdict_row));

      point->opinion_row = ADW_ENTRY_ROW (adw_entry_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (point->opinion_row),
                                     _("Opinion"));
      g_signal_connect (point->opinion_row, "changed", G_CALLBACK (opinion_changed_cb), NULL);
      adw_preferences_group_add (point->group, GTK_WIDGET (point->opinion_row));

      gtk_box_append (self->points_box, GTK_WIDGET (point->group));
    }
}

static void
jd_review_form_dispose (GObject *object)
{
  JdReviewForm *self = JD_REVIEW_FORM (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_REVIEW_FORM);
  g_clear_object (&self->chooser);

  G_OBJECT_CLASS (jd_review_form_parent_class)->dispose (object);
}

static void
jd_review_form_finalize (GObject *object)
{
  JdReviewForm *self = JD_REVIEW_FORM (object);

  for (guint i = 0; i < JD_REVIEW_N_POINTS; i++)
    g_free (self->points[i].finding);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_pointer (&self->reviewer_ids, g_ptr_array_unref);
  g_clear_object (&self->kase);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (jd_review_form_parent_class)->finalize (object);
}

static void save_clicked_cb (JdReviewForm *self);

static void
jd_review_form_class_init (JdReviewFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_review_form_dispose;
  object_class->finalize = jd_review_form_finalize;

  /**
   * JdReviewForm::saved:
   *
   * The review was written into the case.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-review-form.ui");
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, stack);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, content_box);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, title_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, rules_group);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, points_box);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, result_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, rereviewed_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, reviewer_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, date_row);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, copies_group);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, case_file_switch);
  gtk_widget_class_bind_template_child (widget_class, JdReviewForm, archived_switch);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "print_clicked_cb",
                                                G_CALLBACK (jd_review_form_print_clicked_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "export_clicked_cb",
                                                G_CALLBACK (jd_review_form_export_clicked_cb));
}

static void
jd_review_form_init (JdReviewForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->rule_rows = g_ptr_array_new ();
  self->reviewer_ids = g_ptr_array_new_with_free_func (g_free);
  build_points (self);
  g_signal_connect_swapped (self->result_row, "notify::selected",
                            G_CALLBACK (result_changed_cb), self);
  g_signal_connect (self->date_row, "changed", G_CALLBACK (opinion_changed_cb), NULL);
  g_signal_connect (self->rereviewed_row, "changed", G_CALLBACK (opinion_changed_cb), NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
jd_review_form_set_checker (JdReviewForm  *self,
                            JdCaseChecker *checker)
{
  g_return_if_fail (JD_IS_REVIEW_FORM (self));

  g_set_object (&self->checker, checker);
}

static JsonObject *
review_item (JsonObject *review,
             guint       point)
{
  JsonArray *items = NULL;

  if (review != NULL && json_object_has_member (review, "items") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (review, "items")))
    items = json_object_get_array_member (review, "items");
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonNode *node = json_array_get_element (items, i);
      JsonObject *item = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (item != NULL && json_object_has_member (item, "point") &&
          json_object_get_int_member (item, "point") == point)
        return item;
    }
  return NULL;
}

static GtkWidget *
finding_row (const JdFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (jd_format_status_icon (finding));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->rule);
  gtk_widget_add_css_class (icon, jd_format_status_class (finding));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  jd_finding_status_label (finding->status), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  return row;
}

/* What the rules find: the review rules on the case as stored, and the automated part of each
 * point on the case without the reviewer's verdicts, so that the facts show whatever was
 * decided. */
static void
show_findings (JdReviewForm *self)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) copy = NULL;
  g_autofree char *text = NULL;
  g_autoptr(JdCase) draft = NULL;
  g_autoptr(GPtrArray) automated = NULL;
  GPtrArray *findings;
  JsonObject *review;

  for (guint i = 0; i < self->rule_rows->len; i++)
    adw_preferences_group_remove (self->rules_group, self->rule_rows->pdata[i]);
  g_ptr_array_set_size (self->rule_rows, 0);

  findings = jd_case_checker_check (self->checker, self->kase);
  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];
      GtkWidget *row;

      if (!g_str_has_prefix (finding->rule, "REV-") || g_str_has_prefix (finding->rule, "REV-P"))
        continue;
      row = finding_row (finding);
      adw_preferences_group_add (self->rules_group, row);
      g_ptr_array_add (self->rule_rows, row);
    }

  /* A deep copy: json_node_copy() shares the objects inside. */
  json_node_set_object (node, jd_entity_get_fields (JD_ENTITY (self->kase)));
  text = json_to_string (node, FALSE);
  copy = json_from_string (text, NULL);
  review = json_object_has_member (json_node_get_object (copy), "review")
             ? json_object_get_object_member (json_node_get_object (copy), "review") : NULL;
  if (review != NULL)
    json_object_remove_member (review, "items");
  draft = jd_case_new (json_node_get_object (copy));
  automated = jd_case_checker_check_draft (self->checker, draft);

  for (guint p = 0; p < JD_REVIEW_N_POINTS; p++)
    {
      Point *point = &self->points[p];
      const JdFinding *found = NULL;

      for (guint i = 0; i < automated->len && found == NULL; i++)
        if (g_strcmp0 (((JdFinding *) automated->pdata[i])->rule, points[p].rule) == 0)
          found = automated->pdata[i];

      g_free (point->finding);
      point->finding = g_strdup (found != NULL ? found->message
                                               : _("The rules do not apply to this case"));
      adw_action_row_set_subtitle (point->finding_row, point->finding);
      gtk_image_set_from_icon_name (point->finding_icon,
                                    found != NULL ? jd_format_status_icon (found)
                                                  : "action-unavailable-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (point->finding_icon), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (point->finding_icon), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (point->finding_icon), "success");
      gtk_widget_remove_css_class (GTK_WIDGET (point->finding_icon), "dim-label");
      if (found != NULL)
        {
          gtk_widget_add_css_class (GTK_WIDGET (point->finding_icon),
                                    jd_format_status_class (found));
          gtk_accessible_update_property (GTK_ACCESSIBLE (point->finding_icon),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          jd_finding_status_label (found->status), -1);
        }
    }
}

const char *
jd_review_form_officer_name (JdReviewForm *self,
              const char   *id)
{
  const char *name = jd_case_checker_officer_name (self->checker, id);

  return name != NULL ? name : id;
}

/* The officers of the case's agency, and the reviewer recorded if another. */
static void
fill_reviewers (JdReviewForm *self,
                const char   *reviewer_id)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) ids = NULL;
  guint selected = 0;

  g_ptr_array_set_size (self->reviewer_ids, 0);
  g_ptr_array_add (self->reviewer_ids, NULL);
  gtk_string_list_append (names, _("Choose the reviewer"));

  ids = jd_store_list_officer_ids (jd_case_checker_get_store (self->checker),
                                   jd_case_get_agency_id (self->kase), &error);
  if (ids == NULL)
    jd_review_form_toast (self, error->message);
  if (reviewer_id != NULL && (ids == NULL || !g_strv_contains ((const char * const *) ids,
                                                                 reviewer_id)))
    {
      g_ptr_array_add (self->reviewer_ids, g_strdup (reviewer_id));
      gtk_string_list_append (names, jd_review_form_officer_name (self, reviewer_id));
    }
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      g_ptr_array_add (self->reviewer_ids, g_strdup (ids[i]));
      gtk_string_list_append (names, jd_review_form_officer_name (self, ids[i]));
    }
  for (guint i = 1; i < self->reviewer_ids->len; i++)
    if (g_strcmp0 (self->reviewer_ids->pdata[i], reviewer_id) == 0)
      selected = i;

  adw_combo_row_set_model (self->reviewer_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->reviewer_row, selected);
}

char *
jd_review_form_party_names (JdCase *kase)
{
  JsonArray *parties = jd_case_get_parties (kase);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; parties != NULL && i < json_array_get_length (parties); i++)
    {
      const char *name = jd_review_str (json_array_get_object_element (parties, i), "name");

      if (name == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
as_of_string (JdReviewForm *self)
{
  const GDate *as_of = jd_case_checker_get_as_of (self->checker);
  char buffer[16];

  if (as_of == NULL || !g_date_valid (as_of))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      return g_date_time_format (now, "%Y-%m-%d");
    }
  g_snprintf (buffer, sizeof buffer, "%04d-%02d-%02d", g_date_get_year (as_of),
              g_date_get_month (as_of), g_date_get_day (as_of));
  return g_strdup (buffer);
}

static void
fill (JdReviewForm *self)
{
  JsonObject *review = jd_case_get_review (self->kase);
  JsonObject *copies = review != NULL && json_object_has_member (review, "copies")
                         ? json_object_get_object_member (review, "copies") : NULL;
  const char *result = jd_review_str (review, "result");
  const char *completed = jd_review_str (review, "completed_on");
  g_autofree char *parties = jd_review_form_party_names (self->kase);
  g_autofree char *submitted = jd_format_date (jd_review_str (review, "submitted_on") != NULL
                                                 ? jd_review_str (review, "submitted_on") : "");
  g_autofree char *title = g_strdup_printf ("%s  %s", jd_case_get_number (self->kase),
                                            jd_case_get_title (self->kase));
  g_autofree char *subtitle = NULL;
  g_autofree char *today = NULL;

  self->updating = TRUE;
  gtk_label_set_text (self->title_label, title);
  subtitle = g_strdup_printf (_("%s · party: %s · submitted for review on %s"),
                              jd_case_checker_agency_name (self->checker,
                                                           jd_case_get_agency_id (self->kase)),
                              *parties != '\0' ? parties : _("not recorded"),
                              jd_review_str (review, "submitted_on") != NULL ? submitted
                                                                   : _("not recorded"));
  gtk_label_set_text (self->subtitle_label, subtitle);

  for (guint p = 0; p < JD_REVIEW_N_POINTS; p++)
    {
      JsonObject *item = review_item (review, p + 1);
      const char *verdict = jd_review_str (item, "verdict");
      guint selected = JD_REVIEW_VERDICT_NONE;

      for (guint v = 1; v < G_N_ELEMENTS (verdict_codes); v++)
        if (g_strcmp0 (verdict, verdict_codes[v]) == 0)
          selected = v;
      adw_combo_row_set_selected (self->points[p].verdict_row, selected);
      gtk_editable_set_text (GTK_EDITABLE (self->points[p].opinion_row),
                             jd_review_str (item, "opinion") != NULL ? jd_review_str (item, "opinion") : "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->points[p].verdict_row), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->points[p].opinion_row), "error");
    }

  /* The result recorded shows; a verdict changed makes it follow the verdicts again, until the
   * reviewer chooses one. */
  self->result_chosen = FALSE;
  for (guint r = 0; r < G_N_ELEMENTS (result_codes); r++)
    if (g_strcmp0 (result, result_codes[r]) == 0)
      adw_combo_row_set_selected (self->result_row, r);
  gtk_widget_set_visible (GTK_WIDGET (self->rereviewed_row),
                          adw_combo_row_get_selected (self->result_row) == RESULT_REJECTED);
  gtk_editable_set_text (GTK_EDITABLE (self->rereviewed_row),
                         jd_review_str (review, "corrected_and_rereviewed_on") != NULL
                           ? jd_review_str (review, "corrected_and_rereviewed_on") : "");

  fill_reviewers (self, jd_review_str (review, "reviewer_id"));
  today = as_of_string (self);
  /* A review still awaiting its opinion on the "as of" day is dated that day. */
  gtk_editable_set_text (GTK_EDITABLE (self->date_row),
                         completed != NULL && strcmp (completed, today) <= 0 ? completed : today);

  gtk_switch_set_active (self->case_file_switch,
                         copies != NULL &&
                         json_object_get_boolean_member_with_default (copies, "case_file",
                                                                      FALSE));
  gtk_switch_set_active (self->archived_switch,
                         copies != NULL &&
                         json_object_get_boolean_member_with_default (copies, "archived",
                                                                      FALSE));
  self->updating = FALSE;

  show_findings (self);
}

void
jd_review_form_set_case (JdReviewForm *self,
                         JdCase       *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) stored = NULL;

  g_return_if_fail (JD_IS_REVIEW_FORM (self));
  g_return_if_fail (kase == NULL || JD_IS_CASE (kase));

  if (kase != NULL && self->checker != NULL)
    {
      stored = jd_store_get (jd_case_checker_get_store (self->checker), JD_COLLECTION_CASES,
                             jd_entity_get_id (JD_ENTITY (kase)), &error);
      if (stored == NULL || jd_entity_get_deleted (stored))
        {
          jd_review_form_toast (self, error != NULL ? error->message : _("The case was deleted meanwhile"));
          kase = NULL;
        }
    }

  g_clear_object (&self->kase);
  if (stored != NULL)
    self->kase = JD_CASE (g_object_ref (stored));
  if (self->kase == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  fill (self);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

JdCase *
jd_review_form_get_case (JdReviewForm *self)
{
  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), NULL);

  return self->kase;
}

AdwComboRow *
jd_review_form_get_verdict_row (JdReviewForm *self,
                                guint         point)
{
  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), NULL);
  g_return_val_if_fail (point >= 1 && point <= JD_REVIEW_N_POINTS, NULL);

  return self->points[point - 1].verdict_row;
}

AdwEntryRow *
jd_review_form_get_opinion_row (JdReviewForm *self,
                                guint         point)
{
  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), NULL);
  g_return_val_if_fail (point >= 1 && point <= JD_REVIEW_N_POINTS, NULL);

  return self->points[point - 1].opinion_row;
}

const char *
jd_review_form_get_finding (JdReviewForm *self,
                            guint         point)
{
  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), NULL);
  g_return_val_if_fail (point >= 1 && point <= JD_REVIEW_N_POINTS, NULL);

  return self->points[point - 1].finding;
}

static gboolean
invalid (JdReviewForm  *self,
         GtkWidget     *widget,
         GError       **error,
         const char    *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid (JdReviewForm  *self,
         GtkWidget     *widget,
         GError       **error,
         const char    *format,
         ...)
{
  va_list args;
  g_autofree char *message = NULL;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  gtk_widget_add_css_class (widget, "error");
  gtk_widget_grab_focus (widget);
  g_set_error_literal (error, JD_REVIEW_FORM_ERROR, JD_REVIEW_FORM_ERROR_INVALID, message);
  return FALSE;
}

static gboolean
blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static gboolean
valid_date (const char *text)
{
  GDate date;

  return strlen (text) == 10 && jd_rule_parse_date (text, &date);
}

gboolean
jd_review_form_validate (JdReviewForm  *self,
                         GError       **error)
{
  JsonObject *review;
  const char *date, *rereviewed, *submitted;

  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), FALSE);

  if (self->kase == NULL)
    {
      g_set_error_literal (error, JD_REVIEW_FORM_ERROR, JD_REVIEW_FORM_ERROR_INVALID,
                           _("No case is selected for review."));
      return FALSE;
    }
  review = jd_case_get_review (self->kase);

  for (guint p = 0; p < JD_REVIEW_N_POINTS; p++)
    {
      Point *point = &self->points[p];
      const char *opinion = gtk_editable_get_text (GTK_EDITABLE (point->opinion_row));

      if (jd_review_form_point_verdict (self, p) == JD_REVIEW_VERDICT_NONE)
        return invalid (self, GTK_WIDGET (point->verdict_row), error,
                        _("Review point %u has no verdict: choose “Complies”, “Does not "
                          "comply” or “Not applicable”."),
                        p + 1);
      if (jd_review_form_point_verdict (self, p) == JD_REVIEW_VERDICT_FAIL && blank (opinion))
        return invalid (self, GTK_WIDGET (point->opinion_row), error,
                        _("Review point %u does not comply: write the opinion that says "
                          "why, and what is to be corrected."),
                        p + 1);
    }

  if (adw_combo_row_get_selected (self->result_row) == RESULT_APPROVED && any_fails (self))
    return invalid (self, GTK_WIDGET (self->result_row), error,
                    _("A review point does not comply: the result cannot be “Approved”. "
                      "Choose “Approved with changes” or “Not approved”."));

  if (adw_combo_row_get_selected (self->reviewer_row) == 0 ||
      adw_combo_row_get_selected (self->reviewer_row) >= self->reviewer_ids->len)
    return invalid (self, GTK_WIDGET (self->reviewer_row), error,
                    _("Choose the reviewer who gives the opinion."));

  date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  submitted = jd_review_str (review, "submitted_on");
  if (!valid_date (date))
    return invalid (self, GTK_WIDGET (self->date_row), error,
                    _("“%s” is not a date: write the date of the opinion as YYYY-MM-DD."),
                    date);
  if (submitted != NULL && strcmp (date, submitted) < 0)
    return invalid (self, GTK_WIDGET (self->date_row), error,
                    _("The opinion is dated %s, before the submission on %s: correct the "
                      "date."),
                    date, submitted);

  rereviewed = gtk_editable_get_text (GTK_EDITABLE (self->rereviewed_row));
  if (gtk_widget_get_visible (GTK_WIDGET (self->rereviewed_row)) && *rereviewed != '\0')
    {
      if (!valid_date (rereviewed))
        return invalid (self, GTK_WIDGET (self->rereviewed_row), error,
                        _("“%s” is not a date: write the date of the second review as "
                          "YYYY-MM-DD, or leave it empty."),
                        rereviewed);
      if (strcmp (rereviewed, date) < 0)
        return invalid (self, GTK_WIDGET (self->rereviewed_row), error,
                        _("The second review on %s comes before the opinion of %s: correct "
                          "the date."),
                        rereviewed, date);
    }
  return TRUE;
}

char *
jd_review_form_stripped (GtkEditable *editable)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (editable)));
}

/* Writes what the form holds into @review, keeping its other members (materials …). */
static void
write_review (JdReviewForm *self,
              JsonObject   *review)
{
  JsonArray *items = json_array_sized_new (JD_REVIEW_N_POINTS);
  JsonObject *copies = json_object_new ();
  g_autofree char *rereviewed = jd_review_form_stripped (GTK_EDITABLE (self->rereviewed_row));
  guint result = adw_combo_row_get_selected (self->result_row);

  for (guint p = 0; p < JD_REVIEW_N_POINTS; p++)
    {
      JsonObject *item = json_object_new ();
      g_autofree char *opinion = jd_review_form_stripped (GTK_EDITABLE (self->points[p].opinion_row));

      json_object_set_int_member (item, "point", p + 1);
      json_object_set_string_member (item, "verdict", verdict_codes[jd_review_form_point_verdict (self, p)]);
      if (*opinion != '\0')
        json_object_set_string_member (item, "opinion", opinion);
      json_array_add_object_element (items, item);
    }
  json_object_set_array_member (review, "items", items);
  json_object_set_string_member (review, "result", result_codes[result]);
  json_object_set_string_member (review, "completed_on",
                                 gtk_editable_get_text (GTK_EDITABLE (self->date_row)));
  json_object_set_string_member (review, "reviewer_id",
                                 self->reviewer_ids->pdata[adw_combo_row_get_selected (
                                   self->reviewer_row)]);
  if (result == RESULT_REJECTED && *rereviewed != '\0')
    json_object_set_string_member (review, "corrected_and_rereviewed_on", rereviewed);
  else if (json_object_has_member (review, "corrected_and_rereviewed_on"))
    json_object_remove_member (review, "corrected_and_rereviewed_on");
  json_object_set_boolean_member (copies, "case_file",
                                  gtk_switch_get_active (self->case_file_switch));
  json_object_set_boolean_member (copies, "archived",
                                  gtk_switch_get_active (self->archived_switch));
  json_object_set_object_member (review, "copies", copies);
}

gboolean
jd_review_form_save (JdReviewForm  *self,
                     GError       **error)
{
  JdStore *store;
  g_autoptr(JdEntity) kase = NULL;
  JsonObject *fields;
  JsonObject *review;

  g_return_val_if_fail (JD_IS_REVIEW_FORM (self), FALSE);

  if (!jd_review_form_validate (self, error))
    return FALSE;

  /* The case as stored now, so that nothing written meanwhile is lost but the review. */
  store = jd_case_checker_get_store (self->checker);
  kase = jd_store_get (store, JD_COLLECTION_CASES, jd_entity_get_id (JD_ENTITY (self->kase)),
                       error);
  if (kase == NULL)
    return FALSE;
  fields = jd_entity_get_fields (kase);
  if (!json_object_has_member (fields, "review") ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (fields, "review")))
    json_object_set_object_member (fields, "review", json_object_new ());
  review = json_object_get_object_member (fields, "review");
  write_review (self, review);

  if (!jd_store_save (store, kase, error))
    return FALSE;

  jd_case_checker_forget (self->checker, jd_entity_get_id (kase));
  jd_review_form_set_case (self, JD_CASE (kase));
  g_signal_emit (self, signals[SIGNAL_SAVED], 0);
  return TRUE;
}

static void
save_clicked_cb (JdReviewForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!jd_review_form_save (self, &error))
    {
      if (g_error_matches (error, JD_REVIEW_FORM_ERROR, JD_REVIEW_FORM_ERROR_INVALID))
        jd_review_form_toast (self, error->message);
      else
        {
          GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
          g_autofree char *body = g_strdup_printf (_("%s\n\nNothing was changed. Check that the "
                                                     "database can be written and save again."),
                                                   error->message);

          if (JD_IS_WINDOW (root))
            jd_window_show_error (JD_WINDOW (root), _("The review could not be saved"), body);
        }
      return;
    }
  text = g_strdup_printf (_("The review of case %s is saved"), jd_case_get_number (self->kase));
  jd_review_form_toast (self, text);
}

