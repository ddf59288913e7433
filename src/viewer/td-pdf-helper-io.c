/* td-pdf-helper-io.c: framing and descriptor passing for the PDF helper's socket. */
#include "config.h"

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "td-pdf-helper-io.h"

gboolean
td_helper_send (int          sock,
                const void  *msg,
                gsize        size,
                int          fd)
{
  struct iovec iov = { (void *) msg, size };
  union {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1 };
  ssize_t n;

  memset (&control, 0, sizeof control);
  if (fd >= 0)
    {
      struct cmsghdr *cm;

      mh.msg_control = control.buf;
      mh.msg_controllen = sizeof control.buf;
      cm = CMSG_FIRSTHDR (&mh);
      cm->cmsg_level = SOL_SOCKET;
      cm->cmsg_type = SCM_RIGHTS;
      cm->cmsg_len = CMSG_LEN (sizeof (int));
      memcpy (CMSG_DATA (cm), &fd, sizeof (int));
    }
  do
    n = sendmsg (sock, &mh, MSG_NOSIGNAL);
  while (n < 0 && errno == EINTR);
  return n == (ssize_t) size;
}

int
td_helper_recv (int    sock,
                void  *msg,
                gsize  size,
                int   *fd,
                int    timeout_ms)
{
  struct iovec iov = { msg, size };
  union {
    char buf[CMSG_SPACE (sizeof (int))];
    struct cmsghdr align;
  } control;
  struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = control.buf,
                       .msg_controllen = sizeof control.buf };
  struct pollfd pfd = { .fd = sock, .events = POLLIN };
  gint64 deadline = timeout_ms >= 0 ? g_get_monotonic_time () + (gint64) timeout_ms * 1000 : -1;
  ssize_t n;
  int rc;

  *fd = -1;
  for (;;)
    {
      int wait = deadline < 0 ? -1 : (int) MAX ((deadline - g_get_monotonic_time ()) / 1000, 0);

      rc = poll (&pfd, 1, wait);
      if (rc > 0)
        break;
      if (rc == 0)
        return -1;
      if (errno != EINTR)
        return 0;
    }
  do
    n = recvmsg (sock, &mh, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n == 0 || (n < 0 && errno != EAGAIN))
    return 0;
  for (struct cmsghdr *cm = CMSG_FIRSTHDR (&mh); cm != NULL; cm = CMSG_NXTHDR (&mh, cm))
    if (cm->cmsg_level == SOL_SOCKET && cm->cmsg_type == SCM_RIGHTS && cm->cmsg_len == CMSG_LEN (sizeof (int)))
      memcpy (fd, CMSG_DATA (cm), sizeof (int));
  if (n != (ssize_t) size || (mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)))
    {
      if (*fd >= 0)
        close (*fd);
      *fd = -1;
      return -2;
    }
  return 1;
}

gboolean
td_helper_memfd_seal (int fd)
{
  return fcntl (fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) == 0;
}

int
td_helper_memfd_new (const char  *name,
                     const void  *data,
                     gsize        size)
{
  int fd = memfd_create (name, MFD_CLOEXEC | MFD_ALLOW_SEALING);

  if (fd < 0)
    return -1;
  if (ftruncate (fd, (off_t) size) != 0)
    goto fail;
  if (data != NULL && size > 0)
    {
      gsize done = 0;

      while (done < size)
        {
          ssize_t n = pwrite (fd, (const char *) data + done, size - done, (off_t) done);
          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            goto fail;
          done += (gsize) n;
        }
      if (!td_helper_memfd_seal (fd))
        goto fail;
    }
  return fd;

fail:
  close (fd);
  return -1;
}

void *
td_helper_memfd_map (int    fd,
                     gsize  size)
{
  struct stat st;
  int seals = fcntl (fd, F_GET_SEALS);
  void *data;

  if (size == 0 || seals < 0 || !(seals & F_SEAL_SHRINK) || !(seals & F_SEAL_WRITE) ||
      fstat (fd, &st) != 0 || (guint64) st.st_size < size)
    return NULL;
  data = mmap (NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  return data == MAP_FAILED ? NULL : data;
}
