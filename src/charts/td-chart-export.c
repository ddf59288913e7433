/* td-chart-export.c: chart files. */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <string.h>
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

/* Puts <title> and <desc> first inside the <svg> element cairo wrote. */
static gboolean
add_svg_text (const char  *svg_path,
              const char  *title,
              const char  *description,
              GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GString) out = NULL;
  const char *open_tag, *end;
  gsize len;

  if (!g_file_get_contents (svg_path, &contents, &len, error))
    return FALSE;
  open_tag = strstr (contents, "<svg");
  end = open_tag ? strchr (open_tag, '>') : NULL;
  if (end == NULL)
    return TRUE;
  out = g_string_new_len (contents, end + 1 - contents);
  if (title)
    {
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      g_string_append_printf (out, "\n<title>%s</title>", escaped);
    }
  if (description)
    {
      g_autofree char *escaped = g_markup_escape_text (description, -1);
      g_string_append_printf (out, "\n<desc>%s</desc>", escaped);
    }
  g_string_append (out, end + 1);
  return g_file_set_contents (svg_path, out->str, (gssize) out->len, error);
}

gboolean
td_chart_export_file (const char      *path,
                      double           width,
                      double           height,
                      double           scale,
                      const char      *title,
                      const char      *description,
                      TdChartDrawFunc  draw,
                      gpointer         user_data,
                      GError         **error)
{
  gboolean svg;
  g_autofree char *lower = g_ascii_strdown (path, -1);
  g_autofree char *temp = td_export_temp_path (path);
  cairo_surface_t *surface;
  cairo_t *cr;
  gboolean png = g_str_has_suffix (lower, ".png");
  gboolean ok;

  svg = FALSE;
  if (png)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale), (int) ceil (height * scale));
  else if ((svg = g_str_has_suffix (lower, ".svg")))
    surface = cairo_svg_surface_create (temp, width, height);
  else if (g_str_has_suffix (lower, ".pdf"))
    {
      surface = cairo_pdf_surface_create (temp, width, height);
      if (title)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      if (description)
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, description);
    }
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
  if (ok && svg && (title || description))
    ok = add_svg_text (temp, title, description, error);
  if (!ok || !g_file_test (temp, G_FILE_TEST_EXISTS))
    {
      if (ok)
        g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE, _("Could not save “%s”."), path);
      else if (error && *error && (*error)->domain != TD_EXPORT_ERROR)
        g_prefix_error (error, _("Could not save “%s”: "), path);
      g_unlink (temp);
      return FALSE;
    }
  return td_export_commit (temp, path, error);
}
