/* td-chart-style.h: colours and fonts of the charts, for light and dark backgrounds. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  double r, g, b, a;
} TdColor;

typedef struct {
  gboolean    dark;
  gboolean    fill_background;  /* exports paint a background; the screen shows the window's */
  TdColor     background;
  TdColor     foreground;
  TdColor     muted;
  TdColor     grid;
  TdColor     track;
  TdColor     met;
  TdColor     not_met;
  TdColor     threshold;
  TdColor     accent;           /* focus and hover; libadwaita's accent on screen */
  char        font_family[64];
  double      font_size;        /* in user units: pixels on screen, points in a PDF */
  const char *met_label;        /* "✓ Đạt" in documents; the window's language on screen */
  const char *not_met_label;    /* "✗ Chưa đạt" likewise; static strings, never freed */
} TdChartStyle;

/* Blue for met and orange for not met read apart for the common colour-blindnesses and in
 * grey print, where the fill (solid or outlined) and the ✓ / ✗ label carry the meaning. */
void td_chart_style_init       (TdChartStyle *style,
                                gboolean      dark);
void td_chart_style_set_accent (TdChartStyle *style,
                                double        r,
                                double        g,
                                double        b);

G_END_DECLS
