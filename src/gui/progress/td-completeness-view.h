/* td-completeness-view.h: who has sent the round's self-assessment, and on time (the Progress
 * area's "Submissions"). */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_COMPLETENESS_VIEW (td_completeness_view_get_type ())
G_DECLARE_FINAL_TYPE (TdCompletenessView, td_completeness_view, TD, COMPLETENESS_VIEW, AdwBin)

/* Counts round @round_number's units of @kind (every kind when < 0) on a worker. */
void            td_completeness_view_load             (TdCompletenessView *self,
                                                       TdDatabase         *db,
                                                       guint               round_number,
                                                       int                 kind);
gboolean        td_completeness_view_is_loading       (TdCompletenessView *self);
/* For tests: the rows the list shows, and what was counted. */
guint           td_completeness_view_get_n_shown      (TdCompletenessView *self);
TdCompleteness *td_completeness_view_get_completeness (TdCompletenessView *self);

G_END_DECLS
