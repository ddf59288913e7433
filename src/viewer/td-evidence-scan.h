/* td-evidence-scan.h: which evidence files carry digital signatures, and how they check out,
 * for the marks in the review list. */
#pragma once

#include "td-core.h"
#include "td-pdf-signature.h"

G_BEGIN_DECLS

typedef struct {
  char             *sha256;
  gboolean          is_signed;
  TdSignatureState  state;      /* the worst of the file's signatures */
  char             *text;       /* the first signature, as a reviewer reads it */
} TdEvidenceSigned;

void       td_evidence_signed_free          (TdEvidenceSigned *s);

/* Opens each of @evidence (TdEvidenceInfo; its ids and digests are copied) from @db on a worker
 * of its session (td-session.h) and checks its signatures; stops between files when
 * @cancellable is cancelled.  The result: TdEvidenceSigned, one per file checked. */
void       td_evidence_scan_signatures_async  (TdDatabase          *db,
                                               GPtrArray           *evidence,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GPtrArray *td_evidence_scan_signatures_finish (GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
