#pragma once

#include <adwaita.h>

#include "jd-roster-preview.h"

G_BEGIN_DECLS

/* The "Rosters" view: agencies as a tree along the supervision hierarchy, the officers of the
 * one selected with their certificates, training hours and acts without a valid certificate, and
 * the import of a roster CSV through a preview. */

#define JD_TYPE_ROSTERS_VIEW (jd_rosters_view_get_type ())

G_DECLARE_FINAL_TYPE (JdRostersView, jd_rosters_view, JD, ROSTERS_VIEW, GtkWidget)

typedef struct _JdWindow JdWindow;

void             jd_rosters_view_set_window       (JdRostersView *self,
                                                   JdWindow      *window);
/* Reads the store again (the window's "reloaded" does it). */
void             jd_rosters_view_reload           (JdRostersView *self);
/* Shows agency @agency_id and its officers; FALSE when it is not in the tree. */
gboolean         jd_rosters_view_select_agency    (JdRostersView *self,
                                                   const char    *agency_id);
/* Reads @file (a roster CSV) on a worker thread, then shows what importing it would do. */
void             jd_rosters_view_import_file      (JdRostersView *self,
                                                   GFile         *file);
/* The preview shown, or NULL. */
JdRosterPreview *jd_rosters_view_get_preview      (JdRostersView *self);
/* Whether a roster is being read or written, or acts are being checked. */
gboolean         jd_rosters_view_is_busy          (JdRostersView *self);
GtkListView     *jd_rosters_view_get_agency_list  (JdRostersView *self);
GtkColumnView   *jd_rosters_view_get_officer_view (JdRostersView *self);

G_END_DECLS
