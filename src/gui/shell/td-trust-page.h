/* td-trust-page.h: the board's signature settings in Preferences: whether unsigned packages are
 * accepted, the trusted certification authorities, and each unit's signing certificates. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_TRUST_PAGE (td_trust_page_get_type ())
G_DECLARE_FINAL_TYPE (TdTrustPage, td_trust_page, TD, TRUST_PAGE, AdwPreferencesPage)

TdTrustPage *td_trust_page_new (TdDatabase *db);
/* Adds @certificate (PEM or DER) as a trusted CA, or (with @unit_code) as that unit's
 * certificate, as the Add buttons do after the file is chosen.  FALSE with a toast when refused. */
gboolean     td_trust_page_add (TdTrustPage *self,
                                const char  *unit_code,
                                GBytes      *certificate);

G_END_DECLS
