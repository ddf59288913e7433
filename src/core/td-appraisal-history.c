/* td-appraisal-history.c: the history of a nomination's steps, written row by row and never
 * rewritten (see td-appraisal-history.h). */
#include "config.h"

#include "td-appraisal-history.h"
#include "td-database-private.h"

void
td_step_record_free (TdStepRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->step);
  g_free (r->body_code);
  g_free (r->body_name);
  g_free (r->actor);
  g_free (r->at);
  g_free (r->verdict);
  g_free (r->opinion);
  g_free (r->reason);
  g_free (r->check_id);
  g_free (r);
}

gboolean
td_appraisal_record (TdDatabase   *db,
                     gint64        nomination_id,
                     const char   *step,
                     TdStepAction  action,
                     const char   *body_code,
                     const char   *verdict,
                     const char   *opinion,
                     const char   *reason,
                     const char   *check_id,
                     GError      **error)
{
  g_autofree char *now = td_database_now ();
  TdStmt *stmt = td_database_prepare (db, "INSERT INTO nomination_step (nomination_id, step, action, body_code,"
                                          " actor, at, verdict, opinion, reason, check_id)"
                                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, nomination_id);
  td_stmt_bind_text (stmt, 2, step);
  td_stmt_bind_text (stmt, 3, td_step_action_to_string (action));
  td_stmt_bind_text (stmt, 4, body_code);
  td_stmt_bind_text (stmt, 5, td_database_get_actor (db));
  td_stmt_bind_text (stmt, 6, now);
  td_stmt_bind_text (stmt, 7, verdict);
  td_stmt_bind_text (stmt, 8, opinion ? opinion : "");
  td_stmt_bind_text (stmt, 9, reason ? reason : "");
  td_stmt_bind_text (stmt, 10, check_id);
  return td_database_step_done (db, stmt, error);
}

static gpointer
record_from_row (TdStmt       *stmt,
                 gpointer      user_data)
{
  TdStepRecord *r = g_new0 (TdStepRecord, 1);
  const char *action = (const char *) td_stmt_column_text (stmt, 2);

  r->id = td_stmt_column_int64 (stmt, 0);
  r->step = td_stmt_dup_text (stmt, 1);
  td_step_action_from_string (action, &r->action);
  r->body_code = td_stmt_dup_text (stmt, 3);
  r->actor = td_stmt_dup_text (stmt, 4);
  r->at = td_stmt_dup_text (stmt, 5);
  r->verdict = td_stmt_dup_text (stmt, 6);
  r->opinion = td_stmt_dup_text (stmt, 7);
  r->reason = td_stmt_dup_text (stmt, 8);
  r->check_id = td_stmt_dup_text (stmt, 9);
  r->body_name = td_stmt_dup_text (stmt, 10);
  return r;
}

GPtrArray *
td_appraisal_history (TdDatabase  *db,
                      gint64       nomination_id,
                      GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT s.id, s.step, s.action, s.body_code, s.actor, s.at, s.verdict,"
                                          " s.opinion, s.reason, s.check_id, u.name FROM nomination_step s"
                                          " LEFT JOIN unit u ON u.code = s.body_code"
                                          " WHERE s.nomination_id = ? ORDER BY s.id", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, nomination_id);
  return td_database_collect (db, stmt, record_from_row, NULL, (GDestroyNotify) td_step_record_free, error);
}

guint
td_appraisal_steps_done (TdDatabase  *db,
                         gint64       nomination_id,
                         GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT steps_done FROM nomination WHERE id = ?", error);
  guint done = 0;

  if (stmt == NULL)
    return 0;
  td_stmt_bind_int64 (stmt, 1, nomination_id);
  if (td_stmt_step (stmt) == TD_ROW)
    done = (guint) td_stmt_column_int (stmt, 0);
  td_stmt_reset (stmt);
  return done;
}
