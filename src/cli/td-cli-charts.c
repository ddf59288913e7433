/* td-cli-charts.c: chart and report. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-chart-export.h"
#include "td-chart.h"
#include "td-cli.h"
#include "td-report.h"

typedef struct {
  TdProgressData *data;
  TdChartStyle    style;
  const char     *kind;
  guint           target_index;
} ChartJob;

static void
draw_chart (cairo_t *cr,
            double   width,
            double   height,
            gpointer user_data)
{
  ChartJob *job = user_data;
  g_autofree char *title = NULL;

  if (g_str_equal (job->kind, "overview"))
    {
      title = g_strdup_printf ("Tiến độ các chỉ tiêu – %s – %s", td_round_get_title (job->data->round), job->data->scope_label);
      td_chart_draw_overview (cr, width, height, &job->style, title, job->data->rollups, NULL);
    }
  else if (g_str_equal (job->kind, "ranking"))
    {
      TdTarget *target = g_array_index (job->data->rollups, TdTargetRollup, job->target_index).target;
      GArray *measures = g_ptr_array_index (job->data->measures, job->target_index);

      title = g_strdup_printf ("Xếp hạng đơn vị – chỉ tiêu %u – %s", td_target_get_number (target),
                               td_round_get_title (job->data->round));
      td_chart_draw_ranking (cr, width, height, &job->style, title, target, measures, 0, measures->len, NULL);
    }
  else if (g_str_equal (job->kind, "trend"))
    {
      title = g_strdup_printf ("Các chỉ tiêu qua các đợt – %s", job->data->scope_label);
      td_chart_draw_trend (cr, width, height, &job->style, title, job->data->per_round,
                           (const char * const *) job->data->round_labels, NULL);
    }
  else
    {
      td_chart_draw_dti (cr, width, height, &job->style, "Chỉ số chuyển đổi số cấp tỉnh (DTI)",
                         td_progress_data_get_index_target (job->data), job->data->dti,
                         (const char * const *) job->data->round_labels,
                         g_list_model_get_n_items (job->data->rounds), NULL);
    }
}

static int
usage_error (GError **error, const char *message)
{
  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
  return 2;
}

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
  int round_number = 0, target_number = 0, width = 0, height = 0, scope_kind = -1;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind, N_("overview, ranking, trend or dti"), N_("KIND") },
    { "round", 'r', 0, G_OPTION_ARG_INT, &round_number, N_("Round number (default: the latest)"), N_("R") },
    { "unit", 'u', 0, G_OPTION_ARG_STRING, &unit_code, N_("Only this unit (its code)"), N_("CODE") },
    { "unit-kind", 0, 0, G_OPTION_ARG_STRING, &unit_kind, N_("Only units of this kind"), N_("KIND") },
    { "target", 't', 0, G_OPTION_ARG_INT, &target_number, N_("The target to rank units by"), N_("N") },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("Width in pixels (points for PDF)"), N_("W") },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("Height in pixels (points for PDF)"), N_("H") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The file to write: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };
  g_autoptr(TdProgressData) data = NULL;
  ChartJob job = { 0 };
  int status = 0;
  guint round;

  if (!td_cli_parse (ctx, "chart", NULL, entries, &argc, &argv, &status, error))
    return status;
  if (kind == NULL || !g_strv_contains ((const char *[]) { "overview", "ranking", "trend", "dti", NULL }, kind))
    return usage_error (error, _("chart needs --kind overview, ranking, trend or dti"));
  if (output == NULL)
    return usage_error (error, _("chart needs -o FILE (.png, .svg or .pdf)"));
  if (g_str_equal (kind, "ranking") && target_number <= 0)
    return usage_error (error, _("a ranking needs --target N"));
  if (!parse_kind (unit_kind, &scope_kind, error))
    return 2;
  if (!td_cli_open (ctx, error) || (round = pick_round (ctx, round_number, error)) == 0)
    return 1;
  data = td_progress_data_load (ctx->db, round, scope_kind, unit_code, error);
  if (data == NULL)
    return 1;

  job.data = data;
  job.kind = kind;
  td_chart_style_init (&job.style, FALSE);
  job.style.fill_background = TRUE;
  if (g_str_equal (kind, "ranking"))
    {
      gboolean found = FALSE;

      for (guint i = 0; i < data->rollups->len && !found; i++)
        if (td_target_get_number (g_array_index (data->rollups, TdTargetRollup, i).target) == (guint) target_number)
          {
            job.target_index = i;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_CAMPAIGN,
                       _("The campaign has no target %u."), (guint) target_number);
          return 1;
        }
      if (height <= 0)
        height = (int) (td_chart_ranking_header_height (&job.style, "x") +
                        MAX (((GArray *) g_ptr_array_index (data->measures, job.target_index))->len, 1) *
                        td_chart_ranking_row_height (&job.style) + 12);
    }
  if (width <= 0)
    width = g_str_equal (kind, "dti") ? 900 : 1280;
  if (height <= 0)
    height = g_str_equal (kind, "dti") ? 240 : g_str_equal (kind, "trend") ? 900 : 800;

  if (!td_chart_export_file (output, width, height, 1.0, draw_chart, &job, error))
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
    return usage_error (error, _("report needs -o FILE (.pdf, .xlsx or .csv)"));
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
