/* td-setup.c: the setup file, written by the board and opened at a unit.
 *
 * An SQLite file like a package, read under the same rules: opened read-only and immutable,
 * its schema exactly ours, PRAGMA integrity_check, each table read once by a full scan into
 * memory with its digest computed over those very rows and compared with the manifest's, a
 * time budget on every statement.  Only then is anything written, in one transaction. */
#include "config.h"

#include <json-glib/json-glib.h>

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "td-catalog.h"
#include "td-package-private.h"
#include "td-register.h"
#include "td-setup.h"
#include "td-signature-private.h"
#include "td-signature.h"

static const char setup_schema[] =
  "CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE campaign (id INTEGER PRIMARY KEY, json TEXT NOT NULL);"
  "CREATE TABLE unit (code TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL, parent_code TEXT,"
  " proposer_code TEXT, contact TEXT NOT NULL, phone TEXT NOT NULL, email TEXT NOT NULL, active INTEGER NOT NULL)"
  " WITHOUT ROWID;"
  "CREATE TABLE trust_anchor (fingerprint TEXT PRIMARY KEY, subject TEXT NOT NULL, der BLOB NOT NULL) WITHOUT ROWID;";

static const char * const setup_tables[] = { "campaign", "unit", "trust_anchor", NULL };

void
td_setup_result_free (TdSetupResult *result)
{
  if (result == NULL)
    return;
  g_free (result->unit_code);
  g_free (result->unit_name);
  g_free (result->signer);
  g_free (result->signer_key);
  g_free (result->previous_signer);
  g_clear_pointer (&result->changes, g_ptr_array_unref);
  g_free (result);
}

static gboolean
not_setup (GError **error)
{
  g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
               _("The file is not a Thi đua setup file, or it was changed after the board wrote it. Ask the board for it again."));
  return FALSE;
}

/* Export */

/* The unit, the units above it, its proposer and theirs: what a unit's installation needs
 * (with the units under it, added by write_setup()). A work list, not recursion: a register
 * whose units each name the next as parent and proposer is a chain thousands long, and every
 * unit is visited once. */
static void
collect_needed (GHashTable *by_code,
                GHashTable *needed,
                const char *code)
{
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();

  g_ptr_array_add (todo, (gpointer) code);
  while (todo->len > 0)
    {
      const char *next = g_ptr_array_steal_index_fast (todo, todo->len - 1);
      TdUnitRecord *r = next ? g_hash_table_lookup (by_code, next) : NULL;

      if (r == NULL || g_hash_table_contains (needed, r->code))
        continue;
      g_hash_table_add (needed, r->code);
      g_ptr_array_add (todo, r->parent_code);
      g_ptr_array_add (todo, r->proposer_code);
    }
}

/* Every unit under @code, by parent or by proposer, @code included, each once: a walk down the
 * board's index of who names whom (the former test of every unit against @code followed both
 * links at every level, 2^depth paths on a hostile register). */
static GHashTable *
units_under (GHashTable *below,
             const char *code)
{
  GHashTable *under = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) todo = g_ptr_array_new ();

  g_ptr_array_add (todo, (gpointer) code);
  while (todo->len > 0)
    {
      const char *next = g_ptr_array_steal_index_fast (todo, todo->len - 1);
      GPtrArray *children;

      if (g_hash_table_contains (under, next))
        continue;
      g_hash_table_add (under, (gpointer) next);
      children = g_hash_table_lookup (below, next);
      for (guint i = 0; children && i < children->len; i++)
        g_ptr_array_add (todo, ((TdUnitRecord *) children->pdata[i])->code);
    }
  return under;
}

gboolean
td_setup_export (TdDatabase  *db,
                 const char  *unit_code,
                 const char  *path,
                 GError     **error)
{
  return td_setup_export_signed (db, unit_code, path, NULL, NULL, error);
}

/* What every setup file of one export is made from, read once. */
typedef struct {
  GPtrArray  *records;      /* TdUnitRecord, the whole register */
  GHashTable *by_code;      /* code → TdUnitRecord */
  GHashTable *below;        /* code → GPtrArray of the TdUnitRecords naming it parent or proposer */
  char       *campaign;     /* its description (JSON) */
  char       *campaign_id;
  GPtrArray  *anchors;      /* DER of the trust anchors */
  gboolean    allow_unsigned;
  char       *version;
} Board;

static void
board_free (Board *b)
{
  g_clear_pointer (&b->records, g_ptr_array_unref);
  g_clear_pointer (&b->by_code, g_hash_table_unref);
  g_clear_pointer (&b->below, g_hash_table_unref);
  g_free (b->campaign);
  g_free (b->campaign_id);
  g_clear_pointer (&b->anchors, g_ptr_array_unref);
  g_free (b->version);
  g_free (b);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Board, board_free)

static gboolean write_setup (Board *board, const char *unit_code, const char *path, TdSigner *signer,
                             TdSigner *previous, GError **error);

/* The board's side of an export, with the next setup version: every file of it carries it. */
static Board *
read_board (TdDatabase  *db,
            GError     **error)
{
  g_autoptr(Board) b = g_new0 (Board, 1);
  g_autoptr(GBytes) campaign = NULL;
  g_autofree char *stored = td_database_get_meta (db, "setup_version");

  if (td_database_get_installation (db, NULL) != TD_INSTALLATION_BOARD)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("Only the board's database writes setup files; this is a unit's installation."));
      return NULL;
    }
  if ((b->records = td_register_list (db, error)) == NULL || (campaign = td_catalog_get_campaign_json (db, error)) == NULL ||
      (b->anchors = td_trust_store_list (db, 0, error)) == NULL)
    return NULL;
  b->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  b->below = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < b->records->len; i++)
    {
      TdUnitRecord *r = b->records->pdata[i];
      const char *above[] = { r->parent_code, r->proposer_code };

      g_hash_table_insert (b->by_code, r->code, r);
      for (guint k = 0; k < G_N_ELEMENTS (above); k++)
        {
          GPtrArray *children;

          if (above[k] == NULL || (k == 1 && g_strcmp0 (above[0], above[1]) == 0))
            continue;
          if ((children = g_hash_table_lookup (b->below, above[k])) == NULL)
            g_hash_table_insert (b->below, (gpointer) above[k], children = g_ptr_array_new ());
          g_ptr_array_add (children, r);
        }
    }
  b->campaign = g_strndup (g_bytes_get_data (campaign, NULL), g_bytes_get_size (campaign));
  b->campaign_id = td_catalog_get_campaign_id (db);
  b->allow_unsigned = td_trust_get_allow_unsigned (db);
  b->version = g_strdup_printf ("%d", (stored ? atoi (stored) : 0) + 1);
  return g_steal_pointer (&b);
}

gboolean
td_setup_export_signed (TdDatabase  *db,
                        const char  *unit_code,
                        const char  *path,
                        TdSigner    *signer,
                        TdSigner    *previous,
                        GError     **error)
{
  g_autoptr(Board) board = read_board (db, error);

  return board != NULL && write_setup (board, unit_code, path, signer, previous, error) &&
         td_database_set_meta (db, "setup_version", board->version, error);
}

/* "X-TIENDU-xa-tien-du.thidua-setup": the code, then the name as a clerk reads it, without
 * diacritics or spaces so that any mail system and USB stick keeps it. */
static char *
setup_file_name (const char *code,
                 const char *unit_name)
{
  g_autofree char *folded = td_register_fold (unit_name);
  GString *slug = g_string_new (NULL);

  for (const char *c = folded; *c != '\0'; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (slug, *c);
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  /* A long name stays readable in a file list; the code alone tells the file apart. */
  if (slug->len > 60)
    g_string_truncate (slug, 60);
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  {
    g_autofree char *tail = g_string_free (slug, FALSE);

    return *tail != '\0' ? g_strdup_printf ("%s-%s.thidua-setup", code, tail)
                          : g_strdup_printf ("%s.thidua-setup", code);
  }
}

char *
td_setup_file_name (TdDatabase *db,
                    const char *unit_code)
{
  g_autoptr(TdUnitRecord) record = td_register_get (db, unit_code, NULL);

  return setup_file_name (unit_code, record ? record->name : NULL);
}

GPtrArray *
td_setup_export_folder (TdDatabase  *db,
                        const char  *folder,
                        TdSigner    *signer,
                        TdSigner    *previous,
                        GError     **error)
{
  g_autoptr(Board) board = read_board (db, error);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (board == NULL)
    return NULL;
  for (guint i = 0; i < board->records->len; i++)
    {
      TdUnitRecord *r = board->records->pdata[i];
      g_autofree char *name = setup_file_name (r->code, r->name);
      char *path;

      if (!r->active)
        continue;
      path = g_build_filename (folder, name, NULL);
      g_ptr_array_add (paths, path);
      if (!write_setup (board, r->code, path, signer, previous, error))
        return NULL;
    }
  if (!td_database_set_meta (db, "setup_version", board->version, error))
    return NULL;
  return g_steal_pointer (&paths);
}

static gboolean
write_setup (Board       *board,
             const char  *unit_code,
             const char  *path,
             TdSigner    *signer,
             TdSigner    *previous,
             GError     **error)
{
  g_autoptr(GHashTable) needed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *tmp = g_strconcat (path, ".part", NULL);
  g_autofree char *now = td_database_now ();
  /* A rollover's second signature is new to readers before it: they say to update. */
  g_autofree char *format = g_strdup_printf ("%d", previous ? TD_SETUP_FORMAT : 1);
  TdConn *out = NULL;
  g_autofree char *why = NULL;
  gboolean ok = FALSE;
  int rc;

  if (unit_code != NULL && !g_hash_table_contains (board->by_code, unit_code))
    {
      g_set_error (error, TD_CATALOG_ERROR, TD_CATALOG_ERROR_UNKNOWN_UNIT, _("There is no unit with the code “%s”."), unit_code);
      return FALSE;
    }
  if (unit_code)
    {
      g_autoptr(GHashTable) under = units_under (board->below, unit_code);
      GHashTableIter iter;
      gpointer code;

      collect_needed (board->by_code, needed, unit_code);
      /* And the units under it: a commune proposes and awards its teams' Giấy khen itself. */
      g_hash_table_iter_init (&iter, under);
      while (g_hash_table_iter_next (&iter, &code, NULL))
        collect_needed (board->by_code, needed, code);
    }

  g_remove (tmp);
  out = td_conn_open (tmp, TD_CONN_NEW_FILE, NULL, &rc, &why);
  if (out == NULL)
    {
      td_package_set_error (NULL, rc, error);
      goto done;
    }
  if (td_conn_exec (out, "PRAGMA journal_mode = OFF; BEGIN;") != TD_OK || td_conn_exec (out, setup_schema) != TD_OK)
    {
      td_package_set_error (out, td_conn_errcode (out), error);
      goto done;
    }
  {
    const char *v[] = { board->campaign };
    if (!td_exchange_insert (out, "INSERT INTO campaign (id, json) VALUES (1, ?)", v, 1, error))
      goto done;
  }
  for (guint i = 0; i < board->records->len; i++)
    {
      TdUnitRecord *r = board->records->pdata[i];
      const char *v[] = { r->code, r->name, td_unit_kind_to_string (r->kind), r->parent_code, r->proposer_code,
                          r->contact, r->phone, r->email, r->active ? "1" : "0" };

      if (unit_code && !g_hash_table_contains (needed, r->code))
        continue;
      if (!td_exchange_insert (out, "INSERT INTO unit VALUES (?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS INTEGER))", v, 9, error))
        goto done;
    }
  for (guint i = 0; i < board->anchors->len; i++)
    {
      GBytes *der = board->anchors->pdata[i];
      g_autofree char *fingerprint = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, der);
      TdStmt *stmt = NULL;

      td_conn_prepare (out, "INSERT OR IGNORE INTO trust_anchor VALUES (?, '', ?)", FALSE, &stmt);
      td_stmt_bind_text (stmt, 1, fingerprint);
      td_stmt_bind_blob (stmt, 2, g_bytes_get_data (der, NULL), g_bytes_get_size (der));
      td_stmt_step (stmt);
      td_stmt_free (stmt);
    }
  {
    const char *keys[] = { "format", "kind", "campaign", "version", "created_at", "unit_code", "allow_unsigned",
                           "previous_key" };
    const char *values[] = { format, "thidua-setup", board->campaign_id, board->version, now, unit_code,
                             board->allow_unsigned ? "1" : "0",
                             previous ? td_signer_get_certificate (previous)->key_id : NULL };
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      if ((values[i] != NULL || i < G_N_ELEMENTS (keys) - 1) && !td_exchange_put_manifest (out, keys[i], values[i], error))
        goto done;
    for (guint i = 0; setup_tables[i]; i++)
      {
        g_autofree char *digest = td_package_table_digest (out, setup_tables[i], error);
        g_autofree char *key = g_strdup_printf ("sha256_%s", setup_tables[i]);
        if (digest == NULL || !td_exchange_put_manifest (out, key, digest, error))
          goto done;
      }
  }
  if (previous != NULL && signer == NULL)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNSIGNED,
                   _("A key rollover is signed with the new key and the former one: give both."));
      goto done;
    }
  if (signer != NULL && !td_exchange_sign (out, "setup", signer, previous, error))
    goto done;
  if (td_conn_exec (out, "COMMIT") != TD_OK)
    {
      td_package_set_error (out, td_conn_errcode (out), error);
      goto done;
    }
  ok = TRUE;

done:
  td_conn_close (out);
  if (ok && g_rename (tmp, path) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), _("Could not write “%s”: %s"), path, g_strerror (errno));
      ok = FALSE;
    }
  if (!ok)
    g_remove (tmp);
  return ok;
}

/* Reading */

typedef struct {
  GHashTable *manifest;
  char       *campaign;
  GPtrArray  *units;       /* TdUnitRecord */
  GPtrArray  *anchors;     /* GBytes */
  GHashTable *digests;
  GBytes     *signature;   /* PKCS#7, or NULL for an unsigned file */
  GBytes     *previous;    /* a key rollover: the same data signed by the board's former key */
  int         version;     /* the manifest's, read strictly (1 … G_MAXINT) */
  gint64      deadline;
} Setup;

static void
setup_free (Setup *s)
{
  g_clear_pointer (&s->manifest, g_hash_table_unref);
  g_free (s->campaign);
  g_clear_pointer (&s->units, g_ptr_array_unref);
  g_clear_pointer (&s->anchors, g_ptr_array_unref);
  g_clear_pointer (&s->digests, g_hash_table_unref);
  g_clear_pointer (&s->signature, g_bytes_unref);
  g_clear_pointer (&s->previous, g_bytes_unref);
  g_free (s);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (Setup, setup_free)

static char *
text_of (TdStmt       *stmt,
         const int    *types,
         int           col)
{
  const char *t;
  int len;

  if (types[col] != TD_VALUE_TEXT)
    return NULL;
  t = (const char *) td_stmt_column_text (stmt, col);
  len = td_stmt_column_bytes (stmt, col);
  return g_utf8_validate_len (t, len, NULL) ? g_strndup (t, len) : NULL;
}

static gboolean
manifest_row (TdStmt *stmt, const int *types, gpointer data, GError **error)
{
  Setup *s = data;
  char *key = text_of (stmt, types, 0), *value = text_of (stmt, types, 1);

  if (key == NULL || value == NULL || strlen (value) > 200)
    {
      g_free (key);
      g_free (value);
      return not_setup (error);
    }
  g_hash_table_insert (s->manifest, key, value);
  return TRUE;
}

static gboolean
campaign_row (TdStmt *stmt, const int *types, gpointer data, GError **error)
{
  Setup *s = data;

  if (s->campaign != NULL || (s->campaign = text_of (stmt, types, 1)) == NULL)
    return not_setup (error);
  return TRUE;
}

static gboolean
unit_row (TdStmt *stmt, const int *types, gpointer data, GError **error)
{
  Setup *s = data;
  g_autoptr(TdUnitRecord) r = g_new0 (TdUnitRecord, 1);
  g_autofree char *kind = text_of (stmt, types, 2);

  r->code = text_of (stmt, types, 0);
  r->name = text_of (stmt, types, 1);
  r->parent_code = text_of (stmt, types, 3);
  r->proposer_code = text_of (stmt, types, 4);
  r->contact = text_of (stmt, types, 5);
  r->phone = text_of (stmt, types, 6);
  r->email = text_of (stmt, types, 7);
  r->active = types[8] == TD_VALUE_INTEGER && td_stmt_column_int (stmt, 8) != 0;
  if (r->code == NULL || r->name == NULL || kind == NULL || !td_unit_kind_from_string (kind, &r->kind) ||
      r->contact == NULL || r->phone == NULL || r->email == NULL || types[8] != TD_VALUE_INTEGER ||
      (types[3] != TD_VALUE_NULL && r->parent_code == NULL) || (types[4] != TD_VALUE_NULL && r->proposer_code == NULL))
    return not_setup (error);
  g_ptr_array_add (s->units, g_steal_pointer (&r));
  return TRUE;
}

static gboolean
anchor_row (TdStmt *stmt, const int *types, gpointer data, GError **error)
{
  Setup *s = data;

  if (types[2] != TD_VALUE_BLOB || td_stmt_column_bytes (stmt, 2) > 64 * 1024)
    return not_setup (error);
  g_ptr_array_add (s->anchors, g_bytes_new (td_stmt_column_blob (stmt, 2), td_stmt_column_bytes (stmt, 2)));
  return TRUE;
}

static gboolean
signature_row (TdStmt *stmt, const int *types, gpointer data, GError **error)
{
  Setup *s = data;

  gint64 id = td_stmt_column_int64 (stmt, 0);
  GBytes **slot = id == 1 ? &s->signature : id == 2 ? &s->previous : NULL;

  /* Row 1: the board's signature; row 2, in a key rollover only: its former key's. */
  if (slot == NULL || *slot != NULL || types[1] != TD_VALUE_BLOB || td_stmt_column_bytes (stmt, 1) > 256 * 1024)
    return not_setup (error);
  *slot = g_bytes_new (td_stmt_column_blob (stmt, 1), td_stmt_column_bytes (stmt, 1));
  return TRUE;
}

static Setup *
read_setup (const char  *path,
            GError     **error)
{
  g_autoptr(Setup) s = g_new0 (Setup, 1);
  TdConn *file = NULL;
  gboolean ok = FALSE, is_signed = FALSE;
  const struct { const char *table; guint max; TdPackageRowFunc func; } tables[] = {
    { "manifest", 100, manifest_row }, { "campaign", 1, campaign_row },
    { "unit", 100000, unit_row }, { "trust_anchor", 100, anchor_row },
  };

  s->manifest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  s->units = g_ptr_array_new_with_free_func ((GDestroyNotify) td_unit_record_free);
  s->anchors = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  s->digests = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  s->deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  file = td_exchange_open (path, setup_schema, &s->deadline, &is_signed,
                           _("The file is not a Thi đua setup file, or it was changed after the board wrote it. Ask the "
                             "board for it again."),
                           _("The setup file is damaged or incomplete. Ask the board for it again."), error);
  if (file == NULL)
    goto done;
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      char *digest = td_package_scan_table (file, tables[i].table, tables[i].max, tables[i].func, s, error);
      if (digest == NULL)
        goto done;
      g_hash_table_insert (s->digests, (gpointer) tables[i].table, digest);
    }
  if (is_signed)
    {
      g_autofree char *digest = td_package_scan_table (file, "signature", 2, signature_row, s, error);
      if (digest == NULL)
        goto done;
      if (s->signature == NULL)
        {
          not_setup (error);
          goto done;
        }
    }
  for (guint i = 0; setup_tables[i]; i++)
    {
      g_autofree char *key = g_strdup_printf ("sha256_%s", setup_tables[i]);
      if (g_strcmp0 (g_hash_table_lookup (s->digests, setup_tables[i]), g_hash_table_lookup (s->manifest, key)) != 0)
        {
          not_setup (error);
          goto done;
        }
    }
  {
    guint64 version = 0;

    /* "4294967298" is not version 2: a number that does not fit is no version at all. */
    if (g_strcmp0 (g_hash_table_lookup (s->manifest, "kind"), "thidua-setup") != 0 || s->campaign == NULL ||
        !g_ascii_string_to_unsigned (g_hash_table_lookup (s->manifest, "version") ?: "", 10, 1, G_MAXINT, &version,
                                     NULL))
      {
        not_setup (error);
        goto done;
      }
    s->version = (int) version;
  }
  /* The campaign the manifest names is the campaign the file carries. */
  {
    g_autoptr(JsonParser) parser = json_parser_new ();
    JsonNode *root = json_parser_load_from_data (parser, s->campaign, -1, NULL) ? json_parser_get_root (parser) : NULL;
    JsonObject *o = root && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
    JsonNode *id = o ? json_object_get_member (o, "id") : NULL;

    if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING ||
        g_strcmp0 (json_node_get_string (id), g_hash_table_lookup (s->manifest, "campaign")) != 0)
      {
        g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OTHER_CAMPAIGN,
                     _("The setup file says it is for the campaign “%s” but carries another one. Nothing was changed; "
                       "ask the board for the file again."),
                     (const char *) g_hash_table_lookup (s->manifest, "campaign") ?: "");
        goto done;
      }
  }
  if (atoi (g_hash_table_lookup (s->manifest, "format") ?: "0") > TD_SETUP_FORMAT)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_TOO_NEW,
                   _("The setup file was made by a newer version of Thi đua. Update the application to open it."));
      goto done;
    }
  ok = TRUE;

done:
  td_conn_close (file);
  /* The store's complaint about a cut or corrupt file, or one that is no database at all (a
   * PDF, a text), in the words of a setup file: the package's would send the clerk looking
   * for a unit's .thidua file. */
  if (!ok && error && *error && g_error_matches (*error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_DAMAGED))
    {
      g_clear_error (error);
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_DAMAGED,
                   _("The setup file is damaged or incomplete. Ask the board for it again."));
    }
  else if (!ok && error && *error && g_error_matches (*error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE) &&
           g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_clear_error (error);
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_NOT_A_PACKAGE,
                   _("The file is not a Thi đua setup file, or it was changed after the board wrote it. Ask the "
                     "board for it again."));
    }
  return ok ? g_steal_pointer (&s) : NULL;
}

/* The file's register rows, parents first; a unit naming one the file does not hold means the
 * file is not the board's. */
static gboolean
save_units (TdDatabase  *db,
            GPtrArray   *units,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (td_register_save_all (db, units, &local))
    return TRUE;
  if (g_error_matches (local, TD_CATALOG_ERROR, TD_CATALOG_ERROR_UNKNOWN_UNIT))
    return not_setup (error);
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

static gboolean
refuse_signature (GError    **error,
                  GError     *local,
                  const char *what)
{
  if (g_error_matches (local, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_INVALID))
    g_set_error (error, TD_SIGNATURE_ERROR, local->code,
                 _("The setup file was changed after the board signed it (%s). Nothing was changed; ask the board "
                   "for the file again."), what);
  else if (g_error_matches (local, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_EXPIRED))
    g_set_error (error, TD_SIGNATURE_ERROR, local->code,
                 _("The certificate that signed the setup file (%s) was not valid when it was signed. Nothing was "
                   "changed; ask the board for the file again."), what);
  else
    g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED,
                 _("The setup file is signed (%s) by a certificate that does not come from a certification authority "
                   "of the board's. Nothing was changed; ask the board for the file again."), what);
  return FALSE;
}

/* A signed setup file must be the board's, and the board is its key, not its name: another
 * certificate with the same name (another province's "Sở Nội vụ" under the same CA) is not
 * the board.  The first signed file an installation opens is taken on trust, as the clerk
 * received it from the board: it must chain to a certification authority the file itself
 * names, and its signer's public key is pinned.  Every later file must be signed by that key
 * and chain to the authorities stored then, or be a key rollover: signed by the new key and
 * also by the pinned one, which then gives way to the new.  An unsigned file after a signed
 * one is refused.  (An installation from before keys were pinned knew its board by name: the
 * name must match once more, and the key is pinned from then on.) */
static gboolean
check_board_signature (TdDatabase     *db,
                       Setup          *s,
                       TdSetupResult  *result,
                       GError        **error)
{
  g_autofree char *pinned_key = td_database_get_meta (db, "board_key");
  g_autofree char *pinned_name = td_database_get_meta (db, "board_signer");
  gboolean pinned = (pinned_key && *pinned_key) || (pinned_name && *pinned_name);
  g_autoptr(GPtrArray) anchors = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(TdSignatureInfo) info = NULL;
  g_autoptr(GError) local = NULL;

  if (s->signature == NULL)
    {
      if (!pinned)
        return TRUE;
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNSIGNED,
                   _("The board signs its setup files (%s), and this one is not signed. Ask the board for it again."),
                   pinned_name && *pinned_name ? pinned_name : pinned_key);
      return FALSE;
    }
  anchors = pinned ? td_trust_store_list (db, 0, error) : g_ptr_array_ref (s->anchors);
  if (anchors == NULL)
    return FALSE;
  data = td_exchange_signed_data ("setup", g_hash_table_lookup (s->digests, "manifest"));
  info = td_signature_verify_with (s->signature, data, anchors, &local);
  if (info == NULL)
    return refuse_signature (error, local, _("the board's signature"));
  if (info->signer->key_id == NULL)
    {
      g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED,
                   _("The key of the certificate that signed the setup file cannot be read. Nothing was changed."));
      return FALSE;
    }
  result->signer = g_strdup (info->signer->subject);
  result->signer_key = g_strdup (info->signer->key_id);
  if (!pinned)
    return TRUE;
  if (pinned_key && *pinned_key ? g_str_equal (pinned_key, info->signer->key_id)
                                : g_strcmp0 (pinned_name, info->signer->subject) == 0)
    return TRUE;

  /* Another key: only as the board's rollover, countersigned by the key pinned here. */
  if (s->previous != NULL && pinned_key && *pinned_key)
    {
      g_autoptr(TdSignatureInfo) before = td_signature_verify_with (s->previous, data, anchors, &local);

      if (before == NULL)
        return refuse_signature (error, local, _("the board's former key"));
      if (g_strcmp0 (before->signer->key_id, pinned_key) == 0)
        {
          result->key_changed = TRUE;
          result->previous_signer = g_strdup (before->signer->subject);
          return TRUE;
        }
    }
  {
    /* Names may be equal: the keys, shortened, say which is which. */
    g_autofree char *theirs = g_strndup (info->signer->key_id, 16);
    g_autofree char *ours = pinned_key && *pinned_key ? g_strndup (pinned_key, 16) : g_strdup ("?");

    g_set_error (error, TD_SIGNATURE_ERROR, TD_SIGNATURE_ERROR_UNTRUSTED,
                 _("The setup file is signed by “%s” with the key %s…, not by the key of the board this installation "
                   "was set up by (%s, key %s…). A certificate with the board's name is not the board: a board that "
                   "changes its key sends a setup file signed with both its former and its new key. Nothing was "
                   "changed."), info->signer->subject, theirs, pinned_name && *pinned_name ? pinned_name : "?", ours);
  }
  return FALSE;
}

/* What this setup changes that the clerk should know of, said before it is applied: the
 * board's key, the unit's own name, whether unsigned packages are taken, new authorities. */
static gboolean
note_changes (TdDatabase     *db,
              Setup          *s,
              TdUnitRecord   *unit,
              TdSetupResult  *result,
              GError        **error)
{
  g_autoptr(TdUnitRecord) before = td_register_get (db, unit->code, NULL);
  g_autoptr(GPtrArray) cas = td_trust_list_cas (db, error);
  gboolean allow_now = g_strcmp0 (g_hash_table_lookup (s->manifest, "allow_unsigned"), "1") == 0;
  guint new_cas = 0;

  if (cas == NULL)
    return FALSE;
  if (result->key_changed)
    g_ptr_array_add (result->changes,
                     g_strdup_printf (_("The board's signing key changed: %s replaces %s, confirmed by the former key."),
                                      result->signer, result->previous_signer));
  if (before != NULL && g_strcmp0 (before->name, unit->name) != 0)
    g_ptr_array_add (result->changes, g_strdup_printf (_("This unit's name: “%s” becomes “%s”."), before->name,
                                                       unit->name));
  if (before != NULL && td_trust_get_allow_unsigned (db) != allow_now)
    g_ptr_array_add (result->changes, g_strdup (allow_now ? _("The board now accepts unsigned packages.")
                                                          : _("The board now accepts signed packages only.")));
  for (guint i = 0; i < s->anchors->len; i++)
    {
      g_autoptr(TdCertInfo) ca = td_cert_info_new (s->anchors->pdata[i], NULL);
      gboolean known = FALSE;

      for (guint k = 0; ca && k < cas->len; k++)
        known |= g_strcmp0 (((TdCertInfo *) cas->pdata[k])->fingerprint, ca->fingerprint) == 0;
      new_cas += ca != NULL && !known;
    }
  if (before != NULL && new_cas > 0)
    g_ptr_array_add (result->changes,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certification authority is added to the "
                                                   "trust list.", "%u certification authorities are added to the "
                                                   "trust list.", new_cas), new_cas));
  return TRUE;
}

TdSetupResult *
td_setup_open (TdDatabase  *db,
               const char  *path,
               const char  *unit_code,
               GError     **error)
{
  g_autoptr(TdTransaction) tx = NULL;
  g_autoptr(Setup) s = read_setup (path, error);
  g_autoptr(TdSetupResult) result = NULL;
  g_autofree char *own = NULL;
  g_autofree char *campaign = NULL;
  g_autofree char *had = NULL;
  const char *file_unit, *file_campaign;
  TdUnitRecord *unit = NULL;
  int version;

  if (s == NULL)
    return NULL;
  file_unit = g_hash_table_lookup (s->manifest, "unit_code");
  file_campaign = g_hash_table_lookup (s->manifest, "campaign");
  version = s->version;
  campaign = td_catalog_get_campaign_id (db);
  if (campaign && g_strcmp0 (campaign, file_campaign) != 0)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OTHER_CAMPAIGN,
                   _("The setup file belongs to another campaign (“%s”), not to this database's (“%s”)."),
                   file_campaign ? file_campaign : "", campaign);
      return NULL;
    }
  if (file_unit && *file_unit && unit_code && g_strcmp0 (file_unit, unit_code) != 0)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("The setup file is for the unit “%s”, not “%s”."), file_unit, unit_code);
      return NULL;
    }
  if (unit_code == NULL)
    unit_code = file_unit && *file_unit ? file_unit : NULL;
  if (td_database_get_installation (db, &own) == TD_INSTALLATION_UNIT)
    {
      if (unit_code == NULL)
        unit_code = own;
      if (g_strcmp0 (own, unit_code) != 0)
        {
          g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                       _("This installation is the unit “%s”'s; the setup file is for “%s”."), own, unit_code);
          return NULL;
        }
    }
  else if (campaign != NULL)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_WRONG_DIRECTION,
                   _("This is the board's database: a setup file sets up a unit's own installation. Open it with a new "
                     "database file."));
      return NULL;
    }
  if (unit_code == NULL)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_UNKNOWN_UNIT,
                   _("The setup file holds every unit of the province: say which one this installation is (--unit CODE)."));
      return NULL;
    }
  for (guint i = 0; i < s->units->len && unit == NULL; i++)
    if (g_str_equal (((TdUnitRecord *) s->units->pdata[i])->code, unit_code))
      unit = s->units->pdata[i];
  if (unit == NULL)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_UNKNOWN_UNIT,
                   _("The setup file has no unit with the code “%s”."), unit_code);
      return NULL;
    }
  had = td_database_get_meta (db, "setup_version");
  if (had && atoi (had) > version)
    {
      g_set_error (error, TD_PACKAGE_ERROR, TD_PACKAGE_ERROR_OLDER_REVISION,
                   _("This installation already has version %s of the board's setup; the file holds the older version %d. "
                     "Nothing was changed."), had, version);
      return NULL;
    }

  result = g_new0 (TdSetupResult, 1);
  result->changes = g_ptr_array_new_with_free_func (g_free);
  if (!check_board_signature (db, s, result, error))
    return NULL;

  result->unit_code = g_strdup (unit_code);
  result->unit_name = g_strdup (unit->name);
  if (!note_changes (db, s, unit, result, error))
    return NULL;
  result->version = version;
  result->n_units = s->units->len;
  if (had && atoi (had) == version)
    {
      result->unchanged = TRUE;
      return g_steal_pointer (&result);
    }
  {
    g_autofree char *v = g_strdup_printf ("%d", version);
    g_autoptr(GBytes) json = g_bytes_new (s->campaign, strlen (s->campaign));

    tx = td_transaction_begin (db, error);
  if (tx == NULL)
      return NULL;
    if (!td_catalog_import_campaign (db, json, error) || !save_units (db, s->units, error) ||
        !td_database_set_installation (db, TD_INSTALLATION_UNIT, unit_code, error) ||
        !td_database_set_meta (db, "setup_version", v, error) ||
        (result->signer && !td_database_set_meta (db, "board_signer", result->signer, error)) ||
        (result->signer_key && !td_database_set_meta (db, "board_key", result->signer_key, error)) ||
        !td_trust_set_allow_unsigned (db, g_strcmp0 (g_hash_table_lookup (s->manifest, "allow_unsigned"), "1") == 0, error))
      return NULL;
    for (guint i = 0; i < s->anchors->len; i++)
      {
        g_autoptr(TdCertInfo) info = td_trust_add_ca (db, s->anchors->pdata[i], NULL);
      }
    if (!td_transaction_commit (tx, error))
      return NULL;
  }
  return g_steal_pointer (&result);
}

GPtrArray *
td_setup_list_units (const char  *path,
                     char       **for_unit,
                     GError     **error)
{
  g_autoptr(Setup) s = read_setup (path, error);
  const char *unit;

  if (s == NULL)
    return NULL;
  unit = g_hash_table_lookup (s->manifest, "unit_code");
  if (for_unit)
    *for_unit = unit && *unit ? g_strdup (unit) : NULL;
  return g_steal_pointer (&s->units);
}
