/* td-chart-view.c: the chart widget.
 *
 * The drawing itself is the charts library's, appended with gtk_snapshot_append_cairo(), so
 * the screen shows exactly what an export prints.  The widget adds what a screen needs: the
 * theme's colours and accent, hover and keyboard focus on an item with its exact figures,
 * activation, and scrolling for long rankings (GtkScrollable: only the visible rows are drawn). */
#include "config.h"

#include <glib/gi18n.h>

#include "td-chart.h"
#include "td-chart-view.h"

struct _TdChartView
{
  GtkWidget       parent_instance;

  TdProgressData *data;
  TdChartKind     kind;
  guint           target_index;
  GArray         *hits;          /* TdChartHit of the last frame, in widget coordinates */
  int             focus_item;

  GtkAdjustment  *hadjustment;
  GtkAdjustment  *vadjustment;
  GtkScrollablePolicy hscroll_policy;
  GtkScrollablePolicy vscroll_policy;
};

static void td_chart_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TdChartView, td_chart_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, td_chart_view_scrollable_init))

enum {
  PROP_0,
  PROP_FOCUS_ITEM,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  ITEM_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Helpers */

void
td_chart_view_style_for (GtkWidget    *widget,
                         TdChartStyle *style)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(GdkRGBA) accent = adw_style_manager_get_accent_color_rgba (manager);
  PangoFontDescription *font = pango_context_get_font_description (gtk_widget_get_pango_context (widget));
  GdkRGBA fg;

  td_chart_style_init (style, adw_style_manager_get_dark (manager));
  td_chart_style_set_accent (style, accent->red, accent->green, accent->blue);
  /* Text in the theme's own colour and font, so the chart sits in the window like a label. */
  gtk_widget_get_color (widget, &fg);
  style->foreground = (TdColor) { fg.red, fg.green, fg.blue, fg.alpha };
  if (font && pango_font_description_get_family (font))
    g_strlcpy (style->font_family, pango_font_description_get_family (font), sizeof style->font_family);
  /* The mark beside each bar in the window's language (the plan's targets stay as it words them). */
  style->met_label = _("✓ Met");
  style->not_met_label = _("✗ Not met");
}

static guint
n_items (TdChartView *self)
{
  return self->data ? td_progress_chart_n_items (self->data, self->kind, self->target_index) : 0;
}

static TdTarget *
ranking_target (TdChartView *self)
{
  return g_array_index (self->data->rollups, TdTargetRollup, self->target_index).target;
}

static double
ranking_content_height (TdChartView        *self,
                        const TdChartStyle *style)
{
  return td_chart_ranking_header_height (style, NULL) + n_items (self) * td_chart_ranking_row_height (style) + 12;
}

/* The height the chart needs for its text to stay at the style's size (a narrow or low window
 * scrolls instead of shrinking the labels to a few pixels), at least @height. */
static double
content_height (TdChartView        *self,
                const TdChartStyle *style,
                double              width,
                double              height)
{
  double needed = height;

  if (self->data == NULL)
    return height;
  switch (self->kind)
    {
    case TD_CHART_RANKING:
      needed = ranking_content_height (self, style);
      break;
    case TD_CHART_OVERVIEW:
      /* td_chart_draw_overview() keeps its text at the style's size while a row is 1.6 of it. */
      needed = 48 + self->data->rollups->len * style->font_size * 1.7;
      break;
    case TD_CHART_TREND:
      if (self->data->per_round != NULL && self->data->per_round->len > 0)
        {
          guint n = ((GArray *) g_ptr_array_index (self->data->per_round, 0))->len;
          guint cols = width > 900 ? 5 : width > 600 ? 4 : width > 380 ? 3 : 2;
          guint rows = (n + cols - 1) / cols;

          /* A cell's text is a ninth of its height at most (td_chart_draw_trend()). */
          needed = 48 + rows * style->font_size * 0.85 / 0.12;
        }
      break;
    default:
      break;
    }
  return MAX (needed, height);
}

static double
scroll_offset (TdChartView *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
configure_adjustments (TdChartView *self)
{
  TdChartStyle style;
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double upper = height;

  if (self->vadjustment == NULL)
    return;
  td_chart_view_style_for (GTK_WIDGET (self), &style);
  upper = content_height (self, &style, gtk_widget_get_width (GTK_WIDGET (self)), height);
  gtk_adjustment_configure (self->vadjustment,
                            CLAMP (gtk_adjustment_get_value (self->vadjustment), 0, MAX (upper - height, 0)),
                            0, upper, td_chart_ranking_row_height (&style), height * 0.9, height);
  if (self->hadjustment)
    gtk_adjustment_configure (self->hadjustment, 0, 0, gtk_widget_get_width (GTK_WIDGET (self)), 1, 1,
                              gtk_widget_get_width (GTK_WIDGET (self)));
}

static int
item_at (TdChartView *self,
         double       x,
         double       y)
{
  /* The hits of a scrolled chart are where it drew them, above the view's top. */
  if (self->kind != TD_CHART_RANKING)
    y += scroll_offset (self);
  for (guint i = 0; self->hits && i < self->hits->len; i++)
    {
      TdChartHit *h = &g_array_index (self->hits, TdChartHit, i);
      if (x >= h->x && x < h->x + h->width && y >= h->y && y < h->y + h->height)
        return (int) h->index;
    }
  return -1;
}

static void
update_accessible (TdChartView *self)
{
  g_autofree char *item = self->focus_item >= 0 ? td_chart_view_describe_item (self, self->focus_item) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->data == NULL)
    return;
  if (self->kind == TD_CHART_OVERVIEW || self->kind == TD_CHART_TREND)
    g_string_printf (text, _("%u of %u targets met in %s."), self->data->summary.n_met,
                     self->data->summary.n_targets, td_round_get_title (self->data->round));
  else if (self->kind == TD_CHART_RANKING)
    g_string_printf (text, _("%u units ranked by target %u."), n_items (self),
                     td_target_get_number (ranking_target (self)));
  else
    g_string_assign (text, _("The Digital Transformation Index of each round against its target."));
  if (item)
    g_string_append_printf (text, " %s", item);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text->str, -1);
}

/* Callbacks */

static void
style_changed_cb (TdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
adjustment_changed_cb (TdChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TdChartView              *self)
{
  td_chart_view_set_focus_item (self, item_at (self, x, y));
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            TdChartView     *self)
{
  int item = item_at (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (item >= 0)
    {
      td_chart_view_set_focus_item (self, item);
      g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item);
    }
}

static gboolean
query_tooltip_cb (TdChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  int item = keyboard ? self->focus_item : item_at (self, x, y);
  g_autofree char *text = item >= 0 ? td_chart_view_describe_item (self, item) : NULL;

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TdChartView           *self)
{
  int n = (int) n_items (self), item = self->focus_item;

  if (n == 0)
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_Right:
      item = item < 0 ? 0 : MIN (item + 1, n - 1);
      break;
    case GDK_KEY_Up:
    case GDK_KEY_Left:
      item = item < 0 ? 0 : MAX (item - 1, 0);
      break;
    case GDK_KEY_Home:
      item = 0;
      break;
    case GDK_KEY_End:
      item = n - 1;
      break;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_space:
      if (item >= 0)
        g_signal_emit (self, signals[ITEM_ACTIVATED], 0, (guint) item);
      return item >= 0;
    default:
      return FALSE;
    }
  td_chart_view_set_focus_item (self, item);

  /* Keep the focused ranking row in view. */
  if (self->kind == TD_CHART_RANKING && self->vadjustment)
    {
      TdChartStyle style;
      double row_h, top, value, page;

      td_chart_view_style_for (GTK_WIDGET (self), &style);
      row_h = td_chart_ranking_row_height (&style);
      top = item * row_h;
      value = gtk_adjustment_get_value (self->vadjustment);
      page = gtk_adjustment_get_page_size (self->vadjustment) - td_chart_ranking_header_height (&style, NULL) - row_h;
      if (top < value)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if (top > value + page)
        gtk_adjustment_set_value (self->vadjustment, top - page);
    }
  return TRUE;
}

/* GtkWidget */

static void
td_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  TdChartView *self = TD_CHART_VIEW (widget);
  double width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  TdChartStyle style;
  cairo_t *cr;

  g_array_set_size (self->hits, 0);
  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  td_chart_view_style_for (GTK_WIDGET (self), &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->kind == TD_CHART_RANKING && self->vadjustment != NULL)
    {
      /* Only the rows in view: a ranking of a thousand units costs a screenful per frame. */
      double row_h = td_chart_ranking_row_height (&style);
      guint first = (guint) (gtk_adjustment_get_value (self->vadjustment) / row_h);

      td_progress_chart_draw (self->data, self->kind, self->target_index, cr, width, height, &style, NULL,
                              first, (guint) (height / row_h) + 1, self->hits);
    }
  else
    {
      /* Drawn at the height its text needs, the part in view shown. */
      double full = content_height (self, &style, width, height);

      cairo_translate (cr, 0, -MIN (scroll_offset (self), MAX (full - height, 0)));
      td_progress_chart_draw (self->data, self->kind, self->target_index, cr, width, full, &style, NULL,
                              0, G_MAXUINT, self->hits);
    }

  /* The focused item: a frame in the accent colour. */
  for (guint i = 0; i < self->hits->len; i++)
    {
      TdChartHit *h = &g_array_index (self->hits, TdChartHit, i);

      if ((int) h->index != self->focus_item)
        continue;
      cairo_set_source_rgba (cr, style.accent.r, style.accent.g, style.accent.b, 0.9);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, h->x + 1, h->y + 1, h->width - 2, h->height - 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
td_chart_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  configure_adjustments (TD_CHART_VIEW (widget));
}

static void
td_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  /* Room for every label of the overview at a readable size, and no more: the chart grows
   * with the window. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 300 : 280;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 560;
}

/* GtkScrollable */

static void
set_adjustment (TdChartView    *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment)
    return;
  if (*slot)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_changed_cb, self);
  g_clear_object (slot);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed", G_CALLBACK (adjustment_changed_cb), self);
  configure_adjustments (self);
}

static gboolean
td_chart_view_get_border (GtkScrollable *scrollable,
                          GtkBorder     *border)
{
  return FALSE;
}

static void
td_chart_view_scrollable_init (GtkScrollableInterface *iface)
{
  iface->get_border = td_chart_view_get_border;
}

/* GObject */

static void
td_chart_view_dispose (GObject *object)
{
  TdChartView *self = TD_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->hadjustment)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_changed_cb, self);
  if (self->vadjustment)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->data, td_progress_data_unref);
  g_clear_pointer (&self->hits, g_array_unref);

  G_OBJECT_CLASS (td_chart_view_parent_class)->dispose (object);
}

static void
td_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TdChartView *self = TD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOCUS_ITEM:
      g_value_set_int (value, self->focus_item);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  TdChartView *self = TD_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOCUS_ITEM:
      td_chart_view_set_focus_item (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
td_chart_view_class_init (TdChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = td_chart_view_dispose;
  object_class->get_property = td_chart_view_get_property;
  object_class->set_property = td_chart_view_set_property;
  widget_class->snapshot = td_chart_view_snapshot;
  widget_class->size_allocate = td_chart_view_size_allocate;
  widget_class->measure = td_chart_view_measure;

  properties[PROP_FOCUS_ITEM] =
    g_param_spec_int ("focus-item", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[ITEM_ACTIVATED] =
    g_signal_new ("item-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  /* A picture with a text equivalent: the label says what it is, the description the result. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
td_chart_view_init (TdChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  AdwStyleManager *manager = adw_style_manager_get_default ();

  self->hits = g_array_new (FALSE, FALSE, sizeof (TdChartHit));
  self->focus_item = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_swapped (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);

  g_signal_connect_swapped (manager, "notify::dark", G_CALLBACK (style_changed_cb), self);
  g_signal_connect_swapped (manager, "notify::accent-color-rgba", G_CALLBACK (style_changed_cb), self);
}

/* Public API */

GtkWidget *
td_chart_view_new (void)
{
  return g_object_new (TD_TYPE_CHART_VIEW, NULL);
}

void
td_chart_view_set_data (TdChartView    *self,
                        TdProgressData *data,
                        TdChartKind     kind,
                        guint           target_index)
{
  g_return_if_fail (TD_IS_CHART_VIEW (self));

  if (data)
    td_progress_data_ref (data);
  g_clear_pointer (&self->data, td_progress_data_unref);
  self->data = data;
  self->kind = kind;
  self->target_index = data ? MIN (target_index, data->rollups->len - 1) : 0;
  self->focus_item = -1;
  if (self->vadjustment)
    gtk_adjustment_set_value (self->vadjustment, 0);
  configure_adjustments (self);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

TdProgressData *
td_chart_view_get_data (TdChartView *self)
{
  return self->data;
}

TdChartKind
td_chart_view_get_kind (TdChartView *self)
{
  return self->kind;
}

guint
td_chart_view_get_target_index (TdChartView *self)
{
  return self->target_index;
}

int
td_chart_view_get_focus_item (TdChartView *self)
{
  return self->focus_item;
}

void
td_chart_view_set_focus_item (TdChartView *self,
                              int          item)
{
  g_return_if_fail (TD_IS_CHART_VIEW (self));

  if (item >= (int) n_items (self))
    item = -1;
  if (item == self->focus_item)
    return;
  self->focus_item = item;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOCUS_ITEM]);
}

char *
td_chart_view_describe_item (TdChartView *self,
                             int          item)
{
  if (self->data == NULL || item < 0 || item >= (int) n_items (self))
    return NULL;

  if (self->kind == TD_CHART_OVERVIEW || self->kind == TD_CHART_TREND)
    {
      TdTargetRollup *r = &g_array_index (self->data->rollups, TdTargetRollup, item);
      g_autofree char *threshold = td_target_format_threshold (r->target);
      g_autofree char *value = NULL;
      g_autofree char *counts = NULL;

      if (!r->has_measure)
        return g_strdup_printf (_("Target %u: %s (threshold %s)."), td_target_get_number (r->target),
                                td_chart_no_result_text (r), threshold);
      value = td_target_rollup_format (r);
      if (td_target_get_kind (r->target) == TD_TARGET_KIND_RATIO)
        {
          g_autofree char *num = td_format_count (r->numerator_sum);
          g_autofree char *den = td_format_count (r->denominator_sum);
          counts = g_strdup_printf ("%s / %s = ", num, den);
        }
      return g_strdup_printf (_("Target %u: %s%s, threshold %s, %s. %u of %u units meet it on their own."),
                              td_target_get_number (r->target), counts ? counts : "", value, threshold,
                              r->met ? _("met") : _("not met"), r->n_met, r->n_reporting);
    }
  if (self->kind == TD_CHART_RANKING)
    {
      GArray *measures = g_ptr_array_index (self->data->measures, self->target_index);
      TdUnitMeasure *m = &g_array_index (measures, TdUnitMeasure, item);
      TdTarget *target = ranking_target (self);
      g_autofree char *threshold = td_target_format_threshold (target);
      g_autofree char *value = td_unit_measure_format (target, m);
      g_autofree char *num = td_format_count (m->numerator);
      g_autofree char *den = td_format_count (m->denominator);

      if (td_target_get_kind (target) == TD_TARGET_KIND_INDEX)
        return g_strdup_printf (_("%u. %s: %s, threshold %s, %s."), item + 1, m->name, value, threshold,
                                m->met ? _("met") : _("not met"));
      return g_strdup_printf (_("%u. %s: %s / %s = %s, threshold %s, %s."), item + 1, m->name, num, den, value,
                              threshold, m->met ? _("met") : _("not met"));
    }
  {
    g_autoptr(TdRound) round = g_list_model_get_item (self->data->rounds, item);
    TdTarget *target = self->data->dti_targets[item];
    g_autofree char *threshold = target ? td_target_format_threshold (target) : g_strdup ("");
    g_autofree char *value = NULL;

    if (target == NULL || self->data->dti[item] < 0)
      return g_strdup_printf (_("%s: no index yet."), td_round_get_title (round));
    value = td_target_format_index (target, self->data->dti[item]);
    return g_strdup_printf (_("%s: index %s, the round's target %s, %s."), td_round_get_title (round), value, threshold,
                            td_target_index_meets (target, self->data->dti[item]) ? _("met") : _("not met"));
  }
}
