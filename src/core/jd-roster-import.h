#pragma once

#include "jd-store.h"

G_BEGIN_DECLS

/* Turns a roster CSV into the officers it describes, merged into those the store already holds:
 * a row whose certificate is known updates its holder, an officer without one (or with a new
 * certificate) is found by agency and name, anyone else is new. Nothing is written. Messages
 * name the line and column of the offending cell. */
JdDocument *jd_roster_import_document (JdStore  *store,
                                       GBytes   *csv,
                                       GError  **error);

G_END_DECLS
