/* td-sandbox-filter.c: the helpers' seccomp allow-list.
 *
 * The list is what thidua-pdf-helper was seen to call once warmed up (strace over the viewer,
 * evidence, package and signature suites): reading and writing the descriptors it has,
 * memory, memfds, the socket to the app, time, and opening files to read (fonts, poppler's
 * encodings, gconv modules, translations load lazily).  Anything else fails with EPERM rather
 * than killing the helper, so that a call a new library version makes costs a page, not the
 * helper; the calls that only an attacker makes (running a program, a network socket, tracing)
 * kill it. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>
/* No filter under AddressSanitizer (its runtime makes calls of its own) or without libseccomp. */
#if HAVE_SECCOMP && !defined(__SANITIZE_ADDRESS__)
#define USE_FILTER 1
#include <seccomp.h>
#else
#define USE_FILTER 0
#endif

#include "td-sandbox-filter.h"

gboolean
td_sandbox_filter_available (void)
{
  return USE_FILTER;
}

gboolean
td_sandbox_filter_syscalls (void)
{
#if !USE_FILTER
  return TRUE;
#else
  static const int allowed[] = {
    SCMP_SYS (read), SCMP_SYS (write), SCMP_SYS (pread64), SCMP_SYS (pwrite64), SCMP_SYS (readv),
    SCMP_SYS (writev), SCMP_SYS (close), SCMP_SYS (fstat), SCMP_SYS (newfstatat), SCMP_SYS (statx),
    SCMP_SYS (lseek), SCMP_SYS (fcntl), SCMP_SYS (dup), SCMP_SYS (dup3), SCMP_SYS (ftruncate),
    SCMP_SYS (memfd_create), SCMP_SYS (mmap), SCMP_SYS (munmap), SCMP_SYS (mremap), SCMP_SYS (mprotect),
    SCMP_SYS (madvise), SCMP_SYS (brk), SCMP_SYS (futex), SCMP_SYS (recvmsg), SCMP_SYS (sendmsg),
    SCMP_SYS (poll), SCMP_SYS (ppoll), SCMP_SYS (getrusage), SCMP_SYS (getppid), SCMP_SYS (getpid),
    SCMP_SYS (gettid), SCMP_SYS (tgkill), SCMP_SYS (rt_sigprocmask), SCMP_SYS (rt_sigaction),
    SCMP_SYS (rt_sigreturn), SCMP_SYS (restart_syscall), SCMP_SYS (clock_nanosleep), SCMP_SYS (nanosleep),
    SCMP_SYS (clock_gettime), SCMP_SYS (gettimeofday), SCMP_SYS (exit), SCMP_SYS (exit_group),
    SCMP_SYS (sched_yield), SCMP_SYS (getrandom), SCMP_SYS (access), SCMP_SYS (faccessat),
    SCMP_SYS (faccessat2), SCMP_SYS (readlink), SCMP_SYS (readlinkat), SCMP_SYS (getdents64),
    SCMP_SYS (fstatfs), SCMP_SYS (statfs), SCMP_SYS (getcwd), SCMP_SYS (fadvise64), SCMP_SYS (prlimit64),
    SCMP_SYS (uname), SCMP_SYS (sysinfo), SCMP_SYS (sched_getaffinity), SCMP_SYS (rseq),
    SCMP_SYS (set_robust_list),
  };
  static const int fatal[] = {
    SCMP_SYS (execve), SCMP_SYS (execveat), SCMP_SYS (socket), SCMP_SYS (connect), SCMP_SYS (ptrace),
    SCMP_SYS (process_vm_writev), SCMP_SYS (process_vm_readv),
  };
  /* Opened to read only: no write access, no creating, truncating or appending. */
  const scmp_datum_t write_bits = O_ACCMODE | O_CREAT | O_TRUNC | O_APPEND;
  scmp_filter_ctx ctx = seccomp_init (SCMP_ACT_ERRNO (EPERM));
  int rc;

  if (ctx == NULL)
    return FALSE;
  /* A call this architecture does not have is skipped: its libseccomp refuses the rule. */
  for (gsize i = 0; i < G_N_ELEMENTS (allowed); i++)
    seccomp_rule_add (ctx, SCMP_ACT_ALLOW, allowed[i], 0);
  for (gsize i = 0; i < G_N_ELEMENTS (fatal); i++)
    seccomp_rule_add (ctx, SCMP_ACT_KILL_PROCESS, fatal[i], 0);
  seccomp_rule_add (ctx, SCMP_ACT_ALLOW, SCMP_SYS (openat), 1, SCMP_A2 (SCMP_CMP_MASKED_EQ, write_bits, O_RDONLY));
  seccomp_rule_add (ctx, SCMP_ACT_ALLOW, SCMP_SYS (open), 1, SCMP_A1 (SCMP_CMP_MASKED_EQ, write_bits, O_RDONLY));
  rc = seccomp_load (ctx);
  seccomp_release (ctx);
  if (rc < 0)
    {
      fprintf (stderr, "thidua helper: the system-call filter was refused (%s); running without it\n",
               g_strerror (-rc));
      return FALSE;
    }
  return TRUE;
#endif
}

int
td_sandbox_self_test (const char *what)
{
  if (!td_sandbox_filter_available ())
    return 77;
  if (!td_sandbox_filter_syscalls ())
    return 1;
  if (g_str_equal (what, "write"))
    {
      int fd = open ("/tmp/thidua-sandbox-test", O_WRONLY | O_CREAT | O_TRUNC, 0600);

      if (fd >= 0)
        return 1;
      return errno == EPERM ? 0 : 1;
    }
  if (g_str_equal (what, "read"))
    {
      int fd = open ("/proc/self/status", O_RDONLY);

      return fd >= 0 ? 0 : 1;
    }
  if (g_str_equal (what, "exec"))
    {
      execl ("/bin/true", "true", (char *) NULL);
      return 1;   /* not reached: SIGSYS */
    }
  if (g_str_equal (what, "socket"))
    {
      socket (AF_INET, SOCK_STREAM, 0);
      return 1;   /* not reached: SIGSYS */
    }
  return 2;
}
