/* test-icons.c: every icon the interface names is one the theme or the app has.
 *
 * The names are read from the sources themselves (Blueprint files and C), so that an icon
 * added tomorrow is checked too; an icon missing from the theme shows as a broken image. */
#include <adwaita.h>

#include "td-test-util.h"

static void
collect (const char *dir,
         GRegex     *regex,
         GHashTable *names)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, entry, NULL);
      g_autofree char *text = NULL;
      g_autoptr(GMatchInfo) match = NULL;

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          collect (path, regex, names);
          continue;
        }
      if (!(g_str_has_suffix (entry, ".c") || g_str_has_suffix (entry, ".blp")) ||
          !g_file_get_contents (path, &text, NULL, NULL))
        continue;
      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        g_hash_table_add (names, g_match_info_fetch (match, 1));
    }
}

static void
test_icons_resolve (void)
{
  const char *root = g_getenv ("THIDUA_SOURCE_ROOT");
  g_autoptr(GRegex) regex = g_regex_new ("\"([a-z0-9-]+-symbolic)\"", 0, 0, NULL);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gdk_display_get_default ());
  g_autoptr(GString) missing = g_string_new (NULL);
  GHashTableIter iter;
  const char *name;

  if (root == NULL)
    {
      g_test_skip ("THIDUA_SOURCE_ROOT is not set");
      return;
    }
  for (const char * const *sub = (const char * const[]) { "src/gui", "ui", NULL }; *sub; sub++)
    {
      g_autofree char *dir = g_build_filename (root, *sub, NULL);
      collect (dir, regex, names);
    }
  g_assert_cmpuint (g_hash_table_size (names), >, 20);
  /* The app's own icons, as GtkApplication's resource base path adds them. */
  gtk_icon_theme_add_resource_path (theme, "/io/github/thidua/ThiDua/icons");
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, (gpointer *) &name, NULL))
    if (!gtk_icon_theme_has_icon (theme, name))
      g_string_append_printf (missing, " %s", name);
  if (missing->len > 0)
    g_error ("icons the theme does not have:%s", missing->str);
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/icons/resolve", test_icons_resolve);
  return g_test_run ();
}
