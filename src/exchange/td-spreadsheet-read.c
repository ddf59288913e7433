/* td-spreadsheet-read.c: reading a spreadsheet as rows of text, in thidua-sheet-helper only.
 *
 * XLSX, ODS and XLS go through libfreexl (kept by GDAL's people, in Debian): no zip or XML is
 * unpacked by hand here.  CSV is read here, as RFC 4180 says, with the two habits of Vietnamese
 * offices: a UTF-8 byte order mark (Excel writes one) and semicolons (Excel in locales with a
 * decimal comma).  libfreexl has crashed and eaten gigabytes on files of a few kilobytes: this
 * code runs in a helper process that limits itself (td-sandbox.h), never in the app. */
#include "config.h"

#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unzip.h>

#include "td-spreadsheet.h"
#include "td-spreadsheet-read.h"

/* A register of a province: a few thousand rows; far more is not a register. */
#define MAX_ROWS    100000
#define MAX_COLUMNS 200
/* A cell is a name or a note. */
#define MAX_CELL_BYTES (64 * 1024)
/* An XLSX or ODS is a zip: what it says it unpacks to is checked before libfreexl unpacks it
 * (a 2 MB zip bomb unpacked past 4 GB).  The helper's memory limit catches a zip that lies. */
#define MAX_UNZIPPED_BYTES (G_GUINT64_CONSTANT (256) * 1024 * 1024)
#define MAX_ZIP_ENTRIES    10000

static gboolean
check_zip (const char  *path,
           const char  *shown,
           GError     **error)
{
  unzFile zip = unzOpen64 (path);
  guint64 total = 0;
  guint entries = 0;
  int rc;

  if (zip == NULL)
    {
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_DAMAGED,
                   _("“%s” cannot be read as a spreadsheet: it is not a complete .xlsx or .ods file. Open it in a "
                     "spreadsheet program and save it again."), shown);
      return FALSE;
    }
  for (rc = unzGoToFirstFile (zip); rc == UNZ_OK; rc = unzGoToNextFile (zip))
    {
      unz_file_info64 info;

      if (unzGetCurrentFileInfo64 (zip, &info, NULL, 0, NULL, 0, NULL, 0) != UNZ_OK)
        break;
      total += info.uncompressed_size;
      if (++entries > MAX_ZIP_ENTRIES || total > MAX_UNZIPPED_BYTES)
        {
          unzClose (zip);
          g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
                       _("“%s” unpacks to more than %d MB or %d parts; a unit register or a sheet of figures is "
                         "far smaller. Save only the sheet you need in a new file."),
                       shown, (int) (MAX_UNZIPPED_BYTES / (1024 * 1024)), MAX_ZIP_ENTRIES);
          return FALSE;
        }
    }
  unzClose (zip);
  if (rc != UNZ_END_OF_LIST_OF_FILE)
    {
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_DAMAGED,
                   _("“%s” cannot be read as a spreadsheet: its contents are damaged. Open it in a spreadsheet "
                     "program and save it again."), shown);
      return FALSE;
    }
  return TRUE;
}

static void
pad_rows (GPtrArray *rows)
{
  guint width = 0;

  for (guint i = 0; i < rows->len; i++)
    width = MAX (width, g_strv_length (rows->pdata[i]));
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      guint n = g_strv_length (row);

      if (n < width)
        {
          row = g_renew (char *, row, width + 1);
          for (guint c = n; c < width; c++)
            row[c] = g_strdup ("");
          row[width] = NULL;
          rows->pdata[i] = row;
        }
    }
}

/* The cap of a cell, checked as it grows: one cell of megabytes is a quote left open. */
static gboolean
cell_fits (GString     *cell,
           guint        row,
           const char  *shown,
           GError     **error)
{
  if (cell->len <= MAX_CELL_BYTES)
    return TRUE;
  g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
               _("Row %u of “%s” has a cell of more than %d KB: a name or a note is far shorter (a quote left open "
                 "swallows the rest of the file)."), row, shown, MAX_CELL_BYTES / 1024);
  return FALSE;
}

static GPtrArray *
read_csv (const char  *path,
          const char  *shown,
          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) cell = g_string_new (NULL);
  gsize length = 0;
  const char *p, *end;
  char separator = ',';
  gboolean quoted = FALSE;

  /* The app checked the file it hands over (a regular file of at most 32 MB, td-spreadsheet.c);
   * here the address-space limit stands behind that. */
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;
  p = contents;
  end = contents + length;
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  if (!g_utf8_validate_len (p, (gsize) (end - p), NULL))
    {
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_FORMAT,
                   _("“%s” is not a UTF-8 text file. Save the sheet again as “CSV UTF-8”."), shown);
      return NULL;
    }
  /* The separator the first line uses more, outside quotes. */
  {
    guint commas = 0, semicolons = 0;
    gboolean q = FALSE;
    for (const char *c = p; c < end && (q || *c != '\n'); c++)
      {
        if (*c == '"')
          q = !q;
        else if (!q && *c == ',')
          commas++;
        else if (!q && *c == ';')
          semicolons++;
      }
    if (semicolons > commas)
      separator = ';';
  }
  for (; p <= end; p++)
    {
      char c = p < end ? *p : '\n';

      if (quoted)
        {
          if (c == '"' && p + 1 < end && p[1] == '"')
            g_string_append_c (cell, '"'), p++;
          else if (c == '"')
            quoted = FALSE;
          else if (p < end)
            g_string_append_c (cell, c);
          if (!cell_fits (cell, rows->len + 1, shown, error))
            return NULL;
          continue;
        }
      if (c == '"' && cell->len == 0)
        quoted = TRUE;
      else if (c == separator)
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          if (row->len > MAX_COLUMNS)
            {
              g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
                           _("Row %u of “%s” has more than %d columns; a unit register or a sheet of figures "
                             "has far fewer."), rows->len + 1, shown, MAX_COLUMNS);
              return NULL;
            }
        }
      else if (c == '\n')
        {
          if (cell->len > 0 && cell->str[cell->len - 1] == '\r')
            g_string_truncate (cell, cell->len - 1);
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          /* The last line break of the file does not start a row. */
          if (p < end || row->len > 1 || *(char *) row->pdata[0])
            {
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
            }
          else
            g_ptr_array_set_size (row, 0);
          if (rows->len > MAX_ROWS)
            {
              g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
                           _("“%s” has more than %d rows; a unit register has far fewer."), shown, MAX_ROWS);
              return NULL;
            }
        }
      else
        g_string_append_c (cell, c);
      if (!cell_fits (cell, rows->len + 1, shown, error))
        return NULL;
    }
  if (quoted)
    {
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_FORMAT,
                   _("“%s” ends inside a quoted cell: a quote (\") is left open. Correct the sheet and save it "
                     "again."), shown);
      return NULL;
    }
  pad_rows (rows);
  return g_steal_pointer (&rows);
}

static char *
cell_text (const FreeXL_CellValue *v)
{
  switch (v->type)
    {
    case FREEXL_CELL_INT:
      return g_strdup_printf ("%d", v->value.int_value);
    case FREEXL_CELL_DOUBLE:
      {
        char buf[G_ASCII_DTOSTR_BUF_SIZE];
        if (v->value.double_value == (double) (gint64) v->value.double_value && ABS (v->value.double_value) < 1e15)
          return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) v->value.double_value);
        return g_strdup (g_ascii_dtostr (buf, sizeof buf, v->value.double_value));
      }
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return g_utf8_make_valid (v->value.text_value ? v->value.text_value : "", -1);
    default:
      return g_strdup ("");
    }
}

static GPtrArray *
read_freexl (const char  *path,
             const char  *shown,
             const char  *sheet,
             int        (*open_func) (const char *, const void **),
             GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const void *handle = NULL;
  unsigned int n_sheets = 0, n_rows = 0;
  unsigned short n_columns = 0, index = 0;
  gboolean found = sheet == NULL;
  int rc;

  rc = open_func (path, &handle);
  if (rc != FREEXL_OK || freexl_get_worksheets_count (handle, &n_sheets) != FREEXL_OK || n_sheets == 0)
    {
      if (handle)
        freexl_close (handle);
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_DAMAGED,
                   _("“%s” cannot be read as a spreadsheet (libfreexl error %d). Open it in a spreadsheet program and save it again."),
                   shown, rc);
      return NULL;
    }
  for (unsigned short i = 0; sheet && i < n_sheets && !found; i++)
    {
      const char *name = NULL;
      if (freexl_get_worksheet_name (handle, i, &name) == FREEXL_OK && name && g_str_equal (name, sheet))
        found = TRUE, index = i;
    }
  if (!found)
    {
      freexl_close (handle);
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_NO_SHEET,
                   _("“%s” has no sheet named “%s”."), shown, sheet);
      return NULL;
    }
  if (freexl_select_active_worksheet (handle, index) != FREEXL_OK ||
      freexl_worksheet_dimensions (handle, &n_rows, &n_columns) != FREEXL_OK)
    {
      freexl_close (handle);
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_DAMAGED, _("“%s” cannot be read as a spreadsheet."), shown);
      return NULL;
    }
  if (n_rows > MAX_ROWS || n_columns > MAX_COLUMNS)
    {
      freexl_close (handle);
      /* The cap that was passed, by name. */
      if (n_rows > MAX_ROWS)
        g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
                     _("“%s” has more than %d rows; a unit register has far fewer."), shown, MAX_ROWS);
      else
        g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
                     _("“%s” has more than %d columns; a unit register or a sheet of figures has far fewer."), shown,
                     MAX_COLUMNS);
      return NULL;
    }
  /* The dimensions are counts here, whatever the header says about zero based. */
  for (unsigned int r = 0; r < n_rows; r++)
    {
      char **row = g_new0 (char *, (gsize) n_columns + 1);
      for (unsigned short c = 0; c < n_columns; c++)
        {
          FreeXL_CellValue v = { 0 };
          row[c] = freexl_get_cell_value (handle, r, c, &v) == FREEXL_OK ? cell_text (&v) : g_strdup ("");
        }
      g_ptr_array_add (rows, row);
    }
  freexl_close (handle);
  pad_rows (rows);
  return g_steal_pointer (&rows);
}

GPtrArray *
td_spreadsheet_read_here (const char  *path,
                          const char  *shown,
                          const char  *sheet,
                          GError     **error)
{
  TdSpreadsheetKind kind;

  if (!td_spreadsheet_kind (shown, &kind, error))
    return NULL;
  switch (kind)
    {
    case TD_SPREADSHEET_KIND_CSV:
      return read_csv (path, shown, error);
    case TD_SPREADSHEET_KIND_XLSX:
      return check_zip (path, shown, error) ? read_freexl (path, shown, sheet, freexl_open_xlsx, error) : NULL;
    case TD_SPREADSHEET_KIND_ODS:
      return check_zip (path, shown, error) ? read_freexl (path, shown, sheet, freexl_open_ods, error) : NULL;
    case TD_SPREADSHEET_KIND_XLS:
    default:
      return read_freexl (path, shown, sheet, freexl_open, error);
    }
}
