/* td-import-dialog.h: checking and importing a batch of packages, with what each will do. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TD_TYPE_IMPORT_DIALOG (td_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdImportDialog, td_import_dialog, TD, IMPORT_DIALOG, AdwDialog)

/* Checks @files (GFile) against the database at @db_path at once, in a worker thread. */
TdImportDialog *td_import_dialog_new        (TdDatabase *db,
                                             GListModel *files,
                                             gsize       max_evidence_size);
/* TRUE while checking or importing. */
gboolean        td_import_dialog_is_busy    (TdImportDialog *self);
guint           td_import_dialog_get_n_ok   (TdImportDialog *self);
guint           td_import_dialog_get_n_done (TdImportDialog *self);
/* Imports what can be imported (what the Import button does). */
void            td_import_dialog_start      (TdImportDialog *self);

G_END_DECLS
