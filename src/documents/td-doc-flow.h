/* td-doc-flow.h: laying out an administrative document as Decree 30/2020/NĐ-CP, Appendix I asks
 * (A4 portrait, the margins, Times New Roman or a face with the same metrics), top to bottom:
 * the header, centred titles, paragraphs that flow over pages with page numbers from page 2,
 * tables whose heading repeats and whose rows never split, and the signature block.  No GTK. */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "td-doc-text.h"

G_BEGIN_DECLS

/* Page geometry, in millimetres. */
#define TD_FLOW_PAGE_WIDTH    210.0
#define TD_FLOW_PAGE_HEIGHT   297.0
#define TD_FLOW_MARGIN_TOP     20.0
#define TD_FLOW_MARGIN_BOTTOM  20.0
#define TD_FLOW_MARGIN_LEFT    30.0
#define TD_FLOW_MARGIN_RIGHT   15.0
/* Share of the text width taken by the header's left column (the issuing body). */
#define TD_FLOW_HEADER_LEFT     0.38
/* The short rule under the issuing body, as a share of the line above it (⅓ to ½). */
#define TD_FLOW_RULE_SHARE      0.4

/* Sizes in points and spacing. */
#define TD_FLOW_BODY_SIZE    14.0
#define TD_FLOW_HEADER_SIZE  13.0
#define TD_FLOW_MOTTO_SIZE   12.0
#define TD_FLOW_INDENT       (12.7 * TD_MM)   /* first-line indent, 1.27 cm */
#define TD_FLOW_PARA_SPACE    6.0             /* points between paragraphs */
#define TD_FLOW_LINE_SPACING  1.1
#define TD_FLOW_RULE_WIDTH    0.6

typedef struct {
  cairo_t      *cr;
  PangoContext *context;
  const char   *family;
  double        left, right, top, bottom;   /* the text area, in points */
  double        y;
  int           page;                       /* 1-based, restarts in an attached list */
} TdFlow;

/* Starts @f on page 1 of a new PDF surface (td_doc_pdf_new()); td_flow_end() frees what it
 * made, the caller finishes the surface. */
void         td_flow_begin      (TdFlow          *f,
                                 cairo_surface_t *surface);
void         td_flow_end        (TdFlow          *f);

double       td_flow_width      (TdFlow          *f);
PangoLayout *td_flow_layout     (TdFlow          *f,
                                 double           size,
                                 TdDocStyle       style,
                                 double           width,
                                 PangoAlignment   alignment,
                                 const char      *text);
void         td_flow_new_page   (TdFlow          *f);
/* @layout line by line from f->y, a new page where a line would cross the bottom margin; the
 * last two lines go over together with @keep_after points of what follows. */
void         td_flow_lines      (TdFlow          *f,
                                 PangoLayout     *layout,
                                 double           x,
                                 double           keep_after);
/* A whole layout at f->y, on a new page when it does not fit. */
void         td_flow_block      (TdFlow          *f,
                                 PangoLayout     *layout,
                                 double           x);
void         td_flow_rule       (TdFlow          *f,
                                 double           cx,
                                 double           y,
                                 double           length);
/* A body paragraph: justified, first-line indent, @lead in bold before it. */
void         td_flow_paragraph  (TdFlow          *f,
                                 const char      *lead,
                                 const char      *text,
                                 TdDocStyle       style,
                                 double           keep_after);
/* @text centred in (@x, @width) at @y; its height, and in @line_width the last line's width. */
double       td_flow_centred    (TdFlow          *f,
                                 double           x,
                                 double           width,
                                 double           y,
                                 double           size,
                                 TdDocStyle       style,
                                 const char      *text,
                                 double          *line_width);
/* The two-column header: governing body (may be empty) and issuing body, each broken between
 * word groups, the short rule; the national name and motto; "Số: …" and the place and date on
 * one line; the boxed DỰ THẢO mark when @draft. */
void         td_flow_header     (TdFlow          *f,
                                 const char      *governing_body,
                                 const char      *issuing_body,
                                 const char      *number_line,
                                 const char      *date_line,
                                 gboolean         draft);
/* "…;" for every item but the last, which ends with @last; trailing punctuation typed by the
 * user is replaced, not doubled. */
char        *td_flow_punctuate  (const char      *item,
                                 gboolean         is_last,
                                 const char      *last);

/* A plain table: @n columns by shares of the text width, the heading (bold, centred) repeated
 * on every page, no row split. */
void         td_flow_table      (TdFlow          *f,
                                 const double    *shares,
                                 guint            n,
                                 const char * const *heading,
                                 GPtrArray       *rows);

/* The signature on the right (title, room for the seal, name) and Nơi nhận on the left, or a
 * second signature on the left (the secretary of a meeting's minutes). */
typedef struct {
  PangoLayout *heading, *recipients, *title, *name, *left_title, *left_name;
  double       left_w, right_x, right_w;
  double       heading_h, title_h, name_h, right_h;
} TdFlowClosing;

void         td_flow_closing_init  (TdFlow         *f,
                                    TdFlowClosing  *c,
                                    const char     *signer_title,
                                    const char     *signer_name,
                                    char * const   *recipients);
/* Instead of the recipients, a second signer on the left. */
void         td_flow_closing_left_signer (TdFlow        *f,
                                          TdFlowClosing *c,
                                          const char    *title,
                                          const char    *name);
void         td_flow_closing_clear (TdFlowClosing  *c);
/* What must stand on the page where the closing starts. */
double       td_flow_closing_keep  (TdFlowClosing  *c);
void         td_flow_closing_draw  (TdFlow         *f,
                                    TdFlowClosing  *c);

G_END_DECLS
