/* td-conn.c: SQLite connections for the store's users (see td-conn.h).
 *
 * Each kind of file is opened the one way it must be: the application's database with extended
 * result codes, a busy timeout and the query watch; a file from outside as hostile input (no
 * trusted schema, defensive mode, bounded values, a time budget). */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "td-conn.h"
#include "td-query-watch.h"

#define RAW(c) ((sqlite3 *) (c))

/* Ends any statement once the monotonic time passes the deadline @data points at. */
static int
past_deadline (void *data)
{
  return g_get_monotonic_time () > *(const gint64 *) data;
}

/* The query watch sees every statement of the application's database, whichever file
 * prepared it.  A trigger's statements come as "-- …": the statement that fired it counted. */
static int
trace_statement (unsigned  type,
                 void     *context,
                 void     *statement,
                 void     *sql)
{
  if (type == SQLITE_TRACE_STMT && sql != NULL && !g_str_has_prefix (sql, "--"))
    td_query_watch_statement (sql);
  return 0;
}

static char *
open_uri (const char *path,
          int        *rc,
          char      **message)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, &error);

  if (uri == NULL)
    {
      *rc = SQLITE_CANTOPEN;
      *message = g_strdup (error->message);
      return NULL;
    }
  /* immutable: sqlite neither locks the file nor looks for a journal or WAL beside it. */
  return g_strconcat (uri, "?mode=ro&immutable=1", NULL);
}

TdConn *
td_conn_open (const char    *path,
              TdConnKind     kind,
              const gint64  *deadline,
              int           *rc,
              char         **message)
{
  g_autofree char *uri = NULL;
  sqlite3 *db = NULL;
  int flags;

  switch (kind)
    {
    case TD_CONN_UNTRUSTED:
      uri = open_uri (path, rc, message);
      if (uri == NULL)
        return NULL;
      path = uri;
      flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
      break;
    case TD_CONN_MEMORY:
      path = ":memory:";
      flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    case TD_CONN_DATABASE:
      flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
      break;
    case TD_CONN_NEW_FILE:
    default:
      flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
    }

  *rc = sqlite3_open_v2 (path, &db, flags, NULL);
  if (*rc != SQLITE_OK)
    {
      *message = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (*rc));
      sqlite3_close (db);
      return NULL;
    }

  switch (kind)
    {
    case TD_CONN_DATABASE:
      sqlite3_extended_result_codes (db, 1);
      sqlite3_busy_timeout (db, 5000);
      if (td_query_watch_is_on ())
        sqlite3_trace_v2 (db, SQLITE_TRACE_STMT, trace_statement, NULL);
      break;
    case TD_CONN_UNTRUSTED:
      /* Defence in depth: no functions with side effects from the file's schema, no huge
       * values, and no statement runs past the file's time budget. */
      sqlite3_db_config (db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
      sqlite3_db_config (db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
      sqlite3_limit (db, SQLITE_LIMIT_LENGTH, 512 * 1024 * 1024);
      if (deadline != NULL)
        sqlite3_progress_handler (db, 1000, past_deadline, (void *) deadline);
      break;
    default:
      break;
    }
  return (TdConn *) db;
}

int
td_conn_close (TdConn *conn)
{
  /* _v2: statements the caller still caches are finalized with the connection's last user. */
  return conn ? sqlite3_close_v2 (RAW (conn)) : SQLITE_OK;
}

int
td_conn_exec (TdConn     *conn,
              const char *sql)
{
  return sqlite3_exec (RAW (conn), sql, NULL, NULL, NULL);
}

int
td_conn_prepare (TdConn      *conn,
                 const char  *sql,
                 gboolean     persistent,
                 TdStmt     **stmt)
{
  sqlite3_stmt *raw = NULL;
  int rc = sqlite3_prepare_v3 (RAW (conn), sql, -1, persistent ? SQLITE_PREPARE_PERSISTENT : 0, &raw, NULL);

  *stmt = (TdStmt *) raw;
  return rc;
}

int
td_conn_errcode (TdConn *conn)
{
  return sqlite3_extended_errcode (RAW (conn));
}

const char *
td_conn_errmsg (TdConn *conn,
                int     rc)
{
  return conn ? sqlite3_errmsg (RAW (conn)) : sqlite3_errstr (rc);
}

TdFault
td_conn_fault (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:     return TD_FAULT_NOT_A_DATABASE;
    case SQLITE_CORRUPT:    return TD_FAULT_CORRUPT;
    case SQLITE_IOERR:      return TD_FAULT_IO;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:     return TD_FAULT_BUSY;
    case SQLITE_CONSTRAINT: return TD_FAULT_CONSTRAINT;
    default:                return TD_FAULT_OTHER;
    }
}

gint64
td_conn_last_insert_id (TdConn *conn)
{
  return sqlite3_last_insert_rowid (RAW (conn));
}

int
td_conn_changes (TdConn *conn)
{
  return sqlite3_changes (RAW (conn));
}

int
td_conn_blob_open (TdConn      *conn,
                   const char  *table,
                   const char  *column,
                   gint64       rowid,
                   TdBlob     **blob)
{
  sqlite3_blob *raw = NULL;
  int rc = sqlite3_blob_open (RAW (conn), "main", table, column, rowid, 0, &raw);

  if (rc != SQLITE_OK)
    {
      sqlite3_blob_close (raw);
      raw = NULL;
    }
  *blob = (TdBlob *) raw;
  return rc;
}

gsize
td_blob_get_size (TdBlob *blob)
{
  return (gsize) MAX (sqlite3_blob_bytes ((sqlite3_blob *) blob), 0);
}

int
td_blob_read (TdBlob   *blob,
              gpointer  buffer,
              int       n,
              gsize     offset)
{
  return sqlite3_blob_read ((sqlite3_blob *) blob, buffer, n, (int) offset);
}

void
td_blob_close (TdBlob *blob)
{
  sqlite3_blob_close ((sqlite3_blob *) blob);
}

gboolean
td_conn_copy_to (TdConn      *conn,
                 const char  *path,
                 char       **why)
{
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  sqlite3_stmt *check = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (path, &out, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      *why = g_strdup (out ? sqlite3_errmsg (out) : sqlite3_errstr (rc));
      sqlite3_close (out);
      return FALSE;
    }
  backup = sqlite3_backup_init (out, "main", RAW (conn), "main");
  if (backup == NULL)
    {
      *why = g_strdup (sqlite3_errmsg (out));
      sqlite3_close (out);
      return FALSE;
    }
  /* A few hundred pages at a time: a writer elsewhere waits at most that long, and the copy
   * starts again by itself when the source changed in between. */
  do
    {
      rc = sqlite3_backup_step (backup, 256);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (20);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    rc = sqlite3_errcode (out);
  /* One self-contained file, checked before the caller gives it its name. */
  if ((rc == SQLITE_OK || rc == SQLITE_DONE) &&
      sqlite3_exec (out, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) == SQLITE_OK &&
      sqlite3_prepare_v2 (out, "PRAGMA quick_check", -1, &check, NULL) == SQLITE_OK &&
      sqlite3_step (check) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (check, 0), "ok") == 0;
  sqlite3_finalize (check);
  if (!ok)
    {
      *why = g_strdup (sqlite3_errmsg (out));
      sqlite3_close (out);
      return FALSE;
    }
  if (sqlite3_close (out) != SQLITE_OK)
    {
      *why = g_strdup (sqlite3_errstr (SQLITE_IOERR));
      return FALSE;
    }
  return TRUE;
}

char *
td_conn_schema_text (TdConn *conn,
                     int    *rc)
{
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (RAW (conn), "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY name, type",
                            -1, &stmt, NULL);
  if (*rc != SQLITE_OK)
    return g_string_free (out, TRUE);
  while ((*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < 4; c++)
      {
        const char *v = (const char *) sqlite3_column_text (stmt, c);
        /* Length-prefixed: no two different schemas give the same text. */
        g_string_append_printf (out, "%d:%s%s", v ? (int) strlen (v) : -1, v ? v : "", c == 3 ? "\n" : "|");
      }
  sqlite3_finalize (stmt);
  if (*rc != SQLITE_DONE)
    return g_string_free (out, TRUE);
  *rc = SQLITE_OK;
  return g_string_free (out, FALSE);
}
