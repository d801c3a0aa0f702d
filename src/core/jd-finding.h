#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* One result of one rule for one object, in the shape of FORMAT.md's validation output. */

typedef enum
{
  JD_FINDING_FAIL,
  JD_FINDING_NEEDS_INPUT,
  JD_FINDING_NOT_APPLICABLE,
  JD_FINDING_PASS,
} JdFindingStatus;

typedef enum
{
  JD_SEVERITY_ERROR,
  JD_SEVERITY_WARNING,
  JD_SEVERITY_INFO,
} JdSeverity;

typedef struct
{
  const char      *rule;       /* the rule ID, static */
  JdFindingStatus  status;
  JdSeverity       severity;
  char            *object;     /* "cases/<id>" */
  char            *message;    /* translated, names the facts */
  const char      *citation;   /* static, or owned by the profile */
  GDate            due;        /* invalid when the rule has no deadline here */
  int              days_left;  /* calendar days from the "as of" date to @due */
  gboolean         open;       /* @due is a deadline still to meet (pending or overdue) */
} JdFinding;

/* Receives findings as they are made; @finding is only valid during the call. */
typedef void (*JdFindingFunc) (const JdFinding *finding,
                               gpointer         user_data);

#define JD_TYPE_FINDING (jd_finding_get_type ())

GType       jd_finding_get_type          (void) G_GNUC_CONST;
JdFinding  *jd_finding_copy              (const JdFinding *finding);
void        jd_finding_free              (JdFinding       *finding);
gboolean    jd_finding_has_due           (const JdFinding *finding);
/* TRUE for what makes `validate` exit with 1: a failed error. */
gboolean    jd_finding_is_blocking       (const JdFinding *finding);
JsonNode   *jd_finding_to_json           (const JdFinding *finding);
/* Errors first, then warnings and information; within a severity failures first. */
int         jd_finding_compare           (const JdFinding *a,
                                          const JdFinding *b);

const char *jd_finding_status_to_string  (JdFindingStatus  status);
const char *jd_finding_status_label      (JdFindingStatus  status);
const char *jd_severity_to_string        (JdSeverity       severity);
const char *jd_severity_label            (JdSeverity       severity);
gboolean    jd_severity_from_string      (const char      *string,
                                          JdSeverity      *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdFinding, jd_finding_free)

G_END_DECLS
