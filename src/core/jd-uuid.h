#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define JD_UUID_LENGTH 36

/* Writes a UUID version 7 (RFC 9562): 48 bits of milliseconds since 1970, then random bits.
 * Ids made one after another sort one after another, so the B-tree indexes that hold them grow
 * at their end instead of being written all over: that is what keeps a district's import fast.
 * @random_bits supplies the 74 random bits (from the system, or a seeded generator for
 * reproducible sample data). */
void  jd_uuid_format_v7 (guint64 unix_ms,
                         guint32 random_bits[3],
                         char    out[JD_UUID_LENGTH + 1]);

/* A new id for a row this replica creates. */
char *jd_uuid_new       (void);

G_END_DECLS
