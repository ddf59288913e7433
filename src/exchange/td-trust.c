/* td-trust.c: the board's trust list (CA certificates) and its record of which signing
 * certificate belongs to which unit, both in the database; and whether unsigned packages are
 * accepted.  Every change goes to the audit log. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-audit.h"
#include "td-catalog.h"
#include "td-signature-private.h"

static gpointer
der_from_row (sqlite3_stmt *stmt,
              gpointer      user_data)
{
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

GPtrArray *
td_trust_load_ders (TdDatabase  *db,
                    const char  *sql,
                    gint64       unit_id,
                    GError     **error)
{
  sqlite3_stmt *stmt = td_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  if (unit_id)
    sqlite3_bind_int64 (stmt, 1, unit_id);
  return td_database_collect (db, stmt, der_from_row, NULL, (GDestroyNotify) g_bytes_unref, error);
}

static GPtrArray *
infos (GPtrArray *ders)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_cert_info_free);

  for (guint i = 0; i < ders->len; i++)
    {
      TdCertInfo *info = td_cert_info_new (ders->pdata[i], NULL);
      if (info != NULL)
        g_ptr_array_add (out, info);
    }
  return out;
}

static gboolean
write_row (TdDatabase  *db,
           const char  *sql,
           gint64       unit_id,
           TdCertInfo  *info,
           GBytes      *der,
           const char  *audit_entity,
           const char  *unit_code,
           GError     **error)
{
  g_autofree char *now = td_database_now ();
  sqlite3_stmt *stmt;

  if (!td_database_begin (db, error))
    return FALSE;
  stmt = td_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  td_stmt_bind_text (stmt, 1, info->fingerprint);
  td_stmt_bind_text (stmt, 2, info->subject);
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (der, NULL), (int) g_bytes_get_size (der), SQLITE_STATIC);
  td_stmt_bind_text (stmt, 4, now);
  if (unit_id)
    sqlite3_bind_int64 (stmt, 5, unit_id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_audit_record (db, audit_entity, unit_id, unit_code, "added", NULL, info->subject, info->fingerprint, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

TdCertInfo *
td_trust_add_ca (TdDatabase  *db,
                 GBytes      *certificate,
                 GError     **error)
{
  g_autoptr(TdCertInfo) info = NULL;
  g_autoptr(GBytes) der = td_cert_to_der (certificate, &info, error);

  if (der == NULL)
    return NULL;
  if (!info->is_ca)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_CERTIFICATE,
                   _("“%s” is not a certification authority's certificate. Add the certificate of the authority that "
                     "issued the units' certificates."), info->subject);
      return NULL;
    }
  if (!write_row (db, "INSERT OR REPLACE INTO trust_anchor (fingerprint, subject, der, added_at) VALUES (?, ?, ?, ?)",
                  0, info, der, "trust_anchor", NULL, error))
    return NULL;
  return g_steal_pointer (&info);
}

static gboolean
delete_row (TdDatabase  *db,
            const char  *sql,
            const char  *fingerprint,
            gint64       unit_id,
            const char  *audit_entity,
            const char  *unit_code,
            GError     **error)
{
  sqlite3_stmt *stmt;

  if (!td_database_begin (db, error))
    return FALSE;
  stmt = td_database_prepare (db, sql, error);
  if (stmt == NULL)
    goto fail;
  td_stmt_bind_text (stmt, 1, fingerprint);
  if (unit_id)
    sqlite3_bind_int64 (stmt, 2, unit_id);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  if (sqlite3_changes (td_database_get_handle (db)) == 0)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("There is no such certificate."));
      goto fail;
    }
  if (!td_audit_record (db, audit_entity, unit_id, unit_code, "removed", fingerprint, NULL, NULL, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

gboolean
td_trust_remove_ca (TdDatabase  *db,
                    const char  *fingerprint,
                    GError     **error)
{
  return delete_row (db, "DELETE FROM trust_anchor WHERE fingerprint = ?", fingerprint, 0, "trust_anchor", NULL,
                     error);
}

GPtrArray *
td_trust_list_cas (TdDatabase  *db,
                   GError     **error)
{
  g_autoptr(GPtrArray) ders = td_trust_load_ders (db, "SELECT der FROM trust_anchor ORDER BY subject", 0, error);

  return ders ? infos (ders) : NULL;
}

TdCertInfo *
td_trust_bind (TdDatabase  *db,
               const char  *unit_code,
               GBytes      *certificate,
               GError     **error)
{
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, unit_code, error);
  g_autoptr(TdCertInfo) info = NULL;
  g_autoptr(GBytes) der = NULL;

  if (unit == NULL)
    return NULL;
  der = td_cert_to_der (certificate, &info, error);
  if (der == NULL)
    return NULL;
  if (!write_row (db, "INSERT OR REPLACE INTO unit_certificate (fingerprint, subject, der, added_at, unit_id)"
                      " VALUES (?, ?, ?, ?, ?)", td_unit_get_id (unit), info, der, "unit_certificate",
                  unit_code, error))
    return NULL;
  return g_steal_pointer (&info);
}

gboolean
td_trust_unbind (TdDatabase  *db,
                 const char  *unit_code,
                 const char  *fingerprint,
                 GError     **error)
{
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, unit_code, error);

  return unit != NULL &&
         delete_row (db, "DELETE FROM unit_certificate WHERE fingerprint = ? AND unit_id = ?", fingerprint,
                     td_unit_get_id (unit), "unit_certificate", unit_code, error);
}

GPtrArray *
td_trust_list_bound (TdDatabase  *db,
                     const char  *unit_code,
                     GError     **error)
{
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, unit_code, error);
  g_autoptr(GPtrArray) ders = NULL;

  if (unit == NULL)
    return NULL;
  ders = td_trust_load_ders (db, "SELECT der FROM unit_certificate WHERE unit_id = ? ORDER BY subject",
                             td_unit_get_id (unit), error);
  return ders ? infos (ders) : NULL;
}

gboolean
td_trust_get_allow_unsigned (TdDatabase *db)
{
  g_autofree char *value = td_database_get_meta (db, "allow_unsigned_packages");

  return value == NULL || !g_str_equal (value, "0");
}

gboolean
td_trust_set_allow_unsigned (TdDatabase  *db,
                             gboolean     allow,
                             GError     **error)
{
  return td_database_set_meta (db, "allow_unsigned_packages", allow ? "1" : "0", error);
}
