/* test-window.c: the main window opens, shows each area, remembers it, and goes away cleanly. */
#include <adwaita.h>

#include "td-assessment-page-private.h"
#include "td-progress-page.h"
#include "td-register-import.h"
#include "td-register.h"
#include "td-setup.h"
#include "td-test-util.h"
#include "td-test-gtk.h"
#include "td-register-import-dialog.h"
#include "td-units-page.h"
#include "td-welcome-page.h"
#include "td-window.h"
#include "td-nomination-dialog.h"

static GtkWidget *
child (TdWindow *window, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_WINDOW, name));
}

static gboolean
area_row_visible (TdWindow *window, const char *area)
{
  for (GtkWidget *row = gtk_widget_get_first_child (child (window, "area_list")); row; row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), area) == 0)
      return gtk_widget_get_visible (row);
  g_assert_not_reached ();
}

/* The first run, for each of the three choices: nothing is reachable before one is made, and
 * each ends in a usable window.  The commune's installation is made from a setup file the
 * board wrote; it edits that commune only and shows none of the board's actions, and what its
 * clerk types is saved. */
static void
test_first_run (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *board_path = g_build_filename (dir, "board.db", NULL);
  g_autofree char *unit_path = g_build_filename (dir, "unit.db", NULL);
  g_autofree char *setup_path = g_build_filename (dir, "X-A.thidua-setup", NULL);
  g_autofree char *own = NULL;
  g_autoptr(GError) error = NULL;
  TdWindow *window;
  TdAssessmentPage *page;
  TdWelcomePage *welcome;

  /* The board. */
  window = td_window_new (NULL, NULL, NULL);
  td_window_show_welcome (window, board_path);
  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_cmpstr (td_window_get_area (window), ==, "welcome");
  g_assert_false (gtk_widget_get_sensitive (child (window, "area_list")));
  g_assert_false (g_file_test (board_path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (child (window, "welcome_page"), "welcome.board", NULL));
  td_test_iterate (50);
  g_assert_nonnull (td_window_get_database (window));
  g_assert_true (gtk_widget_get_sensitive (child (window, "area_list")));
  page = TD_ASSESSMENT_PAGE (td_window_get_page (window, TD_AREA_SELF_ASSESSMENT));
  td_window_set_area (window, TD_AREA_SELF_ASSESSMENT);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->form_stack), ==, "empty");
  g_assert_true (area_row_visible (window, TD_AREA_AWARDS));
  /* The other areas say what to do too, never a picker of no units with live buttons. */
  {
    const char *areas[] = { TD_AREA_PROGRESS, TD_AREA_AWARDS, TD_AREA_EVIDENCE };
    for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
      {
        td_window_set_area (window, areas[i]);
        g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child (window, "area_stack"))), ==, "no-units");
      }
  }
  {
    g_autoptr(TdUnitRecord) district = td_unit_record_new ();
    g_autoptr(TdUnitRecord) r = td_unit_record_new ();

    /* The commune under a unit listed before it: the setup file carries both, and the clerk's
     * form is the commune's whatever unit comes first or was chosen last. */
    district->code = g_strdup ("A-HUYEN");
    district->name = g_strdup ("Huyện A");
    district->kind = TD_UNIT_KIND_DEPARTMENT;
    g_assert_true (td_register_save (td_window_get_database (window), district, TRUE, &error));
    r->code = g_strdup ("X-A");
    r->name = g_strdup ("Xã Á");
    r->parent_code = g_strdup ("A-HUYEN");
    g_assert_true (td_register_save (td_window_get_database (window), r, TRUE, &error));
    g_assert_true (td_setup_export (td_window_get_database (window), "X-A", setup_path, &error));
    g_assert_no_error (error);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);

  /* The sample province, made on a worker beside the user's file and kept apart from it. */
  {
    g_autofree char *sample_path = g_build_filename (dir, "demo.db", NULL);
    g_autofree char *mine = g_build_filename (dir, "mine.db", NULL);

    window = td_window_new (NULL, NULL, NULL);
    td_window_show_welcome (window, mine);
    gtk_window_present (GTK_WINDOW (window));
    td_test_iterate (20);
    g_assert_true (gtk_widget_activate_action (child (window, "welcome_page"), "welcome.sample", NULL));
    for (int i = 0; i < 6000 && td_window_get_database (window) == NULL; i++)
      td_test_iterate (20);
    g_assert_nonnull (td_window_get_database (window));
    g_assert_true (td_database_is_demo (td_window_get_database (window)));
    g_assert_cmpstr (td_database_get_path (td_window_get_database (window)), ==, sample_path);
    g_assert_false (g_file_test (mine, G_FILE_TEST_EXISTS));
    gtk_window_destroy (GTK_WINDOW (window));
    td_test_iterate (20);
  }

  /* The commune, from the board's file. */
  window = td_window_new (NULL, NULL, NULL);
  td_window_show_welcome (window, unit_path);
  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (50);
  welcome = TD_WELCOME_PAGE (child (window, "welcome_page"));
  {
    g_autoptr(GFile) file = g_file_new_for_path (setup_path);
    td_welcome_page_open_setup_file (welcome, file, NULL);
  }
  td_test_iterate (50);
  g_assert_nonnull (td_window_get_database (window));
  g_assert_cmpint (td_database_get_installation (td_window_get_database (window), &own), ==, TD_INSTALLATION_UNIT);
  g_assert_cmpstr (own, ==, "X-A");
  page = TD_ASSESSMENT_PAGE (td_window_get_page (window, TD_AREA_SELF_ASSESSMENT));
  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_SELF_ASSESSMENT);
  g_assert_cmpstr (td_unit_get_code (page->unit), ==, "X-A");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->form_stack), ==, "form");
  /* None of the board's actions. */
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (page->unit_dropdown)));
  g_assert_false (gtk_widget_get_visible (page->import_button));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "assessment.import", NULL) &&
                  gtk_widget_get_visible (page->import_button));
  /* A commune gives its own Giấy khen: the awards area is there, the board's review is not. */
  g_assert_true (area_row_visible (window, TD_AREA_AWARDS));
  g_assert_false (area_row_visible (window, TD_AREA_EVIDENCE));
  td_window_set_area (window, TD_AREA_EVIDENCE);
  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_SELF_ASSESSMENT);
  /* What the clerk types is saved. */
  {
    TdValue v = { .has_numerator = TRUE, .numerator = 8, .has_denominator = TRUE, .denominator = 8 };
    g_autoptr(GListModel) targets = td_catalog_list_targets (td_window_get_database (window), &error);
    g_autoptr(TdTarget) first = g_list_model_get_item (targets, 0);

    g_assert_true (td_assessment_page_ensure (page, &error));
    g_assert_true (td_assessment_set_value (td_window_get_database (window), td_assessment_page_get_assessment_id (page), first, &v, &error));
    g_assert_no_error (error);
  }
  /* Its progress is its own, the draft included, with no other scope to choose: the whole
   * province of a commune's installation is two units without a figure. */
  {
    TdProgressPage *progress = TD_PROGRESS_PAGE (td_window_get_page (window, TD_AREA_PROGRESS));
    GtkWidget *scope = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (progress), TD_TYPE_PROGRESS_PAGE, "scope_dropdown"));
    GtkLabel *met = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (progress), TD_TYPE_PROGRESS_PAGE, "met_label"));
    GtkLabel *submitted = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (progress), TD_TYPE_PROGRESS_PAGE, "submitted_label"));

    td_window_set_area (window, TD_AREA_PROGRESS);
    for (int i = 0; i < 500 && (td_progress_page_is_loading (progress) || *gtk_label_get_label (met) == 0); i++)
      td_test_iterate (10);
    g_assert_false (gtk_widget_get_visible (scope));
    g_assert_true (g_str_has_prefix (gtk_label_get_label (met), "1 of "));
    g_assert_cmpstr (gtk_label_get_label (submitted), ==, "Not submitted yet");
  }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  td_test_cleanup_dir (dir);
}

static GtkWidget *
visible_page (TdWindow *window)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_WINDOW, "area_stack"));
  return gtk_stack_get_visible_child (stack);
}

static void
test_window_areas (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "window.db");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  g_autoptr(GError) error = NULL;
  const char *areas[] = { TD_AREA_PROGRESS, TD_AREA_AWARDS, TD_AREA_EVIDENCE, TD_AREA_SELF_ASSESSMENT };
  AdwBanner *banner;
  TdWindow *window;

  g_assert_true (td_demo_populate (db, &error));
  window = td_window_new (NULL, db, NULL);
  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (100);

  banner = ADW_BANNER (gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_WINDOW, "demo_banner"));
  g_assert_true (adw_banner_get_revealed (banner));

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autofree char *remembered = NULL;

      td_window_set_area (window, areas[i]);
      td_test_iterate (20);
      g_assert_cmpstr (td_window_get_area (window), ==, areas[i]);
      g_assert_true (gtk_widget_get_mapped (visible_page (window)));
      remembered = g_settings_get_string (settings, "last-area");
      g_assert_cmpstr (remembered, ==, areas[i]);
    }

  /* Activating a sidebar row, as a click or Enter does, shows its area. */
  {
    GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_WINDOW, "area_list"));
    g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
    g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_PROGRESS);
  }

  /* The keyboard way: Alt+3 is the third area. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.area", "s", TD_AREA_AWARDS);
  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_AWARDS);

  /* Ctrl+Shift+N from another area: the Awards area and its new nomination dialog. */
  td_window_set_area (window, TD_AREA_EVIDENCE);
  td_test_iterate (20);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-nomination", NULL);
  td_test_iterate (20);
  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_AWARDS);
  g_assert_true (TD_IS_NOMINATION_DIALOG (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window))));
  adw_dialog_force_close (adw_application_window_get_visible_dialog (ADW_APPLICATION_WINDOW (window)));
  td_test_iterate (20);

  {
    gpointer weak = window;

    g_object_add_weak_pointer (G_OBJECT (window), &weak);
    gtk_window_destroy (GTK_WINDOW (window));
    td_test_iterate (20);
    g_assert_null (weak);
  }
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_window_restores_area (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "restore.db");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  AdwBanner *banner;
  TdWindow *window;

  g_settings_set_string (settings, "last-area", TD_AREA_EVIDENCE);
  window = td_window_new (NULL, db, NULL);
  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_EVIDENCE);
  /* Real data: no sample banner. */
  banner = ADW_BANNER (gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_WINDOW, "demo_banner"));
  g_assert_false (adw_banner_get_revealed (banner));

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_window_without_database (void)
{
  g_autoptr(GError) open_error = g_error_new_literal (TD_DATABASE_ERROR, TD_DATABASE_ERROR_TOO_NEW,
                                                      "written by a newer version");
  TdWindow *window = td_window_new (NULL, NULL, open_error);
  AdwStatusPage *page;

  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (50);
  page = ADW_STATUS_PAGE (visible_page (window));
  g_assert_cmpstr (adw_status_page_get_description (page), ==, "written by a newer version");
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
}

static GtkEditable *
editor_entry (AdwDialog *dialog, guint index)
{
  /* As a person finds them: by the titles the fields show. */
  return GTK_EDITABLE (td_test_find_row_titled (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog)),
                                                index == 0 ? "Code" : "Name"));
}

/* The board's register page: the tree, the search, a unit added through the dialog (refused in
 * place first, with what was typed kept), and the import preview that will not import a sheet
 * with a refused row. */
/* Whether a label under @root starts with @text. */
static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), text))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

/* The first widget under @root, depth first, with the style class @name. */
static GtkWidget *
first_with_class (GtkWidget  *root,
                  const char *name)
{
  if (gtk_widget_has_css_class (root, name))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = first_with_class (c, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_units_page (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "units.db");
  g_autofree char *csv = g_build_filename (dir, "dk.csv", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  TdUnitsPage *page;
  AdwDialog *dialog;

  /* An empty register says what to do, not that the search found nothing. */
  {
    TdUnitsPage *empty = g_object_ref_sink (td_units_page_new (db));

    g_assert_true (has_label (GTK_WIDGET (empty), "No units yet"));
    g_assert_false (has_label (GTK_WIDGET (empty), "No unit matches"));
    g_object_unref (empty);
  }
  g_assert_true (g_file_set_contents (csv, "Mã đơn vị,Tên đơn vị,Loại hình,Đơn vị cấp trên\n"
                                           "X-TIENDU,Xã Tiên Du,xã,\nT-1,Tổ CNSCĐ thôn Đông,Tổ CNSCĐ,X-TIENDU\n", -1, NULL));
  {
    g_autoptr(TdRegisterPlan) plan = td_register_plan (db, csv, NULL, &error);
    g_assert_true (td_register_apply (db, plan, &error));
  }
  page = td_units_page_new (db);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 700);
  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_cmpuint (td_units_page_get_n_shown (page), ==, 2);

  /* Add: no name first, refused in the dialog; then with one. */
  dialog = td_units_page_edit (page, NULL);
  td_test_iterate (20);
  gtk_editable_set_text (editor_entry (dialog, 0), "X-MOI");
  g_signal_emit_by_name (dialog, "response", "save");
  td_test_iterate (20);
  {
    g_autoptr(TdUnitRecord) none = td_register_get (db, "X-MOI", NULL);
    g_assert_null (none);
  }
  g_assert_cmpstr (gtk_editable_get_text (editor_entry (dialog, 0)), ==, "X-MOI");
  gtk_editable_set_text (editor_entry (dialog, 1), "Xã Mới");
  g_signal_emit_by_name (dialog, "response", "save");
  td_test_iterate (20);
  {
    g_autoptr(TdUnitRecord) added = td_register_get (db, "X-MOI", &error);
    g_assert_no_error (error);
    g_assert_cmpstr (added->name, ==, "Xã Mới");
  }
  adw_dialog_force_close (dialog);
  g_assert_cmpuint (td_units_page_get_n_shown (page), ==, 3);

  /* Search, without accents: the commune and, under it, nothing else. */
  td_units_page_set_search (page, "tien du");
  g_assert_cmpuint (td_units_page_get_n_shown (page), ==, 1);
  td_units_page_set_search (page, "không có đơn vị này");
  g_assert_cmpuint (td_units_page_get_n_shown (page), ==, 0);
  g_assert_true (has_label (GTK_WIDGET (page), "No unit matches the search."));
  td_units_page_set_search (page, "");
  g_assert_cmpuint (td_units_page_get_n_shown (page), ==, 3);

  /* A kind column under a header nobody guesses: every row refused until the user says which
   * column it is, then the import can be confirmed. */
  g_assert_true (g_file_set_contents (csv, "Mã đơn vị,Tên đơn vị,Phân nhóm\nX-BA,Xã Ba,xã\n", -1, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    AdwComboRow *kind;

    dialog = td_units_page_preview_import (page, file);
    g_assert_true (TD_IS_REGISTER_IMPORT_DIALOG (dialog));
    g_assert_false (td_register_import_dialog_can_import (TD_REGISTER_IMPORT_DIALOG (dialog)));
    kind = td_register_import_dialog_get_column (TD_REGISTER_IMPORT_DIALOG (dialog), TD_REGISTER_COLUMN_KIND);
    g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 0);
    adw_combo_row_set_selected (kind, 3);
    g_assert_true (td_register_import_dialog_can_import (TD_REGISTER_IMPORT_DIALOG (dialog)));
    td_register_import_dialog_import (TD_REGISTER_IMPORT_DIALOG (dialog));
    td_test_iterate (20);
    {
      g_autoptr(TdUnitRecord) imported = td_register_get (db, "X-BA", NULL);
      g_assert_nonnull (imported);
    }
    /* Import closed the dialog. */
    g_assert_null (adw_window_get_visible_dialog (ADW_WINDOW (window)));

    /* The same sheet again: nothing to import, and the dialog says so beside its button. */
    dialog = td_units_page_preview_import (page, file);
    kind = td_register_import_dialog_get_column (TD_REGISTER_IMPORT_DIALOG (dialog), TD_REGISTER_COLUMN_KIND);
    adw_combo_row_set_selected (kind, 3);
    g_assert_false (td_register_import_dialog_can_import (TD_REGISTER_IMPORT_DIALOG (dialog)));
    g_assert_nonnull (strstr (td_register_import_dialog_get_summary (TD_REGISTER_IMPORT_DIALOG (dialog)),
                              "nothing to import"));
    adw_dialog_force_close (dialog);
  }

  /* The window's way: the sheet is read on a worker, the preview comes when it is read; a file
   * that is no spreadsheet says so, and nothing changes. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    g_autofree char *junk = g_build_filename (dir, "khong-phai.xlsx", NULL);
    g_autoptr(GFile) junk_file = g_file_new_for_path (junk);
    AdwDialog *shown;

    td_units_page_import_file (page, file);
    g_assert_true (td_units_page_is_reading (page));
    TD_TEST_WAIT_UNTIL (!td_units_page_is_reading (page), 30);
    td_test_iterate (10);
    shown = adw_window_get_visible_dialog (ADW_WINDOW (window));
    g_assert_true (TD_IS_REGISTER_IMPORT_DIALOG (shown));
    adw_dialog_force_close (shown);
    td_test_iterate (10);

    g_assert_true (g_file_set_contents (junk, "PK\x03\x04 không phải bảng tính", -1, NULL));
    td_units_page_import_file (page, junk_file);
    TD_TEST_WAIT_UNTIL (!td_units_page_is_reading (page), 30);
    td_test_iterate (10);
    shown = adw_window_get_visible_dialog (ADW_WINDOW (window));
    g_assert_true (ADW_IS_ALERT_DIALOG (shown));
    g_assert_false (adw_alert_dialog_has_response (ADW_ALERT_DIALOG (shown), "import"));
    adw_dialog_force_close (shown);
    td_test_iterate (10);
  }

  /* An import preview whose sheet has a refused row cannot be confirmed. */
  g_assert_true (g_file_set_contents (csv, "Mã đơn vị,Tên đơn vị,Loại hình,Đơn vị cấp trên\n"
                                           "X-MOT,Xã Một,xã,\nX-HAI,Xã Hai,xã,\n"
                                           "X-KHAC,Xã Khác,xã,X-KHONGCO\n", -1, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (csv);
    GtkWidget *refused;

    dialog = td_units_page_preview_import (page, file);
    g_assert_nonnull (dialog);
    g_assert_false (td_register_import_dialog_can_import (TD_REGISTER_IMPORT_DIALOG (dialog)));
    /* Why Import waits is said beside it, and the refused row (the sheet's last) comes first. */
    g_assert_nonnull (strstr (td_register_import_dialog_get_summary (TD_REGISTER_IMPORT_DIALOG (dialog)),
                              "Nothing is imported while a row is refused"));
    refused = first_with_class (GTK_WIDGET (td_register_import_dialog_get_rows (TD_REGISTER_IMPORT_DIALOG (dialog))),
                                "error");
    g_assert_true (ADW_IS_ACTION_ROW (refused));
    g_assert_null (gtk_widget_get_prev_sibling (refused));
    g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (refused)), "X-KHAC"));
    adw_dialog_force_close (dialog);
  }

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
  g_test_add_func ("/window/areas", test_window_areas);
  g_test_add_func ("/window/first-run", test_first_run);
  g_test_add_func ("/window/units-page", test_units_page);
  g_test_add_func ("/window/restores-area", test_window_restores_area);
  g_test_add_func ("/window/without-database", test_window_without_database);
  return g_test_run ();
}
