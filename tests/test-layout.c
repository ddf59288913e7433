/* test-layout.c: every area at 360, 800 and 1280 pixels wide (issue 16).
 *
 * A phone-sized window, a laptop's half screen and a desktop: the window keeps the width it is
 * given (no area asks for more), and no widget shown is allocated outside its parent, which is
 * what a control cut off at the edge looks like to GTK.  The list-and-detail areas (evidence,
 * awards) are also checked with their detail brought forward, as a click on a row does, and
 * Preferences with each of its pages, and the first start's welcome page.  With
 * THIDUA_SHOTS=DIR each state is saved as a PNG for a person to look at. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "td-test-gtk.h"
#include "td-preferences-dialog.h"
#include "td-register-import-dialog.h"
#include "td-spreadsheet.h"
#include "td-window.h"

static const int widths[] = { 360, 800, 1280 };

/* Children of these move under their parent by design: they scroll, or they slide in. */
static gboolean
scrolls_children (GtkWidget *widget)
{
  return GTK_IS_VIEWPORT (widget) || GTK_IS_SCROLLED_WINDOW (widget) || GTK_IS_LIST_BASE (widget) ||
         GTK_IS_STACK (widget) || ADW_IS_VIEW_STACK (widget) || ADW_IS_NAVIGATION_VIEW (widget) ||
         ADW_IS_CAROUSEL (widget) || GTK_IS_REVEALER (widget) || GTK_IS_TEXT_VIEW (widget) ||
         GTK_IS_ENTRY (widget) || GTK_IS_TEXT (widget) || GTK_IS_SPIN_BUTTON (widget) ||
         GTK_IS_DRAWING_AREA (widget);
}

static void
check_inside (GtkWidget *parent,
              GString   *problems,
              const char *where)
{
  int pw = gtk_widget_get_width (parent), ph = gtk_widget_get_height (parent);

  (void) ph;

  for (GtkWidget *child = gtk_widget_get_first_child (parent); child; child = gtk_widget_get_next_sibling (child))
    {
      graphene_rect_t b;

      if (!gtk_widget_get_mapped (child) || GTK_IS_NATIVE (child))
        continue;
      /* The toolkits' own decorations overhang on purpose: overlay scrollbars' sliders, the dot
       * of a tab's badge (private "gizmos"), a window title's line box. */
      if (strstr (G_OBJECT_TYPE_NAME (child), "Gizmo") != NULL || ADW_IS_WINDOW_TITLE (child))
        continue;
      /* Cut off is sideways: what does not fit the width is what the issue saw ("b… df"). */
      if (!scrolls_children (parent) && gtk_widget_compute_bounds (child, parent, &b) &&
          (b.origin.x < -1 || b.origin.x + b.size.width > pw + 1))
        {
          const char *name = gtk_widget_get_name (child);
          const char *label = GTK_IS_LABEL (child) ? gtk_label_get_label (GTK_LABEL (child))
                              : GTK_IS_BUTTON (child) ? gtk_button_get_label (GTK_BUTTON (child)) : NULL;

          g_string_append_printf (problems, "\n  %s: %s%s%s%s (%.0f,%.0f %.0f×%.0f) outside %s (%d×%d)", where,
                                  G_OBJECT_TYPE_NAME (child), name && *name ? " " : "", name ? name : "",
                                  label ? label : "", b.origin.x, b.origin.y, b.size.width, b.size.height,
                                  G_OBJECT_TYPE_NAME (parent), pw, ph);
        }
      check_inside (child, problems, where);
    }
}

/* The first row of the area's list, activated as a click would. */
static gboolean
activate_first_row (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LIST_BOX (child) && gtk_widget_has_css_class (child, "navigation-sidebar"))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child), 0);

          if (row != NULL)
            {
              gtk_list_box_select_row (GTK_LIST_BOX (child), row);
              g_signal_emit_by_name (child, "row-activated", row);
              return TRUE;
            }
        }
      if (activate_first_row (child))
        return TRUE;
    }
  return FALSE;
}

static void
count_frame_cb (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* Until the window has painted a few frames since the change, however slow the build (a
 * sanitizer's can need seconds): only then are the allocations the ones the change gives. */
static void
wait_painted (TdWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint frames = 0;
  gulong id;

  if (clock == NULL)
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (count_frame_cb), &frames);
  gtk_widget_queue_resize (GTK_WIDGET (window));
  while (frames < 3 && g_get_monotonic_time () < deadline)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      g_main_context_iteration (NULL, TRUE);
    }
  g_signal_handler_disconnect (clock, id);
}

static void
check_state (TdWindow   *window,
             int         width,
             const char *state,
             GString    *problems)
{
  g_autofree char *where = g_strdup_printf ("%s at %d px", state, width);
  g_autofree char *shot = g_strdup_printf ("layout-%s-%d", state, width);

  g_test_message ("%s", where);
  td_test_iterate (400);
  wait_painted (window);
  if (gtk_widget_get_width (GTK_WIDGET (window)) > width)
    g_string_append_printf (problems, "\n  %s: the window grew to %d px", where, gtk_widget_get_width (GTK_WIDGET (window)));
  check_inside (GTK_WIDGET (window), problems, where);
  td_test_shot (GTK_WIDGET (window), shot);
}

static void
test_widths (void)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  const char *areas[] = { TD_AREA_SELF_ASSESSMENT, TD_AREA_PROGRESS, TD_AREA_AWARDS, TD_AREA_EVIDENCE };

  for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
    {
      g_autofree char *dir = td_test_make_dir ();
      g_autoptr(GSettings) settings = g_settings_new ("io.github.thidua.ThiDua");
      g_autoptr(GError) error = NULL;
      TdDatabase *db = td_test_open_seeded (dir, "layout.db");
      TdWindow *window;

      g_assert_true (td_demo_populate (db, &error));
      g_settings_set_string (settings, "last-unit", "P-KINHBAC");
      g_settings_set_int (settings, "last-round", 2);
      g_settings_set_string (settings, "last-area", TD_AREA_PROGRESS);
      window = td_window_new (NULL, db, NULL);
      g_object_unref (db);
      gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 720);
      gtk_window_present (GTK_WINDOW (window));
      td_test_iterate (300);
      for (guint a = 0; a < G_N_ELEMENTS (areas); a++)
        {
          GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (GTK_WIDGET (window), TD_TYPE_WINDOW, "area_stack"));

          td_window_set_area (window, areas[a]);
          check_state (window, widths[w], areas[a], problems);

          if ((g_str_equal (areas[a], TD_AREA_EVIDENCE) || g_str_equal (areas[a], TD_AREA_AWARDS)) &&
              activate_first_row (gtk_stack_get_visible_child (stack)))
            {
              g_autofree char *detail = g_strconcat (areas[a], "-detail", NULL);
              check_state (window, widths[w], detail, problems);
            }
          /* The decisions, each with its actions in words, wrapping in a narrow window. */
          if (g_str_equal (areas[a], TD_AREA_AWARDS))
            {
              GtkWidget *page = td_window_get_page (window, TD_AREA_AWARDS);
              AdwViewStack *views = ADW_VIEW_STACK (gtk_widget_get_template_child (page, G_OBJECT_TYPE (page), "views"));

              adw_view_stack_set_visible_child_name (views, "decisions");
              check_state (window, widths[w], "awards-decisions", problems);
              adw_view_stack_set_visible_child_name (views, "nominations");
            }
        }
      /* Preferences, each of its pages, over the window at this width. libadwaita's own
       * preferences dialog asks 360 px of content: a phone's 360 px screen shows the window
       * maximized, without the frame the test's unmanaged window draws around its content,
       * so the window is widened by that frame here. */
      {
        static const char * const pages[] = { "general", "units", "signatures", "appraisal" };
        TdPreferencesDialog *prefs = td_preferences_dialog_new (td_window_get_database (window));
        int frame = widths[w] - gtk_widget_get_width (GTK_WIDGET (window));
        int width = widths[w] + MAX (frame, 0);

        gtk_window_set_default_size (GTK_WINDOW (window), width, 720);
        adw_dialog_present (ADW_DIALOG (prefs), GTK_WIDGET (window));
        for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
          {
            g_autofree char *state = g_strconcat ("preferences-", pages[p], NULL);

            g_assert_true (td_preferences_dialog_show_page (prefs, pages[p], NULL));
            check_state (window, widths[w], state, problems);
          }
        adw_dialog_force_close (ADW_DIALOG (prefs));
        td_test_iterate (20);
      }
      /* The register import's preview, with the long reason of a refused row first. */
      {
        g_autofree char *csv = g_build_filename (dir, "danh-sach.csv", NULL);
        g_autoptr(GError) read_error = NULL;
        GPtrArray *rows;
        TdRegisterImportDialog *preview;

        g_assert_true (g_file_set_contents (csv, "Mã đơn vị;Tên đơn vị;Loại hình;Đơn vị cấp trên;Người liên hệ\n"
                                                 "X-MOTHAIBA;Xã Một Hai Ba Bốn Năm Sáu Bảy Tám Chín Mười;xã;;Nguyễn Văn An\n"
                                                 "X-KHAC;Xã Khác;xã;X-KHONGCOTRONGDANHSACHNAY;\n", -1, NULL));
        rows = td_spreadsheet_read (csv, NULL, &read_error);
        g_assert_no_error (read_error);
        preview = td_register_import_dialog_new (td_window_get_database (window), csv, rows, &read_error);
        g_assert_no_error (read_error);
        adw_dialog_present (ADW_DIALOG (preview), GTK_WIDGET (window));
        check_state (window, widths[w], "register-import", problems);
        adw_dialog_force_close (ADW_DIALOG (preview));
        td_test_iterate (20);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      td_test_iterate (50);
      td_test_cleanup_dir (dir);

      /* The first start: the welcome page's three choices, each with whom it is for. */
      {
        g_autofree char *fresh = td_test_make_dir ();
        g_autofree char *path = g_build_filename (fresh, "new.db", NULL);

        window = td_window_new (NULL, NULL, NULL);
        td_window_show_welcome (window, path);
        gtk_window_set_default_size (GTK_WINDOW (window), widths[w], 720);
        gtk_window_present (GTK_WINDOW (window));
        td_test_iterate (100);
        check_state (window, widths[w], "welcome", problems);
        td_test_cleanup_dir (fresh);
      }
      gtk_window_destroy (GTK_WINDOW (window));
      td_test_iterate (50);
    }
  if (problems->len > 0)
    g_error ("controls cut off:%s", problems->str);
}

int
main (int argc, char *argv[])
{
  /* In Vietnamese when the machine has it: the clerks' labels are the longer ones. */
  if (setlocale (LC_ALL, "vi_VN.UTF-8") != NULL)
    {
      g_setenv ("LC_ALL", "vi_VN.UTF-8", TRUE);
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("THIDUA_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  g_test_add_func ("/layout/widths", test_widths);
  return g_test_run ();
}
