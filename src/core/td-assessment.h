/* td-assessment.h: a unit's self-assessment for one round: values, attestations, status. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-target.h"

G_BEGIN_DECLS

#define TD_ASSESSMENT_ERROR (td_assessment_error_quark ())

typedef enum {
  TD_ASSESSMENT_ERROR_READ_ONLY,       /* submitted or later: values cannot change */
  TD_ASSESSMENT_ERROR_BAD_TRANSITION,  /* a status move that the workflow does not allow */
  TD_ASSESSMENT_ERROR_REASON_NEEDED,   /* returning needs a reason */
  TD_ASSESSMENT_ERROR_NOT_READY,       /* submitting with values that fail validation */
} TdAssessmentError;

GQuark td_assessment_error_quark (void);

typedef struct {
  gint64              id;
  gint64              unit_id;
  gint64              round_id;
  TdAssessmentStatus  status;
  char               *status_reason;
  int                 revision;
  char               *updated_at;
  /* How the province received it: NULL when typed in this database, "" in an unsigned
   * package, else the name of the signer. */
  char               *received_signature;
} TdAssessmentInfo;

void              td_assessment_info_free  (TdAssessmentInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAssessmentInfo, td_assessment_info_free)

/* The assessment of @unit_id for @round_id, created as a draft when there is none. */
gint64            td_assessment_ensure     (TdDatabase  *db,
                                            gint64       unit_id,
                                            gint64       round_id,
                                            GError     **error);
/* NULL with no error when the unit has not started one. */
TdAssessmentInfo *td_assessment_lookup     (TdDatabase  *db,
                                            gint64       unit_id,
                                            gint64       round_id,
                                            GError     **error);
TdAssessmentInfo *td_assessment_get_info   (TdDatabase  *db,
                                            gint64       assessment_id,
                                            GError     **error);

gboolean          td_assessment_status_is_editable (TdAssessmentStatus status);
gboolean          td_assessment_can_move   (TdAssessmentStatus from,
                                            TdAssessmentStatus to);

/* Target id (gint64 key, g_int64_hash) → TdValue */
GHashTable       *td_assessment_load_values (TdDatabase  *db,
                                             gint64       assessment_id,
                                             GError     **error);

/* Stores @value for @target.  Drafts may hold values that fail validation (the clerk is still
 * typing); what is stored is what was typed.  Unchanged values write nothing.  The change and
 * its audit record are one transaction. */
gboolean          td_assessment_set_value  (TdDatabase    *db,
                                            gint64         assessment_id,
                                            TdTarget      *target,
                                            const TdValue *value,
                                            GError       **error);

/* The same for many targets at once, in one transaction: all are stored or none. */
gboolean          td_assessment_set_values (TdDatabase     *db,
                                            gint64          assessment_id,
                                            TdTarget      **targets,
                                            const TdValue **values,
                                            guint           n_values,
                                            GError        **error);

gboolean          td_assessment_set_attestation (TdDatabase  *db,
                                                 gint64       assessment_id,
                                                 gint64       standard_id,
                                                 gboolean     attested,
                                                 const char  *justification,
                                                 GError     **error);
/* Standard id → attested (GINT_TO_POINTER) */
GHashTable       *td_assessment_load_attestations (TdDatabase  *db,
                                                   gint64       assessment_id,
                                                   GError     **error);

/* The same, and in @justifications (standard id → text) what was written beside each, from
 * one query. */
GHashTable       *td_assessment_load_attestations_full (TdDatabase   *db,
                                                        gint64        assessment_id,
                                                        GHashTable  **justifications,
                                                        GError      **error);

/* td-assessment-rules.c: every rule of the campaign (td-rules.h) that one self-assessment's
 * values break (TdRuleViolation), against the same unit's figures of the round before. */
GPtrArray        *td_assessment_check_rules   (TdDatabase  *db,
                                               gint64       assessment_id,
                                               GError     **error);
/* The same for every self-assessment of the round that the province's view counts
 * (submitted, received or appraised), unit by unit in code order: what the board reviews.
 * Each violation names its unit. */
GPtrArray        *td_assessment_check_rules_in_round (TdDatabase  *db,
                                                      gint64       round_id,
                                                      GError     **error);

/* Every target whose value is missing or invalid, as GError messages (one string each). */
GPtrArray        *td_assessment_list_problems (TdDatabase  *db,
                                               gint64       assessment_id,
                                               GListModel  *targets,
                                               GError     **error);

/* What the board received of the revision it holds (the digest of its content), NULL when it
 * was typed here. */
char             *td_assessment_get_received_content (TdDatabase *db,
                                                      gint64      assessment_id);
/* Keeps the values of @revision, about to be replaced by a newer one, as JSON in
 * assessment_revision: written once, never changed afterwards. */
gboolean          td_assessment_archive_revision (TdDatabase  *db,
                                                  gint64       assessment_id,
                                                  int          revision,
                                                  GError     **error);

/* Moves the workflow on.  Submitting checks every value first; returning needs @reason;
 * resubmitting after a return raises the revision.  "Appraised" is refused here: it is the
 * appraising body's, through td_assessment_appraise(). */
gboolean          td_assessment_set_status (TdDatabase          *db,
                                            gint64               assessment_id,
                                            TdAssessmentStatus   status,
                                            const char          *reason,
                                            GListModel          *targets,
                                            GError             **error);

G_END_DECLS
