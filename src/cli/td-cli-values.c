/* td-cli-values.c: a unit's figures from the command line, as the form takes them.
 *
 *   values set --unit CODE --round R --target N NUM/DEN | INDEX | na "REASON"
 *   values import FILE.csv|.xlsx|.ods --unit CODE --round R [--sheet NAME] [--dry-run]
 *
 * Counts and indexes are read as the form reads them (1.234 or 1 234 for thousands, 0,78 or
 * 0.78 for an index); the value is checked with the form's own rules and stored, audited, only
 * when it passes. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"
#include "td-values-import.h"

/* What the campaign's rules say of the unit's figures now: printed, never blocking here (the
 * rules block at submission, as in the form). */
static void
add_violations (TdCliContext *ctx,
                JsonBuilder  *b,
                TdUnit       *unit,
                TdRound      *round)
{
  g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (ctx->db, td_unit_get_id (unit), td_round_get_id (round), NULL);
  g_autoptr(GPtrArray) violations = info ? td_assessment_check_rules (ctx->db, info->id, NULL) : NULL;

  json_builder_set_member_name (b, "violations");
  json_builder_begin_array (b);
  for (guint i = 0; violations && i < violations->len; i++)
    {
      TdRuleViolation *v = violations->pdata[i];

      if (!ctx->json)
        g_printerr ("%s %s\n", v->is_error ? _("Error:") : _("Warning:"), v->message);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "rule");
      json_builder_add_string_value (b, v->rule_id);
      json_builder_set_member_name (b, "target");
      json_builder_add_int_value (b, v->target);
      json_builder_set_member_name (b, "severity");
      json_builder_add_string_value (b, v->is_error ? "error" : "warning");
      json_builder_set_member_name (b, "explained");
      json_builder_add_boolean_value (b, v->explained);
      json_builder_set_member_name (b, "message");
      json_builder_add_string_value (b, v->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
}

static int
values_import (TdCliContext  *ctx,
               const char    *path,
               const char    *sheet,
               TdUnit        *unit,
               TdRound       *round,
               gboolean       dry_run,
               GError       **error)
{
  g_autoptr(TdValuesPlan) plan = td_values_plan_import (ctx->db, path, sheet, unit, round, error);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  gboolean stored = FALSE;

  if (plan == NULL)
    return 1;
  if (!dry_run && plan->problems->len == 0)
    {
      if (!td_values_plan_apply (ctx->db, plan, error))
        return 1;
      stored = TRUE;
    }

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, td_unit_get_code (unit));
  json_builder_set_member_name (b, "round");
  json_builder_add_int_value (b, td_round_get_number (round));
  json_builder_set_member_name (b, "stored");
  json_builder_add_boolean_value (b, stored);
  json_builder_set_member_name (b, "rows");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->rows->len; i++)
    {
      TdValuesRow *row = plan->rows->pdata[i];
      g_autofree char *value = td_value_describe (row->value);
      g_autofree char *previous = row->previous ? td_value_describe (row->previous) : NULL;
      g_autofree char *shown = td_target_format_value (row->target, row->value);

      if (!ctx->json)
        {
          g_autofree char *was = previous && g_strcmp0 (previous, value) != 0
                                 ? g_strdup_printf (_("(was %s)"), previous) : g_strdup ("");
          printf ("%3u  %2u  %-24s %-10s %s\n", row->row, td_target_get_number (row->target), value,
                  shown ? shown : "", was);
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "row");
      json_builder_add_int_value (b, row->row);
      json_builder_set_member_name (b, "target");
      json_builder_add_int_value (b, td_target_get_number (row->target));
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, value);
      json_builder_set_member_name (b, "shown");
      if (shown)
        json_builder_add_string_value (b, shown);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "previous");
      if (previous)
        json_builder_add_string_value (b, previous);
      else
        json_builder_add_null_value (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "problems");
  json_builder_begin_array (b);
  for (guint i = 0; i < plan->problems->len; i++)
    {
      if (!ctx->json)
        g_printerr ("%s\n", (const char *) plan->problems->pdata[i]);
      json_builder_add_string_value (b, plan->problems->pdata[i]);
    }
  json_builder_end_array (b);
  if (stored)
    add_violations (ctx, b, unit, round);
  json_builder_end_object (b);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  else if (stored)
    printf (g_dngettext (NULL, "Stored %u figure for %s, round %u.\n", "Stored %u figures for %s, round %u.\n",
                         plan->rows->len),
            plan->rows->len, td_unit_get_code (unit), td_round_get_number (round));
  else if (plan->problems->len == 0)
    printf ("%s\n", _("Checked: every row is valid. Nothing stored (--dry-run)."));

  if (plan->problems->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   g_dngettext (NULL, "Nothing was stored: %u row needs correcting first.",
                                "Nothing was stored: %u rows need correcting first.", plan->problems->len),
                   plan->problems->len);
      return 1;
    }
  return 0;
}

int
td_cli_values (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autofree char *unit_code = NULL;
  g_autofree char *sheet = NULL;
  int round_number = 0, target_number = 0;
  gboolean dry_run = FALSE;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("The unit (its code)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round"), N_("R") },
    { "target", 't', 0, G_OPTION_ARG_INT, &target_number, N_("The target's number (set)"), N_("N") },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &sheet, N_("The sheet to read (import; default: the first)"), N_("NAME") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run, N_("Check every row and show it, store nothing (import)"), NULL },
    { NULL }
  };
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdTarget) target = NULL;
  g_autofree char *na_reason = NULL;
  TdValue value = { 0 };
  gint64 assessment;
  int status = 0;

  /* "-1/10" or "-0,5" is a figure typed with a sign, not an option: kept aside from the option
   * parser (which would call it unknown) and judged as a figure below. */
  static char figure_marker[] = "\x01figure";
  g_autoptr(GPtrArray) figures = g_ptr_array_new ();

  for (int i = 1; i < argc; i++)
    if (argv[i][0] == '-' && g_ascii_isdigit (argv[i][1]))
      {
        g_ptr_array_add (figures, argv[i]);
        argv[i] = figure_marker;
      }
  if (!td_cli_parse (ctx, "values", N_("set NUM/DEN | set INDEX | set na REASON | import FILE"), entries, &argc, &argv,
                     &status, error))
    return status;
  for (int i = 1, k = 0; i < argc; i++)
    if (argv[i] == figure_marker && k < (int) figures->len)
      argv[i] = figures->pdata[k++];
  if (argc == 3 && g_str_equal (argv[1], "import"))
    {
      if (unit_code == NULL || round_number < 1)
        return td_cli_usage_error (error, _("values import needs FILE --unit CODE --round R"));
      if (!td_cli_open (ctx, error) ||
          (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
          (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL)
        return 1;
      return values_import (ctx, argv[2], sheet, unit, round, dry_run, error);
    }
  if (argc < 3 || !g_str_equal (argv[1], "set") || unit_code == NULL || round_number < 1 || target_number < 1 ||
      (g_str_equal (argv[2], "na") ? argc != 4 : argc != 3))
    return td_cli_usage_error (error, _("values needs set --unit CODE --round R --target N, then NUM/DEN, an index, or na \"REASON\""));
  if (!td_cli_open (ctx, error) ||
      (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
      (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL ||
      (target = td_catalog_find_target (ctx->db, (guint) target_number, error)) == NULL)
    return 1;
  if (!td_target_is_reported_by (target, td_unit_get_kind (unit)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Target %u is not asked of a unit of this kind (%s): leave it out."), (guint) target_number,
                   td_unit_kind_get_label (td_unit_get_kind (unit)));
      return 1;
    }
  {
    /* Judged against the round's own threshold when shown. */
    TdTarget *at_round = td_target_at_round (target, td_round_get_number (round));
    g_set_object (&target, at_round);
    g_object_unref (at_round);
  }

  if (g_str_equal (argv[2], "na"))
    {
      value.not_applicable = TRUE;
      value.na_reason = na_reason = g_strdup (argv[3]);
    }
  else if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX)
    {
      value.has_index = td_parse_decimal (argv[2], &value.index_value, NULL);
      if (!value.has_index)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Target %d: “%s” is not an index (for example 0,78)."), target_number, argv[2]);
          return 1;
        }
    }
  else
    {
      g_auto(GStrv) parts = g_strsplit (argv[2], "/", 2);
      g_autoptr(GError) count_error = NULL;

      if (g_strv_length (parts) != 2)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Target %d: write the two counts as NUMERATOR/DENOMINATOR (for example 925/1.000), not “%s”."),
                       target_number, argv[2]);
          return 1;
        }
      /* Which count is wrong, and how: negative, too large, not a number. */
      if (!td_parse_count (parts[0], &value.numerator, &count_error) ||
          !td_parse_count (parts[1], &value.denominator, &count_error))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Target %d: %s"), target_number,
                       count_error->message);
          return 1;
        }
      value.has_numerator = value.has_denominator = TRUE;
    }
  /* The form's rules, and nothing stored when they say no. */
  if (!td_target_validate (target, &value, error))
    return 1;
  assessment = td_assessment_ensure (ctx->db, td_unit_get_id (unit), td_round_get_id (round), error);
  if (assessment == 0 || !td_assessment_set_value (ctx->db, assessment, target, &value, error))
    return 1;
  {
    g_autoptr(JsonBuilder) b = json_builder_new ();
    g_autofree char *described = td_value_describe (&value);
    g_autofree char *shown = td_target_format_value (target, &value);

    json_builder_begin_object (b);
    json_builder_set_member_name (b, "unit");
    json_builder_add_string_value (b, unit_code);
    json_builder_set_member_name (b, "round");
    json_builder_add_int_value (b, round_number);
    json_builder_set_member_name (b, "target");
    json_builder_add_int_value (b, target_number);
    json_builder_set_member_name (b, "value");
    json_builder_add_string_value (b, described);
    json_builder_set_member_name (b, "shown");
    if (shown)
      json_builder_add_string_value (b, shown);
    else
      json_builder_add_null_value (b);
    /* Printed on stderr in text mode: the rules never block a figure, only a submission. */
    add_violations (ctx, b, unit, round);
    json_builder_end_object (b);
    if (ctx->json)
      {
        g_autoptr(JsonNode) root = json_builder_get_root (b);
        td_cli_print_json (root);
      }
  }
  return 0;
}
