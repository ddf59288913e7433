/* td-appraisal-moves.c: the moves of a nomination from step to step, each by the body the step
 * names, and the state a view or the command line asks for; the checks are in
 * td-appraisal-checks.c. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-appraisal-private.h"
#include "td-audit.h"
#include "td-catalog.h"
#include "td-completeness.h"
#include "td-database-private.h"
#include "td-decision.h"
#include "td-format.h"
#include "td-register.h"
#include "td-rollup.h"
#include "td-unit.h"

gboolean
td_appraisal_unit_is_under (TdDatabase *db,
               gint64      unit_id,
               gint64      body_id)
{
  /* Bounded: a register's depth is a handful of levels, and a loop in a hostile one ends. */
  TdStmt *stmt = td_database_prepare (db, "WITH RECURSIVE up (id, depth) AS ("
                                          "  SELECT ?1, 0"
                                          "  UNION SELECT u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id"
                                          "    WHERE u.parent_id IS NOT NULL AND up.depth < 64)"
                                          " SELECT 1 FROM up WHERE id = ?2 LIMIT 1", NULL);
  gboolean under;

  if (stmt == NULL)
    return TRUE;   /* cannot tell: refuse rather than let a body judge its own */
  td_stmt_bind_int64 (stmt, 1, unit_id);
  td_stmt_bind_int64 (stmt, 2, body_id);
  under = td_stmt_step (stmt) == TD_ROW;
  td_stmt_reset (stmt);
  return under;
}

char *
td_appraisal_default_issuer (TdDatabase         *db,
                             const TdNomination *n)
{
  g_autoptr(TdUnitRecord) unit = td_register_get (db, n->unit_code, NULL);
  g_autoptr(TdUnit) proposer = td_catalog_find_unit_by_id (db, n->proposer_id, NULL);
  const char *candidates[3] = { NULL, NULL, NULL };

  if (unit == NULL)
    return NULL;
  /* A person's own unit; else the unit above the nominee; else its proposer. */
  if (n->individual)
    candidates[0] = unit->code;
  candidates[1] = unit->parent_code;
  candidates[2] = proposer ? td_unit_get_code (proposer) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr(TdUnitRecord) c = candidates[i] ? td_register_get (db, candidates[i], NULL) : NULL;

      if (c != NULL && c->active && td_unit_kind_issues_giay_khen (c->kind) &&
          td_decision_check_authority (db, c->code, n, NULL))
        return g_strdup (c->code);
    }
  return NULL;
}

/* The body acting at @step is @body_code: an active unit of the register, and the one the
 * step names: its own body, the nomination's proposing unit, or for a unit's own award the
 * unit that issues it.  A body never judges a nomination of itself, of a unit under it, or
 * one it proposed. */
static gboolean
check_body (TdDatabase         *db,
            const TdNomination *n,
            const TdStepSpec   *step,
            const char         *body_code,
            GError            **error)
{
  g_autofree char *message = NULL;
  g_autoptr(TdUnit) proposer = NULL;
  g_autoptr(TdUnitRecord) body = NULL;

  switch (step->actor)
    {
    case TD_STEP_BY_COUNCIL:
      return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE,
                                  _("This step is the council's: it is done by the vote of a meeting (thidua-cli meeting)."));
    case TD_STEP_BY_DECISION:
      return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE,
                                  _("This step is the award decision's: draw up a decision with the nomination."));
    default:
      break;
    }
  body = body_code && *body_code ? td_register_get (db, body_code, NULL) : NULL;
  if (body == NULL || !body->active)
    {
      message = body ? g_strdup_printf (_("%s (%s) is retired from the register: it no longer acts at a step."),
                                        body->name, body->code)
                     : g_strdup_printf (_("“%s” is not a unit of the register: a step is done by a unit of the "
                                          "register, named by its code (thidua-cli units list)."),
                                        body_code ? body_code : "");
      return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
    }
  switch (step->actor)
    {
    case TD_STEP_BY_PROPOSER:
      proposer = td_catalog_find_unit_by_id (db, n->proposer_id, NULL);
      if (proposer && g_strcmp0 (td_unit_get_code (proposer), body_code) == 0)
        return TRUE;
      message = g_strdup_printf (_("The step “%s” is the proposing unit's (%s); %s (%s) does not act at it."),
                                 step->title, n->proposer_name, body->name, body->code);
      return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
    case TD_STEP_BY_ISSUER:
      {
        g_autoptr(GError) local = NULL;

        if (td_unit_kind_issues_giay_khen (body->kind) && td_decision_check_authority (db, body->code, n, &local))
          return TRUE;
        message = g_strdup_printf (_("The step “%s” is the issuing unit's: %s does not give “%s” its %s (%s)."),
                                   step->title, body->name, td_nomination_get_name (n),
                                   td_award_level_get_label (n->level),
                                   local ? local->message : td_unit_kind_get_label (body->kind));
        return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
      }
    case TD_STEP_BY_BODY:
    default:
      if (!step->body_active)
        {
          message = g_strdup_printf (_("The step “%s” is to be done by “%s”, which is not an active unit of the "
                                       "register. Name the unit that does it: Preferences → Appraisal, or thidua-cli "
                                       "appraisal bodies --set %s CODE."), step->title, step->body_code, step->id);
          return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
        }
      if (g_strcmp0 (step->body_code, body_code) != 0)
        {
          message = g_strdup_printf (_("The step “%s” is done by %s (%s); %s (%s) does not act at it."), step->title,
                                     step->body_name ? step->body_name : step->body_code, step->body_code, body->name,
                                     body->code);
          return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
        }
      {
        g_autoptr(TdUnit) unit = td_catalog_find_unit (db, body_code, NULL);
        gint64 body_id = unit ? td_unit_get_id (unit) : 0;

        if (body_id == 0 || td_appraisal_unit_is_under (db, n->unit_id, body_id) || n->proposer_id == body_id)
          {
            message = g_strdup_printf (_("%s cannot judge the nomination of “%s”: it is its own, of a unit under it, "
                                         "or proposed by it. Name another unit for the step “%s” (thidua-cli "
                                         "appraisal bodies --set %s CODE)."), body->name, td_nomination_get_name (n),
                                       step->title, step->id);
            return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_NOT_YOUR_STEP, message);
          }
      }
      return TRUE;
    }
}

/* The rules' facts of a nomination, with the strings they point to. */
typedef struct {
  TdAppraisalFacts  facts;
  char             *proposer_code;
  char             *issuer_code;
  char             *latest_approver;
} Facts;

static void
facts_clear (Facts *f)
{
  g_free (f->proposer_code);
  g_free (f->issuer_code);
  g_free (f->latest_approver);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Facts, facts_clear)

/* The body of the latest approval of @step in the history (a proposal for the first step). */
static char *
approver_of (TdDatabase *db,
             gint64      nomination_id,
             const char *step)
{
  g_autoptr(GPtrArray) history = td_appraisal_history (db, nomination_id, NULL);

  for (guint i = history ? history->len : 0; i > 0; i--)
    {
      TdStepRecord *r = history->pdata[i - 1];
      if ((r->action == TD_STEP_APPROVE || r->action == TD_STEP_PROPOSE) && g_strcmp0 (r->step, step) == 0)
        return g_strdup (r->body_code);
    }
  return NULL;
}

/* Where the nomination stands, and what the rules need to know of it. */
static gboolean
place_load (TdDatabase       *db,
            gint64            nomination_id,
            TdAppraisalPlace *s,
            Facts            *f,
            GError          **error)
{
  g_autoptr(TdUnit) proposer = NULL;
  TdStepSpec *next;

  if (!td_appraisal_place_load (db, nomination_id, s, error))
    return FALSE;
  next = s->next;
  proposer = td_catalog_find_unit_by_id (db, s->n->proposer_id, NULL);
  f->proposer_code = proposer ? g_strdup (td_unit_get_code (proposer)) : NULL;
  if (next != NULL && next->actor == TD_STEP_BY_ISSUER && s->n->status != TD_NOMINATION_DECIDED)
    f->issuer_code = td_appraisal_default_issuer (db, s->n);
  if (s->done > 0)
    f->latest_approver = approver_of (db, nomination_id, ((TdStepSpec *) s->steps->pdata[s->done - 1])->id);
  f->facts = (TdAppraisalFacts) {
    .steps = s->steps, .done = s->done, .status = s->n->status, .proposer_code = f->proposer_code,
    .issuer_code = f->issuer_code, .latest_approver = f->latest_approver,
  };
  return TRUE;
}

/* Moves the nomination to @done steps (and their status) within the caller's transaction. */
static gboolean
set_done (TdDatabase  *db,
          TdAppraisalPlace       *s,
          guint        done,
          const char  *reason,
          GError     **error)
{
  TdNominationStatus status = td_appraisal_rules_status_at (s->steps, done);
  TdStmt *stmt = td_database_prepare (db, "UPDATE nomination SET steps_done = ?, status = ?, status_reason = ?"
                                          " WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int (stmt, 1, (int) done);
  td_stmt_bind_text (stmt, 2, td_nomination_status_to_string (status));
  td_stmt_bind_text (stmt, 3, status == TD_NOMINATION_RETURNED ? reason : NULL);
  td_stmt_bind_int64 (stmt, 4, s->n->id);
  return td_database_step_done (db, stmt, error) &&
         td_audit_record (db, "nomination", s->n->id, s->n->unit_code, "status",
                          td_nomination_status_to_string (s->n->status), td_nomination_status_to_string (status),
                          reason, error);
}

static char *
clean (const char *text)
{
  return g_strstrip (g_strdup (text ? text : ""));
}

gboolean
td_appraisal_approve (TdDatabase  *db,
                      gint64       nomination_id,
                      const char  *body_code,
                      const char  *opinion,
                      GError     **error)
{
  g_auto(TdAppraisalPlace) s = { 0 };
  g_auto(Facts) facts = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GString) failing = g_string_new (NULL);
  g_autofree char *text = clean (opinion);
  gboolean ok = FALSE;

  if (!place_load (db, nomination_id, &s, &facts, error) || td_appraisal_rules_next (&facts.facts, error) == NULL ||
      !check_body (db, s.n, s.next, body_code, error))
    return FALSE;
  checks = td_appraisal_check (db, nomination_id, FALSE, error);
  if (checks == NULL)
    return FALSE;
  for (guint i = 0; i < checks->len; i++)
    {
      TdEligibilityCheck *c = checks->pdata[i];
      if (!c->passed && !c->overridden)
        g_string_append_printf (failing, "%s%s: %s", failing->len ? " " : "", c->title, c->explanation);
    }
  if (failing->len > 0)
    {
      g_set_error (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_CHECK_FAILED,
                   _("Not eligible for the step “%s”. %s Record an override with its reason to go on all the same."),
                   s.next->title, failing->str);
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, s.next->id, s.done == 0 ? TD_STEP_PROPOSE : TD_STEP_APPROVE, body_code,
                            "eligible", text, NULL, NULL, error) &&
       set_done (db, &s, s.done + 1, NULL, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

gboolean
td_appraisal_override (TdDatabase  *db,
                       gint64       nomination_id,
                       const char  *body_code,
                       const char  *check_id,
                       const char  *reason,
                       GError     **error)
{
  g_auto(TdAppraisalPlace) s = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *why = clean (reason);
  TdEligibilityCheck *found = NULL;
  gboolean ok = FALSE;

  if (!td_appraisal_place_load (db, nomination_id, &s, error))
    return FALSE;
  if (s.next == NULL || !check_body (db, s.n, s.next, body_code, error))
    {
      if (s.next == NULL)
        td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("The nomination has been through every step."));
      return FALSE;
    }
  if (*why == '\0')
    {
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_REASON_NEEDED, _("An override needs its reason, for the record."));
      return FALSE;
    }
  checks = td_appraisal_check (db, nomination_id, FALSE, error);
  for (guint i = 0; checks && i < checks->len; i++)
    if (g_strcmp0 (((TdEligibilityCheck *) checks->pdata[i])->id, check_id) == 0)
      found = checks->pdata[i];
  if (found == NULL || found->passed)
    {
      g_autofree char *message = found
        ? g_strdup_printf (_("The check “%s” passes: there is nothing to override."), found->title)
        : g_strdup_printf (_("The step “%s” has no check “%s”."), s.next->title, check_id ? check_id : "");
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, message);
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  /* The record keeps what the check found in the dossier's language: it is printed there. */
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, s.next->id, TD_STEP_OVERRIDE, body_code, NULL, found->document_text,
                            why, check_id, error) &&
       td_audit_record (db, "nomination", nomination_id, s.n->unit_code, "override", NULL, check_id, why, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

gboolean
td_appraisal_return (TdDatabase  *db,
                     gint64       nomination_id,
                     const char  *body_code,
                     const char  *to_step,
                     const char  *reason,
                     GError     **error)
{
  g_auto(TdAppraisalPlace) s = { 0 };
  g_auto(Facts) facts = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *why = clean (reason);
  guint to = 0;
  gboolean ok = FALSE;

  if (!place_load (db, nomination_id, &s, &facts, error) || !td_appraisal_rules_return_to (&facts.facts, to_step, &to, error) ||
      !check_body (db, s.n, s.next, body_code, error))
    return FALSE;
  if (*why == '\0')
    {
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_REASON_NEEDED, _("Write why the nomination is returned."));
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, s.next->id, TD_STEP_RETURN, body_code, "not-eligible", NULL, why,
                            to_step, error) &&
       set_done (db, &s, to, why, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

gboolean
td_appraisal_undo (TdDatabase  *db,
                   gint64       nomination_id,
                   const char  *body_code,
                   const char  *reason,
                   GError     **error)
{
  g_auto(TdAppraisalPlace) s = { 0 };
  g_auto(Facts) facts = { 0 };
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *why = clean (reason);
  TdStepSpec *last;
  gboolean ok = FALSE;

  if (!place_load (db, nomination_id, &s, &facts, error) ||
      (last = td_appraisal_rules_undo (&facts.facts, body_code, error)) == NULL)
    return FALSE;
  if (*why == '\0')
    {
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_REASON_NEEDED, _("Write why the approval is taken back."));
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  ok = tx != NULL &&
       td_appraisal_record (db, nomination_id, last->id, TD_STEP_UNDO, body_code, NULL, NULL, why, NULL, error) &&
       set_done (db, &s, s.done - 1, why, error) &&
       td_transaction_commit (tx, error);
  return ok;
}

TdAppraisalState *
td_appraisal_state (TdDatabase  *db,
                    gint64       nomination_id,
                    GError     **error)
{
  g_auto(TdAppraisalPlace) s = { 0 };
  g_auto(Facts) facts = { 0 };

  if (!place_load (db, nomination_id, &s, &facts, error))
    return NULL;
  return td_appraisal_rules_state (&facts.facts);
}

/* The last step, the decision's: only what has been through every step before it, and a
 * unit's own award only into a decision of the unit whose council approved it. */
gboolean
td_nomination_move_into_decision (TdDatabase    *db,
                                  gint64         nomination_id,
                                  TdAwardLevel   level,
                                  gint64         round_id,
                                  const char    *issuer_code,
                                  gint64         decision_id,
                                  GError       **error)
{
  g_autoptr(TdNomination) n = td_nomination_get (db, nomination_id, error);
  g_autoptr(TdAppraisalState) state = NULL;
  g_autofree char *approver = NULL;
  TdStepSpec *last;
  TdStmt *stmt;

  if (n == NULL || (state = td_appraisal_state (db, nomination_id, error)) == NULL)
    return FALSE;
  if (n->level != level || n->round_id != round_id)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("The nomination of “%s” is for another award level or round than the decision."),
                   td_nomination_get_name (n));
      return FALSE;
    }
  /* The decision is the last step: only a nomination that has been through every step before
   * it goes in (the council's vote, or a unit's own council for its Giấy khen). */
  if (state->next == NULL || state->next->actor != TD_STEP_BY_DECISION || state->status == TD_NOMINATION_DECIDED)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_BAD_TRANSITION,
                   _("The nomination of “%s” is %s: it goes into a decision only after every step before it (%s)."),
                   td_nomination_get_name (n), td_nomination_status_get_label (n->status),
                   state->next ? state->next->title : td_nomination_status_get_label (n->status));
      return FALSE;
    }
  /* A unit's own award is decided by the unit whose council approved it. */
  last = state->done > 0 ? state->steps->pdata[state->done - 1] : NULL;
  if (last != NULL && last->actor == TD_STEP_BY_ISSUER && issuer_code != NULL)
    {
      g_autoptr(GPtrArray) history = td_appraisal_history (db, nomination_id, NULL);

      for (guint i = history ? history->len : 0; i > 0 && approver == NULL; i--)
        {
          TdStepRecord *r = history->pdata[i - 1];
          if (r->action == TD_STEP_APPROVE && g_strcmp0 (r->step, last->id) == 0)
            approver = g_strdup (r->body_code);
        }
      if (approver != NULL && g_strcmp0 (approver, issuer_code) != 0)
        {
          g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY,
                       _("The nomination of “%s” was approved by the council of %s: its decision is that unit's, "
                         "not %s's."), td_nomination_get_name (n), approver, issuer_code);
          return FALSE;
        }
    }
  stmt = td_database_prepare (db, "UPDATE nomination SET status = 'decided', status_reason = NULL, decision_id = ?,"
                                  " steps_done = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, decision_id);
  td_stmt_bind_int (stmt, 2, (int) state->done + 1);
  td_stmt_bind_int64 (stmt, 3, nomination_id);
  return td_database_step_done (db, stmt, error) &&
         td_appraisal_record (db, nomination_id, state->next->id, TD_STEP_APPROVE, issuer_code, "eligible", NULL, NULL,
                              NULL, error) &&
         td_audit_record (db, "nomination", nomination_id, n->unit_code, "status",
                          td_nomination_status_to_string (n->status), "decided", NULL, error);
}

gint64
td_appraisal_add_hold (TdDatabase  *db,
                       gint64       round_id,
                       const char  *unit_code,
                       const char  *person,
                       const char  *kind,
                       const char  *note,
                       GError     **error)
{
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, unit_code, error);
  g_autofree char *now = td_database_now ();
  TdStmt *stmt;

  if (unit == NULL)
    return 0;
  if (g_strcmp0 (kind, "discipline") != 0 && g_strcmp0 (kind, "inspection") != 0 &&
      g_strcmp0 (kind, "investigation") != 0)
    {
      td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("A hold is “discipline”, “inspection” or “investigation”."));
      return 0;
    }
  stmt = td_database_prepare (db, "INSERT INTO nomination_hold (round_id, unit_id, person_name, kind, note, at)"
                                  " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_int64 (stmt, 1, round_id);
  td_stmt_bind_int64 (stmt, 2, td_unit_get_id (unit));
  td_stmt_bind_text (stmt, 3, person && *person ? person : NULL);
  td_stmt_bind_text (stmt, 4, kind);
  td_stmt_bind_text (stmt, 5, note ? note : "");
  td_stmt_bind_text (stmt, 6, now);
  if (!td_database_step_done (db, stmt, error))
    return 0;
  return td_conn_last_insert_id (td_database_get_handle (db));
}

gboolean
td_appraisal_lift_hold (TdDatabase  *db,
                        gint64       hold_id,
                        GError     **error)
{
  g_autofree char *now = td_database_now ();
  TdStmt *stmt = td_database_prepare (db, "UPDATE nomination_hold SET lifted_at = ? WHERE id = ? AND lifted_at IS NULL",
                                            error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, now);
  td_stmt_bind_int64 (stmt, 2, hold_id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  if (td_conn_changes (td_database_get_handle (db)) == 0)
    return td_appraisal_refuse (error, TD_APPRAISAL_ERROR_BAD_MOVE, _("There is no such hold standing."));
  return TRUE;
}
