#pragma once

#include <gio/gio.h>

#include "jd-core.h"

G_BEGIN_DECLS

/* How the rosters view and its import preview show an officer's certificate, category and
 * training. */

typedef enum
{
  JD_CERT_LEVEL_OK,
  JD_CERT_LEVEL_EXPIRING,   /* ends within two months of the "as of" date */
  JD_CERT_LEVEL_INVALID,    /* expired, suspended or revoked, or none for an officer */
} JdCertLevel;

/* The "as of" date of the app: the as-of-date setting, or today. */
void         jd_roster_as_of                (GSettings   *settings,
                                             GDate       *out);
/* The certificate of @officer that ends last, or NULL when it holds none. */
JsonObject  *jd_roster_current_certificate  (JdOfficer   *officer);
/* Member @member ("number", "valid_to" …) of that certificate, or NULL. */
const char  *jd_roster_certificate_string   (JdOfficer   *officer,
                                             const char  *member);
JdCertLevel  jd_roster_certificate_level    (JdOfficer   *officer,
                                             const GDate *as_of);
/* NULL, "warning" or "error". */
const char  *jd_roster_level_class          (JdCertLevel  level);
/* 执法人员 / 辅助人员 */
const char  *jd_roster_role_label           (const char  *role);
/* What the status column says of @officer's current certificate on @as_of. */
char        *jd_roster_status_text          (JdOfficer   *officer,
                                             const GDate *as_of);
const char  *jd_roster_certificate_status_label (const char *status);
/* The training hours of @officer dated in @year. */
double       jd_roster_training_hours       (JdOfficer   *officer,
                                             int          year);

G_END_DECLS
