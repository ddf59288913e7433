/* td-evidence-pages.h: the pages of a dossier's evidence files drawn for the dossier PDF, in the
 * PDF helper process like every evidence page (a hostile file never reaches poppler in the
 * app's own process).  No GTK. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "td-core.h"

G_BEGIN_DECLS

typedef struct _TdEvidencePages TdEvidencePages;

/* Reads the bytes of every file of @evidence (TdEvidenceItem) now, on the calling thread, so
 * that the pages can be drawn from a worker. */
TdEvidencePages *td_evidence_pages_new  (TdDatabase       *db,
                                         GPtrArray        *evidence,
                                         GError          **error);
void             td_evidence_pages_free (TdEvidencePages  *pages);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdEvidencePages, td_evidence_pages_free)

/* Page @page of file @index as an image at 150 dpi; the signature of TdEvidencePageFunc
 * (td-dossier-pdf.h), @user_data the TdEvidencePages. */
cairo_surface_t *td_evidence_pages_draw (guint             index,
                                         guint             page,
                                         gpointer          user_data,
                                         GError          **error);

G_END_DECLS
