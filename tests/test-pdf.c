/* test-pdf.c: the evidence viewer's document on every file of the shared corpus and on files
 * damaged on purpose: each shows its first page or says what is wrong, never crashes. */
#include "td-pdf-document.h"
#include "td-pdf-signature.h"
#include "td-test-pdf.h"
#include "td-test-util.h"

static const char *
corpus_dir (void)
{
  static char *dir;
  const char *shared = g_getenv ("THIDUA_SHARED");

  if (dir == NULL && shared != NULL)
    dir = g_build_filename (shared, "corpus", "evidence-pdfs", NULL);
  return dir && g_file_test (dir, G_FILE_TEST_IS_DIR) ? dir : NULL;
}

/* Opens and draws the first page; returns the error code, or -1 when it drew. */
static int
first_page (GBytes *bytes, const char *password)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (bytes, password, &error);
  cairo_surface_t *surface;

  if (doc == NULL)
    {
      g_assert_true (error->domain == TD_PDF_ERROR);
      g_assert_cmpuint (strlen (error->message), >, 5);
      return error->code;
    }
  surface = td_pdf_document_render (doc, 0, 0.5, TD_PDF_MAX_PIXELS, NULL, &error);
  if (surface == NULL)
    {
      g_assert_error (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PAGE);
      return error->code;
    }
  g_assert_cmpint (cairo_image_surface_get_width (surface), >, 0);
  cairo_surface_destroy (surface);
  return -1;
}

static void
test_corpus (void)
{
  const char *dir = corpus_dir ();
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("the shared evidence corpus is not beside the checkout");
      return;
    }
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      int result;

      if (!g_str_has_suffix (name, ".pdf"))
        continue;
      bytes = td_test_read_file (path);
      result = first_page (bytes, NULL);
      g_test_message ("%s: %s", name, result < 0 ? "drawn" : "refused");
      if (g_str_has_prefix (name, "005-"))
        {
          /* The protected one asks for its password, refuses a wrong one, opens with the right one. */
          g_assert_cmpint (result, ==, TD_PDF_ERROR_ENCRYPTED);
          g_assert_cmpint (first_page (bytes, "sai-mat-khau"), ==, TD_PDF_ERROR_BAD_PASSWORD);
          g_assert_cmpint (first_page (bytes, "openpassword"), ==, -1);
        }
      else if (g_str_has_prefix (name, "017-"))
        /* Its page tree is broken: pages are counted, each says it cannot be drawn. */
        g_assert_cmpint (result, ==, TD_PDF_ERROR_BAD_PAGE);
      else
        g_assert_cmpint (result, ==, -1);
      n++;
    }
  g_assert_cmpuint (n, >=, 25);
}

static void
test_large_page_capped (void)
{
  const char *dir = corpus_dir ();
  g_autofree char *path = dir ? g_build_filename (dir, "004-pdflatex-4-pages_pdflatex-4-pages.pdf", NULL) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TdPdfDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  double used = 0;

  if (path == NULL)
    {
      g_test_skip ("the shared evidence corpus is not beside the checkout");
      return;
    }
  bytes = td_test_read_file (path);
  doc = td_pdf_document_new (bytes, NULL, &error);
  g_assert_cmpint (td_pdf_document_get_n_pages (doc), ==, 4);
  /* Asked for 40 pixels per point (an A4 page at 2880 dpi): drawn within the cap instead. */
  surface = td_pdf_document_render (doc, 1, 40, TD_PDF_MAX_PIXELS, &used, &error);
  g_assert_nonnull (surface);
  g_assert_cmpfloat (used, <, 40);
  g_assert_cmpint ((gint64) cairo_image_surface_get_width (surface) * cairo_image_surface_get_height (surface), <=,
                   TD_PDF_MAX_PIXELS + 4096);
  cairo_surface_destroy (surface);
  {
    g_autoptr(GArray) found = NULL;
    g_autofree char *text = td_pdf_document_get_text (doc, 0);
    g_assert_cmpuint (strlen (text), >, 10);
  }
}

static void
test_damaged (void)
{
  g_autoptr(GBytes) good = td_demo_make_pdf ("Báo cáo kết quả", "Nội dung minh chứng để kiểm thử.", 5);
  gsize size = g_bytes_get_size (good);
  const guint8 *data = g_bytes_get_data (good, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1 };

  g_assert_cmpint (first_page (good, NULL), ==, -1);
  {
    g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
    g_autoptr(GBytes) image = g_bytes_new_static (png, sizeof png);
    g_assert_cmpint (first_page (empty, NULL), ==, TD_PDF_ERROR_NOT_PDF);
    g_assert_cmpint (first_page (image, NULL), ==, TD_PDF_ERROR_NOT_PDF);
  }

  /* Truncated anywhere: opened as far as poppler can repair it, or refused, never a crash. */
  for (guint cut = 1; cut < 10; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, size * cut / 10);
      int result = first_page (part, NULL);
      g_assert_true (result == -1 || result == TD_PDF_ERROR_DAMAGED || result == TD_PDF_ERROR_BAD_PAGE ||
                     result == TD_PDF_ERROR_EMPTY || result == TD_PDF_ERROR_NOT_PDF);
    }

  /* Bytes flipped at random, many times over. */
  for (guint round = 0; round < 40; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, size);
      g_autoptr(GBytes) spoiled = NULL;
      int result;

      for (guint k = 0; k < 1 + round % 8; k++)
        copy[g_rand_int_range (rand, 0, (gint32) size)] ^= (guint8) g_rand_int_range (rand, 1, 256);
      spoiled = g_bytes_new (copy, size);
      result = first_page (spoiled, NULL);
      g_assert_true (result >= -1 && result <= TD_PDF_ERROR_BAD_PAGE);
    }
}

/* A PDF the test signs itself (td_test_sign_pdf): the signature is found, valid, by the right signer, its issuer unknown to
 * this computer; one byte changed afterwards and it says the document was modified. */
static void
test_signatures (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Biên bản nghiệm thu", "Đã ký số bởi lãnh đạo đơn vị.", 1);
  g_autoptr(GBytes) bytes = td_test_sign_pdf (dir, pdf);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  g_autofree char *line = NULL;
  TdPdfSignature *signature;
  guint8 *tampered;
  gsize size;

  if (bytes == NULL)
    {
      td_test_cleanup_dir (dir);
      return;
    }
  doc = td_pdf_document_new (bytes, NULL, &error);
  g_assert_no_error (error);
  signatures = td_pdf_document_get_signatures (doc);
  g_assert_cmpuint (signatures->len, ==, 1);
  signature = signatures->pdata[0];
  g_assert_cmpstr (signature->signer, ==, "Nguyễn Văn A");
  g_assert_cmpint (signature->state, ==, TD_SIGNATURE_VALID);
  g_assert_cmpint (signature->certificate, !=, TD_CERTIFICATE_TRUSTED);
  g_assert_nonnull (signature->signed_at);
  line = td_pdf_signature_describe (signature);
  g_test_message ("%s", line);
  g_assert_nonnull (strstr (line, "Nguyễn Văn A"));

  /* The unsigned original has none. */
  g_clear_object (&doc);
  g_clear_pointer (&signatures, g_ptr_array_unref);
  doc = td_pdf_document_new (pdf, NULL, &error);
  signatures = td_pdf_document_get_signatures (doc);
  g_assert_cmpuint (signatures->len, ==, 0);

  /* One byte of the binary comment on the second line changed: still a PDF, no longer the
   * signed one. */
  size = g_bytes_get_size (bytes);
  tampered = g_memdup2 (g_bytes_get_data (bytes, NULL), size);
  g_assert_cmpint (tampered[11], !=, 'x');
  tampered[11] = 'x';
  g_clear_object (&doc);
  g_clear_pointer (&signatures, g_ptr_array_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new_take (tampered, size);
  doc = td_pdf_document_new (bytes, NULL, &error);
  g_assert_no_error (error);
  signatures = td_pdf_document_get_signatures (doc);
  g_assert_cmpuint (signatures->len, ==, 1);
  g_assert_cmpint (((TdPdfSignature *) signatures->pdata[0])->state, ==, TD_SIGNATURE_MODIFIED);

  /* A validator that dies (as poppler-glib's can) costs "could not be checked", not this
   * process: a stand-in helper that crashes every time, twice. */
  {
    g_autofree char *crasher = g_build_filename (dir, "crashing-helper", NULL);
    g_autofree char *saved = g_strdup (g_getenv ("THIDUA_CLI"));
    g_autofree char *text = NULL;

    g_assert_true (g_file_set_contents (crasher, "#!/bin/sh\ncat >/dev/null\nkill -SEGV $$\n", -1, NULL));
    g_assert_cmpint (g_chmod (crasher, 0700), ==, 0);
    g_setenv ("THIDUA_CLI", crasher, TRUE);
    g_clear_pointer (&signatures, g_ptr_array_unref);
    signatures = td_pdf_document_get_signatures (doc);
    g_assert_cmpuint (signatures->len, ==, 1);
    g_assert_cmpint (((TdPdfSignature *) signatures->pdata[0])->state, ==, TD_SIGNATURE_UNCHECKED);
    text = td_pdf_signature_describe (signatures->pdata[0]);
    g_assert_nonnull (strstr (text, "could not be checked"));
    if (saved)
      g_setenv ("THIDUA_CLI", saved, TRUE);
    else
      g_unsetenv ("THIDUA_CLI");
    g_remove (crasher);
  }
  td_test_cleanup_dir (dir);
}

/* Every input bench/fuzz found crashing, in tests/fuzz-crashes/: opening, drawing and checking
 * signatures must survive them (this build runs under ASan too).  The first: a signed PDF with
 * bytes after its signed range, on which poppler-glib 25.03's validation reads freed memory;
 * it must be reported as changed after signing without reaching that code. */
static void
test_fuzz_crashes (void)
{
  const char *dir_path = g_getenv ("THIDUA_FUZZ_CRASHES");
  g_autoptr(GDir) dir = dir_path ? g_dir_open (dir_path, 0, NULL) : NULL;
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GBytes) bytes = td_test_read_file (path);
      g_autoptr(TdPdfDocument) doc = td_pdf_document_new (bytes, NULL, NULL);
      g_autoptr(GPtrArray) signatures = NULL;

      n++;
      if (doc == NULL)
        continue;
      first_page (bytes, NULL);
      signatures = td_pdf_document_get_signatures (doc);
      if (g_str_equal (name, "pdf-signed-then-appended.pdf"))
        {
          g_assert_cmpuint (signatures->len, ==, 1);
          g_assert_cmpint (((TdPdfSignature *) signatures->pdata[0])->state, ==, TD_SIGNATURE_MODIFIED);
        }
    }
  g_test_message ("%u fuzz crash inputs survived", n);
  g_assert_cmpuint (n, >=, 1);
}

/* A Type 3 glyph that draws itself aborts cairo inside the helper: that page says why, the
 * process asking lives on, and the document stays usable (sizes, text, the page again). */
static void
test_crashing_page (void)
{
  g_autoptr(GBytes) pdf = td_test_pdf_recursive_type3 ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (pdf, NULL, &error);
  cairo_surface_t *surface;
  double w = 0, h = 0;

  g_assert_no_error (error);
  g_assert_cmpint (td_pdf_document_get_n_pages (doc), ==, 1);
  for (int attempt = 0; attempt < 2; attempt++)
    {
      surface = td_pdf_document_render (doc, 0, 1.0, TD_PDF_MAX_PIXELS, NULL, &error);
      g_assert_null (surface);
      g_assert_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "Aborted"));
      g_clear_error (&error);
    }
  g_assert_true (td_pdf_document_get_page_size (doc, 0, &w, &h));
  g_assert_cmpfloat (w, ==, 200);
  g_free (td_pdf_document_get_text (doc, 0));
}

/* A tiling pattern that paints itself would draw for minutes: the page gives up after its
 * budget, and the pages either side of it draw as usual. */
static void
test_stalling_page (void)
{
  g_autoptr(GBytes) pdf = td_test_pdf_self_painting_pattern (3, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = NULL;
  cairo_surface_t *surface;
  gint64 start;

  /* A budget that a page that does draw meets on a loaded machine under AddressSanitizer. */
  g_setenv ("THIDUA_PDF_PAGE_TIMEOUT", "5000", TRUE);
  doc = td_pdf_document_new (pdf, NULL, &error);
  g_assert_no_error (error);
  surface = td_pdf_document_render (doc, 0, 1.0, TD_PDF_MAX_PIXELS, NULL, &error);
  g_assert_no_error (error);
  cairo_surface_destroy (surface);
  start = g_get_monotonic_time ();
  surface = td_pdf_document_render (doc, 1, 1.0, TD_PDF_MAX_PIXELS, NULL, &error);
  g_assert_null (surface);
  g_assert_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER);
  g_test_message ("%s after %.1f s", error->message, (g_get_monotonic_time () - start) / 1e6);
  /* Given up after its budget, not after the minutes the pattern would take. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
  g_clear_error (&error);
  surface = td_pdf_document_render (doc, 2, 1.0, TD_PDF_MAX_PIXELS, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 200);
  cairo_surface_destroy (surface);
  g_unsetenv ("THIDUA_PDF_PAGE_TIMEOUT");
}

/* At attach, every page is drawn in the helper first: both files are refused with the reason,
 * and nothing is stored. */
static void
test_attach_refuses_hostile (void)
{
  g_autoptr(GBytes) type3 = td_test_pdf_recursive_type3 ();
  g_autoptr(GBytes) pattern = td_test_pdf_self_painting_pattern (2, 1);
  g_autoptr(GBytes) fine = td_test_pdf_pages (NULL, 3, NULL, NULL, 0);
  g_autoptr(GError) error = NULL;
  int pages = 0;

  g_setenv ("THIDUA_PDF_PAGE_TIMEOUT", "5000", TRUE);
  g_assert_false (td_evidence_inspect (type3, 0, &pages, &error));
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (td_evidence_inspect (pattern, 0, &pages, &error));
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY);
  g_assert_nonnull (strstr (error->message, "page 2"));
  g_clear_error (&error);
  g_assert_true (td_evidence_inspect (fine, 0, &pages, &error));
  g_assert_cmpint (pages, ==, 3);
  g_unsetenv ("THIDUA_PDF_PAGE_TIMEOUT");
}

/* A /ByteRange with offsets near 2^63: added as unsigned numbers, no overflow (UBSan). */
static void
test_byte_range_overflow (void)
{
  g_autoptr(GBytes) base = td_test_pdf_pages (NULL, 1, NULL, NULL, 0);
  GString *text = g_string_new_len (g_bytes_get_data (base, NULL), (gssize) g_bytes_get_size (base));
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GPtrArray) signatures = NULL;

  g_string_append (text, "% /ByteRange [0 1 9223372036854775807 9223372036854775807]\n");
  pdf = g_string_free_to_bytes (text);
  signatures = td_pdf_validate_signatures (pdf);
  g_assert_cmpuint (signatures->len, ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/corpus", test_corpus);
  g_test_add_func ("/pdf/large-page-capped", test_large_page_capped);
  g_test_add_func ("/pdf/damaged", test_damaged);
  g_test_add_func ("/pdf/signatures", test_signatures);
  g_test_add_func ("/pdf/fuzz-crashes", test_fuzz_crashes);
  g_test_add_func ("/pdf/crashing-page", test_crashing_page);
  g_test_add_func ("/pdf/stalling-page", test_stalling_page);
  g_test_add_func ("/pdf/attach-refuses-hostile", test_attach_refuses_hostile);
  g_test_add_func ("/pdf/byte-range-overflow", test_byte_range_overflow);
  return g_test_run ();
}
