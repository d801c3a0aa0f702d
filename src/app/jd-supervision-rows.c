#include "jd-supervision-rows.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "jd-finding-row.h"
#include "jd-format.h"
#include "jd-rule-context.h"
#include "jd-supervision-view.h"
#include "jd-window.h"

/* The four scores of a case-file evaluation (案卷评查, 002 第二十三条). */
static const struct { const char *member; const char *label; const char *what; } scores[] = {
  { "facts", N_("Facts"), N_("The facts are found clearly") },
  { "evidence", N_("Evidence"), N_("The evidence is sufficient") },
  { "procedure", N_("Procedure"), N_("The procedure is lawful and proper") },
  { "documents", N_("Documents"), N_("The documents are in the standard form") },
};

/* Items */

static int
evaluation_year (JdEntity *entity)
{
  JsonObject *fields = jd_entity_get_fields (entity);
  const char *date = jd_entity_get_string (entity, "date");

  if (json_object_has_member (fields, "year"))
    return (int) json_object_get_int_member (fields, "year");
  if (date != NULL && strlen (date) >= 4)
    return atoi (date);
  return 0;
}

static const char *
own_date (JdEntity *entity)
{
  switch (jd_entity_get_collection (entity))
    {
    case JD_COLLECTION_COMPLAINTS:
      return jd_entity_get_string (entity, "received_on");
    case JD_COLLECTION_SUPERVISION_CASES:
      return jd_entity_get_string (entity, "filed_on");
    case JD_COLLECTION_LETTERS:
      return jd_entity_get_string (entity, "issued_on");
    default:
      return jd_entity_get_string (entity, "date");
    }
}

JdSupervisionItem *
jd_supervision_item_new (JdCaseChecker *checker,
                         JdEntity      *entity)
{
  JdSupervisionItem *item = g_new0 (JdSupervisionItem, 1);

  item->entity = g_object_ref (entity);
  item->date = g_strdup (own_date (entity));
  if (jd_entity_get_collection (entity) == JD_COLLECTION_EVALUATIONS)
    {
      /* The rule is the agency's: its finding for the evaluation's year. */
      const char *agency_id = jd_entity_get_string (entity, "agency_id");
      g_autoptr(GError) error = NULL;
      g_autoptr(JdEntity) agency = NULL;
      int year = evaluation_year (entity);

      item->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_finding_free);
      agency = agency_id != NULL ? jd_store_get (jd_case_checker_get_store (checker),
                                                 JD_COLLECTION_AGENCIES, agency_id, &error)
                                 : NULL;
      if (agency != NULL)
        {
          g_autoptr(GPtrArray) all = jd_case_checker_check_entity (checker, agency,
                                                                   "SUP-EVALUATION");

          for (guint i = 0; i < all->len; i++)
            {
              JdFinding *finding = all->pdata[i];

              if (jd_finding_has_due (finding) && (int) g_date_get_year (&finding->due) == year)
                g_ptr_array_add (item->findings, jd_finding_copy (finding));
            }
        }
    }
  else
    item->findings = jd_case_checker_check_entity (checker, entity, "SUP-");

  for (guint i = 0; i < item->findings->len; i++)
    {
      const JdFinding *finding = item->findings->pdata[i];

      if (finding->open && jd_finding_has_due (finding) &&
          (item->urgent == NULL || g_date_compare (&finding->due, &item->urgent->due) < 0))
        item->urgent = finding;
      if (finding->status == JD_FINDING_FAIL && item->worst == NULL)
        item->worst = finding;
    }
  return item;
}

void
jd_supervision_item_free (JdSupervisionItem *item)
{
  g_clear_object (&item->entity);
  g_clear_pointer (&item->findings, g_ptr_array_unref);
  g_free (item->date);
  g_free (item);
}

int
jd_supervision_item_compare (gconstpointer a,
                             gconstpointer b)
{
  const JdSupervisionItem *ia = *(JdSupervisionItem **) a;
  const JdSupervisionItem *ib = *(JdSupervisionItem **) b;
  int diff;

  if ((ia->urgent != NULL) != (ib->urgent != NULL))
    return ia->urgent != NULL ? -1 : 1;
  if (ia->urgent != NULL)
    {
      diff = g_date_compare (&ia->urgent->due, &ib->urgent->due);
      if (diff != 0)
        return diff;
    }
  diff = -g_strcmp0 (ia->date, ib->date);
  if (diff != 0)
    return diff;
  return g_strcmp0 (jd_entity_get_id (ia->entity), jd_entity_get_id (ib->entity));
}

/* Labels */

static const char *
letter_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "urge") == 0)
    return _("Urging letter");
  if (g_strcmp0 (kind, "opinion") == 0)
    return _("Opinion letter");
  if (g_strcmp0 (kind, "decision") == 0)
    return _("Decision letter");
  return kind != NULL ? kind : _("Letter");
}

static const char *
complaint_form_label (const char *form)
{
  static const struct { const char *code; const char *label; } forms[] = {
    { "written", N_("In writing") },
    { "email", N_("By email") },
    { "phone", N_("By phone") },
    { "fax", N_("By fax") },
    { "visit", N_("In person") },
    { "hotline", N_("Through the hotline") },
  };

  for (guint i = 0; form != NULL && i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (form, forms[i].code))
      return _(forms[i].label);
  return form;
}

static char *
agency_name (JdWindow   *window,
             const char *agency_id)
{
  const char *name = agency_id != NULL
                       ? jd_case_checker_agency_name (jd_window_get_checker (window), agency_id)
                       : NULL;

  return g_strdup (name != NULL ? name : _("an unknown agency"));
}

static char *
date_text (const char *date)
{
  return date != NULL ? jd_format_date (date) : g_strdup (_("not recorded"));
}

static char *
item_title (JdWindow          *window,
            JdSupervisionItem *item)
{
  JdEntity *entity = item->entity;
  g_autofree char *agency = NULL;
  g_autofree char *date = NULL;

  switch (jd_entity_get_collection (entity))
    {
    case JD_COLLECTION_COMPLAINTS:
      {
        const char *complainant = jd_entity_get_string (entity, "complainant");

        agency = agency_name (window, jd_entity_get_string (entity, "respondent_agency_id"));
        /* TRANSLATORS: "张三 about 区市场监管局" */
        return g_strdup_printf (_("%s about %s"),
                                complainant != NULL ? complainant : _("Anonymous complainant"),
                                agency);
      }
    case JD_COLLECTION_SUPERVISION_CASES:
      agency = agency_name (window, jd_entity_get_string (entity, "agency_id"));
      date = date_text (item->date);
      /* TRANSLATORS: "区市场监管局 · filed 2025年3月1日" */
      return g_strdup_printf (_("%s · filed %s"), agency, date);
    case JD_COLLECTION_LETTERS:
      agency = agency_name (window, jd_entity_get_string (entity, "agency_id"));
      date = date_text (item->date);
      /* TRANSLATORS: "Opinion letter to 区市场监管局 · 2025年3月1日" */
      return g_strdup_printf (_("%s to %s · %s"),
                              letter_kind_label (jd_entity_get_string (entity, "kind")), agency,
                              date);
    default:
      agency = agency_name (window, jd_entity_get_string (entity, "agency_id"));
      /* TRANSLATORS: "区市场监管局 · 2025" */
      return g_strdup_printf (_("%s · %d"), agency, evaluation_year (entity));
    }
}

/* Rows of the details */

static GtkWidget *
fact_row (const char *title,
          const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value != NULL && *value != '\0'
                                                       ? value : _("not recorded"));
  gtk_widget_add_css_class (row, "property");
  return row;
}

static GtkWidget *
date_row (const char *title,
          JdEntity   *entity,
          const char *member)
{
  g_autofree char *date = date_text (jd_entity_get_string (entity, member));

  return fact_row (title, date);
}

static GtkWidget *
link_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
link_activated_cb (AdwActionRow *row,
                   gpointer      user_data)
{
  JdSupervisionView *view = user_data;
  const char *id = g_object_get_data (G_OBJECT (row), "jd-link-id");
  JdCollection collection = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row),
                                                                "jd-link-collection"));

  if (!jd_supervision_view_show_object (view, collection, id))
    jd_window_toast (jd_supervision_view_get_window (view),
                     _("That object is not in the database any more."));
}

static void
add_link (AdwExpanderRow    *expander,
          JdSupervisionView *view,
          GtkWidget         *row,
          JdCollection       collection,
          const char        *id)
{
  g_object_set_data_full (G_OBJECT (row), "jd-link-id", g_strdup (id), g_free);
  g_object_set_data (G_OBJECT (row), "jd-link-collection", GINT_TO_POINTER (collection));
  g_signal_connect (row, "activated", G_CALLBACK (link_activated_cb), view);
  adw_expander_row_add_row (expander, row);
}

static char *
officer_names (JdWindow  *window,
               JsonArray *ids)
{
  JdCaseChecker *checker = jd_window_get_checker (window);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *name = jd_case_checker_officer_name (checker,
                                                       json_array_get_string_element (ids, i));

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name != NULL ? name : "?");
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* A deadline of a finding as a row: what it is, when, and how it stands. */
static GtkWidget *
deadline_row (const char      *title,
              const JdFinding *finding)
{
  g_autofree char *date = jd_format_gdate (&finding->due);
  g_autofree char *state = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;
  const char *style;

  if (finding->open)
    {
      state = jd_format_deadline (finding);
      style = finding->days_left < 0 ? "error" : "warning";
    }
  else
    {
      state = g_strdup_printf (finding->status == JD_FINDING_FAIL ? _("due %s · missed")
                                                                   : _("due %s · met"),
                               date);
      style = jd_format_status_class (finding);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), finding->message);
  label = gtk_label_new (state);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, style);
  gtk_widget_add_css_class (label, "deadline");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_add_css_class (row, "deadline");
  return row;
}

static void
add_findings (AdwExpanderRow    *expander,
              JdSupervisionItem *item,
              const char        *skip_rule)
{
  for (guint i = 0; i < item->findings->len; i++)
    {
      const JdFinding *finding = item->findings->pdata[i];

      if (finding->status == JD_FINDING_NOT_APPLICABLE || g_strcmp0 (finding->rule, skip_rule) == 0)
        continue;
      adw_expander_row_add_row (expander, jd_finding_row_new (finding));
    }
}

static void
fill_complaint (AdwExpanderRow    *expander,
                JdSupervisionView *view,
                JdSupervisionItem *item)
{
  JdWindow *window = jd_supervision_view_get_window (view);
  JdEntity *entity = item->entity;
  const char *case_id = jd_entity_get_string (entity, "supervision_case_id");
  g_autofree char *agency = agency_name (window,
                                         jd_entity_get_string (entity, "respondent_agency_id"));

  adw_expander_row_add_row (expander, date_row (_("Received"), entity, "received_on"));
  adw_expander_row_add_row (expander,
                            fact_row (_("Made"),
                                      complaint_form_label (jd_entity_get_string (entity,
                                                                                  "form"))));
  adw_expander_row_add_row (expander, fact_row (_("Complainant"),
                                                jd_entity_get_string (entity, "complainant")));
  adw_expander_row_add_row (expander, fact_row (_("Agency complained of"), agency));
  adw_expander_row_add_row (expander, fact_row (_("Facts"),
                                                jd_entity_get_string (entity, "facts")));
  adw_expander_row_add_row (expander, fact_row (_("Reasons"),
                                                jd_entity_get_string (entity, "reasons")));
  adw_expander_row_add_row (expander, date_row (_("Complainant told the outcome"), entity,
                                                "replied_on"));
  if (case_id != NULL)
    add_link (expander, view, link_row (_("Supervision case"),
                                        _("Show the individual case this complaint started")),
              JD_COLLECTION_SUPERVISION_CASES, case_id);
  add_findings (expander, item, NULL);
}

static const JdFinding *
finding_of (JdSupervisionItem *item,
            const char        *rule,
            guint              nth)
{
  for (guint i = 0; i < item->findings->len; i++)
    {
      const JdFinding *finding = item->findings->pdata[i];

      if (g_str_equal (finding->rule, rule) && jd_finding_has_due (finding) && nth-- == 0)
        return finding;
    }
  return NULL;
}

static void
fill_supervision_case (AdwExpanderRow    *expander,
                       JdSupervisionView *view,
                       JdSupervisionItem *item)
{
  JdWindow *window = jd_supervision_view_get_window (view);
  JdEntity *entity = item->entity;
  const JdFinding *clock = finding_of (item, "SUP-DURATION", 0);
  g_autofree char *agency = agency_name (window, jd_entity_get_string (entity, "agency_id"));
  g_autofree char *investigators = officer_names (window,
                                                  jd_entity_get_array (entity, "investigators"));
  g_autoptr(GPtrArray) letters = NULL;

  if (clock != NULL)
    adw_expander_row_add_row (expander, deadline_row (_("2-month clock"), clock));
  adw_expander_row_add_row (expander, fact_row (_("Agency supervised"), agency));
  adw_expander_row_add_row (expander, date_row (_("Filed"), entity, "filed_on"));
  adw_expander_row_add_row (expander, date_row (_("Date of the act supervised"), entity,
                                                "subject_act_date"));
  if (jd_entity_get_string (entity, "extension_approved_until") != NULL)
    adw_expander_row_add_row (expander, date_row (_("Extended by approval to"), entity,
                                                  "extension_approved_until"));
  adw_expander_row_add_row (expander, fact_row (_("Investigated by"), investigators));
  adw_expander_row_add_row (expander, date_row (_("Collective discussion"), entity,
                                                "collective_discussion_on"));
  adw_expander_row_add_row (expander, date_row (_("Closed"), entity, "closed_on"));
  adw_expander_row_add_row (expander, date_row (_("Archived"), entity, "archived_on"));

  letters = jd_case_checker_letters_for (jd_window_get_checker (window),
                                         jd_entity_get_id (entity));
  for (guint i = 0; i < letters->len; i++)
    {
      JdEntity *letter = letters->pdata[i];
      g_autofree char *issued = date_text (jd_entity_get_string (letter, "issued_on"));
      /* TRANSLATORS: "issued 2025年3月1日" */
      g_autofree char *subtitle = g_strdup_printf (_("issued %s"), issued);

      add_link (expander, view,
                link_row (letter_kind_label (jd_entity_get_string (letter, "kind")), subtitle),
                JD_COLLECTION_LETTERS, jd_entity_get_id (letter));
    }
  add_findings (expander, item, "SUP-DURATION");
}

static void
fill_letter (AdwExpanderRow    *expander,
             JdSupervisionView *view,
             JdSupervisionItem *item)
{
  static const struct { const char *rule; guint nth; const char *label; } follow_ups[] = {
    { "SUP-OBJECTION", 0, N_("Objection") },
    { "SUP-OBJECTION", 1, N_("Reply to the objection") },
    { "SUP-CORRECT", 0, N_("Correction") },
    { "SUP-DECISION-REPORT", 0, N_("Execution report") },
  };
  JdWindow *window = jd_supervision_view_get_window (view);
  JdEntity *entity = item->entity;
  const char *case_id = jd_entity_get_string (entity, "supervision_case_id");
  g_autofree char *agency = agency_name (window, jd_entity_get_string (entity, "agency_id"));

  for (guint i = 0; i < G_N_ELEMENTS (follow_ups); i++)
    {
      const JdFinding *finding = finding_of (item, follow_ups[i].rule, follow_ups[i].nth);

      if (finding != NULL)
        adw_expander_row_add_row (expander, deadline_row (_(follow_ups[i].label), finding));
    }
  adw_expander_row_add_row (expander,
                            fact_row (_("Kind"),
                                      letter_kind_label (jd_entity_get_string (entity, "kind"))));
  adw_expander_row_add_row (expander, fact_row (_("Agency"), agency));
  adw_expander_row_add_row (expander, date_row (_("Issued"), entity, "issued_on"));
  adw_expander_row_add_row (expander, date_row (_("Received by the agency"), entity,
                                                "received_on"));
  if (jd_entity_get_string (entity, "escalated_on") != NULL)
    adw_expander_row_add_row (expander, date_row (_("Escalated"), entity, "escalated_on"));
  if (case_id != NULL)
    add_link (expander, view, link_row (_("Supervision case"),
                                        _("Show the individual case of this letter")),
              JD_COLLECTION_SUPERVISION_CASES, case_id);
  for (guint i = 0; i < item->findings->len; i++)
    {
      const JdFinding *finding = item->findings->pdata[i];

      /* The deadlines above show those with a date. */
      if (finding->status == JD_FINDING_NOT_APPLICABLE || jd_finding_has_due (finding))
        continue;
      adw_expander_row_add_row (expander, jd_finding_row_new (finding));
    }
}

static void
case_activated_cb (AdwActionRow *row,
                   gpointer      user_data)
{
  JdWindow *window = user_data;
  const char *id = g_object_get_data (G_OBJECT (row), "jd-case-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = jd_store_get (jd_window_get_store (window), JD_COLLECTION_CASES, id,
                                           &error);

  if (kase == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("The case could not be opened: %s"),
                                               error->message);

      jd_window_toast (window, text);
      return;
    }
  jd_window_show_case (window, JD_CASE (kase));
}

static GtkWidget *
score_row (const char *title,
           const char *subtitle,
           JsonObject *scored,
           const char *member,
           int        *total,
           gboolean   *complete)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *bar = gtk_level_bar_new_for_interval (0, 100);
  GtkWidget *label;
  g_autofree char *text = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (scored != NULL && json_object_has_member (scored, member))
    {
      int value = (int) json_object_get_int_member (scored, member);

      *total += value;
      text = g_strdup_printf ("%d", value);
      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (value, 0, 100));
    }
  else
    {
      *complete = FALSE;
      text = g_strdup (_("not scored"));
    }
  gtk_widget_set_size_request (bar, 120, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  label = gtk_label_new (text);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  gtk_widget_add_css_class (row, "score");
  return row;
}

static void
fill_evaluation (AdwExpanderRow    *expander,
                 JdSupervisionView *view,
                 JdSupervisionItem *item)
{
  JdWindow *window = jd_supervision_view_get_window (view);
  JdEntity *entity = item->entity;
  JsonObject *scored = jd_entity_get_object (entity, "scores");
  JsonArray *case_ids = jd_entity_get_array (entity, "case_ids");
  g_autofree char *agency = agency_name (window, jd_entity_get_string (entity, "agency_id"));
  g_autofree char *total_text = NULL;
  GtkWidget *total_row;
  gboolean complete = TRUE;
  int total = 0;

  adw_expander_row_add_row (expander, fact_row (_("Agency"), agency));
  adw_expander_row_add_row (expander, date_row (_("Evaluated"), entity, "date"));
  for (guint i = 0; i < G_N_ELEMENTS (scores); i++)
    adw_expander_row_add_row (expander, score_row (_(scores[i].label), _(scores[i].what), scored,
                                                   scores[i].member, &total, &complete));
  if (complete)
    /* TRANSLATORS: the total of the four scores of an evaluation */
    total_text = g_strdup_printf (_("%d of %d"), total, (int) G_N_ELEMENTS (scores) * 100);
  else
    total_text = g_strdup_printf (_("%d so far; the evaluation lacks a score"), total);
  total_row = fact_row (_("Total"), total_text);
  gtk_widget_add_css_class (total_row, "total");
  adw_expander_row_add_row (expander, total_row);

  for (guint i = 0; case_ids != NULL && i < json_array_get_length (case_ids); i++)
    {
      const char *id = json_array_get_string_element (case_ids, i);
      g_autoptr(JdEntity) kase = jd_store_get (jd_window_get_store (window), JD_COLLECTION_CASES,
                                               id, NULL);
      GtkWidget *row;

      if (kase == NULL)
        {
          adw_expander_row_add_row (expander, fact_row (_("Case evaluated"),
                                                        _("not in this database")));
          continue;
        }
      row = link_row (jd_case_get_number (JD_CASE (kase)), jd_case_get_title (JD_CASE (kase)));
      g_object_set_data_full (G_OBJECT (row), "jd-case-id", g_strdup (id), g_free);
      g_signal_connect (row, "activated", G_CALLBACK (case_activated_cb), window);
      gtk_widget_add_css_class (row, "evaluated-case");
      adw_expander_row_add_row (expander, row);
    }
  add_findings (expander, item, NULL);
}

/* The row */

static void
expanded_cb (AdwExpanderRow *expander,
             GParamSpec     *pspec,
             gpointer        user_data)
{
  JdSupervisionView *view = user_data;
  JdSupervisionItem *item = g_object_get_data (G_OBJECT (expander), "jd-item");

  if (!adw_expander_row_get_expanded (expander) ||
      g_object_get_data (G_OBJECT (expander), "jd-filled") != NULL)
    return;
  g_object_set_data (G_OBJECT (expander), "jd-filled", GINT_TO_POINTER (TRUE));
  switch (jd_entity_get_collection (item->entity))
    {
    case JD_COLLECTION_COMPLAINTS:
      fill_complaint (expander, view, item);
      break;
    case JD_COLLECTION_SUPERVISION_CASES:
      fill_supervision_case (expander, view, item);
      break;
    case JD_COLLECTION_LETTERS:
      fill_letter (expander, view, item);
      break;
    default:
      fill_evaluation (expander, view, item);
      break;
    }
}

/* The clock of an individual case, on the row itself. */
static GtkWidget *
clock_label (JdSupervisionItem *item)
{
  const JdFinding *clock = finding_of (item, "SUP-DURATION", 0);
  GtkWidget *label;

  if (clock == NULL)
    return NULL;
  label = gtk_label_new (NULL);
  if (clock->open)
    {
      g_autofree char *text = NULL;

      if (clock->days_left < 0)
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue",
                                             "%d days overdue", -clock->days_left),
                                -clock->days_left);
      else
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left",
                                             clock->days_left),
                                clock->days_left);
      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_widget_add_css_class (label, clock->days_left < 0 ? "error" : "warning");
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (label), clock->status == JD_FINDING_FAIL
                                               ? _("closed late") : _("closed in time"));
      gtk_widget_add_css_class (label, jd_format_status_class (clock));
    }
  gtk_widget_add_css_class (label, "clock");
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  return label;
}

GtkWidget *
jd_supervision_row_new (JdSupervisionView *view,
                        JdSupervisionItem *item)
{
  JdWindow *window = jd_supervision_view_get_window (view);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *icon;
  GtkWidget *clock;
  g_autofree char *title = item_title (window, item);
  g_autofree char *subtitle = NULL;
  const char *style = NULL;

  if (item->urgent != NULL)
    {
      subtitle = jd_format_deadline (item->urgent);
      style = item->urgent->days_left < 0 ? "error" : "warning";
      gtk_widget_add_css_class (row, item->urgent->days_left < 0 ? "deadline-overdue"
                                                                  : "deadline-open");
      icon = gtk_image_new_from_icon_name (item->urgent->days_left < 0
                                             ? "dialog-error-symbolic"
                                             : "alarm-symbolic");
    }
  else if (item->worst != NULL)
    {
      subtitle = g_strdup (item->worst->message);
      style = jd_format_status_class (item->worst);
      icon = gtk_image_new_from_icon_name (jd_format_status_icon (item->worst));
    }
  else
    {
      subtitle = g_strdup (_("No problems found"));
      style = "success";
      icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
    }
  gtk_widget_add_css_class (icon, style);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), icon);
  if (jd_entity_get_collection (item->entity) == JD_COLLECTION_SUPERVISION_CASES &&
      (clock = clock_label (item)) != NULL)
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), clock);

  g_object_set_data_full (G_OBJECT (row), "jd-object-id",
                          g_strdup (jd_entity_get_id (item->entity)), g_free);
  g_object_set_data_full (G_OBJECT (row), "jd-item", item,
                          (GDestroyNotify) jd_supervision_item_free);
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), view);
  return row;
}
