/* td-values-import.c: "Import Figures from a Spreadsheet…" on the self-assessment page.
 *
 * The spreadsheet is read and every row checked on a worker with its own connection
 * (td_values_plan_import_async(), the same code as `thidua-cli values import`); the preview lists
 * what would be stored beside what is stored now, and every row that is wrong.  Nothing is
 * stored unless every row passes and the clerk says so. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-assessment-page-private.h"
#include "td-values-import.h"

static GtkWidget *
preview_list (TdValuesPlan *plan)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < plan->problems->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), plan->problems->pdata[i]);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (icon, "error");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  for (guint i = 0; i < plan->rows->len; i++)
    {
      TdValuesRow *vr = plan->rows->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%u. %s", td_target_get_number (vr->target), td_target_get_text (vr->target));
      g_autofree char *value = td_value_format (vr->value);
      g_autofree char *shown = td_target_format_value (vr->target, vr->value);
      g_autofree char *was = vr->previous ? td_value_format (vr->previous) : NULL;
      g_autofree char *subtitle = NULL;

      if (was != NULL && g_strcmp0 (was, value) != 0)
        subtitle = g_strdup_printf (_("%s → %s (was %s)"), value, shown ? shown : _("not applicable"), was);
      else
        subtitle = g_strdup_printf ("%s → %s", value, shown ? shown : _("not applicable"));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  return scroller;
}

/* The figures the preview shows, stored on "store"; freed with the alert. */
typedef struct {
  TdAssessmentPage *page;
  TdValuesPlan     *plan;
} Preview;

static void
preview_free (gpointer  data,
              GClosure *closure)
{
  Preview *p = data;

  g_object_unref (p->page);
  td_values_plan_free (p->plan);
  g_free (p);
}

static void
preview_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     Preview        *preview)
{
  TdAssessmentPage *self = preview->page;
  TdValuesPlan *plan = preview->plan;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;

  if (g_strcmp0 (response, "store") != 0)
    return;
  /* What was typed and not yet saved goes first, then the file's figures over it. */
  if (!td_assessment_page_flush (self) || !td_values_plan_apply (self->db, plan, &error))
    {
      td_assessment_page_toast (self, error ? error->message : _("The figures could not be stored."));
      return;
    }
  td_assessment_page_reload (self);
  done = g_strdup_printf (g_dngettext (NULL, "Stored %u figure from the spreadsheet", "Stored %u figures from the spreadsheet",
                                       plan->rows->len),
                          plan->rows->len);
  td_assessment_page_toast (self, done);
}

static void
plan_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TdAssessmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  TdValuesPlan *plan = td_values_plan_import_finish (result, &error);
  AdwDialog *dialog;
  Preview *preview;
  g_autofree char *body = NULL;
  guint replaced = 0;

  if (plan == NULL)
    {
      td_assessment_page_toast (self, error->message);
      return;
    }
  for (guint i = 0; i < plan->rows->len; i++)
    {
      TdValuesRow *row = plan->rows->pdata[i];

      replaced += row->previous != NULL && !td_value_equal (row->previous, row->value);
    }
  if (plan->problems->len > 0)
    body = g_strdup_printf (g_dngettext (NULL, "%u row needs correcting in the spreadsheet; nothing can be stored until it is.",
                                         "%u rows need correcting in the spreadsheet; nothing can be stored until they are.",
                                         plan->problems->len),
                            plan->problems->len);
  else
    {
      body = g_strdup_printf (g_dngettext (NULL, "%u figure will be stored, checked as the form checks it.",
                                           "%u figures will be stored, checked as the form checks them.", plan->rows->len),
                              plan->rows->len);
      /* Figures typed in the form are overwritten and there is no undo: said before, with the
       * old figure beside each, and Store is not the default then. */
      if (replaced > 0)
        {
          g_autofree char *over = g_strdup_printf (g_dngettext (NULL, "%u of them replaces a figure already in the form "
                                                                 "(shown as “was”); there is no undo.",
                                                                 "%u of them replace figures already in the form "
                                                                 "(shown as “was”); there is no undo.", replaced),
                                                   replaced);
          g_autofree char *both = g_strdup_printf ("%s %s", body, over);

          g_set_str (&body, both);
        }
    }
  dialog = adw_alert_dialog_new (_("Import Figures?"), body);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), preview_list (plan));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "store", _("_Store Figures"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "store",
                                            replaced > 0 ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (ADW_ALERT_DIALOG (dialog), "store", plan->problems->len == 0);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog),
                                         plan->problems->len == 0 && replaced == 0 ? "store" : "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  preview = g_new0 (Preview, 1);
  preview->page = g_object_ref (self);
  preview->plan = plan;
  g_signal_connect_data (dialog, "response", G_CALLBACK (preview_response_cb), preview, preview_free, 0);
  adw_dialog_present (dialog, GTK_WIDGET (self));
}

void
td_assessment_page_import_values (TdAssessmentPage *self,
                                  GFile            *file)
{
  g_return_if_fail (TD_IS_ASSESSMENT_PAGE (self));
  if (self->unit == NULL || self->round == NULL || g_file_peek_path (file) == NULL)
    return;
  td_values_plan_import_async (self->db, g_file_peek_path (file), td_unit_get_id (self->unit),
                               td_round_get_number (self->round), NULL, plan_ready_cb, g_object_ref (self));
}

static void
file_chosen_cb (GtkFileDialog    *dialog,
                GAsyncResult     *result,
                TdAssessmentPage *self)
{
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (dialog, result, NULL);

  if (file != NULL)
    td_assessment_page_import_values (self, file);
  g_object_unref (self);
}

void
td_assessment_page_choose_values_file (TdAssessmentPage *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .ods, .xls, .csv)"));
  for (const char * const *p = (const char * const[]) { "*.xlsx", "*.ods", "*.xls", "*.csv", NULL }; *p; p++)
    gtk_file_filter_add_pattern (filter, *p);
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Import Figures from a Spreadsheet"));
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                        (GAsyncReadyCallback) file_chosen_cb, g_object_ref (self));
}
