/* td-pdf-document-private.h: poppler itself, for the viewer's other parts.  Poppler is not
 * thread-safe: hold the document's lock for as long as the PopplerDocument is used. */
#pragma once

#include <poppler.h>

#include "td-pdf-document.h"

G_BEGIN_DECLS

PopplerDocument *td_pdf_document_lock   (TdPdfDocument *self);
void             td_pdf_document_unlock (TdPdfDocument *self);

/* The same file opened once more, with its own lock: slow work such as validating signatures
 * then never holds up the pages on screen. */
TdPdfDocument   *td_pdf_document_open_copy (TdPdfDocument  *self,
                                            GError        **error);

/* The file's bytes, as given to td_pdf_document_new(). */
GBytes          *td_pdf_document_get_bytes (TdPdfDocument  *self);

G_END_DECLS
