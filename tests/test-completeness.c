/* test-completeness.c: who has sent what, and on time, on a province set up from its own
 * register: twelve units with self-assessments made before, at and after the deadline, three
 * missing, one returned and not sent again, one on an older setup file; the counts by kind and
 * by state, the day in Vietnam (not UTC) judged, the board's exception, the round that keeps
 * late units out of the awards, and the reminder letter naming exactly the units it chases. */
#include <string.h>

#include "td-receive.h"
#include "td-register-import.h"
#include "td-reminder-pdf.h"
#include "td-test-poppler.h"
#include "td-test-util.h"

typedef struct {
  char       *dir;
  TdDatabase *board;
  TdRound    *round;
} Fixture;

static const char register_csv[] =
  "Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên;Người liên hệ;Điện thoại;Thư điện tử\n"
  "UBND-BN;Ủy ban nhân dân tỉnh Bắc Ninh;tỉnh;;;;\n"
  "STP-KHCN;Sở Khoa học và Công nghệ tỉnh Bắc Ninh;sở;UBND-BN;;;\n"
  "STP-NV;Sở Nội vụ tỉnh Bắc Ninh;sở;UBND-BN;;;\n"
  "STP-TC;Sở Tài chính tỉnh Bắc Ninh;sở;UBND-BN;Lê Thị Hoa;0222 3822 111;vanphong@stc.bacninh.gov.vn\n"
  "XA-01;Xã Nhân Bình;xã;UBND-BN;;;\n"
  "XA-02;Xã Tân Tiến;xã;UBND-BN;;;\n"
  "XA-03;Xã Đông Cứu;xã;UBND-BN;;;\n"
  "XA-04;Xã Lãng Ngâm;xã;UBND-BN;;;\n"
  "XA-05;Xã Đại Lai;xã;UBND-BN;Trần Văn Bình;0912 345 678;\n"
  "XA-06;Xã Song Giang;xã;UBND-BN;;;\n"
  "PH-01;Phường Kinh Bắc;phường;UBND-BN;;;\n"
  "PH-02;Phường Võ Cường;phường;UBND-BN;;;\n"
  "PH-03;Phường Hạp Lĩnh;phường;UBND-BN;;;\n";

/* What each unit's package said and when it was made (UTC, as packages carry it). */
static const struct {
  const char         *code;
  TdAssessmentStatus  status;
  const char         *created_at;
  int                 setup_version;
} sent[] = {
  { "STP-KHCN", TD_ASSESSMENT_RECEIVED, "2026-09-10T02:00:00Z", 2 },
  { "STP-NV", TD_ASSESSMENT_APPRAISED, "2026-09-15T02:00:00Z", 2 },
  { "XA-01", TD_ASSESSMENT_RECEIVED, "2026-09-20T03:00:00Z", 2 },
  { "XA-02", TD_ASSESSMENT_RECEIVED, "2026-09-25T03:00:00Z", 1 },      /* an older setup file */
  { "XA-03", TD_ASSESSMENT_RECEIVED, "2026-09-30T16:30:00Z", 2 },      /* 23:30 on the due day in Bắc Ninh */
  { "XA-04", TD_ASSESSMENT_RECEIVED, "2026-10-02T02:00:00Z", 2 },      /* late */
  { "XA-05", TD_ASSESSMENT_DRAFT, NULL, 0 },                           /* a draft, never sent */
  { "XA-06", TD_ASSESSMENT_RETURNED, "2026-09-21T03:00:00Z", 2 },      /* returned, not sent again */
  { "PH-01", TD_ASSESSMENT_RECEIVED, "2026-09-29T09:00:00Z", 2 },
  { "PH-02", TD_ASSESSMENT_RECEIVED, "2026-09-30T17:30:00Z", 2 },      /* 00:30 on 1/10 there: late */
};

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(TdRegisterPlan) plan = NULL;

  f->dir = td_test_make_dir ();
  f->board = td_test_open_seeded (f->dir, "board.db");
  g_assert_true (td_database_set_installation (f->board, TD_INSTALLATION_BOARD, NULL, &error));
  td_database_set_actor (f->board, "Phạm Thị Thu");
  csv = g_build_filename (f->dir, "so-dang-ky.csv", NULL);
  g_assert_true (g_file_set_contents (csv, register_csv, -1, &error));
  plan = td_register_plan (f->board, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (td_register_apply (f->board, plan, &error));
  g_assert_no_error (error);
  /* The board's newest setup file is its second. */
  g_assert_true (td_database_set_meta (f->board, "setup_version", "2", &error));
  f->round = td_catalog_find_round (f->board, 2, &error);
  g_assert_no_error (error);

  /* The packages as the import stores them (td-receive.h), each in its own transaction. */
  for (guint i = 0; i < G_N_ELEMENTS (sent); i++)
    {
      g_autoptr(TdUnit) unit = td_catalog_find_unit (f->board, sent[i].code, &error);
      gint64 a = td_assessment_ensure (f->board, td_unit_get_id (unit), td_round_get_id (f->round), &error);
      g_autoptr(TdTransaction) tx = td_transaction_begin (f->board, &error);

      g_assert_no_error (error);
      if (sent[i].status != TD_ASSESSMENT_DRAFT)
        {
          g_assert_true (td_receive_status (f->board, a, TD_ASSESSMENT_RECEIVED, NULL, 1, "", "digest", &error));
          g_assert_true (td_receive_submission (f->board, a, sent[i].created_at, sent[i].setup_version, &error));
          if (sent[i].status != TD_ASSESSMENT_RECEIVED)
            g_assert_true (td_receive_status (f->board, a, sent[i].status, "Số liệu chưa khớp", 1, NULL, NULL, &error));
        }
      g_assert_true (td_transaction_commit (tx, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->round);
  g_assert_finalize_object (f->board);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static const TdCompletenessRow *
row_of (TdCompleteness *c,
        const char     *code)
{
  for (guint i = 0; i < c->rows->len; i++)
    if (g_str_equal (((TdCompletenessRow *) c->rows->pdata[i])->code, code))
      return c->rows->pdata[i];
  g_error ("%s is not counted", code);
  return NULL;
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCompleteness) c = td_completeness_compute (f->board, 2, NULL, "2026-10-05", &error);
  TdCompletenessCounts *dept, *commune, *ward;

  g_assert_no_error (error);
  g_assert_cmpstr (c->deadlines->assessment_due, ==, "2026-09-30");
  g_assert_true (c->deadlines->assessment_default);
  g_assert_cmpstr (c->closes_on, ==, "2026-09-30");
  /* The province itself reports nothing of its own here: twelve units are expected. */
  g_assert_cmpuint (c->total.expected, ==, 12);
  g_assert_cmpuint (c->total.sent, ==, 8);
  g_assert_cmpuint (c->total.timeliness[TD_TIMELINESS_ON_TIME], ==, 6);
  g_assert_cmpuint (c->total.timeliness[TD_TIMELINESS_LATE], ==, 2);
  g_assert_cmpuint (c->total.timeliness[TD_TIMELINESS_OVERDUE], ==, 4);
  g_assert_cmpuint (c->total.states[TD_SUBMISSION_NOT_STARTED], ==, 2);
  g_assert_cmpuint (c->total.states[TD_SUBMISSION_DRAFT], ==, 1);
  g_assert_cmpuint (c->total.states[TD_SUBMISSION_RETURNED], ==, 1);
  g_assert_cmpuint (c->total.states[TD_SUBMISSION_APPRAISED], ==, 1);
  g_assert_cmpuint (c->total.outdated, ==, 1);

  dept = &c->by_kind[TD_UNIT_KIND_DEPARTMENT];
  commune = &c->by_kind[TD_UNIT_KIND_COMMUNE];
  ward = &c->by_kind[TD_UNIT_KIND_WARD];
  g_assert_cmpuint (dept->expected, ==, 3);
  g_assert_cmpuint (dept->sent, ==, 2);
  g_assert_cmpuint (dept->timeliness[TD_TIMELINESS_OVERDUE], ==, 1);
  g_assert_cmpuint (commune->expected, ==, 6);
  g_assert_cmpuint (commune->sent, ==, 4);
  g_assert_cmpuint (commune->timeliness[TD_TIMELINESS_ON_TIME], ==, 3);
  g_assert_cmpuint (commune->timeliness[TD_TIMELINESS_LATE], ==, 1);
  g_assert_cmpuint (commune->timeliness[TD_TIMELINESS_OVERDUE], ==, 2);
  g_assert_cmpuint (ward->expected, ==, 3);
  g_assert_cmpuint (ward->timeliness[TD_TIMELINESS_LATE], ==, 1);
  g_assert_cmpfloat_with_epsilon (td_completeness_rate (&c->total, c->total.sent), 100.0 * 8 / 12, 1e-9);
  /* All under the province's committee in this register. */
  g_assert_cmpuint (c->parents->len, ==, 1);
  g_assert_cmpstr (((TdCompletenessGroup *) c->parents->pdata[0])->code, ==, "UBND-BN");

  /* The day is Vietnam's: 16:30 UTC on the 30th is on time, 17:30 is not. */
  g_assert_cmpint (row_of (c, "XA-03")->timeliness, ==, TD_TIMELINESS_ON_TIME);
  g_assert_cmpint (row_of (c, "PH-02")->timeliness, ==, TD_TIMELINESS_LATE);
  g_assert_cmpint (row_of (c, "PH-02")->days_late, ==, 1);
  g_assert_cmpint (row_of (c, "XA-04")->days_late, ==, 2);
  g_assert_true (row_of (c, "XA-02")->outdated);
  g_assert_nonnull (row_of (c, "XA-01")->received_at);
  g_assert_cmpint (row_of (c, "XA-06")->state, ==, TD_SUBMISSION_RETURNED);
  g_assert_cmpint (row_of (c, "STP-TC")->days_late, ==, 5);

  /* Before the deadline nobody is overdue: the missing are only not due yet. */
  {
    g_autoptr(TdCompleteness) early = td_completeness_compute (f->board, 2, NULL, "2026-09-28", &error);
    g_assert_cmpuint (early->total.timeliness[TD_TIMELINESS_OVERDUE], ==, 0);
    g_assert_cmpuint (early->total.timeliness[TD_TIMELINESS_PENDING], ==, 4);
  }
  /* A filter by kind counts that kind only. */
  {
    TdCompletenessFilter filter = { .has_kind = TRUE, .kind = TD_UNIT_KIND_WARD };
    g_autoptr(TdCompleteness) wards = td_completeness_compute (f->board, 2, &filter, "2026-10-05", &error);
    g_assert_cmpuint (wards->total.expected, ==, 3);
  }
}

/* The board moves the deadline, allows a grace, and excuses one unit: each audited, each
 * changing the count; the campaign description its setup files carry has the new day. */
static void
test_deadlines_and_exceptions (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) xa04 = td_catalog_find_unit (f->board, "XA-04", &error);
  g_autoptr(TdCompleteness) c = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GBytes) campaign = NULL;
  g_autofree char *before = td_test_dump (f->board);
  g_autofree char *after = NULL;
  g_autofree char *sent_on = NULL, *closes_on = NULL;
  gboolean excepted = FALSE;

  /* Refused, and nothing changes: no reason, a day after the round's, a date that is not one. */
  g_assert_false (td_deadlines_set_due (f->board, f->round, TD_DEADLINE_ASSESSMENT, "2026-09-25", "  ", &error));
  g_clear_error (&error);
  g_assert_false (td_deadlines_set_due (f->board, f->round, TD_DEADLINE_ASSESSMENT, "2026-10-20", "Lùi hạn", &error));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (td_deadlines_except (f->board, f->round, xa04, "31/02/2026", "Mất điện", &error));
  g_clear_error (&error);
  g_assert_false (td_deadlines_except (f->board, f->round, xa04, "2026-10-03", "", &error));
  g_clear_error (&error);
  after = td_test_dump (f->board);
  g_assert_cmpstr (before, ==, after);

  /* A round that keeps late units out of its awards: XA-04 is held back… */
  g_assert_true (td_deadlines_set_blocking (f->board, f->round, TRUE, "Theo QĐ 86/2025, Điều 6", &error));
  g_assert_true (td_completeness_blocks_awards (f->board, td_unit_get_id (xa04), td_round_get_id (f->round), &sent_on,
                                                &closes_on));
  g_assert_cmpstr (sent_on, ==, "2026-10-02");
  /* …until the board excuses it, in the unit's history. */
  g_assert_true (td_deadlines_except (f->board, f->round, xa04, "2026-10-03", "Mất điện diện rộng ngày 30/9", &error));
  g_assert_no_error (error);
  g_assert_false (td_completeness_blocks_awards (f->board, td_unit_get_id (xa04), td_round_get_id (f->round), NULL,
                                                 NULL));
  c = td_completeness_compute (f->board, 2, NULL, "2026-10-05", &error);
  g_assert_cmpint (row_of (c, "XA-04")->timeliness, ==, TD_TIMELINESS_EXCUSED);
  g_assert_cmpuint (c->total.timeliness[TD_TIMELINESS_LATE], ==, 1);
  audit = td_audit_list (f->board, "XA-04", 0, &error);
  for (guint i = 0; i < audit->len; i++)
    {
      TdAuditEntry *e = audit->pdata[i];
      excepted |= g_str_equal (e->field, "deadline_exception") && g_strcmp0 (e->new_value, "2026-10-03") == 0 &&
                  g_str_equal (e->actor, "Phạm Thị Thu");
    }
  g_assert_true (excepted);
  g_clear_pointer (&c, td_completeness_free);

  /* A day's grace makes PH-02 (00:30 on 1/10 there) on time. */
  g_assert_true (td_deadlines_set_grace (f->board, f->round, 1, "Hệ thống gián đoạn ngày 30/9", &error));
  c = td_completeness_compute (f->board, 2, NULL, "2026-10-05", &error);
  g_assert_cmpint (row_of (c, "PH-02")->timeliness, ==, TD_TIMELINESS_ON_TIME);
  g_clear_pointer (&c, td_completeness_free);

  /* An earlier deadline, written into the description the units get. */
  td_deadlines_set_due (f->board, f->round, TD_DEADLINE_ASSESSMENT, "2026-09-26", "Họp sớm", &error);
  g_assert_no_error (error);
  c = td_completeness_compute (f->board, 2, NULL, "2026-10-05", &error);
  g_assert_false (c->deadlines->assessment_default);
  g_assert_cmpstr (c->closes_on, ==, "2026-09-27");
  g_assert_cmpint (row_of (c, "PH-01")->timeliness, ==, TD_TIMELINESS_LATE);
  campaign = td_catalog_get_campaign_json (f->board, &error);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (campaign, NULL), (gssize) g_bytes_get_size (campaign),
                                  "\"assessment_due\" : \"2026-09-26\""));
  /* Back to the default. */
  g_assert_true (td_deadlines_set_due (f->board, f->round, TD_DEADLINE_ASSESSMENT, NULL, "Như cũ", &error));
  g_clear_pointer (&c, td_completeness_free);
  c = td_completeness_compute (f->board, 2, NULL, "2026-10-05", &error);
  g_assert_true (c->deadlines->assessment_default);
}

static char *
all_text (PopplerDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (page);
      g_string_append (s, text);
      g_string_append_c (s, '\n');
    }
  /* A sentence reads the same wherever its lines break. */
  {
    g_autoptr(GRegex) space = g_regex_new ("\\s+", 0, 0, NULL);
    g_autofree char *raw = g_string_free (s, FALSE);
    return g_regex_replace_literal (space, raw, -1, 0, " ", 0, NULL);
  }
}

/* The letter names the units that have not sent and no other; with the late ones on request. */
static void
test_reminder_letter (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdReminder) reminder = td_reminder_load (f->board, 2, NULL, "2026-10-05", FALSE, "2026-10-10", &error);
  g_autoptr(TdReminder) later = td_reminder_load (f->board, 2, NULL, "2026-10-05", TRUE, NULL, &error);
  GPtrArray *rows = reminder->rows, *with_late = later->rows;
  static const char * const chased[] = { "Sở Tài chính tỉnh Bắc Ninh", "Xã Đại Lai", "Xã Song Giang", "Phường Hạp Lĩnh" };
  static const char * const not_chased[] = { "Xã Nhân Bình", "Xã Tân Tiến", "Xã Đông Cứu", "Phường Kinh Bắc",
                                             "Sở Nội vụ tỉnh Bắc Ninh" };
  static const char * const parts[] = {
    "SỞ KHOA HỌC", "V/v đôn đốc gửi báo cáo tự đánh giá", "Kính gửi:", "trước ngày 30/09/2026",
    "Đến ngày 05/10/2026, đã quá thời hạn nêu trên nhưng còn 04 cơ quan, đơn vị chưa gửi báo cáo",
    "trước ngày 10/10/2026", "Nơi nhận:", "GIÁM ĐỐC", "DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ CHƯA GỬI BÁO CÁO",
    "Chưa gửi (đang soạn)", "Đã trả lại, chưa gửi lại", "quá hạn 5 ngày", "Lê Thị Hoa", "0912 345 678",
  };
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) contacts = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpuint (with_late->len, ==, 6);
  /* The deadline has passed: five days from today to send by. */
  g_assert_cmpstr (later->reply_by, ==, "2026-10-10");
  /* The campaign's name for the appraising body until the board names its unit. */
  g_assert_cmpstr (reminder->issuer, ==, "Sở Khoa học và Công nghệ");
  pdf = td_reminder_render_pdf (reminder, &error);
  g_assert_no_error (error);
  doc = open_pdf (pdf);
  text = all_text (doc);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (text, parts[i]) == NULL)
      g_error ("“%s” is not in the letter", parts[i]);
  for (guint i = 0; i < G_N_ELEMENTS (chased); i++)
    g_assert_nonnull (strstr (text, chased[i]));
  for (guint i = 0; i < G_N_ELEMENTS (not_chased); i++)
    if (strstr (text, not_chased[i]) != NULL)
      g_error ("“%s” sent on time and is named in the letter", not_chased[i]);
  /* Inside the Decree 30 margins, in the Decree 30 face, on every page. */
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      check_margins (page);
    }
  {
    g_autoptr(PopplerPage) first = poppler_document_get_page (doc, 0);
    assert_font (first, "Kính gửi:", 14.0, "");
  }
  /* Four units name themselves after "Kính gửi:"; the list is attached either way. */
  {
    g_autoptr(PopplerPage) first = poppler_document_get_page (doc, 0);
    PopplerRectangle r;
    g_assert_true (find_on (first, "- Xã Đại Lai;", &r));
  }

  /* With the late ones, the title says so and they are in it. */
  g_clear_pointer (&pdf, g_bytes_unref);
  g_clear_object (&doc);
  g_clear_pointer (&text, g_free);
  pdf = td_reminder_render_pdf (later, &error);
  doc = open_pdf (pdf);
  text = all_text (doc);
  g_assert_nonnull (strstr (text, "GỬI BÁO CÁO SAU THỜI HẠN"));
  g_assert_nonnull (strstr (text, "Gửi muộn ngày 02/10/2026"));
  g_assert_nonnull (strstr (text, "Có 02 cơ quan, đơn vị gửi báo cáo sau thời hạn"));
  g_assert_nonnull (strstr (text, "Các cơ quan, đơn vị có tên tại danh sách kèm theo."));

  /* The contacts for the phone calls. */
  contacts = td_reminder_contact_rows (reminder);
  g_assert_cmpuint (contacts->len, ==, 4);
  g_assert_cmpstr (((char **) contacts->pdata[0])[0], ==, "PH-03");
  g_assert_cmpstr (((char **) contacts->pdata[1])[8], ==, "vanphong@stc.bacninh.gov.vn");

  /* Nobody left to chase: a clear refusal, no letter. */
  g_ptr_array_set_size (rows, 0);
  g_clear_pointer (&pdf, g_bytes_unref);
  pdf = td_reminder_render_pdf (reminder, &error);
  g_assert_null (pdf);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  /* Once the board has named the register's unit for the appraisal, the letter is its own. */
  g_assert_true (td_appraisal_set_body (f->board, "appraisal", "STP-KHCN", &error));
  g_clear_pointer (&reminder, td_reminder_free);
  reminder = td_reminder_load (f->board, 2, NULL, "2026-10-05", FALSE, NULL, &error);
  g_assert_cmpstr (reminder->issuer, ==, "Sở Khoa học và Công nghệ tỉnh Bắc Ninh");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/completeness/counts", Fixture, NULL, fixture_setup, test_counts, fixture_teardown);
  g_test_add ("/completeness/deadlines-and-exceptions", Fixture, NULL, fixture_setup, test_deadlines_and_exceptions,
              fixture_teardown);
  g_test_add ("/completeness/reminder-letter", Fixture, NULL, fixture_setup, test_reminder_letter, fixture_teardown);
  return g_test_run ();
}
