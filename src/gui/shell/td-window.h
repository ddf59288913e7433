/* td-window.h: the main window: a sidebar of the four areas and the area shown beside it. */
#pragma once

#include <adwaita.h>

#include "td-areas.h"
#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_WINDOW (td_window_get_type ())
G_DECLARE_FINAL_TYPE (TdWindow, td_window, TD, WINDOW, AdwApplicationWindow)

/* @database may be NULL, with @open_error saying why; the window then explains it. */
TdWindow   *td_window_new           (GtkApplication *application,
                                     TdDatabase     *database,
                                     const GError   *open_error);
TdDatabase *td_window_get_database  (TdWindow       *self);
/* The first run: no database yet, the three ways to start; a new one is made at @path. */
void        td_window_show_welcome  (TdWindow       *self,
                                     const char     *path);
/* Shows @database (made by the welcome page, for instance) in every area. */
void        td_window_set_database  (TdWindow       *self,
                                     TdDatabase     *database);
const char *td_window_get_area      (TdWindow       *self);
/* The area's page, built now if it was not shown yet. */
GtkWidget  *td_window_get_page      (TdWindow       *self,
                                     const char     *area);
void        td_window_set_area      (TdWindow       *self,
                                     const char     *area);

G_END_DECLS
