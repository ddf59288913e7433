/* td-appraisal.c: the steps of the campaign's appraisal section, their history, and the moves
 * each body may make. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-appraisal-campaign.h"
#include "td-audit.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-register.h"

#define SEED_RESOURCE "/io/github/thidua/ThiDua/core/campaigns/bac-ninh-cds-2026.json"

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

/* The campaign's appraisal section (in @section) and the process that nominations of @level
 * follow (in @process): the section itself for the levels it names (the province's Bằng khen),
 * its "issuer_steps" for the others (a unit's own Giấy khen).  The bundled plan's when the
 * stored description has none (a campaign a board described before there was one). */
static JsonParser *
appraisal_section (TdDatabase   *db,
                   TdAwardLevel  level,
                   JsonObject  **section,
                   JsonObject  **process,
                   GError      **error)
{
  for (int pass = 0; pass < 2; pass++)
    {
      g_autoptr(GBytes) json = pass == 0 ? td_catalog_get_campaign_json (db, NULL)
                                         : g_resources_lookup_data (SEED_RESOURCE, 0, error);
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *root, *o;
      JsonNode *node, *issuer;

      if (json == NULL)
        continue;
      if (!json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), NULL) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        continue;
      root = json_node_get_object (json_parser_get_root (parser));
      node = json_object_get_member (root, "appraisal");
      if (node == NULL || !td_appraisal_validate_json (node, pass == 1 ? error : NULL))
        continue;
      o = json_node_get_object (node);
      issuer = json_object_get_member (o, "issuer_steps");
      if (!td_appraisal_process_covers (o, level) && issuer == NULL)
        continue;
      *section = o;
      *process = td_appraisal_process_covers (o, level) ? o : json_node_get_object (issuer);
      return g_steal_pointer (&parser);
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
  JsonObject *section = NULL, *process = NULL;
  g_autoptr(JsonParser) parser = appraisal_section (db, level, &section, &process, error);
  g_autoptr(GPtrArray) out = NULL;
  JsonArray *steps;

  if (parser == NULL)
    return NULL;
  steps = json_object_get_array_member (process, "steps");
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_step_spec_free);
  for (guint i = 0; i < json_array_get_length (steps); i++)
    {
      JsonObject *o = json_array_get_object_element (steps, i);
      TdStepSpec *s = g_new0 (TdStepSpec, 1);
      const char *by = json_object_get_string_member (o, "acted_by");
      JsonNode *checks = json_object_get_member (o, "checks");
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      s->id = g_strdup (json_object_get_string_member (o, "id"));
      s->title = g_strdup (td_appraisal_json_string (o, "title") ? td_appraisal_json_string (o, "title") : s->id);
      td_nomination_status_from_string (json_object_get_string_member (o, "status"), &s->status);
      if (g_str_equal (by, "proposer"))
        s->actor = TD_STEP_BY_PROPOSER;
      else if (g_str_equal (by, "council"))
        s->actor = TD_STEP_BY_COUNCIL;
      else if (g_str_equal (by, "decision"))
        s->actor = TD_STEP_BY_DECISION;
      else if (g_str_equal (by, "issuer"))
        s->actor = TD_STEP_BY_ISSUER;
      else
        {
          s->actor = TD_STEP_BY_BODY;
          s->campaign_code = g_strdup (by);
          s->campaign_name = g_strdup (td_appraisal_json_string (o, "body_name"));
          resolve_body (db, s, by);
        }
      for (guint k = 0; checks && JSON_NODE_HOLDS_ARRAY (checks) && k < json_array_get_length (json_node_get_array (checks)); k++)
        g_strv_builder_add (builder, td_appraisal_json_element (json_node_get_array (checks), k));
      s->checks = g_strv_builder_end (builder);
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
  JsonObject *section = NULL, *process = NULL;
  g_autoptr(JsonParser) parser = appraisal_section (db, TD_AWARD_BANG_KHEN, &section, &process, NULL);
  JsonObject *council = parser && json_object_has_member (section, "council")
                        ? json_object_get_object_member (section, "council") : NULL;
  TdCouncilRules *rules = g_new0 (TdCouncilRules, 1);
  const char *threshold = td_appraisal_json_string (council, "threshold");

  /* Bắc Ninh QĐ 86/2025: a meeting of at least two thirds of the members; one that considers
   * awards, four fifths present or giving a written opinion. */
  rules->threshold = g_strdup (threshold ? threshold : "more-than-half");
  if (!td_appraisal_parse_share (td_appraisal_json_string (council, "quorum"), rules->quorum))
    rules->quorum[0] = 2, rules->quorum[1] = 3;
  if (!td_appraisal_parse_share (td_appraisal_json_string (council, "award_attendance"), rules->attendance))
    rules->attendance[0] = 4, rules->attendance[1] = 5;
  /* A campaign described before the standing committee was data sat in plenary. */
  rules->sitting = g_strdup (g_strcmp0 (td_appraisal_json_string (council, "sitting"), "standing-committee") == 0
                             ? "standing-committee" : "plenary");
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

