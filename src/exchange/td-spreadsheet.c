/* td-spreadsheet.c: reading a register or a sheet of figures as rows of text.
 *
 * A spreadsheet is hostile input like a PDF: it is read in thidua-sheet-helper, a process
 * that limits itself (td-spreadsheet-read.c has the readers).  The app opens the file, checks
 * that it is a regular file of a sane size, hands it over and reads back one GVariant.  A
 * helper that dies (out of memory or time, or a crash in libfreexl) is a refusal, not a crash
 * of the app. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "td-sandbox.h"
#include "td-spreadsheet.h"

G_DEFINE_QUARK (td-spreadsheet-error-quark, td_spreadsheet_error)

/* A register or a sheet of figures is a few megabytes at most, and so is what comes back. */
#define MAX_FILE_BYTES   (32 * 1024 * 1024)
#define MAX_ANSWER_BYTES (256 * 1024 * 1024)

gboolean
td_spreadsheet_kind (const char         *path,
                     TdSpreadsheetKind  *kind,
                     GError            **error)
{
  static const struct { const char *suffix; TdSpreadsheetKind kind; } kinds[] = {
    { ".csv", TD_SPREADSHEET_KIND_CSV }, { ".txt", TD_SPREADSHEET_KIND_CSV }, { ".xlsx", TD_SPREADSHEET_KIND_XLSX },
    { ".ods", TD_SPREADSHEET_KIND_ODS }, { ".xls", TD_SPREADSHEET_KIND_XLS },
  };
  g_autofree char *lower = g_ascii_strdown (path, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_has_suffix (lower, kinds[i].suffix))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_FORMAT,
               _("“%s” is not a spreadsheet Thi đua reads: save it as .xlsx, .ods or .csv."), path);
  return FALSE;
}

/* The helper's answer: every byte of its standard output, up to the cap. */
static GBytes *
read_answer (GSubprocess  *helper,
             const char   *path,
             GError      **error)
{
  GInputStream *out = g_subprocess_get_stdout_pipe (helper);
  g_autoptr(GByteArray) answer = g_byte_array_new ();
  guint8 buffer[65536];

  for (;;)
    {
      gssize n = g_input_stream_read (out, buffer, sizeof buffer, NULL, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_byte_array_append (answer, buffer, (guint) n);
      if (answer->len > MAX_ANSWER_BYTES)
        {
          g_subprocess_force_exit (helper);
          g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
                       _("“%s” holds more than %d MB of text; a unit register or a sheet of figures is far smaller."),
                       path, MAX_ANSWER_BYTES / (1024 * 1024));
          return NULL;
        }
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&answer));
}

/* Every row of @sheet (NULL: the first), read in the helper. */
GPtrArray *
td_spreadsheet_read (const char  *path,
                     const char  *sheet,
                     GError     **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) helper = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) answer = NULL;
  g_autoptr(GVariant) cells = NULL;
  g_autofree char *program = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const char *message;
  gboolean ok;
  guint32 code;
  TdSpreadsheetKind kind;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  if (!td_spreadsheet_kind (path, &kind, error))
    return NULL;
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("“%s” cannot be opened: %s"), path,
                   g_strerror (saved));
      return NULL;
    }
  /* The size first: a file of gigabytes, a device (/dev/zero) or a pipe is refused unread. */
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > MAX_FILE_BYTES)
    {
      g_close (fd, NULL);
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_TOO_LARGE,
                   _("“%s” is not a spreadsheet file of at most %d MB; a unit register or a sheet of figures is "
                     "far smaller."), path, MAX_FILE_BYTES / (1024 * 1024));
      return NULL;
    }
  program = td_sandbox_find_helper ("THIDUA_SHEET_HELPER", "exchange", "thidua-sheet-helper");
  if (program == NULL)
    {
      g_close (fd, NULL);
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_FORMAT,
                   _("The spreadsheet reader (thidua-sheet-helper) is missing: install Thi đua again."));
      return NULL;
    }
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_take_stdin_fd (launcher, fd);
  helper = g_subprocess_launcher_spawn (launcher, error, program, path, sheet, NULL);
  if (helper == NULL)
    return NULL;
  bytes = read_answer (helper, path, error);
  g_subprocess_wait (helper, NULL, NULL);
  if (bytes == NULL)
    return NULL;
  if (!g_subprocess_get_if_exited (helper) || g_subprocess_get_exit_status (helper) != 0)
    {
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_DAMAGED,
                   _("“%s” could not be read: the spreadsheet reader stopped at its memory or time limit, or on "
                     "damaged contents. Open it in a spreadsheet program and save it again; a unit register is a "
                     "few thousand rows."), path);
      return NULL;
    }
  answer = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(busaas)"), bytes, FALSE));
  if (!g_variant_is_normal_form (answer))
    {
      g_set_error (error, TD_SPREADSHEET_ERROR, TD_SPREADSHEET_ERROR_DAMAGED,
                   _("“%s” could not be read: the spreadsheet reader gave no answer."), path);
      return NULL;
    }
  g_variant_get (answer, "(bu&s@aas)", &ok, &code, &message, &cells);
  if (!ok)
    {
      g_set_error_literal (error, TD_SPREADSHEET_ERROR,
                           code <= TD_SPREADSHEET_ERROR_TOO_LARGE ? (int) code : TD_SPREADSHEET_ERROR_DAMAGED, message);
      return NULL;
    }
  rows = g_ptr_array_new_full ((guint) g_variant_n_children (cells), (GDestroyNotify) g_strfreev);
  for (gsize i = 0; i < g_variant_n_children (cells); i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (cells, i);
      g_ptr_array_add (rows, g_variant_dup_strv (row, NULL));
    }
  return g_steal_pointer (&rows);
}

typedef struct {
  char *path;
  char *sheet;
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_free (job->sheet);
  g_free (job);
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;
  GPtrArray *rows = td_spreadsheet_read (job->path, job->sheet, &error);

  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, rows, (GDestroyNotify) g_ptr_array_unref);
}

void
td_spreadsheet_read_async (const char          *path,
                           const char          *sheet,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ReadJob *job = g_new0 (ReadJob, 1);

  job->path = g_strdup (path);
  job->sheet = g_strdup (sheet);
  g_task_set_source_tag (task, td_spreadsheet_read_async);
  g_task_set_task_data (task, job, (GDestroyNotify) read_job_free);
  g_task_run_in_thread (task, read_thread);
}

GPtrArray *
td_spreadsheet_read_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
