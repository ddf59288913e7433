/* td-completeness.h: who has sent what for a round, and on time.
 *
 * Computed at the board from what it holds: the units expected to report (active, of a kind
 * that reports at least one of the campaign's targets), the state of each one's
 * self-assessment there, when the unit made its package against the round's deadline
 * (td-deadline.h) and when the board received it, and whether the unit still works with an
 * older setup file than the board's newest.  As DHIS2 reports completeness (forms expected
 * against received) and timeliness (received by the due day). */
#pragma once

#include <gio/gio.h>

#include "td-database.h"
#include "td-deadline.h"
#include "td-types.h"

G_BEGIN_DECLS

typedef enum {
  TD_SUBMISSION_NOT_STARTED,   /* nothing at the board */
  TD_SUBMISSION_DRAFT,         /* a draft at the board, never received */
  TD_SUBMISSION_RETURNED,      /* returned by the board and not sent again */
  TD_SUBMISSION_SUBMITTED,     /* submitted here (a unit's own database) */
  TD_SUBMISSION_RECEIVED,
  TD_SUBMISSION_APPRAISED,
  TD_N_SUBMISSION_STATES
} TdSubmissionState;

typedef enum {
  TD_TIMELINESS_PENDING,       /* not sent, not due yet */
  TD_TIMELINESS_ON_TIME,
  TD_TIMELINESS_EXCUSED,       /* after the deadline, within the board's exception */
  TD_TIMELINESS_LATE,          /* sent after the deadline and its grace */
  TD_TIMELINESS_OVERDUE,       /* not sent, and the deadline has passed */
  TD_TIMELINESS_UNKNOWN,       /* sent, but no package said when (typed at the board, older data) */
  TD_N_TIMELINESS
} TdTimeliness;

const char *td_submission_state_to_string (TdSubmissionState state);
const char *td_submission_state_label     (TdSubmissionState state);
const char *td_timeliness_to_string       (TdTimeliness      timeliness);
const char *td_timeliness_label           (TdTimeliness      timeliness);
/* Sent: received, appraised or submitted; not the drafts, the returned ones or the missing. */
gboolean    td_submission_state_is_sent   (TdSubmissionState state);

typedef struct {
  gint64             unit_id;
  char              *code;
  char              *name;
  TdUnitKind         kind;
  char              *parent_code;       /* NULL for a unit without a parent */
  char              *parent_name;
  char              *contact;
  char              *phone;
  char              *email;
  TdSubmissionState  state;
  TdTimeliness       timeliness;
  int                revision;          /* 0 when nothing was sent */
  char              *submitted_at;      /* UTC timestamp the package carried, or NULL */
  char              *received_at;       /* UTC timestamp of the board's import, or NULL */
  int                setup_version;     /* 0 when not known */
  gboolean           outdated;          /* a setup file older than the board's newest */
  char              *exception_until;   /* ISO date of the board's exception, or NULL */
  char              *exception_reason;
  int                days_late;         /* after the closing day (deadline + grace) */
} TdCompletenessRow;

/* Counts of one group of units (a kind, a parent, all). */
typedef struct {
  guint expected;
  guint states[TD_N_SUBMISSION_STATES];
  guint timeliness[TD_N_TIMELINESS];
  guint sent;
  guint outdated;
} TdCompletenessCounts;

typedef struct {
  TdDeadlines          *deadlines;
  char                 *closes_on;      /* deadline + grace, ISO */
  char                 *today;          /* the day the report was made, ISO (Vietnam) */
  int                   board_setup_version;
  GPtrArray            *rows;           /* TdCompletenessRow, by kind then code */
  TdCompletenessCounts  total;
  TdCompletenessCounts  by_kind[TD_N_UNIT_KINDS];
  GPtrArray            *parents;        /* TdCompletenessGroup by parent, the units without one last */
} TdCompleteness;

typedef struct {
  char                 *code;           /* NULL: units without a parent */
  char                 *name;
  TdCompletenessCounts  counts;
} TdCompletenessGroup;

/* Which units to count: every expected unit, or those of one kind, under one parent, or in a
 * list of codes. */
typedef struct {
  gboolean     has_kind;
  TdUnitKind   kind;
  const char  *parent_code;
  char       **codes;
} TdCompletenessFilter;

void            td_completeness_free    (TdCompleteness             *completeness);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdCompleteness, td_completeness_free)

/* @today (ISO) NULL for today in Vietnam; @filter NULL for every expected unit. */
TdCompleteness *td_completeness_compute (TdDatabase                 *db,
                                         guint                       round_number,
                                         const TdCompletenessFilter *filter,
                                         const char                 *today,
                                         GError                    **error);
/* The rate of @part in @counts->expected, in percent (0 when nothing is expected). */
double          td_completeness_rate    (const TdCompletenessCounts *counts,
                                         guint                       part);

/* td_completeness_compute() on a worker of @db's session (td-session.h: a connection of its
 * own, the window's stays free); @kind < 0 for every kind. */
void            td_completeness_compute_async  (TdDatabase          *db,
                                                guint                round_number,
                                                int                  kind,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
TdCompleteness *td_completeness_compute_finish (GAsyncResult        *result,
                                                GError             **error);

/* For the unit's own form: the deadline of @round and how it stands.  @days_left is negative
 * once the deadline (grace included) has passed. */
typedef struct {
  char     *due;            /* ISO */
  char     *closes_on;      /* ISO, due + grace */
  int       days_left;      /* to closes_on, from today */
  gboolean  has_exception;
  char     *exception_until;
} TdUnitDeadline;

void            td_unit_deadline_free   (TdUnitDeadline *deadline);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdUnitDeadline, td_unit_deadline_free)
TdUnitDeadline *td_unit_deadline_get    (TdDatabase  *db,
                                         gint64       unit_id,
                                         gint64       round_id,
                                         const char  *today,
                                         GError     **error);

/* Whether the round keeps @unit_id's nominations out of its awards for lateness: only when the
 * round says so (late_blocks_awards), the unit's self-assessment was sent after the deadline
 * and its grace, and no exception of the board covers the day.  TRUE then, with the day it
 * was made and the closing day (ISO) for the message. */
gboolean        td_completeness_blocks_awards (TdDatabase  *db,
                                               gint64       unit_id,
                                               gint64       round_id,
                                               char       **sent_on,
                                               char       **closes_on);

G_END_DECLS
