/* td-snapshot.c: the rows of an export (see td-snapshot.h). */
#include "config.h"

#include "td-database-private.h"
#include "td-snapshot.h"

static const char * const part_sql[] = {
  [TD_SNAPSHOT_VALUES] =
    "SELECT t.number, v.numerator, v.denominator, v.index_value, v.not_applicable, v.na_reason,"
    " v.note, v.updated_at FROM assessment_value v JOIN target t ON t.id = v.target_id"
    " WHERE v.assessment_id = ?1",
  [TD_SNAPSHOT_ATTESTATIONS] =
    "SELECT s.code, a.attested, a.justification FROM attestation a"
    " JOIN standard s ON s.id = a.standard_id WHERE a.assessment_id = ?1",
  [TD_SNAPSHOT_EVIDENCE] =
    "SELECT e.id, e.sha256, e.file_name, t.number, s.code, e.added_at, e.verdict, e.verdict_comment"
    " FROM evidence e LEFT JOIN target t ON t.id = e.target_id"
    " LEFT JOIN standard s ON s.id = e.standard_id WHERE e.assessment_id = ?1",
  [TD_SNAPSHOT_BLOBS] =
    "SELECT b.sha256, b.data FROM evidence_blob b WHERE b.sha256 IN"
    " (SELECT sha256 FROM evidence WHERE assessment_id = ?1)",
  /* The history of this self-assessment travels with it. */
  [TD_SNAPSHOT_HISTORY] =
    "SELECT id, at, actor, entity, field, old_value, new_value, reason FROM audit"
    " WHERE entity_id = ?1 AND entity IN ('value', 'attestation', 'assessment')"
    " AND unit_code = ?2 ORDER BY id",
};

gboolean
td_snapshot_read (TdDatabase         *db,
                  TdSnapshotPart      part,
                  gint64              assessment_id,
                  const char         *unit_code,
                  TdSnapshotRowFunc   func,
                  gpointer            user_data,
                  GError            **error)
{
  TdStmt *stmt;
  int rc;

  g_return_val_if_fail (part <= TD_SNAPSHOT_HISTORY, FALSE);
  stmt = td_database_prepare (db, part_sql[part], error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  if (part == TD_SNAPSHOT_HISTORY)
    td_stmt_bind_text (stmt, 2, unit_code);

  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      int n = td_stmt_column_count (stmt);
      g_autofree GValue *columns = g_new0 (GValue, n);
      gboolean ok;

      for (int c = 0; c < n; c++)
        switch (td_stmt_column_type (stmt, c))
          {
          case TD_VALUE_INTEGER:
            g_value_init (&columns[c], G_TYPE_INT64);
            g_value_set_int64 (&columns[c], td_stmt_column_int64 (stmt, c));
            break;
          case TD_VALUE_FLOAT:
            g_value_init (&columns[c], G_TYPE_DOUBLE);
            g_value_set_double (&columns[c], td_stmt_column_double (stmt, c));
            break;
          case TD_VALUE_TEXT:
            g_value_init (&columns[c], G_TYPE_STRING);
            g_value_set_string (&columns[c], (const char *) td_stmt_column_text (stmt, c));
            break;
          case TD_VALUE_BLOB:
            g_value_init (&columns[c], G_TYPE_BYTES);
            g_value_take_boxed (&columns[c], g_bytes_new (td_stmt_column_blob (stmt, c), td_stmt_column_bytes (stmt, c)));
            break;
          default:
            break;   /* NULL: left unset */
          }
      ok = func (columns, (guint) n, user_data, error);
      for (int c = 0; c < n; c++)
        if (G_IS_VALUE (&columns[c]))
          g_value_unset (&columns[c]);
      if (!ok)
        {
          td_stmt_reset (stmt);
          return FALSE;
        }
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}
