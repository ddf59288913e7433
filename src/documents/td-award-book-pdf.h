/* td-award-book-pdf.h: the award register printed as a table on A4 landscape.  No GTK. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* @entries: TdAwardEntry (td_award_book_list()); @title_line: what the book holds, e.g.
 * "Sở Khoa học và Công nghệ – năm 2026", printed under the title. */
GBytes *td_award_book_render_pdf (GPtrArray   *entries,
                                  const char  *title_line,
                                  GError     **error);

G_END_DECLS
