/* td-session.h: slow reads and writes of a database, done on worker threads.
 *
 * A database's session (td_session_get()) keeps a small pool of connections of its own to the
 * same file, one per worker thread at a time, opened once and reused: a job receives one of
 * them, never the connection of the main thread, and its result comes back on the main
 * thread.  Every _async call of the core and the layers above it runs through here, instead of
 * opening the database again from its path for each job. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

#define TD_TYPE_SESSION (td_session_get_type ())
G_DECLARE_FINAL_TYPE (TdSession, td_session, TD, SESSION, GObject)

/* The work of one job, on a worker thread with @db its own connection: a result (freed with
 * the result_free given to td_session_run_async()), or NULL with @error set. */
typedef gpointer (*TdSessionJob) (TdDatabase    *db,
                                  gpointer       data,
                                  GCancellable  *cancellable,
                                  GError       **error);

/* @db's session, made the first time it is asked for and kept as long as @db. */
TdSession *td_session_get        (TdDatabase          *db);
void       td_session_run_async  (TdSession           *self,
                                  TdSessionJob         job,
                                  gpointer             data,
                                  GDestroyNotify       data_free,
                                  GDestroyNotify       result_free,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data);
gpointer   td_session_run_finish (TdSession           *self,
                                  GAsyncResult        *result,
                                  GError             **error);
/* td_session_run_finish() for a finish function that has only @result: the session is
 * the result's source. */
gpointer   td_session_propagate  (GAsyncResult        *result,
                                  GError             **error);
/* Connections open for workers now, idle or busy (for the tests). */
guint      td_session_get_n_connections (TdSession *self);

G_END_DECLS
