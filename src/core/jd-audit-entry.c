#include "jd-audit-entry.h"

#include <string.h>

struct _JdAuditEntry
{
  GObject  parent_instance;

  gint64   seq;
  char    *time;
  char    *actor;
  char    *action;
  char    *object;
  char    *changes;
  char    *prev_hash;
  char    *hash;
};

G_DEFINE_FINAL_TYPE (JdAuditEntry, jd_audit_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SEQ,
  PROP_TIME,
  PROP_ACTOR,
  PROP_ACTION,
  PROP_OBJECT,
  PROP_CHANGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
jd_audit_entry_finalize (GObject *object)
{
  JdAuditEntry *self = JD_AUDIT_ENTRY (object);

  g_free (self->time);
  g_free (self->actor);
  g_free (self->action);
  g_free (self->object);
  g_free (self->changes);
  g_free (self->prev_hash);
  g_free (self->hash);

  G_OBJECT_CLASS (jd_audit_entry_parent_class)->finalize (object);
}

static void
jd_audit_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  JdAuditEntry *self = JD_AUDIT_ENTRY (object);

  switch (prop_id)
    {
    case PROP_SEQ:
      g_value_set_int64 (value, self->seq);
      break;
    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    case PROP_ACTION:
      g_value_set_string (value, self->action);
      break;
    case PROP_OBJECT:
      g_value_set_string (value, self->object);
      break;
    case PROP_CHANGES:
      g_value_set_string (value, self->changes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_audit_entry_class_init (JdAuditEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_audit_entry_finalize;
  object_class->get_property = jd_audit_entry_get_property;

  properties[PROP_SEQ] =
    g_param_spec_int64 ("seq", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION] =
    g_param_spec_string ("action", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_OBJECT] =
    g_param_spec_string ("object", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CHANGES] =
    g_param_spec_string ("changes", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_audit_entry_init (JdAuditEntry *self)
{
}

JdAuditEntry *
jd_audit_entry_new (gint64      seq,
                    const char *time,
                    const char *actor,
                    const char *action,
                    const char *object,
                    const char *changes,
                    const char *prev_hash,
                    const char *hash)
{
  JdAuditEntry *self = g_object_new (JD_TYPE_AUDIT_ENTRY, NULL);

  self->seq = seq;
  self->time = g_strdup (time);
  self->actor = g_strdup (actor);
  self->action = g_strdup (action);
  self->object = g_strdup (object);
  self->changes = g_strdup (changes);
  self->prev_hash = g_strdup (prev_hash);
  self->hash = g_strdup (hash);
  return self;
}

gint64
jd_audit_entry_get_seq (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), 0);
  return self->seq;
}

const char *
jd_audit_entry_get_time (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), NULL);
  return self->time;
}

const char *
jd_audit_entry_get_actor (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), NULL);
  return self->actor;
}

const char *
jd_audit_entry_get_action (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), NULL);
  return self->action;
}

const char *
jd_audit_entry_get_object (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), NULL);
  return self->object;
}

const char *
jd_audit_entry_get_changes (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), NULL);
  return self->changes;
}

const char *
jd_audit_entry_get_prev_hash (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), NULL);
  return self->prev_hash;
}

const char *
jd_audit_entry_get_hash (JdAuditEntry *self)
{
  g_return_val_if_fail (JD_IS_AUDIT_ENTRY (self), NULL);
  return self->hash;
}

char *
jd_audit_compute_hash (const char *prev_hash,
                       const char *time,
                       const char *actor,
                       const char *action,
                       const char *object,
                       const char *changes)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[] = { prev_hash, time, actor, action, object, changes };

  /* Each part is followed by a NUL, which none of them can contain, so that no two different
   * entries hash the same text. The sequence number is left out on purpose: a reordered entry
   * then still hashes right, and the broken link says "reordered" rather than "edited". */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_checksum_update (checksum, (const guchar *) parts[i], strlen (parts[i]) + 1);

  return g_strdup (g_checksum_get_string (checksum));
}
