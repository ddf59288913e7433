/* test-keyboard.c: the window with the keyboard alone (issue 16's first items).
 *
 * Tab goes through the whole self-assessment form without a GTK warning (the tests run with
 * fatal warnings), focus never lands in an area that is not shown, and every area's mnemonics
 * are unique — in Vietnamese, as the clerks see them, when that locale is installed. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "td-assessment-page-private.h"
#include "td-evidence-preview.h"
#include "td-pdf-reader.h"
#include "td-test-gtk.h"
#include "td-window.h"

/* The window on the sample, opening on @unit's round 2 in @area, not shown yet. */
static TdWindow *
sample_window_new (const char *dir,
                   const char *unit,
                   const char *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
  TdDatabase *db = td_test_open_seeded (dir, "keyboard.db");
  TdWindow *window;

  g_assert_true (td_demo_populate (db, &error));
  g_settings_set_string (settings, "last-unit", unit);
  g_settings_set_int (settings, "last-round", 2);
  g_settings_set_string (settings, "last-area", area);
  window = td_window_new (NULL, db, NULL);
  g_object_unref (db);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  return window;
}

static TdWindow *
sample_window (const char *dir,
               const char *unit,
               const char *area)
{
  TdWindow *window = sample_window_new (dir, unit, area);

  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (300);
  if (g_str_equal (area, TD_AREA_SELF_ASSESSMENT))
  {
    /* Until the form is built: a loaded machine takes longer.  (Another area is shown without
     * the form: it reads the database when first shown.) */
    TdAssessmentPage *page = TD_ASSESSMENT_PAGE (td_window_get_page (window, TD_AREA_SELF_ASSESSMENT));
    TD_TEST_WAIT_UNTIL (page->rows != NULL && page->rows->len > 0, 90);
  }
  return window;
}

static void
assert_focus_shown (TdWindow *window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  if (focus == NULL)
    return;
  if (!gtk_widget_get_mapped (focus))
    g_error ("the focus is on a %s that is not shown", G_OBJECT_TYPE_NAME (focus));
}

/* A clerk tabs through every target of a ward's draft and back: no warning, and the focus
 * always on something shown. */
static void
test_tab_through_form (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdWindow *window = sample_window (dir, "P-TAMSON", TD_AREA_SELF_ASSESSMENT);
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) rows = g_hash_table_new (NULL, NULL);

  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_SELF_ASSESSMENT);
  /* From the top of the form, as a clerk starts. */
  {
    TdAssessmentPage *page = TD_ASSESSMENT_PAGE (td_window_get_page (window, TD_AREA_SELF_ASSESSMENT));
    g_assert_cmpuint (page->rows->len, ==, 17);
    gtk_widget_grab_focus (GTK_WIDGET (page->unit_dropdown));
  }
  /* At least 400 steps, and on until every row was reached: what counts is that each is, not
   * how many steps the window's other controls take on the way. */
  for (int i = 0; i < 2000 && (i < 400 || g_hash_table_size (rows) < 17); i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      td_test_iterate (2);
      assert_focus_shown (window);
      {
        GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
        GtkWidget *row = focus ? gtk_widget_get_ancestor (focus, TD_TYPE_TARGET_ROW) : NULL;

        g_hash_table_add (seen, focus);
        /* A row is not a stop of its own: the focus goes into its fields. */
        g_assert_false (TD_IS_TARGET_ROW (focus));
        if (row)
          g_hash_table_add (rows, row);
      }
    }
  for (int i = 0; i < 50; i++)
    {
      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_BACKWARD);
      td_test_iterate (2);
      assert_focus_shown (window);
    }
  /* Every target a ward reports was reached (17), and the controls in them. */
  g_assert_cmpuint (g_hash_table_size (rows), ==, 17);
  g_assert_cmpuint (g_hash_table_size (seen), >, 80);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  td_test_cleanup_dir (dir);
}

/* The last unit has evidence, so the hidden evidence area loads it: Tab still moves through the
 * progress area shown. */
static void
test_hidden_area_keeps_no_focus (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdWindow *window = sample_window (dir, "P-KINHBAC", TD_AREA_PROGRESS);

  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_PROGRESS);
  td_test_iterate (500);
  for (int i = 0; i < 10; i++)
    {
      GtkWidget *focus;

      gtk_widget_child_focus (GTK_WIDGET (window), GTK_DIR_TAB_FORWARD);
      td_test_iterate (5);
      focus = gtk_root_get_focus (GTK_ROOT (window));
      assert_focus_shown (window);
      /* Never the hidden reader's page view. */
      g_assert_false (focus != NULL && g_str_equal (G_OBJECT_TYPE_NAME (focus), "TdPdfView"));
    }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  td_test_cleanup_dir (dir);
}

/* Closing a preview gives the focus back to the button that opened it: a keyboard user goes on
 * from where they were, not from the top of the window. */
static void
test_preview_returns_focus (void)
{
  AdwDialog *dialog;
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Minh chứng", "Nội dung", 2);
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *first = gtk_button_new_with_label ("Trước");
  GtkWidget *opener = gtk_button_new_with_label ("Xem minh chứng");

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), opener);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (100);
  gtk_widget_grab_focus (opener);
  dialog = ADW_DIALOG (td_evidence_preview_new (pdf));
  adw_dialog_present (dialog, opener);
  td_test_iterate (400);
  g_assert_false (gtk_root_get_focus (GTK_ROOT (window)) == opener);
  adw_dialog_close (dialog);
  td_test_iterate (600);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == opener);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
}

/* A document loaded into a reader that is not shown leaves the focus where the user is. */
static void
test_hidden_reader_takes_no_focus (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *button = gtk_button_new_with_label ("Ở đây");
  GtkWidget *reader = td_pdf_reader_new ();
  g_autoptr(GBytes) pdf = td_demo_make_pdf ("Minh chứng", "Nội dung", 2);

  gtk_stack_add_named (GTK_STACK (stack), button, "shown");
  gtk_stack_add_named (GTK_STACK (stack), reader, "hidden");
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "shown");
  gtk_window_set_child (GTK_WINDOW (window), stack);
  gtk_window_present (GTK_WINDOW (window));
  td_test_iterate (100);
  gtk_widget_grab_focus (button);
  td_pdf_reader_set_pdf (TD_PDF_READER (reader), pdf, NULL);
  td_test_iterate (300);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (window)) == button);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
}

/* The sidebar highlights the area shown: focus passing over a row does not move the
 * highlight; activating the row shows its area. */
static void
test_sidebar_follows_activation (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdWindow *window = sample_window (dir, "P-TAMSON", TD_AREA_SELF_ASSESSMENT);
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_WINDOW, "area_list"));
  GtkListBoxRow *evidence = gtk_list_box_get_row_at_index (list, 3);

  gtk_widget_grab_focus (GTK_WIDGET (evidence));
  gtk_list_box_select_row (list, evidence);
  td_test_iterate (50);
  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_SELF_ASSESSMENT);
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  g_signal_emit_by_name (list, "row-activated", evidence);
  td_test_iterate (50);
  g_assert_cmpstr (td_window_get_area (window), ==, TD_AREA_EVIDENCE);
  g_assert_true (gtk_list_box_get_selected_row (list) == evidence);
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  td_test_cleanup_dir (dir);
}

static void
collect_mnemonics (GtkWidget  *widget,
                   GHashTable *keys,
                   GString    *clashes)
{
  GtkWidget *parent = gtk_widget_get_parent (widget);

  /* What is shown: mapped, and not a stack's page on its way out of a transition. */
  if (!gtk_widget_get_mapped (widget) ||
      (GTK_IS_STACK (parent) && gtk_stack_get_visible_child (GTK_STACK (parent)) != widget))
    return;
  if (GTK_IS_LABEL (widget) && gtk_label_get_use_underline (GTK_LABEL (widget)))
    {
      guint key = gdk_keyval_to_lower (gtk_label_get_mnemonic_keyval (GTK_LABEL (widget)));
      const char *text = gtk_label_get_label (GTK_LABEL (widget));
      const char *before = g_hash_table_lookup (keys, GUINT_TO_POINTER (key));

      if (key != GDK_KEY_VoidSymbol)
        {
          if (before != NULL)
            g_string_append_printf (clashes, "“%s” and “%s” both Alt+%s; ", before, text, gdk_keyval_name (key));
          else
            g_hash_table_insert (keys, GUINT_TO_POINTER (key), (gpointer) text);
        }
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_mnemonics (c, keys, clashes);
}

static void
test_mnemonics_unique (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdWindow *window = sample_window (dir, "P-TAMSON", TD_AREA_SELF_ASSESSMENT);
  const char *areas[] = { TD_AREA_SELF_ASSESSMENT, TD_AREA_PROGRESS, TD_AREA_AWARDS, TD_AREA_EVIDENCE };
  g_autoptr(GString) clashes = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      g_autoptr(GHashTable) keys = g_hash_table_new (NULL, NULL);

      td_window_set_area (window, areas[i]);
      td_test_iterate (200);
      collect_mnemonics (GTK_WIDGET (window), keys, clashes);
      if (clashes->len > 0)
        g_error ("area %s: %s", areas[i], clashes->str);
    }
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  td_test_cleanup_dir (dir);
}

/* The window opens drawing the unit and where it stands; the targets and the standards are
 * built once that first frame is painted: shown whole, with their counts, without anyone
 * scrolling or waiting for them. */
static void
test_form_whole_after_first_frame (void)
{
  g_autofree char *dir = td_test_make_dir ();
  TdWindow *window = sample_window_new (dir, "P-TAMSON", TD_AREA_SELF_ASSESSMENT);
  TdAssessmentPage *page;
  guint shown = 0;

  page = TD_ASSESSMENT_PAGE (td_window_get_page (window, TD_AREA_SELF_ASSESSMENT));
  /* Before the first frame: the unit and where it stands, the rows not built yet, and no count
   * of rows that are not there. */
  g_assert_cmpuint (page->rows->len, ==, 0);
  g_assert_cmpstr (gtk_label_get_label (page->status_label), !=, "");
  g_assert_cmpstr (gtk_label_get_label (page->progress_label), ==, "");

  gtk_window_present (GTK_WINDOW (window));
  for (int i = 0; i < 1000 && (page->rows->len == 0 || shown < page->rows->len + page->standard_rows->len); i++)
    {
      td_test_iterate (10);
      shown = 0;
      for (guint r = 0; r < page->rows->len; r++)
        shown += gtk_widget_get_mapped (page->rows->pdata[r]);
      for (guint r = 0; r < page->standard_rows->len; r++)
        shown += gtk_widget_get_mapped (GTK_WIDGET (((TdStandardRow *) page->standard_rows->pdata[r])->row));
    }
  g_assert_cmpuint (page->rows->len, ==, 17);
  g_assert_cmpuint (shown, ==, page->rows->len + page->standard_rows->len);
  g_assert_nonnull (strstr (gtk_label_get_label (page->progress_label), " · "));
  gtk_window_destroy (GTK_WINDOW (window));
  td_test_iterate (50);
  td_test_cleanup_dir (dir);
}

int
main (int argc, char *argv[])
{
  /* The clerks' own language, when the machine has it: its mnemonics are the ones that clash. */
  if (setlocale (LC_ALL, "vi_VN.UTF-8") != NULL)
    {
      g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  /* Not gtk_test_init(): it sets the locale to en_US. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_message ("mnemonics checked in %s: “%s”", setlocale (LC_MESSAGES, NULL), g_dgettext (GETTEXT_PACKAGE, "_Submit…"));
  g_test_add_func ("/keyboard/tab-through-form", test_tab_through_form);
  g_test_add_func ("/keyboard/form-whole-after-first-frame", test_form_whole_after_first_frame);
  g_test_add_func ("/keyboard/hidden-area-keeps-no-focus", test_hidden_area_keeps_no_focus);
  g_test_add_func ("/keyboard/hidden-reader-takes-no-focus", test_hidden_reader_takes_no_focus);
  g_test_add_func ("/keyboard/preview-returns-focus", test_preview_returns_focus);
  g_test_add_func ("/keyboard/mnemonics-unique", test_mnemonics_unique);
  g_test_add_func ("/keyboard/sidebar-follows-activation", test_sidebar_follows_activation);
  return g_test_run ();
}
