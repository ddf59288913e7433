/* test-package.c: exchange packages: the round trip, resubmission and return, and every kind of
 * bad package refused with the database left exactly as it was. */
#include "td-digest.h"
#include "td-test-package.h"

static void
test_round_trip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) dry = td_package_inspect (f->province_db, f->package, 0, &error);
  g_autoptr(TdPackagePreview) done = NULL;
  g_autoptr(TdPackagePreview) again = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 src = unit_assessment (f->unit_db, "X-A", 2), dst;
  g_autoptr(GHashTable) v1 = NULL;
  g_autoptr(GHashTable) v2 = NULL;
  g_autoptr(GPtrArray) e1 = NULL;
  g_autoptr(GPtrArray) e2 = NULL;
  g_autoptr(GPtrArray) audit_src = NULL;
  g_autoptr(GPtrArray) audit_dst = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (dry->kind, ==, TD_IMPORT_NEW);
  g_assert_cmpuint (dry->changes->len, ==, 19);
  g_assert_cmpuint (dry->n_evidence, ==, 2);
  g_assert_cmpint (unit_assessment (f->province_db, "X-A", 2), ==, 0);   /* inspecting changed nothing */

  done = td_package_import (f->province_db, f->package, 0, &error);
  g_assert_no_error (error);
  dst = unit_assessment (f->province_db, "X-A", 2);
  info = td_assessment_get_info (f->province_db, dst, &error);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_RECEIVED);
  g_assert_cmpint (info->revision, ==, 1);

  /* Values, attestation and evidence bytes equal, keyed by target number. */
  v1 = td_assessment_load_values (f->unit_db, src, &error);
  v2 = td_assessment_load_values (f->province_db, dst, &error);
  g_assert_cmpuint (g_hash_table_size (v2), ==, 19);
  for (guint n = 1; n <= 19; n++)
    {
      gint64 id = td_target_get_id (target (f, n));   /* same campaign file: same ids */
      g_assert_true (td_value_equal (g_hash_table_lookup (v1, &id), g_hash_table_lookup (v2, &id)));
    }
  e1 = td_evidence_list_for_assessment (f->unit_db, src, &error);
  e2 = td_evidence_list_for_assessment (f->province_db, dst, &error);
  g_assert_cmpuint (e2->len, ==, e1->len);
  for (guint i = 0; i < e1->len; i++)
    {
      TdEvidenceInfo *a = e1->pdata[i], *b = e2->pdata[i];
      g_autoptr(GBytes) ba = td_evidence_load_bytes (f->unit_db, a->id, &error);
      g_autoptr(GBytes) bb = td_evidence_load_bytes (f->province_db, b->id, &error);

      g_assert_cmpstr (a->file_name, ==, b->file_name);
      g_assert_cmpint (a->owner.target_id, ==, b->owner.target_id);
      g_assert_cmpint (a->owner.standard_id, ==, b->owner.standard_id);
      g_assert_true (g_bytes_equal (ba, bb));
    }
  {
    g_autoptr(GHashTable) a1 = td_assessment_load_attestations (f->unit_db, src, &error);
    g_autoptr(GHashTable) a2 = td_assessment_load_attestations (f->province_db, dst, &error);
    g_assert_cmpuint (g_hash_table_size (a1), ==, 1);
    g_assert_cmpuint (g_hash_table_size (a2), ==, 1);
  }
  /* The clerk's history arrives with its names and times, kept as the unit's own: never in
   * the board's audit log, where it would read as if the board had acted. */
  audit_src = td_audit_list (f->unit_db, "X-A", 0, &error);
  audit_dst = td_audit_list (f->province_db, "X-A", 0, &error);
  for (guint j = 0; j < audit_dst->len; j++)
    g_assert_cmpstr (((TdAuditEntry *) audit_dst->pdata[j])->actor, !=, "Cán bộ xã Á");
  for (guint i = 0; i < audit_src->len; i++)
    {
      TdAuditEntry *a = audit_src->pdata[i];
      sqlite3_stmt *stmt = NULL;

      if (g_strcmp0 (a->entity, "value") != 0 && g_strcmp0 (a->entity, "attestation") != 0)
        continue;
      sqlite3_prepare_v2 (td_test_sqlite (f->province_db),
                          "SELECT count(*) FROM unit_history WHERE at = ? AND actor = ? AND field = ? AND new_value IS ?",
                          -1, &stmt, NULL);
      sqlite3_bind_text (stmt, 1, a->at, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, a->actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, a->field, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, a->new_value, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
    }
  /* A hostile-looking note is just text: stored as is, nothing executed. */
  {
    gint64 id5 = td_target_get_id (target (f, 5));
    g_autoptr(TdUnit) still = td_catalog_find_unit (f->province_db, "X-A", &error);

    g_assert_cmpstr (((TdValue *) g_hash_table_lookup (v2, &id5))->note, ==, "'); DROP TABLE unit; -- ghi chú");
    g_assert_nonnull (still);
  }

  /* The same file again: recognised, nothing written. */
  before = td_test_dump (f->province_db);
  again = td_package_import (f->province_db, f->package, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->kind, ==, TD_IMPORT_SAME);
  after = td_test_dump (f->province_db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_resubmission_and_return (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) first = td_package_import (f->province_db, f->package, 0, &error);
  g_autoptr(TdPackagePreview) second = NULL;
  g_autoptr(TdPackagePreview) back = NULL;
  g_autofree char *returned = g_build_filename (f->dir, "tra-lai.thidua", NULL);
  g_autofree char *revision2 = g_build_filename (f->dir, "xa-a-r2.thidua", NULL);
  gint64 src = unit_assessment (f->unit_db, "X-A", 2);
  gint64 dst = unit_assessment (f->province_db, "X-A", 2);
  g_autoptr(TdAssessmentInfo) info = NULL;

  g_assert_no_error (error);
  /* Received at the board: nothing the board could send (a "received" package is taken by no
   * board), refused with what to do, and no file is written. */
  g_assert_false (td_package_export (f->province_db, "X-A", 2, returned, &error));
  g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION);
  g_assert_nonnull (strstr (error->message, "return it"));
  g_clear_error (&error);
  g_assert_false (g_file_test (returned, G_FILE_TEST_EXISTS));
  /* The board returns it; the package tells the unit why. */
  g_assert_true (td_assessment_set_status (f->province_db, dst, TD_ASSESSMENT_RETURNED, "Chỉ tiêu 7 chưa khớp số liệu", NULL, &error));
  g_assert_true (td_package_export (f->province_db, "X-A", 2, returned, &error));
  back = td_package_import (f->unit_db, returned, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (back->kind, ==, TD_IMPORT_RETURNED);
  info = td_assessment_get_info (f->unit_db, src, &error);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_RETURNED);
  g_assert_cmpstr (info->status_reason, ==, "Chỉ tiêu 7 chưa khớp số liệu");
  /* The unit does not send the return on: it corrects and submits again first. */
  g_assert_false (td_package_export (f->unit_db, "X-A", 2, revision2, &error));
  g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION);
  g_clear_error (&error);
  /* The clerk's own submission: no "received unsigned" mark, which is the board's record. */
  g_assert_null (info->received_signature);

  /* The clerk corrects and resubmits: revision 2. */
  {
    TdValue v = { .has_numerator = TRUE, .numerator = 59, .has_denominator = TRUE, .denominator = 60 };
    g_assert_true (td_assessment_set_value (f->unit_db, src, target (f, 7), &v, &error));
  }
  g_assert_true (td_assessment_set_status (f->unit_db, src, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_true (td_package_export (f->unit_db, "X-A", 2, revision2, &error));

  /* The revision brings the same two PDFs: the board holds them, checked, and does not draw
   * them again. */
  td_evidence_set_checker (td_test_counting_check);
  second = td_package_import (f->province_db, revision2, 0, &error);
  td_pdf_checker_install ();
  g_assert_no_error (error);
  g_assert_cmpint (td_test_n_checked, ==, 0);
  g_assert_cmpuint (second->n_evidence, ==, 2);
  g_assert_cmpint (second->kind, ==, TD_IMPORT_REVISION);
  g_assert_cmpint (second->revision, ==, 2);
  g_assert_cmpuint (second->changes->len, ==, 1);
  g_assert_cmpstr (second->changes->pdata[0], ==, "Target 7: 47/60 → 59/60");
  g_clear_pointer (&info, td_assessment_info_free);
  info = td_assessment_get_info (f->province_db, dst, &error);
  g_assert_cmpint (info->revision, ==, 2);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_RECEIVED);

  /* Revision 1 again after 2: refused, nothing changes. */
  {
    g_autofree char *before = td_test_dump (f->province_db);
    g_autofree char *after = NULL;
    g_autoptr(TdPackagePreview) old = td_package_import (f->province_db, f->package, 0, &error);

    g_assert_null (old);
    g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OLDER_REVISION);
    after = td_test_dump (f->province_db);
    g_assert_cmpstr (before, ==, after);
  }
}

static void spoil_format (sqlite3 *p) { sqlite3_exec (p, "UPDATE manifest SET value = '99' WHERE key = 'format'", 0, 0, 0); }
static void spoil_campaign (sqlite3 *p) { sqlite3_exec (p, "UPDATE manifest SET value = 'hn-cds-2026' WHERE key = 'campaign'", 0, 0, 0); }
static void spoil_unit (sqlite3 *p) { sqlite3_exec (p, "UPDATE manifest SET value = 'X-KHONGCO' WHERE key = 'unit_code'", 0, 0, 0); }
static void spoil_round (sqlite3 *p) { sqlite3_exec (p, "UPDATE manifest SET value = '7' WHERE key = 'round'", 0, 0, 0); }
static void spoil_value (sqlite3 *p) { sqlite3_exec (p, "UPDATE value SET numerator = 60 WHERE target_number = 7", 0, 0, 0); }
static void spoil_missing (sqlite3 *p) { sqlite3_exec (p, "DELETE FROM value WHERE target_number = 12", 0, 0, 0); redigest (p); }
static void spoil_extra_row (sqlite3 *p) { sqlite3_exec (p, "INSERT INTO value VALUES (99, 1, 2, NULL, 0, NULL, NULL, 'x')", 0, 0, 0); redigest (p); }
static void spoil_type (sqlite3 *p) { sqlite3_exec (p, "UPDATE value SET numerator = 'bốn mươi' WHERE target_number = 3", 0, 0, 0); redigest (p); }
static void spoil_negative (sqlite3 *p) { sqlite3_exec (p, "UPDATE value SET numerator = -5 WHERE target_number = 3", 0, 0, 0); redigest (p); }
static void spoil_control (sqlite3 *p) { sqlite3_exec (p, "UPDATE value SET note = 'a' || char(27) || '[2J' WHERE target_number = 3", 0, 0, 0); redigest (p); }
static void spoil_long (sqlite3 *p) { sqlite3_exec (p, "UPDATE value SET note = printf('%.*c', 5000, 'x') WHERE target_number = 3", 0, 0, 0); redigest (p); }
static void spoil_table (sqlite3 *p) { sqlite3_exec (p, "CREATE TABLE extra (x)", 0, 0, 0); }
static void spoil_trigger (sqlite3 *p) { sqlite3_exec (p, "CREATE TRIGGER t AFTER INSERT ON value BEGIN DELETE FROM manifest; END", 0, 0, 0); }
static void spoil_view (sqlite3 *p) { sqlite3_exec (p, "CREATE VIEW v AS SELECT * FROM value", 0, 0, 0); }
/* One byte of an evidence changed, the table digests recomputed: only the blob's own sha256 can
 * tell. */
static void spoil_blob_byte (sqlite3 *p) { sqlite3_exec (p, "UPDATE blob SET data = CAST(substr(data, 1, 200) || x'20' || substr(data, 202) AS BLOB)", 0, 0, 0); redigest (p); }
static void
spoil_not_pdf (sqlite3 *p)
{
  /* A consistent package whose evidence is a text file: checksums all match. */
  const char *text = "Đây không phải PDF";
  g_autofree char *sha = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
  g_autofree char *sql = g_strdup_printf ("UPDATE evidence SET sha256 = '%s' WHERE id = (SELECT min(id) FROM evidence);"
                                          "DELETE FROM blob WHERE sha256 NOT IN (SELECT sha256 FROM evidence);"
                                          "INSERT INTO blob VALUES ('%s', CAST('%s' AS BLOB))", sha, sha, text);
  sqlite3_exec (p, sql, 0, 0, 0);
  redigest (p);
}
/* A well-formed PDF with its right sha256 that no evidence names: it would ride along unseen. */
static void
spoil_orphan_blob (sqlite3 *p)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Tài liệu thừa", "Không thuộc minh chứng nào", 1);
  g_autofree char *sha = td_evidence_sha256 (pdf);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (p, "INSERT INTO blob VALUES (?, ?)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 2, g_bytes_get_data (pdf, NULL), (int) g_bytes_get_size (pdf), SQLITE_STATIC);
  sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  redigest (p);
}

static const struct {
  const char *name;
  Spoil       spoil;
  int         code;
} spoils[] = {
  { "newer-format", spoil_format, TD_PACKAGE_ERROR_TOO_NEW },
  { "other-campaign", spoil_campaign, TD_PACKAGE_ERROR_OTHER_CAMPAIGN },
  { "unknown-unit", spoil_unit, TD_PACKAGE_ERROR_UNKNOWN_UNIT },
  { "unknown-round", spoil_round, TD_PACKAGE_ERROR_UNKNOWN_ROUND },
  { "changed-value", spoil_value, TD_PACKAGE_ERROR_CHECKSUM },
  { "missing-row", spoil_missing, TD_PACKAGE_ERROR_ROWS },
  { "unknown-row", spoil_extra_row, TD_PACKAGE_ERROR_ROWS },
  { "text-for-number", spoil_type, TD_PACKAGE_ERROR_BAD_VALUE },
  { "negative", spoil_negative, TD_PACKAGE_ERROR_BAD_VALUE },
  { "control-characters", spoil_control, TD_PACKAGE_ERROR_BAD_VALUE },
  { "overlong-text", spoil_long, TD_PACKAGE_ERROR_BAD_VALUE },
  { "extra-table", spoil_table, TD_PACKAGE_ERROR_NOT_A_PACKAGE },
  { "trigger", spoil_trigger, TD_PACKAGE_ERROR_NOT_A_PACKAGE },
  { "view", spoil_view, TD_PACKAGE_ERROR_NOT_A_PACKAGE },
  { "changed-evidence-byte", spoil_blob_byte, TD_PACKAGE_ERROR_CHECKSUM },
  { "evidence-not-pdf", spoil_not_pdf, TD_PACKAGE_ERROR_BAD_EVIDENCE },
  { "orphan-blob", spoil_orphan_blob, TD_PACKAGE_ERROR_ROWS },
};

static void
test_bad_packages (Fixture *f, gconstpointer data)
{
  for (guint i = 0; i < G_N_ELEMENTS (spoils); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.thidua", spoils[i].name);
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_autoptr(GBytes) bytes = td_test_read_file (f->package);
      sqlite3 *pkg = NULL;

      g_test_message ("bad package: %s", spoils[i].name);
      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
      g_assert_cmpint (sqlite3_open (path, &pkg), ==, SQLITE_OK);
      spoils[i].spoil (pkg);
      sqlite3_close (pkg);
      assert_refused_unchanged (f, path, spoils[i].code);
    }
}

static void
test_not_packages (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) bytes = td_test_read_file (f->package);
  gsize size = g_bytes_get_size (bytes);
  const struct { const char *name; const char *contents; gssize length; int code; } files[] = {
    { "empty.thidua", "", 0, TD_PACKAGE_ERROR_NOT_A_PACKAGE },
    { "text.thidua", "Báo cáo tự đánh giá, không phải tệp gói của Thi đua, nhưng đủ dài để đọc phần đầu.\n", -1, TD_PACKAGE_ERROR_NOT_A_PACKAGE },
    { "image.thidua", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89", 33, TD_PACKAGE_ERROR_NOT_A_PACKAGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, files[i].name, NULL);
      g_assert_true (g_file_set_contents (path, files[i].contents, files[i].length, NULL));
      assert_refused_unchanged (f, path, files[i].code);
    }

  /* Truncated at several points. */
  for (guint cut = 1; cut <= 3; cut++)
    {
      g_autofree char *path = g_build_filename (f->dir, "truncated.thidua", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = td_test_dump (f->province_db);
      g_autofree char *after = NULL;
      g_autoptr(TdPackagePreview) preview = NULL;

      g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) (size * cut / 4), NULL));
      preview = td_package_import (f->province_db, path, 0, &error);
      g_assert_null (preview);
      g_assert_true (error->domain == TD_PACKAGE_ERROR);
      after = td_test_dump (f->province_db);
      g_assert_cmpstr (before, ==, after);
    }

  /* A folder and a missing file. */
  assert_refused_unchanged (f, f->dir, TD_PACKAGE_ERROR_NOT_A_PACKAGE);
  {
    g_autofree char *missing = g_build_filename (f->dir, "khong-co.thidua", NULL);
    assert_refused_unchanged (f, missing, TD_PACKAGE_ERROR_NOT_A_PACKAGE);
  }
  /* The package itself was neither changed nor given a journal beside it. */
  {
    g_autoptr(GBytes) again = td_test_read_file (f->package);
    g_autofree char *journal = g_strconcat (f->package, "-journal", NULL);
    g_autofree char *wal = g_strconcat (f->package, "-wal", NULL);
    g_assert_true (g_bytes_equal (bytes, again));
    g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }
}

static void
test_export_needs_submission (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (f->unit_db, "X-B", "Xã B", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (f->unit_db, 2, &error);
  g_autofree char *path = g_build_filename (f->dir, "draft.thidua", NULL);

  td_assessment_ensure (f->unit_db, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_false (td_package_export (f->unit_db, "X-B", 2, path, &error));
  g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_READY);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* Submitted, into a folder that is not there: the folder is named (sqlite said only "unable
   * to open database file").  A folder given as the destination gets the usual name. */
  fill_and_submit (f, td_assessment_ensure (f->unit_db, td_unit_get_id (unit), td_round_get_id (round), &error));
  {
    g_autofree char *missing = g_build_filename (f->dir, "khong-co", "x.thidua", NULL);
    g_autofree char *resolved = NULL;

    g_assert_false (td_package_export (f->unit_db, "X-B", 2, missing, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "khong-co"));
    g_clear_error (&error);
    g_assert_null (td_package_resolve_output (missing, "X-B", 2, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_clear_error (&error);
    /* Under a file, not a folder: said so, not "does not exist". */
    {
      g_autofree char *under_file = g_build_filename (f->package, "x.thidua", NULL);

      g_assert_false (td_package_export (f->unit_db, "X-B", 2, under_file, &error));
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
      g_clear_error (&error);
    }
    resolved = td_package_resolve_output (f->dir, "X-B", 2, &error);
    g_assert_no_error (error);
    g_assert_true (g_str_has_suffix (resolved, G_DIR_SEPARATOR_S "X-B-dot2.thidua"));
    g_assert_true (td_package_export (f->unit_db, "X-B", 2, resolved, &error));
    g_assert_no_error (error);
  }
}

/* The package's digests are nettle's SHA-256: the same hex as GLib's for every length around
 * the 64-byte block and for megabytes fed in pieces. */
static void
test_digest (void)
{
  g_autofree guint8 *data = g_malloc (3 * 1024 * 1024 + 7);

  for (gsize i = 0; i < 3 * 1024 * 1024 + 7; i++)
    data[i] = (guint8) (i * 131 + (i >> 9));
  for (gsize n = 0; n <= 130; n++)
    {
      g_autofree char *ours = td_digest_sha256 (data, n);
      g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, n);
      g_assert_cmpstr (ours, ==, glib);
    }
  {
    TdDigest *digest = td_digest_new ();
    g_autofree char *glib = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, 3 * 1024 * 1024 + 7);
    g_autofree char *ours = NULL;

    for (gsize at = 0; at < 3 * 1024 * 1024 + 7; at += 100003)
      td_digest_update (digest, data + at, MIN (100003, 3 * 1024 * 1024 + 7 - at));
    ours = td_digest_finish (digest);
    g_assert_cmpstr (ours, ==, glib);
  }
}

static void
cancel_after_first (guint    done,
                    guint    total,
                    gpointer data)
{
  g_cancellable_cancel (data);
}

/* A folder: the next package is read while one is written.  What a package read ahead does to
 * the database is decided when it is written, so the second copy of a package, read while the
 * first was being written, is "the same"; a cancelled import drops the file it read ahead
 * unwritten; the outcomes come in order, a refused file in its place. */
static void
test_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) b = td_catalog_add_unit (f->unit_db, "X-B", "Xã Bê", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdUnit) b_copy = td_catalog_add_unit (f->province_db, "X-B", "Xã Bê", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (f->unit_db, 2, &error);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) outcomes = NULL;
  g_autofree char *package_b = g_build_filename (f->dir, "xa-b.thidua", NULL);
  g_autofree char *junk = g_build_filename (f->dir, "rac.thidua", NULL);
  const char *cancelled[] = { f->package, package_b, NULL };
  const char *folder[] = { package_b, package_b, junk, f->package, NULL };
  static const TdImportKind kinds[] = { TD_IMPORT_NEW, TD_IMPORT_SAME, 0, TD_IMPORT_SAME };
  TdPackageOutcome *o;

  g_assert_no_error (error);
  fill_and_submit (f, td_assessment_ensure (f->unit_db, td_unit_get_id (b), td_round_get_id (round), &error));
  g_assert_true (td_package_export (f->unit_db, "X-B", 2, package_b, &error));
  g_assert_true (g_file_set_contents (junk, "Không phải gói", -1, &error));

  outcomes = td_packages_run (f->province_db, cancelled, TRUE, 0, cancellable, cancel_after_first, cancellable);
  g_assert_cmpuint (outcomes->len, ==, 1);
  g_assert_cmpint (((TdPackageOutcome *) outcomes->pdata[0])->preview->kind, ==, TD_IMPORT_NEW);
  g_assert_cmpint (unit_assessment (f->province_db, "X-B", 2), ==, 0);
  g_clear_pointer (&outcomes, g_ptr_array_unref);

  /* Checked only: nothing written. */
  outcomes = td_packages_run (f->province_db, cancelled + 1, FALSE, 0, NULL, NULL, NULL);
  g_assert_cmpint (((TdPackageOutcome *) outcomes->pdata[0])->preview->kind, ==, TD_IMPORT_NEW);
  g_assert_cmpint (unit_assessment (f->province_db, "X-B", 2), ==, 0);
  g_clear_pointer (&outcomes, g_ptr_array_unref);

  outcomes = td_packages_run (f->province_db, folder, TRUE, 0, NULL, NULL, NULL);
  g_assert_cmpuint (outcomes->len, ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      o = outcomes->pdata[i];
      g_assert_cmpstr (o->path, ==, folder[i]);
      if (folder[i] == junk)
        {
          g_assert_null (o->preview);
          g_assert_nonnull (strstr (o->error, "not a Thi đua package"));
          continue;
        }
      g_assert_null (o->error);
      g_assert_cmpint (o->preview->kind, ==, kinds[i]);
    }
  g_assert_cmpint (unit_assessment (f->province_db, "X-B", 2), >, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/package/digest", test_digest);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/package/round-trip", test_round_trip);
  ADD ("/package/resubmission-and-return", test_resubmission_and_return);
  ADD ("/package/bad-packages", test_bad_packages);
  ADD ("/package/not-packages", test_not_packages);
  ADD ("/package/export-needs-submission", test_export_needs_submission);
  ADD ("/package/folder", test_folder);
  return g_test_run ();
}
