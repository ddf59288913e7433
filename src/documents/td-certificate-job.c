/* td-certificate-job.c: certificates for a whole decision, into one PDF or one file per
 * awardee, on the calling thread or on a worker (see td-certificate.h). */
#include "config.h"

#include "td-certificate.h"

GPtrArray *
td_certificates_write_split (const TdCertificateTemplate  *template_,
                             GPtrArray                    *certificates,
                             double                        offset_x,
                             double                        offset_y,
                             GFile                        *folder,
                             GCancellable                 *cancellable,
                             TdProgressFunc                progress,
                             gpointer                      user_data,
                             GError                      **error)
{
  g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) local = NULL;

  if (!g_file_make_directory_with_parents (folder, cancellable, &local) &&
      !g_error_matches (local, G_IO_ERROR, G_IO_ERROR_EXISTS))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  for (guint i = 0; i < certificates->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autofree char *name = td_certificate_file_name (certificates->pdata[i], i);
      g_autoptr(GFile) file = g_file_get_child (folder, name);
      g_autoptr(GBytes) pdf = NULL;

      g_ptr_array_add (one, certificates->pdata[i]);
      pdf = td_certificates_render_pdf (template_, one, offset_x, offset_y, cancellable, NULL, NULL, error);
      if (pdf == NULL ||
          !g_file_replace_contents (file, g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf), NULL, FALSE,
                                    G_FILE_CREATE_NONE, NULL, cancellable, error))
        return NULL;
      g_ptr_array_add (written, g_steal_pointer (&file));
      if (progress)
        progress (i + 1, certificates->len, user_data);
    }
  return g_steal_pointer (&written);
}

typedef struct {
  TdCertificateTemplate *template_;
  GPtrArray             *certificates;
  GFile                 *folder;
  TdProgressFunc         progress;
  gpointer               progress_data;
} Job;

static void
job_free (Job *job)
{
  td_certificate_template_free (job->template_);
  g_ptr_array_unref (job->certificates);
  g_clear_object (&job->folder);
  g_free (job);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  Job *job = data;
  GError *error = NULL;

  if (job->folder != NULL)
    {
      GPtrArray *written = td_certificates_write_split (job->template_, job->certificates, 0, 0, job->folder, cancellable,
                                                        job->progress, job->progress_data, &error);
      if (written != NULL)
        g_task_return_pointer (task, written, (GDestroyNotify) g_ptr_array_unref);
      else
        g_task_return_error (task, error);
      return;
    }
  {
    /* Printing applies the printer's offset; the PDF itself is drawn without one, so that a
     * saved copy prints right on any calibrated printer. */
    GBytes *pdf = td_certificates_render_pdf (job->template_, job->certificates, 0, 0, cancellable,
                                              job->progress, job->progress_data, &error);
    if (pdf != NULL)
      g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
    else
      g_task_return_error (task, error);
  }
}

void
td_certificates_render_async (TdCertificateTemplate *template_,
                              GPtrArray             *certificates,
                              GFile                 *folder,
                              GCancellable          *cancellable,
                              TdProgressFunc         progress,
                              gpointer               progress_data,
                              GAsyncReadyCallback    callback,
                              gpointer               user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->template_ = template_;
  job->certificates = g_ptr_array_ref (certificates);
  job->folder = folder ? g_object_ref (folder) : NULL;
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_source_tag (task, td_certificates_render_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, render_thread);
}

gboolean
td_certificates_render_finish (GAsyncResult  *result,
                               GBytes       **pdf,
                               guint         *n_files,
                               GError       **error)
{
  Job *job;
  gpointer out;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  job = g_task_get_task_data (G_TASK (result));
  out = g_task_propagate_pointer (G_TASK (result), error);
  if (out == NULL)
    return FALSE;
  if (job->folder != NULL)
    {
      if (n_files)
        *n_files = ((GPtrArray *) out)->len;
      g_ptr_array_unref (out);
      return TRUE;
    }
  if (pdf)
    *pdf = out;
  else
    g_bytes_unref (out);
  return TRUE;
}
