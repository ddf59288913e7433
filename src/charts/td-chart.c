/* td-chart.c: the chart renderers.
 *
 * The text drawn here is Vietnamese on purpose rather than translated: charts end up in PDF
 * reports for the province's meetings, and the targets themselves are the plan's Vietnamese
 * wording.  The one exception is the met / not met mark, which the style carries: the window
 * shows it in the user's language beside its own words. */
#include <math.h>
#include <pango/pangocairo.h>

#include "td-chart.h"
#include "td-format.h"

#define MARGIN 12.0
#define NO_DATA "Chưa có số liệu"

/* Helpers */

static void
set_color (cairo_t       *cr,
           const TdColor *c)
{
  cairo_set_source_rgba (cr, c->r, c->g, c->b, c->a);
}

static PangoLayout *
make_layout (cairo_t            *cr,
             const TdChartStyle *style,
             double              size,
             gboolean            bold,
             const char         *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string (style->font_family);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_font_description_free (font);
  return layout;
}

/* Shows @text in a box: ellipsized to @max_width (when > 0), vertically centred on @cy,
 * aligned left, right (@align 1) or centred (@align 0.5).  Returns the logical width used. */
static double
show_text (cairo_t            *cr,
           const TdChartStyle *style,
           double              size,
           gboolean            bold,
           const TdColor      *color,
           const char         *text,
           double              x,
           double              cy,
           double              max_width,
           double              align,
           double             *out_height)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, size, bold, text);
  PangoRectangle logical;
  double w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_extents (layout, NULL, &logical);
  w = logical.width / (double) PANGO_SCALE;
  h = logical.height / (double) PANGO_SCALE;
  if (max_width > 0)
    w = MIN (w, max_width);
  set_color (cr, color);
  cairo_move_to (cr, x - align * w - logical.x / (double) PANGO_SCALE, cy - h / 2);
  pango_cairo_show_layout (cr, layout);
  if (out_height)
    *out_height = h;
  return w;
}

static double
text_width (cairo_t            *cr,
            const TdChartStyle *style,
            double              size,
            gboolean            bold,
            const char         *text)
{
  g_autoptr(PangoLayout) layout = make_layout (cr, style, size, bold, text);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static double
draw_title (cairo_t            *cr,
            const TdChartStyle *style,
            const char         *title,
            double              width)
{
  double h = 0;

  if (title == NULL || *title == '\0')
    return MARGIN;
  show_text (cr, style, style->font_size * 1.25, TRUE, &style->foreground, title,
             MARGIN, MARGIN + style->font_size * 0.9, width - 2 * MARGIN, 0, &h);
  return MARGIN + h + style->font_size * 0.6;
}

/* What every chart does first: keep to its rectangle, paint the background of an export, draw
 * the title.  Returns where the body starts; the caller ends with cairo_restore(). */
static double
begin_chart (cairo_t            *cr,
             double              width,
             double              height,
             const TdChartStyle *style,
             const char         *title)
{
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  if (style->fill_background)
    {
      set_color (cr, &style->background);
      cairo_paint (cr);
    }
  return draw_title (cr, style, title, width);
}

static double
scale_max (TdTarget *target)
{
  return td_target_get_kind (target) == TD_TARGET_KIND_RATIO ? 100.0 : 1.0;
}

/* The value bar: solid when met, outlined and lightly filled when not, so that the two differ
 * in grey print too. */
static void
draw_bar (cairo_t            *cr,
          const TdChartStyle *style,
          double              x,
          double              y,
          double              w,
          double              h,
          gboolean            met)
{
  const TdColor *c = met ? &style->met : &style->not_met;

  if (w <= 0)
    return;
  if (met)
    {
      set_color (cr, c);
      cairo_rectangle (cr, x, y, w, h);
      cairo_fill (cr);
      return;
    }
  cairo_set_source_rgba (cr, c->r, c->g, c->b, 0.35);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
  set_color (cr, c);
  cairo_set_line_width (cr, 1.5);
  cairo_rectangle (cr, x + 0.75, y + 0.75, MAX (w - 1.5, 0), h - 1.5);
  cairo_stroke (cr);
}

static void
draw_marker (cairo_t            *cr,
             const TdChartStyle *style,
             double              x,
             double              y,
             double              h)
{
  double t = MIN (h * 0.25, 5);

  set_color (cr, &style->threshold);
  cairo_set_line_width (cr, 2);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x, y + h);
  cairo_stroke (cr);
  /* A small downward triangle above the line makes it a marker, not a grid line. */
  cairo_move_to (cr, x - t, y);
  cairo_line_to (cr, x + t, y);
  cairo_line_to (cr, x, y + t);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
add_hit (GArray           *hits,
         const TdChartHit *hit)
{
  if (hits != NULL)
    g_array_append_val (hits, *hit);
}

/* Overview */

void
td_chart_draw_overview (cairo_t            *cr,
                        double              width,
                        double              height,
                        const TdChartStyle *style,
                        const char         *title,
                        GArray             *rollups,
                        GArray             *hits)
{
  guint n = rollups->len;
  double top, row_h, font, label_w, value_w, mark_w, bar_x, bar_w;

  top = begin_chart (cr, width, height, style, title);
  if (n == 0)
    {
      cairo_restore (cr);
      return;
    }
  row_h = (height - top - MARGIN) / n;
  /* Text never taller than its row, so that labels cannot overlap. */
  font = MIN (style->font_size, row_h * 0.62);
  label_w = MAX (width * 0.42, 80);
  value_w = text_width (cr, style, font, TRUE, "100,0 %") + font * 0.8;
  mark_w = MAX (text_width (cr, style, font, FALSE, style->not_met_label),
               text_width (cr, style, font, FALSE, style->met_label)) + font * 0.5;
  bar_x = MARGIN + label_w + font * 0.8;
  bar_w = width - bar_x - value_w - mark_w - MARGIN;
  if (bar_w < 20)
    {
      /* Narrow: give the bars room by shortening the labels. */
      label_w = MAX (label_w - (20 - bar_w), 40);
      bar_x = MARGIN + label_w + font * 0.8;
      bar_w = MAX (width - bar_x - value_w - mark_w - MARGIN, 10);
    }

  for (guint i = 0; i < n; i++)
    {
      TdTargetRollup *r = &g_array_index (rollups, TdTargetRollup, i);
      double y = top + i * row_h;
      double cy = y + row_h / 2;
      double bar_h = MAX (row_h * 0.5, 2);
      double max = scale_max (r->target);
      double marker = bar_x + bar_w * CLAMP (td_target_get_threshold (r->target) / max, 0, 1);
      g_autofree char *label = g_strdup_printf ("%u. %s", td_target_get_number (r->target),
                                                td_target_get_text (r->target));
      TdChartHit hit = { 0, y, width, row_h, i, bar_x, bar_x, marker, MARGIN, y, 0, row_h };
      double label_h = 0;

      if (i % 2 == 1)
        {
          cairo_set_source_rgba (cr, style->grid.r, style->grid.g, style->grid.b, 0.35);
          cairo_rectangle (cr, 0, y, width, row_h);
          cairo_fill (cr);
        }

      hit.label_width = show_text (cr, style, font, FALSE, &style->foreground, label, MARGIN, cy, label_w, 0, &label_h);
      hit.label_height = label_h;
      hit.label_y = cy - label_h / 2;

      set_color (cr, &style->track);
      cairo_rectangle (cr, bar_x, cy - bar_h / 2, bar_w, bar_h);
      cairo_fill (cr);

      if (r->has_measure)
        {
          g_autofree char *value = td_target_rollup_format (r);

          hit.bar_end_x = bar_x + bar_w * CLAMP (r->measure / max, 0, 1);
          draw_bar (cr, style, bar_x, cy - bar_h / 2, hit.bar_end_x - bar_x, bar_h, r->met);
          show_text (cr, style, font, TRUE, &style->foreground, value, bar_x + bar_w + value_w - font * 0.3, cy, 0, 1, NULL);
          show_text (cr, style, font, FALSE, r->met ? &style->met : &style->not_met,
                     r->met ? style->met_label : style->not_met_label, width - MARGIN - mark_w + font * 0.5, cy, mark_w, 0, NULL);
        }
      else
        {
          /* No figure and no mark: the words may run on over those columns, which a narrow
             chart's bar alone is too short for ("Chưa có số liệu" read "Chư…" at 360 px).
             Where the target's marker would cross them, it is left out of that row. */
          const char *none = td_chart_no_result_text (r);
          double none_w = show_text (cr, style, font, FALSE, &style->muted, none, bar_x + font * 0.4, cy,
                                     width - MARGIN - bar_x - font * 0.4, 0, NULL);
          if (marker > bar_x && marker - 3 < bar_x + font * 0.7 + none_w)
            {
              add_hit (hits, &hit);
              continue;
            }
        }

      draw_marker (cr, style, marker, cy - bar_h / 2 - 2, bar_h + 4);
      add_hit (hits, &hit);
    }
  cairo_restore (cr);
}

/* Completeness */

/* The kinds of unit as a Vietnamese report names them. */
static const char *
kind_vi (TdUnitKind kind)
{
  static const char * const names[] = { "Tỉnh", "Sở, ban, ngành", "Xã", "Phường", "Doanh nghiệp", "Tổ chức",
                                        "Tổ CNS cộng đồng (xã)", "Tổ CNS cộng đồng (thôn)" };
  G_STATIC_ASSERT (G_N_ELEMENTS (names) == TD_N_UNIT_KINDS);
  return kind < TD_N_UNIT_KINDS ? names[kind] : "";
}

static guint
completeness_kinds (const TdCompleteness *c)
{
  guint n = 0;

  for (int k = 0; k < TD_N_UNIT_KINDS; k++)
    n += c->by_kind[k].expected > 0;
  return n;
}

static double
completeness_row (const TdChartStyle *style)
{
  return style->font_size * 2.6;
}

typedef struct {
  const TdColor *fill;
  gboolean       outlined;
  const char    *text;
} LegendEntry;

static const char * const legend_texts[] = { "Đúng hạn", "Muộn", "Chưa gửi", "Chưa đến hạn" };

static double
legend_entry_width (cairo_t            *cr,
                    const TdChartStyle *style,
                    const char         *text)
{
  return style->font_size * 0.9 + 6 + text_width (cr, style, style->font_size, FALSE, text) + style->font_size * 1.5;
}

/* The legend's entries flow onto as many lines as @width needs; returns the lines. */
static guint
legend_lines (cairo_t            *cr,
              const TdChartStyle *style,
              double              width)
{
  double x = MARGIN;
  guint lines = 1;

  for (guint i = 0; i < G_N_ELEMENTS (legend_texts); i++)
    {
      double w = legend_entry_width (cr, style, legend_texts[i]);
      if (x > MARGIN && x + w > width - MARGIN)
        {
          lines++;
          x = MARGIN;
        }
      x += w;
    }
  return lines;
}

double
td_chart_completeness_height (const TdChartStyle   *style,
                              const TdCompleteness *completeness,
                              double                width)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint lines = legend_lines (cr, style, width);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  /* The legend, one row per kind, the margins. */
  return MARGIN + lines * style->font_size * 1.6 + style->font_size * 1.2 +
         completeness_kinds (completeness) * completeness_row (style) + MARGIN;
}

/* A legend entry: the swatch as its bar is drawn, then the text; returns the width used. */
static double
legend_entry (cairo_t            *cr,
              const TdChartStyle *style,
              double              x,
              double              cy,
              const TdColor      *fill,
              gboolean            outlined,
              const char         *text)
{
  double s = style->font_size * 0.9;

  /* The swatch is drawn as the bars are: solid, or "not met" (pale, outlined). */
  if (outlined)
    draw_bar (cr, style, x, cy - s / 2, s, s, FALSE);
  else
    {
      set_color (cr, fill);
      cairo_rectangle (cr, x, cy - s / 2, s, s);
      cairo_fill (cr);
    }
  return s + 6 + show_text (cr, style, style->font_size, FALSE, &style->foreground, text, x + s + 6, cy, 0, 0, NULL) +
         style->font_size * 1.5;
}

void
td_chart_draw_completeness (cairo_t              *cr,
                            double                width,
                            double                height,
                            const TdChartStyle   *style,
                            const char           *title,
                            const TdCompleteness *c,
                            GArray               *hits)
{
  double y = begin_chart (cr, width, height, style, title);
  double row = completeness_row (style), bar_h = row * 0.5;
  double label_w = 0, count_w = 0, x = MARGIN, bar_x, bar_w;

  /* The legend says what each fill means: colour is never the only sign.  It wraps. */
  {
    const LegendEntry entries[] = { { &style->met, FALSE, legend_texts[0] }, { &style->not_met, FALSE, legend_texts[1] },
                                    { &style->not_met, TRUE, legend_texts[2] }, { &style->track, FALSE, legend_texts[3] } };

    y += style->font_size * 0.8;
    for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
      {
        if (x > MARGIN && x + legend_entry_width (cr, style, entries[i].text) > width - MARGIN)
          {
            x = MARGIN;
            y += style->font_size * 1.6;
          }
        x += legend_entry (cr, style, x, y, entries[i].fill, entries[i].outlined, entries[i].text);
      }
    y += style->font_size * 1.2;
  }

  for (int k = 0; k < TD_N_UNIT_KINDS; k++)
    if (c->by_kind[k].expected > 0)
      {
        g_autofree char *count = g_strdup_printf ("%u/%u", c->by_kind[k].sent, c->by_kind[k].expected);
        label_w = MAX (label_w, text_width (cr, style, style->font_size, FALSE, kind_vi ((TdUnitKind) k)));
        count_w = MAX (count_w, text_width (cr, style, style->font_size, TRUE, count));
      }
  /* The labels take at most 40 % of a narrow chart and ellipsize past it. */
  label_w = MIN (label_w, (width - 2 * MARGIN) * 0.4);
  bar_x = MARGIN + label_w + 12;
  bar_w = MAX (width - bar_x - count_w - 12 - MARGIN, 20);

  for (int k = 0; k < TD_N_UNIT_KINDS; k++)
    {
      const TdCompletenessCounts *n = &c->by_kind[k];
      guint on_time = n->timeliness[TD_TIMELINESS_ON_TIME] + n->timeliness[TD_TIMELINESS_EXCUSED] +
                      n->timeliness[TD_TIMELINESS_UNKNOWN];
      guint late = n->timeliness[TD_TIMELINESS_LATE];
      guint overdue = n->timeliness[TD_TIMELINESS_OVERDUE];
      guint pending = n->timeliness[TD_TIMELINESS_PENDING];
      double cy = y + row / 2, top = cy - bar_h / 2, at = bar_x, unit;
      g_autofree char *count = NULL;

      if (n->expected == 0)
        continue;
      unit = bar_w / n->expected;
      show_text (cr, style, style->font_size, FALSE, &style->foreground, kind_vi ((TdUnitKind) k), MARGIN,
                 cy, label_w, 0, NULL);
      set_color (cr, &style->track);
      cairo_rectangle (cr, bar_x, top, bar_w, bar_h);
      cairo_fill (cr);
      draw_bar (cr, style, at, top, on_time * unit, bar_h, TRUE);
      at += on_time * unit;
      set_color (cr, &style->not_met);
      cairo_rectangle (cr, at, top, late * unit, bar_h);
      cairo_fill (cr);
      at += late * unit;
      /* Not sent and overdue: outlined, as "not met" is in the other charts. */
      draw_bar (cr, style, at, top, overdue * unit, bar_h, FALSE);
      at += (overdue + pending) * unit;
      count = g_strdup_printf ("%u/%u", n->sent, n->expected);
      show_text (cr, style, style->font_size, TRUE, &style->foreground, count, width - MARGIN, cy, 0, 1, NULL);
      if (hits)
        {
          TdChartHit hit = { .x = MARGIN, .y = y, .width = width - 2 * MARGIN, .height = row, .index = (guint) k,
                             .bar_start_x = bar_x, .bar_end_x = bar_x + bar_w, .marker_x = -1,
                             .label_x = MARGIN, .label_y = top, .label_width = label_w, .label_height = bar_h };
          g_array_append_val (hits, hit);
        }
      y += row;
    }
  cairo_restore (cr);
}

const char *
td_chart_no_result_text (const TdTargetRollup *r)
{
  /* "Not applicable" only when every answer was: one unit still to report is missing data. */
  if (r->not_reported || (r->n_not_applicable > 0 && r->n_invalid == 0 && r->n_reporting == 0 &&
                          r->n_not_counted == 0))
    return "Không áp dụng";
  if (r->n_invalid > 0)
    return "Số liệu chưa hợp lệ";
  return NO_DATA;
}

/* Ranking */

double
td_chart_ranking_row_height (const TdChartStyle *style)
{
  return ceil (style->font_size * 1.9);
}

double
td_chart_ranking_header_height (const TdChartStyle *style,
                                const char         *title)
{
  double h = title && *title ? MARGIN + style->font_size * 1.25 * 1.3 + style->font_size * 0.6 : MARGIN;

  return ceil (h + style->font_size * 1.8);
}

void
td_chart_draw_ranking (cairo_t            *cr,
                       double              width,
                       double              height,
                       const TdChartStyle *style,
                       const char         *title,
                       TdTarget           *target,
                       GArray             *measures,
                       guint               first,
                       guint               count,
                       GArray             *hits)
{
  double row_h = td_chart_ranking_row_height (style);
  double top = td_chart_ranking_header_height (style, title);
  double font = style->font_size;
  double label_w = MAX (width * 0.36, 90);
  double value_w = text_width (cr, style, font, TRUE, "99,99 %") + font * 0.8;
  double mark_w = text_width (cr, style, font, FALSE, "✗") + font;
  double bar_x = MARGIN + label_w + font * 0.8;
  double bar_w = MAX (width - bar_x - value_w - mark_w - MARGIN, 10);
  double max = scale_max (target);
  double marker = bar_x + bar_w * CLAMP (td_target_get_threshold (target) / max, 0, 1);
  g_autofree char *threshold = td_target_format_threshold (target);
  g_autofree char *legend = g_strdup_printf ("Chỉ tiêu %u: %s  —  ngưỡng %s", td_target_get_number (target),
                                             td_target_get_text (target), threshold);
  guint last = MIN (first + count, measures->len);
  double rows_bottom;

  begin_chart (cr, width, height, style, title);
  show_text (cr, style, font * 0.92, FALSE, &style->muted, legend, MARGIN, top - font * 0.9, width - 2 * MARGIN, 0, NULL);

  for (guint i = first; i < last; i++)
    {
      TdUnitMeasure *m = &g_array_index (measures, TdUnitMeasure, i);
      double y = top + (i - first) * row_h;
      double cy = y + row_h / 2;
      double bar_h = row_h * 0.55;
      g_autofree char *label = g_strdup_printf ("%u. %s", i + 1, m->name);
      g_autofree char *value = td_unit_measure_format (target, m);
      TdChartHit hit = { 0, y, width, row_h, i, bar_x, bar_x + bar_w * CLAMP (m->measure / max, 0, 1), marker,
                         MARGIN, y, 0, row_h };

      if (y + row_h > height + 0.5)
        break;
      if (i % 2 == 1)
        {
          cairo_set_source_rgba (cr, style->grid.r, style->grid.g, style->grid.b, 0.35);
          cairo_rectangle (cr, 0, y, width, row_h);
          cairo_fill (cr);
        }
      hit.label_width = show_text (cr, style, font, FALSE, &style->foreground, label, MARGIN, cy, label_w, 0, NULL);
      set_color (cr, &style->track);
      cairo_rectangle (cr, bar_x, cy - bar_h / 2, bar_w, bar_h);
      cairo_fill (cr);
      draw_bar (cr, style, bar_x, cy - bar_h / 2, hit.bar_end_x - bar_x, bar_h, m->met);
      show_text (cr, style, font, TRUE, &style->foreground, value, bar_x + bar_w + value_w - font * 0.3, cy, 0, 1, NULL);
      show_text (cr, style, font, TRUE, m->met ? &style->met : &style->not_met, m->met ? "✓" : "✗",
                 width - MARGIN, cy, 0, 1, NULL);
      add_hit (hits, &hit);
    }

  /* The threshold as one line through every row drawn. */
  rows_bottom = MIN (top + (last > first ? last - first : 0) * row_h, height);
  if (rows_bottom > top)
    draw_marker (cr, style, marker, top, rows_bottom - top);
  cairo_restore (cr);
}

/* Trend */

void
td_chart_draw_trend (cairo_t            *cr,
                     double              width,
                     double              height,
                     const TdChartStyle *style,
                     const char         *title,
                     GPtrArray          *per_round,
                     const char * const *round_labels,
                     GArray             *hits)
{
  GArray *first_round;
  guint n, cols, rows;
  double top, cell_w, cell_h, font;

  top = begin_chart (cr, width, height, style, title);
  if (per_round->len == 0)
    {
      cairo_restore (cr);
      return;
    }
  first_round = g_ptr_array_index (per_round, 0);
  n = first_round->len;
  cols = width > 900 ? 5 : width > 600 ? 4 : width > 380 ? 3 : 2;
  rows = (n + cols - 1) / cols;
  cell_w = (width - 2 * MARGIN) / cols;
  cell_h = (height - top - MARGIN) / MAX (rows, 1);
  font = MIN (style->font_size * 0.85, cell_h * 0.12);

  for (guint i = 0; i < n; i++)
    {
      TdTarget *target = g_array_index (first_round, TdTargetRollup, i).target;
      double x = MARGIN + (i % cols) * cell_w, y = top + (i / cols) * cell_h;
      double px = x + font * 0.6, pw = cell_w - font * 1.6;
      double py = y + font * 2.0, ph = cell_h - font * 4.2;
      double max = scale_max (target);
      double lo = td_target_get_threshold (target), span;
      double ty;
      g_autofree char *label = g_strdup_printf ("%u. %s", td_target_get_number (target), td_target_get_text (target));
      g_autofree char *lo_text = NULL;
      double prev_x = -1, prev_y = -1;
      /* A cell has no bar and no vertical marker. */
      TdChartHit hit = { x, y, cell_w, cell_h, i, 0, 0, -1, x + font * 0.3, y, 0, font * 1.4 };

      /* Zoom the scale onto the values and the threshold: the top is always the maximum (100 %
       * or 1), the bottom a round step below the lowest of them. */
      for (guint r = 0; r < per_round->len; r++)
        {
          TdTargetRollup *roll = &g_array_index ((GArray *) g_ptr_array_index (per_round, r), TdTargetRollup, i);
          if (roll->has_measure)
            lo = MIN (lo, roll->measure);
          lo = MIN (lo, td_target_get_threshold (roll->target));
        }
      lo = MAX (floor (lo / (max / 10)) * (max / 10) - max / 10, 0);
      span = max - lo;

      if (ph < 4 || pw < 10)
        continue;
      hit.label_width = show_text (cr, style, font, TRUE, &style->foreground, label, x + font * 0.3,
                                   y + font * 0.9, cell_w - font * 0.6, 0, NULL);
      set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_rectangle (cr, px, py, pw, ph);
      cairo_stroke (cr);
      lo_text = td_target_format_measure (target, lo);
      show_text (cr, style, font * 0.8, FALSE, &style->muted, lo_text, px + 2, py + ph - font * 0.6, 0, 0, NULL);

      /* The threshold, dashed: each round's own across its column (the plan may aim lower
       * in an earlier round). */
      set_color (cr, &style->threshold);
      cairo_set_dash (cr, (double[]) { 4, 3 }, 2, 0);
      for (guint r = 0; r < per_round->len; r++)
        {
          TdTargetRollup *roll = &g_array_index ((GArray *) g_ptr_array_index (per_round, r), TdTargetRollup, i);

          ty = py + ph * (1 - CLAMP ((td_target_get_threshold (roll->target) - lo) / span, 0, 1));
          cairo_move_to (cr, px + pw * r / per_round->len, ty);
          cairo_line_to (cr, px + pw * (r + 1) / per_round->len, ty);
        }
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      for (guint r = 0; r < per_round->len; r++)
        {
          TdTargetRollup *roll = &g_array_index ((GArray *) g_ptr_array_index (per_round, r), TdTargetRollup, i);
          double cx = px + pw * (r + 0.5) / per_round->len;

          if (round_labels && round_labels[r])
            show_text (cr, style, font, FALSE, &style->muted, round_labels[r], cx, py + ph + font * 0.9, 0, 0.5, NULL);
          if (!roll->has_measure)
            continue;
          {
            double cy = py + ph * (1 - CLAMP ((roll->measure - lo) / span, 0, 1));
            g_autofree char *value = td_target_rollup_format (roll);

            if (prev_x >= 0)
              {
                set_color (cr, &style->foreground);
                cairo_set_line_width (cr, 1.5);
                cairo_move_to (cr, prev_x, prev_y);
                cairo_line_to (cr, cx, cy);
                cairo_stroke (cr);
              }
            /* Met: a filled disc; not met: a ring. */
            set_color (cr, roll->met ? &style->met : &style->not_met);
            /* The text left a current point behind; the arc must not join it. */
            cairo_new_sub_path (cr);
            cairo_arc (cr, cx, cy, font * 0.35, 0, 2 * G_PI);
            if (roll->met)
              cairo_fill (cr);
            else
              {
                cairo_set_line_width (cr, 2);
                cairo_stroke (cr);
              }
            /* Above the point, unless that is off the top or on the round's dashed threshold
             * line (which would strike the figure through): then below it. */
            {
              double round_ty = py + ph * (1 - CLAMP ((td_target_get_threshold (roll->target) - lo) / span, 0, 1));
              double label_y = cy - font * 0.9;

              if (cy < py + font || fabs (label_y - round_ty) < font * 0.7)
                label_y = cy + font * 0.9;
              if (fabs (label_y - round_ty) < font * 0.7 && cy - font * 0.9 >= py + font * 0.5)
                label_y = cy - font * 0.9 - font * 0.8;
              show_text (cr, style, font * 0.9, FALSE, &style->foreground, value, cx, label_y, 0, 0.5, NULL);
            }
            prev_x = cx;
            prev_y = cy;
          }
        }
      add_hit (hits, &hit);
    }
  cairo_restore (cr);
}

/* DTI */

void
td_chart_draw_dti (cairo_t            *cr,
                   double              width,
                   double              height,
                   const TdChartStyle *style,
                   const char         *title,
                   TdTarget * const   *targets,
                   const double       *values,
                   const char * const *round_labels,
                   guint               n_rounds,
                   GArray             *hits)
{
  double top, font = style->font_size, label_w, axis_x, axis_w, row_h, final_x = -1;
  TdTarget *final = NULL;

  top = begin_chart (cr, width, height, style, title) + font * 2.6;
  label_w = MAX (text_width (cr, style, font, TRUE, "Tổng kết 2026"), font * 5) + font;
  axis_x = MARGIN + label_w;
  axis_w = MAX (width - axis_x - MARGIN - text_width (cr, style, font, TRUE, "0,0000 ✗") - font, 20);
  row_h = MIN ((height - top - MARGIN - font * 2) / MAX (n_rounds, 1), font * 3.5);
  for (guint r = 0; r < n_rounds; r++)
    if (targets[r] != NULL)
      final = targets[r];
  if (final != NULL)
    final_x = axis_x + axis_w * td_target_get_threshold (final);

  /* Scale 0 … 1 with ticks every 0,1. */
  for (int t = 0; t <= 10; t++)
    {
      double x = axis_x + axis_w * t / 10.0;
      g_autofree char *tick = td_format_decimal (t / 10.0, 1);

      set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, top);
      cairo_line_to (cr, x, top + n_rounds * row_h);
      cairo_stroke (cr);
      show_text (cr, style, font * 0.8, FALSE, &style->muted, tick, x, top + n_rounds * row_h + font * 0.8, 0, 0.5, NULL);
    }

  for (guint r = 0; r < n_rounds; r++)
    {
      double y = top + r * row_h, cy = y + row_h / 2, bar_h = row_h * 0.5;
      double round_x = targets[r] ? axis_x + axis_w * td_target_get_threshold (targets[r]) : final_x;
      TdChartHit hit = { 0, y, width, row_h, r, axis_x, axis_x, round_x, MARGIN, y, 0, row_h };

      hit.label_width = show_text (cr, style, font, TRUE, &style->foreground, round_labels[r], MARGIN, cy, label_w - font, 0, NULL);
      if (values[r] >= 0 && targets[r] != NULL)
        {
          /* Each round against its own threshold: above 0,7 in 2025 is met in 2025. */
          gboolean met = td_target_index_meets (targets[r], values[r]);
          g_autofree char *value = td_target_format_index (targets[r], values[r]);
          g_autofree char *shown = g_strdup_printf ("%s %s", value, met ? "✓" : "✗");
          double label_x;

          hit.bar_end_x = axis_x + axis_w * CLAMP (values[r], 0, 1);
          draw_bar (cr, style, axis_x, cy - bar_h / 2, hit.bar_end_x - axis_x, bar_h, met);
          /* Right of the bar, and right of a threshold line the bar ends just before (the
           * final marker crosses every row). */
          label_x = hit.bar_end_x;

          if (hit.bar_end_x > round_x - font * 3)
            label_x = MAX (label_x, round_x);
          if (final_x >= 0 && hit.bar_end_x > final_x - font * 3)
            label_x = MAX (label_x, final_x);
          show_text (cr, style, font, TRUE, met ? &style->met : &style->not_met, shown, label_x + font * 0.5,
                     cy, 0, 0, NULL);
        }
      else
        show_text (cr, style, font, FALSE, &style->muted, NO_DATA, axis_x + font * 0.4, cy, axis_w, 0, NULL);
      /* The round's own threshold across its row: dashed where it is an earlier aim. */
      if (targets[r] != NULL && round_x != final_x)
        {
          set_color (cr, &style->muted);
          cairo_set_line_width (cr, 1.5);
          cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
          cairo_move_to (cr, round_x, y + 1);
          cairo_line_to (cr, round_x, y + row_h - 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      add_hit (hits, &hit);
    }

  /* Labels above the plot: each earlier aim that differs from the final one, then the final. */
  for (guint r = 0; r < n_rounds; r++)
    {
      double x;
      g_autofree char *threshold = NULL;
      g_autofree char *label = NULL;

      if (targets[r] == NULL || targets[r] == final)
        continue;
      x = axis_x + axis_w * td_target_get_threshold (targets[r]);
      if (x == final_x)
        continue;
      threshold = td_target_format_threshold (targets[r]);
      label = g_strdup_printf ("Mục tiêu %s: %s", round_labels[r], threshold);
      show_text (cr, style, font * 0.85, FALSE, &style->muted, label, x - font * 0.3, top - font * 1.9, 0, 1, NULL);
    }
  if (final != NULL)
    {
      g_autofree char *threshold = td_target_format_threshold (final);
      g_autofree char *label = g_strdup_printf ("Mục tiêu %s: %s", round_labels[n_rounds - 1], threshold);

      draw_marker (cr, style, final_x, top - font * 0.3, n_rounds * row_h + font * 0.3);
      show_text (cr, style, font * 0.85, TRUE, &style->foreground, label, final_x + font * 0.3, top - font * 1.9, 0, 0, NULL);
    }
  cairo_restore (cr);
}

char *
td_chart_describe_overview (GArray *rollups)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (rollups, TdTargetRollup, i);
      g_autofree char *threshold = td_target_format_threshold (r->target);

      if (r->has_measure)
        {
          g_autofree char *value = td_target_rollup_format (r);
          g_string_append_printf (out, "Chỉ tiêu %u: %s, ngưỡng %s, %s.\n", td_target_get_number (r->target),
                                  value, threshold, r->met ? "đạt" : "chưa đạt");
        }
      else
        {
          g_autofree char *none = g_utf8_strdown (td_chart_no_result_text (r), -1);
          g_string_append_printf (out, "Chỉ tiêu %u: %s, ngưỡng %s.\n",
                                  td_target_get_number (r->target), none, threshold);
        }
    }
  return g_string_free (out, FALSE);
}
