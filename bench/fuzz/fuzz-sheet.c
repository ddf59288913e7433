/* fuzz-sheet.c: the spreadsheet path (a register or a sheet of figures being imported) on any
 * bytes.  The first byte chooses the kind (.csv, .xlsx, .ods, .xls), the rest is the file;
 * it is read through td_spreadsheet_read(), that is in thidua-sheet-helper, as in the app.  A
 * helper that crashes or runs out of memory is the design working (a refusal); a finding is
 * this process crashing, hanging or accepting rows that break the reader's promises. */
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include "td-spreadsheet.h"
#include "td-test-sheet.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static char *dir;

/* @name in the seed folder: @kind, then an XLSX whose one sheet is @sheet_xml. */
static void
write_seed (const char *name,
            guint8      kind,
            const char *sheet_xml)
{
  g_autofree char *xlsx = g_build_filename (dir, "seed.xlsx", NULL);
  g_autofree char *seed = g_build_filename (g_getenv ("THIDUA_FUZZ_SHEET_SEED_DIR"), name, NULL);
  g_autofree char *bytes = NULL;
  gsize length = 0;
  g_autoptr(GByteArray) prefixed = g_byte_array_new ();

  td_test_write_xlsx (xlsx, sheet_xml, 0);
  if (!g_file_get_contents (xlsx, &bytes, &length, NULL))
    return;
  g_byte_array_append (prefixed, &kind, 1);
  g_byte_array_append (prefixed, (const guint8 *) bytes, (guint) length);
  g_file_set_contents (seed, (const char *) prefixed->data, prefixed->len, NULL);
  unlink (xlsx);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  dir = g_dir_make_tmp ("thidua-fuzz-sheet-XXXXXX", NULL);
  g_assert_nonnull (dir);
  /* A seed: a register as an office saves it. */
  if (g_getenv ("THIDUA_FUZZ_SHEET_SEED_DIR"))
    {
      g_autofree char *seed = g_build_filename (g_getenv ("THIDUA_FUZZ_SHEET_SEED_DIR"), "seed-register.csv", NULL);
      const char csv[] = "\x00\xef\xbb\xbfM\xc3\xa3 \xc4\x91\xc6\xa1n v\xe1\xbb\x8b;T\xc3\xaan\r\nX-A;\"X\xc3\xa3 A; m\xe1\xbb\x99t\"\r\n";

      g_file_set_contents (seed, csv, sizeof csv - 1, NULL);
      /* The files that crashed libfreexl or ate memory (tests/test-province.c), and a sound
       * register, each behind the byte that says its kind. */
      write_seed ("seed-register.xlsx", 1,
                  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                  "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Mã đơn vị</t></is></c>"
                  "<c r=\"B1\" t=\"inlineStr\"><is><t>Tên đơn vị</t></is></c></row><row r=\"2\">"
                  "<c r=\"A2\" t=\"inlineStr\"><is><t>X-A</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>Xã A</t></is></c>"
                  "</row></sheetData></worksheet>");
      write_seed ("seed-tall.xlsx", 1,
                  "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
                  "<dimension ref=\"A1:XFD2000000000\"/><sheetData><row r=\"2000000000\"><c r=\"A2000000000\" "
                  "t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData></worksheet>");
    }
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char * const kinds[] = { "fuzz.csv", "fuzz.xlsx", "fuzz.ods", "fuzz.xls" };
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return 0;
  path = g_build_filename (dir, kinds[data[0] % G_N_ELEMENTS (kinds)], NULL);
  if (!g_file_set_contents (path, (const char *) data + 1, (gssize) size - 1, NULL))
    return 0;
  rows = td_spreadsheet_read (path, NULL, &error);
  /* Read or refused with a reason, never both, never neither. */
  g_assert_true ((rows == NULL) != (error == NULL));
  /* Every row is as wide as the widest, every cell valid UTF-8. */
  for (guint i = 0; rows && i < rows->len; i++)
    {
      char **row = rows->pdata[i];

      g_assert_cmpuint (g_strv_length (row), ==, g_strv_length (rows->pdata[0]));
      for (guint c = 0; row[c]; c++)
        g_assert_true (g_utf8_validate (row[c], -1, NULL));
    }
  unlink (path);
  return 0;
}
