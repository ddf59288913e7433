/* td-sandbox.c: what the helper processes share.
 *
 * Untrusted files (evidence PDFs, spreadsheets) are opened by libraries that will always have
 * inputs that crash them or make them run away with memory.  They run in helper processes
 * that limit themselves first; the app reads their answer and survives their death. */
#include "config.h"

#include <sys/resource.h>
#include <unistd.h>

#include "td-sandbox.h"

/* Gone with the app, whatever happens to it.  PR_SET_PDEATHSIG would fire when the app's
 * *thread* that started us ends (a worker of a thread pool does), so a watcher thread looks
 * at who the parent is instead. */
static gpointer
watch_parent (gpointer data)
{
  pid_t parent = GPOINTER_TO_INT (data);

  for (;;)
    {
      g_usleep (G_USEC_PER_SEC / 2);
      if (getppid () != parent)
        _exit (1);
    }
  return NULL;
}

void
td_sandbox_limit_self (guint   cpu_seconds,
                       guint64 address_space)
{
  struct rlimit none = { 0, 0 };
  struct rlimit cpu = { cpu_seconds, cpu_seconds + 5 };

  g_thread_unref (g_thread_new ("parent-watch", watch_parent, GINT_TO_POINTER (getppid ())));
  setrlimit (RLIMIT_CORE, &none);
  setrlimit (RLIMIT_CPU, &cpu);
#if !defined(__SANITIZE_ADDRESS__)
  {
    struct rlimit as = { address_space, address_space };
    setrlimit (RLIMIT_AS, &as);
  }
#else
  (void) address_space;
#endif
}

char *
td_sandbox_find_helper (const char *env_var,
                        const char *subdir,
                        const char *name)
{
  const char *env = g_getenv (env_var);
  g_autofree char *installed = g_build_filename (LIBEXECDIR, name, NULL);
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;

  if (env && *env)
    return g_strdup (env);
  if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&installed);
  /* A program run from its build tree (src/gui, src/cli, bench, tests): the helper is built in
   * src/@subdir of the same tree. */
  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = self ? g_path_get_dirname (self) : NULL;
  for (int up = 0; dir && up < 3; up++)
    {
      g_autofree char *candidate = g_build_filename (dir, "src", subdir, name, NULL);
      g_autofree char *parent = NULL;

      if (g_file_test (candidate, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&candidate);
      parent = g_path_get_dirname (dir);
      g_free (dir);
      dir = g_steal_pointer (&parent);
    }
  return NULL;
}
