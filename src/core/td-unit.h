/* td-unit.h: an agency, commune, enterprise or community team that takes part in the campaign. */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_TYPE_UNIT (td_unit_get_type ())
G_DECLARE_FINAL_TYPE (TdUnit, td_unit, TD, UNIT, GObject)

TdUnit     *td_unit_new           (gint64      id,
                                   const char *code,
                                   const char *name,
                                   TdUnitKind  kind,
                                   gint64      parent_id);
gint64      td_unit_get_id        (TdUnit     *self);
const char *td_unit_get_code      (TdUnit     *self);
const char *td_unit_get_name      (TdUnit     *self);
TdUnitKind  td_unit_get_kind      (TdUnit     *self);
/* 0 when the unit has no parent */
gint64      td_unit_get_parent_id (TdUnit     *self);
/* Community teams answer the team standards instead of the general ones. */
gboolean    td_unit_is_team       (TdUnit     *self);

G_END_DECLS
