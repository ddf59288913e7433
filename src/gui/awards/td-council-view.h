/* td-council-view.h: the province's Hội đồng Thi đua – Khen thưởng: its members, its meetings
 * with the agenda and the ballot counts, the minutes and the proposal to the Chairman. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_COUNCIL_VIEW (td_council_view_get_type ())
G_DECLARE_FINAL_TYPE (TdCouncilView, td_council_view, TD, COUNCIL_VIEW, GtkBox)

/* @round_id: the round whose nominations a new meeting may take. */
void     td_council_view_set_database (TdCouncilView *self,
                                       TdDatabase    *db,
                                       gint64         round_id);
void     td_council_view_reload       (TdCouncilView *self);
/* The nominations a new meeting may take: waiting for the council in the round. */
GArray  *td_council_view_get_waiting  (TdCouncilView *self);

G_END_DECLS
