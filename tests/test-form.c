/* test-form.c: filling the self-assessment through its widgets: autosave, reopening, errors in
 * place, and a refused submission naming the rows. */
#include <adwaita.h>

#include "td-assessment-page-private.h"
#include "td-import-dialog.h"
#include "td-package.h"
#include "td-test-gtk.h"

static TdTargetRow *
row_for (TdAssessmentPage *page, guint number)
{
  for (guint i = 0; i < page->rows->len; i++)
    if (td_target_get_number (td_target_row_get_target (page->rows->pdata[i])) == number)
      return page->rows->pdata[i];
  g_assert_not_reached ();
}

static GtkEditable *
entry (TdTargetRow *row, const char *name)
{
  return GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (row), TD_TYPE_TARGET_ROW, name));
}

/* @page in a window of @width × @height (0: its natural size), opening on @unit's @round (NULL:
 * the unit chosen last), as a clerk opens it. */
static GtkWidget *
show_form (TdAssessmentPage *page,
           TdDatabase       *db,
           const char       *unit,
           int               round,
           int               width,
           int               height)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  GtkWidget *window = adw_window_new ();

  if (unit != NULL)
    {
      g_settings_set_string (settings, "last-unit", unit);
      g_settings_set_int (settings, "last-round", round);
    }
  if (width > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  td_assessment_page_set_database (page, db);
  return window;
}

/* Types into an entry as a person would: one character at a time. */
static void
type_text (GtkEditable *editable, const char *text)
{
  int pos;

  gtk_editable_set_text (editable, "");
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      char ch[8] = { 0 };
      g_unichar_to_utf8 (g_utf8_get_char (p), ch);
      pos = -1;
      gtk_editable_insert_text (editable, ch, -1, &pos);
    }
}

/* A database without units (a board before its register is imported): the page says what to
 * do, no form is live, and a save asked for anyway fails with a message instead of crashing
 * (it dereferenced the missing unit). */
static void
test_empty_database (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "empty.db");
  g_autoptr(GError) error = NULL;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  GtkWidget *window = show_form (page, db, NULL, 0, 900, 700);

  td_test_iterate (50);
  g_assert_null (page->unit);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page->form_stack), ==, "empty");
  /* A way out, not a command to type: the button that opens Units. */
  g_assert_nonnull (td_test_find_actionable (gtk_stack_get_visible_child (page->form_stack), "app.units", NULL));
  g_assert_false (td_assessment_page_ensure (page, &error));
  g_assert_error (error, TD_DATABASE_ERROR, TD_DATABASE_ERROR_NOT_FOUND);
  g_assert_true (td_assessment_page_flush (page));

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_fill_save_reopen (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "form.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-F", "Xã Phong", TD_UNIT_KIND_COMMUNE, NULL, &error);
  GtkWidget *window;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  TdAssessmentPage *again;
  GtkLabel *error_label;
  gpointer weak;

  window = show_form (page, db, "X-F", 2, 900, 700);
  td_test_iterate (50);
  g_assert_cmpstr (td_unit_get_code (page->unit), ==, "X-F");
  g_assert_cmpint (td_assessment_page_get_assessment_id (page), ==, 0);   /* nothing stored until something is typed */

  /* Target 4 ("trên 90%"): 925 of 1.000 → 92,5 %, met. */
  type_text (entry (row_for (page, 4), "numerator_entry"), "925");
  type_text (entry (row_for (page, 4), "denominator_entry"), "1.000");
  g_assert_cmpint (td_target_row_get_outcome (row_for (page, 4), NULL), ==, TD_OUTCOME_MET);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row_for (page, 4)), TD_TYPE_TARGET_ROW, "value_label"))),
                   ==, "92,5\xc2\xa0% (threshold > 90\xc2\xa0%)");

  /* Target 7: a numerator above its denominator is shown at once, in place. */
  type_text (entry (row_for (page, 7), "numerator_entry"), "51");
  type_text (entry (row_for (page, 7), "denominator_entry"), "50");
  error_label = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row_for (page, 7)), TD_TYPE_TARGET_ROW, "error_label"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_label (error_label), "Target 7"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry (row_for (page, 7), "numerator_entry")), "error"));

  /* Target 9: text that is not a number. */
  type_text (entry (row_for (page, 9), "numerator_entry"), "12,5");
  g_assert_cmpint (td_target_row_get_outcome (row_for (page, 9), NULL), ==, TD_OUTCOME_INVALID);

  /* The form offers only what the campaign asks a commune for: not target 2 (provincial staff)
   * nor 19 (the province's index). */
  g_assert_cmpuint (page->rows->len, ==, 17);
  for (guint i = 0; i < page->rows->len; i++)
    {
      guint n = td_target_get_number (td_target_row_get_target (page->rows->pdata[i]));
      g_assert_true (n != 2 && n != 19);
    }

  /* Target 18 marked not applicable with a reason. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (row_for (page, 18)), TD_TYPE_TARGET_ROW, "na_check")), TRUE);
  type_text (entry (row_for (page, 18), "na_reason_entry"), "Xã chưa vận hành hệ thống thông tin cấp độ");
  type_text (entry (row_for (page, 4), "note_entry"), "Theo báo cáo quý III");

  /* Target 17 counts 2.000 adults where target 4 counts 1.000: the campaign's rule. */
  type_text (entry (row_for (page, 17), "numerator_entry"), "500");
  type_text (entry (row_for (page, 17), "denominator_entry"), "2.000");

  /* Autosave within the delay, without anything else happening. */
  td_test_iterate (700);
  g_assert_cmpint (td_assessment_page_get_assessment_id (page), >, 0);
  g_assert_false (td_assessment_form_has_changes (page->form));
  g_assert_nonnull (strstr (gtk_label_get_label (page->saved_label), "Saved at"));

  /* Once saved, the broken rule is shown under target 17, as an error, with both figures. */
  {
    GtkWidget *rule = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (row_for (page, 17)), TD_TYPE_TARGET_ROW, "rule_label");
    GtkWidget *rule4 = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (row_for (page, 4)), TD_TYPE_TARGET_ROW, "rule_label");

    g_assert_true (gtk_widget_get_visible (rule));
    g_assert_true (gtk_widget_has_css_class (rule, "error"));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (rule)), "2.000"));
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (rule)), "1.000"));
    g_assert_false (gtk_widget_get_visible (rule4));
  }

  /* Submitting is refused, and says which rows. */
  {
    g_autoptr(GPtrArray) problems = td_assessment_list_problems (db, td_assessment_page_get_assessment_id (page), page->targets, &error);
    g_assert_false (td_assessment_set_status (db, td_assessment_page_get_assessment_id (page), TD_ASSESSMENT_SUBMITTED, NULL, page->targets, &error));
    g_assert_error (error, TD_ASSESSMENT_ERROR, TD_ASSESSMENT_ERROR_NOT_READY);
    g_assert_nonnull (strstr (error->message, "Target 7:"));
    g_assert_nonnull (strstr (error->message, "Target 9:"));
    g_assert_nonnull (strstr (error->message, "Target 17:"));
    g_assert_null (strstr (error->message, "Target 4:"));
    g_assert_null (strstr (error->message, "Target 18:"));
    g_assert_null (strstr (error->message, "Target 2:"));
    g_clear_error (&error);
  }
  /* Through the button: a dialog naming the rows, and the status unchanged. */
  gtk_widget_activate_action (GTK_WIDGET (page), "assessment.submit", NULL);
  td_test_iterate (100);
  {
    g_autoptr(TdAssessmentInfo) info = td_assessment_get_info (db, td_assessment_page_get_assessment_id (page), &error);
    AdwDialog *dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));

    g_assert_cmpint (info->status, ==, TD_ASSESSMENT_DRAFT);
    g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
    g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Not Ready to Submit");
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "Target 7:"));
    g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "Target 9:"));
    adw_dialog_force_close (dialog);
    td_test_iterate (50);
  }

  /* A last keystroke is written when the window closes, not lost. */
  type_text (entry (row_for (page, 1), "numerator_entry"), "30");
  weak = page;
  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_null (weak);

  /* Reopened: everything typed is there. */
  again = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  window = show_form (again, db, NULL, 0, 0, 0);
  td_test_iterate (50);
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (again, 4), "numerator_entry")), ==, "925");
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (again, 4), "denominator_entry")), ==, "1.000");
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (again, 4), "note_entry")), ==, "Theo báo cáo quý III");
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (again, 7), "numerator_entry")), ==, "51");
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (again, 1), "numerator_entry")), ==, "30");
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (again, 18), "na_reason_entry")), ==, "Xã chưa vận hành hệ thống thông tin cấp độ");
  /* What was not a number was stored as "not entered", never as a wrong number. */
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (again, 9), "numerator_entry")), ==, "");
  g_assert_cmpint (td_target_row_get_outcome (row_for (again, 4), NULL), ==, TD_OUTCOME_MET);

  weak = again;
  g_object_add_weak_pointer (G_OBJECT (again), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_null (weak);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_submitted_is_read_only (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "readonly.db");
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);

  window = show_form (page, db, "P-KINHBAC", 2, 0, 0);   /* appraised in the sample */
  td_test_iterate (50);

  g_assert_false (gtk_editable_get_editable (entry (row_for (page, 4), "numerator_entry")));
  /* What goes to the province cannot be changed under it: no Remove, no Replace…. */
  g_assert_null (td_test_find_actionable (GTK_WIDGET (page), "assessment.remove-evidence", NULL));
  g_assert_null (td_test_find_actionable (GTK_WIDGET (page), "assessment.replace-evidence", NULL));
  g_assert_false (gtk_widget_get_visible (page->submit_button));
  g_assert_true (gtk_widget_get_visible (page->export_button));
  /* At the board the file goes back to the unit, and the button says so. */
  g_assert_cmpstr (gtk_widget_get_tooltip_text (page->export_button), ==, "Export for the Unit…");
  /* Nothing greyed out without a word: the banner says why and what to do. */
  g_assert_true (adw_banner_get_revealed (page->returned_banner));
  g_assert_nonnull (strstr (adw_banner_get_title (page->returned_banner), "read-only"));
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* Withdrawing a submission is asked first and says what follows; Cancel changes nothing. */
static void
test_withdraw_asks (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "withdraw.db");
  g_autoptr(GError) error = NULL;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  GtkWidget *window;
  AdwDialog *dialog;

  window = show_form (page, db, "P-BACGIANG", 2, 0, 0);   /* submitted in the sample */
  td_test_iterate (50);
  for (int answer = 0; answer < 2; answer++)
    {
      g_autoptr(TdAssessmentInfo) info = NULL;

      gtk_widget_activate_action (GTK_WIDGET (page), "assessment.withdraw", NULL);
      td_test_iterate (20);
      dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
      g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
      g_assert_cmpstr (adw_alert_dialog_get_heading (ADW_ALERT_DIALOG (dialog)), ==, "Withdraw the Submission?");
      g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "new revision"));
      g_signal_emit_by_name (dialog, "response", answer == 0 ? "cancel" : "withdraw");
      adw_dialog_force_close (dialog);
      td_test_iterate (20);
      info = td_assessment_get_info (db, td_assessment_page_get_assessment_id (page), &error);
      g_assert_cmpint (info->status, ==, answer == 0 ? TD_ASSESSMENT_SUBMITTED : TD_ASSESSMENT_DRAFT);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* What is stored cannot be read (a damaged file, here a table renamed away): the form says so,
 * takes nothing typed, and what is stored is still there once the file is mended. */
/* The board answers a received self-assessment where it reads it: the banner's Appraise…
 * asks for the opinion, or the reason; a return needs its reason; the verdict is recorded. */
static void
test_board_appraises (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "appraise.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = NULL;
  g_autoptr(TdRound) round = NULL;
  g_autoptr(TdAssessmentInfo) info = NULL;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  AdwDialog *dialog;
  GtkWidget *window;

  window = show_form (page, db, "STC", 2, 800, 600);   /* received in the sample */
  td_test_iterate (50);
  g_assert_true (adw_banner_get_revealed (page->returned_banner));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (page->returned_banner)), ==, "assessment.appraise");

  gtk_widget_activate_action (GTK_WIDGET (page), "assessment.appraise", NULL);
  td_test_iterate (10);
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  /* No reason, no return. */
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "return"));
  gtk_editable_set_text (GTK_EDITABLE (adw_alert_dialog_get_extra_child (ADW_ALERT_DIALOG (dialog))),
                         "Số liệu khớp với minh chứng");
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "return"));
  td_test_shot (window, "form-appraise");
  g_signal_emit_by_name (dialog, "response", "approve");
  adw_dialog_force_close (dialog);
  td_test_iterate (20);

  unit = td_catalog_find_unit (db, "STC", &error);
  round = td_catalog_find_round (db, 2, &error);
  info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_cmpint (info->status, ==, TD_ASSESSMENT_APPRAISED);
  g_assert_nonnull (strstr (adw_banner_get_title (page->returned_banner), "Appraised"));
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* Typing in the unit list finds a unit by any part of its name or code: "Kinh", "kinh bắc"
 * and "p-kinhbac" all find Phường Kinh Bắc. */
/* Whether a drawn label under @widget says exactly @text, and none says the folded search text. */
static gboolean
button_shows (GtkWidget  *widget,
              const char *text)
{
  gboolean shown = FALSE;

  if (GTK_IS_LABEL (widget) && gtk_widget_is_drawable (widget))
    {
      g_assert_null (strstr (gtk_label_get_label (GTK_LABEL (widget)), "phuong"));
      shown = g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), text);
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    shown |= button_shows (c, text);
  return shown;
}

static void
test_unit_search (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "search.db");
  g_autoptr(GError) error = NULL;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  GtkWidget *window;
  /* With or without diacritics, any part of the name, or the code. */
  static const char * const typed[] = { "kinh bắc", "Kinh", "p-kinhbac", "KINH BẮC", "kinh bac", "phuong kinh bac" };

  window = show_form (page, db, "X-TIENDU", 2, 800, 600);
  td_test_iterate (20);
  g_assert_true (gtk_drop_down_get_enable_search (page->unit_dropdown));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      GtkStringFilter *filter = gtk_string_filter_new (gtk_expression_ref (gtk_drop_down_get_expression (page->unit_dropdown)));
      g_autoptr(GtkFilterListModel) found = NULL;
      gboolean kinh_bac = FALSE;

      gtk_string_filter_set_match_mode (filter, gtk_drop_down_get_search_match_mode (page->unit_dropdown));
      gtk_string_filter_set_search (filter, typed[i]);
      found = gtk_filter_list_model_new (g_object_ref (gtk_drop_down_get_model (page->unit_dropdown)),
                                         GTK_FILTER (filter));
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (found)); k++)
        {
          g_autoptr(GtkStringObject) item = g_list_model_get_item (G_LIST_MODEL (found), k);
          kinh_bac |= g_str_equal (gtk_string_object_get_string (item), "Phường Kinh Bắc (P-KINHBAC)");
        }
      g_test_message ("%s: %u found", typed[i], g_list_model_get_n_items (G_LIST_MODEL (found)));
      g_assert_true (kinh_bac);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (found)), <, 10);
    }
  /* What the search matches is not what the button shows: the label alone. */
  for (guint i = 0; i < g_list_model_get_n_items (gtk_drop_down_get_model (page->unit_dropdown)); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (gtk_drop_down_get_model (page->unit_dropdown), i);

      if (g_str_equal (gtk_string_object_get_string (item), "Phường Kinh Bắc (P-KINHBAC)"))
        gtk_drop_down_set_selected (page->unit_dropdown, i);
    }
  td_test_iterate (20);
  g_assert_true (button_shows (GTK_WIDGET (page->unit_dropdown), "Phường Kinh Bắc (P-KINHBAC)"));
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_unreadable_is_read_only (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "unreadable.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-H", "Xã Hỏng", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 2, &error);
  g_autoptr(TdTarget) t1 = td_catalog_find_target (db, 1, &error);
  g_autoptr(GHashTable) stored = NULL;
  TdValue v = { .has_numerator = TRUE, .numerator = 30, .has_denominator = TRUE, .denominator = 40 };
  GtkWidget *window;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  gint64 id;

  g_assert_no_error (error);
  id = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  g_assert_true (td_assessment_set_value (db, id, t1, &v, &error));
  g_assert_true (td_database_exec (db, "ALTER TABLE assessment_value RENAME TO broken_value", &error));

  window = show_form (page, db, "X-H", 2, 0, 0);
  td_test_iterate (50);

  g_assert_nonnull (page->form);
  g_assert_cmpint (td_assessment_form_get_id (page->form), ==, id);   /* where it stands is still known */
  g_assert_false (td_assessment_page_is_editable (page));
  g_assert_false (gtk_editable_get_editable (entry (row_for (page, 1), "numerator_entry")));
  g_assert_true (adw_banner_get_revealed (page->returned_banner));
  g_assert_nonnull (strstr (adw_banner_get_title (page->returned_banner), "could not be read"));
  gtk_editable_set_text (entry (row_for (page, 1), "numerator_entry"), "1");
  g_assert_false (td_assessment_form_has_changes (page->form));
  g_assert_true (td_assessment_page_flush (page));

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_true (td_database_exec (db, "ALTER TABLE broken_value RENAME TO assessment_value", &error));
  stored = td_assessment_load_values (db, id, &error);
  g_assert_cmpint (((TdValue *) g_hash_table_lookup (stored, &(gint64) { td_target_get_id (t1) }))->numerator, ==, 30);
  g_clear_object (&t1);
  g_clear_object (&round);
  g_clear_object (&unit);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* A wrong file is taken off with the row's own Remove button, and replaced by another through
 * the same code the Replace… button's file chooser ends in; once submitted, neither is offered. */
static void
test_remove_replace_evidence (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "evidence.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-G", "Xã Gia", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 2, &error);
  g_autoptr(TdTarget) t1 = td_catalog_find_target (db, 1, &error);
  g_autoptr(GBytes) wrong = td_demo_make_pdf ("Nhầm tệp", "Không phải minh chứng", 1);
  g_autoptr(GBytes) right = td_demo_make_pdf ("Minh chứng", "Danh sách đúng", 2);
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *window;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  TdEvidenceOwner owner = { 0 };
  GtkWidget *remove, *replace;
  gint64 first;

  owner.assessment_id = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  owner.target_id = td_target_get_id (t1);
  first = td_evidence_attach (db, wrong, "nham.pdf", &owner, 0, &error);
  td_evidence_attach (db, right, "dung.pdf", &owner, 0, &error);
  g_assert_no_error (error);
  window = show_form (page, db, "X-G", 2, 900, 700);
  td_test_iterate (50);
  g_assert_cmpuint (td_target_row_get_n_evidence (row_for (page, 1)), ==, 2);
  td_test_shot (window, "form-evidence");

  /* Remove, from the keyboard as from the mouse: the button is named after the file. */
  remove = td_test_find_actionable (GTK_WIDGET (row_for (page, 1)), "assessment.remove-evidence", NULL);
  g_assert_nonnull (remove);
  g_assert_true (gtk_widget_get_focusable (remove) || gtk_widget_get_can_focus (remove));
  g_assert_cmpint (g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (remove))), ==, first);
  g_assert_true (gtk_widget_activate (remove));
  /* A button activated from the keyboard shows itself pressed for a moment before it clicks. */
  td_test_iterate (400);
  g_assert_cmpuint (td_target_row_get_n_evidence (row_for (page, 1)), ==, 1);
  list = td_evidence_list_for_assessment (db, owner.assessment_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TdEvidenceInfo *) list->pdata[0])->file_name, ==, "dung.pdf");

  /* Replace: not a PDF leaves the file; a PDF takes its place. */
  replace = td_test_find_actionable (GTK_WIDGET (row_for (page, 1)), "assessment.replace-evidence", NULL);
  g_assert_nonnull (replace);
  {
    g_autoptr(GBytes) junk = g_bytes_new_static ("not a pdf", 9);
    gint64 id = g_variant_get_int64 (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (replace)));

    td_assessment_page_replace_evidence (page, id, junk, "ghi-chu.txt");
    td_test_iterate (20);
    g_assert_cmpuint (td_target_row_get_n_evidence (row_for (page, 1)), ==, 1);
    td_assessment_page_replace_evidence (page, id, wrong, "bien-ban.pdf");
    td_test_iterate (20);
  }
  g_clear_pointer (&list, g_ptr_array_unref);
  list = td_evidence_list_for_assessment (db, owner.assessment_id, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((TdEvidenceInfo *) list->pdata[0])->file_name, ==, "bien-ban.pdf");
  g_assert_cmpuint (td_target_row_get_n_evidence (row_for (page, 1)), ==, 1);

  /* Attaching, as the file chooser or a drop does: checked and stored on a worker, the form
   * answering meanwhile, then shown. */
  {
    g_autofree char *path = g_build_filename (dir, "phu-luc.pdf", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
    g_autoptr(GBytes) annex = td_demo_make_pdf ("Phụ lục", "Bảng số liệu", 3);

    g_assert_true (g_file_set_contents (path, g_bytes_get_data (annex, NULL), (gssize) g_bytes_get_size (annex), NULL));
    g_list_store_append (files, file);
    td_assessment_page_attach_files (page, G_LIST_MODEL (files), td_target_get_id (t1), 0);
    for (int i = 0; i < 500 && td_target_row_get_n_evidence (row_for (page, 1)) < 2; i++)
      td_test_iterate (20);
    g_assert_cmpuint (td_target_row_get_n_evidence (row_for (page, 1)), ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* The field typed in sits at the bottom edge of the form: the message that appears under it is
 * scrolled into view with it, not left below the edge. */
static void
test_message_stays_in_view (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "view.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-V", "Xã Vân", TD_UNIT_KIND_COMMUNE, NULL, &error);
  GtkWidget *window;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  GtkAdjustment *adj;
  GtkWidget *field, *message;
  graphene_rect_t bounds;
  double value, viewport;

  window = show_form (page, db, "X-V", 2, 900, 520);
  td_test_iterate (200);

  field = GTK_WIDGET (entry (row_for (page, 7), "numerator_entry"));
  adj = gtk_scrolled_window_get_vadjustment (page->scroller);
  g_assert_true (gtk_widget_compute_bounds (field, GTK_WIDGET (page->form_box), &bounds));
  /* The field's bottom a few pixels above the form's lower edge. */
  gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height + 4 - gtk_adjustment_get_page_size (adj));
  td_test_iterate (100);
  gtk_widget_grab_focus (field);
  type_text (GTK_EDITABLE (field), "abc");

  /* A frame or two later (many more under a sanitizer's slow drawing). */
  for (int i = 0; i < 200; i++)
    {
      td_test_iterate (50);
      message = td_target_row_get_message (row_for (page, 7));
      if (message != NULL && gtk_widget_compute_bounds (message, GTK_WIDGET (page->form_box), &bounds) &&
          bounds.origin.y + bounds.size.height <= gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj))
        break;
    }
  message = td_target_row_get_message (row_for (page, 7));
  g_assert_nonnull (message);
  g_assert_true (gtk_widget_compute_bounds (message, GTK_WIDGET (page->form_box), &bounds));
  value = gtk_adjustment_get_value (adj);
  viewport = gtk_adjustment_get_page_size (adj);
  g_test_message ("message at %.0f–%.0f, form shows %.0f–%.0f", bounds.origin.y, bounds.origin.y + bounds.size.height,
                  value, value + viewport);
  g_assert_cmpfloat (bounds.origin.y + bounds.size.height, <=, value + viewport);
  g_assert_true (gtk_widget_compute_bounds (field, GTK_WIDGET (page->form_box), &bounds));
  g_assert_cmpfloat (bounds.origin.y, >=, value);

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* The board's import: a good package and a bad one, checked in a worker, then imported. */
static void
test_import_dialog (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *unit_db = td_test_open_seeded (dir, "unit.db");
  TdDatabase *province = td_test_open_seeded (dir, "province.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) targets = td_catalog_list_targets (unit_db, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (unit_db, 2, &error);
  g_autoptr(TdUnit) unit = td_catalog_add_unit (unit_db, "X-I", "Xã Ích", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autoptr(TdUnit) twin = td_catalog_add_unit (province, "X-I", "Xã Ích", TD_UNIT_KIND_COMMUNE, NULL, &error);
  g_autofree char *good = g_build_filename (dir, "xa-ich.thidua", NULL);
  g_autofree char *bad = g_build_filename (dir, "khong-phai.thidua", NULL);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);
  GtkWidget *window = adw_window_new ();
  TdImportDialog *dialog;
  gint64 a = td_assessment_ensure (unit_db, td_unit_get_id (unit), td_round_get_id (round), &error);

  for (guint i = 0; i < g_list_model_get_n_items (targets); i++)
    {
      g_autoptr(TdTarget) t = g_list_model_get_item (targets, i);
      TdValue v = { .has_numerator = TRUE, .numerator = 9, .has_denominator = TRUE, .denominator = 10,
                    .has_index = td_target_get_kind (t) == TD_TARGET_KIND_INDEX, .index_value = 0.8 };
      if (v.has_index)
        v.has_numerator = v.has_denominator = FALSE;
      g_assert_true (td_assessment_set_value (unit_db, a, t, &v, &error));
    }
  g_assert_true (td_assessment_set_status (unit_db, a, TD_ASSESSMENT_SUBMITTED, NULL, targets, &error));
  g_assert_true (td_package_export (unit_db, "X-I", 2, good, &error));
  g_assert_true (g_file_set_contents (bad, "không phải tệp gói", -1, NULL));
  {
    g_autoptr(GFile) f1 = g_file_new_for_path (good);
    g_autoptr(GFile) f2 = g_file_new_for_path (bad);
    g_list_store_append (files, f1);
    g_list_store_append (files, f2);
  }

  gtk_window_present (GTK_WINDOW (window));
  dialog = td_import_dialog_new (province, G_LIST_MODEL (files), 0);
  adw_dialog_present (ADW_DIALOG (dialog), window);
  TD_TEST_WAIT_UNTIL (!td_import_dialog_is_busy (dialog), 90);
  g_assert_cmpuint (td_import_dialog_get_n_ok (dialog), ==, 1);
  g_assert_cmpint (td_assessment_lookup (province, td_unit_get_id (twin), td_round_get_id (round), &error) == NULL, ==, TRUE);

  td_import_dialog_start (dialog);
  {
    /* The bar counts the files the run handles: only the one that passed is imported. */
    GtkProgressBar *bar = GTK_PROGRESS_BAR (gtk_widget_get_template_child (GTK_WIDGET (dialog), TD_TYPE_IMPORT_DIALOG,
                                                                           "progress_bar"));
    g_assert_true (gtk_progress_bar_get_show_text (bar));
    g_assert_nonnull (g_strrstr (gtk_progress_bar_get_text (bar), " of 1 file"));
  }
  td_test_iterate (20);
  TD_TEST_WAIT_UNTIL (!td_import_dialog_is_busy (dialog), 90);
  g_assert_cmpuint (td_import_dialog_get_n_done (dialog), ==, 1);
  {
    g_autoptr(TdRound) r2 = td_catalog_find_round (province, 2, &error);
    g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (province, td_unit_get_id (twin), td_round_get_id (r2), &error);
    g_assert_nonnull (info);
    g_assert_cmpint (info->status, ==, TD_ASSESSMENT_RECEIVED);
    /* Marked as having come unsigned. */
    g_assert_cmpstr (info->received_signature, ==, "");
  }
  {
    /* And the form at the province says so. */
    TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
    GtkWidget *holder = gtk_window_new ();
    GtkLabel *status;

    gtk_window_set_child (GTK_WINDOW (holder), GTK_WIDGET (page));
    td_assessment_page_set_database (page, province);
    td_assessment_page_show_unit (page, "X-I");
    td_test_iterate (20);
    status = GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_ASSESSMENT_PAGE, "status_label"));
    g_assert_nonnull (strstr (gtk_label_get_text (status), "received unsigned"));
    gtk_window_destroy (GTK_WINDOW (holder));
  }

  adw_dialog_force_close (ADW_DIALOG (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_finalize_object (unit_db);
  g_assert_finalize_object (province);
  td_test_cleanup_dir (dir);
}

/* "Import Figures…": the spreadsheet read on a worker, the preview, nothing stored from a file
 * with a wrong row, everything stored from a good one, and the form showing it. */
static void
test_import_values (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *good = g_build_filename (dir, "good.csv", NULL);
  TdDatabase *db = td_test_open_seeded (dir, "values.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "X-G", "Xã Gia", TD_UNIT_KIND_COMMUNE, NULL, &error);
  GtkWidget *window;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);
  AdwDialog *dialog;

  g_assert_true (g_file_set_contents (bad, "1;30;31\n2;1;2\n", -1, NULL));
  g_assert_true (g_file_set_contents (good, "Chỉ tiêu;Tử số;Mẫu số\n1;30;31\n4;9.001;10.000\n", -1, NULL));
  window = show_form (page, db, "X-G", 2, 900, 700);
  td_test_iterate (50);
  g_assert_true (gtk_widget_get_visible (page->values_button));

  /* Target 2 is not a commune's: the preview names the row and offers nothing to store. */
  {
    g_autoptr(GFile) file = g_file_new_for_path (bad);
    td_assessment_page_import_values (page, file);
  }
  for (int i = 0; i < 200 && adw_window_get_visible_dialog (ADW_WINDOW (window)) == NULL; i++)
    td_test_iterate (10);
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_true (ADW_IS_ALERT_DIALOG (dialog));
  td_test_shot (window, "import-values-refused");
  g_assert_false (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "store"));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "1 row"));
  adw_dialog_close (dialog);
  td_test_iterate (50);
  g_assert_cmpint (td_assessment_page_get_assessment_id (page), ==, 0);

  {
    g_autoptr(GFile) file = g_file_new_for_path (good);
    td_assessment_page_import_values (page, file);
  }
  for (int i = 0; i < 200 && adw_window_get_visible_dialog (ADW_WINDOW (window)) == NULL; i++)
    td_test_iterate (10);
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  td_test_shot (window, "import-values");
  g_assert_true (adw_alert_dialog_get_response_enabled (ADW_ALERT_DIALOG (dialog), "store"));
  g_signal_emit_by_name (dialog, "response", "store");
  adw_dialog_close (dialog);
  td_test_iterate (50);
  g_assert_cmpint (td_assessment_page_get_assessment_id (page), >, 0);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row_for (page, 4)), TD_TYPE_TARGET_ROW, "value_label"))),
                   ==, "90,01\xc2\xa0% (threshold > 90\xc2\xa0%)");

  /* A sheet over figures already in the form says so, and Store is no longer the default. */
  g_assert_true (g_file_set_contents (good, "Chỉ tiêu;Tử số;Mẫu số\n1;29;31\n", -1, NULL));
  {
    g_autoptr(GFile) file = g_file_new_for_path (good);
    td_assessment_page_import_values (page, file);
  }
  for (int i = 0; i < 200 && adw_window_get_visible_dialog (ADW_WINDOW (window)) == NULL; i++)
    td_test_iterate (10);
  dialog = adw_window_get_visible_dialog (ADW_WINDOW (window));
  g_assert_nonnull (strstr (adw_alert_dialog_get_body (ADW_ALERT_DIALOG (dialog)), "replaces a figure already in the form"));
  g_assert_cmpstr (adw_alert_dialog_get_default_response (ADW_ALERT_DIALOG (dialog)), ==, "cancel");
  adw_dialog_close (dialog);
  td_test_iterate (50);

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* The board's own unit reports the province's index alone, and its four decimals survive being
 * shown and saved again. */
static void
test_province_index (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_seeded (dir, "dti.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(TdUnit) unit = td_catalog_add_unit (db, "UBND-TINH", "UBND tỉnh", TD_UNIT_KIND_PROVINCE, NULL, &error);
  g_autoptr(TdRound) round = td_catalog_find_round (db, 1, &error);
  g_autoptr(TdTarget) t19 = td_catalog_find_target (db, 19, &error);
  gint64 assessment = td_assessment_ensure (db, td_unit_get_id (unit), td_round_get_id (round), &error);
  TdValue v = { .has_index = TRUE, .index_value = 0.7512 };
  GtkWidget *window;
  TdAssessmentPage *page = g_object_new (TD_TYPE_ASSESSMENT_PAGE, NULL);

  g_assert_true (td_assessment_set_value (db, assessment, t19, &v, &error));
  window = show_form (page, db, "UBND-TINH", 1, 0, 0);
  td_test_iterate (50);

  g_assert_cmpuint (page->rows->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (entry (row_for (page, 19), "index_entry")), ==, "0,7512");
  /* Round 1 judges against the 2025 aim. */
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (row_for (page, 19)), TD_TYPE_TARGET_ROW, "value_label"))),
                   ==, "0,7512 (threshold > 0,7)");

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (20);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/form/fill-save-reopen", test_fill_save_reopen);
  g_test_add_func ("/form/empty-database", test_empty_database);
  g_test_add_func ("/form/submitted-is-read-only", test_submitted_is_read_only);
  g_test_add_func ("/form/withdraw-asks", test_withdraw_asks);
  g_test_add_func ("/form/unreadable-is-read-only", test_unreadable_is_read_only);
  g_test_add_func ("/form/board-appraises", test_board_appraises);
  g_test_add_func ("/form/unit-search", test_unit_search);
  g_test_add_func ("/form/remove-replace-evidence", test_remove_replace_evidence);
  g_test_add_func ("/form/message-stays-in-view", test_message_stays_in_view);
  g_test_add_func ("/form/import-dialog", test_import_dialog);
  g_test_add_func ("/form/import-values", test_import_values);
  g_test_add_func ("/form/province-index", test_province_index);
  return g_test_run ();
}
