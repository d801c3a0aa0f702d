#include "jd-preferences-window.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-profile.h"
#include "jd-rule-context.h"

struct _JdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  AdwComboRow          *profile_row;
  AdwEntryRow          *as_of_row;

  /* owned references */
  GSettings            *settings;
  GStrv                 profiles;
};

G_DEFINE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
profile_selected_cb (JdPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (self->profiles == NULL || selected >= g_strv_length (self->profiles))
    return;
  g_settings_set_string (self->settings, "profile", self->profiles[selected]);
}

static void
as_of_apply_cb (JdPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->as_of_row));
  GDate date;

  if (*text != '\0' && (!jd_rule_parse_date (text, &date) || strlen (text) != 10))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->as_of_row), "error");
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("Write the date as YYYY-MM-DD, for "
                                                         "example 2025-03-01")));
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_row), "error");
  g_settings_set_string (self->settings, "as-of-date", text);
}

static void
jd_preferences_window_dispose (GObject *object)
{
  JdPreferencesWindow *self = JD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->profiles, g_strfreev);

  G_OBJECT_CLASS (jd_preferences_window_parent_class)->dispose (object);
}

static void
jd_preferences_window_class_init (JdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/jiandu/app/ui/jd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, profile_row);
  gtk_widget_class_bind_template_child (widget_class, JdPreferencesWindow, as_of_row);
  gtk_widget_class_bind_template_callback (widget_class, profile_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_apply_cb);
}

static void
jd_preferences_window_init (JdPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  g_autofree char *as_of = NULL;
  guint selected = 0;

  self->settings = g_settings_new (APP_ID);
  current = g_settings_get_string (self->settings, "profile");
  as_of = g_settings_get_string (self->settings, "as-of-date");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->profiles = jd_profile_list ();
  for (guint i = 0; self->profiles[i] != NULL; i++)
    {
      g_autoptr(JdProfile) profile = jd_profile_load (self->profiles[i], NULL);

      gtk_string_list_append (names, profile != NULL ? jd_profile_get_name (profile)
                                                     : self->profiles[i]);
      if (g_strcmp0 (self->profiles[i], current) == 0)
        selected = i;
    }
  /* The model and selection are set before the handler can store anything. */
  g_signal_handlers_block_by_func (self->profile_row, profile_selected_cb, self);
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->profile_row, selected);
  g_signal_handlers_unblock_by_func (self->profile_row, profile_selected_cb, self);

  gtk_editable_set_text (GTK_EDITABLE (self->as_of_row), as_of);
}

GtkWidget *
jd_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (JD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "modal", TRUE, NULL);
}
