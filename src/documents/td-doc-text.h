/* td-doc-text.h: what the decision and the certificates share to lay out Vietnamese text in a
 * PDF with cairo and pango: the font face, text blocks, fitting text in a box, and a PDF
 * surface that writes into memory.  No GTK. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

#define TD_MM (72.0 / 25.4)   /* points per millimetre */

/* "Times New Roman" when installed, else a metric-compatible face with Vietnamese glyphs
 * (Liberation Serif, Tinos); @substituted says whether it had to fall back. */
const char   *td_doc_serif_family   (gboolean     *substituted);

/* A pango context for drawing on @cr in points. */
PangoContext *td_doc_context_new    (cairo_t        *cr);

typedef enum {
  TD_DOC_BOLD   = 1 << 0,
  TD_DOC_ITALIC = 1 << 1,
} TdDocStyle;

/* A layout of @text in @family at @size points; wrapped at @width points when @width > 0. */
PangoLayout  *td_doc_layout         (PangoContext   *context,
                                     const char     *family,
                                     double          size,
                                     TdDocStyle      style,
                                     double          width,
                                     PangoAlignment  alignment,
                                     const char     *text);
/* Height in points of a layout, counting ink that rises above or falls below the line boxes
 * (stacked Vietnamese marks on capitals); @ink_top is set to how far ink rises above the first
 * line's box (≥ 0). */
double        td_doc_layout_height  (PangoLayout    *layout,
                                     double         *ink_top);
double        td_doc_layout_width   (PangoLayout    *layout);

/* A PDF surface whose bytes go into memory; finish it with td_doc_pdf_finish(). */
cairo_surface_t *td_doc_pdf_new     (double          width,
                                     double          height,
                                     const char     *title);
GBytes       *td_doc_pdf_finish     (cairo_surface_t *surface,
                                     GError        **error);

G_END_DECLS
