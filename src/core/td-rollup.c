/* td-rollup.c: the province roll-up and unit summaries.
 *
 * One query reads every value of the round that counts; the comparison with each target is done
 * here with the same td_target_* functions as the form, so the dashboard and the form can never
 * disagree about "met". */

#include "td-assessment-private.h"
#include "td-database-private.h"
#include "td-round.h"
#include "td-rollup.h"

/* Binds ?1 round, ?2 drafts count, ?3 kind, ?4 unit: the scope's placeholders in every query
 * here. */
static void
bind_scope (TdStmt              *stmt,
            const TdRollupScope *scope)
{
  td_stmt_bind_int64 (stmt, 1, scope->round_id);
  td_stmt_bind_int (stmt, 2, scope->include_drafts || scope->unit_id != 0);
  td_stmt_bind_text (stmt, 3, scope->unit_kind >= 0 ? td_unit_kind_to_string (scope->unit_kind) : NULL);
  td_stmt_bind_int64 (stmt, 4, scope->unit_id);
}

/* Reads numerator, denominator, index, not applicable and reason from columns @col … @col + 4.
 * The reason points into the statement's row. */
static void
value_from_columns (TdStmt       *stmt,
                    int           col,
                    TdValue      *v)
{
  td_assessment_read_figures (stmt, col, v);
  /* Borrowed, not copied: the roll-up reads a thousand units' values and drops them. */
  v->na_reason = (char *) td_stmt_column_text (stmt, col + 4);
}

void
td_rollup_scope_init (TdRollupScope *scope,
                      gint64         round_id)
{
  memset (scope, 0, sizeof *scope);
  scope->round_id = round_id;
  scope->unit_kind = -1;
}

void
td_target_rollup_clear (TdTargetRollup *rollup)
{
  g_clear_object (&rollup->target);
}

char *
td_target_rollup_format (const TdTargetRollup *r)
{
  if (!r->has_measure)
    return NULL;
  if (td_target_get_kind (r->target) == TD_TARGET_KIND_RATIO)
    return td_target_format_ratio (r->target, r->numerator_sum, r->denominator_sum);
  return td_target_format_index (r->target, r->measure);
}

char *
td_unit_measure_format (TdTarget            *target,
                        const TdUnitMeasure *m)
{
  if (td_target_get_kind (target) == TD_TARGET_KIND_RATIO)
    return td_target_format_ratio (target, m->numerator, m->denominator);
  return td_target_format_index (target, m->measure);
}

guint
td_rollup_round_number (TdDatabase *db,
                        gint64      round_id)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT number FROM round WHERE id = ?", NULL);
  guint number = 0;

  if (stmt == NULL)
    return 0;
  td_stmt_bind_int64 (stmt, 1, round_id);
  if (td_stmt_step (stmt) == TD_ROW)
    number = (guint) td_stmt_column_int (stmt, 0);
  td_stmt_reset (stmt);
  return number;
}

/* The kind of unit the scope is about, -1 for the whole province. */
static int
scope_kind (TdDatabase          *db,
            const TdRollupScope *scope)
{
  TdStmt *stmt;
  TdUnitKind kind;
  int result = -1;

  if (scope->unit_id == 0)
    return scope->unit_kind;
  stmt = td_database_prepare (db, "SELECT kind FROM unit WHERE id = ?", NULL);
  if (stmt == NULL)
    return -1;
  td_stmt_bind_int64 (stmt, 1, scope->unit_id);
  if (td_stmt_step (stmt) == TD_ROW &&
      td_unit_kind_from_string ((const char *) td_stmt_column_text (stmt, 0), &kind))
    result = kind;
  td_stmt_reset (stmt);
  return result;
}

/* Whether a value of a unit of @kind goes into the figure of a scope about @in_scope (a kind,
 * or -1 for the province): the province adds only the kinds counted for it; a kind or a unit
 * has its own figure when it reports the target. */
static gboolean
value_counts (TdTarget  *target,
              TdUnitKind kind,
              int        in_scope)
{
  if (in_scope < 0)
    return td_target_is_counted_for (target, kind);
  return td_target_is_reported_by (target, kind);
}

GArray *
td_rollup_compute (TdDatabase          *db,
                   GListModel          *targets,
                   const TdRollupScope *scope,
                   GError             **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, TRUE, sizeof (TdTargetRollup));
  g_autofree double *index_sum = NULL;
  g_autofree double *province_index = NULL;
  guint n_targets = g_list_model_get_n_items (targets);
  guint round = td_rollup_round_number (db, scope->round_id);
  int in_scope = scope_kind (db, scope);
  TdStmt *stmt;
  int rc;

  g_array_set_clear_func (result, (GDestroyNotify) td_target_rollup_clear);
  g_array_set_size (result, n_targets);
  index_sum = g_new0 (double, n_targets);
  province_index = g_new (double, n_targets);
  for (guint i = 0; i < n_targets; i++)
    {
      TdTargetRollup *r = &g_array_index (result, TdTargetRollup, i);
      g_autoptr(TdTarget) target = g_list_model_get_item (targets, i);

      r->target = td_target_at_round (target, round);
      r->not_reported = in_scope >= 0 && !td_target_is_reported_by (r->target, in_scope);
      province_index[i] = -1;
    }

  stmt = td_database_prepare (db,
                              "SELECT v.target_id, v.numerator, v.denominator, v.index_value, v.not_applicable,"
                              " v.na_reason, u.kind"
                              " FROM assessment_value v"
                              " JOIN assessment a ON a.id = v.assessment_id"
                              " JOIN unit u ON u.id = a.unit_id"
                              " WHERE a.round_id = ?1"
                              " AND (?2 OR a.status IN ('submitted', 'received', 'appraised'))"
                              " AND (?3 IS NULL OR u.kind = ?3)"
                              " AND (?4 = 0 OR u.id = ?4)", error);
  if (stmt == NULL)
    return NULL;
  bind_scope (stmt, scope);

  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      gint64 target_id = td_stmt_column_int64 (stmt, 0);
      TdValue v = { 0 };
      TdTargetRollup *r = NULL;
      TdUnitKind kind = TD_UNIT_KIND_PROVINCE;
      TdOutcome outcome;
      guint i;

      /* Targets are few (19); a linear search beats hashing here. */
      for (i = 0; i < n_targets; i++)
        {
          r = &g_array_index (result, TdTargetRollup, i);
          if (td_target_get_id (r->target) == target_id)
            break;
        }
      if (i == n_targets)
        continue;
      td_unit_kind_from_string ((const char *) td_stmt_column_text (stmt, 6), &kind);
      /* A value of a unit that does not report the target (kept from before the campaign
       * said who reports what) counts nowhere. */
      if (!td_target_is_reported_by (r->target, kind))
        continue;

      value_from_columns (stmt, 1, &v);

      outcome = td_target_evaluate (r->target, &v, NULL, NULL);
      if (outcome == TD_OUTCOME_MISSING)
        continue;
      if (outcome == TD_OUTCOME_NOT_APPLICABLE)
        {
          r->n_not_applicable++;
          continue;
        }
      if (outcome == TD_OUTCOME_INVALID)
        {
          r->n_invalid++;
          continue;
        }
      if (!value_counts (r->target, kind, in_scope))
        {
          /* Valid, shown as the unit's own figure, but already inside its commune's. */
          r->n_not_counted++;
          continue;
        }
      if (outcome == TD_OUTCOME_MET)
        r->n_met++;

      r->n_reporting++;
      if (td_target_get_kind (r->target) == TD_TARGET_KIND_RATIO)
        {
          r->numerator_sum += v.numerator;
          r->denominator_sum += v.denominator;
        }
      else
        {
          index_sum[i] += v.index_value;
          if (kind == TD_UNIT_KIND_PROVINCE)
            province_index[i] = v.index_value;
        }
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return NULL;
    }

  for (guint i = 0; i < n_targets; i++)
    {
      TdTargetRollup *r = &g_array_index (result, TdTargetRollup, i);

      if (r->n_reporting == 0)
        continue;
      r->has_measure = TRUE;
      if (td_target_get_kind (r->target) == TD_TARGET_KIND_RATIO)
        {
          if (r->denominator_sum == 0)
            {
              r->has_measure = FALSE;
              continue;
            }
          r->measure = 100.0 * (double) r->numerator_sum / (double) r->denominator_sum;
          r->met = td_target_ratio_meets (r->target, r->numerator_sum, r->denominator_sum);
        }
      else
        {
          r->measure = province_index[i] >= 0 ? province_index[i] : index_sum[i] / r->n_reporting;
          r->met = td_target_index_meets (r->target, r->measure);
        }
    }

  return g_steal_pointer (&result);
}

void
td_rollup_summarize (GArray    *rollups,
                     TdSummary *summary)
{
  memset (summary, 0, sizeof *summary);
  summary->n_targets = rollups->len;
  for (guint i = 0; i < rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (rollups, TdTargetRollup, i);

      if (r->not_reported)
        continue;
      if (r->has_measure)
        {
          summary->n_applicable++;
          if (r->met)
            summary->n_met++;
          else
            summary->n_not_met++;
        }
      else if (r->n_invalid > 0)
        {
          summary->n_applicable++;
          summary->n_invalid++;
        }
      else if (r->n_not_applicable > 0)
        ;
      else
        {
          summary->n_applicable++;
          summary->n_missing++;
        }
    }
}

gboolean
td_summary_for_unit (TdDatabase  *db,
                     GListModel  *targets,
                     gint64       unit_id,
                     gint64       round_id,
                     TdSummary   *summary,
                     GError     **error)
{
  TdRollupScope scope;
  g_autoptr(GArray) rollups = NULL;

  td_rollup_scope_init (&scope, round_id);
  scope.unit_id = unit_id;
  scope.include_drafts = TRUE;
  rollups = td_rollup_compute (db, targets, &scope, error);
  if (rollups == NULL)
    return FALSE;
  td_rollup_summarize (rollups, summary);
  summary->n_units = 1;
  return TRUE;
}

void
td_unit_measure_clear (TdUnitMeasure *measure)
{
  g_clear_pointer (&measure->code, g_free);
  g_clear_pointer (&measure->name, g_free);
}

static int
compare_measures (gconstpointer a,
                  gconstpointer b)
{
  const TdUnitMeasure *x = a, *y = b;

  if (x->measure != y->measure)
    return x->measure > y->measure ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

GArray *
td_rollup_unit_measures (TdDatabase          *db,
                         TdTarget            *target,
                         const TdRollupScope *scope,
                         GError             **error)
{
  g_autoptr(GArray) result = g_array_new (FALSE, TRUE, sizeof (TdUnitMeasure));
  g_autoptr(TdTarget) judged = td_target_at_round (target, td_rollup_round_number (db, scope->round_id));
  int in_scope = scope_kind (db, scope);
  TdStmt *stmt;
  int rc;

  g_array_set_clear_func (result, (GDestroyNotify) td_unit_measure_clear);
  stmt = td_database_prepare (db,
                              "SELECT u.id, u.code, u.name, u.kind, v.numerator, v.denominator, v.index_value,"
                              " v.not_applicable, v.na_reason"
                              " FROM assessment_value v"
                              " JOIN assessment a ON a.id = v.assessment_id"
                              " JOIN unit u ON u.id = a.unit_id"
                              " WHERE a.round_id = ?1 AND v.target_id = ?5"
                              " AND (?2 OR a.status IN ('submitted', 'received', 'appraised'))"
                              " AND (?3 IS NULL OR u.kind = ?3)"
                              " AND (?4 = 0 OR u.id = ?4)", error);
  if (stmt == NULL)
    return NULL;
  bind_scope (stmt, scope);
  td_stmt_bind_int64 (stmt, 5, td_target_get_id (target));

  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      TdValue v = { 0 };
      TdUnitMeasure m = { 0 };
      TdOutcome outcome;

      value_from_columns (stmt, 4, &v);
      if (!td_unit_kind_from_string ((const char *) td_stmt_column_text (stmt, 3), &m.kind) ||
          !td_target_is_reported_by (judged, m.kind) || !value_counts (judged, m.kind, in_scope))
        continue;

      outcome = td_target_evaluate (judged, &v, &m.measure, NULL);
      if (outcome != TD_OUTCOME_MET && outcome != TD_OUTCOME_NOT_MET)
        continue;
      m.met = outcome == TD_OUTCOME_MET;
      m.unit_id = td_stmt_column_int64 (stmt, 0);
      m.code = td_stmt_dup_text (stmt, 1);
      m.name = td_stmt_dup_text (stmt, 2);
      m.numerator = v.numerator;
      m.denominator = v.denominator;
      g_array_append_val (result, m);
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return NULL;
    }
  g_array_sort (result, compare_measures);
  return g_steal_pointer (&result);
}

GPtrArray *
td_rollup_trend (TdDatabase          *db,
                 GListModel          *targets,
                 GListModel          *rounds,
                 const TdRollupScope *scope,
                 GError             **error)
{
  g_autoptr(GPtrArray) per_round = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(TdRound) round = g_list_model_get_item (rounds, i);
      TdRollupScope round_scope = *scope;
      GArray *rollups;

      round_scope.round_id = td_round_get_id (round);
      rollups = td_rollup_compute (db, targets, &round_scope, error);
      if (rollups == NULL)
        return NULL;
      g_ptr_array_add (per_round, rollups);
    }
  return g_steal_pointer (&per_round);
}

gboolean
td_rollup_count_units (TdDatabase          *db,
                       const TdRollupScope *scope,
                       guint               *n_submitted,
                       guint               *n_units,
                       guint               *n_unsigned,
                       GError             **error)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT count(*), count(a.id), count(CASE WHEN a.received_signature = ''"
                                            " THEN 1 END) FROM unit u"
                                            " LEFT JOIN assessment a ON a.unit_id = u.id AND a.round_id = ?1"
                                            /* ?2 (drafts) is left out: only a submission counts as submitted. */
                                            "  AND a.status IN ('submitted', 'received', 'appraised')"
                                            " WHERE u.kind <> 'province' AND (?3 IS NULL OR u.kind = ?3)"
                                            " AND (?4 = 0 OR u.id = ?4)", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_scope (stmt, scope);
  rc = td_stmt_step (stmt);
  if (rc == TD_ROW)
    {
      *n_units = (guint) td_stmt_column_int (stmt, 0);
      *n_submitted = (guint) td_stmt_column_int (stmt, 1);
      if (n_unsigned != NULL)
        *n_unsigned = (guint) td_stmt_column_int (stmt, 2);
    }
  td_stmt_reset (stmt);
  if (rc != TD_ROW)
    {
      td_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}
