#include "jd-case-list.h"

#include <adwaita.h>
#include <glib/gi18n-lib.h>

#include "jd-case-rows.h"
#include "jd-format.h"
#include "jd-labels.h"
#include "jd-rule-context.h"
#include "jd-store-stats.h"
#include "jd-text-cell.h"

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_TITLE,
  COLUMN_AGENCY,
  COLUMN_TYPE,
  COLUMN_OPENED,
  COLUMN_STATUS,
  COLUMN_DUE,
  N_COLUMNS
} Column;

/* The codes of FORMAT.md in the order of the filter, after "All types". */
static const char * const action_types[] = {
  "penalty", "licence", "coercion", "inspection", "expropriation", "confirmation", "fee",
  "benefit", "award", "adjudication",
};

struct _JdCaseList
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *box;
  GtkSearchEntry  *search_entry;
  GtkDropDown     *agency_dropdown;
  GtkDropDown     *type_dropdown;
  GtkDropDown     *findings_dropdown;
  GtkColumnViewColumn *columns[N_COLUMNS];  /* owned by the view */
  Column           probed_column;
  GtkButton       *month_button;
  AdwButtonContent *month_content;
  GtkColumnView   *column_view;
  GtkStack        *stack;

  /* owned references */
  JdCaseListModel *model;
  JdCaseChecker   *checker;
  GPtrArray       *agency_ids;    /* of agency_dropdown's items; NULL for "All agencies" */
  char            *opened_month;  /* "YYYY-MM", or NULL */

  guint            cleared_id;    /* the search of an emptied entry, at the next idle */
};

G_DEFINE_FINAL_TYPE (JdCaseList, jd_case_list, GTK_TYPE_WIDGET)

enum
{
  CASE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define SEARCH_DELAY_MS 50

static void
update_stack (JdCaseList *self)
{
  gboolean empty = self->model == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "no-results" : "list");
}

/* A new list shows its first cases: the rows are kept across a search (JdCaseRows), and with
 * them where the view was scrolled to. */
static void
cases_changed_cb (JdCaseList *self)
{
  /* GTK 4.8 has no gtk_column_view_scroll_to(); its list view inside has the action. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_VIEW (child) && self->model != NULL &&
          g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
    }
  update_stack (self);
}

static void
apply_search (JdCaseList *self)
{
  jd_case_list_model_set_query (self->model,
                                gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  update_stack (self);
}

static gboolean
cleared_idle_cb (gpointer user_data)
{
  JdCaseList *self = user_data;

  self->cleared_id = 0;
  if (self->model != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    apply_search (self);
  return G_SOURCE_REMOVE;
}

/* GTK's search entry says at once, without its wait, that it is empty. Replacing its text (all
 * selected, then a key typed) empties it for a moment: the whole list would be read for nothing
 * before the new word's search. An emptied entry is searched when the main loop is idle, and
 * only if it is still empty. */
static void
search_changed_cb (JdCaseList *self)
{
  if (self->model == NULL)
    return;
  g_clear_handle_id (&self->cleared_id, g_source_remove);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    {
      self->cleared_id = g_idle_add (cleared_idle_cb, self);
      return;
    }
  apply_search (self);
}

static void
search_activate_cb (JdCaseList *self)
{
  /* Enter opens the first hit, as in a launcher. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      g_autoptr(JdCase) kase = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

      if (kase != NULL)
        g_signal_emit (self, signals[CASE_ACTIVATED], 0, kase);
    }
}

static int
compare_agency_names (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  JdEntity *x = *(JdEntity **) a;
  JdEntity *y = *(JdEntity **) b;
  const char *nx = jd_entity_get_string (x, "name");
  const char *ny = jd_entity_get_string (y, "name");
  int diff = g_utf8_collate (nx != NULL ? nx : "", ny != NULL ? ny : "");

  return diff != 0 ? diff : g_strcmp0 (jd_entity_get_id (x), jd_entity_get_id (y));
}

static void
type_selected_cb (JdCaseList *self)
{
  guint selected = gtk_drop_down_get_selected (self->type_dropdown);

  if (self->model == NULL)
    return;
  jd_case_list_model_set_action_type (self->model,
                                      selected >= 1 && selected <= G_N_ELEMENTS (action_types)
                                        ? action_types[selected - 1] : NULL);
  update_stack (self);
}

static void
agency_selected_cb (JdCaseList *self)
{
  guint selected = gtk_drop_down_get_selected (self->agency_dropdown);

  if (self->model == NULL)
    return;
  jd_case_list_model_set_agency_id (self->model, selected < self->agency_ids->len
                                                   ? self->agency_ids->pdata[selected] : NULL);
  update_stack (self);
}

/* The last day a case's deadline may fall on for @findings, into @buf; NULL for no limit. */
static const char *
findings_due_by (JdCaseList     *self,
                 JdCaseFindings  findings,
                 char            buf[16])
{
  const GDate *as_of = jd_case_checker_get_as_of (self->checker);
  GDate due_by;

  if (as_of == NULL || findings < JD_CASE_FINDINGS_OVERDUE)
    return NULL;
  due_by = *as_of;
  if (findings == JD_CASE_FINDINGS_OVERDUE)
    g_date_subtract_days (&due_by, 1);
  else
    g_date_add_days (&due_by, findings == JD_CASE_FINDINGS_DUE_7 ? 7 : 30);
  return jd_rule_date_iso (&due_by, buf);
}

static void
findings_selected_cb (JdCaseList *self)
{
  JdCaseFindings selected = gtk_drop_down_get_selected (self->findings_dropdown);
  char due_by[16];

  if (self->model == NULL)
    return;

  jd_case_list_model_set_checks_filter (self->model, selected == JD_CASE_FINDINGS_ERRORS,
                                        findings_due_by (self, selected, due_by));
  update_stack (self);
}

/* The agencies by name, keeping the one chosen (or all, when it is gone). */
static void
load_agencies (JdCaseList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agencies = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *selected_id = NULL;
  guint selected = 0;

  if (self->model == NULL)
    return;
  agencies = jd_store_list_all (jd_case_list_model_get_store (self->model),
                                JD_COLLECTION_AGENCIES, &error);
  if (agencies == NULL)
    {
      g_warning ("Could not list the agencies: %s", error->message);
      return;
    }
  g_ptr_array_sort_with_data (agencies, compare_agency_names, NULL);

  if (gtk_drop_down_get_selected (self->agency_dropdown) < self->agency_ids->len)
    selected_id = g_strdup (self->agency_ids->pdata[gtk_drop_down_get_selected (
                                                      self->agency_dropdown)]);
  g_ptr_array_set_size (self->agency_ids, 0);
  g_ptr_array_add (self->agency_ids, NULL);
  gtk_string_list_append (names, _("All agencies"));
  for (guint i = 0; i < agencies->len; i++)
    {
      const char *id = jd_entity_get_id (agencies->pdata[i]);
      const char *name = jd_entity_get_string (agencies->pdata[i], "name");

      if (g_strcmp0 (id, selected_id) == 0)
        selected = self->agency_ids->len;
      g_ptr_array_add (self->agency_ids, g_strdup (id));
      gtk_string_list_append (names, name != NULL ? name : id);
    }

  g_signal_handlers_block_by_func (self->agency_dropdown, agency_selected_cb, self);
  gtk_drop_down_set_model (self->agency_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->agency_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->agency_dropdown, agency_selected_cb, self);
  agency_selected_cb (self);
}

static void
update_month_button (JdCaseList *self)
{
  g_autofree char *month = NULL;
  g_autofree char *label = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->month_button), self->opened_month != NULL);
  if (self->opened_month == NULL)
    return;
  month = jd_format_month (self->opened_month);
  /* TRANSLATORS: the filter of the cases opened in a month, “Opened in Mar 2025” */
  label = g_strdup_printf (_("Opened in %s"), month);
  adw_button_content_set_label (self->month_content, label);
}

static void
set_opened_month (JdCaseList *self,
                  const char *month)
{
  char first[11], last[11];
  gboolean valid = month != NULL && jd_store_month_range (month, first, last);

  g_free (self->opened_month);
  self->opened_month = valid ? g_strdup (month) : NULL;
  update_month_button (self);
}

static void
month_clicked_cb (JdCaseList *self)
{
  set_opened_month (self, NULL);
  if (self->model != NULL)
    jd_case_list_model_set_opened (self->model, NULL, NULL);
  update_stack (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The rules' results changed under a filter that reads them. */
static void
checks_updated_cb (JdCaseList *self)
{
  if (gtk_drop_down_get_selected (self->findings_dropdown) != JD_CASE_FINDINGS_ANY)
    {
      jd_case_list_model_reload (self->model);
      update_stack (self);
    }
}

static void
column_view_activate_cb (JdCaseList *self,
                         guint       position)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (self->column_view));
  g_autoptr(JdCaseRow) row = g_list_model_get_item (model, position);

  if (row != NULL && jd_case_row_get_case (row) != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, jd_case_row_get_case (row));
}

/* GTK 4.8 asks the tooltip under the pointer again at each gtk_widget_set_tooltip_text(): done
 * in the cells of 200 rows at every search, it took a quarter of the search's time. A cell keeps
 * its tooltip's text as "jd-tooltip" and gives it when asked. */
static void
set_tooltip (JdTextCell *label,
             const char *text)
{
  g_object_set_data_full (G_OBJECT (label), "jd-tooltip", g_strdup (text), g_free);
}

static gboolean
query_tooltip_cb (GtkWidget  *label,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (label), "jd-tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = jd_text_cell_new ();

  if (GPOINTER_TO_INT (user_data) == COLUMN_NUMBER)
    jd_text_cell_set_numeric (JD_TEXT_CELL (label), TRUE);
  if (GPOINTER_TO_INT (user_data) == COLUMN_DUE)
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (item, label);
}

/* Shows @kase in a cell of @column. */
static void
show_case (JdCaseList *self,
           JdTextCell *label,
           Column      column,
           JdCase     *kase)
{
  g_autofree char *owned = NULL;
  const char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (kase == NULL)
    {
      set_tooltip (label, NULL);
      jd_text_cell_set_text (label, "");
      return;
    }

  switch (column)
    {
    case COLUMN_NUMBER:
      text = jd_case_get_number (kase);
      break;
    case COLUMN_TITLE:
      text = jd_case_get_title (kase);
      break;
    case COLUMN_AGENCY:
      text = jd_case_checker_agency_name (self->checker, jd_case_get_agency_id (kase));
      break;
    case COLUMN_TYPE:
      text = jd_case_get_action_type (kase) != NULL
               ? jd_label_action_type (jd_case_get_action_type (kase)) : NULL;
      break;
    case COLUMN_OPENED:
      text = owned = jd_format_date (jd_format_case_opened_on (kase));
      break;
    case COLUMN_STATUS:
      {
        const char *style_class = NULL;
        JdCaseSummary summary;

        jd_case_checker_summarize (self->checker, kase, &summary);
        text = owned = jd_format_problems_count (summary.n_errors, summary.n_warnings,
                                                 &style_class);
        gtk_widget_add_css_class (GTK_WIDGET (label), style_class);
      }
      break;
    case COLUMN_DUE:
      {
        g_autofree char *deadline = NULL;
        JdCaseSummary summary;

        jd_case_checker_summarize (self->checker, kase, &summary);
        set_tooltip (label, NULL);
        if (!g_date_valid (&summary.next_due))
          break;
        /* The date, in the colour of how near it is; the days left or overdue on hover, so
         * that the title keeps the room. */
        text = owned = jd_format_gdate (&summary.next_due);
        deadline = jd_format_deadline_at (&summary.next_due, summary.days_left);
        set_tooltip (label, deadline);
        /* Overdue, or within the week the "due within 7 days" filter shows. */
        if (summary.days_left < 0)
          gtk_widget_add_css_class (GTK_WIDGET (label), "error");
        else if (summary.days_left <= 7)
          gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
      }
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  jd_text_cell_set_text (label, text);
}

/* A search or filter gave the row another case: the cell shows it in place. */
static void
row_case_changed_cb (JdCaseRow   *row,
                     GParamSpec  *pspec,
                     GtkListItem *item)
{
  JdTextCell *label = JD_TEXT_CELL (gtk_list_item_get_child (item));

  show_case (g_object_get_data (G_OBJECT (item), "case-list"), label,
             GPOINTER_TO_INT (g_object_get_data (G_OBJECT (item), "column")),
             jd_case_row_get_case (row));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         JdCaseList               *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  JdCaseRow *row = gtk_list_item_get_item (item);
  gulong handler;

  g_object_set_data (G_OBJECT (item), "case-list", self);
  g_object_set_data (G_OBJECT (item), "column", GINT_TO_POINTER (column));
  show_case (self, JD_TEXT_CELL (gtk_list_item_get_child (item)), column,
             row != NULL ? jd_case_row_get_case (row) : NULL);
  if (row != NULL)
    {
      handler = g_signal_connect (row, "notify::case", G_CALLBACK (row_case_changed_cb), item);
      g_object_set_data (G_OBJECT (item), "case-handler", GSIZE_TO_POINTER (handler));
    }
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           JdCaseList               *self)
{
  JdCaseRow *row = gtk_list_item_get_item (item);
  gulong handler = GPOINTER_TO_SIZE (g_object_steal_data (G_OBJECT (item), "case-handler"));

  if (row != NULL && handler != 0)
    g_signal_handler_disconnect (row, handler);
}

/* Sorting by a column header. GTK 4.8 cannot tell which column the view sorts by, so each
 * sortable column has a sorter that notes its column when consulted: comparing two items once
 * through the view's sorter asks the primary column first, and the view inverts its answer when
 * descending. The list itself is sorted by the store. */

static int
probe_compare_cb (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  JdCaseList *self = g_object_get_data (G_OBJECT (user_data), "case-list");

  self->probed_column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (user_data), "column"));
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (JdCaseList *self)
{
  GtkSorter *sorter;
  GtkOrdering ordering;
  gboolean ascending;
  JdCaseSort sort = JD_CASE_SORT_OPENED_DESC;

  /* The view's columns go away with it, changing its sorter. */
  if (self->model == NULL || self->column_view == NULL)
    return;
  sorter = gtk_column_view_get_sorter (self->column_view);

  self->probed_column = N_COLUMNS;
  /* Two different objects: a sorter says equal to an item compared with itself. */
  ordering = gtk_sorter_compare (sorter, self, self->column_view);
  ascending = ordering == GTK_ORDERING_SMALLER;
  if (ordering != GTK_ORDERING_EQUAL)
    switch (self->probed_column)
      {
      case COLUMN_NUMBER:
        sort = ascending ? JD_CASE_SORT_NUMBER_ASC : JD_CASE_SORT_NUMBER_DESC;
        break;
      case COLUMN_AGENCY:
        sort = ascending ? JD_CASE_SORT_AGENCY : JD_CASE_SORT_AGENCY_DESC;
        break;
      case COLUMN_TYPE:
        sort = ascending ? JD_CASE_SORT_TYPE : JD_CASE_SORT_TYPE_DESC;
        break;
      case COLUMN_OPENED:
        sort = ascending ? JD_CASE_SORT_OPENED_ASC : JD_CASE_SORT_OPENED_DESC;
        break;
      case COLUMN_TITLE:
      case COLUMN_STATUS:
      case COLUMN_DUE:
      case N_COLUMNS:
      default:
        break;
      }
  jd_case_list_model_set_sort (self->model, sort);
}

static void
add_column (JdCaseList *self,
            Column      column,
            const char *title,
            gboolean    expand,
            int         fixed_width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (fixed_width > 0)
    gtk_column_view_column_set_fixed_width (view_column, fixed_width);
  if (column == COLUMN_NUMBER || column == COLUMN_AGENCY || column == COLUMN_TYPE
      || column == COLUMN_OPENED)
    {
      g_autoptr(GtkSorter) sorter = NULL;

      sorter = GTK_SORTER (gtk_custom_sorter_new (probe_compare_cb, NULL, NULL));
      g_object_set_data (G_OBJECT (sorter), "case-list", self);
      g_object_set_data (G_OBJECT (sorter), "column", GINT_TO_POINTER (column));
      gtk_custom_sorter_set_sort_func (GTK_CUSTOM_SORTER (sorter), probe_compare_cb, sorter,
                                       NULL);
      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  self->columns[column] = view_column;
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
jd_case_list_dispose (GObject *object)
{
  JdCaseList *self = JD_CASE_LIST (object);

  g_clear_handle_id (&self->cleared_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_CASE_LIST);
  g_clear_object (&self->model);
  g_clear_object (&self->checker);
  g_clear_pointer (&self->agency_ids, g_ptr_array_unref);
  g_clear_pointer (&self->opened_month, g_free);

  G_OBJECT_CLASS (jd_case_list_parent_class)->dispose (object);
}

static void
jd_case_list_class_init (JdCaseListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_case_list_dispose;

  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE,
                                          1, JD_TYPE_CASE);

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (ADW_TYPE_BUTTON_CONTENT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-case-list.ui");
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, box);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, month_button);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, month_content);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, findings_dropdown);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, column_view);
  gtk_widget_class_bind_template_child (widget_class, JdCaseList, stack);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, agency_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, type_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, findings_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
jd_case_list_init (JdCaseList *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) agencies = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Filled from the store once there is a model; typing a name finds it. */
  self->agency_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->agency_ids, NULL);
  gtk_string_list_append (agencies, _("All agencies"));
  gtk_drop_down_set_model (self->agency_dropdown, G_LIST_MODEL (agencies));
  gtk_drop_down_set_expression (self->agency_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_enable_search (self->agency_dropdown, TRUE);

  gtk_string_list_append (types, _("All types"));
  for (guint i = 0; i < G_N_ELEMENTS (action_types); i++)
    gtk_string_list_append (types, jd_label_action_type (action_types[i]));
  gtk_drop_down_set_model (self->type_dropdown, G_LIST_MODEL (types));

  /* A search takes some 35 ms at a million cases (bench-app): GTK's 150 ms wait after the last
   * key would be most of the time from a key to its hits. 50 ms still lets a word typed at
   * speed search once. */
  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  /* Fixed widths that leave the title a third of the default window: it ellipsizes last. */
  add_column (self, COLUMN_NUMBER, _("Number"), FALSE, 170);
  add_column (self, COLUMN_TITLE, _("Title"), TRUE, -1);
  add_column (self, COLUMN_AGENCY, _("Agency"), FALSE, 190);
  add_column (self, COLUMN_TYPE, _("Action type"), FALSE, 100);
  add_column (self, COLUMN_OPENED, _("Opened"), FALSE, 125);
  add_column (self, COLUMN_STATUS, _("Findings"), FALSE, 100);
  add_column (self, COLUMN_DUE, _("Next deadline"), FALSE, 125);
  /* Newest first, as the store lists them unless asked otherwise. */
  gtk_column_view_sort_by_column (self->column_view, self->columns[COLUMN_OPENED],
                                  GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
jd_case_list_new (void)
{
  return g_object_new (JD_TYPE_CASE_LIST, NULL);
}

void
jd_case_list_set_model (JdCaseList      *self,
                        JdCaseListModel *model,
                        JdCaseChecker   *checker)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (JD_IS_CASE_LIST (self));
  g_return_if_fail (JD_IS_CASE_LIST_MODEL (model));
  g_return_if_fail (JD_IS_CASE_CHECKER (checker));

  g_set_object (&self->model, model);
  g_set_object (&self->checker, checker);

  /* Not a GtkSingleSelection: when the items change it looks for its selected case among all
   * the new ones, which would read every page of the search. Activation needs no selection. */
  selection = gtk_no_selection_new (G_LIST_MODEL (jd_case_rows_new (model)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));

  g_signal_connect_object (model, "items-changed", G_CALLBACK (cases_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (checker, "checks-updated", G_CALLBACK (checks_updated_cb), self,
                           G_CONNECT_SWAPPED);
  /* The as-of date moves "overdue" and "due within"; a reload may bring other agencies. */
  g_signal_connect_object (checker, "changed", G_CALLBACK (findings_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (checker, "changed", G_CALLBACK (load_agencies), self,
                           G_CONNECT_SWAPPED);
  load_agencies (self);
  update_stack (self);
}

JdCaseListModel *
jd_case_list_get_model (JdCaseList *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST (self), NULL);

  return self->model;
}

GtkColumnView *
jd_case_list_get_column_view (JdCaseList *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST (self), NULL);

  return self->column_view;
}

void
jd_case_list_sort_by (JdCaseList   *self,
                      guint         column,
                      GtkSortType   direction)
{
  g_return_if_fail (JD_IS_CASE_LIST (self));
  g_return_if_fail (column < N_COLUMNS);

  gtk_column_view_sort_by_column (self->column_view, self->columns[column], direction);
}

GtkDropDown *
jd_case_list_get_findings_dropdown (JdCaseList *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST (self), NULL);

  return self->findings_dropdown;
}

GtkDropDown *
jd_case_list_get_agency_dropdown (JdCaseList *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST (self), NULL);

  return self->agency_dropdown;
}

GtkDropDown *
jd_case_list_get_type_dropdown (JdCaseList *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST (self), NULL);

  return self->type_dropdown;
}

const char *
jd_case_list_get_opened_month (JdCaseList *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST (self), NULL);

  return self->opened_month;
}

void
jd_case_list_set_filters (JdCaseList     *self,
                          const char     *agency_id,
                          const char     *action_type,
                          JdCaseFindings  findings,
                          const char     *opened_month)
{
  JdCaseFilter filter = { 0 };
  char due_by[16], first[11], last[11];
  guint agency = 0, type = 0;

  g_return_if_fail (JD_IS_CASE_LIST (self));
  g_return_if_fail (findings <= JD_CASE_FINDINGS_DUE_30);
  g_return_if_fail (self->model != NULL);

  /* An agency not in the drop-down yet (written since it was filled) is looked for again. */
  for (guint i = 1; agency_id != NULL && i < self->agency_ids->len; i++)
    if (g_strcmp0 (self->agency_ids->pdata[i], agency_id) == 0)
      agency = i;
  if (agency_id != NULL && agency == 0)
    {
      load_agencies (self);
      for (guint i = 1; i < self->agency_ids->len; i++)
        if (g_strcmp0 (self->agency_ids->pdata[i], agency_id) == 0)
          agency = i;
    }
  for (guint i = 0; action_type != NULL && i < G_N_ELEMENTS (action_types); i++)
    if (g_strcmp0 (action_types[i], action_type) == 0)
      type = i + 1;

  /* The drop-downs show the filters without applying them one by one: the model counts once. */
  g_signal_handlers_block_by_func (self->search_entry, search_changed_cb, self);
  g_signal_handlers_block_by_func (self->agency_dropdown, agency_selected_cb, self);
  g_signal_handlers_block_by_func (self->type_dropdown, type_selected_cb, self);
  g_signal_handlers_block_by_func (self->findings_dropdown, findings_selected_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->agency_dropdown, agency);
  gtk_drop_down_set_selected (self->type_dropdown, type);
  gtk_drop_down_set_selected (self->findings_dropdown, findings);
  g_signal_handlers_unblock_by_func (self->findings_dropdown, findings_selected_cb, self);
  g_signal_handlers_unblock_by_func (self->type_dropdown, type_selected_cb, self);
  g_signal_handlers_unblock_by_func (self->agency_dropdown, agency_selected_cb, self);
  g_signal_handlers_unblock_by_func (self->search_entry, search_changed_cb, self);
  set_opened_month (self, opened_month);

  jd_case_list_model_get_filter (self->model, &filter);
  filter.query = NULL;
  filter.agency_id = agency > 0 ? self->agency_ids->pdata[agency] : NULL;
  filter.action_type = type > 0 ? action_types[type - 1] : NULL;
  filter.with_errors = findings == JD_CASE_FINDINGS_ERRORS;
  filter.due_by = findings_due_by (self, findings, due_by);
  filter.opened_from = filter.opened_to = NULL;
  if (self->opened_month != NULL && jd_store_month_range (self->opened_month, first, last))
    {
      filter.opened_from = first;
      filter.opened_to = last;
    }
  jd_case_list_model_set_filter (self->model, &filter);
  update_stack (self);
}

GtkSearchEntry *
jd_case_list_get_search_entry (JdCaseList *self)
{
  g_return_val_if_fail (JD_IS_CASE_LIST (self), NULL);

  return self->search_entry;
}

void
jd_case_list_focus_search (JdCaseList *self)
{
  g_return_if_fail (JD_IS_CASE_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
