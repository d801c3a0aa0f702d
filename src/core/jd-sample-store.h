#pragma once

#include "jd-sample.h"
#include "jd-store.h"

G_BEGIN_DECLS

/* Generates sample data (see jd-sample.h) into @store. With @agency_id the cases go to that
 * existing agency, drawing on its powers and officers. Objects are stored in transactions of a
 * batch of cases each, through the ordinary import path; generation runs on a second thread
 * meanwhile. Stops early, with G_IO_ERROR_CANCELLED, when @cancellable is cancelled; the batches
 * already stored stay. */
gboolean jd_sample_store (JdStore       *store,
                          guint          n_cases,
                          guint32        seed,
                          const char    *agency_id,
                          GCancellable  *cancellable,
                          GError       **error);

G_END_DECLS
