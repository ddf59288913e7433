/* thidua-pdf-helper: opens and draws one untrusted PDF for the app, in a process of its own.
 *
 * Poppler and cairo will always have inputs that crash them or make them run for minutes (a
 * Type 3 glyph that draws itself, a tiling pattern that paints itself).  The app therefore
 * never opens an evidence PDF itself: it starts this helper (td-pdf-helper.c), hands it the
 * file as a sealed memfd over a socket (fd 3) and asks for page sizes, pixels and text.  Here
 * the helper limits itself (CPU time, address space, no core files, dies with its parent);
 * the app limits each request's time and replaces a helper that dies or runs over.  Pixels go
 * back in a memfd the app maps: nothing is copied through the socket. */
#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <cairo-pdf.h>
#include <poppler.h>
#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "td-pdf-document.h"
#include "td-pdf-helper-io.h"
#include "td-sandbox.h"
#include "td-sandbox-filter.h"

#define SOCK 3

/* A warm helper serves many pages; it retires once it has used this much CPU time, well before
 * the hard limit below, so that a long day of reviewing never meets the limit. */
#define RETIRE_CPU_SECONDS 120
#define HARD_CPU_SECONDS   300
#define ADDRESS_SPACE      (G_GUINT64_CONSTANT (3) * 1024 * 1024 * 1024)

static PopplerDocument *doc;
static int n_pages;

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* What the first page of the first document would otherwise pay for, done while the helper
 * waits as the app's spare: fontconfig reading its cache, poppler's global state, a font
 * embedded and drawn.  Measured by bench-viewer (first page of a text document). */
static void
warm_up (void)
{
  GByteArray *pdf = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 100, 100);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) bytes = NULL;
  PopplerDocument *warm;

  cairo_select_font_face (cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_move_to (cr, 10, 50);
  cairo_show_text (cr, "Thi đua");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  bytes = g_byte_array_free_to_bytes (pdf);
  warm = poppler_document_new_from_bytes (bytes, NULL, NULL);
  if (warm != NULL)
    {
      PopplerPage *page = poppler_document_get_page (warm, 0);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 20, 20);

      cr = cairo_create (image);
      if (page != NULL)
        poppler_page_render (page, cr);
      cairo_destroy (cr);
      cairo_surface_destroy (image);
      g_clear_object (&page);
      g_object_unref (warm);
    }
}

/* A page's pixels go back in a memfd of their own, and a fresh one costs more than drawing a
 * text page: the kernel allocates, zeroes and maps 4–9 MB of shared memory page by page as
 * the page is painted (3.3–7 ms measured for an A4 page at 1.5×, against 2.4 ms of drawing;
 * MAP_POPULATE alone changes nothing, nor does allocating without mapping).  So the next one
 * is made ready, allocated and mapped, while the helper waits for a request: as large as the
 * page drawn last, and at first an A4 page at 150 dpi, which holds the first page of most
 * documents at a laptop's zoom.  A page larger than that gets a fresh memfd as before. */
typedef struct {
  int    fd;
  void  *data;
  gsize  size;      /* mapped */
} Pixels;

static Pixels ready = { -1, NULL, 0 };
static gsize next_size = (gsize) 1240 * 4 * 1754;

static gboolean
map_pixels (Pixels *px,
            gsize   size,
            int     flags)
{
  px->fd = td_helper_memfd_new ("thidua-page", NULL, size);
  px->data = px->fd >= 0 ? mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | flags, px->fd, 0) : MAP_FAILED;
  px->size = size;
  if (px->data != MAP_FAILED)
    return TRUE;
  if (px->fd >= 0)
    close (px->fd);
  px->fd = -1;
  px->data = NULL;
  return FALSE;
}

static void
prepare_pixels (void)
{
  if (ready.fd < 0 && next_size > 0)
    map_pixels (&ready, next_size, MAP_POPULATE);
}

/* Pixels for @size bytes: the ready ones when they are large enough. */
static gboolean
take_pixels (Pixels *px,
             gsize   size)
{
  next_size = size;
  if (ready.fd >= 0 && ready.size >= size)
    {
      *px = ready;
      ready.fd = -1;
      ready.data = NULL;
      return TRUE;
    }
  if (ready.fd >= 0)
    {
      munmap (ready.data, ready.size);
      close (ready.fd);
      ready.fd = -1;
      ready.data = NULL;
    }
  return map_pixels (px, size, 0);
}

/* Unmapped (no seal against writing is possible while a writable mapping exists), cut to the
 * page's @size (ready pixels may be larger) and sealed: the fd to send. */
static int
finish_pixels (Pixels *px,
               gsize   size)
{
  munmap (px->data, px->size);
  if (px->size > size && ftruncate (px->fd, (off_t) size) != 0)
    {
      close (px->fd);
      return -1;
    }
  td_helper_memfd_seal (px->fd);
  return px->fd;
}

static gboolean
retiring (void)
{
  struct rusage ru;

  getrusage (RUSAGE_SELF, &ru);
  return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec >= RETIRE_CPU_SECONDS;
}

static void
fail (TdHelperReply *reply,
      TdPdfError     code,
      const char    *message)
{
  reply->status = 1 + (int) code;
  g_strlcpy (reply->message, message, sizeof reply->message);
}

typedef struct {
  void  *data;
  size_t size;
} Mapping;

/* The document's mapping goes with the last reference poppler holds to its bytes. */
static void
unmap_document (gpointer data)
{
  Mapping *m = data;

  munmap (m->data, m->size);
  g_free (m);
}

static int
do_open (const TdHelperRequest *req,
         int                    fd,
         TdHelperReply         *reply)
{
  g_autoptr(GError) error = NULL;
  int out = -1;

  g_clear_object (&doc);
  n_pages = 0;
  if (fd < 0)
    {
      fail (reply, TD_PDF_ERROR_DAMAGED, "no file");
      return -1;
    }
  /* The memfd mapped: poppler reads the very pages the app wrote, no copy of the bytes.
   * poppler-glib 25.03 crashes in PDFDoc's constructor when _from_bytes() gets a wrong
   * password; _from_stream() reports it properly, so a password goes through a stream over
   * the same mapping. */
  {
    struct stat st;
    void *map = fstat (fd, &st) == 0 && st.st_size > 0
                ? mmap (NULL, (size_t) st.st_size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
    g_autoptr(GBytes) bytes = NULL;

    if (map == MAP_FAILED)
      {
        fail (reply, TD_PDF_ERROR_DAMAGED, "cannot map the file");
        return -1;
      }
    {
      Mapping *m = g_new0 (Mapping, 1);
      m->data = map;
      m->size = (size_t) st.st_size;
      bytes = g_bytes_new_with_free_func (map, (gsize) st.st_size, unmap_document, m);
    }
    if (req->has_password)
      {
        g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
        doc = poppler_document_new_from_stream (stream, (goffset) st.st_size, req->text, NULL, &error);
      }
    else
      doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  }
  if (doc == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        fail (reply, req->has_password ? TD_PDF_ERROR_BAD_PASSWORD : TD_PDF_ERROR_ENCRYPTED, "");
      else
        fail (reply, TD_PDF_ERROR_DAMAGED, error ? error->message : "");
      return -1;
    }
  n_pages = poppler_document_get_n_pages (doc);
  if (n_pages <= 0)
    {
      fail (reply, TD_PDF_ERROR_EMPTY, "");
      return -1;
    }
  reply->n_pages = n_pages;
  reply->n_signatures = poppler_document_get_n_signatures (doc);

  /* Every page's size once, at load: the app never has to ask while a page is drawing. */
  {
    g_autofree double *wh = g_new0 (double, 2 * (gsize) n_pages);
    for (int i = 0; i < n_pages; i++)
      {
        PopplerPage *p = poppler_document_get_page (doc, i);
        if (p != NULL)
          {
            poppler_page_get_size (p, &wh[2 * i], &wh[2 * i + 1]);
            g_object_unref (p);
          }
      }
    reply->payload_size = sizeof (double) * 2 * (gsize) n_pages;
    out = td_helper_memfd_new ("thidua-page-sizes", wh, reply->payload_size);
  }
  return out;
}

static int
do_render (const TdHelperRequest *req,
           TdHelperReply         *reply)
{
  PopplerPage *p;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w = 0, h = 0, scale = req->scale;
  int pw, ph, stride, fd;
  gsize size;
  Pixels px;

  p = doc && req->page >= 0 && req->page < n_pages ? poppler_document_get_page (doc, req->page) : NULL;
  if (p == NULL)
    {
      fail (reply, TD_PDF_ERROR_BAD_PAGE, "");
      return -1;
    }
  poppler_page_get_size (p, &w, &h);
  if (!(w >= 1 && h >= 1 && w < 1e6 && h < 1e6) || !(scale > 0 && scale < 1000))
    {
      g_object_unref (p);
      fail (reply, TD_PDF_ERROR_BAD_PAGE, "");
      return -1;
    }
  if (req->max_pixels > 0 && w * scale * h * scale > (double) req->max_pixels)
    scale = sqrt ((double) req->max_pixels / (w * h));
  pw = MAX ((int) (w * scale + 0.5), 1);
  ph = MAX ((int) (h * scale + 0.5), 1);
  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, pw);
  size = (gsize) stride * (gsize) ph;
  if (!take_pixels (&px, size))
    {
      g_object_unref (p);
      fail (reply, TD_PDF_ERROR_BAD_PAGE, "out of memory");
      return -1;
    }
  surface = cairo_image_surface_create_for_data (px.data, CAIRO_FORMAT_ARGB32, pw, ph, stride);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) pw / w, (double) ph / h);
  poppler_page_render (p, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  g_object_unref (p);
  if ((fd = finish_pixels (&px, size)) < 0)
    {
      fail (reply, TD_PDF_ERROR_BAD_PAGE, "out of memory");
      return -1;
    }
  reply->width = pw;
  reply->height = ph;
  reply->stride = stride;
  reply->scale = (double) pw / w;
  reply->payload_size = size;
  return fd;
}

static int
do_text (const TdHelperRequest *req,
         TdHelperReply         *reply)
{
  PopplerPage *p = doc && req->page >= 0 && req->page < n_pages ? poppler_document_get_page (doc, req->page) : NULL;
  g_autofree char *text = NULL;
  GArray *rects;
  int fd;

  if (p == NULL)
    {
      fail (reply, TD_PDF_ERROR_BAD_PAGE, "");
      return -1;
    }
  if (req->op == TD_HELPER_TEXT)
    {
      text = poppler_page_get_text (p);
      g_object_unref (p);
      reply->payload_size = text ? strlen (text) : 0;
      return reply->payload_size ? td_helper_memfd_new ("thidua-text", text, reply->payload_size) : -1;
    }

  rects = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  {
    char needle[sizeof req->text];
    GList *found;
    double h = 0;

    g_strlcpy (needle, req->text, sizeof needle);
    found = *needle ? poppler_page_find_text_with_options (p, needle, POPPLER_FIND_DEFAULT) : NULL;
    poppler_page_get_size (p, NULL, &h);
    for (GList *l = found; l != NULL; l = l->next)
      {
        PopplerRectangle *r = l->data;
        /* poppler's origin is bottom left; ours top left. */
        double box[4] = { r->x1, h - r->y2, r->x2 - r->x1, r->y2 - r->y1 };
        g_array_append_vals (rects, box, 1);
      }
    g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  }
  g_object_unref (p);
  reply->payload_size = rects->len * sizeof (double) * 4;
  fd = reply->payload_size ? td_helper_memfd_new ("thidua-hits", rects->data, reply->payload_size) : -1;
  g_array_unref (rects);
  return fd;
}

int
main (int    argc,
      char **argv)
{
  /* Dies with the app, even in the middle of a page. */
  td_sandbox_limit_self (HARD_CPU_SECONDS, ADDRESS_SPACE);
  if (argc > 1 && g_str_equal (argv[1], "--version"))
    {
      g_print ("thidua-pdf-helper %s (poppler %s)\n", PACKAGE_VERSION, poppler_get_version ());
      return 0;
    }
  if (argc > 2 && g_str_equal (argv[1], "--sandbox-test"))
    return td_sandbox_self_test (argv[2]);
  /* Fonts, poppler's and cairo's first allocations come before the filter; from here on the
   * helper only draws what the app sends (td-sandbox-filter.c). */
  warm_up ();
  td_sandbox_filter_syscalls ();
  for (;;)
    {
      TdHelperRequest req;
      TdHelperReply reply;
      int in_fd = -1, out_fd = -1;
      int rc;

      prepare_pixels ();
      rc = td_helper_recv (SOCK, &req, sizeof req, &in_fd, -1);

      if (rc == 0)
        break;
      memset (&reply, 0, sizeof reply);
      req.text[sizeof req.text - 1] = '\0';
      if (rc < 0)
        fail (&reply, TD_PDF_ERROR_DAMAGED, "malformed request");
      else if (req.op == TD_HELPER_OPEN)
        out_fd = do_open (&req, in_fd, &reply);
      else if (req.op == TD_HELPER_RENDER)
        out_fd = do_render (&req, &reply);
      else if (req.op == TD_HELPER_TEXT || req.op == TD_HELPER_FIND)
        out_fd = do_text (&req, &reply);
      else
        fail (&reply, TD_PDF_ERROR_DAMAGED, "unknown request");
      /* The document's memfd stays open in poppler's stream; the request's copy goes. */
      if (in_fd >= 0)
        close (in_fd);
      reply.retiring = retiring ();
      if (!td_helper_send (SOCK, &reply, sizeof reply, out_fd))
        break;
      if (out_fd >= 0)
        close (out_fd);
      if (reply.retiring)
        break;
    }
  g_clear_object (&doc);
  return 0;
}
