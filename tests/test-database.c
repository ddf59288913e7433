/* test-database.c: opening, migrating and refusing database files. */
#include <sqlite3.h>

#include "td-test-util.h"

static int
raw_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return version;
}

static int
count_rows (TdDatabase *db, const char *table)
{
  g_autofree char *path = g_strdup (td_database_get_path (db));
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (raw, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

static void
test_create_empty (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "new.db", NULL);
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (td_database_get_version (db), ==, td_database_latest_version ());
  g_assert_null (td_database_get_backup_path (db));   /* nothing to keep from an empty file */
  g_assert_true (td_database_check_integrity (db, &error));
  g_assert_cmpint (count_rows (db, "campaign"), ==, 0);
  g_assert_cmpint (count_rows (db, "assessment_revision"), ==, 0);
  g_assert_finalize_object (db);
  g_assert_cmpint (raw_user_version (path), ==, td_database_latest_version ());

  {
    g_autofree char *sub = g_path_get_dirname (path);
    td_test_cleanup_dir (sub);
    td_test_cleanup_dir (dir);
  }
}

/* Each earlier version, with data in it, upgrades to the latest with the data intact and a copy
 * of the old file kept beside it. */
static void
test_migrate_from_every_version (void)
{
  for (int from = 1; from < td_database_latest_version (); from++)
    {
      g_autofree char *dir = td_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "old.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *backup = NULL;
      TdDatabase *db;

      db = td_database_open_at_version (path, from, &error);
      g_assert_no_error (error);
      g_assert_cmpint (td_database_get_version (db), ==, from);
      td_database_exec (db, "INSERT INTO unit (code, name, kind) VALUES ('X-A', 'Xã Á', 'commune')", &error);
      g_assert_no_error (error);
      g_assert_finalize_object (db);
      g_assert_cmpint (raw_user_version (path), ==, from);

      db = td_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_cmpint (td_database_get_version (db), ==, td_database_latest_version ());
      g_assert_cmpint (count_rows (db, "unit"), ==, 1);
      g_assert_cmpint (count_rows (db, "meta"), ==, 0);
      backup = g_strdup (td_database_get_backup_path (db));
      g_assert_nonnull (backup);
      g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
      g_assert_cmpint (raw_user_version (backup), ==, from);
      g_assert_true (td_database_check_integrity (db, &error));
      g_assert_finalize_object (db);

      td_test_cleanup_dir (dir);
    }
}

static GBytes *
file_bytes (const char *path)
{
  return td_test_read_file (path);
}

static void
test_refuse_newer (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", td_database_latest_version () + 1);
  TdDatabase *db = td_database_open (path, &error);

  g_assert_no_error (error);
  td_database_exec (db, pragma, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);
  before = file_bytes (path);

  db = td_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer"));

  after = file_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  td_test_cleanup_dir (dir);
}

static void
test_refuse_not_a_database (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  const char *junk = "Đây không phải là cơ sở dữ liệu, chỉ là một tệp văn bản.\n"
                     "This is a text file, long enough to be taken for a database header.";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) after = NULL;
  TdDatabase *db;

  g_assert_true (g_file_set_contents (path, junk, -1, NULL));
  db = td_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_A_DATABASE);
  after = file_bytes (path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), junk, strlen (junk));
  td_test_cleanup_dir (dir);
}

/* A step that fails leaves the file at the step before, with its data. */
static void
test_failed_migration_rolls_back (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "broken.db", NULL);
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open_at_version (path, 1, &error);

  g_assert_no_error (error);
  /* Something in the way of step 2's CREATE TABLE meta. */
  td_database_exec (db, "CREATE TABLE meta (x); INSERT INTO unit (code, name, kind) VALUES ('P', 'Phường', 'ward')",
                    &error);
  g_assert_no_error (error);
  g_assert_finalize_object (db);

  db = td_database_open (path, &error);
  g_assert_null (db);
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_MIGRATION);
  g_assert_nonnull (strstr (error->message, "meta"));   /* sqlite's own words are kept */
  g_assert_cmpint (raw_user_version (path), ==, 1);
  td_test_cleanup_dir (dir);
}

static void
test_errors_carry_sqlite_message (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "errors.db");
  g_autoptr(GError) error = NULL;

  g_assert_false (td_database_exec (db, "SELEKT nothing", &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_SQLITE);
  g_assert_nonnull (strstr (error->message, "syntax error"));
  g_clear_error (&error);

  g_assert_false (td_database_exec (db, "INSERT INTO unit (code, name, kind) VALUES ('A', 'B', 'planet')", &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_nested_transactions (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "tx.db");
  g_autoptr(GError) error = NULL;

  g_assert_true (td_database_begin (db, &error));
  g_assert_true (td_database_exec (db, "INSERT INTO unit (code, name, kind) VALUES ('A', 'A', 'ward')", &error));
  g_assert_true (td_database_begin (db, &error));
  g_assert_true (td_database_exec (db, "INSERT INTO unit (code, name, kind) VALUES ('B', 'B', 'ward')", &error));
  td_database_rollback (db);   /* only B goes */
  g_assert_true (td_database_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (db, "unit"), ==, 1);

  g_assert_true (td_database_begin (db, &error));
  g_assert_true (td_database_exec (db, "INSERT INTO unit (code, name, kind) VALUES ('C', 'C', 'ward')", &error));
  td_database_rollback (db);
  g_assert_cmpint (count_rows (db, "unit"), ==, 1);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_meta_and_seed (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "meta.db");
  g_autoptr(GError) error = NULL;
  g_autofree char *id = td_catalog_get_campaign_id (db);
  g_autofree char *title = td_catalog_get_campaign_title (db);
  g_autoptr(GListModel) rounds = td_catalog_list_rounds (db, &error);
  g_autoptr(TdRound) r1 = g_list_model_get_item (rounds, 0);
  g_autoptr(TdRound) r2 = g_list_model_get_item (rounds, 1);

  g_assert_cmpstr (id, ==, "bn-cds-2026");
  g_assert_cmpstr (title, ==, "Chuyển đổi số trên địa bàn tỉnh Bắc Ninh đến năm 2026");
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 2);
  g_assert_cmpstr (td_round_get_ends_on (r1), ==, "2025-10-10");
  g_assert_cmpstr (td_round_get_ends_on (r2), ==, "2026-10-10");
  g_assert_false (td_database_is_demo (db));

  /* Seeding twice changes nothing. */
  g_assert_true (td_catalog_ensure_seed (db, &error));
  g_assert_cmpint (count_rows (db, "target"), ==, 19);
  g_assert_cmpint (count_rows (db, "standard"), ==, 6);
  g_assert_true (td_database_set_meta (db, "demo", "1", &error));
  g_assert_true (td_database_is_demo (db));
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_campaign_file_errors (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "campaign.db", NULL);
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (path, &error);
  static const char *bad[] = {
    "not json at all",
    "[1, 2, 3]",
    "{\"id\": \"x\", \"title\": \"T\"}",
    "{\"id\": \"x\", \"title\": \"T\", \"province\": \"P\", \"starts_on\": \"2025-01-01\", \"ends_on\": \"2026-01-01\","
    " \"rounds\": [{\"title\": \"R\", \"ends_on\": \"2025-10-10\"}], \"groups\": [], \"standards\": [],"
    " \"targets\": [{\"number\": 1, \"text\": \"x\", \"group\": \"g\", \"kind\": \"ratio\", \"comparator\": \"about\", \"threshold\": 5}]}",
  };

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) json = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_assert_false (td_catalog_import_campaign (db, json, &error));
      g_assert_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN);
      g_clear_error (&error);
      /* Nothing half-written. */
      g_assert_cmpint (count_rows (db, "campaign"), ==, 0);
      g_assert_cmpint (count_rows (db, "round"), ==, 0);
    }
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* Back Up…: a copy equal to the database, while a second connection holds it open in WAL mode
 * with a write under way; refused onto itself or into a folder that does not exist, leaving
 * nothing behind. */
static void
test_backup (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "live.db");
  g_autofree char *copy_path = g_build_filename (dir, "copy.db", NULL);
  g_autofree char *nowhere = g_build_filename (dir, "no-such-folder", "copy.db", NULL);
  g_autofree char *part = g_strconcat (nowhere, ".part", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) other = NULL;
  TdDatabase *copy;
  g_autofree char *before = NULL, *after = NULL;
  g_autoptr(TdTransaction) tx = NULL;

  g_assert_true (td_demo_populate (db, &error));
  other = td_database_open (td_database_get_path (db), &error);
  g_assert_no_error (error);
  /* A write begun elsewhere and not committed is not in the copy. */
  tx = td_transaction_begin (other, &error);
  g_assert_true (td_database_set_meta (other, "uncommitted", "1", &error));
  before = td_test_dump (db);
  g_assert_true (td_database_backup (db, copy_path, &error));
  g_assert_no_error (error);
  g_clear_pointer (&tx, td_transaction_end);
  copy = td_database_open (copy_path, &error);
  g_assert_no_error (error);
  after = td_test_dump (copy);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (strstr (after, "uncommitted"));
  g_assert_finalize_object (copy);

  g_assert_false (td_database_backup (db, td_database_get_path (db), &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_false (td_database_backup (db, nowhere, &error));
  g_test_message ("%s", error->message);
  g_assert_false (g_file_test (part, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* The window's Back Up…: a job of the database's session, on a worker's connection. */
  {
    g_autofree char *async_path = g_build_filename (dir, "async.db", NULL);
    g_autoptr(GAsyncResult) result = NULL;
    g_autofree char *async_dump = NULL;
    TdDatabase *async_copy;

    td_database_backup_async (db, async_path, NULL, td_test_store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (td_database_backup_finish (result, &error));
    g_assert_no_error (error);
    async_copy = td_database_open (async_path, &error);
    g_assert_no_error (error);
    async_dump = td_test_dump (async_copy);
    g_assert_cmpstr (before, ==, async_dump);
    g_assert_finalize_object (async_copy);
    g_clear_object (&result);
    td_database_backup_async (db, td_database_get_path (db), NULL, td_test_store_result, &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_false (td_database_backup_finish (result, &error));
    g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT);
  }

  g_clear_object (&other);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/database/create-empty", test_create_empty);
  g_test_add_func ("/database/migrate-from-every-version", test_migrate_from_every_version);
  g_test_add_func ("/database/refuse-newer", test_refuse_newer);
  g_test_add_func ("/database/refuse-not-a-database", test_refuse_not_a_database);
  g_test_add_func ("/database/failed-migration-rolls-back", test_failed_migration_rolls_back);
  g_test_add_func ("/database/errors-carry-sqlite-message", test_errors_carry_sqlite_message);
  g_test_add_func ("/database/nested-transactions", test_nested_transactions);
  g_test_add_func ("/database/meta-and-seed", test_meta_and_seed);
  g_test_add_func ("/database/campaign-file-errors", test_campaign_file_errors);
  g_test_add_func ("/database/backup", test_backup);
  return g_test_run ();
}
