#include "jd-case-checker.h"

#include <string.h>

#include "jd-rule-context.h"

/* Enough for every row a window shows and the pages around it; past it the cache starts over,
 * which costs one rules run per visible row. */
#define MAX_CACHED 4096

/* How long a refresh of every case waits when another program holds the database. */
#define RETRY_SECONDS 5

typedef struct
{
  GPtrArray *findings;
  GPtrArray *records;
} Entry;

struct _JdCaseChecker
{
  GObject      parent_instance;

  /* owned references */
  JdStore     *store;
  JdValidator *validator;
  JdRuleData  *data;    /* what the rules of a case look up: agencies and officers */
  JdRuleData  *full;    /* every object but cases and records, loaded when first asked for */
  GHashTable  *cache;   /* case id → Entry */
  char        *profile_id;
  GDate        as_of;

  /* The refresh of the store's case checks running on a worker thread, if any. */
  GCancellable *refresh_cancellable;
  gint          refresh_done;   /* atomic: cases checked so far */
  gint          refresh_total;  /* atomic: cases to check */
  guint         refresh_poll_id;
  guint         retry_id;      /* a refresh waiting for the database to be free */

  guint        n_checked;
  guint        n_summaries_stored;
  /* Whether the store's checks are of the profile and date configured: -1 not known yet. */
  int          checks_current;
};

G_DEFINE_FINAL_TYPE (JdCaseChecker, jd_case_checker, G_TYPE_OBJECT)

enum
{
  CHANGED,
  REFRESH_PROGRESS,
  CHECKS_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
entry_free (Entry *entry)
{
  g_ptr_array_unref (entry->findings);
  g_ptr_array_unref (entry->records);
  g_free (entry);
}

static void
jd_case_checker_finalize (GObject *object)
{
  JdCaseChecker *self = JD_CASE_CHECKER (object);

  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_poll_id, g_source_remove);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_object (&self->store);
  g_clear_object (&self->validator);
  g_clear_object (&self->data);
  g_clear_object (&self->full);
  g_clear_pointer (&self->cache, g_hash_table_unref);

  G_OBJECT_CLASS (jd_case_checker_parent_class)->finalize (object);
}

static void
jd_case_checker_class_init (JdCaseCheckerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_case_checker_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* While jd_case_checker_refresh_all() runs: how far it is, from 0 to 1. */
  signals[REFRESH_PROGRESS] = g_signal_new ("refresh-progress", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                            1, G_TYPE_DOUBLE);
  /* The store's case checks are up to date (the filters on findings can be read again). */
  signals[CHECKS_UPDATED] = g_signal_new ("checks-updated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
jd_case_checker_init (JdCaseChecker *self)
{
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) entry_free);
  self->checks_current = -1;
}

JdCaseChecker *
jd_case_checker_new (JdStore *store)
{
  JdCaseChecker *self;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);

  self = g_object_new (JD_TYPE_CASE_CHECKER, NULL);
  self->store = g_object_ref (store);
  return self;
}

gboolean
jd_case_checker_configure (JdCaseChecker  *self,
                           const char     *profile_id,
                           const char     *as_of,
                           GError        **error)
{
  g_autoptr(JdProfile) profile = NULL;
  GDate date;

  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), FALSE);

  g_date_clear (&date, 1);
  if (as_of != NULL && *as_of != '\0')
    {
      if (!jd_rule_parse_date (as_of, &date) || strlen (as_of) != 10)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       "“%s” is not a date as YYYY-MM-DD", as_of);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  profile = jd_profile_load (profile_id != NULL ? profile_id : "beijing", error);
  if (profile == NULL)
    return FALSE;

  g_clear_object (&self->validator);
  self->validator = jd_validator_new (profile, jd_calendar_get_default (), &date);
  g_free (self->profile_id);
  self->profile_id = g_strdup (jd_profile_get_id (profile));
  self->as_of = date;
  g_hash_table_remove_all (self->cache);
  self->checks_current = -1;
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

gboolean
jd_case_checker_reload (JdCaseChecker  *self,
                        GError        **error)
{
  JdRuleData *data;

  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), FALSE);

  data = jd_validator_load_case_data (self->store, error);
  if (data == NULL)
    return FALSE;

  g_clear_object (&self->data);
  self->data = data;
  /* Loaded again when next asked for. */
  g_clear_object (&self->full);
  g_hash_table_remove_all (self->cache);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

/* Checking every case: on a worker thread with its own connection, as the window writes
 * sample data; WAL lets the window read meanwhile. */

typedef struct
{
  char  *path;
  char  *profile_id;
  GDate  as_of;
} RefreshData;

static void
refresh_data_free (RefreshData *data)
{
  g_free (data->path);
  g_free (data->profile_id);
  g_free (data);
}

static void
refresh_progress_cb (guint64  done,
                     guint64  total,
                     gpointer user_data)
{
  JdCaseChecker *self = user_data;

  g_atomic_int_set (&self->refresh_total, (gint) MIN (total, G_MAXINT));
  g_atomic_int_set (&self->refresh_done, (gint) MIN (done, G_MAXINT));
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  JdCaseChecker *self = source_object;
  RefreshData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JdStore) store = NULL;
  g_autoptr(JdProfile) profile = NULL;
  g_autoptr(JdValidator) validator = NULL;
  g_autoptr(JdRuleData) rule_data = NULL;
  gint64 n;

  store = jd_store_open (data->path, JD_STORE_OPEN_NONE, &error);
  /* It reads each case once: a small page cache, so that the window stays small beside it. */
  if (store != NULL)
    jd_store_set_cache_size (store, 4096);
  if (store != NULL)
    profile = jd_profile_load (data->profile_id, &error);
  if (profile != NULL)
    {
      validator = jd_validator_new (profile, jd_calendar_get_default (), &data->as_of);
      g_atomic_int_set (&self->refresh_total,
                        (gint) MAX (0, jd_case_checks_count_stale (store, validator, NULL)));
      rule_data = jd_validator_load_case_data (store, &error);
    }
  if (rule_data == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  n = jd_case_checks_refresh (store, validator, rule_data, refresh_progress_cb, self, cancellable,
                              &error);
  if (n < 0)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, n);
}

static gboolean
refresh_poll_cb (gpointer user_data)
{
  JdCaseChecker *self = user_data;

  g_signal_emit (self, signals[REFRESH_PROGRESS], 0, jd_case_checker_get_refresh_fraction (self));
  return G_SOURCE_CONTINUE;
}

static gboolean
retry_refresh_cb (gpointer user_data)
{
  JdCaseChecker *self = user_data;

  self->retry_id = 0;
  jd_case_checker_refresh_all (self);
  return G_SOURCE_REMOVE;
}

static void
refresh_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  JdCaseChecker *self = JD_CASE_CHECKER (source);
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_task_propagate_int (G_TASK (result), &error);
  /* A newer refresh replaced this one: it reports for both. */
  if (cancellable != self->refresh_cancellable)
    return;
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->refresh_poll_id, g_source_remove);
  if (g_error_matches (error, JD_STORE_ERROR, JD_STORE_ERROR_LOCKED))
    {
      /* A long write (sample data, an import, a sync) holds the database: what was checked is
       * kept, and the rest waits for the next try. */
      g_debug ("Checking every case again later: %s", error->message);
      if (self->retry_id == 0)
        self->retry_id = g_timeout_add_seconds (RETRY_SECONDS, retry_refresh_cb, self);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not check every case: %s", error->message);
  self->checks_current = -1;
  g_signal_emit (self, signals[CHECKS_UPDATED], 0);
}

void
jd_case_checker_refresh_all (JdCaseChecker *self)
{
  g_autoptr(GTask) task = NULL;
  RefreshData *data;

  g_return_if_fail (JD_IS_CASE_CHECKER (self));

  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
  g_clear_object (&self->refresh_cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->validator == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!jd_case_checker_configure (self, NULL, NULL, &error))
        {
          g_warning ("Could not load the rules profile: %s", error->message);
          return;
        }
    }

  data = g_new0 (RefreshData, 1);
  data->path = g_strdup (jd_store_get_path (self->store));
  data->profile_id = g_strdup (self->profile_id);
  data->as_of = self->as_of;
  g_atomic_int_set (&self->refresh_done, 0);
  g_atomic_int_set (&self->refresh_total, 0);
  self->refresh_cancellable = g_cancellable_new ();
  task = g_task_new (self, self->refresh_cancellable, refresh_done_cb, NULL);
  g_task_set_source_tag (task, jd_case_checker_refresh_all);
  g_task_set_task_data (task, data, (GDestroyNotify) refresh_data_free);
  g_task_run_in_thread (task, refresh_thread);
  if (self->refresh_poll_id == 0)
    self->refresh_poll_id = g_timeout_add (250, refresh_poll_cb, self);
}

void
jd_case_checker_cancel_refresh (JdCaseChecker *self)
{
  g_return_if_fail (JD_IS_CASE_CHECKER (self));

  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->refresh_cancellable != NULL)
    g_cancellable_cancel (self->refresh_cancellable);
}

gboolean
jd_case_checker_is_refreshing (JdCaseChecker *self)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), FALSE);

  return self->refresh_cancellable != NULL;
}

double
jd_case_checker_get_refresh_fraction (JdCaseChecker *self)
{
  int total;

  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), 0);

  total = g_atomic_int_get (&self->refresh_total);
  if (self->refresh_cancellable == NULL)
    return 1;
  if (total <= 0)
    return 0;
  return (double) g_atomic_int_get (&self->refresh_done) / total;
}

static gboolean
take_records_cb (JdCase     *kase,
                 GPtrArray  *records,
                 gpointer    user_data,
                 GError    **error)
{
  GPtrArray **out = user_data;

  *out = g_ptr_array_ref (records);
  return TRUE;
}

static void
add_finding_cb (const JdFinding *finding,
                gpointer         user_data)
{
  g_ptr_array_add (user_data, jd_finding_copy (finding));
}

static int
status_rank (JdFindingStatus status)
{
  switch (status)
    {
    case JD_FINDING_FAIL:
      return 0;
    case JD_FINDING_NEEDS_INPUT:
      return 1;
    case JD_FINDING_PASS:
      return 2;
    case JD_FINDING_NOT_APPLICABLE:
    default:
      return 3;
    }
}

int
jd_case_checker_compare_findings (gconstpointer a,
                                  gconstpointer b)
{
  const JdFinding *fa = *(JdFinding **) a;
  const JdFinding *fb = *(JdFinding **) b;
  int diff = status_rank (fa->status) - status_rank (fb->status);

  if (diff != 0)
    return diff;
  if (fa->severity != fb->severity)
    return (int) fa->severity - (int) fb->severity;
  return g_strcmp0 (fa->rule, fb->rule);
}

static Entry *
lookup (JdCaseChecker *self,
        JdCase        *kase)
{
  const char *id = jd_entity_get_id (JD_ENTITY (kase));
  g_autoptr(GError) error = NULL;
  GPtrArray *records = NULL;
  Entry *entry;

  entry = g_hash_table_lookup (self->cache, id);
  if (entry != NULL)
    return entry;

  if (self->data == NULL && !jd_case_checker_reload (self, &error))
    g_warning ("Could not load the data the rules need: %s", error->message);
  if (self->validator == NULL && !jd_case_checker_configure (self, NULL, NULL, &error))
    g_warning ("Could not load the rules profile: %s", error->message);
  g_clear_error (&error);

  if (!jd_store_foreach_case (self->store, id, take_records_cb, &records, &error))
    g_warning ("Could not read the records of case %s: %s", id, error->message);

  entry = g_new0 (Entry, 1);
  entry->findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_finding_free);
  entry->records = records != NULL ? records : g_ptr_array_new ();
  if (self->validator != NULL && self->data != NULL)
    {
      jd_validator_check_entity (self->validator, self->data, JD_ENTITY (kase), entry->records,
                                 add_finding_cb, entry->findings);
      self->n_checked++;
    }
  g_ptr_array_sort (entry->findings, jd_case_checker_compare_findings);

  if (g_hash_table_size (self->cache) >= MAX_CACHED)
    g_hash_table_remove_all (self->cache);
  g_hash_table_insert (self->cache, g_strdup (id), entry);
  return entry;
}

GPtrArray *
jd_case_checker_check (JdCaseChecker *self,
                       JdCase        *kase)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);
  g_return_val_if_fail (JD_IS_CASE (kase), NULL);

  return lookup (self, kase)->findings;
}

static gboolean
checks_are_current (JdCaseChecker *self)
{
  g_autoptr(GError) error = NULL;

  if (self->checks_current < 0)
    {
      self->checks_current = jd_case_checks_are_current (self->store, self->validator, &error);
      if (error != NULL)
        g_warning ("Could not read which checks the store holds: %s", error->message);
    }
  return self->checks_current > 0;
}

void
jd_case_checker_summarize (JdCaseChecker *self,
                           JdCase        *kase,
                           JdCaseSummary *summary)
{
  const char *id;
  JdCaseCheck check;
  gboolean found = FALSE;

  g_return_if_fail (JD_IS_CASE_CHECKER (self));
  g_return_if_fail (JD_IS_CASE (kase));

  id = jd_entity_get_id (JD_ENTITY (kase));
  /* The list shows 200 rows at a time: what the refresh found spares running their rules. */
  if (self->validator != NULL && !g_hash_table_contains (self->cache, id) &&
      checks_are_current (self))
    {
      g_autoptr(GError) error = NULL;

      if (!jd_case_checks_get (self->store, id, &check, &found, &error))
        g_warning ("Could not read the check of case %s: %s", id, error->message);
    }

  if (found)
    self->n_summaries_stored++;
  else
    {
      GPtrArray *findings = lookup (self, kase)->findings;

      memset (&check, 0, sizeof check);
      g_date_clear (&check.next_due, 1);
      for (guint i = 0; i < findings->len; i++)
        {
          const JdFinding *finding = findings->pdata[i];

          if (jd_finding_is_blocking (finding))
            check.n_errors++;
          else if (finding->status == JD_FINDING_FAIL)
            check.n_warnings++;
          if (finding->open && g_date_valid (&finding->due) &&
              (!g_date_valid (&check.next_due) ||
               g_date_compare (&finding->due, &check.next_due) < 0))
            check.next_due = finding->due;
        }
    }

  summary->n_errors = check.n_errors;
  summary->n_warnings = check.n_warnings;
  summary->next_due = check.next_due;
  summary->days_left = g_date_valid (&check.next_due)
                         ? g_date_days_between (&self->as_of, &check.next_due) : 0;
}

GPtrArray *
jd_case_checker_get_records (JdCaseChecker *self,
                             JdCase        *kase)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);
  g_return_val_if_fail (JD_IS_CASE (kase), NULL);

  return lookup (self, kase)->records;
}

void
jd_case_checker_forget (JdCaseChecker *self,
                        const char    *case_id)
{
  g_return_if_fail (JD_IS_CASE_CHECKER (self));
  g_return_if_fail (case_id != NULL);

  g_hash_table_remove (self->cache, case_id);
}

static const char *
entity_name (JdCaseChecker *self,
             JdCollection   collection,
             const char    *id)
{
  g_autoptr(GError) error = NULL;
  JdEntity *entity;

  if (id == NULL)
    return NULL;
  if (self->data == NULL && !jd_case_checker_reload (self, &error))
    return id;
  entity = jd_rule_data_get (self->data, collection, id);
  if (entity == NULL)
    return id;
  return jd_entity_get_string (entity, "name");
}

const char *
jd_case_checker_agency_name (JdCaseChecker *self,
                             const char    *agency_id)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);

  return entity_name (self, JD_COLLECTION_AGENCIES, agency_id);
}

const char *
jd_case_checker_officer_name (JdCaseChecker *self,
                              const char    *officer_id)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);

  return entity_name (self, JD_COLLECTION_OFFICERS, officer_id);
}

JdStore *
jd_case_checker_get_store (JdCaseChecker *self)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);

  return self->store;
}

static gboolean
ensure_ready (JdCaseChecker *self)
{
  g_autoptr(GError) error = NULL;

  if (self->data == NULL && !jd_case_checker_reload (self, &error))
    g_warning ("Could not load the data the rules need: %s", error->message);
  g_clear_error (&error);
  if (self->validator == NULL && !jd_case_checker_configure (self, NULL, NULL, &error))
    g_warning ("Could not load the rules profile: %s", error->message);
  return self->validator != NULL && self->data != NULL;
}

/* As ensure_ready(), with every object the rules of objects other than cases look up. */
static JdRuleData *
ensure_full (JdCaseChecker *self)
{
  g_autoptr(GError) error = NULL;

  if (!ensure_ready (self))
    return NULL;
  if (self->full == NULL)
    {
      self->full = jd_validator_load_data (self->store, &error);
      if (self->full == NULL)
        g_warning ("Could not load the data the rules need: %s", error->message);
    }
  return self->full;
}

JdProfile *
jd_case_checker_get_profile (JdCaseChecker *self)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);

  return ensure_ready (self) ? jd_validator_get_profile (self->validator) : NULL;
}

const GDate *
jd_case_checker_get_as_of (JdCaseChecker *self)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);

  return ensure_ready (self) ? jd_validator_get_as_of (self->validator) : NULL;
}

GPtrArray *
jd_case_checker_check_draft (JdCaseChecker *self,
                             JdCase        *draft)
{
  GPtrArray *findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_finding_free);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), findings);
  g_return_val_if_fail (JD_IS_CASE (draft), findings);

  if (!ensure_ready (self))
    return findings;
  if (!jd_store_foreach_case (self->store, jd_entity_get_id (JD_ENTITY (draft)),
                              take_records_cb, &records, &error))
    g_warning ("Could not read the records of case %s: %s",
               jd_entity_get_id (JD_ENTITY (draft)), error->message);
  if (records == NULL)
    records = g_ptr_array_new ();
  jd_validator_check_entity (self->validator, self->data, JD_ENTITY (draft), records,
                             add_finding_cb, findings);
  g_ptr_array_sort (findings, jd_case_checker_compare_findings);
  return findings;
}

static GPtrArray *
copy_entities (GPtrArray *entities)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; entities != NULL && i < entities->len; i++)
    g_ptr_array_add (copy, g_object_ref (entities->pdata[i]));
  return copy;
}

GPtrArray *
jd_case_checker_list (JdCaseChecker *self,
                      JdCollection   collection)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);
  g_return_val_if_fail (collection != JD_COLLECTION_CASES &&
                        collection != JD_COLLECTION_RECORDS, NULL);

  if (collection == JD_COLLECTION_AGENCIES || collection == JD_COLLECTION_OFFICERS)
    return copy_entities (ensure_ready (self) ? jd_rule_data_list (self->data, collection)
                                              : NULL);
  if (ensure_full (self) == NULL)
    return copy_entities (NULL);
  return copy_entities (jd_rule_data_list (self->full, collection));
}

GPtrArray *
jd_case_checker_letters_for (JdCaseChecker *self,
                             const char    *supervision_case_id)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), NULL);

  if (ensure_full (self) == NULL || supervision_case_id == NULL)
    return copy_entities (NULL);
  return copy_entities (jd_rule_data_letters_for (self->full, supervision_case_id));
}

typedef struct
{
  GPtrArray  *findings;
  const char *prefix;
} EntityCheck;

static void
add_entity_finding_cb (const JdFinding *finding,
                       gpointer         user_data)
{
  EntityCheck *check = user_data;

  if (check->prefix == NULL || g_str_has_prefix (finding->rule, check->prefix))
    g_ptr_array_add (check->findings, jd_finding_copy (finding));
}

GPtrArray *
jd_case_checker_check_entity (JdCaseChecker *self,
                              JdEntity      *entity,
                              const char    *rule_prefix)
{
  EntityCheck check = { NULL, rule_prefix };

  check.findings = g_ptr_array_new_with_free_func ((GDestroyNotify) jd_finding_free);
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), check.findings);
  g_return_val_if_fail (JD_IS_ENTITY (entity) && !JD_IS_CASE (entity), check.findings);

  if (ensure_full (self) == NULL)
    return check.findings;
  jd_validator_check_entity (self->validator, self->full, entity, NULL, add_entity_finding_cb,
                             &check);
  g_ptr_array_sort (check.findings, jd_case_checker_compare_findings);
  return check.findings;
}

guint
jd_case_checker_get_n_summaries_stored (JdCaseChecker *self)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), 0);

  return self->n_summaries_stored;
}

guint
jd_case_checker_get_n_checked (JdCaseChecker *self)
{
  g_return_val_if_fail (JD_IS_CASE_CHECKER (self), 0);

  return self->n_checked;
}
