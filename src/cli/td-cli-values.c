/* td-cli-values.c: a unit's figures from the command line, as the form takes them.
 *
 *   values set --unit CODE --round R --target N NUM/DEN | INDEX | na "REASON"
 *
 * Counts and indexes are read as the form reads them (1.234 or 1 234 for thousands, 0,78 or
 * 0.78 for an index); the value is checked with the form's own rules and stored, audited, only
 * when it passes. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-cli.h"


int
td_cli_values (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autofree char *unit_code = NULL;
  int round_number = 0, target_number = 0;
  GOptionEntry entries[] = {
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("The unit (its code)"), N_("CODE") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("The round"), N_("R") },
    { "target", 't', 0, G_OPTION_ARG_INT, &target_number, N_("The target's number"), N_("N") },
    { NULL }
  };
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdTarget) target = NULL;
  g_autofree char *na_reason = NULL;
  TdValue value = { 0 };
  gint64 assessment;
  int status = 0;

  if (!td_cli_parse (ctx, "values", N_("set NUM/DEN | set INDEX | set na REASON"), entries, &argc, &argv, &status, error))
    return status;
  if (argc < 3 || !g_str_equal (argv[1], "set") || unit_code == NULL || round_number < 1 || target_number < 1 ||
      (g_str_equal (argv[2], "na") ? argc != 4 : argc != 3))
    return td_cli_usage_error (error, _("values needs set --unit CODE --round R --target N, then NUM/DEN, an index, or na \"REASON\""));
  if (!td_cli_open (ctx, error) ||
      (unit = td_catalog_find_unit (ctx->db, unit_code, error)) == NULL ||
      (round = td_catalog_find_round (ctx->db, (guint) round_number, error)) == NULL ||
      (target = td_catalog_find_target (ctx->db, (guint) target_number, error)) == NULL)
    return 1;

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

      if (g_strv_length (parts) != 2 || !td_parse_count (parts[0], &value.numerator, NULL) ||
          !td_parse_count (parts[1], &value.denominator, NULL))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("Target %d: write the two counts as NUMERATOR/DENOMINATOR (for example 925/1.000), not “%s”."),
                       target_number, argv[2]);
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
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) b = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *shown = td_value_describe (&value);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "unit");
      json_builder_add_string_value (b, unit_code);
      json_builder_set_member_name (b, "round");
      json_builder_add_int_value (b, round_number);
      json_builder_set_member_name (b, "target");
      json_builder_add_int_value (b, target_number);
      json_builder_set_member_name (b, "value");
      json_builder_add_string_value (b, shown);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      td_cli_print_json (root);
    }
  return 0;
}
