/* td-trust.c: the board's trust list (CA certificates) and its record of which signing
 * certificate belongs to which unit, both in the database; and whether unsigned packages are
 * accepted.  Every change goes to the audit log.  The rows are the core's (td-trust-store.c);
 * here, what a certificate is. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-audit.h"
#include "td-catalog.h"
#include "td-signature-private.h"

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
  if (!td_trust_store_add (db, 0, NULL, info->fingerprint, info->subject, der, error))
    return NULL;
  return g_steal_pointer (&info);
}

gboolean
td_trust_remove_ca (TdDatabase  *db,
                    const char  *fingerprint,
                    GError     **error)
{
  return td_trust_store_remove (db, 0, NULL, fingerprint, error);
}

GPtrArray *
td_trust_list_cas (TdDatabase  *db,
                   GError     **error)
{
  g_autoptr(GPtrArray) ders = td_trust_store_list (db, 0, error);

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
  if (!td_trust_store_add (db, td_unit_get_id (unit), unit_code, info->fingerprint, info->subject, der, error))
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

  return unit != NULL && td_trust_store_remove (db, td_unit_get_id (unit), unit_code, fingerprint, error);
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
  ders = td_trust_store_list (db, td_unit_get_id (unit), error);
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
