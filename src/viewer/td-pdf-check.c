/* td-pdf-check.c: an evidence PDF is checked by drawing it, not only by opening it.
 *
 * Opening proves little: a 972-byte file with a Type 3 font whose glyph draws itself opens
 * fine and aborts cairo when a page is drawn.  Each page is therefore drawn at thumbnail size
 * in a helper process, under the same limits as the viewer's, before the file is accepted. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "td-evidence.h"
#include "td-pdf-check.h"
#include "td-pdf-document.h"
#include "td-pdf-helper.h"

/* About 200 × 280 pixels an A4 page: enough to run every drawing operator. */
#define CHECK_PIXELS (200 * 280)

/* Warm helper processes check the files, each file in one helper: starting a process per file
 * cost more than the drawing itself in bench-import.  As many as the machine has processors
 * (at most four), so that an import checks its files side by side.  A helper a file kills is
 * replaced. */
#define MAX_WARM 4

static TdPdfHelper *warm[MAX_WARM];
static gboolean warm_busy[MAX_WARM];
static pid_t warm_owner;      /* the process that started them: a fork()ed child starts its own */
static GMutex warm_lock;
static GCond warm_free;

static gboolean check_pages (TdPdfHelper *helper, GError *local, int *n_pages, GError **error);

/* A helper slot of our own, waiting for one when all are busy. */
static int
take_slot (void)
{
  int n = CLAMP ((int) g_get_num_processors (), 1, MAX_WARM);
  int slot = -1;

  g_mutex_lock (&warm_lock);
  if (warm_owner != getpid ())
    {
      for (int i = 0; i < MAX_WARM; i++)
        {
          /* The parent's helpers, inherited through fork(): not ours to talk to. */
          if (warm[i] != NULL)
            td_pdf_helper_abandon (warm[i]);
          warm[i] = NULL;
          warm_busy[i] = FALSE;
        }
      warm_owner = getpid ();
    }
  while (slot < 0)
    {
      for (int i = 0; i < n && slot < 0; i++)
        if (!warm_busy[i])
          slot = i;
      if (slot < 0)
        g_cond_wait (&warm_free, &warm_lock);
    }
  warm_busy[slot] = TRUE;
  g_mutex_unlock (&warm_lock);
  return slot;
}

static void
give_back (int slot)
{
  g_mutex_lock (&warm_lock);
  warm_busy[slot] = FALSE;
  g_cond_signal (&warm_free);
  g_mutex_unlock (&warm_lock);
}

gboolean
td_pdf_check (GBytes  *bytes,
              int     *n_pages,
              GError **error)
{
  g_autoptr(GError) local = NULL;
  gboolean opened, ok;
  int page_timeout = td_pdf_helper_page_timeout ();
  int slot;

  if (!td_pdf_sniff (bytes, NULL))
    {
      g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NOT_PDF,
                   _("The file is not a PDF document. Save or scan the evidence as PDF and attach it again."));
      return FALSE;
    }
  /* The slot is ours alone until given back: its helper is used by this thread only. */
  slot = take_slot ();
  if (warm[slot] == NULL)
    opened = (warm[slot] = td_pdf_helper_open (bytes, NULL, page_timeout * 2, &local)) != NULL;
  else
    opened = td_pdf_helper_reopen (warm[slot], bytes, NULL, page_timeout * 2, &local);
  ok = check_pages (opened ? warm[slot] : NULL, local, n_pages, error);
  give_back (slot);
  return ok;
}

/* Every page of a file up to this many is drawn; of a longer one a sample of as many. */
#define CHECK_ALL_PAGES   60
#define CHECK_FIRST_PAGES 20
/* The whole check of one file, however long. */
#define CHECK_FILE_MS     60000

static gboolean
check_pages (TdPdfHelper  *helper,
             GError       *local,
             int          *n_pages,
             GError      **error)
{
  int page_timeout = td_pdf_helper_page_timeout ();
  gint64 deadline;
  int n, stride;

  if (helper == NULL)
    {
      if (g_error_matches (local, TD_PDF_ERROR, TD_PDF_ERROR_ENCRYPTED))
        g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_ENCRYPTED,
                     _("The PDF is protected by a password. Save a copy without the password and attach that."));
      else if (g_error_matches (local, TD_PDF_ERROR, TD_PDF_ERROR_EMPTY))
        g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_EMPTY, _("The PDF has no pages."));
      else if (g_error_matches (local, TD_PDF_ERROR, TD_PDF_ERROR_HELPER))
        g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY,
                     _("The PDF cannot be displayed: %s"), local->message);
      else if (g_error_matches (local, TD_PDF_ERROR, TD_PDF_ERROR_DAMAGED))
        /* The helper's message already says it is damaged, with poppler's reason: only what to
         * do is added (wrapping it again read "damaged … (damaged … (…))"). */
        g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_DAMAGED,
                     _("%s Export or scan it again."), local->message);
      else
        g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_DAMAGED,
                     _("The PDF is damaged and cannot be opened (%s). Export or scan it again."),
                     local ? local->message : "?");
      return FALSE;
    }

  n = td_pdf_helper_get_n_pages (helper);
  /* One budget for the whole file, whatever its length (it was half a second a page: a file of
   * 100 000 pages would have held an import for hours), and past CHECK_ALL_PAGES pages a sample
   * (the first ones, then every stride-th, the last one): a file that is too slow is imported
   * and marked for the reviewers, not waited for. */
  deadline = g_get_monotonic_time () + (gint64) CHECK_FILE_MS * 1000;
  if (td_evidence_get_check_deadline () > 0)
    deadline = MIN (deadline, td_evidence_get_check_deadline ());
  stride = n > CHECK_ALL_PAGES ? MAX ((n - CHECK_FIRST_PAGES) / (CHECK_ALL_PAGES - CHECK_FIRST_PAGES), 1) : 1;
  for (int page = 0; page < n; page = page < CHECK_FIRST_PAGES || stride == 1 ? page + 1
                                         : page + stride < n - 1 ? page + stride : page == n - 1 ? n : n - 1)
    {
      g_autoptr(GError) failure = NULL;
      cairo_surface_t *surface;
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;

      if (left <= 0)
        {
          g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY,
                       _("The PDF cannot be displayed: not checked, drawing its %d pages takes too long."), n);
          return FALSE;
        }
      surface = td_pdf_helper_render (helper, page, 0.25, CHECK_PIXELS, (int) MIN (left, page_timeout), NULL, &failure);
      if (surface == NULL)
        {
          g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY,
                       _("The PDF cannot be displayed: page %d: %s"), page + 1, failure->message);
          return FALSE;
        }
      cairo_surface_destroy (surface);
    }
  if (n_pages)
    *n_pages = n;
  return TRUE;
}

void
td_pdf_checker_install (void)
{
  td_evidence_set_checker (td_pdf_check);
}
