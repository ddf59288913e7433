/* test-signature.c: signed packages, with a real PKCS#11 token.
 *
 * The test makes its own CA and unit certificates with certtool, puts the unit's key and
 * certificate on a SoftHSM2 token it initialises, signs packages through PKCS#11 (and a
 * PKCS#12 file), and checks the board's verdicts: good, a value changed, an evidence byte
 * changed, an expired certificate, an untrusted CA, a certificate bound to another unit, a
 * wrong PIN, and an unsigned package when the board wants signatures.  Skipped when certtool,
 * p11tool, softhsm2-util or the SoftHSM2 module is missing. */
#include <sqlite3.h>

#include "td-package-private.h"
#include "td-test-util.h"

#include "td-setup.h"
#include "td-test-pki.h"

static gboolean ready;

/* The value, asserted not NULL, so that it can be freed in one expression. */
static gpointer
nonnull (gpointer value)
{
  g_assert_nonnull (value);
  return value;
}

typedef struct {
  TdDatabase *unit_db;
  TdDatabase *province_db;
  char       *package;
} Fixture;

static GBytes *
read_cert (const char *name)
{
  g_autofree char *path = g_strdup_printf ("%s/%s.pem", dir, name);
  return td_test_read_file (path);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdUnit) copy = NULL;
  g_autoptr(TdUnit) other = NULL;
  g_autoptr(GListModel) targets = NULL;
  g_autofree char *unit_path = path_of ("unit.db");
  g_autofree char *province_path = path_of ("province.db");
  g_autoptr(GBytes) ca = NULL;
  g_autoptr(GBytes) cert = NULL;
  g_autoptr(TdCertInfo) info = NULL;
  gint64 a;

  if (!ready)
    return;
  g_remove (unit_path);
  g_remove (province_path);
  f->unit_db = td_test_open_seeded (dir, "unit.db");
  f->province_db = td_test_open_seeded (dir, "province.db");
  targets = td_catalog_list_targets (f->unit_db, &error);
  round = td_catalog_find_round (f->unit_db, 2, &error);
  unit = td_catalog_add_unit (f->unit_db, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, &error);
  copy = td_catalog_add_unit (f->province_db, "X-A", "Xã Á", TD_UNIT_KIND_COMMUNE, NULL, &error);
  other = td_catalog_add_unit (f->province_db, "X-B", "Xã Bê", TD_UNIT_KIND_COMMUNE, NULL, &error);
  a = td_assessment_ensure (f->unit_db, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_no_error (error);
  for (guint n = 1; n <= 19; n++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, n - 1);
      TdValue v = { .not_applicable = TRUE, .na_reason = (char *) "Không áp dụng" };
      TdValue r = { .has_numerator = TRUE, .numerator = 40 + n, .has_denominator = TRUE, .denominator = 60 };
      g_assert_true (td_assessment_set_value (f->unit_db, a, t, n == 19 ? &v : &r, &error));
    }
  {
    g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo", "Nội dung", 1);
    g_autoptr(TdTarget) t1 = g_list_model_get_item (targets, 0);
    TdEvidenceOwner owner = { .assessment_id = a, .target_id = td_target_get_id (t1) };
    g_assert_cmpint (td_evidence_attach (f->unit_db, pdf, "bao-cao.pdf", &owner, 0, &error), >, 0);
  }
  g_assert_true (td_assessment_set_status (f->unit_db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error));

  /* The board trusts the test CA, records the unit's certificate, and wants signatures. */
  ca = read_cert ("ca");
  cert = read_cert ("unit");
  td_cert_info_free (nonnull (td_trust_add_ca (f->province_db, ca, &error)));
  info = td_trust_bind (f->province_db, "X-A", cert, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (info->subject, ==, "UBND xã Á");
  g_assert_true (td_trust_set_allow_unsigned (f->province_db, FALSE, &error));
  f->package = path_of ("xa-a.thidua");
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->unit_db)
    g_assert_finalize_object (f->unit_db);
  if (f->province_db)
    g_assert_finalize_object (f->province_db);
  if (f->package)
    g_remove (f->package);
  g_free (f->package);
}

static gboolean
skip_unless_ready (void)
{
  if (!ready)
    g_test_skip ("certtool, p11tool, softhsm2-util or the SoftHSM2 module is missing");
  return ready;
}

static TdSigner *
token_signer (const char *label, const char *pin, GError **error)
{
  g_autofree char *uri = g_strdup_printf ("pkcs11:token=thidua;object=%s;type=private", label);
  return td_signer_new_pkcs11 (uri, pin, module, error);
}

/* The board no longer holds the unit's certificate (the unit lost its token): only then does it
 * take unsigned packages from it, where unsigned packages are accepted. */
static void
forget_unit_certificates (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bound = td_trust_list_bound (f->province_db, "X-A", &error);

  g_assert_no_error (error);
  for (guint i = 0; i < bound->len; i++)
    g_assert_true (td_trust_unbind (f->province_db, "X-A", ((TdCertInfo *) bound->pdata[i])->fingerprint, &error));
}

static void
export_signed_by (Fixture *f, const char *label)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSigner) signer = token_signer (label, PIN, &error);

  g_assert_no_error (error);
  g_assert_true (td_package_export_signed (f->unit_db, "X-A", 2, f->package, signer, &error));
  g_assert_no_error (error);
}

/* Refused with @code, and the board's database unchanged. */
static void
assert_refused (Fixture *f, int code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) preview = td_package_import (f->province_db, f->package, 0, &error);
  g_autoptr(TdUnit) unit = td_catalog_find_unit (f->province_db, "X-A", NULL);
  g_autoptr(TdRound) round = td_catalog_find_round (f->province_db, 2, NULL);
  g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (f->province_db, td_unit_get_id (unit),
                                                           td_round_get_id (round), NULL);

  g_assert_null (preview);
  g_test_message ("refused: %s", error->message);
  g_assert_error (error, TD_SIGNATURE_ERROR, code);
  g_assert_null (info);
}

/* Runs SQL on the package file, then writes the manifest digests again, as a forger who knows
 * the format would: only the signature can tell. */
static void
forge (Fixture *f, const char *sql)
{
  sqlite3 *pkg = NULL;

  g_assert_cmpint (sqlite3_open (f->package, &pkg), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (pkg, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  for (guint i = 1; td_package_tables[i]; i++)
    {
      g_autofree char *digest = td_package_table_digest (td_test_conn (pkg), td_package_tables[i], NULL);
      g_autofree char *update = g_strdup_printf ("UPDATE manifest SET value = '%s' WHERE key = 'sha256_%s'", digest,
                                                 td_package_tables[i]);
      g_assert_cmpint (sqlite3_exec (pkg, update, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  sqlite3_close (pkg);
}

/* The forgery of issue 18: the manifest table kept exactly as signed, a value changed, and an
 * index on the manifest, named like sqlite's own, whose entries carry the changed value's
 * digest.  A reader that lets the query planner answer "SELECT key, value FROM manifest" from
 * that index sees digests that match the forged values, while the signature, computed over
 * the table, still verifies. */
static void
test_forged_index (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) preview = NULL;
  g_autofree char *digest = NULL;
  g_autofree char *sql = NULL;
  sqlite3 *pkg = NULL;
  sqlite3_stmt *stmt = NULL;

  if (!skip_unless_ready ())
    return;
  export_signed_by (f, "unit");
  g_assert_cmpint (sqlite3_open (f->package, &pkg), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (pkg, "UPDATE value SET numerator = 60 WHERE target_number = 7", NULL, NULL, NULL), ==, SQLITE_OK);
  digest = td_package_table_digest (td_test_conn (pkg), "value", &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("CREATE TABLE shadow (key TEXT, value TEXT);"
                         "INSERT INTO shadow SELECT key, value FROM manifest;"
                         "UPDATE shadow SET value = '%s' WHERE key = 'sha256_value';"
                         "CREATE INDEX shadow_index ON shadow (key, value);"
                         "PRAGMA writable_schema = ON;"
                         "UPDATE sqlite_schema SET name = 'sqlite_autoindex_manifest_9', tbl_name = 'manifest',"
                         " sql = 'CREATE INDEX sqlite_autoindex_manifest_9 ON manifest (key, value)'"
                         " WHERE name = 'shadow_index';"
                         "PRAGMA writable_schema = OFF;", digest);
  g_assert_cmpint (sqlite3_exec (pkg, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (pkg);
  /* The shadow table goes; its index, now said to be the manifest's, stays. */
  g_assert_cmpint (sqlite3_open (f->package, &pkg), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (pkg, "DROP TABLE shadow", NULL, NULL, NULL), ==, SQLITE_OK);
  /* The trick works on sqlite: through the index, the forged digest; in the table, the signed one. */
  sqlite3_prepare_v2 (pkg, "SELECT value FROM manifest INDEXED BY sqlite_autoindex_manifest_9 WHERE key = 'sha256_value'",
                      -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, digest);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (pkg, "SELECT value FROM manifest NOT INDEXED WHERE key = 'sha256_value'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), !=, digest);
  sqlite3_finalize (stmt);
  sqlite3_close (pkg);

  preview = td_package_inspect (f->province_db, f->package, 0, &error);
  g_assert_null (preview);
  g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE);
  g_clear_error (&error);
  preview = td_package_import (f->province_db, f->package, 0, &error);
  g_assert_null (preview);
  g_assert_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE);
  {
    g_autoptr(TdUnit) unit = td_catalog_find_unit (f->province_db, "X-A", NULL);
    g_autoptr(TdRound) round = td_catalog_find_round (f->province_db, 2, NULL);
    g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (f->province_db, td_unit_get_id (unit),
                                                             td_round_get_id (round), NULL);
    g_assert_null (info);
  }
}

/* A setup file signed by the board (issue 12): the first one a unit opens sets who the board
 * is; a file changed after signing, a later unsigned one, one signed by another key, or one
 * whose signer does not chain to the stored authorities are refused and change nothing. */
static void
write_setup (Fixture *f, const char *label, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSigner) signer = label ? token_signer (label, PIN, &error) : NULL;

  g_assert_no_error (error);
  g_assert_true (td_setup_export_signed (f->province_db, "X-A", path, signer, NULL, &error));
  g_assert_no_error (error);
}

static void
test_signed_setup (Fixture *f, gconstpointer data)
{
  g_autofree char *first = path_of ("setup-1.thidua-setup");
  g_autofree char *forged = path_of ("setup-forged.thidua-setup");
  g_autofree char *unsigned_ = path_of ("setup-unsigned.thidua-setup");
  g_autofree char *other = path_of ("setup-other.thidua-setup");
  g_autofree char *rogue = path_of ("setup-rogue.thidua-setup");
  g_autofree char *good = path_of ("setup-good.thidua-setup");
  g_autofree char *db_path = path_of ("signed-unit.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSetupResult) result = NULL;
  g_autofree char *pinned = NULL;
  TdDatabase *clerk;

  if (!skip_unless_ready ())
    return;
  g_remove (db_path);
  td_database_set_installation (f->province_db, TD_INSTALLATION_BOARD, NULL, &error);
  write_setup (f, "other", first);
  clerk = td_database_open (db_path, &error);
  g_assert_no_error (error);
  result = td_setup_open (clerk, first, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result->signer, ==, "UBND xã Bê");
  pinned = td_database_get_meta (clerk, "board_signer");
  g_assert_cmpstr (pinned, ==, "UBND xã Bê");

  /* Changed after signing, the digests written again as a forger would. */
  write_setup (f, "other", forged);
  {
    sqlite3 *file = NULL;
    g_autofree char *digest = NULL;
    g_autofree char *sql = NULL;

    g_assert_cmpint (sqlite3_open (forged, &file), ==, SQLITE_OK);
    sqlite3_exec (file, "UPDATE unit SET name = 'Xã giả mạo'", NULL, NULL, NULL);
    digest = td_package_table_digest (td_test_conn (file), "unit", NULL);
    sql = g_strdup_printf ("UPDATE manifest SET value = '%s' WHERE key = 'sha256_unit'", digest);
    sqlite3_exec (file, sql, NULL, NULL, NULL);
    sqlite3_close (file);
  }
  write_setup (f, NULL, unsigned_);
  write_setup (f, "unit", other);
  write_setup (f, "rogue", rogue);
  {
    const char *paths[] = { forged, unsigned_, other, rogue };
    for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
      {
        g_autoptr(TdSetupResult) refused = td_setup_open (clerk, paths[i], NULL, &error);
        g_autoptr(TdUnit) unit = td_catalog_find_unit (clerk, "X-A", NULL);

        g_assert_null (refused);
        g_test_message ("%s: %s", paths[i], error->message);
        g_assert_true (error->domain == TD_SIGNATURE_ERROR);
        g_clear_error (&error);
        g_assert_cmpstr (td_unit_get_name (unit), ==, "Xã Á");
      }
  }
  /* The board's next file, signed as before: taken. */
  write_setup (f, "other", good);
  g_clear_pointer (&result, td_setup_result_free);
  result = td_setup_open (clerk, good, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (result->unchanged);
  g_assert_finalize_object (clerk);
}

static void
write_setup_rollover (Fixture *f, const char *label, const char *previous_label, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSigner) signer = token_signer (label, PIN, &error);
  g_autoptr(TdSigner) previous = token_signer (previous_label, PIN, &error);

  g_assert_no_error (error);
  g_assert_true (td_setup_export_signed (f->province_db, "X-A", path, signer, previous, &error));
  g_assert_no_error (error);
}

/* The clerk's installation, set up from the board's file signed with @label: its key pinned. */
static TdDatabase *
clerk_from_board (Fixture *f, const char *label, const char *name)
{
  g_autofree char *setup = g_strdup_printf ("%s/%s.thidua-setup", dir, name);
  g_autofree char *db_path = g_strdup_printf ("%s/%s.db", dir, name);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSetupResult) result = NULL;
  TdDatabase *clerk;

  g_remove (db_path);
  td_database_set_installation (f->province_db, TD_INSTALLATION_BOARD, NULL, &error);
  write_setup (f, label, setup);
  clerk = td_database_open (db_path, &error);
  g_assert_no_error (error);
  td_database_set_actor (clerk, "Cán bộ xã Á");
  result = td_setup_open (clerk, setup, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result->signer_key);
  return clerk;
}

static void
assert_setup_refused (TdDatabase *clerk, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = td_test_dump (clerk);
  g_autofree char *after = NULL;
  g_autoptr(TdSetupResult) refused = td_setup_open (clerk, path, NULL, &error);

  g_assert_null (refused);
  g_assert_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED);
  g_test_message ("%s: %s", path, error->message);
  after = td_test_dump (clerk);
  g_assert_cmpstr (before, ==, after);
}

/* A unit knows its board by key, not by name: another certificate named "Sở Nội vụ" from the
 * same CA takes nothing over; the board's new key comes only countersigned by the old one. */
static void
test_setup_pins_key (Fixture *f, gconstpointer data)
{
  g_autofree char *twin = path_of ("setup-twin.thidua-setup");
  g_autofree char *new_alone = path_of ("setup-new-alone.thidua-setup");
  g_autofree char *twin_rollover = path_of ("setup-twin-rollover.thidua-setup");
  g_autofree char *rollover = path_of ("setup-rollover.thidua-setup");
  g_autofree char *old_again = path_of ("setup-old-again.thidua-setup");
  g_autofree char *next = path_of ("setup-next.thidua-setup");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSetupResult) result = NULL;
  g_autofree char *key = NULL;
  g_autofree char *new_key = NULL;
  TdDatabase *clerk;

  if (!skip_unless_ready ())
    return;
  clerk = clerk_from_board (f, "board", "pinned");
  key = td_database_get_meta (clerk, "board_key");
  g_assert_cmpuint (strlen (key), ==, 64);

  /* The board renames the unit in the twin's file: nothing of it is taken. */
  g_assert_true (td_register_save (f->province_db, &(TdUnitRecord) { .code = (char *) "X-A", .name = (char *) "Xã Chiếm",
                                                                     .kind = TD_UNIT_KIND_COMMUNE, .active = TRUE },
                                   FALSE, &error));
  write_setup (f, "board-twin", twin);
  write_setup (f, "board-new", new_alone);
  write_setup_rollover (f, "board-new", "board-twin", twin_rollover);
  assert_setup_refused (clerk, twin);
  assert_setup_refused (clerk, new_alone);
  assert_setup_refused (clerk, twin_rollover);

  /* The board's rollover: taken, and said. */
  write_setup_rollover (f, "board-new", "board", rollover);
  result = td_setup_open (clerk, rollover, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (result->key_changed);
  g_assert_cmpuint (result->changes->len, >=, 2);
  g_assert_nonnull (strstr (result->changes->pdata[0], "signing key changed"));
  g_assert_nonnull (strstr (result->changes->pdata[1], "Xã Chiếm"));
  new_key = td_database_get_meta (clerk, "board_key");
  g_assert_cmpstr (new_key, !=, key);
  /* The former key alone no longer speaks for the board; the new one does. */
  write_setup (f, "board", old_again);
  assert_setup_refused (clerk, old_again);
  write_setup (f, "board-new", next);
  g_clear_pointer (&result, td_setup_result_free);
  result = td_setup_open (clerk, next, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (result->key_changed);
  g_assert_finalize_object (clerk);
}

/* The board's return reaches the unit only signed by the key the unit pinned; it never
 * replaces the unit's evidence and never moves its revision. */
static void
test_return_from_board (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *package = path_of ("ret-submit.thidua");
  g_autofree char *unsigned_return = path_of ("ret-unsigned.thidua");
  g_autofree char *twin_return = path_of ("ret-twin.thidua");
  g_autofree char *board_return = path_of ("ret-board.thidua");
  g_autoptr(TdPackagePreview) preview = NULL;
  g_autoptr(TdAssessmentInfo) before = NULL;
  g_autoptr(TdAssessmentInfo) after = NULL;
  g_autoptr(GPtrArray) files_before = NULL;
  g_autoptr(GPtrArray) files_after = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(GListModel) targets = NULL;
  TdDatabase *clerk;
  gint64 a;

  if (!skip_unless_ready ())
    return;
  clerk = clerk_from_board (f, "board", "returns");
  unit = td_catalog_find_unit (clerk, "X-A", &error);
  round = td_catalog_find_round (clerk, 2, &error);
  targets = td_catalog_list_targets (clerk, &error);
  a = td_assessment_ensure (clerk, td_unit_get_id (unit), td_round_get_id (round), &error);
  for (guint n = 1; n <= 19; n++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, n - 1);
      TdValue v = { .not_applicable = TRUE, .na_reason = (char *) "Không áp dụng" };
      TdValue r = { .has_numerator = TRUE, .numerator = 40 + n, .has_denominator = TRUE, .denominator = 60 };
      if (td_target_is_reported_by (t, TD_UNIT_KIND_COMMUNE))
        g_assert_true (td_assessment_set_value (clerk, a, t, n == 19 ? &v : &r, &error));
    }
  {
    g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo", "Nội dung", 1);
    g_autoptr(TdTarget) t1 = g_list_model_get_item (targets, 0);
    TdEvidenceOwner owner = { .assessment_id = a, .target_id = td_target_get_id (t1) };
    g_assert_cmpint (td_evidence_attach (clerk, pdf, "bao-cao.pdf", &owner, 0, &error), >, 0);
  }
  if (!td_assessment_set_status (clerk, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error))
    g_error ("%s", error->message);
  g_assert_true (td_trust_set_allow_unsigned (f->province_db, TRUE, &error));
  forget_unit_certificates (f);
  g_assert_true (td_package_export (clerk, "X-A", 2, package, &error));
  preview = td_package_import (f->province_db, package, 0, &error);
  g_assert_no_error (error);
  {
    g_autoptr(TdUnit) at_board = td_catalog_find_unit (f->province_db, "X-A", &error);
    g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (f->province_db, td_unit_get_id (at_board),
                                                            td_round_get_id (round), &error);
    g_autoptr(TdSigner) board = token_signer ("board", PIN, &error);
    g_autoptr(TdSigner) twin = token_signer ("board-twin", PIN, &error);

    g_assert_true (td_assessment_set_status (f->province_db, info->id, TD_ASSESSMENT_RETURNED, "Thiếu minh chứng",
                                             NULL, &error));
    g_assert_true (td_package_export_signed (f->province_db, "X-A", 2, unsigned_return, NULL, &error));
    g_assert_true (td_package_export_signed (f->province_db, "X-A", 2, twin_return, twin, &error));
    g_assert_true (td_package_export_signed (f->province_db, "X-A", 2, board_return, board, &error));
    g_assert_no_error (error);
  }
  before = td_assessment_lookup (clerk, td_unit_get_id (unit), td_round_get_id (round), &error);
  files_before = td_evidence_list_for_assessment (clerk, a, &error);
  {
    const char *refused[] = { unsigned_return, twin_return };
    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autofree char *dump_before = td_test_dump (clerk);
        g_autofree char *dump_after = NULL;
        g_autoptr(TdPackagePreview) no = td_package_import (clerk, refused[i], 0, &error);

        g_assert_null (no);
        g_assert_true (error->domain == TD_SIGNATURE_ERROR);
        g_test_message ("%s: %s", refused[i], error->message);
        g_clear_error (&error);
        dump_after = td_test_dump (clerk);
        g_assert_cmpstr (dump_before, ==, dump_after);
      }
  }
  g_clear_pointer (&preview, td_package_preview_free);
  preview = td_package_import (clerk, board_return, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->kind, ==, TD_IMPORT_RETURNED);
  after = td_assessment_lookup (clerk, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_cmpint (after->status, ==, TD_ASSESSMENT_RETURNED);
  g_assert_cmpint (after->revision, ==, before->revision);
  files_after = td_evidence_list_for_assessment (clerk, a, &error);
  g_assert_cmpuint (files_after->len, ==, files_before->len);
  g_assert_cmpint (((TdEvidenceInfo *) files_after->pdata[0])->id, ==, ((TdEvidenceInfo *) files_before->pdata[0])->id);
  g_assert_finalize_object (clerk);
}

static void
test_good (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) preview = NULL;

  if (!skip_unless_ready ())
    return;
  export_signed_by (f, "unit");
  preview = td_package_import (f->province_db, f->package, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (preview->signature);
  g_assert_cmpstr (preview->signature->signer->subject, ==, "UBND xã Á");
  g_assert_cmpstr (preview->signature->signer->issuer, ==, "CA thử nghiệm Bắc Ninh");
  g_assert_nonnull (preview->signature->signer->serial);
  g_assert_cmpint (ABS (preview->signature->signed_at - g_get_real_time () / G_USEC_PER_SEC), <, 600);
  {
    g_autoptr(TdRound) final = td_catalog_find_round (f->province_db, 2, &error);
    TdRollupScope scope;
    guint submitted = 0, units = 0, unsigned_ = 9;

    td_rollup_scope_init (&scope, td_round_get_id (final));
    g_assert_true (td_rollup_count_units (f->province_db, &scope, &submitted, &units, &unsigned_, &error));
    g_assert_cmpuint (submitted, ==, 1);
    g_assert_cmpuint (unsigned_, ==, 0);
  }
}

static void
test_pkcs12 (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *p12 = path_of ("unit.p12");
  g_autoptr(TdSigner) wrong = NULL;
  g_autoptr(TdSigner) signer = NULL;
  g_autoptr(TdPackagePreview) preview = NULL;

  if (!skip_unless_ready ())
    return;
  wrong = td_signer_new_pkcs12 (p12, "sai", &error);
  g_assert_null (wrong);
  g_assert_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_BAD_PIN);
  g_clear_error (&error);
  signer = td_signer_new_pkcs12 (p12, "mật khẩu", &error);
  g_assert_no_error (error);
  g_assert_true (td_package_export_signed (f->unit_db, "X-A", 2, f->package, signer, &error));
  preview = td_package_import (f->province_db, f->package, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (preview->signature->signer->subject, ==, "UBND xã Á");
}

static void
test_tampered_value (Fixture *f, gconstpointer data)
{
  if (!skip_unless_ready ())
    return;
  export_signed_by (f, "unit");
  forge (f, "UPDATE value SET numerator = 60 WHERE target_number = 7");
  assert_refused (f, TD_SIGNATURE_ERROR_INVALID);
}

static void
test_tampered_evidence (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!skip_unless_ready ())
    return;
  export_signed_by (f, "unit");
  /* One byte of the PDF changed, and its key and the evidence rows made to agree. */
  {
    sqlite3 *pkg = NULL;
    sqlite3_stmt *stmt = NULL;
    g_autoptr(GByteArray) bytes = g_byte_array_new ();
    g_autofree char *old_sha = NULL;
    g_autofree char *new_sha = NULL;
    g_autofree char *sql = NULL;

    g_assert_cmpint (sqlite3_open (f->package, &pkg), ==, SQLITE_OK);
    sqlite3_prepare_v2 (pkg, "SELECT sha256, data FROM blob", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    old_sha = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    g_byte_array_append (bytes, sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
    sqlite3_finalize (stmt);
    sqlite3_close (pkg);
    /* In a comment of the PDF: still a readable PDF, only the signature can tell. */
    bytes->data[12] ^= 0x01;
    new_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, bytes->data, bytes->len);
    sqlite3_open (f->package, &pkg);
    sqlite3_prepare_v2 (pkg, "UPDATE blob SET sha256 = ?, data = ? WHERE sha256 = ?", -1, &stmt, NULL);
    sqlite3_bind_text (stmt, 1, new_sha, -1, SQLITE_STATIC);
    sqlite3_bind_blob (stmt, 2, bytes->data, (int) bytes->len, SQLITE_STATIC);
    sqlite3_bind_text (stmt, 3, old_sha, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
    sqlite3_finalize (stmt);
    sqlite3_close (pkg);
    sql = g_strdup_printf ("UPDATE evidence SET sha256 = '%s' WHERE sha256 = '%s'", new_sha, old_sha);
    forge (f, sql);
  }
  assert_refused (f, TD_SIGNATURE_ERROR_INVALID);
  (void) error;
}

static void
test_expired (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cert = NULL;

  if (!skip_unless_ready ())
    return;
  cert = read_cert ("expired");
  td_cert_info_free (nonnull (td_trust_bind (f->province_db, "X-A", cert, &error)));
  export_signed_by (f, "expired");
  assert_refused (f, TD_SIGNATURE_ERROR_EXPIRED);
}

static void
test_untrusted (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cert = NULL;

  if (!skip_unless_ready ())
    return;
  /* Same name as the unit, another CA: even bound, it is not trusted. */
  cert = read_cert ("rogue");
  td_cert_info_free (nonnull (td_trust_bind (f->province_db, "X-A", cert, &error)));
  export_signed_by (f, "rogue");
  assert_refused (f, TD_SIGNATURE_ERROR_UNTRUSTED);
}

static void
test_other_unit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cert = NULL;

  if (!skip_unless_ready ())
    return;
  cert = read_cert ("other");
  td_cert_info_free (nonnull (td_trust_bind (f->province_db, "X-B", cert, &error)));
  export_signed_by (f, "other");
  assert_refused (f, TD_SIGNATURE_ERROR_NOT_BOUND);
}

/* A certificate whose key usage leaves signatures out does not sign a package (issue 34). */
static void
test_key_usage (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) cert = NULL;

  if (!skip_unless_ready ())
    return;
  cert = read_cert ("encrypt");
  td_cert_info_free (nonnull (td_trust_bind (f->province_db, "X-A", cert, &error)));
  export_signed_by (f, "encrypt");
  assert_refused (f, TD_SIGNATURE_ERROR_UNTRUSTED);
}

/* A unit whose certificate the board recorded signs: an unsigned package from it is refused
 * even where unsigned packages are accepted (its signature may have been stripped). */
static void
test_stripped_signature (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  if (!skip_unless_ready ())
    return;
  /* The fixture recorded the unit's certificate. */
  g_assert_true (td_trust_set_allow_unsigned (f->province_db, TRUE, &error));
  g_assert_true (td_package_export (f->unit_db, "X-A", 2, f->package, &error));
  assert_refused (f, TD_SIGNATURE_ERROR_UNSIGNED);
}

static void
test_token_keys (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  gboolean found = FALSE;

  if (!skip_unless_ready ())
    return;
  keys = td_signer_list_token_keys (module, &error);
  g_assert_no_error (error);
  /* Four units' keys and three of the board's; the certificate for encryption is not offered. */
  g_assert_cmpuint (keys->len, ==, 7);
  for (guint i = 0; i < keys->len; i++)
    {
      TdTokenKey *key = keys->pdata[i];
      g_assert_cmpstr (key->token, ==, "thidua");
      if (g_strcmp0 (key->certificate->subject, "UBND xã Bê") == 0)
        {
          /* The URI it gives signs. */
          g_autoptr(TdSigner) signer = td_signer_new_pkcs11 (key->uri, PIN, module, &error);
          g_assert_no_error (error);
          g_assert_cmpstr (td_signer_get_certificate (signer)->subject, ==, "UBND xã Bê");
          found = TRUE;
        }
    }
  g_assert_true (found);
}

static void
test_wrong_pin (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdSigner) signer = NULL;

  if (!skip_unless_ready ())
    return;
  signer = token_signer ("unit", "1111", &error);
  g_assert_null (signer);
  g_assert_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_BAD_PIN);
  g_clear_error (&error);
  /* No such key on the token. */
  signer = token_signer ("không-có", PIN, &error);
  g_assert_null (signer);
  g_assert_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_TOKEN);
}

static void
test_unsigned (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPackagePreview) preview = NULL;

  if (!skip_unless_ready ())
    return;
  g_assert_true (td_package_export (f->unit_db, "X-A", 2, f->package, &error));
  assert_refused (f, TD_SIGNATURE_ERROR_UNSIGNED);
  /* Allowed again: refused while the board holds the unit's certificate (a signature may have
   * been stripped), then accepted once it does not, and marked as unsigned. */
  g_assert_true (td_trust_set_allow_unsigned (f->province_db, TRUE, &error));
  assert_refused (f, TD_SIGNATURE_ERROR_UNSIGNED);
  forget_unit_certificates (f);
  preview = td_package_import (f->province_db, f->package, 0, &error);
  g_assert_no_error (error);
  g_assert_null (preview->signature);
  /* Counted as such wherever submissions are counted. */
  {
    g_autoptr(TdRound) round = td_catalog_find_round (f->province_db, 2, &error);
    TdRollupScope scope;
    guint submitted = 0, units = 0, unsigned_ = 0;

    td_rollup_scope_init (&scope, td_round_get_id (round));
    g_assert_true (td_rollup_count_units (f->province_db, &scope, &submitted, &units, &unsigned_, &error));
    g_assert_cmpuint (submitted, ==, 1);
    g_assert_cmpuint (unsigned_, ==, 1);
  }
}

static void
test_trust_list (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) leaf = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("not a certificate", 17);
  g_autoptr(GPtrArray) cas = NULL;
  g_autoptr(GPtrArray) bound = NULL;

  if (!skip_unless_ready ())
    return;
  leaf = read_cert ("other");
  g_assert_null (td_trust_add_ca (f->province_db, leaf, &error));
  g_assert_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_CERTIFICATE);
  g_clear_error (&error);
  g_assert_null (td_trust_add_ca (f->province_db, junk, &error));
  g_assert_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_CERTIFICATE);
  g_clear_error (&error);
  cas = td_trust_list_cas (f->province_db, &error);
  g_assert_cmpuint (cas->len, ==, 1);
  bound = td_trust_list_bound (f->province_db, "X-A", &error);
  g_assert_cmpuint (bound->len, ==, 1);
  /* Without the CA, the good package is refused as untrusted. */
  g_assert_true (td_trust_remove_ca (f->province_db, ((TdCertInfo *) cas->pdata[0])->fingerprint, &error));
  export_signed_by (f, "unit");
  assert_refused (f, TD_SIGNATURE_ERROR_UNTRUSTED);
}

/* thidua-cli with @input on stdin; returns the exit status, output in @out and @err. */
static int
cli (const char *input, char **out, char **err, ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GError) error = NULL;
  const char *arg;
  va_list ap;

  g_ptr_array_add (args, (gpointer) g_getenv ("THIDUA_CLI"));
  va_start (ap, err);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  proc = g_subprocess_newv ((const char * const *) args->pdata, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (proc, input, NULL, out, err, &error));
  g_assert_no_error (error);
  return g_subprocess_get_exit_status (proc);
}

static void
test_cli (Fixture *f, gconstpointer data)
{
  g_autofree char *unit_db = path_of ("unit.db");
  g_autofree char *province_db = path_of ("province.db");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *uri = "pkcs11:token=thidua;object=unit;type=private";

  if (!skip_unless_ready ())
    return;
  if (g_getenv ("THIDUA_CLI") == NULL)
    {
      g_test_skip ("THIDUA_CLI is not set");
      return;
    }
  /* A wrong PIN: one line that says so, no file. */
  g_assert_cmpint (cli ("0000\n", &out, &err, "--database", unit_db, "export", "--unit", "X-A", "--round", "2", "-o",
                        f->package, "--sign-pkcs11", uri, "--pkcs11-module", module, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "PIN"));
  g_assert_false (g_file_test (f->package, G_FILE_TEST_EXISTS));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (cli (PIN "\n", &out, &err, "--database", unit_db, "export", "--unit", "X-A", "--round", "2", "-o",
                        f->package, "--sign-pkcs11", uri, "--pkcs11-module", module, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "UBND xã Á"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The databases are closed by the fixture only at the end: both sides are SQLite files in WAL
   * or rollback mode, so the CLI may read them meanwhile. */
  g_assert_cmpint (cli ("", &out, &err, "--database", province_db, "verify", f->package, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "would be accepted"));
  g_assert_nonnull (strstr (out, "signed by UBND xã Á"));
  g_assert_nonnull (strstr (out, "CA thử nghiệm Bắc Ninh"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Forged: verify says why, one line, exit 1. */
  forge (f, "UPDATE value SET numerator = 59 WHERE target_number = 3");
  g_assert_cmpint (cli ("", &out, &err, "--database", province_db, "verify", f->package, NULL), ==, 1);
  g_assert_nonnull (strstr (err, "changed after it was signed"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* The board returns it: it takes signed packages only, so its return is signed too; unsigned,
   * the return is refused before anything changes. */
  {
    g_autofree char *good = path_of ("xa-a-good.thidua");
    g_autofree char *returned = path_of ("tra-lai-ky.thidua");
    const char *board_uri = "pkcs11:token=thidua;object=board;type=private";
    g_autoptr(GError) error = NULL;
    g_autoptr(TdPackagePreview) preview = NULL;
    g_autoptr(TdSigner) signer = token_signer ("unit", PIN, &error);

    g_assert_true (td_package_export_signed (f->unit_db, "X-A", 2, good, signer, &error));
    preview = td_package_import (f->province_db, good, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpint (cli ("", &out, &err, "--database", province_db, "return", "--unit", "X-A", "--round", "2",
                          "--reason", "Thiếu minh chứng", "-o", returned, NULL), ==, 2);
    g_assert_nonnull (strstr (err, "--sign-pkcs11"));
    g_assert_false (g_file_test (returned, G_FILE_TEST_EXISTS));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (cli (PIN "\n", &out, &err, "--database", province_db, "return", "--unit", "X-A", "--round", "2",
                          "--reason", "Thiếu minh chứng", "-o", returned, "--sign-pkcs11", board_uri,
                          "--pkcs11-module", module, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "signed by Sở Nội vụ"));
    g_assert_true (g_file_test (returned, G_FILE_TEST_EXISTS));
  }
}

int
main (int argc, char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  dir = td_test_make_dir ();
  ready = td_test_pki_setup ();
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/signature/key-usage", test_key_usage);
  ADD ("/signature/stripped-signature", test_stripped_signature);
  ADD ("/signature/good", test_good);
  ADD ("/signature/pkcs12", test_pkcs12);
  ADD ("/signature/tampered-value", test_tampered_value);
  ADD ("/signature/tampered-evidence", test_tampered_evidence);
  ADD ("/signature/forged-index", test_forged_index);
  ADD ("/signature/signed-setup", test_signed_setup);
  ADD ("/signature/setup-pins-key", test_setup_pins_key);
  ADD ("/signature/return-from-board", test_return_from_board);
  ADD ("/signature/expired", test_expired);
  ADD ("/signature/untrusted", test_untrusted);
  ADD ("/signature/other-unit", test_other_unit);
  ADD ("/signature/token-keys", test_token_keys);
  ADD ("/signature/wrong-pin", test_wrong_pin);
  ADD ("/signature/unsigned", test_unsigned);
  ADD ("/signature/trust-list", test_trust_list);
  ADD ("/signature/cli", test_cli);
  status = g_test_run ();
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
    (void) system (cmd);
  }
  return status;
}
