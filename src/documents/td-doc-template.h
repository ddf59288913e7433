/* td-doc-template.h: the text of the board's documents (Tờ trình, Biên bản, Báo cáo thành tích,
 * công văn đôn đốc) comes from one template, data/templates/dossier.json, one object per
 * document: what a province words differently is edited there, not in C.  No GTK. */
#pragma once

#include <cairo.h>
#include <json-glib/json-glib.h>

#include "td-doc-flow.h"

G_BEGIN_DECLS

/* One part of the template ("proposal", "minutes", "report", "reminder"): the parser that
 * owns it, and the part in @object. */
JsonParser *td_doc_template_part (const char  *part,
                                  JsonObject **object,
                                  GError     **error);
/* @key of @o with every "{name}" of the pairs (name, value, …, NULL) filled in. */
char       *td_doc_template_text (JsonObject  *o,
                                  const char  *key,
                                  ...) G_GNUC_NULL_TERMINATED;
/* The list @key of @o, "{@name}" filled in with @value in each item. */
char      **td_doc_template_list (JsonObject  *o,
                                  const char  *key,
                                  const char  *name,
                                  const char  *value);
char       *td_doc_upper         (const char  *s);
/* "Bắc Ninh, ngày      tháng      năm 2026": dated by hand when signed. */
char       *td_doc_blank_date    (const char  *place);
/* Ends the flow and the surface: the PDF's bytes. */
GBytes     *td_doc_finish        (TdFlow          *f,
                                  cairo_surface_t *surface,
                                  GError         **error);

G_END_DECLS
