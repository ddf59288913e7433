/* td-package-schema.c: what a package file contains, and its digests. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-digest.h"
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
td_exchange_signed_data (const char *kind,
                         const char *manifest_digest)
{
  char *text = g_strdup_printf ("thidua-%s-signature-v1\nmanifest-sha256: %s\n", kind, manifest_digest);

  return g_bytes_new_take (text, strlen (text));
}

gboolean
td_exchange_insert (TdConn             *file,
                    const char         *sql,
                    const char * const *values,
                    int                 n_values,
                    GError            **error)
{
  TdStmt *stmt = NULL;
  int rc = td_conn_prepare (file, sql, FALSE, &stmt);

  for (int i = 0; rc == TD_OK && i < n_values; i++)
    td_stmt_bind_text (stmt, i + 1, values[i]);
  if (rc == TD_OK)
    rc = td_stmt_step (stmt);
  td_stmt_free (stmt);
  if (rc != TD_DONE)
    {
      td_package_set_error (file, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_exchange_put_manifest (TdConn      *file,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  const char *values[] = { key, value ? value : "" };

  return td_exchange_insert (file, "INSERT INTO manifest (key, value) VALUES (?, ?)", values, 2, error);
}

gboolean
td_exchange_sign (TdConn      *file,
                  const char  *kind,
                  TdSigner    *signer,
                  TdSigner    *previous,
                  GError     **error)
{
  g_autofree char *digest = td_package_table_digest (file, "manifest", error);
  g_autoptr(GBytes) data = digest ? td_exchange_signed_data (kind, digest) : NULL;
  TdSigner *signers[] = { signer, previous };
  int rc;

  if (data == NULL)
    return FALSE;
  rc = td_conn_exec (file, td_package_signature_schema);
  /* Row 1 the signature; row 2, in a key rollover, the same data signed by the former key. */
  for (guint i = 0; rc == TD_OK && i < G_N_ELEMENTS (signers) && signers[i] != NULL; i++)
    {
      g_autoptr(GBytes) pkcs7 = td_signer_sign (signers[i], data, error);
      TdStmt *stmt = NULL;

      if (pkcs7 == NULL)
        return FALSE;
      rc = td_conn_prepare (file, "INSERT INTO signature (id, pkcs7) VALUES (?, ?)", FALSE, &stmt);
      if (rc == TD_OK)
        {
          td_stmt_bind_int (stmt, 1, (int) i + 1);
          td_stmt_bind_blob (stmt, 2, g_bytes_get_data (pkcs7, NULL), g_bytes_get_size (pkcs7));
          rc = td_stmt_step (stmt) == TD_DONE ? TD_OK : td_conn_errcode (file);
        }
      td_stmt_free (stmt);
    }
  if (rc != TD_OK)
    {
      td_package_set_error (file, rc, error);
      return FALSE;
    }
  return TRUE;
}

void
td_package_set_error (TdConn   *pkg,
                      int       rc,
                      GError  **error)
{
  TdFault fault = td_conn_fault (rc);

  if (fault == TD_FAULT_NOT_A_DATABASE)
    g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
                 _("The file is not a Thi đua package. Choose the .thidua file the unit sent."));
  else if (fault == TD_FAULT_CORRUPT || fault == TD_FAULT_IO)
    g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_DAMAGED,
                 _("The package is damaged or incomplete (%s). Ask the unit to export it again."),
                 td_conn_errmsg (pkg, rc));
  else
    g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
                 _("The package cannot be read: %s"), td_conn_errmsg (pkg, rc));
}

/* Type class and value of column 0, for checking that a scan comes in ORDER BY 1's order. */
static int
compare_keys (int          type_a,
              const void  *a,
              int          len_a,
              gint64       int_a,
              int          type_b,
              const void  *b,
              int          len_b,
              gint64       int_b)
{
  /* sqlite orders NULL, numbers, text, blobs; the keys of our tables are integers or text. */
  int class_a = type_a == TD_VALUE_NULL ? 0 : type_a == TD_VALUE_TEXT ? 2 : type_a == TD_VALUE_BLOB ? 3 : 1;
  int class_b = type_b == TD_VALUE_NULL ? 0 : type_b == TD_VALUE_TEXT ? 2 : type_b == TD_VALUE_BLOB ? 3 : 1;
  int c;

  if (class_a != class_b)
    return class_a < class_b ? -1 : 1;
  if (class_a == 1)
    return int_a < int_b ? -1 : int_a > int_b ? 1 : 0;
  c = memcmp (a, b, MIN (len_a, len_b));
  return c != 0 ? c : len_a < len_b ? -1 : len_a > len_b ? 1 : 0;
}

static void
digest_cell (TdDigest   *sum,
             int         type,
             const void *data,
             int         len)
{
  char head[32];

  /* Type tag and length before each field: no two different rows read the same. */
  g_snprintf (head, sizeof head, "%d:%d:", type, type == TD_VALUE_NULL ? 0 : len);
  td_digest_update (sum, head, strlen (head));
  if (type != TD_VALUE_NULL && len > 0)
    td_digest_update (sum, data, (gsize) len);
}

char *
td_package_scan_table (TdConn             *pkg,
                       const char         *table,
                       guint               max_rows,
                       TdPackageRowFunc    func,
                       gpointer            user_data,
                       GError            **error)
{
  g_autoptr(TdDigest) sum = td_digest_new ();
  g_autofree char *sql = NULL;
  g_autoptr(GByteArray) last_key = g_byte_array_new ();
  int last_type = -1;
  gint64 last_int = 0;
  TdStmt *stmt = NULL;
  gboolean is_blob = g_str_equal (table, "blob");
  guint n_rows = 0;
  int rc;

  /* @table is one of ours, never text from the file. */
  g_return_val_if_fail (strspn (table, "abcdefghijklmnopqrstuvwxyz_") == strlen (table), NULL);
  /* NOT INDEXED: the rows come from the table's own b-tree, never from an index that could
   * answer with other values; a full scan of a rowid table or a WITHOUT ROWID table comes in
   * the order of its first column, which the digests are defined over (checked below). */
  sql = g_strdup_printf ("SELECT * FROM \"%s\" NOT INDEXED", table);
  rc = td_conn_prepare (pkg, sql, FALSE, &stmt);
  if (rc != TD_OK)
    {
      td_package_set_error (pkg, rc, error);
      return NULL;
    }
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      int n = td_stmt_column_count (stmt);
      int types[16];
      const void *key;
      int key_len;
      gint64 key_int;

      if (n > (int) G_N_ELEMENTS (types) || ++n_rows > max_rows)
        {
          td_stmt_free (stmt);
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_ROWS,
                       _("The package holds more rows than a self-assessment can have (table “%s”). Ask the unit to export it again."),
                       table);
          return NULL;
        }
      /* The types first: reading a value as text or number afterwards must not change them. */
      for (int c = 0; c < n; c++)
        types[c] = td_stmt_column_type (stmt, c);

      key_int = td_stmt_column_int64 (stmt, 0);
      key = types[0] == TD_VALUE_BLOB ? td_stmt_column_blob (stmt, 0) : (const void *) td_stmt_column_text (stmt, 0);
      key_len = td_stmt_column_bytes (stmt, 0);
      if (last_type >= 0 &&
          compare_keys (last_type, last_key->data, (int) last_key->len, last_int, types[0], key, key_len, key_int) >= 0)
        {
          td_stmt_free (stmt);
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_DAMAGED,
                       _("The package is damaged or incomplete (rows out of order). Ask the unit to export it again."));
          return NULL;
        }
      last_type = types[0];
      last_int = key_int;
      g_byte_array_set_size (last_key, 0);
      if (key_len > 0)
        g_byte_array_append (last_key, key, (guint) key_len);

      if (func != NULL && !func (stmt, types, user_data, error))
        {
          td_stmt_free (stmt);
          return NULL;
        }

      for (int c = 0; c < n; c++)
        {
          if (is_blob && c == 1)
            {
              /* The blob's bytes are bound to its key by their own sha256, checked on import;
               * the digest binds the key and the length (as "length(data)" would give), so the
               * megabytes are hashed once rather than twice. */
              char len[24];

              if (types[c] != TD_VALUE_BLOB)
                {
                  td_stmt_free (stmt);
                  g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_EVIDENCE,
                               _("An evidence in the package is not a file's contents. Ask the unit to export it again."));
                  return NULL;
                }
              g_snprintf (len, sizeof len, "%d", td_stmt_column_bytes (stmt, c));
              digest_cell (sum, TD_VALUE_INTEGER, len, (int) strlen (len));
            }
          else if (types[c] == TD_VALUE_BLOB)
            digest_cell (sum, types[c], td_stmt_column_blob (stmt, c), td_stmt_column_bytes (stmt, c));
          else
            digest_cell (sum, types[c], td_stmt_column_text (stmt, c), td_stmt_column_bytes (stmt, c));
        }
      td_digest_update (sum, "\n", 1);
    }
  td_stmt_free (stmt);
  if (rc != TD_DONE)
    {
      td_package_set_error (pkg, rc, error);
      return NULL;
    }
  return td_digest_finish (g_steal_pointer (&sum));
}

char *
td_package_table_digest (TdConn      *pkg,
                         const char  *table,
                         GError     **error)
{
  return td_package_scan_table (pkg, table, G_MAXUINT, NULL, NULL, error);
}

gboolean
td_exchange_schema_matches (TdConn       *file,
                            const char   *expected,
                            gboolean     *matches,
                            GError      **error)
{
  g_autofree char *have = NULL;
  g_autofree char *want = NULL;
  TdConn *ref = NULL;
  int rc;

  g_autofree char *why = NULL;

  have = td_conn_schema_text (file, &rc);
  if (have == NULL)
    {
      td_package_set_error (file, rc, error);
      return FALSE;
    }

  ref = td_conn_open (NULL, TD_CONN_MEMORY, NULL, &rc, &why);
  if (ref == NULL || td_conn_exec (ref, expected) != TD_OK)
    g_error ("cannot create a schema of our own in memory: %s", ref ? td_conn_errmsg (ref, rc) : why);
  want = td_conn_schema_text (ref, &rc);
  td_conn_close (ref);
  *matches = want != NULL && g_str_equal (want, have);
  return TRUE;
}

TdConn *
td_exchange_open (const char    *path,
                  const char    *schema,
                  const gint64  *deadline,
                  gboolean      *is_signed,
                  const char    *not_ours,
                  const char    *damaged,
                  GError       **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *why = NULL;
  TdConn *file = NULL;
  TdStmt *stmt = NULL;
  gboolean matches = FALSE;
  int rc;

  if (!g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE, _("“%s” is not a file."), path);
      return NULL;
    }
  /* Read-only and immutable, no trusted schema, defensive, bounded values and the deadline:
   * store/td-conn.c opens a file from outside the one way it may be opened. */
  file = td_conn_open (absolute, TD_CONN_UNTRUSTED, deadline, &rc, &why);
  if (file == NULL)
    {
      td_package_set_error (NULL, rc, error);
      return NULL;
    }

  /* The schema before anything else: integrity_check itself would evaluate what a hostile
   * schema declares.  With or without the signature table, nothing else. */
  for (int signed_ = 0; signed_ < 2 && !matches; signed_++)
    {
      g_autofree char *want = g_strconcat (schema, signed_ ? td_package_signature_schema : "", NULL);

      if (!td_exchange_schema_matches (file, want, &matches, error))
        goto fail;
      *is_signed = matches && signed_;
    }
  /* Belt and braces: the same SQL cannot declare hidden columns, but a file could carry a
   * schema that reads differently from its text. */
  if (matches)
    {
      rc = td_conn_prepare (file, "SELECT count(*) FROM sqlite_schema s, pragma_table_xinfo(s.name) x"
                                     " WHERE s.type = 'table' AND x.hidden <> 0", FALSE, &stmt);
      matches = rc == TD_OK && td_stmt_step (stmt) == TD_ROW && td_stmt_column_int (stmt, 0) == 0;
      g_clear_pointer (&stmt, td_stmt_free);
    }
  if (!matches)
    {
      g_set_error_literal (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE, not_ours);
      goto fail;
    }

  /* integrity_check, not quick_check: it also finds pages used twice and records that do not
   * match their table. */
  rc = td_conn_prepare (file, "PRAGMA integrity_check(1)", FALSE, &stmt);
  if (rc == TD_OK)
    rc = td_stmt_step (stmt);
  if (rc != TD_ROW)
    {
      td_package_set_error (file, rc, error);
      goto fail;
    }
  if (g_strcmp0 ((const char *) td_stmt_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error_literal (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_DAMAGED, damaged);
      goto fail;
    }
  td_stmt_free (stmt);
  return file;

fail:
  td_stmt_free (stmt);
  td_conn_close (file);
  return NULL;
}
