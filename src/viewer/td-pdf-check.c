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

/* One helper process checks every file, one after the other: starting a process per file cost
 * more than the drawing itself in bench-import.  Replaced whenever a file kills it. */
static TdPdfHelper *warm;
static pid_t warm_owner;      /* the process that started it: a fork()ed child starts its own */
G_LOCK_DEFINE_STATIC (warm);

static gboolean check_pages (TdPdfHelper *helper, GError *local, int *n_pages, GError **error);

gboolean
td_pdf_check (GBytes  *bytes,
              int     *n_pages,
              GError **error)
{
  g_autoptr(GError) local = NULL;
  gboolean opened, ok;
  int page_timeout = td_pdf_helper_page_timeout ();

  if (!td_pdf_sniff (bytes, NULL))
    {
      g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_NOT_PDF,
                   _("The file is not a PDF document. Save or scan the evidence as PDF and attach it again."));
      return FALSE;
    }
  G_LOCK (warm);
  if (warm != NULL && warm_owner != getpid ())
    {
      td_pdf_helper_abandon (warm);
      warm = NULL;
    }
  warm_owner = getpid ();
  if (warm == NULL)
    opened = (warm = td_pdf_helper_open (bytes, NULL, page_timeout * 2, &local)) != NULL;
  else
    opened = td_pdf_helper_reopen (warm, bytes, NULL, page_timeout * 2, &local);
  ok = check_pages (opened ? warm : NULL, local, n_pages, error);
  G_UNLOCK (warm);
  return ok;
}

static gboolean
check_pages (TdPdfHelper  *helper,
             GError       *local,
             int          *n_pages,
             GError      **error)
{
  int page_timeout = td_pdf_helper_page_timeout ();
  gint64 deadline;
  int n;

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
      else
        g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_DAMAGED,
                     _("The PDF is damaged and cannot be opened (%s). Export or scan it again."), local->message);
      return FALSE;
    }

  n = td_pdf_helper_get_n_pages (helper);
  /* A budget for the whole file too: a thousand pages each just under the page's budget would
   * otherwise hold an import for hours. */
  deadline = g_get_monotonic_time () + (gint64) MAX (60000, 500 * (gint64) n) * 1000;
  for (int page = 0; page < n; page++)
    {
      g_autoptr(GError) failure = NULL;
      cairo_surface_t *surface;
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;

      if (left <= 0)
        {
          g_set_error (error, TD_EVIDENCE_ERROR, TD_EVIDENCE_ERROR_CANNOT_DISPLAY,
                       _("The PDF cannot be displayed: drawing its %d pages takes far too long."), n);
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
