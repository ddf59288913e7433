/* td-forward-actions.c: a page's actions for the widgets it lends to the window's header bar. */
#include "config.h"

#include "td-forward-actions.h"

static void
forward_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  GtkWidget *page = user_data;
  const char *full = g_object_get_data (G_OBJECT (action), "td-full-name");

  gtk_widget_activate_action_variant (page, full, parameter);
}

void
td_forward_actions (GtkWidget          *holder,
                    GtkWidget          *page,
                    const char         *group,
                    const char * const *names)
{
  g_autoptr(GSimpleActionGroup) actions = g_simple_action_group_new ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GSimpleAction) action = g_simple_action_new (names[i], NULL);

      g_object_set_data_full (G_OBJECT (action), "td-full-name", g_strdup_printf ("%s.%s", group, names[i]), g_free);
      /* The holder is the page's own (a template child): it never outlives the page. */
      g_signal_connect (action, "activate", G_CALLBACK (forward_activate_cb), page);
      g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (holder, group, G_ACTION_GROUP (actions));
}
