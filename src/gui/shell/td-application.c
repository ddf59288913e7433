/* td-application.c: the application object.
 *
 * It opens one database for the session (from --database or the default place), keeps the
 * audit log's name in step with the preferences, and offers --screenshot so that a person or a
 * test can see the window under Xvfb without a window manager. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "td-application.h"
#include "td-first-frames.h"
#include "td-pdf-check.h"
#include "td-pdf-helper.h"
#include "td-preferences-dialog.h"
#include "td-window.h"

struct _TdApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  TdDatabase     *database;
  GError         *open_error;
  char           *database_path;
  char           *preferences_page;
  char           *screenshot_path;
  char           *area;
  char           *unit;
  int             screenshot_width;
  int             screenshot_height;
  guint           screenshot_frames;
};

G_DEFINE_FINAL_TYPE (TdApplication, td_application, ADW_TYPE_APPLICATION)

/* Frames to wait before a screenshot: enough for the first layout and the icons to load. */
#define SCREENSHOT_FRAMES 12

/* Helpers */

static void
open_database (TdApplication *self)
{
  g_autofree char *path = self->database_path ? g_strdup (self->database_path) : td_database_default_path ();

  /* The first run (or --database on a file that is not there yet): no database is made before
   * the user says what this computer is for; the window shows the welcome page. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_str (&self->database_path, path);
      return;
    }
  self->database = td_database_open (path, &self->open_error);
  if (self->database != NULL && !td_catalog_ensure_seed (self->database, &self->open_error))
    g_clear_object (&self->database);
  if (self->database == NULL)
    {
      g_warning ("%s", self->open_error->message);
      return;
    }
  g_settings_bind (self->settings, "display-name", self->database, "actor", G_SETTINGS_BIND_GET);
}

static gboolean
save_screenshot (TdApplication  *self,
                 GtkWidget      *window,
                 GError        **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, self->screenshot_path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Could not write %s", self->screenshot_path);
      return FALSE;
    }
  return TRUE;
}

/* Callbacks */

static gboolean
screenshot_tick_cb (GtkWidget     *window,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  TdApplication *self = TD_APPLICATION (user_data);
  g_autoptr(GError) error = NULL;

  if (++self->screenshot_frames < SCREENSHOT_FRAMES)
    return G_SOURCE_CONTINUE;

  if (save_screenshot (self, window, &error))
    g_print ("%s\n", self->screenshot_path);
  else
    g_printerr ("thidua: %s\n", error->message);
  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_REMOVE;
}

static void
preferences_closed_cb (AdwDialog *dialog,
                       TdWindow  *window)
{
  td_window_set_database (window, td_window_get_database (window));
}

static void open_preferences (TdApplication *self, const char *page);

static void
units_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  open_preferences (TD_APPLICATION (user_data), "units");
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  open_preferences (TD_APPLICATION (user_data), NULL);
}

static void
open_preferences (TdApplication *self,
                  const char    *page)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  TdPreferencesDialog *dialog;

  dialog = td_preferences_dialog_new (self->database);
  if (page != NULL)
    td_preferences_dialog_show_page (dialog, page, NULL);
  /* Units added or retired there show in every area once it closes. */
  if (TD_IS_WINDOW (window) && self->database != NULL)
    g_signal_connect_object (dialog, "closed", G_CALLBACK (preferences_closed_cb), window, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
}

static void
help_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TdApplication *self = TD_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GtkUriLauncher) launcher = gtk_uri_launcher_new ("help:thidua");

  gtk_uri_launcher_launch (launcher, window, NULL, NULL, NULL);
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TdApplication *self = TD_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Thi đua developers", NULL };
  AdwDialog *about;

  about = g_object_new (ADW_TYPE_ABOUT_DIALOG,
                        "application-name", _("Thi đua"),
                        "application-icon", APP_ID,
                        "developer-name", _("The Thi đua developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Self-assessments, progress and awards of the digital transformation emulation campaign"),
                        "website", "https://github.com/thidua/thidua",
                        "issue-url", "https://github.com/thidua/thidua/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_dialog_present (about, GTK_WIDGET (window));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing (rather than quitting outright) lets each window remember its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "preferences", preferences_activated_cb },
  { "units", units_activated_cb },
  { "help", help_activated_cb },
  { "about", about_activated_cb },
  { "quit", quit_activated_cb },
};

/* GApplication */

static int
td_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  TdApplication *self = TD_APPLICATION (application);
  const char *path = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("thidua %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    self->database_path = g_canonicalize_filename (path, NULL);
  if (g_variant_dict_lookup (options, "screenshot", "^&ay", &path))
    self->screenshot_path = g_canonicalize_filename (path, NULL);
  g_variant_dict_lookup (options, "area", "s", &self->area);
  g_variant_dict_lookup (options, "preferences", "s", &self->preferences_page);
  g_variant_dict_lookup (options, "unit", "s", &self->unit);
  {
    const char *size = NULL;
    if (g_variant_dict_lookup (options, "screenshot-size", "&s", &size) &&
        sscanf (size, "%dx%d", &self->screenshot_width, &self->screenshot_height) != 2)
      {
        g_printerr ("thidua: --screenshot-size takes WIDTHxHEIGHT, for example 400x800\n");
        return 2;
      }
  }

  return -1;
}

static void
td_application_startup (GApplication *application)
{
  TdApplication *self = TD_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *help_accels[] = { "F1", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (td_application_parent_class)->startup (application);
  /* Evidence is checked by drawing it in the PDF helper, never in this process. */
  td_pdf_checker_install ();

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = g_settings_new (APP_ID);
  open_database (self);
}

static void
prepare_pdf_helper_cb (gpointer data)
{
  td_pdf_helper_prepare ();
}

static void
td_application_activate (GApplication *application)
{
  TdApplication *self = TD_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    {
      if (self->unit != NULL)
        g_settings_set_string (self->settings, "last-unit", self->unit);
      window = GTK_WINDOW (td_window_new (GTK_APPLICATION (self), self->database, self->open_error));
      g_signal_connect_object (window, "database-opened", G_CALLBACK (td_application_adopt_database), self,
                               G_CONNECT_SWAPPED);
      if (self->database == NULL && self->open_error == NULL)
        td_window_show_welcome (TD_WINDOW (window), self->database_path);
      if (self->area != NULL)
        td_window_set_area (TD_WINDOW (window), self->area);
      /* The size is also what the accessibility walk uses to meet the narrow layout. */
      if (self->screenshot_path != NULL || self->screenshot_width > 0)
        gtk_window_set_default_size (window, self->screenshot_width > 0 ? self->screenshot_width : 1100,
                                     self->screenshot_height > 0 ? self->screenshot_height : 720);
      if (self->screenshot_path != NULL)
        gtk_widget_add_tick_callback (GTK_WIDGET (window), screenshot_tick_cb, self, NULL);
    }
  /* bench-startup: the times of the first two frames, then quit. */
  if (g_getenv ("THIDUA_FIRST_FRAME_EXIT") != NULL)
    td_first_frames_watch (window);
  gtk_window_present (window);
  /* A PDF helper waiting, warmed up, for the first evidence opened; a second after start-up so
   * that it does not compete with the first frame. */
  g_timeout_add_seconds_once (1, prepare_pdf_helper_cb, NULL);
  if (self->preferences_page != NULL && self->database != NULL)
    {
      TdPreferencesDialog *dialog = td_preferences_dialog_new (self->database);
      g_autoptr(GError) error = NULL;

      if (!td_preferences_dialog_show_page (dialog, self->preferences_page, &error))
        g_printerr ("%s\n", error->message);
      adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (window));
      g_clear_pointer (&self->preferences_page, g_free);
    }
}

static void
td_application_finalize (GObject *object)
{
  TdApplication *self = TD_APPLICATION (object);

  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);
  g_free (self->database_path);
  g_free (self->screenshot_path);
  g_free (self->area);
  g_free (self->preferences_page);
  g_free (self->unit);

  G_OBJECT_CLASS (td_application_parent_class)->finalize (object);
}

static void
td_application_class_init (TdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = td_application_finalize;
  app_class->handle_local_options = td_application_handle_local_options;
  app_class->startup = td_application_startup;
  app_class->activate = td_application_activate;
}

static void
td_application_init (TdApplication *self)
{
  static const GOptionEntry options[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("PATH") },
    { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Save a picture of the main window to FILE and quit"), N_("FILE") },
    { "area", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open this area: self-assessment, progress, awards or evidence"), N_("AREA") },
    { "preferences", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open Preferences at this page: general, units, signatures or appraisal"), N_("PAGE") },
    { "unit", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the self-assessment of the unit with this code"), N_("CODE") },
    { "screenshot-size", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the window at this size, also for --screenshot"), N_("WxH") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
}

TdApplication *
td_application_new (void)
{
  /* NON_UNIQUE: a clerk may open the province's database and a test copy side by side. */
  return g_object_new (TD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/thidua/ThiDua",
                       NULL);
}

void
td_application_adopt_database (TdApplication *self,
                               TdDatabase    *database)
{
  g_return_if_fail (TD_IS_APPLICATION (self));

  if (!g_set_object (&self->database, database))
    return;
  g_clear_error (&self->open_error);
  g_settings_bind (self->settings, "display-name", self->database, "actor", G_SETTINGS_BIND_GET);
}

TdDatabase *
td_application_get_database (TdApplication *self)
{
  g_return_val_if_fail (TD_IS_APPLICATION (self), NULL);
  return self->database;
}
