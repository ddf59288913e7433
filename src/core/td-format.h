/* td-format.h: Vietnamese formatting and parsing of numbers and dates.
 *
 * Vietnamese writes a decimal comma and groups thousands with dots ("12.345,5"), dates as
 * dd/mm/yyyy.  These do not depend on the process locale, so a report or a PDF reads the same
 * whatever machine made it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TD_FORMAT_ERROR (td_format_error_quark ())

typedef enum {
  TD_FORMAT_ERROR_INVALID,
} TdFormatError;

GQuark  td_format_error_quark   (void);

/* "12.345" */
char   *td_format_count         (gint64       value);
/* "0,78" with @decimals digits after the comma, trailing zeros kept */
char   *td_format_decimal       (double       value,
                                 guint        decimals);
/* An exact fixed-point number, @scaled / 10^@decimals: "89,99", "1.234,5".  With @trim,
 * trailing zeros after the comma are dropped, but never below @min_decimals. */
char   *td_format_fixed         (gint64       scaled,
                                 guint        decimals,
                                 guint        min_decimals);
/* "92,5 %" (one decimal, dropped when it is zero: "100 %") */
char   *td_format_percent       (double       percent);
/* "05/01/2026" from "2026-01-05" or "2026-01-05T…"; NULL when @iso is not a date */
char   *td_format_date          (const char  *iso);
/* "05/01/2026 14:03", in local time, from a stored UTC timestamp */
char   *td_format_timestamp     (const char  *iso);
/* The same from seconds since 1970 (certificates and signatures count time that way); with
 * @with_time FALSE, the date alone. */
char   *td_format_unix_time     (gint64       seconds,
                                 gboolean     with_time);
/* "ngày 05 tháng 01 năm 2026" as in the place-and-date line of a document */
char   *td_format_date_long     (const char  *iso);

/* Whole non-negative counts: "12345", "12.345", "12 345". */
gboolean td_parse_count         (const char  *text,
                                 gint64      *value,
                                 GError     **error);
/* Decimals written either way: "0,75" or "0.75". */
gboolean td_parse_decimal       (const char  *text,
                                 double      *value,
                                 GError     **error);
/* dd/mm/yyyy → "yyyy-mm-dd" */
char    *td_parse_date          (const char  *text,
                                 GError     **error);

/* Direction marks and overrides (LRM, RLM, ALM, LRE…RLO, LRI…PDI), zero-width characters,
 * the byte order mark and line or paragraph separators: invisible in a list, yet able to change
 * what a name reads as (a right-to-left override reorders it in a PDF). */
gboolean td_text_is_invisible    (gunichar     c);
/* TRUE when @text holds a control character (a line break, a terminal escape) or one of the
 * invisible characters above: what a name printed on a decision must not carry. */
gboolean td_text_has_hidden      (const char  *text);

/* Longest paragraph (a note, a reason, a justification) a unit sends and the board takes. */
#define TD_TEXT_MAX 4000
/* The one check of a paragraph, the same where it is typed, imported, exported and received:
 * valid UTF-8, at most TD_TEXT_MAX characters, no control or invisible character but a newline
 * and a tab.  NULL passes. */
gboolean td_text_check_paragraph (const char  *text,
                                  GError     **error);
/* "\r\n" and a lone "\r" (a multi-line cell of a Windows spreadsheet) as "\n". */
char    *td_text_normalize_lines (const char  *text);

/* "Xã Tiên Du" → "Tiên Du": the place a commune's or ward's document is dated at (Decree
 * 30/2020); any other name as it is. */
char   *td_format_place_of      (const char  *name);

/* Why @file could not be read, in the user's language and saying what to do: GLib's own
 * message ("Error opening file …") is in English wherever GLib's translations are missing. */
char   *td_format_file_error    (GFile        *file,
                                 const GError *error);

G_END_DECLS
