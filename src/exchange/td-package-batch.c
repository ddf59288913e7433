/* td-package-batch.c: many packages checked or imported, the next read while one is written
 * (see td-package.h). */
#include "config.h"

#include "td-package-read.h"
#include "td-session.h"

void
td_package_outcome_free (TdPackageOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->path);
  td_package_preview_free (outcome->preview);
  g_free (outcome->error);
  g_free (outcome);
}

/* Reading a package (its schema, rows, digests, every PDF drawn in the helpers) and writing it
 * (sqlite copying the evidence into the WAL, then into the file) take about as long each, and
 * neither needs the other's result until the write: the next file is read on a thread of its
 * own, with its own connection, while this one is written.  Every check that depends on what
 * is stored (is it new, a revision, the same?) is made again inside the write's transaction
 * (td_package_take), so a file read ahead sees nothing stale. */
typedef struct {
  TdDatabase *db;
  const char *path;
  gsize       max_size;
  Package    *package;
  GError     *error;
} ReadAhead;

static gpointer
read_ahead_thread (gpointer data)
{
  ReadAhead *r = data;

  r->package = td_package_read (r->db, r->path, r->max_size, &r->error);
  return NULL;
}

GPtrArray *
td_packages_run (TdDatabase            *db,
                 const char * const    *paths,
                 gboolean               import,
                 gsize                  max_evidence_size,
                 GCancellable          *cancellable,
                 TdPackageProgressFunc  progress,
                 gpointer               progress_data)
{
  g_autoptr(GPtrArray) outcomes = g_ptr_array_new_with_free_func ((GDestroyNotify) td_package_outcome_free);
  guint total = g_strv_length ((char **) paths);
  /* A second connection for the reader, when there is a next file to read; without one (a
   * database only in memory) the files are read in turn on this thread. */
  g_autoptr(TdDatabase) reader = total > 1 ? td_database_open (td_database_get_path (db), NULL) : NULL;
  ReadAhead ahead[2] = { { 0 } };
  GThread *thread = NULL;

  for (guint i = 0; i < total && !g_cancellable_is_cancelled (cancellable); i++)
    {
      ReadAhead *r = &ahead[i % 2], *next = &ahead[(i + 1) % 2];
      TdPackageOutcome *o = g_new0 (TdPackageOutcome, 1);
      g_autoptr(GError) local = NULL;

      if (thread != NULL)
        {
          g_thread_join (thread);
          thread = NULL;
        }
      else
        {
          *r = (ReadAhead) { .db = reader ? reader : db, .path = paths[i], .max_size = max_evidence_size };
          read_ahead_thread (r);
        }
      if (reader != NULL && i + 1 < total && !g_cancellable_is_cancelled (cancellable))
        {
          *next = (ReadAhead) { .db = reader, .path = paths[i + 1], .max_size = max_evidence_size };
          thread = g_thread_new ("thidua-read", read_ahead_thread, next);
        }

      o->path = g_strdup (paths[i]);
      if (r->package != NULL)
        o->preview = td_package_take (r->package, db, import, &local);
      else
        local = g_steal_pointer (&r->error);
      g_clear_pointer (&r->package, td_package_data_free);
      o->error = local ? g_strdup (local->message) : NULL;
      g_ptr_array_add (outcomes, o);
      if (progress)
        progress (i + 1, total, progress_data);
    }
  /* Cancelled with a file read ahead: it is dropped unwritten. */
  if (thread != NULL)
    {
      ReadAhead *r = &ahead[outcomes->len % 2];

      g_thread_join (thread);
      g_clear_pointer (&r->package, td_package_data_free);
      g_clear_error (&r->error);
    }
  return g_steal_pointer (&outcomes);
}

typedef struct {
  GStrv                  paths;
  gboolean               import;
  gsize                  max_size;
  TdPackageProgressFunc  progress;
  gpointer               progress_data;
} BatchJob;

static void
batch_job_free (BatchJob *job)
{
  g_strfreev (job->paths);
  g_free (job);
}

static gpointer
batch_job (TdDatabase    *db,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  BatchJob *job = data;

  return td_packages_run (db, (const char * const *) job->paths, job->import, job->max_size, cancellable,
                          job->progress, job->progress_data);
}

void
td_packages_run_async (TdDatabase            *db,
                       const char * const    *paths,
                       gboolean               import,
                       gsize                  max_evidence_size,
                       GCancellable          *cancellable,
                       TdPackageProgressFunc  progress,
                       gpointer               progress_data,
                       GAsyncReadyCallback    callback,
                       gpointer               user_data)
{
  BatchJob *job = g_new0 (BatchJob, 1);

  job->paths = g_strdupv ((char **) paths);
  job->import = import;
  job->max_size = max_evidence_size;
  job->progress = progress;
  job->progress_data = progress_data;
  td_session_run_async (td_session_get (db), batch_job, job, (GDestroyNotify) batch_job_free,
                        (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
td_packages_run_finish (GAsyncResult  *result,
                        GError       **error)
{
  return td_session_propagate (result, error);
}
