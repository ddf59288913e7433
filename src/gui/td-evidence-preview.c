/* td-evidence-preview.c: the form's evidence preview.
 *
 * Each page is rendered by poppler in a worker thread (a document of its own there, since
 * poppler documents are not shared between threads) and shown when ready; the full evidence
 * viewer with caching and search is a separate piece of work. */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "td-evidence-preview.h"

#define RENDER_WIDTH 900

struct _TdEvidencePreview
{
  AdwDialog     parent_instance;

  GBytes       *pdf;
  int           n_pages;
  int           page;
  GCancellable *cancellable;

  GtkPicture   *picture;
  GtkLabel     *page_label;
  GtkButton    *previous_button;
  GtkButton    *next_button;
};

G_DEFINE_FINAL_TYPE (TdEvidencePreview, td_evidence_preview, ADW_TYPE_DIALOG)

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TdEvidencePreview *self = source;
  int page_index = GPOINTER_TO_INT (task_data);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (self->pdf, NULL, &error);
  PopplerPage *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double w, h, scale;
  GBytes *pixels;
  GdkTexture *texture;

  if (doc == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  page = poppler_document_get_page (doc, page_index);
  if (page == NULL)
    {
      g_object_unref (doc);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED, _("The page cannot be read."));
      return;
    }
  poppler_page_get_size (page, &w, &h);
  /* Large scans are drawn at the preview's width, never at their own. */
  scale = RENDER_WIDTH / MAX (w, 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) (w * scale), (int) (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, pixels, (gsize) cairo_image_surface_get_stride (surface));
  g_bytes_unref (pixels);
  cairo_surface_destroy (surface);
  g_object_unref (page);
  g_object_unref (doc);
  g_task_return_pointer (task, texture, g_object_unref);
}

static void
rendered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TdEvidencePreview *self = TD_EVIDENCE_PREVIEW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (texture == NULL)
    {
      gtk_label_set_label (self->page_label, error->message);
      return;
    }
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
}

static void
show_page (TdEvidencePreview *self,
           int                page)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *label = NULL;

  self->page = CLAMP (page, 0, MAX (self->n_pages - 1, 0));
  label = g_strdup_printf (_("Page %d of %d"), self->page + 1, self->n_pages);
  gtk_label_set_label (self->page_label, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->page + 1 < self->n_pages);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, rendered_cb, NULL);
  g_task_set_task_data (task, GINT_TO_POINTER (self->page), NULL);
  g_task_run_in_thread (task, render_thread);
}

static void
flip_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  TdEvidencePreview *self = TD_EVIDENCE_PREVIEW (widget);

  show_page (self, self->page + g_variant_get_int32 (parameter));
}

static void
td_evidence_preview_dispose (GObject *object)
{
  TdEvidencePreview *self = TD_EVIDENCE_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  G_OBJECT_CLASS (td_evidence_preview_parent_class)->dispose (object);
}

static void
td_evidence_preview_class_init (TdEvidencePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_evidence_preview_dispose;
  gtk_widget_class_install_action (widget_class, "preview.flip", "i", flip_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.flip", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "preview.flip", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "preview.flip", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.flip", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "preview.flip", "i", -1);
}

static void
td_evidence_preview_init (TdEvidencePreview *self)
{
  GtkWidget *toolbar = adw_toolbar_view_new ();
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  adw_dialog_set_title (ADW_DIALOG (self), _("Evidence"));
  adw_dialog_set_content_width (ADW_DIALOG (self), 760);
  adw_dialog_set_content_height (ADW_DIALOG (self), 900);

  /* A handful of widgets; a Blueprint file for them would say no more than this. */
  self->previous_button = GTK_BUTTON (gtk_button_new_from_icon_name ("go-previous-symbolic"));
  self->next_button = GTK_BUTTON (gtk_button_new_from_icon_name ("go-next-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_button), _("Previous Page"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->next_button), _("Next Page"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->previous_button), "preview.flip");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->previous_button), "i", -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_button), "preview.flip");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->next_button), "i", 1);
  self->page_label = GTK_LABEL (gtk_label_new (NULL));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->previous_button));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->next_button));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->page_label));
  adw_toolbar_view_add_top_bar (ADW_TOOLBAR_VIEW (toolbar), header);

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_content_fit (self->picture, GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_vexpand (GTK_WIDGET (self->picture), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Evidence page"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->picture));
  adw_toolbar_view_set_content (ADW_TOOLBAR_VIEW (toolbar), scroller);
  adw_dialog_set_child (ADW_DIALOG (self), toolbar);
}

TdEvidencePreview *
td_evidence_preview_new (GBytes *pdf)
{
  TdEvidencePreview *self = g_object_new (TD_TYPE_EVIDENCE_PREVIEW, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc;

  self->pdf = g_bytes_ref (pdf);
  /* The bytes were checked when attached; counting pages here is quick. */
  doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  self->n_pages = doc ? poppler_document_get_n_pages (doc) : 0;
  g_clear_object (&doc);
  if (self->n_pages == 0)
    gtk_label_set_label (self->page_label, error ? error->message : _("The document has no pages."));
  else
    show_page (self, 0);
  return self;
}
