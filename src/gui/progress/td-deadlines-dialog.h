/* td-deadlines-dialog.h: the round's deadlines, or one unit's exception, edited by the board. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

/* Called once a change is saved, with the object given (a reference is held until then). */
typedef void (*TdDeadlinesDone) (gpointer data);

/* With @unit NULL the round's deadlines, grace and whether late units are kept out of the
 * awards; with @unit, until when it may send.  Every change needs a reason. */
AdwDialog *td_deadlines_dialog_present (GtkWidget       *parent,
                                        TdDatabase      *db,
                                        TdRound         *round,
                                        TdUnit          *unit,
                                        TdDeadlinesDone  done,
                                        gpointer         done_data);

G_END_DECLS
