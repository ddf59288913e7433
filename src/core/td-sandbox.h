/* td-sandbox.h: what the helper processes share (thidua-pdf-helper, thidua-sheet-helper): how
 * a helper limits itself, and how the app finds one. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* No core files, at most @cpu_seconds of CPU time and @address_space bytes of memory (not
 * under AddressSanitizer, whose shadow needs terabytes), and gone with the parent. */
void  td_sandbox_limit_self   (guint        cpu_seconds,
                               guint64      address_space);
/* The helper @name: $@env_var when set, else the installed one, else the one in the build
 * tree of the running program (src/@subdir/@name). NULL when there is none. */
char *td_sandbox_find_helper  (const char  *env_var,
                               const char  *subdir,
                               const char  *name);

G_END_DECLS
