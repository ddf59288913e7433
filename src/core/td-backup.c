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
  g_autofree char *why = NULL;

  if (g_strcmp0 (dest_path, td_database_get_path (db)) == 0 || same_file (dest_path, td_database_get_path (db)))
    {
      g_set_error_literal (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_CONSTRAINT,
                           _("A backup cannot replace the database it copies: choose another name or folder."));
      return FALSE;
    }
  g_unlink (part);
  if (!td_conn_copy_to (td_database_get_handle (db), part, &why))
    {
      g_unlink (part);
      return fail (error, dest_path, why);
    }
  if (g_rename (part, dest_path) != 0)
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
