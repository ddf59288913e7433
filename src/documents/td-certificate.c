/* td-certificate.c: certificate templates, fitting each field in its box, the drawn border,
 * batches and the calibration page.
 *
 * A field's text shrinks from its size towards its min_size until it fits its box in at most
 * max_lines lines; if even that fails it keeps shrinking, because a smaller name is a nuisance
 * and a clipped one is a reprint.  Heights count ink as well as line boxes, so stacked marks
 * (Ặ, ỗ, ữ) stay inside the box. */

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "td-certificate-private.h"
#include "td-doc-text.h"
#include "td-format.h"

static const char * const shipped[] = { "full-a3", "full-a4", "blank-a3", "blank-a4", NULL };

const char * const *
td_certificate_template_names (void)
{
  return shipped;
}

static void
field_free (Field *field)
{
  g_free (field->name);
  g_free (field->text);
  g_free (field);
}

void
td_certificate_template_free (TdCertificateTemplate *self)
{
  if (self == NULL)
    return;
  g_free (self->title);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_free (self);
}

static gboolean
parse_colour (const char *spec,
              double     *rgb)
{
  guint64 v;

  if (spec == NULL || spec[0] != '#' || strlen (spec) != 7 ||
      !g_ascii_string_to_unsigned (spec + 1, 16, 0, 0xffffff, &v, NULL))
    return FALSE;
  rgb[0] = ((v >> 16) & 0xff) / 255.0;
  rgb[1] = ((v >> 8) & 0xff) / 255.0;
  rgb[2] = (v & 0xff) / 255.0;
  return TRUE;
}

static gboolean
read_numbers (JsonObject *o,
              const char *member,
              double     *out,
              guint       n)
{
  JsonNode *node = json_object_get_member (o, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return FALSE;
  array = json_node_get_array (node);
  if (json_array_get_length (array) != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);
      if (json_node_get_value_type (e) != G_TYPE_DOUBLE && json_node_get_value_type (e) != G_TYPE_INT64)
        return FALSE;
      out[i] = json_node_get_double (e);
    }
  return TRUE;
}

static Field *
parse_field (JsonObject             *o,
             TdCertificateTemplate  *t,
             char                  **problem)
{
  g_autoptr(GError) error = NULL;
  Field *field = g_new0 (Field, 1);
  const char *align = json_object_get_string_member_with_default (o, "align", "center");
  const char *valign = json_object_get_string_member_with_default (o, "valign", "middle");
  double box[4];
  /* The border's inner line, and 2 mm of air inside it. */
  double inner = t->border_inset + t->border_width + 2.0;

  field->name = g_strdup (json_object_get_string_member_with_default (o, "name", ""));
  field->text = g_strdup (json_object_get_string_member_with_default (o, "text", ""));
  field->size = json_object_get_double_member_with_default (o, "size", 0);
  field->min_size = json_object_get_double_member_with_default (o, "min_size", field->size / 2);
  field->max_lines = (int) json_object_get_int_member_with_default (o, "max_lines", 1);
  if (json_object_get_boolean_member_with_default (o, "bold", FALSE))
    field->style |= TD_DOC_BOLD;
  if (json_object_get_boolean_member_with_default (o, "italic", FALSE))
    field->style |= TD_DOC_ITALIC;
  field->align = g_str_equal (align, "left") ? PANGO_ALIGN_LEFT
               : g_str_equal (align, "right") ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_CENTER;
  field->valign = g_str_equal (valign, "top") ? -1 : g_str_equal (valign, "bottom") ? 1 : 0;

  if (*field->name == '\0')
    *problem = g_strdup (_("a field has no name"));
  else if (!read_numbers (o, "box_mm", box, 4) || box[2] <= 0 || box[3] <= 0 ||
           box[0] < 0 || box[1] < 0 || box[0] + box[2] > t->width || box[1] + box[3] > t->height)
    *problem = g_strdup_printf (_("the box of field “%s” is not four millimetre values inside the page"), field->name);
  /* Text drawn over the printed frame (the signer's name sat on its inner line): a field keeps
   * clear of the border by a margin a printer's offset does not eat. */
  else if (t->has_border &&
           (box[0] < inner || box[1] < inner || box[0] + box[2] > t->width - inner || box[1] + box[3] > t->height - inner))
    {
      g_autofree char *mm = td_format_decimal (inner, 1);

      *problem = g_strdup_printf (_("the box of field “%s” reaches into the border: keep it %s mm from the page's "
                                    "edges"), field->name, mm);
    }
  else if (field->size <= 0 || field->size > 200 || field->min_size <= 0 || field->min_size > field->size)
    *problem = g_strdup_printf (_("the font sizes of field “%s” are wrong"), field->name);
  else if (field->max_lines < 1)
    *problem = g_strdup_printf (_("field “%s” needs at least one line"), field->name);
  else if (!parse_colour (json_object_get_string_member_with_default (o, "colour", "#000000"), field->rgb))
    *problem = g_strdup_printf (_("the colour of field “%s” is not written #rrggbb"), field->name);
  if (*problem != NULL)
    {
      field_free (field);
      return NULL;
    }
  field->x = box[0];
  field->y = box[1];
  field->width = box[2];
  field->height = box[3];
  return field;
}

static TdCertificateTemplate *
parse_template (JsonNode    *root,
                char       **problem)
{
  g_autoptr(TdCertificateTemplate) t = g_new0 (TdCertificateTemplate, 1);
  JsonObject *o;
  JsonNode *fields;
  double page[2];

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      *problem = g_strdup (_("it is not a JSON object"));
      return NULL;
    }
  o = json_node_get_object (root);
  if (!read_numbers (o, "page_mm", page, 2) || page[0] < 50 || page[1] < 50 || page[0] > 1200 || page[1] > 1200)
    {
      *problem = g_strdup (_("the page size is missing or out of range"));
      return NULL;
    }
  t->width = page[0];
  t->height = page[1];
  t->title = g_strdup (json_object_get_string_member_with_default (o, "title", ""));
  t->preprinted = json_object_get_boolean_member_with_default (o, "preprinted", FALSE);
  if (json_object_has_member (o, "border") && JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "border")))
    {
      JsonObject *b = json_object_get_object_member (o, "border");
      t->has_border = TRUE;
      t->border_inset = json_object_get_double_member_with_default (b, "inset_mm", 12);
      t->border_width = json_object_get_double_member_with_default (b, "width_mm", 10);
      if (!parse_colour (json_object_get_string_member_with_default (b, "colour", "#b8860b"), t->border_rgb) ||
          !parse_colour (json_object_get_string_member_with_default (b, "accent", "#c8102e"), t->accent_rgb))
        {
          *problem = g_strdup (_("the border colours are not written #rrggbb"));
          return NULL;
        }
    }
  t->has_emblem = read_numbers (o, "emblem_mm", t->emblem, 4);

  fields = json_object_get_member (o, "fields");
  if (fields == NULL || !JSON_NODE_HOLDS_ARRAY (fields))
    {
      *problem = g_strdup (_("it has no list of fields"));
      return NULL;
    }
  t->fields = g_ptr_array_new_with_free_func ((GDestroyNotify) field_free);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (fields)); i++)
    {
      JsonNode *e = json_array_get_element (json_node_get_array (fields), i);
      Field *field;

      if (!JSON_NODE_HOLDS_OBJECT (e))
        {
          *problem = g_strdup (_("a field is not a JSON object"));
          return NULL;
        }
      field = parse_field (json_node_get_object (e), t, problem);
      if (field == NULL)
        return NULL;
      g_ptr_array_add (t->fields, field);
    }
  return g_steal_pointer (&t);
}

TdCertificateTemplate *
td_certificate_template_load (const char  *name,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *problem = NULL;
  TdCertificateTemplate *t;

  if (strchr (name, '/') != NULL || g_str_has_suffix (name, ".json"))
    {
      g_autoptr(GFile) file = g_file_new_for_path (name);
      bytes = g_file_load_bytes (file, NULL, NULL, error);
    }
  else if (g_strv_contains (shipped, name))
    {
      g_autofree char *path = g_strdup_printf ("/io/github/thidua/ThiDua/documents/templates/certificate-%s.json", name);
      bytes = g_resources_lookup_data (path, 0, error);
    }
  else
    {
      g_autofree char *known = g_strjoinv (", ", (char **) shipped);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("There is no certificate template “%s”. Use one of %s, or the path of a template file."),
                   name, known);
      return NULL;
    }
  if (bytes == NULL)
    return NULL;
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &local))
    problem = g_strdup (local->message);
  else
    t = parse_template (json_parser_get_root (parser), &problem);
  if (problem != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The certificate template “%s” cannot be used: %s."), name, problem);
      return NULL;
    }
  return t;
}

const char *
td_certificate_template_get_title (const TdCertificateTemplate *self)
{
  return self->title;
}

void
td_certificate_template_get_size (const TdCertificateTemplate *self,
                                  double                      *width,
                                  double                      *height)
{
  *width = self->width;
  *height = self->height;
}

gboolean
td_certificate_template_is_preprinted (const TdCertificateTemplate *self)
{
  return self->preprinted;
}

void
td_certificate_free (TdCertificate *c)
{
  if (c == NULL)
    return;
  g_free (c->recipient);
  g_free (c->unit);
  g_free (c->achievement);
  g_free (c->decision);
  g_free (c->register_no);
  g_free (c->place_date);
  g_free (c->authority);
  g_free (c->award);
  g_free (c->signer_title);
  g_free (c->signer_name);
  g_free (c);
}
