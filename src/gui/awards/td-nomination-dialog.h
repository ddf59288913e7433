/* td-nomination-dialog.h: creating or editing a nomination (collective or individual). */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_NOMINATION_DIALOG (td_nomination_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdNominationDialog, td_nomination_dialog, TD, NOMINATION_DIALOG, AdwDialog)

/* @nomination_id 0 for a new one in @round_id.  Emits "saved" (with the id) and closes once
 * the nomination is stored. */
TdNominationDialog *td_nomination_dialog_new (TdDatabase *db,
                                              gint64      round_id,
                                              gint64      nomination_id);

G_END_DECLS
