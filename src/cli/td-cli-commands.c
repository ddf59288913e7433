/* td-cli-commands.c: init, targets, units, summary and audit. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-demo.h"

#define PARSE(name, parameter, entries)                                                  \
  G_STMT_START {                                                                         \
    int status_ = 0;                                                                     \
    if (!td_cli_parse (ctx, name, parameter, entries, &argc, &argv, &status_, error))    \
      return status_;                                                                    \
  } G_STMT_END

/* printf pads by bytes; Vietnamese and "≥" take several bytes per character. */
static char *
pad (const char *text,
     int         width)
{
  glong len = g_utf8_strlen (text, -1);
  GString *out = g_string_new (text);

  for (glong i = len; i < width; i++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}


/* init */

int
td_cli_init (TdCliContext  *ctx,
             int            argc,
             char         **argv,
             GError       **error)
{
  gboolean demo = FALSE, board = FALSE;
  g_autofree char *campaign = NULL;
  GOptionEntry entries[] = {
    { "demo", 0, 0, G_OPTION_ARG_NONE, &demo, N_("Fill the new database with the sample province"), NULL },
    { "board", 0, 0, G_OPTION_ARG_NONE, &board, N_("The province board's database, empty (a unit's comes from “setup open”)"), NULL },
    { "campaign", 0, 0, G_OPTION_ARG_FILENAME, &campaign, N_("Campaign description (JSON) instead of the built-in plan"), N_("FILE") },
    { NULL }
  };
  g_autoptr(GListModel) units = NULL;

  PARSE ("init", NULL, entries);
  if (argc > 1)
    return td_cli_usage_error (error, _("init takes no arguments"));

  if (demo && board)
    return td_cli_usage_error (error, _("init takes --demo or --board, not both"));
  if (ctx->database_path == NULL)
    ctx->database_path = td_database_default_path ();
  ctx->db = td_database_open (ctx->database_path, error);
  if (ctx->db == NULL)
    return 1;
  if (td_database_get_installation (ctx->db, NULL) == TD_INSTALLATION_UNIT)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                   _("“%s” is a unit's installation; the board's database is another file."), ctx->database_path);
      return 1;
    }
  if (!td_database_set_installation (ctx->db, TD_INSTALLATION_BOARD, NULL, error))
    return 1;

  if (campaign != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (campaign);
      g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, error);

      if (bytes == NULL || !td_catalog_import_campaign (ctx->db, bytes, error))
        return 1;
    }
  else if (!td_catalog_ensure_seed (ctx->db, error))
    return 1;

  if (demo)
    {
      units = td_catalog_list_units (ctx->db, error);
      if (units == NULL)
        return 1;
      if (g_list_model_get_n_items (units) > 0)
        {
          g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                       _("“%s” already holds units; sample data goes only into a new database."),
                       ctx->database_path);
          return 1;
        }
      if (!td_demo_populate (ctx->db, error))
        return 1;
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *id = td_catalog_get_campaign_id (ctx->db);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "database");
      json_builder_add_string_value (b, ctx->database_path);
      json_builder_set_member_name (b, "campaign");
      json_builder_add_string_value (b, id);
      json_builder_set_member_name (b, "demo");
      json_builder_add_boolean_value (b, td_database_is_demo (ctx->db));
      json_builder_set_member_name (b, "installation");
      json_builder_add_string_value (b, demo ? "sample" : "board");
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  else
    printf (demo ? _("Created %s with sample data (the sample province's board).\n")
                 : _("Database %s is ready: the province board's database, without units yet (“thidua-cli units import FILE”).\n"),
            ctx->database_path);
  return 0;
}

/* targets */

int
td_cli_targets (TdCliContext  *ctx,
                int            argc,
                char         **argv,
                GError       **error)
{
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  int round_number = 0;
  GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The thresholds of this round (default: the final ones)"), N_("R") },
    { NULL }
  };

  PARSE ("targets", NULL, entries);
  if (!td_cli_open (ctx, error) || (targets = td_catalog_list_targets (ctx->db, error)) == NULL)
    return 1;
  if (round_number < 0)
    return td_cli_usage_error (error, _("--round must be 1 or more"));
  if (round_number > 0)
    {
      g_autoptr(TdRound) round = td_catalog_find_round (ctx->db, (guint) round_number, error);
      if (round == NULL)
        return 1;
    }

  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(TdTarget) all = g_list_model_get_item (targets, i);
      g_autoptr(TdTarget) t = td_target_at_round (all, (guint) round_number);
      g_autofree char *threshold = td_target_format_threshold (t);

      if (!ctx->json)
        {
          g_autofree char *threshold_col = pad (threshold, 8);
          printf ("%2u  %s  %s\n", td_target_get_number (t), threshold_col, td_target_get_text (t));
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "number");
      json_builder_add_int_value (b, td_target_get_number (t));
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, td_target_get_text (t));
      json_builder_set_member_name (b, "group");
      json_builder_add_string_value (b, td_target_get_group_id (t));
      json_builder_set_member_name (b, "kind");
      json_builder_add_string_value (b, td_target_kind_to_string (td_target_get_kind (t)));
      json_builder_set_member_name (b, "comparator");
      json_builder_add_string_value (b, td_comparator_to_string (td_target_get_comparator (t)));
      json_builder_set_member_name (b, "threshold");
      json_builder_add_double_value (b, td_target_get_threshold (t));
      json_builder_set_member_name (b, "numerator_label");
      json_builder_add_string_value (b, td_target_get_numerator_label (t));
      json_builder_set_member_name (b, "denominator_label");
      json_builder_add_string_value (b, td_target_get_denominator_label (t));
      json_builder_set_member_name (b, "shown_threshold");
      json_builder_add_string_value (b, threshold);
      if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
        {
          json_builder_set_member_name (b, "decimals");
          json_builder_add_int_value (b, td_target_get_decimals (t));
        }
      json_builder_set_member_name (b, "reported_by");
      json_builder_begin_array (b);
      for (TdUnitKind k = 0; k < TD_N_UNIT_KINDS; k++)
        if (td_target_is_reported_by (t, k))
          json_builder_add_string_value (b, td_unit_kind_to_string (k));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "counted_by");
      json_builder_begin_array (b);
      for (TdUnitKind k = 0; k < TD_N_UNIT_KINDS; k++)
        if (td_target_is_counted_for (t, k))
          json_builder_add_string_value (b, td_unit_kind_to_string (k));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  return 0;
}

/* summary */

static void
print_summary_text (TdRound   *round,
                    TdUnit    *unit,
                    GArray    *rollups,
                    TdSummary *summary)
{
  printf ("%s\n", td_round_get_title (round));
  if (unit != NULL)
    printf ("%s: %s (%s)\n", _("Unit"), td_unit_get_name (unit), td_unit_get_code (unit));
  else
    printf ("%s\n", _("Whole province (submitted self-assessments)"));
  printf ("\n");

  for (guint i = 0; i < rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (rollups, TdTargetRollup, i);
      g_autofree char *threshold = td_target_format_threshold (r->target);
      g_autofree char *measure = r->has_measure ? td_target_rollup_format (r) : g_strdup ("—");
      g_autofree char *measure_col = NULL;
      g_autofree char *threshold_col = NULL;
      g_autofree char *outcome_col = NULL;
      const char *outcome;

      if (r->has_measure)
        outcome = r->met ? _("Met") : _("Not met");
      else if (r->not_reported)
        outcome = _("Not applicable");
      else if (r->n_invalid > 0)
        outcome = _("Needs correction");
      else if (r->n_not_applicable > 0)
        outcome = _("Not applicable");
      else
        outcome = _("Not entered");

      measure_col = pad (measure, 9);
      threshold_col = pad (threshold, 9);
      outcome_col = pad (outcome, 16);
      if (unit != NULL)
        printf ("%2u  %s %s %s\n", td_target_get_number (r->target), measure_col, threshold_col, outcome);
      else
        {
          /* How many units meet it on their own, of those that reported. */
          g_autofree char *units = g_strdup_printf (_("%u/%u units"), r->n_met, r->n_reporting);
          printf ("%2u  %s %s %s %s\n", td_target_get_number (r->target), measure_col, threshold_col,
                  outcome_col, units);
        }
    }
  printf ("\n");
  printf (_("Met %u of %u applicable targets"), summary->n_met, summary->n_applicable);
  printf ("\n");
}

int
td_cli_summary (TdCliContext  *ctx,
                int            argc,
                char         **argv,
                GError       **error)
{
  int round_number = 0;
  g_autofree char *unit_code = NULL;
  GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (1, 2, …)"), N_("R") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("Only this unit (its code)"), N_("CODE") },
    { NULL }
  };
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(GArray) rollups = NULL;
  TdRollupScope scope;
  TdSummary summary;

  PARSE ("summary", NULL, entries);
  if (round_number <= 0)
    return td_cli_usage_error (error, _("summary needs --round R (for example --round 2)"));
  if (!td_cli_open (ctx, error) ||
      (targets = td_catalog_list_targets (ctx->db, error)) == NULL ||
      (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL)
    return 1;
  if (unit_code != NULL && (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL)
    return 1;

  td_rollup_scope_init (&scope, td_round_get_id (round));
  if (unit != NULL)
    scope.unit_id = td_unit_get_id (unit);
  rollups = td_rollup_compute (ctx->db, targets, &scope, error);
  if (rollups == NULL)
    return 1;
  td_rollup_summarize (rollups, &summary);

  if (!ctx->json)
    {
      print_summary_text (round, unit, rollups, &summary);
      return 0;
    }

  {
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autoptr(JsonNode) root = NULL;

    json_builder_begin_object (b);
    json_builder_set_member_name (b, "round");
    json_builder_add_int_value (b, round_number);
    json_builder_set_member_name (b, "unit");
    if (unit)
      json_builder_add_string_value (b, td_unit_get_code (unit));
    else
      json_builder_add_null_value (b);
    json_builder_set_member_name (b, "met");
    json_builder_add_int_value (b, summary.n_met);
    json_builder_set_member_name (b, "applicable");
    json_builder_add_int_value (b, summary.n_applicable);
    json_builder_set_member_name (b, "missing");
    json_builder_add_int_value (b, summary.n_missing);
    json_builder_set_member_name (b, "targets");
    json_builder_begin_array (b);
    for (guint i = 0; i < rollups->len; i++)
      {
        TdTargetRollup *r = &g_array_index (rollups, TdTargetRollup, i);

        json_builder_begin_object (b);
        json_builder_set_member_name (b, "number");
        json_builder_add_int_value (b, td_target_get_number (r->target));
        json_builder_set_member_name (b, "value");
        if (r->has_measure)
          json_builder_add_double_value (b, r->measure);
        else
          json_builder_add_null_value (b);
        /* What every other output shows, and the threshold of this round it was judged by. */
        json_builder_set_member_name (b, "shown");
        if (r->has_measure)
          {
            g_autofree char *shown = td_target_rollup_format (r);
            json_builder_add_string_value (b, shown);
          }
        else
          json_builder_add_null_value (b);
        json_builder_set_member_name (b, "comparator");
        json_builder_add_string_value (b, td_comparator_to_string (td_target_get_comparator (r->target)));
        json_builder_set_member_name (b, "threshold");
        json_builder_add_double_value (b, td_target_get_threshold (r->target));
        json_builder_set_member_name (b, "reported_in_scope");
        json_builder_add_boolean_value (b, !r->not_reported);
        json_builder_set_member_name (b, "units_not_counted");
        json_builder_add_int_value (b, r->n_not_counted);
        json_builder_set_member_name (b, "met");
        json_builder_add_boolean_value (b, r->has_measure && r->met);
        json_builder_set_member_name (b, "numerator");
        json_builder_add_int_value (b, r->numerator_sum);
        json_builder_set_member_name (b, "denominator");
        json_builder_add_int_value (b, r->denominator_sum);
        json_builder_set_member_name (b, "units_reporting");
        json_builder_add_int_value (b, r->n_reporting);
        json_builder_set_member_name (b, "units_met");
        json_builder_add_int_value (b, r->n_met);
        json_builder_set_member_name (b, "units_not_applicable");
        json_builder_add_int_value (b, r->n_not_applicable);
        json_builder_end_object (b);
      }
    json_builder_end_array (b);
    json_builder_end_object (b);
    root = json_builder_get_root (b);
    td_cli_print_json (root);
  }
  return 0;
}

/* audit */

int
td_cli_audit (TdCliContext  *ctx,
              int            argc,
              char         **argv,
              GError       **error)
{
  g_autofree char *unit_code = NULL;
  int limit = 50;
  gboolean unit_history = FALSE;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("Only changes of this unit (its code)"), N_("CODE") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("At most this many entries, newest first (0: all)"), N_("N") },
    { "unit-history", 0, 0, G_OPTION_ARG_NONE, &unit_history,
      N_("The units' own history, as their packages brought it, instead of this database's log"), NULL },
    { NULL }
  };
  g_autoptr(GPtrArray) entries_found = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();

  PARSE ("audit", NULL, entries);
  if (limit < 0)
    return td_cli_usage_error (error, _("--limit must be 0 or more"));
  if (!td_cli_open (ctx, error))
    return 1;
  if (unit_code != NULL)
    {
      g_autoptr(TdUnit) unit = td_catalog_find_unit (ctx->db, unit_code, error);
      if (unit == NULL)
        return 1;
    }
  entries_found = unit_history ? td_audit_list_unit_history (ctx->db, unit_code, (guint) limit, error)
                               : td_audit_list (ctx->db, unit_code, (guint) limit, error);
  if (entries_found == NULL)
    return 1;

  json_builder_begin_array (b);
  for (guint i = 0; i < entries_found->len; i++)
    {
      TdAuditEntry *e = g_ptr_array_index (entries_found, i);

      if (!ctx->json)
        {
          g_autofree char *when = td_format_timestamp (e->at);
          g_autofree char *actor = pad (e->actor, 14);
          g_autofree char *code = pad (e->unit_code ? e->unit_code : "-", 14);
          g_autofree char *field = pad (e->field, 10);
          printf ("%s  %s %s %s %s → %s%s%s\n", when ? when : e->at, actor, code, field,
                  e->old_value ? e->old_value : "∅",
                  e->new_value ? e->new_value : "∅", e->reason ? "  — " : "", e->reason ? e->reason : "");
          continue;
        }
      json_builder_begin_object (b);
#define MEMBER(name, value) json_builder_set_member_name (b, name); \
        if (value) json_builder_add_string_value (b, value); else json_builder_add_null_value (b)
      MEMBER ("at", e->at);
      MEMBER ("actor", e->actor);
      MEMBER ("entity", e->entity);
      MEMBER ("unit", e->unit_code);
      MEMBER ("field", e->field);
      MEMBER ("old", e->old_value);
      MEMBER ("new", e->new_value);
      MEMBER ("reason", e->reason);
#undef MEMBER
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  return 0;
}

int
td_cli_backup (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The copy to write"), N_("FILE") },
    { NULL }
  };

  PARSE ("backup", NULL, entries);
  if (output == NULL)
    return td_cli_usage_error (error, _("backup needs -o FILE (for example -o thidua-sao-luu.db)"));
  if (!td_cli_open (ctx, error) || !td_database_backup (ctx->db, output, error))
    return 1;
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();

      json_builder_begin_object (b);
      TD_CLI_SET_STRING (b, "database", td_database_get_path (ctx->db));
      TD_CLI_SET_STRING (b, "backup", output);
      json_builder_end_object (b);
      td_cli_print_builder (b);
    }
  else
    printf (_("Backed up to %s\n"), output);
  return 0;
}
