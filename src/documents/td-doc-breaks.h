/* td-doc-breaks.h: where the name of an issuing body may break across lines.
 *
 * Decree 30/2020 sets the issuing body's name in a narrow column; a name that wraps wherever
 * the column ends ("SỞ KHOA HỌC VÀ CÔNG / NGHỆ") reads as a mistake.  Vietnamese words are
 * groups of syllables ("KHOA HỌC", "CÔNG NGHỆ"), and a place name follows its kind ("TỈNH BẮC
 * NINH"): breaks go between such groups, best before "VÀ" or a place.  No GTK. */
#pragma once

#include <pango/pango.h>

#include "td-doc-text.h"

G_BEGIN_DECLS

/* The groups a reader keeps together in one line of a name, in order: "SỞ", "KHOA HỌC", "VÀ",
 * "CÔNG NGHỆ". */
GStrv  td_doc_name_groups (const char     *line);

/* @text with its lines (split at '\n') broken further, only between groups, so that each fits
 * @width points at @size and @style: as few lines as possible, breaking where a reader would
 * pause, lines of even length.  A single group wider than @width is the one case broken
 * between its syllables. */
char  *td_doc_break_name  (PangoContext   *context,
                           const char     *family,
                           double          size,
                           TdDocStyle      style,
                           double          width,
                           const char     *text);

G_END_DECLS
