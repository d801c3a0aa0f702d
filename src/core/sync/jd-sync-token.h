#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where the sign-in token of a server is kept: the secret service (GNOME Keyring, KWallet …)
 * when one answers on D-Bus, else a file only its owner can read,
 * $XDG_CONFIG_HOME/jiandu/tokens.json. JIANDU_NO_KEYRING=1 skips the secret service (tests, and
 * machines whose keyring is locked and nobody is there to unlock it). */

/* Stores @token of @user on @server (two replicas on one machine may sign in as two users).
 * @in_file says the file was used: tell the user that the token lies on disk. */
gboolean  jd_sync_token_save  (const char  *server,
                               const char  *user,
                               const char  *token,
                               gboolean    *in_file,
                               GError     **error);
/* Returns the token of @user on @server, or NULL (and no error) when there is none. */
char     *jd_sync_token_load  (const char  *server,
                               const char  *user,
                               GError     **error);
gboolean  jd_sync_token_clear (const char  *server,
                               const char  *user,
                               GError     **error);
char     *jd_sync_token_file  (void);

G_END_DECLS
