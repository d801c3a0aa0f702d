#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The rules profile and the "as of" date, kept in GSettings; the windows follow the settings. */

#define JD_TYPE_PREFERENCES_WINDOW (jd_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (JdPreferencesWindow, jd_preferences_window, JD, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *jd_preferences_window_new (GtkWindow *parent);

G_END_DECLS
