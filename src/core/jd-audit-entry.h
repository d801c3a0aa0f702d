#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define JD_TYPE_AUDIT_ENTRY (jd_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (JdAuditEntry, jd_audit_entry, JD, AUDIT_ENTRY, GObject)

/* The hash of the entry before the first one. */
#define JD_AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* One entry of the append-only audit log: who changed which object when, and how. Entries are
 * chained: each hash covers the previous entry's hash and this entry's content, so that an
 * edited, deleted or reordered entry breaks the chain. */
JdAuditEntry *jd_audit_entry_new          (gint64        seq,
                                           const char   *time,
                                           const char   *actor,
                                           const char   *action,
                                           const char   *object,
                                           const char   *changes,
                                           const char   *prev_hash,
                                           const char   *hash);
gint64        jd_audit_entry_get_seq       (JdAuditEntry *self);
const char   *jd_audit_entry_get_time      (JdAuditEntry *self);
const char   *jd_audit_entry_get_actor     (JdAuditEntry *self);
const char   *jd_audit_entry_get_action    (JdAuditEntry *self);
const char   *jd_audit_entry_get_object    (JdAuditEntry *self);
const char   *jd_audit_entry_get_changes   (JdAuditEntry *self);
const char   *jd_audit_entry_get_prev_hash (JdAuditEntry *self);
const char   *jd_audit_entry_get_hash      (JdAuditEntry *self);

/* The hash this entry's content gives after @prev_hash: what get_hash() must equal. */
char         *jd_audit_compute_hash        (const char   *prev_hash,
                                            const char   *time,
                                            const char   *actor,
                                            const char   *action,
                                            const char   *object,
                                            const char   *changes);

G_END_DECLS
