/* td-completeness-view.c: "Tình hình nộp báo cáo", who has sent the round's self-assessment
 * and on time (td-completeness.h): a bar per kind of unit drawn by the charts library, the
 * units filtered by what they have sent, a click to open one in the form, and the reminder
 * letter and the contacts for the units that have not sent.  Counting runs on a worker. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "td-notify.h"
#include "td-chart.h"
#include "td-chart-view.h"
#include "td-completeness-view.h"
#include "td-deadlines-dialog.h"
#include "td-reminder-pdf.h"
#include "td-table-export.h"
#include "td-areas.h"

enum {
  FILTER_ALL,
  FILTER_NOT_SENT,
  FILTER_LATE,
  FILTER_ON_TIME,
  FILTER_OUTDATED,
};

struct _TdCompletenessView
{
  AdwBin          parent_instance;

  TdDatabase     *db;
  guint           round_number;
  int             kind;
  TdCompleteness *completeness;
  GCancellable   *cancellable;
  gboolean        loading;

  GtkLabel       *summary_label;
  GtkLabel       *deadline_label;
  GtkDrawingArea *chart_area;
  GtkSearchEntry *search_entry;
  GtkDropDown    *filter_dropdown;
  GtkButton      *deadlines_button;
  GtkButton      *remind_button;
  GtkButton      *contacts_button;
  GtkListBox     *unit_list;
  GtkLabel       *empty_label;
  GPtrArray      *shown_codes;   /* the unit code of each row of @unit_list, in order */
};

G_DEFINE_FINAL_TYPE (TdCompletenessView, td_completeness_view, ADW_TYPE_BIN)

static char *
date_or_dash (const char *iso)
{
  char *d = td_format_date (iso);

  return d ? d : g_strdup ("—");
}

static void
draw_chart (GtkDrawingArea *area,
            cairo_t        *cr,
            int             width,
            int             height,
            gpointer        data)
{
  TdCompletenessView *self = data;
  TdChartStyle style;

  if (self->completeness == NULL)
    return;
  td_chart_view_style_for (GTK_WIDGET (area), &style);
  td_chart_draw_completeness (cr, width, height, &style, NULL, self->completeness, NULL);
}

/* The chart as tall as its legend (which wraps) and its bars need at the width it has. */
static void
size_chart (TdCompletenessView *self)
{
  TdChartStyle style;
  int width = gtk_widget_get_width (GTK_WIDGET (self->chart_area));

  if (self->completeness == NULL)
    return;
  td_chart_view_style_for (GTK_WIDGET (self->chart_area), &style);
  gtk_drawing_area_set_content_height (self->chart_area,
                                       (int) ceil (td_chart_completeness_height (&style, self->completeness,
                                                                                 width > 0 ? width : 600)));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static void
chart_resized_cb (GtkDrawingArea     *area,
                  int                 width,
                  int                 height,
                  TdCompletenessView *self)
{
  size_chart (self);
}

static gboolean
row_matches (TdCompletenessView      *self,
             const TdCompletenessRow *row,
             const char              *needle)
{
  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_NOT_SENT:
      if (td_submission_state_is_sent (row->state))
        return FALSE;
      break;
    case FILTER_LATE:
      if (row->timeliness != TD_TIMELINESS_LATE && row->timeliness != TD_TIMELINESS_OVERDUE)
        return FALSE;
      break;
    case FILTER_ON_TIME:
      if (row->timeliness != TD_TIMELINESS_ON_TIME && row->timeliness != TD_TIMELINESS_EXCUSED)
        return FALSE;
      break;
    case FILTER_OUTDATED:
      if (!row->outdated)
        return FALSE;
      break;
    default:
      break;
    }
  if (needle && *needle)
    {
      g_autofree char *name = g_utf8_casefold (row->name, -1);
      g_autofree char *code = g_utf8_casefold (row->code, -1);
      return strstr (name, needle) != NULL || strstr (code, needle) != NULL;
    }
  return TRUE;
}

/* "Received on 12/09/2026 08:00, made 11/09/2026 09:30 · setup file 1 of 2" */
static char *
row_subtitle (TdCompletenessView      *self,
              const TdCompletenessRow *row)
{
  g_autoptr(GString) s = g_string_new (row->code);

  g_string_append_printf (s, " · %s", td_submission_state_label (row->state));
  if (row->submitted_at)
    {
      g_autofree char *made = td_format_timestamp (row->submitted_at);
      g_string_append_printf (s, " · ");
      g_string_append_printf (s, _("made %s"), made);
    }
  if (row->received_at)
    {
      g_autofree char *received = td_format_timestamp (row->received_at);
      g_string_append_printf (s, ", ");
      g_string_append_printf (s, _("received %s"), received);
    }
  if (row->exception_until)
    {
      g_autofree char *until = date_or_dash (row->exception_until);
      g_string_append_printf (s, " · ");
      g_string_append_printf (s, _("may send until %s"), until);
    }
  if (row->outdated)
    {
      g_string_append_printf (s, " · ");
      g_string_append_printf (s, _("works with setup file %d of %d"), row->setup_version,
                              self->completeness->board_setup_version);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GtkWidget *
timeliness_badge (const TdCompletenessRow *row)
{
  g_autofree char *text = NULL;
  GtkWidget *label;
  const char *css = NULL;

  if (row->days_late > 0 && (row->timeliness == TD_TIMELINESS_LATE || row->timeliness == TD_TIMELINESS_OVERDUE))
    text = g_strdup_printf (g_dngettext (NULL, "%s, %d day", "%s, %d days", row->days_late),
                            td_timeliness_label (row->timeliness), row->days_late);
  else
    text = g_strdup (td_timeliness_label (row->timeliness));
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  switch (row->timeliness)
    {
    case TD_TIMELINESS_ON_TIME: css = "success"; break;
    case TD_TIMELINESS_EXCUSED:
    case TD_TIMELINESS_LATE: css = "warning"; break;
    case TD_TIMELINESS_OVERDUE: css = "error"; break;
    default: css = "dim-label"; break;
    }
  gtk_widget_add_css_class (label, css);
  return label;
}

static void reload (TdCompletenessView *self);

static void
changed_cb (gpointer data)
{
  reload (data);
}

/* "completeness.allow-late" with the unit's code: a row's button. */
static void
allow_late_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdCompletenessView *self = TD_COMPLETENESS_VIEW (widget);
  const char *code = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = td_catalog_find_round (self->db, self->round_number, &error);
  g_autoptr(TdUnit) unit = round ? td_catalog_find_unit (self->db, code, &error) : NULL;

  if (unit == NULL)
    td_notify_alert (GTK_WIDGET (self), _("The Exception Was Not Granted"), error->message);
  else
    td_deadlines_dialog_present (GTK_WIDGET (self), self->db, round, unit, changed_cb, self);
}

static void
deadlines_clicked_cb (TdCompletenessView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TdRound) round = self->db ? td_catalog_find_round (self->db, self->round_number, &error) : NULL;

  if (round != NULL)
    td_deadlines_dialog_present (GTK_WIDGET (self), self->db, round, NULL, changed_cb, self);
}

static void
fill_list (TdCompletenessView *self)
{
  g_autofree char *needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), -1);
  guint shown = 0;

  gtk_list_box_remove_all (self->unit_list);
  g_ptr_array_set_size (self->shown_codes, 0);
  for (guint i = 0; self->completeness && i < self->completeness->rows->len; i++)
    {
      TdCompletenessRow *row = self->completeness->rows->pdata[i];
      g_autofree char *subtitle = NULL;
      GtkWidget *item;

      if (!row_matches (self, row, needle))
        continue;
      subtitle = row_subtitle (self, row);
      item = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item), row->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (item), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (item), timeliness_badge (row));
      /* Not sent, or sent late: the board may let the unit send late (an exception). */
      if (row->timeliness == TD_TIMELINESS_OVERDUE || row->timeliness == TD_TIMELINESS_LATE ||
          (!td_submission_state_is_sent (row->state) && row->exception_until == NULL))
        {
          GtkWidget *allow = gtk_button_new_from_icon_name ("document-edit-symbolic");
          g_autofree char *tip = g_strdup_printf (_("Let %s send late"), row->name);

          gtk_widget_set_valign (allow, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (allow, "flat");
          gtk_widget_set_tooltip_text (allow, tip);
          gtk_accessible_update_property (GTK_ACCESSIBLE (allow), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (allow), "completeness.allow-late");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (allow), "s", row->code);
          adw_action_row_add_suffix (ADW_ACTION_ROW (item), allow);
        }
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (item), TRUE);
      gtk_list_box_append (self->unit_list, item);
      g_ptr_array_add (self->shown_codes, g_strdup (row->code));
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->unit_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), shown == 0 && self->completeness != NULL);
}

static void
filter_changed_cb (TdCompletenessView *self)
{
  fill_list (self);
}

static void
apply (TdCompletenessView *self)
{
  TdCompleteness *c = self->completeness;
  const TdCompletenessCounts *t = &c->total;
  g_autofree char *rate = td_format_percent (td_completeness_rate (t, t->sent));
  g_autofree char *summary = NULL, *deadline = NULL;
  g_autofree char *due = date_or_dash (c->deadlines->assessment_due);
  g_autofree char *closes = date_or_dash (c->closes_on);
  g_autofree char *proposals = date_or_dash (c->deadlines->proposal_due);
  g_autofree char *today = date_or_dash (c->today);
  guint not_sent = t->expected - t->sent;

  summary = g_strdup_printf (_("%u of %u units sent (%s): %u on time, %u late, %u not sent"), t->sent, t->expected, rate,
                             t->timeliness[TD_TIMELINESS_ON_TIME] + t->timeliness[TD_TIMELINESS_EXCUSED],
                             t->timeliness[TD_TIMELINESS_LATE], not_sent);
  deadline = g_strdup_printf (_("Self-assessments due %s, on time until %s; award proposals due %s. Counted on %s."),
                              due, closes, proposals, today);
  if (t->outdated > 0)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (NULL, "%s %u unit works with an older setup file.",
                                                            "%s %u units work with an older setup file.", t->outdated),
                                               deadline, t->outdated);
      g_set_str (&deadline, more);
    }
  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->deadline_label, deadline);
  size_chart (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), not_sent > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->contacts_button), not_sent > 0);
  fill_list (self);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(TdCompletenessView) self = user_data;
  g_autoptr(GError) error = NULL;
  TdCompleteness *c = td_completeness_compute_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (c == NULL)
    {
      gtk_label_set_label (self->summary_label, _("The submissions could not be counted"));
      gtk_label_set_label (self->deadline_label, error->message);
      return;
    }
  g_clear_pointer (&self->completeness, td_completeness_free);
  self->completeness = c;
  apply (self);
}

static void
row_activated_cb (TdCompletenessView *self,
                  GtkListBoxRow      *row)
{
  int index = gtk_list_box_row_get_index (row);
  const char *code = index >= 0 && (guint) index < self->shown_codes->len ? self->shown_codes->pdata[index] : NULL;
  g_autoptr(GSettings) settings = NULL;

  if (code == NULL)
    return;
  settings = g_settings_new (APP_ID);
  /* The self-assessment area opens on the unit chosen last. */
  g_settings_set_string (settings, "last-unit", code);
  gtk_widget_activate_action (GTK_WIDGET (self), "win.area", "s", TD_AREA_SELF_ASSESSMENT);
}

/* Reminder and contacts */

static void
reminder_written_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(TdCompletenessView) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = td_reminder_write_finish (result, &error);

  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), TRUE);
  if (error != NULL)
    td_notify_alert (GTK_WIDGET (self), _("The Reminder Was Not Written"), error->message);
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "Reminder to %u unit saved", "Reminder to %u units saved",
                                                            n), n);
      td_notify_toast (GTK_WIDGET (self), text);
    }
}

static void
reminder_file_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdCompletenessView) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file == NULL || self->db == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_button), FALSE);
  td_reminder_write_async (self->db, self->round_number, self->kind, file, NULL,
                           reminder_written_cb, g_object_ref (self));
}

static void
remind_clicked_cb (TdCompletenessView *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = g_strdup_printf ("cong-van-don-doc-dot-%u.pdf", self->round_number);

  gtk_file_dialog_set_title (dialog, _("Save the Reminder"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, reminder_file_cb,
                        g_object_ref (self));
}

static void
contacts_file_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(TdCompletenessView) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);
  g_autofree char *path = file ? g_file_get_path (file) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TdReminder) reminder = NULL;
  g_autoptr(GPtrArray) table = NULL;
  TdCompletenessFilter filter = { .has_kind = self->kind >= 0, .kind = (TdUnitKind) MAX (self->kind, 0) };

  if (path == NULL || self->db == NULL)
    return;
  /* A table of a few hundred rows at most: written here, at once. */
  reminder = td_reminder_load (self->db, self->round_number, &filter, NULL, FALSE, NULL, &error);
  if (reminder != NULL)
    table = td_reminder_contact_rows (reminder);
  if (table == NULL || !td_table_write (path, _("Reminders"), td_reminder_contact_header (), table, &error))
    td_notify_alert (GTK_WIDGET (self), _("The Contacts Were Not Saved"), error->message);
  else
    td_notify_toast (GTK_WIDGET (self), _("Contacts saved"));
}

static void
contacts_clicked_cb (TdCompletenessView *self)
{
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autofree char *name = g_strdup_printf ("chua-gui-bao-cao-dot-%u.xlsx", self->round_number);

  gtk_file_dialog_set_title (dialog, _("Save the Contacts"));
  gtk_file_dialog_set_initial_name (dialog, name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, contacts_file_cb,
                        g_object_ref (self));
}

/* GObject */

static void
td_completeness_view_dispose (GObject *object)
{
  TdCompletenessView *self = TD_COMPLETENESS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->db);
  g_clear_pointer (&self->completeness, td_completeness_free);
  g_clear_pointer (&self->shown_codes, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_COMPLETENESS_VIEW);
  G_OBJECT_CLASS (td_completeness_view_parent_class)->dispose (object);
}

static void
td_completeness_view_class_init (TdCompletenessViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_completeness_view_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-completeness-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, deadline_label);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, chart_area);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, deadlines_button);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, remind_button);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, contacts_button);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, unit_list);
  gtk_widget_class_bind_template_child (widget_class, TdCompletenessView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, remind_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, deadlines_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, contacts_clicked_cb);
  gtk_widget_class_install_action (widget_class, "completeness.allow-late", "s", allow_late_cb);
}

static void
td_completeness_view_init (TdCompletenessView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_codes = g_ptr_array_new_with_free_func (g_free);
  self->kind = -1;
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart, self, NULL);
  g_signal_connect (self->chart_area, "resize", G_CALLBACK (chart_resized_cb), self);
}

static void
reload (TdCompletenessView *self)
{
  g_autoptr(TdDatabase) db = self->db ? g_object_ref (self->db) : NULL;

  td_completeness_view_load (self, db, self->round_number, self->kind);
}

void
td_completeness_view_load (TdCompletenessView *self,
                           TdDatabase         *db,
                           guint               round_number,
                           int                 kind)
{
  g_return_if_fail (TD_IS_COMPLETENESS_VIEW (self));

  g_set_object (&self->db, db);
  self->round_number = round_number;
  self->kind = kind;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (db == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  td_completeness_compute_async (db, round_number, kind, self->cancellable, computed_cb,
                                 g_object_ref (self));
}

gboolean
td_completeness_view_is_loading (TdCompletenessView *self)
{
  return self->loading;
}

guint
td_completeness_view_get_n_shown (TdCompletenessView *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->unit_list)); child;
       child = gtk_widget_get_next_sibling (child))
    n += GTK_IS_LIST_BOX_ROW (child);
  return n;
}

TdCompleteness *
td_completeness_view_get_completeness (TdCompletenessView *self)
{
  return self->completeness;
}
