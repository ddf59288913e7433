/* td-assessment-page.c: the self-assessment form: a unit's round shown as rows.
 *
 * The rows show a TdAssessmentForm and put each change into it as it is typed; the form saves
 * itself within half a second, in one transaction per save; switching unit or round, leaving
 * the area and closing the window write what is pending first.  Killing the application loses
 * at most what was typed in that last half second. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-assessment-page-private.h"
#include "td-evidence-item.h"
#include "td-pickers.h"
#include "td-forward-actions.h"
#include "td-notify.h"

G_DEFINE_FINAL_TYPE (TdAssessmentPage, td_assessment_page, ADW_TYPE_BIN)

/* Autosave delay: quick enough that nothing typed waits long, slow enough that a burst of
 * keystrokes is one transaction. */
#define SAVE_DELAY_MS 400

/* Helpers */

void
td_assessment_page_toast (TdAssessmentPage *self,
                          const char       *message)
{
  td_notify_toast (GTK_WIDGET (self), message);
}

gboolean
td_assessment_page_ensure (TdAssessmentPage  *self,
                           GError           **error)
{
  /* No form is shown without a unit and a round, but nothing here may assume it. */
  if (self->form == NULL)
    {
      g_set_error_literal (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND,
                           _("Choose a unit and a round first."));
      return FALSE;
    }
  return td_assessment_form_ensure (self->form, error);
}

gint64
td_assessment_page_get_assessment_id (TdAssessmentPage *self)
{
  return self->form ? td_assessment_form_get_id (self->form) : 0;
}

gboolean
td_assessment_page_is_editable (TdAssessmentPage *self)
{
  return self->form != NULL && td_assessment_form_is_editable (self->form);
}

TdUnitDeadline *
td_assessment_page_get_deadline (TdAssessmentPage *self)
{
  if (self->db == NULL || self->unit == NULL || self->round == NULL)
    return NULL;
  if (self->deadline_unit != td_unit_get_id (self->unit) || self->deadline_round != td_round_get_id (self->round))
    {
      g_clear_pointer (&self->deadline, td_unit_deadline_free);
      self->deadline = td_unit_deadline_get (self->db, td_unit_get_id (self->unit), td_round_get_id (self->round), NULL,
                                             NULL);
      self->deadline_unit = td_unit_get_id (self->unit);
      self->deadline_round = td_round_get_id (self->round);
    }
  return self->deadline;
}

/* "Due 30/09/2026 · 3 days left", or how long ago it passed: while the form can still be sent. */
static void
show_deadline (TdAssessmentPage *self)
{
  TdUnitDeadline *d = td_assessment_page_is_editable (self) ? td_assessment_page_get_deadline (self) : NULL;
  g_autofree char *due = d ? td_format_date (d->has_exception ? d->exception_until : d->closes_on) : NULL;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->deadline_label), due != NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->deadline_label), "warning");
  if (due == NULL)
    return;
  if (d->days_left > 0)
    text = g_strdup_printf (g_dngettext (NULL, "Due %s · %d day left", "Due %s · %d days left", d->days_left), due,
                            d->days_left);
  else if (d->days_left == 0)
    text = g_strdup_printf (_("Due today, %s"), due);
  else
    {
      text = g_strdup_printf (g_dngettext (NULL, "The deadline (%s) passed %d day ago", "The deadline (%s) passed %d days ago",
                                           -d->days_left), due, -d->days_left);
      gtk_widget_add_css_class (GTK_WIDGET (self->deadline_label), "warning");
    }
  if (d->has_exception)
    {
      g_autofree char *with = g_strdup_printf (_("%s (the province allows this unit until then)"), text);
      g_set_str (&text, with);
    }
  gtk_label_set_label (self->deadline_label, text);
}

void
td_assessment_page_update_header (TdAssessmentPage *self)
{
  guint met = 0, applicable = 0, without_evidence = 0, problems = 0;
  g_autofree char *progress = NULL;
  gboolean started = self->form && td_assessment_form_is_started (self->form);
  TdAssessmentStatus status = self->form ? td_assessment_form_get_status (self->form) : TD_ASSESSMENT_DRAFT;
  const char *status_reason = self->form ? td_assessment_form_get_status_reason (self->form) : NULL;
  const char *received_signature = self->form ? td_assessment_form_get_received_signature (self->form) : NULL;
  GDateTime *saved_at = self->form ? td_assessment_form_get_saved_at (self->form) : NULL;
  gboolean unreadable = self->form && !td_assessment_form_is_readable (self->form);

  for (guint i = 0; i < self->rows->len; i++)
    {
      TdTargetRow *row = self->rows->pdata[i];
      TdOutcome outcome = td_target_row_get_outcome (row, NULL);

      if (outcome == TD_OUTCOME_NOT_APPLICABLE)
        continue;
      applicable++;
      met += outcome == TD_OUTCOME_MET;
      problems += outcome == TD_OUTCOME_INVALID || outcome == TD_OUTCOME_MISSING;
      without_evidence += td_target_row_get_n_evidence (row) == 0;
    }
  /* The counts come with the rows they count (the second frame while the window opens). */
  if (!self->form_pending)
    progress = g_strdup_printf (_("%u/%u met · %u without evidence · %u to complete"), met, applicable,
                                without_evidence, problems);
  gtk_label_set_label (self->progress_label, progress ? progress : "");

  if (started && received_signature != NULL)
    {
      /* At the province: say how the submission arrived, unsigned ones plainly. */
      g_autofree char *text = *received_signature
        ? g_strdup_printf (_("%s · signed by %s"), td_assessment_status_get_label (status), received_signature)
        : g_strdup_printf (_("%s · received unsigned"), td_assessment_status_get_label (status));
      gtk_label_set_label (self->status_label, text);
    }
  else
    gtk_label_set_label (self->status_label, started ? td_assessment_status_get_label (status) : _("Not started"));
  show_deadline (self);
  if (saved_at != NULL)
    {
      g_autofree char *time = g_date_time_format (saved_at, "%H:%M:%S");
      g_autofree char *saved = g_strdup_printf (_("Saved at %s"), time);
      gtk_label_set_label (self->saved_label, saved);
    }
  else
    gtk_label_set_label (self->saved_label, "");

  gtk_widget_set_visible (self->submit_button, td_assessment_page_is_editable (self));
  gtk_widget_set_visible (self->values_button, td_assessment_page_is_editable (self));
  /* The banner offers Withdraw when it says why the form is read-only; one button, one Alt key. */
  gtk_widget_set_visible (self->withdraw_button, status == TD_ASSESSMENT_SUBMITTED && received_signature != NULL);
  gtk_widget_set_visible (self->export_button, started && status != TD_ASSESSMENT_DRAFT);
  /* One banner says why the form is as it is: returned with the province's reason, or read-only
   * and how to change that, so that nothing sits greyed out without an explanation. */
  adw_banner_set_button_label (self->returned_banner, NULL);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->returned_banner), NULL);
  if (status == TD_ASSESSMENT_RETURNED && status_reason)
    {
      g_autofree char *title = g_strdup_printf (_("Returned by the province: %s"), status_reason);
      adw_banner_set_title (self->returned_banner, title);
    }
  else if (status == TD_ASSESSMENT_SUBMITTED && received_signature == NULL)
    {
      adw_banner_set_title (self->returned_banner,
                            _("Submitted: the form is read-only. Withdraw it to change a figure, before the file is sent."));
      adw_banner_set_button_label (self->returned_banner, _("_Withdraw"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->returned_banner), "assessment.withdraw");
    }
  else if (unreadable)
    adw_banner_set_title (self->returned_banner,
                          _("What is stored for this unit could not be read: the form is read-only. Restore the database from a backup."));
  else if (status == TD_ASSESSMENT_RECEIVED && received_signature != NULL)
    {
      /* The board's next move is here, where it reads the figures: appraise or return. */
      adw_banner_set_title (self->returned_banner,
                            _("Received from the unit: its figures are read-only here. Appraise it, or return it with "
                              "a reason if they need correcting."));
      adw_banner_set_button_label (self->returned_banner, _("_Appraise…"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->returned_banner), "assessment.appraise");
    }
  else if (status == TD_ASSESSMENT_APPRAISED && received_signature != NULL)
    adw_banner_set_title (self->returned_banner,
                          _("Appraised by the province: the figures are read-only here. A new revision from the unit opens it again."));
  else if (started && !td_assessment_page_is_editable (self))
    adw_banner_set_title (self->returned_banner,
                          received_signature != NULL
                          ? _("Received from the unit: its figures are read-only here. Return it with a reason if they need correcting.")
                          : _("At the province: the form is read-only. Ask the province to return it if a figure must change."));
  adw_banner_set_revealed (self->returned_banner,
                           (status == TD_ASSESSMENT_RETURNED && status_reason) ||
                           unreadable || (started && !td_assessment_page_is_editable (self)));
}

static void keep_message_in_view (TdAssessmentPage *self,
                                  TdTargetRow      *row);

/* The campaign's rules on what is saved: each broken one under the row of its target. */
static void
update_rule_messages (TdAssessmentPage *self)
{
  g_autoptr(GPtrArray) violations = NULL;
  gint64 id = td_assessment_page_get_assessment_id (self);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  if (self->form_pending)
    return;
  if (self->extras && self->extras->violations && self->extras->assessment_id == id)
    violations = g_steal_pointer (&self->extras->violations);
  else if (id != 0)
    violations = td_assessment_check_rules (self->db, id, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    {
      TdTargetRow *row = self->rows->pdata[i];
      guint number = td_target_get_number (td_target_row_get_target (row));
      g_autoptr(GString) text = g_string_new (NULL);
      gboolean is_error = FALSE;

      for (guint v = 0; violations && v < violations->len; v++)
        {
          TdRuleViolation *violation = violations->pdata[v];

          if (violation->target != number)
            continue;
          g_string_append_printf (text, "%s%s", text->len ? "\n" : "", violation->message);
          if (!violation->is_error && !violation->explained)
            g_string_append_printf (text, " %s", _("If the figures are right, say why in the target's note."));
          is_error |= violation->is_error;
        }
      td_target_row_set_rule_message (row, text->str, is_error);
      /* The rule's message comes with the save, after the keystroke's own: it too must not
       * appear below the edge under the field being typed in. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (row)) && text->len > 0)
        keep_message_in_view (self, row);
    }
}

/* The form wrote what was pending: when, and what the campaign's rules say of it now. */
static void
form_saved_cb (TdAssessmentPage *self)
{
  td_assessment_page_update_header (self);
  update_rule_messages (self);
}

static void
form_save_failed_cb (TdAssessmentPage *self,
                     const GError     *error)
{
  td_assessment_page_toast (self, error->message);
}

/* Callbacks */

/* After a keystroke the row's message may appear or grow under the field being typed in; when
 * it falls below the visible part of the form, the form scrolls just enough to show it, and
 * never so far that the field itself leaves the top. */
typedef struct {
  TdTargetRow *row;
  guint        frames;
} Keeping;

static void
keeping_free (gpointer data)
{
  Keeping *k = data;

  g_object_unref (k->row);
  g_free (k);
}

static gboolean
keep_message_in_view_cb (GtkWidget     *widget,
                         GdkFrameClock *clock,
                         gpointer       data)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (widget);
  Keeping *k = data;
  TdTargetRow *row = k->row;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));
  GtkWidget *message = td_target_row_get_message (row);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t field, shown;
  double top, bottom, page = gtk_adjustment_get_page_size (adj), value = gtk_adjustment_get_value (adj);

  /* Ticks come before layout: the first one sees the message where it was. A busy machine can
   * take a frame or two more to lay out a label that was hidden, so the message is followed for
   * a few frames (about a tenth of a second) rather than measured once. */
  if (k->frames++ == 0)
    return G_SOURCE_CONTINUE;
  if (focus == NULL || message == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
    return G_SOURCE_REMOVE;
  if (gtk_widget_compute_bounds (focus, GTK_WIDGET (self->form_box), &field) &&
      gtk_widget_compute_bounds (message, GTK_WIDGET (self->form_box), &shown) && shown.size.height > 0)
    {
      top = field.origin.y - 12;
      bottom = shown.origin.y + shown.size.height + 12;
      if (bottom > value + page)
        gtk_adjustment_set_value (adj, MIN (bottom - page, top));
    }
  return k->frames < 8 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

/* On the next frame, once the message is laid out. */
static void
keep_message_in_view (TdAssessmentPage *self,
                      TdTargetRow      *row)
{
  Keeping *k = g_new0 (Keeping, 1);

  k->row = g_object_ref (row);
  gtk_widget_add_tick_callback (GTK_WIDGET (self), keep_message_in_view_cb, k, keeping_free);
}

static void
row_changed_cb (TdAssessmentPage *self,
                TdTargetRow      *row)
{
  g_autoptr(TdValue) value = NULL;

  if (!td_assessment_page_is_editable (self))
    return;
  /* The row's figures go into the form as they are typed: saving never reads a widget. */
  value = td_target_row_get_value (row);
  td_assessment_form_set_value (self->form, td_target_row_get_target (row), value);
  td_assessment_page_update_header (self);
  keep_message_in_view (self, row);
}

static void
standard_row_free (gpointer  data,
                   GClosure *closure)
{
  TdStandardRow *sr = data;

  g_clear_pointer (&sr->shown, g_ptr_array_unref);
  g_free (sr);
}

/* The switch or the justification changed: both go into the form together. */
static void
standard_changed (TdStandardRow *sr)
{
  TdAssessmentPage *self = sr->page;

  if (!td_assessment_page_is_editable (self))
    return;
  td_assessment_form_set_attestation (self->form, sr->standard_id, adw_expander_row_get_enable_expansion (sr->row),
                                      gtk_editable_get_text (sr->justification));
  td_assessment_page_update_header (self);
}

static void
standard_switched_cb (AdwExpanderRow *row,
                      GParamSpec     *pspec,
                      TdStandardRow    *sr)
{
  standard_changed (sr);
}

static void
standard_justified_cb (GtkEditable *entry,
                       TdStandardRow *sr)
{
  standard_changed (sr);
}

static void
row_attach_cb (TdAssessmentPage *self,
               TdTargetRow      *row)
{
  td_assessment_page_request_attach (self, td_target_get_id (td_target_row_get_target (row)), 0);
}

static void
row_files_dropped_cb (TdAssessmentPage *self,
                      GdkFileList      *files,
                      TdTargetRow      *row)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_FILE);
  g_autoptr(GSList) list = gdk_file_list_get_files (files);

  for (GSList *l = list; l; l = l->next)
    g_list_store_append (store, l->data);
  td_assessment_page_attach_files (self, G_LIST_MODEL (store), td_target_get_id (td_target_row_get_target (row)), 0);
}

static void
standard_attach_cb (AdwButtonRow *button,
                    TdStandardRow  *sr)
{
  td_assessment_page_request_attach (sr->page, 0, sr->standard_id);
}

/* Building the form */

/* While the window opens, the targets and the standards are built and filled in after its
 * first frame is painted: the first frame shows the window, the unit, its round and where it
 * stands.  Each target row is a dozen labels, entries and buttons; building the fourteen to
 * seventeen of a unit cost the first frame about a tenth of the whole start-up (bench-startup
 * prints the first frame and the whole form's).  Whatever needs the rows before that
 * (an action, a test) builds them at once with td_assessment_page_ensure_form(). */

static void fill_form (TdAssessmentPage *self);

static gboolean
build_form_cb (gpointer data)
{
  TdAssessmentPage *self = data;

  self->build_source = 0;
  td_assessment_page_ensure_form (self);
  return G_SOURCE_REMOVE;
}

/* Not in the after-paint handler itself: the frame is out of the way first, and the rows are
 * laid out with the next one. */
static void
schedule_build (TdAssessmentPage *self)
{
  /* Both the frame painted and what the rows show read: a job still reading keeps the idle
   * for when it is done, so that building queries nothing on the main thread. */
  if (self->form_pending && self->first_frame_seen && self->extras_cancellable == NULL && self->build_source == 0)
    self->build_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, build_form_cb, self, NULL);
}

static void
first_frame_painted_cb (TdAssessmentPage *self,
                        GdkFrameClock    *clock)
{
  g_clear_signal_handler (&self->first_frame_handler, clock);
  self->first_frame_seen = TRUE;
  schedule_build (self);
}

static void
extras_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  TdFormExtras *extras = td_form_extras_load_finish (result, &error);
  TdAssessmentPage *self = user_data;

  /* Cancelled: the page is gone or shows another unit, and @self may be freed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      td_form_extras_free (extras);
      return;
    }
  g_clear_object (&self->extras_cancellable);
  g_clear_pointer (&self->extras, td_form_extras_free);
  /* A failed read leaves the building to read them itself, and say what went wrong. */
  self->extras = extras;
  schedule_build (self);
}

static void
forget_extras (TdAssessmentPage *self)
{
  g_cancellable_cancel (self->extras_cancellable);
  g_clear_object (&self->extras_cancellable);
  g_clear_pointer (&self->extras, td_form_extras_free);
}

/* Mapped with the form still to build: built once the frame that maps the page is painted. */
static void
build_after_first_frame_cb (TdAssessmentPage *self)
{
  if (!self->form_pending || self->first_frame_handler != 0)
    return;
  self->first_frame_handler = g_signal_connect_object (gtk_widget_get_frame_clock (GTK_WIDGET (self)), "after-paint",
                                                       G_CALLBACK (first_frame_painted_cb), self, G_CONNECT_SWAPPED);
}

static void
clear_form (TdAssessmentPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->form_box))) != NULL)
    gtk_box_remove (self->form_box, child);
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->standard_rows, 0);
}

static void
build_form (TdAssessmentPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GError) error = NULL;

  clear_form (self);
  groups = self->extras && self->extras->groups ? g_steal_pointer (&self->extras->groups)
                                                : td_catalog_list_groups (self->db, &error);
  for (guint g = 0; groups && g < groups->len; g++)
    {
      TdTargetGroup *group = groups->pdata[g];
      GtkWidget *pref_group = adw_preferences_group_new ();

      guint n_rows = 0;

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref_group), group->title);
      for (guint t = 0; t < g_list_model_get_n_items (self->targets); t++)
        {
          g_autoptr(TdTarget) all_rounds = g_list_model_get_item (self->targets, t);
          g_autoptr(TdTarget) target = NULL;
          TdTargetRow *row;

          /* Only the targets the campaign asks this kind of unit for, judged against the
           * threshold of the round being filled in. */
          if (g_strcmp0 (td_target_get_group_id (all_rounds), group->id) != 0 ||
              (self->unit && !td_target_is_reported_by (all_rounds, td_unit_get_kind (self->unit))))
            continue;
          target = td_target_at_round (all_rounds, self->round ? td_round_get_number (self->round) : 0);
          n_rows++;
          row = td_target_row_new (target);
          g_signal_connect_swapped (row, "changed", G_CALLBACK (row_changed_cb), self);
          g_signal_connect_swapped (row, "attach-requested", G_CALLBACK (row_attach_cb), self);
          g_signal_connect_swapped (row, "files-dropped", G_CALLBACK (row_files_dropped_cb), self);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref_group), GTK_WIDGET (row));
          g_ptr_array_add (self->rows, row);
        }
      if (n_rows > 0)
        gtk_box_append (self->form_box, pref_group);
      else
        g_object_unref (g_object_ref_sink (pref_group));
    }

  /* The standards of section V.1: attested or not, with a justification. */
  {
    GtkWidget *pref_group = adw_preferences_group_new ();

    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (pref_group), _("Emulation Standards"));
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (pref_group),
                                           _("Switch on each standard the unit meets and say why."));
    for (guint i = 0; i < self->standards->len; i++)
      {
        TdStandard *s = self->standards->pdata[i];
        GtkWidget *row = adw_expander_row_new ();
        GtkWidget *entry = adw_entry_row_new ();
        GtkWidget *attach = adw_button_row_new ();
        TdStandardRow *sr = g_new0 (TdStandardRow, 1);

        sr->page = self;
        sr->standard_id = s->id;
        sr->row = ADW_EXPANDER_ROW (row);
        sr->justification = GTK_EDITABLE (entry);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), s->text);
        adw_expander_row_set_title_lines (ADW_EXPANDER_ROW (row), 0);
        adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (row), TRUE);
        adw_expander_row_set_enable_expansion (ADW_EXPANDER_ROW (row), FALSE);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _("Justification"));
        adw_button_row_set_start_icon_name (ADW_BUTTON_ROW (attach), "td-evidence-symbolic");
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (attach), _("Attach Evidence…"));
        {
          g_autofree char *justification = g_strdup_printf (_("Justification of standard %s"), s->code);
          g_autofree char *attach_name = g_strdup_printf (_("Attach evidence to standard %s"), s->code);

          gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, justification, -1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (attach), GTK_ACCESSIBLE_PROPERTY_LABEL, attach_name, -1);
        }
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
        adw_expander_row_add_row (ADW_EXPANDER_ROW (row), attach);
        /* The row's own handler frees @sr: its entry and button go before it. */
        g_signal_connect_data (row, "notify::enable-expansion", G_CALLBACK (standard_switched_cb), sr,
                               standard_row_free, 0);
        g_signal_connect (entry, "changed", G_CALLBACK (standard_justified_cb), sr);
        g_signal_connect (attach, "activated", G_CALLBACK (standard_attach_cb), sr);
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (pref_group), row);
        g_ptr_array_add (self->standard_rows, sr);
      }
    gtk_box_append (self->form_box, pref_group);
  }
}

void
td_assessment_page_load_evidence (TdAssessmentPage *self)
{
  g_autoptr(GPtrArray) evidence = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = td_assessment_page_get_assessment_id (self);

  if (self->form_pending)
    {
      /* Building the form shows the evidence too. */
      td_assessment_page_ensure_form (self);
      return;
    }
  if (self->extras && self->extras->evidence && self->extras->assessment_id == id)
    evidence = g_steal_pointer (&self->extras->evidence);
  else if (id != 0)
    evidence = td_evidence_list_for_assessment (self->db, id, &error);
  for (guint i = 0; i < self->rows->len; i++)
    {
      TdTargetRow *row = self->rows->pdata[i];
      g_autoptr(GPtrArray) mine = g_ptr_array_new ();

      for (guint e = 0; evidence && e < evidence->len; e++)
        if (((TdEvidenceInfo *) evidence->pdata[e])->owner.target_id == td_target_get_id (td_target_row_get_target (row)))
          g_ptr_array_add (mine, evidence->pdata[e]);
      td_target_row_set_evidence (row, mine);
    }
  for (guint i = 0; i < self->standard_rows->len; i++)
    {
      TdStandardRow *sr = self->standard_rows->pdata[i];
      AdwExpanderRow *row = sr->row;
      GPtrArray *shown = sr->shown;
      gboolean editable = td_assessment_page_is_editable (self);
      guint n = 0;
      g_autofree char *subtitle = NULL;

      /* The files under the standard, each with Replace… and Remove like a target's. */
      for (guint k = 0; shown && k < shown->len; k++)
        adw_expander_row_remove (row, shown->pdata[k]);
      if (shown == NULL)
        shown = sr->shown = g_ptr_array_new ();
      g_ptr_array_set_size (shown, 0);
      for (guint e = 0; evidence && e < evidence->len; e++)
        {
          TdEvidenceInfo *info = evidence->pdata[e];
          GtkWidget *item;

          if (info->owner.standard_id != sr->standard_id)
            continue;
          n++;
          item = gtk_list_box_row_new ();
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item), FALSE);
          gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (item), td_evidence_item_new (info, editable));
          gtk_widget_set_margin_start (item, 6);
          gtk_widget_set_margin_end (item, 6);
          adw_expander_row_add_row (row, item);
          g_ptr_array_add (shown, item);
        }
      subtitle = n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u evidence attached", "%u evidence attached", n), n)
                   : NULL;
      adw_expander_row_set_subtitle (row, subtitle ? subtitle : "");
    }
  td_assessment_page_update_header (self);
}

static void
load (TdAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->form);
  /* Read again with the form: the board may have moved the deadline or let the unit send late. */
  g_clear_pointer (&self->deadline, td_unit_deadline_free);
  self->deadline_unit = self->deadline_round = 0;
  if (self->unit == NULL || self->round == NULL)
    return;

  self->form = td_assessment_form_new (self->db, self->unit, self->round, &error);
  if (error)
    td_assessment_page_toast (self, error->message);
  td_assessment_form_set_autosave (self->form, SAVE_DELAY_MS);
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "save-failed", G_CALLBACK (form_save_failed_cb), self, G_CONNECT_SWAPPED);
  if (self->form_pending)
    td_assessment_page_update_header (self);
  else
    fill_form (self);
}

/* The rows show what the form holds. */
static void
fill_form (TdAssessmentPage *self)
{
  if (self->form == NULL)
    return;
  for (guint i = 0; i < self->rows->len; i++)
    {
      TdTargetRow *row = self->rows->pdata[i];

      td_target_row_set_value (row, td_assessment_form_get_value (self->form, td_target_get_id (td_target_row_get_target (row))));
      td_target_row_set_editable (row, td_assessment_page_is_editable (self));
    }
  for (guint i = 0; i < self->standard_rows->len; i++)
    {
      TdStandardRow *sr = self->standard_rows->pdata[i];
      AdwExpanderRow *row = sr->row;
      const char *text = NULL;
      gboolean attested = td_assessment_form_get_attestation (self->form, sr->standard_id, &text);

      g_signal_handlers_block_by_func (row, standard_switched_cb, sr);
      g_signal_handlers_block_by_func (sr->justification, standard_justified_cb, sr);
      adw_expander_row_set_enable_expansion (row, attested);
      gtk_editable_set_text (sr->justification, text ? text : "");
      g_signal_handlers_unblock_by_func (sr->justification, standard_justified_cb, sr);
      g_signal_handlers_unblock_by_func (row, standard_switched_cb, sr);
      gtk_widget_set_sensitive (GTK_WIDGET (row), td_assessment_page_is_editable (self));
    }
  td_assessment_page_load_evidence (self);
  update_rule_messages (self);
}

static void
selection_changed_cb (TdAssessmentPage *self)
{
  guint unit_pos = gtk_drop_down_get_selected (self->unit_dropdown);
  guint round_pos = gtk_drop_down_get_selected (self->round_dropdown);
  g_autoptr(GError) error = NULL;

  /* What was typed for the previous unit goes to its own self-assessment first. */
  if (!td_assessment_page_flush (self))
    return;
  g_clear_object (&self->unit);
  g_clear_object (&self->round);
  if (unit_pos != GTK_INVALID_LIST_POSITION)
    self->unit = g_list_model_get_item (self->units, unit_pos);
  if (round_pos != GTK_INVALID_LIST_POSITION)
    self->round = g_list_model_get_item (self->rounds, round_pos);
  if (self->unit)
    g_settings_set_string (self->settings, "last-unit", td_unit_get_code (self->unit));
  if (self->round)
    g_settings_set_int (self->settings, "last-round", (int) td_round_get_number (self->round));

  g_clear_pointer (&self->standards, g_ptr_array_unref);
  self->standards = td_catalog_list_standards (self->db, FALSE, self->unit && td_unit_is_team (self->unit), &error);
  if (self->standards == NULL)
    self->standards = g_ptr_array_new ();
  /* Only while the window opens: a form rebuilt in view (another unit) is shown whole at once. */
  self->form_pending = !gtk_widget_get_mapped (GTK_WIDGET (self));
  /* Built once the frame that maps it is painted, as when the window opens. */
  self->first_frame_seen = FALSE;
  forget_extras (self);
  if (self->form_pending)
    clear_form (self);
  else
    build_form (self);
  load (self);
  if (self->form_pending && self->db != NULL)
    {
      self->extras_cancellable = g_cancellable_new ();
      td_form_extras_load_async (self->db, td_assessment_page_get_assessment_id (self), self->extras_cancellable,
                                 extras_loaded_cb, self);
    }
  /* An empty database (a board before its register is imported) shows what to do, never a
   * live form without a unit. */
  gtk_stack_set_visible_child_name (self->form_stack, self->unit && self->round ? "form" : "empty");
}

/* GObject */

static void
td_assessment_page_dispose (GObject *object)
{
  TdAssessmentPage *self = TD_ASSESSMENT_PAGE (object);

  if (self->db != NULL)
    td_assessment_page_flush (self);
  g_clear_handle_id (&self->build_source, g_source_remove);
  forget_extras (self);
  g_clear_object (&self->form);
  g_clear_pointer (&self->deadline, td_unit_deadline_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_ASSESSMENT_PAGE);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->units);
  g_clear_object (&self->rounds);
  g_clear_object (&self->targets);
  g_clear_object (&self->unit);
  g_clear_object (&self->round);
  g_clear_pointer (&self->standards, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->standard_rows, g_ptr_array_unref);
  g_clear_pointer (&self->bound_unit, g_free);

  G_OBJECT_CLASS (td_assessment_page_parent_class)->dispose (object);
}

static void
td_assessment_page_unmap (GtkWidget *widget)
{
  /* Leaving the area: nothing typed waits. */
  td_assessment_page_flush (TD_ASSESSMENT_PAGE (widget));
  GTK_WIDGET_CLASS (td_assessment_page_parent_class)->unmap (widget);
}

static void
td_assessment_page_class_init (TdAssessmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_assessment_page_dispose;
  widget_class->unmap = td_assessment_page_unmap;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-assessment-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, returned_banner);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, saved_label);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, submit_button);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, header_actions);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, values_button);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, form_stack);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, import_button);
  gtk_widget_class_bind_template_child (widget_class, TdAssessmentPage, form_box);
  td_assessment_page_install_actions (widget_class);
}

static void
td_assessment_page_init (TdAssessmentPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  td_forward_actions (self->header_actions, GTK_WIDGET (self), "assessment",
                             (const char *[]) { "submit", "export", NULL });
  self->settings = g_settings_new (APP_ID);
  self->rows = g_ptr_array_new ();
  self->standard_rows = g_ptr_array_new ();
  g_signal_connect (self, "map", G_CALLBACK (build_after_first_frame_cb), NULL);
}

/* Public API */

GtkWidget *
td_assessment_page_get_header_actions (TdAssessmentPage *self)
{
  return self->header_actions;
}

void
td_assessment_page_set_database (TdAssessmentPage *self,
                                 TdDatabase       *db)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TD_IS_ASSESSMENT_PAGE (self));

  g_set_object (&self->db, db);
  /* At the board the file goes back to the unit (a returned submission); at a unit, to the
   * province: the button says which. */
  if (db != NULL)
    {
      gboolean board = td_database_get_installation (db, NULL) == TD_INSTALLATION_BOARD;

      adw_button_content_set_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (self->export_button))),
                                    board ? _("_Export for the Unit…") : _("_Export for the Province…"));
      gtk_widget_set_tooltip_text (self->export_button,
                                   board ? _("Export for the Unit…") : _("Export for the Province…"));
      /* The board submits nothing of its own: it records the form of a unit that handed it in
       * on paper and whose figures it typed. */
      gtk_button_set_label (GTK_BUTTON (self->submit_button), board ? _("_Record as Submitted…") : _("_Submit…"));
      gtk_widget_set_tooltip_text (self->submit_button,
                                   board ? _("For a unit that handed in its self-assessment on paper: record the "
                                             "figures typed here as its submission")
                                         : NULL);
    }
  /* Another database: its deadlines are read afresh. */
  g_clear_pointer (&self->deadline, td_unit_deadline_free);
  self->deadline_unit = self->deadline_round = 0;
  if (db == NULL)
    return;
  g_clear_object (&self->units);
  g_clear_object (&self->rounds);
  g_clear_object (&self->targets);
  if ((self->units = td_catalog_list_active_units (db, &error)) == NULL ||
      (self->rounds = td_catalog_list_rounds (db, &error)) == NULL ||
      (self->targets = td_catalog_list_targets (db, &error)) == NULL)
    {
      td_assessment_page_toast (self, error->message);
      return;
    }

  /* A unit's installation opens on its own form, whatever unit was chosen last. */
  td_pickers_setup (self->unit_dropdown, self->round_dropdown, self->units, self->rounds, self->settings, self->bound_unit,
                    G_CALLBACK (selection_changed_cb), self);
  selection_changed_cb (self);
}

void
td_assessment_page_show_unit (TdAssessmentPage *self,
                              const char       *code)
{
  for (guint i = 0; self->units && i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (self->units, i);
      if (g_strcmp0 (td_unit_get_code (unit), code) == 0)
        {
          gtk_drop_down_set_selected (self->unit_dropdown, i);
          return;
        }
    }
}

gboolean
td_assessment_page_flush (TdAssessmentPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || self->form == NULL || td_assessment_form_save (self->form, &error))
    return TRUE;
  td_assessment_page_toast (self, error->message);
  return FALSE;
}

void
td_assessment_page_bind_to_unit (TdAssessmentPage *self,
                                 const char       *unit_code)
{
  g_set_str (&self->bound_unit, unit_code);
  /* A unit's clerk edits that unit only and takes in no package: the picker and the board's
   * import are not there. */
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), unit_code == NULL);
  gtk_widget_set_visible (self->import_button, unit_code == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assessment.import", unit_code == NULL);
  if (unit_code != NULL)
    td_assessment_page_show_unit (self, unit_code);
}

void
td_assessment_page_ensure_form (TdAssessmentPage *self)
{
  if (!self->form_pending)
    return;
  self->form_pending = FALSE;
  build_form (self);
  fill_form (self);
  /* Taken by the rows, or not needed any more (built sooner than they came). */
  forget_extras (self);
}

void
td_assessment_page_reload (TdAssessmentPage *self)
{
  if (td_assessment_page_flush (self))
    load (self);
}
