/* td-signature-private.h: what the trust list (td-trust.c) shares with the signature code. */
#pragma once

#include "td-database-private.h"
#include "td-signature.h"

G_BEGIN_DECLS

/* @certificate (PEM or DER) as DER, and what it says. */
GBytes    *td_cert_to_der     (GBytes      *certificate,
                               TdCertInfo **info,
                               GError     **error);
/* The "der" column of every row of @sql (bound to @unit_id when it is not 0). */
GPtrArray *td_trust_load_ders (TdDatabase  *db,
                               const char  *sql,
                               gint64       unit_id,
                               GError     **error);

G_END_DECLS
