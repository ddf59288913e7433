/* test-documents.c: the decision and the certificates, read back from the PDF with poppler and
 * measured in millimetres. */
#include <math.h>
#include <poppler.h>

#include "td-certificate.h"
#include "td-decision-pdf.h"
#include "td-doc-text.h"
#include "td-test-poppler.h"
#include "td-test-util.h"



/* ---- building inputs ------------------------------------------------------------------- */

static TdNomination *
awardee (gboolean    individual,
         const char *name,
         const char *position,
         const char *unit)
{
  TdNomination *n = g_new0 (TdNomination, 1);

  n->individual = individual;
  n->unit_name = g_strdup (unit);
  n->person_name = individual ? g_strdup (name) : NULL;
  n->person_position = g_strdup (position);
  n->level = TD_AWARD_BANG_KHEN;
  n->status = TD_NOMINATION_DECIDED;
  n->achievement = g_strdup ("Đã có thành tích xuất sắc trong phong trào thi đua “Chuyển đổi số trên địa bàn "
                             "tỉnh Bắc Ninh đến năm 2026”");
  if (!individual)
    {
      g_free (n->unit_name);
      n->unit_name = g_strdup (name);
    }
  return n;
}

/* @n_individuals individuals with positions long enough to wrap, each ending in a unique
 * token "R<i>" so a row can be found whole. */
static GPtrArray *
awardees_new (guint n_collectives,
              guint n_individuals)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_nomination_free);

  for (guint i = 0; i < n_collectives; i++)
    {
      g_autofree char *name = g_strdup_printf ("Phường Thử Nghiệm Số %03u", i + 1);
      g_ptr_array_add (list, awardee (FALSE, name, NULL, NULL));
    }
  for (guint i = 0; i < n_individuals; i++)
    {
      g_autofree char *name = g_strdup_printf ("Nguyễn Thị Ngọc Ánh %03u", i + 1);
      g_autofree char *position = g_strdup_printf ("Chuyên viên Phòng Chuyển đổi số và Công nghệ thông tin, "
                                                   "Sở Khoa học và Công nghệ tỉnh Bắc Ninh R%03u", i + 1);
      g_ptr_array_add (list, awardee (TRUE, name, position, "Sở Khoa học và Công nghệ"));
    }
  return list;
}

static GBytes *
render_decision (const char *number,
                 guint       n_collectives,
                 guint       n_individuals,
                 GPtrArray **awardees_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
  g_autoptr(GPtrArray) awardees = awardees_new (n_collectives, n_individuals);
  GBytes *pdf;

  g_assert_no_error (error);
  g_free (d->number);
  d->number = g_strdup (number);
  d->signed_on = g_strdup ("2026-01-05");
  /* Laid out as the issued decision it would be once td_decision_issue() gave it the number. */
  d->status = *number ? TD_DECISION_ISSUED : TD_DECISION_DRAFT;
  pdf = td_decision_render_pdf (d, awardees, &error);
  g_assert_no_error (error);
  if (awardees_out)
    *awardees_out = g_steal_pointer (&awardees);
  return pdf;
}

/* ---- decision ---------------------------------------------------------------------------- */

static void
test_decision_page_one (void)
{
  g_autoptr(GBytes) pdf = render_decision ("", 2, 3, NULL);
  g_autoptr(PopplerDocument) doc = open_pdf (pdf);
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
  double left = TD_DECISION_MARGIN_LEFT * PT_PER_MM;
  double split = left + (TD_DECISION_PAGE_WIDTH - TD_DECISION_MARGIN_LEFT - TD_DECISION_MARGIN_RIGHT)
                        * TD_DECISION_HEADER_LEFT * PT_PER_MM;
  PopplerRectangle issuer, nation, motto, number, date, draft, title;
  double length;

  /* No number on page 1, nothing outside the margins. */
  g_assert_cmpint (check_margins (page), ==, 0);

  /* The two header columns. */
  g_assert_true (find_on (page, "ỦY BAN NHÂN DÂN", &issuer));
  g_assert_true (find_on (page, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", &nation));
  g_assert_true (find_on (page, "Độc lập - Tự do - Hạnh phúc", &motto));
  g_assert_true (find_on (page, "Số: …/QĐ-UBND", &number));
  g_assert_true (find_on (page, "Bắc Ninh, ngày 05 tháng 01 năm 2026", &date));
  g_assert_cmpfloat (issuer.x2, <=, split);
  g_assert_cmpfloat (number.x2, <=, split);
  g_assert_cmpfloat (nation.x1, >=, split);
  g_assert_cmpfloat (date.x1, >=, split);
  g_assert_cmpfloat (fabs (issuer.y1 - nation.y1), <, 3);          /* both start at the top */
  g_assert_cmpfloat (fabs (number.y1 - date.y1), <, 1.5);          /* number and date on one line */

  /* The motto's rule is exactly as long as the motto; the issuing body's is 1/3 to 1/2 of it. */
  length = rule_under (page, &motto, 8);
  g_assert_cmpfloat (fabs (length - (motto.x2 - motto.x1)), <, 1.5);
  {
    PopplerRectangle province;
    g_assert_true (find_on (page, "TỈNH BẮC NINH", &province));
    length = rule_under (page, &province, 6);
    g_assert_cmpfloat (length, >=, (province.x2 - province.x1) / 3 - 0.5);
    g_assert_cmpfloat (length, <=, (province.x2 - province.x1) / 2 + 0.5);
  }

  /* The boxed draft mark under the number. */
  g_assert_true (find_on (page, "DỰ THẢO", &draft));
  g_assert_cmpfloat (draft.y1, >, number.y2);
  g_assert_cmpfloat (draft.x2, <=, split);

  /* Sizes and faces of the key elements. */
  assert_font (page, "CỘNG HÒA XÃ HỘI", 12, "Bold");
  assert_font (page, "Độc lập", 13, "Bold");
  assert_font (page, "Số:", 13, "");
  assert_font (page, "Bắc Ninh, ngày", 13, "Italic");
  assert_font (page, "QUYẾT ĐỊNH", 14, "Bold");
  assert_font (page, "Về việc tặng", 14, "Bold");
  assert_font (page, "CHỦ TỊCH ỦY BAN", 14, "Bold");
  assert_font (page, "Căn cứ Luật Thi đua", 14, "Italic");
  assert_font (page, "Điều 1.", 14, "Bold");
  assert_font (page, "Tặng Bằng khen", 14, "");

  /* The title is centred on the text area. */
  g_assert_true (find_on (page, "QUYẾT ĐỊNH", &title));
  g_assert_cmpfloat (fabs ((title.x1 + title.x2) / 2 - (left + (TD_DECISION_PAGE_WIDTH - TD_DECISION_MARGIN_RIGHT)
                                                                * PT_PER_MM) / 2), <, 1);
}

static void
test_decision_text (void)
{
  g_autoptr(GBytes) pdf = render_decision ("5", 2, 1, NULL);
  g_autoptr(PopplerDocument) doc = open_pdf (pdf);
  g_autoptr(PopplerPage) page = poppler_document_get_page (doc, 0);
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle r;

  /* Lines joined: what is checked may wrap anywhere. */
  g_strdelimit (text, "\n", ' ');
  /* A numbered decision: leading zero, no draft mark. */
  g_assert_true (find_on (page, "Số: 05/QĐ-UBND", &r));
  g_assert_false (find_on (page, "DỰ THẢO", &r));
  /* {awardees} filled in, bases end with ";", the text ends with "./.". */
  g_assert_nonnull (strstr (text, "02 tập thể và 01 cá nhân"));
  g_assert_nonnull (strstr (text, "năm 2022;"));
  g_assert_nonnull (strstr (text, "Theo đề nghị của Giám đốc Sở Nội vụ."));
  g_assert_nonnull (strstr (text, "thi hành Quyết định này./."));
  g_assert_nonnull (strstr (text, "- Lưu: VT, KGVX."));
  assert_font (page, "Nơi nhận:", 12, "BoldItalic");
  assert_font (page, "Như Điều 2", 11, "");
  assert_font (page, "Mai Sơn", 14, "Bold");
}

static void
test_decision_list (void)
{
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(GBytes) pdf = render_decision ("12", 25, 160, &awardees);
  g_autoptr(PopplerDocument) doc = open_pdf (pdf);
  int first = page_with (doc, 0, "DANH SÁCH");
  int n_pages = poppler_document_get_n_pages (doc);

  g_assert_cmpint (first, >, 0);
  g_assert_cmpint (n_pages - first, >=, 6);
  /* Decision pages numbered from 2; the list's own numbering starts again. */
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      int expected = i < first ? i + 1 : i - first + 1;
      PopplerRectangle r;

      g_assert_cmpint (check_margins (page), ==, expected == 1 ? 0 : expected);
      /* The table header on every page of the list. */
      if (i >= first)
        g_assert_true (find_on (page, "Chức vụ, đơn vị công tác", &r));
    }
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (doc, first);
    PopplerRectangle r;
    g_assert_true (find_on (page, "(Kèm theo Quyết định số 12/QĐ-UBND ngày 05 tháng 01 năm 2026", &r));
    assert_font (page, "TT", 13, "Bold");
    assert_font (page, "I. TẬP THỂ (25)", 13, "Bold");
  }
  /* No row split: each individual's name and the last word of their position, and each
   * collective's name, on one page. */
  for (guint i = 0; i < awardees->len; i++)
    {
      TdNomination *n = awardees->pdata[i];
      const char *name = n->individual ? n->person_name : n->unit_name;
      int at = page_with (doc, first, name);

      g_assert_cmpint (at, >=, first);
      if (n->individual)
        {
          const char *token = strrchr (n->person_position, ' ') + 1;
          g_autoptr(PopplerPage) page = poppler_document_get_page (doc, at);
          PopplerRectangle r;
          g_assert_true (find_on (page, token, &r));
        }
    }
}

/* ---- certificates ------------------------------------------------------------------------ */

static TdCertificate *
certificate_for (const char *recipient,
                 const char *unit)
{
  TdCertificate *c = g_new0 (TdCertificate, 1);

  c->recipient = g_strdup (recipient);
  c->unit = g_strdup (unit);
  c->achievement = g_strdup ("Đã có thành tích xuất sắc trong phong trào thi đua “Chuyển đổi số trên địa bàn tỉnh "
                             "Bắc Ninh đến năm 2026”, góp phần hoàn thành thắng lợi nhiệm vụ chính trị của tỉnh");
  c->decision = g_strdup ("Quyết định số 05/QĐ-UBND ngày 08/10/2026");
  c->register_no = g_strdup ("Số sổ vàng: 001/2026");
  c->place_date = g_strdup ("Bắc Ninh, ngày 08 tháng 10 năm 2026");
  c->authority = g_strdup ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH");
  c->award = g_strdup ("BẰNG KHEN");
  c->signer_title = g_strdup ("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH");
  c->signer_name = g_strdup ("Mai Sơn");
  return c;
}

static GArray *
place (const char          *template_name,
       const TdCertificate *c,
       double               dx,
       double               dy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCertificateTemplate) t = td_certificate_template_load (template_name, &error);
  GArray *placements = g_array_new (FALSE, FALSE, sizeof (TdFieldPlacement));
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = td_doc_context_new (cr);

  g_assert_no_error (error);
  td_certificate_draw (cr, context, t, c, dx, dy, placements);
  g_object_unref (context);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return placements;
}

static void
test_certificate_fit (void)
{
  g_autoptr(GString) long_org = g_string_new ("Tổ Công nghệ số cộng đồng");
  static const char *long_name =
    "Tôn Nữ Hoàng Thị Ngọc Ánh Nguyễn Phước Bửu Chưởng Tôn Thất Đặng Huỳnh Thượng Quỳnh Hương Trường Xuân";

  while (g_utf8_strlen (long_org->str, -1) < 200)
    g_string_append (long_org, " thôn Đông Hồ, xã Song Hồ, Ặ ỗ ữ");
  g_string_truncate (long_org, strlen (g_utf8_offset_to_pointer (long_org->str, 200)) == 0 ? long_org->len
                     : (gsize) (g_utf8_offset_to_pointer (long_org->str, 200) - long_org->str));
  g_assert_cmpint (g_utf8_strlen (long_org->str, -1), ==, 200);

  for (const char * const *name = td_certificate_template_names (); *name; name++)
    {
      const char *recipients[] = { "Nguyễn Thị Ngọc Ánh", long_name, long_org->str };

      for (guint r = 0; r < G_N_ELEMENTS (recipients); r++)
        {
          g_autoptr(TdCertificate) c = certificate_for (recipients[r], r == 2 ? long_org->str : "Sở Khoa học và Công nghệ");
          g_autoptr(GArray) placements = place (*name, c, 0, 0);

          g_assert_cmpuint (placements->len, >=, 8);
          for (guint i = 0; i < placements->len; i++)
            {
              TdFieldPlacement *p = &g_array_index (placements, TdFieldPlacement, i);
              const double eps = 0.01;

              if (g_test_verbose ())
                g_test_message ("%s %s: %.1f pt, %d lines", *name, p->name, p->size, p->lines);
              g_assert_cmpfloat (p->text_x, >=, p->box_x - eps);
              g_assert_cmpfloat (p->text_x + p->text_width, <=, p->box_x + p->box_width + eps);
              g_assert_cmpfloat (p->text_y, >=, p->box_y - eps);
              g_assert_cmpfloat (p->text_y + p->text_height, <=, p->box_y + p->box_height + eps);
            }
        }
    }
}

static void
test_certificate_name_size (void)
{
  /* A name of normal length keeps the template's size; a very long one shrinks and wraps. */
  g_autoptr(TdCertificate) normal = certificate_for ("Nguyễn Thị Ngọc Ánh", "");
  g_autoptr(TdCertificate) long_one = certificate_for ("Tôn Nữ Hoàng Thị Ngọc Ánh Nguyễn Phước Bửu Chưởng Tôn Thất "
                                                      "Đặng Huỳnh Thượng Quỳnh Hương Trường Xuân Hạ Thu Đông", "");
  g_autoptr(GArray) a = place ("full-a3", normal, 0, 0);
  g_autoptr(GArray) b = place ("full-a3", long_one, 0, 0);
  TdFieldPlacement *pa = NULL, *pb = NULL;

  for (guint i = 0; i < a->len; i++)
    if (g_str_equal (g_array_index (a, TdFieldPlacement, i).name, "recipient"))
      pa = &g_array_index (a, TdFieldPlacement, i);
  for (guint i = 0; i < b->len; i++)
    if (g_str_equal (g_array_index (b, TdFieldPlacement, i).name, "recipient"))
      pb = &g_array_index (b, TdFieldPlacement, i);
  g_assert_nonnull (pa);
  g_assert_nonnull (pb);
  g_assert_cmpfloat (pa->size, ==, 36);
  g_assert_cmpint (pa->lines, ==, 1);
  g_assert_cmpfloat (pb->size, <, 36);
}

static void
test_certificate_offset (void)
{
  g_autoptr(TdCertificate) c = certificate_for ("Nguyễn Thị Ngọc Ánh", "Sở Khoa học và Công nghệ");
  g_autoptr(GArray) a = place ("blank-a3", c, 0, 0);
  g_autoptr(GArray) b = place ("blank-a3", c, 2.5, -1.5);

  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      TdFieldPlacement *pa = &g_array_index (a, TdFieldPlacement, i);
      TdFieldPlacement *pb = &g_array_index (b, TdFieldPlacement, i);

      g_assert_cmpstr (pa->name, ==, pb->name);
      g_assert_cmpfloat (fabs (pb->box_x - pa->box_x - 2.5), <, 1e-9);
      g_assert_cmpfloat (fabs (pb->box_y - pa->box_y + 1.5), <, 1e-9);
      g_assert_cmpfloat (fabs (pb->text_x - pa->text_x - 2.5), <, 1e-6);
      g_assert_cmpfloat (fabs (pb->text_y - pa->text_y + 1.5), <, 1e-6);
      g_assert_cmpfloat (pa->size, ==, pb->size);
    }
}

static void
test_certificate_pdf (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCertificateTemplate) t = td_certificate_template_load ("blank-a4", &error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_certificate_free);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  PopplerRectangle r;
  double w, h;

  g_assert_no_error (error);
  g_ptr_array_add (list, certificate_for ("Nguyễn Thị Ngọc Ánh", "Sở Khoa học và Công nghệ"));
  g_ptr_array_add (list, certificate_for ("Phường Kinh Bắc", ""));
  pdf = td_certificates_render_pdf (t, list, 0, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 2);
  page = poppler_document_get_page (doc, 0);
  poppler_page_get_size (page, &w, &h);
  g_assert_cmpfloat (fabs (w - 297 * PT_PER_MM), <, 0.5);   /* A4 landscape */
  g_assert_cmpfloat (fabs (h - 210 * PT_PER_MM), <, 0.5);
  g_assert_true (find_on (page, "Nguyễn Thị Ngọc Ánh", &r));
  /* A blank's template prints no fixed wording. */
  g_assert_false (find_on (page, "BẰNG KHEN", &r));

  /* Cancelled: an error, no PDF. */
  g_cancellable_cancel (cancellable);
  g_clear_pointer (&pdf, g_bytes_unref);
  pdf = td_certificates_render_pdf (t, list, 0, 0, cancellable, NULL, NULL, &error);
  g_assert_null (pdf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_certificate_bad_template (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);
  static const char * const bad[] = {
    "not json",
    "[]",
    "{\"page_mm\": [420, 297]}",
    "{\"page_mm\": [420, 297], \"fields\": [{\"name\": \"x\", \"box_mm\": [400, 10, 50, 10], \"size\": 12}]}",
    "{\"page_mm\": [420, 297], \"fields\": [{\"name\": \"x\", \"box_mm\": [10, 10, 50, 10], \"size\": -1}]}",
    "{\"page_mm\": [420, 297], \"fields\": [{\"name\": \"x\", \"box_mm\": [10, 10, 50, 10], \"size\": 12,"
    " \"colour\": \"red\"}]}",
    /* The signer's name on the frame's inner line (12 + 10 mm from the edge). */
    "{\"page_mm\": [420, 297], \"border\": {\"inset_mm\": 12, \"width_mm\": 10}, \"fields\": [{\"name\": "
    "\"signer_name\", \"box_mm\": [225, 265, 160, 10], \"size\": 14}]}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdCertificateTemplate) t = NULL;

      g_assert_true (g_file_set_contents (path, bad[i], -1, NULL));
      t = td_certificate_template_load (path, &error);
      g_assert_null (t);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
      g_assert_nonnull (strstr (error->message, "bad.json"));
      if (i == G_N_ELEMENTS (bad) - 1)
        g_assert_nonnull (strstr (error->message, "reaches into the border"));
    }
  /* Every template the app ships keeps its text off its frame. */
  for (const char * const *name = td_certificate_template_names (); *name != NULL; name++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdCertificateTemplate) t = td_certificate_template_load (*name, &error);

      g_assert_no_error (error);
      g_assert_nonnull (t);
    }
  {
    g_autoptr(GError) error = NULL;
    g_assert_null (td_certificate_template_load ("no-such-template", &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  }
  td_test_cleanup_dir (dir);
}

static void
test_calibration_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCertificateTemplate) t = td_certificate_template_load ("blank-a3", &error);
  g_autoptr(GBytes) pdf = td_certificate_render_calibration (t, 2, 0, &error);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  PopplerRectangle r10, r20, recipient;

  g_assert_no_error (error);
  doc = open_pdf (pdf);
  page = poppler_document_get_page (doc, 0);
  /* Grid labels every 10 mm, moved by the offset; each field's box named. */
  g_assert_true (find_on (page, "100", &r10));
  g_assert_true (find_on (page, "110", &r20));
  g_assert_cmpfloat (fabs ((r20.x1 - r10.x1) - 10 * PT_PER_MM), <, 0.5);
  g_assert_cmpfloat (fabs (r10.x1 - (102 * PT_PER_MM + 1)), <, 0.5);
  g_assert_true (find_on (page, "recipient", &recipient));
  g_assert_true (find_on (page, "Độ lệch đang dùng: ngang 2", &r10));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/documents/decision/page-one", test_decision_page_one);
  g_test_add_func ("/documents/decision/text", test_decision_text);
  g_test_add_func ("/documents/decision/attached-list", test_decision_list);
  g_test_add_func ("/documents/certificate/fit", test_certificate_fit);
  g_test_add_func ("/documents/certificate/name-size", test_certificate_name_size);
  g_test_add_func ("/documents/certificate/offset", test_certificate_offset);
  g_test_add_func ("/documents/certificate/pdf", test_certificate_pdf);
  g_test_add_func ("/documents/certificate/bad-template", test_certificate_bad_template);
  g_test_add_func ("/documents/certificate/calibration", test_calibration_page);
  return g_test_run ();
}
