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
#include "td-doc-flow.h"
#include "td-doc-text.h"
#include "td-format.h"

static char *
place_and_date (const TdDecision *d)
{
  /* A draft without a date has blanks to fill in by hand when it is signed. */
  g_autofree char *date = td_decision_format_long_date (d);

  return g_strdup_printf ("%s, %s", d->place, date);
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
static void
decision_body (TdFlow             *f,
               const TdDecision *d,
               GPtrArray        *awardees)
{
  double cx = f->left, w = td_flow_width (f), line;
  guint n_bases = d->bases ? g_strv_length (d->bases) : 0;
  guint n_articles = d->articles ? g_strv_length (d->articles) : 0;
  gboolean has_proposer = d->proposer && *d->proposer;
  g_autofree char *proposer = NULL;
  TdFlowClosing closing = { 0 };

  f->y += td_flow_centred (f, cx, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, "QUYẾT ĐỊNH", NULL);
  f->y += td_flow_centred (f, cx, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, d->summary, &line);
  f->y += 5;
  td_flow_rule (f, f->left + w / 2, f->y, MIN (line * 0.4, 50 * TD_MM));
  f->y += 14;
  f->y += td_flow_centred (f, cx, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, d->authority, NULL);
  f->y += 10;

  for (guint i = 0; i < n_bases; i++)
    {
      g_autofree char *text = td_flow_punctuate (d->bases[i], i + 1 == n_bases && !has_proposer, ".");
      td_flow_paragraph (f, NULL, text, TD_DOC_ITALIC, 0);
    }
  if (has_proposer)
    {
      g_autofree char *text = g_strdup_printf ("Theo đề nghị của %s", d->proposer);
      proposer = td_flow_punctuate (text, TRUE, ".");
      td_flow_paragraph (f, NULL, proposer, 0, 0);
    }
  f->y += 4;
  {
    g_autoptr(PangoLayout) title = td_flow_layout (f, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, w, PANGO_ALIGN_CENTER, "QUYẾT ĐỊNH:");
    td_flow_block (f, title, f->left);
  }
  f->y += 10;

  td_flow_closing_init (f, &closing, d->signer_title, d->signer_name, d->recipients);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autofree char *lead = g_strdup_printf ("Điều %u.", i + 1);
      g_autofree char *filled = fill_article (d->articles[i], awardees);
      gboolean last = i + 1 == n_articles;
      g_autofree char *text = last ? td_flow_punctuate (filled, TRUE, "./.") : g_strdup (filled);

      /* The last article's end goes with the signature. */
      td_flow_paragraph (f, lead, text, 0, last ? TD_FLOW_PARA_SPACE + 10 + td_flow_closing_keep (&closing) : 0);
    }
  f->y += 10;
  td_flow_closing_draw (f, &closing);
  td_flow_closing_clear (&closing);
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
column_geometry (TdFlow   *f,
                 double *x /* [4] */)
{
  x[0] = f->left;
  x[1] = x[0] + COL_TT;
  x[2] = x[1] + COL_NAME;
  x[3] = f->right;
}

static void
row_make (TdFlow       *f,
          Row        *row,
          TdDocStyle  style,
          const char *a,
          const char *b,
          const char *c,
          gboolean    centre)
{
  double x[4];

  column_geometry (f, x);
  row->cells[0] = a ? td_flow_layout (f, CELL_SIZE, style, x[1] - x[0] - 2 * CELL_PAD_X, PANGO_ALIGN_CENTER, a) : NULL;
  /* A cell without a neighbour spans to the table's right edge. */
  row->cells[1] = td_flow_layout (f, CELL_SIZE, style, (c ? x[2] : x[3]) - x[1] - 2 * CELL_PAD_X,
                              centre ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT, b);
  row->cells[2] = c ? td_flow_layout (f, CELL_SIZE, style, x[3] - x[2] - 2 * CELL_PAD_X,
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
row_draw (TdFlow *f,
          Row  *row)
{
  double x[4], h = row_height (row);

  column_geometry (f, x);
  cairo_set_line_width (f->cr, TD_FLOW_RULE_WIDTH);
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
table_header (TdFlow *f)
{
  Row row = { 0 };

  row_make (f, &row, TD_DOC_BOLD, "TT", "Họ và tên / Tên tập thể", "Chức vụ, đơn vị công tác", TRUE);
  row_draw (f, &row);
  row_clear (&row);
}

/* Draws @row, first moving to a new page (with the table header again) if it would not fit
 * whole; @keep_with is the height of what must stay on the same page after it. */
static void
table_row (TdFlow   *f,
           Row    *row,
           double  keep_with)
{
  if (f->y + row_height (row) + keep_with > f->bottom)
    {
      td_flow_new_page (f);
      table_header (f);
    }
  row_draw (f, row);
}

static void
attached_list (TdFlow             *f,
               const TdDecision *d,
               GPtrArray        *awardees)
{
  double w = td_flow_width (f), line;
  g_autofree char *number = td_decision_format_number (d);
  g_autofree char *date = td_decision_format_long_date (d);
  g_autofree char *subtitle = NULL;
  guint individuals = count_individuals (awardees);
  guint collectives = awardees->len - individuals;
  guint index = 0;

  subtitle = g_strdup_printf ("(Kèm theo Quyết định số %s %s của %s)", number, date, d->issuer_short);
  f->y += td_flow_centred (f, f->left, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_BOLD, d->list_title, NULL);
  f->y += td_flow_centred (f, f->left, w, f->y, TD_FLOW_BODY_SIZE, TD_DOC_ITALIC, subtitle, &line);
  f->y += 3;
  td_flow_rule (f, f->left + w / 2, f->y, 40 * TD_MM);
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
            row_make (f, &item, 0, tt, td_nomination_get_name (nom), NULL, FALSE);
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
  TdFlow f;
  GBytes *bytes;

  td_flow_begin (&f, surface);
  {
    g_autofree char *number_line = g_strdup_printf ("Số: %s", number);
    g_autofree char *date_line = place_and_date (decision);

    td_flow_header (&f, decision->governing_body, decision->issuing_body, number_line, date_line,
                    td_decision_is_draft (decision));
  }
  decision_body (&f, decision, awardees);
  if (awardees->len > 0)
    {
      /* The attached list has pages of its own, numbered from 1 again. */
      cairo_show_page (f.cr);
      f.page = 1;
      f.y = f.top;
      attached_list (&f, decision, awardees);
    }

  td_flow_end (&f);
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
