/* td-pdf-view.h: one evidence page at a time, flipped with the keyboard as fast as paper. */
#pragma once

#include <adwaita.h>

#include "td-page-cache.h"

G_BEGIN_DECLS

typedef enum {
  TD_ZOOM_FIT_PAGE,
  TD_ZOOM_FIT_WIDTH,
  TD_ZOOM_FREE,
} TdZoomMode;

#define TD_TYPE_PDF_VIEW (td_pdf_view_get_type ())
G_DECLARE_FINAL_TYPE (TdPdfView, td_pdf_view, TD, PDF_VIEW, GtkWidget)

GtkWidget     *td_pdf_view_new           (void);
/* NULL shows @message (why there is nothing to show) in the page area. */
void           td_pdf_view_set_document  (TdPdfView     *self,
                                          TdPdfDocument *document,
                                          const char    *message);
TdPdfDocument *td_pdf_view_get_document  (TdPdfView     *self);
/* What the view says instead of a document (why there is none), or NULL. */
const char    *td_pdf_view_get_message   (TdPdfView     *self);
int            td_pdf_view_get_page      (TdPdfView     *self);
void           td_pdf_view_set_page      (TdPdfView     *self,
                                          int            page);
int            td_pdf_view_get_n_pages   (TdPdfView     *self);
void           td_pdf_view_set_zoom_mode (TdPdfView     *self,
                                          TdZoomMode     mode);
/* Continuous: the pages one under the other, scrolled; otherwise one page at a time. */
void           td_pdf_view_set_continuous (TdPdfView    *self,
                                           gboolean      continuous);
gboolean       td_pdf_view_get_continuous (TdPdfView    *self);
/* Highlights @text on the pages; NULL or "" stops searching. */
void           td_pdf_view_set_search    (TdPdfView     *self,
                                          const char    *text);
/* Goes to the next (or previous) page with a hit; FALSE when there is none. */
gboolean       td_pdf_view_find_next     (TdPdfView     *self,
                                          gboolean       backwards);
guint          td_pdf_view_get_n_hits    (TdPdfView     *self);
/* TRUE when the page in view is drawn (not a placeholder). */
gboolean       td_pdf_view_is_page_shown (TdPdfView     *self);
TdPageCache   *td_pdf_view_get_cache     (TdPdfView     *self);

G_END_DECLS
