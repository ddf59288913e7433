/* test-appraisal-rules.c: the appraisal's state machine on made-up steps, with no database
 * (this program links the rules library and GLib alone).  Every place a nomination can stand
 * on the province's five steps and a unit's own three, and what each move may do there. */
#include "td-appraisal-rules.h"

static TdStepSpec *
step (const char         *id,
      TdStepActor         actor,
      const char         *body,
      TdNominationStatus  status)
{
  TdStepSpec *s = g_new0 (TdStepSpec, 1);

  s->id = g_strdup (id);
  s->title = g_strdup_printf ("Bước %s", id);
  s->actor = actor;
  s->body_code = g_strdup (body);
  s->body_active = body != NULL;
  s->status = status;
  return s;
}

/* The province's Bằng khen: the proposing unit, Sở KH&CN, Sở Nội vụ, the council, the decision. */
static GPtrArray *
province_steps (void)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) td_step_spec_free);

  g_ptr_array_add (steps, step ("proposal", TD_STEP_BY_PROPOSER, NULL, TD_NOMINATION_PROPOSED));
  g_ptr_array_add (steps, step ("appraisal", TD_STEP_BY_BODY, "S-KHCN", TD_NOMINATION_APPRAISED));
  g_ptr_array_add (steps, step ("co-appraisal", TD_STEP_BY_BODY, "S-NOIVU", TD_NOMINATION_APPRAISED));
  g_ptr_array_add (steps, step ("council", TD_STEP_BY_COUNCIL, NULL, TD_NOMINATION_APPROVED));
  g_ptr_array_add (steps, step ("decision", TD_STEP_BY_DECISION, NULL, TD_NOMINATION_DECIDED));
  return steps;
}

/* A unit's own Giấy khen: proposal, the issuing unit's council, its head's decision. */
static GPtrArray *
issuer_steps (void)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func ((GDestroyNotify) td_step_spec_free);

  g_ptr_array_add (steps, step ("proposal", TD_STEP_BY_PROPOSER, NULL, TD_NOMINATION_PROPOSED));
  g_ptr_array_add (steps, step ("issuer-council", TD_STEP_BY_ISSUER, NULL, TD_NOMINATION_APPROVED));
  g_ptr_array_add (steps, step ("issuer-decision", TD_STEP_BY_DECISION, NULL, TD_NOMINATION_DECIDED));
  return steps;
}

static TdAppraisalFacts
at (GPtrArray *steps,
    guint      done)
{
  return (TdAppraisalFacts) {
    .steps = steps, .done = done, .status = td_appraisal_rules_status_at (steps, done),
    .proposer_code = "X-THU", .issuer_code = "H-HUYEN",
  };
}

/* The province's steps, from a fresh proposal to the decision: who acts and what is offered. */
static void
test_province_walk (void)
{
  g_autoptr(GPtrArray) steps = province_steps ();
  /* done → the body acting next, and whether approve / return / undo are offered. */
  static const struct {
    guint       done;
    const char *acting;
    gboolean    approve, ret, undo;
    const char *undo_body;
  } places[] = {
    { 0, "X-THU",   TRUE,  FALSE, FALSE, NULL },      /* returned to the proposer: propose again */
    { 1, "S-KHCN",  TRUE,  TRUE,  FALSE, NULL },      /* the proposal is taken back by a return */
    { 2, "S-NOIVU", TRUE,  TRUE,  TRUE,  "S-KHCN" },
    { 3, NULL,      FALSE, FALSE, TRUE,  "S-NOIVU" }, /* the council votes in a meeting */
    { 4, NULL,      FALSE, FALSE, FALSE, NULL },      /* the decision is drawn up, not approved */
    { 5, NULL,      FALSE, FALSE, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      TdAppraisalFacts facts = at (steps, places[i].done);
      g_autoptr(TdAppraisalState) state = td_appraisal_rules_state (&facts);

      g_test_message ("%u steps done", places[i].done);
      g_assert_cmpuint (state->done, ==, places[i].done);
      g_assert_true (state->next == (places[i].done < steps->len ? steps->pdata[places[i].done] : NULL));
      g_assert_cmpstr (state->acting_body, ==, places[i].acting);
      g_assert_cmpint (state->can_approve, ==, places[i].approve);
      g_assert_cmpint (state->can_return, ==, places[i].ret);
      g_assert_cmpint (state->can_undo, ==, places[i].undo);
      g_assert_cmpstr (state->undo_body, ==, places[i].undo_body);
    }
  g_assert_cmpint (td_appraisal_rules_status_at (steps, 0), ==, TD_NOMINATION_RETURNED);
  g_assert_cmpint (td_appraisal_rules_status_at (steps, 3), ==, TD_NOMINATION_APPRAISED);
  g_assert_cmpint (td_appraisal_rules_status_at (steps, 4), ==, TD_NOMINATION_APPROVED);
}

/* No approval, return or undo once the nomination is in a decision, whatever steps are left. */
static void
test_decided_is_closed (void)
{
  g_autoptr(GPtrArray) steps = province_steps ();
  g_autoptr(GError) error = NULL;
  TdAppraisalFacts facts = at (steps, 3);
  g_autoptr(TdAppraisalState) state = NULL;
  guint to = 99;

  facts.status = TD_NOMINATION_DECIDED;   /* a decision drawn while the council's step was open */
  state = td_appraisal_rules_state (&facts);
  g_assert_false (state->can_approve || state->can_return || state->can_undo);
  g_assert_null (state->acting_body);
  g_assert_null (td_appraisal_rules_next (&facts, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_clear_error (&error);
  g_assert_false (td_appraisal_rules_return_to (&facts, NULL, &to, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_assert_cmpuint (to, ==, 99);
  g_clear_error (&error);
  g_assert_null (td_appraisal_rules_undo (&facts, "S-NOIVU", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
}

/* A return goes to any step the nomination has been through, or to the proposer; never ahead. */
static void
test_return_targets (void)
{
  g_autoptr(GPtrArray) steps = province_steps ();
  TdAppraisalFacts facts = at (steps, 3);   /* Sở Nội vụ approved; the council is next */
  g_autoptr(GError) error = NULL;
  guint to = 99;

  g_assert_true (td_appraisal_rules_return_to (&facts, NULL, &to, &error));
  g_assert_cmpuint (to, ==, 0);
  g_assert_true (td_appraisal_rules_return_to (&facts, "appraisal", &to, &error));
  g_assert_cmpuint (to, ==, 1);
  g_assert_true (td_appraisal_rules_return_to (&facts, "co-appraisal", &to, &error));
  g_assert_cmpuint (to, ==, 2);
  g_assert_no_error (error);
  to = 99;
  for (guint i = 0; i < 3; i++)
    {
      const char *ahead[] = { "council", "decision", "no-such-step" };

      g_assert_false (td_appraisal_rules_return_to (&facts, ahead[i], &to, &error));
      g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
      g_assert_nonnull (strstr (error->message, ahead[i]));
      g_assert_cmpuint (to, ==, 99);
      g_clear_error (&error);
    }
  /* Back with the proposer already: nothing to return. */
  facts = at (steps, 0);
  g_assert_false (td_appraisal_rules_return_to (&facts, NULL, &to, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
}

/* Only the latest approval, only by the body that gave it; never a proposal, a vote or a decision. */
static void
test_undo_by_its_body (void)
{
  g_autoptr(GPtrArray) steps = province_steps ();
  g_autoptr(GError) error = NULL;
  TdAppraisalFacts facts = at (steps, 2);

  g_assert_true (td_appraisal_rules_undo (&facts, "S-KHCN", &error) == steps->pdata[1]);
  g_assert_null (td_appraisal_rules_undo (&facts, "S-NOIVU", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  g_clear_error (&error);
  g_assert_null (td_appraisal_rules_undo (&facts, NULL, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  g_clear_error (&error);

  /* The board named another unit for the step after S-KHCN approved: the history's approver
   * takes it back, not the unit named now. */
  facts.latest_approver = "S-CU";
  g_assert_nonnull (td_appraisal_rules_undo (&facts, "S-CU", &error));
  g_assert_null (td_appraisal_rules_undo (&facts, "S-KHCN", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
  g_assert_nonnull (strstr (error->message, "S-CU"));
  g_clear_error (&error);

  facts = at (steps, 1);   /* only the proposal: a return, not an undo */
  g_assert_null (td_appraisal_rules_undo (&facts, "X-THU", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_clear_error (&error);
  facts = at (steps, 4);   /* the council's vote stands */
  g_assert_null (td_appraisal_rules_undo (&facts, "S-NOIVU", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_assert_nonnull (strstr (error->message, "council"));
  g_clear_error (&error);
  facts = at (steps, 5);
  g_assert_null (td_appraisal_rules_undo (&facts, "S-NOIVU", &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE);
  g_assert_nonnull (strstr (error->message, "decision"));
}

/* A unit's own award: the issuing unit acts at its council's step; no issuer, no move. */
static void
test_issuer_steps (void)
{
  g_autoptr(GPtrArray) steps = issuer_steps ();
  g_autoptr(GError) error = NULL;
  TdAppraisalFacts facts = at (steps, 1);
  g_autoptr(TdAppraisalState) state = td_appraisal_rules_state (&facts);
  g_autoptr(TdAppraisalState) orphan = NULL;
  g_autoptr(TdAppraisalState) approved = NULL;

  g_assert_cmpstr (state->acting_body, ==, "H-HUYEN");
  g_assert_true (state->can_approve && state->can_return && !state->can_undo);
  /* No unit above the nominee issues Giấy khen within its authority: nobody may act. */
  facts.issuer_code = NULL;
  orphan = td_appraisal_rules_state (&facts);
  g_assert_false (orphan->can_approve || orphan->can_return);
  /* Approved by its council: the issuer takes it back, as the history says. */
  facts = at (steps, 2);
  facts.latest_approver = "H-HUYEN";
  approved = td_appraisal_rules_state (&facts);
  g_assert_true (approved->can_undo);
  g_assert_cmpstr (approved->undo_body, ==, "H-HUYEN");
  g_assert_false (approved->can_approve);   /* the decision is drawn up, not approved */
  /* An issuer's step with no approval in the history: nobody may claim it. */
  facts.latest_approver = NULL;
  g_assert_null (td_appraisal_rules_undo (&facts, NULL, &error));
  g_assert_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_NOT_YOUR_STEP);
}

/* The stored names of the actions are the history's: they read back, and nothing else does. */
static void
test_action_names (void)
{
  for (TdStepAction a = TD_STEP_PROPOSE; a <= TD_STEP_VOTE; a++)
    {
      TdStepAction back = TD_STEP_VOTE + 1;

      g_assert_true (td_step_action_from_string (td_step_action_to_string (a), &back));
      g_assert_cmpint (back, ==, a);
      g_assert_nonnull (td_step_action_get_label (a));
    }
  {
    TdStepAction kept = TD_STEP_UNDO;

    g_assert_false (td_step_action_from_string ("Approve", &kept));
    g_assert_false (td_step_action_from_string (NULL, &kept));
    g_assert_cmpint (kept, ==, TD_STEP_UNDO);
  }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/appraisal-rules/province-walk", test_province_walk);
  g_test_add_func ("/appraisal-rules/decided-is-closed", test_decided_is_closed);
  g_test_add_func ("/appraisal-rules/return-targets", test_return_targets);
  g_test_add_func ("/appraisal-rules/undo-by-its-body", test_undo_by_its_body);
  g_test_add_func ("/appraisal-rules/issuer-steps", test_issuer_steps);
  g_test_add_func ("/appraisal-rules/action-names", test_action_names);
  return g_test_run ();
}
