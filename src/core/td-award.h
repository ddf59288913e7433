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
  TD_AWARD_ERROR_AUTHORITY,     /* a nomination outside the issuer's authority */
  TD_AWARD_ERROR_NOT_ISSUED,    /* what needs an issued decision, asked of a draft */
  TD_AWARD_ERROR_ISSUED,        /* what only a draft allows, asked of an issued decision */
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
  char               *proposer_name;
  char               *unit_code;
  char               *collective_name;  /* a team with its commune: "Tổ …, xã Nhân Bình" */
} TdNomination;

void       td_nomination_free        (TdNomination *nomination);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdNomination, td_nomination_free)

gint64     td_nomination_create      (TdDatabase             *db,
                                      const TdNominationSpec *spec,
                                      GError                **error);
/* A nomination moves only by the appraisal's moves (td-appraisal.h), each by the body its step
 * names, and into a decision by td_decision_create(): there is no other way to set a status. */
/* TdNomination of a round (0: every round), in id order */
GPtrArray *td_nomination_list        (TdDatabase             *db,
                                      gint64                  round_id,
                                      GError                **error);
TdNomination *td_nomination_get      (TdDatabase             *db,
                                      gint64                  nomination_id,
                                      GError                **error);
/* Collectives first, then individuals, each in id order. */
GPtrArray *td_nomination_list_for_decision (TdDatabase       *db,
                                      gint64                  decision_id,
                                      GError                **error);
/* Proposed and returned nominations may be edited; later ones are being appraised. */
gboolean   td_nomination_is_editable (TdNominationStatus      status);
gboolean   td_nomination_spec_check  (const TdNominationSpec *spec,
                                      GError                **error);
gboolean   td_nomination_update      (TdDatabase             *db,
                                      gint64                  nomination_id,
                                      const TdNominationSpec *spec,
                                      GError                **error);
/* What the board should look at before approving: no evidence, standards not attested, the
 * unit's self-assessment missing or not appraised, the same person twice in the round.  An
 * empty vector when all is well; NULL on a database error. */
char     **td_nomination_warnings    (TdDatabase             *db,
                                      const TdNomination     *nomination,
                                      GError                **error);
/* The same for every nomination of one round at once (@nominations: td_nomination_list() of
 * it), in a fixed number of queries: nomination id (gint64 *) → warnings. */
GHashTable *td_nomination_warnings_for_round (TdDatabase       *db,
                                      GPtrArray              *nominations,
                                      GError                **error);

/* An individual's position and unit in one line, without naming the unit twice when the
 * position already does ("Phó Trưởng phòng …, Sở Khoa học và Công nghệ"). */
/* The person's name, or the unit's for a collective. */
/* A collective as documents name it: a community technology team with the commune or ward
 * it works in ("Tổ … thôn Nhân Bình, xã Nhân Bình"), as two teams may share a name; another
 * unit by its name.  @parent_name the unit above it, or NULL. */
char       *td_nomination_identify_collective (const char *unit_name,
                                              TdUnitKind  kind,
                                              const char *parent_name);
const char *td_nomination_get_name   (const TdNomination *nomination);
char      *td_nomination_format_position (const TdNomination *nomination);

G_END_DECLS
