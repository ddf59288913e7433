/* td-trust-store.c: the trust list's rows (see td-trust-store.h).  Every change is audited, in
 * the same transaction as the change. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-audit.h"
#include "td-database-private.h"
#include "td-trust-store.h"

static gpointer
der_from_row (TdStmt       *stmt,
              gpointer      user_data)
{
  return g_bytes_new (td_stmt_column_blob (stmt, 0), td_stmt_column_bytes (stmt, 0));
}

GPtrArray *
td_trust_store_list (TdDatabase  *db,
                     gint64       unit_id,
                     GError     **error)
{
  TdStmt *stmt = unit_id
    ? td_database_prepare (db, "SELECT der FROM unit_certificate WHERE unit_id = ? ORDER BY subject", error)
    : td_database_prepare (db, "SELECT der FROM trust_anchor ORDER BY subject", error);

  if (stmt == NULL)
    return NULL;
  if (unit_id)
    td_stmt_bind_int64 (stmt, 1, unit_id);
  return td_database_collect (db, stmt, der_from_row, NULL, (GDestroyNotify) g_bytes_unref, error);
}

gboolean
td_trust_store_add (TdDatabase  *db,
                    gint64       unit_id,
                    const char  *unit_code,
                    const char  *fingerprint,
                    const char  *subject,
                    GBytes      *der,
                    GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *now = td_database_now ();
  TdStmt *stmt;

  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = unit_id
    ? td_database_prepare (db, "INSERT OR REPLACE INTO unit_certificate (fingerprint, subject, der, added_at, unit_id)"
                               " VALUES (?, ?, ?, ?, ?)", error)
    : td_database_prepare (db, "INSERT OR REPLACE INTO trust_anchor (fingerprint, subject, der, added_at)"
                               " VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, fingerprint);
  td_stmt_bind_text (stmt, 2, subject);
  td_stmt_bind_blob (stmt, 3, g_bytes_get_data (der, NULL), g_bytes_get_size (der));
  td_stmt_bind_text (stmt, 4, now);
  if (unit_id)
    td_stmt_bind_int64 (stmt, 5, unit_id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_audit_record (db, unit_id ? "unit_certificate" : "trust_anchor", unit_id, unit_code, "added", NULL, subject,
                        fingerprint, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

gboolean
td_trust_store_remove (TdDatabase  *db,
                       gint64       unit_id,
                       const char  *unit_code,
                       const char  *fingerprint,
                       GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  TdStmt *stmt;

  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = unit_id
    ? td_database_prepare (db, "DELETE FROM unit_certificate WHERE fingerprint = ? AND unit_id = ?", error)
    : td_database_prepare (db, "DELETE FROM trust_anchor WHERE fingerprint = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, fingerprint);
  if (unit_id)
    td_stmt_bind_int64 (stmt, 2, unit_id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  if (td_conn_changes (td_database_get_handle (db)) == 0)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("There is no such certificate."));
      return FALSE;
    }
  if (!td_audit_record (db, unit_id ? "unit_certificate" : "trust_anchor", unit_id, unit_code, "removed", fingerprint,
                        NULL, NULL, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}
