/* td-pdf-document.h: an evidence PDF opened for viewing: page sizes, rendering at a capped
 * size, text and search, all done in thidua-pdf-helper processes (see td-pdf-document.c).
 * No GTK: the viewer widget and thidua-cli share it. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "td-pdf-error.h"

G_BEGIN_DECLS


/* Pages are drawn at most this many pixels (about 4000 × 4000): an A0 scan at 300 dpi would
 * otherwise need over a gigabyte. */
#define TD_PDF_MAX_PIXELS (16 * 1024 * 1024)

#define TD_TYPE_PDF_DOCUMENT (td_pdf_document_get_type ())
G_DECLARE_FINAL_TYPE (TdPdfDocument, td_pdf_document, TD, PDF_DOCUMENT, GObject)

/* A PDF header within the first kilobyte; nothing else is a PDF. */
gboolean         td_pdf_sniff                    (GBytes         *bytes,
                                                  GError        **error);

/* @password may be NULL.  Starts the helper and waits for it to open the file (bounded). */
TdPdfDocument   *td_pdf_document_new             (GBytes         *bytes,
                                                  const char     *password,
                                                  GError        **error);
/* td_pdf_document_new() on a worker, so that the window never waits for the helper. */
void             td_pdf_document_new_async       (GBytes              *bytes,
                                                  const char          *password,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
TdPdfDocument   *td_pdf_document_new_finish      (GAsyncResult        *result,
                                                  GError             **error);
int              td_pdf_document_get_n_pages     (TdPdfDocument  *self);
/* How many signature fields the file has (validated elsewhere: td-pdf-signature.h). */
int              td_pdf_document_get_n_signatures (TdPdfDocument *self);
/* The file's bytes, as given to td_pdf_document_new(). */
GBytes          *td_pdf_document_get_bytes       (TdPdfDocument  *self);
/* In points; FALSE for a page poppler cannot read. */
gboolean         td_pdf_document_get_page_size   (TdPdfDocument  *self,
                                                  int             page,
                                                  double         *width,
                                                  double         *height);
/* A white page drawn at @scale (pixels per point), lowered if it would exceed @max_pixels;
 * the scale used is returned in @used_scale.  Safe to call from any thread; waits for the
 * helper (at most the page budget): call it off the main thread. */
cairo_surface_t *td_pdf_document_render          (TdPdfDocument  *self,
                                                  int             page,
                                                  double          scale,
                                                  gsize           max_pixels,
                                                  double         *used_scale,
                                                  GError        **error);
/* td_pdf_document_render() on a worker; the finish function returns the image surface. */
void             td_pdf_document_render_async    (TdPdfDocument       *self,
                                                  int                  page,
                                                  double               scale,
                                                  gsize                max_pixels,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
cairo_surface_t *td_pdf_document_render_finish   (TdPdfDocument       *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
char            *td_pdf_document_get_text        (TdPdfDocument  *self,
                                                  int             page);
/* Rectangles (in points, origin top left) where @text appears on @page, case-insensitive. */
GArray          *td_pdf_document_find            (TdPdfDocument  *self,
                                                  int             page,
                                                  const char     *text);

G_END_DECLS
