/* td-evidence-preview.h: an evidence PDF in the reader (pages, zoom, search, password), as a
 * dialog. */
#pragma once

#include <adwaita.h>

#include "td-pdf-reader.h"

G_BEGIN_DECLS

#define TD_TYPE_EVIDENCE_PREVIEW (td_evidence_preview_get_type ())
G_DECLARE_FINAL_TYPE (TdEvidencePreview, td_evidence_preview, TD, EVIDENCE_PREVIEW, AdwDialog)

TdEvidencePreview *td_evidence_preview_new      (GBytes            *pdf);
TdPdfReader       *td_evidence_preview_get_reader (TdEvidencePreview *self);

G_END_DECLS
