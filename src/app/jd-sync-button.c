#include "jd-sync-button.h"

#include <glib/gi18n-lib.h>

#include "jd-format.h"

struct _JdSyncButton
{
  GtkWidget       parent_instance;

  /* template widgets */
  GtkMenuButton  *menu_button;
  GtkStack       *icon_stack;
  GtkImage       *icon;
  GtkSpinner     *spinner;
  GtkLabel       *label;
  GtkLabel       *state_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *detail_label;
  GtkLabel       *error_label;
  GtkWidget      *sync_button;
  GtkWidget      *cancel_button;
  GtkWidget      *resolve_button;
  GtkWidget      *sign_in_button;

  JdSyncManager  *manager;
};

G_DEFINE_FINAL_TYPE (JdSyncButton, jd_sync_button, GTK_TYPE_WIDGET)

/* "14:05" today, "2025年3月1日 14:05" before. */
static char *
format_sync_time (const char *iso8601)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (iso8601, NULL);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  if (utc == NULL)
    return g_strdup (iso8601);
  local = g_date_time_to_local (utc);
  clock = g_date_time_format (local, "%H:%M");
  if (g_date_time_get_year (local) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    return g_steal_pointer (&clock);

  day = g_date_time_format (local, "%Y-%m-%d");
  date = jd_format_date (day);
  return g_strdup_printf ("%s %s", date, clock);
}

char *
jd_sync_button_describe (JdSyncManager *manager)
{
  const JdSyncStatus *status = jd_sync_manager_get_status (manager);
  gint64 done, total;

  switch (jd_sync_manager_get_state (manager))
    {
    case JD_SYNC_STATE_SIGNED_OUT:
      return g_strdup (_("Not signed in"));
    case JD_SYNC_STATE_SYNCING:
      jd_sync_manager_get_progress (manager, &done, &total);
      if (total <= 0)
        return g_strdup (_("Syncing…"));
      /* TRANSLATORS: rows synced so far, of all the rows to sync */
      return g_strdup_printf (_("Syncing %lld of %lld…"), (long long) done, (long long) total);
    case JD_SYNC_STATE_OFFLINE:
      return g_strdup (_("Offline"));
    case JD_SYNC_STATE_ERROR:
      return g_strdup (_("Sync failed"));
    case JD_SYNC_STATE_IDLE:
      break;
    }

  if (status->conflicts > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld conflict", "%lld conflicts",
                                         (gulong) status->conflicts),
                            (long long) status->conflicts);
  if (status->pending > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld change to sync",
                                         "%lld changes to sync", (gulong) status->pending),
                            (long long) status->pending);
  if (status->last_sync != NULL)
    {
      g_autofree char *when = format_sync_time (status->last_sync);

      /* TRANSLATORS: %s is a time, 14:05, or a date and time */
      return g_strdup_printf (_("Synced at %s"), when);
    }
  return g_strdup (_("Not synced yet"));
}

static const char *
state_icon (JdSyncManager *manager)
{
  const JdSyncStatus *status = jd_sync_manager_get_status (manager);

  switch (jd_sync_manager_get_state (manager))
    {
    case JD_SYNC_STATE_SIGNED_OUT:
      return "system-users-symbolic";
    case JD_SYNC_STATE_OFFLINE:
      return "network-offline-symbolic";
    case JD_SYNC_STATE_ERROR:
      return "dialog-warning-symbolic";
    case JD_SYNC_STATE_SYNCING:
    case JD_SYNC_STATE_IDLE:
      break;
    }
  return status->conflicts > 0 ? "dialog-warning-symbolic" : "emblem-synchronizing-symbolic";
}

static char *
describe_details (JdSyncManager *manager)
{
  const JdSyncStatus *status = jd_sync_manager_get_status (manager);
  g_autoptr(GString) text = g_string_new (NULL);

  if (status->server != NULL)
    {
      /* TRANSLATORS: user name on server address */
      g_string_append_printf (text, _("%s on %s"), status->user, status->server);
      g_string_append_c (text, '\n');
    }
  if (status->last_sync != NULL)
    {
      g_autofree char *when = format_sync_time (status->last_sync);

      g_string_append_printf (text, _("Last synced: %s"), when);
      g_string_append_c (text, '\n');
    }
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%lld change waits to be sent",
                                             "%lld changes wait to be sent",
                                             (gulong) status->pending),
                          (long long) status->pending);
  if (status->conflicts > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%lld field changed here and on the server",
                                                 "%lld fields changed here and on the server",
                                                 (gulong) status->conflicts),
                              (long long) status->conflicts);
    }
  if (status->rejected > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%lld row refused by the server",
                                                 "%lld rows refused by the server",
                                                 (gulong) status->rejected),
                              (long long) status->rejected);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (JdSyncButton *self)
{
  JdSyncManager *manager = self->manager;
  JdSyncState state = jd_sync_manager_get_state (manager);
  const JdSyncStatus *status = jd_sync_manager_get_status (manager);
  const char *error = jd_sync_manager_get_last_error (manager);
  gboolean syncing = state == JD_SYNC_STATE_SYNCING;
  g_autofree char *text = jd_sync_button_describe (manager);
  g_autofree char *details = describe_details (manager);
  g_autofree char *accessible = NULL;
  gint64 done, total;

  gtk_label_set_label (self->label, text);
  gtk_label_set_label (self->state_label, text);
  gtk_label_set_label (self->detail_label, details);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->menu_button), text);
  /* TRANSLATORS: the accessible name of the sync button: Sync: Synced at 14:05 */
  accessible = g_strdup_printf (_("Sync: %s"), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);

  gtk_image_set_from_icon_name (self->icon, state_icon (manager));
  gtk_stack_set_visible_child_name (self->icon_stack, syncing ? "spinner" : "icon");
  gtk_spinner_set_spinning (self->spinner, syncing);

  jd_sync_manager_get_progress (manager, &done, &total);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), syncing);
  if (syncing && total > 0)
    gtk_progress_bar_set_fraction (self->progress_bar, (double) done / (double) total);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL && !syncing);
  gtk_label_set_label (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (self->sync_button, !syncing && state != JD_SYNC_STATE_SIGNED_OUT);
  gtk_widget_set_visible (self->cancel_button, syncing);
  gtk_widget_set_visible (self->resolve_button, status->conflicts > 0);
  gtk_widget_set_visible (self->sign_in_button, state == JD_SYNC_STATE_SIGNED_OUT);
}

static void
popdown_cb (JdSyncButton *self)
{
  gtk_menu_button_popdown (self->menu_button);
}

static void
cancel_clicked_cb (JdSyncButton *self)
{
  if (self->manager != NULL)
    jd_sync_manager_cancel (self->manager);
}

void
jd_sync_button_set_manager (JdSyncButton  *self,
                            JdSyncManager *manager)
{
  g_return_if_fail (JD_IS_SYNC_BUTTON (self));
  g_return_if_fail (JD_IS_SYNC_MANAGER (manager));

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_set_object (&self->manager, manager);
  g_signal_connect_object (manager, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
}

const char *
jd_sync_button_get_text (JdSyncButton *self)
{
  g_return_val_if_fail (JD_IS_SYNC_BUTTON (self), NULL);

  return gtk_label_get_label (self->label);
}

static void
jd_sync_button_dispose (GObject *object)
{
  JdSyncButton *self = JD_SYNC_BUTTON (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), JD_TYPE_SYNC_BUTTON);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (jd_sync_button_parent_class)->dispose (object);
}

static void
jd_sync_button_class_init (JdSyncButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = jd_sync_button_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/jiandu/app/ui/jd-sync-button.ui");
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, menu_button);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, icon_stack);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, icon);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, spinner);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, label);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, state_label);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, detail_label);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, sync_button);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, JdSyncButton, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, popdown_cb);
}

static void
jd_sync_button_init (JdSyncButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
