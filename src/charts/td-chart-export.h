/* td-chart-export.h: a chart into a PNG, SVG or PDF file, by the file's extension. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define TD_EXPORT_ERROR (td_export_error_quark ())

typedef enum {
  TD_EXPORT_ERROR_FORMAT,   /* an extension we do not write */
  TD_EXPORT_ERROR_WRITE,
} TdExportError;

GQuark   td_export_error_quark (void);

typedef void (*TdChartDrawFunc) (cairo_t *cr,
                                 double   width,
                                 double   height,
                                 gpointer user_data);

/* Draws into @path (.png at @scale × the size, .svg, .pdf).  The file appears whole or not at
 * all: it is written beside the target and renamed into place.  @title and @description
 * (either may be NULL) say in words what the chart shows: the SVG carries them as <title> and
 * <desc>, since cairo writes its text as outlines; the PDF as its title and subject. */
gboolean td_chart_export_file  (const char      *path,
                                double           width,
                                double           height,
                                double           scale,
                                const char      *title,
                                const char      *description,
                                TdChartDrawFunc  draw,
                                gpointer         user_data,
                                GError         **error);

/* Used by the exporters: a temporary name beside @path, and the rename into place. */
char    *td_export_temp_path   (const char      *path);
gboolean td_export_commit      (const char      *temp_path,
                                const char      *path,
                                GError         **error);

G_END_DECLS
