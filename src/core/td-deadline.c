/* td-deadline.c: a round's deadlines and the board's exceptions (see td-deadline.h). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <json-glib/json-glib.h>

#include "td-audit.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-deadline.h"
#include "td-format.h"

void
td_deadlines_free (TdDeadlines *deadlines)
{
  if (deadlines == NULL)
    return;
  g_free (deadlines->round_title);
  g_free (deadlines->round_day);
  g_free (deadlines->assessment_due);
  g_free (deadlines->proposal_due);
  g_free (deadlines);
}

void
td_deadline_exception_free (TdDeadlineException *exception)
{
  if (exception == NULL)
    return;
  g_free (exception->unit_code);
  g_free (exception->unit_name);
  g_free (exception->until);
  g_free (exception->reason);
  g_free (exception->granted_at);
  g_free (exception->granted_by);
  g_free (exception);
}

/* Vietnam keeps UTC+7 the whole year. */
static GTimeZone *
vietnam (void)
{
  return g_time_zone_new_offset (7 * 3600);
}

static GDate *
date_of (const char *iso)
{
  int y, m, d;
  char tail;

  if (iso == NULL || sscanf (iso, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_new_dmy (d, m, y);
}

static char *
iso_of (const GDate *date)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
td_deadline_add_days (const char *iso,
                      int         days)
{
  g_autoptr(GDate) date = date_of (iso);

  if (date == NULL)
    return NULL;
  if (days >= 0)
    g_date_add_days (date, (guint) days);
  else
    g_date_subtract_days (date, (guint) -days);
  return iso_of (date);
}

char *
td_deadline_local_day (const char *timestamp)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GTimeZone) vn = vietnam ();
  g_autoptr(GDateTime) at = timestamp ? g_date_time_new_from_iso8601 (timestamp, utc) : NULL;
  g_autoptr(GDateTime) there = at ? g_date_time_to_timezone (at, vn) : NULL;

  return there ? g_date_time_format (there, "%Y-%m-%d") : NULL;
}

char *
td_deadline_today (void)
{
  g_autoptr(GTimeZone) vn = vietnam ();
  g_autoptr(GDateTime) now = g_date_time_new_now (vn);

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
td_deadline_parse_date (const char  *text,
                        GError     **error)
{
  g_autoptr(GDate) iso = date_of (text);

  if (iso != NULL)
    return iso_of (iso);
  return td_parse_date (text, error);
}

int
td_deadline_days_between (const char *from,
                          const char *to)
{
  g_autoptr(GDate) a = date_of (from);
  g_autoptr(GDate) b = date_of (to);

  return a && b ? g_date_days_between (a, b) : 0;
}

TdDeadlines *
td_deadlines_get (TdDatabase  *db,
                  TdRound     *round,
                  GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT assessment_due, proposal_due, grace_days, late_blocks_awards"
                                          " FROM round WHERE id = ?", error);
  g_autoptr(TdDeadlines) d = g_new0 (TdDeadlines, 1);
  g_autofree char *fallback = td_deadline_add_days (td_round_get_ends_on (round), -TD_DEADLINE_DEFAULT_DAYS_BEFORE);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, td_round_get_id (round));
  if (td_stmt_step (stmt) != TD_ROW)
    {
      td_stmt_reset (stmt);
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, _("Round %u is not in this database."),
                   td_round_get_number (round));
      return NULL;
    }
  d->round_number = td_round_get_number (round);
  d->round_title = g_strdup (td_round_get_title (round));
  d->round_day = g_strdup (td_round_get_ends_on (round));
  d->assessment_due = td_stmt_dup_text (stmt, 0);
  d->proposal_due = td_stmt_dup_text (stmt, 1);
  d->grace_days = td_stmt_column_int (stmt, 2);
  d->late_blocks_awards = td_stmt_column_int (stmt, 3) != 0;
  td_stmt_reset (stmt);
  d->assessment_default = d->assessment_due == NULL;
  d->proposal_default = d->proposal_due == NULL;
  if (d->assessment_due == NULL)
    d->assessment_due = g_strdup (fallback ? fallback : "");
  if (d->proposal_due == NULL)
    d->proposal_due = g_strdup (fallback ? fallback : "");
  return g_steal_pointer (&d);
}

char *
td_deadlines_closes_on (const TdDeadlines *deadlines)
{
  return td_deadline_add_days (deadlines->assessment_due, deadlines->grace_days);
}

/* The board's change goes into the campaign description too, which its setup files carry to
 * the units: one member of the round's object, set or (@value NULL) removed. */
static gboolean
set_in_campaign (TdDatabase  *db,
                 TdRound     *round,
                 const char  *member,
                 JsonNode    *value,
                 GError     **error)
{
  g_autoptr(GBytes) json = td_catalog_get_campaign_json (db, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *rounds;

  if (json == NULL)
    return FALSE;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (json, NULL), (gssize) g_bytes_get_size (json), error))
    return FALSE;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser))
                                                                 : NULL;
  rounds = root && json_object_has_member (root, "rounds") ? json_object_get_array_member (root, "rounds") : NULL;
  for (guint i = 0; rounds && i < json_array_get_length (rounds); i++)
    {
      JsonObject *r = json_array_get_object_element (rounds, i);

      if (r == NULL || json_object_get_int_member_with_default (r, "number", i + 1) != td_round_get_number (round))
        continue;
      if (value != NULL)
        json_object_set_member (r, member, json_node_copy (value));
      else if (json_object_has_member (r, member))
        json_object_remove_member (r, member);
    }
  generator = json_generator_new ();
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return td_database_set_meta (db, "campaign_json", text, error);
}

/* One of the round's deadline columns.  Each statement is a literal: td_database_prepare()
 * keeps statements by the address of their SQL, so a string built here would find another's. */
static gboolean
update_round (TdDatabase  *db,
              TdRound     *round,
              const char  *column,
              const char  *text,
              gint64       number,
              GError     **error)
{
  const char *sql = g_str_equal (column, "assessment_due") ? "UPDATE round SET assessment_due = ?1 WHERE id = ?2"
                  : g_str_equal (column, "proposal_due") ? "UPDATE round SET proposal_due = ?1 WHERE id = ?2"
                  : g_str_equal (column, "grace_days") ? "UPDATE round SET grace_days = ?1 WHERE id = ?2"
                  : "UPDATE round SET late_blocks_awards = ?1 WHERE id = ?2";
  TdStmt *stmt = td_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  if (text != NULL || g_str_has_suffix (column, "_due"))
    td_stmt_bind_text (stmt, 1, text);
  else
    td_stmt_bind_int64 (stmt, 1, number);
  td_stmt_bind_int64 (stmt, 2, td_round_get_id (round));
  return td_database_step_done (db, stmt, error);
}

static gboolean
need_reason (const char  *reason,
             GError     **error)
{
  g_autofree char *clean = g_strstrip (g_strdup (reason ? reason : ""));

  if (*clean != '\0')
    return TRUE;
  g_set_error_literal (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                       _("Write why the deadline changes: the reason is kept in the audit log."));
  return FALSE;
}

gboolean
td_deadlines_set_due (TdDatabase     *db,
                      TdRound        *round,
                      TdDeadlineKind  kind,
                      const char     *iso_date,
                      const char     *reason,
                      GError        **error)
{
  const char *column = kind == TD_DEADLINE_ASSESSMENT ? "assessment_due" : "proposal_due";
  g_autoptr(TdDeadlines) before = NULL;
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(GDate) date = iso_date ? date_of (iso_date) : NULL;
  g_autoptr(JsonNode) node = NULL;

  if (iso_date != NULL && date == NULL)
    {
      g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                   _("“%s” is not a date; write it as dd/mm/yyyy, for example 30/09/2026."), iso_date);
      return FALSE;
    }
  if (iso_date != NULL && g_strcmp0 (iso_date, td_round_get_ends_on (round)) > 0)
    {
      g_autofree char *day = td_format_date (td_round_get_ends_on (round));
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                   _("A deadline after the round's day (%s) leaves no time to appraise; choose a day before it."), day);
      return FALSE;
    }
  if (!need_reason (reason, error) || (before = td_deadlines_get (db, round, error)) == NULL ||
      (tx = td_transaction_begin (db, error)) == NULL)
    return FALSE;
  if (iso_date != NULL)
    {
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, iso_date);
    }
  return update_round (db, round, column, iso_date, 0, error) &&
         set_in_campaign (db, round, column, node, error) &&
         td_audit_record (db, "round", td_round_get_id (round), NULL, column,
                          kind == TD_DEADLINE_ASSESSMENT ? before->assessment_due : before->proposal_due,
                          iso_date ? iso_date : "default", reason, error) &&
         td_transaction_commit (tx, error);
}

gboolean
td_deadlines_set_grace (TdDatabase  *db,
                        TdRound     *round,
                        int          days,
                        const char  *reason,
                        GError     **error)
{
  g_autoptr(TdDeadlines) before = NULL;
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autofree char *old = NULL, *new = NULL;

  if (days < 0 || days > 366)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                   _("The grace is a number of days from 0 to 366, not %d."), days);
      return FALSE;
    }
  if (!need_reason (reason, error) || (before = td_deadlines_get (db, round, error)) == NULL ||
      (tx = td_transaction_begin (db, error)) == NULL)
    return FALSE;
  json_node_set_int (node, days);
  old = g_strdup_printf ("%d", before->grace_days);
  new = g_strdup_printf ("%d", days);
  return update_round (db, round, "grace_days", NULL, days, error) &&
         set_in_campaign (db, round, "grace_days", node, error) &&
         td_audit_record (db, "round", td_round_get_id (round), NULL, "grace_days", old, new, reason, error) &&
         td_transaction_commit (tx, error);
}

gboolean
td_deadlines_set_blocking (TdDatabase  *db,
                           TdRound     *round,
                           gboolean     blocks,
                           const char  *reason,
                           GError     **error)
{
  g_autoptr(TdDeadlines) before = NULL;
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  if (!need_reason (reason, error) || (before = td_deadlines_get (db, round, error)) == NULL ||
      (tx = td_transaction_begin (db, error)) == NULL)
    return FALSE;
  json_node_set_boolean (node, blocks);
  return update_round (db, round, "late_blocks_awards", NULL, blocks, error) &&
         set_in_campaign (db, round, "late_blocks_awards", node, error) &&
         td_audit_record (db, "round", td_round_get_id (round), NULL, "late_blocks_awards",
                          before->late_blocks_awards ? "yes" : "no", blocks ? "yes" : "no", reason, error) &&
         td_transaction_commit (tx, error);
}

static char *
exception_until (TdDatabase *db,
                 TdRound    *round,
                 TdUnit     *unit)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT until FROM deadline_exception WHERE unit_id = ? AND round_id = ?",
                                            NULL);
  char *until = NULL;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, td_unit_get_id (unit));
  td_stmt_bind_int64 (stmt, 2, td_round_get_id (round));
  if (td_stmt_step (stmt) == TD_ROW)
    until = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  return until;
}

gboolean
td_deadlines_except (TdDatabase  *db,
                     TdRound     *round,
                     TdUnit      *unit,
                     const char  *iso_until,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(GDate) date = date_of (iso_until);
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *old = NULL;
  g_autofree char *now = td_database_now ();
  g_autofree char *clean = g_strstrip (g_strdup (reason ? reason : ""));
  TdStmt *stmt;

  if (date == NULL)
    {
      g_set_error (error, TD_FORMAT_ERROR, TD_FORMAT_ERROR_INVALID,
                   _("“%s” is not a date; write it as dd/mm/yyyy, for example 05/10/2026."), iso_until ? iso_until : "");
      return FALSE;
    }
  if (*clean == '\0')
    {
      g_set_error_literal (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                           _("Write why the unit may send late: the reason is kept in its history."));
      return FALSE;
    }
  if ((tx = td_transaction_begin (db, error)) == NULL)
    return FALSE;
  old = exception_until (db, round, unit);
  stmt = td_database_prepare (db, "INSERT INTO deadline_exception (unit_id, round_id, until, reason, granted_at, granted_by)"
                                  " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (unit_id, round_id) DO UPDATE SET"
                                  " until = excluded.until, reason = excluded.reason, granted_at = excluded.granted_at,"
                                  " granted_by = excluded.granted_by", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, td_unit_get_id (unit));
  td_stmt_bind_int64 (stmt, 2, td_round_get_id (round));
  td_stmt_bind_text (stmt, 3, iso_until);
  td_stmt_bind_text (stmt, 4, clean);
  td_stmt_bind_text (stmt, 5, now);
  td_stmt_bind_text (stmt, 6, td_database_get_actor (db));
  return td_database_step_done (db, stmt, error) &&
         td_audit_record (db, "unit", td_unit_get_id (unit), td_unit_get_code (unit), "deadline_exception", old, iso_until,
                          clean, error) &&
         td_transaction_commit (tx, error);
}

gboolean
td_deadlines_unexcept (TdDatabase  *db,
                       TdRound     *round,
                       TdUnit      *unit,
                       const char  *reason,
                       GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *old = NULL;
  TdStmt *stmt;

  if (!need_reason (reason, error) || (tx = td_transaction_begin (db, error)) == NULL)
    return FALSE;
  old = exception_until (db, round, unit);
  if (old == NULL)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND,
                   _("%s has no exception to the deadline of round %u."), td_unit_get_code (unit), td_round_get_number (round));
      return FALSE;
    }
  stmt = td_database_prepare (db, "DELETE FROM deadline_exception WHERE unit_id = ? AND round_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, td_unit_get_id (unit));
  td_stmt_bind_int64 (stmt, 2, td_round_get_id (round));
  return td_database_step_done (db, stmt, error) &&
         td_audit_record (db, "unit", td_unit_get_id (unit), td_unit_get_code (unit), "deadline_exception", old, NULL,
                          reason, error) &&
         td_transaction_commit (tx, error);
}

static gpointer
exception_from_row (TdStmt       *stmt,
                    gpointer      user_data)
{
  TdDeadlineException *x = g_new0 (TdDeadlineException, 1);

  x->unit_code = td_stmt_dup_text (stmt, 0);
  x->unit_name = td_stmt_dup_text (stmt, 1);
  x->until = td_stmt_dup_text (stmt, 2);
  x->reason = td_stmt_dup_text (stmt, 3);
  x->granted_at = td_stmt_dup_text (stmt, 4);
  x->granted_by = td_stmt_dup_text (stmt, 5);
  return x;
}

GPtrArray *
td_deadlines_list_exceptions (TdDatabase  *db,
                              TdRound     *round,
                              GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT u.code, u.name, x.until, x.reason, x.granted_at, x.granted_by"
                                          " FROM deadline_exception x JOIN unit u ON u.id = x.unit_id"
                                          " WHERE x.round_id = ? ORDER BY u.code", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, td_round_get_id (round));
  return td_database_collect (db, stmt, exception_from_row, NULL, (GDestroyNotify) td_deadline_exception_free, error);
}
