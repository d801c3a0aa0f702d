#pragma once

#include "jd-finding.h"
#include "jd-schema.h"

G_BEGIN_DECLS

/* The rule catalogue (RULES.md) as the engine holds it. Each rule runs over the objects of one
 * collection and reports findings for them; its logic lives in jd-rules-<family>.c. */

typedef struct _JdRuleContext JdRuleContext;

typedef void (*JdRuleCheck) (JdRuleContext *ctx);

typedef struct
{
  const char   *id;
  JdCollection  collection;   /* the objects it is about */
  JdSeverity    severity;
  const char   *citation;     /* the catalogue's; a profile may name its own */
  const char   *summary;      /* N_(): what it checks, one line */
  JdRuleCheck   check;
} JdRule;

/* Every rule, in catalogue order. */
const JdRule *jd_rules_get_all   (guint      *n_rules);
const JdRule *jd_rules_lookup    (const char *id);

G_END_DECLS
