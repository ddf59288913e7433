/* td-report.h: the province progress report (A4 PDF) and the table of values (CSV, XLSX). */
#pragma once

#include "td-chart-style.h"
#include "td-progress-data.h"

G_BEGIN_DECLS

/* By the extension of @path: .pdf, .csv or .xlsx.  Written beside and renamed into place. */
gboolean td_report_write (TdProgressData  *data,
                          const char      *path,
                          GError         **error);

gboolean td_report_write_pdf  (TdProgressData  *data,
                               const char      *path,
                               GError         **error);
gboolean td_report_write_csv  (TdProgressData  *data,
                               const char      *path,
                               GError         **error);
gboolean td_report_write_xlsx (TdProgressData  *data,
                               const char      *path,
                               GError         **error);

/* The style the PDF report uses: black on white, Liberation Sans (metric-compatible with Arial,
 * with Vietnamese glyphs), 9 pt. */
void     td_report_style      (TdChartStyle    *style);

/* How the province's figures are computed, sentence by sentence in Vietnamese, from the
 * campaign's own rules (who reports each target, whose figures are added, per-round
 * thresholds): the notes of the PDF report, and what `thidua-cli progress` prints. */
GPtrArray *td_report_method_notes (TdProgressData *data);

G_END_DECLS
