#pragma once

#include "jd-document.h"
#include "jd-entity.h"

G_BEGIN_DECLS

/* What the rules look up beside the object they check: agencies, officers, supervision cases,
 * letters, evaluations … by id and by owner. Cases and their records are held too when they come
 * from a document; from a store they are streamed one case at a time instead. */

#define JD_TYPE_RULE_DATA (jd_rule_data_get_type ())

G_DECLARE_FINAL_TYPE (JdRuleData, jd_rule_data, JD, RULE_DATA, GObject)

JdRuleData *jd_rule_data_new               (void);
/* Every entity of @document, cases and records included. */
JdRuleData *jd_rule_data_new_for_document  (JdDocument   *document);
void        jd_rule_data_add               (JdRuleData   *self,
                                            JdEntity     *entity);
JdEntity   *jd_rule_data_get               (JdRuleData   *self,
                                            JdCollection  collection,
                                            const char   *id);
GPtrArray  *jd_rule_data_list              (JdRuleData   *self,
                                            JdCollection  collection);
/* The records of case @case_id, in the order added; never NULL. */
GPtrArray  *jd_rule_data_records_for       (JdRuleData   *self,
                                            const char   *case_id);
/* Letters of supervision case @supervision_case_id; never NULL. */
GPtrArray  *jd_rule_data_letters_for       (JdRuleData   *self,
                                            const char   *supervision_case_id);
/* Evaluations of agency @agency_id; never NULL. */
GPtrArray  *jd_rule_data_evaluations_for   (JdRuleData   *self,
                                            const char   *agency_id);

G_END_DECLS
