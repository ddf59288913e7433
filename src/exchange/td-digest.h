/* td-digest.h: SHA-256 through nettle, for the megabytes of evidence a package carries.
 *
 * GLib's GChecksum is portable C (135 MB/s on the development machine); nettle, the crypto
 * under GnuTLS, uses the processor's SHA instructions where it has them (1.5 GB/s there).
 * GnuTLS's own gnutls_hash() measured 274 MB/s on the same AMD processor, so nettle is called
 * directly.  bench-import prints GChecksum beside nettle.  Same digests, lower-case hex like
 * g_checksum_get_string(). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TdDigest TdDigest;

TdDigest *td_digest_new        (void);
void      td_digest_update     (TdDigest      *digest,
                                const void    *data,
                                gsize          length);
/* The hex digest; @digest is freed. */
char     *td_digest_finish     (TdDigest      *digest);
void      td_digest_free       (TdDigest      *digest);

char     *td_digest_sha256     (const void    *data,
                                gsize          length);
char     *td_digest_sha256_bytes (GBytes      *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDigest, td_digest_free)

G_END_DECLS
