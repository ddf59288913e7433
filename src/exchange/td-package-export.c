/* td-package-export.c: writing a unit's self-assessment into a package file. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "td-assessment.h"
#include "td-catalog.h"
#include "td-package-private.h"
#include "td-snapshot.h"

typedef struct {
  TdConn       *pkg;
  TdStmt *insert;
} Copy;

/* One row of the snapshot into the package table, column for column. */
static gboolean
copy_row (const GValue *columns,
          guint         n_columns,
          gpointer      user_data,
          GError      **error)
{
  Copy *copy = user_data;

  for (guint c = 0; c < n_columns; c++)
    {
      const GValue *v = &columns[c];
      int col = (int) c + 1;

      if (!G_IS_VALUE (v))
        td_stmt_bind_null (copy->insert, col);
      else if (G_VALUE_HOLDS_INT64 (v))
        td_stmt_bind_int64 (copy->insert, col, g_value_get_int64 (v));
      else if (G_VALUE_HOLDS_DOUBLE (v))
        td_stmt_bind_double (copy->insert, col, g_value_get_double (v));
      else if (G_VALUE_HOLDS_STRING (v))
        td_stmt_bind_text_copy (copy->insert, col, g_value_get_string (v));
      else
        {
          GBytes *bytes = g_value_get_boxed (v);
          td_stmt_bind_blob_copy (copy->insert, col, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
        }
    }
  if (td_stmt_step (copy->insert) != TD_DONE)
    {
      td_package_set_error (copy->pkg, td_conn_errcode (copy->pkg), error);
      td_stmt_reset (copy->insert);
      return FALSE;
    }
  td_stmt_reset (copy->insert);
  td_stmt_clear_bindings (copy->insert);
  return TRUE;
}

/* A part of the self-assessment, as the core reads it, into a package table. */
static gboolean
copy_part (TdDatabase       *db,
           TdSnapshotPart    part,
           TdAssessmentInfo *info,
           TdUnit           *unit,
           TdConn           *pkg,
           const char       *insert_sql,
           GError          **error)
{
  Copy copy = { pkg, NULL };
  int rc = td_conn_prepare (pkg, insert_sql, FALSE, &copy.insert);
  gboolean ok;

  if (rc != TD_OK)
    {
      td_package_set_error (pkg, rc, error);
      return FALSE;
    }
  ok = td_snapshot_read (db, part, info->id, td_unit_get_code (unit), copy_row, &copy, error);
  td_stmt_free (copy.insert);
  return ok;
}

static gboolean
write_package (TdDatabase       *db,
               TdConn           *pkg,
               TdUnit           *unit,
               TdRound          *round,
               TdAssessmentInfo *info,
               GError          **error)
{
  g_autofree char *campaign = td_catalog_get_campaign_id (db);
  g_autofree char *now = td_database_now ();
  g_autofree char *revision = g_strdup_printf ("%d", info->revision);
  g_autofree char *round_number = g_strdup_printf ("%u", td_round_get_number (round));
  g_autofree char *format = g_strdup_printf ("%d", TD_PACKAGE_FORMAT);

  if (td_conn_exec (pkg, td_package_schema) != TD_OK)
    {
      td_package_set_error (pkg, td_conn_errcode (pkg), error);
      return FALSE;
    }

  if (!copy_part (db, TD_SNAPSHOT_VALUES, info, unit, pkg, "INSERT INTO value VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error) ||
      !copy_part (db, TD_SNAPSHOT_ATTESTATIONS, info, unit, pkg, "INSERT INTO attestation VALUES (?, ?, ?)", error) ||
      !copy_part (db, TD_SNAPSHOT_EVIDENCE, info, unit, pkg, "INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                  error) ||
      !copy_part (db, TD_SNAPSHOT_BLOBS, info, unit, pkg, "INSERT INTO blob VALUES (?, ?)", error) ||
      !copy_part (db, TD_SNAPSHOT_HISTORY, info, unit, pkg, "INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error))
    return FALSE;

  if (!td_exchange_put_manifest (pkg, "format", format, error) ||
      !td_exchange_put_manifest (pkg, "app_version", PACKAGE_VERSION, error) ||
      !td_exchange_put_manifest (pkg, "campaign", campaign, error) ||
      !td_exchange_put_manifest (pkg, "unit_code", td_unit_get_code (unit), error) ||
      !td_exchange_put_manifest (pkg, "unit_name", td_unit_get_name (unit), error) ||
      !td_exchange_put_manifest (pkg, "round", round_number, error) ||
      !td_exchange_put_manifest (pkg, "revision", revision, error) ||
      !td_exchange_put_manifest (pkg, "status", td_assessment_status_to_string (info->status), error) ||
      !td_exchange_put_manifest (pkg, "status_reason", info->status_reason, error) ||
      !td_exchange_put_manifest (pkg, "created_at", now, error) ||
      !td_exchange_put_manifest (pkg, "exported_by", td_database_get_actor (db), error))
    return FALSE;
  /* Which of the board's setups the unit works with: the board sees who has an old one. */
  {
    g_autofree char *setup = td_database_get_meta (db, "setup_version");
    if (setup != NULL && td_database_get_installation (db, NULL) == TD_INSTALLATION_UNIT &&
        !td_exchange_put_manifest (pkg, "setup_version", setup, error))
      return FALSE;
  }

  /* The digests last, over what was written. */
  for (guint i = 1; td_package_tables[i] != NULL; i++)
    {
      g_autofree char *digest = td_package_table_digest (pkg, td_package_tables[i], error);
      g_autofree char *key = g_strdup_printf ("sha256_%s", td_package_tables[i]);

      if (digest == NULL || !td_exchange_put_manifest (pkg, key, digest, error))
        return FALSE;
    }
  return TRUE;
}

/* sqlite, left to find out, says only "unable to open database file". */
static gboolean
folder_exists (const char  *folder,
               GError     **error)
{
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    return TRUE;
  if (g_file_test (folder, G_FILE_TEST_EXISTS))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY,
                 _("“%s” is a file, not a folder. Write the package into a folder."), folder);
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                 _("The folder “%s” does not exist. Create it, or write the package somewhere else."), folder);
  return FALSE;
}

char *
td_package_file_name (const char *unit_code,
                      guint       round_number)
{
  return g_strdup_printf ("%s-dot%u.thidua", unit_code, round_number);
}

char *
td_package_resolve_output (const char  *output,
                           const char  *unit_code,
                           guint        round_number,
                           GError     **error)
{
  g_autofree char *folder = NULL;

  if (g_file_test (output, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *name = td_package_file_name (unit_code, round_number);
      return g_build_filename (output, name, NULL);
    }
  folder = g_path_get_dirname (output);
  return folder_exists (folder, error) ? g_strdup (output) : NULL;
}

gboolean
td_package_export (TdDatabase  *db,
                   const char  *unit_code,
                   guint        round_number,
                   const char  *path,
                   GError     **error)
{
  return td_package_export_signed (db, unit_code, round_number, path, NULL, error);
}

gboolean
td_package_export_signed (TdDatabase  *db,
                          const char  *unit_code,
                          guint        round_number,
                          const char  *path,
                          TdSigner    *signer,
                          GError     **error)
{
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *temp = NULL;
  TdConn *pkg = NULL;
  g_autofree char *why = NULL;
  gboolean ok;
  int rc;

  if ((unit = td_catalog_find_unit (db, unit_code, error)) == NULL ||
      (round = td_catalog_find_round (db, round_number, error)) == NULL)
    return FALSE;
  info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), error);
  if (info == NULL && error && *error)
    return FALSE;
  if (info == NULL || info->status == TD_ASSESSMENT_DRAFT)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_READY,
                   _("The self-assessment of %s for this round is not submitted yet. Submit it first, then export it."),
                   td_unit_get_name (unit));
      return FALSE;
    }
  /* A package carries what a unit sends (its submission) or what a board sends back (its
   * return); "received" and "appraised" are the board's own book-keeping, which no board takes
   * from a package, and a unit never sends a return. */
  if (info->status == TD_ASSESSMENT_RECEIVED || info->status == TD_ASSESSMENT_APPRAISED)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("The self-assessment of %s was received by the province: there is nothing to send. "
                     "To ask the unit to correct it, return it with a reason."), td_unit_get_name (unit));
      return FALSE;
    }
  if (info->status == TD_ASSESSMENT_RETURNED && td_database_get_installation (db, NULL) == TD_INSTALLATION_UNIT)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("The province returned this self-assessment. Correct it, submit it again, then export it."));
      return FALSE;
    }

  if (!folder_exists (dir, error))
    return FALSE;
  temp = g_strdup_printf ("%s/.%s.%u.part", dir, base, g_random_int ());
  pkg = td_conn_open (temp, TD_CONN_NEW_FILE, NULL, &rc, &why);
  if (pkg == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), path, why);
      g_unlink (temp);
      return FALSE;
    }
  /* One self-contained file: no journal to carry beside it. */
  td_conn_exec (pkg, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN");
  ok = write_package (db, pkg, unit, round, info, error) &&
       (signer == NULL || td_exchange_sign (pkg, "package", signer, NULL, error));
  if (ok && td_conn_exec (pkg, "COMMIT") != TD_OK)
    {
      td_package_set_error (pkg, td_conn_errcode (pkg), error);
      ok = FALSE;
    }
  if (td_conn_close (pkg) != TD_OK)
    ok = FALSE;
  if (ok && g_rename (temp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write “%s”: %s"), path,
                   g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (temp);
  return ok;
}
