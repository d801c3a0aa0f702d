#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Check characters of the identity numbers that enforcement files carry, so that review point 4
 * (执法对象是否认定准确) can tell a mistyped party from a real one. */

/* GB 11643-1999 citizen identity number: 17 digits and a check character (0-9 or X, a lowercase x
 * is accepted); the birth date must be a real date from 1900 up to today. */
gboolean jd_resident_id_is_valid   (const char *id,
                                    GDate      *birth_out);
/* The check character for 17 leading digits, or '\0' when @first17 is not 17 digits. */
char     jd_resident_id_check_char (const char *first17);

/* GB 32100-2015 unified social credit code: 18 characters without I, O, Z, S and V, a known
 * registration authority and kind, and a check character. */
gboolean jd_credit_code_is_valid   (const char *code);
/* The check character for 17 leading characters, or '\0' when they are not from the code's
 * alphabet. */
char     jd_credit_code_check_char (const char *first17);

/* Bank card numbers: 13 to 19 digits passing the Luhn check. */
gboolean jd_luhn_is_valid          (const char *digits);

G_END_DECLS
