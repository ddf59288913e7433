/* td-pdf-helper.h: the app's side of thidua-pdf-helper, the process that opens and draws an
 * untrusted PDF.  One TdPdfHelper is one helper process with one document open in it: started
 * on demand, kept warm between requests, replaced when it dies, runs over its time budget or
 * retires.  Requests are serialised by the helper's own lock; each has a time budget, after
 * which the process is killed and the request fails with a reason a reviewer can read. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _TdPdfHelper TdPdfHelper;

/* Opens @bytes (with @password, may be NULL) in a new helper and reads the page count, the
 * number of signature fields and every page's size.  @timeout_ms bounds the opening. */
TdPdfHelper     *td_pdf_helper_open          (GBytes       *bytes,
                                              const char   *password,
                                              int           timeout_ms,
                                              GError      **error);
/* Another document in the same helper process (started again if it is gone): what the
 * evidence check uses to avoid a process start per file. */
gboolean         td_pdf_helper_reopen        (TdPdfHelper  *self,
                                              GBytes       *bytes,
                                              const char   *password,
                                              int           timeout_ms,
                                              GError      **error);
void             td_pdf_helper_free          (TdPdfHelper  *self);
/* Lets go of a helper inherited through fork() without touching its process, which belongs
 * to the parent. */
void             td_pdf_helper_abandon       (TdPdfHelper  *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPdfHelper, td_pdf_helper_free)

int              td_pdf_helper_get_n_pages   (TdPdfHelper  *self);
int              td_pdf_helper_get_n_signatures (TdPdfHelper *self);
/* From the sizes read at opening: never waits for the helper. */
gboolean         td_pdf_helper_get_page_size (TdPdfHelper  *self,
                                              int           page,
                                              double       *width,
                                              double       *height);
/* The page drawn in the helper, on a white background; the surface's pixels are the helper's
 * memfd mapped here (no copy).  NULL with the reason when the page cannot be drawn, the
 * helper crashed on it or ran past @timeout_ms. */
cairo_surface_t *td_pdf_helper_render        (TdPdfHelper  *self,
                                              int           page,
                                              double        scale,
                                              gsize         max_pixels,
                                              int           timeout_ms,
                                              double       *used_scale,
                                              GError      **error);
/* How many pages were drawn by a caller that held the default main context (the GUI's main
 * thread): a window must never wait for a page, so in the app this stays 0. */
guint            td_pdf_helper_get_main_thread_renders (void);
/* The page's text ("" when it has none or the helper failed). */
char            *td_pdf_helper_get_text      (TdPdfHelper  *self,
                                              int           page,
                                              int           timeout_ms);
/* double[4] rectangles (points, origin top left) where @text appears on @page. */
GArray          *td_pdf_helper_find          (TdPdfHelper  *self,
                                              int           page,
                                              const char   *text,
                                              int           timeout_ms);

/* The time budgets, in milliseconds ($THIDUA_PDF_PAGE_TIMEOUT for a page, else 10 s; opening
 * gets twice that). */
int              td_pdf_helper_page_timeout  (void);
/* Starts a helper ahead of need, when none is waiting: the next document opened takes it,
 * already past its start-up.  The app calls it once its window is up. */
void             td_pdf_helper_prepare       (void);
/* Where the helper is: $THIDUA_PDF_HELPER, the installed libexecdir, or beside the running
 * program in a build tree; NULL when none is found. */
char            *td_pdf_helper_find_program  (void);

G_END_DECLS
