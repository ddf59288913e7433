/* td-session.c: see td-session.h.  The pool is a queue of idle connections: a job pops one or
 * opens a new one, and pushes it back when it is done, so there are never more connections than
 * jobs running at once (GTask's pool runs a handful). */
#include "config.h"

#include "td-session.h"

struct _TdSession
{
  GObject      parent_instance;

  char        *path;       /* the file every worker connection opens; NULL for a memory database */
  TdDatabase  *db;         /* not a reference: the session is the database's (qdata) */
  GAsyncQueue *idle;       /* TdDatabase, opened on a worker and free to take */
  guint        n_open;     /* atomic */
};

G_DEFINE_FINAL_TYPE (TdSession, td_session, G_TYPE_OBJECT)

static GQuark
session_quark (void)
{
  return g_quark_from_static_string ("td-session");
}

typedef struct {
  TdSessionJob   job;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
  char          *actor;     /* who the job's writes are by: the main connection's, when asked */
} Run;

static void
run_free (Run *run)
{
  if (run->data_free)
    run->data_free (run->data);
  g_free (run->actor);
  g_free (run);
}

/* A connection for this worker: an idle one, else a new one. */
static TdDatabase *
take_connection (TdSession   *self,
                 const char  *actor,
                 GError     **error)
{
  TdDatabase *db = g_async_queue_try_pop (self->idle);

  if (db == NULL && (db = td_database_open (self->path, error)) != NULL)
    g_atomic_int_inc (&self->n_open);
  if (db != NULL)
    td_database_set_actor (db, actor);
  return db;
}

static void
give_back (TdSession  *self,
           TdDatabase *db)
{
  g_async_queue_push (self->idle, db);
}

static void
run_thread (GTask        *task,
            gpointer      source,
            gpointer      task_data,
            GCancellable *cancellable)
{
  TdSession *self = source;
  Run *run = task_data;
  GError *error = NULL;
  TdDatabase *db = take_connection (self, run->actor, &error);
  gpointer result = NULL;

  if (db != NULL)
    {
      result = run->job (db, run->data, cancellable, &error);
      give_back (self, db);
    }
  if (result == NULL && error == NULL)
    g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_FAILED, "The job gave no result and no reason.");
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, run->result_free);
}

void
td_session_run_async (TdSession           *self,
                      TdSessionJob         job,
                      gpointer             data,
                      GDestroyNotify       data_free,
                      GDestroyNotify       result_free,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Run *run = g_new0 (Run, 1);

  g_return_if_fail (TD_IS_SESSION (self));
  run->job = job;
  run->data = data;
  run->data_free = data_free;
  run->result_free = result_free;
  run->actor = self->db ? g_strdup (td_database_get_actor (self->db)) : NULL;
  g_task_set_source_tag (task, td_session_run_async);
  g_task_set_task_data (task, run, (GDestroyNotify) run_free);
  if (self->path == NULL)
    {
      /* A database in memory has no file for a second connection: its jobs run here. */
      GError *error = NULL;
      gpointer result = job (self->db, data, cancellable, &error);

      if (result != NULL)
        g_task_return_pointer (task, result, result_free);
      else
        g_task_return_error (task, error);
      return;
    }
  g_task_run_in_thread (task, run_thread);
}

gpointer
td_session_run_finish (TdSession     *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gpointer
td_session_propagate (GAsyncResult  *result,
                      GError       **error)
{
  g_autoptr(GObject) session = g_async_result_get_source_object (result);

  return td_session_run_finish (TD_SESSION (session), result, error);
}

guint
td_session_get_n_connections (TdSession *self)
{
  return (guint) g_atomic_int_get (&self->n_open);
}

TdSession *
td_session_get (TdDatabase *db)
{
  TdSession *self = g_object_get_qdata (G_OBJECT (db), session_quark ());
  const char *path;

  if (self != NULL)
    return self;
  self = g_object_new (TD_TYPE_SESSION, NULL);
  path = td_database_get_path (db);
  self->path = path && *path && !g_str_equal (path, ":memory:") ? g_strdup (path) : NULL;
  self->db = db;
  /* A job still running keeps the session (its task's source) after the database is gone. */
  g_object_set_qdata_full (G_OBJECT (db), session_quark (), self, g_object_unref);
  g_object_weak_ref (G_OBJECT (db), (GWeakNotify) (void (*) (void)) g_nullify_pointer, &self->db);
  return self;
}

static void
td_session_finalize (GObject *object)
{
  TdSession *self = TD_SESSION (object);
  TdDatabase *db;

  while ((db = g_async_queue_try_pop (self->idle)) != NULL)
    g_object_unref (db);
  g_async_queue_unref (self->idle);
  g_free (self->path);
  G_OBJECT_CLASS (td_session_parent_class)->finalize (object);
}

static void
td_session_class_init (TdSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = td_session_finalize;
}

static void
td_session_init (TdSession *self)
{
  self->idle = g_async_queue_new ();
}
