/* test-window.c: the main window opens, shows each area, remembers it, and goes away cleanly. */
#include <adwaita.h>

#include "td-test-util.h"
#include "td-window.h"

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

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/window/areas", test_window_areas);
  g_test_add_func ("/window/restores-area", test_window_restores_area);
  g_test_add_func ("/window/without-database", test_window_without_database);
  return g_test_run ();
}
