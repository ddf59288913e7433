/* td-appraisal-view.c: the steps, the checks and the moves of one nomination's appraisal. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-appraisal-view.h"
#include "td-document-preview.h"
#include "td-dossier-pdf.h"
#include "td-evidence-pages.h"
#include "td-notify.h"

struct _TdAppraisalView
{
  GtkBox        parent_instance;

  TdDatabase       *db;
  gint64            nomination_id;
  TdAppraisalState *state;      /* the core's answer: steps, who acts, what may be done */
  GPtrArray        *moves;      /* const char *, offered */
};

G_DEFINE_FINAL_TYPE (TdAppraisalView, td_appraisal_view, GTK_TYPE_BOX)

#define GROUP_SPACING 18

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static TdStepSpec *
next_step (TdAppraisalView *self)
{
  return self->state->next;
}

gboolean
td_appraisal_view_act (TdAppraisalView  *self,
                       const char       *move,
                       const char       *check,
                       const char       *text,
                       GError          **error)
{
  TdStepAction action = TD_STEP_VOTE;
  const char *body;
  gboolean ok;

  /* The moves are named as the history stores them ("approve", "return", …). */
  g_return_val_if_fail (td_step_action_from_string (move, &action), FALSE);
  body = action == TD_STEP_UNDO ? self->state->undo_body : self->state->acting_body;
  switch (action)
    {
    case TD_STEP_APPROVE:
      ok = td_appraisal_approve (self->db, self->nomination_id, body, text, error);
      break;
    case TD_STEP_RETURN:
      ok = td_appraisal_return (self->db, self->nomination_id, body, NULL, text, error);
      break;
    case TD_STEP_OVERRIDE:
      ok = td_appraisal_override (self->db, self->nomination_id, body, check, text, error);
      break;
    case TD_STEP_UNDO:
      ok = td_appraisal_undo (self->db, self->nomination_id, body, text, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (ok)
    g_signal_emit (self, signals[CHANGED], 0);
  return ok;
}

/* A move offered by a button: which, and for an override the check. */
typedef struct {
  TdStepAction  action;
  char         *check;
} Move;

static void
move_free (gpointer data,
           GClosure *closure)
{
  Move *m = data;

  g_free (m->check);
  g_free (m);
}

/* The dialog asking for a move's opinion or reason; freed with the dialog. */
typedef struct {
  TdAppraisalView *view;     /* a reference: the answer comes after the view may have gone */
  AdwAlertDialog  *dialog;
  GtkEditable     *entry;
  TdStepAction     action;
  char            *check;
} AskForm;

static void
ask_form_free (gpointer data,
               GClosure *closure)
{
  AskForm *form = data;

  g_object_unref (form->view);
  g_free (form->check);
  g_free (form);
}

static void
response_cb (AdwAlertDialog *dialog,
             const char     *response,
             AskForm        *form)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "act") || gtk_widget_get_root (GTK_WIDGET (form->view)) == NULL)
    return;
  /* A refused move says which check, which body or which step, and what to do: in full. */
  if (!td_appraisal_view_act (form->view, td_step_action_to_string (form->action), form->check,
                              gtk_editable_get_text (form->entry), &error))
    td_notify_alert (GTK_WIDGET (form->view), _("Not Recorded"), error->message);
}

static void
text_changed_cb (GtkEditable *entry,
                 AskForm     *form)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  /* An opinion may be left out; a reason may not. */
  adw_alert_dialog_set_response_enabled (form->dialog, "act", form->action == TD_STEP_APPROVE || *text != '\0');
}

/* Asks for the opinion or the reason of @move, then makes it. */
static void
ask (TdAppraisalView *self,
     const Move      *move,
     const char      *heading,
     const char      *body,
     const char      *placeholder,
     const char      *act_label,
     gboolean         destructive)
{
  AskForm *form = g_new0 (AskForm, 1);
  GtkWidget *entry = gtk_entry_new ();

  form->view = g_object_ref (self);
  form->dialog = ADW_ALERT_DIALOG (adw_alert_dialog_new (heading, body));
  form->entry = GTK_EDITABLE (entry);
  form->action = move->action;
  form->check = g_strdup (move->check);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_alert_dialog_set_extra_child (form->dialog, entry);
  adw_alert_dialog_add_responses (form->dialog, "cancel", _("_Cancel"), "act", act_label, NULL);
  adw_alert_dialog_set_response_appearance (form->dialog, "act",
                                            destructive ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_alert_dialog_set_default_response (form->dialog, "act");
  g_signal_connect (entry, "changed", G_CALLBACK (text_changed_cb), form);
  text_changed_cb (GTK_EDITABLE (entry), form);
  g_signal_connect_data (form->dialog, "response", G_CALLBACK (response_cb), form, ask_form_free, 0);
  adw_dialog_present (ADW_DIALOG (form->dialog), GTK_WIDGET (self));
}

static const char *
body_label (TdStepSpec *step)
{
  switch (step->actor)
    {
    case TD_STEP_BY_PROPOSER: return _("the proposing unit");
    case TD_STEP_BY_COUNCIL: return _("the council's vote");
    case TD_STEP_BY_DECISION: return _("the award decision");
    case TD_STEP_BY_ISSUER: return _("the issuing unit's emulation council");
    default: return step->body_name ? step->body_name : step->body_code;
    }
}

static void
move_clicked_cb (GtkButton *button,
                 Move      *move)
{
  TdAppraisalView *self = TD_APPRAISAL_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (button), TD_TYPE_APPRAISAL_VIEW));
  TdStepSpec *next = next_step (self);
  g_autofree char *body = NULL;

  switch (move->action)
    {
    case TD_STEP_APPROVE:
      body = g_strdup_printf (_("%s records that the nomination passes the step “%s”."), body_label (next), next->title);
      ask (self, move, _("Approve the Step?"), body, _("Opinion (optional)"), _("_Approve"), FALSE);
      break;
    case TD_STEP_RETURN:
      body = g_strdup_printf (_("It goes back to %s with the reason below, and starts again from its proposal."),
                              body_label (self->state->steps->pdata[0]));
      ask (self, move, _("Return the Nomination?"), body, _("Reason, e.g. the minutes are missing"), _("_Return"), TRUE);
      break;
    case TD_STEP_OVERRIDE:
      ask (self, move, _("Accept the Failed Check?"),
           _("The step may go on all the same; the reason is kept in the history and printed in the dossier."),
           _("Reason, e.g. checked against the paper dossier"), _("_Accept"), FALSE);
      break;
    default:
      ask (self, move, _("Take Back the Approval?"),
           _("The latest step is undone; the body that approved it records why."), _("Reason"), _("_Take Back"), TRUE);
      break;
    }
}

static void
dossier_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TdAppraisalView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = td_dossier_render_finish (result, &error);
  g_autofree char *file_name = g_strdup_printf ("ho-so-de-nghi-%d.pdf", (int) self->nomination_id);

  if (pdf == NULL)
    {
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    adw_dialog_present (ADW_DIALOG (td_document_preview_new (pdf, _("Commendation Dossier"), file_name, "dossier",
                                                              FALSE)),
                        GTK_WIDGET (self));
}

/* The dossier with every evidence page: the files are read here, drawn by the helper on the
 * worker, and the PDF shown when it is ready. */
static void
dossier_cb (TdAppraisalView *self)
{
  g_autoptr(GError) error = NULL;
  TdDossier *dossier = td_dossier_load (self->db, self->nomination_id, &error);
  TdEvidencePages *pages = dossier ? td_evidence_pages_new (self->db, dossier->evidence, &error) : NULL;

  if (pages == NULL)
    {
      td_dossier_free (dossier);
      td_notify_toast (GTK_WIDGET (self), error->message);
      return;
    }
  td_notify_toast (GTK_WIDGET (self), _("Laying out the dossier…"));
  td_dossier_render_async (dossier, td_evidence_pages_draw, pages, (GDestroyNotify) td_evidence_pages_free, NULL,
                           dossier_done_cb, g_object_ref (self));
}

static GtkWidget *
move_button (TdAppraisalView *self,
             TdStepAction     action,
             const char      *check,
             const char      *label,
             const char      *style)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  Move *move = g_new0 (Move, 1);

  move->action = action;
  move->check = g_strdup (check);
  if (style)
    gtk_widget_add_css_class (button, style);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_data (button, "clicked", G_CALLBACK (move_clicked_cb), move, move_free, 0);
  if (action != TD_STEP_OVERRIDE)
    g_ptr_array_add (self->moves, (gpointer) td_step_action_to_string (action));
  return button;
}

static char *
record_line (TdStepRecord *r)
{
  g_autofree char *day = r->at && strlen (r->at) >= 10 ? g_strndup (r->at, 10) : NULL;
  g_autofree char *date = day ? td_format_date (day) : NULL;
  const char *who = r->body_name ? r->body_name : r->body_code ? r->body_code : _("the board");

  return g_strdup_printf ("%s · %s · %s · %s%s%s", date ? date : "", td_step_action_get_label (r->action), who, r->actor,
                          (r->opinion && *r->opinion) || (r->reason && *r->reason) ? " · " : "",
                          r->reason && *r->reason ? r->reason : r->opinion ? r->opinion : "");
}

static void
build (TdAppraisalView    *self,
       const TdNomination *n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = td_appraisal_history (self->db, n->id, &error);
  g_autoptr(GPtrArray) checks = NULL;
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *checks_group = NULL;
  g_autofree char *waits = NULL;
  guint failing = 0;
  /* Up to four buttons: they wrap onto a second line in a narrow window. */
  GtkWidget *actions = adw_wrap_box_new ();
  GtkWidget *expander;
  TdStepSpec *next = next_step (self);
  GPtrArray *steps = self->state->steps;
  guint done = self->state->done;
  gboolean by_hand = next && (next->actor == TD_STEP_BY_BODY || next->actor == TD_STEP_BY_PROPOSER ||
                              next->actor == TD_STEP_BY_ISSUER);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Appraisal"));
  if (next != NULL && n->status != TD_NOMINATION_DECIDED)
    {
      g_autofree char *description = g_strdup_printf (_("Next: %s, by %s"), next->title, body_label (next));
      g_autoptr(GError) blocked = NULL;

      /* A step no body may take (its body left the register, no unit issues the award) says
       * why and how to mend it, instead of offering moves that are refused. */
      if (by_hand && !self->state->can_approve)
        {
          g_free (description);
          description = g_strdup_printf (_("Next: %s. No unit of the register can act at it: name the unit in "
                                           "Preferences → Appraisal."), next->title);
        }
      else if (next->actor == TD_STEP_BY_BODY && !next->body_active)
        {
          g_free (description);
          description = g_strdup_printf (_("Next: %s, by “%s”, which is not an active unit of the register: name "
                                           "the unit that does it in Preferences → Appraisal."), next->title,
                                         next->body_code);
        }
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
    }
  for (guint i = 0; i < steps->len; i++)
    {
      TdStepSpec *s = steps->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      const char *icon = i < done ? "object-select-symbolic" : i == done ? "go-next-symbolic"
                                                                            : "content-loading-symbolic";
      GtkWidget *image = gtk_image_new_from_icon_name (icon);
      g_autofree char *subtitle = NULL;

      /* Who did the step, from its latest record. */
      for (guint k = history ? history->len : 0; i < done && k > 0 && subtitle == NULL; k--)
        {
          TdStepRecord *r = history->pdata[k - 1];
          if (g_strcmp0 (r->step, s->id) == 0 && (r->action == TD_STEP_APPROVE || r->action == TD_STEP_PROPOSE ||
                                                  r->action == TD_STEP_VOTE))
            subtitle = record_line (r);
        }
      if (subtitle == NULL)
        subtitle = g_strdup (body_label (s));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      i < done ? _("Done") : i == done ? _("Next") : _("Later"), -1);
      if (i > done)
        gtk_widget_add_css_class (row, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  /* The next step's checks, each explained; a failed one may be accepted by the acting body. */
  if (self->state->can_approve)
    checks = td_appraisal_check (self->db, n->id, FALSE, NULL);
  if (checks != NULL && checks->len > 0)
    {
      checks_group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (checks_group), _("Checks Before This Step"));
    }
  for (guint i = 0; checks && i < checks->len; i++)
    failing += !((TdEligibilityCheck *) checks->pdata[i])->passed && !((TdEligibilityCheck *) checks->pdata[i])->overridden;
  if (failing > 0)
    {
      /* Said before Approve is pressed, not after an opinion was typed. */
      waits = g_strdup_printf (ngettext ("Approve waits for %u check that is not met: accept it with a reason, or "
                                         "return the nomination.",
                                         "Approve waits for %u checks that are not met: accept each with a reason, "
                                         "or return the nomination.", failing), failing);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (checks_group), waits);
    }
  for (guint i = 0; checks && i < checks->len; i++)
    {
      TdEligibilityCheck *c = checks->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *image = gtk_image_new_from_icon_name (c->passed ? "object-select-symbolic" : c->overridden
                                                       ? "dialog-information-symbolic" : "dialog-warning-symbolic");

      gtk_widget_add_css_class (image, c->passed ? "success" : c->overridden ? "accent" : "warning");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), c->explanation);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
      if (!c->passed && !c->overridden)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   move_button (self, TD_STEP_OVERRIDE, c->id, _("Accept…"), "flat"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (checks_group), row);
    }

  if (history != NULL && history->len > 0)
    {
      expander = adw_expander_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("History"));
      {
        g_autofree char *count = g_strdup_printf (ngettext ("%u entry", "%u entries", history->len),
                                                  history->len);
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), count);
      }
      for (guint i = 0; i < history->len; i++)
        {
          TdStepRecord *r = history->pdata[i];
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *line = record_line (r);
          const char *title = NULL;

          for (guint k = 0; k < steps->len && title == NULL; k++)
            if (g_strcmp0 (((TdStepSpec *) steps->pdata[k])->id, r->step) == 0)
              title = ((TdStepSpec *) steps->pdata[k])->title;
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : r->step);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), line);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }

  /* The moves the acting bodies may make, as the core answers. */
  if (self->state->can_approve)
    {
      GtkWidget *approve = move_button (self, TD_STEP_APPROVE, NULL, done == 0 ? _("_Propose Again…") : _("A_pprove…"),
                                        "suggested-action");

      if (waits != NULL)
        {
          gtk_widget_set_sensitive (approve, FALSE);
          gtk_widget_set_tooltip_text (approve, waits);
          gtk_accessible_update_property (GTK_ACCESSIBLE (approve), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, waits, -1);
        }
      adw_wrap_box_append (ADW_WRAP_BOX (actions), approve);
    }
  if (self->state->can_return)
    {
      adw_wrap_box_append (ADW_WRAP_BOX (actions), move_button (self, TD_STEP_RETURN, NULL, _("_Return…"),
                                                                "destructive-action"));
    }
  if (self->state->can_undo)
    {
      adw_wrap_box_append (ADW_WRAP_BOX (actions), move_button (self, TD_STEP_UNDO, NULL, _("_Take Back…"), NULL));
    }
  {
    GtkWidget *dossier = gtk_button_new_with_mnemonic (_("D_ossier…"));

    gtk_widget_set_valign (dossier, GTK_ALIGN_CENTER);
    gtk_widget_set_tooltip_text (dossier, _("The dossier as PDF: achievement report, appraisal record and evidence"));
    g_signal_connect_swapped (dossier, "clicked", G_CALLBACK (dossier_cb), self);
    adw_wrap_box_append (ADW_WRAP_BOX (actions), dossier);
  }
  adw_wrap_box_set_child_spacing (ADW_WRAP_BOX (actions), 6);
  adw_wrap_box_set_line_spacing (ADW_WRAP_BOX (actions), 6);
  adw_wrap_box_set_justify (ADW_WRAP_BOX (actions), ADW_JUSTIFY_NONE);
  gtk_widget_set_halign (actions, GTK_ALIGN_END);
  gtk_widget_set_valign (actions, GTK_ALIGN_CENTER);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), actions);
  gtk_box_append (GTK_BOX (self), group);
  if (checks_group != NULL)
    gtk_box_append (GTK_BOX (self), checks_group);
}

char **
td_appraisal_view_get_moves (TdAppraisalView *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < self->moves->len; i++)
    g_strv_builder_add (builder, self->moves->pdata[i]);
  return g_strv_builder_end (builder);
}

TdAppraisalView *
td_appraisal_view_new (TdDatabase         *db,
                       const TdNomination *n)
{
  TdAppraisalView *self = g_object_new (TD_TYPE_APPRAISAL_VIEW, "orientation", GTK_ORIENTATION_VERTICAL,
                                        "spacing", GROUP_SPACING, NULL);

  self->db = g_object_ref (db);
  self->nomination_id = n->id;
  self->state = td_appraisal_state (db, n->id, NULL);
  if (self->state != NULL)
    build (self, n);
  return self;
}

static void
td_appraisal_view_dispose (GObject *object)
{
  TdAppraisalView *self = TD_APPRAISAL_VIEW (object);

  g_clear_object (&self->db);
  g_clear_pointer (&self->state, td_appraisal_state_free);
  g_clear_pointer (&self->moves, g_ptr_array_unref);
  G_OBJECT_CLASS (td_appraisal_view_parent_class)->dispose (object);
}

static void
td_appraisal_view_class_init (TdAppraisalViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = td_appraisal_view_dispose;
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
td_appraisal_view_init (TdAppraisalView *self)
{
  self->moves = g_ptr_array_new ();
}
