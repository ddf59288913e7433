/* td-pdf-view.c: the evidence page view.
 *
 * Rendering happens in the page cache's worker; this widget only wraps finished pixels in
 * textures and draws them, so a flip to a page already rendered (the cache keeps two
 * neighbours each side) shows in the same frame, and a flip to one that is not shows a blank
 * page until it arrives, with the main loop free all along.
 *
 * Two ways to read: flip (one page at a time, the default, as reviewers go through paper) and
 * continuous (the pages one under the other, scrolled).  In continuous mode the page under the
 * middle of the view is the current one: the cache renders around it and the bar shows it. */
#include "config.h"

#include <glib/gi18n.h>

#include "td-pdf-view.h"

#define MARGIN 12.0
#define GAP    12.0      /* between pages in continuous mode */

struct _TdPdfView
{
  GtkWidget      parent_instance;

  TdPageCache   *cache;
  char          *message;
  int            page;
  int            n_pages;
  TdZoomMode     zoom_mode;
  double         pinch_start;   /* the scale when the pinch began */
  double         zoom;            /* pixels per point, for TD_ZOOM_FREE */
  double         y_offset;        /* scrolled down within a tall page, in logical pixels */
  GHashTable    *textures;        /* GBytes* (pixels) → GdkTexture */
  char          *search;
  GArray        *hits;            /* rectangles on the current page */
  gboolean       continuous;
  double         doc_y;           /* continuous: top of the view in the laid-out document */
  double         laid_scale;      /* continuous: the scale doc_y was computed at */
  GArray         *tops;           /* continuous: double, top of each page in points, n + 1 */
};

G_DEFINE_FINAL_TYPE (TdPdfView, td_pdf_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void change_page (TdPdfView *self, int page);

/* Helpers */

static gboolean
page_size (TdPdfView *self,
           double    *w,
           double    *h)
{
  if (self->cache == NULL || !td_pdf_document_get_page_size (td_page_cache_get_document (self->cache), self->page, w, h))
    {
      *w = 595;
      *h = 842;
      return FALSE;
    }
  return TRUE;
}

/* Logical pixels per point for the current page in the current zoom. */
static double
logical_scale (TdPdfView *self)
{
  double w, h;
  double avail_w = MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 2 * MARGIN, 50);
  double avail_h = MAX (gtk_widget_get_height (GTK_WIDGET (self)) - 2 * MARGIN, 50);

  page_size (self, &w, &h);
  switch (self->zoom_mode)
    {
    case TD_ZOOM_FIT_PAGE: return MIN (avail_w / w, avail_h / h);
    case TD_ZOOM_FIT_WIDTH: return avail_w / w;
    case TD_ZOOM_FREE: return self->zoom;
    }
  return 1;
}

/* Continuous mode: where page @i starts, in logical pixels from the document's top. */
static double
page_top (TdPdfView *self,
          double     scale,
          int        i)
{
  return MARGIN + g_array_index (self->tops, double, i) * scale + i * GAP;
}

static void
compute_tops (TdPdfView *self)
{
  TdPdfDocument *doc = self->cache ? td_page_cache_get_document (self->cache) : NULL;
  double sum = 0;

  g_clear_pointer (&self->tops, g_array_unref);
  self->tops = g_array_sized_new (FALSE, FALSE, sizeof (double), self->n_pages + 1);
  g_array_append_val (self->tops, sum);
  for (int i = 0; i < self->n_pages; i++)
    {
      double w, h;
      if (!td_pdf_document_get_page_size (doc, i, &w, &h))
        h = 842;
      sum += h;
      g_array_append_val (self->tops, sum);
    }
}

/* Keeps the same spot of the current page at the top of the view when the scale changes
 * (zoom, a resized window), then keeps the view inside the document. */
static void
settle_continuous (TdPdfView *self)
{
  double scale = logical_scale (self);
  double bottom;

  if (!self->continuous || self->tops == NULL || self->n_pages == 0)
    return;
  if (self->laid_scale > 0 && self->laid_scale != scale)
    self->doc_y = page_top (self, scale, self->page) +
                  (self->doc_y - page_top (self, self->laid_scale, self->page)) * scale / self->laid_scale;
  self->laid_scale = scale;
  bottom = page_top (self, scale, self->n_pages) - GAP + MARGIN - gtk_widget_get_height (GTK_WIDGET (self));
  self->doc_y = CLAMP (self->doc_y, 0, MAX (bottom, 0));
}

/* Continuous mode: the page under the middle of the view becomes the current one. */
static void
follow_scroll (TdPdfView *self)
{
  double scale = logical_scale (self);
  double middle = self->doc_y + gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  int p = self->page;

  while (p + 1 < self->n_pages && page_top (self, scale, p + 1) <= middle)
    p++;
  while (p > 0 && page_top (self, scale, p) > middle)
    p--;
  change_page (self, p);
}

/* Memory the rendered pages may take: from the view's size in device pixels and the machine. */
static gsize
cache_budget (TdPdfView *self)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  return td_page_cache_budget_for (gtk_widget_get_width (GTK_WIDGET (self)) * factor,
                                   gtk_widget_get_height (GTK_WIDGET (self)) * factor);
}

static void
update_cache_scale (TdPdfView *self)
{
  /* Not laid out yet: nothing is asked for, rather than a page drawn for a width of nothing
   * and thrown away once the view has its size. */
  if (self->cache == NULL || gtk_widget_get_width (GTK_WIDGET (self)) <= 0 || gtk_widget_get_height (GTK_WIDGET (self)) <= 0)
    return;
  td_page_cache_set_budget (self->cache, cache_budget (self));
  /* Device pixels: sharp on HiDPI screens. */
  td_page_cache_set_scale (self->cache, logical_scale (self) * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
}

static void
update_hits (TdPdfView *self)
{
  g_clear_pointer (&self->hits, g_array_unref);
  if (self->cache && self->search && *self->search)
    self->hits = td_pdf_document_find (td_page_cache_get_document (self->cache), self->page, self->search);
}

static GdkTexture *
texture_for (TdPdfView            *self,
             const TdRenderedPage *rendered)
{
  GdkTexture *texture = g_hash_table_lookup (self->textures, rendered->pixels);

  if (texture == NULL)
    {
      /* The cache's bytes, not a copy: the texture keeps them alive if the cache lets go. */
      texture = gdk_memory_texture_new (rendered->width, rendered->height, GDK_MEMORY_DEFAULT,
                                        rendered->pixels, (gsize) rendered->stride);
      g_hash_table_insert (self->textures, g_bytes_ref (rendered->pixels), texture);
    }
  return texture;
}

/* Textures of pages the cache no longer holds are dropped with them. */
static void
prune_textures (TdPdfView *self)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->textures);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gboolean alive = FALSE;
      for (int p = MAX (self->page - TD_PAGE_CACHE_AHEAD, 0); p <= self->page + TD_PAGE_CACHE_AHEAD && !alive; p++)
        {
          const TdRenderedPage *r = self->cache ? td_page_cache_lookup (self->cache, p) : NULL;
          alive = r && r->pixels == key;
        }
      if (!alive)
        g_hash_table_iter_remove (&iter);
    }
}

static void
draw_message (GtkSnapshot *snapshot,
              GtkWidget   *widget,
              const char  *text,
              double       x,
              double       y,
              double       w,
              double       h,
              gboolean     dim)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  GdkRGBA color;
  int lw, lh;

  pango_layout_set_width (layout, (int) (MAX (w - 24, 50) * PANGO_SCALE));
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &lw, &lh);
  gtk_widget_get_color (widget, &color);
  if (dim)
    color.alpha *= 0.55;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 12, y + (h - lh) / 2));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

/* Callbacks */

static void
page_ready_cb (TdPdfView *self,
               int        page)
{
  if (ABS (page - self->page) <= TD_PAGE_CACHE_AHEAD)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
flip (TdPdfView *self,
      int        delta)
{
  td_pdf_view_set_page (self, self->page + delta);
}

static void
next_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  flip (TD_PDF_VIEW (widget), 1);
}

static void
previous_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  flip (TD_PDF_VIEW (widget), -1);
}

static void
first_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  td_pdf_view_set_page (TD_PDF_VIEW (widget), 0);
}

static void
last_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  td_pdf_view_set_page (TD_PDF_VIEW (widget), TD_PDF_VIEW (widget)->n_pages - 1);
}

static void
zoom_by (TdPdfView *self,
         double     factor)
{
  self->zoom = CLAMP (logical_scale (self) * factor, 0.1, 8.0);
  self->zoom_mode = TD_ZOOM_FREE;
  update_cache_scale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  TdPdfView *self = TD_PDF_VIEW (widget);
  const char *what = g_variant_get_string (param, NULL);

  if (g_str_equal (what, "in"))
    zoom_by (self, 1.25);
  else if (g_str_equal (what, "out"))
    zoom_by (self, 0.8);
  else
    td_pdf_view_set_zoom_mode (self, g_str_equal (what, "width") ? TD_ZOOM_FIT_WIDTH : TD_ZOOM_FIT_PAGE);
}

/* Up and Down scroll within a page taller than the view, and flip at its ends. */
static void
scroll_cb (GtkWidget *widget, const char *action, GVariant *param)
{
  TdPdfView *self = TD_PDF_VIEW (widget);
  double w, h, step = gtk_widget_get_height (widget) * 0.15;
  double overflow;

  if (self->continuous && self->cache)
    {
      settle_continuous (self);
      self->doc_y += g_variant_get_int32 (param) > 0 ? step : -step;
      settle_continuous (self);
      follow_scroll (self);
      gtk_widget_queue_draw (widget);
      return;
    }
  page_size (self, &w, &h);
  overflow = h * logical_scale (self) + 2 * MARGIN - gtk_widget_get_height (widget);
  if (g_variant_get_int32 (param) > 0)
    {
      if (self->y_offset + 0.5 < overflow)
        self->y_offset = MIN (self->y_offset + step, overflow);
      else
        flip (self, 1);
    }
  else
    {
      if (self->y_offset > 0.5)
        self->y_offset = MAX (self->y_offset - step, 0);
      else if (self->page > 0)
        {
          flip (self, -1);
          self->y_offset = MAX (overflow, 0);
        }
    }
  gtk_widget_queue_draw (widget);
}

static gboolean
wheel_cb (GtkEventControllerScroll *controller,
          double                    dx,
          double                    dy,
          TdPdfView                *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (state & GDK_CONTROL_MASK)
    {
      zoom_by (self, dy < 0 ? 1.1 : 1 / 1.1);
      return TRUE;
    }
  gtk_widget_activate_action (GTK_WIDGET (self), "view.scroll", "i", dy > 0 ? 1 : -1);
  return TRUE;
}

static void
pinch_cb (GtkGestureZoom *gesture,
          double          scale,
          TdPdfView      *self)
{
  self->zoom = CLAMP (self->pinch_start * scale, 0.1, 8.0);
  self->zoom_mode = TD_ZOOM_FREE;
  update_cache_scale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TdPdfView        *self)
{
  self->pinch_start = logical_scale (self);
}

static void
draw_hits (TdPdfView   *self,
           GtkSnapshot *snapshot,
           double       x,
           double       y,
           double       scale)
{
  for (guint i = 0; self->hits && i < self->hits->len; i++)
    {
      double *r = &g_array_index (self->hits, double, i * 4);
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1.0, 0.8, 0.0, 0.45 },
                                 &GRAPHENE_RECT_INIT (x + r[0] * scale, y + r[1] * scale, r[2] * scale, r[3] * scale));
    }
}

/* One sheet of paper with whatever of it is ready: the page, its error, or a placeholder. */
static void
draw_sheet (TdPdfView   *self,
            GtkSnapshot *snapshot,
            int          page,
            double       x,
            double       y,
            double       w,
            double       h)
{
  GtkWidget *widget = GTK_WIDGET (self);
  const TdRenderedPage *rendered = td_page_cache_lookup (self->cache, page);
  const GError *error = td_page_cache_get_error (self->cache, page);
  double visible = MIN (h, gtk_widget_get_height (widget));

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.15 }, &GRAPHENE_RECT_INIT (x - 1, y - 1, w + 2, h + 2));
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (x, y, w, h));
  if (rendered != NULL)
    gtk_snapshot_append_texture (snapshot, texture_for (self, rendered), &GRAPHENE_RECT_INIT (x, y, w, h));
  else if (error != NULL)
    {
      /* The rest of the document stays readable: only this sheet says why it is blank. */
      g_autofree char *text = g_strdup_printf ("%s\n%s", _("This page cannot be displayed."), error->message);
      draw_message (snapshot, widget, text, x, y, w, visible, FALSE);
    }
  else
    draw_message (snapshot, widget, _("Drawing the page…"), x, y, w, visible, TRUE);
}

static void
snapshot_continuous (TdPdfView   *self,
                     GtkSnapshot *snapshot)
{
  TdPdfDocument *doc = td_page_cache_get_document (self->cache);
  double width = gtk_widget_get_width (GTK_WIDGET (self)), height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale;

  settle_continuous (self);
  scale = self->laid_scale;
  for (int i = 0; i < self->n_pages; i++)
    {
      double top = page_top (self, scale, i) - self->doc_y;
      double pw, ph, w, h, x;

      if (top > height)
        break;
      if (!td_pdf_document_get_page_size (doc, i, &pw, &ph))
        pw = 595, ph = 842;
      w = pw * scale;
      h = ph * scale;
      if (top + h < 0)
        continue;
      x = MAX ((width - w) / 2, MARGIN);
      draw_sheet (self, snapshot, i, x, top, w, h);
      if (i == self->page)
        draw_hits (self, snapshot, x, top, scale);
    }
}

/* GtkWidget */

static void
td_pdf_view_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  TdPdfView *self = TD_PDF_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  double scale = logical_scale (self), pw, ph, x, y, w, h;

  if (self->cache == NULL)
    {
      draw_message (snapshot, widget, self->message ? self->message : "", 0, 0, width, height, FALSE);
      return;
    }

  if (self->continuous)
    {
      snapshot_continuous (self, snapshot);
      return;
    }
  page_size (self, &pw, &ph);
  w = pw * scale;
  h = ph * scale;
  x = MAX ((width - w) / 2, MARGIN);
  y = h + 2 * MARGIN <= height ? (height - h) / 2 : MARGIN - self->y_offset;

  /* The sheet of paper, with a hairline edge, whatever is ready. */
  draw_sheet (self, snapshot, self->page, x, y, w, h);
  draw_hits (self, snapshot, x, y, scale);
}

static void
td_pdf_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  update_cache_scale (TD_PDF_VIEW (widget));
  settle_continuous (TD_PDF_VIEW (widget));
}

static void
td_pdf_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 620 : 800;
}

/* GObject */

static void
td_pdf_view_dispose (GObject *object)
{
  TdPdfView *self = TD_PDF_VIEW (object);

  if (self->cache)
    g_signal_handlers_disconnect_by_data (self->cache, self);
  g_clear_object (&self->cache);
  g_clear_pointer (&self->textures, g_hash_table_unref);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_pointer (&self->tops, g_array_unref);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->search, g_free);
  G_OBJECT_CLASS (td_pdf_view_parent_class)->dispose (object);
}

static void
td_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TdPdfView *self = TD_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE: g_value_set_int (value, self->page); break;
    case PROP_N_PAGES: g_value_set_int (value, self->n_pages); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_pdf_view_class_init (TdPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_pdf_view_dispose;
  object_class->get_property = td_pdf_view_get_property;
  widget_class->snapshot = td_pdf_view_snapshot;
  widget_class->size_allocate = td_pdf_view_size_allocate;
  widget_class->measure = td_pdf_view_measure;

  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] = g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "view.next", NULL, next_cb);
  gtk_widget_class_install_action (widget_class, "view.previous", NULL, previous_cb);
  gtk_widget_class_install_action (widget_class, "view.first", NULL, first_cb);
  gtk_widget_class_install_action (widget_class, "view.last", NULL, last_cb);
  gtk_widget_class_install_action (widget_class, "view.zoom", "s", zoom_cb);
  gtk_widget_class_install_action (widget_class, "view.scroll", "i", scroll_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "view.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "view.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "view.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "view.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_SHIFT_MASK, "view.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "view.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "view.scroll", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "view.scroll", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "view.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "view.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "view.zoom", "s", "in");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "view.zoom", "s", "in");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "view.zoom", "s", "out");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "view.zoom", "s", "page");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "pdfview");
}

static void
td_pdf_view_init (TdPdfView *self)
{
  GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                               GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  GtkGesture *pinch = gtk_gesture_zoom_new ();

  self->textures = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_bytes_unref, g_object_unref);
  self->zoom = 1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  g_signal_connect (wheel, "scroll", G_CALLBACK (wheel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), wheel);
  g_signal_connect (pinch, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (pinch, "scale-changed", G_CALLBACK (pinch_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (pinch));
}

/* Public API */

GtkWidget *
td_pdf_view_new (void)
{
  return g_object_new (TD_TYPE_PDF_VIEW, NULL);
}

void
td_pdf_view_set_document (TdPdfView     *self,
                          TdPdfDocument *document,
                          const char    *message)
{
  if (self->cache)
    g_signal_handlers_disconnect_by_data (self->cache, self);
  g_clear_object (&self->cache);
  g_hash_table_remove_all (self->textures);
  g_set_str (&self->message, message);
  /* The message is drawn, not a label: a screen reader hears it as the view's description. */
  if (message != NULL && *message != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  self->page = 0;
  self->y_offset = 0;
  self->doc_y = 0;
  self->laid_scale = 0;
  self->n_pages = document ? td_pdf_document_get_n_pages (document) : 0;
  if (document != NULL)
    {
      self->cache = td_page_cache_new (document, cache_budget (self));
      g_signal_connect_swapped (self->cache, "page-ready", G_CALLBACK (page_ready_cb), self);
      update_cache_scale (self);
      td_page_cache_set_current (self->cache, 0);
    }
  compute_tops (self);
  update_hits (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const char *
td_pdf_view_get_message (TdPdfView *self)
{
  g_return_val_if_fail (TD_IS_PDF_VIEW (self), NULL);

  return self->message;
}

TdPdfDocument *
td_pdf_view_get_document (TdPdfView *self)
{
  return self->cache ? td_page_cache_get_document (self->cache) : NULL;
}

int
td_pdf_view_get_page (TdPdfView *self)
{
  return self->page;
}

void
td_pdf_view_set_page (TdPdfView *self,
                      int        page)
{
  if (self->cache == NULL)
    return;
  page = CLAMP (page, 0, MAX (self->n_pages - 1, 0));
  if (self->continuous)
    {
      /* The page's top edge just under the top of the view. */
      settle_continuous (self);
      self->doc_y = page_top (self, logical_scale (self), page) - MARGIN;
      settle_continuous (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
  change_page (self, page);
}

static void
change_page (TdPdfView *self,
             int        page)
{
  g_autofree char *description = NULL;

  if (page == self->page)
    return;
  self->page = page;
  self->y_offset = 0;
  td_page_cache_set_current (self->cache, page);
  update_cache_scale (self);
  prune_textures (self);
  update_hits (self);
  description = g_strdup_printf (_("Page %d of %d"), page + 1, self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
td_pdf_view_get_n_pages (TdPdfView *self)
{
  return self->n_pages;
}

void
td_pdf_view_set_zoom_mode (TdPdfView  *self,
                           TdZoomMode  mode)
{
  self->zoom_mode = mode;
  self->y_offset = 0;
  update_cache_scale (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
td_pdf_view_set_continuous (TdPdfView *self,
                            gboolean   continuous)
{
  int page = self->page;

  continuous = !!continuous;
  if (self->continuous == continuous)
    return;
  self->continuous = continuous;
  self->y_offset = 0;
  self->laid_scale = 0;
  if (continuous && self->cache)
    {
      /* Stay on the page being read, its top edge at the top of the view. */
      settle_continuous (self);
      self->doc_y = page_top (self, logical_scale (self), page) - MARGIN;
      settle_continuous (self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
td_pdf_view_get_continuous (TdPdfView *self)
{
  return self->continuous;
}

void
td_pdf_view_set_search (TdPdfView  *self,
                        const char *text)
{
  g_set_str (&self->search, text && *text ? text : NULL);
  update_hits (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
td_pdf_view_find_next (TdPdfView *self,
                       gboolean   backwards)
{
  TdPdfDocument *doc = td_pdf_view_get_document (self);

  if (doc == NULL || self->search == NULL)
    return FALSE;
  for (int step = 1; step <= self->n_pages; step++)
    {
      int page = ((self->page + (backwards ? -step : step)) % self->n_pages + self->n_pages) % self->n_pages;
      g_autoptr(GArray) hits = td_pdf_document_find (doc, page, self->search);

      if (hits->len > 0)
        {
          td_pdf_view_set_page (self, page);
          return TRUE;
        }
    }
  return FALSE;
}

guint
td_pdf_view_get_n_hits (TdPdfView *self)
{
  return self->hits ? self->hits->len : 0;
}

gboolean
td_pdf_view_is_page_shown (TdPdfView *self)
{
  return self->cache && td_page_cache_lookup (self->cache, self->page) != NULL;
}

TdPageCache *
td_pdf_view_get_cache (TdPdfView *self)
{
  return self->cache;
}
