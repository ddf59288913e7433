/* td-nomination-dialog.c: the form of one nomination.
 *
 * What the core refuses (no name for an individual, no achievement) is said in the dialog and
 * nothing is stored; the dialog stays open with what was typed. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-nomination-dialog.h"
#include "td-pickers.h"

struct _TdNominationDialog
{
  AdwDialog     parent_instance;

  TdDatabase   *db;
  gint64        round_id;
  gint64        nomination_id;
  GListModel   *units;
  GListModel   *targets;

  GtkButton    *save_button;
  GtkLabel     *error_label;
  AdwComboRow  *subject_row;
  AdwComboRow  *unit_row;
  AdwEntryRow  *person_row;
  AdwEntryRow  *position_row;
  AdwComboRow  *level_row;
  AdwComboRow  *proposer_row;
  AdwSwitchRow *attested_row;
  GtkTextView  *achievement_view;
  AdwActionRow *assessment_row;
};

G_DEFINE_FINAL_TYPE (TdNominationDialog, td_nomination_dialog, ADW_TYPE_DIALOG)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static TdUnit *
unit_at (TdNominationDialog *self,
         AdwComboRow        *row)
{
  guint pos = adw_combo_row_get_selected (row);

  if (self->units == NULL || pos >= g_list_model_get_n_items (self->units))
    return NULL;
  return g_list_model_get_item (self->units, pos);
}

static guint
unit_position (TdNominationDialog *self,
               gint64              unit_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(TdUnit) u = g_list_model_get_item (self->units, i);
      if (td_unit_get_id (u) == unit_id)
        return i;
    }
  return 0;
}

static void
subject_changed_cb (TdNominationDialog *self)
{
  gboolean individual = adw_combo_row_get_selected (self->subject_row) == 1;

  gtk_widget_set_visible (GTK_WIDGET (self->person_row), individual);
  gtk_widget_set_visible (GTK_WIDGET (self->position_row), individual);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->unit_row),
                                 individual ? _("Unit of the person") : _("Unit"));
}

/* The board decides with the unit's own results in view. */
static void
unit_changed_cb (TdNominationDialog *self)
{
  g_autoptr(TdUnit) unit = unit_at (self, self->unit_row);
  g_autoptr(TdAssessmentInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;
  TdSummary summary = { 0 };

  if (unit == NULL || self->db == NULL)
    return;
  info = td_assessment_lookup (self->db, td_unit_get_id (unit), self->round_id, &error);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->assessment_row), td_unit_get_name (unit));
  if (info == NULL)
    subtitle = g_strdup (error ? error->message : _("No self-assessment for this round"));
  else if (td_summary_for_unit (self->db, self->targets, td_unit_get_id (unit), self->round_id, &summary, &error))
    subtitle = g_strdup_printf (_("%s · %u of %u applicable targets met, %u not met, %u missing"),
                                td_assessment_status_get_label (info->status), summary.n_met, summary.n_applicable,
                                summary.n_not_met, summary.n_missing);
  else
    subtitle = g_strdup (error->message);
  adw_action_row_set_subtitle (self->assessment_row, subtitle);
}

static char *
achievement_text (TdNominationDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->achievement_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
show_error (TdNominationDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static void
save_cb (TdNominationDialog *self)
{
  g_autoptr(TdUnit) unit = unit_at (self, self->unit_row);
  g_autoptr(TdUnit) proposer = unit_at (self, self->proposer_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *achievement = achievement_text (self);
  TdNominationSpec spec = { 0 };
  gint64 id = self->nomination_id;

  spec.round_id = self->round_id;
  spec.individual = adw_combo_row_get_selected (self->subject_row) == 1;
  spec.unit_id = unit ? td_unit_get_id (unit) : 0;
  spec.proposer_id = proposer ? td_unit_get_id (proposer) : 0;
  spec.person_name = gtk_editable_get_text (GTK_EDITABLE (self->person_row));
  spec.person_position = gtk_editable_get_text (GTK_EDITABLE (self->position_row));
  spec.level = (TdAwardLevel) adw_combo_row_get_selected (self->level_row);
  spec.achievement = achievement;
  spec.standards_attested = adw_switch_row_get_active (self->attested_row);

  if (id == 0)
    id = td_nomination_create (self->db, &spec, &error);
  else if (!td_nomination_update (self->db, id, &spec, &error))
    id = 0;
  if (id == 0)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  adw_dialog_close (ADW_DIALOG (self));
}

static void
cancel_cb (TdNominationDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
td_nomination_dialog_dispose (GObject *object)
{
  TdNominationDialog *self = TD_NOMINATION_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->units);
  g_clear_object (&self->targets);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_NOMINATION_DIALOG);
  G_OBJECT_CLASS (td_nomination_dialog_parent_class)->dispose (object);
}

static void
td_nomination_dialog_class_init (TdNominationDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = td_nomination_dialog_dispose;
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-nomination-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, position_row);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, proposer_row);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, attested_row);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, achievement_view);
  gtk_widget_class_bind_template_child (widget_class, TdNominationDialog, assessment_row);
  gtk_widget_class_bind_template_callback (widget_class, save_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_cb);
  gtk_widget_class_bind_template_callback (widget_class, subject_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, unit_changed_cb);
}

static void
td_nomination_dialog_init (TdNominationDialog *self)
{
  const char *subjects[] = { _("Collective"), _("Individual"), NULL };
  g_autoptr(GtkStringList) subject_list = gtk_string_list_new (subjects);

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (subject_list));
  td_pickers_fill_level_row (self->level_row);
}

TdNominationDialog *
td_nomination_dialog_new (TdDatabase *db,
                          gint64      round_id,
                          gint64      nomination_id)
{
  TdNominationDialog *self = g_object_new (TD_TYPE_NOMINATION_DIALOG, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdNomination) n = NULL;

  self->db = g_object_ref (db);
  self->round_id = round_id;
  self->nomination_id = nomination_id;
  self->units = td_catalog_list_active_units (db, &error);
  self->targets = td_catalog_list_targets (db, NULL);
  if (self->units == NULL)
    {
      show_error (self, error->message);
      self->units = G_LIST_MODEL (g_list_store_new (TD_TYPE_UNIT));
    }
  td_pickers_fill_unit_row (self->unit_row, self->units, FALSE);
  td_pickers_fill_unit_row (self->proposer_row, self->units, FALSE);

  if (nomination_id != 0 && (n = td_nomination_get (db, nomination_id, &error)) != NULL)
    {
      adw_dialog_set_title (ADW_DIALOG (self), _("Edit Nomination"));
      self->round_id = n->round_id;
      adw_combo_row_set_selected (self->subject_row, n->individual ? 1 : 0);
      adw_combo_row_set_selected (self->unit_row, unit_position (self, n->unit_id));
      adw_combo_row_set_selected (self->proposer_row, unit_position (self, n->proposer_id));
      adw_combo_row_set_selected (self->level_row, n->level);
      gtk_editable_set_text (GTK_EDITABLE (self->person_row), n->person_name ? n->person_name : "");
      gtk_editable_set_text (GTK_EDITABLE (self->position_row), n->person_position ? n->person_position : "");
      adw_switch_row_set_active (self->attested_row, n->standards_attested);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->achievement_view), n->achievement, -1);
    }
  else
    {
      adw_dialog_set_title (ADW_DIALOG (self), _("New Nomination"));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->achievement_view),
                                "Đã có thành tích xuất sắc trong ", -1);
      if (error != NULL)
        show_error (self, error->message);
    }
  subject_changed_cb (self);
  unit_changed_cb (self);
  return self;
}
