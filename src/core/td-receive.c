/* td-receive.c: the statements that store a received package (see td-receive.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-database-private.h"
#include "td-receive.h"

gboolean
td_receive_evidence (TdDatabase               *db,
                     gint64                    assessment_id,
                     const TdReceivedEvidence *items,
                     guint                     n_items,
                     gboolean                  take_verdicts,
                     GError                  **error)
{
  TdStmt *stmt;

  /* The verdicts given so far, by file, before the rows go. */
  if (!td_database_exec (db, "CREATE TEMP TABLE IF NOT EXISTS import_verdict (sha256 TEXT PRIMARY KEY, verdict TEXT,"
                             " verdict_comment TEXT, reviewed_by TEXT, reviewed_at TEXT) WITHOUT ROWID;"
                             "DELETE FROM temp.import_verdict", error))
    return FALSE;
  stmt = td_database_prepare (db, "INSERT OR IGNORE INTO temp.import_verdict SELECT sha256, verdict, verdict_comment,"
                                  " reviewed_by, reviewed_at FROM evidence WHERE assessment_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  stmt = td_database_prepare (db, "DELETE FROM evidence WHERE assessment_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    {
      const TdReceivedEvidence *e = &items[i];

      stmt = td_database_prepare (db, "INSERT INTO evidence_blob (sha256, size, page_count, data, display_problem)"
                                      " VALUES (?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, e->sha256);
      td_stmt_bind_int64 (stmt, 2, (gint64) g_bytes_get_size (e->bytes));
      td_stmt_bind_int (stmt, 3, e->page_count);
      td_stmt_bind_blob (stmt, 4, g_bytes_get_data (e->bytes, NULL), g_bytes_get_size (e->bytes));
      td_stmt_bind_text (stmt, 5, e->display_problem);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;

      stmt = td_database_prepare (db,
                                  take_verdicts
                                  ? "INSERT INTO evidence (sha256, file_name, added_at, assessment_id, target_id, standard_id,"
                                    " verdict, verdict_comment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                                  : "INSERT INTO evidence (sha256, file_name, added_at, assessment_id, target_id, standard_id,"
                                    " verdict, verdict_comment, reviewed_by, reviewed_at)"
                                    " SELECT ?1, ?2, ?3, ?4, ?5, ?6, coalesce(k.verdict, 'unreviewed'),"
                                    " coalesce(k.verdict_comment, ''), k.reviewed_by, k.reviewed_at"
                                    " FROM (SELECT 1) LEFT JOIN temp.import_verdict k ON k.sha256 = ?1", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, e->sha256);
      td_stmt_bind_text (stmt, 2, e->file_name);
      td_stmt_bind_text (stmt, 3, e->added_at);
      td_stmt_bind_int64 (stmt, 4, assessment_id);
      if (e->target_id > 0)
        td_stmt_bind_int64 (stmt, 5, e->target_id);
      if (e->standard_id > 0)
        td_stmt_bind_int64 (stmt, 6, e->standard_id);
      if (take_verdicts)
        {
          td_stmt_bind_text (stmt, 7, e->verdict);
          td_stmt_bind_text (stmt, 8, e->verdict_comment);
        }
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_receive_history (TdDatabase          *db,
                    gint64               assessment_id,
                    const TdAuditEntry  *entries,
                    guint                n_entries,
                    GError             **error)
{
  for (guint i = 0; i < n_entries; i++)
    {
      const TdAuditEntry *a = &entries[i];
      TdStmt *stmt = td_database_prepare (db,
                                                "INSERT INTO unit_history (assessment_id, source_id, at, actor, entity, field,"
                                                " old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                                " ON CONFLICT DO NOTHING", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_int64 (stmt, 1, assessment_id);
      td_stmt_bind_int64 (stmt, 2, a->id);
      td_stmt_bind_text (stmt, 3, a->at);
      td_stmt_bind_text (stmt, 4, a->actor);
      td_stmt_bind_text (stmt, 5, a->entity);
      td_stmt_bind_text (stmt, 6, a->field);
      td_stmt_bind_text (stmt, 7, a->old_value);
      td_stmt_bind_text (stmt, 8, a->new_value);
      td_stmt_bind_text (stmt, 9, a->reason);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
td_receive_verdict (TdDatabase  *db,
                    gint64       assessment_id,
                    const char  *sha256,
                    const char  *verdict,
                    const char  *comment,
                    GError     **error)
{
  TdVerdict v;
  TdStmt *stmt;

  if (!td_verdict_from_string (verdict, &v))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                   _("The returned package holds a verdict this version does not know (“%s”). Nothing was imported."),
                   verdict ? verdict : "");
      return FALSE;
    }
  stmt = td_database_prepare (db, "UPDATE evidence SET verdict = ?, verdict_comment = ? WHERE assessment_id = ?"
                                  " AND sha256 = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, verdict);
  td_stmt_bind_text (stmt, 2, comment ? comment : "");
  td_stmt_bind_int64 (stmt, 3, assessment_id);
  td_stmt_bind_text (stmt, 4, sha256);
  return td_database_step_done (db, stmt, error);
}

gboolean
td_receive_status (TdDatabase          *db,
                   gint64               assessment_id,
                   TdAssessmentStatus   status,
                   const char          *reason,
                   int                  revision,
                   const char          *signer,
                   const char          *content,
                   GError             **error)
{
  g_autofree char *now = td_database_now ();
  gboolean at_board = signer != NULL;
  TdStmt *stmt = td_database_prepare (db, at_board
                                      ? "UPDATE assessment SET status = ?1, status_reason = ?2, revision = ?3,"
                                        " updated_at = ?4, received_signature = ?5, received_content = ?6 WHERE id = ?7"
                                      : "UPDATE assessment SET status = ?1, status_reason = ?2, revision = ?3,"
                                        " updated_at = ?4 WHERE id = ?7", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, td_assessment_status_to_string (status));
  td_stmt_bind_text (stmt, 2, reason && *reason ? reason : NULL);
  td_stmt_bind_int (stmt, 3, revision);
  td_stmt_bind_text (stmt, 4, now);
  td_stmt_bind_text (stmt, 5, signer);
  td_stmt_bind_text (stmt, 6, content);
  td_stmt_bind_int64 (stmt, 7, assessment_id);
  return td_database_step_done (db, stmt, error);
}

gboolean
td_receive_submission (TdDatabase  *db,
                       gint64       assessment_id,
                       const char  *created_at,
                       int          setup_version,
                       GError     **error)
{
  g_autofree char *now = td_database_now ();
  TdStmt *stmt = td_database_prepare (db, "UPDATE assessment SET submitted_at = ?, received_at = ?, setup_version = ?"
                                          " WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, created_at);
  td_stmt_bind_text (stmt, 2, now);
  if (setup_version > 0)
    td_stmt_bind_int (stmt, 3, setup_version);
  else
    td_stmt_bind_null (stmt, 3);
  td_stmt_bind_int64 (stmt, 4, assessment_id);
  return td_database_step_done (db, stmt, error);
}
