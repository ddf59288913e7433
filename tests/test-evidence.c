/* test-evidence.c: evidence checks and storage, and the sample province. */
#include <string.h>
#include <sqlite3.h>

#include "td-test-util.h"

static int
count (TdDatabase *db, const char *sql)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (td_database_get_path (db), &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

/* A write behind the core's back, as an older import would have left the file. */
static void
exec_sql (TdDatabase *db, const char *sql)
{
  sqlite3 *raw = NULL;

  g_assert_cmpint (sqlite3_open (td_database_get_path (db), &raw), ==, SQLITE_OK);
  sqlite3_busy_timeout (raw, 5000);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
}

static void
assert_refused (GBytes *bytes, gsize max_size, TdEvidenceError code)
{
  g_autoptr(GError) error = NULL;
  int pages = -1;

  g_assert_false (td_evidence_inspect (bytes, max_size, &pages, &error));
  g_assert_error (error, TD_EVIDENCE_ERROR, (gint) code);
  g_assert_cmpint (pages, ==, -1);
}

static void
test_inspect (void)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo", "Nội dung có dấu: Ặ ỗ ữ", 3);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) head = g_bytes_new_from_bytes (pdf, 0, 40);
  g_autoptr(GError) error = NULL;
  int pages = 0;

  g_assert_true (td_evidence_inspect (pdf, 0, &pages, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pages, ==, 3);

  assert_refused (empty, 0, TD_EVIDENCE_ERROR_NOT_PDF);
  assert_refused (png_bytes, 0, TD_EVIDENCE_ERROR_NOT_PDF);
  assert_refused (head, 0, TD_EVIDENCE_ERROR_DAMAGED);
  /* Said once, with what to do (it used to wrap the helper's own "damaged" sentence). */
  g_assert_false (td_evidence_inspect (head, 0, &pages, &error));
  g_assert_nonnull (strstr (error->message, "cannot be opened"));
  g_assert_null (strstr (strstr (error->message, "cannot be opened") + 1, "cannot be opened"));
  g_assert_nonnull (strstr (error->message, "Export or scan it again."));
  g_clear_error (&error);
  assert_refused (pdf, 100, TD_EVIDENCE_ERROR_TOO_LARGE);
}

static void
test_inspect_password_protected (void)
{
  const char *shared = g_getenv ("THIDUA_SHARED");
  g_autofree char *path = shared ? g_build_filename (shared, "corpus", "evidence-pdfs",
                                                     "005-libreoffice-writer-password_libreoffice-writer-password.pdf", NULL) : NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (path == NULL || !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("the shared evidence corpus is not beside the checkout");
      return;
    }
  bytes = td_test_read_file (path);
  assert_refused (bytes, 0, TD_EVIDENCE_ERROR_ENCRYPTED);
}

static void
test_attach_dedup_and_verdict (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "evidence.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-E", "Xã E", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 1, &error);
  g_autoptr(TdTarget) t1 = td_catalog_find_target (db, 1, &error);
  g_autoptr(TdTarget) t7 = td_catalog_find_target (db, 7, &error);
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Minh chứng", "Danh sách", 2);
  g_autoptr(GBytes) not_pdf = g_bytes_new_static ("hello", 5);
  g_autoptr(GBytes) loaded = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 a, e1, e1_again, e7;
  TdEvidenceOwner owner = { 0 };
  TdEvidenceInfo *info;

  a = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  owner.assessment_id = a;
  owner.target_id = td_target_get_id (t1);
  /* The file is drawn once: attached again, to the same target or another, its bytes are
   * known and were drawn without a fault.  The size limit still holds for it. */
  td_evidence_set_checker (td_test_counting_check);
  e1 = td_evidence_attach (db, pdf, "/home/clerk/Tài liệu/danh-sach.pdf", &owner, 0, &error);
  g_assert_no_error (error);
  e1_again = td_evidence_attach (db, pdf, "copy.pdf", &owner, 0, &error);
  g_assert_cmpint (e1_again, ==, e1);
  owner.target_id = td_target_get_id (t7);
  e7 = td_evidence_attach (db, pdf, "danh-sach.pdf", &owner, 0, &error);
  g_assert_cmpint (e7, !=, e1);
  g_assert_cmpint (td_test_n_checked, ==, 1);
  g_assert_cmpint (td_evidence_attach (db, pdf, "danh-sach.pdf", &owner, 100, &error), ==, 0);
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_TOO_LARGE);
  g_clear_error (&error);
  td_pdf_checker_install ();
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence_blob"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence"), ==, 2);

  /* Bad input stores nothing. */
  g_assert_cmpint (td_evidence_attach (db, not_pdf, "x.pdf", &owner, 0, &error), ==, 0);
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NOT_PDF);
  g_clear_error (&error);
  owner.standard_id = 1;   /* both a target and a standard: ambiguous */
  g_assert_cmpint (td_evidence_attach (db, pdf, "x.pdf", &owner, 0, &error), ==, 0);
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NO_OWNER);
  g_clear_error (&error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence"), ==, 2);

  loaded = td_evidence_load_bytes (db, e1, &error);
  g_assert_true (g_bytes_equal (loaded, pdf));

  /* "Needs more" or "rejected" tells the unit why, or is not recorded. */
  g_assert_false (td_evidence_set_verdict (db, e7, TD_VERDICT_NEEDS_MORE, "  ", &error));
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_false (td_evidence_set_verdict (db, e7, TD_VERDICT_REJECTED, NULL, &error));
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_true (td_evidence_set_verdict (db, e7, TD_VERDICT_NEEDS_MORE, "Thiếu trang 2", &error));
  list = td_evidence_list_for_assessment (db, a, &error);
  g_assert_cmpuint (list->len, ==, 2);
  info = g_ptr_array_index (list, 0);
  g_assert_cmpstr (info->file_name, ==, "danh-sach.pdf");   /* the path is not kept */
  g_assert_cmpint (info->page_count, ==, 2);
  g_assert_cmpint (info->verdict, ==, TD_VERDICT_UNREVIEWED);
  info = g_ptr_array_index (list, 1);
  g_assert_cmpint (info->verdict, ==, TD_VERDICT_NEEDS_MORE);
  g_assert_cmpstr (info->verdict_comment, ==, "Thiếu trang 2");
  g_assert_cmpstr (info->reviewed_by, ==, "Người kiểm thử");

  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* A blob marked "cannot be displayed" at an import (the helper crashed or ran over then) is
 * drawn again when the same bytes are attached; drawn without a fault this time, the mark goes
 * and the audit log says so.  Marked bytes are never taken as checked without drawing. */
static void
test_attach_clears_display_problem (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "marked.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-M", "Xã M", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 1, &error);
  g_autoptr(TdTarget) t1 = td_catalog_find_target (db, 1, &error);
  g_autoptr(TdTarget) t3 = td_catalog_find_target (db, 3, &error);
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Minh chứng", "Đã vẽ lại", 2);
  g_autoptr(GPtrArray) audit = NULL;
  TdEvidenceOwner owner = { 0 };
  TdAuditEntry *entry;
  gint64 e1, e3;

  owner.assessment_id = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  owner.target_id = td_target_get_id (t1);
  td_evidence_set_checker (td_test_counting_check);
  td_test_n_checked = 0;
  e1 = td_evidence_attach (db, pdf, "scan.pdf", &owner, 0, &error);
  g_assert_no_error (error);
  exec_sql (db, "UPDATE evidence_blob SET display_problem = 'The PDF reader stopped (Aborted).'");

  /* Attached again, to another target: drawn again (the mark says the last drawing failed). */
  owner.target_id = td_target_get_id (t3);
  e3 = td_evidence_attach (db, pdf, "scan.pdf", &owner, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (e3, !=, e1);
  g_assert_cmpint (td_test_n_checked, ==, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence_blob WHERE display_problem IS NULL AND page_count = 2"), ==, 1);
  audit = td_audit_list (db, NULL, 1, &error);
  g_assert_no_error (error);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->field, ==, "display_problem");
  g_assert_cmpstr (entry->old_value, ==, "The PDF reader stopped (Aborted).");
  g_assert_null (entry->new_value);
  g_assert_cmpint (entry->entity_id, ==, e3);

  /* The same again to the same target: no new evidence, but the mark still goes. */
  exec_sql (db, "UPDATE evidence_blob SET display_problem = 'x'");
  g_assert_cmpint (td_evidence_attach (db, pdf, "scan.pdf", &owner, 0, &error), ==, e3);
  g_assert_cmpint (td_test_n_checked, ==, 3);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence_blob WHERE display_problem IS NULL"), ==, 1);
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = td_audit_list (db, NULL, 1, &error);
  g_assert_cmpstr (((TdAuditEntry *) audit->pdata[0])->old_value, ==, "x");
  td_pdf_checker_install ();

  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
attached_cb (GObject *source, GAsyncResult *result, gpointer data)
{
  GError **error = data;
  gint64 id = td_evidence_attach_finish (result, error);

  /* 0 with the reason, as the synchronous call says it: never -1, which a caller took for an
   * id and so showed nothing when a clerk's PDF was refused. */
  g_assert_cmpint (id, ==, 0);
  g_assert_nonnull (*error);
}

/* A file refused on the worker comes back as 0 and the reason. */
static void
test_attach_async_refused (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "async.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-AS", "Xã AS", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 1, &error);
  g_autoptr(TdTarget) t1 = td_catalog_find_target (db, 1, &error);
  g_autoptr(GBytes) not_pdf = g_bytes_new_static ("Không phải PDF", strlen ("Không phải PDF"));
  TdEvidenceOwner owner = { 0 };

  owner.assessment_id = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  owner.target_id = td_target_get_id (t1);
  td_evidence_attach_async (db, not_pdf, "anh.jpg", &owner, 0, NULL, attached_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NOT_PDF);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence"), ==, 0);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* A wrong file taken off and put back, replaced by the right one, never by a non-PDF, and
 * nothing changes once the self-assessment is submitted. */
static void
test_remove_restore_replace (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "evidence.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-R", "Xã R", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 1, &error);
  g_autoptr(TdTarget) t1 = td_catalog_find_target (db, 1, &error);
  g_autoptr(GBytes) wrong = td_demo_make_pdf ("Nhầm tệp", "Không phải minh chứng", 1);
  g_autoptr(GBytes) right = td_demo_make_pdf ("Minh chứng", "Danh sách đúng", 2);
  g_autoptr(GBytes) not_pdf = g_bytes_new_static ("hello", 5);
  g_autoptr(TdEvidenceInfo) removed = NULL;
  g_autoptr(TdEvidenceInfo) replaced = NULL;
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(GPtrArray) list = NULL;
  TdEvidenceOwner owner = { 0 };
  gint64 a, e, back, now;

  a = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  owner.assessment_id = a;
  owner.target_id = td_target_get_id (t1);
  e = td_evidence_attach (db, wrong, "nham.pdf", &owner, 0, &error);
  g_assert_no_error (error);
  g_assert_true (td_evidence_set_verdict (db, e, TD_VERDICT_ACCEPTED, "", &error));

  g_assert_true (td_evidence_remove (db, e, &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (removed->file_name, ==, "nham.pdf");
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence"), ==, 0);
  /* The file stays stored for the undo. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence_blob"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM audit WHERE entity = 'evidence' AND field = 'removed'"
                              " AND old_value = 'nham.pdf'"), ==, 1);

  back = td_evidence_restore (db, removed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back, >, 0);
  list = td_evidence_list_for_assessment (db, a, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TdEvidenceInfo *) list->pdata[0])->file_name, ==, "nham.pdf");
  g_assert_cmpint (((TdEvidenceInfo *) list->pdata[0])->verdict, ==, TD_VERDICT_ACCEPTED);
  g_assert_cmpint (((TdEvidenceInfo *) list->pdata[0])->owner.target_id, ==, td_target_get_id (t1));

  /* A non-PDF in its place changes nothing. */
  g_assert_cmpint (td_evidence_replace (db, back, not_pdf, "x.txt", 0, NULL, &error), ==, 0);
  g_assert_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NOT_PDF);
  g_clear_error (&error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence WHERE file_name = 'nham.pdf'"), ==, 1);

  now = td_evidence_replace (db, back, right, "dung.pdf", 0, &replaced, &error);
  g_assert_no_error (error);
  g_assert_cmpint (now, !=, back);
  g_assert_cmpstr (replaced->file_name, ==, "nham.pdf");
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence WHERE file_name = 'dung.pdf' AND verdict = 'unreviewed'"), ==, 1);

  /* Submitted: the evidence is what the province receives. */
  for (int number = 1; number <= 19; number++)
    {
      g_autoptr(TdTarget) t = td_catalog_find_target (db, number, &error);
      TdValue v = { 0 };

      if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
        v.has_index = TRUE, v.index_value = 0.8;
      else
        v.has_numerator = v.has_denominator = TRUE, v.numerator = 95, v.denominator = 100;
      g_assert_true (td_assessment_set_value (db, a, t, &v, &error));
    }
  targets = td_catalog_list_targets (db, &error);
  if (td_assessment_set_status (db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error))
    {
      g_assert_false (td_evidence_remove (db, now, NULL, &error));
      g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_cmpint (td_evidence_replace (db, now, wrong, "nham.pdf", 0, NULL, &error), ==, 0);
      g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_cmpint (count (db, "SELECT count(*) FROM evidence WHERE file_name = 'dung.pdf'"), ==, 1);
    }
  else
    g_test_message ("not submitted (%s): the read-only case is not run", error->message);
  g_object_unref (db);
  td_test_cleanup_dir (dir);
}

static void
test_demo_province (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "demo.db");
  TdDatabase *twin = td_test_open_seeded (dir, "demo2.db");
  g_autoptr(GError) error = NULL;
  const char *statuses[] = { "proposed", "appraised", "approved", "decided", "returned" };

  g_assert_true (td_demo_populate (db, &error));
  g_assert_no_error (error);
  g_assert_true (td_database_is_demo (db));
  g_assert_cmpint (count (db, "SELECT count(*) FROM unit WHERE kind IN ('commune', 'ward')"), >=, 30);
  g_assert_cmpint (count (db, "SELECT count(*) FROM unit WHERE kind = 'department'"), ==, 12);
  g_assert_cmpint (count (db, "SELECT count(*) FROM unit WHERE kind = 'enterprise'"), >=, 2);
  g_assert_cmpint (count (db, "SELECT count(*) FROM unit WHERE kind LIKE 'team-%'"), >=, 2);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT round_id) FROM assessment"), ==, 2);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT status) FROM assessment"), ==, 5);
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence"), >=, 5);
  /* The province's, a department's and a commune's issued, a ward's draft. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM decision"), ==, 4);
  g_assert_cmpint (count (db, "SELECT count(*) FROM decision WHERE status = 'issued'"), ==, 3);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT issuer) FROM award_entry"), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM nomination WHERE status = '%s'", statuses[i]);
      g_assert_cmpint (count (db, sql), >, 0);
    }
  g_assert_true (td_database_check_integrity (db, &error));

  /* Deterministic: the same values and the same evidence bytes every time. */
  g_assert_true (td_demo_populate (twin, &error));
  g_assert_cmpint (count (db, "SELECT total(numerator) + total(denominator) + total(index_value) FROM assessment_value"),
                   ==, count (twin, "SELECT total(numerator) + total(denominator) + total(index_value) FROM assessment_value"));
  g_assert_cmpint (count (db, "SELECT count(*) FROM evidence_blob"), ==, count (twin, "SELECT count(*) FROM evidence_blob"));

  g_assert_finalize_object (db);
  g_assert_finalize_object (twin);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/evidence/inspect", test_inspect);
  g_test_add_func ("/evidence/inspect-password-protected", test_inspect_password_protected);
  g_test_add_func ("/evidence/attach-dedup-verdict", test_attach_dedup_and_verdict);
  g_test_add_func ("/evidence/attach-clears-display-problem", test_attach_clears_display_problem);
  g_test_add_func ("/evidence/attach-async-refused", test_attach_async_refused);
  g_test_add_func ("/evidence/remove-restore-replace", test_remove_restore_replace);
  g_test_add_func ("/evidence/demo-province", test_demo_province);
  return g_test_run ();
}
