#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The rules profile and the "as of" date, kept in GSettings; the windows follow the settings.
 * Sync: the server, signing in and out (through the sync manager of the parent JdWindow), and
 * the interval of automatic sync. */

#define JD_TYPE_PREFERENCES_WINDOW (jd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, JD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *jd_preferences_window_new       (GtkWindow           *parent);
/* Shows the Sync page. */
void       jd_preferences_window_show_sync (JdPreferencesWindow *self);

G_END_DECLS
