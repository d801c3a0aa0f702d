#pragma once

#include "jd-entity.h"

G_BEGIN_DECLS

/* Installs read-only string properties that mirror members of the fields, so that list views
 * can bind them. @names is NULL-terminated; property names use '-' for '_'. */
void jd_entity_class_install_string_members (GObjectClass       *klass,
                                             const char * const *members);

G_END_DECLS
