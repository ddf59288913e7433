/* td-package-read.c: reading and checking a package.
 *
 * A package comes from outside and is treated as hostile until checked: it is opened read-only
 * and immutable with a connection of its own (nothing is written beside it, no journal is
 * replayed); its schema must be exactly the one export writes, row for row of sqlite_schema
 * (no index, view or trigger, no other column, the same SQL text), before any statement
 * touches the tables; PRAGMA integrity_check then runs over the whole file.  Each table is read
 * once, by a full scan of the table itself, into the Package's own memory: the digests are
 * computed from those same rows and those rows are what import uses, so no index, no second
 * read and no trick of the query planner can show the checks one thing and the import another.
 * Every value is checked for type, range, length, encoding and the form's own rules, every
 * evidence is drawn in the PDF helper, and all of it runs under a time budget. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "td-audit.h"
#include "td-catalog.h"
#include "td-evidence.h"
#include "td-format.h"
#include "td-digest.h"
#include "td-package-read.h"
#include "td-trust-store.h"

/* Longest text accepted in any field: a justification or a note is a paragraph, not a book;
 * the unit's own check (td_text_check_paragraph()) allows no more. */
#define MAX_TEXT TD_TEXT_MAX

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
    td_conn_close (p->pkg);
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
  g_clear_pointer (&p->problems, g_hash_table_unref);
  g_clear_pointer (&p->digests, g_hash_table_unref);
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

/* One row of a scan: the statement and its columns' types as stored. */
typedef struct {
  TdStmt *stmt;
  const int    *types;
} Row;

/* A text column: NULL allowed or not, valid UTF-8, no control characters but newlines and tabs,
 * not longer than MAX_TEXT. */
static gboolean
read_text (const Row  *r,
           int         col,
           gboolean    nullable,
           char      **out,
           GError    **error)
{
  const char *text;
  int len;

  *out = NULL;
  if (r->types[col] == TD_VALUE_NULL)
    return nullable ? TRUE : bad_value (error, td_stmt_column_name (r->stmt, col));
  if (r->types[col] != TD_VALUE_TEXT)
    return bad_value (error, td_stmt_column_name (r->stmt, col));
  text = (const char *) td_stmt_column_text (r->stmt, col);
  len = td_stmt_column_bytes (r->stmt, col);
  if (len > MAX_TEXT * 4 || !g_utf8_validate_len (text, len, NULL) || g_utf8_strlen (text, len) > MAX_TEXT)
    return bad_value (error, td_stmt_column_name (r->stmt, col));
  for (int i = 0; i < len; i++)
    if ((guchar) text[i] < 0x20 && text[i] != '\n' && text[i] != '\t')
      return bad_value (error, td_stmt_column_name (r->stmt, col));
  *out = g_strndup (text, len);
  return TRUE;
}

/* A moment as the application writes it (2026-03-31T08:15:00Z), in years a campaign can have. */
static gboolean
read_time (const Row  *r,
           int         col,
           char      **out,
           GError    **error)
{
  g_autoptr(GDateTime) when = NULL;

  if (!read_text (r, col, FALSE, out, error))
    return FALSE;
  when = g_date_time_new_from_iso8601 (*out, NULL);
  if (when == NULL || g_date_time_get_year (when) < 2000 || g_date_time_get_year (when) > 2100)
    {
      g_autofree char *what = g_strdup_printf ("%s “%.40s”", td_stmt_column_name (r->stmt, col), *out);
      return bad_value (error, what);
    }
  return TRUE;
}

static gboolean
read_int (const Row  *r,
          int         col,
          gboolean    nullable,
          gboolean   *present,
          gint64     *out,
          GError    **error)
{
  int type = r->types[col];

  *present = type != TD_VALUE_NULL;
  if (type == TD_VALUE_NULL)
    return nullable ? TRUE : bad_value (error, td_stmt_column_name (r->stmt, col));
  if (type != TD_VALUE_INTEGER)
    return bad_value (error, td_stmt_column_name (r->stmt, col));
  *out = td_stmt_column_int64 (r->stmt, col);
  /* Counts of people, procedures, systems: far below this. */
  if (*out < 0 || *out > G_GINT64_CONSTANT (1000000000000))
    return bad_value (error, td_stmt_column_name (r->stmt, col));
  return TRUE;
}

/* Scans @table into the Package with @func and keeps its digest for check_digests(). */
static gboolean
scan (Package          *p,
      const char       *table,
      guint             max_rows,
      TdPackageRowFunc  func,
      GError          **error)
{
  char *digest = td_package_scan_table (p->pkg, table, max_rows, func, p, error);

  if (digest == NULL)
    return FALSE;
  g_hash_table_replace (p->digests, g_strdup (table), digest);
  return TRUE;
}

static gboolean
manifest_row (TdStmt        *stmt,
              const int     *types,
              gpointer       data,
              GError       **error)
{
  Package *p = data;
  Row r = { stmt, types };
  char *key = NULL, *value = NULL;

  if (!read_text (&r, 0, FALSE, &key, error) || !read_text (&r, 1, FALSE, &value, error))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_insert (p->manifest, key, value);
  return TRUE;
}

/* A whole number in the manifest, within @min..@max; the text itself goes into the message. */
static gboolean
manifest_number (Package     *p,
                 const char  *key,
                 gint64       min,
                 gint64       max,
                 gint64      *out,
                 GError     **error)
{
  const char *text = g_hash_table_lookup (p->manifest, key);
  char *end = NULL;

  errno = 0;
  *out = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || errno != 0 || *out < min || *out > max)
    {
      g_autofree char *what = g_strdup_printf ("%s “%.20s”", key, text);
      return bad_value (error, what);
    }
  return TRUE;
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
  const char *format, *status;
  char *end = NULL;
  gint64 number;

  p->manifest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (!scan (p, "manifest", 100, manifest_row, error))
    return FALSE;
  for (guint i = 0; required[i]; i++)
    if (!g_hash_table_contains (p->manifest, required[i]))
      return bad_rows (error, _("manifest"));

  format = g_hash_table_lookup (p->manifest, "format");
  if (*format != '\0' && strspn (format, "0123456789") == strlen (format) && strlen (format) > 9)
    number = G_MAXINT64;   /* a number too long for any format there will be: newer than us */
  else
    {
      errno = 0;
      number = g_ascii_strtoll (format, &end, 10);
      if (end == format || *end != '\0' || errno != 0 || number < 1)
        return bad_value (error, "format");
    }
  if (number > TD_PACKAGE_FORMAT)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_TOO_NEW,
                   _("The package was made by a newer version of Thi đua (format %.20s). Update the application to import it."),
                   format);
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
  errno = 0;
  number = g_ascii_strtoll (g_hash_table_lookup (p->manifest, "round"), &end, 10);
  if (*end != '\0' || errno != 0 || number < 1 || number > 1000 ||
      (p->round = td_catalog_find_round (db, (guint) number, NULL)) == NULL)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_UNKNOWN_ROUND,
                   _("The package is for a round this campaign does not have."));
      return FALSE;
    }
  if (!manifest_number (p, "revision", 1, TD_PACKAGE_MAX_REVISION, &number, error))
    return FALSE;
  p->revision = (int) number;
  status = g_hash_table_lookup (p->manifest, "status");
  if (!td_assessment_status_from_string (status, &p->status) ||
      (p->status != TD_ASSESSMENT_SUBMITTED && p->status != TD_ASSESSMENT_RETURNED))
    return bad_value (error, "status");
  {
    g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (g_hash_table_lookup (p->manifest, "created_at"), NULL);
    if (when == NULL || g_date_time_get_year (when) < 2000 || g_date_time_get_year (when) > 2100)
      return bad_value (error, "created_at");
  }
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
value_row (TdStmt        *stmt,
           const int     *types,
           gpointer       data,
           GError       **error)
{
  Package *p = data;
  Row r = { stmt, types };
  PkgValue *v = g_new0 (PkgValue, 1);
  gboolean present;
  gint64 n = 0, na = 0;

  g_ptr_array_add (p->values, v);
  if (!read_int (&r, 0, FALSE, &present, &n, error))
    return FALSE;
  if (!read_int (&r, 1, TRUE, &v->value.has_numerator, &v->value.numerator, error) ||
      !read_int (&r, 2, TRUE, &v->value.has_denominator, &v->value.denominator, error) ||
      !read_int (&r, 4, FALSE, &present, &na, error) ||
      !read_text (&r, 5, TRUE, &v->value.na_reason, error) ||
      !read_text (&r, 6, TRUE, &v->value.note, error) ||
      !read_time (&r, 7, &v->updated_at, error))
    {
      /* Which target's value, so that the unit knows what to correct before exporting again. */
      g_prefix_error (error, _("Target %u: "), (guint) CLAMP (n, 0, G_MAXUINT));
      return FALSE;
    }
  v->number = (guint) MIN (n, G_MAXUINT);
  v->value.not_applicable = na != 0;
  if (na > 1 || td_package_target (p, v->number) == NULL)
    return bad_rows (error, _("values"));
  if (types[3] == TD_VALUE_FLOAT || types[3] == TD_VALUE_INTEGER)
    {
      v->value.has_index = TRUE;
      v->value.index_value = td_stmt_column_double (stmt, 3);
      if (!(v->value.index_value >= -1e6 && v->value.index_value <= 1e6))
        return bad_value (error, "index_value");
      /* The digests read a REAL as SQLite prints it, to 15 significant digits: a value those
       * digits do not give back exactly (0.7720000000000001 for 0.772) would pass under a
       * signature made over another.  The unit's app never stores one (td-assessment.c). */
      {
        char text[G_ASCII_DTOSTR_BUF_SIZE];

        g_ascii_formatd (text, sizeof text, "%.15g", v->value.index_value);
        if (g_ascii_strtod (text, NULL) != v->value.index_value)
          {
            g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_VALUE,
                         _("Target %u: the index %s carries more digits than the package's checksums cover. Ask the "
                           "unit to type it again and export the package again."), v->number, text);
            return FALSE;
          }
      }
    }
  else if (types[3] != TD_VALUE_NULL)
    return bad_value (error, "index_value");
  return TRUE;
}

/* A submitted self-assessment passed the form's checks when the clerk pressed Nộp: a package
 * whose values would not is refused with the target named, as the form would say it. */
static gboolean
check_values (Package  *p,
              GError  **error)
{
  /* One row per target the campaign asks of the unit's kind: a package with one of them left
   * out is not what was submitted.  (Rows for other targets, as earlier versions wrote them,
   * are kept but count nowhere.) */
  for (guint i = 0; i < g_list_model_get_n_items (p->targets); i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (p->targets, i);
      gboolean found = FALSE;

      if (!td_target_is_reported_by (t, td_unit_get_kind (p->unit)))
        continue;
      for (guint v = 0; v < p->values->len && !found; v++)
        found = ((PkgValue *) p->values->pdata[v])->number == td_target_get_number (t);
      if (!found)
        return bad_rows (error, _("values"));
    }
  /* The board's return carries what the unit had submitted; it is the unit's own. */
  for (guint i = 0; p->status == TD_ASSESSMENT_SUBMITTED && i < p->values->len; i++)
    {
      PkgValue *v = p->values->pdata[i];
      g_autoptr(GError) local = NULL;

      if (!td_target_validate (td_package_target (p, v->number), &v->value, &local))
        {
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_VALUE,
                       _("The package holds a figure the form does not accept. %s Ask the unit to correct it and submit again."),
                       local->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
attestation_row (TdStmt        *stmt,
                 const int     *types,
                 gpointer       data,
                 GError       **error)
{
  Package *p = data;
  Row r = { stmt, types };
  PkgAttestation *a = g_new0 (PkgAttestation, 1);
  gboolean present;
  gint64 attested = 0;

  g_ptr_array_add (p->attestations, a);
  if (!read_text (&r, 0, FALSE, &a->code, error) ||
      !read_int (&r, 1, FALSE, &present, &attested, error) ||
      !read_text (&r, 2, FALSE, &a->justification, error))
    return FALSE;
  if (attested > 1 || td_package_standard (p, a->code) == NULL)
    return bad_rows (error, _("attestations"));
  a->attested = attested == 1;
  return TRUE;
}

static gboolean
blob_row (TdStmt        *stmt,
          const int     *types,
          gpointer       data,
          GError       **error)
{
  Package *p = data;
  Row r = { stmt, types };
  g_autofree char *sha = NULL;
  g_autofree char *actual = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gint64 length, start;

  if (!read_text (&r, 0, FALSE, &sha, error))
    return FALSE;
  if (types[1] != TD_VALUE_BLOB)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_EVIDENCE,
                   _("An evidence in the package is not a file's contents. Ask the unit to export it again."));
      return FALSE;
    }
  length = td_stmt_column_bytes (stmt, 1);
  if ((p->max_size > 0 && (guint64) length > p->max_size) || length > G_GINT64_CONSTANT (512) * 1024 * 1024)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_EVIDENCE,
                   _("An evidence in the package is larger than the limit. Ask the unit to attach a smaller file."));
      return FALSE;
    }
  bytes = g_bytes_new (td_stmt_column_blob (stmt, 1), (gsize) length);
  start = g_get_monotonic_time ();
  actual = td_digest_sha256_bytes (bytes);
  td_package_timings.hash += g_get_monotonic_time () - start;
  if (g_strcmp0 (actual, sha) != 0)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_CHECKSUM,
                   _("An evidence file in the package was changed after export. Ask the unit to export it again."));
      return FALSE;
    }
  g_hash_table_insert (p->blobs, g_steal_pointer (&sha), g_steal_pointer (&bytes));
  return TRUE;
}

static gboolean
evidence_row (TdStmt        *stmt,
              const int     *types,
              gpointer       data,
              GError       **error)
{
  Package *p = data;
  Row r = { stmt, types };
  PkgEvidence *e = g_new0 (PkgEvidence, 1);
  g_autofree char *name = NULL;
  gboolean has_target, has_id;
  gint64 target = 0, id = 0;
  TdVerdict verdict;

  g_ptr_array_add (p->evidence, e);
  if (!read_int (&r, 0, FALSE, &has_id, &id, error) ||
      !read_text (&r, 1, FALSE, &e->sha256, error) ||
      !read_text (&r, 2, FALSE, &name, error) ||
      !read_int (&r, 3, TRUE, &has_target, &target, error) ||
      !read_text (&r, 4, TRUE, &e->standard_code, error) ||
      !read_time (&r, 5, &e->added_at, error) ||
      !read_text (&r, 6, FALSE, &e->verdict, error) ||
      !read_text (&r, 7, FALSE, &e->verdict_comment, error))
    return FALSE;
  e->target_number = has_target ? (guint) MIN (target, G_MAXUINT) : 0;
  /* A name only, and one that reads as what it is: no folders, no control or direction
   * characters that would make "hoa-don-\u202efdp.exe" look like a PDF. */
  e->file_name = td_evidence_clean_file_name (name);
  if (strlen (name) > 255)
    return bad_value (error, _("an evidence file name"));
  if (has_target == (e->standard_code != NULL) ||
      (has_target && td_package_target (p, e->target_number) == NULL) ||
      (e->standard_code && td_package_standard (p, e->standard_code) == NULL) ||
      !g_hash_table_contains (p->blobs, e->sha256) ||
      !td_verdict_from_string (e->verdict, &verdict))
    return bad_rows (error, _("evidence"));
  return TRUE;
}

static gboolean
audit_row (TdStmt        *stmt,
           const int     *types,
           gpointer       data,
           GError       **error)
{
  Package *p = data;
  Row r = { stmt, types };
  PkgAudit *a = g_new0 (PkgAudit, 1);
  gboolean present;

  g_ptr_array_add (p->audit, a);
  if (!read_int (&r, 0, FALSE, &present, &a->id, error) ||
      !read_time (&r, 1, &a->at, error) || !read_text (&r, 2, FALSE, &a->actor, error) ||
      !read_text (&r, 3, FALSE, &a->entity, error) || !read_text (&r, 4, FALSE, &a->field, error) ||
      !read_text (&r, 5, TRUE, &a->old_value, error) || !read_text (&r, 6, TRUE, &a->new_value, error) ||
      !read_text (&r, 7, TRUE, &a->reason, error))
    return FALSE;
  if (!g_strv_contains ((const char *[]) { "value", "attestation", "assessment", NULL }, a->entity))
    return bad_rows (error, _("history"));
  return TRUE;
}

static gboolean
signature_row (TdStmt        *stmt,
               const int     *types,
               gpointer       data,
               GError       **error)
{
  Package *p = data;

  if (p->signature != NULL || types[1] != TD_VALUE_BLOB || td_stmt_column_int64 (stmt, 0) != 1 ||
      td_stmt_column_bytes (stmt, 1) > 1024 * 1024)
    return bad_rows (error, "signature");
  p->signature = g_bytes_new (td_stmt_column_blob (stmt, 1), td_stmt_column_bytes (stmt, 1));
  return TRUE;
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

/* The digests of the rows read, against those the manifest records. */
static gboolean
check_digests (Package  *p,
               GError  **error)
{
  for (guint i = 1; td_package_tables[i]; i++)
    {
      g_autofree char *key = g_strdup_printf ("sha256_%s", td_package_tables[i]);

      if (g_strcmp0 (g_hash_table_lookup (p->digests, td_package_tables[i]), g_hash_table_lookup (p->manifest, key)) != 0)
        {
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_CHECKSUM,
                       _("The package was changed after the unit exported it (its %s do not match). Ask the unit to export it again."),
                       table_label (td_package_tables[i]));
          return FALSE;
        }
    }
  return TRUE;
}

/* At a unit's installation the only package is the board's return, and only the board the
 * unit pinned (td-setup.c: its key, from the setup file) may send one: a unit that pinned a
 * key takes a return signed by that key and nothing else, signed or not by anyone else.  A
 * unit set up from an unsigned file has no key to check; it takes an unsigned return only if
 * its board said unsigned packages are accepted. */
static gboolean
check_board_return (Package     *p,
                    TdDatabase  *db,
                    GError     **error)
{
  g_autofree char *key = td_database_get_meta (db, "board_key");
  g_autofree char *name = td_database_get_meta (db, "board_signer");
  gboolean pinned = (key && *key) || (name && *name);
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GBytes) data = NULL;

  if (p->signature == NULL)
    {
      if (!pinned && td_trust_get_allow_unsigned (db))
        return TRUE;
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNSIGNED,
                   _("The returned package is not signed, and only the board (%s) returns this unit's "
                     "self-assessment, signed. Nothing was imported: ask the board for its signed return."),
                   pinned ? (name && *name ? name : key) : _("the board that set up this installation"));
      return FALSE;
    }
  if ((anchors = td_trust_store_list (db, 0, error)) == NULL)
    return FALSE;
  data = td_exchange_signed_data ("package", g_hash_table_lookup (p->digests, "manifest"));
  p->signature_info = td_signature_verify_with (p->signature, data, anchors, error);
  if (p->signature_info == NULL)
    return FALSE;
  if (pinned && (key && *key ? g_strcmp0 (key, p->signature_info->signer->key_id) != 0
                             : g_strcmp0 (name, p->signature_info->signer->subject) != 0))
    {
      g_autofree char *theirs = g_strndup (p->signature_info->signer->key_id ? p->signature_info->signer->key_id : "?",
                                           16);
      g_autofree char *ours = key && *key ? g_strndup (key, 16) : g_strdup ("?");

      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED,
                   _("The returned package is signed by “%s” with the key %s…, not by the board's key this "
                     "installation was set up with (%s, key %s…). Nothing was imported."),
                   p->signature_info->signer->subject, theirs, name && *name ? name : "?", ours);
      g_clear_pointer (&p->signature_info, td_signature_info_free);
      return FALSE;
    }
  return TRUE;
}

/* After the digests: a signed package must verify, chain to the board's trust list, have been
 * signed while its certificate was valid and by a certificate recorded for its unit; an
 * unsigned one passes only if the board accepts unsigned packages.  What is verified is the
 * digest of the manifest rows read above, the very rows the import uses. */
static gboolean
check_signature (Package     *p,
                 TdDatabase  *db,
                 GError     **error)
{
  g_autoptr(GBytes) data = NULL;

  if (p->has_signature_table)
    {
      if (!scan (p, "signature", 1, signature_row, error))
        return FALSE;
      if (p->signature == NULL)
        return bad_rows (error, "signature");
    }
  if (td_database_get_installation (db, NULL) == TD_INSTALLATION_UNIT)
    return check_board_return (p, db, error);
  if (p->signature == NULL)
    {
      g_autoptr(GPtrArray) bound = td_trust_store_list (db, td_unit_get_id (p->unit), NULL);

      /* A unit whose signature certificate the board recorded signs: an unsigned package from
       * it may have lost its signature on the way (a stripped signature passed under the
       * default before). The board removes the certificate to take unsigned ones again. */
      if (bound != NULL && bound->len > 0)
        {
          g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNSIGNED,
                       _("The package from %s is not signed, but the board has recorded the unit's signature "
                         "certificate: its signature may have been removed on the way. Ask the unit to sign it "
                         "and send it again, or remove the unit's certificate in Preferences if it no longer has "
                         "one."), td_unit_get_name (p->unit));
          return FALSE;
        }
      if (td_trust_get_allow_unsigned (db))
        return TRUE;
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNSIGNED,
                   _("The package from %s is not signed, and the board accepts signed packages only. Ask the unit "
                     "to sign it with its certificate when exporting."), td_unit_get_name (p->unit));
      return FALSE;
    }
  data = td_exchange_signed_data ("package", g_hash_table_lookup (p->digests, "manifest"));
  p->signature_info = td_signature_check (db, p->signature, data, td_unit_get_id (p->unit), error);
  return p->signature_info != NULL;
}

/* Each evidence drawn, page by page, in the PDF helper (td_evidence_inspect): one that is not
 * a PDF or is damaged refuses the package; one the helper cannot draw (it crashed or ran over
 * its time) is imported and marked for the reviewers with the reason.  The files are checked
 * side by side, one thread (and one helper process) per processor; files the board already
 * holds, checked, are not drawn again. */
typedef struct {
  const char *sha256;
  GBytes     *bytes;
  int         n_pages;
  GError     *error;
} EvidenceCheck;

typedef struct {
  EvidenceCheck *checks;
  guint          n;
  gint           next;
  gint64         deadline;   /* the package's one budget for all its checks */
} CheckQueue;

/* However many files a package holds, their checks end within this; the rest are imported
 * marked "not checked" (THIDUA_PACKAGE_CHECK_MS shortens it for the tests). */
#define PACKAGE_CHECK_MS 300000

static gpointer
check_worker (gpointer data)
{
  CheckQueue *queue = data;

  td_evidence_set_check_deadline (queue->deadline);
  for (;;)
    {
      guint i = (guint) g_atomic_int_add (&queue->next, 1);
      EvidenceCheck *c;

      if (i >= queue->n)
        break;
      c = &queue->checks[i];
      td_evidence_inspect (c->bytes, 0, &c->n_pages, &c->error);
    }
  td_evidence_set_check_deadline (0);
  return NULL;
}

static gboolean
check_evidence_files (Package     *p,
                      TdDatabase  *db,
                      GError     **error)
{
  GHashTableIter iter;
  gpointer key, value;
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree EvidenceCheck *checks = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  CheckQueue queue = { 0 };
  gboolean ok = TRUE;
  guint n = 0;

  /* Every blob belongs to an evidence: nothing rides along unseen. */
  for (guint i = 0; i < p->evidence->len; i++)
    g_hash_table_add (used, ((PkgEvidence *) p->evidence->pdata[i])->sha256);
  if (g_hash_table_size (used) != g_hash_table_size (p->blobs))
    return bad_rows (error, _("evidence"));

  checks = g_new0 (EvidenceCheck, MAX (g_hash_table_size (p->blobs), 1));
  g_hash_table_iter_init (&iter, p->blobs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      int pages;

      /* A file the board already holds, checked when it first came (a revision brings the
       * same evidence again): the sha256 just verified says these are those bytes. */
      if (td_evidence_is_stored (db, key, &pages))
        {
          g_hash_table_insert (p->pages, g_strdup (key), GINT_TO_POINTER (pages));
          continue;
        }
      checks[n].sha256 = key;
      checks[n].bytes = value;
      n++;
    }
  queue.checks = checks;
  queue.n = n;
  {
    const char *env = g_getenv ("THIDUA_PACKAGE_CHECK_MS");
    gint64 budget = env && g_ascii_strtoll (env, NULL, 10) > 0 ? g_ascii_strtoll (env, NULL, 10) : PACKAGE_CHECK_MS;

    queue.deadline = g_get_monotonic_time () + budget * 1000;
  }
  for (guint t = 1; t < MIN (n, MIN (g_get_num_processors (), 4)); t++)
    g_ptr_array_add (threads, g_thread_new ("thidua-check", check_worker, &queue));
  check_worker (&queue);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (threads->pdata[t]);

  for (guint i = 0; i < n; i++)
    {
      EvidenceCheck *c = &checks[i];

      if (c->error == NULL)
        g_hash_table_insert (p->pages, g_strdup (c->sha256), GINT_TO_POINTER (c->n_pages));
      else if (g_error_matches (c->error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY))
        g_hash_table_insert (p->problems, g_strdup (c->sha256), g_strdup (c->error->message));
      else if (ok)
        {
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_BAD_EVIDENCE,
                       _("An evidence in the package cannot be used: %s"), c->error->message);
          ok = FALSE;
        }
      g_clear_error (&c->error);
    }
  return ok;
}

static gboolean
out_of_time (Package  *p,
             GError  **error)
{
  int seconds = MAX (td_package_time_limit_ms () / 1000, 1);

  if (g_get_monotonic_time () <= p->deadline)
    return FALSE;
  g_clear_error (error);
  g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_TOO_SLOW,
               g_dngettext (GETTEXT_PACKAGE,
                            "Checking the package took longer than %d second, far more than a genuine package needs. "
                            "It was not imported; ask the unit to export it again.",
                            "Checking the package took longer than %d seconds, far more than a genuine package needs. "
                            "It was not imported; ask the unit to export it again.", seconds), seconds);
  return TRUE;
}

TdPackageTimings td_package_timings;

int
td_package_time_limit_ms (void)
{
  const char *env = g_getenv ("THIDUA_PACKAGE_TIME_LIMIT_MS");
  int ms = env ? atoi (env) : 0;

  return ms > 0 ? ms : 120000;
}

Package *
td_package_read (TdDatabase  *db,
                 const char  *path,
                 gsize        max_size,
                 GError     **error)
{
  g_autoptr(Package) p = g_new0 (Package, 1);
  gint64 start = g_get_monotonic_time (), hashed = td_package_timings.hash;
  gboolean ok;

  p->path = g_strdup (path);
  p->max_size = max_size;
  p->deadline = g_get_monotonic_time () + (gint64) td_package_time_limit_ms () * 1000;
  p->digests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->blobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  p->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  p->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  p->values = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_value_free);
  p->attestations = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_attestation_free);
  p->evidence = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_evidence_free);
  p->audit = g_ptr_array_new_with_free_func ((GDestroyNotify) pkg_audit_free);
  p->pkg = td_exchange_open (path, td_package_schema, &p->deadline, &p->has_signature_table,
                             _("The file is not a Thi đua package, or it was changed by another program. Ask the unit "
                               "to export it again."),
                             _("The package is damaged or incomplete. Ask the unit to export it again."), error);
  td_package_timings.open += g_get_monotonic_time () - start;
  start = g_get_monotonic_time ();
  if (p->pkg == NULL)
    {
      /* A schema made to stall the checks reads as the time budget, as any later step does. */
      out_of_time (p, error);
      return NULL;
    }
  ok = read_manifest (p, db, error);
  if (ok)
    {
      ok = (p->targets = td_catalog_list_targets (db, error)) != NULL &&
           (p->standards = td_catalog_list_standards (db, FALSE, TRUE, error)) != NULL &&
           scan (p, "value", g_list_model_get_n_items (p->targets), value_row, error) &&
           scan (p, "attestation", MAX (p->standards->len, 1), attestation_row, error) &&
           scan (p, "blob", TD_PACKAGE_MAX_EVIDENCE, blob_row, error) &&
           scan (p, "evidence", TD_PACKAGE_MAX_EVIDENCE, evidence_row, error) &&
           scan (p, "audit", TD_PACKAGE_MAX_AUDIT, audit_row, error) &&
           check_digests (p, error) &&
           check_signature (p, db, error) &&
           check_values (p, error);
    }
  td_package_timings.rows += g_get_monotonic_time () - start - (td_package_timings.hash - hashed);
  if (out_of_time (p, error) || !ok)
    return NULL;
  /* The PDFs have a time budget of their own, per page, in the helper. */
  start = g_get_monotonic_time ();
  ok = check_evidence_files (p, db, error);
  td_package_timings.pdf += g_get_monotonic_time () - start;
  if (!ok)
    return NULL;
  /* Everything needed is in memory now. */
  g_clear_pointer (&p->pkg, td_conn_close);
  return g_steal_pointer (&p);
}
