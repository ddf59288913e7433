/* td-test-package.h: a clerk's database and the board's, a submitted self-assessment exported
 * between them, and the helpers the package tests share. */
#pragma once

#include <sqlite3.h>

#include "td-database-private.h"
#include "td-package-private.h"
#include "td-test-util.h"


typedef struct {
  char       *dir;
  TdDatabase *unit_db;      /* the clerk's */
  TdDatabase *province_db;  /* the board's */
  char       *package;
  GListModel *targets;
} Fixture;

G_GNUC_UNUSED static TdTarget *
target (Fixture *f, guint number)
{
  g_autoptr(TdTarget) t = g_list_model_get_item (f->targets, number - 1);
  return t;
}

G_GNUC_UNUSED static gint64
unit_assessment (TdDatabase *db, const char *code, guint round_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, code, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, round_number, &error);
  g_autoptr(TdAssessmentInfo) info = NULL;

  g_assert_no_error (error);
  info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  return info ? info->id : 0;
}

G_GNUC_UNUSED static void
fill_and_submit (Fixture *f, gint64 a)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) standards = td_catalog_list_standards (f->unit_db, FALSE, FALSE, &error);
  g_autoptr(GBytes) pdf1 = td_demo_make_pdf ("Báo cáo bồi dưỡng", "Danh sách học viên", 2);
  g_autoptr(GBytes) pdf2 = td_demo_make_pdf ("Biên bản họp", "Nội bộ đoàn kết", 1);
  TdEvidenceOwner owner = { .assessment_id = a, .target_id = td_target_get_id (target (f, 1)) };

  for (guint n = 1; n <= 18; n++)
    {
      TdValue v = { .has_numerator = TRUE, .numerator = 40 + n, .has_denominator = TRUE, .denominator = 60,
                    .note = n == 5 ? (char *) "'); DROP TABLE unit; -- ghi chú" : NULL };
      g_assert_true (td_assessment_set_value (f->unit_db, a, target (f, n), &v, &error));
    }
  {
    TdValue na = { .not_applicable = TRUE, .na_reason = (char *) "Chỉ số cấp tỉnh" };
    g_assert_true (td_assessment_set_value (f->unit_db, a, target (f, 19), &na, &error));
  }
  g_assert_true (td_assessment_set_attestation (f->unit_db, a, ((TdStandard *) standards->pdata[0])->id, TRUE,
                                                "Không có đơn thư khiếu nại", &error));
  g_assert_cmpint (td_evidence_attach (f->unit_db, pdf1, "danh-sach.pdf", &owner, 0, &error), >, 0);
  owner.target_id = 0;
  owner.standard_id = ((TdStandard *) standards->pdata[0])->id;
  g_assert_cmpint (td_evidence_attach (f->unit_db, pdf2, "bien-ban.pdf", &owner, 0, &error), >, 0);
  g_assert_true (td_assessment_set_status (f->unit_db, a, TD_ASSESSMENT_SUBMITTED, NULL, f->targets, &error));
  g_assert_no_error (error);
}

G_GNUC_UNUSED static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdUnit) copy = NULL;
  gint64 a;

  f->dir = td_test_make_dir ();
  f->unit_db = td_test_open_seeded (f->dir, "unit.db");
  f->province_db = td_test_open_seeded (f->dir, "province.db");
  f->targets = td_catalog_list_targets (f->unit_db, &error);
  round = td_catalog_find_round (f->unit_db, 2, &error);
  unit = td_catalog_add_unit (f->unit_db, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, &error);
  copy = td_catalog_add_unit (f->province_db, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, &error);
  td_database_set_actor (f->unit_db, "Cán bộ xã Á");
  /* The clerk's database is X-A's own installation: it takes the board's returns only. */
  g_assert_true (td_database_set_installation (f->unit_db, TD_INSTALLATION_UNIT, "X-A", &error));
  td_database_set_actor (f->province_db, "Ban Thi đua");
  a = td_assessment_ensure (f->unit_db, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_no_error (error);
  fill_and_submit (f, a);
  f->package = g_build_filename (f->dir, "xa-a.thidua", NULL);
  g_assert_true (td_package_export (f->unit_db, "X-A", 2, f->package, &error));
  g_assert_no_error (error);
}

G_GNUC_UNUSED static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->targets);
  g_assert_finalize_object (f->unit_db);
  g_assert_finalize_object (f->province_db);
  td_test_cleanup_dir (f->dir);
  g_free (f->package);
  g_free (f->dir);
}

/* Bad packages */

typedef void (*Spoil) (sqlite3 *pkg);

G_GNUC_UNUSED static void
redigest (sqlite3 *pkg)
{
  for (guint i = 1; td_package_tables[i]; i++)
    {
      g_autofree char *digest = td_package_table_digest (td_test_conn (pkg), td_package_tables[i], NULL);
      g_autofree char *sql = g_strdup_printf ("UPDATE manifest SET value = '%s' WHERE key = 'sha256_%s'",
                                              digest, td_package_tables[i]);
      sqlite3_exec (pkg, sql, NULL, NULL, NULL);
    }
}

G_GNUC_UNUSED static void
assert_refused_unchanged (Fixture *f, const char *path, int code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = td_test_dump (f->province_db);
  g_autofree char *after = NULL;
  g_autoptr(TdPackagePreview) preview = td_package_import (f->province_db, path, 0, &error);

  g_assert_null (preview);
  g_assert_error (error, TD_PACKAGE_ERROR, code);
  g_assert_cmpuint (strlen (error->message), >, 20);
  after = td_test_dump (f->province_db);
  g_assert_cmpstr (before, ==, after);
}

