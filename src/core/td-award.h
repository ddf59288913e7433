/* td-award.h: nominations for an award and the decisions that grant them. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_AWARD_ERROR (td_award_error_quark ())

typedef enum {
  TD_AWARD_ERROR_BAD_TRANSITION,
  TD_AWARD_ERROR_REASON_NEEDED,
  TD_AWARD_ERROR_INVALID,
} TdAwardError;

GQuark td_award_error_quark (void);

typedef struct {
  gint64        round_id;
  gboolean      individual;
  gint64        unit_id;          /* the collective, or the individual's unit */
  gint64        proposer_id;      /* the unit that proposes */
  const char   *person_name;      /* individuals only */
  const char   *person_position;
  TdAwardLevel  level;
  const char   *achievement;
  gboolean      standards_attested;
} TdNominationSpec;

typedef struct {
  gint64              id;
  gint64              round_id;
  gboolean            individual;
  gint64              unit_id;
  gint64              proposer_id;
  char               *unit_name;
  char               *person_name;
  char               *person_position;
  TdAwardLevel        level;
  char               *achievement;
  gboolean            standards_attested;
  TdNominationStatus  status;
  char               *status_reason;
  gint64              decision_id;
} TdNomination;

void       td_nomination_free        (TdNomination *nomination);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdNomination, td_nomination_free)

gint64     td_nomination_create      (TdDatabase             *db,
                                      const TdNominationSpec *spec,
                                      GError                **error);
gboolean   td_nomination_can_move    (TdNominationStatus      from,
                                      TdNominationStatus      to);
/* Moves a nomination on; "in a decision" is reached only through td_decision_create(). */
gboolean   td_nomination_set_status  (TdDatabase             *db,
                                      gint64                  nomination_id,
                                      TdNominationStatus      status,
                                      const char             *reason,
                                      GError                **error);
/* TdNomination of a round (0: every round), in id order */
GPtrArray *td_nomination_list        (TdDatabase             *db,
                                      gint64                  round_id,
                                      GError                **error);

typedef struct {
  gint64              round_id;
  TdAwardLevel        level;
  const char         *number;        /* "" for a draft: printed as "…/QĐ-UBND" */
  const char         *signed_on;     /* ISO date or NULL */
  const char         *authority;
  const char         *signer_title;
  const char         *signer_name;
  const char         *proposer;
  const char * const *bases;
  const char * const *recipients;
} TdDecisionSpec;

/* Creates the decision and moves every listed nomination (all approved, same level) into it. */
gint64     td_decision_create        (TdDatabase             *db,
                                      const TdDecisionSpec   *spec,
                                      const gint64           *nomination_ids,
                                      guint                   n_nominations,
                                      GError                **error);

G_END_DECLS
