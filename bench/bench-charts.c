/* bench-charts.c: drawing the progress charts, and the PDF report of a large province.
 *
 * Per frame, the median and the worst of many redraws at 1280 × 800 into an image surface,
 * beside a bare cairo fill of the same area (the limit: the cost of touching every pixel
 * once).  A frame must stay well inside 16 ms for resizing to be smooth.  Then the whole
 * province report (PDF) for 1,000 units, and the data read behind it.
 *
 *   bench-charts [--units N] [--frames F] */
#include <glib/gstdio.h>
#include <stdio.h>

#include "td-core.h"
#include "td-progress-chart.h"
#include "td-report.h"
#include "bench-util.h"

static int n_units = 1000;
static int n_frames = 60;

typedef struct {
  double median, worst;
} Timing;

static Timing
summarize (GArray *times)
{
  Timing t;

  g_array_sort (times, bench_compare_doubles);
  t.median = g_array_index (times, double, times->len / 2);
  t.worst = g_array_index (times, double, times->len - 1);
  return t;
}

static TdDatabase *
make_province (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(TdRound) round = NULL;
  TdTarget *t[19];
  TdValue values[19] = { 0 };
  const TdValue *pv[19];
  TdDatabase *db;

  g_remove (path);
  db = td_database_open (path, &error);
  g_assert_no_error (error);
  td_catalog_ensure_seed (db, &error);
  targets = td_catalog_list_targets (db, &error);
  round = td_catalog_find_round (db, 2, &error);
  for (int i = 0; i < 19; i++)
    {
      t[i] = g_list_model_get_item (targets, i);
      pv[i] = &values[i];
    }

  td_database_begin (db, &error);
  for (int u = 0; u < n_units; u++)
    {
      g_autofree char *code = g_strdup_printf ("X-%04d", u);
      g_autofree char *name = g_strdup_printf ("Xã thử nghiệm có tên khá dài số %04d", u);
      g_autoptr(TdUnit) unit = td_catalog_add_unit (db, code, name, TD_UNIT_KIND_COMMUNE, NULL, &error);
      gint64 a = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);

      for (int i = 0; i < 19; i++)
        {
          if (td_target_get_kind (t[i]) == TD_TARGET_KIND_INDEX)
            {
              values[i].has_index = TRUE;
              values[i].index_value = 0.6 + (u % 37) / 100.0;
            }
          else
            {
              values[i].has_numerator = values[i].has_denominator = TRUE;
              values[i].denominator = 200 + u % 50;
              values[i].numerator = values[i].denominator - (u * 7 + i * 3) % 40;
            }
        }
      td_assessment_set_values (db, a, t, pv, 19, &error);
      td_assessment_set_status (db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error);
      g_assert_no_error (error);
    }
  td_database_commit (db, &error);
  for (int i = 0; i < 19; i++)
    g_object_unref (t[i]);
  return db;
}

static double
time_frame (cairo_surface_t *surface, TdProgressData *data, int kind, guint target, guint first)
{
  cairo_t *cr = cairo_create (surface);
  TdChartStyle style;
  gint64 start;
  double row_h;

  td_chart_style_init (&style, FALSE);
  style.fill_background = TRUE;
  row_h = td_chart_ranking_row_height (&style);
  start = g_get_monotonic_time ();
  if (kind < 0)
    {
      /* The limit: paint every pixel once. */
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }
  else
    td_progress_chart_draw (data, kind, target, cr, 1280, 800, &style, NULL, first, (guint) (800 / row_h) + 1, NULL);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "units", 0, 0, G_OPTION_ARG_INT, &n_units, "Units in the province", "N" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &n_frames, "Redraws measured per chart", "F" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("thidua-bench-XXXXXX", NULL);
  g_autofree char *db_path = g_build_filename (dir, "province.db", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(TdProgressData) data = NULL;
  cairo_surface_t *surface;
  TdDatabase *db;
  const struct { const char *name; int kind; } charts[] = {
    { "bare cairo fill (the limit)", -1 },
    { "targets overview", TD_CHART_OVERVIEW },
    { "ranking, one screenful", TD_CHART_RANKING },
    { "trend (small multiples)", TD_CHART_TREND },
    { "DTI", TD_CHART_DTI },
  };
  double limit = 0, load_ms, report_ms;
  gint64 start;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  db = make_province (db_path);
  start = g_get_monotonic_time ();
  data = td_progress_data_load (db, 2, -1, NULL, &error);
  load_ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_no_error (error);

  printf ("bench-charts: %d units; frames at 1280 × 800, median and worst of %d\n", n_units, n_frames);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1280, 800);
  for (guint c = 0; c < G_N_ELEMENTS (charts); c++)
    {
      g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
      Timing t;

      for (int f = 0; f < n_frames + 3; f++)
        {
          /* The ranking scrolls through the middle of the list, as a reader would. */
          double ms = time_frame (surface, data, charts[c].kind, 3, (guint) (f * 7) % MAX (n_units - 30, 1));
          if (f >= 3)   /* the first frames warm the font caches */
            g_array_append_val (times, ms);
        }
      t = summarize (times);
      if (charts[c].kind < 0)
        limit = t.median;
      printf ("  %-30s median %6.2f ms   worst %6.2f ms   %5.1f× the fill\n", charts[c].name, t.median, t.worst,
              limit > 0 ? t.median / limit : 1.0);
    }
  cairo_surface_destroy (surface);

  start = g_get_monotonic_time ();
  g_assert_true (td_report_write_pdf (data, pdf_path, &error));
  report_ms = (g_get_monotonic_time () - start) / 1000.0;
  {
    GStatBuf st;
    g_stat (pdf_path, &st);
    printf ("  reading the figures of %d units        %8.1f ms\n", n_units, load_ms);
    printf ("  PDF report (%d units: 19 rankings)   %8.1f ms   %.1f MB\n", n_units, report_ms, st.st_size / 1e6);
  }

  g_object_unref (db);
  g_remove (pdf_path);
  g_remove (db_path);
  g_rmdir (dir);
  return 0;
}
