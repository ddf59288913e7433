/* td-package-schema.c: what a package file contains, and its digests. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-package-private.h"

G_DEFINE_QUARK (td-package-error-quark, td_package_error)

const char * const td_package_tables[] = { "manifest", "value", "attestation", "evidence", "blob", "audit", NULL };

/* Values name their target by number and attestations their standard by code, so that a
 * package means the same in any database of the same campaign. */
const char td_package_schema[] =
  "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE value (target_number INTEGER PRIMARY KEY, numerator INTEGER, denominator INTEGER,"
  " index_value REAL, not_applicable INTEGER NOT NULL, na_reason TEXT, note TEXT, updated_at TEXT NOT NULL);"
  "CREATE TABLE attestation (standard_code TEXT PRIMARY KEY, attested INTEGER NOT NULL,"
  " justification TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE evidence (id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL, file_name TEXT NOT NULL,"
  " target_number INTEGER, standard_code TEXT, added_at TEXT NOT NULL, verdict TEXT NOT NULL,"
  " verdict_comment TEXT NOT NULL);"
  "CREATE TABLE blob (sha256 TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL,"
  " field TEXT NOT NULL, old_value TEXT, new_value TEXT, reason TEXT);";

const char td_package_signature_schema[] =
  "CREATE TABLE signature (id INTEGER PRIMARY KEY, pkcs7 BLOB NOT NULL);";

GBytes *
td_package_signed_data (sqlite3  *pkg,
                        GError  **error)
{
  g_autofree char *digest = td_package_table_digest (pkg, "manifest", error);

  if (digest == NULL)
    return NULL;
  return g_bytes_new_take (g_strdup_printf ("thidua-package-signature-v1\nmanifest-sha256: %s\n", digest),
                           strlen ("thidua-package-signature-v1\nmanifest-sha256: \n") + strlen (digest));
}

void
td_package_set_error (sqlite3  *pkg,
                      int       rc,
                      GError  **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_NOTADB)
    g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
                 _("The file is not a Thi đua package. Choose the .thidua file the unit sent."));
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_IOERR)
    g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_DAMAGED,
                 _("The package is damaged or incomplete (%s). Ask the unit to export it again."),
                 pkg ? sqlite3_errmsg (pkg) : sqlite3_errstr (rc));
  else
    g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
                 _("The package cannot be read: %s"), pkg ? sqlite3_errmsg (pkg) : sqlite3_errstr (rc));
}

char *
td_package_table_digest (sqlite3     *pkg,
                         const char  *table,
                         GError     **error)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc;

  /* @table is one of ours, never text from the file. */
  g_return_val_if_fail (g_strv_contains (td_package_tables, table), NULL);
  /* Each blob is bound to its key by its own sha256, checked on import; the table's digest
   * binds the keys and lengths, so the megabytes are hashed once rather than twice. */
  if (g_str_equal (table, "blob"))
    sql = g_strdup ("SELECT sha256, length(data) FROM blob ORDER BY 1");
  else
    sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
  rc = sqlite3_prepare_v2 (pkg, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      td_package_set_error (pkg, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          /* Type tag and length before each field: no two different rows read the same. */
          int type = sqlite3_column_type (stmt, c);
          const void *data = type == SQLITE_BLOB ? sqlite3_column_blob (stmt, c) : (const void *) sqlite3_column_text (stmt, c);
          int len = sqlite3_column_bytes (stmt, c);
          char head[32];

          g_snprintf (head, sizeof head, "%d:%d:", type, type == SQLITE_NULL ? 0 : len);
          g_checksum_update (sum, (const guchar *) head, -1);
          if (type != SQLITE_NULL && len > 0)
            g_checksum_update (sum, data, len);
        }
      g_checksum_update (sum, (const guchar *) "\n", 1);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      td_package_set_error (pkg, rc, error);
      return NULL;
    }
  return g_strdup (g_checksum_get_string (sum));
}
