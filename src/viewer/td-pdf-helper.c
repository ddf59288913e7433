/* td-pdf-helper.c: starting, feeding and replacing thidua-pdf-helper.
 *
 * What a helper may do to the app is bounded: it can be slow (every wait here has a budget,
 * after which the process is killed), it can die (its socket closes, the request fails with
 * the signal's name), and it can lie about sizes (every reply is checked against what was
 * asked, and a memfd is mapped only when it is sealed and as large as the reply says).  The
 * PDF itself goes to the helper as a sealed memfd, kept here so that a replacement helper gets
 * the same bytes without a copy. */
#include "config.h"

#define _GNU_SOURCE
#include <glib/gi18n-lib.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "td-pdf-error.h"
#include "td-pdf-bytes.h"
#include "td-pdf-helper.h"
#include "td-sandbox.h"
#include "td-pdf-helper-io.h"

struct _TdPdfHelper
{
  GMutex       lock;
  GPid         pid;           /* 0 while no helper runs */
  int          sock;          /* -1 while no helper runs */
  int          pdf_fd;        /* the document, sealed */
  char        *password;
  int          n_pages;
  int          n_signatures;
  double      *sizes;         /* width, height of each page, in points */
  gboolean     spare_wanted;  /* it took the spare: the next starts with the first request */
};

int
td_pdf_helper_page_timeout (void)
{
  const char *env = g_getenv ("THIDUA_PDF_PAGE_TIMEOUT");
  int ms = env ? atoi (env) : 0;

  return ms > 0 ? ms : 10000;
}

char *
td_pdf_helper_find_program (void)
{
  return td_sandbox_find_helper ("THIDUA_PDF_HELPER", "viewer", "thidua-pdf-helper");
}

/* The helper is reaped here with waitpid(), not through a GLib child watch: that needs GLib's
 * worker thread, which a fork()ed process (a test, a batch import) does not have. */
static int
reap (TdPdfHelper *self)
{
  int status = 0;

  if (self->pid <= 0)
    return -1;
  while (waitpid (self->pid, &status, 0) < 0 && errno == EINTR)
    ;
  self->pid = 0;
  return status;
}

static void
stop (TdPdfHelper *self)
{
  if (self->sock >= 0)
    close (self->sock);
  self->sock = -1;
  if (self->pid > 0)
    {
      kill (self->pid, SIGKILL);
      reap (self);
    }
}

/* Why the helper stopped, for a message: "Segmentation fault", "Aborted"… */
static char *
describe_death (TdPdfHelper *self)
{
  int status;

  if (self->sock >= 0)
    close (self->sock);
  self->sock = -1;
  if (self->pid <= 0)
    return g_strdup ("?");
  status = reap (self);
  if (WIFSIGNALED (status))
    return g_strdup (g_strsignal (WTERMSIG (status)));
  return g_strdup_printf ("exit %d", WIFEXITED (status) ? WEXITSTATUS (status) : -1);
}

/* Sends @req and waits for the reply; the helper is started (and the document opened in it)
 * first when none runs.  On a time-out or a death the helper is gone afterwards and @error
 * says which. */
static gboolean
exchange (TdPdfHelper      *self,
          TdHelperRequest  *req,
          TdHelperReply    *reply,
          int              *fd,
          int               timeout_ms,
          GError          **error);

static gboolean open_document (TdPdfHelper *self, int timeout_ms, GError **error);

/* Starts a helper process; its socket and pid.  FALSE with the reason. */
static gboolean
spawn (GPid    *pid,
       int     *sock,
       GError **error)
{
  g_autofree char *program = td_pdf_helper_find_program ();
  const char *argv[] = { NULL, NULL };
  int source_fds[1], target_fds[1] = { 3 };
  int sv[2];

  if (program == NULL)
    {
      g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER,
                           _("The PDF reader of Thi đua (thidua-pdf-helper) is missing. Reinstall the application."));
      return FALSE;
    }
  if (socketpair (AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0)
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("Cannot start the PDF reader: %s"), g_strerror (errno));
      return FALSE;
    }
  argv[0] = program;
  source_fds[0] = sv[1];
  /* Nothing but the socket goes to the helper: every other descriptor is closed. */
  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, NULL,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                         G_SPAWN_STDIN_FROM_DEV_NULL,
                                         NULL, NULL, -1, -1, -1, source_fds, target_fds, 1,
                                         pid, NULL, NULL, NULL, error))
    {
      close (sv[0]);
      close (sv[1]);
      return FALSE;
    }
  close (sv[1]);
  *sock = sv[0];
  return TRUE;
}

/* One helper started ahead of need: a document that opens takes it, already past its own
 * start-up (loading poppler, cairo and fonts), and the next spare starts meanwhile. */
static GPid spare_pid;
static int spare_sock = -1;
static pid_t spare_owner;     /* a fork()ed process does not take its parent's spare */
G_LOCK_DEFINE_STATIC (spare);

static void
refill_spare (void)
{
  GPid pid = 0;
  int sock = -1;

  if (spawn (&pid, &sock, NULL))
    {
      G_LOCK (spare);
      if (spare_sock < 0)
        {
          spare_owner = getpid ();
          spare_pid = pid;
          spare_sock = sock;
          pid = 0;
          sock = -1;
        }
      G_UNLOCK (spare);
    }
  if (sock >= 0)
    {
      close (sock);
      kill (pid, SIGKILL);
      waitpid (pid, NULL, 0);
    }
}

static gboolean refilling;

static gpointer
refill_thread (gpointer data)
{
  refill_spare ();
  G_LOCK (spare);
  refilling = FALSE;
  G_UNLOCK (spare);
  return NULL;
}

static void
refill_spare_later (void)
{
  gboolean start;

  G_LOCK (spare);
  start = !refilling && spare_sock < 0;
  refilling |= start;
  G_UNLOCK (spare);
  if (start)
    g_thread_unref (g_thread_new ("thidua-pdf-spare", refill_thread, NULL));
}

/* A new helper process (the spare when one is ready), then the document opened in it. */
static gboolean
start (TdPdfHelper  *self,
       int           timeout_ms,
       GError      **error)
{
  gboolean ok;

  G_LOCK (spare);
  if (spare_sock >= 0 && spare_owner != getpid ())
    {
      /* The parent's spare, inherited through fork(): not ours to talk to or to reap. */
      close (spare_sock);
      spare_sock = -1;
    }
  if (spare_sock >= 0 && waitpid (spare_pid, NULL, WNOHANG) == 0)
    {
      self->pid = spare_pid;
      self->sock = spare_sock;
    }
  else if (spare_sock >= 0)
    close (spare_sock);
  spare_sock = -1;
  spare_pid = 0;
  G_UNLOCK (spare);
  if (self->sock < 0 && !spawn (&self->pid, &self->sock, error))
    {
      self->pid = 0;
      return FALSE;
    }
  /* The next spare starts on a thread of its own once the first page (or text) has been
   * asked for, so that it runs beside the drawing and not before it: fork() from a process of
   * a few hundred megabytes holds the app's memory map for milliseconds, and a page cache
   * being set up between the opening and its first request (its worker thread's stack is an
   * mmap) waited for it, 3–6 ms of a 15 ms first page in bench-viewer. */
  ok = open_document (self, timeout_ms, error);
  if (ok)
    self->spare_wanted = TRUE;
  else
    refill_spare_later ();
  return ok;
}

void
td_pdf_helper_prepare (void)
{
  gboolean have;

  G_LOCK (spare);
  have = spare_sock >= 0 && spare_owner == getpid ();
  G_UNLOCK (spare);
  if (!have)
    refill_spare_later ();
}

/* Called with the lock held, before a request: see start(). */
static void
ask_for_spare (TdPdfHelper *self)
{
  if (!self->spare_wanted)
    return;
  self->spare_wanted = FALSE;
  refill_spare_later ();
}

/* Opens the document in the running helper.  An answer that the file cannot be opened leaves
 * the helper running, ready for the next document; a death or a time-out does not. */
static gboolean
open_document (TdPdfHelper  *self,
               int           timeout_ms,
               GError      **error)
{
  TdHelperRequest req;
  TdHelperReply reply;
  int fd = -1;

  memset (&req, 0, sizeof req);
  req.op = TD_HELPER_OPEN;
  if (self->password)
    {
      req.has_password = 1;
      g_strlcpy (req.text, self->password, sizeof req.text);
    }
  if (!td_helper_send (self->sock, &req, sizeof req, self->pdf_fd))
    {
      g_autofree char *why = describe_death (self);
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("The PDF reader stopped (%s)."), why);
      stop (self);
      return FALSE;
    }
  memset (&req, 0, sizeof req);
  if (!exchange (self, NULL, &reply, &fd, timeout_ms, error))
    return FALSE;
  if (reply.status != 0)
    {
      if (fd >= 0)
        close (fd);
      switch (reply.status - 1)
        {
        case TD_PDF_ERROR_ENCRYPTED:
          g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_ENCRYPTED, _("The document is protected by a password."));
          break;
        case TD_PDF_ERROR_BAD_PASSWORD:
          g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PASSWORD, _("The password is not right."));
          break;
        case TD_PDF_ERROR_EMPTY:
          g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_EMPTY, _("The document has no pages."));
          break;
        default:
          reply.message[sizeof reply.message - 1] = '\0';
          g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_DAMAGED,
                       _("The document is damaged and cannot be opened (%s)."), reply.message);
        }
      return FALSE;
    }
  if (self->sizes == NULL)
    {
      gsize size = sizeof (double) * 2 * (gsize) MAX (reply.n_pages, 0);
      void *data = reply.n_pages > 0 && reply.n_pages <= 1000000 && reply.payload_size == size && fd >= 0
                   ? td_helper_memfd_map (fd, size) : NULL;

      if (data == NULL)
        {
          if (fd >= 0)
            close (fd);
          stop (self);
          g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("The PDF reader gave a malformed answer."));
          return FALSE;
        }
      self->n_pages = reply.n_pages;
      self->n_signatures = MAX (reply.n_signatures, 0);
      self->sizes = g_memdup2 (data, size);
      munmap (data, size);
    }
  else if (reply.n_pages != self->n_pages)
    {
      /* The same bytes opened again: anything else is not our helper speaking. */
      if (fd >= 0)
        close (fd);
      stop (self);
      g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("The PDF reader gave a malformed answer."));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  if (reply.retiring)
    stop (self);
  return TRUE;
}

static gboolean
exchange (TdPdfHelper      *self,
          TdHelperRequest  *req,
          TdHelperReply    *reply,
          int              *fd,
          int               timeout_ms,
          GError          **error)
{
  int rc;

  *fd = -1;
  if (req != NULL)
    {
      /* A helper that retired or died since the last request is replaced; one send failing on
       * a helper that just exited gets a second try with a fresh one. */
      for (int attempt = 0; ; attempt++)
        {
          if (self->sock < 0 && !start (self, timeout_ms * 2, error))
            return FALSE;
          if (td_helper_send (self->sock, req, sizeof *req, -1))
            break;
          stop (self);
          if (attempt == 1)
            {
              g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("The PDF reader cannot be started."));
              return FALSE;
            }
        }
    }
  rc = td_helper_recv (self->sock, reply, sizeof *reply, fd, timeout_ms);
  if (rc == 1)
    return TRUE;
  if (rc == -2)
    {
      stop (self);
      g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("The PDF reader gave a malformed answer."));
    }
  else if (rc < 0)
    {
      int seconds = MAX (timeout_ms / 1000, 1);

      stop (self);
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER,
                   g_dngettext (GETTEXT_PACKAGE, "Drawing took longer than %d second; the PDF may be made to stall readers.",
                                "Drawing took longer than %d seconds; the PDF may be made to stall readers.", seconds),
                   seconds);
    }
  else
    {
      g_autofree char *why = describe_death (self);
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER,
                   _("The PDF reader stopped on this document (%s); the file may be made to crash readers."), why);
      stop (self);
    }
  return FALSE;
}

TdPdfHelper *
td_pdf_helper_open (GBytes      *bytes,
                    const char  *password,
                    int          timeout_ms,
                    GError     **error)
{
  TdPdfHelper *self = g_new0 (TdPdfHelper, 1);
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);

  g_mutex_init (&self->lock);
  self->sock = -1;
  self->password = g_strdup (password);
  self->pdf_fd = td_pdf_bytes_dup_fd (bytes);
  if (self->pdf_fd < 0)
    self->pdf_fd = td_helper_memfd_new ("thidua-evidence", data, size);
  if (self->pdf_fd < 0)
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("Cannot hand the document to the PDF reader: %s"),
                   g_strerror (errno));
      td_pdf_helper_free (self);
      return NULL;
    }
  if (!start (self, timeout_ms, error))
    {
      td_pdf_helper_free (self);
      return NULL;
    }
  return self;
}

gboolean
td_pdf_helper_reopen (TdPdfHelper  *self,
                      GBytes       *bytes,
                      const char   *password,
                      int           timeout_ms,
                      GError      **error)
{
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  int fd = td_pdf_bytes_dup_fd (bytes);
  gboolean ok;

  if (fd < 0)
    fd = td_helper_memfd_new ("thidua-evidence", data, size);
  if (fd < 0)
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("Cannot hand the document to the PDF reader: %s"),
                   g_strerror (errno));
      return FALSE;
    }
  g_mutex_lock (&self->lock);
  if (self->pdf_fd >= 0)
    close (self->pdf_fd);
  self->pdf_fd = fd;
  g_set_str (&self->password, password);
  g_clear_pointer (&self->sizes, g_free);
  self->n_pages = self->n_signatures = 0;
  /* A helper that exited meanwhile (it retired, or was killed) is replaced, not blamed. */
  if (self->pid > 0 && waitpid (self->pid, NULL, WNOHANG) == self->pid)
    {
      self->pid = 0;
      stop (self);
    }
  ok = self->sock >= 0 ? open_document (self, timeout_ms, error) : start (self, timeout_ms, error);
  g_mutex_unlock (&self->lock);
  return ok;
}

void
td_pdf_helper_abandon (TdPdfHelper *self)
{
  if (self == NULL)
    return;
  /* Our copies of the descriptors only: the process is another's. */
  if (self->sock >= 0)
    close (self->sock);
  if (self->pdf_fd >= 0)
    close (self->pdf_fd);
  g_free (self->password);
  g_free (self->sizes);
  g_mutex_clear (&self->lock);
  g_free (self);
}

void
td_pdf_helper_free (TdPdfHelper *self)
{
  if (self == NULL)
    return;
  /* Closed before anything was asked of it: the spare it took is replaced now. */
  if (self->spare_wanted)
    refill_spare_later ();
  /* Our own process: ended and reaped, then the rest goes as an abandoned helper's does. */
  stop (self);
  td_pdf_helper_abandon (self);
}

int
td_pdf_helper_get_n_pages (TdPdfHelper *self)
{
  return self->n_pages;
}

int
td_pdf_helper_get_n_signatures (TdPdfHelper *self)
{
  return self->n_signatures;
}

gboolean
td_pdf_helper_get_page_size (TdPdfHelper *self,
                             int          page,
                             double      *width,
                             double      *height)
{
  if (page < 0 || page >= self->n_pages)
    return FALSE;
  *width = self->sizes[2 * page];
  *height = self->sizes[2 * page + 1];
  /* A page of no size would divide by zero further on. */
  return *width >= 1 && *height >= 1 && *width < 1e6 && *height < 1e6;
}

static const cairo_user_data_key_t mapping_key;

typedef struct {
  void  *data;
  gsize  size;
} Mapping;

static void
unmap (void *data)
{
  Mapping *m = data;

  munmap (m->data, m->size);
  g_free (m);
}

static guint main_thread_renders;

guint
td_pdf_helper_get_main_thread_renders (void)
{
  return g_atomic_int_get (&main_thread_renders);
}

cairo_surface_t *
td_pdf_helper_render (TdPdfHelper  *self,
                      int           page,
                      double        scale,
                      gsize         max_pixels,
                      int           timeout_ms,
                      double       *used_scale,
                      GError      **error)
{
  TdHelperRequest req;
  TdHelperReply reply;
  cairo_surface_t *surface;
  Mapping *m;
  double w, h;
  int fd = -1;
  gsize size;
  gboolean ok;

  if (!td_pdf_helper_get_page_size (self, page, &w, &h))
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PAGE, _("Page %d cannot be read."), page + 1);
      return NULL;
    }
  /* Counted, not refused: the viewer's tests hold it at zero whatever the machine's load,
   * where a time limit on the main loop's gaps failed on a busy machine. */
  if (g_main_context_is_owner (g_main_context_default ()))
    g_atomic_int_inc (&main_thread_renders);
  memset (&req, 0, sizeof req);
  req.op = TD_HELPER_RENDER;
  req.page = page;
  req.scale = scale;
  req.max_pixels = max_pixels;
  g_mutex_lock (&self->lock);
  ask_for_spare (self);
  ok = exchange (self, &req, &reply, &fd, timeout_ms, error);
  if (ok && reply.retiring)
    stop (self);
  g_mutex_unlock (&self->lock);
  if (!ok)
    return NULL;
  if (reply.status != 0)
    {
      if (fd >= 0)
        close (fd);
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_BAD_PAGE, _("Page %d cannot be drawn."), page + 1);
      return NULL;
    }
  /* Believe nothing: the size must be what a page of this size at most this scale gives. */
  size = (gsize) MAX (reply.stride, 0) * (gsize) MAX (reply.height, 0);
  if (fd < 0 || reply.width <= 0 || reply.height <= 0 || reply.width > 100000 || reply.height > 100000 ||
      reply.stride != cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, reply.width) ||
      reply.payload_size != size ||
      (double) reply.width * reply.height > MAX (w * scale * h * scale, (double) (max_pixels ? max_pixels : 1)) * 1.1 + 64 ||
      (m = g_new0 (Mapping, 1), (m->data = td_helper_memfd_map (fd, size)) == NULL))
    {
      if (fd >= 0)
        close (fd);
      g_set_error_literal (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("The PDF reader gave a malformed answer."));
      return NULL;
    }
  close (fd);
  m->size = size;
  surface = cairo_image_surface_create_for_data (m->data, CAIRO_FORMAT_ARGB32, reply.width, reply.height, reply.stride);
  cairo_surface_set_user_data (surface, &mapping_key, m, unmap);
  if (used_scale)
    *used_scale = reply.scale;
  return surface;
}

/* TEXT and FIND: a payload of bytes, or nothing; failures give nothing. */
static GBytes *
ask_payload (TdPdfHelper *self,
             TdHelperOp   op,
             int          page,
             const char  *text,
             int          timeout_ms)
{
  g_autoptr(GError) error = NULL;
  TdHelperRequest req;
  TdHelperReply reply;
  GBytes *out = NULL;
  int fd = -1;
  gboolean ok;

  if (page < 0 || page >= self->n_pages)
    return NULL;
  memset (&req, 0, sizeof req);
  req.op = op;
  req.page = page;
  if (text)
    g_strlcpy (req.text, text, sizeof req.text);
  g_mutex_lock (&self->lock);
  ask_for_spare (self);
  ok = exchange (self, &req, &reply, &fd, timeout_ms, &error);
  if (ok && reply.retiring)
    stop (self);
  g_mutex_unlock (&self->lock);
  if (!ok)
    {
      g_debug ("PDF helper: %s", error->message);
      return NULL;
    }
  if (reply.status == 0 && fd >= 0 && reply.payload_size > 0 && reply.payload_size < 64 * 1024 * 1024)
    {
      void *data = td_helper_memfd_map (fd, reply.payload_size);
      if (data != NULL)
        {
          out = g_bytes_new (data, reply.payload_size);
          munmap (data, reply.payload_size);
        }
    }
  if (fd >= 0)
    close (fd);
  return out;
}

char *
td_pdf_helper_get_text (TdPdfHelper *self,
                        int          page,
                        int          timeout_ms)
{
  g_autoptr(GBytes) bytes = ask_payload (self, TD_HELPER_TEXT, page, NULL, timeout_ms);
  gsize size = 0;
  const char *data = bytes ? g_bytes_get_data (bytes, &size) : NULL;

  return data && g_utf8_validate_len (data, size, NULL) ? g_strndup (data, size) : g_strdup ("");
}

GArray *
td_pdf_helper_find (TdPdfHelper *self,
                    int          page,
                    const char  *text,
                    int          timeout_ms)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;
  const double *data;

  if (text == NULL || *text == '\0')
    return rects;
  bytes = ask_payload (self, TD_HELPER_FIND, page, text, timeout_ms);
  data = bytes ? g_bytes_get_data (bytes, &size) : NULL;
  if (data && size % (sizeof (double) * 4) == 0)
    g_array_append_vals (rects, data, size / (sizeof (double) * 4));
  return rects;
}
