/* td-doc-text.c: shared text layout and PDF output for decisions and certificates. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "td-doc-text.h"

static gboolean
family_installed (PangoFontMap *map,
                  const char   *name)
{
  PangoFontFamily **families = NULL;
  int n = 0;
  gboolean found = FALSE;

  pango_font_map_list_families (map, &families, &n);
  for (int i = 0; i < n && !found; i++)
    found = g_ascii_strcasecmp (pango_font_family_get_name (families[i]), name) == 0;
  g_free (families);
  return found;
}

const char *
td_doc_serif_family (gboolean *substituted)
{
  /* Decree 30/2020 asks for Times New Roman; the others are metric-compatible with it, so a
   * layout made with one keeps its line breaks with the other. */
  static const char * const wanted[] = { "Times New Roman", "Liberation Serif", "Tinos" };
  static gsize chosen = 0;

  if (g_once_init_enter (&chosen))
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      gsize pick = G_N_ELEMENTS (wanted);

      for (gsize i = 0; i < G_N_ELEMENTS (wanted); i++)
        if (family_installed (map, wanted[i]))
          {
            pick = i;
            break;
          }
      g_once_init_leave (&chosen, pick + 1);
    }
  if (substituted != NULL)
    *substituted = chosen != 1;
  /* With none of them, fontconfig's "serif" still finds a face; the caller says so. */
  return chosen - 1 < G_N_ELEMENTS (wanted) ? wanted[chosen - 1] : "serif";
}

PangoLayout *
td_doc_layout (PangoContext   *context,
               const char     *family,
               double          size,
               TdDocStyle      style,
               double          width,
               PangoAlignment  alignment,
               const char     *text)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE + 0.5));
  if (style & TD_DOC_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (style & TD_DOC_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
td_doc_layout_height (PangoLayout *layout,
                      double      *ink_top)
{
  PangoRectangle ink, logical;
  double top, bottom;

  pango_layout_get_extents (layout, &ink, &logical);
  top = MIN (ink.y, logical.y);
  bottom = MAX (ink.y + ink.height, logical.y + logical.height);
  if (ink_top != NULL)
    *ink_top = (logical.y - top) / PANGO_SCALE;
  return (bottom - top) / PANGO_SCALE;
}

double
td_doc_layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return (double) logical.width / PANGO_SCALE;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static const cairo_user_data_key_t sink_key;

cairo_surface_t *
td_doc_pdf_new (double      width,
                double      height,
                const char *title)
{
  GByteArray *sink = g_byte_array_new ();
  cairo_surface_t *surface = cairo_pdf_surface_create_for_stream (append_bytes, sink, width, height);

  cairo_surface_set_user_data (surface, &sink_key, sink, (cairo_destroy_func_t) g_byte_array_unref);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Thi đua");
  return surface;
}

GBytes *
td_doc_pdf_finish (cairo_surface_t  *surface,
                   GError          **error)
{
  GByteArray *sink = cairo_surface_get_user_data (surface, &sink_key);
  cairo_status_t status;

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The PDF could not be written: %s."),
                   cairo_status_to_string (status));
      return NULL;
    }
  return g_bytes_new (sink->data, sink->len);
}

PangoContext *
td_doc_context_new (cairo_t *cr)
{
  PangoContext *context = pango_cairo_create_context (cr);
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Points are the unit on the page, so 72 "dots" per inch; and unhinted metrics, so a layout
   * does not depend on the resolution it is later shown or printed at. */
  pango_cairo_context_set_resolution (context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  return context;
}
