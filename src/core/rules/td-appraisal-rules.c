/* td-appraisal-rules.c: where a nomination stands and which move is allowed, from the facts
 * alone.  No database here: tests/test-appraisal-rules.c runs every case with made-up steps. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal-rules.h"

G_DEFINE_QUARK (td-appraisal-error-quark, td_appraisal_error)

void
td_step_spec_free (TdStepSpec *s)
{
  if (s == NULL)
    return;
  g_free (s->id);
  g_free (s->title);
  g_free (s->body_code);
  g_free (s->body_name);
  g_free (s->campaign_code);
  g_free (s->campaign_name);
  g_strfreev (s->checks);
  g_free (s);
}

/* As stored in the history: never translated, never renamed. */
static const char * const action_names[] = { "propose", "approve", "return", "undo", "override", "vote" };

const char *
td_step_action_to_string (TdStepAction action)
{
  g_return_val_if_fail (action <= TD_STEP_VOTE, NULL);
  return action_names[action];
}

gboolean
td_step_action_from_string (const char   *text,
                            TdStepAction *action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_names); i++)
    if (g_strcmp0 (text, action_names[i]) == 0)
      {
        *action = (TdStepAction) i;
        return TRUE;
      }
  return FALSE;
}

const char *
td_step_action_get_label (TdStepAction action)
{
  switch (action)
    {
    case TD_STEP_PROPOSE: return C_("step", "Proposed");
    case TD_STEP_APPROVE: return C_("step", "Approved");
    case TD_STEP_RETURN: return C_("step", "Returned");
    case TD_STEP_UNDO: return C_("step", "Approval taken back");
    case TD_STEP_OVERRIDE: return C_("step", "Check overridden");
    case TD_STEP_VOTE: return C_("step", "Council vote");
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
td_appraisal_refuse (GError           **error,
                     TdAppraisalError   code,
                     const char        *message)
{
  g_set_error_literal (error, TD_APPRAISAL_ERROR, code, message);
  return FALSE;
}

TdNominationStatus
td_appraisal_rules_status_at (GPtrArray *steps,
                              guint      done)
{
  g_return_val_if_fail (steps != NULL && done <= steps->len, TD_NOMINATION_RETURNED);
  return done == 0 ? TD_NOMINATION_RETURNED : ((TdStepSpec *) steps->pdata[done - 1])->status;
}

static TdStepSpec *
next_of (const TdAppraisalFacts *f)
{
  return f->done < f->steps->len ? f->steps->pdata[f->done] : NULL;
}

/* The body that acts at the next step; NULL at a council's or decision's step, or when the
 * register lost the unit. */
static const char *
acting_body (const TdAppraisalFacts *f,
             const TdStepSpec       *next)
{
  switch (next->actor)
    {
    case TD_STEP_BY_BODY: return next->body_code;
    case TD_STEP_BY_PROPOSER: return f->proposer_code;
    case TD_STEP_BY_ISSUER: return f->issuer_code;
    case TD_STEP_BY_COUNCIL:
    case TD_STEP_BY_DECISION:
    default: return NULL;
    }
}

/* The step of the latest approval, when a body may take it back: not the proposal (that is
 * a return to the proposer), not a vote and not a decision. */
static TdStepSpec *
undoable_step (const TdAppraisalFacts *f)
{
  TdStepSpec *last = f->done > 1 ? f->steps->pdata[f->done - 1] : NULL;

  if (last == NULL || f->status == TD_NOMINATION_DECIDED)
    return NULL;
  return last->actor == TD_STEP_BY_BODY || last->actor == TD_STEP_BY_ISSUER ? last : NULL;
}

/* Who gave the latest approval: the history's word, else the body the step names. */
static const char *
undo_body (const TdAppraisalFacts *f,
           const TdStepSpec       *last)
{
  if (f->latest_approver != NULL)
    return f->latest_approver;
  return last->actor == TD_STEP_BY_BODY ? last->body_code : NULL;
}

TdAppraisalState *
td_appraisal_rules_state (const TdAppraisalFacts *f)
{
  TdAppraisalState *out;
  TdStepSpec *last;

  g_return_val_if_fail (f != NULL && f->steps != NULL && f->done <= f->steps->len, NULL);
  out = g_new0 (TdAppraisalState, 1);
  out->steps = g_ptr_array_ref (f->steps);
  out->done = f->done;
  out->next = next_of (f);
  out->status = f->status;
  if (out->next != NULL && f->status != TD_NOMINATION_DECIDED)
    {
      out->acting_body = g_strdup (acting_body (f, out->next));
      out->can_approve = out->acting_body != NULL;
      out->can_return = out->can_approve && f->done > 0;
    }
  last = undoable_step (f);
  if (last != NULL)
    {
      out->undo_body = g_strdup (undo_body (f, last));
      out->can_undo = out->undo_body != NULL;
    }
  return out;
}

void
td_appraisal_state_free (TdAppraisalState *state)
{
  if (state == NULL)
    return;
  g_clear_pointer (&state->steps, g_ptr_array_unref);
  g_free (state->acting_body);
  g_free (state->undo_body);
  g_free (state);
}

TdStepSpec *
td_appraisal_rules_next (const TdAppraisalFacts *f,
                         GError                **error)
{
  TdStepSpec *next = next_of (f);

  if (next == NULL || f->status == TD_NOMINATION_DECIDED)
    {
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("The nomination has been through every step."));
      return NULL;
    }
  return next;
}

gboolean
td_appraisal_rules_return_to (const TdAppraisalFacts *f,
                              const char             *to_step,
                              guint                  *done_after,
                              GError                **error)
{
  guint to = 0;

  if (next_of (f) == NULL || f->status == TD_NOMINATION_DECIDED || f->done == 0)
    return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE,
                                f->done == 0 ? _("The nomination is already back with its proposer.")
                                             : _("The nomination is in a decision: withdraw the decision first."));
  if (to_step != NULL)
    {
      while (to < f->done && !g_str_equal (((TdStepSpec *) f->steps->pdata[to])->id, to_step))
        to++;
      if (to >= f->done)
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a step the nomination has been through."), to_step);
          return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, message);
        }
    }
  *done_after = to;
  return TRUE;
}

TdStepSpec *
td_appraisal_rules_undo (const TdAppraisalFacts *f,
                         const char             *body_code,
                         GError                **error)
{
  TdStepSpec *last = f->done > 1 ? f->steps->pdata[f->done - 1] : NULL;
  const char *by;

  if (last == NULL)
    {
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("No approval to take back: the nomination is at its first step."));
      return NULL;
    }
  if (undoable_step (f) == NULL)
    {
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE,
                           last->actor == TD_STEP_BY_DECISION || f->status == TD_NOMINATION_DECIDED
                             ? _("The nomination is in a decision: withdraw the decision first.")
                             : _("The council's vote stands; return the nomination instead."));
      return NULL;
    }
  by = undo_body (f, last);
  if (by == NULL || g_strcmp0 (by, body_code) != 0)
    {
      g_autofree char *message = g_strdup_printf (_("The latest approval (“%s”) is %s's to take back."), last->title,
                                                  by ? by : "");
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
      return NULL;
    }
  return last;
}
