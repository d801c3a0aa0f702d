#pragma once

#include <adwaita.h>

#include "jd-sync-manager.h"

G_BEGIN_DECLS

/* The state of sync under the sidebar's header bar — not signed in, offline, syncing with its
 * progress, synced at HH:MM, N pending, N conflicts — and a popover with Sync Now, Resolve
 * Conflicts… and the last error. */

#define JD_TYPE_SYNC_BUTTON (jd_sync_button_get_type ())

G_DECLARE_FINAL_TYPE (JdSyncButton, jd_sync_button, JD, SYNC_BUTTON, GtkWidget)

void        jd_sync_button_set_manager (JdSyncButton  *self,
                                        JdSyncManager *manager);
/* The state as the button shows it. */
const char *jd_sync_button_get_text    (JdSyncButton  *self);
/* The state in words for @manager, as the button shows it. */
char       *jd_sync_button_describe    (JdSyncManager *manager);

G_END_DECLS
