/* test-kill.c: a process saving values is killed with SIGKILL at random moments; every value
 * whose save was reported done is there afterwards, and the file is intact. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "td-test-util.h"

/* The child: saves numerator i for target (i % 18) + 1 and reports i once the save returned. */
static void G_GNUC_NORETURN
writer (const char *path,
        int         fd)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (path, &error);
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, &error);
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, "X-K", &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 2, &error);
  gint64 a = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);

  for (guint32 i = 1; ; i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, i % 18);
      TdValue v = { .has_numerator = TRUE, .numerator = i, .has_denominator = TRUE, .denominator = 1000000000 };

      if (!td_assessment_set_value (db, a, t, &v, &error))
        _exit (3);
      if (write (fd, &i, sizeof i) != sizeof i)
        _exit (4);
    }
}

static void
test_kill_while_saving (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);

  for (int run = 0; run < 6; run++)
    {
      g_autofree char *dir = td_test_make_dir ();
      g_autofree char *path = g_build_filename (dir, "kill.db", NULL);
      g_autoptr(GError) error = NULL;
      guint32 last_done[18] = { 0 };
      guint32 reported = 0, stop_after = (guint32) g_rand_int_range (rand, 20, 400);
      TdDatabase *db;
      int fds[2];
      pid_t child;

      db = td_test_open_seeded (dir, "kill.db");
      g_object_unref (td_catalog_add_unit (db, "X-K", "Xã K", TD_UNIT_KIND_COMMUNE, NULL, &error));
      g_assert_finalize_object (db);

      g_assert_cmpint (pipe (fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          writer (path, fds[1]);
        }
      close (fds[1]);

      /* Read reports until the chosen moment, then a random few hundred microseconds more so
       * that the kill lands anywhere inside a save, not only between two. */
      while (reported < stop_after)
        {
          guint32 i;
          g_assert_cmpint (read (fds[0], &i, sizeof i), ==, sizeof i);
          last_done[i % 18] = i;
          reported = i;
        }
      g_usleep (g_rand_int_range (rand, 0, 800));
      kill (child, SIGKILL);
      waitpid (child, NULL, 0);
      /* Reports already in the pipe were done too. */
      {
        guint32 i;
        while (read (fds[0], &i, sizeof i) == sizeof i)
          last_done[i % 18] = i;
      }
      close (fds[0]);

      db = td_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (td_database_check_integrity (db, &error));
      {
        g_autoptr(GListModel) targets = td_catalog_list_targets (db, &error);
        g_autoptr(TdUnit) unit = td_catalog_find_unit (db, "X-K", &error);
        g_autoptr(TdRound) round = td_catalog_find_round (db, 2, &error);
        g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), &error);
        g_autoptr(GHashTable) values = td_assessment_load_values (db, info->id, &error);

        for (guint k = 0; k < 18; k++)
          {
            g_autoptr(TdTarget) t = g_list_model_get_item (targets, k);
            gint64 id = td_target_get_id (t);
            TdValue *v = g_hash_table_lookup (values, &id);

            if (last_done[k] == 0)
              continue;
            g_assert_nonnull (v);
            /* At least what was reported: the save in flight may or may not be there. */
            g_assert_cmpint (v->numerator, >=, last_done[k]);
          }
      }
      g_test_message ("run %d: killed after %u saves reported", run, reported);
      g_assert_finalize_object (db);
      td_test_cleanup_dir (dir);
    }
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kill/while-saving", test_kill_while_saving);
  return g_test_run ();
}
