#include "jd-review-opinion.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#define MM (72.0 / 25.4)
#define MARGIN_TOP    (37 * MM)
#define MARGIN_BOTTOM (35 * MM)
#define MARGIN_LEFT   (28 * MM)
#define MARGIN_RIGHT  (26 * MM)
#define TEXT_WIDTH    (JD_REVIEW_OPINION_PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT)
#define TEXT_BOTTOM   (JD_REVIEW_OPINION_PAGE_HEIGHT - MARGIN_BOTTOM)

typedef struct
{
  JdOpinionStyle  style;
  char           *text;
  PangoLayout    *layout;
} Block;

/* Where one line of a block goes. */
typedef struct
{
  guint  page;
  guint  block;
  int    line;
  double x;
  double baseline;
} Placement;

struct _JdReviewOpinion
{
  GArray *blocks;      /* Block */
  GArray *placements;  /* Placement, in page order */
  guint   n_pages;
};

static void
block_clear (Block *block)
{
  g_free (block->text);
  g_clear_object (&block->layout);
}

JdReviewOpinion *
jd_review_opinion_new (void)
{
  JdReviewOpinion *self = g_new0 (JdReviewOpinion, 1);

  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
  self->placements = g_array_new (FALSE, TRUE, sizeof (Placement));
  return self;
}

void
jd_review_opinion_free (JdReviewOpinion *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->blocks);
  g_array_unref (self->placements);
  g_free (self);
}

void
jd_review_opinion_add (JdReviewOpinion *self,
                       JdOpinionStyle   style,
                       const char      *text)
{
  Block block = { style, g_strdup (text != NULL ? text : ""), NULL };

  g_return_if_fail (self != NULL);

  g_array_append_val (self->blocks, block);
}

/* Official documents: the title in a bold serif of 2号 (22 pt), the text in 3号 (16 pt) with
 * lines of 28 pt; a smaller size keeps the nine points on few pages. */
static const char *
style_font (JdOpinionStyle style)
{
  switch (style)
    {
    case JD_OPINION_TITLE:
      return "Noto Serif CJK SC Bold 22";
    case JD_OPINION_HEADING:
      return "Noto Sans CJK SC Bold 13";
    case JD_OPINION_NOTE:
      return "Noto Serif CJK SC 10.5";
    case JD_OPINION_NUMBER:
    case JD_OPINION_FIELD:
    case JD_OPINION_BODY:
    case JD_OPINION_SIGNATURE:
    default:
      return "Noto Serif CJK SC 13";
    }
}

static double
space_before (JdOpinionStyle style)
{
  switch (style)
    {
    case JD_OPINION_TITLE:
      return 0;
    case JD_OPINION_NUMBER:
      return 10;
    case JD_OPINION_HEADING:
      return 12;
    case JD_OPINION_SIGNATURE:
      return 18;
    case JD_OPINION_NOTE:
      return 24;
    case JD_OPINION_FIELD:
    case JD_OPINION_BODY:
    default:
      return 3;
    }
}

static PangoLayout *
make_layout (PangoContext *context,
             const Block  *block)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (style_font (block->style));

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (TEXT_WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, 5 * PANGO_SCALE);
  switch (block->style)
    {
    case JD_OPINION_TITLE:
    case JD_OPINION_NUMBER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case JD_OPINION_SIGNATURE:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case JD_OPINION_BODY:
      /* Two characters of indent, as Chinese paragraphs have. */
      pango_layout_set_indent (layout, 26 * PANGO_SCALE);
      break;
    case JD_OPINION_FIELD:
    case JD_OPINION_HEADING:
    case JD_OPINION_NOTE:
    default:
      break;
    }
  pango_layout_set_text (layout, block->text, -1);
  return layout;
}

guint
jd_review_opinion_paginate (JdReviewOpinion *self,
                            cairo_t         *cr)
{
  PangoContext *context;
  cairo_font_options_t *options;
  double y = MARGIN_TOP;
  guint page = 0;

  g_return_val_if_fail (self != NULL, 0);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);

  g_array_set_size (self->placements, 0);
  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);
      PangoLayoutIter *iter;
      int line = 0;

      g_clear_object (&block->layout);
      block->layout = make_layout (context, block);
      if (y > MARGIN_TOP)
        y += space_before (block->style);

      iter = pango_layout_get_iter (block->layout);
      do
        {
          PangoRectangle logical;
          Placement placement;
          double height;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          height = (double) logical.height / PANGO_SCALE;
          if (y + height > TEXT_BOTTOM && y > MARGIN_TOP)
            {
              page++;
              y = MARGIN_TOP;
            }
          placement.page = page;
          placement.block = b;
          placement.line = line++;
          placement.x = MARGIN_LEFT + (double) logical.x / PANGO_SCALE;
          placement.baseline = y + (double) (pango_layout_iter_get_baseline (iter) - logical.y)
                                   / PANGO_SCALE;
          g_array_append_val (self->placements, placement);
          y += height + 5;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
    }

  g_object_unref (context);
  self->n_pages = page + 1;
  return self->n_pages;
}

static void
draw_page_number (JdReviewOpinion *self,
                  cairo_t         *cr,
                  guint            page)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Noto Serif CJK SC 12");
  g_autofree char *text = g_strdup_printf ("— %u —", page + 1);
  int width, height;

  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &width, &height);
  cairo_move_to (cr, (JD_REVIEW_OPINION_PAGE_WIDTH - (double) width / PANGO_SCALE) / 2,
                 TEXT_BOTTOM + 14 * MM);
  pango_cairo_show_layout (cr, layout);
}

void
jd_review_opinion_draw_page (JdReviewOpinion *self,
                             cairo_t         *cr,
                             guint            page)
{
  g_return_if_fail (self != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < self->placements->len; i++)
    {
      const Placement *placement = &g_array_index (self->placements, Placement, i);
      Block *block;

      if (placement->page != page)
        continue;
      block = &g_array_index (self->blocks, Block, placement->block);
      cairo_move_to (cr, placement->x, placement->baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (block->layout,
                                                                          placement->line));
    }
  /* The red line under the title block of official documents. */
  if (page == 0)
    {
      double y = MARGIN_TOP;

      for (guint i = 0; i < self->placements->len; i++)
        {
          const Placement *placement = &g_array_index (self->placements, Placement, i);
          const Block *block = &g_array_index (self->blocks, Block, placement->block);

          if (block->style == JD_OPINION_NUMBER)
            y = placement->baseline + 10;
        }
      if (y > MARGIN_TOP)
        {
          cairo_set_source_rgb (cr, 0.8, 0, 0);
          cairo_set_line_width (cr, 1.5);
          cairo_move_to (cr, MARGIN_LEFT, y);
          cairo_line_to (cr, MARGIN_LEFT + TEXT_WIDTH, y);
          cairo_stroke (cr);
          cairo_set_source_rgb (cr, 0, 0, 0);
        }
    }
  draw_page_number (self, cr, page);
  cairo_restore (cr);
}

gboolean
jd_review_opinion_write_pdf (JdReviewOpinion  *self,
                             const char       *path,
                             GError          **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  surface = cairo_pdf_surface_create (path, JD_REVIEW_OPINION_PAGE_WIDTH,
                                      JD_REVIEW_OPINION_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Jiandu");
  cr = cairo_create (surface);
  n_pages = jd_review_opinion_paginate (self, cr);
  for (guint page = 0; page < n_pages; page++)
    {
      jd_review_opinion_draw_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
