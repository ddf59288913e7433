/* test-helper-stress.c: the PDF helper's life cycle under fire.
 *
 * Thousands of page requests go to a few documents at once (page caches moving around, page
 * renders started and cancelled, caches and documents dropped while a page is being drawn,
 * text asked for on the main thread) while a thread of this test kills the helper processes
 * at random moments: SIGKILL, SIGABRT (what cairo's assertion does on a hostile PDF) and
 * SIGSTOP (a helper that hangs until the page's time budget runs out and it is killed).
 * Every request must come back, with its page or with a reason; afterwards every document
 * draws again and no helper is left behind.  Nothing here waits on time: the storm ends after
 * a number of requests, and each wait is for the event it needs, bounded only as a guard. */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "td-page-cache.h"
#include "td-pdf-document.h"
#include "td-pdf-helper.h"
#include "td-test-util.h"

#define N_SLOTS     4
#define N_PAGES     6
/* Under AddressSanitizer every helper start costs several times as much (its runtime and
 * shadow memory), and a storm of the same size ran past half an hour on a loaded machine: fewer
 * requests and a slower killer there, the same paths. */
#if defined(__SANITIZE_ADDRESS__)
#define N_REQUESTS  600
#define KILL_EVERY_MS_MIN 60
#define KILL_EVERY_MS_MAX 200
#else
#define N_REQUESTS  2000
#define KILL_EVERY_MS_MIN 15
#define KILL_EVERY_MS_MAX 60
#endif

/* The helpers that are our own children: pid, and whether each is a zombie. */
static GArray *
helper_children (gboolean zombies_only)
{
  GArray *pids = g_array_new (FALSE, FALSE, sizeof (int));
  DIR *proc = opendir ("/proc");
  struct dirent *d;
  int self = getpid ();

  while (proc && (d = readdir (proc)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stat = NULL;
      const char *close_paren;
      char state;
      int ppid;

      if (!g_ascii_isdigit (d->d_name[0]))
        continue;
      path = g_strdup_printf ("/proc/%s/stat", d->d_name);
      /* "pid (comm) state ppid …"; comm may hold spaces, so read from the last parenthesis. */
      if (!g_file_get_contents (path, &stat, NULL, NULL) || strstr (stat, "(thidua-pdf-hel") == NULL ||
          (close_paren = strrchr (stat, ')')) == NULL || sscanf (close_paren + 1, " %c %d", &state, &ppid) != 2 ||
          ppid != self || (zombies_only && state != 'Z'))
        continue;
      {
        int pid = atoi (d->d_name);
        g_array_append_val (pids, pid);
      }
    }
  if (proc)
    closedir (proc);
  return pids;
}

typedef struct {
  gint  stop;
  guint kills;
  guint aborts;
  guint stops;
} Killer;

static gpointer
killer_main (gpointer data)
{
  Killer *k = data;
  GRand *rand = g_rand_new_with_seed (g_test_rand_int ());

  while (!g_atomic_int_get (&k->stop))
    {
      g_autoptr(GArray) pids = helper_children (FALSE);

      g_usleep (g_rand_int_range (rand, KILL_EVERY_MS_MIN, KILL_EVERY_MS_MAX) * 1000);
      if (pids->len == 0)
        continue;
      {
        int pid = g_array_index (pids, int, g_rand_int_range (rand, 0, pids->len));

        int pick = g_rand_int_range (rand, 0, 20);

        /* Stopped helpers are the slow case (each holds its request for the page's budget):
         * fewer of them, so that the storm stays within a test's time. */
        if (pick < 10 && kill (pid, SIGKILL) == 0)
          k->kills++;
        else if (pick >= 10 && pick < 17 && kill (pid, SIGABRT) == 0)
          k->aborts++;
        else if (pick >= 17 && kill (pid, SIGSTOP) == 0)
          k->stops++;
      }
    }
  g_rand_free (rand);
  return NULL;
}

typedef struct {
  TdPdfDocument *doc;
  TdPageCache   *cache;
} Slot;

typedef struct {
  guint pages_ready;
  guint pages_failed;
  guint renders_out;      /* render_async calls not yet answered */
  guint renders_done;
  guint renders_failed;
  guint renders_cancelled;
  guint opens_failed;
} Tally;

static void
page_ready_cb (TdPageCache *cache,
               int          page,
               Tally       *tally)
{
  if (td_page_cache_get_error (cache, page) != NULL)
    tally->pages_failed++;
  else
    tally->pages_ready++;
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Tally *tally = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = td_pdf_document_render_finish (TD_PDF_DOCUMENT (source), result, &error);

  tally->renders_out--;
  if (surface != NULL)
    {
      /* Pixels that are there to read: the mapping is whole. */
      g_assert_cmpint (cairo_image_surface_get_width (surface), >, 0);
      g_assert_cmpuint (cairo_image_surface_get_data (surface)[0] | 0xff, ==, 0xff);
      tally->renders_done++;
      cairo_surface_destroy (surface);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    tally->renders_cancelled++;
  else
    {
      g_assert_true (error->domain == TD_PDF_ERROR);
      tally->renders_failed++;
    }
}

static void
slot_clear (Slot *slot)
{
  if (slot->cache)
    g_signal_handlers_disconnect_matched (slot->cache, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, page_ready_cb, NULL);
  /* Dropped while its worker may be drawing: the drop waits for that page, then lets go. */
  g_clear_object (&slot->cache);
  g_clear_object (&slot->doc);
}

static void
slot_open (Slot   *slot,
           GBytes *pdf,
           Tally  *tally)
{
  g_autoptr(GError) error = NULL;

  slot_clear (slot);
  slot->doc = td_pdf_document_new (pdf, NULL, &error);
  if (slot->doc == NULL)
    {
      /* The helper was killed while it opened the file: said, not crashed. */
      g_assert_true (error->domain == TD_PDF_ERROR);
      tally->opens_failed++;
      return;
    }
  g_assert_cmpint (td_pdf_document_get_n_pages (slot->doc), ==, N_PAGES);
  slot->cache = td_page_cache_new (slot->doc, 8 << 20);
  g_signal_connect (slot->cache, "page-ready", G_CALLBACK (page_ready_cb), tally);
  td_page_cache_set_scale (slot->cache, 0.25);
}

static void
test_helpers_killed_at_random (void)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Minh chứng", "Trang có chữ để vẽ và tìm.", N_PAGES);
  g_autoptr(GPtrArray) cancellables = g_ptr_array_new_with_free_func (g_object_unref);
  Slot slots[N_SLOTS] = { { 0 } };
  Tally tally = { 0 };
  Killer killer = { 0 };
  GThread *thread;
  guint requests = 0;
  gint64 guard;

  for (int i = 0; i < N_SLOTS; i++)
    slot_open (&slots[i], pdf, &tally);
  thread = g_thread_new ("killer", killer_main, &killer);

  while (requests < N_REQUESTS)
    {
      Slot *slot = &slots[g_test_rand_int_range (0, N_SLOTS)];
      int pick = g_test_rand_int_range (0, 100);

      if (slot->doc == NULL || pick < 3)
        slot_open (slot, pdf, &tally);
      else if (pick < 50)
        {
          td_page_cache_set_current (slot->cache, g_test_rand_int_range (0, N_PAGES));
          requests++;
        }
      else if (pick < 55)
        {
          td_page_cache_set_scale (slot->cache, g_test_rand_bit () ? 0.25 : 0.3);
          requests++;
        }
      else if (pick < 85)
        {
          GCancellable *cancellable = g_cancellable_new ();

          td_pdf_document_render_async (slot->doc, g_test_rand_int_range (0, N_PAGES), 0.2, 1 << 20, cancellable,
                                        rendered_cb, &tally);
          tally.renders_out++;
          requests++;
          g_ptr_array_add (cancellables, cancellable);
        }
      else if (pick < 95 && cancellables->len > 0)
        g_cancellable_cancel (g_ptr_array_index (cancellables, g_test_rand_int_range (0, cancellables->len)));
      else
        {
          /* The text helper, asked on this (the main) thread as the search bar does. */
          g_free (td_pdf_document_get_text (slot->doc, g_test_rand_int_range (0, N_PAGES)));
          requests++;
        }
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (cancellables->len > 64)
        g_ptr_array_remove_range (cancellables, 0, 32);
    }

  g_atomic_int_set (&killer.stop, TRUE);
  g_thread_join (thread);
  g_test_message ("%u requests; helpers killed %u, aborted %u, stopped %u times", requests, killer.kills,
                  killer.aborts, killer.stops);
  /* A stopped helper may still be stopped: it is killed when its time budget runs out. */
  for (int i = 0; i < N_SLOTS; i++)
    slot_clear (&slots[i]);

  /* Every render asked for comes back: drawn, refused with a reason, or cancelled.  The guard
   * is far above the longest wait (a page's budget per request in the pool's queue). */
  guard = g_get_monotonic_time () + 300 * G_USEC_PER_SEC;
  while (tally.renders_out > 0 && g_get_monotonic_time () < guard)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (tally.renders_out, ==, 0);
  g_test_message ("pages %u drawn, %u failed; renders %u drawn, %u failed, %u cancelled; %u openings failed",
                  tally.pages_ready, tally.pages_failed, tally.renders_done, tally.renders_failed,
                  tally.renders_cancelled, tally.opens_failed);
  g_assert_cmpuint (tally.renders_done + tally.pages_ready, >, 0);

  /* The storm over, every document draws every page again.  A page may still meet a helper
   * the storm left stopped or dying, or a machine too busy for the short budget: a few tries,
   * never a wrong answer. */
  for (int i = 0; i < N_SLOTS; i++)
    {
      g_autoptr(TdPdfDocument) doc = NULL;

      for (int attempt = 0; doc == NULL && attempt < 10; attempt++)
        doc = td_pdf_document_new (pdf, NULL, NULL);
      g_assert_nonnull (doc);
      for (int p = 0; p < N_PAGES; p++)
        {
          cairo_surface_t *surface = NULL;

          for (int attempt = 0; surface == NULL && attempt < 10; attempt++)
            surface = td_pdf_document_render (doc, p, 0.25, TD_PDF_MAX_PIXELS, NULL, NULL);
          g_assert_nonnull (surface);
          g_assert_cmpint (cairo_image_surface_get_width (surface), >, 0);
          cairo_surface_destroy (surface);
        }
    }

  /* Nothing left behind: every killed helper was reaped, and no helper runs but the spare.
   * A page cache dropped while a page was on its way lives until that delivery has run in the
   * main loop, so the loop runs here too. */
  guard = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  for (;;)
    {
      g_autoptr(GArray) zombies = NULL;
      g_autoptr(GArray) all = NULL;

      while (g_main_context_iteration (NULL, FALSE))
        ;
      zombies = helper_children (TRUE);
      all = helper_children (FALSE);

      if ((zombies->len == 0 && all->len <= 1) || g_get_monotonic_time () > guard)
        {
          g_assert_cmpuint (zombies->len, ==, 0);
          g_assert_cmpuint (all->len, <=, 1);
          break;
        }
      g_usleep (20 * 1000);
    }
}

/* Each helper runs under its system-call filter: it cannot write a file, run a program or open
 * a socket, and still reads (issue 34).  A build without the filter (AddressSanitizer, no
 * libseccomp) must say so for every case of both helpers. */
static void
test_helpers_filtered (void)
{
  const char *helpers[] = { g_getenv ("THIDUA_PDF_HELPER"), g_getenv ("THIDUA_SHEET_HELPER") };
  const struct { const char *what; int signal; } cases[] = { { "read", 0 }, { "write", 0 }, { "exec", SIGSYS },
                                                             { "socket", SIGSYS } };
  gboolean filtered = FALSE, unfiltered = FALSE;

  for (guint h = 0; h < G_N_ELEMENTS (helpers); h++)
    {
      if (helpers[h] == NULL)
        {
          g_test_skip ("the helpers are not named in the environment");
          return;
        }
      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        {
          const char *argv[] = { helpers[h], "--sandbox-test", cases[c].what, NULL };
          g_autoptr(GError) error = NULL;
          int status = 0;

          g_test_message ("%s --sandbox-test %s", helpers[h], cases[c].what);
          g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                                       &status, &error));
          g_assert_no_error (error);
          /* A build without the filter (AddressSanitizer, or no libseccomp) says so for every
           * case, and every helper alike: nothing is half filtered. */
          if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
            {
              g_assert_false (filtered);
              unfiltered = TRUE;
              continue;
            }
          g_assert_false (unfiltered);
          filtered = TRUE;
          if (cases[c].signal)
            {
              g_assert_true (WIFSIGNALED (status));
              g_assert_cmpint (WTERMSIG (status), ==, cases[c].signal);
            }
          else
            {
              g_assert_true (WIFEXITED (status));
              g_assert_cmpint (WEXITSTATUS (status), ==, 0);
            }
        }
    }
  g_assert_false (g_file_test ("/tmp/thidua-sandbox-test", G_FILE_TEST_EXISTS));
  if (unfiltered)
    g_test_message ("no system-call filter in this build (AddressSanitizer, or no libseccomp): each helper said so");
}

int
main (int argc, char **argv)
{
  /* A short page budget, so that a stopped helper is replaced soon; set before any thread. */
  g_setenv ("THIDUA_PDF_PAGE_TIMEOUT", "1500", FALSE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/helper-stress/helpers-killed-at-random", test_helpers_killed_at_random);
  g_test_add_func ("/helper-stress/helpers-filtered", test_helpers_filtered);
  return g_test_run ();
}
