#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A jurisdiction's settings for the rules engine, read from a JSON file (data/profiles/ in the
 * product, or a file of the user's): which rules apply, their limits, the stages and documents
 * each action type needs, the measures that make a decision major, and the "large fine"
 * thresholds. A profile may extend another; its members then replace or (for objects) extend the
 * other's. A new city is a new file, never new code. */

#define JD_PROFILE_ERROR (jd_profile_error_quark ())

typedef enum
{
  JD_PROFILE_ERROR_NOT_FOUND,
  JD_PROFILE_ERROR_INVALID,
} JdProfileError;

#define JD_TYPE_PROFILE (jd_profile_get_type ())

G_DECLARE_FINAL_TYPE (JdProfile, jd_profile, JD, PROFILE, GObject)

GQuark              jd_profile_error_quark  (void);

/* Finds profile @id in $JIANDU_PROFILE_DIR, then $XDG_DATA_HOME/jiandu/profiles, then the
 * profiles shipped with the product. */
JdProfile          *jd_profile_load         (const char  *id,
                                             GError     **error);
/* Reads a profile file; "extends" is looked up as jd_profile_load() does, and in @file's
 * directory first. */
JdProfile          *jd_profile_load_file    (GFile       *file,
                                             GError     **error);
/* The ids of every profile that jd_profile_load() can find, sorted. */
GStrv               jd_profile_list         (void);

const char         *jd_profile_get_id       (JdProfile   *self);
const char         *jd_profile_get_name     (JdProfile   *self);
gboolean            jd_profile_has_rule     (JdProfile   *self,
                                             const char  *rule_id);
/* The citation of @rule_id in this jurisdiction, or @fallback when the profile keeps the
 * catalogue's. */
const char         *jd_profile_get_citation (JdProfile   *self,
                                             const char  *rule_id,
                                             const char  *fallback);
/* A number of "limits" (working days, days, months, hours …); FALSE when the profile sets none,
 * which rules report as "no limit in this jurisdiction". */
gboolean            jd_profile_get_limit    (JdProfile   *self,
                                             const char  *name,
                                             int         *out);
/* A month-day of "limits" written "MM-DD" (annual due dates); FALSE when unset. */
gboolean            jd_profile_get_month_day (JdProfile  *self,
                                              const char *name,
                                              int        *month,
                                              int        *day);
/* The list @key of object @section ("stages"/"penalty", "documents"/"licence",
 * "major_measures"/"MAJ-PENALTY" …), or NULL. */
const char * const *jd_profile_get_list     (JdProfile   *self,
                                             const char  *section,
                                             const char  *key);
/* The fine from which a fine on a @party_kind ("person"/"organisation") by an agency of
 * @agency_kind counts as large (罚款数额较大); FALSE when the profile sets none. */
gboolean            jd_profile_get_large_fine (JdProfile *self,
                                               const char *agency_kind,
                                               const char *party_kind,
                                               double     *out);
/* The merged profile, for display. */
JsonObject         *jd_profile_get_json     (JdProfile   *self);

G_END_DECLS
