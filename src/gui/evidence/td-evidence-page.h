/* td-evidence-page.h: the "Minh chứng" area: a reviewer goes through a unit's evidence and
 * records a verdict on each. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_EVIDENCE_PAGE (td_evidence_page_get_type ())
G_DECLARE_FINAL_TYPE (TdEvidencePage, td_evidence_page, TD, EVIDENCE_PAGE, AdwBin)

void   td_evidence_page_set_database (TdEvidencePage *self,
                                      TdDatabase     *db);
/* The evidence shown (its id), 0 when none. */
gint64 td_evidence_page_get_current  (TdEvidencePage *self);
guint  td_evidence_page_get_n_items  (TdEvidencePage *self);

G_END_DECLS
