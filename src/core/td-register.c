/* td-register.c: the unit register.
 *
 * The units a province really has come from its own register (imported, or typed one by one),
 * not from the sample.  Every change is checked here, whoever asks (the command line, the
 * import of a spreadsheet, a dialog), and goes into the audit log with the unit's code. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "td-audit.h"
#include "td-catalog.h"
#include "td-database-private.h"
#include "td-format.h"
#include "td-register.h"

TdUnitRecord *
td_unit_record_new (void)
{
  TdUnitRecord *r = g_new0 (TdUnitRecord, 1);

  r->kind = TD_UNIT_KIND_COMMUNE;
  r->contact = g_strdup ("");
  r->phone = g_strdup ("");
  r->email = g_strdup ("");
  r->active = TRUE;
  return r;
}

TdUnitRecord *
td_unit_record_copy (const TdUnitRecord *record)
{
  TdUnitRecord *r = g_new0 (TdUnitRecord, 1);

  *r = *record;
  r->code = g_strdup (record->code);
  r->name = g_strdup (record->name);
  r->parent_code = g_strdup (record->parent_code);
  r->proposer_code = g_strdup (record->proposer_code);
  r->contact = g_strdup (record->contact ? record->contact : "");
  r->phone = g_strdup (record->phone ? record->phone : "");
  r->email = g_strdup (record->email ? record->email : "");
  return r;
}

void
td_unit_record_free (TdUnitRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->code);
  g_free (record->name);
  g_free (record->parent_code);
  g_free (record->proposer_code);
  g_free (record->contact);
  g_free (record->phone);
  g_free (record->email);
  g_free (record);
}

gboolean
td_unit_record_equal (const TdUnitRecord *a,
                      const TdUnitRecord *b)
{
  return g_strcmp0 (a->code, b->code) == 0 && g_strcmp0 (a->name, b->name) == 0 && a->kind == b->kind &&
         g_strcmp0 (a->parent_code, b->parent_code) == 0 && g_strcmp0 (a->proposer_code, b->proposer_code) == 0 &&
         g_strcmp0 (a->contact, b->contact) == 0 && g_strcmp0 (a->phone, b->phone) == 0 &&
         g_strcmp0 (a->email, b->email) == 0 && !a->active == !b->active;
}

#define RECORD_COLUMNS \
  "SELECT u.code, u.name, u.kind, p.code, q.code, u.contact, u.phone, u.email, u.active" \
  " FROM unit u LEFT JOIN unit p ON p.id = u.parent_id LEFT JOIN unit q ON q.id = u.proposer_id "

static gpointer
record_from_row (TdStmt       *stmt,
                 gpointer      user_data)
{
  TdUnitRecord *r = g_new0 (TdUnitRecord, 1);

  r->code = td_stmt_dup_text (stmt, 0);
  r->name = td_stmt_dup_text (stmt, 1);
  r->kind = TD_UNIT_KIND_ORGANISATION;
  td_unit_kind_from_string ((const char *) td_stmt_column_text (stmt, 2), &r->kind);
  r->parent_code = td_stmt_dup_text (stmt, 3);
  r->proposer_code = td_stmt_dup_text (stmt, 4);
  r->contact = td_stmt_dup_text (stmt, 5);
  r->phone = td_stmt_dup_text (stmt, 6);
  r->email = td_stmt_dup_text (stmt, 7);
  r->active = td_stmt_column_int (stmt, 8) != 0;
  return r;
}

GPtrArray *
td_register_list (TdDatabase  *db,
                  GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, RECORD_COLUMNS "ORDER BY u.code", error);

  return stmt ? td_database_collect (db, stmt, record_from_row, NULL, (GDestroyNotify) td_unit_record_free, error) : NULL;
}

TdUnitRecord *
td_register_get (TdDatabase  *db,
                 const char  *code,
                 GError     **error)
{
  TdStmt *stmt = td_database_prepare (db, RECORD_COLUMNS "WHERE u.code = ?", error);
  g_autofree char *message = g_strdup_printf (_("There is no unit with the code “%s”."), code);

  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, code);
  return td_database_collect_one (db, stmt, record_from_row, (GDestroyNotify) td_unit_record_free, message, error);
}

char *
td_register_fold (const char *text)
{
  g_autofree char *nfd = g_utf8_normalize (text ? text : "", -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);
  gboolean space = TRUE;

  for (const char *c = nfd; c && *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (g_unichar_ismark (u))
        continue;
      if (u == 0x0111 || u == 0x0110)
        u = 'd';
      if (g_unichar_isspace (u) || u == '-' || u == 0x2013 || u == 0x2014 || u == '_' || u == '/' || u == ',')
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_unichar (out, g_unichar_tolower (u));
      space = FALSE;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

gboolean
td_register_parse_kind (const char *text,
                        TdUnitKind *kind)
{
  /* Folded words of real registers, longest first where one contains another. */
  static const struct { const char *word; TdUnitKind kind; } words[] = {
    { "to cong nghe so cong dong thon", TD_UNIT_KIND_TEAM_VILLAGE },
    { "to cong nghe so cong dong", TD_UNIT_KIND_TEAM_COMMUNE },
    { "to cnscd", TD_UNIT_KIND_TEAM_COMMUNE },
    { "to cns", TD_UNIT_KIND_TEAM_COMMUNE },
    { "ubnd tinh", TD_UNIT_KIND_PROVINCE },
    { "tinh", TD_UNIT_KIND_PROVINCE },
    { "so ban nganh", TD_UNIT_KIND_DEPARTMENT },
    { "so", TD_UNIT_KIND_DEPARTMENT },
    { "ban", TD_UNIT_KIND_DEPARTMENT },
    { "nganh", TD_UNIT_KIND_DEPARTMENT },
    { "co quan", TD_UNIT_KIND_DEPARTMENT },
    { "ubnd xa", TD_UNIT_KIND_COMMUNE },
    { "xa", TD_UNIT_KIND_COMMUNE },
    { "ubnd phuong", TD_UNIT_KIND_WARD },
    { "phuong", TD_UNIT_KIND_WARD },
    { "thi tran", TD_UNIT_KIND_WARD },
    { "doanh nghiep", TD_UNIT_KIND_ENTERPRISE },
    { "cong ty", TD_UNIT_KIND_ENTERPRISE },
    { "hop tac xa", TD_UNIT_KIND_ENTERPRISE },
    { "htx", TD_UNIT_KIND_ENTERPRISE },
    { "to chuc chinh tri xa hoi", TD_UNIT_KIND_ORGANISATION },
    { "to chuc", TD_UNIT_KIND_ORGANISATION },
    { "hoi", TD_UNIT_KIND_ORGANISATION },
    { "doan the", TD_UNIT_KIND_ORGANISATION },
    { "tap the khac", TD_UNIT_KIND_ORGANISATION },
  };
  g_autofree char *folded = td_register_fold (text);

  if (td_unit_kind_from_string (folded, kind))
    return TRUE;
  {
    /* The app's codes with their dashes ("team-commune"), folded to spaces above. */
    g_autofree char *dashed = g_strdelimit (g_strdup (folded), " ", '-');
    if (td_unit_kind_from_string (dashed, kind))
      return TRUE;
  }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].word))
      {
        *kind = words[i].kind;
        return TRUE;
      }
  /* English labels as the app prints them. */
  for (int k = 0; k < TD_N_UNIT_KINDS; k++)
    {
      g_autofree char *label = td_register_fold (td_unit_kind_get_label (k));
      if (g_str_equal (folded, label))
        {
          *kind = k;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
invalid (GError    **error,
         const char *code,
         const char *message)
{
  g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_UNIT, "%s%s%s", code ? code : "", code ? ": " : "", message);
  return FALSE;
}

/* The parent of @code among @others first, then in the database. */
static char *
parent_of (TdDatabase *db,
           GHashTable *others,
           const char *code)
{
  TdUnitRecord *pending = others ? g_hash_table_lookup (others, code) : NULL;
  g_autoptr(TdUnitRecord) stored = NULL;

  if (pending)
    return g_strdup (pending->parent_code);
  stored = td_register_get (db, code, NULL);
  return stored ? g_strdup (stored->parent_code) : NULL;
}

static gboolean
exists (TdDatabase *db,
        GHashTable *others,
        const char *code)
{
  g_autoptr(TdUnitRecord) stored = NULL;

  if (others && g_hash_table_contains (others, code))
    return TRUE;
  stored = td_register_get (db, code, NULL);
  return stored != NULL;
}

gboolean
td_register_check (TdDatabase          *db,
                   const TdUnitRecord  *r,
                   GHashTable          *others,
                   GError             **error)
{
  if (r->code == NULL || *r->code == '\0')
    return invalid (error, NULL, _("A unit needs a code (for example X-TIENDU)."));
  if (strlen (r->code) > 40)
    return invalid (error, r->code, _("the code is longer than 40 characters."));
  for (const char *c = r->code; *c; c++)
    if (!g_ascii_isalnum (*c) && *c != '-' && *c != '_' && *c != '.')
      return invalid (error, r->code, _("a code has only letters without accents, digits, dashes and dots."));
  if (r->name == NULL || *r->name == '\0' || !g_utf8_validate (r->name, -1, NULL) || g_utf8_strlen (r->name, -1) > 200)
    return invalid (error, r->code, _("write the unit's name (at most 200 characters)."));
  /* The name goes onto decisions and certificates: a line break, a terminal escape or a
   * right-to-left override would print as something else than what the register shows. */
  if (td_text_has_hidden (r->name) || (r->contact && g_utf8_validate (r->contact, -1, NULL) && td_text_has_hidden (r->contact)))
    return invalid (error, r->code, _("the name or contact holds a line break, a control character or an invisible "
                                      "direction mark; type it again as plain text."));
  if (r->parent_code && !exists (db, others, r->parent_code))
    {
      g_autofree char *m = g_strdup_printf (_("the unit above it (“%s”) is not in the register; add it first or fix the code."),
                                            r->parent_code);
      return invalid (error, r->code, m);
    }
  if (r->proposer_code && !exists (db, others, r->proposer_code))
    {
      g_autofree char *m = g_strdup_printf (_("the unit that proposes its awards (“%s”) is not in the register."),
                                            r->proposer_code);
      return invalid (error, r->code, m);
    }
  /* Up the chain of parents: never back to this unit, never forever. */
  {
    g_autofree char *up = g_strdup (r->parent_code);
    for (int depth = 0; up != NULL; depth++)
      {
        char *next;

        if (g_str_equal (up, r->code))
          return invalid (error, r->code, _("the units above it lead back to the unit itself (a cycle); correct the parent codes."));
        /* A province has a handful of levels; a chain this long is a mistake or an attack, and
         * is said as what it is, not as a cycle. */
        if (depth > 64)
          return invalid (error, r->code, _("more than 64 units are above it, one over the other: a province's register "
                                            "has a few levels (province, department or commune, team); correct the "
                                            "parent codes."));
        next = parent_of (db, others, up);
        g_free (up);
        up = next;
      }
  }
  if (r->email && *r->email && (strchr (r->email, '@') == NULL || strchr (r->email, ' ') || strlen (r->email) > 200))
    return invalid (error, r->code, _("the e-mail address does not look like one (name@domain)."));
  if (r->phone && *r->phone)
    {
      guint digits = 0;
      for (const char *c = r->phone; *c; c++)
        {
          if (g_ascii_isdigit (*c))
            digits++;
          else if (!strchr (" .+-()", *c))
            return invalid (error, r->code, _("a phone number has digits, spaces, dots, dashes, brackets and +."));
        }
      if (digits < 6 || digits > 15)
        return invalid (error, r->code, _("a phone number has between 6 and 15 digits."));
    }
  return TRUE;
}

static gint64
id_of (TdDatabase *db,
       const char *code)
{
  g_autoptr(TdUnit) unit = code ? td_catalog_find_unit (db, code, NULL) : NULL;

  return unit ? td_unit_get_id (unit) : 0;
}

static void
bind_id (TdStmt       *stmt,
         int           col,
         gint64        id)
{
  if (id)
    td_stmt_bind_int64 (stmt, col, id);
  else
    td_stmt_bind_null (stmt, col);
}

gboolean
td_register_save (TdDatabase          *db,
                  const TdUnitRecord  *record,
                  gboolean             create,
                  GError             **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(TdUnitRecord) before = NULL;
  g_autoptr(TdUnitRecord) r = td_unit_record_copy (record);
  g_autofree char *name = NULL;
  TdStmt *stmt;
  gint64 id;

  /* Names as typed or as a spreadsheet stored them (NFD), kept composed. */
  if (r->name == NULL)
    r->name = g_strdup ("");
  name = g_utf8_normalize (g_strstrip (r->name), -1, G_NORMALIZE_NFC);
  g_free (r->name);
  r->name = g_steal_pointer (&name);
  g_strstrip (r->contact);
  g_strstrip (r->phone);
  g_strstrip (r->email);
  if (!td_register_check (db, r, NULL, error))
    return FALSE;
  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  before = td_register_get (db, r->code, NULL);
  if (create && before != NULL)
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_INVALID_UNIT, _("A unit with the code “%s” already exists."),
                   r->code);
      return FALSE;
    }
  if (!create && before == NULL)
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_UNKNOWN_UNIT, _("There is no unit with the code “%s”."), r->code);
      return FALSE;
    }
  if (before && td_unit_record_equal (before, r))
    return td_transaction_commit (tx, error);

  stmt = td_database_prepare (db, before
                              ? "UPDATE unit SET name = ?1, kind = ?2, parent_id = ?3, proposer_id = ?4, contact = ?5,"
                                " phone = ?6, email = ?7, active = ?8 WHERE code = ?9"
                              : "INSERT INTO unit (name, kind, parent_id, proposer_id, contact, phone, email, active, code)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, r->name);
  td_stmt_bind_text (stmt, 2, td_unit_kind_to_string (r->kind));
  bind_id (stmt, 3, id_of (db, r->parent_code));
  bind_id (stmt, 4, id_of (db, r->proposer_code));
  td_stmt_bind_text (stmt, 5, r->contact);
  td_stmt_bind_text (stmt, 6, r->phone);
  td_stmt_bind_text (stmt, 7, r->email);
  td_stmt_bind_int (stmt, 8, r->active);
  td_stmt_bind_text (stmt, 9, r->code);
  if (!td_database_step_done (db, stmt, error))
    return FALSE;
  id = id_of (db, r->code);
  if (before == NULL)
    {
      if (!td_audit_record (db, "unit", id, r->code, "created", NULL, r->name, NULL, error))
        return FALSE;
    }
  else
    {
      /* One audit row per field that changed, with both values. */
      const struct { const char *field; const char *old_value, *new_value; } fields[] = {
        { "name", before->name, r->name },
        { "kind", td_unit_kind_to_string (before->kind), td_unit_kind_to_string (r->kind) },
        { "parent", before->parent_code, r->parent_code },
        { "proposer", before->proposer_code, r->proposer_code },
        { "contact", before->contact, r->contact },
        { "phone", before->phone, r->phone },
        { "email", before->email, r->email },
        { "active", before->active ? "1" : "0", r->active ? "1" : "0" },
      };
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        if (g_strcmp0 (fields[i].old_value, fields[i].new_value) != 0 &&
            !td_audit_record (db, "unit", id, r->code, fields[i].field, fields[i].old_value, fields[i].new_value, NULL, error))
          return FALSE;
    }
  return td_transaction_commit (tx, error);
}

/* A unit can be saved once the units it names are in the register. */
static gboolean
placeable (TdDatabase         *db,
           const TdUnitRecord *r)
{
  g_autoptr(TdUnitRecord) parent = r->parent_code ? td_register_get (db, r->parent_code, NULL) : NULL;
  g_autoptr(TdUnitRecord) proposer = r->proposer_code ? td_register_get (db, r->proposer_code, NULL) : NULL;

  return (r->parent_code == NULL || parent != NULL) && (r->proposer_code == NULL || proposer != NULL);
}

gboolean
td_register_save_all (TdDatabase  *db,
                      GPtrArray   *records,
                      GError     **error)
{
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TdTransaction) tx = NULL;
  gboolean progress = TRUE;

  tx = td_transaction_begin (db, error);
  if (tx == NULL)
    return FALSE;
  /* Parents and proposers before the units that name them, whatever the order given: rounds
   * until none is left. */
  while (progress && g_hash_table_size (done) < records->len)
    {
      progress = FALSE;
      for (guint i = 0; i < records->len; i++)
        {
          TdUnitRecord *r = records->pdata[i];
          g_autoptr(TdUnitRecord) stored = NULL;

          if (g_hash_table_contains (done, r->code) || !placeable (db, r))
            continue;
          stored = td_register_get (db, r->code, NULL);
          if (!td_register_save (db, r, stored == NULL, error))
            return FALSE;
          g_hash_table_add (done, r->code);
          progress = TRUE;
        }
    }
  if (g_hash_table_size (done) < records->len)
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_UNKNOWN_UNIT,
                   _("Some units' parents could not be placed; nothing was changed."));
      return FALSE;
    }
  return td_transaction_commit (tx, error);
}

gboolean
td_register_set_active (TdDatabase  *db,
                        const char  *code,
                        gboolean     active,
                        GError     **error)
{
  g_autoptr(TdUnitRecord) r = td_register_get (db, code, error);

  if (r == NULL)
    return FALSE;
  r->active = active;
  return td_register_save (db, r, FALSE, error);
}
