/* td-package-import.c: what importing a package would do (the preview) and doing it, in one
 * transaction, once td-package-read.c has read and checked the file. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "td-audit.h"
#include "td-evidence.h"
#include "td-package-read.h"
#include "td-assessment.h"
#include "td-receive.h"

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
  return v ? td_value_format (v) : g_strdup ("∅");
}

/* What a revision holds, whoever exported it: the digests of its values, attestations and
 * evidence (not the manifest, whose time of export differs each time). */
static char *
content_digest (Package *p)
{
  g_autofree char *text = g_strdup_printf ("value:%s\nattestation:%s\nevidence:%s\nblob:%s\n",
                                           (const char *) g_hash_table_lookup (p->manifest, "sha256_value"),
                                           (const char *) g_hash_table_lookup (p->manifest, "sha256_attestation"),
                                           (const char *) g_hash_table_lookup (p->manifest, "sha256_evidence"),
                                           (const char *) g_hash_table_lookup (p->manifest, "sha256_blob"));
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/* Which way a package may travel: a unit's submission to the board, the board's return to
 * the unit it belongs to.  Nothing else is imported anywhere. */
static gboolean
check_direction (Package     *p,
                 TdDatabase  *db,
                 GError     **error)
{
  g_autofree char *own_unit = NULL;
  TdInstallation kind = td_database_get_installation (db, &own_unit);

  if (kind == TD_INSTALLATION_BOARD && p->status != TD_ASSESSMENT_SUBMITTED)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("The package says the self-assessment of %s was returned, but only the province returns a "
                     "self-assessment; a unit's package can only submit one. Nothing was imported."),
                   td_unit_get_name (p->unit));
      return FALSE;
    }
  if (kind == TD_INSTALLATION_UNIT && g_strcmp0 (own_unit, td_unit_get_code (p->unit)) != 0)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("The package belongs to %s; this installation is %s's. Nothing was imported."),
                   td_unit_get_name (p->unit), own_unit ? own_unit : "");
      return FALSE;
    }
  if (kind == TD_INSTALLATION_UNIT && p->status != TD_ASSESSMENT_RETURNED)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("The package is a submission to the province, not the province's answer. Send it to the "
                     "province instead of importing it here."));
      return FALSE;
    }
  return TRUE;
}

/* What importing @p would do against what @db holds now.  Called again inside the import's
 * write transaction, so that the revision checked is the revision replaced. */
static TdPackagePreview *
package_preview (Package     *p,
                 TdDatabase  *db,
                 GError     **error)
{
  g_autoptr(TdPackagePreview) preview = g_new0 (TdPackagePreview, 1);
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GHashTable) current = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *content = content_digest (p);
  gboolean received;

  if (!check_direction (p, db, error))
    return NULL;
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
  {
    const char *setup = g_hash_table_lookup (p->manifest, "setup_version");
    g_autofree char *ours = td_database_get_meta (db, "setup_version");

    preview->setup_version = setup ? (int) CLAMP (g_ascii_strtoll (setup, NULL, 10), 0, G_MAXINT) : 0;
    preview->board_setup_version = ours ? atoi (ours) : 0;
  }
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
      /* At the unit: the province's answer to what the unit submitted, exactly that revision:
       * not to an older one, and not to one the unit never sent (a forged revision would make
       * the board refuse the unit's every later submission). */
      if (info == NULL || info->revision != p->revision)
        {
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OLDER_REVISION,
                       _("The province returned revision %d of the self-assessment, but this installation "
                         "submitted revision %d. Nothing was imported."),
                       p->revision, info ? info->revision : 0);
          return NULL;
        }
      preview->kind = TD_IMPORT_RETURNED;
      return g_steal_pointer (&preview);
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
          g_autofree char *b = td_value_format (&v->value);
          g_ptr_array_add (preview->changes, g_strdup_printf (_("Target %u: %s → %s"), v->number, a, b));
        }
    }

  /* Received at the board before: anything but a draft the board never had from the unit. */
  received = info != NULL && info->status != TD_ASSESSMENT_DRAFT && current != NULL && g_hash_table_size (current) > 0;
  if (received && p->revision < info->revision)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OLDER_REVISION,
                   _("This database already has revision %d of %s's self-assessment; the package holds the older revision %d."),
                   info->revision, td_unit_get_name (p->unit), p->revision);
      return NULL;
    }
  if (received && p->revision == info->revision)
    {
      g_autofree char *had = td_assessment_get_received_content (db, info->id);
      /* Received before this check existed: the values decide. */
      gboolean same = had ? g_str_equal (had, content) : preview->changes->len == 0;

      if (!same)
        {
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_SAME_REVISION,
                       _("The package holds revision %d of %s's self-assessment with other content than the revision %d "
                         "the province already received, which stays as it is. A unit raises the revision with each "
                         "submission: ask the unit to submit again and send the new file."),
                       p->revision, td_unit_get_name (p->unit), info->revision);
          return NULL;
        }
      preview->kind = TD_IMPORT_SAME;
      return g_steal_pointer (&preview);
    }
  if (p->revision > (received ? info->revision : 0) + TD_PACKAGE_MAX_REVISION_GAP)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_REVISION_GAP,
                   _("The package says it is revision %d of %s's self-assessment, far beyond the revision %d the province "
                     "has; a unit raises the revision by one with each submission. Nothing was imported: ask the unit "
                     "to check the file it sent."),
                   p->revision, td_unit_get_name (p->unit), received ? info->revision : 0);
      return NULL;
    }
  preview->kind = received ? TD_IMPORT_REVISION : TD_IMPORT_NEW;
  return g_steal_pointer (&preview);
}

/* Writing */

/* The evidence of the new revision (td_receive_evidence says whose verdicts count). */
static gboolean
apply_evidence (Package     *p,
                TdDatabase  *db,
                gint64       assessment_id,
                gboolean     take_verdicts,
                GError     **error)
{
  g_autofree TdReceivedEvidence *items = g_new0 (TdReceivedEvidence, MAX (p->evidence->len, 1));

  for (guint i = 0; i < p->evidence->len; i++)
    {
      PkgEvidence *e = p->evidence->pdata[i];
      TdTarget *target = e->target_number ? td_package_target (p, e->target_number) : NULL;
      TdStandard *standard = td_package_standard (p, e->standard_code);

      items[i].sha256 = e->sha256;
      items[i].bytes = g_hash_table_lookup (p->blobs, e->sha256);
      items[i].page_count = GPOINTER_TO_INT (g_hash_table_lookup (p->pages, e->sha256));
      items[i].display_problem = g_hash_table_lookup (p->problems, e->sha256);
      items[i].file_name = e->file_name;
      items[i].added_at = e->added_at;
      items[i].target_id = target ? td_target_get_id (target) : 0;
      items[i].standard_id = standard ? standard->id : 0;
      items[i].verdict = e->verdict;
      items[i].verdict_comment = e->verdict_comment;
    }
  return td_receive_evidence (db, assessment_id, items, p->evidence->len, take_verdicts, error);
}

/* The board's verdict on each file the unit sent, matched by content: a file the unit never
 * sent is not added, and none of the unit's files is removed or replaced. */
static gboolean
apply_verdicts (Package     *p,
                TdDatabase  *db,
                gint64       assessment_id,
                GError     **error)
{
  for (guint i = 0; i < p->evidence->len; i++)
    {
      PkgEvidence *e = p->evidence->pdata[i];

      if (!td_receive_verdict (db, assessment_id, e->sha256, e->verdict, e->verdict_comment, error))
        return FALSE;
    }
  return TRUE;
}

/* The unit's own history, kept as the unit's, never in the board's audit log. */
static gboolean
apply_history (Package     *p,
               TdDatabase  *db,
               gint64       assessment_id,
               GError     **error)
{
  g_autofree TdAuditEntry *entries = g_new0 (TdAuditEntry, MAX (p->audit->len, 1));

  for (guint i = 0; i < p->audit->len; i++)
    {
      PkgAudit *a = p->audit->pdata[i];

      entries[i] = (TdAuditEntry) { .id = a->id, .at = a->at, .actor = a->actor, .entity = a->entity,
                                    .field = a->field, .old_value = a->old_value, .new_value = a->new_value,
                                    .reason = a->reason };
    }
  return td_receive_history (db, assessment_id, entries, p->audit->len, error);
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
  g_autofree char *base = g_path_get_basename (p->path);
  g_autofree char *why = g_strdup_printf ("import %s", base);
  g_autofree char *content = content_digest (p);
  /* How a submission arrived is the board's record (who signed what the province now holds;
   * "" says it came unsigned); at the unit, the return from the board leaves the clerk's own
   * submission as it was. */
  gboolean at_board = status != TD_ASSESSMENT_RETURNED;
  const char *signer = !at_board ? NULL : p->signature_info ? p->signature_info->signer->subject : "";

  const char *setup = g_hash_table_lookup (p->manifest, "setup_version");

  return td_receive_status (db, assessment_id, status, reason, p->revision, signer, at_board ? content : NULL, error) &&
         (!at_board || td_receive_submission (db, assessment_id, g_hash_table_lookup (p->manifest, "created_at"),
                                              setup ? (int) CLAMP (g_ascii_strtoll (setup, NULL, 10), 0, G_MAXINT) : 0,
                                              error)) &&
         td_audit_record (db, "assessment", assessment_id, td_unit_get_code (p->unit), "status",
                          info ? td_assessment_status_to_string (info->status) : NULL,
                          td_assessment_status_to_string (status), reason && *reason ? reason : why, error);
}

/* Checks against the database and writes, in one BEGIN IMMEDIATE transaction: a second import
 * running at the same time waits, and then sees what this one wrote. */
static TdPackagePreview *
package_apply (Package     *p,
               TdDatabase  *db,
               GError     **error)
{
  g_autoptr(TdPackagePreview) preview = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autofree TdTarget **targets = g_new0 (TdTarget *, p->values->len);
  g_autofree const TdValue **values = g_new0 (const TdValue *, p->values->len);
  g_autoptr(TdTransaction) tx = td_transaction_begin (db, error);
  gint64 id, start = g_get_monotonic_time (), committing;

  /* Any step that fails returns with the transaction rolled back (TdTransaction). */
  if (tx == NULL || (preview = package_preview (p, db, error)) == NULL)
    return NULL;
  if (preview->kind == TD_IMPORT_SAME)
    return g_steal_pointer (&preview);
  info = td_assessment_lookup (db, td_unit_get_id (p->unit), td_round_get_id (p->round), error);
  if (error && *error)
    return NULL;
  id = info ? info->id : td_assessment_ensure (db, td_unit_get_id (p->unit), td_round_get_id (p->round), error);
  if (id == 0)
    return NULL;

  if (preview->kind == TD_IMPORT_RETURNED)
    {
      /* At the unit: its own values and its own evidence stay; only the board's verdicts on the
       * files the unit sent are taken, and the form opens for editing with the reason. */
      if (!set_status (p, db, info, id, TD_ASSESSMENT_RETURNED, preview->status_reason, error) ||
          !apply_verdicts (p, db, id, error) ||
          !td_transaction_commit (tx, error))
        return NULL;
      return g_steal_pointer (&preview);
    }

  if (preview->kind == TD_IMPORT_REVISION && info != NULL && !td_assessment_archive_revision (db, id, info->revision, error))
    return NULL;
  for (guint i = 0; i < p->values->len; i++)
    {
      PkgValue *v = p->values->pdata[i];
      targets[i] = td_package_target (p, v->number);
      values[i] = &v->value;
    }
  if (!td_receive_values (db, id, targets, values, p->values->len, error))
    return NULL;
  for (guint i = 0; i < p->attestations->len; i++)
    {
      PkgAttestation *a = p->attestations->pdata[i];
      if (!td_receive_attestation (db, id, td_package_standard (p, a->code)->id, a->attested, a->justification, error))
        return NULL;
    }
  if (!apply_evidence (p, db, id, FALSE, error) || !apply_history (p, db, id, error) ||
      !set_status (p, db, info, id, TD_ASSESSMENT_RECEIVED, NULL, error))
    return NULL;
  committing = g_get_monotonic_time ();
  td_package_timings.write += committing - start;
  if (!td_transaction_commit (tx, error))
    return NULL;
  td_package_timings.commit += g_get_monotonic_time () - committing;
  return g_steal_pointer (&preview);
}

/* Public API */

TdPackagePreview *
td_package_take (Package     *p,
                 TdDatabase  *db,
                 gboolean     import,
                 GError     **error)
{
  return import ? package_apply (p, db, error) : package_preview (p, db, error);
}

TdPackagePreview *
td_package_inspect (TdDatabase  *db,
                    const char  *path,
                    gsize        max_evidence_size,
                    GError     **error)
{
  g_autoptr(Package) p = td_package_read (db, path, max_evidence_size, error);

  return p ? td_package_take (p, db, FALSE, error) : NULL;
}

TdPackagePreview *
td_package_import (TdDatabase  *db,
                   const char  *path,
                   gsize        max_evidence_size,
                   GError     **error)
{
  g_autoptr(Package) p = td_package_read (db, path, max_evidence_size, error);

  return p ? td_package_take (p, db, TRUE, error) : NULL;
}
