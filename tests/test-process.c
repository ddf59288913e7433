/* test-process.c: the award process run by the bodies of a province set up from its own
 * register, codes and all (no sample): a commune's self-assessment sent as a package and
 * appraised by the register's Sở KH&CN, the nomination appraised, co-appraised by Sở Nội vụ,
 * passed by a council with its quorum, decided and numbered; every shortcut on the way refused
 * with the board's database unchanged. */
#include "td-certificate.h"
#include "td-package.h"
#include "td-register-import.h"
#include "td-setup.h"
#include "td-test-award.h"

typedef struct {
  char       *dir;
  TdDatabase *board;
  TdDatabase *clerk;
  gint64      round_id;
} Fixture;

static const char register_csv[] =
  "Mã đơn vị;Tên đơn vị;Loại;Mã đơn vị cấp trên\n"
  "UBND-BN;Ủy ban nhân dân tỉnh Bắc Ninh;tỉnh;\n"
  "STP-KHCN;Sở Khoa học và Công nghệ tỉnh Bắc Ninh;sở;UBND-BN\n"
  "STP-NV;Sở Nội vụ tỉnh Bắc Ninh;sở;UBND-BN\n"
  "XA-NB;Xã Nhân Bình;xã;UBND-BN\n"
  "XA-TT;Xã Tân Tiến;xã;UBND-BN\n";

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(TdRegisterPlan) plan = NULL;
  g_autoptr(TdRound) round = NULL;

  f->dir = td_test_make_dir ();
  f->board = td_test_open_seeded (f->dir, "board.db");
  g_assert_true (td_database_set_installation (f->board, TD_INSTALLATION_BOARD, NULL, &error));
  td_database_set_actor (f->board, "Nguyễn Văn Thẩm");
  csv = g_build_filename (f->dir, "so-dang-ky.csv", NULL);
  g_assert_true (g_file_set_contents (csv, register_csv, -1, &error));
  plan = td_register_plan (f->board, csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (td_register_apply (f->board, plan, &error));
  g_assert_no_error (error);
  round = td_catalog_find_round (f->board, 2, &error);
  f->round_id = td_round_get_id (round);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  if (f->clerk != NULL)
    g_assert_finalize_object (f->clerk);
  g_assert_finalize_object (f->board);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

/* The commune's installation from its setup file: every figure, every standard attested,
 * one evidence file, submitted, sent; received at the board. */
static gint64
commune_submits (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *setup = g_build_filename (f->dir, "XA-NB.thidua-setup", NULL);
  g_autofree char *clerk_path = g_build_filename (f->dir, "xa-nb.db", NULL);
  g_autofree char *package = g_build_filename (f->dir, "xa-nb.thidua", NULL);
  g_autoptr(TdSetupResult) result = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(GListModel) targets = NULL;
  g_autoptr(GPtrArray) standards = NULL;
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Danh sách hồ sơ số hóa", "Xã Nhân Bình", 1);
  g_autoptr(TdPackagePreview) preview = NULL;
  g_autoptr(TdUnit) at_board = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  TdEvidenceOwner owner = { 0 };
  gint64 a;

  g_assert_true (td_setup_export (f->board, "XA-NB", setup, &error));
  f->clerk = td_database_open (clerk_path, &error);
  g_assert_no_error (error);
  td_database_set_actor (f->clerk, "Cán bộ xã Nhân Bình");
  result = td_setup_open (f->clerk, setup, NULL, &error);
  g_assert_no_error (error);
  unit = td_catalog_find_unit (f->clerk, "XA-NB", &error);
  round = td_catalog_find_round (f->clerk, 2, &error);
  targets = td_catalog_list_targets (f->clerk, &error);
  a = td_assessment_ensure (f->clerk, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, i);
      TdValue v = { 0 };

      if (!td_target_is_reported_by (t, TD_UNIT_KIND_COMMUNE))
        continue;
      if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
        {
          v.has_index = TRUE;
          v.index_value = 0.95;
        }
      else
        {
          v.has_numerator = v.has_denominator = TRUE;
          v.numerator = 100;
          v.denominator = 100;
        }
      g_assert_true (td_assessment_set_value (f->clerk, a, t, &v, &error));
      g_assert_no_error (error);
    }
  standards = td_catalog_list_standards (f->clerk, FALSE, FALSE, &error);
  for (guint i = 0; i < standards->len; i++)
    g_assert_true (td_assessment_set_attestation (f->clerk, a, ((TdStandard *) standards->pdata[i])->id, TRUE,
                                                  "Có biên bản và số liệu kèm theo", &error));
  owner.assessment_id = a;
  {
    g_autoptr(TdTarget) first = g_list_model_get_item (targets, 0);
    owner.target_id = td_target_get_id (first);
  }
  g_assert_cmpint (td_evidence_attach (f->clerk, pdf, "danh-sach.pdf", &owner, 0, &error), >, 0);
  if (!td_assessment_set_status (f->clerk, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error))
    g_error ("%s", error->message);
  g_assert_true (td_package_export (f->clerk, "XA-NB", 2, package, &error));
  g_assert_no_error (error);

  preview = td_package_import (f->board, package, 0, &error);
  g_assert_no_error (error);
  at_board = td_catalog_find_unit (f->board, "XA-NB", &error);
  info = td_assessment_lookup (f->board, td_unit_get_id (at_board), f->round_id, &error);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_RECEIVED);
  return info->id;
}

#define ASSERT_REFUSED(f, call, domain, code)                      \
  G_STMT_START {                                                   \
    g_autoptr(GError) refused_ = NULL;                             \
    g_autofree char *before_ = td_test_dump ((f)->board);          \
    g_autofree char *after_ = NULL;                                \
    GError **error_ = &refused_;                                   \
    g_assert_false (call);                                         \
    g_assert_error (refused_, domain, code);                       \
    g_test_message ("refused: %s", refused_->message);             \
    after_ = td_test_dump ((f)->board);                            \
    g_assert_cmpstr (before_, ==, after_);                         \
  } G_STMT_END

static TdNominationStatus
status_of (Fixture *f, gint64 id)
{
  g_autoptr(TdNomination) n = td_nomination_get (f->board, id, NULL);
  return n->status;
}

static void
test_whole_process (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 assessment = commune_submits (f);
  g_autoptr(TdUnit) commune = td_catalog_find_unit (f->board, "XA-NB", &error);
  TdNominationSpec spec = {
    .round_id = f->round_id, .unit_id = td_unit_get_id (commune), .proposer_id = td_unit_get_id (commune),
    .level = TD_AWARD_BANG_KHEN, .achievement = "Đã có thành tích xuất sắc trong chuyển đổi số tại địa phương",
    .standards_attested = TRUE,
  };
  gint64 id = td_nomination_create (f->board, &spec, &error);
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(TdDecision) decision = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
  gint64 members[7], meeting, decision_id;

  g_assert_no_error (error);
  decision->round_id = f->round_id;

  /* The campaign's codes are not this register's: the steps are blocked, and say so. */
  ASSERT_REFUSED (f, td_appraisal_approve (f->board, id, "SKHCN", NULL, error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  ASSERT_REFUSED (f, td_appraisal_approve (f->board, id, "STP-KHCN", NULL, error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  ASSERT_REFUSED (f, td_assessment_appraise (f->board, assessment, "STP-KHCN", TRUE, NULL, error_),
                  TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  /* No decision, no council before the steps. */
  ASSERT_REFUSED (f, td_decision_create (f->board, decision, &id, 1, error_) != 0, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_BAD_TRANSITION);
  /* The bodies matched by name, shown for confirmation, then named. */
  steps = td_appraisal_steps (f->board, NULL, &error);
  for (guint i = 0; i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];
      g_autofree char *suggested = td_appraisal_suggest_body (f->board, s);

      if (s->actor != TD_STEP_BY_BODY)
        continue;
      g_assert_false (s->body_active);
      g_assert_cmpstr (suggested, ==, g_str_equal (s->id, "appraisal") ? "STP-KHCN" : "STP-NV");
      /* A commune is not a body of the province's steps. */
      ASSERT_REFUSED (f, td_appraisal_set_body (f->board, s->id, "XA-TT", error_), TD_APPRAISAL_ERROR,
                      TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
      g_assert_true (td_appraisal_set_body (f->board, s->id, suggested, &error));
      g_assert_no_error (error);
    }

  /* The self-assessment: appraised only by Sở KH&CN, once every evidence file has a verdict. */
  ASSERT_REFUSED (f, td_assessment_appraise (f->board, assessment, "STP-NV", TRUE, NULL, error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  ASSERT_REFUSED (f, td_assessment_appraise (f->board, assessment, "STP-KHCN", TRUE, NULL, error_),
                  TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED);
  evidence = td_evidence_list_for_assessment (f->board, assessment, &error);
  g_assert_cmpuint (evidence->len, ==, 1);
  g_assert_true (td_evidence_set_verdict (f->board, ((TdEvidenceInfo *) evidence->pdata[0])->id, TD_VERDICT_ACCEPTED,
                                          "", &error));
  ASSERT_REFUSED (f, td_assessment_appraise (f->board, assessment, "STP-KHCN", FALSE, "  ", error_),
                  TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_REASON_NEEDED);
  g_assert_true (td_assessment_appraise (f->board, assessment, "STP-KHCN", TRUE, "Số liệu khớp với minh chứng",
                                         &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) history = td_assessment_history (f->board, assessment, &error);
    gboolean by = FALSE, opinion = FALSE;

    for (guint i = 0; i < history->len; i++)
      {
        TdAuditEntry *e = history->pdata[i];
        by |= g_str_equal (e->field, "appraised_by") && g_str_equal (e->new_value, "STP-KHCN") &&
              g_str_equal (e->actor, "Nguyễn Văn Thẩm");
        opinion |= g_str_equal (e->field, "appraisal") && g_strcmp0 (e->reason, "Số liệu khớp với minh chứng") == 0;
      }
    g_assert_true (by && opinion);
  }
  checks = td_appraisal_check (f->board, id, TRUE, &error);
  for (guint i = 0; i < checks->len; i++)
    {
      TdEligibilityCheck *c = checks->pdata[i];
      g_test_message ("%s: %s", c->id, c->explanation);
      if (g_str_equal (c->id, "assessment-appraised") || g_str_equal (c->id, "targets-met") ||
          g_str_equal (c->id, "evidence-reviewed"))
        g_assert_true (c->passed);
    }

  /* Sở KH&CN appraises, Sở Nội vụ co-appraises: each at its own step only. */
  ASSERT_REFUSED (f, td_appraisal_approve (f->board, id, "STP-NV", NULL, error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  td_test_pass_step (f->board, id);
  g_assert_cmpint (status_of (f, id), ==, TD_NOMINATION_APPRAISED);
  ASSERT_REFUSED (f, td_appraisal_approve (f->board, id, "STP-KHCN", NULL, error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  td_test_pass_step (f->board, id);
  ASSERT_REFUSED (f, td_decision_create (f->board, decision, &id, 1, error_) != 0, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_BAD_TRANSITION);

  /* The standing committee of seven: four present is no meeting; five present decide only with
   * the written opinion of a sixth. */
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *name = g_strdup_printf ("Thành viên %u", i + 1);
      members[i] = td_council_add_member (f->board, name, "Ủy viên", &error);
      g_assert_no_error (error);
      /* Of the standing committee, which sits for the Bằng khen by the campaign's rule. */
      g_assert_true (td_council_set_standing (f->board, members[i], TRUE, &error));
    }
  ASSERT_REFUSED (f, td_meeting_create (f->board, f->round_id, "2026-10-01", members, 4, &id, 1, error_) != 0,
                  TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  meeting = td_meeting_create (f->board, f->round_id, "2026-10-01", members, 5, &id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (td_meeting_set_details (f->board, meeting, "Phòng họp số 2, UBND tỉnh", "14:00", "16:00", members[0],
                                         members[4], &error));
  g_assert_true (td_meeting_vote (f->board, meeting, id, 4, 1, 0, &error));
  ASSERT_REFUSED (f, td_meeting_close (f->board, meeting, error_), TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  ASSERT_REFUSED (f, td_meeting_record_written (f->board, meeting, id, 3, 0, error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_BAD_MOVE);
  g_assert_true (td_meeting_record_written (f->board, meeting, id, 1, 0, &error));
  g_assert_true (td_meeting_close (f->board, meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, id), ==, TD_NOMINATION_APPROVED);

  /* The Chairman's decision: not dated before the meeting; then the register's numbers. */
  decision_id = td_decision_create (f->board, decision, &id, 1, &error);
  g_assert_no_error (error);
  ASSERT_REFUSED (f, td_decision_issue (f->board, decision_id, "12", "2026-09-30", error_), TD_AWARD_ERROR,
                  TD_AWARD_ERROR_INVALID);
  g_assert_true (td_decision_issue (f->board, decision_id, "12", "2026-10-08", &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, id), ==, TD_NOMINATION_DECIDED);
  {
    TdAwardQuery query = { .issuer = "", .year = 2026 };
    g_autoptr(GPtrArray) book = td_award_book_list (f->board, &query, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (book->len, ==, 1);
  }
  /* The unit renamed by the next register import: what was issued is not renamed. */
  {
    g_autoptr(TdUnitRecord) renamed = td_register_get (f->board, "XA-NB", &error);
    g_autoptr(GPtrArray) awardees = NULL;
    TdAwardQuery query = { .issuer = "", .year = 2026 };
    g_autoptr(GPtrArray) book = NULL;
    g_autoptr(TdDecision) issued = td_decision_load (f->board, decision_id, &error);
    g_autoptr(GPtrArray) certificates = NULL;

    g_free (renamed->name);
    renamed->name = g_strdup ("Xã Nhân Bình Mới");
    g_assert_true (td_register_save (f->board, renamed, FALSE, &error));
    g_assert_no_error (error);
    awardees = td_decision_list_awardees (f->board, decision_id, &error);
    g_assert_cmpstr (td_nomination_get_name (awardees->pdata[0]), ==, "Xã Nhân Bình");
    book = td_award_book_list (f->board, &query, &error);
    g_assert_cmpstr (((TdAwardEntry *) book->pdata[0])->name, ==, "Xã Nhân Bình");
    certificates = td_certificates_for_decision (issued, awardees, NULL);
    g_assert_cmpstr (((TdCertificate *) certificates->pdata[0])->recipient, ==, "Xã Nhân Bình");
  }
  /* Every move in the history, by the body that made it. */
  {
    g_autoptr(GPtrArray) history = td_appraisal_history (f->board, id, &error);
    static const char * const bodies[] = { "XA-NB", "STP-KHCN", "STP-NV" };
    guint found = 0;

    for (guint i = 0; i < history->len; i++)
      {
        TdStepRecord *r = history->pdata[i];
        if ((r->action == TD_STEP_PROPOSE || r->action == TD_STEP_APPROVE) && found < G_N_ELEMENTS (bodies) &&
            g_strcmp0 (r->body_code, bodies[found]) == 0)
          found++;
      }
    g_assert_cmpuint (found, ==, G_N_ELEMENTS (bodies));
  }
}

/* A body never judges its own: a nomination of Sở KH&CN itself is refused at its step; and a
 * unit proposes only its own people, the units under it, or those the register gives it. */
static void
test_no_body_judges_its_own (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) skhcn = td_catalog_find_unit (f->board, "STP-KHCN", &error);
  g_autoptr(TdUnit) commune = td_catalog_find_unit (f->board, "XA-TT", &error);
  TdNominationSpec own = {
    .round_id = f->round_id, .individual = TRUE, .unit_id = td_unit_get_id (skhcn), .proposer_id = td_unit_get_id (skhcn),
    .person_name = "Trần Thị Hạnh", .person_position = "Chuyên viên", .level = TD_AWARD_BANG_KHEN,
    .achievement = "Đã có thành tích xuất sắc", .standards_attested = TRUE,
  };
  TdNominationSpec proposed = own;
  gint64 a;

  g_assert_true (td_appraisal_set_body (f->board, "appraisal", "STP-KHCN", &error));
  a = td_nomination_create (f->board, &own, &error);
  g_assert_no_error (error);
  ASSERT_REFUSED (f, td_appraisal_override (f->board, a, "STP-KHCN", "targets-met", "x", error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  ASSERT_REFUSED (f, td_appraisal_approve (f->board, a, "STP-KHCN", NULL, error_), TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  /* Nor does a department propose a commune it is not above: the commune, or a unit above it. */
  proposed.individual = FALSE;
  proposed.person_name = NULL;
  proposed.unit_id = td_unit_get_id (commune);
  ASSERT_REFUSED (f, td_nomination_create (f->board, &proposed, error_) != 0, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_AUTHORITY);
  /* A retired unit acts at no step. */
  ASSERT_REFUSED (f, td_appraisal_set_body (f->board, "appraisal", "NOWHERE", error_), TD_DATABASE_ERROR,
                  TD_DATABASE_ERROR_NOT_FOUND);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  td_test_install_pdf_checker ();
  g_test_add ("/process/whole-process-from-register", Fixture, NULL, fixture_setup, test_whole_process,
              fixture_teardown);
  g_test_add ("/process/no-body-judges-its-own", Fixture, NULL, fixture_setup, test_no_body_judges_its_own,
              fixture_teardown);
  return g_test_run ();
}
