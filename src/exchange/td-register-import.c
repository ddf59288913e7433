/* td-register-import.c: importing the unit register from the province's spreadsheet.
 *
 * Registers come as the board keeps them: a title row or two above the header, merged header
 * cells, Vietnamese headers with or without accents, kinds written as people write them ("Sở",
 * "UBND xã", "Tổ CNSCĐ"), names decomposed (NFD) by some programs, blank rows.  The plan says
 * for every row what would happen and why; nothing is written until the whole plan is clean,
 * and then in one transaction, so a refused import leaves the database as it was, and the same
 * file imported again changes nothing. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-catalog.h"
#include "td-database.h"
#include "td-register-import.h"
#include "td-spreadsheet.h"

#define COL_CODE     TD_REGISTER_COLUMN_CODE
#define COL_NAME     TD_REGISTER_COLUMN_NAME
#define COL_KIND     TD_REGISTER_COLUMN_KIND
#define COL_PARENT   TD_REGISTER_COLUMN_PARENT
#define COL_PROPOSER TD_REGISTER_COLUMN_PROPOSER
#define COL_CONTACT  TD_REGISTER_COLUMN_CONTACT
#define COL_PHONE    TD_REGISTER_COLUMN_PHONE
#define COL_EMAIL    TD_REGISTER_COLUMN_EMAIL
#define COL_STATUS   TD_REGISTER_COLUMN_STATUS
#define N_COLS       TD_REGISTER_N_COLUMNS
typedef TdRegisterColumn Column;

static const char * const column_names[N_COLS] = {
  "code", "name", "kind", "parent", "proposer", "contact", "phone", "email", "status"
};

const char *
td_register_column_name (TdRegisterColumn column)
{
  return column < N_COLS ? column_names[column] : NULL;
}

const char *
td_register_column_label (TdRegisterColumn column)
{
  switch (column)
    {
    case TD_REGISTER_COLUMN_CODE: return _("Code");
    case TD_REGISTER_COLUMN_NAME: return _("Name");
    case TD_REGISTER_COLUMN_KIND: return _("Kind");
    case TD_REGISTER_COLUMN_PARENT: return _("Unit above it");
    case TD_REGISTER_COLUMN_PROPOSER: return _("Unit that proposes its awards");
    case TD_REGISTER_COLUMN_CONTACT: return _("Contact Person");
    case TD_REGISTER_COLUMN_PHONE: return _("Phone");
    case TD_REGISTER_COLUMN_EMAIL: return _("E-mail");
    case TD_REGISTER_COLUMN_STATUS: return _("Status");
    case TD_REGISTER_N_COLUMNS: break;
    }
  g_return_val_if_reached (NULL);
}

/* Folded headers that name each column, most specific first: "mã đơn vị cấp trên" is the
 * parent, not the code. */
static const struct { const char *header; Column column; } headers[] = {
  { "ma don vi cap tren", COL_PARENT }, { "don vi cap tren", COL_PARENT }, { "cap tren", COL_PARENT },
  { "truc thuoc", COL_PARENT }, { "ma truc thuoc", COL_PARENT }, { "parent", COL_PARENT }, { "parent code", COL_PARENT },
  { "don vi de nghi khen thuong", COL_PROPOSER }, { "don vi de nghi", COL_PROPOSER }, { "de nghi khen thuong", COL_PROPOSER },
  { "ma don vi de nghi", COL_PROPOSER }, { "proposer", COL_PROPOSER }, { "proposed by", COL_PROPOSER },
  { "ma don vi", COL_CODE }, { "ma dv", COL_CODE }, { "ma", COL_CODE }, { "code", COL_CODE }, { "unit code", COL_CODE },
  { "ten don vi", COL_NAME }, { "ten dv", COL_NAME }, { "ten", COL_NAME }, { "name", COL_NAME }, { "unit name", COL_NAME },
  { "loai hinh", COL_KIND }, { "loai don vi", COL_KIND }, { "loai", COL_KIND }, { "kind", COL_KIND }, { "type", COL_KIND },
  { "nguoi lien he", COL_CONTACT }, { "can bo dau moi", COL_CONTACT }, { "dau moi", COL_CONTACT }, { "contact", COL_CONTACT },
  { "so dien thoai", COL_PHONE }, { "dien thoai", COL_PHONE }, { "sdt", COL_PHONE }, { "phone", COL_PHONE },
  { "thu dien tu", COL_EMAIL }, { "email", COL_EMAIL }, { "e mail", COL_EMAIL },
  { "trang thai", COL_STATUS }, { "tinh trang", COL_STATUS }, { "status", COL_STATUS }, { "active", COL_STATUS },
};

static void
row_free (TdRegisterRow *row)
{
  td_unit_record_free (row->record);
  g_free (row->reason);
  g_free (row);
}

void
td_register_plan_free (TdRegisterPlan *plan)
{
  if (plan == NULL)
    return;
  g_free (plan->columns);
  g_strfreev (plan->headers);
  g_clear_pointer (&plan->rows, g_ptr_array_unref);
  g_free (plan);
}

const char *
td_register_action_label (TdRegisterAction action)
{
  switch (action)
    {
    case TD_REGISTER_ADD: return _("add");
    case TD_REGISTER_CHANGE: return _("change");
    case TD_REGISTER_RETIRE: return _("retire");
    case TD_REGISTER_SAME: return _("unchanged");
    case TD_REGISTER_REFUSE: return _("refused");
    }
  g_return_val_if_reached ("");
}

/* Which column each header names; the header row is the first of the first ten that names at
 * least the code and the name. */
static gboolean
find_header (GPtrArray *rows,
             guint     *header,
             int        map[N_COLS])
{
  for (guint r = 0; r < MIN (rows->len, 10); r++)
    {
      char **row = rows->pdata[r];

      for (int c = 0; c < N_COLS; c++)
        map[c] = -1;
      for (int i = 0; row[i]; i++)
        {
          /* "Mã đơn vị (*)", "1. Tên": a header keeps its words, not its marks. */
          g_autofree char *words = g_strdelimit (g_strdup (row[i]), "*().:0123456789", ' ');
          g_autofree char *folded = td_register_fold (words);
          for (guint h = 0; h < G_N_ELEMENTS (headers); h++)
            if (g_str_equal (folded, headers[h].header) && map[headers[h].column] < 0)
              {
                map[headers[h].column] = i;
                break;
              }
        }
      if (map[COL_CODE] >= 0 && map[COL_NAME] >= 0)
        {
          *header = r;
          return TRUE;
        }
    }
  return FALSE;
}

static const char *
cell (char **row,
      int    col)
{
  return col >= 0 && (guint) col < g_strv_length (row) ? row[col] : "";
}

static char *
clean (const char *text)
{
  char *s = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);

  /* "'=…": a cell our own CSV export (td_table_csv_field()) kept from running as a formula. */
  if (s != NULL && s[0] == '\'' && s[1] != '\0' && strchr ("=+-@", s[1]) != NULL)
    memmove (s, s + 1, strlen (s));
  return g_strstrip (s ? s : g_strdup (""));
}

/* "Ngừng hoạt động", "giải thể", "retired", "0", "không": a unit that no longer takes part. */
static gboolean
says_retired (const char *text)
{
  static const char * const words[] = { "ngung hoat dong", "ngung", "giai the", "sap nhap", "retired", "inactive",
                                        "0", "khong", "no", "false", NULL };
  g_autofree char *folded = td_register_fold (text);

  return g_strv_contains (words, folded);
}

TdRegisterPlan *
td_register_plan (TdDatabase  *db,
                  const char  *path,
                  const char  *sheet,
                  GError     **error)
{
  return td_register_plan_mapped (db, path, sheet, NULL, error);
}

TdRegisterPlan *
td_register_plan_mapped (TdDatabase  *db,
                         const char  *path,
                         const char  *sheet,
                         const int   *chosen,
                         GError     **error)
{
  g_autoptr(GPtrArray) rows = td_spreadsheet_read (path, sheet, error);

  return rows != NULL ? td_register_plan_rows (db, path, rows, chosen, error) : NULL;
}

TdRegisterPlan *
td_register_plan_rows (TdDatabase  *db,
                       const char  *path,
                       GPtrArray   *rows,
                       const int   *chosen,
                       GError     **error)
{
  g_autoptr(TdRegisterPlan) plan = NULL;
  g_autoptr(GHashTable) pending = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GString) columns = g_string_new (NULL);
  int map[N_COLS];
  guint header = 0;

  for (int c = 0; c < N_COLS; c++)
    map[c] = -1;
  if (rows == NULL)
    return NULL;
  if (!find_header (rows, &header, map) && chosen != NULL)
    {
      /* No header recognised: the first row is the header, and the user says the columns. */
      header = 0;
      for (int c = 0; c < N_COLS; c++)
        map[c] = -1;
    }
  else if (rows->len == 0 || map[COL_CODE] < 0 || map[COL_NAME] < 0)
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_UNIT,
                   _("No header row with a code and a name column (for example “Mã đơn vị” and “Tên đơn vị”) in the "
                     "first ten rows of “%s”."), path);
      return NULL;
    }
  /* What the user said overrides the guess; a column the sheet does not have is none. */
  for (int c = 0; chosen && c < N_COLS; c++)
    if (chosen[c] != -2)
      map[c] = chosen[c] >= 0 && rows->len > header && (guint) chosen[c] < g_strv_length (rows->pdata[header]) ? chosen[c] : -1;
  if (map[COL_CODE] < 0 || map[COL_NAME] < 0)
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_UNIT,
                   _("Say which column holds the code and which the name."));
      return NULL;
    }
  plan = g_new0 (TdRegisterPlan, 1);
  plan->header_line = header + 1;
  memcpy (plan->map, map, sizeof map);
  plan->headers = g_strdupv (rows->len > header ? rows->pdata[header] : (char *[]) { NULL });
  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  for (int c = 0; c < N_COLS; c++)
    if (map[c] >= 0)
      g_string_append_printf (columns, "%s%s ← %s", columns->len ? ", " : "", column_names[c],
                              ((char **) rows->pdata[header])[map[c]]);
  plan->columns = g_strdup (columns->str);

  /* Every row's record first, so that parents later in the sheet count as existing. */
  pending = g_hash_table_new (g_str_hash, g_str_equal);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint r = header + 1; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];
      TdRegisterRow *row;
      g_autofree char *kind_text = NULL;
      gboolean blank = TRUE;

      for (int i = 0; cells[i]; i++)
        blank = blank && *g_strstrip (cells[i]) == '\0';
      if (blank)
        continue;
      row = g_new0 (TdRegisterRow, 1);
      row->line = r + 1;
      row->record = td_unit_record_new ();
      g_free (row->record->contact);
      g_free (row->record->phone);
      g_free (row->record->email);
      row->record->code = clean (cell (cells, map[COL_CODE]));
      row->record->name = clean (cell (cells, map[COL_NAME]));
      row->record->contact = clean (cell (cells, map[COL_CONTACT]));
      row->record->phone = clean (cell (cells, map[COL_PHONE]));
      row->record->email = clean (cell (cells, map[COL_EMAIL]));
      row->record->parent_code = clean (cell (cells, map[COL_PARENT]));
      row->record->proposer_code = clean (cell (cells, map[COL_PROPOSER]));
      if (*row->record->parent_code == '\0')
        g_clear_pointer (&row->record->parent_code, g_free);
      if (*row->record->proposer_code == '\0')
        g_clear_pointer (&row->record->proposer_code, g_free);
      row->record->active = !says_retired (cell (cells, map[COL_STATUS]));
      kind_text = clean (cell (cells, map[COL_KIND]));
      if (map[COL_KIND] < 0)
        row->reason = g_strdup (_("the sheet has no column for the kind of unit (“Loại hình”)."));
      else if (!td_register_parse_kind (kind_text, &row->record->kind))
        row->reason = g_strdup_printf (_("the kind “%s” is not one Thi đua knows (Sở/ban/ngành, xã, phường, doanh "
                                         "nghiệp, tổ chức chính trị – xã hội, Tổ Công nghệ số cộng đồng…)."), kind_text);
      else if (*row->record->code && g_hash_table_contains (seen, row->record->code))
        row->reason = g_strdup_printf (_("the code “%s” is in the sheet twice (row %u)."), row->record->code,
                                       GPOINTER_TO_UINT (g_hash_table_lookup (seen, row->record->code)));
      if (*row->record->code && !g_hash_table_contains (seen, row->record->code))
        {
          g_hash_table_insert (seen, g_strdup (row->record->code), GUINT_TO_POINTER (row->line));
          g_hash_table_insert (pending, row->record->code, row->record);
        }
      g_ptr_array_add (plan->rows, row);
    }

  for (guint i = 0; i < plan->rows->len; i++)
    {
      TdRegisterRow *row = plan->rows->pdata[i];
      g_autoptr(GError) local = NULL;
      g_autoptr(TdUnitRecord) stored = NULL;

      if (row->reason == NULL && !td_register_check (db, row->record, pending, &local))
        row->reason = g_strdup (local->message);
      if (row->reason != NULL)
        {
          row->action = TD_REGISTER_REFUSE;
          plan->n_refused++;
          continue;
        }
      stored = *row->record->code ? td_register_get (db, row->record->code, NULL) : NULL;
      if (stored == NULL)
        row->action = TD_REGISTER_ADD;
      else if (td_unit_record_equal (stored, row->record))
        row->action = TD_REGISTER_SAME;
      else if (stored->active && !row->record->active)
        row->action = TD_REGISTER_RETIRE;
      else
        {
          row->action = TD_REGISTER_CHANGE;
          if (g_strcmp0 (stored->name, row->record->name) != 0)
            row->reason = g_strdup_printf ("%s → %s", stored->name, row->record->name);
        }
    }
  return g_steal_pointer (&plan);
}

gboolean
td_register_apply (TdDatabase      *db,
                   TdRegisterPlan  *plan,
                   GError         **error)
{
  g_autoptr(GPtrArray) changed = g_ptr_array_new ();

  if (plan->n_refused > 0)
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_UNIT,
                   g_dngettext (GETTEXT_PACKAGE, "%u row of the register is refused; correct it and import again. Nothing was changed.",
                                "%u rows of the register are refused; correct them and import again. Nothing was changed.",
                                plan->n_refused), plan->n_refused);
      return FALSE;
    }
  /* The rows that change something; an unchanged one is in the register already. */
  for (guint i = 0; i < plan->rows->len; i++)
    {
      TdRegisterRow *row = plan->rows->pdata[i];
      if (row->action != TD_REGISTER_SAME)
        g_ptr_array_add (changed, row->record);
    }
  return td_register_save_all (db, changed, error);
}
