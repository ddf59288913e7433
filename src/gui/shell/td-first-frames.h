/* td-first-frames.h: the times of a window's first two frames, for bench-startup. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Once @window is mapped, prints "first-frame T" and "second-frame T" (g_get_monotonic_time())
 * as its first two frames are painted, then quits its application.  Compiled into the app and
 * into bench-startup's bare window, so that both are timed by the same code. */
void td_first_frames_watch (GtkWindow *window);

G_END_DECLS
