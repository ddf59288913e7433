/* td-evidence-private.h: between the core's evidence files (td-evidence.c, td-evidence-edit.c). */
#pragma once

#include "td-evidence.h"

G_BEGIN_DECLS

/* An evidence must belong to exactly one target value, attestation or nomination. */
gboolean td_evidence_check_owner   (const TdEvidenceOwner  *owner,
                                    GError                **error);
/* Stores @bytes, already checked by td_evidence_inspect() (@pages pages), for @owner, audited;
 * the same file for the same owner is the evidence already there.  Its id, or 0. */
gint64   td_evidence_store_checked (TdDatabase             *db,
                                    GBytes                 *bytes,
                                    int                     pages,
                                    const char             *file_name,
                                    const TdEvidenceOwner  *owner,
                                    GError                **error);

G_END_DECLS
