/* td-register-view.h: the award register (sổ theo dõi khen thưởng): every number given, searched
 * as the board's Excel book was, exported and printed. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_REGISTER_VIEW (td_register_view_get_type ())
G_DECLARE_FINAL_TYPE (TdRegisterView, td_register_view, TD, REGISTER_VIEW, GtkBox)

/* Reads the register again (after a decision was issued or withdrawn). */
void  td_register_view_set_database (TdRegisterView *self,
                                     TdDatabase     *db);
void  td_register_view_reload       (TdRegisterView *self);
void  td_register_view_set_search   (TdRegisterView *self,
                                     const char     *text);
guint td_register_view_get_n_shown  (TdRegisterView *self);
/* Writes what is shown to @path (.xlsx or .csv), as Export does after its file dialog. */
gboolean td_register_view_export    (TdRegisterView *self,
                                     const char     *path,
                                     GError        **error);

G_END_DECLS
