/* test-award-documents.c: decisions by each issuer's own authority, the award register, and
 * the layout rules a signed decision keeps (issuing body broken between word groups, its short
 * rule, the signature never alone), read back from the PDF with poppler. */
#include "td-certificate.h"
#include "td-doc-breaks.h"
#include "td-test-poppler.h"
#include "td-test-award.h"

/* ---- a real-length register ------------------------------------------------------------ */

/* Names of bodies as a province's register has them, with "|" between the groups a reader
 * keeps together: no line of the issuing body may end inside one. */
static const char * const names[] = {
  "SỞ|KHOA HỌC|VÀ|CÔNG NGHỆ", "SỞ|NỘI VỤ", "SỞ|TÀI CHÍNH", "SỞ|XÂY DỰNG", "SỞ|Y TẾ", "SỞ|TƯ PHÁP",
  "SỞ|CÔNG THƯƠNG", "SỞ|GIÁO DỤC|VÀ|ĐÀO TẠO", "SỞ|NÔNG NGHIỆP|VÀ|MÔI TRƯỜNG", "SỞ|VĂN HÓA,|THỂ THAO|VÀ|DU LỊCH",
  "SỞ|DÂN TỘC|VÀ|TÔN GIÁO", "SỞ|NGOẠI VỤ", "THANH TRA|TỈNH BẮC NINH", "VĂN PHÒNG|ỦY BAN NHÂN DÂN|TỈNH BẮC NINH",
  "VĂN PHÒNG|HỘI ĐỒNG NHÂN DÂN|TỈNH BẮC NINH", "BAN|QUẢN LÝ|CÁC|KHU CÔNG NGHIỆP|TỈNH BẮC NINH",
  "TRUNG TÂM|PHỤC VỤ|HÀNH CHÍNH CÔNG|TỈNH BẮC NINH", "HỘI NÔNG DÂN|TỈNH BẮC NINH", "HỘI|LIÊN HIỆP|PHỤ NỮ|TỈNH BẮC NINH",
  "LIÊN ĐOÀN|LAO ĐỘNG|TỈNH BẮC NINH", "ĐOÀN|THANH NIÊN|CỘNG SẢN|HỒ CHÍ MINH|TỈNH BẮC NINH",
  "HỘI CỰU CHIẾN BINH|TỈNH BẮC NINH", "BỘ CHỈ HUY|QUÂN SỰ|TỈNH BẮC NINH", "CÔNG AN|TỈNH BẮC NINH",
  "BẢO HIỂM|XÃ HỘI|TỈNH BẮC NINH", "KHO BẠC|NHÀ NƯỚC|KHU VỰC|VI", "CÔNG TY|CỔ PHẦN|CÔNG NGHỆ|ĐÔNG HỒ",
  "CÔNG TY|CỔ PHẦN|PHẦN MỀM|KINH BẮC", "CÔNG TY|TNHH|DỮ LIỆU|SỐ|QUAN HỌ", "VIỄN THÔNG|BẮC NINH",
  "BƯU ĐIỆN|TỈNH BẮC NINH", "CÔNG TY|ĐIỆN LỰC|BẮC NINH", "BỆNH VIỆN|ĐA KHOA|TỈNH BẮC NINH",
  "TRƯỜNG|CAO ĐẲNG|CÔNG NGHIỆP|BẮC NINH", "TRUNG TÂM|CHUYỂN ĐỔI SỐ|TỈNH BẮC NINH",
  "CÔNG TY|TRÁCH NHIỆM HỮU HẠN|MỘT THÀNH VIÊN|KHAI THÁC|CÔNG TRÌNH|THỦY LỢI|BẮC NINH",
  "TỔ|CÔNG NGHỆ SỐ|CỘNG ĐỒNG|THÔN ĐÔNG HỒ", "TỔ|CÔNG NGHỆ SỐ|CỘNG ĐỒNG|XÃ TIÊN DU",
  "ỦY BAN NHÂN DÂN|XÃ TIÊN DU", "ỦY BAN NHÂN DÂN|PHƯỜNG THUẬN THÀNH", "ỦY BAN NHÂN DÂN|PHƯỜNG KINH BẮC",
  "ỦY BAN NHÂN DÂN|XÃ GIA BÌNH", "ỦY BAN NHÂN DÂN|PHƯỜNG TỪ SƠN", "ỦY BAN NHÂN DÂN|XÃ LƯƠNG TÀI",
  "ỦY BAN NHÂN DÂN|PHƯỜNG VÕ CƯỜNG", "ỦY BAN NHÂN DÂN|PHƯỜNG PHƯƠNG LIỄU", "ỦY BAN NHÂN DÂN|XÃ NHÂN THẮNG",
  "ỦY BAN NHÂN DÂN|PHƯỜNG ĐỒNG NGUYÊN", "ỦY BAN NHÂN DÂN|XÃ ĐẠI ĐỒNG THÀNH", "ỦY BAN NHÂN DÂN|PHƯỜNG NHÂN HÒA",
  "ỦY BAN NHÂN DÂN|XÃ YÊN PHONG", "ỦY BAN NHÂN DÂN|XÃ LẠNG GIANG", "ỦY BAN NHÂN DÂN|PHƯỜNG BẮC GIANG",
  "ỦY BAN NHÂN DÂN|XÃ SƠN ĐỘNG", "ỦY BAN NHÂN DÂN|XÃ TÂN YÊN", "ỦY BAN NHÂN DÂN|PHƯỜNG CHŨ",
  "ỦY BAN NHÂN DÂN|XÃ HIỆP HÒA", "ỦY BAN NHÂN DÂN|PHƯỜNG VIỆT YÊN", "ỦY BAN NHÂN DÂN|XÃ LỤC NAM",
  "ỦY BAN NHÂN DÂN|XÃ BIÊN SƠN", "HỘI ĐỒNG|THI ĐUA|KHEN THƯỞNG|TỈNH BẮC NINH",
};

static GBytes *
render (TdDecision *d,
        GPtrArray  *awardees)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = td_decision_render_pdf (d, awardees, &error);

  g_assert_no_error (error);
  return pdf;
}

/* The text of the issuing body as laid out: the left header column from the top margin down to
 * the number line, one string per line. */
static GStrv
header_lines (PopplerPage *page)
{
  double left = TD_DECISION_MARGIN_LEFT * TD_MM;
  double right = left + (TD_DECISION_PAGE_WIDTH - TD_DECISION_MARGIN_LEFT - TD_DECISION_MARGIN_RIGHT) * TD_MM *
                        TD_DECISION_HEADER_LEFT;
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  GList *hits = poppler_page_find_text (page, "Số:");
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(GString) line = g_string_new (NULL);
  double h, bottom, line_y = -1;
  const char *p = text;

  g_assert_nonnull (hits);
  poppler_page_get_size (page, NULL, &h);
  bottom = h - ((PopplerRectangle *) hits->data)->y2 - 1;   /* above the number line */
  g_list_free_full (hits, (GDestroyNotify) poppler_rectangle_free);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
  /* Every character whose box lies in the left column above the number, line by line. */
  for (guint c = 0; c < n_rects && *p; c++, p = g_utf8_next_char (p))
    {
      double cx = (rects[c].x1 + rects[c].x2) / 2;
      gunichar ch = g_utf8_get_char (p);

      if (ch == '\n' || cx < left || cx > right || rects[c].y1 >= bottom)
        continue;
      if (line_y >= 0 && fabs (rects[c].y1 - line_y) > 3)
        {
          g_strv_builder_add (out, g_strstrip (line->str));
          g_string_truncate (line, 0);
        }
      line_y = rects[c].y1;
      g_string_append_unichar (line, ch);
    }
  if (line->len > 0)
    g_strv_builder_add (out, g_strstrip (line->str));
  g_free (rects);
  return g_strv_builder_end (out);
}

static void
test_header_groups (void)
{
  g_autoptr(GError) error = NULL;
  guint broken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_auto(GStrv) groups = g_strsplit (names[i], "|", -1);
      g_autofree char *plain = g_strjoinv (" ", groups);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) doc = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_auto(GStrv) lines = NULL;
      g_autoptr(GString) joined = g_string_new (NULL);

      g_assert_no_error (error);
      g_free (d->issuing_body);
      d->issuing_body = g_strdup (plain);
      pdf = render (d, none);
      doc = open_pdf (pdf);
      page = poppler_document_get_page (doc, 0);
      lines = header_lines (page);
      for (guint l = 0; lines[l]; l++)
        {
          g_autofree char *line = g_strstrip (g_strdup (lines[l]));
          gboolean at_boundary = FALSE;

          g_string_append_printf (joined, "%s%s", l ? " " : "", line);
          /* Where this line ends, a group must end too. */
          {
            g_autoptr(GString) prefix = g_string_new (NULL);
            for (guint g = 0; groups[g] && !at_boundary; g++)
              {
                g_string_append_printf (prefix, "%s%s", g ? " " : "", groups[g]);
                at_boundary = g_str_equal (prefix->str, joined->str);
              }
          }
          if (!at_boundary)
            g_test_message ("“%s” breaks inside a group after “%s”", plain, joined->str);
          g_assert_true (at_boundary);
        }
      g_assert_cmpstr (joined->str, ==, plain);
      broken += g_strv_length (lines) > 1;
    }
  /* Most of these names do not fit the column on one line: the test is about their breaks. */
  g_assert_cmpuint (broken, >, G_N_ELEMENTS (names) / 2);
  g_assert_cmpuint (G_N_ELEMENTS (names), >=, 60);
}

/* The short rule under the issuing body, measured on the page drawn by poppler: a dark run in
 * the rows below its last line, ⅓ to ½ as long as that line. */
static void
test_header_rule (void)
{
  static const char * const bodies[] = {
    "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "ỦY BAN NHÂN DÂN\nXÃ TIÊN DU", "SỞ NỘI VỤ",
    "CÔNG TY CỔ PHẦN CÔNG NGHỆ ĐÔNG HỒ", "ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH",
  };
  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
      g_autoptr(GPtrArray) none = g_ptr_array_new ();
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) doc = NULL;
      g_autoptr(PopplerPage) page = NULL;
      g_auto(GStrv) lines = NULL;
      PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      g_autofree char *text = NULL;
      double line_left = G_MAXDOUBLE, line_right = 0, line_bottom = 0, best;

      g_free (d->issuing_body);
      d->issuing_body = g_strdup (bodies[i]);
      pdf = render (d, none);
      doc = open_pdf (pdf);
      page = poppler_document_get_page (doc, 0);
      lines = header_lines (page);
      /* The glyph boxes of the last line of the issuing body. */
      text = poppler_page_get_text (page);
      g_assert_true (poppler_page_get_text_layout (page, &rects, &n_rects));
      {
        const char *last = lines[g_strv_length (lines) - 1];
        const char *at = strstr (text, last);
        glong start, len = g_utf8_strlen (last, -1);

        g_assert_nonnull (at);
        start = g_utf8_pointer_to_offset (text, at);
        for (glong c = start; c < start + len && c < (glong) n_rects; c++)
          {
            line_left = MIN (line_left, rects[c].x1);
            line_right = MAX (line_right, rects[c].x2);
            line_bottom = MAX (line_bottom, rects[c].y2);
          }
      }
      g_free (rects);
      {
        PopplerRectangle last = { line_left, line_bottom - 12, line_right, line_bottom };
        best = rule_under (page, &last, 8);
      }
      {
        double rule = best, line = line_right - line_left;
        g_test_message ("%s: rule %.1f pt under a line of %.1f pt", bodies[i], rule, line);
        g_assert_cmpfloat (rule, >=, line / 3 - 1);
        g_assert_cmpfloat (rule, <=, line / 2 + 1);
      }
    }
}

/* ---- the signature block ------------------------------------------------------------------ */

static GPtrArray *
awardees_new (guint n)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) td_nomination_free);

  for (guint i = 0; i < n; i++)
    {
      TdNomination *a = g_new0 (TdNomination, 1);
      a->individual = TRUE;
      a->person_name = g_strdup_printf ("Nguyễn Văn Thử %03u", i + 1);
      a->person_position = g_strdup ("Chuyên viên");
      a->unit_name = g_strdup ("Sở Khoa học và Công nghệ");
      a->achievement = g_strdup ("Đã có thành tích xuất sắc");
      g_ptr_array_add (list, a);
    }
  return list;
}

static void
test_signature_never_alone (void)
{
  static const guint awardee_counts[] = { 0, 1, 17, 200 };

  for (guint recipients = 1; recipients <= 60; recipients += recipients < 10 ? 1 : 7)
    for (guint a = 0; a < G_N_ELEMENTS (awardee_counts); a++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
        g_autoptr(GPtrArray) awardees = awardees_new (awardee_counts[a]);
        g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
        g_autoptr(GBytes) pdf = NULL;
        g_autoptr(PopplerDocument) doc = NULL;
        int signer, body_end;

        for (guint r = 0; r < recipients; r++)
          {
            g_autofree char *item = g_strdup_printf ("Ủy ban nhân dân phường Thử Nghiệm số %u", r + 1);
            g_strv_builder_add (builder, item);
          }
        g_strfreev (d->recipients);
        d->recipients = g_strv_builder_end (builder);
        pdf = render (d, awardees);
        doc = open_pdf (pdf);
        signer = page_with (doc, 0, "Nơi nhận:");
        body_end = page_with (doc, 0, "./.");
        g_assert_cmpint (signer, >=, 0);
        /* The last words of the body stand on the page of the signature. */
        g_assert_cmpint (body_end, ==, signer);
      }
}

/* ---- issuers, authority and the register -------------------------------------------------- */

typedef struct {
  char       *dir;
  TdDatabase *db;
  gint64      round_id;
  gint64      own_staff, team, ward_staff, bang_khen;
} Fixture;

static gint64
approved (Fixture    *f,
          const char *unit,
          const char *person,
          TdAwardLevel level)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) u = td_catalog_find_unit (f->db, unit, &error);
  TdNominationSpec spec = {
    .round_id = f->round_id, .individual = person != NULL, .unit_id = td_unit_get_id (u),
    .proposer_id = td_unit_get_id (u), .person_name = person, .person_position = "Chuyên viên", .level = level,
    .achievement = "Đã có thành tích xuất sắc trong chuyển đổi số", .standards_attested = TRUE,
  };
  gint64 id = td_nomination_create (f->db, &spec, &error);

  g_assert_no_error (error);
  td_test_nomination_to (f->db, id, TD_NOMINATION_APPROVED);
  return id;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = NULL;

  f->dir = td_test_make_dir ();
  f->db = td_test_open_seeded (f->dir, "issuers.db");
  round = td_catalog_find_round (f->db, 2, &error);
  f->round_id = td_round_get_id (round);
  g_object_unref (td_catalog_add_unit (f->db, "SKHCN", "Sở Khoa học và Công nghệ", TD_UNIT_KIND_DEPARTMENT, NULL, &error));
  g_object_unref (td_catalog_add_unit (f->db, "X-AB", "Xã An Bình", TD_UNIT_KIND_COMMUNE, NULL, &error));
  g_object_unref (td_catalog_add_unit (f->db, "T-AB", "Tổ Công nghệ số cộng đồng xã An Bình",
                                       TD_UNIT_KIND_TEAM_COMMUNE, "X-AB", &error));
  g_object_unref (td_catalog_add_unit (f->db, "P-TS", "Phường Từ Sơn", TD_UNIT_KIND_WARD, NULL, &error));
  g_assert_no_error (error);
  f->own_staff = approved (f, "SKHCN", "Hoàng Minh Tuấn", TD_AWARD_GIAY_KHEN);
  f->team = approved (f, "T-AB", NULL, TD_AWARD_GIAY_KHEN);
  f->ward_staff = approved (f, "P-TS", "Lê Thị Hồng Nhung", TD_AWARD_GIAY_KHEN);
  f->bang_khen = approved (f, "X-AB", NULL, TD_AWARD_BANG_KHEN);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static void
test_issuer_text (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) dept = td_decision_new_for_issuer (f->db, "SKHCN", &error);
  g_autoptr(TdDecision) commune = td_decision_new_for_issuer (f->db, "X-AB", &error);
  g_autoptr(TdDecision) team = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (dept->governing_body, ==, "UBND TỈNH BẮC NINH");
  g_assert_cmpstr (dept->issuing_body, ==, "SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  g_assert_cmpstr (dept->number_suffix, ==, "QĐ-SKHCN");
  g_assert_cmpstr (dept->authority, ==, "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ");
  /* The proposer and Điều 2 name the same office. */
  g_assert_cmpstr (dept->proposer, ==, "Chánh Văn phòng Sở");
  g_assert_nonnull (strstr (dept->articles[1], "Chánh Văn phòng Sở,"));
  g_assert_null (strstr (dept->articles[1], "Trưởng phòng Văn phòng"));
  g_assert_cmpstr (dept->issuer_code, ==, "SKHCN");
  g_assert_cmpint (dept->level, ==, TD_AWARD_GIAY_KHEN);

  g_assert_cmpstr (commune->issuing_body, ==, "ỦY BAN NHÂN DÂN\nXÃ AN BÌNH");
  g_assert_cmpstr (commune->governing_body, ==, "");
  g_assert_cmpstr (commune->place, ==, "An Bình");
  g_assert_cmpstr (commune->number_suffix, ==, "QĐ-UBND");
  g_assert_cmpstr (commune->summary, ==, "Về việc tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã An Bình");
  g_assert_nonnull (strstr (commune->proposer, "xã An Bình"));
  g_assert_nonnull (strstr (commune->articles[1], commune->proposer));

  /* A team gives no Giấy khen of its own. */
  team = td_decision_new_for_issuer (f->db, "T-AB", &error);
  g_assert_null (team);
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY);
}

static void
test_authority (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) dept = td_decision_new_for_issuer (f->db, "SKHCN", &error);
  g_autoptr(TdDecision) commune = td_decision_new_for_issuer (f->db, "X-AB", &error);
  g_autoptr(TdNomination) ward = td_nomination_get (f->db, f->ward_staff, &error);

  dept->round_id = commune->round_id = f->round_id;
  /* The ward's staff are not the department's to award: refused, nothing moved. */
  g_assert_cmpint (td_decision_create (f->db, dept, (gint64[]) { f->own_staff, f->ward_staff }, 2, &error), ==, 0);
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY);
  g_assert_nonnull (strstr (error->message, "Lê Thị Hồng Nhung"));
  g_assert_nonnull (strstr (error->message, "Sở Khoa học và Công nghệ"));
  g_clear_error (&error);
  g_assert_false (td_decision_check_authority (f->db, "SKHCN", ward, NULL));
  /* Nor the province's Bằng khen a commune's. */
  g_assert_cmpint (td_decision_create (f->db, commune, &f->bang_khen, 1, &error), ==, 0);
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY);
  g_clear_error (&error);
  /* Its own staff, and a team under a commune, are. */
  g_assert_cmpint (td_decision_create (f->db, dept, &f->own_staff, 1, &error), >, 0);
  g_assert_cmpint (td_decision_create (f->db, commune, &f->team, 1, &error), >, 0);
  g_assert_no_error (error);
}

static void
test_register_numbers (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) a = td_decision_new_for_issuer (f->db, "SKHCN", &error);
  g_autoptr(TdDecision) b = td_decision_new_for_issuer (f->db, "SKHCN", &error);
  g_autoptr(GHashTable) first = NULL;
  g_autoptr(GHashTable) second = NULL;
  gint64 da, db_, another;
  TdAwardQuery q = { .issuer = "SKHCN", .year = 2026 };
  g_autoptr(GPtrArray) book = NULL;
  guint sheets = 0, reprinted = 0;

  a->round_id = b->round_id = f->round_id;
  da = td_decision_create (f->db, a, &f->own_staff, 1, &error);
  g_assert_no_error (error);
  /* A draft gives no number; a date after today, a number 0 or a word are refused. */
  first = td_award_book_numbers_for_decision (f->db, da, &error);
  g_assert_cmpuint (g_hash_table_size (first), ==, 0);
  g_clear_pointer (&first, g_hash_table_unref);
  g_assert_false (td_decision_issue (f->db, da, "3", "2999-01-01", &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (td_decision_issue (f->db, da, "ba", "2026-03-01", &error));
  g_clear_error (&error);
  g_assert_true (td_decision_issue (f->db, da, "3", "2026-03-01", &error));
  first = td_award_book_numbers_for_decision (f->db, da, &error);
  g_assert_cmpstr (g_hash_table_lookup (first, &f->own_staff), ==, "001/2026");

  /* Withdrawn: the number stays, cancelled; the nomination goes back to approved. */
  g_assert_false (td_decision_withdraw (f->db, da, "  ", &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_true (td_decision_withdraw (f->db, da, "Sai tên", &error));
  {
    g_autoptr(TdNomination) n = td_nomination_get (f->db, f->own_staff, &error);
    g_assert_cmpint (n->status, ==, TD_NOMINATION_APPROVED);
    g_assert_cmpint (n->decision_id, ==, 0);
  }
  /* Drafted again: a new number, never 001 again; the old decision's number 3 stays used. */
  db_ = td_decision_create (f->db, b, &f->own_staff, 1, &error);
  g_assert_false (td_decision_issue (f->db, db_, "03", "2026-04-01", &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (td_decision_issue (f->db, db_, "4", "2026-04-01", &error));
  second = td_award_book_numbers_for_decision (f->db, db_, &error);
  g_assert_cmpstr (g_hash_table_lookup (second, &f->own_staff), ==, "002/2026");

  /* Another issuer's book starts at 001 of its own. */
  {
    g_autoptr(TdDecision) c = td_decision_new_for_issuer (f->db, "X-AB", &error);
    g_autoptr(GHashTable) third = NULL;

    c->round_id = f->round_id;
    another = td_decision_create (f->db, c, &f->team, 1, &error);
    g_assert_true (td_decision_issue (f->db, another, "3", "2026-04-02", &error));
    third = td_award_book_numbers_for_decision (f->db, another, &error);
    g_assert_cmpstr (g_hash_table_lookup (third, &f->team), ==, "001/2026");
  }

  book = td_award_book_list (f->db, &q, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (book->len, ==, 2);
  g_assert_true (((TdAwardEntry *) book->pdata[0])->cancelled);
  g_assert_false (((TdAwardEntry *) book->pdata[1])->cancelled);
  g_assert_true (td_award_entry_matches (book->pdata[1], "hoang tuan 2026"));
  g_assert_false (td_award_entry_matches (book->pdata[1], "nhung"));

  /* Blanks counted per print, reprints apart. */
  g_assert_true (td_award_book_record_print (f->db, db_, "blank-a4", 1, FALSE, &error));
  g_assert_true (td_award_book_record_print (f->db, db_, "blank-a4", 1, TRUE, &error));
  g_assert_true (td_award_book_count_prints (f->db, db_, &sheets, &reprinted, &error));
  g_assert_cmpuint (sheets, ==, 2);
  g_assert_cmpuint (reprinted, ==, 1);
}

/* ---- certificates ------------------------------------------------------------------------ */

static void
test_certificate_trial_and_widow (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
  g_autoptr(GPtrArray) awardees = awardees_new (3);
  g_autoptr(TdCertificateTemplate) blank = td_certificate_template_load ("blank-a4", &error);
  g_autoptr(TdCertificateTemplate) full = td_certificate_template_load ("full-a4", &error);
  g_autoptr(GPtrArray) certificates = NULL;
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  TdNomination *n = awardees->pdata[0];

  g_free (n->achievement);
  /* Long enough to wrap, with a last word that would be left alone without the rule. */
  n->achievement = g_strdup ("Đã có thành tích xuất sắc trong triển khai nền tảng số dùng chung, dịch vụ công trực "
                             "tuyến toàn trình và số hóa hồ sơ, kết quả giải quyết thủ tục hành chính trên địa bàn");
  certificates = td_certificates_for_decision (d, awardees, NULL);
  g_assert_false (td_certificates_check_paper (blank, certificates, &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_NOT_ISSUED);
  g_clear_error (&error);
  pdf = td_certificates_render_pdf (blank, certificates, 0, 0, NULL, NULL, NULL, &error);
  g_assert_null (pdf);
  g_clear_error (&error);

  pdf = td_certificates_render_pdf (full, certificates, 0, 0, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  /* The trial stamp on every page. */
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 3);
  for (int i = 1; i < 3; i++)
    {
      g_autoptr(PopplerPage) other = poppler_document_get_page (doc, i);
      g_autofree char *other_text = poppler_page_get_text (other);
      g_assert_nonnull (strstr (other_text, "BẢN IN THỬ – QUYẾT ĐỊNH CHƯA BAN HÀNH"));
    }
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_assert_nonnull (strstr (text, "BẢN IN THỬ"));
  g_assert_nonnull (strstr (text, "Số sổ vàng: …"));
  /* The line that ends the achievement holds more than its last word. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (g_str_has_suffix (g_strstrip (lines[i]), "địa bàn") || g_str_has_suffix (lines[i], "bàn"))
      {
        g_assert_nonnull (strchr (lines[i], ' '));
        g_assert_cmpstr (lines[i], !=, "bàn");
      }
}

/* A department's and a commune's Giấy khen decisions, laid out and read back like the Bằng
 * khen: inside the margins, the Decree 30 fonts, every part naming the same issuer. */
static void
test_issuer_documents (Fixture *f, gconstpointer data)
{
  static const struct { const char *issuer; const char *parts[8]; } cases[] = {
    { "SKHCN", { "UBND TỈNH BẮC NINH", "SỞ KHOA HỌC", "Số: 07/QĐ-SKHCN", "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ",
                 "Theo đề nghị của Chánh Văn phòng Sở.", "Chánh Văn phòng Sở, Thủ trưởng các phòng",
                 "Hoàng Minh Tuấn", NULL } },
    { "X-AB", { "ỦY BAN NHÂN DÂN", "XÃ AN BÌNH", "Số: 07/QĐ-UBND", "An Bình, ngày",
                "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ AN BÌNH", "Tổ Công nghệ số cộng đồng xã An Bình", "CHỦ TỊCH", NULL } },
  };

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TdDecision) d = td_decision_new_for_issuer (f->db, cases[c].issuer, &error);
      g_autoptr(GPtrArray) awardees = NULL;
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(PopplerDocument) doc = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      gint64 id, nomination = c == 0 ? f->own_staff : f->team;

      d->round_id = f->round_id;
      id = td_decision_create (f->db, d, &nomination, 1, &error);
      g_assert_no_error (error);
      g_assert_true (td_decision_issue (f->db, id, "7", "2026-11-02", &error));
      g_clear_pointer (&d, td_decision_free);
      d = td_decision_load (f->db, id, &error);
      awardees = td_decision_list_awardees (f->db, id, &error);
      pdf = render (d, awardees);
      doc = open_pdf (pdf);
      for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
        {
          g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
          g_autofree char *t = poppler_page_get_text (page);

          check_margins (page);
          g_string_append_printf (text, "%s\n", t);
        }
      g_strdelimit (text->str, "\n", ' ');
      for (guint k = 0; cases[c].parts[k]; k++)
        if (strstr (text->str, cases[c].parts[k]) == NULL)
          g_error ("“%s” is not in the decision of %s", cases[c].parts[k], cases[c].issuer);
      {
        g_autoptr(PopplerPage) first = poppler_document_get_page (doc, 0);
        assert_font (first, "QUYẾT ĐỊNH", 14, "Bold");
        assert_font (first, "Căn cứ Luật Thi đua", 14, "Italic");
      }
      /* No draft mark on an issued decision. */
      g_assert_null (strstr (text->str, "DỰ THẢO"));
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/award-documents/header-groups", test_header_groups);
  g_test_add_func ("/award-documents/header-rule", test_header_rule);
  g_test_add_func ("/award-documents/signature-never-alone", test_signature_never_alone);
  g_test_add_func ("/award-documents/certificate-trial-and-widow", test_certificate_trial_and_widow);
  g_test_add ("/award-documents/issuer-text", Fixture, NULL, fixture_setup, test_issuer_text, fixture_teardown);
  g_test_add ("/award-documents/authority", Fixture, NULL, fixture_setup, test_authority, fixture_teardown);
  g_test_add ("/award-documents/register-numbers", Fixture, NULL, fixture_setup, test_register_numbers,
              fixture_teardown);
  g_test_add ("/award-documents/issuer-documents", Fixture, NULL, fixture_setup, test_issuer_documents,
              fixture_teardown);
  return g_test_run ();
}
