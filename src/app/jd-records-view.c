#include "jd-records-view.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "jd-format.h"
#include "jd-labels.h"
#include "jd-store-records.h"
#include "jd-window.h"

/* Rows read at a time: a screenful and more, never the whole table. */
#define PAGE_SIZE 100

struct _JdRecordsView
{
  GtkWidget  parent_instance;

  /* template widgets */
  GtkWidget *box;
  GtkStack  *stack;
  GtkListBox *list;
  GtkWidget *more_button;

  JdWindow  *window;   /* not owned: the window owns the view */
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (JdRecordsView, jd_records_view, GTK_TYPE_WIDGET)

static GtkWidget *
record_row (JdStore  *store,
            JdRecord *record)
{
  const char *case_id = jd_record_get_case_id (record);
  g_autoptr(JdEntity) kase = case_id != NULL ? jd_store_get (store, JD_COLLECTION_CASES, case_id,
                                                             NULL)
                                             : NULL;
  const char *stage = jd_record_get_stage (record);
  const char *matter = jd_record_get_matter (record);
  gboolean av = g_strcmp0 (jd_record_get_kind (record), "av") == 0;
  g_autofree char *time = jd_format_time (jd_record_get_time (record));
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* TRANSLATORS: a record in the list: case number · kind · stage · time */
  subtitle = g_strdup_printf (_("%s · %s · %s · %s"),
                              kase != NULL ? jd_case_get_number (JD_CASE (kase)) : "",
                              av ? _("Audio and video") : _("Text"),
                              stage != NULL ? jd_label_stage (stage) : "", time);
  if (jd_record_get_corrects (record) != NULL)
    {
      g_autofree char *with = g_strconcat (subtitle, _(" · correction"), NULL);

      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), matter != NULL ? matter : _("Record"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name (av ? "camera-video-symbolic"
                                                              : "text-x-generic-symbolic"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), kase != NULL);
  g_object_set_data_full (G_OBJECT (row), "case-id", g_strdup (case_id), g_free);
  return row;
}

/* Appends the next page of records. */
static void
load_more (JdRecordsView *self)
{
  JdStore *store = jd_window_get_store (self->window);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) records = NULL;

  records = jd_store_list_recent_records (store, self->n_rows, PAGE_SIZE, &error);
  if (records == NULL)
    {
      jd_window_toast (self->window, error->message);
      return;
    }
  for (guint i = 0; i < records->len; i++)
    gtk_list_box_append (self->list, record_row (store, records->pdata[i]));
  self->n_rows += records->len;
  gtk_widget_set_visible (self->more_button, records->len == PAGE_SIZE);
  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

void
jd_records_view_reload (JdRecordsView *self)
{
  GtkWidget *child;

  g_return_if_fail (JD_IS_RECORDS_VIEW (self));

  if (self->window == NULL)
    return;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_rows = 0;
  load_more (self);
}

static void
more_clicked_cb (JdRecordsView *self)
{
  load_more (self);
}

static void
row_activated_cb (JdRecordsView *self,
                  GtkListBoxRow *row)
{
  const char *case_id = g_object_get_data (G_OBJECT (row), "case-id");
  g_autoptr(GError) error = NULL;
  g_autoptr(JdEntity) kase = NULL;

  kase = jd_store_get (jd_window_get_store (self->window), JD_COLLECTION_CASES, case_id, &error);
  if (kase == NULL)
    {
      jd_window_toast (self->window, error != NULL ? error->message
                                                   : _("The case of this record is gone"));
      return;
    }
  jd_window_show_case (self->window, JD_CASE (kase));
}

static void
jd_records_view_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (jd_records_view_parent_class)->map (widget);
  /* Shown again: records may have been added meanwhile, here or by a sync. */
  jd_records_view_reload (JD_RECORDS_VIEW (widget));
}

static void
jd_records_view_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), JD_TYPE_RECORDS_VIEW);

  G_OBJECT_CLASS (jd_records_view_parent_class)->dispose (object);
}

static void
jd_records_view_class_init (JdRecordsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_records_view_dispose;
  widget_class->map = jd_records_view_map;

  g_type_ensure (ADW_TYPE_CLAMP);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-records-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdRecordsView, box);
  gtk_widget_class_bind_template_child (widget_class, JdRecordsView, stack);
  gtk_widget_class_bind_template_child (widget_class, JdRecordsView, list);
  gtk_widget_class_bind_template_child (widget_class, JdRecordsView, more_button);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_records_view_init (JdRecordsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
jd_records_view_set_window (JdRecordsView *self,
                            JdWindow      *window)
{
  g_return_if_fail (JD_IS_RECORDS_VIEW (self));
  g_return_if_fail (JD_IS_WINDOW (window));

  self->window = window;
  g_signal_connect_object (window, "reloaded", G_CALLBACK (jd_records_view_reload), self,
                           G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    jd_records_view_reload (self);
}

guint
jd_records_view_get_n_rows (JdRecordsView *self)
{
  g_return_val_if_fail (JD_IS_RECORDS_VIEW (self), 0);

  return self->n_rows;
}
