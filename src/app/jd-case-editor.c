#include "jd-case-editor.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "jd-codec.h"
#include "jd-identity.h"
#include "jd-labels.h"

typedef enum
{
  FIELD_TEXT,
  FIELD_REQUIRED,
  FIELD_DATE,
  FIELD_RESIDENT_ID,
  FIELD_CREDIT_CODE,
  FIELD_MONEY,
} FieldKind;

/* Where a row's value goes in the case's fields. */
typedef enum
{
  PART_CASE,
  PART_PARTY,
  PART_STAGE,
  PART_DECISION,
} Part;

typedef struct
{
  GtkWidget  *row;    /* AdwEntryRow */
  GtkWidget  *icon;   /* shown with the problem when the value is not valid */
  FieldKind   kind;
  Part        part;
  guint       index;
  const char *member;
} Field;

struct _JdCaseEditor
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkWidget *problem_label;
  GtkWidget *save_button;
  JdCase    *kase;
  GArray    *fields;   /* Field */
  char      *problem;
};

G_DEFINE_FINAL_TYPE (JdCaseEditor, jd_case_editor, GTK_TYPE_WIDGET)

enum
{
  SIGNAL_SAVE,
  SIGNAL_CANCEL,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_date (const char *text)
{
  int year, month, day;

  if (strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  return g_date_valid_dmy (day, month, year);
}

static gboolean
parse_money (const char *text,
             double     *value)
{
  char *end = NULL;

  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value) && *value >= 0;
}

/* What is wrong with @text for @kind, or NULL. */
static char *
check_value (FieldKind   kind,
             const char *text)
{
  double money;

  if (*text == '\0')
    return kind == FIELD_REQUIRED ? g_strdup (_("required")) : NULL;
  switch (kind)
    {
    case FIELD_DATE:
      if (!is_date (text))
        return g_strdup (_("not a date: write it as 2025-03-01"));
      break;
    case FIELD_RESIDENT_ID:
      if (!jd_resident_id_is_valid (text, NULL))
        return g_strdup (_("not a valid citizen identity number (GB 11643): check every digit "
                           "and the last character"));
      break;
    case FIELD_CREDIT_CODE:
      if (!jd_credit_code_is_valid (text))
        return g_strdup (_("not a valid unified social credit code (GB 32100): check every "
                           "character"));
      break;
    case FIELD_MONEY:
      if (!parse_money (text, &money))
        return g_strdup (_("not an amount: write it as 2000 or 2000.50"));
      break;
    case FIELD_TEXT:
    case FIELD_REQUIRED:
    default:
      break;
    }
  return NULL;
}

static char *
field_text (const Field *field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->row))));
}

static void
validate (JdCaseEditor *self)
{
  g_clear_pointer (&self->problem, g_free);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *text = field_text (field);
      g_autofree char *problem = check_value (field->kind, text);

      gtk_widget_set_visible (field->icon, problem != NULL);
      gtk_widget_set_tooltip_text (field->icon, problem);
      if (problem != NULL)
        {
          gtk_widget_add_css_class (field->row, "error");
          if (self->problem == NULL)
            /* TRANSLATORS: a row's title and what is wrong with its value */
            self->problem = g_strdup_printf (_("%s: %s"),
                                             adw_preferences_row_get_title (
                                               ADW_PREFERENCES_ROW (field->row)),
                                             problem);
        }
      else
        gtk_widget_remove_css_class (field->row, "error");
    }

  gtk_label_set_text (GTK_LABEL (self->problem_label), self->problem != NULL ? self->problem : "");
  gtk_widget_set_visible (self->problem_label, self->problem != NULL);
  gtk_widget_set_sensitive (self->save_button, self->problem == NULL);
}

static void
add_field (JdCaseEditor        *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *value,
           FieldKind            kind,
           Part                 part,
           guint                index,
           const char          *member)
{
  Field field = { 0 };

  field.row = adw_entry_row_new ();
  field.icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  field.kind = kind;
  field.part = part;
  field.index = index;
  field.member = member;

  gtk_widget_set_name (field.row, name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (field.row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field.row), title);
  gtk_editable_set_text (GTK_EDITABLE (field.row), value != NULL ? value : "");
  gtk_widget_add_css_class (field.icon, "error");
  gtk_widget_set_visible (field.icon, FALSE);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (field.row), field.icon);
  g_signal_connect_object (field.row, "changed", G_CALLBACK (validate), self, G_CONNECT_SWAPPED);
  adw_preferences_group_add (group, field.row);
  g_array_append_val (self->fields, field);
}

static const char *
str (JsonObject *object,
     const char *member)
{
  if (object == NULL)
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

static AdwPreferencesGroup *
new_group (JdCaseEditor *self,
           const char   *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (GTK_BOX (self->box), group);
  return ADW_PREFERENCES_GROUP (group);
}

static void
build (JdCaseEditor *self)
{
  JdCase *kase = self->kase;
  JsonArray *parties = jd_case_get_parties (kase);
  JsonArray *stages = jd_case_get_stages (kase);
  JsonObject *decision = jd_case_get_decision (kase);
  AdwPreferencesGroup *group;
  g_autofree char *fine = NULL;

  group = new_group (self, _("Case"));
  add_field (self, group, "title", _("Title"), jd_case_get_title (kase), FIELD_REQUIRED,
             PART_CASE, 0, "title");
  add_field (self, group, "facts", _("Facts"), jd_case_get_facts (kase), FIELD_TEXT, PART_CASE,
             0, "facts");

  if (parties != NULL && json_array_get_length (parties) > 0)
    {
      group = new_group (self, _("Parties"));
      for (guint i = 0; i < json_array_get_length (parties); i++)
        {
          JsonObject *party = json_array_get_object_element (parties, i);
          gboolean organisation = g_strcmp0 (str (party, "kind"), "organisation") == 0;
          g_autofree char *name_id = g_strdup_printf ("party-%u-name", i);
          g_autofree char *number_id = g_strdup_printf ("party-%u-number", i);

          add_field (self, group, name_id, organisation ? _("Organisation") : _("Person"),
                     str (party, "name"), FIELD_REQUIRED, PART_PARTY, i, "name");
          if (organisation)
            add_field (self, group, number_id, _("Unified social credit code"),
                       str (party, "credit_code"), FIELD_CREDIT_CODE, PART_PARTY, i,
                       "credit_code");
          else
            add_field (self, group, number_id, _("Citizen identity number"),
                       str (party, "id_number"), FIELD_RESIDENT_ID, PART_PARTY, i, "id_number");
        }
    }

  if (stages != NULL && json_array_get_length (stages) > 0)
    {
      group = new_group (self, _("Dates of the stages"));
      for (guint i = 0; i < json_array_get_length (stages); i++)
        {
          JsonObject *stage = json_array_get_object_element (stages, i);
          g_autofree char *name = g_strdup_printf ("stage-%u-date", i);
          const char *code = str (stage, "stage");

          add_field (self, group, name, code != NULL ? jd_label_stage (code) : _("Stage"),
                     str (stage, "date"), FIELD_DATE, PART_STAGE, i, "date");
        }
    }

  group = new_group (self, _("Decision"));
  if (decision != NULL && json_object_has_member (decision, "fine"))
    fine = g_strdup_printf ("%.2f", json_object_get_double_member (decision, "fine"));
  add_field (self, group, "decision-date", _("Date of the decision"), str (decision, "date"),
             FIELD_DATE, PART_DECISION, 0, "date");
  add_field (self, group, "decision-fine", _("Fine (yuan)"), fine, FIELD_MONEY, PART_DECISION,
             0, "fine");
  add_field (self, group, "decision-content", _("Content of the decision"),
             str (decision, "content"), FIELD_TEXT, PART_DECISION, 0, "content");
}

static JsonObject *
target_object (JsonObject *fields,
               const Field *field,
               gboolean     create)
{
  JsonObject *decision;

  switch (field->part)
    {
    case PART_CASE:
      return fields;
    case PART_PARTY:
      return json_array_get_object_element (json_object_get_array_member (fields, "parties"),
                                            field->index);
    case PART_STAGE:
      return json_array_get_object_element (json_object_get_array_member (fields, "stages"),
                                            field->index);
    case PART_DECISION:
    default:
      decision = json_object_has_member (fields, "decision")
                   ? json_object_get_object_member (fields, "decision") : NULL;
      if (decision == NULL && create)
        {
          decision = json_object_new ();
          json_object_set_object_member (fields, "decision", decision);
        }
      return decision;
    }
}

JdCase *
jd_case_editor_dup_case (JdCaseEditor *self)
{
  g_autofree char *text = NULL;
  g_autoptr(JsonObject) fields = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JD_IS_CASE_EDITOR (self), NULL);

  /* A deep copy: the case shown keeps its values until the new one is saved. */
  text = jd_codec_object_to_string (jd_entity_get_fields (JD_ENTITY (self->kase)), NULL);
  fields = jd_codec_object_from_string (text, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < self->fields->len; i++)
    {
      const Field *field = &g_array_index (self->fields, Field, i);
      g_autofree char *value = field_text (field);
      JsonObject *target = target_object (fields, field, *value != '\0');
      double money;

      if (target == NULL)
        continue;
      if (*value == '\0')
        json_object_remove_member (target, field->member);
      else if (field->kind == FIELD_MONEY && parse_money (value, &money))
        json_object_set_double_member (target, field->member, money);
      else
        {
          g_autofree char *upper = g_ascii_strup (value, -1);

          /* A lowercase x is the same check character as X (GB 11643). */
          json_object_set_string_member (target, field->member,
                                         field->kind == FIELD_RESIDENT_ID ? upper : value);
        }
    }

  return jd_case_new (fields);
}

gboolean
jd_case_editor_is_valid (JdCaseEditor *self)
{
  g_return_val_if_fail (JD_IS_CASE_EDITOR (self), FALSE);

  return self->problem == NULL;
}

const char *
jd_case_editor_get_problem (JdCaseEditor *self)
{
  g_return_val_if_fail (JD_IS_CASE_EDITOR (self), NULL);

  return self->problem;
}

void
jd_case_editor_show_error (JdCaseEditor *self,
                           const char   *message)
{
  g_return_if_fail (JD_IS_CASE_EDITOR (self));

  gtk_label_set_text (GTK_LABEL (self->problem_label), message);
  gtk_widget_set_visible (self->problem_label, TRUE);
}

static void
save_clicked_cb (JdCaseEditor *self)
{
  validate (self);
  if (self->problem == NULL)
    g_signal_emit (self, signals[SIGNAL_SAVE], 0);
}

static void
cancel_clicked_cb (JdCaseEditor *self)
{
  g_signal_emit (self, signals[SIGNAL_CANCEL], 0);
}

static void
jd_case_editor_dispose (GObject *object)
{
  JdCaseEditor *self = JD_CASE_EDITOR (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->kase);
  g_clear_pointer (&self->fields, g_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (jd_case_editor_parent_class)->dispose (object);
}

static void
jd_case_editor_class_init (JdCaseEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_case_editor_dispose;

  /* Save was pressed with every row valid: the page writes jd_case_editor_dup_case(). */
  signals[SIGNAL_SAVE] = g_signal_new ("save", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_CANCEL] = g_signal_new ("cancel", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_case_editor_init (JdCaseEditor *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  self->fields = g_array_new (FALSE, TRUE, sizeof (Field));
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->problem_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->problem_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->problem_label), 0);
  gtk_widget_set_hexpand (self->problem_label, TRUE);
  gtk_widget_add_css_class (self->problem_label, "error");
  gtk_widget_set_visible (self->problem_label, FALSE);

  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (self->save_button, "save-case");
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  gtk_widget_set_name (cancel, "cancel-edit");
  gtk_widget_set_valign (cancel, GTK_ALIGN_START);
  gtk_widget_set_valign (self->save_button, GTK_ALIGN_START);
  g_signal_connect_object (self->save_button, "clicked", G_CALLBACK (save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_box_append (GTK_BOX (bar), self->problem_label);
  gtk_box_append (GTK_BOX (bar), cancel);
  gtk_box_append (GTK_BOX (bar), self->save_button);
  gtk_box_append (GTK_BOX (self->box), bar);
}

GtkWidget *
jd_case_editor_new (JdCase *kase)
{
  JdCaseEditor *self;

  g_return_val_if_fail (JD_IS_CASE (kase), NULL);

  self = g_object_new (JD_TYPE_CASE_EDITOR, NULL);
  self->kase = g_object_ref (kase);
  build (self);
  validate (self);
  return GTK_WIDGET (self);
}
