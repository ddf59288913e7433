/* td-certificate-render.c: drawing certificates, batches of them, and the calibration page. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "td-certificate-private.h"
#include "td-format.h"

GPtrArray *
td_certificates_for_decision (const TdDecision *d,
                              GPtrArray        *awardees,
                              GHashTable       *register_numbers)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) td_certificate_free);
  g_autofree char *number = td_decision_format_number (d);
  g_autofree char *short_date = td_format_date (d->signed_on);
  g_autofree char *long_date = td_decision_format_long_date (d);
  gboolean trial = td_decision_is_draft (d) || register_numbers == NULL;

  for (guint i = 0; i < awardees->len; i++)
    {
      const TdNomination *n = awardees->pdata[i];
      TdCertificate *c = g_new0 (TdCertificate, 1);
      const char *entry = register_numbers ? g_hash_table_lookup (register_numbers, &n->id) : NULL;

      c->recipient = g_strdup (td_nomination_get_name (n));
      c->unit = n->individual ? td_nomination_format_position (n) : g_strdup ("");
      c->achievement = g_strdup (n->achievement);
      c->decision = short_date && !trial ? g_strdup_printf ("Quyết định số %s ngày %s", number, short_date)
                                         : g_strdup_printf ("Quyết định số %s", number);
      /* The register number is the one td_decision_issue() gave: never made up here. */
      c->register_no = entry ? g_strdup_printf ("Số sổ vàng: %s", entry) : g_strdup ("Số sổ vàng: …");
      c->place_date = g_strdup_printf ("%s, %s", d->place, long_date);
      c->authority = g_strdup (d->authority);
      /* The certificate is Vietnamese whatever the interface language. */
      c->award = g_strdup (d->level == TD_AWARD_BANG_KHEN ? "BẰNG KHEN" : "GIẤY KHEN");
      c->signer_title = g_strdup (d->signer_title);
      c->signer_name = g_strdup (d->signer_name);
      c->trial = trial;
      g_ptr_array_add (out, c);
    }
  return out;
}

gboolean
td_certificates_check_paper (const TdCertificateTemplate  *t,
                             GPtrArray                    *certificates,
                             GError                      **error)
{
  if (!t->preprinted)
    return TRUE;
  for (guint i = 0; i < certificates->len; i++)
    if (((TdCertificate *) certificates->pdata[i])->trial)
      {
        g_set_error (error, TD_AWARD_ERROR, TD_AWARD_ERROR_NOT_ISSUED,
                     _("The decision is still a draft: its certificates print only as a trial on plain paper "
                       "(a full template). Issue the decision with its number and date before printing on blanks."));
        return FALSE;
      }
  return TRUE;
}

char *
td_certificate_file_name (const TdCertificate *c,
                          guint                index)
{
  g_autoptr(GString) name = g_string_new (NULL);

  g_string_append_printf (name, "%03u-", index + 1);
  for (const char *p = c->recipient; p && *p; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        g_string_append_unichar (name, ch);
      else if (name->len > 0 && name->str[name->len - 1] != '-')
        g_string_append_c (name, '-');
      if (name->len > 120)
        break;
    }
  while (name->len > 0 && name->str[name->len - 1] == '-')
    g_string_truncate (name, name->len - 1);
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static const char *
placeholder_value (const TdCertificate *c,
                   const char          *key)
{
  static const struct { const char *key; gsize offset; } map[] = {
    { "recipient", G_STRUCT_OFFSET (TdCertificate, recipient) },
    { "unit", G_STRUCT_OFFSET (TdCertificate, unit) },
    { "achievement", G_STRUCT_OFFSET (TdCertificate, achievement) },
    { "decision", G_STRUCT_OFFSET (TdCertificate, decision) },
    { "register", G_STRUCT_OFFSET (TdCertificate, register_no) },
    { "place_date", G_STRUCT_OFFSET (TdCertificate, place_date) },
    { "authority", G_STRUCT_OFFSET (TdCertificate, authority) },
    { "award", G_STRUCT_OFFSET (TdCertificate, award) },
    { "signer_title", G_STRUCT_OFFSET (TdCertificate, signer_title) },
    { "signer_name", G_STRUCT_OFFSET (TdCertificate, signer_name) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (g_str_equal (map[i].key, key))
      return G_STRUCT_MEMBER (const char *, c, map[i].offset);
  return NULL;
}

/* "{recipient}" and the like replaced; unknown placeholders are kept as typed, so a mistake in
 * a template shows on the proof instead of vanishing. */
static char *
fill (const char          *text,
      const TdCertificate *c)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = text;

  while (*p)
    {
      const char *open = strchr (p, '{');
      const char *close = open ? strchr (open, '}') : NULL;
      g_autofree char *key = NULL;
      const char *value;

      if (close == NULL)
        {
          g_string_append (out, p);
          break;
        }
      g_string_append_len (out, p, open - p);
      key = g_strndup (open + 1, close - open - 1);
      value = placeholder_value (c, key);
      if (value != NULL)
        g_string_append (out, value);
      else
        g_string_append_len (out, open, close - open + 1);
      p = close + 1;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The layout of @text at the largest size ≤ field->size that fits the box. */
static PangoLayout *
fit (PangoContext *context,
     const Field  *field,
     const char   *text,
     double       *size_out)
{
  const char *family = td_doc_serif_family (NULL);
  double width = field->width * TD_MM, height = field->height * TD_MM;
  double size = field->size;

  for (;;)
    {
      PangoLayout *layout = td_doc_layout (context, family, size, field->style, width, field->align, text);
      double ink_width;
      PangoRectangle ink;

      pango_layout_get_extents (layout, &ink, NULL);
      ink_width = MAX ((double) (ink.x + ink.width) / PANGO_SCALE, 0) - MIN ((double) ink.x / PANGO_SCALE, 0);
      /* Below min_size only when it must: the box is the one rule that is never broken. */
      if ((pango_layout_get_line_count (layout) <= field->max_lines || size <= field->min_size) &&
          td_doc_layout_height (layout, NULL) <= height && ink_width <= width + 0.01)
        {
          *size_out = size;
          return layout;
        }
      if (size <= 2)
        {
          *size_out = size;
          return layout;
        }
      g_object_unref (layout);
      size -= size > 12 ? 0.5 : 0.25;
    }
}

static void
draw_field (cairo_t             *cr,
            PangoContext        *context,
            const Field         *field,
            const TdCertificate *c,
            double               dx,
            double               dy,
            GArray              *placements)
{
  g_autofree char *text = fill (field->text, c);
  g_autoptr(PangoLayout) layout = NULL;
  double size, ink_top, h, x, y;
  PangoRectangle ink, logical;

  if (*g_strstrip (text) == '\0')
    return;
  if (field->max_lines > 1)
    {
      /* The last two words go together: a wrapped text never ends on one word alone. */
      char *last = strrchr (text, ' ');
      if (last != NULL && last > text)
        {
          g_autofree char *head = g_strndup (text, last - text);
          char *joined = g_strconcat (head, "\xc2\xa0", last + 1, NULL);
          g_free (text);
          text = joined;
        }
    }
  layout = fit (context, field, text, &size);
  h = td_doc_layout_height (layout, &ink_top);
  x = (field->x + dx) * TD_MM;
  y = (field->y + dy) * TD_MM;
  if (field->valign == 0)
    y += (field->height * TD_MM - h) / 2;
  else if (field->valign == 1)
    y += field->height * TD_MM - h;
  cairo_set_source_rgb (cr, field->rgb[0], field->rgb[1], field->rgb[2]);
  cairo_move_to (cr, x, y + ink_top);
  pango_cairo_show_layout (cr, layout);

  if (placements != NULL)
    {
      TdFieldPlacement p = { .box_x = field->x + dx, .box_y = field->y + dy,
                             .box_width = field->width, .box_height = field->height };
      double left, right;

      g_strlcpy (p.name, field->name, sizeof p.name);
      pango_layout_get_extents (layout, &ink, &logical);
      left = MIN (ink.x, logical.x) / (double) PANGO_SCALE;
      right = MAX (ink.x + ink.width, logical.x + logical.width) / (double) PANGO_SCALE;
      p.text_x = (x + left) / TD_MM;
      p.text_width = (right - left) / TD_MM;
      p.text_y = y / TD_MM;
      p.text_height = h / TD_MM;
      p.size = size;
      p.lines = pango_layout_get_line_count (layout);
      g_array_append_val (placements, p);
    }
}

/* A frame of two colours with a row of small lozenges in its band and a rosette in each
 * corner: drawn, so a unit without blanks still gets a certificate worth framing. */
static void
draw_border (cairo_t                     *cr,
             const TdCertificateTemplate *t,
             double                       dx,
             double                       dy)
{
  double inset = t->border_inset * TD_MM, band = t->border_width * TD_MM;
  double x0 = inset + dx * TD_MM, y0 = inset + dy * TD_MM;
  double w = t->width * TD_MM - 2 * inset, h = t->height * TD_MM - 2 * inset;
  double step = band * 0.9;

  cairo_save (cr);
  cairo_set_source_rgb (cr, t->border_rgb[0], t->border_rgb[1], t->border_rgb[2]);
  cairo_set_line_width (cr, 2.4);
  cairo_rectangle (cr, x0, y0, w, h);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.8);
  cairo_rectangle (cr, x0 + band, y0 + band, w - 2 * band, h - 2 * band);
  cairo_stroke (cr);

  /* Lozenges along each side, centred in the band. */
  for (int side = 0; side < 4; side++)
    {
      gboolean horizontal = side < 2;
      double length = horizontal ? w - 2 * band : h - 2 * band;
      int n = (int) floor (length / step);
      double start = (length - (n - 1) * step) / 2;

      for (int i = 0; i < n; i++)
        {
          double along = start + i * step + band;
          double cx = horizontal ? x0 + along : (side == 2 ? x0 + band / 2 : x0 + w - band / 2);
          double cy = horizontal ? (side == 0 ? y0 + band / 2 : y0 + h - band / 2) : y0 + along;
          double r = band * 0.3;

          cairo_move_to (cr, cx, cy - r);
          cairo_line_to (cr, cx + r * 0.6, cy);
          cairo_line_to (cr, cx, cy + r);
          cairo_line_to (cr, cx - r * 0.6, cy);
          cairo_close_path (cr);
        }
    }
  cairo_fill (cr);

  cairo_set_source_rgb (cr, t->accent_rgb[0], t->accent_rgb[1], t->accent_rgb[2]);
  for (int corner = 0; corner < 4; corner++)
    {
      double cx = x0 + (corner % 2 ? w - band / 2 : band / 2);
      double cy = y0 + (corner / 2 ? h - band / 2 : band / 2);

      for (int petal = 0; petal < 8; petal++)
        {
          double a = petal * G_PI / 4;
          cairo_move_to (cr, cx, cy);
          cairo_arc (cr, cx + cos (a) * band * 0.22, cy + sin (a) * band * 0.22, band * 0.13, 0, 2 * G_PI);
        }
    }
  cairo_fill (cr);
  cairo_restore (cr);
}

/* Stands in for the national emblem: a red disc with a gold ring and a five-pointed star.  It
 * is a stylised mark, not the emblem itself; units that need the emblem print on blanks. */
static void
draw_emblem (cairo_t                     *cr,
             const TdCertificateTemplate *t,
             double                       dx,
             double                       dy)
{
  double size = MIN (t->emblem[2], t->emblem[3]) * TD_MM;
  double cx = (t->emblem[0] + dx) * TD_MM + t->emblem[2] * TD_MM / 2;
  double cy = (t->emblem[1] + dy) * TD_MM + t->emblem[3] * TD_MM / 2;
  double r = size / 2;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.85, 0.65, 0.13);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, t->accent_rgb[0], t->accent_rgb[1], t->accent_rgb[2]);
  cairo_arc (cr, cx, cy, r * 0.82, 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1.0, 0.84, 0.0);
  for (int i = 0; i < 10; i++)
    {
      double a = -G_PI / 2 + i * G_PI / 5;
      double rr = i % 2 ? r * 0.22 : r * 0.58;
      if (i == 0)
        cairo_move_to (cr, cx + cos (a) * rr, cy + sin (a) * rr);
      else
        cairo_line_to (cr, cx + cos (a) * rr, cy + sin (a) * rr);
    }
  cairo_close_path (cr);
  cairo_fill (cr);
  cairo_restore (cr);
}

static void
draw_fixed (cairo_t                     *cr,
            const TdCertificateTemplate *t,
            double                       offset_x,
            double                       offset_y)
{
  if (t->has_border && !t->preprinted)
    draw_border (cr, t, offset_x, offset_y);
  if (t->has_emblem && !t->preprinted)
    draw_emblem (cr, t, offset_x, offset_y);
}

static void
draw_fields (cairo_t                     *cr,
             PangoContext                *context,
             const TdCertificateTemplate *t,
             const TdCertificate         *c,
             double                       offset_x,
             double                       offset_y,
             GArray                      *placements)
{
  for (guint i = 0; i < t->fields->len; i++)
    draw_field (cr, context, t->fields->pdata[i], c, offset_x, offset_y, placements);
}

/* Across the top of every trial page, where no field sits: it must not pass for a certificate. */
static void
draw_trial_stamp (cairo_t                     *cr,
                  PangoContext                *context,
                  const TdCertificateTemplate *t)
{
  g_autoptr(PangoLayout) layout = td_doc_layout (context, td_doc_serif_family (NULL), 11, TD_DOC_BOLD,
                                                 t->width * TD_MM * 0.8, PANGO_ALIGN_CENTER,
                                                 "BẢN IN THỬ – QUYẾT ĐỊNH CHƯA BAN HÀNH, KHÔNG IN TRÊN PHÔI");
  double w = t->width * TD_MM * 0.8, ink, h = td_doc_layout_height (layout, &ink);
  double x = (t->width * TD_MM - w) / 2, y = 4 * TD_MM;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x - 4, y - 3, w + 8, h + 6);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0.75, 0.1, 0.1);
  cairo_set_line_width (cr, 1.2);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y + ink);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
td_certificate_draw (cairo_t                     *cr,
                     PangoContext                *context,
                     const TdCertificateTemplate *t,
                     const TdCertificate         *c,
                     double                       offset_x,
                     double                       offset_y,
                     GArray                      *placements)
{
  draw_fixed (cr, t, offset_x, offset_y);
  draw_fields (cr, context, t, c, offset_x, offset_y, placements);
  if (c->trial)
    draw_trial_stamp (cr, context, t);
}

GBytes *
td_certificates_render_pdf (const TdCertificateTemplate  *t,
                            GPtrArray                    *certificates,
                            double                        offset_x,
                            double                        offset_y,
                            GCancellable                 *cancellable,
                            TdProgressFunc                progress,
                            gpointer                      user_data,
                            GError                      **error)
{
  cairo_surface_t *surface = td_doc_pdf_new (t->width * TD_MM, t->height * TD_MM, t->title);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = td_doc_context_new (cr);
  cairo_surface_t *fixed = NULL;
  GBytes *bytes = NULL;

  if (!td_certificates_check_paper (t, certificates, error))
    {
      g_object_unref (context);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      return NULL;
    }
  /* The border and the emblem are the same on every page: recorded once, they go into the PDF
   * once (cairo writes a recording surface used as a source as one shared form). */
  if (!t->preprinted && (t->has_border || t->has_emblem))
    {
      cairo_t *rec;
      fixed = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      rec = cairo_create (fixed);
      draw_fixed (rec, t, offset_x, offset_y);
      cairo_destroy (rec);
    }
  for (guint i = 0; i < certificates->len; i++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (fixed != NULL)
        {
          cairo_set_source_surface (cr, fixed, 0, 0);
          cairo_paint (cr);
        }
      draw_fields (cr, context, t, certificates->pdata[i], offset_x, offset_y, NULL);
      if (((TdCertificate *) certificates->pdata[i])->trial)
        draw_trial_stamp (cr, context, t);
      cairo_show_page (cr);
      if (progress != NULL)
        progress (i + 1, certificates->len, user_data);
    }
  cairo_destroy (g_steal_pointer (&cr));
  bytes = td_doc_pdf_finish (surface, error);

out:
  if (cr != NULL)
    cairo_destroy (cr);
  if (fixed != NULL)
    cairo_surface_destroy (fixed);
  g_object_unref (context);
  cairo_surface_destroy (surface);
  return bytes;
}

static void
label (cairo_t      *cr,
       PangoContext *context,
       double        x,
       double        y,
       double        size,
       const char   *text)
{
  g_autoptr(PangoLayout) layout = td_doc_layout (context, td_doc_serif_family (NULL), size, 0, -1,
                                                 PANGO_ALIGN_LEFT, text);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

GBytes *
td_certificate_render_calibration (const TdCertificateTemplate  *t,
                                   double                        offset_x,
                                   double                        offset_y,
                                   GError                      **error)
{
  cairo_surface_t *surface = td_doc_pdf_new (t->width * TD_MM, t->height * TD_MM, t->title);
  cairo_t *cr = cairo_create (surface);
  PangoContext *context = td_doc_context_new (cr);
  g_autofree char *ox = td_format_decimal (offset_x, 1);
  g_autofree char *oy = td_format_decimal (offset_y, 1);
  g_autofree char *note = g_strdup_printf ("Trang căn chỉnh máy in – %s. Độ lệch đang dùng: ngang %s mm, dọc %s mm. "
                                           "In trang này lên giấy thường cùng khổ, đặt chồng lên phôi: số đọc được ở "
                                           "mép giấy là độ lệch cần thêm (mm).", t->title, ox, oy);
  GBytes *bytes;

  /* The grid moves with the offset, as the fields do: once the offset is right, its 0 lines
   * fall on the paper's edges. */
  cairo_translate (cr, offset_x * TD_MM, offset_y * TD_MM);
  for (int axis = 0; axis < 2; axis++)
    {
      double extent = axis == 0 ? t->width : t->height;

      for (int mm = 0; mm <= (int) extent; mm++)
        {
          double v = mm * TD_MM;
          double grey = mm % 10 == 0 ? 0.25 : mm % 5 == 0 ? 0.55 : 0.8;

          cairo_set_source_rgb (cr, grey, grey, grey);
          cairo_set_line_width (cr, mm % 10 == 0 ? 0.5 : 0.2);
          if (axis == 0)
            {
              cairo_move_to (cr, v, 0);
              cairo_line_to (cr, v, t->height * TD_MM);
            }
          else
            {
              cairo_move_to (cr, 0, v);
              cairo_line_to (cr, t->width * TD_MM, v);
            }
          cairo_stroke (cr);
          if (mm % 10 == 0 && mm > 0)
            {
              g_autofree char *n = g_strdup_printf ("%d", mm);
              cairo_set_source_rgb (cr, 0, 0, 0);
              if (axis == 0)
                label (cr, context, v + 1, 1 * TD_MM, 7, n);
              else
                label (cr, context, 1 * TD_MM, v + 1, 7, n);
            }
        }
    }
  /* Every field's box, so the proof shows where each text will land. */
  cairo_set_source_rgb (cr, 0.78, 0.06, 0.18);
  cairo_set_line_width (cr, 0.8);
  for (guint i = 0; i < t->fields->len; i++)
    {
      const Field *field = t->fields->pdata[i];
      cairo_rectangle (cr, field->x * TD_MM, field->y * TD_MM, field->width * TD_MM, field->height * TD_MM);
      cairo_stroke (cr);
      label (cr, context, field->x * TD_MM + 2, field->y * TD_MM + 1, 8, field->name);
    }
  cairo_identity_matrix (cr);
  {
    g_autoptr(PangoLayout) layout = td_doc_layout (context, td_doc_serif_family (NULL), 11, TD_DOC_BOLD,
                                                   t->width * TD_MM * 0.6, PANGO_ALIGN_CENTER, note);
    double w = t->width * TD_MM * 0.6;
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_rectangle (cr, (t->width * TD_MM - w) / 2 - 6, t->height * TD_MM * 0.42 - 6,
                     w + 12, td_doc_layout_height (layout, NULL) + 12);
    cairo_fill (cr);
    cairo_set_source_rgb (cr, 0, 0, 0);
    cairo_move_to (cr, (t->width * TD_MM - w) / 2, t->height * TD_MM * 0.42);
    pango_cairo_show_layout (cr, layout);
  }
  cairo_show_page (cr);
  cairo_destroy (cr);
  g_object_unref (context);
  bytes = td_doc_pdf_finish (surface, error);
  cairo_surface_destroy (surface);
  return bytes;
}
