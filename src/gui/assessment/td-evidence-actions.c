/* td-evidence-actions.c: showing, removing and replacing an attached file in the form.
 *
 * A wrong PDF must not go to the province with the export: each file in the form has Remove
 * and Replace… while the self-assessment can change, both undone from the toast that reports
 * them.  The buttons carry the evidence's id as their action's target. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-assessment-page-private.h"
#include "td-pickers.h"
#include "td-notify.h"

typedef struct {
  TdAssessmentPage *self;
  TdEvidenceInfo   *removed;   /* what to put back */
  gint64            added;     /* what to take off again (a replacement), or 0 */
} Undo;

static void
undo_free (gpointer  data,
           GClosure *closure)
{
  Undo *undo = data;

  g_object_unref (undo->self);
  td_evidence_info_free (undo->removed);
  g_free (undo);
}

static void
undo_cb (AdwToast *toast,
         Undo     *undo)
{
  TdAssessmentPage *self = undo->self;
  g_autoptr(GError) error = NULL;

  if ((undo->added == 0 || td_evidence_remove (self->db, undo->added, NULL, &error)) &&
      td_evidence_restore (self->db, undo->removed, &error) != 0)
    td_assessment_page_load_evidence (self);
  else
    td_assessment_page_toast (self, error->message);
}

static void
toast_with_undo (TdAssessmentPage *self,
                 const char       *message,
                 TdEvidenceInfo   *removed,
                 gint64            added)
{
  AdwToast *toast = adw_toast_new (message);
  Undo *undo = g_new0 (Undo, 1);

  undo->self = g_object_ref (self);
  undo->removed = removed;
  undo->added = added;
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_use_markup (toast, FALSE);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_cb), undo, undo_free, 0);
  td_notify_show_toast (GTK_WIDGET (self), toast);
}

static void
show_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  td_assessment_page_show_evidence (TD_ASSESSMENT_PAGE (widget), g_variant_get_int64 (parameter));
}

void
td_assessment_page_remove_evidence (TdAssessmentPage *self,
                                    gint64            evidence_id)
{
  g_autoptr(GError) error = NULL;
  TdEvidenceInfo *removed = NULL;
  g_autofree char *message = NULL;

  if (!td_evidence_remove (self->db, evidence_id, &removed, &error))
    {
      td_assessment_page_toast (self, error->message);
      return;
    }
  td_assessment_page_load_evidence (self);
  message = g_strdup_printf (_("Removed “%s”"), removed->file_name);
  toast_with_undo (self, message, removed, 0);
}

static void
remove_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  td_assessment_page_remove_evidence (TD_ASSESSMENT_PAGE (widget), g_variant_get_int64 (parameter));
}

typedef struct {
  TdAssessmentPage *self;
  gint64            evidence_id;
} Replacing;

static void
replacing_free (Replacing *r)
{
  g_object_unref (r->self);
  g_free (r);
}

void
td_assessment_page_replace_evidence (TdAssessmentPage *self,
                                     gint64            evidence_id,
                                     GBytes           *bytes,
                                     const char       *file_name)
{
  g_autoptr(GError) error = NULL;
  TdEvidenceInfo *removed = NULL;
  g_autofree char *message = NULL;
  gint64 id = td_evidence_replace (self->db, evidence_id, bytes, file_name,
                                   (gsize) g_settings_get_int (self->settings, "evidence-max-mb") * 1024 * 1024,
                                   &removed, &error);

  if (id == 0)
    {
      /* Which file, and what is wrong with it: the old one stays. */
      message = g_strdup_printf ("%s: %s", file_name, error->message);
      td_assessment_page_toast (self, message);
      return;
    }
  td_assessment_page_load_evidence (self);
  if (removed == NULL)
    {
      td_assessment_page_toast (self, _("The file chosen is the one already attached: nothing changed."));
      return;
    }
  message = g_strdup_printf (_("Replaced “%s” with “%s”"), removed->file_name, file_name);
  toast_with_undo (self, message, removed, id);
}

static void
replacement_loaded_cb (GFile        *file,
                       GAsyncResult *result,
                       Replacing    *r)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_file_load_bytes_finish (file, result, NULL, &error);
  g_autofree char *name = g_file_get_basename (file);

  if (bytes == NULL)
    {
      g_autofree char *message = td_format_file_error (file, error);
      td_notify_alert (GTK_WIDGET (r->self), _("The File Was Not Replaced"), message);
    }
  else
    td_assessment_page_replace_evidence (r->self, r->evidence_id, bytes, name);
  replacing_free (r);
}

static void
replacement_chosen_cb (GtkFileDialog *dialog,
                       GAsyncResult  *result,
                       Replacing     *r)
{
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (dialog, result, NULL);

  if (file == NULL)
    {
      replacing_free (r);
      return;
    }
  g_file_load_bytes_async (file, NULL, (GAsyncReadyCallback) replacement_loaded_cb, r);
}

static void
replace_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  g_autoptr(GtkFileDialog) dialog = td_pickers_pdf_dialog (_("Replace Evidence"));
  Replacing *r = g_new0 (Replacing, 1);

  r->self = g_object_ref (self);
  r->evidence_id = g_variant_get_int64 (parameter);
  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL,
                        (GAsyncReadyCallback) replacement_chosen_cb, r);
}

void
td_assessment_page_install_evidence_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "assessment.show-evidence", "x", show_cb);
  gtk_widget_class_install_action (widget_class, "assessment.remove-evidence", "x", remove_cb);
  gtk_widget_class_install_action (widget_class, "assessment.replace-evidence", "x", replace_cb);
}
