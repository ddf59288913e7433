/* td-backup.c: a copy of the whole database while the app runs (see td-backup.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-backup.h"
#include "td-database-private.h"

/* The same file under another name (a link, "./x.db") would be overwritten by its own copy. */
static gboolean
same_file (const char *a,
           const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

static gboolean
fail (GError    **error,
      const char *dest_path,
      const char *why)
{
  g_autofree char *name = g_path_get_basename (dest_path);

  g_set_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_SQLITE,
               _("The backup “%s” was not made: %s. Choose another folder or free some space, then try again."), name,
               why);
  return FALSE;
}

gboolean
td_database_backup (TdDatabase  *db,
                    const char  *dest_path,
                    GError     **error)
{
  g_autofree char *part = g_strconcat (dest_path, ".part", NULL);
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *check = NULL;
  gboolean ok = FALSE;
  int rc;

  if (g_strcmp0 (dest_path, td_database_get_path (db)) == 0 || same_file (dest_path, td_database_get_path (db)))
    {
      g_set_error_literal (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                           _("A backup cannot replace the database it copies: choose another name or folder."));
      return FALSE;
    }
  g_unlink (part);
  rc = sqlite3_open_v2 (part, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *why = g_strdup (out ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
      sqlite3_close (out);
      g_unlink (part);
      return fail (error, dest_path, why);
    }
  backup = sqlite3_backup_init (out, "main", td_database_get_handle (db), "main");
  if (backup == NULL)
    {
      g_autofree char *why = g_strdup (sqlite3_errmsg (out));
      sqlite3_close (out);
      g_unlink (part);
      return fail (error, dest_path, why);
    }
  /* A few hundred pages at a time: a writer elsewhere waits at most that long, and the copy
   * starts again by itself when the source changed in between. */
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    rc = sqlite3_errcode (out);
  /* One self-contained file, checked before it takes the name. */
  if ((rc == SQLITE_OK || rc == SQLITE_DONE) &&
      sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (out, "PRAGMA quick_check", -1, &check, NULL) == SQLITE_OK &&
      sqlite3_step (check) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;
  sqlite3_finalize (check);
  if (!ok)
    {
      g_autofree char *why = g_strdup (sqlite3_errmsg (out));
      sqlite3_close (out);
      g_unlink (part);
      return fail (error, dest_path, why);
    }
  if (sqlite3_close (out) != SQLITE_OK || g_rename (part, dest_path) != 0)
    {
      int saved = errno;
      g_unlink (part);
      return fail (error, dest_path, g_strerror (saved));
    }
  return TRUE;
}

static void
backup_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  char **paths = task_data;
  GError *error = NULL;
  g_autoptr(TdDatabase) db = td_database_open (paths[0], &error);

  if (db == NULL || !td_database_backup (db, paths[1], &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
td_database_backup_async (const char          *db_path,
                          const char          *dest_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  char **paths = g_new0 (char *, 3);

  paths[0] = g_strdup (db_path);
  paths[1] = g_strdup (dest_path);
  g_task_set_source_tag (task, td_database_backup_async);
  g_task_set_task_data (task, paths, (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, backup_thread);
}

gboolean
td_database_backup_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
