#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The real jiandu-server ($JIANDU_SERVER) for tests: its commands, and serving on 127.0.0.1. */

/* Runs `jiandu-server ARGS…` (NULL-terminated) with @input (may be NULL) on stdin; its stderr
 * goes to the test log, line by line, and to @err_out when not NULL. Returns its exit status. */
int          jd_test_server_run      (const char         *input,
                                      char              **err_out,
                                      const char         *first,
                                      ...) G_GNUC_NULL_TERMINATED;
/* `user add NAME --agency AGENCY --role ROLE` with @password; asserts it succeeds. */
void         jd_test_server_add_user (const char         *db,
                                      const char         *name,
                                      const char         *agency,
                                      const char         *role,
                                      const char         *password);

/* Serves @db on @listen (NULL: 127.0.0.1 on a free port) with the options @extra
 * (NULL-terminated, may be NULL), its stderr (the request log) into the file @log. Returns once
 * it listens; @url gets http://127.0.0.1:PORT/ (https:// with TLS). */
GSubprocess *jd_test_server_start    (const char         *db,
                                      const char         *listen,
                                      const char         *log,
                                      const char * const *extra,
                                      char              **url);
/* "127.0.0.1:PORT" of a URL from jd_test_server_start (), to serve again on the same port. */
char        *jd_test_server_address  (const char         *url);
/* Stops the server with SIGTERM and asserts that it exits cleanly, with status 0. */
void         jd_test_server_stop     (GSubprocess       **process);
/* Kills the server at once, as a power cut would. */
void         jd_test_server_kill     (GSubprocess       **process);

/* Removes a folder and everything in it (a symbolic link, not what it points to). */
void         jd_test_rm_tree         (const char         *path);

G_END_DECLS
