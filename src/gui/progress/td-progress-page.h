/* td-progress-page.h: the "Tiến độ" area: where the province, a kind of unit or one unit
 * stands against every target. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_PROGRESS_PAGE (td_progress_page_get_type ())
G_DECLARE_FINAL_TYPE (TdProgressPage, td_progress_page, TD, PROGRESS_PAGE, AdwBin)

void      td_progress_page_set_database (TdProgressPage *self,
                                         TdDatabase     *db);
/* Selections by position: rounds in order; scopes: 0 the province, then the kinds of unit,
 * then the units. */
void      td_progress_page_select       (TdProgressPage *self,
                                         guint           round_position,
                                         guint           scope_position);
/* A unit's installation (@unit_code), or the board's (NULL): the unit's own figures only,
 * drafts included, without a choice of scope. */
void      td_progress_page_bind_to_unit (TdProgressPage *self,
                                         const char     *unit_code);
/* TRUE while figures are being read. */
gboolean  td_progress_page_is_loading   (TdProgressPage *self);

G_END_DECLS
