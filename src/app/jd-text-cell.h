#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* One line of text in a cell of the case list, ellipsized at its end: a label whose size does
 * not depend on its text. GTK 4.8's column view keeps 200 rows around the visible ones and
 * measures every one of their cells when the list changes; a GtkLabel lays out and shapes its
 * text to be measured, 1,400 times a search, for the 30 rows on screen. This cell is one line
 * high in its font and as wide as its column, and lays its text out when drawn only.
 *
 * Styled as a label (its CSS name is "label") and exposed as one to accessibility. */

#define JD_TYPE_TEXT_CELL (jd_text_cell_get_type ())

G_DECLARE_FINAL_TYPE (JdTextCell, jd_text_cell, JD, TEXT_CELL, GtkWidget)

GtkWidget  *jd_text_cell_new         (void);
const char *jd_text_cell_get_text    (JdTextCell *self);
void        jd_text_cell_set_text    (JdTextCell *self,
                                      const char *text);
/* Figures of one width (OpenType tnum), for numbers that line up down a column. */
void        jd_text_cell_set_numeric (JdTextCell *self,
                                      gboolean    numeric);

G_END_DECLS
