/* td-document-preview.h: a generated decision or certificate batch, previewed in the PDF
 * reader before it is printed or saved. */
#pragma once

#include <adwaita.h>

#include "td-pdf-reader.h"

G_BEGIN_DECLS

#define TD_TYPE_DOCUMENT_PREVIEW (td_document_preview_get_type ())
G_DECLARE_FINAL_TYPE (TdDocumentPreview, td_document_preview, TD, DOCUMENT_PREVIEW, AdwDialog)

/* @file_name: suggested when saving; @setup_key: the remembered page setup (td_print_pdf());
 * @offset_fields: print with the printer's calibration offset (certificates on blanks). */
TdDocumentPreview *td_document_preview_new        (GBytes            *pdf,
                                                   const char        *title,
                                                   const char        *file_name,
                                                   const char        *setup_key,
                                                   gboolean           offset_fields);
TdPdfReader       *td_document_preview_get_reader (TdDocumentPreview *self);

G_END_DECLS
