/* td-chart-export.c: chart files. */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <cairo-svg.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-chart-export.h"

G_DEFINE_QUARK (td-export-error-quark, td_export_error)

char *
td_export_temp_path (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.%u.part", base, g_random_int ());

  return g_build_filename (dir, name, NULL);
}

gboolean
td_export_commit (const char  *temp_path,
                  const char  *path,
                  GError     **error)
{
  if (g_rename (temp_path, path) != 0)
    {
      int saved = errno;
      g_unlink (temp_path);
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("Could not save “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_surface (cairo_surface_t  *surface,
               const char       *path,
               GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);

  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
               _("Could not save “%s”: %s"), path, cairo_status_to_string (status));
  return FALSE;
}

gboolean
td_chart_export_file (const char      *path,
                      double           width,
                      double           height,
                      double           scale,
                      TdChartDrawFunc  draw,
                      gpointer         user_data,
                      GError         **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *temp = td_export_temp_path (path);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (lower, ".png");
  gboolean ok;

  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
  else if (g_str_has_suffix (lower, ".svg"))
    surface = cairo_svg_surface_create (temp, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    surface = cairo_pdf_surface_create (temp, width, height);
  else
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_FORMAT,
                   _("“%s” has no known extension; save the chart as .png, .svg or .pdf."), path);
      return FALSE;
    }
  if (!check_surface (surface, path, error))
    {
      cairo_surface_destroy (surface);
      g_unlink (temp);
      return FALSE;
    }

  cr = cairo_create (surface);
  if (png)
    cairo_scale (cr, scale, scale);
  draw (cr, width, height, user_data);
  cairo_destroy (cr);
  /* An image surface must be written before it is finished; the others write as they finish. */
  if (png && cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    cairo_surface_write_to_png (surface, temp);
  cairo_surface_finish (surface);
  ok = check_surface (surface, path, error);
  cairo_surface_destroy (surface);
  if (!ok || !g_file_test (temp, G_FILE_TEST_EXISTS))
    {
      if (ok)
        g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE, _("Could not save “%s”."), path);
      g_unlink (temp);
      return FALSE;
    }
  return td_export_commit (temp, path, error);
}
