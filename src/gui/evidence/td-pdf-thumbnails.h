/* td-pdf-thumbnails.h: a column of small pages beside a TdPdfView; drawn off the main thread
 * only for the pages scrolled into sight, it follows the view's page and moves it on a click. */
#pragma once

#include <adwaita.h>

#include "td-pdf-view.h"

G_BEGIN_DECLS

#define TD_TYPE_PDF_THUMBNAILS (td_pdf_thumbnails_get_type ())
G_DECLARE_FINAL_TYPE (TdPdfThumbnails, td_pdf_thumbnails, TD, PDF_THUMBNAILS, AdwBin)

GtkWidget *td_pdf_thumbnails_new        (void);
/* Follows @view (NULL to stop, which also drops every drawn page). */
void       td_pdf_thumbnails_set_view   (TdPdfThumbnails *self,
                                         TdPdfView       *view);
/* How many pages have been drawn so far: for tests, to see that it stays lazy. */
guint      td_pdf_thumbnails_get_n_drawn (TdPdfThumbnails *self);

G_END_DECLS
