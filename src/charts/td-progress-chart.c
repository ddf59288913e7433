/* td-progress-chart.c: one switch over the chart kinds, shared by screen and files. */
#include "config.h"

#include "td-chart-export.h"
#include "td-progress-chart.h"

gboolean
td_chart_kind_from_string (const char  *name,
                           TdChartKind *kind)
{
  static const char * const names[] = { "overview", "ranking", "trend", "dti" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *kind = (TdChartKind) i;
        return TRUE;
      }
  return FALSE;
}

guint
td_progress_chart_n_items (TdProgressData *data,
                           TdChartKind     kind,
                           guint           target_index)
{
  switch (kind)
    {
    case TD_CHART_OVERVIEW:
    case TD_CHART_TREND:
      return data->rollups->len;
    case TD_CHART_RANKING:
      return ((GArray *) g_ptr_array_index (data->measures, target_index))->len;
    case TD_CHART_DTI:
      return g_list_model_get_n_items (data->rounds);
    }
  return 0;
}

void
td_progress_chart_draw (TdProgressData     *data,
                        TdChartKind         kind,
                        guint               target_index,
                        cairo_t            *cr,
                        double              width,
                        double              height,
                        const TdChartStyle *style,
                        const char         *title,
                        guint               first,
                        guint               count,
                        GArray             *hits)
{
  switch (kind)
    {
    case TD_CHART_OVERVIEW:
      td_chart_draw_overview (cr, width, height, style, title, data->rollups, hits);
      break;
    case TD_CHART_RANKING:
      td_chart_draw_ranking (cr, width, height, style, title,
                             g_array_index (data->rollups, TdTargetRollup, target_index).target,
                             g_ptr_array_index (data->measures, target_index), first, count, hits);
      break;
    case TD_CHART_TREND:
      td_chart_draw_trend (cr, width, height, style, title, data->per_round,
                           (const char * const *) data->round_labels, hits);
      break;
    case TD_CHART_DTI:
      td_chart_draw_dti (cr, width, height, style, title, (TdTarget * const *) data->dti_targets, data->dti,
                         (const char * const *) data->round_labels, g_list_model_get_n_items (data->rounds), hits);
      break;
    }
}

typedef struct {
  TdProgressData *data;
  TdChartKind     kind;
  guint           target_index;
  TdChartStyle    style;
  const char     *title;
} ExportJob;

static void
draw_export (cairo_t *cr,
             double   width,
             double   height,
             gpointer user_data)
{
  ExportJob *job = user_data;

  td_progress_chart_draw (job->data, job->kind, job->target_index, cr, width, height, &job->style, job->title,
                          0, G_MAXUINT, NULL);
}

gboolean
td_progress_chart_export (TdProgressData  *data,
                          TdChartKind      kind,
                          guint            target_index,
                          const char      *path,
                          GError         **error)
{
  g_autofree char *title = NULL;
  g_autofree char *description = td_chart_describe_overview (data->rollups);
  ExportJob job = { data, kind, target_index };
  double width = 1280, height = 800;

  td_chart_style_init (&job.style, FALSE);
  job.style.fill_background = TRUE;
  switch (kind)
    {
    case TD_CHART_OVERVIEW:
      title = g_strdup_printf ("Tiến độ các chỉ tiêu – %s – %s", td_round_get_title (data->round), data->scope_label);
      break;
    case TD_CHART_RANKING:
      title = g_strdup_printf ("Xếp hạng đơn vị – chỉ tiêu %u – %s",
                               td_target_get_number (g_array_index (data->rollups, TdTargetRollup, target_index).target),
                               td_round_get_title (data->round));
      height = td_chart_ranking_header_height (&job.style, title) +
               MAX (td_progress_chart_n_items (data, kind, target_index), 1) * td_chart_ranking_row_height (&job.style) + 12;
      break;
    case TD_CHART_TREND:
      title = g_strdup_printf ("Các chỉ tiêu qua các đợt – %s", data->scope_label);
      height = 900;
      break;
    case TD_CHART_DTI:
      title = g_strdup ("Chỉ số chuyển đổi số cấp tỉnh (DTI)");
      width = 900;
      height = 240;
      break;
    }
  job.title = title;
  return td_chart_export_file (path, width, height, 1.0, title, description, draw_export, &job, error);
}
