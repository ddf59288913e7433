/* td-progress-page.c: the progress dashboard.
 *
 * Figures are read in a worker thread (td_progress_data_load_async) each time the round or the
 * scope changes; the previous figures stay on screen until the new ones arrive, and a newer
 * request cancels an older one. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "td-notify.h"
#include "td-chart-view.h"
#include "td-completeness-view.h"
#include "td-progress-chart.h"
#include "td-progress-export.h"
#include "td-pickers.h"
#include "td-progress-page.h"
#include "td-progress-row.h"
#include "td-report.h"
#include "td-areas.h"

struct _TdProgressPage
{
  AdwBin          parent_instance;

  TdDatabase     *db;
  GSettings      *settings;
  GCancellable   *cancellable;
  TdProgressData *data;
  GListModel     *rounds;
  GListModel     *units;
  GListStore     *rows;
  GtkSortListModel *sorted_rows;
  GtkMultiSelection *selection;
  TdChartKind     kind;            /* what the toggle shows */
  gboolean        ranking;         /* a target's ranking is shown instead */
  gboolean        submissions;     /* who has sent what, instead of a chart */
  guint           ranking_target;
  gboolean        loading;
  char           *bound_unit;      /* a unit's installation: its own figures only */

  GtkDropDown    *round_dropdown;
  GtkDropDown    *scope_dropdown;
  AdwToggleGroup *kind_group;
  GtkToggleButton *table_button;
  GtkLabel       *met_label;
  GtkLabel       *submitted_label;
  GtkLabel       *dti_label;
  GtkMenuButton  *rules_button;
  GtkLabel       *rules_label;
  GtkBox         *ranking_bar;
  GtkButton      *back_button;
  GtkLabel       *ranking_label;
  GtkStack       *view_stack;
  TdChartView    *chart_view;
  TdCompletenessView *completeness_view;
  GtkColumnView  *table_view;
  AdwStatusPage  *error_page;
  GtkLabel       *details_label;
};

G_DEFINE_FINAL_TYPE (TdProgressPage, td_progress_page, ADW_TYPE_BIN)

/* The kinds offered as scopes: every kind but the province itself. */
static const TdUnitKind scope_kinds[] = {
  TD_UNIT_KIND_DEPARTMENT, TD_UNIT_KIND_COMMUNE, TD_UNIT_KIND_WARD, TD_UNIT_KIND_ENTERPRISE,
  TD_UNIT_KIND_ORGANISATION, TD_UNIT_KIND_TEAM_COMMUNE, TD_UNIT_KIND_TEAM_VILLAGE,
};

/* Helpers */

static void
show_details_hint (TdProgressPage *self)
{
  gtk_label_set_label (self->details_label,
                       self->ranking ? _("Point at a row or use the arrow keys for its figures; click a unit to open its self-assessment.")
                       : self->bound_unit ? _("Point at a bar or use the arrow keys for its exact figures; click a target to open the self-assessment.")
                                          : _("Point at a bar or use the arrow keys for its exact figures; click a target to rank the units."));
}

static void
fill_table (TdProgressPage *self)
{
  g_list_store_remove_all (self->rows);
  for (guint i = 0; i < self->data->rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (self->data->rollups, TdTargetRollup, i);
      g_autofree char *value = r->has_measure ? td_target_rollup_format (r) : g_strdup ("—");
      g_autofree char *threshold = td_target_format_threshold (r->target);
      g_autofree char *units = g_strdup_printf ("%u/%u", r->n_met, r->n_reporting);
      const char *verdict = r->has_measure ? (r->met ? _("Met") : _("Not met"))
                            : g_str_equal (td_chart_no_result_text (r), "Không áp dụng") ? _("Not applicable")
                            : r->n_invalid > 0 ? _("Invalid data") : _("No data");
      g_autoptr(TdProgressRow) row = td_progress_row_new (td_target_get_number (r->target), td_target_get_text (r->target),
                                                          r->has_measure ? r->measure : NAN, value, threshold,
                                                          verdict, units);
      g_list_store_append (self->rows, row);
    }
}

static void show_submissions (TdProgressPage *self);

static void
show_chart (TdProgressPage *self)
{
  if (self->submissions)
    {
      show_submissions (self);
      return;
    }
  if (self->data == NULL)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->details_label), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->ranking_bar), self->ranking);
  if (self->ranking)
    {
      TdTarget *target = g_array_index (self->data->rollups, TdTargetRollup, self->ranking_target).target;
      g_autofree char *label = g_strdup_printf (_("Units ranked by target %u: %s"), td_target_get_number (target),
                                                td_target_get_text (target));

      gtk_label_set_label (self->ranking_label, label);
      td_chart_view_set_data (self->chart_view, self->data, TD_CHART_RANKING, self->ranking_target);
    }
  else
    td_chart_view_set_data (self->chart_view, self->data, self->kind, 0);
  gtk_stack_set_visible_child_name (self->view_stack, gtk_toggle_button_get_active (self->table_button) ? "table" : "chart");
  show_details_hint (self);
}

/* Units whose submitted figures break a campaign rule: a button that opens the list. */
static void
show_violations (TdProgressPage *self)
{
  GPtrArray *violations = self->data->violations;
  g_autoptr(GHashTable) units = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;

  for (guint i = 0; violations && i < violations->len; i++)
    {
      TdRuleViolation *v = violations->pdata[i];

      g_hash_table_add (units, v->unit_code);
      g_string_append_printf (text, "%s%s (%s) — %s: %s", text->len ? "\n\n" : "", v->unit_name, v->unit_code,
                              v->is_error ? _("Error") : v->explained ? _("Warning, explained") : _("Warning"),
                              v->message);
      if (v->explained)
        g_string_append_printf (text, "\n%s %s", _("Note:"), v->note);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rules_button), violations && violations->len > 0);
  if (violations == NULL || violations->len == 0)
    return;
  label = g_strdup_printf (g_dngettext (NULL, "⚠ %u unit has figures to review", "⚠ %u units have figures to review",
                                        g_hash_table_size (units)),
                           g_hash_table_size (units));
  gtk_menu_button_set_label (self->rules_button, label);
  gtk_label_set_label (self->rules_label, text->str);
}

static void
apply_data (TdProgressPage *self)
{
  TdTarget *index_target = td_progress_data_get_index_target (self->data);
  g_autofree char *met = g_strdup_printf (_("%u of %u targets met"), self->data->summary.n_met, self->data->summary.n_applicable);
  g_autofree char *submitted = g_strdup_printf (_("%u of %u units submitted"), self->data->n_submitted, self->data->n_units);
  g_autofree char *dti = NULL;

  for (guint i = 0; index_target && i < self->data->rollups->len; i++)
    {
      TdTargetRollup *r = &g_array_index (self->data->rollups, TdTargetRollup, i);
      if (r->target == index_target && r->has_measure)
        {
          g_autofree char *value = td_target_rollup_format (r);
          dti = g_strdup_printf (_("DTI %s"), value);
        }
    }
  gtk_label_set_label (self->met_label, met);
  if (self->data->n_unsigned > 0)
    {
      /* Unsigned submissions are said wherever submissions are counted. */
      g_autofree char *with_unsigned = g_strdup_printf (g_dngettext (NULL, "%s (%u received unsigned)",
                                                                     "%s (%u received unsigned)", self->data->n_unsigned),
                                                        submitted, self->data->n_unsigned);
      g_set_str (&submitted, with_unsigned);
    }
  /* A unit's own installation: whether it has sent its self-assessment, not a count of one. */
  if (self->bound_unit != NULL)
    g_set_str (&submitted, self->data->n_submitted > 0 ? _("Submitted") : _("Not submitted yet"));
  gtk_label_set_label (self->submitted_label, submitted);
  gtk_label_set_label (self->dti_label, dti ? dti : _("DTI not reported"));
  show_violations (self);
  fill_table (self);
  show_chart (self);
}

static void
load_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TdProgressPage) self = user_data;
  g_autoptr(GError) error = NULL;
  TdProgressData *data = td_progress_data_load_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (data == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }
  g_clear_pointer (&self->data, td_progress_data_unref);
  self->data = data;
  apply_data (self);
}

static void
reload (TdProgressPage *self)
{
  guint round_pos = gtk_drop_down_get_selected (self->round_dropdown);
  guint scope_pos = gtk_drop_down_get_selected (self->scope_dropdown);
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdUnit) unit = NULL;
  int kind = -1;

  if (self->db == NULL || self->rounds == NULL || round_pos == GTK_INVALID_LIST_POSITION)
    return;
  round = g_list_model_get_item (self->rounds, round_pos);
  if (round == NULL)
    return;
  if (scope_pos != GTK_INVALID_LIST_POSITION && scope_pos >= 1 && scope_pos <= G_N_ELEMENTS (scope_kinds))
    kind = scope_kinds[scope_pos - 1];
  else if (scope_pos != GTK_INVALID_LIST_POSITION && scope_pos > G_N_ELEMENTS (scope_kinds))
    unit = g_list_model_get_item (self->units, scope_pos - 1 - G_N_ELEMENTS (scope_kinds));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;
  if (self->data == NULL)
    gtk_stack_set_visible_child_name (self->view_stack, "loading");
  g_settings_set_int (self->settings, "last-round", (int) td_round_get_number (round));
  td_progress_data_load_async (self->db, td_round_get_number (round), kind,
                               unit ? td_unit_get_code (unit) : NULL, self->cancellable, load_done_cb,
                               g_object_ref (self));
}

/* Table */

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1 : 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 70);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  const char *property = user_data;
  GObject *row = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (g_str_equal (property, "number"))
    {
      guint number;
      g_object_get (row, "number", &number, NULL);
      text = g_strdup_printf ("%u", number);
    }
  else
    g_object_get (row, property, &text, NULL);
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_column (TdProgressPage *self,
            const char     *title,
            const char     *property,
            const char     *sort_property,
            gboolean        numeric,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkExpression *expression = gtk_property_expression_new (TD_TYPE_PROGRESS_ROW, NULL, sort_property);
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), GINT_TO_POINTER (numeric));
  g_signal_connect_data (factory, "bind", G_CALLBACK (bind_label_cb), g_strdup (property),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  sorter = numeric ? GTK_SORTER (gtk_numeric_sorter_new (expression)) : GTK_SORTER (gtk_string_sorter_new (expression));
  gtk_column_view_column_set_sorter (column, sorter);
  g_object_unref (sorter);
  gtk_column_view_append_column (self->table_view, column);
}

static void
setup_table (TdProgressPage *self)
{
  self->rows = g_list_store_new (TD_TYPE_PROGRESS_ROW);
  add_column (self, _("No."), "number", "number", TRUE, FALSE);
  add_column (self, _("Target"), "target", "target", FALSE, TRUE);
  add_column (self, _("Value"), "value-text", "value", TRUE, FALSE);
  add_column (self, _("Threshold"), "threshold", "threshold", FALSE, FALSE);
  add_column (self, _("Result"), "result", "result", FALSE, FALSE);
  add_column (self, _("Units Meeting It"), "units", "units", FALSE, FALSE);

  self->sorted_rows = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                               g_object_ref (gtk_column_view_get_sorter (self->table_view)));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (g_object_ref (self->sorted_rows)));
  gtk_column_view_set_model (self->table_view, GTK_SELECTION_MODEL (self->selection));
}

/* Callbacks */

static void
selection_changed_cb (TdProgressPage *self)
{
  reload (self);
}

/* The scope's kind of unit (a unit's own kind when one unit is chosen), or -1 for all. */
static int
scope_kind (TdProgressPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->scope_dropdown);

  if (pos != GTK_INVALID_LIST_POSITION && pos >= 1 && pos <= G_N_ELEMENTS (scope_kinds))
    return scope_kinds[pos - 1];
  if (pos != GTK_INVALID_LIST_POSITION && pos > G_N_ELEMENTS (scope_kinds) && self->units)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (self->units, pos - 1 - G_N_ELEMENTS (scope_kinds));
      return unit ? (int) td_unit_get_kind (unit) : -1;
    }
  return -1;
}

/* Who has sent the round's self-assessment: counted afresh each time it is shown. */
static void
show_submissions (TdProgressPage *self)
{
  guint round_pos = gtk_drop_down_get_selected (self->round_dropdown);
  g_autoptr(TdRound) round = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->ranking_bar), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->details_label), FALSE);
  gtk_stack_set_visible_child_name (self->view_stack, "completeness");
  if (self->db == NULL || self->rounds == NULL || round_pos == GTK_INVALID_LIST_POSITION ||
      (round = g_list_model_get_item (self->rounds, round_pos)) == NULL)
    return;
  td_completeness_view_load (self->completeness_view, self->db, td_round_get_number (round), scope_kind (self));
}

static void table_toggled_cb (TdProgressPage *self);

/* The list of broken rules opens to be read: GTK focuses its selectable label and selects the
 * whole text, which then reads as highlighted and goes on a single keystroke. Nothing is
 * selected until the reader selects; the text can still be copied. */
static gboolean
deselect_rules_cb (gpointer data)
{
  TdProgressPage *self = data;

  gtk_label_select_region (self->rules_label, 0, 0);
  return G_SOURCE_REMOVE;
}

static void
rules_shown_cb (TdProgressPage *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, deselect_rules_cb, g_object_ref (self), g_object_unref);
}

static void
kind_changed_cb (TdProgressPage *self)
{
  TdChartKind kind;

  self->submissions = g_strcmp0 (adw_toggle_group_get_active_name (self->kind_group), "submissions") == 0;
  /* The last choice wins: a chart chosen while the table shows is that chart, not a table
   * that stays the same; the submissions have no table of figures, so no Table button. */
  gtk_widget_set_visible (GTK_WIDGET (self->table_button), !self->submissions);
  if (gtk_toggle_button_get_active (self->table_button))
    {
      g_signal_handlers_block_by_func (self->table_button, table_toggled_cb, self);
      gtk_toggle_button_set_active (self->table_button, FALSE);
      g_signal_handlers_unblock_by_func (self->table_button, table_toggled_cb, self);
    }
  if (td_chart_kind_from_string (adw_toggle_group_get_active_name (self->kind_group), &kind))
    self->kind = kind;
  self->ranking = FALSE;
  show_chart (self);
}

static void
table_toggled_cb (TdProgressPage *self)
{
  show_chart (self);
}

static void
chart_item_activated_cb (TdProgressPage *self,
                         guint           item,
                         TdChartView    *view)
{
  if (self->data == NULL)
    return;
  /* A unit's installation holds one unit: nothing to rank; the target is filled in the form. */
  if (self->bound_unit != NULL && (self->kind == TD_CHART_OVERVIEW || self->kind == TD_CHART_TREND))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.area", "s", TD_AREA_SELF_ASSESSMENT);
      return;
    }
  if (!self->ranking && (self->kind == TD_CHART_OVERVIEW || self->kind == TD_CHART_TREND))
    {
      self->ranking = TRUE;
      self->ranking_target = item;
      show_chart (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->chart_view));
    }
  else if (self->ranking)
    {
      GArray *measures = g_ptr_array_index (self->data->measures, self->ranking_target);
      TdUnitMeasure *m = &g_array_index (measures, TdUnitMeasure, item);

      /* The self-assessment area opens on the unit chosen last. */
      g_settings_set_string (self->settings, "last-unit", m->code);
      gtk_widget_activate_action (GTK_WIDGET (self), "win.area", "s", TD_AREA_SELF_ASSESSMENT);
    }
}

static void
back_clicked_cb (TdProgressPage *self)
{
  self->ranking = FALSE;
  show_chart (self);
}

static void
chart_focus_changed_cb (TdProgressPage *self)
{
  int item = td_chart_view_get_focus_item (self->chart_view);
  g_autofree char *text = td_chart_view_describe_item (self->chart_view, item);

  if (text)
    gtk_label_set_label (self->details_label, text);
  else
    show_details_hint (self);
}

static void
copy_table_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TdProgressPage *self = TD_PROGRESS_PAGE (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  gboolean all = gtk_bitset_is_empty (selected);
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted_rows));

  g_string_append_printf (text, "%s\t%s\t%s\t%s\t%s\t%s\n", _("No."), _("Target"), _("Value"), _("Threshold"),
                          _("Result"), _("Units Meeting It"));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TdProgressRow) row = NULL;
      g_autofree char *line = NULL;

      if (!all && !gtk_bitset_contains (selected, i))
        continue;
      row = g_list_model_get_item (G_LIST_MODEL (self->sorted_rows), i);
      line = td_progress_row_to_tsv (row);
      g_string_append_printf (text, "%s\n", line);
    }
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text->str);
  td_notify_toast (GTK_WIDGET (self), all ? _("Table copied") : _("Selected rows copied"));
}

/* The page and the file written, for the toast that says which. */
typedef struct {
  TdProgressPage *self;
  char           *path;
} Export;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (td_progress_export_finish (result, &error))
    {
      g_autofree char *name = g_path_get_basename (export->path);
      message = g_strdup_printf (_("Saved “%s”"), name);
    }
  else
    message = g_strdup (error->message);
  td_notify_toast (GTK_WIDGET (export->self), message);
  g_object_unref (export->self);
  g_free (export->path);
  g_free (export);
}

/* What the save dialog was opened for: the report (PDF, spreadsheet) or the chart. */
typedef struct {
  TdProgressPage *page;
  gboolean        report;
} SaveChoice;

static void
save_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autofree SaveChoice *choice = user_data;
  g_autoptr(TdProgressPage) self = choice->page;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, &error);
  gboolean report = choice->report;
  Export *export;

  if (file == NULL || self->data == NULL)
    return;
  export = g_new0 (Export, 1);
  export->self = g_object_ref (self);
  export->path = g_file_get_path (file);
  if (report)
    td_report_write_async (self->data, export->path, NULL, export_done_cb, export);
  else
    td_progress_chart_export_async (self->data, self->ranking ? TD_CHART_RANKING : self->kind, self->ranking_target,
                                    export->path, NULL, export_done_cb, export);
}

static GtkFileFilter *
filter_for (const char *name,
            const char *pattern,
            const char *mime)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_add_mime_type (filter, mime);
  return filter;
}

static void
export_cb (GtkWidget  *widget,
           const char *action_name,
           GVariant   *parameter)
{
  TdProgressPage *self = TD_PROGRESS_PAGE (widget);
  gboolean report = g_str_equal (action_name, "progress.export-report");
  g_autoptr(GtkFileDialog) dialog = gtk_file_dialog_new ();
  g_autoptr(GListStore) filters = g_list_store_new (GTK_TYPE_FILE_FILTER);
  SaveChoice *choice;
  static const struct { gboolean report; const char *name, *pattern, *mime; } kinds[] = {
    { FALSE, N_("PNG image"), "*.png", "image/png" },
    { FALSE, N_("SVG drawing"), "*.svg", "image/svg+xml" },
    { FALSE, N_("PDF document"), "*.pdf", "application/pdf" },
    { TRUE, N_("PDF report"), "*.pdf", "application/pdf" },
    { TRUE, N_("Excel workbook"), "*.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
    { TRUE, N_("CSV table"), "*.csv", "text/csv" },
  };

  if (self->data == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].report == report)
      {
        g_autoptr(GtkFileFilter) filter = filter_for (_(kinds[i].name), kinds[i].pattern, kinds[i].mime);
        g_list_store_append (filters, filter);
      }
  gtk_file_dialog_set_filters (dialog, G_LIST_MODEL (filters));
  gtk_file_dialog_set_title (dialog, report ? _("Export Report") : _("Export Chart"));
  /* Vietnamese file names without diacritics travel best between machines. */
  gtk_file_dialog_set_initial_name (dialog, report ? "bao-cao-tien-do.pdf" : "bieu-do-tien-do.png");
  choice = g_new0 (SaveChoice, 1);
  choice->page = g_object_ref (self);
  choice->report = report;
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (widget)), NULL, save_chosen_cb, choice);
}

static void
back_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  back_clicked_cb (TD_PROGRESS_PAGE (widget));
}

/* GObject */

static void
td_progress_page_dispose (GObject *object)
{
  TdProgressPage *self = TD_PROGRESS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_PROGRESS_PAGE);
  g_clear_pointer (&self->data, td_progress_data_unref);
  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_object (&self->rounds);
  g_clear_object (&self->units);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted_rows);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->bound_unit, g_free);

  G_OBJECT_CLASS (td_progress_page_parent_class)->dispose (object);
}

static void
td_progress_page_class_init (TdProgressPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_progress_page_dispose;

  g_type_ensure (TD_TYPE_CHART_VIEW);
  g_type_ensure (TD_TYPE_COMPLETENESS_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-progress-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, scope_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, kind_group);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, completeness_view);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, table_button);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, met_label);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, submitted_label);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, dti_label);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, rules_button);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, rules_label);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, ranking_bar);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, back_button);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, ranking_label);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, table_view);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, TdProgressPage, details_label);
  gtk_widget_class_bind_template_callback (widget_class, chart_item_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_focus_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "progress.export-chart", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "progress.export-report", NULL, export_cb);
  gtk_widget_class_install_action (widget_class, "progress.copy-table", NULL, copy_table_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "progress.copy-table", NULL);
  gtk_widget_class_install_action (widget_class, "progress.back", NULL, back_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "progress.back", NULL);
}

static void
td_progress_page_init (TdProgressPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->kind = TD_CHART_OVERVIEW;
  setup_table (self);
  g_signal_connect_swapped (self->kind_group, "notify::active-name", G_CALLBACK (kind_changed_cb), self);
  g_signal_connect_swapped (self->table_button, "toggled", G_CALLBACK (table_toggled_cb), self);
  g_signal_connect_swapped (gtk_menu_button_get_popover (self->rules_button), "map", G_CALLBACK (rules_shown_cb), self);
}

/* The scope of the bound unit (0, the province, without one). */
static guint
bound_scope (TdProgressPage *self)
{
  for (guint i = 0; self->bound_unit != NULL && i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (self->units, i);

      if (g_strcmp0 (td_unit_get_code (unit), self->bound_unit) == 0)
        return 1 + G_N_ELEMENTS (scope_kinds) + i;
    }
  return 0;
}

/* Public API */

void
td_progress_page_set_database (TdProgressPage *self,
                               TdDatabase     *db)
{
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint select_round;

  g_return_if_fail (TD_IS_PROGRESS_PAGE (self));

  g_set_object (&self->db, db);
  g_clear_object (&self->rounds);
  g_clear_object (&self->units);
  if (db == NULL)
    return;
  self->rounds = td_catalog_list_rounds (db, &error);
  self->units = self->rounds ? td_catalog_list_units (db, &error) : NULL;
  if (self->rounds == NULL || self->units == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->view_stack, "error");
      return;
    }

  gtk_string_list_append (scopes, _("Whole province"));
  for (guint i = 0; i < G_N_ELEMENTS (scope_kinds); i++)
    gtk_string_list_append (scopes, td_unit_kind_get_label (scope_kinds[i]));
  for (guint i = 0; i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (self->units, i);
      g_autofree char *label = g_strdup_printf ("%s (%s)", td_unit_get_name (unit), td_unit_get_code (unit));
      gtk_string_list_append (scopes, label);
    }

  /* Setting the models fires notify::selected; connect afterwards so that one load runs. */
  g_signal_handlers_disconnect_by_func (self->round_dropdown, selection_changed_cb, self);
  g_signal_handlers_disconnect_by_func (self->scope_dropdown, selection_changed_cb, self);
  select_round = td_pickers_fill_rounds (self->round_dropdown, self->rounds,
                                         g_settings_get_int (self->settings, "last-round"));
  {
    /* set_expression() takes a reference of its own; set before the model, so that the list
     * is built once. */
    g_autoptr(GtkExpression) search = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->scope_dropdown, search);
  }
  gtk_drop_down_set_model (self->scope_dropdown, G_LIST_MODEL (scopes));
  gtk_drop_down_set_selected (self->round_dropdown, select_round);
  gtk_drop_down_set_selected (self->scope_dropdown, bound_scope (self));
  g_signal_connect_swapped (self->round_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->scope_dropdown, "notify::selected", G_CALLBACK (selection_changed_cb), self);
  reload (self);
}

void
td_progress_page_select (TdProgressPage *self,
                         guint           round_position,
                         guint           scope_position)
{
  g_signal_handlers_block_by_func (self->round_dropdown, selection_changed_cb, self);
  gtk_drop_down_set_selected (self->round_dropdown, round_position);
  g_signal_handlers_unblock_by_func (self->round_dropdown, selection_changed_cb, self);
  gtk_drop_down_set_selected (self->scope_dropdown, scope_position);
  reload (self);
}

gboolean
td_progress_page_is_loading (TdProgressPage *self)
{
  return self->loading;
}

void
td_progress_page_bind_to_unit (TdProgressPage *self,
                               const char     *unit_code)
{
  g_return_if_fail (TD_IS_PROGRESS_PAGE (self));

  if (!g_set_str (&self->bound_unit, unit_code))
    return;
  /* Its installation knows its own unit and the ones above it, and holds its own figures only:
   * the scope is the unit, not to be changed. */
  gtk_widget_set_visible (GTK_WIDGET (self->scope_dropdown), unit_code == NULL);
  /* Who has sent what is the board's to count. */
  adw_toggle_set_enabled (adw_toggle_group_get_toggle_by_name (self->kind_group, "submissions"), unit_code == NULL);
  show_details_hint (self);
  if (self->db != NULL && self->units != NULL)
    gtk_drop_down_set_selected (self->scope_dropdown, bound_scope (self));
}
