/* td-database-private.h: what the rest of the core needs of the connection and nobody else. */
#pragma once

#include <sqlite3.h>

#include "td-database.h"

G_BEGIN_DECLS

sqlite3      *td_database_get_handle  (TdDatabase   *self);

/* A prepared statement from the connection's cache, reset and with no bindings.  The caller
 * must finish with it (step to the end or reset) before preparing the same SQL again.  @sql
 * must be a string literal: statements are cached by its address, so a string built and freed
 * by the caller would, once its memory is reused, return another query's statement. */
sqlite3_stmt *td_database_prepare     (TdDatabase   *self,
                                       const char   *sql,
                                       GError      **error);

/* Steps a statement that returns no rows and resets it. */
gboolean      td_database_step_done   (TdDatabase   *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);

/* Makes one item of a row; called by td_database_collect(). */
typedef gpointer (*TdRowFunc) (sqlite3_stmt *stmt,
                               gpointer      user_data);

/* Steps @stmt (prepared and bound) to the end, makes an item of each row with @row and returns
 * them in order, freed with @free_func; NULL on error.  The statement is reset either way. */
GPtrArray    *td_database_collect     (TdDatabase     *self,
                                       sqlite3_stmt   *stmt,
                                       TdRowFunc       row,
                                       gpointer        user_data,
                                       GDestroyNotify  free_func,
                                       GError        **error);

/* td_database_collect() for a query of one row: the item, or NULL with TD_DATABASE_ERROR_NOT_FOUND
 * and @not_found as the message when there is no row. */
gpointer      td_database_collect_one (TdDatabase     *self,
                                       sqlite3_stmt   *stmt,
                                       TdRowFunc       row,
                                       GDestroyNotify  free_func,
                                       const char     *not_found,
                                       GError        **error);
/* Turns the connection's last error into a GError. */
void          td_database_set_error   (TdDatabase   *self,
                                       int           rc,
                                       GError      **error);

/* Binds a UTF-8 string or NULL, without copying it: @text must stay valid until the statement
 * has been stepped. */
void          td_stmt_bind_text       (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
char         *td_stmt_dup_text        (sqlite3_stmt *stmt,
                                       int           column);


G_END_DECLS
