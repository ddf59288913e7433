/* test-chart.c: the chart renderers checked by pixels and geometry, and the exported files by
 * their text. */
#include <poppler.h>

#include "td-chart-export.h"
#include "td-chart.h"
#include "td-progress-chart.h"
#include "td-report.h"
#include "td-table-export.h"
#include "td-spreadsheet.h"
#include "td-test-util.h"

/* The seed's targets with made-up roll-ups: target 4 ("> 90 %") at 95 %, target 9 ("90 %") at
 * 85 %, target 19 (≥ 0,75) at 0,78, target 7 without data, the others at 80 %. */
static GArray *
make_rollups (TdDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, &error);
  GArray *rollups = g_array_new (FALSE, TRUE, sizeof (TdTargetRollup));

  g_array_set_clear_func (rollups, (GDestroyNotify) td_target_rollup_clear);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      TdTargetRollup r = { 0 };
      guint n;

      r.target = g_list_model_get_item (targets, i);
      n = td_target_get_number (r.target);
      r.has_measure = n != 7;
      r.measure = n == 4 ? 95.0 : n == 9 ? 85.0 : n == 19 ? 0.78 : 80.0;
      if (n == 19)
        r.met = td_target_index_meets (r.target, r.measure);
      else if (r.has_measure)
        {
          r.numerator_sum = (gint64) (r.measure * 10);
          r.denominator_sum = 1000;
          r.met = td_target_ratio_meets (r.target, r.numerator_sum, r.denominator_sum);
        }
      r.n_reporting = 3;
      g_array_append_val (rollups, r);
    }
  return rollups;
}

typedef struct {
  char       *dir;
  TdDatabase *db;
  GArray     *rollups;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->dir = td_test_make_dir ();
  f->db = td_test_open_seeded (f->dir, "chart.db");
  f->rollups = make_rollups (f->db);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_pointer (&f->rollups, g_array_unref);
  g_assert_finalize_object (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static guint32
pixel (cairo_surface_t *surface, int x, int y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  cairo_surface_flush (surface);
  return *(guint32 *) (data + y * stride + x * 4);
}

static gboolean
close_to (guint32 argb, const TdColor *c)
{
  int r = (argb >> 16) & 0xff, g = (argb >> 8) & 0xff, b = argb & 0xff;

  return ABS (r - (int) (c->r * 255)) < 12 && ABS (g - (int) (c->g * 255)) < 12 && ABS (b - (int) (c->b * 255)) < 12;
}

static void
test_overview_met_side (Fixture *f, gconstpointer data)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 700);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (TdChartHit));
  TdChartStyle style;
  TdChartHit *h4, *h9, *h7;

  td_chart_style_init (&style, FALSE);
  /* Documents mark targets in Vietnamese whatever the window's language. */
  g_assert_cmpstr (style.met_label, ==, "✓ Đạt");
  g_assert_cmpstr (style.not_met_label, ==, "✗ Chưa đạt");
  style.fill_background = TRUE;
  td_chart_draw_overview (cr, 900, 700, &style, "Tiến độ", f->rollups, hits);
  g_assert_cmpuint (hits->len, ==, 19);

  /* 95 % on "> 90 %": the bar ends past the marker, is drawn in the met colour right of it,
   * and the track shows beyond its end. */
  h4 = &g_array_index (hits, TdChartHit, 3);
  g_assert_cmpfloat (h4->bar_end_x, >, h4->marker_x + 5);
  g_assert_true (close_to (pixel (surface, (int) (h4->marker_x + 4), (int) (h4->y + h4->height / 2)), &style.met));
  g_assert_true (close_to (pixel (surface, (int) (h4->bar_end_x + 4), (int) (h4->y + h4->height / 2)), &style.track));

  /* 85 % on "90 %": ends before the marker, drawn as not met. */
  h9 = &g_array_index (hits, TdChartHit, 8);
  g_assert_cmpfloat (h9->bar_end_x, <, h9->marker_x);
  g_assert_false (close_to (pixel (surface, (int) (h9->bar_start_x + 10), (int) (h9->y + h9->height / 2)), &style.met));

  /* No data: no bar at all. */
  h7 = &g_array_index (hits, TdChartHit, 6);
  g_assert_cmpfloat (h7->bar_end_x, ==, h7->bar_start_x);

  /* The threshold marker of a 90 % target sits at 90 % of the bar's length. */
  {
    TdChartHit *h1 = &g_array_index (hits, TdChartHit, 0);   /* "= 100 %": at the end */
    double length = h1->marker_x - h1->bar_start_x;
    g_assert_cmpfloat_with_epsilon ((h9->marker_x - h9->bar_start_x) / length, 0.9, 0.01);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_overview_labels_do_not_overlap (Fixture *f, gconstpointer data)
{
  static const int heights[] = { 800, 420, 260 };

  for (guint k = 0; k < G_N_ELEMENTS (heights); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 700, heights[k]);
      cairo_t *cr = cairo_create (surface);
      g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (TdChartHit));
      TdChartStyle style;

      td_chart_style_init (&style, TRUE);
      td_chart_draw_overview (cr, 700, heights[k], &style, NULL, f->rollups, hits);
      for (guint i = 0; i + 1 < hits->len; i++)
        {
          TdChartHit *a = &g_array_index (hits, TdChartHit, i);
          TdChartHit *b = &g_array_index (hits, TdChartHit, i + 1);

          g_assert_cmpfloat (a->label_y + a->label_height, <=, b->label_y + 0.5);
          /* Ellipsized within the label column, clear of the bars. */
          g_assert_cmpfloat (a->label_x + a->label_width, <=, a->bar_start_x);
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

/* Each chart draws inside its rectangle only: drawn at an offset onto a larger transparent
 * surface, everything outside stays transparent. */
static void
assert_inside (cairo_surface_t *surface, int x0, int y0, int w, int h)
{
  int sw = cairo_image_surface_get_width (surface), sh = cairo_image_surface_get_height (surface);

  for (int y = 0; y < sh; y++)
    for (int x = 0; x < sw; x++)
      if (x < x0 || y < y0 || x >= x0 + w || y >= y0 + h)
        if ((pixel (surface, x, y) >> 24) != 0)
          g_error ("pixel drawn outside the chart at %d,%d", x, y);
}

static void
test_nothing_outside (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdTarget) t4 = td_catalog_find_target (f->db, 4, &error);
  g_autoptr(TdTarget) t19 = td_catalog_find_target (f->db, 19, &error);
  g_autoptr(GArray) measures = g_array_new (FALSE, TRUE, sizeof (TdUnitMeasure));
  g_autoptr(GPtrArray) per_round = g_ptr_array_new ();
  const char *labels[] = { "2025", "2026", NULL };
  double dti[] = { 0.72, 0.78 };
  TdChartStyle style;

  td_chart_style_init (&style, FALSE);
  style.fill_background = FALSE;
  for (int i = 0; i < 40; i++)
    {
      TdUnitMeasure m = { i, g_strdup_printf ("U%d", i),
                          g_strdup_printf ("Phường có tên rất dài để kiểm tra việc rút gọn số %d", i),
                          TD_UNIT_KIND_WARD, 1000 - i * 25, 1000, 100.0 - i * 2.5, 100.0 - i * 2.5 > 90 };
      g_array_append_val (measures, m);
    }
  g_array_set_clear_func (measures, (GDestroyNotify) td_unit_measure_clear);
  g_ptr_array_add (per_round, f->rollups);
  g_ptr_array_add (per_round, f->rollups);

  for (int kind = 0; kind < 4; kind++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 800);
      cairo_t *cr = cairo_create (surface);

      cairo_translate (cr, 100, 100);
      if (kind == 0)
        td_chart_draw_overview (cr, 800, 600, &style, "Tiến độ", f->rollups, NULL);
      else if (kind == 1)
        td_chart_draw_ranking (cr, 800, 600, &style, "Xếp hạng", t4, measures, 0, measures->len, NULL);
      else if (kind == 2)
        td_chart_draw_trend (cr, 800, 600, &style, "Xu hướng", per_round, labels, NULL);
      else
        td_chart_draw_dti (cr, 800, 600, &style, "DTI", (TdTarget *[]) { t19, t19 }, dti, labels, 2, NULL);
      cairo_destroy (cr);
      assert_inside (surface, 100, 100, 800, 600);
      cairo_surface_destroy (surface);
    }
}

static void
test_ranking_rows (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdTarget) t9 = td_catalog_find_target (f->db, 9, &error);
  g_autoptr(GArray) measures = g_array_new (FALSE, TRUE, sizeof (TdUnitMeasure));
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (TdChartHit));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 400);
  cairo_t *cr = cairo_create (surface);
  TdChartStyle style;
  double row_h, header;
  guint fit;

  g_array_set_clear_func (measures, (GDestroyNotify) td_unit_measure_clear);
  for (int i = 0; i < 1000; i++)
    {
      TdUnitMeasure m = { i, g_strdup_printf ("U%d", i), g_strdup_printf ("Đơn vị số %d", i), TD_UNIT_KIND_COMMUNE,
                          1000 - i, 1000, 100.0 - i * 0.1, 100.0 - i * 0.1 >= 90 };
      g_array_append_val (measures, m);
    }
  td_chart_style_init (&style, FALSE);
  row_h = td_chart_ranking_row_height (&style);
  header = td_chart_ranking_header_height (&style, "Xếp hạng");
  fit = (guint) ((400 - header) / row_h);

  /* Asked for rows 500…999 in 400 px: only the rows that fit are drawn, each below the last. */
  td_chart_draw_ranking (cr, 600, 400, &style, "Xếp hạng", t9, measures, 500, 500, hits);
  g_assert_cmpuint (hits->len, ==, fit);
  g_assert_cmpuint (g_array_index (hits, TdChartHit, 0).index, ==, 500);
  for (guint i = 0; i < hits->len; i++)
    {
      TdChartHit *h = &g_array_index (hits, TdChartHit, i);
      g_assert_cmpfloat (h->y + h->height, <=, 400.5);
      g_assert_cmpfloat_with_epsilon (h->marker_x, g_array_index (hits, TdChartHit, 0).marker_x, 0.01);
      /* Row 500 is at 50 %, well left of the 90 % marker. */
      g_assert_cmpfloat (h->bar_end_x, <, h->marker_x);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autofree char *t = poppler_page_get_text (page);
      g_string_append (text, t);
      g_string_append_c (text, '\n');
      g_object_unref (page);
    }
  g_object_unref (doc);
  return g_string_free (text, FALSE);
}

static void
draw_overview (cairo_t *cr, double w, double h, gpointer data)
{
  TdChartStyle style;

  td_chart_style_init (&style, FALSE);
  style.fill_background = TRUE;
  td_chart_draw_overview (cr, w, h, &style, "Tiến độ các chỉ tiêu", data, NULL);
}

static void
test_export_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "overview.pdf", NULL);
  g_autofree char *svg = g_build_filename (f->dir, "overview.svg", NULL);
  g_autofree char *png = g_build_filename (f->dir, "overview.png", NULL);
  g_autofree char *bad = g_build_filename (f->dir, "overview.gif", NULL);
  g_autofree char *description = td_chart_describe_overview (f->rollups);
  g_autofree char *text = NULL;
  g_autofree char *svg_text = NULL;

  g_assert_true (td_chart_export_file (pdf, 842, 595, 1, "Tiến độ", description, draw_overview, f->rollups, &error));
  g_assert_true (td_chart_export_file (svg, 1280, 800, 1, "Tiến độ", description, draw_overview, f->rollups, &error));
  g_assert_true (td_chart_export_file (png, 640, 400, 2, NULL, NULL, draw_overview, f->rollups, &error));
  g_assert_no_error (error);
  g_assert_false (td_chart_export_file (bad, 640, 400, 1, NULL, NULL, draw_overview, f->rollups, &error));
  g_assert_error (error, TD_EXPORT_ERROR, TD_EXPORT_ERROR_FORMAT);
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));

  text = pdf_text (pdf);
  for (guint n = 1; n <= 19; n++)
    {
      g_autofree char *number = g_strdup_printf ("%u. ", n);
      g_assert_nonnull (strstr (text, number));
    }
  g_assert_nonnull (strstr (text, "95 %"));
  g_assert_nonnull (strstr (text, "0,78"));
  g_assert_nonnull (strstr (text, "Chưa có số liệu"));
  g_assert_nonnull (strstr (text, "Chưa đạt"));

  g_assert_true (g_file_get_contents (svg, &svg_text, NULL, &error));
  for (guint n = 1; n <= 19; n++)
    {
      g_autofree char *line = g_strdup_printf ("Chỉ tiêu %u:", n);
      g_assert_nonnull (strstr (svg_text, line));
    }
  g_assert_nonnull (strstr (svg_text, "Chỉ tiêu 4: 95\xc2\xa0%, ngưỡng &gt; 90\xc2\xa0%, đạt."));
}

static void
test_report_files (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "report.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdProgressData) data = NULL;
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "report.csv", NULL);
  g_autofree char *xlsx = g_build_filename (dir, "report.xlsx", NULL);
  g_autofree char *text = NULL;
  g_autofree char *csv_text = NULL;
  g_autofree char *xlsx_head = NULL;
  g_auto(GStrv) lines = NULL;

  g_assert_true (td_demo_populate (db, &error));
  data = td_progress_data_load (db, 2, -1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (data->n_units, >, data->n_submitted);
  g_assert_cmpuint (data->summary.n_met, ==, 11);

  g_assert_true (td_report_write (data, pdf, &error));
  g_assert_true (td_report_write (data, csv, &error));
  g_assert_true (td_report_write (data, xlsx, &error));
  g_assert_no_error (error);

  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "BÁO CÁO TIẾN ĐỘ THỰC HIỆN CÁC CHỈ TIÊU"));
  g_assert_nonnull (strstr (text, "Số chỉ tiêu đạt: 11/19"));
  /* The sample's received submissions came unsigned, and the report says so. */
  g_assert_nonnull (strstr (text, "Đơn vị đã nộp báo cáo: 38/53 (33 bản nhận không có chữ ký số)"));
  g_assert_nonnull (strstr (text, "BẢNG SỐ LIỆU CÁC CHỈ TIÊU"));
  for (guint n = 1; n <= 19; n++)
    {
      g_autofree char *ranking = g_strdup_printf ("Xếp hạng đơn vị – chỉ tiêu %u", n);
      g_assert_nonnull (strstr (text, ranking));
    }
  g_assert_nonnull (strstr (text, "Trang 2"));
  /* Who has sent what: the sample's 53 expected units, 15 not sent, among them Đa Mai's draft. */
  g_assert_nonnull (strstr (text, "TÌNH HÌNH NỘP BÁO CÁO TỰ ĐÁNH GIÁ"));
  g_assert_nonnull (strstr (text, "Đã gửi: 38/53 đơn vị"));
  g_assert_nonnull (strstr (text, "Phường Đa Mai (P-DAMAI): Chưa gửi"));

  g_assert_true (g_file_get_contents (csv, &csv_text, NULL, &error));
  g_assert_true (g_str_has_prefix (csv_text, "\xef\xbb\xbf\"Số TT\";\"Chỉ tiêu\""));
  lines = g_strsplit (csv_text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 21);   /* header, 19 rows, the empty tail */
  g_assert_nonnull (strstr (lines[19], "\"0,772\""));

  g_assert_true (g_file_get_contents (xlsx, &xlsx_head, NULL, &error));
  g_assert_true (g_str_has_prefix (xlsx_head, "PK"));   /* a zip, as .xlsx is */
  {
    g_autoptr(GError) sheet_error = NULL;
    g_autoptr(GPtrArray) sheet = td_spreadsheet_read (xlsx, "Nộp báo cáo", &sheet_error);

    g_assert_no_error (sheet_error);
    g_assert_cmpuint (sheet->len, ==, 54);   /* the header and 53 units */
    g_assert_cmpstr (((char **) sheet->pdata[0])[2], ==, "Tình trạng");
  }

  /* The report says how its figures are made and which submitted figures break a rule: the
   * sample's merged ward, explained. */
  g_assert_nonnull (strstr (text, "Cách tính số liệu toàn tỉnh"));
  g_assert_nonnull (strstr (text, "Số liệu cần xem lại"));
  g_assert_nonnull (strstr (text, "P-THUANTHANH"));
  g_assert_nonnull (strstr (text, "Giải trình: Từ 01/7/2025 sáp nhập"));

  /* The DTI chart judges each round by its own threshold and says both. */
  {
    g_autofree char *dti_pdf = g_build_filename (dir, "dti.pdf", NULL);
    g_autofree char *dti_text = NULL;

    g_assert_true (td_progress_chart_export (data, TD_CHART_DTI, 0, dti_pdf, &error));
    g_assert_no_error (error);
    dti_text = pdf_text (dti_pdf);
    g_assert_nonnull (strstr (dti_text, "Mục tiêu 2025: > 0,7"));
    g_assert_nonnull (strstr (dti_text, "Mục tiêu 2026: ≥ 0,75"));
    g_assert_nonnull (strstr (dti_text, "0,718 ✓"));
    g_assert_nonnull (strstr (dti_text, "0,772 ✓"));
    g_remove (dti_pdf);
  }

  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* A name or note that a spreadsheet would run as a formula is written as text in a CSV; a
 * plain number stays a number.  (XLSX cells are written as strings, which Excel never runs.) */
static void
test_csv_formula_cells (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "don-vi.csv", NULL);
  const char *header[] = { "Mã", "Tên", "Số", NULL };
  const char *row1[] = { "=HYPERLINK(\"http://x\";\"bấm\")", "+SUM(A1:A9)", "-3", NULL };
  const char *row2[] = { "@cmd", "-Xã lạ", "1.234,5", NULL };
  const char *row3[] = { "\tTab", "Xã Tiên Du", "-", NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_ptr_array_add (rows, (gpointer) row1);
  g_ptr_array_add (rows, (gpointer) row2);
  g_ptr_array_add (rows, (gpointer) row3);
  g_assert_true (td_table_write (path, "Đơn vị", header, rows, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"'=HYPERLINK(\"\"http://x\"\";\"\"bấm\"\")\";\"'+SUM(A1:A9)\";\"-3\"\r\n"));
  g_assert_nonnull (strstr (text, "\"'@cmd\";\"'-Xã lạ\";\"1.234,5\"\r\n"));
  g_assert_nonnull (strstr (text, "\"'\tTab\";\"Xã Tiên Du\";\"-\"\r\n"));
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/chart/overview-met-side", test_overview_met_side);
  ADD ("/chart/overview-labels-do-not-overlap", test_overview_labels_do_not_overlap);
  ADD ("/chart/nothing-outside", test_nothing_outside);
  ADD ("/chart/ranking-rows", test_ranking_rows);
  ADD ("/chart/export-text", test_export_text);
  g_test_add_func ("/chart/report-files", test_report_files);
  g_test_add_func ("/chart/csv-formula-cells", test_csv_formula_cells);
  return g_test_run ();
}
