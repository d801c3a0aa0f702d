#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A horizontal bar chart drawn with cairo on a GtkDrawingArea: a row per category (a label and a
 * bar per series, with its value), the series in the colours of style classes ("accent",
 * "error", "warning", "success") of the current style, light or dark. Over each bar lies a flat
 * button, so that every bar can be focused with the keyboard, has an accessible label and a
 * tooltip, and clicking it or pressing Enter on it emits "bar-activated" with the row's key and
 * the series. */

#define JD_TYPE_BAR_CHART (jd_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (JdBarChart, jd_bar_chart, JD, BAR_CHART, GtkWidget)

GtkWidget  *jd_bar_chart_new             (void);
/* The series of every row: a name each (shown in the legend when there are several, and in the
 * bars' labels) and a style class for its colour. Removes every row. */
void        jd_bar_chart_set_series      (JdBarChart         *self,
                                          guint               n_series,
                                          const char * const *names,
                                          const char * const *style_classes);
guint       jd_bar_chart_get_n_series    (JdBarChart         *self);
/* What the chart shows when it has no row. */
void        jd_bar_chart_set_placeholder (JdBarChart         *self,
                                          const char         *text);
void        jd_bar_chart_remove_all      (JdBarChart         *self);
/* A row labelled @label, with @values (one per series); @key comes back in "bar-activated". */
void        jd_bar_chart_append          (JdBarChart         *self,
                                          const char         *key,
                                          const char         *label,
                                          const gint64       *values);
guint       jd_bar_chart_get_n_rows      (JdBarChart         *self);
const char *jd_bar_chart_get_key         (JdBarChart         *self,
                                          guint               row);
const char *jd_bar_chart_get_label       (JdBarChart         *self,
                                          guint               row);
gint64      jd_bar_chart_get_value       (JdBarChart         *self,
                                          guint               row,
                                          guint               series);
/* The focusable button over that bar. */
GtkWidget  *jd_bar_chart_get_bar         (JdBarChart         *self,
                                          guint               row,
                                          guint               series);

G_END_DECLS
