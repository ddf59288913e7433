/* td-package-private.h: the package's schema and the checksums, shared by export and import. */
#pragma once

#include <sqlite3.h>

#include "td-package.h"
#include "td-signature.h"

G_BEGIN_DECLS

/* The tables of format 1, exactly as export creates them; import refuses anything else. */
extern const char * const td_package_tables[];
extern const char         td_package_schema[];

/* sha256 over the rows of @table in a canonical text form, ordered by @order_by: the manifest
 * records it and import recomputes it. */
char     *td_package_table_digest (sqlite3     *pkg,
                                   const char  *table,
                                   GError     **error);

/* The optional table that holds a signed package's PKCS#7 signature; not in the digests, since
 * it signs them. */
extern const char         td_package_signature_schema[];

/* What a package's signature signs: the format and the manifest's digest, which in turn holds
 * the digest of every other table. */
GBytes   *td_package_signed_data  (sqlite3     *pkg,
                                   GError     **error);

void      td_package_set_error    (sqlite3     *pkg,
                                   int          rc,
                                   GError     **error);

G_END_DECLS
