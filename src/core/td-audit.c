/* td-audit.c: the append-only audit log. */

#include "td-audit.h"
#include "td-database-private.h"

void
td_audit_entry_free (TdAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->actor);
  g_free (entry->entity);
  g_free (entry->unit_code);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->reason);
  g_free (entry);
}

gboolean
td_audit_record (TdDatabase  *db,
                 const char  *entity,
                 gint64       entity_id,
                 const char  *unit_code,
                 const char  *field,
                 const char  *old_value,
                 const char  *new_value,
                 const char  *reason,
                 GError     **error)
{
  g_autofree char *now = td_database_now ();
  TdStmt *stmt;

  stmt = td_database_prepare (db,
                              "INSERT INTO audit (at, actor, entity, entity_id, unit_code, field,"
                              " old_value, new_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, now);
  td_stmt_bind_text (stmt, 2, td_database_get_actor (db));
  td_stmt_bind_text (stmt, 3, entity);
  td_stmt_bind_int64 (stmt, 4, entity_id);
  td_stmt_bind_text (stmt, 5, unit_code);
  td_stmt_bind_text (stmt, 6, field);
  td_stmt_bind_text (stmt, 7, old_value);
  td_stmt_bind_text (stmt, 8, new_value);
  td_stmt_bind_text (stmt, 9, reason);
  return td_database_step_done (db, stmt, error);
}

static gpointer
entry_from_row (TdStmt       *stmt,
                gpointer      user_data)
{
  TdAuditEntry *e = g_new0 (TdAuditEntry, 1);

  e->id = td_stmt_column_int64 (stmt, 0);
  e->at = td_stmt_dup_text (stmt, 1);
  e->actor = td_stmt_dup_text (stmt, 2);
  e->entity = td_stmt_dup_text (stmt, 3);
  e->entity_id = td_stmt_column_int64 (stmt, 4);
  e->unit_code = td_stmt_dup_text (stmt, 5);
  e->field = td_stmt_dup_text (stmt, 6);
  e->old_value = td_stmt_dup_text (stmt, 7);
  e->new_value = td_stmt_dup_text (stmt, 8);
  e->reason = td_stmt_dup_text (stmt, 9);
  return e;
}

GPtrArray *
td_audit_list (TdDatabase  *db,
               const char  *unit_code,
               guint        limit,
               GError     **error)
{
  TdStmt *stmt;

  stmt = td_database_prepare (db,
                              "SELECT id, at, actor, entity, entity_id, unit_code, field, old_value,"
                              " new_value, reason FROM audit WHERE (?1 IS NULL OR unit_code = ?1)"
                              " ORDER BY id DESC LIMIT ?2", error);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, unit_code);
  td_stmt_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return td_database_collect (db, stmt, entry_from_row, NULL, (GDestroyNotify) td_audit_entry_free, error);
}

GPtrArray *
td_audit_list_entity (TdDatabase  *db,
                      const char  *entity,
                      gint64       entity_id,
                      GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT id, at, actor, entity, entity_id, unit_code, field, old_value,"
                                          " new_value, reason FROM audit WHERE entity = ? AND entity_id = ?"
                                          " ORDER BY id", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, entity);
  td_stmt_bind_int64 (stmt, 2, entity_id);
  return td_database_collect (db, stmt, entry_from_row, NULL, (GDestroyNotify) td_audit_entry_free, error);
}

GPtrArray *
td_audit_list_unit_history (TdDatabase  *db,
                            const char  *unit_code,
                            guint        limit,
                            GError     **error)
{
  /* Same columns as the board's log: entity_id is the self-assessment the entry came with. */
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT h.id, h.at, h.actor, h.entity, h.assessment_id, u.code, h.field,"
                                            " h.old_value, h.new_value, h.reason FROM unit_history h"
                                            " JOIN assessment a ON a.id = h.assessment_id JOIN unit u ON u.id = a.unit_id"
                                            " WHERE (?1 IS NULL OR u.code = ?1) ORDER BY h.at DESC, h.source_id DESC LIMIT ?2",
                                            error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, unit_code);
  td_stmt_bind_int64 (stmt, 2, limit > 0 ? (gint64) limit : -1);
  return td_database_collect (db, stmt, entry_from_row, NULL, (GDestroyNotify) td_audit_entry_free, error);
}
