/* td-window.h: the main window: a sidebar of the four areas and the area shown beside it. */
#pragma once

#include <adwaita.h>

#include "td-core.h"

G_BEGIN_DECLS

#define TD_TYPE_WINDOW (td_window_get_type ())
G_DECLARE_FINAL_TYPE (TdWindow, td_window, TD, WINDOW, AdwApplicationWindow)

/* The areas, by their stack names. */
#define TD_AREA_SELF_ASSESSMENT "self-assessment"
#define TD_AREA_PROGRESS        "progress"
#define TD_AREA_AWARDS          "awards"
#define TD_AREA_EVIDENCE        "evidence"

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

/* Widgets a page puts in the window's header bar are not inside the page, so the page's own
 * actions ("@group.NAME") do not reach them: this gives @holder a group of those names that
 * activates them on @page.  For each NAME in @names. */
void        td_window_forward_actions (GtkWidget          *holder,
                                       GtkWidget          *page,
                                       const char         *group,
                                       const char * const *names);

/* Shows @toast over the window (takes ownership). */
void        td_window_add_toast     (TdWindow       *self,
                                     AdwToast       *toast);
/* Shows @toast over the window @widget is in (takes ownership); outside one (a test's bare
 * window), the message goes to the log.  Every page's messages go through here. */
void        td_window_show_toast    (GtkWidget      *widget,
                                     AdwToast       *toast);
/* The same for a plain message. */
void        td_window_toast         (GtkWidget      *widget,
                                     const char     *message);
/* A message in full, in a dialog over @widget: a refusal that says what to do, or a result
 * that lists what was done, which a toast would cut. */
void        td_window_alert         (GtkWidget      *widget,
                                     const char     *heading,
                                     const char     *message);

G_END_DECLS
