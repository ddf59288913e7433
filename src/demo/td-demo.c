/* td-demo.c: the sample province.
 *
 * Everything comes from a fixed-seed GRand and fixed lists, so two runs give the same database
 * (apart from timestamps) and tests can rely on its shape: 1 province, 12 departments, 32
 * communes and wards, 3 enterprises, 2 organisations, 4 community teams. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "td-assessment.h"
#include "td-award.h"
#include "td-appraisal.h"
#include "td-council.h"
#include "td-decision.h"
#include "td-catalog.h"
#include "td-demo.h"
#include "td-evidence.h"

typedef struct {
  const char *code;
  const char *name;
  TdUnitKind  kind;
  const char *parent;
} DemoUnit;

static const DemoUnit demo_units[] = {
  { "BN", "UBND tỉnh Bắc Ninh", TD_UNIT_KIND_PROVINCE, NULL },
  { "SKHCN", "Sở Khoa học và Công nghệ", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "SNV", "Sở Nội vụ", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "VPUBND", "Văn phòng UBND tỉnh", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "STC", "Sở Tài chính", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "SXD", "Sở Xây dựng", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "SYT", "Sở Y tế", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "SGDDT", "Sở Giáo dục và Đào tạo", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "SVHTTDL", "Sở Văn hóa, Thể thao và Du lịch", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "SNNMT", "Sở Nông nghiệp và Môi trường", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "SCT", "Sở Công Thương", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "STP", "Sở Tư pháp", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "TTT", "Thanh tra tỉnh", TD_UNIT_KIND_DEPARTMENT, "BN" },
  { "P-KINHBAC", "Phường Kinh Bắc", TD_UNIT_KIND_WARD, "BN" },
  { "P-VOCUONG", "Phường Võ Cường", TD_UNIT_KIND_WARD, "BN" },
  { "P-VUNINH", "Phường Vũ Ninh", TD_UNIT_KIND_WARD, "BN" },
  { "P-HAPLINH", "Phường Hạp Lĩnh", TD_UNIT_KIND_WARD, "BN" },
  { "P-TUSON", "Phường Từ Sơn", TD_UNIT_KIND_WARD, "BN" },
  { "P-TAMSON", "Phường Tam Sơn", TD_UNIT_KIND_WARD, "BN" },
  { "P-DONGNGUYEN", "Phường Đồng Nguyên", TD_UNIT_KIND_WARD, "BN" },
  { "P-PHUKHE", "Phường Phù Khê", TD_UNIT_KIND_WARD, "BN" },
  { "P-THUANTHANH", "Phường Thuận Thành", TD_UNIT_KIND_WARD, "BN" },
  { "P-MAODIEN", "Phường Mão Điền", TD_UNIT_KIND_WARD, "BN" },
  { "P-QUEVO", "Phường Quế Võ", TD_UNIT_KIND_WARD, "BN" },
  { "P-PHUONGLIEU", "Phường Phương Liễu", TD_UNIT_KIND_WARD, "BN" },
  { "P-NHANHOA", "Phường Nhân Hòa", TD_UNIT_KIND_WARD, "BN" },
  { "P-CHILANG", "Phường Chi Lăng", TD_UNIT_KIND_WARD, "BN" },
  { "P-BACGIANG", "Phường Bắc Giang", TD_UNIT_KIND_WARD, "BN" },
  { "P-DAMAI", "Phường Đa Mai", TD_UNIT_KIND_WARD, "BN" },
  { "X-PHULANG", "Xã Phù Lãng", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-YENPHONG", "Xã Yên Phong", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-VANMON", "Xã Văn Môn", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-TAMGIANG", "Xã Tam Giang", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-YENTRUNG", "Xã Yên Trung", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-TAMDA", "Xã Tam Đa", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-TIENDU", "Xã Tiên Du", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-LIENBAO", "Xã Liên Bão", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-PHATTICH", "Xã Phật Tích", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-GIABINH", "Xã Gia Bình", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-DAILAI", "Xã Đại Lai", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-CAODUC", "Xã Cao Đức", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-LUONGTAI", "Xã Lương Tài", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-TRUNGKENH", "Xã Trung Kênh", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-LUCNGAN", "Xã Lục Ngạn", TD_UNIT_KIND_COMMUNE, "BN" },
  { "X-SONDONG", "Xã Sơn Động", TD_UNIT_KIND_COMMUNE, "BN" },
  { "DN-KINHBACSOFT", "Công ty Cổ phần Phần mềm Kinh Bắc", TD_UNIT_KIND_ENTERPRISE, NULL },
  { "DN-QUANHODATA", "Công ty TNHH Dữ liệu số Quan Họ", TD_UNIT_KIND_ENTERPRISE, NULL },
  { "DN-DONGHOTECH", "Công ty Cổ phần Công nghệ Đông Hồ", TD_UNIT_KIND_ENTERPRISE, NULL },
  { "TD-BN", "Tỉnh đoàn Bắc Ninh", TD_UNIT_KIND_ORGANISATION, NULL },
  { "HND-BN", "Hội Nông dân tỉnh Bắc Ninh", TD_UNIT_KIND_ORGANISATION, NULL },
  { "CNSCD-KINHBAC", "Tổ Công nghệ số cộng đồng phường Kinh Bắc", TD_UNIT_KIND_TEAM_COMMUNE, "P-KINHBAC" },
  { "CNSCD-TIENDU", "Tổ Công nghệ số cộng đồng xã Tiên Du", TD_UNIT_KIND_TEAM_COMMUNE, "X-TIENDU" },
  { "CNSCD-DONGHO", "Tổ Công nghệ số cộng đồng thôn Đông Hồ", TD_UNIT_KIND_TEAM_VILLAGE, "P-THUANTHANH" },
  { "CNSCD-DIEMXA", "Tổ Công nghệ số cộng đồng thôn Diềm", TD_UNIT_KIND_TEAM_VILLAGE, "P-HAPLINH" },
};

/* A few units answer "not applicable" to a target their kind reports, as real ones do. */
static const char *
not_applicable_reason (TdUnitKind kind,
                       guint      target)
{
  if (kind == TD_UNIT_KIND_ORGANISATION && target == 16)
    return "Đơn vị không có giao dịch thu, chi với người dân và doanh nghiệp";
  return NULL;
}

#define MERGED_WARD "P-THUANTHANH"
#define MERGER_NOTE "Từ 01/7/2025 sáp nhập thêm xã Song Liễu và xã Ngũ Thái"

/* A size that belongs to the unit, the same in every round: @lo … @hi from its code. */
static gint64
unit_size (const DemoUnit *du,
           const char     *what,
           gint64          lo,
           gint64          hi)
{
  g_autofree char *key = g_strconcat (du->code, "/", what, NULL);

  return lo + (gint64) (g_str_hash (key) % (guint) (hi - lo));
}

/* A plausible size for the denominator of @target in @du.  Adults (targets 4 and 17) and staff
 * (targets 1 to 3) are the unit's own, so the campaign's rules hold: the same adults under
 * both targets, no more commune or provincial staff than all staff, and round 1 within a few
 * per cent of round 2. */
static gint64
demo_denominator (GRand          *rand,
                  const DemoUnit *du,
                  guint           target,
                  gboolean        first_round)
{
  double drift = first_round ? 0.97 : 1.0;

  /* One ward grew by a merger between the rounds: the campaign's rule on the adult population
   * warns, and the ward explains it in its note (see fill_assessment). */
  if (g_str_equal (du->code, MERGED_WARD) && first_round)
    drift = 0.8;
  /* A commune's team serves the commune: its adults are the commune's, never more. */
  if ((target == 4 || target == 17) && du->kind == TD_UNIT_KIND_TEAM_COMMUNE && du->parent != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
      if (g_str_equal (demo_units[i].code, du->parent))
        return demo_denominator (rand, &demo_units[i], target, first_round);
  if (target == 4 || target == 17)
    return (gint64) (drift * (double) (du->kind == TD_UNIT_KIND_TEAM_VILLAGE ? unit_size (du, "adults", 600, 2500)
                                                                            : unit_size (du, "adults", 8000, 42000)));
  if (target <= 3)
    {
      gint64 staff = du->kind == TD_UNIT_KIND_DEPARTMENT ? unit_size (du, "staff", 45, 220) : unit_size (du, "staff", 22, 60);
      staff = (gint64) (drift * (double) staff);
      return target == 3 ? staff : staff - unit_size (du, "contract", 0, MAX (staff / 5, 1));
    }
  if (target == 10)
    return g_rand_int_range (rand, 8000, 42000);
  if (target == 18)
    return g_rand_int_range (rand, 2, 14);
  if (target == 8)
    return g_rand_int_range (rand, 40, 320);
  return g_rand_int_range (rand, 300, 9000);
}

/* How hard each target is in practice (added to a unit's maturity): digitised workflows are
 * mostly done, cashless payments and digital signatures among residents lag behind. */
static const double target_ease[] = {
  0, 0.06, 0.12, 0.02, 0.03, 0.08, 0.12, 0.05, 0.16, 0.05, -0.02, 0.07, 0.06, -0.03, 0.09, 0.14, -0.01, 0.05, 0.18, 0,
};

static gboolean
fill_assessment (TdDatabase     *db,
                 GRand          *rand,
                 GListModel     *targets,
                 const DemoUnit *du,
                 gint64          assessment_id,
                 double          maturity,
                 gboolean        first_round,
                 gboolean        leave_gaps,
                 GError        **error)
{
  guint n = g_list_model_get_n_items (targets);
  g_autofree TdValue *values = g_new0 (TdValue, n);
  g_autofree const TdValue **pv = g_new0 (const TdValue *, n);
  g_autofree TdTarget **pt = g_new0 (TdTarget *, n);
  guint n_set = 0;
  gboolean ok;

  for (guint t = 0; t < n; t++)
    {
      g_autoptr(TdTarget) target = g_list_model_get_item (targets, t);
      guint number = td_target_get_number (target);
      const char *na = not_applicable_reason (du->kind, number);
      TdValue *v = &values[n_set];

      /* Only what the campaign asks this kind of unit for; and a draft still being typed has
       * the last few targets not entered yet. */
      if (!td_target_is_reported_by (target, du->kind) || (leave_gaps && number > 15))
        continue;

      if (na != NULL)
        {
          v->not_applicable = TRUE;
          v->na_reason = (char *) na;
        }
      else if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX && du->kind == TD_UNIT_KIND_PROVINCE)
        {
          /* The province's published index: above the 2025 aim of 0.7, then above 0.75. */
          v->has_index = TRUE;
          v->index_value = leave_gaps || maturity < 0.9 ? 0.718 : 0.772;
        }
      else if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX)
        {
          v->has_index = TRUE;
          v->index_value = CLAMP (maturity - 0.18 + g_rand_double_range (rand, -0.02, 0.02), 0.0, 1.0);
          v->index_value = ((int) (v->index_value * 1000 + 0.5)) / 1000.0;
        }
      else
        {
          double threshold = td_target_get_threshold (target) / 100.0;
          double ease = number < G_N_ELEMENTS (target_ease) ? target_ease[number] : 0;
          double ratio = CLAMP (threshold * (maturity + ease) + g_rand_double_range (rand, -0.05, 0.06), 0.05, 1.0);

          v->has_numerator = v->has_denominator = TRUE;
          v->denominator = demo_denominator (rand, du, number, first_round);
          /* Full marks on "100 %" targets for units close to them, as in real reports. */
          v->numerator = ratio >= 0.97 ? v->denominator : (gint64) (ratio * (double) v->denominator);
          if (number == 4 && !first_round && g_str_equal (du->code, MERGED_WARD))
            v->note = (char *) MERGER_NOTE;
        }
      pv[n_set] = v;
      pt[n_set] = g_steal_pointer (&target);
      n_set++;
    }

  ok = td_assessment_set_values (db, assessment_id, pt, pv, n_set, error);
  for (guint i = 0; i < n_set; i++)
    g_object_unref (pt[i]);
  return ok;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
td_demo_make_pdf (const char *title,
                  const char *body,
                  int         n_pages)
{
  GByteArray *buffer = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A4 in points. */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, buffer, 595.28, 841.89);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Thi đua (dữ liệu mẫu)");
  /* Fixed dates keep the bytes, and so the sha256, the same on every run. */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, "2025-09-15T08:00:00Z");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_MOD_DATE, "2025-09-15T08:00:00Z");
  cr = cairo_create (surface);

  for (int page = 1; page <= n_pages; page++)
    {
      g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
      g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Liberation Serif 13");
      g_autofree char *markup = NULL;
      g_autofree char *t = g_markup_escape_text (title, -1);
      g_autofree char *b = g_markup_escape_text (body, -1);

      markup = g_strdup_printf ("<span size='x-small'>DỮ LIỆU MẪU</span>\n\n<b>%s</b>\n\n%s\n\n"
                                "<span size='small'>Trang %d/%d</span>", t, b, page, n_pages);
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) ((595.28 - 85 - 57) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_markup (layout, markup, -1);
      cairo_move_to (cr, 85, 70);
      pango_cairo_show_layout (cr, layout);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  return g_byte_array_free_to_bytes (buffer);
}

typedef struct {
  const char *unit;
  guint       target;
  const char *file;
  const char *title;
  const char *body;
  int         pages;
  TdVerdict   verdict;
  const char *comment;
} DemoEvidence;

static const DemoEvidence demo_evidence[] = {
  { "P-KINHBAC", 1, "bao-cao-boi-duong-ky-nang-so.pdf", "Báo cáo kết quả bồi dưỡng kỹ năng số cho cán bộ, công chức",
    "Phường Kinh Bắc đã tổ chức 4 lớp bồi dưỡng kỹ năng số căn bản cho toàn bộ cán bộ, công chức.", 3,
    TD_VERDICT_ACCEPTED, "Đầy đủ danh sách học viên." },
  { "P-KINHBAC", 7, "so-hoa-ho-so-tthc.pdf", "Báo cáo số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "Tổng hợp số liệu số hóa hồ sơ từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.", 2,
    TD_VERDICT_NEEDS_MORE, "Cần bổ sung số liệu tháng 9." },
  { "X-TIENDU", 18, "phuong-an-attt-cap-do.pdf", "Quyết định phê duyệt hồ sơ đề xuất cấp độ an toàn hệ thống thông tin",
    "Phê duyệt hồ sơ đề xuất cấp độ 2 cho Cổng thông tin điện tử xã Tiên Du.", 1,
    TD_VERDICT_UNREVIEWED, NULL },
  { "SKHCN", 14, "van-ban-dien-tu-toan-trinh.pdf", "Báo cáo xử lý văn bản, hồ sơ công việc trên môi trường điện tử",
    "Trích xuất từ Hệ thống quản lý văn bản và điều hành của Sở Khoa học và Công nghệ.", 4,
    TD_VERDICT_UNREVIEWED, NULL },
  { "SKHCN", 3, "danh-sach-lam-chu-ky-nang-so.pdf", "Danh sách công chức, viên chức làm chủ kỹ năng số",
    "Danh sách kèm theo kết quả đánh giá kỹ năng số năm 2026.", 2,
    TD_VERDICT_REJECTED, "Danh sách chưa có xác nhận của thủ trưởng đơn vị." },
  { "CNSCD-DONGHO", 17, "chu-ky-so-thon-dong-ho.pdf", "Tổng hợp người dân được hỗ trợ đăng ký chữ ký số",
    "Tổ Công nghệ số cộng đồng thôn Đông Hồ hỗ trợ người dân đăng ký chữ ký số cá nhân.", 1,
    TD_VERDICT_ACCEPTED, NULL },
};

static gboolean
add_evidence (TdDatabase  *db,
              gint64       round2,
              GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (demo_evidence); i++)
    {
      const DemoEvidence *de = &demo_evidence[i];
      g_autoptr(TdUnit) unit = td_catalog_find_unit (db, de->unit, error);
      g_autoptr(TdTarget) target = td_catalog_find_target (db, de->target, error);
      g_autoptr(GBytes) pdf = NULL;
      g_autoptr(TdAssessmentInfo) info = NULL;
      TdEvidenceOwner owner = { 0 };
      gint64 id;

      if (unit == NULL || target == NULL)
        return FALSE;
      info = td_assessment_lookup (db, td_unit_get_id (unit), round2, error);
      if (info == NULL)
        return FALSE;
      pdf = td_demo_make_pdf (de->title, de->body, de->pages);
      owner.assessment_id = info->id;
      owner.target_id = td_target_get_id (target);
      id = td_evidence_attach (db, pdf, de->file, &owner, 0, error);
      if (id == 0)
        return FALSE;
      if (de->verdict != TD_VERDICT_UNREVIEWED &&
          !td_evidence_set_verdict (db, id, de->verdict, de->comment, error))
        return FALSE;
    }
  return TRUE;
}

typedef struct {
  const char         *unit;
  const char         *person;     /* NULL: the unit itself */
  const char         *position;
  TdAwardLevel        level;
  TdNominationStatus  status;
  const char         *achievement;
  const char         *issuer;     /* decided: the decision's issuer, NULL the province */
} DemoNomination;

/* One decision per issuer: the province's and a department's and a commune's issued, a ward's
 * still a draft. */
static const struct {
  const char *issuer;
  const char *number;     /* NULL: a draft */
  const char *date;
  const char *signer;     /* NULL: the template's */
} demo_decisions[] = {
  { NULL, "5", "2026-10-08", NULL },
  { "SKHCN", "12", "2026-10-20", "Nguyễn Văn Phong" },
  { "X-TIENDU", "27", "2026-11-05", "Trịnh Thị Mai" },
  { "P-KINHBAC", NULL, NULL, "Lê Quang Huy" },
};

static const DemoNomination demo_nominations[] = {
  { "P-KINHBAC", NULL, NULL, TD_AWARD_BANG_KHEN, TD_NOMINATION_DECIDED,
    "Đã có thành tích xuất sắc trong phong trào thi đua “Chuyển đổi số trên địa bàn tỉnh Bắc Ninh đến năm 2026”" },
  { "STC", "Nguyễn Thị Ngọc Ánh", "Phó Chánh Văn phòng Sở Tài chính", TD_AWARD_BANG_KHEN,
    TD_NOMINATION_DECIDED, "Đã có thành tích xuất sắc trong chuyển đổi số công tác quản lý tài chính, ngân sách" },
  { "CNSCD-DONGHO", NULL, NULL, TD_AWARD_BANG_KHEN, TD_NOMINATION_DECIDED,
    "Đã có thành tích xuất sắc trong hoạt động của Tổ Công nghệ số cộng đồng" },
  { "X-TIENDU", NULL, NULL, TD_AWARD_BANG_KHEN, TD_NOMINATION_APPROVED,
    "Đã có thành tích xuất sắc trong triển khai dịch vụ công trực tuyến toàn trình" },
  { "VPUBND", "Trần Văn Đức", "Chuyên viên Trung tâm Phục vụ hành chính công", TD_AWARD_BANG_KHEN,
    TD_NOMINATION_APPRAISED, "Đã có thành tích xuất sắc trong tiếp nhận, giải quyết thủ tục hành chính phi địa giới" },
  { "P-TUSON", "Lê Thị Hồng Nhung", "Công chức Văn phòng - Thống kê phường Từ Sơn", TD_AWARD_GIAY_KHEN,
    TD_NOMINATION_PROPOSED, "Đã có thành tích xuất sắc trong số hóa hồ sơ, kết quả giải quyết thủ tục hành chính" },
  { "DN-KINHBACSOFT", NULL, NULL, TD_AWARD_BANG_KHEN, TD_NOMINATION_PROPOSED,
    "Đã có thành tích xuất sắc trong hỗ trợ các xã, phường triển khai nền tảng số" },
  { "X-GIABINH", "Phạm Quốc Hưng", "Chủ tịch UBND xã Gia Bình", TD_AWARD_BANG_KHEN, TD_NOMINATION_RETURNED,
    "Đã có thành tích xuất sắc trong lãnh đạo chuyển đổi số tại địa phương" },
  { "SKHCN", "Hoàng Minh Tuấn", "Chuyên viên Phòng Chuyển đổi số", TD_AWARD_GIAY_KHEN, TD_NOMINATION_DECIDED,
    "Đã có thành tích xuất sắc trong xây dựng kho dữ liệu dùng chung của tỉnh", "SKHCN" },
  { "SKHCN", "Đỗ Thu Hà", "Chuyên viên Văn phòng Sở", TD_AWARD_GIAY_KHEN, TD_NOMINATION_DECIDED,
    "Đã có thành tích xuất sắc trong số hóa hồ sơ lưu trữ của Sở", "SKHCN" },
  { "CNSCD-TIENDU", NULL, NULL, TD_AWARD_GIAY_KHEN, TD_NOMINATION_DECIDED,
    "Đã có thành tích xuất sắc trong hướng dẫn người dân sử dụng dịch vụ công trực tuyến", "X-TIENDU" },
  { "X-TIENDU", "Vũ Văn Long", "Công chức Văn hóa - Xã hội", TD_AWARD_GIAY_KHEN, TD_NOMINATION_DECIDED,
    "Đã có thành tích xuất sắc trong triển khai Đề án 06 tại xã", "X-TIENDU" },
  { "P-KINHBAC", "Ngô Thanh Tùng", "Công chức Văn phòng - Thống kê", TD_AWARD_GIAY_KHEN, TD_NOMINATION_DECIDED,
    "Đã có thành tích xuất sắc trong vận hành Trung tâm điều hành thông minh của phường", "P-KINHBAC" },
};

/* One step of the sample's nominations by @body: the checks it cannot meet (its evidence is
 * not all reviewed) accepted with the reason, as a body that saw the paper dossier would. */
static gboolean
pass_step (TdDatabase  *db,
           gint64       id,
           const char  *body,
           const char  *opinion,
           GError     **error)
{
  g_autoptr(GPtrArray) checks = NULL;

  if ((checks = td_appraisal_check (db, id, FALSE, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < checks->len; i++)
    {
      TdEligibilityCheck *c = checks->pdata[i];
      if (!c->passed && !c->overridden &&
          !td_appraisal_override (db, id, body, c->id, "Đã đối chiếu hồ sơ giấy do đơn vị nộp trực tiếp", error))
        return FALSE;
    }
  return td_appraisal_approve (db, id, body, opinion, error);
}

/* The council of the sample: seven members, six present on 01/10/2026, every nomination on
 * the agenda passed. */
static gboolean
hold_council (TdDatabase  *db,
              gint64       round2,
              GArray      *agenda,
              GError     **error)
{
  static const struct { const char *name, *position; } members[] = {
    { "Vương Quốc Tuấn", "Chủ tịch UBND tỉnh, Chủ tịch Hội đồng" },
    { "Mai Sơn", "Phó Chủ tịch UBND tỉnh, Phó Chủ tịch Hội đồng" },
    { "Nguyễn Đức Hùng", "Giám đốc Sở Nội vụ, Phó Chủ tịch thường trực" },
    { "Trần Minh Hải", "Giám đốc Sở Khoa học và Công nghệ, Ủy viên" },
    { "Lê Thị Thu Hà", "Chánh Văn phòng UBND tỉnh, Ủy viên" },
    { "Phạm Văn Nam", "Bí thư Tỉnh đoàn, Ủy viên" },
    { "Đặng Thị Lan", "Trưởng ban Thi đua – Khen thưởng, Ủy viên thư ký" },
  };
  gint64 ids[G_N_ELEMENTS (members)];
  gint64 meeting;

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if ((ids[i] = td_council_add_member (db, members[i].name, members[i].position, error)) == 0)
      return FALSE;
  if (agenda->len == 0)
    return TRUE;
  /* The standing committee (Thường trực Hội đồng: the Chairman, the two Vice-Chairmen and the
   * secretary member) considers the Bằng khen, as the campaign says; three of its four sit, the
   * Chairman, away, gives his written opinion on every nominee. */
  {
    static const guint standing[] = { 0, 1, 2, 6 };
    gint64 present[] = { ids[1], ids[2], ids[6] };

    for (guint i = 0; i < G_N_ELEMENTS (standing); i++)
      if (!td_council_set_standing (db, ids[standing[i]], TRUE, error))
        return FALSE;
    meeting = td_meeting_create (db, round2, "2026-10-01", present, G_N_ELEMENTS (present), (gint64 *) agenda->data,
                                 agenda->len, error);
  }
  if (meeting == 0 ||
      !td_meeting_set_details (db, meeting, "Phòng họp số 1, trụ sở UBND tỉnh", "08:00", "10:30", ids[1], ids[6],
                               error))
    return FALSE;
  for (guint i = 0; i < agenda->len; i++)
    if (!td_meeting_vote (db, meeting, g_array_index (agenda, gint64, i), i % 2 ? 2 : 3, i % 2 ? 1 : 0, 0, error) ||
        !td_meeting_record_written (db, meeting, g_array_index (agenda, gint64, i), 1, 0, error))
      return FALSE;
  return td_meeting_close (db, meeting, error);
}

static gboolean
add_decisions (TdDatabase  *db,
               gint64       round2,
               GHashTable  *decided,
               GError     **error)
{
  for (guint k = 0; k < G_N_ELEMENTS (demo_decisions); k++)
    {
      GArray *ids = g_hash_table_lookup (decided, demo_decisions[k].issuer ? demo_decisions[k].issuer : "");
      g_autoptr(TdDecision) decision = td_decision_new_for_issuer (db, demo_decisions[k].issuer, error);
      gint64 id;

      if (decision == NULL)
        return FALSE;
      if (ids == NULL)
        continue;
      decision->round_id = round2;
      if (demo_decisions[k].signer != NULL)
        {
          g_free (decision->signer_name);
          decision->signer_name = g_strdup (demo_decisions[k].signer);
        }
      id = td_decision_create (db, decision, (gint64 *) ids->data, ids->len, error);
      if (id == 0 ||
          (demo_decisions[k].number != NULL &&
           !td_decision_issue (db, id, demo_decisions[k].number, demo_decisions[k].date, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_nominations (TdDatabase  *db,
                 gint64       round2,
                 GError     **error)
{
  g_autoptr(GHashTable) decided = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  g_autoptr(GArray) agenda = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The sample's plan number is made up: the seed leaves it blank ("Số: /KH-UBND"). */
  if (!td_decision_set_plan (db, "125/KH-UBND", "2025-09-15", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (demo_nominations); i++)
    {
      const DemoNomination *dn = &demo_nominations[i];
      g_autoptr(TdUnit) unit = td_catalog_find_unit (db, dn->unit, error);
      g_autoptr(TdUnit) proposer = NULL;
      TdNominationSpec spec = { 0 };
      gint64 id;

      if (unit == NULL)
        return FALSE;
      /* A team is proposed by the commune it works in; every other nominee by its own unit. */
      proposer = td_unit_is_team (unit) ? td_catalog_find_unit_by_id (db, td_unit_get_parent_id (unit), error)
                                        : g_object_ref (unit);
      if (proposer == NULL)
        return FALSE;
      spec.round_id = round2;
      spec.individual = dn->person != NULL;
      spec.unit_id = td_unit_get_id (unit);
      spec.proposer_id = td_unit_get_id (proposer);
      spec.person_name = dn->person;
      spec.person_position = dn->position;
      spec.level = dn->level;
      spec.achievement = dn->achievement;
      spec.standards_attested = TRUE;
      id = td_nomination_create (db, &spec, error);
      if (id == 0)
        return FALSE;

      /* Every move by the body its step names, as a real board would make it. */
      if (dn->status == TD_NOMINATION_RETURNED)
        {
          if (!td_appraisal_return (db, id, "SKHCN", NULL, "Thiếu biên bản họp Hội đồng Thi đua - Khen thưởng cấp xã",
                                    error))
            return FALSE;
          continue;
        }
      if (dn->status != TD_NOMINATION_PROPOSED && dn->level == TD_AWARD_GIAY_KHEN &&
          !pass_step (db, id, dn->issuer, "Hội đồng Thi đua – Khen thưởng của đơn vị nhất trí đề nghị", error))
        return FALSE;
      if (dn->status != TD_NOMINATION_PROPOSED && dn->level == TD_AWARD_BANG_KHEN)
        {
          if (!pass_step (db, id, "SKHCN", "Đạt các chỉ tiêu chuyển đổi số của đợt", error))
            return FALSE;
          /* Past the appraisal, the province's Bằng khen goes through Sở Nội vụ and the council. */
          if (dn->status != TD_NOMINATION_APPRAISED)
            {
              if (!pass_step (db, id, "SNV", "Hồ sơ đúng quy trình, đủ điều kiện trình Hội đồng", error))
                return FALSE;
              g_array_append_val (agenda, id);
            }
        }
      if (dn->status == TD_NOMINATION_DECIDED)
        {
          const char *key = dn->issuer ? dn->issuer : "";
          GArray *ids = g_hash_table_lookup (decided, key);

          if (ids == NULL)
            g_hash_table_insert (decided, (gpointer) key, (ids = g_array_new (FALSE, FALSE, sizeof (gint64))));
          g_array_append_val (ids, id);
        }
      /* The dossier's report of the province's nominations; Xã Tiên Du's is missing, so the
       * board sees the warning.  A unit's own Giấy khen has its dossier at the unit. */
      if (dn->status != TD_NOMINATION_PROPOSED && dn->status != TD_NOMINATION_RETURNED &&
          dn->level == TD_AWARD_BANG_KHEN && !g_str_equal (dn->unit, "X-TIENDU"))
        {
          g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo thành tích đề nghị khen thưởng",
                                                    dn->person ? dn->person : td_unit_get_name (unit), 2);
          TdEvidenceOwner owner = { .nomination_id = id };

          if (td_evidence_attach (db, pdf, "bao-cao-thanh-tich.pdf", &owner, 0, error) == 0)
            return FALSE;
        }
    }

  return hold_council (db, round2, agenda, error) && add_decisions (db, round2, decided, error);
}

/* Sở KH&CN appraises what the sample received, as the board would: the self-assessments whose
 * evidence all has a verdict, not its own (another body would have to). */
static gboolean
appraise (TdDatabase  *db,
          GArray      *ids,
          GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) local = NULL;

      if (td_assessment_appraise (db, g_array_index (ids, gint64, i), "SKHCN", TRUE,
                                  "Số liệu khớp với minh chứng và hệ thống thông tin của tỉnh", &local))
        continue;
      if (!g_error_matches (local, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED) &&
          !g_error_matches (local, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
td_demo_populate (TdDatabase  *db,
                  GError     **error)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(TdRound) round1 = NULL;
  g_autoptr(TdRound) round2 = NULL;
  g_autofree char *actor = g_strdup (td_database_get_actor (db));
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GArray) to_appraise = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (!td_catalog_ensure_seed (db, error))
    return FALSE;
  targets = td_catalog_list_targets (db, error);
  if (targets == NULL)
    return FALSE;
  round1 = td_catalog_find_round (db, 1, error);
  round2 = td_catalog_find_round (db, 2, error);
  if (round1 == NULL || round2 == NULL)
    return FALSE;

  /* The audit log tells sample changes from real ones by this name. */
  td_database_set_actor (db, "Dữ liệu mẫu");
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    goto out;

  for (guint i = 0; i < G_N_ELEMENTS (demo_units); i++)
    {
      const DemoUnit *du = &demo_units[i];
      g_autoptr(TdUnit) unit = td_catalog_add_unit (db, du->code, du->name, du->kind, du->parent, error);
      /* Some units lead, some lag; round 2 is better than round 1 for almost everybody. */
      double maturity = du->kind == TD_UNIT_KIND_PROVINCE ? 0.96 : 0.86 + 0.2 * g_rand_double (rand);
      guint mood = i % 10;
      gint64 a1, a2;

      if (unit == NULL)
        goto out;

      a1 = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round1), error);
      if (a1 == 0 ||
          !fill_assessment (db, rand, targets, du, a1, maturity - 0.08, TRUE, FALSE, error) ||
          !td_assessment_set_status (db, a1, TD_ASSESSMENT_SUBMITTED, NULL, targets, error) ||
          !td_assessment_set_status (db, a1, TD_ASSESSMENT_RECEIVED, NULL, NULL, error))
        goto out;
      g_array_append_val (to_appraise, a1);

      /* Round 2: a realistic mix of where units stand a few weeks before the final review. */
      if (mood == 9)
        continue;   /* has not started */
      a2 = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round2), error);
      if (a2 == 0 || !fill_assessment (db, rand, targets, du, a2, maturity, FALSE, mood == 8, error))
        goto out;
      if (mood == 8)
        continue;   /* still a draft, half filled in */
      if (!td_assessment_set_status (db, a2, TD_ASSESSMENT_SUBMITTED, NULL, targets, error))
        goto out;
      if (mood == 7)
        continue;   /* submitted, file not yet at the province */
      if (!td_assessment_set_status (db, a2, TD_ASSESSMENT_RECEIVED, NULL, NULL, error))
        goto out;
      if (mood == 6)
        {
          if (!td_assessment_set_status (db, a2, TD_ASSESSMENT_RETURNED,
                                         "Số liệu chỉ tiêu 7 chưa khớp với Hệ thống thông tin giải quyết TTHC; đề nghị rà soát lại.",
                                         NULL, error))
            goto out;
          continue;
        }
      if (mood < 4)
        g_array_append_val (to_appraise, a2);
    }

  /* What the province received came, in this sample, from units without certificates yet:
   * unsigned, as the app then says on the forms and the progress header. */
  if (!td_database_exec (db, "UPDATE assessment SET received_signature = ''"
                             " WHERE status IN ('received', 'returned', 'appraised')", error) ||
      /* When the packages were made and received: through September, a few units days late
       * in round 2 (the completeness view and the reminder letter have someone to show). */
      !td_database_exec (db, "UPDATE assessment SET"
                             " submitted_at = (SELECT r.year || '-09-' || printf ('%02d', 8 + unit_id % 20) || 'T02:30:00Z'"
                             "                 FROM round r WHERE r.id = round_id),"
                             " received_at = (SELECT r.year || '-09-' || printf ('%02d', 9 + unit_id % 20) || 'T08:00:00Z'"
                             "                FROM round r WHERE r.id = round_id)"
                             " WHERE status <> 'draft';"
                             "UPDATE assessment SET submitted_at = '2026-10-0' || (2 + unit_id % 4) || 'T03:00:00Z',"
                             " received_at = '2026-10-0' || (3 + unit_id % 4) || 'T08:00:00Z'"
                             " WHERE status <> 'draft' AND unit_id % 7 = 3"
                             " AND round_id = (SELECT id FROM round WHERE number = 2)", error) ||
      !add_evidence (db, td_round_get_id (round2), error) ||
      !appraise (db, to_appraise, error) ||
      !add_nominations (db, td_round_get_id (round2), error) ||
      !td_database_set_meta (db, "demo", "1", error) ||
      !td_transaction_commit (tx, error))
    goto out;

  td_database_set_actor (db, actor);
  return TRUE;

out:
  td_database_set_actor (db, actor);
  return FALSE;
}

static void
create_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

  g_mkdir_with_parents (dir, 0700);
  db = td_database_open (path, &error);
  if (db != NULL && !existed && (!td_catalog_ensure_seed (db, &error) || !td_demo_populate (db, &error)))
    g_clear_object (&db);
  if (db == NULL)
    {
      if (!existed)
        td_database_delete_files (path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  /* The caller's thread gets its own connection. */
  g_task_return_boolean (task, TRUE);
}

void
td_demo_create_async (const char          *path,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, td_demo_create_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, create_thread);
}

TdDatabase *
td_demo_create_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  return td_database_open (g_task_get_task_data (G_TASK (result)), error);
}
