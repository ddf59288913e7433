/* td-welcome-page.h: the first run, before there is a database: a unit's installation from the
 * province's setup file, the board's empty database, or the sample province. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_WELCOME_PAGE (td_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (TdWelcomePage, td_welcome_page, TD, WELCOME_PAGE, AdwBin)

/* Where the user's own database is made (the sample goes beside it, as demo.db). */
void td_welcome_page_set_path          (TdWelcomePage *self,
                                        const char    *path);
/* What the Open button does once a file is chosen; @unit_code NULL when the file is for one
 * unit, or asks when it holds every unit.  Emits "database-ready" on success. */
void td_welcome_page_open_setup_file   (TdWelcomePage *self,
                                        GFile         *file,
                                        const char    *unit_code);

G_END_DECLS
