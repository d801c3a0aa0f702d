#include "jd-roster-preview.h"

#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-roster-format.h"

typedef enum
{
  COLUMN_CHANGE,
  COLUMN_NAME,
  COLUMN_CERTIFICATE,
  COLUMN_AGENCY,
  COLUMN_VALID_FROM,
  COLUMN_VALID_TO,
  COLUMN_STATUS,
  COLUMN_ROLE,
} Column;

struct _JdRosterPreview
{
  AdwWindow       parent_instance;

  /* template widgets */
  AdwWindowTitle *title;
  GtkButton      *cancel_button;
  GtkButton      *import_button;
  GtkStack       *stack;
  GtkColumnView  *rows_view;
  GtkLabel       *error_label;

  /* owned references */
  JdDocument     *document;
  GListStore     *rows;
  char           *error_text;
  guint           counts[3];
};

G_DEFINE_FINAL_TYPE (JdRosterPreview, jd_roster_preview, ADW_TYPE_WINDOW)

enum
{
  IMPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
cancel_clicked_cb (JdRosterPreview *self)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
import_clicked_cb (JdRosterPreview *self)
{
  if (self->document != NULL)
    g_signal_emit (self, signals[IMPORT], 0);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  JdOfficer *officer = gtk_list_item_get_item (item);
  g_autofree char *owned = NULL;
  const char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "accent");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  switch (column)
    {
    case COLUMN_CHANGE:
      switch (GPOINTER_TO_INT (g_object_get_data (G_OBJECT (officer), JD_ROSTER_PREVIEW_CHANGE)))
        {
        case JD_ROSTER_CHANGE_ADDED:
          text = _("New");
          gtk_widget_add_css_class (GTK_WIDGET (label), "accent");
          break;
        case JD_ROSTER_CHANGE_UPDATED:
          text = _("Updated");
          break;
        case JD_ROSTER_CHANGE_UNCHANGED:
        default:
          text = _("Unchanged");
          gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
          break;
        }
      break;
    case COLUMN_NAME:
      text = jd_officer_get_name (officer);
      break;
    case COLUMN_CERTIFICATE:
      text = jd_roster_certificate_string (officer, "number");
      break;
    case COLUMN_AGENCY:
      text = g_object_get_data (G_OBJECT (officer), JD_ROSTER_PREVIEW_AGENCY);
      break;
    case COLUMN_VALID_FROM:
      text = owned = jd_format_date (jd_roster_certificate_string (officer, "valid_from"));
      break;
    case COLUMN_VALID_TO:
      text = owned = jd_format_date (jd_roster_certificate_string (officer, "valid_to"));
      break;
    case COLUMN_STATUS:
      text = jd_roster_certificate_status_label (jd_roster_certificate_string (officer, "status"));
      break;
    case COLUMN_ROLE:
    default:
      text = jd_roster_role_label (jd_officer_get_role (officer));
      break;
    }
  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
add_column (JdRosterPreview *self,
            Column           column,
            const char      *title,
            gboolean         expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->rows_view, view_column);
}

static void
jd_roster_preview_dispose (GObject *object)
{
  JdRosterPreview *self = JD_ROSTER_PREVIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_ROSTER_PREVIEW);
  g_clear_object (&self->document);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (jd_roster_preview_parent_class)->dispose (object);
}

static void
jd_roster_preview_class_init (JdRosterPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_roster_preview_dispose;

  /**
   * JdRosterPreview::import:
   *
   * The user asked for the officers of the file to be written.
   */
  signals[IMPORT] = g_signal_new ("import", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-roster-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, JdRosterPreview, title);
  gtk_widget_class_bind_template_child (widget_class, JdRosterPreview, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdRosterPreview, import_button);
  gtk_widget_class_bind_template_child (widget_class, JdRosterPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, JdRosterPreview, rows_view);
  gtk_widget_class_bind_template_child (widget_class, JdRosterPreview, error_label);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
jd_roster_preview_init (JdRosterPreview *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_list_store_new (JD_TYPE_OFFICER);
  add_column (self, COLUMN_CHANGE, _("Change"), FALSE);
  add_column (self, COLUMN_NAME, _("Name"), FALSE);
  add_column (self, COLUMN_CERTIFICATE, _("Certificate"), FALSE);
  add_column (self, COLUMN_AGENCY, _("Agency"), TRUE);
  add_column (self, COLUMN_VALID_FROM, _("Valid From"), FALSE);
  add_column (self, COLUMN_VALID_TO, _("Valid To"), FALSE);
  add_column (self, COLUMN_STATUS, _("Status"), FALSE);
  add_column (self, COLUMN_ROLE, _("Category"), FALSE);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
}

JdRosterPreview *
jd_roster_preview_new (GtkWindow    *parent,
                       const char   *file_name,
                       JdDocument   *document,
                       const GError *error)
{
  JdRosterPreview *self;
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (document != NULL || error != NULL, NULL);

  self = g_object_new (JD_TYPE_ROSTER_PREVIEW, "transient-for", parent, NULL);
  adw_window_title_set_title (self->title, file_name);
  if (document == NULL)
    {
      self->error_text = g_strdup (error->message);
      gtk_label_set_text (self->error_label, self->error_text);
      gtk_stack_set_visible_child_name (self->stack, "error");
      adw_window_title_set_subtitle (self->title, _("Nothing will be written"));
      gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->cancel_button));
      return self;
    }

  self->document = g_object_ref (document);
  {
    GPtrArray *officers = jd_document_get_entities (document, JD_COLLECTION_OFFICERS);

    for (guint i = 0; officers != NULL && i < officers->len; i++)
      {
        JdRosterChange change = GPOINTER_TO_INT (g_object_get_data (officers->pdata[i],
                                                                    JD_ROSTER_PREVIEW_CHANGE));

        self->counts[MIN (change, JD_ROSTER_CHANGE_UNCHANGED)]++;
        g_list_store_append (self->rows, officers->pdata[i]);
      }
  }
  /* TRANSLATORS: what importing a roster would do: 3 new, 2 updated, 1 unchanged */
  subtitle = g_strdup_printf (_("%u new, %u updated, %u unchanged"),
                              self->counts[JD_ROSTER_CHANGE_ADDED],
                              self->counts[JD_ROSTER_CHANGE_UPDATED],
                              self->counts[JD_ROSTER_CHANGE_UNCHANGED]);
  adw_window_title_set_subtitle (self->title, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button),
                            self->counts[JD_ROSTER_CHANGE_ADDED]
                            + self->counts[JD_ROSTER_CHANGE_UPDATED] > 0);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  return self;
}

JdDocument *
jd_roster_preview_get_document (JdRosterPreview *self)
{
  g_return_val_if_fail (JD_IS_ROSTER_PREVIEW (self), NULL);

  return self->document;
}

guint
jd_roster_preview_get_n_rows (JdRosterPreview *self)
{
  g_return_val_if_fail (JD_IS_ROSTER_PREVIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->rows));
}

guint
jd_roster_preview_count (JdRosterPreview *self,
                         JdRosterChange   change)
{
  g_return_val_if_fail (JD_IS_ROSTER_PREVIEW (self), 0);
  g_return_val_if_fail (change <= JD_ROSTER_CHANGE_UNCHANGED, 0);

  return self->counts[change];
}

const char *
jd_roster_preview_get_error_text (JdRosterPreview *self)
{
  g_return_val_if_fail (JD_IS_ROSTER_PREVIEW (self), NULL);

  return self->error_text;
}

GtkButton *
jd_roster_preview_get_import_button (JdRosterPreview *self)
{
  g_return_val_if_fail (JD_IS_ROSTER_PREVIEW (self), NULL);

  return self->import_button;
}

void
jd_roster_preview_set_busy (JdRosterPreview *self,
                            gboolean         busy)
{
  g_return_if_fail (JD_IS_ROSTER_PREVIEW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !busy && self->document != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
}
