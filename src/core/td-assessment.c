/* td-assessment.c: self-assessment values, attestations and the status workflow.
 *
 * The workflow (draft → submitted → received → appraised, or returned with a reason) is
 * enforced here and not only in the UI, so that the command line and imports obey it too. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-assessment-private.h"
#include "td-receive.h"
#include "td-audit.h"
#include "td-database-private.h"
#include "td-catalog.h"
#include "td-format.h"
#include "td-rules.h"
#include "td-unit.h"

G_DEFINE_QUARK (td-assessment-error-quark, td_assessment_error)

void
td_assessment_info_free (TdAssessmentInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->status_reason);
  g_free (info->updated_at);
  g_free (info->received_signature);
  g_free (info);
}

/* The audit log names the unit by its code, which survives export and import. */
static char *
unit_code_of (TdDatabase *db,
              gint64      assessment_id)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT u.code FROM assessment a JOIN unit u ON u.id = a.unit_id WHERE a.id = ?",
                                            NULL);
  char *code = NULL;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  if (td_stmt_step (stmt) == TD_ROW)
    code = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  return code;
}

static gboolean
audit (TdDatabase  *db,
       const char  *entity,
       gint64       assessment_id,
       const char  *field,
       const char  *old_value,
       const char  *new_value,
       const char  *reason,
       GError     **error)
{
  g_autofree char *code = unit_code_of (db, assessment_id);

  return td_audit_record (db, entity, assessment_id, code, field, old_value, new_value, reason, error);
}

static TdAssessmentInfo *
info_from_stmt (TdDatabase    *db,
                TdStmt        *stmt,
                GError       **error)
{
  TdAssessmentInfo *info = NULL;
  int rc = td_stmt_step (stmt);

  if (rc == TD_ROW)
    {
      info = g_new0 (TdAssessmentInfo, 1);
      info->id = td_stmt_column_int64 (stmt, 0);
      info->unit_id = td_stmt_column_int64 (stmt, 1);
      info->round_id = td_stmt_column_int64 (stmt, 2);
      td_assessment_status_from_string ((const char *) td_stmt_column_text (stmt, 3), &info->status);
      info->status_reason = td_stmt_dup_text (stmt, 4);
      info->revision = td_stmt_column_int (stmt, 5);
      info->updated_at = td_stmt_dup_text (stmt, 6);
      info->received_signature = td_stmt_dup_text (stmt, 7);
    }
  else if (rc != TD_DONE)
    td_database_set_error (db, rc, error);
  td_stmt_reset (stmt);
  return info;
}

#define INFO_COLUMNS "SELECT id, unit_id, round_id, status, status_reason, revision, updated_at, received_signature" \
                     " FROM assessment "

TdAssessmentInfo *
td_assessment_lookup (TdDatabase  *db,
                      gint64       unit_id,
                      gint64       round_id,
                      GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, INFO_COLUMNS "WHERE unit_id = ? AND round_id = ?", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, unit_id);
  td_stmt_bind_int64 (stmt, 2, round_id);
  return info_from_stmt (db, stmt, error);
}

TdAssessmentInfo *
td_assessment_get_info (TdDatabase  *db,
                        gint64       assessment_id,
                        GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, INFO_COLUMNS "WHERE id = ?", error);
  TdAssessmentInfo *info;
  g_autoptr(GError) local = NULL;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  info = info_from_stmt (db, stmt, &local);
  if (info == NULL && local == NULL)
    g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND,
                 _("The self-assessment no longer exists."));
  else if (local != NULL)
    g_propagate_error (error, g_steal_pointer (&local));
  return info;
}

gint64
td_assessment_ensure (TdDatabase  *db,
                      gint64       unit_id,
                      gint64       round_id,
                      GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *now = NULL;
  TdStmt *stmt;
  gint64 id;

  info = td_assessment_lookup (db, unit_id, round_id, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  if (info != NULL)
    return info->id;

  now = td_database_now ();
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return 0;
  stmt = td_database_prepare (db,
                              "INSERT INTO assessment (unit_id, round_id, status, updated_at) VALUES (?, ?, 'draft', ?)",
                              error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_int64 (stmt, 1, unit_id);
  td_stmt_bind_int64 (stmt, 2, round_id);
  td_stmt_bind_text (stmt, 3, now);
  if (!td_database_step_done (db, stmt, error))
    return 0;
  id = td_conn_last_insert_id (td_database_get_handle (db));
  if (!audit (db, "assessment", id, "status", NULL, "draft", NULL, error) ||
      !td_transaction_commit (tx, error))
    return 0;
  return id;
}

gboolean
td_assessment_status_is_editable (TdAssessmentStatus status)
{
  return status == TD_ASSESSMENT_DRAFT || status == TD_ASSESSMENT_RETURNED;
}

gboolean
td_assessment_can_move (TdAssessmentStatus from,
                        TdAssessmentStatus to)
{
  switch (from)
    {
    case TD_ASSESSMENT_DRAFT:
      return to == TD_ASSESSMENT_SUBMITTED;
    case TD_ASSESSMENT_SUBMITTED:
      /* Back to draft is the clerk withdrawing before the file is sent. */
      return to == TD_ASSESSMENT_DRAFT || to == TD_ASSESSMENT_RECEIVED || to == TD_ASSESSMENT_RETURNED;
    case TD_ASSESSMENT_RECEIVED:
      return to == TD_ASSESSMENT_APPRAISED || to == TD_ASSESSMENT_RETURNED;
    case TD_ASSESSMENT_RETURNED:
      return to == TD_ASSESSMENT_SUBMITTED;
    case TD_ASSESSMENT_APPRAISED:
      return to == TD_ASSESSMENT_RETURNED;
    case TD_N_ASSESSMENT_STATUSES:
      break;
    }
  return FALSE;
}

void
td_assessment_read_figures (TdStmt  *stmt,
                            int      col,
                            TdValue *v)
{
  v->has_numerator = td_stmt_column_type (stmt, col) != TD_VALUE_NULL;
  v->numerator = td_stmt_column_int64 (stmt, col);
  v->has_denominator = td_stmt_column_type (stmt, col + 1) != TD_VALUE_NULL;
  v->denominator = td_stmt_column_int64 (stmt, col + 1);
  v->has_index = td_stmt_column_type (stmt, col + 2) != TD_VALUE_NULL;
  v->index_value = td_stmt_column_double (stmt, col + 2);
  v->not_applicable = td_stmt_column_int (stmt, col + 3);
}

static void
value_from_row (TdStmt       *stmt,
                int           col,
                TdValue      *v)
{
  td_assessment_read_figures (stmt, col, v);
  v->na_reason = td_stmt_dup_text (stmt, col + 4);
  v->note = td_stmt_dup_text (stmt, col + 5);
}

GHashTable *
td_assessment_load_values (TdDatabase  *db,
                           gint64       assessment_id,
                           GError     **error)
{
  g_autoptr(GHashTable) values = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) td_value_free);
  TdStmt *stmt;
  int rc;

  stmt = td_database_prepare (db,
                              "SELECT target_id, numerator, denominator, index_value, not_applicable,"
                              " na_reason, note FROM assessment_value WHERE assessment_id = ?", error);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      TdValue *v = td_value_new ();
      gint64 *key = g_new (gint64, 1);

      *key = td_stmt_column_int64 (stmt, 0);
      value_from_row (stmt, 1, v);
      g_hash_table_insert (values, key, v);
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&values);
}

static gboolean
check_editable (TdDatabase  *db,
                gint64       assessment_id,
                GError     **error)
{
  g_autoptr(TdAssessmentInfo) info = td_assessment_get_info (db, assessment_id, error);

  if (info == NULL)
    return FALSE;
  if (!td_assessment_status_is_editable (info->status))
    {
      g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY,
                   _("This self-assessment is %s and can no longer be changed. Withdraw the submission, or wait until the province returns it."),
                   td_assessment_status_get_label (info->status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
touch (TdDatabase  *db,
       gint64       assessment_id,
       const char  *now,
       GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "UPDATE assessment SET updated_at = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, now);
  td_stmt_bind_int64 (stmt, 2, assessment_id);
  return td_database_step_done (db, stmt, error);
}

/* Writes one value inside the caller's transaction; FALSE on error.  @old is what is stored now
 * (NULL: nothing); *changed says whether anything was written. */
static gboolean
write_value (TdDatabase    *db,
             gint64         assessment_id,
             const char    *unit_code,
             TdTarget      *target,
             const TdValue *old,
             const TdValue *value,
             const char    *now,
             gboolean      *changed,
             GError       **error)
{
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *field = NULL;
  TdStmt *stmt;

  *changed = FALSE;
  if (old != NULL && td_value_equal (old, value))
    return TRUE;

  /* We know whether a row exists, so a plain INSERT or UPDATE does, cheaper than an upsert. */
  if (old == NULL)
    stmt = td_database_prepare (db,
                                "INSERT INTO assessment_value (assessment_id, target_id, numerator, denominator,"
                                " index_value, not_applicable, na_reason, note, updated_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  else
    stmt = td_database_prepare (db,
                                "UPDATE assessment_value SET numerator = ?3, denominator = ?4, index_value = ?5,"
                                " not_applicable = ?6, na_reason = ?7, note = ?8, updated_at = ?9"
                                " WHERE assessment_id = ?1 AND target_id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  td_stmt_bind_int64 (stmt, 2, td_target_get_id (target));
  if (value->has_numerator)
    td_stmt_bind_int64 (stmt, 3, value->numerator);
  if (value->has_denominator)
    td_stmt_bind_int64 (stmt, 4, value->denominator);
  if (value->has_index)
    {
      /* Kept to the 15 significant digits a package's digests cover (SQLite prints a REAL
       * so): what the board verifies is then exactly what was stored. */
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_formatd (text, sizeof text, "%.15g", value->index_value);
      td_stmt_bind_double (stmt, 5, g_ascii_strtod (text, NULL));
    }
  td_stmt_bind_int (stmt, 6, value->not_applicable ? 1 : 0);
  td_stmt_bind_text (stmt, 7, value->na_reason);
  td_stmt_bind_text (stmt, 8, value->note);
  td_stmt_bind_text (stmt, 9, now);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;

  old_text = old ? td_value_describe (old) : NULL;
  new_text = td_value_describe (value);
  field = g_strdup_printf ("target %u", td_target_get_number (target));
  if (!td_audit_record (db, "value", assessment_id, unit_code, field, old_text, new_text, NULL, error))
    return FALSE;
  *changed = TRUE;
  return TRUE;
}

static gboolean
set_values (TdDatabase     *db,
            gint64          assessment_id,
            TdTarget      **targets,
            const TdValue **values,
            guint           n_values,
            gboolean        check,
            GError        **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *now = td_database_now ();
  g_autofree char *code = NULL;
  g_autoptr(GHashTable) stored = NULL;
  gboolean any = FALSE;

  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  if (check && !check_editable (db, assessment_id, error))
    return FALSE;

  /* One read of what is stored, rather than one per target. */
  code = unit_code_of (db, assessment_id);
  stored = td_assessment_load_values (db, assessment_id, error);
  if (stored == NULL)
    return FALSE;
  for (guint i = 0; i < n_values; i++)
    {
      gint64 target_id = td_target_get_id (targets[i]);
      gboolean changed;
      g_autoptr(GError) text_error = NULL;

      /* What the unit stores it can send, and the board will take: the same check as the
       * board's, said with the target's number. */
      if (check && (!td_text_check_paragraph (values[i]->note, &text_error) ||
                    !td_text_check_paragraph (values[i]->na_reason, &text_error)))
        {
          g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_NOT_READY, _("Target %u: %s"),
                       td_target_get_number (targets[i]), text_error->message);
          return FALSE;
        }
      if (!write_value (db, assessment_id, code, targets[i], g_hash_table_lookup (stored, &target_id),
                        values[i], now, &changed, error))
        return FALSE;
      any |= changed;
    }
  if ((any && !touch (db, assessment_id, now, error)) || !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

gboolean
td_assessment_set_values (TdDatabase     *db,
                          gint64          assessment_id,
                          TdTarget      **targets,
                          const TdValue **values,
                          guint           n_values,
                          GError        **error)
{
  return set_values (db, assessment_id, targets, values, n_values, TRUE, error);
}

gboolean
td_receive_values (TdDatabase     *db,
                            gint64          assessment_id,
                            TdTarget      **targets,
                            const TdValue **values,
                            guint           n_values,
                            GError        **error)
{
  return set_values (db, assessment_id, targets, values, n_values, FALSE, error);
}

gboolean
td_assessment_set_value (TdDatabase    *db,
                         gint64         assessment_id,
                         TdTarget      *target,
                         const TdValue *value,
                         GError       **error)
{
  g_return_val_if_fail (TD_IS_TARGET (target), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  return td_assessment_set_values (db, assessment_id, &target, &value, 1, error);
}

static gboolean
set_attestation (TdDatabase  *db,
                 gint64       assessment_id,
                 gint64       standard_id,
                 gboolean     attested,
                 const char  *justification,
                 gboolean     check,
                 GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *now = td_database_now ();
  g_autofree char *old = NULL;
  g_autofree char *new_text = NULL;
  g_autofree char *field = NULL;
  TdStmt *stmt;

  if (check && !td_text_check_paragraph (justification, error))
    return FALSE;
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  if (check && !check_editable (db, assessment_id, error))
    return FALSE;

  stmt = td_database_prepare (db,
                              "SELECT attested, justification FROM attestation WHERE assessment_id = ? AND standard_id = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  td_stmt_bind_int64 (stmt, 2, standard_id);
  if (td_stmt_step (stmt) == TD_ROW)
    old = g_strdup_printf ("%s: %s", td_stmt_column_int (stmt, 0) ? "yes" : "no",
                           (const char *) td_stmt_column_text (stmt, 1));
  td_stmt_reset (stmt);

  new_text = g_strdup_printf ("%s: %s", attested ? "yes" : "no", justification ? justification : "");
  if (g_strcmp0 (old, new_text) == 0)
    return TRUE;

  stmt = td_database_prepare (db,
                              "INSERT INTO attestation (assessment_id, standard_id, attested, justification, updated_at)"
                              " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (assessment_id, standard_id) DO UPDATE SET"
                              " attested = ?3, justification = ?4, updated_at = ?5", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  td_stmt_bind_int64 (stmt, 2, standard_id);
  td_stmt_bind_int (stmt, 3, attested ? 1 : 0);
  td_stmt_bind_text (stmt, 4, justification ? justification : "");
  td_stmt_bind_text (stmt, 5, now);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;

  field = g_strdup_printf ("standard %" G_GINT64_FORMAT, standard_id);
  if (!audit (db, "attestation", assessment_id, field, old, new_text, NULL, error) ||
      !touch (db, assessment_id, now, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

gboolean
td_assessment_set_attestation (TdDatabase  *db,
                               gint64       assessment_id,
                               gint64       standard_id,
                               gboolean     attested,
                               const char  *justification,
                               GError     **error)
{
  return set_attestation (db, assessment_id, standard_id, attested, justification, TRUE, error);
}

gboolean
td_receive_attestation (TdDatabase  *db,
                                 gint64       assessment_id,
                                 gint64       standard_id,
                                 gboolean     attested,
                                 const char  *justification,
                                 GError     **error)
{
  return set_attestation (db, assessment_id, standard_id, attested, justification, FALSE, error);
}

GHashTable *
td_assessment_load_attestations_full (TdDatabase   *db,
                                      gint64        assessment_id,
                                      GHashTable  **justifications,
                                      GError      **error)
{
  g_autoptr(GHashTable) result = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT standard_id, attested, justification FROM attestation"
                                            " WHERE assessment_id = ?",
                                            error);
  int rc;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      gint64 id = td_stmt_column_int64 (stmt, 0);

      g_hash_table_insert (result, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (td_stmt_column_int (stmt, 1)));
      if (justifications)
        g_hash_table_insert (texts, g_memdup2 (&id, sizeof id), td_stmt_dup_text (stmt, 2));
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return NULL;
    }
  if (justifications)
    *justifications = g_steal_pointer (&texts);
  return g_steal_pointer (&result);
}

GHashTable *
td_assessment_load_attestations (TdDatabase  *db,
                                 gint64       assessment_id,
                                 GError     **error)
{
  return td_assessment_load_attestations_full (db, assessment_id, NULL, error);
}

GPtrArray *
td_assessment_list_problems (TdDatabase  *db,
                             gint64       assessment_id,
                             GListModel  *targets,
                             GError     **error)
{
  g_autoptr(GHashTable) values = td_assessment_load_values (db, assessment_id, error);
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) violations = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(TdUnit) unit = NULL;

  if (values == NULL || (info = td_assessment_get_info (db, assessment_id, error)) == NULL ||
      (unit = td_catalog_find_unit_by_id (db, info->unit_id, error)) == NULL ||
      (violations = td_assessment_check_rules (db, assessment_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(TdTarget) target = g_list_model_get_item (targets, i);
      gint64 id = td_target_get_id (target);
      TdValue *value = g_hash_table_lookup (values, &id);
      g_autoptr(GError) invalid = NULL;

      /* The campaign does not ask this kind of unit for this target. */
      if (!td_target_is_reported_by (target, td_unit_get_kind (unit)))
        continue;
      if (value == NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("Target %u: not entered yet."), td_target_get_number (target)));
      else if (!td_target_validate (target, value, &invalid))
        g_ptr_array_add (problems, g_strdup (invalid->message));
    }
  /* A standard switched on is a claim: it needs its justification (Căn cứ), as a target needs
   * its figures. */
  {
    g_autoptr(GHashTable) justifications = NULL;
    g_autoptr(GHashTable) attested = td_assessment_load_attestations_full (db, assessment_id, &justifications, error);
    g_autoptr(GPtrArray) standards = td_catalog_list_standards (db, FALSE, TRUE, error);

    if (attested == NULL || standards == NULL)
      return NULL;
    for (guint i = 0; i < standards->len; i++)
      {
        TdStandard *st = standards->pdata[i];
        const char *why = g_hash_table_lookup (justifications, &st->id);
        g_autofree char *clean = g_strstrip (g_strdup (why ? why : ""));

        if (GPOINTER_TO_INT (g_hash_table_lookup (attested, &st->id)) && *clean == '\0')
          /* Named as the form shows it (its text), not by a code the form never prints. */
          g_ptr_array_add (problems, g_strdup_printf (_("The standard “%s” is switched on without its justification: "
                                                        "write what the unit did to meet it."), st->text));
      }
  }
  for (guint i = 0; i < violations->len; i++)
    {
      TdRuleViolation *v = g_ptr_array_index (violations, i);

      if (v->is_error)
        g_ptr_array_add (problems, g_strdup (v->message));
      else if (!v->explained)
        g_ptr_array_add (problems, g_strdup_printf ("%s %s", v->message,
                                                    _("If the figures are right, say why in the target's note.")));
    }
  return g_steal_pointer (&problems);
}

gboolean
td_assessment_set_status (TdDatabase          *db,
                          gint64               assessment_id,
                          TdAssessmentStatus   status,
                          const char          *reason,
                          GListModel          *targets,
                          GError             **error)
{
  /* "Appraised" is the appraising body's verdict, with its checks and its record. */
  if (status == TD_ASSESSMENT_APPRAISED)
    {
      g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_BAD_TRANSITION,
                   _("A self-assessment is appraised by the body the campaign names, once every evidence file has a "
                     "verdict (thidua-cli assessment appraise)."));
      return FALSE;
    }
  return td_assessment_move (db, assessment_id, status, reason, targets, error);
}

gboolean
td_assessment_move (TdDatabase          *db,
                    gint64               assessment_id,
                    TdAssessmentStatus   status,
                    const char          *reason,
                    GListModel          *targets,
                    GError             **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autofree char *now = td_database_now ();
  g_autofree char *clean_reason = g_strstrip (g_strdup (reason ? reason : ""));
  TdStmt *stmt;
  int revision;

  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  info = td_assessment_get_info (db, assessment_id, error);
  if (info == NULL)
    return FALSE;

  if (!td_assessment_can_move (info->status, status))
    {
      g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_BAD_TRANSITION,
                   _("A self-assessment that is %s cannot become %s."),
                   td_assessment_status_get_label (info->status), td_assessment_status_get_label (status));
      return FALSE;
    }
  if (status == TD_ASSESSMENT_RETURNED && *clean_reason == '\0')
    {
      g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_REASON_NEEDED,
                   _("Write why the self-assessment is returned, so that the unit knows what to correct."));
      return FALSE;
    }
  if (status == TD_ASSESSMENT_SUBMITTED)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autofree char *joined = NULL;

      g_return_val_if_fail (G_IS_LIST_MODEL (targets), FALSE);
      problems = td_assessment_list_problems (db, assessment_id, targets, error);
      if (problems == NULL)
        return FALSE;
      if (problems->len > 0)
        {
          g_ptr_array_add (problems, NULL);
          joined = g_strjoinv ("\n", (char **) problems->pdata);
          g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_NOT_READY,
                       g_dngettext (GETTEXT_PACKAGE, "%u target or standard needs attention before submitting:\n%s",
                                    "%u targets or standards need attention before submitting:\n%s", problems->len - 1),
                       problems->len - 1, joined);
          return FALSE;
        }
    }

  /* Each submission after the first is a new revision: the province keeps what it received
   * of every revision, and refuses the same revision twice with other content.  A return
   * resubmitted raises it, and so does withdrawing (or reopening a returned one) to edit. */
  revision = info->revision +
             ((info->status == TD_ASSESSMENT_RETURNED && status == TD_ASSESSMENT_SUBMITTED) ||
              ((info->status == TD_ASSESSMENT_SUBMITTED || info->status == TD_ASSESSMENT_RETURNED) &&
               status == TD_ASSESSMENT_DRAFT));
  stmt = td_database_prepare (db,
                              /* When it was submitted, for the deadline the form shows. */
                              "UPDATE assessment SET status = ?1, status_reason = ?2, revision = ?3, updated_at = ?4,"
                              " submitted_at = CASE WHEN ?1 = 'submitted' THEN ?4 ELSE submitted_at END WHERE id = ?5",
                              error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, td_assessment_status_to_string (status));
  td_stmt_bind_text (stmt, 2, *clean_reason ? clean_reason : NULL);
  td_stmt_bind_int (stmt, 3, revision);
  td_stmt_bind_text (stmt, 4, now);
  td_stmt_bind_int64 (stmt, 5, assessment_id);
  if (!td_database_step_done (db, stmt, error) ||
      !audit (db, "assessment", assessment_id, "status",
             td_assessment_status_to_string (info->status), td_assessment_status_to_string (status),
             *clean_reason ? clean_reason : NULL, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

char *
td_assessment_get_received_content (TdDatabase *db,
                                    gint64      assessment_id)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT received_content FROM assessment WHERE id = ?", NULL);
  char *out = NULL;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  if (td_stmt_step (stmt) == TD_ROW)
    out = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  return out;
}

/* The revision about to be replaced, as JSON, in assessment_revision: written once and never
 * changed afterwards. */
gboolean
td_assessment_archive_revision (TdDatabase  *db,
                                gint64       assessment_id,
                                int          revision,
                                GError     **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  g_autofree char *now = td_database_now ();
  TdStmt *stmt;

  stmt = td_database_prepare (db,
                              "SELECT t.number, v.numerator, v.denominator, v.index_value, v.not_applicable, v.na_reason, v.note"
                              " FROM assessment_value v JOIN target t ON t.id = v.target_id WHERE v.assessment_id = ?"
                              " ORDER BY t.number", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "values");
  json_builder_begin_array (b);
  while (td_stmt_step (stmt) == TD_ROW)
    {
      json_builder_begin_array (b);
      for (int c = 0; c < 7; c++)
        switch (td_stmt_column_type (stmt, c))
          {
          case TD_VALUE_NULL: json_builder_add_null_value (b); break;
          case TD_VALUE_INTEGER: json_builder_add_int_value (b, td_stmt_column_int64 (stmt, c)); break;
          case TD_VALUE_FLOAT: json_builder_add_double_value (b, td_stmt_column_double (stmt, c)); break;
          default: json_builder_add_string_value (b, (const char *) td_stmt_column_text (stmt, c)); break;
          }
      json_builder_end_array (b);
    }
  td_stmt_reset (stmt);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json = json_to_string (root, FALSE);

  stmt = td_database_prepare (db,
                              "INSERT INTO assessment_revision (assessment_id, revision, archived_at, snapshot)"
                              " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, assessment_id);
  td_stmt_bind_int (stmt, 2, revision);
  td_stmt_bind_text (stmt, 3, now);
  td_stmt_bind_text (stmt, 4, json);
  return td_database_step_done (db, stmt, error);
}
