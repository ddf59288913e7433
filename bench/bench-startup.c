/* bench-startup.c: time from starting the app to its first frame on screen.
 *
 * The app (build/src/gui/thidua) on the sample database, beside a bare AdwApplication that
 * shows an AdwApplicationWindow with a header bar and a status page's two lines of Vietnamese
 * text (this program with --bare): both started
 * as new processes, alternately, each told by $THIDUA_FIRST_FRAME_EXIT to print the monotonic
 * time of its first painted frame and of its second, and quit.  The app shows the form's
 * targets from its second frame on (td-assessment-page.c): the time to that one, the form
 * whole, is printed beside the first.  Medians of the runs; the first of each is not
 * counted (it fills the disk cache).  Without a display it starts its own Xvfb.  Both run with
 * the accessibility bus and the portals off (GTK_A11Y=none, GDK_DEBUG=no-portals): neither
 * exists under a bare Xvfb, and waiting for them would be measured instead of the app.
 *
 *   build-aux/dev exec build/bench/bench-startup [--runs N] */
#include <adwaita.h>
#include <stdio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "td-core.h"
#include "td-demo.h"
#include "td-first-frames.h"
#include "td-pdf-check.h"
#include "bench-util.h"

static int n_runs = 9;

/* The bare window. */

static void
bare_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *view = adw_toolbar_view_new ();
  GtkWidget *status = adw_status_page_new ();

  /* Some text, as every real window has: the fonts are loaded for the first frame. */
  gtk_window_set_title (GTK_WINDOW (window), "Thi đua");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), "Chuyển đổi số");
  adw_status_page_set_description (ADW_STATUS_PAGE (status), "Tự đánh giá, minh chứng và khen thưởng");
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (view), adw_header_bar_new ());
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (view), status);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), view);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  td_first_frames_watch (GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_bare (void)
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.thidua.BenchBare", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (bare_activate_cb), NULL);
  return g_application_run (G_APPLICATION (app), 0, NULL);
}

/* The measurements. */

static double
frame_time (const char *out,
            const char *what,
            gint64      start,
            const char *program)
{
  const char *line = out ? strstr (out, what) : NULL;

  if (line == NULL)
    g_error ("%s printed no %s on display %s", program, what, g_getenv ("DISPLAY"));
  return (g_ascii_strtoll (line + strlen (what), NULL, 10) - start) / 1000.0;
}

/* Milliseconds from spawning @argv to its first frame, and to its second (@second). */
static double
time_to_first_frame (const char * const *argv,
                     double             *second)
{
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;
  int status;

  env = g_environ_setenv (env, "THIDUA_FIRST_FRAME_EXIT", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "GTK_A11Y", "none", TRUE);
  env = g_environ_setenv (env, "GDK_DEBUG", "no-portals", TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", THIDUA_SCHEMA_DIR, FALSE);
  env = g_environ_setenv (env, "THIDUA_PDF_HELPER", THIDUA_PDF_HELPER, FALSE);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, 0, NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s", error->message);
  *second = frame_time (out, "second-frame ", start, argv[0]);
  return frame_time (out, "first-frame ", start, argv[0]);
}

/* An Xvfb of our own when there is no display; its pid, or 0.  A display number whose socket
 * nobody holds: -displayfd alone may pick one whose socket another namespace's server made. */
static GPid
start_xvfb (void)
{
  if (g_getenv ("DISPLAY") || g_getenv ("WAYLAND_DISPLAY"))
    return 0;
  for (int number = 90; number < 140; number++)
    {
      g_autofree char *socket = g_strdup_printf ("/tmp/.X11-unix/X%d", number);
      g_autofree char *display = g_strdup_printf (":%d", number);
      const char *argv[] = { "Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp", "-noreset", NULL };
      GPid pid = 0;

      if (g_file_test (socket, G_FILE_TEST_EXISTS))
        continue;
      if (!g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD |
                          G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &pid, NULL))
        g_error ("no display, and Xvfb cannot start");
      /* Ready once its socket is there. */
      for (int i = 0; i < 100 && !g_file_test (socket, G_FILE_TEST_EXISTS); i++)
        g_usleep (50000);
      if (g_file_test (socket, G_FILE_TEST_EXISTS))
        {
          g_usleep (100000);
          g_setenv ("DISPLAY", display, TRUE);
          return pid;
        }
      kill (pid, SIGTERM);
    }
  g_error ("no display, and no Xvfb started");
}

int
main (int argc, char *argv[])
{
  GPid xvfb;
  gboolean bare = FALSE;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs, "Starts of each (the median is reported)", "N" },
    { "bare", 0, 0, G_OPTION_ARG_NONE, &bare, "Be the bare AdwApplication window", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL, *path = NULL, *self = NULL;
  g_autoptr(GArray) apps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bares = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) wholes = g_array_new (FALSE, FALSE, sizeof (double));
  double app_ms, bare_ms, whole_ms, unused;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (bare)
    return run_bare ();

  /* The sample province, as `build-aux/dev run` opens it. */
  td_pdf_checker_install ();
  dir = g_dir_make_tmp ("thidua-bench-XXXXXX", NULL);
  path = g_build_filename (dir, "demo.db", NULL);
  {
    g_autoptr(TdDatabase) db = td_database_open (path, &error);

    if (db == NULL || !td_demo_populate (db, &error))
      g_error ("%s", error->message);
  }
  self = g_file_read_link ("/proc/self/exe", NULL);
  xvfb = start_xvfb ();

  for (int run = 0; run <= n_runs; run++)
    {
      const char *app_argv[] = { THIDUA_APP, "--database", path, NULL };
      const char *bare_argv[] = { self ? self : argv[0], "--bare", NULL };
      double whole, a = time_to_first_frame (app_argv, &whole), b = time_to_first_frame (bare_argv, &unused);

      if (run == 0)
        continue;
      g_array_append_val (apps, a);
      g_array_append_val (bares, b);
      g_array_append_val (wholes, whole);
    }
  app_ms = bench_median (apps);
  bare_ms = bench_median (bares);
  whole_ms = bench_median (wholes);
  printf ("bench-startup: start to first frame, median of %d starts each\n", n_runs);
  printf ("  thidua on the sample database  %7.1f ms\n", app_ms);
  printf ("  bare AdwApplication window     %7.1f ms   (the limit)\n", bare_ms);
  printf ("  ratio   %.2f×   (aim ≤ 1.3×)\n", app_ms / bare_ms);
  printf ("  the form whole (thidua's second frame: its targets and standards)  %7.1f ms   %.2f× the bare window\n",
          whole_ms, whole_ms / bare_ms);
  if (xvfb > 0)
    kill (xvfb, SIGTERM);
  g_unlink (path);
  return 0;
}
