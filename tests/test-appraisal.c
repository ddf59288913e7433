/* test-appraisal.c: the appraisal steps from the campaign, every move allowed and refused by
 * role with its history and audit rows, the undo order, each eligibility check on a hand-made
 * case with its explanation, and the council's vote thresholds on their boundaries. */
#include "td-demo.h"
#include "td-test-award.h"

typedef struct {
  char       *dir;
  TdDatabase *db;
  gint64      round_id;
  gint64      unit_id;
  gint64      assessment_id;
  gint64      nomination;     /* Xã Thử's collective Bằng khen, proposed by Sở KH&CN */
} Fixture;

/* Audit rows whose field is @field. */
static guint
count (TdDatabase *db,
       const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = td_audit_list (db, NULL, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    n += g_strcmp0 (((TdAuditEntry *) rows->pdata[i])->field, field) == 0;
  return n;
}

/* Every target the commune reports, met (100 % of 100, an index of 0,9), but @failing at 50 %. */
static void
fill_values (Fixture *f,
             gint64   assessment_id,
             guint    failing)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) targets = td_catalog_list_targets (f->db, &error);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, i);
      TdValue v = { 0 };

      if (!td_target_is_reported_by (t, TD_UNIT_KIND_COMMUNE))
        continue;
      if (td_target_get_kind (t) == TD_TARGET_KIND_INDEX)
        {
          v.has_index = TRUE;
          v.index_value = 0.9;
        }
      else
        {
          v.has_numerator = v.has_denominator = TRUE;
          v.numerator = td_target_get_number (t) == failing ? 50 : 100;
          v.denominator = 100;
        }
      g_assert_true (td_assessment_set_value (f->db, assessment_id, t, &v, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  TdNominationSpec spec = { 0 };

  td_test_install_pdf_checker ();
  f->dir = td_test_make_dir ();
  f->db = td_test_open_seeded (f->dir, "appraisal.db");
  round = td_catalog_find_round (f->db, 2, &error);
  f->round_id = td_round_get_id (round);
  g_object_unref (td_catalog_add_unit (f->db, "BN", "UBND tỉnh Bắc Ninh", TD_UNIT_KIND_PROVINCE, NULL, &error));
  g_object_unref (td_catalog_add_unit (f->db, "SKHCN", "Sở Khoa học và Công nghệ", TD_UNIT_KIND_DEPARTMENT, "BN",
                                       &error));
  g_object_unref (td_catalog_add_unit (f->db, "SNV", "Sở Nội vụ", TD_UNIT_KIND_DEPARTMENT, "BN", &error));
  unit = td_catalog_add_unit (f->db, "X-THU", "Xã Thử", TD_UNIT_KIND_COMMUNE, "BN", &error);
  g_assert_no_error (error);
  f->unit_id = td_unit_get_id (unit);
  f->assessment_id = td_assessment_ensure (f->db, f->unit_id, f->round_id, &error);
  g_assert_no_error (error);
  spec.round_id = f->round_id;
  spec.unit_id = f->unit_id;
  spec.proposer_id = f->unit_id;   /* a body never appraises what it proposed */
  spec.level = TD_AWARD_BANG_KHEN;
  spec.achievement = "Đã có thành tích xuất sắc trong chuyển đổi số";
  spec.standards_attested = TRUE;
  f->nomination = td_nomination_create (f->db, &spec, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static TdEligibilityCheck *
find_check (GPtrArray  *checks,
            const char *id)
{
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (((TdEligibilityCheck *) checks->pdata[i])->id, id))
      return checks->pdata[i];
  g_assert_not_reached ();
}

static void
test_steps_from_campaign (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *threshold = NULL;
  g_autoptr(GPtrArray) steps = td_appraisal_steps (f->db, &threshold, &error);
  static const char * const bad[] = {
    "{\"steps\": [{\"id\": \"a\", \"acted_by\": \"SKHCN\", \"status\": \"proposed\"},"
    " {\"id\": \"b\", \"acted_by\": \"SNV\", \"status\": \"approved\"}]}",
    "{\"steps\": [{\"id\": \"a\", \"acted_by\": \"proposer\", \"status\": \"proposed\"},"
    " {\"id\": \"b\", \"acted_by\": \"SNV\", \"status\": \"approved\", \"checks\": [\"luck\"]}]}",
    "{\"steps\": [{\"id\": \"a\", \"acted_by\": \"proposer\", \"status\": \"proposed\"},"
    " {\"id\": \"a\", \"acted_by\": \"SNV\", \"status\": \"approved\"}]}",
    "{\"steps\": [{\"id\": \"a\", \"acted_by\": \"proposer\", \"status\": \"proposed\"},"
    " {\"id\": \"b\", \"acted_by\": \"SNV\", \"status\": \"approved\"}], \"council\": {\"threshold\": \"most\"}}",
  };

  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 5);
  g_assert_cmpstr (threshold, ==, "more-than-half");
  g_assert_cmpstr (((TdStepSpec *) steps->pdata[1])->body_code, ==, "SKHCN");
  g_assert_cmpstr (((TdStepSpec *) steps->pdata[1])->body_name, ==, "Sở Khoa học và Công nghệ");
  g_assert_cmpstr (((TdStepSpec *) steps->pdata[2])->body_code, ==, "SNV");
  g_assert_cmpint (((TdStepSpec *) steps->pdata[3])->actor, ==, TD_STEP_BY_COUNCIL);
  g_assert_cmpint (((TdStepSpec *) steps->pdata[4])->actor, ==, TD_STEP_BY_DECISION);

  /* The board names another body for a step; a step that is not a body's is refused. */
  g_assert_true (td_appraisal_set_body (f->db, "appraisal", "SNV", &error));
  g_clear_pointer (&steps, g_ptr_array_unref);
  steps = td_appraisal_steps (f->db, NULL, &error);
  g_assert_cmpstr (((TdStepSpec *) steps->pdata[1])->body_code, ==, "SNV");
  g_assert_true (td_appraisal_set_body (f->db, "appraisal", NULL, &error));
  g_assert_false (td_appraisal_set_body (f->db, "council", "SNV", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_clear_error (&error);
  g_assert_false (td_appraisal_set_body (f->db, "appraisal", "KHONG-CO", &error));
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (bad[i], &error);

      g_assert_no_error (error);
      g_assert_false (td_appraisal_validate_json (node, &error));
      g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_INVALID);
      g_clear_error (&error);
    }
}

static void
test_checks_explained (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) standards = td_catalog_list_standards (f->db, FALSE, FALSE, &error);
  g_autoptr(GListModel) targets = td_catalog_list_targets (f->db, &error);
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo thành tích", "Xã Thử", 1);
  TdEvidenceOwner owner = { .nomination_id = f->nomination };
  TdEligibilityCheck *c;
  gint64 evidence, hold;

  /* Nothing yet: no self-assessment submitted, no evidence. */
  checks = td_appraisal_check (f->db, f->nomination, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 6);
  c = find_check (checks, "assessment-appraised");
  g_assert_false (c->passed);
  g_assert_cmpstr (c->explanation, ==, "The self-assessment of Xã Thử is not appraised yet (it is Draft).");
  g_assert_cmpstr (find_check (checks, "targets-met")->explanation, ==, "Xã Thử has no submitted figures for this round.");
  g_assert_cmpstr (find_check (checks, "evidence-reviewed")->explanation, ==, "No evidence is attached to this nomination.");
  c = find_check (checks, "standards-justified");
  g_assert_false (c->passed);
  g_assert_true (g_str_has_prefix (c->explanation, "Not attested with a justification: TT-1"));
  g_assert_true (find_check (checks, "not-twice")->passed);
  g_assert_cmpstr (find_check (checks, "not-twice")->explanation, ==, "Xã Thử is proposed once in this round.");
  g_assert_true (find_check (checks, "no-hold")->passed);

  /* Target 4 at 50 %, the rest met; every standard justified but the last; submitted and
   * appraised by the board. */
  fill_values (f, f->assessment_id, 4);
  for (guint i = 0; i < standards->len; i++)
    g_assert_true (td_assessment_set_attestation (f->db, f->assessment_id, ((TdStandard *) standards->pdata[i])->id,
                                                  i + 1 < standards->len, i + 1 < standards->len ? "Có minh chứng kèm theo" : "",
                                                  &error));
  if (!td_assessment_set_status (f->db, f->assessment_id, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error))
    g_error ("%s", error->message);
  g_assert_no_error (error);
  g_assert_true (td_assessment_set_status (f->db, f->assessment_id, TD_ASSESSMENT_RECEIVED, NULL, targets, &error));
  g_assert_true (td_assessment_appraise (f->db, f->assessment_id, "SKHCN", TRUE, "Đạt", &error));
  g_assert_no_error (error);
  evidence = td_evidence_attach (f->db, pdf, "bao-cao.pdf", &owner, 0, &error);
  g_assert_no_error (error);
  g_assert_true (td_evidence_set_verdict (f->db, evidence, TD_VERDICT_REJECTED, "Thiếu chữ ký", &error));
  hold = td_appraisal_add_hold (f->db, f->round_id, "X-THU", NULL, "inspection", "Thanh tra tỉnh đang xác minh đơn thư",
                                &error);
  g_assert_cmpint (hold, >, 0);

  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = td_appraisal_check (f->db, f->nomination, TRUE, &error);
  g_assert_true (find_check (checks, "assessment-appraised")->passed);
  c = find_check (checks, "targets-met");
  g_assert_false (c->passed);
  g_assert_nonnull (strstr (c->explanation, "target 4: 50\xc2\xa0% against > 90\xc2\xa0%"));
  g_assert_true (g_str_has_prefix (c->explanation, "1 of 17 targets is not met"));
  c = find_check (checks, "standards-justified");
  g_assert_false (c->passed);
  {
    g_autofree char *expected = g_strdup_printf ("Not attested with a justification: %s.",
                                                 ((TdStandard *) standards->pdata[standards->len - 1])->code);
    g_assert_cmpstr (c->explanation, ==, expected);
  }
  g_assert_cmpstr (find_check (checks, "evidence-reviewed")->explanation, ==, "1 evidence file is rejected.");
  c = find_check (checks, "no-hold");
  g_assert_false (c->passed);
  g_assert_cmpstr (c->explanation, ==, "Xã Thử is under inspection (Thanh tra tỉnh đang xác minh đơn thư): not eligible "
                                       "while this stands.");

  /* Another commune whose every target is met, submitted. */
  {
    g_autoptr(TdUnit) du = td_catalog_add_unit (f->db, "X-DU", "Xã Đủ", TD_UNIT_KIND_COMMUNE, "BN", &error);
    gint64 a = td_assessment_ensure (f->db, td_unit_get_id (du), f->round_id, &error);
    TdNominationSpec spec = { .round_id = f->round_id, .unit_id = td_unit_get_id (du),
                              .proposer_id = td_unit_get_id (du), .level = TD_AWARD_BANG_KHEN,
                              .achievement = "Đạt mọi chỉ tiêu", .standards_attested = TRUE };
    gint64 id;

    fill_values (f, a, 0);
    for (guint i = 0; i < standards->len; i++)
      g_assert_true (td_assessment_set_attestation (f->db, a, ((TdStandard *) standards->pdata[i])->id, TRUE,
                                                    "Có minh chứng kèm theo", &error));
    g_assert_true (td_assessment_set_status (f->db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error));
    id = td_nomination_create (f->db, &spec, &error);
    g_clear_pointer (&checks, g_ptr_array_unref);
    checks = td_appraisal_check (f->db, id, TRUE, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (find_check (checks, "targets-met")->explanation, ==, "All 17 targets its kind reports are met.");
    g_assert_cmpstr (find_check (checks, "standards-justified")->explanation, ==,
                     "Every one of the 2 standards is attested with a justification.");
    g_assert_cmpstr (find_check (checks, "assessment-appraised")->explanation, ==,
                     "The self-assessment of Xã Đủ is not appraised yet (it is Submitted).");
  }

  /* Put right: the checks pass, each saying why. */
  g_assert_true (td_evidence_set_verdict (f->db, evidence, TD_VERDICT_ACCEPTED, "", &error));
  g_assert_true (td_appraisal_lift_hold (f->db, hold, &error));
  g_assert_false (td_appraisal_lift_hold (f->db, hold, &error));
  g_clear_error (&error);
  g_clear_pointer (&checks, g_ptr_array_unref);
  checks = td_appraisal_check (f->db, f->nomination, TRUE, &error);
  g_assert_cmpstr (find_check (checks, "evidence-reviewed")->explanation, ==, "The 1 evidence file is accepted.");
  g_assert_true (find_check (checks, "no-hold")->passed);
  /* A second proposal of the same collective in the round. */
  {
    g_autoptr(TdNomination) n = td_nomination_get (f->db, f->nomination, &error);
    TdNominationSpec spec = { .round_id = f->round_id, .unit_id = f->unit_id, .proposer_id = f->unit_id,
                              .level = TD_AWARD_BANG_KHEN, .achievement = "Lần hai", .standards_attested = TRUE };
    g_assert_cmpint (td_nomination_create (f->db, &spec, &error), >, 0);
    g_clear_pointer (&checks, g_ptr_array_unref);
    checks = td_appraisal_check (f->db, n->id, TRUE, &error);
    g_assert_cmpstr (find_check (checks, "not-twice")->explanation, ==,
                     "Xã Thử is nominated more than once in this round (also by Xã Thử).");
  }
}

static void
test_moves_by_role (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(TdNomination) n = NULL;

  /* Sở Nội vụ does not appraise the targets; Sở KH&CN is refused while the checks fail. */
  g_assert_false (td_appraisal_approve (f->db, f->nomination, "SNV", NULL, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  g_assert_nonnull (strstr (error->message, "Sở Khoa học và Công nghệ (SKHCN)"));
  g_clear_error (&error);
  g_assert_false (td_appraisal_approve (f->db, f->nomination, "SKHCN", "Đạt", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED);
  g_assert_nonnull (strstr (error->message, "is not appraised yet"));
  g_clear_error (&error);
  /* Overrides: each with a reason, by the acting body, of a check that fails. */
  g_assert_false (td_appraisal_override (f->db, f->nomination, "SKHCN", "assessment-appraised", " ", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_false (td_appraisal_override (f->db, f->nomination, "SNV", "assessment-appraised", "x", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  g_clear_error (&error);
  g_assert_false (td_appraisal_override (f->db, f->nomination, "SKHCN", "no-hold", "x", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_clear_error (&error);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const ids[] = { "assessment-appraised", "targets-met", "evidence-reviewed" };
      g_assert_true (td_appraisal_override (f->db, f->nomination, "SKHCN", ids[i],
                                            "Đơn vị đã gửi bản giấy, Sở đã đối chiếu", &error));
      g_assert_no_error (error);
    }
  g_assert_true (td_appraisal_approve (f->db, f->nomination, "SKHCN", "Đủ điều kiện", &error));
  g_assert_no_error (error);
  n = td_nomination_get (f->db, f->nomination, &error);
  g_assert_cmpint (n->status, ==, TD_NOMINATION_APPRAISED);
  g_assert_cmpuint (td_appraisal_steps_done (f->db, f->nomination, NULL), ==, 2);

  /* The council's and the decision's steps are not approved by hand. */
  g_assert_false (td_appraisal_undo (f->db, f->nomination, "SNV", "x", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  g_clear_error (&error);
  g_assert_false (td_appraisal_undo (f->db, f->nomination, "SKHCN", "", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_true (td_appraisal_undo (f->db, f->nomination, "SKHCN", "Nhầm hồ sơ", &error));
  g_assert_cmpuint (td_appraisal_steps_done (f->db, f->nomination, NULL), ==, 1);
  g_assert_false (td_appraisal_undo (f->db, f->nomination, "SKHCN", "again", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_clear_error (&error);
  /* The undo started the step afresh: the overrides are needed again. */
  g_assert_false (td_appraisal_approve (f->db, f->nomination, "SKHCN", NULL, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED);
  g_clear_error (&error);

  /* Returned to the proposer with the reason; proposed again by it (the commune itself). */
  g_assert_false (td_appraisal_return (f->db, f->nomination, "SKHCN", NULL, "", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_true (td_appraisal_return (f->db, f->nomination, "SKHCN", NULL, "Bổ sung biên bản họp", &error));
  g_clear_pointer (&n, td_nomination_free);
  n = td_nomination_get (f->db, f->nomination, &error);
  g_assert_cmpint (n->status, ==, TD_NOMINATION_RETURNED);
  g_assert_cmpstr (n->status_reason, ==, "Bổ sung biên bản họp");
  g_assert_false (td_appraisal_approve (f->db, f->nomination, "SKHCN", NULL, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  g_clear_error (&error);
  g_assert_true (td_appraisal_approve (f->db, f->nomination, "X-THU", "Đã bổ sung", &error));
  g_assert_cmpuint (td_appraisal_steps_done (f->db, f->nomination, NULL), ==, 1);

  history = td_appraisal_history (f->db, f->nomination, &error);
  g_assert_cmpuint (history->len, ==, 8);
  {
    static const TdStepAction expected[] = { TD_STEP_PROPOSE, TD_STEP_OVERRIDE, TD_STEP_OVERRIDE, TD_STEP_OVERRIDE,
                                              TD_STEP_APPROVE, TD_STEP_UNDO, TD_STEP_RETURN, TD_STEP_PROPOSE };
    for (guint i = 0; i < history->len; i++)
      g_assert_cmpint (((TdStepRecord *) history->pdata[i])->action, ==, expected[i]);
  }
  g_assert_cmpstr (((TdStepRecord *) history->pdata[4])->opinion, ==, "Đủ điều kiện");
  g_assert_cmpstr (((TdStepRecord *) history->pdata[4])->body_name, ==, "Sở Khoa học và Công nghệ");
  g_assert_cmpstr (((TdStepRecord *) history->pdata[4])->actor, ==, "Người kiểm thử");
  g_assert_cmpstr (((TdStepRecord *) history->pdata[6])->reason, ==, "Bổ sung biên bản họp");
  g_assert_cmpuint (count (f->db, "override"), ==, 3);
}

static void
test_vote_thresholds (void)
{
  /* More than half of 10: 5 is not, 6 is; of 9: 5 is. */
  g_assert_false (td_council_passes (5, 10, "more-than-half"));
  g_assert_true (td_council_passes (6, 10, "more-than-half"));
  g_assert_true (td_council_passes (5, 9, "more-than-half"));
  g_assert_false (td_council_passes (4, 9, "more-than-half"));
  /* Two thirds of 9 is 6; of 10, 6,67 needs 7. */
  g_assert_true (td_council_passes (6, 9, "two-thirds"));
  g_assert_false (td_council_passes (5, 9, "two-thirds"));
  g_assert_false (td_council_passes (6, 10, "two-thirds"));
  g_assert_true (td_council_passes (7, 10, "two-thirds"));
  g_assert_true (td_council_passes (0, 0, "two-thirds") == TRUE);
}

static void
test_meeting (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdMeeting) m = NULL;
  g_autoptr(TdNomination) n = NULL;
  gint64 members[5], meeting;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("Thành viên %u", i + 1);
      members[i] = td_council_add_member (f->db, name, "Ủy viên", &error);
      g_assert_no_error (error);
      g_assert_true (td_council_set_standing (f->db, members[i], TRUE, &error));
    }
  /* Not yet through the appraisals: refused on the agenda. */
  meeting = td_meeting_create (f->db, f->round_id, "2026-11-20", members, 4, &f->nomination, 1, &error);
  g_assert_cmpint (meeting, ==, 0);
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_clear_error (&error);
  /* Sở KH&CN appraises (its failed checks accepted); Sở Nội vụ co-appraises with overrides. */
  td_test_pass_step (f->db, f->nomination);
  for (guint i = 0; i < 2; i++)
    {
      static const char * const ids[] = { "standards-justified", "evidence-reviewed" };
      g_assert_true (td_appraisal_override (f->db, f->nomination, "SNV", ids[i], "Đã kiểm tra hồ sơ giấy", &error));
    }
  g_assert_true (td_appraisal_approve (f->db, f->nomination, "SNV", "Đúng quy trình", &error));
  g_assert_no_error (error);
  meeting = td_meeting_create (f->db, f->round_id, "2026-11-20", members, 4, &f->nomination, 1, &error);
  g_assert_no_error (error);
  /* Every member present votes once. */
  g_assert_false (td_meeting_vote (f->db, meeting, f->nomination, 3, 0, 0, &error));
  g_clear_error (&error);
  g_assert_false (td_meeting_close (f->db, meeting, &error));
  g_clear_error (&error);
  /* 3 of the council's 5 agree: more than half of the members. */
  g_assert_true (td_meeting_vote (f->db, meeting, f->nomination, 3, 1, 0, &error));
  g_assert_true (td_meeting_close (f->db, meeting, &error));
  g_assert_no_error (error);
  m = td_meeting_load (f->db, meeting, &error);
  g_assert_true (m->closed);
  g_assert_cmpuint (m->members_total, ==, 5);
  g_assert_cmpuint (m->present->len, ==, 4);
  g_assert_true (((TdMeetingItem *) m->items->pdata[0])->passed);
  n = td_nomination_get (f->db, f->nomination, &error);
  g_assert_cmpint (n->status, ==, TD_NOMINATION_APPROVED);
  g_assert_cmpuint (td_appraisal_steps_done (f->db, f->nomination, NULL), ==, 4);
  g_assert_false (td_meeting_vote (f->db, meeting, f->nomination, 4, 0, 0, &error));
  g_clear_error (&error);
  /* Undoing the council's vote by hand is refused; the decision is the next step. */
  g_assert_false (td_appraisal_undo (f->db, f->nomination, "SNV", "x", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_clear_error (&error);
  g_assert_false (td_appraisal_approve (f->db, f->nomination, "SNV", NULL, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/appraisal/steps-from-campaign", Fixture, NULL, fixture_setup, test_steps_from_campaign,
              fixture_teardown);
  g_test_add ("/appraisal/checks-explained", Fixture, NULL, fixture_setup, test_checks_explained, fixture_teardown);
  g_test_add ("/appraisal/moves-by-role", Fixture, NULL, fixture_setup, test_moves_by_role, fixture_teardown);
  g_test_add_func ("/appraisal/vote-thresholds", test_vote_thresholds);
  g_test_add ("/appraisal/meeting", Fixture, NULL, fixture_setup, test_meeting, fixture_teardown);
  return g_test_run ();
}
