/* td-appraisal.c: the steps of the campaign's appraisal section, their history, and the moves
 * each body may make. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-appraisal-campaign.h"
#include "td-audit.h"
#include "td-campaign.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-register.h"

void
td_eligibility_check_free (TdEligibilityCheck *c)
{
  if (c == NULL)
    return;
  g_free (c->id);
  g_free (c->title);
  g_free (c->explanation);
  g_free (c->document_title);
  g_free (c->document_text);
  g_free (c);
}

/* The campaign whose process nominations of @level follow, and its steps (owned by the
 * campaign): the stored description's, or the bundled plan's when the stored one has none (a
 * campaign a board described before the appraisal was data). */
static GPtrArray *
campaign_steps (TdDatabase    *db,
                TdAwardLevel   level,
                TdCampaign   **campaign,
                GError       **error)
{
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(TdCampaign) c = pass == 0 ? td_campaign_get (db, NULL) : td_campaign_get_bundled (error);

      if (c == NULL || !td_campaign_check_appraisal (c, pass == 1 ? error : NULL) ||
          td_campaign_get_steps (c, level) == NULL)
        continue;
      *campaign = g_steal_pointer (&c);
      return td_campaign_get_steps (*campaign, level);
    }
  if (error && *error == NULL)
    td_appraisal_invalid (error, "missing");
  return NULL;
}

static void
resolve_body (TdDatabase *db,
              TdStepSpec *s,
              const char *campaign_code)
{
  g_autofree char *key = g_strdup_printf ("appraisal_body.%s", s->id);
  g_autofree char *chosen = td_database_get_meta (db, key);
  g_autoptr(TdUnitRecord) unit = NULL;

  s->body_code = chosen && *chosen ? g_steal_pointer (&chosen) : g_strdup (campaign_code);
  unit = td_register_get (db, s->body_code, NULL);
  s->body_name = unit ? g_strdup (unit->name) : NULL;
  s->body_active = unit != NULL && unit->active;
}

GPtrArray *
td_appraisal_steps_for_level (TdDatabase    *db,
                              TdAwardLevel   level,
                              GError       **error)
{
  g_autoptr(TdCampaign) campaign = NULL;
  GPtrArray *steps = campaign_steps (db, level, &campaign, error);
  g_autoptr(GPtrArray) out = NULL;

  if (steps == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_step_spec_free);
  for (guint i = 0; i < steps->len; i++)
    {
      TdStepSpec *s = td_step_spec_copy (steps->pdata[i]);

      if (s->actor == TD_STEP_BY_BODY)
        resolve_body (db, s, s->campaign_code);
      g_ptr_array_add (out, s);
    }
  return g_steal_pointer (&out);
}

GPtrArray *
td_appraisal_steps (TdDatabase  *db,
                    char       **threshold,
                    GError     **error)
{
  if (threshold != NULL)
    {
      g_autoptr(TdCouncilRules) rules = td_appraisal_council_rules (db);
      *threshold = g_strdup (rules->threshold);
    }
  return td_appraisal_steps_for_level (db, TD_AWARD_BANG_KHEN, error);
}

TdCouncilRules *
td_appraisal_council_rules (TdDatabase *db)
{
  g_autoptr(TdCampaign) campaign = NULL;
  GPtrArray *steps = campaign_steps (db, TD_AWARD_BANG_KHEN, &campaign, NULL);
  TdCouncilRules *rules = g_new0 (TdCouncilRules, 1);
#define COUNCIL(name) (steps ? td_campaign_get_council_rule (campaign, name) : NULL)
  const char *threshold = COUNCIL ("threshold");

  /* Bắc Ninh QĐ 86/2025: a meeting of at least two thirds of the members; one that considers
   * awards, four fifths present or giving a written opinion. */
  rules->threshold = g_strdup (threshold ? threshold : "more-than-half");
  if (!td_appraisal_parse_share (COUNCIL ("quorum"), rules->quorum))
    rules->quorum[0] = 2, rules->quorum[1] = 3;
  if (!td_appraisal_parse_share (COUNCIL ("award_attendance"), rules->attendance))
    rules->attendance[0] = 4, rules->attendance[1] = 5;
  /* A campaign described before the standing committee was data sat in plenary. */
  rules->sitting = g_strdup (g_strcmp0 (COUNCIL ("sitting"), "standing-committee") == 0
                             ? "standing-committee" : "plenary");
#undef COUNCIL
  return rules;
}

guint
td_council_rules_needed (const guint share[2],
                         guint       members)
{
  return (members * share[0] + share[1] - 1) / share[1];
}

void
td_council_rules_free (TdCouncilRules *rules)
{
  if (rules == NULL)
    return;
  g_free (rules->threshold);
  g_free (rules->sitting);
  g_free (rules);
}

gboolean
td_appraisal_set_body (TdDatabase  *db,
                       const char  *step_id,
                       const char  *unit_code,
                       GError     **error)
{
  g_autoptr(GPtrArray) steps = td_appraisal_steps (db, NULL, error);
  g_autofree char *key = g_strdup_printf ("appraisal_body.%s", step_id);
  gboolean by_body = FALSE;

  if (steps == NULL)
    return FALSE;
  for (guint i = 0; i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];
      by_body |= g_str_equal (s->id, step_id) && s->actor == TD_STEP_BY_BODY;
    }
  if (!by_body)
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE,
                   _("“%s” is not a step done by a body of the register."), step_id);
      return FALSE;
    }
  if (unit_code != NULL)
    {
      g_autoptr(TdUnitRecord) unit = td_register_get (db, unit_code, error);
      if (unit == NULL)
        return FALSE;
      if (!td_appraisal_body_may_be (unit, error))
        return FALSE;
    }
  return td_database_set_meta (db, key, unit_code ? unit_code : "", error) &&
         td_audit_record (db, "appraisal", 0, unit_code, key, NULL, unit_code ? unit_code : "", NULL, error);
}

char *
td_appraisal_suggest_body (TdDatabase       *db,
                           const TdStepSpec *step)
{
  g_autoptr(GPtrArray) units = NULL;
  g_autofree char *wanted = NULL;
  const char *exact = NULL, *within = NULL;
  guint n_within = 0;

  if (step->actor != TD_STEP_BY_BODY || step->body_active || step->campaign_name == NULL ||
      (units = td_register_list (db, NULL)) == NULL)
    return NULL;
  wanted = td_register_fold (step->campaign_name);
  for (guint i = 0; i < units->len; i++)
    {
      TdUnitRecord *u = units->pdata[i];
      g_autofree char *name = NULL;

      if (!td_appraisal_body_may_be (u, NULL))
        continue;
      name = td_register_fold (u->name);
      if (g_str_equal (name, wanted))
        exact = u->code;
      else if (strstr (name, wanted) != NULL)
        {
          within = u->code;
          n_within++;
        }
    }
  /* "Sở Khoa học và Công nghệ tỉnh Bắc Ninh" is the body; two units holding the name are a
   * question for the board, not a guess. */
  return g_strdup (exact ? exact : n_within == 1 ? within : NULL);
}

gboolean
td_appraisal_body_may_be (const TdUnitRecord  *unit,
                          GError             **error)
{
  /* The province's bodies are its departments and agencies (Sở, VP UBND), its organisations
   * (Tỉnh đoàn) or the province itself: not a commune, an enterprise or a team, which are
   * the ones appraised. */
  if (!unit->active)
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP,
                   _("%s (%s) is retired from the register: it no longer acts at a step."), unit->name, unit->code);
      return FALSE;
    }
  if (unit->kind != TD_UNIT_KIND_PROVINCE && unit->kind != TD_UNIT_KIND_DEPARTMENT &&
      unit->kind != TD_UNIT_KIND_ORGANISATION)
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP,
                   _("%s (%s) is a %s: the province's steps are done by a department, an agency or an "
                     "organisation of the register."), unit->name, unit->code, td_unit_kind_get_label (unit->kind));
      return FALSE;
    }
  return TRUE;
}

guint
td_appraisal_steps_for_status (TdDatabase        *db,
                               TdAwardLevel       level,
                               TdNominationStatus status)
{
  g_autoptr(GPtrArray) steps = NULL;

  if (status == TD_NOMINATION_RETURNED)
    return 0;
  steps = td_appraisal_steps_for_level (db, level, NULL);
  for (guint i = 0; steps && i < steps->len; i++)
    if (((TdStepSpec *) steps->pdata[i])->status == status)
      return i + 1;
  return 1;
}

