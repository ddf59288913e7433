/* td-pdf-bytes.h: an evidence file loaded into memory the PDF helper can be handed as it is.
 *
 * The helper reads a document from a sealed memfd.  Bytes loaded the ordinary way (a GBytes of
 * the blob) are copied into a new memfd for each helper; bytes loaded here already live in one,
 * and each helper gets a duplicate of its descriptor: an 80 MB scan is written once, straight
 * from the database's pages (bench-viewer measures both ways). */
#pragma once

#include "td-core.h"

G_BEGIN_DECLS

/* The evidence's bytes in a sealed memfd, mapped read-only; an ordinary GBytes to everyone else. */
GBytes   *td_pdf_bytes_load_evidence (TdDatabase  *db,
                                      gint64       evidence_id,
                                      GError     **error);
/* A new descriptor of the memfd holding @bytes (close it), or -1 when @bytes were not loaded by
 * td_pdf_bytes_load_evidence() and must be copied. */
int       td_pdf_bytes_dup_fd        (GBytes      *bytes);

G_END_DECLS
