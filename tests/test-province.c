/* test-province.c: a real province, not the sample (issue 12).  A board set up empty, its
 * register imported from a spreadsheet made here (title row, merged header cells, Vietnamese
 * headers, names decomposed, blank rows), every refusal leaving the database byte for byte as
 * it was; a setup file for one commune, that commune's own installation made from it, its
 * self-assessment filled and submitted there, and the package imported at the board. */
#include <unistd.h>
#ifdef HAVE_MINIZIP
#include <minizip/zip.h>
#endif
#include <xlsxwriter.h>

#include "td-register-import.h"
#include "td-setup.h"
#include "td-spreadsheet.h"
#include "td-test-package.h"
#include "td-test-sheet.h"

typedef struct {
  char       *dir;
  TdDatabase *board;
} Province;

static TdDatabase *
open_board (const char *dir)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_test_open_seeded (dir, "board.db");

  g_assert_true (td_database_set_installation (db, TD_INSTALLATION_BOARD, NULL, &error));
  td_database_set_actor (db, "Ban Thi đua – Khen thưởng");
  return db;
}

static char *
write_xlsx (const char *dir, gboolean with_errors)
{
  char *path = g_build_filename (dir, with_errors ? "so-dang-ky-loi.xlsx" : "so-dang-ky.xlsx", NULL);
  lxw_workbook *book = workbook_new (path);
  lxw_worksheet *sheet = workbook_add_worksheet (book, "Danh sách");
  lxw_format *bold = workbook_add_format (book);
  g_autofree char *nfd = g_utf8_normalize ("Xã Tiên Du", -1, G_NORMALIZE_NFD);
  const char *rows[][6] = {
    { "UBND-TINH", "UBND tỉnh Bắc Ninh", "UBND tỉnh", "", "", "" },
    { "SKHCN", "Sở Khoa học và Công nghệ", "Sở/ban/ngành", "UBND-TINH", "Nguyễn Thị Hoa", "0222 3822 123" },
    { "X-TIENDU", nfd, "xã", "UBND-TINH", "", "" },
    { "", "", "", "", "", "" },
    { "T-TIENDU-1", "Tổ Công nghệ số cộng đồng thôn Đông", "Tổ CNSCĐ", "X-TIENDU", "", "" },
    { "DN-VNPT", "Viễn thông Bắc Ninh", "Doanh nghiệp", "UBND-TINH", "", "" },
  };
  const char *bad[][6] = {
    { "X-TIENDU", "Xã trùng mã", "xã", "", "", "" },
    { "X-MOI", "Xã Mới", "xã", "X-KHONGCO", "", "" },
    { "A", "Hội A", "hội", "B", "", "" },
    { "B", "Hội B", "hội", "A", "", "" },
    { "Z", "Đơn vị lạ", "ngân hàng", "", "", "" },
  };

  format_set_bold (bold);
  /* A title row, then a header whose "Thông tin liên hệ" spans two merged cells above
   * "Người liên hệ" and "Điện thoại". */
  worksheet_merge_range (sheet, 0, 0, 0, 5, "DANH SÁCH ĐƠN VỊ THAM GIA PHONG TRÀO THI ĐUA NĂM 2026", bold);
  worksheet_write_string (sheet, 1, 0, "Mã đơn vị (*)", bold);
  worksheet_write_string (sheet, 1, 1, "Tên đơn vị", bold);
  worksheet_write_string (sheet, 1, 2, "Loại hình", bold);
  worksheet_write_string (sheet, 1, 3, "Đơn vị cấp trên", bold);
  worksheet_write_string (sheet, 1, 4, "Người liên hệ", bold);
  worksheet_write_string (sheet, 1, 5, "Điện thoại", bold);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (guint c = 0; c < 6; c++)
      if (*rows[r][c])
        worksheet_write_string (sheet, (lxw_row_t) (r + 2), (lxw_col_t) c, rows[r][c], NULL);
  /* The rest of a province: 115 more communes and wards, 120 units in all. */
  for (guint r = 0; !with_errors && r < 115; r++)
    {
      g_autofree char *code = g_strdup_printf ("X-%03u", r + 1);
      g_autofree char *name = g_strdup_printf ("%s Số %u", r % 3 ? "Xã" : "Phường", r + 1);
      lxw_row_t row = (lxw_row_t) (r + 2 + G_N_ELEMENTS (rows));

      worksheet_write_string (sheet, row, 0, code, NULL);
      worksheet_write_string (sheet, row, 1, name, NULL);
      worksheet_write_string (sheet, row, 2, r % 3 ? "xã" : "phường", NULL);
      worksheet_write_string (sheet, row, 3, "UBND-TINH", NULL);
    }
  for (guint r = 0; with_errors && r < G_N_ELEMENTS (bad); r++)
    for (guint c = 0; c < 6; c++)
      if (*bad[r][c])
        worksheet_write_string (sheet, (lxw_row_t) (r + 2 + G_N_ELEMENTS (rows)), (lxw_col_t) c, bad[r][c], NULL);
  g_assert_cmpint (workbook_close (book), ==, LXW_NO_ERROR);
  return path;
}

static void
test_register_xlsx (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *good = write_xlsx (dir, FALSE);
  g_autofree char *bad = write_xlsx (dir, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRegisterPlan) plan = NULL;
  g_autoptr(TdRegisterPlan) again = NULL;
  g_autoptr(TdUnitRecord) commune = NULL;
  g_autoptr(TdUnitRecord) team = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  static const TdRegisterAction expected[] = { TD_REGISTER_REFUSE, TD_REGISTER_REFUSE, TD_REGISTER_REFUSE,
                                               TD_REGISTER_REFUSE, TD_REGISTER_REFUSE };

  /* The file with a duplicate code, a missing parent, a cycle and an unknown kind: each row says
   * why, and nothing changes. */
  before = td_test_dump (board);
  plan = td_register_plan (board, bad, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->header_line, ==, 2);
  g_assert_cmpuint (plan->rows->len, ==, 10);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      TdRegisterRow *row = plan->rows->pdata[5 + i];
      g_test_message ("row %u: %s", row->line, row->reason);
      g_assert_cmpint (row->action, ==, expected[i]);
      g_assert_nonnull (row->reason);
    }
  g_assert_nonnull (strstr (((TdRegisterRow *) plan->rows->pdata[5])->reason, "twice"));
  g_assert_nonnull (strstr (((TdRegisterRow *) plan->rows->pdata[6])->reason, "X-KHONGCO"));
  g_assert_nonnull (strstr (((TdRegisterRow *) plan->rows->pdata[7])->reason, "cycle"));
  g_assert_nonnull (strstr (((TdRegisterRow *) plan->rows->pdata[9])->reason, "ngân hàng"));
  g_assert_false (td_register_apply (board, plan, &error));
  g_clear_error (&error);
  after = td_test_dump (board);
  g_assert_cmpstr (before, ==, after);

  /* The clean file: five units, names composed, the team under its commune. */
  g_clear_pointer (&plan, td_register_plan_free);
  plan = td_register_plan (board, good, "Danh sách", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_refused, ==, 0);
  g_assert_cmpuint (plan->rows->len, ==, 120);
  g_assert_true (td_register_apply (board, plan, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) all = td_register_list (board, &error);
    g_assert_cmpuint (all->len, ==, 120);
  }
  /* As a list for the Units page: every unit once, each team right after its commune and a
   * step in, and a search without diacritics finds the commune. */
  {
    g_autoptr(GListModel) tree = td_register_list_tree (board, &error);
    g_autofree char *needle = td_register_fold ("tien du");
    guint n_found = 0;
    gboolean team_follows = FALSE;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 120);
    for (guint i = 0; i < g_list_model_get_n_items (tree); i++)
      {
        g_autoptr(TdRegisterEntry) entry = g_list_model_get_item (tree, i);
        const TdUnitRecord *r = td_register_entry_get_record (entry);

        n_found += td_register_entry_matches (entry, needle) && g_str_equal (r->code, "X-TIENDU");
        g_assert_true ((td_register_entry_get_depth (entry) == 0) == (r->parent_code == NULL));
        if (g_str_equal (r->code, "X-TIENDU"))
          {
            g_autoptr(TdRegisterEntry) next = g_list_model_get_item (tree, i + 1);
            team_follows = g_str_equal (td_register_entry_get_record (next)->parent_code, "X-TIENDU") &&
                           td_register_entry_get_depth (next) == td_register_entry_get_depth (entry) + 1;
          }
      }
    g_assert_cmpuint (n_found, ==, 1);
    g_assert_true (team_follows);
  }
  /* A damaged file where the commune and its team name each other: both still listed. */
  {
    g_autoptr(GListModel) tree = NULL;

    g_assert_true (td_database_exec (board, "PRAGMA foreign_keys = OFF;"
                                            "CREATE TEMP TABLE kept AS SELECT parent_id FROM unit WHERE code = 'X-TIENDU';"
                                            "UPDATE unit SET parent_id = (SELECT id FROM unit WHERE code = 'T-TIENDU-1')"
                                            " WHERE code = 'X-TIENDU'; PRAGMA foreign_keys = ON", &error));
    tree = td_register_list_tree (board, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 120);
    g_assert_true (td_database_exec (board, "UPDATE unit SET parent_id = (SELECT parent_id FROM kept)"
                                            " WHERE code = 'X-TIENDU'; DROP TABLE kept", &error));
  }
  commune = td_register_get (board, "X-TIENDU", &error);
  g_assert_cmpstr (commune->name, ==, "Xã Tiên Du");
  g_assert_cmpint (commune->kind, ==, TD_UNIT_KIND_COMMUNE);
  team = td_register_get (board, "T-TIENDU-1", &error);
  g_assert_cmpint (team->kind, ==, TD_UNIT_KIND_TEAM_COMMUNE);
  g_assert_cmpstr (team->parent_code, ==, "X-TIENDU");
  {
    g_autoptr(TdUnitRecord) dept = td_register_get (board, "SKHCN", &error);
    g_assert_cmpstr (dept->contact, ==, "Nguyễn Thị Hoa");
    g_assert_cmpint (dept->kind, ==, TD_UNIT_KIND_DEPARTMENT);
  }

  /* The same file again changes nothing. */
  g_free (before);
  before = td_test_dump (board);
  again = td_register_plan (board, good, NULL, &error);
  for (guint i = 0; i < again->rows->len; i++)
    g_assert_cmpint (((TdRegisterRow *) again->rows->pdata[i])->action, ==, TD_REGISTER_SAME);
  g_assert_true (td_register_apply (board, again, &error));
  g_free (after);
  after = td_test_dump (board);
  g_assert_cmpstr (before, ==, after);

  /* A sheet that is not there. */
  g_clear_pointer (&plan, td_register_plan_free);
  plan = td_register_plan (board, good, "Không có", &error);
  g_assert_null (plan);
  g_assert_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_NO_SHEET);

  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}

#ifdef HAVE_MINIZIP
static void
ods_cell (GString *xml, const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text, -1);

  if (*text)
    g_string_append_printf (xml, "<table:table-cell office:value-type=\"string\"><text:p>%s</text:p></table:table-cell>",
                            escaped);
  else
    g_string_append (xml, "<table:table-cell/>");
}

/* An OpenDocument spreadsheet as LibreOffice writes it: the mimetype stored first, a title row
 * merged over the columns (its covered cells), a blank row, names decomposed. */
static char *
write_ods (const char *dir)
{
  char *path = g_build_filename (dir, "so-dang-ky.ods", NULL);
  g_autofree char *nfd = g_utf8_normalize ("Phường Kinh Bắc", -1, G_NORMALIZE_NFD);
  const char *rows[][4] = {
    { "Mã đơn vị", "Tên đơn vị", "Loại hình", "Đơn vị cấp trên" },
    { "UBND-TINH", "UBND tỉnh Bắc Ninh", "UBND tỉnh", "" },
    { "", "", "", "" },
    { "P-KINHBAC", nfd, "Phường", "UBND-TINH" },
    { "SNV", "Sở Nội vụ", "sở", "UBND-TINH" },
  };
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
    "<office:body><office:spreadsheet><table:table table:name=\"Đơn vị\">"
    "<table:table-column table:number-columns-repeated=\"4\"/>"
    "<table:table-row><table:table-cell table:number-columns-spanned=\"4\" office:value-type=\"string\">"
    "<text:p>DANH SÁCH ĐƠN VỊ</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated=\"3\"/>"
    "</table:table-row>");
  zipFile zf = zipOpen (path, APPEND_STATUS_CREATE);

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_string_append (xml, "<table:table-row>");
      for (guint c = 0; c < 4; c++)
        ods_cell (xml, rows[r][c]);
      g_string_append (xml, "</table:table-row>");
    }
  g_string_append (xml, "</table:table></office:spreadsheet></office:body></office:document-content>");
  g_assert_nonnull (zf);
  td_test_zip_add (zf, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", TRUE);
  td_test_zip_add (zf, "META-INF/manifest.xml",
           "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
           " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.3\">"
           "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>"
           "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
           "</manifest:manifest>", FALSE);
  td_test_zip_add (zf, "content.xml", xml->str, FALSE);
  g_assert_cmpint (zipClose (zf, NULL), ==, ZIP_OK);
  g_string_free (xml, TRUE);
  return path;
}

static void
test_register_ods (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *ods = write_ods (dir);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRegisterPlan) plan = td_register_plan (board, ods, NULL, &error);
  g_autoptr(TdUnitRecord) ward = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (plan->header_line, ==, 2);
  g_assert_cmpuint (plan->rows->len, ==, 3);
  g_assert_cmpuint (plan->n_refused, ==, 0);
  g_assert_true (td_register_apply (board, plan, &error));
  ward = td_register_get (board, "P-KINHBAC", &error);
  g_assert_cmpstr (ward->name, ==, "Phường Kinh Bắc");
  g_assert_cmpint (ward->kind, ==, TD_UNIT_KIND_WARD);
  g_assert_cmpstr (ward->parent_code, ==, "UBND-TINH");
  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}

/* An XLSX of a few kilobytes whose sheet claims two billion rows (libfreexl crashed on it, or
 * took gigabytes), an ODS that repeats a row two billion times, and a zip bomb: each is
 * refused with a message naming the file, and the app's process is never the one that
 * suffers (the reader runs in thidua-sheet-helper, issue 34). */
static void
test_register_hostile_sheets (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *tall = g_build_filename (dir, "hai-ty-dong.xlsx", NULL);
  g_autofree char *bomb = g_build_filename (dir, "bom-nen.xlsx", NULL);
  g_autofree char *repeated = g_build_filename (dir, "lap-lai.ods", NULL);
  g_autofree char *dead = g_build_filename (dir, "dang-ky.csv", NULL);
  g_autofree char *helper = g_strdup (g_getenv ("THIDUA_SHEET_HELPER"));
  const char *ods_xml = "<?xml version=\"1.0\"?><office:document-content"
                        " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                        " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
                        " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body>"
                        "<office:spreadsheet><table:table table:name=\"A\">"
                        "<table:table-row table:number-rows-repeated=\"2000000000\">"
                        "<table:table-cell table:number-columns-repeated=\"16384\" office:value-type=\"string\">"
                        "<text:p>x</text:p></table:table-cell></table:table-row>"
                        "</table:table></office:spreadsheet></office:body></office:document-content>";
  const char *cases[] = { tall, bomb, repeated, dead };
  g_autoptr(GPtrArray) before = td_register_list (board, NULL);

  td_test_write_xlsx (tall, "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    "<dimension ref=\"A1:XFD2000000000\"/><sheetData><row r=\"2000000000\"><c r=\"A2000000000\" t=\"inlineStr\">"
                    "<is><t>x</t></is></c></row></sheetData></worksheet>", 0);
  td_test_write_xlsx (bomb, "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                    "<sheetData/>", 300 * 1024 * 1024);
  {
    zipFile zf = zipOpen (repeated, APPEND_STATUS_CREATE);

    g_assert_nonnull (zf);
    td_test_zip_add (zf, "mimetype", "application/vnd.oasis.opendocument.spreadsheet", TRUE);
    td_test_zip_add (zf, "content.xml", ods_xml, FALSE);
    g_assert_cmpint (zipClose (zf, NULL), ==, ZIP_OK);
  }
  g_assert_true (g_file_set_contents (dead, "Mã đơn vị;Tên đơn vị\nX-A;Xã A\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdRegisterPlan) plan = NULL;
      g_autofree char *base = g_path_get_basename (cases[i]);

      /* The last: a reader that dies without a word (here one that only fails) is a refusal too. */
      if (cases[i] == dead)
        g_setenv ("THIDUA_SHEET_HELPER", "/bin/false", TRUE);
      plan = td_register_plan (board, cases[i], NULL, &error);
      g_assert_null (plan);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", base, error->message);
      g_assert_nonnull (strstr (error->message, base));
      if (cases[i] == bomb)
        g_assert_nonnull (strstr (error->message, "MB"));
    }
  if (helper)
    g_setenv ("THIDUA_SHEET_HELPER", helper, TRUE);
  else
    g_unsetenv ("THIDUA_SHEET_HELPER");
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) units = td_register_list (board, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (units->len, ==, before->len);
  }
  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}
#else
static void
test_register_ods (void)
{
  g_test_skip ("minizip is not installed: no ODS file can be written");
}

static void
test_register_hostile_sheets (void)
{
  g_test_skip ("minizip is not installed: no hostile XLSX can be written");
}
#endif

/* CSV as offices save it: a byte order mark, semicolons, quotes with a semicolon inside, CRLF,
 * a retired unit; then the same register changed (a name, a retirement). */
static void
test_register_csv (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *path = g_build_filename (dir, "so-dang-ky.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRegisterPlan) plan = NULL;
  g_autoptr(TdUnitRecord) ward = NULL;

  g_assert_true (g_file_set_contents (path,
    "\xef\xbb\xbfMa don vi;Ten don vi;Loai;Thu dien tu;Trang thai\r\n"
    "P-KINHBAC;\"Phường Kinh Bắc; thành phố Bắc Ninh\";phường;kinhbac@bacninh.gov.vn;\r\n"
    "X-CU;Xã Cũ;xã;;ngừng hoạt động\r\n", -1, NULL));
  plan = td_register_plan (board, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->rows->len, ==, 2);
  g_assert_true (td_register_apply (board, plan, &error));
  ward = td_register_get (board, "P-KINHBAC", &error);
  g_assert_cmpstr (ward->name, ==, "Phường Kinh Bắc; thành phố Bắc Ninh");
  g_assert_cmpint (ward->kind, ==, TD_UNIT_KIND_WARD);
  g_assert_cmpstr (ward->email, ==, "kinhbac@bacninh.gov.vn");
  {
    g_autoptr(TdUnitRecord) old = td_register_get (board, "X-CU", &error);
    g_autoptr(GListModel) all = td_catalog_list_units (board, &error);
    g_autoptr(GListModel) active = td_catalog_list_active_units (board, &error);

    g_assert_false (old->active);
    /* Kept with its history, offered for nothing new. */
    g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);
    g_assert_cmpuint (g_list_model_get_n_items (active), ==, 1);
  }

  g_assert_true (g_file_set_contents (path,
    "Ma don vi,Ten don vi,Loai,Thu dien tu,Trang thai\n"
    "P-KINHBAC,Phường Kinh Bắc,phường,kinhbac@bacninh.gov.vn,ngừng\n", -1, NULL));
  g_clear_pointer (&plan, td_register_plan_free);
  plan = td_register_plan (board, path, NULL, &error);
  g_assert_cmpint (((TdRegisterRow *) plan->rows->pdata[0])->action, ==, TD_REGISTER_RETIRE);
  g_assert_true (td_register_apply (board, plan, &error));
  g_clear_pointer (&ward, td_unit_record_free);
  ward = td_register_get (board, "P-KINHBAC", &error);
  g_assert_false (ward->active);
  g_assert_cmpstr (ward->name, ==, "Phường Kinh Bắc");

  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}

/* Hostile sheets are refused before they are read whole, naming the cap: a row of 300
 * columns, a cell of 70 KB, a quote left open, a file that is no regular file. */
static void
test_register_csv_caps (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *wide = g_build_filename (dir, "rong.csv", NULL);
  g_autofree char *big_cell = g_build_filename (dir, "o-lon.csv", NULL);
  g_autofree char *open_quote = g_build_filename (dir, "ngoac-mo.csv", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.csv", NULL);
  g_autoptr(GString) text = g_string_new ("Ma don vi;Ten don vi;Loai\n");
  const struct { const char *path; const char *says; } cases[] = {
    { wide, "columns" }, { big_cell, "KB" }, { open_quote, "quote" }, { zero, "MB" },
  };

  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);   /* endless: never read whole */

  for (guint i = 0; i < 300; i++)
    g_string_append (text, "x;");
  g_string_append_c (text, '\n');
  g_assert_true (g_file_set_contents (wide, text->str, -1, NULL));
  g_string_assign (text, "Ma don vi;Ten don vi;Loai\nX-A;");
  for (guint i = 0; i < 70 * 1024; i++)
    g_string_append_c (text, 'a');
  g_string_append (text, ";xã\n");
  g_assert_true (g_file_set_contents (big_cell, text->str, -1, NULL));
  g_assert_true (g_file_set_contents (open_quote, "Ma don vi;Ten don vi;Loai\nX-A;\"Xã Á;xã\n", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdRegisterPlan) plan = td_register_plan (board, cases[i].path, NULL, &error);

      g_assert_null (plan);
      g_assert_nonnull (error);
      g_test_message ("%s: %s", cases[i].path, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}

/* A name with a right-to-left override would print reordered on a decision, one with a line
 * break (a multi-line cell) or a terminal escape would not read as the register shows: such
 * rows are refused at the register's door with the reason, and nothing is imported. */
static void
test_register_hidden_characters (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *path = g_build_filename (dir, "so-dang-ky-la.csv", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRegisterPlan) plan = NULL;

  g_assert_true (g_file_set_contents (path,
    "Ma don vi;Ten don vi;Loai\n"
    "X-RLO;Xã \xe2\x80\xae\x63\x62\x61;xã\n"
    "X-DONG;\"Xã Hai\nDòng\";xã\n"
    "X-ESC;Xã \x1b[31mĐỏ;xã\n"
    "X-TOT;Xã Tốt;xã\n", -1, NULL));
  plan = td_register_plan (board, path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->rows->len, ==, 4);
  g_assert_cmpuint (plan->n_refused, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      TdRegisterRow *row = plan->rows->pdata[i];
      g_assert_nonnull (strstr (row->reason, "invisible direction mark"));
    }
  g_assert_false (td_register_apply (board, plan, &error));
  g_assert_nonnull (error);
  g_assert_null (td_register_get (board, "X-TOT", NULL));
  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}

static void
fill_all (TdDatabase *db, gint64 assessment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, &error);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, i);
      TdValue v = { 0 };

      if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
        v.not_applicable = TRUE, v.na_reason = (char *) "Chỉ số do Bộ công bố cho cấp tỉnh";
      else
        v.has_numerator = v.has_denominator = TRUE, v.numerator = 95, v.denominator = 100;
      g_assert_true (td_assessment_set_value (db, assessment, t, &v, &error));
    }
}

/* Board → commune → board, with units the board imported and nothing of the sample. */
static void
test_round_trip (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *xlsx = write_xlsx (dir, FALSE);
  g_autofree char *setup = g_build_filename (dir, "X-TIENDU.thidua-setup", NULL);
  g_autofree char *setup_all = g_build_filename (dir, "tat-ca.thidua-setup", NULL);
  g_autofree char *unit_path = g_build_filename (dir, "tiendu.db", NULL);
  g_autofree char *package = g_build_filename (dir, "tiendu.thidua", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRegisterPlan) plan = td_register_plan (board, xlsx, NULL, &error);
  g_autoptr(TdSetupResult) result = NULL;
  g_autoptr(TdPackagePreview) preview = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(GListModel) targets = NULL;
  g_autofree char *own = NULL;
  TdDatabase *clerk;
  gint64 a;

  g_assert_true (td_register_apply (board, plan, &error));
  g_assert_true (td_setup_export (board, "X-TIENDU", setup, &error));
  g_assert_no_error (error);

  /* The commune's machine: a new database made from the file alone. */
  clerk = td_database_open (unit_path, &error);
  g_assert_no_error (error);
  td_database_set_actor (clerk, "Cán bộ xã Tiên Du");
  result = td_setup_open (clerk, setup, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->unit_code, ==, "X-TIENDU");
  g_assert_cmpint (td_database_get_installation (clerk, &own), ==, TD_INSTALLATION_UNIT);
  g_assert_cmpstr (own, ==, "X-TIENDU");
  /* The commune and the unit above it; not the other units of the province. */
  g_assert_nonnull (unit = td_catalog_find_unit (clerk, "X-TIENDU", &error));
  g_assert_null (td_catalog_find_unit (clerk, "DN-VNPT", NULL));

  round = td_catalog_find_round (clerk, 2, &error);
  targets = td_catalog_list_targets (clerk, &error);
  a = td_assessment_ensure (clerk, td_unit_get_id (unit), td_round_get_id (round), &error);
  fill_all (clerk, a);
  g_assert_true (td_assessment_set_status (clerk, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error));
  g_assert_true (td_package_export (clerk, "X-TIENDU", 2, package, &error));
  g_assert_no_error (error);

  /* Opening the same file again changes nothing; a file for the whole province needs --unit,
   * and cannot turn the commune into another unit. */
  {
    g_autoptr(TdSetupResult) same = td_setup_open (clerk, setup, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (same->unchanged);
  }
  g_assert_true (td_setup_export (board, NULL, setup_all, &error));
  {
    g_autoptr(TdSetupResult) other = td_setup_open (clerk, setup_all, "SKHCN", &error);
    g_assert_null (other);
    g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION);
    g_clear_error (&error);
  }
  /* An older setup after a newer one: refused, nothing changes. */
  {
    g_autoptr(TdSetupResult) newer = td_setup_open (clerk, setup_all, "X-TIENDU", &error);
    g_autoptr(TdSetupResult) older = NULL;
    g_autofree char *before = td_test_dump (clerk);
    g_autofree char *after = NULL;

    g_assert_no_error (error);
    older = td_setup_open (clerk, setup, NULL, &error);
    g_assert_null (older);
    g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OLDER_REVISION);
    g_clear_error (&error);
    after = td_test_dump (clerk);
    g_assert_cmpstr (before, ==, after);
  }
  /* The board corrects a target's wording and adds nothing else: the next setup updates the
   * commune's text, and every figure it typed stays. */
  {
    g_autoptr(GBytes) json = td_catalog_get_campaign_json (board, &error);
    g_autofree char *text = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
    g_autoptr(GString) edited = g_string_new (text);
    g_autoptr(GBytes) corrected = NULL;
    g_autofree char *next = g_build_filename (dir, "X-TIENDU-2.thidua-setup", NULL);
    g_autoptr(TdSetupResult) updated = NULL;
    g_autoptr(TdTarget) first = NULL;
    g_autoptr(GHashTable) values = NULL;

    g_assert_cmpuint (g_string_replace (edited, "bồi dưỡng kỹ năng số căn bản", "bồi dưỡng kỹ năng số cơ bản", 1), ==, 1);
    corrected = g_bytes_new (edited->str, edited->len);
    g_assert_true (td_catalog_import_campaign (board, corrected, &error));
    g_assert_no_error (error);
    g_assert_true (td_setup_export (board, "X-TIENDU", next, &error));
    updated = td_setup_open (clerk, next, NULL, &error);
    g_assert_no_error (error);
    first = td_catalog_find_target (clerk, 1, &error);
    g_assert_nonnull (strstr (td_target_get_text (first), "kỹ năng số cơ bản"));
    values = td_assessment_load_values (clerk, a, &error);
    g_assert_cmpuint (g_hash_table_size (values), ==, 19);
  }
  /* A file that is no database at all, given for a setup file: said in a setup file's words,
   * nothing changed. */
  {
    g_autofree char *text = g_build_filename (dir, "ghi-chu.thidua-setup", NULL);
    g_autofree char *before = td_test_dump (clerk);
    g_autofree char *after = NULL;
    g_autoptr(TdSetupResult) wrong = NULL;

    g_assert_true (g_file_set_contents (text, "Đây là ghi chú, không phải tệp thiết lập.\n", -1, NULL));
    wrong = td_setup_open (clerk, text, NULL, &error);
    g_assert_null (wrong);
    g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE);
    g_assert_nonnull (strstr (error->message, "setup file"));
    g_clear_error (&error);
    after = td_test_dump (clerk);
    g_assert_cmpstr (before, ==, after);
  }
  /* The board's own database is not a unit's. */
  {
    g_autoptr(TdSetupResult) at_board = td_setup_open (board, setup, NULL, &error);
    g_assert_null (at_board);
    g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION);
    g_clear_error (&error);
  }

  /* At the board: the commune's package, from a unit that exists only in the imported register. */
  preview = td_package_import (board, package, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->kind, ==, TD_IMPORT_NEW);
  g_assert_cmpstr (preview->unit_name, ==, "Xã Tiên Du");
  /* Exported under the first setup; the board has written two more since: outdated. */
  g_assert_cmpint (preview->setup_version, ==, 1);
  g_assert_cmpint (preview->board_setup_version, ==, 3);

  g_assert_finalize_object (clerk);
  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}

/* A register made to be slow: each unit's parent and proposer are the next one (the setup
 * export of an unrelated commune followed 2^35 paths and ran for minutes), and a chain of 70
 * units one over the other, refused as too deep rather than called a cycle. */
static void
test_register_hostile_structure (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *csv = g_build_filename (dir, "chain.csv", NULL);
  g_autofree char *setup = g_build_filename (dir, "le.thidua-setup", NULL);
  g_autofree char *top = g_build_filename (dir, "s34.thidua-setup", NULL);
  g_autoptr(GString) sheet = g_string_new ("Mã đơn vị,Tên đơn vị,Loại hình,Đơn vị cấp trên,Mã đơn vị đề nghị\n"
                                           "UBND-TINH,UBND tỉnh,UBND tỉnh,,\nX-LE,Xã Lẻ,xã,UBND-TINH,\n");
  g_autoptr(GError) error = NULL;

  for (int i = 0; i < 35; i++)
    {
      g_autofree char *next = i + 1 < 35 ? g_strdup_printf ("S-%d", i + 1) : g_strdup ("UBND-TINH");

      g_string_append_printf (sheet, "S-%d,Sở %d,sở,%s,%s\n", i, i, next, i + 1 < 35 ? next : "");
    }
  g_assert_true (g_file_set_contents (csv, sheet->str, -1, NULL));
  {
    g_autoptr(TdRegisterPlan) plan = td_register_plan (board, csv, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (plan->n_refused, ==, 0);
    g_assert_true (td_register_apply (board, plan, &error));
  }
  /* The commune's file holds the commune and the province, not the chain beside it. */
  g_assert_true (td_setup_export (board, "X-LE", setup, &error));
  {
    g_autofree char *for_unit = NULL;
    g_autoptr(GPtrArray) units = td_setup_list_units (setup, &for_unit, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (units->len, ==, 2);
  }
  /* The last of the chain has every unit of it under it, each once. */
  g_assert_true (td_setup_export (board, "S-34", top, &error));
  {
    g_autofree char *for_unit = NULL;
    g_autoptr(GPtrArray) units = td_setup_list_units (top, &for_unit, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (units->len, ==, 36);
  }

  g_string_assign (sheet, "Mã đơn vị,Tên đơn vị,Loại hình,Đơn vị cấp trên\nUBND-TINH,UBND tỉnh,UBND tỉnh,\n");
  g_string_append (sheet, "D-0,Sở 0,sở,UBND-TINH\n");
  for (int i = 1; i < 70; i++)
    g_string_append_printf (sheet, "D-%d,Sở %d,sở,D-%d\n", i, i, i - 1);
  g_assert_true (g_file_set_contents (csv, sheet->str, -1, NULL));
  {
    g_autoptr(TdRegisterPlan) plan = td_register_plan (board, csv, NULL, &error);
    TdRegisterRow *deepest;

    g_assert_no_error (error);
    /* The first 65 levels are a register, deep but honest; below them each row is refused. */
    g_assert_cmpuint (plan->n_refused, ==, 70 - 65);
    deepest = plan->rows->pdata[plan->rows->len - 1];
    g_assert_cmpint (deepest->action, ==, TD_REGISTER_REFUSE);
    g_assert_nonnull (strstr (deepest->reason, "more than 64 units are above it"));
  }
  g_object_unref (board);
  td_test_cleanup_dir (dir);
}

/* A setup file changed after the board wrote it, or cut short: refused. */
static void
test_setup_hostile (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *board = open_board (dir);
  g_autofree char *setup = g_build_filename (dir, "x.thidua-setup", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;

  {
    g_autoptr(TdUnitRecord) r = td_unit_record_new ();
    r->code = g_strdup ("X-A");
    r->name = g_strdup ("Xã Á");
    g_assert_true (td_register_save (board, r, TRUE, &error));
  }
  g_assert_true (td_setup_export (board, "X-A", setup, &error));
  bytes = td_test_read_file (setup);
  {
    sqlite3 *file = NULL;
    g_autofree char *forged = g_build_filename (dir, "forged.thidua-setup", NULL);
    g_autofree char *extra = g_build_filename (dir, "extra.thidua-setup", NULL);
    g_autofree char *cut = g_build_filename (dir, "cut.thidua-setup", NULL);
    g_autofree char *huge = g_build_filename (dir, "version-overflow.thidua-setup", NULL);
    g_autofree char *other = g_build_filename (dir, "other-campaign.thidua-setup", NULL);
    const char *paths[] = { forged, extra, cut, huge, other };

    g_file_set_contents (forged, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL);
    sqlite3_open (forged, &file);
    sqlite3_exec (file, "UPDATE unit SET name = 'Xã giả'", NULL, NULL, NULL);
    sqlite3_close (file);
    g_file_set_contents (extra, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL);
    sqlite3_open (extra, &file);
    sqlite3_exec (file, "CREATE INDEX sqlite_x ON unit (name)", NULL, NULL, NULL);
    sqlite3_exec (file, "CREATE TRIGGER t AFTER INSERT ON unit BEGIN DELETE FROM unit; END", NULL, NULL, NULL);
    sqlite3_close (file);
    g_file_set_contents (cut, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes) / 2, NULL);
    /* A version past 2³² is not read as a small one; a manifest naming another campaign than
     * the one the file carries is refused. */
    g_file_set_contents (huge, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL);
    sqlite3_open (huge, &file);
    sqlite3_exec (file, "UPDATE manifest SET value = '4294967298' WHERE key = 'version'", NULL, NULL, NULL);
    sqlite3_close (file);
    g_file_set_contents (other, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL);
    sqlite3_open (other, &file);
    sqlite3_exec (file, "UPDATE manifest SET value = 'bn-khac-2026' WHERE key = 'campaign'", NULL, NULL, NULL);
    sqlite3_close (file);
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autofree char *name = g_strdup_printf ("unit-%u.db", i);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        TdDatabase *clerk = td_database_open (path, &error);
        g_autoptr(TdSetupResult) result = td_setup_open (clerk, paths[i], NULL, &error);

        g_assert_null (result);
        g_test_message ("%s: %s", paths[i], error->message);
        g_assert_true (error->domain == TD_PACKAGE_ERROR);
        g_clear_error (&error);
        g_assert_null (td_catalog_get_campaign_id (clerk));
        g_assert_finalize_object (clerk);
      }
  }
  g_assert_finalize_object (board);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/province/register-xlsx", test_register_xlsx);
  g_test_add_func ("/province/register-csv", test_register_csv);
  g_test_add_func ("/province/register-hidden-characters", test_register_hidden_characters);
  g_test_add_func ("/province/register-ods", test_register_ods);
  g_test_add_func ("/province/round-trip", test_round_trip);
  g_test_add_func ("/province/setup-hostile", test_setup_hostile);
  g_test_add_func ("/province/register-hostile-structure", test_register_hostile_structure);
  g_test_add_func ("/province/register-csv-caps", test_register_csv_caps);
  g_test_add_func ("/province/register-hostile-sheets", test_register_hostile_sheets);
  return g_test_run ();
}
