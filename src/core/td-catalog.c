/* td-catalog.c: campaign description import and the read side of the reference data.
 *
 * A campaign is data (data/campaigns/NAME.json): another province or another plan brings its own
 * file, and the application never assumes the Bắc Ninh numbers except through it. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "td-audit.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-appraisal-campaign.h"
#include "td-rules.h"


G_DEFINE_QUARK (td-catalog-error-quark, td_catalog_error)

void
td_standard_free (TdStandard *standard)
{
  if (standard == NULL)
    return;
  g_free (standard->code);
  g_free (standard->text);
  g_free (standard);
}

void
td_target_group_free (TdTargetGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->id);
  g_free (group->title);
  g_free (group);
}

/* Campaign import */

static gboolean
invalid_campaign (GError     **error,
                  const char  *what)
{
  g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN,
               _("The campaign description is not valid: %s."), what);
  return FALSE;
}

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

/* An optional member that, when there, is an ISO date ("2026-09-30"). */
static gboolean
optional_day (JsonObject *obj,
              const char *name)
{
  const char *text = member_string (obj, name);
  int y, m, d;
  char tail;

  if (!json_object_has_member (obj, name) || json_object_get_null_member (obj, name))
    return TRUE;
  return text != NULL && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && g_date_valid_dmy (d, m, y);
}

/* A list of unit kinds as a mask of 1 << TdUnitKind; FALSE for an unknown kind. */
static gboolean
kinds_mask (JsonObject *t,
            const char *member,
            guint      *mask)
{
  JsonNode *node = json_object_get_member (t, member);
  JsonArray *kinds;

  *mask = 0;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  kinds = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      JsonNode *k = json_array_get_element (kinds, i);
      TdUnitKind kind;

      if (!JSON_NODE_HOLDS_VALUE (k) || json_node_get_value_type (k) != G_TYPE_STRING ||
          !td_unit_kind_from_string (json_node_get_string (k), &kind))
        return FALSE;
      *mask |= 1u << kind;
    }
  return *mask != 0;
}

/* Reads what the campaign says of a target beyond its final threshold into @target; with
 * @target NULL, only checks it.  The same code checks a description on import and reads the
 * stored one, so what was accepted is what is used. */
static gboolean
apply_spec (JsonObject *t,
            TdTarget   *target)
{
  JsonNode *rounds = json_object_get_member (t, "rounds");
  guint reported, counted;
  gint64 decimals = json_object_get_int_member_with_default (t, "decimals", 4);

  if (!kinds_mask (t, "reported_by", &reported) || !kinds_mask (t, "counted_by", &counted) ||
      (counted & ~reported && reported != 0) || decimals < 1 || decimals > 6)
    return FALSE;
  if (rounds != NULL)
    {
      JsonArray *list;

      if (!JSON_NODE_HOLDS_ARRAY (rounds))
        return FALSE;
      list = json_node_get_array (rounds);
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *r = json_array_get_object_element (list, i);
          TdComparator cmp;
          gint64 number;
          double threshold;

          if (r == NULL)
            return FALSE;
          number = json_object_get_int_member_with_default (r, "round", 0);
          threshold = json_object_get_double_member_with_default (r, "threshold", -1);
          if (number <= 0 || threshold < 0 || threshold > 1e6 ||
              !td_comparator_from_string (member_string (r, "comparator"), &cmp))
            return FALSE;
          if (target)
            td_target_set_round_threshold (target, (guint) number, cmp, threshold);
        }
    }
  if (target)
    {
      td_target_set_reporting (target, reported, counted);
      td_target_set_decimals (target, (guint) decimals);
    }
  return TRUE;
}

static gboolean
insert_targets (TdDatabase  *db,
                const char  *campaign_id,
                JsonArray   *targets,
                GError     **error)
{
  TdStmt *stmt;

  for (guint i = 0; i < json_array_get_length (targets); i++)
    {
      JsonObject *t = json_array_get_object_element (targets, i);
      TdTargetKind kind;
      TdComparator cmp;
      const char *text, *group;
      gint64 number;
      double threshold;
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *spec = NULL;

      if (t == NULL)
        return invalid_campaign (error, "targets");
      node = json_node_init_object (json_node_alloc (), t);
      spec = json_to_string (node, FALSE);
      text = member_string (t, "text");
      group = member_string (t, "group");
      number = json_object_get_int_member_with_default (t, "number", 0);
      threshold = json_object_get_double_member_with_default (t, "threshold", -1);
      if (text == NULL || group == NULL || number <= 0 || threshold < 0 || threshold > 1e6 ||
          !td_target_kind_from_string (member_string (t, "kind"), &kind) ||
          !td_comparator_from_string (member_string (t, "comparator"), &cmp) ||
          !apply_spec (t, NULL))
        return invalid_campaign (error, "targets");

      stmt = td_database_prepare (db,
                                  "INSERT INTO target (campaign_id, number, text, group_id, kind, comparator,"
                                  " threshold, numerator_label, denominator_label, spec)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                  " ON CONFLICT (campaign_id, number) DO UPDATE SET text = excluded.text,"
                                  " group_id = excluded.group_id, kind = excluded.kind, comparator = excluded.comparator,"
                                  " threshold = excluded.threshold, numerator_label = excluded.numerator_label,"
                                  " denominator_label = excluded.denominator_label, spec = excluded.spec", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, campaign_id);
      td_stmt_bind_int64 (stmt, 2, number);
      td_stmt_bind_text (stmt, 3, text);
      td_stmt_bind_text (stmt, 4, group);
      td_stmt_bind_text (stmt, 5, td_target_kind_to_string (kind));
      td_stmt_bind_text (stmt, 6, td_comparator_to_string (cmp));
      td_stmt_bind_double (stmt, 7, threshold);
      td_stmt_bind_text (stmt, 8, member_string (t, "numerator") ?: "");
      td_stmt_bind_text (stmt, 9, member_string (t, "denominator") ?: "");
      /* Bound as is (no copy): it lives until the statement has run. */
      td_stmt_bind_text (stmt, 10, spec);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_campaign (TdDatabase  *db,
                 JsonObject  *root,
                 GError     **error)
{
  const char *id = member_string (root, "id");
  JsonArray *rounds, *groups, *targets, *standards;
  TdStmt *stmt;

  if (id == NULL || member_string (root, "title") == NULL || member_string (root, "province") == NULL ||
      member_string (root, "starts_on") == NULL || member_string (root, "ends_on") == NULL)
    return invalid_campaign (error, "id, title, province, starts_on, ends_on");
  if (!json_object_has_member (root, "rounds") || !json_object_has_member (root, "targets") ||
      !json_object_has_member (root, "groups") || !json_object_has_member (root, "standards"))
    return invalid_campaign (error, "rounds, groups, targets, standards");
  rounds = json_object_get_array_member (root, "rounds");
  groups = json_object_get_array_member (root, "groups");
  targets = json_object_get_array_member (root, "targets");
  standards = json_object_get_array_member (root, "standards");
  if (rounds == NULL || groups == NULL || targets == NULL || standards == NULL ||
      json_array_get_length (targets) == 0 || json_array_get_length (rounds) == 0)
    return invalid_campaign (error, "rounds, groups, targets, standards");

  stmt = td_database_prepare (db,
                              "INSERT INTO campaign (id, title, province, plan_ref, starts_on, ends_on)"
                              " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
                              " province = excluded.province, plan_ref = excluded.plan_ref,"
                              " starts_on = excluded.starts_on, ends_on = excluded.ends_on", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, id);
  td_stmt_bind_text (stmt, 2, member_string (root, "title"));
  td_stmt_bind_text (stmt, 3, member_string (root, "province"));
  td_stmt_bind_text (stmt, 4, member_string (root, "plan_ref") ?: "");
  td_stmt_bind_text (stmt, 5, member_string (root, "starts_on"));
  td_stmt_bind_text (stmt, 6, member_string (root, "ends_on"));
  if (!td_database_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rounds); i++)
    {
      JsonObject *r = json_array_get_object_element (rounds, i);
      gint64 grace;

      if (r == NULL || member_string (r, "title") == NULL || member_string (r, "ends_on") == NULL)
        return invalid_campaign (error, "rounds");
      grace = json_object_get_int_member_with_default (r, "grace_days", 0);

      /* Deadlines are optional (td-deadline.h): unset, they fall 10 days before the round's day. */
      if (grace < 0 || grace > 366 || !optional_day (r, "assessment_due") || !optional_day (r, "proposal_due"))
        return invalid_campaign (error, "rounds");
      stmt = td_database_prepare (db,
                                  "INSERT INTO round (campaign_id, number, title, year, ends_on, assessment_due, proposal_due,"
                                  " grace_days, late_blocks_awards)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, number) DO UPDATE SET"
                                  " title = excluded.title, year = excluded.year, ends_on = excluded.ends_on,"
                                  " assessment_due = excluded.assessment_due, proposal_due = excluded.proposal_due,"
                                  " grace_days = excluded.grace_days, late_blocks_awards = excluded.late_blocks_awards",
                                  error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, id);
      td_stmt_bind_int64 (stmt, 2, json_object_get_int_member_with_default (r, "number", i + 1));
      td_stmt_bind_text (stmt, 3, member_string (r, "title"));
      td_stmt_bind_int64 (stmt, 4, json_object_get_int_member_with_default (r, "year", 0));
      td_stmt_bind_text (stmt, 5, member_string (r, "ends_on"));
      td_stmt_bind_text (stmt, 6, member_string (r, "assessment_due"));
      td_stmt_bind_text (stmt, 7, member_string (r, "proposal_due"));
      td_stmt_bind_int64 (stmt, 8, grace);
      td_stmt_bind_int (stmt, 9, json_object_get_boolean_member_with_default (r, "late_blocks_awards", FALSE));
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (groups); i++)
    {
      JsonObject *g = json_array_get_object_element (groups, i);

      if (g == NULL || member_string (g, "id") == NULL || member_string (g, "title") == NULL)
        return invalid_campaign (error, "groups");
      stmt = td_database_prepare (db,
                                  "INSERT INTO target_group (id, campaign_id, position, title) VALUES (?, ?, ?, ?)"
                                  " ON CONFLICT (campaign_id, id) DO UPDATE SET position = excluded.position,"
                                  " title = excluded.title", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, member_string (g, "id"));
      td_stmt_bind_text (stmt, 2, id);
      td_stmt_bind_int (stmt, 3, (int) i);
      td_stmt_bind_text (stmt, 4, member_string (g, "title"));
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }

  if (json_object_has_member (root, "rules"))
    {
      JsonNode *rules = json_object_get_member (root, "rules");
      g_autoptr(GError) local = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (rules))
        return invalid_campaign (error, "rules");
      if (!td_rules_validate_json (json_node_get_array (rules), targets, &local))
        {
          g_set_error_literal (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN, local->message);
          return FALSE;
        }
    }
  /* Who appraises what: checked here, read when a nomination moves (td-appraisal.c). */
  if (!td_appraisal_validate_json (json_object_get_member (root, "appraisal"), error))
    return FALSE;
  if (!insert_targets (db, id, targets, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (standards); i++)
    {
      JsonObject *s = json_array_get_object_element (standards, i);
      const char *subject = s ? member_string (s, "subject") : NULL;

      if (s == NULL || member_string (s, "code") == NULL || member_string (s, "text") == NULL ||
          (g_strcmp0 (subject, "collective") != 0 && g_strcmp0 (subject, "individual") != 0))
        return invalid_campaign (error, "standards");
      stmt = td_database_prepare (db,
                                  "INSERT INTO standard (campaign_id, code, subject, for_teams, text)"
                                  " VALUES (?, ?, ?, ?, ?) ON CONFLICT (campaign_id, code) DO UPDATE SET"
                                  " subject = excluded.subject, for_teams = excluded.for_teams, text = excluded.text",
                                  error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, id);
      td_stmt_bind_text (stmt, 2, member_string (s, "code"));
      td_stmt_bind_text (stmt, 3, subject);
      td_stmt_bind_int (stmt, 4, json_object_get_boolean_member_with_default (s, "for_teams", FALSE));
      td_stmt_bind_text (stmt, 5, member_string (s, "text"));
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }

  return td_database_set_meta (db, "campaign", id, error);
}

gboolean
td_catalog_import_campaign (TdDatabase  *db,
                            GBytes      *json,
                            GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *existing = NULL;
  JsonNode *root;
  gsize len;
  const char *data = g_bytes_get_data (json, &len);
  g_autofree char *text = g_strndup (data, len);

  if (!json_parser_load_from_data (parser, data, (gssize) len, &local))
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN,
                   _("The campaign description is not valid JSON: %s"), local->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return invalid_campaign (error, "root");

  existing = td_catalog_get_campaign_id (db);
  if (existing != NULL)
    {
      /* The same campaign again: the same description changes nothing; a newer one (a new
       * round, a corrected text) updates the rows in place, so every value typed against a
       * target or a round stays where it is.  Nothing is deleted. */
      if (g_strcmp0 (existing, member_string (json_node_get_object (root), "id")) == 0)
        {
          g_autofree char *stored = td_database_get_meta (db, "campaign_json");
          if (g_strcmp0 (stored, text) == 0)
            return TRUE;
        }
      else
        {
          g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN,
                       _("This database already follows the campaign “%s”; create a new database for another campaign."),
                       existing);
          return FALSE;
        }
    }

  tx = td_transaction_begin (db, error);
  /* The description itself is kept: the board hands it on to the units in its setup files. */
  return tx != NULL &&
         insert_campaign (db, json_node_get_object (root), error) &&
         td_database_set_meta (db, "campaign_json", text, error) &&
         td_transaction_commit (tx, error);
}

/* The id and format of a campaign description, read in one parse; FALSE when it is not one. */
static gboolean
campaign_header (const char  *json,
                 char       **id,
                 gint64      *format)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  *id = NULL;
  *format = 0;
  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;
  root = json_node_get_object (json_parser_get_root (parser));
  *id = g_strdup (member_string (root, "id"));
  *format = json_object_get_int_member_with_default (root, "format", 1);
  return TRUE;
}

gboolean
td_catalog_ensure_seed (TdDatabase  *db,
                        GError     **error)
{
  g_autofree char *existing = td_catalog_get_campaign_id (db);
  g_autoptr(GBytes) json = NULL;

  json = g_resources_lookup_data (TD_CATALOG_SEED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (json == NULL)
    return FALSE;
  if (existing != NULL)
    {
      g_autofree char *stored = td_database_get_meta (db, "campaign_json");
      g_autofree char *bundled = g_strndup (g_bytes_get_data (json, NULL), g_bytes_get_size (json));
      g_autofree char *stored_id = NULL, *bundled_id = NULL;
      gint64 stored_format, bundled_format;

      /* A database made by an earlier version keeps its campaign, except that the same
       * campaign in a newer format (per-round thresholds, who reports what) replaces it:
       * the rows are updated in place, nothing typed is lost.  A description the board sent
       * in the current format is never overwritten. */
      campaign_header (stored, &stored_id, &stored_format);
      campaign_header (bundled, &bundled_id, &bundled_format);
      if (g_strcmp0 (existing, bundled_id) != 0 || stored_format >= bundled_format)
        return TRUE;
    }
  return td_catalog_import_campaign (db, json, error);
}

GBytes *
td_catalog_get_campaign_json (TdDatabase  *db,
                              GError     **error)
{
  g_autofree char *stored = td_database_get_meta (db, "campaign_json");
  g_autofree char *id = td_catalog_get_campaign_id (db);
  g_autoptr(GBytes) seed = NULL;

  if (stored != NULL)
    {
      /* The length first: an argument list has no order of evaluation. */
      gsize length = strlen (stored);
      return g_bytes_new_take (g_steal_pointer (&stored), length);
    }
  /* A database made before the description was kept: the built-in plan, if it is the one. */
  seed = g_resources_lookup_data (TD_CATALOG_SEED_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (seed != NULL && id != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      if (json_parser_load_from_data (parser, g_bytes_get_data (seed, NULL), (gssize) g_bytes_get_size (seed), NULL) &&
          g_strcmp0 (member_string (json_node_get_object (json_parser_get_root (parser)), "id"), id) == 0)
        return g_steal_pointer (&seed);
    }
  g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_NO_CAMPAIGN,
               _("This database does not keep the description of its campaign."));
  return NULL;
}

/* Queries */

char *
td_catalog_get_campaign_id (TdDatabase *db)
{
  return td_database_get_meta (db, "campaign");
}

char *
td_catalog_get_campaign_title (TdDatabase *db)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT title FROM campaign WHERE id = (SELECT value FROM meta WHERE key = 'campaign')",
                                            NULL);
  char *title = NULL;

  if (stmt != NULL && td_stmt_step (stmt) == TD_ROW)
    title = td_stmt_dup_text (stmt, 0);
  if (stmt != NULL)
    td_stmt_reset (stmt);
  return title;
}

static gboolean
step_row (TdDatabase    *db,
          TdStmt        *stmt,
          gboolean      *done,
          GError       **error)
{
  int rc = td_stmt_step (stmt);

  *done = rc == TD_DONE;
  if (rc == TD_ROW)
    return TRUE;
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    td_database_set_error (db, rc, error);
  return FALSE;
}

static TdRound *
round_from_row (TdStmt       *stmt)
{
  return td_round_new (td_stmt_column_int64 (stmt, 0), (guint) td_stmt_column_int (stmt, 1),
                       (const char *) td_stmt_column_text (stmt, 2), td_stmt_column_int (stmt, 3),
                       (const char *) td_stmt_column_text (stmt, 4));
}

#define ROUND_COLUMNS "SELECT id, number, title, year, ends_on FROM round " \
                      "WHERE campaign_id = (SELECT value FROM meta WHERE key = 'campaign') "

GListModel *
td_catalog_list_rounds (TdDatabase  *db,
                        GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (TD_TYPE_ROUND);
  TdStmt *stmt = td_database_prepare (db, ROUND_COLUMNS "ORDER BY number", error);
  gboolean done = FALSE;

  if (stmt == NULL)
    return NULL;
  while (step_row (db, stmt, &done, error))
    {
      g_autoptr(TdRound) round = round_from_row (stmt);
      g_list_store_append (store, round);
    }
  return done ? G_LIST_MODEL (g_steal_pointer (&store)) : NULL;
}

TdRound *
td_catalog_find_round (TdDatabase  *db,
                       guint        number,
                       GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, ROUND_COLUMNS "AND number = ?", error);
  TdRound *round = NULL;
  gboolean done;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int (stmt, 1, (int) number);
  if (step_row (db, stmt, &done, error))
    {
      round = round_from_row (stmt);
      td_stmt_reset (stmt);
    }
  else if (done)
    g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_UNKNOWN_ROUND,
                 _("The campaign has no round %u."), number);
  return round;
}

#define TARGET_COLUMNS "SELECT id, number, text, group_id, kind, comparator, threshold, " \
                       "numerator_label, denominator_label, spec FROM target " \
                       "WHERE campaign_id = (SELECT value FROM meta WHERE key = 'campaign') "

static TdTarget *
target_from_row (TdStmt       *stmt)
{
  TdTargetKind kind = TD_TARGET_KIND_RATIO;
  TdComparator cmp = TD_COMPARATOR_GE;
  g_autoptr(JsonParser) parser = json_parser_new ();
  TdTarget *target;

  td_target_kind_from_string ((const char *) td_stmt_column_text (stmt, 4), &kind);
  td_comparator_from_string ((const char *) td_stmt_column_text (stmt, 5), &cmp);
  target = td_target_new (td_stmt_column_int64 (stmt, 0), (guint) td_stmt_column_int (stmt, 1),
                          (const char *) td_stmt_column_text (stmt, 2),
                          (const char *) td_stmt_column_text (stmt, 3), kind, cmp,
                          td_stmt_column_double (stmt, 6),
                          (const char *) td_stmt_column_text (stmt, 7),
                          (const char *) td_stmt_column_text (stmt, 8));
  /* The spec was checked when the campaign was imported. */
  if (json_parser_load_from_data (parser, (const char *) td_stmt_column_text (stmt, 9), -1, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    apply_spec (json_node_get_object (json_parser_get_root (parser)), target);
  return target;
}

GListModel *
td_catalog_list_targets (TdDatabase  *db,
                         GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (TD_TYPE_TARGET);
  TdStmt *stmt = td_database_prepare (db, TARGET_COLUMNS "ORDER BY number", error);
  gboolean done = FALSE;

  if (stmt == NULL)
    return NULL;
  while (step_row (db, stmt, &done, error))
    {
      g_autoptr(TdTarget) target = target_from_row (stmt);
      g_list_store_append (store, target);
    }
  return done ? G_LIST_MODEL (g_steal_pointer (&store)) : NULL;
}

TdTarget *
td_catalog_find_target (TdDatabase  *db,
                        guint        number,
                        GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, TARGET_COLUMNS "AND number = ?", error);
  TdTarget *target = NULL;
  gboolean done;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int (stmt, 1, (int) number);
  if (step_row (db, stmt, &done, error))
    {
      target = target_from_row (stmt);
      td_stmt_reset (stmt);
    }
  else if (done)
    g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN,
                 _("The campaign has no target %u."), number);
  return target;
}

static gpointer
group_from_row (TdStmt       *stmt,
                gpointer      user_data)
{
  TdTargetGroup *group = g_new0 (TdTargetGroup, 1);

  group->id = td_stmt_dup_text (stmt, 0);
  group->title = td_stmt_dup_text (stmt, 1);
  return group;
}

GPtrArray *
td_catalog_list_groups (TdDatabase  *db,
                        GError     **error)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT id, title FROM target_group "
                                            "WHERE campaign_id = (SELECT value FROM meta WHERE key = 'campaign') "
                                            "ORDER BY position", error);

  if (stmt == NULL)
    return NULL;
  return td_database_collect (db, stmt, group_from_row, NULL, (GDestroyNotify) td_target_group_free, error);
}

static gpointer
standard_from_row (TdStmt       *stmt,
                   gpointer      user_data)
{
  TdStandard *s = g_new0 (TdStandard, 1);

  s->id = td_stmt_column_int64 (stmt, 0);
  s->code = td_stmt_dup_text (stmt, 1);
  s->individual = g_strcmp0 ((const char *) td_stmt_column_text (stmt, 2), "individual") == 0;
  s->for_teams = td_stmt_column_int (stmt, 3);
  s->text = td_stmt_dup_text (stmt, 4);
  return s;
}

GPtrArray *
td_catalog_list_standards (TdDatabase  *db,
                           gboolean     individual,
                           gboolean     team,
                           GError     **error)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT id, code, subject, for_teams, text FROM standard "
                                            "WHERE campaign_id = (SELECT value FROM meta WHERE key = 'campaign') "
                                            "AND subject = ? AND (for_teams = 0 OR ?) ORDER BY code", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, individual ? "individual" : "collective");
  td_stmt_bind_int (stmt, 2, team);
  return td_database_collect (db, stmt, standard_from_row, NULL, (GDestroyNotify) td_standard_free, error);
}

#define UNIT_COLUMNS "SELECT id, code, name, kind, coalesce(parent_id, 0) FROM unit "

static TdUnit *
unit_from_row (TdStmt       *stmt)
{
  TdUnitKind kind = TD_UNIT_KIND_ORGANISATION;

  td_unit_kind_from_string ((const char *) td_stmt_column_text (stmt, 3), &kind);
  return td_unit_new (td_stmt_column_int64 (stmt, 0), (const char *) td_stmt_column_text (stmt, 1),
                      (const char *) td_stmt_column_text (stmt, 2), kind,
                      td_stmt_column_int64 (stmt, 4));
}

static GListModel *
list_units (TdDatabase  *db,
            gboolean     active_only,
            GError     **error)
{
  g_autoptr(GListStore) store = g_list_store_new (TD_TYPE_UNIT);
  /* Kinds in their declared order (province first), then names as Vietnamese readers sort. */
  TdStmt *stmt = td_database_prepare (db, UNIT_COLUMNS
                                      "WHERE active OR NOT ?1 "
                                      "ORDER BY CASE kind WHEN 'province' THEN 0 WHEN 'department' THEN 1 "
                                      "WHEN 'commune' THEN 2 WHEN 'ward' THEN 2 WHEN 'enterprise' THEN 3 "
                                      "WHEN 'organisation' THEN 4 WHEN 'team-commune' THEN 5 ELSE 6 END, code",
                                      error);
  gboolean done = FALSE;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int (stmt, 1, active_only);
  while (step_row (db, stmt, &done, error))
    {
      g_autoptr(TdUnit) unit = unit_from_row (stmt);
      g_list_store_append (store, unit);
    }
  return done ? G_LIST_MODEL (g_steal_pointer (&store)) : NULL;
}

GListModel *
td_catalog_list_units (TdDatabase  *db,
                       GError     **error)
{
  return list_units (db, FALSE, error);
}

GListModel *
td_catalog_list_active_units (TdDatabase  *db,
                              GError     **error)
{
  return list_units (db, TRUE, error);
}

TdUnit *
td_catalog_find_unit (TdDatabase  *db,
                      const char  *code,
                      GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, UNIT_COLUMNS "WHERE code = ?", error);
  TdUnit *unit = NULL;
  gboolean done;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, code);
  if (step_row (db, stmt, &done, error))
    {
      unit = unit_from_row (stmt);
      td_stmt_reset (stmt);
    }
  else if (done)
    g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_UNKNOWN_UNIT,
                 _("There is no unit with the code “%s”. Check the code, or add the unit first."), code);
  return unit;
}

TdUnit *
td_catalog_find_unit_by_id (TdDatabase  *db,
                            gint64       id,
                            GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, UNIT_COLUMNS "WHERE id = ?", error);
  TdUnit *unit = NULL;
  gboolean done;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, id);
  if (step_row (db, stmt, &done, error))
    {
      unit = unit_from_row (stmt);
      td_stmt_reset (stmt);
    }
  else if (done)
    g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_UNKNOWN_UNIT,
                 _("The unit no longer exists."));
  return unit;
}

TdUnit *
td_catalog_add_unit (TdDatabase  *db,
                     const char  *code,
                     const char  *name,
                     TdUnitKind   kind,
                     const char  *parent_code,
                     GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdUnit) parent = NULL;
  g_autofree char *clean_code = g_strstrip (g_strdup (code ? code : ""));
  g_autofree char *clean_name = g_strstrip (g_strdup (name ? name : ""));
  TdStmt *stmt;
  gint64 id;

  if (*clean_code == '\0' || *clean_name == '\0' || !g_utf8_validate (clean_name, -1, NULL))
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_UNIT,
                   _("A unit needs a code and a name."));
      return NULL;
    }
  if (parent_code != NULL && (parent = td_catalog_find_unit (db, parent_code, error)) == NULL)
    return NULL;

  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return NULL;
  stmt = td_database_prepare (db, "INSERT INTO unit (code, name, kind, parent_id) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, clean_code);
  td_stmt_bind_text (stmt, 2, clean_name);
  td_stmt_bind_text (stmt, 3, td_unit_kind_to_string (kind));
  if (parent != NULL)
    td_stmt_bind_int64 (stmt, 4, td_unit_get_id (parent));
  else
    td_stmt_bind_null (stmt, 4);
  if (!td_database_step_done (db, stmt, error))
    {
      if (error && *error && (*error)->code == TD_DATABASE_ERROR_CONSTRAINT)
        {
          g_clear_error (error);
          g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_UNIT,
                       _("A unit with the code “%s” already exists."), clean_code);
        }
      return NULL;
    }
  id = td_conn_last_insert_id (td_database_get_handle (db));
  if (!td_audit_record (db, "unit", id, clean_code, "created", NULL, clean_name, NULL, error) ||
      !td_transaction_commit (tx, error))
    return NULL;

  return td_unit_new (id, clean_code, clean_name, kind, parent ? td_unit_get_id (parent) : 0);
}
