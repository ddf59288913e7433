/* td-window.c: the main window.
 *
 * It owns navigation only: which area is shown, the sample-data banner, the window's size.
 * Each area is its own widget in the stack, filled by the features built on this shell. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-assessment-page.h"
#include "td-awards-page.h"
#include "td-evidence-page.h"
#include "td-progress-page.h"
#include "td-welcome-page.h"
#include "td-notify.h"
#include "td-split-view.h"
#include "td-query-watch.h"
#include "td-window.h"

struct _TdWindow
{
  AdwApplicationWindow  parent_instance;

  TdDatabase           *database;
  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwNavigationSplitView *split_view;
  TdProgressPage       *progress_page;
  TdAssessmentPage     *assessment_page;
  TdEvidencePage       *evidence_page;
  TdAwardsPage         *awards_page;
  AdwBin               *area_bins[4];  /* by index in areas[]; each holds its page once built */
  char                 *bound_unit;    /* a unit's installation: the unit its form is bound to */
  AdwNavigationPage    *content_page;
  AdwBin               *area_actions;
  GtkActionBar         *bottom_bar;
  AdwBin               *bottom_actions;
  gboolean              narrow;        /* below the breakpoint: actions in the bottom bar */
  GtkListBox           *area_list;
  GtkStack             *area_stack;
  AdwBanner            *demo_banner;
  AdwStatusPage        *error_page;
  GtkLabel             *campaign_label;
  AdwWindowTitle       *sidebar_title;
  TdWelcomePage        *welcome_page;
  char                 *area;          /* the area chosen, whatever the stack shows for it */
  gboolean              has_units;     /* read with the database: a new board has none */
  guint                 stale;         /* areas (bits by index in areas[]) not yet loaded from it */
};

G_DEFINE_FINAL_TYPE (TdWindow, td_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_AREA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum { DATABASE_OPENED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char * const areas[] = {
  TD_AREA_SELF_ASSESSMENT, TD_AREA_PROGRESS, TD_AREA_AWARDS, TD_AREA_EVIDENCE,
};

/* Helpers */

/* The area's index in areas[], or -1 for a name that is not an area. */
static int
area_index (const char *area)
{
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    if (g_strcmp0 (areas[i], area) == 0)
      return (int) i;
  return -1;
}

/* Each area's page is built the first time it is shown, not with the window: building the four
 * pages' templates took a third of the time to the first frame (bench-startup), for areas a
 * clerk may not open that day. */
static GtkWidget *
area_page (TdWindow *self,
           guint     index)
{
  GtkWidget *page = adw_bin_get_child (self->area_bins[index]);

  if (page != NULL)
    return page;
  switch (index)
    {
    case 0:
      self->assessment_page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
      page = GTK_WIDGET (self->assessment_page);
      if (self->database != NULL)
        td_assessment_page_bind_to_unit (self->assessment_page, self->bound_unit);
      break;
    case 1:
      self->progress_page = g_object_new (TD_TYPE_PROGRESS_PAGE, NULL);
      page = GTK_WIDGET (self->progress_page);
      td_progress_page_bind_to_unit (self->progress_page, self->bound_unit);
      break;
    case 2:
      self->awards_page = g_object_new (TD_TYPE_AWARDS_PAGE, NULL);
      page = GTK_WIDGET (self->awards_page);
      break;
    default:
      self->evidence_page = g_object_new (TD_TYPE_EVIDENCE_PAGE, NULL);
      page = GTK_WIDGET (self->evidence_page);
      break;
    }
  adw_bin_set_child (self->area_bins[index], page);
  return page;
}

/* An area reads the database when it is first shown, not when the window opens: the first
 * frame waits for the area in view only (bench-startup), and a hidden area never takes focus
 * or draws for nothing. */
static void
ensure_loaded (TdWindow   *self,
               const char *area)
{
  int i = area_index (area);

  if (i < 0 || !(self->stale & (1u << i)))
    return;
  self->stale &= ~(1u << i);
  area_page (self, (guint) i);
  if (i == 0)
    td_assessment_page_set_database (self->assessment_page, self->database);
  else if (i == 1)
    td_progress_page_set_database (self->progress_page, self->database);
  else if (i == 2)
    td_awards_page_set_database (self->awards_page, self->database);
  else
    td_evidence_page_set_database (self->evidence_page, self->database);
}

static GtkListBoxRow *
row_for_area (TdWindow   *self,
              const char *area)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->area_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), area) == 0)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void place_area_actions (TdWindow *self);

static void
show_area (TdWindow   *self,
           const char *area)
{
  GtkStackPage *page;

  if (self->database == NULL)
    return;
  /* An area this installation does not have (a unit's has no review, and awards only when it
   * gives its own Giấy khen). */
  if (row_for_area (self, area) == NULL || !gtk_widget_get_visible (GTK_WIDGET (row_for_area (self, area))))
    area = TD_AREA_SELF_ASSESSMENT;

  ensure_loaded (self, area);
  /* The progress area opens a unit's self-assessment by choosing it first. */
  if (g_strcmp0 (area, TD_AREA_SELF_ASSESSMENT) == 0)
    {
      g_autofree char *unit = g_settings_get_string (self->settings, "last-unit");
      td_assessment_page_show_unit (self->assessment_page, unit);
    }
  g_set_str (&self->area, area);
  gtk_stack_set_visible_child_name (self->area_stack, area);
  place_area_actions (self);
  page = gtk_stack_get_page (self->area_stack, gtk_stack_get_visible_child (self->area_stack));
  /* A board without units yet: what to do, instead of empty pickers and live buttons (the
   * self-assessment area says it in its own words). */
  if (g_strcmp0 (area, TD_AREA_SELF_ASSESSMENT) != 0 && !self->has_units)
    gtk_stack_set_visible_child_name (self->area_stack, "no-units");
  adw_navigation_page_set_title (self->content_page, gtk_stack_page_get_title (page));
  gtk_list_box_select_row (self->area_list, row_for_area (self, area));
  g_settings_set_string (self->settings, "last-area", area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA]);
}

/* The area's primary actions in the header bar, as Text Editor and Papers put theirs; in a
 * narrow window, where the header bar has no room, in a bar at the bottom. */
static void
place_area_actions (TdWindow *self)
{
  GtkWidget *actions = NULL;

  adw_bin_set_child (self->area_actions, NULL);
  adw_bin_set_child (self->bottom_actions, NULL);
  if (g_strcmp0 (self->area, TD_AREA_SELF_ASSESSMENT) == 0 && self->assessment_page != NULL)
    actions = td_assessment_page_get_header_actions (self->assessment_page);
  else if (g_strcmp0 (self->area, TD_AREA_AWARDS) == 0 && self->awards_page != NULL)
    actions = td_awards_page_get_header_actions (self->awards_page);
  adw_bin_set_child (self->narrow ? self->bottom_actions : self->area_actions, actions);
  gtk_action_bar_set_revealed (self->bottom_bar, self->narrow && actions != NULL);
}

static void
narrow_cb (TdWindow *self)
{
  self->narrow = TRUE;
  place_area_actions (self);
}

static void
wide_cb (TdWindow *self)
{
  self->narrow = FALSE;
  place_area_actions (self);
}

static void
load_database_state (TdWindow     *self,
                     const GError *open_error)
{
  g_autofree char *title = NULL;

  if (self->database == NULL)
    {
      adw_status_page_set_description (self->error_page,
                                       open_error ? open_error->message : _("No database was given."));
      gtk_stack_set_visible_child_name (self->area_stack, "no-database");
      adw_navigation_page_set_title (self->content_page, _("No Database"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->area_list), FALSE);
      return;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->area_list), TRUE);
  {
    g_autoptr(GListModel) units = td_catalog_list_units (self->database, NULL);
    self->has_units = units == NULL || g_list_model_get_n_items (units) > 0;
  }
  adw_banner_set_revealed (self->demo_banner, td_database_is_demo (self->database));
  /* What this database is for, under the application's name; a unit's installation shows
   * the unit's own work only: the board's review of evidence and its awards are not there. */
  {
    g_autofree char *unit_code = NULL;
    gboolean unit = td_database_get_installation (self->database, &unit_code) == TD_INSTALLATION_UNIT;
    g_autoptr(TdUnit) own = unit ? td_catalog_find_unit (self->database, unit_code, NULL) : NULL;

    if (unit)
      adw_window_title_set_subtitle (self->sidebar_title, own ? td_unit_get_name (own) : unit_code);
    else
      adw_window_title_set_subtitle (self->sidebar_title, td_database_is_demo (self->database)
                                                          ? _("Sample province") : _("Province board"));
    /* A department, commune, ward, agency or enterprise prepares its own Giấy khen offline. */
    gtk_widget_set_visible (GTK_WIDGET (row_for_area (self, TD_AREA_AWARDS)),
                            !unit || (own != NULL && td_unit_kind_issues_giay_khen (td_unit_get_kind (own))));
    gtk_widget_set_visible (GTK_WIDGET (row_for_area (self, TD_AREA_EVIDENCE)), !unit);
    g_set_str (&self->bound_unit, unit ? unit_code : NULL);
    if (self->assessment_page != NULL)
      td_assessment_page_bind_to_unit (self->assessment_page, self->bound_unit);
    if (self->progress_page != NULL)
      td_progress_page_bind_to_unit (self->progress_page, self->bound_unit);
  }
 /* Each area reads the new database when it is next shown (ensure_loaded); the one in view
   * now, at once. */
  self->stale = (1u << G_N_ELEMENTS (areas)) - 1;
  if (self->area != NULL)
    ensure_loaded (self, self->area);
  title = td_catalog_get_campaign_title (self->database);
  gtk_label_set_label (self->campaign_label, title ? title : "");
}

/* Callbacks */

/* THIDUA_DEBUG_QUERIES (td-query-watch.h): from the first frame painted on, a query on the
 * main thread is one the person waits for. */
static void
first_frame_painted_cb (GdkFrameClock *clock,
                        TdWindow      *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  td_query_watch_arm ();
}

static void
watch_queries_cb (TdWindow *self)
{
  g_signal_handlers_disconnect_by_func (self, watch_queries_cb, NULL);
  g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), self, 0);
}

static void
database_ready_cb (TdWindow   *self,
                   TdDatabase *database)
{
  /* The application keeps it for the windows it opens next (it listens, so that the window
   * need not know the application). */
  g_signal_emit (self, signals[DATABASE_OPENED], 0, database);
  td_window_set_database (self, database);
}

static void
area_row_activated_cb (TdWindow      *self,
                       GtkListBoxRow *row)
{
  show_area (self, gtk_widget_get_name (GTK_WIDGET (row)));
  td_split_view_show_content (self->split_view, TRUE);
}

/* The highlight and the page always agree: a row is selected when it is activated (click,
 * Enter, Alt+1…4), never because the keyboard focus passed over it on the way elsewhere. */
static void
area_row_selected_cb (TdWindow      *self,
                      GtkListBoxRow *row)
{
  GtkListBoxRow *shown = self->area ? row_for_area (self, self->area) : NULL;

  if (shown != NULL && row != shown)
    gtk_list_box_select_row (self->area_list, shown);
}

static void
show_shortcuts_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/thidua/ThiDua/td-shortcuts-dialog.ui");
  AdwDialog *dialog = ADW_DIALOG (gtk_builder_get_object (builder, "shortcuts_dialog"));

  adw_dialog_present (dialog, widget);
}

/* Back Up…: a consistent copy of the open database (td-backup.h), made on a worker. */
static void
backed_up_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!td_database_backup_finish (result, &error))
    td_notify_alert (GTK_WIDGET (self), _("No Backup Was Made"), error->message);
  else
    td_notify_toast (GTK_WIDGET (self), _("Backup saved"));
}

static void
backup_file_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TdWindow) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path == NULL || self->database == NULL)
    return;
  td_database_backup_async (self->database, path, NULL, backed_up_cb, g_object_ref (self));
}

static void
backup_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *name = g_date_time_format (now, "thidua-sao-luu-%Y%m%d-%H%M.db");

  if (self->database == NULL)
    return;
  gtk_file_dialog_set_title (dialog, _("Back Up the Database"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (self), NULL, backup_file_cb, g_object_ref (self));
}

static void
go_to_area_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);

  show_area (self, g_variant_get_string (parameter, NULL));
  td_split_view_show_content (self->split_view, TRUE);
}

/* Ctrl+Shift+N from anywhere in the window: the Awards area, and its new nomination dialog. */
static void
new_nomination_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TdWindow *self = TD_WINDOW (widget);
  GtkListBoxRow *row = row_for_area (self, TD_AREA_AWARDS);

  if (self->database == NULL || !self->has_units || row == NULL || !gtk_widget_get_visible (GTK_WIDGET (row)))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  td_window_set_area (self, TD_AREA_AWARDS);
  td_split_view_show_content (self->split_view, TRUE);
  td_awards_page_new_nomination (self->awards_page);
}

/* GObject */

static gboolean
td_window_close_request (GtkWindow *window)
{
  TdWindow *self = TD_WINDOW (window);
  int width, height;

  /* Nothing typed is lost on closing. */
  if (self->assessment_page != NULL)
    td_assessment_page_flush (self->assessment_page);
  gtk_window_get_default_size (window, &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  return GTK_WINDOW_CLASS (td_window_parent_class)->close_request (window);
}

static void
td_window_dispose (GObject *object)
{
  TdWindow *self = TD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_WINDOW);
  /* The pages went with the template's bins. */
  self->assessment_page = NULL;
  self->progress_page = NULL;
  self->awards_page = NULL;
  self->evidence_page = NULL;
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->bound_unit, g_free);

  G_OBJECT_CLASS (td_window_parent_class)->dispose (object);
}

static void
td_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_AREA:
      g_value_set_string (value, td_window_get_area (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TdWindow *self = TD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_object (value);
      break;
    case PROP_AREA:
      td_window_set_area (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_window_class_init (TdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = td_window_dispose;

  /* A database the welcome page opened or made, before the window shows it. */
  signals[DATABASE_OPENED] = g_signal_new ("database-opened", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, TD_TYPE_DATABASE);
  object_class->get_property = td_window_get_property;
  object_class->set_property = td_window_set_property;
  window_class->close_request = td_window_close_request;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, TD_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AREA] =
    g_param_spec_string ("area", NULL, NULL, TD_AREA_SELF_ASSESSMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, split_view);
  gtk_widget_class_bind_template_child_full (widget_class, "assessment_bin", FALSE, G_STRUCT_OFFSET (TdWindow, area_bins[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "progress_bin", FALSE, G_STRUCT_OFFSET (TdWindow, area_bins[1]));
  gtk_widget_class_bind_template_child_full (widget_class, "awards_bin", FALSE, G_STRUCT_OFFSET (TdWindow, area_bins[2]));
  gtk_widget_class_bind_template_child_full (widget_class, "evidence_bin", FALSE, G_STRUCT_OFFSET (TdWindow, area_bins[3]));
  gtk_widget_class_bind_template_child (widget_class, TdWindow, content_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, area_actions);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, bottom_bar);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, bottom_actions);
  gtk_widget_class_bind_template_callback (widget_class, narrow_cb);
  gtk_widget_class_bind_template_callback (widget_class, wide_cb);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, area_list);
  gtk_widget_class_bind_template_callback (widget_class, area_row_selected_cb);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, area_stack);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, campaign_label);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, TdWindow, welcome_page);
  gtk_widget_class_bind_template_callback (widget_class, database_ready_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_cb);
  gtk_widget_class_install_action (widget_class, "win.area", "s", go_to_area_cb);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_cb);
  gtk_widget_class_install_action (widget_class, "win.new-nomination", NULL, new_nomination_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_N, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.new-nomination", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-shortcuts", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK, "win.area", "s", areas[i]);
}

static void
td_window_init (TdWindow *self)
{
  g_type_ensure (TD_TYPE_WELCOME_PAGE);
  gtk_widget_init_template (GTK_WIDGET (self));
  td_split_view_guard (self->split_view);
  /* Every page's and dialog's toasts appear here (td-notify.h). */
  td_notify_set_overlay (GTK_WINDOW (self), self->toast_overlay);
  if (td_query_watch_is_on ())
    g_signal_connect (self, "map", G_CALLBACK (watch_queries_cb), NULL);

  /* Each area row is named by its label, for screen readers that announce the row. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->area_list)); row;
       row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *w = gtk_widget_get_first_child (row); w; w = gtk_widget_get_first_child (w))
      {
        GtkWidget *label = w;

        while (label && !GTK_IS_LABEL (label))
          label = gtk_widget_get_next_sibling (label);
        if (label != NULL)
          {
            gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                            gtk_label_get_label (GTK_LABEL (label)), -1);
            break;
          }
      }

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/* Public API */

TdWindow *
td_window_new (GtkApplication *application,
               TdDatabase     *database,
               const GError   *open_error)
{
  TdWindow *self = g_object_new (TD_TYPE_WINDOW, "application", application, "database", database, NULL);
  g_autofree char *area = g_settings_get_string (self->settings, "last-area");

  load_database_state (self, open_error);
  show_area (self, area);
  return self;
}

void
td_window_show_welcome (TdWindow   *self,
                        const char *path)
{
  td_welcome_page_set_path (self->welcome_page, path);
  gtk_stack_set_visible_child_name (self->area_stack, "welcome");
  adw_navigation_page_set_title (self->content_page, _("Welcome"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->area_list), FALSE);
}

void
td_window_set_database (TdWindow   *self,
                        TdDatabase *database)
{
  g_autofree char *area = g_settings_get_string (self->settings, "last-area");

  g_set_object (&self->database, database);
  load_database_state (self, NULL);
  /* A unit's installation opens on its own form. */
  if (td_database_get_installation (database, NULL) == TD_INSTALLATION_UNIT)
    g_set_str (&area, TD_AREA_SELF_ASSESSMENT);
  show_area (self, area);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

TdDatabase *
td_window_get_database (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  return self->database;
}

const char *
td_window_get_area (TdWindow *self)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  /* No area is chosen while the first run's choice or an error is shown. */
  if (self->database == NULL || self->area == NULL)
    return gtk_stack_get_visible_child_name (self->area_stack);
  return self->area;
}

void
td_window_set_area (TdWindow   *self,
                    const char *area)
{
  g_return_if_fail (TD_IS_WINDOW (self));

  if (area_index (area) >= 0)
    show_area (self, area);
  else
    g_warning ("Unknown area “%s”", area);
}

/**
 * td_window_get_page:
 * @area: one of the TD_AREA_ names
 *
 * The area's page, built now if it has not been shown yet (it reads the database when it is
 * first shown).
 *
 * Returns: (transfer none): the page
 */
GtkWidget *
td_window_get_page (TdWindow   *self,
                    const char *area)
{
  g_return_val_if_fail (TD_IS_WINDOW (self), NULL);
  g_return_val_if_fail (area_index (area) >= 0, NULL);

  return area_page (self, (guint) area_index (area));
}

