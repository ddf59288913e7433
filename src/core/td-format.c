/* td-format.c: Vietnamese number and date formats, independent of the process locale. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "td-format.h"

G_DEFINE_QUARK (td-format-error-quark, td_format_error)

/* A no-break space keeps "92,5" and "%" on one line. */
#define NBSP "\xc2\xa0"

static void
append_grouped (GString *out,
                guint64  value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, value);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, digits[i]);
    }
}

char *
td_format_count (gint64 value)
{
  GString *out = g_string_new (NULL);

  if (value < 0)
    g_string_append_c (out, '-');
  append_grouped (out, value < 0 ? (guint64) -(value + 1) + 1 : (guint64) value);
  return g_string_free (out, FALSE);
}

char *
td_format_decimal (double value,
                   guint  decimals)
{
  GString *out = g_string_new (NULL);
  double scale = pow (10, decimals);
  double rounded = round (fabs (value) * scale);
  guint64 whole = (guint64) (rounded / scale);
  guint64 frac = (guint64) (rounded - (double) whole * scale);

  if (value < 0 && rounded > 0)
    g_string_append_c (out, '-');
  append_grouped (out, whole);
  if (decimals > 0)
    g_string_append_printf (out, ",%0*" G_GUINT64_FORMAT, (int) decimals, frac);
  return g_string_free (out, FALSE);
}

char *
td_format_fixed (gint64 scaled,
                 guint  decimals,
                 guint  min_decimals)
{
  GString *out = g_string_new (NULL);
  guint64 magnitude = scaled < 0 ? (guint64) -(scaled + 1) + 1 : (guint64) scaled;
  guint64 unit = 1;
  g_autofree char *frac = NULL;
  guint shown;

  g_return_val_if_fail (decimals <= 18, NULL);
  for (guint i = 0; i < decimals; i++)
    unit *= 10;
  if (scaled < 0)
    g_string_append_c (out, '-');
  append_grouped (out, magnitude / unit);
  frac = g_strdup_printf ("%0*" G_GUINT64_FORMAT, (int) decimals, magnitude % unit);
  shown = decimals;
  while (shown > min_decimals && frac[shown - 1] == '0')
    shown--;
  if (shown > 0)
    g_string_append_printf (out, ",%.*s", (int) shown, frac);
  return g_string_free (out, FALSE);
}

char *
td_format_percent (double percent)
{
  g_autofree char *number = NULL;

  /* One decimal is enough to tell 89,9 from 90; "100,0 %" only adds noise. */
  if (fabs (round (percent * 10) - round (percent) * 10) < 0.5)
    number = td_format_decimal (percent, 0);
  else
    number = td_format_decimal (percent, 1);
  return g_strconcat (number, NBSP "%", NULL);
}

static gboolean
split_iso_date (const char *iso,
                int        *y,
                int        *m,
                int        *d)
{
  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d", y, m, d) != 3)
    return FALSE;
  return g_date_valid_dmy (*d, *m, *y);
}

char *
td_format_date (const char *iso)
{
  int y, m, d;

  if (!split_iso_date (iso, &y, &m, &d))
    return NULL;
  return g_strdup_printf ("%02d/%02d/%04d", d, m, y);
}

char *
td_format_date_long (const char *iso)
{
  int y, m, d;

  if (!split_iso_date (iso, &y, &m, &d))
    return NULL;
  /* Decree 30/2020: days below 10 and months 1 and 2 take a leading zero. */
  if (m <= 2)
    return g_strdup_printf ("ngày %02d tháng %02d năm %04d", d, m, y);
  return g_strdup_printf ("ngày %02d tháng %d năm %04d", d, m, y);
}

char *
td_format_unix_time (gint64   seconds,
                     gboolean with_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (seconds);

  if (local == NULL)
    return g_strdup ("?");
  return g_date_time_format (local, with_time ? "%d/%m/%Y %H:%M" : "%d/%m/%Y");
}

char *
td_format_timestamp (const char *iso)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (iso == NULL)
    return NULL;
  utc = g_date_time_new_from_iso8601 (iso, NULL);
  if (utc == NULL)
    return NULL;
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

gboolean
td_parse_count (const char  *text,
                gint64      *value,
                GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  g_autoptr(GString) digits = g_string_new (NULL);
  gsize group = 0;          /* digits since the last separator */
  gboolean grouped = FALSE; /* a separator was seen */

  /* Thousands separators (dot, space, no-break space) are accepted only between groups of
   * three digits, so that a decimal typed by mistake ("12,5" or "12.5") is refused rather than
   * read as 125. */
  for (const char *p = copy; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (digits, *p);
          group++;
          continue;
        }
      if (*p == '.' || *p == ' ' || g_str_has_prefix (p, NBSP))
        {
          if (group == 0 || group > 3 || (grouped && group != 3))
            goto invalid;
          if (*p != '.' && *p != ' ')
            p++;
          grouped = TRUE;
          group = 0;
          continue;
        }
      goto invalid;
    }
  if (digits->len > 15 && !(grouped && group != 3))
    {
      g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                   _("“%s” is too large: a count has at most 15 digits."), copy);
      return FALSE;
    }
  if (digits->len == 0 || (grouped && group != 3))
    goto invalid;

  *value = (gint64) g_ascii_strtoull (digits->str, NULL, 10);
  return TRUE;

invalid:
  if (copy[0] == '-')
    g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                 _("“%s” is negative; enter a count of zero or more."), copy);
  else
    g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                 _("“%s” is not a whole number; enter digits only, for example 1.250."), copy);
  return FALSE;
}

gboolean
td_parse_decimal (const char  *text,
                  double      *value,
                  GError     **error)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *end = NULL;
  double v;

  g_strdelimit (copy, ",", '.');
  if (*copy == '\0' || strchr (copy, '.') != strrchr (copy, '.'))
    goto invalid;
  v = g_ascii_strtod (copy, &end);
  if (end == copy || *end != '\0' || !isfinite (v))
    goto invalid;
  *value = v;
  return TRUE;

invalid:
  g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
               _("“%s” is not a number; write it like 0,75."), text ? text : "");
  return FALSE;
}

char *
td_parse_date (const char  *text,
               GError     **error)
{
  int d, m, y;
  char tail;

  if (text == NULL || sscanf (text, "%2d/%2d/%4d%c", &d, &m, &y, &tail) != 3 ||
      y < 1900 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                   _("“%s” is not a date; write it as dd/mm/yyyy, for example 10/10/2026."),
                   text ? text : "");
      return NULL;
    }
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

gboolean
td_text_is_invisible (gunichar c)
{
  return c == 0x061C || (c >= 0x200B && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0x2028 || c == 0x2029;
}

gboolean
td_text_has_hidden (const char *text)
{
  for (const char *c = text; c && *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_iscntrl (u) || td_text_is_invisible (u))
        return TRUE;
    }
  return FALSE;
}

gboolean
td_text_check_paragraph (const char  *text,
                         GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error_literal (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID, _("The text is not valid UTF-8."));
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > TD_TEXT_MAX)
    {
      g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                   _("The text has %ld characters; at most %d are sent to the province. Shorten it."),
                   g_utf8_strlen (text, -1), TD_TEXT_MAX);
      return FALSE;
    }
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if ((g_unichar_iscntrl (u) && u != '\n' && u != '\t') || td_text_is_invisible (u))
        {
          g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                       _("The text holds a character that is not sent to the province (U+%04X, a control or "
                         "invisible character, or a line break from another system). Type it again."), u);
          return FALSE;
        }
    }
  return TRUE;
}

char *
td_text_normalize_lines (const char *text)
{
  g_autoptr(GString) out = NULL;

  if (text == NULL)
    return NULL;
  out = g_string_new (text);
  g_string_replace (out, "\r\n", "\n", 0);
  g_string_replace (out, "\r", "\n", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
td_format_place_of (const char *name)
{
  static const char * const kinds[] = { "xã ", "phường ", "đặc khu ", "thị trấn " };
  g_autofree char *lower = g_utf8_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_prefix (lower, kinds[i]))
      return g_strdup (g_utf8_offset_to_pointer (name, g_utf8_strlen (kinds[i], -1)));
  return g_strdup (name);
}

char *
td_format_file_error (GFile        *file,
                      const GError *error)
{
  g_autofree char *name = file ? g_file_get_basename (file) : g_strdup ("");

  if (error == NULL)
    return g_strdup_printf (_("“%s” could not be read."), name);
  if (error->domain == G_IO_ERROR)
    switch (error->code)
      {
      case G_IO_ERROR_NOT_FOUND:
        return g_strdup_printf (_("“%s” is no longer there: it may have been moved, renamed or deleted. Choose it again."),
                                name);
      case G_IO_ERROR_PERMISSION_DENIED:
        return g_strdup_printf (_("You may not read “%s”: copy it to your own folder first, or ask its owner."), name);
      case G_IO_ERROR_IS_DIRECTORY:
        return g_strdup_printf (_("“%s” is a folder, not a file."), name);
      case G_IO_ERROR_TOO_MANY_OPEN_FILES:
      case G_IO_ERROR_NO_SPACE:
        return g_strdup_printf (_("“%s” could not be read: the computer is short of resources. Close other programs "
                                  "and try again."), name);
      default:
        break;
      }
  return g_strdup_printf (_("“%s” could not be read (%s). Check the disk or the USB stick, then try again."), name,
                          error->message);
}
