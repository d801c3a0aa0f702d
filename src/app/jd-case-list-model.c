#include "jd-case-list-model.h"

#include "jd-case-counter.h"

/* Pages kept: a screenful spans two at most, and scrolling back and forth stays in the cache. */
#define MAX_PAGES 8

struct _JdCaseListModel
{
  GObject     parent_instance;

  /* owned references */
  JdStore    *store;
  char       *query;
  char       *action_type;
  char       *agency_id;
  char       *due_by;
  char       *opened_from;
  char       *opened_to;
  gboolean    with_errors;
  GHashTable *pages;   /* page number → GPtrArray of JdCase */
  GQueue      lru;     /* page numbers, the most recently used first */
  JdCaseCounter *counter;  /* made by the first list longer than a page */

  JdCaseSort  sort;
  guint       n_items;
  guint       n_pages_loaded;
  gboolean    counting;  /* n_items is the first page until the count comes */
};

enum
{
  PROP_0,
  PROP_QUERY,
  PROP_ACTION_TYPE,
  PROP_AGENCY_ID,
  PROP_N_ITEMS,
  PROP_COUNTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdCaseListModel, jd_case_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
fill_filter (JdCaseListModel *self,
             JdCaseFilter    *filter)
{
  filter->query = self->query;
  filter->agency_id = self->agency_id;
  filter->action_type = self->action_type;
  filter->sort = self->sort;
  filter->with_errors = self->with_errors;
  filter->max_hits = JD_CASE_LIST_MAX_HITS;
  filter->due_by = self->due_by;
  filter->opened_from = self->opened_from;
  filter->opened_to = self->opened_to;
}

static GPtrArray *
get_page (JdCaseListModel *self,
          guint            number)
{
  g_autoptr(GError) error = NULL;
  JdCaseFilter filter = { 0 };
  GPtrArray *page;

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (number));
  if (page != NULL)
    {
      GList *link = g_queue_find (&self->lru, GUINT_TO_POINTER (number));

      g_queue_unlink (&self->lru, link);
      g_queue_push_head_link (&self->lru, link);
      return page;
    }

  fill_filter (self, &filter);
  page = jd_store_list_cases_filtered (self->store, &filter, number * JD_CASE_LIST_PAGE_SIZE,
                                       JD_CASE_LIST_PAGE_SIZE, &error);
  if (page == NULL)
    {
      g_warning ("Could not read cases %u to %u: %s", number * JD_CASE_LIST_PAGE_SIZE,
                 (number + 1) * JD_CASE_LIST_PAGE_SIZE, error->message);
      return NULL;
    }
  self->n_pages_loaded++;

  if (g_queue_get_length (&self->lru) >= MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (number), page);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (number));
  return page;
}

static GType
get_item_type (GListModel *model)
{
  return JD_TYPE_CASE;
}

static guint
get_n_items (GListModel *model)
{
  return JD_CASE_LIST_MODEL (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  JdCaseListModel *self = JD_CASE_LIST_MODEL (model);
  guint index = position % JD_CASE_LIST_PAGE_SIZE;
  GPtrArray *page;

  if (position >= self->n_items)
    return NULL;

  page = get_page (self, position / JD_CASE_LIST_PAGE_SIZE);
  /* Cases deleted by another program since the count leave the page short. */
  if (page == NULL || index >= page->len)
    return NULL;

  return g_object_ref (page->pdata[index]);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
jd_case_list_model_finalize (GObject *object)
{
  JdCaseListModel *self = JD_CASE_LIST_MODEL (object);

  /* A count still running holds the counter, not the model. */
  if (self->counter != NULL)
    jd_case_counter_cancel (self->counter);
  g_clear_object (&self->counter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->query, g_free);
  g_clear_pointer (&self->action_type, g_free);
  g_clear_pointer (&self->agency_id, g_free);
  g_clear_pointer (&self->due_by, g_free);
  g_clear_pointer (&self->opened_from, g_free);
  g_clear_pointer (&self->opened_to, g_free);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_queue_clear (&self->lru);

  G_OBJECT_CLASS (jd_case_list_model_parent_class)->finalize (object);
}

static void
jd_case_list_model_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  JdCaseListModel *self = JD_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;
    case PROP_ACTION_TYPE:
      g_value_set_string (value, self->action_type);
      break;
    case PROP_AGENCY_ID:
      g_value_set_string (value, self->agency_id);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->n_items);
      break;
    case PROP_COUNTING:
      g_value_set_boolean (value, self->counting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_case_list_model_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  JdCaseListModel *self = JD_CASE_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      jd_case_list_model_set_query (self, g_value_get_string (value));
      break;
    case PROP_ACTION_TYPE:
      jd_case_list_model_set_action_type (self, g_value_get_string (value));
      break;
    case PROP_AGENCY_ID:
      jd_case_list_model_set_agency_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_case_list_model_class_init (JdCaseListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_case_list_model_finalize;
  object_class->get_property = jd_case_list_model_get_property;
  object_class->set_property = jd_case_list_model_set_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTION_TYPE] =
    g_param_spec_string ("action-type", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AGENCY_ID] =
    g_param_spec_string ("agency-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COUNTING] =
    g_param_spec_boolean ("counting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jd_case_list_model_init (JdCaseListModel *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

JdCaseListModel *
jd_case_list_model_new (JdStore *store)
{
  JdCaseListModel *self;

  g_return_val_if_fail (JD_IS_STORE (store), NULL);

  self = g_object_new (JD_TYPE_CASE_LIST_MODEL, NULL);
  self->store = g_object_ref (store);
  jd_case_list_model_reload (self);
  return self;
}

JdStore *
jd_case_list_model_get_store (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), NULL);

  return self->store;
}

static void
set_counting (JdCaseListModel *self,
              gboolean         counting)
{
  if (self->counting == counting)
    return;
  self->counting = counting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTING]);
}

/* The count of a list longer than its first page: the list grows (or shrinks, after cases
 * were deleted in between) at its end, past the rows shown. */
static void
counted_cb (gint64        count,
            const GError *error,
            gpointer      user_data)
{
  JdCaseListModel *self = user_data;
  guint old_n_items = self->n_items;

  /* The thread could not (its own connection could not open the file, say): the window's
   * connection counts, as it did before there was a thread. */
  if (count < 0)
    {
      g_autoptr(GError) local_error = NULL;
      JdCaseFilter filter = { 0 };

      g_warning ("Could not count the cases on a thread: %s", error->message);
      fill_filter (self, &filter);
      count = jd_store_count_cases_filtered (self->store, &filter, &local_error);
      if (count < 0)
        {
          g_warning ("Could not count the cases: %s", local_error->message);
          count = old_n_items;
        }
    }

  self->n_items = MIN (count, G_MAXUINT);
  if (self->n_items > old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n_items, 0,
                                self->n_items - old_n_items);
  else if (self->n_items < old_n_items)
    g_list_model_items_changed (G_LIST_MODEL (self), self->n_items,
                                old_n_items - self->n_items, 0);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  /* Last: whoever says how many there are finds the count final. */
  set_counting (self, FALSE);
}

void
jd_case_list_model_reload (JdCaseListModel *self)
{
  JdCaseFilter filter = { 0 };
  guint old_n_items;
  GPtrArray *first;
  guint count;

  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);

  /* The first page is what the list shows first; when it is not full, it is the whole count.
   * Otherwise the list starts with it, and a thread counts the rest. */
  first = get_page (self, 0);
  count = first != NULL ? first->len : 0;
  if (count == JD_CASE_LIST_PAGE_SIZE)
    {
      if (self->counter == NULL)
        self->counter = jd_case_counter_new (jd_store_get_path (self->store));
      fill_filter (self, &filter);
      jd_case_counter_count (self->counter, &filter, counted_cb, self);
    }
  else if (self->counter != NULL)
    jd_case_counter_cancel (self->counter);

  /* First: whoever says how many there are knows the first page is not the count. */
  set_counting (self, count == JD_CASE_LIST_PAGE_SIZE);
  old_n_items = self->n_items;
  self->n_items = count;
  /* Every item changes. The case list does not show this model to GTK, whose list views would
   * look for the rows they could keep among all the new items (see jd-case-rows.h). */
  if (old_n_items > 0 || self->n_items > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n_items, self->n_items);
  if (old_n_items != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

const char *
jd_case_list_model_get_query (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), NULL);

  return self->query;
}

void
jd_case_list_model_set_query (JdCaseListModel *self,
                              const char      *query)
{
  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));

  if (!replace_string (&self->query, query))
    return;
  jd_case_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

const char *
jd_case_list_model_get_action_type (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), NULL);

  return self->action_type;
}

void
jd_case_list_model_set_action_type (JdCaseListModel *self,
                                    const char      *action_type)
{
  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));

  if (!replace_string (&self->action_type, action_type))
    return;
  jd_case_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_TYPE]);
}

void
jd_case_list_model_set_checks_filter (JdCaseListModel *self,
                                      gboolean         with_errors,
                                      const char      *due_by)
{
  gboolean changed;

  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));

  changed = replace_string (&self->due_by, due_by);
  changed |= self->with_errors != !!with_errors;
  self->with_errors = !!with_errors;
  if (changed)
    jd_case_list_model_reload (self);
}

void
jd_case_list_model_set_opened (JdCaseListModel *self,
                               const char      *opened_from,
                               const char      *opened_to)
{
  gboolean changed;

  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));

  changed = replace_string (&self->opened_from, opened_from);
  changed |= replace_string (&self->opened_to, opened_to);
  if (changed)
    jd_case_list_model_reload (self);
}

void
jd_case_list_model_set_filter (JdCaseListModel    *self,
                               const JdCaseFilter *filter)
{
  gboolean query, agency, type, other;

  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));
  g_return_if_fail (filter != NULL);

  query = replace_string (&self->query, filter->query);
  agency = replace_string (&self->agency_id, filter->agency_id);
  type = replace_string (&self->action_type, filter->action_type);
  other = replace_string (&self->due_by, filter->due_by);
  other |= replace_string (&self->opened_from, filter->opened_from);
  other |= replace_string (&self->opened_to, filter->opened_to);
  other |= self->with_errors != !!filter->with_errors;
  self->with_errors = !!filter->with_errors;
  if (!query && !agency && !type && !other)
    return;

  jd_case_list_model_reload (self);
  if (query)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  if (agency)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY_ID]);
  if (type)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTION_TYPE]);
}

void
jd_case_list_model_get_filter (JdCaseListModel *self,
                               JdCaseFilter    *filter)
{
  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));
  g_return_if_fail (filter != NULL);

  fill_filter (self, filter);
}

const char *
jd_case_list_model_get_agency_id (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), NULL);

  return self->agency_id;
}

void
jd_case_list_model_set_agency_id (JdCaseListModel *self,
                                  const char      *agency_id)
{
  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));

  if (!replace_string (&self->agency_id, agency_id))
    return;
  jd_case_list_model_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AGENCY_ID]);
}

JdCaseSort
jd_case_list_model_get_sort (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), JD_CASE_SORT_OPENED_DESC);

  return self->sort;
}

void
jd_case_list_model_set_sort (JdCaseListModel *self,
                             JdCaseSort       sort)
{
  g_return_if_fail (JD_IS_CASE_LIST_MODEL (self));

  if (self->sort == sort)
    return;
  self->sort = sort;
  jd_case_list_model_reload (self);
}

guint
jd_case_list_model_get_n_pages_loaded (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), 0);

  return self->n_pages_loaded;
}

guint
jd_case_list_model_get_n_pages_cached (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), 0);

  return g_hash_table_size (self->pages);
}

gboolean
jd_case_list_model_is_counting (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), FALSE);

  return self->counting;
}

gboolean
jd_case_list_model_is_capped (JdCaseListModel *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (self), FALSE);

  return self->query != NULL && *self->query != '\0' && self->n_items >= JD_CASE_LIST_MAX_HITS;
}
