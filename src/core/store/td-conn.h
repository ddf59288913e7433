/* td-conn.h: one connection to an SQLite file, for the store's users inside the core.
 *
 * The application's database (td-database.c) and the exchange files (packages and setup files,
 * src/exchange) are SQLite files; this is how they are opened, written and read without any
 * file above the store speaking to SQLite itself.  Errors come back as the engine's result
 * code (see td-stmt.h) with the connection's message; td_conn_fault() sorts a code into what
 * the caller tells the person. */
#pragma once

#include "td-stmt.h"

G_BEGIN_DECLS

typedef struct _TdConn TdConn;

typedef enum {
  TD_CONN_DATABASE,   /* the application's own file: read-write, created if missing */
  TD_CONN_NEW_FILE,   /* a file being written (a package, a setup file) */
  TD_CONN_UNTRUSTED,  /* a file from outside: read-only, immutable, defensive, time-limited */
  TD_CONN_MEMORY,     /* a private database in memory */
} TdConnKind;

/* What an error code means to the person. */
typedef enum {
  TD_FAULT_OTHER,
  TD_FAULT_NOT_A_DATABASE,
  TD_FAULT_CORRUPT,
  TD_FAULT_IO,
  TD_FAULT_BUSY,
  TD_FAULT_CONSTRAINT,
} TdFault;

/* NULL on failure, with the result code in *@rc and the engine's message in *@message (free
 * it).  For TD_CONN_UNTRUSTED every statement is ended once the monotonic time passes
 * *@deadline, which must outlive the connection; the other kinds ignore it. */
TdConn      *td_conn_open            (const char    *path,
                                      TdConnKind     kind,
                                      const gint64  *deadline,
                                      int           *rc,
                                      char         **message);
/* TD_OK, or the error of closing (a file being written may fail to reach the disk). */
int          td_conn_close           (TdConn        *conn);

/* Runs one or more statements that return no rows. */
int          td_conn_exec            (TdConn        *conn,
                                      const char    *sql);
/* A new statement (free it with td_stmt_free()); @persistent for one kept and reused. */
int          td_conn_prepare         (TdConn        *conn,
                                      const char    *sql,
                                      gboolean       persistent,
                                      TdStmt       **stmt);

int          td_conn_errcode         (TdConn        *conn);
/* The message for the connection's last error, or for @rc when @conn is NULL. */
const char  *td_conn_errmsg          (TdConn        *conn,
                                      int            rc);
TdFault      td_conn_fault           (int            rc);

/* The id given to the row the last INSERT made, and the rows the last write changed. */
gint64       td_conn_last_insert_id  (TdConn        *conn);
int          td_conn_changes         (TdConn        *conn);

/* A stored value read in pieces without loading it whole (an evidence PDF). */
typedef struct _TdBlob TdBlob;

int          td_conn_blob_open       (TdConn        *conn,
                                      const char    *table,
                                      const char    *column,
                                      gint64         rowid,
                                      TdBlob       **blob);
gsize        td_blob_get_size        (TdBlob        *blob);
int          td_blob_read            (TdBlob        *blob,
                                      gpointer       buffer,
                                      int            n,
                                      gsize          offset);
void         td_blob_close           (TdBlob        *blob);

/* Copies the whole of @conn, consistently while others write, into a new file at @path and
 * checks the copy; FALSE with the reason in *@why (free it). */
gboolean     td_conn_copy_to         (TdConn        *conn,
                                      const char    *path,
                                      char         **why);

/* Every row of the file's own schema (type, name, table, SQL) in one canonical text, for
 * comparing an exchange file with the schema it must have; NULL with *@rc on error. */
char        *td_conn_schema_text     (TdConn        *conn,
                                      int           *rc);

G_END_DECLS
