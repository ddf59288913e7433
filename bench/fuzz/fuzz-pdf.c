/* fuzz-pdf.c: the evidence-opening path (what attaching and viewing a PDF does) on any bytes:
 * open, measure and draw the first page small, read its text, look for signatures. */
#include <stdint.h>

#include "td-pdf-check.h"

#include "td-pdf-document.h"
#include "td-pdf-signature.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
quiet (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  /* Poppler's complaints about broken files are expected by the thousand. */
  g_log_set_default_handler (quiet, NULL);
  td_pdf_checker_install ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (bytes, NULL, NULL);
  double used, w, h;

  if (doc == NULL)
    return 0;
  if (td_pdf_document_get_page_size (doc, 0, &w, &h))
    {
      cairo_surface_t *surface = td_pdf_document_render (doc, 0, 0.25, 512 * 512, &used, NULL);
      g_autofree char *text = td_pdf_document_get_text (doc, 0);

      if (surface)
        cairo_surface_destroy (surface);
    }
  g_ptr_array_unref (td_pdf_document_get_signatures (doc));
  return 0;
}
