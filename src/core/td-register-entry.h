/* td-register-entry.h: one unit of the register as a list item, where it stands in the tree.
 *
 * The unit register read as a GListModel, for views that bind to it and filter it (the board's
 * Units page); the records themselves stay plain TdUnitRecords. */
#pragma once

#include "td-register.h"

G_BEGIN_DECLS

#define TD_TYPE_REGISTER_ENTRY (td_register_entry_get_type ())
G_DECLARE_FINAL_TYPE (TdRegisterEntry, td_register_entry, TD, REGISTER_ENTRY, GObject)

const TdUnitRecord *td_register_entry_get_record (TdRegisterEntry *self);
/* 0 directly under the province, 1 below such a unit, and so on. */
guint               td_register_entry_get_depth  (TdRegisterEntry *self);
/* Whether the unit's code, or its name without diacritics and case, holds @folded (made by
 * td_register_fold()); "" matches every unit. */
gboolean            td_register_entry_matches    (TdRegisterEntry *self,
                                                  const char      *folded);

/* Every unit of the register, retired ones too, as a tree read top to bottom: each unit's
 * children right after it, siblings by code.  A unit whose parent is not in the register is
 * taken as directly under the province; units whose parents name each other (a damaged file)
 * come last, at the top level. */
GListModel         *td_register_list_tree        (TdDatabase      *db,
                                                  GError         **error);

G_END_DECLS
