/* fuzz-pdf.c: the evidence-opening path (what attaching and viewing a PDF does) on any bytes:
 * open, measure and draw the first page small, read its text, look for signatures, and the
 * attach check.  All of it runs in the PDF helper, as in the app: a helper that crashes or
 * stalls is the design working; a finding is this process crashing or hanging. */
#include <stdint.h>

#include "td-evidence.h"
#include "td-pdf-check.h"
#include "td-test-pdf.h"

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
  /* Hostile seeds of our own making: a Type 3 glyph that draws itself, a tiling pattern that
   * paints itself (see tests/td-test-pdf.h). */
  if (g_getenv ("THIDUA_FUZZ_PDF_SEED_DIR"))
    {
      const char *dir = g_getenv ("THIDUA_FUZZ_PDF_SEED_DIR");
      g_autoptr(GBytes) type3 = td_test_pdf_recursive_type3 ();
      g_autoptr(GBytes) pattern = td_test_pdf_self_painting_pattern (2, 1);
      g_autofree char *a = g_build_filename (dir, "seed-type3-recursive.pdf", NULL);
      g_autofree char *b = g_build_filename (dir, "seed-pattern-self-painting.pdf", NULL);

      g_file_set_contents (a, g_bytes_get_data (type3, NULL), (gssize) g_bytes_get_size (type3), NULL);
      g_file_set_contents (b, g_bytes_get_data (pattern, NULL), (gssize) g_bytes_get_size (pattern), NULL);
    }
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
  td_evidence_inspect (bytes, 0, NULL, NULL);
  return 0;
}
