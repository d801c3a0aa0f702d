#include <glib/gi18n-lib.h>
#include <locale.h>

#include "jd-server-cli.h"

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("JIANDU_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  return jd_server_cli_run (argc, argv);
}
