/* thidua-sheet-helper: reads one untrusted spreadsheet for the app, in a process of its own.
 *
 * A 5 KB XLSX whose dimension claims two billion rows crashed libfreexl inside the app, a
 * 1.6 KB ODS too, and a 2 MB zip bomb grew past 4 GB.  The app therefore never reads a
 * spreadsheet itself: it opens the file, hands it to this helper as standard input and reads
 * the rows back from standard output (td-spreadsheet.c).  Here the helper limits itself
 * first: CPU time, address space, no files written, gone with the app, and a system-call
 * filter (td-sandbox-filter.c).
 *
 *   thidua-sheet-helper NAME [SHEET] < FILE
 *
 * NAME is the file's name as the user knows it: its extension says the kind, and the
 * messages quote it.  The answer is one GVariant "(busaas)": read or not, the error's code
 * and message, the rows. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <sys/resource.h>
#include <unistd.h>

#include "td-sandbox.h"
#include "td-sandbox-filter.h"
#include "td-spreadsheet.h"
#include "td-spreadsheet-read.h"

/* A register of 100,000 rows reads in a second or two; far more is a file made to stall. */
#define CPU_SECONDS   20
#define ADDRESS_SPACE (G_GUINT64_CONSTANT (1) * 1024 * 1024 * 1024)

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      ssize_t n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  struct rlimit no_files = { 0, 0 };
  const char *localedir = g_getenv ("THIDUA_LOCALEDIR");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GVariant) answer = NULL;
  GVariantBuilder cells;

  td_sandbox_limit_self (CPU_SECONDS, ADDRESS_SPACE);
  setrlimit (RLIMIT_FSIZE, &no_files);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  if (argc == 3 && g_str_equal (argv[1], "--sandbox-test"))
    return td_sandbox_self_test (argv[2]);
  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: thidua-sheet-helper NAME [SHEET] < FILE\n");
      return 2;
    }
  td_sandbox_filter_syscalls ();

  /* The file the app opened, as a path the readers (and minizip under libfreexl) can open. */
  rows = td_spreadsheet_read_here ("/proc/self/fd/0", argv[1], argc > 2 ? argv[2] : NULL, &error);
  g_variant_builder_init (&cells, G_VARIANT_TYPE ("aas"));
  for (guint i = 0; rows && i < rows->len; i++)
    g_variant_builder_add (&cells, "^as", rows->pdata[i]);
  answer = g_variant_ref_sink (g_variant_new ("(busaas)", rows != NULL,
                                              error == NULL ? 0
                                              : error->domain == TD_SPREADSHEET_ERROR ? (guint) error->code
                                                                                      : TD_SPREADSHEET_ERROR_DAMAGED,
                                              error ? error->message : "", &cells));
  return write_all (STDOUT_FILENO, g_variant_get_data (answer), g_variant_get_size (answer)) ? 0 : 1;
}
