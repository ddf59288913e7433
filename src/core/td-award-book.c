/* td-award-book.c: the award register, read back for the Register view, the command line and
 * the certificates. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-award-book.h"
#include "td-award.h"
#include "td-database-private.h"
#include "td-format.h"

void
td_award_entry_free (TdAwardEntry *e)
{
  if (e == NULL)
    return;
  g_free (e->issuer_code);
  g_free (e->issuer_name);
  g_free (e->decision_number);
  g_free (e->signed_on);
  g_free (e->name);
  g_free (e->position);
  g_free (e->unit_name);
  g_free (e->unit_code);
  g_free (e->achievement);
  g_free (e);
}

char *
td_award_entry_format_number (const TdAwardEntry *e)
{
  return g_strdup_printf ("%03u/%d", e->number, e->year);
}

static gpointer
entry_from_row (TdStmt       *stmt,
                gpointer      user_data)
{
  TdAwardEntry *e = g_new0 (TdAwardEntry, 1);
  g_autofree char *number = NULL;
  g_autofree char *suffix = NULL;
  guint64 n;
  TdNomination nom = { 0 };

  e->id = td_stmt_column_int64 (stmt, 0);
  e->issuer_code = td_stmt_dup_text (stmt, 1);
  e->year = td_stmt_column_int (stmt, 2);
  e->number = (guint) td_stmt_column_int (stmt, 3);
  e->decision_id = td_stmt_column_int64 (stmt, 4);
  e->nomination_id = td_stmt_column_int64 (stmt, 5);
  e->cancelled = td_stmt_column_int (stmt, 6) != 0;
  number = td_stmt_dup_text (stmt, 7);
  suffix = td_stmt_dup_text (stmt, 8);
  /* Decree 30/2020: numbers below 10 take a leading zero, as td_decision_format_number(). */
  e->decision_number = g_ascii_string_to_unsigned (number, 10, 0, 9, &n, NULL)
                         ? g_strdup_printf ("%02u/%s", (guint) n, suffix)
                         : g_strdup_printf ("%s/%s", number, suffix);
  e->signed_on = td_stmt_dup_text (stmt, 9);
  td_award_level_from_string ((const char *) td_stmt_column_text (stmt, 10), &e->level);
  e->individual = g_strcmp0 ((const char *) td_stmt_column_text (stmt, 11), "individual") == 0;
  /* As named on the day of issue (older entries: as the register names them now). */
  e->unit_name = td_stmt_column_type (stmt, 21) != TD_VALUE_NULL ? td_stmt_dup_text (stmt, 21) : td_stmt_dup_text (stmt, 13);
  if (td_stmt_column_type (stmt, 20) != TD_VALUE_NULL)
    e->name = td_stmt_dup_text (stmt, 20);
  else if (e->individual)
    e->name = td_stmt_dup_text (stmt, 12);
  else
    {
      TdUnitKind kind = TD_UNIT_KIND_COMMUNE;

      td_unit_kind_from_string ((const char *) td_stmt_column_text (stmt, 18), &kind);
      e->name = td_nomination_identify_collective (e->unit_name, kind, (const char *) td_stmt_column_text (stmt, 19));
    }
  e->unit_code = td_stmt_dup_text (stmt, 15);
  e->achievement = td_stmt_dup_text (stmt, 16);
  e->issuer_name = td_stmt_column_type (stmt, 17) == TD_VALUE_NULL ? g_strdup ("UBND tỉnh")
                                                                 : td_stmt_dup_text (stmt, 17);
  nom.individual = e->individual;
  nom.unit_name = e->unit_name;
  nom.person_position = (char *) td_stmt_column_text (stmt, td_stmt_column_type (stmt, 20) != TD_VALUE_NULL ? 22 : 14);
  e->position = e->individual ? td_nomination_format_position (&nom) : g_strdup ("");
  return e;
}

GPtrArray *
td_award_book_list (TdDatabase          *db,
                    const TdAwardQuery  *q,
                    GError             **error)
{
  TdStmt *stmt = td_database_prepare (db,
      "SELECT a.id, a.issuer, a.year, a.number, a.decision_id, a.nomination_id, a.cancelled,"
      "       d.number, d.number_suffix, d.signed_on, n.level, n.subject, n.person_name, u.name,"
      "       n.person_position, u.code, n.achievement, iu.name, u.kind, pu.name,"
      "       a.awardee_name, a.awardee_unit, a.awardee_position"
      " FROM award_entry a JOIN decision d ON d.id = a.decision_id JOIN nomination n ON n.id = a.nomination_id"
      " JOIN unit u ON u.id = n.unit_id LEFT JOIN unit iu ON iu.code = NULLIF(a.issuer, '')"
      " LEFT JOIN unit pu ON pu.id = u.parent_id"
      " WHERE (?1 IS NULL OR a.issuer = ?1) AND (?2 = 0 OR a.year = ?2) AND (?3 = 0 OR a.decision_id = ?3)"
      " ORDER BY a.issuer, a.year, a.number", error);
  g_autoptr(GPtrArray) all = NULL;

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, q ? q->issuer : NULL);
  td_stmt_bind_int (stmt, 2, q ? q->year : 0);
  td_stmt_bind_int64 (stmt, 3, q ? q->decision_id : 0);
  all = td_database_collect (db, stmt, entry_from_row, NULL, (GDestroyNotify) td_award_entry_free, error);
  if (all == NULL || q == NULL || q->text == NULL || *q->text == '\0')
    return g_steal_pointer (&all);
  for (guint i = all->len; i > 0; i--)
    if (!td_award_entry_matches (all->pdata[i - 1], q->text))
      g_ptr_array_remove_index (all, i - 1);
  return g_steal_pointer (&all);
}

gboolean
td_award_entry_matches (const TdAwardEntry *e,
                        const char         *text)
{
  g_autofree char *number = td_award_entry_format_number (e);
  g_autofree char *year = g_strdup_printf ("%d", e->year);
  const char *fields[] = {
    e->name, e->position, e->unit_name, e->unit_code, e->issuer_name, e->decision_number, number, year,
    td_award_level_get_label (e->level), e->level == TD_AWARD_BANG_KHEN ? "Bằng khen" : "Giấy khen",
  };
  g_auto(GStrv) words = g_str_tokenize_and_fold (text, NULL, NULL);

  /* Every word of the search somewhere: "nguyen tien du" finds Nguyễn … of Xã Tiên Du. */
  for (guint w = 0; words[w] != NULL; w++)
    {
      gboolean found = FALSE;

      for (guint f = 0; f < G_N_ELEMENTS (fields) && !found; f++)
        found = fields[f] != NULL && g_str_match_string (words[w], fields[f], TRUE);
      if (!found)
        return FALSE;
    }
  return TRUE;
}

const char * const *
td_award_book_header (void)
{
  /* The sheet is Vietnamese whatever the interface language: it goes into the board's book. */
  static const char * const header[] = {
    "Số sổ", "Họ và tên / Tập thể", "Chức vụ, đơn vị", "Hình thức", "Cấp quyết định", "Số quyết định",
    "Ngày ký", "Thành tích", "Tình trạng", NULL
  };
  return header;
}

GPtrArray *
td_award_book_rows (GPtrArray *entries)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < entries->len; i++)
    {
      const TdAwardEntry *e = entries->pdata[i];
      g_autofree char *date = NULL;
      char **row = g_new0 (char *, 10);

      if (e->signed_on && strlen (e->signed_on) == 10)
        date = g_strdup_printf ("%.2s/%.2s/%.4s", e->signed_on + 8, e->signed_on + 5, e->signed_on);
      row[0] = td_award_entry_format_number (e);
      row[1] = g_strdup (e->name);
      row[2] = g_strdup (e->individual ? e->position : e->unit_name);
      row[3] = g_strdup (e->level == TD_AWARD_BANG_KHEN ? "Bằng khen" : "Giấy khen");
      row[4] = g_strdup (e->issuer_name);
      row[5] = g_strdup (e->decision_number);
      row[6] = g_strdup (date ? date : "");
      row[7] = g_strdup (e->achievement ? e->achievement : "");
      row[8] = g_strdup (e->cancelled ? "Đã hủy (quyết định thu hồi)" : "Có hiệu lực");
      g_ptr_array_add (rows, row);
    }
  return rows;
}

GHashTable *
td_award_book_numbers_for_decision (TdDatabase  *db,
                                    gint64       decision_id,
                                    GError     **error)
{
  TdAwardQuery q = { .decision_id = decision_id };
  g_autoptr(GPtrArray) entries = td_award_book_list (db, &q, error);
  GHashTable *out;

  if (entries == NULL)
    return NULL;
  out = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < entries->len; i++)
    {
      TdAwardEntry *e = entries->pdata[i];

      if (!e->cancelled)
        g_hash_table_insert (out, g_memdup2 (&e->nomination_id, sizeof e->nomination_id),
                             td_award_entry_format_number (e));
    }
  return out;
}

gboolean
td_award_book_record_print (TdDatabase  *db,
                            gint64       decision_id,
                            const char  *template_name,
                            guint        sheets,
                            gboolean     reprint,
                            GError     **error)
{
  g_autofree char *now = td_database_now ();
  TdStmt *stmt;

  if (sheets == 0)
    return TRUE;
  stmt = td_database_prepare (db, "INSERT INTO certificate_print (decision_id, at, template, sheets, reprint, actor)"
                                  " VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, decision_id);
  td_stmt_bind_text (stmt, 2, now);
  td_stmt_bind_text (stmt, 3, template_name);
  td_stmt_bind_int (stmt, 4, (int) sheets);
  td_stmt_bind_int (stmt, 5, reprint);
  td_stmt_bind_text (stmt, 6, td_database_get_actor (db));
  return td_database_step_done (db, stmt, error);
}

gboolean
td_award_book_check_blanks (TdDatabase  *db,
                            gint64       decision_id,
                            gboolean     withdrawn,
                            guint        awardees,
                            guint        sheets,
                            gboolean     reprint,
                            GError     **error)
{
  g_autoptr(GString) before = g_string_new (NULL);
  TdStmt *stmt;
  guint printed = 0;
  int rc;

  if (withdrawn)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_ISSUED,
                   _("The decision is withdrawn: no certificate of it goes onto the board's blanks."));
      return FALSE;
    }
  if (reprint)
    return TRUE;
  stmt = td_database_prepare (db, "SELECT at, sheets, actor FROM certificate_print WHERE decision_id = ? AND reprint = 0"
                                  " ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, decision_id);
  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    {
      g_autofree char *when = td_format_timestamp ((const char *) td_stmt_column_text (stmt, 0));
      guint n = (guint) td_stmt_column_int (stmt, 1);

      printed += n;
      g_string_append_printf (before, "%s%s: ", before->len ? "; " : "", when);
      g_string_append_printf (before, g_dngettext (GETTEXT_PACKAGE, "%u sheet", "%u sheets", n), n);
      g_string_append_printf (before, " (%s)", (const char *) td_stmt_column_text (stmt, 2));
    }
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (db, rc, error);
      return FALSE;
    }
  if (printed + sheets > awardees)
    {
      g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_ISSUED,
                   _("The certificates of this decision were printed on blanks before (%s). Print only the spoiled "
                     "sheets again, as a reprint (“Reprint spoiled sheets”, or --reprint with --only)."), before->str);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_award_book_count_prints (TdDatabase  *db,
                            gint64       decision_id,
                            guint       *sheets,
                            guint       *reprinted,
                            GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, "SELECT COALESCE(SUM(sheets), 0), COALESCE(SUM(sheets * reprint), 0)"
                                          " FROM certificate_print WHERE decision_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_int64 (stmt, 1, decision_id);
  if (td_stmt_step (stmt) != TD_ROW)
    {
      td_database_set_error (db, td_conn_errcode (td_database_get_handle (db)), error);
      td_stmt_reset (stmt);
      return FALSE;
    }
  *sheets = (guint) td_stmt_column_int (stmt, 0);
  *reprinted = (guint) td_stmt_column_int (stmt, 1);
  td_stmt_reset (stmt);
  return TRUE;
}
