/* td-pdf-document.c: poppler behind a mutex.
 *
 * A poppler document must not be used from two threads at once, and the viewer renders in a
 * worker while the main thread asks for sizes and text; every poppler call here holds the
 * document's lock.  Poppler's errors become TD_PDF_ERROR with a sentence a reviewer can act on. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <poppler.h>
#include <math.h>
#include <string.h>

#include "td-pdf-document-private.h"

struct _TdPdfDocument
{
  GObject          parent_instance;

  GMutex           lock;
  PopplerDocument *doc;
  int              n_pages;
  GBytes          *bytes;      /* kept to open a second, independent copy */
  char            *password;
};

G_DEFINE_FINAL_TYPE (TdPdfDocument, td_pdf_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (td-pdf-error-quark, td_pdf_error)

static void
td_pdf_document_finalize (GObject *object)
{
  TdPdfDocument *self = TD_PDF_DOCUMENT (object);

  g_clear_object (&self->doc);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->password, g_free);
  g_mutex_clear (&self->lock);
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
  g_mutex_init (&self->lock);
}

TdPdfDocument *
td_pdf_document_new (GBytes      *bytes,
                     const char  *password,
                     GError     **error)
{
  g_autoptr(TdPdfDocument) self = NULL;
  g_autoptr(GError) local = NULL;
  gsize size = bytes ? g_bytes_get_size (bytes) : 0;
  const char *data = bytes ? g_bytes_get_data (bytes, NULL) : NULL;
  PopplerDocument *doc;

  if (size < 8 || memmem (data, MIN (size, 1024), "%PDF-", 5) == NULL)
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_NOT_PDF,
                   size == 0 ? _("The file is empty.") : _("The file is not a PDF document."));
      return NULL;
    }
  /* poppler-glib 25.03 crashes in PDFDoc's constructor when poppler_document_new_from_bytes()
   * (or _from_data) gets a wrong password; _from_stream() reports it properly.  With a password
   * the document is therefore read through a memory stream over the same bytes. */
  if (password != NULL)
    {
      g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      doc = poppler_document_new_from_stream (stream, (goffset) size, password, NULL, &local);
    }
  else
    doc = poppler_document_new_from_bytes (bytes, NULL, &local);
  if (doc == NULL)
    {
      if (g_error_matches (local, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, TD_PDF_ERROR, password ? TD_PDF_ERROR_BAD_PASSWORD : TD_PDF_ERROR_ENCRYPTED,
                             password ? _("The password is not right.") : _("The document is protected by a password."));
      else
        g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_DAMAGED,
                     _("The document is damaged and cannot be opened (%s)."), local->message);
      return NULL;
    }
  self = g_object_new (TD_TYPE_PDF_DOCUMENT, NULL);
  self->doc = doc;
  self->bytes = g_bytes_ref (bytes);
  self->password = g_strdup (password);
  self->n_pages = poppler_document_get_n_pages (doc);
  if (self->n_pages <= 0)
    {
      g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_EMPTY, _("The document has no pages."));
      return NULL;
    }
  return g_steal_pointer (&self);
}

int
td_pdf_document_get_n_pages (TdPdfDocument *self)
{
  return self->n_pages;
}

gboolean
td_pdf_document_get_page_size (TdPdfDocument *self,
                               int            page,
                               double        *width,
                               double        *height)
{
  PopplerPage *p;

  g_mutex_lock (&self->lock);
  p = page >= 0 && page < self->n_pages ? poppler_document_get_page (self->doc, page) : NULL;
  if (p != NULL)
    {
      poppler_page_get_size (p, width, height);
      g_object_unref (p);
    }
  g_mutex_unlock (&self->lock);
  /* A page of no size would divide by zero further on. */
  return p != NULL && *width >= 1 && *height >= 1;
}

cairo_surface_t *
td_pdf_document_render (TdPdfDocument  *self,
                        int             page,
                        double          scale,
                        gsize           max_pixels,
                        double         *used_scale,
                        GError        **error)
{
  cairo_surface_t *surface;
  PopplerPage *p;
  cairo_t *cr;
  double w = 0, h = 0;
  int pw, ph;

  if (!td_pdf_document_get_page_size (self, page, &w, &h))
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PAGE, _("Page %d cannot be read."), page + 1);
      return NULL;
    }
  if (max_pixels > 0 && w * scale * h * scale > (double) max_pixels)
    scale = sqrt ((double) max_pixels / (w * h));
  pw = MAX ((int) (w * scale + 0.5), 1);
  ph = MAX ((int) (h * scale + 0.5), 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PAGE, _("Page %d is too large to draw."), page + 1);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) pw / w, (double) ph / h);

  g_mutex_lock (&self->lock);
  p = poppler_document_get_page (self->doc, page);
  if (p != NULL)
    {
      poppler_page_render (p, cr);
      g_object_unref (p);
    }
  g_mutex_unlock (&self->lock);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (used_scale)
    *used_scale = (double) pw / w;
  return surface;
}

char *
td_pdf_document_get_text (TdPdfDocument *self,
                          int            page)
{
  PopplerPage *p;
  char *text = NULL;

  g_mutex_lock (&self->lock);
  p = page >= 0 && page < self->n_pages ? poppler_document_get_page (self->doc, page) : NULL;
  if (p != NULL)
    {
      text = poppler_page_get_text (p);
      g_object_unref (p);
    }
  g_mutex_unlock (&self->lock);
  return text ? text : g_strdup ("");
}

GArray *
td_pdf_document_find (TdPdfDocument *self,
                      int            page,
                      const char    *text)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  PopplerPage *p;
  double h = 0;

  if (text == NULL || *text == '\0')
    return rects;
  g_mutex_lock (&self->lock);
  p = page >= 0 && page < self->n_pages ? poppler_document_get_page (self->doc, page) : NULL;
  if (p != NULL)
    {
      GList *found = poppler_page_find_text_with_options (p, text, POPPLER_FIND_DEFAULT);

      poppler_page_get_size (p, NULL, &h);
      for (GList *l = found; l != NULL; l = l->next)
        {
          PopplerRectangle *r = l->data;
          /* poppler's origin is bottom left; ours top left. */
          double box[4] = { r->x1, h - r->y2, r->x2 - r->x1, r->y2 - r->y1 };
          g_array_append_vals (rects, box, 1);
        }
      g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (p);
    }
  g_mutex_unlock (&self->lock);
  return rects;
}

PopplerDocument *
td_pdf_document_lock (TdPdfDocument *self)
{
  g_mutex_lock (&self->lock);
  return self->doc;
}

void
td_pdf_document_unlock (TdPdfDocument *self)
{
  g_mutex_unlock (&self->lock);
}

TdPdfDocument *
td_pdf_document_open_copy (TdPdfDocument  *self,
                           GError        **error)
{
  return td_pdf_document_new (self->bytes, self->password, error);
}

GBytes *
td_pdf_document_get_bytes (TdPdfDocument *self)
{
  return self->bytes;
}
