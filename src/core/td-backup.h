/* td-backup.h: a copy of the whole database while the app runs.
 *
 * The database is in WAL mode: a plain copy of the file may miss what the -wal file still holds,
 * or catch a page half written.  SQLite's online backup API copies a consistent snapshot while
 * others keep writing; the copy is checked, made a single self-contained file (no WAL), and
 * renamed into place, so a half-made backup never takes the name of a good one. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

gboolean td_database_backup        (TdDatabase          *db,
                                    const char          *dest_path,
                                    GError             **error);
/* The same as a job of @db's session (td-session.h), on a worker's connection. */
void     td_database_backup_async  (TdDatabase          *db,
                                    const char          *dest_path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean td_database_backup_finish (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
