/* td-appraisal-private.h: what the appraisal's checks and moves share inside the core, and the
 * decision's step that td-decision.c takes. */
#pragma once

#include "td-appraisal.h"
#include "td-award.h"

G_BEGIN_DECLS

/* Where a nomination stands: the nomination, the steps of its level, how many are done and the
 * next one (NULL once every step is done). */
typedef struct {
  TdNomination *n;
  GPtrArray    *steps;
  guint         done;
  TdStepSpec   *next;
} TdAppraisalPlace;

/* FALSE, with @error set, when the nomination or its steps cannot be read. */
gboolean td_appraisal_place_load  (TdDatabase        *db,
                                   gint64             nomination_id,
                                   TdAppraisalPlace  *s,
                                   GError           **error);
void     td_appraisal_place_clear (TdAppraisalPlace  *s);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TdAppraisalPlace, td_appraisal_place_clear)

/* td-decision.c: moves a nomination of @level and @round_id whose next step is the decision
 * into @decision_id of @issuer_code (NULL: the province), within the caller's transaction. */
gboolean td_nomination_move_into_decision (TdDatabase   *db,
                                           gint64        nomination_id,
                                           TdAwardLevel  level,
                                           gint64        round_id,
                                           const char   *issuer_code,
                                           gint64        decision_id,
                                           GError      **error);

G_END_DECLS
