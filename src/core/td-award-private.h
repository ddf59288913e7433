/* td-award-private.h: what td-decision.c needs of the nomination workflow. */
#pragma once

#include "td-award.h"

G_BEGIN_DECLS

/* Moves a nomination of @level and @round_id whose next step is the decision into
 * @decision_id of @issuer_code (NULL: the province), within the caller's transaction. */
gboolean td_nomination_move_into_decision (TdDatabase   *db,
                                           gint64        nomination_id,
                                           TdAwardLevel  level,
                                           gint64        round_id,
                                           const char   *issuer_code,
                                           gint64        decision_id,
                                           GError      **error);

G_END_DECLS
