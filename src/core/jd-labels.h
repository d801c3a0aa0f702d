#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Names for a person of the codes of FORMAT.md (stages, measures, action types), translated.
 * An unknown code is returned as it is. */
const char *jd_label_stage       (const char *code);
const char *jd_label_measure     (const char *code);
const char *jd_label_action_type (const char *code);

G_END_DECLS
