#include "jd-bar-chart.h"

#include <glib/gi18n-lib.h>
#include <string.h>

/* Sizes in pixels. A row holds a line per series; a bar fills part of its line's height. */
#define LINE_MIN      18
#define BAR_FRACTION  0.66
#define ROW_GAP       8
#define LABEL_GAP     12
#define VALUE_GAP     6
#define SWATCH        10
#define LEGEND_GAP    18

typedef struct
{
  char       *key;
  char       *label;
  gint64     *values;  /* one per series */
  GtkWidget **bars;    /* one button per series */
} Row;

struct _JdBarChart
{
  GtkWidget   parent_instance;

  GtkWidget  *area;
  GPtrArray  *rows;
  guint       n_series;
  GStrv       names;
  GStrv       classes;
  char       *placeholder;
};

G_DEFINE_FINAL_TYPE (JdBarChart, jd_bar_chart, GTK_TYPE_WIDGET)

enum
{
  BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where everything goes at a given width. */
typedef struct
{
  int    line;         /* height of one series' line */
  int    row;          /* height of a row, gap included */
  int    legend;       /* height of the legend; 0 without one */
  int    label_width;
  int    value_width;
  int    bars_x;
  int    bars_width;   /* of the longest bar */
  gint64 max;
} Geometry;

static void
row_free (Row *row)
{
  g_free (row->key);
  g_free (row->label);
  g_free (row->values);
  g_free (row->bars);
  g_free (row);
}

static int
text_width (JdBarChart *self,
            const char *text,
            int        *height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->area, text);
  int width, h;

  pango_layout_get_pixel_size (layout, &width, &h);
  if (height != NULL)
    *height = h;
  return width;
}

static char *
format_value (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static int
natural_label_width (JdBarChart *self)
{
  int width = 0;

  for (guint i = 0; i < self->rows->len; i++)
    width = MAX (width, text_width (self, ((Row *) self->rows->pdata[i])->label, NULL));
  return width;
}

static void
compute_geometry (JdBarChart *self,
                  int         width,
                  Geometry   *g)
{
  int text_height;

  memset (g, 0, sizeof *g);
  text_width (self, "Hg", &text_height);
  g->line = MAX (LINE_MIN, text_height + 2);
  g->row = MAX (1, self->n_series) * g->line + ROW_GAP;
  g->legend = self->n_series > 1 ? g->line + ROW_GAP : 0;
  g->label_width = MIN (natural_label_width (self), width * 2 / 5);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *value = format_value (row->values[s]);

          g->value_width = MAX (g->value_width, text_width (self, value, NULL));
          g->max = MAX (g->max, row->values[s]);
        }
    }
  g->bars_x = g->label_width + LABEL_GAP;
  g->bars_width = MAX (0, width - g->bars_x - VALUE_GAP - g->value_width);
}

static int
line_y (const Geometry *g,
        guint           row,
        guint           series)
{
  return g->legend + row * g->row + ROW_GAP / 2 + series * g->line;
}

/* The colour of the style class @style_class in the current style. */
static void
class_color (GtkWidget  *widget,
             const char *style_class,
             GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  gtk_style_context_save (context);
  gtk_style_context_add_class (context, style_class);
  gtk_style_context_get_color (context, color);
  gtk_style_context_restore (context);
}

static void
show_text (cairo_t       *cr,
           PangoLayout   *layout,
           const GdkRGBA *color,
           double         x,
           double         y)
{
  gdk_cairo_set_source_rgba (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
draw_legend (JdBarChart     *self,
             cairo_t        *cr,
             const Geometry *g,
             const GdkRGBA  *fg,
             const GdkRGBA  *colors)
{
  double x = 0;

  for (guint s = 0; s < self->n_series; s++)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (self->area,
                                                                      self->names[s]);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      rounded_rectangle (cr, x, (g->line - SWATCH) / 2.0, SWATCH, SWATCH, 2);
      gdk_cairo_set_source_rgba (cr, &colors[s]);
      cairo_fill (cr);
      show_text (cr, layout, fg, x + SWATCH + 6, (g->line - height) / 2.0);
      x += SWATCH + 6 + width + LEGEND_GAP;
    }
}

static void
draw_cb (GtkDrawingArea *area,
         cairo_t        *cr,
         int             width,
         int             height,
         gpointer        user_data)
{
  JdBarChart *self = JD_BAR_CHART (user_data);
  GtkStyleContext *context = gtk_widget_get_style_context (self->area);
  g_autofree GdkRGBA *colors = g_new0 (GdkRGBA, MAX (1, self->n_series));
  GdkRGBA fg, dim, axis;
  Geometry g;

  gtk_style_context_get_color (context, &fg);
  dim = fg;
  dim.alpha *= 0.7;
  axis = fg;
  axis.alpha *= 0.15;
  for (guint s = 0; s < self->n_series; s++)
    class_color (self->area, self->classes[s], &colors[s]);

  if (self->rows->len == 0)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int text_w, text_h;

      if (self->placeholder == NULL)
        return;
      layout = gtk_widget_create_pango_layout (self->area, self->placeholder);
      pango_layout_set_width (layout, width * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layout, &text_w, &text_h);
      show_text (cr, layout, &dim, 0, (height - text_h) / 2.0);
      return;
    }

  compute_geometry (self, width, &g);
  if (g.legend > 0)
    draw_legend (self, cr, &g, &fg, colors);

  gdk_cairo_set_source_rgba (cr, &axis);
  cairo_rectangle (cr, g.bars_x - 1, g.legend, 1, self->rows->len * g.row);
  cairo_fill (cr);

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];
      g_autoptr(PangoLayout) label = gtk_widget_create_pango_layout (self->area, row->label);
      int label_h, top = line_y (&g, i, 0);

      pango_layout_set_width (label, g.label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, NULL, &label_h);
      show_text (cr, label, &fg, 0, top + (self->n_series * g.line - label_h) / 2.0);

      for (guint s = 0; s < self->n_series; s++)
        {
          g_autofree char *text = format_value (row->values[s]);
          g_autoptr(PangoLayout) value = gtk_widget_create_pango_layout (self->area, text);
          double bar_h = g.line * BAR_FRACTION;
          double bar_w = g.max > 0 ? (double) row->values[s] / g.max * g.bars_width : 0;
          int y = line_y (&g, i, s), value_h;

          if (row->values[s] > 0)
            {
              bar_w = MAX (bar_w, 2);
              rounded_rectangle (cr, g.bars_x, y + (g.line - bar_h) / 2, bar_w, bar_h, 3);
              gdk_cairo_set_source_rgba (cr, &colors[s]);
              cairo_fill (cr);
            }
          pango_layout_get_pixel_size (value, NULL, &value_h);
          show_text (cr, value, &dim, g.bars_x + bar_w + VALUE_GAP, y + (g.line - value_h) / 2.0);
        }
    }
}

static void
bar_clicked_cb (GtkButton  *button,
                JdBarChart *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jd-row"));
  guint series = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "jd-series"));
  Row *row;

  if (index >= self->rows->len)
    return;
  row = self->rows->pdata[index];
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, row->key, series);
}

static void
jd_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  JdBarChart *self = JD_BAR_CHART (widget);
  Geometry g;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      compute_geometry (self, G_MAXINT / 4, &g);
      *minimum = 160;
      *natural = MAX (*minimum, natural_label_width (self) + LABEL_GAP + 240 + VALUE_GAP
                                  + g.value_width);
      return;
    }

  compute_geometry (self, for_size > 0 ? for_size : 400, &g);
  if (self->rows->len == 0)
    *minimum = *natural = 3 * g.line;
  else
    *minimum = *natural = g.legend + self->rows->len * g.row;
}

static void
jd_bar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  JdBarChart *self = JD_BAR_CHART (widget);
  Geometry g;

  gtk_widget_allocate (self->area, width, height, -1, NULL);
  compute_geometry (self, width, &g);
  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      for (guint s = 0; s < self->n_series; s++)
        {
          GskTransform *transform = gsk_transform_translate (
            NULL, &GRAPHENE_POINT_INIT (0, line_y (&g, i, s)));
          int min;

          gtk_widget_measure (row->bars[s], GTK_ORIENTATION_VERTICAL, width, &min, NULL, NULL,
                              NULL);
          gtk_widget_allocate (row->bars[s], width, MAX (min, g.line), -1, transform);
        }
    }
}

static void
jd_bar_chart_dispose (GObject *object)
{
  JdBarChart *self = JD_BAR_CHART (object);

  if (self->rows != NULL)
    jd_bar_chart_remove_all (self);
  g_clear_pointer (&self->area, gtk_widget_unparent);

  G_OBJECT_CLASS (jd_bar_chart_parent_class)->dispose (object);
}

static void
jd_bar_chart_finalize (GObject *object)
{
  JdBarChart *self = JD_BAR_CHART (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_strfreev);
  g_clear_pointer (&self->classes, g_strfreev);
  g_clear_pointer (&self->placeholder, g_free);

  G_OBJECT_CLASS (jd_bar_chart_parent_class)->finalize (object);
}

static void
jd_bar_chart_class_init (JdBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_bar_chart_dispose;
  object_class->finalize = jd_bar_chart_finalize;
  widget_class->measure = jd_bar_chart_measure;
  widget_class->size_allocate = jd_bar_chart_size_allocate;

  /**
   * JdBarChart::bar-activated:
   * @key: the key of the bar's row
   * @series: the series of the bar
   *
   * A bar was clicked, or Enter pressed on it.
   */
  signals[BAR_ACTIVATED] = g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                         G_TYPE_STRING, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

/* The buttons over the bars take no room of their own: the chart's lines set their size. */
static void
ensure_style (void)
{
  static gsize loaded = 0;

  if (g_once_init_enter (&loaded))
    {
      g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_data (css,
                                       "barchart > button.bar { min-height: 0; min-width: 0;"
                                       " padding: 0; border-radius: 6px; }",
                                       -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (css),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_once_init_leave (&loaded, 1);
    }
}

static void
jd_bar_chart_init (JdBarChart *self)
{
  ensure_style ();
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->names = g_new0 (char *, 1);
  self->classes = g_new0 (char *, 1);
  self->area = gtk_drawing_area_new ();
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_cb, self, NULL);
  gtk_widget_set_parent (self->area, GTK_WIDGET (self));
}

GtkWidget *
jd_bar_chart_new (void)
{
  return g_object_new (JD_TYPE_BAR_CHART, NULL);
}

void
jd_bar_chart_set_series (JdBarChart         *self,
                         guint               n_series,
                         const char * const *names,
                         const char * const *style_classes)
{
  g_return_if_fail (JD_IS_BAR_CHART (self));
  g_return_if_fail (n_series > 0);

  jd_bar_chart_remove_all (self);
  g_strfreev (self->names);
  g_strfreev (self->classes);
  self->n_series = n_series;
  self->names = g_new0 (char *, n_series + 1);
  self->classes = g_new0 (char *, n_series + 1);
  for (guint s = 0; s < n_series; s++)
    {
      self->names[s] = g_strdup (names[s]);
      self->classes[s] = g_strdup (style_classes[s]);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
jd_bar_chart_get_n_series (JdBarChart *self)
{
  g_return_val_if_fail (JD_IS_BAR_CHART (self), 0);

  return self->n_series;
}

void
jd_bar_chart_set_placeholder (JdBarChart *self,
                              const char *text)
{
  g_return_if_fail (JD_IS_BAR_CHART (self));

  g_free (self->placeholder);
  self->placeholder = g_strdup (text);
  gtk_widget_queue_draw (self->area);
}

void
jd_bar_chart_remove_all (JdBarChart *self)
{
  g_return_if_fail (JD_IS_BAR_CHART (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      Row *row = self->rows->pdata[i];

      for (guint s = 0; s < self->n_series; s++)
        gtk_widget_unparent (row->bars[s]);
    }
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->area);
}

void
jd_bar_chart_append (JdBarChart   *self,
                     const char   *key,
                     const char   *label,
                     const gint64 *values)
{
  Row *row;

  g_return_if_fail (JD_IS_BAR_CHART (self));
  g_return_if_fail (self->n_series > 0);
  g_return_if_fail (key != NULL && label != NULL && values != NULL);

  row = g_new0 (Row, 1);
  row->key = g_strdup (key);
  row->label = g_strdup (label);
  row->values = g_memdup2 (values, self->n_series * sizeof (gint64));
  row->bars = g_new0 (GtkWidget *, self->n_series);
  for (guint s = 0; s < self->n_series; s++)
    {
      GtkWidget *bar = gtk_button_new ();
      /* TRANSLATORS: a bar of a chart: what it is about, the series, and its value, as in
       * “Urban management bureau — With errors: 12” */
      g_autofree char *text = g_strdup_printf (_("%s — %s: %lld"), label, self->names[s],
                                               (long long) values[s]);

      gtk_widget_add_css_class (bar, "flat");
      gtk_widget_add_css_class (bar, "bar");
      gtk_widget_set_tooltip_text (bar, text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                      -1);
      g_object_set_data (G_OBJECT (bar), "jd-row", GUINT_TO_POINTER (self->rows->len));
      g_object_set_data (G_OBJECT (bar), "jd-series", GUINT_TO_POINTER (s));
      g_signal_connect_object (bar, "clicked", G_CALLBACK (bar_clicked_cb), self, 0);
      gtk_widget_set_parent (bar, GTK_WIDGET (self));
      row->bars[s] = bar;
    }
  g_ptr_array_add (self->rows, row);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (self->area);
}

guint
jd_bar_chart_get_n_rows (JdBarChart *self)
{
  g_return_val_if_fail (JD_IS_BAR_CHART (self), 0);

  return self->rows->len;
}

static Row *
get_row (JdBarChart *self,
         guint       index)
{
  g_return_val_if_fail (JD_IS_BAR_CHART (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return self->rows->pdata[index];
}

const char *
jd_bar_chart_get_key (JdBarChart *self,
                      guint       row)
{
  Row *r = get_row (self, row);

  return r != NULL ? r->key : NULL;
}

const char *
jd_bar_chart_get_label (JdBarChart *self,
                        guint       row)
{
  Row *r = get_row (self, row);

  return r != NULL ? r->label : NULL;
}

gint64
jd_bar_chart_get_value (JdBarChart *self,
                        guint       row,
                        guint       series)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (series < self->n_series, 0);
  return r != NULL ? r->values[series] : 0;
}

GtkWidget *
jd_bar_chart_get_bar (JdBarChart *self,
                      guint       row,
                      guint       series)
{
  Row *r = get_row (self, row);

  g_return_val_if_fail (series < self->n_series, NULL);
  return r != NULL ? r->bars[series] : NULL;
}
