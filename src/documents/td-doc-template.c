/* td-doc-template.c: the board's documents' text from their template (see td-doc-template.h). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "td-doc-template.h"
#include "td-doc-text.h"

#define TEMPLATE "/io/github/thidua/ThiDua/documents/templates/dossier.json"

JsonParser *
td_doc_template_part (const char  *part,
                      JsonObject **object,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (TEMPLATE, 0, error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), error))
    return NULL;
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ? json_node_get_object (json_parser_get_root (parser))
                                                                 : NULL;
  if (root == NULL || !json_object_has_member (root, part) ||
      !JSON_NODE_HOLDS_OBJECT (json_object_get_member (root, part)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The template of the board's documents is damaged."));
      return NULL;
    }
  *object = json_object_get_object_member (root, part);
  return g_steal_pointer (&parser);
}

char *
td_doc_template_text (JsonObject *o,
                      const char *key,
                      ...)
{
  const char *raw = json_object_get_string_member_with_default (o, key, "");
  GString *out = g_string_new (raw);
  va_list ap;
  const char *name;

  va_start (ap, key);
  while ((name = va_arg (ap, const char *)) != NULL)
    {
      const char *value = va_arg (ap, const char *);
      g_autofree char *placeholder = g_strdup_printf ("{%s}", name);
      g_string_replace (out, placeholder, value ? value : "", 0);
    }
  va_end (ap);
  return g_string_free (out, FALSE);
}

char **
td_doc_template_list (JsonObject *o,
                      const char *key,
                      const char *name,
                      const char *value)
{
  JsonArray *a = json_object_has_member (o, key) ? json_object_get_array_member (o, key) : NULL;
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  for (guint i = 0; a && i < json_array_get_length (a); i++)
    {
      GString *s = g_string_new (json_array_get_string_element (a, i));
      g_autofree char *placeholder = g_strdup_printf ("{%s}", name);

      g_string_replace (s, placeholder, value, 0);
      g_strv_builder_take (b, g_string_free (s, FALSE));
    }
  return g_strv_builder_end (b);
}

char *
td_doc_upper (const char *s)
{
  return g_utf8_strup (s ? s : "", -1);
}

char *
td_doc_blank_date (const char *place)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_strdup_printf ("%s, ngày      tháng      năm %d", place, g_date_time_get_year (now));
}

GBytes *
td_doc_finish (TdFlow           *f,
               cairo_surface_t  *surface,
               GError          **error)
{
  GBytes *bytes;

  td_flow_end (f);
  bytes = td_doc_pdf_finish (surface, error);
  cairo_surface_destroy (surface);
  return bytes;
}
