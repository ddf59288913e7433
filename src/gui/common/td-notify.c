/* td-notify.c: toasts and alerts for any widget of the window. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-notify.h"

/* The window keeps its overlay under this key; the overlay is the window's template child, so
 * the pointer lives as long as the window does. */
#define OVERLAY_KEY "td-notify-overlay"

void
td_notify_set_overlay (GtkWindow       *window,
                       AdwToastOverlay *overlay)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  g_object_set_data (G_OBJECT (window), OVERLAY_KEY, overlay);
}

void
td_notify_show_toast (GtkWidget *widget,
                      AdwToast  *toast)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToastOverlay *overlay = root ? g_object_get_data (G_OBJECT (root), OVERLAY_KEY) : NULL;

  /* An AdwToast is a plain GObject, not floating: the caller's reference is the one handed on
   * (a g_object_ref_sink() here kept every toast, and whatever its handlers held, alive). */
  if (overlay != NULL)
    adw_toast_overlay_add_toast (overlay, toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

void
td_notify_toast (GtkWidget  *widget,
                 const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_use_markup (toast, FALSE);
  td_notify_show_toast (widget, toast);
}

void
td_notify_alert (GtkWidget  *widget,
                 const char *heading,
                 const char *message)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, message);

  adw_alert_dialog_add_response (ADW_ALERT_DIALOG (dialog), "close", _("_Close"));
  adw_dialog_present (dialog, widget);
}
