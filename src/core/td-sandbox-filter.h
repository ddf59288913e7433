/* td-sandbox-filter.h: the system calls a helper process may still make (seccomp), for the
 * helpers only (thidua-pdf-helper, thidua-sheet-helper): the app and the core do not link it. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* From now on this process may compute, use the memory and descriptors it has, make memfds
 * and open files to read; every other call fails (EPERM), and running a program, opening a
 * socket or tracing a process ends it (SIGSYS).  FALSE when the kernel refused the filter
 * (said on standard error; the rlimits still hold).  Not under AddressSanitizer, whose
 * runtime makes calls of its own, nor in a build without libseccomp (-Dseccomp). */
gboolean td_sandbox_filter_syscalls (void);
/* Whether td_sandbox_filter_syscalls() installs a filter in this build. */
gboolean td_sandbox_filter_available (void);
/* thidua-*-helper --sandbox-test WHAT: tries WHAT (write, read, exec) under the filter and
 * exits 0 when it was refused (write), allowed (read), or is killed (exec); 77 without a
 * filter. For the tests. */
int      td_sandbox_self_test (const char *what);

G_END_DECLS
