/* td-progress-chart.h: the progress charts of a TdProgressData, by kind: what the screen, the
 * command line and the exports draw. */
#pragma once

#include <cairo.h>

#include "td-chart.h"
#include "td-progress-data.h"

G_BEGIN_DECLS

typedef enum {
  TD_CHART_OVERVIEW,
  TD_CHART_RANKING,
  TD_CHART_TREND,
  TD_CHART_DTI,
} TdChartKind;

gboolean td_chart_kind_from_string (const char  *name,
                                    TdChartKind *kind);

/* How many items (targets, units, rounds) the chart has; a ranking ranks the units by the
 * target at @target_index. */
guint    td_progress_chart_n_items (TdProgressData *data,
                                    TdChartKind     kind,
                                    guint           target_index);

/* Draws rows @first … @first + @count - 1 of a ranking (all for other kinds). */
void     td_progress_chart_draw    (TdProgressData     *data,
                                    TdChartKind         kind,
                                    guint               target_index,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height,
                                    const TdChartStyle *style,
                                    const char         *title,
                                    guint               first,
                                    guint               count,
                                    GArray             *hits);

/* The whole chart, light on white, with its title, into a .png, .svg or .pdf file at a size
 * that fits it (a ranking as long as its units need). */
gboolean td_progress_chart_export  (TdProgressData     *data,
                                    TdChartKind         kind,
                                    guint               target_index,
                                    const char         *path,
                                    GError            **error);

G_END_DECLS
