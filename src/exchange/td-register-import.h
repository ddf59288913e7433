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

/* The fields a register's columns can hold, in this order. */
typedef enum {
  TD_REGISTER_COLUMN_CODE,
  TD_REGISTER_COLUMN_NAME,
  TD_REGISTER_COLUMN_KIND,
  TD_REGISTER_COLUMN_PARENT,
  TD_REGISTER_COLUMN_PROPOSER,
  TD_REGISTER_COLUMN_CONTACT,
  TD_REGISTER_COLUMN_PHONE,
  TD_REGISTER_COLUMN_EMAIL,
  TD_REGISTER_COLUMN_STATUS,
  TD_REGISTER_N_COLUMNS
} TdRegisterColumn;

/* "code", "name", … as the command line writes them. */
const char      *td_register_column_name  (TdRegisterColumn column);
const char      *td_register_column_label (TdRegisterColumn column);

typedef struct {
  guint      header_line;      /* the header row's number (a title row above it is skipped) */
  int        map[TD_REGISTER_N_COLUMNS];   /* the sheet's column (from 0) of each field, or -1 */
  char     **headers;          /* the header row's cells */
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
/* The same with the columns said by the user: @columns[field] is a column (from 0), -1 for
 * none, or -2 to keep the guess. */
TdRegisterPlan  *td_register_plan_mapped (TdDatabase    *db,
                                        const char      *path,
                                        const char      *sheet,
                                        const int       *columns,
                                        GError         **error);
/* The same from rows already read (td_spreadsheet_read_async()): @path only names the file in
 * messages. The rows' cells may be trimmed in place. */
TdRegisterPlan  *td_register_plan_rows   (TdDatabase    *db,
                                          const char    *path,
                                          GPtrArray     *rows,
                                          const int     *chosen,
                                          GError       **error);
/* Applies @plan in one transaction; refuses the whole plan, changing nothing, while any row is
 * refused. */
gboolean         td_register_apply     (TdDatabase      *db,
                                        TdRegisterPlan  *plan,
                                        GError         **error);
const char      *td_register_action_label (TdRegisterAction action);

G_END_DECLS
