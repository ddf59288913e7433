/* td-split-view.h: keeping an AdwNavigationSplitView alive past libadwaita's own idle. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* libadwaita 1.7's adw_navigation_split_view_set_show_content() (called by the app, by the
 * back button or Escape, by a swipe) schedules g_idle_add_once (changing_page_done_cb, self)
 * without a reference and without removing the source on dispose.  A split view destroyed
 * before that idle runs (its window closed at once, or a busy main loop whose layout and page
 * deliveries keep a default-idle source waiting) is then written to after it was freed: four
 * bytes of zero into whatever reuses the memory.  In the test suite on a busy machine this
 * corrupted GTK's CSS style caches and GDBus's object tables and crashed the window at its next
 * destroy (#33).  The guard holds a reference from each change of show-content until an idle
 * of lower priority, which can only run after libadwaita's. */
void td_split_view_guard        (AdwNavigationSplitView *view);
/* adw_navigation_split_view_set_show_content() with the same reference taken first, for the
 * app's own calls (the notification may come later than the idle is added). */
void td_split_view_show_content (AdwNavigationSplitView *view,
                                 gboolean                show_content);

G_END_DECLS
