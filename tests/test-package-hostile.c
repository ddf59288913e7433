/* test-package-hostile.c: what a unit's package may and may not change at the board (issue 18):
 * a unit can only submit; the board's verdicts, statuses and archived revisions are never
 * taken from a package; a revision is received once; two imports at once cannot put an older
 * revision over a newer one; every value passes the form's own rules; the work on any package
 * is bounded; an evidence that crashes or stalls the PDF reader is kept out of harm's way. */
#include <sys/wait.h>
#include <unistd.h>

#include "td-test-award.h"
#include "td-test-package.h"
#include "td-test-pdf.h"

static gint64
province_assessment (Fixture *f)
{
  return unit_assessment (f->province_db, "X-A", 2);
}

static TdAssessmentInfo *
province_info (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  TdAssessmentInfo *info = td_assessment_get_info (f->province_db, province_assessment (f), &error);

  g_assert_no_error (error);
  return info;
}

static void
import_ok (Fixture *f, const char *path, TdImportKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) preview = td_package_import (f->province_db, path, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (preview->kind, ==, kind);
}

/* A copy of the fixture's package changed by @sql (then the digests written again, as a forger
 * who knows the format would). */
static char *
spoiled_copy (Fixture *f, const char *name, const char *sql)
{
  g_autofree char *file = g_strdup_printf ("%s.thidua", name);
  char *path = g_build_filename (f->dir, file, NULL);
  g_autoptr(GBytes) bytes = td_test_read_file (f->package);
  sqlite3 *pkg = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (sqlite3_open (path, &pkg), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (pkg, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  redigest (pkg);
  sqlite3_close (pkg);
  return path;
}

/* The unit withdraws, changes target 7 and submits again: the next revision. */
static char *
resubmit (Fixture *f, const char *name, gint64 numerator)
{
  g_autoptr(GError) error = NULL;
  gint64 a = unit_assessment (f->unit_db, "X-A", 2);
  TdValue v = { .has_numerator = TRUE, .numerator = numerator, .has_denominator = TRUE, .denominator = 60 };
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (td_assessment_set_status (f->unit_db, a, TD_ASSESSMENT_DRAFT, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (td_assessment_set_value (f->unit_db, a, target (f, 7), &v, &error));
  g_assert_true (td_assessment_set_status (f->unit_db, a, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_true (td_package_export (f->unit_db, "X-A", 2, path, &error));
  g_assert_no_error (error);
  return path;
}

static gint64
first_evidence (TdDatabase *db, gint64 assessment_id, char **sha256)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = td_evidence_list_for_assessment (db, assessment_id, &error);
  TdEvidenceInfo *e;

  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 0);
  e = items->pdata[0];
  if (sha256)
    *sha256 = g_strdup (e->sha256);
  return e->id;
}

static TdVerdict
verdict_of (TdDatabase *db, gint64 assessment_id, const char *sha256)
{
  g_autoptr(GPtrArray) items = td_evidence_list_for_assessment (db, assessment_id, NULL);

  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((TdEvidenceInfo *) items->pdata[i])->sha256, sha256))
      return ((TdEvidenceInfo *) items->pdata[i])->verdict;
  g_assert_not_reached ();
}

/* A forged return at a unit that takes unsigned packages (it has no board key to check): one
 * that claims a revision the unit never sent is refused, and one that brings other files
 * never replaces the unit's own evidence. */
static void
test_forged_return (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *far = spoiled_copy (f, "tra-lai-r10000", "UPDATE manifest SET value = 'returned' WHERE key = 'status';"
                                       "INSERT OR REPLACE INTO manifest VALUES ('status_reason', 'giả');"
                                       "UPDATE manifest SET value = '10000' WHERE key = 'revision'");
  g_autofree char *swapped = spoiled_copy (f, "tra-lai-doi-tep", "UPDATE manifest SET value = 'returned' WHERE key = 'status';"
                                           "INSERT OR REPLACE INTO manifest VALUES ('status_reason', 'giả');"
                                           "UPDATE evidence SET file_name = 'tep-la.pdf', verdict = 'rejected'");
  gint64 a = unit_assessment (f->unit_db, "X-A", 2);
  g_autoptr(TdAssessmentInfo) before = td_assessment_get_info (f->unit_db, a, &error);
  g_autoptr(GPtrArray) files_before = td_evidence_list_for_assessment (f->unit_db, a, &error);
  g_autoptr(GPtrArray) files_after = NULL;
  g_autoptr(TdAssessmentInfo) after = NULL;
  g_autofree char *dump_before = td_test_dump (f->unit_db);
  g_autofree char *dump_after = NULL;
  g_autoptr(TdPackagePreview) refused = td_package_import (f->unit_db, far, 0, &error);
  g_autoptr(TdPackagePreview) taken = NULL;

  g_assert_null (refused);
  g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OLDER_REVISION);
  g_clear_error (&error);
  dump_after = td_test_dump (f->unit_db);
  g_assert_cmpstr (dump_before, ==, dump_after);
  /* Taken as a return (it is one, unsigned, at a unit that allows that), but only as a return:
   * the status and reason, the verdicts on the unit's own files; the files stay the unit's. */
  taken = td_package_import (f->unit_db, swapped, 0, &error);
  g_assert_no_error (error);
  after = td_assessment_get_info (f->unit_db, a, &error);
  g_assert_cmpint (after->revision, ==, before->revision);
  files_after = td_evidence_list_for_assessment (f->unit_db, a, &error);
  g_assert_cmpuint (files_after->len, ==, files_before->len);
  for (guint i = 0; i < files_after->len; i++)
    g_assert_cmpstr (((TdEvidenceInfo *) files_after->pdata[i])->file_name, ==,
                     ((TdEvidenceInfo *) files_before->pdata[i])->file_name);
}

/* "returned" comes from the board only: a package that says so is refused at the board, and the
 * board's verdicts stay. */
static void
test_unit_cannot_return (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *returned = NULL;
  g_autofree char *sha = NULL;
  gint64 evidence;

  import_ok (f, f->package, TD_IMPORT_NEW);
  evidence = first_evidence (f->province_db, province_assessment (f), &sha);
  g_assert_true (td_evidence_set_verdict (f->province_db, evidence, TD_VERDICT_ACCEPTED, "Đủ", &error));
  returned = spoiled_copy (f, "tra-lai-gia", "UPDATE manifest SET value = 'returned' WHERE key = 'status';"
                                             "INSERT OR REPLACE INTO manifest VALUES ('status_reason', 'tự trả lại')");
  assert_refused_unchanged (f, returned, TD_PACKAGE_ERROR_WRONG_DIRECTION);
  g_assert_cmpint (verdict_of (f->province_db, province_assessment (f), sha), ==, TD_VERDICT_ACCEPTED);

  /* The board's own return, exported and brought back to the board by mistake: refused too. */
  {
    g_autofree char *own = g_build_filename (f->dir, "tra-lai-that.thidua", NULL);
    g_assert_true (td_assessment_set_status (f->province_db, province_assessment (f), TD_ASSESSMENT_RETURNED,
                                             "Chỉ tiêu 7 chưa khớp", NULL, &error));
    g_assert_true (td_package_export (f->province_db, "X-A", 2, own, &error));
    assert_refused_unchanged (f, own, TD_PACKAGE_ERROR_WRONG_DIRECTION);
  }
  /* And a unit's submission at another unit's installation, or at its own, is not imported. */
  {
    g_autoptr(TdPackagePreview) preview = td_package_import (f->unit_db, f->package, 0, &error);
    g_assert_null (preview);
    g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION);
  }
}

/* One revision is received once: the same file again changes nothing (an appraisal stays), the
 * same revision with other figures is refused, the archived snapshot never changes. */
static void
test_revision_received_once (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autofree char *other = NULL;
  g_autofree char *second = NULL;
  g_autofree char *snapshot = NULL;

  import_ok (f, f->package, TD_IMPORT_NEW);
  td_test_appraise_assessment (f->province_db, province_assessment (f));
  import_ok (f, f->package, TD_IMPORT_SAME);
  info = province_info (f);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_APPRAISED);

  other = spoiled_copy (f, "cung-lan-nop", "UPDATE value SET numerator = 12 WHERE target_number = 7");
  assert_refused_unchanged (f, other, TD_PACKAGE_ERROR_SAME_REVISION);

  /* Withdrawing and submitting again raises the revision; the board archives revision 1. */
  second = resubmit (f, "lan-2.thidua", 55);
  import_ok (f, second, TD_IMPORT_REVISION);
  g_clear_pointer (&info, td_assessment_info_free);
  info = province_info (f);
  g_assert_cmpint (info->revision, ==, 2);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_RECEIVED);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (td_test_sqlite (f->province_db),
                        "SELECT snapshot FROM assessment_revision WHERE revision = 1", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    snapshot = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
    g_assert_nonnull (strstr (snapshot, "[7,47,60,"));
  }
  /* Revision 1 again, or revision 1 with other figures: both refused as older. */
  assert_refused_unchanged (f, f->package, TD_PACKAGE_ERROR_OLDER_REVISION);
  assert_refused_unchanged (f, other, TD_PACKAGE_ERROR_OLDER_REVISION);
}

/* Verdicts are the board's: an unchanged file keeps its verdict into the next revision, and a
 * package's own "accepted" is ignored. */
static void
test_verdicts_are_the_boards (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  g_autofree char *forged = NULL;
  g_autofree char *sha = NULL;
  g_autoptr(GPtrArray) items = NULL;
  gint64 evidence;

  import_ok (f, f->package, TD_IMPORT_NEW);
  evidence = first_evidence (f->province_db, province_assessment (f), &sha);
  g_assert_true (td_evidence_set_verdict (f->province_db, evidence, TD_VERDICT_NEEDS_MORE, "Thiếu trang 2", &error));
  g_assert_no_error (error);

  second = resubmit (f, "lan-2.thidua", 58);
  forged = g_build_filename (f->dir, "lan-2-tu-duyet.thidua", NULL);
  g_assert_true (g_rename (second, forged) == 0);
  {
    sqlite3 *pkg = NULL;
    g_assert_cmpint (sqlite3_open (forged, &pkg), ==, SQLITE_OK);
    sqlite3_exec (pkg, "UPDATE evidence SET verdict = 'accepted', verdict_comment = 'tự duyệt'", NULL, NULL, NULL);
    redigest (pkg);
    sqlite3_close (pkg);
  }
  import_ok (f, forged, TD_IMPORT_REVISION);
  items = td_evidence_list_for_assessment (f->province_db, province_assessment (f), &error);
  g_assert_cmpuint (items->len, ==, 2);
  for (guint i = 0; i < items->len; i++)
    {
      TdEvidenceInfo *e = items->pdata[i];
      if (g_str_equal (e->sha256, sha))
        {
          g_assert_cmpint (e->verdict, ==, TD_VERDICT_NEEDS_MORE);
          g_assert_cmpstr (e->verdict_comment, ==, "Thiếu trang 2");
          g_assert_cmpstr (e->reviewed_by, ==, "Ban Thi đua");
        }
      else
        {
          g_assert_cmpint (e->verdict, ==, TD_VERDICT_UNREVIEWED);
          g_assert_cmpstr (e->verdict_comment, ==, "");
        }
    }
}

/* Revisions a unit could never have: far too high, or far beyond what the board has. */
static void
test_revision_bounds (Fixture *f, gconstpointer data)
{
  g_autofree char *huge = spoiled_copy (f, "r100000", "UPDATE manifest SET value = '100000' WHERE key = 'revision'");
  g_autofree char *far = spoiled_copy (f, "r30", "UPDATE manifest SET value = '30' WHERE key = 'revision'");
  g_autofree char *next = spoiled_copy (f, "r5", "UPDATE manifest SET value = '5' WHERE key = 'revision'");

  assert_refused_unchanged (f, huge, TD_PACKAGE_ERROR_BAD_VALUE);
  assert_refused_unchanged (f, far, TD_PACKAGE_ERROR_REVISION_GAP);
  /* Revisions the unit submitted but never sent are skipped, within bounds. */
  import_ok (f, next, TD_IMPORT_NEW);
  {
    g_autoptr(TdAssessmentInfo) info = province_info (f);
    g_assert_cmpint (info->revision, ==, 5);
  }
}

/* Every value passes the form's own checks, and says which target is wrong. */
static void
test_values_like_the_form (Fixture *f, gconstpointer data)
{
  const struct { const char *name; const char *sql; const char *says; } cases[] = {
    { "tu-lon-hon-mau", "UPDATE value SET numerator = 200, denominator = 100 WHERE target_number = 3", "Target 3" },
    { "mau-bang-0", "UPDATE value SET numerator = 0, denominator = 0 WHERE target_number = 4", "Target 4" },
    { "chi-so-7-5", "UPDATE value SET not_applicable = 0, na_reason = NULL, index_value = 7.5 WHERE target_number = 19", "Target 19" },
    /* Beyond the 15 digits the digests cover (issue 34): 0.772 and this one hash alike. */
    { "chi-so-17-chu-so", "UPDATE value SET not_applicable = 0, na_reason = NULL, index_value = 0.7720000000000001"
                          " WHERE target_number = 19", "Target 19" },
    { "khong-ap-dung-khong-ly-do", "UPDATE value SET na_reason = '  ' WHERE target_number = 19", "Target 19" },
    { "ngay-9999", "UPDATE value SET updated_at = '9999-99-99' WHERE target_number = 2", "9999-99-99" },
    { "ngay-xuat", "UPDATE manifest SET value = '9999-99-99' WHERE key = 'created_at'", "created_at" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = spoiled_copy (f, cases[i].name, cases[i].sql);
      g_autoptr(GError) error = NULL;
      g_autoptr(TdPackagePreview) preview = NULL;

      g_test_message ("value: %s", cases[i].name);
      assert_refused_unchanged (f, path, TD_PACKAGE_ERROR_BAD_VALUE);
      preview = td_package_inspect (f->province_db, path, 0, &error);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

/* A format number too long for any integer says which it is, not "-1". */
static void
test_huge_format (Fixture *f, gconstpointer data)
{
  g_autofree char *path = spoiled_copy (f, "dinh-dang", "UPDATE manifest SET value = '99999999999999999999999' WHERE key = 'format'");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) preview = td_package_inspect (f->province_db, path, 0, &error);

  g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99999999999999999999"));
  g_assert_null (strstr (error->message, "-1"));
}

/* Bounded work: more rows than any self-assessment has are refused, without a quadratic import
 * first, and nothing runs past the package's time budget. */
static void
test_bounded_work (Fixture *f, gconstpointer data)
{
  g_autofree char *many = spoiled_copy (f, "qua-nhieu-dong",
                                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200001)"
                                        " INSERT INTO audit (at, actor, entity, field) SELECT '2026-01-01T00:00:00Z', 'x',"
                                        " 'value', 'numerator' FROM n");
  g_autofree char *normal = spoiled_copy (f, "binh-thuong", "SELECT 1");
  gint64 start = g_get_monotonic_time ();

  assert_refused_unchanged (f, many, TD_PACKAGE_ERROR_ROWS);
  g_test_message ("200 001 history rows refused in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  g_setenv ("THIDUA_PACKAGE_TIME_LIMIT_MS", "1", TRUE);
  assert_refused_unchanged (f, normal, TD_PACKAGE_ERROR_TOO_SLOW);
  g_unsetenv ("THIDUA_PACKAGE_TIME_LIMIT_MS");
  import_ok (f, normal, TD_IMPORT_NEW);
}

/* A file name that reads as something else, or reaches for a folder, arrives cleaned. */
static void
test_file_names_cleaned (Fixture *f, gconstpointer data)
{
  g_autofree char *path = spoiled_copy (f, "ten-tep",
                                        "UPDATE evidence SET file_name = '../../hoa-don-' || char(8238) || 'fdp.exe'"
                                        " || char(10) || 'x' WHERE id = (SELECT min(id) FROM evidence);"
                                        "UPDATE evidence SET file_name = '..\\..\\.bashrc' WHERE id = (SELECT max(id) FROM evidence)");
  g_autoptr(GPtrArray) items = NULL;

  import_ok (f, path, TD_IMPORT_NEW);
  items = td_evidence_list_for_assessment (f->province_db, province_assessment (f), NULL);
  g_assert_cmpuint (items->len, ==, 2);
  for (guint i = 0; i < items->len; i++)
    {
      const char *name = ((TdEvidenceInfo *) items->pdata[i])->file_name;
      g_assert_true (g_str_equal (name, "hoa-don-fdp.exex") || g_str_equal (name, "bashrc"));
    }
  {
    g_autofree char *safe = td_evidence_safe_file_name ("../../hoa-don-\u202efdp.exe");
    g_assert_cmpstr (safe, ==, "hoa-don-fdp.exe.pdf");
  }
}

/* An evidence the PDF reader cannot draw (it crashes it, or stalls it) is imported marked so
 * for the reviewers, with the reason, instead of being drawn by the board's window. */
static void
test_hostile_evidence_marked (Fixture *f, gconstpointer data)
{
  g_autoptr(GBytes) type3 = td_test_pdf_recursive_type3 ();
  g_autoptr(GBytes) pattern = td_test_pdf_self_painting_pattern (1, 0);
  g_autofree char *sha1 = td_evidence_sha256 (type3);
  g_autofree char *sha2 = td_evidence_sha256 (pattern);
  g_autofree char *path = g_build_filename (f->dir, "minh-chung-doc.thidua", NULL);
  g_autoptr(GBytes) bytes = td_test_read_file (f->package);
  g_autoptr(GPtrArray) items = NULL;
  sqlite3 *pkg = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), NULL));
  g_assert_cmpint (sqlite3_open (path, &pkg), ==, SQLITE_OK);
  sqlite3_exec (pkg, "DELETE FROM blob", NULL, NULL, NULL);
  sqlite3_prepare_v2 (pkg, "INSERT INTO blob VALUES (?, ?)", -1, &stmt, NULL);
  for (int i = 0; i < 2; i++)
    {
      GBytes *b = i == 0 ? type3 : pattern;
      sqlite3_bind_text (stmt, 1, i == 0 ? sha1 : sha2, -1, SQLITE_STATIC);
      sqlite3_bind_blob (stmt, 2, g_bytes_get_data (b, NULL), (int) g_bytes_get_size (b), SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE evidence SET sha256 = '%s' WHERE id = (SELECT min(id) FROM evidence);"
                                            "UPDATE evidence SET sha256 = '%s' WHERE id = (SELECT max(id) FROM evidence)",
                                            sha1, sha2);
    sqlite3_exec (pkg, sql, NULL, NULL, NULL);
  }
  redigest (pkg);
  sqlite3_close (pkg);

  /* Long enough that the crashing file crashes before it: under AddressSanitizer beside a
   * second test suite, 1.5 s once passed before the helper reached the crash ("longer"). */
  g_setenv ("THIDUA_PDF_PAGE_TIMEOUT", "6000", TRUE);
  import_ok (f, path, TD_IMPORT_NEW);
  g_unsetenv ("THIDUA_PDF_PAGE_TIMEOUT");
  items = td_evidence_list_for_assessment (f->province_db, province_assessment (f), NULL);
  g_assert_cmpuint (items->len, ==, 2);
  for (guint i = 0; i < items->len; i++)
    {
      TdEvidenceInfo *e = items->pdata[i];
      g_test_message ("%s: %s", e->file_name, e->display_problem);
      g_assert_nonnull (e->display_problem);
      g_assert_nonnull (strstr (e->display_problem, g_str_equal (e->sha256, sha1) ? "stopped" : "longer"));
    }
}

/* One budget for the whole package: with it spent, the files are imported unchecked and marked
 * for the reviewers, and the import neither waits nor fails (issue 34). */
static void
test_package_check_budget (Fixture *f, gconstpointer data)
{
  g_autoptr(GPtrArray) items = NULL;

  g_setenv ("THIDUA_PACKAGE_CHECK_MS", "1", TRUE);
  import_ok (f, f->package, TD_IMPORT_NEW);
  g_unsetenv ("THIDUA_PACKAGE_CHECK_MS");
  items = td_evidence_list_for_assessment (f->province_db, province_assessment (f), NULL);
  g_assert_cmpuint (items->len, >, 0);
  for (guint i = 0; i < items->len; i++)
    {
      TdEvidenceInfo *e = items->pdata[i];
      g_test_message ("%s: %s", e->file_name, e->display_problem);
      g_assert_nonnull (e->display_problem);
      g_assert_nonnull (strstr (e->display_problem, "not checked"));
    }
}

/* Two imports at once, of revisions 1 and 2, in two processes: whichever order they run in,
 * revision 2 is what the board has afterwards (the check and the write are one transaction). */
static void
test_concurrent_imports (Fixture *f, gconstpointer data)
{
  g_autofree char *second = resubmit (f, "lan-2.thidua", 57);
  g_autofree char *path = g_strdup (td_database_get_path (f->province_db));
  const char *packages[2] = { f->package, second };

  for (int race = 0; race < 4; race++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdDatabase) db = NULL;
      g_autoptr(TdAssessmentInfo) info = NULL;
      g_autoptr(GHashTable) values = NULL;
      gint64 id7 = td_target_get_id (target (f, 7));
      int go[2];
      pid_t children[2];

      /* A fresh board each race. */
      if (race > 0)
        {
          g_autofree char *name = g_strdup_printf ("board-%d.db", race);
          g_autoptr(TdDatabase) fresh = td_test_open_seeded (f->dir, name);
          g_object_unref (td_catalog_add_unit (fresh, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, &error));
          g_free (path);
          path = g_strdup (td_database_get_path (fresh));
        }
      g_assert_cmpint (pipe (go), ==, 0);
      for (int c = 0; c < 2; c++)
        {
          children[c] = fork ();
          g_assert_cmpint (children[c], >=, 0);
          if (children[c] == 0)
            {
              TdDatabase *mine = td_database_open (path, NULL);
              char byte;
              close (go[1]);
              /* Both wait at the same line, then go; the older one first in odd races. */
              if (read (go[0], &byte, 1) != 1)
                _exit (3);
              if ((race % 2 == 1) == (c == 1))
                g_usleep (2000);
              _exit (mine && td_package_import (mine, packages[c], 0, NULL) ? 0 : 1);
            }
        }
      close (go[0]);
      g_assert_cmpint (write (go[1], "gg", 2), ==, 2);
      close (go[1]);
      for (int c = 0; c < 2; c++)
        waitpid (children[c], NULL, 0);

      db = td_database_open (path, &error);
      g_assert_no_error (error);
      {
        g_autoptr(TdUnit) unit = td_catalog_find_unit (db, "X-A", NULL);
        g_autoptr(TdRound) round = td_catalog_find_round (db, 2, NULL);
        info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), &error);
      }
      g_assert_nonnull (info);
      g_assert_cmpint (info->revision, ==, 2);
      values = td_assessment_load_values (db, info->id, &error);
      g_assert_cmpint (((TdValue *) g_hash_table_lookup (values, &id7))->numerator, ==, 57);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/package-hostile/unit-cannot-return", test_unit_cannot_return);
  ADD ("/package-hostile/forged-return", test_forged_return);
  ADD ("/package-hostile/revision-received-once", test_revision_received_once);
  ADD ("/package-hostile/verdicts-are-the-boards", test_verdicts_are_the_boards);
  ADD ("/package-hostile/revision-bounds", test_revision_bounds);
  ADD ("/package-hostile/values-like-the-form", test_values_like_the_form);
  ADD ("/package-hostile/huge-format", test_huge_format);
  ADD ("/package-hostile/bounded-work", test_bounded_work);
  ADD ("/package-hostile/file-names-cleaned", test_file_names_cleaned);
  ADD ("/package-hostile/hostile-evidence-marked", test_hostile_evidence_marked);
  ADD ("/package-hostile/package-check-budget", test_package_check_budget);
  ADD ("/package-hostile/concurrent-imports", test_concurrent_imports);
  return g_test_run ();
}
