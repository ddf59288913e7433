/* td-stmt.c: the store's statements on SQLite (see td-stmt.h).
 *
 * A TdStmt is SQLite's own statement under another name: the calls below are one line each,
 * cost nothing over the raw calls, and keep the engine out of every file above the store. */
#include "config.h"

#include <sqlite3.h>

#include "td-stmt.h"

#define RAW(s) ((sqlite3_stmt *) (s))

/* The values the core compares against are SQLite's own. */
G_STATIC_ASSERT (TD_OK == SQLITE_OK && TD_ROW == SQLITE_ROW && TD_DONE == SQLITE_DONE);
G_STATIC_ASSERT (TD_VALUE_INTEGER == SQLITE_INTEGER && TD_VALUE_FLOAT == SQLITE_FLOAT &&
                 TD_VALUE_TEXT == SQLITE_TEXT && TD_VALUE_BLOB == SQLITE_BLOB && TD_VALUE_NULL == SQLITE_NULL);

int
td_stmt_step (TdStmt *stmt)
{
  return sqlite3_step (RAW (stmt));
}

int
td_stmt_reset (TdStmt *stmt)
{
  return sqlite3_reset (RAW (stmt));
}

void
td_stmt_clear_bindings (TdStmt *stmt)
{
  sqlite3_clear_bindings (RAW (stmt));
}

void
td_stmt_free (TdStmt *stmt)
{
  sqlite3_finalize (RAW (stmt));
}

int
td_stmt_bind_parameter_count (TdStmt *stmt)
{
  return sqlite3_bind_parameter_count (RAW (stmt));
}

void
td_stmt_bind_null (TdStmt *stmt,
                   int     index)
{
  sqlite3_bind_null (RAW (stmt), index);
}

void
td_stmt_bind_int (TdStmt *stmt,
                  int     index,
                  int     value)
{
  sqlite3_bind_int (RAW (stmt), index, value);
}

void
td_stmt_bind_int64 (TdStmt *stmt,
                    int     index,
                    gint64  value)
{
  sqlite3_bind_int64 (RAW (stmt), index, value);
}

void
td_stmt_bind_double (TdStmt *stmt,
                     int     index,
                     double  value)
{
  sqlite3_bind_double (RAW (stmt), index, value);
}

void
td_stmt_bind_text (TdStmt     *stmt,
                   int         index,
                   const char *text)
{
  /* SQLITE_STATIC: every caller steps the statement before the text goes away, and cached
   * statements have their bindings cleared before reuse, so the copy is not needed. */
  if (text == NULL)
    sqlite3_bind_null (RAW (stmt), index);
  else
    sqlite3_bind_text (RAW (stmt), index, text, -1, SQLITE_STATIC);
}

void
td_stmt_bind_text_copy (TdStmt     *stmt,
                        int         index,
                        const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (RAW (stmt), index);
  else
    sqlite3_bind_text (RAW (stmt), index, text, -1, SQLITE_TRANSIENT);
}

void
td_stmt_bind_blob (TdStmt        *stmt,
                   int            index,
                   gconstpointer  data,
                   gsize          size)
{
  sqlite3_bind_blob64 (RAW (stmt), index, data, size, SQLITE_STATIC);
}

void
td_stmt_bind_blob_copy (TdStmt        *stmt,
                        int            index,
                        gconstpointer  data,
                        gsize          size)
{
  sqlite3_bind_blob64 (RAW (stmt), index, data, size, SQLITE_TRANSIENT);
}

int
td_stmt_column_count (TdStmt *stmt)
{
  return sqlite3_column_count (RAW (stmt));
}

const char *
td_stmt_column_name (TdStmt *stmt,
                     int     column)
{
  return sqlite3_column_name (RAW (stmt), column);
}

TdValueType
td_stmt_column_type (TdStmt *stmt,
                     int     column)
{
  return (TdValueType) sqlite3_column_type (RAW (stmt), column);
}

int
td_stmt_column_int (TdStmt *stmt,
                    int     column)
{
  return sqlite3_column_int (RAW (stmt), column);
}

gint64
td_stmt_column_int64 (TdStmt *stmt,
                      int     column)
{
  return sqlite3_column_int64 (RAW (stmt), column);
}

double
td_stmt_column_double (TdStmt *stmt,
                       int     column)
{
  return sqlite3_column_double (RAW (stmt), column);
}

const char *
td_stmt_column_text (TdStmt *stmt,
                     int     column)
{
  return (const char *) sqlite3_column_text (RAW (stmt), column);
}

gconstpointer
td_stmt_column_blob (TdStmt *stmt,
                     int     column)
{
  return sqlite3_column_blob (RAW (stmt), column);
}

int
td_stmt_column_bytes (TdStmt *stmt,
                      int     column)
{
  return sqlite3_column_bytes (RAW (stmt), column);
}

char *
td_stmt_dup_text (TdStmt *stmt,
                  int     column)
{
  const unsigned char *text = sqlite3_column_text (RAW (stmt), column);

  return text ? g_strdup ((const char *) text) : NULL;
}
