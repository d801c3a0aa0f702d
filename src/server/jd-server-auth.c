#include "jd-server-auth.h"

#include <argon2.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <sys/random.h>

G_DEFINE_QUARK (jd-server-auth-error-quark, jd_server_auth_error)

/* OWASP's minimum for Argon2id (19 MiB, 2 passes): a login costs tens of milliseconds, which a
 * district's few hundred users never notice and an attacker with a stolen database does. */
#define ARGON2_T_COST   2
#define ARGON2_M_COST   (19 * 1024)
#define ARGON2_LANES    1
#define SALT_LENGTH     16
#define HASH_LENGTH     32
#define TOKEN_BYTES     32

static gboolean
random_bytes (guint8  *buffer,
              gsize    length,
              GError **error)
{
  gsize done = 0;

  while (done < length)
    {
      ssize_t n = getrandom (buffer + done, length - done, 0);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = errno;

          g_set_error (error, JD_SERVER_AUTH_ERROR, JD_SERVER_AUTH_ERROR_FAILED,
                       _("Cannot read random bytes: %s"), g_strerror (saved));
          return FALSE;
        }
      done += (gsize) n;
    }
  return TRUE;
}

char *
jd_server_auth_hash_password (const char *password,
                              GError    **error)
{
  guint8 salt[SALT_LENGTH];
  gsize length;
  g_autofree char *encoded = NULL;
  int rc;

  if (!random_bytes (salt, sizeof salt, error))
    return NULL;
  length = argon2_encodedlen (ARGON2_T_COST, ARGON2_M_COST, ARGON2_LANES, SALT_LENGTH,
                              HASH_LENGTH, Argon2_id);
  encoded = g_malloc0 (length);
  rc = argon2id_hash_encoded (ARGON2_T_COST, ARGON2_M_COST, ARGON2_LANES, password,
                              strlen (password), salt, sizeof salt, HASH_LENGTH, encoded, length);
  if (rc != ARGON2_OK)
    {
      g_set_error (error, JD_SERVER_AUTH_ERROR, JD_SERVER_AUTH_ERROR_FAILED,
                   _("Cannot hash the password: %s"), argon2_error_message (rc));
      return NULL;
    }
  return g_steal_pointer (&encoded);
}

gboolean
jd_server_auth_verify (const char *encoded,
                       const char *password)
{
  if (encoded == NULL || password == NULL)
    return FALSE;
  return argon2id_verify (encoded, password, strlen (password)) == ARGON2_OK;
}

char *
jd_server_auth_new_token (GError **error)
{
  guint8 bytes[TOKEN_BYTES];
  g_autofree char *text = NULL;
  char *end;

  if (!random_bytes (bytes, sizeof bytes, error))
    return NULL;
  text = g_base64_encode (bytes, sizeof bytes);
  g_strdelimit (text, "+", '-');
  g_strdelimit (text, "/", '_');
  end = strchr (text, '=');
  if (end != NULL)
    *end = '\0';
  return g_steal_pointer (&text);
}

char *
jd_server_auth_token_hash (const char *token)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
}

int
jd_server_auth_throttle (JdServerStore *store,
                         const char    *user,
                         gint64         now,
                         int           *retry_after)
{
  gint64 nth_latest;
  int failures = jd_server_store_count_failures (store, user,
                                                 now - JD_SERVER_AUTH_WINDOW_SECONDS,
                                                 JD_SERVER_AUTH_MAX_FAILURES, &nth_latest);
  int extra;

  *retry_after = 0;
  if (failures < JD_SERVER_AUTH_MAX_FAILURES)
    return 0;

  /* The lockout lasts until the fifth most recent failure leaves the window. */
  *retry_after = (int) MAX (1, nth_latest + JD_SERVER_AUTH_WINDOW_SECONDS - now);
  extra = failures - JD_SERVER_AUTH_MAX_FAILURES;
  if (extra >= 5)
    return JD_SERVER_AUTH_MAX_DELAY;
  return MIN (JD_SERVER_AUTH_MAX_DELAY, 1 << extra);
}
