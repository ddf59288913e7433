/* td-pdf-thumbnails.c: the thumbnails sidebar of the viewer.
 *
 * A GtkListView over the page numbers.  The list binds more rows than are in sight (up to a
 * couple of hundred), so after each layout the rows whose picture lies within the viewport (and
 * half a screen around it) ask for their page; the page is drawn in a GTask thread (the
 * document's own lock keeps poppler to one thread at a time) and kept as a texture, so
 * scrolling back costs nothing.  A row scrolled away before its page was drawn cancels the
 * work, and past MAX_KEPT pages the ones out of sight are dropped. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-pdf-thumbnails.h"

#define THUMB_WIDTH 112    /* logical pixels */
#define MAX_KEPT    300    /* drawn pages kept, about 20 MB at scale 1 */

struct _TdPdfThumbnails
{
  AdwBin              parent_instance;

  TdPdfView          *view;
  TdPdfDocument      *document;
  GtkListView        *list;
  GtkScrolledWindow  *scrolled;
  guint               update_id;
  GtkSingleSelection *selection;
  GHashTable         *textures;     /* page → GdkTexture */
  GHashTable         *pending;      /* page → GCancellable of the drawing under way */
  GHashTable         *bound;        /* page → GtkPicture showing it */
  gboolean            syncing;
};

G_DEFINE_FINAL_TYPE (TdPdfThumbnails, td_pdf_thumbnails, ADW_TYPE_BIN)

/* A thumbnail on its way: the strip and the page it is for. */
typedef struct {
  TdPdfThumbnails *self;
  int              page;
} Pending;

static void
drawn_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Pending *pending = user_data;
  g_autoptr(TdPdfThumbnails) self = pending->self;
  int page = pending->page;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = td_pdf_document_render_finish (TD_PDF_DOCUMENT (source), result, &error);
  g_autoptr(GBytes) pixels = NULL;
  GdkTexture *texture;
  GtkPicture *picture;

  g_free (pending);
  /* A cancelled job was already forgotten; the document may have changed since. */
  if (surface == NULL || (TdPdfDocument *) source != self->document)
    {
      g_clear_pointer (&surface, cairo_surface_destroy);
      return;
    }
  g_hash_table_remove (self->pending, GINT_TO_POINTER (page));
  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * cairo_image_surface_get_height (surface));
  /* cairo's ARGB32 is premultiplied, in native byte order: GDK_MEMORY_DEFAULT. */
  texture = gdk_memory_texture_new (cairo_image_surface_get_width (surface), cairo_image_surface_get_height (surface),
                                    GDK_MEMORY_DEFAULT, pixels, cairo_image_surface_get_stride (surface));
  cairo_surface_destroy (surface);
  g_hash_table_insert (self->textures, GINT_TO_POINTER (page), texture);
  picture = g_hash_table_lookup (self->bound, GINT_TO_POINTER (page));
  if (picture)
    gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

static void
request (TdPdfThumbnails *self,
         int              page)
{
  GCancellable *cancellable;
  Pending *pending;
  double width, height;

  if (g_hash_table_contains (self->textures, GINT_TO_POINTER (page)) ||
      g_hash_table_contains (self->pending, GINT_TO_POINTER (page)))
    return;
  if (!td_pdf_document_get_page_size (self->document, page, &width, &height) || width <= 0)
    return;
  cancellable = g_cancellable_new ();
  g_hash_table_insert (self->pending, GINT_TO_POINTER (page), cancellable);
  pending = g_new0 (Pending, 1);
  pending->self = g_object_ref (self);
  pending->page = page;
  td_pdf_document_render_async (self->document, page, THUMB_WIDTH * gtk_widget_get_scale_factor (GTK_WIDGET (self)) / width,
                                1024 * 1024, cancellable, drawn_cb, pending);
}

/* The bound rows whose picture is within reach of the viewport draw their page. */
static gboolean
update_cb (gpointer data)
{
  TdPdfThumbnails *self = data;
  int height = gtk_widget_get_height (GTK_WIDGET (self->scrolled));
  gboolean unplaced = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  self->update_id = 0;
  if (self->document == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      graphene_rect_t r;

      if (height <= 0 || !gtk_widget_compute_bounds (value, GTK_WIDGET (self->scrolled), &r) || r.size.height <= 0)
        unplaced = TRUE;
      else if (r.origin.y + r.size.height >= -height / 2 && r.origin.y <= height + height / 2)
        request (self, GPOINTER_TO_INT (key));
    }
  /* Rows bound but not laid out yet (the sidebar is still sliding in): look again shortly. */
  if (unplaced)
    self->update_id = g_timeout_add (50, update_cb, self);
  if (g_hash_table_size (self->textures) > MAX_KEPT)
    {
      g_hash_table_iter_init (&iter, self->textures);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (self->bound, key))
          g_hash_table_iter_remove (&iter);
    }
  return G_SOURCE_REMOVE;
}

/* After the next layout: the idle priority runs once the frame has been laid out. */
static void
queue_update (TdPdfThumbnails *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_cb, self, NULL);
}

/* List rows */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          TdPdfThumbnails          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_set_halign (frame, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), frame);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

/* An item is a box of the framed picture and the page number under it (setup_cb). */
static GtkPicture *
item_picture (GtkListItem *item)
{
  GtkWidget *frame = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  return GTK_PICTURE (gtk_frame_get_child (GTK_FRAME (frame)));
}

static GtkLabel *
item_label (GtkListItem *item)
{
  return GTK_LABEL (gtk_widget_get_last_child (gtk_list_item_get_child (item)));
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         TdPdfThumbnails          *self)
{
  GtkPicture *picture = item_picture (item);
  GtkLabel *label = item_label (item);
  int page = (int) gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%d", page + 1);
  g_autofree char *name = g_strdup_printf (_("Page %d"), page + 1);
  double width = 0, height = 0;
  GdkTexture *texture;

  gtk_label_set_label (label, number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  /* The row has the page's shape before the page arrives, so the list does not jump. */
  if (self->document && td_pdf_document_get_page_size (self->document, page, &width, &height) && width > 0)
    gtk_widget_set_size_request (GTK_WIDGET (picture), THUMB_WIDTH, (int) (THUMB_WIDTH * height / width));
  else
    gtk_widget_set_size_request (GTK_WIDGET (picture), THUMB_WIDTH, THUMB_WIDTH * 1414 / 1000);
  g_hash_table_insert (self->bound, GINT_TO_POINTER (page), picture);
  texture = g_hash_table_lookup (self->textures, GINT_TO_POINTER (page));
  gtk_picture_set_paintable (picture, texture ? GDK_PAINTABLE (texture) : NULL);
  if (texture == NULL && self->document)
    queue_update (self);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           TdPdfThumbnails          *self)
{
  int page = (int) gtk_list_item_get_position (item);
  GtkPicture *picture = item_picture (item);
  GCancellable *cancellable;

  if (g_hash_table_lookup (self->bound, GINT_TO_POINTER (page)) == picture)
    g_hash_table_remove (self->bound, GINT_TO_POINTER (page));
  gtk_picture_set_paintable (picture, NULL);
  /* Scrolled away before it was drawn: not worth drawing any more. */
  cancellable = g_hash_table_lookup (self->pending, GINT_TO_POINTER (page));
  if (cancellable)
    {
      g_cancellable_cancel (cancellable);
      g_hash_table_remove (self->pending, GINT_TO_POINTER (page));
    }
}

/* Following the view */

static void
view_page_cb (TdPdfThumbnails *self)
{
  guint page;

  if (self->view == NULL || self->syncing)
    return;
  page = (guint) td_pdf_view_get_page (self->view);
  if (page >= g_list_model_get_n_items (G_LIST_MODEL (self->selection)))
    return;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, page);
  gtk_list_view_scroll_to (self->list, page, GTK_LIST_SCROLL_NONE, NULL);
  self->syncing = FALSE;
}

static void
clear_pages (TdPdfThumbnails *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_cancellable_cancel (value);
  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->textures);
}

static void
view_document_cb (TdPdfThumbnails *self)
{
  TdPdfDocument *document = self->view ? td_pdf_view_get_document (self->view) : NULL;
  int n = document ? td_pdf_document_get_n_pages (document) : 0;
  g_autoptr(GtkStringList) pages = gtk_string_list_new (NULL);

  if (document == self->document && document != NULL)
    return;
  clear_pages (self);
  g_set_object (&self->document, document);
  for (int i = 0; i < n; i++)
    {
      char number[16];
      g_snprintf (number, sizeof number, "%d", i + 1);
      gtk_string_list_append (pages, number);
    }
  self->syncing = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (pages));
  self->syncing = FALSE;
  view_page_cb (self);
}

static void
selected_cb (TdPdfThumbnails *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  if (self->syncing || self->view == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  self->syncing = TRUE;
  td_pdf_view_set_page (self->view, (int) selected);
  self->syncing = FALSE;
}

void
td_pdf_thumbnails_set_view (TdPdfThumbnails *self,
                            TdPdfView       *view)
{
  g_return_if_fail (TD_IS_PDF_THUMBNAILS (self));

  if (self->view)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_set_object (&self->view, view);
  if (view)
    {
      g_signal_connect_swapped (view, "notify::page", G_CALLBACK (view_page_cb), self);
      g_signal_connect_swapped (view, "notify::n-pages", G_CALLBACK (view_document_cb), self);
    }
  g_clear_object (&self->document);
  view_document_cb (self);
}

guint
td_pdf_thumbnails_get_n_drawn (TdPdfThumbnails *self)
{
  return g_hash_table_size (self->textures);
}

/* GObject */

static void
td_pdf_thumbnails_dispose (GObject *object)
{
  TdPdfThumbnails *self = TD_PDF_THUMBNAILS (object);

  if (self->view)
    g_signal_handlers_disconnect_by_data (self->view, self);
  g_clear_object (&self->view);
  if (self->pending)
    clear_pages (self);
  g_clear_handle_id (&self->update_id, g_source_remove);
  g_clear_object (&self->document);
  G_OBJECT_CLASS (td_pdf_thumbnails_parent_class)->dispose (object);
}

static void
td_pdf_thumbnails_finalize (GObject *object)
{
  TdPdfThumbnails *self = TD_PDF_THUMBNAILS (object);

  g_hash_table_unref (self->textures);
  g_hash_table_unref (self->pending);
  g_hash_table_unref (self->bound);
  G_OBJECT_CLASS (td_pdf_thumbnails_parent_class)->finalize (object);
}

static void
td_pdf_thumbnails_class_init (TdPdfThumbnailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = td_pdf_thumbnails_dispose;
  object_class->finalize = td_pdf_thumbnails_finalize;
}

static void
td_pdf_thumbnails_init (TdPdfThumbnails *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->scrolled = GTK_SCROLLED_WINDOW (scrolled);

  self->textures = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->pending = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->bound = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_can_unselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (selected_cb), self);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (self->selection), factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pages"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (scrolled, THUMB_WIDTH + 40, -1);
  g_signal_connect_swapped (gtk_scrolled_window_get_vadjustment (self->scrolled), "value-changed",
                            G_CALLBACK (queue_update), self);
  g_signal_connect (self, "map", G_CALLBACK (queue_update), NULL);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
td_pdf_thumbnails_new (void)
{
  return g_object_new (TD_TYPE_PDF_THUMBNAILS, NULL);
}
