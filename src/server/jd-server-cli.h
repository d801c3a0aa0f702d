#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses of jiandu-server, as those of jiandu-cli. */
enum
{
  JD_SERVER_EXIT_OK = 0,
  JD_SERVER_EXIT_FAILED = 1,     /* the server could not run (address in use …) */
  JD_SERVER_EXIT_BAD_INPUT = 2,  /* bad option, bad file, unknown user: nothing was changed */
};

/* Serves, or runs one of the commands `import FILE`, `user add|list|disable`. */
int jd_server_cli_run (int    argc,
                       char **argv);

G_END_DECLS
