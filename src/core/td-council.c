/* td-council.c: council members, meetings, the ballot counts, and closing a meeting into the
 * council's step of each nomination on its agenda. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-appraisal.h"
#include "td-audit.h"
#include "td-council.h"
#include "td-database-private.h"
#include "td-format.h"

void
td_council_member_free (TdCouncilMember *m)
{
  if (m == NULL)
    return;
  g_free (m->name);
  g_free (m->position);
  g_free (m);
}

static void
item_free (TdMeetingItem *i)
{
  g_free (i->name);
  g_free (i->unit_name);
  g_free (i);
}

void
td_meeting_free (TdMeeting *m)
{
  if (m == NULL)
    return;
  g_free (m->held_on);
  g_free (m->threshold);
  g_free (m->place);
  g_free (m->starts_at);
  g_free (m->ends_at);
  g_free (m->chair);
  g_free (m->secretary);
  g_clear_pointer (&m->present, g_ptr_array_unref);
  g_clear_pointer (&m->items, g_ptr_array_unref);
  g_free (m);
}

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, TD_APPRAISAL_ERROR, TD_APPRAISAL_ERROR_BAD_MOVE, message);
  return FALSE;
}

gint64
td_council_add_member (TdDatabase  *db,
                       const char  *name,
                       const char  *position,
                       GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  TdStmt *stmt;

  if (*clean == '\0')
    {
      fail (error, _("A council member needs a name."));
      return 0;
    }
  stmt = td_database_prepare (db, "INSERT INTO council_member (name, position) VALUES (?, ?)", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_text (stmt, 1, clean);
  td_stmt_bind_text (stmt, 2, position ? position : "");
  if (!td_database_step_done (db, stmt, error))
    return 0;
  return td_conn_last_insert_id (td_database_get_handle (db));
}

gboolean
td_council_set_standing (TdDatabase  *db,
                         gint64       member_id,
                         gboolean     standing,
                         GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "UPDATE council_member SET standing = ? WHERE id = ? AND active", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int (stmt, 1, standing);
  td_stmt_bind_int64 (stmt, 2, member_id);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  if (td_conn_changes (td_database_get_handle (db)) == 0)
    return fail (error, _("There is no active council member with this id (thidua-cli council list)."));
  return td_audit_record (db, "council_member", member_id, NULL, "standing", NULL, standing ? "1" : "0", NULL, error);
}

gboolean
td_council_retire_member (TdDatabase  *db,
                          gint64       member_id,
                          GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "UPDATE council_member SET active = 0 WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, member_id);
  return td_database_step_done (db, stmt, error);
}

static gpointer
member_from_row (TdStmt       *stmt,
                 gpointer      user_data)
{
  TdCouncilMember *m = g_new0 (TdCouncilMember, 1);

  m->id = td_stmt_column_int64 (stmt, 0);
  m->name = td_stmt_dup_text (stmt, 1);
  m->position = td_stmt_dup_text (stmt, 2);
  m->active = td_stmt_column_int (stmt, 3);
  m->standing = td_stmt_column_int (stmt, 4);
  return m;
}

GPtrArray *
td_council_list_members (TdDatabase  *db,
                         GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT id, name, position, active, standing FROM council_member"
                                          " ORDER BY active DESC, id", error);

  return stmt ? td_database_collect (db, stmt, member_from_row, NULL, (GDestroyNotify) td_council_member_free, error)
              : NULL;
}

gboolean
td_council_passes (guint       agree,
                   guint       members,
                   const char *threshold)
{
  if (g_strcmp0 (threshold, "two-thirds") == 0)
    return (guint64) agree * 3 >= (guint64) members * 2;
  return (guint64) agree * 2 > members;
}

/* The index of the council's step, or -1. */
static int
council_step (GPtrArray *steps)
{
  for (guint i = 0; steps && i < steps->len; i++)
    if (((TdStepSpec *) steps->pdata[i])->actor == TD_STEP_BY_COUNCIL)
      return (int) i;
  return -1;
}

gint64
td_meeting_create (TdDatabase   *db,
                   gint64        round_id,
                   const char   *held_on,
                   const gint64 *member_ids,
                   guint         n_members,
                   const gint64 *nomination_ids,
                   guint         n_nominations,
                   GError      **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *threshold = NULL;
  g_autoptr(GPtrArray) steps = td_appraisal_steps (db, &threshold, error);
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GDate) date = g_date_new ();
  g_autoptr(TdCouncilRules) rules = td_appraisal_council_rules (db);
  gboolean standing;
  guint active = 0;
  int council;
  gint64 id;
  TdStmt *stmt;

  if (steps == NULL || (members = td_council_list_members (db, error)) == NULL)
    return 0;
  council = council_step (steps);
  if (council < 0)
    {
      fail (error, _("The campaign's appraisal has no council step."));
      return 0;
    }
  if (held_on != NULL)
    g_date_set_parse (date, held_on);
  if (held_on == NULL || strlen (held_on) != 10 || !g_date_valid (date))
    {
      fail (error, _("A meeting needs the date it is held (dd/mm/yyyy)."));
      return 0;
    }
  /* The body that sits: the standing committee (the campaign's default for the Bằng khen) or
   * the plenary council; its active members are the ones counted. */
  standing = g_strcmp0 (rules->sitting, "standing-committee") == 0;
  for (guint i = 0; i < members->len; i++)
    {
      TdCouncilMember *m = members->pdata[i];
      active += m->active && (!standing || m->standing);
    }
  if (active == 0 && standing && members->len > 0)
    {
      fail (error, _("The campaign has the council's standing committee consider the Bằng khen, and no member is "
                     "marked as one of it: mark them (thidua-cli council standing ID, or in Council)."));
      return 0;
    }
  if (active == 0 || n_members == 0 || n_nominations == 0)
    {
      fail (error, _("A meeting needs the council's members (thidua-cli council add), those present and the "
                     "nominations on its agenda."));
      return 0;
    }
  {
    guint needed = td_council_rules_needed (rules->quorum, active);

    if (n_members < needed)
      {
        g_autofree char *message = g_strdup_printf (standing
                                                    ? _("%u of the standing committee's %u members are present: a "
                                                        "meeting needs at least %u/%u of them (%u).")
                                                    : _("%u of the council's %u members are present: a meeting needs "
                                                        "at least %u/%u of them (%u)."), n_members, active,
                                                    rules->quorum[0], rules->quorum[1], needed);
        fail (error, message);
        return 0;
      }
  }
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return 0;
  stmt = td_database_prepare (db, "INSERT INTO meeting (round_id, held_on, members_total, threshold, sitting)"
                                  " VALUES (?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_int64 (stmt, 1, round_id);
  td_stmt_bind_text (stmt, 2, held_on);
  td_stmt_bind_int (stmt, 3, (int) active);
  td_stmt_bind_text (stmt, 4, threshold);
  td_stmt_bind_text (stmt, 5, rules->sitting);
  if (!td_database_step_done (db, stmt, error))
    return 0;
  id = td_conn_last_insert_id (td_database_get_handle (db));
  for (guint i = 0; i < n_members; i++)
    {
      gboolean known = FALSE;

      for (guint k = 0; k < members->len; k++)
        known |= ((TdCouncilMember *) members->pdata[k])->id == member_ids[i] &&
                 ((TdCouncilMember *) members->pdata[k])->active &&
                 (!standing || ((TdCouncilMember *) members->pdata[k])->standing);
      stmt = known ? td_database_prepare (db, "INSERT INTO meeting_member VALUES (?, ?)", error) : NULL;
      if (!known)
        fail (error, standing ? _("A member present is not an active member of the council's standing committee.")
                              : _("A member present is not an active member of the council."));
      if (stmt == NULL)
        return 0;
      td_stmt_bind_int64 (stmt, 1, id);
      td_stmt_bind_int64 (stmt, 2, member_ids[i]);
      if (!td_database_step_done (db, stmt, error))
        return 0;
    }
  for (guint i = 0; i < n_nominations; i++)
    {
      g_autoptr(TdNomination) n = td_nomination_get (db, nomination_ids[i], error);

      if (n == NULL)
        return 0;
      if (n->level != TD_AWARD_BANG_KHEN || td_appraisal_steps_done (db, n->id, NULL) != (guint) council ||
          n->status == TD_NOMINATION_RETURNED || n->round_id != round_id)
        {
          g_autofree char *message = g_strdup_printf (_("The nomination of “%s” is not waiting for the council in this "
                                                        "round: it must have been through the steps before."),
                                                      td_nomination_get_name (n));
          fail (error, message);
          return 0;
        }
      stmt = td_database_prepare (db, "INSERT INTO meeting_item (meeting_id, nomination_id) VALUES (?, ?)", error);
      if (stmt == NULL)
        return 0;
      td_stmt_bind_int64 (stmt, 1, id);
      td_stmt_bind_int64 (stmt, 2, n->id);
      if (!td_database_step_done (db, stmt, error))
        return 0;
    }
  if (!td_audit_record (db, "meeting", id, NULL, "created", NULL, held_on, NULL, error) ||
      !td_transaction_commit (tx, error))
    return 0;
  return id;
}

TdMeeting *
td_meeting_load (TdDatabase  *db,
                 gint64       meeting_id,
                 GError     **error)
{
  g_autoptr(TdMeeting) m = g_new0 (TdMeeting, 1);
  TdStmt *stmt = td_database_prepare (db, "SELECT round_id, held_on, members_total, threshold, closed_at IS NOT NULL,"
                                          " place, starts_at, ends_at, chair, secretary, sitting FROM meeting"
                                          " WHERE id = ?",
                                      error);
  int rc;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, meeting_id);
  if (td_stmt_step (stmt) != TD_ROW)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, meeting_id);

      td_stmt_reset (stmt);
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("There is no meeting %s."), id_text);
      return NULL;
    }
  m->id = meeting_id;
  m->round_id = td_stmt_column_int64 (stmt, 0);
  m->held_on = td_stmt_dup_text (stmt, 1);
  m->members_total = (guint) td_stmt_column_int (stmt, 2);
  m->threshold = td_stmt_dup_text (stmt, 3);
  m->closed = td_stmt_column_int (stmt, 4);
  m->place = td_stmt_dup_text (stmt, 5);
  m->starts_at = td_stmt_dup_text (stmt, 6);
  m->ends_at = td_stmt_dup_text (stmt, 7);
  m->chair = td_stmt_dup_text (stmt, 8);
  m->secretary = td_stmt_dup_text (stmt, 9);
  m->standing_committee = g_strcmp0 ((const char *) td_stmt_column_text (stmt, 10), "standing-committee") == 0;
  td_stmt_reset (stmt);

  stmt = td_database_prepare (db, "SELECT c.id, c.name, c.position, c.active, c.standing FROM meeting_member mm"
                                  " JOIN council_member c ON c.id = mm.member_id WHERE mm.meeting_id = ? ORDER BY c.id",
                              error);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, meeting_id);
  m->present = td_database_collect (db, stmt, member_from_row, NULL, (GDestroyNotify) td_council_member_free, error);
  if (m->present == NULL)
    return NULL;

  m->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  stmt = td_database_prepare (db, "SELECT i.nomination_id, COALESCE(n.person_name, u.name), u.name, i.agree IS NOT NULL,"
                                  " COALESCE(i.agree, 0), COALESCE(i.disagree, 0), COALESCE(i.abstain, 0),"
                                  " i.passed IS NOT NULL, COALESCE(i.passed, 0), i.written_agree, i.written_disagree"
                                  " FROM meeting_item i JOIN nomination n ON n.id = i.nomination_id"
                                  " JOIN unit u ON u.id = n.unit_id WHERE i.meeting_id = ? ORDER BY n.id", error);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, meeting_id);
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      TdMeetingItem *i = g_new0 (TdMeetingItem, 1);

      i->nomination_id = td_stmt_column_int64 (stmt, 0);
      i->name = td_stmt_dup_text (stmt, 1);
      i->unit_name = td_stmt_dup_text (stmt, 2);
      i->voted = td_stmt_column_int (stmt, 3);
      i->agree = (guint) td_stmt_column_int (stmt, 4);
      i->disagree = (guint) td_stmt_column_int (stmt, 5);
      i->abstain = (guint) td_stmt_column_int (stmt, 6);
      i->decided = td_stmt_column_int (stmt, 7);
      i->passed = td_stmt_column_int (stmt, 8);
      i->written_agree = (guint) td_stmt_column_int (stmt, 9);
      i->written_disagree = (guint) td_stmt_column_int (stmt, 10);
      g_ptr_array_add (m->items, i);
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&m);
}

/* The meeting, open, with @nomination_id on its agenda; NULL with the reason otherwise. */
static TdMeeting *
open_meeting_with (TdDatabase  *db,
                   gint64       meeting_id,
                   gint64       nomination_id,
                   GError     **error)
{
  g_autoptr(TdMeeting) m = td_meeting_load (db, meeting_id, error);
  gboolean on_agenda = FALSE;

  if (m == NULL)
    return NULL;
  if (m->closed)
    {
      fail (error, _("The meeting is closed: its votes no longer change."));
      return NULL;
    }
  for (guint i = 0; nomination_id != 0 && i < m->items->len; i++)
    on_agenda |= ((TdMeetingItem *) m->items->pdata[i])->nomination_id == nomination_id;
  if (nomination_id != 0 && !on_agenda)
    {
      fail (error, _("The nomination is not on this meeting's agenda."));
      return NULL;
    }
  return g_steal_pointer (&m);
}

gboolean
td_meeting_vote (TdDatabase  *db,
                 gint64       meeting_id,
                 gint64       nomination_id,
                 guint        agree,
                 guint        disagree,
                 guint        abstain,
                 GError     **error)
{
  g_autoptr(TdMeeting) m = open_meeting_with (db, meeting_id, nomination_id, error);
  TdStmt *stmt;

  if (m == NULL)
    return FALSE;
  if ((guint64) agree + disagree + abstain != m->present->len)
    {
      g_autofree char *message = g_strdup_printf (_("%u votes counted for %u members present: every member present "
                                                    "votes once (agree, disagree or abstain)."),
                                                  agree + disagree + abstain, m->present->len);
      return fail (error, message);
    }
  stmt = td_database_prepare (db, "UPDATE meeting_item SET agree = ?, disagree = ?, abstain = ?"
                                  " WHERE meeting_id = ? AND nomination_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int (stmt, 1, (int) agree);
  td_stmt_bind_int (stmt, 2, (int) disagree);
  td_stmt_bind_int (stmt, 3, (int) abstain);
  td_stmt_bind_int64 (stmt, 4, meeting_id);
  td_stmt_bind_int64 (stmt, 5, nomination_id);
  return td_database_step_done (db, stmt, error);
}

gboolean
td_meeting_record_written (TdDatabase  *db,
                           gint64       meeting_id,
                           gint64       nomination_id,
                           guint        agree,
                           guint        disagree,
                           GError     **error)
{
  g_autoptr(TdMeeting) m = open_meeting_with (db, meeting_id, nomination_id, error);
  guint absent;
  TdStmt *stmt;

  if (m == NULL)
    return FALSE;
  absent = m->members_total > m->present->len ? m->members_total - m->present->len : 0;
  if ((guint64) agree + disagree > absent)
    {
      g_autofree char *message = g_strdup_printf (_("%u written opinions, but only %u members are absent: each absent "
                                                    "member gives one at most."), agree + disagree, absent);
      return fail (error, message);
    }
  stmt = td_database_prepare (db, "UPDATE meeting_item SET written_agree = ?, written_disagree = ?"
                                  " WHERE meeting_id = ? AND nomination_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int (stmt, 1, (int) agree);
  td_stmt_bind_int (stmt, 2, (int) disagree);
  td_stmt_bind_int64 (stmt, 3, meeting_id);
  td_stmt_bind_int64 (stmt, 4, nomination_id);
  {
    g_autofree char *counts = g_strdup_printf ("%u/%u", agree, disagree);

    return td_database_step_done (db, stmt, error) &&
           td_audit_record (db, "meeting", meeting_id, NULL, "written", NULL, counts, NULL, error);
  }
}

static gboolean
valid_time (const char *text)
{
  return text != NULL && strlen (text) == 5 && g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) &&
         text[2] == ':' && g_ascii_isdigit (text[3]) && g_ascii_isdigit (text[4]) &&
         (text[0] - '0') * 10 + (text[1] - '0') < 24 && text[3] < '6';
}

/* The name of the member @id among those present, or NULL. */
static const char *
present_name (TdMeeting *m,
              gint64     id)
{
  for (guint i = 0; i < m->present->len; i++)
    if (((TdCouncilMember *) m->present->pdata[i])->id == id)
      return ((TdCouncilMember *) m->present->pdata[i])->name;
  return NULL;
}

gboolean
td_meeting_set_details (TdDatabase  *db,
                        gint64       meeting_id,
                        const char  *place,
                        const char  *starts_at,
                        const char  *ends_at,
                        gint64       chair_id,
                        gint64       secretary_id,
                        GError     **error)
{
  g_autoptr(TdMeeting) m = open_meeting_with (db, meeting_id, 0, error);
  g_autofree char *where = g_strstrip (g_strdup (place ? place : ""));
  const char *chair, *secretary;
  TdStmt *stmt;

  if (m == NULL)
    return FALSE;
  if (*where == '\0' || td_text_has_hidden (where) || g_utf8_strlen (where, -1) > 200)
    return fail (error, _("Write where the meeting is held, e.g. “Phòng họp số 1, UBND tỉnh” (at most 200 characters)."));
  if (!valid_time (starts_at) || !valid_time (ends_at) || g_strcmp0 (starts_at, ends_at) >= 0)
    return fail (error, _("A meeting's hours are written HH:MM, and it ends after it starts (e.g. 08:00 and 10:30)."));
  chair = present_name (m, chair_id);
  secretary = present_name (m, secretary_id);
  if (chair == NULL || secretary == NULL || chair_id == secretary_id)
    return fail (error, _("The chair and the secretary are two members present at the meeting (by their ids in "
                          "thidua-cli council list)."));
  stmt = td_database_prepare (db, "UPDATE meeting SET place = ?, starts_at = ?, ends_at = ?, chair = ?, secretary = ?"
                                  " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, where);
  td_stmt_bind_text (stmt, 2, starts_at);
  td_stmt_bind_text (stmt, 3, ends_at);
  td_stmt_bind_text (stmt, 4, chair);
  td_stmt_bind_text (stmt, 5, secretary);
  td_stmt_bind_int64 (stmt, 6, meeting_id);
  return td_database_step_done (db, stmt, error);
}

gboolean
td_meeting_close (TdDatabase  *db,
                  gint64       meeting_id,
                  GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdMeeting) m = td_meeting_load (db, meeting_id, error);
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *now = td_database_now ();
  TdStmt *stmt;
  int council;

  if (m == NULL || (steps = td_appraisal_steps (db, NULL, error)) == NULL)
    return FALSE;
  if (m->closed)
    return fail (error, _("The meeting is already closed."));
  for (guint i = 0; i < m->items->len; i++)
    if (!((TdMeetingItem *) m->items->pdata[i])->voted)
      {
        g_autofree char *message = g_strdup_printf (_("No votes are counted yet for %s."),
                                                    ((TdMeetingItem *) m->items->pdata[i])->name);
        return fail (error, message);
      }
  {
    g_autoptr(TdCouncilRules) rules = td_appraisal_council_rules (db);
    guint needed = td_council_rules_needed (rules->attendance, m->members_total);

    for (guint i = 0; i < m->items->len; i++)
      {
        TdMeetingItem *item = m->items->pdata[i];
        guint heard = m->present->len + item->written_agree + item->written_disagree;

        if (heard < needed)
          {
            g_autofree char *message = g_strdup_printf (_("%s: %u members present and %u written opinions of %u "
                                                          "members; a decision on an award needs %u/%u of them (%u). "
                                                          "Record the written opinions of the members absent."),
                                                        item->name, m->present->len,
                                                        item->written_agree + item->written_disagree,
                                                        m->members_total, rules->attendance[0], rules->attendance[1],
                                                        needed);
            return fail (error, message);
          }
      }
  }
  council = council_step (steps);
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  for (guint i = 0; i < m->items->len; i++)
    {
      TdMeetingItem *item = m->items->pdata[i];
      TdStepSpec *step = steps->pdata[council];
      guint agree = item->agree + item->written_agree;
      gboolean passed = td_council_passes (agree, m->members_total, m->threshold);
      g_autofree char *verdict = g_strdup_printf ("%s %u/%u", passed ? "passed" : "not-passed", agree,
                                                  m->members_total);
      g_autofree char *reason = passed ? NULL
                                       : g_strdup_printf (_("The council did not pass it: %u of %u members agreed."),
                                                          agree, m->members_total);
      TdNominationStatus status = passed ? step->status : TD_NOMINATION_RETURNED;

      stmt = td_database_prepare (db, "UPDATE meeting_item SET passed = ? WHERE meeting_id = ? AND nomination_id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_int (stmt, 1, passed);
      td_stmt_bind_int64 (stmt, 2, meeting_id);
      td_stmt_bind_int64 (stmt, 3, item->nomination_id);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
      stmt = td_database_prepare (db, "UPDATE nomination SET steps_done = ?, status = ?, status_reason = ? WHERE id = ?",
                                  error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_int (stmt, 1, passed ? council + 1 : 0);
      td_stmt_bind_text (stmt, 2, td_nomination_status_to_string (status));
      td_stmt_bind_text (stmt, 3, reason);
      td_stmt_bind_int64 (stmt, 4, item->nomination_id);
      if (!td_database_step_done (db, stmt, error) ||
          !td_appraisal_record (db, item->nomination_id, step->id, TD_STEP_VOTE, NULL, verdict, NULL, reason, NULL,
                                error) ||
          !td_audit_record (db, "nomination", item->nomination_id, NULL, "status", NULL,
                            td_nomination_status_to_string (status), reason, error))
        return FALSE;
    }
  stmt = td_database_prepare (db, "UPDATE meeting SET closed_at = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, now);
  td_stmt_bind_int64 (stmt, 2, meeting_id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_audit_record (db, "meeting", meeting_id, NULL, "closed", NULL, NULL, NULL, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

GArray *
td_meeting_list (TdDatabase  *db,
                 GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT id FROM meeting ORDER BY id DESC", error);
  GArray *out;
  int rc;

  if (stmt == NULL)
    return NULL;
  out = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      gint64 id = td_stmt_column_int64 (stmt, 0);
      g_array_append_val (out, id);
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      g_array_unref (out);
      td_database_set_error (db, rc, error);
      return NULL;
    }
  return out;
}
