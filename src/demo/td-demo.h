/* td-demo.h: a deterministic sample province for trying the application and for tests. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

/* Fills an empty database (campaign already seeded or not) with sample units, both rounds'
 * self-assessments, evidence, nominations and one decision, and marks it as sample data. */
gboolean td_demo_populate  (TdDatabase  *db,
                            GError     **error);

/* A small PDF with a title and lines of text on @n_pages pages, made with cairo and pango;
 * the same arguments give the same bytes. */
GBytes  *td_demo_make_pdf  (const char  *title,
                            const char  *body,
                            int          n_pages);

G_END_DECLS
