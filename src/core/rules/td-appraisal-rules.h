/* td-appraisal-rules.h: the appraisal's state machine as pure functions, with no database.
 *
 * A nomination goes through the steps of its level one at a time: the next step is approved by
 * the body that acts at it, a nomination may be returned to any step it has been through, and
 * the latest approval by a body is taken back only by that body.  What the store knows (the
 * steps, how many are done, who proposed, who gave the latest approval) is handed in as
 * TdAppraisalFacts; the answer is the same for the window, the command line and, later, the
 * server's check.  td-appraisal.h runs these rules on a nomination of the database. */
#pragma once

#include <glib.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_APPRAISAL_ERROR (td_appraisal_error_quark ())

typedef enum {
  TD_APPRAISAL_ERROR_INVALID,         /* the campaign's appraisal section is not usable */
  TD_APPRAISAL_ERROR_NOT_YOUR_STEP,   /* another body acts at this step */
  TD_APPRAISAL_ERROR_CHECK_FAILED,    /* an eligibility check fails and is not overridden */
  TD_APPRAISAL_ERROR_REASON_NEEDED,
  TD_APPRAISAL_ERROR_BAD_MOVE,        /* nothing to undo, a step that is not by hand, … */
} TdAppraisalError;

GQuark td_appraisal_error_quark (void);
/* Sets @error to @message with @code, and is FALSE: "return td_appraisal_refuse (…);". */
gboolean td_appraisal_refuse (GError           **error,
                              TdAppraisalError   code,
                              const char        *message);

typedef enum {
  TD_STEP_BY_BODY,        /* a unit of the register: Sở KH&CN, Sở Nội vụ */
  TD_STEP_BY_PROPOSER,    /* the nomination's proposing unit */
  TD_STEP_BY_COUNCIL,     /* the council's vote (td-council.h) */
  TD_STEP_BY_DECISION,    /* the award decision (td_decision_create()) */
  TD_STEP_BY_ISSUER,      /* a unit's own award: the issuing unit (its emulation council) */
} TdStepActor;

typedef struct {
  char               *id;          /* "appraisal" */
  char               *title;       /* "Thẩm định kết quả …" */
  TdStepActor         actor;
  char               *body_code;   /* TD_STEP_BY_BODY: the acting unit (setting, else campaign) */
  char               *body_name;   /* its name, or NULL when the register has no such unit */
  gboolean            body_active; /* an active unit of the register: only then may it act */
  char               *campaign_code; /* the campaign's code for the body, and its name there */
  char               *campaign_name;
  TdNominationStatus  status;      /* what the nomination becomes once the step is done */
  char              **checks;      /* eligibility check ids run before the step */
} TdStepSpec;

void        td_step_spec_free         (TdStepSpec *spec);

typedef enum {
  TD_STEP_PROPOSE,
  TD_STEP_APPROVE,
  TD_STEP_RETURN,
  TD_STEP_UNDO,
  TD_STEP_OVERRIDE,
  TD_STEP_VOTE,
} TdStepAction;

const char *td_step_action_to_string  (TdStepAction  action);
/* The action stored as @text ("approve"), FALSE when it is none of them. */
gboolean    td_step_action_from_string (const char   *text,
                                        TdStepAction *action);
/* "approved", "returned", … translated */
const char *td_step_action_get_label  (TdStepAction  action);

/* What the rules need to know of one nomination. */
typedef struct {
  GPtrArray          *steps;           /* TdStepSpec of the nomination's level */
  guint               done;            /* steps done: 1 once proposed, 0 when back with the proposer */
  TdNominationStatus  status;
  const char         *proposer_code;   /* the proposing unit, NULL when the register lost it */
  const char         *issuer_code;     /* who gives a unit's own award (td_appraisal_default_issuer) */
  const char         *latest_approver; /* the body of the latest approval of steps[done - 1], or NULL */
} TdAppraisalFacts;

/* Where a nomination stands, and the moves its acting bodies may make: the one answer the
 * window and the command line offer. */
typedef struct {
  GPtrArray          *steps;        /* TdStepSpec of the nomination's level */
  guint               done;
  TdStepSpec         *next;         /* in @steps; NULL once every step is done */
  TdNominationStatus  status;
  char               *acting_body;  /* the unit acting at @next; NULL at a council's or decision's step */
  char               *undo_body;    /* the unit that may take back the latest approval, or NULL */
  gboolean            can_approve;
  gboolean            can_return;
  gboolean            can_undo;
} TdAppraisalState;

TdAppraisalState  *td_appraisal_rules_state     (const TdAppraisalFacts *facts);
void               td_appraisal_state_free      (TdAppraisalState       *state);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdAppraisalState, td_appraisal_state_free)

/* The step approved next, or NULL with the reason (every step done, or in a decision). */
TdStepSpec        *td_appraisal_rules_next      (const TdAppraisalFacts *facts,
                                                 GError                **error);
/* Where a return to @to_step (NULL: to the proposer) leads, as the steps done after it; FALSE
 * with the reason when the nomination cannot be returned or has not been through @to_step. */
gboolean           td_appraisal_rules_return_to (const TdAppraisalFacts *facts,
                                                 const char             *to_step,
                                                 guint                  *done_after,
                                                 GError                **error);
/* The step whose approval @body_code may take back, or NULL with the reason: only the latest
 * approval, only a body's or an issuer's step, only by the body that gave it. */
TdStepSpec        *td_appraisal_rules_undo      (const TdAppraisalFacts *facts,
                                                 const char             *body_code,
                                                 GError                **error);
/* What a nomination of @steps is once @done of them are done. */
TdNominationStatus td_appraisal_rules_status_at (GPtrArray              *steps,
                                                 guint                   done);

G_END_DECLS
