#include "jd-text-cell.h"

struct _JdTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  gboolean     numeric;

  /* Made when first drawn, then kept: its context's serial and the width it is laid out to. */
  PangoLayout *layout;
  guint        layout_serial;
  int          layout_width;

  /* The height of a line in the font of the widget's context of that serial. */
  int          line_height;
  guint        line_serial;
};

G_DEFINE_FINAL_TYPE (JdTextCell, jd_text_cell, GTK_TYPE_WIDGET)

/* Line heights by font, resolution and font options: each cell would lay a line out for its
 * own, and a list makes 1,400 cells. Main thread only, like the widgets. */
static GHashTable *line_heights;

static char *
font_key (PangoContext *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);
  g_autofree char *font = pango_font_description_to_string (
    pango_context_get_font_description (context));

  return g_strdup_printf ("%s|%g|%lu", font, pango_cairo_context_get_resolution (context),
                          options != NULL ? cairo_font_options_hash (options) : 0);
}

static int
get_line_height (JdTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  guint serial = pango_context_get_serial (context);
  g_autofree char *key = NULL;
  gpointer height;

  if (self->line_height >= 0 && self->line_serial == serial)
    return self->line_height;

  if (line_heights == NULL)
    line_heights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  key = font_key (context);
  if (!g_hash_table_lookup_extended (line_heights, key, NULL, &height))
    {
      /* Latin and Chinese: a line as high as a label showing either. */
      g_autoptr(PangoLayout) layout = pango_layout_new (context);
      int pixels;

      pango_layout_set_text (layout, "Ag国", -1);
      pango_layout_get_pixel_size (layout, NULL, &pixels);
      height = GINT_TO_POINTER (pixels);
      g_hash_table_insert (line_heights, g_steal_pointer (&key), height);
    }

  self->line_height = GPOINTER_TO_INT (height);
  self->line_serial = serial;
  return self->line_height;
}

static void
jd_text_cell_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  /* As wide as the column makes it: the text is ellipsized to that. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *minimum = *natural = 0;
  else
    *minimum = *natural = get_line_height (JD_TEXT_CELL (widget));
}

static void
apply_attributes (JdTextCell *self)
{
  g_autoptr(PangoAttrList) attributes = NULL;

  if (self->layout == NULL)
    return;
  if (self->numeric)
    {
      attributes = pango_attr_list_new ();
      pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
    }
  pango_layout_set_attributes (self->layout, attributes);
}

static void
jd_text_cell_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  JdTextCell *self = JD_TEXT_CELL (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  int width = gtk_widget_get_width (widget);
  int height;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  if (self->layout == NULL)
    {
      self->layout = pango_layout_new (context);
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      pango_layout_set_text (self->layout, self->text, -1);
      apply_attributes (self);
      self->layout_serial = pango_context_get_serial (context);
      self->layout_width = -1;
    }
  else if (self->layout_serial != pango_context_get_serial (context))
    {
      pango_layout_context_changed (self->layout);
      self->layout_serial = pango_context_get_serial (context);
    }
  if (self->layout_width != width)
    {
      pango_layout_set_width (self->layout, width * PANGO_SCALE);
      self->layout_width = width;
    }

  pango_layout_get_pixel_size (self->layout, NULL, &height);
  gtk_snapshot_render_layout (snapshot, gtk_widget_get_style_context (widget), 0,
                              (gtk_widget_get_height (widget) - height) / 2.0, self->layout);
}

static void
jd_text_cell_finalize (GObject *object)
{
  JdTextCell *self = JD_TEXT_CELL (object);

  g_clear_object (&self->layout);
  g_free (self->text);

  G_OBJECT_CLASS (jd_text_cell_parent_class)->finalize (object);
}

static void
jd_text_cell_class_init (JdTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = jd_text_cell_finalize;
  widget_class->measure = jd_text_cell_measure;
  widget_class->snapshot = jd_text_cell_snapshot;
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
jd_text_cell_init (JdTextCell *self)
{
  self->line_height = -1;
}

GtkWidget *
jd_text_cell_new (void)
{
  return g_object_new (JD_TYPE_TEXT_CELL, NULL);
}

const char *
jd_text_cell_get_text (JdTextCell *self)
{
  g_return_val_if_fail (JD_IS_TEXT_CELL (self), NULL);

  return self->text != NULL ? self->text : "";
}

void
jd_text_cell_set_text (JdTextCell *self,
                       const char *text)
{
  g_return_if_fail (JD_IS_TEXT_CELL (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, text, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  /* Its size stays: only what it shows changes. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
jd_text_cell_set_numeric (JdTextCell *self,
                          gboolean    numeric)
{
  g_return_if_fail (JD_IS_TEXT_CELL (self));

  if (self->numeric == !!numeric)
    return;
  self->numeric = !!numeric;
  apply_attributes (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
