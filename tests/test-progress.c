/* test-progress.c: the progress dashboard follows the round and the scope chosen. */
#include <adwaita.h>

#include "td-chart-view.h"
#include "td-completeness-view.h"
#include "td-progress-page.h"
#include "td-test-gtk.h"
#include "td-test-util.h"

static void
wait_loaded (TdProgressPage *page)
{
  for (int i = 0; i < 500 && td_progress_page_is_loading (page); i++)
    td_test_iterate (10);
  g_assert_false (td_progress_page_is_loading (page));
  td_test_iterate (20);
}

static const char *
label_of (TdProgressPage *page, const char *name)
{
  return gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, name)));
}

static void
test_progress_page (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "progress.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = NULL;
  GtkWidget *window = gtk_window_new ();
  TdProgressPage *page = g_object_new (TD_TYPE_PROGRESS_PAGE, NULL);
  TdChartView *chart;
  GtkStack *stack;
  GtkColumnView *table;
  guint kinh_bac = 0;
  gpointer weak;

  units = td_catalog_list_units (db, &error);
  for (guint i = 0; i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(TdUnit) unit = g_list_model_get_item (units, i);
      if (g_str_equal (td_unit_get_code (unit), "P-KINHBAC"))
        kinh_bac = i;
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  td_progress_page_set_database (page, db);
  wait_loaded (page);

  /* The final round, whole province: the sample province meets 10 of 19. */
  g_assert_cmpstr (label_of (page, "met_label"), ==, "11 of 19 targets met");
  g_assert_cmpstr (label_of (page, "submitted_label"), ==, "38 of 53 units submitted (33 received unsigned)");
  g_assert_cmpstr (label_of (page, "dti_label"), ==, "DTI 0,772");

  /* Round 1: everybody submitted; only the DTI met, against the 2025 aim (> 0,7). */
  td_progress_page_select (page, 0, 0);
  wait_loaded (page);
  g_assert_cmpstr (label_of (page, "met_label"), ==, "1 of 19 targets met");
  g_assert_cmpstr (label_of (page, "submitted_label"), ==, "53 of 53 units submitted (53 received unsigned)");
  g_assert_cmpstr (label_of (page, "dti_label"), ==, "DTI 0,718");

  /* One ward in the final round (scopes: province, 7 kinds, then the units). */
  td_progress_page_select (page, 1, 1 + 7 + kinh_bac);
  wait_loaded (page);
  g_assert_cmpstr (label_of (page, "met_label"), ==, "16 of 17 targets met");   /* a ward reports 17 */
  g_assert_cmpstr (label_of (page, "submitted_label"), ==, "1 of 1 units submitted (1 received unsigned)");

  /* Back to the province; clicking target 4 ranks the units by it. */
  td_progress_page_select (page, 1, 0);
  wait_loaded (page);
  chart = TD_CHART_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, "chart_view"));
  g_assert_cmpint (td_chart_view_get_kind (chart), ==, TD_CHART_OVERVIEW);
  /* On screen the mark speaks the window's language (English here), not the documents'. */
  {
    TdChartStyle style;

    td_chart_view_style_for (GTK_WIDGET (chart), &style);
    g_assert_cmpstr (style.met_label, ==, "✓ Met");
    g_assert_cmpstr (style.not_met_label, ==, "✗ Not met");
  }
  g_signal_emit_by_name (chart, "item-activated", 3u);
  td_test_iterate (20);
  g_assert_cmpint (td_chart_view_get_kind (chart), ==, TD_CHART_RANKING);
  g_assert_cmpuint (td_chart_view_get_target_index (chart), ==, 3);
  td_chart_view_set_focus_item (chart, 0);
  g_assert_true (g_str_has_prefix (label_of (page, "details_label"), "1. "));
  g_assert_nonnull (strstr (label_of (page, "details_label"), "threshold > 90"));
  /* The back button, as a click does. */
  g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, "back_button"), "clicked");
  g_assert_cmpint (td_chart_view_get_kind (chart), ==, TD_CHART_OVERVIEW);
  g_signal_emit_by_name (chart, "item-activated", 3u);
  gtk_widget_activate_action (GTK_WIDGET (page), "progress.back", NULL);
  g_assert_cmpint (td_chart_view_get_kind (chart), ==, TD_CHART_OVERVIEW);

  /* Keyboard: Down moves the focus item and the details follow it. */
  td_chart_view_set_focus_item (chart, 8);
  g_assert_true (g_str_has_prefix (label_of (page, "details_label"), "Target 9: "));

  /* In a window of a phone's size the overview keeps its text at the style's size and scrolls,
   * instead of shrinking the labels to a few pixels. */
  {
    GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (chart));

    gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
    TD_TEST_WAIT_UNTIL (gtk_widget_get_width (GTK_WIDGET (chart)) < 400, 10);
    td_test_iterate (10);
    g_assert_cmpint (td_chart_view_get_kind (chart), ==, TD_CHART_OVERVIEW);
    /* 19 rows of 13-point text need about 470 px: more than the view has. */
    g_assert_cmpfloat (gtk_adjustment_get_upper (v), >=, 19 * 13 * 1.7);
    g_assert_cmpfloat (gtk_adjustment_get_upper (v), >, gtk_adjustment_get_page_size (v));
    gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
    td_test_iterate (20);
  }

  /* As a table: 19 rows. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, "table_button")), TRUE);
  td_test_iterate (20);
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, "view_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "table");
  table = GTK_COLUMN_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, "table_view"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, 19);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==, 6);
  /* The last choice wins: a chart chosen while the table shows is that chart; Submissions has
   * no table of figures, and no Table button. */
  {
    AdwToggleGroup *kinds = ADW_TOGGLE_GROUP (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE,
                                                                             "kind_group"));
    GtkWidget *table_button = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE,
                                                                         "table_button"));

    adw_toggle_group_set_active_name (kinds, "trend");
    td_test_iterate (20);
    g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (table_button)));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "chart");
    adw_toggle_group_set_active_name (kinds, "submissions");
    td_test_iterate (20);
    g_assert_false (gtk_widget_get_visible (table_button));
    adw_toggle_group_set_active_name (kinds, "overview");
    td_test_iterate (20);
    g_assert_true (gtk_widget_get_visible (table_button));
  }
  /* The sample's broken rules open to be read, with nothing selected in them. */
  {
    GtkMenuButton *rules = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE,
                                                                           "rules_button"));
    GtkLabel *text = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, "rules_label"));
    int start = 0, end = 0;

    g_assert_true (gtk_widget_get_visible (GTK_WIDGET (rules)));
    gtk_menu_button_popup (rules);
    td_test_iterate (30);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text)));
    g_assert_false (gtk_label_get_selection_bounds (text, &start, &end) && start != end);
    gtk_menu_button_popdown (rules);
    td_test_iterate (10);
  }

  weak = page;
  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_null (weak);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* Types @text into the dialog's entry row whose title starts with @title. */
static void
set_entry (AdwDialog  *dialog,
           const char *title,
           const char *text)
{
  for (GtkWidget *w = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog))); w;
       w = gtk_widget_get_next_sibling (w))
    if (ADW_IS_ENTRY_ROW (w) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), title))
      {
        gtk_editable_set_text (GTK_EDITABLE (w), text);
        return;
      }
  g_error ("no row “%s” in the dialog", title);
}

/* "Submissions": the sample's final round counted on the board, filtered down to the units
 * that have not sent, at a laptop's width and on half of it; a row opens the unit. */
static void
test_submissions (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "submissions.db");
  g_autoptr(GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  TdProgressPage *page = g_object_new (TD_TYPE_PROGRESS_PAGE, NULL);
  TdCompletenessView *view;
  TdCompleteness *c;
  GtkStack *stack;
  GtkDropDown *filter;

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 760);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  td_progress_page_set_database (page, db);
  wait_loaded (page);

  adw_toggle_group_set_active_name (ADW_TOGGLE_GROUP (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE,
                                                                                     "kind_group")), "submissions");
  stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE, "view_stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "completeness");
  view = TD_COMPLETENESS_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_PROGRESS_PAGE,
                                                              "completeness_view"));
  TD_TEST_WAIT_UNTIL (!td_completeness_view_is_loading (view) && td_completeness_view_get_completeness (view), 60);
  td_test_iterate (10);
  c = td_completeness_view_get_completeness (view);
  /* The sample: 53 units expected in the final round, 38 sent, 15 not. */
  g_assert_cmpuint (c->total.expected, ==, 53);
  g_assert_cmpuint (c->total.sent, ==, 38);
  g_assert_cmpuint (td_completeness_view_get_n_shown (view), ==, 53);
  g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                                            TD_TYPE_COMPLETENESS_VIEW,
                                                                                            "summary_label"))),
                            "38 of 53 units sent"));
  filter = GTK_DROP_DOWN (gtk_widget_get_template_child (GTK_WIDGET (view), TD_TYPE_COMPLETENESS_VIEW, "filter_dropdown"));
  gtk_drop_down_set_selected (filter, 1);   /* not sent */
  g_assert_cmpuint (td_completeness_view_get_n_shown (view), ==, 15);
  td_test_iterate (20);
  td_test_shot (window, "submissions-1000");

  /* The board moves the deadline: a date that is not one is refused, said, and changes nothing. */
  {
    g_autofree char *before = td_test_dump (db);
    g_autofree char *after = NULL;
    AdwDialog *dialog;

    g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (view), TD_TYPE_COMPLETENESS_VIEW, "deadlines_button"),
                           "clicked");
    td_test_iterate (20);
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    td_test_shot (window, "submissions-deadlines");
    set_entry (dialog, "Self-assessments due", "31/09/2026");
    set_entry (dialog, "Reason", "Họp sớm");
    g_signal_emit_by_name (dialog, "response", "save");
    adw_dialog_force_close (dialog);
    td_test_iterate (20);
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "31/09/2026"));
    adw_dialog_force_close (dialog);
    td_test_iterate (10);
    after = td_test_dump (db);
    g_assert_cmpstr (before, ==, after);

    /* Three days of grace, with a reason: counted again at once. */
    g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (view), TD_TYPE_COMPLETENESS_VIEW, "deadlines_button"),
                           "clicked");
    td_test_iterate (20);
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
    for (GtkWidget *w = gtk_widget_get_first_child (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog))); w;
         w = gtk_widget_get_next_sibling (w))
      if (ADW_IS_SPIN_ROW (w))
        adw_spin_row_set_value (ADW_SPIN_ROW (w), 3);
    set_entry (dialog, "Reason", "Hệ thống gián đoạn");
    g_signal_emit_by_name (dialog, "response", "save");
    adw_dialog_force_close (dialog);
    td_test_iterate (10);
    TD_TEST_WAIT_UNTIL (!td_completeness_view_is_loading (view), 60);
    g_assert_cmpstr (td_completeness_view_get_completeness (view)->closes_on, ==, "2026-10-03");
  }

  /* Half a laptop screen: the same rows, the bars still drawn at the text's size. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 760);
  td_test_iterate (30);
  g_assert_cmpuint (td_completeness_view_get_n_shown (view), ==, 15);
  td_test_shot (window, "submissions-360");
  /* The deadlines at that width too. */
  {
    AdwDialog *dialog;

    g_signal_emit_by_name (gtk_widget_get_template_child (GTK_WIDGET (view), TD_TYPE_COMPLETENESS_VIEW, "deadlines_button"),
                           "clicked");
    td_test_iterate (30);
    dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    td_test_shot (window, "submissions-deadlines-360");
    adw_dialog_force_close (dialog);
    td_test_iterate (10);
  }

  /* A kind as the scope counts that kind. */
  td_progress_page_select (page, 1, 2);     /* communes */
  wait_loaded (page);
  TD_TEST_WAIT_UNTIL (!td_completeness_view_is_loading (view), 60);
  g_assert_cmpuint (td_completeness_view_get_completeness (view)->total.expected, ==, 16);

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/progress/page", test_progress_page);
  g_test_add_func ("/progress/submissions", test_submissions);
  return g_test_run ();
}
