/* test-session.c: a database's session runs jobs on worker threads with connections of its own,
 * opened once and reused, and hands the results back on the main thread. */
#include "td-session.h"
#include "td-test-util.h"

typedef struct {
  GMainLoop *loop;
  guint      pending;
  GPtrArray *results;
  GError    *error;
} Wait;

static void
done_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;
  GError *error = NULL;
  char *value = td_session_run_finish (TD_SESSION (source), result, &error);

  /* Results come back on the main thread. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  if (value != NULL)
    g_ptr_array_add (w->results, value);
  else if (w->error == NULL)
    w->error = error;
  else
    g_error_free (error);
  if (--w->pending == 0)
    g_main_loop_quit (w->loop);
}

static void
wait_for (Wait  *w)
{
  if (w->pending > 0)
    g_main_loop_run (w->loop);
}

/* The job: the campaign's id read on the worker's own connection, with who it acts as. */
static gpointer
read_job (TdDatabase    *db,
          gpointer       data,
          GCancellable  *cancellable,
          GError       **error)
{
  g_autofree char *campaign = td_database_get_meta (db, "campaign");

  if (data != NULL && GPOINTER_TO_INT (data) == 13)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "thirteen");
      return NULL;
    }
  return g_strdup_printf ("%s by %s on %s", campaign, td_database_get_actor (db),
                          g_thread_self () == (GThread *) data ? "main" : "worker");
}

static Wait *
wait_new (void)
{
  Wait *w = g_new0 (Wait, 1);

  w->loop = g_main_loop_new (NULL, FALSE);
  w->results = g_ptr_array_new_with_free_func (g_free);
  return w;
}

static void
wait_free (Wait *w)
{
  g_main_loop_unref (w->loop);
  g_ptr_array_unref (w->results);
  g_clear_error (&w->error);
  g_free (w);
}

static void
test_jobs_reuse_connections (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "session.db");
  TdSession *session = td_session_get (db);
  Wait *w = wait_new ();

  g_assert_true (td_session_get (db) == session);
  td_database_set_actor (db, "Ban Thi đua");
  /* One after the other: one connection, opened once. */
  for (guint i = 0; i < 10; i++)
    {
      w->pending = 1;
      td_session_run_async (session, read_job, NULL, NULL, g_free, NULL, done_cb, w);
      wait_for (w);
    }
  g_assert_cmpuint (w->results->len, ==, 10);
  g_assert_cmpuint (td_session_get_n_connections (session), ==, 1);
  g_assert_true (g_str_has_suffix (w->results->pdata[0], " by Ban Thi đua on worker"));
  g_assert_false (g_str_has_prefix (w->results->pdata[0], "(null)"));
  /* At once: never more connections than jobs, every result back. */
  w->pending = 8;
  for (guint i = 0; i < 8; i++)
    td_session_run_async (session, read_job, NULL, NULL, g_free, NULL, done_cb, w);
  wait_for (w);
  g_assert_cmpuint (w->results->len, ==, 18);
  g_assert_cmpuint (td_session_get_n_connections (session), <=, 8);
  g_assert_no_error (w->error);
  wait_free (w);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_error_and_gone_database (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "session.db");
  Wait *w = wait_new ();

  w->pending = 2;
  td_session_run_async (td_session_get (db), read_job, GINT_TO_POINTER (13), NULL, g_free, NULL, done_cb, w);
  td_session_run_async (td_session_get (db), read_job, NULL, NULL, g_free, NULL, done_cb, w);
  /* The window lets go of its database while the jobs run: they finish all the same. */
  g_object_unref (db);
  wait_for (w);
  g_assert_error (w->error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpuint (w->results->len, ==, 1);
  wait_free (w);
  td_test_cleanup_dir (dir);
}

static void
test_memory_database (void)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (":memory:", &error);
  Wait *w = wait_new ();

  g_assert_no_error (error);
  td_catalog_ensure_seed (db, &error);
  w->pending = 1;
  /* No file for a second connection: the job runs on the main thread's. */
  td_session_run_async (td_session_get (db), read_job, g_thread_self (), NULL, g_free, NULL, done_cb, w);
  wait_for (w);
  g_assert_cmpuint (w->results->len, ==, 1);
  g_assert_true (g_str_has_suffix (w->results->pdata[0], " on main"));
  g_assert_cmpuint (td_session_get_n_connections (td_session_get (db)), ==, 0);
  wait_free (w);
  g_assert_finalize_object (db);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/session/jobs-reuse-connections", test_jobs_reuse_connections);
  g_test_add_func ("/session/error-and-gone-database", test_error_and_gone_database);
  g_test_add_func ("/session/memory-database", test_memory_database);
  return g_test_run ();
}
