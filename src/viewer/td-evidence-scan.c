/* td-evidence-scan.c: the signatures of a unit's evidence, checked on a worker. */
#include "config.h"

#include "td-evidence-scan.h"
#include "td-pdf-bytes.h"
#include "td-pdf-document.h"
#include "td-session.h"

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
  GArray    *ids;       /* gint64 */
  GPtrArray *shas;
} ScanJob;

static void
scan_job_free (ScanJob *job)
{
  g_array_unref (job->ids);
  g_ptr_array_unref (job->shas);
  g_free (job);
}

static gpointer
scan_job (TdDatabase    *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  ScanJob *job = data;
  GPtrArray *results = g_ptr_array_new_with_free_func ((GDestroyNotify) td_evidence_signed_free);

  for (guint i = 0; i < job->ids->len && !g_cancellable_is_cancelled (cancellable); i++)
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
  return results;
}

void
td_evidence_scan_signatures_async (TdDatabase          *db,
                                   GPtrArray           *evidence,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  ScanJob *job = g_new0 (ScanJob, 1);

  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  job->shas = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < evidence->len; i++)
    {
      TdEvidenceInfo *e = evidence->pdata[i];
      g_array_append_val (job->ids, e->id);
      g_ptr_array_add (job->shas, g_strdup (e->sha256));
    }
  td_session_run_async (td_session_get (db), scan_job, job, (GDestroyNotify) scan_job_free,
                        (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
td_evidence_scan_signatures_finish (GAsyncResult  *result,
                                    GError       **error)
{
  return td_session_propagate (result, error);
}
