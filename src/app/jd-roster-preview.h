#pragma once

#include <adwaita.h>

#include "jd-core.h"

G_BEGIN_DECLS

/* What importing a roster CSV would do, before anything is written: the officers it adds or
 * updates, or the line-numbered error of a file that cannot be imported. "import" asks for the
 * officers to be written. */

typedef enum
{
  JD_ROSTER_CHANGE_ADDED,
  JD_ROSTER_CHANGE_UPDATED,
  JD_ROSTER_CHANGE_UNCHANGED,
} JdRosterChange;

/* Set on each officer of the document by whoever built it: a JdRosterChange, and the name of
 * its agency. */
#define JD_ROSTER_PREVIEW_CHANGE "jd-roster-change"
#define JD_ROSTER_PREVIEW_AGENCY "jd-roster-agency"

#define JD_TYPE_ROSTER_PREVIEW (jd_roster_preview_get_type ())

G_DECLARE_FINAL_TYPE (JdRosterPreview, jd_roster_preview, JD, ROSTER_PREVIEW, AdwWindow)

/* Either @document (the officers to write) or @error (why the file cannot be imported). */
JdRosterPreview *jd_roster_preview_new              (GtkWindow       *parent,
                                                     const char      *file_name,
                                                     JdDocument      *document,
                                                     const GError    *error);
JdDocument      *jd_roster_preview_get_document     (JdRosterPreview *self);
/* The officers listed; 0 for a file with an error. */
guint            jd_roster_preview_get_n_rows       (JdRosterPreview *self);
guint            jd_roster_preview_count            (JdRosterPreview *self,
                                                     JdRosterChange   change);
/* The error shown, or NULL. */
const char      *jd_roster_preview_get_error_text   (JdRosterPreview *self);
GtkButton       *jd_roster_preview_get_import_button (JdRosterPreview *self);
/* While the officers are written: nothing to click. */
void             jd_roster_preview_set_busy         (JdRosterPreview *self,
                                                     gboolean         busy);

G_END_DECLS
