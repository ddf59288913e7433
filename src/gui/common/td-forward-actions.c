/* td-forward-actions.c: a page's actions for the widgets it lends to the window's header bar. */
#include "config.h"

#include "td-forward-actions.h"

/* Where one action of the holder goes: the page's action of the same name. */
typedef struct {
  GtkWidget *page;
  char      *full_name;   /* "group.name" */
} Forward;

static void
forward_free (gpointer  data,
              GClosure *closure)
{
  Forward *f = data;

  g_free (f->full_name);
  g_free (f);
}

static void
forward_activate_cb (GSimpleAction *action,
                     GVariant      *parameter,
                     Forward       *forward)
{
  gtk_widget_activate_action_variant (forward->page, forward->full_name, parameter);
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
      Forward *forward = g_new0 (Forward, 1);

      /* The holder is the page's own (a template child): it never outlives the page. */
      forward->page = page;
      forward->full_name = g_strdup_printf ("%s.%s", group, names[i]);
      g_signal_connect_data (action, "activate", G_CALLBACK (forward_activate_cb), forward, forward_free, 0);
      g_action_map_add_action (G_ACTION_MAP (actions), G_ACTION (action));
    }
  gtk_widget_insert_action_group (holder, group, G_ACTION_GROUP (actions));
}
