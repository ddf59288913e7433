/* fuzz-package.c: the package reader on any bytes.  Each input is written to a file and
 * imported into a province database made once; the target is that nothing crashes and that a
 * refused input leaves the database as it was (checked with PRAGMA integrity_check now and
 * then). */
#include <sqlite3.h>
#include <stdint.h>

#include "td-pdf-check.h"
#include "td-demo.h"

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

/* Variants of the seed with the schema tricks a forger tries (issue 18): an index named like
 * sqlite's own that answers for the manifest, a generated column, a trigger, an index that
 * evaluates a function: the fuzzer mutates from there. */
static void
write_tricks (const char *seed,
              const char *seed_dir)
{
  static const struct { const char *name; const char *sql; } tricks[] = {
    { "forged-index", "CREATE TABLE shadow (key TEXT, value TEXT); INSERT INTO shadow SELECT key, value FROM manifest;"
                      "UPDATE shadow SET value = 'x' WHERE key = 'sha256_value';"
                      "CREATE INDEX shadow_index ON shadow (key, value); PRAGMA writable_schema = ON;"
                      "UPDATE sqlite_schema SET name = 'sqlite_autoindex_manifest_9', tbl_name = 'manifest',"
                      " sql = 'CREATE INDEX sqlite_autoindex_manifest_9 ON manifest (key, value)' WHERE name = 'shadow_index';"
                      "PRAGMA writable_schema = OFF;" },
    { "generated-column", "PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = replace(sql, 'updated_at TEXT NOT NULL)',"
                          " 'updated_at TEXT NOT NULL, g AS (randomblob(1000000)))') WHERE name = 'value';"
                          "PRAGMA writable_schema = OFF;" },
    { "trigger", "CREATE TRIGGER t AFTER INSERT ON value BEGIN DELETE FROM manifest; END;" },
    { "expression-index", "CREATE INDEX e ON audit (length(printf('%.*c', 1000000, 'x')));" },
  };
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (seed, &contents, &length, NULL))
    return;
  for (guint i = 0; i < G_N_ELEMENTS (tricks); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.thidua", tricks[i].name);
      g_autofree char *path = g_build_filename (seed_dir, name, NULL);
      sqlite3 *pkg = NULL;

      if (!g_file_set_contents (path, contents, (gssize) length, NULL) || sqlite3_open (path, &pkg) != SQLITE_OK)
        continue;
      sqlite3_exec (pkg, tricks[i].sql, NULL, NULL, NULL);
      sqlite3_close (pkg);
    }
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
  write_tricks (out, seed_dir);
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
