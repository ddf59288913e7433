/* td-receive.h: what a received exchange file writes into the database.
 *
 * Packages (src/exchange) are read and checked there; every statement that stores what they
 * bring is here, in the core, beside the statements that store what a clerk types: a schema
 * change is made in one layer.  These writes skip the workflow checks of td-assessment.h: a
 * package received at the province overwrites whatever state the copy there was in.  Call
 * them inside the importer's transaction. */
#pragma once

#include "td-database.h"
#include "td-target.h"
#include "td-types.h"
#include "td-audit.h"

G_BEGIN_DECLS

gboolean td_receive_values      (TdDatabase     *db,
                                 gint64          assessment_id,
                                 TdTarget      **targets,
                                 const TdValue **values,
                                 guint           n_values,
                                 GError        **error);
gboolean td_receive_attestation (TdDatabase     *db,
                                 gint64          assessment_id,
                                 gint64          standard_id,
                                 gboolean        attested,
                                 const char     *justification,
                                 GError        **error);

/* An evidence as a package brings it, its file already checked. */
typedef struct {
  const char *sha256;
  GBytes     *bytes;
  int         page_count;
  const char *display_problem;   /* why the PDF helper could not draw it, or NULL */
  const char *file_name;
  const char *added_at;
  gint64      target_id;         /* 0 for an attestation's evidence */
  gint64      standard_id;       /* 0 for a target's evidence */
  const char *verdict;           /* used with @take_verdicts only */
  const char *verdict_comment;
} TdReceivedEvidence;

/* Replaces the assessment's evidence with @items.  With @take_verdicts (at the unit: the
 * province's return) the verdicts are the package's; without (at the board) an evidence whose
 * file did not change keeps the verdict the board's reviewer gave, a new one waits for review. */
gboolean td_receive_evidence    (TdDatabase               *db,
                                 gint64                    assessment_id,
                                 const TdReceivedEvidence *items,
                                 guint                     n_items,
                                 gboolean                  take_verdicts,
                                 GError                  **error);

/* At the unit, the province's return: the board's verdict on the unit's own file @sha256, if
 * the unit has it (nothing is added, removed or replaced); an unknown verdict is refused. */
gboolean td_receive_verdict     (TdDatabase               *db,
                                 gint64                    assessment_id,
                                 const char               *sha256,
                                 const char               *verdict,
                                 const char               *comment,
                                 GError                  **error);

/* The unit's own history (the entries' id is the unit's), kept apart from the board's audit
 * log; entries already received are skipped. */
gboolean td_receive_history     (TdDatabase               *db,
                                 gint64                    assessment_id,
                                 const TdAuditEntry       *entries,
                                 guint                     n_entries,
                                 GError                  **error);

/* The assessment's state after receiving: @signer and @content (the signer's subject, "" for
 * unsigned, and the digest of what was received) are the board's record of a submission; NULL
 * both at the unit, where the province's return leaves the clerk's submission as it was. */
gboolean td_receive_status      (TdDatabase               *db,
                                 gint64                    assessment_id,
                                 TdAssessmentStatus        status,
                                 const char               *reason,
                                 int                       revision,
                                 const char               *signer,
                                 const char               *content,
                                 GError                  **error);

/* At the board: when the unit made the package (@created_at, its clock, the time judged
 * against the deadline), when the board received it (now) and the setup version the unit
 * works with (0 when the package did not say). */
gboolean td_receive_submission  (TdDatabase               *db,
                                 gint64                    assessment_id,
                                 const char               *created_at,
                                 int                       setup_version,
                                 GError                  **error);
G_END_DECLS
