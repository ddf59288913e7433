/* fuzz-package.c: the package reader on any bytes.  Each input is written to a file and
 * imported into a province database made once; the target is that nothing crashes and that a
 * refused input leaves the database as it was (checked with PRAGMA integrity_check now and
 * then). */
#include <stdint.h>

#include "td-pdf-check.h"

#include "td-core.h"
#include "td-package.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static TdDatabase *province;
static char *input_path;

static void
quiet (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
}

/* A real package, so that the fuzzer starts from the format rather than from nothing: unit
 * X-A fills every target, attaches one PDF and submits. */
static void
make_seed (const char *dir, const char *seed_dir)
{
  g_autofree char *path = g_build_filename (dir, "unit.db", NULL);
  g_autofree char *out = g_build_filename (seed_dir, "seed.thidua", NULL);
  TdDatabase *db = td_database_open (path, NULL);
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Biên bản", "Minh chứng mẫu", 1);
  gint64 a;

  td_catalog_ensure_seed (db, NULL);
  targets = td_catalog_list_targets (db, NULL);
  round = td_catalog_find_round (db, 2, NULL);
  unit = td_catalog_add_unit (db, "X-A", "Xã A", TD_UNIT_KIND_COMMUNE, NULL, NULL);
  a = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), NULL);
  for (guint t = 0; t < g_list_model_get_n_items (targets); t++)
    {
      g_autoptr(TdTarget) target = g_list_model_get_item (targets, t);
      TdValue v = { 0 };

      if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX)
        v.has_index = TRUE, v.index_value = 0.8;
      else
        v.has_numerator = v.has_denominator = TRUE, v.numerator = 95, v.denominator = 100;
      td_assessment_set_value (db, a, target, &v, NULL);
      if (t == 0)
        {
          TdEvidenceOwner owner = { .assessment_id = a, .target_id = td_target_get_id (target) };
          td_evidence_attach (db, pdf, "bien-ban.pdf", &owner, 0, NULL);
        }
    }
  td_assessment_set_status (db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, NULL);
  td_package_export (db, "X-A", 2, out, NULL);
  g_object_unref (db);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autofree char *dir = g_dir_make_tmp ("thidua-fuzz-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "province.db", NULL);
  const char *seed_dir = g_getenv ("THIDUA_FUZZ_SEED_DIR");

  g_log_set_default_handler (quiet, NULL);
  td_pdf_checker_install ();
  if (seed_dir)
    make_seed (dir, seed_dir);
  province = td_database_open (path, NULL);
  td_catalog_ensure_seed (province, NULL);
  g_object_unref (td_catalog_add_unit (province, "X-A", "Xã A", TD_UNIT_KIND_COMMUNE, NULL, NULL));
  input_path = g_build_filename (dir, "input.thidua", NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static guint runs;
  g_autoptr(TdPackagePreview) preview = NULL;

  if (!g_file_set_contents (input_path, (const char *) data, (gssize) size, NULL))
    return 0;
  preview = td_package_import (province, input_path, 0, NULL);
  if (++runs % 5000 == 0 && !td_database_check_integrity (province, NULL))
    g_error ("the province database is damaged after %u inputs", runs);
  return 0;
}
