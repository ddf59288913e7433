/* td-query-watch.h: a debug switch that finds the queries a window runs on the main thread.
 *
 * With THIDUA_DEBUG_QUERIES=count, every statement the app's database runs on the main thread
 * after td_query_watch_arm() is counted, and the counts are printed (most first) when the
 * process ends; with THIDUA_DEBUG_QUERIES=abort the first such statement aborts with its SQL.
 * The window arms it once its first frame is painted: from then on a query on the main thread
 * is a frame the person waits for.  Without the variable nothing is traced. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Called by the store for every statement its database runs while the switch is on. */
void     td_query_watch_statement (const char *sql);
/* From now on, statements on the calling thread are counted (or abort). */
void     td_query_watch_arm    (void);
gboolean td_query_watch_is_on  (void);

G_END_DECLS
