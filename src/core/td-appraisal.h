/* td-appraisal.h: a nomination's way from proposal to decision, as the campaign sets it out
 * (seed section VI): each step done by the body the campaign (or the board's settings) names,
 * with who, when, the verdict, the opinion and why, in a history that is never rewritten.
 *
 * The steps come from the campaign description's "appraisal" section, not from code.  Before a
 * step the eligibility checks it lists are run and explained; a failed check blocks the step
 * unless the acting body records an override with its reason.  A nomination may be returned to
 * any earlier step, with a reason; an approval is undone only from the latest step back. */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "td-appraisal-campaign.h"
#include "td-appraisal-history.h"
#include "td-appraisal-rules.h"
#include "td-award.h"
#include "td-database.h"
#include "td-register.h"

G_BEGIN_DECLS

/* The province's steps (the Bằng khen's), with the board's choice of acting body applied;
 * the council's threshold ("more-than-half" or "two-thirds") in @threshold if not NULL. */
GPtrArray  *td_appraisal_steps        (TdDatabase  *db,
                                       char       **threshold,
                                       GError     **error);
/* The steps nominations of @level follow: the province's for the levels its section names,
 * else the section's "issuer_steps" (a unit's own Giấy khen: proposal, the issuing unit's
 * emulation council, its head's decision).  There is no other way to a decision. */
GPtrArray  *td_appraisal_steps_for_level (TdDatabase    *db,
                                          TdAwardLevel   level,
                                          GError       **error);

/* The council's rules, from the campaign (Bắc Ninh QĐ 86/2025 by default). */
typedef struct {
  char  *threshold;       /* "more-than-half" or "two-thirds" of the members */
  guint  quorum[2];       /* members present for a meeting to be held: 2/3 */
  guint  attendance[2];   /* present or giving a written opinion, to decide on a nominee: 4/5 */
  char  *sitting;         /* "standing-committee" (the campaign's default) or "plenary" */
} TdCouncilRules;

TdCouncilRules *td_appraisal_council_rules (TdDatabase     *db);
/* How many of @members make up @share of them, rounded up. */
guint           td_council_rules_needed    (const guint     share[2],
                                            guint           members);
void            td_council_rules_free      (TdCouncilRules *rules);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCouncilRules, td_council_rules_free)

/* Whether @unit may act at a step of the province: active, and a department, an agency, an
 * organisation or the province itself. */
gboolean    td_appraisal_body_may_be  (const TdUnitRecord *unit,
                                       GError            **error);
/* For a step whose body is not an active unit of the register (a register whose codes are
 * not the campaign's): the one active unit whose name is the campaign's name for the body
 * (case and diacritics aside, or contains it), or NULL. */
char       *td_appraisal_suggest_body (TdDatabase       *db,
                                       const TdStepSpec *step);
/* Names another unit of the register to act at a step done by a body (a setting of the
 * board's installation), or the campaign's again (@unit_code NULL). */
gboolean    td_appraisal_set_body     (TdDatabase  *db,
                                       const char  *step_id,
                                       const char  *unit_code,
                                       GError     **error);


typedef struct {
  char     *id;               /* "targets-met" */
  char     *title;            /* "Các chỉ tiêu đạt trong đợt" */
  gboolean  passed;
  char     *explanation;      /* what was found, naming what fails */
  gboolean  overridden;       /* failed, and the acting body recorded an override */
  char     *document_title;   /* the same in Vietnamese, for the dossier */
  char     *document_text;
} TdEligibilityCheck;

void        td_eligibility_check_free (TdEligibilityCheck *check);
/* The checks of the nomination's next step (all of them when @all), each explained. */
GPtrArray  *td_appraisal_check        (TdDatabase  *db,
                                       gint64       nomination_id,
                                       gboolean     all,
                                       GError     **error);

/* Approves the nomination's next step as @body_code: only the body that step names; the
 * step's checks must pass or carry an override (td_appraisal_override()).  @verdict "eligible"
 * with @opinion, in one transaction with the history row and the audit row. */
gboolean    td_appraisal_approve      (TdDatabase  *db,
                                       gint64       nomination_id,
                                       const char  *body_code,
                                       const char  *opinion,
                                       GError     **error);
/* Records that @body_code, acting at the next step, accepts the failed check @check_id for
 * @reason (kept in the history, shown with the check). */
gboolean    td_appraisal_override     (TdDatabase  *db,
                                       gint64       nomination_id,
                                       const char  *body_code,
                                       const char  *check_id,
                                       const char  *reason,
                                       GError     **error);
/* Sends the nomination back to the step @to_step (NULL: to the proposer) with the reason; by
 * the body acting at the next step. */
gboolean    td_appraisal_return       (TdDatabase  *db,
                                       gint64       nomination_id,
                                       const char  *body_code,
                                       const char  *to_step,
                                       const char  *reason,
                                       GError     **error);
/* Takes back the latest approval, by the body that gave it, with the reason. */
gboolean    td_appraisal_undo         (TdDatabase  *db,
                                       gint64       nomination_id,
                                       const char  *body_code,
                                       const char  *reason,
                                       GError     **error);

/* td_appraisal_rules_state() of a nomination of the database. */
TdAppraisalState *td_appraisal_state      (TdDatabase       *db,
                                           gint64            nomination_id,
                                           GError          **error);

/* The unit that gives a unit's own award to the nominee: a person's own unit, else the unit
 * above the nominee, else its proposer, the first that issues Giấy khen within its authority;
 * NULL when none does. */
char       *td_appraisal_default_issuer (TdDatabase         *db,
                                         const TdNomination *nomination);

/* Decree 152/2025 Art. 4: a nominee under discipline, inspection or investigation is not
 * eligible while the hold stands.  @person NULL for the collective. */
gint64      td_appraisal_add_hold     (TdDatabase  *db,
                                       gint64       round_id,
                                       const char  *unit_code,
                                       const char  *person,
                                       const char  *kind,
                                       const char  *note,
                                       GError     **error);
gboolean    td_appraisal_lift_hold    (TdDatabase  *db,
                                       gint64       hold_id,
                                       GError     **error);

/* The self-assessment of a nominee's round, appraised by the body the campaign names for the
 * appraisal (the province's first step done by a body: Sở KH&CN): approved with an opinion,
 * or returned to the unit with the reason.  Only a received self-assessment, once every one
 * of its evidence files has a verdict, and never by the unit itself or a unit above it.  The
 * verdict, the opinion, the body and the person go in its record; a later revision received
 * from the unit opens it again. */
gboolean    td_assessment_appraise    (TdDatabase  *db,
                                       gint64       assessment_id,
                                       const char  *body_code,
                                       gboolean     approve,
                                       const char  *text,
                                       GError     **error);
/* The body that appraises self-assessments (its unit code), or NULL with the reason. */
char       *td_assessment_appraiser   (TdDatabase  *db,
                                       GError     **error);
/* TdAuditEntry of the self-assessment's status and appraisal, oldest first. */
GPtrArray  *td_assessment_history     (TdDatabase  *db,
                                       gint64       assessment_id,
                                       GError     **error);

/* td-appraisal-private: used by td-award.c and td-council.c */
/* TRUE when @unit_id is @body_id or lies under it in the register (by parent). */
gboolean    td_appraisal_unit_is_under (TdDatabase *db,
                                        gint64      unit_id,
                                        gint64      body_id);
/* The number of steps done when a nomination is in @status (the first step reaching it). */
guint       td_appraisal_steps_for_status (TdDatabase        *db,
                                           TdAwardLevel       level,
                                           TdNominationStatus status);

G_END_DECLS
