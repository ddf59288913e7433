/* td-database.h: the application's database: opening and migrating it, transactions, who acts,
 * its error domain.  The engine underneath is the store's (store/td-conn.h), SQLite today.
 *
 * Every failure of the store leaves here as a GError in TD_DATABASE_ERROR carrying its message,
 * so callers never look at the engine's result codes. */
#pragma once

#include <gio/gio.h>

#include "td-types.h"

G_BEGIN_DECLS

#define TD_DATABASE_ERROR (td_database_error_quark ())

typedef enum {
  TD_DATABASE_ERROR_SQLITE,          /* any other failure; the message is the database engine's */
  TD_DATABASE_ERROR_NOT_A_DATABASE,  /* the file is not an sqlite database, or is damaged */
  TD_DATABASE_ERROR_TOO_NEW,         /* written by a newer version of the application */
  TD_DATABASE_ERROR_MIGRATION,       /* a schema step failed; the file is left at the step before */
  TD_DATABASE_ERROR_BUSY,            /* another program holds the write lock */
  TD_DATABASE_ERROR_CONSTRAINT,      /* a uniqueness or foreign-key rule was broken */
  TD_DATABASE_ERROR_NOT_FOUND,       /* a row the caller named does not exist */
} TdDatabaseError;

#define TD_TYPE_DATABASE (td_database_get_type ())
G_DECLARE_FINAL_TYPE (TdDatabase, td_database, TD, DATABASE, GObject)

GQuark      td_database_error_quark        (void);

/* The schema version this build writes. */
int         td_database_latest_version     (void);

TdDatabase *td_database_open               (const char  *path,
                                            GError     **error);
/* For tests: migrate only up to @version (0 < version <= latest). */
TdDatabase *td_database_open_at_version    (const char  *path,
                                            int          version,
                                            GError     **error);
char       *td_database_default_path       (void);

const char *td_database_get_path           (TdDatabase  *self);
int         td_database_get_version        (TdDatabase  *self);
/* The file kept beside the database before the last migration, or NULL. */
const char *td_database_get_backup_path    (TdDatabase  *self);

/* Who the audit log names for changes made through this connection. */
const char *td_database_get_actor          (TdDatabase  *self);
/* Deletes the database file at @path and the files sqlite keeps beside it (-wal, -shm,
 * -journal): what is left of a database whose creation failed half-way. */
void        td_database_delete_files       (const char  *path);

/* ISO 8601 UTC timestamp for "now", as stored in every *_at column. */
char       *td_database_now                (void);

void        td_database_set_actor          (TdDatabase  *self,
                                            const char  *actor);

/* Transactions nest: the outermost is BEGIN IMMEDIATE, inner ones are savepoints. */
gboolean    td_database_begin              (TdDatabase  *self,
                                            GError     **error);
gboolean    td_database_commit             (TdDatabase  *self,
                                            GError     **error);
void        td_database_rollback           (TdDatabase  *self);

/* A transaction that rolls itself back unless committed: with g_autoptr, every early return
 * of a failing step undoes what was written, without a "goto fail" tail.
 *
 *   g_autoptr(TdTransaction) tx = td_transaction_begin (db, error);
 *   if (tx == NULL || !write_this (db, error) || !write_that (db, error))
 *     return FALSE;
 *   return td_transaction_commit (tx, error);
 */
typedef struct _TdTransaction TdTransaction;

TdTransaction *td_transaction_begin        (TdDatabase     *db,
                                            GError        **error);
/* FALSE with @error when COMMIT fails; the transaction then rolls back when @tx goes. */
gboolean    td_transaction_commit          (TdTransaction  *tx,
                                            GError        **error);
/* Rolls back unless committed, and frees @tx. */
void        td_transaction_end             (TdTransaction  *tx);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TdTransaction, td_transaction_end)

gboolean    td_database_exec               (TdDatabase  *self,
                                            const char  *sql,
                                            GError     **error);

/* Meta key/value pairs stored in the file (e.g. "demo"). */
char       *td_database_get_meta           (TdDatabase  *self,
                                            const char  *key);
gboolean    td_database_set_meta           (TdDatabase  *self,
                                            const char  *key,
                                            const char  *value,
                                            GError     **error);
gboolean    td_database_is_demo            (TdDatabase  *self);

/* What a database is for: the province's board (the default, and the sample), or one unit's
 * own installation, bound to that unit. */
typedef enum {
  TD_INSTALLATION_BOARD,
  TD_INSTALLATION_UNIT,
} TdInstallation;

/* @unit_code (may be NULL) is set to the unit of a unit installation. */
TdInstallation td_database_get_installation (TdDatabase  *self,
                                             char       **unit_code);
gboolean    td_database_set_installation   (TdDatabase     *self,
                                            TdInstallation  kind,
                                            const char     *unit_code,
                                            GError        **error);

/* Runs PRAGMA integrity_check; TRUE when it answers "ok". */
gboolean    td_database_check_integrity    (TdDatabase  *self,
                                            GError     **error);

G_END_DECLS
