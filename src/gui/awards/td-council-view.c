/* td-council-view.c: members, meetings and votes of the council. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-council-view.h"
#include "td-document-preview.h"
#include "td-dossier-pdf.h"
#include "td-notify.h"

struct _TdCouncilView
{
  GtkBox               parent_instance;

  TdDatabase          *db;
  gint64               round_id;
  GPtrArray           *rows;          /* rows added to the groups, removed on reload */

  AdwPreferencesGroup *meetings_group;
  AdwPreferencesGroup *members_group;
  GtkButton           *new_meeting_button;
  GtkButton           *add_member_button;
  GtkButton           *proposal_button;
};

G_DEFINE_FINAL_TYPE (TdCouncilView, td_council_view, GTK_TYPE_BOX)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
changed (TdCouncilView *self)
{
  td_council_view_reload (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
toast_error (TdCouncilView *self,
             GError        *error)
{
  td_notify_toast (GTK_WIDGET (self), error->message);
}

/* A refusal with counts and what to do: in full, in a dialog, not cut off in a toast. */
static void
refusal (TdCouncilView *self,
         GError        *error)
{
  td_notify_alert (GTK_WIDGET (self), _("Not Recorded"), error->message);
}

GArray *
td_council_view_get_waiting (TdCouncilView *self)
{
  g_autoptr(GPtrArray) nominations = td_nomination_list (self->db, self->round_id, NULL);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The ones whose next step, on their own level's way, is the council's vote. */
  for (guint i = 0; nominations && i < nominations->len; i++)
    {
      TdNomination *n = nominations->pdata[i];
      g_autoptr(TdAppraisalState) state = td_appraisal_state (self->db, n->id, NULL);

      if (state && state->next && state->next->actor == TD_STEP_BY_COUNCIL && n->status != TD_NOMINATION_RETURNED)
        g_array_append_val (out, n->id);
    }
  return out;
}

static void
preview (TdCouncilView *self,
         GBytes        *pdf,
         GError        *error,
         const char    *title,
         const char    *file_name)
{
  if (pdf == NULL)
    {
      toast_error (self, error);
      return;
    }
  adw_dialog_present (ADW_DIALOG (td_document_preview_new (pdf, title, file_name, "dossier", FALSE)),
                      GTK_WIDGET (self));
}

static void
proposal_cb (TdCouncilView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdProposal) proposal = td_proposal_load (self->db, self->round_id, 0, &error);
  g_autoptr(GBytes) pdf = proposal ? td_proposal_render_pdf (proposal, &error) : NULL;

  preview (self, pdf, error, _("Proposal to the Chairman"), "to-trinh.pdf");
}

/* The meetings' and members' buttons are actions targeting their row's id (int64). */
static void
minutes_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdCouncilView *self = TD_COUNCIL_VIEW (widget);
  gint64 meeting = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdProposal) proposal = td_proposal_load (self->db, 0, meeting, &error);
  g_autoptr(GBytes) pdf = proposal ? td_minutes_render_pdf (proposal, &error) : NULL;

  preview (self, pdf, error, _("Minutes of the Council Meeting"), "bien-ban.pdf");
}

/* ---- members ---- */

/* What a dialog of this view reads when it is answered: its fields, typed, held with the
 * view for as long as the dialog lives (no data hung on the dialog by name). */
typedef struct {
  TdCouncilView *self;          /* held by a dialog's form, not by a row's (the view holds the row) */
  gboolean       holds_self;
  GtkEditable   *name;
  GtkEditable   *position;
  GtkEditable   *date;
  char          *title;         /* the nomination a ballot is for */
  guint          present;
  guint          absent;
  gint64         id;            /* the member or the meeting */
  gint64         nomination;
  GPtrArray     *checks;        /* GtkCheckButton: the members present */
  GArray        *check_ids;
  GPtrArray     *item_checks;   /* GtkCheckButton: the nominations on the agenda */
  GArray        *item_ids;
  GtkWidget     *rows[5];
  AdwSpinRow    *spins[5];
} Form;

static Form *
form_new (TdCouncilView *self)
{
  Form *form = g_new0 (Form, 1);

  form->self = g_object_ref (self);
  form->holds_self = TRUE;
  return form;
}

/* What a button of one of the view's rows acts on: the view outlives its rows. */
static Form *
row_form_new (TdCouncilView *self)
{
  Form *form = g_new0 (Form, 1);

  form->self = self;
  return form;
}

static void
form_free (gpointer  data,
           GClosure *closure)
{
  Form *form = data;

  if (form->holds_self)
    g_clear_object (&form->self);
  g_free (form->title);
  g_clear_pointer (&form->checks, g_ptr_array_unref);
  g_clear_pointer (&form->check_ids, g_array_unref);
  g_clear_pointer (&form->item_checks, g_ptr_array_unref);
  g_clear_pointer (&form->item_ids, g_array_unref);
  g_free (form);
}

/* @form answers @dialog's "response" and goes with it. */
static void
form_connect (AdwAlertDialog *dialog,
              GCallback       callback,
              Form           *form)
{
  g_signal_connect_data (dialog, "response", callback, form, form_free, 0);
}

static void
member_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    Form           *form)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "add"))
    return;
  if (td_council_add_member (form->self->db, gtk_editable_get_text (form->name), gtk_editable_get_text (form->position),
                             &error) == 0)
    toast_error (form->self, error);
  else
    changed (form->self);
}

static GtkWidget *
entry_row (GtkWidget  *list,
           const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return row;
}

static GtkWidget *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

static void
add_member_cb (TdCouncilView *self)
{
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Add a Member"), NULL));
  GtkWidget *list = boxed_list ();
  Form *form = form_new (self);

  form->name = GTK_EDITABLE (entry_row (list, _("Full name")));
  form->position = GTK_EDITABLE (entry_row (list, _("Position in the council")));
  adw_alert_dialog_set_extra_child (dialog, list);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
  form_connect (dialog, G_CALLBACK (member_response_cb), form);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
retire_response_cb (AdwAlertDialog *dialog,
                    const char     *response,
                    Form           *form)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "retire"))
    return;
  if (!td_council_retire_member (form->self->db, form->id, &error))
    refusal (form->self, error);
  else
    changed (form->self);
}

/* Retiring cannot be taken back from the window (the member would be added again as new), so
 * it is asked first, by name. */
static void
retire_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdCouncilView *self = TD_COUNCIL_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GPtrArray) members = td_council_list_members (self->db, NULL);
  const char *name = NULL;
  g_autofree char *body = NULL;
  AdwAlertDialog *dialog;

  for (guint i = 0; members && i < members->len; i++)
    if (((TdCouncilMember *) members->pdata[i])->id == id)
      name = ((TdCouncilMember *) members->pdata[i])->name;
  /* The name goes in the body: libadwaita 1.7 measures a heading too wide for the dialog with
   * a warning, and a Vietnamese name makes it so. */
  body = g_strdup_printf (_("%s will no longer be a member. The meetings they sat in keep them; from now on the "
                            "council counts one member fewer for its quorum and its votes. This cannot be undone: "
                            "if it is a mistake, add the member again."), name ? name : "");
  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Remove the Member?"), body));
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "retire", _("_Remove"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "retire", ADW_RESPONSE_DESTRUCTIVE);
  adw_alert_dialog_set_default_response (dialog, "cancel");
  {
    Form *form = form_new (self);

    form->id = id;
    form_connect (dialog, G_CALLBACK (retire_response_cb), form);
  }
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

/* ---- meetings ---- */

/* The ids of the ticked ones among @checks. */
static GArray *
ticked (GPtrArray *checks,
        GArray    *ids)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      g_array_append_val (out, g_array_index (ids, gint64, i));
  return out;
}

static void
meeting_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     Form           *form)
{
  TdCouncilView *self = form->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) present = NULL;
  g_autoptr(GArray) agenda = NULL;
  g_autofree char *iso = NULL;

  if (!g_str_equal (response, "create"))
    return;
  present = ticked (form->checks, form->check_ids);
  agenda = ticked (form->item_checks, form->item_ids);
  if ((iso = td_parse_date (gtk_editable_get_text (form->date), &error)) == NULL ||
      td_meeting_create (self->db, self->round_id, iso, (gint64 *) present->data, present->len,
                         (gint64 *) agenda->data, agenda->len, &error) == 0)
    toast_error (self, error);
  else
    changed (self);
}

static GtkWidget *
check_row (GtkWidget   *list,
           GPtrArray   *checks,
           GArray      *ids,
           const char  *title,
           const char  *subtitle,
           gint64       id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle ? subtitle : "");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  g_array_append_val (ids, id);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  g_ptr_array_add (checks, check);
  return row;
}

static void
standing_toggled_cb (GtkCheckButton *button,
                     Form           *form)
{
  g_autoptr(GError) error = NULL;

  if (!td_council_set_standing (form->self->db, form->id, gtk_check_button_get_active (button), &error))
    refusal (form->self, error);
}

static void
details_response_cb (AdwAlertDialog *dialog,
                     const char     *response,
                     Form           *form)
{
  TdCouncilView *self = form->self;
  g_autoptr(GError) error = NULL;
  GtkWidget **rows = form->rows;
  GArray *ids = form->check_ids;
  guint chair = adw_combo_row_get_selected (ADW_COMBO_ROW (rows[3]));
  guint secretary = adw_combo_row_get_selected (ADW_COMBO_ROW (rows[4]));

  if (!g_str_equal (response, "save"))
    return;
  if (!td_meeting_set_details (self->db, form->id,
                               gtk_editable_get_text (GTK_EDITABLE (rows[0])),
                               gtk_editable_get_text (GTK_EDITABLE (rows[1])),
                               gtk_editable_get_text (GTK_EDITABLE (rows[2])),
                               chair < ids->len ? g_array_index (ids, gint64, chair) : 0,
                               secretary < ids->len ? g_array_index (ids, gint64, secretary) : 0, &error))
    refusal (self, error);
  else
    changed (self);
}

static void
details_cb (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TdCouncilView *self = TD_COUNCIL_VIEW (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdMeeting) m = td_meeting_load (self->db, id, &error);
  AdwAlertDialog *dialog;
  GtkWidget *list;
  GtkWidget **rows;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids;
  Form *form;

  if (m == NULL)
    {
      refusal (self, error);
      return;
    }
  list = boxed_list ();
  form = form_new (self);
  form->id = id;
  form->check_ids = ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rows = form->rows;
  dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Meeting Details"),
                                                   _("Printed in the minutes: where and when the meeting sat, the "
                                                     "member who chaired it and the one who kept the minutes.")));
  rows[0] = entry_row (list, _("Place, e.g. Phòng họp số 1, UBND tỉnh"));
  rows[1] = entry_row (list, _("Starts at (HH:MM)"));
  rows[2] = entry_row (list, _("Ends at (HH:MM)"));
  gtk_editable_set_text (GTK_EDITABLE (rows[0]), m->place);
  gtk_editable_set_text (GTK_EDITABLE (rows[1]), m->starts_at);
  gtk_editable_set_text (GTK_EDITABLE (rows[2]), m->ends_at);
  for (guint i = 0; i < m->present->len; i++)
    {
      TdCouncilMember *member = m->present->pdata[i];
      gtk_string_list_append (names, member->name);
      g_array_append_val (ids, member->id);
    }
  for (guint k = 3; k < 5; k++)
    {
      const char *now = k == 3 ? m->chair : m->secretary;

      rows[k] = adw_combo_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (rows[k]), k == 3 ? _("Chair") : _("Secretary"));
      adw_combo_row_set_model (ADW_COMBO_ROW (rows[k]), G_LIST_MODEL (names));
      adw_combo_row_set_selected (ADW_COMBO_ROW (rows[k]), k == 3 ? 0 : MIN (1, m->present->len - 1));
      for (guint i = 0; i < m->present->len; i++)
        if (g_strcmp0 (((TdCouncilMember *) m->present->pdata[i])->name, now) == 0)
          adw_combo_row_set_selected (ADW_COMBO_ROW (rows[k]), i);
      gtk_list_box_append (GTK_LIST_BOX (list), rows[k]);
    }
  adw_alert_dialog_set_extra_child (dialog, list);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (dialog, "save");
  form_connect (dialog, G_CALLBACK (details_response_cb), form);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
new_meeting_cb (TdCouncilView *self)
{
  g_autoptr(GPtrArray) members = td_council_list_members (self->db, NULL);
  g_autoptr(GArray) waiting = td_council_view_get_waiting (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%d/%m/%Y");
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("New Council Meeting"), NULL));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *when = boxed_list (), *present = boxed_list (), *agenda = boxed_list ();
  GtkWidget *date = entry_row (when, _("Date held (dd/mm/yyyy)"));
  Form *form = form_new (self);
  GPtrArray *member_checks = form->checks = g_ptr_array_new ();
  GPtrArray *item_checks = form->item_checks = g_ptr_array_new ();
  g_autoptr(TdCouncilRules) rules = td_appraisal_council_rules (self->db);
  gboolean standing = g_strcmp0 (rules->sitting, "standing-committee") == 0;

  form->check_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  form->item_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  form->date = GTK_EDITABLE (date);

  gtk_editable_set_text (GTK_EDITABLE (date), today);
  /* Only the members of the body that sits: the standing committee, or the whole council. */
  adw_alert_dialog_set_body (dialog, standing ? _("The council's standing committee sits (the campaign's rule for the "
                                                  "Bằng khen). Tick its members present and the nominations on the "
                                                  "agenda.")
                                              : _("Tick the members present and the nominations on the agenda."));
  for (guint i = 0; members && i < members->len; i++)
    {
      TdCouncilMember *m = members->pdata[i];
      if (m->active && (!standing || m->standing))
        check_row (present, member_checks, form->check_ids, m->name, m->position, m->id);
    }
  for (guint i = 0; i < waiting->len; i++)
    {
      g_autoptr(TdNomination) n = td_nomination_get (self->db, g_array_index (waiting, gint64, i), NULL);
      if (n != NULL)
        check_row (agenda, item_checks, form->item_ids, td_nomination_get_name (n), n->proposer_name, n->id);
    }
  gtk_box_append (GTK_BOX (box), when);
  gtk_box_append (GTK_BOX (box), present);
  if (item_checks->len > 0)
    gtk_box_append (GTK_BOX (box), agenda);
  adw_alert_dialog_set_extra_child (dialog, box);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "create", _("_Create"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "create", ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_response_enabled (dialog, "create", member_checks->len > 0 && item_checks->len > 0);
  form_connect (dialog, G_CALLBACK (meeting_response_cb), form);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
vote_response_cb (AdwAlertDialog *dialog,
                  const char     *response,
                  Form           *form)
{
  TdCouncilView *self = form->self;
  g_autoptr(GError) error = NULL;
  AdwSpinRow **spins = form->spins;
  gint64 meeting = form->id;
  gint64 nomination = form->nomination;

  g_autoptr(TdTransaction) tx = NULL;

  if (!g_str_equal (response, "count"))
    return;
  if ((tx = td_transaction_begin (self->db, &error)) == NULL ||
      !td_meeting_vote (self->db, meeting, nomination, (guint) adw_spin_row_get_value (spins[0]),
                        (guint) adw_spin_row_get_value (spins[1]), (guint) adw_spin_row_get_value (spins[2]), &error) ||
      !td_meeting_record_written (self->db, meeting, nomination, (guint) adw_spin_row_get_value (spins[3]),
                                  (guint) adw_spin_row_get_value (spins[4]), &error) ||
      !td_transaction_commit (tx, &error))
    refusal (self, error);
  else
    changed (self);
}

/* @target: the ballot's meeting, nomination and who may vote, as the row's Count… button
 * carries them. */
static void
vote_cb (GtkButton *button,
         Form      *target)
{
  TdCouncilView *self = target->self;
  AdwAlertDialog *dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (_("Ballot Count"), NULL));
  GtkWidget *list = boxed_list ();
  guint present = target->present;
  guint absent = target->absent;
  Form *form = form_new (self);
  /* The ballot of those present; then the written opinions of those absent, which count too. */
  static const char * const labels[] = { N_("Agree"), N_("Disagree"), N_("Abstain"), N_("Agree in Writing (Absent)"),
                                         N_("Disagree in Writing (Absent)") };
  AdwSpinRow **spins = form->spins;
  g_autofree char *body = g_strdup_printf (_("%s: every one of the %u members present votes once."), target->title,
                                           present);

  adw_alert_dialog_set_body (dialog, body);
  for (guint i = 0; i < 5; i++)
    {
      spins[i] = ADW_SPIN_ROW (adw_spin_row_new_with_range (0, MAX (i < 3 ? present : absent, 1), 1));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (spins[i]), _(labels[i]));
      gtk_widget_set_visible (GTK_WIDGET (spins[i]), i < 3 || absent > 0);
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (spins[i]));
    }
  adw_alert_dialog_set_extra_child (dialog, list);
  adw_alert_dialog_add_responses (dialog, "cancel", _("_Cancel"), "count", _("_Record"), NULL);
  adw_alert_dialog_set_response_appearance (dialog, "count", ADW_RESPONSE_SUGGESTED);
  form->id = target->id;
  form->nomination = target->nomination;
  form_connect (dialog, G_CALLBACK (vote_response_cb), form);
  adw_dialog_present (ADW_DIALOG (dialog), GTK_WIDGET (self));
}

static void
close_cb (GtkWidget  *widget,
          const char *action_name,
          GVariant   *parameter)
{
  TdCouncilView *self = TD_COUNCIL_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!td_meeting_close (self->db, g_variant_get_int64 (parameter), &error))
    refusal (self, error);
  else
    changed (self);
}

static GtkWidget *
small_button (const char *label,
              const char *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (style)
    gtk_widget_add_css_class (button, style);
  return button;
}

static void
add_row (TdCouncilView       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, row);
}

static void
meeting_row (TdCouncilView *self,
             TdMeeting     *m)
{
  GtkWidget *expander = adw_expander_row_new ();
  g_autofree char *date = td_format_date (m->held_on);
  g_autofree char *title = g_strdup_printf (_("Meeting of %s"), date);
  g_autofree char *subtitle = g_strdup_printf (_("%s · %u of %u members present · %s"),
                                               m->standing_committee ? _("Standing committee") : _("Plenary council"),
                                               m->present->len, m->members_total, m->closed ? _("closed") : _("open"));
  gboolean all_counted = TRUE;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
  /* Beside Close and Details… the line wraps rather than being cut off. */
  adw_expander_row_set_subtitle_lines (ADW_EXPANDER_ROW (expander), 0);
  for (guint i = 0; i < m->items->len; i++)
    {
      TdMeetingItem *item = m->items->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = !item->voted ? g_strdup (_("Not counted yet"))
        : item->written_agree + item->written_disagree > 0
        ? g_strdup_printf (_("%u agree, %u disagree, %u abstain; in writing %u agree, %u disagree%s"), item->agree,
                           item->disagree, item->abstain, item->written_agree, item->written_disagree,
                           !item->decided ? "" : item->passed ? _(" · passed") : _(" · not passed"))
        : g_strdup_printf (_("%u agree, %u disagree, %u abstain%s"), item->agree, item->disagree, item->abstain,
                           !item->decided ? "" : item->passed ? _(" · passed") : _(" · not passed"));

      all_counted &= item->voted;
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), count);
      if (!m->closed)
        {
          GtkWidget *vote = small_button (_("_Count…"), "flat");
          Form *target = row_form_new (self);

          target->id = m->id;
          target->nomination = item->nomination_id;
          target->title = g_strdup (item->name);
          target->present = m->present->len;
          target->absent = m->members_total > m->present->len ? m->members_total - m->present->len : 0;
          g_signal_connect_data (vote, "clicked", G_CALLBACK (vote_cb), target, form_free, 0);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), vote);
        }
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  if (m->closed)
    {
      GtkWidget *minutes = small_button (_("_Minutes…"), NULL);

      gtk_actionable_set_action_name (GTK_ACTIONABLE (minutes), "council.minutes");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (minutes), "x", m->id);
      adw_expander_row_add_suffix (ADW_EXPANDER_ROW (expander), minutes);
    }
  else
    {
      GtkWidget *close = small_button (_("C_lose"), "suggested-action");
      GtkWidget *details = small_button (_("_Details…"), NULL);

      /* Where, when, who chaired and who kept the minutes: printed in the minutes. */
      gtk_widget_set_tooltip_text (details, _("Place, hours, chair and secretary, for the minutes"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (details), "council.details");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (details), "x", m->id);
      adw_expander_row_add_suffix (ADW_EXPANDER_ROW (expander), details);

      gtk_widget_set_sensitive (close, all_counted);
      gtk_widget_set_tooltip_text (close, all_counted ? _("Decide every nomination by the threshold")
                                                      : _("Count the votes of every nomination first"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "council.close");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (close), "x", m->id);
      adw_expander_row_add_suffix (ADW_EXPANDER_ROW (expander), close);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
    }
  add_row (self, self->meetings_group, expander);
}

void
td_council_view_reload (TdCouncilView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GArray) meetings = NULL;
  g_autoptr(GArray) waiting = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = self->rows->pdata[i];
      AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP));
      if (group != NULL)
        adw_preferences_group_remove (group, row);
    }
  g_ptr_array_set_size (self->rows, 0);
  if (self->db == NULL)
    return;
  members = td_council_list_members (self->db, &error);
  meetings = members ? td_meeting_list (self->db, &error) : NULL;
  if (meetings == NULL)
    {
      toast_error (self, error);
      return;
    }
  for (guint i = 0; i < members->len; i++)
    {
      TdCouncilMember *m = members->pdata[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), m->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), m->active ? m->position : _("No longer a member"));
      if (m->active)
        {
          GtkWidget *retire = gtk_button_new_from_icon_name ("user-trash-symbolic");
          GtkWidget *standing = gtk_check_button_new_with_label (_("Standing Committee"));

          /* Thường trực Hội đồng: the body that considers the Bằng khen when the campaign says so;
           * a check, which reads as on or off at a glance. */
          gtk_widget_set_valign (standing, GTK_ALIGN_CENTER);
          gtk_check_button_set_active (GTK_CHECK_BUTTON (standing), m->standing);
          gtk_widget_set_tooltip_text (standing, _("A member of the council's standing committee (Thường trực Hội đồng)"));
          {
            Form *member = row_form_new (self);

            member->id = m->id;
            g_signal_connect_data (standing, "toggled", G_CALLBACK (standing_toggled_cb), member, form_free, 0);
          }
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), standing);

          gtk_widget_add_css_class (retire, "flat");
          gtk_widget_set_valign (retire, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (retire, _("No longer a member (the meetings they sat in keep them)"));
          /* Seven members, seven buttons: each says whose it is. */
          {
            g_autofree char *remove = g_strdup_printf (_("Remove %s from the Council…"), m->name);
            g_autofree char *on_committee = g_strdup_printf (_("%s on the standing committee"), m->name);

            gtk_accessible_update_property (GTK_ACCESSIBLE (retire), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
            gtk_accessible_reset_relation (GTK_ACCESSIBLE (standing), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
            gtk_accessible_update_property (GTK_ACCESSIBLE (standing), GTK_ACCESSIBLE_PROPERTY_LABEL, on_committee, -1);
          }
          gtk_actionable_set_action_name (GTK_ACTIONABLE (retire), "council.retire");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (retire), "x", m->id);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), retire);
        }
      else
        gtk_widget_add_css_class (row, "dim-label");
      add_row (self, self->members_group, row);
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      g_autoptr(TdMeeting) m = td_meeting_load (self->db, g_array_index (meetings, gint64, i), NULL);
      if (m != NULL && (self->round_id == 0 || m->round_id == self->round_id))
        meeting_row (self, m);
    }
  waiting = td_council_view_get_waiting (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_meeting_button), waiting->len > 0 && members->len > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_meeting_button),
                               waiting->len > 0 ? NULL : _("No nomination of the round waits for the council"));
}

void
td_council_view_set_database (TdCouncilView *self,
                              TdDatabase    *db,
                              gint64         round_id)
{
  g_set_object (&self->db, db);
  self->round_id = round_id;
  /* The Tờ trình is Sở KH&CN's to the province Chairman: a unit's own council, which passes
   * its head's Giấy khen, has no such paper. */
  gtk_widget_set_visible (GTK_WIDGET (self->proposal_button),
                          db != NULL && td_database_get_installation (db, NULL) == TD_INSTALLATION_BOARD);
  td_council_view_reload (self);
}

static void
td_council_view_dispose (GObject *object)
{
  TdCouncilView *self = TD_COUNCIL_VIEW (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_COUNCIL_VIEW);
  G_OBJECT_CLASS (td_council_view_parent_class)->dispose (object);
}

static void
td_council_view_class_init (TdCouncilViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_council_view_dispose;
  /* A meeting closed or a member changed: the nominations moved on. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-council-view.ui");
  gtk_widget_class_install_action (widget_class, "council.minutes", "x", minutes_cb);
  gtk_widget_class_install_action (widget_class, "council.close", "x", close_cb);
  gtk_widget_class_install_action (widget_class, "council.details", "x", details_cb);
  gtk_widget_class_install_action (widget_class, "council.retire", "x", retire_cb);
  gtk_widget_class_bind_template_child (widget_class, TdCouncilView, meetings_group);
  gtk_widget_class_bind_template_child (widget_class, TdCouncilView, members_group);
  gtk_widget_class_bind_template_child (widget_class, TdCouncilView, new_meeting_button);
  gtk_widget_class_bind_template_child (widget_class, TdCouncilView, add_member_button);
  gtk_widget_class_bind_template_child (widget_class, TdCouncilView, proposal_button);
  gtk_widget_class_bind_template_callback (widget_class, proposal_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_meeting_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_member_cb);
}

static void
td_council_view_init (TdCouncilView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
