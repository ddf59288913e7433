/* td-stmt.h: a prepared statement of the store, the one way the core reads and writes rows.
 *
 * The core's modules hold their SQL and run it through this interface; only the store's own
 * files (td-stmt.c, td-conn.c) know the engine underneath, which today is SQLite.  A second
 * engine implements these same calls, so no module above has to change for it.
 *
 * Result codes: a step answers TD_ROW (a row is ready) or TD_DONE (no more rows); anything else
 * is the engine's error code, which only td_database_set_error() and td_conn_fault() read. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TdStmt TdStmt;

enum {
  TD_OK   = 0,
  TD_ROW  = 100,
  TD_DONE = 101,
};

/* The type a column's value has in the row at hand. */
typedef enum {
  TD_VALUE_INTEGER = 1,
  TD_VALUE_FLOAT   = 2,
  TD_VALUE_TEXT    = 3,
  TD_VALUE_BLOB    = 4,
  TD_VALUE_NULL    = 5,
} TdValueType;

int          td_stmt_step                 (TdStmt       *stmt);
/* Back to before the first row; bindings stay. */
int          td_stmt_reset                (TdStmt       *stmt);
void         td_stmt_clear_bindings       (TdStmt       *stmt);
/* For statements from td_conn_prepare() only: cached ones belong to their connection. */
void         td_stmt_free                 (TdStmt       *stmt);

/* Parameters count from 1.  Text and blobs bound without "_copy" are not copied: they must
 * stay valid until the statement has been stepped. */
int          td_stmt_bind_parameter_count (TdStmt       *stmt);
void         td_stmt_bind_null            (TdStmt       *stmt,
                                           int           index);
void         td_stmt_bind_int             (TdStmt       *stmt,
                                           int           index,
                                           int           value);
void         td_stmt_bind_int64           (TdStmt       *stmt,
                                           int           index,
                                           gint64        value);
void         td_stmt_bind_double          (TdStmt       *stmt,
                                           int           index,
                                           double        value);
/* NULL binds NULL. */
void         td_stmt_bind_text            (TdStmt       *stmt,
                                           int           index,
                                           const char   *text);
void         td_stmt_bind_text_copy       (TdStmt       *stmt,
                                           int           index,
                                           const char   *text);
void         td_stmt_bind_blob            (TdStmt       *stmt,
                                           int           index,
                                           gconstpointer data,
                                           gsize         size);
void         td_stmt_bind_blob_copy       (TdStmt       *stmt,
                                           int           index,
                                           gconstpointer data,
                                           gsize         size);

/* Columns count from 0.  Text and blobs stay valid until the next step or reset. */
int          td_stmt_column_count         (TdStmt       *stmt);
const char  *td_stmt_column_name          (TdStmt       *stmt,
                                           int           column);
TdValueType  td_stmt_column_type          (TdStmt       *stmt,
                                           int           column);
int          td_stmt_column_int           (TdStmt       *stmt,
                                           int           column);
gint64       td_stmt_column_int64         (TdStmt       *stmt,
                                           int           column);
double       td_stmt_column_double        (TdStmt       *stmt,
                                           int           column);
const char  *td_stmt_column_text          (TdStmt       *stmt,
                                           int           column);
gconstpointer td_stmt_column_blob         (TdStmt       *stmt,
                                           int           column);
int          td_stmt_column_bytes         (TdStmt       *stmt,
                                           int           column);
/* A copy of the column's text, or NULL for NULL. */
char        *td_stmt_dup_text             (TdStmt       *stmt,
                                           int           column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdStmt, td_stmt_free)

G_END_DECLS
