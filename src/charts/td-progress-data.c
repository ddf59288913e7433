/* td-progress-data.c: reading one round's progress in one go. */
#include "config.h"

#include "td-progress-data.h"
#include "td-session.h"

G_DEFINE_BOXED_TYPE (TdProgressData, td_progress_data, td_progress_data_ref, td_progress_data_unref)

TdProgressData *
td_progress_data_ref (TdProgressData *data)
{
  g_atomic_ref_count_inc (&data->ref_count);
  return data;
}

void
td_progress_data_unref (TdProgressData *data)
{
  if (data == NULL || !g_atomic_ref_count_dec (&data->ref_count))
    return;
  g_free (data->campaign_title);
  /* Before the rounds, which say how many there are. */
  for (guint r = 0; data->dti_targets && data->rounds && r < g_list_model_get_n_items (data->rounds); r++)
    g_clear_object (&data->dti_targets[r]);
  g_free (data->dti_targets);
  g_clear_object (&data->round);
  g_clear_object (&data->rounds);
  g_clear_object (&data->targets);
  g_free (data->scope_label);
  g_clear_pointer (&data->rollups, g_array_unref);
  g_clear_pointer (&data->per_round, g_ptr_array_unref);
  g_clear_pointer (&data->measures, g_ptr_array_unref);
  g_clear_pointer (&data->completeness, td_completeness_free);
  g_free (data->dti);
  g_clear_pointer (&data->violations, g_ptr_array_unref);
  g_strfreev (data->round_labels);
  g_free (data);
}

TdTarget *
td_progress_data_get_index_target (TdProgressData *data)
{
  for (guint i = 0; i < data->rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (data->rollups, TdTargetRollup, i);
      if (td_target_get_kind (r->target) == TD_TARGET_KIND_INDEX)
        return r->target;
    }
  return NULL;
}

TdProgressData *
td_progress_data_load (TdDatabase  *db,
                       guint        round_number,
                       int          unit_kind,
                       const char  *unit_code,
                       GError     **error)
{
  g_autoptr(TdProgressData) data = g_new0 (TdProgressData, 1);
  g_autoptr(TdUnit) unit = NULL;
  guint n_rounds;
  TdTarget *index_target;

  g_atomic_ref_count_init (&data->ref_count);
  data->campaign_title = td_catalog_get_campaign_title (db);
  if ((data->targets = td_catalog_list_targets (db, error)) == NULL ||
      (data->rounds = td_catalog_list_rounds (db, error)) == NULL ||
      (data->round = td_catalog_find_round (db, round_number, error)) == NULL)
    return NULL;
  if (unit_code != NULL && (unit = td_catalog_find_unit (db, unit_code, error)) == NULL)
    return NULL;

  td_rollup_scope_init (&data->scope, td_round_get_id (data->round));
  data->scope.unit_kind = unit_kind;
  if (unit != NULL)
    {
      data->scope.unit_id = td_unit_get_id (unit);
      data->scope_label = g_strdup (td_unit_get_name (unit));
    }
  else if (unit_kind >= 0)
    data->scope_label = g_strdup (td_unit_kind_get_label (unit_kind));
  else
    data->scope_label = g_strdup ("Toàn tỉnh");

  if ((data->rollups = td_rollup_compute (db, data->targets, &data->scope, error)) == NULL ||
      (data->per_round = td_rollup_trend (db, data->targets, data->rounds, &data->scope, error)) == NULL ||
      !td_rollup_count_units (db, &data->scope, &data->n_submitted, &data->n_units, &data->n_unsigned, error))
    return NULL;
  td_rollup_summarize (data->rollups, &data->summary);

  data->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < data->rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (data->rollups, TdTargetRollup, i);
      GArray *m = td_rollup_unit_measures (db, r->target, &data->scope, error);

      if (m == NULL)
        return NULL;
      g_ptr_array_add (data->measures, m);
    }

  /* Who has sent what: the province's or a kind's, not one unit's. */
  if (unit == NULL)
    {
      TdCompletenessFilter filter = { .has_kind = unit_kind >= 0, .kind = (TdUnitKind) MAX (unit_kind, 0) };

      if ((data->completeness = td_completeness_compute (db, round_number, &filter, NULL, error)) == NULL)
        return NULL;
    }
  /* What the campaign's rules say of the figures that count, for the units in scope. */
  if ((data->violations = td_assessment_check_rules_in_round (db, data->scope.round_id, error)) == NULL)
    return NULL;
  for (guint i = data->violations->len; i > 0; i--)
    {
      TdRuleViolation *v = g_ptr_array_index (data->violations, i - 1);

      if ((unit != NULL && g_strcmp0 (v->unit_code, td_unit_get_code (unit)) != 0) ||
          (unit_kind >= 0 && (int) v->unit_kind != unit_kind))
        g_ptr_array_remove_index (data->violations, i - 1);
    }

  n_rounds = g_list_model_get_n_items (data->rounds);
  data->dti = g_new (double, n_rounds);
  data->dti_targets = g_new0 (TdTarget *, n_rounds);
  data->round_labels = g_new0 (char *, n_rounds + 1);
  index_target = td_progress_data_get_index_target (data);
  for (guint r = 0; r < n_rounds; r++)
    {
      g_autoptr(TdRound) round = g_list_model_get_item (data->rounds, r);
      GArray *rollups = g_ptr_array_index (data->per_round, r);

      data->round_labels[r] = g_strdup_printf ("%d", td_round_get_year (round));
      data->dti[r] = -1;
      for (guint i = 0; index_target && i < rollups->len; i++)
        {
          TdTargetRollup *roll = &g_array_index (rollups, TdTargetRollup, i);
          if (td_target_get_id (roll->target) == td_target_get_id (index_target))
            {
              data->dti[r] = roll->has_measure ? roll->measure : -1;
              g_set_object (&data->dti_targets[r], roll->target);
            }
        }
    }
  return g_steal_pointer (&data);
}

typedef struct {
  guint  round_number;
  int    unit_kind;
  char  *unit_code;
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_free (job->unit_code);
  g_free (job);
}

static gpointer
load_job (TdDatabase    *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  LoadJob *job = data;

  return td_progress_data_load (db, job->round_number, job->unit_kind, job->unit_code, error);
}

void
td_progress_data_load_async (TdDatabase          *db,
                             guint                round_number,
                             int                  unit_kind,
                             const char          *unit_code,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  LoadJob *job = g_new0 (LoadJob, 1);

  job->round_number = round_number;
  job->unit_kind = unit_kind;
  job->unit_code = g_strdup (unit_code);
  td_session_run_async (td_session_get (db), load_job, job, (GDestroyNotify) load_job_free,
                        (GDestroyNotify) td_progress_data_unref, cancellable, callback, user_data);
}

TdProgressData *
td_progress_data_load_finish (GAsyncResult  *result,
                              GError       **error)
{
  return td_session_propagate (result, error);
}
