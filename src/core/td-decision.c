/* td-decision.c: award decisions, their stored text and their template defaults.
 *
 * The whole text of a decision lives in its row: a draft is edited by the board over days, and
 * a template change later must not rewrite decisions already drafted or signed. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-audit.h"
#include "td-appraisal-private.h"
#include "td-database-private.h"
#include "td-decision-private.h"
#include "td-format.h"

void
td_decision_free (TdDecision *d)
{
  if (d == NULL)
    return;
  g_free (d->issuer_code);
  g_free (d->status_reason);
  g_free (d->number);
  g_free (d->number_suffix);
  g_free (d->signed_on);
  g_free (d->governing_body);
  g_free (d->issuing_body);
  g_free (d->place);
  g_free (d->summary);
  g_free (d->authority);
  g_strfreev (d->bases);
  g_free (d->proposer);
  g_strfreev (d->articles);
  g_free (d->signer_title);
  g_free (d->signer_name);
  g_strfreev (d->recipients);
  g_free (d->list_title);
  g_free (d->issuer_short);
  g_free (d);
}

static char *
member_string (JsonObject *object,
               const char *name)
{
  const char *value = json_object_has_member (object, name) ? json_object_get_string_member (object, name) : NULL;

  return g_strdup (value ? value : "");
}

static char **
strv_from_array (JsonArray *array)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *s = json_node_get_string (json_array_get_element (array, i));
      if (s != NULL)
        g_strv_builder_add (builder, s);
    }
  return g_strv_builder_end (builder);
}

static char **
member_strv (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return strv_from_array (node && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL);
}

/* The members of a template object; each string goes through @fill (placeholders of the
 * issuing unit) when it is not NULL. */
TdDecision *
td_decision_from_template_object (JsonObject   *o,
                                  TdAwardLevel  level,
                                  char       *(*fill) (const char *text, gpointer data),
                                  gpointer      data)
{
  TdDecision *d = g_new0 (TdDecision, 1);

#define TEXT(field) G_STMT_START {                                          \
    char *raw_ = member_string (o, #field);                                 \
    d->field = fill ? fill (raw_, data) : g_strdup (raw_);                  \
    g_free (raw_);                                                          \
  } G_STMT_END
#define LIST(field) G_STMT_START {                                          \
    d->field = member_strv (o, #field);                                     \
    for (guint i_ = 0; fill && d->field[i_]; i_++)                          \
      {                                                                     \
        char *filled_ = fill (d->field[i_], data);                          \
        g_free (d->field[i_]);                                              \
        d->field[i_] = filled_;                                             \
      }                                                                     \
  } G_STMT_END

  d->level = level;
  d->number = g_strdup ("");
  TEXT (number_suffix);
  TEXT (governing_body);
  TEXT (issuing_body);
  TEXT (place);
  TEXT (summary);
  TEXT (authority);
  LIST (bases);
  TEXT (proposer);
  LIST (articles);
  TEXT (signer_title);
  TEXT (signer_name);
  LIST (recipients);
  TEXT (list_title);
  TEXT (issuer_short);
#undef TEXT
#undef LIST
  return d;
}

JsonParser *
td_decision_load_template (TdAwardLevel   level,
                           JsonObject   **object,
                           GError       **error)
{
  g_autofree char *path = g_strdup_printf ("/io/github/thidua/ThiDua/core/templates/decision-%s.json",
                                           td_award_level_to_string (level));
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new ();

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID, _("The decision template is damaged."));
      return NULL;
    }
  *object = json_node_get_object (json_parser_get_root (parser));
  return g_steal_pointer (&parser);
}

TdDecision *
td_decision_new_from_template (TdAwardLevel   level,
                               GError       **error)
{
  if (level != TD_AWARD_BANG_KHEN)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("A Giấy khen is given by a unit's head: choose the issuing unit."));
      return NULL;
    }
  return td_decision_new_for_issuer (NULL, NULL, error);
}

gboolean
td_decision_is_draft (const TdDecision *d)
{
  return d->status == TD_DECISION_DRAFT;
}

static const char * const status_names[] = { "draft", "issued", "withdrawn" };

const char *
td_decision_status_to_string (TdDecisionStatus status)
{
  g_return_val_if_fail (status <= TD_DECISION_WITHDRAWN, NULL);
  return status_names[status];
}

static gboolean
status_from_string (const char       *text,
                    TdDecisionStatus *status)
{
  for (guint i = 0; i < G_N_ELEMENTS (status_names); i++)
    if (g_strcmp0 (text, status_names[i]) == 0)
      {
        *status = (TdDecisionStatus) i;
        return TRUE;
      }
  return FALSE;
}

const char *
td_decision_status_get_label (TdDecisionStatus status)
{
  switch (status)
    {
    case TD_DECISION_DRAFT: return C_("decision", "Draft");
    case TD_DECISION_ISSUED: return C_("decision", "Issued");
    case TD_DECISION_WITHDRAWN: return C_("decision", "Withdrawn");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
td_decision_get_issuer_key (const TdDecision *d)
{
  return d->issuer_code ? d->issuer_code : "";
}

char *
td_decision_format_number (const TdDecision *d)
{
  const char *suffix = d->number_suffix && *d->number_suffix ? d->number_suffix : "QĐ-UBND";
  guint64 n;

  if (td_decision_is_draft (d))
    return g_strdup_printf ("…/%s", suffix);
  /* Decree 30/2020: numbers below 10 take a leading zero. */
  if (g_ascii_string_to_unsigned (d->number, 10, 0, 9, &n, NULL))
    return g_strdup_printf ("%02u/%s", (guint) n, suffix);
  return g_strdup_printf ("%s/%s", d->number, suffix);
}

char *
td_decision_format_long_date (const TdDecision *d)
{
  g_autoptr(GDateTime) now = NULL;
  char *date = td_format_date_long (d->signed_on);

  if (date != NULL)
    return date;
  now = g_date_time_new_now_local ();
  return g_strdup_printf ("ngày      tháng      năm %d", g_date_time_get_year (now));
}

char *
td_decision_format_awardees (guint n_collectives,
                             guint n_individuals)
{
  if (n_collectives > 0 && n_individuals > 0)
    return g_strdup_printf ("%02u tập thể và %02u cá nhân", n_collectives, n_individuals);
  if (n_individuals > 0)
    return g_strdup_printf ("%02u cá nhân", n_individuals);
  return g_strdup_printf ("%02u tập thể", n_collectives);
}

static char *
strv_to_json (char * const *strv)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static char **
strv_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, NULL))
    return g_new0 (char *, 1);
  root = json_parser_get_root (parser);
  return strv_from_array (JSON_NODE_HOLDS_ARRAY (root) ? json_node_get_array (root) : NULL);
}

static gboolean
check (const TdDecision  *d,
       GError           **error)
{
  if (d->authority == NULL || *d->authority == '\0' || d->signer_title == NULL || *d->signer_title == '\0')
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("A decision needs the authority and the signer's title."));
      return FALSE;
    }
  if (d->signed_on != NULL && *d->signed_on != '\0')
    {
      g_autoptr(GDate) date = g_date_new ();
      g_date_set_parse (date, d->signed_on);
      if (strlen (d->signed_on) != 10 || !g_date_valid (date))
        {
          g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                       _("The decision date “%s” is not a date."), d->signed_on);
          return FALSE;
        }
    }
  return TRUE;
}

/* The text columns in the order both INSERT and UPDATE bind them, from index 1. */
#define TEXT_COLUMNS "number, number_suffix, signed_on, governing_body, issuing_body, place, summary," \
                     " authority, bases, proposer, articles, signer_title, signer_name, recipients," \
                     " list_title, issuer_short"
#define N_TEXT_COLUMNS 16

/* @number and @signed_on are not @d's: only td_decision_issue() gives them. */
static void
bind_text_columns (TdStmt           *stmt,
                   const TdDecision *d,
                   const char       *number,
                   const char       *signed_on,
                   char            **json /* [3], kept alive until stepped */)
{
  json[0] = strv_to_json (d->bases);
  json[1] = strv_to_json (d->articles);
  json[2] = strv_to_json (d->recipients);
  td_stmt_bind_text (stmt, 1, number ? number : "");
  td_stmt_bind_text (stmt, 2, d->number_suffix ? d->number_suffix : "");
  td_stmt_bind_text (stmt, 3, signed_on && *signed_on ? signed_on : NULL);
  td_stmt_bind_text (stmt, 4, d->governing_body ? d->governing_body : "");
  td_stmt_bind_text (stmt, 5, d->issuing_body ? d->issuing_body : "");
  td_stmt_bind_text (stmt, 6, d->place ? d->place : "");
  td_stmt_bind_text (stmt, 7, d->summary ? d->summary : "");
  td_stmt_bind_text (stmt, 8, d->authority);
  td_stmt_bind_text (stmt, 9, json[0]);
  td_stmt_bind_text (stmt, 10, d->proposer ? d->proposer : "");
  td_stmt_bind_text (stmt, 11, json[1]);
  td_stmt_bind_text (stmt, 12, d->signer_title);
  td_stmt_bind_text (stmt, 13, d->signer_name ? d->signer_name : "");
  td_stmt_bind_text (stmt, 14, json[2]);
  td_stmt_bind_text (stmt, 15, d->list_title ? d->list_title : "");
  td_stmt_bind_text (stmt, 16, d->issuer_short ? d->issuer_short : "");
}

gint64
td_decision_create (TdDatabase        *db,
                    const TdDecision  *d,
                    const gint64      *nomination_ids,
                    guint              n_nominations,
                    GError           **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autofree char *now = td_database_now ();
  char *json[3] = { NULL };
  TdStmt *stmt;
  gint64 id = 0;

  if (!check (d, error))
    return 0;
  if (d->number != NULL && *d->number != '\0')
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("A decision is drafted without a number: it gets its number and date when it is issued."));
      return 0;
    }
  if ((d->level == TD_AWARD_BANG_KHEN) != (d->issuer_code == NULL))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_AUTHORITY,
                   _("The Bằng khen is the province Chairman's; a Giấy khen is a unit head's. "
                     "Choose the issuer that matches the award."));
      return 0;
    }
  if (n_nominations == 0)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("Choose at least one approved nomination for the decision."));
      return 0;
    }
  for (guint i = 0; i < n_nominations; i++)
    {
      g_autoptr(TdNomination) n = td_nomination_get (db, nomination_ids[i], error);

      if (n == NULL || !td_decision_check_authority (db, d->issuer_code, n, error))
        return 0;
    }
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    goto fail;
  stmt = td_database_prepare (db, "INSERT INTO decision (" TEXT_COLUMNS ", round_id, level, created_at, issuer_code)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  /* A draft has no date either: it is printed with blanks to fill in by hand. */
  bind_text_columns (stmt, d, "", NULL, json);
  td_stmt_bind_int64 (stmt, N_TEXT_COLUMNS + 1, d->round_id);
  td_stmt_bind_text (stmt, N_TEXT_COLUMNS + 2, td_award_level_to_string (d->level));
  td_stmt_bind_text (stmt, N_TEXT_COLUMNS + 3, now);
  td_stmt_bind_text (stmt, N_TEXT_COLUMNS + 4, d->issuer_code);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  id = td_conn_last_insert_id (td_database_get_handle (db));

  for (guint i = 0; i < n_nominations; i++)
    if (!td_nomination_move_into_decision (db, nomination_ids[i], d->level, d->round_id, d->issuer_code, id,
                                           error))
      goto fail;

  if (!td_audit_record (db, "decision", id, d->issuer_code, "created", NULL, "draft", NULL, error) ||
      !td_transaction_commit (tx, error))
    goto fail;
  for (guint i = 0; i < 3; i++)
    g_free (json[i]);
  return id;

fail:
  /* The texts bound to the statement; the transaction rolls back as it goes. */
  for (guint i = 0; i < 3; i++)
    g_free (json[i]);
  return 0;
}

gboolean
td_decision_save (TdDatabase        *db,
                  const TdDecision  *d,
                  GError           **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdDecision) old = NULL;
  char *json[3] = { NULL };
  TdStmt *stmt;
  gboolean ok = FALSE;

  if (!check (d, error))
    return FALSE;
  old = td_decision_load (db, d->id, error);
  if (old == NULL)
    return FALSE;
  if (old->status != TD_DECISION_DRAFT)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_ISSUED,
                   _("Decision %s is %s: its text no longer changes. Withdraw it and draft a new one."),
                   old->number, td_decision_status_get_label (old->status));
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  stmt = td_database_prepare (db, "UPDATE decision SET (" TEXT_COLUMNS ") ="
                                  " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?", error);
  if (stmt != NULL)
    {
      bind_text_columns (stmt, d, old->number, old->signed_on, json);
      td_stmt_bind_int64 (stmt, N_TEXT_COLUMNS + 1, d->id);
      ok = td_database_step_done (db, stmt, error) &&
           td_audit_record (db, "decision", d->id, old->issuer_code, "text", NULL, NULL, NULL, error) &&
           td_transaction_commit (tx, error);
    }
  for (guint i = 0; i < 3; i++)
    g_free (json[i]);
  return ok;
}

static gpointer
decision_from_row (TdStmt       *stmt,
                   gpointer      user_data)
{
  TdDecision *d = g_new0 (TdDecision, 1);
  g_autofree char *bases = NULL;
  g_autofree char *articles = NULL;
  g_autofree char *recipients = NULL;

  d->number = td_stmt_dup_text (stmt, 0);
  d->number_suffix = td_stmt_dup_text (stmt, 1);
  d->signed_on = td_stmt_dup_text (stmt, 2);
  d->governing_body = td_stmt_dup_text (stmt, 3);
  d->issuing_body = td_stmt_dup_text (stmt, 4);
  d->place = td_stmt_dup_text (stmt, 5);
  d->summary = td_stmt_dup_text (stmt, 6);
  d->authority = td_stmt_dup_text (stmt, 7);
  bases = td_stmt_dup_text (stmt, 8);
  d->proposer = td_stmt_dup_text (stmt, 9);
  articles = td_stmt_dup_text (stmt, 10);
  d->signer_title = td_stmt_dup_text (stmt, 11);
  d->signer_name = td_stmt_dup_text (stmt, 12);
  recipients = td_stmt_dup_text (stmt, 13);
  d->list_title = td_stmt_dup_text (stmt, 14);
  d->issuer_short = td_stmt_dup_text (stmt, 15);
  d->id = td_stmt_column_int64 (stmt, 16);
  d->round_id = td_stmt_column_int64 (stmt, 17);
  td_award_level_from_string ((const char *) td_stmt_column_text (stmt, 18), &d->level);
  d->issuer_code = td_stmt_dup_text (stmt, 19);
  status_from_string ((const char *) td_stmt_column_text (stmt, 20), &d->status);
  d->status_reason = td_stmt_dup_text (stmt, 21);
  d->bases = strv_from_json (bases);
  d->articles = strv_from_json (articles);
  d->recipients = strv_from_json (recipients);
  return d;
}

#define SELECT_DECISION "SELECT " TEXT_COLUMNS ", id, round_id, level, issuer_code, status, status_reason" \
                        " FROM decision "

TdDecision *
td_decision_load (TdDatabase  *db,
                  gint64       decision_id,
                  GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_DECISION "WHERE id = ?", error);
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, decision_id);
  g_autofree char *not_found = g_strdup_printf (_("There is no decision %s."), id_text);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, decision_id);
  return td_database_collect_one (db, stmt, decision_from_row, (GDestroyNotify) td_decision_free, not_found, error);
}

GPtrArray *
td_decision_list (TdDatabase  *db,
                  gint64       round_id,
                  GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, SELECT_DECISION "WHERE (?1 = 0 OR round_id = ?1) ORDER BY id DESC",
                                            error);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_int64 (stmt, 1, round_id);
  return td_database_collect (db, stmt, decision_from_row, NULL, (GDestroyNotify) td_decision_free, error);
}

GPtrArray *
td_decision_list_awardees (TdDatabase  *db,
                           gint64       decision_id,
                           GError     **error)
{
  g_autoptr(GPtrArray) awardees = td_nomination_list_for_decision (db, decision_id, error);
  TdStmt *stmt;

  if (awardees == NULL)
    return NULL;
  /* An issued (or withdrawn) decision names its awardees as on the day of issue. */
  stmt = td_database_prepare (db, "SELECT awardee_name, awardee_unit, awardee_position FROM award_entry"
                                  " WHERE decision_id = ? AND nomination_id = ? AND awardee_name IS NOT NULL", error);
  if (stmt == NULL)
    return NULL;
  for (guint i = 0; i < awardees->len; i++)
    {
      TdNomination *n = awardees->pdata[i];

      td_stmt_bind_int64 (stmt, 1, decision_id);
      td_stmt_bind_int64 (stmt, 2, n->id);
      if (td_stmt_step (stmt) == TD_ROW)
        {
          char **name = n->individual ? &n->person_name : &n->collective_name;

          g_free (*name);
          *name = td_stmt_dup_text (stmt, 0);
          g_free (n->unit_name);
          n->unit_name = td_stmt_dup_text (stmt, 1);
          g_free (n->person_position);
          n->person_position = td_stmt_dup_text (stmt, 2);
        }
      td_stmt_reset (stmt);
    }
  return g_steal_pointer (&awardees);
}

/* Every other decision of the issuer that already carries @number in @year. */
static gboolean
number_is_free (TdDatabase  *db,
                const char  *issuer,
                int          year,
                guint        number,
                gint64       except,
                GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT id FROM decision WHERE COALESCE(issuer_code, '') = ?"
                                          " AND status <> 'draft' AND CAST(number AS INTEGER) = ?"
                                          " AND CAST(substr(signed_on, 1, 4) AS INTEGER) = ? AND id <> ?",
                                      error);
  gboolean taken;

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, issuer);
  td_stmt_bind_int (stmt, 2, (int) number);
  td_stmt_bind_int (stmt, 3, year);
  td_stmt_bind_int64 (stmt, 4, except);
  taken = td_stmt_step (stmt) == TD_ROW;
  td_stmt_reset (stmt);
  if (taken)
    g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                 _("The issuer already has a decision number %02u in %d. Check the number in the outgoing "
                   "documents book (sổ văn bản đi)."), number, year);
  return !taken;
}

gboolean
td_decision_issue (TdDatabase  *db,
                   gint64       decision_id,
                   const char  *number,
                   const char  *signed_on,
                   GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdDecision) d = td_decision_load (db, decision_id, error);
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) date = g_date_new ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now),
                                           g_date_time_get_month (now), g_date_time_get_year (now));
  g_autofree char *clean = g_strstrip (g_strdup (number ? number : ""));
  g_autofree char *shown = NULL;
  g_autofree char *stamp = td_database_now ();
  guint64 n;
  TdStmt *stmt;
  int year, next = 1;

  if (d == NULL)
    return FALSE;
  if (d->status != TD_DECISION_DRAFT)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_ISSUED, _("Decision %s is already %s."),
                   d->number, td_decision_status_get_label (d->status));
      return FALSE;
    }
  if (!g_ascii_string_to_unsigned (clean, 10, 1, 9999, &n, NULL))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("“%s” is not a decision number: write the number from the outgoing documents book, "
                     "1 to 9999."), clean);
      return FALSE;
    }
  if (signed_on != NULL)
    g_date_set_parse (date, signed_on);
  if (signed_on == NULL || strlen (signed_on) != 10 || !g_date_valid (date))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("An issued decision needs the date it was signed (dd/mm/yyyy)."));
      return FALSE;
    }
  if (g_date_compare (date, today) > 0)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("The date is after today: a decision is issued once it is signed."));
      return FALSE;
    }
  year = g_date_get_year (date);
  awardees = td_decision_list_awardees (db, decision_id, error);
  if (awardees == NULL)
    return FALSE;
  /* Dates in order: no decision before the meeting that passed its awardees. */
  for (guint i = 0; i < awardees->len; i++)
    {
      const TdNomination *nom = awardees->pdata[i];
      g_autofree char *met = NULL;

      stmt = td_database_prepare (db, "SELECT max(m.held_on) FROM meeting_item i JOIN meeting m ON m.id = i.meeting_id"
                                      " WHERE i.nomination_id = ? AND i.passed = 1", error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_int64 (stmt, 1, nom->id);
      if (td_stmt_step (stmt) == TD_ROW)
        met = td_stmt_dup_text (stmt, 0);
      td_stmt_reset (stmt);
      if (met != NULL && g_strcmp0 (signed_on, met) < 0)
        {
          g_autofree char *shown_date = td_format_date (signed_on);
          g_autofree char *shown_met = td_format_date (met);

          g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                       _("The decision is dated %s, before the council's meeting of %s that passed “%s”: a decision "
                         "is signed after the meeting. Check the date."), shown_date, shown_met,
                       td_nomination_get_name (nom));
          return FALSE;
        }
    }
  if (awardees->len == 0)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID, _("The decision has no awardee to issue."));
      return FALSE;
    }

  /* BEGIN IMMEDIATE: the check of the number and the register's next number are read by the
   * one writer, so another process issuing at the same time waits and then sees ours. */
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  if (!number_is_free (db, td_decision_get_issuer_key (d), year, (guint) n, decision_id, error))
    return FALSE;
  stmt = td_database_prepare (db, "SELECT COALESCE(MAX(number), 0) + 1 FROM award_entry WHERE issuer = ? AND year = ?",
                              error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, td_decision_get_issuer_key (d));
  td_stmt_bind_int (stmt, 2, year);
  if (td_stmt_step (stmt) == TD_ROW)
    next = td_stmt_column_int (stmt, 0);
  td_stmt_reset (stmt);

  for (guint i = 0; i < awardees->len; i++)
    {
      const TdNomination *nom = awardees->pdata[i];

      /* The awardee as named today, kept: an issued decision's text no longer changes. */
      stmt = td_database_prepare (db, "INSERT INTO award_entry (issuer, year, number, decision_id, nomination_id,"
                                      " awardee_name, awardee_unit, awardee_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                  error);
      if (stmt == NULL)
        return FALSE;
      td_stmt_bind_text (stmt, 1, td_decision_get_issuer_key (d));
      td_stmt_bind_int (stmt, 2, year);
      td_stmt_bind_int (stmt, 3, next + (int) i);
      td_stmt_bind_int64 (stmt, 4, decision_id);
      td_stmt_bind_int64 (stmt, 5, nom->id);
      td_stmt_bind_text (stmt, 6, td_nomination_get_name (nom));
      td_stmt_bind_text (stmt, 7, nom->unit_name);
      td_stmt_bind_text (stmt, 8, nom->person_position);
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }

  shown = g_strdup_printf ("%u", (guint) n);
  stmt = td_database_prepare (db, "UPDATE decision SET number = ?, signed_on = ?, status = 'issued', issued_at = ?"
                                  " WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, shown);
  td_stmt_bind_text (stmt, 2, signed_on);
  td_stmt_bind_text (stmt, 3, stamp);
  td_stmt_bind_int64 (stmt, 4, decision_id);
  if (!td_database_step_done (db, stmt, error) ||
      !td_audit_record (db, "decision", decision_id, d->issuer_code, "issued", NULL, shown, NULL, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}

gboolean
td_decision_withdraw (TdDatabase  *db,
                      gint64       decision_id,
                      const char  *reason,
                      GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdDecision) d = td_decision_load (db, decision_id, error);
  g_autofree char *clean = g_strstrip (g_strdup (reason ? reason : ""));
  g_autofree char *now = td_database_now ();
  static const char * const steps[] = {
    "UPDATE award_entry SET cancelled = 1 WHERE decision_id = ?1",
    /* The nominations' history says why they left the decision. */
    "INSERT INTO nomination_step (nomination_id, step, action, actor, at, reason)"
    " SELECT id, 'decision', 'undo', ?3, ?4, ?2 FROM nomination WHERE decision_id = ?1",
    "UPDATE nomination SET status = 'approved', status_reason = NULL, decision_id = NULL,"
    " steps_done = max(steps_done - 1, 0) WHERE decision_id = ?1",
    "UPDATE decision SET status = 'withdrawn', status_reason = ?2 WHERE id = ?1",
  };

  if (d == NULL)
    return FALSE;
  if (d->status == TD_DECISION_WITHDRAWN)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_ISSUED, _("The decision is already withdrawn."));
      return FALSE;
    }
  if (*clean == '\0')
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_REASON_NEEDED,
                   _("Write why the decision is withdrawn (for the register and the audit log)."));
      return FALSE;
    }
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      TdStmt *stmt = td_database_prepare (db, steps[i], error);

      if (stmt == NULL)
        return FALSE;
      /* Each statement takes the parameters it names; sqlite ignores the others' binding. */
      td_stmt_bind_int64 (stmt, 1, decision_id);
      if (td_stmt_bind_parameter_count (stmt) >= 2)
        td_stmt_bind_text (stmt, 2, clean);
      if (td_stmt_bind_parameter_count (stmt) >= 4)
        {
          td_stmt_bind_text (stmt, 3, td_database_get_actor (db));
          td_stmt_bind_text (stmt, 4, now);
        }
      if (!td_database_step_done (db, stmt, error))
        return FALSE;
    }
  if (!td_audit_record (db, "decision", decision_id, d->issuer_code, "status",
                        td_decision_status_to_string (d->status), "withdrawn", clean, error) ||
      !td_transaction_commit (tx, error))
    return FALSE;
  return TRUE;
}
