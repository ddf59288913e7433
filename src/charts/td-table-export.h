/* td-table-export.h: a table of text (a header and rows) saved as .csv or .xlsx, the way the
 * board's spreadsheets read it.  No GTK. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* By the extension of @path; @rows holds one GStrv per row, as many cells as @header.  CSV is
 * UTF-8 with a byte-order mark and ";" between fields (what a spreadsheet in a Vietnamese
 * locale opens straight away).  Written beside and renamed into place. */
gboolean td_table_write (const char          *path,
                         const char          *sheet,
                         const char * const  *header,
                         GPtrArray           *rows,
                         GError             **error);

/* Appends @text as one quoted CSV field, then ";" or the line's end.  A field that a
 * spreadsheet would take for a formula (=, +, -, @, a tab or a carriage return first, and not a
 * plain number) is written with a leading apostrophe, so that a unit's name or note opened in
 * Excel is text and never runs. */
void     td_table_csv_field (GString             *out,
                             const char          *text,
                             gboolean             last);

G_END_DECLS
