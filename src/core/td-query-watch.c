/* td-query-watch.c: see td-query-watch.h.  The store's statement trace (store/td-conn.c) is
 * the one place every query passes, whichever file prepared it. */
#include "config.h"

#include <stdio.h>

#include "td-query-watch.h"

typedef enum { WATCH_OFF, WATCH_COUNT, WATCH_ABORT } WatchMode;

static GThread *watched;          /* the thread armed, NULL while disarmed */
static GMutex counts_lock;
static GHashTable *counts;        /* SQL → count */

static WatchMode
mode (void)
{
  static gsize once;
  static WatchMode m;

  if (g_once_init_enter (&once))
    {
      const char *value = g_getenv ("THIDUA_DEBUG_QUERIES");

      m = g_strcmp0 (value, "abort") == 0 ? WATCH_ABORT : g_strcmp0 (value, "count") == 0 ? WATCH_COUNT : WATCH_OFF;
      g_once_init_leave (&once, 1);
    }
  return m;
}

gboolean
td_query_watch_is_on (void)
{
  return mode () != WATCH_OFF;
}

static gint
by_count (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  GHashTable *table = user_data;

  return GPOINTER_TO_INT (g_hash_table_lookup (table, *(char **) b)) -
         GPOINTER_TO_INT (g_hash_table_lookup (table, *(char **) a));
}

static void
print_counts (void)
{
  g_autoptr(GPtrArray) keys = NULL;
  guint total = 0;

  g_mutex_lock (&counts_lock);
  keys = counts ? g_hash_table_get_keys_as_ptr_array (counts) : g_ptr_array_new ();
  g_ptr_array_sort_with_data (keys, by_count, counts);
  for (guint i = 0; i < keys->len; i++)
    total += GPOINTER_TO_UINT (g_hash_table_lookup (counts, keys->pdata[i]));
  fprintf (stderr, "main-thread queries after the first frame: %u (%u kinds)\n", total, keys->len);
  for (guint i = 0; i < keys->len; i++)
    fprintf (stderr, "%6u  %.160s\n", GPOINTER_TO_UINT (g_hash_table_lookup (counts, keys->pdata[i])),
             (const char *) keys->pdata[i]);
  g_mutex_unlock (&counts_lock);
}

void
td_query_watch_statement (const char *sql)
{
  g_autofree char *line = NULL;

  if (g_atomic_pointer_get (&watched) != g_thread_self () || sql == NULL)
    return;
  line = g_strdelimit (g_strdup (sql), "\n\t", ' ');
  if (mode () == WATCH_ABORT)
    g_error ("A query ran on the main thread after the window's first frame: %s", line);
  g_mutex_lock (&counts_lock);
  g_hash_table_insert (counts, g_strdup (line),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, line)) + 1));
  g_mutex_unlock (&counts_lock);
}

void
td_query_watch_arm (void)
{
  if (mode () == WATCH_OFF)
    return;
  g_mutex_lock (&counts_lock);
  if (counts == NULL)
    {
      /* Printed even when there were none: "0" is the answer the switch is for. */
      counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      atexit (print_counts);
    }
  g_mutex_unlock (&counts_lock);
  g_atomic_pointer_set (&watched, g_thread_self ());
}
