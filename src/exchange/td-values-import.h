/* td-values-import.h: a unit's figures from the spreadsheet it keeps them in.
 *
 * One row per target: the target's number, then the numerator, the denominator, the index, a
 * note, and for a target that does not concern the unit the reason it is not applicable.  A
 * first row that does not start with a number is a header and is skipped.  Every row is
 * checked exactly as the form checks what is typed; nothing is stored unless every row passes,
 * and then all in one transaction, audited as typed values are. */
#pragma once

#include <gio/gio.h>

#include "td-core.h"

G_BEGIN_DECLS

typedef struct {
  guint     row;        /* 1-based, as the spreadsheet numbers it */
  TdTarget *target;     /* judged at the round's threshold */
  TdValue  *value;
  TdValue  *previous;   /* what is stored now, NULL when nothing */
} TdValuesRow;

typedef struct {
  GPtrArray *rows;      /* TdValuesRow, valid ones */
  GPtrArray *problems;  /* messages naming the row and the target */
  gint64     unit_id;
  gint64     round_id;
} TdValuesPlan;

void          td_values_plan_free    (TdValuesPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdValuesPlan, td_values_plan_free)

/* Reads @path and checks every row against the campaign (the target exists, the unit's kind
 * reports it, the same target not twice) and the form's rules.  NULL only when the file cannot
 * be read; problems with rows are in the plan. */
TdValuesPlan *td_values_plan_import  (TdDatabase  *db,
                                      const char  *path,
                                      const char  *sheet,
                                      TdUnit      *unit,
                                      TdRound     *round,
                                      GError     **error);

/* td_values_plan_import() on a worker of @db's session (td-session.h), for the unit @unit_id
 * and the round numbered @round_number. */
void          td_values_plan_import_async  (TdDatabase          *db,
                                            const char          *path,
                                            gint64               unit_id,
                                            guint                round_number,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
TdValuesPlan *td_values_plan_import_finish (GAsyncResult        *result,
                                            GError             **error);

/* Stores the plan's rows; refuses (and stores nothing) when the plan has problems or the
 * self-assessment can no longer be edited. */
gboolean      td_values_plan_apply   (TdDatabase    *db,
                                      TdValuesPlan  *plan,
                                      GError       **error);

G_END_DECLS
