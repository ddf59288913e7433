/* td-pdf-document.c: an evidence PDF, opened and drawn in thidua-pdf-helper.
 *
 * No PDF library runs in this process for a document on screen: the pages are drawn by a
 * helper process (td-pdf-helper.c) that a hostile file can crash or stall without taking the
 * window with it.  Two helpers serve one document: one draws pages (for the page cache's
 * and the thumbnails' workers), one answers text and search (for the main thread), so the
 * main thread never waits behind a page being drawn.  Page count and sizes are read once, at
 * opening; asking for them never waits at all. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-pdf-document.h"
#include "td-pdf-helper.h"

struct _TdPdfDocument
{
  GObject      parent_instance;

  TdPdfHelper *pages;
  TdPdfHelper *text;        /* started on the first text request */
  GMutex       text_lock;
  gboolean     text_failed; /* the text helper could not be started: no second try */
  GBytes      *bytes;
  char        *password;
};

G_DEFINE_FINAL_TYPE (TdPdfDocument, td_pdf_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (td-pdf-error-quark, td_pdf_error)

static void
td_pdf_document_finalize (GObject *object)
{
  TdPdfDocument *self = TD_PDF_DOCUMENT (object);

  g_clear_pointer (&self->pages, td_pdf_helper_free);
  g_clear_pointer (&self->text, td_pdf_helper_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->password, g_free);
  g_mutex_clear (&self->text_lock);
  G_OBJECT_CLASS (td_pdf_document_parent_class)->finalize (object);
}

static void
td_pdf_document_class_init (TdPdfDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_pdf_document_finalize;
}

static void
td_pdf_document_init (TdPdfDocument *self)
{
  g_mutex_init (&self->text_lock);
}

gboolean
td_pdf_sniff (GBytes  *bytes,
              GError **error)
{
  gsize size = bytes ? g_bytes_get_size (bytes) : 0;
  const char *data = bytes ? g_bytes_get_data (bytes, NULL) : NULL;

  if (size < 8 || memmem (data, MIN (size, 1024), "%PDF-", 5) == NULL)
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_NOT_PDF,
                   size == 0 ? _("The file is empty.") : _("The file is not a PDF document."));
      return FALSE;
    }
  return TRUE;
}

TdPdfDocument *
td_pdf_document_new (GBytes      *bytes,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(TdPdfDocument) self = NULL;

  if (!td_pdf_sniff (bytes, error))
    return NULL;
  self = g_object_new (TD_TYPE_PDF_DOCUMENT, NULL);
  self->pages = td_pdf_helper_open (bytes, password, td_pdf_helper_page_timeout () * 2, error);
  if (self->pages == NULL)
    return NULL;
  self->bytes = g_bytes_ref (bytes);
  self->password = g_strdup (password);
  return g_steal_pointer (&self);
}

typedef struct {
  GBytes *bytes;
  char   *password;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job->password);
  g_free (job);
}

static void
open_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenJob *job = task_data;
  GError *error = NULL;
  TdPdfDocument *doc = td_pdf_document_new (job->bytes, job->password, &error);

  if (doc == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, doc, g_object_unref);
}

void
td_pdf_document_new_async (GBytes              *bytes,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenJob *job = g_new0 (OpenJob, 1);

  job->bytes = g_bytes_ref (bytes);
  job->password = g_strdup (password);
  g_task_set_source_tag (task, td_pdf_document_new_async);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  /* A document replaced before it opened is dropped, not shown. */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, open_thread);
}

TdPdfDocument *
td_pdf_document_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

int
td_pdf_document_get_n_pages (TdPdfDocument *self)
{
  return td_pdf_helper_get_n_pages (self->pages);
}

int
td_pdf_document_get_n_signatures (TdPdfDocument *self)
{
  return td_pdf_helper_get_n_signatures (self->pages);
}

gboolean
td_pdf_document_get_page_size (TdPdfDocument *self,
                               int            page,
                               double        *width,
                               double        *height)
{
  return td_pdf_helper_get_page_size (self->pages, page, width, height);
}

cairo_surface_t *
td_pdf_document_render (TdPdfDocument  *self,
                        int             page,
                        double          scale,
                        gsize           max_pixels,
                        double         *used_scale,
                        GError        **error)
{
  return td_pdf_helper_render (self->pages, page, scale, max_pixels, td_pdf_helper_page_timeout (), used_scale, error);
}

/* The text helper, started on demand; NULL when it cannot be. */
static TdPdfHelper *
text_helper (TdPdfDocument *self)
{
  TdPdfHelper *helper;

  g_mutex_lock (&self->text_lock);
  if (self->text == NULL && !self->text_failed)
    {
      g_autoptr(GError) error = NULL;

      self->text = td_pdf_helper_open (self->bytes, self->password, td_pdf_helper_page_timeout () * 2, &error);
      if (self->text == NULL)
        {
          g_debug ("No text helper: %s", error->message);
          self->text_failed = TRUE;
        }
    }
  helper = self->text;
  g_mutex_unlock (&self->text_lock);
  return helper;
}

char *
td_pdf_document_get_text (TdPdfDocument *self,
                          int            page)
{
  TdPdfHelper *helper = text_helper (self);

  /* Text answers quickly or not at all: a reviewer waits for it. */
  return helper ? td_pdf_helper_get_text (helper, page, MIN (td_pdf_helper_page_timeout (), 5000)) : g_strdup ("");
}

GArray *
td_pdf_document_find (TdPdfDocument *self,
                      int            page,
                      const char    *text)
{
  TdPdfHelper *helper = text && *text ? text_helper (self) : NULL;

  if (helper == NULL)
    return g_array_new (FALSE, FALSE, sizeof (double) * 4);
  return td_pdf_helper_find (helper, page, text, MIN (td_pdf_helper_page_timeout (), 5000));
}

GBytes *
td_pdf_document_get_bytes (TdPdfDocument *self)
{
  return self->bytes;
}

typedef struct {
  int    page;
  double scale;
  gsize  max_pixels;
} RenderJob;

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  cairo_surface_t *surface;
  double used;

  if (g_task_return_error_if_cancelled (task))
    return;
  surface = td_pdf_document_render (source, job->page, job->scale, job->max_pixels, &used, &error);
  if (surface == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, surface, (GDestroyNotify) cairo_surface_destroy);
}

void
td_pdf_document_render_async (TdPdfDocument       *self,
                              int                  page,
                              double               scale,
                              gsize                max_pixels,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  RenderJob *job = g_new0 (RenderJob, 1);

  job->page = page;
  job->scale = scale;
  job->max_pixels = max_pixels;
  g_task_set_source_tag (task, td_pdf_document_render_async);
  g_task_set_task_data (task, job, g_free);
  g_task_run_in_thread (task, render_thread);
}

cairo_surface_t *
td_pdf_document_render_finish (TdPdfDocument  *self,
                               GAsyncResult   *result,
                               GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
