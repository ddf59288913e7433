/* td-chart-style.c: the chart palette. */
#include "td-chart-style.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0, 1.0 }

void
td_chart_style_init (TdChartStyle *style,
                     gboolean      dark)
{
  static const TdChartStyle light_style = {
    .dark = FALSE,
    .background = RGB (0xffffff),
    .foreground = RGB (0x241f31),
    .muted = RGB (0x5e5c64),
    .grid = RGB (0xdeddda),
    .track = RGB (0xebebed),
    .met = RGB (0x1c71d8),
    .not_met = RGB (0xc64600),
    .threshold = RGB (0x000000),
    .accent = RGB (0x3584e4),
    .font_family = "Sans",
    .font_size = 13,
    .met_label = "✓ Đạt",
    .not_met_label = "✗ Chưa đạt",
  };
  static const TdChartStyle dark_style = {
    .dark = TRUE,
    .background = RGB (0x222226),
    .foreground = RGB (0xffffff),
    .muted = RGB (0xc0bfbc),
    .grid = RGB (0x48484d),
    .track = RGB (0x3a3a3f),
    .met = RGB (0x62a0ea),
    .not_met = RGB (0xffa348),
    .threshold = RGB (0xffffff),
    .accent = RGB (0x78aeed),
    .font_family = "Sans",
    .font_size = 13,
    .met_label = "✓ Đạt",
    .not_met_label = "✗ Chưa đạt",
  };

  *style = dark ? dark_style : light_style;
}

void
td_chart_style_set_accent (TdChartStyle *style,
                           double        r,
                           double        g,
                           double        b)
{
  style->accent = (TdColor) { r, g, b, 1.0 };
}
