/* td-trust-store.h: the board's trust list (certification authorities) and each unit's signing
 * certificates, as the database keeps them: DER bytes with their fingerprint and subject.
 * Reading and checking certificates is exchange's (GnuTLS); storing them is the core's. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

/* The DER certificates (GBytes) bound to the unit @unit_id, or with @unit_id 0 the trust
 * anchors; by subject. */
GPtrArray *td_trust_store_list   (TdDatabase  *db,
                                  gint64       unit_id,
                                  GError     **error);
/* Stores (or replaces) a certificate and logs it in the audit, under @unit_code. */
gboolean   td_trust_store_add    (TdDatabase  *db,
                                  gint64       unit_id,
                                  const char  *unit_code,
                                  const char  *fingerprint,
                                  const char  *subject,
                                  GBytes      *der,
                                  GError     **error);
/* Removes one; TD_DATABASE_ERROR_NOT_FOUND when there is no such certificate. */
gboolean   td_trust_store_remove (TdDatabase  *db,
                                  gint64       unit_id,
                                  const char  *unit_code,
                                  const char  *fingerprint,
                                  GError     **error);

G_END_DECLS
