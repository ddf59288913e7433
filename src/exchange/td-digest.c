/* td-digest.c: SHA-256 through nettle (see td-digest.h for why not GChecksum). */
#include "config.h"

#include <nettle/sha2.h>

#include "td-digest.h"

struct _TdDigest {
  struct sha256_ctx ctx;
};

TdDigest *
td_digest_new (void)
{
  TdDigest *digest = g_new (TdDigest, 1);

  sha256_init (&digest->ctx);
  return digest;
}

void
td_digest_update (TdDigest   *digest,
                  const void *data,
                  gsize       length)
{
  sha256_update (&digest->ctx, length, data);
}

char *
td_digest_finish (TdDigest *digest)
{
  guint8 out[SHA256_DIGEST_SIZE];
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  sha256_digest (&digest->ctx, sizeof out, out);
  g_free (digest);
  for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", out[i]);
  return hex;
}

void
td_digest_free (TdDigest *digest)
{
  g_free (digest);
}

char *
td_digest_sha256 (const void *data,
                  gsize       length)
{
  TdDigest *digest = td_digest_new ();

  td_digest_update (digest, data, length);
  return td_digest_finish (digest);
}

char *
td_digest_sha256_bytes (GBytes *bytes)
{
  gsize length;
  const void *data = g_bytes_get_data (bytes, &length);

  return td_digest_sha256 (data, length);
}
