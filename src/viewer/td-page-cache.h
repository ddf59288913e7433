/* td-page-cache.h: rendered pages of one document, made by a worker thread around the page in
 * view, within a memory budget.  No GTK: the pixels are GBytes the widget wraps in a texture. */
#pragma once

#include <gio/gio.h>

#include "td-pdf-document.h"

G_BEGIN_DECLS

#define TD_TYPE_PAGE_CACHE (td_page_cache_get_type ())
G_DECLARE_FINAL_TYPE (TdPageCache, td_page_cache, TD, PAGE_CACHE, GObject)

/* How many pages either side of the current one are rendered ahead. */
#define TD_PAGE_CACHE_AHEAD 2

typedef struct {
  GBytes *pixels;     /* premultiplied ARGB32, cairo's layout */
  int     width;
  int     height;
  int     stride;
  double  scale;      /* pixels per point it was drawn at */
} TdRenderedPage;

/* Emits "page-ready" (int page) in the thread-default main context of the caller. */
TdPageCache          *td_page_cache_new          (TdPdfDocument *document,
                                                  gsize          budget_bytes);
TdPdfDocument        *td_page_cache_get_document (TdPageCache   *self);
/* Pixels per point to render at; pages drawn at another scale are redrawn.  A new cache draws
 * nothing until this is first called (with a scale above 0). */
void                  td_page_cache_set_scale    (TdPageCache   *self,
                                                  double         scale);
/* 0 until a scale is set: nothing is drawn. */
double                td_page_cache_get_scale    (TdPageCache   *self);
/* The page in view: it and its neighbours are wanted, everything else may go. */
void                  td_page_cache_set_current  (TdPageCache   *self,
                                                  int            page);
/* The page if it is ready at the current scale (borrowed; valid until the next call here). */
const TdRenderedPage *td_page_cache_lookup       (TdPageCache   *self,
                                                  int            page);
/* Why a page could not be drawn, or NULL. */
const GError         *td_page_cache_get_error    (TdPageCache   *self,
                                                  int            page);
gsize                 td_page_cache_get_memory   (TdPageCache   *self);
/* The most the cache held at once since it was made. */
gsize                 td_page_cache_get_peak_memory (TdPageCache *self);
/* A new budget (the view was resized): pages beyond it go now. */
void                  td_page_cache_set_budget   (TdPageCache   *self,
                                                  gsize          budget_bytes);
/* The budget for a view of @width × @height device pixels on this machine: a dozen pages that
 * fill the view, within what the machine's memory can spare (td-page-cache.c says how much). */
gsize                 td_page_cache_budget_for   (int            width,
                                                  int            height);
guint                 td_page_cache_get_n_renders (TdPageCache  *self);

G_END_DECLS
