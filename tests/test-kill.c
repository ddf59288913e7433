/* test-kill.c: a process saving values, or importing the units' packages, is killed with
 * SIGKILL at random moments; everything reported done is there afterwards, nothing is there
 * half, and the file is intact. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "td-package.h"
#include "td-test-util.h"

#define N_PACKAGES 12

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

/* Every target filled, one evidence attached, submitted and exported: what a unit sends. */
static void
make_packages (const char *dir,
               char      **paths)
{
  TdDatabase *db = td_test_open_seeded (dir, "units.db");
  g_autoptr(GListModel) targets = td_catalog_list_targets (db, NULL);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 2, NULL);
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Biên bản kiểm tra", "Kết quả kiểm tra tại đơn vị", 2);
  g_autoptr(GError) error = NULL;

  for (int u = 0; u < N_PACKAGES; u++)
    {
      g_autofree char *code = g_strdup_printf ("X-%02d", u);
      g_autoptr(TdUnit) unit = td_catalog_add_unit (db, code, code, TD_UNIT_KIND_COMMUNE, NULL, &error);
      gint64 a = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);

      for (guint t = 0; t < g_list_model_get_n_items (targets); t++)
        {
          g_autoptr(TdTarget) target = g_list_model_get_item (targets, t);
          TdValue v = { 0 };

          if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX)
            v.has_index = TRUE, v.index_value = 0.5;
          else
            v.has_numerator = v.has_denominator = TRUE, v.numerator = 50 + u, v.denominator = 100;
          g_assert_true (td_assessment_set_value (db, a, target, &v, &error));
          if (t == 0)
            {
              TdEvidenceOwner owner = { .assessment_id = a, .target_id = td_target_get_id (target) };
              g_assert_cmpint (td_evidence_attach (db, pdf, "bien-ban.pdf", &owner, 0, &error), >, 0);
            }
        }
      g_assert_true (td_assessment_set_status (db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error));
      paths[u] = g_strdup_printf ("%s/%s.thidua", dir, code);
      g_assert_true (td_package_export (db, code, 2, paths[u], &error));
    }
  g_assert_finalize_object (db);
}

static void G_GNUC_NORETURN
importer (const char  *path,
          char       **packages,
          int          fd)
{
  g_autoptr(GError) error = NULL;
  TdDatabase *db = td_database_open (path, &error);

  for (guint32 i = 0; i < N_PACKAGES; i++)
    {
      TdPackagePreview *preview = td_package_import (db, packages[i], 0, &error);

      if (preview == NULL)
        _exit (3);
      if (write (fd, &i, sizeof i) != sizeof i)
        _exit (4);
    }
  /* Done before the kill: wait for it, like a clerk leaving the app open. */
  for (;;)
    pause ();
}

/* All of a package or none of it: either no self-assessment for the unit, or a received one
 * with every value and its evidence. */
static gboolean
unit_imported (TdDatabase *db,
               int         u)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = g_strdup_printf ("X-%02d", u);
  g_autoptr(TdUnit) unit = td_catalog_find_unit (db, code, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 2, &error);
  g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GPtrArray) evidence = NULL;

  g_assert_no_error (error);
  if (info == NULL)
    return FALSE;
  values = td_assessment_load_values (db, info->id, &error);
  evidence = td_evidence_list_for_assessment (db, info->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_RECEIVED);
  g_assert_cmpuint (g_hash_table_size (values), ==, 19);
  g_assert_cmpuint (evidence->len, ==, 1);
  return TRUE;
}

static void
test_kill_while_importing (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261127);
  g_autofree char *dir = td_test_make_dir ();
  char *packages[N_PACKAGES] = { NULL };

  make_packages (dir, packages);
  for (int run = 0; run < 8; run++)
    {
      g_autofree char *name = g_strdup_printf ("province-%d.db", run);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      int reported = -1, stop_after = g_rand_int_range (rand, -1, N_PACKAGES - 1);
      guint n_imported = 0;
      TdDatabase *db;
      int fds[2];
      pid_t child;

      db = td_test_open_seeded (dir, name);
      for (int u = 0; u < N_PACKAGES; u++)
        {
          g_autofree char *code = g_strdup_printf ("X-%02d", u);
          g_object_unref (td_catalog_add_unit (db, code, code, TD_UNIT_KIND_COMMUNE, NULL, &error));
        }
      g_assert_finalize_object (db);

      g_assert_cmpint (pipe (fds), ==, 0);
      child = fork ();
      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          close (fds[0]);
          importer (path, packages, fds[1]);
        }
      close (fds[1]);
      while (reported < stop_after)
        {
          guint32 i;
          g_assert_cmpint (read (fds[0], &i, sizeof i), ==, sizeof i);
          reported = (int) i;
        }
      /* Somewhere inside the next import, or the one after. */
      g_usleep (g_rand_int_range (rand, 0, 6000));
      kill (child, SIGKILL);
      waitpid (child, NULL, 0);
      {
        guint32 i;
        while (read (fds[0], &i, sizeof i) == sizeof i)
          reported = (int) i;
      }
      close (fds[0]);

      db = td_database_open (path, &error);
      g_assert_no_error (error);
      g_assert_true (td_database_check_integrity (db, &error));
      /* Packages go in order: those reported are in, then at most one more, then none. */
      for (int u = 0; u < N_PACKAGES; u++)
        {
          gboolean in = unit_imported (db, u);

          if (u <= reported)
            g_assert_true (in);
          else if (u > reported + 1)
            g_assert_false (in);
          n_imported += in;
        }
      g_test_message ("run %d: killed with %u of %d packages imported", run, n_imported, N_PACKAGES);
      g_assert_finalize_object (db);
    }
  for (int u = 0; u < N_PACKAGES; u++)
    g_free (packages[u]);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kill/while-saving", test_kill_while_saving);
  g_test_add_func ("/kill/while-importing", test_kill_while_importing);
  return g_test_run ();
}
