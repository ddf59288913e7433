/* td-decision-dialog.h: drawing up a decision from approved nominations, or editing the text
 * of one. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_DECISION_DIALOG (td_decision_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdDecisionDialog, td_decision_dialog, TD, DECISION_DIALOG, AdwDialog)

/* @decision_id 0: a new decision of round @round_id, from its approved nominations.  Emits
 * "saved" (with the id) and closes once stored. */
TdDecisionDialog *td_decision_dialog_new (TdDatabase *db,
                                          gint64      round_id,
                                          gint64      decision_id);

G_END_DECLS
