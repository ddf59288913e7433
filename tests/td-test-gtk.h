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

static inline GtkWidget *
td_test_find_actionable_in (GtkWidget  *root,
                            const char *action,
                            GVariant   *target)
{
  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found;

      if (GTK_IS_ACTIONABLE (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)), action) == 0 &&
          (target == NULL || (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w)) != NULL &&
                              g_variant_equal (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (w)), target))))
        return w;
      if ((found = td_test_find_actionable_in (w, action, target)) != NULL)
        return found;
    }
  return NULL;
}

/* The first preferences row under @root (depth first, @root included) titled @title, or NULL:
 * how a person finds a field, by what it says. */
static inline GtkWidget *
td_test_find_row_titled (GtkWidget  *root,
                         const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;
  for (GtkWidget *w = gtk_widget_get_first_child (root); w; w = gtk_widget_get_next_sibling (w))
    {
      GtkWidget *found = td_test_find_row_titled (w, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first widget under @root that activates @action (with @target, when it is not NULL: a
 * floating reference is taken), or NULL. */
static inline GtkWidget *
td_test_find_actionable (GtkWidget  *root,
                         const char *action,
                         GVariant   *target)
{
  g_autoptr(GVariant) sunk = target ? g_variant_ref_sink (target) : NULL;

  return td_test_find_actionable_in (root, action, sunk);
}
