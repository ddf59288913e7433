/* td-package-private.h: the package's schema and the checksums, shared by export and import. */
#pragma once

#include "td-conn.h"

#include "td-package.h"
#include "td-signature.h"

G_BEGIN_DECLS

/* The tables of format 1, exactly as export creates them; import refuses anything else. */
extern const char * const td_package_tables[];
extern const char         td_package_schema[];

/* sha256 over the rows of @table in a canonical text form, in the order of the first column:
 * the manifest records it and import recomputes it. */
char     *td_package_table_digest (TdConn      *pkg,
                                   const char  *table,
                                   GError     **error);

/* Called for each row td_package_scan_table() reads, with the columns' types as stored. */
typedef gboolean (*TdPackageRowFunc) (TdStmt  *stmt,
                                      const int     *types,
                                      gpointer       user_data,
                                      GError       **error);

/* Reads every row of @table once, by a full scan of the table itself (never through an index),
 * hands each row to @func (may be NULL), and returns the digest of exactly the rows handed
 * over: what import checks is what it uses.  More than @max_rows rows is an error. */
char     *td_package_scan_table   (TdConn            *pkg,
                                   const char        *table,
                                   guint              max_rows,
                                   TdPackageRowFunc   func,
                                   gpointer           user_data,
                                   GError           **error);

/* The optional table that holds a signed package's PKCS#7 signature; not in the digests, since
 * it signs them. */
extern const char         td_package_signature_schema[];

/* What a signature over an exchange file signs: its kind ("package", "setup") and the digest
 * of its manifest, which in turn holds the digest of every other table. */
GBytes   *td_exchange_signed_data (const char  *kind,
                                   const char  *manifest_digest);
/* Signs @file's manifest as @kind with @signer into a signature table; with @previous too (a
 * key rollover: the board's former key vouches for the new one), as a second row. */
gboolean  td_exchange_sign        (TdConn      *file,
                                   const char  *kind,
                                   TdSigner    *signer,
                                   TdSigner    *previous,
                                   GError     **error);
/* Runs @sql with @values bound as text (NULL as NULL): the rows export writes. */
gboolean  td_exchange_insert      (TdConn             *file,
                                   const char         *sql,
                                   const char * const *values,
                                   int                 n_values,
                                   GError            **error);
/* One manifest row; a NULL value is written as "". */
gboolean  td_exchange_put_manifest (TdConn     *file,
                                    const char *key,
                                    const char *value,
                                    GError    **error);

/* Whether @file's sqlite_schema is, row for row (type, name, table, SQL text), the one that
 * @expected creates: no other table, index (of any name), view or trigger.  FALSE only when
 * the schema cannot be read. */
gboolean  td_exchange_schema_matches (TdConn     *file,
                                      const char *expected,
                                      gboolean   *matches,
                                      GError    **error);

/* Opens an exchange file from outside (a package, a setup file) as hostile input: read-only
 * and immutable, no trusted schema, defensive, every statement ended once the monotonic time
 * passes *@deadline; its schema exactly @schema, or @schema with the signature table
 * (@is_signed says which); no hidden column; PRAGMA integrity_check passed.  @not_ours and
 * @damaged are the messages for a file that is not of this kind or is damaged. */
TdConn   *td_exchange_open        (const char    *path,
                                   const char    *schema,
                                   const gint64  *deadline,
                                   gboolean      *is_signed,
                                   const char    *not_ours,
                                   const char    *damaged,
                                   GError       **error);

void      td_package_set_error    (TdConn      *pkg,
                                   int          rc,
                                   GError     **error);

G_END_DECLS
