/* td-cli-pdf.c: pdf-render, the viewer's renderer from the command line, to check odd files. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-pdf-document.h"
#include "td-pdf-signature.h"

#include <unistd.h>

int
td_cli_pdf_render (TdCliContext  *ctx,
                   int            argc,
                   char         **argv,
                   GError       **error)
{
  g_autofree char *output = NULL;
  g_autofree char *password = NULL;
  int page = 1, dpi = 96, status = 0;
  GOptionEntry entries[] = {
    { "page", 'p', 0, G_OPTION_ARG_INT, &page, N_("Page number, from 1"), N_("N") },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &dpi, N_("Resolution in dots per inch (default 96)"), N_("D") },
    { "password", 0, 0, G_OPTION_ARG_STRING, &password, N_("Password of a protected document"), N_("TEXT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The PNG file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TdPdfDocument) doc = NULL;
  cairo_surface_t *surface;
  double scale = 0;

  if (!td_cli_parse (ctx, "pdf-render", N_("FILE"), entries, &argc, &argv, &status, error))
    return status;
  if (argc != 2 || output == NULL || dpi < 10 || dpi > 1200)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("pdf-render needs FILE -o OUT.png (and --dpi between 10 and 1200)"));
      return 2;
    }
  file = g_file_new_for_commandline_arg (argv[1]);
  if ((bytes = g_file_load_bytes (file, NULL, NULL, error)) == NULL ||
      (doc = td_pdf_document_new (bytes, password, error)) == NULL)
    return 1;
  printf (_("pages: %d\n"), td_pdf_document_get_n_pages (doc));
  if (page < 1 || page > td_pdf_document_get_n_pages (doc))
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PAGE, _("The document has no page %d."), page);
      return 1;
    }
  surface = td_pdf_document_render (doc, page - 1, dpi / 72.0, TD_PDF_MAX_PIXELS, &scale, error);
  if (surface == NULL)
    return 1;
  if (cairo_surface_write_to_png (surface, output) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”."), output);
      return 1;
    }
  printf ("%s: %d × %d\n", output, cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface));
  cairo_surface_destroy (surface);
  return 0;
}

/* The evidence viewer's signature validator, run apart from the app (see td-pdf-signature.c):
 * "-" reads the file from stdin.  It stops itself after a minute, whatever poppler and NSS do. */
int
td_cli_pdf_signatures (TdCliContext  *ctx,
                       int            argc,
                       char         **argv,
                       GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) signatures = NULL;
  int status = 0;
  GOptionEntry entries[] = { { NULL } };

  if (!td_cli_parse (ctx, "pdf-signatures", N_("FILE|-"), entries, &argc, &argv, &status, error))
    return status;
  if (argc != 2)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("pdf-signatures needs one file, or - for stdin"));
      return 2;
    }
  alarm (60);
  if (g_str_equal (argv[1], "-"))
    {
      GByteArray *data = g_byte_array_new ();
      guint8 chunk[65536];
      size_t n;

      while ((n = fread (chunk, 1, sizeof chunk, stdin)) > 0)
        g_byte_array_append (data, chunk, (guint) n);
      bytes = g_byte_array_free_to_bytes (data);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (argv[1]);
      if ((bytes = g_file_load_bytes (file, NULL, NULL, error)) == NULL)
        return 1;
    }
  if (!td_pdf_sniff (bytes, error))
    return 1;
  signatures = td_pdf_validate_signatures (bytes);
  if (ctx->json)
    {
      g_autofree char *json = td_pdf_signatures_to_json (signatures);
      printf ("%s\n", json);
    }
  else
    for (guint i = 0; i < signatures->len; i++)
      {
        g_autofree char *line = td_pdf_signature_describe (signatures->pdata[i]);
        printf ("%s\n", line);
      }
  /* Done: leave at once.  A normal exit runs NSS's shutdown and the library destructors while
   * poppler-glib's validation thread may still be winding down, which is where its fault
   * strikes; nothing is left to clean up in a process that ends here. */
  fflush (stdout);
  _exit (ferror (stdout) ? 1 : 0);
}
