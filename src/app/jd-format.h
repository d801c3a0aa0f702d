#pragma once

#include "jd-case.h"
#include "jd-finding.h"

G_BEGIN_DECLS

/* How the app shows dates and findings to a person, in their language. */

/* "2025年3月1日" under zh_CN from "2025-03-01"; @date itself when it is not a date. */
char       *jd_format_date            (const char      *date);
/* The date a case was opened: its earliest stage, as the store lists it; NULL when unknown. */
const char *jd_format_case_opened_on  (JdCase          *kase);
/* An ISO 8601 time as written where it was recorded; @time itself when it is not one. */
char       *jd_format_time            (const char      *time);
char       *jd_format_gdate           (const GDate     *date);
/* "2025年3月" under zh_CN from "2025-03"; @month itself when it is not a month. */
char       *jd_format_month           (const char      *month);
const char *jd_format_status_icon     (const JdFinding *finding);
/* "error", "warning", "success" or "dim-label": the style class for a finding. */
const char *jd_format_status_class    (const JdFinding *finding);
/* One line for a case: the problems found, then the next deadline. */
char       *jd_format_findings_summary (GPtrArray      *findings,
                                        const char    **style_class);
/* The open deadline of @findings that comes first, or NULL. */
const JdFinding *jd_format_next_deadline (GPtrArray   *findings);
/* "due 2025年3月1日 · 12 days left", "overdue by 5 days · due 2025年3月1日". */
char       *jd_format_deadline        (const JdFinding *finding);
/* The same for a date @due with @days_left (negative when overdue). */
char       *jd_format_deadline_at     (const GDate     *due,
                                       int              days_left);
/* The problems alone, counted: "2 errors", "1 warning", "No problems"; @style_class as above. */
char       *jd_format_problems_count  (guint            n_errors,
                                       guint            n_warnings,
                                       const char     **style_class);

G_END_DECLS
