/* td-nomination-pane.c: one nomination beside the list: status and warnings with the moves
 * its status allows, the nomination's text, its evidence and the unit's self-assessment. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-appraisal-view.h"
#include "td-evidence-preview.h"
#include "td-nomination-pane.h"
#include "td-pdf-bytes.h"
#include "td-pickers.h"
#include "td-notify.h"

struct _TdNominationPane
{
  AdwBin      parent_instance;

  TdDatabase *db;
  GSettings  *settings;
  GListModel *targets;
  gint64      current;
  TdAppraisalView *appraisal;   /* the steps of the nomination's level, and their moves */
  GtkBox     *box;
};

G_DEFINE_FINAL_TYPE (TdNominationPane, td_nomination_pane, ADW_TYPE_BIN)

enum { CHANGED, EDIT_REQUESTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
edit_clicked_cb (TdNominationPane *self)
{
  g_signal_emit (self, signals[EDIT_REQUESTED], 0);
}

static GtkWidget *
group_new (const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  return group;
}

static void
add_info_row (GtkWidget  *group,
              const char *title,
              const char *value)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value ? value : "");
  adw_action_row_set_subtitle_selectable (ADW_ACTION_ROW (row), TRUE);
  gtk_widget_add_css_class (row, "property");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

/* The nomination's moves are the appraisal's (td-appraisal-view.c), by the body each step
 * names; beside the status there is only what the proposer may do before the first step. */
static GtkWidget *
actions_box (TdNominationPane   *self,
             const TdNomination *n)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  if (td_nomination_is_editable (n->status))
    {
      GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));
      g_signal_connect_swapped (edit, "clicked", G_CALLBACK (edit_clicked_cb), self);
      gtk_box_append (GTK_BOX (box), edit);
    }
  return box;
}

/* Each evidence row's Open button targets the evidence's id (int64). */
static void
open_evidence_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TdNominationPane *self = TD_NOMINATION_PANE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = td_pdf_bytes_load_evidence (self->db, id, &error);

  if (bytes == NULL)
    td_notify_toast (GTK_WIDGET (self), error->message);
  else
    adw_dialog_present (ADW_DIALOG (td_evidence_preview_new (bytes)), GTK_WIDGET (self));
}

static void
attach_chosen_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdNominationPane) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_open_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  TdEvidenceOwner owner = { .nomination_id = self->current };

  if (file == NULL || self->db == NULL)
    return;
  name = g_file_get_basename (file);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  if (bytes == NULL)
    {
      g_autofree char *message = td_format_file_error (file, error);
      td_notify_alert (GTK_WIDGET (self), _("The File Was Not Attached"), message);
      return;
    }
  if (
      td_evidence_attach (self->db, bytes, name, &owner,
                          (gsize) g_settings_get_int (self->settings, "evidence-max-mb") * 1024 * 1024, &error) == 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” was not attached: %s"), name, error->message);
      td_notify_toast (GTK_WIDGET (self), message);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
attach_cb (TdNominationPane *self)
{
  g_autoptr(GtkFileDialog) dialog = td_pickers_pdf_dialog (_("Attach Evidence"));

  gtk_file_dialog_open (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, attach_chosen_cb,
                        g_object_ref (self));
}

static GtkWidget *
evidence_group (TdNominationPane   *self,
                const TdNomination *n)
{
  GtkWidget *group = group_new (_("Evidence"), _("The submission, the achievement report and the minutes of the "
                                                 "proposing level's emulation board."));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = td_evidence_list_for_nomination (self->db, n->id, &error);
  GtkWidget *attach = gtk_button_new_from_icon_name ("mail-attachment-symbolic");

  gtk_widget_set_tooltip_text (attach, _("Attach a PDF"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (attach), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attach a PDF"), -1);
  gtk_widget_add_css_class (attach, "flat");
  gtk_widget_set_sensitive (attach, n->status != TD_NOMINATION_DECIDED);
  g_signal_connect_swapped (attach, "clicked", G_CALLBACK (attach_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), attach);
  for (guint i = 0; items && i < items->len; i++)
    {
      TdEvidenceInfo *e = items->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
      g_autofree char *subtitle = g_strdup_printf (ngettext ("%d page · %s", "%d pages · %s", e->page_count),
                                                   e->page_count, td_verdict_get_label (e->verdict));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), e->file_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "pane.open-evidence");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "x", e->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  if (items != NULL && items->len == 0)
    add_info_row (group, _("No evidence attached"), _("Attach the dossier's PDFs with the button above."));
  if (error != NULL)
    add_info_row (group, _("The evidence could not be read"), error->message);
  return group;
}

static GtkWidget *
assessment_group (TdNominationPane   *self,
                  const TdNomination *n)
{
  GtkWidget *group = group_new (_("The Unit's Self-Assessment"), NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (self->db, n->unit_id, n->round_id, &error);
  TdSummary summary = { 0 };

  if (info == NULL)
    add_info_row (group, n->unit_name, error ? error->message : _("No self-assessment for this round"));
  else if (td_summary_for_unit (self->db, self->targets, n->unit_id, n->round_id, &summary, &error))
    {
      g_autofree char *met = g_strdup_printf (_("%u of %u applicable targets met, %u not met, %u missing"),
                                              summary.n_met, summary.n_applicable, summary.n_not_met,
                                              summary.n_missing);
      add_info_row (group, _("Status"), td_assessment_status_get_label (info->status));
      add_info_row (group, _("Targets"), met);
    }
  else
    add_info_row (group, n->unit_name, error->message);
  return group;
}

static void
appraisal_changed_cb (TdNominationPane *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
rebuild (TdNominationPane    *self,
         const TdNomination  *n,
         char * const        *warnings)
{
  GtkWidget *child, *title_box, *heading, *sub, *group;
  g_autofree char *status = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  self->appraisal = NULL;
  if (n == NULL)
    return;

  title_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  heading = gtk_label_new (td_nomination_get_name (n));
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_selectable (GTK_LABEL (heading), TRUE);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 1, -1);
  gtk_box_append (GTK_BOX (title_box), heading);
  {
    g_autofree char *position = n->individual ? td_nomination_format_position (n) : g_strdup (_("Collective"));
    sub = gtk_label_new (position);
    gtk_label_set_wrap (GTK_LABEL (sub), TRUE);
    gtk_label_set_xalign (GTK_LABEL (sub), 0);
    gtk_widget_add_css_class (sub, "dim-label");
    gtk_box_append (GTK_BOX (title_box), sub);
  }
  gtk_box_append (self->box, title_box);

  status = n->status == TD_NOMINATION_RETURNED && n->status_reason
           ? g_strdup_printf (_("%s: %s"), td_nomination_status_get_label (n->status), n->status_reason)
           : g_strdup (td_nomination_status_get_label (n->status));
  group = group_new (status, NULL);
  /* Once in a decision, what was missing no longer matters. */
  for (guint i = 0; n->status != TD_NOMINATION_DECIDED && warnings && warnings[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), warnings[i]);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), actions_box (self, n));
  gtk_box_append (self->box, group);

  self->appraisal = td_appraisal_view_new (self->db, n);
  g_signal_connect_swapped (self->appraisal, "changed", G_CALLBACK (appraisal_changed_cb), self);
  gtk_box_append (self->box, GTK_WIDGET (self->appraisal));

  group = group_new (_("Nomination"), NULL);
  add_info_row (group, _("Level"), td_award_level_get_label (n->level));
  add_info_row (group, _("Proposed by"), n->proposer_name);
  add_info_row (group, _("Achievement"), n->achievement);
  add_info_row (group, _("Standards of section V.1"), n->standards_attested ? _("Attested") : _("Not attested"));
  if (n->decision_id != 0)
    {
      g_autoptr(TdDecision) d = td_decision_load (self->db, n->decision_id, NULL);
      g_autofree char *number = d ? td_decision_format_number (d) : NULL;
      g_autofree char *date = d ? td_format_date (d->signed_on) : NULL;
      g_autofree char *text = date ? g_strdup_printf (_("%s of %s"), number, date) : g_strdup (number);

      add_info_row (group, _("Decision"), text);
    }
  gtk_box_append (self->box, group);

  gtk_box_append (self->box, evidence_group (self, n));
  gtk_box_append (self->box, assessment_group (self, n));
}


void
td_nomination_pane_show (TdNominationPane   *self,
                         TdDatabase         *db,
                         const TdNomination *nomination,
                         char * const       *warnings,
                         GListModel         *targets)
{
  GtkWidget *child;

  g_set_object (&self->db, db);
  g_set_object (&self->targets, targets);
  self->current = nomination ? nomination->id : 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_box_remove (self->box, child);
  self->appraisal = NULL;
  if (nomination != NULL && db != NULL)
    rebuild (self, nomination, warnings);
}

char **
td_nomination_pane_get_offered_moves (TdNominationPane *self)
{
  if (self->appraisal != NULL)
    return td_appraisal_view_get_moves (self->appraisal);
  return g_new0 (char *, 1);
}

static void
td_nomination_pane_dispose (GObject *object)
{
  TdNominationPane *self = TD_NOMINATION_PANE (object);

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->targets);
  G_OBJECT_CLASS (td_nomination_pane_parent_class)->dispose (object);
}

static void
td_nomination_pane_class_init (TdNominationPaneClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = td_nomination_pane_dispose;
  /* The nomination changed in the database (moved, evidence attached): the list reloads. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  signals[EDIT_REQUESTED] = g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_install_action (GTK_WIDGET_CLASS (klass), "pane.open-evidence", "x", open_evidence_cb);
}

static void
td_nomination_pane_init (TdNominationPane *self)
{
  self->settings = g_settings_new (APP_ID);
  self->box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 18));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
}

TdAppraisalView *
td_nomination_pane_get_appraisal (TdNominationPane *self)
{
  return self->appraisal;
}
