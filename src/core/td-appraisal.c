/* td-appraisal.c: the steps of the campaign's appraisal section, their history, and the moves
 * each body may make. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-audit.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-register.h"

#define SEED_RESOURCE "/io/github/thidua/ThiDua/core/campaigns/bac-ninh-cds-2026.json"

/* The council's shares the campaign may set, each a fraction of its members ("2/3"). */
static const char * const council_shares[] = { "quorum", "award_attendance" };

/* "2/3" → 2, 3; FALSE unless 0 < numerator ≤ denominator ≤ 100. */
static gboolean
parse_share (const char *text,
             guint       share[2])
{
  guint64 a, b;
  g_auto(GStrv) parts = text ? g_strsplit (text, "/", 3) : NULL;

  if (parts == NULL || g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 1, 100, &a, NULL) ||
      !g_ascii_string_to_unsigned (parts[1], 10, 1, 100, &b, NULL) || a > b)
    return FALSE;
  share[0] = (guint) a;
  share[1] = (guint) b;
  return TRUE;
}

static const char * const check_ids[] = {
  "assessment-appraised", "targets-met", "standards-justified", "evidence-reviewed", "not-twice", "no-hold",
};

void
td_step_record_free (TdStepRecord *r)
{
  if (r == NULL)
    return;
  g_free (r->step);
  g_free (r->body_code);
  g_free (r->body_name);
  g_free (r->actor);
  g_free (r->at);
  g_free (r->verdict);
  g_free (r->opinion);
  g_free (r->reason);
  g_free (r->check_id);
  g_free (r);
}

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

/* A member or an element that is a string, else NULL: the description may come from a setup
 * file, and json-glib's own getters complain about any other type. */
static const char *
str_member (JsonObject *o,
            const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n)
                                                                                        : NULL;
}

static const char *
str_element (JsonArray *a,
             guint      i)
{
  JsonNode *n = json_array_get_element (a, i);

  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING ? json_node_get_string (n)
                                                                                        : NULL;
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_INVALID,
               _("The campaign's appraisal section is not usable: %s."), what);
  return FALSE;
}

/* One process: its steps, in order, from the proposer's to the decision's.  @issuer: the
 * steps of a unit's own award (acted by the proposer, the issuing unit, the decision). */
static gboolean
validate_process (JsonObject *o,
                  gboolean    issuer,
                  GError    **error)
{
  JsonArray *steps;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_steps;

  if (!json_object_has_member (o, "steps") || !JSON_NODE_HOLDS_ARRAY (json_object_get_member (o, "steps")))
    return invalid (error, "no steps");
  steps = json_object_get_array_member (o, "steps");
  n_steps = json_array_get_length (steps);
  if (n_steps < 2)
    return invalid (error, "fewer than two steps");
  for (guint i = 0; i < n_steps; i++)
    {
      JsonNode *n = json_array_get_element (steps, i);
      JsonObject *step;
      const char *id, *by, *status;
      TdNominationStatus st;

      if (!JSON_NODE_HOLDS_OBJECT (n))
        return invalid (error, "a step that is not an object");
      step = json_node_get_object (n);
      id = str_member (step, "id");
      by = str_member (step, "acted_by");
      status = str_member (step, "status");
      if (id == NULL || by == NULL || status == NULL || !td_nomination_status_from_string (status, &st) ||
          st == TD_NOMINATION_RETURNED || !g_hash_table_add (seen, (gpointer) id))
        return invalid (error, "a step without a unique id, acted_by and a status");
      if ((i == 0) != g_str_equal (by, "proposer"))
        return invalid (error, "the first step, and only it, is the proposer's");
      /* The decision is the last step and the only one that decides: no description can make
       * a nomination "decided" by a body's approval. */
      if ((i == n_steps - 1) != g_str_equal (by, "decision") || (st == TD_NOMINATION_DECIDED) != (i == n_steps - 1))
        return invalid (error, "the last step, and only it, is the award decision, which makes the nomination decided");
      if (issuer ? g_str_equal (by, "council") : g_str_equal (by, "issuer"))
        return invalid (error, issuer ? "a unit's own award voted by the province's council"
                                      : "an issuing unit acting in the province's steps");
      if (json_object_has_member (step, "checks"))
        {
          JsonNode *c = json_object_get_member (step, "checks");
          JsonArray *checks = JSON_NODE_HOLDS_ARRAY (c) ? json_node_get_array (c) : NULL;

          for (guint k = 0; checks == NULL || k < json_array_get_length (checks); k++)
            {
              const char *check = checks ? str_element (checks, k) : NULL;
              gboolean known = FALSE;

              for (guint x = 0; check && x < G_N_ELEMENTS (check_ids); x++)
                known |= g_str_equal (check, check_ids[x]);
              if (!known)
                return invalid (error, "an unknown check");
            }
        }
    }
  if (json_object_has_member (o, "levels"))
    {
      JsonNode *l = json_object_get_member (o, "levels");
      JsonArray *levels = JSON_NODE_HOLDS_ARRAY (l) ? json_node_get_array (l) : NULL;

      for (guint i = 0; levels == NULL || i < json_array_get_length (levels); i++)
        {
          TdAwardLevel level;
          if (levels == NULL || !td_award_level_from_string (str_element (levels, i), &level))
            return invalid (error, "levels other than bang-khen and giay-khen");
        }
    }
  return TRUE;
}

gboolean
td_appraisal_validate_json (JsonNode  *node,
                            GError   **error)
{
  JsonObject *o;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, "not an object");
  o = json_node_get_object (node);
  if (!validate_process (o, FALSE, error))
    return FALSE;
  if (json_object_has_member (o, "issuer_steps"))
    {
      JsonNode *issuer = json_object_get_member (o, "issuer_steps");

      if (!JSON_NODE_HOLDS_OBJECT (issuer))
        return invalid (error, "issuer_steps that are not an object");
      if (!validate_process (json_node_get_object (issuer), TRUE, error))
        return FALSE;
    }
  if (json_object_has_member (o, "council"))
    {
      JsonNode *c = json_object_get_member (o, "council");
      JsonObject *council = JSON_NODE_HOLDS_OBJECT (c) ? json_node_get_object (c) : NULL;
      const char *t = str_member (council, "threshold");

      if (t == NULL || (!g_str_equal (t, "more-than-half") && !g_str_equal (t, "two-thirds")))
        return invalid (error, "a council threshold other than more-than-half or two-thirds");
      {
        const char *sitting = str_member (council, "sitting");

        if (json_object_has_member (council, "sitting") &&
            g_strcmp0 (sitting, "plenary") != 0 && g_strcmp0 (sitting, "standing-committee") != 0)
          return invalid (error, "a council sitting other than plenary or standing-committee");
      }
      for (guint i = 0; i < G_N_ELEMENTS (council_shares); i++)
        {
          guint share[2];

          if (json_object_has_member (council, council_shares[i]) &&
              !parse_share (str_member (council, council_shares[i]), share))
            return invalid (error, "a council quorum or attendance that is not a fraction such as \"2/3\"");
        }
    }
  return TRUE;
}

/* Whether @process names @level in its "levels" (every level without one). */
static gboolean
process_covers (JsonObject   *process,
                TdAwardLevel  level)
{
  JsonNode *levels = json_object_get_member (process, "levels");

  if (levels == NULL || !JSON_NODE_HOLDS_ARRAY (levels))
    return TRUE;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (levels)); i++)
    if (g_strcmp0 (str_element (json_node_get_array (levels), i), td_award_level_to_string (level)) == 0)
      return TRUE;
  return FALSE;
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
      if (!process_covers (o, level) && issuer == NULL)
        continue;
      *section = o;
      *process = process_covers (o, level) ? o : json_node_get_object (issuer);
      return g_steal_pointer (&parser);
    }
  if (error && *error == NULL)
    invalid (error, "missing");
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
      s->title = g_strdup (str_member (o, "title") ? str_member (o, "title") : s->id);
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
          s->campaign_name = g_strdup (str_member (o, "body_name"));
          resolve_body (db, s, by);
        }
      for (guint k = 0; checks && JSON_NODE_HOLDS_ARRAY (checks) && k < json_array_get_length (json_node_get_array (checks)); k++)
        g_strv_builder_add (builder, str_element (json_node_get_array (checks), k));
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
  const char *threshold = str_member (council, "threshold");

  /* Bắc Ninh QĐ 86/2025: a meeting of at least two thirds of the members; one that considers
   * awards, four fifths present or giving a written opinion. */
  rules->threshold = g_strdup (threshold ? threshold : "more-than-half");
  if (!parse_share (str_member (council, "quorum"), rules->quorum))
    rules->quorum[0] = 2, rules->quorum[1] = 3;
  if (!parse_share (str_member (council, "award_attendance"), rules->attendance))
    rules->attendance[0] = 4, rules->attendance[1] = 5;
  /* A campaign described before the standing committee was data sat in plenary. */
  rules->sitting = g_strdup (g_strcmp0 (str_member (council, "sitting"), "standing-committee") == 0
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

gboolean
td_appraisal_record (TdDatabase   *db,
                     gint64        nomination_id,
                     const char   *step,
                     TdStepAction  action,
                     const char   *body_code,
                     const char   *verdict,
                     const char   *opinion,
                     const char   *reason,
                     const char   *check_id,
                     GError      **error)
{
  g_autofree char *now = td_database_now ();
  sqlite3_stmt *stmt = td_database_prepare (db, "INSERT INTO nomination_step (nomination_id, step, action, body_code,"
                                                " actor, at, verdict, opinion, reason, check_id)"
                                                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  td_stmt_bind_text (stmt, 2, step);
  td_stmt_bind_text (stmt, 3, td_step_action_to_string (action));
  td_stmt_bind_text (stmt, 4, body_code);
  td_stmt_bind_text (stmt, 5, td_database_get_actor (db));
  td_stmt_bind_text (stmt, 6, now);
  td_stmt_bind_text (stmt, 7, verdict);
  td_stmt_bind_text (stmt, 8, opinion ? opinion : "");
  td_stmt_bind_text (stmt, 9, reason ? reason : "");
  td_stmt_bind_text (stmt, 10, check_id);
  return td_database_step_done (db, stmt, error);
}

static gpointer
record_from_row (sqlite3_stmt *stmt,
                 gpointer      user_data)
{
  TdStepRecord *r = g_new0 (TdStepRecord, 1);
  const char *action = (const char *) sqlite3_column_text (stmt, 2);

  r->id = sqlite3_column_int64 (stmt, 0);
  r->step = td_stmt_dup_text (stmt, 1);
  td_step_action_from_string (action, &r->action);
  r->body_code = td_stmt_dup_text (stmt, 3);
  r->actor = td_stmt_dup_text (stmt, 4);
  r->at = td_stmt_dup_text (stmt, 5);
  r->verdict = td_stmt_dup_text (stmt, 6);
  r->opinion = td_stmt_dup_text (stmt, 7);
  r->reason = td_stmt_dup_text (stmt, 8);
  r->check_id = td_stmt_dup_text (stmt, 9);
  r->body_name = td_stmt_dup_text (stmt, 10);
  return r;
}

GPtrArray *
td_appraisal_history (TdDatabase  *db,
                      gint64       nomination_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = td_database_prepare (db, "SELECT s.id, s.step, s.action, s.body_code, s.actor, s.at, s.verdict,"
                                                " s.opinion, s.reason, s.check_id, u.name FROM nomination_step s"
                                                " LEFT JOIN unit u ON u.code = s.body_code"
                                                " WHERE s.nomination_id = ? ORDER BY s.id", error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  return td_database_collect (db, stmt, record_from_row, NULL, (GDestroyNotify) td_step_record_free, error);
}

guint
td_appraisal_steps_done (TdDatabase  *db,
                         gint64       nomination_id,
                         GError     **error)
{
  sqlite3_stmt *stmt = td_database_prepare (db, "SELECT steps_done FROM nomination WHERE id = ?", error);
  guint done = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, nomination_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    done = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return done;
}
