/* td-pdf-error.h: how opening or drawing an evidence PDF fails, whichever part found it (the
 * document, the helper process, the byte checks). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TD_PDF_ERROR (td_pdf_error_quark ())

typedef enum {
  TD_PDF_ERROR_NOT_PDF,        /* no PDF header: an image, a text file, nothing at all */
  TD_PDF_ERROR_DAMAGED,        /* poppler cannot make a document of it */
  TD_PDF_ERROR_ENCRYPTED,      /* needs a password */
  TD_PDF_ERROR_BAD_PASSWORD,   /* the password given is wrong */
  TD_PDF_ERROR_EMPTY,          /* a document without pages */
  TD_PDF_ERROR_BAD_PAGE,       /* this page cannot be drawn; the others may be fine */
  TD_PDF_ERROR_HELPER,         /* the PDF helper crashed, ran over its time, or is missing */
} TdPdfError;

GQuark td_pdf_error_quark (void);

G_END_DECLS
