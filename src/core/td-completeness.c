/* td-completeness.c: who has sent what for a round, and on time (see td-completeness.h). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>

#include "td-catalog.h"
#include "td-completeness.h"
#include "td-session.h"
#include "td-database-private.h"
#include "td-target.h"

static const char *state_ids[] = { "not-started", "draft", "returned", "submitted", "received", "appraised" };
static const char *timeliness_ids[] = { "pending", "on-time", "excused", "late", "overdue", "unknown" };
G_STATIC_ASSERT (G_N_ELEMENTS (state_ids) == TD_N_SUBMISSION_STATES);
G_STATIC_ASSERT (G_N_ELEMENTS (timeliness_ids) == TD_N_TIMELINESS);

const char *
td_submission_state_to_string (TdSubmissionState state)
{
  return state < TD_N_SUBMISSION_STATES ? state_ids[state] : "";
}

const char *
td_submission_state_label (TdSubmissionState state)
{
  switch (state)
    {
    case TD_SUBMISSION_NOT_STARTED: return _("Not started");
    case TD_SUBMISSION_DRAFT: return _("Draft, not sent");
    case TD_SUBMISSION_RETURNED: return _("Returned, not sent again");
    case TD_SUBMISSION_SUBMITTED: return _("Submitted");
    case TD_SUBMISSION_RECEIVED: return _("Received");
    case TD_SUBMISSION_APPRAISED: return _("Appraised");
    case TD_N_SUBMISSION_STATES: break;
    }
  return "";
}

const char *
td_timeliness_to_string (TdTimeliness timeliness)
{
  return timeliness < TD_N_TIMELINESS ? timeliness_ids[timeliness] : "";
}

const char *
td_timeliness_label (TdTimeliness timeliness)
{
  switch (timeliness)
    {
    case TD_TIMELINESS_PENDING: return _("Not due yet");
    case TD_TIMELINESS_ON_TIME: return _("On time");
    case TD_TIMELINESS_EXCUSED: return _("Late, with an exception");
    case TD_TIMELINESS_LATE: return _("Late");
    case TD_TIMELINESS_OVERDUE: return _("Overdue");
    case TD_TIMELINESS_UNKNOWN: return _("Time not known");
    case TD_N_TIMELINESS: break;
    }
  return "";
}

gboolean
td_submission_state_is_sent (TdSubmissionState state)
{
  return state == TD_SUBMISSION_SUBMITTED || state == TD_SUBMISSION_RECEIVED || state == TD_SUBMISSION_APPRAISED;
}

static void
row_free (TdCompletenessRow *row)
{
  g_free (row->code);
  g_free (row->name);
  g_free (row->parent_code);
  g_free (row->parent_name);
  g_free (row->contact);
  g_free (row->phone);
  g_free (row->email);
  g_free (row->submitted_at);
  g_free (row->received_at);
  g_free (row->exception_until);
  g_free (row->exception_reason);
  g_free (row);
}

static void
group_free (TdCompletenessGroup *group)
{
  g_free (group->code);
  g_free (group->name);
  g_free (group);
}

void
td_completeness_free (TdCompleteness *completeness)
{
  if (completeness == NULL)
    return;
  td_deadlines_free (completeness->deadlines);
  g_free (completeness->closes_on);
  g_free (completeness->today);
  g_clear_pointer (&completeness->rows, g_ptr_array_unref);
  g_clear_pointer (&completeness->parents, g_ptr_array_unref);
  g_free (completeness);
}

double
td_completeness_rate (const TdCompletenessCounts *counts,
                      guint                       part)
{
  return counts->expected > 0 ? 100.0 * part / counts->expected : 0;
}

static TdSubmissionState
state_of (const char *status)
{
  if (status == NULL)
    return TD_SUBMISSION_NOT_STARTED;
  if (g_str_equal (status, "draft"))
    return TD_SUBMISSION_DRAFT;
  if (g_str_equal (status, "returned"))
    return TD_SUBMISSION_RETURNED;
  if (g_str_equal (status, "submitted"))
    return TD_SUBMISSION_SUBMITTED;
  if (g_str_equal (status, "appraised"))
    return TD_SUBMISSION_APPRAISED;
  return TD_SUBMISSION_RECEIVED;
}

/* On time is judged on the day in Vietnam the unit made its package; the board's exception
 * covers what was sent (or is still missing) up to its day. */
static void
judge (TdCompletenessRow *row,
       const char        *closes_on,
       const char        *today)
{
  g_autofree char *day = NULL;
  const char *when;

  if (!td_submission_state_is_sent (row->state))
    {
      gboolean past = g_strcmp0 (today, closes_on) > 0;
      gboolean covered = row->exception_until && g_strcmp0 (today, row->exception_until) <= 0;

      row->timeliness = past && !covered ? TD_TIMELINESS_OVERDUE : TD_TIMELINESS_PENDING;
      row->days_late = past ? td_deadline_days_between (closes_on, today) : 0;
      return;
    }
  day = td_deadline_local_day (row->submitted_at);
  if (day == NULL)
    {
      row->timeliness = TD_TIMELINESS_UNKNOWN;
      return;
    }
  when = day;
  if (g_strcmp0 (when, closes_on) <= 0)
    row->timeliness = TD_TIMELINESS_ON_TIME;
  else
    {
      row->days_late = td_deadline_days_between (closes_on, when);
      row->timeliness = row->exception_until && g_strcmp0 (when, row->exception_until) <= 0 ? TD_TIMELINESS_EXCUSED
                                                                                           : TD_TIMELINESS_LATE;
    }
}

static void
count (TdCompletenessCounts    *c,
       const TdCompletenessRow *row)
{
  c->expected++;
  c->states[row->state]++;
  c->timeliness[row->timeliness]++;
  c->sent += td_submission_state_is_sent (row->state);
  c->outdated += row->outdated;
}

/* The kinds that report at least one of the campaign's targets, as a mask of 1 << kind. */
static guint
reporting_kinds (TdDatabase  *db,
                 GError     **error)
{
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, error);
  guint mask = 0;

  if (targets == NULL)
    return 0;
  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, i);
      for (int k = 0; k < TD_N_UNIT_KINDS; k++)
        if (td_target_is_reported_by (t, (TdUnitKind) k))
          mask |= 1u << k;
    }
  return mask;
}

static gboolean
wanted (const TdCompletenessFilter *filter,
        const TdCompletenessRow    *row)
{
  if (filter == NULL)
    return TRUE;
  if (filter->has_kind && row->kind != filter->kind)
    return FALSE;
  if (filter->parent_code && g_strcmp0 (filter->parent_code, row->parent_code) != 0)
    return FALSE;
  if (filter->codes && !g_strv_contains ((const char * const *) filter->codes, row->code))
    return FALSE;
  return TRUE;
}

static TdCompletenessGroup *
group_for (GPtrArray               *groups,
           const TdCompletenessRow *row)
{
  TdCompletenessGroup *g;

  for (guint i = 0; i < groups->len; i++)
    {
      g = groups->pdata[i];
      if (g_strcmp0 (g->code, row->parent_code) == 0)
        return g;
    }
  g = g_new0 (TdCompletenessGroup, 1);
  g->code = g_strdup (row->parent_code);
  g->name = g_strdup (row->parent_name);
  g_ptr_array_add (groups, g);
  return g;
}

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const TdCompletenessGroup *x = *(TdCompletenessGroup **) a, *y = *(TdCompletenessGroup **) b;

  if ((x->code == NULL) != (y->code == NULL))
    return x->code == NULL ? 1 : -1;
  return g_strcmp0 (x->code, y->code);
}

TdCompleteness *
td_completeness_compute (TdDatabase                 *db,
                         guint                       round_number,
                         const TdCompletenessFilter *filter,
                         const char                 *today,
                         GError                    **error)
{
  g_autoptr(TdRound) round = td_catalog_find_round (db, round_number, error);
  g_autoptr(TdCompleteness) c = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *setup = NULL;
  TdStmt *stmt;
  guint kinds;
  int rc;

  if (round == NULL)
    return NULL;
  kinds = reporting_kinds (db, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  c = g_new0 (TdCompleteness, 1);
  if ((c->deadlines = td_deadlines_get (db, round, error)) == NULL)
    return NULL;
  c->closes_on = td_deadlines_closes_on (c->deadlines);
  c->today = today ? g_strdup (today) : td_deadline_today ();
  setup = td_database_get_meta (db, "setup_version");
  c->board_setup_version = setup ? atoi (setup) : 0;
  c->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  c->parents = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  stmt = td_database_prepare (db,
                              "SELECT u.id, u.code, u.name, u.kind, p.code, p.name, u.contact, u.phone, u.email,"
                              " a.status, a.revision, a.submitted_at, a.received_at, a.setup_version, x.until, x.reason"
                              " FROM unit u LEFT JOIN unit p ON p.id = u.parent_id"
                              " LEFT JOIN assessment a ON a.unit_id = u.id AND a.round_id = ?1"
                              " LEFT JOIN deadline_exception x ON x.unit_id = u.id AND x.round_id = ?1"
                              " WHERE u.active = 1 AND u.kind <> 'province' ORDER BY u.code",
                              error);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, td_round_get_id (round));
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      TdCompletenessRow *row = g_new0 (TdCompletenessRow, 1);
      g_autofree char *status = td_stmt_dup_text (stmt, 9);
      g_autofree char *kind = td_stmt_dup_text (stmt, 3);

      row->unit_id = td_stmt_column_int64 (stmt, 0);
      row->code = td_stmt_dup_text (stmt, 1);
      row->name = td_stmt_dup_text (stmt, 2);
      if (!td_unit_kind_from_string (kind, &row->kind) || !(kinds & (1u << row->kind)))
        {
          row_free (row);
          continue;
        }
      row->parent_code = td_stmt_dup_text (stmt, 4);
      row->parent_name = td_stmt_dup_text (stmt, 5);
      row->contact = td_stmt_dup_text (stmt, 6);
      row->phone = td_stmt_dup_text (stmt, 7);
      row->email = td_stmt_dup_text (stmt, 8);
      row->state = state_of (status);
      row->revision = td_submission_state_is_sent (row->state) ? td_stmt_column_int (stmt, 10) : 0;
      row->submitted_at = td_stmt_dup_text (stmt, 11);
      row->received_at = td_stmt_dup_text (stmt, 12);
      row->setup_version = td_stmt_column_int (stmt, 13);
      row->exception_until = td_stmt_dup_text (stmt, 14);
      row->exception_reason = td_stmt_dup_text (stmt, 15);
      row->outdated = row->setup_version > 0 && row->setup_version < c->board_setup_version;
      judge (row, c->closes_on, c->today);
      if (!wanted (filter, row))
        {
          row_free (row);
          continue;
        }
      count (&c->total, row);
      count (&c->by_kind[row->kind], row);
      count (&group_for (c->parents, row)->counts, row);
      g_ptr_array_add (c->rows, row);
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return NULL;
    }
  g_ptr_array_sort (c->parents, compare_groups);
  return g_steal_pointer (&c);
}

typedef struct {
  guint  round_number;
  int    kind;
} ComputeJob;

static gpointer
compute_job (TdDatabase    *db,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  ComputeJob *job = data;
  TdCompletenessFilter filter = { .has_kind = job->kind >= 0, .kind = (TdUnitKind) MAX (job->kind, 0) };

  return td_completeness_compute (db, job->round_number, &filter, NULL, error);
}

void
td_completeness_compute_async (TdDatabase          *db,
                               guint                round_number,
                               int                  kind,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  ComputeJob *job = g_new0 (ComputeJob, 1);

  job->round_number = round_number;
  job->kind = kind;
  td_session_run_async (td_session_get (db), compute_job, job, g_free, (GDestroyNotify) td_completeness_free,
                        cancellable, callback, user_data);
}

TdCompleteness *
td_completeness_compute_finish (GAsyncResult  *result,
                                GError       **error)
{
  return td_session_propagate (result, error);
}

void
td_unit_deadline_free (TdUnitDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->due);
  g_free (deadline->closes_on);
  g_free (deadline->exception_until);
  g_free (deadline);
}

TdUnitDeadline *
td_unit_deadline_get (TdDatabase  *db,
                      gint64       unit_id,
                      gint64       round_id,
                      const char  *today,
                      GError     **error)
{
  g_autoptr(GListModel) rounds = td_catalog_list_rounds (db, error);
  g_autoptr(TdDeadlines) deadlines = NULL;
  g_autoptr(TdUnitDeadline) d = NULL;
  g_autofree char *now = today ? g_strdup (today) : td_deadline_today ();
  TdRound *round = NULL;
  TdStmt *stmt;

  for (guint i = 0; rounds && i < g_list_model_get_n_items (rounds) && round == NULL; i++)
    {
      TdRound *r = g_list_model_get_item (rounds, i);
      if (td_round_get_id (r) == round_id)
        round = r;
      else
        g_object_unref (r);
    }
  if (round == NULL)
    {
      if (rounds != NULL)
        g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("The round is not in this database."));
      return NULL;
    }
  deadlines = td_deadlines_get (db, round, error);
  g_object_unref (round);
  if (deadlines == NULL)
    return NULL;
  d = g_new0 (TdUnitDeadline, 1);
  d->due = g_strdup (deadlines->assessment_due);
  d->closes_on = td_deadlines_closes_on (deadlines);
  stmt = td_database_prepare (db, "SELECT until FROM deadline_exception WHERE unit_id = ? AND round_id = ?", error);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, unit_id);
  td_stmt_bind_int64 (stmt, 2, round_id);
  if (td_stmt_step (stmt) == TD_ROW)
    d->exception_until = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  d->has_exception = d->exception_until != NULL && g_strcmp0 (d->exception_until, d->closes_on) > 0;
  d->days_left = td_deadline_days_between (now, d->has_exception ? d->exception_until : d->closes_on);
  return g_steal_pointer (&d);
}

gboolean
td_completeness_blocks_awards (TdDatabase  *db,
                               gint64       unit_id,
                               gint64       round_id,
                               char       **sent_on,
                               char       **closes_on)
{
  TdStmt *stmt = td_database_prepare (db,
                                            "SELECT r.late_blocks_awards, coalesce (r.assessment_due, date (r.ends_on, ?3)),"
                                            " r.grace_days, a.submitted_at, x.until"
                                            " FROM round r LEFT JOIN assessment a ON a.round_id = r.id AND a.unit_id = ?2"
                                            " AND a.status IN ('submitted', 'received', 'appraised')"
                                            " LEFT JOIN deadline_exception x ON x.round_id = r.id AND x.unit_id = ?2"
                                            " WHERE r.id = ?1", NULL);
  g_autofree char *offset = g_strdup_printf ("-%d days", TD_DEADLINE_DEFAULT_DAYS_BEFORE);
  g_autofree char *due = NULL, *submitted = NULL, *until = NULL, *closes = NULL, *day = NULL;
  gboolean blocks = FALSE;
  int grace = 0;

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, round_id);
  td_stmt_bind_int64 (stmt, 2, unit_id);
  td_stmt_bind_text (stmt, 3, offset);
  if (td_stmt_step (stmt) == TD_ROW)
    {
      blocks = td_stmt_column_int (stmt, 0) != 0;
      due = td_stmt_dup_text (stmt, 1);
      grace = td_stmt_column_int (stmt, 2);
      submitted = td_stmt_dup_text (stmt, 3);
      until = td_stmt_dup_text (stmt, 4);
    }
  td_stmt_reset (stmt);
  if (!blocks || (day = td_deadline_local_day (submitted)) == NULL)
    return FALSE;
  closes = td_deadline_add_days (due, grace);
  if (g_strcmp0 (day, closes) <= 0 || (until != NULL && g_strcmp0 (day, until) <= 0))
    return FALSE;
  if (sent_on)
    *sent_on = g_steal_pointer (&day);
  if (closes_on)
    *closes_on = g_steal_pointer (&closes);
  return TRUE;
}
