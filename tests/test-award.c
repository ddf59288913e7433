/* test-award.c: the nomination workflow (every status move, allowed and refused), editing,
 * warnings, and decisions stored and read back. */
#include "td-test-award.h"

typedef struct {
  char       *dir;
  TdDatabase *db;
  gint64      round_id;
  gint64      unit_id;
  gint64      other_unit_id;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdUnit) other = NULL;

  f->dir = td_test_make_dir ();
  f->db = td_test_open_seeded (f->dir, "award.db");
  round = td_catalog_find_round (f->db, 2, &error);
  /* Xã M is above Phường N in this register: it may propose the ward's people too. */
  other = td_catalog_add_unit (f->db, "X-M", "Xã M", TD_UNIT_KIND_COMMUNE, NULL, &error);
  unit = td_catalog_add_unit (f->db, "P-N", "Phường N", TD_UNIT_KIND_WARD, "X-M", &error);
  g_assert_no_error (error);
  f->round_id = td_round_get_id (round);
  f->unit_id = td_unit_get_id (unit);
  f->other_unit_id = td_unit_get_id (other);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_assert_finalize_object (f->db);
  td_test_cleanup_dir (f->dir);
  g_free (f->dir);
}

static TdNominationSpec
spec_for (Fixture *f, const char *person)
{
  TdNominationSpec spec = {
    .round_id = f->round_id, .individual = person != NULL, .unit_id = f->unit_id, .proposer_id = f->unit_id,
    .person_name = person, .person_position = "Công chức Văn phòng - Thống kê", .level = TD_AWARD_BANG_KHEN,
    .achievement = "Đã có thành tích xuất sắc trong số hóa hồ sơ", .standards_attested = TRUE,
  };
  return spec;
}

static TdNominationStatus
status_of (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdNomination) n = td_nomination_get (f->db, id, &error);

  g_assert_no_error (error);
  return n->status;
}

/* A nomination brought to @status along the allowed path. */
static gint64
nomination_at (Fixture *f, TdNominationStatus status)
{
  g_autoptr(GError) error = NULL;
  TdNominationSpec spec = spec_for (f, NULL);
  gint64 id = td_nomination_create (f->db, &spec, &error);

  g_assert_no_error (error);
  if (status == TD_NOMINATION_DECIDED)
    {
      g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);

      td_test_nomination_to (f->db, id, TD_NOMINATION_APPROVED);
      d->round_id = f->round_id;
      g_assert_cmpint (td_decision_create (f->db, d, &id, 1, &error), >, 0);
    }
  else
    td_test_nomination_to (f->db, id, status);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, id), ==, status);
  return id;
}

static void
assert_refused (Fixture *f, const char *before, gboolean ok, GError **error, GQuark domain, int code)
{
  g_autofree char *after = td_test_dump (f->db);

  g_assert_false (ok);
  g_assert_error (*error, domain, code);
  g_clear_error (error);
  g_assert_cmpstr (before, ==, after);
}

/* One state machine: at each step the core names who acts and what may be done, and every
 * shortcut (a body out of turn, a unit outside the register, the nominee judging itself, a
 * decision before the council) is refused with the database unchanged. */
static void
test_one_state_machine (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TdNominationSpec spec = spec_for (f, NULL);
  gint64 id = td_nomination_create (f->db, &spec, &error);
  g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
  g_autofree char *before = NULL;
  TdAppraisalState *state;

  g_assert_no_error (error);
  td_test_ensure_bodies (f->db);
  d->round_id = f->round_id;
  state = td_appraisal_state (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (state->next->id, ==, "appraisal");
  g_assert_cmpstr (state->acting_body, ==, "SKHCN");
  g_assert_true (state->can_approve && state->can_return && !state->can_undo);
  g_clear_pointer (&state, td_appraisal_state_free);

  before = td_test_dump (f->db);
  assert_refused (f, before, td_appraisal_approve (f->db, id, "SNV", NULL, &error), &error, TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  assert_refused (f, before, td_appraisal_approve (f->db, id, "NOWHERE", NULL, &error), &error, TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  assert_refused (f, before, td_appraisal_override (f->db, id, "P-N", "targets-met", "tự xét", &error), &error,
                  TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  assert_refused (f, before, td_decision_create (f->db, d, &id, 1, &error) != 0, &error, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_BAD_TRANSITION);
  /* Checks that fail block the step until the acting body accepts them with a reason. */
  assert_refused (f, before, td_appraisal_approve (f->db, id, "SKHCN", NULL, &error), &error, TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_CHECK_FAILED);
  g_clear_pointer (&before, g_free);

  td_test_pass_step (f->db, id);
  g_assert_cmpint (status_of (f, id), ==, TD_NOMINATION_APPRAISED);
  state = td_appraisal_state (f->db, id, &error);
  g_assert_cmpstr (state->acting_body, ==, "SNV");
  g_assert_cmpstr (state->undo_body, ==, "SKHCN");
  g_assert_true (state->can_approve && state->can_return && state->can_undo);
  g_clear_pointer (&state, td_appraisal_state_free);

  td_test_pass_step (f->db, id);
  /* At the council's step no body approves, returns or decides. */
  state = td_appraisal_state (f->db, id, &error);
  g_assert_cmpint (state->next->actor, ==, TD_STEP_BY_COUNCIL);
  g_assert_null (state->acting_body);
  g_assert_false (state->can_approve || state->can_return);
  g_clear_pointer (&state, td_appraisal_state_free);
  before = td_test_dump (f->db);
  assert_refused (f, before, td_appraisal_approve (f->db, id, "SNV", NULL, &error), &error, TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_BAD_MOVE);
  assert_refused (f, before, td_decision_create (f->db, d, &id, 1, &error) != 0, &error, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_BAD_TRANSITION);
  g_clear_pointer (&before, g_free);

  td_test_council_passes (f->db, f->round_id, &id, 1);
  g_assert_cmpint (status_of (f, id), ==, TD_NOMINATION_APPROVED);
  g_assert_cmpint (td_decision_create (f->db, d, &id, 1, &error), >, 0);
  g_assert_no_error (error);
  state = td_appraisal_state (f->db, id, &error);
  g_assert_null (state->next);
  g_assert_false (state->can_approve || state->can_return || state->can_undo);
  g_clear_pointer (&state, td_appraisal_state_free);
}

/* A Giấy khen follows its issuer's own steps: the issuing unit's council, then its head's
 * decision; another unit's decision, or the province's, is refused. */
static void
test_giay_khen_steps (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TdNominationSpec spec = spec_for (f, "Lê Thị Hồng Nhung");
  gint64 id;
  g_autoptr(TdAppraisalState) state = NULL;
  g_autoptr(TdDecision) other = NULL;
  g_autoptr(TdDecision) own = NULL;
  g_autofree char *before = NULL;

  spec.level = TD_AWARD_GIAY_KHEN;
  id = td_nomination_create (f->db, &spec, &error);
  g_assert_no_error (error);
  state = td_appraisal_state (f->db, id, &error);
  g_assert_cmpint (state->steps->len, ==, 3);
  g_assert_cmpint (state->next->actor, ==, TD_STEP_BY_ISSUER);
  g_assert_cmpstr (state->acting_body, ==, "P-N");   /* the person's own ward */
  g_object_unref (td_catalog_add_unit (f->db, "X-K", "Xã K", TD_UNIT_KIND_COMMUNE, NULL, &error));
  g_assert_no_error (error);
  before = td_test_dump (f->db);
  /* A commune the ward is not under neither approves nor decides. */
  assert_refused (f, before, td_appraisal_approve (f->db, id, "X-K", NULL, &error), &error, TD_APPRAISAL_ERROR,
                  TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  other = td_decision_new_for_issuer (f->db, "X-K", &error);
  g_assert_no_error (error);
  other->round_id = f->round_id;
  assert_refused (f, before, td_decision_create (f->db, other, &id, 1, &error) != 0, &error, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_AUTHORITY);
  own = td_decision_new_for_issuer (f->db, "P-N", &error);
  own->round_id = f->round_id;
  assert_refused (f, before, td_decision_create (f->db, own, &id, 1, &error) != 0, &error, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_BAD_TRANSITION);
  g_clear_pointer (&before, g_free);
  td_test_pass_step (f->db, id);
  g_assert_cmpint (status_of (f, id), ==, TD_NOMINATION_APPROVED);
  /* The commune above may give Giấy khen to the ward's people, but the ward's council approved
   * this one: the decision is the ward's. */
  g_clear_pointer (&other, td_decision_free);
  other = td_decision_new_for_issuer (f->db, "X-M", &error);
  other->round_id = f->round_id;
  before = td_test_dump (f->db);
  assert_refused (f, before, td_decision_create (f->db, other, &id, 1, &error) != 0, &error, TD_AWARD_ERROR,
                  TD_AWARD_ERROR_AUTHORITY);
  g_assert_cmpint (td_decision_create (f->db, own, &id, 1, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (status_of (f, id), ==, TD_NOMINATION_DECIDED);
}

static void
test_return_needs_reason (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = nomination_at (f, TD_NOMINATION_APPRAISED);
  g_autoptr(GPtrArray) log = NULL;

  g_assert_false (td_appraisal_return (f->db, id, "SNV", NULL, "   ", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_REASON_NEEDED);
  g_clear_error (&error);
  g_assert_true (td_appraisal_return (f->db, id, "SNV", NULL, " Thiếu báo cáo thành tích ", &error));
  log = td_audit_list (f->db, "P-N", 1, &error);
  g_assert_cmpstr (((TdAuditEntry *) log->pdata[0])->reason, ==, "Thiếu báo cáo thành tích");
  g_assert_cmpstr (((TdAuditEntry *) log->pdata[0])->old_value, ==, "appraised");
}

static void
test_edit (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TdNominationSpec spec = spec_for (f, "Lê Thị Hồng Nhung");
  gint64 id = td_nomination_create (f->db, &spec, &error);
  g_autoptr(TdNomination) n = NULL;

  /* Bad input is refused and changes nothing. */
  spec.achievement = "  ";
  g_assert_false (td_nomination_update (f->db, id, &spec, &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID);
  g_clear_error (&error);
  spec.achievement = "Đã có thành tích xuất sắc trong chuyển đổi số";
  spec.person_name = "";
  g_assert_false (td_nomination_update (f->db, id, &spec, &error));
  g_clear_error (&error);

  spec.person_name = "Lê Thị Hồng Nhung";
  spec.level = TD_AWARD_GIAY_KHEN;
  g_assert_true (td_nomination_update (f->db, id, &spec, &error));
  g_assert_no_error (error);
  n = td_nomination_get (f->db, id, &error);
  g_assert_cmpint (n->level, ==, TD_AWARD_GIAY_KHEN);
  g_assert_cmpstr (n->achievement, ==, "Đã có thành tích xuất sắc trong chuyển đổi số");

  /* Under appraisal, it cannot be edited. */
  td_test_nomination_to (f->db, id, TD_NOMINATION_APPROVED);
  g_assert_false (td_nomination_update (f->db, id, &spec, &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_BAD_TRANSITION);
}

static gboolean
has_warning (char **warnings, const char *part)
{
  for (guint i = 0; warnings[i]; i++)
    if (strstr (warnings[i], part))
      return TRUE;
  return FALSE;
}

static void
test_warnings (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  TdNominationSpec spec = spec_for (f, "Phạm Quốc Hưng");
  gint64 first = td_nomination_create (f->db, &spec, &error);
  gint64 second;
  g_autoptr(TdNomination) n = NULL;
  g_auto(GStrv) warnings = NULL;
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo thành tích", "Phạm Quốc Hưng", 1);
  TdEvidenceOwner owner = { .nomination_id = first };

  /* The same person again, proposed by another unit, typed in capitals without diacritics. */
  spec.person_name = "PHAM QUOC HUNG";
  spec.proposer_id = f->other_unit_id;
  spec.standards_attested = FALSE;
  second = td_nomination_create (f->db, &spec, &error);
  g_assert_no_error (error);

  n = td_nomination_get (f->db, second, &error);
  warnings = td_nomination_warnings (f->db, n, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (warnings, "evidence"));
  g_assert_true (has_warning (warnings, "not attested"));
  g_assert_true (has_warning (warnings, "no self-assessment"));
  g_assert_true (has_warning (warnings, "more than once"));
  g_clear_pointer (&warnings, g_strfreev);
  g_clear_pointer (&n, td_nomination_free);
  /* The appraisal's check says why it thinks so. */
  {
    g_autoptr(GPtrArray) checks = td_appraisal_check (f->db, second, TRUE, &error);

    g_assert_no_error (error);
    for (guint i = 0; i < checks->len; i++)
      if (g_str_equal (((TdEligibilityCheck *) checks->pdata[i])->id, "not-twice"))
        g_assert_nonnull (strstr (((TdEligibilityCheck *) checks->pdata[i])->explanation,
                                  "differ only in diacritics"));
  }

  /* The first one, with evidence and a self-assessment still in draft. */
  g_assert_cmpint (td_evidence_attach (f->db, pdf, "bao-cao.pdf", &owner, 0, &error), >, 0);
  td_assessment_ensure (f->db, f->unit_id, f->round_id, &error);
  g_assert_no_error (error);
  n = td_nomination_get (f->db, first, &error);
  warnings = td_nomination_warnings (f->db, n, &error);
  g_assert_true (has_warning (warnings, "not appraised yet"));
  g_clear_pointer (&warnings, g_strfreev);
  /* A returned duplicate no longer counts. */
  td_test_nomination_to (f->db, second, TD_NOMINATION_RETURNED);
  warnings = td_nomination_warnings (f->db, n, &error);
  g_assert_false (has_warning (warnings, "evidence"));
  g_assert_false (has_warning (warnings, "more than once"));
}

static void
test_decision_roundtrip (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDecision) d = td_decision_new_from_template (TD_AWARD_BANG_KHEN, &error);
  g_autoptr(TdDecision) back = NULL;
  g_autoptr(GPtrArray) awardees = NULL;
  g_autofree char *number = NULL;
  gint64 a = nomination_at (f, TD_NOMINATION_APPROVED);
  gint64 b = nomination_at (f, TD_NOMINATION_APPRAISED);
  gint64 id;

  g_assert_no_error (error);
  d->round_id = f->round_id;
  /* Not yet approved: refused, and the approved one stays approved. */
  g_assert_cmpint (td_decision_create (f->db, d, (gint64[]) { a, b }, 2, &error), ==, 0);
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_BAD_TRANSITION);
  g_clear_error (&error);
  g_assert_cmpint (status_of (f, a), ==, TD_NOMINATION_APPROVED);
  g_assert_cmpint (td_decision_create (f->db, d, NULL, 0, &error), ==, 0);
  g_clear_error (&error);
  g_free (d->signed_on);
  d->signed_on = g_strdup ("2026-02-30");
  g_assert_cmpint (td_decision_create (f->db, d, &a, 1, &error), ==, 0);
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&d->signed_on, g_free);

  id = td_decision_create (f->db, d, &a, 1, &error);
  g_assert_no_error (error);
  back = td_decision_load (f->db, id, &error);
  g_assert_cmpstr (back->summary, ==, d->summary);
  g_assert_cmpstrv (back->bases, d->bases);
  g_assert_cmpstrv (back->articles, d->articles);
  g_assert_cmpstrv (back->recipients, d->recipients);
  g_assert_null (back->signed_on);
  g_assert_true (td_decision_is_draft (back));
  number = td_decision_format_number (back);
  g_assert_cmpstr (number, ==, "…/QĐ-UBND");

  /* Edited as a draft (a number typed into the text is not how it gets one), then issued. */
  g_free (back->number);
  back->number = g_strdup ("7");
  g_free (back->signer_name);
  back->signer_name = g_strdup ("Nguyễn Văn A");
  g_assert_true (td_decision_save (f->db, back, &error));
  g_clear_pointer (&back, td_decision_free);
  back = td_decision_load (f->db, id, &error);
  g_assert_true (td_decision_is_draft (back));
  g_assert_cmpstr (back->number, ==, "");
  g_assert_true (td_decision_issue (f->db, id, "7", "2026-10-08", &error));
  g_assert_no_error (error);
  g_clear_pointer (&back, td_decision_free);
  back = td_decision_load (f->db, id, &error);
  g_clear_pointer (&number, g_free);
  number = td_decision_format_number (back);
  g_assert_cmpstr (number, ==, "07/QĐ-UBND");
  g_assert_cmpstr (back->signed_on, ==, "2026-10-08");
  g_assert_cmpint (back->status, ==, TD_DECISION_ISSUED);
  g_assert_cmpstr (back->signer_name, ==, "Nguyễn Văn A");
  /* Issued: its text no longer changes, nor is it issued twice. */
  g_assert_false (td_decision_save (f->db, back, &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_ISSUED);
  g_clear_error (&error);
  g_assert_false (td_decision_issue (f->db, id, "8", "2026-10-09", &error));
  g_assert_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_ISSUED);
  g_clear_error (&error);
  awardees = td_decision_list_awardees (f->db, id, &error);
  g_assert_cmpuint (awardees->len, ==, 1);
  g_assert_cmpint (((TdNomination *) awardees->pdata[0])->id, ==, a);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/award/one-state-machine", test_one_state_machine);
  ADD ("/award/giay-khen-steps", test_giay_khen_steps);
  ADD ("/award/return-needs-reason", test_return_needs_reason);
  ADD ("/award/edit", test_edit);
  ADD ("/award/warnings", test_warnings);
  ADD ("/award/decision-roundtrip", test_decision_roundtrip);
  return g_test_run ();
}
