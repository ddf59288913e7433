/* td-notify.h: toasts and alerts for any widget of the window, without the window's header.
 *
 * A page or a dialog says something to the user through these; the window registers its toast
 * overlay once (td_notify_set_overlay()), so that no page includes the window that includes the
 * pages. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Makes @overlay the place where toasts for widgets under @window appear. */
void td_notify_set_overlay (GtkWindow       *window,
                            AdwToastOverlay *overlay);
/* Shows @toast (taking the caller's reference) in the window of @widget; outside a window that
 * registered an overlay (a test's bare window), the title goes to the log. */
void td_notify_show_toast  (GtkWidget       *widget,
                            AdwToast        *toast);
/* A plain-text toast: @message is shown as it is, never read as markup. */
void td_notify_toast       (GtkWidget       *widget,
                            const char      *message);
/* A refusal or a failure with what to do, in full: an alert over @widget's window with Close,
 * rather than a toast that cuts a long reason off. */
void td_notify_alert       (GtkWidget       *widget,
                            const char      *heading,
                            const char      *message);

G_END_DECLS
