/* td-evidence-preview.h: a simple page-by-page view of an evidence PDF. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TD_TYPE_EVIDENCE_PREVIEW (td_evidence_preview_get_type ())
G_DECLARE_FINAL_TYPE (TdEvidencePreview, td_evidence_preview, TD, EVIDENCE_PREVIEW, AdwDialog)

TdEvidencePreview *td_evidence_preview_new (GBytes *pdf);

G_END_DECLS
