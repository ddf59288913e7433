/* td-table-export.c: plain tables into CSV and XLSX. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "td-chart-export.h"
#include "td-table-export.h"

/* "-3", "+1,5", "1.234": what a spreadsheet reads as a number, not a formula. */
static gboolean
is_plain_number (const char *text)
{
  const char *c = text;
  gboolean digits = FALSE;

  if (*c == '-' || *c == '+')
    c++;
  for (; *c; c++)
    {
      if (g_ascii_isdigit (*c))
        digits = TRUE;
      else if (*c != ',' && *c != '.')
        return FALSE;
    }
  return digits;
}

void
td_table_csv_field (GString    *out,
                    const char *text,
                    gboolean    last)
{
  g_autoptr(GString) quoted = g_string_new (text ? text : "");
  const char first = quoted->str[0];

  /* A lone sign is text to a spreadsheet, and so is a number with one. */
  if ((first != '\0' && strchr ("=@\t\r", first) != NULL) ||
      ((first == '+' || first == '-') && quoted->len > 1 && !is_plain_number (quoted->str)))
    g_string_prepend_c (quoted, '\'');
  g_string_replace (quoted, "\"", "\"\"", 0);
  g_string_append_printf (out, "\"%s\"%s", quoted->str, last ? "\r\n" : ";");
}

static gboolean
write_csv (const char          *temp,
           const char * const  *header,
           GPtrArray           *rows,
           GError             **error)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  guint n = g_strv_length ((GStrv) header);

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *cells = r == 0 ? header : (const char * const *) rows->pdata[r - 1];

      for (guint c = 0; c < n; c++)
        td_table_csv_field (out, cells[c], c + 1 == n);
    }
  return g_file_set_contents (temp, out->str, (gssize) out->len, error);
}

static gboolean
write_xlsx (const char          *temp,
            const char          *sheet_name,
            const char * const  *header,
            GPtrArray           *rows,
            GError             **error)
{
  lxw_workbook *book = workbook_new (temp);
  lxw_worksheet *sheet;
  lxw_format *bold;
  guint n = g_strv_length ((GStrv) header);
  lxw_error rc;

  if (book == NULL)
    {
      g_set_error_literal (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE, _("Could not create the spreadsheet."));
      return FALSE;
    }
  bold = workbook_add_format (book);
  format_set_bold (bold);
  sheet = workbook_add_worksheet (book, sheet_name);
  for (guint c = 0; c < n; c++)
    worksheet_write_string (sheet, 0, (lxw_col_t) c, header[c], bold);
  for (guint r = 0; r < rows->len; r++)
    {
      const char * const *cells = rows->pdata[r];

      for (guint c = 0; c < n; c++)
        worksheet_write_string (sheet, r + 1, (lxw_col_t) c, cells[c] ? cells[c] : "", NULL);
    }
  /* The board filters the book in Excel: a filter on the header row, the header kept in view. */
  worksheet_autofilter (sheet, 0, 0, rows->len, (lxw_col_t) (n - 1));
  worksheet_freeze_panes (sheet, 1, 0);
  rc = workbook_close (book);
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE, "%s", lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

gboolean
td_table_write (const char          *path,
                const char          *sheet,
                const char * const  *header,
                GPtrArray           *rows,
                GError             **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *temp = td_export_temp_path (path);
  gboolean ok;

  if (g_str_has_suffix (lower, ".csv"))
    ok = write_csv (temp, header, rows, error);
  else if (g_str_has_suffix (lower, ".xlsx"))
    ok = write_xlsx (temp, sheet, header, rows, error);
  else
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_FORMAT,
                   _("“%s” has no known extension; save the table as .xlsx or .csv."), path);
      return FALSE;
    }
  if (!ok)
    {
      g_unlink (temp);
      return FALSE;
    }
  return td_export_commit (temp, path, error);
}
