#include <glib/gi18n-lib.h>

#include "jd-labels.h"
#include "jd-rules-private.h"

/* ROS: the rosters of agencies and officers — certificates, training, auxiliary staff, and the
 * filings an enforcement body owes its supervision body (plans, reports, entrustments, discretion
 * benchmarks, the major-decision catalogue). */

/* The messages list at most this many acts; the rest are counted. */
#define MAX_LISTED 3

/* Reporting */

static void
append (GString    *string,
        const char *format,
        ...) G_GNUC_PRINTF (2, 3);

static void
append (GString    *string,
        const char *format,
        ...)
{
  va_list args;

  if (string->len > 0)
    g_string_append (string, _("; "));
  va_start (args, format);
  g_string_append_vprintf (string, format, args);
  va_end (args);
}

/* @listed items went into @string out of @total: says how many more there are. */
static void
append_more (GString *string,
             guint    listed,
             guint    total)
{
  if (total > listed)
    g_string_append_printf (string, g_dngettext (GETTEXT_PACKAGE, " (and %u more)",
                                                 " (and %u more)", total - listed),
                            total - listed);
}

/* The verdict on a duty with a fixed due date (an annual filing): @what (“Annual enforcement
 * plan for 2025”) @done_what (“filed”) on @done, or not yet. */
static void
check_due (JdRuleContext *ctx,
           const char    *what,
           const char    *done_what,
           const GDate   *due,
           const GDate   *done)
{
  char due_s[JD_RULE_DATE_SIZE], done_s[JD_RULE_DATE_SIZE];

  if (done != NULL && g_date_valid (done))
    {
      int late = g_date_days_between (due, done);

      if (late <= 0)
        /* Translators: “Annual enforcement plan for 2025: filed on 2025-01-20, due by
         * 2025-01-31” */
        jd_rule_report_due (ctx, JD_FINDING_PASS, due, _("%s: %s on %s, due by %s"), what,
                            done_what, jd_rule_date_string (done, done_s),
                            jd_rule_date_string (due, due_s));
      else
        jd_rule_report_due (ctx, JD_FINDING_FAIL, due,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %s on %s, %d day after the due date %s",
                                         "%s: %s on %s, %d days after the due date %s", late),
                            what, done_what, jd_rule_date_string (done, done_s), late,
                            jd_rule_date_string (due, due_s));
    }
  else if (g_date_compare (&ctx->as_of, due) <= 0)
    {
      int left = g_date_days_between (&ctx->as_of, due);

      jd_rule_report_due (ctx, JD_FINDING_PASS, due,
                          g_dngettext (GETTEXT_PACKAGE, "%s: due by %s, %d day left",
                                       "%s: due by %s, %d days left", left),
                          what, jd_rule_date_string (due, due_s), left);
    }
  else
    {
      int over = g_date_days_between (due, &ctx->as_of);

      jd_rule_report_due (ctx, JD_FINDING_FAIL, due,
                          g_dngettext (GETTEXT_PACKAGE, "%s: due by %s, not recorded, %d day "
                                       "overdue",
                                       "%s: due by %s, not recorded, %d days overdue", over),
                          what, jd_rule_date_string (due, due_s), over);
    }
}

/* Month-day @month/@day of @year; 02-29 falls back to 02-28 in a common year. */
static void
set_month_day (GDate *date,
               int    year,
               int    month,
               int    day)
{
  int last = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);

  g_date_clear (date, 1);
  g_date_set_dmy (date, MIN (day, last), (GDateMonth) month, (GDateYear) year);
}

/* The years an agency owes its yearly duties: from the year it became active (the as_of year
 * when that is unknown) to the as_of year, or to the year it ceased. */
static void
agency_years (JdRuleContext *ctx,
              JsonObject    *agency,
              int           *first,
              int           *last)
{
  GDate date;

  *last = g_date_get_year (&ctx->as_of);
  if (jd_rule_get_date (agency, "active_to", &date))
    *last = MIN (*last, (int) g_date_get_year (&date));
  *first = *last;
  if (jd_rule_get_date (agency, "active_from", &date))
    *first = MIN (*last, (int) g_date_get_year (&date));
}

/* The entry of @member (annual_plans, annual_reports) for @year, or NULL. */
static JsonObject *
year_entry (JsonObject *agency,
            const char *member,
            int         year)
{
  JsonArray *entries = jd_rule_get_array (agency, member);

  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (entry != NULL && json_object_has_member (entry, "year") &&
          json_object_get_int_member (entry, "year") == year)
        return entry;
    }
  return NULL;
}

/* Certificates
 *
 * ROS-CERT-VALID and ROS-AUX look at every officer on every stage and record of every case, so
 * what they need of an officer is read once per rule data and kept with it (a district has
 * hundreds of officers and a hundred thousand cases). Dates are held as YYYYMMDD numbers. */

typedef enum
{
  CERT_VALID,
  CERT_SUSPENDED,
  CERT_REVOKED,
} CertState;

typedef struct
{
  const char *number;   /* borrowed from the officer's fields, like the name */
  int         from;     /* 0 when not recorded */
  int         to;
  int         since;    /* when suspended or revoked; 0 when not recorded */
  CertState   state;
} Cert;

typedef struct
{
  JsonObject *fields;   /* what this was read from, referenced: the strings are its own */
  const char *name;
  gboolean    auxiliary;
  guint       n_certs;
  Cert        certs[];
} OfficerInfo;

typedef struct
{
  GMutex      lock;
  GHashTable *by_entity;  /* JdEntity → OfficerInfo */
  GPtrArray  *retired;    /* entries of officers whose fields were replaced */
} OfficerCache;

static void
officer_info_free (gpointer data)
{
  OfficerInfo *info = data;

  json_object_unref (info->fields);
  g_free (info);
}

static void
officer_cache_free (gpointer data)
{
  OfficerCache *cache = data;

  g_hash_table_unref (cache->by_entity);
  g_ptr_array_unref (cache->retired);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* "YYYY-MM-DD…" as YYYYMMDD, or 0 when @text is not a date. */
static int
date_key (const char *text)
{
  int y, m, d;

  if (text == NULL)
    return 0;
  for (int i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return 0;
  y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  m = (text[5] - '0') * 10 + (text[6] - '0');
  d = (text[8] - '0') * 10 + (text[9] - '0');
  return g_date_valid_dmy (d, m, y) ? y * 10000 + m * 100 + d : 0;
}

static const char *
key_string (int  key,
            char buf[JD_RULE_DATE_SIZE])
{
  GDate date;

  if (key == 0)
    return "?";
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, key % 100, key / 100 % 100, key / 10000);
  return jd_rule_date_string (&date, buf);
}

static OfficerInfo *
officer_info_new (JsonObject *fields)
{
  JsonArray *certificates = jd_rule_get_array (fields, "certificates");
  guint n = certificates != NULL ? json_array_get_length (certificates) : 0;
  OfficerInfo *info = g_malloc0 (sizeof (OfficerInfo) + n * sizeof (Cert));

  info->fields = json_object_ref (fields);
  info->name = jd_rule_get_string (fields, "name");
  info->auxiliary = g_strcmp0 (jd_rule_get_string (fields, "role"), "auxiliary") == 0;
  info->n_certs = n;
  for (guint i = 0; i < n; i++)
    {
      JsonObject *certificate = json_array_get_object_element (certificates, i);
      const char *state = jd_rule_get_string (certificate, "status");
      Cert *cert = &info->certs[i];

      cert->number = jd_rule_get_string (certificate, "number");
      cert->from = date_key (jd_rule_get_string (certificate, "valid_from"));
      cert->to = date_key (jd_rule_get_string (certificate, "valid_to"));
      cert->since = date_key (jd_rule_get_string (certificate, "status_since"));
      cert->state = g_strcmp0 (state, "suspended") == 0 ? CERT_SUSPENDED
                    : g_strcmp0 (state, "revoked") == 0 ? CERT_REVOKED : CERT_VALID;
    }
  return info;
}

/* The officer cache of the rule data, made on first use. Callers hold its lock while they read
 * it: one case at a time, not one officer at a time. */
static OfficerCache *
officer_cache (JdRuleContext *ctx)
{
  static GQuark quark;
  OfficerCache *cache;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("jd-rules-ros-officers");
  cache = g_object_get_qdata (G_OBJECT (ctx->data), quark);
  if (G_UNLIKELY (cache == NULL))
    {
      OfficerCache *fresh = g_new0 (OfficerCache, 1);

      g_mutex_init (&fresh->lock);
      /* The entries keep their officer alive, so that no other one can take its address. */
      fresh->by_entity = g_hash_table_new_full (NULL, NULL, g_object_unref, officer_info_free);
      fresh->retired = g_ptr_array_new_with_free_func (officer_info_free);
      /* Another thread may have won the race: then ours goes. */
      if (!g_object_replace_qdata (G_OBJECT (ctx->data), quark, NULL, fresh, officer_cache_free,
                                   NULL))
        officer_cache_free (fresh);
      cache = g_object_get_qdata (G_OBJECT (ctx->data), quark);
    }
  return cache;
}

/* The officer @id as the certificate rules see it, or NULL when not on the roster. */
static const OfficerInfo *
officer_info (JdRuleContext *ctx,
              OfficerCache  *cache,
              const char    *id)
{
  JdEntity *officer = jd_rule_data_get (ctx->data, JD_COLLECTION_OFFICERS, id);
  OfficerInfo *info;

  if (officer == NULL)
    return NULL;
  info = g_hash_table_lookup (cache->by_entity, officer);
  if (G_UNLIKELY (info == NULL || info->fields != jd_entity_get_fields (officer)))
    {
      /* A replaced entry may still be read by a run on another thread: it stays until the
       * cache goes. */
      if (info != NULL)
        {
          g_hash_table_steal (cache->by_entity, officer);
          g_ptr_array_add (cache->retired, info);
          g_object_unref (officer);
        }
      info = officer_info_new (jd_entity_get_fields (officer));
      g_hash_table_insert (cache->by_entity, g_object_ref (officer), info);
    }
  return info;
}

typedef enum
{
  ACT_CERTIFIED,    /* an officer with a certificate valid on the day */
  ACT_AUXILIARY,
  ACT_INVALID,      /* an officer without one */
  ACT_UNKNOWN,      /* the data cannot tell */
} ActStatus;

/* Whether the certificates of @officer cover the day @date. A suspension or revocation counts
 * from its status_since; without that date, or without a validity period, a certificate cannot
 * be placed and the act is unknown, unless another certificate covers it. The certificate that
 * explains an invalid or unknown act goes to @why. */
static ActStatus
certificate_status (const OfficerInfo  *officer,
                    int                 date,
                    const Cert        **why)
{
  ActStatus status = ACT_INVALID;

  if (officer->auxiliary)
    return ACT_AUXILIARY;

  *why = NULL;
  for (guint i = 0; i < officer->n_certs; i++)
    {
      const Cert *cert = &officer->certs[i];

      if (cert->from == 0 || cert->to == 0)
        {
          if (status != ACT_UNKNOWN)
            *why = cert;
          status = ACT_UNKNOWN;
          continue;
        }
      if (date < cert->from || date > cert->to)
        {
          /* A suspension or revocation explains more than another certificate's period. */
          if (status != ACT_UNKNOWN && (*why == NULL || (*why)->state == CERT_VALID))
            *why = cert;
          continue;
        }
      if (cert->state == CERT_VALID || (cert->since != 0 && cert->since > date))
        return ACT_CERTIFIED;
      if (status != ACT_UNKNOWN || cert->since == 0)
        *why = cert;
      if (cert->since == 0)
        status = ACT_UNKNOWN;
    }
  return status;
}

/* Why @officer, acting on @date, is not covered: one sentence naming the certificate. */
static void
explain_invalid (GString           *string,
                 const OfficerInfo *officer,
                 int                date,
                 const Cert        *cert)
{
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE], c[JD_RULE_DATE_SIZE];

  if (cert == NULL)
    g_string_append_printf (string, _("%s acted on %s without an enforcement certificate"),
                            officer->name, key_string (date, a));
  else if (cert->from == 0 || cert->to == 0)
    g_string_append_printf (string, _("the validity of certificate %s of %s is not recorded"),
                            cert->number, officer->name);
  else if (date < cert->from || date > cert->to)
    g_string_append_printf (string, _("%s acted on %s, but certificate %s is valid from %s to "
                                      "%s"),
                            officer->name, key_string (date, a), cert->number,
                            key_string (cert->from, b), key_string (cert->to, c));
  else if (cert->since == 0)
    g_string_append_printf (string, cert->state == CERT_SUSPENDED
                                      ? _("certificate %s of %s is suspended since an "
                                          "unrecorded date")
                                      : _("certificate %s of %s is revoked since an unrecorded "
                                          "date"),
                            cert->number, officer->name);
  else
    g_string_append_printf (string, cert->state == CERT_SUSPENDED
                                      ? _("%s acted on %s, but certificate %s was suspended on "
                                          "%s")
                                      : _("%s acted on %s, but certificate %s was revoked on %s"),
                            officer->name, key_string (date, a), cert->number,
                            key_string (cert->since, b));
}

/* Where an act took place, for messages: the stage of @where, a stage or a record. */
static const char *
act_place (JsonObject *where)
{
  const char *stage = jd_rule_get_string (where, "stage");

  return stage != NULL ? jd_label_stage (stage) : _("a record");
}

/* The officers of one stage or record, looked up: most name two or three. */
typedef struct
{
  guint               n;
  const char        **ids;
  const OfficerInfo **officers;   /* NULL for an officer not on the roster */
  const char         *ids_inline[8];
  const OfficerInfo  *officers_inline[8];
} ActGroup;

static void
act_group_resolve (JdRuleContext *ctx,
                   OfficerCache  *cache,
                   JsonArray     *array,
                   ActGroup      *group)
{
  group->n = json_array_get_length (array);
  group->ids = group->ids_inline;
  group->officers = group->officers_inline;
  if (G_UNLIKELY (group->n > G_N_ELEMENTS (group->ids_inline)))
    {
      group->ids = g_new (const char *, group->n);
      group->officers = g_new (const OfficerInfo *, group->n);
    }
  for (guint i = 0; i < group->n; i++)
    {
      group->ids[i] = json_array_get_string_element (array, i);
      group->officers[i] = officer_info (ctx, cache, group->ids[i]);
    }
}

static void
act_group_clear (ActGroup *group)
{
  if (group->ids != group->ids_inline)
    {
      g_free (group->ids);
      g_free (group->officers);
    }
  group->n = 0;
}

/* One group of officers acting together on one day: a stage of the case, or a record. */
typedef void (*ActGroupFunc) (JdRuleContext  *ctx,
                              const ActGroup *group,
                              int             date,     /* 0 when not recorded */
                              JsonObject     *where,    /* the stage or the record */
                              gpointer        user_data);

/* Calls @func for every stage (with the case's officers when the stage names none) and every
 * record of the case that names officers. The case's officers are looked up once. */
static void
foreach_act_group (JdRuleContext *ctx,
                   ActGroupFunc   func,
                   gpointer       user_data)
{
  OfficerCache *cache = officer_cache (ctx);
  JsonArray *stages = jd_rule_get_array (ctx->fields, "stages");
  JsonArray *case_officers = jd_rule_get_array (ctx->fields, "officers");
  guint n_stages = stages != NULL ? json_array_get_length (stages) : 0;
  ActGroup for_case = { 0 }, group = { 0 };
  gboolean case_resolved = FALSE;

  g_mutex_lock (&cache->lock);
  for (guint s = 0; s < n_stages; s++)
    {
      JsonObject *stage = json_array_get_object_element (stages, s);
      JsonArray *officers = jd_rule_get_array (stage, "officers");
      int date = date_key (jd_rule_get_string (stage, "date"));

      if (officers != NULL && json_array_get_length (officers) > 0)
        {
          act_group_resolve (ctx, cache, officers, &group);
          func (ctx, &group, date, stage, user_data);
          act_group_clear (&group);
          continue;
        }
      if (officers != NULL || case_officers == NULL)
        continue;
      if (!case_resolved)
        {
          act_group_resolve (ctx, cache, case_officers, &for_case);
          case_resolved = TRUE;
        }
      if (for_case.n > 0)
        func (ctx, &for_case, date, stage, user_data);
    }
  act_group_clear (&for_case);

  for (guint r = 0; r < ctx->records->len; r++)
    {
      JsonObject *record = jd_entity_get_fields (ctx->records->pdata[r]);
      JsonArray *officers = jd_rule_get_array (record, "officers");

      if (officers == NULL || json_array_get_length (officers) == 0)
        continue;
      act_group_resolve (ctx, cache, officers, &group);
      /* A record's time is ISO 8601: its first ten characters are the date. */
      func (ctx, &group, date_key (jd_rule_get_string (record, "time")), record, user_data);
      act_group_clear (&group);
    }
  g_mutex_unlock (&cache->lock);
}

/* Lists at most MAX_LISTED items in *@string, made on first use: most cases have none. */
static GString *
list_item (GString **string,
           guint    *count)
{
  if ((*count)++ >= MAX_LISTED)
    return NULL;
  if (*string == NULL)
    *string = g_string_new (NULL);
  else
    g_string_append (*string, _("; "));
  return *string;
}

typedef struct
{
  GString           *invalid;
  GString           *unknown;
  guint              n_invalid;
  guint              n_unknown;
  guint              n_certified;
  guint              n_auxiliary;
  const OfficerInfo *listed[MAX_LISTED];   /* whose invalid acts are described */
  guint              n_listed;
} CertScan;

/* An officer's invalid acts are described once, at the first; the others are counted. */
static GString *
list_invalid (CertScan          *scan,
              const OfficerInfo *officer)
{
  scan->n_invalid++;
  for (guint i = 0; i < scan->n_listed; i++)
    if (scan->listed[i] == officer)
      return NULL;
  if (scan->n_listed == MAX_LISTED)
    return NULL;
  scan->listed[scan->n_listed++] = officer;
  if (scan->invalid == NULL)
    scan->invalid = g_string_new (NULL);
  else
    g_string_append (scan->invalid, _("; "));
  return scan->invalid;
}

static void
scan_certificates_cb (JdRuleContext  *ctx,
                      const ActGroup *group,
                      int             date,
                      JsonObject     *stage,
                      gpointer        user_data)
{
  CertScan *scan = user_data;

  for (guint o = 0; o < group->n; o++)
    {
      const char *id = group->ids[o];
      const OfficerInfo *officer = group->officers[o];
      const Cert *why = NULL;
      GString *item;

      if (officer == NULL)
        {
          if ((item = list_item (&scan->unknown, &scan->n_unknown)) != NULL)
            g_string_append_printf (item, _("officer %s, acting at %s, is not on the roster"),
                                    id, act_place (stage));
          continue;
        }
      if (officer->auxiliary)
        {
          scan->n_auxiliary++;
          continue;
        }
      if (date == 0)
        {
          if ((item = list_item (&scan->unknown, &scan->n_unknown)) != NULL)
            g_string_append_printf (item, _("the date of %s, where %s acted, is not recorded"),
                                    act_place (stage), officer->name);
          continue;
        }
      switch (certificate_status (officer, date, &why))
        {
        case ACT_CERTIFIED:
          scan->n_certified++;
          break;
        case ACT_INVALID:
          if ((item = list_invalid (scan, officer)) != NULL)
            {
              explain_invalid (item, officer, date, why);
              g_string_append_printf (item, _(" (%s)"), act_place (stage));
            }
          break;
        case ACT_UNKNOWN:
          if ((item = list_item (&scan->unknown, &scan->n_unknown)) != NULL)
            explain_invalid (item, officer, date, why);
          break;
        case ACT_AUXILIARY:
        default:
          scan->n_auxiliary++;
          break;
        }
    }
}

void
jd_rule_ros_cert_valid (JdRuleContext *ctx)
{
  CertScan scan = { 0 };

  foreach_act_group (ctx, scan_certificates_cb, &scan);

  if (scan.n_invalid > 0)
    {
      append_more (scan.invalid, scan.n_listed, scan.n_invalid);
      jd_rule_report (ctx, JD_FINDING_FAIL, "%s", scan.invalid->str);
    }
  else if (scan.n_unknown > 0)
    {
      append_more (scan.unknown, MIN (scan.n_unknown, MAX_LISTED), scan.n_unknown);
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("Cannot check the certificates: %s"),
                      scan.unknown->str);
    }
  else if (scan.n_certified > 0)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "%u act of an officer, covered by a valid certificate",
                                 "%u acts of officers, each covered by a valid certificate",
                                 scan.n_certified),
                    scan.n_certified);
  else if (scan.n_auxiliary > 0)
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                    _("Only auxiliary staff are recorded as acting; they hold no certificate"));
  else
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("No officer is recorded on the stages or records of the case"));

  if (scan.invalid != NULL)
    g_string_free (scan.invalid, TRUE);
  if (scan.unknown != NULL)
    g_string_free (scan.unknown, TRUE);
}

typedef struct
{
  GString *alone;
  GString *unknown;
  guint    n_alone;
  guint    n_unknown;
  guint    n_accompanied;
} AuxScan;

static void
scan_auxiliaries_cb (JdRuleContext  *ctx,
                     const ActGroup *group,
                     int             date,
                     JsonObject     *stage,
                     gpointer        user_data)
{
  AuxScan *scan = user_data;
  const char *auxiliary = NULL;
  guint certified = 0, uncertain = 0, present = 0;
  GString *item;
  char a[JD_RULE_DATE_SIZE];

  for (guint o = 0; o < group->n; o++)
    {
      const OfficerInfo *officer = group->officers[o];
      const Cert *why;

      if (officer == NULL)
        {
          uncertain++;
          continue;
        }
      if (officer->auxiliary)
        {
          auxiliary = auxiliary != NULL ? auxiliary : officer->name;
          continue;
        }
      present++;
      if (date == 0)
        uncertain++;
      else
        switch (certificate_status (officer, date, &why))
          {
          case ACT_CERTIFIED:
            certified++;
            break;
          case ACT_UNKNOWN:
            uncertain++;
            break;
          case ACT_INVALID:
          case ACT_AUXILIARY:
          default:
            break;
          }
    }

  if (auxiliary == NULL)
    return;
  if (certified > 0)
    scan->n_accompanied++;
  else if (uncertain > 0)
    {
      if ((item = list_item (&scan->unknown, &scan->n_unknown)) != NULL)
        g_string_append_printf (item, _("whether %s acted at %s on %s with a certified officer"),
                                auxiliary, act_place (stage), key_string (date, a));
    }
  else if ((item = list_item (&scan->alone, &scan->n_alone)) != NULL)
    {
      if (present == 0)
        g_string_append_printf (item, _("%s at %s on %s, with no enforcement officer"),
                                auxiliary, act_place (stage), key_string (date, a));
      else
        g_string_append_printf (item, _("%s at %s on %s, where no officer held a valid "
                                        "certificate"),
                                auxiliary, act_place (stage), key_string (date, a));
    }
}

void
jd_rule_ros_aux (JdRuleContext *ctx)
{
  AuxScan scan = { 0 };

  foreach_act_group (ctx, scan_auxiliaries_cb, &scan);

  if (scan.n_alone > 0)
    {
      append_more (scan.alone, MIN (scan.n_alone, MAX_LISTED), scan.n_alone);
      jd_rule_report (ctx, JD_FINDING_FAIL, _("Auxiliary staff acted alone: %s"),
                      scan.alone->str);
    }
  else if (scan.n_unknown > 0)
    {
      append_more (scan.unknown, MIN (scan.n_unknown, MAX_LISTED), scan.n_unknown);
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("Record %s"), scan.unknown->str);
    }
  else if (scan.n_accompanied > 0)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Auxiliary staff acted %u time, alongside a certified officer",
                                 "Auxiliary staff acted %u times, each alongside a certified "
                                 "officer",
                                 scan.n_accompanied),
                    scan.n_accompanied);
  else
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No auxiliary staff acted in this case"));

  if (scan.alone != NULL)
    g_string_free (scan.alone, TRUE);
  if (scan.unknown != NULL)
    g_string_free (scan.unknown, TRUE);
}

/* Officers */

/* The years in which an officer owes training: from when the agency became active, or the first
 * certificate's year if later, to the as_of year, or the year the last certificate ended if
 * earlier (the as_of year alone when nothing is known). */
static void
officer_years (JdRuleContext *ctx,
               int           *first,
               int           *last)
{
  JdEntity *agency = jd_rule_data_get (ctx->data, JD_COLLECTION_AGENCIES,
                                       jd_rule_get_string (ctx->fields, "agency_id"));
  JsonArray *certificates = jd_rule_get_array (ctx->fields, "certificates");
  int agency_last, certified_from = G_MAXINT, certified_to = G_MININT;

  *last = g_date_get_year (&ctx->as_of);
  *first = *last;
  if (agency != NULL)
    agency_years (ctx, jd_entity_get_fields (agency), first, &agency_last);
  for (guint i = 0; certificates != NULL && i < json_array_get_length (certificates); i++)
    {
      JsonObject *certificate = json_array_get_object_element (certificates, i);
      GDate date;

      if (jd_rule_get_date (certificate, "valid_from", &date))
        certified_from = MIN (certified_from, (int) g_date_get_year (&date));
      if (jd_rule_get_date (certificate, "valid_to", &date))
        certified_to = MAX (certified_to, (int) g_date_get_year (&date));
    }
  if (certified_from != G_MAXINT)
    *first = MAX (*first, certified_from);
  if (certified_to != G_MININT)
    *last = MIN (*last, certified_to);
}

/* Years before the as_of year are complete and decided; the as_of year counts up to 31
 * December, so it passes with the hours so far and the days left until then. */
void
jd_rule_ros_training (JdRuleContext *ctx)
{
  /* Enough years for any roster; older ones are not checked. */
  enum { MAX_YEARS = 32 };
  double hours[MAX_YEARS] = { 0 };
  const char *name = jd_rule_get_string (ctx->fields, "name");
  JsonArray *training = jd_rule_get_array (ctx->fields, "training");
  int required, first, last, this_year = g_date_get_year (&ctx->as_of);

  if (g_strcmp0 (jd_rule_get_string (ctx->fields, "role"), "auxiliary") == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("%s is auxiliary staff; the training hours bind enforcement officers"),
                      name);
      return;
    }
  if (!jd_rule_limit (ctx, "training_hours", &required))
    return;

  officer_years (ctx, &first, &last);
  if (first > last)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("%s held no enforcement certificate in the years checked"), name);
      return;
    }
  first = MAX (first, last - MAX_YEARS + 1);
  for (guint i = 0; training != NULL && i < json_array_get_length (training); i++)
    {
      JsonObject *entry = json_array_get_object_element (training, i);
      GDate date;
      int year;

      if (!jd_rule_get_date (entry, "date", &date) || !json_object_has_member (entry, "hours"))
        continue;
      year = g_date_get_year (&date);
      if (year >= first && year <= last)
        hours[year - first] += json_object_get_double_member (entry, "hours");
    }

  for (int year = first; year <= last; year++)
    {
      double done = hours[year - first];
      GDate end;

      set_month_day (&end, year, 12, 31);
      if (done >= required)
        jd_rule_report_due (ctx, JD_FINDING_PASS, &end,
                            _("%s: %g training hours in %d, at least %d required"), name, done,
                            year, required);
      else if (year < this_year)
        jd_rule_report_due (ctx, JD_FINDING_FAIL, &end,
                            _("%s: %g training hours in %d, fewer than the %d required"), name,
                            done, year, required);
      else
        jd_rule_report_due (ctx, JD_FINDING_PASS, &end,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "%s: %g of the %d training hours of %d so far, %d "
                                         "day left",
                                         "%s: %g of the %d training hours of %d so far, %d "
                                         "days left",
                                         g_date_days_between (&ctx->as_of, &end)),
                            name, done, required, year, g_date_days_between (&ctx->as_of, &end));
    }
}

void
jd_rule_ros_reapply (JdRuleContext *ctx)
{
  JsonArray *sanctions = jd_rule_get_array (ctx->fields, "sanctions");
  JsonArray *certificates = jd_rule_get_array (ctx->fields, "certificates");
  const char *name = jd_rule_get_string (ctx->fields, "name");
  gboolean revoked = FALSE;
  int years;

  for (guint i = 0; sanctions != NULL && i < json_array_get_length (sanctions); i++)
    revoked |= g_strcmp0 (jd_rule_get_string (json_array_get_object_element (sanctions, i),
                                              "kind"),
                          "qualification_revoked") == 0;
  if (!revoked)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("The enforcement qualification of %s was never revoked"), name);
      return;
    }
  if (!jd_rule_limit (ctx, "reapply_years", &years))
    return;

  for (guint i = 0; i < json_array_get_length (sanctions); i++)
    {
      JsonObject *sanction = json_array_get_object_element (sanctions, i);
      JsonObject *early = NULL;
      GDate when, until, from;
      char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE], c[JD_RULE_DATE_SIZE];

      if (g_strcmp0 (jd_rule_get_string (sanction, "kind"), "qualification_revoked") != 0)
        continue;
      if (!jd_rule_get_date (sanction, "date", &when))
        {
          jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                          _("The date on which the qualification of %s was revoked is not "
                            "recorded"),
                          name);
          continue;
        }
      until = when;
      g_date_add_years (&until, years);

      for (guint k = 0; certificates != NULL && k < json_array_get_length (certificates); k++)
        {
          JsonObject *certificate = json_array_get_object_element (certificates, k);

          if (jd_rule_get_date (certificate, "valid_from", &from) &&
              g_date_compare (&from, &when) > 0 && g_date_compare (&from, &until) < 0)
            early = certificate;
        }

      if (early != NULL)
        {
          jd_rule_get_date (early, "valid_from", &from);
          jd_rule_report_due (ctx, JD_FINDING_FAIL, &until,
                              _("%s holds certificate %s, valid from %s, although the "
                                "qualification was revoked on %s: no new certificate before "
                                "%s"),
                              name, jd_rule_get_string (early, "number"),
                              jd_rule_date_string (&from, a), jd_rule_date_string (&when, b),
                              jd_rule_date_string (&until, c));
        }
      else
        jd_rule_report_due (ctx, JD_FINDING_PASS, &until,
                            _("The qualification of %s was revoked on %s; no certificate "
                              "valid from before %s"),
                            name, jd_rule_date_string (&when, a),
                            jd_rule_date_string (&until, b));
    }
}

/* Agencies */

void
jd_rule_ros_body_change (JdRuleContext *ctx)
{
  JsonArray *changes = jd_rule_get_array (ctx->fields, "body_changes");
  int days;

  if (changes == NULL || json_array_get_length (changes) == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("No change of the enforcement body is recorded"));
      return;
    }
  if (!jd_rule_limit (ctx, "body_change_days", &days))
    return;

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);
      GDate date, applied, published, due;
      char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

      if (!jd_rule_get_date (change, "date", &date))
        {
          jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                          _("The date of a change of the enforcement body is not recorded"));
          continue;
        }
      jd_rule_get_date (change, "confirmation_applied_on", &applied);
      jd_rule_get_date (change, "published_on", &published);
      due = date;
      g_date_add_days (&due, days);

      /* The application is due within the limit; the publication follows the confirmation,
       * for which the law sets no limit, so only its absence is reported. */
      if (!g_date_valid (&applied) || g_date_compare (&applied, &due) > 0 ||
          g_date_valid (&published))
        jd_rule_check_deadline (ctx, _("Application to confirm the changed enforcement body"),
                                _("the change"), &date, days, JD_PERIOD_DAYS, &applied);
      else
        jd_rule_report_due (ctx, JD_FINDING_NEEDS_INPUT, &due,
                            _("Confirmation of the change on %s applied for on %s; record when "
                              "the change was published"),
                            jd_rule_date_string (&date, a), jd_rule_date_string (&applied, b));
    }
}

void
jd_rule_ros_entrust (JdRuleContext *ctx)
{
  static const struct { const char *member; const char *label; } contents[] = {
    { "basis", N_("the basis") },
    { "scope", N_("the scope") },
    { "powers", N_("the powers") },
    { "valid_to", N_("the term") },
    { "liability", N_("the liability") },
  };
  JsonObject *entrustment = jd_rule_get_object (ctx->fields, "entrustment");
  const char *name = jd_rule_get_string (ctx->fields, "name");
  g_autoptr(GString) missing = g_string_new (NULL);
  GDate signed_on, published, filed, due;
  int days;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE], c[JD_RULE_DATE_SIZE], d[JD_RULE_DATE_SIZE];

  if (entrustment == NULL)
    {
      if (g_strcmp0 (jd_rule_get_string (ctx->fields, "kind"), "entrusted") == 0)
        jd_rule_report (ctx, JD_FINDING_FAIL,
                        _("%s acts by entrustment, but no letter of entrustment is recorded"),
                        name);
      else
        jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                        _("%s does not act by entrustment"), name);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    {
      JsonNode *node = json_object_get_member (entrustment, contents[i].member);
      gboolean empty = node == NULL || JSON_NODE_HOLDS_NULL (node) ||
                       (JSON_NODE_HOLDS_ARRAY (node) &&
                        json_array_get_length (json_node_get_array (node)) == 0) ||
                       (JSON_NODE_HOLDS_VALUE (node) &&
                        json_node_get_value_type (node) == G_TYPE_STRING &&
                        *json_node_get_string (node) == '\0');

      if (empty)
        append (missing, "%s", _(contents[i].label));
    }
  if (missing->len > 0)
    {
      jd_rule_report (ctx, JD_FINDING_FAIL,
                      _("The letter of entrustment of %s does not state %s"), name,
                      missing->str);
      return;
    }

  if (!jd_rule_get_date (entrustment, "signed_on", &signed_on))
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The date the entrustment of %s was signed is not recorded"), name);
      return;
    }
  if (!jd_rule_limit (ctx, "entrust_days", &days))
    return;
  due = signed_on;
  g_date_add_days (&due, days);
  jd_rule_get_date (entrustment, "published_on", &published);
  jd_rule_get_date (entrustment, "filed_on", &filed);

  if (g_date_valid (&published) && g_date_compare (&published, &due) <= 0 &&
      g_date_valid (&filed) && g_date_compare (&filed, &due) <= 0)
    {
      jd_rule_report_due (ctx, JD_FINDING_PASS, &due,
                          _("Entrustment signed on %s, published on %s and filed on %s, by %s"),
                          jd_rule_date_string (&signed_on, a),
                          jd_rule_date_string (&published, b), jd_rule_date_string (&filed, c),
                          jd_rule_date_string (&due, d));
      return;
    }
  /* Each duty not done in time gets its own verdict. */
  if (!g_date_valid (&published) || g_date_compare (&published, &due) > 0)
    jd_rule_check_deadline (ctx, _("Publication of the entrustment"), _("signing"), &signed_on,
                            days, JD_PERIOD_DAYS, &published);
  if (!g_date_valid (&filed) || g_date_compare (&filed, &due) > 0)
    jd_rule_check_deadline (ctx, _("Filing of the entrustment"), _("signing"), &signed_on, days,
                            JD_PERIOD_DAYS, &filed);
}

void
jd_rule_ros_discretion (JdRuleContext *ctx)
{
  JsonArray *benchmarks = jd_rule_get_array (ctx->fields, "discretion");
  g_autoptr(GString) late = g_string_new (NULL);
  g_autoptr(GString) unknown = g_string_new (NULL);
  guint n_late = 0, n_unknown = 0, n_pending = 0, n_benchmarks;
  GDate first_late, first_pending;
  int days;
  char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE], c[JD_RULE_DATE_SIZE];

  n_benchmarks = benchmarks != NULL ? json_array_get_length (benchmarks) : 0;
  if (n_benchmarks == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No discretion benchmark is recorded"));
      return;
    }
  if (!jd_rule_limit (ctx, "discretion_days", &days))
    return;

  g_date_clear (&first_late, 1);
  g_date_clear (&first_pending, 1);
  for (guint i = 0; i < n_benchmarks; i++)
    {
      JsonObject *benchmark = json_array_get_object_element (benchmarks, i);
      const char *power = jd_rule_get_string (benchmark, "power_code");
      GDate adopted, due, published, filed;
      gboolean published_late, filed_late;

      if (!jd_rule_get_date (benchmark, "adopted_on", &adopted))
        {
          if (n_unknown++ < MAX_LISTED)
            append (unknown, _("the benchmark for power %s has no adoption date"), power);
          continue;
        }
      due = adopted;
      g_date_add_days (&due, days);
      jd_rule_get_date (benchmark, "published_on", &published);
      jd_rule_get_date (benchmark, "filed_on", &filed);
      published_late = g_date_valid (&published) ? g_date_compare (&published, &due) > 0
                                                 : g_date_compare (&ctx->as_of, &due) > 0;
      filed_late = g_date_valid (&filed) ? g_date_compare (&filed, &due) > 0
                                         : g_date_compare (&ctx->as_of, &due) > 0;

      if (published_late || filed_late)
        {
          if (n_late++ < MAX_LISTED)
            {
              if (published_late && !g_date_valid (&published))
                append (late, _("the benchmark for power %s adopted on %s is not published, "
                                "due by %s"),
                        power, jd_rule_date_string (&adopted, a), jd_rule_date_string (&due, b));
              else if (published_late)
                append (late, _("the benchmark for power %s adopted on %s was published on %s, "
                                "after %s"),
                        power, jd_rule_date_string (&adopted, a),
                        jd_rule_date_string (&published, b), jd_rule_date_string (&due, c));
              else if (!g_date_valid (&filed))
                append (late, _("the benchmark for power %s adopted on %s is not filed, due by "
                                "%s"),
                        power, jd_rule_date_string (&adopted, a), jd_rule_date_string (&due, b));
              else
                append (late, _("the benchmark for power %s adopted on %s was filed on %s, "
                                "after %s"),
                        power, jd_rule_date_string (&adopted, a),
                        jd_rule_date_string (&filed, b), jd_rule_date_string (&due, c));
            }
          if (!g_date_valid (&first_late) || g_date_compare (&due, &first_late) < 0)
            first_late = due;
        }
      else if (!g_date_valid (&published) || !g_date_valid (&filed))
        {
          n_pending++;
          if (!g_date_valid (&first_pending) || g_date_compare (&due, &first_pending) < 0)
            first_pending = due;
        }
    }

  if (n_late > 0)
    {
      append_more (late, MIN (n_late, MAX_LISTED), n_late);
      jd_rule_report_due (ctx, JD_FINDING_FAIL, &first_late,
                          _("Discretion benchmarks must be published and filed within %d days "
                            "of adoption: %s"),
                          days, late->str);
    }
  else if (n_unknown > 0)
    {
      append_more (unknown, MIN (n_unknown, MAX_LISTED), n_unknown);
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("Cannot check: %s"), unknown->str);
    }
  else if (n_pending > 0)
    jd_rule_report_due (ctx, JD_FINDING_PASS, &first_pending,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "%u discretion benchmark still to publish and file, by %s",
                                     "%u discretion benchmarks still to publish and file, the "
                                     "first by %s",
                                     n_pending),
                        n_pending, jd_rule_date_string (&first_pending, a));
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "%u discretion benchmark, published and filed within %d days "
                                 "of adoption",
                                 "%u discretion benchmarks, each published and filed within %d "
                                 "days of adoption",
                                 n_benchmarks),
                    n_benchmarks, days);
}

void
jd_rule_ros_catalogue (JdRuleContext *ctx)
{
  JsonObject *catalogue = jd_rule_get_object (ctx->fields, "major_catalogue");
  JsonArray *codes = jd_rule_get_array (catalogue, "power_codes");
  const char *name = jd_rule_get_string (ctx->fields, "name");
  guint n_codes = codes != NULL ? json_array_get_length (codes) : 0;
  GDate filed;
  char a[JD_RULE_DATE_SIZE];

  /* The law sets no date: an agency without a filed catalogue is in breach until it files. */
  if (catalogue == NULL)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("%s has no major-decision catalogue"), name);
  else if (!jd_rule_get_date (catalogue, "filed_on", &filed))
    jd_rule_report (ctx, JD_FINDING_FAIL, _("The major-decision catalogue of %s is not filed"),
                    name);
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "Major-decision catalogue of %s filed on %s, listing %u power",
                                 "Major-decision catalogue of %s filed on %s, listing %u powers",
                                 n_codes),
                    name, jd_rule_date_string (&filed, a), n_codes);
}

void
jd_rule_ros_plan (JdRuleContext *ctx)
{
  int month, day, first, last;
  GDate active_from;

  if (!jd_profile_get_month_day (ctx->profile, "plan_due", &month, &day))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The profile “%s” sets no limit “%s”"),
                      jd_profile_get_id (ctx->profile), "plan_due");
      return;
    }

  jd_rule_get_date (ctx->fields, "active_from", &active_from);
  agency_years (ctx, ctx->fields, &first, &last);
  for (int year = first; year <= last; year++)
    {
      JsonObject *entry = year_entry (ctx->fields, "annual_plans", year);
      g_autofree char *what = g_strdup_printf (_("Annual enforcement plan for %d"), year);
      GDate due, filed;

      set_month_day (&due, year, month, day);
      /* A body set up after the due date owes no plan for that year. */
      if (g_date_valid (&active_from) && g_date_compare (&due, &active_from) < 0)
        continue;
      jd_rule_get_date (entry, "filed_on", &filed);
      check_due (ctx, what, _("filed"), &due, &filed);
    }

  if (ctx->n_reported == 0)
    {
      char a[JD_RULE_DATE_SIZE];

      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("Active since %s, after this year's plan was due"),
                      jd_rule_date_string (&active_from, a));
    }
}

/* The report on a year is due early in the next: filed with the supervision body by
 * "report_due", its statistics published by "statistics_due". A profile sets either or both. */
void
jd_rule_ros_report (JdRuleContext *ctx)
{
  static const struct { const char *limit; const char *member; const char *done; } duties[] = {
    { "report_due", "filed_on", N_("filed") },
    { "statistics_due", "published_on", N_("published") },
  };
  int first, last;
  gboolean any = FALSE;

  agency_years (ctx, ctx->fields, &first, &last);
  for (guint d = 0; d < G_N_ELEMENTS (duties); d++)
    {
      int month, day;

      if (!jd_profile_get_month_day (ctx->profile, duties[d].limit, &month, &day))
        continue;
      any = TRUE;
      for (int year = first; year <= last; year++)
        {
          JsonObject *entry = year_entry (ctx->fields, "annual_reports", year);
          g_autofree char *what = d == 0
                                    ? g_strdup_printf (_("Annual enforcement report on %d"), year)
                                    : g_strdup_printf (_("Annual enforcement statistics of %d"),
                                                       year);
          GDate due, done;

          set_month_day (&due, year + 1, month, day);
          jd_rule_get_date (entry, duties[d].member, &done);
          check_due (ctx, what, _(duties[d].done), &due, &done);
        }
    }

  if (!any)
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The profile “%s” sets no limit “%s”"),
                    jd_profile_get_id (ctx->profile), "report_due");
}
