/* td-units-page.c: the unit register, as the board keeps it.
 *
 * Every change goes through td-register.c, which checks it and writes the audit log; the
 * dialogs here only show what it says, in place, and keep what was typed when it refuses. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-register-import-dialog.h"
#include "td-register-import.h"
#include "td-setup.h"
#include "td-spreadsheet.h"
#include "td-sign-dialog.h"
#include "td-units-page.h"
#include "td-notify.h"

struct _TdUnitsPage
{
  AdwPreferencesPage   parent_instance;

  TdDatabase          *db;
  GtkEditable         *search;
  AdwPreferencesGroup *list_group;
  GListStore          *units;        /* TdRegisterEntry, the whole register as a tree */
  GtkCustomFilter     *filter;       /* the search */
  GtkFilterListModel  *shown;        /* what the list shows, bound to it */
  char                *needle;       /* the search, folded */
  GtkLabel            *nothing;      /* the list's placeholder */
  gboolean             reading;      /* a spreadsheet is being read for an import */
};

G_DEFINE_FINAL_TYPE (TdUnitsPage, td_units_page, ADW_TYPE_PREFERENCES_PAGE)

static void refresh (TdUnitsPage *self);

/* The edit dialog */

typedef struct {
  TdUnitsPage  *self;
  gboolean      create;
  AdwEntryRow  *code, *name, *parent, *proposer, *contact, *phone, *email;
  AdwComboRow  *kind;
  AdwSwitchRow *active;
  GtkLabel     *problem;
  gboolean      refused;     /* the register said no: the dialog stays open */
} Editor;

static void
editor_free (gpointer  data,
             GClosure *closure)
{
  g_free (data);
}

/* Responses close an alert dialog; one the register refused stays, with what was typed. */
static void
editor_close_attempt_cb (AdwDialog *dialog,
                         Editor    *e)
{
  if (e->refused)
    e->refused = FALSE;
  else
    adw_dialog_force_close (dialog);
}

static AdwEntryRow *
entry_row (AdwPreferencesGroup *group,
           const char          *title,
           const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static char *
text_or_null (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text ? g_steal_pointer (&text) : NULL;
}

static void
editor_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    Editor         *e)
{
  g_autoptr(TdUnitRecord) r = td_unit_record_new ();
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "save"))
    return;
  r->code = text_or_null (e->code);
  r->name = text_or_null (e->name);
  r->kind = (TdUnitKind) adw_combo_row_get_selected (e->kind);
  r->parent_code = text_or_null (e->parent);
  r->proposer_code = text_or_null (e->proposer);
  g_free (r->contact);
  g_free (r->phone);
  g_free (r->email);
  r->contact = g_strdup (gtk_editable_get_text (GTK_EDITABLE (e->contact)));
  r->phone = g_strdup (gtk_editable_get_text (GTK_EDITABLE (e->phone)));
  r->email = g_strdup (gtk_editable_get_text (GTK_EDITABLE (e->email)));
  r->active = adw_switch_row_get_active (e->active);
  if (!td_register_save (e->self->db, r, e->create, &error))
    {
      /* Said in the dialog, which stays open with everything typed. */
      gtk_label_set_label (e->problem, error->message);
      gtk_widget_set_visible (GTK_WIDGET (e->problem), TRUE);
      e->refused = TRUE;
      return;
    }
  refresh (e->self);
}

AdwDialog *
td_units_page_edit (TdUnitsPage *self,
                    const char  *code)
{
  g_autoptr(TdUnitRecord) r = code ? td_register_get (self->db, code, NULL) : td_unit_record_new ();
  AdwDialog *dialog = adw_alert_dialog_new (code ? _("Edit the Unit") : _("Add a Unit"), NULL);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  Editor *e = g_new0 (Editor, 1);

  if (r == NULL)
    return NULL;
  e->self = self;
  e->create = code == NULL;
  e->code = entry_row (group, _("Code"), r->code);
  gtk_widget_set_sensitive (GTK_WIDGET (e->code), code == NULL);
  e->name = entry_row (group, _("Name"), r->name);
  for (int k = 0; k < TD_N_UNIT_KINDS; k++)
    gtk_string_list_append (kinds, td_unit_kind_get_label (k));
  e->kind = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->kind), _("Kind"));
  adw_combo_row_set_model (e->kind, G_LIST_MODEL (kinds));
  adw_combo_row_set_selected (e->kind, r->kind);
  adw_preferences_group_add (group, GTK_WIDGET (e->kind));
  e->parent = entry_row (group, _("Code of the Unit Above It"), r->parent_code);
  e->proposer = entry_row (group, _("Code of the Unit That Proposes Its Awards"), r->proposer_code);
  e->contact = entry_row (group, _("Contact Person"), r->contact);
  e->phone = entry_row (group, _("Phone"), r->phone);
  e->email = entry_row (group, _("E-mail"), r->email);
  e->active = ADW_SWITCH_ROW (adw_switch_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->active), _("Takes Part"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (e->active), _("A retired unit keeps its history and is offered for nothing new"));
  adw_switch_row_set_active (e->active, r->active);
  adw_preferences_group_add (group, GTK_WIDGET (e->active));
  e->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (e->problem, TRUE);
  gtk_label_set_xalign (e->problem, 0);
  gtk_widget_add_css_class (GTK_WIDGET (e->problem), "error");
  gtk_widget_set_visible (GTK_WIDGET (e->problem), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (e->problem), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problem"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (group));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (e->problem));
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), box);
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  /* Save checks first: the dialog closes only when the register took the unit. */
  adw_alert_dialog_set_prefer_wide_layout (ADW_ALERT_DIALOG (dialog), TRUE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (editor_response_cb), e, editor_free, 0);
  adw_dialog_set_can_close (dialog, FALSE);
  g_signal_connect (dialog, "close-attempt", G_CALLBACK (editor_close_attempt_cb), e);
  adw_dialog_present (dialog, GTK_WIDGET (self));
  return dialog;
}

/* Import */

static void
imported_cb (TdUnitsPage *self)
{
  refresh (self);
}

/* The preview of @rows, read from @path; takes @rows. NULL (having said why) when the sheet
 * has no register in it. */
static AdwDialog *
preview_present (TdUnitsPage *self,
                 const char  *path,
                 GPtrArray   *rows)
{
  g_autoptr(GError) error = NULL;
  TdRegisterImportDialog *dialog = td_register_import_dialog_new (self->db, path, rows, &error);

  if (dialog == NULL)
    {
      td_notify_alert (GTK_WIDGET (self), _("The Spreadsheet Cannot Be Read"), error ? error->message : "");
      return NULL;
    }
  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), self, G_CONNECT_SWAPPED);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
  return ADW_DIALOG (dialog);
}

AdwDialog *
td_units_page_preview_import (TdUnitsPage *self,
                              GFile       *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  GPtrArray *rows = path ? td_spreadsheet_read (path, NULL, &error) : NULL;

  if (rows == NULL)
    {
      td_notify_alert (GTK_WIDGET (self), _("The Spreadsheet Cannot Be Read"), error ? error->message : "");
      return NULL;
    }
  return preview_present (self, path, rows);
}

typedef struct {
  TdUnitsPage *self;
  char        *path;
} Reading;

static void
sheet_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Reading *r = user_data;
  g_autoptr(TdUnitsPage) self = r->self;
  g_autofree char *path = r->path;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = td_spreadsheet_read_finish (result, &error);

  g_free (r);
  self->reading = FALSE;
  if (rows == NULL)
    {
      td_notify_alert (GTK_WIDGET (self), _("The Spreadsheet Cannot Be Read"), error->message);
      return;
    }
  preview_present (self, path, rows);
}

void
td_units_page_import_file (TdUnitsPage *self,
                           GFile       *file)
{
  g_autofree char *path = g_file_get_path (file);
  Reading *r;

  g_return_if_fail (TD_IS_UNITS_PAGE (self));

  if (path == NULL)
    {
      td_notify_alert (GTK_WIDGET (self), _("The Spreadsheet Cannot Be Read"),
                       _("The file is not on this computer's disk: copy it here first."));
      return;
    }
  /* Read on a worker (a hostile or huge sheet must not freeze the window); the preview, which
   * compares with the register, comes back here. */
  self->reading = TRUE;
  td_notify_toast (GTK_WIDGET (self), _("Reading the spreadsheet…"));
  r = g_new0 (Reading, 1);
  r->self = g_object_ref (self);
  r->path = g_strdup (path);
  td_spreadsheet_read_async (path, NULL, NULL, sheet_read_cb, r);
}

gboolean
td_units_page_is_reading (TdUnitsPage *self)
{
  return self->reading;
}

static void
import_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdUnitsPage) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file != NULL)
    td_units_page_import_file (self, file);
}

static void
import_activated_cb (TdUnitsPage *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);

  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .ods, .csv)"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "ods");
  gtk_file_filter_add_suffix (filter, "xls");
  gtk_file_filter_add_suffix (filter, "csv");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Import the Unit Register"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, import_chosen_cb,
                        g_object_ref (self));
}

/* Setup files */

/* Where the setup files go, and the page that says so once they are written. */
typedef struct {
  TdUnitsPage *page;
  char        *dir;
} SetupExport;

static void
setup_export_free (gpointer  data,
                   GClosure *closure)
{
  SetupExport *e = data;

  g_object_unref (e->page);
  g_free (e->dir);
  g_free (e);
}

static void
setup_written_cb (TdSignDialog *sign,
                  const char   *signer,
                  SetupExport  *export)
{
  TdUnitsPage *self = export->page;
  guint written = td_sign_dialog_get_n_written (sign);
  const char *dir = export->dir;
  g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u setup file written in %s.",
                                                        "%u setup files written in %s.", written), written, dir);
  g_autofree char *text = signer ? g_strdup_printf (_("%s Signed by %s."), done, signer)
                                 : g_strdup_printf (_("%s Not signed."), done);

  td_notify_alert (GTK_WIDGET (self), _("Setup Files Written"), text);
}

static void
folder_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdUnitsPage) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autofree char *dir = folder ? g_file_get_path (folder) : NULL;
  TdSignDialog *sign;
  SetupExport *export;

  if (dir == NULL)
    return;
  sign = td_sign_dialog_new_for_setup (self->db, dir);
  export = g_new0 (SetupExport, 1);
  export->page = g_object_ref (self);
  export->dir = g_steal_pointer (&dir);
  g_signal_connect_data (sign, "exported", G_CALLBACK (setup_written_cb), export, setup_export_free, 0);
  adw_dialog_present (ADW_DIALOG (sign), GTK_WIDGET (self));
}

static void
setup_activated_cb (TdUnitsPage *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Folder for the Units' Setup Files"));
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, folder_chosen_cb,
                                 g_object_ref (self));
}

static void
add_activated_cb (TdUnitsPage *self)
{
  td_units_page_edit (self, NULL);
}

/* The list */

static void
unit_activated_cb (TdUnitsPage   *self,
                   GtkListBoxRow *row)
{
  g_autoptr(TdRegisterEntry) entry = g_list_model_get_item (G_LIST_MODEL (self->shown),
                                                            (guint) gtk_list_box_row_get_index (row));

  if (entry != NULL)
    td_units_page_edit (self, td_register_entry_get_record (entry)->code);
}

static GtkWidget *
unit_row_new (gpointer item,
              gpointer user_data)
{
  TdRegisterEntry *entry = item;
  const TdUnitRecord *r = td_register_entry_get_record (entry);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = g_strdup_printf ("%s · %s%s%s%s", r->code, td_unit_kind_get_label (r->kind),
                                               *r->contact ? " · " : "", r->contact,
                                               r->active ? "" : _(" · retired"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), r->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  /* The tree: each level a step in from the row's edge, the list's edge kept. */
  if (td_register_entry_get_depth (entry) > 0)
    {
      GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (indent, 20 * (int) td_register_entry_get_depth (entry), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);
    }
  if (!r->active)
    gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static gboolean
unit_matches (gpointer item,
              gpointer user_data)
{
  TdUnitsPage *self = user_data;

  return td_register_entry_matches (item, self->needle);
}

/* An empty list says why: no unit at all, or none that matches what is typed. */
static void
update_placeholder (TdUnitsPage *self)
{
  gtk_label_set_label (self->nothing, g_list_model_get_n_items (G_LIST_MODEL (self->units)) == 0
                                      ? _("No units yet: import the province's register or add a unit above.")
                                      : _("No unit matches the search."));
}

static void
search_changed_cb (TdUnitsPage *self)
{
  g_free (self->needle);
  self->needle = td_register_fold (gtk_editable_get_text (self->search));
  update_placeholder (self);
  /* Only the filter runs again: the rows of the units still shown stay as they are. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* The register read again (after an edit, an import): the store's items are replaced in one
 * go, so the list rebuilds its rows once. */
static void
refresh (TdUnitsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) tree = td_register_list_tree (self->db, &error);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *count = NULL;
  guint n;

  if (tree == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  n = g_list_model_get_n_items (tree);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (tree, i));
  g_list_store_splice (self->units, 0, g_list_model_get_n_items (G_LIST_MODEL (self->units)), items->pdata, n);
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u unit", "%u units", n), n);
  adw_preferences_group_set_description (self->list_group, count);
  update_placeholder (self);
}

void
td_units_page_set_search (TdUnitsPage *self,
                          const char  *text)
{
  gtk_editable_set_text (self->search, text);
  search_changed_cb (self);
}

guint
td_units_page_get_n_shown (TdUnitsPage *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->shown));
}

/* GObject */

static void
td_units_page_dispose (GObject *object)
{
  TdUnitsPage *self = TD_UNITS_PAGE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->shown);
  g_clear_object (&self->units);
  g_clear_pointer (&self->needle, g_free);
  G_OBJECT_CLASS (td_units_page_parent_class)->dispose (object);
}

static void
td_units_page_class_init (TdUnitsPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = td_units_page_dispose;
}

static GtkWidget *
button_row (const char *title,
            const char *subtitle,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *row = adw_button_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, subtitle);
  g_signal_connect_swapped (row, "activated", callback, data);
  return row;
}

static void
td_units_page_init (TdUnitsPage *self)
{
  AdwPreferencesGroup *actions = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  AdwPreferencesGroup *search_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GtkWidget *search = gtk_search_entry_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *nothing = gtk_label_new (NULL);

  self->needle = g_strdup ("");
  self->units = g_list_store_new (TD_TYPE_REGISTER_ENTRY);
  self->filter = gtk_custom_filter_new (unit_matches, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->units)), GTK_FILTER (self->filter));
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (self), _("Units"));
  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (self), "units");
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (self), "system-users-symbolic");

  adw_preferences_group_set_title (actions, _("Unit Register"));
  adw_preferences_group_set_description (actions, _("The province's units, as its own register lists them. Every change "
                                                    "is recorded in the audit log."));
  adw_preferences_group_add (actions, button_row (_("_Import From a Spreadsheet…"),
                                                  _("An .xlsx, .ods or .csv file with a code and a name column; a preview "
                                                    "shows what each row does before anything changes"),
                                                  G_CALLBACK (import_activated_cb), self));
  adw_preferences_group_add (actions, button_row (_("_Add a Unit…"), NULL, G_CALLBACK (add_activated_cb), self));
  adw_preferences_group_add (actions, button_row (_("Write _Setup Files…"),
                                                  _("One file per unit, for the clerks to set up their own installation"),
                                                  G_CALLBACK (setup_activated_cb), self));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), actions);

  self->search = GTK_EDITABLE (search);
  gtk_search_entry_set_placeholder_text (GTK_SEARCH_ENTRY (search), _("Search by name or code"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search units"), -1);
  g_signal_connect_swapped (search, "search-changed", G_CALLBACK (search_changed_cb), self);
  adw_preferences_group_add (search_group, search);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), search_group);

  self->list_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  self->nothing = GTK_LABEL (nothing);
  gtk_label_set_wrap (self->nothing, TRUE);
  gtk_widget_add_css_class (nothing, "dim-label");
  gtk_widget_set_margin_top (nothing, 12);
  gtk_widget_set_margin_bottom (nothing, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), nothing);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Units"), -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (self->shown), unit_row_new, self, NULL);
  g_signal_connect_swapped (list, "row-activated", G_CALLBACK (unit_activated_cb), self);
  adw_preferences_group_add (self->list_group, list);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), self->list_group);
}

TdUnitsPage *
td_units_page_new (TdDatabase *db)
{
  TdUnitsPage *self = g_object_new (TD_TYPE_UNITS_PAGE, NULL);

  self->db = g_object_ref (db);
  refresh (self);
  return self;
}
