/* td-award.c: the nomination workflow and decisions.
 *
 * proposed → appraised → approved → in a decision, or returned with a reason from any step
 * before the decision; a returned nomination may be proposed again. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-audit.h"
#include "td-award.h"
#include "td-database-private.h"

G_DEFINE_QUARK (td-award-error-quark, td_award_error)

void
td_nomination_free (TdNomination *n)
{
  if (n == NULL)
    return;
  g_free (n->unit_name);
  g_free (n->person_name);
  g_free (n->person_position);
  g_free (n->achievement);
  g_free (n->status_reason);
  g_free (n);
}

gboolean
td_nomination_can_move (TdNominationStatus from,
                        TdNominationStatus to)
{
  switch (from)
    {
    case TD_NOMINATION_PROPOSED:
      return to == TD_NOMINATION_APPRAISED || to == TD_NOMINATION_RETURNED;
    case TD_NOMINATION_APPRAISED:
      return to == TD_NOMINATION_APPROVED || to == TD_NOMINATION_RETURNED;
    case TD_NOMINATION_APPROVED:
      return to == TD_NOMINATION_DECIDED || to == TD_NOMINATION_RETURNED;
    case TD_NOMINATION_RETURNED:
      return to == TD_NOMINATION_PROPOSED;
    case TD_NOMINATION_DECIDED:
    case TD_N_NOMINATION_STATUSES:
      break;
    }
  return FALSE;
}

static char *
unit_code (TdDatabase *db,
           gint64      unit_id)
{
  sqlite3_stmt *stmt = td_database_prepare (db, "SELECT code FROM unit WHERE id = ?", NULL);
  char *code = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    code = td_stmt_dup_text (stmt, 0);
  sqlite3_reset (stmt);
  return code;
}

gint64
td_nomination_create (TdDatabase             *db,
                      const TdNominationSpec *spec,
                      GError                **error)
{
  g_autofree char *code = NULL;
  g_autofree char *name = g_strstrip (g_strdup (spec->person_name ? spec->person_name : ""));
  sqlite3_stmt *stmt;
  gint64 id;

  if (spec->individual && *name == '\0')
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("An individual nomination needs the person's full name."));
      return 0;
    }

  if (!td_database_begin (db, error))
    return 0;
  stmt = td_database_prepare (db,
                              "INSERT INTO nomination (round_id, subject, unit_id, proposer_id, person_name,"
                              " person_position, level, achievement, standards_attested)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, spec->round_id);
  td_stmt_bind_text (stmt, 2, spec->individual ? "individual" : "collective");
  sqlite3_bind_int64 (stmt, 3, spec->unit_id);
  sqlite3_bind_int64 (stmt, 4, spec->proposer_id);
  td_stmt_bind_text (stmt, 5, spec->individual ? name : NULL);
  td_stmt_bind_text (stmt, 6, spec->individual ? spec->person_position : NULL);
  td_stmt_bind_text (stmt, 7, td_award_level_to_string (spec->level));
  td_stmt_bind_text (stmt, 8, spec->achievement ? spec->achievement : "");
  sqlite3_bind_int (stmt, 9, spec->standards_attested ? 1 : 0);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (td_database_get_handle (db));
  code = unit_code (db, spec->unit_id);
  if (!td_audit_record (db, "nomination", id, code, "status", NULL, "proposed", NULL, error) ||
      !td_database_commit (db, error))
    goto fail;
  return id;

fail:
  td_database_rollback (db);
  return 0;
}

static gboolean
move (TdDatabase          *db,
      gint64               nomination_id,
      TdNominationStatus   status,
      const char          *reason,
      gint64               decision_id,
      GError             **error)
{
  g_autofree char *old = NULL;
  g_autofree char *code = NULL;
  g_autofree char *clean_reason = g_strstrip (g_strdup (reason ? reason : ""));
  TdNominationStatus from;
  sqlite3_stmt *stmt;

  stmt = td_database_prepare (db, "SELECT n.status, u.code FROM nomination n JOIN unit u ON u.id = n.unit_id"
                                  " WHERE n.id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      old = td_stmt_dup_text (stmt, 0);
      code = td_stmt_dup_text (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (old == NULL || !td_nomination_status_from_string (old, &from))
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("The nomination no longer exists."));
      return FALSE;
    }
  if (!td_nomination_can_move (from, status))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_BAD_TRANSITION,
                   _("A nomination that is %s cannot become %s."),
                   td_nomination_status_get_label (from), td_nomination_status_get_label (status));
      return FALSE;
    }
  if (status == TD_NOMINATION_RETURNED && *clean_reason == '\0')
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_REASON_NEEDED,
                   _("Write why the nomination is returned."));
      return FALSE;
    }

  stmt = td_database_prepare (db, "UPDATE nomination SET status = ?, status_reason = ?, decision_id = ? WHERE id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, td_nomination_status_to_string (status));
  td_stmt_bind_text (stmt, 2, *clean_reason ? clean_reason : NULL);
  if (decision_id)
    sqlite3_bind_int64 (stmt, 3, decision_id);
  sqlite3_bind_int64 (stmt, 4, nomination_id);
  return td_database_step_done (db, stmt, error) &&
         td_audit_record (db, "nomination", nomination_id, code, "status", old,
                          td_nomination_status_to_string (status), *clean_reason ? clean_reason : NULL, error);
}

gboolean
td_nomination_set_status (TdDatabase          *db,
                          gint64               nomination_id,
                          TdNominationStatus   status,
                          const char          *reason,
                          GError             **error)
{
  if (status == TD_NOMINATION_DECIDED)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_BAD_TRANSITION,
                   _("A nomination goes into a decision only when the decision is drawn up."));
      return FALSE;
    }
  if (!td_database_begin (db, error))
    return FALSE;
  if (!move (db, nomination_id, status, reason, 0, error) || !td_database_commit (db, error))
    {
      td_database_rollback (db);
      return FALSE;
    }
  return TRUE;
}

static gpointer
nomination_from_row (sqlite3_stmt *stmt,
                     gpointer      user_data)
{
  TdNomination *n = g_new0 (TdNomination, 1);

  n->id = sqlite3_column_int64 (stmt, 0);
  n->round_id = sqlite3_column_int64 (stmt, 1);
  n->individual = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "individual") == 0;
  n->unit_id = sqlite3_column_int64 (stmt, 3);
  n->proposer_id = sqlite3_column_int64 (stmt, 4);
  n->unit_name = td_stmt_dup_text (stmt, 5);
  n->person_name = td_stmt_dup_text (stmt, 6);
  n->person_position = td_stmt_dup_text (stmt, 7);
  td_award_level_from_string ((const char *) sqlite3_column_text (stmt, 8), &n->level);
  n->achievement = td_stmt_dup_text (stmt, 9);
  n->standards_attested = sqlite3_column_int (stmt, 10);
  td_nomination_status_from_string ((const char *) sqlite3_column_text (stmt, 11), &n->status);
  n->status_reason = td_stmt_dup_text (stmt, 12);
  n->decision_id = sqlite3_column_int64 (stmt, 13);
  return n;
}

GPtrArray *
td_nomination_list (TdDatabase  *db,
                    gint64       round_id,
                    GError     **error)
{
  sqlite3_stmt *stmt = td_database_prepare (db,
                                            "SELECT n.id, n.round_id, n.subject, n.unit_id, n.proposer_id, u.name,"
                                            " n.person_name, n.person_position, n.level, n.achievement,"
                                            " n.standards_attested, n.status, n.status_reason, coalesce(n.decision_id, 0)"
                                            " FROM nomination n JOIN unit u ON u.id = n.unit_id"
                                            " WHERE (?1 = 0 OR n.round_id = ?1) ORDER BY n.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  return td_database_collect (db, stmt, nomination_from_row, NULL, (GDestroyNotify) td_nomination_free, error);
}

static char *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

gint64
td_decision_create (TdDatabase            *db,
                    const TdDecisionSpec  *spec,
                    const gint64          *nomination_ids,
                    guint                  n_nominations,
                    GError               **error)
{
  g_autofree char *now = td_database_now ();
  g_autofree char *bases = strv_to_json (spec->bases);
  g_autofree char *recipients = strv_to_json (spec->recipients);
  sqlite3_stmt *stmt;
  gint64 id;

  if (spec->authority == NULL || spec->signer_title == NULL || spec->signer_name == NULL)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("A decision needs the authority, the signer's title and the signer's name."));
      return 0;
    }

  if (!td_database_begin (db, error))
    return 0;
  stmt = td_database_prepare (db,
                              "INSERT INTO decision (round_id, level, number, signed_on, authority, signer_title,"
                              " signer_name, proposer, bases, recipients, created_at)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, spec->round_id);
  td_stmt_bind_text (stmt, 2, td_award_level_to_string (spec->level));
  td_stmt_bind_text (stmt, 3, spec->number ? spec->number : "");
  td_stmt_bind_text (stmt, 4, spec->signed_on);
  td_stmt_bind_text (stmt, 5, spec->authority);
  td_stmt_bind_text (stmt, 6, spec->signer_title);
  td_stmt_bind_text (stmt, 7, spec->signer_name);
  td_stmt_bind_text (stmt, 8, spec->proposer ? spec->proposer : "");
  td_stmt_bind_text (stmt, 9, bases);
  td_stmt_bind_text (stmt, 10, recipients);
  td_stmt_bind_text (stmt, 11, now);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (td_database_get_handle (db));

  for (guint i = 0; i < n_nominations; i++)
    {
      stmt = td_database_prepare (db, "SELECT level FROM nomination WHERE id = ?", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, nomination_ids[i]);
      if (sqlite3_step (stmt) == SQLITE_ROW &&
          g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), td_award_level_to_string (spec->level)) != 0)
        {
          sqlite3_reset (stmt);
          g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                       _("Nomination %d is for another award level than the decision."),
                       (int) nomination_ids[i]);
          goto fail;
        }
      sqlite3_reset (stmt);
      if (!move (db, nomination_ids[i], TD_NOMINATION_DECIDED, NULL, id, error))
        goto fail;
    }

  if (!td_audit_record (db, "decision", id, NULL, "created", NULL,
                        spec->number && *spec->number ? spec->number : "draft", NULL, error) ||
      !td_database_commit (db, error))
    goto fail;
  return id;

fail:
  td_database_rollback (db);
  return 0;
}
