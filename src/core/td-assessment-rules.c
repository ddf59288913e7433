/* td-assessment-rules.c: the campaign's rules (td-rules.c) run on the self-assessments of the
 * database, each against the same unit's figures of the round before.  Kept apart from
 * td-rules.c so that the rules know values, not where they are stored. */
#include "config.h"

#include "td-assessment.h"
#include "td-catalog.h"
#include "td-round.h"
#include "td-rules.h"
#include "td-unit.h"

/* The values of the same unit in the round before @info's, an empty table when there are none. */
static GHashTable *
previous_values (TdDatabase        *db,
                 GListModel        *rounds,
                 TdAssessmentInfo  *info,
                 GError           **error)
{
  g_autoptr(TdRound) before = NULL;
  g_autoptr(TdAssessmentInfo) earlier = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(TdRound) r = g_list_model_get_item (rounds, i);
      if (td_round_get_id (r) == info->round_id)
        break;
      g_set_object (&before, r);
    }
  if (before == NULL)
    return g_hash_table_new (g_int64_hash, g_int64_equal);
  earlier = td_assessment_lookup (db, info->unit_id, td_round_get_id (before), error);
  if (earlier == NULL)
    return error && *error ? NULL : g_hash_table_new (g_int64_hash, g_int64_equal);
  return td_assessment_load_values (db, earlier->id, error);
}

/* The campaign's rules as the database keeps them. */
static TdRulesChecker *
checker_new (TdDatabase  *db,
             GError     **error)
{
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, error);
  g_autoptr(GBytes) campaign = targets ? td_catalog_get_campaign_json (db, NULL) : NULL;

  return targets ? td_rules_checker_new (targets, campaign) : NULL;
}

static GPtrArray *
check_one (TdRulesChecker    *checker,
           TdDatabase        *db,
           GListModel        *rounds,
           TdAssessmentInfo  *info,
           TdUnitKind         kind,
           GError           **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GHashTable) previous = NULL;

  if (!td_rules_checker_has_rules (checker))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) td_rule_violation_free);
  if ((values = td_assessment_load_values (db, info->id, error)) == NULL ||
      (previous = previous_values (db, rounds, info, error)) == NULL)
    return NULL;
  return td_rules_checker_check (checker, kind, values, previous);
}

GPtrArray *
td_assessment_check_rules (TdDatabase  *db,
                           gint64       assessment_id,
                           GError     **error)
{
  g_autoptr(TdRulesChecker) checker = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(TdUnit) unit = NULL;

  if ((checker = checker_new (db, error)) == NULL || (rounds = td_catalog_list_rounds (db, error)) == NULL ||
      (info = td_assessment_get_info (db, assessment_id, error)) == NULL ||
      (unit = td_catalog_find_unit_by_id (db, info->unit_id, error)) == NULL)
    return NULL;
  return check_one (checker, db, rounds, info, td_unit_get_kind (unit), error);
}

GPtrArray *
td_assessment_check_rules_in_round (TdDatabase  *db,
                                    gint64       round_id,
                                    GError     **error)
{
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func ((GDestroyNotify) td_rule_violation_free);
  g_autoptr(GListModel) units = td_catalog_list_units (db, error);
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(TdRulesChecker) checker = NULL;

  if (units == NULL || (checker = checker_new (db, error)) == NULL ||
      (rounds = td_catalog_list_rounds (db, error)) == NULL)
    return NULL;
  if (!td_rules_checker_has_rules (checker))
    return g_steal_pointer (&result);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (units, i);
      g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (db, td_unit_get_id (unit), round_id, error);
      g_autoptr(GPtrArray) found = NULL;

      if (info == NULL)
        {
          if (error && *error)
            return NULL;
          continue;
        }
      if (info->status == TD_ASSESSMENT_DRAFT || info->status == TD_ASSESSMENT_RETURNED)
        continue;
      if ((found = check_one (checker, db, rounds, info, td_unit_get_kind (unit), error)) == NULL)
        return NULL;
      while (found->len > 0)
        {
          TdRuleViolation *violation = g_ptr_array_steal_index (found, 0);

          violation->unit_code = g_strdup (td_unit_get_code (unit));
          violation->unit_name = g_strdup (td_unit_get_name (unit));
          violation->unit_kind = td_unit_get_kind (unit);
          g_ptr_array_add (result, violation);
        }
    }
  return g_steal_pointer (&result);
}
