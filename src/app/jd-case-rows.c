#include "jd-case-rows.h"

struct _JdCaseRow
{
  GObject  parent_instance;

  JdCase  *kase;
  guint    position;
};

enum
{
  ROW_PROP_0,
  ROW_PROP_CASE,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

G_DEFINE_FINAL_TYPE (JdCaseRow, jd_case_row, G_TYPE_OBJECT)

static void
jd_case_row_finalize (GObject *object)
{
  JdCaseRow *self = JD_CASE_ROW (object);

  g_clear_object (&self->kase);

  G_OBJECT_CLASS (jd_case_row_parent_class)->finalize (object);
}

static void
jd_case_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  JdCaseRow *self = JD_CASE_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jd_case_row_class_init (JdCaseRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jd_case_row_finalize;
  object_class->get_property = jd_case_row_get_property;

  row_properties[ROW_PROP_CASE] =
    g_param_spec_object ("case", NULL, NULL, JD_TYPE_CASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
jd_case_row_init (JdCaseRow *self)
{
}

JdCase *
jd_case_row_get_case (JdCaseRow *self)
{
  g_return_val_if_fail (JD_IS_CASE_ROW (self), NULL);

  return self->kase;
}

static void
row_set_case (JdCaseRow *self,
              JdCase    *kase)
{
  if (g_set_object (&self->kase, kase))
    g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_CASE]);
}

struct _JdCaseRows
{
  GObject          parent_instance;

  JdCaseListModel *cases;
  guint            n_items;
  /* position → JdCaseRow, not owned: the rows someone (the column view) holds. A weak reference
   * takes a row out when it goes. */
  GHashTable      *rows;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (JdCaseRows, jd_case_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static gboolean
is_row (gpointer key,
        gpointer value,
        gpointer row)
{
  return value == row;
}

static void
row_gone_cb (gpointer  data,
             GObject  *where_the_row_was)
{
  JdCaseRows *self = data;

  g_hash_table_foreach_remove (self->rows, is_row, where_the_row_was);
}

static GType
get_item_type (GListModel *model)
{
  return JD_TYPE_CASE_ROW;
}

static guint
get_n_items (GListModel *model)
{
  return JD_CASE_ROWS (model)->n_items;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  JdCaseRows *self = JD_CASE_ROWS (model);
  JdCaseRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->rows, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  row = g_object_new (JD_TYPE_CASE_ROW, NULL);
  row->position = position;
  row->kase = g_list_model_get_item (G_LIST_MODEL (self->cases), position);
  g_object_weak_ref (G_OBJECT (row), row_gone_cb, self);
  g_hash_table_insert (self->rows, GUINT_TO_POINTER (position), row);
  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static int
compare_positions (gconstpointer a,
                   gconstpointer b)
{
  guint pa = (*(JdCaseRow * const *) a)->position;
  guint pb = (*(JdCaseRow * const *) b)->position;

  return pa < pb ? -1 : pa > pb;
}

/* The rows held from @position on take the case now there; the rows past the new end go. */
static void
cases_changed_cb (GListModel *cases,
                  guint       position,
                  guint       removed,
                  guint       added,
                  JdCaseRows *self)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (cases);
  GHashTableIter iter;
  gpointer value;

  self->n_items = new_n;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      JdCaseRow *row = value;

      if (row->position >= new_n)
        {
          g_object_weak_unref (G_OBJECT (row), row_gone_cb, self);
          g_hash_table_iter_remove (&iter);
        }
      else if (row->position >= position)
        g_ptr_array_add (changed, g_object_ref (row));
    }

  /* In list order, so that the pages are read one after the other; outside the loop above,
   * since a row's handlers may ask for rows. */
  g_ptr_array_sort (changed, compare_positions);
  for (guint i = 0; i < changed->len; i++)
    {
      JdCaseRow *row = changed->pdata[i];
      g_autoptr(JdCase) kase = g_list_model_get_item (cases, row->position);

      row_set_case (row, kase);
    }

  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

static void
jd_case_rows_dispose (GObject *object)
{
  JdCaseRows *self = JD_CASE_ROWS (object);
  GHashTableIter iter;
  gpointer value;

  if (self->cases != NULL)
    g_signal_handlers_disconnect_by_func (self->cases, cases_changed_cb, self);
  g_clear_object (&self->cases);
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, row_gone_cb, self);
  g_hash_table_remove_all (self->rows);

  G_OBJECT_CLASS (jd_case_rows_parent_class)->dispose (object);
}

static void
jd_case_rows_finalize (GObject *object)
{
  JdCaseRows *self = JD_CASE_ROWS (object);

  g_hash_table_unref (self->rows);

  G_OBJECT_CLASS (jd_case_rows_parent_class)->finalize (object);
}

static void
jd_case_rows_class_init (JdCaseRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = jd_case_rows_dispose;
  object_class->finalize = jd_case_rows_finalize;
}

static void
jd_case_rows_init (JdCaseRows *self)
{
  self->rows = g_hash_table_new (NULL, NULL);
}

JdCaseRows *
jd_case_rows_new (JdCaseListModel *cases)
{
  JdCaseRows *self;

  g_return_val_if_fail (JD_IS_CASE_LIST_MODEL (cases), NULL);

  self = g_object_new (JD_TYPE_CASE_ROWS, NULL);
  self->cases = g_object_ref (cases);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (cases));
  g_signal_connect (cases, "items-changed", G_CALLBACK (cases_changed_cb), self);
  return self;
}
