#pragma once

#include <gio/gio.h>

#include "jd-store-list.h"

G_BEGIN_DECLS

/* Counts the cases of a search or filter on a thread of its own, beside the window: a single
 * character such as 张 has no index to count with, and scanning to a list's 10,000 hits takes
 * 100 ms at a million cases, more than a key typed can wait. The case list shows the first page
 * at once and grows when the count comes.
 *
 * One count runs at a time, on a store of its own opened on the same file. The latest request
 * wins: a new one stops the count that runs (jd_store_interrupt()), and a count stopped or
 * overtaken never reaches its callback. */

#define JD_TYPE_CASE_COUNTER (jd_case_counter_get_type ())

G_DECLARE_FINAL_TYPE (JdCaseCounter, jd_case_counter, JD, CASE_COUNTER, GObject)

/* Called in the thread-default main context of the request: @count, or -1 and @error. */
typedef void (*JdCaseCounterFunc) (gint64        count,
                                   const GError *error,
                                   gpointer      user_data);

JdCaseCounter *jd_case_counter_new    (const char         *db_path);
/* Counts what @filter selects (copied) and calls @func with @user_data, unless another request
 * or jd_case_counter_cancel() comes first. */
void           jd_case_counter_count  (JdCaseCounter      *self,
                                       const JdCaseFilter *filter,
                                       JdCaseCounterFunc   func,
                                       gpointer            user_data);
/* No callback of a request made so far will be called. */
void           jd_case_counter_cancel (JdCaseCounter      *self);
/* Whether a count runs or waits to. */
gboolean       jd_case_counter_is_busy (JdCaseCounter     *self);

G_END_DECLS
