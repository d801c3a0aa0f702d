#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a published enforcement decision must not show (PUB-REDACT, 004 附件1 第十五条): property
 * details and a person's name, age, home address, ID number and contact details. */
typedef enum
{
  JD_REDACT_RESIDENT_ID,
  JD_REDACT_MOBILE,
  JD_REDACT_LANDLINE,
  JD_REDACT_BANK_CARD,
  JD_REDACT_PROPERTY_CERT,
  JD_REDACT_PERSON_NAME,
  JD_REDACT_AGE,
  JD_REDACT_ADDRESS,
} JdRedactKind;

#define JD_REDACT_N_KINDS (JD_REDACT_ADDRESS + 1)

/* One piece of personal data: bytes [start, end) of the scanned UTF-8 text, always on character
 * boundaries. jd_redact_apply() also fills [out_start, out_end), where its replacement lies in the
 * redacted text; jd_redact_scan() leaves both 0. */
typedef struct
{
  JdRedactKind kind;
  gsize        start;
  gsize        end;
  gsize        out_start;
  gsize        out_end;
} JdRedactHit;

/* The hits in @text (@length bytes, or up to the NUL when -1) as a GArray of JdRedactHit, sorted
 * by start and never overlapping. @person_names, NULL-terminated and possibly NULL, are the names
 * of the person parties: every occurrence is a hit. @text must be valid UTF-8 (callers reject
 * other input); any valid text is fine, and the result is never NULL. */
GArray     *jd_redact_scan             (const char         *text,
                                        gssize              length,
                                        const char * const *person_names);

/* A copy of the NUL-terminated, valid UTF-8 @text with every hit masked: names become surname
 * + 某, numbers keep a few characters (110101********123X, 138****5678, 6222********0123),
 * addresses keep their province and city (北京市***), property certificate serials become ***,
 * ages **岁. The result is valid UTF-8. @hits_out, when not NULL, receives the hits. */
char       *jd_redact_apply            (const char         *text,
                                        const char * const *person_names,
                                        GArray            **hits_out);

/* The text a hit covers. */
char       *jd_redact_hit_dup_text     (const JdRedactHit  *hit,
                                        const char         *text);

/* "resident_id", "mobile", … as in JSON output; NULL for an unknown kind. */
const char *jd_redact_kind_to_string   (JdRedactKind        kind);
/* A translated description for people ("resident ID number"). */
const char *jd_redact_kind_get_label   (JdRedactKind        kind);

/* The masked form of a person's name: 张三 → 张某, 欧阳小明 → 欧阳某. */
char       *jd_redact_mask_name        (const char         *name);

G_END_DECLS
