/* td-evidence-pages.c: evidence pages for the dossier, one helper-backed document open at a time
 * (the dossier draws them in order). */

#include "config.h"

#include "td-evidence-pages.h"
#include "td-pdf-bytes.h"
#include "td-pdf-document.h"

#define SCALE   (150.0 / 72.0)
#define PIXELS  (16 * 1024 * 1024)

struct _TdEvidencePages {
  GPtrArray     *bytes;      /* GBytes per file */
  guint          open_index;
  TdPdfDocument *open;
};

TdEvidencePages *
td_evidence_pages_new (TdDatabase  *db,
                       GPtrArray   *evidence,
                       GError     **error)
{
  g_autoptr(TdEvidencePages) pages = g_new0 (TdEvidencePages, 1);

  pages->bytes = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  for (guint i = 0; i < evidence->len; i++)
    {
      GBytes *bytes = td_pdf_bytes_load_evidence (db, ((TdEvidenceItem *) evidence->pdata[i])->id, error);

      if (bytes == NULL)
        return NULL;
      g_ptr_array_add (pages->bytes, bytes);
    }
  return g_steal_pointer (&pages);
}

void
td_evidence_pages_free (TdEvidencePages *pages)
{
  if (pages == NULL)
    return;
  g_clear_object (&pages->open);
  g_clear_pointer (&pages->bytes, g_ptr_array_unref);
  g_free (pages);
}

cairo_surface_t *
td_evidence_pages_draw (guint     index,
                        guint     page,
                        gpointer  user_data,
                        GError  **error)
{
  TdEvidencePages *pages = user_data;
  double used;

  g_return_val_if_fail (index < pages->bytes->len, NULL);
  if (pages->open == NULL || pages->open_index != index)
    {
      g_clear_object (&pages->open);
      pages->open = td_pdf_document_new (pages->bytes->pdata[index], NULL, error);
      if (pages->open == NULL)
        return NULL;
      pages->open_index = index;
    }
  return td_pdf_document_render (pages->open, (int) page, SCALE, PIXELS, &used, error);
}
