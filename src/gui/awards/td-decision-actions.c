/* td-decision-actions.c: the two moves of a decision that cannot be taken back.  Issuing gives
 * numbers for good; withdrawing cancels them for good.  Each alert says so before it acts. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-decision-actions.h"
#include "td-notify.h"

/* One alert's form, freed with it: what it acts on and the fields it reads. */
typedef struct {
  TdDatabase     *db;
  gint64          decision_id;
  GObject        *owner;
  GCallback       done;
  AdwAlertDialog *dialog;
  GtkEditable    *number;   /* issue */
  GtkEditable    *date;
  GtkEditable    *reason;   /* withdraw */
} Action;

static void
action_free (Action *a)
{
  g_object_unref (a->db);
  g_object_unref (a->owner);
  g_free (a);
}

static void
finish (AdwAlertDialog *dialog,
        Action         *a,
        gboolean        ok,
        GError         *error)
{
  if (!ok)
    td_notify_toast (GTK_WIDGET (a->owner), error->message);
  else if (a->done != NULL)
    ((void (*) (GObject *)) a->done) (a->owner);
}

static void
issue_response_cb (AdwAlertDialog *dialog,
                   const char     *response,
                   Action         *a)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *iso = NULL;
  gboolean ok;

  if (!g_str_equal (response, "issue"))
    return;
  iso = td_parse_date (gtk_editable_get_text (a->date), &error);
  ok = iso != NULL && td_decision_issue (a->db, a->decision_id, gtk_editable_get_text (a->number), iso, &error);
  finish (dialog, a, ok, error);
}

static void
issue_changed_cb (GtkEditable *entry,
                  Action      *a)
{
  g_autofree char *iso = td_parse_date (gtk_editable_get_text (a->date), NULL);
  guint64 n;

  adw_alert_dialog_set_response_enabled (a->dialog, "issue",
                                         iso != NULL && g_ascii_string_to_unsigned (gtk_editable_get_text (a->number),
                                                                                    10, 1, 9999, &n, NULL));
}

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static Action *
action_new (AdwAlertDialog *dialog,
            TdDatabase     *db,
            gint64          decision_id,
            GObject        *owner,
            GCallback       done)
{
  Action *a = g_new0 (Action, 1);

  a->dialog = dialog;
  a->db = g_object_ref (db);
  a->decision_id = decision_id;
  a->owner = g_object_ref (owner);
  a->done = done;
  return a;
}

AdwAlertDialog *
td_decision_issue_dialog_new (TdDatabase *db,
                              gint64      decision_id,
                              GObject    *owner,
                              GCallback   done)
{
  g_autoptr(TdDecision) d = td_decision_load (db, decision_id, NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Issue the Decision?"), NULL));
  GtkWidget *list = gtk_list_box_new ();
  Action *a = action_new (dialog, db, decision_id, owner, done);

  adw_alert_dialog_format_body (dialog, _("Write the number and date it was signed with. Its awardees get the next "
                                          "numbers of %s's award register for the year; the text no longer changes."),
                                d && d->issuer_short && *d->issuer_short ? d->issuer_short : _("the issuer"));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  a->number = GTK_EDITABLE (entry_row (list, _("Number")));
  gtk_editable_set_text (a->number, "");
  a->date = GTK_EDITABLE (entry_row (list, _("Date signed (dd/mm/yyyy)")));
  gtk_editable_set_text (a->date, today);
  adw_alert_dialog_set_extra_child (dialog, list);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "issue", _("_Issue"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "issue", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (dialog, "issue", FALSE);
  adw_alert_dialog_set_default_response (dialog, "issue");
  g_signal_connect (a->number, "changed", G_CALLBACK (issue_changed_cb), a);
  g_signal_connect (a->date, "changed", G_CALLBACK (issue_changed_cb), a);
  g_signal_connect_data (dialog, "response", G_CALLBACK (issue_response_cb), a,
                         (GClosureNotify) (void (*) (void)) action_free, 0);
  return dialog;
}

static void
withdraw_response_cb (AdwAlertDialog *dialog,
                      const char     *response,
                      Action         *a)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "withdraw"))
    finish (dialog, a, td_decision_withdraw (a->db, a->decision_id, gtk_editable_get_text (a->reason), &error), error);
}

static void
reason_changed_cb (GtkEditable *entry,
                   Action      *a)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_alert_dialog_set_response_enabled (a->dialog, "withdraw", *text != '\0');
}

AdwAlertDialog *
td_decision_withdraw_dialog_new (TdDatabase *db,
                                 gint64      decision_id,
                                 GObject    *owner,
                                 GCallback   done)
{
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Withdraw the Decision?"), NULL));
  GtkWidget *entry = gtk_entry_new ();
  Action *a = action_new (dialog, db, decision_id, owner, done);

  adw_alert_dialog_set_body (dialog, _("Its register numbers stay in the book, marked cancelled, and are never given "
                                       "again; its nominations go back to “approved” for another decision."));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reason, e.g. replaced by a corrected decision"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_alert_dialog_set_extra_child (dialog, entry);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "withdraw", _("_Withdraw"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_response_enabled (dialog, "withdraw", FALSE);
  adw_alert_dialog_set_default_response (dialog, "withdraw");
  a->reason = GTK_EDITABLE (entry);
  g_signal_connect (entry, "changed", G_CALLBACK (reason_changed_cb), a);
  g_signal_connect_data (dialog, "response", G_CALLBACK (withdraw_response_cb), a,
                         (GClosureNotify) (void (*) (void)) action_free, 0);
  return dialog;
}
