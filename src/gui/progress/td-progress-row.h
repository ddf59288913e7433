/* td-progress-row.h: one row of the progress table (a target and the province's figures). */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TD_TYPE_PROGRESS_ROW (td_progress_row_get_type ())
G_DECLARE_FINAL_TYPE (TdProgressRow, td_progress_row, TD, PROGRESS_ROW, GObject)

TdProgressRow *td_progress_row_new (guint       number,
                                    const char *target,
                                    double      value,      /* NAN when there is none */
                                    const char *value_text,
                                    const char *threshold,
                                    const char *result,
                                    const char *units);
/* The row as tab-separated text, for copying into a spreadsheet. */
char          *td_progress_row_to_tsv (TdProgressRow *self);

G_END_DECLS
