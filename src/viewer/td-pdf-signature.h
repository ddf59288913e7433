/* td-pdf-signature.h: the digital signatures an evidence PDF carries, as poppler validates them.
 * No GTK. */
#pragma once

#include "td-pdf-document.h"

G_BEGIN_DECLS

typedef enum {
  TD_SIGNATURE_VALID,          /* the signed bytes are as signed */
  TD_SIGNATURE_MODIFIED,       /* the document was changed after signing */
  TD_SIGNATURE_INVALID,        /* the signature itself does not verify or cannot be read */
  TD_SIGNATURE_UNCHECKED,      /* the validator failed (it runs apart: see the .c) */
} TdSignatureState;

typedef enum {
  TD_CERTIFICATE_TRUSTED,
  TD_CERTIFICATE_UNKNOWN_ISSUER,   /* does not chain to a CA this computer trusts */
  TD_CERTIFICATE_UNTRUSTED,
  TD_CERTIFICATE_EXPIRED,          /* signed outside the certificate's validity */
  TD_CERTIFICATE_REVOKED,
  TD_CERTIFICATE_NOT_CHECKED,
} TdCertificateState;

typedef struct {
  char               *signer;     /* the certificate's common name */
  GDateTime          *signed_at;  /* local time, NULL when the file does not say */
  TdSignatureState    state;
  TdCertificateState  certificate;
} TdPdfSignature;

void        td_pdf_signature_free     (TdPdfSignature *signature);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdPdfSignature, td_pdf_signature_free)

/* Every signature of @document, validated (no network: revocation is not checked online) by
 * poppler in a short-lived "thidua-cli pdf-signatures" process, so that a fault in the
 * validator cannot take the app down.  Waits for it (it gives up after 60 s): call it off
 * the main thread. */
GPtrArray  *td_pdf_document_get_signatures (TdPdfDocument        *document);
/* The same without blocking: the helper is talked to through g_subprocess_communicate_async(),
 * and tried once more when it dies of a signal.  The result is never NULL unless cancelled. */
void        td_pdf_document_get_signatures_async  (TdPdfDocument       *document,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray  *td_pdf_document_get_signatures_finish (GAsyncResult        *result,
                                                   GError             **error);
/* The same for a file's bytes, validated in this process with poppler: what the helper
 * ("thidua-cli pdf-signatures") itself runs, never the app. */
GPtrArray  *td_pdf_validate_signatures (GBytes                   *bytes);
/* The helper's answer: a JSON array of {signer, signed_at, state, certificate}. */
char       *td_pdf_signatures_to_json (GPtrArray            *signatures);
/* One line a reviewer reads, e.g. "Ký bởi Nguyễn Văn A lúc 12/10/2026 09:30: chữ ký hợp lệ,
 * chứng thư số chưa được tin cậy trên máy này". */
char       *td_pdf_signature_describe (const TdPdfSignature *signature);

G_END_DECLS
