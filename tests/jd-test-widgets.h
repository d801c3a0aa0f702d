#pragma once

#include <adwaita.h>

#include "jd-case-list-model.h"
#include "jd-text-cell.h"

/* GTK and libadwaita for an app test, with settings in memory and no GL or accessibility bus,
 * then GLib's test framework. FALSE, having said so in TAP, when there is no display: a skip is
 * a plan of nothing (exit status 77 would count as an error). */
static inline gboolean
jd_test_app_init (int    *argc,
                  char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GDK_DEBUG", "gl-disable", FALSE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }
  adw_init ();
  g_test_init (argc, argv, NULL);
  return TRUE;
}

/* The first widget under @root, depth first and @root included, of @type (GTK_TYPE_WIDGET for
 * any) and, unless @name is NULL, of that widget name: how the app tests reach a widget a
 * template does not bind. */
static inline GtkWidget *
jd_test_find_widget (GtkWidget  *root,
                     GType       type,
                     const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type)
      && (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jd_test_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under @root of widget name @name (gtk_widget_set_name()). */
static inline GtkWidget *
jd_test_find_widget_named (GtkWidget  *root,
                           const char *name)
{
  return jd_test_find_widget (root, GTK_TYPE_WIDGET, name);
}

/* The first mapped label (or case list cell) under @root that shows @text and, unless @tooltip is NULL, has that
 * tooltip. */
static inline GtkWidget *
jd_test_find_label (GtkWidget  *root,
                    const char *text,
                    const char *tooltip)
{
  /* A cell that gives its tooltip when asked (query-tooltip) keeps its text as "jd-tooltip". */
  const char *shown = gtk_widget_get_tooltip_text (root) != NULL
                        ? gtk_widget_get_tooltip_text (root)
                        : g_object_get_data (G_OBJECT (root), "jd-tooltip");

  const char *label = GTK_IS_LABEL (root) ? gtk_label_get_text (GTK_LABEL (root))
                      : JD_IS_TEXT_CELL (root) ? jd_text_cell_get_text (JD_TEXT_CELL (root))
                      : NULL;

  if (label != NULL && g_strcmp0 (label, text) == 0
      && (tooltip == NULL || g_strcmp0 (shown, tooltip) == 0)
      && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = jd_test_find_label (child, text, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The case list's count once it has come: a list longer than its first page is counted on a
 * thread (jd-case-counter.h). */
static inline guint
jd_test_list_count (JdCaseListModel *model)
{
  while (jd_case_list_model_is_counting (model))
    g_main_context_iteration (NULL, TRUE);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}
