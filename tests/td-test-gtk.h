/* td-test-gtk.h: helpers for the tests that show widgets. */
#pragma once

#include <adwaita.h>

#include "td-test-util.h"

/* With THIDUA_SHOTS=DIR, @window as it looks now goes to DIR/NAME.png, for a person to look at
 * (dialogs included, which the app's own --screenshot does not reach). */
static inline void
td_test_shot (GtkWidget  *window,
              const char *name)
{
  const char *dir_path = g_getenv ("THIDUA_SHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int w = gtk_widget_get_width (window), h = gtk_widget_get_height (window);

  if (dir_path == NULL)
    return;
  td_test_iterate (300);
  paintable = gtk_widget_paintable_new (window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, w, h));
  path = g_strdup_printf ("%s/%s.png", dir_path, name);
  gdk_texture_save_to_png (texture, path);
}
