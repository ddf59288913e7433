/* td-pdf-bytes.c: evidence bytes in a memfd shared with the PDF helper (see td-pdf-bytes.h). */
#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "td-pdf-bytes.h"
#include "td-pdf-error.h"
#include "td-pdf-helper-io.h"

/* Mapping address → memfd, for every GBytes made here and still alive. */
static GHashTable *registry;
G_LOCK_DEFINE_STATIC (registry);

typedef struct {
  int    fd;
  void  *data;
  gsize  size;
} Mapped;

static void
mapped_free (gpointer data)
{
  Mapped *m = data;

  G_LOCK (registry);
  g_hash_table_remove (registry, m->data);
  G_UNLOCK (registry);
  munmap (m->data, m->size);
  close (m->fd);
  g_free (m);
}

typedef struct {
  int   fd;
  gsize total;
} Sink;

/* pwrite(), not a writable mapping: filling a new memfd by write is about twice as fast as by
 * faulting its pages in one by one (measured on 80 MB). */
static gboolean
write_piece (gsize        offset,
             const void  *piece,
             gsize        length,
             gsize        total,
             gpointer     user_data,
             GError     **error)
{
  Sink *sink = user_data;
  gsize done = 0;

  if (offset == 0)
    {
      sink->total = total;
      if (ftruncate (sink->fd, (off_t) total) != 0)
        goto fail;
    }
  while (done < length)
    {
      ssize_t n = pwrite (sink->fd, (const char *) piece + done, length - done, (off_t) (offset + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      done += (gsize) n;
    }
  return TRUE;

fail:
  g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("Cannot hand the document to the PDF reader: %s"),
               g_strerror (errno));
  return FALSE;
}

GBytes *
td_pdf_bytes_load_evidence (TdDatabase  *db,
                            gint64       evidence_id,
                            GError     **error)
{
  Sink sink = { memfd_create ("thidua-evidence", MFD_CLOEXEC | MFD_ALLOW_SEALING), 0 };
  Mapped *m;
  void *data;

  if (sink.fd < 0)
    {
      /* No memfd (an old kernel, a sandbox without it): the ordinary way still works. */
      return td_evidence_load_bytes (db, evidence_id, error);
    }
  if (!td_evidence_read (db, evidence_id, write_piece, &sink, error))
    {
      close (sink.fd);
      return NULL;
    }
  if (sink.total == 0)
    {
      close (sink.fd);
      return g_bytes_new (NULL, 0);
    }
  data = td_helper_memfd_seal (sink.fd) ? mmap (NULL, sink.total, PROT_READ, MAP_SHARED, sink.fd, 0) : MAP_FAILED;
  if (data == MAP_FAILED)
    {
      g_set_error (error, TD_PDF_ERROR, TD_PDF_ERROR_HELPER, _("Cannot hand the document to the PDF reader: %s"),
                   g_strerror (errno));
      close (sink.fd);
      return NULL;
    }
  m = g_new0 (Mapped, 1);
  m->fd = sink.fd;
  m->data = data;
  m->size = sink.total;
  G_LOCK (registry);
  if (registry == NULL)
    registry = g_hash_table_new (NULL, NULL);
  g_hash_table_insert (registry, data, m);
  G_UNLOCK (registry);
  return g_bytes_new_with_free_func (data, sink.total, mapped_free, m);
}

int
td_pdf_bytes_dup_fd (GBytes *bytes)
{
  gsize size;
  const void *data = g_bytes_get_data (bytes, &size);
  Mapped *m;
  int fd = -1;

  G_LOCK (registry);
  m = registry && data ? g_hash_table_lookup (registry, data) : NULL;
  /* The whole file, not a slice of it that happens to start at the same address. */
  if (m != NULL && m->size == size)
    fd = fcntl (m->fd, F_DUPFD_CLOEXEC, 0);
  G_UNLOCK (registry);
  return fd;
}
