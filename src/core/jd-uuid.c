#include "jd-uuid.h"

void
jd_uuid_format_v7 (guint64 unix_ms,
                   guint32 random_bits[3],
                   char    out[JD_UUID_LENGTH + 1])
{
  static const char hex[] = "0123456789abcdef";
  guint8 bytes[16];
  char *p = out;

  for (guint i = 0; i < 6; i++)
    bytes[i] = (unix_ms >> (40 - 8 * i)) & 0xff;

  bytes[6] = 0x70 | ((random_bits[0] >> 8) & 0x0f);   /* version 7 */
  bytes[7] = random_bits[0] & 0xff;
  bytes[8] = 0x80 | ((random_bits[1] >> 24) & 0x3f);  /* RFC 9562 variant */
  bytes[9] = (random_bits[1] >> 16) & 0xff;
  bytes[10] = (random_bits[1] >> 8) & 0xff;
  bytes[11] = random_bits[1] & 0xff;
  for (guint i = 0; i < 4; i++)
    bytes[12 + i] = (random_bits[2] >> (24 - 8 * i)) & 0xff;

  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        *p++ = '-';
      *p++ = hex[bytes[i] >> 4];
      *p++ = hex[bytes[i] & 0x0f];
    }
  *p = '\0';
}

char *
jd_uuid_new (void)
{
  static GMutex lock;
  static guint64 last_ms;
  guint32 random_bits[3];
  char out[JD_UUID_LENGTH + 1];
  guint64 now_ms = g_get_real_time () / 1000;

  /* Never go back in time, so that ids made in one second by this process keep their order
   * even if the clock is set back. */
  g_mutex_lock (&lock);
  if (now_ms <= last_ms)
    now_ms = last_ms + 1;
  last_ms = now_ms;
  g_mutex_unlock (&lock);

  for (guint i = 0; i < G_N_ELEMENTS (random_bits); i++)
    random_bits[i] = g_random_int ();

  jd_uuid_format_v7 (now_ms, random_bits, out);
  return g_strdup (out);
}
