/* td-values-import.c: a unit's figures from a spreadsheet (see td-values-import.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-spreadsheet.h"
#include "td-format.h"
#include "td-session.h"
#include "td-values-import.h"

enum { COL_TARGET, COL_NUMERATOR, COL_DENOMINATOR, COL_INDEX, COL_NOTE, COL_NA_REASON, N_COLS };

static void
values_row_free (TdValuesRow *row)
{
  g_clear_object (&row->target);
  g_clear_pointer (&row->value, td_value_free);
  g_clear_pointer (&row->previous, td_value_free);
  g_free (row);
}

void
td_values_plan_free (TdValuesPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->rows, g_ptr_array_unref);
  g_clear_pointer (&plan->problems, g_ptr_array_unref);
  g_free (plan);
}

static const char *
cell (char **cells,
      guint  col)
{
  for (guint i = 0; i <= col; i++)
    if (cells[i] == NULL)
      return "";
  return cells[col];
}

static gboolean
blank (const char *text)
{
  for (; *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* The value a row gives, or NULL with @problem set. */
static TdValue *
read_value (TdTarget  *target,
            char     **cells,
            char     **problem)
{
  g_autoptr(TdValue) v = td_value_new ();
  g_autoptr(GError) error = NULL;
  const char *reason = cell (cells, COL_NA_REASON);

  /* A multi-line cell of a Windows spreadsheet ends its lines with "\r\n": read as "\n". */
  v->note = blank (cell (cells, COL_NOTE)) ? NULL : g_strstrip (td_text_normalize_lines (cell (cells, COL_NOTE)));
  if (!blank (reason))
    {
      v->not_applicable = TRUE;
      v->na_reason = g_strstrip (td_text_normalize_lines (reason));
    }
  else if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX)
    {
      if (!blank (cell (cells, COL_INDEX)))
        {
          if (!td_parse_decimal (cell (cells, COL_INDEX), &v->index_value, &error))
            {
              *problem = g_strdup_printf (_("Target %u: “%s” is not an index (for example 0,78)."),
                                          td_target_get_number (target), cell (cells, COL_INDEX));
              return NULL;
            }
          v->has_index = TRUE;
        }
    }
  else
    {
      const char *texts[] = { cell (cells, COL_NUMERATOR), cell (cells, COL_DENOMINATOR) };
      gint64 *counts[] = { &v->numerator, &v->denominator };
      gboolean *has[] = { &v->has_numerator, &v->has_denominator };

      for (guint i = 0; i < 2; i++)
        {
          if (blank (texts[i]))
            continue;
          if (!td_parse_count (texts[i], counts[i], NULL))
            {
              *problem = g_strdup_printf (_("Target %u: “%s” is not a whole number."),
                                          td_target_get_number (target), texts[i]);
              return NULL;
            }
          *has[i] = TRUE;
        }
    }
  /* The form's own rules and messages. */
  if (!td_target_validate (target, v, &error))
    {
      *problem = g_strdup (error->message);
      return NULL;
    }
  return g_steal_pointer (&v);
}

TdValuesPlan *
td_values_plan_import (TdDatabase  *db,
                       const char  *path,
                       const char  *sheet,
                       TdUnit      *unit,
                       TdRound     *round,
                       GError     **error)
{
  g_autoptr(TdValuesPlan) plan = g_new0 (TdValuesPlan, 1);
  g_autoptr(GPtrArray) cells = td_spreadsheet_read (path, sheet, error);
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;

  if (cells == NULL || (targets = td_catalog_list_targets (db, error)) == NULL)
    return NULL;
  info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), error);
  if (info == NULL && error && *error)
    return NULL;
  if (info != NULL && (stored = td_assessment_load_values (db, info->id, error)) == NULL)
    return NULL;

  plan->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) values_row_free);
  plan->problems = g_ptr_array_new_with_free_func (g_free);
  plan->unit_id = td_unit_get_id (unit);
  plan->round_id = td_round_get_id (round);

  for (guint r = 0; r < cells->len; r++)
    {
      char **row = g_ptr_array_index (cells, r);
      const char *number_text = cell (row, COL_TARGET);
      g_autoptr(TdTarget) target = NULL;
      g_autofree char *problem = NULL;
      gint64 number;
      gboolean all_blank = TRUE;

      for (guint c = 0; row[c]; c++)
        all_blank &= blank (row[c]);
      if (all_blank)
        continue;
      if (!td_parse_count (number_text, &number, NULL))
        {
          /* A header row names the columns; any other row must start with a target. */
          if (r == 0)
            continue;
          g_ptr_array_add (plan->problems,
                           g_strdup_printf (_("Row %u: “%s” is not a target number (1 to %u)."), r + 1, number_text,
                                            g_list_model_get_n_items (targets)));
          continue;
        }
      for (guint i = 0; i < g_list_model_get_n_items (targets) && target == NULL; i++)
        {
          g_autoptr(TdTarget) t = g_list_model_get_item (targets, i);
          if (td_target_get_number (t) == number)
            target = td_target_at_round (t, td_round_get_number (round));
        }
      if (target == NULL)
        problem = g_strdup_printf (_("The campaign has no target %u."), (guint) MIN (number, G_MAXUINT));
      else if (!td_target_is_reported_by (target, td_unit_get_kind (unit)))
        problem = g_strdup_printf (_("Target %u is not asked of a unit of this kind (%s): leave it out."),
                                   (guint) number, td_unit_kind_get_label (td_unit_get_kind (unit)));
      else if (g_hash_table_contains (seen, GUINT_TO_POINTER (number)))
        problem = g_strdup_printf (_("Target %u appears twice: keep one row per target."), (guint) number);
      else
        {
          TdValue *value = read_value (target, row, &problem);

          if (value != NULL)
            {
              TdValuesRow *vr = g_new0 (TdValuesRow, 1);
              gint64 id = td_target_get_id (target);
              TdValue *now = stored ? g_hash_table_lookup (stored, &id) : NULL;

              vr->row = r + 1;
              vr->target = g_object_ref (target);
              vr->value = value;
              vr->previous = now ? td_value_copy (now) : NULL;
              g_ptr_array_add (plan->rows, vr);
            }
          g_hash_table_add (seen, GUINT_TO_POINTER (number));
        }
      if (problem != NULL)
        g_ptr_array_add (plan->problems, g_strdup_printf (_("Row %u: %s"), r + 1, problem));
    }
  if (plan->rows->len == 0 && plan->problems->len == 0)
    g_ptr_array_add (plan->problems,
                     g_strdup (_("The file has no figures: one row per target, with the target's number in the first column.")));
  return g_steal_pointer (&plan);
}

gboolean
td_values_plan_apply (TdDatabase    *db,
                      TdValuesPlan  *plan,
                      GError       **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(TdAssessmentInfo) info = NULL;
  gint64 assessment;

  if (plan->problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (GETTEXT_PACKAGE, "Nothing was stored: %u row needs correcting first.",
                                "Nothing was stored: %u rows need correcting first.", plan->problems->len),
                   plan->problems->len);
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  assessment = td_assessment_ensure (db, plan->unit_id, plan->round_id, error);
  if (assessment == 0 || (info = td_assessment_get_info (db, assessment, error)) == NULL)
    return FALSE;
  if (!td_assessment_status_is_editable (info->status))
    {
      g_set_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_READ_ONLY,
                   _("This self-assessment is %s and can no longer be edited; withdraw it first to change its figures."),
                   td_assessment_status_get_label (info->status));
      return FALSE;
    }
  for (guint i = 0; i < plan->rows->len; i++)
    {
      TdValuesRow *row = g_ptr_array_index (plan->rows, i);
      g_ptr_array_add (targets, row->target);
      g_ptr_array_add (values, row->value);
    }
  if (!td_assessment_set_values (db, assessment, (TdTarget **) targets->pdata, (const TdValue **) values->pdata,
                                 targets->len, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

typedef struct {
  char   *file_path;
  gint64  unit_id;
  guint   round_number;
} PlanJob;

static void
plan_job_free (PlanJob *job)
{
  g_free (job->file_path);
  g_free (job);
}

static gpointer
plan_job (TdDatabase    *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  PlanJob *job = data;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;

  if ((unit = td_catalog_find_unit_by_id (db, job->unit_id, error)) == NULL ||
      (round = td_catalog_find_round (db, job->round_number, error)) == NULL)
    return NULL;
  return td_values_plan_import (db, job->file_path, NULL, unit, round, error);
}

void
td_values_plan_import_async (TdDatabase          *db,
                             const char          *path,
                             gint64               unit_id,
                             guint                round_number,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  PlanJob *job = g_new0 (PlanJob, 1);

  job->file_path = g_strdup (path);
  job->unit_id = unit_id;
  job->round_number = round_number;
  td_session_run_async (td_session_get (db), plan_job, job, (GDestroyNotify) plan_job_free,
                        (GDestroyNotify) td_values_plan_free, cancellable, callback, user_data);
}

TdValuesPlan *
td_values_plan_import_finish (GAsyncResult  *result,
                              GError       **error)
{
  return td_session_propagate (result, error);
}
