/* td-cli-charts.c: chart and report. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-progress-chart.h"
#include "td-cli.h"
#include "td-report.h"

/* The round given, or the latest. */
static guint
pick_round (TdCliContext *ctx, int round_number, GError **error)
{
  g_autoptr(GListModel) rounds = NULL;

  if (round_number > 0)
    return (guint) round_number;
  rounds = td_catalog_list_rounds (ctx->db, error);
  if (rounds == NULL || g_list_model_get_n_items (rounds) == 0)
    return 0;
  {
    g_autoptr(TdRound) last = g_list_model_get_item (rounds, g_list_model_get_n_items (rounds) - 1);
    return td_round_get_number (last);
  }
}

static gboolean
parse_kind (const char *text, int *kind, GError **error)
{
  TdUnitKind k;

  if (text == NULL)
    {
      *kind = -1;
      return TRUE;
    }
  if (!td_unit_kind_from_string (text, &k))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("unknown kind of unit “%s”; use province, department, commune, ward, enterprise, organisation, team-commune or team-village"),
                   text);
      return FALSE;
    }
  *kind = k;
  return TRUE;
}

int
td_cli_chart (TdCliContext  *ctx,
              int            argc,
              char         **argv,
              GError       **error)
{
  g_autofree char *kind = NULL;
  g_autofree char *unit_kind = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *output = NULL;
  int round_number = 0, target_number = 0, scope_kind = -1;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("overview, ranking, trend or dti"), N_("KIND") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (default: the latest)"), N_("R") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("Only this unit (its code)"), N_("CODE") },
    { "unit-kind", 0, 0, G_OPTION_ARG_STRING, &unit_kind, N_("Only units of this kind"), N_("KIND") },
    { "target", 't', 0, G_OPTION_ARG_INT, &target_number, N_("The target to rank units by"), N_("N") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };
  g_autoptr(TdProgressData) data = NULL;
  TdChartKind chart_kind;
  guint round, target_index = 0;
  int status = 0;

  if (!td_cli_parse (ctx, "chart", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (!td_chart_kind_from_string (kind, &chart_kind))
    return td_cli_usage_error (error, _("chart needs --kind overview, ranking, trend or dti"));
  if (output == NULL)
    return td_cli_usage_error (error, _("chart needs -o FILE (.png, .svg or .pdf)"));
  if (chart_kind == TD_CHART_RANKING && target_number <= 0)
    return td_cli_usage_error (error, _("a ranking needs --target N"));
  if (!parse_kind (unit_kind, &scope_kind, error))
    return 2;
  if (!td_cli_open (ctx, error) || (round = pick_round (ctx, round_number, error)) == 0)
    return 1;
  data = td_progress_data_load (ctx->db, round, scope_kind, unit_code, error);
  if (data == NULL)
    return 1;

  if (chart_kind == TD_CHART_RANKING)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < data->rollups->len && !found; i++)
        if (td_target_get_number (g_array_index (data->rollups, TdTargetRollup, i).target) == (guint) target_number)
          {
            target_index = i;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN,
                       _("The campaign has no target %u."), (guint) target_number);
          return 1;
        }
    }
  if (!td_progress_chart_export (data, chart_kind, target_index, output, error))
    return 1;
  if (!ctx->json)
    printf ("%s\n", output);
  return 0;
}

int
td_cli_report (TdCliContext  *ctx,
               int            argc,
               char         **argv,
               GError       **error)
{
  g_autofree char *unit_kind = NULL;
  g_autofree char *unit_code = NULL;
  g_autofree char *output = NULL;
  int round_number = 0, scope_kind = -1, status = 0;
  GOptionEntry entries[] = {
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (default: the latest)"), N_("R") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("Only this unit (its code)"), N_("CODE") },
    { "unit-kind", 0, 0, G_OPTION_ARG_STRING, &unit_kind, N_("Only units of this kind"), N_("KIND") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .pdf, .xlsx or .csv"), N_("FILE") },
    { NULL }
  };
  g_autoptr(TdProgressData) data = NULL;
  guint round;

  if (!td_cli_parse (ctx, "report", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (output == NULL)
    return td_cli_usage_error (error, _("report needs -o FILE (.pdf, .xlsx or .csv)"));
  if (!parse_kind (unit_kind, &scope_kind, error))
    return 2;
  if (!td_cli_open (ctx, error) || (round = pick_round (ctx, round_number, error)) == 0)
    return 1;
  data = td_progress_data_load (ctx->db, round, scope_kind, unit_code, error);
  if (data == NULL || !td_report_write (data, output, error))
    return 1;
  if (!ctx->json)
    printf ("%s\n", output);
  return 0;
}
