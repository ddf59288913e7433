/* td-first-frames.c: see td-first-frames.h.  The app's self-assessment rows are built after the
 * first frame (td-assessment-page.c): the second frame is the form whole. */
#include "config.h"

#include "td-first-frames.h"

static void
frame_painted_cb (GdkFrameClock *clock,
                  GtkWidget     *window)
{
  /* One window is watched per run (bench-startup starts the app for each sample). */
  static int painted;

  painted++;
  g_print ("%s %" G_GINT64_FORMAT "\n", painted == 1 ? "first-frame" : "second-frame", g_get_monotonic_time ());
  if (painted == 1)
    {
      /* A second frame even when nothing was held back. */
      gtk_widget_queue_draw (window);
      return;
    }
  g_signal_handlers_disconnect_by_func (clock, frame_painted_cb, window);
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

static void
mapped_cb (GtkWidget *window)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (frame_painted_cb), window, 0);
}

void
td_first_frames_watch (GtkWindow *window)
{
  g_signal_connect (window, "map", G_CALLBACK (mapped_cb), NULL);
}
