/* td-chart.h: the progress charts, drawn with cairo and pango onto any cairo_t (a widget's
 * snapshot, a PNG, an SVG or a PDF page), so that a chart looks the same everywhere.
 *
 * Each function draws into the rectangle (0, 0, width, height) of the current user space and
 * never outside it; the caller translates to place it.  When @hits is given it receives one
 * TdChartHit per item drawn, for tooltips, clicks and tests. */
#pragma once

#include <cairo.h>

#include "td-chart-style.h"
#include "td-completeness.h"
#include "td-rollup.h"

G_BEGIN_DECLS

typedef struct {
  double x, y, width, height;  /* the item's row or cell */
  guint  index;                /* into the data given */
  double bar_start_x;          /* the value bar: from bar_start_x to bar_end_x */
  double bar_end_x;
  double marker_x;             /* the threshold marker; -1 when none */
  double label_x, label_y, label_width, label_height;   /* the item's label as laid out */
} TdChartHit;

/* The 19 targets as bullet bars: value, threshold marker, ✓ Đạt / ✗ Chưa đạt. */
void   td_chart_draw_overview  (cairo_t            *cr,
                                double              width,
                                double              height,
                                const TdChartStyle *style,
                                const char         *title,
                                GArray             *rollups,    /* TdTargetRollup */
                                GArray             *hits);

/* Height of one ranking row and of the ranking's header, for scrolling and paging. */
double td_chart_ranking_row_height    (const TdChartStyle *style);
double td_chart_ranking_header_height (const TdChartStyle *style,
                                       const char         *title);

/* Rows @first … @first + @count - 1 of @measures (TdUnitMeasure, best first), the threshold as
 * a line across them.  The header (title, scale) is drawn at the top. */
void   td_chart_draw_ranking   (cairo_t            *cr,
                                double              width,
                                double              height,
                                const TdChartStyle *style,
                                const char         *title,
                                TdTarget           *target,
                                GArray             *measures,
                                guint               first,
                                guint               count,
                                GArray             *hits);

/* Each target across the rounds, as small multiples: one GArray of TdTargetRollup per round
 * in @per_round, @round_labels (e.g. "2025", "2026") beneath. */
void   td_chart_draw_trend     (cairo_t            *cr,
                                double              width,
                                double              height,
                                const TdChartStyle *style,
                                const char         *title,
                                GPtrArray          *per_round,
                                const char * const *round_labels,
                                GArray             *hits);

/* The DTI of each round against the 2025 aim and the 2026 target of @target. */
void   td_chart_draw_dti       (cairo_t            *cr,
                                double              width,
                                double              height,
                                const TdChartStyle *style,
                                const char         *title,
                                TdTarget * const   *targets,    /* per round, judging that round */
                                const double       *values,     /* per round; < 0 when missing */
                                const char * const *round_labels,
                                guint               n_rounds,
                                GArray             *hits);

/* Who has sent the round's self-assessment, one bar per kind of unit: on time, late, not sent
 * (outlined), not due yet (track); the counts beside each bar and a legend above.  One hit
 * per kind drawn, its index the TdUnitKind. */
double td_chart_completeness_height (const TdChartStyle   *style,
                                     const TdCompleteness *completeness,
                                     double                width);
void   td_chart_draw_completeness   (cairo_t              *cr,
                                     double                width,
                                     double                height,
                                     const TdChartStyle   *style,
                                     const char           *title,
                                     const TdCompleteness *completeness,
                                     GArray               *hits);

/* What stands in place of a result the rollup has none for: "Không áp dụng" (every unit in
 * the scope marked it so, or none reports it), "Số liệu chưa hợp lệ", "Chưa có số liệu". */
const char *td_chart_no_result_text (const TdTargetRollup *rollup);

/* The overview in words, one line per target ("Chỉ tiêu 4: 92,5 %, ngưỡng > 90 %, đạt."), for
 * the SVG's <desc> and the PDF's subject. */
char  *td_chart_describe_overview (GArray *rollups);

G_END_DECLS
