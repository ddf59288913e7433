/* td-welcome-page.c: the three ways to start.
 *
 * Nothing is reachable before a choice is made: there is no database to show.  A unit's
 * installation is made from the setup file alone (td_setup_open()), into a new file; a failure
 * removes that file again, so the next attempt starts clean.  The sample is made on a worker,
 * since drawing its evidence takes a few seconds. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "td-setup.h"
#include "td-demo.h"
#include "td-welcome-page.h"

struct _TdWelcomePage
{
  AdwBin    parent_instance;

  char     *path;
  GtkLabel *status_label;
  GtkWidget *setup_button;
};

G_DEFINE_FINAL_TYPE (TdWelcomePage, td_welcome_page, ADW_TYPE_BIN)

enum {
  DATABASE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
say (TdWelcomePage *self,
     const char    *message)
{
  gtk_label_set_label (self->status_label, message ? message : "");
}

/* A new database file at @path: refused when one is there already. */
static TdDatabase *
create_database (const char  *path,
                 GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("“%s” exists already; open it with --database."), path);
      return NULL;
    }
  g_mkdir_with_parents (dir, 0700);
  return td_database_open (path, error);
}

static void
board_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  TdWelcomePage *self = TD_WELCOME_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = create_database (self->path, &error);

  if (db == NULL || !td_catalog_ensure_seed (db, &error) ||
      !td_database_set_installation (db, TD_INSTALLATION_BOARD, NULL, &error))
    {
      say (self, error->message);
      if (db != NULL)
        {
          g_clear_object (&db);
          td_database_delete_files (self->path);
        }
      return;
    }
  g_signal_emit (self, signals[DATABASE_READY], 0, db);
}

static void
sample_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TdWelcomePage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDatabase) db = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self), TRUE);
  if ((db = td_demo_create_finish (result, &error)) == NULL)
    {
      say (self, error->message);
      return;
    }
  say (self, NULL);
  g_signal_emit (self, signals[DATABASE_READY], 0, db);
}

static void
sample_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdWelcomePage *self = TD_WELCOME_PAGE (widget);
  g_autofree char *dir = g_path_get_dirname (self->path);
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);

  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
  say (self, _("Making the sample province…"));
  td_demo_create_async (path, NULL, sample_done_cb, g_object_ref (self));
}

typedef struct {
  TdWelcomePage *self;
  GFile         *file;
  GtkDropDown   *dropdown;
  GPtrArray     *units;
} Choice;

static void
choice_free (gpointer  data,
             GClosure *closure)
{
  Choice *c = data;

  g_object_unref (c->file);
  g_ptr_array_unref (c->units);
  g_free (c);
}

static void
unit_chosen_cb (AdwAlertDialog *dialog,
                const char     *response,
                Choice         *c)
{
  guint pos = gtk_drop_down_get_selected (c->dropdown);

  if (g_str_equal (response, "open") && pos != GTK_INVALID_LIST_POSITION)
    td_welcome_page_open_setup_file (c->self, c->file, ((TdUnitRecord *) c->units->pdata[pos])->code);
}

/* A file for every unit of the province: which one is this computer's? */
static void
ask_unit (TdWelcomePage *self,
          GFile         *file,
          GPtrArray     *units)
{
  AdwDialog *dialog = adw_alert_dialog_new (_("Which Unit Is This?"),
                                            _("The setup file holds every unit of the province. Choose the unit this computer "
                                              "fills in the self-assessment for."));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  Choice *c = g_new0 (Choice, 1);

  for (guint i = 0; i < units->len; i++)
    {
      TdUnitRecord *r = units->pdata[i];
      g_autofree char *label = g_strdup_printf ("%s (%s)", r->name, r->code);
      gtk_string_list_append (names, label);
    }
  c->self = self;
  c->file = g_object_ref (file);
  c->units = g_ptr_array_ref (units);
  c->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL));
  gtk_drop_down_set_enable_search (c->dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unit"), -1);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (c->dropdown));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "open", _("_Set Up"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "open", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "open");
  g_signal_connect_data (dialog, "response", G_CALLBACK (unit_chosen_cb), c, choice_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
td_welcome_page_open_setup_file (TdWelcomePage *self,
                                 GFile         *file,
                                 const char    *unit_code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *for_unit = NULL;
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(TdDatabase) db = NULL;
  g_autoptr(TdSetupResult) result = NULL;

  if (path == NULL)
    return;
  /* Checked before any database is made. */
  units = td_setup_list_units (path, &for_unit, &error);
  if (units == NULL)
    {
      say (self, error->message);
      return;
    }
  if (for_unit == NULL && unit_code == NULL)
    {
      ask_unit (self, file, units);
      return;
    }
  db = create_database (self->path, &error);
  if (db == NULL || (result = td_setup_open (db, path, unit_code, &error)) == NULL)
    {
      say (self, error->message);
      if (db != NULL)
        {
          g_clear_object (&db);
          td_database_delete_files (self->path);
        }
      return;
    }
  say (self, NULL);
  g_signal_emit (self, signals[DATABASE_READY], 0, db);
}

static void
setup_chosen_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TdWelcomePage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    td_welcome_page_open_setup_file (self, file, NULL);
}

static void
setup_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  TdWelcomePage *self = TD_WELCOME_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Setup files from the province"));
  gtk_file_filter_add_suffix (filter, "thidua-setup");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Open the Setup File"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, setup_chosen_cb, g_object_ref (self));
}

void
td_welcome_page_set_path (TdWelcomePage *self,
                          const char    *path)
{
  g_set_str (&self->path, path);
}

static void
td_welcome_page_finalize (GObject *object)
{
  TdWelcomePage *self = TD_WELCOME_PAGE (object);

  g_free (self->path);
  G_OBJECT_CLASS (td_welcome_page_parent_class)->finalize (object);
}

static void
td_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TD_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (td_welcome_page_parent_class)->dispose (object);
}

static void
td_welcome_page_class_init (TdWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_welcome_page_dispose;
  object_class->finalize = td_welcome_page_finalize;

  /* The new database, ready to show; the receiver keeps its own reference. */
  signals[DATABASE_READY] = g_signal_new ("database-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                          NULL, NULL, NULL, G_TYPE_NONE, 1, TD_TYPE_DATABASE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdWelcomePage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TdWelcomePage, setup_button);
  gtk_widget_class_install_action (widget_class, "welcome.setup", NULL, setup_cb);
  gtk_widget_class_install_action (widget_class, "welcome.board", NULL, board_cb);
  gtk_widget_class_install_action (widget_class, "welcome.sample", NULL, sample_cb);
}

static void
td_welcome_page_init (TdWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
