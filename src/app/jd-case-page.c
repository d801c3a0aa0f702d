#include "jd-case-page.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-case-editor.h"
#include "jd-finding-row.h"
#include "jd-format.h"
#include "jd-labels.h"
#include "jd-record-dialog.h"

/* Where a rule family's findings are shown: next to the part of the case they are about. */
typedef enum
{
  SECTION_CASE,
  SECTION_OFFICERS,
  SECTION_RECORDS,
  SECTION_DECISION,
  SECTION_REVIEW,
  SECTION_PUBLICATION,
  N_SECTIONS
} Section;

struct _JdCasePage
{
  GtkWidget          parent_instance;

  /* template widgets */
  GtkScrolledWindow *scrolled_window;
  GtkBox            *content_box;

  /* owned references */
  JdCase            *kase;
  JdCaseChecker     *checker;

  guint              n_finding_rows;
  gboolean           editing;
};

G_DEFINE_FINAL_TYPE (JdCasePage, jd_case_page, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_CASE_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Section
section_for_rule (const char *rule)
{
  if (g_str_has_prefix (rule, "MAJ-"))
    return SECTION_DECISION;
  if (g_str_has_prefix (rule, "REV-"))
    return SECTION_REVIEW;
  if (g_str_has_prefix (rule, "REC-"))
    return SECTION_RECORDS;
  if (g_str_has_prefix (rule, "PUB-"))
    return SECTION_PUBLICATION;
  if (g_str_has_prefix (rule, "ROS-"))
    return SECTION_OFFICERS;
  return SECTION_CASE;
}

static const char *
str (JsonObject *object,
     const char *member)
{
  if (object == NULL)
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

static GtkWidget *
text_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL ? value : _("Not recorded"));
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
add_text_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *value)
{
  adw_preferences_group_add (group, text_row (title, value));
}

static void
add_date_row (AdwPreferencesGroup *group,
              const char          *title,
              const char          *date)
{
  g_autofree char *text = date != NULL ? jd_format_date (date) : NULL;

  add_text_row (group, title, text);
}

/* The findings of @section at the top of @group, failures first; passes folded into one row. */
static void
add_findings (JdCasePage          *self,
              AdwPreferencesGroup *group,
              GPtrArray           *findings,
              Section              section)
{
  GtkWidget *passed = NULL;
  guint n_passed = 0;

  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];

      if (section_for_rule (finding->rule) != section
          || finding->status == JD_FINDING_NOT_APPLICABLE)
        continue;

      if (finding->status == JD_FINDING_PASS)
        {
          if (passed == NULL)
            {
              passed = adw_expander_row_new ();
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (passed), FALSE);
              adw_expander_row_add_prefix (ADW_EXPANDER_ROW (passed),
                                           gtk_image_new_from_icon_name ("object-select-symbolic"));
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (passed), jd_finding_row_new (finding));
          n_passed++;
          continue;
        }

      adw_preferences_group_add (group, jd_finding_row_new (finding));
      self->n_finding_rows++;
    }

  if (passed != NULL)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check passed",
                                                             "%u checks passed", n_passed),
                                                n_passed);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (passed), title);
      adw_preferences_group_add (group, passed);
    }
}

static AdwPreferencesGroup *
new_group (JdCasePage *self,
           const char *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->content_box, group);
  return ADW_PREFERENCES_GROUP (group);
}

static GtkWidget *
header_label (const char *text,
              const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);
  return label;
}

/* A compact header rather than a group of rows: the findings below should be in sight. */
static void
build_case (JdCasePage *self,
            GPtrArray  *findings)
{
  JdCase *kase = self->kase;
  const char *action_type = jd_case_get_action_type (kase);
  const char *agency = jd_case_checker_agency_name (self->checker, jd_case_get_agency_id (kase));
  const char *closed_on = jd_entity_get_string (JD_ENTITY (kase), "closed_on");
  const char *style_class = NULL;
  g_autofree char *summary = jd_format_findings_summary (findings, &style_class);
  g_autofree char *opened = jd_format_date (jd_format_case_opened_on (kase));
  g_autofree char *closed = closed_on != NULL ? jd_format_date (closed_on) : NULL;
  g_autofree char *what = NULL;
  g_autofree char *when = NULL;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwPreferencesGroup *group;

  /* TRANSLATORS: agency · action type · procedure */
  what = g_strdup_printf (_("%s · %s · %s"), agency != NULL ? agency : "",
                          action_type != NULL ? jd_label_action_type (action_type) : "",
                          g_strcmp0 (jd_case_get_procedure (kase), "simple") == 0
                            ? _("simple procedure") : _("general procedure"));
  if (closed != NULL)
    /* TRANSLATORS: two dates */
    when = g_strdup_printf (_("Opened %s, closed %s"), opened, closed);
  else
    /* TRANSLATORS: a date */
    when = g_strdup_printf (_("Opened %s, not closed"), opened);

  {
    GtkWidget *title_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *title = header_label (jd_case_get_title (kase), "title-2");
    GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit"));

    gtk_widget_set_hexpand (title, TRUE);
    gtk_widget_set_name (edit, "edit-case");
    gtk_widget_set_valign (edit, GTK_ALIGN_START);
    gtk_widget_set_tooltip_text (edit, _("Edit the title, facts, parties, dates and decision"));
    gtk_actionable_set_action_name (GTK_ACTIONABLE (edit), "case.edit");
    gtk_box_append (GTK_BOX (title_box), title);
    gtk_box_append (GTK_BOX (title_box), edit);
    gtk_box_append (GTK_BOX (box), title_box);
  }
  gtk_box_append (GTK_BOX (box), header_label (what, "dim-label"));
  gtk_box_append (GTK_BOX (box), header_label (when, "dim-label"));
  gtk_box_append (GTK_BOX (box), header_label (summary, style_class));
  if (jd_case_get_facts (kase) != NULL)
    gtk_box_append (GTK_BOX (box), header_label (jd_case_get_facts (kase), NULL));
  gtk_box_append (self->content_box, box);

  group = new_group (self, _("Other findings"));
  add_findings (self, group, findings, SECTION_CASE);
  /* An empty group draws nothing but its title. */
  gtk_widget_set_visible (GTK_WIDGET (group), self->n_finding_rows > 0);
}

static void
build_parties (JdCasePage *self)
{
  JsonArray *parties = jd_case_get_parties (self->kase);
  AdwPreferencesGroup *group;

  if (parties == NULL || json_array_get_length (parties) == 0)
    return;

  group = new_group (self, _("Parties"));
  for (guint i = 0; i < json_array_get_length (parties); i++)
    {
      JsonObject *party = json_array_get_object_element (parties, i);
      const char *kind = str (party, "kind");

      add_text_row (group, str (party, "name"),
                    g_strcmp0 (kind, "organisation") == 0 ? _("Organisation") : _("Person"));
    }
}

static void
build_officers (JdCasePage *self,
                GPtrArray  *findings)
{
  JsonArray *officers = jd_case_get_officers (self->kase);
  AdwPreferencesGroup *group = new_group (self, _("Officers"));

  add_findings (self, group, findings, SECTION_OFFICERS);
  for (guint i = 0; officers != NULL && i < json_array_get_length (officers); i++)
    {
      const char *id = json_array_get_string_element (officers, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     jd_case_checker_officer_name (self->checker, id));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("avatar-default-symbolic"));
      adw_preferences_group_add (group, row);
    }
}

static void
build_stages (JdCasePage *self)
{
  JsonArray *stages = jd_case_get_stages (self->kase);
  AdwPreferencesGroup *group;

  if (stages == NULL || json_array_get_length (stages) == 0)
    return;

  group = new_group (self, _("Stages"));
  for (guint i = 0; i < json_array_get_length (stages); i++)
    {
      JsonObject *stage = json_array_get_object_element (stages, i);
      g_autofree char *date = jd_format_date (str (stage, "date"));
      const char *place = str (stage, "place");
      g_autofree char *subtitle = place != NULL ? g_strdup_printf ("%s · %s", date, place)
                                                : g_strdup (date);
      GtkWidget *row = text_row (jd_label_stage (str (stage, "stage")), subtitle);
      GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");

      gtk_widget_add_css_class (dot, "accent");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
      adw_preferences_group_add (group, row);
    }
}

/* Records by the instant they were made (their offsets may differ), those without a time last. */
static int
compare_record_times (gconstpointer a,
                      gconstpointer b)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  const char *ta = jd_record_get_time (*(JdRecord **) a);
  const char *tb = jd_record_get_time (*(JdRecord **) b);
  g_autoptr(GDateTime) da = ta != NULL ? g_date_time_new_from_iso8601 (ta, utc) : NULL;
  g_autoptr(GDateTime) db = tb != NULL ? g_date_time_new_from_iso8601 (tb, utc) : NULL;

  if (da == NULL || db == NULL)
    return (da == NULL) - (db == NULL);
  return g_date_time_compare (da, db);
}

/* Where a finding about the records belongs in the timeline: before the first record of a stage
 * its message names (the rules name records and gaps by stage); -1 when it names none. */
static int
finding_position (const JdFinding *finding,
                  GPtrArray       *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      const char *stage = jd_record_get_stage (records->pdata[i]);

      if (stage != NULL && strstr (finding->message, jd_label_stage (stage)) != NULL)
        return i;
    }
  return -1;
}

static char *
record_officers (JdCasePage *self,
                 JdRecord   *record)
{
  JsonArray *officers = jd_entity_get_array (JD_ENTITY (record), "officers");
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; officers != NULL && i < json_array_get_length (officers); i++)
    {
      if (i > 0)
        g_string_append (text, _(", "));
      g_string_append (text, jd_case_checker_officer_name (self->checker,
                                                           json_array_get_string_element (officers,
                                                                                          i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
record_row (JdCasePage *self,
            JdRecord   *record,
            GHashTable *by_id)
{
  GtkWidget *row = adw_action_row_new ();
  gboolean av = g_strcmp0 (jd_record_get_kind (record), "av") == 0;
  const char *stage = jd_record_get_stage (record);
  const char *place = jd_entity_get_string (JD_ENTITY (record), "place");
  const char *corrects = jd_record_get_corrects (record);
  g_autofree char *time = jd_format_time (jd_record_get_time (record));
  g_autofree char *officers = record_officers (self, record);
  g_autoptr(GString) subtitle = g_string_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name (av ? "camera-video-symbolic"
                                                     : "text-x-generic-symbolic");

  /* TRANSLATORS: a record in the timeline: kind · stage · time */
  g_string_append_printf (subtitle, _("%s · %s · %s"), av ? _("Audio and video") : _("Text"),
                          stage != NULL ? jd_label_stage (stage) : "", time);
  if (place != NULL)
    g_string_append_printf (subtitle, " · %s", place);
  if (*officers != '\0')
    g_string_append_printf (subtitle, " · %s", officers);
  if (corrects != NULL)
    {
      JdRecord *old = g_hash_table_lookup (by_id, corrects);
      g_autofree char *old_time = old != NULL ? jd_format_time (jd_record_get_time (old)) : NULL;

      g_string_append_c (subtitle, '\n');
      if (old_time != NULL)
        /* TRANSLATORS: %s is the time of the record a correction corrects */
        g_string_append_printf (subtitle, _("Corrects the record of %s"), old_time);
      else
        g_string_append (subtitle, _("Corrects a record this replica does not hold"));
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 jd_record_get_matter (record) != NULL
                                   ? jd_record_get_matter (record) : _("Record"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_tooltip_text (icon, av ? _("Audio and video") : _("Text"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "record");
  return row;
}

static void
focus_row_cb (GtkWidget *row)
{
  gtk_widget_grab_focus (row);
}

/* The records as a timeline, oldest first, with the gaps the REC rules find where they belong,
 * each record either to be corrected or linked to the record that corrects it. */
static void
build_records (JdCasePage *self,
               GPtrArray  *findings)
{
  GPtrArray *kept = jd_case_checker_get_records (self->checker, self->kase);
  g_autoptr(GPtrArray) records = g_ptr_array_new_full (kept->len, g_object_unref);
  AdwPreferencesGroup *group = new_group (self, _("Whole-process records"));
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) placed = g_ptr_array_new ();
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (int));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Record…"));
  GtkWidget *passed = NULL;
  guint n_passed = 0;

  for (guint i = 0; i < kept->len; i++)
    g_ptr_array_add (records, g_object_ref (kept->pdata[i]));
  g_ptr_array_sort (records, compare_record_times);
  for (guint i = 0; i < records->len; i++)
    g_hash_table_insert (by_id, (gpointer) jd_entity_get_id (records->pdata[i]), records->pdata[i]);

  gtk_widget_set_name (GTK_WIDGET (group), "records");
  gtk_widget_set_name (add, "add-record");
  gtk_widget_add_css_class (add, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "case.add-record");
  adw_preferences_group_set_header_suffix (group, add);

  /* Gaps the rules cannot place go first; passes fold into one row at the end. */
  for (guint i = 0; i < findings->len; i++)
    {
      const JdFinding *finding = findings->pdata[i];
      int position;

      if (section_for_rule (finding->rule) != SECTION_RECORDS
          || finding->status == JD_FINDING_NOT_APPLICABLE)
        continue;
      if (finding->status == JD_FINDING_PASS)
        {
          if (passed == NULL)
            {
              passed = adw_expander_row_new ();
              adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (passed), FALSE);
              adw_expander_row_add_prefix (ADW_EXPANDER_ROW (passed),
                                           gtk_image_new_from_icon_name ("object-select-symbolic"));
            }
          adw_expander_row_add_row (ADW_EXPANDER_ROW (passed), jd_finding_row_new (finding));
          n_passed++;
          continue;
        }
      position = finding_position (finding, records);
      self->n_finding_rows++;
      if (position < 0)
        adw_preferences_group_add (group, jd_finding_row_new (finding));
      else
        {
          g_ptr_array_add (placed, (gpointer) finding);
          g_array_append_val (positions, position);
        }
    }

  for (guint i = 0; i < records->len; i++)
    {
      JdRecord *record = records->pdata[i];
      GtkWidget *row;

      for (guint j = 0; j < placed->len; j++)
        if (g_array_index (positions, int, j) == (int) i)
          {
            GtkWidget *gap = jd_finding_row_new (placed->pdata[j]);

            gtk_widget_add_css_class (gap, "timeline-gap");
            adw_preferences_group_add (group, gap);
          }
      row = record_row (self, record, by_id);
      g_hash_table_insert (rows, (gpointer) jd_entity_get_id (JD_ENTITY (record)), row);
      adw_preferences_group_add (group, row);
    }

  /* Each record is corrected by at most the latest correction naming it. */
  for (guint i = 0; i < records->len; i++)
    {
      const char *corrects = jd_record_get_corrects (records->pdata[i]);
      GtkWidget *old_row = corrects != NULL ? g_hash_table_lookup (rows, corrects) : NULL;
      GtkWidget *button;

      if (old_row == NULL || g_object_get_data (G_OBJECT (old_row), "corrected-by") != NULL)
        continue;
      g_object_set_data (G_OBJECT (old_row), "corrected-by", records->pdata[i]);
      gtk_widget_add_css_class (old_row, "superseded");
      button = gtk_button_new_with_mnemonic (_("Superseded: _Show Correction"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (focus_row_cb),
                               g_hash_table_lookup (rows,
                                                    jd_entity_get_id (records->pdata[i])),
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (old_row), button);
    }
  for (guint i = 0; i < records->len; i++)
    {
      const char *id = jd_entity_get_id (records->pdata[i]);
      GtkWidget *row = g_hash_table_lookup (rows, id);
      GtkWidget *button;

      if (g_object_get_data (G_OBJECT (row), "corrected-by") != NULL)
        continue;
      button = gtk_button_new_with_mnemonic (_("_Correct…"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Add a record that corrects this one"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "case.correct-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  if (records->len == 0)
    add_text_row (group, _("No records"), _("No whole-process record is kept for this case."));
  if (passed != NULL)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u check passed",
                                                             "%u checks passed", n_passed),
                                                n_passed);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (passed), title);
      adw_preferences_group_add (group, passed);
    }
}

static void
build_documents (JdCasePage *self)
{
  JsonArray *documents = jd_case_get_documents (self->kase);
  AdwPreferencesGroup *group;

  if (documents == NULL || json_array_get_length (documents) == 0)
    return;

  group = new_group (self, _("Documents"));
  for (guint i = 0; i < json_array_get_length (documents); i++)
    {
      JsonObject *document = json_array_get_object_element (documents, i);
      g_autofree char *date = jd_format_date (str (document, "date"));
      const char *number = str (document, "number");
      g_autofree char *subtitle = number != NULL ? g_strdup_printf ("%s · %s", number, date)
                                                 : g_strdup (date);

      add_text_row (group, str (document, "kind"), subtitle);
    }
}

static void
build_evidence (JdCasePage *self)
{
  JsonArray *evidence = jd_case_get_evidence (self->kase);
  AdwPreferencesGroup *group;

  if (evidence == NULL || json_array_get_length (evidence) == 0)
    return;

  group = new_group (self, _("Evidence"));
  for (guint i = 0; i < json_array_get_length (evidence); i++)
    {
      JsonObject *item = json_array_get_object_element (evidence, i);

      add_text_row (group, str (item, "description"), str (item, "fact"));
    }
}

static void
build_decision (JdCasePage *self,
                GPtrArray  *findings)
{
  JsonObject *decision = jd_case_get_decision (self->kase);
  AdwPreferencesGroup *group = new_group (self, _("Decision"));

  add_findings (self, group, findings, SECTION_DECISION);
  if (decision == NULL)
    {
      add_text_row (group, _("Decision"), NULL);
      return;
    }

  add_date_row (group, _("Date"), str (decision, "date"));
  if (json_object_has_member (decision, "measures"))
    {
      JsonArray *measures = json_object_get_array_member (decision, "measures");
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (measures); i++)
        {
          if (i > 0)
            g_string_append (text, _(", "));
          g_string_append (text, jd_label_measure (json_array_get_string_element (measures, i)));
        }
      add_text_row (group, _("Measures"), text->str);
    }
  if (json_object_has_member (decision, "fine"))
    {
      g_autofree char *fine = g_strdup_printf (_("%.2f yuan"),
                                               json_object_get_double_member (decision, "fine"));

      add_text_row (group, _("Fine"), fine);
    }
  if (str (decision, "content") != NULL)
    add_text_row (group, _("Content"), str (decision, "content"));
}

static const char *
review_result_label (const char *result)
{
  if (g_strcmp0 (result, "approved") == 0)
    return _("Approved");
  if (g_strcmp0 (result, "approved_with_changes") == 0)
    return _("Approved with changes");
  if (g_strcmp0 (result, "rejected") == 0)
    return _("Rejected");
  return result;
}

static void
build_review (JdCasePage *self,
              GPtrArray  *findings)
{
  JsonObject *review = jd_case_get_review (self->kase);
  AdwPreferencesGroup *group = new_group (self, _("Legal review"));

  add_findings (self, group, findings, SECTION_REVIEW);
  if (review == NULL)
    {
      add_text_row (group, _("Legal review"), NULL);
      return;
    }

  add_date_row (group, _("Submitted"), str (review, "submitted_on"));
  add_date_row (group, _("Completed"), str (review, "completed_on"));
  add_text_row (group, _("Reviewer"),
                jd_case_checker_officer_name (self->checker, str (review, "reviewer_id")));
  add_text_row (group, _("Result"), review_result_label (str (review, "result")));
}

static void
build_publication (JdCasePage *self,
                   GPtrArray  *findings)
{
  JsonObject *publication = jd_case_get_publication (self->kase);
  AdwPreferencesGroup *group = new_group (self, _("Publication"));

  add_findings (self, group, findings, SECTION_PUBLICATION);
  if (publication == NULL)
    {
      add_text_row (group, _("Published"), NULL);
      return;
    }

  add_date_row (group, _("Published"), str (publication, "published_on"));
  if (str (publication, "withdrawn_on") != NULL)
    add_date_row (group, _("Withdrawn"), str (publication, "withdrawn_on"));
  if (str (publication, "text") != NULL)
    add_text_row (group, _("Text"), str (publication, "text"));
}

static void
clear (JdCasePage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box))) != NULL)
    gtk_box_remove (self->content_box, child);
  self->n_finding_rows = 0;
}

static void
editor_cancel_cb (JdCasePage *self)
{
  self->editing = FALSE;
  jd_case_page_refresh (self);
}

static void
changed (JdCasePage *self)
{
  jd_case_checker_forget (self->checker, jd_entity_get_id (JD_ENTITY (self->kase)));
  g_signal_emit (self, signals[SIGNAL_CASE_SAVED], 0, self->kase);
}

static void
editor_save_cb (JdCasePage   *self,
                JdCaseEditor *editor)
{
  g_autoptr(JdCase) edited = jd_case_editor_dup_case (editor);
  g_autoptr(GError) error = NULL;

  if (!jd_store_save (jd_case_checker_get_store (self->checker), JD_ENTITY (edited), &error))
    {
      g_autofree char *text = g_strdup_printf (_("The case could not be saved: %s"),
                                               error->message);

      jd_case_editor_show_error (editor, text);
      return;
    }
  g_set_object (&self->kase, edited);
  self->editing = FALSE;
  changed (self);
  jd_case_page_refresh (self);
}

void
jd_case_page_refresh (JdCasePage *self)
{
  GPtrArray *findings;

  g_return_if_fail (JD_IS_CASE_PAGE (self));

  /* What is being typed stays when the rules' profile or date changes meanwhile. */
  if (self->editing && jd_case_page_get_editor (self) != NULL)
    return;

  clear (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.edit",
                                 self->kase != NULL && !self->editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.add-record", self->kase != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.correct-record", self->kase != NULL);
  if (self->kase == NULL)
    return;

  if (self->editing)
    {
      GtkWidget *editor = jd_case_editor_new (self->kase);

      g_signal_connect_object (editor, "save", G_CALLBACK (editor_save_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (editor, "cancel", G_CALLBACK (editor_cancel_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (self->content_box, editor);
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
      return;
    }

  findings = jd_case_checker_check (self->checker, self->kase);
  build_case (self, findings);
  build_parties (self);
  build_officers (self, findings);
  build_stages (self);
  build_records (self, findings);
  build_documents (self);
  build_evidence (self);
  build_decision (self, findings);
  build_review (self, findings);
  build_publication (self, findings);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);
}

void
jd_case_page_set_editing (JdCasePage *self,
                          gboolean    editing)
{
  g_return_if_fail (JD_IS_CASE_PAGE (self));

  if (self->kase == NULL || self->editing == !!editing)
    return;
  self->editing = !!editing;
  jd_case_page_refresh (self);
}

gboolean
jd_case_page_get_editing (JdCasePage *self)
{
  g_return_val_if_fail (JD_IS_CASE_PAGE (self), FALSE);

  return self->editing;
}

JdCaseEditor *
jd_case_page_get_editor (JdCasePage *self)
{
  GtkWidget *child;

  g_return_val_if_fail (JD_IS_CASE_PAGE (self), NULL);

  child = gtk_widget_get_first_child (GTK_WIDGET (self->content_box));
  return self->editing && JD_IS_CASE_EDITOR (child) ? JD_CASE_EDITOR (child) : NULL;
}

static void
record_saved_cb (JdCasePage *self)
{
  changed (self);
  jd_case_page_refresh (self);
}

JdRecordDialog *
jd_case_page_add_record (JdCasePage *self,
                         const char *corrects)
{
  JdRecordDialog *dialog;
  GtkRoot *root;

  g_return_val_if_fail (JD_IS_CASE_PAGE (self), NULL);
  g_return_val_if_fail (self->kase != NULL, NULL);

  dialog = jd_record_dialog_new (self->checker, self->kase, corrects);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (record_saved_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  jd_case_page_set_editing (JD_CASE_PAGE (widget), TRUE);
}

static void
add_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  jd_case_page_add_record (JD_CASE_PAGE (widget), NULL);
}

static void
correct_record_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  jd_case_page_add_record (JD_CASE_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
jd_case_page_dispose (GObject *object)
{
  JdCasePage *self = JD_CASE_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_CASE_PAGE);
  g_clear_object (&self->kase);
  g_clear_object (&self->checker);

  G_OBJECT_CLASS (jd_case_page_parent_class)->dispose (object);
}

static void
jd_case_page_class_init (JdCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_case_page_dispose;

  /**
   * JdCasePage::case-saved:
   * @kase: the case as it is now in the store
   *
   * The page wrote the case or one of its records.
   */
  signals[SIGNAL_CASE_SAVED] = g_signal_new ("case-saved", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                             1, JD_TYPE_CASE);

  gtk_widget_class_install_action (widget_class, "case.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "case.add-record", NULL, add_record_action);
  gtk_widget_class_install_action (widget_class, "case.correct-record", "s",
                                   correct_record_action);

  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, JdCasePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, JdCasePage, content_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_case_page_init (JdCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
jd_case_page_new (void)
{
  return g_object_new (JD_TYPE_CASE_PAGE, NULL);
}

void
jd_case_page_set_case (JdCasePage    *self,
                       JdCase        *kase,
                       JdCaseChecker *checker)
{
  g_return_if_fail (JD_IS_CASE_PAGE (self));
  g_return_if_fail (kase == NULL || JD_IS_CASE (kase));
  g_return_if_fail (JD_IS_CASE_CHECKER (checker));

  if (self->kase != kase)
    self->editing = FALSE;
  g_set_object (&self->kase, kase);
  g_set_object (&self->checker, checker);
  jd_case_page_refresh (self);
}

JdCase *
jd_case_page_get_case (JdCasePage *self)
{
  g_return_val_if_fail (JD_IS_CASE_PAGE (self), NULL);

  return self->kase;
}

guint
jd_case_page_get_n_finding_rows (JdCasePage *self)
{
  g_return_val_if_fail (JD_IS_CASE_PAGE (self), 0);

  return self->n_finding_rows;
}
