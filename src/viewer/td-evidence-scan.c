/* td-evidence-scan.c: the signatures of a unit's evidence, checked on a worker. */
#include "config.h"

#include "td-evidence-scan.h"
#include "td-pdf-bytes.h"
#include "td-pdf-document.h"

void
td_evidence_signed_free (TdEvidenceSigned *s)
{
  if (s == NULL)
    return;
  g_free (s->sha256);
  g_free (s->text);
  g_free (s);
}

typedef struct {
  char      *db_path;
  GArray    *ids;       /* gint64 */
  GPtrArray *shas;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_free (job->db_path);
  g_array_unref (job->ids);
  g_ptr_array_unref (job->shas);
  g_free (job);
}

static void
scan_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ScanJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = td_database_open (job->db_path, &error);
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) td_evidence_signed_free);

  for (guint i = 0; db && i < job->ids->len && !g_cancellable_is_cancelled (cancellable); i++)
    {
      g_autoptr(GBytes) bytes = td_pdf_bytes_load_evidence (db, g_array_index (job->ids, gint64, i), NULL);
      g_autoptr(TdPdfDocument) doc = bytes ? td_pdf_document_new (bytes, NULL, NULL) : NULL;
      g_autoptr(GPtrArray) found = doc ? td_pdf_document_get_signatures (doc) : NULL;
      TdEvidenceSigned *s = g_new0 (TdEvidenceSigned, 1);

      s->sha256 = g_strdup (job->shas->pdata[i]);
      s->is_signed = found && found->len > 0;
      for (guint k = 0; s->is_signed && k < found->len; k++)
        s->state = MAX (s->state, ((TdPdfSignature *) found->pdata[k])->state);
      if (s->is_signed)
        s->text = td_pdf_signature_describe (found->pdata[0]);
      g_ptr_array_add (results, s);
    }
  g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
td_evidence_scan_signatures_async (const char          *db_path,
                                   GPtrArray           *evidence,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ScanJob *job = g_new0 (ScanJob, 1);

  job->db_path = g_strdup (db_path);
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->shas = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < evidence->len; i++)
    {
      TdEvidenceInfo *e = evidence->pdata[i];
      g_array_append_val (job->ids, e->id);
      g_ptr_array_add (job->shas, g_strdup (e->sha256));
    }
  g_task_set_source_tag (task, td_evidence_scan_signatures_async);
  g_task_set_task_data (task, job, (GDestroyNotify) scan_job_free);
  g_task_run_in_thread (task, scan_thread);
}

GPtrArray *
td_evidence_scan_signatures_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
