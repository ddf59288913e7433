/* test-dossier.c: the documents of the commendation dossier, made from the sample's database and
 * read back like the decision: every character inside the margins, the Decree 30 fonts, every
 * part present, the nominees' names intact, the table of contents true. */
#include "td-demo.h"
#include "td-dossier-pdf.h"
#include "td-test-poppler.h"
#include "td-test-util.h"

typedef struct {
  char       *dir;
  TdDatabase *db;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  td_test_install_pdf_checker ();
  f->dir = td_test_make_dir ();
  path = g_build_filename (f->dir, "dossier.db", NULL);
  f->db = td_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (td_catalog_ensure_seed (f->db, &error));
  g_assert_true (td_demo_populate (f->db, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static char *
all_text (PopplerDocument *doc)
{
  GString *out = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);

      g_string_append_printf (out, "%s\n", text);
    }
  g_strdelimit (out->str, "\n", ' ');
  return g_string_free (out, FALSE);
}

/* Margins on every page, and @needles somewhere in the text. */
static PopplerDocument *
check_document (GBytes             *pdf,
                const char * const *needles)
{
  PopplerDocument *doc = open_pdf (pdf);
  g_autofree char *text = all_text (doc);

  g_assert_cmpint (poppler_document_get_n_pages (doc), >, 0);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      int number = check_margins (page);

      /* From page 2 the page number stands in the top margin. */
      if (i > 0)
        g_assert_cmpint (number, ==, i + 1);
    }
  for (guint i = 0; needles[i]; i++)
    {
      if (strstr (text, needles[i]) == NULL)
        g_error ("“%s” is not in the document", needles[i]);
    }
  return doc;
}

static void
test_proposal_and_minutes (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdProposal) proposal = td_proposal_load (f->db, 0, 0, &error);
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) minutes = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerDocument) mdoc = NULL;
  g_autoptr(PopplerPage) first = NULL;
  static const char * const proposal_parts[] = {
    "TỜ TRÌNH", "Kính gửi: Chủ tịch Ủy ban nhân dân tỉnh Bắc Ninh.", "Căn cứ Luật Thi đua, khen thưởng",
    "Xã Tiên Du", "Sở Khoa học và Công nghệ đã thẩm định", "Sở Nội vụ đã hiệp y", "Thường trực Hội đồng Thi đua", "ngày 01/10/2026", "3/4",
    "Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Nội vụ kính trình", "GIÁM ĐỐC", "Nơi nhận:", "TTr-SKHCN",
    NULL,
  };
  static const char * const minutes_parts[] = {
    /* The standing committee sat (the campaign's rule for the Bằng khen): three of its four, the
     * Chairman's written opinion counted for every nominee. */
    "BIÊN BẢN", "Họp Thường trực Hội đồng Thi đua – Khen thưởng tỉnh", "Tổng số thành viên: 4; có mặt: 3.", "Mai Sơn",
    "Đặng Thị Lan", "trên một nửa", "Phường Kinh Bắc", "Nguyễn Thị Ngọc Ánh", "Thông qua (4/4)", "Thông qua (3/4)",
    "THƯ KÝ", "CHỦ TRÌ", "Phòng họp số 1", "08 giờ 00", "10 giờ 30", "Mai Sơn", "(+1 bằng", NULL,
  };

  g_assert_no_error (error);
  /* The sample's Xã Tiên Du passed the council and waits for the decision. */
  g_assert_cmpuint (proposal->nominations->len, ==, 1);
  g_assert_nonnull (proposal->meeting);
  pdf = td_proposal_render_pdf (proposal, &error);
  g_assert_no_error (error);
  doc = check_document (pdf, proposal_parts);
  first = poppler_document_get_page (doc, 0);
  assert_font (first, "TỜ TRÌNH", 14, "Bold");
  assert_font (first, "Căn cứ Luật", 14, "Italic");
  assert_font (first, "SỞ KHOA HỌC", 13, "Bold");
  /* The signature and the end of the text on one page. */
  g_assert_cmpint (page_with (doc, 0, "GIÁM ĐỐC"), ==, page_with (doc, 0, "./."));

  minutes = td_minutes_render_pdf (proposal, &error);
  g_assert_no_error (error);
  mdoc = check_document (minutes, minutes_parts);
  g_assert_cmpint (page_with (mdoc, 0, "CHỦ TRÌ"), ==, page_with (mdoc, 0, "./."));
}

static cairo_surface_t *
fake_page (guint     index,
           guint     page,
           gpointer  user_data,
           GError  **error)
{
  cairo_surface_t *image;
  cairo_t *cr;

  /* The second page of the first file cannot be drawn: the dossier says so and goes on. */
  if (index == 0 && page == 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "hỏng");
      return NULL;
    }
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 595, 842);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_paint (cr);
  cairo_destroy (cr);
  (*(guint *) user_data)++;
  return image;
}

static void
test_dossier (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDossier) d = td_dossier_load (f->db, 2, &error);   /* Nguyễn Thị Ngọc Ánh */
  g_autoptr(GBytes) report = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerDocument) rdoc = NULL;
  g_autoptr(PopplerPage) cover = NULL;
  g_autofree char *cover_text = NULL;
  guint drawn = 0, evidence_pages = 0;
  static const char * const report_parts[] = {
    "BÁO CÁO THÀNH TÍCH", "Họ và tên: Nguyễn Thị Ngọc Ánh", "I. SƠ LƯỢC LÝ LỊCH", "II. THÀNH TÍCH ĐẠT ĐƯỢC",
    "III. CÁC TIÊU CHUẨN ĐÃ ĐẠT", "IV. CÁC HÌNH THỨC ĐÃ ĐƯỢC KHEN THƯỞNG",
    /* A person's own report: her profile, her signature, her head's confirmation. */
    "Chức vụ: Phó Chánh Văn phòng Sở Tài chính", "NGƯỜI BÁO CÁO THÀNH TÍCH", "XÁC NHẬN CỦA THỦ TRƯỞNG", "Đánh giá",
    NULL,
  };
  static const char * const dossier_parts[] = {
    "HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG", "MỤC LỤC", "BÁO CÁO THÀNH TÍCH", "QUÁ TRÌNH XÉT, THẨM ĐỊNH",
    "Kiểm tra điều kiện khen thưởng", "DANH MỤC MINH CHỨNG", "Hiệp y, thẩm định hồ sơ", "Chấp nhận ngoại lệ",
    "Hội đồng bỏ phiếu: thông qua 3/4", "Không vẽ được trang này: hỏng", NULL,
  };

  g_assert_no_error (error);
  g_assert_cmpuint (d->targets->len, >, 0);
  g_assert_cmpuint (d->history->len, >=, 5);
  report = td_achievement_report_render_pdf (d, &error);
  g_assert_no_error (error);
  rdoc = check_document (report, report_parts);
  /* A ward's report is dated at the ward, not at the province. */
  {
    g_autoptr(TdDossier) ward = td_dossier_load (f->db, 1, &error);   /* Phường Kinh Bắc */
    g_autoptr(GBytes) ward_report = NULL;
    g_autoptr(PopplerDocument) wdoc = NULL;
    static const char * const ward_parts[] = { "Kinh Bắc, ngày", NULL };

    g_assert_no_error (error);
    ward_report = td_achievement_report_render_pdf (ward, &error);
    g_assert_no_error (error);
    wdoc = check_document (ward_report, ward_parts);
  }
  {
    g_autoptr(PopplerPage) page = poppler_document_get_page (rdoc, 0);
    assert_font (page, "BÁO CÁO THÀNH TÍCH", 14, "Bold");
  }

  for (guint i = 0; i < d->evidence->len; i++)
    evidence_pages += ((TdEvidenceItem *) d->evidence->pdata[i])->pages;
  g_assert_cmpuint (evidence_pages, >, 1);
  pdf = td_dossier_render_pdf (d, fake_page, &drawn, &error);
  g_assert_no_error (error);
  doc = check_document (pdf, dossier_parts);
  g_assert_cmpuint (drawn, ==, evidence_pages - 1);
  /* Every evidence page has a page of its own, after the parts. */
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==,
                   page_with (doc, 0, "DANH MỤC MINH CHỨNG") + 1 + (int) evidence_pages);
  /* The table of contents says where each part starts. */
  cover = poppler_document_get_page (doc, 0);
  cover_text = poppler_page_get_text (cover);
  {
    static const struct { const char *part; const char *heading; } parts[] = {
      { "Báo cáo thành tích", "BÁO CÁO THÀNH TÍCH" },
      { "Quá trình xét, thẩm định", "QUÁ TRÌNH XÉT, THẨM ĐỊNH" },
      { "Danh mục minh chứng", "DANH MỤC MINH CHỨNG" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        g_autofree char *entry = g_strdup_printf ("%s%d", parts[i].part, page_with (doc, 1, parts[i].heading) + 1);
        g_autoptr(GString) flat = g_string_new (cover_text);
        g_autoptr(GString) want = g_string_new (entry);

        /* Table cells come out of the text layer without spaces between them. */
        g_string_replace (flat, " ", "", 0);
        g_string_replace (flat, "\n", "", 0);
        g_string_replace (want, " ", "", 0);
        if (strstr (flat->str, want->str) == NULL)
          g_error ("the table of contents has no “%s”: %s", entry, flat->str);
      }
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/dossier/proposal-and-minutes", Fixture, NULL, fixture_setup, test_proposal_and_minutes,
              fixture_teardown);
  g_test_add ("/dossier/report-and-dossier", Fixture, NULL, fixture_setup, test_dossier, fixture_teardown);
  return g_test_run ();
}
