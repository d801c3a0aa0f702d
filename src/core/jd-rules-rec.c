#include <glib/gi18n-lib.h>
#include <string.h>

#include "jd-labels.h"
#include "jd-rules-private.h"

/* REC: the whole-process records (执法全过程记录) of a case: its text and audio/video records
 * (ctx->records), and the stages of the case. Each rule reports one finding per case, naming the
 * records at fault by stage and date; REC-AV-STORE reports one per audio/video record, since each
 * has its own due date. */

/* The records named in a message, at most; the rest are counted. */
#define MAX_LISTED 3

static JsonObject *
record_fields (JdRuleContext *ctx,
               guint          i)
{
  return jd_entity_get_fields (ctx->records->pdata[i]);
}

static gboolean
is_av (JsonObject *record)
{
  return g_strcmp0 (jd_rule_get_string (record, "kind"), "av") == 0;
}

static gboolean
has_text (JsonObject *object,
          const char *member)
{
  const char *value = jd_rule_get_string (object, member);

  return value != NULL && *value != '\0';
}

static gboolean
has_items (JsonObject *object,
           const char *member)
{
  JsonArray *array = jd_rule_get_array (object, member);

  return array != NULL && json_array_get_length (array) > 0;
}

/* "investigation on 2025-03-05": a record as a person finds it in the file. */
static void
append_record (GString    *out,
               JsonObject *record)
{
  const char *stage = jd_rule_get_string (record, "stage");
  GDate date;
  char buf[JD_RULE_DATE_SIZE];

  jd_rule_get_date (record, "time", &date);
  /* Translators: a whole-process record, by its stage and date: “investigation on 2025-03-05” */
  g_string_append_printf (out, _("%s on %s"),
                          stage != NULL ? jd_label_stage (stage)
                                        : jd_rule_get_string (record, "id"),
                          jd_rule_date_string (&date, buf));
}

/* Starts an item of a list of faults "a; b; c" made on first use, keeping only the first
 * MAX_LISTED: FALSE when this one is not listed. */
static gboolean
list_start_item (GString **list,
                 guint    *n_items)
{
  (*n_items)++;
  if (*n_items > MAX_LISTED)
    return FALSE;
  if (*list == NULL)
    *list = g_string_new (NULL);
  else
    g_string_append (*list, _("; "));
  return TRUE;
}

static void
list_finish (GString *list,
             guint    n_items)
{
  if (n_items > MAX_LISTED)
    g_string_append_printf (list, g_dngettext (GETTEXT_PACKAGE, "; and %u more",
                                               "; and %u more", n_items - MAX_LISTED),
                            n_items - MAX_LISTED);
}

/* Appends to a list "a, b, c" made on first use: most cases have nothing to list. */
static void
append_label (GString    **list,
              const char  *label)
{
  if (*list == NULL)
    *list = g_string_new (NULL);
  else
    g_string_append (*list, _(", "));
  g_string_append (*list, label);
}

/* Which stages (by index in jd_stage_codes) have a record, and an audio/video record. One pass
 * over the records, since a case keeps a handful and several stages are asked about. */
typedef struct
{
  guint32 any;
  guint32 av;
} StageRecords;

static void
stage_records (JdRuleContext *ctx,
               StageRecords  *out)
{
  out->any = out->av = 0;
  for (guint i = 0; i < ctx->records->len; i++)
    {
      JsonObject *record = record_fields (ctx, i);
      int index = jd_stage_index (jd_rule_get_string (record, "stage"));

      if (index < 0)
        continue;
      out->any |= 1u << index;
      if (is_av (record))
        out->av |= 1u << index;
    }
}

/* A stage happened when the case lists it with a date or a record was made of it. */
static gboolean
stage_happened (JdRuleContext      *ctx,
                const StageRecords *records,
                int                 index)
{
  return index >= 0 &&
         (g_date_valid (&ctx->facts.stage_dates[index]) || (records->any & (1u << index)) != 0);
}

static gboolean
stage_filmed (const StageRecords *records,
              int                 index)
{
  return index >= 0 && (records->av & (1u << index)) != 0;
}

static guint
count_kind (JdRuleContext *ctx,
            gboolean       av)
{
  guint n = 0;

  for (guint i = 0; i < ctx->records->len; i++)
    if (is_av (record_fields (ctx, i)) == av)
      n++;
  return n;
}

/* REC-STAGES. A stage counts as recorded when the case lists it with a date or a record was made
 * of it. The stages of the profile come in legal order, so a missing stage before the last one
 * recorded is a gap; once the case is closed every stage is owed; an open case may still be
 * waiting for its later stages. The first stage opens the case and is always owed. */
void
jd_rule_rec_stages (JdRuleContext *ctx)
{
  const char *action = jd_rule_get_string (ctx->fields, "action_type");
  const char *procedure = jd_rule_get_string (ctx->fields, "procedure");
  const char * const *required;
  gboolean recorded[32] = { FALSE };
  g_autoptr(GString) missing = NULL;
  StageRecords records;
  int last = -1, n;
  gboolean closed;
  GDate closed_on;
  char buf[JD_RULE_DATE_SIZE];

  if (action == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("The action type is not recorded, so its stages are unknown"));
      return;
    }
  if (g_strcmp0 (procedure, "simple") == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("Simple procedure: the stages of the general procedure do not apply"));
      return;
    }
  required = jd_profile_get_list (ctx->profile, "stages", action);
  if (required == NULL || required[0] == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("The profile “%s” lists no stages for an %s"),
                      jd_profile_get_id (ctx->profile), jd_label_action_type (action));
      return;
    }

  stage_records (ctx, &records);
  for (n = 0; required[n] != NULL && n < (int) G_N_ELEMENTS (recorded); n++)
    {
      recorded[n] = stage_happened (ctx, &records, jd_stage_index (required[n]));
      if (recorded[n])
        last = n;
    }
  closed = jd_rule_get_date (ctx->fields, "closed_on", &closed_on);

  for (int i = 0; i < n; i++)
    if (!recorded[i] && (i == 0 || i < last || closed))
      append_label (&missing, jd_label_stage (required[i]));

  if (missing != NULL && procedure == NULL)
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("Not recorded: %s; record whether the case follows the general procedure"),
                    missing->str);
  else if (missing != NULL && last < 0)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("No stage is recorded, not even the first (%s)"),
                    jd_label_stage (required[0]));
  else if (missing != NULL && closed)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("Closed on %s, but not recorded: %s"),
                    jd_rule_date_string (&closed_on, buf), missing->str);
  else if (missing != NULL)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("Not recorded: %s, though the case reached %s"),
                    missing->str, jd_label_stage (required[last]));
  else if (last < n - 1)
    jd_rule_report (ctx, JD_FINDING_PASS, _("Stages recorded up to %s; %s still to come"),
                    jd_label_stage (required[last]), jd_label_stage (required[last + 1]));
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE, "The %d stage of an %s is recorded, up to %s",
                                 "All %d stages of an %s are recorded, up to %s", n),
                    n, jd_label_action_type (action), jd_label_stage (required[n - 1]));
}

enum
{
  LACKS_TIME = 1 << 0,
  LACKS_PLACE = 1 << 1,
  LACKS_OFFICERS = 1 << 2,
  LACKS_PARTY = 1 << 3,
  LACKS_MATTER = 1 << 4,
  LACKS_REASON = 1 << 5,
};

/* The elements that @record lacks: time, place, officers, party, and for a text record the
 * matter, for an audio/video record the reason of an interruption. */
static guint
missing_elements (JsonObject *record,
                  gboolean    av)
{
  gboolean interrupted = FALSE;
  guint lacks = 0;
  GDate date;

  if (!jd_rule_get_date (record, "time", &date))
    lacks |= LACKS_TIME;
  if (!has_text (record, "place"))
    lacks |= LACKS_PLACE;
  if (!has_items (record, "officers"))
    lacks |= LACKS_OFFICERS;
  if (!has_text (record, "party"))
    lacks |= LACKS_PARTY;
  if (!av && !has_text (record, "matter"))
    lacks |= LACKS_MATTER;
  if (av && jd_rule_get_bool (record, "interrupted", &interrupted) && interrupted &&
      !has_text (record, "interruption_reason"))
    lacks |= LACKS_REASON;
  return lacks;
}

/* "investigation on 2025-03-05 lacks place, party" */
static void
append_lacking (GString    *out,
                JsonObject *record,
                guint       lacks)
{
  g_autoptr(GString) labels = NULL;

  if (lacks & LACKS_TIME)
    append_label (&labels, _("time"));
  if (lacks & LACKS_PLACE)
    append_label (&labels, _("place"));
  if (lacks & LACKS_OFFICERS)
    append_label (&labels, _("officers"));
  if (lacks & LACKS_PARTY)
    append_label (&labels, _("party"));
  if (lacks & LACKS_MATTER)
    append_label (&labels, _("matter"));
  if (lacks & LACKS_REASON)
    append_label (&labels, _("the reason for its interruption"));
  append_record (out, record);
  /* Translators: “investigation on 2025-03-05 lacks place, party” */
  g_string_append_printf (out, _(" lacks %s"), labels->str);
}

/* REC-ELEMENTS and REC-AV-ELEMENTS: the records of one kind, each with its elements. A record of
 * unknown kind is held to the rules of text records. */
static void
check_elements (JdRuleContext *ctx,
                gboolean       av)
{
  g_autoptr(GString) faults = NULL;
  guint n_records = 0, n_faulty = 0;

  for (guint i = 0; i < ctx->records->len; i++)
    {
      JsonObject *record = record_fields (ctx, i);
      guint lacks;

      if (is_av (record) != av)
        continue;
      n_records++;
      lacks = missing_elements (record, av);
      if (lacks != 0 && list_start_item (&faults, &n_faulty))
        append_lacking (faults, record, lacks);
    }

  if (n_records == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      av ? _("No audio/video record in this case")
                         : _("No text record is kept for this case"));
      return;
    }
  if (faults != NULL)
    {
      list_finish (faults, n_faulty);
      jd_rule_report (ctx, JD_FINDING_FAIL, av ? _("Audio/video: %s") : _("Text record: %s"),
                      faults->str);
    }
  else if (av)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "%u audio/video record holds time, place, officers and party",
                                 "All %u audio/video records hold time, place, officers and "
                                 "party", n_records),
                    n_records);
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "%u text record holds time, place, officers, party and matter",
                                 "All %u text records hold time, place, officers, party and "
                                 "matter", n_records),
                    n_records);
}

void
jd_rule_rec_elements (JdRuleContext *ctx)
{
  check_elements (ctx, FALSE);
}

void
jd_rule_rec_av_elements (JdRuleContext *ctx)
{
  check_elements (ctx, TRUE);
}

/* 004 附件2 第九条: sealing or seizure of property and forced demolition are filmed throughout;
 * they are the measures of the format that touch liberty, life or major property on site. */
static const char * const av_measures[] = { "seal_seize", "demolition", NULL };

/* The on-site stages where such a measure is carried out. */
static const char * const onsite_stages[] = {
  "investigation", "onsite_check", "execution", NULL
};

void
jd_rule_rec_av_required (JdRuleContext *ctx)
{
  JsonArray *measures = jd_rule_get_array (jd_rule_get_object (ctx->fields, "decision"),
                                           "measures");
  g_autoptr(GString) ordered = NULL;
  g_autoptr(GString) filmed = NULL;
  g_autoptr(GString) unfilmed = NULL;
  StageRecords records;

  for (guint i = 0; av_measures[i] != NULL; i++)
    if (jd_rule_array_has (measures, av_measures[i]))
      append_label (&ordered, jd_label_measure (av_measures[i]));
  if (ordered == NULL)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                      _("No sealing, seizure or demolition is ordered"));
      return;
    }

  stage_records (ctx, &records);
  for (guint i = 0; onsite_stages[i] != NULL; i++)
    {
      int index = jd_stage_index (onsite_stages[i]);

      if (stage_happened (ctx, &records, index))
        append_label (stage_filmed (&records, index) ? &filmed : &unfilmed,
                      jd_label_stage (onsite_stages[i]));
    }

  if (unfilmed != NULL)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("%s ordered, but no audio/video record of %s"),
                    ordered->str, unfilmed->str);
  else if (filmed != NULL)
    jd_rule_report (ctx, JD_FINDING_PASS, _("%s ordered; %s recorded on audio/video"),
                    ordered->str, filmed->str);
  else
    jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                    _("%s ordered: record the on-site stage where it is carried out, with its "
                      "audio/video"),
                    ordered->str);
}

/* 004 附件2 第九条 第二款: the acts that easily lead to disputes. */
static const char * const advised_stages[] = {
  "onsite_check", "investigation", "execution", "recheck", "hearing", "lodged_service",
  "public_service", NULL
};

void
jd_rule_rec_av_advised (JdRuleContext *ctx)
{
  g_autoptr(GString) unfilmed = NULL;
  guint n_filmed = 0;
  StageRecords records;

  stage_records (ctx, &records);
  for (guint i = 0; advised_stages[i] != NULL; i++)
    {
      int index = jd_stage_index (advised_stages[i]);

      if (!stage_happened (ctx, &records, index))
        continue;
      if (stage_filmed (&records, index))
        n_filmed++;
      else
        append_label (&unfilmed, jd_label_stage (advised_stages[i]));
    }

  if (unfilmed != NULL)
    jd_rule_report (ctx, JD_FINDING_FAIL, _("No audio/video record of %s"), unfilmed->str);
  else if (n_filmed > 0)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "The %u on-site act, hearing or service is on audio/video",
                                 "All %u on-site acts, hearings and services are on audio/video",
                                 n_filmed),
                    n_filmed);
  else
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE,
                    _("No on-site act, hearing, lodged or public service in this case"));
}

/* REC-AV-STORE. With a limit (Weihai: 2 WD) each record is a deadline of its own; without one
 * (Beijing: 004 附件2 第十一条 names the dedicated store but no time) the store date must be
 * recorded at all. */
void
jd_rule_rec_av_store (JdRuleContext *ctx)
{
  int limit = 0;
  gboolean has_limit = jd_profile_get_limit (ctx->profile, "av_store_wd", &limit);
  g_autoptr(GString) unstored = NULL;
  guint n_av = 0, n_unstored = 0;

  for (guint i = 0; i < ctx->records->len; i++)
    {
      JsonObject *record = record_fields (ctx, i);
      g_autoptr(GString) what = NULL;
      GDate made, stored;

      if (!is_av (record))
        continue;
      n_av++;
      jd_rule_get_date (record, "stored_on", &stored);

      if (!has_limit)
        {
          if (!g_date_valid (&stored) && list_start_item (&unstored, &n_unstored))
            append_record (unstored, record);
          continue;
        }
      what = g_string_new (_("Storing the audio/video of "));
      append_record (what, record);
      if (!jd_rule_get_date (record, "time", &made))
        jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                        _("The audio/video record %s (%s) has no time of recording"),
                        jd_rule_get_string (record, "id"), what->str);
      else
        jd_rule_check_deadline (ctx, what->str, _("recording"), &made, limit,
                                JD_PERIOD_WORKDAYS, &stored);
    }

  if (n_av == 0)
    jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No audio/video record in this case"));
  else if (has_limit)
    return;
  else if (unstored != NULL)
    {
      list_finish (unstored, n_unstored);
      jd_rule_report (ctx, JD_FINDING_FAIL,
                      _("Not recorded as moved to the dedicated store: audio/video of %s"),
                      unstored->str);
    }
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "%u audio/video record is on the dedicated store",
                                 "All %u audio/video records are on the dedicated store", n_av),
                    n_av);
}

/* Evidence copies: a disc with maker, extractor and time of extraction (004 附件2 第十二条). A
 * record is an evidence copy when a copy was archived; its "evidence" text only describes the
 * media ("执法记录仪视频，时长12分钟"), which says nothing of its use. */
static gboolean
used_as_evidence (JsonObject *record)
{
  return jd_rule_get_object (record, "archived_copy") != NULL;
}

/* What the archived copy of an evidence record lacks, as a list, or NULL. */
static GString *
copy_lacks (JsonObject *record)
{
  JsonObject *copy = jd_rule_get_object (record, "archived_copy");
  GString *lacking = NULL;
  GDate extracted;

  if (copy == NULL)
    {
      append_label (&lacking, _("an archived copy"));
      return lacking;
    }
  if (!has_text (copy, "maker"))
    append_label (&lacking, _("the maker of its copy"));
  if (!has_text (copy, "extractor"))
    append_label (&lacking, _("the extractor of its copy"));
  if (!jd_rule_get_date (copy, "extracted_on", &extracted))
    append_label (&lacking, _("the date of extraction"));
  return lacking;
}

void
jd_rule_rec_av_retention (JdRuleContext *ctx)
{
  g_autoptr(GString) faults = NULL;
  g_autoptr(GString) unknown = NULL;
  guint n_faulty = 0, n_unknown = 0;
  int months;

  if (count_kind (ctx, TRUE) == 0)
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("No audio/video record in this case"));
      return;
    }
  if (!jd_rule_limit (ctx, "av_retention_months", &months))
    return;

  for (guint i = 0; i < ctx->records->len; i++)
    {
      JsonObject *record = record_fields (ctx, i);
      g_autoptr(GString) lacking = NULL;
      GDate start, until, least;
      char a[JD_RULE_DATE_SIZE], b[JD_RULE_DATE_SIZE];

      if (!is_av (record))
        continue;

      /* The period runs on the dedicated store, so from the day it got there. */
      if ((!jd_rule_get_date (record, "stored_on", &start) &&
           !jd_rule_get_date (record, "time", &start)) ||
          !jd_rule_get_date (record, "retain_until", &until))
        {
          if (list_start_item (&unknown, &n_unknown))
            append_record (unknown, record);
        }
      else
        {
          least = start;
          g_date_add_months (&least, months);
          if (g_date_compare (&until, &least) < 0 && list_start_item (&faults, &n_faulty))
            {
              append_record (faults, record);
              g_string_append_printf (faults, _(" kept only until %s, not until %s"),
                                      jd_rule_date_string (&until, a),
                                      jd_rule_date_string (&least, b));
            }
        }

      if (used_as_evidence (record) && (lacking = copy_lacks (record)) != NULL &&
          list_start_item (&faults, &n_faulty))
        {
          append_record (faults, record);
          /* Translators: “investigation on 2025-03-05, used as evidence, lacks an archived
           * copy” */
          g_string_append_printf (faults, _(", used as evidence, lacks %s"), lacking->str);
        }
    }

  if (faults != NULL)
    {
      list_finish (faults, n_faulty);
      jd_rule_report (ctx, JD_FINDING_FAIL, _("Audio/video: %s"), faults->str);
    }
  else if (unknown != NULL)
    {
      list_finish (unknown, n_unknown);
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT,
                      _("Record how long the audio/video is kept: %s"), unknown->str);
    }
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    _("Audio/video is kept at least %d months; evidence copies are archived"),
                    months);
}

static JsonObject *
find_record (JdRuleContext *ctx,
             const char    *id)
{
  for (guint i = 0; id != NULL && i < ctx->records->len; i++)
    {
      JsonObject *record = record_fields (ctx, i);

      if (g_strcmp0 (jd_rule_get_string (record, "id"), id) == 0)
        return record;
    }
  return NULL;
}

/* -1, 0 or 1 as @a was recorded before, with or after @b; 2 when a time is missing. */
static int
compare_times (JsonObject *a,
               JsonObject *b)
{
  g_autoptr(GDateTime) ta = NULL;
  g_autoptr(GDateTime) tb = NULL;
  const char *sa = jd_rule_get_string (a, "time");
  const char *sb = jd_rule_get_string (b, "time");

  if (sa == NULL || sb == NULL || (ta = g_date_time_new_from_iso8601 (sa, NULL)) == NULL ||
      (tb = g_date_time_new_from_iso8601 (sb, NULL)) == NULL)
    return 2;
  return g_date_time_compare (ta, tb);
}

/* One correction, @record of @target_id; adds what is wrong with it to @faults or @unknown. */
static void
check_correction (JdRuleContext *ctx,
                  guint          i,
                  GString      **faults,
                  guint         *n_faulty,
                  GString      **unknown,
                  guint         *n_unknown)
{
  JsonObject *record = record_fields (ctx, i);
  const char *id = jd_rule_get_string (record, "id");
  const char *target_id = jd_rule_get_string (record, "corrects");
  JsonObject *target = find_record (ctx, target_id);
  JsonObject *step = target;
  int order;

  if (target == NULL)
    {
      if (list_start_item (faults, n_faulty))
        g_string_append_printf (*faults, _("record %s corrects %s, which is no record of this "
                                           "case"), id, target_id);
      return;
    }

  for (guint hops = 0; step != NULL && step != record && hops <= ctx->records->len; hops++)
    step = find_record (ctx, jd_rule_get_string (step, "corrects"));
  if (step == record)
    {
      if (list_start_item (faults, n_faulty))
        g_string_append_printf (*faults, _("record %s is part of a loop of corrections"), id);
      return;
    }

  for (guint j = 0; j < i; j++)
    {
      JsonObject *other = record_fields (ctx, j);

      if (g_strcmp0 (jd_rule_get_string (other, "corrects"), target_id) == 0)
        {
          if (list_start_item (faults, n_faulty))
            g_string_append_printf (*faults, _("records %s and %s both correct %s"),
                                    jd_rule_get_string (other, "id"), id, target_id);
          break;
        }
    }

  order = compare_times (target, record);
  if (order == 2)
    {
      if (list_start_item (unknown, n_unknown))
        g_string_append_printf (*unknown, _("record %s or the record %s it corrects"), id,
                                target_id);
    }
  else if (order >= 0 && list_start_item (faults, n_faulty))
    g_string_append_printf (*faults, _("record %s corrects %s, which is not earlier"), id,
                            target_id);
}

/* REC-IMMUTABLE. The store refuses edits and deletions of records; what is left to check is
 * that each correction is well formed: it points at an earlier record of the same case, no
 * record is corrected twice, and no chain of corrections comes back on itself. */
void
jd_rule_rec_immutable (JdRuleContext *ctx)
{
  g_autoptr(GString) faults = NULL;
  g_autoptr(GString) unknown = NULL;
  guint n_faulty = 0, n_unknown = 0, n_corrections = 0;
  guint n = ctx->records->len;

  for (guint i = 0; i < n; i++)
    {
      if (jd_rule_get_string (record_fields (ctx, i), "corrects") == NULL)
        continue;
      n_corrections++;
      check_correction (ctx, i, &faults, &n_faulty, &unknown, &n_unknown);
    }

  if (faults != NULL)
    {
      list_finish (faults, n_faulty);
      jd_rule_report (ctx, JD_FINDING_FAIL, _("Malformed corrections: %s"), faults->str);
    }
  else if (unknown != NULL)
    {
      list_finish (unknown, n_unknown);
      jd_rule_report (ctx, JD_FINDING_NEEDS_INPUT, _("Record the time of %s"), unknown->str);
    }
  else if (n_corrections > 0)
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE,
                                 "%u correction, made as a new record pointing at an earlier one",
                                 "%u corrections, each a new record pointing at an earlier one",
                                 n_corrections),
                    n_corrections);
  else
    jd_rule_report (ctx, JD_FINDING_PASS,
                    g_dngettext (GETTEXT_PACKAGE, "%u record, none corrected",
                                 "%u records, none corrected", n),
                    n);
}

void
jd_rule_rec_archive (JdRuleContext *ctx)
{
  GDate closed, archived;
  int days;

  if (!jd_rule_get_date (ctx->fields, "closed_on", &closed))
    {
      jd_rule_report (ctx, JD_FINDING_NOT_APPLICABLE, _("The case is not closed yet"));
      return;
    }
  if (!jd_rule_limit (ctx, "archive_days", &days))
    return;
  jd_rule_get_date (ctx->fields, "archived_on", &archived);
  jd_rule_check_deadline (ctx, _("Archiving the case file"), _("closing"), &closed, days,
                          JD_PERIOD_DAYS, &archived);
}
