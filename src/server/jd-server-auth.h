#pragma once

#include "jd-server-store.h"

G_BEGIN_DECLS

#define JD_SERVER_AUTH_ERROR (jd_server_auth_error_quark ())

typedef enum
{
  JD_SERVER_AUTH_ERROR_FAILED,
} JdServerAuthError;

/* Failed logins of one user within the window before each further attempt is delayed. */
#define JD_SERVER_AUTH_MAX_FAILURES   5
#define JD_SERVER_AUTH_WINDOW_SECONDS (15 * 60)
#define JD_SERVER_AUTH_MAX_DELAY      30

GQuark    jd_server_auth_error_quark    (void);

/* An Argon2id hash in its encoded form ($argon2id$v=19$m=…), with a fresh random salt. */
char     *jd_server_auth_hash_password  (const char     *password,
                                         GError        **error);
gboolean  jd_server_auth_verify         (const char     *encoded,
                                         const char     *password);

/* 32 random bytes from the kernel, base64url without padding (43 characters). */
char     *jd_server_auth_new_token      (GError        **error);
/* What the server keeps of a token: its SHA-256, in hex. */
char     *jd_server_auth_token_hash     (const char     *token);

/* How long to hold the answer to a login of @user at @now, in seconds: 0 when the user is not
 * locked out; else the delay (1 s, doubling with every attempt, at most 30 s), and @retry_after
 * gets when the lockout ends. */
int       jd_server_auth_throttle       (JdServerStore  *store,
                                         const char     *user,
                                         gint64          now,
                                         int            *retry_after);

G_END_DECLS
