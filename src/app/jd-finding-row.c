#include "jd-finding-row.h"

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-law.h"

/* The article a citation names, read from the regulations the product ships when the button is
 * first opened. */
static GtkWidget *
citation_popover_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  const char *citation = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdCitation) resolved = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *label = gtk_label_new (NULL);

  resolved = jd_law_resolve (jd_law_get_default (), citation, &error);
  if (resolved == NULL)
    g_string_append_printf (text, _("The article “%s” cites could not be found: %s"), citation,
                            error->message);
  else
    {
      for (guint i = 0; i < resolved->refs->len; i++)
        {
          const JdLawRef *ref = resolved->refs->pdata[i];

          if (text->len > 0)
            g_string_append (text, "\n\n");
          g_string_append_printf (text, "%s %s\n%s", ref->document->short_title, ref->label,
                                  ref->text);
        }
      for (guint i = 0; i < resolved->unresolved->len; i++)
        {
          const GError *problem = resolved->unresolved->pdata[i];

          g_string_append_printf (text, "\n\n%s", problem->message);
        }
    }

  gtk_label_set_text (GTK_LABEL (label), text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_set_margin_end (label, 6);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 400);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_popover_set_child (GTK_POPOVER (popover), scrolled);
  gtk_menu_button_set_popover (button, popover);
  return popover;
}

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  if (gtk_menu_button_get_popover (button) == NULL)
    citation_popover_cb (button, user_data);
}

GtkWidget *
jd_finding_row_new (const JdFinding *finding)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (jd_format_status_icon (finding));
  g_autoptr(GString) subtitle = g_string_new (finding->rule);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->message);
  g_string_append_printf (subtitle, " · %s · %s", jd_severity_label (finding->severity),
                          jd_finding_status_label (finding->status));
  if (jd_finding_has_due (finding))
    {
      g_autofree char *due = jd_format_gdate (&finding->due);

      /* TRANSLATORS: %s is a date */
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("due %s"), due);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  gtk_widget_add_css_class (icon, jd_format_status_class (finding));
  gtk_widget_set_tooltip_text (icon, jd_finding_status_label (finding->status));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (finding->citation != NULL && *finding->citation != '\0')
    {
      GtkWidget *button = gtk_menu_button_new ();
      GtkWidget *label = gtk_label_new (finding->citation);

      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      /* A long message must not squeeze the citation to "0…": keep its start readable. */
      gtk_label_set_width_chars (GTK_LABEL (label),
                                 MIN ((int) g_utf8_strlen (finding->citation, -1), 10));
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_menu_button_set_child (GTK_MENU_BUTTON (button), label);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, finding->citation);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "citation");
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_popup_cb,
                                             g_strdup (finding->citation), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  gtk_widget_add_css_class (row, "finding");
  return row;
}
