/* td-preferences-dialog.h: the application's preferences. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_PREFERENCES_DIALOG (td_preferences_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdPreferencesDialog, td_preferences_dialog, TD, PREFERENCES_DIALOG, AdwPreferencesDialog)

TdPreferencesDialog *td_preferences_dialog_new (TdDatabase *db);
/* Shows page @name ("general"; on a board also "units", "signatures", "appraisal"); an unknown
 * name is an error that lists the pages, and the dialog stays on General. */
gboolean             td_preferences_dialog_show_page (TdPreferencesDialog  *self,
                                                      const char           *name,
                                                      GError              **error);

G_END_DECLS
