#pragma once

#include <adwaita.h>

#include "jd-sync-manager.h"

G_BEGIN_DECLS

/* Every row changed both here and on the server: per field the value before, mine and theirs,
 * to choose one by one or all at once; applying resolves them in the store, then offers to sync
 * the choices. */

#define JD_TYPE_CONFLICT_DIALOG (jd_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (JdConflictDialog, jd_conflict_dialog, JD, CONFLICT_DIALOG, AdwWindow)

/* Lists the conflicts of @store. @manager syncs when the user asks, once resolved. */
GtkWidget *jd_conflict_dialog_new          (GtkWindow     *parent,
                                            JdStore       *store,
                                            JdSyncManager *manager);
/* How many fields (or whole rows) wait for a choice, as listed. */
guint      jd_conflict_dialog_get_n_conflicts (JdConflictDialog *self);

G_END_DECLS
