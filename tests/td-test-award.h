/* td-test-award.h: brings a nomination to a status the only way there is, by the appraisal's
 * moves, each by the body its step names (failed checks accepted with a reason, the council's
 * vote held), so that tests of decisions, documents and warnings start from a real state. */
#pragma once

#include "td-test-util.h"

/* The province's bodies, added to a test's register when it has none of them. */
static inline void
td_test_ensure_bodies (TdDatabase *db)
{
  static const struct { const char *code, *name; } bodies[] = {
    { "SKHCN", "Sở Khoa học và Công nghệ" },
    { "SNV", "Sở Nội vụ" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(TdUnit) unit = td_catalog_find_unit (db, bodies[i].code, NULL);
      g_autoptr(GError) error = NULL;

      if (unit == NULL)
        unit = td_catalog_add_unit (db, bodies[i].code, bodies[i].name, TD_UNIT_KIND_DEPARTMENT, NULL, &error);
      g_assert_no_error (error);
    }
}

/* The self-assessment @id, received, appraised by Sở KH&CN: its evidence accepted first. */
static inline void
td_test_appraise_assessment (TdDatabase *db,
                             gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) evidence = NULL;

  td_test_ensure_bodies (db);
  evidence = td_evidence_list_for_assessment (db, id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < evidence->len; i++)
    if (((TdEvidenceInfo *) evidence->pdata[i])->verdict == TD_VERDICT_UNREVIEWED)
      g_assert_true (td_evidence_set_verdict (db, ((TdEvidenceInfo *) evidence->pdata[i])->id, TD_VERDICT_ACCEPTED, "",
                                              &error));
  g_assert_true (td_assessment_appraise (db, id, "SKHCN", TRUE, "Số liệu khớp với minh chứng", &error));
  g_assert_no_error (error);
}

/* The next step of @id approved by the body acting at it, its failed checks accepted. */
static inline void
td_test_pass_step (TdDatabase *db,
                   gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAppraisalState) state = td_appraisal_state (db, id, &error);
  g_autoptr(GPtrArray) checks = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (state->acting_body);
  checks = td_appraisal_check (db, id, FALSE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < checks->len; i++)
    {
      TdEligibilityCheck *c = checks->pdata[i];
      if (!c->passed && !c->overridden)
        g_assert_true (td_appraisal_override (db, id, state->acting_body, c->id, "Đã đối chiếu hồ sơ giấy", &error));
      g_assert_no_error (error);
    }
  g_assert_true (td_appraisal_approve (db, id, state->acting_body, NULL, &error));
  g_assert_no_error (error);
}

/* The council votes for every one of @ids (waiting for it), all members present. */
static inline gint64
td_test_council_passes (TdDatabase   *db,
                        gint64        round_id,
                        const gint64 *ids,
                        guint         n_ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = td_council_list_members (db, &error);
  g_autoptr(GArray) present = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 meeting;

  g_assert_no_error (error);
  /* The standing committee sits for the Bằng khen (the campaign's rule): its members, all present. */
  for (guint i = 0; i < members->len; i++)
    if (((TdCouncilMember *) members->pdata[i])->active && ((TdCouncilMember *) members->pdata[i])->standing)
      g_array_append_val (present, ((TdCouncilMember *) members->pdata[i])->id);
  for (guint i = present->len; i < 3; i++)
    {
      static const char * const names[] = { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường" };
      gint64 member = td_council_add_member (db, names[i], "Ủy viên", &error);

      g_assert_no_error (error);
      g_assert_true (td_council_set_standing (db, member, TRUE, &error));
      g_array_append_val (present, member);
    }
  meeting = td_meeting_create (db, round_id, "2026-10-01", (gint64 *) present->data, present->len, ids, n_ids, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_ids; i++)
    g_assert_true (td_meeting_vote (db, meeting, ids[i], present->len, 0, 0, &error));
  g_assert_true (td_meeting_close (db, meeting, &error));
  g_assert_no_error (error);
  return meeting;
}

/* @id brought to @status (proposed, appraised, approved or returned) along its level's steps. */
static inline void
td_test_nomination_to (TdDatabase         *db,
                       gint64              id,
                       TdNominationStatus  status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdNomination) n = td_nomination_get (db, id, &error);

  g_assert_no_error (error);
  td_test_ensure_bodies (db);
  if (status == TD_NOMINATION_RETURNED)
    {
      g_autoptr(TdAppraisalState) state = td_appraisal_state (db, id, &error);
      g_assert_true (td_appraisal_return (db, id, state->acting_body, NULL, "Thiếu biên bản", &error));
      g_assert_no_error (error);
      return;
    }
  for (guint guard = 0; guard < 8; guard++)
    {
      g_autoptr(TdNomination) now = td_nomination_get (db, id, &error);
      g_autoptr(TdAppraisalState) state = td_appraisal_state (db, id, &error);

      g_assert_no_error (error);
      if (now->status == status)
        return;
      g_assert_nonnull (state->next);
      if (state->next->actor == TD_STEP_BY_COUNCIL)
        td_test_council_passes (db, now->round_id, &id, 1);
      else
        td_test_pass_step (db, id);
    }
  g_assert_not_reached ();
}
