/* td-nomination-pane.h: the detail of one nomination in the Khen thưởng area, with the moves
 * its status allows. */
#pragma once

#include <adwaita.h>

#include "td-appraisal-view.h"

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_NOMINATION_PANE (td_nomination_pane_get_type ())
G_DECLARE_FINAL_TYPE (TdNominationPane, td_nomination_pane, TD, NOMINATION_PANE, AdwBin)

/* Shows @nomination (NULL: nothing) with its @warnings (td_nomination_warnings()).  Emits "changed" after a move or an attachment and
 * "edit-requested" from its Edit button. */
void   td_nomination_pane_show              (TdNominationPane   *self,
                                             TdDatabase         *db,
                                             const TdNomination *nomination,
                                             char * const       *warnings,
                                             GListModel         *targets);
/* Status names of the move buttons shown ("appraised", "returned", …). */
char **td_nomination_pane_get_offered_moves (TdNominationPane   *self);
/* The appraisal shown, NULL for a nomination the campaign's steps do not apply to. */
TdAppraisalView *td_nomination_pane_get_appraisal (TdNominationPane *self);

G_END_DECLS
