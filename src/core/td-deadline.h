/* td-deadline.h: when a round's self-assessments and award proposals are due, the grace the
 * board allows, and the exceptions it grants one unit.
 *
 * Deadlines are campaign data: a round's "assessment_due", "proposal_due", "grace_days" and
 * "late_blocks_awards" in the campaign description, which the board may change (each change
 * audited, and written into the description it hands on in its setup files, so that a unit's
 * form shows the same day).  Unset, a deadline is 10 days before the round's day (Ngày Chuyển
 * đổi số, 10/10), as Bắc Ninh's QĐ 86/2025, Điều 6 wants award dossiers.
 *
 * Days are Vietnam's (UTC+7, no daylight saving time): a package made at 23:30 on the due day
 * in Bắc Ninh is on time although its UTC timestamp is the day before's. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-round.h"
#include "td-unit.h"

G_BEGIN_DECLS

/* Days before the round's day that a deadline falls when the campaign sets none. */
#define TD_DEADLINE_DEFAULT_DAYS_BEFORE 10

typedef struct {
  guint     round_number;
  char     *round_title;
  char     *round_day;          /* ISO date: the round's day (10/10) */
  char     *assessment_due;     /* ISO date */
  char     *proposal_due;       /* ISO date */
  gboolean  assessment_default; /* not set by the campaign or the board */
  gboolean  proposal_default;
  int       grace_days;
  gboolean  late_blocks_awards;
} TdDeadlines;

void         td_deadlines_free         (TdDeadlines *deadlines);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDeadlines, td_deadlines_free)

TdDeadlines *td_deadlines_get          (TdDatabase  *db,
                                        TdRound     *round,
                                        GError     **error);
/* The last day a self-assessment counts as on time: its due day plus the grace, ISO. */
char        *td_deadlines_closes_on    (const TdDeadlines *deadlines);

typedef enum {
  TD_DEADLINE_ASSESSMENT,
  TD_DEADLINE_PROPOSAL,
} TdDeadlineKind;

/* Sets one deadline (@iso_date NULL: back to the default), audited with @reason. */
gboolean     td_deadlines_set_due      (TdDatabase     *db,
                                        TdRound        *round,
                                        TdDeadlineKind  kind,
                                        const char     *iso_date,
                                        const char     *reason,
                                        GError        **error);
gboolean     td_deadlines_set_grace    (TdDatabase     *db,
                                        TdRound        *round,
                                        int             days,
                                        const char     *reason,
                                        GError        **error);
gboolean     td_deadlines_set_blocking (TdDatabase     *db,
                                        TdRound        *round,
                                        gboolean        blocks,
                                        const char     *reason,
                                        GError        **error);

/* One unit allowed to send until @until despite the deadline. */
typedef struct {
  char *unit_code;
  char *unit_name;
  char *until;        /* ISO date */
  char *reason;
  char *granted_at;   /* UTC timestamp */
  char *granted_by;
} TdDeadlineException;

void         td_deadline_exception_free (TdDeadlineException *exception);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdDeadlineException, td_deadline_exception_free)

/* Grants (or replaces) @unit's exception for @round; the reason is required.  Recorded in the
 * audit log under the unit, so that it shows in the unit's history. */
gboolean     td_deadlines_except       (TdDatabase  *db,
                                        TdRound     *round,
                                        TdUnit      *unit,
                                        const char  *iso_until,
                                        const char  *reason,
                                        GError     **error);
/* Withdraws it, audited with @reason. */
gboolean     td_deadlines_unexcept     (TdDatabase  *db,
                                        TdRound     *round,
                                        TdUnit      *unit,
                                        const char  *reason,
                                        GError     **error);
/* TdDeadlineException of @round, by unit code. */
GPtrArray   *td_deadlines_list_exceptions (TdDatabase *db,
                                           TdRound    *round,
                                           GError    **error);

/* The day in Vietnam of a stored UTC timestamp ("2026-09-30T16:30:00Z" → "2026-09-30" is
 * 23:30 there), ISO; NULL when @timestamp is not one. */
char        *td_deadline_local_day     (const char  *timestamp);
/* Today in Vietnam, ISO. */
char        *td_deadline_today         (void);
/* A date typed as dd/mm/yyyy or yyyy-mm-dd, ISO; NULL with a message saying how to write it. */
char        *td_deadline_parse_date    (const char  *text,
                                        GError     **error);
/* @iso moved by @days (negative: earlier); NULL when @iso is not a date. */
char        *td_deadline_add_days      (const char  *iso,
                                        int          days);
/* Whole days from @from to @to (ISO dates), negative when @to is before. */
int          td_deadline_days_between  (const char  *from,
                                        const char  *to);

G_END_DECLS
