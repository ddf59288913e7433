/* td-spreadsheet-read.h: the spreadsheet readers themselves, for thidua-sheet-helper only; the
 * app and the CLI read through td_spreadsheet_read(), which runs them in that helper. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Reads @path (the kind told by @shown's extension), naming the file @shown in its messages. */
GPtrArray *td_spreadsheet_read_here (const char  *path,
                                     const char  *shown,
                                     const char  *sheet,
                                     GError     **error);

G_END_DECLS
