/* bench-documents.c: certificates and decisions as PDF.
 *
 * 1,000 certificates in one PDF with the pre-printed blank's template (fields only), beside a
 * bare cairo + pango loop that draws the same eight fields at the same places and sizes into a
 * PDF (the limit: no templates, no fitting, no placeholders).  Then the complete certificate
 * (border and fixed wording drawn) and a decision with 1,000 awardees.  Each figure is the
 * median of several runs, made in this same process.
 *
 *   bench-documents [--count N] [--runs R] */
#include <stdio.h>

#include "td-certificate.h"
#include "td-decision-pdf.h"
#include "td-doc-text.h"
#include "bench-util.h"

static int count = 1000;
static int runs = 5;

static const char *family_names[] = { "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô" };
static const char *middle_names[] = { "Thị", "Văn", "Đức", "Ngọc", "Minh", "Quốc", "Thu", "Hồng" };
static const char *given_names[] = { "Ánh", "Hưng", "Nhung", "Sơn", "Dũng", "Hằng", "Tuấn", "Ặng", "Hoà", "Quỳnh" };

static GPtrArray *
make_certificates (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_certificate_free);

  for (int i = 0; i < count; i++)
    {
      TdCertificate *c = g_new0 (TdCertificate, 1);

      c->recipient = g_strdup_printf ("%s %s %s", family_names[i % 10], middle_names[i % 8], given_names[(i / 3) % 10]);
      c->unit = g_strdup_printf ("Chuyên viên Phòng Chuyển đổi số, Sở Khoa học và Công nghệ (%d)", i);
      c->achievement = g_strdup ("Đã có thành tích xuất sắc trong phong trào thi đua “Chuyển đổi số trên địa bàn tỉnh "
                                 "Bắc Ninh đến năm 2026”");
      c->decision = g_strdup ("Quyết định số 05/QĐ-UBND ngày 08/10/2026");
      c->register_no = g_strdup_printf ("Số sổ vàng: %03d/2026", i + 1);
      c->place_date = g_strdup ("Bắc Ninh, ngày 08 tháng 10 năm 2026");
      c->authority = g_strdup ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH");
      c->award = g_strdup ("BẰNG KHEN");
      c->signer_title = g_strdup ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
      c->signer_name = g_strdup ("Mai Sơn");
      g_ptr_array_add (list, c);
    }
  return list;
}

/* The limit: the blank template's eight fields, drawn straight. */
typedef struct { double x, y, w, size; TdDocStyle style; PangoAlignment align; gsize offset; } BareField;

static const BareField bare_fields[] = {
  { 40, 140, 340, 36, TD_DOC_BOLD, PANGO_ALIGN_CENTER, G_STRUCT_OFFSET (TdCertificate, recipient) },
  { 40, 160, 340, 22, TD_DOC_ITALIC, PANGO_ALIGN_CENTER, G_STRUCT_OFFSET (TdCertificate, unit) },
  { 40, 176, 340, 22, 0, PANGO_ALIGN_CENTER, G_STRUCT_OFFSET (TdCertificate, achievement) },
  { 36, 222, 180, 16, 0, PANGO_ALIGN_LEFT, G_STRUCT_OFFSET (TdCertificate, decision) },
  { 36, 232, 180, 16, 0, PANGO_ALIGN_LEFT, G_STRUCT_OFFSET (TdCertificate, register_no) },
  { 225, 206, 160, 18, TD_DOC_ITALIC, PANGO_ALIGN_CENTER, G_STRUCT_OFFSET (TdCertificate, place_date) },
  { 225, 215, 160, 18, TD_DOC_BOLD, PANGO_ALIGN_CENTER, G_STRUCT_OFFSET (TdCertificate, signer_title) },
  { 225, 265, 160, 20, TD_DOC_BOLD, PANGO_ALIGN_CENTER, G_STRUCT_OFFSET (TdCertificate, signer_name) },
};

static gsize
bare_loop (GPtrArray *certificates)
{
  cairo_surface_t *surface = td_doc_pdf_new (420 * TD_MM, 297 * TD_MM, "bare");
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = td_doc_context_new (cr);
  const char *family = td_doc_serif_family (NULL);
  g_autoptr(GBytes) pdf = NULL;

  for (guint i = 0; i < certificates->len; i++)
    {
      for (guint f = 0; f < G_N_ELEMENTS (bare_fields); f++)
        {
          const BareField *bf = &bare_fields[f];
          const char *text = G_STRUCT_MEMBER (const char *, certificates->pdata[i], bf->offset);
          PangoLayout *layout = td_doc_layout (context, family, bf->size, bf->style, bf->w * TD_MM, bf->align, text);

          cairo_move_to (cr, bf->x * TD_MM, bf->y * TD_MM);
          pango_cairo_show_layout (cr, layout);
          g_object_unref (layout);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  g_object_unref (context);
  pdf = td_doc_pdf_finish (surface, NULL);
  cairo_surface_destroy (surface);
  return pdf ? g_bytes_get_size (pdf) : 0;
}

static gsize
templated (const char *name,
           GPtrArray  *certificates)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCertificateTemplate) t = td_certificate_template_load (name, &error);
  g_autoptr(GBytes) pdf = NULL;

  g_assert_no_error (error);
  pdf = td_certificates_render_pdf (t, certificates, 0, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_bytes_get_size (pdf);
}

static GPtrArray *
make_awardees (void)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_nomination_free);

  for (int i = 0; i < count; i++)
    {
      TdNomination *n = g_new0 (TdNomination, 1);

      n->individual = i >= count / 10;
      n->unit_name = n->individual ? g_strdup ("Sở Khoa học và Công nghệ")
                                   : g_strdup_printf ("Tổ Công nghệ số cộng đồng thôn %d, xã Song Hồ", i + 1);
      n->person_name = n->individual ? g_strdup_printf ("%s %s %s %d", family_names[i % 10], middle_names[i % 8],
                                                        given_names[(i / 3) % 10], i) : NULL;
      n->person_position = n->individual ? g_strdup ("Chuyên viên Phòng Chuyển đổi số") : NULL;
      n->achievement = g_strdup ("Đã có thành tích xuất sắc");
      g_ptr_array_add (list, n);
    }
  return list;
}

int
main (int argc, char *argv[])
{
  GOptionEntry entries[] = {
    { "count", 0, 0, G_OPTION_ARG_INT, &count, "Certificates and awardees (default 1000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per figure; the median is shown (default 5)", "R" },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(TdDecision) decision = NULL;
  g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) blank = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) full = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) dec = g_array_new (FALSE, FALSE, sizeof (double));
  gsize size_bare = 0, size_blank = 0, size_full = 0, size_dec = 0;
  double mb, mt, mf, md;

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || count < 1 || runs < 1)
    {
      fprintf (stderr, "%s\n", error ? error->message : "--count and --runs must be positive");
      return 2;
    }
  certificates = make_certificates ();
  awardees = make_awardees ();
  decision = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
  g_assert_no_error (error);
  printf ("font: %s\n", td_doc_serif_family (NULL));

  /* Interleaved, so that a noisy moment hits every variant alike. */
  for (int r = 0; r < runs; r++)
    {
      gint64 t0, t1;

      t0 = g_get_monotonic_time ();
      size_bare = bare_loop (certificates);
      t1 = g_get_monotonic_time ();
      g_array_append_val (bare, (double) { (t1 - t0) / 1e6 });
      t0 = g_get_monotonic_time ();
      size_blank = templated ("blank-a3", certificates);
      t1 = g_get_monotonic_time ();
      g_array_append_val (blank, (double) { (t1 - t0) / 1e6 });
      t0 = g_get_monotonic_time ();
      size_full = templated ("full-a3", certificates);
      t1 = g_get_monotonic_time ();
      g_array_append_val (full, (double) { (t1 - t0) / 1e6 });
      t0 = g_get_monotonic_time ();
      {
        g_autoptr(GBytes) pdf = td_decision_render_pdf (decision, awardees, &error);
        g_assert_no_error (error);
        size_dec = g_bytes_get_size (pdf);
      }
      t1 = g_get_monotonic_time ();
      g_array_append_val (dec, (double) { (t1 - t0) / 1e6 });
    }
  mb = bench_median (bare);
  mt = bench_median (blank);
  mf = bench_median (full);
  md = bench_median (dec);
  printf ("%d certificates, median of %d runs:\n", count, runs);
  printf ("  bare cairo + pango loop (limit)  %7.3f s  %6.0f /s  %5.1f MB\n", mb, count / mb, size_bare / 1e6);
  printf ("  template blank-a3 (fields only)  %7.3f s  %6.0f /s  %5.1f MB  %.2f× the limit\n", mt, count / mt,
          size_blank / 1e6, mt / mb);
  printf ("  template full-a3 (border, text)  %7.3f s  %6.0f /s  %5.1f MB  %.2f× the limit\n", mf, count / mf,
          size_full / 1e6, mf / mb);
  printf ("decision with %d awardees          %7.3f s  %5.1f MB\n", count, md, size_dec / 1e6);
  return 0;
}
