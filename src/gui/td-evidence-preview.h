/* td-evidence-preview.h: an evidence PDF in the viewer, as a dialog: pages, zoom, search,
 * password. */
#pragma once

#include <adwaita.h>

#include "td-pdf-view.h"

G_BEGIN_DECLS

#define TD_TYPE_EVIDENCE_PREVIEW (td_evidence_preview_get_type ())
G_DECLARE_FINAL_TYPE (TdEvidencePreview, td_evidence_preview, TD, EVIDENCE_PREVIEW, AdwDialog)

TdEvidencePreview *td_evidence_preview_new      (GBytes            *pdf);
TdPdfView         *td_evidence_preview_get_view (TdEvidencePreview *self);

G_END_DECLS
