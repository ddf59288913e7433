/* td-database-private.h: what the rest of the core needs of the connection and nobody else:
 * statements (store/td-stmt.h) and, for the few that need it, the store's connection. */
#pragma once

#include "td-conn.h"
#include "td-stmt.h"

#include "td-database.h"

G_BEGIN_DECLS

TdConn       *td_database_get_handle  (TdDatabase   *self);

/* A prepared statement from the connection's cache, reset and with no bindings.  The caller
 * must finish with it (step to the end or reset) before preparing the same SQL again.  @sql
 * must be a string literal: statements are cached by its address, so a string built and freed
 * by the caller would, once its memory is reused, return another query's statement. */
TdStmt       *td_database_prepare     (TdDatabase   *self,
                                       const char   *sql,
                                       GError      **error);

/* Steps a statement that returns no rows and resets it. */
gboolean      td_database_step_done   (TdDatabase   *self,
                                       TdStmt       *stmt,
                                       GError      **error);

/* Makes one item of a row; called by td_database_collect(). */
typedef gpointer (*TdRowFunc) (TdStmt       *stmt,
                               gpointer      user_data);

/* Steps @stmt (prepared and bound) to the end, makes an item of each row with @row and returns
 * them in order, freed with @free_func; NULL on error.  The statement is reset either way. */
GPtrArray    *td_database_collect     (TdDatabase     *self,
                                       TdStmt         *stmt,
                                       TdRowFunc       row,
                                       gpointer        user_data,
                                       GDestroyNotify  free_func,
                                       GError        **error);

/* td_database_collect() for a query of one row: the item, or NULL with TD_DATABASE_ERROR_NOT_FOUND
 * and @not_found as the message when there is no row. */
gpointer      td_database_collect_one (TdDatabase     *self,
                                       TdStmt         *stmt,
                                       TdRowFunc       row,
                                       GDestroyNotify  free_func,
                                       const char     *not_found,
                                       GError        **error);
/* Turns the connection's last error into a GError. */
void          td_database_set_error   (TdDatabase   *self,
                                       int           rc,
                                       GError      **error);

G_END_DECLS
