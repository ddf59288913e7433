/* td-database.c: the application's database, through the store's connection (store/td-conn.h).
 *
 * Opening a file checks its schema version before anything writes to it, so that a file from a
 * newer application is refused untouched; an older file is copied beside itself and then
 * migrated one step per transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-database-private.h"
#include "td-schema.h"

struct _TdDatabase
{
  GObject     parent_instance;

  TdConn     *db;
  char       *path;
  char       *backup_path;
  char       *actor;
  GHashTable *statements;   /* SQL literal's address → TdStmt* */
  guint       depth;        /* transaction nesting */
  int         version;
};

G_DEFINE_FINAL_TYPE (TdDatabase, td_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_ACTOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_QUARK (td-database-error-quark, td_database_error)

/* Helpers */

void
td_database_set_error (TdDatabase *self,
                       int         rc,
                       GError    **error)
{
  TdDatabaseError code = TD_DATABASE_ERROR_SQLITE;
  const char *msg = td_conn_errmsg (self->db, rc);

  switch (td_conn_fault (rc))
    {
    case TD_FAULT_NOT_A_DATABASE:
    case TD_FAULT_CORRUPT:
      code = TD_DATABASE_ERROR_NOT_A_DATABASE;
      g_set_error (error, TD_DATABASE_ERROR, code,
                   _("“%s” is not a Thi đua database or it is damaged (%s). Open another file or restore a backup."),
                   self->path, msg);
      return;
    case TD_FAULT_BUSY:
      code = TD_DATABASE_ERROR_BUSY;
      g_set_error (error, TD_DATABASE_ERROR, code,
                   _("The database is in use by another program (%s). Close it and try again."), msg);
      return;
    case TD_FAULT_CONSTRAINT:
      code = TD_DATABASE_ERROR_CONSTRAINT;
      break;
    default:
      break;
    }

  g_set_error (error, TD_DATABASE_ERROR, code, _("Database error: %s"), msg);
}

char *
td_database_now (void)
{
  /* Formatting a GDateTime for every audit row showed up in profiles of bulk writes; the text
   * only changes once a second.  Per thread, as imports write from worker threads. */
  static __thread gint64 cached_second = -1;
  static __thread char cached[32];
  gint64 second = g_get_real_time () / G_USEC_PER_SEC;

  if (second != cached_second)
    {
      g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (second);
      g_autofree char *text = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

      g_strlcpy (cached, text, sizeof cached);
      cached_second = second;
    }
  return g_strdup (cached);
}

TdConn *
td_database_get_handle (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);

  return self->db;
}

TdStmt *
td_database_prepare (TdDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  TdStmt *stmt;
  int rc;

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      td_stmt_reset (stmt);
      td_stmt_clear_bindings (stmt);
      return stmt;
    }

  rc = td_conn_prepare (self->db, sql, TRUE, &stmt);
  if (rc != TD_OK)
    {
      td_database_set_error (self, rc, error);
      return NULL;
    }

  /* The key is the caller's SQL literal, which outlives the connection. */
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
td_database_step_done (TdDatabase    *self,
                       TdStmt        *stmt,
                       GError       **error)
{
  int rc = td_stmt_step (stmt);

  td_stmt_reset (stmt);
  if (rc != TD_DONE && rc != TD_ROW)
    {
      td_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
td_database_collect (TdDatabase      *self,
                     TdStmt          *stmt,
                     TdRowFunc        row,
                     gpointer         user_data,
                     GDestroyNotify   free_func,
                     GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = td_stmt_step (stmt)) == TD_ROW)
    g_ptr_array_add (items, row (stmt, user_data));
  td_stmt_reset (stmt);
  if (rc != TD_DONE)
    {
      td_database_set_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

gpointer
td_database_collect_one (TdDatabase      *self,
                         TdStmt          *stmt,
                         TdRowFunc        row,
                         GDestroyNotify   free_func,
                         const char      *not_found,
                         GError         **error)
{
  g_autoptr(GPtrArray) found = td_database_collect (self, stmt, row, NULL, free_func, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error_literal (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND, not_found);
      return NULL;
    }
  return g_ptr_array_steal_index (found, 0);
}

gboolean
td_database_exec (TdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = td_conn_exec (self->db, sql);

  if (rc != TD_OK)
    {
      td_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
td_database_begin (TdDatabase  *self,
                   GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  if (self->depth == 0)
    sql = g_strdup ("BEGIN IMMEDIATE");
  else
    sql = g_strdup_printf ("SAVEPOINT td_%u", self->depth);

  if (!td_database_exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
td_database_commit (TdDatabase  *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    sql = g_strdup ("COMMIT");
  else
    sql = g_strdup_printf ("RELEASE td_%u", self->depth - 1);

  /* On failure the transaction stays open: the caller's rollback ends it. */
  if (!td_database_exec (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
td_database_rollback (TdDatabase *self)
{
  g_autofree char *sql = NULL;

  g_return_if_fail (TD_IS_DATABASE (self));
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sql = g_strdup ("ROLLBACK");
  else
    sql = g_strdup_printf ("ROLLBACK TO td_%u; RELEASE td_%u", self->depth - 1, self->depth - 1);

  /* A failed rollback (the transaction was already undone by sqlite) leaves nothing to do. */
  td_conn_exec (self->db, sql);
  self->depth--;
}

struct _TdTransaction {
  TdDatabase *db;
  gboolean    committed;
};

TdTransaction *
td_transaction_begin (TdDatabase  *db,
                      GError     **error)
{
  TdTransaction *tx;

  if (!td_database_begin (db, error))
    return NULL;
  tx = g_new0 (TdTransaction, 1);
  tx->db = g_object_ref (db);
  return tx;
}

gboolean
td_transaction_commit (TdTransaction  *tx,
                       GError        **error)
{
  g_return_val_if_fail (tx != NULL && !tx->committed, FALSE);
  tx->committed = td_database_commit (tx->db, error);
  return tx->committed;
}

void
td_transaction_end (TdTransaction *tx)
{
  if (tx == NULL)
    return;
  if (!tx->committed)
    td_database_rollback (tx->db);
  g_object_unref (tx->db);
  g_free (tx);
}

static int
read_user_version (TdDatabase  *self,
                   GError     **error)
{
  TdStmt *stmt;
  int rc, version = -1;

  rc = td_conn_prepare (self->db, "PRAGMA user_version", FALSE, &stmt);
  if (rc != TD_OK)
    {
      td_database_set_error (self, rc, error);
      return -1;
    }
  rc = td_stmt_step (stmt);
  if (rc == TD_ROW)
    version = td_stmt_column_int (stmt, 0);
  else
    td_database_set_error (self, rc, error);
  td_stmt_free (stmt);
  return version;
}

/* Copies the whole file next to itself with VACUUM INTO, which is consistent even in WAL mode. */
static gboolean
keep_backup (TdDatabase  *self,
             int          from_version,
             GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *path = g_strdup_printf ("%s.v%d-%s.bak", self->path, from_version, stamp);
  TdStmt *stmt;
  int rc;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_unlink (path);

  rc = td_conn_prepare (self->db, "VACUUM INTO ?", FALSE, &stmt);
  if (rc == TD_OK)
    {
      td_stmt_bind_text_copy (stmt, 1, path);
      rc = td_stmt_step (stmt);
      td_stmt_free (stmt);
    }
  if (rc != TD_OK && rc != TD_DONE)
    {
      g_autoptr(GError) local = NULL;

      td_database_set_error (self, rc, &local);
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_MIGRATION,
                   _("Could not keep a copy of the database before upgrading it: %s"), local->message);
      return FALSE;
    }

  g_clear_pointer (&self->backup_path, g_free);
  self->backup_path = g_steal_pointer (&path);
  return TRUE;
}

static gboolean
migrate (TdDatabase  *self,
         int          current,
         int          wanted,
         GError     **error)
{
  const TdMigration *steps;
  guint n_steps;

  steps = td_schema_get_migrations (&n_steps);

  if (current > 0 && current < wanted && !keep_backup (self, current, error))
    return FALSE;

  for (guint i = 0; i < n_steps && steps[i].version <= wanted; i++)
    {
      g_autoptr(GError) local = NULL;
      g_autoptr(TdTransaction) tx = NULL;
      g_autofree char *pragma = NULL;

      if (steps[i].version <= current)
        continue;

      pragma = g_strdup_printf ("PRAGMA user_version = %d", steps[i].version);
      tx = td_transaction_begin (self, &local);
      if (tx == NULL ||
          !td_database_exec (self, steps[i].sql, &local) ||
          !td_database_exec (self, pragma, &local) ||
          !td_transaction_commit (tx, &local))
        {
          g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_MIGRATION,
                       _("Upgrading the database to version %d failed: %s"),
                       steps[i].version, local->message);
          return FALSE;
        }
      self->version = steps[i].version;
      g_debug ("Migrated %s to version %d (%s)", self->path, steps[i].version, steps[i].summary);
    }

  return TRUE;
}

static gboolean
open_at_version (TdDatabase  *self,
                 int          wanted,
                 GError     **error)
{
  int rc, version;

  g_autofree char *why = NULL;

  self->db = td_conn_open (self->path, TD_CONN_DATABASE, NULL, &rc, &why);
  if (self->db == NULL)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_SQLITE,
                   _("Could not open the database “%s”: %s"), self->path, why);
      return FALSE;
    }

  /* Read the version before anything writes: a newer file must stay exactly as it is. */
  version = read_user_version (self, error);
  if (version < 0)
    return FALSE;
  if (version > td_database_latest_version ())
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Thi đua (schema %d, this version knows up to %d). "
                     "Update the application to open it; the file was not changed."),
                   self->path, version, td_database_latest_version ());
      return FALSE;
    }
  self->version = version;

  if (!td_database_exec (self, "PRAGMA journal_mode = WAL", error) ||
      !td_database_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !td_database_exec (self, "PRAGMA synchronous = NORMAL", error))
    return FALSE;

  return migrate (self, version, wanted, error);
}

/* GObject */

static void
td_database_finalize (GObject *object)
{
  TdDatabase *self = (TdDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  td_conn_close (g_steal_pointer (&self->db));
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->backup_path, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (td_database_parent_class)->finalize (object);
}

static void
td_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TdDatabase *self = TD_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_ACTOR:
      g_value_set_string (value, self->actor);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_database_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TdDatabase *self = TD_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    case PROP_ACTOR:
      td_database_set_actor (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_database_class_init (TdDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = td_database_finalize;
  object_class->get_property = td_database_get_property;
  object_class->set_property = td_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

void
td_database_delete_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_remove (p);
    }
}

static void
td_database_init (TdDatabase *self)
{
  /* Keyed by the address of the caller's SQL literal: hashing the text on every call showed up
   * in profiles, and two call sites with the same text merely get a statement each. */
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) td_stmt_free);
  self->actor = g_strdup (g_get_real_name ());
  if (g_strcmp0 (self->actor, "Unknown") == 0)
    g_set_str (&self->actor, g_get_user_name ());
}

/* Public API */

int
td_database_latest_version (void)
{
  guint n;
  const TdMigration *steps = td_schema_get_migrations (&n);

  return steps[n - 1].version;
}

char *
td_database_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "thidua", "thidua.db", NULL);
}

TdDatabase *
td_database_open_at_version (const char  *path,
                             int          version,
                             GError     **error)
{
  g_autoptr(TdDatabase) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version > 0 && version <= td_database_latest_version (), NULL);

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return NULL;
    }

  self = g_object_new (TD_TYPE_DATABASE, "path", path, NULL);
  if (!open_at_version (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

TdDatabase *
td_database_open (const char  *path,
                  GError     **error)
{
  return td_database_open_at_version (path, td_database_latest_version (), error);
}

const char *
td_database_get_path (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);
  return self->path;
}

int
td_database_get_version (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), -1);
  return self->version;
}

const char *
td_database_get_backup_path (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);
  return self->backup_path;
}

const char *
td_database_get_actor (TdDatabase *self)
{
  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);
  return self->actor;
}

void
td_database_set_actor (TdDatabase *self,
                       const char *actor)
{
  g_return_if_fail (TD_IS_DATABASE (self));

  /* The audit log must always name somebody. */
  if (actor == NULL || *actor == '\0')
    actor = g_get_user_name ();
  if (g_set_str (&self->actor, actor))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTOR]);
}

char *
td_database_get_meta (TdDatabase *self,
                      const char *key)
{
  TdStmt *stmt;
  char *value = NULL;

  g_return_val_if_fail (TD_IS_DATABASE (self), NULL);

  stmt = td_database_prepare (self, "SELECT value FROM meta WHERE key = ?", NULL);
  if (stmt == NULL)
    return NULL;
  td_stmt_bind_text (stmt, 1, key);
  if (td_stmt_step (stmt) == TD_ROW)
    value = td_stmt_dup_text (stmt, 0);
  td_stmt_reset (stmt);
  return value;
}

gboolean
td_database_set_meta (TdDatabase  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  TdStmt *stmt;

  g_return_val_if_fail (TD_IS_DATABASE (self), FALSE);

  stmt = td_database_prepare (self,
                              "INSERT INTO meta (key, value) VALUES (?, ?) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                              error);
  if (stmt == NULL)
    return FALSE;
  td_stmt_bind_text (stmt, 1, key);
  td_stmt_bind_text (stmt, 2, value);
  return td_database_step_done (self, stmt, error);
}

gboolean
td_database_is_demo (TdDatabase *self)
{
  g_autofree char *demo = td_database_get_meta (self, "demo");

  return g_strcmp0 (demo, "1") == 0;
}

gboolean
td_database_check_integrity (TdDatabase  *self,
                             GError     **error)
{
  TdStmt *stmt;
  g_autofree char *answer = NULL;
  int rc;

  rc = td_conn_prepare (self->db, "PRAGMA integrity_check", FALSE, &stmt);
  if (rc != TD_OK)
    {
      td_database_set_error (self, rc, error);
      return FALSE;
    }
  rc = td_stmt_step (stmt);
  if (rc == TD_ROW)
    answer = td_stmt_dup_text (stmt, 0);
  else
    td_database_set_error (self, rc, error);
  td_stmt_free (stmt);

  if (answer == NULL)
    return FALSE;
  if (g_strcmp0 (answer, "ok") != 0)
    {
      g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_A_DATABASE,
                   _("The database “%s” is damaged: %s"), self->path, answer);
      return FALSE;
    }
  return TRUE;
}

TdInstallation
td_database_get_installation (TdDatabase  *self,
                              char       **unit_code)
{
  g_autofree char *kind = td_database_get_meta (self, "installation");
  gboolean unit = g_strcmp0 (kind, "unit") == 0;

  if (unit_code)
    *unit_code = unit ? td_database_get_meta (self, "installation_unit") : NULL;
  return unit ? TD_INSTALLATION_UNIT : TD_INSTALLATION_BOARD;
}

gboolean
td_database_set_installation (TdDatabase      *self,
                              TdInstallation   kind,
                              const char      *unit_code,
                              GError         **error)
{
  g_autoptr(TdTransaction) tx = NULL;

  g_return_val_if_fail (kind == TD_INSTALLATION_BOARD || unit_code != NULL, FALSE);

  tx = td_transaction_begin (self, error);
  return tx != NULL &&
         td_database_set_meta (self, "installation", kind == TD_INSTALLATION_UNIT ? "unit" : "board", error) &&
         td_database_set_meta (self, "installation_unit", kind == TD_INSTALLATION_UNIT ? unit_code : "", error) &&
         td_transaction_commit (tx, error);
}
