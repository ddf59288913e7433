/* td-import-dialog.c: the batch import.
 *
 * Checking and importing run in a worker thread with a connection of its own; each package is
 * its own transaction, so one bad file is listed with its reason and the others go in. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-core.h"
#include "td-import-dialog.h"
#include "td-package.h"

typedef struct {
  char             *path;
  TdPackagePreview *preview;    /* NULL when the file was refused */
  char             *error;
  gboolean          imported;
} Item;

struct _TdImportDialog
{
  AdwDialog       parent_instance;

  TdDatabase     *db;
  gsize           max_size;
  GPtrArray      *items;          /* Item */
  GCancellable   *cancellable;
  gboolean        busy;
  gboolean        finished;
  guint           n_done;
  guint           progress_source;
  volatile gint   progress;       /* items handled by the worker, read by the main loop */
  guint           run_total;      /* items the running check or import handles */

  GtkButton      *cancel_button;
  GtkButton      *import_button;
  GtkProgressBar *progress_bar;
  GtkLabel       *summary_label;
  GtkListBox     *file_list;
};

G_DEFINE_FINAL_TYPE (TdImportDialog, td_import_dialog, ADW_TYPE_DIALOG)

static void
item_free (Item *item)
{
  g_free (item->path);
  td_package_preview_free (item->preview);
  g_free (item->error);
  g_free (item);
}

static const char *
kind_text (TdImportKind kind)
{
  switch (kind)
    {
    case TD_IMPORT_NEW: return _("New");
    case TD_IMPORT_SAME: return _("Already received, nothing to do");
    case TD_IMPORT_REVISION: return _("A new revision: the earlier one is kept");
    case TD_IMPORT_RETURNED: return _("Returned by the province: opens for editing");
    }
  return "";
}

static void
show_items (TdImportDialog *self)
{
  GtkWidget *child;
  guint ok = 0, bad = 0;
  g_autofree char *summary = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->file_list))) != NULL)
    gtk_list_box_remove (self->file_list, child);

  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_path_get_basename (item->path);
      g_autofree char *subtitle = NULL;
      GtkWidget *icon;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (item->preview)
        {
          g_autoptr(GString) text = g_string_new (NULL);

          ok++;
          g_string_printf (text, _("%s (%s), round %u, revision %d: %s"), item->preview->unit_name,
                           item->preview->unit_code, item->preview->round_number, item->preview->revision,
                           item->imported ? _("imported") : kind_text (item->preview->kind));
          if (item->preview->signature)
            {
              TdSignatureInfo *sig = item->preview->signature;
              g_autofree char *when = sig->signed_at ? td_format_unix_time (sig->signed_at, TRUE) : g_strdup ("?");

              g_string_append_c (text, '\n');
              g_string_append_printf (text, _("Signed by %s on %s; certificate from %s, serial %s"),
                                      sig->signer->subject, when, sig->signer->issuer, sig->signer->serial);
            }
          else
            g_string_append_printf (text, "\n%s", _("Not signed"));
          if (item->preview->setup_version > 0 && item->preview->setup_version < item->preview->board_setup_version)
            {
              g_string_append_c (text, '\n');
              g_string_append_printf (text, _("Works with version %d of the board's setup; the newest is %d: send the unit "
                                              "its new setup file."),
                                      item->preview->setup_version, item->preview->board_setup_version);
            }
          for (guint c = 0; c < item->preview->changes->len && c < 6 && item->preview->kind == TD_IMPORT_REVISION; c++)
            g_string_append_printf (text, "\n%s", (const char *) item->preview->changes->pdata[c]);
          subtitle = g_string_free (g_steal_pointer (&text), FALSE);
          icon = gtk_image_new_from_icon_name (item->imported ? "object-select-symbolic" : "document-open-symbolic");
        }
      else
        {
          bad++;
          subtitle = g_strdup (item->error);
          icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
          gtk_widget_add_css_class (icon, "error");
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->file_list, row);
    }

  if (self->finished)
    summary = g_strdup_printf (_("%u imported, %u refused. Refused files changed nothing; ask their units to export them again."),
                               self->n_done, bad);
  else
    summary = g_strdup_printf (_("%u can be imported, %u refused with the reason below."), ok, bad);
  gtk_label_set_label (self->summary_label, summary);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), !self->busy && !self->finished && ok > 0);
  gtk_button_set_label (self->cancel_button, self->finished ? _("_Close") : _("_Cancel"));
}

static gboolean
progress_cb (gpointer user_data)
{
  TdImportDialog *self = user_data;

  guint done = MIN ((guint) g_atomic_int_get (&self->progress), self->run_total);
  /* "12 of 31": a folder of packages takes a while, and a bar alone does not say how long. */
  g_autofree char *text = g_strdup_printf (ngettext ("%u of %u file", "%u of %u files", self->run_total), done,
                                           self->run_total);

  gtk_progress_bar_set_fraction (self->progress_bar, (double) done / MAX (self->run_total, 1));
  gtk_progress_bar_set_text (self->progress_bar, text);
  return G_SOURCE_CONTINUE;
}

/* Called on the worker: only the counter crosses threads. */
static void
count_progress (guint    done,
                guint    total,
                gpointer data)
{
  g_atomic_int_set ((gint *) data, (gint) done);
}

/* Which items a run handles: every one to check them, those that passed to import them. */
typedef struct {
  TdImportDialog *self;
  GPtrArray      *items;        /* Item, borrowed from self->items */
  gboolean        import;
} Run;

static void
work_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(TdImportDialog) self = run->self;
  g_autoptr(GPtrArray) items = run->items;
  gboolean import = run->import;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outcomes = td_packages_run_finish (result, &error);

  g_free (run);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
  self->busy = FALSE;
  if (outcomes == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }
  for (guint i = 0; i < outcomes->len && i < items->len; i++)
    {
      Item *item = items->pdata[i];
      TdPackageOutcome *o = outcomes->pdata[i];

      g_clear_pointer (&item->preview, td_package_preview_free);
      g_clear_pointer (&item->error, g_free);
      item->preview = g_steal_pointer (&o->preview);
      item->error = g_steal_pointer (&o->error);
      item->imported = import && item->preview != NULL;
    }
  if (import)
    {
      self->finished = TRUE;
      self->n_done = 0;
      for (guint i = 0; i < self->items->len; i++)
        self->n_done += ((Item *) self->items->pdata[i])->imported;
    }
  show_items (self);
}

static void
run (TdImportDialog *self,
     gboolean        import)
{
  g_autoptr(GStrvBuilder) paths = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  Run *r = g_new0 (Run, 1);

  r->self = g_object_ref (self);
  r->items = g_ptr_array_new ();
  r->import = import;
  for (guint i = 0; i < self->items->len; i++)
    {
      Item *item = self->items->pdata[i];

      if (import && item->preview == NULL)
        continue;
      g_ptr_array_add (r->items, item);
      g_strv_builder_add (paths, item->path);
    }
  list = g_strv_builder_end (paths);
  self->busy = TRUE;
  g_atomic_int_set (&self->progress, 0);
  self->run_total = r->items->len;
  gtk_progress_bar_set_show_text (self->progress_bar, TRUE);
  progress_cb (self);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  self->progress_source = g_timeout_add (100, progress_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
  gtk_label_set_label (self->summary_label, import ? _("Importing…") : _("Checking the files…"));
  td_packages_run_async (self->db, (const char * const *) list, import, self->max_size, self->cancellable,
                         count_progress, (gpointer) &self->progress, work_done_cb, r);
}

static void
cancel_clicked_cb (TdImportDialog *self)
{
  adw_dialog_close (ADW_DIALOG (self));
}

static void
import_clicked_cb (TdImportDialog *self)
{
  td_import_dialog_start (self);
}

static void
td_import_dialog_dispose (GObject *object)
{
  TdImportDialog *self = TD_IMPORT_DIALOG (object);

  /* The worker holds a reference until it returns: it stops after the package in hand, which
   * is all or nothing. */
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), TD_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (td_import_dialog_parent_class)->dispose (object);
}

static void
td_import_dialog_finalize (GObject *object)
{
  TdImportDialog *self = TD_IMPORT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (td_import_dialog_parent_class)->finalize (object);
}

static void
td_import_dialog_class_init (TdImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_import_dialog_dispose;
  object_class->finalize = td_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/thidua/ThiDua/td-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TdImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, TdImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TdImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TdImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TdImportDialog, file_list);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
}

static void
td_import_dialog_init (TdImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->cancellable = g_cancellable_new ();
}

TdImportDialog *
td_import_dialog_new (TdDatabase *db,
                      GListModel *files,
                      gsize       max_evidence_size)
{
  TdImportDialog *self = g_object_new (TD_TYPE_IMPORT_DIALOG, NULL);

  self->db = g_object_ref (db);
  self->max_size = max_evidence_size;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      Item *item = g_new0 (Item, 1);

      item->path = g_file_get_path (file);
      if (item->path == NULL)
        {
          item->path = g_file_get_uri (file);
          item->error = g_strdup (_("Only files on this computer can be imported."));
        }
      g_ptr_array_add (self->items, item);
    }
  run (self, FALSE);
  return self;
}

gboolean
td_import_dialog_is_busy (TdImportDialog *self)
{
  return self->busy;
}

guint
td_import_dialog_get_n_ok (TdImportDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->items->len; i++)
    n += ((Item *) self->items->pdata[i])->preview != NULL;
  return n;
}

guint
td_import_dialog_get_n_done (TdImportDialog *self)
{
  return self->n_done;
}

void
td_import_dialog_start (TdImportDialog *self)
{
  if (!self->busy && !self->finished)
    run (self, TRUE);
}
