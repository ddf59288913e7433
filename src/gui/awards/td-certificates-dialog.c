/* td-certificates-dialog.c: certificate batches in a worker thread.
 *
 * A batch of a thousand A3 pages takes seconds, so it runs in a GTask thread on plain data
 * (the decision and its awardees are read from the database first, on the main thread); the
 * thread only counts its progress, which a timeout on the main thread shows, and stops at the
 * next certificate when Cancel is pressed. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-certificate.h"
#include "td-certificates-dialog.h"
#include "td-document-preview.h"
#include "td-print.h"
#include "td-notify.h"

struct _TdCertificatesDialog
{
  AdwDialog       parent_instance;

  TdDatabase     *db;
  GSettings      *settings;
  TdDecision     *decision;
  GPtrArray      *certificates;   /* TdCertificate */
  GCancellable   *cancellable;
  gboolean        running;
  int             done;           /* atomic: certificates made by the running job */
  guint           progress_id;
  gboolean        loading_offset;

  AdwComboRow    *template_row;
  AdwActionRow   *count_row;
  AdwSwitchRow   *reprint_row;
  GtkButton      *preview_button;
  GtkButton      *split_button;
  GtkBox         *progress_box;
  GtkProgressBar *progress_bar;
  AdwEntryRow    *printer_row;
  AdwSpinRow     *offset_x_row;
  AdwSpinRow     *offset_y_row;
};

G_DEFINE_FINAL_TYPE (TdCertificatesDialog, td_certificates_dialog, ADW_TYPE_DIALOG)

static const char *
template_name (TdCertificatesDialog *self)
{
  const char * const *names = td_certificate_template_names ();
  guint pos = adw_combo_row_get_selected (self->template_row);

  return pos < g_strv_length ((char **) names) ? names[pos] : names[0];
}

static void
template_changed_cb (TdCertificatesDialog *self)
{
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "certificate-template", template_name (self));
}

static void
set_busy (TdCertificatesDialog *self,
          gboolean              busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_button), !busy && self->certificates->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->split_button), !busy && self->certificates->len > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->template_row), !busy);
  adw_dialog_set_can_close (ADW_DIALOG (self), !busy);
}

static gboolean
progress_tick (gpointer data)
{
  TdCertificatesDialog *self = data;
  int done = self->running ? g_atomic_int_get (&self->done) : 0;
  guint total = self->certificates->len;
  g_autofree char *text = g_strdup_printf (_("%d of %u"), done, total);

  gtk_progress_bar_set_fraction (self->progress_bar, total ? (double) done / total : 0);
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

/* Called on the worker: only the counter crosses threads. */
static void
count_progress (guint    done,
                guint    total,
                gpointer data)
{
  g_atomic_int_set ((int *) data, (int) done);
}

/* What the finished job was, for its toast or its preview. */
typedef struct {
  TdCertificatesDialog *self;
  char                 *template_name;
  gboolean              preprinted;
  GFile                *folder;
} Run;

static void
show_count (TdCertificatesDialog *self)
{
  g_autofree char *count = NULL;
  guint sheets = 0, reprinted = 0;

  if (self->decision == NULL)
    return;
  td_award_book_count_prints (self->db, self->decision->id, &sheets, &reprinted, NULL);
  if (td_decision_is_draft (self->decision))
    count = g_strdup_printf (_("%u — the decision is a draft: trial prints on plain paper only, stamped as such"),
                             self->certificates->len);
  else if (sheets > 0)
    count = g_strdup_printf (ngettext ("%u; %u blank used so far", "%u; %u blanks used so far", sheets),
                             self->certificates->len, sheets);
  else
    count = g_strdup_printf ("%u", self->certificates->len);
  adw_action_row_set_subtitle (self->count_row, count);
  gtk_widget_set_visible (GTK_WIDGET (self->reprint_row), sheets > 0 && !td_decision_is_draft (self->decision));
}

/* The pages went onto pre-printed blanks: the board's stock goes down by as many. */
static void
blanks_printed_cb (TdCertificatesDialog *self)
{
  g_autoptr(GError) error = NULL;

  if (self->decision == NULL ||
      !td_award_book_record_print (self->db, self->decision->id, template_name (self), self->certificates->len,
                                   adw_switch_row_get_active (self->reprint_row), &error))
    {
      if (error != NULL)
        td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  show_count (self);
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;
  TdCertificatesDialog *self = run->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = NULL;
  guint n_files = 0;
  gboolean ok = td_certificates_render_finish (result, &pdf, &n_files, &error);

  g_clear_handle_id (&self->progress_id, g_source_remove);
  self->running = FALSE;
  set_busy (self, FALSE);
  if (!ok)
    {
      g_autofree char *message = NULL;
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        message = g_strdup (_("Stopped: nothing was saved"));
      else
        message = g_strdup_printf (_("The certificates could not be made: %s"), error->message);
      td_notify_toast (GTK_WIDGET (self), message);
    }
  else if (self->decision == NULL)
    ;   /* closed meanwhile */
  else if (run->folder != NULL)
    {
      g_autofree char *folder = g_file_get_parse_name (run->folder);
      g_autofree char *message = g_strdup_printf (ngettext ("%u certificate saved in %s", "%u certificates saved in %s",
                                                           n_files),
                                                  n_files, folder);
      td_notify_toast (GTK_WIDGET (self), message);
    }
  else
    {
      g_autofree char *number = td_decision_format_number (self->decision);
      g_autofree char *title = g_strdup_printf (_("Certificates, Decision %s"), number);
      g_autofree char *file_name = g_strdup_printf ("bang-khen-%s.pdf", run->template_name);
      TdDocumentPreview *preview = td_document_preview_new (pdf, title, file_name, run->template_name, run->preprinted);

      if (run->preprinted)
        g_signal_connect_object (preview, "printed", G_CALLBACK (blanks_printed_cb), self, G_CONNECT_SWAPPED);
      adw_dialog_present (ADW_DIALOG (preview), GTK_WIDGET (self));
    }
  g_object_unref (run->self);
  g_free (run->template_name);
  g_clear_object (&run->folder);
  g_free (run);
}

static void
start (TdCertificatesDialog *self,
       GFile                *folder)
{
  g_autoptr(GError) error = NULL;
  TdCertificateTemplate *template_ = td_certificate_template_load (template_name (self), &error);
  Run *run;

  /* A draft's certificates on blanks would waste pre-printed stock: refused before anything
   * is drawn, with what to do instead. */
  if (template_ == NULL || !td_certificates_check_paper (template_, self->certificates, &error))
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      g_clear_pointer (&template_, td_certificate_template_free);
      return;
    }
  /* Blanks are counted stock: a withdrawn decision gets none, a second run only as a reprint. */
  if (td_certificate_template_is_preprinted (template_) && !td_decision_is_draft (self->decision) &&
      !td_award_book_check_blanks (self->db, self->decision->id, self->decision->status == TD_DECISION_WITHDRAWN,
                                   self->certificates->len, self->certificates->len,
                                   adw_switch_row_get_active (self->reprint_row), &error))
    {
      td_notify_alert (GTK_WIDGET (self), _("Not Printed on Blanks"), error->message);
      g_clear_pointer (&template_, td_certificate_template_free);
      return;
    }
  run = g_new0 (Run, 1);
  run->self = g_object_ref (self);
  run->template_name = g_strdup (template_name (self));
  run->preprinted = td_certificate_template_is_preprinted (template_);
  run->folder = folder ? g_object_ref (folder) : NULL;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  g_atomic_int_set (&self->done, 0);
  set_busy (self, TRUE);
  progress_tick (self);
  self->progress_id = g_timeout_add (100, progress_tick, self);
  td_certificates_render_async (template_, self->certificates, folder, self->cancellable, count_progress, &self->done,
                                render_done_cb, run);
}

static void
preview_cb (TdCertificatesDialog *self)
{
  start (self, NULL);
}

static void
folder_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdCertificatesDialog) self = user_data;
  g_autoptr(GFile) folder = gtk_file_dialog_select_folder_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (folder != NULL)
    start (self, folder);
}

static void
split_cb (TdCertificatesDialog *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();

  gtk_file_dialog_set_title (dialog, _("Folder for the Certificates"));
  gtk_file_dialog_select_folder (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL,
                                 folder_chosen_cb, g_object_ref (self));
}

void
td_certificates_dialog_split_into (TdCertificatesDialog *self,
                                   GFile                *folder)
{
  start (self, folder);
}

gboolean
td_certificates_dialog_is_busy (TdCertificatesDialog *self)
{
  return self->running;
}

static void
cancel_cb (TdCertificatesDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
printer_changed_cb (TdCertificatesDialog *self)
{
  double x, y;

  td_print_get_printer_offset (self->settings, gtk_editable_get_text (GTK_EDITABLE (self->printer_row)), &x, &y);
  self->loading_offset = TRUE;
  adw_spin_row_set_value (self->offset_x_row, x);
  adw_spin_row_set_value (self->offset_y_row, y);
  self->loading_offset = FALSE;
}

static void
offset_changed_cb (TdCertificatesDialog *self)
{
  const char *printer = gtk_editable_get_text (GTK_EDITABLE (self->printer_row));

  if (self->loading_offset || self->settings == NULL)
    return;
  if (*printer == '\0')
    {
      td_notify_toast (GTK_WIDGET (self), _("Type the printer's name first: the offset belongs to one printer."));
      return;
    }
  td_print_set_printer_offset (self->settings, printer, adw_spin_row_get_value (self->offset_x_row),
                               adw_spin_row_get_value (self->offset_y_row));
}

static void
calibration_cb (TdCertificatesDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdCertificateTemplate) template_ = td_certificate_template_load (template_name (self), &error);
  g_autoptr(GBytes) pdf = NULL;

  if (template_ != NULL)
    pdf = td_certificate_render_calibration (template_, 0, 0, &error);
  if (pdf == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  td_print_pdf (GTK_WIDGET (self), pdf, _("Printer calibration"), template_name (self), TRUE);
}

static void
td_certificates_dialog_dispose (GObject *object)
{
  TdCertificatesDialog *self = TD_CERTIFICATES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->progress_id, g_source_remove);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->decision, td_decision_free);
  g_clear_pointer (&self->certificates, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_CERTIFICATES_DIALOG);
  G_OBJECT_CLASS (td_certificates_dialog_parent_class)->dispose (object);
}

static void
td_certificates_dialog_class_init (TdCertificatesDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_certificates_dialog_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-certificates-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, TdCertificatesDialog, name)
  BIND (template_row);
  BIND (count_row);
  BIND (reprint_row);
  BIND (preview_button);
  BIND (split_button);
  BIND (progress_box);
  BIND (progress_bar);
  BIND (printer_row);
  BIND (offset_x_row);
  BIND (offset_y_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, template_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, preview_cb);
  gtk_widget_class_bind_template_callback (widget_class, split_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, printer_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, offset_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, calibration_cb);
}

static void
td_certificates_dialog_init (TdCertificatesDialog *self)
{
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);
  const char * const *names = td_certificate_template_names ();

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(TdCertificateTemplate) t = td_certificate_template_load (names[i], NULL);
      gtk_string_list_append (titles, t ? td_certificate_template_get_title (t) : names[i]);
    }
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (titles));
}

TdCertificatesDialog *
td_certificates_dialog_new (TdDatabase *db,
                            gint64      decision_id)
{
  TdCertificatesDialog *self = g_object_new (TD_TYPE_CERTIFICATES_DIALOG, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) awardees = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autofree char *chosen = NULL;
  const char * const *names = td_certificate_template_names ();
  g_autoptr(GVariant) offsets = NULL;

  self->db = g_object_ref (db);
  self->settings = g_settings_new (APP_ID);
  chosen = g_settings_get_string (self->settings, "certificate-template");
  for (guint i = 0; names[i]; i++)
    if (g_str_equal (names[i], chosen))
      adw_combo_row_set_selected (self->template_row, i);

  self->decision = td_decision_load (db, decision_id, &error);
  if (self->decision != NULL)
    awardees = td_decision_list_awardees (db, decision_id, &error);
  if (awardees != NULL && !td_decision_is_draft (self->decision))
    numbers = td_award_book_numbers_for_decision (db, decision_id, &error);
  self->certificates = awardees ? td_certificates_for_decision (self->decision, awardees, numbers)
                                : g_ptr_array_new_with_free_func ((GDestroyNotify) td_certificate_free);
  if (error != NULL)
    adw_action_row_set_subtitle (self->count_row, error->message);
  else
    show_count (self);

  /* The printer whose offset was set last is the likely one. */
  offsets = g_settings_get_value (self->settings, "printer-offsets");
  if (g_variant_n_children (offsets) > 0)
    {
      const char *printer = NULL;
      g_variant_get_child (offsets, 0, "{&s(dd)}", &printer, NULL, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->printer_row), printer);
    }
  set_busy (self, FALSE);
  return self;
}
