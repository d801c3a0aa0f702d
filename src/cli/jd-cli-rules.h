#pragma once

#include "jd-cli.h"

G_BEGIN_DECLS

/* What `validate` and `deadlines` share: choosing the profile and date, and running the rules over
 * a document or the replica one object at a time. */

/* Loads @profile_id (NULL: "beijing") and parses @date (NULL: today); prints why not. */
JdValidator *jd_cli_rules_validator (const char *command,
                                     const char *profile_id,
                                     const char *date);

/* Receives each checked object with its findings, sorted errors first. */
typedef void (*JdCliObjectFunc) (JdEntity  *entity,
                                 GPtrArray *findings,
                                 gpointer   user_data);

/* Every object of @data, and then, when @store is set, every case of the store (or only
 * @case_id, skipping the other objects). */
gboolean     jd_cli_rules_run       (JdValidator     *validator,
                                     JdRuleData      *data,
                                     JdStore         *store,
                                     const char      *case_id,
                                     JdCliObjectFunc  func,
                                     gpointer         user_data,
                                     GError         **error);

/* A line naming @entity for a person: "京朝城管罚字〔2025〕1号 某公司违法建设案". */
char        *jd_cli_entity_label    (JdEntity        *entity);

G_END_DECLS
