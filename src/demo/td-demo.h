/* td-demo.h: a deterministic sample province for trying the application and for tests. */
#pragma once

#include <gio/gio.h>

#include "td-database.h"

G_BEGIN_DECLS

/* Fills an empty database (campaign already seeded or not) with sample units, both rounds'
 * self-assessments, evidence, nominations and one decision, and marks it as sample data. */
gboolean td_demo_populate  (TdDatabase  *db,
                            GError     **error);

/* The sample province in the database at @path, made on a worker: opened when it exists
 * already, else created, seeded and populated (and removed again when that fails).  The
 * finish function returns a connection of the calling thread's own. */
void        td_demo_create_async  (const char          *path,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data);
TdDatabase *td_demo_create_finish (GAsyncResult        *result,
                                   GError             **error);

/* A small PDF with a title and lines of text on @n_pages pages, made with cairo and pango;
 * the same arguments give the same bytes. */
GBytes  *td_demo_make_pdf  (const char  *title,
                            const char  *body,
                            int          n_pages);

G_END_DECLS
