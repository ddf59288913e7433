/* td-spreadsheet.h: the rows of a spreadsheet the province keeps (.xlsx, .ods, .xls through
 * libfreexl; .csv in UTF-8 with or without a byte order mark, comma or semicolon), as text. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TD_SPREADSHEET_ERROR (td_spreadsheet_error_quark ())

typedef enum {
  TD_SPREADSHEET_ERROR_FORMAT,      /* not a spreadsheet this reader knows */
  TD_SPREADSHEET_ERROR_DAMAGED,
  TD_SPREADSHEET_ERROR_NO_SHEET,    /* the sheet asked for is not there */
  TD_SPREADSHEET_ERROR_TOO_LARGE,
} TdSpreadsheetError;

GQuark     td_spreadsheet_error_quark (void);

typedef enum {
  TD_SPREADSHEET_KIND_CSV,          /* .csv, .txt */
  TD_SPREADSHEET_KIND_XLSX,
  TD_SPREADSHEET_KIND_ODS,
  TD_SPREADSHEET_KIND_XLS,
} TdSpreadsheetKind;

/* The kind @path's extension names, or FALSE with the message the user reads. */
gboolean   td_spreadsheet_kind  (const char         *path,
                                 TdSpreadsheetKind  *kind,
                                 GError            **error);

/* Every row of @sheet (NULL: the first), each a NULL-terminated array of UTF-8 strings ("" for
 * an empty cell), all rows as wide as the widest.  Whole numbers read as "12", not "12.0". */
GPtrArray *td_spreadsheet_read (const char  *path,
                                const char  *sheet,
                                GError     **error);
/* The same on a worker thread: a spreadsheet is hostile input like a PDF, and a slow or huge
 * one must not hold the window. */
void       td_spreadsheet_read_async  (const char          *path,
                                       const char          *sheet,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
GPtrArray *td_spreadsheet_read_finish (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
