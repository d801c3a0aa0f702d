#pragma once

#include <gio/gio.h>

#include "jd-store-roster.h"

G_BEGIN_DECLS

/* One agency in the tree of the rosters view: the agencies it supervises are its children. */

#define JD_TYPE_AGENCY_NODE (jd_agency_node_get_type ())

G_DECLARE_FINAL_TYPE (JdAgencyNode, jd_agency_node, JD, AGENCY_NODE, GObject)

JdAgencyNode *jd_agency_node_new            (const JdRosterAgency *agency);
const char   *jd_agency_node_get_id         (JdAgencyNode         *self);
const char   *jd_agency_node_get_name       (JdAgencyNode         *self);
const char   *jd_agency_node_get_parent_id  (JdAgencyNode         *self);
guint         jd_agency_node_get_n_officers (JdAgencyNode         *self);
/* The agencies under this one (JdAgencyNode), by name; NULL when it has none. */
GListModel   *jd_agency_node_get_children   (JdAgencyNode         *self);
void          jd_agency_node_add_child      (JdAgencyNode         *self,
                                             JdAgencyNode         *child);

/* The roots of the supervision hierarchy of @agencies (in the order given): agencies without a
 * parent, or whose parent is not among them. */
GListStore   *jd_agency_node_build_tree     (GPtrArray            *agencies);

G_END_DECLS
