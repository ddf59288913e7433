/* td-document-preview.c: the real PDF pages of a generated document, with Print and Save. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-document-preview.h"
#include "td-print.h"
#include "td-pickers.h"

struct _TdDocumentPreview
{
  AdwDialog    parent_instance;

  TdPdfReader *reader;
  AdwToastOverlay *toasts;
  GBytes      *pdf;
  char        *file_name;
  char        *setup_key;
  gboolean     offset_fields;
};

G_DEFINE_FINAL_TYPE (TdDocumentPreview, td_document_preview, ADW_TYPE_DIALOG)

enum { PRINTED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
print_cb (TdDocumentPreview *self)
{
  if (td_print_pdf (GTK_WIDGET (self), self->pdf, adw_dialog_get_title (ADW_DIALOG (self)), self->setup_key,
                    self->offset_fields))
    g_signal_emit (self, signals[PRINTED], 0);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(TdDocumentPreview) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    message = g_strdup_printf (_("The file could not be saved: %s"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (G_FILE (source));
      message = g_strdup_printf (_("Saved as “%s”"), name);
    }
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (message));
}

static void
save_chosen_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(TdDocumentPreview) self = user_data;
  g_autoptr(GFile) file = gtk_file_dialog_save_finish (GTK_FILE_DIALOG (source), result, NULL);

  if (file == NULL)
    return;
  /* Written to a temporary file and renamed: an existing file is never left half-replaced. */
  g_file_replace_contents_bytes_async (file, self->pdf, NULL, FALSE, G_FILE_CREATE_NONE, NULL, saved_cb,
                                       g_object_ref (self));
}

static void
save_cb (TdDocumentPreview *self)
{
  g_autoptr(GtkFileDialog) dialog = td_pickers_pdf_dialog (_("Save as PDF"));

  gtk_file_dialog_set_initial_name (dialog, self->file_name);
  gtk_file_dialog_save (dialog, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), NULL, save_chosen_cb,
                        g_object_ref (self));
}

static gboolean
print_binding (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  print_cb (TD_DOCUMENT_PREVIEW (widget));
  return TRUE;
}

static gboolean
save_binding (GtkWidget *widget,
              GVariant  *args,
              gpointer   data)
{
  save_cb (TD_DOCUMENT_PREVIEW (widget));
  return TRUE;
}

static void
td_document_preview_finalize (GObject *object)
{
  TdDocumentPreview *self = TD_DOCUMENT_PREVIEW (object);

  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_free (self->file_name);
  g_free (self->setup_key);
  G_OBJECT_CLASS (td_document_preview_parent_class)->finalize (object);
}

static void
td_document_preview_class_init (TdDocumentPreviewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* Emitted once the pages went to the printer: the certificates count the blanks used. */
  signals[PRINTED] = g_signal_new ("printed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
  G_OBJECT_CLASS (klass)->finalize = td_document_preview_finalize;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, print_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, save_binding, NULL);
}

static void
td_document_preview_init (TdDocumentPreview *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));
  GtkWidget *save = gtk_button_new_from_icon_name ("document-save-symbolic");

  adw_dialog_set_content_width (ADW_DIALOG (self), 820);
  adw_dialog_set_content_height (ADW_DIALOG (self), 940);
  gtk_widget_add_css_class (print, "suggested-action");
  gtk_widget_set_tooltip_text (print, _("Print (Ctrl+P)"));
  gtk_widget_set_tooltip_text (save, _("Save as PDF (Ctrl+S)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Save as PDF"), -1);
  g_signal_connect_swapped (print, "clicked", G_CALLBACK (print_cb), self);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), print);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), save);
  self->reader = TD_PDF_READER (td_pdf_reader_new ());
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->reader));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), GTK_WIDGET (self->toasts));
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
}

TdDocumentPreview *
td_document_preview_new (GBytes     *pdf,
                         const char *title,
                         const char *file_name,
                         const char *setup_key,
                         gboolean    offset_fields)
{
  TdDocumentPreview *self = g_object_new (TD_TYPE_DOCUMENT_PREVIEW, "title", title, NULL);

  self->pdf = g_bytes_ref (pdf);
  self->file_name = g_strdup (file_name);
  self->setup_key = g_strdup (setup_key);
  self->offset_fields = offset_fields;
  td_pdf_reader_set_pdf (self->reader, pdf, NULL);
  return self;
}

TdPdfReader *
td_document_preview_get_reader (TdDocumentPreview *self)
{
  return self->reader;
}
