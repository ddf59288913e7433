/* td-appraisal-view.h: a nomination's appraisal in its pane: the campaign's steps with who did
 * each and when, the next step's eligibility checks explained, and the moves the acting body
 * may make (approve, return, override a check, take an approval back), each asked with its
 * opinion or reason. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_APPRAISAL_VIEW (td_appraisal_view_get_type ())
G_DECLARE_FINAL_TYPE (TdAppraisalView, td_appraisal_view, TD, APPRAISAL_VIEW, GtkBox)

/* "changed" is emitted once a move is recorded. */
TdAppraisalView *td_appraisal_view_new     (TdDatabase         *db,
                                            const TdNomination *nomination);
/* The moves offered: "approve", "return", "undo" (for tests and the keyboard walk). */
char           **td_appraisal_view_get_moves (TdAppraisalView *self);
/* Makes @move as its dialog's response would, with @text as the opinion or the reason (and
 * @check the check an "override" accepts); FALSE with @error when refused. */
gboolean         td_appraisal_view_act     (TdAppraisalView *self,
                                            const char      *move,
                                            const char      *check,
                                            const char      *text,
                                            GError         **error);

G_END_DECLS
