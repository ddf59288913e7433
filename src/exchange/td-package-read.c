/* td-package-read.c: reading and checking a package.
 *
 * A package comes from outside and is treated as hostile until checked: it is opened read-only
 * and immutable with a connection of its own (nothing is written beside it, no journal is
 * replayed), its tables must be exactly ours (no views, no triggers), every row is read with
 * prepared statements and checked for type, range, length and encoding, the digests recorded in
 * the manifest are recomputed, and every evidence is opened as a PDF.  Only then does anything
 * touch the database, in one transaction. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-assessment-private.h"
#include "td-audit.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-evidence.h"
#include "td-package-read.h"

/* Longest text accepted in any field: a justification or a note is a paragraph, not a book. */
#define MAX_TEXT 4000

static void
pkg_value_free (PkgValue *v)
{
  g_free (v->value.na_reason);
  g_free (v->value.note);
  g_free (v->updated_at);
  g_free (v);
}

static void
pkg_attestation_free (PkgAttestation *a)
{
  g_free (a->code);
  g_free (a->justification);
  g_free (a);
}

static void
pkg_evidence_free (PkgEvidence *e)
{
  g_free (e->sha256);
  g_free (e->file_name);
  g_free (e->standard_code);
  g_free (e->added_at);
  g_free (e->verdict);
  g_free (e->verdict_comment);
  g_free (e);
}

static void
pkg_audit_free (PkgAudit *a)
{
  g_free (a->at);
  g_free (a->actor);
  g_free (a->entity);
  g_free (a->field);
  g_free (a->old_value);
  g_free (a->new_value);
  g_free (a->reason);
  g_free (a);
}

void
td_package_data_free (Package *p)
{
  if (p->pkg)
    sqlite3_close (p->pkg);
  g_free (p->path);
  g_clear_pointer (&p->manifest, g_hash_table_unref);
  g_clear_object (&p->unit);
  g_clear_object (&p->round);
  g_clear_object (&p->targets);
  g_clear_pointer (&p->standards, g_ptr_array_unref);
  g_clear_pointer (&p->values, g_ptr_array_unref);
  g_clear_pointer (&p->attestations, g_ptr_array_unref);
  g_clear_pointer (&p->evidence, g_ptr_array_unref);
  g_clear_pointer (&p->blobs, g_hash_table_unref);
  g_clear_pointer (&p->signature, g_bytes_unref);
  g_clear_pointer (&p->signature_info, td_signature_info_free);
  g_clear_pointer (&p->pages, g_hash_table_unref);
  g_clear_pointer (&p->audit, g_ptr_array_unref);
  g_free (p);
}


/* Checking */

static gboolean
bad_rows (GError **error, const char *what)
{
  g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_ROWS,
               _("The package's %s are incomplete or repeated. Ask the unit to export it again."), what);
  return FALSE;
}

static gboolean
bad_value (GError **error, const char *what)
{
  g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_VALUE,
               _("The package holds a value the application does not accept (%s). Ask the unit to export it again."),
               what);
  return FALSE;
}

/* A text column: NULL allowed or not, valid UTF-8, no control characters but newlines and tabs,
 * not longer than MAX_TEXT. */
static gboolean
read_text (sqlite3_stmt  *stmt,
           int            col,
           gboolean       nullable,
           char         **out,
           GError       **error)
{
  const char *text;
  int len;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    {
      *out = NULL;
      return nullable ? TRUE : bad_value (error, sqlite3_column_name (stmt, col));
    }
  if (sqlite3_column_type (stmt, col) != SQLITE_TEXT)
    return bad_value (error, sqlite3_column_name (stmt, col));
  text = (const char *) sqlite3_column_text (stmt, col);
  len = sqlite3_column_bytes (stmt, col);
  if (len > MAX_TEXT * 4 || !g_utf8_validate_len (text, len, NULL) || g_utf8_strlen (text, len) > MAX_TEXT)
    return bad_value (error, sqlite3_column_name (stmt, col));
  for (int i = 0; i < len; i++)
    if ((guchar) text[i] < 0x20 && text[i] != '\n' && text[i] != '\t')
      return bad_value (error, sqlite3_column_name (stmt, col));
  *out = g_strndup (text, len);
  return TRUE;
}

static gboolean
read_int (sqlite3_stmt *stmt,
          int           col,
          gboolean      nullable,
          gboolean     *present,
          gint64       *out,
          GError      **error)
{
  int type = sqlite3_column_type (stmt, col);

  *present = type != SQLITE_NULL;
  if (type == SQLITE_NULL)
    return nullable ? TRUE : bad_value (error, sqlite3_column_name (stmt, col));
  if (type != SQLITE_INTEGER)
    return bad_value (error, sqlite3_column_name (stmt, col));
  *out = sqlite3_column_int64 (stmt, col);
  /* Counts of people, procedures, systems: far below this. */
  if (*out < 0 || *out > G_GINT64_CONSTANT (1000000000000))
    return bad_value (error, sqlite3_column_name (stmt, col));
  return TRUE;
}

static sqlite3_stmt *
query (Package     *p,
       const char  *sql,
       GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (p->pkg, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      td_package_set_error (p->pkg, rc, error);
      return NULL;
    }
  return stmt;
}

static gboolean
finish (Package      *p,
        sqlite3_stmt *stmt,
        int           rc,
        gboolean      ok,
        GError      **error)
{
  sqlite3_finalize (stmt);
  if (ok && rc != SQLITE_DONE)
    {
      td_package_set_error (p->pkg, rc, error);
      return FALSE;
    }
  return ok;
}

/* The file's tables are exactly format 1's, column for column, and nothing else is there. */
static gboolean
check_schema (Package  *p,
              GError  **error)
{
  sqlite3 *ref = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  guint n_tables;
  int rc;

  stmt = query (p, "SELECT type, name FROM sqlite_schema", error);
  if (stmt == NULL)
    return FALSE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);

      if (g_strcmp0 (type, "table") == 0 && g_strcmp0 (name, "signature") == 0)
        p->has_signature_table = TRUE;
      else if (!(g_strcmp0 (type, "table") == 0 && g_strv_contains (td_package_tables, name)) &&
          !(g_strcmp0 (type, "index") == 0 && name && g_str_has_prefix (name, "sqlite_autoindex_")))
        ok = FALSE;
    }
  sqlite3_finalize (stmt);
  if (!ok)
    goto not_ours;
  if (rc != SQLITE_DONE)
    {
      td_package_set_error (p->pkg, rc, error);
      return FALSE;
    }

  sqlite3_open (":memory:", &ref);
  sqlite3_exec (ref, td_package_schema, NULL, NULL, NULL);
  sqlite3_exec (ref, td_package_signature_schema, NULL, NULL, NULL);
  n_tables = g_strv_length ((char **) td_package_tables) + (p->has_signature_table ? 1 : 0);
  for (guint t = 0; ok && t < n_tables; t++)
    {
      /* The signature table, when there is one, is checked after the others. */
      const char *table = td_package_tables[t] ? td_package_tables[t] : "signature";
      g_autofree char *sql = g_strdup_printf ("SELECT name, type, \"notnull\", pk FROM pragma_table_info('%s') ORDER BY cid",
                                              table);
      sqlite3_stmt *a = NULL, *b = NULL;
      int ra, rb;

      sqlite3_prepare_v2 (ref, sql, -1, &a, NULL);
      if (sqlite3_prepare_v2 (p->pkg, sql, -1, &b, NULL) != SQLITE_OK)
        ok = FALSE;
      while (ok)
        {
          ra = sqlite3_step (a);
          rb = sqlite3_step (b);
          if (ra != rb)
            ok = FALSE;
          else if (ra != SQLITE_ROW)
            break;
          for (int c = 0; ok && c < 4; c++)
            ok = g_strcmp0 ((const char *) sqlite3_column_text (a, c), (const char *) sqlite3_column_text (b, c)) == 0;
        }
      sqlite3_finalize (a);
      sqlite3_finalize (b);
    }
  sqlite3_close (ref);
  if (ok)
    return TRUE;

not_ours:
  g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
               _("The file is not a Thi đua package, or it was changed by another program. Ask the unit to export it again."));
  return FALSE;
}

static gboolean
read_manifest (Package     *p,
               TdDatabase  *db,
               GError     **error)
{
  static const char * const required[] = {
    "format", "campaign", "unit_code", "round", "revision", "status", "created_at",
    "sha256_value", "sha256_attestation", "sha256_evidence", "sha256_blob", "sha256_audit", NULL
  };
  g_autofree char *campaign = td_catalog_get_campaign_id (db);
  sqlite3_stmt *stmt = query (p, "SELECT key, value FROM manifest", error);
  const char *format, *status;
  char *end = NULL;
  gint64 number;
  int rc;

  if (stmt == NULL)
    return FALSE;
  p->manifest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = NULL, *value = NULL;

      if (!read_text (stmt, 0, FALSE, &key, error) || !read_text (stmt, 1, FALSE, &value, error))
        {
          g_free (key);
          sqlite3_finalize (stmt);
          return FALSE;
        }
      g_hash_table_insert (p->manifest, key, value);
    }
  if (!finish (p, stmt, rc, TRUE, error))
    return FALSE;
  for (guint i = 0; required[i]; i++)
    if (!g_hash_table_contains (p->manifest, required[i]))
      return bad_rows (error, _("manifest"));

  format = g_hash_table_lookup (p->manifest, "format");
  number = g_ascii_strtoll (format, &end, 10);
  if (end == format || *end != '\0' || number < 1)
    return bad_value (error, "format");
  if (number > TD_PACKAGE_FORMAT)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_TOO_NEW,
                   _("The package was made by a newer version of Thi đua (format %d). Update the application to import it."),
                   (int) number);
      return FALSE;
    }
  if (g_strcmp0 (g_hash_table_lookup (p->manifest, "campaign"), campaign) != 0)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OTHER_CAMPAIGN,
                   _("The package belongs to another campaign (“%s”), not to this database's (“%s”)."),
                   (const char *) g_hash_table_lookup (p->manifest, "campaign"), campaign ? campaign : "");
      return FALSE;
    }

  p->unit = td_catalog_find_unit (db, g_hash_table_lookup (p->manifest, "unit_code"), NULL);
  if (p->unit == NULL)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_UNKNOWN_UNIT,
                   _("The package is from a unit this database does not know (code “%s”). Add the unit first, then import again."),
                   (const char *) g_hash_table_lookup (p->manifest, "unit_code"));
      return FALSE;
    }
  number = g_ascii_strtoll (g_hash_table_lookup (p->manifest, "round"), &end, 10);
  if (*end != '\0' || number < 1 || number > 1000 ||
      (p->round = td_catalog_find_round (db, (guint) number, NULL)) == NULL)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_UNKNOWN_ROUND,
                   _("The package is for a round this campaign does not have."));
      return FALSE;
    }
  number = g_ascii_strtoll (g_hash_table_lookup (p->manifest, "revision"), &end, 10);
  if (*end != '\0' || number < 1 || number > 100000)
    return bad_value (error, "revision");
  p->revision = (int) number;
  status = g_hash_table_lookup (p->manifest, "status");
  if (!td_assessment_status_from_string (status, &p->status) || p->status == TD_ASSESSMENT_DRAFT)
    return bad_value (error, "status");
  return TRUE;
}

TdTarget *
td_package_target (Package *p,
                   guint    number)
{
  for (guint i = 0; i < g_list_model_get_n_items (p->targets); i++)
    {
      TdTarget *t = g_list_model_get_item (p->targets, i);
      g_object_unref (t);   /* the model keeps it */
      if (td_target_get_number (t) == number)
        return t;
    }
  return NULL;
}

TdStandard *
td_package_standard (Package    *p,
                     const char *code)
{
  for (guint i = 0; code && i < p->standards->len; i++)
    if (g_str_equal (((TdStandard *) p->standards->pdata[i])->code, code))
      return p->standards->pdata[i];
  return NULL;
}

static gboolean
read_values (Package  *p,
             GError  **error)
{
  sqlite3_stmt *stmt = query (p, "SELECT target_number, numerator, denominator, index_value, not_applicable,"
                                 " na_reason, note, updated_at FROM value", error);
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  p->values = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_value_free);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PkgValue *v = g_new0 (PkgValue, 1);
      gboolean present;
      gint64 n = 0, na = 0;

      g_ptr_array_add (p->values, v);
      ok = read_int (stmt, 0, FALSE, &present, &n, error) &&
           read_int (stmt, 1, TRUE, &v->value.has_numerator, &v->value.numerator, error) &&
           read_int (stmt, 2, TRUE, &v->value.has_denominator, &v->value.denominator, error) &&
           read_int (stmt, 4, FALSE, &present, &na, error) &&
           read_text (stmt, 5, TRUE, &v->value.na_reason, error) &&
           read_text (stmt, 6, TRUE, &v->value.note, error) &&
           read_text (stmt, 7, FALSE, &v->updated_at, error);
      if (!ok)
        break;
      v->number = (guint) MIN (n, G_MAXUINT);
      v->value.not_applicable = na != 0;
      if (na > 1 || td_package_target (p, v->number) == NULL)
        ok = bad_rows (error, _("values"));
      else if (sqlite3_column_type (stmt, 3) == SQLITE_FLOAT || sqlite3_column_type (stmt, 3) == SQLITE_INTEGER)
        {
          v->value.has_index = TRUE;
          v->value.index_value = sqlite3_column_double (stmt, 3);
          if (!(v->value.index_value >= -1e6 && v->value.index_value <= 1e6))
            ok = bad_value (error, "index_value");
        }
      else if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        ok = bad_value (error, "index_value");
    }
  if (!finish (p, stmt, rc, ok, error))
    return FALSE;
  /* One row per target, every target: a package with a row left out is not what was submitted. */
  if (p->values->len != g_list_model_get_n_items (p->targets))
    return bad_rows (error, _("values"));
  return TRUE;
}

static gboolean
read_attestations (Package  *p,
                   GError  **error)
{
  sqlite3_stmt *stmt = query (p, "SELECT standard_code, attested, justification FROM attestation", error);
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  p->attestations = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_attestation_free);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PkgAttestation *a = g_new0 (PkgAttestation, 1);
      gboolean present;
      gint64 attested = 0;

      g_ptr_array_add (p->attestations, a);
      ok = read_text (stmt, 0, FALSE, &a->code, error) &&
           read_int (stmt, 1, FALSE, &present, &attested, error) &&
           read_text (stmt, 2, FALSE, &a->justification, error);
      if (ok && (attested > 1 || td_package_standard (p, a->code) == NULL))
        ok = bad_rows (error, _("attestations"));
      a->attested = attested == 1;
    }
  return finish (p, stmt, rc, ok, error);
}

static gboolean
read_evidence (Package  *p,
               gsize     max_size,
               GError  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc;

  p->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  p->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  stmt = query (p, "SELECT sha256, length(data), data FROM blob", error);
  if (stmt == NULL)
    return FALSE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *sha = NULL;
      g_autofree char *actual = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) local = NULL;
      gint64 length = sqlite3_column_int64 (stmt, 1);
      int n_pages = 0;

      if (!read_text (stmt, 0, FALSE, &sha, error))
        {
          ok = FALSE;
          break;
        }
      if (sqlite3_column_type (stmt, 2) != SQLITE_BLOB)
        {
          ok = FALSE;
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_EVIDENCE,
                       _("An evidence in the package is not a file's contents. Ask the unit to export it again."));
          break;
        }
      /* Length first: a blob declared huge is refused before it is read. */
      if ((max_size > 0 && (guint64) length > max_size) || length > G_GINT64_CONSTANT (512) * 1024 * 1024)
        {
          ok = FALSE;
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_EVIDENCE,
                       _("An evidence in the package is larger than the limit. Ask the unit to attach a smaller file."));
          break;
        }
      bytes = g_bytes_new (sqlite3_column_blob (stmt, 2), (gsize) sqlite3_column_bytes (stmt, 2));
      actual = td_evidence_sha256 (bytes);
      if (g_strcmp0 (actual, sha) != 0)
        {
          ok = FALSE;
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_CHECKSUM,
                       _("An evidence file in the package was changed after export. Ask the unit to export it again."));
          break;
        }
      if (!td_evidence_inspect (bytes, 0, &n_pages, &local))
        {
          ok = FALSE;
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_EVIDENCE,
                       _("An evidence in the package cannot be used: %s"), local->message);
          break;
        }
      g_hash_table_insert (p->pages, g_strdup (sha), GINT_TO_POINTER (n_pages));
      g_hash_table_insert (p->blobs, g_steal_pointer (&sha), g_steal_pointer (&bytes));
    }
  if (!finish (p, stmt, rc, ok, error))
    return FALSE;

  stmt = query (p, "SELECT sha256, file_name, target_number, standard_code, added_at, verdict, verdict_comment"
                   " FROM evidence", error);
  if (stmt == NULL)
    return FALSE;
  p->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_evidence_free);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PkgEvidence *e = g_new0 (PkgEvidence, 1);
      gboolean has_target;
      gint64 target = 0;
      TdVerdict verdict;

      g_ptr_array_add (p->evidence, e);
      ok = read_text (stmt, 0, FALSE, &e->sha256, error) &&
           read_text (stmt, 1, FALSE, &e->file_name, error) &&
           read_int (stmt, 2, TRUE, &has_target, &target, error) &&
           read_text (stmt, 3, TRUE, &e->standard_code, error) &&
           read_text (stmt, 4, FALSE, &e->added_at, error) &&
           read_text (stmt, 5, FALSE, &e->verdict, error) &&
           read_text (stmt, 6, FALSE, &e->verdict_comment, error);
      if (!ok)
        break;
      e->target_number = has_target ? (guint) MIN (target, G_MAXUINT) : 0;
      /* A name only: a folder in it is no name a unit's file dialog gives. */
      if (*e->file_name == '\0' || strchr (e->file_name, '/') || strchr (e->file_name, '\\') ||
          g_str_equal (e->file_name, "..") || strlen (e->file_name) > 255)
        ok = bad_value (error, _("an evidence file name"));
      else if (has_target == (e->standard_code != NULL) ||
               (has_target && td_package_target (p, e->target_number) == NULL) ||
               (e->standard_code && td_package_standard (p, e->standard_code) == NULL) ||
               !g_hash_table_contains (p->blobs, e->sha256) ||
               !td_verdict_from_string (e->verdict, &verdict))
        ok = bad_rows (error, _("evidence"));
    }
  if (!finish (p, stmt, rc, ok, error))
    return FALSE;

  /* Every blob belongs to an evidence: nothing rides along unseen. */
  {
    g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
    for (guint i = 0; i < p->evidence->len; i++)
      g_hash_table_add (used, ((PkgEvidence *) p->evidence->pdata[i])->sha256);
    if (g_hash_table_size (used) != g_hash_table_size (p->blobs))
      return bad_rows (error, _("evidence"));
  }
  return TRUE;
}

static gboolean
read_audit (Package  *p,
            GError  **error)
{
  sqlite3_stmt *stmt = query (p, "SELECT at, actor, entity, field, old_value, new_value, reason FROM audit ORDER BY id", error);
  gboolean ok = TRUE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  p->audit = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_audit_free);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PkgAudit *a = g_new0 (PkgAudit, 1);

      g_ptr_array_add (p->audit, a);
      ok = read_text (stmt, 0, FALSE, &a->at, error) && read_text (stmt, 1, FALSE, &a->actor, error) &&
           read_text (stmt, 2, FALSE, &a->entity, error) && read_text (stmt, 3, FALSE, &a->field, error) &&
           read_text (stmt, 4, TRUE, &a->old_value, error) && read_text (stmt, 5, TRUE, &a->new_value, error) &&
           read_text (stmt, 6, TRUE, &a->reason, error);
      if (ok && !g_strv_contains ((const char *[]) { "value", "attestation", "assessment", NULL }, a->entity))
        ok = bad_rows (error, _("history"));
    }
  return finish (p, stmt, rc, ok, error);
}

static const char *
table_label (const char *table)
{
  if (g_str_equal (table, "value"))
    return _("values");
  if (g_str_equal (table, "attestation"))
    return _("attestations");
  if (g_str_equal (table, "audit"))
    return _("history");
  return _("evidence");
}

static gboolean
check_digests (Package  *p,
               GError  **error)
{
  for (guint i = 1; td_package_tables[i]; i++)
    {
      g_autofree char *key = g_strdup_printf ("sha256_%s", td_package_tables[i]);
      g_autofree char *digest = td_package_table_digest (p->pkg, td_package_tables[i], error);

      if (digest == NULL)
        return FALSE;
      if (g_strcmp0 (digest, g_hash_table_lookup (p->manifest, key)) != 0)
        {
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_CHECKSUM,
                       _("The package was changed after the unit exported it (its %s do not match). Ask the unit to export it again."),
                       table_label (td_package_tables[i]));
          return FALSE;
        }
    }
  return TRUE;
}

/* After the digests: a signed package must verify, chain to the board's trust list, have been
 * signed while its certificate was valid and by a certificate recorded for its unit; an
 * unsigned one passes only if the board accepts unsigned packages. */
static gboolean
check_signature (Package     *p,
                 TdDatabase  *db,
                 GError     **error)
{
  g_autoptr(GBytes) data = NULL;
  sqlite3_stmt *stmt;
  int rc, rows = 0;

  if (p->has_signature_table)
    {
      stmt = query (p, "SELECT id, pkcs7 FROM signature", error);
      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          rows++;
          if (rows == 1 && sqlite3_column_type (stmt, 1) == SQLITE_BLOB && sqlite3_column_int64 (stmt, 0) == 1)
            p->signature = g_bytes_new (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          td_package_set_error (p->pkg, rc, error);
          return FALSE;
        }
      if (rows != 1 || p->signature == NULL)
        return bad_rows (error, "signature");
    }
  if (p->signature == NULL)
    {
      if (td_trust_get_allow_unsigned (db))
        return TRUE;
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNSIGNED,
                   _("The package from %s is not signed, and the board accepts signed packages only. Ask the unit "
                     "to sign it with its certificate when exporting."), td_unit_get_name (p->unit));
      return FALSE;
    }
  data = td_package_signed_data (p->pkg, error);
  if (data == NULL)
    return FALSE;
  p->signature_info = td_signature_check (db, p->signature, data, td_unit_get_id (p->unit), error);
  return p->signature_info != NULL;
}

Package *
td_package_read (TdDatabase  *db,
                 const char  *path,
                 gsize        max_size,
                 GError     **error)
{
  g_autoptr(Package) p = g_new0 (Package, 1);
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;
  g_autofree char *ro_uri = NULL;
  g_autofree char *check = NULL;
  sqlite3_stmt *stmt;
  int rc;

  p->path = g_strdup (path);
  if (!g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE, _("“%s” is not a file."), path);
      return NULL;
    }
  uri = g_filename_to_uri (absolute, NULL, error);
  if (uri == NULL)
    return NULL;
  /* immutable: sqlite neither locks the file nor looks for a journal or WAL beside it. */
  ro_uri = g_strconcat (uri, "?mode=ro&immutable=1", NULL);
  rc = sqlite3_open_v2 (ro_uri, &p->pkg, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      td_package_set_error (p->pkg, rc, error);
      return NULL;
    }
  /* Defence in depth: no functions with side effects from the file's schema, no huge values. */
  sqlite3_db_config (p->pkg, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (p->pkg, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_limit (p->pkg, SQLITE_LIMIT_LENGTH, 512 * 1024 * 1024);

  stmt = query (p, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    check = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    {
      td_package_set_error (p->pkg, rc, error);
      return NULL;
    }
  if (g_strcmp0 (check, "ok") != 0)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_DAMAGED,
                   _("The package is damaged or incomplete. Ask the unit to export it again."));
      return NULL;
    }

  if (!check_schema (p, error) || !read_manifest (p, db, error))
    return NULL;
  if ((p->targets = td_catalog_list_targets (db, error)) == NULL ||
      (p->standards = td_catalog_list_standards (db, FALSE, TRUE, error)) == NULL)
    return NULL;
  if (!read_values (p, error) || !read_attestations (p, error) || !read_evidence (p, max_size, error) ||
      !read_audit (p, error) || !check_digests (p, error) || !check_signature (p, db, error))
    return NULL;
  return g_steal_pointer (&p);
}
