/* td-forward-actions.h: a page's actions for the widgets it lends to the window's header bar. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Widgets a page puts in the window's header bar are not inside the page, so the page's own
 * actions ("@group.NAME") do not reach them: this gives @holder a group of those names that
 * activates them on @page.  For each NAME in @names. */
void td_forward_actions (GtkWidget          *holder,
                         GtkWidget          *page,
                         const char         *group,
                         const char * const *names);

G_END_DECLS
