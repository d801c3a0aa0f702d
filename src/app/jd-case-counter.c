#include "jd-case-counter.h"

/* A count scans the search texts once, front to back: the file system's cache serves a second
 * scan as well as a bigger page cache would, and the window's memory stays small. */
#define CACHE_KIB 4096

typedef struct
{
  JdCaseFilter      filter;  /* owned strings */
  JdCaseCounterFunc func;
  gpointer          user_data;
  guint             generation;
  gint64            count;
} Request;

struct _JdCaseCounter
{
  GObject   parent_instance;

  char     *db_path;
  /* Opened by the first count and used by one count at a time. The lock guards the pointer,
   * which jd_case_counter_cancel() reads on the main thread to interrupt the count. */
  GMutex    lock;
  JdStore  *store;

  /* Main thread only. */
  guint     generation;  /* of the latest request; atomic reads from the count thread */
  gboolean  running;
  Request  *pending;     /* waiting for the running count to stop */
};

G_DEFINE_FINAL_TYPE (JdCaseCounter, jd_case_counter, G_TYPE_OBJECT)

static void
request_free (Request *request)
{
  g_free ((char *) request->filter.query);
  g_free ((char *) request->filter.agency_id);
  g_free ((char *) request->filter.action_type);
  g_free ((char *) request->filter.due_by);
  g_free ((char *) request->filter.opened_from);
  g_free ((char *) request->filter.opened_to);
  g_free (request);
}

static Request *
request_new (const JdCaseFilter *filter,
             JdCaseCounterFunc   func,
             gpointer            user_data,
             guint               generation)
{
  Request *request = g_new0 (Request, 1);

  request->filter = *filter;
  request->filter.query = g_strdup (filter->query);
  request->filter.agency_id = g_strdup (filter->agency_id);
  request->filter.action_type = g_strdup (filter->action_type);
  request->filter.due_by = g_strdup (filter->due_by);
  request->filter.opened_from = g_strdup (filter->opened_from);
  request->filter.opened_to = g_strdup (filter->opened_to);
  request->func = func;
  request->user_data = user_data;
  request->generation = generation;
  request->count = -1;
  return request;
}

static void
interrupt (JdCaseCounter *self)
{
  g_mutex_lock (&self->lock);
  if (self->store != NULL)
    jd_store_interrupt (self->store);
  g_mutex_unlock (&self->lock);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  JdCaseCounter *self = source_object;
  Request *request = task_data;
  g_autoptr(JdStore) store = NULL;
  GError *error = NULL;

  g_mutex_lock (&self->lock);
  if (self->store != NULL)
    store = g_object_ref (self->store);
  g_mutex_unlock (&self->lock);

  if (store == NULL)
    {
      store = jd_store_open (self->db_path, JD_STORE_OPEN_NONE, &error);
      if (store == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      jd_store_set_cache_size (store, CACHE_KIB);
      g_mutex_lock (&self->lock);
      self->store = g_object_ref (store);
      g_mutex_unlock (&self->lock);
    }

  /* Overtaken while it waited for a thread. */
  if ((guint) g_atomic_int_get (&self->generation) != request->generation)
    {
      g_task_return_boolean (task, FALSE);
      return;
    }

  request->count = jd_store_count_cases_filtered (store, &request->filter, &error);
  if (request->count < 0)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void start (JdCaseCounter *self,
                   Request       *request);

static void
count_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  JdCaseCounter *self = JD_CASE_COUNTER (source_object);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gboolean counted;

  self->running = FALSE;
  counted = g_task_propagate_boolean (G_TASK (result), &error);
  if (request->generation == self->generation && (counted || error != NULL))
    request->func (counted ? request->count : -1, error, request->user_data);

  if (self->pending != NULL && !self->running)
    start (self, g_steal_pointer (&self->pending));
}

static void
start (JdCaseCounter *self,
       Request       *request)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, count_done_cb, NULL);

  self->running = TRUE;
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);
  g_task_run_in_thread (task, count_thread);
}

static void
jd_case_counter_finalize (GObject *object)
{
  JdCaseCounter *self = JD_CASE_COUNTER (object);

  /* A running count holds a reference: none runs now. */
  g_clear_pointer (&self->pending, request_free);
  g_clear_object (&self->store);
  g_mutex_clear (&self->lock);
  g_free (self->db_path);

  G_OBJECT_CLASS (jd_case_counter_parent_class)->finalize (object);
}

static void
jd_case_counter_class_init (JdCaseCounterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_case_counter_finalize;
}

static void
jd_case_counter_init (JdCaseCounter *self)
{
  g_mutex_init (&self->lock);
}

JdCaseCounter *
jd_case_counter_new (const char *db_path)
{
  JdCaseCounter *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (JD_TYPE_CASE_COUNTER, NULL);
  self->db_path = g_strdup (db_path);
  return self;
}

void
jd_case_counter_count (JdCaseCounter      *self,
                       const JdCaseFilter *filter,
                       JdCaseCounterFunc   func,
                       gpointer            user_data)
{
  Request *request;

  g_return_if_fail (JD_IS_CASE_COUNTER (self));
  g_return_if_fail (filter != NULL);
  g_return_if_fail (func != NULL);

  g_atomic_int_inc (&self->generation);
  request = request_new (filter, func, user_data, self->generation);
  if (self->running)
    {
      g_clear_pointer (&self->pending, request_free);
      self->pending = request;
      interrupt (self);
      return;
    }
  start (self, request);
}

void
jd_case_counter_cancel (JdCaseCounter *self)
{
  g_return_if_fail (JD_IS_CASE_COUNTER (self));

  g_atomic_int_inc (&self->generation);
  g_clear_pointer (&self->pending, request_free);
  if (self->running)
    interrupt (self);
}

gboolean
jd_case_counter_is_busy (JdCaseCounter *self)
{
  g_return_val_if_fail (JD_IS_CASE_COUNTER (self), FALSE);

  return self->running || self->pending != NULL;
}
