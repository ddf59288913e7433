/* td-preferences-dialog.c: preferences, bound straight to GSettings so that nothing needs
 * saving. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-appraisal-page.h"
#include "td-preferences-dialog.h"
#include "td-trust-page.h"
#include "td-units-page.h"

struct _TdPreferencesDialog
{
  AdwPreferencesDialog  parent_instance;

  GSettings            *settings;

  AdwEntryRow          *display_name_row;
  AdwSpinRow           *evidence_limit_row;
  AdwActionRow         *database_row;
  gboolean              board;          /* the board's pages: units, signatures, appraisal */
};

G_DEFINE_FINAL_TYPE (TdPreferencesDialog, td_preferences_dialog, ADW_TYPE_PREFERENCES_DIALOG)

static void
td_preferences_dialog_dispose (GObject *object)
{
  TdPreferencesDialog *self = TD_PREFERENCES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PREFERENCES_DIALOG);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (td_preferences_dialog_parent_class)->dispose (object);
}

static void
td_preferences_dialog_class_init (TdPreferencesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_preferences_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-preferences-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesDialog, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesDialog, evidence_limit_row);
  gtk_widget_class_bind_template_child (widget_class, TdPreferencesDialog, database_row);
}

static void
td_preferences_dialog_init (TdPreferencesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "display-name", self->display_name_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "evidence-max-mb", self->evidence_limit_row, "value", G_SETTINGS_BIND_DEFAULT);
}

TdPreferencesDialog *
td_preferences_dialog_new (TdDatabase *db)
{
  TdPreferencesDialog *self = g_object_new (TD_TYPE_PREFERENCES_DIALOG, NULL);

  adw_action_row_set_subtitle (self->database_row, db ? td_database_get_path (db) : _("None"));
  /* The signature policy belongs to the open database. */
  if (db != NULL && td_database_get_installation (db, NULL) == TD_INSTALLATION_BOARD)
    {
      self->board = TRUE;
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), ADW_PREFERENCES_PAGE (td_units_page_new (db)));
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), ADW_PREFERENCES_PAGE (td_trust_page_new (db)));
      adw_preferences_dialog_add (ADW_PREFERENCES_DIALOG (self), ADW_PREFERENCES_PAGE (td_appraisal_page_new (db)));
    }
  return self;
}

gboolean
td_preferences_dialog_show_page (TdPreferencesDialog  *self,
                                 const char           *name,
                                 GError              **error)
{
  /* AdwPreferencesDialog warns about a name it does not have and stays on its first page; a
   * name typed on the command line is checked here, with the names there are. */
  static const char * const board_pages[] = { "general", "units", "signatures", "appraisal", NULL };
  static const char * const unit_pages[] = { "general", NULL };
  const char * const *pages = self->board ? board_pages : unit_pages;

  g_return_val_if_fail (TD_IS_PREFERENCES_DIALOG (self), FALSE);

  if (name == NULL || !g_strv_contains (pages, name))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) pages);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Preferences have no page “%s” here. The pages are: %s."), name ? name : "", known);
      return FALSE;
    }
  adw_preferences_dialog_set_visible_page_name (ADW_PREFERENCES_DIALOG (self), name);
  return TRUE;
}
