/* td-award.c: the nomination workflow and decisions.
 *
 * proposed → appraised → approved → in a decision, or returned with a reason from any step
 * before the decision; a returned nomination may be proposed again. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-assessment.h"
#include "td-audit.h"
#include "td-appraisal-history.h"
#include "td-award.h"
#include "td-database-private.h"
#include "td-register.h"

G_DEFINE_QUARK (td-award-error-quark, td_award_error)

void
td_nomination_free (TdNomination *n)
{
  if (n == NULL)
    return;
  g_free (n->unit_name);
  g_free (n->person_name);
  g_free (n->person_position);
  g_free (n->achievement);
  g_free (n->status_reason);
  g_free (n->proposer_name);
  g_free (n->unit_code);
  g_free (n->collective_name);
  g_free (n);
}

static char *
unit_name_of (TdDatabase *db,
              gint64      unit_id)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT name FROM unit WHERE id = ?", NULL);
  char *name = NULL;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, unit_id);
  if (td_stmt_step (stmt) == TD_ROW)
    name = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  return name;
}

static char *
unit_code (TdDatabase *db,
           gint64      unit_id)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT code FROM unit WHERE id = ?", NULL);
  char *code = NULL;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, unit_id);
  if (td_stmt_step (stmt) == TD_ROW)
    code = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  return code;
}

gboolean
td_nomination_spec_check (const TdNominationSpec  *spec,
                          GError                 **error)
{
  g_autofree char *name = g_strstrip (g_strdup (spec->person_name ? spec->person_name : ""));
  g_autofree char *achievement = g_strstrip (g_strdup (spec->achievement ? spec->achievement : ""));

  if (spec->individual && *name == '\0')
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("An individual nomination needs the person's full name."));
      return FALSE;
    }
  if (spec->unit_id <= 0 || spec->proposer_id <= 0)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("Choose the unit and the proposing unit of the nomination."));
      return FALSE;
    }
  if (*achievement == '\0')
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("Write the achievement the award is for (“Đã có thành tích xuất sắc trong …”)."));
      return FALSE;
    }
  return TRUE;
}

/* Seed VI and Decree 152/2025: a nomination is proposed by the nominee's own unit, a unit
 * above it, or the unit the register names as the one that proposes its awards (VP UBND for
 * its centre, Tỉnh đoàn for the teams), or one above that: not by any unit at all. */
static gboolean
check_proposer (TdDatabase             *db,
                const TdNominationSpec *spec,
                GError                **error)
{
  TdStmt *stmt = td_database_prepare (db, "WITH RECURSIVE up (id, depth) AS ("
                                          "  SELECT ?1, 0"
                                          "  UNION SELECT u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id"
                                          "    WHERE u.parent_id IS NOT NULL AND up.depth < 64"
                                          "  UNION SELECT u.proposer_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.id"
                                          "    WHERE u.proposer_id IS NOT NULL AND up.depth < 64)"
                                          " SELECT 1 FROM up WHERE id = ?2 LIMIT 1", error);
  gboolean may;

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, spec->unit_id);
  td_stmt_bind_int64 (stmt, 2, spec->proposer_id);
  may = td_stmt_step (stmt) == TD_ROW;
  td_stmt_reset (stmt);
  if (!may)
    {
      g_autofree char *unit = unit_name_of (db, spec->unit_id);
      g_autofree char *proposer = unit_name_of (db, spec->proposer_id);

      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY,
                   _("%s cannot propose an award for %s: a nomination is proposed by the nominee's own unit, a unit "
                     "above it, or the unit the register names as the one that proposes its awards."),
                   proposer ? proposer : "?", unit ? unit : "?");
    }
  return may;
}

gint64
td_nomination_create (TdDatabase             *db,
                      const TdNominationSpec *spec,
                      GError                **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *code = NULL;
  g_autofree char *proposer_code = NULL;
  g_autofree char *name = g_strstrip (g_strdup (spec->person_name ? spec->person_name : ""));
  TdStmt *stmt;
  gint64 id;

  if (!td_nomination_spec_check (spec, error) || !check_proposer (db, spec, error))
    return 0;

  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return 0;
  stmt = td_database_prepare (db,
                              "INSERT INTO nomination (round_id, subject, unit_id, proposer_id, person_name,"
                              " person_position, level, achievement, standards_attested)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  td_stmt_bind_int64 (stmt, 1, spec->round_id);
  td_stmt_bind_text (stmt, 2, spec->individual ? "individual" : "collective");
  td_stmt_bind_int64 (stmt, 3, spec->unit_id);
  td_stmt_bind_int64 (stmt, 4, spec->proposer_id);
  td_stmt_bind_text (stmt, 5, spec->individual ? name : NULL);
  td_stmt_bind_text (stmt, 6, spec->individual ? spec->person_position : NULL);
  td_stmt_bind_text (stmt, 7, td_award_level_to_string (spec->level));
  td_stmt_bind_text (stmt, 8, spec->achievement ? spec->achievement : "");
  td_stmt_bind_int (stmt, 9, spec->standards_attested ? 1 : 0);
  if (!td_database_step_done (db, stmt, error))
    return 0;
  id = td_conn_last_insert_id (td_database_get_handle (db));
  code = unit_code (db, spec->unit_id);
  proposer_code = unit_code (db, spec->proposer_id);
  if (!td_appraisal_record (db, id, "proposal", TD_STEP_PROPOSE, proposer_code, NULL, NULL, NULL, NULL, error) ||
      !td_audit_record (db, "nomination", id, code, "status", NULL, "proposed", NULL, error) ||
      !td_transaction_commit (tx, error))
    return 0;
  return id;
}

#define SELECT_NOMINATION \
  "SELECT n.id, n.round_id, n.subject, n.unit_id, n.proposer_id, u.name, n.person_name, n.person_position," \
  " n.level, n.achievement, n.standards_attested, n.status, n.status_reason, coalesce(n.decision_id, 0)," \
  " p.name, u.code, u.kind, pu.name FROM nomination n JOIN unit u ON u.id = n.unit_id" \
  " JOIN unit p ON p.id = n.proposer_id LEFT JOIN unit pu ON pu.id = u.parent_id "

static gpointer
nomination_from_row (TdStmt       *stmt,
                     gpointer      user_data)
{
  TdNomination *n = g_new0 (TdNomination, 1);

  n->id = td_stmt_column_int64 (stmt, 0);
  n->round_id = td_stmt_column_int64 (stmt, 1);
  n->individual = g_strcmp0 ((const char *) td_stmt_column_text (stmt, 2), "individual") == 0;
  n->unit_id = td_stmt_column_int64 (stmt, 3);
  n->proposer_id = td_stmt_column_int64 (stmt, 4);
  n->unit_name = td_stmt_dup_text (stmt, 5);
  n->person_name = td_stmt_dup_text (stmt, 6);
  n->person_position = td_stmt_dup_text (stmt, 7);
  td_award_level_from_string ((const char *) td_stmt_column_text (stmt, 8), &n->level);
  n->achievement = td_stmt_dup_text (stmt, 9);
  n->standards_attested = td_stmt_column_int (stmt, 10);
  td_nomination_status_from_string ((const char *) td_stmt_column_text (stmt, 11), &n->status);
  n->status_reason = td_stmt_dup_text (stmt, 12);
  n->decision_id = td_stmt_column_int64 (stmt, 13);
  n->proposer_name = td_stmt_dup_text (stmt, 14);
  n->unit_code = td_stmt_dup_text (stmt, 15);
  {
    TdUnitKind kind = TD_UNIT_KIND_COMMUNE;

    td_unit_kind_from_string ((const char *) td_stmt_column_text (stmt, 16), &kind);
    n->collective_name = td_nomination_identify_collective (n->unit_name, kind,
                                                           (const char *) td_stmt_column_text (stmt, 17));
  }
  return n;
}

GPtrArray *
td_nomination_list (TdDatabase  *db,
                    gint64       round_id,
                    GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_NOMINATION "WHERE (?1 = 0 OR n.round_id = ?1) ORDER BY n.id",
                                            error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, round_id);
  return td_database_collect (db, stmt, nomination_from_row, NULL, (GDestroyNotify) td_nomination_free, error);
}


TdNomination *
td_nomination_get (TdDatabase  *db,
                   gint64       nomination_id,
                   GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_NOMINATION "WHERE n.id = ?", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, nomination_id);
  return td_database_collect_one (db, stmt, nomination_from_row, (GDestroyNotify) td_nomination_free,
                                  _("The nomination no longer exists."), error);
}

GPtrArray *
td_nomination_list_for_decision (TdDatabase  *db,
                                 gint64       decision_id,
                                 GError     **error)
{
  /* Collectives first: the attached list has a section for each. */
  TdStmt *stmt = td_database_prepare (db, SELECT_NOMINATION "WHERE n.decision_id = ?"
                                          " ORDER BY n.subject = 'individual', n.id", error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, decision_id);
  return td_database_collect (db, stmt, nomination_from_row, NULL, (GDestroyNotify) td_nomination_free, error);
}

gboolean
td_nomination_is_editable (TdNominationStatus status)
{
  return status == TD_NOMINATION_PROPOSED || status == TD_NOMINATION_RETURNED;
}

gboolean
td_nomination_update (TdDatabase             *db,
                      gint64                  nomination_id,
                      const TdNominationSpec *spec,
                      GError                **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdNomination) old = td_nomination_get (db, nomination_id, error);
  g_autofree char *name = g_strstrip (g_strdup (spec->person_name ? spec->person_name : ""));
  TdStmt *stmt;

  if (old == NULL)
    return FALSE;
  if (!td_nomination_is_editable (old->status))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_BAD_TRANSITION,
                   _("A nomination that is %s can no longer be edited; return it first."),
                   td_nomination_status_get_label (old->status));
      return FALSE;
    }
  if (!td_nomination_spec_check (spec, error) || !check_proposer (db, spec, error))
    return FALSE;
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = td_database_prepare (db,
                              "UPDATE nomination SET subject = ?, unit_id = ?, proposer_id = ?, person_name = ?,"
                              " person_position = ?, level = ?, achievement = ?, standards_attested = ?"
                              " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, spec->individual ? "individual" : "collective");
  td_stmt_bind_int64 (stmt, 2, spec->unit_id);
  td_stmt_bind_int64 (stmt, 3, spec->proposer_id);
  td_stmt_bind_text (stmt, 4, spec->individual ? name : NULL);
  td_stmt_bind_text (stmt, 5, spec->individual ? spec->person_position : NULL);
  td_stmt_bind_text (stmt, 6, td_award_level_to_string (spec->level));
  td_stmt_bind_text (stmt, 7, spec->achievement);
  td_stmt_bind_int (stmt, 8, spec->standards_attested ? 1 : 0);
  td_stmt_bind_int64 (stmt, 9, nomination_id);
  if (!td_database_step_done (db, stmt, error) ||
      (g_strcmp0 (old->achievement, spec->achievement) != 0 &&
       !td_audit_record (db, "nomination", nomination_id, old->unit_code, "achievement",
                         old->achievement, spec->achievement, NULL, error)) ||
      (old->standards_attested != spec->standards_attested &&
       !td_audit_record (db, "nomination", nomination_id, old->unit_code, "standards_attested",
                         old->standards_attested ? "1" : "0", spec->standards_attested ? "1" : "0", NULL, error)) ||
      !td_audit_record (db, "nomination", nomination_id, old->unit_code, "edited", NULL, NULL, NULL, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

/* unit or nomination id → the second column of @sql's rows (an int, stored + 1 so that 0 reads
 * as "no row"); @sql takes the round as its one parameter. */
static GHashTable *
per_id (TdDatabase  *db,
        const char  *sql,
        gint64       round_id,
        GError     **error)
{
  g_autoptr(GHashTable) out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  TdStmt *stmt = td_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, round_id);
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      gint64 key = td_stmt_column_int64 (stmt, 0);
      g_hash_table_insert (out, g_memdup2 (&key, sizeof key), GINT_TO_POINTER (td_stmt_column_int (stmt, 1) + 1));
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

GHashTable *
td_nomination_warnings_for_round (TdDatabase  *db,
                                  GPtrArray   *nominations,
                                  GError     **error)
{
  g_autoptr(GHashTable) evidence = NULL;
  g_autoptr(GHashTable) statuses = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GHashTable *out;
  gint64 round_id = nominations->len > 0 ? ((TdNomination *) nominations->pdata[0])->round_id : 0;
  static const char * const status_sql =
    "SELECT unit_id, CASE status WHEN 'draft' THEN 0 WHEN 'submitted' THEN 1 WHEN 'received' THEN 2"
    " WHEN 'returned' THEN 3 WHEN 'appraised' THEN 4 END FROM assessment WHERE round_id = ?";

  G_STATIC_ASSERT (TD_ASSESSMENT_DRAFT == 0 && TD_ASSESSMENT_SUBMITTED == 1 && TD_ASSESSMENT_RECEIVED == 2 &&
                   TD_ASSESSMENT_RETURNED == 3 && TD_ASSESSMENT_APPRAISED == 4);

  /* Two queries and two passes for the whole round, whatever its size: the list shows a
   * warning sign on every row. */
  evidence = per_id (db, "SELECT e.nomination_id, count(*) FROM evidence e JOIN nomination n"
                         " ON n.id = e.nomination_id WHERE n.round_id = ? GROUP BY 1", round_id, error);
  statuses = evidence ? per_id (db, status_sql, round_id, error) : NULL;
  if (statuses == NULL)
    return NULL;

  /* The same person twice, by name compared without case or diacritics in C (SQLite's lower()
   * knows ASCII only; "Pham Quoc Hung" typed again is likely "Phạm Quốc Hưng"): each name →
   * the nominations (not returned) that carry it. */
  for (guint i = 0; i < nominations->len; i++)
    {
      TdNomination *o = nominations->pdata[i];
      char *key;
      GPtrArray *same;

      if (!o->individual || o->status == TD_NOMINATION_RETURNED)
        continue;
      key = td_register_fold (o->person_name);
      same = g_hash_table_lookup (names, key);
      if (same == NULL)
        g_hash_table_insert (names, key, (same = g_ptr_array_new ()));
      else
        g_free (key);
      g_ptr_array_add (same, o);
    }

  out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_strfreev);
  for (guint i = 0; i < nominations->len; i++)
    {
      TdNomination *n = nominations->pdata[i];
      g_autoptr(GStrvBuilder) warnings = g_strv_builder_new ();
      int status = GPOINTER_TO_INT (g_hash_table_lookup (statuses, &n->unit_id)) - 1;

      if (!g_hash_table_contains (evidence, &n->id))
        g_strv_builder_add (warnings, _("No evidence is attached to this nomination."));
      if (!n->standards_attested)
        g_strv_builder_add (warnings, _("The standards of section V.1 are not attested."));
      if (status < 0)
        g_strv_builder_take (warnings, g_strdup_printf (_("%s has no self-assessment for this round."), n->unit_name));
      else if (status != TD_ASSESSMENT_APPRAISED)
        g_strv_builder_take (warnings, g_strdup_printf (_("The self-assessment of %s is not appraised yet (it is %s)."),
                                                        n->unit_name, td_assessment_status_get_label (status)));
      if (n->individual)
        {
          g_autofree char *key = td_register_fold (n->person_name);
          GPtrArray *same = g_hash_table_lookup (names, key);

          for (guint k = 0; same != NULL && k < same->len; k++)
            {
              TdNomination *o = same->pdata[k];
              if (o->id != n->id)
                {
                  g_strv_builder_take (warnings,
                                       g_strdup_printf (_("%s is nominated more than once in this round (also by %s)."),
                                                        n->person_name, o->proposer_name));
                  break;
                }
            }
        }
      g_hash_table_insert (out, g_memdup2 (&n->id, sizeof n->id), g_strv_builder_end (warnings));
    }
  return out;
}

char **
td_nomination_warnings (TdDatabase          *db,
                        const TdNomination  *n,
                        GError             **error)
{
  g_autoptr(GPtrArray) round = td_nomination_list (db, n->round_id, error);
  g_autoptr(GHashTable) all = NULL;
  char **warnings;

  if (round == NULL || (all = td_nomination_warnings_for_round (db, round, error)) == NULL)
    return NULL;
  warnings = g_hash_table_lookup (all, &n->id);
  return warnings ? g_strdupv (warnings) : g_new0 (char *, 1);
}

char *
td_nomination_format_position (const TdNomination *n)
{
  g_autofree char *position = g_utf8_casefold (n->person_position ? n->person_position : "", -1);
  g_autofree char *unit = g_utf8_casefold (n->unit_name, -1);

  if (n->person_position == NULL || *n->person_position == '\0')
    return g_strdup (n->unit_name);
  if (strstr (position, unit) != NULL)
    return g_strdup (n->person_position);
  return g_strdup_printf ("%s, %s", n->person_position, n->unit_name);
}


char *
td_nomination_identify_collective (const char *unit_name,
                                   TdUnitKind  kind,
                                   const char *parent_name)
{
  g_autofree char *place = NULL;
  g_autofree char *folded_name = NULL;
  g_autofree char *folded_place = NULL;

  if ((kind != TD_UNIT_KIND_TEAM_COMMUNE && kind != TD_UNIT_KIND_TEAM_VILLAGE) || parent_name == NULL ||
      *parent_name == '\0')
    return g_strdup (unit_name);
  /* "Xã Nhân Bình" → "xã Nhân Bình", as it reads after a comma. */
  {
    gunichar first = g_utf8_get_char (parent_name);
    char lower[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_tolower (first), lower);
    place = g_strconcat (lower, g_utf8_next_char (parent_name), NULL);
  }
  /* "Tổ … xã Tiên Du" names its commune already. */
  folded_name = g_utf8_casefold (unit_name, -1);
  folded_place = g_utf8_casefold (place, -1);
  if (strstr (folded_name, folded_place) != NULL)
    return g_strdup (unit_name);
  return g_strdup_printf ("%s, %s", unit_name, place);
}

const char *
td_nomination_get_name (const TdNomination *n)
{
  if (n->individual)
    return n->person_name;
  return n->collective_name ? n->collective_name : n->unit_name;
}
