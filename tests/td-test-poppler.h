/* td-test-poppler.h: reading a generated PDF back with poppler, measured in points with the origin
 * at the top left: the checks every document test makes (margins, fonts, a rule's length). */
#pragma once

#include <math.h>
#include <poppler.h>

#include "td-decision-pdf.h"

#define PT_PER_MM TD_MM

#ifndef __POPPLER_AUTOPTR_DEFINED
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
#endif

static inline PopplerDocument *
open_pdf (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static inline gboolean
find_on (PopplerPage      *page,
         const char       *text,
         PopplerRectangle *out)   /* top-left origin, points */
{
  GList *hits = poppler_page_find_text_with_options (page, text, POPPLER_FIND_CASE_SENSITIVE);
  double w, h;

  *out = (PopplerRectangle) { 0 };
  if (hits == NULL)
    return FALSE;
  poppler_page_get_size (page, &w, &h);
  *out = *(PopplerRectangle *) hits->data;
  /* find_text answers in PDF space, origin at the bottom left. */
  {
    double y1 = h - out->y2, y2 = h - out->y1;
    out->y1 = y1;
    out->y2 = y2;
  }
  g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
  return TRUE;
}

/* Index of the first page (from @from) that has @text, or -1. */
static inline int
page_with (PopplerDocument *doc,
           int              from,
           const char      *text)
{
  for (int i = from; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      PopplerRectangle r;
      if (find_on (page, text, &r))
        return i;
    }
  return -1;
}

/* The attributes (font, size) at the first occurrence of @text in the page's text. */
static inline PopplerTextAttributes *
attributes_of (PopplerPage *page,
               const char  *text)
{
  g_autofree char *all = poppler_page_get_text (page);
  const char *at = strstr (all, text);
  GList *attrs;
  PopplerTextAttributes *found = NULL;
  glong index;

  g_assert_nonnull (at);
  index = g_utf8_pointer_to_offset (all, at);
  attrs = poppler_page_get_text_attributes (page);
  for (GList *l = attrs; l; l = l->next)
    {
      PopplerTextAttributes *a = l->data;
      if (a->start_index <= index && index <= a->end_index)
        {
          found = poppler_text_attributes_copy (a);
          break;
        }
    }
  poppler_page_free_text_attributes (attrs);
  if (found == NULL || found->font_name == NULL)
    g_error ("no font for “%s”", text);
  return found;
}

static inline void
assert_font (PopplerPage *page,
             const char  *text,
             double       size,
             const char  *style)   /* "Bold", "Italic", "BoldItalic" or "" */
{
  PopplerTextAttributes *a = attributes_of (page, text);
  const char *dash = strrchr (a->font_name, '-');
  const char *face = dash ? dash + 1 : "";

  g_assert_cmpfloat_with_epsilon (a->font_size, size, 0.05);
  g_assert_true (strstr (a->font_name, "LiberationSerif") || strstr (a->font_name, "TimesNewRoman") ||
                 strstr (a->font_name, "Tinos"));
  if (*style == '\0')
    g_assert_true (dash == NULL || g_str_equal (face, "Regular") || g_str_equal (face, "Roman"));
  else
    g_assert_cmpstr (face, ==, style);
  poppler_text_attributes_free (a);
}

/* Every character box of the page inside the text area; characters in the top margin are only
 * allowed as the page number (digits, centred).  Returns the page number found, or 0. */
static inline int
check_margins (PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n = 0;
  double w, h;
  double left = TD_DECISION_MARGIN_LEFT * PT_PER_MM, right = (TD_DECISION_PAGE_WIDTH - TD_DECISION_MARGIN_RIGHT) * PT_PER_MM;
  double top = TD_DECISION_MARGIN_TOP * PT_PER_MM, bottom = (TD_DECISION_PAGE_HEIGHT - TD_DECISION_MARGIN_BOTTOM) * PT_PER_MM;
  int number = 0;
  const char *p = text;

  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat (fabs (w - TD_DECISION_PAGE_WIDTH * PT_PER_MM), <, 0.5);
  g_assert_cmpfloat (fabs (h - TD_DECISION_PAGE_HEIGHT * PT_PER_MM), <, 0.5);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (guint i = 0; i < n; i++, p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      PopplerRectangle *r = &rects[i];

      if (g_unichar_isspace (ch) || r->x2 - r->x1 <= 0)
        continue;
      g_assert_cmpfloat (r->x1, >=, left - 0.5);
      g_assert_cmpfloat (r->x2, <=, right + 0.5);
      g_assert_cmpfloat (r->y2, <=, bottom + 0.5);
      if (r->y1 < top - 0.5)
        {
          /* The page number: digits, in the top margin, about centred on the text area. */
          g_assert_true (g_unichar_isdigit (ch));
          g_assert_cmpfloat (r->y2, <=, top);
          g_assert_cmpfloat (fabs ((r->x1 + r->x2) / 2 - (left + right) / 2), <, 12);
          number = number * 10 + g_unichar_digit_value (ch);
        }
    }
  g_free (rects);
  return number;
}

/* Length in points of the longest dark horizontal run within @below points under @r, between
 * r->x1 - 40 and r->x2 + 40; the page drawn at 8 pixels per point. */
static inline double
rule_under (PopplerPage            *page,
            const PopplerRectangle *r,
            double                  below)
{
  const double scale = 8;
  double w, h, best = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  int x0, x1, y0, y1, stride;
  const guint8 *data;

  poppler_page_get_size (page, &w, &h);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * scale), (int) (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  x0 = (int) ((r->x1 - 40) * scale);
  x1 = (int) ((r->x2 + 40) * scale);
  /* Start below the glyphs' own ink: descenders end well before the box's bottom. */
  y0 = (int) ((r->y2 - 1) * scale);
  y1 = (int) ((r->y2 + below) * scale);
  for (int y = y0; y < y1; y++)
    {
      int run = 0;
      for (int x = x0; x < x1; x++)
        {
          guint32 px = *(const guint32 *) (data + y * stride + x * 4);
          if ((px & 0xff) < 96)
            {
              run++;
              best = MAX (best, run / scale);
            }
          else
            run = 0;
        }
    }
  cairo_surface_destroy (surface);
  return best;
}

