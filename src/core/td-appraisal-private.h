/* td-appraisal-private.h: what the appraisal's checks and moves share inside the core. */
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

G_END_DECLS
