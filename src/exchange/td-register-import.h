/* td-register-import.h: a province's unit register read from its spreadsheet, shown row by
 * row as what it would do, then applied in one transaction. */
#pragma once

#include "td-register.h"

G_BEGIN_DECLS

typedef enum {
  TD_REGISTER_ADD,
  TD_REGISTER_CHANGE,
  TD_REGISTER_RETIRE,     /* the row says the unit no longer takes part */
  TD_REGISTER_SAME,
  TD_REGISTER_REFUSE,
} TdRegisterAction;

typedef struct {
  guint             line;      /* the row's number in the sheet, from 1 */
  TdRegisterAction  action;
  TdUnitRecord     *record;
  char             *reason;    /* why refused, or what changes */
} TdRegisterRow;

typedef struct {
  guint      header_line;      /* the header row's number (a title row above it is skipped) */
  char      *columns;          /* "code ← Mã đơn vị, name ← Tên đơn vị, …" */
  GPtrArray *rows;             /* TdRegisterRow */
  guint      n_refused;
} TdRegisterPlan;

void             td_register_plan_free (TdRegisterPlan *plan);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdRegisterPlan, td_register_plan_free)

/* Reads @path (.xlsx, .ods, .xls, .csv; @sheet or the first) and says what importing it would
 * do to @db: the columns are recognised by their headers (Vietnamese or English, accents and
 * case ignored), each row is checked as the register checks a unit. */
TdRegisterPlan  *td_register_plan      (TdDatabase      *db,
                                        const char      *path,
                                        const char      *sheet,
                                        GError         **error);
/* Applies @plan in one transaction; refuses the whole plan, changing nothing, while any row is
 * refused. */
gboolean         td_register_apply     (TdDatabase      *db,
                                        TdRegisterPlan  *plan,
                                        GError         **error);
const char      *td_register_action_label (TdRegisterAction action);

G_END_DECLS
