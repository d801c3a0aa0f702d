#pragma once

#include "jd-validator.h"

G_BEGIN_DECLS

/* What the rules found in each case, kept in the store (table case_checks) for the case list's
 * filters and the dashboard: how many errors and other failures, and the soonest open deadline.
 * It is a cache for one profile as of one date, derived from the cases and never synced; a case
 * written since it was checked is checked again by the next refresh. */

/* Called after each batch written: @done of @total cases checked in this refresh. */
typedef void (*JdCaseChecksProgress) (guint64  done,
                                      guint64  total,
                                      gpointer user_data);

/* Brings the checks up to date for @validator's profile and date: the live cases never checked
 * or written since, or all of them when the profile or the date changed. @data comes from
 * jd_validator_load_data(). Writes in batches, each its own transaction, so that a cancelled or
 * failed refresh keeps what it finished. Returns how many cases it checked, or -1. */
gint64   jd_case_checks_refresh     (JdStore               *store,
                                     JdValidator           *validator,
                                     JdRuleData            *data,
                                     JdCaseChecksProgress   progress,
                                     gpointer               user_data,
                                     GCancellable          *cancellable,
                                     GError               **error);
/* How many live cases have no current check for @validator's profile and date; -1 on error. */
gint64   jd_case_checks_count_stale (JdStore               *store,
                                     JdValidator           *validator,
                                     GError               **error);

/* What the last refresh found in one case. */
typedef struct
{
  guint  n_errors;     /* failed rules of severity error */
  guint  n_warnings;   /* other failed rules */
  GDate  next_due;     /* the soonest open deadline; invalid when there is none */
} JdCaseCheck;

/* Whether the store's checks were made for @validator's profile and date. */
gboolean jd_case_checks_are_current (JdStore               *store,
                                     JdValidator           *validator,
                                     GError               **error);
/* The check of the case @case_id, *@found FALSE when it has none (written since its last check,
 * or never checked). Only meaningful when jd_case_checks_are_current(). */
gboolean jd_case_checks_get         (JdStore               *store,
                                     const char            *case_id,
                                     JdCaseCheck           *check,
                                     gboolean              *found,
                                     GError               **error);

G_END_DECLS
