/* td-target-row.c: a target's row in the form.
 *
 * Validation runs on every keystroke with the same td_target_evaluate() the core uses on
 * submission, so what the row shows is what submitting will say.  Text that is not a number
 * is shown as an error in place and saved as "not entered", never as a wrong number. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-evidence-item.h"
#include "td-target-row.h"

struct _TdTargetRow
{
  AdwPreferencesRow parent_instance;

  TdTarget      *target;
  gboolean       loading;       /* set_value() in progress: no "changed" */
  gboolean       editable;
  guint          n_evidence;

  GtkLabel      *title_label;
  GtkLabel      *outcome_label;
  GtkWidget     *numerator_box;
  GtkWidget     *denominator_box;
  GtkWidget     *index_box;
  GtkLabel      *numerator_label;
  GtkLabel      *denominator_label;
  GtkLabel      *index_label;
  GtkEntry      *numerator_entry;
  GtkEntry      *denominator_entry;
  GtkEntry      *index_entry;
  GtkLabel      *value_label;
  GtkLabel      *error_label;
  GtkLabel      *rule_label;
  GtkCheckButton *na_check;
  GtkEntry      *na_reason_entry;
  GtkEntry      *note_entry;
  GtkBox        *evidence_list;
  GtkButton     *attach_button;
};

G_DEFINE_FINAL_TYPE (TdTargetRow, td_target_row, ADW_TYPE_PREFERENCES_ROW)

enum {
  CHANGED,
  ATTACH_REQUESTED,
  FILES_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static const char *
entry_text (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

static gboolean
blank (const char *text)
{
  while (text && g_ascii_isspace (*text))
    text++;
  return text == NULL || *text == '\0';
}

/* Parses one count entry; a parse error goes to @error only if none is there yet. */
static void
parse_count (GtkEntry  *entry,
             gboolean  *present,
             gint64    *value,
             GError   **error)
{
  g_autoptr(GError) local = NULL;

  *present = FALSE;
  if (blank (entry_text (entry)))
    return;
  if (td_parse_count (entry_text (entry), value, &local))
    *present = TRUE;
  else if (error && *error == NULL)
    g_propagate_error (error, g_steal_pointer (&local));
}

static TdValue *
read_value (TdTargetRow  *self,
            GError      **parse_error)
{
  TdValue *v = td_value_new ();

  v->not_applicable = gtk_check_button_get_active (self->na_check);
  if (!blank (entry_text (self->na_reason_entry)))
    v->na_reason = g_strstrip (g_strdup (entry_text (self->na_reason_entry)));
  if (!blank (entry_text (self->note_entry)))
    v->note = g_strstrip (g_strdup (entry_text (self->note_entry)));
  if (v->not_applicable)
    return v;

  if (td_target_get_kind (self->target) == TD_TARGET_KIND_INDEX)
    {
      g_autoptr(GError) local = NULL;

      if (!blank (entry_text (self->index_entry)))
        {
          if (td_parse_decimal (entry_text (self->index_entry), &v->index_value, &local))
            v->has_index = TRUE;
          else if (parse_error)
            g_propagate_error (parse_error, g_steal_pointer (&local));
        }
    }
  else
    {
      parse_count (self->numerator_entry, &v->has_numerator, &v->numerator, parse_error);
      parse_count (self->denominator_entry, &v->has_denominator, &v->denominator, parse_error);
    }
  return v;
}

static gboolean
bad_count (GtkEntry *entry)
{
  gint64 unused;

  return !blank (entry_text (entry)) && !td_parse_count (entry_text (entry), &unused, NULL);
}

static void
set_error_style (GtkWidget *widget,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

static void
update_feedback (TdTargetRow *self)
{
  g_autofree char *message = NULL;
  double measure = 0;
  TdOutcome outcome;
  g_autoptr(TdValue) value = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GError) invalid = NULL;
  gboolean ratio = td_target_get_kind (self->target) == TD_TARGET_KIND_RATIO;
  gboolean na = gtk_check_button_get_active (self->na_check);
  const char *mark;

  value = read_value (self, &parse_error);
  outcome = td_target_evaluate (self->target, value, &measure, &invalid);
  /* Text that is not a number is a problem even while the other entry is still empty. */
  if (parse_error != NULL)
    outcome = TD_OUTCOME_INVALID;

  switch (outcome)
    {
    case TD_OUTCOME_MET: mark = "✓ "; break;
    case TD_OUTCOME_NOT_MET: mark = "✗ "; break;
    case TD_OUTCOME_INVALID: mark = "⚠ "; break;
    default: mark = ""; break;
    }
  {
    g_autofree char *text = g_strconcat (mark, td_outcome_get_label (outcome), NULL);
    gtk_label_set_label (self->outcome_label, text);
  }
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->outcome_label), "error");
  if (outcome == TD_OUTCOME_MET)
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), "success");
  else if (outcome == TD_OUTCOME_NOT_MET)
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), "warning");
  else if (outcome == TD_OUTCOME_INVALID)
    gtk_widget_add_css_class (GTK_WIDGET (self->outcome_label), "error");

  {
    /* The figure beside the round's threshold, formatted as every output formats it. */
    g_autofree char *threshold = td_target_format_threshold (self->target);
    g_autofree char *shown = outcome == TD_OUTCOME_MET || outcome == TD_OUTCOME_NOT_MET
                             ? td_target_format_value (self->target, value) : NULL;
    g_autofree char *text = shown ? g_strdup_printf (_("%s (threshold %s)"), shown, threshold)
                                  : g_strdup_printf (_("Threshold %s"), threshold);

    gtk_label_set_label (self->value_label, na ? "" : text);
  }

  if (parse_error)
    message = g_strdup (parse_error->message);
  else if (invalid)
    message = g_strdup (invalid->message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  /* Mark the entries the message is about. */
  {
    gboolean num_bad = FALSE, den_bad = FALSE;

    if (ratio && !na)
      {
        num_bad = bad_count (self->numerator_entry);
        den_bad = bad_count (self->denominator_entry);
        if (!num_bad && !den_bad && invalid != NULL)
          {
            den_bad = !g_error_matches (invalid, TD_VALUE_ERROR, TD_VALUE_ERROR_MISSING) ||
                      blank (entry_text (self->denominator_entry));
            num_bad = g_error_matches (invalid, TD_VALUE_ERROR, TD_VALUE_ERROR_NUMERATOR_ABOVE_DENOMINATOR) ||
                      (g_error_matches (invalid, TD_VALUE_ERROR, TD_VALUE_ERROR_MISSING) &&
                       blank (entry_text (self->numerator_entry)));
          }
      }
    set_error_style (GTK_WIDGET (self->numerator_entry), num_bad);
    set_error_style (GTK_WIDGET (self->denominator_entry), den_bad);
    set_error_style (GTK_WIDGET (self->index_entry), !ratio && !na && message != NULL);
    set_error_style (GTK_WIDGET (self->na_reason_entry),
                     na && g_error_matches (invalid, TD_VALUE_ERROR, TD_VALUE_ERROR_REASON_MISSING));
  }

  gtk_widget_set_sensitive (self->numerator_box, !na);
  gtk_widget_set_sensitive (self->denominator_box, !na);
  gtk_widget_set_sensitive (self->index_box, !na);
}

/* Callbacks */

static void
entry_changed_cb (TdTargetRow *self)
{
  update_feedback (self);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
attach_clicked_cb (TdTargetRow *self)
{
  g_signal_emit (self, signals[ATTACH_REQUESTED], 0);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TdTargetRow   *self)
{
  GdkFileList *files;

  if (!self->editable || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  g_signal_emit (self, signals[FILES_DROPPED], 0, files);
  return TRUE;
}

/* GObject */

static void
td_target_row_dispose (GObject *object)
{
  TdTargetRow *self = TD_TARGET_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_TARGET_ROW);
  g_clear_object (&self->target);
  G_OBJECT_CLASS (td_target_row_parent_class)->dispose (object);
}

static void
td_target_row_class_init (TdTargetRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_target_row_dispose;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[ATTACH_REQUESTED] = g_signal_new ("attach-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                            NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FILES_DROPPED] = g_signal_new ("files-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 1, GDK_TYPE_FILE_LIST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-target-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, outcome_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, numerator_box);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, denominator_box);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, index_box);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, numerator_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, denominator_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, index_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, numerator_entry);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, denominator_entry);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, index_entry);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, value_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, rule_label);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, na_check);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, na_reason_entry);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, note_entry);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, evidence_list);
  gtk_widget_class_bind_template_child (widget_class, TdTargetRow, attach_button);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, attach_clicked_cb);
}

static void
td_target_row_init (TdTargetRow *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* The row does nothing on its own (not activatable): Tab goes straight to its fields
   * instead of stopping on the row first, nineteen stops fewer through a form. */
  gtk_widget_set_focusable (GTK_WIDGET (self), FALSE);
  self->editable = TRUE;
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* Public API */

TdTargetRow *
td_target_row_new (TdTarget *target)
{
  TdTargetRow *self = g_object_new (TD_TYPE_TARGET_ROW, NULL);
  g_autofree char *title = g_strdup_printf ("%u. %s", td_target_get_number (target), td_target_get_text (target));
  g_autofree char *threshold = td_target_format_threshold (target);
  g_autofree char *name = g_strdup_printf (_("Target %u"), td_target_get_number (target));
  gboolean ratio = td_target_get_kind (target) == TD_TARGET_KIND_RATIO;

  self->target = g_object_ref (target);
  /* An AdwPreferencesRow in the group's boxed list: one card per target, and its title is
   * what the preferences search and the row's accessible name use. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->numerator_label, td_target_get_numerator_label (target));
  gtk_label_set_label (self->denominator_label, td_target_get_denominator_label (target));
  gtk_label_set_label (self->index_label, td_target_get_numerator_label (target));
  gtk_widget_set_visible (self->numerator_box, ratio);
  gtk_widget_set_visible (self->denominator_box, ratio);
  gtk_widget_set_visible (self->index_box, !ratio);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->outcome_label), threshold);

  /* Every control says what it is and which target it belongs to. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, td_target_get_text (target), -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->numerator_entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->numerator_label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->denominator_entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->denominator_label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->index_entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  self->index_label, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->numerator_entry), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->error_label, NULL, -1);
  /* Named with the target's number: a screen reader going through the form hears "Note on
   * target 3", not the same "Note" nineteen times. */
  {
    guint number = td_target_get_number (target);
    g_autofree char *na = g_strdup_printf (_("Target %u is not applicable"), number);
    g_autofree char *na_reason = g_strdup_printf (_("Why target %u is not applicable"), number);
    g_autofree char *note = g_strdup_printf (_("Note on target %u"), number);
    g_autofree char *attach = g_strdup_printf (_("Attach evidence to target %u"), number);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->na_check), GTK_ACCESSIBLE_PROPERTY_LABEL, na, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->na_reason_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, na_reason, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, note, -1);
    /* A GtkButton is labelled by its label child, which would win over a name of its own. */
    gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->attach_button), GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->attach_button), GTK_ACCESSIBLE_PROPERTY_LABEL, attach, -1);
  }
  update_feedback (self);
  return self;
}

void
td_target_row_set_rule_message (TdTargetRow *self,
                                 const char  *message,
                                 gboolean     is_error)
{
  g_return_if_fail (TD_IS_TARGET_ROW (self));

  gtk_label_set_label (self->rule_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rule_label), message != NULL && *message != '\0');
  gtk_widget_remove_css_class (GTK_WIDGET (self->rule_label), is_error ? "warning" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->rule_label), is_error ? "error" : "warning");
}

TdTarget *
td_target_row_get_target (TdTargetRow *self)
{
  return self->target;
}

void
td_target_row_set_value (TdTargetRow   *self,
                         const TdValue *value)
{
  g_autofree char *num = NULL;
  g_autofree char *den = NULL;
  g_autofree char *index = NULL;

  self->loading = TRUE;
  if (value && value->has_numerator)
    num = td_format_count (value->numerator);
  if (value && value->has_denominator)
    den = td_format_count (value->denominator);
  /* Every decimal the campaign keeps (0,7512), never rounded to fewer: saving again must
   * not change the figure. */
  if (value && value->has_index)
    index = td_target_format_index (self->target, value->index_value);
  gtk_editable_set_text (GTK_EDITABLE (self->numerator_entry), num ? num : "");
  gtk_editable_set_text (GTK_EDITABLE (self->denominator_entry), den ? den : "");
  gtk_editable_set_text (GTK_EDITABLE (self->index_entry), index ? index : "");
  gtk_check_button_set_active (self->na_check, value && value->not_applicable);
  gtk_editable_set_text (GTK_EDITABLE (self->na_reason_entry), value && value->na_reason ? value->na_reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), value && value->note ? value->note : "");
  self->loading = FALSE;
  update_feedback (self);
}

TdValue *
td_target_row_get_value (TdTargetRow *self)
{
  return read_value (self, NULL);
}

TdOutcome
td_target_row_get_outcome (TdTargetRow  *self,
                           char        **message)
{
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autoptr(TdValue) value = read_value (self, &parse_error);
  TdOutcome outcome = td_target_evaluate (self->target, value, NULL, &invalid);

  if (parse_error)
    outcome = TD_OUTCOME_INVALID;
  if (message)
    *message = parse_error ? g_strdup_printf (_("Target %u: %s"), td_target_get_number (self->target), parse_error->message)
             : invalid ? g_strdup (invalid->message)
             : outcome == TD_OUTCOME_MISSING ? g_strdup_printf (_("Target %u: not entered yet."), td_target_get_number (self->target))
             : NULL;
  return outcome;
}

void
td_target_row_set_editable (TdTargetRow *self,
                            gboolean     editable)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->numerator_entry), GTK_WIDGET (self->denominator_entry), GTK_WIDGET (self->index_entry),
    GTK_WIDGET (self->na_reason_entry), GTK_WIDGET (self->note_entry),
  };

  self->editable = editable;
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    gtk_editable_set_editable (GTK_EDITABLE (widgets[i]), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->na_check), editable);
  gtk_widget_set_visible (GTK_WIDGET (self->attach_button), editable);
}

void
td_target_row_set_evidence (TdTargetRow *self,
                            GPtrArray   *evidence)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->evidence_list))) != NULL)
    gtk_box_remove (self->evidence_list, child);
  self->n_evidence = evidence ? evidence->len : 0;
  if (self->n_evidence == 0)
    {
      GtkWidget *none = gtk_label_new (_("No evidence attached"));
      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_set_margin_top (none, 6);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->evidence_list, none);
      return;
    }
  for (guint i = 0; i < evidence->len; i++)
    gtk_box_append (self->evidence_list, td_evidence_item_new (evidence->pdata[i], self->editable));
}

GtkWidget *
td_target_row_get_message (TdTargetRow *self)
{
  /* The rule's message sits below the entry's own. */
  if (gtk_widget_get_visible (GTK_WIDGET (self->rule_label)))
    return GTK_WIDGET (self->rule_label);
  if (gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return GTK_WIDGET (self->error_label);
  return NULL;
}

guint
td_target_row_get_n_evidence (TdTargetRow *self)
{
  return self->n_evidence;
}

void
td_target_row_focus_problem (TdTargetRow *self)
{
  GtkEntry *entries[] = { self->numerator_entry, self->denominator_entry, self->index_entry, self->na_reason_entry };

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (gtk_widget_has_css_class (GTK_WIDGET (entries[i]), "error") ||
        (gtk_widget_get_visible (gtk_widget_get_parent (GTK_WIDGET (entries[i]))) &&
         gtk_widget_get_sensitive (gtk_widget_get_parent (GTK_WIDGET (entries[i]))) &&
         blank (entry_text (entries[i])) && entries[i] != self->na_reason_entry))
      {
        gtk_widget_grab_focus (GTK_WIDGET (entries[i]));
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->numerator_entry));
}
