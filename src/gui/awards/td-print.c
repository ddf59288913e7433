/* td-print.c: generated PDFs to the printer.
 *
 * The document is printed from its PDF, so what the board previewed is what comes out.  The
 * whole sheet is the drawing area (full page), because the offsets of a pre-printed blank are
 * measured from the paper's edges, not from the printer's margins. */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "td-doc-text.h"
#include "td-print.h"
#include "td-notify.h"

#ifndef __POPPLER_AUTOPTR_DEFINED
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

typedef struct {
  PopplerDocument *doc;
  GSettings       *settings;
  char            *setup_key;
  gboolean         offset_fields;
  double           offset_x, offset_y;   /* mm, for the printer chosen */
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->doc);
  g_clear_object (&job->settings);
  g_free (job->setup_key);
  g_free (job);
}

gboolean
td_print_get_printer_offset (GSettings  *settings,
                             const char *printer,
                             double     *x,
                             double     *y)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, "printer-offsets");

  *x = *y = 0;
  return printer != NULL && g_variant_lookup (all, printer, "(dd)", x, y);
}

void
td_print_set_printer_offset (GSettings  *settings,
                             const char *printer,
                             double      x,
                             double      y)
{
  g_autoptr(GVariant) all = g_settings_get_value (settings, "printer-offsets");
  GVariantBuilder builder;
  GVariantIter iter;
  const char *name;
  double ox, oy;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{s(dd)}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s(dd)}", &name, &ox, &oy))
    if (g_strcmp0 (name, printer) != 0)
      g_variant_builder_add (&builder, "{s(dd)}", name, ox, oy);
  if (x != 0 || y != 0)
    g_variant_builder_add (&builder, "{s(dd)}", printer, x, y);
  g_settings_set_value (settings, "printer-offsets", g_variant_builder_end (&builder));
}

static GtkPageSetup *
stored_page_setup (PrintJob *job)
{
  g_autoptr(GVariant) all = g_settings_get_value (job->settings, "page-setups");
  const char *data = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  GtkPageSetup *setup = NULL;

  /* Without a key (an export), the document's own paper and orientation. */
  if (job->setup_key != NULL && g_variant_lookup (all, job->setup_key, "&s", &data) &&
      g_key_file_load_from_data (key_file, data, -1, G_KEY_FILE_NONE, NULL))
    setup = gtk_page_setup_new_from_key_file (key_file, NULL, NULL);
  if (setup == NULL)
    {
      /* First time: the paper and orientation of the document itself. */
      g_autoptr(PopplerPage) page = poppler_document_get_page (job->doc, 0);
      double w = 0, h = 0;
      g_autoptr(GtkPaperSize) paper = NULL;

      if (page)
        poppler_page_get_size (page, &w, &h);
      paper = gtk_paper_size_new (MAX (w, h) > 1000 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, paper);
      gtk_page_setup_set_orientation (setup, w > h ? GTK_PAGE_ORIENTATION_LANDSCAPE : GTK_PAGE_ORIENTATION_PORTRAIT);
    }
  return setup;
}

static void
remember_page_setup (PrintJob     *job,
                     GtkPageSetup *setup)
{
  g_autoptr(GVariant) all = g_settings_get_value (job->settings, "page-setups");
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *data = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  const char *key, *value;

  gtk_page_setup_to_key_file (setup, key_file, NULL);
  data = g_key_file_to_data (key_file, NULL, NULL);
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{ss}"));
  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (!g_str_equal (key, job->setup_key))
      g_variant_builder_add (&builder, "{ss}", key, value);
  g_variant_builder_add (&builder, "{ss}", job->setup_key, data);
  g_settings_set_value (job->settings, "page-setups", g_variant_builder_end (&builder));
}

static void
begin_print_cb (GtkPrintOperation *op,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (op);

  gtk_print_operation_set_n_pages (op, poppler_document_get_n_pages (job->doc));
  if (job->offset_fields)
    td_print_get_printer_offset (job->settings, gtk_print_settings_get_printer (settings),
                                 &job->offset_x, &job->offset_y);
  if (job->setup_key != NULL)
    remember_page_setup (job, gtk_print_context_get_page_setup (context));
}

static void
draw_page_cb (GtkPrintOperation *op,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  g_autoptr(PopplerPage) page = poppler_document_get_page (job->doc, page_nr);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double pw, ph, cw = gtk_print_context_get_width (context), ch = gtk_print_context_get_height (context);
  double scale;

  if (page == NULL)
    return;
  poppler_page_get_size (page, &pw, &ph);
  /* Same paper: 1:1, so millimetres stay millimetres; other paper: the page fitted on it. */
  scale = MIN (cw / pw, ch / ph);
  if (ABS (scale - 1) < 0.01)
    scale = 1;
  cairo_save (cr);
  cairo_translate (cr, job->offset_x * TD_MM, job->offset_y * TD_MM);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_restore (cr);
}

/* A print operation drawing @pdf's pages 1:1 on the whole sheet, or NULL when @pdf cannot be
 * read.  @setup_key NULL: the document's own paper, nothing remembered (an export). */
static GtkPrintOperation *
operation_new (GBytes      *pdf,
               const char  *setup_key,
               gboolean     offset_fields,
               double       offset_x,
               double       offset_y,
               GError     **error)
{
  PrintJob *job = g_new0 (PrintJob, 1);
  g_autoptr(GtkPageSetup) setup = NULL;
  GtkPrintOperation *op;

  job->doc = poppler_document_new_from_bytes (pdf, NULL, error);
  if (job->doc == NULL)
    {
      print_job_free (job);
      return NULL;
    }
  job->settings = g_settings_new (APP_ID);
  job->setup_key = g_strdup (setup_key);
  job->offset_fields = offset_fields;
  job->offset_x = offset_x;
  job->offset_y = offset_y;
  op = gtk_print_operation_new ();
  setup = stored_page_setup (job);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (op, TRUE);
  g_signal_connect (op, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (op, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (op), "td-print-job", job, (GDestroyNotify) print_job_free);
  return op;
}

gboolean
td_print_pdf (GtkWidget  *parent,
              GBytes     *pdf,
              const char *job_name,
              const char *setup_key,
              gboolean    offset_fields)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) op = operation_new (pdf, setup_key, offset_fields, 0, 0, &error);
  GtkRoot *root = gtk_widget_get_root (parent);
  g_autofree char *message = NULL;
  GtkPrintOperationResult result;

  if (op != NULL)
    {
      gtk_print_operation_set_job_name (op, job_name);
      gtk_print_operation_set_embed_page_setup (op, TRUE);
      result = gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
      if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
        return result == GTK_PRINT_OPERATION_RESULT_APPLY;
    }
  message = g_strdup_printf (_("Printing failed: %s"), error->message);
  td_notify_toast (parent, message);
  return FALSE;
}

gboolean
td_print_pdf_export (GBytes      *pdf,
                     const char  *path,
                     double       offset_x,
                     double       offset_y,
                     GError     **error)
{
  g_autoptr(GtkPrintOperation) op = operation_new (pdf, NULL, FALSE, offset_x, offset_y, error);

  if (op == NULL)
    return FALSE;
  gtk_print_operation_set_export_filename (op, path);
  return gtk_print_operation_run (op, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}
