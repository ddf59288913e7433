/* td-pdf-reader.h: a PDF page view with its bar (pages, zoom, search) and a password prompt;
 * the evidence dialog and the review area both show one. */
#pragma once

#include <adwaita.h>

#include "td-pdf-thumbnails.h"
#include "td-pdf-view.h"

G_BEGIN_DECLS

#define TD_TYPE_PDF_READER (td_pdf_reader_get_type ())
G_DECLARE_FINAL_TYPE (TdPdfReader, td_pdf_reader, TD, PDF_READER, AdwBin)

GtkWidget           *td_pdf_reader_new              (void);
/* Opens @pdf, asking for its password when it has one; with @pdf NULL the page area shows
 * @error_message (or nothing). */
void                 td_pdf_reader_set_pdf          (TdPdfReader *self,
                                                     GBytes      *pdf,
                                                     const char  *error_message);
/* TRUE while the helper opens a document (td_pdf_reader_set_pdf() returns at once). */
gboolean             td_pdf_reader_is_opening       (TdPdfReader *self);
TdPdfView           *td_pdf_reader_get_view         (TdPdfReader *self);
AdwPasswordEntryRow *td_pdf_reader_get_password_row (TdPdfReader *self);
/* The page thumbnails sidebar (F9 or the bar's button). */
void                 td_pdf_reader_show_thumbnails  (TdPdfReader *self,
                                                     gboolean     show);
TdPdfThumbnails     *td_pdf_reader_get_thumbnails   (TdPdfReader *self);
/* Says who signed the file and whether the signature holds, when it carries one. */
AdwBanner           *td_pdf_reader_get_signature_banner (TdPdfReader *self);
/* One line per signature of the file shown, as its Details dialog lists them. */
char               **td_pdf_reader_get_signature_details (TdPdfReader *self);

G_END_DECLS
