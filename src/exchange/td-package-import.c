/* td-package-import.c: what importing a package would do (the preview) and doing it, in one
 * transaction, once td-package-read.c has read and checked the file. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-assessment-private.h"
#include "td-audit.h"
#include "td-evidence.h"
#include "td-package-read.h"

void
td_package_preview_free (TdPackagePreview *preview)
{
  if (preview == NULL)
    return;
  g_free (preview->path);
  g_free (preview->unit_code);
  g_free (preview->unit_name);
  g_free (preview->status);
  g_free (preview->status_reason);
  g_free (preview->created_at);
  g_clear_pointer (&preview->changes, g_ptr_array_unref);
  g_clear_pointer (&preview->signature, td_signature_info_free);
  g_free (preview);
}

/* Preview */

static char *
describe_or_none (const TdValue *v)
{
  return v ? td_value_describe (v) : g_strdup ("∅");
}

static TdPackagePreview *
package_preview (Package     *p,
                 TdDatabase  *db,
                 GError     **error)
{
  g_autoptr(TdPackagePreview) preview = g_new0 (TdPackagePreview, 1);
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GError) local = NULL;

  preview->path = g_strdup (p->path);
  preview->unit_code = g_strdup (td_unit_get_code (p->unit));
  preview->unit_name = g_strdup (td_unit_get_name (p->unit));
  preview->round_number = td_round_get_number (p->round);
  preview->revision = p->revision;
  preview->status = g_strdup (td_assessment_status_to_string (p->status));
  preview->status_reason = g_strdup (g_hash_table_lookup (p->manifest, "status_reason"));
  preview->created_at = g_strdup (g_hash_table_lookup (p->manifest, "created_at"));
  preview->changes = g_ptr_array_new_with_free_func (g_free);
  preview->n_values = p->values->len;
  preview->n_evidence = p->evidence->len;
  if (p->signature_info != NULL)
    {
      preview->signature = g_new0 (TdSignatureInfo, 1);
      preview->signature->signed_at = p->signature_info->signed_at;
      preview->signature->signer = td_cert_info_copy (p->signature_info->signer);
    }

  info = td_assessment_lookup (db, td_unit_get_id (p->unit), td_round_get_id (p->round), &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (info != NULL && (current = td_assessment_load_values (db, info->id, error)) == NULL)
    return NULL;

  if (p->status == TD_ASSESSMENT_RETURNED)
    {
      preview->kind = TD_IMPORT_RETURNED;
      return g_steal_pointer (&preview);
    }
  if (info != NULL && info->revision > p->revision && info->status != TD_ASSESSMENT_DRAFT)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OLDER_REVISION,
                   _("This database already has revision %d of %s's self-assessment; the package holds the older revision %d."),
                   info->revision, td_unit_get_name (p->unit), p->revision);
      return NULL;
    }

  for (guint i = 0; i < p->values->len; i++)
    {
      PkgValue *v = p->values->pdata[i];
      TdTarget *target = td_package_target (p, v->number);
      gint64 id = td_target_get_id (target);
      TdValue *old = current ? g_hash_table_lookup (current, &id) : NULL;

      if (old == NULL || !td_value_equal (old, &v->value))
        {
          g_autofree char *a = describe_or_none (old);
          g_autofree char *b = td_value_describe (&v->value);
          g_ptr_array_add (preview->changes, g_strdup_printf (_("Target %u: %s → %s"), v->number, a, b));
        }
    }

  if (info == NULL || current == NULL || g_hash_table_size (current) == 0)
    preview->kind = TD_IMPORT_NEW;
  else if (preview->changes->len == 0 && info->revision == p->revision)
    preview->kind = TD_IMPORT_SAME;
  else
    preview->kind = TD_IMPORT_REVISION;
  return g_steal_pointer (&preview);
}

/* Writing */

/* The earlier revision as JSON, kept in assessment_revision before it is overwritten. */
static gboolean
archive_revision (TdDatabase  *db,
                  gint64       assessment_id,
                  int          revision,
                  GError     **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = td_database_now ();
  sqlite3_stmt *stmt;

  stmt = td_database_prepare (db,
                              "SELECT t.number, v.numerator, v.denominator, v.index_value, v.not_applicable, v.na_reason, v.note"
                              " FROM assessment_value v JOIN target t ON t.id = v.target_id WHERE v.assessment_id = ?"
                              " ORDER BY t.number", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "values");
  json_builder_begin_array (b);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      json_builder_begin_array (b);
      for (int c = 0; c < 7; c++)
        switch (sqlite3_column_type (stmt, c))
          {
          case SQLITE_NULL: json_builder_add_null_value (b); break;
          case SQLITE_INTEGER: json_builder_add_int_value (b, sqlite3_column_int64 (stmt, c)); break;
          case SQLITE_FLOAT: json_builder_add_double_value (b, sqlite3_column_double (stmt, c)); break;
          default: json_builder_add_string_value (b, (const char *) sqlite3_column_text (stmt, c)); break;
          }
      json_builder_end_array (b);
    }
  sqlite3_reset (stmt);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);

  stmt = td_database_prepare (db,
                              "INSERT INTO assessment_revision (assessment_id, revision, archived_at, snapshot)"
                              " VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET archived_at = excluded.archived_at,"
                              " snapshot = excluded.snapshot", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  sqlite3_bind_int (stmt, 2, revision);
  td_stmt_bind_text (stmt, 3, now);
  td_stmt_bind_text (stmt, 4, json);
  return td_database_step_done (db, stmt, error);
}

static gboolean
apply_evidence (Package     *p,
                TdDatabase  *db,
                gint64       assessment_id,
                GError     **error)
{
  sqlite3_stmt *stmt = td_database_prepare (db, "DELETE FROM evidence WHERE assessment_id = ?", error);

  /* The package says what evidence the submission has: what was there before is replaced. */
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, assessment_id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < p->evidence->len; i++)
    {
      PkgEvidence *e = p->evidence->pdata[i];
      GBytes *bytes = g_hash_table_lookup (p->blobs, e->sha256);
      TdTarget *target = e->target_number ? td_package_target (p, e->target_number) : NULL;
      TdStandard *standard = td_package_standard (p, e->standard_code);
      int pages = GPOINTER_TO_INT (g_hash_table_lookup (p->pages, e->sha256));

      stmt = td_database_prepare (db, "INSERT INTO evidence_blob (sha256, size, page_count, data) VALUES (?, ?, ?, ?)"
                                      " ON CONFLICT (sha256) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, e->sha256);
      sqlite3_bind_int64 (stmt, 2, (gint64) g_bytes_get_size (bytes));
      sqlite3_bind_int (stmt, 3, pages);
      sqlite3_bind_blob64 (stmt, 4, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), SQLITE_STATIC);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;

      stmt = td_database_prepare (db, "INSERT INTO evidence (sha256, file_name, added_at, assessment_id, target_id,"
                                      " standard_id, verdict, verdict_comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, e->sha256);
      td_stmt_bind_text (stmt, 2, e->file_name);
      td_stmt_bind_text (stmt, 3, e->added_at);
      sqlite3_bind_int64 (stmt, 4, assessment_id);
      if (target)
        sqlite3_bind_int64 (stmt, 5, td_target_get_id (target));
      if (standard)
        sqlite3_bind_int64 (stmt, 6, standard->id);
      td_stmt_bind_text (stmt, 7, e->verdict);
      td_stmt_bind_text (stmt, 8, e->verdict_comment);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The unit's own history, without repeating entries already here. */
static gboolean
apply_audit (Package     *p,
             TdDatabase  *db,
             gint64       assessment_id,
             GError     **error)
{
  for (guint i = 0; i < p->audit->len; i++)
    {
      PkgAudit *a = p->audit->pdata[i];
      sqlite3_stmt *stmt = td_database_prepare (db,
                                                "INSERT INTO audit (at, actor, entity, entity_id, unit_code, field, old_value,"
                                                " new_value, reason) SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9"
                                                " WHERE NOT EXISTS (SELECT 1 FROM audit WHERE at = ?1 AND actor = ?2"
                                                " AND entity = ?3 AND unit_code = ?5 AND field = ?6 AND new_value IS ?8)",
                                                error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, a->at);
      td_stmt_bind_text (stmt, 2, a->actor);
      td_stmt_bind_text (stmt, 3, a->entity);
      sqlite3_bind_int64 (stmt, 4, assessment_id);
      td_stmt_bind_text (stmt, 5, td_unit_get_code (p->unit));
      td_stmt_bind_text (stmt, 6, a->field);
      td_stmt_bind_text (stmt, 7, a->old_value);
      td_stmt_bind_text (stmt, 8, a->new_value);
      td_stmt_bind_text (stmt, 9, a->reason);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
set_status (Package             *p,
            TdDatabase          *db,
            TdAssessmentInfo    *info,
            gint64               assessment_id,
            TdAssessmentStatus   status,
            const char          *reason,
            GError             **error)
{
  g_autofree char *now = td_database_now ();
  g_autofree char *base = g_path_get_basename (p->path);
  g_autofree char *why = g_strdup_printf ("import %s", base);
  sqlite3_stmt *stmt = td_database_prepare (db,
                                            "UPDATE assessment SET status = ?, status_reason = ?, revision = ?, updated_at = ?,"
                                            " received_signature = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, td_assessment_status_to_string (status));
  td_stmt_bind_text (stmt, 2, reason && *reason ? reason : NULL);
  sqlite3_bind_int (stmt, 3, p->revision);
  td_stmt_bind_text (stmt, 4, now);
  /* Who signed what the province now holds; "" says it came unsigned. */
  td_stmt_bind_text (stmt, 5, p->signature_info ? p->signature_info->signer->subject : "");
  sqlite3_bind_int64 (stmt, 6, assessment_id);
  return td_database_step_done (db, stmt, error) &&
         td_audit_record (db, "assessment", assessment_id, td_unit_get_code (p->unit), "status",
                          info ? td_assessment_status_to_string (info->status) : NULL,
                          td_assessment_status_to_string (status), reason && *reason ? reason : why, error);
}

static gboolean
package_apply (Package           *p,
               TdDatabase        *db,
               TdPackagePreview  *preview,
               GError           **error)
{
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autofree TdTarget **targets = g_new0 (TdTarget *, p->values->len);
  g_autofree const TdValue **values = g_new0 (const TdValue *, p->values->len);
  gint64 id;

  if (preview->kind == TD_IMPORT_SAME)
    return TRUE;
  if (!td_database_begin (db, error))
    return FALSE;
  info = td_assessment_lookup (db, td_unit_get_id (p->unit), td_round_get_id (p->round), error);
  if (error && *error)
    goto fail;
  id = info ? info->id : td_assessment_ensure (db, td_unit_get_id (p->unit), td_round_get_id (p->round), error);
  if (id == 0)
    goto fail;

  if (preview->kind == TD_IMPORT_RETURNED)
    {
      /* The unit's own values stay; the form opens for editing with the province's reason. */
      if (!set_status (p, db, info, id, TD_ASSESSMENT_RETURNED, preview->status_reason, error) ||
          !apply_evidence (p, db, id, error) ||
          !td_database_commit (db, error))
        goto fail;
      return TRUE;
    }

  if (preview->kind == TD_IMPORT_REVISION && info != NULL && !archive_revision (db, id, info->revision, error))
    goto fail;
  for (guint i = 0; i < p->values->len; i++)
    {
      PkgValue *v = p->values->pdata[i];
      targets[i] = td_package_target (p, v->number);
      values[i] = &v->value;
    }
  if (!td_assessment_write_values (db, id, targets, values, p->values->len, error))
    goto fail;
  for (guint i = 0; i < p->attestations->len; i++)
    {
      PkgAttestation *a = p->attestations->pdata[i];
      if (!td_assessment_write_attestation (db, id, td_package_standard (p, a->code)->id, a->attested, a->justification, error))
        goto fail;
    }
  if (!apply_evidence (p, db, id, error) || !apply_audit (p, db, id, error) ||
      !set_status (p, db, info, id, TD_ASSESSMENT_RECEIVED, NULL, error) ||
      !td_database_commit (db, error))
    goto fail;
  return TRUE;

fail:
  td_database_rollback (db);
  return FALSE;
}

/* Public API */

TdPackagePreview *
td_package_inspect (TdDatabase  *db,
                    const char  *path,
                    gsize        max_evidence_size,
                    GError     **error)
{
  g_autoptr(Package) p = td_package_read (db, path, max_evidence_size, error);

  return p ? package_preview (p, db, error) : NULL;
}

TdPackagePreview *
td_package_import (TdDatabase  *db,
                   const char  *path,
                   gsize        max_evidence_size,
                   GError     **error)
{
  g_autoptr(Package) p = td_package_read (db, path, max_evidence_size, error);
  g_autoptr(TdPackagePreview) preview = NULL;

  if (p == NULL || (preview = package_preview (p, db, error)) == NULL)
    return NULL;
  if (!package_apply (p, db, preview, error))
    return NULL;
  return g_steal_pointer (&preview);
}
