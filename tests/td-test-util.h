/* td-test-util.h: helpers shared by the test programs. */
#pragma once

#include <glib/gstdio.h>

#include "td-core.h"

/* A fresh directory under the test's temporary directory, removed by td_test_cleanup_dir(). */
static inline char *
td_test_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("thidua-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
td_test_cleanup_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (dir);
}

/* A new database with the built-in campaign. */
static inline TdDatabase *
td_test_open_seeded (const char *dir,
                     const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  TdDatabase *db = td_database_open (path, &error);

  g_assert_no_error (error);
  td_database_set_actor (db, "Người kiểm thử");
  td_catalog_ensure_seed (db, &error);
  g_assert_no_error (error);
  return db;
}

static inline GBytes *
td_test_read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static inline gboolean
td_test_set_true (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds: lets widgets lay out, draw and finish async work. */
static inline void
td_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, td_test_set_true, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
