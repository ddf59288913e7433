/* td-register-import-dialog.h: the preview of a unit register read from a spreadsheet. */
#pragma once

#include <adwaita.h>

#include "td-database.h"
#include "td-register-import.h"

G_BEGIN_DECLS

#define TD_TYPE_REGISTER_IMPORT_DIALOG (td_register_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdRegisterImportDialog, td_register_import_dialog, TD, REGISTER_IMPORT_DIALOG, AdwDialog)

TdRegisterImportDialog *td_register_import_dialog_new        (TdDatabase              *db,
                                                              const char              *path,
                                                              GPtrArray               *rows,
                                                              GError                 **error);
gboolean                td_register_import_dialog_can_import (TdRegisterImportDialog  *self);
const char             *td_register_import_dialog_get_summary (TdRegisterImportDialog *self);
AdwComboRow            *td_register_import_dialog_get_column (TdRegisterImportDialog  *self,
                                                              TdRegisterColumn         column);
GtkListBox             *td_register_import_dialog_get_rows   (TdRegisterImportDialog  *self);
void                    td_register_import_dialog_import     (TdRegisterImportDialog  *self);

G_END_DECLS
