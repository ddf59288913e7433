/* td-report.c: the progress report.
 *
 * Like the charts, the report is Vietnamese whatever the interface language: it is a document
 * for the province's meetings. */
#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <xlsxwriter.h>

#include "td-chart-export.h"
#include "td-chart.h"
#include "td-report.h"
#include "td-table-export.h"

/* A4 in points, with margins of about 20 mm left and 15 mm elsewhere. */
#define PAGE_W 595.28
#define PAGE_H 841.89
#define LEFT 56.0
#define RIGHT 42.0
#define TOP 42.0
#define BOTTOM 48.0
#define BODY_W (PAGE_W - LEFT - RIGHT)

typedef struct {
  cairo_t     *cr;
  TdChartStyle style;
  int          page;
  double       y;
} Pdf;

void
td_report_style (TdChartStyle *style)
{
  td_chart_style_init (style, FALSE);
  g_strlcpy (style->font_family, "Liberation Sans", sizeof style->font_family);
  style->font_size = 9;
  style->fill_background = FALSE;
}

static double
pdf_text (Pdf        *pdf,
          const char *text,
          double      x,
          double      y,
          double      width,
          double      size,
          gboolean    bold,
          PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (pdf->cr);
  PangoFontDescription *font = pango_font_description_from_string (pdf->style.font_family);
  int w, h;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, align);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (pdf->cr, 0, 0, 0);
  cairo_move_to (pdf->cr, x, y);
  pango_cairo_show_layout (pdf->cr, layout);
  pango_layout_get_size (layout, &w, &h);
  return h / (double) PANGO_SCALE;
}

static void
pdf_new_page (Pdf *pdf)
{
  g_autofree char *number = NULL;

  if (pdf->page > 0)
    cairo_show_page (pdf->cr);
  pdf->page++;
  number = g_strdup_printf ("Trang %d", pdf->page);
  pdf_text (pdf, number, LEFT, PAGE_H - BOTTOM + 16, BODY_W, 9, FALSE, PANGO_ALIGN_CENTER);
  pdf->y = TOP;
}

static void
pdf_front_page (Pdf            *pdf,
                TdProgressData *data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  g_autofree char *line = NULL;
  TdTarget *index_target = td_progress_data_get_index_target (data);
  double chart_h;

  pdf_new_page (pdf);
  pdf->y += pdf_text (pdf, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU", LEFT, pdf->y, BODY_W, 15, TRUE, PANGO_ALIGN_CENTER);
  line = g_strdup_printf ("Phong trào thi đua “%s”", data->campaign_title ? data->campaign_title : "");
  pdf->y += pdf_text (pdf, line, LEFT, pdf->y + 4, BODY_W, 11, FALSE, PANGO_ALIGN_CENTER) + 10;
  g_clear_pointer (&line, g_free);

  line = g_strdup_printf ("Đợt: %s\nPhạm vi: %s\nNgày lập: %s", td_round_get_title (data->round),
                          data->scope_label, today);
  pdf->y += pdf_text (pdf, line, LEFT, pdf->y, BODY_W, 10, FALSE, PANGO_ALIGN_LEFT) + 8;
  g_clear_pointer (&line, g_free);

  {
    g_autofree char *dti = NULL;
    g_autofree char *unsigned_note = NULL;
    TdTargetRollup *dti_roll = NULL;

    for (guint i = 0; index_target && i < data->rollups->len; i++)
      if (g_array_index (data->rollups, TdTargetRollup, i).target == index_target)
        dti_roll = &g_array_index (data->rollups, TdTargetRollup, i);
    dti = dti_roll && dti_roll->has_measure ? td_target_rollup_format (dti_roll) : g_strdup ("chưa có số liệu");
    unsigned_note = data->n_unsigned > 0 ? g_strdup_printf (" (%u bản nhận không có chữ ký số)", data->n_unsigned)
                                         : g_strdup ("");
    line = g_strdup_printf ("Số chỉ tiêu đạt: %u/%u chỉ tiêu có số liệu (tổng số %u chỉ tiêu)\n"
                            "Đơn vị đã nộp báo cáo: %u/%u%s\n"
                            "Chỉ số chuyển đổi số (DTI): %s",
                            data->summary.n_met, data->summary.n_met + data->summary.n_not_met,
                            data->summary.n_targets, data->n_submitted, data->n_units, unsigned_note, dti);
    pdf->y += pdf_text (pdf, line, LEFT, pdf->y, BODY_W, 10, TRUE, PANGO_ALIGN_LEFT) + 12;
  }

  chart_h = PAGE_H - BOTTOM - pdf->y - 8;
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, LEFT - 12, pdf->y);
  td_chart_draw_overview (pdf->cr, BODY_W + 24, chart_h, &pdf->style, "Tiến độ từng chỉ tiêu", data->rollups, NULL);
  cairo_restore (pdf->cr);
}

/* Who has sent what, as the report words it. */
static const char *
state_vi (const TdCompletenessRow *row)
{
  switch (row->timeliness)
    {
    case TD_TIMELINESS_ON_TIME: return "Đúng hạn";
    case TD_TIMELINESS_EXCUSED: return "Muộn, đã được gia hạn";
    case TD_TIMELINESS_LATE: return "Gửi muộn";
    case TD_TIMELINESS_OVERDUE: return row->state == TD_SUBMISSION_RETURNED ? "Đã trả lại, chưa gửi lại – quá hạn"
                                                                            : "Chưa gửi – quá hạn";
    case TD_TIMELINESS_PENDING: return row->state == TD_SUBMISSION_RETURNED ? "Đã trả lại, chưa gửi lại" : "Chưa gửi";
    case TD_TIMELINESS_UNKNOWN: return "Đã gửi";
    case TD_N_TIMELINESS: break;
    }
  return "";
}

/* The submissions page: the counts, the bars by kind of unit, then the units not sent or late. */
static void
pdf_completeness (Pdf            *pdf,
                  TdProgressData *data)
{
  const TdCompleteness *c = data->completeness;
  const TdCompletenessCounts *t;
  g_autofree char *due = NULL, *closes = NULL, *today = NULL, *rate = NULL, *line = NULL;
  double chart_h;
  guint n = 0;

  if (c == NULL || c->total.expected == 0)
    return;
  t = &c->total;
  due = td_format_date (c->deadlines->assessment_due);
  closes = td_format_date (c->closes_on);
  today = td_format_date (c->today);
  rate = td_format_percent (td_completeness_rate (t, t->sent));
  pdf_new_page (pdf);
  pdf->y += pdf_text (pdf, "TÌNH HÌNH NỘP BÁO CÁO TỰ ĐÁNH GIÁ", LEFT, pdf->y, BODY_W, 13, TRUE, PANGO_ALIGN_CENTER) + 6;
  line = g_strdup_printf ("Hạn gửi: %s (tính đúng hạn đến hết ngày %s); số liệu tính đến ngày %s.\n"
                          "Đã gửi: %u/%u đơn vị (%s): đúng hạn %u, gửi muộn %u, chưa gửi %u.",
                          due ? due : "", closes ? closes : "", today ? today : "", t->sent, t->expected, rate,
                          t->timeliness[TD_TIMELINESS_ON_TIME] + t->timeliness[TD_TIMELINESS_EXCUSED],
                          t->timeliness[TD_TIMELINESS_LATE], t->expected - t->sent);
  pdf->y += pdf_text (pdf, line, LEFT, pdf->y, BODY_W, 10, FALSE, PANGO_ALIGN_LEFT) + 8;
  chart_h = td_chart_completeness_height (&pdf->style, c, BODY_W + 24);
  cairo_save (pdf->cr);
  cairo_translate (pdf->cr, LEFT - 12, pdf->y);
  td_chart_draw_completeness (pdf->cr, BODY_W + 24, chart_h, &pdf->style, NULL, c, NULL);
  cairo_restore (pdf->cr);
  pdf->y += chart_h + 8;
  pdf->y += pdf_text (pdf, "Các đơn vị chưa gửi hoặc gửi muộn", LEFT, pdf->y, BODY_W, 11, TRUE, PANGO_ALIGN_LEFT) + 4;
  for (guint i = 0; i < c->rows->len; i++)
    {
      const TdCompletenessRow *row = c->rows->pdata[i];
      g_autofree char *item = NULL;

      if (td_submission_state_is_sent (row->state) && row->timeliness != TD_TIMELINESS_LATE)
        continue;
      item = g_strdup_printf ("%u. %s (%s): %s", ++n, row->name, row->code, state_vi (row));
      if (pdf->y + 14 > PAGE_H - BOTTOM)
        pdf_new_page (pdf);
      pdf->y += pdf_text (pdf, item, LEFT, pdf->y, BODY_W, 10, FALSE, PANGO_ALIGN_LEFT) + 2;
    }
  if (n == 0)
    pdf_text (pdf, "Không có.", LEFT, pdf->y, BODY_W, 10, FALSE, PANGO_ALIGN_LEFT);
}

static void
pdf_rankings (Pdf            *pdf,
              TdProgressData *data)
{
  double row_h = td_chart_ranking_row_height (&pdf->style);

  pdf_new_page (pdf);
  for (guint t = 0; t < data->rollups->len; t++)
    {
      TdTarget *target = g_array_index (data->rollups, TdTargetRollup, t).target;
      GArray *measures = g_ptr_array_index (data->measures, t);
      guint first = 0;

      do
        {
          g_autofree char *title = g_strdup_printf (first == 0 ? "Xếp hạng đơn vị – chỉ tiêu %u"
                                                               : "Xếp hạng đơn vị – chỉ tiêu %u (tiếp theo)",
                                                    td_target_get_number (target));
          double header = td_chart_ranking_header_height (&pdf->style, title);
          double room = PAGE_H - BOTTOM - pdf->y;
          guint fit = room > header ? (guint) ((room - header) / row_h) : 0;
          guint count;

          /* A ranking starts on a new page rather than with a lonely row or two. */
          if (fit < MIN (3u, MAX (measures->len - first, 1u)))
            {
              pdf_new_page (pdf);
              continue;
            }
          count = measures->len == 0 ? 0 : MIN (fit, measures->len - first);
          cairo_save (pdf->cr);
          cairo_translate (pdf->cr, LEFT - 12, pdf->y);
          td_chart_draw_ranking (pdf->cr, BODY_W + 24, header + count * row_h, &pdf->style, title, target,
                                 measures, first, count, NULL);
          cairo_restore (pdf->cr);
          pdf->y += header + count * row_h + 10;
          if (measures->len == 0)
            {
              pdf->y += pdf_text (pdf, "Chưa có đơn vị nào có số liệu hợp lệ.", LEFT, pdf->y - 6, BODY_W, 9, FALSE, PANGO_ALIGN_LEFT) + 8;
              break;
            }
          first += count;
        }
      while (first < measures->len);
    }
}

/* The table: columns as fractions of the body width. */
static const double col_x[] = { 0, 0.06, 0.58, 0.70, 0.80, 0.90, 1.0 };
static const char * const col_title[] = { "TT", "Chỉ tiêu", "Giá trị", "Ngưỡng", "Kết quả", "Đơn vị đạt" };

static double
table_row (Pdf                *pdf,
           const char * const *cells,
           gboolean            bold,
           gboolean            draw)
{
  double h = 0;

  for (guint c = 0; c < G_N_ELEMENTS (col_title); c++)
    {
      double x = LEFT + col_x[c] * BODY_W + 3, w = (col_x[c + 1] - col_x[c]) * BODY_W - 6;
      double ch;

      if (draw)
        ch = pdf_text (pdf, cells[c], x, pdf->y + 3, w, 9, bold, c == 1 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_CENTER);
      else
        {
          /* Measure only: lay out off the page. */
          cairo_save (pdf->cr);
          cairo_translate (pdf->cr, 0, -PAGE_H * 4);
          ch = pdf_text (pdf, cells[c], x, 0, w, 9, bold, PANGO_ALIGN_LEFT);
          cairo_restore (pdf->cr);
        }
      h = MAX (h, ch);
    }
  h += 6;
  if (draw)
    {
      cairo_set_source_rgb (pdf->cr, 0, 0, 0);
      cairo_set_line_width (pdf->cr, 0.6);
      for (guint c = 0; c < G_N_ELEMENTS (col_x); c++)
        {
          cairo_move_to (pdf->cr, LEFT + col_x[c] * BODY_W, pdf->y);
          cairo_line_to (pdf->cr, LEFT + col_x[c] * BODY_W, pdf->y + h);
        }
      cairo_move_to (pdf->cr, LEFT, pdf->y);
      cairo_line_to (pdf->cr, LEFT + BODY_W, pdf->y);
      cairo_move_to (pdf->cr, LEFT, pdf->y + h);
      cairo_line_to (pdf->cr, LEFT + BODY_W, pdf->y + h);
      cairo_stroke (pdf->cr);
      pdf->y += h;
    }
  return h;
}

/* Vietnamese names of the kinds of unit, as the notes of a report name them. */
static const char *
kind_name (TdUnitKind kind)
{
  static const char * const names[TD_N_UNIT_KINDS] = {
    "UBND tỉnh", "sở, ban, ngành", "xã", "phường", "doanh nghiệp", "tổ chức",
    "Tổ Công nghệ số cộng đồng cấp xã", "Tổ Công nghệ số cộng đồng cấp thôn",
  };
  return kind < TD_N_UNIT_KINDS ? names[kind] : "";
}

GPtrArray *
td_report_method_notes (TdProgressData *data)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (notes, g_strdup ("Tỷ lệ của một chỉ tiêu = tổng tử số / tổng mẫu số của các đơn vị được tính, "
                                    "nên đơn vị lớn có trọng số theo đúng số liệu của mình. Việc so sánh với ngưỡng "
                                    "làm trên số nguyên (tử số × 100 với ngưỡng × mẫu số), không làm tròn; "
                                    "giá trị in ra có đủ chữ số thập phân để không đọc ngược với kết quả."));
  g_ptr_array_add (notes, g_strdup ("Chỉ tính các bản tự đánh giá đã nộp; chỉ tiêu đơn vị ghi “Không áp dụng” "
                                    "hoặc không thuộc loại đơn vị đó thì không tính."));
  for (guint i = 0; i < data->rollups->len; i++)
    {
      TdTarget *t = g_array_index (data->rollups, TdTargetRollup, i).target;
      g_autoptr(GString) reported = g_string_new (NULL);
      g_autoptr(GString) not_counted = g_string_new (NULL);

      for (TdUnitKind k = 0; k < TD_N_UNIT_KINDS; k++)
        {
          if (!td_target_is_reported_by (t, k))
            continue;
          g_string_append_printf (reported, "%s%s", reported->len ? ", " : "", kind_name (k));
          if (!td_target_is_counted_for (t, k))
            g_string_append_printf (not_counted, "%s%s", not_counted->len ? ", " : "", kind_name (k));
        }
      if (not_counted->len > 0)
        g_ptr_array_add (notes, g_strdup_printf ("Chỉ tiêu %u do %s báo cáo; số liệu của %s đã nằm trong số liệu "
                                                 "của xã, phường nơi tổ hoạt động nên chỉ hiển thị riêng, không "
                                                 "cộng thêm vào số liệu toàn tỉnh.",
                                                 td_target_get_number (t), reported->str, not_counted->str));
      if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
        {
          g_autoptr(GString) rounds = g_string_new (NULL);

          for (guint r = 0; r < g_list_model_get_n_items (data->rounds); r++)
            {
              g_autoptr(TdRound) round = g_list_model_get_item (data->rounds, r);
              g_autoptr(TdTarget) at = td_target_at_round (t, td_round_get_number (round));
              g_autofree char *threshold = td_target_format_threshold (at);

              g_string_append_printf (rounds, "%s năm %d: %s", rounds->len ? ";" : "", td_round_get_year (round), threshold);
            }
          g_ptr_array_add (notes, g_strdup_printf ("Chỉ tiêu %u là chỉ số do %s báo cáo (không lấy trung bình các "
                                                   "đơn vị), so với ngưỡng của từng đợt:%s.",
                                                   td_target_get_number (t), reported->str, rounds->str));
        }
    }
  return notes;
}

/* A bold heading and one "– …" paragraph per line, a new page between paragraphs where the
 * next one does not fit (a paragraph never splits). */
static void
pdf_paragraphs (Pdf        *pdf,
                const char *heading,
                GPtrArray  *lines)
{
  if (pdf->y + 60 > PAGE_H - BOTTOM)
    pdf_new_page (pdf);
  pdf->y += 10;
  pdf->y += pdf_text (pdf, heading, LEFT, pdf->y, BODY_W, 10, TRUE, PANGO_ALIGN_LEFT) + 4;
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *line = g_strconcat ("– ", (const char *) g_ptr_array_index (lines, i), NULL);
      double h;

      /* Measure first, off the page. */
      cairo_save (pdf->cr);
      cairo_rectangle (pdf->cr, 0, 0, 0, 0);
      cairo_clip (pdf->cr);
      h = pdf_text (pdf, line, LEFT, 0, BODY_W, 9, FALSE, PANGO_ALIGN_LEFT);
      cairo_restore (pdf->cr);
      if (pdf->y + h > PAGE_H - BOTTOM)
        pdf_new_page (pdf);
      pdf->y += pdf_text (pdf, line, LEFT, pdf->y, BODY_W, 9, FALSE, PANGO_ALIGN_LEFT) + 3;
    }
}

static void
pdf_notes (Pdf            *pdf,
           TdProgressData *data)
{
  g_autoptr(GPtrArray) notes = td_report_method_notes (data);

  pdf_paragraphs (pdf, "Cách tính số liệu toàn tỉnh", notes);

  /* The figures that break the campaign's rules, unit by unit: the board sees them before it
   * relies on the totals above. */
  if (data->violations != NULL && data->violations->len > 0)
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

      for (guint i = 0; i < data->violations->len; i++)
        {
          TdRuleViolation *v = g_ptr_array_index (data->violations, i);

          g_autofree char *left = td_format_count (v->left);
          g_autofree char *right = td_format_count (v->right);

          g_ptr_array_add (lines, g_strdup_printf ("%s (%s), %s, chỉ tiêu %u: %s (%s %s %s).%s%s", v->unit_name,
                                                   v->unit_code,
                                                   v->is_error ? "lỗi" : v->explained ? "cảnh báo, đơn vị đã giải trình"
                                                                                      : "cảnh báo",
                                                   v->target, v->rule_text, left,
                                                   v->right_previous ? "đợt này; đợt trước" : "so với", right,
                                                   v->explained ? " Giải trình: " : "", v->explained ? v->note : ""));
        }
      pdf_paragraphs (pdf, "Số liệu cần xem lại (theo quy tắc kiểm tra của phong trào)", lines);
    }
}

static void
pdf_table (Pdf            *pdf,
           TdProgressData *data)
{
  pdf_new_page (pdf);
  pdf->y += pdf_text (pdf, "BẢNG SỐ LIỆU CÁC CHỈ TIÊU", LEFT, pdf->y, BODY_W, 12, TRUE, PANGO_ALIGN_CENTER) + 8;
  table_row (pdf, col_title, TRUE, TRUE);

  for (guint i = 0; i < data->rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (data->rollups, TdTargetRollup, i);
      g_autofree char *number = g_strdup_printf ("%u", td_target_get_number (r->target));
      g_autofree char *value = r->has_measure ? td_target_rollup_format (r) : g_strdup ("—");
      g_autofree char *threshold = td_target_format_threshold (r->target);
      g_autofree char *units = g_strdup_printf ("%u/%u", r->n_met, r->n_reporting);
      const char *cells[] = { number, td_target_get_text (r->target), value, threshold,
                              !r->has_measure ? td_chart_no_result_text (r) : r->met ? "Đạt" : "Chưa đạt", units };

      /* Rows never split: a row that does not fit starts the next page, under the header again. */
      if (pdf->y + table_row (pdf, cells, FALSE, FALSE) > PAGE_H - BOTTOM)
        {
          pdf_new_page (pdf);
          table_row (pdf, col_title, TRUE, TRUE);
        }
      table_row (pdf, cells, FALSE, TRUE);
    }
  pdf_notes (pdf, data);
}

gboolean
td_report_write_pdf (TdProgressData  *data,
                     const char      *path,
                     GError         **error)
{
  g_autofree char *temp = td_export_temp_path (path);
  cairo_surface_t *surface = cairo_pdf_surface_create (temp, PAGE_W, PAGE_H);
  cairo_status_t status;
  Pdf pdf = { 0 };

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, "Báo cáo tiến độ thực hiện các chỉ tiêu");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Thi đua " PACKAGE_VERSION);
  pdf.cr = cairo_create (surface);
  td_report_style (&pdf.style);

  pdf_front_page (&pdf, data);
  pdf_completeness (&pdf, data);
  pdf_rankings (&pdf, data);
  pdf_table (&pdf, data);

  cairo_destroy (pdf.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_unlink (temp);
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("Could not save “%s”: %s"), path, cairo_status_to_string (status));
      return FALSE;
    }
  return td_export_commit (temp, path, error);
}


/* The shown figure as a spreadsheet reads a number: "99,96 %" → "99,96" (a decimal comma and
 * no "%"; a percentage never has thousands dots).  Takes @shown. */
static char *
bare_number (char *shown)
{
  char *end = strstr (shown, "\xc2\xa0%");

  if (end != NULL)
    *end = '\0';
  return shown;
}

/* The number of decimals of a shown figure, for the cell's format. */
static guint
shown_decimals (const char *shown)
{
  const char *comma = strchr (shown, ',');
  guint n = 0;

  while (comma && g_ascii_isdigit (comma[n + 1]))
    n++;
  return n;
}

/* CSV: what a spreadsheet in a Vietnamese locale reads straight away (td_table_csv_field()). */
gboolean
td_report_write_csv (TdProgressData  *data,
                     const char      *path,
                     GError         **error)
{
  g_autoptr(GString) out = g_string_new ("\xef\xbb\xbf");
  g_autofree char *temp = td_export_temp_path (path);
  static const char * const header[] = {
    "Số TT", "Chỉ tiêu", "Tử số", "Mẫu số", "Giá trị", "Ngưỡng", "Kết quả", "Số đơn vị đạt", "Số đơn vị báo cáo"
  };

  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    td_table_csv_field (out, header[c], c + 1 == G_N_ELEMENTS (header));
  for (guint i = 0; i < data->rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (data->rollups, TdTargetRollup, i);
      gboolean ratio = td_target_get_kind (r->target) == TD_TARGET_KIND_RATIO;
      g_autofree char *number = g_strdup_printf ("%u", td_target_get_number (r->target));
      g_autofree char *num = ratio && r->has_measure ? g_strdup_printf ("%" G_GINT64_FORMAT, r->numerator_sum) : g_strdup ("");
      g_autofree char *den = ratio && r->has_measure ? g_strdup_printf ("%" G_GINT64_FORMAT, r->denominator_sum) : g_strdup ("");
      g_autofree char *value = r->has_measure ? bare_number (td_target_rollup_format (r)) : g_strdup ("");
      g_autofree char *threshold = td_target_format_threshold (r->target);
      g_autofree char *met = g_strdup_printf ("%u", r->n_met);
      g_autofree char *reporting = g_strdup_printf ("%u", r->n_reporting);

      td_table_csv_field (out, number, FALSE);
      td_table_csv_field (out, td_target_get_text (r->target), FALSE);
      td_table_csv_field (out, num, FALSE);
      td_table_csv_field (out, den, FALSE);
      td_table_csv_field (out, value, FALSE);
      td_table_csv_field (out, threshold, FALSE);
      td_table_csv_field (out, !r->has_measure ? td_chart_no_result_text (r) : r->met ? "Đạt" : "Chưa đạt", FALSE);
      td_table_csv_field (out, met, FALSE);
      td_table_csv_field (out, reporting, TRUE);
    }

  if (!g_file_set_contents (temp, out->str, (gssize) out->len, error))
    return FALSE;
  return td_export_commit (temp, path, error);
}

/* A cell format with @decimals decimals: the cell shows what every other output shows. */
static lxw_format *
decimals_format (lxw_workbook *wb,
                 lxw_format  **formats,
                 guint         decimals)
{
  decimals = MIN (decimals, 9);
  if (formats[decimals] == NULL)
    {
      g_autofree char *pattern = decimals ? g_strdup_printf ("0.%.*s", (int) decimals, "000000000") : g_strdup ("0");
      formats[decimals] = workbook_add_format (wb);
      format_set_num_format (formats[decimals], pattern);
    }
  return formats[decimals];
}

gboolean
td_report_write_xlsx (TdProgressData  *data,
                      const char      *path,
                      GError         **error)
{
  g_autofree char *temp = td_export_temp_path (path);
  lxw_workbook *wb = workbook_new (temp);
  lxw_worksheet *province, *units;
  lxw_format *bold, *formats[10] = { NULL };
  lxw_error rc;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint next_row = 1;

  if (wb == NULL)
    {
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE, _("Could not save “%s”."), path);
      return FALSE;
    }
  bold = workbook_add_format (wb);
  format_set_bold (bold);
  format_set_text_wrap (bold);

  province = workbook_add_worksheet (wb, "Toàn tỉnh");
  worksheet_set_column (province, 1, 1, 70, NULL);
  {
    static const char * const header[] = {
      "Số TT", "Chỉ tiêu", "Tử số", "Mẫu số", "Giá trị (% hoặc chỉ số)", "Ngưỡng", "Kết quả", "Số đơn vị đạt", "Số đơn vị báo cáo"
    };
    for (guint c = 0; c < G_N_ELEMENTS (header); c++)
      worksheet_write_string (province, 0, (lxw_col_t) c, header[c], bold);
  }
  for (guint i = 0; i < data->rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (data->rollups, TdTargetRollup, i);
      gboolean ratio = td_target_get_kind (r->target) == TD_TARGET_KIND_RATIO;
      g_autofree char *threshold = td_target_format_threshold (r->target);
      lxw_row_t row = i + 1;

      worksheet_write_number (province, row, 0, td_target_get_number (r->target), NULL);
      worksheet_write_string (province, row, 1, td_target_get_text (r->target), NULL);
      if (r->has_measure)
        {
          g_autofree char *shown = td_target_rollup_format (r);

          if (ratio)
            {
              worksheet_write_number (province, row, 2, (double) r->numerator_sum, NULL);
              worksheet_write_number (province, row, 3, (double) r->denominator_sum, NULL);
            }
          worksheet_write_number (province, row, 4, r->measure, decimals_format (wb, formats, shown_decimals (shown)));
          worksheet_write_string (province, row, 6, r->met ? "Đạt" : "Chưa đạt", NULL);
        }
      else
        worksheet_write_string (province, row, 6, td_chart_no_result_text (r), NULL);
      worksheet_write_string (province, row, 5, threshold, NULL);
      worksheet_write_number (province, row, 7, r->n_met, NULL);
      worksheet_write_number (province, row, 8, r->n_reporting, NULL);
    }

  /* One row per unit, one column per target: what the board sorts and filters in Excel. */
  units = workbook_add_worksheet (wb, "Đơn vị");
  worksheet_write_string (units, 0, 0, "Mã", bold);
  worksheet_write_string (units, 0, 1, "Đơn vị", bold);
  worksheet_set_column (units, 1, 1, 40, NULL);
  for (guint t = 0; t < data->measures->len; t++)
    {
      GArray *measures = g_ptr_array_index (data->measures, t);
      TdTarget *target = g_array_index (data->rollups, TdTargetRollup, t).target;
      g_autofree char *title = g_strdup_printf ("Chỉ tiêu %u", td_target_get_number (target));

      worksheet_write_string (units, 0, (lxw_col_t) (t + 2), title, bold);
      for (guint i = 0; i < measures->len; i++)
        {
          TdUnitMeasure *m = &g_array_index (measures, TdUnitMeasure, i);
          gpointer row = g_hash_table_lookup (rows, &m->unit_id);

          if (row == NULL)
            {
              row = GUINT_TO_POINTER (next_row++);
              g_hash_table_insert (rows, &m->unit_id, row);
              worksheet_write_string (units, GPOINTER_TO_UINT (row), 0, m->code, NULL);
              worksheet_write_string (units, GPOINTER_TO_UINT (row), 1, m->name, NULL);
            }
          {
            g_autofree char *shown = td_unit_measure_format (target, m);
            worksheet_write_number (units, GPOINTER_TO_UINT (row), (lxw_col_t) (t + 2), m->measure,
                                    decimals_format (wb, formats, shown_decimals (shown)));
          }
        }
    }

  /* Who has sent what, one row per unit expected to report. */
  if (data->completeness != NULL)
    {
      static const char * const head[] = { "Mã", "Đơn vị", "Tình trạng", "Ngày lập tệp", "Ngày tiếp nhận",
                                           "Tệp thiết lập cũ" };
      lxw_worksheet *sent = workbook_add_worksheet (wb, "Nộp báo cáo");

      worksheet_set_column (sent, 1, 1, 40, NULL);
      worksheet_set_column (sent, 2, 2, 30, NULL);
      worksheet_set_column (sent, 3, 4, 18, NULL);
      for (guint c = 0; c < G_N_ELEMENTS (head); c++)
        worksheet_write_string (sent, 0, (lxw_col_t) c, head[c], bold);
      for (guint i = 0; i < data->completeness->rows->len; i++)
        {
          const TdCompletenessRow *row = data->completeness->rows->pdata[i];
          g_autofree char *made = td_format_timestamp (row->submitted_at);
          g_autofree char *received = td_format_timestamp (row->received_at);
          lxw_row_t r = (lxw_row_t) (i + 1);

          worksheet_write_string (sent, r, 0, row->code, NULL);
          worksheet_write_string (sent, r, 1, row->name, NULL);
          worksheet_write_string (sent, r, 2, state_vi (row), NULL);
          worksheet_write_string (sent, r, 3, made ? made : "", NULL);
          worksheet_write_string (sent, r, 4, received ? received : "", NULL);
          worksheet_write_string (sent, r, 5, row->outdated ? "Có" : "", NULL);
        }
    }

  rc = workbook_close (wb);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (temp);
      g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_WRITE,
                   _("Could not save “%s”: %s"), path, lxw_strerror (rc));
      return FALSE;
    }
  return td_export_commit (temp, path, error);
}

gboolean
td_report_write (TdProgressData  *data,
                 const char      *path,
                 GError         **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return td_report_write_pdf (data, path, error);
  if (g_str_has_suffix (lower, ".csv"))
    return td_report_write_csv (data, path, error);
  if (g_str_has_suffix (lower, ".xlsx"))
    return td_report_write_xlsx (data, path, error);
  g_set_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_FORMAT,
               _("“%s” has no known extension; save the report as .pdf, .xlsx or .csv."), path);
  return FALSE;
}
