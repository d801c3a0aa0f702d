#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Synthetic district data in the jiandu/1 format, for demonstrations, tests and benchmarks. The
 * same options give byte-identical objects: every choice comes from a generator seeded by
 * @seed, never from the clock. All dates lie between 2024-01-02 and 2026-10-30. A known share of
 * the objects breaks a rule of RULES.md; jd_sample_rates() lists those shares. */

#define JD_SAMPLE_ERROR (jd_sample_error_quark ())

typedef enum
{
  JD_SAMPLE_ERROR_INVALID,
  JD_SAMPLE_ERROR_STOPPED,
} JdSampleError;

GQuark jd_sample_error_quark (void);

typedef struct
{
  guint               n_cases;
  guint32             seed;
  /* When set, only cases (with their records) plus complaints for that agency are generated and
   * they go to this existing agency; otherwise a whole district is generated. */
  const char         *agency_id;
  const char * const *power_codes;  /* that agency's power codes, may be NULL → invent a few */
  const char * const *officer_ids;  /* that agency's officers, NULL or empty → 6 generated */
} JdSampleOptions;

/* Called once per generated top-level object, referenced objects first (agencies, officers,
 * social supervisors, cases, supervision cases, complaints, letters, disputes, evaluations).
 * @collection is the jiandu/1 key. The callee takes its own reference if it keeps @object; the
 * generator keeps none, so the callee may change it. Returning FALSE, with @error set, stops
 * the generation. */
typedef gboolean (*JdSampleEmitFunc) (const char  *collection,
                                      JsonObject  *object,
                                      gpointer     user_data,
                                      GError     **error);

gboolean jd_sample_generate (const JdSampleOptions  *options,
                             JdSampleEmitFunc        emit,
                             gpointer                user_data,
                             GError                **error);

/* The share of generated objects that breaks a rule on purpose. @rate is relative to the objects
 * @description names (for example "of major decisions"). */
typedef struct
{
  const char *rule_id;
  double      rate;
  const char *description;
} JdSampleRate;

const JdSampleRate *jd_sample_rates (guint *n);

G_END_DECLS
