/* td-assessment-appraise.c: the board's answer to a received self-assessment, from the banner
 * that says it is received: appraised with an opinion, or returned with the reason, by the
 * body the campaign names (td_assessment_appraise()). */
#include "config.h"

#include <glib/gi18n.h>

#include "td-assessment-page-private.h"
#include "td-notify.h"

static void
text_changed_cb (GtkEditable    *entry,
                 AdwAlertDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* An opinion may be left out; a reason may not. */
  adw_alert_dialog_set_response_enabled (dialog, "return", *text != '\0');
}

/* Who appraises, for the page shown; freed with the alert. */
typedef struct {
  TdAssessmentPage *page;
  char             *body;
} Appraisal;

static void
appraisal_free (gpointer  data,
                GClosure *closure)
{
  Appraisal *a = data;

  g_object_unref (a->page);
  g_free (a->body);
  g_free (a);
}

static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             Appraisal      *appraisal)
{
  TdAssessmentPage *self = appraisal->page;
  GtkEditable *entry = GTK_EDITABLE (adw_alert_dialog_get_extra_child (dialog));
  const char *body = appraisal->body;
  gboolean approve = g_str_equal (response, "approve");
  g_autoptr(GError) error = NULL;

  if (!approve && !g_str_equal (response, "return"))
    return;
  if (!td_assessment_appraise (self->db, td_assessment_page_get_assessment_id (self), body, approve,
                               gtk_editable_get_text (entry), &error))
    {
      /* Said where it cannot be missed: the reason, and what to do, in full. */
      td_notify_alert (GTK_WIDGET (self), _("Not Recorded"), error->message);
      return;
    }
  td_assessment_page_reload (self);
  td_assessment_page_toast (self, approve ? _("Appraised: the unit's nominations may now pass that check.")
                                          : _("Returned to the unit. Send it the return file with Export."));
}

void
td_assessment_page_appraise (TdAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *body = td_assessment_appraiser (self->db, &error);
  g_autoptr(TdUnitRecord) body_unit = NULL;
  AdwAlertDialog *dialog;
  GtkWidget *entry;
  Appraisal *appraisal;

  if (body == NULL)
    {
      td_notify_alert (GTK_WIDGET (self), _("No Appraising Body"), error->message);
      return;
    }
  body_unit = td_register_get (self->db, body, NULL);
  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Appraise the Self-Assessment?"), NULL));
  adw_alert_dialog_format_body (dialog, _("%s appraises the self-assessment of %s for the campaign. Write its "
                                          "opinion, or the reason it goes back to the unit."),
                                body_unit ? body_unit->name : body, td_unit_get_name (self->unit));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Opinion, or what the unit must correct"));
  adw_alert_dialog_set_extra_child (dialog, entry);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "return", _("_Return"), "approve",
                                  _("_Appraise"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "return", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_appearance (dialog, "approve", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "approve");
  adw_alert_dialog_set_close_response (dialog, "cancel");
  appraisal = g_new0 (Appraisal, 1);
  appraisal->page = g_object_ref (self);
  appraisal->body = g_steal_pointer (&body);
  g_signal_connect (entry, "changed", G_CALLBACK (text_changed_cb), dialog);
  text_changed_cb (GTK_EDITABLE (entry), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb), appraisal, appraisal_free, 0);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}
