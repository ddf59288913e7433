/* td-decision.c: award decisions, their stored text and their template defaults.
 *
 * The whole text of a decision lives in its row: a draft is edited by the board over days, and
 * a template change later must not rewrite decisions already drafted or signed. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "td-audit.h"
#include "td-award-private.h"
#include "td-database-private.h"
#include "td-decision.h"
#include "td-format.h"

void
td_decision_free (TdDecision *d)
{
  if (d == NULL)
    return;
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

TdDecision *
td_decision_new_from_template (TdAwardLevel   level,
                               GError       **error)
{
  g_autofree char *path = g_strdup_printf ("/io/github/thidua/ThiDua/core/templates/decision-%s.json",
                                           td_award_level_to_string (level));
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *o;
  TdDecision *d;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID, _("The decision template is damaged."));
      return NULL;
    }
  o = json_node_get_object (json_parser_get_root (parser));
  d = g_new0 (TdDecision, 1);
  d->level = level;
  d->number = g_strdup ("");
  d->number_suffix = member_string (o, "number_suffix");
  d->governing_body = member_string (o, "governing_body");
  d->issuing_body = member_string (o, "issuing_body");
  d->place = member_string (o, "place");
  d->summary = member_string (o, "summary");
  d->authority = member_string (o, "authority");
  d->bases = member_strv (o, "bases");
  d->proposer = member_string (o, "proposer");
  d->articles = member_strv (o, "articles");
  d->signer_title = member_string (o, "signer_title");
  d->signer_name = member_string (o, "signer_name");
  d->recipients = member_strv (o, "recipients");
  d->list_title = member_string (o, "list_title");
  d->issuer_short = member_string (o, "issuer_short");
  return d;
}

gboolean
td_decision_is_draft (const TdDecision *d)
{
  return d->number == NULL || *g_strstrip (d->number) == '\0';
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

static void
bind_text_columns (sqlite3_stmt     *stmt,
                   const TdDecision *d,
                   char            **json /* [3], kept alive until stepped */)
{
  json[0] = strv_to_json (d->bases);
  json[1] = strv_to_json (d->articles);
  json[2] = strv_to_json (d->recipients);
  td_stmt_bind_text (stmt, 1, d->number ? g_strstrip (d->number) : "");
  td_stmt_bind_text (stmt, 2, d->number_suffix ? d->number_suffix : "");
  td_stmt_bind_text (stmt, 3, d->signed_on && *d->signed_on ? d->signed_on : NULL);
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
  g_autofree char *now = td_database_now ();
  char *json[3] = { NULL };
  sqlite3_stmt *stmt;
  gint64 id = 0;

  if (!check (d, error))
    return 0;
  if (n_nominations == 0)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_INVALID,
                   _("Choose at least one approved nomination for the decision."));
      return 0;
    }
  if (!td_database_begin (db, error))
    return 0;
  stmt = td_database_prepare (db, "INSERT INTO decision (" TEXT_COLUMNS ", round_id, level, created_at)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  bind_text_columns (stmt, d, json);
  sqlite3_bind_int64 (stmt, N_TEXT_COLUMNS + 1, d->round_id);
  td_stmt_bind_text (stmt, N_TEXT_COLUMNS + 2, td_award_level_to_string (d->level));
  td_stmt_bind_text (stmt, N_TEXT_COLUMNS + 3, now);
  if (!td_database_step_done (db, stmt, error))
    goto fail;
  id = sqlite3_last_insert_rowid (td_database_get_handle (db));

  for (guint i = 0; i < n_nominations; i++)
    if (!td_nomination_move_into_decision (db, nomination_ids[i], d->level, d->round_id, id, error))
      goto fail;

  if (!td_audit_record (db, "decision", id, NULL, "created", NULL,
                        td_decision_is_draft (d) ? "draft" : d->number, NULL, error) ||
      !td_database_commit (db, error))
    goto fail;
  for (guint i = 0; i < 3; i++)
    g_free (json[i]);
  return id;

fail:
  for (guint i = 0; i < 3; i++)
    g_free (json[i]);
  td_database_rollback (db);
  return 0;
}

gboolean
td_decision_save (TdDatabase        *db,
                  const TdDecision  *d,
                  GError           **error)
{
  g_autoptr(TdDecision) old = NULL;
  char *json[3] = { NULL };
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  if (!check (d, error))
    return FALSE;
  old = td_decision_load (db, d->id, error);
  if (old == NULL)
    return FALSE;
  if (!td_database_begin (db, error))
    return FALSE;
  stmt = td_database_prepare (db, "UPDATE decision SET (" TEXT_COLUMNS ") ="
                                  " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?", error);
  if (stmt != NULL)
    {
      bind_text_columns (stmt, d, json);
      sqlite3_bind_int64 (stmt, N_TEXT_COLUMNS + 1, d->id);
      /* Only the number is worth a row of its own in the audit log: it turns a draft into a
       * decision; other edits are recorded as one "text" change. */
      ok = td_database_step_done (db, stmt, error) &&
           (g_strcmp0 (old->number, d->number) == 0 ||
            td_audit_record (db, "decision", d->id, NULL, "number", old->number, d->number, NULL, error)) &&
           td_audit_record (db, "decision", d->id, NULL, "text", NULL, NULL, NULL, error) &&
           td_database_commit (db, error);
    }
  for (guint i = 0; i < 3; i++)
    g_free (json[i]);
  if (!ok)
    td_database_rollback (db);
  return ok;
}

static gpointer
decision_from_row (sqlite3_stmt *stmt,
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
  d->id = sqlite3_column_int64 (stmt, 16);
  d->round_id = sqlite3_column_int64 (stmt, 17);
  td_award_level_from_string ((const char *) sqlite3_column_text (stmt, 18), &d->level);
  d->bases = strv_from_json (bases);
  d->articles = strv_from_json (articles);
  d->recipients = strv_from_json (recipients);
  return d;
}

#define SELECT_DECISION "SELECT " TEXT_COLUMNS ", id, round_id, level FROM decision "

TdDecision *
td_decision_load (TdDatabase  *db,
                  gint64       decision_id,
                  GError     **error)
{
  sqlite3_stmt *stmt = td_database_prepare (db, SELECT_DECISION "WHERE id = ?", error);
  g_autofree char *not_found = g_strdup_printf (_("There is no decision %d."), (int) decision_id);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, decision_id);
  return td_database_collect_one (db, stmt, decision_from_row, (GDestroyNotify) td_decision_free, not_found, error);
}

GPtrArray *
td_decision_list (TdDatabase  *db,
                  gint64       round_id,
                  GError     **error)
{
  sqlite3_stmt *stmt = td_database_prepare (db, SELECT_DECISION "WHERE (?1 = 0 OR round_id = ?1) ORDER BY id DESC",
                                            error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, round_id);
  return td_database_collect (db, stmt, decision_from_row, NULL, (GDestroyNotify) td_decision_free, error);
}

GPtrArray *
td_decision_list_awardees (TdDatabase  *db,
                           gint64       decision_id,
                           GError     **error)
{
  return td_nomination_list_for_decision (db, decision_id, error);
}
