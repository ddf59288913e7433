/* td-preferences-dialog.h: the application's preferences. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_PREFERENCES_DIALOG (td_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdPreferencesDialog, td_preferences_dialog, TD, PREFERENCES_DIALOG, AdwPreferencesDialog)

TdPreferencesDialog *td_preferences_dialog_new (TdDatabase *db);

G_END_DECLS
