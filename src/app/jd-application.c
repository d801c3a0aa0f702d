#include "jd-application.h"

#include <glib/gi18n-lib.h>

#include "jd-preferences-window.h"
#include "jd-store.h"
#include "jd-window.h"

struct _JdApplication
{
  AdwApplication  parent_instance;

  /* owned references */
  char           *db_path;
  JdStore        *store;
};

G_DEFINE_FINAL_TYPE (JdApplication, jd_application, ADW_TYPE_APPLICATION)

static void
quit_cb (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing lets each window save its size and view; quitting would skip that. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (app);
}

static void
about_cb (GSimpleAction *action,
          GVariant      *parameter,
          gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Jiandu developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Jiandu"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Jiandu developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Administrative law-enforcement supervision: rosters, "
                                      "case files and their legal review, checked against the "
                                      "regulations, offline first."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* TRANSLATORS: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
shortcuts_cb (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  g_autoptr(GtkBuilder) builder =
    gtk_builder_new_from_resource ("/io/github/jiandu/app/ui/jd-shortcuts-window.ui");
  GtkWindow *window = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));

  gtk_window_set_transient_for (window, gtk_application_get_active_window (app));
  gtk_window_present (window);
}

static void
preferences_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = user_data;

  gtk_window_present (GTK_WINDOW (
    jd_preferences_window_new (gtk_application_get_active_window (app))));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_cb },
  { "about", about_cb },
  { "shortcuts", shortcuts_cb },
  { "preferences", preferences_cb },
};

static int
jd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  JdApplication *self = JD_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (db);

      g_free (self->db_path);
      self->db_path = g_file_get_path (file);
    }

  return -1;
}

static void
jd_application_startup (GApplication *app)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *shortcuts_accels[] = { "<Control>question", NULL };
  const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (jd_application_parent_class)->startup (app);

  /* The icon installed under the app ID, or for an uninstalled build the copy in the
   * resources' icons folder, which GtkApplication adds to the icon theme. */
  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.shortcuts",
                                         shortcuts_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         preferences_accels);

  gtk_css_provider_load_from_resource (css, "/io/github/jiandu/app/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
jd_application_activate (GApplication *app)
{
  JdApplication *self = JD_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->store == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->db_path);

      g_mkdir_with_parents (dir, 0700);
      self->store = jd_store_open (self->db_path, JD_STORE_OPEN_CREATE, &error);
    }
  if (self->store == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (NULL, _("Could Not Open the Database"), NULL);

      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s\n\nCheck that the file is a Jiandu database and that "
                                        "no other program holds it, or start Jiandu with "
                                        "--db and another file."),
                                      error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_application_add_window (GTK_APPLICATION (app), GTK_WINDOW (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  window = GTK_WINDOW (jd_window_new (GTK_APPLICATION (app), self->store));
  gtk_window_present (window);
}

static void
jd_application_finalize (GObject *object)
{
  JdApplication *self = JD_APPLICATION (object);

  g_clear_pointer (&self->db_path, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (jd_application_parent_class)->finalize (object);
}

static void
jd_application_class_init (JdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = jd_application_finalize;
  app_class->handle_local_options = jd_application_handle_local_options;
  app_class->startup = jd_application_startup;
  app_class->activate = jd_application_activate;
}

static void
jd_application_init (JdApplication *self)
{
  const GOptionEntry options[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("The database to open"), N_("PATH") },
    { NULL }
  };

  self->db_path = jd_store_default_path ();
  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

JdApplication *
jd_application_new (void)
{
  return g_object_new (JD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/jiandu/app",
                       NULL);
}

const char *
jd_application_get_db_path (JdApplication *self)
{
  g_return_val_if_fail (JD_IS_APPLICATION (self), NULL);

  return self->db_path;
}
