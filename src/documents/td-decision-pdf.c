/* td-decision-pdf.c: the decision per Decree 30/2020/NĐ-CP, Appendix I.
 *
 * Page 1 carries the two-column header, the title and summary, the authority, the bases and the
 * articles; the body flows line by line over as many pages as it needs, with page numbers
 * centred in the top margin from page 2.  The signature block never stands alone on a page: the
 * last lines of the body go with it, and only a long list of recipients runs on to the next
 * page.  The issuing body's name breaks between word groups (td-doc-breaks.h), and its short
 * rule is 0,4 of the line above it (Decree 30 asks ⅓ to ½).  The attached list starts on a new page with its own numbering; its table header
 * repeats on every page and no row is split. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-decision-pdf.h"
#include "td-doc-breaks.h"
#include "td-doc-text.h"
#include "td-format.h"

#define BODY_SIZE    14.0
#define HEADER_SIZE  13.0
#define MOTTO_SIZE   12.0
#define INDENT       (12.7 * TD_MM)   /* first-line indent, 1.27 cm */
#define PARA_SPACE    6.0             /* points between paragraphs */
#define LINE_SPACING  1.1
#define RULE_WIDTH    0.6

typedef struct {
  cairo_t      *cr;
  PangoContext *context;
  const char   *family;
  double        left, right, top, bottom;   /* the text area, in points */
  double        y;
  int           page;                       /* 1-based, restarts in the attached list */
} Flow;

static double
text_width (Flow *f)
{
  return f->right - f->left;
}

static PangoLayout *
layout_new (Flow           *f,
            double          size,
            TdDocStyle      style,
            double          width,
            PangoAlignment  alignment,
            const char     *text)
{
  PangoLayout *layout = td_doc_layout (f->context, f->family, size, style, width, alignment, text);

  pango_layout_set_line_spacing (layout, LINE_SPACING);
  return layout;
}

static void
draw_page_number (Flow *f)
{
  g_autofree char *text = g_strdup_printf ("%d", f->page);
  g_autoptr(PangoLayout) layout = layout_new (f, HEADER_SIZE, 0, text_width (f), PANGO_ALIGN_CENTER, text);
  double ink_top;
  double h = td_doc_layout_height (layout, &ink_top);

  /* Centred in the top margin. */
  cairo_move_to (f->cr, f->left, (f->top - h) / 2 + ink_top);
  pango_cairo_show_layout (f->cr, layout);
}

static void
new_page (Flow *f)
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
static void
flow_lines (Flow        *f,
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
          new_page (f);
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
static void
flow_block (Flow        *f,
            PangoLayout *layout,
            double       x)
{
  double ink_top;
  double h = td_doc_layout_height (layout, &ink_top);

  if (f->y + h > f->bottom && f->y > f->top + 1)
    new_page (f);
  cairo_move_to (f->cr, x, f->y + ink_top);
  pango_cairo_show_layout (f->cr, layout);
  f->y += h;
}

static void
rule (Flow   *f,
      double  cx,
      double  y,
      double  length)
{
  cairo_set_line_width (f->cr, RULE_WIDTH);
  cairo_move_to (f->cr, cx - length / 2, y);
  cairo_line_to (f->cr, cx + length / 2, y);
  cairo_stroke (f->cr);
}

/* A paragraph of the body: justified, first-line indent, with @lead in bold before it. */
static void
body_paragraph (Flow       *f,
                const char *lead,
                const char *text,
                TdDocStyle  style,
                double      keep_after)
{
  g_autoptr(PangoLayout) layout = layout_new (f, BODY_SIZE, style, text_width (f), PANGO_ALIGN_LEFT, "");
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  g_autofree char *markup = lead ? g_strdup_printf ("<b>%s</b> %s", lead, escaped) : g_strdup (escaped);

  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_justify (layout, TRUE);
  pango_layout_set_indent (layout, (int) (INDENT * PANGO_SCALE));
  flow_lines (f, layout, f->left, keep_after);
  f->y += PARA_SPACE;
}

static double
centred_block (Flow       *f,
               double      x,
               double      width,
               double      y,
               double      size,
               TdDocStyle  style,
               const char *text,
               double     *line_width)
{
  g_autoptr(PangoLayout) layout = layout_new (f, size, style, width, PANGO_ALIGN_CENTER, text);
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

static char *
place_and_date (const TdDecision *d)
{
  /* A draft without a date has blanks to fill in by hand when it is signed. */
  g_autofree char *date = td_decision_format_long_date (d);

  return g_strdup_printf ("%s, %s", d->place, date);
}

static void
header (Flow             *f,
        const TdDecision *d)
{
  double left_w = text_width (f) * TD_DECISION_HEADER_LEFT;
  double right_x = f->left + left_w, right_w = text_width (f) - left_w;
  double left_cx = f->left + left_w / 2, right_cx = right_x + right_w / 2;
  double ly = f->top, ry = f->top, w;
  g_autofree char *number = td_decision_format_number (d);
  g_autofree char *number_line = g_strdup_printf ("Số: %s", number);
  g_autofree char *date_line = place_and_date (d);
  double row;

  /* Left: the governing body upright, the issuing body bold with a short rule; both broken
   * between word groups, never where the column happens to end. */
  if (d->governing_body && *d->governing_body)
    {
      g_autofree char *text = td_doc_break_name (f->context, f->family, HEADER_SIZE, 0, left_w, d->governing_body);
      ly += centred_block (f, f->left, left_w, ly, HEADER_SIZE, 0, text, NULL);
    }
  {
    g_autofree char *text = td_doc_break_name (f->context, f->family, HEADER_SIZE, TD_DOC_BOLD, left_w,
                                               d->issuing_body);
    ly += centred_block (f, f->left, left_w, ly, HEADER_SIZE, TD_DOC_BOLD, text, &w);
  }
  ly += 2;
  rule (f, left_cx, ly, w * TD_DECISION_RULE_SHARE);

  /* Right: the national name and the motto, ruled exactly as long as the motto. */
  ry += centred_block (f, right_x, right_w, ry, MOTTO_SIZE, TD_DOC_BOLD, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", NULL);
  ry += centred_block (f, right_x, right_w, ry, HEADER_SIZE, TD_DOC_BOLD, "Độc lập - Tự do - Hạnh phúc", &w);
  ry += 2;
  rule (f, right_cx, ry, w);

  /* The number and the place and date share a line. */
  row = MAX (ly, ry) + 8;
  ly = row + centred_block (f, f->left, left_w, row, HEADER_SIZE, 0, number_line, NULL);
  ry = row + centred_block (f, right_x, right_w, row, HEADER_SIZE, TD_DOC_ITALIC, date_line, NULL);

  if (td_decision_is_draft (d))
    {
      g_autoptr(PangoLayout) mark = layout_new (f, HEADER_SIZE, TD_DOC_BOLD, -1, PANGO_ALIGN_LEFT, "DỰ THẢO");
      double ink_top, h = td_doc_layout_height (mark, &ink_top), mw = td_doc_layout_width (mark);
      double pad = 3;

      ly += 6;
      cairo_set_line_width (f->cr, RULE_WIDTH * 1.5);
      cairo_rectangle (f->cr, left_cx - mw / 2 - pad, ly, mw + 2 * pad, h + 2 * pad);
      cairo_stroke (f->cr);
      cairo_move_to (f->cr, left_cx - mw / 2, ly + pad + ink_top);
      pango_cairo_show_layout (f->cr, mark);
      ly += h + 2 * pad;
    }
  f->y = MAX (ly, ry) + 14;
}

static guint
count_individuals (GPtrArray *awardees)
{
  guint n = 0;

  for (guint i = 0; i < awardees->len; i++)
    n += ((TdNomination *) awardees->pdata[i])->individual;
  return n;
}

static char *
fill_article (const char *text,
              GPtrArray  *awardees)
{
  guint individuals = count_individuals (awardees);
  g_autofree char *count = td_decision_format_awardees (awardees->len - individuals, individuals);
  g_auto(GStrv) parts = g_strsplit (text, "{awardees}", -1);

  return g_strjoinv (count, parts);
}

/* "…;" for every item but the last, which ends with @last; trailing punctuation typed by the
 * user is replaced, not doubled. */
static char *
punctuate (const char *item,
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

/* The signature and Nơi nhận: the signer's title, room for the seal and the name on the right;
 * the recipients on the left, running on to the next page only when the list is longer than
 * what is left of this one. */
typedef struct {
  PangoLayout *heading, *recipients, *title, *name;
  double       left_w, right_x, right_w;
  double       heading_h, title_h, name_h, right_h;
} Closing;

#define SEAL_SPACE (30 * TD_MM)

static void
closing_init (Flow             *f,
              const TdDecision *d,
              Closing          *c)
{
  guint n_recipients = d->recipients ? g_strv_length (d->recipients) : 0;
  g_autoptr(GString) list = g_string_new (NULL);

  c->left_w = text_width (f) * 0.45;
  c->right_x = f->left + c->left_w;
  c->right_w = text_width (f) - c->left_w;
  for (guint i = 0; i < n_recipients; i++)
    {
      g_autofree char *item = punctuate (d->recipients[i], i + 1 == n_recipients, ".");
      g_string_append_printf (list, "%s- %s", i ? "\n" : "", item);
    }
  c->heading = layout_new (f, 12, TD_DOC_BOLD | TD_DOC_ITALIC, c->left_w, PANGO_ALIGN_LEFT, "Nơi nhận:");
  c->recipients = layout_new (f, 11, 0, c->left_w, PANGO_ALIGN_LEFT, list->str);
  pango_layout_set_line_spacing (c->recipients, 1.0);
  c->title = layout_new (f, BODY_SIZE, TD_DOC_BOLD, c->right_w, PANGO_ALIGN_CENTER, d->signer_title);
  c->name = layout_new (f, BODY_SIZE, TD_DOC_BOLD, c->right_w, PANGO_ALIGN_CENTER, d->signer_name ? d->signer_name : "");
  c->heading_h = td_doc_layout_height (c->heading, NULL);
  c->title_h = td_doc_layout_height (c->title, NULL);
  c->name_h = td_doc_layout_height (c->name, NULL);
  c->right_h = c->title_h + SEAL_SPACE + c->name_h;
}

static void
closing_clear (Closing *c)
{
  g_clear_object (&c->heading);
  g_clear_object (&c->recipients);
  g_clear_object (&c->title);
  g_clear_object (&c->name);
}

/* What must stand on the page where the closing starts: the whole signature, and the heading
 * of Nơi nhận with its first recipients. */
static double
closing_keep (Closing *c)
{
  PangoRectangle logical;
  int lines = pango_layout_get_line_count (c->recipients);
  double first = 0;

  for (int i = 0; i < MIN (lines, 3); i++)
    {
      pango_layout_line_get_extents (pango_layout_get_line_readonly (c->recipients, i), NULL, &logical);
      first += (double) logical.height / PANGO_SCALE;
    }
  return MAX (c->right_h, c->heading_h + first);
}

static void
closing_draw (Flow    *f,
              Closing *c)
{
  double y, ink, right_bottom;

  if (f->y + closing_keep (c) > f->bottom)
    new_page (f);
  y = f->y;
  td_doc_layout_height (c->title, &ink);
  cairo_move_to (f->cr, c->right_x, y + ink);
  pango_cairo_show_layout (f->cr, c->title);
  td_doc_layout_height (c->name, &ink);
  cairo_move_to (f->cr, c->right_x, y + c->title_h + SEAL_SPACE + ink);
  pango_cairo_show_layout (f->cr, c->name);
  right_bottom = y + c->right_h;

  td_doc_layout_height (c->heading, &ink);
  cairo_move_to (f->cr, f->left, y + ink);
  pango_cairo_show_layout (f->cr, c->heading);
  f->y = y + c->heading_h;
  flow_lines (f, c->recipients, f->left, 0);
  /* On the signature's page the block ends below the name; after a page break, below the
   * recipients. */
  if (f->y > y)
    f->y = MAX (f->y, right_bottom);
}

static void
decision_body (Flow             *f,
               const TdDecision *d,
               GPtrArray        *awardees)
{
  double cx = f->left, w = text_width (f), line;
  guint n_bases = d->bases ? g_strv_length (d->bases) : 0;
  guint n_articles = d->articles ? g_strv_length (d->articles) : 0;
  gboolean has_proposer = d->proposer && *d->proposer;
  g_autofree char *proposer = NULL;
  Closing closing = { 0 };

  f->y += centred_block (f, cx, w, f->y, BODY_SIZE, TD_DOC_BOLD, "QUYẾT ĐỊNH", NULL);
  f->y += centred_block (f, cx, w, f->y, BODY_SIZE, TD_DOC_BOLD, d->summary, &line);
  f->y += 5;
  rule (f, f->left + w / 2, f->y, MIN (line * 0.4, 50 * TD_MM));
  f->y += 14;
  f->y += centred_block (f, cx, w, f->y, BODY_SIZE, TD_DOC_BOLD, d->authority, NULL);
  f->y += 10;

  for (guint i = 0; i < n_bases; i++)
    {
      g_autofree char *text = punctuate (d->bases[i], i + 1 == n_bases && !has_proposer, ".");
      body_paragraph (f, NULL, text, TD_DOC_ITALIC, 0);
    }
  if (has_proposer)
    {
      g_autofree char *text = g_strdup_printf ("Theo đề nghị của %s", d->proposer);
      proposer = punctuate (text, TRUE, ".");
      body_paragraph (f, NULL, proposer, 0, 0);
    }
  f->y += 4;
  {
    g_autoptr(PangoLayout) title = layout_new (f, BODY_SIZE, TD_DOC_BOLD, w, PANGO_ALIGN_CENTER, "QUYẾT ĐỊNH:");
    flow_block (f, title, f->left);
  }
  f->y += 10;

  closing_init (f, d, &closing);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *lead = g_strdup_printf ("Điều %u.", i + 1);
      g_autofree char *filled = fill_article (d->articles[i], awardees);
      gboolean last = i + 1 == n_articles;
      g_autofree char *text = last ? punctuate (filled, TRUE, "./.") : g_strdup (filled);

      /* The last article's end goes with the signature. */
      body_paragraph (f, lead, text, 0, last ? PARA_SPACE + 10 + closing_keep (&closing) : 0);
    }
  f->y += 10;
  closing_draw (f, &closing);
  closing_clear (&closing);
}

/* The attached list's table: TT, name, position and unit. */
#define CELL_SIZE   13.0
#define CELL_PAD_X  (2.0 * TD_MM)
#define CELL_PAD_Y  (1.5 * TD_MM)
#define COL_TT      (12.0 * TD_MM)
#define COL_NAME    (62.0 * TD_MM)

typedef struct {
  PangoLayout *cells[3];   /* NULL: the cell is merged into the one before it */
  gboolean     centre_first;
} Row;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < 3; i++)
    g_clear_object (&row->cells[i]);
}

static void
column_geometry (Flow   *f,
                 double *x /* [4] */)
{
  x[0] = f->left;
  x[1] = x[0] + COL_TT;
  x[2] = x[1] + COL_NAME;
  x[3] = f->right;
}

static void
row_make (Flow       *f,
          Row        *row,
          TdDocStyle  style,
          const char *a,
          const char *b,
          const char *c,
          gboolean    centre)
{
  double x[4];

  column_geometry (f, x);
  row->cells[0] = a ? layout_new (f, CELL_SIZE, style, x[1] - x[0] - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER, a) : NULL;
  /* A cell without a neighbour spans to the table's right edge. */
  row->cells[1] = layout_new (f, CELL_SIZE, style, (c ? x[2] : x[3]) - x[1] - 2 * CELL_PAD_X,
                              centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, b);
  row->cells[2] = c ? layout_new (f, CELL_SIZE, style, x[3] - x[2] - 2 * CELL_PAD_X,
                                  centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, c) : NULL;
  for (guint i = 0; i < 3; i++)
    if (row->cells[i])
      pango_layout_set_line_spacing (row->cells[i], 1.0);
}

static double
row_height (Row *row)
{
  double h = 0;

  for (guint i = 0; i < 3; i++)
    if (row->cells[i])
      h = MAX (h, td_doc_layout_height (row->cells[i], NULL));
  return h + 2 * CELL_PAD_Y;
}

static void
row_draw (Flow *f,
          Row  *row)
{
  double x[4], h = row_height (row);

  column_geometry (f, x);
  cairo_set_line_width (f->cr, RULE_WIDTH);
  cairo_rectangle (f->cr, x[0], f->y, x[3] - x[0], h);
  for (guint i = 1; i < 3; i++)
    if (row->cells[i] && (i == 1 ? row->cells[0] != NULL : TRUE))
      {
        cairo_move_to (f->cr, x[i], f->y);
        cairo_line_to (f->cr, x[i], f->y + h);
      }
  cairo_stroke (f->cr);
  for (guint i = 0; i < 3; i++)
    if (row->cells[i])
      {
        double ink;
        double ch = td_doc_layout_height (row->cells[i], &ink);
        double cx = i == 1 && row->cells[0] == NULL ? x[0] : x[i];

        /* Centred vertically, so the number sits level with a one-line name. */
        cairo_move_to (f->cr, cx + CELL_PAD_X, f->y + (h - ch) / 2 + ink);
        pango_cairo_show_layout (f->cr, row->cells[i]);
      }
  f->y += h;
}

static void
table_header (Flow *f)
{
  Row row = { 0 };

  row_make (f, &row, TD_DOC_BOLD, "TT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác", TRUE);
  row_draw (f, &row);
  row_clear (&row);
}

/* Draws @row, first moving to a new page (with the table header again) if it would not fit
 * whole; @keep_with is the height of what must stay on the same page after it. */
static void
table_row (Flow   *f,
           Row    *row,
           double  keep_with)
{
  if (f->y + row_height (row) + keep_with > f->bottom)
    {
      new_page (f);
      table_header (f);
    }
  row_draw (f, row);
}

static void
attached_list (Flow             *f,
               const TdDecision *d,
               GPtrArray        *awardees)
{
  double w = text_width (f), line;
  g_autofree char *number = td_decision_format_number (d);
  g_autofree char *date = td_decision_format_long_date (d);
  g_autofree char *subtitle = NULL;
  guint individuals = count_individuals (awardees);
  guint collectives = awardees->len - individuals;
  guint index = 0;

  subtitle = g_strdup_printf ("(Kèm theo Quyết định số %s %s của %s)", number, date, d->issuer_short);
  f->y += centred_block (f, f->left, w, f->y, BODY_SIZE, TD_DOC_BOLD, d->list_title, NULL);
  f->y += centred_block (f, f->left, w, f->y, BODY_SIZE, TD_DOC_ITALIC, subtitle, &line);
  f->y += 3;
  rule (f, f->left + w / 2, f->y, 40 * TD_MM);
  f->y += 12;
  table_header (f);

  for (int section = 0; section < 2; section++)
    {
      guint n = section == 0 ? collectives : individuals;
      g_autofree char *heading = NULL;
      Row row = { 0 };

      if (n == 0)
        continue;
      heading = g_strdup_printf (section == 0 ? "%s. TẬP THỂ (%02u)" : "%s. CÁ NHÂN (%02u)",
                                 collectives > 0 && section == 1 ? "II" : "I", n);
      row_make (f, &row, TD_DOC_BOLD, NULL, heading, NULL, FALSE);
      for (guint i = 0; i < awardees->len; i++)
        {
          const TdNomination *nom = awardees->pdata[i];
          g_autofree char *tt = NULL;
          g_autofree char *detail = NULL;
          Row item = { 0 };

          if (nom->individual != section)
            continue;
          tt = g_strdup_printf ("%u", ++index);
          if (nom->individual)
            {
              detail = td_nomination_format_position (nom);
              row_make (f, &item, 0, tt, nom->person_name, detail, FALSE);
            }
          else
            row_make (f, &item, 0, tt, nom->unit_name, NULL, FALSE);
          if (row.cells[1] != NULL)
            {
              /* A section heading never ends a page: it goes with its first row. */
              table_row (f, &row, row_height (&item));
              row_clear (&row);
            }
          table_row (f, &item, 0);
          row_clear (&item);
        }
      row_clear (&row);
    }
}

GBytes *
td_decision_render_pdf (const TdDecision  *decision,
                        GPtrArray         *awardees,
                        GError           **error)
{
  g_autofree char *number = td_decision_format_number (decision);
  g_autofree char *title = g_strdup_printf ("Quyết định %s", number);
  cairo_surface_t *surface = td_doc_pdf_new (TD_DECISION_PAGE_WIDTH * TD_MM, TD_DECISION_PAGE_HEIGHT * TD_MM, title);
  cairo_t *cr = cairo_create (surface);
  Flow f = { 0 };
  GBytes *bytes;

  f.cr = cr;
  f.context = td_doc_context_new (cr);
  f.family = td_doc_serif_family (NULL);
  f.left = TD_DECISION_MARGIN_LEFT * TD_MM;
  f.right = (TD_DECISION_PAGE_WIDTH - TD_DECISION_MARGIN_RIGHT) * TD_MM;
  f.top = TD_DECISION_MARGIN_TOP * TD_MM;
  f.bottom = (TD_DECISION_PAGE_HEIGHT - TD_DECISION_MARGIN_BOTTOM) * TD_MM;
  f.page = 1;
  f.y = f.top;
  cairo_set_source_rgb (cr, 0, 0, 0);

  header (&f, decision);
  decision_body (&f, decision, awardees);
  if (awardees->len > 0)
    {
      /* The attached list has pages of its own, numbered from 1 again. */
      cairo_show_page (cr);
      f.page = 1;
      f.y = f.top;
      attached_list (&f, decision, awardees);
    }

  cairo_destroy (cr);
  g_object_unref (f.context);
  bytes = td_doc_pdf_finish (surface, error);
  cairo_surface_destroy (surface);
  return bytes;
}

typedef struct {
  TdDecision *decision;
  GPtrArray  *awardees;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  td_decision_free (job->decision);
  g_ptr_array_unref (job->awardees);
  g_free (job);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  RenderJob *job = data;
  GError *error = NULL;
  GBytes *pdf = td_decision_render_pdf (job->decision, job->awardees, &error);

  if (pdf)
    g_task_return_pointer (task, pdf, (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, error);
}

void
td_decision_render_pdf_async (TdDecision          *decision,
                              GPtrArray           *awardees,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RenderJob *job = g_new0 (RenderJob, 1);

  job->decision = decision;
  job->awardees = g_ptr_array_ref (awardees);
  g_task_set_source_tag (task, td_decision_render_pdf_async);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

GBytes *
td_decision_render_pdf_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
