/* td-doc-flow.c: the Decree 30/2020/NĐ-CP layout every administrative document shares (Appendix
 * I): the two-column header with the issuing body broken between word groups and its short
 * rule, body paragraphs that flow over pages, and the signature block that never stands alone.
 * The decision (td-decision-pdf.c) and the dossier documents (td-dossier-pdf.c) are written
 * with it. */

#include "config.h"

#include <string.h>

#include "td-doc-breaks.h"
#include "td-doc-flow.h"

void
td_flow_begin (TdFlow          *f,
               cairo_surface_t *surface)
{
  memset (f, 0, sizeof *f);
  f->cr = cairo_create (surface);
  f->context = td_doc_context_new (f->cr);
  f->family = td_doc_serif_family (NULL);
  f->left = TD_FLOW_MARGIN_LEFT * TD_MM;
  f->right = (TD_FLOW_PAGE_WIDTH - TD_FLOW_MARGIN_RIGHT) * TD_MM;
  f->top = TD_FLOW_MARGIN_TOP * TD_MM;
  f->bottom = (TD_FLOW_PAGE_HEIGHT - TD_FLOW_MARGIN_BOTTOM) * TD_MM;
  f->page = 1;
  f->y = f->top;
  cairo_set_source_rgb (f->cr, 0, 0, 0);
}

void
td_flow_end (TdFlow *f)
{
  g_clear_pointer (&f->cr, cairo_destroy);
  g_clear_object (&f->context);
}

double
td_flow_width (TdFlow *f)
{
  return f->right - f->left;
}

PangoLayout *
td_flow_layout (TdFlow           *f,
            double          size,
            TdDocStyle      style,
            double          width,
            PangoAlignment  alignment,
            const char     *text)
{
  PangoLayout *layout = td_doc_layout (f->context, f->family, size, style, width, alignment, text);

  pango_layout_set_line_spacing (layout, TD_FLOW_LINE_SPACING);
  return layout;
}

static void
draw_page_number (TdFlow *f)
{
  g_autofree char *text = g_strdup_printf ("%d", f->page);
  g_autoptr(PangoLayout) layout = td_flow_layout (f, TD_FLOW_HEADER_SIZE, 0, td_flow_width (f), PANGO_ALIGN_CENTER, text);
  double ink_top;
  double h = td_doc_layout_height (layout, &ink_top);

  /* Centred in the top margin. */
  cairo_move_to (f->cr, f->left, (f->top - h) / 2 + ink_top);
  pango_cairo_show_layout (f->cr, layout);
}

void
td_flow_new_page (TdFlow *f)
{
  cairo_show_page (f->cr);
  f->page++;
  f->y = f->top;
  if (f->page >= 2)
    draw_page_number (f);
}

/* Draws @layout at @x, line by line, moving to a new page where a line would cross the bottom
 * margin.  The last two lines go to the next page together, with @keep_after points of what
 * follows, when they would not fit on this one. */
void
td_flow_lines (TdFlow        *f,
            PangoLayout *layout,
            double       x,
            double       keep_after)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double origin = f->y;     /* where the layout's y = 0 sits on the current page */
  int n = pango_layout_get_line_count (layout), index = 0;
  PangoRectangle whole;

  pango_layout_get_extents (layout, NULL, &whole);
  do
    {
      PangoRectangle logical;
      double top, bottom, needed;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      top = origin + (double) logical.y / PANGO_SCALE;
      bottom = top + (double) logical.height / PANGO_SCALE;
      needed = bottom;
      if (keep_after > 0 && index == MAX (n - 2, 0))
        needed = top + (double) (whole.y + whole.height - logical.y) / PANGO_SCALE + keep_after;
      if (needed > f->bottom && top > f->top + 1)
        {
          td_flow_new_page (f);
          origin = f->top - (double) logical.y / PANGO_SCALE;
          top = f->top;
          bottom = top + (double) logical.height / PANGO_SCALE;
        }
      cairo_move_to (f->cr, x + (double) logical.x / PANGO_SCALE,
                     origin + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE);
      pango_cairo_show_layout_line (f->cr, pango_layout_iter_get_line_readonly (iter));
      f->y = bottom;
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* Draws a whole layout at (@x, f->y), on a new page if it does not fit on this one. */
void
td_flow_block (TdFlow        *f,
            PangoLayout *layout,
            double       x)
{
  double ink_top;
  double h = td_doc_layout_height (layout, &ink_top);

  if (f->y + h > f->bottom && f->y > f->top + 1)
    td_flow_new_page (f);
  cairo_move_to (f->cr, x, f->y + ink_top);
  pango_cairo_show_layout (f->cr, layout);
  f->y += h;
}

void
td_flow_rule (TdFlow   *f,
      double  cx,
      double  y,
      double  length)
{
  cairo_set_line_width (f->cr, TD_FLOW_RULE_WIDTH);
  cairo_move_to (f->cr, cx - length / 2, y);
  cairo_line_to (f->cr, cx + length / 2, y);
  cairo_stroke (f->cr);
}

/* A paragraph of the body: justified, first-line indent, with @lead in bold before it. */
void
td_flow_paragraph (TdFlow       *f,
                const char *lead,
                const char *text,
                TdDocStyle  style,
                double      keep_after)
{
  g_autoptr(PangoLayout) layout = td_flow_layout (f, TD_FLOW_BODY_SIZE, style, td_flow_width (f), PANGO_ALIGN_LEFT, "");
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *markup = lead ? g_strdup_printf ("<b>%s</b> %s", lead, escaped) : g_strdup (escaped);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_justify (layout, TRUE);
  pango_layout_set_indent (layout, (int) (TD_FLOW_INDENT * PANGO_SCALE));
  td_flow_lines (f, layout, f->left, keep_after);
  f->y += TD_FLOW_PARA_SPACE;
}

double
td_flow_centred (TdFlow       *f,
               double      x,
               double      width,
               double      y,
               double      size,
               TdDocStyle  style,
               const char *text,
               double     *line_width)
{
  g_autoptr(PangoLayout) layout = td_flow_layout (f, size, style, width, PANGO_ALIGN_CENTER, text);
  double ink_top;
  double h = td_doc_layout_height (layout, &ink_top);

  cairo_move_to (f->cr, x, y + ink_top);
  pango_cairo_show_layout (f->cr, layout);
  if (line_width != NULL)
    {
      PangoRectangle logical;
      pango_layout_line_get_extents (pango_layout_get_line_readonly (layout, pango_layout_get_line_count (layout) - 1),
                                     NULL, &logical);
      *line_width = (double) logical.width / PANGO_SCALE;
    }
  return h;
}

void
td_flow_header (TdFlow     *f,
                const char *governing_body,
                const char *issuing_body,
                const char *number_line,
                const char *date_line,
                gboolean    draft)
{
  double left_w = td_flow_width (f) * TD_FLOW_HEADER_LEFT;
  double right_x = f->left + left_w, right_w = td_flow_width (f) - left_w;
  double left_cx = f->left + left_w / 2, right_cx = right_x + right_w / 2;
  double ly = f->top, ry = f->top, w;
  double row;

  /* Left: the governing body upright, the issuing body bold with a short rule; both broken
   * between word groups, never where the column happens to end. */
  if (governing_body && *governing_body)
    {
      g_autofree char *text = td_doc_break_name (f->context, f->family, TD_FLOW_HEADER_SIZE, 0, left_w, governing_body);
      ly += td_flow_centred (f, f->left, left_w, ly, TD_FLOW_HEADER_SIZE, 0, text, NULL);
    }
  {
    g_autofree char *text = td_doc_break_name (f->context, f->family, TD_FLOW_HEADER_SIZE, TD_DOC_BOLD, left_w,
                                               issuing_body);
    ly += td_flow_centred (f, f->left, left_w, ly, TD_FLOW_HEADER_SIZE, TD_DOC_BOLD, text, &w);
  }
  ly += 2;
  td_flow_rule (f, left_cx, ly, w * TD_FLOW_RULE_SHARE);

  /* Right: the national name and the motto, ruled exactly as long as the motto. */
  ry += td_flow_centred (f, right_x, right_w, ry, TD_FLOW_MOTTO_SIZE, TD_DOC_BOLD, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", NULL);
  ry += td_flow_centred (f, right_x, right_w, ry, TD_FLOW_HEADER_SIZE, TD_DOC_BOLD, "Độc lập - Tự do - Hạnh phúc", &w);
  ry += 2;
  td_flow_rule (f, right_cx, ry, w);

  /* The number and the place and date share a line. */
  row = MAX (ly, ry) + 8;
  ly = row + td_flow_centred (f, f->left, left_w, row, TD_FLOW_HEADER_SIZE, 0, number_line, NULL);
  ry = row + td_flow_centred (f, right_x, right_w, row, TD_FLOW_HEADER_SIZE, TD_DOC_ITALIC, date_line, NULL);

  if (draft)
    {
      g_autoptr(PangoLayout) mark = td_flow_layout (f, TD_FLOW_HEADER_SIZE, TD_DOC_BOLD, -1, PANGO_ALIGN_LEFT, "DỰ THẢO");
      double ink_top, h = td_doc_layout_height (mark, &ink_top), mw = td_doc_layout_width (mark);
      double pad = 3;

      ly += 6;
      cairo_set_line_width (f->cr, TD_FLOW_RULE_WIDTH * 1.5);
      cairo_rectangle (f->cr, left_cx - mw / 2 - pad, ly, mw + 2 * pad, h + 2 * pad);
      cairo_stroke (f->cr);
      cairo_move_to (f->cr, left_cx - mw / 2, ly + pad + ink_top);
      pango_cairo_show_layout (f->cr, mark);
      ly += h + 2 * pad;
    }
  f->y = MAX (ly, ry) + 14;
}

char *
td_flow_punctuate (const char *item,
           gboolean    is_last,
           const char *last)
{
  g_autofree char *s = g_strstrip (g_strdup (item));
  gsize n = strlen (s);

  while (n > 0 && strchr (";.,", s[n - 1]) != NULL)
    s[--n] = '\0';
  if (is_last && g_str_has_suffix (s, "./"))
    return g_strdup (s);
  return g_strconcat (s, is_last ? last : ";", NULL);
}

#define SEAL_SPACE (30 * TD_MM)

void
td_flow_closing_init (TdFlow         *f,
                      TdFlowClosing  *c,
                      const char     *signer_title,
                      const char     *signer_name,
                      char * const   *recipients)
{
  guint n_recipients = recipients ? g_strv_length ((char **) recipients) : 0;
  g_autoptr(GString) list = g_string_new (NULL);

  c->left_w = td_flow_width (f) * 0.45;
  c->right_x = f->left + c->left_w;
  c->right_w = td_flow_width (f) - c->left_w;
  for (guint i = 0; i < n_recipients; i++)
    {
      g_autofree char *item = td_flow_punctuate (recipients[i], i + 1 == n_recipients, ".");
      g_string_append_printf (list, "%s- %s", i ? "\n" : "", item);
    }
  c->heading = td_flow_layout (f, 12, TD_DOC_BOLD | TD_DOC_ITALIC, c->left_w, PANGO_ALIGN_LEFT, "Nơi nhận:");
  c->recipients = td_flow_layout (f, 11, 0, c->left_w, PANGO_ALIGN_LEFT, list->str);
  pango_layout_set_line_spacing (c->recipients, 1.0);
  c->title = td_flow_layout (f, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, c->right_w, PANGO_ALIGN_CENTER, signer_title);
  c->name = td_flow_layout (f, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, c->right_w, PANGO_ALIGN_CENTER, signer_name ? signer_name : "");
  c->heading_h = td_doc_layout_height (c->heading, NULL);
  c->title_h = td_doc_layout_height (c->title, NULL);
  c->name_h = td_doc_layout_height (c->name, NULL);
  c->right_h = c->title_h + SEAL_SPACE + c->name_h;
}

void
td_flow_closing_left_signer (TdFlow        *f,
                             TdFlowClosing *c,
                             const char    *title,
                             const char    *name)
{
  c->left_title = td_flow_layout (f, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, c->left_w, PANGO_ALIGN_CENTER, title);
  c->left_name = td_flow_layout (f, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, c->left_w, PANGO_ALIGN_CENTER, name ? name : "");
  c->right_h = MAX (c->right_h, td_doc_layout_height (c->left_title, NULL) + SEAL_SPACE +
                                td_doc_layout_height (c->left_name, NULL));
}

void
td_flow_closing_clear (TdFlowClosing *c)
{
  g_clear_object (&c->left_title);
  g_clear_object (&c->left_name);
  g_clear_object (&c->heading);
  g_clear_object (&c->recipients);
  g_clear_object (&c->title);
  g_clear_object (&c->name);
}

/* What must stand on the page where the closing starts: the whole signature, and the heading
 * of Nơi nhận with its first recipients. */
double
td_flow_closing_keep (TdFlowClosing *c)
{
  PangoRectangle logical;
  int lines = pango_layout_get_line_count (c->recipients);
  double first = 0;

  if (c->left_title != NULL)
    return c->right_h;
  for (int i = 0; i < MIN (lines, 3); i++)
    {
      pango_layout_line_get_extents (pango_layout_get_line_readonly (c->recipients, i), NULL, &logical);
      first += (double) logical.height / PANGO_SCALE;
    }
  return MAX (c->right_h, c->heading_h + first);
}

void
td_flow_closing_draw (TdFlow    *f,
              TdFlowClosing *c)
{
  double y, ink, right_bottom;

  if (f->y + td_flow_closing_keep (c) > f->bottom)
    td_flow_new_page (f);
  y = f->y;
  td_doc_layout_height (c->title, &ink);
  cairo_move_to (f->cr, c->right_x, y + ink);
  pango_cairo_show_layout (f->cr, c->title);
  td_doc_layout_height (c->name, &ink);
  cairo_move_to (f->cr, c->right_x, y + c->title_h + SEAL_SPACE + ink);
  pango_cairo_show_layout (f->cr, c->name);
  right_bottom = y + c->right_h;

  if (c->left_title != NULL)
    {
      double h = td_doc_layout_height (c->left_title, &ink);

      cairo_move_to (f->cr, f->left, y + ink);
      pango_cairo_show_layout (f->cr, c->left_title);
      td_doc_layout_height (c->left_name, &ink);
      cairo_move_to (f->cr, f->left, y + h + SEAL_SPACE + ink);
      pango_cairo_show_layout (f->cr, c->left_name);
      f->y = right_bottom;
      return;
    }
  td_doc_layout_height (c->heading, &ink);
  cairo_move_to (f->cr, f->left, y + ink);
  pango_cairo_show_layout (f->cr, c->heading);
  f->y = y + c->heading_h;
  td_flow_lines (f, c->recipients, f->left, 0);
  /* On the signature's page the block ends below the name; after a page break, below the
   * recipients. */
  if (f->y > y)
    f->y = MAX (f->y, right_bottom);
}


#define TABLE_SIZE   12.0
#define TABLE_PAD_X  (1.5 * TD_MM)
#define TABLE_PAD_Y  (1.2 * TD_MM)
#define TABLE_MAX    12

/* One row: its cells laid out, its height; drawn only when @draw. */
static double
table_row (TdFlow             *f,
           const double       *shares,
           guint               n,
           const char * const *cells,
           TdDocStyle          style,
           gboolean            draw)
{
  PangoLayout *layouts[TABLE_MAX];
  double width = td_flow_width (f), x = f->left, h = 0;

  n = MIN (n, TABLE_MAX);
  for (guint c = 0; c < n; c++)
    {
      layouts[c] = td_flow_layout (f, TABLE_SIZE, style, shares[c] * width - 2 * TABLE_PAD_X,
                                   style & TD_DOC_BOLD ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT,
                                   cells[c] ? cells[c] : "");
      pango_layout_set_line_spacing (layouts[c], 1.0);
      h = MAX (h, td_doc_layout_height (layouts[c], NULL));
    }
  h += 2 * TABLE_PAD_Y;
  for (guint c = 0; c < n; c++)
    {
      if (draw)
        {
          double ink, w = shares[c] * width;

          cairo_set_line_width (f->cr, TD_FLOW_RULE_WIDTH);
          cairo_rectangle (f->cr, x, f->y, w, h);
          cairo_stroke (f->cr);
          td_doc_layout_height (layouts[c], &ink);
          cairo_move_to (f->cr, x + TABLE_PAD_X, f->y + TABLE_PAD_Y + ink);
          pango_cairo_show_layout (f->cr, layouts[c]);
          x += w;
        }
      g_object_unref (layouts[c]);
    }
  if (draw)
    f->y += h;
  return h;
}

void
td_flow_table (TdFlow             *f,
               const double       *shares,
               guint               n,
               const char * const *heading,
               GPtrArray          *rows)
{
  double head = table_row (f, shares, n, heading, TD_DOC_BOLD, FALSE);

  /* The heading never ends a page: it goes with the first row. */
  if (rows->len > 0 && f->y + head + table_row (f, shares, n, rows->pdata[0], 0, FALSE) > f->bottom)
    td_flow_new_page (f);
  table_row (f, shares, n, heading, TD_DOC_BOLD, TRUE);
  for (guint i = 0; i < rows->len; i++)
    {
      if (f->y + table_row (f, shares, n, rows->pdata[i], 0, FALSE) > f->bottom)
        {
          td_flow_new_page (f);
          table_row (f, shares, n, heading, TD_DOC_BOLD, TRUE);
        }
      table_row (f, shares, n, rows->pdata[i], 0, TRUE);
    }
}
