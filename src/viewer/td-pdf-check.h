/* td-pdf-check.h: whether an evidence PDF can be shown, decided by drawing it in the PDF
 * helper: the check behind td_evidence_inspect() at attach and at import. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Opens @bytes in a helper and draws every page small, under the helper's limits; sets
 * @n_pages.  Fails with a TD_EVIDENCE_ERROR: NOT_PDF, ENCRYPTED, EMPTY, DAMAGED (poppler says
 * so), or CANNOT_DISPLAY (the helper crashed or ran over its time on a page: the message says
 * which page and why). */
gboolean td_pdf_check             (GBytes  *bytes,
                                   int     *n_pages,
                                   GError **error);

/* Makes td_pdf_check() the core's evidence checker; every program calls it at start-up. */
void     td_pdf_checker_install   (void);

G_END_DECLS
