#pragma once

#include "jd-calendar.h"
#include "jd-case.h"
#include "jd-profile.h"
#include "jd-rule.h"
#include "jd-rule-data.h"

G_BEGIN_DECLS

/* What a rule sees while it runs, and the helpers rules share. Only the validator and the rule
 * families include this. */

typedef enum
{
  JD_PERIOD_WORKDAYS,
  JD_PERIOD_DAYS,
  JD_PERIOD_MONTHS,
} JdPeriodUnit;

/* Facts about a case that several rules need, worked out once per case. */
typedef struct
{
  GDate        stage_dates[32];   /* first date of each stage, by index in jd_stage_codes */
  GDate        decision_date;     /* decision.date, else the decision stage */
  gboolean     major;             /* some MAJ rule of the profile decides so */
  GString     *major_reasons;     /* which, for messages */
  /* each MAJ rule's verdict and reason, by its index in jd-rules-maj.c, so that it is worked
   * out once per case */
  int          maj_verdicts[8];
  GString     *maj_reasons[8];
} JdCaseFacts;

struct _JdRuleContext
{
  /* borrowed, for the whole run */
  JdProfile     *profile;
  JdCalendar    *calendar;
  JdRuleData    *data;
  GDate          as_of;
  JdFindingFunc  func;
  gpointer       user_data;

  /* the object being checked */
  JdEntity      *entity;
  JsonObject    *fields;
  char          *object_path;
  /* for cases */
  GPtrArray     *records;         /* JdRecord, never NULL for a case */
  JdEntity      *agency;          /* the case's agency, NULL when unknown */
  JdCaseFacts    facts;

  /* the rule running */
  const JdRule  *rule;
  const char    *citation;
  guint          n_reported;
};

/* Reporting. @format is translated by the caller (_()). */
void        jd_rule_report          (JdRuleContext   *ctx,
                                     JdFindingStatus  status,
                                     const char      *format,
                                     ...) G_GNUC_PRINTF (3, 4);
void        jd_rule_report_due      (JdRuleContext   *ctx,
                                     JdFindingStatus  status,
                                     const GDate     *due,
                                     const char      *format,
                                     ...) G_GNUC_PRINTF (4, 5);
/* As jd_rule_report_due() for a deadline not met yet, pending or overdue: what `deadlines`
 * lists. */
void        jd_rule_report_open     (JdRuleContext   *ctx,
                                     JdFindingStatus  status,
                                     const GDate     *due,
                                     const char      *format,
                                     ...) G_GNUC_PRINTF (4, 5);
/* As jd_rule_report_due() for another object than the one checked ("letters/l1"). */
void        jd_rule_report_object   (JdRuleContext   *ctx,
                                     const char      *object,
                                     JdFindingStatus  status,
                                     const GDate     *due,
                                     const char      *format,
                                     ...) G_GNUC_PRINTF (5, 6);

/* Reading the data. */
gboolean    jd_rule_parse_date      (const char      *text,
                                     GDate           *out);
gboolean    jd_rule_get_date        (JsonObject      *object,
                                     const char      *member,
                                     GDate           *out);
/* Room for a date as a finding's message shows it ("2025年12月31日" is 18 bytes). */
#define JD_RULE_DATE_SIZE 48
/* @date as the user's language writes it (2025-03-01; zh_CN: 2025年3月1日) into @buf, for a
 * finding's message; "?" for an invalid date. */
const char *jd_rule_date_string     (const GDate     *date,
                                     char             buf[JD_RULE_DATE_SIZE]);
/* @date as "YYYY-MM-DD" into @buf, whatever the language, for JSON and files; "?" when
 * invalid. */
const char *jd_rule_date_iso        (const GDate     *date,
                                     char             buf[16]);
const char *jd_rule_get_string      (JsonObject      *object,
                                     const char      *member);
JsonObject *jd_rule_get_object      (JsonObject      *object,
                                     const char      *member);
JsonArray  *jd_rule_get_array       (JsonObject      *object,
                                     const char      *member);
/* A recorded boolean: TRUE/FALSE in @out, and FALSE returned when it is not recorded. */
gboolean    jd_rule_get_bool        (JsonObject      *object,
                                     const char      *member,
                                     gboolean        *out);
gboolean    jd_rule_array_has       (JsonArray       *array,
                                     const char      *value);
/* The name of officer @id, or @id when unknown. */
const char *jd_rule_officer_name    (JdRuleContext   *ctx,
                                     const char      *id);
int         jd_stage_index          (const char      *stage);

/* Deadlines. Working days come from the calendar; when it does not know a year, the rule
 * reports needs_input ("calendar for 2027 unknown") and these return FALSE. */
gboolean    jd_rule_due_date        (JdRuleContext   *ctx,
                                     const GDate     *start,
                                     int              n,
                                     JdPeriodUnit     unit,
                                     GDate           *due);
/* A limit of the profile; when it has none, reports not_applicable and returns FALSE. */
gboolean    jd_rule_limit           (JdRuleContext   *ctx,
                                     const char      *name,
                                     int             *out);
/* The usual verdict of a deadline: @what (done on @done, or not) within @n @unit of @start
 * (@start_what). Reports one finding. */
void        jd_rule_check_deadline  (JdRuleContext   *ctx,
                                     const char      *what,
                                     const char      *start_what,
                                     const GDate     *start,
                                     int              n,
                                     JdPeriodUnit     unit,
                                     const GDate     *done);
char       *jd_rule_period_string   (int              n,
                                     JdPeriodUnit     unit);

/* The MAJ family decides whether a case is major; REV rules depend on it. */
void        jd_rules_maj_decide     (JdRuleContext   *ctx);

G_END_DECLS
