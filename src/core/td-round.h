/* td-round.h: an award round of the campaign (round 1 in 2025, the final review in 2026). */
#pragma once

#include <glib-object.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_TYPE_ROUND (td_round_get_type ())
G_DECLARE_FINAL_TYPE (TdRound, td_round, TD, ROUND, GObject)

TdRound    *td_round_new         (gint64      id,
                                  guint       number,
                                  const char *title,
                                  int         year,
                                  const char *ends_on);
gint64      td_round_get_id      (TdRound    *self);
guint       td_round_get_number  (TdRound    *self);
const char *td_round_get_title   (TdRound    *self);
int         td_round_get_year    (TdRound    *self);
/* ISO date, "2026-10-10" */
const char *td_round_get_ends_on (TdRound    *self);

G_END_DECLS
