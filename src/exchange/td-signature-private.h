/* td-signature-private.h: what the trust list (td-trust.c) shares with the signature code. */
#pragma once

#include "td-signature.h"
#include "td-trust-store.h"

G_BEGIN_DECLS

/* @certificate (PEM or DER) as DER, and what it says. */
GBytes    *td_cert_to_der     (GBytes      *certificate,
                               TdCertInfo **info,
                               GError     **error);

G_END_DECLS
