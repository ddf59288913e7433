/* td-sign-dialog.h: exporting a unit's package, signed with a token key or a PKCS#12 file, or
 * unsigned. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_SIGN_DIALOG (td_sign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TdSignDialog, td_sign_dialog, TD, SIGN_DIALOG, AdwDialog)

/* Emits "exported" (with the signer's name, or NULL when unsigned) once @path is written. */
TdSignDialog *td_sign_dialog_new (TdDatabase *db,
                                  const char *unit_code,
                                  guint       round_number,
                                  const char *path);

/* The same choice of signature for the board's setup files, one per active unit into @folder. */
TdSignDialog *td_sign_dialog_new_for_setup (TdDatabase *db,
                                            const char *folder);
/* How many setup files the dialog wrote. */
guint         td_sign_dialog_get_n_written (TdSignDialog *self);

G_END_DECLS
