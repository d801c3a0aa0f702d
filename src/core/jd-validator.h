#pragma once

#include "jd-calendar.h"
#include "jd-finding.h"
#include "jd-profile.h"
#include "jd-rule-data.h"
#include "jd-store.h"

G_BEGIN_DECLS

/* Runs the rules of a profile, as of a date, over objects and reports every finding. The rules
 * are pure: the same data, profile and date give the same findings. */

#define JD_TYPE_VALIDATOR (jd_validator_get_type ())

G_DECLARE_FINAL_TYPE (JdValidator, jd_validator, JD, VALIDATOR, GObject)

JdValidator  *jd_validator_new            (JdProfile      *profile,
                                           JdCalendar     *calendar,
                                           const GDate    *as_of);
JdProfile    *jd_validator_get_profile    (JdValidator    *self);
const GDate  *jd_validator_get_as_of      (JdValidator    *self);
/* Keeps only rule @rule_id of the profile (none when the profile lacks it): for a view that
 * needs the findings of one rule over many objects. */
void          jd_validator_restrict       (JdValidator    *self,
                                           const char     *rule_id);
/* The rules of the profile, in catalogue order. */
GPtrArray    *jd_validator_get_rules      (JdValidator    *self);

/* One object; @records are a case's whole-process records (JdRecord), NULL for other objects. */
void          jd_validator_check_entity   (JdValidator    *self,
                                           JdRuleData     *data,
                                           JdEntity       *entity,
                                           GPtrArray      *records,
                                           JdFindingFunc   func,
                                           gpointer        user_data);
/* Every object held by @data (a document's). */
void          jd_validator_check_data     (JdValidator    *self,
                                           JdRuleData     *data,
                                           JdFindingFunc   func,
                                           gpointer        user_data);
/* The objects of a store: case @case_id only, or everything when NULL. Cases are streamed. */
gboolean      jd_validator_check_store    (JdValidator    *self,
                                           JdStore        *store,
                                           const char     *case_id,
                                           JdFindingFunc   func,
                                           gpointer        user_data,
                                           GCancellable   *cancellable,
                                           GError        **error);
/* Benchmarks: when on, the time spent in each rule is summed, in nanoseconds, into an array
 * indexed like jd_rules_get_all(). */
void          jd_validator_set_profiling  (JdValidator    *self,
                                           gboolean        profiling);
const gint64 *jd_validator_get_rule_times (JdValidator    *self);

/* The objects other than cases and records from @store, for jd_validator_check_entity(). */
JdRuleData   *jd_validator_load_data      (JdStore        *store,
                                           GError        **error);
/* What the rules of a case look up beside it: agencies and officers. A million cases come with
 * some 50,000 complaints and 10,000 supervision cases, 185 MB as JSON trees, that checking the
 * cases does not read (a test compares the findings of every sample case with both). */
JdRuleData   *jd_validator_load_case_data (JdStore        *store,
                                           GError        **error);

G_END_DECLS
