/* td-progress-export.h: writing the progress report or a chart on a worker. */
#pragma once

#include "td-progress-chart.h"
#include "td-progress-data.h"

G_BEGIN_DECLS

/* td_report_write() on a worker; the data is read-only once loaded, so it is shared, not copied. */
void     td_report_write_async            (TdProgressData      *data,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* td_progress_chart_export() on a worker. */
void     td_progress_chart_export_async   (TdProgressData      *data,
                                           TdChartKind          kind,
                                           guint                target_index,
                                           const char          *path,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Finishes either. */
gboolean td_progress_export_finish        (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
