#include "jd-agency-node.h"

struct _JdAgencyNode
{
  GObject     parent_instance;

  char       *id;
  char       *name;
  char       *parent_id;
  guint       n_officers;
  GListStore *children;   /* NULL until the first child */
};

G_DEFINE_FINAL_TYPE (JdAgencyNode, jd_agency_node, G_TYPE_OBJECT)

static void
jd_agency_node_finalize (GObject *object)
{
  JdAgencyNode *self = JD_AGENCY_NODE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->parent_id);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (jd_agency_node_parent_class)->finalize (object);
}

static void
jd_agency_node_class_init (JdAgencyNodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = jd_agency_node_finalize;
}

static void
jd_agency_node_init (JdAgencyNode *self)
{
}

JdAgencyNode *
jd_agency_node_new (const JdRosterAgency *agency)
{
  JdAgencyNode *self = g_object_new (JD_TYPE_AGENCY_NODE, NULL);

  self->id = g_strdup (agency->id);
  self->name = g_strdup (agency->name);
  self->parent_id = g_strdup (agency->parent_id);
  self->n_officers = agency->n_officers;
  return self;
}

const char *
jd_agency_node_get_id (JdAgencyNode *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_NODE (self), NULL);

  return self->id;
}

const char *
jd_agency_node_get_name (JdAgencyNode *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_NODE (self), NULL);

  return self->name;
}

const char *
jd_agency_node_get_parent_id (JdAgencyNode *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_NODE (self), NULL);

  return self->parent_id;
}

guint
jd_agency_node_get_n_officers (JdAgencyNode *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_NODE (self), 0);

  return self->n_officers;
}

GListModel *
jd_agency_node_get_children (JdAgencyNode *self)
{
  g_return_val_if_fail (JD_IS_AGENCY_NODE (self), NULL);

  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

void
jd_agency_node_add_child (JdAgencyNode *self,
                          JdAgencyNode *child)
{
  g_return_if_fail (JD_IS_AGENCY_NODE (self));
  g_return_if_fail (JD_IS_AGENCY_NODE (child));

  if (self->children == NULL)
    self->children = g_list_store_new (JD_TYPE_AGENCY_NODE);
  g_list_store_append (self->children, child);
}

/* Whether @node is @ancestor or lies under it: a loop in parent_id must not hang the tree. */
static gboolean
is_under (GHashTable *nodes,
          JdAgencyNode *node,
          JdAgencyNode *ancestor)
{
  for (guint depth = 0; node != NULL && depth <= g_hash_table_size (nodes); depth++)
    {
      if (node == ancestor)
        return TRUE;
      node = node->parent_id != NULL ? g_hash_table_lookup (nodes, node->parent_id) : NULL;
    }
  return node != NULL;
}

GListStore *
jd_agency_node_build_tree (GPtrArray *agencies)
{
  g_autoptr(GHashTable) nodes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                       g_object_unref);
  GListStore *roots = g_list_store_new (JD_TYPE_AGENCY_NODE);

  g_return_val_if_fail (agencies != NULL, roots);

  for (guint i = 0; i < agencies->len; i++)
    {
      JdAgencyNode *node = jd_agency_node_new (agencies->pdata[i]);

      g_hash_table_insert (nodes, node->id, node);
    }
  for (guint i = 0; i < agencies->len; i++)
    {
      const JdRosterAgency *agency = agencies->pdata[i];
      JdAgencyNode *node = g_hash_table_lookup (nodes, agency->id);
      JdAgencyNode *parent = agency->parent_id != NULL
                               ? g_hash_table_lookup (nodes, agency->parent_id) : NULL;

      if (parent != NULL && !is_under (nodes, parent, node))
        jd_agency_node_add_child (parent, node);
      else
        g_list_store_append (roots, node);
    }
  return roots;
}
