/* td-progress-export.c: the report and the charts written on a worker (see the header). */
#include "config.h"

#include "td-progress-export.h"
#include "td-report.h"

typedef struct {
  TdProgressData *data;
  TdChartKind     kind;
  guint           target_index;
  gboolean        report;
  char           *path;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  td_progress_data_unref (job->data);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  if (job->report)
    ok = td_report_write (job->data, job->path, &error);
  else
    ok = td_progress_chart_export (job->data, job->kind, job->target_index, job->path, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
run (ExportJob           *job,
     GCancellable        *cancellable,
     GAsyncReadyCallback  callback,
     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, td_progress_export_finish);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
td_report_write_async (TdProgressData      *data,
                       const char          *path,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->data = td_progress_data_ref (data);
  job->report = TRUE;
  job->path = g_strdup (path);
  run (job, cancellable, callback, user_data);
}

void
td_progress_chart_export_async (TdProgressData      *data,
                                TdChartKind          kind,
                                guint                target_index,
                                const char          *path,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  ExportJob *job = g_new0 (ExportJob, 1);

  job->data = td_progress_data_ref (data);
  job->kind = kind;
  job->target_index = target_index;
  job->path = g_strdup (path);
  run (job, cancellable, callback, user_data);
}

gboolean
td_progress_export_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
