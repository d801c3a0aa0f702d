#include <glib/gi18n-lib.h>
#include <locale.h>

#include "jd-cli.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* Lets an uninstalled build show its translations: JIANDU_LOCALEDIR=build/po. */
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return jd_cli_run (argc, argv);
}
