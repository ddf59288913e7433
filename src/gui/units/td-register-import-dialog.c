/* td-register-import-dialog.c: the preview of a unit register read from a spreadsheet.
 *
 * The sheet is read once (on a worker, by the units page); every column the user chooses
 * plans it again from those rows against the register, without reading the file.  Nothing
 * is written until Import, and not at all while a row is refused: td_register_apply() takes
 * the whole plan in one transaction. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-register-import-dialog.h"

struct _TdRegisterImportDialog
{
  AdwDialog            parent_instance;

  TdDatabase          *db;
  char                *path;
  GPtrArray           *sheet;        /* the rows as read: a column chosen plans again from it */
  TdRegisterPlan      *plan;
  char                *summary;      /* what will happen, and why Import waits, in one text */
  AdwComboRow         *combos[TD_REGISTER_N_COLUMNS];

  GtkLabel            *file_label;
  GtkLabel            *summary_label;
  GtkLabel            *waits_label;
  AdwPreferencesGroup *columns_group;
  GtkWidget           *rows_group;
  GtkListBox          *rows_list;
  GtkWidget           *import_button;
};

G_DEFINE_FINAL_TYPE (TdRegisterImportDialog, td_register_import_dialog, ADW_TYPE_DIALOG)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_plan (TdRegisterImportDialog *self,
           const char             *problem)
{
  guint counts[TD_REGISTER_REFUSE + 1] = { 0 };
  const char *waits = NULL;
  g_autofree char *what = NULL;
  gboolean ready = FALSE;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rows_list))) != NULL)
    gtk_list_box_remove (self->rows_list, child);
  /* The refused rows first: they are what stops the import, and the one refused row of 121
   * must not wait at the bottom of the list. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; self->plan && problem == NULL && i < self->plan->rows->len; i++)
      {
        TdRegisterRow *row = self->plan->rows->pdata[i];
        GtkWidget *r;
        g_autofree char *title = NULL;

        if ((pass == 0) != (row->action == TD_REGISTER_REFUSE))
          continue;
        counts[row->action]++;
        if (row->action == TD_REGISTER_SAME)
          continue;
        r = adw_action_row_new ();
        title = g_strdup_printf (_("Row %u · %s · %s"), row->line, td_register_action_label (row->action),
                                 row->record->code);
        adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (r), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (r), row->reason ? row->reason : row->record->name);
        adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (r), 3);
        if (row->action == TD_REGISTER_REFUSE)
          gtk_widget_add_css_class (r, "error");
        gtk_list_box_append (self->rows_list, r);
      }

  /* Unchanged rows are only counted: a sheet with nothing new shows no empty list. */
  gtk_widget_set_visible (self->rows_group, gtk_widget_get_first_child (GTK_WIDGET (self->rows_list)) != NULL);
  if (problem != NULL)
    waits = problem;
  else
    {
      what = g_strdup_printf (_("The header is row %u. %u to add, %u to change, %u to retire, %u unchanged, %u refused."),
                              self->plan->header_line, counts[TD_REGISTER_ADD], counts[TD_REGISTER_CHANGE],
                              counts[TD_REGISTER_RETIRE], counts[TD_REGISTER_SAME], counts[TD_REGISTER_REFUSE]);
      if (counts[TD_REGISTER_REFUSE] > 0)
        waits = _("Nothing is imported while a row is refused: correct the rows listed first in the spreadsheet, "
                  "or choose another column below, then import again.");
      else if (counts[TD_REGISTER_ADD] + counts[TD_REGISTER_CHANGE] + counts[TD_REGISTER_RETIRE] == 0)
        waits = _("The register already reads as this spreadsheet: there is nothing to import.");
      else
        ready = TRUE;
    }
  gtk_label_set_label (self->summary_label, what ? what : "");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), what != NULL);
  /* Red for what blocks the import; a sheet with nothing new is only said. */
  if (ready || counts[TD_REGISTER_REFUSE] > 0 || problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->waits_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->waits_label), "error");
  gtk_label_set_label (self->waits_label, waits ? waits : "");
  gtk_widget_set_visible (GTK_WIDGET (self->waits_label), waits != NULL);
  g_free (self->summary);
  self->summary = g_strjoin ("\n", what ? what : "", waits ? waits : "", NULL);
  /* A register with a refused row is not imported at all: correct the sheet first. */
  gtk_widget_set_sensitive (self->import_button, ready);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->import_button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  waits ? waits : "", -1);
}

static void
column_changed_cb (TdRegisterImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  TdRegisterPlan *plan;
  int chosen[TD_REGISTER_N_COLUMNS];

  for (int c = 0; c < TD_REGISTER_N_COLUMNS; c++)
    chosen[c] = (int) adw_combo_row_get_selected (self->combos[c]) - 1;
  plan = td_register_plan_rows (self->db, self->path, self->sheet, chosen, &error);
  if (plan == NULL)
    {
      /* The former plan stays, but cannot be imported: the columns no longer say it. */
      g_clear_pointer (&self->plan, td_register_plan_free);
      show_plan (self, error->message);
      return;
    }
  g_clear_pointer (&self->plan, td_register_plan_free);
  self->plan = plan;
  show_plan (self, NULL);
}

static void
cancel_cb (TdRegisterImportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
import_cb (TdRegisterImportDialog *self)
{
  td_register_import_dialog_import (self);
}

static void
td_register_import_dialog_dispose (GObject *object)
{
  TdRegisterImportDialog *self = TD_REGISTER_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_REGISTER_IMPORT_DIALOG);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (td_register_import_dialog_parent_class)->dispose (object);
}

static void
td_register_import_dialog_finalize (GObject *object)
{
  TdRegisterImportDialog *self = TD_REGISTER_IMPORT_DIALOG (object);

  g_free (self->path);
  g_free (self->summary);
  g_clear_pointer (&self->sheet, g_ptr_array_unref);
  g_clear_pointer (&self->plan, td_register_plan_free);
  G_OBJECT_CLASS (td_register_import_dialog_parent_class)->finalize (object);
}

static void
td_register_import_dialog_class_init (TdRegisterImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_register_import_dialog_dispose;
  object_class->finalize = td_register_import_dialog_finalize;

  /* Emitted after the register took the sheet; the error (if any) was already shown. */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-register-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdRegisterImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterImportDialog, waits_label);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterImportDialog, rows_list);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterImportDialog, rows_group);
  gtk_widget_class_bind_template_child (widget_class, TdRegisterImportDialog, import_button);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_cb);
}

static void
td_register_import_dialog_init (TdRegisterImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_dialog_set_default_widget (ADW_DIALOG (self), self->import_button);
}

/**
 * td_register_import_dialog_new:
 * @rows: (transfer full): the sheet's rows, as td_spreadsheet_read() gives them
 *
 * Returns: (transfer floating) (nullable): the preview, or %NULL when the sheet holds no
 *   register (no header row with a code and a name): @error says so.
 */
TdRegisterImportDialog *
td_register_import_dialog_new (TdDatabase  *db,
                               const char  *path,
                               GPtrArray   *rows,
                               GError     **error)
{
  TdRegisterImportDialog *self;
  TdRegisterPlan *plan = td_register_plan_rows (db, path, rows, NULL, error);
  g_autofree char *base = NULL;
  g_autofree char *file = NULL;

  if (plan == NULL)
    {
      g_ptr_array_unref (rows);
      return NULL;
    }
  self = g_object_new (TD_TYPE_REGISTER_IMPORT_DIALOG, NULL);
  self->db = g_object_ref (db);
  self->path = g_strdup (path);
  self->sheet = rows;
  self->plan = plan;

  base = g_filename_display_basename (path);
  file = g_strdup_printf (_("From “%s”"), base);
  gtk_label_set_label (self->file_label, file);

  /* The mapping step: which column is which, as guessed from the headers. */
  for (int c = 0; c < TD_REGISTER_N_COLUMNS; c++)
    {
      g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

      gtk_string_list_append (names, _("(none)"));
      for (guint h = 0; plan->headers[h]; h++)
        {
          g_autofree char *label = g_strdup_printf ("%u · %s", h + 1, plan->headers[h]);
          gtk_string_list_append (names, label);
        }
      self->combos[c] = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->combos[c]), td_register_column_label (c));
      adw_combo_row_set_model (self->combos[c], G_LIST_MODEL (names));
      adw_combo_row_set_selected (self->combos[c], (guint) (plan->map[c] + 1));
      g_signal_connect_swapped (self->combos[c], "notify::selected", G_CALLBACK (column_changed_cb), self);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (self->combos[c]));
    }
  show_plan (self, NULL);
  return self;
}

gboolean
td_register_import_dialog_can_import (TdRegisterImportDialog *self)
{
  g_return_val_if_fail (TD_IS_REGISTER_IMPORT_DIALOG (self), FALSE);
  return gtk_widget_get_sensitive (self->import_button);
}

/* What the dialog says will happen, and why Import waits when it does. */
const char *
td_register_import_dialog_get_summary (TdRegisterImportDialog *self)
{
  g_return_val_if_fail (TD_IS_REGISTER_IMPORT_DIALOG (self), NULL);
  return self->summary;
}

AdwComboRow *
td_register_import_dialog_get_column (TdRegisterImportDialog *self,
                                      TdRegisterColumn        column)
{
  g_return_val_if_fail (TD_IS_REGISTER_IMPORT_DIALOG (self), NULL);
  g_return_val_if_fail (column < TD_REGISTER_N_COLUMNS, NULL);
  return self->combos[column];
}

GtkListBox *
td_register_import_dialog_get_rows (TdRegisterImportDialog *self)
{
  g_return_val_if_fail (TD_IS_REGISTER_IMPORT_DIALOG (self), NULL);
  return self->rows_list;
}

/* As the Import button: applies the plan in one transaction, or says why not and changes
 * nothing.  The dialog closes either way, except when there is nothing it may import. */
void
td_register_import_dialog_import (TdRegisterImportDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TD_IS_REGISTER_IMPORT_DIALOG (self));

  if (!td_register_import_dialog_can_import (self))
    return;
  if (!td_register_apply (self->db, self->plan, &error))
    {
      /* Said in the dialog, where the rows are: nothing was written. */
      gtk_label_set_label (self->waits_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->waits_label), TRUE);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0);
  adw_dialog_close (ADW_DIALOG (self));
}
