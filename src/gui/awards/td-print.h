/* td-print.h: printing a generated PDF (decision or certificates) through GtkPrintOperation,
 * with the page setup remembered per kind of document and, for certificates, the printer's
 * calibration offset. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Prints @pdf, each page drawn by poppler at the printer's resolution.  @setup_key names the
 * remembered page setup ("decision", "full-a3", …).  With @offset_fields, the chosen printer's
 * offset from the "printer-offsets" setting moves everything on the page. */
/* TRUE once the pages went to the printer (FALSE when cancelled or failed; a failure is told
 * in a toast). */
gboolean td_print_pdf               (GtkWidget  *parent,
                                     GBytes     *pdf,
                                     const char *job_name,
                                     const char *setup_key,
                                     gboolean    offset_fields);

/* The same drawing into a PDF file, without a dialog and with the given offset: what the
 * printer would receive.  For tests and for checking a calibration. */
gboolean td_print_pdf_export        (GBytes     *pdf,
                                     const char *path,
                                     double      offset_x,
                                     double      offset_y,
                                     GError    **error);

/* The calibration offset stored for @printer, in mm; FALSE (and zeros) when there is none. */
gboolean td_print_get_printer_offset (GSettings  *settings,
                                      const char *printer,
                                      double     *x,
                                      double     *y);
void     td_print_set_printer_offset (GSettings  *settings,
                                      const char *printer,
                                      double      x,
                                      double      y);

G_END_DECLS
