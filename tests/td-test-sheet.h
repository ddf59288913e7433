/* td-test-sheet.h: spreadsheets written byte by byte for the tests and the fuzzer's seeds: an
 * entry of a zip, and a minimal XLSX (one sheet, its XML given, optionally padded with
 * blanks that deflate to nothing: a zip bomb). */
#pragma once

#ifdef HAVE_MINIZIP
#include <glib.h>
#include <minizip/zip.h>
#include <string.h>

static inline void
td_test_zip_add (zipFile zf, const char *name, const char *data, gboolean stored)
{
  zip_fileinfo info = { 0 };

  g_assert_cmpint (zipOpenNewFileInZip (zf, name, &info, NULL, 0, NULL, 0, NULL, stored ? 0 : Z_DEFLATED,
                                        stored ? 0 : Z_DEFAULT_COMPRESSION), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zf, data, (unsigned) strlen (data)), ==, ZIP_OK);
  zipCloseFileInZip (zf);
}

static inline void
td_test_write_xlsx (const char *path,
                    const char *sheet_xml,
                    gsize       padding)
{
  zipFile zf = zipOpen (path, APPEND_STATUS_CREATE);
  zip_fileinfo info = { 0 };

  g_assert_nonnull (zf);
  td_test_zip_add (zf, "[Content_Types].xml",
           "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
           "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
           "spreadsheetml.sheet.main+xml\"/></Types>", FALSE);
  td_test_zip_add (zf, "xl/workbook.xml",
           "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
           " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
           "<sheet name=\"Đơn vị\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>", FALSE);
  td_test_zip_add (zf, "xl/_rels/workbook.xml.rels",
           "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
           "worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>", FALSE);
  g_assert_cmpint (zipOpenNewFileInZip (zf, "xl/worksheets/sheet1.xml", &info, NULL, 0, NULL, 0, NULL, Z_DEFLATED,
                                        Z_BEST_SPEED), ==, ZIP_OK);
  g_assert_cmpint (zipWriteInFileInZip (zf, sheet_xml, (unsigned) strlen (sheet_xml)), ==, ZIP_OK);
  /* The bomb: megabytes of blanks that deflate to almost nothing. */
  if (padding > 0)
    {
      g_autofree char *blanks = g_malloc (1024 * 1024);

      memset (blanks, ' ', 1024 * 1024);
      for (gsize written = 0; written < padding; written += 1024 * 1024)
        g_assert_cmpint (zipWriteInFileInZip (zf, blanks, 1024 * 1024), ==, ZIP_OK);
    }
  zipCloseFileInZip (zf);
  g_assert_cmpint (zipClose (zf, NULL), ==, ZIP_OK);
}
#endif
