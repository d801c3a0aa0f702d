#include <glib/gi18n-lib.h>
#include <locale.h>

#include "jd-application.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");
  g_autoptr(JdApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* Lets an uninstalled build show its translations: JIANDU_LOCALEDIR=build/po. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = jd_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
