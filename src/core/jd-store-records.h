#pragma once

#include "jd-store.h"

G_BEGIN_DECLS

/* Whole-process records across cases, for the desktop app's Records view. */

/* The live records (JdRecord) most recently added to this replica, newest first: at most
 * @limit, from the @offset-th on. Reads only those rows, however many the replica holds. */
GPtrArray *jd_store_list_recent_records (JdStore  *self,
                                         guint     offset,
                                         guint     limit,
                                         GError  **error);

G_END_DECLS
