/* td-test-util.h: helpers shared by the test programs. */
#pragma once

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "td-core.h"
#include "td-database-private.h"
#include "td-demo.h"
#include "td-pdf-check.h"

/* The store's connection on SQLite is the sqlite3 handle itself (store/td-conn.c): the tests
 * that forge files below the store hand their raw handle to the exchange's functions so. */
G_GNUC_UNUSED static inline TdConn *
td_test_conn (sqlite3 *db)
{
  return (TdConn *) db;
}

G_GNUC_UNUSED static inline sqlite3 *
td_test_sqlite (TdDatabase *db)
{
  return (sqlite3 *) td_database_get_handle (db);
}

/* Every test program checks evidence as the app does: drawn in the PDF helper. */
__attribute__((constructor)) static void
td_test_install_pdf_checker (void)
{
  td_pdf_checker_install ();
}

/* A GAsyncReadyCallback that keeps the result in the GAsyncResult* @user_data points at, for
 * a test that iterates the main context until it is set. */
G_GNUC_UNUSED static void
td_test_store_result (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* A fresh directory under the test's temporary directory, removed by td_test_cleanup_dir(). */
static inline char *
td_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("thidua-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
td_test_cleanup_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* A new database with the built-in campaign. */
static inline TdDatabase *
td_test_open_seeded (const char *dir,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  TdDatabase *db = td_database_open (path, &error);

  g_assert_no_error (error);
  td_database_set_actor (db, "Người kiểm thử");
  td_catalog_ensure_seed (db, &error);
  g_assert_no_error (error);
  return db;
}

/* The demo province, made once per test program and copied for each test that wants it: under
 * ASan with full leak stacks the demo takes 18 s to make, and a suite of seven fixtures ran out
 * of time on a busy machine making it seven times. The copy is the file of a closed database, so
 * it holds everything the demo wrote and nothing of another test. */
static char *td_test_demo_dir;

static void
td_test_remove_demo_template (void)
{
  td_test_cleanup_dir (td_test_demo_dir);
}

G_GNUC_UNUSED static TdDatabase *
td_test_open_demo (const char *dir,
                   const char *name)
{
  static char *template_path;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;

  if (template_path == NULL)
    {
      TdDatabase *db;

      td_test_demo_dir = td_test_make_dir ();
      atexit (td_test_remove_demo_template);
      db = td_test_open_seeded (td_test_demo_dir, "demo-template.db");

      g_assert_true (td_demo_populate (db, &error));
      g_assert_no_error (error);
      g_assert_finalize_object (db);
      template_path = g_build_filename (td_test_demo_dir, "demo-template.db", NULL);
    }
  from = g_file_new_for_path (template_path);
  to = g_file_new_for_path (path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return td_test_open_seeded (dir, name);
}

static inline GBytes *
td_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static inline gboolean
td_test_set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The evidence checker, counting its calls: td_evidence_set_checker (td_test_counting_check)
 * shows whether a file was drawn; td_pdf_checker_install () puts the usual one back. */
static int td_test_n_checked G_GNUC_UNUSED;

static inline gboolean
td_test_counting_check (GBytes  *bytes,
                        int     *n_pages,
                        GError **error)
{
  td_test_n_checked++;
  return td_pdf_check (bytes, n_pages, error);
}

/* Runs the main loop until @cond holds, for as long as it takes: the wait ends with the event
 * it waits for.  The guard (@seconds) is only there so that a broken test fails instead of
 * hanging; it is far above what a loaded machine under AddressSanitizer needs. */
#define TD_TEST_WAIT_UNTIL(cond, seconds)                                          \
  G_STMT_START {                                                                 \
    gint64 td_test_end_ = g_get_monotonic_time () + (gint64) (seconds) * G_USEC_PER_SEC; \
    while (!(cond) && g_get_monotonic_time () < td_test_end_)                    \
      td_test_iterate (10);                                                      \
  } G_STMT_END

/* Runs the main loop for @ms milliseconds: lets widgets lay out, draw and finish async work. */
static inline void
td_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, td_test_set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static inline void
td_test_run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
}

/* @pdf signed digitally, as a clerk's token would: NSS's certutil makes a self-signed
 * certificate for "Nguyễn Văn A" in @dir and poppler's pdfsig signs.  NULL (and the test
 * skipped) when those tools are missing. */
static inline GBytes *
td_test_sign_pdf (const char *dir,
                  GBytes     *pdf)
{
  g_autofree char *certutil = g_find_program_in_path ("certutil");
  g_autofree char *pdfsig = g_find_program_in_path ("pdfsig");
  g_autofree char *nss = g_strdup_printf ("sql:%s", dir);
  g_autofree char *noise = g_build_filename (dir, "noise", NULL);
  g_autofree char *plain = g_build_filename (dir, "plain.pdf", NULL);
  g_autofree char *signed_path = g_build_filename (dir, "signed.pdf", NULL);

  if (certutil == NULL || pdfsig == NULL)
    {
      g_test_skip ("certutil (libnss3-tools) or pdfsig (poppler-utils) is missing");
      return NULL;
    }
  g_assert_true (g_file_set_contents (plain, g_bytes_get_data (pdf, NULL), (gssize) g_bytes_get_size (pdf), NULL));
  /* certutil wants seed bytes for the key; a test key needs no real randomness. */
  g_assert_true (g_file_set_contents (noise, "thidua test noise, not a secret: 0123456789abcdef", -1, NULL));
  td_test_run_tool ((const char *[]) { "certutil", "-N", "-d", nss, "--empty-password", NULL });
  td_test_run_tool ((const char *[]) { "certutil", "-S", "-s", "CN=Nguyễn Văn A,O=UBND phường Kinh Bắc", "-n", "signer",
                                       "-x", "-t", "CT,C,C", "-k", "rsa", "-g", "2048", "-Z", "SHA256", "-v", "12",
                                       "-d", nss, "-z", noise, "--keyUsage", "digitalSignature,nonRepudiation", NULL });
  td_test_run_tool ((const char *[]) { "pdfsig", "-add-signature", "-nssdir", nss, "-nick", "signer", plain, signed_path, NULL });
  return td_test_read_file (signed_path);
}

/* A canonical text of every row of every table: equal dumps mean an unchanged database. */
G_GNUC_UNUSED static char *
td_test_dump (TdDatabase *db)
{
  sqlite3 *raw = NULL;
  sqlite3_stmt *tables = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_open_v2 (td_database_get_path (db), &raw, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  sqlite3_prepare_v2 (raw, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name", -1, &tables, NULL);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", sqlite3_column_text (tables, 0));
      sqlite3_stmt *rows = NULL;

      g_string_append_printf (out, "[%s]\n", sqlite3_column_text (tables, 0));
      sqlite3_prepare_v2 (raw, sql, -1, &rows, NULL);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              if (sqlite3_column_type (rows, c) == SQLITE_BLOB)
                {
                  g_autofree char *sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, sqlite3_column_blob (rows, c),
                                                                      (gsize) sqlite3_column_bytes (rows, c));
                  g_string_append_printf (out, "%s|", sum);
                }
              else
                g_string_append_printf (out, "%s|", sqlite3_column_text (rows, c) ? (const char *) sqlite3_column_text (rows, c) : "∅");
            }
          g_string_append_c (out, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (raw);
  return g_string_free (out, FALSE);
}
