#include "jd-supervision-view.h"

#include <glib/gi18n-lib.h>

#include "jd-evaluation-form.h"
#include "jd-supervision-rows.h"
#include "jd-window.h"

typedef struct
{
  JdCollection  collection;
  const char   *page;
} Page;

static const Page pages[] = {
  { JD_COLLECTION_COMPLAINTS, "complaints" },
  { JD_COLLECTION_SUPERVISION_CASES, "cases" },
  { JD_COLLECTION_LETTERS, "letters" },
  { JD_COLLECTION_EVALUATIONS, "evaluations" },
};

#define N_PAGES G_N_ELEMENTS (pages)

struct _JdSupervisionView
{
  GtkWidget     parent_instance;

  /* template widgets */
  GtkWidget    *box;
  AdwViewStack *view_stack;
  GtkButton    *new_evaluation_button;
  GtkListBox   *complaints_list;
  GtkListBox   *cases_list;
  GtkListBox   *letters_list;
  GtkListBox   *evaluations_list;
  GtkStack     *complaints_stack;
  GtkStack     *cases_stack;
  GtkStack     *letters_stack;
  GtkStack     *evaluations_stack;

  JdWindow     *window;       /* not referenced: the window holds the view */
  guint         reload_id;    /* the idle that reloads once for several signals */
  gboolean      dirty;        /* the store changed while the view was hidden */
};

G_DEFINE_FINAL_TYPE (JdSupervisionView, jd_supervision_view, GTK_TYPE_WIDGET)

static guint
page_index (JdCollection collection)
{
  for (guint i = 0; i < N_PAGES; i++)
    if (pages[i].collection == collection)
      return i;
  return 0;
}

static GtkListBox *
list_of (JdSupervisionView *self,
         guint              index)
{
  GtkListBox *lists[] = { self->complaints_list, self->cases_list, self->letters_list,
                          self->evaluations_list };

  return lists[index];
}

static GtkStack *
stack_of (JdSupervisionView *self,
          guint              index)
{
  GtkStack *stacks[] = { self->complaints_stack, self->cases_stack, self->letters_stack,
                         self->evaluations_stack };

  return stacks[index];
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
fill_page (JdSupervisionView *self,
           guint              index)
{
  JdCaseChecker *checker = jd_window_get_checker (self->window);
  g_autoptr(GPtrArray) entities = jd_case_checker_list (checker, pages[index].collection);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  GtkListBox *list = list_of (self, index);
  guint n_due = 0;

  clear_list (list);
  for (guint i = 0; i < entities->len; i++)
    g_ptr_array_add (items, jd_supervision_item_new (checker, entities->pdata[i]));
  g_ptr_array_sort (items, jd_supervision_item_compare);
  for (guint i = 0; i < items->len; i++)
    {
      JdSupervisionItem *item = items->pdata[i];

      n_due += item->urgent != NULL && item->urgent->days_left < 0;
      gtk_list_box_append (list, jd_supervision_row_new (self, item));
    }
  gtk_stack_set_visible_child_name (stack_of (self, index), items->len > 0 ? "list" : "empty");

  /* The overdue deadlines of the page, on its switcher. */
  adw_view_stack_page_set_badge_number (adw_view_stack_get_page (self->view_stack,
                                                                 GTK_WIDGET (stack_of (self,
                                                                                       index))),
                                        n_due);
  adw_view_stack_page_set_needs_attention (adw_view_stack_get_page (self->view_stack,
                                                                    GTK_WIDGET (stack_of (self,
                                                                                          index))),
                                           n_due > 0);
}

void
jd_supervision_view_reload (JdSupervisionView *self)
{
  g_return_if_fail (JD_IS_SUPERVISION_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->window == NULL)
    return;
  self->dirty = FALSE;
  for (guint i = 0; i < N_PAGES; i++)
    fill_page (self, i);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  JdSupervisionView *self = user_data;

  self->reload_id = 0;
  jd_supervision_view_reload (self);
  return G_SOURCE_REMOVE;
}

/* The window's "reloaded" and the checker's "changed" come together: read once, when shown. */
static void
data_changed_cb (JdSupervisionView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
jd_supervision_view_map (GtkWidget *widget)
{
  JdSupervisionView *self = JD_SUPERVISION_VIEW (widget);

  GTK_WIDGET_CLASS (jd_supervision_view_parent_class)->map (widget);
  if (self->dirty)
    jd_supervision_view_reload (self);
}

static void
new_evaluation_clicked_cb (JdSupervisionView *self)
{
  jd_supervision_view_new_evaluation (self);
}

static void
jd_supervision_view_dispose (GObject *object)
{
  JdSupervisionView *self = JD_SUPERVISION_VIEW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_SUPERVISION_VIEW);

  G_OBJECT_CLASS (jd_supervision_view_parent_class)->dispose (object);
}

static void
jd_supervision_view_class_init (JdSupervisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_supervision_view_dispose;
  widget_class->map = jd_supervision_view_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-supervision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, box);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, new_evaluation_button);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, complaints_list);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, cases_list);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, letters_list);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, evaluations_list);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, complaints_stack);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, cases_stack);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, letters_stack);
  gtk_widget_class_bind_template_child (widget_class, JdSupervisionView, evaluations_stack);
  gtk_widget_class_bind_template_callback (widget_class, new_evaluation_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_supervision_view_init (JdSupervisionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
jd_supervision_view_set_window (JdSupervisionView *self,
                                JdWindow          *window)
{
  g_return_if_fail (JD_IS_SUPERVISION_VIEW (self));
  g_return_if_fail (JD_IS_WINDOW (window));

  self->window = window;
  g_signal_connect_object (window, "reloaded", G_CALLBACK (data_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (jd_window_get_checker (window), "changed",
                           G_CALLBACK (data_changed_cb), self, G_CONNECT_SWAPPED);
  self->dirty = TRUE;
}

JdWindow *
jd_supervision_view_get_window (JdSupervisionView *self)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_VIEW (self), NULL);

  return self->window;
}

gboolean
jd_supervision_view_show_object (JdSupervisionView *self,
                                 JdCollection       collection,
                                 const char        *id)
{
  guint index = page_index (collection);
  GtkListBox *list;

  g_return_val_if_fail (JD_IS_SUPERVISION_VIEW (self), FALSE);

  if (self->dirty || self->reload_id != 0)
    jd_supervision_view_reload (self);
  list = list_of (self, index);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "jd-object-id"), id) != 0)
        continue;
      adw_view_stack_set_visible_child_name (self->view_stack, pages[index].page);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (row);
      return TRUE;
    }
  return FALSE;
}

GtkListBox *
jd_supervision_view_get_list (JdSupervisionView *self,
                              JdCollection       collection)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_VIEW (self), NULL);

  if (self->dirty || self->reload_id != 0)
    jd_supervision_view_reload (self);
  return list_of (self, page_index (collection));
}

AdwViewStack *
jd_supervision_view_get_stack (JdSupervisionView *self)
{
  g_return_val_if_fail (JD_IS_SUPERVISION_VIEW (self), NULL);

  return self->view_stack;
}

GtkWidget *
jd_supervision_view_new_evaluation (JdSupervisionView *self)
{
  JdEvaluationForm *form;

  g_return_val_if_fail (JD_IS_SUPERVISION_VIEW (self), NULL);
  g_return_val_if_fail (self->window != NULL, NULL);

  form = jd_evaluation_form_new (self->window);
  gtk_window_present (GTK_WINDOW (form));
  return GTK_WIDGET (form);
}
