/* td-pdf-helper-io.h: the messages between the app and thidua-pdf-helper, the process that
 * opens and draws untrusted PDFs (see td-pdf-helper.c).
 *
 * One SOCK_SEQPACKET socket: every message is one fixed-size struct, sent whole or not at
 * all, and may carry one file descriptor (SCM_RIGHTS): the PDF's bytes going out, the page's
 * pixels, the page sizes or the text coming back, each a sealed memfd, so no byte is copied
 * through the socket. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TD_HELPER_OPEN = 1,     /* fd: the PDF; text: the password or "" */
  TD_HELPER_RENDER,       /* page, scale, max_pixels → fd: ARGB32 pixels */
  TD_HELPER_TEXT,         /* page → fd: UTF-8 */
  TD_HELPER_FIND,         /* page, text → fd: double[4] per hit, points, origin top left */
} TdHelperOp;

typedef struct {
  guint32 op;
  gint32  page;
  double  scale;
  guint64 max_pixels;
  guint32 has_password;
  char    text[1024];
} TdHelperRequest;

typedef struct {
  gint32  status;         /* 0, or 1 + a TdPdfError code */
  gint32  n_pages;        /* OPEN */
  gint32  n_signatures;   /* OPEN */
  gint32  width;          /* RENDER */
  gint32  height;
  gint32  stride;
  double  scale;
  guint64 payload_size;   /* bytes of the fd sent along */
  guint32 retiring;       /* the helper exits after this reply (its CPU time is used up) */
  char    message[512];
} TdHelperReply;

/* Sends @size bytes and, if @fd >= 0, that descriptor. */
gboolean td_helper_send (int          sock,
                         const void  *msg,
                         gsize        size,
                         int          fd);
/* Receives exactly @size bytes within @timeout_ms (-1: no limit); *fd gets the descriptor sent
 * along, or -1.  Returns 1, 0 when the peer is gone, -1 on a time-out, -2 for a malformed
 * message. */
int      td_helper_recv (int          sock,
                         void        *msg,
                         gsize        size,
                         int         *fd,
                         int          timeout_ms);

/* A memfd of @size bytes holding @data (NULL: zeros), sealed against any later change. */
int      td_helper_memfd_new  (const char  *name,
                               const void  *data,
                               gsize        size);
/* Seals @fd (already written) so that neither side can change or shrink it. */
gboolean td_helper_memfd_seal (int          fd);
/* Maps a received memfd read-only (private, copy on write) after checking that it is sealed and
 * holds at least @size bytes: a truncated file would fault on reading. */
void    *td_helper_memfd_map  (int          fd,
                               gsize        size);

G_END_DECLS
