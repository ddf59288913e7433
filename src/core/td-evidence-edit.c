/* td-evidence-edit.c: a wrong file taken off, put back, or replaced by the right one.
 *
 * A clerk who attached the wrong PDF must be able to take it off before the package goes to the
 * province, and to change their mind at once (the form's toast offers Undo).  The file itself
 * stays stored: removing is a change to what the self-assessment cites, not to the store. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-assessment.h"
#include "td-audit.h"
#include "td-database-private.h"
#include "td-evidence.h"
#include "td-evidence-private.h"
#include "td-session.h"

/* Evidence of a self-assessment changes only while the self-assessment can (a nomination's is
 * the board's, and follows the nomination's own steps). */
static gboolean
check_editable (TdDatabase            *db,
                const TdEvidenceOwner *owner,
                GError               **error)
{
  g_autoptr(TdAssessmentInfo) info = NULL;

  if (owner->assessment_id == 0)
    return TRUE;
  info = td_assessment_get_info (db, owner->assessment_id, error);
  if (info == NULL)
    return FALSE;
  if (!td_assessment_status_is_editable (info->status))
    {
      g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY,
                   _("This self-assessment is %s and its evidence can no longer be changed. Withdraw the submission, "
                     "or wait until the province returns it."),
                   td_assessment_status_get_label (info->status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
remove_row (TdDatabase            *db,
            const TdEvidenceInfo  *e,
            GError               **error)
{
  TdStmt *stmt = td_database_prepare (db, "DELETE FROM evidence WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, e->id);
  return td_database_step_done (db, stmt, error) &&
         td_audit_record (db, "evidence", e->id, NULL, "removed", e->file_name, NULL, NULL, error);
}

gboolean
td_evidence_remove (TdDatabase      *db,
                    gint64           evidence_id,
                    TdEvidenceInfo **removed,
                    GError         **error)
{
  g_autoptr(TdTransaction) tx = td_transaction_begin (db, error);
  g_autoptr(TdEvidenceInfo) e = tx ? td_evidence_get (db, evidence_id, error) : NULL;

  if (e == NULL || !check_editable (db, &e->owner, error) || !remove_row (db, e, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  if (removed)
    *removed = g_steal_pointer (&e);
  return TRUE;
}

gint64
td_evidence_restore (TdDatabase            *db,
                     const TdEvidenceInfo  *e,
                     GError               **error)
{
  g_autoptr(TdTransaction) tx = td_transaction_begin (db, error);
  TdStmt *stmt;
  gint64 id;

  if (tx == NULL || !check_editable (db, &e->owner, error))
    return 0;
  stmt = td_database_prepare (db,
                              "INSERT INTO evidence (sha256, file_name, added_at, assessment_id, target_id, standard_id,"
                              " nomination_id, verdict, verdict_comment, reviewed_by, reviewed_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_text (stmt, 1, e->sha256);
  td_stmt_bind_text (stmt, 2, e->file_name);
  td_stmt_bind_text (stmt, 3, e->added_at);
#define BIND_ID(i, v) ((v) ? td_stmt_bind_int64 (stmt, i, v) : td_stmt_bind_null (stmt, i))
  BIND_ID (4, e->owner.assessment_id);
  BIND_ID (5, e->owner.target_id);
  BIND_ID (6, e->owner.standard_id);
  BIND_ID (7, e->owner.nomination_id);
#undef BIND_ID
  td_stmt_bind_text (stmt, 8, td_verdict_to_string (e->verdict));
  td_stmt_bind_text (stmt, 9, e->verdict_comment ? e->verdict_comment : "");
  td_stmt_bind_text (stmt, 10, e->reviewed_by);
  td_stmt_bind_text (stmt, 11, e->reviewed_at);
  if (!td_database_step_done (db, stmt, error))
    return 0;
  id = td_conn_last_insert_id (td_database_get_handle (db));
  if (!td_audit_record (db, "evidence", id, NULL, "restored", NULL, e->file_name, NULL, error) ||
      !td_transaction_commit (tx, error))
    return 0;
  return id;
}

gint64
td_evidence_replace (TdDatabase      *db,
                     gint64           evidence_id,
                     GBytes          *bytes,
                     const char      *file_name,
                     gsize            max_size,
                     TdEvidenceInfo **removed,
                     GError         **error)
{
  g_autoptr(TdEvidenceInfo) old = td_evidence_get (db, evidence_id, error);
  g_autoptr(TdTransaction) tx = NULL;
  gint64 id;
  int pages = 0;

  /* The new file is checked first, outside the transaction (drawing every page may take a
   * while, and nothing is locked meanwhile): one that is not a usable PDF changes nothing. */
  if (old == NULL || !check_editable (db, &old->owner, error) || !td_evidence_inspect (bytes, max_size, &pages, error))
    return 0;
  tx = td_transaction_begin (db, error);
  /* Read again inside: what is replaced is what is there now. */
  g_clear_pointer (&old, td_evidence_info_free);
  if (tx == NULL || (old = td_evidence_get (db, evidence_id, error)) == NULL || !check_editable (db, &old->owner, error))
    return 0;
  id = td_evidence_store_checked (db, bytes, pages, file_name, &old->owner, error);
  /* The same file again is no change. */
  if (id == 0 || (id != old->id && !remove_row (db, old, error)) || !td_transaction_commit (tx, error))
    return 0;
  if (removed)
    *removed = id != old->id ? g_steal_pointer (&old) : NULL;
  return id;
}

typedef struct {
  GBytes          *bytes;
  char            *file_name;
  TdEvidenceOwner  owner;
  gsize            max_size;
} AttachJob;

static void
attach_job_free (AttachJob *job)
{
  g_bytes_unref (job->bytes);
  g_free (job->file_name);
  g_free (job);
}

static gpointer
attach_job (TdDatabase    *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  AttachJob *job = data;
  gint64 id = td_evidence_attach (db, job->bytes, job->file_name, &job->owner, job->max_size, error);

  return id != 0 ? g_memdup2 (&id, sizeof id) : NULL;
}

void
td_evidence_attach_async (TdDatabase            *db,
                          GBytes                *bytes,
                          const char            *file_name,
                          const TdEvidenceOwner *owner,
                          gsize                  max_size,
                          GCancellable          *cancellable,
                          GAsyncReadyCallback    callback,
                          gpointer               user_data)
{
  AttachJob *job = g_new0 (AttachJob, 1);

  job->bytes = g_bytes_ref (bytes);
  job->file_name = g_strdup (file_name);
  job->owner = *owner;
  job->max_size = max_size;
  /* As the person the window acts as: the session's job takes the main connection's actor. */
  td_session_run_async (td_session_get (db), attach_job, job, (GDestroyNotify) attach_job_free, g_free, cancellable,
                        callback, user_data);
}

gint64
td_evidence_attach_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_autofree gint64 *id = td_session_propagate (result, error);

  /* 0 for a failure, like td_evidence_attach(). */
  return id != NULL ? *id : 0;
}
