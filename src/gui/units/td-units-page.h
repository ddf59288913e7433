/* td-units-page.h: the board's unit register in Preferences: search, the units as a tree by
 * parent, add, edit and retire, import from the province's spreadsheet with a preview, and the
 * setup files for the units. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_UNITS_PAGE (td_units_page_get_type ())
G_DECLARE_FINAL_TYPE (TdUnitsPage, td_units_page, TD, UNITS_PAGE, AdwPreferencesPage)

TdUnitsPage *td_units_page_new            (TdDatabase  *db);
/* The steps the buttons take, for the tests and for scripts of the GUI: the edit dialog for
 * @code (NULL: a new unit), the import preview of @file. */
AdwDialog   *td_units_page_edit           (TdUnitsPage *self,
                                           const char  *code);
AdwDialog   *td_units_page_preview_import (TdUnitsPage *self,
                                           GFile       *file);
/* What Import From a Spreadsheet… does with the chosen file: reads it on a worker, then shows
 * the preview (td_units_page_is_reading() meanwhile). */
void         td_units_page_import_file    (TdUnitsPage *self,
                                           GFile       *file);
gboolean     td_units_page_is_reading     (TdUnitsPage *self);
guint        td_units_page_get_n_shown    (TdUnitsPage *self);
void         td_units_page_set_search     (TdUnitsPage *self,
                                           const char  *text);

G_END_DECLS
