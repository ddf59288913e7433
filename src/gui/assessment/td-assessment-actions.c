/* td-assessment-actions.c: what the self-assessment page does beyond typing: submit, withdraw,
 * export and import packages, attach and show evidence. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-assessment-page-private.h"
#include "td-notify.h"
#include "td-pickers.h"
#include "td-sign-dialog.h"
#include "td-evidence-preview.h"
#include "td-import-dialog.h"
#include "td-package.h"
#include "td-pdf-bytes.h"

/* Helpers */

static gsize
evidence_limit (TdAssessmentPage *self)
{
  return (gsize) g_settings_get_int (self->settings, "evidence-max-mb") * 1024 * 1024;
}

static TdTargetRow *
first_problem (TdAssessmentPage  *self,
               GPtrArray        **messages)
{
  TdTargetRow *first = NULL;

  *messages = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < self->rows->len; i++)
    {
      TdTargetRow *row = self->rows->pdata[i];
      char *message = NULL;
      TdOutcome outcome = td_target_row_get_outcome (row, &message);

      if (outcome == TD_OUTCOME_INVALID || outcome == TD_OUTCOME_MISSING)
        {
          g_ptr_array_add (*messages, message);
          if (first == NULL)
            first = row;
        }
      else
        g_free (message);
    }
  return first;
}

static void
go_to_row (TdAssessmentPage *self,
           TdTargetRow      *row)
{
  graphene_point_t point;

  if (gtk_widget_compute_point (GTK_WIDGET (row), GTK_WIDGET (self->form_box), &GRAPHENE_POINT_INIT (0, 0), &point))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), MAX (point.y - 24, 0));
  td_target_row_focus_problem (row);
}

/* Submit */

static void
problems_response_cb (AdwAlertDialog   *dialog,
                      GAsyncResult     *result,
                      TdAssessmentPage *self)
{
  const char *response = adw_alert_dialog_choose_finish (dialog, result);
  g_autoptr(GPtrArray) messages = NULL;
  /* Found again: nothing changes the form while the alert is up. */
  TdTargetRow *row = first_problem (self, &messages);

  if (g_strcmp0 (response, "go") == 0 && row != NULL)
    go_to_row (self, row);
  g_object_unref (self);
}

static void
submit_response_cb (AdwAlertDialog   *dialog,
                    GAsyncResult     *result,
                    TdAssessmentPage *self)
{
  const char *response = adw_alert_dialog_choose_finish (dialog, result);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "submit") == 0)
    {
      if (td_assessment_page_ensure (self, &error) &&
          td_assessment_set_status (self->db, td_assessment_page_get_assessment_id (self), TD_ASSESSMENT_SUBMITTED, NULL, self->targets, &error))
        {
          td_assessment_page_reload (self);
          td_assessment_page_toast (self, _("Submitted. Export the file for the province when you are ready to send it."));
        }
      else
        td_assessment_page_toast (self, error->message);
    }
  g_object_unref (self);
}

static void
submit_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  g_autoptr(GPtrArray) messages = NULL;
  TdTargetRow *row;
  AdwDialog *dialog;

  if (!td_assessment_page_flush (self))
    return;
  /* The rows say what is wrong and where: Ctrl+Enter can come before the first frame. */
  td_assessment_page_ensure_form (self);
  row = first_problem (self, &messages);
  /* What is saved is checked by the core's own list, the one submitting applies: the figures,
   * the standards switched on without a justification, the campaign's rules. */
  if (td_assessment_page_get_assessment_id (self) != 0)
    {
      g_autoptr(GPtrArray) all = td_assessment_list_problems (self->db, td_assessment_page_get_assessment_id (self), self->targets, NULL);
      if (all != NULL)
        {
          g_ptr_array_unref (messages);
          messages = g_steal_pointer (&all);
        }
    }
  if (messages->len > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      /* Short: a long heading does not fit the dialog on a narrow window. */
      const char *heading = _("Not Ready to Submit");

      /* Say exactly which targets, then take the clerk to the first. */
      for (guint i = 0; i < messages->len && i < 8; i++)
        g_string_append_printf (body, "%s%s", i ? "\n" : "", (const char *) messages->pdata[i]);
      if (messages->len > 8)
        g_string_append_printf (body, "\n%s", _("…and more."));
      dialog = adw_alert_dialog_new (heading, body->str);
      adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "close", _("_Close"), NULL);
      if (row != NULL)
        {
          adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "go", _("_Go to the First"), NULL);
          adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "go");
        }
      adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), widget, NULL,
                               (GAsyncReadyCallback) problems_response_cb, g_object_ref (self));
      return;
    }

  {
    guint met = 0, applicable = 0, without_evidence = 0;
    g_autofree char *body = NULL;
    gboolean board;

    for (guint i = 0; i < self->rows->len; i++)
      {
        TdOutcome outcome = td_target_row_get_outcome (self->rows->pdata[i], NULL);
        if (outcome == TD_OUTCOME_NOT_APPLICABLE)
          continue;
        applicable++;
        met += outcome == TD_OUTCOME_MET;
        without_evidence += td_target_row_get_n_evidence (self->rows->pdata[i]) == 0;
      }
    board = td_database_get_installation (self->db, NULL) == TD_INSTALLATION_BOARD;
    {
      g_autofree char *counts = g_strdup_printf (_("%s meets %u of %u applicable targets; %u of them have no "
                                                   "evidence attached."),
                                                 td_unit_get_name (self->unit), met, applicable, without_evidence);

      /* What submitting means: at the board, recording a unit's paper form. */
      body = g_strdup_printf ("%s\n\n%s", counts,
                              board ? _("The figures typed here are recorded as the unit's submission, as if it had "
                                        "sent its file; the form is then read-only until it is returned.")
                                    : _("After submitting, the form can no longer be changed unless you withdraw it "
                                        "before sending the file, or the province returns it."));
    }
    /* Late: said before, not discovered at the province. */
    {
      TdUnitDeadline *d = td_assessment_page_get_deadline (self);

      if (d != NULL && d->days_left < 0)
        {
          g_autofree char *due = td_format_date (d->has_exception ? d->exception_until : d->closes_on);
          g_autofree char *late = g_strdup_printf (g_dngettext (NULL, "The deadline was %s: the province will count this "
                                                                "self-assessment as %d day late.",
                                                                "The deadline was %s: the province will count this "
                                                                "self-assessment as %d days late.", -d->days_left),
                                                   due, -d->days_left);
          g_autofree char *with = g_strdup_printf ("%s\n\n%s", late, body);
          g_set_str (&body, with);
        }
    }
    dialog = adw_alert_dialog_new (board ? _("Record the Self-Assessment as Submitted?") : _("Submit the Self-Assessment?"),
                                   body);
    adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "submit", board ? _("_Record") : _("_Submit"), NULL);
    adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "submit", ADW_RESPONSE_SUGGESTED);
    adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "submit");
    adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), widget, NULL,
                             (GAsyncReadyCallback) submit_response_cb, g_object_ref (self));
  }
}

static void
withdraw_response_cb (AdwAlertDialog   *dialog,
                      GAsyncResult     *result,
                      TdAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (adw_alert_dialog_choose_finish (dialog, result), "withdraw") != 0)
    {
      g_object_unref (self);
      return;
    }
  if (td_assessment_set_status (self->db, td_assessment_page_get_assessment_id (self), TD_ASSESSMENT_DRAFT, NULL, NULL,
                                &error))
    {
      td_assessment_page_reload (self);
      td_assessment_page_toast (self, _("Withdrawn: the form can be changed again."));
    }
  else
    td_notify_alert (GTK_WIDGET (self), _("The Submission Was Not Withdrawn"), error->message);
  g_object_unref (self);
}

/* Asked first: the submission stops being final, and what is sent next is a new revision. */
static void
withdraw_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  AdwDialog *dialog = adw_alert_dialog_new (_("Withdraw the Submission?"),
                                            _("The form can be changed again, and must then be submitted and sent "
                                              "once more, as a new revision. If the file has already gone to the "
                                              "province, tell the board that a corrected one will follow."));

  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "withdraw", _("_Withdraw"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), widget, NULL, (GAsyncReadyCallback) withdraw_response_cb,
                           g_object_ref (self));
}

static void
appraise_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  td_assessment_page_appraise (TD_ASSESSMENT_PAGE (widget));
}

/* Export */

static void
unref_file (gpointer  file,
            GClosure *closure)
{
  g_object_unref (file);
}

static void
open_folder_cb (AdwToast *toast,
                GFile    *file)
{
  g_autoptr(GtkFileLauncher) launcher = gtk_file_launcher_new (file);

  gtk_file_launcher_open_containing_folder (launcher, NULL, NULL, NULL, NULL);
}

/* Says where the file went, and opens that folder on request: the clerk attaches it to an
 * e-mail or copies it to a stick from there. */
/* The file being exported, and the page that says where it went. */
typedef struct {
  TdAssessmentPage *page;
  GFile            *file;
} Export;

static void
export_free (gpointer  data,
             GClosure *closure)
{
  Export *e = data;

  g_object_unref (e->page);
  g_object_unref (e->file);
  g_free (e);
}

static void
exported_cb (TdSignDialog *sign,
             const char   *signer,
             Export       *export)
{
  TdAssessmentPage *self = export->page;
  GFile *file = export->file;
  g_autofree char *name = g_file_get_basename (file);
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *folder = parent ? g_file_get_parse_name (parent) : g_strdup ("");
  g_autofree char *message = signer
    ? g_strdup_printf (_("Saved “%s” in %s, signed by %s: send this file to the province."), name, folder, signer)
    : g_strdup_printf (_("Saved “%s” in %s: send this file to the province."), name, folder);
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_use_markup (toast, FALSE);
  adw_toast_set_button_label (toast, _("_Open Folder"));
  adw_toast_set_timeout (toast, 10);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_folder_cb), g_object_ref (file),
                         unref_file, 0);
  td_notify_show_toast (GTK_WIDGET (self), toast);
}

static void
export_chosen_cb (GtkFileDialog    *dialog,
                  GAsyncResult     *result,
                  TdAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (dialog, result, &error);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  if (path != NULL)
    {
      /* The signature is chosen next; the file is written only once that is settled. */
      TdSignDialog *sign = td_sign_dialog_new (self->db, td_unit_get_code (self->unit),
                                               td_round_get_number (self->round), path);
      Export *export = g_new0 (Export, 1);

      export->page = g_object_ref (self);
      export->file = g_object_ref (file);
      g_signal_connect_data (sign, "exported", G_CALLBACK (exported_cb), export, export_free, 0);
      adw_dialog_present (ADW_DIALOG (sign), GTK_WIDGET (self));
    }
  g_object_unref (self);
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = td_package_file_name (td_unit_get_code (self->unit), td_round_get_number (self->round));

  if (!td_assessment_page_flush (self))
    return;
  gtk_file_dialog_set_title (dialog, td_database_get_installation (self->db, NULL) == TD_INSTALLATION_BOARD
                                     ? _("Export for the Unit") : _("Export for the Province"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        (GAsyncReadyCallback) export_chosen_cb, g_object_ref (self));
}

/* Import */

static void
import_closed_cb (TdAssessmentPage *self)
{
  td_assessment_page_reload (self);
}

static void
import_chosen_cb (GtkFileDialog    *dialog,
                  GAsyncResult     *result,
                  TdAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (dialog, result, &error);

  if (files != NULL && g_list_model_get_n_items (files) > 0)
    {
      TdImportDialog *import = td_import_dialog_new (self->db, files, evidence_limit (self));
      g_signal_connect_object (import, "closed", G_CALLBACK (import_closed_cb), self, G_CONNECT_SWAPPED);
      adw_dialog_present (ADW_DIALOG (import), GTK_WIDGET (self));
    }
  g_object_unref (self);
}

static void
import_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (!td_assessment_page_flush (self))
    return;
  gtk_file_filter_set_name (filter, _("Thi đua packages"));
  gtk_file_filter_add_pattern (filter, "*.thidua");
  g_list_store_append (filters, filter);
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, _("Import Packages"));
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                                 (GAsyncReadyCallback) import_chosen_cb, g_object_ref (self));
}

static void
import_values_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  td_assessment_page_choose_values_file (TD_ASSESSMENT_PAGE (widget));
}

/* Evidence */

typedef struct {
  TdAssessmentPage *self;
  gint64            target_id;
  gint64            standard_id;
  GListModel       *files;
  guint             next;
  guint             attached;
  char             *name;      /* the file being attached */
} AttachJob;

static void attach_next (AttachJob *job);

static void
attach_job_free (AttachJob *job)
{
  g_object_unref (job->self);
  g_object_unref (job->files);
  g_free (job->name);
  g_free (job);
}

static void
attached_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  AttachJob *job = user_data;
  g_autoptr(GError) error = NULL;

  if (td_evidence_attach_finish (result, &error) > 0)
    job->attached++;
  else
    {
      /* Which file, and what is wrong with it: nothing of it was stored. */
      g_autofree char *message = g_strdup_printf ("%s: %s", job->name, error->message);
      td_assessment_page_toast (job->self, message);
    }
  attach_next (job);
}

static void
loaded_cb (GFile        *file,
           GAsyncResult *result,
           AttachJob    *job)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (file, result, NULL, &error);
  TdAssessmentPage *self = job->self;
  TdEvidenceOwner owner = { 0 };

  g_free (job->name);
  job->name = g_file_get_basename (file);
  owner.target_id = job->target_id;
  owner.standard_id = job->standard_id;
  if (bytes != NULL && td_assessment_page_ensure (self, &error))
    {
      /* Checked (every page drawn in the PDF helper), hashed and stored on a worker: a large
       * scan never holds the form. */
      owner.assessment_id = td_assessment_page_get_assessment_id (self);
      td_evidence_attach_async (self->db, bytes, job->name, &owner, evidence_limit (self), NULL, attached_cb, job);
      return;
    }
  if (bytes == NULL)
    {
      /* Said in full, translated, with what to do: a toast would cut it. */
      g_autofree char *message = td_format_file_error (file, error);
      td_notify_alert (GTK_WIDGET (self), _("The File Was Not Attached"), message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf ("%s: %s", job->name, error->message);
      td_assessment_page_toast (self, message);
    }
  attach_next (job);
}

static void
attach_next (AttachJob *job)
{
  g_autoptr(GFile) file = NULL;

  if (job->next >= g_list_model_get_n_items (job->files))
    {
      if (job->attached > 0)
        td_assessment_page_load_evidence (job->self);
      attach_job_free (job);
      return;
    }
  file = g_list_model_get_item (job->files, job->next++);
  g_file_load_bytes_async (file, NULL, (GAsyncReadyCallback) loaded_cb, job);
}

void
td_assessment_page_attach_files (TdAssessmentPage *self,
                                 GListModel       *files,
                                 gint64            target_id,
                                 gint64            standard_id)
{
  AttachJob *job;

  if (!td_assessment_page_is_editable (self))
    {
      td_assessment_page_toast (self, _("The self-assessment is submitted: withdraw it before attaching more evidence."));
      return;
    }
  job = g_new0 (AttachJob, 1);
  job->self = g_object_ref (self);
  job->files = g_object_ref (files);
  job->target_id = target_id;
  job->standard_id = standard_id;
  attach_next (job);
}

/* Where the chosen files go: a target's evidence, or a standard's. */
typedef struct {
  TdAssessmentPage *page;
  gint64            target_id;
  gint64            standard_id;
} AttachRequest;

static void
attach_chosen_cb (GtkFileDialog *dialog,
                  GAsyncResult  *result,
                  AttachRequest *request)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) files = gtk_file_dialog_open_multiple_finish (dialog, result, &error);

  if (files != NULL)
    td_assessment_page_attach_files (request->page, files, request->target_id, request->standard_id);
  g_object_unref (request->page);
  g_free (request);
}

void
td_assessment_page_request_attach (TdAssessmentPage *self,
                                   gint64            target_id,
                                   gint64            standard_id)
{
  g_autoptr(GtkFileDialog) dialog = td_pickers_pdf_dialog (_("Attach Evidence"));
  AttachRequest *request = g_new0 (AttachRequest, 1);

  request->page = g_object_ref (self);
  request->target_id = target_id;
  request->standard_id = standard_id;
  gtk_file_dialog_open_multiple (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                                 (GAsyncReadyCallback) attach_chosen_cb, request);
}

void
td_assessment_page_show_evidence (TdAssessmentPage *self,
                                  gint64            evidence_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = td_pdf_bytes_load_evidence (self->db, evidence_id, &error);

  if (bytes == NULL)
    {
      td_assessment_page_toast (self, error->message);
      return;
    }
  adw_dialog_present (ADW_DIALOG (td_evidence_preview_new (bytes)), GTK_WIDGET (self));
}

void
td_assessment_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "assessment.submit", NULL, submit_cb);
  gtk_widget_class_install_action (widget_class, "assessment.withdraw", NULL, withdraw_cb);
  gtk_widget_class_install_action (widget_class, "assessment.appraise", NULL, appraise_cb);
  gtk_widget_class_install_action (widget_class, "assessment.export", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "assessment.import", NULL, import_cb);
  gtk_widget_class_install_action (widget_class, "assessment.import-values", NULL, import_values_cb);
  td_assessment_page_install_evidence_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "assessment.submit", NULL);
}
