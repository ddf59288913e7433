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

G_END_DECLS
