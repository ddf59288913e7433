/* td-package-batch.c: many packages checked or imported on a worker (see td-package.h). */
#include "config.h"

#include "td-package.h"

void
td_package_outcome_free (TdPackageOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->path);
  td_package_preview_free (outcome->preview);
  g_free (outcome->error);
  g_free (outcome);
}

typedef struct {
  char                  *db_path;
  GStrv                  paths;
  gboolean               import;
  gsize                  max_size;
  TdPackageProgressFunc  progress;
  gpointer               progress_data;
} BatchJob;

static void
batch_job_free (BatchJob *job)
{
  g_free (job->db_path);
  g_strfreev (job->paths);
  g_free (job);
}

static void
batch_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  BatchJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = td_database_open (job->db_path, &error);
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) td_package_outcome_free);
  guint total = g_strv_length (job->paths);

  if (db == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  for (guint i = 0; i < total && !g_cancellable_is_cancelled (cancellable); i++)
    {
      TdPackageOutcome *o = g_new0 (TdPackageOutcome, 1);
      g_autoptr(GError) local = NULL;

      o->path = g_strdup (job->paths[i]);
      o->preview = job->import ? td_package_import (db, o->path, job->max_size, &local)
                               : td_package_inspect (db, o->path, job->max_size, &local);
      o->error = local ? g_strdup (local->message) : NULL;
      g_ptr_array_add (outcomes, o);
      if (job->progress)
        job->progress (i + 1, total, job->progress_data);
    }
  g_task_return_pointer (task, g_steal_pointer (&outcomes), (GDestroyNotify) g_ptr_array_unref);
}

void
td_packages_run_async (const char            *db_path,
                       const char * const    *paths,
                       gboolean               import,
                       gsize                  max_evidence_size,
                       GCancellable          *cancellable,
                       TdPackageProgressFunc  progress,
                       gpointer               progress_data,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  BatchJob *job = g_new0 (BatchJob, 1);

  job->db_path = g_strdup (db_path);
  job->paths = g_strdupv ((char **) paths);
  job->import = import;
  job->max_size = max_evidence_size;
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_source_tag (task, td_packages_run_async);
  g_task_set_task_data (task, job, (GDestroyNotify) batch_job_free);
  g_task_run_in_thread (task, batch_thread);
}

GPtrArray *
td_packages_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
