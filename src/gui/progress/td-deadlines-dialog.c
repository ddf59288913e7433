/* td-deadlines-dialog.c: the board changes a round's deadlines, or lets one unit send late,
 * with the reason the audit log keeps (td-deadline.h).  A refusal (a date that is not one, no
 * reason, a day after the round's) is said in the dialog's place and changes nothing. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-deadlines-dialog.h"
#include "td-notify.h"

typedef struct {
  TdDatabase  *db;
  TdRound     *round;
  TdUnit      *unit;          /* NULL: the round's deadlines */
  AdwEntryRow *assessment;
  AdwEntryRow *proposal;
  AdwSpinRow  *grace;
  AdwSwitchRow *blocks;
  AdwEntryRow *until;
  AdwEntryRow *reason;
  TdDeadlinesDone done;
  GObject     *done_data;
  GtkWidget   *parent;        /* the widget the alert was opened over */
} Edit;

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->db);
  g_object_unref (edit->round);
  g_clear_object (&edit->unit);
  g_clear_object (&edit->done_data);
  g_free (edit);
}

static AdwEntryRow *
entry_row (GtkListBox *list,
           const char *title,
           const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static char *
iso_of_entry (AdwEntryRow *row,
              GError     **error)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  return td_deadline_parse_date (text, error);
}

/* The round's deadlines, all or nothing: one transaction around the changes. */
static gboolean
apply_round (Edit    *e,
             GError **error)
{
  g_autoptr(TdDeadlines) before = td_deadlines_get (e->db, e->round, error);
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (e->reason));
  g_autofree char *assessment = NULL, *proposal = NULL;
  g_autoptr(TdTransaction) tx = NULL;
  int grace = (int) adw_spin_row_get_value (e->grace);
  gboolean blocks = adw_switch_row_get_active (e->blocks);

  if (before == NULL || (assessment = iso_of_entry (e->assessment, error)) == NULL ||
      (proposal = iso_of_entry (e->proposal, error)) == NULL || (tx = td_transaction_begin (e->db, error)) == NULL)
    return FALSE;
  if (g_strcmp0 (assessment, before->assessment_due) != 0 &&
      !td_deadlines_set_due (e->db, e->round, TD_DEADLINE_ASSESSMENT, assessment, reason, error))
    return FALSE;
  if (g_strcmp0 (proposal, before->proposal_due) != 0 &&
      !td_deadlines_set_due (e->db, e->round, TD_DEADLINE_PROPOSAL, proposal, reason, error))
    return FALSE;
  if (grace != before->grace_days && !td_deadlines_set_grace (e->db, e->round, grace, reason, error))
    return FALSE;
  if (blocks != before->late_blocks_awards && !td_deadlines_set_blocking (e->db, e->round, blocks, reason, error))
    return FALSE;
  return td_transaction_commit (tx, error);
}

static gboolean
apply_unit (Edit    *e,
            GError **error)
{
  g_autofree char *until = iso_of_entry (e->until, error);

  return until != NULL &&
         td_deadlines_except (e->db, e->round, e->unit, until, gtk_editable_get_text (GTK_EDITABLE (e->reason)), error);
}

static void
response_cb (AdwAlertDialog *dialog,
             GAsyncResult   *result,
             Edit           *e)
{
  const char *response = adw_alert_dialog_choose_finish (dialog, result);
  g_autoptr(GError) error = NULL;
  GtkWidget *parent = e->parent;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!(e->unit ? apply_unit (e, &error) : apply_round (e, &error)))
        td_notify_alert (parent, e->unit ? _("The Exception Was Not Granted") : _("The Deadlines Were Not Changed"),
                         error->message);
      else if (e->done)
        e->done (e->done_data);
    }
  edit_free (e);
}

static AdwDialog *
dialog_new (const char *heading,
            const char *body,
            Edit       *e,
            GtkListBox *list)
{
  AdwDialog *dialog = adw_alert_dialog_new (heading, body);

  gtk_widget_add_css_class (GTK_WIDGET (list), "boxed-list");
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_NONE);
  e->reason = entry_row (list, _("Reason (kept in the audit log)"), NULL);
  adw_alert_dialog_set_extra_child (ADW_ALERT_DIALOG (dialog), GTK_WIDGET (list));
  adw_alert_dialog_add_responses (ADW_ALERT_DIALOG (dialog), "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_alert_dialog_set_response_appearance (ADW_ALERT_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (ADW_ALERT_DIALOG (dialog), "save");
  adw_alert_dialog_set_close_response (ADW_ALERT_DIALOG (dialog), "cancel");
  return dialog;
}

AdwDialog *
td_deadlines_dialog_present (GtkWidget  *parent,
                             TdDatabase *db,
                             TdRound    *round,
                             TdUnit     *unit,
                             TdDeadlinesDone done,
                             gpointer    done_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdDeadlines) d = td_deadlines_get (db, round, &error);
  Edit *e;
  GtkListBox *list;
  AdwDialog *dialog;

  if (d == NULL)
    {
      td_notify_alert (parent, _("The Deadlines Could Not Be Read"), error->message);
      return NULL;
    }
  e = g_new0 (Edit, 1);
  e->db = g_object_ref (db);
  e->round = g_object_ref (round);
  e->unit = unit ? g_object_ref (unit) : NULL;
  e->done = done;
  e->done_data = done_data ? g_object_ref (done_data) : NULL;
  list = GTK_LIST_BOX (gtk_list_box_new ());
  if (unit == NULL)
    {
      g_autofree char *assessment = td_format_date (d->assessment_due);
      g_autofree char *proposal = td_format_date (d->proposal_due);
      g_autofree char *body = g_strdup_printf (_("%s. Dates as dd/mm/yyyy; the change is written into the setup files "
                                                 "the board sends from now on."), d->round_title);

      e->assessment = entry_row (list, _("Self-assessments due"), assessment);
      e->proposal = entry_row (list, _("Award proposals due"), proposal);
      e->grace = ADW_SPIN_ROW (adw_spin_row_new_with_range (0, 366, 1));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->grace), _("Days of grace"));
      adw_spin_row_set_value (e->grace, d->grace_days);
      gtk_list_box_append (list, GTK_WIDGET (e->grace));
      e->blocks = ADW_SWITCH_ROW (adw_switch_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (e->blocks), _("Late units kept out of the awards"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (e->blocks), _("Unless the board lets the unit send late"));
      adw_switch_row_set_active (e->blocks, d->late_blocks_awards);
      gtk_list_box_append (list, GTK_WIDGET (e->blocks));
      dialog = dialog_new (_("Deadlines of the Round"), body, e, list);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Let %s Send Late?"), td_unit_get_name (unit));
      g_autofree char *closes = td_deadlines_closes_on (d);
      g_autofree char *closes_text = td_format_date (closes);
      g_autofree char *body = g_strdup_printf (_("The round's deadline is %s. Until the day you give, what the unit "
                                                 "sends counts as on time; the exception shows in its history."),
                                               closes_text);

      e->until = entry_row (list, _("May send until (dd/mm/yyyy)"), NULL);
      dialog = dialog_new (heading, body, e, list);
    }
  e->parent = parent;
  adw_alert_dialog_choose (ADW_ALERT_DIALOG (dialog), parent, NULL, (GAsyncReadyCallback) response_cb, e);
  return dialog;
}
