/* td-award-private.h: what td-decision.c needs of the nomination workflow. */
#pragma once

#include "td-award.h"

G_BEGIN_DECLS

/* Moves an approved nomination of @level and @round_id into @decision_id, within the caller's
 * transaction. */
gboolean td_nomination_move_into_decision (TdDatabase   *db,
                                           gint64        nomination_id,
                                           TdAwardLevel  level,
                                           gint64        round_id,
                                           gint64        decision_id,
                                           GError      **error);

G_END_DECLS
