#pragma once

#include "jd-core.h"
#include "jd-sync-client.h"

G_BEGIN_DECLS

/* Exit statuses of jiandu-cli, as FORMAT.md and the scripts that call it expect. */
enum
{
  JD_CLI_OK = 0,
  JD_CLI_FINDINGS = 1,   /* the command worked and found a problem (a broken audit chain …) */
  JD_CLI_BAD_INPUT = 2,  /* bad input, bad option, unusable database: nothing was changed */
};

typedef struct
{
  const char *db_path;
  int         argc;
  char      **argv;      /* the command's own arguments, argv[0] being its name */
} JdCliContext;

int      jd_cli_run            (int            argc,
                                char         **argv);

/* Parses the command's options; on a bad one prints why and returns FALSE. */
gboolean jd_cli_parse_options  (JdCliContext  *ctx,
                                const char    *parameter_string,
                                const char    *summary,
                                GOptionEntry  *entries);
JdStore *jd_cli_open_store     (JdCliContext  *ctx,
                                gboolean       create);
int      jd_cli_fail           (GError        *error);
void     jd_cli_print_json     (JsonNode      *node);

int      jd_cli_init           (JdCliContext  *ctx);
int      jd_cli_import         (JdCliContext  *ctx);
int      jd_cli_export         (JdCliContext  *ctx);
int      jd_cli_search         (JdCliContext  *ctx);
int      jd_cli_audit          (JdCliContext  *ctx);
int      jd_cli_sample         (JdCliContext  *ctx);
int      jd_cli_bench          (JdCliContext  *ctx);
int      jd_cli_validate       (JdCliContext  *ctx);
int      jd_cli_backup         (JdCliContext  *ctx);
int      jd_cli_restore        (JdCliContext  *ctx);
int      jd_cli_bench_rules    (JdCliContext  *ctx);
int      jd_cli_bench_dashboard (JdCliContext *ctx);
int      jd_cli_deadlines      (JdCliContext  *ctx);
int      jd_cli_law            (JdCliContext  *ctx);
int      jd_cli_redact         (JdCliContext  *ctx);
int      jd_cli_login          (JdCliContext  *ctx);
int      jd_cli_logout         (JdCliContext  *ctx);
int      jd_cli_sync           (JdCliContext  *ctx);
int      jd_cli_status         (JdCliContext  *ctx);
int      jd_cli_conflicts      (JdCliContext  *ctx);
int      jd_cli_resolve        (JdCliContext  *ctx);

/* Runs an async call to its end on a main loop of its own: @start begins it with the callback
 * and data it is given. */
typedef void (*JdCliWaitStart) (gpointer            start_data,
                                GAsyncReadyCallback callback,
                                gpointer            user_data);
GAsyncResult        *jd_cli_wait        (JdCliWaitStart  start,
                                         gpointer        start_data);
/* A sync client for the server the store is logged in to, or NULL after saying why. */
JdSyncClient        *jd_cli_sync_client (JdStore        *store);


G_END_DECLS
