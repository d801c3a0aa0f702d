#pragma once

#include <gtk/gtk.h>

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
