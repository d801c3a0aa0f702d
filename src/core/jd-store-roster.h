#pragma once

#include "jd-store.h"
#include "jd-validator.h"

G_BEGIN_DECLS

/* The rosters view of the desktop app: agencies with their officers counted, one agency's
 * officers, and the acts of its officers that ROS-CERT-VALID finds without a valid certificate.
 * A district has some forty agencies and a few thousand officers: read per agency. */

typedef struct
{
  char  *id;
  char  *name;
  char  *kind;
  char  *parent_id;   /* NULL at the top of the supervision hierarchy */
  guint  n_officers;  /* live officers of this agency alone */
} JdRosterAgency;

void       jd_roster_agency_free          (JdRosterAgency *agency);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdRosterAgency, jd_roster_agency_free)

/* Every live agency (JdRosterAgency), by name. */
GPtrArray *jd_store_list_roster_agencies  (JdStore         *self,
                                           GError         **error);
/* The live officers (JdOfficer) of @agency_id, by name. */
GPtrArray *jd_store_list_agency_officers  (JdStore         *self,
                                           const char      *agency_id,
                                           GError         **error);
/* Calls @func for every live case of @agency_id with its whole-process records, streaming. */
gboolean   jd_store_foreach_agency_case   (JdStore         *self,
                                           const char      *agency_id,
                                           JdStoreCaseFunc  func,
                                           gpointer         user_data,
                                           GError         **error);

typedef struct
{
  char *officer_id;
  char *case_id;
  char *case_number;
  char *message;      /* the finding of ROS-CERT-VALID */
} JdInvalidAct;

void       jd_invalid_act_free            (JdInvalidAct   *act);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (JdInvalidAct, jd_invalid_act_free)

/* The acts (JdInvalidAct) in the cases of @agency_id where @validator's ROS-CERT-VALID fails for
 * an officer: one per officer and case, newest case first. @data holds the officers and agencies
 * (jd_validator_load_data). A @validator restricted to ROS-CERT-VALID (jd_validator_restrict)
 * finds the same acts faster. */
GPtrArray *jd_store_find_invalid_acts     (JdStore         *self,
                                           JdValidator     *validator,
                                           JdRuleData      *data,
                                           const char      *agency_id,
                                           GCancellable    *cancellable,
                                           GError         **error);

G_END_DECLS
