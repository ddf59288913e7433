/* test-viewer.c: flipping through a long evidence with the keys never blocks the main loop;
 * search, damaged files and passwords in the viewer dialog; verdicts in the review area. */
#include <adwaita.h>

#include "td-evidence-page.h"
#include "td-evidence-preview.h"
#include "td-pdf-helper.h"
#include "td-pdf-reader.h"
#include "td-pdf-view.h"
#include "td-database-private.h"
#include "td-test-pdf.h"
#include "td-test-util.h"

/* The main loop's worst gap is printed, not judged: on a machine whose cores are busy with
 * other work it is the scheduler's, not ours (423 ms once under AddressSanitizer beside two CPU
 * hogs).  What would block the window, a page drawn while the main thread waits, is counted by
 * the helper itself and must stay zero.  How quick the flips are is measured by
 * bench/bench-viewer, beside poppler alone. */

/* The reader opens a document on a worker: wait until it is shown (or refused). */
static void
wait_opened (TdPdfReader *reader)
{
  TD_TEST_WAIT_UNTIL (!td_pdf_reader_is_opening (reader), 90);
  g_assert_false (td_pdf_reader_is_opening (reader));
}

static gint64 last_tick;
static gint64 worst_gap;

/* Runs as often as the main loop lets it: the gap between two runs is how long the loop was
 * busy elsewhere. */
static gboolean
watchdog_cb (gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  if (last_tick > 0)
    worst_gap = MAX (worst_gap, now - last_tick);
  last_tick = now;
  return G_SOURCE_CONTINUE;
}

static void
wait_shown (TdPdfView *view)
{
  TD_TEST_WAIT_UNTIL (td_pdf_view_is_page_shown (view), 90);
}

static void
test_flip_200_pages (void)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo dài", "Một trang trong tài liệu dài hai trăm trang.", 200);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (pdf, NULL, &error);
  GtkWidget *window = adw_window_new ();
  TdPdfView *view = TD_PDF_VIEW (td_pdf_view_new ());
  guint watchdog;
  gpointer weak = view;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  td_pdf_view_set_document (view, doc, NULL);
  td_test_iterate (50);
  wait_shown (view);
  g_assert_true (td_pdf_view_is_page_shown (view));

  watchdog = g_timeout_add_full (G_PRIORITY_HIGH, 1, watchdog_cb, NULL, NULL);
  last_tick = 0;
  worst_gap = 0;
  /* Held by this thread, as the app's main loop holds it while it runs an action: a page drawn
   * from the action itself would count as drawn on the main thread. */
  g_assert_true (g_main_context_acquire (NULL));
  for (int i = 1; i < 200; i++)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "view.next", NULL);
      g_assert_cmpint (td_pdf_view_get_page (view), ==, i);
      wait_shown (view);
      g_assert_true (td_pdf_view_is_page_shown (view));
    }
  g_main_context_release (NULL);
  g_source_remove (watchdog);
  g_test_message ("worst main-loop gap while flipping 200 pages: %.1f ms", worst_gap / 1000.0);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 199);
  g_assert_cmpuint (td_pdf_helper_get_main_thread_renders (), ==, 0);

  /* Home and End; the memory held stays bounded. */
  gtk_widget_activate_action (GTK_WIDGET (view), "view.first", NULL);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.last", NULL);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 199);
  g_assert_cmpuint (td_page_cache_get_memory (td_pdf_view_get_cache (view)), <=, 192 * 1024 * 1024);

  /* Search: every page says "Trang", the hits are highlighted. */
  td_pdf_view_set_search (view, "trang");
  g_assert_cmpuint (td_pdf_view_get_n_hits (view), >, 0);
  td_pdf_view_set_search (view, "không có chữ này");
  g_assert_false (td_pdf_view_find_next (view, FALSE));

  g_object_add_weak_pointer (G_OBJECT (view), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_null (weak);
}

/* Phường Kinh Bắc's evidence in a 1000 × 700 window, the file's page brought forward: at
 * GDK_SCALE=2 the screen is 640 logical pixels wide and the area shows its list alone, so the
 * reader is shown as a reviewer opening the file would see it (a view out of sight draws
 * nothing). The window is the caller's to destroy. */
static GtkWidget *
show_kinh_bac_evidence (TdDatabase     *db,
                        TdEvidencePage *page)
{
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  GtkWidget *window = adw_window_new ();

  g_settings_set_string (settings, "last-unit", "P-KINHBAC");
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  td_evidence_page_set_database (page, db);
  adw_navigation_split_view_set_show_content (ADW_NAVIGATION_SPLIT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE,
                                                                                                        "split_view")), TRUE);
  return window;
}

/* The ward's first evidence aborts cairo when drawn, and the review area opens it by itself:
 * the window lives on, the page says why it is blank, Tab and the next evidence still work. */
static void
test_crashing_evidence_opened (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "hostile.db");
  g_autoptr(GBytes) type3 = td_test_pdf_recursive_type3 ();
  g_autofree char *sha = td_evidence_sha256 (type3);
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  TdEvidencePage *page = g_object_new (TD_TYPE_EVIDENCE_PAGE, NULL);
  TdPdfView *view;
  sqlite3_stmt *stmt = NULL;

  /* As an import of an older version would have stored it: straight into the tables, made the
   * ward's first evidence. */
  sqlite3_prepare_v2 (td_test_sqlite (db),
                      "INSERT INTO evidence_blob (sha256, size, page_count, data) VALUES (?1, ?2, 1, ?3)", -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, (gint64) g_bytes_get_size (type3));
  sqlite3_bind_blob (stmt, 3, g_bytes_get_data (type3, NULL), (int) g_bytes_get_size (type3), SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_prepare_v2 (td_test_sqlite (db),
                      "UPDATE evidence SET sha256 = ?1 WHERE id = (SELECT min(e.id) FROM evidence e"
                      " JOIN assessment a ON a.id = e.assessment_id JOIN unit u ON u.id = a.unit_id WHERE u.code = 'P-KINHBAC')",
                      -1, &stmt, NULL);
  sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  window = show_kinh_bac_evidence (db, page);
  view = td_pdf_reader_get_view (TD_PDF_READER (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE,
                                                                               "reader")));
  /* The document opens on a worker: no cache until it has. */
  TD_TEST_WAIT_UNTIL (td_pdf_view_get_cache (view) != NULL && td_page_cache_get_error (td_pdf_view_get_cache (view), 0) != NULL,
                      90);
  g_assert_nonnull (td_pdf_view_get_cache (view));
  g_assert_nonnull (td_page_cache_get_error (td_pdf_view_get_cache (view), 0));
  g_test_message ("%s", td_page_cache_get_error (td_pdf_view_get_cache (view), 0)->message);
  g_assert_false (td_pdf_view_is_page_shown (view));

  /* The next evidence shows as usual. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.next-unreviewed", NULL));
  wait_shown (view);
  g_assert_true (td_pdf_view_is_page_shown (view));

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* A file the import found the helper cannot draw is not tried again for seconds when it is
 * opened: the reason shows at once, and nothing is opened. */
static void
test_marked_undisplayable (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "undisplayable.db");
  g_autoptr(GError) error = NULL;
  GtkWidget *window;
  TdEvidencePage *page = g_object_new (TD_TYPE_EVIDENCE_PAGE, NULL);
  TdPdfReader *reader;

  g_assert_true (td_database_exec (db, "UPDATE evidence_blob SET display_problem = 'The PDF reader stopped (Aborted).'"
                                       " WHERE sha256 = (SELECT e.sha256 FROM evidence e JOIN assessment a ON a.id = e.assessment_id"
                                       " JOIN unit u ON u.id = a.unit_id WHERE u.code = 'P-KINHBAC' ORDER BY e.id LIMIT 1)",
                                   &error));
  window = show_kinh_bac_evidence (db, page);
  reader = TD_PDF_READER (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE, "reader"));
  td_test_iterate (20);
  g_assert_false (td_pdf_reader_is_opening (reader));
  g_assert_null (td_pdf_view_get_document (td_pdf_reader_get_view (reader)));
  g_assert_nonnull (strstr (td_pdf_view_get_message (td_pdf_reader_get_view (reader)), "The PDF reader stopped (Aborted)."));

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* On half a laptop screen the list and the file are two pages: a click or Enter on a file
 * brings its page forward (the rows are activatable). */
static void
test_narrow_opens_file (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "narrow.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  GtkWidget *window = adw_window_new ();
  TdEvidencePage *page = g_object_new (TD_TYPE_EVIDENCE_PAGE, NULL);
  AdwNavigationSplitView *split;
  GtkListBox *list;
  GtkListBoxRow *row;

  g_settings_set_string (settings, "last-unit", "P-KINHBAC");
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  gtk_window_present (GTK_WINDOW (window));
  td_evidence_page_set_database (page, db);
  split = ADW_NAVIGATION_SPLIT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE,
                                                                    "split_view"));
  list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE, "evidence_list"));
  TD_TEST_WAIT_UNTIL (adw_navigation_split_view_get_collapsed (split) && gtk_list_box_get_row_at_index (list, 1), 30);
  adw_navigation_split_view_set_show_content (split, FALSE);
  td_test_iterate (10);
  row = gtk_list_box_get_row_at_index (list, 1);
  g_assert_true (gtk_list_box_row_get_activatable (row));
  gtk_widget_activate (GTK_WIDGET (row));
  td_test_iterate (10);
  g_assert_true (adw_navigation_split_view_get_show_content (split));
  /* The file comes up on its page, as the reviewer sees it, before the window goes: nothing of
   * this test is left opening or drawing when the next one starts. */
  {
    TdPdfReader *reader = TD_PDF_READER (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE,
                                                                        "reader"));
    TD_TEST_WAIT_UNTIL (!td_pdf_reader_is_opening (reader), 90);
    wait_shown (td_pdf_reader_get_view (reader));
    g_assert_true (td_pdf_view_is_page_shown (td_pdf_reader_get_view (reader)));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* libadwaita's split view clears a flag in an idle that holds no reference (td-split-view.h):
 * a window closed before that idle runs must not free the split view under it.  Both ways in:
 * the app's own (a file activated in the narrow layout) and libadwaita's (its back action). */
static void
test_split_view_outlives_its_idle (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "split.db");
  g_autoptr(GError) error = NULL;

  for (int way = 0; way < 2; way++)
    {
      g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
      GtkWidget *window = adw_window_new ();
      TdEvidencePage *page = g_object_new (TD_TYPE_EVIDENCE_PAGE, NULL);
      AdwNavigationSplitView *split;
      GtkListBox *list;
      gpointer weak;

      g_settings_set_string (settings, "last-unit", "P-KINHBAC");
      adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
      gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
      gtk_window_present (GTK_WINDOW (window));
      td_evidence_page_set_database (page, db);
      split = ADW_NAVIGATION_SPLIT_VIEW (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE,
                                                                        "split_view"));
      list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE, "evidence_list"));
      TD_TEST_WAIT_UNTIL (adw_navigation_split_view_get_collapsed (split) && gtk_list_box_get_row_at_index (list, 1), 30);
      if (way == 0)
        {
          adw_navigation_split_view_set_show_content (split, FALSE);
          td_test_iterate (20);
          gtk_widget_activate (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)));
        }
      else
        {
          adw_navigation_split_view_set_show_content (split, TRUE);
          td_test_iterate (20);
          g_assert_true (gtk_widget_activate_action (GTK_WIDGET (split), "navigation.pop", NULL));
          g_assert_false (adw_navigation_split_view_get_show_content (split));
        }
      weak = split;
      g_object_add_weak_pointer (G_OBJECT (split), &weak);
      /* Closed at once: libadwaita's idle has not run yet, and its split view is still there. */
      gtk_window_destroy (GTK_WINDOW (window));
      g_assert_nonnull (weak);
      /* …and goes once it has (after the page's slide, on a slow machine). */
      TD_TEST_WAIT_UNTIL (weak == NULL, 30);
      g_assert_null (weak);
    }
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

static void
test_dialog_damaged_and_password (void)
{
  const char *shared = g_getenv ("THIDUA_SHARED");
  g_autofree char *protected = shared ? g_build_filename (shared, "corpus", "evidence-pdfs",
                                                          "005-libreoffice-writer-password_libreoffice-writer-password.pdf", NULL) : NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("%PDF-1.7\nnot really", 19);
  GtkWidget *window = adw_window_new ();
  TdEvidencePreview *dialog;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  gtk_window_present (GTK_WINDOW (window));
  /* A damaged file: the dialog opens and says so in the page area. */
  dialog = td_evidence_preview_new (junk);
  adw_dialog_present (ADW_DIALOG (dialog), window);
  wait_opened (td_evidence_preview_get_reader (dialog));
  g_assert_null (td_pdf_view_get_document (td_pdf_reader_get_view (td_evidence_preview_get_reader (dialog))));
  adw_dialog_force_close (ADW_DIALOG (dialog));

  if (protected == NULL || !g_file_test (protected, G_FILE_TEST_EXISTS))
    g_test_message ("the shared corpus is absent: the password case is not run");
  else
    {
      g_autoptr(GBytes) bytes = td_test_read_file (protected);
      GtkStack *stack;
      AdwPasswordEntryRow *row;

      dialog = td_evidence_preview_new (bytes);
      adw_dialog_present (ADW_DIALOG (dialog), window);
      wait_opened (td_evidence_preview_get_reader (dialog));
      stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (td_pdf_reader_get_view (td_evidence_preview_get_reader (dialog)))));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "password");
      row = td_pdf_reader_get_password_row (td_evidence_preview_get_reader (dialog));
      gtk_editable_set_text (GTK_EDITABLE (row), "sai-mat-khau");
      g_signal_emit_by_name (row, "apply");
      wait_opened (td_evidence_preview_get_reader (dialog));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "password");
      gtk_editable_set_text (GTK_EDITABLE (row), "openpassword");
      g_signal_emit_by_name (row, "apply");
      wait_opened (td_evidence_preview_get_reader (dialog));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "view");
      g_assert_cmpint (td_pdf_view_get_n_pages (td_pdf_reader_get_view (td_evidence_preview_get_reader (dialog))), ==, 1);
      adw_dialog_force_close (ADW_DIALOG (dialog));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
}

static GtkListBoxRow *
review_row (TdEvidencePage *page,
            int             index)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE,
                                                                  "evidence_list"));
  return gtk_list_box_get_row_at_index (list, index);
}

/* A reviewer records a verdict with a comment: it lands in the database with an audit row
 * under the unit, the evidence stays in view, and Next Unreviewed finds the one left. */
static void
test_review_verdicts (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdDatabase *db = td_test_open_demo (dir, "review.db");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *window = adw_window_new ();
  TdEvidencePage *page = g_object_new (TD_TYPE_EVIDENCE_PAGE, NULL);
  GtkEditable *comment;
  TdAuditEntry *entry;
  gint64 first, second;

  g_settings_set_string (settings, "last-unit", "P-KINHBAC");
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  td_evidence_page_set_database (page, db);
  td_test_iterate (50);

  /* The demo ward has two evidence files of its own and its nomination's report, listed last;
   * the first is shown. */
  g_assert_cmpuint (td_evidence_page_get_n_items (page), ==, 3);
  first = td_evidence_page_get_current (page);
  g_assert_cmpint (first, >, 0);
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (review_row (page, 1)))),
                           review_row (page, 1));
  second = td_evidence_page_get_current (page);
  g_assert_cmpint (second, !=, first);

  comment = GTK_EDITABLE (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE, "comment_entry"));
  /* Ctrl+3 without a reason records nothing: the comment asks for it, in place; Enter there
   * records the verdict asked for. */
  {
    g_autoptr(GPtrArray) before = td_audit_list (db, "P-KINHBAC", 0, &error);
    g_autoptr(GPtrArray) after = NULL;

    gtk_editable_set_text (comment, "");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.verdict", "s", "rejected"));
    g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (comment), "error"));
    after = td_audit_list (db, "P-KINHBAC", 0, &error);
    g_assert_cmpuint (after->len, ==, before->len);
  }
  gtk_editable_set_text (comment, "Thiếu chữ ký của lãnh đạo.");
  g_signal_emit_by_name (comment, "activate");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (comment), "error"));
  g_assert_cmpint (td_evidence_page_get_current (page), ==, second);
  g_assert_cmpstr (gtk_editable_get_text (comment), ==, "Thiếu chữ ký của lãnh đạo.");
  /* The reviewer's keys go back to the file, and Ctrl+Z in the comment is the page's (take the
   * verdict back), not the comment's own undo. */
  {
    GtkWidget *view = GTK_WIDGET (td_pdf_reader_get_view (TD_PDF_READER (gtk_widget_get_template_child (
                                    GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE, "reader"))));
    g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == view);
    g_assert_false (gtk_editable_get_enable_undo (comment));
  }

  audit = td_audit_list (db, "P-KINHBAC", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  entry = audit->pdata[0];
  g_assert_cmpstr (entry->entity, ==, "evidence");
  g_assert_cmpint (entry->entity_id, ==, second);
  g_assert_cmpstr (entry->new_value, ==, "rejected");
  g_assert_cmpstr (entry->reason, ==, "Thiếu chữ ký của lãnh đạo.");

  /* Undo (the toast's button, or Ctrl+Z) puts the earlier verdict back, and says so in the log. */
  {
    g_autoptr(GPtrArray) newest = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.undo-verdict", NULL));
    newest = td_audit_list (db, "P-KINHBAC", 1, &error);
    g_assert_cmpstr (((TdAuditEntry *) newest->pdata[0])->old_value, ==, "rejected");
    g_assert_cmpstr (((TdAuditEntry *) newest->pdata[0])->new_value, ==, entry->old_value);
    gtk_editable_set_text (comment, "Thiếu chữ ký của lãnh đạo.");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.verdict", "s", "rejected"));
  }
  /* The verdict shows as the pressed one of the three buttons. */
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE, "verdict_rejected"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (page), TD_TYPE_EVIDENCE_PAGE, "verdict_accepted"))));

  /* The nomination's dossier takes a verdict the same way, recorded under the ward. */
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (review_row (page, 2)))),
                           review_row (page, 2));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (review_row (page, 2))), "Nomination dossier"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.verdict", "s", "accepted"));
  g_clear_pointer (&audit, g_ptr_array_unref);
  audit = td_audit_list (db, "P-KINHBAC", 1, &error);
  g_assert_cmpstr (((TdAuditEntry *) audit->pdata[0])->new_value, ==, "accepted");
  g_assert_cmpint (((TdAuditEntry *) audit->pdata[0])->entity_id, ==, td_evidence_page_get_current (page));
  entry = NULL;
  gtk_list_box_select_row (GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (review_row (page, 1)))),
                           review_row (page, 1));
  g_assert_cmpint (td_evidence_page_get_current (page), ==, second);

  /* Every file has a verdict: Next Unreviewed stays put.  Once the first is set back to
   * unreviewed (as another reviewer could), it goes there. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.next-unreviewed", NULL));
  g_assert_cmpint (td_evidence_page_get_current (page), ==, second);
  g_assert_true (td_evidence_set_verdict (db, first, TD_VERDICT_UNREVIEWED, "", &error));
  td_evidence_page_set_database (page, db);
  g_assert_cmpint (td_evidence_page_get_current (page), ==, second);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "evidence.next-unreviewed", NULL));
  g_assert_cmpint (td_evidence_page_get_current (page), ==, first);

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (dir);
}

/* A loaded machine (two test programs and their PDF helpers on two cores) once drew none
 * within 5 s: the wait ends when they are there. */
static void
wait_drawn (TdPdfThumbnails *thumbnails,
            guint            at_least)
{
  TD_TEST_WAIT_UNTIL (td_pdf_thumbnails_get_n_drawn (thumbnails) >= at_least, 90);
}

/* The thumbnails sidebar draws only the pages in sight, follows the view, moves it on a
 * choice, keeps its state in the settings, and drops its pages when hidden. */
static void
test_thumbnails (void)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo dài", "Một trang trong tài liệu dài.", 120);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  GtkWidget *window = adw_window_new ();
  TdPdfReader *reader = TD_PDF_READER (td_pdf_reader_new ());
  TdPdfThumbnails *thumbnails = td_pdf_reader_get_thumbnails (reader);
  TdPdfView *view = td_pdf_reader_get_view (reader);
  GtkSelectionModel *pages;
  guint drawn;

  g_settings_set_boolean (settings, "show-thumbnails", FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 800);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (reader));
  gtk_window_present (GTK_WINDOW (window));
  td_pdf_reader_set_pdf (reader, pdf, NULL);
  td_test_iterate (50);
  g_assert_cmpuint (td_pdf_thumbnails_get_n_drawn (thumbnails), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reader), "reader.thumbnails", NULL));
  g_assert_true (g_settings_get_boolean (settings, "show-thumbnails"));
  td_test_iterate (300);
  wait_drawn (thumbnails, 3);
  drawn = td_pdf_thumbnails_get_n_drawn (thumbnails);
  g_test_message ("%u of 120 thumbnails drawn with the first pages in sight", drawn);
  g_assert_cmpuint (drawn, >=, 3);
  g_assert_cmpuint (drawn, <, 40);

  /* The view moves: the sidebar follows and draws the pages around the new one. */
  td_pdf_view_set_page (view, 99);
  td_test_iterate (300);
  pages = GTK_SELECTION_MODEL (gtk_list_view_get_model (
    GTK_LIST_VIEW (gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_bin_get_child (ADW_BIN (thumbnails)))))));
  g_assert_true (gtk_selection_model_is_selected (pages, 99));
  wait_drawn (thumbnails, drawn + 3);
  g_assert_cmpuint (td_pdf_thumbnails_get_n_drawn (thumbnails), >, drawn);
  g_assert_cmpuint (td_pdf_thumbnails_get_n_drawn (thumbnails), <, 80);

  /* A choice in the sidebar moves the view. */
  gtk_selection_model_select_item (pages, 97, TRUE);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 97);

  /* Hidden again: nothing kept. */
  td_pdf_reader_show_thumbnails (reader, FALSE);
  g_assert_cmpuint (td_pdf_thumbnails_get_n_drawn (thumbnails), ==, 0);
  g_assert_false (g_settings_get_boolean (settings, "show-thumbnails"));

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (100);
}

/* Sharp on a HiDPI screen: the page is drawn at the screen's pixels, not the widget's logical
 * ones.  Run once at scale 1 and once more with --scale-2 (GDK_SCALE=2). */
static void
test_hidpi (void)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo", "Trang để kiểm tra độ nét.", 3);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (pdf, NULL, &error);
  GtkWidget *window = adw_window_new ();
  TdPdfView *view = TD_PDF_VIEW (td_pdf_view_new ());
  const TdRenderedPage *rendered;
  double width_pt, height_pt;
  int factor;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  td_pdf_view_set_document (view, doc, NULL);
  td_pdf_view_set_zoom_mode (view, TD_ZOOM_FIT_WIDTH);
  td_test_iterate (50);
  /* Laid out first: a page drawn before the view has a width (under the sanitizers, once) is
   * drawn for no width and redrawn once it has one. */
  for (int i = 0; i < 2000 && gtk_widget_get_width (GTK_WIDGET (view)) <= 0; i++)
    g_main_context_iteration (NULL, TRUE);
  wait_shown (view);
  factor = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  if (g_strcmp0 (g_getenv ("GDK_SCALE"), "2") == 0)
    g_assert_cmpint (factor, ==, 2);
  rendered = td_page_cache_lookup (td_pdf_view_get_cache (view), 0);
  g_assert_nonnull (rendered);
  g_assert_true (td_pdf_document_get_page_size (doc, 0, &width_pt, &height_pt));
  g_test_message ("scale factor %d: view %d logical px wide, page drawn %d px wide", factor,
                  gtk_widget_get_width (GTK_WIDGET (view)), rendered->width);
  /* Fit width: the page spans most of the view, in device pixels. */
  g_assert_cmpint (rendered->width, >=, factor * gtk_widget_get_width (GTK_WIDGET (view)) * 3 / 4);
  g_assert_cmpint (rendered->width, <=, factor * gtk_widget_get_width (GTK_WIDGET (view)) + 2);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
}

/* A document given to a view that has no size yet asks for nothing: the first page is drawn
 * at the width the view gets, not first for a view of no width (50 px) and thrown away. */
static void
test_nothing_before_laid_out (void)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo", "Một trang.", 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (pdf, NULL, &error);
  GtkWidget *window = adw_window_new ();
  TdPdfView *view = TD_PDF_VIEW (td_pdf_view_new ());
  const TdRenderedPage *rendered;
  int factor;

  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  td_pdf_view_set_zoom_mode (view, TD_ZOOM_FIT_WIDTH);
  td_pdf_view_set_document (view, doc, NULL);
  /* No size, so no scale: the cache's worker has nothing it may draw. */
  g_assert_cmpfloat (td_page_cache_get_scale (td_pdf_view_get_cache (view)), ==, 0);
  gtk_window_present (GTK_WINDOW (window));
  wait_shown (view);
  g_assert_true (td_pdf_view_is_page_shown (view));
  factor = gtk_widget_get_scale_factor (GTK_WIDGET (view));
  rendered = td_page_cache_lookup (td_pdf_view_get_cache (view), 0);
  g_assert_cmpint (rendered->width, >=, factor * gtk_widget_get_width (GTK_WIDGET (view)) * 3 / 4);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Continuous mode: scrolling moves through the pages one under the other, the page under the
 * middle of the view becomes the current one, a page number jumps there, and switching back
 * to flipping keeps the page. */
static void
test_continuous (void)
{
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Báo cáo", "Các trang nối tiếp nhau.", 30);
  g_autoptr(GError) error = NULL;
  g_autoptr(TdPdfDocument) doc = td_pdf_document_new (pdf, NULL, &error);
  GtkWidget *window = adw_window_new ();
  TdPdfView *view = TD_PDF_VIEW (td_pdf_view_new ());
  int steps = 0;

  gtk_window_set_default_size (GTK_WINDOW (window), 700, 900);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  td_pdf_view_set_document (view, doc, NULL);
  td_pdf_view_set_zoom_mode (view, TD_ZOOM_FIT_WIDTH);
  td_pdf_view_set_continuous (view, TRUE);
  td_test_iterate (50);
  wait_shown (view);
  g_assert_true (td_pdf_view_get_continuous (view));

  /* A fit-width A4 page is taller than the view: a few small scrolls before page 2. */
  while (td_pdf_view_get_page (view) == 0 && steps < 50)
    {
      gtk_widget_activate_action (GTK_WIDGET (view), "view.scroll", "i", 1);
      /* As a reader scrolls: the view settles between two steps (slow under the sanitizers). */
      td_test_iterate (2);
      steps++;
    }
  g_test_message ("%d scroll steps from page 1 to page 2", steps);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 1);
  g_assert_cmpint (steps, >=, 2);
  g_assert_cmpint (steps, <=, 20);
  /* And back up. */
  for (int i = 0; i < steps + 2; i++)
    gtk_widget_activate_action (GTK_WIDGET (view), "view.scroll", "i", -1);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 0);

  /* Page Down goes to the top of the next page; a page number jumps there. */
  gtk_widget_activate_action (GTK_WIDGET (view), "view.next", NULL);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 1);
  td_pdf_view_set_page (view, 20);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 20);
  wait_shown (view);
  g_assert_true (td_pdf_view_is_page_shown (view));
  gtk_widget_activate_action (GTK_WIDGET (view), "view.last", NULL);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 29);
  /* At the end nothing scrolls past the last page. */
  gtk_widget_activate_action (GTK_WIDGET (view), "view.scroll", "i", 1);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 29);

  td_pdf_view_set_page (view, 12);
  td_pdf_view_set_continuous (view, FALSE);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 12);
  gtk_widget_activate_action (GTK_WIDGET (view), "view.next", NULL);
  g_assert_cmpint (td_pdf_view_get_page (view), ==, 13);

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
}

/* A signed evidence says so in a banner above the page, worked out off the main thread; the
 * next file, unsigned, takes the banner away. */
static void
test_signature_banner (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Biên bản nghiệm thu", "Đã ký số bởi lãnh đạo đơn vị.", 2);
  g_autoptr(GBytes) signed_pdf = td_test_sign_pdf (dir, pdf);
  GtkWidget *window;
  TdPdfReader *reader;
  AdwBanner *banner;

  if (signed_pdf == NULL)
    {
      td_test_cleanup_dir (dir);
      return;
    }
  window = adw_window_new ();
  reader = TD_PDF_READER (td_pdf_reader_new ());
  banner = td_pdf_reader_get_signature_banner (reader);
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 700);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (reader));
  gtk_window_present (GTK_WINDOW (window));
  td_pdf_reader_set_pdf (reader, signed_pdf, NULL);
  TD_TEST_WAIT_UNTIL (adw_banner_get_revealed (banner), 90);
  g_assert_true (adw_banner_get_revealed (banner));
  g_test_message ("banner: %s", adw_banner_get_title (banner));
  g_assert_nonnull (strstr (adw_banner_get_title (banner), "Nguyễn Văn A"));
  {
    /* The Details button lists every signature; its dialog opens over the reader. */
    g_auto(GStrv) details = td_pdf_reader_get_signature_details (reader);
    g_assert_cmpuint (g_strv_length (details), ==, 1);
    g_assert_nonnull (strstr (details[0], "the signature is valid"));
    g_signal_emit_by_name (banner, "button-clicked");
    td_test_iterate (20);
    g_assert_true (ADW_IS_ALERT_DIALOG (adw_window_get_visible_dialog (ADW_WINDOW (window))));
    adw_dialog_force_close (adw_window_get_visible_dialog (ADW_WINDOW (window)));
  }

  td_pdf_reader_set_pdf (reader, pdf, NULL);
  td_test_iterate (200);
  g_assert_false (adw_banner_get_revealed (banner));
  {
    g_auto(GStrv) details = td_pdf_reader_get_signature_details (reader);
    g_assert_cmpuint (g_strv_length (details), ==, 0);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  td_test_cleanup_dir (dir);
}

/* A signed file among a unit's evidence gets a mark in the review list, found in a thread;
 * unsigned ones get none. */
static void
test_review_signed (void)
{
  g_autofree char *dir = td_test_make_dir ();
  g_autofree char *sign_dir = td_test_make_dir ();
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Biên bản nghiệm thu", "Đã ký số bởi lãnh đạo đơn vị.", 1);
  g_autoptr(GBytes) signed_pdf = td_test_sign_pdf (sign_dir, pdf);
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  g_autoptr(GError) error = NULL;
  TdDatabase *db;
  GtkWidget *window;
  TdEvidencePage *page;
  GtkWidget *icon = NULL;
  guint n_marked = 0;

  if (signed_pdf == NULL)
    {
      td_test_cleanup_dir (sign_dir);
      td_test_cleanup_dir (dir);
      return;
    }
  db = td_test_open_demo (dir, "signed.db");
  {
    g_autoptr(TdUnit) unit = td_catalog_find_unit (db, "P-KINHBAC", &error);
    g_autoptr(GListModel) rounds = td_catalog_list_rounds (db, &error);
    g_autoptr(TdRound) round = g_list_model_get_item (rounds, g_list_model_get_n_items (rounds) - 1);
    g_autoptr(GListModel) targets = td_catalog_list_targets (db, &error);
    g_autoptr(TdTarget) target = g_list_model_get_item (targets, 2);
    g_autoptr(TdAssessmentInfo) info = td_assessment_lookup (db, td_unit_get_id (unit), td_round_get_id (round), &error);
    TdEvidenceOwner owner = { 0 };

    g_assert_nonnull (info);
    owner.assessment_id = info->id;
    owner.target_id = td_target_get_id (target);
    g_assert_cmpint (td_evidence_attach (db, signed_pdf, "bien-ban-ky-so.pdf", &owner, 0, &error), >, 0);
    g_assert_no_error (error);
  }
  g_settings_set_string (settings, "last-unit", "P-KINHBAC");
  g_settings_set_int (settings, "last-round", 0);
  window = adw_window_new ();
  page = g_object_new (TD_TYPE_EVIDENCE_PAGE, NULL);
  adw_window_set_content (ADW_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  td_evidence_page_set_database (page, db);
  /* Two demo files, the signed one, and the nomination's report. */
  g_assert_cmpuint (td_evidence_page_get_n_items (page), ==, 4);

  /* The scan runs every file through the helpers and the signature checker: seconds under
   * AddressSanitizer on a busy machine (3 s was not enough once).  Done when the mark is there. */
  for (gint64 end = g_get_monotonic_time () + 90 * G_USEC_PER_SEC; n_marked == 0 && g_get_monotonic_time () < end;)
    {
      td_test_iterate (10);
      for (int r = 0; r < 4; r++)
        if (g_object_get_data (G_OBJECT (review_row (page, r)), "signature-icon"))
          {
            icon = g_object_get_data (G_OBJECT (review_row (page, r)), "signature-icon");
            n_marked++;
          }
    }
  g_assert_cmpuint (n_marked, ==, 1);
  g_test_message ("mark: %s", gtk_widget_get_tooltip_text (icon));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (icon), "Nguyễn Văn A"));

  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  g_assert_finalize_object (db);
  td_test_cleanup_dir (sign_dir);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  /* --scale-2: the whole run as on a HiDPI screen, before GTK reads the environment. */
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--scale-2"))
      {
        g_setenv ("GDK_SCALE", "2", TRUE);
        for (int j = i; j < argc; j++)
          argv[j] = argv[j + 1];
        argc--;
        break;
      }
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/viewer/flip-200-pages", test_flip_200_pages);
  g_test_add_func ("/viewer/dialog-damaged-and-password", test_dialog_damaged_and_password);
  g_test_add_func ("/viewer/narrow-opens-file", test_narrow_opens_file);
  g_test_add_func ("/viewer/split-view-outlives-its-idle", test_split_view_outlives_its_idle);
  g_test_add_func ("/viewer/crashing-evidence-opened", test_crashing_evidence_opened);
  g_test_add_func ("/viewer/marked-undisplayable", test_marked_undisplayable);
  g_test_add_func ("/viewer/review-verdicts", test_review_verdicts);
  g_test_add_func ("/viewer/thumbnails", test_thumbnails);
  g_test_add_func ("/viewer/hidpi", test_hidpi);
  g_test_add_func ("/viewer/nothing-before-laid-out", test_nothing_before_laid_out);
  g_test_add_func ("/viewer/continuous", test_continuous);
  g_test_add_func ("/viewer/signature-banner", test_signature_banner);
  g_test_add_func ("/viewer/review-signed", test_review_signed);
  return g_test_run ();
}
