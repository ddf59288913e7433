/* td-chart-view.h: a progress chart on screen, drawn by the charts library in snapshot(). */
#pragma once

#include <adwaita.h>

#include "td-progress-chart.h"

G_BEGIN_DECLS

#define TD_TYPE_CHART_VIEW (td_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (TdChartView, td_chart_view, TD, CHART_VIEW, GtkWidget)

GtkWidget      *td_chart_view_new          (void);
/* Shows @kind of @data; for a ranking, of the target at @target_index. */
void            td_chart_view_set_data     (TdChartView    *self,
                                            TdProgressData *data,
                                            TdChartKind     kind,
                                            guint           target_index);
TdProgressData *td_chart_view_get_data     (TdChartView    *self);
TdChartKind     td_chart_view_get_kind     (TdChartView    *self);
guint           td_chart_view_get_target_index (TdChartView *self);
/* The item under the pointer or keyboard focus, -1 when none. */
int             td_chart_view_get_focus_item (TdChartView  *self);
void            td_chart_view_set_focus_item (TdChartView  *self,
                                              int           item);
/* The exact figures of an item in words (translated), as the tooltip shows them. */
char           *td_chart_view_describe_item (TdChartView   *self,
                                             int            item);

/* The charts' style for @widget: the theme's colours, accent and font, light or dark. */
void            td_chart_view_style_for    (GtkWidget      *widget,
                                            TdChartStyle   *style);

G_END_DECLS
