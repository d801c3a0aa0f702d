#include "jd-entity-private.h"

#include "jd-agency.h"
#include "jd-case.h"
#include "jd-complaint.h"
#include "jd-dispute.h"
#include "jd-evaluation.h"
#include "jd-letter.h"
#include "jd-officer.h"
#include "jd-record.h"
#include "jd-social-supervisor.h"
#include "jd-supervision-case.h"

typedef struct
{
  JsonObject *fields;
  char       *modified;
  gint64      revision;
  gboolean    deleted;
} JdEntityPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (JdEntity, jd_entity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIELDS,
  PROP_ID,
  PROP_REVISION,
  PROP_MODIFIED,
  PROP_DELETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Subclass properties that mirror string members carry the member name as qdata. */
static GQuark member_quark;

static void
jd_entity_finalize (GObject *object)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (JD_ENTITY (object));

  g_clear_pointer (&priv->fields, json_object_unref);
  g_clear_pointer (&priv->modified, g_free);

  G_OBJECT_CLASS (jd_entity_parent_class)->finalize (object);
}

static void
jd_entity_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  JdEntity *self = JD_ENTITY (object);
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);
  const char *member = g_param_spec_get_qdata (pspec, member_quark);

  if (member != NULL)
    {
      g_value_set_string (value, jd_entity_get_string (self, member));
      return;
    }

  switch (prop_id)
    {
    case PROP_FIELDS:
      g_value_set_boxed (value, priv->fields);
      break;
    case PROP_ID:
      g_value_set_string (value, jd_entity_get_id (self));
      break;
    case PROP_REVISION:
      g_value_set_int64 (value, priv->revision);
      break;
    case PROP_MODIFIED:
      g_value_set_string (value, priv->modified);
      break;
    case PROP_DELETED:
      g_value_set_boolean (value, priv->deleted);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_entity_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  JdEntity *self = JD_ENTITY (object);
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_FIELDS:
      g_clear_pointer (&priv->fields, json_object_unref);
      priv->fields = g_value_dup_boxed (value);
      if (priv->fields == NULL)
        priv->fields = json_object_new ();
      break;
    case PROP_REVISION:
      jd_entity_set_revision (self, g_value_get_int64 (value));
      break;
    case PROP_MODIFIED:
      jd_entity_set_modified (self, g_value_get_string (value));
      break;
    case PROP_DELETED:
      jd_entity_set_deleted (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_entity_class_init (JdEntityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_entity_finalize;
  object_class->get_property = jd_entity_get_property;
  object_class->set_property = jd_entity_set_property;

  member_quark = g_quark_from_static_string ("jd-entity-member");

  properties[PROP_FIELDS] =
    g_param_spec_boxed ("fields", NULL, NULL, JSON_TYPE_OBJECT,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_string ("modified", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELETED] =
    g_param_spec_boolean ("deleted", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_entity_init (JdEntity *self)
{
}

void
jd_entity_class_install_string_members (GObjectClass       *klass,
                                        const char * const *members)
{
  guint prop_id = N_PROPS;

  /* GObject resets get_property for each class that installs properties of its own. */
  klass->get_property = jd_entity_get_property;

  for (guint i = 0; members[i] != NULL; i++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (members[i]), "_", '-');
      GParamSpec *pspec = g_param_spec_string (name, NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_NICK |
                                               G_PARAM_STATIC_BLURB);

      g_param_spec_set_qdata (pspec, member_quark, (gpointer) members[i]);
      g_object_class_install_property (klass, prop_id++, pspec);
    }
}

JdEntity *
jd_entity_new_for_collection (JdCollection collection,
                              JsonObject  *fields)
{
  GType type;

  switch (collection)
    {
    case JD_COLLECTION_AGENCIES: type = JD_TYPE_AGENCY; break;
    case JD_COLLECTION_OFFICERS: type = JD_TYPE_OFFICER; break;
    case JD_COLLECTION_CASES: type = JD_TYPE_CASE; break;
    case JD_COLLECTION_RECORDS: type = JD_TYPE_RECORD; break;
    case JD_COLLECTION_COMPLAINTS: type = JD_TYPE_COMPLAINT; break;
    case JD_COLLECTION_SUPERVISION_CASES: type = JD_TYPE_SUPERVISION_CASE; break;
    case JD_COLLECTION_LETTERS: type = JD_TYPE_LETTER; break;
    case JD_COLLECTION_DISPUTES: type = JD_TYPE_DISPUTE; break;
    case JD_COLLECTION_SOCIAL_SUPERVISORS: type = JD_TYPE_SOCIAL_SUPERVISOR; break;
    case JD_COLLECTION_EVALUATIONS: type = JD_TYPE_EVALUATION; break;
    case JD_N_COLLECTIONS:
    default:
      g_return_val_if_reached (NULL);
    }

  return g_object_new (type, "fields", fields, NULL);
}

JdCollection
jd_entity_get_collection (JdEntity *self)
{
  g_return_val_if_fail (JD_IS_ENTITY (self), JD_N_COLLECTIONS);

  return JD_ENTITY_GET_CLASS (self)->collection;
}

const char *
jd_entity_get_id (JdEntity *self)
{
  return jd_entity_get_string (self, "id");
}

JsonObject *
jd_entity_get_fields (JdEntity *self)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  g_return_val_if_fail (JD_IS_ENTITY (self), NULL);

  return priv->fields;
}

gint64
jd_entity_get_revision (JdEntity *self)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  g_return_val_if_fail (JD_IS_ENTITY (self), 0);

  return priv->revision;
}

void
jd_entity_set_revision (JdEntity *self,
                        gint64    revision)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  g_return_if_fail (JD_IS_ENTITY (self));

  if (priv->revision != revision)
    {
      priv->revision = revision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);
    }
}

const char *
jd_entity_get_modified (JdEntity *self)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  g_return_val_if_fail (JD_IS_ENTITY (self), NULL);

  return priv->modified;
}

void
jd_entity_set_modified (JdEntity   *self,
                        const char *modified)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  g_return_if_fail (JD_IS_ENTITY (self));

  if (g_strcmp0 (priv->modified, modified) == 0)
    return;

  g_free (priv->modified);
  priv->modified = g_strdup (modified);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

gboolean
jd_entity_get_deleted (JdEntity *self)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  g_return_val_if_fail (JD_IS_ENTITY (self), FALSE);

  return priv->deleted;
}

void
jd_entity_set_deleted (JdEntity *self,
                       gboolean  deleted)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);

  g_return_if_fail (JD_IS_ENTITY (self));

  deleted = !!deleted;
  if (priv->deleted != deleted)
    {
      priv->deleted = deleted;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELETED]);
    }
}

/* The object path of FORMAT.md's findings and of the audit log: "cases/c1". */
char *
jd_entity_get_object_path (JdEntity *self)
{
  return g_strdup_printf ("%s/%s",
                          jd_collection_key (jd_entity_get_collection (self)),
                          jd_entity_get_id (self));
}

const char *
jd_entity_get_string (JdEntity   *self,
                      const char *member)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (JD_IS_ENTITY (self), NULL);

  node = json_object_get_member (priv->fields, member);
  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

JsonArray *
jd_entity_get_array (JdEntity   *self,
                     const char *member)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (JD_IS_ENTITY (self), NULL);

  node = json_object_get_member (priv->fields, member);
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

JsonObject *
jd_entity_get_object (JdEntity   *self,
                      const char *member)
{
  JdEntityPrivate *priv = jd_entity_get_instance_private (self);
  JsonNode *node;

  g_return_val_if_fail (JD_IS_ENTITY (self), NULL);

  node = json_object_get_member (priv->fields, member);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}
