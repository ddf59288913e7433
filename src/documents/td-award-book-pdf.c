/* td-award-book-pdf.c: the award register on A4 landscape, a table whose header repeats on
 * every page; a row is never split, and a cancelled entry stays in the book, marked. */

#include "config.h"

#include "td-award-book-pdf.h"
#include "td-award-book.h"
#include "td-doc-text.h"

#define PAGE_W      297.0
#define PAGE_H      210.0
#define MARGIN      (15.0 * TD_MM)
#define CELL_SIZE   10.5
#define PAD_X       (1.5 * TD_MM)
#define PAD_Y       (1.2 * TD_MM)

/* The columns printed, as shares of the width, by their index in td_award_book_rows(). */
static const struct { guint column; double share; } columns[] = {
  { 0, 0.07 }, { 1, 0.17 }, { 2, 0.25 }, { 3, 0.08 }, { 4, 0.14 }, { 5, 0.11 }, { 6, 0.08 }, { 8, 0.10 },
};

typedef struct {
  cairo_t      *cr;
  PangoContext *context;
  const char   *family;
  double        y;
  int           page;
} Book;

static double
row_draw (Book        *b,
          const char **cells,
          TdDocStyle   style,
          gboolean     measure_only)
{
  double width = PAGE_W * TD_MM - 2 * MARGIN, x = MARGIN, h = 0;
  PangoLayout *layouts[G_N_ELEMENTS (columns)];

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      layouts[c] = td_doc_layout (b->context, b->family, CELL_SIZE, style, columns[c].share * width - 2 * PAD_X,
                                  c == 0 ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, cells[columns[c].column]);
      h = MAX (h, td_doc_layout_height (layouts[c], NULL));
    }
  h += 2 * PAD_Y;
  if (!measure_only)
    {
      cairo_set_line_width (b->cr, 0.5);
      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          double w = columns[c].share * width, ink;

          cairo_rectangle (b->cr, x, b->y, w, h);
          cairo_stroke (b->cr);
          td_doc_layout_height (layouts[c], &ink);
          cairo_move_to (b->cr, x + PAD_X, b->y + PAD_Y + ink);
          pango_cairo_show_layout (b->cr, layouts[c]);
          x += w;
        }
      b->y += h;
    }
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_object_unref (layouts[c]);
  return h;
}

static void
header_row (Book *b)
{
  row_draw (b, (const char **) td_award_book_header (), TD_DOC_BOLD, FALSE);
}

static void
page_number (Book *b)
{
  g_autofree char *text = g_strdup_printf ("%d", b->page);
  g_autoptr(PangoLayout) layout = td_doc_layout (b->context, b->family, 10, 0, PAGE_W * TD_MM, PANGO_ALIGN_CENTER, text);

  cairo_move_to (b->cr, 0, PAGE_H * TD_MM - MARGIN / 2 - 6);
  pango_cairo_show_layout (b->cr, layout);
}

GBytes *
td_award_book_render_pdf (GPtrArray   *entries,
                          const char  *title_line,
                          GError     **error)
{
  cairo_surface_t *surface = td_doc_pdf_new (PAGE_W * TD_MM, PAGE_H * TD_MM, "Sổ theo dõi khen thưởng");
  g_autoptr(GPtrArray) rows = td_award_book_rows (entries);
  Book b = { 0 };
  double width = PAGE_W * TD_MM - 2 * MARGIN, bottom = PAGE_H * TD_MM - MARGIN;
  GBytes *bytes;

  b.cr = cairo_create (surface);
  b.context = td_doc_context_new (b.cr);
  b.family = td_doc_serif_family (NULL);
  b.page = 1;
  b.y = MARGIN;
  cairo_set_source_rgb (b.cr, 0, 0, 0);
  {
    g_autoptr(PangoLayout) title = td_doc_layout (b.context, b.family, 14, TD_DOC_BOLD, width, PANGO_ALIGN_CENTER,
                                                  "SỔ THEO DÕI KHEN THƯỞNG");
    g_autoptr(PangoLayout) sub = td_doc_layout (b.context, b.family, 12, TD_DOC_ITALIC, width, PANGO_ALIGN_CENTER,
                                                title_line ? title_line : "");
    double ink, h = td_doc_layout_height (title, &ink);

    cairo_move_to (b.cr, MARGIN, b.y + ink);
    pango_cairo_show_layout (b.cr, title);
    b.y += h + 2;
    h = td_doc_layout_height (sub, &ink);
    cairo_move_to (b.cr, MARGIN, b.y + ink);
    pango_cairo_show_layout (b.cr, sub);
    b.y += h + 8;
  }
  header_row (&b);
  for (guint i = 0; i < rows->len; i++)
    {
      const char **cells = rows->pdata[i];

      if (b.y + row_draw (&b, cells, 0, TRUE) > bottom)
        {
          page_number (&b);
          cairo_show_page (b.cr);
          b.page++;
          b.y = MARGIN;
          header_row (&b);
        }
      row_draw (&b, cells, 0, FALSE);
    }
  if (rows->len == 0)
    {
      g_autoptr(PangoLayout) none = td_doc_layout (b.context, b.family, 12, TD_DOC_ITALIC, width, PANGO_ALIGN_CENTER,
                                                   "Sổ chưa có số nào.");
      cairo_move_to (b.cr, MARGIN, b.y + 10);
      pango_cairo_show_layout (b.cr, none);
    }
  page_number (&b);
  cairo_show_page (b.cr);
  cairo_destroy (b.cr);
  g_object_unref (b.context);
  bytes = td_doc_pdf_finish (surface, error);
  cairo_surface_destroy (surface);
  return bytes;
}
