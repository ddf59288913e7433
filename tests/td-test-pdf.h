/* td-test-pdf.h: small PDFs made by the tests themselves, among them the hostile ones that
 * crash or stall poppler and cairo (issue 18): no fixture file, nothing from ../shared. */
#pragma once

#include <glib.h>
#include <string.h>

/* A PDF of @n_objects objects ("<< … >>" or a dictionary followed by a stream), the first the
 * catalogue, with a correct cross-reference table. */
static inline GBytes *
td_test_pdf_build (const char * const *objects,
                   guint                n_objects)
{
  GString *out = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autofree gsize *offsets = g_new0 (gsize, n_objects);
  gsize xref;

  for (guint i = 0; i < n_objects; i++)
    {
      offsets[i] = out->len;
      g_string_append_printf (out, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = out->len;
  g_string_append_printf (out, "xref\n0 %u\n0000000000 65535 f \n", n_objects + 1);
  for (guint i = 0; i < n_objects; i++)
    g_string_append_printf (out, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (out, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          n_objects + 1, xref);
  return g_string_free_to_bytes (out);
}

static inline char *
td_test_pdf_stream (const char *dict,
                    const char *data)
{
  return g_strdup_printf ("<< %s /Length %zu >>\nstream\n%s\nendstream", dict, strlen (data), data);
}

/* Pages whose content streams are @contents (NULL: a line of text in /Fh), with the resources
 * @resources (NULL: the font /Fh only). */
static inline GBytes *
td_test_pdf_pages (const char * const *contents,
                   guint                n_pages,
                   const char          *resources,
                   const char * const  *extra,
                   guint                n_extra)
{
  /* 1 catalogue, 2 pages, 3 font, then extra objects, then page and content pairs. */
  GPtrArray *objects = g_ptr_array_new_with_free_func (g_free);
  GString *kids = g_string_new (NULL);
  guint first_page = 4 + n_extra;
  GBytes *pdf;

  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (kids, "%u 0 R ", first_page + 2 * i);
  g_ptr_array_add (objects, g_strdup ("<< /Type /Catalog /Pages 2 0 R >>"));
  g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Pages /Kids [%s] /Count %u >>", kids->str, n_pages));
  g_ptr_array_add (objects, g_strdup ("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  for (guint i = 0; i < n_extra; i++)
    g_ptr_array_add (objects, g_strdup (extra[i]));
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("BT /Fh 18 Tf 20 150 Td (Trang %u) Tj ET", i + 1);
      g_ptr_array_add (objects, g_strdup_printf ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]"
                                                 " /Resources << %s >> /Contents %u 0 R >>",
                                                 resources ? resources : "/Font << /Fh 3 0 R >>", first_page + 2 * i + 1));
      g_ptr_array_add (objects, td_test_pdf_stream ("", contents && contents[i] ? contents[i] : text));
    }
  pdf = td_test_pdf_build ((const char * const *) objects->pdata, objects->len);
  g_ptr_array_unref (objects);
  g_string_free (kids, TRUE);
  return pdf;
}

/* A Type 3 font whose only glyph draws text in the same font: poppler notices the recursion
 * and carries on, then cairo aborts the process (_cairo_scaled_font_freeze_cache). */
static inline GBytes *
td_test_pdf_recursive_type3 (void)
{
  g_autofree char *glyph = td_test_pdf_stream ("", "1000 0 0 0 1000 1000 d1 BT /F1 1000 Tf 0 0 Td (a) Tj ET");
  const char *extra[] = {
    "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1000 1000] /FontMatrix [0.001 0 0 0.001 0 0]"
    " /CharProcs << /a 5 0 R >> /Encoding << /Type /Encoding /Differences [97 /a] >> /FirstChar 97 /LastChar 97"
    " /Widths [1000] /Resources << /Font << /F1 4 0 R >> >> >>",
    glyph,
  };
  const char *contents[] = { "BT /F1 100 Tf 10 10 Td (a) Tj ET" };

  return td_test_pdf_pages (contents, 1, "/Font << /F1 4 0 R /Fh 3 0 R >>", extra, G_N_ELEMENTS (extra));
}

/* A tiling pattern that paints itself, with a step a thousandth of its cell: drawing it asks
 * poppler's cairo backend for billions of overlapping tiles (minutes of CPU time). */
static inline GBytes *
td_test_pdf_self_painting_pattern (guint n_pages,
                                   guint bad_page)
{
  g_autofree char *pattern = td_test_pdf_stream ("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1"
                                                 " /BBox [0 0 10 10] /XStep 0.001 /YStep 0.001"
                                                 " /Resources << /Pattern << /P1 4 0 R >> >>",
                                                 "/Pattern cs /P1 scn 0 0 10 10 re f 0 0 10 10 re f");
  const char *extra[] = { pattern };
  g_autofree const char **contents = g_new0 (const char *, n_pages);

  contents[bad_page] = "/Pattern cs /P1 scn 0 0 200 200 re f";
  return td_test_pdf_pages (contents, n_pages, "/Font << /Fh 3 0 R >> /Pattern << /P1 4 0 R >>", extra,
                            G_N_ELEMENTS (extra));
}
