/* td-split-view.c: see td-split-view.h. */
#include "config.h"

#include "td-split-view.h"

static gboolean
release_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
hold_past_idle (AdwNavigationSplitView *view)
{
  /* G_PRIORITY_LOW comes after G_PRIORITY_DEFAULT_IDLE: while libadwaita's idle is pending and
   * ready, this one does not run, so the reference outlives it whatever else the loop does. */
  g_idle_add_full (G_PRIORITY_LOW, release_cb, g_object_ref (view), g_object_unref);
}

static void
show_content_changed_cb (AdwNavigationSplitView *view)
{
  hold_past_idle (view);
}

void
td_split_view_show_content (AdwNavigationSplitView *view,
                            gboolean                show_content)
{
  g_return_if_fail (ADW_IS_NAVIGATION_SPLIT_VIEW (view));

  if (adw_navigation_split_view_get_show_content (view) != !!show_content)
    hold_past_idle (view);
  adw_navigation_split_view_set_show_content (view, show_content);
}

void
td_split_view_guard (AdwNavigationSplitView *view)
{
  g_return_if_fail (ADW_IS_NAVIGATION_SPLIT_VIEW (view));

  g_signal_connect (view, "notify::show-content", G_CALLBACK (show_content_changed_cb), NULL);
}
