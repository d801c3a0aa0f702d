#pragma once

#include "jd-store.h"

G_BEGIN_DECLS

/* The queue of legal reviews (法制审核) of major decisions. A case awaits its review on @as_of
 * (YYYY-MM-DD) when it was submitted for review on or before that day and the review was not
 * completed by it (REV-DURATION counts the written opinion's time limit from the submission).
 * Cases come oldest submission first: the deadline is a fixed number of working days after the
 * submission, so this is the order of urgency. Both read a partial index of the cases with a
 * submission, never the rows of the others. */

/* The number of cases awaiting their review on @as_of; -1 on error. */
gint64     jd_store_count_review_queue (JdStore      *self,
                                        const char   *as_of,
                                        GError      **error);
/* Cases @offset to @offset + @limit of that queue. */
GPtrArray *jd_store_list_review_queue  (JdStore      *self,
                                        const char   *as_of,
                                        guint         offset,
                                        guint         limit,
                                        GError      **error);

G_END_DECLS
