/* td-backup.c: a copy of the whole database while the app runs (see td-backup.h). */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "td-backup.h"
#include "td-database-private.h"
#include "td-session.h"

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

static gpointer
backup_job (TdDatabase    *db,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  return td_database_backup (db, data, error) ? GINT_TO_POINTER (TRUE) : NULL;
}

void
td_database_backup_async (TdDatabase          *db,
                          const char          *dest_path,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  td_session_run_async (td_session_get (db), backup_job, g_strdup (dest_path), g_free, NULL, cancellable, callback,
                        user_data);
}

gboolean
td_database_backup_finish (GAsyncResult  *result,
                           GError       **error)
{
  return td_session_propagate (result, error) != NULL;
}
